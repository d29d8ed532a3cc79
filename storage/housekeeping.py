"""What storage's long runs tell the process about memory, for ``bot/`` to act on.

An ingest, a replay of the store and the facts pass make many long-lived objects (the engine's
indexes) and hardly any reference cycles; what the garbage collector should do about that is
the process's policy (``bot.collector``), since the process knows what else it runs. Storage
only marks the blocks and counts the articles its indexes took in.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol


class Housekeeping(Protocol):
    def quiet(self) -> AbstractContextManager[None]:
        """A block that makes many long-lived objects: an ingest, a replay, a slice of facts."""
        ...

    def indexed(self, articles: int) -> None:
        """So many articles were stored or replayed into the indexes."""
        ...

    def dropped(self) -> None:
        """The indexes were dropped, to be rebuilt from the store."""
        ...
