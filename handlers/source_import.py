"""/sources import: the feeds of an OPML file (what every feed reader exports) become sources.

Each feed the file lists is reported: added, already known, or refused with the reason (no
feed address, not an http(s) URL, listed twice). The file arrives as bytes (``Attachment``)
from whichever front end took it: a chat's attached document, a path in the console, or
``newsbot sources import FILE``, which reports every feed where a chat reply shows some.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from handlers.command import MAX_ATTACHMENT_BYTES, Attachment, Caller
from handlers.context import Context
from handlers.format import mask_url, mask_urls_in, plural
from handlers.reply import Line, Reply, Section, Tone
from storage.sources import MAX_URL, import_sources
from stories.clean import clean_line
from stories.opml import OpmlError, read_opml

#: feeds of each outcome listed in a chat reply; the rest are counted
SHOWN = 15
SERVER_COMMAND = "newsbot sources import FILE.opml"


class Outcome(StrEnum):
    ADDED = "added"
    KNOWN = "already known"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class Imported:
    """What became of one feed the file lists: its source's id when it is one."""

    outcome: Outcome
    url: str
    title: str | None
    reason: str | None = None
    source_id: int | None = None

    @property
    def text(self) -> str:
        """The line a reader sees, the URL masked (it may hold a token)."""
        url = mask_url(self.url) if self.url else "(no address)"
        named = f"{mask_urls_in(self.title)} — {url}" if self.title else url
        if self.source_id is not None:
            named = f"#{self.source_id} {named}"
        return f"{named}: {self.reason}" if self.reason else named


def how_to_attach(caller: Caller) -> str:
    """How to give /sources import its file where the caller is."""
    if caller.platform == "telegram":
        return (
            "Send the OPML file with the caption /sources import, or answer the file's "
            "message with /sources import."
        )
    if caller.platform == "slack":
        return (
            "Upload the OPML file in a message that mentions the bot: @newsbot sources import "
            "(a slash command cannot carry a file)."
        )
    return "Give the file's path: /sources import PATH.opml"


async def import_file(attachment: Attachment | None, caller: Caller, context: Context) -> Reply:
    """The reply to /sources import: the import, or what is missing for it."""
    if attachment is None:
        return Reply.error(
            "Which OPML file? Attach it to the command.",
            how_to_attach(caller),
            f"On the bot's server: {SERVER_COMMAND}",
        )
    if attachment.too_large:
        return Reply.error(
            f"{attachment.name} is {_size(attachment.size)}; the limit is "
            f"{_size(MAX_ATTACHMENT_BYTES)}.",
            f"On the bot's server there is none: {SERVER_COMMAND}",
        )
    try:
        found = await import_opml(attachment.data, context)
    except OpmlError as error:
        return Reply.error(f"{attachment.name} could not be read: {error}")
    return import_reply(attachment.name, found)


async def import_opml(data: bytes, context: Context) -> list[Imported]:
    """Add the feeds of an OPML file as sources; one ``Imported`` per feed it lists, in its
    order. Raises ``OpmlError`` for a file that is not OPML."""
    outlines = read_opml(data)
    titles = [clean_line(outline.title) for outline in outlines]
    refused: dict[int, str] = {}
    first: dict[str, int] = {}
    for index, outline in enumerate(outlines):
        url = outline.url or ""
        problem = _problem(url)
        if problem is None and url in first:
            problem = "listed twice in the file"
        if problem is None:
            first[url] = index
        else:
            refused[index] = problem
    async with context.sessions() as session, session.begin():
        sources = await import_sources(session, [(url, titles[i]) for url, i in first.items()])
    kept = dict(zip(first.values(), sources, strict=True))
    report: list[Imported] = []
    for index, outline in enumerate(outlines):
        if index in refused:
            report.append(
                Imported(Outcome.REFUSED, outline.url or "", titles[index], refused[index])
            )
            continue
        source, created = kept[index]
        outcome = Outcome.ADDED if created else Outcome.KNOWN
        report.append(Imported(outcome, source.url, source.title or titles[index], None, source.id))
    return report


def _problem(url: str) -> str | None:
    """Why a feed address the file gives cannot be a source's, or None."""
    if not url:
        return "no feed address (xmlUrl)"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return "not a valid URL"
    if parts.scheme.lower() not in ("http", "https"):
        return "not an http(s) URL"
    if not host:
        return "not a valid URL (no host)"
    if len(url) > MAX_URL:
        return f"longer than {MAX_URL} characters"
    return None


def import_reply(name: str, report: list[Imported], shown: int | None = SHOWN) -> Reply:
    """The import as a reply: the counts, then the feeds of each outcome (``shown`` of each
    at most, None: all of them)."""
    counts = {outcome: [i for i in report if i.outcome is outcome] for outcome in Outcome}
    summary = ", ".join(f"{len(items)} {outcome}" for outcome, items in counts.items())
    if not report:
        return Reply(f"{name} lists no feeds.", tone=Tone.NOTICE)
    sections = []
    for outcome, items in counts.items():
        if not items:
            continue
        lines = [Line(item.text) for item in items[:shown]]
        if shown is not None and len(items) > shown:
            lines.append(Line(f"… and {plural(len(items) - shown, 'more feed', 'more feeds')}"))
        sections.append(Section(outcome.capitalize(), tuple(lines)))
    added = len(counts[Outcome.ADDED])
    return Reply(
        f"Imported {name}: {summary}.",
        tuple(sections),
        footer="New sources are polled on schedule." if added else None,
        tone=Tone.OK if added or counts[Outcome.KNOWN] else Tone.NOTICE,
    )


def _size(size: int) -> str:
    """``1.01 MB``: rounded up, so that a file just over the limit does not read as at it."""
    return f"{math.ceil(size / (1024 * 1024) * 100) / 100:g} MB"
