"""Read queries the handlers ask; they return plain dataclasses, never ORM rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from storage.fact_pass import pending_features
from storage.models import Article, Mention, Story, StoryMerge, StoryWord
from stories.factfinder import stored_facts
from stories.headlines import (
    HEADLINE_CANDIDATES,
    OPENING_CHARS,
    Candidate,
    headline_of,
    headlines_by_language,
)
from stories.names import query_keys
from stories.search import PREFIX_FROM, is_kept, query_terms
from stories.story_input import ArticleView


@dataclass(frozen=True, slots=True)
class ArticleRef:
    id: int
    title: str
    outlet: str
    url: str | None
    published: datetime | None
    near_copy_of: int | None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class StoryInfo:
    id: int
    #: the headline the story was named by when it began (its first article's), in whatever
    #: language that is; what readers see is chosen from ``headlines``
    title: str
    updated_at: datetime
    first_published: datetime | None
    last_published: datetime | None
    article_count: int
    copy_count: int
    outlets: tuple[str, ...]
    #: the headline that best represents the story in each language it is told in
    #: (``storage.queries._headlines``), in the order the languages arrived
    #: (``stories.reader.title_for`` picks the reader's)
    headlines: tuple[tuple[str, str], ...] = ()

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(language for language, _ in self.headlines)


UNKNOWN_OUTLET = "unknown outlet"


def outlet_name(outlet: str | None) -> str:
    return outlet or UNKNOWN_OUTLET


async def _outlets(session: AsyncSession, story_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """Who tells each story: its outlets, the most prolific first (one grouped query over the
    stories' articles, read by ``ix_articles_story_id_id``)."""
    if not story_ids:
        return {}
    rows = await session.execute(
        select(Article.story_id, Article.outlet, func.count())
        .where(Article.story_id.in_(story_ids))
        .group_by(Article.story_id, Article.outlet)
    )
    counted: dict[int, dict[str, int]] = defaultdict(dict)
    for story_id, outlet, count in rows:
        name = outlet_name(outlet)
        counted[story_id][name] = counted[story_id].get(name, 0) + count
    return {
        story_id: tuple(name for name, _ in sorted(names.items(), key=lambda p: (-p[1], p[0])))
        for story_id, names in counted.items()
    }


async def _headlines(
    session: AsyncSession, story_ids: Sequence[int]
) -> dict[int, tuple[tuple[str, str], ...]]:
    """Each story's headline in each language it is told in (``headlines_by_language``: of its
    first ``HEADLINE_CANDIDATES`` originals in the language, the only ones read). Chosen at
    read time rather than stored, so that a story joined by its first article in a language,
    a second look or a split, or another reader language in the config, needs no title
    rewritten."""
    if not story_ids:
        return {}
    ranked = (
        select(
            Article.id,
            func.row_number()
            .over(partition_by=(Article.story_id, Article.language), order_by=Article.id)
            .label("rank"),
        )
        .where(
            Article.story_id.in_(story_ids),
            Article.near_copy_of.is_(None),
            Article.language.is_not(None),
        )
        .subquery()
    )
    rows = await session.execute(
        select(
            Article.story_id,
            Article.language,
            Article.title,
            func.substr(Article.body, 1, OPENING_CHARS),
            Article.outlet,
            Article.url,
        )
        .join(ranked, ranked.c.id == Article.id)
        .where(ranked.c.rank <= HEADLINE_CANDIDATES)
        .order_by(Article.id)
    )
    told: dict[int, list[tuple[str, Candidate]]] = defaultdict(list)
    for story_id, language, title, opening, outlet, url in rows:
        told[story_id].append((language, Candidate(title, opening, outlet, url)))
    return {story_id: headlines_by_language(originals) for story_id, originals in told.items()}


def _info(
    story: Story, outlets: tuple[str, ...], headlines: tuple[tuple[str, str], ...]
) -> StoryInfo:
    return StoryInfo(
        id=story.id,
        title=story.title,
        updated_at=story.updated_at,
        first_published=story.first_published,
        last_published=story.last_published,
        article_count=story.article_count,
        copy_count=story.copy_count,
        outlets=outlets,
        headlines=headlines,
    )


async def _infos(session: AsyncSession, stories: Sequence[Story]) -> list[StoryInfo]:
    ids = [s.id for s in stories]
    outlets = await _outlets(session, ids)
    headlines = await _headlines(session, ids)
    return [_info(s, outlets.get(s.id, ()), headlines.get(s.id, ())) for s in stories]


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


def _with_word(term: str) -> ColumnElement[bool]:
    """The story is found by ``term``: one of its words is it or, from ``PREFIX_FROM``
    characters, begins with it. A range of the word key (words compare by code point)."""
    word = StoryWord.word
    if len(term) < PREFIX_FROM:
        holds = word == term
    else:
        holds = and_(word >= term, word < term[:-1] + chr(ord(term[-1]) + 1))
    return Story.id.in_(select(StoryWord.story_id).where(holds))


async def stories_matching(session: AsyncSession, words: str, limit: int) -> list[StoryInfo]:
    """Stories found by every word given: in their headline, or among the words of their
    articles (``stories.search``), folded alike on every backend. The stories whose headline
    holds every word come first, then the most recently updated.

    A word no story keeps (as common as "the", a number, a single letter) must be in the
    headline only when no other word is searched for.
    """
    terms = query_terms(words)
    if not terms:
        return []
    some_kept = any(map(is_kept, terms))
    headline = [Story.search_title.contains(term, autoescape=True) for term in terms]
    found_by = [
        or_(in_headline, _with_word(term))
        if is_kept(term)
        else (true() if some_kept else in_headline)
        for term, in_headline in zip(terms, headline, strict=True)
    ]
    stories = await session.scalars(
        select(Story)
        .where(*found_by)
        .order_by(
            case((and_(*headline), 0), else_=1),
            Story.updated_at.desc(),
            Story.article_count.desc(),
            Story.id.desc(),
        )
        .limit(limit)
    )
    return await _infos(session, list(stories))


async def story_articles(session: AsyncSession, story_id: int) -> list[ArticleRef]:
    """Every article of a story, copies included, in publication order, with the headline
    to show for it."""
    rows = await session.execute(
        select(
            Article.id,
            Article.title,
            func.substr(Article.body, 1, OPENING_CHARS),
            Article.outlet,
            Article.url,
            Article.published,
            Article.near_copy_of,
            Article.language,
        )
        .where(Article.story_id == story_id)
        .order_by(Article.published.is_(None), Article.published, Article.id)
    )
    return [
        ArticleRef(
            id_,
            headline_of(title, opening, outlet=outlet, url=url, language=language),
            outlet_name(outlet),
            url,
            published,
            copy_of,
            language,
        )
        for id_, title, opening, outlet, url, published, copy_of, language in rows
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
