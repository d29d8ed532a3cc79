"""Digests and source polls on APScheduler's AsyncIOScheduler; the database decides who sends.

Subscriptions and sources in the database are the truth: jobs are rebuilt from them at start
and every ``sync_seconds`` (so a /subscribe handled by another process is picked up). A job
firing only asks "is this chat's period due?"; the delivery claim in ``storage.subscriptions``
makes the answer true for exactly one process, once. The clock is injected everywhere so
tests move time by hand and never sleep.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.config import DigestSettings, PollSettings
from handlers.digest import Composer, digest_since
from handlers.reply import Reply
from storage import subscriptions as subs
from storage.db import SessionFactory
from storage.models import Source
from storage.sources import claim_poll, list_sources, pause_source
from storage.subscriptions import Due, SubscriptionInfo

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
#: sends a digest to the subscription's chat and returns the platform's message id
Sender = Callable[[SubscriptionInfo, Reply], Awaitable[str]]
#: polls one source and records the outcome on it (as ``bot.app.ingest_url`` does)
Poller = Callable[[int, str], Awaitable[None]]
#: tells the admins something, once per call
Notify = Callable[[str], Awaitable[None]]
#: how long digests share what they read and computed (see ``Digests.composer``)
SHARED_FOR = timedelta(minutes=5)


def worker_id() -> str:
    """Names this process in the claims it makes."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def utc_now() -> datetime:
    return datetime.now(UTC)


class Outcome(StrEnum):
    SENT = "sent"
    EMPTY = "empty"
    MISSED = "missed"
    TAKEN = "taken"
    FAILED = "failed"
    #: the subscription is gone, or another process's platform, or newer than the period
    NOT_OURS = "not ours"


@dataclass(frozen=True, slots=True)
class Schedule:
    at: time
    zone: ZoneInfo

    @property
    def key(self) -> tuple[str, str]:
        return (self.at.strftime("%H:%M"), self.zone.key)


