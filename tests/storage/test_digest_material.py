"""A digest's articles read once for a window, and earlier windows cut from them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.app import App
from storage import digest_material
from storage.models import Article, Story
from tests.support.articles import MERGER, QUAKE, QUAKE_OTHER, raw, utc, when


async def test_an_earlier_window_is_cut_from_the_articles_read_once(app: App) -> None:
    await app.ingestor.ingest([raw(QUAKE, outlet="Andina", published=when(3))])
    await app.ingestor.ingest([raw(MERGER, outlet="FT", published=when(3))])
    await app.ingestor.ingest([raw(QUAKE_OTHER, outlet="Reuters", published=when(4))])
    moments = [utc(2026, 3, 2), utc(2026, 3, 3), utc(2026, 3, 4)]
    async with app.sessions() as session, session.begin():
        ids = list(await session.scalars(select(Article.id).order_by(Article.id)))
        for article_id, moment in zip(ids, moments, strict=True):
            await session.execute(
                update(Article).where(Article.id == article_id).values(ingested_at=moment)
            )
        await session.execute(update(Story).values(created_at=moments[0]))
    since = utc(2026, 3, 2, 12)
    async with app.sessions() as session:
        read = await digest_material.digest_articles(session, since, moments[-1])
        for until in (moments[0], utc(2026, 3, 3, 12), moments[-1]):
            alone = await digest_material.digest_articles(session, since, until)
            assert read.material(until) == alone.material(until)
    assert [m.title.split()[0] for m in read.material(moments[1])] == ["Northwind"]
    assert {len(m.new) for m in read.material(moments[-1])} == {1}
    with pytest.raises(ValueError, match="read up to"):
        read.material(moments[-1] + timedelta(seconds=1))
