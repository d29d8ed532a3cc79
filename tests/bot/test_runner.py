"""Which front ends the environment turns on, and a refusal when a secret is missing."""

from __future__ import annotations

import asyncio

import pytest

from bot.app import App
from bot.config import ConfigError
from bot.runner import front_ends


async def _names(app: App, env: dict[str, str]) -> list[str]:
    running = front_ends(app.settings, app, asyncio.Event(), env)
    for job in running.values():
        job.close()
    return sorted(running)


async def test_no_tokens_no_front_ends(app: App) -> None:
    assert await _names(app, {}) == []


async def test_tokens_turn_front_ends_on(app: App) -> None:
    env = {
        "NEWSBOT_TELEGRAM_TOKEN": "123:abc",
        "NEWSBOT_SLACK_BOT_TOKEN": "xoxb-1",
        "NEWSBOT_SLACK_SIGNING_SECRET": "s3cret",
    }
    assert await _names(app, env) == ["slack", "telegram"]


async def test_slack_http_mode_needs_its_signing_secret(app: App) -> None:
    with pytest.raises(ConfigError, match="NEWSBOT_SLACK_SIGNING_SECRET"):
        await _names(app, {"NEWSBOT_SLACK_BOT_TOKEN": "xoxb-1"})
