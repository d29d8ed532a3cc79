"""Checking Block Kit payloads against Slack's limits."""

from __future__ import annotations

import re
from typing import Any

from bot.platforms.slack.render import (
    CHOICE_ACTION_PREFIX,
    MAX_BLOCKS,
    slack_len,
)


def check_blocks(blocks: list[dict[str, Any]]) -> None:
    """Slack's documented limits for the blocks the renderer makes."""
    assert 1 <= len(blocks) <= MAX_BLOCKS
    for block in blocks:
        kind = block["type"]
        assert kind in ("header", "section", "context", "actions", "image")
        if kind == "header":
            assert block["text"]["type"] == "plain_text"
            assert 1 <= slack_len(block["text"]["text"]) <= 150
        if kind == "section":
            assert block["text"]["type"] == "mrkdwn"
            assert 1 <= slack_len(block["text"]["text"]) <= 3000
        if kind == "context":
            assert 1 <= len(block["elements"]) <= 10
            assert all(1 <= slack_len(e["text"]) <= 3000 for e in block["elements"])
        if kind == "actions":
            buttons = block["elements"]
            assert 1 <= len(buttons) <= 25
            ids = [button["action_id"] for button in buttons]
            assert len(set(ids)) == len(ids)
            for button in buttons:
                assert 1 <= slack_len(button["text"]["text"]) <= 75
                assert 1 <= slack_len(button["value"]) <= 2000
                assert button["action_id"].startswith(CHOICE_ACTION_PREFIX)
    for text in mrkdwn_texts(blocks):
        check_markup(text)


def mrkdwn_texts(blocks: list[dict[str, Any]]) -> list[str]:
    texts: list[str] = []
    for block in blocks:
        if block["type"] == "section":
            texts.append(block["text"]["text"])
        if block["type"] == "context":
            texts.extend(element["text"] for element in block["elements"])
    return texts


def check_markup(text: str) -> None:
    """Outside our own links, no ``<``/``>`` and every ``&`` starts an entity."""
    bare = _LINK.sub("", text)
    assert "<" not in bare
    assert ">" not in bare
    assert bare.count("&") == len(_ENTITY.findall(bare))


_LINK = re.compile(r"<https?://[^\s<>|]+\|[^<>|]+>")


_ENTITY = re.compile(r"&(amp|lt|gt);")
