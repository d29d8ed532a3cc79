"""The console chat: the same commands as Telegram and Slack, drawn with rich."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from bot.pictures import save_picture
from bot.render import rich
from handlers.command import Caller, ChatKind, parse_command
from handlers.context import Context
from handlers.dispatch import dispatch
from handlers.reply import Choice, Reply

#: the person at the terminal runs the bot, so they are its admin
CONSOLE_CALLER = Caller(
    platform="console",
    chat_id="console",
    user_id="console",
    is_admin=True,
    chat_kind=ChatKind.PRIVATE,
)
QUIT = frozenset({"quit", "exit", "/quit", "/exit", ":q"})

ReadLine = Callable[[str], Awaitable[str]]


async def _read_terminal(console: Console, prompt: str) -> str:
    return await asyncio.to_thread(console.input, prompt)


async def answer(line: str, context: Context, choices: tuple[Choice, ...] = ()) -> Reply:
    """One turn: a command, or the number of a choice the last reply offered."""
    text = line.strip()
    if text.isdigit() and 1 <= int(text) <= len(choices):
        text = choices[int(text) - 1].command
    command = parse_command(text, CONSOLE_CALLER)
    if command is None:
        return Reply.error("Commands start with a slash.", "Try /help, or /stories.")
    return await dispatch(command, context)


async def chat(
    context: Context, console: Console, pictures: Path, read_line: ReadLine | None = None
) -> None:
    """Answer commands until end of input or ``quit``; a reply's picture is written to a
    file in ``pictures`` and its path shown under the reply."""
    read = read_line or (lambda prompt: _read_terminal(console, prompt))
    console.print("[bold]newsbot[/] console — /help lists the commands, quit leaves.")
    choices: tuple[Choice, ...] = ()
    while True:
        try:
            line = await read("[bold cyan]›[/] ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            return
        if line.strip().lower() in QUIT:
            return
        if not line.strip():
            continue
        reply = await answer(line, context, choices)
        choices = reply.choices
        show(console, reply, pictures)


def show(console: Console, reply: Reply, pictures: Path) -> None:
    """The reply as a panel, and its picture's file."""
    console.print(rich(reply))
    if reply.picture is not None:
        path = save_picture(reply.picture, pictures / reply.picture.filename)
        console.print(f"[bold]Picture:[/] {escape(str(path))}", highlight=False)
