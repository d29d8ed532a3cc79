"""What a reader of one language is shown of a story told in several.

The reader's language (config ``language``) chooses which articles give a story its title,
its summary lines and its digest lines, when the story has articles in it; articles in other
languages still count (outlets, support) and are cited, their language named beside the
outlet. Pure rules, shared by the handlers and the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")

Headlines = Sequence[tuple[str, str]]
"""A story's headline in each language it is told in (``stories.headlines.best_headline``
of its articles in the language): ``(language, headline)``, in the order the languages
arrived."""


def title_for(title: str, headlines: Headlines, reader: str) -> str:
    """The story's title for a reader: its headline in the reader's language, else its
    headline in the language it was first told in, else ``title`` (the headline it was named
    by when it began)."""
    first = headlines[0][1] if headlines else title
    return next((headline for language, headline in headlines if language == reader), first)


def foreign(language: str | None, reader: str) -> str | None:
    """The language to name beside a citation: the article's, when it is known and not the
    reader's (an article of no known language is not labelled)."""
    return language if language is not None and language != reader else None


def reader_first(
    items: Iterable[T], language_of: Callable[[T], str | None], reader: str
) -> list[T]:
    """``items`` with those in the reader's language first, each part in its own order."""
    return sorted(items, key=lambda item: language_of(item) != reader)
