"""The console chat: one line in, one reply out, drawn with rich."""

from __future__ import annotations

import asyncio
import stat
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from bot.pictures import save_picture
from bot.readers import shown_path
from bot.render import rich
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
    attached = with_local_file(command)
    return attached if isinstance(attached, Reply) else await dispatch(attached, context)


def with_local_file(command: Command) -> Command | Reply:
    """A command that takes a file (``/sources import PATH``) with the file at PATH attached,
    as a chat attaches one; a Reply when it cannot be read. Other commands are left alone."""
    given = command.args.split(None, 1)[1:]
    if not takes_file(command) or not given:
        return command
    path = Path(given[0]).expanduser()
    try:
        status = path.stat()
        # a pipe or a device would block the read or never end it
        if not stat.S_ISREG(status.st_mode):
            return Reply.error(f"{shown_path(path)} is not a file.")
        with path.open("rb") as stream:
            data = stream.read(MAX_ATTACHMENT_BYTES + 1)
    except OSError as error:
        return Reply.error(f"{shown_path(path)} cannot be read: {error.strerror or error}.")
    name = shown_path(path.name)
    return replace(command, attachment=Attachment.received(name, data, status.st_size))


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
