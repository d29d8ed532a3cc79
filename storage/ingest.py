"""The write path: raw articles in, stored articles folded into stories out.

The engine's pipeline (``stories.pipeline``) decides each article on indexes it holds in memory;
they are rebuilt from the database when an ``Ingestor`` starts, and this module replays into
them, reads the texts of look-alikes they do not hold, writes the decisions and retries.
Writers sharing one store (several processes on one SQLite file or PostgreSQL database) take
turns batch by batch: a batch first locks the id counter (``storage.models.IdCounter``), then
replays the articles other writers stored since it last looked, decides and writes, and
commits with the lock released. So every batch decides on every stored article, ids never
collide, and no article is stored twice or lost.

What a replay does not bring in is other writers' second looks and splits (articles moved
between stories of the store). A batch that would file a near-copy apart from its moved
original, or an article into a dissolved story, is refused (a check, a foreign key) and done
again once the indexes are rebuilt from the store, the last time while holding the lock. An
article may otherwise be matched against a story's articles as this writer last knew them, an
order effect like those of one writer.

An original article is stored with its facts pending; ``storage.fact_pass`` finds them after.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable
from concurrent.futures import Executor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Row, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import SessionFactory, in_lists
from storage.housekeeping import Housekeeping
from storage.index_file import Stamp, dumps, engine_version, read_pipeline, read_stamp, write
from storage.limits import length_of, shorten, too_long
from storage.models import Article as ArticleRow
from storage.models import IdCounter, Mention, Source, Story, StoryMerge, StoryWord
from stories.articles import Article, RawArticle, Rejected
from stories.clean import clean_article
from stories.cluster import Move
from stories.dedupe import canonical_url, signature_to_bytes
from stories.headlines import headline_of
from stories.pipeline import KNOWN, Decision, Ids, Known, Pipeline, Prepared
from stories.search import LEAD_CHARS, STORY_ARTICLES, fold, story_words
from stories.settings import EngineSettings

log = logging.getLogger(__name__)

_REPLAY_SLICE = 500
# Seconds of ingest between two saves of the indexes (each takes a second or two at most).
_SAVE_EVERY = 600.0
# How long before a save a move may have begun and still be missing from the saved indexes.
_MOVES_BEFORE_SAVE = timedelta(minutes=10)

_STORIES = Story.metadata.tables[Story.__tablename__]
_ARTICLES = Story.metadata.tables[ArticleRow.__tablename__]
_MENTIONS = Story.metadata.tables[Mention.__tablename__]
_COUNTERS = Story.metadata.tables[IdCounter.__tablename__]
_WORDS = Story.metadata.tables[StoryWord.__tablename__]
# The first statement of a batch: a write (so that SQLite takes its write lock now, before the
# batch reads anything, and PostgreSQL locks the row until commit) that reads the next ids.
_TAKE_TURN = (
    update(_COUNTERS)
    .values(next_article=_COUNTERS.c.next_article)
    .returning(_COUNTERS.c.next_article, _COUNTERS.c.next_story)
)
# A batch that still fails on its last attempt raises: that is a bug, not a race.
_ATTEMPTS = 3
# Moving an article (with its near-copies and mentions) out of the story it leaves: Core
# statements built once, since building a statement, and the ORM's bulk update path, cost
# more than running it.
_MOVED = select(_ARTICLES.c.id).where(
    _ARTICLES.c.story_id == bindparam("leaves"),
    or_(_ARTICLES.c.id == bindparam("article"), _ARTICLES.c.near_copy_of == bindparam("article")),
)
_MOVE_MENTIONS = (
    update(_MENTIONS)
    .where(_MENTIONS.c.story_id == bindparam("leaves"), _MENTIONS.c.article_id.in_(_MOVED))
    .values(story_id=bindparam("joins"))
)
_MOVE_ARTICLES = (
    update(_ARTICLES).where(_ARTICLES.c.id.in_(_MOVED)).values(story_id=bindparam("joins"))
)

Item = RawArticle | Rejected

# What a replay reads of each article.
_REPLAYED = select(
    ArticleRow.id,
    ArticleRow.content_key,
    ArticleRow.canonical_url,
    ArticleRow.story_id,
    ArticleRow.near_copy_of,
    ArticleRow.signature,
    ArticleRow.features,
    ArticleRow.published,
    ArticleRow.ingested_at,
)
_ReplayedRow = Row[int, str, str | None, int, int | None, bytes, str, datetime | None, datetime]

_OUTLET = length_of(ArticleRow.outlet.expression)
_ID = length_of(ArticleRow.external_id.expression)
_URL = min(length_of(ArticleRow.url.expression), length_of(ArticleRow.canonical_url.expression))


@dataclass
class IngestReport:
    added: int = 0
    known: int = 0
    near_copies: int = 0
    new_stories: set[int] = field(default_factory=set)
    updated_stories: set[int] = field(default_factory=set)
    #: small stories dissolved into others by a second look
    merged_stories: set[int] = field(default_factory=set)
    #: new stories that a split took out of another story (also in new_stories)
    split_stories: set[int] = field(default_factory=set)
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.added + self.known + len(self.rejected)

    def absorb(self, part: IngestReport) -> None:
        """Add another run's counts; a story new in either run counts as new, not updated,
        and a story merged into another in either counts as neither."""
        self.added += part.added
        self.known += part.known
        self.near_copies += part.near_copies
        self.merged_stories |= part.merged_stories
        self.split_stories |= part.split_stories
        self.split_stories -= self.merged_stories
        self.new_stories |= part.new_stories
        self.new_stories -= self.merged_stories
        self.updated_stories |= part.updated_stories
        self.updated_stories -= self.new_stories | self.merged_stories
        self.rejected.extend(part.rejected)

    def summary(self) -> str:
        merged = f" ({len(self.merged_stories)} merged into others)" if self.merged_stories else ""
        split = f" ({len(self.split_stories)} split off others)" if self.split_stories else ""
        return (
            f"added {self.added}, already known {self.known}, near-copies {self.near_copies}, "
            f"new stories {len(self.new_stories)}{split}, "
            f"updated stories {len(self.updated_stories)}"
            f"{merged}, rejected {len(self.rejected)}"
        )


def prepare(
    raw: RawArticle, settings: EngineSettings, *, describe: bool = True
) -> Prepared | Rejected:
    """The CPU part: clean, key, sign and (with ``describe``) describe one article (pure)."""
    cleaned = clean_article(raw, settings.clean)
    if isinstance(cleaned, Rejected):
        return cleaned
    canonical = canonical_url(cleaned.url) if cleaned.url else None
    cleaned = fit_article(cleaned, canonical)
    if isinstance(cleaned, Rejected):
        return cleaned
    return Prepared.of(cleaned, canonical, settings.near_copy, describe=describe)


def fit_article(article: Article, canonical: str | None) -> Article | Rejected:
    """The article with its outlet cut to fit its column, or why it cannot be stored: an id or
    a URL too long to keep (see ``storage.limits``)."""
    for value, what, length in (
        (article.external_id, "its id", _ID),
        (article.url, "its URL", _URL),
        (canonical, "its URL", _URL),
    ):
        problem = value and too_long(value, length, what)
        if problem:
            return Rejected(article.origin, problem)
    if article.outlet is None or len(article.outlet) <= _OUTLET:
        return article
    return replace(article, outlet=shorten(article.outlet, _OUTLET))


def prepare_all(
    items: list[Item], settings: EngineSettings, describe: bool
) -> list[Prepared | Rejected]:
    """A batch of ``prepare``; module-level so that a process pool can run it."""
    return [
        item if isinstance(item, Rejected) else prepare(item, settings, describe=describe)
        for item in items
    ]


class Ingestor:
    def __init__(
        self,
        sessions: SessionFactory,
        settings: EngineSettings,
        batch_size: int = 200,
        executor: Executor | None = None,
        housekeeping: Housekeeping | None = None,
        index_file: Path | None = None,
    ) -> None:
        """``housekeeping`` is the process's memory policy (``bot.collector``); without one the
        garbage collector is left as the process set it. The indexes are saved to
        ``index_file`` (see ``storage.index_file``) every ``_SAVE_EVERY`` seconds of ingest
        and by :meth:`save_index`, and read back from it at start when it matches the store.
        """
        self._sessions = sessions
        self._settings = settings
        self._batch_size = batch_size
        self._executor = executor
        self._housekeeping = housekeeping
        self._index_file = index_file
        # One batch, replay or save at a time: each reads and changes the indexes across awaits.
        self._turn = asyncio.Lock()
        self._saved = time.monotonic()
        self._reset(restore=True)

    def _reset(self, *, restore: bool = False) -> None:
        """Drop the indexes, to be rebuilt from the store at the next replay; read back from
        the index file first when ``restore`` (at start: after a conflict with the store, a
        saved file would be of no help)."""
        self._restorable = restore
        self._pipeline = Pipeline(self._settings)
        if self._housekeeping is not None:
            self._housekeeping.dropped()

    def _quiet(self) -> AbstractContextManager[None]:
        return nullcontext() if self._housekeeping is None else self._housekeeping.quiet()

    def _settle(self, indexed: int) -> None:
        """Tell the process's policy how many articles the indexes took in (articles already
        known add nothing to keep, so they do not count)."""
        if self._housekeeping is not None:
            self._housekeeping.indexed(indexed)

    async def ingest(
        self,
        items: Iterable[Item] | AsyncIterable[Item],
        *,
        source_id: int | None = None,
        progress: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Store every good item and report every bad one; one bad item stops nothing.

        With an executor, batches are prepared in other processes while earlier batches are
        decided and stored here; the order of the input is kept.
        """
        report = IngestReport()
        loop = asyncio.get_running_loop()
        in_flight: deque[asyncio.Future[list[Prepared | Rejected]]] = deque()
        ahead = 2 if self._executor else 0
        with self._quiet():
            async for chunk in _chunks(items, self._batch_size):
                if self._executor is None:
                    prepared = prepare_all(chunk, self._settings, False)
                    await self._take(prepared, source_id, report, progress)
                    continue
                in_flight.append(
                    loop.run_in_executor(self._executor, prepare_all, chunk, self._settings, True)
                )
                while len(in_flight) > ahead:
                    await self._take(await in_flight.popleft(), source_id, report, progress)
            while in_flight:
                await self._take(await in_flight.popleft(), source_id, report, progress)
        if report.added and time.monotonic() - self._saved >= _SAVE_EVERY:
            await self.save_index()
        return report

    async def save_index(self) -> bool:
        """Save the indexes to the index file (see ``storage.index_file``); whether they were.

        Nothing is saved without a file, or before the indexes took anything in. The pickle
        is made on the event loop (nothing may change the indexes meanwhile), the file is
        written in a thread.
        """
        path = self._index_file
        if path is None:
            return False
        async with self._turn:
            pipeline = self._pipeline
            if pipeline.last_id == 0:
                return False
            async with self._sessions() as session:
                key = await session.scalar(
                    select(ArticleRow.content_key).where(ArticleRow.id == pipeline.last_id)
                )
            if key is None:
                return False
            stamp = Stamp(
                engine_version(),
                repr(self._settings),
                pipeline.last_id,
                key,
                pipeline.last_story + 1,
                datetime.now(UTC),
            )
            data = dumps(stamp, pipeline)
        await asyncio.to_thread(write, path, data)
        self._saved = time.monotonic()
        return True

    async def _take(
        self,
        prepared: list[Prepared | Rejected],
        source_id: int | None,
        report: IngestReport,
        progress: Callable[[IngestReport], None] | None,
    ) -> None:
        report.rejected.extend(p for p in prepared if isinstance(p, Rejected))
        batch = [p for p in prepared if isinstance(p, Prepared)]
        if batch:
            await self._store(batch, source_id, report, progress)
        elif progress:
            progress(report)

    async def _store(
        self,
        batch: list[Prepared],
        source_id: int | None,
        report: IngestReport,
        progress: Callable[[IngestReport], None] | None,
    ) -> None:
        async with self._turn:
            await self._store_batch(batch, source_id, report, progress)

    async def _store_batch(
        self,
        batch: list[Prepared],
        source_id: int | None,
        report: IngestReport,
        progress: Callable[[IngestReport], None] | None,
    ) -> None:
        for attempt in range(_ATTEMPTS):
            # Most of what other writers stored is replayed before the lock is taken; the last
            # attempt rebuilds the indexes under the lock, where nothing can move meanwhile.
            if attempt < _ATTEMPTS - 1:
                await self._sync()
            outcome = IngestReport()
            try:
                async with self._sessions() as session, session.begin():
                    replayed = await _Batch(self, session, source_id, outcome).run(batch)
            except (IntegrityError, _MovedElsewhere):
                # The indexes saw articles that were rolled back, or stories another writer has
                # dissolved or split since: rebuild them from the store.
                self._reset()
                if attempt == _ATTEMPTS - 1:
                    raise
                log.warning("another writer moved stories this batch relies on; retrying")
                continue
            except BaseException:
                self._reset()
                raise
            report.absorb(outcome)
            self._settle(outcome.added + replayed)
            if progress:
                progress(report)
            return

    async def sync(self) -> None:
        """Replay into the indexes every article stored since we last looked (see
        :meth:`_sync`)."""
        async with self._turn:
            await self._sync()

    async def _sync(self) -> None:
        """Replay into the indexes every article stored since we last looked.

        Read in slices of ``_REPLAY_SLICE`` rows: a bot rebuilding its indexes at start still
        answers its chats between slices (when the whole store was replayed, a 94k store's
        longest pause was 0.9 s, 1.8 s with slices of 2,000). It is a quiet block for the
        housekeeping, as an ingest is: a replay makes the same long-lived objects, and at start
        (``newsbot ingest`` on a store, a bot's first sync) nothing else had paused automatic
        collection, which took a fifth of a 100k store's replay (45 s, 36 s without it).
        """
        with self._quiet():
            async with self._sessions() as session:
                replayed = await self._replay(session)
        self._settle(replayed)

    async def _replay(self, session: AsyncSession) -> int:
        """Add the articles stored since we last looked to the indexes; how many there were.

        Ids are committed in increasing order (see ``IdCounter``), so those above the last one
        seen are all that is new. With nothing known yet, the indexes are built from the
        window's stories alone (:meth:`_rebuild`).
        """
        if self._pipeline.last_id == 0 and not await self._restore(session):
            return await self._rebuild(session)
        pipeline = self._pipeline
        # Most often no other writer has stored anything: the id counter says so in one row.
        next_article = await session.scalar(select(_COUNTERS.c.next_article))
        replayed = 0
        while next_article is None or pipeline.last_id < next_article - 1:
            # Pages with a limit: PostgreSQL's generic plan for a bare "id > $1" scanned the
            # whole table (a million rows) where the index gives the few rows after it.
            rows = (
                await session.execute(
                    _REPLAYED.where(ArticleRow.id > pipeline.last_id)
                    .order_by(ArticleRow.id)
                    .limit(_REPLAY_SLICE)
                )
            ).all()
            for row in rows:
                self._replay_row(row, rebuilding=False)
            replayed += len(rows)
            if len(rows) < _REPLAY_SLICE:
                break
            # A bot replaying at start answers its chats between pages.
            await asyncio.sleep(0)
        return replayed

    async def _restore(self, session: AsyncSession) -> bool:
        """Take the indexes from the index file when it matches the store (see
        ``storage.index_file``); whether they were taken."""
        path = self._index_file
        stamp = None if path is None or not self._restorable else read_stamp(path)
        self._restorable = False
        if path is None or stamp is None:
            return False
        if stamp.engine != engine_version() or stamp.settings != repr(self._settings):
            log.info("the saved indexes are of other engine code or settings: rebuilding them")
            return False
        key = await session.scalar(
            select(ArticleRow.content_key).where(ArticleRow.id == stamp.last_id)
        )
        split = await session.scalar(
            select(ArticleRow.id)
            .where(ArticleRow.story_id >= stamp.next_story, ArticleRow.id <= stamp.last_id)
            .limit(1)
        )
        pipeline = None if key != stamp.last_key or split is not None else read_pipeline(path)
        if pipeline is None:
            log.info("the saved indexes do not match the store: rebuilding them")
            return False
        # Moves are written with the time their batch began: a batch of another writer may
        # have begun before the save and committed after it. A story dissolved then that the
        # saved indexes still hold makes them stale; one they dissolved themselves does not.
        dissolved = await session.scalars(
            select(StoryMerge.story_id).where(
                StoryMerge.merged_at >= stamp.saved_at - _MOVES_BEFORE_SAVE
            )
        )
        if any(pipeline.holds(story_id) for story_id in dissolved):
            log.info("stories the saved indexes hold were dissolved since: rebuilding them")
            return False
        self._pipeline = pipeline
        return True

    async def _rebuild(self, session: AsyncSession) -> int:
        """Replay the stories of the window (``ClusterSettings.window_days`` behind the newest
        article, and those of the last ``window_articles`` articles stored), in id order; the
        articles before them are passed over.

        A story is in the window by its latest publication time, or, when none of its articles
        is dated, by when it was last written; the newest article is the newest dated one (the
        newest stored when none is). The replay picks up the second looks still to
        come; articles other writers store later are theirs to look at.
        """
        pipeline = self._pipeline
        last = await session.scalar(select(func.max(ArticleRow.id)))
        if last is None:
            return 0
        newest = await session.scalar(
            select(func.max(ArticleRow.published)).where(
                ArticleRow.published <= datetime.now(UTC) + timedelta(days=1)
            )
        )
        if newest is None:
            newest = await session.scalar(select(func.max(ArticleRow.ingested_at)))
        assert newest is not None
        cutoff = datetime.fromtimestamp(pipeline.cutoff(newest.timestamp()), UTC)
        stories = set(await session.scalars(select(Story.id).where(Story.last_published >= cutoff)))
        stories.update(
            await session.scalars(
                select(Story.id).where(Story.last_published.is_(None), Story.updated_at >= cutoff)
            )
        )
        recent = last - self._settings.cluster.window_articles
        stories.update(
            await session.scalars(
                select(ArticleRow.story_id).where(ArticleRow.id > recent).distinct()
            )
        )
        ids: list[int] = []
        for part in in_lists(sorted(stories)):
            ids += await session.scalars(select(ArticleRow.id).where(ArticleRow.story_id.in_(part)))
        ids.sort()
        for part in in_lists(ids):
            rows = await session.execute(
                _REPLAYED.where(ArticleRow.id.in_(part)).order_by(ArticleRow.id)
            )
            for row in rows:
                self._replay_row(row, rebuilding=True)
            # A bot rebuilding at start answers its chats between slices.
            await asyncio.sleep(0)
        pipeline.skipped(last, await session.scalar(select(func.max(Story.id))) or 0)
        return len(ids)

    def _replay_row(self, row: _ReplayedRow, *, rebuilding: bool) -> None:
        self._pipeline.replay(*row, rebuilding=rebuilding)


