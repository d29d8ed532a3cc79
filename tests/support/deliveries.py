"""A digest delivery as the store records it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Delivery


async def delivery_of(session: AsyncSession, subscription_id: int, period: str) -> Delivery:
    row = await session.scalar(
        select(Delivery).where(
            Delivery.subscription_id == subscription_id, Delivery.period == period
        )
    )
    assert row is not None
    return row
