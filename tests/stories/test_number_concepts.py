"""What a figure counts, read alike in other words and other languages, and the figures it
links under /diff.

The sentences are real, from ``pairs-dev`` (``../shared/data/pairs-dev/articles.jsonl``, id in
the comment; SemEval-2022 Task 8 and the Telegram Data Clustering contest 2020), cut to the
clause that holds the figures.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from stories.articles import Article, RawArticle
from stories.clean import clean_article
from stories.compare import diff_story
from stories.concept_labels import concept_label
from stories.factfinder import extract_facts
from stories.figures import NumberDiff, NumberDiffKind
from stories.names import resolve_people
from stories.number_concepts import Concept, concept_of, read_facts
from stories.numbers import find_numbers
from stories.sentences import split_sentences
from stories.story_input import ArticleView
from tests.support.multilingual_texts import RELEASE, RELEASE_DAY
from tests.support.story_views import number_diffs, told

PUBLISHED = datetime(2020, 2, 9, 12, tzinfo=UTC)
_DIGITS = re.compile(r"\d+(?:[ .,]\d+)*")


def _concept(sentence: str, number: str, language: str) -> Concept | None:
    start = sentence.index(number)
    end = start + len(number)
    others = [
        m.span() for m in _DIGITS.finditer(sentence) if not (m.start() < end and start < m.end())
    ]
    return concept_of(sentence, start, end, language, others)


@pytest.mark.parametrize(
    ("sentence", "number", "language", "concept"),
    [
        # 1515943366 (itv.com): two counts in one clause, each with its own verb.
        (
            "Thai police on Sunday shot dead a soldier who killed 26 people and wounded 57 in "
            "the worst mass shooting in the country’s history.",
            "26",
            "en",
            Concept.DEAD,
        ),
        (
            "Thai police on Sunday shot dead a soldier who killed 26 people and wounded 57 in "
            "the worst mass shooting in the country’s history.",
            "57",
            "en",
            Concept.INJURED,
        ),
        # 1516170185 (looptonga.com): the concept named before a count word.
        ("Officials said that the death toll stood at 20, with 42 wounded.", "20", "en", "dead"),
        ("Officials said that the death toll stood at 20, with 42 wounded.", "42", "en", "injured"),
        # 1484110209
        ("More than 40 people have been killed and dozens injured.", "40", "en", Concept.DEAD),
        # 1591409166 (dw.com): German puts the verb last.
        (
            "dass bei der Explosion auf dem Markt in der Stadt Afrin 47 Menschen getötet worden "
            "seien.",
            "47",
            "de",
            Concept.DEAD,
        ),
        # 1591316676 (nachrichten.at)
        ("Mindestens 27 Menschen seien zudem verletzt worden", "27", "de", Concept.INJURED),
        # 1560680372 (halkinsesikibris.com): Turkish names the count before the number.
        (
            "İtalya'da virüs kaynaklı ölüm sayısı 7 bin 500’ü geçerken vaka sayısı 75 bine "
            "yaklaştı.",
            "7 bin 500",
            "tr",
            Concept.DEAD,
        ),
        (
            "İtalya'da virüs kaynaklı ölüm sayısı 7 bin 500’ü geçerken vaka sayısı 75 bine "
            "yaklaştı.",
            "75",
            "tr",
            Concept.CASES,
        ),
        # 1560472864 (ensonhaber.com): suffixes written onto the number are no words.
        (
            "80 binden fazla koronavirüs vakası ve 8 bini aşkın ölümün yaşandığı İtalya",
            "80",
            "tr",
            Concept.CASES,
        ),
        (
            "80 binden fazla koronavirüs vakası ve 8 bini aşkın ölümün yaşandığı İtalya",
            "8 bin",
            "tr",
            Concept.DEAD,
        ),
        # u0a7045216cbbf52b (tvzvezda.ru)
        ("В мире коронавирусом были заражены 5 407 613 человек", "5 407 613", "ru", "cases"),
    ],
)
def test_a_figure_knows_what_it_counts_in_any_words(
    sentence: str, number: str, language: str, concept: str
) -> None:
    assert _concept(sentence, number, language) == concept


@pytest.mark.parametrize(
    ("sentence", "number", "language"),
    [
        # u2fc2000521dc4081 (moika78.ru): trains delayed ("задержались"), not people detained.
        ("Из-за поломки задержались сразу пять поездов дальнего следования.", "пять", "ru"),
        # 1515943366: "shot dead" is the gunman's fate, three words and a noun from the mall.
        ("The man drove to the Terminal 21 Korat mall, shooting along the way.", "21", "en"),
        # A language without cues reads no concept.
        ("Hiyo ni watu 26 waliouawa.", "26", "sw"),
    ],
)
def test_a_figure_whose_words_name_no_concept_has_none(
    sentence: str, number: str, language: str
) -> None:
    start = sentence.index(number)
    assert concept_of(sentence, start, start + len(number), language) is None


def _views(*articles: tuple[str, str, str]) -> list[ArticleView]:
    """Articles of one story, published at one time: (outlet, language, text)."""
    return told(*articles, published=PUBLISHED)


def _values(diff: NumberDiff) -> set[float]:
    return {v.value for v in diff.values}


def _kinds(numbers: list[NumberDiff]) -> dict[frozenset[float], NumberDiffKind]:
    """Each line's values and what kind of difference it shows."""
    return {frozenset(_values(d)): d.kind for d in numbers}


