"""Titles that are headlines: real page chrome refused, real headlines kept, in several
languages; an article with no headline is named by its first sentence; a story by the headline
its articles share most.

The lines below are real. The chrome was given as an article's title, or opens its text, in
the multilingual development articles (``pairs-dev``: SemEval 2022 Task 8 and the Telegram
Data Clustering contest) and in the seed pages; each comes with the start of its article and
its address, as the store keeps them. The headlines are titles of articles from the same set.
"""

from __future__ import annotations

import pytest

from stories.articles import Article, RawArticle
from stories.clean import clean_article
from stories.extract import ParsedFeed, parse_feed
from stories.headlines import Candidate, best_headline, headline_of, headline_problem

# (line, language, the article's opening, its address)
CHROME = [
    (
        "Wyborcza.pl",
        "pl",
        "Aby czytać nasze artykuły wyłącz AdBlocka/uBlocka lub dodaj wyjątek dla naszej domeny.",
        "https://wroclaw.wyborcza.pl/wroclaw/7,35771,25458266,zabieramy-panu-tego-psa.html",
    ),
    (
        "REKLAMA",
        "pl",
        "Sylwestrowa stylizacja Małgorzaty Rozenek Odkąd wyszło na jaw, że Małgorzata jest w "
        "ciąży, nie ma dnia, by w sieci nie powstał news na jej temat.",
        "http://www.plotek.pl/plotek/7,154063,25558212,malgorzata-rozenek.html",
    ),
    (
        "-- Advertisement --",
        "en",
        "Those who witnessed the surprising scene voiced their fury on social media, with the "
        "controversial party Vox even expressing their dismay at the undressed group",
        "https://www.euroweeklynews.com/2020/01/01/outrage-as-spains-largest-department-store",
    ),
    (
        "Jetzt teilen:",
        "de",
        "Mainz - 6378 rheinland-pfälzische Schüler haben 2018 durch Begegnungsprogramme "
        "Altersgenossen aus anderen Ländern kennenlernen können.",
        "https://www.buerstaedter-zeitung.de/6378-rheinland-pfalzer_20986119",
    ),
    (
        "Den vollständigen Artikel lesen ...",
        "de",
        "Wien (APA) - Die Statistik Austria hat die Außenhandelszahlen veröffentlicht.",
        "https://www.finanznachrichten.de/nachrichten-2020-01/48533828-21st-austria-weekly.htm",
    ),
    (
        "يساري ، علماني ، ديمقراطي",
        "ar",
        "من أجل مجتمع مدني علماني وديمقراطي حديث يضمن الحرية والعدالة الاجتماعية للجميع.",
        "http://www.ahewar.org/news/s.news.asp?nid=3739835",
    ),
    (
        "Türkiye, haber, haberleri, gaziosmanşa, eyüp, bayrampaşa, sultangazi, fatih, "
        "aranvutköy, magazin, siyaset, politika, güncel, polis, güvenlik, gündem, son dakika, "
        "flaş haber, spor,",
        "tr",
        "ŞİŞLİ'de kaldırımda yürüyen bir kişi, reklam panosundan kopan bir parçanın kafasına "
        "düşmesi sonucu öldü.",
        "http://www.aydinses.com/genel/sisli-de-reklam-panosundan-kopan-parca-h1589564.html",
    ),
    (
        "İstanbul",
        "tr",
        "Pendik'te, yolda önüne çıkan köpeklerden birini kamyonetle ezerek yaralanmasına neden "
        "olan belediye çalışanının iş akdi feshedildi.",
        "http://www.aydinses.com/gundem/pendik-te-kopegi-ezen-belediye-calisani-h1596260.html",
    ),
    (
        "Dippoldiswalde",
        "de",
        "Aus bisher unbekannter Ursache gerieten an der Bahnhofstraße zwei Motorräder in Brand.",
        "https://www.dnn.de/Region/Polizeiticker/Motorraeder-brennen-200.000-Euro-Schaden",
    ),
    (
        "HABERTURK.COM",
        "tr",
        "Geminin, İstanbul Boğazı'ndan geçmesi için sökülen parçalarının tekrar monte edileceği "
        "ve kullanılacak olan vincin de 25 günde hazır hale getirileceği belirtildi.",
        "https://www.haberturk.com/fatih-sondaj-gemisi-trabzon-da-2697958",
    ),
    (
        "Türkiye Gazetesi",
        "tr",
        "Edinilen bilgiye göre olay, Merkezefendi ilçesinde bulunan bir hastanede meydana geldi.",
        "https://www.turkiyegazetesi.com.tr/yasam/693483.aspx",
    ),
    (
        "27.02.2020 23:40 | Son Güncelleme: 27.02.2020 23:41",
        "tr",
        'MALTEPE \'de yaklaşık 200 polisin katıldığı "Huzurlu Sokaklar" denetimi yapıldı.',
        "https://www.haberler.com/maltepe-huzurlu-sokaklar-denetimi-yapildi-12962393-haberi/",
    ),
    (
        "publié le 26/03/2020 à 01:38",
        "fr",
        "L'incident s'est déroulé dans la nuit du mardi 24 au mercredi 25 mars, rue Janin dans "
        "le IVe arrondissement de Lyon.",
        "https://www.rtl.fr/actu/justice-faits-divers/lyon-une-douzaine-de-voitures-7800311203",
    ),
    (
        "Photo:BanglaNews24",
        "en",
        "Hundreds of jute mill workers fell ill with cold-related illnesses until Wednesday "
        "morning as they continued their fourth-day fast-to-death.",
        "https://en.sahos24.com/bangladesh/27480/Many-fall-sick-as-jute-mill-workers",
    ),
    (
        "NATIONAL",
        "en",
        "(AP-Yonhap) WASHINGTON -- US President Donald Trump said Tuesday he believes Kim "
        "Jong-un will uphold his commitment to denuclearize.",
        "http://www.koreaherald.com/view.php?ud=20200101000083",
    ),
    (
        "February 07, 2020",
        "en",
        "CWN Editor's Note: Bishop Franz-Josef Hermann Bode of Osnabrück is vice president of "
        "the German Bishops’ Conference.",
        "http://feedproxy.google.com/~r/CatholicWorldNewsFeatureStories/~3/index.cfm",
    ),
    (
        "Dec 31, 2019 Updated Dec 31, 2019  0",
        "en",
        "PEORIA, Ariz. (AP) — Arizona authorities have confirmed a family and three dogs are "
        "safe after a Christmas tree caught fire inside a Peoria home.",
        "https://azdailysun.com/news/state-and-regional/year-old-girl-warns-family.html",
    ),
    (
        "Article content",
        "en",
        "BERLIN — May is the month for the first of the annual Bavarian “Dults,” Germany’s folk "
        "festivals where locals gather in beer tents to feast and drink.",
        "https://nationalpost.com/pmn/health-pmn/bavarians-defy-coronavirus-with-drive-thru",
    ),
    (
        "A+ A-",
        "en",
        "Hyderabad: Tollywood producer Natti Kumar’s son Kranthi is booked on charges of abusing "
        "policemen on New Year’s Eve.",
        "https://www.siasat.com/hyderabad-producers-son-charged-abusing-policemen-1779847/",
    ),
    (
        "Close Get email notifications on {{subject}} daily!",
        "en",
        "Email notifications are only sent once a day, and only if there are new matching items.",
        "https://www.midfloridanewspapers.com/highlands_news-sun/fulfillment-of-faith-and-hope",
    ),
    (
        "Von ps",
        "de",
        "Aus bisher unbekannter Ursache gerieten an der Bahnhofstraße zwei Motorräder in Brand.",
        "https://www.dnn.de/Region/Polizeiticker/Motorraeder-brennen-200.000-Euro-Schaden",
    ),
    (
        "Pressekontakt:",
        "de",
        "Rheinische Post Redaktion Telefon: (0211) 505-2627 Original-Content von: Rheinische "
        "Post, übermittelt durch news aktuell",
        "https://www.finanznachrichten.de/nachrichten-2020-02/48803544-cdu-staatssekretaer.htm",
    ),
    (
        "Borsada işlem gören bazı ürünler ve fiyatları şöyle:",
        "tr",
        "Ürün Miktar En düşük (TL) En yüksek (TL) Buğday (aşurelik) Kg 2,80 2,86 Şehriye Kg 3,70",
        "https://www.haberler.com/mersin-ticaret-borsasi-2-13052237-haberi/",
    ),
    (
        "Bild-Infos",
        "de",
        "Osnabrück (ots) Unbekannte begaben sich zwischen Montag und Freitagmorgen in die St. "
        "Joseph Kirche in der Miquelstraße und brachen eine Glasvitrine auf.",
        "https://www.presseportal.de/blaulicht/pm/104236/4563715",
    ),
    # the seed pages (seeds/): the lines around their headlines
    (
        "By: cnbc Posted On: December 13, 2025 View: 20",
        "en",
        "Belarusian President Alexander Lukashenko freed 123 prisoners on Saturday.",
        "https://www.cnbc.com/2025/12/13/belarus-frees-prisoners.html",
    ),
    (
        "Mikhail Voskresensky | Kremlin Sputnik | via Reuters",
        "en",
        "Belarusian President Alexander Lukashenko freed 123 prisoners on Saturday.",
        "https://www.cnbc.com/2025/12/13/belarus-frees-prisoners.html",
    ),
    (
        "RksNews",
        "en",
        "Belarusian authoritarian leader Alexander Lukashenko has ordered the release of 123 "
        "political prisoners.",
        "https://rksnews.example/belarus",
    ),
    (
        "RksNews 3 Min Read",
        "en",
        "Belarusian authoritarian leader Alexander Lukashenko has ordered the release of 123 "
        "political prisoners.",
        "https://rksnews.example/belarus",
    ),
    (
        "World 10:13 AM - 2025-12-14",
        "en",
        "Belarusian President Alexander Lukashenko has freed 123 prisoners.",
        None,
    ),
    ("U.S.", "en", "Belarusian President Alexander Lukashenko has freed 123 prisoners.", None),
]

