"""Numbers inside German and Russian compound adjectives ("achtminütig", "трехлетний"),
German times of day ("20.00 Uhr", no figure) and the qualifiers that put a figure just under
its number ("knapp", "nearly", "почти").

The sentences are real, from ``pairs-dev`` (``../shared/data/pairs-dev/articles.jsonl``, id in
the comment), cut to the clause that holds the figure.
"""

from __future__ import annotations

import pytest

from stories.compound_numbers import compound_numbers, unit_after_digits
from stories.facts import Qualifier
from stories.figures import _compatible
from stories.numbers import find_numbers
from stories.sentences import split_sentences


@pytest.mark.parametrize(
    ("sentence", "word", "value", "unit"),
    [
        # 1625209959 (hoefner.ch)
        (
            "«Wo bist du», sagt der 48-Jährige mehrmals in einem knapp achtminütigen Video.",
            "acht",
            8,
            "minuten",
        ),
        # 1609068534
        ("die den Garten in dem vierminütigen Beitrag zeigte", "vier", 4, "minuten"),
        # 1526472505
        (
            "gegen seinen Kinderwagen mit einem dreijährigen Kind gestoßen",
            "drei",
            3,
            "jahre",
        ),
        # 1571252856
        ("Daraus wählt die siebenköpfige Jury sechs Bücher", "sieben", 7, "köpfe"),
        # 1484319843
        ("Nach sechsmonatiger Dauer des Arbeitsverhältnisses", "sechs", 6, "monate"),
    ],
)
def test_a_number_word_starting_a_compound_adjective_reads_with_its_unit(
    sentence: str, word: str, value: float, unit: str
) -> None:
    found = compound_numbers(sentence, "de")
    assert [(sentence[n.start : n.end], n.value, n.unit) for n in found] == [(word, value, unit)]


@pytest.mark.parametrize(
    ("sentence", "word", "value", "unit"),
    [
        # u8ce4e0ac174d05b8
        ("Их отправили на двухнедельный карантин", "двух", 2, "недель"),
        # uabb1edeff9b21df4
        ("Во вторник, 12 мая, трехлетнего жителя 2-го Верхнего проезда", "трех", 3, "лет"),
        # ub1b148e0dda0ea6b
        ("на основании желтой статьи десятилетней давности", "десяти", 10, "лет"),
        # written for the test: the length of a video, one day.
        ("опубликовал восьмиминутное видео", "восьми", 8, "минут"),
        ("однодневный визит", "одно", 1, "дней"),
    ],
)
def test_a_russian_number_word_starting_an_adjective_reads_with_its_unit(
    sentence: str, word: str, value: float, unit: str
) -> None:
    found = compound_numbers(sentence, "ru")
    assert [(sentence[n.start : n.end], n.value, n.unit) for n in found] == [(word, value, unit)]


@pytest.mark.parametrize(
    "sentence",
    [
        "многолетний опыт",
        "ежедневный отчёт",
        "летний сезон",
        "часовой стоял у входа",
        "ein einfaches Sterbekreuzchen",  # 1484428859
        "Für mehrere Clubs könnte die mehrwöchige Schließung das Aus bedeuten",  # 1548687174
        "Sprecherin der diesjährigen Jury ist Hanna Engelmeier",  # 1571252856
        "zu mehrmonatigen Verzögerungen",  # 1607427987
    ],
)
def test_a_compound_whose_first_part_is_no_number_reads_as_none(sentence: str) -> None:
    assert compound_numbers(sentence, "de") == []
    assert compound_numbers(sentence, "ru") == []


def test_digits_joined_to_a_compound_unit_count_that_unit() -> None:
    # 1625209959 (hoefner.ch): "der 48-Jährige" is 48 years.
    sentence = "sagt der 48-Jährige mehrmals"
    assert unit_after_digits(sentence, sentence.index("-"), "de") == (
        "jahre",
        len("sagt der 48-Jährige"),
    )
    assert unit_after_digits("ein 8-minütiges Video", 5, "de") == (
        "minuten",
        len("ein 8-minütiges"),
    )
    assert unit_after_digits("ein 8-Punkte-Plan", 5, "de") is None


def test_a_compound_number_is_a_figure_of_its_unit_just_under_its_number() -> None:
    # 1625209959 (hoefner.ch): "knapp" is just under.
    text = "«Wo bist du», sagt der 48-Jährige mehrmals in einem knapp achtminütigen Video."
    (age, length) = find_numbers(split_sentences(text), language="de")
    assert (age.value, age.counted) == (48, "jahre")
    assert (length.text, length.value, length.counted) == ("acht", 8, "minuten")
    assert length.qualifier is Qualifier.ALMOST


def test_almost_a_number_allows_less_never_more() -> None:
    # 1559696741 (orf.at): "Knapp 6.400 Fälle" for 6.398 counted at 15.00.
    (headline, count) = find_numbers(
        split_sentences("Knapp 6.400 Fälle in Österreich. 6.398 Menschen waren infiziert."),
        language="de",
    )
    assert headline.qualifier is Qualifier.ALMOST
    assert _compatible(headline, count)
    # 1626341765 (ibtimes.co.uk): an 8.25-minute video is no "knapp acht" minutes long one.
    (longer,) = find_numbers(split_sentences("the 8.25 minutes long video."))
    (almost,) = find_numbers(split_sentences("in einem knapp achtminütigen Video."), language="de")
    assert not _compatible(almost, longer)


def test_a_time_of_day_is_no_figure() -> None:
    # 1557994102 (tt.com): the count, not the hour, and the hour lends it no unit.
    text = "Stand 20.00 Uhr waren es exakt 5.182, die positiv auf das Virus getestet wurden."
    (count,) = find_numbers(split_sentences(text), language="de")
    assert (count.value, count.counted) == (5182, "")
    # 1483979714: three people in the car, at three in the morning.
    text = "Ein Audi A3 mit drei Insassen war gegen 3 Uhr auf der A46 unterwegs."
    found = find_numbers(split_sentences(text), language="de")
    assert [(n.value, n.counted) for n in found] == [(3, "insassen")]
