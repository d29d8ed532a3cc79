"""The day an article was published, read from the publishing stamp at its top.

An article from a feed or a page comes with its publication time; one from a text file, a
JSON line without a date, or a pasted page often carries it only as a stamp above its text
("Published: January 3, 2013", "Posted September 26, 2013 - 3:47pm", "Last updated 15:48
15/09/2013", "Опубликовано 3 января 2013"). Without that day the engine cannot tell an
earlier event's figures from this one's, nor one person's age at a plea from their age at a
verdict months later.

Only a stamp is read: a word of publishing followed at once by a whole date (day, month and
year; a time of day, a time zone or a weekday may stand between). A date in the prose is
never taken for the article's: it may be a background paragraph's.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from stories.months import dates_in, month_of

PUBLISHING = re.compile(
    r"publi|pubbl|posted|updat|modifi|veröffentlich|aktualisier|aktualizac|опублик|обновл"
    r"|actualiza|mis à jour|güncelle|yayınla|نشر|تحديث",
    re.IGNORECASE,
)
"""A word of publishing, in the languages of the coverage."""
OPENING_CHARS = 400
"""A stamp stands within this many characters of an article's top."""
_BETWEEN_TOKENS = 6
"""At most this many tokens stand between a word of publishing and its date..."""
_SHORT_WORD = 4
"""...each a time, punctuation, a short word ("on", "am", "le", "PM") or a capitalised one (a
weekday, a time zone)."""
_TOKEN = re.compile(r"\s*(\S+)")
_PUNCTUATION = " :,;.|-–—()[]"
_NUMERIC = re.compile(
    r"(?P<a>\d{1,2})\s?(?P<sep>[./])\s?(?P<b>\d{1,2})\s?(?P=sep)\s?(?P<year>(?:19|20)\d\d)(?!\d)"
    r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d)"
)
_DATE_CHARS = 40
"""A date written with a month name fits in this many characters."""
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def stamped_day(text: str, language: str) -> datetime | None:
    """The publication day of the stamp at the top of ``text`` (its title and opening), at
    noon UTC, or None when it has none."""
    opening = text[:OPENING_CHARS]
    for word in PUBLISHING.finditer(opening):
        if not _stamp_word(opening, word.start()):
            continue
        position = _FIRST_WORD.match(opening, word.start())
        at = position.end() if position is not None else word.end()
        for _ in range(_BETWEEN_TOKENS + 1):
            day = _date_at(opening[at : at + _DATE_CHARS].lstrip(_PUNCTUATION), language)
            if day is not None:
                return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
            token = _TOKEN.match(opening, at)
            if token is None or not _between(token.group(1)):
                break
            at = token.end()
    return None


def _stamp_word(text: str, start: int) -> bool:
    """Whether the word of publishing at ``start`` opens a stamp: a word of its own (not
    "Republicans"), capitalised ("Published", "Опубликовано"), first on its line, or after
    "Last"; prose writes it in lowercase ("he published a book on 3 May 2001")."""
    if start and text[start - 1].isalpha():
        return False
    if text[start].isupper() or not start or text[start - 1] == "\n":
        return True
    return text[:start].rstrip().endswith("Last")


def _between(token: str) -> bool:
    """Whether a token may stand between a word of publishing and its date."""
    word = token.strip(_PUNCTUATION)
    return (
        not word
        or any(char.isdigit() for char in word)
        or len(word) <= _SHORT_WORD
        or word[0].isupper()
    )


def _date_at(text: str, language: str) -> date | None:
    """The whole date ``text`` starts with, in digits or with a month name."""
    numeric = _NUMERIC.match(text)
    if numeric is not None:
        return _numeric(numeric)
    # The date starts here: its month first, or its day and then its month.
    words = text.split(maxsplit=2)[:2]
    month = words[-1] if text[:1].isdigit() else words[0] if words else ""
    if month_of(month.strip(_PUNCTUATION), language) is None:
        return None
    year, month_number, day = next(dates_in(text, language), (None, None, None))
    if year is None or month_number is None or day is None:
        return None
    return _valid(year, month_number, day)


def _numeric(found: re.Match[str]) -> date | None:
    if found["iso"]:
        year, month, day = map(int, found["iso"].split("-"))
        return _valid(year, month, day)
    first, second, year = int(found["a"]), int(found["b"]), int(found["year"])
    if first > 12 >= second:
        return _valid(year, second, first)
    if second > 12 >= first:
        return _valid(year, first, second)
    if found["sep"] == ".":
        return _valid(year, second, first)  # "26.09.2013": day first wherever dots are used
    return None  # "03/04/2013": April 3 or March 4


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
