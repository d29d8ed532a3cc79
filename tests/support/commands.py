"""Asking the app a command as a chat would, and reading the reply as text."""

from __future__ import annotations

from bot.app import App
from handlers.command import Command
from handlers.dispatch import dispatch
from handlers.reply import Reply


async def ask(app: App, name: str, args: str = "") -> Reply:
    return await dispatch(Command(name, args), app.context)


def text_of(reply: Reply) -> str:
    lines = [line.text for section in reply.sections for line in section.lines]
    return "\n".join([reply.title, *lines, reply.footer or ""])
