"""Month names in every language Babel (CLDR) knows, and the dates written with them.

CLDR gives each language's month names in the forms a date uses ("13 декабря", "13 grudnia",
"gruodžio 13 d.") and alone ("декабрь"); an inflecting language also says "в декабре", so a
word is read as a month by its Snowball stem as well as by its exact form. Abbreviations
("дек.", "Dez.") are only read exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from babel import Locale, UnknownLocaleError

from stories.language import stemmer

# A day or year number, or a word (with the full stop an abbreviation or a German ordinal
# day may carry).
_TOKEN = re.compile(r"(?P<num>\d{1,4})(?![\d]|[.,]\d)\.?|(?P<word>[^\W\d_]+)\.?")
_MIN_STEM = 3


@cache
def _month_names(language: str) -> tuple[dict[str, int], dict[str, int]]:
    """Exact forms (lowercase) and stems of ``language``'s month names, each to its month."""
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return {}, {}
    exact: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for month, name in locale.months[context][width].items():
                exact[name.lower()] = month
                exact[name.lower().rstrip(".")] = month
    stems = stemmer(language)
    by_stem: dict[str, int] = {}
    if stems is not None:
        for context in ("format", "stand-alone"):
            for month, name in locale.months[context]["wide"].items():
                stem = stems.stemWord(name.lower())
                if len(stem) >= _MIN_STEM:
                    by_stem[stem] = month
    return exact, by_stem


def month_of(word: str, language: str) -> int | None:
    """The month (1-12) that ``word`` names in ``language``, or None."""
    exact, by_stem = _month_names(language)
    lower = word.lower()
    found = exact.get(lower)
    if found is None and by_stem and len(lower) > _MIN_STEM:
        stems = stemmer(language)
        if stems is not None:
            found = by_stem.get(stems.stemWord(lower))
    return found


def dates_in(text: str, language: str) -> Iterator[tuple[int | None, int | None, int | None]]:
    """(year, month, day) of each date written with a month name in ``text``; a part the
    text does not give is None. A day is a number of 1-31 next to the month (before it, as
    in "13 декабря", or after it, as in "gruodžio 13"), a year a four-digit number of 1900-2099
    next to the month or its day."""
    tokens = [(m["num"], m["word"]) for m in _TOKEN.finditer(text)]
    numbers = [int(n) if n else None for n, _ in tokens]
    # Only a word with a number beside it (or two before it) can be a date's month.
    near = {j for i, n in enumerate(numbers) if n is not None for j in (i - 1, i + 1, i + 2)}
    for i in sorted(near):
        word = tokens[i][1] if 0 <= i < len(tokens) else None
        if word is None:
            continue
        month = month_of(word, language)
        if month is None:
            continue
        day = year = None
        before = numbers[i - 1] if i else None
        after = numbers[i + 1] if i + 1 < len(tokens) else None
        if before is not None and 1 <= before <= 31:
            day = before
            year = _year(numbers, i + 1)
        elif after is not None and 1 <= after <= 31:
            day = after
            year = _year(numbers, i - 1) or _year(numbers, i - 2) or _year(numbers, i + 2)
        else:
            year = _year(numbers, i + 1) or _year(numbers, i - 1) or _year(numbers, i - 2)
        if day is not None or year is not None:
            yield year, month, day


def _year(numbers: list[int | None], i: int) -> int | None:
    if 0 <= i < len(numbers):
        value = numbers[i]
        if value is not None and 1900 <= value <= 2099:
            return value
    return None
