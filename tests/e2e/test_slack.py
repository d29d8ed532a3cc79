"""The real slack-bolt AsyncApp over HTTP on 127.0.0.1, with signed requests, answering
through a fake Slack Web API."""

from __future__ import annotations

import asyncio
import io
import json
import re
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import aiohttp
import pytest
from PIL import Image
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.app import App, seed_if_empty
from bot.config import ConfigError, SlackSettings
from bot.platforms.slack.app import RESERVED_COMMANDS, build_slack, command_names
from bot.platforms.slack.listeners import SlackFront
from bot.platforms.slack.serve import EVENTS_PATH, run_slack
from bot.platforms.slack.text import from_slack_markup, mention_command, strip_prefix
from bot.runner import front_ends
from handlers.context import Context
from handlers.reply import Line, Reply, Section
from storage.db import create_engine
from storage.subscriptions import get_subscription, upsert_subscription
from tests.support.articles import when
from tests.support.slack_app import NOW, SECRET, TOKEN, Bot, mrkdwn_texts, serving, text_of
from tests.support.slack_blocks import check_blocks
from tests.support.slack_fake import BOT_USER, TEAM, FakeSlack, fake_slack


@pytest.fixture
async def context(app: App) -> Context:
    await seed_if_empty(app)
    return app.context


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with fake_slack() as fake:
        yield fake


@pytest.fixture
async def bot(slack: FakeSlack, context: Context) -> AsyncIterator[Bot]:
    async with serving(slack, context) as bot:
        yield bot


