"""People's ages: "Tara Reid, 33,", "Tom Müller (33)", "the 33-year-old actress", "aged 33",
"33 Jahre alt", "im Alter von 33 Jahren", "в возрасте 33 лет", "33-летний Иван Петров",
"w wieku 33 lat", "Juan Pérez, de 45 años,", "âgé de 33 ans", "33 yaşındaki".

A person has one age in one event, so two outlets that give one named person two ages
disagree (or, "almost eight months" and "7 months", describe it differently), whatever
words are around the figures: unlike a duration, an age needs no shared predicate to be
compared, only its person (``age_holder``) and its unit. An age is read only where the words
say so; an adjective of years ("33-летний", "30-jährige", "5-letni") also makes plans,
histories and prison terms, so it is an age only with a name right after it ("33-летний Иван
Петров"). A bare number is an age only in apposition to a name ("Reid, 33," "Müller (33)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from stories.language import word_zipf
from stories.number_qualifiers import SPACE, WORD_CHARS, language_code
from stories.number_roles import Named, holder_of, measure_unit, segment_of

MAX_AGE = 125
"""No person is older: a larger figure is no age."""

_QUALIFIER_WORD = rf"(?:{WORD_CHARS}+{SPACE}+)?"
"""One word between a preposition and the number: "de casi ocho meses", "âgé de presque"."""


def _compiled(patterns: dict[str, str]) -> dict[str, re.Pattern[str]]:
    return {code: re.compile(pattern, re.IGNORECASE) for code, pattern in patterns.items()}


_ATTRIBUTE = re.compile(r"-(?P<u>year|month|week|day)s?-old\b", re.IGNORECASE)
"""English's attribute of age ("the 33-year-old actress"): an age by itself, whose person is
named right after it or right before its clause."""

_ADJECTIVE = _compiled(
    {
        code: "-?(?:" + "|".join(f"(?P<{unit}>{stem})" for unit, stem in stems.items()) + r")\w*"
        for code, stems in {
            "de": {"year": "jährig", "month": "monatig", "week": "wöchig", "day": "tägig"},
            "ru": {"year": "летн", "month": "месячн", "week": "недельн", "day": "дневн"},
            "uk": {"year": "річн", "month": "місячн", "week": "тижнев", "day": "денн"},
            "be": {"year": "гадов", "month": "месячн", "week": "тыднёв", "day": "дзённ"},
            "pl": {"year": "letni", "month": "miesięczn", "week": "tygodniow", "day": "dniow"},
            "lt": {"year": "meti|meč", "month": "mėnes"},
            "it": {"year": "enn(?=[ei])"},
        }.items()
    }
)
"""Adjectives of an age joined to the number ("33-летний", "33-jährige", "45enne"), each
group named by its unit: an age only with the person's name right after."""
_NAME_AFTER_WORDS = 3
"""How many words after an age its person's name may begin: "33-летний актёр Иван"."""

_AFTER = _compiled(
    {
        "en": rf"{SPACE}+(?P<u>years?|months?|weeks?|days?){SPACE}+(?:old\b|of{SPACE}+age\b)",
        "de": rf"{SPACE}+(?P<u>Jahre|Monate|Wochen|Tage){SPACE}+alt\b",
        "ru": rf"{SPACE}+(?P<u>лет|года?|месяц\w*){SPACE}+от{SPACE}+роду",
        "es": rf"{SPACE}+(?P<u>años|meses|semanas|días){SPACE}+de{SPACE}+edad",
        "pt": rf"{SPACE}+(?P<u>anos|meses|semanas|dias){SPACE}+de{SPACE}+idade",
        "it": rf"{SPACE}+(?P<u>anni|mesi){SPACE}+di{SPACE}+età",
        "lt": rf"{SPACE}+(?P<u>metų|mėnesių){SPACE}+amžiaus",
        "tr": rf"{SPACE}+(?P<u>yaşında)\w*",
    }
)
"""Words after the number that make it an age by themselves ("33 years old")."""

_BEFORE = _compiled(
    {
        "en": rf"\b(?:aged|age{SPACE}+of|age){SPACE}+$",
        "de": rf"\bAlter{SPACE}+von{SPACE}+{_QUALIFIER_WORD}$",
        "ru": rf"\bвозрасте{SPACE}+{_QUALIFIER_WORD}$",
        "uk": rf"\bвіці{SPACE}+{_QUALIFIER_WORD}$",
        "be": rf"\bўзросце{SPACE}+{_QUALIFIER_WORD}$",
        "pl": rf"\bwieku{SPACE}+{_QUALIFIER_WORD}$",
        "fr": rf"\b(?:âgée?s?|l'âge{SPACE}+de){SPACE}+(?:de{SPACE}+)?{_QUALIFIER_WORD}$",
        "es": rf"\bedad{SPACE}+de{SPACE}+{_QUALIFIER_WORD}$",
        "pt": rf"\bidade{SPACE}+de{SPACE}+{_QUALIFIER_WORD}$",
        "it": rf"\betà{SPACE}+di{SPACE}+{_QUALIFIER_WORD}$",
    }
)
"""Words before the number that make it an age ("aged 33", "в возрасте 33 лет"), with the
unit after it where the language names one."""
_UNIT_AFTER = re.compile(rf"{SPACE}*(?P<u>{WORD_CHARS}+)")

