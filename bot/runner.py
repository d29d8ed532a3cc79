"""`newsbot run`: the front ends and the scheduler on one asyncio loop, stopped on a signal.

A front end is on when its token variable is set in the environment (names in
``config.example.toml``). With none set the bot is the console chat, and digests for the
console's chat are printed there.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import AsyncIterator, Callable, Coroutine, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from rich.console import Console

from bot.app import App, ingest_url
from bot.config import Settings
from bot.console import chat, show
from bot.fetch import Fetcher, http_client
from bot.logs import protect_logs
from bot.pictures import pictures_dir
from bot.render_cache import RenderCache
from bot.render_slack import render_slack
from bot.render_telegram import render_messages
from bot.schedule import (
    BotScheduler,
    Clock,
    Digests,
    Notify,
    Polls,
    Sender,
    utc_now,
    worker_id,
)
from bot.slack import build_slack, notice, post_reply, run_slack
from bot.telegram import build_telegram, run_telegram, send_messages
from handlers.format import mask_url
from handlers.reply import Reply
from storage.sources import add_source, list_sources
from storage.subscriptions import SubscriptionInfo

log = logging.getLogger(__name__)


class FrontEndFailed(RuntimeError):
    """A chat front end stopped with an error (a rejected token, a port in use)."""


def secrets_in(settings: Settings, env: Mapping[str, str]) -> list[str]:
    """The values of the secret variables the settings name, as set in ``env``."""
    names = (
        settings.telegram.token_env,
        settings.telegram.webhook_secret_env,
        settings.slack.bot_token_env,
        settings.slack.signing_secret_env,
        settings.slack.app_token_env,
    )
    return [env[name] for name in names if env.get(name)]


@dataclass
class FrontEnd:
    """A running chat platform: its loop, how a digest reaches a chat, how admins are told."""

    name: str
    run: Callable[[], Coroutine[Any, Any, None]]
    send: Sender
    notify: Notify


def _telegram(
    settings: Settings, app: App, stop: asyncio.Event, token: str, env: Mapping[str, str]
) -> FrontEnd:
    # python-telegram-bot's opt-in to its next API (timedelta durations); without it
    # every RetryAfter it handles also raises a deprecation warning.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    secret = env.get(settings.telegram.webhook_secret_env) or None
    telegram = build_telegram(settings.telegram, token, app.context, secret=secret)
    render = RenderCache(render_messages)

    async def send(subscription: SubscriptionInfo, reply: Reply) -> str:
        sent = await send_messages(telegram.bot, int(subscription.chat_id), render(reply))
        return str(sent[0].message_id)

    async def notify(text: str) -> None:
        for admin in settings.telegram.admins:
            await telegram.bot.send_message(int(admin), text)

    def run() -> Coroutine[Any, Any, None]:
        return run_telegram(telegram, settings.telegram, secret, stop)

    return FrontEnd("telegram", run, send, notify)


def _slack(
    settings: Settings, app: App, stop: asyncio.Event, token: str, env: Mapping[str, str]
) -> FrontEnd:
    signing_secret = env.get(settings.slack.signing_secret_env) or None
    slack = build_slack(settings.slack, token, signing_secret, app.context)
    app_token = env.get(settings.slack.app_token_env) or None
    render = RenderCache(render_slack)

    async def send(subscription: SubscriptionInfo, reply: Reply) -> str:
        return await post_reply(slack.client, subscription.chat_id, reply, render=render)

    async def notify(text: str) -> None:
        for admin in settings.slack.admins:
            await post_reply(slack.client, admin, notice(text))

    def run() -> Coroutine[Any, Any, None]:
        return run_slack(slack, settings.slack, app_token, stop)

    return FrontEnd("slack", run, send, notify)


def front_ends(
    settings: Settings, app: App, stop: asyncio.Event, env: Mapping[str, str]
) -> list[FrontEnd]:
    """The front ends the environment's tokens turn on, ready to run."""
    running = []
    if token := env.get(settings.telegram.token_env):
        running.append(_telegram(settings, app, stop, token, env))
    if token := env.get(settings.slack.bot_token_env):
        running.append(_slack(settings, app, stop, token, env))
    return running


