"""Typed facts extracted from one article; each keeps its sentence and character span.

Spans index into the article's ``body`` (``Article.body``), or into its captions joined by
newlines when ``in_caption`` is true, so that any reply line can quote and cite its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    sentence: str
    in_caption: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity as written, with the description the outlet gives it, if any.

    ``name`` is the fullest form found in this article for the entity (``Maria Kalesnikava``
    even where the sentence says ``Kalesnikava``); ``surface`` is what this sentence says.
    """

    name: str
    surface: str
    kind: EntityKind
    span: Span
    description: str | None = None


class Qualifier(StrEnum):
    EXACT = "exact"
    MORE_THAN = "more than"
    LESS_THAN = "less than"
    ABOUT = "about"
    UP_TO = "up to"
    AT_LEAST = "at least"
    VAGUE = "vague"  # "thousands", "dozens": an order of magnitude, not a figure
    ALMOST = "almost"  # "nearly 6,400", "knapp acht", "почти 7": just under, never above


@dataclass(frozen=True, slots=True)
class NumberFact:
    """A quantity with what it counts: ``more than 1,000`` political prisoners remain.

    ``value`` is the number (``low`` to ``high`` for ranges and alternatives such as
    ``1,300 or 1,400``; both equal ``value`` otherwise). ``counted`` is the thing counted
    (a noun phrase: ``political prisoners``); ``context`` is the predicate around it
    (``remain in Belarusian prisons``, ``taken to Ukraine``), used to tell apart numbers of
    the same thing in different roles. Years and dates are not NumberFacts.

    Its place in the story (``stories.number_roles``): ``background`` holds the words that date
    it before the reported event ("in September", "2020", "previously"), else None; ``part``
    is set when it is written as a part of a group ("114 of them"); ``holder`` names the
    person a duration or age belongs to ("sentenced to 10 years"); ``restates`` is set when it
    gives the figure before it in another currency or unit, in brackets ("$US1 million ($1.52
    million)"): it may agree with another outlet's conversion but differs from no figure.
    What it counts as a concept that reads alike in any words and language (the dead, the
    freed...) and the countries of its clause are read from its sentence when figures are
    compared (``stories.number_concepts``), so stored facts need no field for them.
    """

    text: str
    value: float
    low: float
    high: float
    qualifier: Qualifier
    counted: str
    context: str
    span: Span
    background: str | None = None
    part: bool = False
    holder: str | None = None
    restates: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date the article gives for the event, resolved against its publication date."""

    day: date
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    mentions: tuple[Mention, ...] = ()
    numbers: tuple[NumberFact, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[EventDate, ...] = ()
