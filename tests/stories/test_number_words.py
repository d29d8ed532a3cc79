"""Numbers written as words, qualifiers and background phrases in twelve languages.

Sentences marked "dev" are real sentences copied from the pairs-dev dev data
(../shared/data/pairs-dev/articles.jsonl: ru, de, es, pl, tr, fr, en); it has no Ukrainian,
Belarusian, Lithuanian, Italian or Portuguese articles, so those sentences, and the others,
are written for these tests in the style of news reports.
"""

from __future__ import annotations

import pytest

from stories.facts import Qualifier
from stories.number_qualifiers import (
    qualified_amount,
    qualifier_after,
    qualifier_before,
)
from stories.number_words import LANGUAGES, has_number_words, scale_after, spelled_numbers

Found = tuple[str, float]


def read(text: str, language: str) -> list[Found]:
    """Every number: its text and value, "~" after the text for vague ones."""
    return [
        (number.text + ("~" if number.vague else ""), number.value)
        for number in spelled_numbers(text, language)
    ]


def qualifier_of(text: str, number: str, language: str) -> Qualifier | None:
    return qualifier_before(text, text.index(number), language)


# ---- Russian ----


def test_russian_cardinals_in_their_cases() -> None:
    dev = "В десяти обсерваторах находится 407 человек."
    assert read(dev, "ru") == [("десяти", 10)]
    dev = (
        "Сначала фильмы, которые подберет команда «Соловья»,  будут показывать в четырех "
        "флагманских кинотеатрах сети, но их число могут увеличить."
    )
    assert read(dev, "ru") == [("четырех", 4)]
    dev = "Последние двое достаточно неплохо проявляют себя в текущем сезоне."
    assert read(dev, "ru") == [("двое", 2)]
    written = (
        "Лукашенко помиловал ста двадцати трём заключённым, в том числе девятерым иностранцам."
    )
    assert read(written, "ru") == [("ста двадцати трём", 123), ("девятерым", 9)]
    written = "Среди освобождённых сто двадцать три человека, из них девять граждан Литвы."
    assert read(written, "ru") == [("сто двадцать три", 123), ("девять", 9)]


def test_russian_qualifiers_and_hundreds_in_genitive() -> None:
    dev = (
        "Около ста пожилых людей собрались на митинг на площади Ленина с портретами советских "
        "вождей, транспарантами и советским знаменем."
    )
    assert read(dev, "ru") == [("ста", 100)]
    assert qualifier_of(dev, "ста", "ru") is Qualifier.ABOUT
    written = "В колониях остаются более тысячи ста политзаключённых, не менее двухсот — женщины."
    assert read(written, "ru") == [("тысячи ста", 1100), ("двухсот", 200)]
    assert qualifier_of(written, "тысячи", "ru") is Qualifier.MORE_THAN
    assert qualifier_of(written, "двухсот", "ru") is Qualifier.AT_LEAST
    assert qualifier_of("по меньшей мере 9 человек", "9", "ru") is Qualifier.AT_LEAST
    assert qualifier_of("свыше 9 человек", "9", "ru") is Qualifier.MORE_THAN
    assert qualifier_of("до 9 человек", "9", "ru") is Qualifier.UP_TO
    assert qualifier_of("ещё 9 человек", "9", "ru") is Qualifier.EXACT
    assert qualifier_of("в колонии 9 человек", "9", "ru") is None
    # pairs-dev u32e5cf59ae72fe7f (finversia.ru): a price above a mark is a lower bound
    above = "криптовалюты достигла уровня выше 1400 долларов"
    assert qualifier_of(above, "1400", "ru") is Qualifier.MORE_THAN
    assert qualifier_of("температура ниже 20 градусов", "20", "ru") is Qualifier.LESS_THAN
    assert qualifier_of("ціна вище 100 гривень", "100", "uk") is Qualifier.MORE_THAN


def test_russian_thousand_is_one_after_a_qualifier_and_vague_alone() -> None:
    dev = (
        "Такая динамика, как заявил Дроздов, позволит обеспечить ежегодный прирост к каждой "
        "пенсии в среднем около тысячи рублей."
    )
    assert read(dev, "ru") == [("тысячи", 1000)]
    written = "Тысячи людей вышли на улицы, сотни были задержаны, десятки тысяч подписали петицию."
    assert read(written, "ru") == [("Тысячи~", 1000), ("сотни~", 100), ("десятки тысяч~", 10000)]
    written = "Задержаны несколько сотен человек, а ещё около сотни отпущены."
    assert read(written, "ru") == [("несколько сотен~", 100), ("сотни", 100)]


