"""The Alembic history matches the models, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, insert, select
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.app import App
from storage.db import create_engine, migrate
from storage.ingest import Ingestor
from storage.models import Article, Base, Mention, Story, StoryMerge
from storage.queries import stories_matching
from stories.dedupe import NearCopySettings, signature, signature_to_bytes
from stories.settings import EngineSettings
from tests.support.articles import QUAKE, raw


def _diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection)
    return list(compare_metadata(context, Base.metadata))


async def test_models_and_migrations_agree(app: App) -> None:
    async with app.engine.connect() as connection:
        diff = await connection.run_sync(_diff)
    assert diff == []


async def test_signatures_stored_before_revision_0008_are_made_again(database_url: str) -> None:
    """An article stored with the old shingle hash gets the signature its body has now, so
    copies of it are still found."""
    engine = create_engine(database_url)
    body = " ".join(f"word{i}" for i in range(200))
    try:
        await migrate(engine, "0007")
        async with engine.begin() as connection:
            await connection.execute(insert(Story), [{"id": 1, "title": "A story"}])
            await connection.execute(
                insert(Article),
                [
                    {
                        "id": 1,
                        "content_key": "k1",
                        "title": "A story",
                        "body": body,
                        "story_id": 1,
                        "signature": b"\x01" * 8 * NearCopySettings().num_perm,
                        "features": "",
                    }
                ],
            )
        await migrate(engine)
        async with engine.connect() as connection:
            stored = await connection.scalar(select(Article.signature))
    finally:
        await engine.dispose()
    assert stored == signature_to_bytes(signature(body, NearCopySettings()))


async def test_ids_after_revision_0011_follow_every_id_in_use(database_url: str) -> None:
    """The id counter starts after the stored articles and stories, and after a dissolved
    story's id, which still names the story it joined."""
    engine = create_engine(database_url)
    try:
        await migrate(engine, "0008")
        async with engine.begin() as connection:
            await connection.execute(insert(Story), [{"id": 4, "title": "A story"}])
            await connection.execute(insert(StoryMerge), [{"story_id": 9, "into_id": 4}])
        await migrate(engine)
        sessions = async_sessionmaker(engine, expire_on_commit=False)
        report = await Ingestor(sessions, EngineSettings()).ingest([raw(QUAKE)])
    finally:
        await engine.dispose()
    assert report.new_stories == {10}


async def test_stories_stored_before_revision_0012_are_found_by_their_articles_words(
    database_url: str,
) -> None:
    """The migration folds each title and gives each story the words of its originals (a
    near-copy's own words are not among them); searches find them as new stories."""
    engine = create_engine(database_url)
    article = {"signature": b"", "features": "", "near_copy_of": None}
    try:
        await migrate(engine, "0011")
        async with engine.begin() as connection:
            await connection.execute(
                insert(Story),
                [
                    {"id": 1, "title": "Calle Mayor reabre"},
                    {"id": 2, "title": "ΝΕΑ ΓΕΦΥΡΑ"},
                ],
            )
            await connection.execute(
                insert(Article),
                [
                    {
                        **article,
                        "id": 1,
                        "content_key": "k1",
                        "title": "Calle Mayor reabre",
                        "body": "Die Hauptstraße von Arequipa ist wieder offen.",
                        "story_id": 1,
                    },
                    {
                        **article,
                        "id": 2,
                        "content_key": "k2",
                        "title": "Calle Mayor reabre",
                        "body": "Die Hauptstraße von Arequipa ist wieder offen. Kuchenbasar.",
                        "story_id": 1,
                        "near_copy_of": 1,
                    },
                    {
                        **article,
                        "id": 3,
                        "content_key": "k3",
                        "title": "ΝΕΑ ΓΕΦΥΡΑ",
                        "body": "Открыт новый мост через реку Днепр у Киева.",
                        "story_id": 2,
                    },
                ],
            )
        await migrate(engine)
        sessions = async_sessionmaker(engine, expire_on_commit=False)
        async with sessions() as session:
            found = {
                words: [s.id for s in await stories_matching(session, words, limit=5)]
                for words in ("HAUPTSTRASSE arequipa", "kuchenbasar", "ДНЕПР", "νεα γεφυρα")
            }
    finally:
        await engine.dispose()
    assert found == {
        "HAUPTSTRASSE arequipa": [1],
        "kuchenbasar": [],
        "ДНЕПР": [2],
        "νεα γεφυρα": [2],
    }


async def test_facts_of_other_languages_are_found_again_after_revision_0013(
    database_url: str,
) -> None:
    """People of an article not in English were found with English rules and keyed in its
    own script; its facts are made pending, so that the facts pass finds them again."""
    engine = create_engine(database_url)
    article = {"title": "t", "body": "b", "story_id": 1, "signature": b"", "features": ""}
    try:
        await migrate(engine, "0012")
        async with engine.begin() as connection:
            await connection.execute(insert(Story), [{"id": 1, "title": "A story"}])
            await connection.execute(
                insert(Article),
                [
                    {**article, "id": 1, "content_key": "ru", "language": "ru", "facts": "{}"},
                    {**article, "id": 2, "content_key": "en", "language": "en", "facts": "{}"},
                ],
            )
            await connection.execute(
                insert(Mention),
                [
                    {
                        "article_id": 1,
                        "story_id": 1,
                        "name": "Мария Колесникову",
                        "surname_key": "колесникову",
                    },
                    {
                        "article_id": 2,
                        "story_id": 1,
                        "name": "Maria Kalesnikava",
                        "surname_key": "kalesnikav",
                    },
                ],
            )
        await migrate(engine, "0013")
        async with engine.connect() as connection:
            facts = dict((await connection.execute(select(Article.id, Article.facts))).all())
            names = list(await connection.scalars(select(Mention.name)))
        await migrate(engine)
        async with engine.connect() as connection:
            refound = dict((await connection.execute(select(Article.id, Article.facts))).all())
            left = list(await connection.scalars(select(Mention.name)))
    finally:
        await engine.dispose()
    assert facts == {1: None, 2: "{}"}
    assert names == ["Maria Kalesnikava"]
    # Revision 0014: numbers now carry their place in the story; every article's facts and
    # people are found again.
    assert refound == {1: None, 2: None}
    assert left == []
