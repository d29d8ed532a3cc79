"""The digest as a Reply: what /digest shows and what the scheduler sends."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from handlers.diff import cite, number_line, quote_lines, spelling_line
from handlers.fit import FRAME, Budget, Candidates, Item, heading_size, in_turns, units
from handlers.format import Sources, outlets_short, plural
from handlers.reply import Citation, Line, Picture, Reply, Section, Tone
from handlers.timeline import timeline_picture
from storage.db import SessionFactory
from storage.deliveries import last_sent_dues
from storage.digest_material import digest_articles
from storage.queries import story_by_id
from storage.subscriptions import SubscriptionInfo
from stories.compare import DiffItem
from stories.figures import NumberDiff, NumberDiffKind
from stories.language import ENGLISH
from stories.quote_variants import QuoteVariant
from stories.reader import foreign
from stories.sentences import short
from stories.spellings import SpellingVariant
from stories.story_input import Citation as Source
from stories.story_news import Digest, DigestArticles, StoryCache, StoryDigests, StoryNews

#: stories a digest lists when the caller does not say
MAX_ITEMS = 8
#: what a first digest covers
FIRST_PERIOD = timedelta(days=1)
#: lines a story's part of a digest has at most, its most telling change first
LINES_PER_STORY = 3
TITLE_CHARS = 90
LINE_CHARS = 200
#: versions of one disagreement (figures, spellings, wordings), and outlets cited per line
VERSIONS_SHOWN = 2
CITED = 2
#: where the rest of a digest is: every story by its id, and the stories not shown
MORE = "/summary <id> tells a story, /diff <id> where its outlets differ."
#: a window by what it holds: since, how far its articles were read, how many it has of them
WindowKey = tuple[datetime, datetime, int]


def _each_side(sides: Sequence[Sequence[Source]], limit: int = CITED) -> list[Source]:
    """Up to ``limit`` sources, taking from every side in turn: each version stays cited."""
    picked: list[Source] = []
    seen: set[str] = set()
    for turn in range(max((len(side) for side in sides), default=0)):
        for side in sides:
            if turn < len(side) and side[turn].outlet not in seen and len(picked) < limit:
                picked.append(side[turn])
                seen.add(side[turn].outlet)
    return picked


def _conflict_lines(item: DiffItem, sources: Sources) -> list[Line]:
    """A disagreement in a few lines: the main versions, each cited, the rest counted."""
    if isinstance(item, NumberDiff):
        shown = replace(item, values=item.values[:VERSIONS_SHOWN])
        line = number_line(shown, sources)
        sides = [v.citations for v in shown.values]
        more = len(item.values) - len(shown.values)
    elif isinstance(item, SpellingVariant):
        shown_spellings = replace(item, spellings=item.spellings[:VERSIONS_SHOWN])
        line = spelling_line(shown_spellings, sources)
        sides = [s.citations for s in shown_spellings.spellings]
        more = len(item.spellings) - len(shown_spellings.spellings)
    elif isinstance(item, QuoteVariant):
        return quote_lines(item, sources, VERSIONS_SHOWN)
    else:
        return []
    text = f"{line.text} (and {plural(more, 'other version')})" if more > 0 else line.text
    return [Line(text, cite(_each_side(sides), sources))]


def _conflicts(news: StoryNews, sources: Sources) -> list[Item]:
    items: list[Item] = []
    for item in news.conflicts:
        found = _conflict_lines(item, sources)
        if not found:
            continue
        first, *rest = found
        disagree = isinstance(item, NumberDiff) and item.kind is NumberDiffKind.CONFLICT
        label = "Conflict" if disagree else "Differs"
        items.append((Line(f"{label}: {first.text}", first.citations), *rest))
    return items


def _articles_line(news: StoryNews, sources: Sources) -> Line:
    """The first new article, linked, and how many more there are (/articles lists them)."""
    originals = [a for a in news.new_articles if not a.is_copy] or list(news.new_articles)
    first = originals[0]
    more = len(news.new_articles) - 1
    also = f" (and {plural(more, 'more article')}: /articles {news.story_id})" if more else ""
    language = foreign(first.language, sources.reader)
    citation = Citation(first.outlet, first.url, first.article_id, language)
    return Line(f"{short(first.title, LINE_CHARS)}{also}", (citation,))


def _entry(news: StoryNews, sources: Sources) -> Candidates:
    """A story's part of a digest: a heading saying what it is, then its lines, most telling
    first. A new story leads with its best-supported sentence; an update with what changed
    (a disagreement, a new figure, person or quote), its new articles last."""
    title = short(news.title, TITLE_CHARS)
    items: list[Item] = []
    if news.is_new:
        heading = f"New: #{news.story_id} {title} ({outlets_short(news.outlets)})"
        if news.lead is not None:
            lead = Line(short(news.lead.sentence, LINE_CHARS), cite([news.lead], sources))
            items.append((lead,))
        items += _conflicts(news, sources)
    else:
        count = plural(len(news.new_articles), "new article")
        heading = f"Update: #{news.story_id} {title} ({count}, {outlets_short(news.new_outlets)})"
        items += _conflicts(news, sources)
        for detail in news.details:
            text = short(f"New {detail.kind.value}: {detail.text}", LINE_CHARS)
            items.append((Line(text, cite(_each_side([detail.citations]), sources)),))
        if news.new_articles:
            items.append((_articles_line(news, sources),))
    return Candidates(heading, items[:LINES_PER_STORY])


def digest_reply(digest: Digest, sources: Sources, since: datetime) -> Reply:
    """The digest in one chat message: each story's heading and its most telling lines,
    taken in turns (every story's first line, then every story's second...) while they fit
    (``handlers.fit``); a story with no room left is counted at the end with the stories the
    digest's cap left out, one command away."""
    if not digest.items:
        return Reply("Nothing new since the last digest.", tone=Tone.NOTICE)
    new = sum(1 for news in digest.items if news.is_new)
    title = f"Digest: {plural(new, 'new story', 'new stories')}, " + plural(
        len(digest.items) - new, "update"
    )
    since_text = f"Since {since:%Y-%m-%d %H:%M} UTC."
    budget = Budget()
    # the footer's longest form: the stories left out counted, and where they are
    budget.spend(units(title) + units(f"And 99 more stories: /stories. {since_text} {MORE}"))
    budget.spend(FRAME)
    entries = [_entry(news, sources) for news in digest.items]
    sections = []
    for entry, items in zip(entries, in_turns(budget, entries, LINES_PER_STORY), strict=True):
        # a story none of whose lines fit is still named when its heading does
        if items or budget.take(extra=heading_size(entry.heading)):
            sections.append(Section(entry.heading, tuple(line for item in items for line in item)))
    left = digest.more + len(entries) - len(sections)
    footer = f"{since_text} {MORE}"
    if left:
        footer = f"And {plural(left, 'more story', 'more stories')}: /stories. {footer}"
    return Reply(title, tuple(sections), footer=footer)


