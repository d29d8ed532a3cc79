"""A fake Telegram Bot API on 127.0.0.1, and a checker for Telegram's HTML subset.

The fake serves queued updates to ``getUpdates`` and records every call, with its
parameters decoded the way PTB sends them (form fields, JSON values for non-strings). Files
put in ``files`` are described by ``getFile`` and downloaded from the file URL
(``/file/bot<token>/<file_path>``), as the Bot API serves a user's documents.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-token"
BOT_ID = 123456
BOT_USERNAME = "newsbot_test_bot"
#: the longest getUpdates long poll the fake will hold, whatever PTB asks for
MAX_HOLD = 0.2
#: how long a test waits for the bot to make a call
WAIT = 2.5

TOO_MANY_REQUESTS: dict[str, Any] = {
    "ok": False,
    "error_code": 429,
    "description": "Too Many Requests: retry after 1",
    "parameters": {"retry_after": 1},
}


@dataclass(frozen=True)
class Upload:
    """A file sent in a multipart/form-data request, as the fake received it."""

    filename: str
    content_type: str
    data: bytes


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float
    #: what the fake answered, e.g. the Message a sendMessage created
    result: Any = None
    #: how the parameters came: form fields, multipart/form-data (with files), or JSON
    content_type: str = ""


@dataclass
class FakeTelegram:
    """State of the fake: updates waiting, calls seen, failures to inject."""

    updates: list[dict[str, Any]] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    fail_next_send: list[dict[str, Any]] = field(default_factory=list)
    #: (chat id, user id) -> the status getChatMember answers; anyone else is a "member"
    members: dict[tuple[int, int], str] = field(default_factory=dict)
    base: str = ""
    #: the one token accepted; any other is answered 401 Unauthorized, as Telegram does
    token: str = TOKEN
    #: file_id -> the bytes of a file users sent (see ``document_update``)
    files: dict[str, bytes] = field(default_factory=dict)
    #: file paths downloaded, in order
    downloads: list[str] = field(default_factory=list)
    _arrived: asyncio.Condition = field(default_factory=asyncio.Condition)
    _called: asyncio.Condition = field(default_factory=asyncio.Condition)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))

    @property
    def base_url(self) -> str:
        return f"{self.base}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.base}/file/bot"

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def update_id(self) -> int:
        return next(self._ids)

    async def push(self, update: dict[str, Any]) -> None:
        async with self._arrived:
            self.updates.append(update)
            self._arrived.notify_all()

    async def wait_for(self, method: str, count: int = 1) -> list[Call]:
        """The calls to ``method`` once there are ``count`` of them; fails after WAIT s."""
        try:
            async with asyncio.timeout(WAIT), self._called:
                await self._called.wait_for(lambda: len(self.calls_to(method)) >= count)
        except TimeoutError:
            seen = [call.method for call in self.calls]
            raise AssertionError(f"{count} x {method} expected; calls: {seen}") from None
        return self.calls_to(method)

    async def handle(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        if token != self.token:
            unauthorized = {"ok": False, "error_code": 401, "description": "Unauthorized"}
            return web.json_response(unauthorized, status=401)
        call = Call(method, await _params(request), time.monotonic(), None, request.content_type)
        async with self._called:
            self.calls.append(call)
            self._called.notify_all()
        if method == "sendMessage" and self.fail_next_send:
            failure = self.fail_next_send.pop(0)
            return web.json_response(failure, status=failure["error_code"])
        if method == "getUpdates":
            call.result = await self._serve(call.params)
        else:
            call.result = self._result(method, call.params)
        return web.json_response({"ok": True, "result": call.result})

    async def _serve(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Updates from ``offset`` on (older ones are confirmed and forgotten), held briefly."""
        offset = int(params.get("offset") or 0)
        hold = min(float(params.get("timeout") or 0), MAX_HOLD)
        async with self._arrived:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            if not self.updates and hold:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._arrived.wait(), hold)
            return list(self.updates)

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "newsbot",
                "username": BOT_USERNAME,
                "can_join_groups": True,
            }
        if method in ("sendMessage", "editMessageText", "sendPhoto"):
            chat_id = int(params["chat_id"])
            message_id = params.get("message_id") or next(self._message_ids)
            message = {
                "message_id": int(message_id),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "newsbot"},
            }
            if method != "sendPhoto":
                return {**message, "text": params.get("text", "")}
            upload = params.get("photo")
            size = len(upload.data) if isinstance(upload, Upload) else 0
            photo = {"file_id": f"photo-{message_id}", "file_unique_id": f"u{message_id}"}
            return {
                **message,
                "photo": [{**photo, "width": 1080, "height": 1350, "file_size": size}],
                "caption": params.get("caption", ""),
            }
        if method == "getFile":
            file_id = str(params["file_id"])
            return {
                "file_id": file_id,
                "file_unique_id": f"u-{file_id}",
                "file_size": len(self.files[file_id]),
                "file_path": f"documents/{file_id}.opml",
            }
        if method == "getChatMember":
            return self._member(int(params["chat_id"]), int(params["user_id"]))
        if method == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        return True

    async def download(self, request: web.Request) -> web.Response:
        """A file's bytes at the path getFile gave, under the bot's token."""
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        path = request.match_info["path"]
        self.downloads.append(path)
        file_id = path.removeprefix("documents/").removesuffix(".opml")
        if file_id not in self.files:
            return web.Response(status=404)
        return web.Response(body=self.files[file_id])

    def _member(self, chat_id: int, user_id: int) -> dict[str, Any]:
        """A ChatMember as the Bot API gives it, with the fields its status requires."""
        status = self.members.get((chat_id, user_id), "member")
        member: dict[str, Any] = {
            "status": status,
            "user": {"id": user_id, "is_bot": False, "first_name": "Reader"},
        }
        if status in ("creator", "administrator"):
            member["is_anonymous"] = False
        if status == "administrator":
            rights = (
                "can_be_edited can_manage_chat can_delete_messages can_manage_video_chats "
                "can_restrict_members can_promote_members can_change_info can_invite_users "
                "can_post_stories can_edit_stories can_delete_stories"
            )
            member.update(dict.fromkeys(rights.split(), False))
        return member


