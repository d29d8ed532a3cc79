"""/sources import with an OPML file shared in Slack: the real Bolt app takes the file of an
@mention and downloads its ``url_private`` with the bot token from the fake Slack."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.app import App
from handlers.context import Context
from storage.sources import list_sources
from tests.support.slack_app import TOKEN, Bot, serving, text_of
from tests.support.slack_fake import BOT_USER, FakeSlack, fake_slack

OPML = b"""<?xml version="1.0" encoding="windows-1251"?>
<opml version="1.1"><head><title>\xcb\xe5\xed\xf2\xe0</title></head><body>
<outline text="\xcd\xee\xe2\xee\xf1\xf2\xe8" xmlUrl="https://news.example/rss"/>
<outline text="Again" xmlUrl="https://news.example/rss"/>
<outline text="Folder"><outline text="Inner" xmlUrl="http://inner.example/atom"/></outline>
</body></opml>
"""


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with fake_slack() as fake:
        yield fake


@pytest.fixture
def context(app: App) -> Context:
    return app.context


async def mention_with_file(
    bot: Bot, text: str, event_id: str, file: dict[str, Any], *, user: str = "UADMIN"
) -> int:
    """An @mention whose message carries a file."""
    return await bot.mention(f"<@{BOT_USER}> {text}", event_id, user=user, files=[file])


def shared(slack: FakeSlack, name: str, data: bytes, **extra: Any) -> dict[str, Any]:
    """A file object as a message carries it, its bytes served by the fake."""
    slack.files[name] = data
    return {
        "id": "F1",
        "name": name,
        "mimetype": "text/x-opml",
        "size": len(data),
        "url_private": slack.file_url(name),
        **extra,
    }


async def _source_urls(app: App) -> list[str]:
    async with app.sessions() as session:
        return [source.url for source in await list_sources(session)]


async def test_an_admin_imports_a_file_shared_with_a_mention(
    slack: FakeSlack, context: Context, app: App
) -> None:
    async with serving(slack, context, admins=("UADMIN",)) as bot:
        file = shared(slack, "subscriptions.opml", OPML)
        assert await mention_with_file(bot, "sources import", "EvF1", file) == 200
        [post] = await slack.wait_for("chat.postMessage")
    shown = text_of(post.payload)
    assert "Imported subscriptions.opml: 2 added, 0 already known, 1 refused." in shown
    assert "Новости" in shown
    assert "listed twice in the file" in shown
    [download] = slack.made("files")
    assert download.payload == {"name": "subscriptions.opml", "authorization": f"Bearer {TOKEN}"}
    assert await _source_urls(app) == ["https://news.example/rss", "http://inner.example/atom"]


async def test_a_non_admin_s_file_is_refused_and_never_downloaded(
    slack: FakeSlack, context: Context, app: App
) -> None:
    async with serving(slack, context, admins=("UADMIN",)) as bot:
        file = shared(slack, "subscriptions.opml", OPML)
        assert await mention_with_file(bot, "sources import", "EvF2", file, user="U1") == 200
        [post] = await slack.wait_for("chat.postMessage")
    assert "Only the bot's admins can manage sources." in text_of(post.payload)
    assert not slack.made("files")
    assert await _source_urls(app) == []


async def test_a_file_from_elsewhere_gets_no_token(
    slack: FakeSlack, context: Context, app: App
) -> None:
    """The bot token goes only to Slack's file host: a file object pointing elsewhere is
    refused, and the reply says how to import instead."""
    async with serving(slack, context, admins=("UADMIN",)) as bot:
        file = shared(slack, "x.opml", OPML, url_private="http://127.0.0.2:9/x.opml")
        assert await mention_with_file(bot, "sources import", "EvF3", file) == 200
        [post] = await slack.wait_for("chat.postMessage")
    shown = text_of(post.payload)
    assert "Slack did not give the file x.opml: it is not a file Slack serves." in shown
    assert "newsbot sources import FILE.opml" in shown
    assert not slack.made("files")
    assert await _source_urls(app) == []


async def test_a_slash_command_says_how_to_send_the_file(
    slack: FakeSlack, context: Context
) -> None:
    async with serving(slack, context, admins=("UADMIN",)) as bot:
        assert await bot.command("/sources", "import", user="UADMIN") == 200
        [answer] = await slack.wait_for("response_url")
    shown = text_of(answer.payload)
    assert "Upload the OPML file in a message that mentions the bot" in shown
    assert "newsbot sources import FILE.opml" in shown
    assert answer.payload["response_type"] == "ephemeral"
