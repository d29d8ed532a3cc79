"""Telegram as the runner drives it: on when its token is set in the environment."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping

from bot.config import TelegramSettings
from bot.platforms.gate import Gate
from bot.platforms.render_cache import RenderCache
from bot.platforms.telegram.app import build_telegram
from bot.platforms.telegram.render import render_messages
from bot.platforms.telegram.send import send_messages
from bot.platforms.telegram.serve import run_telegram
from handlers.context import Context
from handlers.reply import Reply
from storage.subscriptions import SubscriptionInfo


class TelegramPlatform:
    """The PTB application for one bot token, answering until ``stop`` is set."""

    name = "telegram"

    def __init__(
        self,
        settings: TelegramSettings,
        context: Context,
        stop: asyncio.Event,
        token: str,
        secret: str | None,
    ) -> None:
        # python-telegram-bot's opt-in to its next API (timedelta durations); without it
        # every RetryAfter it handles also raises a deprecation warning.
        os.environ.setdefault("PTB_TIMEDELTA", "1")
        self.settings = settings
        self.secret = secret
        self.stop = stop
        self.app = build_telegram(settings, token, context, secret=secret)
        self.gate = Gate(settings.allowed_chats, settings.admins)
        self.render = RenderCache(render_messages)

    async def run(self) -> None:
        await run_telegram(self.app, self.settings, self.secret, self.stop)

    async def send(self, subscription: SubscriptionInfo, reply: Reply) -> str:
        sent = await send_messages(self.app.bot, int(subscription.chat_id), self.render(reply))
        return str(sent[0].message_id)

    async def notify(self, text: str) -> None:
        for admin in self.gate.admins:
            await self.app.bot.send_message(int(admin), text)


def telegram_platform(
    settings: TelegramSettings, context: Context, stop: asyncio.Event, env: Mapping[str, str]
) -> TelegramPlatform | None:
    """Telegram when ``env`` sets its token (and, for a webhook, its secret), else None."""
    token = env.get(settings.token_env)
    if not token:
        return None
    secret = env.get(settings.webhook_secret_env) or None
    return TelegramPlatform(settings, context, stop, token, secret)