async def test_slash_command_acks_fast_and_answers_at_response_url(bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.command("/who", "Kolesnikova") == 200
    assert time.monotonic() - started < 1.0
    [answer] = await bot.fake.wait_for("response_url")
    payload = answer.payload
    check_blocks(payload["blocks"])
    assert payload["response_type"] == "in_channel"
    assert payload["blocks"][0]["text"]["text"] == "Maria Kalesnikava"
    assert all(outlet in text_of(payload) for outlet in ("CNBC", "PUKMEDIA", "RksNews"))
    assert "Maria Kalesnikava" in payload["text"]
    assert bot.fake.made("auth.test")


async def test_bad_signature_is_refused(bot: Bot) -> None:
    assert await bot.command("/who", "Kolesnikova", secret="not-the-secret") == 401
    assert await bot.command("/who", "Kolesnikova", timestamp=int(time.time()) - 301) == 401
    await asyncio.sleep(0.1)
    assert not bot.fake.made("response_url")


async def test_prefixed_command_names(slack: FakeSlack, context: Context) -> None:
    assert "/news-who" in command_names("news-")
    async with serving(slack, context, command_prefix="news-") as bot:
        assert await bot.command("/news-who", "Kolesnikova") == 200
        [answer] = await slack.wait_for("response_url")
        assert answer.payload["blocks"][0]["text"]["text"] == "Maria Kalesnikava"
        assert await bot.command("/who", "Kolesnikova") == 404
        # /help lists the commands as they are typed in this workspace
        assert await bot.command("/news-help", "") == 200
        _, answer = await slack.wait_for("response_url", 2)
        assert "• /news-who " in answer.payload["text"]
        assert "• /who " not in answer.payload["text"]


async def test_mention_is_answered_with_chat_post_message(bot: Bot) -> None:
    assert await bot.mention(f"<@{BOT_USER}> who Kalesnikava", "Ev001") == 200
    [post] = await bot.fake.wait_for("chat.postMessage")
    assert post.payload["channel"] == "C1"
    check_blocks(post.payload["blocks"])
    assert "Maria Kalesnikava" in text_of(post.payload)


async def test_retried_event_is_answered_once(bot: Bot) -> None:
    assert await bot.mention(f"<@{BOT_USER}> who Kalesnikava", "Ev002") == 200
    await bot.fake.wait_for("chat.postMessage")
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert await bot.mention(f"<@{BOT_USER}> who Kalesnikava", "Ev002", headers=retry) == 200
    assert await bot.mention(f"<@{BOT_USER}> who Kalesnikava", "Ev002") == 200
    await asyncio.sleep(0.4)
    assert len(bot.fake.made("chat.postMessage")) == 1


async def test_rate_limited_post_is_retried_after_retry_after(bot: Bot) -> None:
    bot.fake.rate_limit_next("chat.postMessage")
    assert await bot.mention(f"<@{BOT_USER}> who Kalesnikava", "Ev003") == 200
    [post] = await bot.fake.wait_for("chat.postMessage")
    [limited] = [c for c in bot.fake.calls if c.method == "chat.postMessage" and c.status == 429]
    assert post.at - limited.at >= 1.0
    assert "Maria Kalesnikava" in text_of(post.payload)


async def test_channels_outside_the_allowlist_are_refused(
    slack: FakeSlack, context: Context
) -> None:
    async with serving(slack, context, allowed_channels=("CNEWS",)) as bot:
        assert await bot.command("/who", "Kolesnikova", channel="COTHER") == 200
        [refusal] = await slack.wait_for("response_url")
        assert refusal.payload["response_type"] == "ephemeral"
        assert "does not answer in this channel" in text_of(refusal.payload)
        assert await bot.mention(f"<@{BOT_USER}> who Kalesnikava", "Ev004", channel="COTHER") == 200
        assert await bot.command("/who", "Kolesnikova", channel="CNEWS") == 200
        [_, answer] = await slack.wait_for("response_url", 2)
        assert "Maria Kalesnikava" in text_of(answer.payload)
        assert not slack.made("chat.postMessage")


async def test_choice_button_replaces_the_question(bot: Bot) -> None:
    assert await bot.press("/who Kolesnikova") == 200
    [answer] = await bot.fake.wait_for("response_url")
    assert answer.payload["replace_original"] is True
    assert answer.payload["blocks"][0]["text"]["text"] == "Maria Kalesnikava"


async def test_run_slack_serves_until_stopped(slack: FakeSlack, context: Context) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = SlackSettings(
        base_url=slack.api_url, listen="127.0.0.1", port=port, command_prefix=""
    )
    stop = asyncio.Event()
    task = asyncio.create_task(
        run_slack(build_slack(settings, TOKEN, SECRET, context), settings, None, stop)
    )
    try:
        async with aiohttp.ClientSession() as http:
            bot = Bot(f"http://127.0.0.1:{port}/slack/events", slack, http)
            status = await _first_answer(bot)
            assert status == 200
            await slack.wait_for("response_url")
    finally:
        stop.set()
        await asyncio.wait_for(task, 2)
    with pytest.raises(aiohttp.ClientConnectionError):
        async with aiohttp.ClientSession() as http:
            await Bot(f"http://127.0.0.1:{port}/slack/events", slack, http).command("/help", "")


async def _first_answer(bot: Bot) -> int:
    """The status of the first command the server takes, once it listens."""
    for _ in range(100):
        try:
            return await bot.command("/help", "")
        except aiohttp.ClientConnectionError:
            await asyncio.sleep(0.02)
    raise AssertionError("the server did not start")


def test_settings_that_cannot_work_are_refused(context: Context) -> None:
    with pytest.raises(ConfigError, match="SIGNING_SECRET"):
        build_slack(SlackSettings(), TOKEN, None, context)
    with pytest.raises(ConfigError, match="mode"):
        build_slack(SlackSettings(mode="carrier-pigeon"), TOKEN, SECRET, context)
    assert build_slack(SlackSettings(mode="socket"), TOKEN, None, context) is not None


async def test_socket_mode_needs_the_app_token(context: Context) -> None:
    settings = SlackSettings(mode="socket")
    with pytest.raises(ConfigError, match="APP_TOKEN"):
        await run_slack(
            build_slack(settings, TOKEN, None, context), settings, None, asyncio.Event()
        )


def test_text_to_commands(context: Context) -> None:
    assert mention_command("<@UBOT> who Kalesnikava") == "/who Kalesnikava"
    assert mention_command("<@UBOT|newsbot>   /diff 1") == "/diff 1"
    assert mention_command("<@UBOT>") == "/help"
    assert mention_command("<@UBOT> who A &amp; B &lt;x&gt;") == "/who A & B <x>"
    assert strip_prefix("/news-who X", "news-") == "/who X"
    assert strip_prefix("/who X", "news-") == "/who X"
    front = SlackFront(replace(SlackSettings(), admins=("UADMIN",)), context, AsyncWebClient())
    assert front.caller("C1", "UADMIN").is_admin
    assert not front.caller("C1", "U1").is_admin
    assert front.caller("C1", "U1").platform == "slack"


def test_manifest_matches_the_commands_and_endpoint() -> None:
    manifest = (Path(__file__).resolve().parents[2] / "slack-manifest.yml").read_text()
    commands = re.findall(r"^\s*- command: (\S+)$", manifest, re.M)
    assert sorted(commands) == sorted(command_names("news-"))
    assert not RESERVED_COMMANDS.intersection(commands)
    urls = re.findall(r"(?:url|request_url): (\S+)$", manifest, re.M)
    assert len(urls) == len(commands) + 2
    assert all(url == f"https://YOUR-HOST{EVENTS_PATH}" for url in urls)
    for scope in ("commands", "chat:write", "app_mentions:read", "users:read", "files:write"):
        assert f"- {scope} " in manifest
    assert "- app_mention" in manifest


async def test_socket_mode_answers_over_the_websocket(slack: FakeSlack, context: Context) -> None:
    command = {
        "team_id": TEAM,
        "channel_id": "C1",
        "user_id": "U1",
        "command": "/who",
        "text": "Kolesnikova",
        "response_url": slack.response_url(),
        "trigger_id": "1.2.3",
        "api_app_id": "A1",
    }
    slack.envelopes.append(
        {
            "envelope_id": "env-1",
            "type": "slash_commands",
            "payload": command,
            "accepts_response_payload": True,
        }
    )
    settings = SlackSettings(base_url=slack.api_url, mode="socket", command_prefix="")
    stop = asyncio.Event()
    bolt = build_slack(settings, TOKEN, None, context)
    task = asyncio.create_task(run_slack(bolt, settings, "xapp-test", stop))
    try:
        [ack] = await slack.wait_for("socket")
        assert ack.payload["envelope_id"] == "env-1"
        [answer] = await slack.wait_for("response_url")
        assert answer.payload["blocks"][0]["text"]["text"] == "Maria Kalesnikava"
        assert slack.made("apps.connections.open")
    finally:
        stop.set()
        await asyncio.wait_for(task, 2)


def test_slack_markup_is_read_as_typed() -> None:
    assert from_slack_markup("add <https://x.org/rss?a=1&amp;b=2|x.org/rss>") == (
        "add https://x.org/rss?a=1&b=2"
    )
    assert from_slack_markup("<https://x.org/a>") == "https://x.org/a"
    assert from_slack_markup("<mailto:ed@x.org|ed@x.org>") == "ed@x.org"
    assert from_slack_markup("in <#C123|newsroom> and <#C456>") == "in #newsroom and #C456"
    assert from_slack_markup("<@U123> <@U9|ann> <!here> <!subteam^S1|@desk>") == (
        "@U123 @ann @here @desk"
    )
    assert from_slack_markup("A &amp; B &lt;x&gt; &amp;lt;") == "A & B <x> &lt;"


async def test_urls_slack_wraps_are_added_as_sources(slack: FakeSlack, context: Context) -> None:
    async with serving(slack, context, admins=("U1",)) as bot:
        wrapped = "add <https://example.org/rss?a=1&amp;b=2|example.org/rss>"
        assert await bot.mention(f"<@{BOT_USER}> sources {wrapped}", "Ev100") == 200
        [post] = await slack.wait_for("chat.postMessage")
        assert await bot.command("/sources", "add <https://example.org/atom>") == 200
        [answer] = await slack.wait_for("response_url")
    assert "Added source #1" in text_of(post.payload)
    assert "https://example.org/rss?a=1&amp;b=2" in text_of(post.payload)
    assert "Added source #2" in text_of(answer.payload)


async def test_sources_are_answered_to_the_caller_alone(slack: FakeSlack, context: Context) -> None:
    """Slack shows an in_channel answer's command as typed: a source's URL may carry a
    password or a token, so /sources answers the admin alone; reading commands the channel."""
    async with serving(slack, context, admins=("U1",)) as bot:
        secret = "add https://ed:pw1@example.org/feed?token=t0k"
        assert await bot.command("/sources", secret, user="U1") == 200
        [added] = await slack.wait_for("response_url")
        assert await bot.command("/stories", "") == 200
        [_, listed] = await slack.wait_for("response_url", 2)
    assert added.payload["response_type"] == "ephemeral"
    assert "Added source #1" in text_of(added.payload)
    assert "pw1" not in text_of(added.payload)
    assert "t0k" not in text_of(added.payload)
    assert listed.payload["response_type"] == "in_channel"


async def test_notices_and_digests_reach_slack_escaped(app: App, slack: FakeSlack) -> None:
    """What a feed server says ends up in the "source paused" notice; Slack must show it,
    not act on it (``<!channel>`` would notify everyone in the channel)."""
    settings = replace(
        app.settings,
        slack=SlackSettings(base_url=slack.api_url, admins=("UADMIN",), command_prefix="news-"),
    )
    env = {"NEWSBOT_SLACK_BOT_TOKEN": TOKEN, "NEWSBOT_SLACK_SIGNING_SECRET": SECRET}
    [end] = front_ends(settings, app, asyncio.Event(), env)
    hostile = "<!channel> <https://evil.example|click> &amp;"
    await end.notify(f"Source #1 https://x.org/rss is paused (last: Content-Type {hostile}).")
    digest = Reply(f"Digest {hostile}", (Section(f"New {hostile}", (Line(hostile),)),))
    async with app.sessions() as session, session.begin():
        subscription = await upsert_subscription(
            session, "slack", "CNEWS", local_time=None, timezone=None, keywords=(), now=when(1)
        )
    await end.send(subscription, digest)
    posts = await slack.wait_for("chat.postMessage", 2)
    assert [post.payload["channel"] for post in posts] == ["UADMIN", "CNEWS"]
    for post in posts:
        parsed = [post.payload["text"], *mrkdwn_texts(post.payload.get("blocks"))]
        assert all("<!channel>" not in text and "<https://evil" not in text for text in parsed)
        assert all("&lt;!channel&gt;" in text for text in parsed[:2])
    assert "Content-Type &lt;!channel&gt;" in posts[0].payload["text"]


async def _digest_time(context: Context, channel: str) -> str | None:
    async with context.sessions() as session:
        subscription = await get_subscription(session, "slack", channel)
    return None if subscription is None else subscription.local_time


async def test_only_admins_change_a_channel_digest(slack: FakeSlack, context: Context) -> None:
    """In a channel: workspace admins and owners (users.info) and the configured admins; a
    forged button press is held to the same rule; in a direct message the user decides."""
    slack.users["UOWNER"] = {"is_owner": True}
    async with serving(slack, context, admins=("UADMIN",)) as bot:
        assert await bot.command("/subscribe", "08:00", user="U1") == 200
        [refused] = await slack.wait_for("response_url")
        assert await _digest_time(context, "C1") is None
        assert await bot.command("/subscribe", "09:00", user="UOWNER") == 200
        await bot.fake.wait_for("response_url", 2)
        assert await _digest_time(context, "C1") == "09:00"
        assert await bot.press("/unsubscribe") == 200
        *_, forged = await slack.wait_for("response_url", 3)
        assert await _digest_time(context, "C1") == "09:00"
        assert await bot.command("/subscribe", "10:00", user="UADMIN") == 200
        await bot.fake.wait_for("response_url", 4)
        assert await bot.command("/subscribe", "07:00", channel="D1", user="U1") == 200
        *_, private = await slack.wait_for("response_url", 5)
    for refusal in (refused, forged):
        assert "Only this chat's admins" in text_of(refusal.payload)
    assert "Subscribed." in text_of(private.payload)
    assert await _digest_time(context, "C1") == "10:00"
    assert await _digest_time(context, "D1") == "07:00"
    assert sorted(call.payload["user"] for call in slack.made("users.info")) == [
        "U1",
        "U1",
        "UOWNER",
    ]


RETRY = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}


