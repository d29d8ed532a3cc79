"""Sums with a currency sign before them.

The sentences are real, from ``pairs-dev`` (``../shared/data/pairs-dev/articles.jsonl``, id in
the comment), cut to the sentences that hold the figures.
"""

from __future__ import annotations

from stories.numbers import find_numbers
from stories.sentences import split_sentences


def _read(text: str, language: str) -> list[tuple[str, float, str]]:
    found = find_numbers(split_sentences(text), language=language)
    return [(n.text, n.value, n.counted) for n in found]


def test_a_sign_before_a_scaled_sum_names_its_currency_a_space_between_or_not() -> None:
    # uaea4b69a63e9d057 (argumentiru.com): each sum in pounds with its dollars beside it.
    assert _read(
        "У Михаила Фридмана состояние оценивается в £10,23 млрд ($12,4 млрд), у Романа "
        "Абрамовича – в £10,16 млрд ($12,31 млрд).",
        "ru",
    ) == [
        ("10,23 млрд", 10_230_000_000, "pounds"),
        ("12,4 млрд", 12_400_000_000, "dollars"),
        ("10,16 млрд", 10_160_000_000, "pounds"),
        ("12,31 млрд", 12_310_000_000, "dollars"),
    ]
    # ufbd8322d422dec69 (apostrophe.ua): a space after the sign.
    assert _read(
        "Они жили в Кенсингтонском дворце, но после ремонта стоимостью $ 1,7 млн Гарри и Меган "
        "решили жить в другом месте.",
        "ru",
    ) == [("1,7 млн", 1_700_000, "dollars")]