def test_russian_scales_after_digits_and_words() -> None:
    dev = (
        "Всего за первые три месяца года в аптеках было продано 38,4 млн упаковок "
        "противовирусных препаратов (31,7 млн годом ранее)."
    )
    assert read(dev, "ru") == [("три", 3), ("38,4 млн", 38_400_000), ("31,7 млн", 31_700_000)]
    dev = (
        "По данным Комитета по внешним связям Петербурга, настоящий момент в Израиле проживает "
        "1,3 тысячи блокадников и почти семь тысяч ветеранов Великой Отечественной войны."
    )
    assert read(dev, "ru") == [("1,3 тысячи", 1300), ("семь тысяч", 7000)]
    assert qualifier_of(dev, "семь", "ru") is Qualifier.ALMOST
    dev = (
        "Николаевский областной центр экстренной медицинской помощи получил 1 миллион 532 "
        "тысячи 618 гривен за лечение 126 человек с коронавирусной инфекцией."
    )
    assert read(dev, "ru") == [("1 миллион 532 тысячи 618", 1_532_618)]
    dev = (
        "Минэкономразвития России получит два миллиарда рублей на предоставление субсидий "
        "малому и среднему бизнесу в регионах."
    )
    assert read(dev, "ru") == [("два миллиарда", 2_000_000_000)]
    dev = (
        "В России зафиксировано более 280 тысяч случаев коронавирусной инфекции, 2,6 тысячи "
        "человек умерли."
    )
    assert read(dev, "ru") == [("280 тысяч", 280_000), ("2,6 тысячи", 2600)]
    assert qualifier_of(dev, "280", "ru") is Qualifier.MORE_THAN
    written = "Бюджет — полтора миллиона рублей, ещё два с половиной миллиона обещаны."
    assert read(written, "ru") == [
        ("полтора миллиона", 1_500_000),
        ("два с половиной миллиона", 2_500_000),
    ]


def test_russian_one_alone_ordinals_and_family_are_not_counts() -> None:
    dev = (
        'Киноцентр ""Соловей"" - один из старейших в Москве, а по числу залов он является '
        "крупнейшим в Восточной Европе."
    )
    assert read(dev, "ru") == []
    dev = (
        "Известно, что одна из погибших девочек занималась танцами, постоянно ездила на "
        "соревнования, в том числе за границу."
    )
    assert read(dev, "ru") == []
    dev = (
        "Хакеры раскрыли часть сведений, которые якобы могут помешать президенту США Дональду "
        "Трампу переизбраться на второй срок."
    )
    assert read(dev, "ru") == []
    written = "Девятый раз он перевёз семью в Вильнюс, один, без помощи; там двадцать один день."
    assert read(written, "ru") == [("двадцать один", 21)]
    assert read("Он остался один.", "ru") == []


# ---- Ukrainian, Belarusian ----


def test_ukrainian_cases_vague_words_and_qualifiers() -> None:
    written = "Білорусь звільнила сто двадцять трьох в'язнів, серед них дев'ятьох українців."
    assert read(written, "uk") == [("сто двадцять трьох", 123), ("дев'ятьох", 9)]
    written = "Понад тисячу людей досі за ґратами, сотні чекають на суд, ще кілька тисяч — на волі."
    assert read(written, "uk") == [("тисячу", 1000), ("сотні~", 100), ("кілька тисяч~", 1000)]
    assert qualifier_of(written, "тисячу", "uk") is Qualifier.MORE_THAN
    written = "Щонайменше п’ятеро затриманих і близько 2 млн гривень."
    assert read(written, "uk") == [("п’ятеро", 5), ("2 млн", 2_000_000)]
    assert qualifier_of(written, "п’ятеро", "uk") is Qualifier.AT_LEAST
    assert qualifier_of(written, "2 млн", "uk") is Qualifier.ABOUT
    assert read("Один з них сказав, що сім'я чекає.", "uk") == []