async def test_a_retry_of_an_event_that_failed_is_answered(
    slack: FakeSlack, context: Context, tmp_path: Path
) -> None:
    """The first delivery reached a process that could not record it (its database is gone)
    and got a 500; Slack's retry, to another process, is the first answer."""
    broken = Context(async_sessionmaker(create_engine(f"sqlite:///{tmp_path}/gone/x.db")))
    async with serving(slack, broken) as sick, serving(slack, context) as well:
        assert await sick.mention(f"<@{BOT_USER}> who Kalesnikava", "Ev200") == 500
        assert await well.mention(f"<@{BOT_USER}> who Kalesnikava", "Ev200", headers=RETRY) == 200
        [post] = await slack.wait_for("chat.postMessage")
        assert await well.mention(f"<@{BOT_USER}> who Kalesnikava", "Ev200", headers=RETRY) == 200
        await asyncio.sleep(0.3)
    assert "Maria Kalesnikava" in text_of(post.payload)
    assert len(slack.made("chat.postMessage")) == 1


async def test_an_event_is_answered_once_across_processes(
    slack: FakeSlack, context: Context
) -> None:
    """Two processes behind one URL, sharing the database: a retry or a repeat that reaches
    the other one is not answered again."""
    async with serving(slack, context) as first, serving(slack, context) as second:
        assert await first.mention(f"<@{BOT_USER}> who Kalesnikava", "Ev300") == 200
        await slack.wait_for("chat.postMessage")
        assert await second.mention(f"<@{BOT_USER}> who Kalesnikava", "Ev300", headers=RETRY) == 200
        assert await second.mention(f"<@{BOT_USER}> who Kalesnikava", "Ev300") == 200
        assert await first.mention(f"<@{BOT_USER}> help", "Ev301", headers=RETRY) == 200
        await slack.wait_for("chat.postMessage", 2)
        await asyncio.sleep(0.3)
    assert len(slack.made("chat.postMessage")) == 2


