"""Countries named in any language Babel (CLDR) knows, read as their ISO code.

Outlets translate place names ("Lithuania", "Litauen", "Литву", "Litwę", "Lietuvą"), while
people's names are transliterated: a country's key is its code, the same in every language,
so that articles on one event in different languages share it. A one-word name is read by its
Snowball stem (case forms); a stem that names two countries names none.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError

from stories.language import stemmer

_MIN_STEM = 4
"""Shorter stems ("Чад", "Irak" stems) are too likely to be other words' stems too."""


@cache
def _countries(language: str) -> dict[str, str]:
    """Stems of ``language``'s one-word country names, each to its ISO 3166 code."""
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return {}
    stems = stemmer(language)
    found: dict[str, set[str]] = {}
    for code, name in locale.territories.items():
        if len(code) != 2 or not code.isalpha() or " " in name or "-" in name:
            continue
        lower = name.lower()
        key = stems.stemWord(lower) if stems is not None else lower
        if len(key) >= _MIN_STEM:
            found.setdefault(key, set()).add(code)
    return {key: next(iter(codes)) for key, codes in found.items() if len(codes) == 1}


def country_code(word: str, language: str) -> str | None:
    """The ISO code of the country ``word`` (lowercase, as stemmed by the language's Snowball
    stemmer, or plain where it has none) names in ``language``, or None."""
    countries = _countries(language)
    return countries.get(word) if countries else None
