"""Fixtures for the fetching and reading tests: a local web server and an httpx client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from bot.fetch import Fetcher, http_client
from tests.support.http_fake import LOCAL, FakeWeb, serve


@pytest.fixture
def web() -> Iterator[FakeWeb]:
    yield from serve()


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(LOCAL) as client:
        yield client


@pytest.fixture
def fetcher(client: httpx.AsyncClient) -> Fetcher:
    return Fetcher(client, LOCAL)
