"""/sources add <URL> | import | list | remove <id> | resume <id>: the feeds and pages the bot
polls (admins only); ``import`` takes an OPML file (``handlers.source_import``). A source's URL
is shown masked (``mask_url``): it may hold a password or a token, and replies are seen by the
whole chat."""

from __future__ import annotations

from urllib.parse import urlsplit

from handlers.command import Command, whole_number
from handlers.context import Context
from handlers.format import age, mask_url, mask_urls_in, plural
from handlers.reply import Citation, Line, Reply, Section, Tone
from handlers.source_import import import_file
from storage.sources import (
    MAX_URL,
    SourceInfo,
    add_source,
    list_sources,
    remove_source,
    resume_source,
)

USAGE = (
    "Usage: /sources add <feed or page URL> | /sources import (with an OPML file)"
    " | /sources list | /sources remove <id> | /sources resume <id>"
)


def _valid_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and len(text) <= MAX_URL


def _line(source: SourceInfo) -> Line:
    state = "paused" if source.paused else "active"
    polled = f"polled {age(source.last_polled_at)}" if source.last_polled_at else "not polled yet"
    url = mask_url(source.url)
    text = f"#{source.id} {source.title or url} — {state}, {polled}"
    if source.failures:
        text += f", {plural(source.failures, 'failure')} in a row"
        if source.last_error:
            text += f" ({mask_urls_in(source.last_error)[:120]})"
    return Line(text, (Citation(source.title or url, url),))


async def _add(args: list[str], context: Context) -> Reply:
    if len(args) != 1 or not _valid_url(args[0]):
        return Reply.error("Give one http(s) URL of a feed or a page.", USAGE)
    async with context.sessions() as session, session.begin():
        source, created = await add_source(session, args[0])
    title = f"Added source #{source.id}." if created else f"Source #{source.id} is already known."
    return Reply(title, (Section(None, (_line(source),)),), footer="It is polled on schedule.")


async def _list(context: Context) -> Reply:
    async with context.sessions() as session:
        sources = await list_sources(session)
    if not sources:
        return Reply("No sources yet.", footer="Add one: /sources add <URL>", tone=Tone.NOTICE)
    return Reply(f"Sources ({len(sources)})", (Section(None, tuple(map(_line, sources))),))


def _source_id(args: list[str]) -> int | Reply | None:
    """The id an action names; None for one no source can have; a Reply when there is none."""
    if len(args) != 1 or not args[0].removeprefix("#").isdecimal():
        return Reply.error("Which source? Give its id from /sources list.", USAGE)
    return whole_number(args[0])


def _no_source(args: list[str]) -> Reply:
    shown = args[0].removeprefix("#")
    return Reply.error(f"There is no source #{shown}.", "/sources list shows them.")


async def _remove(args: list[str], context: Context) -> Reply:
    source_id = _source_id(args)
    if isinstance(source_id, Reply):
        return source_id
    removed = False
    if source_id is not None:
        async with context.sessions() as session, session.begin():
            removed = await remove_source(session, source_id)
    if not removed:
        return _no_source(args)
    return Reply(f"Removed source #{source_id}.", footer="Its articles stay in the stories.")


async def _resume(args: list[str], context: Context) -> Reply:
    """Resume a paused source by id, so that nobody has to type its URL (and secrets) again."""
    source_id = _source_id(args)
    if isinstance(source_id, Reply):
        return source_id
    source = None
    if source_id is not None:
        async with context.sessions() as session, session.begin():
            source = await resume_source(session, source_id)
    if source is None:
        return _no_source(args)
    return Reply(
        f"Resumed source #{source.id}.",
        (Section(None, (_line(source),)),),
        footer="It is polled on schedule.",
    )


def takes_file(command: Command) -> bool:
    """Whether a front end should fetch the file sent with this command: an admin's
    /sources import (nobody else's is read)."""
    words = command.words
    return command.caller.is_admin and bool(words) and words[0].lower() == "import"


async def handle(command: Command, context: Context) -> Reply:
    """The bot's admins only (``handlers.command_table``)."""
    action, *args = command.words or ["list"]
    match action.lower():
        case "add":
            return await _add(args, context)
        case "import":
            return await import_file(command.attachment, command.caller, context)
        case "list":
            return await _list(context)
        case "remove" | "rm" | "delete":
            return await _remove(args, context)
        case "resume":
            return await _resume(args, context)
    return Reply.error(f"Unknown action “{action}”.", USAGE)
