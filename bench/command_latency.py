"""Latency of /who, /diff, /summary and /stories on a large store.

    .venv/bin/python bench/command_latency.py ../shared/data/ecbplus-dev.jsonl \
        [--db /tmp/latency.db | --database-url URL] [--total 100000] [--samples 200]

Builds the store with the ingest benchmark's synthetic stream when ``--db`` has no articles
yet (reuse the file for repeated runs, or a store ``ingest_speed --keep`` built), then answers
commands through the same dispatcher as every front end and reports p50 / p95 / max per
command. Besides stories at random, ``/summary`` and ``/diff`` of stories about 300 days older
than the newest are timed: long out of the matching indexes, answered from the store.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_speed import load, stream
from interpreter import interpreter

from bot.collector import CollectorPolicy
from handlers.command import Command
from handlers.context import Context
from handlers.dispatch import dispatch
from handlers.reply import Tone
from storage.db import SessionFactory, open_database
from storage.fact_pass import FactFinder
from storage.ingest import Ingestor, IngestReport
from storage.models import Article, Mention, Story, StoryWord
from stories.settings import EngineSettings

console = Console()


async def build(sessions: SessionFactory, data: Path, total: int) -> None:
    """The store of the synthetic stream, with every article's facts found (a store built
    before is taken as it is)."""
    async with sessions() as session:
        stored = int(await session.scalar(select(func.count()).select_from(Article)) or 0)
    if stored:
        # Near-copies and rejected items are not stored, so a finished store holds fewer
        # articles than the stream it was built from: any stored article means "built". Its
        # facts are taken as they are: a reader finds those still pending on the fly.
        async with sessions() as session:
            pending = await session.scalar(
                select(func.count()).select_from(Article).where(Article.facts.is_(None))
            )
        console.print(
            f"store has {stored:,} articles: reused as it is ({pending:,} with facts pending)"
        )
        return
    ingestor = Ingestor(sessions, EngineSettings(), batch_size=500, housekeeping=CollectorPolicy())
    with Progress(console=console) as progress:
        task = progress.add_task("building the store", total=total)

        def tick(report: IngestReport) -> None:
            progress.update(task, completed=report.seen)

        await ingestor.ingest(stream(load(data), total), progress=tick)
    finder = FactFinder(sessions, housekeeping=CollectorPolicy())
    pending = await finder.pending()
    if pending:
        with Progress(console=console) as progress:
            task = progress.add_task("finding facts", total=pending)
            await finder.run(lambda found: progress.update(task, completed=found))


async def old_stories(sessions: SessionFactory, count: int) -> list[int]:
    """Stories whose last article is 290 to 310 days older than the newest story's."""
    async with sessions() as session:
        newest = await session.scalar(select(func.max(Story.last_published)))
        if newest is None:
            return []
        return list(
            await session.scalars(
                select(Story.id)
                .where(
                    Story.last_published.between(
                        newest - timedelta(days=310), newest - timedelta(days=290)
                    )
                )
                .limit(count)
            )
        )


async def samples(sessions: SessionFactory, count: int) -> tuple[list[int], list[str], list[str]]:
    """Story ids, names, and searches: two words a story is found by (``StoryWord``)."""
    rng = random.Random(3)
    async with sessions() as session:
        story_ids = list((await session.scalars(select(Story.id))).all())
        names = list((await session.scalars(select(Mention.name).group_by(Mention.name))).all())
        chosen = rng.sample(story_ids, min(count, len(story_ids)))
        names = rng.sample(names, min(count, len(names)))
        searches = []
        for story_id in chosen:
            words = sorted(
                await session.scalars(select(StoryWord.word).where(StoryWord.story_id == story_id))
            )
            searches.append(" ".join(rng.sample(words, min(2, len(words)))))
    return chosen, names, searches


async def timed(context: Context, command: Command) -> tuple[float, Tone]:
    started = time.perf_counter()
    reply = await dispatch(command, context)
    return (time.perf_counter() - started) * 1000, reply.tone


async def run(data: Path, url: str, total: int, count: int) -> None:
    engine, sessions = await open_database(url)
    await build(sessions, data, total)
    story_ids, names, searches = await samples(sessions, count)
    old = await old_stories(sessions, count)
    context = Context(sessions)
    commands = {
        "/summary <id>": [Command("summary", str(i)) for i in story_ids],
        "/diff <id>": [Command("diff", str(i)) for i in story_ids],
        "/summary <id>, 300 days old": [Command("summary", str(i)) for i in old],
        "/diff <id>, 300 days old": [Command("diff", str(i)) for i in old],
        "/who <name>": [Command("who", name) for name in names],
        "/who <typo>": [Command("who", name[:-1] + "x") for name in names[: count // 4]],
        "/stories": [Command("stories")] * 20,
        "/stories <words>": [Command("stories", words) for words in searches],
        "/summary <words>": [Command("summary", words) for words in searches],
        "/summary <word>": [Command("summary", words.split(" ")[0]) for words in searches],
    }
    table = Table(title=f"Command latency (ms) on {url}", caption=interpreter())
    for column in ("command", "n", "p50", "p95", "max", "errors"):
        table.add_column(column, justify="right" if column != "command" else "left")
    for name, batch in commands.items():
        if not batch:
            continue
        results = [await timed(context, command) for command in batch]
        times = sorted(t for t, _ in results)
        errors = sum(tone is Tone.ERROR for _, tone in results)
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        table.add_row(
            name,
            str(len(times)),
            f"{statistics.median(times):.1f}",
            f"{p95:.1f}",
            f"{times[-1]:.1f}",
            str(errors),
        )
    console.print(table)
    await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsbot-latency.db"))
    parser.add_argument("--database-url", help="the store at this URL instead of --db")
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{args.db}"
    asyncio.run(run(args.data, url, args.total, args.samples))


if __name__ == "__main__":
    main()
