"""Wiring: one place that opens the store, builds the engine and hands out dependencies."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.collector import CollectorPolicy
from bot.config import Settings
from bot.fetch import Fetcher, http_client
from bot.readers import FeedState, InputDefaults, UrlResult, is_url, iter_paths, read_url
from handlers.context import Context
from handlers.format import mask_urls_in
from storage.db import SessionFactory, normalise_url, open_database
from storage.fact_pass import FactFinder
from storage.ingest import Ingestor, IngestReport, upsert_source
from storage.limits import shorten, too_long
from storage.models import Article, Source
from storage.queries import stored_urls
from storage.sources import MAX_URL, record_poll, record_poll_failure
from stories.articles import Rejected
from stories.clean import clean_line
from stories.dedupe import canonical_url

Progress = Callable[[IngestReport], None]


class EntryLinks:
    """The feed entry links a read of a feed need not fetch: those of stored articles, and
    those whose page was rejected within ``retry_after`` (a video page, a 404), which would
    otherwise be fetched on every poll and hold the places of new entries within
    ``feed.max_page_fetches``. Rejections are remembered in this process, at most ``remember``
    of them."""

    def __init__(
        self,
        sessions: SessionFactory,
        retry_after: timedelta = timedelta(hours=6),
        remember: int = 50_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sessions = sessions
        self._retry_after = retry_after.total_seconds()
        self._remember = remember
        self._clock = clock
        self._rejected: dict[str, float] = {}

    async def known(self, links: Sequence[str]) -> set[str]:
        canonical = {link: canonical_url(link) for link in links}
        async with self._sessions() as session:
            stored = await stored_urls(session, list(canonical.values()))
        now = self._clock()
        return {
            link
            for link, url in canonical.items()
            if url in stored
            or (url in self._rejected and now - self._rejected[url] < self._retry_after)
        }

    def rejected(self, links: Iterable[str]) -> None:
        now = self._clock()
        for link in links:
            url = canonical_url(link)
            self._rejected.pop(url, None)
            self._rejected[url] = now
        for oldest in list(self._rejected)[: max(0, len(self._rejected) - self._remember)]:
            del self._rejected[oldest]


@dataclass
class App:
    settings: Settings
    engine: AsyncEngine
    sessions: SessionFactory
    ingestor: Ingestor
    #: finds the facts of what the ingestor stored; run it after ingesting
    facts: FactFinder
    context: Context
    #: feed entries not to fetch again
    entry_links: EntryLinks

    async def article_count(self) -> int:
        async with self.sessions() as session:
            return int(await session.scalar(select(func.count()).select_from(Article)) or 0)


@asynccontextmanager
async def open_app(settings: Settings) -> AsyncIterator[App]:
    engine, sessions = await open_database(settings.database_url)
    workers = settings.ingest.workers
    pool = (
        ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        if workers > 1
        else None
    )
    try:
        ingestor = Ingestor(
            sessions,
            settings.engine,
            settings.ingest.batch_size,
            pool,
            CollectorPolicy(),
            index_file(settings),
        )
        yield App(
            settings,
            engine,
            sessions,
            ingestor,
            FactFinder(sessions, pool, housekeeping=CollectorPolicy()),
            Context(sessions, language=settings.language, digest_picture=settings.digest.picture),
            EntryLinks(sessions),
        )
        await ingestor.save_index()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        await engine.dispose()


def index_file(settings: Settings) -> Path | None:
    """Where the matching indexes are saved between runs (see ``IngestSettings.index_file``)."""
    chosen = settings.ingest.index_file
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    url = make_url(normalise_url(settings.database_url))
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(f"{url.database}.index")


async def ingest_inputs(
    app: App,
    inputs: Sequence[str],
    defaults: InputDefaults,
    progress: Progress | None = None,
) -> IngestReport:
    """Files and folders are read as they stream; each URL is fetched and kept as a source."""
    paths = [item for item in inputs if not is_url(item)]
    urls = [item for item in inputs if is_url(item)]
    report = await app.ingestor.ingest(iter_paths(paths, defaults), progress=progress)
    if urls:
        async with http_client(app.settings.fetch) as client:
            fetcher = Fetcher(client, app.settings.fetch)
            for url in urls:
                report.absorb(await ingest_url(app, fetcher, url, progress))
    return report


async def ingest_url(
    app: App, fetcher: Fetcher, url: str, progress: Progress | None = None
) -> IngestReport:
    """Fetch a feed or page with the source's stored validators, ingest, keep new validators.

    A feed's entries already stored, or whose page was rejected lately, are not fetched again;
    they count as already known.
    """
    problem = too_long(url, MAX_URL, "the URL")
    if problem:
        return IngestReport(rejected=[Rejected(shorten(url, 100), problem)])
    async with app.sessions() as session, session.begin():
        source = await upsert_source(session, url)
        source_id, state = source.id, source_state(source)
    entries = app.entry_links
    result = await read_url(url, fetcher, state, limits=app.settings.feed, known=entries.known)
    if result.kind == "feed":
        entries.rejected(
            i.origin for i in result.items if isinstance(i, Rejected) and i.origin != url
        )
    report = await app.ingestor.ingest(result.items, source_id=source_id, progress=progress)
    report.known += result.known
    async with app.sessions() as session, session.begin():
        await _record(session, source_id, result)
    return report


def source_state(source: Source) -> FeedState:
    return FeedState(etag=source.etag, last_modified=source.last_modified)


async def _record(session: AsyncSession, source_id: int, result: UrlResult) -> None:
    """Keep the validators for the next conditional GET, and count failures in a row."""
    now = datetime.now(UTC)
    if result.kind == "failed":
        reasons = "; ".join(r.reason for r in result.items if isinstance(r, Rejected))
        await record_poll_failure(session, source_id, clean_line(reasons), now)
        return
    state = result.state
    validators = None if state is None else (state.etag, state.last_modified)
    await record_poll(session, source_id, now, validators, result.outlet)


async def seed_if_empty(app: App, progress: Progress | None = None) -> IngestReport | None:
    """A new store starts with the seed story, so the first command has something to say."""
    if await app.article_count() > 0:
        return None
    report = await app.ingestor.ingest(
        iter_paths([str(app.settings.seeds_dir)], InputDefaults()), progress=progress
    )
    await app.facts.run()
    return report


def rejected_summary(rejected: list[Rejected], limit: int = 20) -> list[str]:
    lines = [mask_urls_in(f"{r.origin}: {r.reason}") for r in rejected[:limit]]
    if len(rejected) > limit:
        lines.append(f"... and {len(rejected) - limit} more")
    return lines
