"""The scheduler with an injected clock: DST, restarts, crashes and two processes, no sleeping."""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from apscheduler.job import Job
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

import handlers.digest_reply
import stories.story_news
from bot.app import App
from bot.config import DigestSettings, PollSettings
from bot.schedule import SWEEP_JOB, BotScheduler, Digests, Outcome, Polls, Schedule
from handlers.reply import Reply
from storage import deliveries, digest_material, due_times, subscriptions
from storage.db import open_database
from storage.deliveries import State
from storage.models import Article, Delivery, Source, Story
from storage.sources import add_source
from storage.subscriptions import SubscriptionInfo
from stories.story_news import StoryMaterial, StoryNews, story_news
from tests.support.articles import MERGER, QUAKE, QUAKE_OTHER, raw, utc, when
from tests.support.deliveries import delivery_of

SETTINGS = DigestSettings(timezone="Europe/Vilnius")


@dataclass
class Clock:
    at: datetime

    def __call__(self) -> datetime:
        return self.at


@dataclass
class Outbox:
    sent: list[tuple[str, str]] = field(default_factory=list)

    async def __call__(self, subscription: SubscriptionInfo, reply: Reply) -> str:
        await asyncio.sleep(0)  # let a competing process run in between
        self.sent.append((subscription.chat_id, reply.title))
        return f"m{len(self.sent)}"


async def _with_news(app: App, stored: datetime) -> None:
    await app.ingestor.ingest([raw(QUAKE, outlet="Andina", published=when(3))])
    async with app.sessions() as session, session.begin():
        await session.execute(update(Article).values(ingested_at=stored))
        await session.execute(update(Story).values(created_at=stored, updated_at=stored))


async def _subscribe(
    app: App,
    created: datetime = datetime(2026, 3, 1, tzinfo=UTC),
    at: str | None = "08:00",
    chat: str = "c1",
    keywords: tuple[str, ...] = (),
) -> SubscriptionInfo:
    async with app.sessions() as session, session.begin():
        return await subscriptions.upsert_subscription(
            session, "console", chat, local_time=at, timezone=None, keywords=keywords, now=created
        )


def _digests(app: App, clock: Clock, outbox: Outbox, worker: str = "w1") -> Digests:
    return Digests(app.sessions, SETTINGS, {"console": outbox}, worker, now=clock)


async def test_eight_in_vilnius_fires_at_the_right_instant_across_dst(app: App) -> None:
    await _subscribe(app, utc(2026, 3, 1), at=None)  # the default: 08:00 Europe/Vilnius
    clock = Clock(utc(2026, 3, 27, 12))
    digests = _digests(app, clock, Outbox())
    scheduler = BotScheduler(
        AsyncIOScheduler(timezone=UTC), app.sessions, digests, None, SETTINGS, now=clock
    )
    await scheduler.sync()
    (job,) = scheduler.scheduler.get_jobs()
    fires = []
    moment = clock.at
    for _ in range(3):
        moment = job.trigger.get_next_fire_time(None, moment + timedelta(seconds=1))
        fires.append(moment.astimezone(UTC))
    assert fires == [utc(2026, 3, 28, 6), utc(2026, 3, 29, 5), utc(2026, 3, 30, 5)]
    autumn = job.trigger.get_next_fire_time(None, utc(2026, 10, 24, 12))
    assert autumn.astimezone(UTC) == utc(2026, 10, 25, 6)


async def test_jobs_follow_the_subscriptions_in_the_database(app: App) -> None:
    clock = Clock(utc(2026, 3, 27, 12))
    digests = _digests(app, clock, Outbox())
    scheduler = BotScheduler(
        AsyncIOScheduler(timezone=UTC), app.sessions, digests, None, SETTINGS, now=clock
    )
    await scheduler.sync()
    assert scheduler.scheduler.get_jobs() == []
    await _subscribe(app, clock.at)
    await scheduler.sync()
    assert [job.id for job in scheduler.scheduler.get_jobs()] == ["digest:08:00@Europe/Vilnius"]
    async with app.sessions() as session, session.begin():
        await subscriptions.remove_subscription(session, "console", "c1")
    await scheduler.sync()
    assert scheduler.scheduler.get_jobs() == []


