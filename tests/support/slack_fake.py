"""A fake Slack Web API on 127.0.0.1: ``auth.test``, ``chat.postMessage``, ``users.info`` (the
users in ``users``, anyone else a plain member), response URLs, ``apps.connections.open``
with a Socket Mode WebSocket, and the external file upload (``files.getUploadURLExternal``,
the upload URL it gives, which records the bytes as a call of ``upload``, and
``files.completeUploadExternal``, which answers ``upload_error`` instead when it is set).

Every call is recorded; ``rate_limit_next`` makes the next call of a method answer
429 with ``Retry-After: 1``, the way Slack throttles; ``hang_up_next`` makes it carry the
call out and drop the connection before answering. A Socket Mode client that connects is
sent ``hello`` and then the envelopes in ``envelopes``; what it sends back (acks) is recorded
as calls of ``socket``. Files put in ``files`` are served at ``file_url(name)`` as Slack serves
``url_private``: to a request that carries the bot token, as ``Authorization: Bearer``.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_USER = "UBOT"
TEAM = "T0NEWS"
#: seconds a test waits for the bot to call the fake
WAIT = 4.0


@dataclass(frozen=True)
class Call:
    """One request the fake answered: the API method (or ``response_url``) and its payload."""

    method: str
    payload: dict[str, Any]
    at: float
    status: int


@dataclass
class FakeSlack:
    base: str = ""
    calls: list[Call] = field(default_factory=list)
    throttled: Counter[str] = field(default_factory=Counter)
    hung_up: Counter[str] = field(default_factory=Counter)
    _responses: int = 0
    envelopes: list[dict[str, Any]] = field(default_factory=list)
    #: user id -> the flags users.info gives, e.g. {"is_admin": True}
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: file name -> bytes, served at ``file_url(name)``
    files: dict[str, bytes] = field(default_factory=dict)
    #: the bot token files are served for (with any other, or none, Slack answers 404)
    token: str = "xoxb-test-token"
    #: what files.completeUploadExternal answers instead of sharing, e.g. "not_in_channel"
    upload_error: str | None = None
    _files: int = 0
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    @property
    def api_url(self) -> str:
        """What ``SlackSettings.base_url`` should be."""
        return f"{self.base}/api/"

    def response_url(self) -> str:
        """A fresh response URL, as Slack puts in each slash command and button press."""
        self._responses += 1
        return f"{self.base}/response/{self._responses}"

    def file_url(self, name: str) -> str:
        """A file's ``url_private``, here."""
        return f"{self.base}/files-pri/T0NEWS-F1/{name}"

    def rate_limit_next(self, method: str) -> None:
        self.throttled[method] += 1

    def hang_up_next(self, method: str) -> None:
        self.hung_up[method] += 1

    def made(self, method: str) -> list[Call]:
        """The calls of ``method`` that were answered with success."""
        return [call for call in self.calls if call.method == method and call.status == 200]

    async def wait_for(self, method: str, count: int = 1) -> list[Call]:
        """The first ``count`` successful calls of ``method``, waiting up to WAIT for them."""
        try:
            async with asyncio.timeout(WAIT), self._changed:
                await self._changed.wait_for(lambda: len(self.made(method)) >= count)
        except TimeoutError:
            raise AssertionError(
                f"{method}: {len(self.made(method))} of {count} calls came"
            ) from None
        return self.made(method)[:count]

    async def api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        payload = await _payload(request)
        if self.throttled[method]:
            self.throttled[method] -= 1
            await self._record(method, payload, 429)
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"}
            )
        await self._record(method, payload, 200)
        if self.hung_up[method] and request.transport is not None:
            self.hung_up[method] -= 1
            request.transport.close()
            return web.Response()
        if method == "auth.test":
            return web.json_response(
                {
                    "ok": True,
                    "user_id": BOT_USER,
                    "bot_id": "BBOT",
                    "team_id": TEAM,
                    "user": "newsbot",
                }
            )
        if method == "apps.connections.open":
            ws = self.base.replace("http://", "ws://", 1)
            return web.json_response({"ok": True, "url": f"{ws}/link"})
        if method == "users.info":
            user = str(payload.get("user", ""))
            flags = {"is_admin": False, "is_owner": False, **self.users.get(user, {})}
            return web.json_response({"ok": True, "user": {"id": user, "team_id": TEAM, **flags}})
        if method == "chat.postMessage":
            ts = f"{time.time():.6f}"
            return web.json_response({"ok": True, "channel": payload.get("channel"), "ts": ts})
        if method == "files.getUploadURLExternal":
            self._files += 1
            file_id = f"F{self._files:04d}"
            url = f"{self.base}/upload/{file_id}"
            return web.json_response({"ok": True, "upload_url": url, "file_id": file_id})
        if method == "files.completeUploadExternal":
            if self.upload_error:
                return web.json_response({"ok": False, "error": self.upload_error})
            shared = [
                {"id": f["id"], "title": f.get("title")} for f in json.loads(payload["files"])
            ]
            return web.json_response({"ok": True, "files": shared})
        return web.json_response({"ok": False, "error": "unknown_method"}, status=404)

    async def file(self, request: web.Request) -> web.Response:
        """A file's bytes, recorded as a call of ``files`` with the authorization sent."""
        name = request.match_info["name"]
        authorization = request.headers.get("Authorization", "")
        await self._record("files", {"name": name, "authorization": authorization}, 200)
        if authorization != f"Bearer {self.token}" or name not in self.files:
            return web.Response(status=404)
        return web.Response(body=self.files[name])

    async def upload(self, request: web.Request) -> web.Response:
        """The upload URL: the file's bytes are the request's body."""
        data = await request.read()
        await self._record("upload", {"file_id": request.match_info["file_id"], "data": data}, 200)
        return web.Response(text=f"OK - {len(data)}")

    async def response(self, request: web.Request) -> web.Response:
        await self._record("response_url", await request.json(), 200)
        return web.Response(text="ok")

    async def socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        await socket.send_json({"type": "hello", "num_connections": 1})
        for envelope in self.envelopes:
            await socket.send_json(envelope)
        async for message in socket:
            await self._record("socket", json.loads(message.data), 200)
        return socket

    async def _record(self, method: str, payload: dict[str, Any], status: int) -> None:
        async with self._changed:
            self.calls.append(Call(method, payload, time.monotonic(), status))
            self._changed.notify_all()


async def _payload(request: web.Request) -> dict[str, Any]:
    """The call's arguments: the query's (slack_sdk sends some methods' there), then the
    body's."""
    query = dict(request.query)
    if request.method == "GET":
        return query
    if request.content_type == "application/json":
        body: dict[str, Any] = await request.json()
        return query | body
    return query | dict(await request.post())


@asynccontextmanager
async def fake_slack() -> AsyncIterator[FakeSlack]:
    """The fake, listening on a free port of 127.0.0.1 until the block ends."""
    fake = FakeSlack()
    app = web.Application()
    app.router.add_post("/api/{method}", fake.api)
    app.router.add_get("/api/{method}", fake.api)
    app.router.add_post("/response/{n}", fake.response)
    app.router.add_get("/files-pri/{team_file}/{name}", fake.file)
    app.router.add_post("/upload/{file_id}", fake.upload)
    app.router.add_get("/link", fake.socket)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        host, port = runner.addresses[0][:2]
        fake.base = f"http://{host}:{port}"
        yield fake
    finally:
        await runner.cleanup()