# 1515943366 (itv.com) and 1516170185 (looptonga.com), the Korat shooting.
ITV = (
    "Thai soldier shot dead after killing 26 in country's worst ever gun rampage. "
    "Thai police on Sunday shot dead a soldier who killed 26 people and wounded 57 in the "
    "worst mass shooting in the country’s history. "
    "He first killed two people, a fellow soldier and a woman, then went on a far bloodier "
    "spree, shooting as he drove to the mall where shoppers fled in terror."
)
LOOP = (
    "Thai soldier who killed 20 is shot dead. "
    "Officials said that the death toll stood at 20, with 42 wounded, revising an earlier "
    "total of 21 dead."
)


def test_one_count_told_in_other_words_is_a_conflict_and_an_earlier_total_is_not() -> None:
    numbers = number_diffs(_views(("itv.com", "en", ITV), ("looptonga.com", "en", LOOP)))
    conflicts = [_values(d) for d in numbers if d.kind is NumberDiffKind.CONFLICT]
    assert {26.0, 20.0} in conflicts
    assert {57.0, 42.0} in conflicts
    assert all(21.0 not in values and 2.0 not in values for values in map(_values, numbers))


# 1560472864 (ensonhaber.com) and 1560680372 (halkinsesikibris.com): Italy's epidemic.
ENSONHABER = (
    "İtalya'da konteynerden korona hastanesi. "
    "80 binden fazla koronavirüs vakası ve 8 bini aşkın ölümün yaşandığı İtalya'da "
    "konteynerler yoğun bakım ünitesine dönüştürülüyor."
)
HALKINSESI = (
    "İtalya'da nakliye konteynırları yoğun bakım ünitelerine dönüşüyor. "
    "İtalya'da virüs kaynaklı ölüm sayısı 7 bin 500’ü geçerken vaka sayısı 75 bine yaklaştı."
)


def test_turkish_counts_are_linked_by_what_they_count_and_bounds_read_after_the_number() -> None:
    numbers = number_diffs(
        _views(("ensonhaber", "tr", ENSONHABER), ("halkinsesi", "tr", HALKINSESI))
    )
    kinds = _kinds(numbers)
    # More than 80,000 cases and "approaching 75,000" cannot both be true.
    assert kinds[frozenset({80_000.0, 75_000.0})] is NumberDiffKind.CONFLICT
    # More than 8,000 deaths and more than 7,500: both may be true.
    assert kinds[frozenset({8_000.0, 7_500.0})] is NumberDiffKind.QUALIFIED


