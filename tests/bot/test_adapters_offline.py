"""The platform adapters offline: PTB's Application handles an update through an offline
request object, Bolt's AsyncApp dispatches a signed request, with no server at all.

The HTTP end-to-end tests (tests/e2e) run the same adapters against local fakes of the APIs;
these are the fast tier beside them.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from slack_bolt.async_app import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier
from telegram import Update
from telegram.request import BaseRequest, RequestData

from bot.app import App, seed_if_empty
from bot.config import SlackSettings, TelegramSettings
from bot.platforms.slack.app import build_slack
from bot.platforms.telegram.app import build_telegram

SIGNING_SECRET = "offline-signing-secret"
#: a Web API root nothing listens on: a call that reached it would fail, not leave the machine
NOWHERE = "http://127.0.0.1:9/api/"


class OfflineRequest(BaseRequest):
    """Answers PTB's calls to the Bot API from memory and records them."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        parameters = dict(request_data.parameters) if request_data is not None else {}
        self.calls.append((name, parameters))
        result: Any = True
        if name == "getMe":
            result = {"id": 1, "is_bot": True, "first_name": "newsbot", "username": "newsbot"}
        elif name == "sendMessage":
            chat = {"id": parameters["chat_id"], "type": "private"}
            result = {"message_id": 10, "date": int(time.time()), "chat": chat}
            result["text"] = parameters["text"]
        return 200, json.dumps({"ok": True, "result": result}).encode()


def _message(text: str) -> dict[str, Any]:
    command = text.split()[0]
    return {
        "update_id": 1,
        "message": {
            "message_id": 5,
            "date": int(time.time()),
            "chat": {"id": 42, "type": "private"},
            "from": {"id": 7, "is_bot": False, "first_name": "Reader"},
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(command)}],
        },
    }


async def test_ptb_answers_a_command_through_an_offline_request(app: App) -> None:
    await seed_if_empty(app)
    request = OfflineRequest()
    telegram = build_telegram(
        TelegramSettings(), "123:offline", app.context, secret=None, request=request
    )
    await telegram.initialize()
    try:
        await telegram.process_update(Update.de_json(_message("/who Kalesnikava"), telegram.bot))
    finally:
        await telegram.shutdown()
    sent = [parameters for name, parameters in request.calls if name == "sendMessage"]
    assert len(sent) == 1
    assert sent[0]["chat_id"] == 42
    assert sent[0]["parse_mode"] == "HTML"
    assert "Kalesnikava" in sent[0]["text"]


def _signed(body: str, secret: str = SIGNING_SECRET) -> dict[str, list[str]]:
    timestamp = str(int(time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=body)
    return {
        "content-type": ["application/x-www-form-urlencoded"],
        "x-slack-request-timestamp": [timestamp],
        "x-slack-signature": [signature],
    }


async def test_bolt_refuses_a_request_signed_with_another_secret(app: App) -> None:
    settings = replace(SlackSettings(), base_url=NOWHERE)
    slack = build_slack(settings, "xoxb-offline", SIGNING_SECRET, app.context)
    body = urlencode({"command": "/news-who", "text": "Kalesnikava", "team_id": "T1"})
    refused = await slack.async_dispatch(AsyncBoltRequest(body=body, headers=_signed(body, "x")))
    assert refused.status == 401


async def test_bolt_answers_slacks_url_check_offline(app: App) -> None:
    settings = replace(SlackSettings(), base_url=NOWHERE)
    slack = build_slack(settings, "xoxb-offline", SIGNING_SECRET, app.context)
    body = json.dumps({"type": "url_verification", "challenge": "c-123", "token": "t"})
    headers = _signed(body)
    headers["content-type"] = ["application/json"]
    answer = await slack.async_dispatch(AsyncBoltRequest(body=body, headers=headers))
    assert answer.status == 200
    assert json.loads(answer.body) == {"challenge": "c-123"}