def test_belarusian_cases_and_vague_words() -> None:
    written = "Вызвалілі сто дваццаць тры чалавекі, сярод іх дзевяці грамадзянам Літвы далі візы."
    assert read(written, "be") == [("сто дваццаць тры", 123), ("дзевяці", 9)]
    written = "Каля тысячы палітвязняў застаюцца за кратамі, сотні іншых чакаюць суда."
    assert read(written, "be") == [("тысячы", 1000), ("сотні~", 100)]
    assert qualifier_of(written, "тысячы", "be") is Qualifier.ABOUT
    assert read("Адзін з іх застаўся.", "be") == []


# ---- Polish ----


def test_polish_cases_and_compounds() -> None:
    dev = "Położyła się na dwóch siedzeniach, opierając nogi o ścianę."
    assert read(dev, "pl") == [("dwóch", 2)]
    dev = "Od sześciu lat emitowany jest na kanale TTV."
    assert read(dev, "pl") == [("sześciu", 6)]
    dev = (
        "Helikopter, którym lecieli Kobe Bryant, jego 13-letnia córka Gianna oraz siedem innych "
        "osób, rozbił się 40 mil od Los Angeles."
    )
    assert read(dev, "pl") == [("siedem", 7)]
    written = "Łukaszenka ułaskawił stu dwudziestu trzech więźniów, w tym dziewięciu Litwinów."
    assert read(written, "pl") == [("stu dwudziestu trzech", 123), ("dziewięciu", 9)]
    written = "Uwolniono sto dwadzieścia trzy osoby; jeden z nich wrócił raz jeszcze."
    assert read(written, "pl") == [("sto dwadzieścia trzy", 123)]


def test_polish_vague_words_scales_and_qualifiers() -> None:
    dev = "Zaatakowali go domagając się oddania kilkuset złotych, jakie wcześniej pożyczył."
    assert read(dev, "pl") == [("kilkuset~", 100)]
    dev = (
        "Skutki dotkną tysięcy Polaków GIS przychylił się do apelu rzecznika Małych i Średnich "
        "Przedsiębiorstw (MŚP) i podjął decyzję o zmianie."
    )
    assert read(dev, "pl") == [("tysięcy~", 1000)]
    dev = (
        "Jej skonsolidowane przychody ze sprzedaży sięgnęły 111,2 mld zł w 2019 r. Spółka jest "
        "notowana na GPW od 1999 r"
    )
    assert read(dev, "pl") == [("111,2 mld", 111_200_000_000)]
    dev = "Sprawa może również trafić do sądu, a wtedy kara wzrośnie do nawet 100 tys. zł."
    assert read(dev, "pl") == [("100 tys", 100_000)]
    assert qualifier_of(dev, "100", "pl") is Qualifier.UP_TO
    written = (
        "Ponad tysiąc osób nadal siedzi, około półtora tysiąca czeka, co najmniej setki uciekły."
    )
    assert read(written, "pl") == [("tysiąc", 1000), ("półtora tysiąca", 1500), ("setki~", 100)]
    assert qualifier_of(written, "tysiąc", "pl") is Qualifier.MORE_THAN
    assert qualifier_of(written, "półtora", "pl") is Qualifier.ABOUT
    assert qualifier_of(written, "setki", "pl") is Qualifier.AT_LEAST


# ---- Lithuanian ----


def test_lithuanian_cases_vague_words_and_qualifiers() -> None:
    written = (
        "Baltarusija paleido šimtą dvidešimt tris kalinius, devyniems iš jų leista atvykti į "
        "Lietuvą."
    )
    assert read(written, "lt") == [("šimtą dvidešimt tris", 123), ("devyniems", 9)]
    written = "Daugiau nei tūkstantis politinių kalinių lieka įkalinti, šimtai laukia teismo."
    assert read(written, "lt") == [("tūkstantis", 1000), ("šimtai~", 100)]
    assert qualifier_of(written, "tūkstantis", "lt") is Qualifier.MORE_THAN
    written = "Apie 10 tūkst. eurų, keli tūkstančiai žmonių ir vienas vyras."
    assert read(written, "lt") == [("10 tūkst", 10_000), ("keli tūkstančiai~", 1000)]
    assert qualifier_of(written, "10", "lt") is Qualifier.ABOUT


# ---- German ----


