"""People's ages: read from real sentences of the dev data (ECB+ and pairs-dev ids cited),
given their person, and compared across outlets as one figure of one person."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from stories.ages import Age, age_holder, age_of
from stories.figures import NumberDiffKind
from stories.number_roles import Named
from tests.support.story_views import number_diffs, told


def _age(sentence: str, number: str, language: str) -> Age | None:
    start = sentence.index(number)
    return age_of(sentence, start, start + len(number), language)


@pytest.mark.parametrize(
    ("sentence", "number", "language", "expected"),
    [
        # ECB+ 1_1ecb
        (
            "Word comes from People magazine and other celebrity news outlets that Tara Reid, "
            '33, who starred in "American Pie" and appeared on U.S. television.',
            "33",
            "en",
            Age("year", needs_name=True),
        ),
        # ECB+ 19_10ecb
        (
            "There's been more rioting in Greece in protest at the death of 15-year-old "
            "Alexandros Grigoropoulos.",
            "15",
            "en",
            Age("year", needs_name=False),
        ),
        # pairs-dev 1566425118
        (
            "In der Talkshow von Markus Lanz gab Hendrik Streeck (42), Direktor des Instituts "
            "für Virologie der Universität Bonn, jetzt Einblicke in seine Forschung.",
            "42",
            "de",
            Age("year", needs_name=True),
        ),
        # pairs-dev 1593108703
        ("Heinz Schickedanz ist im Alter von 89 Jahren gestorben.", "89", "de", Age("year", False)),
        # pairs-dev u4336d4bfe147ff9e
        (
            "В новом сезоне Балтика собирается сделать ставку на молодых вратарей — 21-летнего "
            "Евгения Латышонка и 20-летнего Максима Бориско.",
            "20",
            "ru",
            Age("year", needs_name=True),
        ),
        # pairs-dev 1602384629
        (
            "Ağrı'da yaşayan 5 çocuk annesi 55 yaşındaki Aliye Baydar, büyük fedakarlık "
            "göstererek eşinin ihtiyacını karşılıyor.",
            "55",
            "tr",
            Age("year", needs_name=False),
        ),
        # pairs-dev 1483932671
        (
            "Una mujer tiró con fuerza del brazo a Francisco, de 83 años, que casi perdió el "
            "equilibrio.",
            "83",
            "es",
            Age("year", needs_name=True),
        ),
        # pairs-dev 1484117408
        (
            "En la instantánea está el bebé, de casi ocho meses, en brazos de su padre, el "
            "príncipe Harry.",
            "ocho",
            "es",
            Age("month", needs_name=True),
        ),
    ],
)
def test_ages_are_read_where_the_words_say_so(
    sentence: str, number: str, language: str, expected: Age
) -> None:
    assert _age(sentence, number, language) == expected


@pytest.mark.parametrize(
    ("sentence", "number", "language"),
    [
        # pairs-dev 1485017920: a date
        ("Das Sun Day Movies-Team lädt am Sonntag, 5. April zum Kino ein.", "5", "de"),
        # ECB+ 31_13ecb: a record's age is a duration, and no "-year-old" of a person
        ("The 2008 Tar Heels won 12 games and scored 1,200 points.", "12", "en"),
        # pairs-dev 1469729742-like: a duration in a sentence, no age words
        ("Hernandez Castillo spent five years in prison.", "five", "en"),
    ],
)
def test_other_numbers_are_no_ages(sentence: str, number: str, language: str) -> None:
    assert _age(sentence, number, language) is None


def _holders(text: str, language: str = "en") -> dict[str, str | None]:
    (view,) = told(("Outlet", language, text))
    return {fact.text: fact.holder for fact in view.facts.numbers}


def test_an_age_is_its_persons() -> None:
    # ECB+ 1_1ecb, 19_11ecb; pairs-dev 1484010987, u4336d4bfe147ff9e
    assert _holders("Police said that Tara Reid, 33, was treated at the clinic.")["33"] == (
        "Tara Reid"
    )
    assert _holders("Dirco identified the woman as 33-year-old Alana Lens.")["33"] == "Alana Lens"
    baltika = _holders(
        "В новом сезоне Балтика собирается сделать ставку на молодых вратарей — 21-летнего "
        "Евгения Латышонка и 20-летнего Максима Бориско.",
        "ru",
    )
    assert baltika["21"] == "Евгения Латышонка"
    assert baltika["20"] == "Максима Бориско"


def test_an_age_near_another_name_is_not_theirs() -> None:
    # pairs-dev uc86c63af1e18205d: the 73-year-old is the president, not his press secretary
    said = _holders(
        "Press secretary Stephanie Grisham said the 73-year-old is anticipating a very busy "
        "2020 and wanted to begin portions of his routine check-up."
    )
    assert said["73"] is None
    # ECB+ 1_10ecb: the actress's rep is not 33
    rep = _holders(
        "The 33-year-old actress's rep Jack Ketsoyan told the magazine that she was in rehab."
    )
    assert rep["33"] is None
    # pairs-dev 1522748192: his daughter's age is not Kobe Bryant's
    crash = _holders(
        "Helikopter, którym lecieli Kobe Bryant, jego 13-letnia córka oraz siedem innych osób, "
        "rozbił się 40 mil od Los Angeles.",
        "pl",
    )
    assert crash["13"] is None


def test_a_bracketed_number_is_only_a_full_names_age() -> None:
    # pairs-dev uc997cd2efbaaaa86 (a team's rank) and ECB+ 1_x-like Irish style (an age)
    rank = "Derek Carr, Raiders (14) The Raiders are running the ball well."
    age = "Richard McNally (31) was annoyed about a push bike."
    assert _bracket_holder(rank, "Raiders", "14") is None
    assert _bracket_holder(age, "Richard McNally", "31") == "Richard McNally"


def _bracket_holder(sentence: str, name: str, number: str) -> str | None:
    at = sentence.index(name)
    start = sentence.index(f"({number})") + 1
    named = [Named(at, at + len(name), name)]
    return age_holder(sentence, start, start + len(number), named, None, "en")


def _ages(*articles: tuple[str, str | None, str]) -> list[tuple[NumberDiffKind, str, set[str]]]:
    return [
        (line.kind, line.what, {value.text for value in line.values})
        for line in number_diffs(told(*articles))
    ]


def test_two_outlets_giving_one_person_two_ages_disagree() -> None:
    # ECB+ 1_7ecbplus, the second outlet's age changed
    lines = _ages(
        (
            "AP",
            "en",
            "Lindsay Lohan has entered rehab. A lawyer told the judge that Lohan, 26, had "
            "checked into Morningside Recovery in Newport Beach.",
        ),
        (
            "People",
            "en",
            "On Thursday Lindsay Lohan, 27, checked into a rehab center in Newport Beach, "
            "her lawyer said.",
        ),
    )
    assert lines == [(NumberDiffKind.CONFLICT, "age of Lindsay Lohan", {"26", "27"})]


def test_ages_are_compared_across_scripts() -> None:
    # ECB+ 19_11ecb and a Russian write-up of it
    lines = _ages(
        (
            "BBC",
            "en",
            "Riots followed in Athens. It was next to the Exarchia district where Alexis "
            "Grigoropoulos, 15, was killed by a police bullet on 6 December.",
        ),
        (
            "РИА",
            "ru",
            "В Афинах начались беспорядки. Полицейский застрелил 16-летнего Алексиса "
            "Григоропулоса в районе Экзархия 6 декабря.",
        ),
    )
    assert [(kind, values) for kind, _, values in lines] == [
        (NumberDiffKind.CONFLICT, {"15", "16"})
    ]


def test_one_age_told_twice_and_other_peoples_ages_are_no_difference() -> None:
    lines = _ages(
        # ECB+ 19_10ecb and 19_11ecb: one age, two ways
        (
            "Sky",
            "en",
            "There's been more rioting in Greece in protest at the death of 15-year-old "
            "Alexandros Grigoropoulos. Epaminondas Korkoneas, 37, has been charged.",
        ),
        (
            "BBC",
            "en",
            "Alexandros Grigoropoulos, 15, was killed by a police bullet on 6 December. The "
            "officer's partner, Vassilios Saraliotis, 31, was charged with being an accomplice.",
        ),
    )
    assert lines == []


def test_an_age_at_another_time_of_a_life_is_not_compared() -> None:
    # pairs-dev 1469729742: the age at which he came to the United States
    lines = _ages(
        (
            "LA Times",
            "en",
            "Police arrested Luis Hernandez Castillo on Tuesday. Hernandez Castillo was born "
            "in Mexico and immigrated to the United States when he was five years old.",
        ),
        (
            "NBC",
            "en",
            "Police arrested Luis Hernandez Castillo, 34, on Tuesday on suspicion of murder.",
        ),
    )
    assert lines == []


def test_ages_of_a_list_of_names() -> None:
    # ECB+ 33_4ecbplus
    ages = _holders(
        "Zurana Horton was killed when the accused Andrew Lopez, 20 and Jonathan Carrasquillo, "
        "24, were spraying bullets from a rooftop in Brownsville."
    )
    assert ages["20"] == "Andrew Lopez"
    assert ages["24"] == "Jonathan Carrasquillo"


def test_ages_told_months_apart_may_both_be_right() -> None:
    # ECB+ 45_3ecbplus (the plea, January) and 45_1ecbplus (the verdict, September)
    plea = told(
        (
            "KOMO",
            "en",
            "Prosecutors charged 26-year-old Christopher Kenyon Simpson with the murder of his "
            "girlfriend.",
        ),
        published=datetime(2013, 1, 10, tzinfo=UTC),
    )
    verdict = told(
        (
            "Seattle Times",
            "en",
            "A jury convicted Christopher Kenyon Simpson, 27, of the murder of his girlfriend.",
        ),
        published=datetime(2013, 9, 20, tzinfo=UTC),
    )
    verdict = [replace(view, article_id=2) for view in verdict]
    assert number_diffs([*plea, *verdict]) == []
    same_week = [replace(view, published=datetime(2013, 1, 12, tzinfo=UTC)) for view in verdict]
    assert [line.kind for line in number_diffs([*plea, *same_week])] == [NumberDiffKind.CONFLICT]
