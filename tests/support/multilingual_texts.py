"""Short news texts in several languages, written for these tests (not copied from outlets).

``RELEASE`` tells one event, the release of 123 prisoners in Belarus on 13 December 2025
(the seed story), in the way outlets in each language write it: names in their own script,
transliteration and case forms, numbers with their own separators, dates with their own month
names. ``BALLOONS`` is another event of the same week about the same countries and one of the
same people (Lukashenko): it must stay a story of its own.
"""

from __future__ import annotations

from datetime import UTC, datetime

RELEASE_DAY = datetime(2025, 12, 13, 15, tzinfo=UTC)
BALLOONS_DAY = datetime(2025, 12, 10, 9, tzinfo=UTC)

RELEASE: dict[str, tuple[str, str]] = {
    "en": (
        "Belarus frees 123 prisoners, including Bialiatski and Kalesnikava",
        "Belarusian President Alexander Lukashenko freed 123 prisoners on Saturday, December 13, "
        "including Nobel Peace Prize laureate Ales Bialiatski and opposition figure Maria "
        "Kalesnikava, after talks with U.S. envoy John Coale. In return, Washington lifted "
        "sanctions on Belarusian potash. Nine of the freed prisoners went to Lithuania and 114 "
        "were taken to Ukraine, officials said. Viktar Babaryka, a former presidential "
        "candidate, was also among those released.",
    ),
    "ru": (
        "Лукашенко помиловал 123 заключённых, среди них Беляцкий и Колесникова",
        "Президент Беларуси Александр Лукашенко 13 декабря помиловал 123 заключённых. Среди "
        "освобождённых — лауреат Нобелевской премии мира Алесь Беляцкий, Мария Колесникова и "
        "Виктор Бабарико. Решение было принято после переговоров со спецпосланником Дональда "
        "Трампа Джоном Коулом; США в ответ сняли санкции с белорусского калия. По данным "
        "властей, 114 человек были вывезены в Украину, ещё девять — в Литву. Колесникову "
        "родственники встретили уже в Киеве.",
    ),
    "de": (
        "Belarus lässt 123 Gefangene frei – auch Bjaljazki und Kolesnikowa",
        "Der belarussische Machthaber Alexander Lukaschenko hat am 13. Dezember 123 Gefangene "
        "freigelassen. Unter ihnen sind der Friedensnobelpreisträger Ales Bjaljazki, die "
        "Oppositionspolitikerin Maria Kolesnikowa und der frühere Präsidentschaftskandidat "
        "Viktor Babariko. Vorausgegangen waren Gespräche mit dem US-Sondergesandten John Coale. "
        "Im Gegenzug heben die USA die Sanktionen gegen belarussisches Kali auf. 114 "
        "Freigelassene wurden in die Ukraine gebracht, neun nach Litauen.",
    ),
    "pl": (
        "Łukaszenka uwolnił 123 więźniów, wśród nich Białackiego i Kalesnikawą",
        "Alaksandr Łukaszenka ułaskawił 13 grudnia 123 więźniów politycznych. Na wolność "
        "wyszli m.in. laureat Pokojowej Nagrody Nobla Aleś Białacki, Maryja Kalesnikawa oraz "
        "Wiktar Babaryka. Zwolnienia nastąpiły po rozmowach z wysłannikiem prezydenta Donalda "
        "Trumpa Johnem Coale'em. Stany Zjednoczone zniosły w zamian sankcje na białoruski "
        "potas. 114 osób trafiło na Ukrainę, a dziewięć na Litwę.",
    ),
    "uk": (
        "Лукашенко звільнив 123 в'язнів, серед них Бяляцького і Колесникову",
        "Президент Білорусі Олександр Лукашенко 13 грудня помилував 123 в'язнів. Серед "
        "звільнених — лауреат Нобелівської премії миру Алесь Бяляцький, Марія Колесникова та "
        "Віктор Бабарико. Звільнення відбулося після переговорів зі спецпосланцем Дональда "
        "Трампа Джоном Коулом, а США зняли санкції з білоруського калію. 114 звільнених "
        "доправили в Україну, ще дев'ятьох — до Литви.",
    ),
    "lt": (
        "Lukašenka paleido 123 kalinius, tarp jų – Bialiackį ir Kalesnikavą",
        "Baltarusijos lyderis Aliaksandras Lukašenka gruodžio 13 d. paleido 123 kalinius. Tarp "
        "paleistųjų – Nobelio taikos premijos laureatas Alesis Bialiackis, opozicijos veikėja "
        "Maryja Kalesnikava ir Viktaras Babaryka. Tai įvyko po derybų su JAV prezidento "
        "Donaldo Trumpo pasiuntiniu Johnu Coale'u; JAV atšaukė sankcijas Baltarusijos kaliui. "
        "Devyni paleisti kaliniai atvyko į Lietuvą, 114 išvežti į Ukrainą.",
    ),
    "el": (
        "Η Λευκορωσία απελευθέρωσε 123 κρατουμένους, ανάμεσά τους ο Μπιαλιάτσκι",
        "Ο πρόεδρος της Λευκορωσίας Αλεξάντερ Λουκασένκο απελευθέρωσε στις 13 Δεκεμβρίου 123 "
        "κρατουμένους, ανάμεσά τους τον κάτοχο του Νόμπελ Ειρήνης Άλες Μπιαλιάτσκι και τη "
        "Μαρία Κολέσνικοβα. Η απελευθέρωση ακολούθησε συνομιλίες με τον απεσταλμένο του "
        "Ντόναλντ Τραμπ, Τζον Κόουλ, και οι ΗΠΑ ήραν τις κυρώσεις στην ποτάσα. 114 "
        "κρατούμενοι μεταφέρθηκαν στην Ουκρανία και εννέα στη Λιθουανία.",
    ),
}

