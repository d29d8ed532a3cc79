"""Facts are found after ingest, on SQLite and PostgreSQL: the same facts, once, never lost."""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, select

from bot.app import App
from storage.fact_pass import FactFinder
from storage.models import Article, Mention
from storage.queries import story_views
from stories.articles import Article as CleanArticle
from stories.clean import clean_article
from stories.factfinder import extract_facts, facts_to_json
from stories.settings import EngineSettings
from tests.support.articles import MERGER, QUAKE, raw, when, wire_copy
from tests.support.commands import ask, text_of

LIMA = timezone(timedelta(hours=-5))
#: late evening in Lima is the next day in UTC: "yesterday" must be Lima's
LATE_IN_LIMA = datetime(2026, 3, 3, 22, 30, tzinfo=LIMA)
AFTERSHOCK = """A strong aftershock shook the southern Peruvian city of Arequipa yesterday, \
the civil defence institute said, two days after the earthquake that killed 14 people.

Regional governor Rohel Sanchez said 12 more homes collapsed in the districts of Chala and \
Yauca, where families had been sleeping in the streets since the first quake.

The aftershock measured 5.1 and struck at a depth of 40 kilometres, according to the United \
States Geological Survey. No new deaths were reported.

"The families need tents tonight, not promises," Sanchez told local radio, asking the \
government in Lima to send more help to the coast."""


def _clean(text: str, **meta: object) -> CleanArticle:
    cleaned = clean_article(raw(text, **meta), EngineSettings().clean)
    assert isinstance(cleaned, CleanArticle)
    return cleaned


async def _stored_facts(app: App) -> dict[int, str | None]:
    async with app.sessions() as session:
        rows = await session.execute(select(Article.id, Article.facts).order_by(Article.id))
        return {id_: facts for id_, facts in rows}


async def _mentions(app: App) -> list[tuple[int, str]]:
    async with app.sessions() as session:
        rows = await session.execute(
            select(Mention.article_id, Mention.name).order_by(Mention.article_id, Mention.name)
        )
        return [(article_id, name) for article_id, name in rows]


async def test_facts_found_later_are_those_of_the_cleaned_article(app: App) -> None:
    items = [
        raw(QUAKE, outlet="Reuters", published=when(3)),
        raw(wire_copy(QUAKE, "Courier"), outlet="Courier", published=when(3)),
        raw(AFTERSHOCK, outlet="Andina", published=LATE_IN_LIMA),
    ]
    await app.ingestor.ingest(items)
    assert list((await _stored_facts(app)).values()) == [None, "", None]
    assert await app.facts.pending() == 2

    assert await app.facts.run() == 2

    stored = await _stored_facts(app)
    assert stored[1] == facts_to_json(extract_facts(_clean(QUAKE, published=when(3))))
    assert stored[3] == facts_to_json(extract_facts(_clean(AFTERSHOCK, published=LATE_IN_LIMA)))
    assert stored[2] == ""  # a near-copy's facts are its original's
    assert await app.facts.pending() == 0
    names = await _mentions(app)
    assert (1, "Dina Boluarte") in names
    assert (3, "Rohel Sanchez") in names
    assert not [n for n in names if n[0] == 2]


async def test_yesterday_is_the_outlets_day_not_utcs(app: App) -> None:
    await app.ingestor.ingest([raw(AFTERSHOCK, outlet="Andina", published=LATE_IN_LIMA)])
    await app.facts.run()
    async with app.sessions() as session:
        (view,) = await story_views(session, 1)
    assert [d.day for d in view.facts.dates] == [date(2026, 3, 2)]


async def test_readers_find_pending_facts_themselves(app: App) -> None:
    """A /summary or digest before the pass runs says what it will say after."""
    await app.ingestor.ingest([raw(QUAKE, outlet="Reuters", published=when(3))])
    async with app.sessions() as session:
        before = await story_views(session, 1)
    await app.facts.run()
    async with app.sessions() as session:
        after = await story_views(session, 1)
    assert before == after
    assert after[0].facts.numbers


async def test_running_again_or_twice_at_once_finds_each_article_once(app: App) -> None:
    await app.ingestor.ingest(
        [
            raw(QUAKE, outlet="Reuters", published=when(3)),
            raw(MERGER, outlet="FT", published=when(3)),
            raw(AFTERSHOCK, outlet="Andina", published=when(4)),
        ]
    )
    one = FactFinder(app.sessions, slice_size=1)
    two = FactFinder(app.sessions, slice_size=1)
    found = await asyncio.gather(one.run(), two.run())
    assert sum(found) == 3
    assert await one.run() == 0
    names = await _mentions(app)
    assert len(names) == len(set(names))
    assert {article for article, _ in names} == {1, 2, 3}


async def test_a_process_pool_finds_the_same_facts(app: App) -> None:
    await app.ingestor.ingest(
        [raw(QUAKE, outlet="Reuters", published=when(3)), raw(MERGER, outlet="FT")]
    )
    async with app.sessions() as session:
        expected = [view.facts for story in (1, 2) for view in await story_views(session, story)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        assert await FactFinder(app.sessions, pool).run() == 2
    async with app.sessions() as session:
        found = [view.facts for story in (1, 2) for view in await story_views(session, story)]
        mentions = await session.scalar(select(func.count()).select_from(Mention))
    assert found == expected
    assert mentions


async def test_who_knows_a_person_once_the_facts_are_found(app: App) -> None:
    await app.ingestor.ingest([raw(AFTERSHOCK, outlet="Andina", published=when(4))])
    await app.facts.run()
    reply = await ask(app, "who", "Sanchez")
    assert reply.title == "Rohel Sanchez", text_of(reply)