# u6468d244704be156 (kasparov.ru) and udb01330ce7ca2bb1 (tvrain.ru), cut.
KASPAROV = "В Дагестане от пневмонии умерли 40 медиков, сообщил министр здравоохранения."
TVRAIN = (
    "В Дагестане умерли медики, сообщил министр здравоохранения. "
    "Из числа погибших 29 пациентам подтвердили коронавирусную инфекцию."
)


def test_a_part_of_the_dead_is_not_compared_with_the_dead() -> None:
    numbers = number_diffs(_views(("kasparov", "ru", KASPAROV), ("tvrain", "ru", TVRAIN)))
    assert not [d for d in numbers if {40.0, 29.0} <= _values(d)]


# 1566425118 (bz-berlin.de) and 1567550743 (dailystar.co.uk), cut: a rate asked about in
# German, a district's total in English.
BZ = "Hendrik Streeck übte leise Kritik am Management. „Sind 1000 Infektionen pro Tag zu viel?“"
STAR = "The Heinsberg area has approximately 1,302 cases and 37 deaths."


def test_different_figures_in_two_languages_need_a_name_in_common() -> None:
    numbers = number_diffs(_views(("bz-berlin.de", "de", BZ), ("dailystar.co.uk", "en", STAR)))
    assert not [d for d in numbers if {1000.0, 1302.0} <= _values(d)]


def test_a_group_sent_somewhere_is_counted_by_where_it_went_in_every_language() -> None:
    """The seed event in seven languages (``tests/support/multilingual_texts``, written for
    the tests), one outlet giving other figures for the groups sent to Ukraine and Lithuania:
    those are conflicts across languages, and the 123 freed is compared with neither."""
    told = dict(RELEASE)
    title, body = told["ru"]
    told["ru"] = (title, body.replace("114 человек", "104 человека").replace("девять", "восемь"))
    views = []
    for number, (language, (title, body)) in enumerate(told.items(), 1):
        raw = RawArticle(text=body, title=title, published=RELEASE_DAY, declared=True)
        article = clean_article(raw)
        assert isinstance(article, Article), article
        facts = extract_facts(article)
        views.append(
            ArticleView(number, language, None, RELEASE_DAY, article.body, facts, language)
        )
    numbers = number_diffs(views)
    conflicts = [_values(d) for d in numbers if d.kind is NumberDiffKind.CONFLICT]
    assert sorted(conflicts, key=min) == [{8.0, 9.0}, {104.0, 114.0}]
    assert all(123.0 not in _values(d) for d in numbers)


@pytest.mark.parametrize(
    ("sentence", "number", "concept"),
    [
        # seeds/003: an aside naming a member of the group stands between number and verb.
        (
            "Among those released, 114 prisoners were transferred to Ukraine, while the "
            "remaining nine, including Bialiatski, were sent to Lithuania.",
            "nine",
            Concept.TRANSFERRED,
        ),
        # seeds/000: where a group went says more than that it was freed.
        (
            "Nine of the released prisoners left Belarus for Lithuania and 114 were taken to "
            "Ukraine, officials said.",
            "114",
            Concept.TRANSFERRED,
        ),
    ],
)
def test_where_a_group_went_is_read_past_asides(sentence: str, number: str, concept: str) -> None:
    assert _concept(sentence, number, "en") == concept


def test_lines_are_labelled_by_what_they_count_in_the_readers_words() -> None:
    thai = number_diffs(_views(("itv.com", "en", ITV), ("looptonga.com", "en", LOOP)))
    italy = number_diffs(_views(("ensonhaber", "tr", ENSONHABER), ("halkinsesi", "tr", HALKINSESI)))
    labels = {frozenset(_values(d)): d.what for d in [*thai, *italy]}
    assert labels[frozenset({26.0, 20.0})] == "people dead"
    assert labels[frozenset({57.0, 42.0})] == "people injured"
    # Turkish figures, an English reader: the concept in English, not Turkish words.
    assert labels[frozenset({80_000.0, 75_000.0})] == "cases"


