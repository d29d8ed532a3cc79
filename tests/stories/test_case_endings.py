"""A Russian cardinal's case ending written after its digits ("50-ти граммов") is the
number's, not a word joined to it: the word after says what it counts (past the adjectives
before its noun). A word joined to digits ("19-летняя") makes them no date's day.

The sentences are real, from ``pairs-dev`` (``../shared/data/pairs-dev/articles.jsonl``, id in
the comment).
"""

from __future__ import annotations

from stories.number_concepts import Concept, concept_of
from stories.number_words import after_case_ending
from stories.numbers import find_numbers
from stories.sentences import split_sentences


def test_a_case_ending_after_digits_lets_the_counted_word_be_read() -> None:
    # u960a0a8bff1f787d (bigasia.ru)
    text = "Отмечается, что 50-ти граммов угля достаточно для приготовления 30-ти шампуров шашлыка."
    found = find_numbers(split_sentences(text), language="ru")
    assert [(n.text, n.value, n.counted) for n in found] == [
        ("50", 50, "граммов"),
        ("30", 30, "шампуров"),
    ]


def test_ordinals_decades_and_ages_keep_their_joined_word() -> None:
    assert after_case_ending("5-й день", 1, "ru") == 1
    assert after_case_ending("в 90-х годах", 4, "ru") == 4
    assert after_case_ending("60-летний", 2, "ru") == 2
    assert after_case_ending("50-ти граммов", 2, "en") == 2


def test_a_concept_is_read_past_a_case_ending() -> None:
    # Written for the test in the form of u960a0a8bff1f787d's "50-ти граммов".
    sentence = "В результате пожара погибли более 10-ти человек."
    start = sentence.index("10")
    assert concept_of(sentence, start, start + 2, "ru") is Concept.DEAD
    aged = "Погиб 60-летний мужчина."
    assert concept_of(aged, aged.index("60"), aged.index("60") + 2, "ru") is None


def test_an_age_joined_to_digits_after_a_date_is_no_day_of_it() -> None:
    # u9c4bf5ccb29ab59b (komiinform.ru): the date's day is 12; 19 is her age.
    text = "12 ноября 19-летняя Ольга Кузьминых в сопровождении адвоката была доставлена."
    found = find_numbers(split_sentences(text), language="ru")
    assert [(n.value, n.counted) for n in found] == [(19, "лет")]


def test_the_counted_noun_is_read_past_adjectives_but_a_noun_made_of_one_stays() -> None:
    # u14af8b202f82c54c (russian.rt.com)
    text = "Три украинских военных корабля и 24 моряка были задержаны."
    found = find_numbers(split_sentences(text), language="ru")
    assert [(n.value, n.counted) for n in found] == [(3, "корабля"), (24, "моряка")]
    # Written for the test: "погибших" is the counted noun itself.
    found = find_numbers(split_sentences("В ДТП 2 погибших и 3 пострадавших."), language="ru")
    assert [(n.value, n.counted) for n in found] == [(2, "погибших"), (3, "пострадавших")]
