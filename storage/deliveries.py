"""Digest deliveries: each period's send claimed by exactly one process, and made at most once.

A delivery row per (subscription, period) is the lock: whoever inserts it owns the send.
The states move only forward, each step a conditional UPDATE that names the owner:

``claimed`` (owner chosen, nothing sent yet) -> ``sending`` (the platform is being called)
-> ``sent`` (with its message id); or ``claimed`` -> ``skipped`` (nothing new, or too late).

A claim whose owner died before ``sending`` may be taken over after a lease; one whose owner
failed to build the digest or was stopped before ``sending`` is given back (the row deleted)
and is free at once. A ``sending`` row is never sent again, since the platform may have
received it: at most once, by design.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import case, delete, func, literal, or_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute

from storage.db import SessionFactory, in_lists
from storage.due_times import Due
from storage.models import Delivery, Subscription


class State(StrEnum):
    CLAIMED = "claimed"
    SENDING = "sending"
    SENT = "sent"
    SKIPPED = "skipped"


async def last_sent_dues(
    session: AsyncSession, subscription_ids: Iterable[int]
) -> dict[int, datetime]:
    """When each chat's newest digest fell due: its next digest covers what came after.

    Chats that were never sent one are missing from the answer.
    """
    found: dict[int, datetime] = {}
    for chunk in in_lists(sorted(set(subscription_ids))):
        rows = await session.execute(
            select(Delivery.subscription_id, func.max(Delivery.due_at))
            .where(Delivery.subscription_id.in_(chunk), Delivery.state == State.SENT)
            .group_by(Delivery.subscription_id)
        )
        found.update({int(sid): due for sid, due in rows})
    return found


async def claim_deliveries(
    sessions: SessionFactory,
    wanted: Mapping[int, Due],
    worker: str,
    now: datetime,
    lease: timedelta,
) -> dict[int, int]:
    """Own the sends of these periods: subscription id -> delivery id, for those won.

    The insert ignores a conflict on the unique (subscription, period) key, so of any
    number of processes exactly one gets each row. A ``claimed`` row older than ``lease``
    belongs to an owner that died before sending; the conditional UPDATE lets exactly one
    taker have it. One transaction, a statement or two per ``IN_LIST`` rows, in subscription
    order (two processes claiming overlapping sets on PostgreSQL wait for each other
    instead of deadlocking).
    """
    won: dict[int, int] = {}
    if not wanted:
        return won
    async with sessions() as session, session.begin():
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        for chunk in in_lists(sorted(wanted)):
            rows = [
                {
                    "subscription_id": subscription_id,
                    "period": wanted[subscription_id].period,
                    "due_at": wanted[subscription_id].due_at,
                    "state": State.CLAIMED.value,
                    "claimed_at": now,
                    "claimed_by": worker,
                }
                for subscription_id in chunk
            ]
            inserted = await session.execute(
                dialect.insert(Delivery)
                .values(rows)
                .on_conflict_do_nothing(index_elements=["subscription_id", "period"])
                .returning(Delivery.subscription_id, Delivery.id)
            )
            won.update({int(sid): int(id_) for sid, id_ in inserted})
            held = [(sid, wanted[sid].period) for sid in chunk if sid not in won]
            if not held:
                continue
            taken = await session.execute(
                update(Delivery)
                .where(
                    tuple_(Delivery.subscription_id, Delivery.period).in_(held),
                    Delivery.state == State.CLAIMED,
                    Delivery.claimed_at < now - lease,
                )
                .values(claimed_by=worker, claimed_at=now)
                .returning(Delivery.subscription_id, Delivery.id)
                .execution_options(synchronize_session=False)
            )
            won.update({int(sid): int(id_) for sid, id_ in taken})
    return won


async def open_periods(
    session: AsyncSession, wanted: Mapping[int, Due], now: datetime, lease: timedelta
) -> set[int]:
    """Those of ``wanted`` whose period nobody holds: no delivery row (never claimed, or a
    claim given back) or a ``claimed`` row older than ``lease`` (its owner died before
    sending). Only reads: ``claim_deliveries`` decides who takes them. A statement per
    ``IN_LIST`` periods, on the unique (subscription, period) index.
    """
    held: set[int] = set()
    for chunk in in_lists(sorted(wanted)):
        rows = await session.execute(
            select(Delivery.subscription_id).where(
                tuple_(Delivery.subscription_id, Delivery.period).in_(
                    [(sid, wanted[sid].period) for sid in chunk]
                ),
                or_(Delivery.state != State.CLAIMED, Delivery.claimed_at >= now - lease),
            )
        )
        held.update(int(sid) for sid in rows.scalars())
    return set(wanted) - held


#: a delivery's next state and the columns set with it
Move = tuple[State, Mapping[str, object]]


def _per_row(
    column: QueryableAttribute[Any], by: QueryableAttribute[int], values: Mapping[int, Any]
) -> Any:
    """``column`` set to each row's own value (a CASE on ``by``), kept where none is given."""
    return case(
        {key: literal(value, column.type) for key, value in values.items()},
        value=by,
        else_=column,
    )


