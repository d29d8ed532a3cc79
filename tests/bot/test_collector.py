"""Automatic collection is held off while articles are ingested, replayed into the indexes and
their facts found, and comes back as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from sqlalchemy import event

from bot.app import App
from bot.collector import CollectorPolicy, collection_paused
from storage.fact_pass import FactFinder
from storage.ingest import Ingestor, IngestReport
from tests.support.articles import MERGER, QUAKE, raw


@pytest.fixture
def collecting() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collecting")
def test_overlapping_pauses_resume_collection_when_the_last_ends() -> None:
    first = collection_paused()
    second = collection_paused()
    first.__enter__()
    second.__enter__()
    assert not gc.isenabled()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


@pytest.mark.usefixtures("collecting")
def test_collection_off_before_a_pause_stays_off() -> None:
    gc.disable()
    with collection_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


@pytest.mark.usefixtures("collecting")
def test_a_pause_ends_when_its_block_raises() -> None:
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


@pytest.mark.usefixtures("collecting")
async def test_an_ingest_runs_without_automatic_collection(app: App) -> None:
    during: list[bool] = []

    def seen(report: IngestReport) -> None:
        during.append(gc.isenabled())

    ingestor = Ingestor(
        app.sessions, app.settings.engine, batch_size=1, housekeeping=CollectorPolicy()
    )
    report = await ingestor.ingest(
        [raw(QUAKE, outlet="Wire A"), raw(MERGER, outlet="Wire B")], progress=seen
    )
    assert report.added == 2
    assert during == [False, False]
    assert gc.isenabled()


@pytest.mark.usefixtures("collecting")
async def test_finding_facts_gives_collection_back(app: App) -> None:
    await Ingestor(app.sessions, app.settings.engine).ingest(
        [raw(QUAKE, outlet="Wire A"), raw(MERGER, outlet="Wire B")]
    )
    assert await FactFinder(app.sessions, housekeeping=CollectorPolicy()).run() == 2
    assert gc.isenabled()


@pytest.mark.usefixtures("collecting")
async def test_a_replay_runs_without_automatic_collection(app: App) -> None:
    """A new ingestor loading a store (``newsbot ingest`` on a store, a bot starting) makes the
    same long-lived objects as an ingest, and nothing else pauses collection at that point."""
    await Ingestor(app.sessions, app.settings.engine).ingest(
        [raw(QUAKE, outlet="Wire A"), raw(MERGER, outlet="Wire B")]
    )
    during: list[bool] = []

    def reading(*_: object) -> None:
        during.append(gc.isenabled())

    event.listen(app.engine.sync_engine, "before_cursor_execute", reading)
    try:
        restarted = Ingestor(app.sessions, app.settings.engine, housekeeping=CollectorPolicy())
        await restarted.sync()
    finally:
        event.remove(app.engine.sync_engine, "before_cursor_execute", reading)
    assert during
    assert not any(during)
    assert gc.isenabled()
