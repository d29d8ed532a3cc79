"""The write path on SQLite and PostgreSQL: idempotent, copies marked, stories formed."""

from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import App, seed_if_empty
from bot.readers import InputDefaults, iter_paths
from storage.db import open_database
from storage.ingest import Ingestor
from storage.limits import shorten
from storage.models import Article, Mention, Story, StoryMerge, StoryWord
from storage.queries import export_rows, recent_stories, stories_matching, story_by_id
from stories.articles import Article as Told
from stories.articles import RawArticle, Rejected
from stories.features import Features
from stories.search import story_words
from tests.support.articles import MERGER, QUAKE, raw, when, wire_copy
from tests.support.cluster_texts import (
    CRANE_BOTH,
    CRANE_FIRST,
    CRANE_INQUIRY,
    CRANE_UNION,
    DEFENCE_LIND,
    DEFENCE_REYES,
)
from tests.support.seeds import SEEDS


async def test_seeds_make_one_story_and_no_copies(app: App) -> None:
    report = await seed_if_empty(app)
    assert report is not None
    assert (report.added, report.known, report.near_copies) == (5, 0, 0)
    assert len(report.new_stories) == 1
    async with app.sessions() as session:
        stories = await recent_stories(session, limit=10)
    assert len(stories) == 1
    assert stories[0].article_count == 5
    assert len(stories[0].outlets) == 5


async def test_ingesting_again_changes_nothing(app: App) -> None:
    await seed_if_empty(app)
    again = await app.ingestor.ingest([raw(QUAKE, outlet="A", published=when(3))])
    assert again.added == 1
    restarted = Ingestor(app.sessions, app.settings.engine)
    report = await restarted.ingest(
        [raw(QUAKE, outlet="A", published=when(3)), raw(QUAKE.replace("\n\n", "\n\n\n"))]
    )
    assert (report.added, report.known) == (0, 2)
    assert await app.article_count() == 6


async def test_same_url_is_the_same_article(app: App) -> None:
    url = "https://News.example.com/quake?utm_source=x#top"
    await app.ingestor.ingest([raw(QUAKE, url=url)])
    report = await app.ingestor.ingest(
        [
            raw(
                QUAKE + "\n\nUpdated with the governor's remarks.",
                url="https://news.example.com/quake",
            )
        ]
    )
    assert report.known == 1


async def test_wire_copy_is_marked_and_joins_the_original_story(app: App) -> None:
    first = await app.ingestor.ingest([raw(QUAKE, outlet="Reuters", published=when(3))])
    copy = await Ingestor(app.sessions, app.settings.engine).ingest(
        [raw(wire_copy(QUAKE, "Daily Courier"), outlet="Daily Courier", published=when(3))]
    )
    assert copy.near_copies == 1
    assert copy.updated_stories == first.new_stories
    async with app.sessions() as session:
        rows = (await session.scalars(select(Article).order_by(Article.id))).all()
        story = await session.get(Story, rows[0].story_id)
    assert rows[1].near_copy_of == rows[0].id
    assert rows[1].story_id == rows[0].story_id
    assert story is not None
    assert (story.article_count, story.copy_count) == (2, 1)
    # the copy tells what its original does: only the original's facts are to be found, and
    # only the original's features are kept (they rebuild the story index at start)
    assert (rows[0].facts, rows[1].facts) == (None, "")
    assert Features.from_json(rows[0].features).terms
    assert rows[1].features == ""


async def test_different_events_are_different_stories(app: App) -> None:
    report = await app.ingestor.ingest(
        [raw(QUAKE, outlet="A", published=when(3)), raw(MERGER, outlet="B", published=when(3))]
    )
    assert len(report.new_stories) == 2


async def test_a_story_begun_by_an_article_titled_with_its_dateline_is_named_by_its_lead(
    app: App,
) -> None:
    stamp = "18 September 2013 Last updated at 13:59 GMT"
    report = await app.ingestor.ingest([raw(QUAKE, title=stamp, outlet="A")])
    (story_id,) = report.new_stories
    async with app.sessions() as session:
        story = await session.get(Story, story_id)
        (article,) = await session.scalars(select(Article))
    assert story is not None
    assert story.title == (
        "A magnitude 6.8 earthquake struck the Peruvian coast near the city of Arequipa early on "
        "Tuesday, killing at least 14 people and damaging hundreds of homes…"
    )
    assert article.title == stamp


