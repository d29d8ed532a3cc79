"""Slack as the runner drives it: on when its bot token is set in the environment."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from slack_bolt.async_app import AsyncApp

from bot.config import SlackSettings
from bot.platforms.gate import Gate
from bot.platforms.render_cache import RenderCache
from bot.platforms.slack.app import build_slack
from bot.platforms.slack.post import notice, post_reply
from bot.platforms.slack.render import render_slack
from bot.platforms.slack.serve import run_slack
from handlers.context import Context
from handlers.reply import Reply
from storage.subscriptions import SubscriptionInfo


class SlackPlatform:
    """The Bolt app for one workspace, served until ``stop`` is set."""

    name = "slack"

    def __init__(
        self,
        settings: SlackSettings,
        app: AsyncApp,
        stop: asyncio.Event,
        app_token: str | None,
    ) -> None:
        self.settings = settings
        self.app = app
        self.stop = stop
        self.app_token = app_token
        self.gate = Gate(settings.allowed_channels, settings.admins)
        self.render = RenderCache(render_slack)

    async def run(self) -> None:
        await run_slack(self.app, self.settings, self.app_token, self.stop)

    async def send(self, subscription: SubscriptionInfo, reply: Reply) -> str:
        return await post_reply(self.app.client, subscription.chat_id, reply, render=self.render)

    async def notify(self, text: str) -> None:
        for admin in self.gate.admins:
            await post_reply(self.app.client, admin, notice(text))


def slack_platform(
    settings: SlackSettings, context: Context, stop: asyncio.Event, env: Mapping[str, str]
) -> SlackPlatform | None:
    """Slack when ``env`` sets its bot token (and its mode's secret), else None."""
    token = env.get(settings.bot_token_env)
    if not token:
        return None
    signing_secret = env.get(settings.signing_secret_env) or None
    app = build_slack(settings, token, signing_secret, context)
    return SlackPlatform(settings, app, stop, env.get(settings.app_token_env) or None)
