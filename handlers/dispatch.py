"""Routes a Command to its handler (``handlers.command_table``), after checking who may run it;
a failing handler becomes a polite error Reply."""

from __future__ import annotations

import logging

from rapidfuzz import process

from handlers import sources
from handlers.command import Command
from handlers.command_table import COMMANDS, refusal
from handlers.context import Context
from handlers.format import mask_urls_in
from handlers.reply import Reply

log = logging.getLogger(__name__)


def takes_file(command: Command) -> bool:
    """Whether the file sent with ``command`` is read: front ends fetch it only then (see
    ``Command.attachment``)."""
    return command.name == "sources" and sources.takes_file(command)


async def dispatch(command: Command, context: Context) -> Reply:
    spec = COMMANDS.get(command.name)
    if spec is None:
        guess = process.extractOne(command.name, list(COMMANDS), score_cutoff=60)
        hint = f"Did you mean /{guess[0]}?" if guess else "/help lists the commands."
        return Reply.error(f"Unknown command /{command.name}.", hint)
    try:
        refused = await refusal(spec, command)
        return refused if refused is not None else await spec.handler(command, context)
    except Exception:
        log.exception("command /%s %r failed", command.name, mask_urls_in(command.args))
        return Reply.error(
            f"Sorry, /{command.name} failed on our side.", "It is logged; please try again."
        )