# Titles as seen on real coverage of one event, in the issue that asked for these rules.
SEEN_ON_COVERAGE = [
    "Current News",
    "LocalNet",
    "World News",
    "Hot word :",
    "Postpublished at 22:47 British Summer Time 31 May",
]

# (headline, language, the article's opening, its address)
HEADLINES = [
    (
        "Помазан покинет Балтику",
        "ru",
        "Балтика не будет продлевать контракт с вратарем Евгением Помазаном.",
        "http://allsport-news.net/364963_pomazan_pokinet_baltiku.html",
    ),
    (
        "Геркус высмеял руководство «Локомотива»",
        "ru",
        "Бывший президент «Локомотива» Илья Геркус высмеял действующее руководство клуба.",
        "https://www.euro-football.ru/article/29/1004365757_gerkus_vyismeyal_rukovodstvo",
    ),
    (
        "Антициклон удержит солнечную погоду в Москве до начала следующей недели",
        "ru",
        "Москва. 14 ноября. INTERFAX.RU - Столичный регион до начала следующей недели будет "
        "находиться под влиянием высокого антициклона.",
        "https://www.interfax.ru/moscow/684162",
    ),
    (
        "Geselligkeit im Vordergrund",
        "de",
        "Die Mitglieder der KAB Fuchsmühl haben das Jahr 2019 gemütlich ausklingen lassen.",
        "https://www.onetz.de/oberpfalz/fuchsmuehl/geselligkeit-vordergrund-id2934262.html",
    ),
    (
        "Ein Lichtblick zu Jahresbeginn",
        "de",
        "US-Präsident Donald Trump ließ am Silvestertag verlauten, am 15. Jänner werde in den "
        "USA der erste Teil des Handelsabkommens unterzeichnet.",
        "https://volksblatt.at/ein-lichtblick-zu-jahresbeginn/",
    ),
    (
        "Überladener Aufzug bleibt stecken",
        "de",
        "Das war zu viel für den Lift: Sechs Menschen sind am Dienstag stecken geblieben.",
        "https://www.pnp.de/nachrichten/bayern/3561400_Ueberladener-Aufzug-bleibt-stecken.html",
    ),
    (
        "Motorräder brennen: 200.000 Euro Schaden",
        "de",
        "Aus bisher unbekannter Ursache gerieten an der Bahnhofstraße zwei Motorräder in Brand.",
        "https://www.dnn.de/Region/Polizeiticker/Motorraeder-brennen-200.000-Euro-Schaden",
    ),
    (
        "POL-MK: Zahlkarten-Betrüger am Telefon",
        "de",
        "Ein Bezahlkarten-Betrüger hat am Dienstag eine Tankstellen-Mitarbeiterin angerufen.",
        "https://www.presseportal.de/blaulicht/pm/65850/4563856",
    ),
    (
        "Trodos'a ulaşım zor",
        "tr",
        "Kıbrıs’ın güneyinde polis, Trodos’a gitmeye planlayan sürücülerin çok dikkatli "
        "olmalarını istedi.",
        "http://www.yeniduzen.com/trodosa-ulasim-zor-122701h.htm",
    ),
    (
        "Mersin Ticaret Borsası",
        "tr",
        "Mersin Ticaret Borsasında buğdayın kilogramı en yüksek 2,86 liradan satıldı.",
        "https://www.haberler.com/mersin-ticaret-borsasi-2-13052237-haberi/",
    ),
    (
        "Bingöl’de deprem: 1 şehit, 18 yaralı",
        "tr",
        "Bingöl'de meydana gelen depremde 1 asker şehit oldu, 18 kişi yaralandı.",
        "https://www.haberler.com/bingol-de-deprem",
    ),
    (
        "Zakaz handlu w Nowy Rok. Które sklepy będą otwarte 1 stycznia?",
        "pl",
        "Zgodnie z polskim prawem w Nowy Rok obowiązuje zakaz handlu.",
        "https://wiadomosci.wp.pl/zakaz-handlu-w-nowy-rok-6462597609600641a",
    ),
    (
        "Sondaż: co trzeba zmienić w Polsce w 2020 roku?",
        "pl",
        "Najwięcej - bo 41 proc. respondentów wskazało, że najpilniejsza poprawa potrzebna jest "
        "w kwestii ochrony zdrowia.",
        "https://wiadomosci.onet.pl/kraj/sondaz-co-trzeba-zmienic-w-polsce-w-2020-roku/vg5ppqm",
    ),
    (
        "Lyon : une douzaine de voitures incendiées, un suspect interpellé",
        "fr",
        "L'incident s'est déroulé dans la nuit du mardi 24 au mercredi 25 mars, rue Janin.",
        "https://www.rtl.fr/actu/justice-faits-divers/lyon-une-douzaine-de-voitures-7800311203",
    ),
    (
        "Desalojan avión de Delta en AICM; usuarios reportan incendio en turbina",
        "es",
        "Usuarios reportaron que un avión de Delta Air Lines fue desalojado antes de despegar.",
        "https://www.elsoldemexico.com.mx/metropoli/cdmx/desalojan-avion-de-delta-4646819.html",
    ),
    (
        "Los primeros retoñitos de 2020",
        "es",
        "Tres niñas fueron las que dieron su bocanada de aire a las primeras horas de este 2020.",
        "http://alchile.com.mx/portada/los-primeros-retonitos-de-2020/",
    ),
    (
        "الصحة العالمية: الصين تكذب بشأن حصيلة الإصابات بفيروس كورونا",
        "ar",
        "طالبت منظمة الصحة العالمية، الصين بأن تكون أكثر وضوحًا بشأن عدد الإصابات بفيروس "
        "(كورونا) المستجد.",
        "https://www.albawabhnews.com/3902322",
    ),
    (
        "Devotion: Overcoming jealousy",
        "en",
        "Jealousy has destructive power.",
        "https://southcoastherald.co.za/391552/devotion-overcoming-jealousy/",
    ),
    (
        "Mitchell, Jennie",
        "en",
        "MITCHELL, Jennie L. Age 87, of Atlanta, passed December 29, 2019.",
        "https://www.ajc.com/classifieds/obituaries-announcements/mitchell-jennie/",
    ),
    (
        "Silver futures slump Rs 190 to Rs 46,521 pr kg",
        "en",
        "Silver futures on Wednesday slumped by Rs 190 to Rs 46,521 per kg.",
        "https://www.business-standard.com/article/pti-stories/silver-futures-slump.html",
    ),
    (
        "Lao PM to visit Vietnam soon",
        "en",
        "Politics Vietnam ready for UN Security Council’s non-permanent membership.",
        "https://en.vietnamplus.vn/lao-pm-to-visit-vietnam-soon/166381.vnp",
    ),
    (
        "Lukashenko frees Nobel winner Bialiatski and key Belarus opposition figures in deal "
        "with the U.S.",
        "en",
        "Belarusian President Alexander Lukashenko freed 123 prisoners on Saturday.",
        "https://www.cnbc.com/2025/12/13/belarus-frees-prisoners.html",
    ),
    (
        "Belarus Releases 123 Prisoners Including Opposition Leaders After U.S. Lifts Sanctions",
        "en",
        "Belarusian President Alexander Lukashenko has freed 123 prisoners.",
        None,
    ),
]


