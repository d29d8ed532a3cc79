"""The platform-neutral reply every handler returns; ``bot/render.py`` draws it per platform."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Any


class Tone(StrEnum):
    OK = "ok"
    NOTICE = "notice"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Citation:
    """One outlet backing a line, with a link to its article when the URL is known.

    ``language`` is set when the article is written in another language than the reader's
    (ISO 639-1); renderers show it beside the outlet: ``PAP (pl)``.
    """

    outlet: str
    url: str | None = None
    article_id: int | None = None
    language: str | None = None

    @property
    def label(self) -> str:
        """The outlet as plain text names it, with the language when there is one."""
        return f"{self.outlet} ({self.language})" if self.language else self.outlet


#: outlets a line names when it is shown; the others are counted ("+12")
CITED_PER_LINE = 3


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    citations: tuple[Citation, ...] = ()

    def cited(self, limit: int = CITED_PER_LINE) -> tuple[tuple[Citation, ...], int]:
        """The citations a reader is shown: one per outlet (its first with a URL preferred),
        in the order given, at most ``limit``; and how many outlets are left to count. Fifty
        outlets behind a line do not make it fifty links long."""
        chosen: dict[str, Citation] = {}
        for citation in self.citations:
            known = chosen.get(citation.outlet)
            if known is None or (not known.url and citation.url):
                chosen[citation.outlet] = citation
        shown = tuple(chosen.values())
        return shown[:limit], max(0, len(shown) - limit)


@dataclass(frozen=True, slots=True)
class Section:
    heading: str | None
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture a reply carries: PNG bytes, and what it shows in words (the photo's caption
    where the reply's own text does not fit one, and the alt text of an upload)."""

    png: bytes = field(repr=False)
    #: a few words naming it ("Coverage of #12 … over time")
    title: str
    #: what it shows, in a sentence or two
    caption: str
    #: the file name a platform shows, and the console writes under
    filename: str = "picture.png"

    def to_dict(self) -> dict[str, Any]:
        """The picture as JSON shows it: its name and words and size, not its bytes."""
        return {
            "filename": self.filename,
            "title": self.title,
            "caption": self.caption,
            "bytes": len(self.png),
        }


@dataclass(frozen=True, slots=True)
class Choice:
    """An option offered when a request is ambiguous; ``command`` answers it when picked."""

    label: str
    command: str


@dataclass(frozen=True, slots=True)
class Reply:
    title: str
    sections: tuple[Section, ...] = ()
    footer: str | None = None
    tone: Tone = Tone.OK
    choices: tuple[Choice, ...] = field(default_factory=tuple)
    image_url: str | None = None
    picture: Picture | None = None

    @classmethod
    def error(cls, title: str, *hints: str) -> Reply:
        lines = tuple(Line(hint) for hint in hints)
        return cls(title, (Section(None, lines),) if lines else (), tone=Tone.ERROR)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(replace(self, picture=None))
        data["picture"] = None if self.picture is None else self.picture.to_dict()
        return data
