"""Digest subscriptions: one per chat, its time of day, zone and keywords as written.

When they fall due is ``storage.due_times``; their deliveries, each claimed by one process and
sent at most once, are ``storage.deliveries``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import Select, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import in_lists
from storage.models import Subscription


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
    row = await session.scalar(_of_chat(platform, chat_id))
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


def _of_chat(platform: str, chat_id: str) -> Select[Subscription]:
    return select(Subscription).where(
        Subscription.platform == platform, Subscription.chat_id == chat_id
    )


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
    row = await session.scalar(_of_chat(platform, chat_id))
    return None if row is None else _info(row)


async def subscriptions_by_ids(
    session: AsyncSession, subscription_ids: Iterable[int]
) -> list[SubscriptionInfo]:
    """Those of ``subscription_ids`` that still exist, in id order."""
    found: list[SubscriptionInfo] = []
    for chunk in in_lists(sorted(set(subscription_ids))):
        rows = await session.scalars(select(Subscription).where(Subscription.id.in_(chunk)))
        found += [_info(row) for row in rows]
    return sorted(found, key=lambda s: s.id)


async def subscriptions_at(
    session: AsyncSession, at: time, zone: str, default: tuple[time, str]
) -> list[SubscriptionInfo]:
    """The subscriptions whose digest is due at ``at`` in ``zone``, in id order.

    A subscription that names no time or zone takes the ``default`` one's.
    """
    default_at, default_zone = default
    times = [Subscription.local_time == at.strftime("%H:%M")]
    if at == default_at:
        times.append(Subscription.local_time.is_(None))
    zones = [Subscription.timezone == zone]
    if zone == default_zone:
        zones.append(Subscription.timezone.is_(None))
    rows = await session.scalars(
        select(Subscription).where(or_(*times), or_(*zones)).order_by(Subscription.id)
    )
    return [_info(row) for row in rows]


async def all_subscriptions(session: AsyncSession) -> list[SubscriptionInfo]:
    rows = await session.scalars(select(Subscription).order_by(Subscription.id))
    return [_info(row) for row in rows]
