"""A number's place in its story: background, part of a group, holder.

Sentences marked "dev data" are real sentences of the multilingual dev pairs
(``pairs-dev/articles.jsonl``); the others were written for these tests.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from stories.facts import NumberFact
from stories.number_roles import (
    Named,
    Segment,
    article_now,
    background_marker,
    is_held,
    is_measure,
    is_part,
    is_time_unit,
    measure_unit,
    segment_of,
    years_in,
)
from stories.numbers import find_numbers
from stories.sentences import split_sentences


def _numbers(
    text: str,
    language: str = "en",
    published: date | None = None,
    people: tuple[str, ...] = (),
) -> dict[str, NumberFact]:
    named = [Named(text.index(p), text.index(p) + len(p), p) for p in people]
    now = article_now(published, years_in(text))
    found = find_numbers(split_sentences(text), language=language, people=named, now=now)
    return {n.text: n for n in found}


def test_a_part_is_marked_in_the_words_of_its_language() -> None:
    # dev data (ru): 78 children among 219 people.
    text = (
        "С 7 по 13 мая в республике за медицинской помощью из-за укусов клещей обратились "
        "219 человек, в том числе 78 детей."
    )
    numbers = _numbers(text, "ru")
    assert not numbers["219"].part
    assert numbers["78"].part
    english = _numbers("Police detained 56 protesters on Sunday, 12 of them minors.")
    assert (english["56"].part, english["12"].part) == (False, True)
    polish = _numbers("Zatrzymano 56 demonstrantów, w tym 12 nieletnich.", "pl")
    assert (polish["56"].part, polish["12"].part) == (False, True)


def test_a_part_marker_may_stand_before_a_qualifier() -> None:
    # dev data (ru): more than 312 thousand of the 4.66 million infected.
    text = (
        "По данным американского Университета Джонса Хопкинса, общее количество инфицированных "
        "в мире превысило 4,66 млн человек, из них более 312 тыс."
    )
    numbers = _numbers(text, "ru")
    assert [n.part for n in numbers.values()] == [False, True]


def test_an_earlier_year_or_period_makes_a_number_background() -> None:
    # dev data (de): births over deaths "in the past year".
    german = _numbers("Es gab im vergangenen Jahr um 1.918 mehr Geburten als Sterbefälle.", "de")
    assert german["1.918"].background is not None
    published = date(2026, 3, 15)
    text = (
        "Floods in the valley killed 42 people on Saturday, officials said. "
        "In 2021, floods in the same valley killed 180 people. "
        "In September, a landslide nearby buried 35 homes, and rescuers have freed 12 people "
        "since Saturday."
    )
    numbers = _numbers(text, published=published)
    assert numbers["42"].background is None
    assert numbers["180"].background == "2021"
    assert numbers["35"].background == "September"
    assert numbers["12"].background == "September", "the opening phrase dates its sentence"


def test_this_month_and_the_month_before_early_in_a_month_are_the_event() -> None:
    text = "In March, 42 people died. In February, 7 people died."
    early = _numbers(text, published=date(2026, 3, 5))
    assert early["42"].background is None
    assert early["7"].background is None
    late = _numbers(text, published=date(2026, 3, 25))
    assert late["7"].background == "February"


def test_earlier_this_week_is_the_events_days() -> None:
    # pairs-dev u0fc20b27319d4052 and u5a548cdab2124e73 (REvil's ransom demand): the 21
    # million demanded "earlier this week" is the story's own figure; "earlier" alone dates it.
    published = date(2020, 5, 16)
    week = _numbers("Ранее на этой неделе мошенники вымогали 21 миллион долларов.", "ru", published)
    assert week["21 миллион"].background is None
    before = _numbers("Ранее мошенники вымогали у компании 21 миллион долларов.", "ru", published)
    assert before["21 миллион"].background == "Ранее"


def test_without_a_publication_date_only_earlier_years_date_a_number() -> None:
    # dev data (en): the year of the rate cuts is earlier than the article's latest year.
    text = (
        "To stimulate the slowing economy, the RBI cut interest rates five times in 2019. "
        "In 2020 the bank held rates at 4 percent."
    )
    numbers = _numbers(text)
    assert numbers["five"].background == "2019"
    assert numbers["4"].background is None
    text = "The 2022 Nobel Peace Prize laureate spent 600 days in jail in 2023."
    assert _numbers(text)["600"].background is None, "a year naming a prize dates nothing"


def test_a_duration_belongs_to_the_person_named_before_it() -> None:
    text = (
        "The court sentenced Ivan Petrov to 12 years in prison and Olga Sidorova to seven "
        "years. She plans to appeal the 7-year sentence. The trial lasted 40 days."
    )
    numbers = _numbers(text, people=("Ivan Petrov", "Olga Sidorova"))
    assert numbers["12"].holder == "Ivan Petrov"
    assert numbers["seven"].holder == "Olga Sidorova"
    assert numbers["7"].holder == "Olga Sidorova", "a pronoun points at the last person named"
    assert numbers["40"].holder is None
    people = _numbers("Police detained 56 protesters near Olga Sidorova's office.")
    assert people["56"].holder is None, "a count of people is the event's, not a person's"


def test_background_marker_reads_only_the_numbers_clause() -> None:
    text = "Belarus freed 52 prisoners, after releasing 16 in September."
    first = text.index("52")
    second = text.index("16")
    now = (2025, 12, 13)
    assert background_marker(text, first, first + 2, "en", now) is None
    assert background_marker(text, second, second + 2, "en", now) == "September"


def test_part_words_of_one_language_do_not_apply_to_another() -> None:
    text = "Dont 12 personnes"
    assert is_part(text, 5, 7, "fr")
    assert not is_part(text, 5, 7, "en")


def test_a_duration_in_two_units_is_not_two_quantities() -> None:
    # dev data (ru): a train held for two hours twenty minutes.
    assert _numbers("Поезд задержали на 2 часа 20 минут.", "ru") == {}
    assert _numbers("The train stood for 2 hours and 19 minutes.") == {}
    assert set(_numbers("Police held 3 people for 20 minutes.")) == {"3", "20"}


def test_ranges_written_with_an_ellipsis_are_one_figure() -> None:
    # dev data (ru): a day's temperature range.
    numbers = _numbers("Днем 3…5° и 1…6° тепла.", "ru")
    assert [(n.low, n.high) for n in numbers.values()] == [(3, 5), (1, 6)]


def test_measures_are_told_from_counts() -> None:
    for measure in ("degrees", "градусов", "years", "percent"):
        assert is_measure(measure), measure
    for count in ("people", "citizens", ""):
        assert not is_measure(count), count


def test_a_range_may_be_joined_by_a_hyphen() -> None:
    # dev data (ru): "exceed the norm by 3-5 degrees".
    numbers = _numbers("Температура будет превышать климатическую норму на 3 -5 градусов.", "ru")
    assert [(n.low, n.high) for n in numbers.values()] == [(3, 5)]
    assert [(n.low, n.high) for n in _numbers("Between 10-12 people.").values()] == [(10, 12)]
    assert list(_numbers("COVID-19 killed 5 people in 2019-2020.")) == ["5"]


def test_currencies_are_counted_alike_in_every_language() -> None:
    # dev data (ru): the all-time high of a crypto currency, in words and with a sign.
    russian = _numbers(
        "15 января 2018 года цена Ethereum достигла своего исторического максимума в 1365 "
        "долларов. Сейчас стоимость эфира 202 $.",
        "ru",
    )
    assert [(n.text, n.counted) for n in russian.values()] == [
        ("1365", "dollars"),
        ("202", "dollars"),
    ], "a four-digit sum is no year; a sign after the figure names its currency"
    german = _numbers("Der Konzern zahlte 2 Mio. US-Dollar Strafe.", "de")
    assert [(n.value, n.counted) for n in german.values()] == [(2_000_000, "dollars")]
    english = _numbers("The deal was worth more than $1,000.")
    assert english["1,000"].qualifier.value == "more than"


def test_a_four_digit_year_outside_english_is_still_a_year() -> None:
    numbers = _numbers("В 2019 году в городе жили 1400 человек.", "ru")
    assert list(numbers) == ["1400"]


def test_a_superseded_figure_or_last_weeks_is_background() -> None:
    # dev data (en, 1516170185): the toll revised; u3fde2d56b63ce86b: last week's share.
    revised = _numbers(
        "Officials said that the death toll stood at 20, with 42 wounded, revising an earlier "
        "total of 21 dead."
    )
    assert (revised["20"].background, revised["21"].background) == (None, "an earlier")
    week = _numbers(
        "Last week, stubble burning contributed to 30-35 per cent in pollution, it has now "
        "reduced to 3-4 per cent, he said."
    )
    assert week["30-35"].background == "Last week"
    assert week["3-4"].background is None
    russian = _numbers("На прошлой неделе в области задержали 12 человек.", "ru")
    assert russian["12"].background is not None


@pytest.mark.parametrize(
    "text",
    [
        "Nine of the released prisoners left Belarus for Lithuania and 114 were taken to "
        "Ukraine, officials said.",
        "Among those released, 114 prisoners were transferred to Ukraine, while the remaining "
        "nine, including Bialiatski, were sent to Lithuania.",
        "По последним данным ВОЗ, в мире были заражены 5 407 613 человек, из которых 2 168 563 "
        "выздоровели, 345 059 - скончались.",
        "Korat (Nakhon Ratchasima): 26 killed; 57 wounded — the worst [mass] shooting - ever",
        "",
    ],
)
def test_a_segment_is_the_stretch_between_phrase_punctuation(text: str) -> None:
    """``segment_of`` against a plain reading of its rule, at every position of the text."""
    stops = list(re.finditer(r"[;:()\[\]—–]|,\s|\s-\s", text))
    for start in range(len(text) + 1):
        for end in range(start, min(len(text), start + 12) + 1):
            before = [m.end() for m in stops if m.end() <= start]
            after = [m.start() for m in stops if m.start() >= end]
            expected = Segment(before[-1] if before else 0, after[0] if after else len(text))
            assert segment_of(text, start, end) == expected


def test_durations_ages_and_distances_are_held_and_read_in_one_unit() -> None:
    assert all(is_held(word) for word in ("years", "лет", "metres", "km"))
    assert not any(is_held(word) for word in ("people", "yards"))
    assert not is_time_unit("metres")  # Lithuanian "metai" (years) only: "metų", "metus"
    assert is_time_unit("metų")
    assert {measure_unit(w) for w in ("года", "лет", "Jahren", "years", "rok")} == {"year"}
    assert {measure_unit(w) for w in ("metres", "meters", "м", "метров")} == {"metre"}
    assert measure_unit("feet") == "foot"
    assert measure_unit("people") is None


def test_a_common_word_that_names_a_unit_says_what_a_number_counts() -> None:
    # u488ac6452d11c94a (nevasport.ru): "года" is among Russian's commonest words.
    (age,) = find_numbers(split_sentences("Камба сейчас 33 года."), language="ru")
    assert (age.value, age.counted) == (33, "года")


def test_a_year_naming_a_past_disaster_dates_its_toll() -> None:
    # ECB+ 37_2ecb (the 2009 West Papua earthquakes): the 2004 tsunami's toll is background,
    # though capitalised words follow the year; a prize named by its year dates nothing.
    now = (2009, 1, 4)
    text = "It was the worst since the 2004 Indian Ocean tsunami that killed 168,000 people."
    start = text.index("168,000")
    assert background_marker(text, start, start + 7, "en", now) == "2004"
    prize = "The 2022 Nobel Peace Prize laureate was among 123 prisoners freed on Saturday."
    start = prize.index("123")
    assert background_marker(prize, start, start + 3, "en", now=(2025, 12, 13)) is None


def test_who_tells_a_figure_does_not_hold_it() -> None:
    # ECB+ 23_2ecbplus (Mount Cook climbers); a Russian write-up of the same sentence
    text = "Inspector Dave Gaskin said the man fell around 2000ft (609 metres) near the hut."
    assert _numbers(text, people=("Dave Gaskin",))["609"].holder is None
    russian = "Инспектор Дейв Гаскин сообщил, что мужчина упал с высоты 600 метров."
    found = _numbers(russian, people=("Дейв Гаскин",), language="ru")
    assert found["600"].holder is None
    own = _numbers(
        "On Saturday Robert Buckley fell about 600 metres while climbing to a hut.",
        people=("Robert Buckley",),
    )
    assert own["600"].holder == "Robert Buckley"
