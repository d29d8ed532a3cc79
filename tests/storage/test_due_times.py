"""Due times across DST, and times of day and zones read strictly."""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

from storage import due_times
from storage.due_times import Due
from tests.support.articles import utc

VILNIUS = ZoneInfo("Europe/Vilnius")
EIGHT = time(8, 0)


def test_eight_in_vilnius_on_both_sides_of_the_spring_change() -> None:
    # clocks go 03:00 -> 04:00 on 29 March 2026: EET (+2) before, EEST (+3) after
    assert due_times.due_on(date(2026, 3, 28), EIGHT, VILNIUS) == utc(2026, 3, 28, 6, 0)
    assert due_times.due_on(date(2026, 3, 29), EIGHT, VILNIUS) == utc(2026, 3, 29, 5, 0)
    assert due_times.latest_due(utc(2026, 3, 29, 5, 0), EIGHT, VILNIUS) == Due(
        "2026-03-29", utc(2026, 3, 29, 5, 0)
    )


def test_eight_in_vilnius_on_both_sides_of_the_autumn_change() -> None:
    assert due_times.due_on(date(2026, 10, 24), EIGHT, VILNIUS) == utc(2026, 10, 24, 5, 0)
    assert due_times.due_on(date(2026, 10, 25), EIGHT, VILNIUS) == utc(2026, 10, 25, 6, 0)
    # at 05:30 UTC on the 25th it is 07:30 local: the latest digest is still the 24th's
    assert due_times.latest_due(utc(2026, 10, 25, 5, 30), EIGHT, VILNIUS) == Due(
        "2026-10-24", utc(2026, 10, 24, 5, 0)
    )
    assert due_times.latest_due(utc(2026, 10, 25, 6, 0), EIGHT, VILNIUS).period == "2026-10-25"


def test_skipped_and_repeated_local_times_fall_due_once() -> None:
    skipped = due_times.due_on(date(2026, 3, 29), time(3, 30), VILNIUS)
    assert skipped == utc(2026, 3, 29, 1, 30)  # 04:30 local, just after the jump
    repeated = due_times.due_on(date(2026, 10, 25), time(3, 30), VILNIUS)
    assert repeated == utc(2026, 10, 25, 0, 30)  # the first 03:30
    periods = {
        due_times.latest_due(repeated + timedelta(minutes=m), time(3, 30), VILNIUS).period
        for m in range(0, 120, 10)
    }
    assert periods == {"2026-10-25"}


def test_times_and_zones_are_parsed_strictly() -> None:
    assert due_times.parse_local_time("8:05") == time(8, 5)
    assert due_times.parse_local_time("24:00") is None
    assert due_times.parse_local_time("8") is None
    assert due_times.parse_zone("Europe/Vilnius") == VILNIUS
    assert due_times.parse_zone("Mars/Olympus") is None
    assert due_times.parse_zone("../etc/passwd") is None
