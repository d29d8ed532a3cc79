"""Sources as admins manage them, and the bookkeeping of polling them.

Every write of a source's polling state (when it was polled, its validators for the next
conditional GET, its failures in a row, its last error, a pause) is made here; the fetch
(``bot.app.ingest_url``) and the scheduler (``bot.schedule.Polls``) call these.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import in_lists
from storage.limits import length_of
from storage.models import Source
from stories.clean import clean_line

#: the longest URL a source can have
MAX_URL = length_of(Source.url.expression)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: int
    url: str
    title: str | None
    last_polled_at: datetime | None
    last_error: str | None
    failures: int
    paused: bool


def _info(row: Source) -> SourceInfo:
    return SourceInfo(
        row.id, row.url, row.title, row.last_polled_at, row.last_error, row.failures, row.paused
    )


async def list_sources(session: AsyncSession) -> list[SourceInfo]:
    return [_info(row) for row in await session.scalars(select(Source).order_by(Source.id))]


async def add_source(session: AsyncSession, url: str) -> tuple[SourceInfo, bool]:
    """The source for ``url`` and whether it is new; adding a paused source resumes it."""
    row = await session.scalar(select(Source).where(Source.url == url))
    created = row is None
    if row is None:
        row = Source(url=url, failures=0, paused=False)
        session.add(row)
    else:
        row.paused = False
        row.failures = 0
    await session.flush()
    return _info(row), created


async def import_sources(
    session: AsyncSession, feeds: Sequence[tuple[str, str | None]]
) -> list[tuple[SourceInfo, bool]]:
    """The source for each ``(url, title)`` and whether it is new, in the order given; a new
    one is named ``title``. A source already known is left as it is: an import does not
    resume a paused source (/sources resume does). The URLs are distinct."""
    known: dict[str, Source] = {}
    urls = [url for url, _ in feeds]
    for chunk in in_lists(urls):
        known.update(
            (row.url, row)
            for row in await session.scalars(select(Source).where(Source.url.in_(chunk)))
        )
    new = {
        url: Source(url=url, title=title, failures=0, paused=False)
        for url, title in feeds
        if url not in known
    }
    session.add_all(new.values())
    await session.flush()
    return [(_info(known.get(url) or new[url]), url in new) for url, _ in feeds]


async def resume_source(session: AsyncSession, source_id: int) -> SourceInfo | None:
    """Poll a source again (paused or not) with its failures forgotten; None if there is none."""
    row = await session.get(Source, source_id)
    if row is None:
        return None
    row.paused = False
    row.failures = 0
    await session.flush()
    return _info(row)


async def remove_source(session: AsyncSession, source_id: int) -> bool:
    """Stop polling a source; its articles stay (their ``source_id`` becomes NULL)."""
    result = await session.execute(delete(Source).where(Source.id == source_id))
    return bool(getattr(result, "rowcount", 0))


async def claim_poll(
    session: AsyncSession, source_id: int, now: datetime, not_before: datetime
) -> bool:
    """Take this poll unless another process polled the source after ``not_before``."""
    taken = await session.scalar(
        update(Source)
        .where(
            Source.id == source_id,
            Source.paused.is_(False),
            (Source.last_polled_at.is_(None)) | (Source.last_polled_at < not_before),
        )
        .values(last_polled_at=now)
        .returning(Source.id)
    )
    return taken is not None


async def pause_source(session: AsyncSession, source_id: int) -> bool:
    """Pause a source; True only for the call that paused it, so admins are told once."""
    paused = await session.scalar(
        update(Source)
        .where(Source.id == source_id, Source.paused.is_(False))
        .values(paused=True)
        .returning(Source.id)
    )
    return paused is not None


async def record_poll(
    session: AsyncSession,
    source_id: int,
    polled_at: datetime,
    validators: tuple[str | None, str | None] | None,
    outlet: str | None,
) -> None:
    """A poll that answered: its failures in a row are over, its validators (``etag``,
    ``last_modified``; None when the answer gave none) kept for the next conditional GET, and
    its outlet's name (``outlet``) kept as the source's title when it has none."""
    row = await session.get(Source, source_id)
    if row is None:
        return
    row.last_polled_at = polled_at
    row.failures = 0
    row.last_error = None
    if validators is not None:
        row.etag, row.last_modified = validators
    if outlet and not row.title:
        row.title = clean_line(outlet)


async def record_poll_failure(
    session: AsyncSession, source_id: int, error: str | None, polled_at: datetime | None = None
) -> None:
    """One more failure in a row, and what went wrong; ``polled_at`` when the poll itself is
    recorded with it (a poll that raised was recorded when it was claimed)."""
    row = await session.get(Source, source_id)
    if row is None:
        return
    if polled_at is not None:
        row.last_polled_at = polled_at
    row.failures += 1
    row.last_error = error