def test_german_compounds_and_the_article() -> None:
    dev = (
        "Für ÖVP-Chef Sebastian Kurz ist es nach eineinhalb Jahren in einer Regierung mit der "
        "rechten FPÖ ein Richtungswechsel."
    )
    assert read(dev, "de") == [("eineinhalb", 1.5)]
    dev = "Die neun anderen Verletzten wurden in umliegende Spitäler gebracht."
    assert read(dev, "de") == [("neun", 9)]
    dev = (
        "Im Einsatz war er während total 127 Minuten, was sechseinhalb Minuten pro "
        "Meisterschaftsspiel ergibt."
    )
    assert read(dev, "de") == [("sechseinhalb", 6.5)]
    written = (
        "Hundertdreiundzwanzig Gefangene kamen frei, zweitausendfünfhundert bleiben, ein Mann "
        "starb."
    )
    assert read(written, "de") == [("Hundertdreiundzwanzig", 123), ("zweitausendfünfhundert", 2500)]
    assert read("Eine Million Euro und einundzwanzig Tage", "de") == [
        ("Eine Million", 1_000_000),
        ("einundzwanzig", 21),
    ]


def test_german_ordinals_and_other_words_are_not_counts() -> None:
    dev = (
        "Und schließlich begibt sie sich zusammen mit dem jungen Soldaten Phillip in das "
        "unheilvolle vierte Reich, das von in den vier Reichen wiederherzustellen."
    )
    assert read(dev, "de") == [("vier", 4)]
    written = (
        "Die neunte Runde, das Dreieck, die Achtung und einmal im Jahr; das ließ er außer Acht."
    )
    assert read(written, "de") == []


def test_german_vague_words_scales_and_qualifiers() -> None:
    dev = "Auf mehreren Partys sollen sich bereits Dutzende Menschen infiziert haben."
    assert read(dev, "de") == [("Dutzende~", 12)]
    dev = "Mehrere Dutzend Menschen seien verletzt worden."
    assert read(dev, "de") == [("Mehrere Dutzend~", 12)]
    dev = (
        "Berlins Innensenator Andreas Geisel (SPD) sagte am Freitag im Radio Eins des rbb, er sei "
        '"sehr, sehr skeptisch", ob das Festival mit Zehntausenden Besuchern am 5. und 6.'
    )
    assert read(dev, "de") == [("Zehntausenden~", 10_000)]
    dev = (
        "Der japanische Branchenriese bezifferte die Einbußen beim operativen Gewinn in diesem "
        "Bereich auf 35,1 Milliarden Yen (gut 300 Mio Euro)."
    )
    assert read(dev, "de") == [("35,1 Milliarden", 35_100_000_000), ("300 Mio", 300_000_000)]
    written = "Mehr als tausend Häftlinge, rund zwei Millionen Euro, bis zu Hunderte Zeugen."
    assert read(written, "de") == [("tausend", 1000), ("zwei Millionen", 2e6), ("Hunderte~", 100)]
    assert qualifier_of(written, "tausend", "de") is Qualifier.MORE_THAN
    assert qualifier_of(written, "zwei", "de") is Qualifier.ABOUT
    assert qualifier_of(written, "Hunderte", "de") is Qualifier.UP_TO


# ---- French ----


def test_french_compounds_collectives_and_the_article() -> None:
    dev = (
        "Dans ce quartier de la Croix-Rousse, lieu plutôt chic de la ville, une douzaine de "
        "voitures ont été incendiées."
    )
    found = spelled_numbers(dev, "fr")
    assert [(n.text, n.value, n.approximate) for n in found] == [("une douzaine", 12, True)]
    dev = (
        "Le feu se serait propagé et une douzaine de véhicules auraient brulé, dont cinq "
        "seraient totalement détruits, selon le quotidien régional."
    )
    assert read(dev, "fr") == [("une douzaine", 12), ("cinq", 5)]
    dev = (
        "Selon les informations du Progrès, qui relate les faits, deux départs de feu se seraient "
        "produits peu avant minuit rue Belfort et rue Janin."
    )
    assert read(dev, "fr") == [("deux", 2)]
    written = (
        "Cent vingt-trois détenus, soixante et onze femmes, quatre-vingt-dix-sept hommes et un "
        "enfant."
    )
    assert read(written, "fr") == [
        ("Cent vingt-trois", 123),
        ("soixante et onze", 71),
        ("quatre-vingt-dix-sept", 97),
    ]
    assert read("Vingt-et-un détenus et deux-cent-trois autres.", "fr") == [
        ("Vingt-et-un", 21),
        ("deux-cent-trois", 203),
    ]
    assert read("La quarantaine est levée; un homme est mort.", "fr") == []


