"""A story's timeline: buckets, lanes and the moments the coverage changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from stories.compare import StoryDiff
from stories.facts import Qualifier
from stories.figures import NumberDiff, NumberDiffKind, NumberValue
from stories.names import resolve_people
from stories.story_input import ArticleView, Citation
from stories.timeline import (
    MAX_BARS,
    MAX_LANES,
    LaneKind,
    MomentKind,
    Report,
    bucket_for,
    counts,
    lanes,
    timeline,
)
from tests.support.story_views import person, view

START = datetime(2026, 3, 2, 6, 10, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


def test_the_bucket_keeps_the_bars_few() -> None:
    assert bucket_for(timedelta(hours=2)) == timedelta(minutes=15)
    assert bucket_for(timedelta(hours=30)) == timedelta(hours=1)
    assert bucket_for(timedelta(days=3)) == timedelta(hours=3)
    assert bucket_for(timedelta(days=40)) == timedelta(days=1)
    for days in (0, 1, 5, 40, 300):
        span = timedelta(days=days, hours=7)
        assert span / bucket_for(span) < MAX_BARS or bucket_for(span) == timedelta(days=30)


def test_counts_cover_every_bucket_from_the_first_to_the_last() -> None:
    reports = [Report(i, "A", None, at(m)) for i, m in enumerate((0, 5, 50, 200))]
    found = counts(reports, timedelta(hours=1))
    assert [(start.hour, n) for start, n in found] == [(6, 2), (7, 1), (8, 0), (9, 1)]


def test_lanes_are_outlets_when_they_fit_in_the_order_they_first_published() -> None:
    reports = [Report(i, outlet, None, at(i)) for i, outlet in enumerate("BABC")]
    kind, found = lanes(reports)
    assert kind is LaneKind.OUTLET
    assert [(lane.label, len(lane.reports)) for lane in found] == [("B", 2), ("A", 1), ("C", 1)]


def test_many_outlets_are_shown_by_language() -> None:
    languages = ["en"] * 20 + ["de"] * 5 + ["ru"] * 3 + [None] * 2
    reports = [Report(i, f"Outlet {i}", lang, at(i)) for i, lang in enumerate(languages)]
    kind, found = lanes(reports, reader="en")
    assert kind is LaneKind.LANGUAGE
    # an article of no known language is the reader's
    assert [(lane.label, len(lane.reports)) for lane in found] == [
        ("English", 22),
        ("German", 5),
        ("Russian", 3),
    ]


def test_many_outlets_in_one_language_are_the_busiest_and_the_rest() -> None:
    outlets = [f"Outlet {n % 25}" for n in range(60)] + ["Outlet 3"] * 5
    reports = [Report(i, outlet, "en", at(i)) for i, outlet in enumerate(outlets)]
    kind, found = lanes(reports)
    assert kind is LaneKind.OUTLET
    assert len(found) == MAX_LANES
    assert "Outlet 3" in [lane.label for lane in found]
    assert found[-1].label == f"{25 - MAX_LANES + 1} other outlets"
    assert sum(len(lane.reports) for lane in found) == len(reports)


FIRST = "The mayor said rescuers were searching the rubble of the market in Elbistan."
LATER = "Governor Mehmet Yilmaz said the death toll had risen, the governor's office said."
AGAIN = "Mehmet Yilmaz, the governor, visited the hospital on Tuesday."


def _views() -> list[ArticleView]:
    dated = [
        (view(1, "Andina", FIRST), at(0)),
        (view(2, "Reuters", LATER, (person(LATER, "Mehmet Yilmaz"),)), at(90)),
        (view(3, "AP", AGAIN, (person(AGAIN, "Mehmet Yilmaz"),)), at(95)),
        (view(4, "AFP", FIRST), at(100)),
    ]
    return [replace(v, published=when) for v, when in dated]


def _figure(article: int, outlet: str, text: str, value: float) -> NumberValue:
    cited = (Citation(article, outlet, f"{text} people died."),)
    return NumberValue(text, value, value, value, Qualifier.EXACT, cited)


def test_the_moments_the_coverage_changed() -> None:
    views = _views()
    reports = [Report(v.article_id, v.outlet, "en", v.published) for v in views]
    reports.append(Report(5, "Wire", "en", None))
    deaths = NumberDiff(
        "people died",
        NumberDiffKind.CONFLICT,
        (_figure(1, "Andina", "14", 14), _figure(4, "AFP", "16", 16)),
        0.1,
    )
    injured = NumberDiff(
        "people injured",
        NumberDiffKind.AGREEMENT,
        (
            NumberValue(
                "120",
                120,
                120,
                120,
                Qualifier.EXACT,
                (Citation(2, "Reuters", "120 injured."), Citation(3, "AP", "120 injured.")),
            ),
        ),
        0.2,
    )
    diff = StoryDiff((deaths,), (), (), (), agreed_numbers=(injured,))
    found = timeline(reports, views, resolve_people(views), diff)
    assert found is not None
    assert found.undated == 1
    assert [(m.kind, m.at, m.text) for m in found.moments] == [
        (MomentKind.FIRST, at(0), "First report: Andina"),
        (MomentKind.FIGURE, at(90), "Key figure: people injured: 120"),
        (MomentKind.PERSON, at(90), "Mehmet Yilmaz first named (2 outlets name them)"),
        (MomentKind.PEAK, at(95), "Peak: 2 articles in 15 minutes"),
        # the second way of giving the figure is when the outlets started to disagree
        (MomentKind.DISAGREEMENT, at(100), "Outlets disagree: people died: 14 vs 16"),
    ]
    assert found.bucket == timedelta(minutes=15)
    # buckets are whole quarters of an hour: 07:40 | 07:45, 07:50
    assert found.peak == (at(95), 2)


def test_a_person_or_figure_of_the_first_report_or_of_one_outlet_is_no_moment() -> None:
    views = _views()
    views[1] = replace(views[1], outlet="AP")  # one outlet names the governor twice
    reports = [Report(v.article_id, v.outlet, "en", v.published) for v in views]
    found = timeline(reports, views, resolve_people(views), None)
    assert found is not None
    assert {m.kind for m in found.moments} == {MomentKind.FIRST, MomentKind.PEAK}


def test_fewer_than_two_dated_articles_make_no_timeline() -> None:
    reports = [Report(1, "A", None, at(0)), Report(2, "B", None, None)]
    assert timeline(reports, [], [], None) is None
