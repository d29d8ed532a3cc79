"""Which front ends the environment turns on, missing secrets, and the order of a stop."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from rich.console import Console
from sqlalchemy import update

from bot.app import App, seed_if_empty
from bot.config import ConfigError
from bot.readers import InputDefaults, iter_paths
from bot.runner import (
    add_configured_sources,
    console_front_end,
    front_ends,
    run_front_ends,
    scheduled,
)
from bot.schedule import SWEEP_JOB, Notify, Sender
from handlers.reply import Reply
from storage import deliveries, due_times
from storage.deliveries import State
from storage.models import Article
from storage.queries import surname_keys
from storage.sources import list_sources
from storage.subscriptions import SubscriptionInfo, upsert_subscription
from tests.support.deliveries import delivery_of


@dataclass
class FrontEnd:
    """A platform given by its functions: the test scripts its loop and its sender."""

    name: str
    run: Callable[[], Coroutine[Any, Any, None]]
    send: Sender
    notify: Notify


async def _names(app: App, env: dict[str, str]) -> list[str]:
    running = front_ends(app.settings, app, asyncio.Event(), env)
    return sorted(end.name for end in running)


async def test_no_tokens_no_front_ends(app: App) -> None:
    assert await _names(app, {}) == []


async def test_tokens_turn_front_ends_on(app: App) -> None:
    env = {
        "NEWSBOT_TELEGRAM_TOKEN": "123:abc",
        "NEWSBOT_SLACK_BOT_TOKEN": "xoxb-1",
        "NEWSBOT_SLACK_SIGNING_SECRET": "s3cret",
    }
    assert await _names(app, env) == ["slack", "telegram"]


async def test_slack_http_mode_needs_its_signing_secret(app: App) -> None:
    with pytest.raises(ConfigError, match="NEWSBOT_SLACK_SIGNING_SECRET"):
        await _names(app, {"NEWSBOT_SLACK_BOT_TOKEN": "xoxb-1"})


async def test_a_missed_console_digest_is_printed_at_start(app: App) -> None:
    """The runner's wiring: scheduler, console sender, catch-up within the grace period."""
    await seed_if_empty(app)
    started = datetime.now(UTC)
    async with app.sessions() as session, session.begin():
        await upsert_subscription(
            session,
            "console",
            "console",
            local_time=(started + timedelta(hours=1)).strftime("%H:%M"),
            timezone="UTC",
            keywords=(),
            now=started - timedelta(days=2),
        )
    out = io.StringIO()
    console = Console(file=out, width=120, color_system=None)
    ends = [console_front_end(app, console, asyncio.Event())]
    later = started + timedelta(hours=2, minutes=1)
    async with scheduled(app, ends, now=lambda: later) as scheduler:
        assert scheduler.scheduler.running
    assert "Kalesnikava" in out.getvalue() or "Lukashenko" in out.getvalue()


async def test_configured_sources_are_added_once(app: App) -> None:
    configured = replace(
        app.settings, poll=replace(app.settings.poll, sources=("https://news.example/rss",))
    )
    app = replace(app, settings=configured)
    await add_configured_sources(app)
    await add_configured_sources(app)
    async with app.sessions() as session:
        assert [s.url for s in await list_sources(session)] == ["https://news.example/rss"]


async def test_facts_left_pending_are_found_at_start(app: App) -> None:
    """A bot stopped between storing articles and finding their facts finds them at start."""
    await app.ingestor.ingest(iter_paths([str(app.settings.seeds_dir)], InputDefaults()))
    assert await app.facts.pending() == 5
    ends = [console_front_end(app, Console(file=io.StringIO()), asyncio.Event())]
    async with scheduled(app, ends):
        for _ in range(600):  # the pass runs beside the chats: look until it is done
            if not await app.facts.pending():
                break
            await asyncio.sleep(0.05)
    assert await app.facts.pending() == 0
    async with app.sessions() as session:
        assert await surname_keys(session)


async def test_a_stop_lets_a_digest_with_the_platform_arrive_before_the_front_ends_close(
    app: App,
) -> None:
    await seed_if_empty(app)
    started = datetime.now(UTC).replace(second=0, microsecond=0)
    at = started - timedelta(hours=1)
    async with app.sessions() as session, session.begin():
        await session.execute(update(Article).values(ingested_at=at - timedelta(hours=1)))
        await upsert_subscription(
            session,
            "console",
            "c1",
            local_time=at.strftime("%H:%M"),
            timezone="UTC",
            keywords=(),
            now=started - timedelta(days=2),
        )
    lease = timedelta(minutes=app.settings.digest.claim_lease_minutes)
    due = due_times.Due(at.date().isoformat(), at)
    assert await deliveries.claim_deliveries(app.sessions, {1: due}, "killed", at, lease)
    clock = [at + timedelta(minutes=2)]  # restarted within the lease: the sweep sends it
    stop, halt = asyncio.Event(), asyncio.Event()
    calling, answer = asyncio.Event(), asyncio.Event()
    delivered: list[str] = []

    async def run() -> None:
        await halt.wait()

    async def send(subscription: SubscriptionInfo, reply: Reply) -> str:
        calling.set()
        await answer.wait()
        if halt.is_set():
            raise ConnectionError("the front end is closed")
        delivered.append(subscription.chat_id)
        return "m1"

    async def notify(text: str) -> None:
        raise AssertionError(text)

    ends = [FrontEnd("console", run, send, notify)]
    async with scheduled(app, ends, now=lambda: clock[0]) as scheduler:
        running = asyncio.create_task(run_front_ends(ends, scheduler, stop, halt))
        clock[0] = at + lease + timedelta(minutes=1)
        scheduler.scheduler.modify_job(SWEEP_JOB, next_run_time=datetime.now(UTC))
        await asyncio.wait_for(calling.wait(), 5)
        stop.set()  # SIGTERM while the digest is with the platform
        for _ in range(5):
            await asyncio.sleep(0)
        assert not halt.is_set()
        answer.set()
        await asyncio.wait_for(running, 5)
    assert halt.is_set()
    assert delivered == ["c1"]
    async with app.sessions() as session:
        row = await delivery_of(session, 1, due.period)
    assert (row.state, row.message_id) == (State.SENT, "m1")
