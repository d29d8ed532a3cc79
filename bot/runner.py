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
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from rich.console import Console

from bot.app import App, ingest_url
from bot.config import Settings
from bot.fetch import Fetcher, http_client
from bot.logs import protect_logs
from bot.pictures import pictures_dir
from bot.platforms.console.platform import ConsolePlatform
from bot.platforms.platform import Platform
from bot.platforms.slack.platform import slack_platform
from bot.platforms.telegram.platform import telegram_platform
from bot.schedule import BotScheduler, Clock, Digests, Polls, utc_now, worker_id
from handlers.format import mask_url
from storage.sources import add_source, list_sources

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


def front_ends(
    settings: Settings, app: App, stop: asyncio.Event, env: Mapping[str, str]
) -> list[Platform]:
    """The chat platforms the environment's tokens turn on, ready to run."""
    found = (
        telegram_platform(settings.telegram, app.context, stop, env),
        slack_platform(settings.slack, app.context, stop, env),
    )
    return [platform for platform in found if platform is not None]


def console_front_end(app: App, console: Console, stop: asyncio.Event) -> Platform:
    """The console chat, the bot when no platform's token is set; leaving it sets ``stop``."""
    return ConsolePlatform(app.context, console, pictures_dir(app.settings), stop)


@asynccontextmanager
async def scheduled(
    app: App, ends: Sequence[Platform], now: Clock = utc_now
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
    ends: Sequence[Platform], scheduler: BotScheduler, stop: asyncio.Event, halt: asyncio.Event
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
