"""What a digest reads: the articles of every story with articles stored in a window, with
their stories' titles, for the engine to cut each digest's material from
(``stories.story_news.DigestArticles``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.fact_pass import pending_features
from storage.models import Article, Story
from storage.queries import outlet_name
from stories.story_news import DigestArticles, StoredArticle


async def digest_articles(
    session: AsyncSession, since: datetime, until: datetime
) -> DigestArticles:
    """Read the articles of every story with articles stored in ``(since, until]``."""
    story_ids = list(
        (
            await session.scalars(
                select(Article.story_id)
                .where(Article.ingested_at > since, Article.ingested_at <= until)
                .distinct()
            )
        ).all()
    )
    if not story_ids:
        return DigestArticles(since, until, {}, [])
    found = await session.execute(
        select(Story.id, Story.title, Story.created_at).where(Story.id.in_(story_ids))
    )
    stories = {id_: (title, created_at) for id_, title, created_at in found}
    rows = await session.execute(
        select(
            Article.id,
            Article.story_id,
            Article.title,
            Article.outlet,
            Article.url,
            Article.published,
            Article.body,
            Article.captions,
            Article.facts,
            pending_features(),
            Article.near_copy_of,
            Article.ingested_at,
            Article.language,
        )
        .where(Article.story_id.in_(story_ids), Article.ingested_at <= until)
        .order_by(Article.id)
    )
    stored = [
        StoredArticle(
            row.id,
            row.story_id,
            row.title,
            outlet_name(row.outlet),
            row.url,
            row.published,
            row.body,
            row.captions,
            row.facts,
            row.features,
            row.near_copy_of is not None,
            row.ingested_at,
            row.language,
        )
        for row in rows
    ]
    return DigestArticles(since, until, stories, stored)
