"""Number words and qualifiers, per language: data only.

``stories.number_words`` reads these tables. The cardinals themselves (1 to 99 in every
language; the hundreds and the scale words in every case, gender and animacy for Russian and
Ukrainian) come from num2words, asked once per language; the tables here hold what num2words
does not write: the case forms of Polish, Lithuanian and Belarusian cardinals, feminine forms,
hundreds and scale words, order-of-magnitude words ("сотни", "Hunderte", "des centaines"),
collectives ("une centaine", "десяток"), "several" words, the words that join or link the
parts of a number, and the qualifiers.

Every form is written lowercase; the forms of one entry are separated by spaces, and the
words of a form of several words joined by "_" ("с_половиной", "vingt_et_une").
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from stories.facts import Qualifier

LANGUAGES: Final = ("ru", "uk", "be", "pl", "lt", "de", "fr", "es", "it", "pt", "tr", "en")

NUM2WORDS_VARIANTS: Final[dict[str, dict[str, tuple[object, ...]]]] = {
    "ru": {
        "case": ("n", "g", "d", "a", "i", "p"),
        "gender": ("m", "f", "n"),
        "plural": (False, True),
        "animate": (True, False),
    },
    "uk": {
        "case": ("nominative", "genitive", "dative", "accusative", "instrumental", "locative"),
        "gender": ("masculine", "feminine"),
    },
    "be": {"gender": ("m", "f")},
}
"""The keyword arguments num2words takes for a language's case and gender forms: every
combination is asked for. Other languages are asked for the plain cardinal only."""

SCALES_FROM_NUM2WORDS: Final = frozenset({"ru", "uk", "be"})
"""Languages whose scale words (тысяча, тысячи, тысяч, тысячами...) are read off num2words'
"1000", "2000" and "5000" in every variant: a form written after one is singular, after two
or five plural; a form written in both places (Russian "тысячи": "одной тысячи", "две
тысячи") is either."""


class Kind(StrEnum):
    NUMBER = "number"  # a cardinal, or the part of one below a thousand: "двести", "nine"
    HUNDRED = "hundred"  # multiplies the units before it: "two hundred", "du šimtai"
    SCALE = "scale"  # multiplies the number before it; alone, one of it: "тысяча", "mil"
    COLLECTIVE = "collective"  # a scale that rounds: "une centaine", "десяток", "dozen"
    VAGUE = "vague"  # an order of magnitude whatever precedes it: "Hunderte", "yüzlerce"
    FEW = "few"  # "several": only before a scale, which it makes vague: "kilka tysięcy"
    FRACTION = "fraction"  # a half added to the number before it: "buçuk", "einhalb"


class Plurality(StrEnum):
    SINGULAR = "singular"  # alone, it counts one: "тысяча человек", "mille", "ein Dutzend"
    PLURAL = "plural"  # alone, it is vague: "тысячи людей", "Millionen", "des milliers"
    EITHER = "either"  # "тысячи", "сотни": one after "более", "около"...; vague otherwise


Entry = tuple[Kind, float, Plurality, str]

_S, _P, _E = Plurality.SINGULAR, Plurality.PLURAL, Plurality.EITHER
_N, _H, _SC = Kind.NUMBER, Kind.HUNDRED, Kind.SCALE
_C, _V, _F, _HALF = Kind.COLLECTIVE, Kind.VAGUE, Kind.FEW, Kind.FRACTION

ENTRIES: Final[dict[str, tuple[Entry, ...]]] = {
    "ru": (
        (_N, 1.5, _S, "полтора полторы полутора"),
        (_N, 5, _S, "пятеро пятерых пятерым пятерыми"),
        (_N, 6, _S, "шестеро шестерых шестерым шестерыми"),
        (_N, 7, _S, "семеро семерых семерым семерыми"),
        (_N, 8, _S, "восьмеро восьмерых восьмерым восьмерыми"),
        (_N, 9, _S, "девятеро девятерых девятерым девятерыми"),
        (_N, 10, _S, "десятеро десятерых десятерым десятерыми"),
        (_C, 10, _S, "десяток десятка десятку десятком десятке"),
        (_C, 10, _P, "десятки десятков десяткам десятками десятках"),
        (_C, 12, _S, "дюжина дюжину дюжиной дюжине"),
        (_C, 12, _E, "дюжины"),
        (_C, 12, _P, "дюжин дюжинам дюжинами дюжинах"),
        (_C, 100, _S, "сотня сотню сотней сотне"),
        (_C, 100, _E, "сотни"),
        (_C, 100, _P, "сотен сотням сотнями сотнях"),
        (_SC, 1000, _P, "тыс"),
        (_SC, 1_000_000, _P, "млн"),
        (_SC, 1_000_000_000, _P, "млрд"),
        (_SC, 1_000_000_000_000, _P, "трлн"),
        (_F, 0, _P, "несколько нескольких нескольким несколькими многие многих многим"),
        (_HALF, 0.5, _S, "с_половиной"),
    ),
    "uk": (
        (_N, 1.5, _S, "півтора півтори"),
        (_N, 2, _S, "двоє"),
        (_N, 3, _S, "троє"),
        (_N, 4, _S, "четверо"),
        (_N, 5, _S, "п'ятеро п'ятьох п'ятьом п'ятьма"),
        (_N, 6, _S, "шестеро шістьох шістьом шістьма"),
        (_N, 7, _S, "семеро сімох сімом"),
        (_N, 8, _S, "восьмеро вісьмох вісьмом"),
        (_N, 9, _S, "дев'ятеро дев'ятьох дев'ятьом дев'ятьма"),
        (_N, 10, _S, "десятеро десятьох десятьом десятьма"),
        (_C, 10, _S, "десяток десятка десятку десятком"),
        (_C, 10, _P, "десятки десятків десяткам десятками десятках"),
        (_C, 100, _S, "сотня сотню сотнею"),
        (_C, 100, _E, "сотні"),
        (_C, 100, _P, "сотень сотням сотнями сотнях"),
        (_SC, 1000, _P, "тис"),
        (_SC, 1_000_000, _P, "млн"),
        (_SC, 1_000_000_000, _P, "млрд"),
        (_F, 0, _P, "кілька кількох кільком кількома декілька декількох багато багатьох"),
        (_HALF, 0.5, _S, "з_половиною"),
    ),
    "be": (
        (_N, 1, _S, "аднаго адной аднаму адну адным адною адны адных"),
        (_N, 1.5, _S, "паўтара паўтары"),
        (_N, 2, _S, "двое дваіх"),
        (_N, 3, _S, "трое траіх"),
        (_N, 4, _S, "чацвёра чацвярых"),
        (_N, 5, _S, "пяцёра пяцярых"),
        (_N, 6, _S, "шасцёра шасцярых"),
        (_N, 7, _S, "сямёра сямярых"),
        (_N, 8, _S, "васьмёра васьмярых"),
        (_N, 9, _S, "дзевяцёра дзевяцярых"),
        (_N, 10, _S, "дзесяцёра дзесяцярых"),
        (_N, 2, _S, "двух двум двума"),
        (_N, 3, _S, "трох тром трыма"),
        (_N, 4, _S, "чатырох чатыром чатырма"),
        (_N, 5, _S, "пяці пяццю"),
        (_N, 6, _S, "шасці шасцю"),
        (_N, 7, _S, "сямі сямю"),
        (_N, 8, _S, "васьмі васьмю"),
        (_N, 9, _S, "дзевяці дзевяццю"),
        (_N, 10, _S, "дзесяці дзесяццю"),
        (_N, 11, _S, "адзінаццаці адзінаццаццю"),
        (_N, 12, _S, "дванаццаці дванаццаццю"),
        (_N, 13, _S, "трынаццаці трынаццаццю"),
        (_N, 14, _S, "чатырнаццаці чатырнаццаццю"),
        (_N, 15, _S, "пятнаццаці пятнаццаццю"),
        (_N, 16, _S, "шаснаццаці шаснаццаццю"),
        (_N, 17, _S, "сямнаццаці сямнаццаццю"),
        (_N, 18, _S, "васямнаццаці васямнаццаццю"),
        (_N, 19, _S, "дзевятнаццаці дзевятнаццаццю"),
        (_N, 20, _S, "дваццаці дваццаццю"),
        (_N, 30, _S, "трыццаці трыццаццю"),
        (_N, 40, _S, "сарака"),
        (_N, 50, _S, "пяцідзесяці пяццюдзесяццю"),
        (_N, 60, _S, "шасцідзесяці шасццюдзесяццю"),
        (_N, 70, _S, "сямідзесяці сямюдзесяццю"),
        (_N, 80, _S, "васьмідзесяці васьмюдзесяццю"),
        (_N, 100, _S, "ста"),
        (_N, 200, _S, "двухсот двумстам двумастамі двухстах"),
        (_N, 300, _S, "трохсот тромстам трымастамі трохстах"),
        (_N, 400, _S, "чатырохсот чатыромстам чатырмастамі чатырохстах"),
        (_N, 500, _S, "пяцісот пяцістам пяццюстамі пяцістах"),
        (_N, 600, _S, "шасцісот шасцістам шасцюстамі шасцістах"),
        (_N, 700, _S, "сямісот сямістам сямюстамі сямістах"),
        (_N, 800, _S, "васьмісот васьмістам васьмюстамі васьмістах"),
        (_N, 900, _S, "дзевяцісот дзевяцістам дзевяццюстамі дзевяцістах"),
        (_SC, 1000, _S, "тысяча тысячу тысячай тысячаю тысячы"),
        (_SC, 1000, _P, "тысяч тысячам тысячамі тысячах"),
        (_SC, 1_000_000, _S, "мільён мільёна мільёну мільёнам мільёне"),
        (_SC, 1_000_000, _P, "мільёны мільёнаў мільёнамі мільёнах"),
        (_SC, 1_000_000_000, _S, "мільярд мільярда мільярду мільярдам мільярдзе"),
        (_SC, 1_000_000_000, _P, "мільярды мільярдаў мільярдамі мільярдах"),
        (_SC, 1000, _P, "тыс"),
        (_SC, 1_000_000, _P, "млн"),
        (_SC, 1_000_000_000, _P, "млрд"),
        (_C, 10, _S, "дзясятак дзясятка"),
        (_C, 10, _P, "дзясяткі дзясяткаў дзясяткамі"),
        (_C, 100, _S, "сотня сотню сотняй"),
        (_C, 100, _E, "сотні"),
        (_C, 100, _P, "сотняў сотнямі сотнях"),
        (_F, 0, _P, "некалькі некалькіх некалькім некалькімі шмат"),
        (_HALF, 0.5, _S, "з_паловай"),
    ),
    "pl": (
        (_N, 1, _S, "jedna jedno jednego jednej jednemu jednym jedną jedni jednych jednymi"),
        (_N, 1.5, _S, "półtora półtorej"),
        (_N, 0.5, _S, "pół"),
        (_N, 2, _S, "dwie dwóch dwu dwom dwóm dwoma dwiema dwaj dwoje dwojga"),
        (_N, 3, _S, "trzech trzem trzema trzej troje trojga"),
        (_N, 4, _S, "czterech czterem czterema czterej czworo czworga"),
        (_N, 5, _S, "pięciu pięcioma pięcioro pięciorga"),
        (_N, 6, _S, "sześciu sześcioma sześcioro"),
        (_N, 7, _S, "siedmiu siedmioma siedmioro"),
        (_N, 8, _S, "ośmiu ośmioma ośmioro"),
        (_N, 9, _S, "dziewięciu dziewięcioma dziewięcioro"),
        (_N, 10, _S, "dziesięciu dziesięcioma dziesięcioro"),
        (_N, 11, _S, "jedenastu jedenastoma"),
        (_N, 12, _S, "dwunastu dwunastoma"),
        (_N, 13, _S, "trzynastu trzynastoma"),
        (_N, 14, _S, "czternastu czternastoma"),
        (_N, 15, _S, "piętnastu piętnastoma"),
        (_N, 16, _S, "szesnastu szesnastoma"),
        (_N, 17, _S, "siedemnastu siedemnastoma"),
        (_N, 18, _S, "osiemnastu osiemnastoma"),
        (_N, 19, _S, "dziewiętnastu dziewiętnastoma"),
        (_N, 20, _S, "dwudziestu dwudziestoma"),
        (_N, 30, _S, "trzydziestu trzydziestoma"),
        (_N, 40, _S, "czterdziestu czterdziestoma"),
        (_N, 50, _S, "pięćdziesięciu pięćdziesięcioma"),
        (_N, 60, _S, "sześćdziesięciu sześćdziesięcioma"),
        (_N, 70, _S, "siedemdziesięciu siedemdziesięcioma"),
        (_N, 80, _S, "osiemdziesięciu osiemdziesięcioma"),
        (_N, 90, _S, "dziewięćdziesięciu dziewięćdziesięcioma"),
        (_N, 100, _S, "stu stoma"),
        (_N, 200, _S, "dwustu dwustoma"),
        (_N, 300, _S, "trzystu trzystoma"),
        (_N, 400, _S, "czterystu czterystoma"),
        (_N, 500, _S, "pięciuset pięciomaset"),
        (_N, 600, _S, "sześciuset sześciomaset"),
        (_N, 700, _S, "siedmiuset siedmiomaset"),
        (_N, 800, _S, "ośmiuset ośmiomaset"),
        (_N, 900, _S, "dziewięciuset dziewięciomaset"),
        (_SC, 1000, _S, "tysiąc tysiąca tysiącowi tysiącem tysiącu"),
        (_SC, 1000, _P, "tysiące tysięcy tysiącom tysiącami tysiącach tys"),
        (_SC, 1_000_000, _S, "milion miliona milionowi milionem milionie"),
        (_SC, 1_000_000, _P, "miliony milionów milionom milionami milionach mln"),
        (_SC, 1_000_000_000, _S, "miliard miliarda miliardowi miliardem miliardzie"),
        (_SC, 1_000_000_000, _P, "miliardy miliardów miliardom miliardami miliardach mld"),
        (_C, 10, _P, "dziesiątki dziesiątek dziesiątkom dziesiątkami dziesiątkach"),
        (_C, 12, _S, "tuzin tuzina"),
        (_C, 12, _P, "tuziny tuzinów"),
        (_C, 100, _S, "setka setkę"),
        (_C, 100, _P, "setki setek setkom setkami setkach"),
        (_V, 10, _P, "kilkanaście kilkunastu kilkunastoma kilkadziesiąt kilkudziesięciu"),
        (_V, 10, _P, "kilkudziesięcioma"),
        (_V, 100, _P, "kilkaset kilkuset"),
        (_F, 0, _P, "kilka kilku kilkoma parę paru wiele wielu"),
        (_HALF, 0.5, _S, "i_pół"),
    ),
    "lt": (
        (_N, 1, _S, "vieno vienam vieną vienu viename viena vienos vienai vienoje vieni"),
        (_N, 1, _S, "vienų vieniems vienus vieniais vienuose"),
        (_N, 1.5, _S, "pusantro pusantros pusantrų"),
        (_N, 2, _S, "dviejų dviem dvi dviejose"),
        (_N, 3, _S, "trijų trims tris trimis trijuose trijose"),
        (_N, 4, _S, "keturių keturiems keturis keturiais keturiuose keturios"),
        (_N, 4, _S, "keturioms keturias keturiomis keturiose"),
        (_N, 5, _S, "penkių penkiems penkis penkiais penkiuose penkios penkioms penkias"),
        (_N, 5, _S, "penkiomis penkiose"),
        (_N, 6, _S, "šešių šešiems šešis šešiais šešiuose šešios šešioms šešias šešiomis"),
        (_N, 6, _S, "šešiose"),
        (_N, 7, _S, "septynių septyniems septynis septyniais septyniuose septynios"),
        (_N, 7, _S, "septynioms septynias septyniomis septyniose"),
        (_N, 8, _S, "aštuonių aštuoniems aštuonis aštuoniais aštuoniuose aštuonios"),
        (_N, 8, _S, "aštuonioms aštuonias aštuoniomis aštuoniose"),
        (_N, 9, _S, "devynių devyniems devynis devyniais devyniuose devynios devynioms"),
        (_N, 9, _S, "devynias devyniomis devyniose"),
        (_N, 10, _S, "dešimties dešimčiai dešimčia dešimtyje"),
        (_N, 11, _S, "vienuolikos vienuolikai vienuolikoje"),
        (_N, 12, _S, "dvylikos dvylikai dvylikoje"),
        (_N, 13, _S, "trylikos trylikai trylikoje"),
        (_N, 14, _S, "keturiolikos keturiolikai keturiolikoje"),
        (_N, 15, _S, "penkiolikos penkiolikai penkiolikoje"),
        (_N, 16, _S, "šešiolikos šešiolikai šešiolikoje"),
        (_N, 17, _S, "septyniolikos septyniolikai septyniolikoje"),
        (_N, 18, _S, "aštuoniolikos aštuoniolikai aštuoniolikoje"),
        (_N, 19, _S, "devyniolikos devyniolikai devyniolikoje"),
        (_N, 20, _S, "dvidešimties dvidešimčiai dvidešimčia dvidešimtyje"),
        (_N, 30, _S, "trisdešimties trisdešimčiai trisdešimčia trisdešimtyje"),
        (_N, 40, _S, "keturiasdešimties keturiasdešimčiai keturiasdešimčia"),
        (_N, 50, _S, "penkiasdešimties penkiasdešimčiai penkiasdešimčia"),
        (_N, 60, _S, "šešiasdešimties šešiasdešimčiai šešiasdešimčia"),
        (_N, 70, _S, "septyniasdešimties septyniasdešimčiai septyniasdešimčia"),
        (_N, 80, _S, "aštuoniasdešimties aštuoniasdešimčiai aštuoniasdešimčia"),
        (_N, 90, _S, "devyniasdešimties devyniasdešimčiai devyniasdešimčia"),
        (_H, 100, _S, "šimtas šimto šimtui šimtą šimtu šimte"),
        (_H, 100, _P, "šimtai šimtų šimtams šimtus šimtais šimtuose"),
        (_SC, 1000, _S, "tūkstantis tūkstančio tūkstančiui tūkstantį tūkstančiu"),
        (_SC, 1000, _S, "tūkstantyje"),
        (_SC, 1000, _P, "tūkstančiai tūkstančių tūkstančiams tūkstančius tūkstančiais"),
        (_SC, 1000, _P, "tūkstančiuose tūkst"),
        (_SC, 1_000_000, _S, "milijonas milijono milijonui milijoną milijonu milijone"),
        (_SC, 1_000_000, _P, "milijonai milijonų milijonams milijonus milijonais mln"),
        (_SC, 1_000_000_000, _S, "milijardas milijardo milijardui milijardą milijardu"),
        (_SC, 1_000_000_000, _P, "milijardai milijardų milijardams milijardus mlrd"),
        (_C, 10, _P, "dešimtys dešimčių dešimtims dešimtis dešimtimis dešimtyse"),
        (_V, 10, _P, "keliolika keliolikos keliolikai keliasdešimt keliasdešimties"),
        (_F, 0, _P, "keli kelių keliems kelis keliais keliuose kelios kelioms kelias"),
        (_F, 0, _P, "keliomis keliose keletas keleto keletui keletą keletu daug"),
    ),
    "de": (
        (_N, 1, _S, "ein eine einen einem einer eines"),
        (_N, 1.5, _S, "anderthalb eineinhalb"),
        (_N, 2, _S, "zwo zweier"),
        (_N, 3, _S, "dreier"),
        (_H, 100, _S, "hundert"),
        (_SC, 1000, _S, "tausend"),
        (_SC, 1_000_000, _S, "million"),
        (_SC, 1_000_000, _P, "millionen mio"),
        (_SC, 1_000_000_000, _S, "milliarde"),
        (_SC, 1_000_000_000, _P, "milliarden mrd"),
        (_SC, 1_000_000_000_000, _S, "billion"),
        (_SC, 1_000_000_000_000, _P, "billionen"),
        (_SC, 1000, _P, "tsd"),
        (_C, 12, _S, "dutzend"),
        (_V, 12, _P, "dutzende dutzenden"),
        (_V, 100, _P, "hunderte hunderten"),
        (_V, 1000, _P, "tausende tausenden"),
        (_F, 0, _P, "einige einigen einiger mehrere mehreren viele vielen ein_paar"),
        (_HALF, 0.5, _S, "einhalb"),
    ),
    "fr": (
        (_N, 1, _S, "une"),
        (_N, 21, _S, "vingt_et_une vingt-et-une"),
        (_N, 31, _S, "trente_et_une trente-et-une"),
        (_N, 41, _S, "quarante_et_une quarante-et-une"),
        (_N, 51, _S, "cinquante_et_une cinquante-et-une"),
        (_N, 61, _S, "soixante_et_une soixante-et-une"),
        (_N, 81, _S, "quatre-vingt-une"),
        (_H, 100, _S, "cent"),
        (_H, 100, _P, "cents"),
        (_SC, 1000, _S, "mille"),
        (_SC, 1_000_000, _S, "million"),
        (_SC, 1_000_000, _P, "millions"),
        (_SC, 1_000_000_000, _S, "milliard"),
        (_SC, 1_000_000_000, _P, "milliards"),
        (_C, 10, _S, "dizaine"),
        (_C, 10, _P, "dizaines"),
        (_C, 12, _S, "douzaine"),
        (_C, 12, _P, "douzaines"),
        (_C, 15, _S, "quinzaine"),
        (_C, 20, _S, "vingtaine"),
        (_C, 30, _S, "trentaine"),
        (_C, 40, _S, "quarantaine"),
        (_C, 50, _S, "cinquantaine"),
        (_C, 60, _S, "soixantaine"),
        (_C, 100, _S, "centaine"),
        (_C, 100, _P, "centaines"),
        (_C, 1000, _S, "millier"),
        (_C, 1000, _P, "milliers"),
        (_F, 0, _P, "plusieurs quelques"),
    ),
    "es": (
        (_N, 1, _S, "un una"),
        (_N, 21, _S, "veintiuna veintiún veintiun"),
        (_N, 31, _S, "treinta_y_una treinta_y_un"),
        (_N, 41, _S, "cuarenta_y_una cuarenta_y_un"),
        (_N, 51, _S, "cincuenta_y_una cincuenta_y_un"),
        (_N, 61, _S, "sesenta_y_una sesenta_y_un"),
        (_N, 71, _S, "setenta_y_una setenta_y_un"),
        (_N, 81, _S, "ochenta_y_una ochenta_y_un"),
        (_N, 91, _S, "noventa_y_una noventa_y_un"),
        (_N, 100, _S, "cien ciento"),
        (_N, 200, _S, "doscientos doscientas"),
        (_N, 300, _S, "trescientos trescientas"),
        (_N, 400, _S, "cuatrocientos cuatrocientas"),
        (_N, 500, _S, "quinientos quinientas"),
        (_N, 600, _S, "seiscientos seiscientas"),
        (_N, 700, _S, "setecientos setecientas"),
        (_N, 800, _S, "ochocientos ochocientas"),
        (_N, 900, _S, "novecientos novecientas"),
        (_SC, 1000, _S, "mil"),
        (_SC, 1000, _P, "miles"),
        (_SC, 1_000_000, _S, "millón millon"),
        (_SC, 1_000_000, _P, "millones"),
        (_SC, 1_000_000_000_000, _S, "billón billon"),
        (_SC, 1_000_000_000_000, _P, "billones"),
        (_C, 10, _S, "decena"),
        (_C, 10, _P, "decenas"),
        (_C, 12, _S, "docena"),
        (_C, 12, _P, "docenas"),
        (_C, 20, _S, "veintena"),
        (_C, 100, _S, "centenar"),
        (_C, 100, _P, "centenares"),
        (_C, 1000, _S, "millar"),
        (_C, 1000, _P, "millares"),
        (_V, 100, _P, "cientos"),
        (_F, 0, _P, "varios varias muchos muchas"),
    ),
    "it": (
        (_N, 1, _S, "un una"),
        (_H, 100, _S, "cento cent"),
        (_SC, 1000, _S, "mille"),
        (_SC, 1000, _P, "mila"),
        (_SC, 1_000_000, _S, "milione"),
        (_SC, 1_000_000, _P, "milioni mln"),
        (_SC, 1_000_000_000, _S, "miliardo"),
        (_SC, 1_000_000_000, _P, "miliardi mld"),
        (_C, 10, _S, "decina"),
        (_C, 10, _P, "decine"),
        (_C, 12, _S, "dozzina"),
        (_C, 12, _P, "dozzine"),
        (_C, 15, _S, "quindicina"),
        (_C, 20, _S, "ventina"),
        (_C, 30, _S, "trentina"),
        (_C, 40, _S, "quarantina"),
        (_C, 50, _S, "cinquantina"),
        (_C, 60, _S, "sessantina"),
        (_C, 100, _S, "centinaio"),
        (_C, 100, _P, "centinaia"),
        (_C, 1000, _S, "migliaio"),
        (_C, 1000, _P, "migliaia"),
        (_F, 0, _P, "diversi diverse alcuni alcune parecchi parecchie molti molte"),
    ),
    "pt": (
        (_N, 1, _S, "uma"),
        (_N, 2, _S, "duas"),
        (_N, 21, _S, "vinte_e_uma"),
        (_N, 22, _S, "vinte_e_duas"),
        (_N, 31, _S, "trinta_e_uma"),
        (_N, 32, _S, "trinta_e_duas"),
        (_N, 41, _S, "quarenta_e_uma"),
        (_N, 42, _S, "quarenta_e_duas"),
        (_N, 51, _S, "cinquenta_e_uma"),
        (_N, 52, _S, "cinquenta_e_duas"),
        (_N, 61, _S, "sessenta_e_uma"),
        (_N, 62, _S, "sessenta_e_duas"),
        (_N, 71, _S, "setenta_e_uma"),
        (_N, 72, _S, "setenta_e_duas"),
        (_N, 81, _S, "oitenta_e_uma"),
        (_N, 82, _S, "oitenta_e_duas"),
        (_N, 91, _S, "noventa_e_uma"),
        (_N, 92, _S, "noventa_e_duas"),
        (_N, 100, _S, "cem cento"),
        (_N, 200, _S, "duzentos duzentas"),
        (_N, 300, _S, "trezentos trezentas"),
        (_N, 400, _S, "quatrocentos quatrocentas"),
        (_N, 500, _S, "quinhentos quinhentas"),
        (_N, 600, _S, "seiscentos seiscentas"),
        (_N, 700, _S, "setecentos setecentas"),
        (_N, 800, _S, "oitocentos oitocentas"),
        (_N, 900, _S, "novecentos novecentas"),
        (_SC, 1000, _S, "mil"),
        (_SC, 1_000_000, _S, "milhão milhao"),
        (_SC, 1_000_000, _P, "milhões milhoes"),
        (_SC, 1_000_000_000, _S, "bilhão bilhao"),
        (_SC, 1_000_000_000, _P, "bilhões bilhoes"),
        (_C, 10, _S, "dezena"),
        (_C, 10, _P, "dezenas"),
        (_C, 12, _S, "dúzia"),
        (_C, 12, _P, "dúzias"),
        (_C, 100, _S, "centena"),
        (_C, 100, _P, "centenas"),
        (_C, 1000, _S, "milhar"),
        (_C, 1000, _P, "milhares"),
        (_F, 0, _P, "vários várias muitos muitas"),
    ),
    "tr": (
        (_N, 0.5, _S, "yarım"),
        (_H, 100, _S, "yüz"),
        (_SC, 1000, _S, "bin"),
        (_SC, 1_000_000, _S, "milyon"),
        (_SC, 1_000_000_000, _S, "milyar"),
        (_SC, 1_000_000_000_000, _S, "trilyon"),
        (_V, 10, _P, "onlarca"),
        (_V, 12, _P, "düzinelerce"),
        (_V, 100, _P, "yüzlerce"),
        (_V, 1000, _P, "binlerce"),
        (_V, 1_000_000, _P, "milyonlarca"),
        (_V, 1_000_000_000, _P, "milyarlarca"),
        (_F, 0, _P, "birkaç"),
        (_HALF, 0.5, _S, "buçuk"),
    ),
    "en": (
        (_H, 100, _S, "hundred"),
        (_SC, 1000, _S, "thousand"),
        (_SC, 1_000_000, _S, "million"),
        (_SC, 1_000_000_000, _S, "billion bn"),
        (_SC, 1_000_000_000_000, _S, "trillion"),
        (_SC, 1_000_000, _P, "millions"),
        (_SC, 1_000_000_000, _P, "billions"),
        (_C, 12, _S, "dozen"),
        (_V, 10, _P, "tens"),
        (_V, 12, _P, "dozens"),
        (_V, 20, _P, "scores"),
        (_V, 100, _P, "hundreds"),
        (_V, 1000, _P, "thousands"),
        (_F, 0, _P, "several many a_few"),
    ),
}
"""Number words beyond num2words' cardinals. A FEW entry's value is unused; a FRACTION's is
the half it adds."""

NEEDS_COUNT: Final[dict[str, str]] = {
    "ru": "тыс млн млрд трлн",
    "uk": "тис млн млрд",
    "be": "тыс млн млрд",
    "pl": "tys mln mld",
    "lt": "tūkst mln mlrd",
    "de": "mio mrd tsd",
    "fr": "cents",
    "it": "mila cent mln mld",
    "pt": "milhar",
    "es": "",
    "tr": "",
    "en": "bn",
}
"""Forms that are a number only after a count: abbreviations ("12 тыс."), French "cents"
("deux cents"; alone it is the coin), Italian "mila" ("tremila")."""

AMBIGUOUS: Final[dict[str, str]] = {
    "ru": "семью",
}
"""Forms that are as often another word, read as numbers only inside a longer number or after
a qualifier: Russian "семью" is "seven" (instrumental) and "family" (accusative)."""

NOT_NUMBERS: Final[dict[str, str]] = {
    "tr": "yer_altı onu_yedi bunu_yedi yemek_yedi",
    "de": "außer_acht in_acht",
    "fr": "à_neuf tout_neuf flambant_neuf",
    "it": "tu_sei",
}
"""Phrases that end in a number word and are not numbers: Turkish "yer altı" (underground),
"onu yedi" (ate it); German "außer Acht lassen"; French "remis à neuf" (as new)."""

COLLECTIVE_NEEDS_COUNT: Final = frozenset({"fr", "es", "it", "pt"})
"""Languages whose singular collectives count only after an article or number: "une
quarantaine" is about forty, "la quarantaine" the quarantine."""

COMPOUNDING: Final = frozenset({"de", "it", "tr"})
"""Languages that write a number as one word ("hundertdreiundzwanzig", "centoventitré",
"yüzyirmiüç"): a word that is not a known form is read as a chain of them."""

SUFFIXES: Final[dict[str, tuple[str, ...]]] = {
    "tr": tuple("den dan ten tan yi yı yu yü i ı u ü ye ya e a".split()),
}
"""Case endings a number word may carry (Turkish ablative, accusative, dative); the span stops
before the ending, so that ``qualifier_after`` reads "binden fazla", "bini aşkın", "bine
kadar"."""

NO_SUFFIX: Final[dict[str, str]] = {"tr": "on yüz"}
"""Number words whose suffixed forms are another word's: Turkish "ondan", "onu", "ona" (from,
of, to him), "bu yüzden" (therefore), "yüzü" (his face)."""

JOINERS: Final[dict[str, str]] = {"en": "and", "pt": "e", "de": "und"}
"""Words between the parts of one number: "one hundred and five", "cento e cinco"."""

LINKERS: Final[dict[str, str]] = {
    "en": "of",
    "fr": "de d'",
    "es": "de",
    "it": "di",
    "pt": "de",
    "de": "von",
}
"""Words between an order of magnitude and the scale it multiplies: "hundreds of thousands",
"des dizaines de milliers", "decine di migliaia"."""

FOLDS: Final[dict[str, dict[str, str]]] = {
    "ru": {"ё": "е"},
    "be": {"ё": "е"},
    "it": {"é": "e", "è": "e"},
}
"""Spelling variants read as one: Russian "трёх"/"трех", Italian "ventitré"/"ventitre"."""

ARTICLES_AFTER_QUALIFIER: Final[dict[str, str]] = {
    "it": "i gli le il lo la l'",
    "es": "los las",
    "pt": "os as",
    "fr": "les",
}
"""Articles that may stand between a qualifier and its number: "oltre i 100"."""

QUALIFIERS_BEFORE: Final[dict[str, tuple[tuple[Qualifier, str], ...]]] = {
    "ru": (
        (Qualifier.MORE_THAN, "более|больше|свыше|более чем|больше чем|чуть более|чуть больше"),
        (Qualifier.MORE_THAN, "выше"),
        (Qualifier.LESS_THAN, "менее|меньше|менее чем|меньше чем|чуть менее|чуть меньше|ниже"),
        (Qualifier.UP_TO, "до|вплоть до|не более|не больше|не более чем|максимум"),
        (Qualifier.AT_LEAST, "не менее|не меньше|по меньшей мере|как минимум|минимум"),
        (Qualifier.AT_LEAST, "по крайней мере|не менее чем"),
        (Qualifier.ABOUT, "около|порядка|примерно|приблизительно|где-то"),
        (Qualifier.ALMOST, "почти|почти что|без малого|чуть ли не"),
        (Qualifier.ABOUT, "ориентировочно|около"),
        (Qualifier.EXACT, "в общей сложности|всего|ровно|ещё|еще|целых"),
    ),
    "uk": (
        (Qualifier.MORE_THAN, "понад|більше|більш ніж|більше ніж|більш як|понад як|ще понад"),
        (Qualifier.MORE_THAN, "вище"),
        (Qualifier.LESS_THAN, "менше|менш ніж|менше ніж|менш як|нижче"),
        (Qualifier.UP_TO, "до|не більше|не більш ніж|не більше ніж|максимум"),
        (Qualifier.AT_LEAST, "щонайменше|принаймні|не менше|не менш ніж|не менше ніж|мінімум"),
        (Qualifier.AT_LEAST, "як мінімум|найменше"),
        (Qualifier.ABOUT, "близько|приблизно|орієнтовно|порядку|біля"),
        (Qualifier.ALMOST, "майже|майже що"),
        (Qualifier.EXACT, "загалом|усього|всього|ще|рівно"),
    ),
    "be": (
        (Qualifier.MORE_THAN, "больш за|больш чым|звыш|больш|болей за|болей чым|вышэй"),
        (Qualifier.LESS_THAN, "менш за|менш чым|менш|ніжэй"),
        (Qualifier.UP_TO, "да|не больш за|не больш чым|максімум"),
        (Qualifier.AT_LEAST, "не менш за|не менш чым|прынамсі|як мінімум|мінімум"),
        (Qualifier.ABOUT, "каля|прыкладна|блізу"),
        (Qualifier.ALMOST, "амаль|амаль што"),
        (Qualifier.EXACT, "усяго|агулам|яшчэ|роўна"),
    ),
    "pl": (
        (Qualifier.MORE_THAN, "ponad|więcej niż|powyżej|przeszło|nieco ponad|grubo ponad"),
        (Qualifier.LESS_THAN, "mniej niż|poniżej|niespełna|nieco mniej niż"),
        (Qualifier.UP_TO, "do|nawet|aż|maksymalnie|nie więcej niż"),
        (Qualifier.AT_LEAST, "co najmniej|przynajmniej|minimum|nie mniej niż|conajmniej"),
        (Qualifier.ABOUT, "około|ok.|blisko|mniej więcej|szacunkowo"),
        (Qualifier.ALMOST, "prawie|niemal|niemalże"),
        (Qualifier.ABOUT, "w przybliżeniu|rzędu"),
        (Qualifier.EXACT, "łącznie|w sumie|razem|kolejne|kolejnych|kolejnym|dokładnie"),
    ),
    "lt": (
        (Qualifier.MORE_THAN, "daugiau nei|daugiau kaip|daugiau negu|per|virš|daugiau"),
        (Qualifier.LESS_THAN, "mažiau nei|mažiau kaip|mažiau negu|mažiau"),
        (Qualifier.UP_TO, "iki|net|ne daugiau kaip|ne daugiau nei|daugiausia"),
        (Qualifier.AT_LEAST, "mažiausiai|bent|ne mažiau kaip|ne mažiau nei|ne mažiau"),
        (Qualifier.ABOUT, "apie|maždaug|apytiksliai|arti"),
        (Qualifier.ALMOST, "beveik|bemaž|kone"),
        (Qualifier.EXACT, "iš viso|dar|lygiai|iš jų"),
    ),
    "de": (
        (Qualifier.MORE_THAN, "mehr als|über|gut|knapp über|weit über|mehr denn"),
        (Qualifier.LESS_THAN, "weniger als|unter|knapp unter"),
        (Qualifier.UP_TO, "bis zu|höchstens|maximal|bis"),
        (Qualifier.AT_LEAST, "mindestens|wenigstens|zumindest|nicht weniger als"),
        (Qualifier.ABOUT, "rund|etwa|ungefähr|circa|ca.|annähernd"),
        (Qualifier.ALMOST, "fast|knapp|nahezu|beinahe"),
        (Qualifier.ABOUT, "schätzungsweise|gegen|an die|um die"),
        (Qualifier.EXACT, "insgesamt|weitere|weiteren|genau|exakt"),
    ),
    "fr": (
        (Qualifier.MORE_THAN, "plus de|plus d'|au-delà de|au-delà d'|bien plus de"),
        (Qualifier.LESS_THAN, "moins de|moins d'"),
        (Qualifier.UP_TO, "jusqu'à|jusqu’à|au plus|au maximum"),
        (Qualifier.AT_LEAST, "au moins|pas moins de|pas moins d'|au minimum|minimum"),
        (Qualifier.ABOUT, "environ|près de|près d'|quelque|autour de"),
        (Qualifier.ALMOST, "presque|quasiment"),
        (Qualifier.ABOUT, "approximativement|à peu près|pratiquement|environ|plus ou moins"),
        (Qualifier.EXACT, "au total|un total de|en tout|exactement|encore"),
    ),
    "es": (
        (Qualifier.MORE_THAN, "más de|mas de|por encima de|más del"),
        (Qualifier.LESS_THAN, "menos de|por debajo de|menos del"),
        (Qualifier.UP_TO, "hasta|como máximo|un máximo de"),
        (Qualifier.AT_LEAST, "al menos|por lo menos|como mínimo|un mínimo de|no menos de"),
        (Qualifier.ABOUT, "unos|unas|alrededor de|cerca de|aproximadamente|en torno a"),
        (Qualifier.ALMOST, "casi"),
        (Qualifier.ABOUT, "aprox.|prácticamente|alrededor del|cerca del|más o menos"),
        (Qualifier.EXACT, "un total de|en total|otros|otras|exactamente"),
    ),
    "it": (
        (Qualifier.MORE_THAN, "più di|oltre|piu di|più d'|al di sopra di"),
        (Qualifier.LESS_THAN, "meno di|meno d'|sotto"),
        (Qualifier.UP_TO, "fino a|fino ad|al massimo|massimo"),
        (Qualifier.AT_LEAST, "almeno|non meno di|come minimo|minimo"),
        (Qualifier.ABOUT, "circa|intorno a|intorno ai|attorno a|attorno ai|oltre circa"),
        (Qualifier.ALMOST, "quasi|pressoché|poco meno di"),
        (Qualifier.ABOUT, "all'incirca|approssimativamente"),
        (Qualifier.EXACT, "in totale|complessivamente|un totale di|altri|altre|esattamente"),
    ),
    "pt": (
        (Qualifier.MORE_THAN, "mais de|acima de|mais do que|para cima de"),
        (Qualifier.LESS_THAN, "menos de|abaixo de|menos do que"),
        (Qualifier.UP_TO, "até|no máximo"),
        (Qualifier.AT_LEAST, "pelo menos|no mínimo|ao menos|nada menos que"),
        (Qualifier.ABOUT, "cerca de|aproximadamente|por volta de|em torno de|perto de"),
        (Qualifier.ALMOST, "quase"),
        (Qualifier.ABOUT, "uns|umas|praticamente|mais ou menos|aprox."),
        (Qualifier.EXACT, "um total de|no total|ao todo|outros|outras|exatamente"),
    ),
    "tr": (
        (Qualifier.UP_TO, "en fazla|en çok|azami"),
        (Qualifier.AT_LEAST, "en az|en azından|asgari"),
        (Qualifier.ABOUT, "yaklaşık|yaklaşık olarak|tahminen|ortalama|aşağı yukarı"),
        (Qualifier.ALMOST, "neredeyse"),
        (Qualifier.ABOUT, "kabaca"),
        (Qualifier.ALMOST, "hemen hemen"),
        (Qualifier.EXACT, "toplam|toplamda|tam|tam olarak|toplam olarak"),
    ),
    "en": (
        (Qualifier.MORE_THAN, "more than|over|upwards of|in excess of|well over|just over"),
        (Qualifier.LESS_THAN, "less than|fewer than|under|below|just under"),
        (Qualifier.UP_TO, "up to|as many as|at most|no more than"),
        (Qualifier.AT_LEAST, "at least|no fewer than|no less than|a minimum of"),
        (Qualifier.ABOUT, "about|around|roughly|approximately|some|close to"),
        (Qualifier.ALMOST, "nearly|almost"),
        (Qualifier.ABOUT, "an estimated|estimated|approx."),
        (Qualifier.EXACT, "a total of|a further|another|exactly"),
    ),
}
"""Qualifiers written before a number. When two match, the one that starts first wins ("не
менее" over "менее")."""

QUALIFIERS_AFTER: Final[dict[str, tuple[tuple[Qualifier, str], ...]]] = {
    "ru": (
        (Qualifier.MORE_THAN, r"с лишним|с небольшим|с гаком"),
        (Qualifier.AT_LEAST, r"и более|и больше|или более|или больше"),
    ),
    "uk": (
        (Qualifier.MORE_THAN, r"з гаком|з лишком|з лишнім|з невеликим"),
        (Qualifier.AT_LEAST, r"і більше|або більше|й більше"),
    ),
    "be": (
        (Qualifier.MORE_THAN, r"з лішнім|з гакам"),
        (Qualifier.AT_LEAST, r"і больш|ці больш"),
    ),
    "pl": (
        (Qualifier.MORE_THAN, r"z okładem|z hakiem|z kawałkiem"),
        (Qualifier.AT_LEAST, r"i więcej|lub więcej|albo więcej"),
    ),
    "lt": (
        (Qualifier.MORE_THAN, r"su viršum|su kaupu"),
        (Qualifier.AT_LEAST, r"ir daugiau|ar daugiau"),
    ),
    "de": ((Qualifier.AT_LEAST, r"und mehr|oder mehr"),),
    "fr": ((Qualifier.AT_LEAST, r"et plus|ou plus"),),
    "es": ((Qualifier.MORE_THAN, r"y pico|y tantos"), (Qualifier.AT_LEAST, r"o más|y más")),
    "it": ((Qualifier.MORE_THAN, r"e passa|e oltre"), (Qualifier.AT_LEAST, r"o più|e più")),
    "pt": ((Qualifier.MORE_THAN, r"e poucos|e tal"), (Qualifier.AT_LEAST, r"ou mais|e mais")),
    "tr": (
        (Qualifier.MORE_THAN, r"['’]?[dt][ae]n (?:daha )?(?:fazla|çok)"),
        (Qualifier.MORE_THAN, r"['’]?(?:[yn]?[iıuü]) aşkın|['’]?[nı]?[iıuü]n üzerinde"),
        (Qualifier.MORE_THAN, r"['’]?(?:[yn]?[iıuü]) (?:geçti|geçerken|geçen|aştı|aşan|aşarken)"),
        (Qualifier.LESS_THAN, r"['’]?y?[ae] (?:yaklaştı|yaklaşan|yaklaşırken|yaklaşıyor)"),
        (Qualifier.LESS_THAN, r"['’]?[dt][ae]n (?:daha )?az|['’]?[nı]?[iıuü]n altında"),
        (Qualifier.UP_TO, r"['’]?y?[ae] kadar|['’]?y?[ae] varan|['’]?y?[ae] ulaşan"),
        (Qualifier.AT_LEAST, r"ve üzeri|ve üstü|ya da daha fazla"),
        (Qualifier.ABOUT, r"civarında|civarı|dolayında|kadar|küsur"),
    ),
    "en": (
        (Qualifier.AT_LEAST, r"or more|and more|and over|or over"),
        (Qualifier.ABOUT, r"or so|-odd|odd"),
        (Qualifier.MORE_THAN, r"-plus|plus"),
    ),
}
"""Qualifiers written after a number, as regular expressions over the text right after it
(a space stands for any run of whitespace). Turkish puts most of them there, with the case
ending of the number: "100'den fazla" (more than 100), "100'ü aşkın", "100'e kadar" (up to);
"100 kadar" without the ending is "about 100"."""
