"""Fixtures shared by every tier: databases (SQLite always, PostgreSQL when configured)."""

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

PG_ENV = "NEWSBOT_TEST_DATABASE_URL"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _backends() -> list[str]:
    return ["sqlite", "postgresql"] if os.environ.get(PG_ENV) else ["sqlite"]


async def _fresh_pg_database(url: str) -> tuple[str, str]:
    """A new, empty database next to the configured one; its URL and its name."""
    base = make_url(url)
    name = f"newsbot_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(
        user=base.username,
        password=base.password,
        host=base.host,
        port=base.port,
        database=base.database,
    )
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return base.set(database=name).render_as_string(hide_password=False), name


async def _drop_pg_database(url: str, name: str) -> None:
    base = make_url(url)
    admin = await asyncpg.connect(
        user=base.username,
        password=base.password,
        host=base.host,
        port=base.port,
        database=base.database,
    )
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture(params=_backends())
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database on each backend; the test's work is thrown away afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'newsbot.db'}"
        return
    configured = os.environ[PG_ENV]
    url, name = await _fresh_pg_database(configured)
    try:
        yield url
    finally:
        await _drop_pg_database(configured, name)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return load_settings(env={}, overrides={"database_url": database_url, "seeds_dir": str(SEEDS)})


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[App]:
    async with open_app(settings) as app:
        yield app
