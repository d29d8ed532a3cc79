"""/subscribe [HH:MM] [timezone] [keywords...], /unsubscribe, /digest: the chat's daily digest.

``/subscribe`` sets the whole subscription from its arguments: what is left out takes the
bot's configured default (time, zone) or means every story (keywords). The scheduler reads
subscriptions from the database, so a change here is picked up without a restart.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime

from handlers.command import Command
from handlers.context import Context
from handlers.digest_reply import FIRST_PERIOD, compose, digest_since
from handlers.reply import Line, Reply, Section, Tone
from storage.due_times import parse_local_time, parse_zone
from storage.subscriptions import (
    SubscriptionInfo,
    get_subscription,
    remove_subscription,
    upsert_subscription,
)

_LOOKS_LIKE_TIME = re.compile(r"^\d{1,2}[:.]\d{2}$")
MAX_KEYWORDS = 10
USAGE = "Usage: /subscribe [HH:MM] [timezone] [keywords...], e.g. /subscribe 08:00 Europe/Vilnius"


def describe(subscription: SubscriptionInfo) -> str:
    at = subscription.local_time or "the default time"
    zone = subscription.timezone or "the default time zone"
    text = f"Daily digest at {at} ({zone})"
    if subscription.keywords:
        text += f", only stories that mention: {', '.join(subscription.keywords)}"
    return text + "."


def _parse(words: list[str]) -> tuple[str | None, str | None, list[str]] | Reply:
    at: str | None = None
    zone: str | None = None
    if words and _LOOKS_LIKE_TIME.match(words[0]):
        parsed = parse_local_time(words.pop(0).replace(".", ":"))
        if parsed is None:
            return Reply.error("That is not a time of day.", USAGE)
        at = parsed.strftime("%H:%M")
    if words and ("/" in words[0] or words[0].upper() == "UTC"):
        name = words.pop(0)
        if parse_zone(name) is None:
            return Reply.error(f"Unknown time zone “{name}”.", "Use a name like Europe/Vilnius.")
        zone = "UTC" if name.upper() == "UTC" else name
    if len(words) > MAX_KEYWORDS:
        return Reply.error(f"At most {MAX_KEYWORDS} keywords, please.", USAGE)
    return at, zone, words


async def subscribe(command: Command, context: Context) -> Reply:
    """The chat's admins only (``handlers.command_table``)."""
    parsed = _parse(command.words)
    if isinstance(parsed, Reply):
        return parsed
    at, zone, keywords = parsed
    caller = command.caller
    async with context.sessions() as session, session.begin():
        subscription = await upsert_subscription(
            session,
            caller.platform,
            caller.chat_id,
            local_time=at,
            timezone=zone,
            keywords=keywords,
            now=datetime.now(UTC),
        )
    return Reply(
        "Subscribed.",
        (Section(None, (Line(describe(subscription)),)),),
        footer="/digest shows what it would say now; /unsubscribe stops it.",
    )


async def unsubscribe(command: Command, context: Context) -> Reply:
    """The chat's admins only (``handlers.command_table``)."""
    async with context.sessions() as session, session.begin():
        removed = await remove_subscription(
            session, command.caller.platform, command.caller.chat_id
        )
    if not removed:
        return Reply("This chat has no daily digest.", tone=Tone.NOTICE)
    return Reply("Daily digest stopped.", footer="/subscribe starts it again.")


async def digest(command: Command, context: Context) -> Reply:
    """The digest as it would be sent now; nothing is marked as sent."""
    now = datetime.now(UTC)
    async with context.sessions() as session:
        subscription = await get_subscription(
            session, command.caller.platform, command.caller.chat_id
        )
    if subscription is None:
        _, reply = await compose(
            context.sessions,
            command.words,
            now - FIRST_PERIOD,
            now,
            language=context.language,
            picture=context.digest_picture,
        )
        return _with_footer(reply, "This chat has no daily digest: /subscribe starts one.")
    since = await digest_since(context.sessions, subscription)
    _, reply = await compose(
        context.sessions,
        subscription.keywords,
        since,
        now,
        language=context.language,
        picture=context.digest_picture,
    )
    return _with_footer(reply, describe(subscription))


def _with_footer(reply: Reply, note: str) -> Reply:
    return dataclasses.replace(reply, footer=f"{reply.footer} {note}" if reply.footer else note)