def console_front_end(app: App, console: Console, stop: asyncio.Event) -> FrontEnd:
    pictures = pictures_dir(app.settings)

    async def send(subscription: SubscriptionInfo, reply: Reply) -> str:
        show(console, reply, pictures)
        return f"console-{subscription.id}"

    async def notify(text: str) -> None:
        console.print(f"[yellow]{text}[/]")

    async def run() -> None:
        await chat(app.context, console, pictures)
        stop.set()

    return FrontEnd("console", run, send, notify)


@asynccontextmanager
async def scheduled(
    app: App, ends: list[FrontEnd], now: Clock = utc_now
) -> AsyncIterator[BotScheduler]:
    """Digests and source polls for the platforms that run, for as long as they run."""
    settings = app.settings

    async def notify(text: str) -> None:
        log.warning("%s", text)
        for end in ends:
            try:
                await end.notify(text)
            except Exception:
                log.exception("could not tell the %s admins", end.name)

    async with http_client(settings.fetch) as client:
        fetcher = Fetcher(client, settings.fetch)

        async def poll(source_id: int, url: str) -> None:
            report = await ingest_url(app, fetcher, url)
            log.info("polled source %d (%s): %s", source_id, mask_url(url), report.summary())
            await app.facts.run()

        senders = {end.name: end.send for end in ends}
        digests = Digests(
            app.sessions, settings.digest, senders, worker_id(), now, language=settings.language
        )
        polls = Polls(app.sessions, settings.poll, poll, notify, now)
        scheduler = BotScheduler(
            AsyncIOScheduler(), app.sessions, digests, polls, settings.digest, now
        )
        await add_configured_sources(app)
        await scheduler.start()
        # facts that a crash or a stop left pending are found while the chats are answered
        pending = asyncio.create_task(_find_pending_facts(app), name="pending facts")
        try:
            yield scheduler
        finally:
            pending.cancel()
            await scheduler.stop()


async def _find_pending_facts(app: App) -> None:
    try:
        found = await app.facts.run()
    except Exception:
        log.exception("could not find the pending facts; the next poll tries again")
        return
    if found:
        log.info("found the facts of %d articles left pending", found)


async def add_configured_sources(app: App) -> None:
    """Sources listed in config join those added in chat; a paused one stays paused."""
    async with app.sessions() as session, session.begin():
        known = {source.url for source in await list_sources(session)}
        for url in app.settings.poll.sources:
            if url not in known:
                await add_source(session, url)


def _stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)


async def serve(app: App, env: Mapping[str, str] | None = None) -> None:
    """Run until SIGINT/SIGTERM (or the console chat ends)."""
    stop = asyncio.Event()
    halt = asyncio.Event()
    env = os.environ if env is None else env
    protect_logs(secrets_in(app.settings, env))
    ends = front_ends(app.settings, app, halt, env)
    if ends:
        _stop_on_signals(stop)
        log.warning("newsbot running: %s (Ctrl-C stops)", ", ".join(e.name for e in ends))
    else:
        ends = [console_front_end(app, Console(), stop)]
    async with scheduled(app, ends) as scheduler:
        await run_front_ends(ends, scheduler, stop, halt)


async def run_front_ends(
    ends: Sequence[FrontEnd], scheduler: BotScheduler, stop: asyncio.Event, halt: asyncio.Event
) -> None:
    """Run the front ends until ``stop`` is set or one of them ends, then stop the scheduler
    before the front ends (``halt``): a digest being sent reaches a platform that still
    answers and is recorded, and the claims not yet sending are given back.
    """
    tasks = [asyncio.create_task(end.run(), name=end.name) for end in ends]
    stopped = asyncio.create_task(stop.wait(), name="stop")
    await asyncio.wait([*tasks, stopped], return_when=asyncio.FIRST_COMPLETED)
    stopped.cancel()
    await scheduler.stop()
    halt.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for task, result in zip(tasks, results, strict=True):
        if isinstance(result, Exception):
            raise FrontEndFailed(f"the {task.get_name()} front end failed: {result}") from result
        if isinstance(result, BaseException):
            raise result
