"""A chat command as every front end hands it to the handlers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum

#: longer arguments are cut: no command needs more, and it bounds the work a message can cause
MAX_ARGS = 500
_COMMAND = re.compile(r"^/([A-Za-z][A-Za-z0-9_-]{0,31})(?:@[A-Za-z0-9_]+)?(?:\s+(.*))?$", re.S)


#: asks the platform whether the caller administers the chat (a network call, made only when
#: a command needs the answer)
ChatAdminCheck = Callable[[], Awaitable[bool]]


class ChatKind(StrEnum):
    """Where a command was sent: a one-to-one chat with the bot, or a chat many people share."""

    PRIVATE = "private"
    GROUP = "group"
    CHANNEL = "channel"


@dataclass(frozen=True, slots=True)
class Caller:
    """Who sent the command and where.

    ``is_admin`` means one of the bot's admins (the front end's config). Whether the caller
    administers this chat on the platform is ``is_chat_admin``, asked only when a handler needs
    it; a front end that cannot tell leaves it None, which the handlers read as no. The chat
    kind defaults to a shared chat, the one where changes are refused to whom it cannot vouch
    for.
    """

    platform: str = "console"
    chat_id: str = "console"
    user_id: str = "console"
    is_admin: bool = False
    #: what the platform's slash commands start with after the slash (Slack: ``news-``)
    command_prefix: str = ""
    chat_kind: ChatKind = ChatKind.GROUP
    is_chat_admin: ChatAdminCheck | None = field(default=None, compare=False, repr=False)

    async def may_change_chat(self) -> bool:
        """Whether this caller may change what the bot does in this chat (its digest): the
        bot's admins anywhere, anyone in a private chat, a chat's own administrators in it."""
        if self.is_admin or self.chat_kind is ChatKind.PRIVATE:
            return True
        return self.is_chat_admin is not None and await self.is_chat_admin()


#: the largest file a command takes (an OPML file of some thousands of feeds); front ends do
#: not download a larger one
MAX_ATTACHMENT_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a command (``/sources import`` with an OPML file), as the front end
    fetched it from its platform: the handlers see bytes, never a platform's file object.

    ``size`` is the size the platform gave; a file larger than ``MAX_ATTACHMENT_BYTES`` is not
    downloaded, and ``data`` is then empty (see ``too_large``).
    """

    name: str
    data: bytes = field(repr=False)
    size: int

    @classmethod
    def of(cls, name: str, data: bytes) -> Attachment:
        return cls(name, data, len(data))

    @classmethod
    def received(cls, name: str, data: bytes, announced: int = 0) -> Attachment:
        """A file as a front end fetched it: whole up to ``MAX_ATTACHMENT_BYTES``, else only
        its size (the larger of what arrived and what the platform ``announced``)."""
        size = max(announced, len(data))
        return cls(name, b"" if size > MAX_ATTACHMENT_BYTES else data, size)

    @property
    def too_large(self) -> bool:
        return self.size > MAX_ATTACHMENT_BYTES


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    args: str = ""
    caller: Caller = Caller()
    attachment: Attachment | None = None

    @property
    def words(self) -> list[str]:
        return self.args.split()


def clean_text(text: str) -> str:
    """Drop control and format characters, normalise Unicode, squeeze whitespace."""
    text = unicodedata.normalize("NFKC", text)
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch)[0] != "C"
    )
    return " ".join(kept.split())


def whole_number(word: str) -> int | None:
    """A number as typed for an id or a page (``12``, ``#12``, in any script's digits), or None.

    At most 18 digits, so that it fits a database's 64-bit integer: a longer one names nothing.
    """
    digits = word.removeprefix("#")
    if not digits.isdecimal() or len(digits.lstrip("0")) > 18:
        return None
    return int(digits)


def parse_command(text: str, caller: Caller = Caller()) -> Command | None:
    """``/who@newsbot  Kalesnikava`` -> Command("who", "Kalesnikava"); not a command -> None."""
    match = _COMMAND.match(text.strip())
    if match is None:
        return None
    name = match.group(1).lower().replace("-", "_")
    return Command(name, clean_text(match.group(2) or "")[:MAX_ARGS], caller)
