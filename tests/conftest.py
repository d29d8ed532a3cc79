"""Fixtures shared by every tier: databases (SQLite always, PostgreSQL when configured).

Every test is marked with its tier (``pytest -m unit`` runs the fast offline one):

- ``e2e``: real chat libraries against the local Bot API and Web API fakes (``tests/e2e``);
- ``integration``: a store on SQLite, and on PostgreSQL when configured (any test using the
  ``database_url`` fixture, directly or through ``settings`` or ``app``);
- ``unit``: everything else: the engine, renderers and parsers, no database and no server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from bot.app import App, open_app
from bot.config import Settings, load_settings
from tests.support.seeds import SEEDS

PG_ENV = "NEWSBOT_TEST_DATABASE_URL"
E2E = Path(__file__).resolve().parent / "e2e"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if E2E in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)
        elif "database_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.integration)
        else:
            item.add_marker(pytest.mark.unit)


def _backends() -> list[str]:
    return ["sqlite", "postgresql"] if os.environ.get(PG_ENV) else ["sqlite"]


async def _admin(url: str, statement: str) -> None:
    """Run one statement on the configured server (CREATE/DROP DATABASE need no transaction)."""
    base = make_url(url)
    connection = await asyncpg.connect(
        user=base.username,
        password=base.password,
        host=base.host,
        port=base.port,
        database=base.database,
    )
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture(params=_backends())
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database on each backend; the test's work is thrown away afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'newsbot.db'}"
        return
    configured = os.environ[PG_ENV]
    name = f"newsbot_test_{uuid.uuid4().hex[:12]}"
    await _admin(configured, f'CREATE DATABASE "{name}"')
    try:
        yield make_url(configured).set(database=name).render_as_string(hide_password=False)
    finally:
        await _admin(configured, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def settings(database_url: str) -> Settings:
    return load_settings(env={}, overrides={"database_url": database_url, "seeds_dir": str(SEEDS)})


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[App]:
    async with open_app(settings) as app:
        yield app
