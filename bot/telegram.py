"""The Telegram front end: parse, dispatch, render, send. All the answering is in handlers/.

Chats outside ``allowed_chats`` (when it is set) get one polite sentence for each command
addressed to the bot and nothing else; plain messages are never answered anywhere. A command
may come as a file's caption, or answer a message with a file: a command that takes a file
(``/sources import``) gets it downloaded (``getFile``), up to ``MAX_ATTACHMENT_BYTES``.
Webhook mode needs a secret: our webhook endpoint answers 403 to a request without the
``X-Telegram-Bot-Api-Secret-Token`` header or with a wrong one, compared in constant time.
PTB does not deduplicate updates, so a handler in group -1 drops an ``update_id`` seen
recently (Telegram redelivers an update whose webhook call it thinks failed).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
from collections import OrderedDict
from dataclasses import replace
from datetime import timedelta
from typing import Any, TypeAlias
from urllib.parse import urlsplit

from aiohttp import web
from telegram import (
    Bot,
    BotCommand,
    CallbackQuery,
    Chat,
    Document,
    InlineKeyboardMarkup,
    InputFile,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ExtBot,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.config import TelegramSettings
from bot.render_telegram import (
    ChoiceKeys,
    Messages,
    choice_keyboard,
    render_messages,
    render_telegram,
)
from handlers.command import (
    MAX_ATTACHMENT_BYTES,
    Attachment,
    Caller,
    ChatKind,
    Command,
    parse_command,
)
from handlers.command_table import COMMANDS, LISTED
from handlers.context import Context
from handlers.dispatch import dispatch, takes_file
from handlers.reply import Reply
from handlers.source_import import SERVER_COMMAND

log = logging.getLogger(__name__)

TelegramContext: TypeAlias = CallbackContext[
    ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]
]
TelegramApp: TypeAlias = Application[
    ExtBot[int], TelegramContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], None
]

REFUSAL = "Sorry, this bot is not enabled for this chat."
EXPIRED = "That choice has expired; please ask again."
#: a 429 is waited out and the request sent again, up to this many times
MAX_RETRIES = 5
#: update ids remembered for deduplication; redeliveries come within minutes, not thousands
SEEN_UPDATES = 4096
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
#: Telegram's updates are small; a larger body is not one
MAX_UPDATE_BYTES = 1 << 20
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
_CHAT_KINDS: dict[str, ChatKind] = {
    ChatType.PRIVATE: ChatKind.PRIVATE,
    ChatType.GROUP: ChatKind.GROUP,
    ChatType.SUPERGROUP: ChatKind.GROUP,
    ChatType.CHANNEL: ChatKind.CHANNEL,
}


class SeenUpdates:
    """A bounded memory of update ids: the oldest is forgotten first."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._ids: OrderedDict[int, None] = OrderedDict()

    def first_time(self, update_id: int) -> bool:
        if update_id in self._ids:
            return False
        self._ids[update_id] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return True


class _Frontend:
    """The callbacks, sharing the settings, the handlers' context and the choice keys."""

    def __init__(self, settings: TelegramSettings, context: Context) -> None:
        self.settings = settings
        self.context = context
        self.keys = ChoiceKeys()
        self.seen = SeenUpdates(SEEN_UPDATES)

    def allowed(self, chat_id: int) -> bool:
        return not self.settings.allowed_chats or str(chat_id) in self.settings.allowed_chats

    def caller(
        self, bot: ExtBot[None], chat: Chat, user_id: int | None, *, as_chat: bool = False
    ) -> Caller:
        """``as_chat``: the message was sent in the chat's own name, which only its
        administrators can do (an anonymous group admin)."""
        user = "" if user_id is None else str(user_id)

        async def is_chat_admin() -> bool:
            if as_chat:
                return True
            if user_id is None:
                return False
            member = await bot.get_chat_member(chat.id, user_id)
            return member.status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)

        return Caller(
            "telegram",
            str(chat.id),
            user,
            is_admin=user in self.settings.admins,
            chat_kind=_CHAT_KINDS.get(chat.type, ChatKind.GROUP),
            is_chat_admin=is_chat_admin,
        )

    async def drop_repeats(self, update: Update, _: TelegramContext) -> None:
        if not self.seen.first_time(update.update_id):
            log.info("update %d delivered again; dropped", update.update_id)
            raise ApplicationHandlerStop

    async def on_command(self, update: Update, tg: TelegramContext) -> None:
        """A command as a message's text, or as the caption of a file sent with it."""
        message = update.message
        text = None if message is None else message.text or message.caption
        if message is None or text is None or not _addressed_to(text, tg.bot.username):
            return
        if not self.allowed(message.chat_id):
            await message.reply_text(REFUSAL)
            return
        user_id = message.from_user.id if message.from_user else None
        as_chat = message.sender_chat is not None and message.sender_chat.id == message.chat_id
        caller = self.caller(tg.bot, message.chat, user_id, as_chat=as_chat)
        command = parse_command(text, caller)
        if command is None:
            return
        attached = await self.with_file(message, command)
        reply = attached if isinstance(attached, Reply) else await dispatch(attached, self.context)
        await self.send(message, reply)

    async def with_file(self, message: Message, command: Command) -> Command | Reply:
        """The command with the file sent with it (or with the message it answers), when it
        takes one; a Reply when Telegram does not give the file."""
        reply_to = message.reply_to_message
        document = message.document or (reply_to.document if reply_to else None)
        if document is None or not takes_file(command):
            return command
        name = document.file_name or "file"
        announced = document.file_size or 0
        if announced > MAX_ATTACHMENT_BYTES:
            return replace(command, attachment=Attachment(name, b"", announced))
        try:
            data = await _download(document)
        except TelegramError as error:
            log.warning("telegram: could not download %s: %s", name, error)
            return Reply.error(
                f"Telegram did not give the file {name} ({error.message}).",
                f"On the bot's server: {SERVER_COMMAND}",
            )
        if len(data) > MAX_ATTACHMENT_BYTES:
            return replace(command, attachment=Attachment(name, b"", len(data)))
        return replace(command, attachment=Attachment.of(name, data))

    async def send(self, message: Message, reply: Reply) -> None:
        """Every part in order; the first quotes the command in groups, the last has buttons."""
        quote = message.message_id if message.chat.type != ChatType.PRIVATE else None
        await send_messages(
            message.get_bot(),
            message.chat_id,
            render_messages(reply),
            keyboard=choice_keyboard(reply, self.keys),
            quote=quote,
        )

    async def on_choice(self, update: Update, tg: TelegramContext) -> None:
        """A button was pressed: answer the query at once, then edit in the chosen reply."""
        query = update.callback_query
        chat = update.effective_chat
        if query is None or chat is None:
            return
        if not self.allowed(chat.id):
            await query.answer(REFUSAL)
            return
        text = self.keys.command_for(query.data or "")
        caller = self.caller(tg.bot, chat, query.from_user.id)
        command = parse_command(text, caller) if text else None
        if command is None:
            await query.answer(EXPIRED, show_alert=True)
            return
        await query.answer()
        reply = await dispatch(command, self.context)
        await self.show(query, tg, chat.id, reply)

    async def show(
        self, query: CallbackQuery, tg: TelegramContext, chat_id: int, reply: Reply
    ) -> None:
        """The first text part replaces the message that had the buttons; the rest, and the
        picture, follow it. A message's text cannot become a photo: a reply that is one photo
        replaces the question with its title."""
        out = render_messages(reply)
        keyboard = choice_keyboard(reply, self.keys)
        texts = out.texts or (render_telegram(replace(reply, sections=(), footer=None))[0],)
        first, rest = texts[0], Messages(texts[1:] if out.texts else (), out.photo, out.caption)
        if isinstance(query.message, Message):
            await query.edit_message_text(
                first,
                parse_mode=ParseMode.HTML,
                link_preview_options=_NO_PREVIEW,
                reply_markup=None if rest.texts or rest.photo else keyboard,
            )
        else:
            rest = out
        await send_messages(tg.bot, chat_id, rest, keyboard=keyboard)

    async def on_error(self, update: object, tg: TelegramContext) -> None:
        """Log and carry on: one failed update (a send that failed) never stops the bot."""
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("telegram update %s failed", update_id, exc_info=tg.error)


