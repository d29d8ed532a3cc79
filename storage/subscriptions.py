"""Digest subscriptions, when they are due, and their deliveries claimed exactly once.

A delivery row per (subscription, period) is the lock: whoever inserts it owns the send.
The states move only forward, each step a conditional UPDATE that names the owner:

``claimed`` (owner chosen, nothing sent yet) -> ``sending`` (the platform is being called)
-> ``sent`` (with its message id); or ``claimed`` -> ``skipped`` (nothing new, or too late).

A claim whose owner died before ``sending`` may be taken over after a lease; a ``sending``
row is never sent again, since the platform may have received it: at most once, by design.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import SessionFactory
from storage.models import Article, Delivery, Story, Subscription
from storage.queries import outlet_name
from stories.digest import NewArticle, StoryMaterial
from stories.factfinder import facts_from_json
from stories.story_input import ArticleView

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class State(StrEnum):
    CLAIMED = "claimed"
    SENDING = "sending"
    SENT = "sent"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class SubscriptionInfo:
    id: int
    platform: str
    chat_id: str
    #: ``HH:MM``; None means the configured default
    local_time: str | None
    #: an IANA zone name; None means the configured default
    timezone: str | None
    keywords: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    last_period: str | None


@dataclass(frozen=True, slots=True)
class Due:
    """One digest occasion: the subscriber's local date and the UTC instant it falls due."""

    period: str
    due_at: datetime


def parse_local_time(text: str) -> time | None:
    """``8:00`` or ``08:00`` -> 08:00; anything else -> None."""
    match = _TIME.match(text.strip())
    return time(int(match.group(1)), int(match.group(2))) if match else None


def parse_zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def due_on(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of ``at`` on the local ``day``.

    A time skipped by a spring-forward change (02:30 when clocks jump 02:00 -> 03:00) falls
    due at the same distance past the change (03:30), like cron; a repeated time in autumn
    falls due at its first occurrence (``fold=0``), so the period is never due twice.
    """
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def latest_due(now: datetime, at: time, zone: ZoneInfo) -> Due:
    """The most recent occasion at or before ``now``."""
    today = now.astimezone(zone).date()
    for day in (today, today - timedelta(days=1), today - timedelta(days=2)):
        instant = due_on(day, at, zone)
        if instant <= now:
            return Due(day.isoformat(), instant)
    raise AssertionError("a daily time is always due within two days")


def next_due(now: datetime, at: time, zone: ZoneInfo) -> Due:
    """The first occasion strictly after ``now``."""
    today = now.astimezone(zone).date()
    for offset in range(3):
        day = today + timedelta(days=offset)
        instant = due_on(day, at, zone)
        if instant > now:
            return Due(day.isoformat(), instant)
    raise AssertionError("a daily time is always due within two days")


def _info(row: Subscription) -> SubscriptionInfo:
    return SubscriptionInfo(
        id=row.id,
        platform=row.platform,
        chat_id=row.chat_id,
        local_time=row.local_time,
        timezone=row.timezone,
        keywords=tuple(row.keywords.split()),
        created_at=row.created_at,
        updated_at=row.updated_at,
        last_period=row.last_period,
    )


async def upsert_subscription(
    session: AsyncSession,
    platform: str,
    chat_id: str,
    *,
    local_time: str | None,
    timezone: str | None,
    keywords: Sequence[str],
    now: datetime,
) -> SubscriptionInfo:
    """Subscribe a chat, or change its subscription (one per chat). The caller commits."""
    row = await session.scalar(
        select(Subscription).where(
            Subscription.platform == platform, Subscription.chat_id == chat_id
        )
    )
    words = " ".join(dict.fromkeys(k.casefold() for k in keywords))
    if row is None:
        row = Subscription(platform=platform, chat_id=chat_id, created_at=now)
        session.add(row)
    row.local_time = local_time
    row.timezone = timezone
    row.keywords = words
    row.updated_at = now
    await session.flush()
    return _info(row)


async def remove_subscription(session: AsyncSession, platform: str, chat_id: str) -> bool:
    result = await session.execute(
        delete(Subscription).where(
            Subscription.platform == platform, Subscription.chat_id == chat_id
        )
    )
    return bool(getattr(result, "rowcount", 0))


async def get_subscription(
    session: AsyncSession, platform: str, chat_id: str
) -> SubscriptionInfo | None:
    row = await session.scalar(
        select(Subscription).where(
            Subscription.platform == platform, Subscription.chat_id == chat_id
        )
    )
    return None if row is None else _info(row)


async def subscription_by_id(
    session: AsyncSession, subscription_id: int
) -> SubscriptionInfo | None:
    row = await session.get(Subscription, subscription_id)
    return None if row is None else _info(row)


async def all_subscriptions(session: AsyncSession) -> list[SubscriptionInfo]:
    rows = await session.scalars(select(Subscription).order_by(Subscription.id))
    return [_info(row) for row in rows]


async def last_sent_due(session: AsyncSession, subscription_id: int) -> datetime | None:
    """When the chat's newest digest fell due: the next digest covers what came after."""
    return await session.scalar(
        select(Delivery.due_at)
        .where(Delivery.subscription_id == subscription_id, Delivery.state == State.SENT)
        .order_by(Delivery.due_at.desc())
        .limit(1)
    )


async def delivery_state(
    session: AsyncSession, subscription_id: int, period: str
) -> Delivery | None:
    return await session.scalar(
        select(Delivery).where(
            Delivery.subscription_id == subscription_id, Delivery.period == period
        )
    )


async def claim_delivery(
    sessions: SessionFactory,
    subscription_id: int,
    due: Due,
    worker: str,
    now: datetime,
    lease: timedelta,
) -> int | None:
    """Own the send of this period, or None when someone else does or did.

    The insert ignores a conflict on the unique (subscription, period) key, so of any number
    of processes exactly one gets the row. A ``claimed`` row older than ``lease`` belongs to
    an owner that died before sending; the conditional UPDATE lets exactly one taker have it.
    """
    async with sessions() as session, session.begin():
        values = {
            "subscription_id": subscription_id,
            "period": due.period,
            "due_at": due.due_at,
            "state": State.CLAIMED.value,
            "claimed_at": now,
            "claimed_by": worker,
        }
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        inserted = await session.scalar(
            dialect.insert(Delivery)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["subscription_id", "period"])
            .returning(Delivery.id)
        )
        if inserted is not None:
            return int(inserted)
        taken = await session.scalar(
            update(Delivery)
            .where(
                Delivery.subscription_id == subscription_id,
                Delivery.period == due.period,
                Delivery.state == State.CLAIMED,
                Delivery.claimed_at < now - lease,
            )
            .values(claimed_by=worker, claimed_at=now)
            .returning(Delivery.id)
        )
        return None if taken is None else int(taken)