_APPOSITION_BEFORE = _compiled(
    {
        "es": rf",{SPACE}+de{SPACE}+{_QUALIFIER_WORD}$",
        "pt": rf",{SPACE}+de{SPACE}+{_QUALIFIER_WORD}$",
        "it": rf",{SPACE}+di{SPACE}+{_QUALIFIER_WORD}$",
    }
)
"""An age set off by a comma with its preposition: "Juan Pérez, de 45 años,"."""
_CLAUSE_END = rf"(?={SPACE}*(?:[,;)]|\.(?!\d)|$))"
_APPOSITION_UNITS = {
    code: re.compile(rf"{SPACE}+(?P<u>{units}){_CLAUSE_END}", re.IGNORECASE)
    for code, units in {
        "de": r"Jahre",
        "ru": r"лет|года?",
        "uk": r"років|роки|рік",
        "be": r"гадоў|гады|год",
        "pl": r"lat|lata",
        "lt": r"metų|metai",
        "fr": r"ans",
        "es": r"años|meses",
        "pt": r"anos|meses",
        "it": r"anni|mesi",
        "tr": r"yaşında",
    }.items()
}
"""The unit an age in apposition may carry ("Jean Dupont, 45 ans,", "Иванов, 45 лет,"); bare
("Reid, 33,", "Müller (33)") in any language."""
_BARE_BEFORE = re.compile(rf"{WORD_CHARS}(?:,|{SPACE}*\(){SPACE}*$")
_BARE_AFTER = re.compile(rf"{SPACE}*(?:[,;)]|and{SPACE}+[A-Z])")
"""A bare age in apposition is closed by a comma or a bracket, or "and" another name
("Reid, 33, said", "Andrew Lopez, 20 and Jonathan Carrasquillo, 24,"; "Sonntag, 5. April"
and "(1) the first" are no ages)."""


class Age(NamedTuple):
    """An age as the words give it: its unit, and whether only a name next to it makes it one
    (an adjective or an apposition: "33-летний", "Reid, 33,")."""

    unit: str
    needs_name: bool


def age_of(sentence: str, start: int, end: int, language: str) -> Age | None:
    """The age the number at ``sentence[start:end]`` gives, or None when the words do not
    make it one."""
    unit, kind = _age(sentence, start, end, language_code(language))
    return None if unit is None else Age(unit, kind in _NAMED_KINDS)


_NAMED_KINDS = frozenset(("adjective", "apposition"))


def age_holder(
    sentence: str,
    start: int,
    end: int,
    named: Sequence[Named],
    last_before: str | None,
    language: str,
) -> str | None:
    """The person whose age the number at ``sentence[start:end]`` gives, if it gives one.

    An apposition's person is the name right before it. Other ages belong to a name right
    after them ("33-year-old Alana Lens", "33-летний актёр Иван Петров"), else to the name set
    right before their clause ("Tara Reid, the 33-year-old actress,"); an age said in words
    ("im Alter von 89 Jahren", "aged 20") else to the nearest name before it in its clause
    ("Heinz Schickedanz ist im Alter von 89 Jahren gestorben"), else, as other figures, to the
    person a pronoun refers to ("the 73-year-old" after "Grisham said" is not Grisham's). An
    age after an indefinite article ("a 20-year-old man") is someone's not named yet: only a
    name right after it is theirs.
    """
    code = language_code(language)
    unit, kind = _age(sentence, start, end, code)
    if unit is None:
        return None
    segment = segment_of(sentence, start, end)
    before = [n for n in named if n.end <= start]
    close = kind != "phrase"
    adjoining = [n for n in before if _adjoins(sentence, n.end, segment.start, start, close)]
    if kind == "apposition":
        return next((n.name for n in reversed(adjoining) if _apposed(sentence, n)), None)
    right_after = [
        n
        for n in named
        if n.start >= end
        and n.end <= segment.end
        and len(sentence[end : n.start].split()) <= _NAME_AFTER_WORDS
        and not _POSSESSIVE.search(sentence, end, n.start)
    ]
    if right_after:
        return right_after[0].name
    if _INDEFINITE.search(sentence, max(0, start - _LOOK_BACK), start):
        return None
    if adjoining:
        return adjoining[-1].name
    if kind != "phrase":
        return None
    inside = [n for n in before if n.start >= segment.start]
    if inside:
        return inside[-1].name
    return holder_of(sentence, start, end, (), last_before, language)


