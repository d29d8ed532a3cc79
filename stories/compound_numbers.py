"""Numbers written inside a compound adjective: German "achtminütig", "dreijährig",
"siebenköpfig", "8-minütig"; Russian "восьмиминутное", "пятилетний", "трёхдневный",
"60-летний".

German and Russian write a duration, an age or a size as one adjective whose first part is the
number ("in einem knapp achtminütigen Video", "mit einem dreijährigen Kind", "die siebenköpfige
Jury", "пятилетний мальчик", "двухчасовая встреча"). The number reads as itself, with the unit
the rest of the word names (minütig, минутн: minutes; jährig, летн: years; köpfig: people):
"achtminütigen" is 8 minutes, as "the 8-minute video" is. A first part must read whole as a
number ("einfach", "mehrwöchig", "diesjährig", "многолетний", "ежедневный" are none); "ein"
and "одно" count one here ("einjährig", "однодневный"), as they do in no other place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from stories.number_qualifiers import WORD_CHARS, language_code
from stories.number_words import spelled_numbers

_UNITS: dict[str, dict[str, str]] = {
    "de": {
        "sekündig": "sekunden",
        "minütig": "minuten",
        "stündig": "stunden",
        "tägig": "tage",
        "wöchig": "wochen",
        "monatig": "monate",
        "jährig": "jahre",
        "köpfig": "köpfe",
    },
    "ru": {
        "секундн": "секунд",
        "минутн": "минут",
        "часов": "часов",
        "дневн": "дней",
        "недельн": "недель",
        "месячн": "месяцев",
        "летн": "лет",
    },
}
"""Per language, the ends of a compound adjective that name a unit, and the unit as the
counted word (a time unit ``stories.number_roles.is_time_unit`` knows, or the heads counted)."""
_ONE = {"de": "ein", "ru": "одно"}
"""The word for one as a compound's first part: "einjährig", "однодневный"."""
_ENDINGS = {"de": r"(?:e[nmrs]?)?", "ru": rf"{WORD_CHARS}{{0,3}}"}
"""The adjective's endings: "achtminütigen", "sechsmonatiger"; "пятилетнего", "двухчасовая"."""


@dataclass(frozen=True, slots=True)
class CompoundNumber:
    """The number word at the start of a compound adjective, ``text[start:end]`` ("acht" of
    "achtminütigen"): ``value`` of ``unit``, named by the rest of the word, which ends at
    ``word_end``."""

    start: int
    end: int
    value: float
    unit: str
    word_end: int


@cache
def _pattern(language: str, written: str) -> re.Pattern[str] | None:
    """The compound adjectives of ``language`` whose first part is ``written``: a number in
    words ("achtminütigen") or, after digits, a hyphen ("-minütigen" of "8-minütigen")."""
    units = _UNITS.get(language)
    if units is None:
        return None
    ends = "|".join(units)
    return re.compile(
        rf"{written}(?P<unit>{ends}){_ENDINGS[language]}(?!{WORD_CHARS})", re.IGNORECASE
    )


_IN_WORDS = rf"(?<!{WORD_CHARS})(?P<number>{WORD_CHARS}+?)"
_AFTER_DIGITS = "-"


def compound_numbers(text: str, language: str) -> list[CompoundNumber]:
    """Every compound adjective of ``text`` whose first part is a number in words."""
    code = language_code(language)
    pattern = _pattern(code, _IN_WORDS)
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
        value = _first_part(match.group("number"), code)
        if value is not None:
            unit = _UNITS[code][match.group("unit").lower()]
            number_end = match.end("number")
            found.append(CompoundNumber(match.start(), number_end, value, unit, match.end()))
    return found


def unit_after_digits(text: str, end: int, language: str) -> tuple[str, int] | None:
    """The unit of a compound adjective written with digits, right after digits ending at
    ``end`` ("8-minütigen": minuten), and where it ends; or None."""
    code = language_code(language)
    pattern = _pattern(code, _AFTER_DIGITS)
    match = pattern.match(text, end) if pattern is not None else None
    if match is None:
        return None
    return _UNITS[code][match.group("unit").lower()], match.end()


def _first_part(word: str, language: str) -> float | None:
    """The number a compound's first part reads as whole, or None."""
    if word.lower() == _ONE.get(language):
        return 1.0
    numbers = spelled_numbers(word, language)
    if len(numbers) != 1 or (numbers[0].start, numbers[0].end) != (0, len(word)):
        return None
    number = numbers[0]
    return None if number.vague or number.digits else number.value
