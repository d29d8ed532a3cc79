"""The distinctive content of a sentence: names, numbers and rare words, weighted by rarity.

Shared by ``compare`` and ``summarize`` to decide whether another outlet "says the same":
two sentences share content when they share most of the weight of these terms. Names are
keyed by their transliteration skeleton (``Bialatski`` and ``Bialiatski`` are one term),
numbers by value (``nine`` and ``9``, ``1,000`` and ``1 000``), words by a light stem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from types import MappingProxyType

from stories.facts import NumberFact
from stories.features import stem, zipf
from stories.lexicon import CALENDAR
from stories.names import fold
from stories.sentences import Sentence, split_paragraph

NAME_PREFIX = "@"
NUMBER_PREFIX = "#"
STOP_ZIPF = 5.5
"""Lowercase words at least this common carry no content ("said", "people", "more")."""
NAME_AT_START_ZIPF = 4.5
"""A capitalised sentence-initial word rarer than this is taken as a name."""
NAME_WEIGHT = 3.0
NUMBER_WEIGHT = 3.0
YEAR_WEIGHT = 1.5
MAX_WORD_WEIGHT = 3.0
MIN_WORD_WEIGHT = 0.3
RARE_WORD_WEIGHT = 2.5
CALENDAR_WEIGHT = 1.0
"""Month and weekday names: when, not what (and years and days weigh as little)."""
ARTICLE_CACHE = 4096
"""Article bodies whose sentence terms are kept between calls."""
LEAD_SENTENCES = 15
"""An article's first sentences, cached on their own: a summary reads only those."""

_NUMBER_WORDS = {
    word: index
    for index, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:[,\u00a0 ]\d{3})+(?!\d)|\d+(?:\.\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*(?:[.-][^\W\d_]+)*)"
    r"|(?P<stop>[.!?;:\"“”()\[\]—–]+)"
)

Terms = Mapping[str, float]


@lru_cache(maxsize=100_000)
def _number_term(raw: str) -> tuple[str, float]:
    digits = re.sub(r"[,\u00a0 ]", "", raw)
    value = float(digits)
    label = digits if "." in digits else str(int(value))
    weight = YEAR_WEIGHT if "." not in digits and 1900 <= value <= 2100 else NUMBER_WEIGHT
    return NUMBER_PREFIX + label, weight


@lru_cache(maxsize=100_000)
def _word_term(word: str, at_start: bool) -> tuple[str, float] | None:
    lower = word.lower().replace("’", "'")
    if lower in _NUMBER_WORDS:
        return NUMBER_PREFIX + str(_NUMBER_WORDS[lower]), NUMBER_WEIGHT
    if lower in CALENDAR:
        return lower, CALENDAR_WEIGHT
    capitalised = word[0].isupper() and len(word) > 1
    if capitalised and (not at_start or zipf(lower) < NAME_AT_START_ZIPF):
        key = fold(lower.removesuffix("'s"))
        return (NAME_PREFIX + key, NAME_WEIGHT) if key else None
    frequency = zipf(lower)
    if frequency >= STOP_ZIPF or len(lower) < 3:
        return None
    root = stem(lower)
    frequency = max(frequency, zipf(root))
    weight = min(MAX_WORD_WEIGHT, max(MIN_WORD_WEIGHT, 6.5 - frequency))
    return root, weight


def terms(text: str) -> dict[str, float]:
    """The content terms of a text with their weights (a term counts once)."""
    return {term: w for term, (w, _) in terms_as_written(text).items()}


def terms_as_written(text: str) -> dict[str, tuple[float, str]]:
    """The content terms of a text, each with its weight and its first form in the text."""
    found: dict[str, tuple[float, str]] = {}
    at_start = True
    after_month = False
    for number, word, _stop in _TOKEN.findall(text):
        if word:
            term = _word_term(word, at_start)
            at_start = False
            if term is None:
                after_month = False
                continue
            after_month = term[0] in CALENDAR
        elif number:
            term = _number_term(number)
            if after_month:
                term = (term[0], YEAR_WEIGHT)
            at_start = after_month = False
        else:
            at_start = True
            continue
        if term[0] not in found:
            found[term[0]] = (term[1], number or word)
    return found


