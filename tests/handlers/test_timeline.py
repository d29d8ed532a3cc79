"""/timeline over a real store, and the picture it draws."""

from __future__ import annotations

import io
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from PIL import Image

from bot.app import App, seed_if_empty
from handlers import chart
from handlers.command import Command
from handlers.dispatch import dispatch
from handlers.reply import Reply, Tone
from stories.timeline import Report, timeline
from tests.support.articles import MERGER, QUAKE, QUAKE_OTHER, raw, when


async def ask(app: App, args: str = "") -> Reply:
    return await dispatch(Command("timeline", args), app.context)


def _pixels(png: bytes) -> tuple[tuple[int, int], Counter[tuple[int, int, int]]]:
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        rgb = image.convert("RGB")
        found = rgb.getcolors(maxcolors=rgb.width * rgb.height) or []
        return rgb.size, Counter({colour: count for count, colour in found})


async def test_the_seed_storys_timeline_is_a_picture_with_a_caption(app: App) -> None:
    await seed_if_empty(app)
    reply = await ask(app)
    assert reply.tone is Tone.OK
    assert reply.title.startswith("#1 Lukashenko frees")
    picture = reply.picture
    assert picture is not None
    assert picture.filename == "timeline-1.png"
    size, colours = _pixels(picture.png)
    assert size == (chart.WIDTH, chart.HEIGHT) == (1080, 1350)
    # not blank: white ground, dark text, the bars', lanes' and moments' colours
    white = colours[(255, 255, 255)]
    assert white < 0.95 * size[0] * size[1]
    ink = sum(n for (r, g, b), n in colours.items() if r + g + b < 200)
    assert ink > 5_000
    assert len(colours) > 50
    lines = [line.text for line in reply.sections[0].lines]
    assert lines[0] == "13 Dec 00:00 — First report: CNBC"
    assert any("Peak: 4 articles in an hour" in line for line in lines)
    assert reply.footer == "Times in UTC. 5 outlets, 5 articles."
    assert "first reported by CNBC on 13 Dec 2025 at 00:00 UTC" in picture.caption


async def test_a_story_of_one_article_or_none_gets_a_clear_message(app: App) -> None:
    empty = await ask(app)
    assert empty.tone is Tone.ERROR
    assert empty.title == "No stories yet."
    await app.ingestor.ingest([raw(QUAKE, outlet="Andina", published=when(3))])
    alone = await ask(app, "1")
    assert alone.tone is Tone.NOTICE
    assert alone.picture is None
    assert "Only one article tells this story so far" in alone.sections[0].lines[0].text
    unknown = await ask(app, "42")
    assert (unknown.tone, unknown.title) == (Tone.ERROR, "There is no story #42.")
    nothing = await ask(app, "zanzibar")
    assert nothing.tone is Tone.ERROR
    assert nothing.picture is None


async def test_articles_without_publication_times_make_no_timeline(app: App) -> None:
    await app.ingestor.ingest([raw(QUAKE, outlet="Andina"), raw(QUAKE_OTHER, outlet="Reuters")])
    reply = await ask(app)
    assert reply.tone is Tone.NOTICE
    assert reply.picture is None
    assert "no publication time" in reply.sections[0].lines[0].text
    assert reply.sections[0].lines[1].text == "/articles 1 lists them."


async def test_an_undated_article_is_counted_not_drawn(app: App) -> None:
    await app.ingestor.ingest(
        [
            raw(QUAKE, outlet="Andina", published=when(3)),
            raw(QUAKE_OTHER, outlet="Reuters", published=when(4)),
            raw(QUAKE.replace("Tuesday", "Wednesday"), outlet="El Comercio"),
            raw(MERGER, outlet="FT", published=when(3)),
        ]
    )
    reply = await ask(app, "arequipa")
    assert reply.picture is not None
    assert "1 article without a publication time not shown." in (reply.footer or "")


def test_text_the_font_cannot_draw_is_transliterated() -> None:
    assert chart.drawable("Reuters") == "Reuters"
    assert chart.drawable("Колесникова") == "Колесникова"
    assert chart.drawable("الجزيرة") == "ljzyrh"
    assert chart.drawable("新华社") == "XinHuaShe"


def test_any_outlet_and_title_are_drawn_as_written() -> None:
    """Dollar signs are not mathematics, and no script the font lacks warns (warnings are
    errors here)."""
    start = datetime(2026, 3, 2, 6, tzinfo=UTC)
    outlets = ["الجزيرة", "新华社", "Reuters $ wire", "ТАСС"]
    reports = [
        Report(n, outlets[n % 4], None, start + timedelta(hours=n)) for n in range(len(outlets))
    ]
    found = timeline(reports, [], [], None)
    assert found is not None
    png = chart.draw(found, "#3 Orbitex pays $4.2 billion for $ignal_maker", "4 outlets")
    assert _pixels(png)[0] == (1080, 1350)


def test_a_story_of_500_articles_from_50_outlets_draws_in_well_under_a_second() -> None:
    start = datetime(2026, 3, 2, 6, tzinfo=UTC)
    languages = ["en"] * 30 + ["de"] * 10 + ["ru"] * 6 + ["es"] * 4
    reports = [
        Report(n, f"Outlet {n % 50}", languages[n % 50], start + timedelta(minutes=7 * n))
        for n in range(500)
    ]
    found = timeline(reports, [], [], None)
    assert found is not None
    chart.draw(found, "#1 A title", "warm-up: matplotlib is imported on the first picture")
    began = time.perf_counter()
    png = chart.draw(found, "#1 A title", "50 outlets, 500 articles")
    assert time.perf_counter() - began < 1.0
    assert _pixels(png)[0] == (1080, 1350)


def test_badges_of_close_moments_go_side_by_side_within_the_chart() -> None:
    step = chart.BADGE_STEP
    assert chart.badges([100, 300], right=900) == [100, 300]
    assert chart.badges([100, 110, 120, 500], right=900) == [100, 100 + step, 100 + 2 * step, 500]
    # at the right edge they are pushed back left, still apart
    assert chart.badges([880, 890, 895], right=900) == [900 - 2 * step, 900 - step, 900]