def test_a_label_names_the_counted_noun_and_where_a_group_went() -> None:
    assert concept_label(Concept.FREED, ["released prisoners"], (), "en") == "prisoners freed"
    assert concept_label(Concept.TRANSFERRED, ["prisoners"], {"UA"}, "en") == (
        "prisoners sent to Ukraine"
    )
    assert concept_label(Concept.DEAD, [], (), "en") == "deaths"
    # Languages whose words agree in case and gender: the concept alone.
    assert concept_label(Concept.TRANSFERRED, ["заключённых"], {"UA"}, "ru") == (
        "отправленные: Украина"
    )
    assert concept_label(Concept.DEAD, ["Menschen"], (), "de") == "Tote"
    # No table for the reader's language: the caller shows the source's words.
    assert concept_label(Concept.DEAD, [], (), "sw") is None


# 1484143351 (asiapacificnews.net) and 1483803735 (rssfeeds.usatoday.com), cut.
AP = (
    "Australia's bushfires: military deployed. Since Monday, seven people have died as "
    "destructive wildfires tore through communities in New South Wales and Victoria."
)
USA_TODAY = (
    "Australia bushfires have scorched 12M acres and killed at least 2 people. "
    "At least two people were killed as the eastern parts of Australia’s two most populous "
    "states continued to get torched."
)
# u71447d4c700bf696 (fedpress.ru) and uca74f3f0c4ae92b7 (dvnovosti.ru), cut: a law's wording.
FEDPRESS = (
    "При лобовом столкновении двух легковых автомобилей на трассе «Амур» в Еврейской "
    "автономной области погибли пять человек. Во вторник на федеральной трассе произошло ДТП. "
    "В результате аварии погибли пять человек – водитель и пассажиры Toyota Ipsum."
)
DVNOVOSTI = (
    "Число погибших при столкновении автомобилей на трассе «Амур» выросло до пяти человек. "
    "Возбуждено дело по статье 264 УК РФ (нарушение правил дорожного движения, повлекшее по "
    "неосторожности смерть двух или более лиц)."
)


def test_an_early_lower_bound_is_shown_beside_a_later_toll() -> None:
    numbers = number_diffs(_views(("ap", "en", AP), ("usatoday", "en", USA_TODAY)))
    assert _kinds(numbers) == {frozenset({2.0, 7.0}): NumberDiffKind.QUALIFIED}


def test_a_bound_beside_its_outlets_own_count_is_no_figure_of_it() -> None:
    numbers = number_diffs(_views(("fedpress", "ru", FEDPRESS), ("dvnovosti", "ru", DVNOVOSTI)))
    assert all(2.0 not in _values(d) for d in numbers)


def test_measures_and_money_count_no_concept() -> None:
    text = (
        "He spent 1,613 days behind bars. "
        "The state paid 2 million dollars to the families of those killed."
    )
    view = _views(("a", "en", text))[0]
    facts = [f for f in view.facts.numbers if not f.span.in_caption]
    assert [f.value for f in facts] == [1613, 2_000_000]
    assert [r.concept for r in read_facts(view.body, facts, "en")] == [None, None]


# ucd11d49b5b026063 (forpost-sz.ru) and u57748c1b421cf26f (tass.ru), cut.
FORPOST = (
    "По версии следствия, чиновница взяла у предпринимателя порядка 8 миллионов рублей за то, "
    "что подписала акты приёмки по госконтрактам."
)
TASS = (
    "По версии следствия, взятка в сумме не менее 7,5 млн рублей предназначалась за "
    "заключение контрактов с фирмами бизнесмена."
)


