"""Read queries the handlers ask; they return plain dataclasses, never ORM rows."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.facts import pending_features, stored_facts
from storage.models import Article, Mention, Story, StoryMerge
from stories.clean import headline_of
from stories.names import query_keys
from stories.story_input import ArticleView


@dataclass(frozen=True, slots=True)
class ArticleRef:
    id: int
    title: str
    outlet: str
    url: str | None
    published: datetime | None
    near_copy_of: int | None


@dataclass(frozen=True, slots=True)
class StoryInfo:
    id: int
    title: str
    updated_at: datetime
    first_published: datetime | None
    last_published: datetime | None
    article_count: int
    copy_count: int
    outlets: tuple[str, ...]


UNKNOWN_OUTLET = "unknown outlet"


def outlet_name(outlet: str | None) -> str:
    return outlet or UNKNOWN_OUTLET


async def _outlets(session: AsyncSession, story_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """Outlets per story, the most prolific first (one grouped query for all stories)."""
    if not story_ids:
        return {}
    rows = await session.execute(
        select(Article.story_id, Article.outlet, func.count())
        .where(Article.story_id.in_(story_ids))
        .group_by(Article.story_id, Article.outlet)
    )
    counted: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for story_id, outlet, count in rows:
        counted[story_id].append((count, outlet_name(outlet)))
    return {
        story_id: tuple(name for _, name in sorted(pairs, key=lambda p: (-p[0], p[1])))
        for story_id, pairs in counted.items()
    }


def _info(story: Story, outlets: tuple[str, ...]) -> StoryInfo:
    return StoryInfo(
        id=story.id,
        title=story.title,
        updated_at=story.updated_at,
        first_published=story.first_published,
        last_published=story.last_published,
        article_count=story.article_count,
        copy_count=story.copy_count,
        outlets=outlets,
    )


async def _infos(session: AsyncSession, stories: Sequence[Story]) -> list[StoryInfo]:
    outlets = await _outlets(session, [s.id for s in stories])
    return [_info(s, outlets.get(s.id, ())) for s in stories]


async def count_stories(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Story)) or 0)


async def recent_stories(session: AsyncSession, limit: int, offset: int = 0) -> list[StoryInfo]:
    """Stories with the newest activity first; the biggest first among equals."""
    stories = await session.scalars(
        select(Story)
        .order_by(Story.updated_at.desc(), Story.article_count.desc(), Story.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return await _infos(session, list(stories))


async def story_by_id(session: AsyncSession, story_id: int) -> StoryInfo | None:
    """The story with this id, or the one it was merged into."""
    story = await session.get(Story, story_id)
    if story is None:
        into = await session.scalar(
            select(StoryMerge.into_id).where(StoryMerge.story_id == story_id)
        )
        story = None if into is None else await session.get(Story, into)
    return None if story is None else (await _infos(session, [story]))[0]


_WORD = re.compile(r"\w+")


async def stories_matching(session: AsyncSession, words: str, limit: int) -> list[StoryInfo]:
    """Stories whose headline contains every word given (case-insensitive), newest first."""
    terms = [w.lower() for w in _WORD.findall(words)][:8]
    if not terms:
        return []
    query = select(Story)
    for term in terms:
        pattern = f"%{term}%"
        query = query.where(
            or_(
                func.lower(Story.title).like(pattern),
                Story.id.in_(
                    select(Article.story_id).where(func.lower(Article.title).like(pattern))
                ),
            )
        )
    stories = await session.scalars(
        query.order_by(Story.updated_at.desc(), Story.article_count.desc(), Story.id.desc()).limit(
            limit
        )
    )
    return await _infos(session, list(stories))


#: characters of an article's body read with its title, for :func:`headline_of`
_OPENING_CHARS = 400


async def story_articles(session: AsyncSession, story_id: int) -> list[ArticleRef]:
    """Every article of a story, copies included, in publication order, with the headline
    to show for it."""
    rows = await session.execute(
        select(
            Article.id,
            Article.title,
            func.substr(Article.body, 1, _OPENING_CHARS),
            Article.outlet,
            Article.url,
            Article.published,
            Article.near_copy_of,
        )
        .where(Article.story_id == story_id)
        .order_by(Article.published.is_(None), Article.published, Article.id)
    )
    return [
        ArticleRef(id_, headline_of(title, opening), outlet_name(outlet), url, published, copy_of)
        for id_, title, opening, outlet, url, published, copy_of in rows
    ]


#: the most original articles a comparison reads: the earliest ones tell the story
MAX_VIEWS = 60


async def story_views(
    session: AsyncSession, story_id: int, limit: int = MAX_VIEWS
) -> list[ArticleView]:
    """The story's original articles (near-copies left out) with their facts, oldest first."""
    rows = await session.execute(
        select(
            Article.id,
            Article.outlet,
            Article.url,
            Article.published,
            Article.title,
            Article.body,
            Article.captions,
            Article.facts,
            pending_features(),
            Article.language,
        )
        .where(Article.story_id == story_id, Article.near_copy_of.is_(None))
        .order_by(Article.id)
        .limit(limit)
    )
    return [
        ArticleView(
            row.id,
            outlet_name(row.outlet),
            row.url,
            row.published,
            row.body,
            stored_facts(row.facts, row.features, row.title, row.body, row.captions),
            row.language,
        )
        for row in rows
    ]