async def test_bad_items_are_reported_and_the_rest_is_stored(app: App) -> None:
    items: list[RawArticle | Rejected] = [
        Rejected("feed.xml#3", "HTTP 404"),
        raw("", outlet="Empty"),
        raw(QUAKE, outlet="A"),
        raw("\x00\x01\x02 binary junk " * 50, outlet="B"),
        raw(MERGER, outlet="C"),
    ]
    report = await app.ingestor.ingest(items)
    assert report.added == 2
    assert report.rejected[0].origin == "feed.xml#3"
    assert len(report.rejected) == 3
    assert all(r.reason for r in report.rejected)


async def test_nul_and_lone_surrogates_from_json_are_stored_without_them(
    app: App, tmp_path: Path
) -> None:
    """JSON may escape a NUL or half a surrogate pair into any field; no database stores
    them, and one such field used to refuse its whole batch."""
    records = [
        {
            "id": "a\u0000-1",
            "url": "https://a.example/\ud800q",
            "outlet": " Daily\u0000 \ud83d Post\n",
            "title": "Quake\udfff hits the coast",
            "text": QUAKE.replace(". ", ". \u0000\ud800 ", 2),
        },
        {"outlet": "Biz\u0000Wire", "text": MERGER},
    ]
    source = tmp_path / "odd.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=True) + "\n" for r in records))
    report = await app.ingestor.ingest(iter_paths([source], InputDefaults()))
    assert (report.added, report.rejected) == (2, [])
    async with app.sessions() as session:
        stored = (await session.scalars(select(Article).order_by(Article.id))).all()
    assert [a.outlet for a in stored] == ["Daily Post", "BizWire"]
    assert (stored[0].external_id, stored[0].url) == ("a-1", "https://a.example/q")
    assert stored[0].title == "Quake hits the coast"
    assert "\x00" not in stored[0].body
    assert "  " not in stored[0].body


async def test_small_batches_and_a_second_writer_agree(app: App) -> None:
    """Two ingestors on one store (two processes) never store an article twice."""
    one = Ingestor(app.sessions, app.settings.engine, batch_size=1)
    two = Ingestor(app.sessions, app.settings.engine, batch_size=1)
    await one.ingest([raw(QUAKE, outlet="A", published=when(3))])
    report = await two.ingest([raw(QUAKE, outlet="A", published=when(3)), raw(MERGER, outlet="B")])
    assert (report.added, report.known) == (1, 1)
    copy = await one.ingest([raw(wire_copy(MERGER, "Biz Daily"), outlet="Biz Daily")])
    assert copy.near_copies == 1


async def test_export_names_input_ids_and_originals(app: App) -> None:
    await app.ingestor.ingest(
        [
            raw(QUAKE, outlet="Reuters", external_id="r-1", url="https://r.example/q"),
            raw(wire_copy(QUAKE, "Courier"), outlet="Courier", external_id="c-9"),
            raw(MERGER, outlet="FT"),
        ]
    )
    async with app.sessions() as session:
        rows = [row async for row in export_rows(session)]
    assert [r.id for r in rows[:2]] == ["r-1", "c-9"]
    assert rows[1].near_copy_of == "r-1"
    assert rows[0].url == "https://r.example/q"
    assert rows[0].story == rows[1].story != rows[2].story
    assert rows[2].id.isdigit()