def test_the_one_sum_each_outlet_gives_is_compared_when_both_may_be_true() -> None:
    numbers = number_diffs(_views(("forpost", "ru", FORPOST), ("tass", "ru", TASS)))
    assert _kinds(numbers) == {frozenset({8_000_000.0, 7_500_000.0}): NumberDiffKind.QUALIFIED}


def test_two_lone_sums_that_cannot_both_be_true_are_no_conflict_on_that_alone() -> None:
    exact = TASS.replace("не менее 7,5", "5")
    numbers = number_diffs(
        _views(("forpost", "ru", FORPOST.replace("порядка ", "")), ("tass", "ru", exact))
    )
    assert not numbers


@pytest.mark.parametrize(
    ("sentence", "number", "language"),
    [
        # dev (ru): an age joined to the number.
        ("От COVID-19 умер 60-летний гражданин Азербайджана.", "60", "ru"),
        # dev (ru): places counted after a cue ("new cases were found in 85 regions").
        ("Новые случаи инфицирования были выявлены в 85 регионах страны.", "85", "ru"),
        # dev (en): a legal case, not cases of a disease.
        (
            "The Police have registered a case against Kranti under section 353 of IPC.",
            "353",
            "en",
        ),
    ],
)
def test_ages_places_and_sections_count_no_concept(
    sentence: str, number: str, language: str
) -> None:
    assert _concept(sentence, number, language) is None


def test_rates_shares_and_multiples_count_no_concept() -> None:
    text = (
        "Коэффициент смертности в республике составил 10,6 человек в расчёте на 1000 населения. "
        "Отмечается, что 42,4 процента заразившихся не имели клинических проявлений."
    )
    view = _views(("a", "ru", text))[0]
    facts = [f for f in view.facts.numbers if not f.span.in_caption]
    assert [r.concept for r in read_facts(view.body, facts, "ru")] == [None] * len(facts)


def test_a_toll_told_a_day_later_is_another_moment_not_a_conflict() -> None:
    views = _views(("itv.com", "en", ITV), ("looptonga.com", "en", LOOP))
    later = replace(views[0], published=PUBLISHED + timedelta(days=1, hours=2))
    numbers = number_diffs([later, views[1]])
    assert not [d for d in numbers if d.kind is NumberDiffKind.CONFLICT]
    hours = replace(views[0], published=PUBLISHED + timedelta(hours=9))
    assert [d for d in number_diffs([hours, views[1]]) if d.kind is NumberDiffKind.CONFLICT]


def test_who_was_sent_where_is_compared_whatever_the_day() -> None:
    told = dict(RELEASE)
    title, body = told["ru"]
    told["ru"] = (title, body.replace("114 человек", "104 человека"))
    views = []
    for number, (language, (title, body)) in enumerate(told.items(), 1):
        article = clean_article(RawArticle(text=body, title=title, declared=True))
        assert isinstance(article, Article), article
        day = RELEASE_DAY + timedelta(days=2 if language == "ru" else 0)
        facts = extract_facts(article)
        views.append(ArticleView(number, language, None, day, article.body, facts, language))
    conflicts = [_values(d) for d in number_diffs(views) if d.kind is NumberDiffKind.CONFLICT]
    assert conflicts == [{104.0, 114.0}]


def test_prisoners_still_held_are_compared_across_languages() -> None:
    """Written for the test on the seed event: the political prisoners who remain, given
    differently by outlets in three languages, while the freed and those sent abroad are not
    compared with them."""
    told = dict(RELEASE)
    remain = {
        "en": " Viasna said 1,227 political prisoners remain in jail in Belarus.",
        "ru": " По данным «Вясны», в Беларуси остаются за решёткой 1110 политзаключённых.",
        "de": " Laut Viasna sind in Belarus noch mehr als 1100 politische Gefangene in Haft.",
    }
    for language, sentence in remain.items():
        told[language] = (told[language][0], told[language][1] + sentence)
    views = []
    for number, (language, (title, body)) in enumerate(told.items(), 1):
        raw = RawArticle(text=body, title=title, published=RELEASE_DAY, declared=True)
        article = clean_article(raw)
        assert isinstance(article, Article), article
        facts = extract_facts(article)
        views.append(
            ArticleView(number, language, None, RELEASE_DAY, article.body, facts, language)
        )
    numbers = number_diffs(views)
    assert [(d.kind, _values(d)) for d in numbers] == [
        (NumberDiffKind.CONFLICT, {1100.0, 1110.0, 1227.0})
    ]