class Digests:
    """Sends one subscription's due digest, at most once per period, across processes."""

    def __init__(
        self,
        sessions: SessionFactory,
        settings: DigestSettings,
        senders: Mapping[str, Sender],
        worker: str,
        now: Clock = utc_now,
    ) -> None:
        self._sessions = sessions
        self._settings = settings
        self._senders = senders
        self._worker = worker
        self._now = now
        default_at = subs.parse_local_time(settings.default_time)
        default_zone = subs.parse_zone(settings.timezone)
        if default_at is None or default_zone is None:
            raise ValueError(f"bad digest defaults {settings.default_time} {settings.timezone}")
        self._default = Schedule(default_at, default_zone)
        self._composer: tuple[datetime, Composer] | None = None

    def composer(self, now: datetime) -> Composer:
        """The digests' shared work: one per run or due instant, renewed after ``SHARED_FOR``.

        A window ending before ``now`` is read once and is complete: articles are stored
        with the time they arrive, so none join it later.
        """
        if self._composer is None or not timedelta(0) <= now - self._composer[0] <= SHARED_FOR:
            self._composer = (now, Composer(self._sessions, horizon=now))
        return self._composer[1]

    def handles(self, subscription: SubscriptionInfo) -> bool:
        return subscription.platform in self._senders

    def schedule(self, subscription: SubscriptionInfo) -> Schedule:
        """The subscription's time and zone; the configured default for what it leaves out."""
        at = subs.parse_local_time(subscription.local_time or "") or self._default.at
        zone = subs.parse_zone(subscription.timezone or "") or self._default.zone
        return Schedule(at, zone)

    async def deliver(self, subscription_id: int) -> Outcome:
        """Send the digest of the latest period due, unless it is sent, skipped or taken."""
        async with self._sessions() as session:
            subscription = await subs.subscription_by_id(session, subscription_id)
        if subscription is None or not self.handles(subscription):
            return Outcome.NOT_OURS
        now = self._now()
        schedule = self.schedule(subscription)
        due = subs.latest_due(now, schedule.at, schedule.zone)
        if due.due_at < subscription.created_at:
            return Outcome.NOT_OURS
        lease = timedelta(minutes=self._settings.claim_lease_minutes)
        claim = await subs.claim_delivery(
            self._sessions, subscription.id, due, self._worker, now, lease
        )
        if claim is None:
            return Outcome.TAKEN
        late = now - due.due_at
        if late > timedelta(hours=self._settings.grace_hours):
            note = f"missed: {late} late, beyond the grace of {self._settings.grace_hours} h"
            log.warning("digest %s for %s skipped: %s", due.period, subscription.chat_id, note)
            await subs.skip_delivery(self._sessions, claim, self._worker, note)
            return Outcome.MISSED
        return await self._send(subscription, due, claim, self.composer(now))

    async def _send(
        self, subscription: SubscriptionInfo, due: Due, claim: int, composer: Composer
    ) -> Outcome:
        try:
            since = await digest_since(self._sessions, subscription)
            digest, reply = await composer.compose(
                subscription.keywords, since, due.due_at, self._settings.max_items
            )
        except Exception:
            log.exception("digest %s for %s failed to build", due.period, subscription.chat_id)
            await subs.release_claim(self._sessions, claim, self._worker)
            return Outcome.FAILED
        if not digest.items and not self._settings.send_empty:
            await subs.skip_delivery(self._sessions, claim, self._worker, "nothing new")
            return Outcome.EMPTY
        if not await subs.begin_send(self._sessions, claim, self._worker):
            return Outcome.TAKEN
        try:
            message_id = await self._senders[subscription.platform](subscription, reply)
        except Exception as error:
            log.exception("digest %s to %s failed", due.period, subscription.chat_id)
            await subs.fail_send(self._sessions, claim, self._worker, repr(error))
            return Outcome.FAILED
        await subs.complete_delivery(self._sessions, claim, self._worker, message_id, self._now())
        return Outcome.SENT

    async def catch_up(self) -> dict[int, Outcome]:
        """At start: each subscription's latest period, sent now if within the grace period.

        The run starts its own shared work, so it reads what is stored now.
        """
        self._composer = None
        async with self._sessions() as session:
            found = await subs.all_subscriptions(session)
        return {s.id: await self.deliver(s.id) for s in found if self.handles(s)}


class Polls:
    """Polls one source when its turn comes, and says when the next turn is."""

    def __init__(
        self,
        sessions: SessionFactory,
        settings: PollSettings,
        poll: Poller,
        notify: Notify,
        now: Clock = utc_now,
        rng: random.Random | None = None,
    ) -> None:
        self._sessions = sessions
        self._settings = settings
        self._poll = poll
        self._notify = notify
        self._now = now
        self._rng = rng or random.Random()

    def delay(self, failures: int) -> timedelta:
        """The interval, doubled per failure in a row up to the cap, moved by the jitter."""
        minutes = min(
            self._settings.interval_minutes * 2 ** min(failures, 20),
            max(self._settings.max_backoff_minutes, self._settings.interval_minutes),
        )
        jitter = self._rng.uniform(-self._settings.jitter_seconds, self._settings.jitter_seconds)
        return max(timedelta(seconds=1), timedelta(minutes=minutes, seconds=jitter))

    async def run(self, source_id: int) -> timedelta | None:
        """Poll if no other process just did; the wait until the next poll, None to stop."""
        now = self._now()
        half = timedelta(minutes=self._settings.interval_minutes / 2)
        async with self._sessions() as session, session.begin():
            source = await session.get(Source, source_id)
            if source is None or source.paused:
                return None
            url = source.url
            claimed = await claim_poll(session, source_id, now, now - half)
        if claimed:
            try:
                await self._poll(source_id, url)
            except Exception as error:
                log.exception("polling source %s failed", source_id)
                await self._count_failure(source_id, repr(error))
        return await self._after(source_id)

    async def _count_failure(self, source_id: int, error: str) -> None:
        async with self._sessions() as session, session.begin():
            source = await session.get(Source, source_id)
            if source is not None:
                source.failures += 1
                source.last_error = error[:2000]

    async def _after(self, source_id: int) -> timedelta | None:
        async with self._sessions() as session, session.begin():
            source = await session.get(Source, source_id)
            if source is None:
                return None
            failures, url, error = source.failures, source.url, source.last_error
            paused = failures >= self._settings.max_failures and await pause_source(
                session, source_id
            )
        if paused:
            await self._notify(
                f"Source #{source_id} {url} is paused after {failures} failures in a row "
                f"(last: {error}). /sources add {url} resumes it."
            )
            return None
        return self.delay(failures)