async def _params(request: web.Request) -> dict[str, Any]:
    """PTB posts form fields whose non-string values are JSON (multipart/form-data when a
    file goes with them: the file is an ``Upload``); accept a JSON body too."""
    if request.content_type == "application/json":
        body: dict[str, Any] = await request.json()
        return body
    form = await request.post()
    return {
        key: Upload(value.filename, value.content_type, value.file.read())
        if isinstance(value, web.FileField)
        else _json_or_text(str(value))
        for key, value in form.items()
    }


def _json_or_text(value: str) -> Any:
    if value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


@asynccontextmanager
async def serve_fake() -> AsyncIterator[FakeTelegram]:
    fake = FakeTelegram()
    app = web.Application()
    app.router.add_post("/bot{token}/{method}", fake.handle)
    app.router.add_get("/file/bot{token}/{path:.+}", fake.download)
    runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    fake.base = f"http://{host}:{port}"
    try:
        yield fake
    finally:
        await runner.cleanup()


def message_update(
    fake: FakeTelegram,
    text: str,
    *,
    chat_id: int = 42,
    user_id: int = 7,
    update_id: int | None = None,
) -> dict[str, Any]:
    """A ``message`` update as Telegram sends it, with a bot_command entity when it is one."""
    chat_type = "private" if chat_id > 0 else "group"
    chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
    if chat_type == "group":
        chat["title"] = "Newsroom"
    message: dict[str, Any] = {
        "message_id": next(fake._message_ids),
        "date": int(time.time()),
        "chat": chat,
        "from": {"id": user_id, "is_bot": False, "first_name": "Reader"},
        "text": text,
    }
    if text.startswith("/"):
        length = len(text.split()[0])
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return {"update_id": update_id or fake.update_id(), "message": message}


