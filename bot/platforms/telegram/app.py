"""The PTB application: a handler for every command, the choices, dedupe and error logging."""

from __future__ import annotations

from telegram import BotCommand, Update
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.config import TelegramSettings
from bot.platforms.telegram.listeners import Listeners
from bot.platforms.telegram.ptb_types import TelegramApp
from bot.platforms.telegram.webhook import check_secret
from handlers.command_table import COMMANDS, LISTED
from handlers.context import Context

#: a 429 is waited out and the request sent again, up to this many times
MAX_RETRIES = 5


def build_telegram(
    settings: TelegramSettings,
    token: str,
    context: Context,
    *,
    secret: str | None,
    request: BaseRequest | None = None,
) -> TelegramApp:
    """The PTB Application: handlers for every command, choices, dedupe and error logging.

    ``secret`` is the webhook secret; webhook mode (``settings.webhook_url``) needs one.
    ``request`` replaces PTB's HTTP client (httpx) for every call to the Bot API.
    """
    if settings.webhook_url:
        check_secret(secret)
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.base_url)
        .base_file_url(settings.base_file_url)
        .rate_limiter(AIORateLimiter(max_retries=MAX_RETRIES))
        .concurrent_updates(True)
        .job_queue(None)
        .post_init(_publish_commands)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app = builder.build()
    front = Listeners(settings, context)
    app.add_handler(TypeHandler(Update, front.drop_repeats), group=-1)
    app.add_handler(
        CommandHandler(list(COMMANDS), front.on_command, filters=filters.UpdateType.MESSAGE)
    )
    # a command written as the caption of a file (/sources import with an OPML file)
    app.add_handler(
        MessageHandler(
            filters.UpdateType.MESSAGE
            & filters.Document.ALL
            & filters.CaptionRegex(rf"^/(?:{'|'.join(COMMANDS)})(?:@\w+)?(?:\s|$)"),
            front.on_command,
        )
    )
    app.add_handler(CallbackQueryHandler(front.on_choice))
    app.add_error_handler(front.on_error)
    return app


def bot_commands() -> list[BotCommand]:
    """The menu Telegram shows: each command with the description from /help."""
    return [BotCommand(spec.name, spec.description[:256]) for spec in LISTED]


async def _publish_commands(app: TelegramApp) -> None:
    await app.bot.set_my_commands(bot_commands())
