"""Delivery claims that hold across processes: a period claimed once, a dead claim taken
over, a send that may have happened never sent again, claims given back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.app import App
from storage import deliveries, subscriptions
from storage.deliveries import State
from storage.due_times import Due
from tests.support.deliveries import delivery_of, subscribed

LEASE = timedelta(minutes=10)
DUE = Due("2026-03-29", datetime(2026, 3, 29, 5, tzinfo=UTC))
NOW = datetime(2026, 3, 29, 5, 1, tzinfo=UTC)


async def _claim(app: App, sub: int, due: Due, worker: str, now: datetime) -> int | None:
    return (await deliveries.claim_deliveries(app.sessions, {sub: due}, worker, now, LEASE)).get(
        sub
    )


async def _claimed(app: App, worker: str) -> tuple[subscriptions.SubscriptionInfo, int]:
    """A chat subscribed, and its period ``DUE`` claimed by ``worker`` at ``NOW``."""
    sub = await subscribed(app)
    claim = await _claim(app, sub.id, DUE, worker, NOW)
    assert claim is not None
    return sub, claim


async def _begin(app: App, claim: int, worker: str) -> bool:
    return await deliveries.begin_sends(app.sessions, [claim], worker) == {claim}


async def test_a_period_is_claimed_once(app: App) -> None:
    sub, claim = await _claimed(app, "a")
    due, now = DUE, NOW
    assert await _claim(app, sub.id, due, "b", now) is None
    assert await _begin(app, claim, "a")
    assert not await _begin(app, claim, "a")
    assert await deliveries.finish_sends(app.sessions, {claim: "m-1"}, {}, "a", now) == {claim}
    later = now + timedelta(days=1)
    assert await _claim(app, sub.id, due, "b", later) is None
    async with app.sessions() as session:
        row = await delivery_of(session, sub.id, due.period)
        assert (row.state, row.message_id, row.claimed_by) == (State.SENT, "m-1", "a")
        assert await deliveries.last_sent_dues(session, [sub.id, sub.id + 1]) == {
            sub.id: due.due_at
        }
        (stored,) = await subscriptions.subscriptions_by_ids(session, [sub.id, sub.id + 1])
        assert stored.last_period == due.period


async def test_a_dead_claim_is_taken_over_once_and_fences_its_owner(app: App) -> None:
    sub, claim = await _claimed(app, "dead")
    due, now = DUE, NOW
    soon = now + LEASE / 2
    assert await _claim(app, sub.id, due, "b", soon) is None
    later = now + LEASE * 2
    assert await _claim(app, sub.id, due, "b", later) == claim
    assert await _claim(app, sub.id, due, "c", later) is None
    # the first owner wakes up: it may no longer send
    assert not await _begin(app, claim, "dead")
    assert await _begin(app, claim, "b")


async def test_a_send_that_may_have_happened_is_never_taken_over(app: App) -> None:
    sub, claim = await _claimed(app, "a")
    due, now = DUE, NOW
    assert await _begin(app, claim, "a")
    # "a" crashes while the platform is being called
    much_later = now + timedelta(days=2)
    assert await _claim(app, sub.id, due, "b", much_later) is None
    async with app.sessions() as session:
        row = await delivery_of(session, sub.id, due.period)
        assert row.state == State.SENDING


async def test_a_released_claim_can_be_claimed_again(app: App) -> None:
    sub, claim = await _claimed(app, "a")
    due, now = DUE, NOW
    assert await deliveries.release_claims(app.sessions, [claim], "a") == {claim}
    assert await _claim(app, sub.id, due, "b", now) is not None


async def test_claims_in_a_batch_win_only_the_free_periods(app: App) -> None:
    ids = [(await subscribed(app, chat)).id for chat in ("c1", "c2", "c3")]
    due, now = DUE, NOW
    held = await _claim(app, ids[1], due, "other", now)
    won = await deliveries.claim_deliveries(app.sessions, dict.fromkeys(ids, due), "a", now, LEASE)
    assert sorted(won) == [ids[0], ids[2]]
    assert held not in won.values()
    assert await deliveries.begin_sends(app.sessions, [*won.values(), held or 0], "a") == set(
        won.values()
    )
    first, last = won[ids[0]], won[ids[2]]
    changed = await deliveries.finish_sends(
        app.sessions, {first: "m-1"}, {last: "timeout"}, "a", now
    )
    assert changed == {first, last}
    async with app.sessions() as session:
        states = {i: await delivery_of(session, i, due.period) for i in ids}
        assert await deliveries.last_sent_dues(session, ids) == {ids[0]: due.due_at}
    assert {i: (r.state, r.note, r.sent_at) for i, r in states.items()} == {
        ids[0]: (State.SENT, None, now),
        ids[1]: (State.CLAIMED, None, None),
        ids[2]: (State.SENDING, "timeout", None),
    }


async def test_open_periods_are_the_unclaimed_and_the_dead_claims(app: App) -> None:
    ids = [(await subscribed(app, f"c{n}")).id for n in range(6)]
    free, fresh, dead, sending, sent, skipped = ids
    for sub in (dead, sending, sent, skipped):
        assert await _claim(app, sub, DUE, "a", NOW) is not None
    assert await _claim(app, fresh, DUE, "a", NOW + LEASE) is not None
    async with app.sessions() as session:
        rows = {i: (await delivery_of(session, i, DUE.period)).id for i in (sending, sent, skipped)}
    assert await deliveries.begin_sends(app.sessions, [rows[sending], rows[sent]], "a")
    await deliveries.finish_sends(app.sessions, {rows[sent]: "m-1"}, {}, "a", NOW)
    await deliveries.skip_deliveries(app.sessions, {rows[skipped]: "nothing new"}, "a")
    later = NOW + LEASE + timedelta(seconds=1)
    async with app.sessions() as session:
        found = await deliveries.open_periods(session, dict.fromkeys(ids, DUE), later, LEASE)
        assert found == {free, dead}
        # another period of the same chats is unclaimed
        other = Due("2026-03-30", DUE.due_at + timedelta(days=1))
        assert await deliveries.open_periods(
            session, dict.fromkeys(ids, other), later, LEASE
        ) == set(ids)


async def test_only_claims_not_yet_sending_are_given_back(app: App) -> None:
    ids = [(await subscribed(app, chat)).id for chat in ("c1", "c2", "c3")]
    won = await deliveries.claim_deliveries(app.sessions, dict.fromkeys(ids, DUE), "a", NOW, LEASE)
    going, waiting, other = (won[i] for i in ids)
    assert await _begin(app, going, "a")
    later = NOW + LEASE * 2
    assert await _claim(app, ids[2], DUE, "b", later) == other  # taken over from "a"
    assert await deliveries.release_claims(app.sessions, list(won.values()), "a") == {waiting}
    async with app.sessions() as session:
        assert await deliveries.open_periods(session, dict.fromkeys(ids, DUE), later, LEASE) == {
            ids[1]
        }
