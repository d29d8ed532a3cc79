"""A chat command as every front end hands it to the handlers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: longer arguments are cut: no command needs more, and it bounds the work a message can cause
MAX_ARGS = 500
_COMMAND = re.compile(r"^/([A-Za-z][A-Za-z0-9_-]{0,31})(?:@[A-Za-z0-9_]+)?(?:\s+(.*))?$", re.S)


@dataclass(frozen=True, slots=True)
class Caller:
    """Who sent the command and where; admin rights are decided by the front end's config."""

    platform: str = "console"
    chat_id: str = "console"
    user_id: str = "console"
    is_admin: bool = False
    #: what the platform's slash commands start with after the slash (Slack: ``news-``)
    command_prefix: str = ""


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    args: str = ""
    caller: Caller = Caller()

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
