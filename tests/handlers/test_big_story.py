"""Every command's reply on a story told by 59 outlets fits one chat message (issue 27).

The store is built once for the module (59 articles and their facts take seconds), on
SQLite: what is checked here is how replies are cut and drawn, not the database.
"""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image

from bot.app import App, open_app
from bot.config import load_settings
from bot.platforms.slack.render import MAX_BLOCKS, render_slack
from bot.platforms.telegram.render import (
    CAPTION_LIMIT,
    MESSAGE_LIMIT,
    render_messages,
    render_telegram,
)
from handlers.command import Command
from handlers.digest_reply import compose
from handlers.dispatch import dispatch
from handlers.reply import Reply
from handlers.timeline import story_timeline
from storage import queries
from stories.timeline import LaneKind
from tests.support.big_story import fifty_outlets
from tests.support.telegram_fake import check_telegram_html, hrefs

COMMANDS = (
    "/stories",
    "/summary",
    "/diff",
    "/who Kalesnikava",
    "/who Lukashenko",
    "/timeline",
    "/articles",
    "/articles 1 page 2",
    "/digest",
    "/help",
    "/subscribe 08:00 UTC",
)


async def _build(url: str) -> None:
    settings = load_settings(env={}, overrides={"database_url": url})
    async with open_app(settings) as app:
        await app.ingestor.ingest(fifty_outlets())
        await app.facts.run()


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('big') / 'newsbot.db'}"
    asyncio.run(_build(url))
    return url


@pytest.fixture
async def big(big_store: str) -> AsyncIterator[App]:
    async with open_app(load_settings(env={}, overrides={"database_url": big_store})) as app:
        yield app


async def ask(app: App, text: str) -> Reply:
    name, _, args = text.removeprefix("/").partition(" ")
    return await dispatch(Command(name, args), app.context)


async def test_the_story_is_told_by_more_than_fifty_outlets(big: App) -> None:
    async with big.sessions() as session:
        (story,) = await queries.recent_stories(session, 10)
    assert len(story.outlets) >= 50
    assert len(story.languages) == 6


@pytest.mark.parametrize("text", COMMANDS)
async def test_every_reply_fits_one_telegram_message_and_slack_message(big: App, text: str) -> None:
    reply = await ask(big, text)
    out = render_messages(reply)
    if reply.picture is not None:
        # the whole reply is the photo's caption
        assert out.texts == ()
        assert out.caption is not None
        assert len(out.caption) <= CAPTION_LIMIT
        check_telegram_html(out.caption)
    else:
        [message] = render_telegram(reply)
        assert len(message) <= MESSAGE_LIMIT
        seen = check_telegram_html(message)
        # a line names at most three outlets, linked, and counts the rest
        for line in seen.splitlines():
            cited = re.search(r"\(([^()]*)\)$", line)
            if cited and ", +" in cited.group(1):
                assert cited.group(1).count(",") == 3, line
        assert len(hrefs(message)) <= 3 * message.count("• ")
    blocks, _ = render_slack(reply)
    assert len(blocks) < MAX_BLOCKS
    assert "not shown" not in str(blocks[-1])


async def test_a_daily_digest_of_the_story_and_others_is_one_message(big: App) -> None:
    now = datetime.now(UTC)
    _, reply = await compose(big.sessions, [], now - timedelta(days=1), now)
    [message] = render_telegram(reply)
    seen = check_telegram_html(message)
    assert seen.startswith("Digest: 1 new story, 0 updates")
    assert "New: #1 " in seen
    assert "/summary <id> tells a story" in seen


async def test_the_summary_names_five_sources_and_where_the_rest_are(big: App) -> None:
    reply = await ask(big, "/summary")
    summary, sources = reply.sections
    assert len(summary.lines) >= 3
    *named, rest = sources.lines
    outlets = [c.outlet for line in named for c in line.citations]
    assert len(outlets) == len(set(outlets)) == 5
    # the reader's language first: the English write-ups before the others
    assert all(c.language is None for line in named for c in line.citations)
    more = re.fullmatch(r"\+(\d+) more articles: /articles 1", rest.text)
    assert more is not None
    async with big.sessions() as session:
        articles = await queries.story_articles(session, 1)
    originals = [a for a in articles if a.near_copy_of is None]
    assert int(more.group(1)) == len(originals) - 5


async def test_articles_pages_list_every_article_once(big: App) -> None:
    async with big.sessions() as session:
        articles = await queries.story_articles(session, 1)
    seen: list[int] = []
    copied: list[str] = []
    page = 1
    while True:
        reply = await ask(big, f"/articles 1 page {page}")
        seen += [c.article_id for line in reply.sections[0].lines for c in line.citations]
        copied += [line.text for line in reply.sections[0].lines if "also run by" in line.text]
        if f"More: /articles 1 page {page + 1}" not in (reply.footer or ""):
            break
        page += 1
    originals = [a.id for a in articles if a.near_copy_of is None]
    assert seen == originals
    assert page == -(-len(originals) // big.context.page_size)
    # the wire copies are named on the lines of the articles they copy
    assert sorted(text.split("also run by ")[1] for text in copied) == [
        "Lakeshore Gazette)",
        "Riverside Daily)",
        "Summit Journal)",
    ]
    beyond = await ask(big, "/articles 1 page 99")
    assert (beyond.footer or "").startswith(f"There is no page 99; this is the last. Page {page}")


async def test_the_big_storys_timeline_has_a_lane_per_language(big: App) -> None:
    async with big.sessions() as session:
        articles = await queries.story_articles(session, 1)
        views = await queries.story_views(session, 1)
    found = story_timeline(articles, views, "en")
    assert found is not None
    assert found.lane_kind is LaneKind.LANGUAGE
    assert found.lanes[0].label == "English"
    assert len(found.lanes) == 6
    assert sum(len(lane.reports) for lane in found.lanes) == len(articles)
    reply = await ask(big, "/timeline")
    assert reply.picture is not None
    with Image.open(io.BytesIO(reply.picture.png)) as image:
        assert image.size == (1080, 1350)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is not None
    assert len(colours) > 50
