"""Start to first answer and to first ingested article, on a store built by ``ingest_speed``.

    .venv/bin/python bench/start_time.py --database-url sqlite:////tmp/store1m.db [--runs 3]

Each run is a new interpreter, as a restarted bot is: it imports the bot, opens the store
(migrations checked), answers ``/stories`` and ``/summary`` of the newest story and of one from
about 300 days before it through the dispatcher every front end uses, then ingests one new
article dated like the newest (a write-up of the newest story's first article, reworded so
that it is no near-copy): that first ingest rebuilds the matching indexes from the store's
window. Times are from the moment the interpreter was started. Each run adds its one article
to the store (a different one each run, so none is "already known").
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from interpreter import interpreter

console = Console()


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def child(url: str, started: float, run: int) -> dict[str, float]:
    """One start, timed from ``started`` (the parent's clock when it launched this process)."""
    from sqlalchemy import func, select

    from bot.app import open_app
    from bot.config import Settings
    from handlers.command import Command
    from handlers.dispatch import dispatch
    from handlers.reply import Tone
    from storage.ingest import IngestReport
    from storage.models import Article, Story
    from stories.articles import RawArticle

    marks: dict[str, float] = {"imported (s)": time.time() - started}
    async with open_app(Settings(database_url=url)) as app:
        marks["store open (s)"] = time.time() - started
        reply = await dispatch(Command("stories"), app.context)
        assert reply.tone is not Tone.ERROR, reply
        marks["first answer, /stories (s)"] = time.time() - started
        async with app.sessions() as session:
            newest = await session.scalar(select(func.max(Story.last_published)))
            assert newest is not None, "the store has no dated story"
            latest = await session.scalar(
                select(Story.id).where(Story.last_published == newest).limit(1)
            )
            old = await session.scalar(
                select(Story.id)
                .where(Story.last_published <= newest - timedelta(days=300))
                .order_by(Story.last_published.desc())
                .limit(1)
            )
            first = (
                await session.execute(
                    select(Article.title, Article.body, Article.published)
                    .where(Article.story_id == latest, Article.near_copy_of.is_(None))
                    .order_by(Article.id)
                    .limit(1)
                )
            ).one()
        for name, story in (("newest", latest), ("300 days old", old)):
            if story is None:
                continue
            began = time.perf_counter()
            reply = await dispatch(Command("summary", str(story)), app.context)
            assert reply.tone is not Tone.ERROR, reply
            marks[f"/summary of the {name} story (ms)"] = 1000 * (time.perf_counter() - began)
        paragraphs = first.body.split("\n\n")
        text = "\n\n".join(
            [f"Update {run} at {time.time():.0f}: {paragraphs[0]}", *reversed(paragraphs[1:])]
        )
        article = RawArticle(
            text=text, title=first.title, outlet="Start Probe", published=first.published
        )
        reports: list[IngestReport] = []
        report = await app.ingestor.ingest([article], progress=reports.append)
        marks["first article ingested (s)"] = time.time() - started
        marks["added (1: ingested, not known)"] = report.added
        marks["RSS after the first ingest (MB)"] = rss_mb()
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--run", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(asyncio.run(child(args.database_url, args.child, args.run))))
        return
    runs: list[dict[str, float]] = []
    for run in range(args.runs):
        started = time.time()
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--database-url",
                args.database_url,
                "--child",
                str(started),
                "--run",
                str(run),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        console.print(f"run {run + 1}: {runs[-1]}")
    table = Table(title=f"Start on {args.database_url}", caption=interpreter())
    table.add_column("measure")
    for run in range(len(runs)):
        table.add_column(f"run {run + 1}", justify="right")
    for name in runs[0]:
        table.add_row(name, *(f"{r.get(name, float('nan')):,.2f}" for r in runs))
    console.print(table)


if __name__ == "__main__":
    main()