def document_update(
    fake: FakeTelegram,
    data: bytes,
    *,
    caption: str | None = None,
    reply_text: str | None = None,
    file_name: str = "feeds.opml",
    file_size: int | None = None,
    chat_id: int = 42,
    user_id: int = 7,
) -> dict[str, Any]:
    """A user sends a file: with ``caption`` as its caption, or, with ``reply_text``, a text
    message answering the file's message. ``file_size`` is what Telegram announces (default:
    the file's length)."""
    file_id = f"doc{len(fake.files) + 1}"
    fake.files[file_id] = data
    document = {
        "file_id": file_id,
        "file_unique_id": f"u-{file_id}",
        "file_name": file_name,
        "mime_type": "text/x-opml",
        "file_size": len(data) if file_size is None else file_size,
    }
    if reply_text is None:
        update = message_update(fake, "", chat_id=chat_id, user_id=user_id)
        message = update["message"]
        del message["text"]
        message["document"] = document
        if caption is not None:
            message["caption"] = caption
            if caption.startswith("/"):
                length = len(caption.split()[0])
                message["caption_entities"] = [
                    {"type": "bot_command", "offset": 0, "length": length}
                ]
        return update
    sent = message_update(fake, "", chat_id=chat_id, user_id=user_id)["message"]
    del sent["text"]
    sent["document"] = document
    update = message_update(fake, reply_text, chat_id=chat_id, user_id=user_id)
    update["message"]["reply_to_message"] = sent
    return update


def callback_update(
    fake: FakeTelegram, message: dict[str, Any], data: str, *, user_id: int = 7
) -> dict[str, Any]:
    """A button press on ``message`` (a message the bot sent, as the fake returned it)."""
    update_id = fake.update_id()
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"query-{update_id}",
            "from": {"id": user_id, "is_bot": False, "first_name": "Reader"},
            "chat_instance": "ci",
            "message": message,
            "data": data,
        },
    }


ALLOWED_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-spoiler",
}
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);")


class TelegramHtmlError(AssertionError):
    """Text Telegram would refuse with "can't parse entities"."""


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            raise TelegramHtmlError(f"tag <{tag}> is not supported")
        names = [name for name, _ in attrs]
        if tag == "a":
            if names != ["href"] or not attrs[0][1]:
                raise TelegramHtmlError(f"<a> needs exactly one href, got {attrs}")
            if "a" in self.open:
                raise TelegramHtmlError("nested <a>")
        elif names:
            raise TelegramHtmlError(f"<{tag}> takes no attributes, got {attrs}")
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise TelegramHtmlError(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            raise TelegramHtmlError(f"</{tag}> does not close {self.open[-1:] or 'anything'}")
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if any(char in data for char in "<>&"):
            raise TelegramHtmlError(f"unescaped markup character in {data[:80]!r}")
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        self.text.append(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.text.append(unescape(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        raise TelegramHtmlError("comment")

    def handle_decl(self, decl: str) -> None:
        raise TelegramHtmlError("declaration")

    def handle_pi(self, data: str) -> None:
        raise TelegramHtmlError("processing instruction")

    def unknown_decl(self, data: str) -> None:
        raise TelegramHtmlError("declaration")


def check_telegram_html(text: str) -> str:
    """The text a reader sees; raises TelegramHtmlError if Telegram would refuse it."""
    for match in re.finditer("&", text):
        if not _ENTITY.match(text, match.start()):
            raise TelegramHtmlError(f"bare or unknown entity at {text[match.start() :][:12]!r}")
    checker = _Checker()
    checker.feed(text)
    checker.close()
    if checker.rawdata:
        raise TelegramHtmlError(f"unparsed rest {checker.rawdata[:40]!r}")
    if checker.open:
        raise TelegramHtmlError(f"unclosed {checker.open}")
    return "".join(checker.text)


def hrefs(text: str) -> list[str]:
    return [unescape(href) for href in re.findall(r'<a href="([^"]*)">', text)]