async def _advance(
    sessions: SessionFactory,
    delivery_id: int,
    worker: str,
    before: State,
    after: State,
    **values: object,
) -> bool:
    async with sessions() as session, session.begin():
        moved = (
            await session.execute(
                update(Delivery)
                .where(
                    Delivery.id == delivery_id,
                    Delivery.state == before,
                    Delivery.claimed_by == worker,
                )
                .values(state=after.value, **values)
                .returning(Delivery.subscription_id, Delivery.period)
            )
        ).first()
        if moved is None:
            return False
        if after in (State.SENT, State.SKIPPED):
            await session.execute(
                update(Subscription)
                .where(Subscription.id == moved.subscription_id)
                .values(last_period=moved.period)
            )
        return True


async def begin_send(sessions: SessionFactory, delivery_id: int, worker: str) -> bool:
    """The point of no return: False means the claim was lost and nothing may be sent."""
    return await _advance(sessions, delivery_id, worker, State.CLAIMED, State.SENDING)


async def complete_delivery(
    sessions: SessionFactory, delivery_id: int, worker: str, message_id: str, now: datetime
) -> bool:
    return await _advance(
        sessions,
        delivery_id,
        worker,
        State.SENDING,
        State.SENT,
        message_id=message_id,
        sent_at=now,
    )


async def fail_send(sessions: SessionFactory, delivery_id: int, worker: str, note: str) -> bool:
    """The platform call raised: it may or may not have arrived, so it stays unsent for good."""
    async with sessions() as session, session.begin():
        result = await session.execute(
            update(Delivery)
            .where(
                Delivery.id == delivery_id,
                Delivery.state == State.SENDING,
                Delivery.claimed_by == worker,
            )
            .values(note=note[:2000])
        )
        return bool(getattr(result, "rowcount", 0))


async def skip_delivery(sessions: SessionFactory, delivery_id: int, worker: str, note: str) -> bool:
    return await _advance(
        sessions, delivery_id, worker, State.CLAIMED, State.SKIPPED, note=note[:2000]
    )


async def release_claim(sessions: SessionFactory, delivery_id: int, worker: str) -> bool:
    """Give a claim back before anything was sent (building the digest failed): retry later."""
    async with sessions() as session, session.begin():
        result = await session.execute(
            delete(Delivery).where(
                Delivery.id == delivery_id,
                Delivery.state == State.CLAIMED,
                Delivery.claimed_by == worker,
            )
        )
        return bool(getattr(result, "rowcount", 0))


async def digest_material(
    session: AsyncSession, since: datetime, until: datetime, per_story: int = 60
) -> list[StoryMaterial]:
    """Every story with articles stored in ``(since, until]``: its old and new articles."""
    story_ids = list(
        (
            await session.scalars(
                select(Article.story_id)
                .where(Article.ingested_at > since, Article.ingested_at <= until)
                .distinct()
            )
        ).all()
    )
    if not story_ids:
        return []
    stories = {s.id: s for s in await session.scalars(select(Story).where(Story.id.in_(story_ids)))}
    rows = await session.execute(
        select(
            Article.id,
            Article.story_id,
            Article.title,
            Article.outlet,
            Article.url,
            Article.published,
            Article.body,
            Article.facts,
            Article.near_copy_of,
            Article.ingested_at,
        )
        .where(Article.story_id.in_(story_ids), Article.ingested_at <= until)
        .order_by(Article.id)
    )
    old: dict[int, list[ArticleView]] = {i: [] for i in story_ids}
    new: dict[int, list[ArticleView]] = {i: [] for i in story_ids}
    titles: dict[int, list[NewArticle]] = {i: [] for i in story_ids}
    outlets: dict[int, dict[str, None]] = {i: {} for i in story_ids}
    for id_, story_id, title, outlet, url, published, body, facts, copy_of, ingested in rows:
        name = outlet_name(outlet)
        outlets[story_id][name] = None
        is_new = ingested > since
        if is_new:
            titles[story_id].append(NewArticle(id_, title, name, url, copy_of is not None))
        bucket = new if is_new else old
        if copy_of is None and len(bucket[story_id]) < per_story:
            bucket[story_id].append(
                ArticleView(id_, name, url, published, body, facts_from_json(facts))
            )
    return [
        StoryMaterial(
            story_id=story_id,
            title=stories[story_id].title,
            created_at=stories[story_id].created_at,
            outlets=tuple(outlets[story_id]),
            old=tuple(old[story_id]),
            new=tuple(new[story_id]),
            new_articles=tuple(titles[story_id]),
        )
        for story_id in story_ids
    ]
