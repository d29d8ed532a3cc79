"""Feature extraction: names, numbers, weights and the JSON round trip."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wordfreq import zipf_frequency

from stories.articles import Article
from stories.features import Features, date_terms, extract_features, series_of, stem, zipf
from tests.support.cluster_texts import QUAKE_PERU_A, SUMMIT_JUNE, article


def weights(features: Features) -> dict[str, float]:
    return dict(features.terms)


def test_names_numbers_and_words() -> None:
    f = extract_features(QUAKE_PERU_A)
    assert "e:arequipa" in f.entities
    assert "p:dina boluarte" in f.entities
    assert {"n:6.8", "n:14"} <= f.numbers
    assert "w:earthquake" in weights(f)
    assert "e:the" not in f.entities  # sentence-initial common word is not a name


def test_a_capital_glued_to_digits_names_a_thing_not_a_number() -> None:
    f = extract_features(
        article(
            "COVID-19 cases rise",
            "Officials counted 19 deaths. An F-16 escorted flight MH17 before the G7 summit in "
            "mid-2013, as H1N1 spread; Jean-Paul Martin's 76ers won 9-14.",
        )
    )
    assert {"e:covid-19", "e:f-16", "e:mh17", "e:g7", "e:h1n1"} <= f.entities
    assert "n:16" not in f.numbers
    assert {"n:19", "n:2013", "n:76", "n:9", "n:14"} <= f.numbers
    assert "e:jean-paul" in f.entities


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


def test_date_terms_read_days_months_and_years() -> None:
    assert date_terms("September 18th, 2013, 05:31 GMT") == {"d:2013", "d:2013-09", "d:09-18"}
    assert date_terms("on 3 May 2012") == {"d:2012", "d:2012-05", "d:05-03"}
    assert date_terms("from September 2010") == {"d:2010", "d:2010-09"}
    assert date_terms("he said in 1998") == {"d:1998"}


def test_a_bare_lowercase_month_word_is_not_a_date() -> None:
    assert date_terms("you may 3 times, march 12 miles, 1500 people, 12:30") == set()


def test_dates_in_capitals_are_read() -> None:
    assert date_terms("MAY 1ST, 2014") == {"d:2014", "d:2014-05", "d:05-01"}
    assert date_terms("the 2ND OF JUNE") == {"d:06-02"}
    headline = article(
        "STRIKE CALLED FOR MAY 1ST", "Unions in Lyon said the strike starts MAY 1ST."
    )
    assert "d:05-01" in dict(extract_features(headline).terms)


@pytest.mark.parametrize(
    "word",
    [
        "house",
        "White",
        "white house",
        "zorblatt",
        "zorblatt house",
        "new york times",
        "x  y",
        "o'neil",
        "u.s. army",
        "2013",
        "café",
        "",
    ],
)
def test_zipf_is_wordfreqs_value(word: str) -> None:
    assert zipf(word) == float(zipf_frequency(word, "en"))


@settings(max_examples=300)
@given(st.text(st.sampled_from("abeinostz' -"), max_size=14))
def test_zipf_of_joined_and_hyphenated_words_is_wordfreqs_value(word: str) -> None:
    assert zipf(word) == float(zipf_frequency(word, "en"))


@pytest.mark.parametrize(
    ("title", "language", "series"),
    [
        ("Прогноз погоды на 16 ноября", "ru", "прогноз погоды на @ @"),
        ("Mumbai weather on 3 January, 2020", "en", "mumbai weather on @ @ @"),
        ("Corona-Zahlen am 08.11.2020", "de", "corona-zahlen am @"),
        ("Belarus frees 123 prisoners", "en", None),
        ("May says the deal is close", "en", None),
        ("Trump meets Putin on July 16", "en", "trump meets putin on @ @"),
        ("April 27, 2009", "en", None),
    ],
)
def test_a_dated_headline_has_a_template(title: str, language: str, series: str | None) -> None:
    """Only dates are masked (two headlines differing in a count may be one event told two
    ways), and a dateline alone is no series."""
    found = series_of(title, language)
    assert (found[0] if found else None) == series


def test_a_series_compares_dates_not_their_spelling() -> None:
    assert series_of("Trump meets Putin on 16 July", "en") == series_of(
        "Trump meets Putin on July 16", "en"
    )
    assert series_of("Corona-Zahlen am 08.11.2020", "de") == ("corona-zahlen am @", "8.11")


def test_a_headlines_series_survives_the_store() -> None:
    article = Article(
        "Прогноз погоды на 16 ноября",
        ("В субботу, 16 ноября, по области ожидается переменная облачность.",),
        (),
        None,
        "amur.info",
        None,
        None,
        "amur.info",
        language="ru",
    )
    features = extract_features(article)
    assert features.series == ("прогноз погоды на @ @", "16.11.")
    assert Features.from_json(features.to_json()) == features


def test_a_weekday_is_no_name() -> None:
    # pairs-dev u90be4d7d2f164683 and u692440d35bd71068 (two Hong Kong stories of one outlet,
    # a week apart): "on Friday" in both tells nothing of who is in them.
    features = extract_features(
        article(
            "Hong Kong's biggest music festival cancelled",
            "Clockenflap, Hong Kong's biggest music festival, has been cancelled, organisers said "
            "on Friday. A student died on Friday, triggering a fresh wave of outrage.",
        )
    )
    names = {term for term, _ in features.terms}
    assert "e:clockenflap" in names
    assert "w:friday" in names
    assert "e:friday" not in names
    assert "k:frd" not in names
