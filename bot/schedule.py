"""Digests and source polls on APScheduler's AsyncIOScheduler; the database decides who sends.

Subscriptions and sources in the database are the truth: jobs are rebuilt from them at start
and every ``sync_seconds`` (so a /subscribe handled by another process is picked up). A job
firing only asks "is this chat's period due?"; the delivery claim in ``storage.deliveries``
makes the answer true for exactly one process, once. A sweep as often picks up the periods
nobody holds (a dead process's claim after its lease, a claim given back). The clock is
injected everywhere so tests move time by hand and never sleep.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import socket
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.config import DigestSettings, PollSettings
from handlers.digest_reply import Composer, digest_start
from handlers.format import mask_url, mask_urls_in
from handlers.reply import Reply
from storage import deliveries, due_times, subscriptions
from storage.db import SessionFactory
from storage.due_times import Due
from storage.models import Source
from storage.sources import claim_poll, list_sources, pause_source, record_poll_failure
from storage.subscriptions import SubscriptionInfo
from stories.language import ENGLISH

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
#: the job that delivers the digests a dead or stopped process left (``Digests.sweep``)
SWEEP_JOB = "digest-sweep"


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
        language: str = ENGLISH,
    ) -> None:
        self._sessions = sessions
        self._settings = settings
        self._senders = senders
        self._worker = worker
        self._now = now
        #: the readers' language, which words the digests (``stories.reader``)
        self._language = language
        default_at = due_times.parse_local_time(settings.default_time)
        default_zone = due_times.parse_zone(settings.timezone)
        if default_at is None or default_zone is None:
            raise ValueError(f"bad digest defaults {settings.default_time} {settings.timezone}")
        self._default = Schedule(default_at, default_zone)
        self._composer: tuple[datetime, Composer] | None = None
        self._lease = timedelta(minutes=settings.claim_lease_minutes)

    def composer(self, now: datetime) -> Composer:
        """The digests' shared work: one per run or due instant, renewed after ``SHARED_FOR``.

        A window ending before ``now`` is read once and is complete: articles are stored
        with the time they arrive, so none join it later.
        """
        if self._composer is None or not timedelta(0) <= now - self._composer[0] <= SHARED_FOR:
            composer = Composer(
                self._sessions,
                horizon=now,
                language=self._language,
                picture=self._settings.picture,
            )
            self._composer = (now, composer)
        return self._composer[1]

    def handles(self, subscription: SubscriptionInfo) -> bool:
        return subscription.platform in self._senders

    def schedule(self, subscription: SubscriptionInfo) -> Schedule:
        """The subscription's time and zone; the configured default for what it leaves out."""
        at = due_times.parse_local_time(subscription.local_time or "") or self._default.at
        zone = due_times.parse_zone(subscription.timezone or "") or self._default.zone
        return Schedule(at, zone)

    async def deliver(self, subscription_id: int) -> Outcome:
        """Send one chat's digest of the latest period due, unless sent, skipped or taken."""
        return (await self.deliver_many([subscription_id]))[subscription_id]

    async def deliver_many(self, subscription_ids: Sequence[int]) -> dict[int, Outcome]:
        """Each chat's digest of its latest period due, claimed and recorded in batches.

        Reads, claims and skips take one transaction for the lot; the digests are composed
        with shared work; the sends go out ``send_concurrency`` at a time, each batch marked
        ``sending`` in one transaction before its calls and finished in one after. A crash
        inside a batch leaves rows ``sending`` that may not have gone out: they are never sent
        again (never twice), and the chat's next digest covers their period, since it starts
        from the last digest recorded as sent.
        """
        async with self._sessions() as session:
            found = await subscriptions.subscriptions_by_ids(session, subscription_ids)
        outcomes = dict.fromkeys(subscription_ids, Outcome.NOT_OURS)
        return outcomes | await self._deliver([s for s in found if self.handles(s)])

    def _latest(
        self, found: Sequence[SubscriptionInfo], now: datetime
    ) -> dict[int, tuple[SubscriptionInfo, Due]]:
        """Each subscription's latest period due, unless it subscribed after that."""
        wanted: dict[int, tuple[SubscriptionInfo, Due]] = {}
        for subscription in found:
            schedule = self.schedule(subscription)
            due = due_times.latest_due(now, schedule.at, schedule.zone)
            if due.due_at >= subscription.created_at:
                wanted[subscription.id] = (subscription, due)
        return wanted

    async def _deliver(self, found: Sequence[SubscriptionInfo]) -> dict[int, Outcome]:
        """``deliver_many`` of subscriptions already read, all of this process's platforms."""
        async with self._sessions() as session:
            last_sent = await deliveries.last_sent_dues(session, [s.id for s in found])
        outcomes = dict.fromkeys((s.id for s in found), Outcome.NOT_OURS)
        now = self._now()
        wanted = self._latest(found, now)
        claims = await deliveries.claim_deliveries(
            self._sessions,
            {i: due for i, (_, due) in wanted.items()},
            self._worker,
            now,
            self._lease,
        )
        outcomes.update(dict.fromkeys(wanted.keys() - claims.keys(), Outcome.TAKEN))
        try:
            outcomes.update(await self._fulfil(wanted, claims, last_sent, now))
        except BaseException:
            # Stopped (SIGTERM cancels the job) or broken while building or sending: the
            # claims not yet ``sending`` go back at once, for another process's sweep or
            # this one's restart, instead of waiting out the lease. Rows already sending,
            # sent or skipped are not the claimant's to give back and stay as they are.
            await deliveries.release_claims(self._sessions, list(claims.values()), self._worker)
            raise
        return outcomes

    async def _fulfil(
        self,
        wanted: Mapping[int, tuple[SubscriptionInfo, Due]],
        claims: Mapping[int, int],
        last_sent: Mapping[int, datetime],
        now: datetime,
    ) -> dict[int, Outcome]:
        """Build, skip or send each claimed digest."""
        outcomes: dict[int, Outcome] = {}
        skips: dict[int, str] = {}
        failed: list[int] = []
        sends: list[_Send] = []
        composer = self.composer(now)
        grace = timedelta(hours=self._settings.grace_hours)
        for subscription_id, claim in claims.items():
            subscription, due = wanted[subscription_id]
            late = now - due.due_at
            if late > grace:
                note = f"missed: {late} late, beyond the grace of {self._settings.grace_hours} h"
                log.warning("digest %s for %s skipped: %s", due.period, subscription.chat_id, note)
                skips[claim] = note
                outcomes[subscription_id] = Outcome.MISSED
                continue
            since = digest_start(subscription, last_sent)
            try:
                digest, reply = await composer.compose(
                    subscription.keywords, since, due.due_at, self._settings.max_items
                )
            except Exception:
                log.exception("digest %s for %s failed to build", due.period, subscription.chat_id)
                failed.append(claim)
                outcomes[subscription_id] = Outcome.FAILED
                continue
            if not digest.items and not self._settings.send_empty:
                skips[claim] = "nothing new"
                outcomes[subscription_id] = Outcome.EMPTY
            else:
                sends.append(_Send(subscription, due, claim, reply))
        await deliveries.release_claims(self._sessions, failed, self._worker)
        await deliveries.skip_deliveries(self._sessions, skips, self._worker)
        step = max(1, self._settings.send_concurrency)
        for start in range(0, len(sends), step):
            outcomes.update(await self._send(sends[start : start + step]))
        return outcomes

    async def _send(self, batch: Sequence[_Send]) -> dict[int, Outcome]:
        """One batch: marked ``sending``, handed to the platforms at once, then recorded.

        Stopped while the platforms are called, the calls already made are not cut off
        (the platform may have the message): they are awaited and recorded before the stop
        goes on, so a digest that arrived is recorded as sent and covered only once.
        """
        begun = await deliveries.begin_sends(self._sessions, (s.claim for s in batch), self._worker)
        outcomes = {s.subscription.id: Outcome.TAKEN for s in batch if s.claim not in begun}
        going = [s for s in batch if s.claim in begun]
        calls = [
            asyncio.ensure_future(self._senders[s.subscription.platform](s.subscription, s.reply))
            for s in going
        ]
        try:
            await _all_done(calls)
        finally:
            await _all_done(calls)
            outcomes.update(await self._record(going, calls))
        return outcomes

    async def _record(
        self, going: Sequence[_Send], calls: Sequence[asyncio.Future[str]]
    ) -> dict[int, Outcome]:
        outcomes: dict[int, Outcome] = {}
        sent: dict[int, str] = {}
        errors: dict[int, str] = {}
        for send, call in zip(going, calls, strict=True):
            result = _result(call)
            if isinstance(result, BaseException):
                log.error(
                    "digest %s to %s failed",
                    send.due.period,
                    send.subscription.chat_id,
                    exc_info=result,
                )
                errors[send.claim] = repr(result)
                outcomes[send.subscription.id] = Outcome.FAILED
            else:
                sent[send.claim] = result
                outcomes[send.subscription.id] = Outcome.SENT
        await deliveries.finish_sends(self._sessions, sent, errors, self._worker, self._now())
        return outcomes

    async def catch_up(self) -> dict[int, Outcome]:
        """At start: each subscription's latest period, sent now if within the grace period.

        The run starts its own shared work, so it reads what is stored now.
        """
        self._composer = None
        async with self._sessions() as session:
            found = await subscriptions.all_subscriptions(session)
        return await self._deliver([s for s in found if self.handles(s)])

    async def sweep(self) -> dict[int, Outcome]:
        """Every minute: each chat's latest period that nobody holds is delivered now.

        That is a claim whose process died before sending, once its lease is over (a bot
        restarted by its supervisor within the lease finds it still held at start), or a
        claim given back (building failed, or the process was stopped while building). It
        is sent if within the grace period, else skipped and logged; a period claimed by a
        live process, being sent, sent or skipped is left alone. Only reads unless it finds
        one, so it costs a query per ``storage.db.IN_LIST`` chats.
        """
        async with self._sessions() as session:
            found = [s for s in await subscriptions.all_subscriptions(session) if self.handles(s)]
            now = self._now()
            wanted = {i: due for i, (_, due) in self._latest(found, now).items()}
            open_ = await deliveries.open_periods(session, wanted, now, self._lease)
        if not open_:
            return {}
        return await self._deliver([s for s in found if s.id in open_])

    async def deliver_due(self, schedule: Schedule) -> dict[int, Outcome]:
        """The digests of every chat on this schedule (the job of one time and zone)."""
        default = (self._default.at, self._default.zone.key)
        async with self._sessions() as session:
            found = await subscriptions.subscriptions_at(
                session, schedule.at, schedule.zone.key, default
            )
        return await self._deliver(
            [s for s in found if self.handles(s) and self.schedule(s).key == schedule.key]
        )


