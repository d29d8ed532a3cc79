"""What every handler is given: the store and the few settings that shape replies."""

from __future__ import annotations

from dataclasses import dataclass, field

from handlers.surname_keys import SurnameKeys
from storage.db import SessionFactory
from stories.language import ENGLISH


@dataclass(frozen=True, slots=True)
class Context:
    sessions: SessionFactory
    page_size: int = 10
    surname_keys: SurnameKeys = field(default_factory=SurnameKeys)
    #: the readers' language (config ``language``, ISO 639-1), see ``stories.reader``
    language: str = ENGLISH
    #: a digest carries the timeline picture of its busiest story (config ``digest.picture``)
    digest_picture: bool = False
