"""Lengths of one named thing (a video, a speech, a meeting) compared across outlets and
languages, and durations that are no thing's length left alone.

The sentences are real, from ``pairs-dev`` (``../shared/data/pairs-dev/articles.jsonl``, id in
the comment), cut to the clause that holds the figure, unless marked as written for the test.
"""

from __future__ import annotations

import pytest

from stories.figures import NumberDiffKind
from stories.measured_things import length_of
from tests.support.story_views import number_diffs, told


def _length(sentence: str, number: str, language: str) -> str | None:
    start = sentence.index(number)
    return length_of(sentence, start, start + len(number), language)


@pytest.mark.parametrize(
    ("sentence", "number", "language", "length"),
    [
        # 1626341765 (ibtimes.co.uk)
        ("the 48-year-old captioned the 8.25 minutes long video.", "8.25", "en", "minute vid"),
        # 1625209959 (hoefner.ch)
        (
            "sagt der 48-Jährige in einem knapp achtminütigen Video, das er",
            "acht",
            "de",
            "minute vid",
        ),
        # 1609068534
        (
            "die den Garten in dem vierminütigen Beitrag zeigte",
            "vier",
            "de",
            "minute beitrag",
        ),
        # written for the test: the same length in other forms.
        ("He posted an 8-minute video on Twitter.", "8", "en", "minute vid"),
        ("Er postete ein 8 Minuten langes Video.", "8", "de", "minute vid"),
        ("Он опубликовал 8-минутное видео.", "8", "ru", "minute vid"),
        ("Opublikował 8-minutowe nagranie.", "8", "pl", "minute nagran"),
        ("Publicó un vídeo de ocho minutos en Twitter.", "ocho", "es", "minute vid"),
        ("Il a posté une vidéo de huit minutes.", "huit", "fr", "minute vid"),
        ("Ha pubblicato un video di otto minuti.", "otto", "it", "minute vid"),
        ("Publicou um vídeo de oito minutos.", "oito", "pt", "minute vid"),
        ("8 dakikalık bir video yayınladı.", "8", "tr", "minute vid"),
        ("8 dakikalık video yayınladı.", "8", "tr", "minute vid"),
    ],
)
def test_a_duration_written_before_a_thing_that_runs_is_its_length(
    sentence: str, number: str, language: str, length: str
) -> None:
    assert _length(sentence, number, language) == length


@pytest.mark.parametrize(
    ("sentence", "number", "language"),
    [
        # 1625209959 (hoefner.ch): an age.
        ("sagt der 48-Jährige mehrmals in einem Video", "48", "de"),
        # 1484319843: a term of years is a person's, not a thing's.
        ("Nach sechsmonatiger Dauer des Arbeitsverhältnisses", "sechs", "de"),
        # written for the test: a moment of a match and a way.
        ("He scored at the 70-minute mark.", "70", "en"),
        ("It is a 20-minute drive from the airport.", "20", "en"),
        ("The meeting lasted 20 minutes.", "20", "en"),
        # 1572315508: periods of 12 hours, no thing that runs once.
        ("The Purge filmleri, ABD'de 12 saatlik periyotlar boyunca", "12", "tr"),
        # written for the test: a time after something, a delay.
        ("Después de ocho minutos volvieron.", "ocho", "es"),
        ("Hubo un retraso de 20 minutos.", "20", "es"),
    ],
)
def test_a_duration_of_no_thing_that_runs_is_no_length(
    sentence: str, number: str, language: str
) -> None:
    assert _length(sentence, number, language) is None


# 1625209959 (hoefner.ch) and 1626341765 (ibtimes.co.uk): Dwayne Johnson's video, cut.
HOEFNER = (
    "Dwayne Johnson sendet emotionale Botschaft an Trump. "
    "«Wo bist du», sagt der 48-Jährige mehrmals in einem knapp achtminütigen Video, das er in "
    "der Nacht zum Donnerstag auf Twitter postete."
)
IBTIMES = (
    "'Where are you': Dwayne Johnson asks leadership amid Black Lives Matter protests. "
    '"Where are you? #normalizeequality #blacklivesmatter," the 48-year-old captioned the '
    "8.25 minutes long video."
)


def test_two_lengths_of_one_video_in_two_languages_conflict() -> None:
    numbers = number_diffs(told(("hoefner.ch", "de", HOEFNER), ("ibtimes.co.uk", "en", IBTIMES)))
    (line,) = numbers
    assert line.kind is NumberDiffKind.CONFLICT
    assert {v.value for v in line.values} == {8.0, 8.25}


def test_lengths_of_things_named_differently_are_not_compared() -> None:
    # Written for the test: a speech and a video of one day, each one outlet's.
    numbers = number_diffs(
        told(
            ("a", "en", "Johnson speaks. He gave a 20-minute speech on Wednesday."),
            ("b", "en", "Johnson speaks. He posted a 25-minute video on Wednesday."),
        )
    )
    assert not [d for d in numbers if {20.0, 25.0} <= {v.value for v in d.values}]
