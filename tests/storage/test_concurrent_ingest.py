"""Two writers ingesting into one store at the same time (two processes on one database)."""

from __future__ import annotations

import asyncio
import random
from collections import defaultdict

from sqlalchemy import func, select

from storage.db import open_database
from storage.ingest import Ingestor
from storage.models import Article, Story
from stories.articles import RawArticle
from stories.settings import EngineSettings
from tests.support.articles import when

_SYLLABLES = "ka lo mi re tu va ze no pi sa du fe go hu".split()


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _events(count: int, per_event: int) -> list[list[RawArticle]]:
    """Invented events, each told by a few outlets in their own words, sharing its names,
    place and figures (and no other event's)."""
    rng = random.Random(23)
    events = []
    for e in range(count):
        person, rival, town = _word(rng, 3), _word(rng, 3), _word(rng, 3)
        figure, budget = rng.randint(120, 980), rng.randint(2, 90)
        facts = [
            f"{person} won the mayoral race in {town} on Sunday with {figure} votes ahead of "
            f"{rival}, the election board said.",
            f"{rival} conceded in {town} late on Sunday and called {person} to congratulate.",
            f"{person} promised a budget of {budget} million for the {town} harbour.",
            f"Turnout in {town} rose, and {person} thanked the volunteers of the campaign.",
            f"The {town} council will swear in {person} next month, {rival} said.",
        ]
        events.append(
            [
                RawArticle(
                    title=f"{person} wins in {town}" if n == 0 else f"{town}: {person} ahead",
                    text="\n\n".join(facts[n:] + facts[:n]),
                    outlet=f"Outlet {n}",
                    external_id=f"e{e}-{n}",
                    published=when(1 + e % 3),
                )
                for n in range(per_event)
            ]
        )
    return events


async def test_two_writers_at_once_store_every_article_once_in_its_story(
    database_url: str,
) -> None:
    """Each writer takes ids and decides on the store's latest state under one lock: no
    collision, no article lost or stored twice, each event one story, counts that add up."""
    events = _events(30, 3)
    stream = [article for event in events for article in event]
    # Half of the stream each, plus a shared part both try to store.
    first, second = stream[: len(stream) // 2 + 6], stream[len(stream) // 2 - 6 :]
    engines = [await open_database(database_url) for _ in range(2)]
    try:
        writers = [Ingestor(sessions, EngineSettings(), batch_size=4) for _, sessions in engines]
        reports = await asyncio.gather(writers[0].ingest(first), writers[1].ingest(second))
        async with engines[0][1]() as session:
            stored = (await session.execute(select(Article.external_id, Article.story_id))).all()
            counted = {s.id: s.article_count for s in await session.scalars(select(Story))}
            grouped = select(Article.story_id, func.count()).group_by(Article.story_id)
            by_story = {story: n for story, n in await session.execute(grouped)}
    finally:
        for engine, _ in engines:
            await engine.dispose()
    assert sum(r.added for r in reports) == len(stream)
    assert sum(r.known for r in reports) == 12
    assert sorted(e for e, _ in stored) == sorted(a.external_id or "" for a in stream)
    stories: dict[int, set[str]] = defaultdict(set)
    for external_id, story in stored:
        stories[story].add((external_id or "").split("-")[0])
    assert sorted(stories.values(), key=min) == sorted(
        ({f"e{e}"} for e in range(len(events))), key=min
    )
    assert counted == by_story