def test_french_vague_words_and_qualifiers() -> None:
    written = (
        "Des centaines de personnes, des dizaines de milliers de manifestants et plus de mille "
        "détenus."
    )
    assert read(written, "fr") == [
        ("centaines~", 100),
        ("dizaines de milliers~", 10_000),
        ("mille", 1000),
    ]
    assert qualifier_of(written, "mille", "fr") is Qualifier.MORE_THAN
    assert qualifier_of("près de 9 personnes", "9", "fr") is Qualifier.ABOUT
    assert qualifier_of("jusqu'à 9 personnes", "9", "fr") is Qualifier.UP_TO
    assert qualifier_of("au moins 9 personnes", "9", "fr") is Qualifier.AT_LEAST


# ---- Spanish ----


def test_spanish_numbers_vague_words_and_the_article() -> None:
    dev = (
        "Un video difundido en redes sociales muestra el momento en que decenas de fuegos "
        "artificiales estallan al interior del inmueble, mientras varias personas se alejan "
        "gritando."
    )
    assert read(dev, "es") == [("decenas~", 10)]
    dev = (
        "MATAMOROS, Tamaulipas- Autoridades mexicanas han estado preparando un albergue para los "
        "cientos de migrantes que esperan asilo en Matamoros."
    )
    assert read(dev, "es") == [("cientos~", 100)]
    dev = (
        "Asimismo, con su publicación dejó a sus cinco millones de seguidores ‘boquiarbiertos’ "
        "al tener un cuerpo tan conservado."
    )
    assert read(dev, "es") == [("cinco millones", 5_000_000)]
    written = (
        "Ciento veintitrés presos, treinta y dos mujeres, doscientas personas y dos mil millones."
    )
    assert read(written, "es") == [
        ("Ciento veintitrés", 123),
        ("treinta y dos", 32),
        ("doscientas", 200),
        ("dos mil millones", 2e9),
    ]


def test_spanish_thousands_written_with_mil_and_qualifiers() -> None:
    dev = (
        "Si a esta cifra se suman las 2 mil 153 personas asesinadas en diciembre de 2018, en lo "
        "que va de la presente administración federal la cifra de víctimas por este delito son "
        "30 mil 798."
    )
    assert read(dev, "es") == [("2 mil 153", 2153), ("30 mil 798", 30_798)]
    dev = (
        "Sedena despliega más de mil elementos por temporada invernal Se ha auxiliado a la "
        "población civil afectada en Chihuahua, México, Nuevo León, Querétaro, Tlaxcala y "
        "Zacatecas."
    )
    assert read(dev, "es") == [("mil", 1000)]
    assert qualifier_of(dev, "mil", "es") is Qualifier.MORE_THAN
    assert qualifier_of("unos 9 heridos", "9", "es") is Qualifier.ABOUT
    assert qualifier_of("al menos 9 heridos", "9", "es") is Qualifier.AT_LEAST
    assert qualifier_of("hasta 9 heridos", "9", "es") is Qualifier.UP_TO


# ---- Italian, Portuguese ----


def test_italian_compounds_collectives_and_qualifiers() -> None:
    written = "Centoventitré prigionieri, duemilacinquecento euro, ventotto giorni e un uomo."
    assert read(written, "it") == [
        ("Centoventitré", 123),
        ("duemilacinquecento", 2500),
        ("ventotto", 28),
    ]
    written = (
        "Una decina di feriti, centinaia di persone e decine di migliaia di firme; oltre i cento."
    )
    assert read(written, "it") == [
        ("Una decina", 10),
        ("centinaia~", 100),
        ("decine di migliaia~", 10_000),
        ("cento", 100),
    ]
    assert qualifier_of(written, "cento", "it") is Qualifier.MORE_THAN
    assert qualifier_of("fino a 9 anni", "9", "it") is Qualifier.UP_TO
    assert read("Il nono giorno, tu sei qui.", "it") == []