def digest_start(subscription: SubscriptionInfo, last_sent: Mapping[int, datetime]) -> datetime:
    """Where the chat's next digest starts: when its last one sent fell due (``last_sent``
    by subscription, see ``last_sent_dues``); before the first, a day before it subscribed.

    Skipped periods (nothing new, or missed while the bot was down) and sends that may not
    have arrived do not move it, so the next digest sent covers them: nothing is lost.
    """
    return last_sent.get(subscription.id, subscription.created_at - FIRST_PERIOD)


async def digest_since(sessions: SessionFactory, subscription: SubscriptionInfo) -> datetime:
    """``digest_start`` of one chat, read from the database."""
    async with sessions() as session:
        return digest_start(subscription, await last_sent_dues(session, [subscription.id]))


@dataclass(frozen=True, slots=True)
class _Window:
    stories: StoryDigests
    sources: Sources


class Composer:
    """Digests of many chats at one time, each piece of work done once and shared.

    The articles after one ``since`` are read once (up to ``horizon``, or the latest
    ``until`` asked when later); windows holding the same articles (due at different times
    with nothing stored in between) are one window, its material cut once; each story's
    news is computed once (a story unchanged between windows is not compared again); and
    chats asking for the same window and keywords share one Digest and Reply. Meant for one
    run or one due instant: what is stored later than ``horizon`` is read only if asked for.
    Digests composed concurrently (jobs due at one instant) take turns, so the first does
    the work and the others reuse it. ``language`` is the readers' (``stories.reader``).
    """

    def __init__(
        self,
        sessions: SessionFactory,
        horizon: datetime | None = None,
        language: str = ENGLISH,
        picture: bool = False,
    ) -> None:
        self._sessions = sessions
        self._horizon = horizon
        self._language = language
        self._picture = picture
        self._articles: dict[datetime, DigestArticles] = {}
        self._windows: dict[WindowKey, _Window] = {}
        self._stories = StoryCache()
        self._digests: dict[tuple[WindowKey, frozenset[str], int], tuple[Digest, Reply]] = {}
        #: timeline pictures by story: digests for other keywords often share a busiest story
        self._pictures: dict[int, Picture | None] = {}
        self._turn = asyncio.Lock()

    async def _read(self, since: datetime, until: datetime) -> DigestArticles:
        found = self._articles.get(since)
        if found is None or found.until < until:
            upto = max(until, self._horizon) if self._horizon is not None else until
            async with self._sessions() as session:
                found = self._articles[since] = await digest_articles(session, since, upto)
        return found

    def _window(self, articles: DigestArticles, until: datetime) -> tuple[WindowKey, _Window]:
        key = (articles.since, articles.until, articles.stored_by(until))
        window = self._windows.get(key)
        if window is None:
            materials = articles.material(until)
            sources = Sources.of((v for m in materials for v in (*m.old, *m.new)), self._language)
            window = self._windows[key] = _Window(
                StoryDigests(materials, articles.since, self._stories, self._language), sources
            )
        return key, window

    async def compose(
        self,
        keywords: Sequence[str],
        since: datetime,
        until: datetime,
        max_items: int = MAX_ITEMS,
    ) -> tuple[Digest, Reply]:
        """The digest of ``(since, until]`` for these keywords, and its Reply."""
        async with self._turn:
            key, window = self._window(await self._read(since, until), until)
            wanted = (key, frozenset(k.casefold() for k in keywords), max_items)
            found = self._digests.get(wanted)
            if found is None:
                digest = window.stories.digest(keywords, max_items)
                reply = digest_reply(digest, window.sources, since)
                if self._picture and digest.items:
                    reply = replace(reply, picture=await self._busiest_picture(digest))
                found = self._digests[wanted] = (digest, reply)
        return found

    async def _busiest_picture(self, digest: Digest) -> Picture | None:
        """The timeline of the story with the most new articles (the first among equals),
        drawn once per story however many digests carry it."""
        busiest = max(digest.items, key=lambda news: len(news.new_articles)).story_id
        if busiest not in self._pictures:
            async with self._sessions() as session:
                story = await story_by_id(session, busiest)
                drawn = (
                    None
                    if story is None
                    else await timeline_picture(session, story, self._language)
                )
            self._pictures[busiest] = drawn
        return self._pictures[busiest]


async def compose(
    sessions: SessionFactory,
    keywords: Sequence[str],
    since: datetime,
    until: datetime,
    max_items: int = MAX_ITEMS,
    language: str = ENGLISH,
    picture: bool = False,
) -> tuple[Digest, Reply]:
    """The digest of ``(since, until]`` for these keywords, and its Reply, alone; with the
    timeline picture of its busiest story when ``picture``."""
    composer = Composer(sessions, language=language, picture=picture)
    return await composer.compose(keywords, since, until, max_items)