class _MovedElsewhere(Exception):
    """Another writer moved an article this batch copies: the indexes are out of date."""


@dataclass
class _StoryChange:
    """What one batch does to a story; written in one statement at the end of the batch."""

    articles: int = 0
    copies: int = 0
    first: datetime | None = None
    last: datetime | None = None

    def add(self, published: datetime | None, is_copy: bool) -> None:
        self.articles += 1
        self.copies += int(is_copy)
        if published is not None:
            self.first = published if self.first is None else min(self.first, published)
            self.last = published if self.last is None else max(self.last, published)


class _Batch:
    """Has the pipeline decide a batch in memory, then writes it with a few bulk statements.

    Ids are handed out from the id counter, locked for the whole transaction, so decisions can
    refer to articles and stories of the same batch before anything is written, and no other
    writer takes the same ids.
    """

    def __init__(
        self, owner: Ingestor, session: AsyncSession, source_id: int | None, report: IngestReport
    ) -> None:
        self.owner = owner
        self.session = session
        self.source_id = source_id
        self.report = report
        self.now = datetime.now(UTC)
        self.articles: list[dict[str, object]] = []
        self.new_stories: list[dict[str, object]] = []
        self.changes: dict[int, _StoryChange] = {}
        self.moves: list[Move] = []
        self.split_off: list[int] = []
        #: each original stored, in id order, and its story
        self.searchable: list[tuple[int, Prepared]] = []
        # The story each stored original's copies were filed under, to check before writing.
        self.copied: dict[int, int] = {}
        self.ids = Ids(0, 0)
        self.stored_keys: set[str] = set()
        self.stored_urls: set[str | None] = set()

    async def run(self, batch: list[Prepared]) -> int:
        """Decide and write the batch; how many articles of other writers were replayed first."""
        self.ids = Ids(*(await self.session.execute(_TAKE_TURN)).one())
        replayed = await self.owner._replay(self.session)
        await self.look_up(batch)
        stored_before = self.ids.next_article
        for prepared in batch:
            await self.one(prepared)
        await self.check_copied(stored_before)
        await self.write()
        await self.session.execute(
            update(_COUNTERS).values(
                next_article=self.ids.next_article, next_story=self.ids.next_story
            )
        )
        return replayed

    async def look_up(self, batch: list[Prepared]) -> None:
        """Note which of the batch's texts and canonical URLs the store holds already: the
        pipeline knows only those of its window."""
        keys = [p.content_key for p in batch]
        urls = [p.canonical_url for p in batch if p.canonical_url]
        self.stored_keys = set(
            await self.session.scalars(
                select(ArticleRow.content_key).where(ArticleRow.content_key.in_(keys))
            )
        )
        if urls:
            self.stored_urls = set(
                await self.session.scalars(
                    select(ArticleRow.canonical_url).where(ArticleRow.canonical_url.in_(urls))
                )
            )

    async def one(self, p: Prepared) -> None:
        """Have the pipeline decide on the article (reading the texts of look-alikes it does
        not hold), then note the rows to write and what the report tells."""
        pipeline = self.owner._pipeline
        stored = p.content_key in self.stored_keys or p.canonical_url in self.stored_urls
        look = KNOWN if stored else pipeline.look(p)
        if isinstance(look, Known):
            self.report.known += 1
            return
        if look.unread:
            rows = await self.session.execute(
                select(ArticleRow.id, ArticleRow.body).where(ArticleRow.id.in_(look.unread))
            )
            for id_, body in rows:
                pipeline.read(look, id_, body)
        decision = pipeline.decide(p, look, self.ids)
        story_id, original = decision.story_id, decision.original
        if original is not None:
            self.copied.setdefault(original, story_id)
            self.report.near_copies += 1
        elif decision.new_story:
            self.new_story(story_id, p.article)
        self.articles.append(self.row(decision.article_id, p, story_id, original))
        if original is None:
            self.searchable.append((story_id, p))
            self.moved(decision)
        self.changes.setdefault(story_id, _StoryChange()).add(
            p.article.published, is_copy=original is not None
        )
        if story_id not in self.report.new_stories:
            self.report.updated_stories.add(story_id)
        self.report.added += 1

    def moved(self, decision: Decision) -> None:
        """Note the stories the article's second looks and splits made and what they moved."""
        for move in decision.second_looks:
            self.move(move, dissolves=True)
        for story_id in decision.split_off:
            self.new_story(story_id, None)
            self.split_off.append(story_id)
            self.report.split_stories.add(story_id)
        for move in decision.splits:
            self.move(move, dissolves=False)

    def move(self, move: Move, *, dissolves: bool) -> None:
        """Note an article a second look (which dissolves the story it leaves) or a split
        moved; its near-copies follow it when written."""
        self.moves.append(move)
        report = self.report
        if dissolves:
            report.merged_stories.add(move.from_story)
            report.new_stories.discard(move.from_story)
            report.updated_stories.discard(move.from_story)
        touched = (move.to_story,) if dissolves else (move.from_story, move.to_story)
        report.updated_stories.update(s for s in touched if s not in report.new_stories)

    async def check_copied(self, stored_before: int) -> None:
        """Refuse the batch when a stored original it copies is no longer in the story these
        indexes know: another writer has split that story since, and the copies would be
        filed apart from their original. Originals this batch moved itself are not checked."""
        moved = {m.article_id for m in self.moves}
        expected = {
            original: story
            for original, story in self.copied.items()
            if original < stored_before and original not in moved
        }
        if not expected:
            return
        rows = await self.session.execute(
            select(ArticleRow.id, ArticleRow.story_id).where(ArticleRow.id.in_(list(expected)))
        )
        if any(story != expected[id_] for id_, story in rows):
            raise _MovedElsewhere

    def new_story(self, story_id: int, first: Article | None) -> None:
        """A new story, named after its first article (a split's part is named when written).

        The stored title is in whatever language that article is; the title a reader sees is
        chosen when read, by the reader's language (``storage.queries.StoryInfo.headlines``).
        """
        title = (
            headline_of(
                first.title, first.body, outlet=first.outlet, url=first.url, language=first.language
            )
            if first
            else ""
        )
        self.new_stories.append(
            {
                "id": story_id,
                "title": title,
                "search_title": fold(title),
                "created_at": self.now,
                "updated_at": self.now,
                "article_count": 0,
                "copy_count": 0,
            }
        )
        self.report.new_stories.add(story_id)

    def row(
        self, article_id: int, p: Prepared, story_id: int, original: int | None
    ) -> dict[str, object]:
        """The article's row: an original's facts are pending (None); a near-copy keeps no
        facts or features of its own ("": its original has them)."""
        a = p.article
        return {
            "id": article_id,
            "external_id": a.external_id,
            "url": a.url,
            "canonical_url": p.canonical_url,
            "content_key": p.content_key,
            "title": a.title,
            "body": a.body,
            "captions": "\n".join(a.captions),
            "outlet": a.outlet,
            "language": a.language,
            "published": a.published,
            "ingested_at": self.now,
            "origin": a.origin,
            "source_id": self.source_id,
            "story_id": story_id,
            "near_copy_of": original,
            "signature": signature_to_bytes(p.signature),
            "features": "" if original is not None else p.described().to_json(),
            "facts": None if original is None else "",
        }

    async def write(self) -> None:
        """Core inserts (executemany): the ORM's bulk path costs more than the database."""
        for table, rows in ((_STORIES, self.new_stories), (_ARTICLES, self.articles)):
            if rows:
                await self.session.execute(insert(table), rows)
        if not self.changes:
            return
        stories = await self.session.scalars(select(Story).where(Story.id.in_(list(self.changes))))
        originals: dict[int, int] = {}
        for story in stories:
            change = self.changes[story.id]
            originals[story.id] = story.article_count - story.copy_count
            story.article_count += change.articles
            story.copy_count += change.copies
            story.updated_at = self.now
            if change.first is not None and change.last is not None:
                story.first_published = min(filter(None, (story.first_published, change.first)))
                story.last_published = max(filter(None, (story.last_published, change.last)))
        await self.write_words(originals)
        if self.moves:
            await self.session.flush()
            await self.write_moves()

    async def write_words(self, originals: dict[int, int]) -> None:
        """Make each story findable by the words of the originals stored into it, while it has
        fewer than ``STORY_ARTICLES`` (``originals``: how many it had before this batch).

        The stored ones have smaller ids, so the story's words stay those of its first
        originals (the words of an original past them are not even worked out). Its other
        articles may hold some words already.
        """
        rows: dict[tuple[str, int], None] = {}
        for story_id, prepared in self.searchable:
            if originals[story_id] < STORY_ARTICLES:
                originals[story_id] += 1
                rows.update(((word, story_id), None) for word in prepared.searchable())
        if rows:
            await self.session.execute(
                _new_words(self.session),
                [{"word": word, "story_id": story_id} for word, story_id in rows],
            )

    async def write_moves(self) -> None:
        """Move each article a second look or a split moved, with its near-copies and mentions;
        recount the stories involved and find their words again; leave a redirect for each
        dissolved story and title each story a split made after its first article.

        Moves are written in the order they were made: an article may move twice in a batch.
        Each statement names the story the article leaves, so that it reads that story's rows
        by index (near-copies and mentions have none of their own).
        """
        session = self.session
        for move in self.moves:
            leg = {"article": move.article_id, "leaves": move.from_story, "joins": move.to_story}
            await session.execute(_MOVE_MENTIONS, leg)
            await session.execute(_MOVE_ARTICLES, leg)
        involved = {m.from_story for m in self.moves} | {m.to_story for m in self.moves}
        counts = {
            row[0]: row
            for row in await session.execute(
                select(
                    ArticleRow.story_id,
                    func.count(),
                    func.count(ArticleRow.near_copy_of),
                    func.min(ArticleRow.published),
                    func.max(ArticleRow.published),
                )
                .where(ArticleRow.story_id.in_(involved))
                .group_by(ArticleRow.story_id)
            )
        }
        for story in await session.scalars(select(Story).where(Story.id.in_(counts))):
            _, story.article_count, story.copy_count, first, last = counts[story.id]
            story.first_published, story.last_published = first, last
            story.updated_at = self.now
        await self.rewrite_words(involved, counts)
        into = {m.from_story: m.to_story for m in self.moves if m.from_story not in counts}
        for old, new in into.items():
            await session.execute(
                update(StoryMerge).where(StoryMerge.into_id == old).values(into_id=new)
            )
            await session.execute(
                insert(StoryMerge).values(story_id=old, into_id=new, merged_at=self.now)
            )
        await session.execute(delete(Story).where(Story.id.in_(list(into))))
        if self.split_off:
            first_ids = (
                select(func.min(ArticleRow.id))
                .where(ArticleRow.story_id.in_(self.split_off))
                .group_by(ArticleRow.story_id)
            )
            firsts = await session.execute(
                select(
                    ArticleRow.story_id,
                    ArticleRow.title,
                    ArticleRow.body,
                    ArticleRow.outlet,
                    ArticleRow.url,
                    ArticleRow.language,
                ).where(ArticleRow.id.in_(first_ids))
            )
            for story_id, title, body, outlet, url, language in firsts:
                headline = headline_of(title, body, outlet=outlet, url=url, language=language)
                await session.execute(
                    update(Story)
                    .where(Story.id == story_id)
                    .values(title=headline, search_title=fold(headline))
                )

    async def rewrite_words(self, involved: Iterable[int], remaining: Iterable[int]) -> None:
        """Give the stories articles moved between the words of the first originals they hold
        now (``remaining``: those that still hold any): a story a split left keeps no word
        only its departed articles had, and one a second look dissolved keeps none."""
        session = self.session
        await session.execute(delete(_WORDS).where(_WORDS.c.story_id.in_(list(involved))))
        rows: list[dict[str, object]] = []
        for story_id in remaining:
            told = await session.execute(
                select(ArticleRow.title, func.substr(ArticleRow.body, 1, LEAD_CHARS))
                .where(ArticleRow.story_id == story_id, ArticleRow.near_copy_of.is_(None))
                .order_by(ArticleRow.id)
                .limit(STORY_ARTICLES)
            )
            words = story_words((title, body) for title, body in told)
            rows.extend({"word": word, "story_id": story_id} for word in words)
        if rows:
            await session.execute(insert(_WORDS), rows)


def _new_words(session: AsyncSession) -> sqlite.Insert | postgresql.Insert:
    """An insert of story words that leaves out those already stored."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(_WORDS).on_conflict_do_nothing()
    return sqlite.insert(_WORDS).on_conflict_do_nothing()


async def _chunks(
    items: Iterable[Item] | AsyncIterable[Item], size: int
) -> AsyncIterator[list[Item]]:
    chunk: list[Item] = []
    if isinstance(items, AsyncIterable):
        async for item in items:
            chunk.append(item)
            if len(chunk) >= size:
                yield chunk
                chunk = []
    else:
        for item in items:
            chunk.append(item)
            if len(chunk) >= size:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


async def upsert_source(session: AsyncSession, url: str, title: str | None = None) -> Source:
    source = await session.scalar(select(Source).where(Source.url == url))
    if source is None:
        source = Source(url=url, title=title, failures=0, paused=False)
        session.add(source)
        await session.flush()
    elif title and not source.title:
        source.title = title
    return source
