"""What every handler is given: the store and the few settings that shape replies."""

from __future__ import annotations

from dataclasses import dataclass, field

from handlers.directory import NameDirectory
from storage.db import SessionFactory
from stories.language import ENGLISH


@dataclass(frozen=True, slots=True)
class Context:
    sessions: SessionFactory
    page_size: int = 10
    directory: NameDirectory = field(default_factory=NameDirectory)
    #: the readers' language (config ``language``, ISO 639-1), see ``stories.reader``
    language: str = ENGLISH
    #: a digest carries the timeline picture of its busiest story (config ``digest.picture``)
    digest_picture: bool = False
