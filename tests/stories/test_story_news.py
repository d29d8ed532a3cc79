"""A digest's material cut from the articles read, and which stories a digest shows: new
stories and updates share the room, broadest first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from stories.story_news import (
    DigestArticles,
    NewArticle,
    StoredArticle,
    StoryDigests,
    StoryMaterial,
)
from tests.support.story_views import view

SINCE = datetime(2026, 3, 28, 6, tzinfo=UTC)


def _story(story_id: int, *, new: bool, outlets: int, topic: str = "flood") -> StoryMaterial:
    """A story with one new article per outlet since SINCE; an update also has an old one."""
    names = [f"Outlet {story_id}-{n}" for n in range(outlets)]
    body = f"The {topic} in district {story_id} closed roads, officials said."
    fresh = tuple(view(story_id * 100 + n, name, body) for n, name in enumerate(names))
    old = () if new else (view(story_id * 100 + 99, "Archive", body),)
    created = SINCE + timedelta(hours=1) if new else SINCE - timedelta(days=2)
    return StoryMaterial(
        story_id=story_id,
        title=f"{topic.title()} in district {story_id}",
        created_at=created,
        outlets=tuple(names),
        old=old,
        new=fresh,
        new_articles=tuple(
            NewArticle(v.article_id, f"Report {v.article_id}", v.outlet, None) for v in fresh
        ),
    )


def test_big_updates_leave_half_the_room_to_new_stories() -> None:
    updates = [_story(i, new=False, outlets=6) for i in range(1, 7)]
    new = [_story(i, new=True, outlets=2) for i in range(11, 17)]
    digest = StoryDigests([*updates, *new], SINCE).digest([], max_items=4)
    assert [(n.story_id, n.is_new) for n in digest.items] == [
        (16, True),
        (15, True),
        (6, False),
        (5, False),
    ]
    assert digest.more == 8


def test_one_kind_fills_what_the_other_leaves() -> None:
    updates = [_story(i, new=False, outlets=3 + i) for i in range(1, 7)]
    new = [_story(11, new=True, outlets=1)]
    digest = StoryDigests([*updates, *new], SINCE).digest([], max_items=4)
    assert [n.story_id for n in digest.items] == [11, 6, 5, 4]
    assert digest.more == 3


def test_keywords_narrow_before_the_cap() -> None:
    stories = [_story(1, new=True, outlets=5), _story(2, new=False, outlets=1, topic="strike")]
    digest = StoryDigests(stories, SINCE).digest(["strike"], max_items=4)
    assert [n.story_id for n in digest.items] == [2]
    assert digest.more == 0


def _stored(
    article_id: int, story_id: int, hours: int, *, copy: bool = False, outlet: str = "AP"
) -> StoredArticle:
    """An article of ``story_id`` stored ``hours`` after SINCE (before it when negative)."""
    body = f"Floods closed {article_id} roads in the district, officials said on Monday."
    return StoredArticle(
        id=article_id,
        story_id=story_id,
        title=f"Floods close {article_id} roads",
        outlet=outlet,
        url=f"https://example.org/{article_id}",
        published=None,
        body=body,
        captions="",
        facts=None,
        features=None,
        is_copy=copy,
        ingested_at=SINCE + timedelta(hours=hours),
        language="en",
    )


def test_a_window_is_cut_from_the_articles_read_without_a_database() -> None:
    """A story with articles stored in the window, its old and new articles apart; a copy
    is listed as new but never read as a text; a story quiet in the window is left out."""
    created = SINCE - timedelta(days=1)
    stories = {1: ("Floods close roads", created), 2: ("Quiet story", created)}
    rows = [
        _stored(1, 1, -3),
        _stored(2, 1, -2, outlet="BBC"),
        _stored(3, 2, -1),
        _stored(4, 1, 2, copy=True, outlet="Copycat"),
        _stored(5, 1, 3, outlet="Reuters"),
    ]
    until = SINCE + timedelta(hours=4)
    read = DigestArticles(SINCE, until, stories, rows)
    assert read.stored_by(SINCE + timedelta(hours=1)) == 3
    assert read.material(SINCE + timedelta(hours=1)) == []
    (material,) = read.material(until)
    assert (material.story_id, material.title, material.created_at) == (1, *stories[1])
    assert material.outlets == ("AP", "BBC", "Copycat", "Reuters")
    assert [v.article_id for v in material.old] == [1, 2]
    assert [v.article_id for v in material.new] == [5]
    assert [(a.article_id, a.is_copy) for a in material.new_articles] == [(4, True), (5, False)]
    assert [language for language, _ in material.headlines] == ["en"]
    (latest,) = read.material(until, per_story=1)
    assert [v.article_id for v in latest.old] == [2]
    with pytest.raises(ValueError, match="read up to"):
        read.material(until + timedelta(seconds=1))
