"""Real python-telegram-bot, talking HTTP to a fake Bot API on 127.0.0.1."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from PIL import Image

from bot.app import App, seed_if_empty
from bot.config import TelegramSettings
from bot.platforms.gate import RecentIds
from bot.platforms.telegram.app import build_telegram
from bot.platforms.telegram.listeners import REFUSAL
from bot.platforms.telegram.render import CAPTION_LIMIT
from bot.runner import front_ends
from handlers.digest_reply import compose
from storage.subscriptions import get_subscription, upsert_subscription
from tests.support.articles import MERGER, QUAKE, raw, when
from tests.support.net import free_port
from tests.support.telegram_app import SECRET, assert_valid_html, running
from tests.support.telegram_fake import (
    BOT_USERNAME,
    TOKEN,
    TOO_MANY_REQUESTS,
    Call,
    FakeTelegram,
    Upload,
    callback_update,
    check_telegram_html,
    message_update,
    serve_fake,
)

GROUP = -1001


@pytest.fixture(autouse=True)
def timedelta_api(monkeypatch: pytest.MonkeyPatch) -> None:
    """PTB's opt-in to its next major's ``RetryAfter.retry_after`` type; without it, reading
    a 429 warns (deprecation), which this suite turns into an error."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with serve_fake() as fake:
        yield fake


@pytest.fixture
def polling(fake: FakeTelegram) -> TelegramSettings:
    return TelegramSettings(base_url=fake.base_url, base_file_url=fake.base_file_url)


async def test_who_is_answered_in_valid_html(
    app: App, fake: FakeTelegram, polling: TelegramSettings
) -> None:
    await seed_if_empty(app)
    async with running(app, fake, polling):
        await fake.push(message_update(fake, "/who Kolesnikova"))
        [sent] = await fake.wait_for("sendMessage")
    seen = assert_valid_html(sent)
    assert "Maria Kalesnikava" in seen
    assert all(f"({outlet})" in seen for outlet in ("CNBC", "PUKMEDIA", "RksNews"))
    assert int(sent.params["chat_id"]) == 42
    [commands] = fake.calls_to("setMyCommands")
    assert {"who", "summary", "stories", "diff", "timeline", "articles", "help"} <= {
        c["command"] for c in commands.params["commands"]
    }


async def test_group_command_addressed_to_the_bot(
    app: App, fake: FakeTelegram, polling: TelegramSettings
) -> None:
    await seed_if_empty(app)
    async with running(app, fake, polling):
        await fake.push(message_update(fake, "/who@other_bot Kolesnikova", chat_id=GROUP))
        await fake.push(message_update(fake, f"/who@{BOT_USERNAME} Kolesnikova", chat_id=GROUP))
        [sent] = await fake.wait_for("sendMessage")
        await fake.push(message_update(fake, "/help", chat_id=GROUP))
        await fake.wait_for("sendMessage", 2)
    assert int(sent.params["chat_id"]) == GROUP
    assert "Maria Kalesnikava" in assert_valid_html(sent)
    assert "reply_parameters" in sent.params
    assert len(fake.calls_to("sendMessage")) == 2


async def test_choice_button_edits_the_message(
    app: App, fake: FakeTelegram, polling: TelegramSettings
) -> None:
    await app.ingestor.ingest(
        [
            raw(QUAKE, outlet="A", published=when(3), title="Earthquake kills 14 in Peru"),
            raw(MERGER, outlet="B", published=when(3), title="Deal follows Peru earthquake"),
        ]
    )
    async with running(app, fake, polling):
        await fake.push(message_update(fake, "/summary peru"))
        [asked] = await fake.wait_for("sendMessage")
        buttons = [row[0] for row in asked.params["reply_markup"]["inline_keyboard"]]
        assert len(buttons) == 2
        assert all(len(b["callback_data"].encode()) <= 64 for b in buttons)
        chosen = next(b for b in buttons if "Earthquake" in b["text"])
        await fake.push(callback_update(fake, asked.result, chosen["callback_data"]))
        [edited] = await fake.wait_for("editMessageText")
        await fake.wait_for("answerCallbackQuery")
    assert edited.params["message_id"] == str(asked.result["message_id"])
    assert "Arequipa" in assert_valid_html(edited)
    assert len(fake.calls_to("sendMessage")) == 1


