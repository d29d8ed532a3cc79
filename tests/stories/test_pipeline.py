"""The ingest decision, without a store: known, near-copy, joins a story, new story, moves."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from stories.articles import Article
from stories.cluster import ClusterSettings, Move
from stories.dedupe import NearCopySettings, signature_to_bytes
from stories.pipeline import KNOWN, Decision, Ids, Lookalikes, Pipeline, Prepared
from stories.settings import EngineSettings
from tests.support.cluster_texts import (
    ACQUIRE_SOLARIS,
    CRANE_BOTH,
    CRANE_FIRST,
    CRANE_INQUIRY,
    CRANE_UNION,
    DEFENCE_LIND,
    DEFENCE_REYES,
    QUAKE_PERU_A,
    QUAKE_PERU_B,
    article,
)
from tests.support.texts import ELECTION, FLOOD

NEAR = NearCopySettings()


def prepared(told: Article, url: str | None = None) -> Prepared:
    return Prepared.of(told, url, NEAR)


def long_article(text: str) -> Article:
    """One of the engine's longer invented texts, its first line the title."""
    title, body = text.strip().split("\n", 1)
    return article(title, body)


def wire_copy(told: Article, site: str) -> Article:
    """The same text as another site runs it: its own chrome, the last paragraph dropped."""
    return replace(
        told,
        paragraphs=(f"{site} | World news", *told.paragraphs[:-1], f"Read more on {site}"),
    )


def decide(pipeline: Pipeline, p: Prepared, ids: Ids) -> Decision:
    """Decide an article that is not known, holding every look-alike's shingles."""
    look = pipeline.look(p)
    assert isinstance(look, Lookalikes)
    assert look.unread == []
    return pipeline.decide(p, look, ids)


def test_an_article_stored_already_is_known_by_its_text_or_its_canonical_url() -> None:
    pipeline, ids = Pipeline(EngineSettings()), Ids(1, 1)
    decide(pipeline, prepared(QUAKE_PERU_A, "https://news.example/quake"), ids)
    assert pipeline.look(prepared(QUAKE_PERU_A)) is KNOWN
    assert pipeline.look(prepared(QUAKE_PERU_B, "https://news.example/quake")) is KNOWN
    assert isinstance(pipeline.look(prepared(QUAKE_PERU_B, "https://news.example/b")), Lookalikes)
    assert ids == Ids(2, 2)


def test_a_related_write_up_joins_the_story_and_an_unrelated_one_starts_its_own() -> None:
    pipeline, ids = Pipeline(EngineSettings()), Ids(10, 5)
    first = decide(pipeline, prepared(QUAKE_PERU_A), ids)
    assert first == Decision(article_id=10, story_id=5, new_story=True)
    joins = decide(pipeline, prepared(QUAKE_PERU_B), ids)
    assert joins == Decision(article_id=11, story_id=5)
    other = decide(pipeline, prepared(ACQUIRE_SOLARIS), ids)
    assert other == Decision(article_id=12, story_id=6, new_story=True)
    assert ids == Ids(13, 7)


def test_a_wire_copy_and_a_copy_of_it_are_filed_with_their_original() -> None:
    pipeline, ids = Pipeline(EngineSettings()), Ids(1, 1)
    flood, election = long_article(FLOOD), long_article(ELECTION)
    decide(pipeline, prepared(election), ids)
    original = decide(pipeline, prepared(flood), ids)
    copy = decide(pipeline, prepared(wire_copy(flood, "Daily Courier")), ids)
    assert copy == Decision(article_id=3, story_id=original.story_id, original=2)
    # A copy of the copy: copies are in no index, so it is confirmed on the original.
    again = prepared(wire_copy(wire_copy(flood, "Daily Courier"), "Gazette"))
    look = pipeline.look(again)
    assert isinstance(look, Lookalikes)
    assert look.candidates == [2]
    assert pipeline.decide(again, look, ids) == Decision(4, original.story_id, original=2)
    assert ids.next_story == 3


def test_a_look_alike_sharing_only_part_of_the_text_is_not_a_copy() -> None:
    """Four paragraphs of a stored story followed by six of another: the LSH proposes the
    stored one, the text check finds half of it, and the article is an original."""
    pipeline, ids = Pipeline(EngineSettings()), Ids(1, 1)
    flood, election = long_article(FLOOD), long_article(ELECTION)
    decide(pipeline, prepared(flood), ids)
    mixed = prepared(replace(flood, paragraphs=(*flood.paragraphs[:4], *election.paragraphs[:6])))
    look = pipeline.look(mixed)
    assert isinstance(look, Lookalikes)
    assert look.candidates == [1]
    assert pipeline.decide(mixed, look, ids).original is None


def test_a_look_alike_whose_text_is_not_in_memory_is_confirmed_once_read() -> None:
    """A replayed original's text is not held: the copy of it is decided on the text the store
    reads back, and an unconfirmed look-alike makes no copy."""
    told = Pipeline(EngineSettings())
    flood = prepared(long_article(FLOOD))
    stored = decide(told, flood, Ids(1, 1))
    copy = prepared(wire_copy(flood.article, "Daily Courier"))

    def replayed() -> Pipeline:
        pipeline = Pipeline(EngineSettings())
        pipeline.replay(
            stored.article_id,
            flood.content_key,
            None,
            stored.story_id,
            None,
            signature_to_bytes(flood.signature),
            flood.described().to_json(),
            None,
            datetime(2026, 1, 1, tzinfo=UTC),
            rebuilding=True,
        )
        return pipeline

    reading = replayed()
    look = reading.look(copy)
    assert isinstance(look, Lookalikes)
    assert look.unread == [stored.article_id]
    reading.read(look, stored.article_id, flood.article.body)
    assert reading.decide(copy, look, Ids(2, 2)).original == stored.article_id

    unread = replayed()
    look = unread.look(copy)
    assert isinstance(look, Lookalikes)
    assert unread.decide(copy, look, Ids(2, 2)).original is None


