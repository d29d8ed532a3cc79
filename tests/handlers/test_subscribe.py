"""/subscribe, /unsubscribe, /digest and /sources over a real store; what a digest lists."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

import handlers.digest_reply
import stories.story_news
from bot.app import App, seed_if_empty
from handlers.command import Caller, ChatKind, Command
from handlers.digest_reply import Composer, compose
from handlers.dispatch import dispatch
from handlers.reply import Reply, Tone
from storage.digest_material import digest_articles
from storage.models import Article, Delivery, Source, Story
from storage.subscriptions import get_subscription
from stories.story_news import DetailKind, StoryMaterial, StoryNews, story_news
from tests.support.articles import MERGER, QUAKE, QUAKE_OTHER, raw, when
from tests.support.commands import text_of

CHAT = Caller(platform="telegram", chat_id="42", user_id="7", chat_kind=ChatKind.PRIVATE)
ADMIN = Caller(platform="telegram", chat_id="42", user_id="1", is_admin=True)
EARLIER = datetime(2026, 3, 3, 10, tzinfo=UTC)


async def ask(app: App, name: str, args: str = "", caller: Caller = CHAT) -> Reply:
    return await dispatch(Command(name, args, caller), app.context)


async def _age_everything(app: App, moment: datetime) -> None:
    """What is stored so far was stored at ``moment`` (the ingestor uses the wall clock)."""
    async with app.sessions() as session, session.begin():
        await session.execute(update(Article).values(ingested_at=moment))
        await session.execute(update(Story).values(created_at=moment, updated_at=moment))


async def test_subscribe_sets_changes_and_stops_the_digest(app: App) -> None:
    reply = await ask(app, "subscribe", "8:30 Europe/Vilnius Quake Peru")
    assert reply.tone is Tone.OK
    assert "08:30 (Europe/Vilnius), only stories that mention: quake, peru" in text_of(reply)
    again = await ask(app, "subscribe")
    assert "the default time (the default time zone)" in text_of(again)
    async with app.sessions() as session:
        subscription = await get_subscription(session, "telegram", "42")
    assert subscription is not None
    assert (subscription.local_time, subscription.timezone, subscription.keywords) == (
        None,
        None,
        (),
    )
    assert (await ask(app, "unsubscribe")).title == "Daily digest stopped."
    assert (await ask(app, "unsubscribe")).tone is Tone.NOTICE


async def test_subscribe_refuses_bad_times_and_zones(app: App) -> None:
    assert (await ask(app, "subscribe", "25:00")).tone is Tone.ERROR
    bad_zone = await ask(app, "subscribe", "08:00 Europe/Atlantis")
    assert bad_zone.tone is Tone.ERROR
    assert "Europe/Atlantis" in bad_zone.title
    async with app.sessions() as session:
        assert await get_subscription(session, "telegram", "42") is None


async def test_digest_shows_without_marking_anything_sent(app: App) -> None:
    await app.ingestor.ingest([raw(QUAKE, outlet="Andina", published=when(3))])
    await ask(app, "subscribe", "08:00 UTC")
    reply = await ask(app, "digest")
    assert reply.title == "Digest: 1 new story, 0 updates"
    assert "Daily digest at 08:00 (UTC)." in (reply.footer or "")
    async with app.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Delivery)) == 0
    assert (await ask(app, "digest")).title == reply.title


async def test_a_digest_after_new_articles_lists_exactly_the_new_details(app: App) -> None:
    await app.ingestor.ingest([raw(QUAKE, outlet="Andina", published=when(3))])
    await _age_everything(app, EARLIER)
    await app.ingestor.ingest([raw(QUAKE_OTHER, outlet="Reuters", published=when(4))])
    digest, reply = await compose(app.sessions, [], EARLIER + timedelta(hours=1), datetime.now(UTC))
    (news,) = digest.items
    assert not news.is_new
    assert [a.outlet for a in news.new_articles] == ["Reuters"]
    # 14 dead, 35 km, 60 days, Boluarte, Sanchez and his quote were all in the first report
    assert [(d.kind, d.text.split(" — ")[0]) for d in news.details] == [
        (DetailKind.FIGURE, "at least 16 people"),
        (DetailKind.FIGURE, "about 300 homes"),
    ]
    assert all([c.outlet for c in d.citations] == ["Reuters"] for d in news.details)
    conflicts = [line.text for s in reply.sections for line in s.lines if "Conflict" in line.text]
    assert any("230 (Andina) vs about 300 (Reuters)" in text for text in conflicts)


async def test_a_digest_shows_a_new_article_titled_with_its_dateline_by_its_lead(
    app: App,
) -> None:
    await app.ingestor.ingest([raw(QUAKE, outlet="Andina", published=when(3))])
    await _age_everything(app, EARLIER)
    stamp = "4 March 2026 Last updated at 09:12 GMT"
    await app.ingestor.ingest([raw(QUAKE_OTHER, title=stamp, outlet="Reuters", published=when(4))])
    digest, reply = await compose(app.sessions, [], EARLIER + timedelta(hours=1), datetime.now(UTC))
    (news,) = digest.items
    (article,) = news.new_articles
    assert article.title.startswith("At least 16 people were killed when a magnitude 6.8")
    assert stamp not in text_of(reply)


async def test_keywords_leave_unrelated_stories_out(app: App) -> None:
    await app.ingestor.ingest(
        [
            raw(QUAKE, outlet="Andina", published=when(3)),
            raw(MERGER, outlet="FT", published=when(3)),
        ]
    )
    now = datetime.now(UTC)
    everything, _ = await compose(app.sessions, [], now - timedelta(days=1), now)
    assert len(everything.items) == 2
    quake, reply = await compose(app.sessions, ["arequipa"], now - timedelta(days=1), now)
    assert [n.title for n in quake.items] == [
        n.title for n in everything.items if "quake" in n.title
    ]
    assert "Northwind" not in text_of(reply)
    nothing, empty = await compose(app.sessions, ["arequi"], now - timedelta(days=1), now)
    assert nothing.items == ()
    assert empty.tone is Tone.NOTICE


async def test_a_digest_is_capped_with_a_count_of_the_rest(app: App) -> None:
    await app.ingestor.ingest(
        [
            raw(QUAKE, outlet="Andina", published=when(3)),
            raw(MERGER, outlet="FT", published=when(3)),
        ]
    )
    now = datetime.now(UTC)
    digest, reply = await compose(app.sessions, [], now - timedelta(days=1), now, max_items=1)
    assert len(digest.items) == 1
    assert digest.more == 1
    assert (reply.footer or "").startswith("And 1 more story: /stories.")


async def test_sources_are_for_admins_only(app: App) -> None:
    for args in ("list", "add https://example.org/feed.xml", "remove 1"):
        reply = await ask(app, "sources", args)
        assert reply.tone is Tone.ERROR
        assert "Only the bot's admins" in reply.title


async def test_admins_add_list_and_remove_sources(app: App) -> None:
    assert (await ask(app, "sources", "list", ADMIN)).title == "No sources yet."
    added = await ask(app, "sources", "add https://example.org/feed.xml", ADMIN)
    assert added.title == "Added source #1."
    again = await ask(app, "sources", "add https://example.org/feed.xml", ADMIN)
    assert again.title == "Source #1 is already known."
    assert (await ask(app, "sources", "add ftp://example.org/x", ADMIN)).tone is Tone.ERROR
    listed = await ask(app, "sources", "list", ADMIN)
    assert listed.title == "Sources (1)"
    assert "#1 https://example.org/feed.xml — active, not polled yet" in text_of(listed)
    assert (await ask(app, "sources", "remove 1", ADMIN)).title == "Removed source #1."
    assert (await ask(app, "sources", "remove 1", ADMIN)).tone is Tone.ERROR
    assert (await ask(app, "sources", "frobnicate", ADMIN)).tone is Tone.ERROR


async def test_a_source_url_is_shown_without_its_credentials(app: App) -> None:
    """Replies go to the whole chat (Slack posts them in the channel): user info and
    secret-looking query values are masked there, and only the database keeps them."""
    url = "https://user:hunter2@feeds.example.org/private.xml?token=abc123&lang=en"
    shown = "https://***@feeds.example.org/private.xml?token=***&lang=en"
    added = await ask(app, "sources", f"add {url}", ADMIN)
    async with app.sessions() as session, session.begin():
        await session.execute(
            update(Source).values(failures=2, last_error=f"ConnectError('{url}')", paused=True)
        )
    listed = await ask(app, "sources", "list", ADMIN)
    resumed = await ask(app, "sources", "resume 1", ADMIN)

    for reply in (added, listed, resumed):
        everything = json.dumps(reply.to_dict())
        assert "hunter2" not in everything
        assert "abc123" not in everything
        assert shown in text_of(reply)
        assert [c.url for s in reply.sections for li in s.lines for c in li.citations] == [shown]
    assert f"ConnectError('{shown}')" in text_of(listed)
    assert resumed.title == "Resumed source #1."
    async with app.sessions() as session:
        source = await session.get(Source, 1)
    assert source is not None
    assert (source.url, source.paused, source.failures) == (url, False, 0)
    assert (await ask(app, "sources", "resume 2", ADMIN)).title == "There is no source #2."


async def test_an_id_too_large_for_the_database_names_no_source(app: App) -> None:
    """PostgreSQL refuses a parameter past 64 bits: the command used to fail "on our side"."""
    huge = "9" * 25
    for args in (f"remove {huge}", f"remove #{huge}"):
        reply = await ask(app, "sources", args, ADMIN)
        assert reply.title == f"There is no source #{huge}."


async def test_help_lists_the_new_commands(app: App) -> None:
    text = text_of(await ask(app, "help"))
    for command in ("/subscribe", "/unsubscribe", "/digest", "/sources"):
        assert command in text


async def test_one_composer_reads_and_compares_once_and_shares_whole_digests(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    await app.ingestor.ingest(
        [
            raw(QUAKE, outlet="Andina", published=when(3)),
            raw(MERGER, outlet="FT", published=when(3)),
        ]
    )
    reads = Counter[datetime]()
    compared = Counter[int]()

    async def counted_read(session: AsyncSession, since: datetime, until: datetime) -> Any:
        reads[since] += 1
        return await digest_articles(session, since, until)

    def counted_news(
        material: StoryMaterial, since: datetime, language: str | None = None
    ) -> StoryNews | None:
        compared[material.story_id] += 1
        return story_news(material, since, language)

    monkeypatch.setattr(handlers.digest_reply, "digest_articles", counted_read)
    monkeypatch.setattr(stories.story_news, "story_news", counted_news)
    now = datetime.now(UTC)
    since = now - timedelta(days=1)
    composer = Composer(app.sessions, horizon=now + timedelta(minutes=5))
    first = await composer.compose([], since, now)
    assert await composer.compose([], since, now) is first
    # nothing stored in between: a later window holds the same articles, one digest
    later = await composer.compose([], since, now + timedelta(minutes=1))
    assert later is first
    quake = await composer.compose(["Arequipa"], since, now)
    assert await composer.compose(["arequipa"], since, now) is quake
    assert reads == {since: 1}
    assert compared == {news.story_id: 1 for news in first[0].items}
    # the same as each digest composed alone
    assert first == await compose(app.sessions, [], since, now)
    assert later == await compose(app.sessions, [], since, now + timedelta(minutes=1))
    assert quake == await compose(app.sessions, ["arequipa"], since, now)
    assert [n.title for n in quake[0].items] == [
        n.title for n in first[0].items if "quake" in n.title
    ]


async def test_only_the_most_significant_stories_are_compared(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    await app.ingestor.ingest(
        [
            raw(QUAKE, outlet="Andina", published=when(3)),
            raw(MERGER, outlet="FT", published=when(3)),
        ]
    )
    compared: list[str] = []

    def counted_news(
        material: StoryMaterial, since: datetime, language: str | None = None
    ) -> StoryNews | None:
        compared.append(material.title)
        return story_news(material, since, language)

    monkeypatch.setattr(stories.story_news, "story_news", counted_news)
    since = datetime.now(UTC) - timedelta(days=1)
    # two stories told by one outlet each, room for one: only the one shown is compared
    digest, _ = await compose(app.sessions, [], since, datetime.now(UTC), max_items=1)
    assert len(compared) == 1
    assert [n.title for n in digest.items] == compared
    assert digest.more == 1
    # the quake, now told by two outlets, outranks any story told by one: the merger is
    # counted, never compared
    await app.ingestor.ingest([raw(QUAKE_OTHER, outlet="Reuters", published=when(4))])
    compared.clear()
    digest, _ = await compose(app.sessions, [], since, datetime.now(UTC), max_items=1)
    assert [n.title for n in digest.items] == compared
    assert "quake" in compared[0]
    assert digest.items[0].new_outlets == ("Andina", "Reuters")
    assert digest.more == 1


async def test_the_seed_story_digest_leads_with_figures_and_keeps_sums_out(app: App) -> None:
    await seed_if_empty(app)
    now = datetime.now(UTC)
    digest, reply = await compose(app.sessions, [], now - timedelta(days=1), now)
    (news,) = digest.items
    assert news.is_new
    assert {"CNBC", "RksNews", "PUKMEDIA"} <= set(news.outlets)
    lines = [line.text for section in reply.sections for line in section.lines]
    differences = [text for text in lines if text.startswith(("Conflict:", "Differs:"))]
    # 1,227 vs "more than 1 000" vs "thousands" is a figure given differently, shown first;
    # 114 = 109 + 5 adds up, so it is no disagreement at all
    assert differences[0].startswith(
        "Differs: political prisoners still held: 1,227 (PUKMEDIA, CNBC); also given as"
        " more than 1 000"
    )
    assert not any("109" in text for text in differences)
    assert any("Bialatski" in text for text in differences)


async def test_a_shared_chat_digest_is_changed_by_its_admins_only(app: App) -> None:
    asked: list[str] = []

    def chat_admin(answer: bool) -> Callable[[], Awaitable[bool]]:
        async def check() -> bool:
            asked.append("asked")
            return answer

        return check

    member = Caller("telegram", "-5", "7", is_chat_admin=chat_admin(False))
    unknown = Caller("telegram", "-5", "8")
    chat_admin_caller = Caller("telegram", "-5", "9", is_chat_admin=chat_admin(True))
    for caller in (member, unknown):
        for name in ("subscribe", "unsubscribe"):
            reply = await ask(app, name, "08:00", caller)
            assert reply.tone is Tone.ERROR
            assert reply.title == "Only this chat's admins can change its daily digest."
    assert (await ask(app, "subscribe", "08:00", chat_admin_caller)).title == "Subscribed."
    assert (await ask(app, "subscribe", "09:00", ADMIN)).title == "Subscribed."
    assert len(asked) == 3
    assert (await ask(app, "subscribe", "10:00", CHAT)).title == "Subscribed."
    assert len(asked) == 3


async def test_digests_for_other_keywords_share_their_busiest_storys_picture(app: App) -> None:
    await app.ingestor.ingest(
        [
            raw(QUAKE, outlet="Andina", published=when(3)),
            raw(QUAKE_OTHER, outlet="Reuters", published=when(4)),
            raw(MERGER, outlet="FT", published=when(3)),
        ]
    )
    now = datetime.now(UTC)
    composer = Composer(app.sessions, language="en", picture=True)
    _, everything = await composer.compose([], now - timedelta(days=1), now)
    _, quake = await composer.compose(["arequipa"], now - timedelta(days=1), now)
    assert everything.picture is not None
    assert everything.picture.filename == "timeline-1.png"
    # drawn once, carried by both
    assert quake.picture is everything.picture
    _, merger = await composer.compose(["northwind"], now - timedelta(days=1), now)
    # a story of one article has no timeline
    assert merger.picture is None
