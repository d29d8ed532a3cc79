"""The surname keys of everyone in the store, in memory, for "did you mean" on typos.

A typo usually changes a name's skeleton, so the indexed exact lookup misses it; scoring the
query against every distinct key with rapidfuzz (C speed) finds the few keys worth a closer
look. The list is reloaded when it is older than ``max_age`` seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rapidfuzz import fuzz, process
from sqlalchemy.ext.asyncio import AsyncSession

from storage import queries

#: keys this similar to the query's key are looked at more closely
KEY_CUTOFF = 70


class SurnameKeys:
    def __init__(self, max_age: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._keys: list[str] = []
        self._loaded_at: float | None = None
        self._max_age = max_age
        self._clock = clock

    async def keys(self, session: AsyncSession) -> list[str]:
        now = self._clock()
        if self._loaded_at is None or now - self._loaded_at > self._max_age:
            self._keys = await queries.surname_keys(session)
            self._loaded_at = now
        return self._keys

    async def near_keys(self, session: AsyncSession, key: str, limit: int = 8) -> list[str]:
        """Stored surname keys closest to ``key``, best first."""
        found = process.extract(
            key, await self.keys(session), scorer=fuzz.ratio, limit=limit, score_cutoff=KEY_CUTOFF
        )
        return [candidate for candidate, _, _ in found]