async def test_rate_limited_send_is_retried(
    app: App, fake: FakeTelegram, polling: TelegramSettings
) -> None:
    fake.fail_next_send.append(TOO_MANY_REQUESTS)
    async with running(app, fake, polling):
        await fake.push(message_update(fake, "/help"))
        refused, sent = await fake.wait_for("sendMessage", 2)
    assert sent.at - refused.at >= 1.0
    assert sent.params["text"] == refused.params["text"]
    assert "/who" in assert_valid_html(sent)


async def test_chat_not_allowed_is_refused(
    app: App, fake: FakeTelegram, polling: TelegramSettings
) -> None:
    settings = replace(polling, allowed_chats=("42",))
    async with running(app, fake, settings):
        await fake.push(message_update(fake, "/help", chat_id=99))
        await fake.push(message_update(fake, "just talking", chat_id=99))
        [refusal] = await fake.wait_for("sendMessage")
        await fake.push(message_update(fake, "/help", chat_id=42))
        await fake.wait_for("sendMessage", 2)
    assert int(refusal.params["chat_id"]) == 99
    assert refusal.params["text"] == REFUSAL
    answered = fake.calls_to("sendMessage")[1]
    assert int(answered.params["chat_id"]) == 42
    assert "/who" in answered.params["text"]
    assert len(fake.calls_to("sendMessage")) == 2


@pytest.fixture
def webhook(polling: TelegramSettings) -> TelegramSettings:
    return replace(
        polling,
        webhook_url="https://bot.example.org/telegram/hook",
        webhook_listen="127.0.0.1",
        webhook_port=free_port(),
    )


async def _post(settings: TelegramSettings, update: dict[str, Any], secret: str | None) -> int:
    url = f"http://127.0.0.1:{settings.webhook_port}/telegram/hook"
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=update, headers=headers) as response,
    ):
        return response.status


async def test_webhook_checks_the_secret(
    app: App, fake: FakeTelegram, webhook: TelegramSettings
) -> None:
    async with running(app, fake, webhook, SECRET):
        [registered] = fake.calls_to("setWebhook")
        assert registered.params["url"] == webhook.webhook_url
        assert registered.params["secret_token"] == SECRET
        assert await _post(webhook, message_update(fake, "/help"), None) == 403
        assert await _post(webhook, message_update(fake, "/help"), "wrong") == 403
        assert await _post(webhook, message_update(fake, "/stories"), SECRET) == 200
        [sent] = await fake.wait_for("sendMessage")
    assert "No stories yet" in assert_valid_html(sent)
    assert len(fake.calls_to("sendMessage")) == 1


