"""Digest fan-out: every subscription's daily digest built and "sent" in one run.

    .venv/bin/python bench/digest_fanout.py ../shared/data/ecbplus-dev.jsonl \
        [--db /tmp/nb100k.db] [--total 100000] [--subscriptions 10000] [--profile]

Opens the store (building it with the ingest benchmark's synthetic stream, ``--total``
articles, when ``--db`` has none yet). A store built in one go has every article stored
within minutes, so one day's window would hold all of it; unless ``--one-window``, each
article is given the arrival time a live poller would have seen (published + 10 minutes,
its story's times following), so the stream's months of news arrive over months. Then it
adds N subscriptions under the platforms ``bench-telegram`` and ``bench-slack`` (so they
never meet a real chat and are easy to remove: they and their deliveries are deleted at the
end, and at the start if a killed run left some), and fires the scheduler's job of each
time and zone in use (``Digests.deliver_due``), in order, with an injected clock: every
subscription's local time fell due a few minutes to a few hours ago (inside the grace
period), after the newest story began, so each first digest covers the day before. The
senders render with the real renderers and keep the reply in memory.

Reports the time to build every digest (digests/s, p50/p95 per job), the time split
(database, material loading, building, rendering: the library functions are wrapped with
timers for the run, never changed), the peak RSS, the exactly-once checks (one delivery row
per subscription, and a second ``catch_up`` sends nothing), and how long the send itself
would take paced at Telegram's and Slack's published limits. When 10,000 digests would take
more than a minute at the measured rate, a sample of digests is profiled (cProfile).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import random
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from command_latency import build
from interpreter import interpreter

import handlers.digest_reply
import stories.story_news
from bot.config import DigestSettings
from bot.platforms.render_cache import RenderCache
from bot.platforms.slack.render import render_slack
from bot.platforms.telegram.render import render_telegram
from bot.schedule import Digests, Outcome
from handlers.digest_reply import FIRST_PERIOD, compose
from handlers.reply import Reply
from storage import deliveries, due_times, subscriptions
from storage.db import SessionFactory, open_database
from storage.models import Article, Delivery, Story, Subscription
from storage.subscriptions import SubscriptionInfo
from stories.story_news import DigestArticles

console = Console()
P = ParamSpec("P")
R = TypeVar("R")

TELEGRAM = "bench-telegram"
SLACK = "bench-slack"
PLATFORMS = (TELEGRAM, SLACK)
#: None: the configured default zone
ZONES: tuple[str | None, ...] = (
    None,
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Australia/Adelaide",
    "Pacific/Auckland",
    "Africa/Nairobi",
)
#: Telegram: ~30 messages/s per bot overall, 1/s in one chat, 20/min in one group
TELEGRAM_OVERALL = 30.0
TELEGRAM_PER_CHAT = 1.0
TELEGRAM_PER_GROUP = 20 / 60
#: Slack chat.postMessage: ~1 message/s per channel (short bursts tolerated)
SLACK_PER_CHANNEL = 1.0
#: what ``Digests`` asks of the database: reads, claims and state changes
DB_CALLS = (
    (subscriptions, "all_subscriptions"),
    (subscriptions, "subscriptions_at"),
    (subscriptions, "subscriptions_by_ids"),
    (deliveries, "last_sent_dues"),
    (deliveries, "claim_deliveries"),
    (deliveries, "skip_deliveries"),
    (deliveries, "release_claims"),
    (deliveries, "begin_sends"),
    (deliveries, "finish_sends"),
)
#: a live poller stores an article this long after it is published
ARRIVAL_DELAY = timedelta(minutes=10)
TARGET_N = 10_000
TARGET_SECONDS = 60.0
_WORD = re.compile(r"[^\W\d_]{5,}")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


# --- the time split: library functions wrapped with timers for the run --------------------


@dataclass
class Split:
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] += seconds

    def wrap_async(
        self, name: str, fn: Callable[P, Awaitable[R]]
    ) -> Callable[P, Coroutine[Any, Any, R]]:
        async def timed(*args: P.args, **kwargs: P.kwargs) -> R:
            started = time.perf_counter()
            try:
                return await fn(*args, **kwargs)
            finally:
                self.add(name, time.perf_counter() - started)

        return timed

    def wrap_sync(self, name: str, fn: Callable[P, R]) -> Callable[P, R]:
        def timed(*args: P.args, **kwargs: P.kwargs) -> R:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.add(name, time.perf_counter() - started)

        return timed


@contextmanager
def instrumented(split: Split) -> Iterator[None]:
    """Time the phases of ``Digests.deliver_many`` by wrapping the attributes it calls."""
    targets: list[tuple[Any, str, str]] = [
        *((module, name, f"db {name}") for module, name in DB_CALLS),
        (handlers.digest_reply.Composer, "compose", "compose"),
        (handlers.digest_reply, "digest_articles", "material"),
        (DigestArticles, "material", "material"),
        (stories.story_news.StoryDigests, "digest", "build"),
        (handlers.digest_reply, "digest_reply", "reply"),
    ]
    saved = [(module, name, getattr(module, name)) for module, name, _ in targets]
    for (module, name, label), (_, _, original) in zip(targets, saved, strict=True):
        wrap = split.wrap_async if asyncio.iscoroutinefunction(original) else split.wrap_sync
        setattr(module, name, wrap(label, original))
    try:
        yield
    finally:
        for module, name, original in saved:
            setattr(module, name, original)


# --- in-memory senders -------------------------------------------------------------------


@dataclass
class Sent:
    subscription_id: int
    chat_id: str
    platform: str
    #: Telegram message parts, or 1 Slack message
    parts: int
    chars: int
    render_seconds: float


@dataclass
class Outbox:
    """Renders as the front ends do (once per shared reply) and keeps what it would send."""

    sent: list[Sent] = field(default_factory=list)
    split: Split | None = None
    to_telegram: RenderCache[list[str]] = field(
        default_factory=lambda: RenderCache(render_telegram)
    )
    to_slack: RenderCache[tuple[list[dict[str, Any]], str]] = field(
        default_factory=lambda: RenderCache(render_slack)
    )

    def calls(self) -> Counter[int]:
        return Counter(s.subscription_id for s in self.sent)

    def _record(self, subscription: SubscriptionInfo, parts: int, chars: int, began: float) -> str:
        took = time.perf_counter() - began
        if self.split is not None:
            self.split.add("render", took)
        self.sent.append(
            Sent(subscription.id, subscription.chat_id, subscription.platform, parts, chars, took)
        )
        return f"{subscription.platform}-{subscription.id}-{len(self.sent)}"

    async def telegram(self, subscription: SubscriptionInfo, reply: Reply) -> str:
        began = time.perf_counter()
        parts = self.to_telegram(reply)
        return self._record(subscription, len(parts), sum(map(len, parts)), began)

    async def slack(self, subscription: SubscriptionInfo, reply: Reply) -> str:
        began = time.perf_counter()
        blocks, text = self.to_slack(reply)
        return self._record(subscription, 1, len(str(blocks)) + len(text), began)


# --- the subscriptions -------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    newest: datetime
    now: datetime
    created: datetime
    stories: int
    articles: int
    words: list[str]


async def window(sessions: SessionFactory, settings: DigestSettings) -> Window:
    """``now`` half the grace period after the newest story began; subscribed just after it.

    After the newest story the synthetic stream only tails off (the last stories' later
    articles, no new story), so its last day is no day of news: the run takes place when
    the newest story began, and what was stored later has not arrived yet.
    """
    async with sessions() as session:
        newest = await session.scalar(select(func.max(Story.created_at)))
        if newest is None:
            raise SystemExit("the store has no stories")
        since = newest - FIRST_PERIOD
        arrived = (Article.ingested_at > since, Article.ingested_at <= newest)
        in_window = select(Article.story_id).where(*arrived).distinct()
        articles = int(
            await session.scalar(select(func.count()).select_from(Article).where(*arrived)) or 0
        )
        titles = list(
            (await session.scalars(select(Story.title).where(Story.id.in_(in_window)))).all()
        )
    words = sorted({w.casefold() for title in titles for w in _WORD.findall(title)})
    return Window(
        newest=newest,
        now=newest + timedelta(hours=settings.grace_hours / 2),
        created=newest + timedelta(seconds=1),
        stories=len(titles),
        articles=articles,
        words=words,
    )


async def arrive_as_published(sessions: SessionFactory) -> bool:
    """Give a store built in one go the arrival times of a live poller; True if it changed.

    Articles without a publication time keep theirs. Each story's created/updated times
    follow its articles (its first and latest arrival).
    """
    async with sessions() as session, session.begin():
        spans = (
            await session.execute(
                select(
                    func.min(Article.ingested_at),
                    func.max(Article.ingested_at),
                    func.min(Article.published),
                    func.max(Article.published),
                )
            )
        ).one()
        first_in, last_in, first_out, last_out = spans
        if first_out is None or last_out is None:
            return False
        if last_in - first_in > (last_out - first_out) / 2:
            return False
        rows = await session.execute(
            select(Article.id, Article.story_id, Article.published, Article.ingested_at)
        )
        arrivals: list[dict[str, Any]] = []
        stories: dict[int, list[datetime]] = defaultdict(list)
        for id_, story_id, published, stored in rows:
            at = stored if published is None else published + ARRIVAL_DELAY
            arrivals.append({"id": id_, "ingested_at": at})
            stories[story_id].append(at)
        await session.execute(update(Article), arrivals)
        await session.execute(
            update(Story),
            [{"id": i, "created_at": min(t), "updated_at": max(t)} for i, t in stories.items()],
        )
    return True


async def remove_bench_rows(session: AsyncSession) -> int:
    ours = select(Subscription.id).where(Subscription.platform.in_(PLATFORMS))
    await session.execute(delete(Delivery).where(Delivery.subscription_id.in_(ours)))
    result = await session.execute(delete(Subscription).where(Subscription.platform.in_(PLATFORMS)))
    await session.commit()
    return int(getattr(result, "rowcount", 0) or 0)


@dataclass(frozen=True)
class Made:
    ids: list[int]
    kinds: Counter[str]
    keyworded: set[int]
    lateness: list[float]


async def subscribe(
    sessions: SessionFactory, count: int, win: Window, settings: DigestSettings, seed: int
) -> Made:
    """Telegram (private chats and groups) and Slack, times that fell due in the grace period.

    Times are mostly round (on the hour or half hour), in a spread of zones, so chats share
    the scheduler's jobs as they would in use.
    """
    rng = random.Random(seed)
    half = settings.grace_hours / 2 * 3600
    ids: list[int] = []
    kinds: Counter[str] = Counter()
    keyworded: set[int] = set()
    lateness: list[float] = []
    async with sessions() as session:
        for number in range(count):
            if rng.random() < 0.6:
                platform = TELEGRAM
                group = rng.random() < 0.4
                chat_id = str(-1_001_000_000_000 - number if group else 10_000_000 + number)
                kinds["telegram group" if group else "telegram private"] += 1
            else:
                platform, chat_id = SLACK, f"C{number:09d}"
                kinds["slack channel"] += 1
            zone_name = rng.choice(ZONES)
            zone = due_times.parse_zone(zone_name or settings.timezone)
            assert zone is not None
            # rounding the minute down makes it up to 59 minutes later still after ``created``
            late = timedelta(seconds=rng.uniform(120, half - 62 * 60))
            local = (win.now - late).astimezone(zone)
            # people pick round times: half on the hour, a quarter on the half hour
            roll = rng.random()
            minute = local.minute if roll >= 0.75 else 0 if roll < 0.5 else local.minute // 30 * 30
            local_time = f"{local.hour:02d}:{minute:02d}"
            at = due_times.parse_local_time(local_time)
            assert at is not None
            due = due_times.latest_due(win.now, at, zone)
            lateness.append((win.now - due.due_at).total_seconds())
            keywords: list[str] = []
            if win.words and rng.random() < 0.3:
                keywords = rng.sample(win.words, min(len(win.words), rng.randint(1, 3)))
            info = await subscriptions.upsert_subscription(
                session,
                platform,
                chat_id,
                local_time=local_time,
                timezone=zone_name,
                keywords=keywords,
                now=win.created,
            )
            ids.append(info.id)
            if keywords:
                keyworded.add(info.id)
            if number % 500 == 499:
                await session.commit()
        await session.commit()
    return Made(ids, kinds, keyworded, lateness)


# --- checks ------------------------------------------------------------------------------


async def delivery_rows(sessions: SessionFactory) -> dict[int, list[str]]:
    async with sessions() as session:
        rows = await session.execute(
            select(Delivery.subscription_id, Delivery.state)
            .join(Subscription, Subscription.id == Delivery.subscription_id)
            .where(Subscription.platform.in_(PLATFORMS))
        )
        found: dict[int, list[str]] = defaultdict(list)
        for subscription_id, state in rows:
            found[subscription_id].append(state)
    return found


def exactly_once(
    ids: list[int], outcomes: dict[int, Outcome], rows: dict[int, list[str]], calls: Counter[int]
) -> list[str]:
    """What is wrong, if anything: one delivery row each, one send per digest sent."""
    expected = {Outcome.SENT: "sent", Outcome.EMPTY: "skipped", Outcome.MISSED: "skipped"}
    problems = []
    for sid in ids:
        outcome = outcomes.get(sid)
        if len(rows.get(sid, [])) != 1:
            problems.append(f"#{sid}: {len(rows.get(sid, []))} delivery rows ({outcome})")
        elif outcome in expected and rows[sid][0] != expected[outcome]:
            problems.append(f"#{sid}: outcome {outcome} but delivery {rows[sid][0]}")
        if calls[sid] != (1 if outcome is Outcome.SENT else 0):
            problems.append(f"#{sid}: sent {calls[sid]} times ({outcome})")
    return problems


# --- the paced sending plan --------------------------------------------------------------


def paced_plan(outbox: Outbox, group_ids: set[str], slack_rate: float) -> Table:
    telegram = [s for s in outbox.sent if s.platform == TELEGRAM]
    slack = [s for s in outbox.sent if s.platform == SLACK]
    table = Table(title="Paced sending plan (the send itself, at the platforms' limits)")
    for column in ("platform", "digests", "messages", "parts/digest", "limit", "paced time"):
        table.add_column(column, justify="left" if column in ("platform", "limit") else "right")
    if telegram:
        parts = [s.parts for s in telegram]
        total = sum(parts)
        chain = max(
            (s.parts - 1) / (TELEGRAM_PER_GROUP if s.chat_id in group_ids else TELEGRAM_PER_CHAT)
            for s in telegram
        )
        paced = max(total / TELEGRAM_OVERALL, chain)
        table.add_row(
            "Telegram",
            f"{len(telegram):,}",
            f"{total:,}",
            f"mean {statistics.mean(parts):.2f}, max {max(parts)}",
            "30/s all, 1/s chat, 20/min group",
            f"{paced:,.0f} s ({paced / 60:.1f} min)",
        )
    if slack:
        per_channel = 1 / SLACK_PER_CHANNEL
        workspace = len(slack) / slack_rate
        table.add_row(
            "Slack",
            f"{len(slack):,}",
            f"{len(slack):,}",
            "1",
            "1/s per channel",
            f"{per_channel:.0f} s (channels in parallel)",
        )
        table.add_row(
            "Slack",
            "",
            "",
            "",
            f"+ workspace cap {slack_rate:g}/s?",
            f"{workspace:,.0f} s ({workspace / 60:.1f} min)",
        )
    return table


# --- profiling a sample ------------------------------------------------------------------


async def profile_sample(
    sessions: SessionFactory,
    settings: DigestSettings,
    digests: Digests,
    ids: list[int],
    now: datetime,
    sample: int,
) -> Table:
    """compose + render of some digests again, each alone (read-only: their first window)."""
    async with sessions() as session:
        chosen = await subscriptions.subscriptions_by_ids(session, ids[:sample])
    profiler = cProfile.Profile()
    for subscription in chosen:
        schedule = digests.schedule(subscription)
        due = due_times.latest_due(now, schedule.at, schedule.zone)
        since = subscription.created_at - FIRST_PERIOD
        profiler.enable()
        _, reply = await compose(
            sessions, subscription.keywords, since, due.due_at, settings.max_items
        )
        render_telegram(reply) if subscription.platform == TELEGRAM else render_slack(reply)
        profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    table = Table(
        title=f"cProfile of compose + render, {len(chosen)} digests "
        "(top 15 project functions by cumulative time)"
    )
    for column in ("function", "calls", "tottime s", "cumtime s"):
        table.add_column(column, justify="left" if column == "function" else "right")
    profiles = stats.get_stats_profile().func_profiles
    ours = ("/stories/", "/handlers/", "/storage/", "/bot/")
    ranked = sorted(
        ((k, v) for k, v in profiles.items() if any(part in v.file_name for part in ours)),
        key=lambda kv: -kv[1].cumtime,
    )
    for name, found in ranked[:15]:
        where = "/".join(Path(found.file_name).parts[-2:]) if found.file_name != "~" else ""
        table.add_row(
            f"{name} {where}:{found.line_number}",
            found.ncalls,
            f"{found.tottime:.2f}",
            f"{found.cumtime:.2f}",
        )
    return table


# --- the run -----------------------------------------------------------------------------


def scratch_copy(db: Path, folder: Path) -> Path:
    """A consistent copy of a store another process may be writing (SQLite's backup API)."""
    copy = folder / db.name
    source = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    target = sqlite3.connect(copy)
    with source, target:
        source.backup(target)
    source.close()
    target.close()
    return copy


async def run(args: argparse.Namespace) -> None:
    if not args.scratch:
        await run_on(args, args.db)
        return
    with tempfile.TemporaryDirectory(dir=args.scratch_dir) as folder:
        copy = scratch_copy(args.db, Path(folder))
        console.print(f"working on a scratch copy of {args.db} ({copy.stat().st_size >> 20} MB)")
        await run_on(args, copy)


async def run_on(args: argparse.Namespace, db: Path) -> None:
    engine, sessions = await open_database(f"sqlite:///{db}")
    settings = DigestSettings()
    try:
        async with sessions() as session:
            stored = int(await session.scalar(select(func.count()).select_from(Article)) or 0)
        if stored == 0:
            # only into an empty store: near-copies are not stored, so a built store holds
            # fewer than --total articles and must not be fed the stream again
            await build(sessions, args.data, args.total)
        else:
            console.print(f"store has {stored:,} articles: reused")
        if not args.one_window and await arrive_as_published(sessions):
            console.print("articles given a live poller's arrival times (published + 10 min)")
        async with sessions() as session:
            stale = await remove_bench_rows(session)
            stored = int(await session.scalar(select(func.count()).select_from(Article)) or 0)
            stories = int(await session.scalar(select(func.count()).select_from(Story)) or 0)
        if stale:
            console.print(f"removed {stale:,} subscriptions left by an earlier run")
        win = await window(sessions, settings)
        made = await subscribe(sessions, args.subscriptions, win, settings, args.seed)
        await report(args, sessions, settings, win, made, stored, stories)
    finally:
        async with sessions() as session:
            await remove_bench_rows(session)
            left = int(
                await session.scalar(
                    select(func.count())
                    .select_from(Subscription)
                    .where(Subscription.platform.in_(PLATFORMS))
                )
                or 0
            )
        console.print(f"cleanup: bench subscriptions and their deliveries deleted ({left} left)")
        await engine.dispose()


async def report(
    args: argparse.Namespace,
    sessions: SessionFactory,
    settings: DigestSettings,
    win: Window,
    made: Made,
    stored: int,
    stories: int,
) -> None:
    split = Split()
    outbox = Outbox(split=split)
    senders = {TELEGRAM: outbox.telegram, SLACK: outbox.slack}
    digests = Digests(sessions, settings, senders, "bench-fanout", now=lambda: win.now)
    outcomes: dict[int, Outcome] = {}
    async with sessions() as session:
        ours = await subscriptions.subscriptions_by_ids(session, made.ids)
    schedules = {(schedule := digests.schedule(s)).key: schedule for s in ours}
    jobs = Counter(digests.schedule(s).key for s in ours)
    due_at = {k: due_times.latest_due(win.now, s.at, s.zone).due_at for k, s in schedules.items()}
    per_job: list[tuple[int, float]] = []
    columns = [
        TextColumn("[bold]digests"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    ]
    with instrumented(split), Progress(*columns, console=console) as progress:
        task = progress.add_task("digests", total=len(made.ids), rate="")
        started = time.perf_counter()
        for key in sorted(jobs, key=due_at.__getitem__):
            began = time.perf_counter()
            outcomes.update(await digests.deliver_due(schedules[key]))
            per_job.append((jobs[key], time.perf_counter() - began))
            done = len(outcomes)
            progress.update(
                task, completed=done, rate=f"{done / (time.perf_counter() - started):.1f}/s"
            )
        elapsed = time.perf_counter() - started
    peak = rss_mb()
    rows = await delivery_rows(sessions)
    problems = exactly_once(made.ids, outcomes, rows, outbox.calls())
    sends_before = len(outbox.sent)
    again = await digests.catch_up()
    rows_after = await delivery_rows(sessions)
    second = Counter(again.values())
    repeat_ok = (
        len(outbox.sent) == sends_before
        and set(again) == set(made.ids)
        and second == Counter({Outcome.TAKEN: len(made.ids)})
        and rows_after == rows
    )

    n = len(made.ids)
    rate = n / elapsed if elapsed else 0.0
    projected = TARGET_N / rate if rate else float("inf")
    job_ms = [t * 1000 for _, t in per_job]
    sizes = [size for size, _ in per_job]
    counted = Counter(outcomes.values())
    late = [s / 60 for s in made.lateness]
    table = Table(
        title=f"Digest fan-out on {args.db.name}: {n:,} subscriptions, one process",
        caption=interpreter(),
    )
    table.add_column("measure")
    table.add_column("value", justify="right")
    figures: list[tuple[str, str]] = [
        ("store", f"{stored:,} articles, {stories:,} stories"),
        (
            "digest window (the day before the newest story)",
            f"{win.articles:,} articles in {win.stories:,} stories",
        ),
        ("clock (injected)", f"{win.now:%Y-%m-%d %H:%M} UTC (newest story + grace/2)"),
        ("due how long ago (min)", f"{min(late):.0f}–{max(late):.0f}"),
        ("subscriptions", ", ".join(f"{v:,} {k}" for k, v in sorted(made.kinds.items()))),
        ("with 1–3 keywords", f"{len(made.keyworded):,} ({len(made.keyworded) / n:.0%})"),
        ("outcomes", ", ".join(f"{v:,} {k}" for k, v in sorted(counted.items()))),
        ("time to build and deliver all", f"{elapsed:,.1f} s"),
        ("digests/s", f"{rate:,.1f}"),
        (
            "scheduler jobs (times × zones in use)",
            f"{len(per_job):,}, {min(sizes):,}–{max(sizes):,} chats each",
        ),
        (
            "per job p50 / p95 / max (ms)",
            f"{percentile(job_ms, 0.5):,.0f} / {percentile(job_ms, 0.95):,.0f} / "
            f"{max(job_ms):,.0f}",
        ),
        ("per digest, mean (ms)", f"{elapsed / n * 1000:,.1f}"),
        (f"projected for {TARGET_N:,} (target ≤ {TARGET_SECONDS:.0f} s)", f"{projected:,.0f} s"),
        ("peak RSS (MB)", f"{peak:,.0f}"),
        (
            "exactly once (1 delivery row each, 1 send per sent)",
            "ok" if not problems else f"[red]{len(problems)} problems[/]",
        ),
        (
            "second catch_up: nothing sent again",
            "ok (all taken)" if repeat_ok else f"[red]no: {dict(second)}[/]",
        ),
    ]
    for name, value in figures:
        table.add_row(name, value)
    console.print(table)
    for problem in problems[:10]:
        console.print(f"[red]{problem}[/]")

    phases = Table(title="Where the time goes (sum over all digests)")
    for column in ("phase", "seconds", "share", "ms/digest"):
        phases.add_column(column, justify="left" if column == "phase" else "right")
    s = split.seconds
    inside = s["material"] + s["build"] + s["reply"]
    database = sum(s[f"db {name}"] for _, name in DB_CALLS)
    shown = {
        "database: subscriptions, claims, state changes": database,
        "compose: digest_articles + material (SQL rows + facts JSON)": s["material"],
        "compose: StoryDigests.digest (keywords, story_news, rank)": s["build"],
        "compose: digest_reply + the rest": s["reply"] + s["compose"] - inside,
        "render (render_telegram / render_slack)": s["render"],
        "the rest (scheduling, due times, gathering sends)": elapsed
        - database
        - s["compose"]
        - s["render"],
    }
    for name, seconds in shown.items():
        phases.add_row(
            name, f"{seconds:,.2f}", f"{seconds / elapsed:.0%}", f"{seconds / n * 1000:,.1f}"
        )
    console.print(phases)
    calls = sorted((name for _, name in DB_CALLS), key=lambda name: -s[f"db {name}"])
    console.print(
        "database, by call: "
        + ", ".join(f"{name} {s[f'db {name}']:.1f} s" for name in calls if s[f"db {name}"] >= 0.05)
    )

    group_ids = {s.chat_id for s in outbox.sent if s.chat_id.startswith("-100")}
    console.print(paced_plan(outbox, group_ids, args.slack_rate))
    console.print(
        "The send is paced, not a burst: python-telegram-bot's AIORateLimiter (bot/telegram.py)"
        " holds Telegram to 30/s overall and 20/min per group; Slack sends rely on slack_sdk's"
        " retry after a 429. Building is separate from sending: digests can be built ahead of"
        " the send queue."
    )

    if args.profile or projected > TARGET_SECONDS:
        console.print(
            f"[yellow]{TARGET_N:,} digests one by one would take ~{projected:,.0f} s "
            f"(> {TARGET_SECONDS:.0f} s).[/] The run shares each window's material, story news "
            "and whole digests (handlers.digest_reply.Composer); the profile below composes single "
            "digests alone, without that sharing."
        )
        console.print(
            await profile_sample(sessions, settings, digests, made.ids, win.now, args.sample)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="JSONL with text and cluster (e.g. ECB+)")
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsbot-fanout.db"))
    parser.add_argument("--total", type=int, default=100_000, help="articles in the store")
    parser.add_argument("--subscriptions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--slack-rate",
        type=float,
        default=1.0,
        help="assumed workspace-wide chat.postMessage budget (messages/s); Slack publishes none",
    )
    parser.add_argument(
        "--scratch",
        action="store_true",
        help="work on a copy of --db (leaves a shared store, even its schema, untouched)",
    )
    parser.add_argument("--scratch-dir", type=Path, default=None, help="where the copy goes")
    parser.add_argument(
        "--one-window",
        action="store_true",
        help="keep a store built in one go as it is: one day's window holds all of it",
    )
    parser.add_argument("--profile", action="store_true", help="profile even when fast enough")
    parser.add_argument("--sample", type=int, default=5, help="digests to profile")
    args = parser.parse_args()
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
