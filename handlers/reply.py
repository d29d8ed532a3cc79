"""The platform-neutral reply every handler returns; ``bot/render.py`` draws it per platform."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    heading: str | None
    lines: tuple[Line, ...]


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

    @classmethod
    def error(cls, title: str, *hints: str) -> Reply:
        lines = tuple(Line(hint) for hint in hints)
        return cls(title, (Section(None, lines),) if lines else (), tone=Tone.ERROR)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
