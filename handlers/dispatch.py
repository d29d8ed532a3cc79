"""Routes a Command to its handler; a failing handler becomes a polite error Reply."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from rapidfuzz import process

from handlers import articles, diff, sources, stories, subscribe, summary, timeline, who
from handlers import help as help_command
from handlers.command import Command
from handlers.context import Context
from handlers.format import mask_urls_in
from handlers.reply import Reply

log = logging.getLogger(__name__)

Handler = Callable[[Command, Context], Awaitable[Reply]]

HANDLERS: dict[str, Handler] = {
    "stories": stories.handle,
    "summary": summary.handle,
    "who": who.handle,
    "diff": diff.handle,
    "timeline": timeline.handle,
    "articles": articles.handle,
    "subscribe": subscribe.subscribe,
    "unsubscribe": subscribe.unsubscribe,
    "digest": subscribe.digest,
    "sources": sources.handle,
    "help": help_command.handle,
    "start": help_command.handle,
}


def takes_file(command: Command) -> bool:
    """Whether the file sent with ``command`` is read: front ends fetch it only then (see
    ``Command.attachment``)."""
    return command.name == "sources" and sources.takes_file(command)


async def dispatch(command: Command, context: Context) -> Reply:
    handler = HANDLERS.get(command.name)
    if handler is None:
        guess = process.extractOne(command.name, list(HANDLERS), score_cutoff=60)
        hint = f"Did you mean /{guess[0]}?" if guess else "/help lists the commands."
        return Reply.error(f"Unknown command /{command.name}.", hint)
    try:
        return await handler(command, context)
    except Exception:
        log.exception("command /%s %r failed", command.name, mask_urls_in(command.args))
        return Reply.error(
            f"Sorry, /{command.name} failed on our side.", "It is logged; please try again."
        )