def test_a_replayed_store_is_known_and_joined_as_it_was_stored() -> None:
    """A pipeline replaying what another one stored (signature and features as written)
    knows its articles, files a related write-up in its story and counts on from its ids."""
    first = prepared(QUAKE_PERU_A, "https://news.example/quake")
    stored = decide(Pipeline(EngineSettings()), first, Ids(7, 3))
    pipeline = Pipeline(EngineSettings())
    assert pipeline.last_id == 0
    pipeline.replay(
        stored.article_id,
        first.content_key,
        first.canonical_url,
        stored.story_id,
        None,
        signature_to_bytes(first.signature),
        first.described().to_json(),
        None,
        datetime(2026, 1, 1, tzinfo=UTC),
        rebuilding=True,
    )
    assert pipeline.last_id == 7
    assert pipeline.look(prepared(QUAKE_PERU_A)) is KNOWN
    assert pipeline.look(prepared(QUAKE_PERU_B, "https://news.example/quake")) is KNOWN
    ids = Ids(8, 4)
    assert decide(pipeline, prepared(QUAKE_PERU_B), ids) == Decision(article_id=8, story_id=3)
    assert decide(pipeline, prepared(ACQUIRE_SOLARIS), ids) == Decision(9, 4, new_story=True)


def test_a_second_look_moves_a_fragment_and_its_copies_follow_it() -> None:
    settings = EngineSettings(cluster=ClusterSettings(second_look_after=3))
    pipeline, ids = Pipeline(settings), Ids(1, 1)
    crane = decide(pipeline, prepared(CRANE_FIRST), ids)
    union = decide(pipeline, prepared(CRANE_UNION), ids)
    assert (crane.story_id, union.story_id) == (1, 2)
    assert decide(pipeline, prepared(CRANE_BOTH), ids).second_looks == ()
    inquiry = decide(pipeline, prepared(CRANE_INQUIRY), ids)
    assert inquiry.second_looks == (Move(union.article_id, 2, 1),)
    copy = decide(pipeline, prepared(wire_copy(CRANE_UNION, "Port News")), ids)
    assert (copy.original, copy.story_id) == (union.article_id, 1)


def test_a_split_takes_a_new_story_id_and_files_later_copies_there() -> None:
    settings = EngineSettings(cluster=ClusterSettings(threshold=0.0, second_look_size=0))
    pipeline, ids = Pipeline(settings), Ids(1, 1)
    decisions = [
        decide(pipeline, prepared(told), ids) for told in (*DEFENCE_REYES, DEFENCE_LIND[0])
    ]
    assert {d.story_id for d in decisions} == {1}
    decisions += [decide(pipeline, prepared(told), ids) for told in DEFENCE_LIND[1:]]
    (split,) = [d for d in decisions if d.split_off]
    assert split.split_off == (2,)
    assert split.article_id == 6
    assert set(split.splits) == {Move(4, 1, 2), Move(5, 1, 2), Move(6, 1, 2)}
    assert ids.next_story == 3
    copy = decide(pipeline, prepared(wire_copy(DEFENCE_LIND[0], "Ring Daily")), ids)
    assert (copy.original, copy.story_id) == (4, 2)


def dated(told: Article, day: int) -> Article:
    return replace(told, published=datetime(2026, 3, 1, tzinfo=UTC) + timedelta(days=day))


def test_articles_that_left_the_window_are_in_no_index() -> None:
    """A flood told on day 0 and an election on day 30: once the pipeline forgets, the flood
    is neither known, nor an original, nor a story to join; the election is all three."""
    settings = EngineSettings(cluster=ClusterSettings(window_days=14, window_articles=0))
    pipeline, ids = Pipeline(settings), Ids(1, 1)
    flood, election = dated(long_article(FLOOD), 0), dated(long_article(ELECTION), 30)
    decide(pipeline, prepared(flood, "https://news.example/flood"), ids)
    kept = decide(pipeline, prepared(election, "https://news.example/vote"), ids)
    pipeline.forget()
    assert pipeline.look(prepared(election)) is KNOWN
    # Known to the store, which looks its batches up; the pipeline holds the window only.
    assert isinstance(pipeline.look(prepared(flood)), Lookalikes)
    moved = prepared(replace(flood, title="Floods: an update"), "https://news.example/flood")
    assert isinstance(pipeline.look(moved), Lookalikes)
    assert pipeline.look(prepared(flood, "https://news.example/vote")) is KNOWN
    copy = prepared(wire_copy(election, "Daily Courier"))
    assert decide(pipeline, copy, ids) == Decision(3, kept.story_id, original=kept.article_id)
    late = decide(pipeline, prepared(wire_copy(flood, "Daily Courier")), ids)
    assert late == Decision(4, 3, new_story=True)


def test_the_last_articles_stay_whatever_their_dates() -> None:
    """A backlog of old articles ingested after newer ones still finds its stories."""
    settings = EngineSettings(cluster=ClusterSettings(window_days=14, window_articles=2))
    pipeline, ids = Pipeline(settings), Ids(1, 1)
    decide(pipeline, prepared(dated(long_article(ELECTION), 300)), ids)
    old = decide(pipeline, prepared(dated(long_article(FLOOD), 0)), ids)
    pipeline.forget()
    copy = prepared(dated(wire_copy(long_article(FLOOD), "Daily Courier"), 0))
    assert decide(pipeline, copy, ids).original == old.article_id
