"""A story's coverage over time: who published when, the first report, the peak, and the
moments the coverage changed (a key figure or a new person entering it, outlets starting to
disagree on a figure).

Pure: the facts come from the engine as the other commands get them (``names.resolve_people``,
``compare.diff_story``); ``handlers/chart.py`` draws the result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from stories.compare import StoryDiff
from stories.figures import NumberDiff, NumberDiffKind
from stories.language import ENGLISH, language_name
from stories.names import Person
from stories.sentences import short
from stories.story_input import ArticleView, Citation

#: lanes a picture has room for; more outlets are shown by language, or the busiest outlets
#: and the rest together
MAX_LANES = 10
#: bars the coverage is counted in at most; the bucket is the smallest of ``BUCKETS`` that
#: keeps the story's span within them
MAX_BARS = 48
BUCKETS = (
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=3),
    timedelta(hours=6),
    timedelta(days=1),
    timedelta(days=7),
    timedelta(days=30),
)
#: a person or a figure is key when this many outlets or more give it
KEY_OUTLETS = 2
PEOPLE_SHOWN = 2
TEXT_CHARS = 90
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Report:
    """One article of the story: who published it, in what language, when (None: unknown)."""

    article_id: int
    outlet: str
    language: str | None
    published: datetime | None
    is_copy: bool = False


class LaneKind(StrEnum):
    OUTLET = "outlet"
    LANGUAGE = "language"


@dataclass(frozen=True, slots=True)
class Lane:
    """A row of the picture: the reports of one outlet, one language, or of the rest."""

    label: str
    reports: tuple[Report, ...]


class MomentKind(StrEnum):
    FIRST = "first report"
    PEAK = "peak"
    FIGURE = "key figure"
    PERSON = "new person"
    DISAGREEMENT = "disagreement"


@dataclass(frozen=True, slots=True)
class Moment:
    kind: MomentKind
    at: datetime
    text: str
    outlets: tuple[str, ...] = ()
    article_id: int | None = None


@dataclass(frozen=True, slots=True)
class Timeline:
    """What the picture shows. ``reports`` are the dated ones, oldest first; ``counts`` the
    reports per ``bucket`` from the first report's bucket to the last's."""

    reports: tuple[Report, ...]
    undated: int
    lane_kind: LaneKind
    lanes: tuple[Lane, ...]
    bucket: timedelta
    counts: tuple[tuple[datetime, int], ...]
    moments: tuple[Moment, ...]

    @property
    def outlets(self) -> int:
        return len({report.outlet for report in self.reports})

    @property
    def peak(self) -> tuple[datetime, int]:
        return _peak(self.counts)


def _peak(counted: Sequence[tuple[datetime, int]]) -> tuple[datetime, int]:
    """The first bucket holding the most reports."""
    return max(counted, key=lambda count: (count[1], -count[0].timestamp()))


def bucket_for(span: timedelta) -> timedelta:
    """The smallest bucket that counts ``span`` in at most ``MAX_BARS`` bars."""
    return next((b for b in BUCKETS if span / b < MAX_BARS), BUCKETS[-1])


def _floor(moment: datetime, bucket: timedelta) -> datetime:
    return moment - (moment - _EPOCH) % bucket


def counts(reports: Sequence[Report], bucket: timedelta) -> tuple[tuple[datetime, int], ...]:
    """Reports per bucket, empty buckets included, from the first report's to the last's."""
    found = Counter(_floor(r.published, bucket) for r in reports if r.published is not None)
    if not found:
        return ()
    start, end = min(found), max(found)
    steps = int((end - start) / bucket)
    return tuple((start + i * bucket, found.get(start + i * bucket, 0)) for i in range(steps + 1))


def lanes(reports: Sequence[Report], reader: str = ENGLISH) -> tuple[LaneKind, tuple[Lane, ...]]:
    """One lane per outlet when they fit, in the order they first published; else one per
    language when the story has several (the most told first, the rest together); else the
    busiest outlets and the others together. ``reports`` are in time order."""
    by_outlet = _grouped(reports, lambda r: r.outlet)
    if len(by_outlet) <= MAX_LANES:
        return LaneKind.OUTLET, tuple(Lane(o, tuple(rs)) for o, rs in by_outlet.items())
    by_language = _grouped(reports, lambda r: r.language or reader)
    if len(by_language) > 1:
        named = {language_name(code): group for code, group in by_language.items()}
        return LaneKind.LANGUAGE, _busiest(named, "other languages")
    return LaneKind.OUTLET, _busiest(by_outlet, "other outlets")


def _grouped(reports: Iterable[Report], key: Callable[[Report], str]) -> dict[str, list[Report]]:
    groups: dict[str, list[Report]] = {}
    for report in reports:
        groups.setdefault(key(report), []).append(report)
    return groups


def _busiest(groups: dict[str, list[Report]], rest: str) -> tuple[Lane, ...]:
    """The ``MAX_LANES - 1`` groups with the most reports, in the order they first
    published, and a last lane for the others (``rest``, with how many they are)."""
    ranked = sorted(groups, key=lambda name: -len(groups[name]))
    kept = [name for name in groups if name in ranked[: MAX_LANES - 1]]
    others = [report for name in ranked[MAX_LANES - 1 :] for report in groups[name]]
    shown = [Lane(name, tuple(groups[name])) for name in kept]
    if others:
        others.sort(key=lambda r: r.published or _EPOCH)
        label = f"{len(groups) - len(kept)} {rest}"
        shown.append(Lane(label, tuple(others)))
    return tuple(shown)


def _first_seen(article_ids: Iterable[int], when: dict[int, datetime]) -> int | None:
    """The article among ``article_ids`` published first (by id among equal times)."""
    dated = [a for a in article_ids if a in when]
    return min(dated, key=lambda a: (when[a], a)) if dated else None


def _value_text(diff: NumberDiff, index: int) -> str:
    value = diff.values[index]
    return " + ".join(value.parts) if value.parts else value.text


def _key_figure(
    diff: StoryDiff, first: int, when: dict[int, datetime], outlet: dict[int, str]
) -> Moment | None:
    """The figure most outlets give that the first report did not."""
    candidates = []
    for number in (*diff.agreed_numbers, *diff.numbers):
        ids = [c.article_id for c in number.citations]
        outlets = len({c.outlet for c in number.citations})
        if first in ids or outlets < KEY_OUTLETS:
            continue
        article = _first_seen(ids, when)
        if article is not None:
            candidates.append((outlets, article, number))
    if not candidates:
        return None
    _, article, number = max(candidates, key=lambda c: (c[0], -when[c[1]].timestamp()))
    index = next(i for i, v in enumerate(number.values) if article in _ids(v.citations))
    text = short(f"{number.what}: {_value_text(number, index)}", TEXT_CHARS)
    return Moment(
        MomentKind.FIGURE, when[article], f"Key figure: {text}", (outlet[article],), article
    )


def _ids(citations: Iterable[Citation]) -> set[int]:
    return {c.article_id for c in citations}


def _disagreement(diff: StoryDiff, when: dict[int, datetime]) -> Moment | None:
    """When outlets first gave one figure two ways: the second way's first report. Figures
    that disagree come before those only given differently; then the most outlets."""
    found = []
    for number in diff.numbers:
        if number.kind not in (NumberDiffKind.CONFLICT, NumberDiffKind.QUALIFIED):
            continue
        firsts = []
        for index, value in enumerate(number.values):
            article = _first_seen(_ids(value.citations), when)
            if article is not None:
                firsts.append((when[article], article, index))
        if len(firsts) < 2:
            continue
        firsts.sort()
        outlets = len({c.outlet for c in number.citations})
        found.append((number.kind is not NumberDiffKind.CONFLICT, -outlets, firsts, number))
    if not found:
        return None
    *_, firsts, number = min(found, key=lambda f: (f[0], f[1], f[2][1][0]))
    (_, _, one), (at, article, other) = firsts[0], firsts[1]
    label = "Outlets disagree" if number.kind is NumberDiffKind.CONFLICT else "Figures differ"
    versus = f"{_value_text(number, one)} vs {_value_text(number, other)}"
    text = short(f"{number.what}: {versus}", TEXT_CHARS)
    cited = tuple(number.values[other].outlets[:1])
    return Moment(MomentKind.DISAGREEMENT, at, f"{label}: {text}", cited, article)


def _new_people(
    people: Sequence[Person], first: int, when: dict[int, datetime], outlet: dict[int, str]
) -> list[Moment]:
    """The people most outlets name whom the first report did not, when first named."""
    found = []
    for person in people:
        if first in person.article_ids or len(person.outlets) < KEY_OUTLETS:
            continue
        article = _first_seen(person.article_ids, when)
        if article is not None:
            found.append((len(person.outlets), article, person))
    found.sort(key=lambda f: (-f[0], when[f[1]], f[1]))
    return [
        Moment(
            MomentKind.PERSON,
            when[article],
            f"{short(person.name, TEXT_CHARS)} first named ({count} outlets name them)",
            (outlet[article],),
            article,
        )
        for count, article, person in found[:PEOPLE_SHOWN]
    ]


def unit_words(bucket: timedelta) -> str:
    """The bucket in words: ``an hour``, ``15 minutes``, ``a day``, ``7 days``."""
    hours = bucket.total_seconds() / 3600
    if hours < 1:
        return f"{round(hours * 60)} minutes"
    if hours < 24:
        return "an hour" if hours == 1 else f"{round(hours)} hours"
    days = round(hours / 24)
    return "a day" if days == 1 else f"{days} days"


def timeline(
    reports: Sequence[Report],
    views: Sequence[ArticleView],
    people: Sequence[Person],
    diff: StoryDiff | None,
    reader: str = ENGLISH,
) -> Timeline | None:
    """The story's timeline from its ``reports`` (every article, copies included), the facts
    of its original articles (``views``) and what the engine found in them (``people``, and
    ``diff`` when its outlets were compared); None with fewer than two dated reports."""
    stamped = sorted((r.published, r.article_id, r) for r in reports if r.published is not None)
    if len(stamped) < 2:
        return None
    dated = [report for *_, report in stamped]
    start, end = stamped[0][0], stamped[-1][0]
    bucket = bucket_for(end - start)
    counted = counts(dated, bucket)
    lane_kind, shown = lanes(dated, reader)
    first = dated[0]
    text = f"First report: {first.outlet}"
    moments = [Moment(MomentKind.FIRST, start, text, (first.outlet,), first.article_id)]
    peak_at, peak = _peak(counted)
    if peak > 1 and len(counted) > 1:
        # marked where the peak's first article came, not at its bucket's round start
        began = next(r.published for r in dated if r.published and r.published >= peak_at)
        text = f"Peak: {peak} articles in {unit_words(bucket)}"
        moments.append(Moment(MomentKind.PEAK, began, text))
    when = {v.article_id: v.published for v in views if v.published is not None}
    outlet = {v.article_id: v.outlet for v in views}
    first_view = min(views, key=lambda v: (v.published or end, v.article_id), default=None)
    if first_view is not None:
        if diff is not None:
            figure = _key_figure(diff, first_view.article_id, when, outlet)
            moments += [figure] if figure else []
            disagreement = _disagreement(diff, when)
            moments += [disagreement] if disagreement else []
        moments += _new_people(people, first_view.article_id, when, outlet)
    moments.sort(key=lambda m: m.at)
    return Timeline(
        tuple(dated),
        len(reports) - len(dated),
        lane_kind,
        shown,
        bucket,
        counted,
        tuple(moments),
    )