async def test_a_digest_post_whose_answer_is_lost_is_not_posted_again(
    slack: FakeSlack, app: App
) -> None:
    """Slack may have posted it: the digest stays at most once, never a second copy."""
    settings = replace(app.settings, slack=replace(app.settings.slack, base_url=slack.api_url))
    env = {settings.slack.bot_token_env: TOKEN, settings.slack.signing_secret_env: SECRET}
    [end] = front_ends(settings, app, asyncio.Event(), env)
    async with app.sessions() as session, session.begin():
        subscription = await upsert_subscription(
            session, "slack", "C1", local_time=None, timezone=None, keywords=(), now=NOW
        )
    slack.hang_up_next("chat.postMessage")
    with pytest.raises(aiohttp.ClientError):
        await end.send(subscription, Reply("Digest: 1 new story, 0 updates"))
    assert len(slack.made("chat.postMessage")) == 1
    # the connection is made anew for the next post
    assert await end.send(subscription, Reply("Digest: 1 new story, 0 updates"))
    assert len(slack.made("chat.postMessage")) == 2


def _png_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        return image.size


async def test_a_timeline_is_uploaded_to_the_channel_of_the_command(bot: Bot) -> None:
    """A response URL takes no files: the answer's text goes there, the picture through
    Slack's external upload to the command's channel."""
    assert await bot.command("/timeline", "") == 200
    [answer] = await bot.fake.wait_for("response_url")
    [asked] = await bot.fake.wait_for("files.getUploadURLExternal")
    [upload] = await bot.fake.wait_for("upload")
    [shared] = await bot.fake.wait_for("files.completeUploadExternal")
    check_blocks(answer.payload["blocks"])
    assert answer.payload["response_type"] == "in_channel"
    assert "First report: CNBC" in text_of(answer.payload)
    assert asked.payload["filename"] == "timeline-1.png"
    assert "Timeline of #1" in asked.payload["alt_txt"]
    assert int(asked.payload["length"]) == len(upload.payload["data"])
    assert upload.payload["file_id"] == "F0001"
    assert _png_size(upload.payload["data"]) == (1080, 1350)
    assert shared.payload["channel_id"] == "C1"
    [file] = json.loads(shared.payload["files"])
    assert file["id"] == "F0001"
    assert file["title"].startswith("Timeline of #1 ")
    assert asked.at <= upload.at <= shared.at


async def test_a_mention_gets_the_picture_in_its_thread(bot: Bot) -> None:
    assert await bot.mention(f"<@{BOT_USER}> timeline", "Ev400") == 200
    [post] = await bot.fake.wait_for("chat.postMessage")
    [upload] = await bot.fake.wait_for("upload")
    [shared] = await bot.fake.wait_for("files.completeUploadExternal")
    assert "First report: CNBC" in text_of(post.payload)
    assert _png_size(upload.payload["data"]) == (1080, 1350)
    assert shared.payload["channel_id"] == "C1"
    assert post.at <= shared.at


async def test_where_the_bot_may_not_post_a_picture_the_caller_is_told(bot: Bot) -> None:
    bot.fake.upload_error = "not_in_channel"
    assert await bot.command("/timeline", "1") == 200
    answer, refusal = await bot.fake.wait_for("response_url", 2)
    assert "First report: CNBC" in text_of(answer.payload)
    assert refusal.payload["response_type"] == "ephemeral"
    assert "could not be posted here (not_in_channel)" in text_of(refusal.payload)
    assert "Invite newsbot" in text_of(refusal.payload)
