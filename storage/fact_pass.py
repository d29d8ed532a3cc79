"""Facts are found after an article is stored, not while it is ingested.

Finding an article's facts (people, numbers, quotes, dates) costs more than cleaning,
deduplicating and clustering it together, and a story should be there as soon as its
article is stored. So ingest stores an original article with its facts pending (NULL), and
:class:`FactFinder` fills them in a pass right after: after a poll, after ``newsbot
ingest``, and at start for whatever a crash left pending. A reader that meets a pending
article finds its facts itself (``stories.factfinder.stored_facts``), so no answer depends
on the pass having run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Label, case, func, insert, null, select, update

from storage.db import SessionFactory
from storage.housekeeping import Housekeeping
from storage.limits import length_of
from storage.models import Article, Mention
from stories.factfinder import (
    extract_facts,
    facts_to_json,
    people_named,
    stored_article,
    stored_language,
)
from stories.facts import ArticleFacts

_MENTIONS = Mention.metadata.tables[Mention.__tablename__]
_NAME = length_of(_MENTIONS.c.name)
_SURNAME_KEY = length_of(_MENTIONS.c.surname_key)

#: articles per slice: about 75 ms of work, so chats are answered between slices
SLICE = 50


def pending_features() -> Label[str | None]:
    """The features of an article whose facts are pending, else NULL (not worth reading).

    A pending article's facts are found from its features' publication time, which keeps
    the outlet's time zone (the stored ``published`` is UTC): "yesterday" is the outlet's.
    """
    return case((Article.facts.is_(None), Article.features), else_=null()).label("features")


@dataclass(frozen=True, slots=True)
class _Pending:
    id: int
    title: str
    body: str
    captions: str
    features: str
    published: datetime | None


def _find(rows: list[_Pending]) -> list[ArticleFacts]:
    """The facts of a slice of articles; module-level so that a process pool can run it."""
    return [extract_facts(stored_article(r.title, r.body, r.captions, r.features)) for r in rows]


class FactFinder:
    """Finds the facts of stored articles whose facts are pending, a slice at a time.

    Safe to run in several processes at once: a slice is written only where its facts are
    still pending, and its people only for the articles that write changed.
    """

    def __init__(
        self,
        sessions: SessionFactory,
        executor: Executor | None = None,
        slice_size: int = SLICE,
        housekeeping: Housekeeping | None = None,
    ) -> None:
        """``housekeeping`` is the process's memory policy (``bot.collector``): a slice found
        here is a quiet block for it. Without one the collector is left as the process set it."""
        self._sessions = sessions
        self._executor = executor
        self._slice = slice_size
        self._housekeeping = housekeeping
        self._lock = asyncio.Lock()

    async def pending(self) -> int:
        async with self._sessions() as session:
            count = await session.scalar(
                select(func.count()).select_from(Article).where(Article.facts.is_(None))
            )
        return int(count or 0)

    async def run(self, progress: Callable[[int], None] | None = None) -> int:
        """Find every pending article's facts; returns how many this call found."""
        async with self._lock:
            found = 0
            after = 0
            while rows := await self._next(after):
                found += await self._store(rows, await self._find(rows))
                after = rows[-1].id
                if progress:
                    progress(found)
            return found

    async def _next(self, after: int) -> list[_Pending]:
        async with self._sessions() as session:
            rows = await session.execute(
                select(
                    Article.id,
                    Article.title,
                    Article.body,
                    Article.captions,
                    Article.features,
                    Article.published,
                )
                .where(Article.facts.is_(None), Article.id > after)
                .order_by(Article.id)
                .limit(self._slice)
            )
            return [_Pending(*row) for row in rows]

    async def _find(self, rows: list[_Pending]) -> list[ArticleFacts]:
        if self._executor is None:
            with nullcontext() if self._housekeeping is None else self._housekeeping.quiet():
                facts = _find(rows)
            await asyncio.sleep(0)  # let the chats be answered between slices
            return facts
        return await asyncio.get_running_loop().run_in_executor(self._executor, _find, rows)

    async def _store(self, rows: list[_Pending], facts: list[ArticleFacts]) -> int:
        documents = {row.id: facts_to_json(f) for row, f in zip(rows, facts, strict=True)}
        async with self._sessions() as session, session.begin():
            written = await session.execute(
                update(Article)
                .where(Article.id.in_(documents), Article.facts.is_(None))
                .values(facts=case(documents, value=Article.id))
                .returning(Article.id, Article.story_id)
                .execution_options(synchronize_session=False)
            )
            # The story as it is now: a second look may have moved the article since it was read.
            done = {id_: story_id for id_, story_id in written}
            people = [
                mention
                for row, f in zip(rows, facts, strict=True)
                if row.id in done
                for mention in mention_rows(
                    f, row.id, done[row.id], row.published, stored_language(row.features)
                )
            ]
            if people:
                await session.execute(insert(_MENTIONS), people)
        return len(done)


def mention_rows(
    facts: ArticleFacts,
    article_id: int,
    story_id: int,
    published: datetime | None,
    language: str | None = None,
) -> list[dict[str, object]]:
    """One row per person an article names (``stories.factfinder.people_named``), cut to fit
    its columns."""
    return [
        {
            "article_id": article_id,
            "story_id": story_id,
            "name": person.name[:_NAME],
            "surname_key": person.surname_key[:_SURNAME_KEY],
            "description": person.description,
            "published": published,
        }
        for person in people_named(facts, language)
    ]
