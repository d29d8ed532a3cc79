"""Each Events API event answered once, across every process sharing the database.

Telegram's redeliveries reach the one process polling or serving its webhook, so it keeps
the ids it saw in memory (``gate.RecentIds``); Slack may send a retry to any process behind
its URL, so the event ids handled are kept in the database.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from slack_bolt.async_app import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from handlers.context import Context
from storage.slack_events import prune_events, release_event, take_event

log = logging.getLogger(__name__)

#: how long handled event ids are kept; Slack's last retry comes minutes after the event
KEEP_EVENTS = timedelta(days=1)
#: how often a process deletes the older ones
PRUNE_EVERY = timedelta(minutes=10)

Next = Callable[[], Awaitable[BoltResponse]]


class SeenEvents:
    """The Bolt middleware that drops an event already handled."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self._pruned_at = float("-inf")

    async def once_per_event(
        self, body: dict[str, Any], request: AsyncBoltRequest, next_: Next
    ) -> BoltResponse:
        """Slack sends an event again (``X-Slack-Retry-Num``) when the first delivery was not
        acknowledged in time, answered a 5xx or never connected, so a retry may be the first
        delivery anyone here saw. The event id is recorded as handled before the event is
        answered: a delivery whose id is already there is acknowledged and dropped. Should
        the handling fail before the acknowledgement (Slack then gets a 500 and retries), the
        record is removed again, so the retry is answered.
        """
        event_id = str(body.get("event_id") or "")
        if body.get("type") != "event_callback" or not event_id:
            return await next_()
        now = datetime.now(UTC)
        async with self.context.sessions() as session, session.begin():
            taken = await take_event(session, event_id, now)
            if time.monotonic() - self._pruned_at > PRUNE_EVERY.total_seconds():
                self._pruned_at = time.monotonic()
                await prune_events(session, now - KEEP_EVENTS)
        if not taken:
            retry = request.headers.get("x-slack-retry-num")
            log.info("slack: event %s was handled already (retry %s); dropped", event_id, retry)
            return BoltResponse(status=200, body="")
        try:
            return await next_()
        except BaseException:
            async with self.context.sessions() as session, session.begin():
                await release_event(session, event_id)
            raise
