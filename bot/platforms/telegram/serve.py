"""Running the application: long polling or our webhook, until the stop event."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from aiohttp import web

from bot.config import TelegramSettings
from bot.platforms.telegram.ptb_types import TelegramApp
from bot.platforms.telegram.webhook import check_secret, serve_webhook


async def run_telegram(
    app: TelegramApp,
    settings: TelegramSettings,
    secret: str | None,
    stop: asyncio.Event,
    *,
    poll_timeout: float = 10.0,
) -> None:
    """Answer until ``stop`` is set, then stop fetching, let replies in flight finish, and
    shut down. Long polling, or a webhook server when ``settings.webhook_url`` is set."""
    updater = app.updater
    if updater is None:
        raise ValueError("the Telegram application has no updater")
    async with app:
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()
        webhook: web.AppRunner | None = None
        try:
            if settings.webhook_url:
                webhook = await serve_webhook(app, settings, check_secret(secret))
            else:
                await updater.start_polling(timeout=timedelta(seconds=poll_timeout))
            await stop.wait()
        finally:
            if webhook is not None:
                await webhook.cleanup()
            if updater.running:
                await updater.stop()
            await app.stop()
