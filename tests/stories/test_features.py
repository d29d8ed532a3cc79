"""Feature extraction: names, numbers, weights and the JSON round trip."""

from __future__ import annotations

from datetime import UTC, datetime

from stories.features import Features, extract_features, stem
from tests.stories.cluster_texts import QUAKE_PERU_A, SUMMIT_JUNE, article


def weights(features: Features) -> dict[str, float]:
    return dict(features.terms)


def test_names_numbers_and_words() -> None:
    f = extract_features(QUAKE_PERU_A)
    assert "e:arequipa" in f.entities
    assert "p:dina boluarte" in f.entities
    assert {"n:6.8", "n:14"} <= f.numbers
    assert "w:earthquake" in weights(f)
    assert "e:the" not in f.entities  # sentence-initial common word is not a name


def test_title_counts_more_than_tail() -> None:
    f = extract_features(article("Floods hit Lagos", "Rain fell. " * 80 + "Officials met in Kano."))
    w = weights(f)
    assert w["e:lagos"] > w["e:kano"]


def test_stem_keeps_real_words() -> None:
    assert stem("releases") == stem("released") == stem("releasing") == "release"
    assert stem("cities") == "city"


def test_json_round_trip() -> None:
    for a in (QUAKE_PERU_A, SUMMIT_JUNE):
        f = extract_features(a)
        assert Features.from_json(f.to_json()) == f


def test_json_round_trip_keeps_timezone() -> None:
    a = article(
        "Budget vote in Oslo", "Parliament in Oslo voted.", datetime(2025, 1, 2, tzinfo=UTC)
    )
    f = extract_features(a)
    assert Features.from_json(f.to_json()).published == f.published