async def _all_done(calls: Sequence[asyncio.Future[str]]) -> None:
    if calls:
        await asyncio.wait(calls)


def _result(call: asyncio.Future[str]) -> str | BaseException:
    if call.cancelled():
        return asyncio.CancelledError()
    return call.exception() or call.result()


@dataclass(frozen=True, slots=True)
class _Send:
    subscription: SubscriptionInfo
    due: Due
    claim: int
    reply: Reply


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
            await record_poll_failure(session, source_id, error[:2000])

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
                f"Source #{source_id} {mask_url(url)} is paused after {failures} failures in a "
                f"row (last: {mask_urls_in(error or '')}). /sources resume {source_id} resumes it."
            )
            return None
        return self.delay(failures)


def _digest_job(key: tuple[str, str]) -> str:
    at, zone = key
    return f"digest:{at}@{zone}"


class BotScheduler:
    """Owns the AsyncIOScheduler: a cron job per schedule in use, a chain of polls per source."""

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
        self._digest_jobs: set[tuple[str, str]] = set()
        self._poll_jobs: set[int] = set()
        #: digest runs in progress, waited for by ``stop``
        self._digest_runs: set[asyncio.Task[Any]] = set()

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
        self.scheduler.add_job(
            self._sweep,
            "interval",
            seconds=self._settings.sync_seconds,
            id=SWEEP_JOB,
            replace_existing=True,
            coalesce=True,
        )
        self.scheduler.start()

    async def stop(self) -> None:
        """No job starts any more, and the digest runs in progress end before this returns.

        Shutting APScheduler down cancels the running jobs; a digest run cancelled gives
        back the claims it has not begun sending and lets the platform calls already made
        finish and be recorded (see ``Digests``). Waiting for that here is what lets the
        caller close the front ends and the database only afterwards.
        """
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        await asyncio.gather(*self._digest_runs, return_exceptions=True)

    async def _run_digests(self, work: Awaitable[object]) -> None:
        task = asyncio.current_task()
        runs = {task} if task is not None else set()
        self._digest_runs |= runs
        try:
            await work
        finally:
            self._digest_runs -= runs

    async def _deliver_due(self, schedule: Schedule) -> None:
        await self._run_digests(self._digests.deliver_due(schedule))

    async def _sweep(self) -> None:
        await self._run_digests(self._digests.sweep())

    async def sync(self) -> None:
        """Make the jobs match the subscriptions and sources in the database.

        One digest job per time and zone in use: at its instant it reads who is on that
        schedule then, so a chat that changed its time since the last sync is still right.
        """
        async with self._sessions() as session:
            found = [
                s
                for s in await subscriptions.all_subscriptions(session)
                if self._digests.handles(s)
            ]
            sources = await list_sources(session) if self._polls else []
        wanted = {schedule.key: schedule for schedule in map(self._digests.schedule, found)}
        for unused in self._digest_jobs - wanted.keys():
            self._remove(_digest_job(unused))
        for key in wanted.keys() - self._digest_jobs:
            self._add_digest(wanted[key])
        self._digest_jobs = set(wanted)
        active = {s.id for s in sources if not s.paused}
        for gone in self._poll_jobs - active:
            self._remove(f"poll:{gone}")
        for source_id in active - self._poll_jobs:
            self._add_poll(source_id, self._now())
        self._poll_jobs = active

    def _add_digest(self, schedule: Schedule) -> None:
        trigger = CronTrigger(
            hour=schedule.at.hour, minute=schedule.at.minute, timezone=schedule.zone
        )
        self.scheduler.add_job(
            self._deliver_due,
            trigger,
            args=[schedule],
            id=_digest_job(schedule.key),
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