def test_a_cue_in_a_time_phrase_after_the_number_dates_it() -> None:
    # seeds/000: the count of political prisoners on the eve of the release.
    sentence = (
        "Viasna put the number of political prisoners at 1,227 on the eve of Saturday's releases."
    )
    assert _concept(sentence, "1,227", "en") == Concept.HELD
    assert _concept("Five people were arrested after the killing.", "Five", "en") == "arrested"


def test_the_same_figure_of_two_concepts_in_two_languages_is_no_agreement() -> None:
    english = "Belarus freed 114 prisoners on Saturday, officials said."
    russian = "По данным властей, 114 человек были вывезены в Украину."
    views = _views(("AP", "en", english), ("Meduza", "ru", russian))
    diff = diff_story(views, resolve_people(views))
    together = [d for d in diff.agreed_numbers if {"AP", "Meduza"} <= set(d.values[0].outlets)]
    assert not together


def test_small_tolls_of_other_incidents_are_not_compared() -> None:
    # ECB+ 41_1ecb, 41_4ecb, 41_6ecb (the shelling of a UN school in Gaza): after each lead's
    # toll, the articles tell of other strikes, each with its own small toll.
    lines = number_diffs(
        told(
            (
                "Guardian",
                "en",
                "At least 40 people were killed when Israeli shells hit a UN school in Gaza. "
                "Hours before, three young men who were cousins died when the Israelis bombed "
                "Asma elementary school in Gaza City.",
            ),
            (
                "Independent",
                "en",
                "More than 40 people were killed when Israeli shells struck a UN school in "
                "Gaza. Just before midnight on Tuesday, two Gazans were killed when Israeli "
                "forces attacked another UN school in Gaza City.",
            ),
        )
    )
    assert lines == []


def test_small_tolls_of_the_lead_still_disagree() -> None:
    # ECB+ 37_1ecbplus and 37_4ecbplus (the 2013 Aceh earthquake), the leads' tolls
    lines = number_diffs(
        told(
            (
                "AFP",
                "en",
                "A strong earthquake struck Indonesia's Aceh province on Tuesday, killing five "
                "people and injuring dozens, officials said.",
            ),
            (
                "AP",
                "en",
                "A strong earthquake struck Indonesia's Aceh province on Tuesday, killing six "
                "people and injuring dozens, officials said.",
            ),
        )
    )
    assert [(line.kind, {v.text for v in line.values}) for line in lines] == [
        (NumberDiffKind.CONFLICT, {"five", "six"})
    ]


@pytest.mark.parametrize(
    ("sentence", "number", "language", "concept"),
    [
        # ECB+ 3_4ecb: jurors who spared a killer the death penalty
        (
            "Brian Nichols was saved from a death sentence by three jurors who were determined "
            "that he instead spend his life in prison.",
            "three",
            "en",
            None,
        ),
        # ECB+ 3_1ecb: the people he killed
        (
            "The man who killed four people in a brazen escape from an Atlanta courthouse will "
            "spend the rest of his life in prison.",
            "four",
            "en",
            Concept.DEAD,
        ),
        # ECB+ 3_4ecb: the jurors who voted for a death sentence
        (
            "The two jurors, who indicated they were among the nine voting to put Nichols to "
            "death, reported one of the holdouts even worked a crossword puzzle.",
            "nine",
            "en",
            None,
        ),
        ("Суд приговорил троих обвиняемых к смертной казни.", "троих", "ru", None),
        ("Trzech mężczyzn skazano na karę śmierci.", "Trzech", "pl", None),
    ],
)
def test_a_death_penalty_counts_no_dead(
    sentence: str, number: str, language: str, concept: Concept | None
) -> None:
    assert _concept(sentence, number, language) is concept


