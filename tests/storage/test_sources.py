"""The bookkeeping of polling a source: what a poll that answered and one that failed keep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.app import App
from storage.models import Source
from storage.sources import add_source, record_poll, record_poll_failure

AT = datetime(2026, 3, 28, 9, 30, tzinfo=UTC)


async def _source(app: App, url: str = "https://news.example/rss") -> int:
    async with app.sessions() as session, session.begin():
        info, _ = await add_source(session, url)
    return info.id


async def _row(app: App, source_id: int) -> Source:
    async with app.sessions() as session:
        row = await session.get(Source, source_id)
    assert row is not None
    return row


async def test_failures_count_up_and_an_answer_ends_them(app: App) -> None:
    source_id = await _source(app)
    async with app.sessions() as session, session.begin():
        await record_poll_failure(session, source_id, "HTTP 503", AT)
        await record_poll_failure(session, source_id, "timed out")
    row = await _row(app, source_id)
    assert (row.failures, row.last_error) == (2, "timed out")
    assert row.last_polled_at is not None
    assert row.last_polled_at.replace(tzinfo=UTC) == AT
    later = AT + timedelta(minutes=30)
    async with app.sessions() as session, session.begin():
        await record_poll(session, source_id, later, ('"v2"', None), None)
    row = await _row(app, source_id)
    assert (row.failures, row.last_error, row.etag, row.last_modified) == (0, None, '"v2"', None)
    assert row.last_polled_at is not None
    assert row.last_polled_at.replace(tzinfo=UTC) == later


async def test_validators_stay_when_an_answer_gives_none(app: App) -> None:
    source_id = await _source(app)
    async with app.sessions() as session, session.begin():
        await record_poll(session, source_id, AT, ('"v1"', "Sat, 28 Mar 2026 09:00:00 GMT"), None)
        await record_poll(session, source_id, AT, None, None)
    row = await _row(app, source_id)
    assert (row.etag, row.last_modified) == ('"v1"', "Sat, 28 Mar 2026 09:00:00 GMT")


async def test_the_outlet_names_a_source_once(app: App) -> None:
    source_id = await _source(app)
    async with app.sessions() as session, session.begin():
        await record_poll(session, source_id, AT, None, "  Reuters\u200b World ")
        await record_poll(session, source_id, AT, None, "Another Outlet")
    assert (await _row(app, source_id)).title == "Reuters World"


async def test_a_removed_source_is_not_recorded(app: App) -> None:
    async with app.sessions() as session, session.begin():
        await record_poll(session, 404, AT, None, "Nobody")
        await record_poll_failure(session, 404, "gone", AT)
        assert await session.get(Source, 404) is None
