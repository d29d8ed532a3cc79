"""/timeline speed: the engine's facts put on a timeline, and the picture drawn.

    .venv/bin/python bench/timeline_render.py [--db /tmp/newsbot-fanout.db] [--runs 10]

Without ``--db`` it builds a story of 500 articles from 50 outlets in five languages (the
seed articles' paragraphs mixed anew for each, over three days) in a temporary SQLite store;
with ``--db`` it reads the biggest story of that store (the 100k store of the other
benchmarks). Reports, over ``--runs`` runs after a first one (which imports matplotlib):
the whole command (``dispatch``: the store read, the engine, the drawing), the engine's part
(``story_timeline``: people, the comparison, buckets, lanes, moments) and the drawing alone
(``chart.draw``), and the PNG's size.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from interpreter import interpreter

from bot.app import open_app
from bot.config import load_settings
from handlers import chart
from handlers.command import Command
from handlers.dispatch import dispatch
from handlers.timeline import story_timeline
from storage import queries
from storage.models import Article
from stories.articles import RawArticle

console = Console()
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
START = datetime(2025, 12, 13, 6, tzinfo=UTC)
LANGUAGES = ("en",) * 30 + ("de",) * 8 + ("ru",) * 6 + ("es",) * 4 + ("pl",) * 2


def _paragraphs() -> list[str]:
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        found += [line for line in lines[1:] if len(line.split()) >= 12]
    return found


def big_story(outlets: int = 50, total: int = 500, seed: int = 5) -> list[RawArticle]:
    """``total`` write-ups of the seed story by ``outlets`` outlets, each its own mix of the
    seed paragraphs, published over three days, most in the first hours. The outlets are
    given languages for the lanes; the texts are English (the engine's work is the same)."""
    rng = random.Random(seed)
    pool = _paragraphs()
    articles = []
    for number in range(total):
        outlet = number % outlets
        paragraphs = rng.sample(pool, 7)
        articles.append(
            RawArticle(
                text="\n\n".join(paragraphs),
                title=paragraphs[0][:120],
                outlet=f"Outlet {outlet:02d} ({LANGUAGES[outlet % len(LANGUAGES)]})",
                url=f"https://outlet{outlet:02d}.example/2025/12/13/belarus-release-{number}.html",
                published=START + timedelta(minutes=min(int(rng.expovariate(1 / 500)), 4300)),
            )
        )
    return articles


async def _biggest(url: str) -> int:
    settings = load_settings(env={}, overrides={"database_url": url})
    async with open_app(settings) as app, app.sessions() as session:
        found = await session.execute(
            select(Article.story_id, func.count())
            .group_by(Article.story_id)
            .order_by(func.count().desc())
            .limit(1)
        )
        story_id, _ = found.one()
    return int(story_id)


async def _build(url: str) -> int:
    async with open_app(load_settings(env={}, overrides={"database_url": url})) as app:
        with console.status("building a story of 500 articles from 50 outlets…"):
            await app.ingestor.ingest(big_story())
            await app.facts.run()
    return await _biggest(url)


def _ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:,.0f} / {max(seconds) * 1000:,.0f}"


async def run(url: str, story_id: int, runs: int) -> None:
    async with open_app(load_settings(env={}, overrides={"database_url": url})) as app:
        async with app.sessions() as session:
            story = await queries.story_by_id(session, story_id)
            articles = await queries.story_articles(session, story_id)
            views = await queries.story_views(session, story_id)
        assert story is not None
        began = time.perf_counter()
        first = await dispatch(Command("timeline", str(story_id)), app.context)
        cold = time.perf_counter() - began
        whole, engine, drawing = [], [], []
        for _ in range(runs):
            began = time.perf_counter()
            reply = await dispatch(Command("timeline", str(story_id)), app.context)
            whole.append(time.perf_counter() - began)
            began = time.perf_counter()
            found = story_timeline(articles, views, app.context.language)
            engine.append(time.perf_counter() - began)
            assert found is not None
            began = time.perf_counter()
            chart.draw(found, reply.title, "benchmark")
            drawing.append(time.perf_counter() - began)
    assert first.picture is not None
    table = Table(title=f"/timeline of story #{story_id}", caption=interpreter())
    table.add_column("measure")
    table.add_column("value", justify="right")
    outlets = len({a.outlet for a in articles})
    table.add_row("story", f"{len(articles):,} articles from {outlets} outlets")
    lanes = f"{len(found.lanes)} by {found.lane_kind}"
    table.add_row("lanes, moments", f"{lanes}, {len(found.moments)}")
    table.add_row("first /timeline, matplotlib imported (ms)", f"{cold * 1000:,.0f}")
    table.add_row(f"/timeline, p50 / max of {runs} (ms)", _ms(whole))
    table.add_row("  engine: story_timeline (ms)", _ms(engine))
    table.add_row("  drawing: chart.draw (ms)", _ms(drawing))
    table.add_row("PNG", f"{len(first.picture.png) / 1024:,.0f} KiB")
    console.print(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a store to read its biggest story from")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.db is None:
            url = f"sqlite:///{Path(folder) / 'timeline.db'}"
            story_id = asyncio.run(_build(url))
        else:
            url = f"sqlite:///{args.db}"
            story_id = asyncio.run(_biggest(url))
        asyncio.run(run(url, story_id, args.runs))


if __name__ == "__main__":
    main()
