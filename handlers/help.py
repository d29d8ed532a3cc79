"""/help: what the bot answers."""

from __future__ import annotations

from handlers.command import Command
from handlers.context import Context
from handlers.reply import Line, Reply, Section

USAGE: dict[str, str] = {
    "stories": "/stories [page N | words] — the stories, newest activity first",
    "summary": "/summary [story id or headline words] — what most outlets agree on, with counts",
    "who": "/who <name> — a person across outlets: spellings, descriptions, quotes, stories",
    "diff": "/diff [story] — where outlets disagree, spell names differently, or report alone",
    "timeline": "/timeline [story] — a picture of the story's coverage over time",
    "articles": "/articles [story] [page N] — every article of a story, with its outlet",
    "subscribe": "/subscribe [HH:MM] [timezone] [keywords...] — a daily digest in this chat",
    "unsubscribe": "/unsubscribe — stop this chat's daily digest",
    "digest": "/digest — the digest as it would be sent now",
    "sources": (
        "/sources add <URL> | import (an OPML file) | list | remove <id> | resume <id>"
        " — the polled feeds (admins)"
    ),
    "help": "/help — this list",
}


async def handle(command: Command, context: Context) -> Reply:
    """The commands as they are typed here (Slack's carry a prefix: ``/news-who``)."""
    prefix = command.caller.command_prefix
    lines = tuple(Line(f"/{prefix}{text.removeprefix('/')}") for text in USAGE.values())
    return Reply(
        "newsbot answers",
        (Section(None, lines),),
        footer="Without an argument, a story command means the story updated most recently.",
    )
