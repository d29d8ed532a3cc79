"""Tolls of none, read from real sentences (ECB+ and pairs-dev ids cited), and the conflict
they make with a count."""

from __future__ import annotations

import pytest

from stories.figures import NumberDiffKind
from stories.number_concepts import Concept, concept_of
from stories.zero_counts import zero_counts
from tests.support.story_views import number_diffs, told


@pytest.mark.parametrize(
    ("sentence", "language", "negation", "concept"),
    [
        # ECB+ 41_1ecbplus
        (
            "Enough Project sources indicated that no one was killed or injured in the attack, "
            "contrary to initial estimates.",
            "en",
            "no one",
            Concept.DEAD,
        ),
        # ECB+ 13_2ecb
        ("No one was injured when the blaze hit the Wasilla Bible Church.", "en", "No one", None),
        # ECB+ 41_2ecbplus
        (
            "An activist who spoke to aid workers at the camp later said there were no casualties.",
            "en",
            "no",
            Concept.DEAD,
        ),
        # pairs-dev u84629715d130b7af
        ("Вагоны были пустыми, в происшествии никто не пострадал.", "ru", "никто", None),
        # pairs-dev u35e4ef83ffb7ee1b
        ("По предварительной информации, погибших и пострадавших нет.", "ru", "нет", None),
        ("Bei dem Brand gab es keine Verletzten.", "de", "keine", Concept.INJURED),
        ("Nadie resultó herido en el incendio.", "es", "Nadie", Concept.INJURED),
    ],
)
def test_a_toll_of_none_is_read(
    sentence: str, language: str, negation: str, concept: Concept | None
) -> None:
    ((start, end),) = zero_counts(sentence, language)
    assert sentence[start:end] == negation
    read = concept_of(sentence, start, end, language)
    assert read is not None
    if concept is not None:
        assert read is concept


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("There were no serious injuries, the hospital said.", "en"),
        ("No one knows how the fire started.", "en"),
        ("Nobody was available for comment.", "en"),
        ("Никто не знает, что произошло.", "ru"),
    ],
)
def test_other_negations_are_no_toll(sentence: str, language: str) -> None:
    assert zero_counts(sentence, language) == []


def test_none_against_a_count_is_a_conflict() -> None:
    # ECB+ 41_3ecbplus and 41_1ecbplus (the bombing of the Yida refugee camp)
    lines = number_diffs(
        told(
            (
                "AFP",
                "en",
                "Planes bombed the Yida refugee camp in South Sudan. A local official said at "
                "least 12 people had been killed and 20 wounded.",
            ),
            (
                "Enough",
                "en",
                "Planes bombed the Yida refugee camp in South Sudan. Enough Project sources "
                "indicated that no one was killed or injured in the attack.",
            ),
        )
    )
    assert [(line.kind, {v.value for v in line.values}) for line in lines] == [
        (NumberDiffKind.CONFLICT, {0.0, 12.0})
    ]


def test_none_told_twice_is_no_difference() -> None:
    # ECB+ 13_2ecb and 13_4ecb (the Wasilla Bible Church fire)
    lines = number_diffs(
        told(
            ("AP", "en", "No one was injured when the blaze hit the Wasilla Bible Church."),
            ("ADN", "en", "No one was hurt in the fire at the Wasilla Bible Church on Friday."),
        )
    )
    assert lines == []
