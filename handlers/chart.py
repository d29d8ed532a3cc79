"""The timeline picture: a story's coverage over time, drawn to be read on a phone.

Drawn with matplotlib's Agg backend through its object API only (a ``Figure`` with its own
``FigureCanvasAgg``: no pyplot, no global state, so a picture can be drawn in a worker
thread while the bot answers others). matplotlib is imported on the first picture, not
when the bot starts.

The picture is 1080 pixels wide (a phone screen's width in pixels), dark text on white, its
smallest text 15 points (21 pixels): a bar chart of the articles per hour (or day), the
outlets (or languages) as lanes with a dot per article (a ring for a near-copy), and the
moments (first report, peak, a key figure or person entering, outlets starting to disagree)
as numbered lines explained in a key below.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any
from unicodedata import bidirectional

from anyascii import anyascii

from stories.timeline import Moment, MomentKind, Timeline

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH = 1080
HEIGHT = 1350
DPI = 100
INK = "#1b1f24"
MUTED = "#57606a"
GRID = "#d8dee4"
BACKGROUND = "#ffffff"
BARS = "#9ec5e8"
#: a colour per lane, told apart by readers with the common colour blindnesses (Okabe-Ito)
LANE_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")
MOMENT_COLOURS = {
    MomentKind.FIRST: "#1a7f37",
    MomentKind.PEAK: "#bc4c00",
    MomentKind.FIGURE: "#8250df",
    MomentKind.PERSON: "#0969da",
    MomentKind.DISAGREEMENT: "#cf222e",
}
TITLE_POINTS = 26
TEXT_POINTS = 18
SMALL_POINTS = 15
#: characters of a title line and of a lane's label at those sizes
TITLE_WIDTH = 42
SUBTITLE_WIDTH = 76
LABEL_WIDTH = 16
KEY_WIDTH = 70
MOMENTS_SHOWN = 6
#: the charts' left edge (room for the lanes' labels), in parts of the width
LEFT = 0.29
#: pixels: a line of the key, the margin under it, the time axis' labels under the lanes
KEY_LINE = 42
KEY_MARGIN = 16
AXIS_ROOM = 120
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_RIGHT_TO_LEFT = frozenset({"R", "AL"})


def draw(timeline: Timeline, title: str, subtitle: str) -> bytes:
    """The picture as PNG bytes, ``WIDTH`` × ``HEIGHT`` pixels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI, facecolor=BACKGROUND)
    FigureCanvasAgg(figure)
    _heading(figure, title, subtitle)
    # the key below takes a line per moment; the lanes take the height it leaves
    key = (KEY_LINE * (len(timeline.moments[:MOMENTS_SHOWN]) + 1) + KEY_MARGIN) / HEIGHT
    bars = figure.add_axes((LEFT, 0.625, 0.96 - LEFT, 0.175))
    lanes_bottom = key + AXIS_ROOM / HEIGHT
    lanes = figure.add_axes((LEFT, lanes_bottom, 0.96 - LEFT, 0.595 - lanes_bottom), sharex=bars)
    _bars(bars, timeline)
    _lanes(lanes, timeline)
    _time_axis(lanes, timeline)
    _moments(figure, bars, lanes, timeline)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, facecolor=BACKGROUND)
    return out.getvalue()