async def test_a_process_pool_stores_the_same(app: App, tmp_path: Path) -> None:
    """Preparing in other processes changes nothing but speed: same stories, same copies."""
    items = [
        *iter_paths([str(SEEDS)], InputDefaults()),
        raw(QUAKE, outlet="Reuters", published=when(3)),
        raw(wire_copy(QUAKE, "Courier"), outlet="Courier", published=when(3)),
        raw(MERGER, outlet="FT"),
        raw("", outlet="Empty"),
    ]
    alone = await app.ingestor.ingest(items)
    engine, other = await open_database(f"sqlite:///{tmp_path / 'pool.db'}")
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        pooled = await Ingestor(other, app.settings.engine, batch_size=3, executor=pool).ingest(
            items
        )
    assert pooled.summary() == alone.summary()
    async with app.sessions() as first, other() as second:
        one = [(r.id, r.story, r.near_copy_of) async for r in export_rows(first)]
        two = [(r.id, r.story, r.near_copy_of) async for r in export_rows(second)]
    await engine.dispose()
    assert one == two


def _as_raw(told: Told, outlet: str, wire: bool = False) -> RawArticle:
    text = "\n\n".join(told.paragraphs)
    return raw(wire_copy(text, outlet) if wire else text, title=told.title, outlet=outlet)


async def test_a_second_look_moves_a_fragment_with_its_copies_and_people(app: App) -> None:
    """The union's story is dissolved into the crane story once later reports tell both
    angles: its article, the article's near-copy and the people they name move; its id still
    answers; a restart and a new copy agree."""
    engine = replace(
        app.settings.engine, cluster=replace(app.settings.engine.cluster, second_look_after=3)
    )
    first_day = [
        _as_raw(CRANE_FIRST, "Reuters"),
        _as_raw(CRANE_UNION, "Union Times"),
        _as_raw(CRANE_UNION, "Harbour Post", wire=True),
    ]
    later = [_as_raw(CRANE_BOTH, "AP"), _as_raw(CRANE_INQUIRY, "BBC")]
    ingestor = Ingestor(app.sessions, engine)
    before = await ingestor.ingest(first_day)
    assert (len(before.new_stories), before.near_copies) == (2, 1)
    crane, union = sorted(before.new_stories)
    await app.facts.run()

    after = await ingestor.ingest(later)
    assert after.merged_stories == {union}
    assert (after.new_stories, after.updated_stories) == (set(), {crane})
    assert "1 merged into others" in after.summary()
    async with app.sessions() as session:
        stories = {a.id: a.story_id for a in await session.scalars(select(Article))}
        story = await session.get(Story, crane)
        merges = (await session.scalars(select(StoryMerge))).all()
        people = set((await session.scalars(select(Mention.story_id))).all())
        redirected = await story_by_id(session, union)
        assert await session.get(Story, union) is None
    assert set(stories.values()) == {crane}
    assert story is not None
    assert (story.article_count, story.copy_count) == (5, 1)
    assert [(m.story_id, m.into_id) for m in merges] == [(union, crane)]
    assert people == {crane}
    assert redirected is not None
    assert redirected.id == crane
    merger = await ingestor.ingest([raw(MERGER, outlet="FT")])
    assert merger.new_stories == {union + 1}

    extended = _extended_union_copy()
    restarted = Ingestor(app.sessions, engine)
    again = await restarted.ingest([*first_day, *later, extended])
    assert (again.known, again.near_copies, again.updated_stories) == (5, 1, {crane})


def _extended_union_copy() -> RawArticle:
    """The union's article as another site runs it, with a paragraph of its own."""
    return _extended(
        _as_raw(CRANE_UNION, "Union Times"),
        "Dock Daily",
        "Funerals for the three workers are set for Saturday.",
    )