class BotScheduler:
    """Owns the AsyncIOScheduler: one cron job per subscription, one chain of polls per source."""

    def __init__(
        self,
        scheduler: AsyncIOScheduler,
        sessions: SessionFactory,
        digests: Digests,
        polls: Polls | None,
        settings: DigestSettings,
        now: Clock = utc_now,
    ) -> None:
        self.scheduler = scheduler
        self._sessions = sessions
        self._digests = digests
        self._polls = polls
        self._settings = settings
        self._now = now
        self._digest_jobs: dict[int, tuple[str, str]] = {}
        self._poll_jobs: set[int] = set()

    async def start(self) -> None:
        """Rebuild the jobs from the database, send what was missed, then run."""
        await self.sync()
        await self._digests.catch_up()
        self.scheduler.add_job(
            self.sync,
            "interval",
            seconds=self._settings.sync_seconds,
            id="sync",
            replace_existing=True,
            coalesce=True,
        )
        self.scheduler.start()

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    async def sync(self) -> None:
        """Make the jobs match the subscriptions and sources in the database."""
        async with self._sessions() as session:
            found = [s for s in await subs.all_subscriptions(session) if self._digests.handles(s)]
            sources = await list_sources(session) if self._polls else []
        wanted = {s.id: self._digests.schedule(s) for s in found}
        for gone in set(self._digest_jobs) - set(wanted):
            self._remove(f"digest:{gone}")
            del self._digest_jobs[gone]
        for subscription_id, schedule in wanted.items():
            if self._digest_jobs.get(subscription_id) != schedule.key:
                self._add_digest(subscription_id, schedule)
                self._digest_jobs[subscription_id] = schedule.key
        active = {s.id for s in sources if not s.paused}
        for gone in self._poll_jobs - active:
            self._remove(f"poll:{gone}")
        for source_id in active - self._poll_jobs:
            self._add_poll(source_id, self._now())
        self._poll_jobs = active

    def _add_digest(self, subscription_id: int, schedule: Schedule) -> None:
        trigger = CronTrigger(
            hour=schedule.at.hour, minute=schedule.at.minute, timezone=schedule.zone
        )
        self.scheduler.add_job(
            self._digests.deliver,
            trigger,
            args=[subscription_id],
            id=f"digest:{subscription_id}",
            replace_existing=True,
            coalesce=True,
            misfire_grace_time=int(self._settings.grace_hours * 3600),
        )

    def _add_poll(self, source_id: int, when: datetime) -> None:
        self.scheduler.add_job(
            self._poll,
            "date",
            run_date=when,
            args=[source_id],
            id=f"poll:{source_id}",
            replace_existing=True,
            misfire_grace_time=None,
        )

    async def _poll(self, source_id: int) -> None:
        if self._polls is None:
            return
        wait = await self._polls.run(source_id)
        if wait is None:
            self._poll_jobs.discard(source_id)
            return
        self._add_poll(source_id, self._now() + wait)

    def _remove(self, job_id: str) -> None:
        if self.scheduler.get_job(job_id) is not None:
            self.scheduler.remove_job(job_id)
