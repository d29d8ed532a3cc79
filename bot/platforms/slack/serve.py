"""Serving the Bolt app until the stop event: HTTP (Events API) or Socket Mode."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

from bot.config import ConfigError, SlackSettings

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


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