async def test_a_writer_that_missed_a_second_look_stores_into_the_story_that_remains(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    """One writer dissolves a story another still knows: the other's next copy of a moved
    article is refused by the store, and on its retry it rebuilds and stores it right."""
    engine = replace(
        app.settings.engine, cluster=replace(app.settings.engine.cluster, second_look_after=3)
    )
    looks, stale = Ingestor(app.sessions, engine), Ingestor(app.sessions, engine)
    before = await looks.ingest([_as_raw(CRANE_FIRST, "Reuters"), _as_raw(CRANE_UNION, "Union")])
    crane, union = sorted(before.new_stories)
    await stale.ingest([raw(MERGER, outlet="FT")])
    moved = await looks.ingest([_as_raw(CRANE_BOTH, "AP"), _as_raw(CRANE_INQUIRY, "BBC")])
    assert moved.merged_stories == {union}

    copy = await stale.ingest([_extended_union_copy()])
    assert "retrying" in caplog.text
    assert (copy.near_copies, copy.updated_stories) == (1, {crane})
    async with app.sessions() as session:
        stories = set((await session.scalars(select(Article.story_id))).all())
    assert len(stories) == 2
    assert union not in stories


async def test_a_restart_keeps_the_second_looks_still_to_come(app: App) -> None:
    engine = replace(
        app.settings.engine, cluster=replace(app.settings.engine.cluster, second_look_after=3)
    )
    before = await Ingestor(app.sessions, engine).ingest(
        [_as_raw(CRANE_FIRST, "Reuters"), _as_raw(CRANE_UNION, "Union")]
    )
    crane, union = sorted(before.new_stories)
    restarted = Ingestor(app.sessions, engine)
    later = await restarted.ingest([_as_raw(CRANE_BOTH, "AP"), _as_raw(CRANE_INQUIRY, "BBC")])
    assert later.merged_stories == {union}
    assert later.updated_stories == {crane}


async def test_a_split_takes_the_second_event_out_with_its_copies_and_people(app: App) -> None:
    """Two title defences forced into one story (any shared term joins) are split when it
    reaches six articles: the second defence's articles, a copy of one and the people they
    name move to a new story named after its first article (by its lead: its page gave a
    dateline for a title); a restart agrees."""
    cluster = replace(app.settings.engine.cluster, threshold=0.0, second_look_size=0)
    engine = replace(app.settings.engine, cluster=cluster)
    reyes = [_as_raw(told, f"Ring {n}") for n, told in enumerate(DEFENCE_REYES)]
    lind = [_as_raw(told, f"Desk {n}") for n, told in enumerate(DEFENCE_LIND)]
    lind[0] = replace(lind[0], title="6 March 2026 Last updated at 23:10 GMT")
    ingestor = Ingestor(app.sessions, engine)
    before = await ingestor.ingest([*reyes, lind[0], _extended(lind[0], "Mirror", _TICKETS)])
    assert (len(before.new_stories), before.near_copies, before.split_stories) == (1, 1, set())
    (story,) = before.new_stories
    await app.facts.run()

    after = await ingestor.ingest(lind[1:])
    (split,) = after.split_stories
    assert (after.new_stories, after.updated_stories) == ({split}, {story})
    assert "new stories 1 (1 split off others)" in after.summary()
    async with app.sessions() as session:
        stories = {(a.outlet, a.story_id) for a in await session.scalars(select(Article))}
        counts = {
            s.id: (s.title, s.article_count, s.copy_count)
            for s in await session.scalars(select(Story))
        }
        named = set((await session.scalars(select(Mention.story_id))).all())
    assert stories == {
        *((f"Ring {n}", story) for n in range(3)),
        *((f"Desk {n}", split) for n in range(3)),
        ("Mirror", split),
    }
    assert counts == {
        story: (DEFENCE_REYES[0].title, 3, 0),
        split: (
            "Dario Kovalenko knocked out Tomasz Lind of Poland in the fourth round in Kyiv on "
            "Friday night to keep his WBC heavyweight title for a sixth time.",
            4,
            1,
        ),
    }
    assert named == {story, split}

    restarted = Ingestor(app.sessions, engine)
    again = await restarted.ingest([*reyes, *lind, _extended(lind[1], "Echo", _TICKETS)])
    assert (again.known, again.near_copies, again.split_stories) == (6, 1, set())
    assert again.updated_stories == {split}


async def test_a_writer_that_missed_a_split_files_copies_with_their_original(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    """One writer splits a story another still knows whole: the other's copy of a moved
    article is refused before it is written, and on its retry it rebuilds and files the copy
    in the new story."""
    cluster = replace(app.settings.engine.cluster, threshold=0.0, second_look_size=0)
    engine = replace(app.settings.engine, cluster=cluster)
    reyes = [_as_raw(told, f"Ring {n}") for n, told in enumerate(DEFENCE_REYES)]
    lind = [_as_raw(told, f"Desk {n}") for n, told in enumerate(DEFENCE_LIND)]
    splits, stale = Ingestor(app.sessions, engine), Ingestor(app.sessions, engine)
    await splits.ingest([*reyes, lind[0]])
    await stale.ingest([raw(MERGER, outlet="FT")])
    (split,) = (await splits.ingest(lind[1:])).split_stories

    copy = await stale.ingest([_extended(lind[0], "Mirror", _TICKETS)])
    assert "retrying" in caplog.text
    assert (copy.near_copies, copy.updated_stories) == (1, {split})
    async with app.sessions() as session:
        mirror = await session.scalar(select(Article).where(Article.outlet == "Mirror"))
    assert mirror is not None
    assert mirror.story_id == split


_TICKETS = "Tickets for the next defence go on sale on Monday."


def _extended(article: RawArticle, outlet: str, paragraph: str) -> RawArticle:
    """Another site's run of an article, with a paragraph of its own: a near-copy."""
    return replace(article, outlet=outlet, text=f"{article.text}\n\n{paragraph}")


async def _found_by(app: App, words: str) -> set[int]:
    async with app.sessions() as session:
        return {story.id for story in await stories_matching(session, words, limit=10)}


async def _words_agree_with_articles(app: App) -> None:
    """Every story is found by the words of its first originals as stored now, and no other."""
    async with app.sessions() as session:
        stored: dict[int, set[str]] = {}
        for word, story_id in await session.execute(select(StoryWord.word, StoryWord.story_id)):
            stored.setdefault(story_id, set()).add(word)
        told: dict[int, list[tuple[str, str]]] = {}
        for story_id, title, body in await session.execute(
            select(Article.story_id, Article.title, Article.body)
            .where(Article.near_copy_of.is_(None))
            .order_by(Article.id)
        ):
            told.setdefault(story_id, []).append((title, body))
    assert stored == {story_id: story_words(articles) for story_id, articles in told.items()}


async def test_a_split_and_a_second_look_move_the_words_their_articles_are_found_by(
    app: App,
) -> None:
    """A word only the articles a split took out hold finds the new story, not the one they
    left; a word of a dissolved story's article finds the story it joined."""
    cluster = replace(app.settings.engine.cluster, threshold=0.0, second_look_size=0)
    splitting = Ingestor(app.sessions, replace(app.settings.engine, cluster=cluster))
    reyes = [_as_raw(told, f"Ring {n}") for n, told in enumerate(DEFENCE_REYES)]
    lind = [_as_raw(told, f"Desk {n}") for n, told in enumerate(DEFENCE_LIND)]
    (story,) = (await splitting.ingest([*reyes, lind[0]])).new_stories
    assert await _found_by(app, "Olimpiyskiy PETROVIC") == {story}
    (split,) = (await splitting.ingest(lind[1:])).split_stories
    assert await _found_by(app, "olimpiyskiy petrovic") == {split}
    assert await _found_by(app, "Hamburg") == {story}
    assert await _found_by(app, "kovalenko") == {story, split}
    await _words_agree_with_articles(app)

    cluster = replace(app.settings.engine.cluster, second_look_after=3)
    looking = Ingestor(app.sessions, replace(app.settings.engine, cluster=cluster))
    before = await looking.ingest([_as_raw(CRANE_FIRST, "Reuters"), _as_raw(CRANE_UNION, "Union")])
    crane, union = sorted(before.new_stories)
    assert await _found_by(app, "skipped dockworkers") == {union}
    assert (await looking.ingest([_as_raw(CRANE_BOTH, "AP")])).merged_stories == set()
    after = await looking.ingest([_as_raw(CRANE_INQUIRY, "BBC")])
    assert after.merged_stories == {union}
    assert await _found_by(app, "skipped dockworkers") == {crane}
    await _words_agree_with_articles(app)


async def test_an_item_too_long_for_a_column_loses_only_itself(app: App) -> None:
    """An outlet longer than its column is cut at a word; an id or a URL too long to keep
    refuses its one item with the reason; the items beside them are stored."""
    outlet = "Regional Broadcasting Corporation of the Northern Coast " * 6
    report = await app.ingestor.ingest(
        [
            raw(QUAKE, outlet=outlet, origin="in.jsonl:1"),
            raw(MERGER, external_id="x" * 501, origin="in.jsonl:2"),
            replace(
                _as_raw(CRANE_FIRST, "Reuters"),
                url="https://a.example/" + "p" * 2040,
                origin="in.jsonl:3",
            ),
            _as_raw(DEFENCE_REYES[0], "Ring"),
        ]
    )
    assert report.added == 2
    assert [(r.origin, r.reason) for r in report.rejected] == [
        ("in.jsonl:2", "its id is 501 characters long; at most 500 can be stored"),
        ("in.jsonl:3", "its URL is 2,058 characters long; at most 2,048 can be stored"),
    ]
    async with app.sessions() as session:
        outlets = set((await session.scalars(select(Article.outlet))).all())
    cut = next(o for o in outlets if o and o.startswith("Regional"))
    assert len(cut) <= 300
    assert cut.endswith(" Coast Regional…")
    assert "Ring" in outlets


def test_a_cut_keeps_whole_words_and_letters_with_their_accents() -> None:
    assert shorten("short", 10) == "short"
    assert shorten("one two three four", 12) == "one two…"
    assert shorten("x" * 20, 8) == "xxxxxxx…"
    # "e" and its combining acute accent stay together
    assert shorten("cafe\u0301" * 3, 5) == "caf…"


async def test_a_file_name_that_is_not_utf8_is_stored_escaped(app: App, tmp_path: Path) -> None:
    """A Latin-1 file name (bytes Python holds as lone surrogates) is kept with its bad byte
    escaped, and the file beside it is ingested too."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / os.fsdecode(b"caf\xe9-report.txt")).write_bytes(QUAKE.encode())
    (tmp_path / "in" / "good.txt").write_text(MERGER, encoding="utf-8")

    report = await app.ingestor.ingest(iter_paths([tmp_path / "in"], InputDefaults()))

    assert (report.added, report.rejected) == (2, [])
    async with app.sessions() as session:
        origins = set((await session.scalars(select(Article.origin))).all())
    assert origins == {f"{tmp_path}/in/caf\\xe9-report.txt", f"{tmp_path}/in/good.txt"}


class _Counted:
    """Housekeeping that counts the articles the indexes took in."""

    def __init__(self) -> None:
        self.taken: list[int] = []

    def quiet(self) -> AbstractContextManager[None]:
        return nullcontext()

    def indexed(self, articles: int) -> None:
        self.taken.append(articles)

    def dropped(self) -> None:
        self.taken.clear()


async def test_a_restart_replays_the_window_and_the_store_knows_the_rest(app: App) -> None:
    """A story from a year before the newest goes unreplayed at start: its texts and URLs are
    still known (the store looks them up), a copy of the newer story joins it as before."""
    year_ago = when(3) - timedelta(days=365)
    await app.ingestor.ingest(
        [
            raw(MERGER, outlet="A", url="https://a.example/merger", published=year_ago),
            raw(QUAKE, outlet="B", url="https://b.example/quake", published=when(3)),
        ]
    )
    counted = _Counted()
    restarted = Ingestor(app.sessions, app.settings.engine, housekeeping=counted)
    report = await restarted.ingest(
        [
            raw(MERGER, outlet="A", published=year_ago),
            raw(MERGER + "\n\nUpdated.", url="https://a.example/merger"),
            raw(wire_copy(QUAKE, "Daily Courier"), outlet="Daily Courier", published=when(3)),
        ]
    )
    assert counted.taken[0] == 1
    assert (report.known, report.near_copies, report.new_stories) == (2, 1, set())
    async with app.sessions() as session:
        old = await session.scalar(select(Article.story_id).where(Article.outlet == "A"))
        assert old is not None
        story = await story_by_id(session, old)
    assert story is not None