async def _download(document: Document) -> bytes:
    """The document's bytes, through the Bot API's getFile and its file URL."""
    file = await document.get_file()
    return bytes(await file.download_as_bytearray())


def _addressed_to(text: str, username: str) -> bool:
    """Whether a command is for this bot: ``/cmd`` or ``/cmd@this_bot``, not ``/cmd@other``
    (CommandHandler checks that for a text; a caption is checked here)."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    _, at, name = first.partition("@")
    return not at or name.lower() == username.lower()


async def send_messages(
    bot: Bot,
    chat_id: int,
    out: Messages,
    *,
    keyboard: InlineKeyboardMarkup | None = None,
    quote: int | None = None,
) -> list[Message]:
    """Send a rendered reply: its text parts in order, then its picture as a photo. The first
    message quotes message ``quote`` when given; the last carries the keyboard."""
    sent: list[Message] = []
    count = len(out.texts) + (out.photo is not None)

    def extras(index: int) -> dict[str, Any]:
        return {
            "parse_mode": ParseMode.HTML,
            "reply_parameters": ReplyParameters(quote) if quote and index == 0 else None,
            "reply_markup": keyboard if index == count - 1 else None,
        }

    for index, text in enumerate(out.texts):
        sent.append(
            await bot.send_message(chat_id, text, link_preview_options=_NO_PREVIEW, **extras(index))
        )
    if out.photo is not None:
        photo = InputFile(out.photo.png, filename=out.photo.filename)
        sent.append(await bot.send_photo(chat_id, photo, caption=out.caption, **extras(len(sent))))
    return sent


def build_telegram(
    settings: TelegramSettings, token: str, context: Context, *, secret: str | None
) -> TelegramApp:
    """The PTB Application: handlers for every command, choices, dedupe and error logging.

    ``secret`` is the webhook secret; webhook mode (``settings.webhook_url``) needs one.
    """
    if settings.webhook_url:
        _check_secret(secret)
    app = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.base_url)
        .base_file_url(settings.base_file_url)
        .rate_limiter(AIORateLimiter(max_retries=MAX_RETRIES))
        .concurrent_updates(True)
        .job_queue(None)
        .post_init(_publish_commands)
        .build()
    )
    front = _Frontend(settings, context)
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


def _check_secret(secret: str | None) -> str:
    if secret is None or not _SECRET.match(secret):
        raise ValueError(
            "webhook mode needs a secret of 1-256 characters A-Z, a-z, 0-9, _ or - "
            "(see telegram.webhook_secret_env)"
        )
    return secret


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
                webhook = await _serve_webhook(app, settings, _check_secret(secret))
            else:
                await updater.start_polling(timeout=timedelta(seconds=poll_timeout))
            await stop.wait()
        finally:
            if webhook is not None:
                await webhook.cleanup()
            if updater.running:
                await updater.stop()
            await app.stop()


async def _serve_webhook(
    app: TelegramApp, settings: TelegramSettings, secret: str
) -> web.AppRunner:
    """Our own webhook endpoint, so that the secret is compared in constant time.

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
