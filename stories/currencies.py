"""Currency words of every language Babel (CLDR) knows, read as the English currency noun.

"1365 долларов", "2 Mio. US-Dollar", "8740 $" and "$1,365" all count dollars: a figure's
counted word is the same across the ways outlets write a currency, so its figures compare.
Each of a few major currencies' names (every plural form) is split into words and stemmed;
a stem that names two currencies ("рубль": Russian and Belarusian) names none.
"""

from __future__ import annotations

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
    """Stems of the words of the currencies' names in ``language``, each to its noun."""
    try:
        Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return {}
    named = (
        (word, noun)
        for code, noun in CURRENCIES.items()
        for count in _COUNTS
        for word in get_currency_name(code, count=count, locale=language).split()
    )
    return stems_naming(named, language, _MIN_STEM)


def currency_noun(word: str, language: str) -> str | None:
    """The English noun of the currency ``word`` names in ``language`` ("долларов":
    "dollars"), or None."""
    if word in SYMBOLS:
        return SYMBOLS[word]
    nouns = _nouns(language)
    return nouns.get(stem_in(word, language)) if nouns else None