async def most_named(session: AsyncSession, stories: int = 20) -> str | None:
    """The person named most often in the latest stories (an example for hints), or None."""
    latest = select(Story.id).order_by(Story.updated_at.desc(), Story.id.desc()).limit(stories)
    return await session.scalar(
        select(Mention.name)
        .where(Mention.story_id.in_(latest.scalar_subquery()))
        .group_by(Mention.name)
        .order_by(func.count().desc(), Mention.name)
        .limit(1)
    )


async def surname_keys(session: AsyncSession) -> list[str]:
    """Every distinct surname key (an index-only scan)."""
    return list((await session.scalars(select(Mention.surname_key).distinct())).all())


async def names_with_keys(session: AsyncSession, keys: Sequence[str]) -> dict[str, list[str]]:
    """Spellings stored under each of ``keys``, most mentioned first."""
    rows = await session.execute(
        select(Mention.surname_key, Mention.name, func.count())
        .where(Mention.surname_key.in_(list(keys)))
        .group_by(Mention.surname_key, Mention.name)
        .order_by(func.count().desc(), Mention.name)
    )
    found: dict[str, list[str]] = defaultdict(list)
    for key, name, _ in rows:
        found[key].append(name)
    return dict(found)


async def stories_naming(
    session: AsyncSession, names: Sequence[str], limit: int
) -> list[StoryInfo]:
    """Stories that mention any of ``names``, newest activity first."""
    keys = {key for name in names for key in query_keys(name)}
    story_ids = (
        select(Mention.story_id)
        .where(Mention.surname_key.in_(keys), Mention.name.in_(list(names)))
        .distinct()
    )
    stories = await session.scalars(
        select(Story)
        .where(Story.id.in_(story_ids))
        .order_by(Story.updated_at.desc(), Story.id.desc())
        .limit(limit)
    )
    return await _infos(session, list(stories))


@dataclass(frozen=True, slots=True)
class ExportRow:
    id: str
    url: str | None
    outlet: str | None
    story: int
    near_copy_of: str | None
    language: str | None


async def export_rows(session: AsyncSession, chunk: int = 1000) -> AsyncIterator[ExportRow]:
    """Every stored article in id order; ids are the input ids where the input gave them."""
    original = Article.__table__.alias("original")
    query = (
        select(
            Article.id,
            Article.external_id,
            Article.url,
            Article.outlet,
            Article.story_id,
            original.c.id,
            original.c.external_id,
            Article.language,
        )
        .outerjoin(original, original.c.id == Article.near_copy_of)
        .order_by(Article.id)
        .execution_options(yield_per=chunk)
    )
    result = await session.stream(query)
    async for id_, ext, url, outlet, story, copy_id, copy_ext, language in result:
        yield ExportRow(
            id=ext or str(id_),
            url=url,
            outlet=outlet,
            story=story,
            near_copy_of=None if copy_id is None else (copy_ext or str(copy_id)),
            language=language,
        )


async def stored_urls(session: AsyncSession, canonical_urls: Sequence[str]) -> set[str]:
    """Which of these canonical URLs an article is stored under."""
    found: set[str] = set()
    unique = list(dict.fromkeys(canonical_urls))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        rows = await session.scalars(
            select(Article.canonical_url).where(Article.canonical_url.in_(chunk))
        )
        found.update(url for url in rows if url is not None)
    return found
