"""Quantities: what they count, their qualifiers, and what is not a quantity."""

from __future__ import annotations

from stories.facts import NumberFact, Qualifier
from stories.numbers import find_numbers
from stories.sentences import split_sentences
from tests.support.seeds import SEED_KEYS, seed_facts


def numbers(text: str) -> tuple[NumberFact, ...]:
    return find_numbers(split_sentences(text))


def one(found: tuple[NumberFact, ...], value: float) -> NumberFact:
    matching = [n for n in found if n.value == value]
    assert len(matching) == 1, (value, found)
    return matching[0]


def test_political_prisoners_still_held() -> None:
    for key in ("000", "002"):
        fact = one(seed_facts(key).numbers, 1227)
        assert fact.text == "1,227"
        assert fact.counted == "political prisoners"
        assert fact.qualifier is Qualifier.EXACT
    assert one(seed_facts("002").numbers, 1227).context == "remain in jail"
    more = one(seed_facts("004").numbers, 1000)
    assert (more.text, more.qualifier, more.counted) == (
        "1 000",
        Qualifier.MORE_THAN,
        "political prisoners",
    )
    assert more.context.startswith("remain in")
    vague = [n for n in seed_facts("001").numbers if n.qualifier is Qualifier.VAGUE]
    assert any(n.counted == "detainees" and "remain" in n.context for n in vague)


def test_prisoners_taken_to_ukraine_and_lithuania() -> None:
    for key in ("000", "002", "003"):
        fact = one(seed_facts(key).numbers, 114)
        assert "Ukraine" in fact.context, key
        assert fact.counted.endswith(("prisoners", "civilians")), key
    for key in ("000", "003"):
        fact = one(seed_facts(key).numbers, 9)
        assert "Lithuania" in fact.context, key
        assert fact.counted.endswith("prisoners"), key


def test_breakdown_by_citizenship_is_two_facts() -> None:
    found = seed_facts("004").numbers
    assert one(found, 109).counted == "Belarusian citizens"
    assert "transported to Ukraine" in one(found, 109).context
    assert one(found, 5).counted == "Ukrainian citizens"


def test_unique_numbers_of_seed_000() -> None:
    found = seed_facts("000").numbers
    room = one(found, 40)
    assert (room.qualifier, room.counted) == (Qualifier.ALMOST, "people")
    urged = next(n for n in found if n.low == 1300)
    assert (urged.high, urged.qualifier, urged.counted) == (1400, Qualifier.UP_TO, "prisoners")
    assert one(found, 123).context == "freed"


def test_no_years_dates_or_times_on_the_seeds() -> None:
    for key in SEED_KEYS:
        values = {n.value for n in seed_facts(key).numbers}
        assert not values & {1994, 2020, 2021, 2022, 2025, 13, 14}, key


def test_earthquake_numbers() -> None:
    found = numbers(
        "A magnitude 6.8 earthquake struck at 3:12 a.m. on Tuesday, killing at least 14 people "
        "and damaging hundreds of homes. Authorities said 230 homes were destroyed. The quake, "
        "the strongest since 2007, was felt by about 1,200 people in Lima on March 3."
    )
    assert [n.value for n in found] == [6.8, 14, 100, 230, 1200]
    assert (found[1].qualifier, found[1].counted) == (Qualifier.AT_LEAST, "people")
    assert (found[2].qualifier, found[2].counted) == (Qualifier.VAGUE, "homes")
    assert found[3].context == "destroyed"
    assert found[4].qualifier is Qualifier.ABOUT


def test_merger_money_and_percentages() -> None:
    found = numbers(
        "Northwind agreed to buy Van Dijk Express for 2.4 billion euros. It employs 11,000 "
        "people. Shares rose 6 percent, and $350 million of debt will be refinanced."
    )
    assert [(n.value, n.counted) for n in found] == [
        (2.4e9, "euros"),
        (11_000, "people"),
        (6, "percent"),
        (350e6, "dollars"),
    ]


def test_separators_and_words() -> None:
    found = numbers(
        "Police detained 1.110 people, and 2\u202f500 more were questioned. Twenty-five "
        "officers and a dozen dogs took part; tens of thousands of fans watched."
    )
    assert [n.value for n in found] == [1110, 2500, 25, 12, 10_000]
    assert found[1].counted == "people"  # "2 500 more": the noun of the number before
    assert found[2].counted == "officers"
    assert found[4].qualifier is Qualifier.VAGUE


def test_election_and_court_numbers() -> None:
    found = numbers(
        "Turnout was 54.2 percent, with 1,305,000 votes cast for Sandu and nearly 900,000 for "
        "her rival. The court sentenced him to 12 years; between 10 and 12 jurors agreed."
    )
    assert [n.value for n in found] == [54.2, 1_305_000, 900_000, 12, 11]
    assert found[2].qualifier is Qualifier.ALMOST
    assert found[3].counted == "years"
    assert (found[4].low, found[4].high, found[4].counted) == (10, 12, "jurors")


def test_sports_scores_are_numbers_but_codes_are_not() -> None:
    found = numbers(
        "The 23-year-old scored two goals in the 89th minute of the COVID-19 rescheduled game, "
        "watched by 45,000 fans in 2024."
    )
    assert [(n.value, n.counted) for n in found] == [(23, "year"), (2, "goals"), (45_000, "fans")]


def test_one_that_counts_nothing() -> None:
    assert numbers("She was one of the leaders, and no one else came.") == ()
    assert [n.value for n in numbers("One person died.")] == [1]


def test_a_conversion_in_brackets_restates_the_figure_before_it() -> None:
    # ECB+ 13_1ecb and 23_4ecbplus; the German sentence is written for the test.
    church = numbers(
        "Damage to the church was estimated at $US1 million ($1.52 million), authorities said."
    )
    assert [(n.value, n.counted, n.qualifier, n.restates) for n in church] == [
        (1_000_000, "dollars", Qualifier.ABOUT, False),
        (1_520_000, "dollars", Qualifier.EXACT, True),
    ]
    fall = numbers("Englishman Robert Buckley fell about 600 metres (2,000 feet).")
    assert [(n.counted, n.restates) for n in fall] == [("metres", False), ("feet", True)]
    german = find_numbers(
        split_sentences("Die Firma zahlte 1,5 Milliarden Euro (1,7 Milliarden Dollar)."),
        language="de",
    )
    assert [(n.counted, n.restates) for n in german] == [("euros", False), ("dollars", True)]
    # A part in brackets restates nothing.
    parts = numbers("Twelve people (eight of them children) died in the fire.")
    assert not any(n.restates for n in parts)


def test_number_words_in_capitals() -> None:
    # ECB+ 23_6ecbplus opens its lead in capitals.
    found = numbers("ONE Australian and one English climber have fallen to their deaths.")
    assert [n.value for n in found] == [1, 1]


def test_two_numbers_joined_by_and_are_a_range_only_after_between() -> None:
    # ECB+ 37_1ecb: two quakes' magnitudes; the second sentence is written for the test.
    quakes = numbers("Two quakes, measuring 7.6 and 7.4, struck Indonesia's West Papua province.")
    assert [(n.low, n.high) for n in quakes] == [(2, 2), (7.6, 7.6), (7.4, 7.4)]
    between = numbers("Between 10 and 12 people were killed in the collapse.")
    assert [(n.low, n.high) for n in between] == [(10, 12)]
