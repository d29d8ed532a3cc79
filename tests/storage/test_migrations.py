"""The Alembic history matches the models, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection

from bot.app import App
from storage.models import Base


def _diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection)
    return list(compare_metadata(context, Base.metadata))


async def test_models_and_migrations_agree(app: App) -> None:
    async with app.engine.connect() as connection:
        diff = await connection.run_sync(_diff)
    assert diff == []
