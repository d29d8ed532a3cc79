"""A digest subscription and its deliveries as the store records them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import App
from storage.models import Delivery
from storage.subscriptions import SubscriptionInfo, upsert_subscription

#: when ``subscribed`` chats subscribed
SUBSCRIBED_AT = datetime(2026, 3, 1, tzinfo=UTC)


async def delivery_of(session: AsyncSession, subscription_id: int, period: str) -> Delivery:
    row = await session.scalar(
        select(Delivery).where(
            Delivery.subscription_id == subscription_id, Delivery.period == period
        )
    )
    assert row is not None
    return row


async def subscribed(app: App, chat: str = "c1") -> SubscriptionInfo:
    """A console chat subscribed at 08:00 in Vilnius to two keywords (given three times)."""
    async with app.sessions() as session, session.begin():
        return await upsert_subscription(
            session,
            "console",
            chat,
            local_time="08:00",
            timezone="Europe/Vilnius",
            keywords=["Quake", "quake", "Peru"],
            now=SUBSCRIBED_AT,
        )
