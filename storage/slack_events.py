"""The Slack events already taken, shared by every bot process through the database.

Slack delivers an event again when the first delivery was not acknowledged in time, failed
with a 5xx, or never connected: a retry may be the first this deployment sees of an event. So
the event id, not the retry header, decides: the first process to insert it answers it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import SlackEventHandled

MAX_EVENT_ID = 100


async def take_event(session: AsyncSession, event_id: str, now: datetime) -> bool:
    """Record ``event_id`` as handled; False when some process (this one included) had."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    inserted = await session.execute(
        dialect.insert(SlackEventHandled)
        .values(event_id=event_id[:MAX_EVENT_ID], handled_at=now)
        .on_conflict_do_nothing(index_elements=["event_id"])
        .returning(SlackEventHandled.event_id)
    )
    return inserted.first() is not None


async def release_event(session: AsyncSession, event_id: str) -> None:
    """Forget an event whose handling failed before it was acknowledged, so a retry is taken."""
    await session.execute(
        delete(SlackEventHandled).where(SlackEventHandled.event_id == event_id[:MAX_EVENT_ID])
    )


async def prune_events(session: AsyncSession, before: datetime) -> None:
    await session.execute(delete(SlackEventHandled).where(SlackEventHandled.handled_at < before))
