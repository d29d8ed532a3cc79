"""The Slack front end: slash commands, @mentions and choice buttons on slack-bolt's AsyncApp.

Thin on purpose: parse the Slack payload into a Command, dispatch it, render the Reply as
Block Kit, send it. Bolt acknowledges each request before the answer is computed
(``process_before_response=False``), so a slow command never hits Slack's 3-second limit;
the answer goes to the slash command's ``response_url`` or, for mentions, to chat.postMessage.

A mention may come with files (``@newsbot sources import`` and an OPML file): a command that
takes a file gets the first one, downloaded from its ``url_private`` with the bot token (scope
``files:read``), only from Slack's file host (or the API's host, when ``base_url`` points
elsewhere), up to ``MAX_ATTACHMENT_BYTES``. A slash command cannot carry a file.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from aiohttp import ClientConnectorError, ClientError, ClientSession, ClientTimeout, web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltRequest, AsyncRespond
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import ConfigError, SlackSettings
from bot.render_slack import CHOICE_ACTION_PREFIX, cut, render_slack
from handlers.command import (
    MAX_ATTACHMENT_BYTES,
    Attachment,
    Caller,
    ChatKind,
    Command,
    parse_command,
)
from handlers.command_table import COMMANDS
from handlers.context import Context
from handlers.dispatch import dispatch, takes_file
from handlers.reply import Line, Picture, Reply, Section, Tone
from handlers.source_import import SERVER_COMMAND
from storage.slack_events import prune_events, release_event, take_event

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
#: how long handled event ids are kept; Slack's last retry comes minutes after the event
KEEP_EVENTS = timedelta(days=1)
#: how often a process deletes the older ones
PRUNE_EVERY = timedelta(minutes=10)
#: 429 answers retried per Web API call, each after the Retry-After Slack asks for
RATE_LIMIT_RETRIES = 3
#: answered to the caller alone: Slack shows an in_channel answer's command as typed, and a
#: source's URL may carry a password or a token
PRIVATE_COMMANDS = frozenset({"sources"})
#: Slack's built-in commands; an app (and its manifest) cannot register these names
RESERVED_COMMANDS = frozenset(
    "/" + name
    for name in (
        "me status away dnd shrug remind msg feed who collapse expand leave join open search "
        "topic mute pro shortcuts"
    ).split()
)
#: what Slack keeps of an uploaded file's title and alt text
MAX_FILE_TITLE = 250
MAX_FILE_ALT_TEXT = 1000
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_SLACK_MARKUP = re.compile(r"<([^<>]*)>")
_CHOICE_ACTION = re.compile(rf"^{re.escape(CHOICE_ACTION_PREFIX)}\d+$")
#: where Slack serves the files users share (``url_private``)
FILES_ORIGIN = "https://files.slack.com"
#: seconds a file's download may take
DOWNLOAD_TIMEOUT = 30.0

Next = Callable[[], Awaitable[BoltResponse]]


def command_names(prefix: str) -> list[str]:
    """The slash commands to register: ``/{prefix}{name}``, Slack-style with dashes."""
    return [f"/{prefix}{name.replace('_', '-')}" for name in COMMANDS]


def build_slack(
    settings: SlackSettings, bot_token: str, signing_secret: str | None, context: Context
) -> AsyncApp:
    """The Bolt app for one workspace. HTTP mode needs the signing secret: without it anyone
    could post commands to the endpoint. Socket Mode requests come over the app's own
    authenticated WebSocket and carry no signature."""
    if settings.mode not in ("http", "socket"):
        raise ConfigError(f"slack.mode: {settings.mode!r} is not 'http' or 'socket'")
    if settings.mode == "http" and not signing_secret:
        raise ConfigError(f"slack: HTTP mode needs ${settings.signing_secret_env}")
    client = AsyncWebClient(
        token=bot_token,
        base_url=settings.base_url,
        retry_handlers=[
            # Only a connection that never opened is retried: one lost after the request
            # went out may have been carried out (a digest posted), and a retry posts twice.
            AsyncConnectionErrorRetryHandler(error_types=[ClientConnectorError]),
            AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
        ],
    )
    app = AsyncApp(
        client=client,
        signing_secret=signing_secret or "",
        request_verification_enabled=bool(signing_secret),
        process_before_response=False,
        name="newsbot",
    )
    reserved = RESERVED_COMMANDS.intersection(command_names(settings.command_prefix))
    if reserved:
        log.warning(
            "slack: Slack keeps %s for its own commands, so no app can register them; "
            "set slack.command_prefix (e.g. 'news-'), or ask by @mention",
            ", ".join(sorted(reserved)),
        )
    front = SlackFront(settings, context, client)
    app.middleware(front.once_per_event)
    for name in command_names(settings.command_prefix):
        app.command(name)(front.on_command)
    app.event("app_mention")(front.on_mention)
    app.action(_CHOICE_ACTION)(front.on_choice)
    return app


class SlackFront:
    """The listeners; each acks first, then answers."""

    def __init__(self, settings: SlackSettings, context: Context, client: AsyncWebClient) -> None:
        self.settings = settings
        self.context = context
        self.client = client
        self._pruned_at = float("-inf")

    async def once_per_event(
        self, body: dict[str, Any], request: AsyncBoltRequest, next_: Next
    ) -> BoltResponse:
        """Answer each Events API event once, across every process sharing the database.

        Slack sends an event again (``X-Slack-Retry-Num``) when the first delivery was not
        acknowledged in time, answered a 5xx or never connected, so a retry may be the first
        delivery anyone here saw. The event id is recorded as handled before the event is
        answered: a delivery whose id is already there is acknowledged and dropped. Should
        the handling fail before the acknowledgement (Slack then gets a 500 and retries), the
        record is removed again, so the retry is answered.
        """
        event_id = str(body.get("event_id") or "")
        if body.get("type") != "event_callback" or not event_id:
            return await next_()
        now = datetime.now(UTC)
        async with self.context.sessions() as session, session.begin():
            taken = await take_event(session, event_id, now)
            if time.monotonic() - self._pruned_at > PRUNE_EVERY.total_seconds():
                self._pruned_at = time.monotonic()
                await prune_events(session, now - KEEP_EVENTS)
        if not taken:
            retry = request.headers.get("x-slack-retry-num")
            log.info("slack: event %s was handled already (retry %s); dropped", event_id, retry)
            return BoltResponse(status=200, body="")
        try:
            return await next_()
        except BaseException:
            async with self.context.sessions() as session, session.begin():
                await release_event(session, event_id)
            raise

    def allowed(self, channel: str) -> bool:
        return not self.settings.allowed_channels or channel in self.settings.allowed_channels

    def caller(self, channel: str, user: str) -> Caller:
        """A direct message's channel id starts with D; anything else is shared with others,
        where a workspace admin or owner (users.info) may change what the bot does."""

        async def is_chat_admin() -> bool:
            if not user:
                return False
            answer = await self.client.users_info(user=user)
            profile = answer.get("user") or {}
            return bool(profile.get("is_admin") or profile.get("is_owner"))

        return Caller(
            "slack",
            channel,
            user,
            user in self.settings.admins,
            self.settings.command_prefix,
            chat_kind=ChatKind.PRIVATE if channel.startswith("D") else ChatKind.CHANNEL,
            is_chat_admin=is_chat_admin,
        )

    async def answer(
        self, text: str, caller: Caller, files: list[dict[str, Any]] | None = None
    ) -> Reply:
        """Dispatch ``/name args``, where ``name`` may carry the configured prefix, with the
        first of ``files`` (a message's) attached when the command takes a file."""
        command = parse_command(strip_prefix(text, self.settings.command_prefix), caller)
        if command is None:
            return Reply.error(
                "That is not a command.", f"Try /{self.settings.command_prefix}help."
            )
        if files and takes_file(command):
            attached = await self.with_file(command, files[0])
            if isinstance(attached, Reply):
                return attached
            command = attached
        return await dispatch(command, self.context)

    async def with_file(self, command: Command, file: dict[str, Any]) -> Command | Reply:
        """The command with the file's bytes attached, or a Reply when Slack does not give
        them (a file from elsewhere, a failed download)."""
        name = str(file.get("name") or file.get("title") or "file")
        size = file.get("size")
        if isinstance(size, int) and size > MAX_ATTACHMENT_BYTES:
            return replace(command, attachment=Attachment(name, b"", size))
        url = str(file.get("url_private_download") or file.get("url_private") or "")
        problem = None if self.is_slack_file(url) else "it is not a file Slack serves"
        data = b""
        if problem is None:
            try:
                data = await self._download(url)
            except (ClientError, TimeoutError) as error:
                problem = f"the download failed: {error or type(error).__name__}"
        if problem is not None:
            log.warning("slack: file %s not taken: %s", name, problem)
            return Reply.error(
                f"Slack did not give the file {name}: {problem}.",
                f"On the bot's server: {SERVER_COMMAND}",
            )
        if len(data) > MAX_ATTACHMENT_BYTES:
            return replace(command, attachment=Attachment(name, b"", len(data)))
        return replace(command, attachment=Attachment.of(name, data))

    def is_slack_file(self, url: str) -> bool:
        """Whether ``url`` is on Slack's file host, or on the Web API's own host when
        ``base_url`` names another: the bot token is sent with the request, so never
        anywhere else."""
        allowed = {FILES_ORIGIN, _origin(self.settings.base_url)}
        return _origin(url) in allowed

    async def _download(self, url: str) -> bytes:
        """At most ``MAX_ATTACHMENT_BYTES + 1`` bytes of the file, with the bot token."""
        headers = {"Authorization": f"Bearer {self.client.token}"}
        timeout = ClientTimeout(total=DOWNLOAD_TIMEOUT)
        async with (
            ClientSession(timeout=timeout) as session,
            session.get(url, headers=headers, allow_redirects=False) as response,
        ):
            response.raise_for_status()
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.content.iter_chunked(64 * 1024):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_ATTACHMENT_BYTES:
                    break
            return b"".join(chunks)

    async def on_command(
        self, ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond
    ) -> None:
        await ack()
        channel, user = str(command.get("channel_id", "")), str(command.get("user_id", ""))
        if not self.allowed(channel):
            await _respond(respond, _not_here(), response_type="ephemeral")
            return
        text = f"{command.get('command', '')} {from_slack_markup(str(command.get('text', '')))}"
        reply = await self.answer(text, self.caller(channel, user))
        name = strip_prefix(str(command.get("command", "")), self.settings.command_prefix)
        shared = name.lstrip("/") not in PRIVATE_COMMANDS
        await _respond(respond, reply, response_type="in_channel" if shared else "ephemeral")
        if reply.picture is not None:
            await self.share_picture(respond, channel, reply.picture)

    async def share_picture(self, respond: AsyncRespond, channel: str, picture: Picture) -> None:
        """A slash command's answer goes to its response URL, which takes no files: the
        picture is uploaded to the channel. Where the bot may not post (a channel it was not
        invited to), the caller alone is told why."""
        try:
            await upload_picture(self.client, channel, picture)
        except SlackApiError as error:
            reason = error.response.get("error", "refused")
            log.warning("slack: could not share a picture in %s: %s", channel, reason)
            note = Reply.error(
                f"The picture could not be posted here ({reason}).",
                "Invite newsbot to this channel, or ask by @mention in one it is in.",
            )
            await _respond(respond, note, response_type="ephemeral")

    async def on_mention(
        self, ack: AsyncAck, event: dict[str, Any], client: AsyncWebClient
    ) -> None:
        """``@newsbot who Kalesnikava`` answers as ``/who Kalesnikava``, in the same thread.
        In a channel that is not allowed, mentions are ignored rather than answered."""
        await ack()
        channel, user = str(event.get("channel", "")), str(event.get("user", ""))
        if not self.allowed(channel):
            log.info("slack: ignored a mention in channel %s (not allowed)", channel)
            return
        files = [f for f in event.get("files") or [] if isinstance(f, dict)]
        reply = await self.answer(
            mention_command(str(event.get("text", ""))), self.caller(channel, user), files
        )
        thread = event.get("thread_ts")
        await post_reply(client, channel, reply, thread_ts=str(thread) if thread else None)

    async def on_choice(
        self, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], respond: AsyncRespond
    ) -> None:
        """A choice button: its value is the command; the answer replaces the question."""
        await ack()
        channel = str((body.get("channel") or {}).get("id", ""))
        user = str((body.get("user") or {}).get("id", ""))
        if not self.allowed(channel):
            await _respond(respond, _not_here(), response_type="ephemeral")
            return
        reply = await self.answer(str(action.get("value", "")), self.caller(channel, user))
        await _respond(respond, reply, replace_original=True)
        if reply.picture is not None:
            await self.share_picture(respond, channel, reply.picture)


