"""What is new in a story: the stories new since a moment, what changed in the others, and
the digests made of them.

Pure: the store's articles of a window (``DigestArticles``, read by
``storage.digest_material``) are cut into each story's articles stored before the last
digest (``old``) and since (``new``). A detail is new when no old article has it: a figure
(the same count of the same thing), a person (by surname key, so a new spelling of a known
person is not a new person), a quote (by wording, loosely). Conflicts come from the story's
comparison and are kept when a new article takes part in them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from rapidfuzz import fuzz

from stories.compare import DiffItem, diff_story
from stories.details import UniqueDetail
from stories.factfinder import stored_facts
from stories.facts import EntityKind
from stories.figures import NumberDiff, NumberDiffKind
from stories.headlines import (
    OPENING_CHARS,
    Candidate,
    headline_of,
    headlines_by_language,
)
from stories.language import ENGLISH
from stories.names import clean_name, resolve_people, surname_key
from stories.number_qualifiers import qualified_amount
from stories.reader import Headlines, reader_first, title_for
from stories.sentences import short
from stories.spellings import SpellingVariant
from stories.story_input import ArticleView, Citation
from stories.summarize import summarize

#: quotes at least this similar (0-100) are one quote in other words
SAME_QUOTE = 85
#: what a story's part of a digest shows at most: a digest is read at a glance, /diff
#: and /summary tell the rest
DETAILS_PER_STORY = 3
CONFLICTS_PER_STORY = 2
#: old articles (the latest) a story's new ones are compared with for conflicts: enough to
#: hear every current version, where comparing a long story's whole history costs seconds
CONFLICT_CONTEXT = 20
_WORD = re.compile(r"\w+")
_AGREED = (NumberDiffKind.AGREEMENT, NumberDiffKind.BREAKDOWN)


@dataclass(frozen=True, slots=True)
class NewArticle:
    article_id: int
    title: str
    outlet: str
    url: str | None
    is_copy: bool = False
    language: str | None = None


@dataclass(frozen=True, slots=True)
class StoryMaterial:
    """One story with activity since the last digest."""

    story_id: int
    title: str
    created_at: datetime
    outlets: tuple[str, ...]
    old: tuple[ArticleView, ...]
    new: tuple[ArticleView, ...]
    new_articles: tuple[NewArticle, ...]
    #: the story's headline in each language (``stories.reader``), for the reader's title
    headlines: Headlines = ()


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as a digest reads it from the store."""

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
    ``until``, read at once (``storage.digest_material``): the material of any window
    ``(since, u]`` with ``u <= until`` is cut from it without asking the database again,
    each article's facts parsed once. Windows with the same ``stored_by`` count hold the
    same articles, so they share one material.
    """

    def __init__(
        self,
        since: datetime,
        until: datetime,
        stories: dict[int, tuple[str, datetime]],
        rows: list[StoredArticle],
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

    def _view(self, row: StoredArticle) -> ArticleView:
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
        old: dict[int, list[StoredArticle]] = {i: [] for i in story_ids}
        new: dict[int, list[ArticleView]] = {i: [] for i in story_ids}
        titles: dict[int, list[NewArticle]] = {i: [] for i in story_ids}
        outlets: dict[int, dict[str, None]] = {i: {} for i in story_ids}
        originals: dict[int, list[tuple[str, Candidate]]] = {i: [] for i in story_ids}
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
                opening = row.body[:OPENING_CHARS]
                candidate = Candidate(row.title, opening, row.outlet, row.url)
                originals[row.story_id].append((row.language, candidate))
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
                headlines=headlines_by_language(originals[story_id]),
            )
            for story_id in story_ids
        ]


class DetailKind(StrEnum):
    FIGURE = "figure"
    PERSON = "person"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class NewDetail:
    kind: DetailKind
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class StoryNews:
    story_id: int
    title: str
    outlets: tuple[str, ...]
    is_new: bool
    #: the best-supported sentence, for a new story
    lead: Citation | None
    new_articles: tuple[NewArticle, ...]
    details: tuple[NewDetail, ...]
    conflicts: tuple[DiffItem, ...]
    more_details: int = 0

    @property
    def new_outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.outlet for a in self.new_articles))


@dataclass(frozen=True, slots=True)
class Digest:
    items: tuple[StoryNews, ...]
    #: stories left out by the cap
    more: int = 0


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _people(views: Iterable[ArticleView]) -> dict[str, list[tuple[str, str | None, Citation]]]:
    found: dict[str, list[tuple[str, str | None, Citation]]] = {}
    for view in views:
        for mention in view.facts.mentions:
            name = clean_name(mention.name)
            key = surname_key(name)
            if mention.kind is EntityKind.PERSON and " " in name and key:
                cite = Citation.of(view, mention.span)
                found.setdefault(key, []).append((name, mention.description, cite))
    return found


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers_in(text: str) -> set[float]:
    """Every figure written in digits: a figure the old text states is not new."""
    found = set()
    for match in _NUMBER.findall(text):
        plain = match.replace(",", "")
        try:
            found.add(float(plain))
        except ValueError:
            continue
    return found


class _Quotes:
    """Quotes already told, to recognise one told again in other words (``SAME_QUOTE``).

    Only quotes sharing half the words of the shorter one are compared: two quotes that
    ``partial_ratio`` finds alike always do, and a story's old articles hold hundreds.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = list(dict.fromkeys(texts))
        self._words = [frozenset(text.split()) for text in self._texts]
        self._by_word: dict[str, list[int]] = defaultdict(list)
        for index, words in enumerate(self._words):
            for word in words:
                self._by_word[word].append(index)

    def has(self, text: str) -> bool:
        words = frozenset(text.split())
        shared = Counter(i for word in words for i in self._by_word.get(word, ()))
        return any(
            2 * count >= min(len(words), len(self._words[index]))
            and fuzz.partial_ratio(text, self._texts[index]) >= SAME_QUOTE
            for index, count in shared.items()
        )