@cache
def _glyphs() -> frozenset[int]:
    """The characters the default font draws."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(font_manager.findfont("DejaVu Sans")).get_charmap())


def drawable(text: str) -> str:
    """``text`` as the picture can show it: a name in a script the font lacks (Chinese...)
    or written right to left (Arabic, Hebrew: matplotlib neither joins nor reverses their
    letters) transliterated to Latin letters, rather than drawn as boxes or backwards."""
    glyphs = _glyphs()
    if all(ord(char) in glyphs and bidirectional(char) not in _RIGHT_TO_LEFT for char in text):
        return text
    return anyascii(text)


def _text(figure: Figure, x: float, y: float, text: str, **style: Any) -> None:
    figure.text(x, y, drawable(text), parse_math=False, color=style.pop("color", INK), **style)


def _heading(figure: Figure, title: str, subtitle: str) -> None:
    lines = textwrap.wrap(title, TITLE_WIDTH, max_lines=2, placeholder=" …")
    _text(figure, 0.04, 0.975, "\n".join(lines), fontsize=TITLE_POINTS, weight="bold", va="top")
    _text(
        figure,
        0.04,
        0.875,
        _cut(subtitle, SUBTITLE_WIDTH),
        fontsize=TEXT_POINTS,
        color=MUTED,
        va="top",
    )


def _days(span: timedelta) -> float:
    """A duration in the chart's time unit, days (matplotlib's for dates)."""
    return span.total_seconds() / 86400


def _x(moment: datetime) -> float:
    """A moment along the time axis: days since 1970 (matplotlib's epoch for dates)."""
    return _days(moment - _EPOCH)


def _bars(axes: Axes, timeline: Timeline) -> None:
    from matplotlib.ticker import MaxNLocator

    peak_at, peak = timeline.peak
    starts = [_x(start) for start, _ in timeline.counts]
    heights = [count for _, count in timeline.counts]
    peak_colour = MOMENT_COLOURS[MomentKind.PEAK]
    colours = [peak_colour if start == peak_at else BARS for start, _ in timeline.counts]
    axes.bar(starts, heights, width=_days(timeline.bucket), align="edge", color=colours)
    axes.set_ylim(0, peak * 1.25)
    axes.set_ylabel(f"articles per {_unit(timeline.bucket)}", fontsize=SMALL_POINTS, color=MUTED)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=3, integer=True))
    _plain(axes)
    axes.tick_params(axis="x", labelbottom=False)


def _unit(bucket: timedelta) -> str:
    hours = bucket.total_seconds() / 3600
    if hours < 1:
        return f"{round(hours * 60)} min"
    if hours < 24:
        return "hour" if hours == 1 else f"{round(hours)} h"
    return "day" if hours == 24 else f"{round(hours / 24)} days"


def _plain(axes: Axes) -> None:
    """Light grid, no box, large dark tick labels."""
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color(MUTED)
    axes.grid(axis="x", color=GRID, linewidth=1)
    axes.set_axisbelow(True)
    axes.tick_params(labelsize=SMALL_POINTS, colors=INK, length=0)
    axes.set_facecolor(BACKGROUND)


def _lanes(axes: Axes, timeline: Timeline) -> None:
    count = len(timeline.lanes)
    for index, lane in enumerate(timeline.lanes):
        y = count - 1 - index
        colour = LANE_COLOURS[index % len(LANE_COLOURS)]
        axes.axhline(y, color=GRID, linewidth=1, zorder=0)
        for copies, face in ((False, colour), (True, BACKGROUND)):
            times = [_x(r.published) for r in lane.reports if r.published and r.is_copy is copies]
            if times:
                axes.scatter(
                    times,
                    [y] * len(times),
                    s=170,
                    color=face,
                    edgecolors=colour,
                    linewidths=2.5,
                    alpha=0.85,
                    zorder=3,
                )
    labels = [f"{_middle_cut(lane.label)} ({len(lane.reports)})" for lane in timeline.lanes]
    axes.set_yticks(range(count - 1, -1, -1), [drawable(label) for label in labels])
    for label in axes.get_yticklabels():
        label.set_parse_math(False)
    axes.set_ylim(-0.7, count - 0.3)
    _plain(axes)
    axes.tick_params(axis="y", labelsize=TEXT_POINTS - 2 if count <= 6 else SMALL_POINTS)


def _middle_cut(label: str) -> str:
    """A lane's label within ``LABEL_WIDTH``, cut in the middle: outlets often share a
    beginning ("Unnamed outlet (003)", "Unnamed outlet (004)") and differ at the end."""
    if len(label) <= LABEL_WIDTH:
        return label
    tail = LABEL_WIDTH // 3
    return f"{label[: LABEL_WIDTH - tail - 1].rstrip()}…{label[-tail:].lstrip()}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _time_axis(lanes: Axes, timeline: Timeline) -> None:
    """Dates along the bottom, in UTC, with a margin either side of the first and last."""
    first, last = timeline.reports[0].published, timeline.reports[-1].published
    if first is None or last is None:
        return
    end = max(last, first + timeline.bucket)
    margin = max((end - first) * 0.04, timedelta(minutes=10))
    lanes.set_xlim(_x(first - margin), _x(end + margin))
    ticks = time_ticks(first - margin, end + margin)
    lanes.set_xticks([_x(tick) for tick in ticks], [_tick_label(tick, ticks) for tick in ticks])
    lanes.tick_params(axis="x", labelsize=SMALL_POINTS, pad=8)
    lanes.set_xlabel("time (UTC)", fontsize=SMALL_POINTS, color=MUTED)