def test_portuguese_compounds_vague_words_and_qualifiers() -> None:
    written = "Cento e vinte e três presos, vinte e uma mulheres, dois milhões de euros e um homem."
    assert read(written, "pt") == [
        ("Cento e vinte e três", 123),
        ("vinte e uma", 21),
        ("dois milhões", 2e6),
    ]
    written = "Centenas de pessoas, dezenas de milhares de votos e mais de mil detidos."
    assert read(written, "pt") == [
        ("Centenas~", 100),
        ("dezenas de milhares~", 10_000),
        ("mil", 1000),
    ]
    assert qualifier_of(written, "mil detidos", "pt") is Qualifier.MORE_THAN
    assert qualifier_of("cerca de 9 pessoas", "9", "pt") is Qualifier.ABOUT
    assert qualifier_of("pelo menos 9 pessoas", "9", "pt") is Qualifier.AT_LEAST


# ---- Turkish ----


def test_turkish_numbers_vague_words_and_false_friends() -> None:
    dev = "Reklam panosu, devrilmemesi için iki vinçle sabitlendi."
    assert read(dev, "tr") == [("iki", 2)]
    assert read("İKİ HASTA ALIYOR", "tr") == [("İKİ", 2)]
    dev = (
        "Her gün binlerce hastanın yoğun bakıma sevk edildiği ülkede, yoğun bakım üniteleri "
        "vakalara cevap vermekte zorlanıyor."
    )
    assert read(dev, "tr") == [("binlerce~", 1000)]
    dev = (
        "Güney Avustralya'daki Myponga şehrinde bir kırmızı karınlı siyah yılan, zehirli "
        "kahverengi yılana saldırıp onu yedi."
    )
    assert read(dev, "tr") == []
    written = "Yüz yirmi üç mahkum, yüzyirmiüç kişi, on binlerce insan, bu yüzden birden dokuzuncu."
    assert read(written, "tr") == [
        ("Yüz yirmi üç", 123),
        ("yüzyirmiüç", 123),
        ("on binlerce~", 10_000),
    ]
    assert read("iki yüz elli kişi ve ikiyüz kişi", "tr") == [
        ("iki yüz elli", 250),
        ("ikiyüz", 200),
    ]


def test_turkish_thousands_and_qualifiers_after_the_number() -> None:
    dev = (
        "Söke İlçe Emniyet Müdürlüğü sorumluluk sahasında 15 kişiye toplam 47 bin 250 lira, "
        "maskesiz müşteri alan 3 iş yeri sahibine toplam 9 bin 450 lira, marketten maskesiz "
        "alışveriş yapan 3 kişiye de toplam bin 170 lira idari para cezası kesildi."
    )
    assert read(dev, "tr") == [("47 bin 250", 47_250), ("9 bin 450", 9450), ("bin 170", 1170)]
    dev = (
        "80 binden fazla koronavirüs vakası ve 8 bini aşkın ölümün yaşandığı İtalya, zor "
        "günlerden geçiyor."
    )
    found = spelled_numbers(dev, "tr")
    assert [(n.text, n.value) for n in found] == [("80 bin", 80_000), ("8 bin", 8000)]
    assert [qualifier_after(dev, n.end, "tr") for n in found] == [Qualifier.MORE_THAN] * 2
    assert qualifier_after("100'e kadar kişi", 3, "tr") is Qualifier.UP_TO
    assert qualifier_after("100 kadar kişi", 3, "tr") is Qualifier.ABOUT
    assert qualifier_after("100 kişi", 3, "tr") is None
    assert qualifier_of("yaklaşık 9 kişi", "9", "tr") is Qualifier.ABOUT
    assert qualifier_of("en az 9 kişi", "9", "tr") is Qualifier.AT_LEAST
    assert read("bir buçuk milyon lira ve 1,5 milyon dolar", "tr") == [
        ("bir buçuk milyon", 1_500_000),
        ("1,5 milyon", 1_500_000),
    ]


# ---- English ----


