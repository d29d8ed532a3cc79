"""Currency words of every language Babel (CLDR) knows, read as the English currency noun.

"1365 долларов", "2 Mio. US-Dollar", "8740 $" and "$1,365" all count dollars: a figure's
counted word is the same across the ways outlets write a currency, so its figures compare.
Each of a few major currencies' names (every plural form) is split into words and stemmed;
a stem that names two currencies ("рубль": Russian and Belarusian) names none.
"""

from __future__ import annotations

from functools import cache

import Stemmer
from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_name

from stories.language import stemmer

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
SYMBOLS = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₽": "rubles", "₴": "hryvnias"}
_COUNTS = (1, 2, 5, 21)
_MIN_STEM = 3


@cache
def _nouns(language: str) -> dict[str, str]:
    """Stems of the words of the currencies' names in ``language``, each to its noun."""
    try:
        Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return {}
    stems = stemmer(language)
    found: dict[str, set[str]] = {}
    for code, noun in CURRENCIES.items():
        for count in _COUNTS:
            for word in get_currency_name(code, count=count, locale=language).split():
                key = _key(word, stems)
                if len(key) >= _MIN_STEM:
                    found.setdefault(key, set()).add(noun)
    return {key: next(iter(nouns)) for key, nouns in found.items() if len(nouns) == 1}


def _key(word: str, stems: Stemmer.Stemmer | None) -> str:
    lower = word.lower().strip(".")
    return stems.stemWord(lower) if stems is not None else lower


def currency_noun(word: str, language: str) -> str | None:
    """The English noun of the currency ``word`` names in ``language`` ("долларов":
    "dollars"), or None."""
    if word in SYMBOLS:
        return SYMBOLS[word]
    nouns = _nouns(language)
    return nouns.get(_key(word, stemmer(language))) if nouns else None
