"""A Slack app served against the local Web API fake, and reading what it posted."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

from bot.config import SlackSettings
from bot.platforms.slack.app import build_slack
from bot.platforms.slack.serve import serve_http
from handlers.context import Context
from tests.support.slack_fake import BOT_USER, TEAM, FakeSlack

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


TOKEN = "xoxb-test-token"


NOW = datetime(2026, 3, 28, tzinfo=UTC)


FORM = "application/x-www-form-urlencoded"


@dataclass
class Bot:
    """The served Bolt app and a client that talks to it the way Slack does."""

    url: str
    fake: FakeSlack
    http: aiohttp.ClientSession

    async def post(
        self,
        body: str,
        content_type: str,
        *,
        secret: str = SECRET,
        timestamp: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> int:
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
        signed = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": signature or "",
            **(headers or {}),
        }
        async with self.http.post(self.url, data=body.encode(), headers=signed) as response:
            await response.read()
            return response.status

    async def command(
        self, name: str, text: str, *, channel: str = "C1", user: str = "U1", **options: Any
    ) -> int:
        form = {
            "token": "legacy",
            "team_id": TEAM,
            "channel_id": channel,
            "user_id": user,
            "command": name,
            "text": text,
            "response_url": self.fake.response_url(),
            "trigger_id": "1.2.3",
            "api_app_id": "A1",
        }
        return await self.post(urlencode(form), FORM, **options)

    async def mention(
        self,
        text: str,
        event_id: str,
        *,
        channel: str = "C1",
        headers: dict[str, str] | None = None,
        user: str = "U1",
        files: list[dict[str, Any]] | None = None,
    ) -> int:
        """An @mention as the Events API sends it, with the files its message carries."""
        event: dict[str, Any] = {
            "type": "app_mention",
            "user": user,
            "text": text,
            "ts": "1765600000.000100",
            "channel": channel,
            "event_ts": "1765600000.000100",
        }
        if files is not None:
            event["files"] = files
        body = {
            "token": "legacy",
            "team_id": TEAM,
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id,
            "event_time": 1765600000,
            "event": event,
            "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
        }
        return await self.post(json.dumps(body), "application/json", headers=headers)

    async def press(self, value: str, *, channel: str = "C1") -> int:
        payload = {
            "type": "block_actions",
            "team": {"id": TEAM},
            "user": {"id": "U1"},
            "api_app_id": "A1",
            "channel": {"id": channel},
            "container": {"type": "message", "channel_id": channel},
            "response_url": self.fake.response_url(),
            "trigger_id": "1.2.3",
            "actions": [
                {"type": "button", "action_id": "newsbot_choice_0", "value": value, "block_id": "b"}
            ],
        }
        return await self.post(urlencode({"payload": json.dumps(payload)}), FORM)


@asynccontextmanager
async def serving(fake: FakeSlack, context: Context, **settings: Any) -> AsyncIterator[Bot]:
    settings.setdefault("command_prefix", "")
    config = SlackSettings(base_url=fake.api_url, listen="127.0.0.1", port=0, **settings)
    bolt = build_slack(config, TOKEN, SECRET, context)
    async with serve_http(bolt, "127.0.0.1", 0) as runner, aiohttp.ClientSession() as http:
        host, port = runner.addresses[0][:2]
        yield Bot(f"http://{host}:{port}/slack/events", fake, http)


def mrkdwn_texts(node: Any) -> list[str]:
    """Every text Slack parses for markup (mrkdwn objects; plain_text is shown as it is)."""
    if isinstance(node, list):
        return [text for item in node for text in mrkdwn_texts(item)]
    if not isinstance(node, dict):
        return []
    if node.get("type") == "mrkdwn":
        return [str(node["text"])]
    return [text for value in node.values() for text in mrkdwn_texts(value)]


def text_of(payload: dict[str, Any]) -> str:
    return json.dumps(payload["blocks"], ensure_ascii=False)
