"""Countries named in any language Babel (CLDR) knows, read as their ISO code.

Outlets translate place names ("Lithuania", "Litauen", "Литву", "Litwę", "Lietuvą"), while
people's names are transliterated: a country's key is its code, the same in every language,
so that articles on one event in different languages share it. A one-word name is read by its
Snowball stem (case forms); a stem that names two countries names none.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError

from stories.language import stem_in, stems_naming

_MIN_STEM = 4
"""Shorter stems ("Чад", "Irak" stems) are too likely to be other words' stems too."""


@cache
def _countries(language: str) -> dict[str, str]:
    """Stems of ``language``'s one-word country names, each to its ISO 3166 code."""
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return {}
    named = (
        (name, code)
        for code, name in locale.territories.items()
        if len(code) == 2 and code.isalpha() and " " not in name and "-" not in name
    )
    return stems_naming(named, language, _MIN_STEM)


def country_code(word: str, language: str) -> str | None:
    """The ISO code of the country ``word`` names in ``language`` (in any case form the
    language's stemmer folds), or None."""
    countries = _countries(language)
    return countries.get(stem_in(word, language)) if countries else None