#: steps between time ticks; the smallest giving at most ``MAX_TICKS`` is taken
TICK_STEPS = tuple(
    timedelta(hours=hours) for hours in (0.25, 0.5, 1, 2, 3, 6, 12, 24, 48, 96, 168, 336, 720)
)
MAX_TICKS = 6


def time_ticks(start: datetime, end: datetime) -> list[datetime]:
    """Round moments between ``start`` and ``end`` (on the hour, at midnight...), few enough
    to label in large type."""
    span = end - start
    step = next((s for s in TICK_STEPS if span / s <= MAX_TICKS), TICK_STEPS[-1])
    tick = start - (start - _EPOCH) % step
    ticks = []
    while tick <= end:
        if tick >= start:
            ticks.append(tick)
        tick += step
    return ticks


def _tick_label(tick: datetime, ticks: Sequence[datetime]) -> str:
    """The day, and the time of day when the ticks are less than a day apart."""
    daily = len(ticks) < 2 or ticks[1] - ticks[0] >= timedelta(days=1)
    return f"{tick:%d %b}" if daily else f"{tick:%H:%M}\n{tick:%d %b}"


def _moments(figure: Figure, bars: Axes, lanes: Axes, timeline: Timeline) -> None:
    """Each moment as a numbered line across both charts, and the numbers explained below."""
    shown = timeline.moments[:MOMENTS_SHOWN]
    xs = [_x(moment.at) for moment in shown]
    lines = [bars.transData.transform((x, 0))[0] for x in xs]
    right = bars.transAxes.transform((1, 0))[0]
    for number, (moment, x, line, badge) in enumerate(
        zip(shown, xs, lines, badges(lines, right), strict=True), 1
    ):
        colour = MOMENT_COLOURS[moment.kind]
        for axes in (bars, lanes):
            axes.axvline(x, color=colour, linewidth=2.5, linestyle=(0, (4, 3)), zorder=2)
        bars.annotate(
            str(number),
            xy=(x, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=((badge - line) * 72 / DPI, 16),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=SMALL_POINTS,
            weight="bold",
            color=BACKGROUND,
            bbox={"boxstyle": "circle,pad=0.3", "facecolor": colour, "edgecolor": colour},
            annotation_clip=False,
        )
    _key(figure, shown, timeline)


#: pixels between the centres of two numbered badges side by side
BADGE_STEP = 36


def badges(lines: Sequence[float], right: float) -> list[float]:
    """Where the badges of moments at pixels ``lines`` (in time order) go: each above its
    line unless the one before is too close, then just right of it; pushed back left of
    ``right`` when they would run past it."""
    placed: list[float] = []
    for line in lines:
        placed.append(max(line, placed[-1] + BADGE_STEP) if placed else line)
    for index in range(len(placed) - 1, -1, -1):
        limit = right - BADGE_STEP * (len(placed) - 1 - index)
        placed[index] = min(placed[index], limit)
    return placed


def _key(figure: Figure, shown: Sequence[Moment], timeline: Timeline) -> None:
    for number, moment in enumerate(shown, 1):
        y = (KEY_MARGIN + KEY_LINE * (len(shown) - number + 1)) / HEIGHT
        colour = MOMENT_COLOURS[moment.kind]
        figure.text(
            0.055,
            y,
            str(number),
            fontsize=SMALL_POINTS,
            weight="bold",
            color=BACKGROUND,
            ha="center",
            va="center",
            bbox={"boxstyle": "circle,pad=0.3", "facecolor": colour, "edgecolor": colour},
        )
        line = f"{_when(moment.at)}  {_cut(moment.text, KEY_WIDTH)}"
        _text(figure, 0.09, y, line, fontsize=SMALL_POINTS, va="center")
    if timeline.undated:
        note = f"{timeline.undated} articles without a publication time are not shown"
        _text(figure, 0.04, KEY_MARGIN / HEIGHT, note, fontsize=SMALL_POINTS, color=MUTED)


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%d %b %H:%M")
