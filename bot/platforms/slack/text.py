"""Slack's text as the user typed it: markup undone, the command prefix and mention removed."""

from __future__ import annotations

import re

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_SLACK_MARKUP = re.compile(r"<([^<>]*)>")


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