BALLOONS: dict[str, tuple[str, str]] = {
    "en": (
        "Lithuania declares emergency over smuggling balloons from Belarus",
        "Lithuania declared a state of emergency on Wednesday after dozens of balloons carrying "
        "contraband cigarettes drifted in from Belarus and forced Vilnius airport to close "
        "several times this week. Prime Minister Inga Ruginienė accused Alexander Lukashenko of "
        "waging a hybrid attack. Flights were suspended for hours and thousands of passengers "
        "were stranded, the airport said.",
    ),
    "ru": (
        "Литва ввела режим ЧС из-за контрабандных шаров из Беларуси",
        "Литва в среду ввела чрезвычайное положение после того, как десятки воздушных шаров с "
        "контрабандными сигаретами прилетели из Беларуси и несколько раз за неделю закрыли "
        "аэропорт Вильнюса. Премьер-министр Инга Ругинене обвинила Александра Лукашенко в "
        "гибридной атаке. Рейсы были приостановлены на несколько часов, тысячи пассажиров "
        "застряли в аэропорту.",
    ),
}

#: Second write-ups of ``RELEASE`` in two of its languages, worded apart from the first ones:
#: a story that many English outlets tell holds few words of these languages.
RELEASE_AGAIN: dict[str, tuple[str, str]] = {
    "ru": (
        "Белоруссия освободила 123 политзаключённых в обмен на снятие санкций США",
        "Минск выпустил на свободу 123 человека, осуждённых по политическим статьям, сообщили в "
        "субботу правозащитники. Среди них — нобелевский лауреат Алесь Беляцкий и Мария "
        "Колесникова. Освобождение стало итогом переговоров Александра Лукашенко с посланником "
        "американского президента Джоном Коулом. Вашингтон в ответ снимает ограничения с "
        "поставок белорусского калия. Большинство освобождённых, 114 человек, доставили на "
        "территорию Украины, девять — в Литву.",
    ),
    "de": (
        "Lukaschenko begnadigt 123 politische Gefangene – USA lockern Sanktionen",
        "Nach Gesprächen mit dem US-Gesandten John Coale hat Belarus 123 Häftlinge aus der Haft "
        "entlassen. Zu den Freigelassenen gehören Ales Bjaljazki, Träger des "
        "Friedensnobelpreises, und Maria Kolesnikowa. Im Gegenzug heben die Vereinigten Staaten "
        "Sanktionen gegen die belarussische Kaliindustrie auf. 114 der Freigelassenen wurden in "
        "die Ukraine gebracht, neun nach Litauen.",
    ),
}

#: ``RELEASE`` in three more languages of the outlets a team watching Belarus reads.
RELEASE_ROMANCE: dict[str, tuple[str, str]] = {
    "fr": (
        "Le Bélarus libère 123 prisonniers, dont Bialiatski et Kalesnikava",
        "Le président bélarusse Alexandre Loukachenko a gracié samedi 13 décembre 123 "
        "prisonniers, parmi lesquels le prix Nobel de la paix Ales Bialiatski et l'opposante "
        "Maria Kalesnikava, après des discussions avec l'envoyé américain John Coale. En "
        "échange, Washington lève les sanctions sur la potasse bélarusse. Neuf détenus libérés "
        "sont partis en Lituanie et 114 ont été conduits en Ukraine.",
    ),
    "it": (
        "La Bielorussia libera 123 prigionieri, tra cui Bialiatski e Kalesnikava",
        "Il presidente bielorusso Aleksandr Lukashenko ha graziato sabato 13 dicembre 123 "
        "detenuti, tra cui il premio Nobel per la pace Ales Bialiatski e l'oppositrice Maria "
        "Kalesnikava, dopo i colloqui con l'inviato statunitense John Coale. In cambio "
        "Washington ha revocato le sanzioni sulla potassa bielorussa. Nove dei prigionieri "
        "liberati sono andati in Lituania e 114 sono stati portati in Ucraina.",
    ),
    "es": (
        "Bielorrusia libera a 123 presos, entre ellos Bialiatski y Kalesnikava",
        "El presidente bielorruso, Alexandr Lukashenko, indultó el sábado 13 de diciembre a 123 "
        "presos, entre ellos el premio Nobel de la Paz Ales Bialiatski y la opositora María "
        "Kalesnikava, tras conversaciones con el enviado estadounidense John Coale. A cambio, "
        "Washington levantó las sanciones sobre la potasa bielorrusa. Nueve de los liberados "
        "fueron a Lituania y 114 fueron trasladados a Ucrania.",
    ),
}
