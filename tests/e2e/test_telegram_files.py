"""/sources import with an OPML file sent in Telegram: real python-telegram-bot downloads it
through the fake Bot API's getFile and file URL."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.app import App
from bot.config import TelegramSettings
from handlers.command import MAX_ATTACHMENT_BYTES
from storage.sources import list_sources
from tests.support.telegram_app import assert_valid_html, running
from tests.support.telegram_fake import FakeTelegram, document_update, message_update, serve_fake

ADMIN = 7
OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Reader export</title></head><body>
<outline text="World">
  <outline type="rss" text="Wire World" xmlUrl="https://wire.example/world.xml"/>
  <outline type="rss" text="Daily" xmlUrl="https://daily.example/feed"/>
</outline>
<outline type="rss" text="Old gopher" xmlUrl="gopher://old.example/feed"/>
</body></opml>
"""


@pytest.fixture(autouse=True)
def timedelta_api(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with serve_fake() as fake:
        yield fake


@pytest.fixture
def admins(fake: FakeTelegram) -> TelegramSettings:
    return TelegramSettings(
        base_url=fake.base_url, base_file_url=fake.base_file_url, admins=(str(ADMIN),)
    )


async def _source_urls(app: App) -> list[str]:
    async with app.sessions() as session:
        return [source.url for source in await list_sources(session)]


async def test_an_admin_imports_an_opml_file_sent_with_the_command(
    app: App, fake: FakeTelegram, admins: TelegramSettings
) -> None:
    async with running(app, fake, admins):
        await fake.push(document_update(fake, OPML, caption="/sources import", user_id=ADMIN))
        [sent] = await fake.wait_for("sendMessage")
    seen = assert_valid_html(sent)
    assert "Imported feeds.opml: 2 added, 0 already known, 1 refused." in seen
    assert "gopher://old.example/feed: not an http(s) URL" in seen
    assert [call.params["file_id"] for call in fake.calls_to("getFile")] == ["doc1"]
    assert fake.downloads == ["documents/doc1.opml"]
    assert await _source_urls(app) == [
        "https://wire.example/world.xml",
        "https://daily.example/feed",
    ]


async def test_the_command_may_answer_the_file_s_message(
    app: App, fake: FakeTelegram, admins: TelegramSettings
) -> None:
    async with running(app, fake, admins):
        await fake.push(document_update(fake, OPML, reply_text="/sources import", user_id=ADMIN))
        [sent] = await fake.wait_for("sendMessage")
    assert "2 added" in assert_valid_html(sent)
    assert len(await _source_urls(app)) == 2


async def test_a_non_admin_s_file_is_refused_and_never_downloaded(
    app: App, fake: FakeTelegram, admins: TelegramSettings
) -> None:
    async with running(app, fake, admins):
        await fake.push(document_update(fake, OPML, caption="/sources import", user_id=8))
        [sent] = await fake.wait_for("sendMessage")
    assert "Only the bot's admins can manage sources." in assert_valid_html(sent)
    assert not fake.calls_to("getFile")
    assert not fake.downloads
    assert await _source_urls(app) == []


async def test_without_a_file_the_reply_says_how_to_send_one(
    app: App, fake: FakeTelegram, admins: TelegramSettings
) -> None:
    """No file: how to send one. A file over the limit: not downloaded. A file sent with a
    command that takes none: not downloaded either."""
    async with running(app, fake, admins):
        await fake.push(message_update(fake, "/sources import", user_id=ADMIN))
        [asked] = await fake.wait_for("sendMessage")
        too_large = document_update(
            fake, b"", caption="/sources import", user_id=ADMIN, file_size=MAX_ATTACHMENT_BYTES + 1
        )
        await fake.push(too_large)
        _, refused = await fake.wait_for("sendMessage", 2)
        await fake.push(document_update(fake, OPML, caption="/help", user_id=ADMIN))
        *_, helped = await fake.wait_for("sendMessage", 3)
    assert "Send the OPML file with the caption /sources import" in assert_valid_html(asked)
    assert "newsbot sources import FILE.opml" in assert_valid_html(asked)
    assert "the limit is 1 MB" in assert_valid_html(refused)
    assert "/sources add" in assert_valid_html(helped)
    assert not fake.calls_to("getFile")
    assert await _source_urls(app) == []
