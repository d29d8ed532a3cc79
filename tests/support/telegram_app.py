"""The Telegram front end run against the local Bot API fake, and checking what it sent."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.app import App
from bot.config import TelegramSettings
from bot.platforms.telegram.app import build_telegram
from bot.platforms.telegram.ptb_types import TelegramApp
from bot.platforms.telegram.render import MESSAGE_LIMIT
from bot.platforms.telegram.serve import run_telegram
from tests.support.net import wait_listening
from tests.support.telegram_fake import (
    TOKEN,
    Call,
    FakeTelegram,
    check_telegram_html,
)

SECRET = "s3cret-token_for-tests"


@asynccontextmanager
async def running(
    app: App, fake: FakeTelegram, settings: TelegramSettings, secret: str | None = None
) -> AsyncIterator[TelegramApp]:
    """The bot answering (polling, or webhook when configured) for the test's duration."""
    telegram = build_telegram(settings, TOKEN, app.context, secret=secret)
    stop = asyncio.Event()
    task = asyncio.create_task(run_telegram(telegram, settings, secret, stop, poll_timeout=1))
    try:
        await fake.wait_for("setWebhook" if settings.webhook_url else "getUpdates")
        if settings.webhook_url:
            await wait_listening(settings.webhook_listen, settings.webhook_port)
        yield telegram
    finally:
        stop.set()
        await task


def assert_valid_html(call: Call) -> str:
    """The checks every message sent must pass; returns the text a reader sees."""
    assert call.params["parse_mode"] == "HTML"
    text = str(call.params["text"])
    assert len(text) <= MESSAGE_LIMIT
    return check_telegram_html(text)
