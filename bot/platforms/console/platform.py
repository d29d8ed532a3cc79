"""The console as the runner drives it: the bot when no chat platform's token is set, with
digests for the console's chat printed there."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.console import Console

from bot.platforms.console.chat import chat, show
from handlers.context import Context
from handlers.reply import Reply
from storage.subscriptions import SubscriptionInfo


class ConsolePlatform:
    """The chat at the terminal; when the person leaves, ``stop`` is set."""

    name = "console"

    def __init__(
        self, context: Context, console: Console, pictures: Path, stop: asyncio.Event
    ) -> None:
        self.context = context
        self.console = console
        self.pictures = pictures
        self.stop = stop

    async def run(self) -> None:
        await chat(self.context, self.console, self.pictures)
        self.stop.set()

    async def send(self, subscription: SubscriptionInfo, reply: Reply) -> str:
        show(self.console, reply, self.pictures)
        return f"console-{subscription.id}"

    async def notify(self, text: str) -> None:
        self.console.print(f"[yellow]{text}[/]")
