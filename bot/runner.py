"""`newsbot run`: every configured front end on one asyncio loop, stopped cleanly on a signal.

A front end is on when its token variable is set in the environment (names in
``config.example.toml``). With none set the bot is the console chat.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Coroutine, Mapping
from typing import Any

from rich.console import Console

from bot.app import App
from bot.config import Settings
from bot.console import chat
from bot.slack import build_slack, run_slack
from bot.telegram import build_telegram, run_telegram

log = logging.getLogger(__name__)


def front_ends(
    settings: Settings, app: App, stop: asyncio.Event, env: Mapping[str, str]
) -> dict[str, Coroutine[Any, Any, None]]:
    """The front ends the environment's tokens turn on, ready to run."""
    running: dict[str, Coroutine[Any, Any, None]] = {}
    telegram_token = env.get(settings.telegram.token_env)
    if telegram_token:
        # python-telegram-bot's opt-in to its next API (timedelta durations); without it
        # every RetryAfter it handles also raises a deprecation warning.
        os.environ.setdefault("PTB_TIMEDELTA", "1")
        secret = env.get(settings.telegram.webhook_secret_env) or None
        telegram = build_telegram(settings.telegram, telegram_token, app.context, secret=secret)
        running["telegram"] = run_telegram(telegram, settings.telegram, secret, stop)
    slack_token = env.get(settings.slack.bot_token_env)
    if slack_token:
        signing_secret = env.get(settings.slack.signing_secret_env) or None
        slack = build_slack(settings.slack, slack_token, signing_secret, app.context)
        app_token = env.get(settings.slack.app_token_env) or None
        running["slack"] = run_slack(slack, settings.slack, app_token, stop)
    return running


def _stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)


async def serve(app: App, env: Mapping[str, str] | None = None) -> None:
    """Run until SIGINT/SIGTERM: the chat front ends, or the console when none is on."""
    stop = asyncio.Event()
    running = front_ends(app.settings, app, stop, os.environ if env is None else env)
    if not running:
        await chat(app.context, Console())
        return
    _stop_on_signals(stop)
    log.warning("newsbot running: %s (Ctrl-C stops)", ", ".join(running))
    tasks = [asyncio.create_task(job, name=name) for name, job in running.items()]
    await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    stop.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for task, result in zip(tasks, results, strict=True):
        if isinstance(result, BaseException):
            log.error("%s front end failed: %s", task.get_name(), result)
            raise result