def _origin(url: str) -> str:
    """``scheme://host[:port]`` of a URL, lower case; empty for one that is not a URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def strip_prefix(text: str, prefix: str) -> str:
    """``/news-who X`` -> ``/who X`` with prefix ``news-``; other text is left as it is."""
    text = text.strip()
    if prefix and text.lower().startswith(f"/{prefix.lower()}"):
        return "/" + text[len(prefix) + 1 :]
    return text


def mention_command(text: str) -> str:
    """``<@U123> who Kalesnikava`` -> ``/who Kalesnikava``; a bare mention asks for help."""
    words = from_slack_markup(_MENTION.sub(" ", text)).strip()
    if not words:
        return "/help"
    return words if words.startswith("/") else f"/{words}"


def from_slack_markup(text: str) -> str:
    """Message or slash command text as the user typed it, per Slack's "formatting text" rules.

    Slack sends a link as ``<https://x|label>`` (``<https://x>``, ``<mailto:a@b|a@b>``), a
    channel as ``<#C123|name>``, a user as ``<@U123>``, a special mention as ``<!here>``, and
    escapes ``&``, ``<`` and ``>`` as entities; literal angle brackets are always escaped, so
    every ``<...>`` is markup. A link becomes its target (``mailto:`` dropped), the others the
    name shown for them; entities are decoded last, so that ``&lt;`` stays a character.
    """
    return _unescape(_SLACK_MARKUP.sub(_unwrap, text))


def _unwrap(match: re.Match[str]) -> str:
    target, _, label = match.group(1).partition("|")
    if target[:1] in ("@", "#"):
        return target[0] + label.lstrip(target[0]) if label else target
    if target.startswith("!"):
        return label or "@" + target[1:].split("^", 1)[0]
    return target.removeprefix("mailto:")


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


async def post_reply(
    client: AsyncWebClient,
    channel: str,
    reply: Reply,
    *,
    thread_ts: str | None = None,
    render: Callable[[Reply], tuple[list[dict[str, Any]], str]] = render_slack,
) -> str:
    """Post a Reply: the one way text reaches chat.postMessage (mentions, digests, notices), so
    that every string goes through ``render_slack``, which escapes Slack's control characters
    (a ``<!channel>`` in a feed's error text must not page the whole channel). Its picture
    follows in the same channel and thread."""
    blocks, text = render(reply)
    answer = await client.chat_postMessage(
        channel=channel, blocks=blocks, text=text, thread_ts=thread_ts
    )
    if reply.picture is not None:
        await upload_picture(client, channel, reply.picture, thread_ts=thread_ts)
    return str(answer["ts"])


async def upload_picture(
    client: AsyncWebClient, channel: str, picture: Picture, *, thread_ts: str | None = None
) -> None:
    """The picture as a file shared in the channel (or thread), by Slack's external upload:
    files.getUploadURLExternal, the bytes to the URL it gives, files.completeUploadExternal.
    Slack shows the title above the image and reads the alt text out."""
    await client.files_upload_v2(
        channel=channel,
        thread_ts=thread_ts,
        file=picture.png,
        filename=picture.filename,
        title=cut(" ".join(picture.title.split()), MAX_FILE_TITLE),
        alt_txt=cut(" ".join(picture.caption.split()), MAX_FILE_ALT_TEXT),
    )


def notice(text: str) -> Reply:
    """A notice for the admins (a source paused) as a Reply, to be rendered like any other."""
    return Reply("newsbot", (Section(None, (Line(text),)),), tone=Tone.NOTICE)


def _not_here() -> Reply:
    return Reply.error(
        "newsbot does not answer in this channel.",
        "An admin can add the channel to slack.allowed_channels.",
    )


async def _respond(respond: AsyncRespond, reply: Reply, **options: Any) -> None:
    blocks, text = render_slack(reply)
    response = await respond(text=text, blocks=blocks, **options)
    if response.status_code != 200:
        log.warning("slack: response_url answered %s: %s", response.status_code, response.body)


@asynccontextmanager
async def serve_http(app: AsyncApp, host: str, port: int) -> AsyncIterator[web.AppRunner]:
    """The Bolt app on aiohttp at ``/slack/events``; port 0 picks a free port (see
    ``runner.addresses``). Stops the server and closes its connections on the way out."""
    runner = web.AppRunner(app.web_app(path=EVENTS_PATH, port=port), access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
        log.info("slack: serving %s on %s:%s", EVENTS_PATH, host, port)
        yield runner
    finally:
        await runner.cleanup()


async def run_slack(
    app: AsyncApp, settings: SlackSettings, app_token: str | None, stop: asyncio.Event
) -> None:
    """Serve Slack until ``stop`` is set: HTTP (Events API) or Socket Mode."""
    if settings.mode == "socket":
        if not app_token:
            raise ConfigError(f"slack: Socket Mode needs ${settings.app_token_env}")
        handler = AsyncSocketModeHandler(app, app_token)
        await handler.connect_async()  # type: ignore[no-untyped-call]  # Bolt leaves it untyped
        try:
            await stop.wait()
        finally:
            await handler.close_async()  # type: ignore[no-untyped-call]
        return
    async with serve_http(app, settings.listen, settings.port):
        await stop.wait()