@dataclass(frozen=True, slots=True)
class SentenceTerms:
    """A sentence with its terms: ``bag`` as ``terms`` gives it, ``written`` as written."""

    sentence: Sentence
    bag: Mapping[str, float]
    written: Mapping[str, tuple[float, str]]


def _with_terms(sentence: Sentence) -> SentenceTerms:
    written = terms_as_written(sentence.text)
    bag = {term: w for term, (w, _) in written.items()}
    return SentenceTerms(sentence, MappingProxyType(bag), MappingProxyType(written))


@lru_cache(maxsize=ARTICLE_CACHE)
def lead_terms(body: str) -> tuple[SentenceTerms, ...]:
    """The first ``LEAD_SENTENCES`` sentences of a body with their terms, cached."""
    return tuple(_with_terms(s) for s in islice(_sentences(body), LEAD_SENTENCES))


@lru_cache(maxsize=ARTICLE_CACHE)
def article_terms(body: str) -> tuple[SentenceTerms, ...]:
    """Every sentence of a body with its terms, cached: a story is compared again and again.

    The first sentences come from ``lead_terms``, so a summary and a comparison of one
    article share that work.
    """
    lead = lead_terms(body)
    rest = islice(_sentences(body), len(lead), None)
    return lead + tuple(_with_terms(s) for s in rest)


def weight(bag: Terms) -> float:
    return sum(bag.values())


def coverage(bag: Terms, other: Iterable[str] | Mapping[str, float]) -> float:
    """The share of ``bag``'s weight that ``other`` also has (0 for an empty bag)."""
    total = weight(bag)
    if total == 0:
        return 0.0
    keys = other if isinstance(other, Mapping | set | frozenset) else set(other)
    return sum(bag[term] for term in bag.keys() & keys) / total


def covered(bag: Terms, others: Iterable[Set[str]], share: float) -> bool:
    """Whether ``coverage(bag, other) >= share`` for one of ``others`` (``share`` > 0).

    Stops at the first such one; the bag's weight is summed once for all of them.
    """
    total = weight(bag)
    if total == 0:
        return False
    keys = bag.keys()
    return any(sum(bag[term] for term in keys & other) / total >= share for other in others)


def dice(a: Terms, b: Terms) -> float:
    """Weighted Dice overlap of two bags: the shared weight over the mean weight."""
    return weighed_dice(a, weight(a), b, weight(b))


def weighed_dice(a: Terms, weight_a: float, b: Terms, weight_b: float) -> float:
    """``dice`` of two bags whose weights are known (bags compared again and again)."""
    total = weight_a + weight_b
    if total == 0 or a.keys().isdisjoint(b.keys()):
        return 0.0
    shared = sum(w for term, w in a.items() if term in b) + sum(
        w for term, w in b.items() if term in a
    )
    return shared / total


def figure_terms(numbers: Iterable[NumberFact]) -> set[str]:
    """The exact figures an article's facts give, as terms: a figure written in words of any
    language ("девять", "neun") is the term of its digits."""
    return {
        NUMBER_PREFIX + (str(int(n.value)) if n.value == int(n.value) else str(n.value))
        for n in numbers
        if n.low == n.high
    }


def is_distinctive(term: str, term_weight: float) -> bool:
    """A name, a number, or a rare word: what makes a detail a detail."""
    if term.startswith(NUMBER_PREFIX):
        return term_weight >= NUMBER_WEIGHT
    return term.startswith(NAME_PREFIX) or term_weight >= RARE_WORD_WEIGHT


def _sentences(body: str) -> Iterator[Sentence]:
    position = 0
    for number, paragraph in enumerate(body.split("\n\n")):
        yield from split_paragraph(paragraph, position, number)
        position += len(paragraph) + 2
