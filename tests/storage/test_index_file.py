"""The matching indexes saved between runs: read back only when they match the store."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from bot.app import App
from storage.index_file import read_stamp
from storage.ingest import Ingestor
from storage.models import Article
from tests.storage.test_ingest import _Counted
from tests.support.articles import MERGER, QUAKE, raw, when, wire_copy
from tests.support.texts import ELECTION


def _restarted(app: App, path: Path) -> tuple[Ingestor, _Counted]:
    counted = _Counted()
    ingestor = Ingestor(app.sessions, app.settings.engine, housekeeping=counted, index_file=path)
    return ingestor, counted


async def test_a_restart_reads_the_saved_indexes_and_replays_only_what_came_after(
    app: App, tmp_path: Path
) -> None:
    path = tmp_path / "store.index"
    first, _ = _restarted(app, path)
    await first.ingest([raw(QUAKE, outlet="A", published=when(3))])
    assert await first.save_index()
    stamp = read_stamp(path)
    assert stamp is not None
    assert stamp.last_id == 1
    await app.ingestor.ingest([raw(MERGER, outlet="B", published=when(3))])
    restarted, counted = _restarted(app, path)
    report = await restarted.ingest(
        [raw(wire_copy(QUAKE, "Daily Courier"), outlet="Daily Courier", published=when(3))]
    )
    # Only the merger, stored after the save, was replayed; the copy found its original.
    assert counted.taken[0] == 1
    assert report.near_copies == 1


async def test_saved_indexes_that_no_longer_match_the_store_are_rebuilt(
    app: App, tmp_path: Path
) -> None:
    """An article of theirs moved to a story made after the save (a split elsewhere): the
    file is passed over and the window replayed from the store."""
    path = tmp_path / "store.index"
    first, _ = _restarted(app, path)
    await first.ingest(
        [
            raw(QUAKE, outlet="A", published=when(3)),
            raw(MERGER, outlet="B", published=when(3)),
        ]
    )
    assert await first.save_index()
    later = await app.ingestor.ingest([raw(ELECTION, outlet="C", published=when(4))])
    assert later.new_stories == {3}
    async with app.sessions() as session, session.begin():
        await session.execute(update(Article).where(Article.id == 2).values(story_id=3))
    restarted, counted = _restarted(app, path)
    await restarted.ingest([raw(wire_copy(QUAKE, "Daily Courier"), published=when(3))])
    assert counted.taken[0] == 3


async def test_a_broken_index_file_is_rebuilt_from_the_store(app: App, tmp_path: Path) -> None:
    path = tmp_path / "store.index"
    await app.ingestor.ingest([raw(QUAKE, outlet="A", published=when(3))])
    path.write_bytes(b"not a pickle at all")
    restarted, counted = _restarted(app, path)
    report = await restarted.ingest([raw(wire_copy(QUAKE, "Daily Courier"), published=when(3))])
    assert counted.taken[0] == 1
    assert report.near_copies == 1
    assert await restarted.save_index()
    assert read_stamp(path) is not None
