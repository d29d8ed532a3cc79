"""One subscription per chat, changed and removed."""

from __future__ import annotations

from bot.app import App
from storage import subscriptions
from tests.support.articles import utc
from tests.support.deliveries import subscribed


async def test_one_subscription_per_chat_changed_and_removed(app: App) -> None:
    first = await subscribed(app)
    assert first.keywords == ("quake", "peru")
    async with app.sessions() as session, session.begin():
        changed = await subscriptions.upsert_subscription(
            session,
            "console",
            "c1",
            local_time=None,
            timezone=None,
            keywords=[],
            now=utc(2026, 3, 2),
        )
    assert changed.id == first.id
    assert (changed.local_time, changed.timezone, changed.keywords) == (None, None, ())
    assert changed.created_at == first.created_at
    async with app.sessions() as session, session.begin():
        assert await subscriptions.remove_subscription(session, "console", "c1")
        assert not await subscriptions.remove_subscription(session, "console", "c1")
        assert await subscriptions.all_subscriptions(session) == []
