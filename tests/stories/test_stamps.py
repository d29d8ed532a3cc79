"""The publication day of an undated article, read from the stamp at its top.

Stamps are real, from ECB+ (``../shared/data/ecbplus-dev.jsonl``, id in the comment), unless
marked as written for the test.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stories.articles import Article, RawArticle
from stories.clean import clean_article
from stories.factfinder import extract_facts, stored_article
from stories.features import Features, extract_features
from stories.stamps import stamped_day

_SIMPSON_PLEA = (
    "Oklahoma man pleads not guilty in deaths of Arkansas woman and her fetus Published: "
    "January 3, 2013 An Oklahoma man has pleaded not guilty in the shooting deaths of an "
    "Arkansas woman and her fetus. Trial is set for June 17 for 26-year-old Christopher Kenyon "
    "Simpson of Fort Coffee, who is accused of fatally shooting Ka'Loni Marie Flynn of Fort "
    "Smith, Ark. Prosecutors say Simpson shot Flynn because he did not want another child."
)


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        # 45_1ecbplus: the first of two stamps is the publication's
        (
            "Posted September 26, 2013 - 3: 47pm Updated September 27, 2013 - 6: 56am LeFlore "
            "Jury: Simpson Guilty",
            "en",
            date(2013, 9, 26),
        ),
        # 45_2ecbplus: a time and its zone before the date
        (
            "Okla. man guilty Published 9: 46 PM CDT Sep 26, 2013 An Oklahoma man",
            "en",
            date(2013, 9, 26),
        ),
        # 45_6ecbplus
        (
            "Jury Convicts Spiro Man Posted: Sep 27, 2013 10: 50AM CDT A jury",
            "en",
            date(2013, 9, 27),
        ),
        # 23_2ecbplus: day first, as the date's first number is above 12
        (
            "Two climbers killed Last updated 15: 48 15 / 09 / 2013 The Aoraki",
            "en",
            date(2013, 9, 15),
        ),
        # 19_6ecbplus
        ("Brooklyn Published time: March 12, 2013 02: 03 Edited time", "en", date(2013, 3, 12)),
        # written for the test: other languages' stamps
        ("Опубликовано 3 января 2013 года в 12:00", "ru", date(2013, 1, 3)),
        ("Veröffentlicht am 26.09.2013 um 10:00 Uhr", "de", date(2013, 9, 26)),
        ("Aktualisiert: 2020-05-17 09:12", "de", date(2020, 5, 17)),
        # no stamp: prose that names a date, and a date that reads both ways
        ("The company updated its forecast on January 3, 2013 and said", "en", None),
        ("He published a book on 3 May 2001.", "en", None),
        ("Updated: 12 killed in a blast on March 3, 2013", "en", None),
        ("Senate Republicans on January 3, 2013 blocked the bill", "en", None),
        ("Posted 03/04/2013", "en", None),
    ],
)
def test_a_stamp_gives_its_day(text: str, language: str, day: date | None) -> None:
    found = stamped_day(text, language)
    assert (found.date() if found else None) == day


def test_an_undated_article_keeps_its_stamp_for_its_facts_only() -> None:
    # 45_3ecbplus, shortened: the day places "June 17", the trial, after the plea; Simpson's
    # age at the plea is no other outlet's age at the verdict in September.
    article = clean_article(RawArticle(_SIMPSON_PLEA, declared=True))
    assert isinstance(article, Article)
    assert article.published is None
    assert article.stamped == datetime(2013, 1, 3, 12, tzinfo=UTC)
    features = extract_features(article)
    assert features.published is None
    again = stored_article(article.title, article.body, "", features.to_json())
    assert again.stamped == article.stamped
    age = next(n for n in extract_facts(again).numbers if n.value == 26)
    assert age.background == "June"
    # A feed's publication time wins: no stamp is read then.
    fed = clean_article(
        RawArticle(_SIMPSON_PLEA, published=datetime(2013, 1, 4, tzinfo=UTC), declared=True)
    )
    assert isinstance(fed, Article)
    assert fed.stamped is None
    assert Features.from_json(extract_features(fed).to_json()).stamped is None


_STAMP_PARTS = st.lists(
    st.sampled_from(
        [
            "Published",
            "Posted:",
            "Updated",
            "Last updated",
            "Опубликовано",
            "Veröffentlicht am",
            "31",
            "29",
            "February",
            "Feb.",
            "2013",
            "13/13/2013",
            "02.30.2013",
            "2013-02-30",
            "9:46 PM",
            "CDT",
            "on",
            "the",
            "января",
            ",",
            "\n",
        ]
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(_STAMP_PARTS, st.sampled_from(["en", "ru", "de", "xx"]))
def test_any_stamp_like_text_gives_a_real_day_or_none(parts: list[str], language: str) -> None:
    found = stamped_day(" ".join(parts), language)
    assert found is None or (found.tzinfo is UTC and 1900 <= found.year <= 2099)
