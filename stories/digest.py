"""What a digest tells: the stories new since a moment, and what changed in the others.

Pure: the caller hands in each story's articles split into those stored before the last
digest (``old``) and since (``new``). A detail is new when no old article has it: a figure
(the same count of the same thing), a person (by surname key, so a new spelling of a known
person is not a new person), a quote (by wording, loosely). Conflicts come from the story's
comparison and are kept when a new article takes part in them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from rapidfuzz import fuzz

from stories.compare import DiffItem, NumberDiff, NumberDiffKind, UniqueDetail, diff_story
from stories.facts import EntityKind, Qualifier
from stories.names import clean_name, resolve_people, surname_key
from stories.story_input import ArticleView, Citation
from stories.summarize import summarize

#: quotes at least this similar (0-100) are one quote in other words
SAME_QUOTE = 85
DETAILS_PER_STORY = 5
CONFLICTS_PER_STORY = 3


@dataclass(frozen=True, slots=True)
class NewArticle:
    article_id: int
    title: str
    outlet: str
    url: str | None
    is_copy: bool = False


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
    return " ".join(re.findall(r"\w+", text.casefold()))


def mentions_any(material: StoryMaterial, keywords: Sequence[str]) -> bool:
    """Does the story mention one of the keywords (whole words, any case)? None: all do."""
    if not keywords:
        return True
    patterns = [re.compile(rf"\b{re.escape(k.casefold())}\b") for k in keywords]
    texts = [material.title, *(a.title for a in material.new_articles)]
    texts += [v.body for v in (*material.old, *material.new)]
    return any(p.search(text.casefold()) for text in texts for p in patterns)


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


def short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def new_details(old: Sequence[ArticleView], new: Sequence[ArticleView]) -> list[NewDetail]:
    """Figures, people and quotes the new articles have and the old ones do not."""
    details: list[NewDetail] = []
    known_people = set(_people(old))
    for person, seen in _people(new).items():
        if person in known_people:
            continue
        name = max((name for name, _, _ in seen), key=len)
        described = next((d for _, d, _ in seen if d), None)
        text = f"{name}, {described}" if described else name
        details.append(NewDetail(DetailKind.PERSON, text, _unique_outlets(c for *_, c in seen)))
    known_figures = {f.value for v in old for f in v.facts.numbers}
    known_figures |= {value for v in old for value in numbers_in(v.body)}
    figures: dict[tuple[str, float], list[tuple[str, Citation]]] = {}
    for view in new:
        for fact in view.facts.numbers:
            if fact.value in known_figures or not fact.counted:
                continue
            qualified = fact.qualifier not in (Qualifier.EXACT, Qualifier.VAGUE)
            amount = f"{fact.qualifier.value} {fact.text}" if qualified else fact.text
            text = f"{amount} {fact.counted} — {short(fact.span.sentence)}"
            key = (_words(fact.counted), fact.value)
            figures.setdefault(key, []).append((text, Citation.of(view, fact.span)))
    for seen_figures in figures.values():
        details.append(
            NewDetail(
                DetailKind.FIGURE,
                seen_figures[0][0],
                _unique_outlets(c for _, c in seen_figures),
            )
        )
    known_quotes = [_words(q.text) for v in old for q in v.facts.quotes]
    quotes: list[tuple[str, list[tuple[str, Citation]]]] = []
    for view in new:
        for quote in view.facts.quotes:
            words = _words(quote.text)
            if any(fuzz.partial_ratio(words, k) >= SAME_QUOTE for k in known_quotes):
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
        details.append(
            NewDetail(DetailKind.QUOTE, group[0][0], _unique_outlets(c for _, c in group))
        )
    details.sort(key=lambda d: -len(d.citations))
    return details


def _unique_outlets(citations: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple({c.outlet: c for c in reversed(list(citations))}.values())[::-1]


def conflicts(views: Sequence[ArticleView], involving: set[int] | None) -> list[DiffItem]:
    """The story's disagreements, those a new article takes part in when ``involving``."""
    if len({v.outlet for v in views}) < 2:
        return []
    diff = diff_story(views, resolve_people(views))
    found: list[DiffItem] = []
    for item in diff.ranked():
        if isinstance(item, UniqueDetail):
            continue
        if isinstance(item, NumberDiff) and item.kind is NumberDiffKind.AGREEMENT:
            continue
        if involving is None or any(c.article_id in involving for c in item.citations):
            found.append(item)
    return found


def story_news(material: StoryMaterial, since: datetime) -> StoryNews | None:
    """What changed in one story since ``since``; None when nothing worth telling did."""
    is_new = material.created_at > since or not material.old
    views = [*material.old, *material.new]
    new_ids = {v.article_id for v in material.new}
    found = conflicts(views, None if is_new else new_ids)[:CONFLICTS_PER_STORY]
    details = [] if is_new else new_details(material.old, material.new)
    if not is_new and not material.new and not found:
        return None
    lead = None
    if is_new:
        lines = summarize(material.new, max_sentences=1, min_sentences=1)
        if lines:
            first = next(v for v in material.new if v.article_id in lines[0].article_ids)
            lead = Citation(first.article_id, first.outlet, lines[0].text)
    return StoryNews(
        story_id=material.story_id,
        title=material.title,
        outlets=material.outlets,
        is_new=is_new,
        lead=lead,
        new_articles=material.new_articles,
        details=tuple(details[:DETAILS_PER_STORY]),
        conflicts=tuple(found),
        more_details=max(0, len(details) - DETAILS_PER_STORY),
    )


def significance(news: StoryNews) -> tuple[int, int, int, int]:
    """More outlets reporting now first, then more that is new, new stories before updates."""
    return (
        -len(news.new_outlets),
        -(len(news.details) + news.more_details + len(news.conflicts)),
        0 if news.is_new else 1,
        -news.story_id,
    )


def build_digest(
    materials: Sequence[StoryMaterial],
    since: datetime,
    keywords: Sequence[str],
    max_items: int,
) -> Digest:
    """The digest for a chat: keyword-filtered, most significant first, capped."""
    found = [
        news
        for material in materials
        if mentions_any(material, keywords) and (news := story_news(material, since)) is not None
    ]
    found.sort(key=significance)
    return Digest(tuple(found[:max_items]), max(0, len(found) - max_items))
