"""What the runner needs of a chat platform: its loop, a digest to a chat, a word to its admins.

Answering commands (parse, dispatch, render, reply in the chat that asked) happens inside
each platform's own loop, so ``run`` is all the runner sees of it.
"""

from __future__ import annotations

from typing import Protocol

from handlers.reply import Reply
from storage.subscriptions import SubscriptionInfo


class Platform(Protocol):
    """A chat platform the runner runs, sends digests through and tells about trouble."""

    @property
    def name(self) -> str:
        """The platform's name, as subscriptions record it (``telegram``, ``slack``...)."""
        ...

    async def run(self) -> None:
        """Answer the chat until the platform's stop event is set (or, for the console, the
        person at the terminal leaves)."""
        ...

    async def send(self, subscription: SubscriptionInfo, reply: Reply) -> str:
        """The reply (a digest) to the subscription's chat, rendered for the platform; the id
        of the first message sent."""
        ...

    async def notify(self, text: str) -> None:
        """A notice (a source paused) to each of the platform's admins."""
        ...
