"""Every command in one table: its handler, how it is used, and who may run it.

Dispatch, ``/help``, Telegram's command menu, the Slack manifest (checked by a test) and the
permission checks all read this table, so a command is added in one place.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum

from handlers import articles, diff, sources, stories, subscribe, summary, timeline, who
from handlers.command import Command
from handlers.context import Context
from handlers.reply import Line, Reply, Section

Handler = Callable[[Command, Context], Awaitable[Reply]]


class Who(Enum):
    """Who may run a command."""

    ANYONE = "anyone"
    CHAT_ADMIN = "the chat's admins"
    """A chat's own administrators in it, anyone in a private chat, the bot's admins anywhere:
    commands that change what a chat receives."""
    BOT_ADMIN = "the bot's admins"
    """The admins named in the bot's config: commands that change what the bot polls."""


@dataclass(frozen=True, slots=True)
class Spec:
    name: str
    handler: Handler
    usage: str
    """``/name args — what it does``, as /help shows it."""
    who: Who = Who.ANYONE
    listed: bool = True
    """Whether /help and the platforms' menus list it (``/start`` is Telegram's greeting)."""

    @property
    def description(self) -> str:
        """What it does, without its arguments: the menus' text."""
        return self.usage.split(" — ", 1)[-1]


async def _help(command: Command, context: Context) -> Reply:
    """/help: the commands as they are typed here (Slack's carry a prefix: ``/news-who``)."""
    prefix = command.caller.command_prefix
    lines = tuple(Line(f"/{prefix}{spec.usage.removeprefix('/')}") for spec in LISTED)
    return Reply(
        "newsbot answers",
        (Section(None, lines),),
        footer="Without an argument, a story command means the story updated most recently.",
    )


TABLE: tuple[Spec, ...] = (
    Spec(
        "stories",
        stories.handle,
        "/stories [page N | words] — the stories, newest activity first",
    ),
    Spec(
        "summary",
        summary.handle,
        "/summary [story id or headline words] — what most outlets agree on, with counts",
    ),
    Spec(
        "who",
        who.handle,
        "/who <name> — a person across outlets: spellings, descriptions, quotes, stories",
    ),
    Spec(
        "diff",
        diff.handle,
        "/diff [story] — where outlets disagree, spell names differently, or report alone",
    ),
    Spec(
        "timeline",
        timeline.handle,
        "/timeline [story] — a picture of the story's coverage over time",
    ),
    Spec(
        "articles",
        articles.handle,
        "/articles [story] [page N] — every article of a story, with its outlet",
    ),
    Spec(
        "subscribe",
        subscribe.subscribe,
        "/subscribe [HH:MM] [timezone] [keywords...] — a daily digest in this chat",
        Who.CHAT_ADMIN,
    ),
    Spec(
        "unsubscribe",
        subscribe.unsubscribe,
        "/unsubscribe — stop this chat's daily digest",
        Who.CHAT_ADMIN,
    ),
    Spec("digest", subscribe.digest, "/digest — the digest as it would be sent now"),
    Spec(
        "sources",
        sources.handle,
        "/sources add <URL> | import (an OPML file) | list | remove <id> | resume <id>"
        " — the polled feeds (admins)",
        Who.BOT_ADMIN,
    ),
    Spec("help", _help, "/help — this list"),
    Spec("start", _help, "/start — this list", listed=False),
)
COMMANDS: dict[str, Spec] = {spec.name: spec for spec in TABLE}
LISTED: tuple[Spec, ...] = tuple(spec for spec in TABLE if spec.listed)


async def refusal(spec: Spec, command: Command) -> Reply | None:
    """Why the caller may not run the command, or None when they may."""
    caller = command.caller
    if spec.who is Who.BOT_ADMIN and not caller.is_admin:
        return Reply.error(
            "Only the bot's admins can manage sources.",
            "Ask an admin, or see the admins list in the bot's config.",
        )
    if spec.who is Who.CHAT_ADMIN and not await caller.may_change_chat():
        return Reply.error(
            "Only this chat's admins can change its daily digest.",
            "Ask an admin of this chat, or /subscribe in a private chat with the bot for your own.",
        )
    return None
