"""Currency words of every language Babel (CLDR) knows, read as the English currency noun.

"1365 долларов", "2 Mio. US-Dollar", "8740 $" and "$1,365" all count dollars: a figure's
counted word is the same across the ways outlets write a currency, so its figures compare.
Each of a few major currencies' names (every plural form) is split into words and stemmed;
a stem that names two currencies ("рубль": Russian and Belarusian) names none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_name

from stories.language import stem_in, stems_naming

#: ISO codes of the currencies read, with the English noun a figure of each counts
CURRENCIES = {
    "USD": "dollars",
    "EUR": "euros",
    "GBP": "pounds",
    "JPY": "yen",
    "CNY": "yuan",
    "RUB": "rubles",
    "BYN": "rubles",
    "UAH": "hryvnias",
    "PLN": "zlotys",
    "TRY": "lira",
    "CHF": "francs",
    "INR": "rupees",
}
MONEY = frozenset(CURRENCIES.values())
"""What a sum of money counts: the currencies' English plural nouns."""
SYMBOLS = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₽": "rubles", "₴": "hryvnias"}
_COUNTS = (1, 2, 5, 21)

_MIN_STEM = 3


@cache
def _nouns(language: str) -> dict[str, str]:
    """Stems of the words that name the currencies in ``language`` (their nouns, not the
    country words of their names: ``_name_words``), each to its English noun."""
    return stems_naming(_name_words(language, country=False), language, _MIN_STEM)


@cache
def _country_words(language: str) -> dict[str, str]:
    """Stems of the country words of the currencies' names ("российск", "russisch"), each to
    its currency's English noun."""
    return stems_naming(_name_words(language, country=True), language, _MIN_STEM)


def _name_words(language: str, country: bool) -> list[tuple[str, str]]:
    """The words of the currencies' names in ``language`` (every plural form) with the noun
    of their currency: those that name a country or a language ("российских рублей",
    "Russischer Rubel", "Polish zloty", "доллар США") when ``country``, else the others. A
    name whose every word names a place ("franc suisse": "franc" is stemmed as "France";
    "euro", the eurozone's) keeps those that do not name its own country as its nouns, and
    all of them when every one does ("euras", stemmed as "Europos")."""
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return []
    places = _place_stems(language)
    found = []
    for code, noun in CURRENCIES.items():
        own = _stems(locale.territories.get(code[:2], ""), language)
        for count in _COUNTS:
            words = _words(get_currency_name(code, count=count, locale=language))
            placed = {w for w in words if _names_place(stem_in(w, language), places)}
            if placed == set(words):
                placed = {w for w in words if _names_place(stem_in(w, language), own)}
            if placed == set(words):
                placed = set()  # a name of one word ("euras"), however it is stemmed
            found += [(w, noun) for w in words if (w in placed) == country]
    return found


@cache
def _words(name: str) -> list[str]:
    """A currency name's words, and the parts of a hyphenated one: "US-Dollar" and "Dollar",
    which German writes alone ("1,7 Milliarden Dollar")."""
    words = name.split()
    return words + [part for word in words if "-" in word for part in word.split("-")]


def _place_stems(language: str) -> frozenset[str]:
    """The stems of the words of every territory's and language's name in ``language``."""
    locale = Locale.parse(language)
    names = [*locale.territories.values(), *locale.languages.values()]
    return frozenset(stem for name in names for stem in _stems(name, language))


def _stems(name: str, language: str) -> frozenset[str]:
    return frozenset(stem_in(word, language) for word in _WORD.findall(name))


def _names_place(stem: str, places: frozenset[str]) -> bool:
    """Whether a stem is a place's ("сша") or starts with one ("российск": "росс")."""
    return stem in places or any(
        len(place) >= _PLACE_PREFIX and stem.startswith(place) for place in places
    )


_PLACE_PREFIX = 4
_WORD = re.compile(r"[^\W\d_]+")


def currency_noun(word: str, language: str) -> str | None:
    """The English noun of the currency ``word`` names in ``language`` ("долларов":
    "dollars"), or None. A country word of a currency's name ("украинских") names none:
    ``currency_after`` reads it with the word after it."""
    if word in SYMBOLS:
        return SYMBOLS[word]
    nouns = _nouns(language)
    return nouns.get(stem_in(word, language)) if nouns else None


def currency_after(words: Sequence[str], language: str) -> tuple[str, int] | None:
    """The currency the first of ``words`` (those after a number) names, with how many of
    them name it: a currency's noun ("рублей": 1), or a country word of its name beside a word
    of that currency's name ("российских рублей", "японских иен", "ABD doları", "λίρες
    Τουρκίας": 2); else None ("украинских военных кораблей" counts ships)."""
    if not words:
        return None
    first = currency_noun(words[0], language)
    if first is not None:
        return first, 1
    if len(words) < 2:
        return None
    countries = _country_words(language)
    forms = _forms(language)
    for country, other in ((words[0], words[1]), (words[1], words[0])):
        currency = countries.get(stem_in(country, language))
        if currency is not None and currency in forms.get(other.lower(), ()):
            return currency, 2
    return None


@cache
def _forms(language: str) -> dict[str, frozenset[str]]:
    """Every word of the currencies' names in ``language`` as written (lower case), to the
    currencies it names: "иен" (its stem too short to read alone), "λίρες" (Turkey's and
    Britain's)."""
    found: dict[str, set[str]] = {}
    for forms in (_name_words(language, country=False), _name_words(language, country=True)):
        for word, noun in forms:
            found.setdefault(word.lower(), set()).add(noun)
    return {word: frozenset(nouns) for word, nouns in found.items()}