@pytest.mark.parametrize(
    ("sentence", "number", "concept"),
    [
        # ECB+ 37_3ecb (the 2009 West Papua earthquakes): the earthquakes killed, they are
        # not the dead; the cue right before "at least one" is that number's.
        (
            "THOUSANDS of frightened residents flooded makeshift refugee camps in Indonesia's "
            "West Papua province today after two powerful earthquakes flattened buildings and "
            "killed at least one person.",
            "two",
            None,
        ),
        (
            "THOUSANDS of frightened residents flooded makeshift refugee camps in Indonesia's "
            "West Papua province today after two powerful earthquakes flattened buildings and "
            "killed at least one person.",
            "one",
            Concept.DEAD,
        ),
        # ECB+ 37_1ecb: a conjunction stands between, so each count keeps its own cue.
        (
            "At least five people were killed, 250 others injured and more than 800 homes "
            "destroyed by those temblors.",
            "250",
            Concept.INJURED,
        ),
    ],
)
def test_a_cue_right_before_another_number_is_that_numbers(
    sentence: str, number: str, concept: Concept | None
) -> None:
    spans = [(n.span.start, n.span.end) for n in find_numbers(split_sentences(sentence))]
    found = re.search(rf"\b{number}\b", sentence)
    assert found is not None
    start = found.start()
    others = [span for span in spans if span[0] != start]
    assert concept_of(sentence, start, start + len(number), "en", others) is concept


def test_a_districts_count_beside_the_articles_total_is_no_other_total() -> None:
    # ECB+ 37_3ecbplus and 37_6ecbplus (the 2013 Aceh earthquake): one district's injured,
    # told after the article's own total, is not compared with another outlet's total.
    lines = number_diffs(
        told(
            (
                "Guardian",
                "en",
                "An earthquake hit Aceh province leaving 24 dead and over 200 injured. In "
                "neighbouring Central Aceh district, 10 people were killed and 140 were injured, "
                "Nugroho said.",
            ),
            (
                "AFP",
                "en",
                "Officials say at least 24 people were killed and more than 200 injured by the "
                'quake. "We have recorded 24 people dead and 249 people injured," Nugroho said.',
            ),
        )
    )
    assert [line for line in lines if 140 in {v.value for v in line.values}] == []


@pytest.mark.parametrize(
    ("sentence", "magnitudes"),
    [
        # ECB+ 37_6ecb, 37_2ecb and 37_3ecb (the 2009 West Papua earthquakes)
        ("10, 2002, the largest recorded at magnitude 7.6, killing three people.", [7.6]),
        (
            "One 7.3-magnitude tremor was felt as far away as Australia and sent small tsunamis "
            "into Japan's southeastern coast.",
            [7.3],
        ),
        (
            "As aid started to arrive, hundreds of aftershocks continued to rattle the coastal "
            "city which was hit by the 7.6 and 7.5 magnitude quakes early on Sunday.",
            [7.6, 7.5],
        ),
        (
            "Papua had been hit by 842 aftershocks over a period of 29 hours after the first "
            "quake, including 54 aftershocks stronger than five on the Richter scale.",
            [5],
        ),
    ],
)
def test_a_magnitude_stands_by_its_word(sentence: str, magnitudes: list[float]) -> None:
    facts = find_numbers(split_sentences(sentence))
    readings = read_facts(sentence, facts, "en")
    assert [f.value for f, r in zip(facts, readings, strict=True) if r.magnitude] == magnitudes