def new_details(
    old: Sequence[ArticleView], new: Sequence[ArticleView], language: str | None = None
) -> list[NewDetail]:
    """Figures, people and quotes the new articles have and the old ones do not.

    A detail several new articles give is worded as an article in the reader's ``language``
    words it, when one does; among details as widely reported, those worded in it come first.
    """
    language_of = {v.article_id: v.language for v in new}

    def own(citation: Citation) -> bool:
        return language is not None and language_of.get(citation.article_id) == language

    details: list[tuple[NewDetail, bool]] = []
    known_people = set(_people(old))
    for person, seen in _people(new).items():
        if person in known_people:
            continue
        told = [entry for entry in seen if own(entry[2])] or seen
        name = max((name for name, _, _ in told), key=len)
        described = next((d for _, d, _ in told if d), None)
        text = f"{name}, {described}" if described else name
        cited = _unique_outlets(c for *_, c in seen)
        details.append((NewDetail(DetailKind.PERSON, text, cited), told is not seen))
    known_figures = {f.value for v in old for f in v.facts.numbers}
    known_figures |= {value for v in old for value in numbers_in(v.body)}
    figures: dict[tuple[str, float], list[tuple[str, Citation]]] = {}
    for view in new:
        for fact in view.facts.numbers:
            if fact.value in known_figures or not fact.counted:
                continue
            amount = qualified_amount(fact.qualifier, fact.text, fact.value)
            text = f"{amount} {fact.counted} — {short(fact.span.sentence)}"
            key = (_words(fact.counted), fact.value)
            figures.setdefault(key, []).append((text, Citation.of(view, fact.span)))
    for seen_figures in figures.values():
        details.append(_worded(DetailKind.FIGURE, seen_figures, own))
    known_quotes = _Quotes(_words(q.text) for v in old for q in v.facts.quotes)
    quotes: list[tuple[str, list[tuple[str, Citation]]]] = []
    for view in new:
        for quote in view.facts.quotes:
            words = _words(quote.text)
            if known_quotes.has(words):
                continue
            text = f"{quote.speaker}: “{quote.text}”" if quote.speaker else f"“{quote.text}”"
            cite = Citation.of(view, quote.span)
            for seen_words, group in quotes:
                if fuzz.ratio(words, seen_words) >= SAME_QUOTE:
                    group.append((text, cite))
                    break
            else:
                quotes.append((words, [(text, cite)]))
    for _, group in quotes:
        details.append(_worded(DetailKind.QUOTE, group, own))
    details.sort(key=lambda pair: (-len(pair[0].citations), not pair[1]))
    return [detail for detail, _ in details]


