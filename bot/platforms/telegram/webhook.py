"""Our own webhook endpoint, so that the secret Telegram sends is compared in constant time."""

from __future__ import annotations

import hmac
import re
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update

from bot.config import TelegramSettings
from bot.platforms.telegram.ptb_types import TelegramApp

_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
#: Telegram's updates are small; a larger body is not one
MAX_UPDATE_BYTES = 1 << 20


def check_secret(secret: str | None) -> str:
    if secret is None or not _SECRET.match(secret):
        raise ValueError(
            "webhook mode needs a secret of 1-256 characters A-Z, a-z, 0-9, _ or - "
            "(see telegram.webhook_secret_env)"
        )
    return secret


async def serve_webhook(app: TelegramApp, settings: TelegramSettings, secret: str) -> web.AppRunner:
    """The endpoint, listening, and Telegram told of it.

    Updates go into the application's queue, the same way PTB's own webhook server feeds it.
    """
    expected = secret.encode()

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return web.Response(status=403)
        try:
            data = await request.json()
        except ValueError:
            return web.Response(status=400, text="not JSON")
        update = Update.de_json(data, app.bot)
        await app.update_queue.put(update)
        return web.Response()

    server = web.Application(client_max_size=MAX_UPDATE_BYTES)
    server.router.add_post(urlsplit(settings.webhook_url).path or "/", receive)
    runner = web.AppRunner(server, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, settings.webhook_listen, settings.webhook_port).start()
    await app.bot.set_webhook(
        url=settings.webhook_url, secret_token=secret, allowed_updates=Update.ALL_TYPES
    )
    return runner
