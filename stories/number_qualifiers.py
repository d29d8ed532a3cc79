"""Qualifiers around a number ("более", "mehr als", "ponad", "-den fazla"), per language.

The words are in ``stories.number_words_data``; the patterns are built on first use per
language and cached.
"""

from __future__ import annotations

import re
from functools import cache

from stories.facts import Qualifier
from stories.number_words_data import (
    ARTICLES_AFTER_QUALIFIER,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
)

SPACE = r"[\s\u00a0\u202f]"
WORD_CHARS = r"[^\W\d_]"
_LOOK_BACK = 48
_QUALIFIER_ORDER = tuple(Qualifier)


def qualifier_before(text: str, start: int, language: str) -> Qualifier | None:
    """The qualifier written just before the number at ``text[start]`` ("более", "mehr als",
    "ponad", "près de", "unos", "yaklaşık"), or None."""
    patterns = _qualifier_patterns(language_code(language))
    if patterns is None:
        return None
    before, _ = patterns
    match = before.search(text, max(0, start - _LOOK_BACK), start)
    return None if match is None else _QUALIFIER_ORDER[int((match.lastgroup or "q0")[1:])]


def qualifier_after(text: str, end: int, language: str) -> Qualifier | None:
    """The qualifier written just after a number ending at ``end``: Turkish "100'den fazla",
    "100'ü aşkın", "100'e kadar"; Russian "сто с лишним"; English "100 or more"."""
    patterns = _qualifier_patterns(language_code(language))
    if patterns is None:
        return None
    _, after = patterns
    match = after.match(text, end)
    return None if match is None else _QUALIFIER_ORDER[int((match.lastgroup or "q0")[1:])]


def only_qualifier(words: str, language: str) -> bool:
    """Whether ``words`` (those before a number) are nothing but space or a qualifier ("at
    least", "более")."""
    if not words.strip():
        return True
    patterns = _qualifier_patterns(language_code(language))
    return patterns is not None and patterns[0].fullmatch(words.lstrip()) is not None


def qualified_amount(qualifier: Qualifier, text: str, value: float) -> str:
    """A figure with its qualifier in words of the reader's ("about 1,100", "more than 100").

    The qualifier is the reader's word, so a figure written in words of another language
    ("knapp acht", "около ста") is shown in digits after it ("almost 8", "about 100"), not as
    "almost acht"; a figure in digits, or written in words with no qualifier, as written.
    """
    if qualifier in (Qualifier.EXACT, Qualifier.VAGUE):
        return text
    prefix = f"{qualifier.value} "
    if text.casefold().startswith(prefix):
        return text
    if not any(ch.isdigit() for ch in text):
        text = f"{value:,.0f}" if value == int(value) else f"{value:,g}"
    return prefix + text


def language_code(language: str) -> str:
    """ "ru-RU", "RU" and "ru" are all Russian here."""
    return language[:2].lower()


def _phrase_pattern(phrase: str) -> str:
    return rf"{SPACE}+".join(map(re.escape, phrase.split()))


@cache
def _qualifier_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    if language not in QUALIFIERS_BEFORE:
        return None
    groups: dict[Qualifier, list[str]] = {}
    for qualifier, phrases in QUALIFIERS_BEFORE[language]:
        groups.setdefault(qualifier, []).extend(map(_phrase_pattern, phrases.split("|")))
    alternatives = "|".join(
        f"(?P<q{_QUALIFIER_ORDER.index(qualifier)}>{'|'.join(sorted(set(parts), key=len)[::-1])})"
        for qualifier, parts in groups.items()
    )
    articles = ARTICLES_AFTER_QUALIFIER.get(language, "").split()
    article = f"(?:{SPACE}+(?:{'|'.join(map(re.escape, articles))}))?" if articles else ""
    before = re.compile(rf"(?<!{WORD_CHARS})(?:{alternatives}){article}{SPACE}*$", re.IGNORECASE)
    after_parts: dict[Qualifier, list[str]] = {}
    for qualifier, pattern in QUALIFIERS_AFTER.get(language, ()):
        after_parts.setdefault(qualifier, []).append(pattern.replace(" ", SPACE + "+"))
    after_groups = "|".join(
        f"(?P<q{_QUALIFIER_ORDER.index(qualifier)}>{'|'.join(parts)})"
        for qualifier, parts in after_parts.items()
    )
    after = re.compile(rf"{SPACE}*(?:{after_groups or '(?!)'})(?!{WORD_CHARS})", re.IGNORECASE)
    return before, after
