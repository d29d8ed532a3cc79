"""The Alembic history matches the models, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, insert, select

from bot.app import App
from storage.db import create_engine, migrate
from storage.models import Article, Base, Mention, Story
from stories.dedupe import NearCopySettings, signature, signature_to_bytes


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


async def test_facts_of_other_languages_are_found_again_after_revision_0011(
    database_url: str,
) -> None:
    """People of an article not in English were found with English rules and keyed in its
    own script; its facts are made pending, so that the facts pass finds them again."""
    engine = create_engine(database_url)
    article = {"title": "t", "body": "b", "story_id": 1, "signature": b"", "features": ""}
    try:
        await migrate(engine, "0010")
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
        await migrate(engine)
        async with engine.connect() as connection:
            facts = dict((await connection.execute(select(Article.id, Article.facts))).all())
            names = list(await connection.scalars(select(Mention.name)))
    finally:
        await engine.dispose()
    assert facts == {1: None, 2: "{}"}
    assert names == ["Maria Kalesnikava"]
