"""Answering Telegram's updates: commands (as text or a file's caption), choice buttons,
repeated deliveries and failures."""

from __future__ import annotations

import logging
from dataclasses import replace

from telegram import CallbackQuery, Chat, Document, Message, Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ExtBot

from bot.config import TelegramSettings
from bot.platforms.gate import Gate, RecentIds
from bot.platforms.telegram.ptb_types import TelegramContext
from bot.platforms.telegram.render import (
    ChoiceKeys,
    Messages,
    choice_keyboard,
    render_messages,
    render_telegram,
)
from bot.platforms.telegram.send import NO_PREVIEW, send_messages
from handlers.command import (
    MAX_ATTACHMENT_BYTES,
    Attachment,
    Caller,
    ChatKind,
    Command,
    parse_command,
)
from handlers.context import Context
from handlers.dispatch import dispatch, takes_file
from handlers.reply import Reply
from handlers.source_import import SERVER_COMMAND

log = logging.getLogger(__name__)

REFUSAL = "Sorry, this bot is not enabled for this chat."
EXPIRED = "That choice has expired; please ask again."
#: update ids remembered for deduplication; redeliveries come within minutes, not thousands
SEEN_UPDATES = 4096
_CHAT_KINDS: dict[str, ChatKind] = {
    ChatType.PRIVATE: ChatKind.PRIVATE,
    ChatType.GROUP: ChatKind.GROUP,
    ChatType.SUPERGROUP: ChatKind.GROUP,
    ChatType.CHANNEL: ChatKind.CHANNEL,
}


class Listeners:
    """The callbacks, sharing the gate, the handlers' context and the choice keys."""

    def __init__(self, settings: TelegramSettings, context: Context) -> None:
        self.gate = Gate(settings.allowed_chats, settings.admins)
        self.context = context
        self.keys = ChoiceKeys()
        self.seen = RecentIds(SEEN_UPDATES)

    def allowed(self, chat_id: int) -> bool:
        return self.gate.allows(str(chat_id))

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
            is_admin=self.gate.is_admin(user),
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
        return replace(command, attachment=Attachment.received(name, data))

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
                link_preview_options=NO_PREVIEW,
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
