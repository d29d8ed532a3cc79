"""When a daily digest falls due: a subscriber's time of day and zone as written, and the
UTC instants of its periods (a period is the subscriber's local date). No database: the
subscriptions store the text, the scheduler and the delivery claims use these."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True, slots=True)
class Due:
    """One digest occasion: the subscriber's local date and the UTC instant it falls due."""

    period: str
    due_at: datetime


def parse_local_time(text: str) -> time | None:
    """``8:00`` or ``08:00`` -> 08:00; anything else -> None."""
    match = _TIME.match(text.strip())
    return time(int(match.group(1)), int(match.group(2))) if match else None


def parse_zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def due_on(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of ``at`` on the local ``day``.

    A time skipped by a spring-forward change (02:30 when clocks jump 02:00 -> 03:00) falls
    due at the same distance past the change (03:30), like cron; a repeated time in autumn
    falls due at its first occurrence (``fold=0``), so the period is never due twice.
    """
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def latest_due(now: datetime, at: time, zone: ZoneInfo) -> Due:
    """The most recent occasion at or before ``now``."""
    today = now.astimezone(zone).date()
    for day in (today, today - timedelta(days=1), today - timedelta(days=2)):
        instant = due_on(day, at, zone)
        if instant <= now:
            return Due(day.isoformat(), instant)
    raise AssertionError("a daily time is always due within two days")