def _worded(
    kind: DetailKind, told: list[tuple[str, Citation]], own: Callable[[Citation], bool]
) -> tuple[NewDetail, bool]:
    """A detail worded as the first article in the reader's language gives it, else as the
    first article; and whether that is in the reader's language."""
    text = next((text for text, cite in told if own(cite)), None)
    worded = text if text is not None else told[0][0]
    return NewDetail(kind, worded, _unique_outlets(c for _, c in told)), text is not None


def _unique_outlets(citations: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple({c.outlet: c for c in reversed(list(citations))}.values())[::-1]


def _conflict_rank(item: DiffItem) -> int:
    """Figures that disagree first, then figures given differently, names, quotes."""
    if isinstance(item, NumberDiff):
        return 0 if item.kind is NumberDiffKind.CONFLICT else 1
    return 2 if isinstance(item, SpellingVariant) else 3


def conflicts(
    views: Sequence[ArticleView], involving: set[int] | None, language: str | None = None
) -> list[DiffItem]:
    """The story's disagreements, those a new article takes part in when ``involving``,
    labelled for a reader of ``language`` (English by default).

    Figures all outlets agree on, or that add up to the same total, are no disagreement.
    """
    if len({v.outlet for v in views}) < 2:
        return []
    diff = diff_story(views, resolve_people(views), language or ENGLISH)
    found: list[DiffItem] = []
    for item in diff.ranked():
        if isinstance(item, UniqueDetail):
            continue
        if isinstance(item, NumberDiff) and item.kind in _AGREED:
            continue
        if involving is None or any(c.article_id in involving for c in item.citations):
            found.append(item)
    return sorted(found, key=_conflict_rank)


def story_news(
    material: StoryMaterial, since: datetime, language: str | None = None
) -> StoryNews | None:
    """What changed in one story since ``since``; None when nothing worth telling did.

    For a reader of ``language``, the title, the lead and the details are worded by the
    story's articles in it when it has any, and its new articles in it are listed first.
    """
    is_new = _is_new(material, since)
    views = [*material.old[-CONFLICT_CONTEXT:], *material.new]
    new_ids = {v.article_id for v in material.new}
    found = conflicts(views, None if is_new else new_ids, language)[:CONFLICTS_PER_STORY]
    details = [] if is_new else new_details(material.old, material.new, language)
    if not is_new and not material.new and not found:
        return None
    lead = None
    if is_new:
        lines = summarize(material.new, max_sentences=1, min_sentences=1, language=language)
        if lines:
            first = next(v for v in material.new if v.article_id == lines[0].article_ids[0])
            lead = Citation(first.article_id, first.outlet, lines[0].text)
    new_articles = material.new_articles
    title = material.title
    if language is not None:
        new_articles = tuple(reader_first(new_articles, lambda a: a.language, language))
        title = title_for(title, material.headlines, language)
    return StoryNews(
        story_id=material.story_id,
        title=title,
        outlets=material.outlets,
        is_new=is_new,
        lead=lead,
        new_articles=new_articles,
        details=tuple(details[:DETAILS_PER_STORY]),
        conflicts=tuple(found),
        more_details=max(0, len(details) - DETAILS_PER_STORY),
    )


def content_key(material: StoryMaterial) -> Hashable:
    """What a story's text and news are computed from; the article texts known by their ids."""
    return (
        material.story_id,
        material.title,
        material.created_at,
        material.outlets,
        material.new_articles,
        material.headlines,
        tuple(v.article_id for v in material.old),
        tuple(v.article_id for v in material.new),
    )


def has_news(material: StoryMaterial, since: datetime) -> bool:
    """Is ``story_news`` not None? Cheap: conflicts only count when a new article is in them."""
    return _is_new(material, since) or bool(material.new)


def _is_new(material: StoryMaterial, since: datetime) -> bool:
    """Is the story new in this window (as ``StoryNews.is_new`` will say)?"""
    return material.created_at > since or not material.old


def significance(material: StoryMaterial) -> tuple[int, int, int]:
    """More outlets reporting now first, then more new articles, then the newer story.

    Known from the articles alone, before any comparing: only the stories a digest shows
    are compared.
    """
    outlets = len({a.outlet for a in material.new_articles})
    return (-outlets, -len(material.new_articles), -material.story_id)


class StoryText:
    """A story's words, casefolded once, for any number of keyword filters."""

    def __init__(self, material: StoryMaterial) -> None:
        texts = [material.title, *(a.title for a in material.new_articles)]
        texts += [v.body for v in (*material.old, *material.new)]
        self.text = "\n".join(texts).casefold()
        self.words = frozenset(_WORD.findall(self.text))

    def mentions_any(self, keywords: Sequence[str]) -> bool:
        """Does the story mention one of the keywords (whole words, any case)? None: all do.

        A keyword of word characters only is a whole word exactly when it is one of the
        text's runs of word characters: a set lookup instead of a search of every body.
        """
        if not keywords:
            return True
        for keyword in (k.casefold() for k in keywords):
            if _WORD.fullmatch(keyword):
                if keyword in self.words:
                    return True
            elif re.search(rf"\b{re.escape(keyword)}\b", self.text):
                return True
        return False


class StoryCache:
    """Each story's text and news by what they are computed from, for any number of windows:
    a story unchanged from one window to the next is not read or compared again."""

    def __init__(self) -> None:
        self._texts: dict[Hashable, StoryText] = {}
        self._news: dict[tuple[datetime, str | None, Hashable], StoryNews | None] = {}

    def text(self, material: StoryMaterial) -> StoryText:
        key = content_key(material)
        found = self._texts.get(key)
        if found is None:
            found = self._texts[key] = StoryText(material)
        return found

    def news(
        self, material: StoryMaterial, since: datetime, language: str | None = None
    ) -> StoryNews | None:
        key = (since, language, content_key(material))
        if key not in self._news:
            self._news[key] = story_news(material, since, language)
        return self._news[key]


class StoryDigests:
    """The digests of one window ``(since, until]`` for any keywords, sharing the work.

    Each story's text and news are computed at most once, through ``cache`` (which may serve
    other windows too); its text is then looked up once per window. ``language`` is the
    reader's (see ``story_news``).
    """

    def __init__(
        self,
        materials: Sequence[StoryMaterial],
        since: datetime,
        cache: StoryCache | None = None,
        language: str | None = None,
    ) -> None:
        self._since = since
        self._language = language
        self._ranked = sorted((m for m in materials if has_news(m, since)), key=significance)
        self._cache = StoryCache() if cache is None else cache
        self._texts: dict[int, StoryText] = {}

    def _text(self, material: StoryMaterial) -> StoryText:
        found = self._texts.get(material.story_id)
        if found is None:
            found = self._texts[material.story_id] = self._cache.text(material)
        return found

    def digest(self, keywords: Sequence[str], max_items: int) -> Digest:
        """The digest for a chat: keyword-filtered, capped, new stories first.

        New stories and updates each get half of ``max_items`` when both have that many,
        the other kind filling what one leaves: a day of big updates does not hide every
        new story, nor the reverse. Within each kind the most significant come first, and
        only the stories shown are compared; the rest are counted (each has news: a new
        story, or new articles).
        """
        matching = self._ranked
        if keywords:
            matching = [m for m in matching if self._text(m).mentions_any(keywords)]
        new = [m for m in matching if _is_new(m, self._since)]
        updates = [m for m in matching if not _is_new(m, self._since)]
        room = max(0, max_items)
        take_new = min(len(new), max(room // 2, room - len(updates)))
        shown = [*new[:take_new], *updates[: room - take_new]]
        items = tuple(
            n for m in shown if (n := self._cache.news(m, self._since, self._language)) is not None
        )
        return Digest(items, len(matching) - len(shown))