_POSSESSIVE = re.compile(r"['’]s\b")
"""A possessive between an age and a name: "the 33-year-old actress's rep Jack Ketsoyan" is
not 33."""


def _apposed(sentence: str, name: Named) -> bool:
    """Whether a name may take a bare age in apposition: after a comma any name ("Reid, 33,"),
    in brackets only a person's full name ("Richard McNally (31)"; "Raiders (14)" ranks a team,
    "FC Dallas (three)" counts)."""
    if sentence[name.end :].lstrip().startswith(","):
        return True
    words = name.name.split()
    return len(words) >= 2 and word_zipf(words[0].lower(), "en") < _COMMON_FIRST_WORD


_COMMON_FIRST_WORD = 6.0
"""A name whose first word is this common in English ("The Colts") is no person's."""


_INDEFINITE = re.compile(
    rf"(?i)(?<!{WORD_CHARS})(?:an?|ein|eine[mnrs]?|un|una|une|uno|um|uma){SPACE}+$"
)
"""An indefinite article right before the number: "a 20-year-old man", "eine 47-jährige
Frau"."""


def _adjoins(sentence: str, name_end: int, segment_start: int, start: int, close: bool) -> bool:
    """Whether a name ending at ``name_end`` is set right before the number's clause, with
    only punctuation between ("Jenji Kohan, has died aged 20"); an attribute or adjective
    ``close`` to it, with at most two words before it in the clause, none a possessive
    ("Reid, the 33-year-old actress", "Ram Pyari, a frail 80-year-old"; not "Kobe Bryant,
    jego 13-letnia córka")."""
    cut = min(segment_start, start)
    if re.fullmatch(r"[\s,(]*", sentence[name_end:cut]) is None:
        return False
    if not close:
        return True
    words = sentence[cut:start].lower().split()
    return len(words) <= _WORDS_BEFORE and not _POSSESSIVES.intersection(words)


_WORDS_BEFORE = 2
_POSSESSIVES = frozenset(
    """his her its their его её ее их його її їх яго яе іх jego jej ich jo jos sein seine
    seiner seinem seinen ihr ihre ihrer ihrem ihren son sa ses leur su sus suo sua seu""".split()
)
"""Possessive pronouns: an age after one is someone else's ("his 13-year-old daughter")."""


@lru_cache(maxsize=16384)
def _age(sentence: str, start: int, end: int, code: str) -> tuple[str | None, str]:
    """``age_of`` and how the age is written: "phrase" ("aged 33"), "attribute" ("the
    33-year-old actress"), "adjective" ("33-летний") or "apposition" ("Reid, 33,")."""
    number = sentence[start:end]
    if not _plausible(number):
        return None, ""
    attribute = _ATTRIBUTE.match(sentence, end) if code == "en" else None
    if attribute is not None:
        return _unit(attribute.group("u")), "attribute"
    after = _AFTER.get(code)
    found = after.match(sentence, end) if after else None
    if found is not None:
        return _unit(found.group("u")), "phrase"
    before = _BEFORE.get(code)
    window = sentence[max(0, start - _LOOK_BACK) : start]
    if before and before.search(window):
        unit = _UNIT_AFTER.match(sentence, end)
        return (_unit(unit.group("u")) if unit else None) or "year", "phrase"
    adjective = _ADJECTIVE.get(code)
    found = adjective.match(sentence, end) if adjective else None
    if found is not None:
        return found.lastgroup, "adjective"
    return _apposition(sentence, start, end, code, window), "apposition"


def _apposition(sentence: str, start: int, end: int, code: str, window: str) -> str | None:
    """The unit of an age in apposition to the word before it, or None."""
    prefixed = _APPOSITION_BEFORE.get(code)
    units = _APPOSITION_UNITS.get(code)
    if prefixed and prefixed.search(window):
        unit = units.match(sentence, end) if units else None
        return _unit(unit.group("u")) if unit else None
    if not _BARE_BEFORE.search(window):
        return None
    if _BARE_AFTER.match(sentence, end) and sentence[start:end].isdigit():
        return "year"
    unit = units.match(sentence, end) if units else None
    return _unit(unit.group("u")) if unit else None


_LOOK_BACK = 40
"""How far before a number the words that make it an age are looked for."""


def _plausible(number: str) -> bool:
    """Whether a number as written may be an age: digits of at most 125, or a number word."""
    digits = number.replace(",", ".")
    try:
        value = float(digits)
    except ValueError:
        return not any(ch.isdigit() for ch in number)
    return 0 < value <= MAX_AGE


def _unit(word: str) -> str | None:
    """The unit of an age a word names ("years", "Jahren", "лет", "meses"), or None."""
    unit = measure_unit(word)
    return unit if unit in _AGE_UNITS else None


_AGE_UNITS = frozenset(("year", "month", "week", "day"))
