"""Posting a rendered reply: its text parts in order, then its picture."""

from __future__ import annotations

from typing import Any

from telegram import (
    Bot,
    InlineKeyboardMarkup,
    InputFile,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
)
from telegram.constants import ParseMode

from bot.platforms.telegram.render import Messages

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


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
            await bot.send_message(chat_id, text, link_preview_options=NO_PREVIEW, **extras(index))
        )
    if out.photo is not None:
        photo = InputFile(out.photo.png, filename=out.photo.filename)
        sent.append(await bot.send_photo(chat_id, photo, caption=out.caption, **extras(len(sent))))
    return sent
