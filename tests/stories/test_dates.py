"""Event dates: resolved against publication, never a photo's date."""

from __future__ import annotations

from datetime import date

from stories.dates import find_dates
from stories.facts import EventDate
from stories.sentences import split_sentences
from tests.support.seeds import SEED_KEYS, seed_article, seed_facts


def dates(text: str, published: date | None) -> tuple[EventDate, ...]:
    return find_dates(split_sentences(text), published)


def days(text: str, published: date | None) -> list[date]:
    return [d.day for d in dates(text, published)]


def test_every_seed_gives_the_day_of_the_release() -> None:
    expected = {"000": "Saturday", "001": "Saturday", "002": "Saturday", "003": "December 13, 2025"}
    for key in SEED_KEYS:
        found = seed_facts(key).dates
        assert found, key
        assert {d.day for d in found} == {date(2025, 12, 13)}, key
        if key in expected:
            assert expected[key] in {d.text for d in found}, key
    assert {d.text for d in seed_facts("004").dates} == {"Saturday afternoon"}


def test_caption_dates_are_not_event_dates() -> None:
    item = seed_article("000")
    caption_text = " ".join(item.captions)
    assert "September 9, 2021" in caption_text
    assert "December 3, 2020" in caption_text
    assert days(caption_text, date(2025, 12, 13)) == []
    body_with_photo_lines = caption_text + "\n\n" + item.body
    assert set(days(body_with_photo_lines, date(2025, 12, 13))) == {date(2025, 12, 13)}


def test_weekdays_resolve_backwards() -> None:
    wednesday = date(2026, 3, 4)
    assert days("The quake struck early on Tuesday.", wednesday) == [date(2026, 3, 3)]
    assert days("The vote was held on Wednesday.", wednesday) == [wednesday]
    assert days("Talks ended last Wednesday.", wednesday) == [date(2026, 2, 25)]
    assert days("He left on Thursday morning.", wednesday) == [date(2026, 2, 26)]


def test_future_and_vague_days_are_not_event_dates() -> None:
    wednesday = date(2026, 3, 4)
    text = (
        "Shelters stay open until Friday. The court meets next Monday. "
        "Prices rose last month and in November. The plant opened in 1962."
    )
    assert days(text, wednesday) == []


def test_month_days_across_the_new_year() -> None:
    assert days("The deal was signed on December 30.", date(2026, 1, 2)) == [date(2025, 12, 30)]
    assert days("It was signed on 2 January 2026.", date(2026, 1, 2)) == [date(2026, 1, 2)]
    assert days("The pact dates from December 3.", date(2026, 1, 2)) == []


def test_weekday_with_date_is_one_expression() -> None:
    found = dates("On Saturday, December 13, prisoners were freed.", date(2025, 12, 13))
    assert [(d.day, d.text) for d in found] == [(date(2025, 12, 13), "Saturday, December 13")]


def test_relative_and_iso_days() -> None:
    published = date(2024, 5, 10)
    assert days("The ministry said yesterday that talks failed.", published) == [date(2024, 5, 9)]
    assert days("Results were published on 2024-05-08.", published) == [date(2024, 5, 8)]


def test_without_publication_there_is_no_event_date() -> None:
    text = "The match was played on March 3, 2024. Fans had queued since Saturday."
    assert days(text, None) == []
    assert days(text, date(2024, 3, 4)) == [date(2024, 3, 3), date(2024, 3, 2)]


def test_spans_point_into_the_text() -> None:
    text = "Rescuers worked through the night.\n\nThe dam broke on Sunday evening, officials said."
    (found,) = dates(text, date(2024, 9, 16))
    assert text[found.span.start : found.span.end] == "Sunday evening"
    assert found.day == date(2024, 9, 15)
