"""The process's garbage collector policy while articles stream in and their facts are found.

An ingest makes millions of small objects that live as long as the indexes, and hardly any
reference cycles: on a 12,000-article stream the collector's automatic passes found 4,600
cyclic objects in all, yet took 6% of the time, walking the young indexes again and again.
While any ingest runs, automatic collection is off; the ingestor's :class:`CollectorPolicy`
collects explicitly every so many articles (:meth:`CollectorPolicy.indexed`), so the few cycles
made meanwhile, its own or other tasks', still go. Finding facts is the same story (14% of the
pass's time); there it is off for each slice of articles, and comes back between slices.

Pauses may overlap (a feed poll while a command ingests a URL): collection comes back when the
last one ends, and only if it was on when the first began.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

# Articles stored or replayed between two freezes, and at most between two full collections
# (see ``CollectorPolicy.indexed``).
_FREEZE_AFTER = 10_000
_SWEEP_AFTER = 100_000


class _Pauses:
    """How many pauses are open, and whether collection was on before the first."""

    open = 0
    resume = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """Automatic collection off inside the block (explicit ``gc.collect()`` still works)."""
    if _Pauses.open == 0:
        _Pauses.resume = gc.isenabled()
        gc.disable()
    _Pauses.open += 1
    try:
        yield
    finally:
        _Pauses.open -= 1
        if _Pauses.open == 0 and _Pauses.resume:
            gc.enable()


class CollectorPolicy:
    """The collector's policy for one ingestor (``storage.housekeeping.Housekeeping``), or for
    the facts pass, which only pauses it."""

    def __init__(self) -> None:
        self.dropped()

    def quiet(self) -> AbstractContextManager[None]:
        return collection_paused()

    def dropped(self) -> None:
        # Articles stored or replayed: since the last freeze, before it, and at the last full
        # collection. Articles already known add nothing to keep, so they do not count.
        self._unfrozen = 0
        self._indexed = 0
        self._swept_at = 0

    def indexed(self, articles: int) -> None:
        """Every ``_FREEZE_AFTER`` articles stored or replayed, move long-lived objects out of the
        garbage collector's sight.

        The indexes live long, and each full collection walked all of them again: 0.13 ms per
        article on a 20k store, 0.25 ms on a 100k store. ``gc.freeze`` leaves them out of later
        collections. Frozen objects are still freed by reference counting, but a frozen cycle
        that dies is not: each time the articles taken in have doubled, and at least every
        ``_SWEEP_AFTER`` articles (the indexes hold a window of articles, and those that leave
        it die frozen), the freeze is undone and everything collected first (0.36 s with a
        100k window, so it comes rarely). Automatic collection is off while an ingest runs
        (:meth:`quiet`), so this is also where the cycles made meanwhile go.
        """
        self._unfrozen += articles
        if self._unfrozen < _FREEZE_AFTER:
            return
        self._indexed += self._unfrozen
        self._unfrozen = 0
        if self._indexed - self._swept_at >= min(self._swept_at, _SWEEP_AFTER):
            gc.unfreeze()
            self._swept_at = self._indexed
        gc.collect()
        gc.freeze()