async def test_webhook_answers_an_update_once(
    app: App, fake: FakeTelegram, webhook: TelegramSettings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.platforms.telegram.listeners")
    update = message_update(fake, "/help")
    async with running(app, fake, webhook, SECRET):
        assert await _post(webhook, update, SECRET) == 200
        await fake.wait_for("sendMessage")
        assert await _post(webhook, update, SECRET) == 200
        for _ in range(100):
            if "delivered again" in caplog.text:
                break
            await asyncio.sleep(0.01)
    assert f"update {update['update_id']} delivered again" in caplog.text
    assert len(fake.calls_to("sendMessage")) == 1


async def test_webhook_needs_a_secret(app: App, webhook: TelegramSettings) -> None:
    with pytest.raises(ValueError, match="secret"):
        build_telegram(webhook, TOKEN, app.context, secret=None)


def test_seen_updates_are_bounded() -> None:
    seen = RecentIds(size=2)
    assert [seen.first_time(n) for n in (1, 2, 1, 3)] == [True, True, False, True]
    assert seen.first_time(1)
    assert not seen.first_time(3)


async def _digest_time(app: App, chat_id: int) -> str | None:
    async with app.sessions() as session:
        subscription = await get_subscription(session, "telegram", str(chat_id))
    return None if subscription is None else subscription.local_time


async def test_only_chat_admins_change_a_group_digest(
    app: App, fake: FakeTelegram, polling: TelegramSettings
) -> None:
    """In a group, getChatMember decides; a forged button press is held to the same rule;
    in a private chat the user decides."""
    fake.members[(GROUP, 8)] = "administrator"
    fake.members[(GROUP, 9)] = "creator"
    async with running(app, fake, polling):
        await fake.push(message_update(fake, "/subscribe 08:00", chat_id=GROUP, user_id=7))
        [refused] = await fake.wait_for("sendMessage")
        assert await _digest_time(app, GROUP) is None
        await fake.push(message_update(fake, "/subscribe 09:00", chat_id=GROUP, user_id=8))
        _, subscribed = await fake.wait_for("sendMessage", 2)
        await fake.push(callback_update(fake, refused.result, "/unsubscribe", user_id=7))
        [forged] = await fake.wait_for("editMessageText")
        assert await _digest_time(app, GROUP) == "09:00"
        await fake.push(message_update(fake, "/unsubscribe", chat_id=GROUP, user_id=9))
        *_, stopped = await fake.wait_for("sendMessage", 3)
        await fake.push(message_update(fake, "/subscribe 07:00", chat_id=42, user_id=7))
        *_, private = await fake.wait_for("sendMessage", 4)
    for refusal in (refused, forged):
        assert "Only this chat's admins" in assert_valid_html(refusal)
    assert "Subscribed." in assert_valid_html(subscribed)
    assert "Daily digest stopped." in assert_valid_html(stopped)
    assert "Subscribed." in assert_valid_html(private)
    assert await _digest_time(app, GROUP) is None
    assert await _digest_time(app, 42) == "07:00"
    asked = {
        (int(c.params["chat_id"]), int(c.params["user_id"])) for c in fake.calls_to("getChatMember")
    }
    assert asked == {(GROUP, 7), (GROUP, 8), (GROUP, 9)}


#: recognisable in any output; the fake accepts it or, for the rejection test, not
LEAKY_TOKEN = "555000111:RECOGNISABLE-fake-token-Zq9xWv8uTs7rQp"
WEBHOOK_SECRET = "recognisable-webhook-secret-Hn4Jk2"


async def _newsbot(fake: FakeTelegram, tmp_path: Path, *args: str) -> asyncio.subprocess.Process:
    """``newsbot [args] run`` in its own process, as a user starts it, against the fake."""
    seeds = tmp_path / "no-seeds"
    seeds.mkdir(exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "COLUMNS": "400",  # no wrapped log lines: a token cut in two would not be found
        "PTB_TIMEDELTA": "1",
        "NEWSBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
        "NEWSBOT_SEEDS_DIR": str(seeds),
        "NEWSBOT_TELEGRAM_TOKEN": LEAKY_TOKEN,
        "NEWSBOT_TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "NEWSBOT_TELEGRAM__BASE_URL": fake.base_url,
        "NEWSBOT_TELEGRAM__BASE_FILE_URL": fake.base_file_url,
    }
    with (tmp_path / "output.log").open("wb") as output:
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            "from bot.cli import main; main()",
            *args,
            "run",
            cwd=tmp_path,
            env=env,
            stdout=output,
            stderr=asyncio.subprocess.STDOUT,
        )


def _assert_no_secret(output: str) -> None:
    for secret in (LEAKY_TOKEN, LEAKY_TOKEN.split(":")[1], WEBHOOK_SECRET):
        assert secret not in output