async def test_a_digest_missed_while_down_is_sent_once_at_start(app: App) -> None:
    await _subscribe(app, utc(2026, 3, 1))
    await _with_news(app, utc(2026, 3, 28, 1))
    clock = Clock(utc(2026, 3, 28, 9))  # due 06:00 UTC, three hours ago: within the grace
    outbox = Outbox()
    assert await _digests(app, clock, outbox).catch_up() == {1: Outcome.SENT}
    restarted = _digests(app, clock, outbox, worker="w2")
    assert await restarted.catch_up() == {1: Outcome.TAKEN}
    assert outbox.sent == [("c1", "Digest: 1 new story, 0 updates")]
    async with app.sessions() as session:
        row = await delivery_of(session, 1, "2026-03-28")
    assert (row.state, row.message_id, row.due_at) == (State.SENT, "m1", utc(2026, 3, 28, 6))


async def test_a_digest_missed_beyond_the_grace_is_skipped_and_logged(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    await _subscribe(app, utc(2026, 3, 1))
    await _with_news(app, utc(2026, 3, 28, 1))
    clock = Clock(utc(2026, 3, 28, 13))  # seven hours late
    outbox = Outbox()
    with caplog.at_level(logging.WARNING):
        assert await _digests(app, clock, outbox).catch_up() == {1: Outcome.MISSED}
    assert "skipped: missed" in caplog.text
    assert outbox.sent == []
    # nothing is lost: the next day's digest covers the missed day too
    clock.at = utc(2026, 3, 29, 5)
    assert await _digests(app, clock, outbox).deliver(1) == Outcome.SENT
    assert outbox.sent == [("c1", "Digest: 1 new story, 0 updates")]


async def test_a_day_without_news_sends_nothing_unless_configured(app: App) -> None:
    await _subscribe(app, utc(2026, 3, 1))
    clock = Clock(utc(2026, 3, 28, 6))
    outbox = Outbox()
    assert await _digests(app, clock, outbox).deliver(1) == Outcome.EMPTY
    clock.at = utc(2026, 3, 29, 5)
    chatty = Digests(
        app.sessions,
        DigestSettings(timezone="Europe/Vilnius", send_empty=True),
        {"console": outbox},
        "w1",
        now=clock,
    )
    assert await chatty.deliver(1) == Outcome.SENT
    assert outbox.sent == [("c1", "Nothing new since the last digest.")]


async def test_a_crash_between_claim_and_send_never_sends_twice(app: App) -> None:
    await _subscribe(app, utc(2026, 3, 1))
    await _with_news(app, utc(2026, 3, 28, 1))
    clock = Clock(utc(2026, 3, 28, 6))
    due = due_times.latest_due(clock.at, time(8), ZoneInfo("Europe/Vilnius"))
    lease = timedelta(minutes=SETTINGS.claim_lease_minutes)
    claims = await deliveries.claim_deliveries(app.sessions, {1: due}, "crashed", clock.at, lease)
    assert list(claims) == [1]
    outbox = Outbox()
    assert await _digests(app, clock, outbox, "w2").deliver(1) == Outcome.TAKEN
    # the claim was never used to send: after the lease, one other process sends it
    clock.at += lease * 2
    assert await _digests(app, clock, outbox, "w2").deliver(1) == Outcome.SENT
    assert await _digests(app, clock, outbox, "w3").deliver(1) == Outcome.TAKEN
    assert len(outbox.sent) == 1


async def test_a_send_lost_in_a_crash_is_never_retried_and_the_next_digest_covers_it(
    app: App,
) -> None:
    await _subscribe(app, utc(2026, 3, 1))
    await _with_news(app, utc(2026, 3, 28, 1))
    clock = Clock(utc(2026, 3, 28, 6))

    async def crash(subscription: SubscriptionInfo, reply: Reply) -> str:
        raise ConnectionError("the platform hung up")

    crashing = Digests(app.sessions, SETTINGS, {"console": crash}, "w1", now=clock)
    assert await crashing.deliver(1) == Outcome.FAILED
    outbox = Outbox()
    clock.at += timedelta(hours=1)
    assert await _digests(app, clock, outbox, "w2").deliver(1) == Outcome.TAKEN
    assert outbox.sent == []
    async with app.sessions() as session:
        row = await session.scalar(select(Delivery))
    assert row is not None
    assert row.state == State.SENDING
    assert "hung up" in (row.note or "")
    # the next day: nothing new was stored, but the lost day's story is told now
    clock.at = utc(2026, 3, 29, 5)
    assert await _digests(app, clock, outbox, "w2").deliver(1) == Outcome.SENT
    assert outbox.sent == [("c1", "Digest: 1 new story, 0 updates")]


async def test_two_processes_on_one_database_send_each_digest_once(
    app: App, database_url: str
) -> None:
    for chat in range(5):
        await _subscribe(app, chat=f"c{chat}")
    await _with_news(app, utc(2026, 3, 28, 1))
    other_engine, other_sessions = await open_database(database_url)
    outbox = Outbox()
    clock = Clock(utc(2026, 3, 28, 6))
    try:
        one = _digests(app, clock, outbox, "one")
        two = Digests(other_sessions, SETTINGS, {"console": outbox}, "two", now=clock)
        for day in (28, 29):
            clock.at = utc(2026, 3, day, 6)
            results = await asyncio.gather(
                one.catch_up(), two.catch_up(), one.catch_up(), two.catch_up()
            )
            sent = [o for result in results for o in result.values() if o is Outcome.SENT]
            empty = [o for result in results for o in result.values() if o is Outcome.EMPTY]
            assert len(sent) + len(empty) == 5
    finally:
        await other_engine.dispose()
    assert sorted(chat for chat, _ in outbox.sent) == [f"c{n}" for n in range(5)]
    async with app.sessions() as session:
        states = list(await session.scalars(select(Delivery.state)))
    assert sorted(states) == [State.SENT] * 5 + [State.SKIPPED] * 5


async def test_a_failing_source_backs_off_then_pauses_and_admins_hear_once(app: App) -> None:
    async with app.sessions() as session, session.begin():
        source, _ = await add_source(session, "https://example.org/feed.xml")
    told: list[str] = []
    polled: list[int] = []

    async def notify(text: str) -> None:
        told.append(text)

    async def broken(source_id: int, url: str) -> None:
        polled.append(source_id)
        raise ConnectionError("refused")

    clock = Clock(utc(2026, 3, 28, 6))
    settings = PollSettings(interval_minutes=30, jitter_seconds=0, max_failures=3)
    polls = Polls(app.sessions, settings, broken, notify, now=clock, rng=random.Random(1))
    waits = []
    for _ in range(3):
        waits.append(await polls.run(source.id))
        clock.at += timedelta(hours=3)
    assert waits == [timedelta(minutes=60), timedelta(minutes=120), None]
    assert await polls.run(source.id) is None
    assert len(polled) == 3
    assert len(told) == 1
    assert "paused after 3 failures" in told[0]
    async with app.sessions() as session:
        row = await session.get(Source, source.id)
    assert row is not None
    assert row.paused


async def test_the_paused_notice_masks_the_url_and_resumes_by_id(app: App) -> None:
    url = "https://reader:s3cret@example.org/feed.xml?api_key=k3y"
    async with app.sessions() as session, session.begin():
        source, _ = await add_source(session, url)
    told: list[str] = []

    async def notify(text: str) -> None:
        told.append(text)

    async def broken(source_id: int, polled: str) -> None:
        raise ConnectionError(f"cannot reach {polled}")

    settings = PollSettings(jitter_seconds=0, max_failures=1)
    polls = Polls(app.sessions, settings, broken, notify, now=Clock(utc(2026, 3, 28, 6)))
    assert await polls.run(source.id) is None

    assert told == [
        f"Source #{source.id} https://***@example.org/feed.xml?api_key=*** is paused after 1 "
        "failures in a row (last: ConnectionError('cannot reach "
        "https://***@example.org/feed.xml?api_key=***')). "
        f"/sources resume {source.id} resumes it."
    ]


async def test_a_poll_another_process_just_made_is_not_repeated(app: App) -> None:
    async with app.sessions() as session, session.begin():
        source, _ = await add_source(session, "https://example.org/feed.xml")
    polled: list[int] = []

    async def fine(source_id: int, url: str) -> None:
        polled.append(source_id)

    async def notify(text: str) -> None:
        raise AssertionError(text)

    clock = Clock(utc(2026, 3, 28, 6))
    settings = PollSettings(interval_minutes=30, jitter_seconds=30)
    first = Polls(app.sessions, settings, fine, notify, now=clock, rng=random.Random(1))
    second = Polls(app.sessions, settings, fine, notify, now=clock, rng=random.Random(2))
    wait = await first.run(source.id)
    assert wait is not None
    assert timedelta(minutes=29.5) <= wait <= timedelta(minutes=30.5)
    assert await second.run(source.id) is not None
    assert polled == [source.id]


async def test_digests_due_together_read_and_compare_once(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    for chat, keywords in (("c0", ()), ("c1", ()), ("c2", ("arequipa",)), ("c3", ("zanzibar",))):
        await _subscribe(app, chat=chat, keywords=keywords)
    await _with_news(app, utc(2026, 3, 28, 1))
    reads: list[tuple[datetime, datetime]] = []
    compared: list[int] = []

    async def counted_read(session: AsyncSession, since: datetime, until: datetime) -> Any:
        reads.append((since, until))
        return await digest_material.digest_articles(session, since, until)

    def counted_news(
        material: StoryMaterial, since: datetime, language: str | None = None
    ) -> StoryNews | None:
        compared.append(material.story_id)
        return story_news(material, since, language)

    monkeypatch.setattr(handlers.digest_reply, "digest_articles", counted_read)
    monkeypatch.setattr(stories.story_news, "story_news", counted_news)
    clock = Clock(utc(2026, 3, 28, 9))
    outbox = Outbox()
    outcomes = await _digests(app, clock, outbox).catch_up()
    assert sorted(outcomes.values()) == [Outcome.EMPTY] + [Outcome.SENT] * 3
    assert outbox.sent == [(f"c{n}", "Digest: 1 new story, 0 updates") for n in range(3)]
    first_since = utc(2026, 2, 28)
    assert (reads, compared) == ([(first_since, clock.at)], [1])
    # the next day, all due at once: what was stored since is read once per ``since``
    await app.ingestor.ingest([raw(MERGER, outlet="FT", published=when(4))])
    async with app.sessions() as session, session.begin():
        await session.execute(
            update(Article)
            .where(Article.ingested_at > utc(2026, 3, 28, 1))
            .values(ingested_at=utc(2026, 3, 28, 20))
        )
    reads.clear()
    clock.at = utc(2026, 3, 29, 5)
    digests = _digests(app, clock, outbox)
    delivered = await asyncio.gather(*map(digests.deliver, range(1, 5)))
    outcomes = dict(zip(range(1, 5), delivered, strict=True))
    assert outcomes == {1: Outcome.SENT, 2: Outcome.SENT, 3: Outcome.EMPTY, 4: Outcome.EMPTY}
    assert sorted(reads) == [(first_since, clock.at), (utc(2026, 3, 28, 6), clock.at)]
    assert sorted(outbox.sent[3:]) == [
        ("c0", "Digest: 1 new story, 0 updates"),
        ("c1", "Digest: 1 new story, 0 updates"),
    ]


async def _chats(app: App, times: dict[str, str | None]) -> None:
    for chat, at in times.items():
        await _subscribe(app, at=at, chat=chat)


async def test_a_schedules_job_sends_to_the_chats_on_it_now(app: App) -> None:
    await _chats(app, {"c0": None, "c1": "08:00", "c2": "09:00", "c3": "08:00"})
    await _with_news(app, utc(2026, 3, 28, 1))
    clock = Clock(utc(2026, 3, 28, 6))  # 08:00 in Vilnius
    outbox = Outbox()
    digests = _digests(app, clock, outbox)
    scheduler = BotScheduler(
        AsyncIOScheduler(timezone=UTC), app.sessions, digests, None, SETTINGS, now=clock
    )
    await scheduler.sync()
    assert sorted(job.id for job in scheduler.scheduler.get_jobs()) == [
        "digest:08:00@Europe/Vilnius",
        "digest:09:00@Europe/Vilnius",
    ]
    # c3 moves to 09:00 after the jobs were built: the 08:00 job no longer sends to it
    await _chats(app, {"c3": "09:00"})
    outcomes = await digests.deliver_due(Schedule(time(8), ZoneInfo("Europe/Vilnius")))
    assert outcomes == {1: Outcome.SENT, 2: Outcome.SENT}
    assert sorted(chat for chat, _ in outbox.sent) == ["c0", "c1"]


async def test_sends_go_out_in_batches_and_one_failure_spares_the_rest(app: App) -> None:
    await _chats(app, {f"c{n}": "08:00" for n in range(5)})
    await _with_news(app, utc(2026, 3, 28, 1))
    clock = Clock(utc(2026, 3, 28, 6))
    in_flight: list[int] = []
    busiest = 0
    sent: list[str] = []

    async def flaky(subscription: SubscriptionInfo, reply: Reply) -> str:
        nonlocal busiest
        in_flight.append(subscription.id)
        busiest = max(busiest, len(in_flight))
        await asyncio.sleep(0)
        in_flight.remove(subscription.id)
        if subscription.chat_id == "c2":
            raise ConnectionError("chat not found")
        sent.append(subscription.chat_id)
        return f"m-{subscription.chat_id}"

    settings = DigestSettings(timezone="Europe/Vilnius", send_concurrency=2)
    digests = Digests(app.sessions, settings, {"console": flaky}, "w1", now=clock)
    outcomes = await digests.catch_up()
    assert outcomes == {
        1: Outcome.SENT,
        2: Outcome.SENT,
        3: Outcome.FAILED,
        4: Outcome.SENT,
        5: Outcome.SENT,
    }
    assert busiest == 2
    assert sorted(sent) == ["c0", "c1", "c3", "c4"]
    async with app.sessions() as session:
        rows = {d.subscription_id: d for d in await session.scalars(select(Delivery))}
    assert {i: rows[i].state for i in rows} == {
        1: State.SENT,
        2: State.SENT,
        3: State.SENDING,
        4: State.SENT,
        5: State.SENT,
    }
    assert rows[1].message_id == "m-c0"
    assert "chat not found" in (rows[3].note or "")


LEASE = timedelta(minutes=SETTINGS.claim_lease_minutes)
#: 08:00 in Vilnius on 28 March 2026
EIGHT = utc(2026, 3, 28, 6)


async def _claim_and_die(app: App, chats: int = 1, at: datetime = EIGHT) -> None:
    """A process claims the chats' digests of 28 March at ``at`` and is killed before sending."""
    due = due_times.latest_due(at, time(8), ZoneInfo("Europe/Vilnius"))
    wanted = dict.fromkeys(range(1, chats + 1), due)
    claims = await deliveries.claim_deliveries(app.sessions, wanted, "dead", at, LEASE)
    assert sorted(claims) == list(wanted)


def _scheduler(sessions: Any, digests: Digests, clock: Clock) -> BotScheduler:
    return BotScheduler(AsyncIOScheduler(timezone=UTC), sessions, digests, None, SETTINGS, clock)


def _sweep_job(scheduler: BotScheduler) -> Job:
    """The periodic job, run by hand: the tests move the injected clock, not real time."""
    job = scheduler.scheduler.get_job(SWEEP_JOB)
    assert job is not None
    assert job.trigger.interval == timedelta(seconds=SETTINGS.sync_seconds)
    return job


async def test_a_claim_left_by_a_killed_process_is_sent_by_the_sweep_after_its_lease(
    app: App,
) -> None:
    await _subscribe(app)
    await _with_news(app, utc(2026, 3, 28, 1))
    await _claim_and_die(app)
    clock = Clock(EIGHT + timedelta(minutes=2))  # the supervisor restarts it within the lease
    outbox = Outbox()
    scheduler = _scheduler(app.sessions, _digests(app, clock, outbox, "restarted"), clock)
    await scheduler.start()
    try:
        sweep = _sweep_job(scheduler)
        assert outbox.sent == []  # the catch-up at start found the claim held
        clock.at = EIGHT + LEASE - timedelta(seconds=1)
        await sweep.func(*sweep.args)
        assert outbox.sent == []  # the dead owner's lease still runs
        clock.at = EIGHT + LEASE + timedelta(minutes=1)
        for _ in range(3):
            await sweep.func(*sweep.args)
            clock.at += timedelta(minutes=1)
    finally:
        await scheduler.stop()
    assert outbox.sent == [("c1", "Digest: 1 new story, 0 updates")]
    async with app.sessions() as session:
        row = await delivery_of(session, 1, "2026-03-28")
    assert (row.state, row.claimed_by, row.message_id) == (State.SENT, "restarted", "m1")


async def test_a_dead_claim_found_past_the_grace_is_skipped_and_logged_not_sent(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    await _subscribe(app)
    await _with_news(app, utc(2026, 3, 28, 1))
    await _claim_and_die(app)
    clock = Clock(EIGHT + timedelta(minutes=2))
    outbox = Outbox()
    scheduler = _scheduler(app.sessions, _digests(app, clock, outbox, "restarted"), clock)
    await scheduler.start()
    try:
        sweep = _sweep_job(scheduler)
        # the machine slept: the next sweep runs seven hours after the digest fell due
        clock.at = EIGHT + timedelta(hours=7)
        with caplog.at_level(logging.WARNING):
            await sweep.func(*sweep.args)
            await sweep.func(*sweep.args)
    finally:
        await scheduler.stop()
    assert outbox.sent == []
    assert caplog.text.count("digest 2026-03-28 for c1 skipped: missed") == 1
    async with app.sessions() as session:
        row = await delivery_of(session, 1, "2026-03-28")
    assert (row.state, row.claimed_by) == (State.SKIPPED, "restarted")
    assert "beyond the grace of 6.0 h" in (row.note or "")


async def test_two_schedulers_on_one_database_sweep_each_dead_claim_once(
    app: App, database_url: str
) -> None:
    for chat in range(5):
        await _subscribe(app, chat=f"c{chat}")
    await _with_news(app, utc(2026, 3, 28, 1))
    await _claim_and_die(app, chats=3)  # c3 and c4 were not reached before the kill
    other_engine, other_sessions = await open_database(database_url)
    clock = Clock(EIGHT + timedelta(minutes=1))
    outbox = Outbox()
    one = _scheduler(app.sessions, _digests(app, clock, outbox, "one"), clock)
    two = _scheduler(
        other_sessions,
        Digests(other_sessions, SETTINGS, {"console": outbox}, "two", now=clock),
        clock,
    )
    try:
        await asyncio.gather(one.start(), two.start())
        assert sorted(chat for chat, _ in outbox.sent) == ["c3", "c4"]
        sweeps = [_sweep_job(one), _sweep_job(two)] * 2
        for minute in range(9, 14):
            clock.at = EIGHT + timedelta(minutes=minute)
            await asyncio.gather(*(job.func(*job.args) for job in sweeps))
        # the 08:00 job fires late in both (a misfire within its grace): nothing more
        jobs = [s.scheduler.get_job("digest:08:00@Europe/Vilnius") for s in (one, two)]
        await asyncio.gather(*(job.func(*job.args) for job in jobs if job is not None))
        assert None not in jobs
    finally:
        await one.stop()
        await two.stop()
        await other_engine.dispose()
    assert sorted(chat for chat, _ in outbox.sent) == [f"c{n}" for n in range(5)]
    async with app.sessions() as session:
        states = list(await session.scalars(select(Delivery.state)))
    assert states == [State.SENT] * 5


async def test_a_digest_stopped_while_building_is_given_back_and_sent_once_later(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _subscribe(app)
    await _with_news(app, utc(2026, 3, 28, 1))
    building, never = asyncio.Event(), asyncio.Event()

    async def slow_read(session: AsyncSession, since: datetime, until: datetime) -> Any:
        building.set()
        await never.wait()  # a long composition, interrupted by SIGTERM
        return await digest_material.digest_articles(session, since, until)

    monkeypatch.setattr(handlers.digest_reply, "digest_articles", slow_read)
    clock = Clock(EIGHT)
    outbox = Outbox()
    job = asyncio.create_task(_digests(app, clock, outbox, "stopping").deliver(1))
    await building.wait()
    job.cancel()
    with pytest.raises(asyncio.CancelledError):
        await job
    monkeypatch.undo()
    async with app.sessions() as session:
        assert list(await session.scalars(select(Delivery))) == []
    # well within the lease, another process's sweep (or the restarted one) sends it
    clock.at += timedelta(minutes=1)
    assert await _digests(app, clock, outbox, "other").sweep() == {1: Outcome.SENT}
    assert await _digests(app, clock, outbox, "third").catch_up() == {1: Outcome.TAKEN}
    assert await _digests(app, clock, outbox, "third").sweep() == {}
    assert outbox.sent == [("c1", "Digest: 1 new story, 0 updates")]


async def test_a_stop_while_sending_finishes_the_calls_made_and_gives_back_the_rest(
    app: App,
) -> None:
    await _chats(app, {"c0": "08:00", "c1": "08:00"})
    await _with_news(app, utc(2026, 3, 28, 1))
    calling, answer = asyncio.Event(), asyncio.Event()
    delivered: list[str] = []

    async def slow(subscription: SubscriptionInfo, reply: Reply) -> str:
        calling.set()
        await answer.wait()
        delivered.append(subscription.chat_id)
        return f"m-{subscription.chat_id}"

    clock = Clock(EIGHT)
    one_at_a_time = DigestSettings(timezone="Europe/Vilnius", send_concurrency=1)
    stopping = Digests(app.sessions, one_at_a_time, {"console": slow}, "stopping", now=clock)
    job = asyncio.create_task(stopping.catch_up())
    await calling.wait()
    job.cancel()  # SIGTERM while c0's digest is with the platform, c1's still to go
    await asyncio.sleep(0)
    answer.set()
    with pytest.raises(asyncio.CancelledError):
        await job
    assert delivered == ["c0"]
    async with app.sessions() as session:
        rows = {d.subscription_id: d for d in await session.scalars(select(Delivery))}
    assert {i: (d.state, d.message_id) for i, d in rows.items()} == {1: (State.SENT, "m-c0")}
    outbox = Outbox()
    clock.at += timedelta(minutes=1)
    assert await _digests(app, clock, outbox, "other").sweep() == {2: Outcome.SENT}
    assert await _digests(app, clock, outbox, "third").catch_up() == {
        1: Outcome.TAKEN,
        2: Outcome.TAKEN,
    }
    assert outbox.sent == [("c1", "Digest: 1 new story, 0 updates")]


async def test_a_digest_carries_its_busiest_storys_timeline_when_configured(app: App) -> None:
    await _subscribe(app, utc(2026, 3, 1))
    await app.ingestor.ingest(
        [
            raw(QUAKE, outlet="Andina", published=when(3)),
            raw(QUAKE_OTHER, outlet="Reuters", published=when(4)),
            raw(MERGER, outlet="FT", published=when(3)),
        ]
    )
    stored = utc(2026, 3, 28, 1)
    async with app.sessions() as session, session.begin():
        await session.execute(update(Article).values(ingested_at=stored))
        await session.execute(update(Story).values(created_at=stored, updated_at=stored))
    sent: list[Reply] = []

    async def keep(subscription: SubscriptionInfo, reply: Reply) -> str:
        sent.append(reply)
        return "m1"

    clock = Clock(utc(2026, 3, 28, 9))
    for picture in (False, True):
        settings = DigestSettings(timezone="Europe/Vilnius", picture=picture)
        digests = Digests(app.sessions, settings, {"console": keep}, f"w-{picture}", now=clock)
        await digests.catch_up()
        async with app.sessions() as session, session.begin():
            await session.execute(delete(Delivery))
    plain, pictured = sent
    assert plain.picture is None
    assert pictured.picture is not None
    # the quake, told by two outlets, is the busiest story
    assert pictured.picture.filename == "timeline-1.png"
    assert pictured.sections == plain.sections
    assert app.context.digest_picture is False
