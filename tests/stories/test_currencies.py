"""Currencies read from their names: the noun names the currency, the country word of its name
("российский рубль", "Japanese yen") only beside a word of that currency's name.
"""

from __future__ import annotations

import pytest

from stories.currencies import currency_after, currency_noun
from stories.numbers import find_numbers
from stories.sentences import split_sentences


def test_a_country_word_alone_names_no_currency() -> None:
    # u14af8b202f82c54c (russian.rt.com): ships, not hryvnias ("украинская гривна").
    text = "Три украинских военных корабля и 24 моряка были задержаны 25 ноября 2018 года."
    (ships, sailors) = find_numbers(split_sentences(text), language="ru")
    assert ships.counted == "корабля"  # past the adjectives before the noun
    assert currency_noun("украинских", "ru") is None
    assert currency_noun("russischen", "de") is None
    assert currency_noun("Polish", "en") is None
    assert sailors.counted == "моряка"


@pytest.mark.parametrize(
    ("words", "language", "currency"),
    [
        (["рублей"], "ru", ("rubles", 1)),
        (["российских", "рублей"], "ru", ("rubles", 2)),
        (["японских", "иен"], "ru", ("yen", 2)),
        (["japanische", "Yen"], "de", ("yen", 2)),
        (["ABD", "doları"], "tr", ("dollars", 2)),
        (["λίρες", "Τουρκίας"], "el", ("lira", 2)),
        (["francs", "suisses"], "fr", ("francs", 1)),
        (["euras"], "lt", ("euros", 1)),
        (["Dollar"], "de", ("dollars", 1)),
        (["US-Dollar"], "de", ("dollars", 1)),
        (["украинских", "военных"], "ru", None),
    ],
)
def test_a_currency_is_its_noun_or_a_country_word_beside_a_word_of_its_name(
    words: list[str], language: str, currency: tuple[str, int] | None
) -> None:
    assert currency_after(words, language) == currency