async def test_the_token_is_never_logged_while_answering(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    """At debug level httpx logs every Bot API URL, which holds the token."""
    fake.token = LEAKY_TOKEN
    bot = await _newsbot(fake, tmp_path, "-vv")
    try:
        async with asyncio.timeout(30):
            while not fake.calls_to("getUpdates"):
                await asyncio.sleep(0.05)
                assert bot.returncode is None, (tmp_path / "output.log").read_text()
        await fake.push(message_update(fake, "/help"))
        await fake.wait_for("sendMessage")
    finally:
        bot.send_signal(signal.SIGTERM)
        await asyncio.wait_for(bot.wait(), 30)
    output = (tmp_path / "output.log").read_text()
    assert "/bot<redacted>/getMe" in output
    _assert_no_secret(output)


async def test_a_rejected_token_is_reported_without_it(fake: FakeTelegram, tmp_path: Path) -> None:
    """python-telegram-bot puts the rejected token in its error's message (and -v logs the
    traceback too); both levels run side by side."""

    async def run(verbosity: tuple[str, ...], where: Path) -> None:
        bot = await _newsbot(fake, where, *verbosity)
        await asyncio.wait_for(bot.wait(), 30)
        output = (where / "output.log").read_text()
        assert bot.returncode == 1, output
        assert "the telegram front end failed: The token `<redacted>` was rejected" in output
        _assert_no_secret(output)

    (tmp_path / "default").mkdir()
    (tmp_path / "verbose").mkdir()
    await asyncio.gather(run((), tmp_path / "default"), run(("-v",), tmp_path / "verbose"))


def _photo(call: Call) -> Upload:
    """The photo of a sendPhoto, checked to be a real multipart upload of a PNG."""
    assert call.content_type == "multipart/form-data"
    upload = call.params["photo"]
    assert isinstance(upload, Upload)
    with Image.open(io.BytesIO(upload.data)) as image:
        assert (image.format, image.size) == ("PNG", (1080, 1350))
    return upload


async def test_a_timeline_is_one_photo_captioned_with_the_reply(
    app: App, fake: FakeTelegram, polling: TelegramSettings
) -> None:
    await seed_if_empty(app)
    async with running(app, fake, polling):
        await fake.push(message_update(fake, "/timeline", chat_id=GROUP))
        [sent] = await fake.wait_for("sendPhoto")
    assert _photo(sent).filename == "timeline-1.png"
    assert int(sent.params["chat_id"]) == GROUP
    assert sent.params["parse_mode"] == "HTML"
    caption = str(sent.params["caption"])
    assert len(caption) <= CAPTION_LIMIT
    seen = check_telegram_html(caption)
    assert seen.startswith("#1 Lukashenko frees Nobel winner Bialiatski")
    assert "First report: CNBC" in seen
    assert "reply_parameters" in sent.params
    assert not fake.calls_to("sendMessage")


async def test_a_digest_with_a_picture_is_one_photo_or_its_text_then_the_photo(
    app: App, fake: FakeTelegram, polling: TelegramSettings
) -> None:
    """A digest that fits a caption is one photo of its busiest story's timeline captioned
    with the digest; a longer one is its message, then the photo captioned with what the
    picture shows."""
    await seed_if_empty(app)
    settings = replace(app.settings, telegram=polling)
    halt = asyncio.Event()
    [end] = front_ends(settings, app, halt, {settings.telegram.token_env: TOKEN})
    now = datetime.now(UTC)
    async with app.sessions() as session, session.begin():
        subscription = await upsert_subscription(
            session, "telegram", "42", local_time=None, timezone=None, keywords=(), now=now
        )
    task = asyncio.create_task(end.run())
    try:
        await fake.wait_for("getUpdates")
        _, short_digest = await compose(
            app.sessions, [], now - timedelta(days=1), now, picture=True
        )
        assert await end.send(subscription, short_digest)
        await app.ingestor.ingest(
            [raw(QUAKE, outlet="Andina", published=when(3)), raw(MERGER, outlet="FT")]
        )
        later = datetime.now(UTC)
        _, digest = await compose(app.sessions, [], now - timedelta(days=1), later, picture=True)
        assert await end.send(subscription, digest)
    finally:
        halt.set()
        await task
    first, second = fake.calls_to("sendPhoto")
    [text] = fake.calls_to("sendMessage")
    _photo(first)
    assert len(str(first.params["caption"])) <= CAPTION_LIMIT
    assert check_telegram_html(str(first.params["caption"])).startswith("Digest: 1 new story")
    assert assert_valid_html(text).startswith("Digest: 3 new stories, 0 updates")
    assert first.at <= text.at <= second.at
    _photo(second)
    caption = check_telegram_html(str(second.params["caption"]))
    assert caption.startswith("Timeline of #1 Lukashenko frees")
    assert "first reported by CNBC" in caption