async def _advance(
    sessions: SessionFactory, moves: Mapping[int, Move], worker: str, before: State
) -> set[int]:
    """Move the deliveries this worker owns on from ``before``, in one transaction.

    Returns those moved; a row in another state or of another owner is left alone. A
    statement for the deliveries and one for their subscriptions per ``IN_LIST`` rows.
    """
    moved: set[int] = set()
    async with sessions() as session, session.begin():
        for chunk in in_lists(sorted(moves)):
            columns: dict[str, dict[int, object]] = {"state": {}}
            for delivery_id in chunk:
                after, values = moves[delivery_id]
                columns["state"][delivery_id] = after.value
                for name, value in values.items():
                    columns.setdefault(name, {})[delivery_id] = value
            rows = await session.execute(
                update(Delivery)
                .where(
                    Delivery.id.in_(chunk),
                    Delivery.state == before,
                    Delivery.claimed_by == worker,
                )
                .values(
                    {
                        name: _per_row(getattr(Delivery, name), Delivery.id, values)
                        for name, values in columns.items()
                    }
                )
                .returning(Delivery.id, Delivery.subscription_id, Delivery.period)
                .execution_options(synchronize_session=False)
            )
            periods: dict[int, str] = {}
            for delivery_id, subscription_id, period in rows:
                moved.add(int(delivery_id))
                if moves[delivery_id][0] in (State.SENT, State.SKIPPED):
                    periods[int(subscription_id)] = period
            if periods:
                await session.execute(
                    update(Subscription)
                    .where(Subscription.id.in_(list(periods)))
                    .values(
                        last_period=_per_row(Subscription.last_period, Subscription.id, periods)
                    )
                    .execution_options(synchronize_session=False)
                )
    return moved


async def begin_sends(
    sessions: SessionFactory, delivery_ids: Iterable[int], worker: str
) -> set[int]:
    """The point of no return: a delivery left out of the answer was lost and must not be sent."""
    return await _advance(
        sessions, {d: (State.SENDING, {}) for d in delivery_ids}, worker, State.CLAIMED
    )


async def finish_sends(
    sessions: SessionFactory,
    sent: Mapping[int, str],
    failed: Mapping[int, str],
    worker: str,
    now: datetime,
) -> set[int]:
    """Record the message ids of ``sent`` and the errors of ``failed``: the rows changed.

    A failed call may or may not have arrived, so its row stays ``sending``, never sent again.
    """
    moves: dict[int, Move] = {
        d: (State.SENT, {"message_id": m, "sent_at": now}) for d, m in sent.items()
    }
    moves.update({d: (State.SENDING, {"note": n[:2000]}) for d, n in failed.items()})
    return await _advance(sessions, moves, worker, State.SENDING)


async def skip_deliveries(
    sessions: SessionFactory, notes: Mapping[int, str], worker: str
) -> set[int]:
    """Nothing to send for these claims (nothing new, or too late), with why."""
    moves = {d: (State.SKIPPED, {"note": n[:2000]}) for d, n in notes.items()}
    return await _advance(sessions, moves, worker, State.CLAIMED)


async def release_claims(
    sessions: SessionFactory, delivery_ids: Collection[int], worker: str
) -> set[int]:
    """Give back the claims of these that are still ``claimed`` by ``worker`` (building
    failed, or the process is stopping): the period is free to claim again at once. Rows
    gone on to ``sending`` or beyond, or taken over by another process, are left alone, so
    passing all of a run's claims is safe. A statement per ``IN_LIST`` rows.
    """
    released: set[int] = set()
    if not delivery_ids:
        return released
    async with sessions() as session, session.begin():
        for chunk in in_lists(sorted(delivery_ids)):
            rows = await session.execute(
                delete(Delivery)
                .where(
                    Delivery.id.in_(chunk),
                    Delivery.state == State.CLAIMED,
                    Delivery.claimed_by == worker,
                )
                .returning(Delivery.id)
                .execution_options(synchronize_session=False)
            )
            released.update(int(id_) for id_ in rows.scalars())
    return released