def outlet_of(url: str | None) -> str | None:
    """The seed outlets' names, as their sidecars give them."""
    return "RksNews" if url and "rksnews" in url else None


@pytest.mark.parametrize(("line", "language", "opening", "url"), CHROME)
def test_real_page_chrome_is_no_headline(
    line: str, language: str, opening: str, url: str | None
) -> None:
    problem = headline_problem(
        line, opening=opening, outlet=outlet_of(url), url=url, language=language
    )
    assert problem is not None


@pytest.mark.parametrize("line", SEEN_ON_COVERAGE)
def test_titles_seen_on_real_coverage_are_no_headlines(line: str) -> None:
    opening = (
        "A magnitude 6.8 earthquake struck the Peruvian coast near the city of Arequipa early "
        "on Tuesday, killing at least 14 people, Peru's civil defence institute said."
    )
    assert headline_problem(line, opening=opening, language="en") is not None


@pytest.mark.parametrize(("headline", "language", "opening", "url"), HEADLINES)
def test_real_headlines_are_kept(
    headline: str, language: str, opening: str, url: str | None
) -> None:
    assert headline_problem(headline, opening=opening, url=url, language=language) is None
    assert headline_of(headline, opening, url=url, language=language) == headline


def test_a_section_name_the_article_uses_may_be_its_headline() -> None:
    """Common words alone are a section's name only when the article does not use them."""
    assert headline_problem("War is over", opening="The war is over, the president said.") is None
    assert headline_problem("World News", opening="World news: what happened today.") is None


