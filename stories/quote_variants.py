"""Quotes of one speaker about one thing, worded differently by outlets of one language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from stories.content import (
    Terms,
    coverage,
    dice,
    terms,
)
from stories.facts import Quote
from stories.language import ENGLISH
from stories.names import Person, clean_name, same_person
from stories.story_input import ArticleView, Citation

QUOTE_LINK = 0.4
"""Weighted Dice overlap at which two quotes of one speaker say the same thing."""
QUOTE_CONTAINED = 0.8
QUOTE_MIN_TERMS = 3
LOOSE_QUOTE_WEIGHT = 1.5
"""Leftover quotes of one speaker pair up on a shared term at least this rare."""


@dataclass(frozen=True, slots=True)
class QuoteVersion:
    text: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    speaker: str
    versions: tuple[QuoteVersion, ...]
    position: float

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(v.citation for v in self.versions)


@dataclass(frozen=True, slots=True)
class _Said:
    view: ArticleView
    quote: Quote
    speaker: str
    terms: Terms


def _speaker(name: str, people: Sequence[Person]) -> str:
    """The canonical name of a quote's speaker, or the speaker as written."""
    cleaned = clean_name(name)
    for person in people:
        if any(same_person(cleaned, spelling) for spelling in person.spellings):
            return person.name
    return cleaned


def _normalised(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def _quotes_match(a: _Said, b: _Said) -> bool:
    if dice(a.terms, b.terms) >= QUOTE_LINK:
        return True
    shorter, longer = (a, b) if len(a.terms) <= len(b.terms) else (b, a)
    return len(shorter.terms) >= QUOTE_MIN_TERMS and (
        coverage(shorter.terms, longer.terms) >= QUOTE_CONTAINED
    )


def _loose_pairs(left: list[_Said]) -> list[list[_Said]]:
    """Leftover quotes of one speaker in two outlets that are each other's best match.

    They must share a rare term: two outlets quoting one speaker on one subject.
    """

    def shared(a: _Said, b: _Said) -> float:
        return sum(w for t, w in a.terms.items() if t in b.terms and w >= LOOSE_QUOTE_WEIGHT)

    def best(said: _Said) -> _Said | None:
        others = [o for o in left if o.view.outlet != said.view.outlet]
        top = max(others, key=lambda o: shared(said, o), default=None)
        return top if top is not None and shared(said, top) > 0 else None

    pairs = []
    for a in left:
        b = best(a)
        if b is not None and best(b) is a and id(a) < id(b):
            pairs.append([a, b])
    return pairs


def _quote_groups(said: list[_Said]) -> list[list[_Said]]:
    groups: list[list[_Said]] = []
    for item in said:
        for group in groups:
            other_outlets = all(m.view.outlet != item.view.outlet for m in group)
            if other_outlets and any(_quotes_match(item, m) for m in group):
                group.append(item)
                break
        else:
            groups.append([item])
    left = [g[0] for g in groups if len(g) == 1]
    return [g for g in groups if len(g) > 1] + _loose_pairs(left)


def _worded_differently(group: list[_Said]) -> bool:
    texts = [_normalised(s.quote.text) for s in group]
    return any(a not in b and b not in a for a, b in combinations(texts, 2))


def quote_variants(views: Sequence[ArticleView], people: Sequence[Person]) -> list[QuoteVariant]:
    by_speaker: dict[tuple[str, str], list[_Said]] = defaultdict(list)
    speakers: dict[str, str] = {}
    for view in views:
        for quote in view.facts.quotes:
            if quote.speaker and not quote.span.in_caption:
                if quote.speaker not in speakers:
                    speakers[quote.speaker] = _speaker(quote.speaker, people)
                speaker = speakers[quote.speaker]
                quoted = _Said(view, quote, speaker, terms(quote.text))
                # A quote in another language is a translation: always worded differently.
                by_speaker[(speaker, view.language or ENGLISH)].append(quoted)
    variants = []
    for (speaker, _), said in by_speaker.items():
        for group in _quote_groups(said):
            if len({s.view.outlet for s in group}) < 2 or not _worded_differently(group):
                continue
            group.sort(key=lambda s: s.view.article_id)
            versions = tuple(
                QuoteVersion(s.quote.text, Citation.of(s.view, s.quote.span)) for s in group
            )
            position = min(s.view.position(s.quote.span.start) for s in group)
            variants.append(QuoteVariant(speaker, versions, position))
    variants.sort(key=lambda v: (-len(v.versions), v.position))
    return variants
