"""Typed values that flow through the engine: raw input in, cleaned articles out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as a source gave it, before cleaning.

    ``origin`` names where it came from (a file path, a feed URL, ``file.jsonl:12``) so that
    every message about it can point the user at the right item.
    """

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    external_id: str | None = None
    origin: str = ""
    declared: bool = False
    """The source says the text is an article (a JSONL record's text, a text file), so a brief
    of one sentence is kept; a page's text needs more prose to count as an article."""


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: a headline and body paragraphs with site chrome removed.

    Photo captions are kept apart from the body: they may spell a name, but they are not
    the story (their dates and places belong to the photo, not the event).
    """

    title: str
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    url: str | None
    outlet: str | None
    published: datetime | None
    external_id: str | None
    origin: str
    language: str | None = None
    """ISO 639-1 code of the language it is written in; None: not known (too little text).
    The engine reads an article of no known language as English."""
    stamped: datetime | None = None
    """For an article that came without a publication time, the day a publishing stamp at
    its top gives (``stories.stamps``): its figures and ages are placed by it. It does not
    stand in for the publication time, which orders the stream and bounds stories: a text's
    own stamp may be an update's, and an undated import is clustered by its words alone."""

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input item that was not ingested, and why (shown to the user as is)."""

    origin: str
    reason: str