@pytest.mark.parametrize(
    "dateline",
    [
        "18 September 2013 Last updated at 13:59 GMT",
        "September 15, 2013 11:26 pm",
        "Updated 10:13 AM - 2025-12-14",
    ],
)
def test_an_article_titled_with_its_dateline_is_named_by_its_lead(dateline: str) -> None:
    body = (
        "Microsoft has released an emergency fix for Internet Explorer after attacks on a flaw "
        "in every supported version. The company urged users to install it at once."
    )
    article = clean_article(RawArticle(text=body, title=dateline, declared=True))
    assert isinstance(article, Article)
    assert article.title == dateline
    assert headline_of(article.title, article.body) == (
        "Microsoft has released an emergency fix for Internet Explorer after attacks on a flaw "
        "in every supported version."
    )


def test_a_title_that_is_no_chrome_or_has_no_lead_to_replace_it_is_kept() -> None:
    headline = "Storm closes the port of Harlow"
    assert headline_of(headline, "Gales hit the coast on Monday.") == headline
    assert headline_of("Updated 10:13 AM", "") == "Updated 10:13 AM"


def test_the_site_s_name_after_a_headline_is_dropped() -> None:
    url = "https://www.elnuevoherald.com/noticias/local/article238910493.html"
    opening = "Liam Chavarría es el primer bebé nacido el 2020 en Miami-Dade."
    title = "El primer miamense del 2020 | El Nuevo Herald"
    assert headline_of(title, opening, url=url) == "El primer miamense del 2020"
    body = "The Amazon Holiday Gift Hub is open! Click this link to visit it."
    assert headline_of("Hmmm – Daily Pundit", body, outlet="Daily Pundit") == (
        "The Amazon Holiday Gift Hub is open!"
    )
    assert (
        headline_of("Kyiv Daily - Rail link reopens", "Trains run again.", outlet="Kyiv Daily")
        == "Rail link reopens"
    )


