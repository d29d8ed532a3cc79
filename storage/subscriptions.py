"""Digest subscriptions, when they are due, and their deliveries claimed exactly once.

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

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Select, case, delete, func, literal, or_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute

from storage.db import SessionFactory
from storage.fact_pass import pending_features, stored_facts
from storage.models import Article, Delivery, Story, Subscription
from storage.queries import HEADLINE_CANDIDATES, outlet_name
from stories.digest import NewArticle, StoryMaterial
from stories.headlines import OPENING_CHARS, Candidate, best_headline, headline_of
from stories.story_input import ArticleView

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
#: ids per IN (...) list, well under every backend's limit on bound parameters
_CHUNK = 500


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


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


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
    for chunk in _chunks(sorted(set(subscription_ids))):
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


async def last_sent_dues(
    session: AsyncSession, subscription_ids: Iterable[int]
) -> dict[int, datetime]:
    """When each chat's newest digest fell due: its next digest covers what came after.

    Chats that were never sent one are missing from the answer.
    """
    found: dict[int, datetime] = {}
    for chunk in _chunks(sorted(set(subscription_ids))):
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
    taker have it. One transaction, a statement or two per ``_CHUNK`` rows, in subscription
    order (two processes claiming overlapping sets on PostgreSQL wait for each other
    instead of deadlocking).
    """
    won: dict[int, int] = {}
    if not wanted:
        return won
    async with sessions() as session, session.begin():
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        for chunk in _chunks(sorted(wanted)):
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
    ``_CHUNK`` periods, on the unique (subscription, period) index.
    """
    held: set[int] = set()
    for chunk in _chunks(sorted(wanted)):
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
    statement for the deliveries and one for their subscriptions per ``_CHUNK`` rows.
    """
    moved: set[int] = set()
    async with sessions() as session, session.begin():
        for chunk in _chunks(sorted(moves)):
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
    passing all of a run's claims is safe. A statement per ``_CHUNK`` rows.
    """
    released: set[int] = set()
    if not delivery_ids:
        return released
    async with sessions() as session, session.begin():
        for chunk in _chunks(sorted(delivery_ids)):
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


@dataclass(frozen=True, slots=True)
class _Stored:
    id: int
    story_id: int
    title: str
    outlet: str
    url: str | None
    published: datetime | None
    body: str
    captions: str
    #: the facts as stored: None while pending (then ``features`` is read to find them)
    facts: str | None
    features: str | None
    is_copy: bool
    ingested_at: datetime
    language: str | None


class DigestArticles:
    """The stories with articles stored in ``(since, until]``, with all their articles up to
    ``until``, read at once: the material of any window ``(since, u]`` with ``u <= until`` is
    cut from it without asking the database again, each article's facts parsed once. Windows
    with the same ``stored_by`` count hold the same articles, so they share one material.
    """

    def __init__(
        self,
        since: datetime,
        until: datetime,
        stories: dict[int, tuple[str, datetime]],
        rows: list[_Stored],
    ) -> None:
        self.since = since
        self.until = until
        self._stories = stories
        self._rows = rows
        self._times = sorted(r.ingested_at for r in rows)
        self._views: dict[int, ArticleView] = {}
        self._cuts: dict[tuple[int, int], list[StoryMaterial]] = {}

    def stored_by(self, until: datetime) -> int:
        """How many of the articles read were stored by ``until``."""
        if until > self.until:
            raise ValueError(f"read up to {self.until}, asked up to {until}")
        return bisect_right(self._times, until)

    def _view(self, row: _Stored) -> ArticleView:
        view = self._views.get(row.id)
        if view is None:
            facts = stored_facts(row.facts, row.features, row.title, row.body, row.captions)
            view = ArticleView(
                row.id, row.outlet, row.url, row.published, row.body, facts, row.language
            )
            self._views[row.id] = view
        return view

    def material(self, until: datetime, per_story: int = 60) -> list[StoryMaterial]:
        """Every story with articles stored in ``(since, until]``: its old and new articles.

        At most ``per_story`` of each: the latest old ones (what a story said last is what
        its news is new against) and the first new ones.
        """
        key = (self.stored_by(until), per_story)
        found = self._cuts.get(key)
        if found is None:
            found = self._cuts[key] = self._cut(until, per_story)
        return found

    def _cut(self, until: datetime, per_story: int) -> list[StoryMaterial]:
        rows = [r for r in self._rows if r.ingested_at <= until]
        story_ids = sorted({r.story_id for r in rows if r.ingested_at > self.since})
        old: dict[int, list[_Stored]] = {i: [] for i in story_ids}
        new: dict[int, list[ArticleView]] = {i: [] for i in story_ids}
        titles: dict[int, list[NewArticle]] = {i: [] for i in story_ids}
        outlets: dict[int, dict[str, None]] = {i: {} for i in story_ids}
        named_by: dict[int, dict[str, list[Candidate]]] = {i: {} for i in story_ids}
        for row in rows:
            if row.story_id not in outlets:
                continue
            outlets[row.story_id][row.outlet] = None
            is_new = row.ingested_at > self.since
            if is_new:
                headline = headline_of(
                    row.title, row.body, outlet=row.outlet, url=row.url, language=row.language
                )
                titles[row.story_id].append(
                    NewArticle(row.id, headline, row.outlet, row.url, row.is_copy, row.language)
                )
            if row.is_copy:
                continue
            if row.language is not None:
                candidates = named_by[row.story_id].setdefault(row.language, [])
                if len(candidates) < HEADLINE_CANDIDATES:
                    opening = row.body[:OPENING_CHARS]
                    candidates.append(Candidate(row.title, opening, row.outlet, row.url))
            if not is_new:
                old[row.story_id].append(row)
            elif len(new[row.story_id]) < per_story:
                new[row.story_id].append(self._view(row))
        return [
            StoryMaterial(
                story_id=story_id,
                title=self._stories[story_id][0],
                created_at=self._stories[story_id][1],
                outlets=tuple(outlets[story_id]),
                old=tuple(map(self._view, old[story_id][-per_story:])),
                new=tuple(new[story_id]),
                new_articles=tuple(titles[story_id]),
                headlines=tuple(
                    (language, best_headline(candidates, language))
                    for language, candidates in named_by[story_id].items()
                ),
            )
            for story_id in story_ids
        ]


async def digest_articles(
    session: AsyncSession, since: datetime, until: datetime
) -> DigestArticles:
    """Read the articles of every story with articles stored in ``(since, until]``."""
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
        return DigestArticles(since, until, {}, [])
    found = await session.execute(
        select(Story.id, Story.title, Story.created_at).where(Story.id.in_(story_ids))
    )
    stories = {id_: (title, created_at) for id_, title, created_at in found}
    rows = await session.execute(
        select(
            Article.id,
            Article.story_id,
            Article.title,
            Article.outlet,
            Article.url,
            Article.published,
            Article.body,
            Article.captions,
            Article.facts,
            pending_features(),
            Article.near_copy_of,
            Article.ingested_at,
            Article.language,
        )
        .where(Article.story_id.in_(story_ids), Article.ingested_at <= until)
        .order_by(Article.id)
    )
    stored = [
        _Stored(
            row.id,
            row.story_id,
            row.title,
            outlet_name(row.outlet),
            row.url,
            row.published,
            row.body,
            row.captions,
            row.facts,
            row.features,
            row.near_copy_of is not None,
            row.ingested_at,
            row.language,
        )
        for row in rows
    ]
    return DigestArticles(since, until, stories, stored)
