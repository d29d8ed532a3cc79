"""The Bolt app for one workspace: its Web API client, its commands, mentions and buttons."""

from __future__ import annotations

import logging
import re

from aiohttp import ClientConnectorError
from slack_bolt.async_app import AsyncApp
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import ConfigError, SlackSettings
from bot.platforms.slack.events import SeenEvents
from bot.platforms.slack.listeners import SlackFront
from bot.platforms.slack.render import CHOICE_ACTION_PREFIX
from handlers.command_table import COMMANDS
from handlers.context import Context

log = logging.getLogger(__name__)

#: 429 answers retried per Web API call, each after the Retry-After Slack asks for
RATE_LIMIT_RETRIES = 3
#: Slack's built-in commands; an app (and its manifest) cannot register these names
RESERVED_COMMANDS = frozenset(
    "/" + name
    for name in (
        "me status away dnd shrug remind msg feed who collapse expand leave join open search "
        "topic mute pro shortcuts"
    ).split()
)
_CHOICE_ACTION = re.compile(rf"^{re.escape(CHOICE_ACTION_PREFIX)}\d+$")


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
    app.middleware(SeenEvents(context).once_per_event)
    for name in command_names(settings.command_prefix):
        app.command(name)(front.on_command)
    app.event("app_mention")(front.on_mention)
    app.action(_CHOICE_ACTION)(front.on_choice)
    return app