def test_an_article_whose_title_is_the_site_s_name_is_named_by_its_first_sentence() -> None:
    body = (
        "Sechs Menschen sind am Dienstag in einem überladenen Aufzug in Passau stecken geblieben. "
        "Die Feuerwehr befreite sie nach einer Stunde."
    )
    assert headline_of("LocalNet", body, outlet="LocalNet", language="de") == (
        "Sechs Menschen sind am Dienstag in einem überladenen Aufzug in Passau stecken geblieben."
    )


def test_a_story_is_named_by_the_headline_its_articles_share() -> None:
    """A chrome title and an idiosyncratic headline lose to the one whose words the others
    use; among articles without a headline, the first sentence that shares most."""
    story = [
        Candidate(
            "Current News",
            "Belarus freed 123 political prisoners on Saturday, including Nobel laureate Ales "
            "Bialiatski, after the United States lifted sanctions on potash.",
            "LocalNet",
        ),
        Candidate(
            "A long-awaited day of joy in Vilnius",
            "Maria Kalesnikava embraced her sister at the US embassy in Vilnius.",
        ),
        Candidate(
            "Belarus frees 123 prisoners, including Nobel laureate Bialiatski",
            "Lukashenko freed 123 prisoners, among them Ales Bialiatski, in a deal on potash.",
        ),
        Candidate(
            "US lifts potash sanctions as Belarus frees Bialiatski",
            "The release of 123 prisoners, Nobel laureate Ales Bialiatski among them, came as "
            "Washington lifted sanctions on Belarusian potash.",
        ),
    ]
    assert best_headline(story, "en") == (
        "Belarus frees 123 prisoners, including Nobel laureate Bialiatski"
    )
    assert best_headline(story[:1], "en") == (
        "Belarus freed 123 political prisoners on Saturday, including Nobel laureate Ales "
        "Bialiatski, after the United States lifted sanctions on potash."
    )
    no_headlines = [
        Candidate("World News", "Two dogs were rescued from a flooded basement in Leeds."),
        Candidate("World News", "Belarus freed 123 prisoners on Saturday, Lukashenko said."),
        Candidate("Hot word :", "Lukashenko freed 123 prisoners, among them Bialiatski."),
    ]
    assert best_headline(no_headlines, "en") == (
        "Belarus freed 123 prisoners on Saturday, Lukashenko said."
    )


def test_a_title_shared_by_a_feed_s_entries_names_none_of_them() -> None:
    items = "".join(
        f"<item><title>Current News</title><link>https://localnet.example/{n}</link>"
        f"<description>Story {n} in full.</description></item>"
        for n in (1, 2)
    )
    own = (
        "<item><title>LocalNet</title><link>https://localnet.example/3</link></item>"
        "<item><title>Dam bursts above the valley</title>"
        "<link>https://localnet.example/4</link></item>"
    )
    feed = parse_feed(
        f'<rss version="2.0"><channel><title>LocalNet</title>{items}{own}</channel></rss>'.encode(),
        "https://localnet.example/rss",
    )
    assert isinstance(feed, ParsedFeed)
    assert [entry.title for entry in feed.entries] == [
        None,
        None,
        None,
        "Dam bursts above the valley",
    ]