def test_english_numbers_vague_words_and_one() -> None:
    dev = (
        "In Surrey, the opposition is somewhat splintered, with three independent councillors "
        "and one from a different political party voting against McCallum."
    )
    assert read(dev, "en") == [("three", 3)]
    dev = (
        "It is thought to have allowed American companies to cut their tax bills by hundreds of "
        "billions of dollars, but is finally being closed by authorities."
    )
    assert read(dev, "en") == [("hundreds of billions~", 100_000_000_000)]
    dev = (
        "At least two people were killed as the eastern parts of Australia’s two most populous "
        "states continued to get torched."
    )
    assert read(dev, "en") == [("two", 2), ("two", 2)]
    assert qualifier_of(dev, "two", "en") is Qualifier.AT_LEAST
    written = "One hundred and twenty-three prisoners, several thousand protesters, the ninth day."
    assert read(written, "en") == [
        ("One hundred and twenty-three", 123),
        ("several thousand~", 1000),
    ]
    assert qualifier_after("forty or more", 5, "en") is Qualifier.AT_LEAST


# ---- across languages ----


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("ru", "девять человек", 9),
        ("uk", "дев'ять людей", 9),
        ("be", "дзевяць чалавек", 9),
        ("pl", "dziewięć osób", 9),
        ("lt", "devyni žmonės", 9),
        ("de", "neun Menschen", 9),
        ("fr", "neuf personnes", 9),
        ("es", "nueve personas", 9),
        ("it", "nove persone", 9),
        ("pt", "nove pessoas", 9),
        ("tr", "dokuz kişi", 9),
        ("en", "nine people", 9),
    ],
)
def test_nine_in_every_language(language: str, text: str, value: float) -> None:
    assert read(text, language) == [(text.split()[0], value)]


@pytest.mark.parametrize(
    ("language", "text", "multiplier"),
    [
        ("ru", "12 тыс. человек", 1000),
        ("uk", "5 тис. гривень", 1000),
        ("pl", "3 mln zł", 1_000_000),
        ("lt", "2 mlrd. eurų", 1_000_000_000),
        ("de", "2 Mio. Euro", 1_000_000),
        ("fr", "3 milliards d'euros", 1_000_000_000),
        ("es", "5 mil personas", 1000),
        ("it", "2 milioni di euro", 1_000_000),
        ("pt", "3 milhões de euros", 1_000_000),
        ("tr", "100 bin kişi", 1000),
        ("en", "2 billion dollars", 1_000_000_000),
    ],
)
def test_scale_after_digits(language: str, text: str, multiplier: float) -> None:
    end = text.index(" ")
    scale = scale_after(text, end, language)
    assert scale is not None
    assert scale.multiplier == multiplier
    assert text[end : scale.end].strip()[0].isalpha()
    assert scale_after("12 человек", 2, "ru") is None


def test_every_language_has_tables_and_others_have_none() -> None:
    for language in LANGUAGES:
        assert qualifier_before("x 1", 2, language) is None
    assert spelled_numbers("nine people", "xx") == []
    assert spelled_numbers("девять человек", "ru-RU") == [
        spelled_numbers("девять человек", "ru")[0]
    ]


def test_the_prefilter_sees_number_words_only() -> None:
    assert has_number_words("Задержаны девять человек.", "ru")
    assert not has_number_words("Задержаны люди, один из них ранен.", "ru")
    assert not has_number_words("Ein Mann wurde festgenommen.", "de")
    assert has_number_words("Hundertdreiundzwanzig Gefangene", "de")


@pytest.mark.parametrize(
    ("qualifier", "text", "value", "shown"),
    [
        # dev 1625209959: "in einem knapp achtminütigen Video"
        (Qualifier.ALMOST, "acht", 8.0, "almost 8"),
        (Qualifier.ABOUT, "ста", 100.0, "about 100"),
        (Qualifier.MORE_THAN, "tysiąca", 1000.0, "more than 1,000"),
        (Qualifier.ABOUT, "1,5", 1.5, "about 1,5"),
        (Qualifier.MORE_THAN, "1 000", 1000.0, "more than 1 000"),
        (Qualifier.EXACT, "acht", 8.0, "acht"),
        (Qualifier.VAGUE, "сотни", 100.0, "сотни"),
    ],
)
def test_a_qualified_figure_in_another_languages_words_is_shown_in_digits(
    qualifier: Qualifier, text: str, value: float, shown: str
) -> None:
    assert qualified_amount(qualifier, text, value) == shown
