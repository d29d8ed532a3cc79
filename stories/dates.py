"""The days on which an article's event happened, resolved against its publication date.

The rule: a day named in the body ("on Saturday", "Saturday afternoon", "December 13",
"December 13, 2025", "2025-12-13", "yesterday") is an event date only when it falls within
``WINDOW_DAYS`` days before publication (or one day after it, for time zones). A photo caption
or a background paragraph dating something else ("September 9, 2021") is outside the window.
Months and vaguer spans ("last month", "in November") are not days. Weekdays resolve to the
last such day on or before publication ("last Saturday": strictly before). Without a
publication date there are no event dates: anchoring on a date of the text itself would turn
the only date of a background paragraph ("December 3, 2020") into the event's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from stories import lexicon
from stories.facts import EventDate, Span
from stories.sentences import Sentence

WINDOW_DAYS = 14
WEEKDAYS = tuple(day.capitalize() for day in lexicon.WEEKDAYS)
MONTHS = tuple(month.capitalize() for month in lexicon.MONTHS)
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_WEEKDAY = rf"(?:(?P<weekday>{'|'.join(WEEKDAYS)}),?\s+(?:the\s+)?)?"
_WEEKDAY_INITIALS = "".join(sorted({day[0] for day in WEEKDAYS}))
_MONTH_INITIALS = "".join(sorted({month[0] for month in MONTHS}))
# Each pattern opens with a lookahead on the letters a match can start with: it rejects most
# word boundaries in one step, before the optional groups and the alternatives are tried.
_FULL = (
    re.compile(
        rf"\b(?=[{_WEEKDAY_INITIALS}{_MONTH_INITIALS}])"
        rf"{_WEEKDAY}{_MONTH}\s+{_DAY}\b{_YEAR}(?![\-/]\d)"
    ),
    re.compile(
        rf"\b(?=[{_WEEKDAY_INITIALS}\d]){_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}\b{_YEAR}(?![\-/]\d)"
    ),
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_NAMED_DAY = re.compile(
    rf"\b(?=[l{_WEEKDAY_INITIALS}])(?P<last>last\s+)?(?P<weekday>{'|'.join(WEEKDAYS)})(?:['’]s)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
)
_HINT = re.compile(r"\d|day\b")
"""Every date expression has a digit or a word ending in "day": most sentences have neither."""
_MONTH_HINT = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
"""Every full date names a month: a quick search (it jumps from one capital letter of the set to
the next) spares the sentences without one both ``_FULL`` patterns."""
_DAY_HINT = re.compile("day", re.IGNORECASE)
"""Every weekday and relative word ends in "day" (in any case, for ``_RELATIVE``)."""
_RELATIVE = re.compile(r"\b(?P<word>today|yesterday)\b", re.IGNORECASE)
_NOT_PAST = re.compile(r"\b(?:next|until|till|by|every|each|coming|from|before)\s+$", re.I)
_MONTH_NUMBERS = {name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)}


@dataclass(frozen=True, slots=True)
class _Raw:
    """A date expression before resolution: a full date, or a weekday/relative word."""

    start: int
    end: int
    day: date | None
    month_day: tuple[int, int] | None
    weekday: int | None
    strictly_before: bool
    days_back: int | None


def find_dates(sentences: Sequence[Sentence], published: date | None) -> tuple[EventDate, ...]:
    """Event dates named in ``sentences`` (body sentences only: captions date the photo)."""
    if published is None:
        return ()
    dates: list[EventDate] = []
    for sentence in sentences:
        for raw in _expressions(sentence.text):
            day = _resolve(raw, published)
            if day is None or not _in_window(day, published):
                continue
            span = Span(sentence.start + raw.start, sentence.start + raw.end, sentence.text)
            dates.append(EventDate(day, sentence.text[raw.start : raw.end], span))
    return tuple(dates)


def _expressions(text: str) -> Iterator[_Raw]:
    if _HINT.search(text) is None:
        return
    taken: list[tuple[int, int]] = []
    if _MONTH_HINT.search(text) is not None:
        for pattern in _FULL:
            for match in pattern.finditer(text):
                raw = _full(match)
                if raw is None or any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                taken.append((match.start(), match.end()))
                yield raw
    if "-" in text:
        for match in _ISO.finditer(text):
            day = _make_date(int(match["year"]), int(match["month"]), int(match["day"]))
            if day is not None:
                taken.append((match.start(), match.end()))
                yield _Raw(match.start(), match.end(), day, None, None, False, None)
    if _DAY_HINT.search(text) is None:
        return
    for match in _NAMED_DAY.finditer(text):
        overlaps = any(a < match.end() and match.start() < b for a, b in taken)
        if overlaps or _NOT_PAST.search(text, 0, match.start()):
            continue
        weekday = WEEKDAYS.index(match["weekday"])
        last = match["last"] is not None
        yield _Raw(match.start(), match.end(), None, None, weekday, last, None)
    for match in _RELATIVE.finditer(text):
        back = 0 if match["word"].lower() == "today" else 1
        yield _Raw(match.start(), match.end(), None, None, None, False, back)


def _full(match: re.Match[str]) -> _Raw | None:
    month = _MONTH_NUMBERS[match["month"][:3].lower()]
    day_number = int(match["day"])
    if not 1 <= day_number <= 31:
        return None
    if match["year"]:
        day = _make_date(int(match["year"]), month, day_number)
        return (
            None if day is None else _Raw(match.start(), match.end(), day, None, None, False, None)
        )
    return _Raw(match.start(), match.end(), None, (month, day_number), None, False, None)


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(raw: _Raw, anchor: date) -> date | None:
    if raw.day is not None:
        return raw.day
    if raw.month_day is not None:
        month, day_number = raw.month_day
        day = _make_date(anchor.year, month, day_number)
        if day is not None and day > anchor + timedelta(days=1):
            day = _make_date(anchor.year - 1, month, day_number)
        return day
    if raw.weekday is not None:
        back = (anchor.weekday() - raw.weekday) % 7
        if back == 0 and raw.strictly_before:
            back = 7
        return anchor - timedelta(days=back)
    if raw.days_back is not None:
        return anchor - timedelta(days=raw.days_back)
    return None


def _in_window(day: date, anchor: date) -> bool:
    return anchor - timedelta(days=WINDOW_DAYS) <= day <= anchor + timedelta(days=1)
