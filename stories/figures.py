"""Figures that outlets of one story give differently: the numbers part of ``/diff``.

Figures that count the same thing, of the same holder, in the same event and language are
grouped; a group whose values cannot all be true is a conflict, one whose parts add up to the
common figure a breakdown, one that gives a figure and a rounding or bound of it a qualified
description. Across languages groups giving the same figure agree.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum
from functools import partial
from itertools import combinations

from stories import content
from stories.concept_labels import concept_label, names_counted
from stories.content import (
    Terms,
    terms,
    weighed_dice,
    weight,
)
from stories.currencies import MONEY
from stories.facts import NumberFact, Qualifier
from stories.features import name_keys, stem
from stories.language import ENGLISH, stemmer, word_zipf
from stories.names import name_tokens, surname_key
from stories.number_concepts import Concept, Reading, countries_named, read_facts
from stories.number_roles import is_held, is_measure, is_tally, measure_unit, segment_of
from stories.story_input import ArticleView, Citation

SAME_VALUE_LINK = 0.35
"""Two equal figures count the same thing when their what-and-role similarity reaches this."""
DIFFERENT_VALUE_LINK = 0.5
"""Two different exact figures need this much similarity to be compared at all..."""
DIFFERENT_VALUE_CONTEXT = 0.3
"""...and this much similarity of their role (the predicate around them)."""
LOOSE_VALUE_LINK = 0.3
"""A qualified or vague figure ("thousands") joins a compatible one at this similarity."""
MAX_VALUE_RATIO = 2.0
"""Exact figures further apart than this factor are not two reports of one count..."""
BOUND_VALUE_RATIO = 4.0
"""...but a lower bound of a concept left alone may join one this far above (``_attach_bounds``)."""
BREAKDOWN_DISTANCE = 600
"""Parts of a breakdown are given within this many characters of each other."""
SAME_VALUE_BONUS = 0.15
OTHER_LANGUAGE_CONTEXT = 0.5
"""Outside English a figure's role is the words around it, not a parsed predicate: two
different figures are one count only when they count the same word and share this much."""
PART_VALUE_CONTEXT = 0.5
"""A part ("114 of them ...") and a figure not written as one are two reports of one count,
not a part and its whole, only when their roles are this alike ("taken to Ukraine")."""
DISTINCTIVE_VALUE = 13
"""A figure from this value up, not a round number, is told in any language by its digits
alone ("114"); a smaller or round one also needs a name both sentences write."""
CONCEPT_LINK = 0.6
"""Two figures of one concept ("killed 26", "the death toll stood at 20") link at least this
well, plus their role's share of the rest."""
ONLY_SUM_LINK = 0.5
"""How well the one sum of a currency of each of two articles link (``_Figure.only_sum``)
when their values are compatible ("about 8 million rubles", "at least 7.5 million rubles")."""
LENGTH_LINK = 0.6
"""How well two lengths of one named thing link (``stories.measured_things``)."""
AGE_LINK = 0.6
"""How well two ages of one named person link (``stories.ages``), when different ones are
told less than ``AGE_DAYS`` apart (a birthday may fall between) and at most ``AGE_RATIO``
apart (outlets that disagree on an age are a year or two apart; an age much younger is one
the person had when something else happened)."""
AGE_DAYS = timedelta(days=30)
AGE_RATIO = 1.25
MAGNITUDE_GAP = 0.3
"""Two magnitudes further apart than this are of two quakes (``_other_quakes``)."""
RUNNING_COUNT_DAY = timedelta(days=1)
"""Different figures of one concept from articles this far apart count different moments."""
LEAD_CHARACTERS = 300
"""An article's lead, where it names the story's own country: its title and first sentence."""
GROUP_SAMPLE = 8
"""A figure is compared with a group's first members only (a story may have 100 articles)."""


class NumberDiffKind(StrEnum):
    AGREEMENT = "agreement"
    CONFLICT = "conflict"
    QUALIFIED = "differing descriptions"
    """Compatible but different: "more than 1,000" and "1,227"."""
    BREAKDOWN = "consistent breakdown"
    """Parts that add up: "109 Belarusians and 5 Ukrainians" and "114"."""


@dataclass(frozen=True, slots=True)
class NumberValue:
    """One way the outlets give a figure, with every citation that gives it so.

    ``parts`` holds the figures of a breakdown (``109`` and ``5``) when this value is one.
    """

    text: str
    value: float
    low: float
    high: float
    qualifier: Qualifier
    citations: tuple[Citation, ...]
    parts: tuple[str, ...] = ()

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.outlet for c in self.citations))


@dataclass(frozen=True, slots=True)
class NumberDiff:
    what: str
    kind: NumberDiffKind
    values: tuple[NumberValue, ...]
    position: float

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(c for v in self.values for c in v.citations)


@dataclass(frozen=True, slots=True)
class _Figure:
    """A figure with what it counts (``head`` noun, ``counted`` terms) and its role.

    ``keys`` are what two figures must share for ``_link`` to link them at all: a context
    term, a counted term or the head noun. ``size`` is the binary order of magnitude of its
    value (None for 0): figures within a factor of 2 are at most one order apart.
    """

    view: ArticleView
    fact: NumberFact
    head: str
    counted: Terms
    context: Terms
    keys: frozenset[tuple[str, str]]
    counted_weight: float
    context_weight: float
    size: int | None
    holder: str | None
    timed: bool
    concept: Concept | None
    countries: frozenset[str]
    only_sum: bool
    """The only sum of its currency its article gives (of this event)."""
    length: str | None
    """The thing it is the length of, with its unit (``stories.measured_things``)."""
    age: str | None
    """The unit of the age it gives (``stories.ages``), if it gives one..."""
    age_keys: frozenset[str]
    """...and its person's keys across scripts (``stories.features.name_keys``)."""
    magnitude: bool = False
    """Whether it is a quake's magnitude ("a 6.1 magnitude quake", "магнитудой 7,6")."""
    lead: bool = False
    """The first figure of its concept its article gives of this event (a part aside): the
    toll of its lead, where a story of many incidents gives many small tolls later..."""
    apart_from_lead: bool = False
    """...and whether it is one that lead cannot be: another count of the concept (a
    district's: "In Central Aceh, 140 were injured" after "24 dead and over 200 injured")."""

    @property
    def language(self) -> str:
        return self.view.language or ENGLISH

    @property
    def exact(self) -> bool:
        return _exact(self.fact)

    @property
    def citation(self) -> Citation:
        return Citation.of(self.view, self.fact.span)


def _figure(view: ArticleView, fact: NumberFact, reading: Reading, only_sum: bool) -> _Figure:
    language = view.language or ENGLISH
    concept = reading.concept
    read = terms if language == ENGLISH else partial(_terms_in, language=language)
    counted = read(fact.counted.lower())
    context = {k: w for k, w in read(fact.context).items() if k not in counted}
    if not context and not counted:
        context = read(fact.span.sentence)
    words = re.findall(r"[^\W\d_]+", fact.counted.lower())
    head = measure_unit(fact.counted) or (_stem_in(words[-1], language) if words else "")
    holder = surname_key(fact.holder, view.language) if fact.holder else None
    said = reading.age
    age = said.unit if said is not None and (fact.holder or not said.needs_name) else None
    age_keys = _person_keys(fact.holder, language) if age and fact.holder else frozenset()
    keys = frozenset(
        [("context", t) for t in context]
        + [("counted", t) for t in counted]
        + ([("head", head)] if head else [])
        + ([("concept", concept)] if concept else [])
        + ([("length", reading.length)] if reading.length else [])
        + [("age", f"{age} {key}") for key in age_keys]
        + ([("value", str(fact.value))] if _distinctive_exact(fact) else [])
    )
    representative = _representative(fact)
    size = math.frexp(representative)[1] if representative > 0 else None
    return _Figure(
        view,
        fact,
        head,
        counted,
        context,
        keys,
        weight(counted),
        weight(context),
        size,
        holder,
        is_held(fact.counted),
        concept,
        reading.countries,
        only_sum and fact.background is None,
        reading.length,
        age,
        age_keys,
        reading.magnitude,
    )


_LETTERS = re.compile(r"[^\W\d_]+")


def _person_keys(name: str, language: str) -> frozenset[str]:
    """A person's surname keyed alike across scripts: "Smith", "Смита" and "Смит" are one."""
    tokens = name_tokens(name)
    return frozenset(name_keys(tokens[-1], language)) if tokens else frozenset()


def _stem_in(word: str, language: str) -> str:
    """A word's stem in its own language (Snowball), else the engine's light stem."""
    stems = stemmer(language) if language != ENGLISH else None
    return stems.stemWord(word) if stems is not None else stem(word)


def _terms_in(text: str, language: str) -> dict[str, float]:
    """The content words of a figure's phrase in a language other than English, by stem,
    weighted by rarity in that language like ``content.terms`` weighs English words."""
    found: dict[str, float] = {}
    for match in _LETTERS.finditer(text.lower()):
        word = match.group()
        frequency = word_zipf(word, language)
        if len(word) < 3 or frequency >= content.STOP_ZIPF:
            continue
        weighed = min(content.MAX_WORD_WEIGHT, max(content.MIN_WORD_WEIGHT, 6.5 - frequency))
        found.setdefault(_stem_in(word, language), weighed)
    return found


def _rounding(value: float) -> float:
    """Half the unit a round figure is given to: 50 for "about 100", 5 for "about 40"."""
    if value < 10 or value != int(value):
        return 0.0
    unit = 1
    while int(value) % (unit * 10) == 0:
        unit *= 10
    return unit / 2


def _interval(fact: NumberFact) -> tuple[float, float]:
    """The values a figure allows: "more than 1,000" allows 1,001 and up."""
    low, high = min(fact.low, fact.value), max(fact.high, fact.value)
    match fact.qualifier:
        case Qualifier.MORE_THAN | Qualifier.AT_LEAST:
            return low, float("inf")
        case Qualifier.LESS_THAN | Qualifier.UP_TO:
            return 0.0, high
        case Qualifier.ABOUT:
            return min(low * 0.85, low - _rounding(low)), max(high * 1.15, high + _rounding(high))
        case Qualifier.ALMOST:
            return min(low * 0.85, low - _rounding(low)), high
        case Qualifier.VAGUE:
            return low, high * 10 if low == high else high
        case _:
            return low, high


def _compatible(a: NumberFact, b: NumberFact) -> bool:
    low_a, high_a = _interval(a)
    low_b, high_b = _interval(b)
    return low_a <= high_b and low_b <= high_a


def _same_value(a: NumberFact, b: NumberFact) -> bool:
    return (a.low, a.high, a.qualifier) == (b.low, b.high, b.qualifier)


def _one_number(a: NumberFact, b: NumberFact) -> bool:
    """Whether two figures give one number, qualified or not: "35,1 Milliarden Yen" and "rund
    35,1 Milliarden Yen", "почти 960 км" and "960 км" are one figure at two precisions. An
    order of magnitude ("thousands") is no number."""
    vague = Qualifier.VAGUE in (a.qualifier, b.qualifier)
    return not vague and (a.value, a.low, a.high) == (b.value, b.low, b.high)


def _representative(fact: NumberFact) -> float:
    return fact.high if fact.qualifier in (Qualifier.UP_TO, Qualifier.LESS_THAN) else fact.value


def _close_in_size(a: NumberFact, b: NumberFact) -> bool:
    x, y = _representative(a), _representative(b)
    return x > 0 and y > 0 and max(x, y) / min(x, y) <= MAX_VALUE_RATIO


def _role(a: _Figure, b: _Figure) -> float:
    return weighed_dice(a.context, a.context_weight, b.context, b.context_weight)


def _placed_alike(a: _Figure, b: _Figure, same: bool) -> bool:
    """Whether two figures may be reports of one count, by their place in the story.

    The same figure may be given in any place but another event's, whoever it is said of: the
    person an age or a duration is read as belonging to is the one named nearest before it,
    often another ("Caroline Flack, die einst mit Prinz Harry liiert gewesen sein soll, ist im
    Alter von 40 Jahren gestorben"), and the same figure joined to another person's makes an
    agreement at worst.
    Different figures are compared only within one language, both of this event, of the same
    person (a duration, an age or a distance only with its holder known, and in one unit: "60
    metres (200 feet)" is no other fall than "200 feet"), of one sort (``_number_kind``: a
    count, an average, a score), both saying what they count.
    """
    if a.language != b.language or (a.fact.background is None) != (b.fact.background is None):
        return False
    if same:
        return True
    if a.holder != b.holder:
        return False
    if a.fact.background is not None or ((a.timed or b.timed) and a.holder is None):
        return False
    if (a.timed or b.timed) and a.head != b.head:
        return False
    if _number_kind(a) != _number_kind(b):
        return False
    return bool(a.head and b.head)


def _number_kind(figure: _Figure) -> str:
    """What sort of number a figure is, of those never two reports of one figure: an average
    or a rate of things counted ("22.8 points a game", "7.2 rebounds": not a whole number, and
    no measure, which may be any number: 8.25 minutes, 2.5 percent), a score ("27-24", "66-51":
    two numbers, the larger first, no range), or a count ("16 points", "seven rebounds")."""
    fact = figure.fact
    if fact.low == fact.high and fact.value != int(fact.value):
        return "count" if is_measure(fact.counted) else "average"
    score = _SCORE.fullmatch(fact.text)
    if score is not None and float(score.group(1)) > float(score.group(2)):
        return "score"
    return "count"


_SCORE = re.compile(r"(\d+)\s*[-–]\s*(\d+)")


def _link(a: _Figure, b: _Figure) -> float:
    """How surely two figures of different articles count one thing in one role (0 if not).

    The sizes are checked before the (costlier) overlaps of what they count and their role.
    """
    same = _one_number(a.fact, b.fact)
    if a.magnitude != b.magnitude or (a.magnitude and _other_quakes(a.fact, b.fact)):
        return 0.0
    if not same and (a.fact.restates or b.fact.restates):
        return 0.0  # a conversion's rate and rounding are the outlet's, not the event's
    close = same or _close_in_size(a.fact, b.fact) or _none_against_some(a, b)
    if not close and (a.exact or b.exact):
        return 0.0
    if a.length is not None and a.length == b.length:
        return _length_link(a, b, same)
    if a.age is not None and b.age is not None:
        return _age_link(a, b, same)
    if (a.age is not None or b.age is not None) and not same:
        return 0.0  # an age is no other figure; it may be one written otherwise ("ему 33 года")
    if a.concept is not None and b.concept is not None:
        return _concept_link(a, b, same)
    if same and _one_distinctive_count(a, b):
        return SAME_VALUE_LINK
    if not _placed_alike(a, b, same):
        return 0.0
    if a.only_sum and b.only_sum and a.fact.counted == b.fact.counted:
        # The one sum each outlet gives in a currency is the story's sum, in any words, when
        # the two may both be true: never a conflict on this alone.
        return ONLY_SUM_LINK if _compatible(a.fact, b.fact) else 0.0
    if a.head and a.head == b.head:
        counted = 1.0
    else:
        counted = weighed_dice(a.counted, a.counted_weight, b.counted, b.counted_weight)
    role = _role(a, b)
    score = 0.4 * counted + 0.6 * role
    if same:
        return score + SAME_VALUE_BONUS if score + SAME_VALUE_BONUS >= SAME_VALUE_LINK else 0.0
    least_role = PART_VALUE_CONTEXT if a.fact.part != b.fact.part else DIFFERENT_VALUE_CONTEXT
    if a.language != ENGLISH:
        # Words around a figure, not its predicate, are all that is read in other languages.
        if a.head != b.head:
            return 0.0
        least_role = max(least_role, OTHER_LANGUAGE_CONTEXT)
    if a.exact and b.exact:
        linked = score >= DIFFERENT_VALUE_LINK and role >= least_role
        return score if linked else 0.0
    if role < least_role and (a.fact.part != b.fact.part or a.language != ENGLISH):
        return 0.0
    # A vague or qualified figure is one description among others: its role decides.
    loose = max(score, role) >= LOOSE_VALUE_LINK and role > 0
    return score if loose else 0.0


def _exact(fact: NumberFact) -> bool:
    """Whether a figure gives one number with no qualifier."""
    return fact.qualifier is Qualifier.EXACT and fact.low == fact.high


def _distinctive_exact(fact: NumberFact) -> bool:
    """Whether a figure gives a distinctive number exactly: its own key (``_figure``)."""
    return _exact(fact) and _distinctive_value(fact.value)


def _one_distinctive_count(a: _Figure, b: _Figure) -> bool:
    """Whether two figures of one story give one distinctive number (``_distinctive_value``:
    190, not 200 or 12) as a count of the same sort, whatever noun each counts it with ("190
    туристов", "190 человек"; "169 посланий", "169 сообщений"): an agreement, in one language
    as across languages (``_across_languages``)."""
    return (
        a.exact
        and b.exact
        and _distinctive_value(a.fact.value)
        and (a.fact.background is None) == (b.fact.background is None)
        and a.holder == b.holder
        and measure_unit(a.fact.counted) == measure_unit(b.fact.counted)
        and (a.fact.counted in MONEY) == (b.fact.counted in MONEY)
        and _number_kind(a) == _number_kind(b)
    )


def _other_quakes(a: NumberFact, b: NumberFact) -> bool:
    """Whether two magnitudes are of two quakes: agencies that measure one quake differ by a
    few tenths (7.6 and 7.7), a story of a quake and its aftershocks by more (7.6 and 6.1)."""
    return abs(a.value - b.value) > MAGNITUDE_GAP


def _none_against_some(a: _Figure, b: _Figure) -> bool:
    """Whether one of two figures of a concept is a toll of none ("no one was killed",
    ``stories.zero_counts``) and the other a count: no size is close to none, and they
    disagree all the same."""
    return a.concept is not None and (a.fact.value == 0) != (b.fact.value == 0)


def _concept_link(a: _Figure, b: _Figure, same: bool) -> float:
    """``_link`` for two figures whose words say what they count (``stories.number_concepts``):
    they count one thing when it is the same concept, both or neither a part of a group (a
    part sent to a country is that country's group however it is written: "nine of the freed
    went to Lithuania", "eight to Lithuania"), of the same person, and, for different figures,
    both of this event, told within a day of each other (``_other_moments``) and of the same
    countries named in their clauses ("released to Ukraine" is not "released"), and, for
    small ones, each its article's first of the concept, or parts, or of a country (a story
    of many incidents tells many small tolls: "three men were killed" in one strike is no
    other outlet's "two died" in another); in any language, where different figures also
    need a country or a name their sentences share (the place or people counted)."""
    if a.concept != b.concept:
        return 0.0
    if a.fact.part != b.fact.part and not (a.countries and a.countries == b.countries):
        return 0.0
    if (a.fact.background is None) != (b.fact.background is None):
        return 0.0
    if not (a.holder == b.holder or (same and (a.holder is None or b.holder is None))):
        return 0.0
    if not same and (a.fact.background is not None or a.countries != b.countries):
        return 0.0
    if not same and _other_moments(a, b):
        return 0.0
    placed = (a.lead and b.lead) or a.fact.part or a.countries
    if not same and not placed and not _distinctive_pair(a, b):
        return 0.0
    if not same and (a.apart_from_lead or b.apart_from_lead) and not a.countries:
        return 0.0
    if not same and a.fact.part and b.fact.part and not a.countries and not _alike_parts(a, b):
        return 0.0
    if a.language != b.language and not (same or a.countries or _anchors(a) & _anchors(b)):
        return 0.0
    role = _role(a, b) if a.language == b.language else 0.0
    score = CONCEPT_LINK + (1 - CONCEPT_LINK) * role
    return score + SAME_VALUE_BONUS if same else score


def _alike_parts(a: _Figure, b: _Figure) -> bool:
    """Whether two different parts of one concept are one part told otherwise, by their role:
    two outlets break a toll down in their own ways ("261 other got minor injury", "300
    others were given outpatient treatment")."""
    return a.language == b.language and _role(a, b) >= PART_VALUE_CONTEXT


def _distinctive_pair(a: _Figure, b: _Figure) -> bool:
    """Whether two figures are both too large to be two incidents' small counts ("three men
    were killed" here, "two died" there): both at least ``DISTINCTIVE_VALUE``."""
    return min(a.fact.value, b.fact.value) >= DISTINCTIVE_VALUE


def _length_link(a: _Figure, b: _Figure, same: bool) -> float:
    """``_link`` for two lengths of one thing ("the 8-minute video", "einem achtminütigen
    Video"): in any language and whoever they are said of, unless one is background."""
    if (a.fact.background is None) != (b.fact.background is None):
        return 0.0
    return LENGTH_LINK + SAME_VALUE_BONUS if same else LENGTH_LINK


def _age_link(a: _Figure, b: _Figure, same: bool) -> float:
    """``_link`` for ages (``stories.ages``): two ages of one named person in one unit, in
    any language and words, unless one is background. An age is never another figure. The
    same age may be of a person an article does not name beside it ("the 57-year-old
    singer"); different ages only of one person both name."""
    if a.age != b.age or (a.fact.background is None) != (b.fact.background is None):
        return 0.0
    if same and (a.holder is None or b.holder is None):
        return AGE_LINK + SAME_VALUE_BONUS
    if a.holder is None or b.holder is None:
        return 0.0
    if a.holder != b.holder and (a.language == b.language or a.age_keys.isdisjoint(b.age_keys)):
        return 0.0
    if not same and max(a.fact.value, b.fact.value) > AGE_RATIO * min(a.fact.value, b.fact.value):
        return 0.0  # "when he was five years old" and "34": another moment of a life
    first, second = a.view.published, b.view.published
    if not same and first is not None and second is not None and abs(first - second) >= AGE_DAYS:
        return 0.0  # a birthday may fall between: "26" at the plea, "27" at the verdict
    return AGE_LINK + SAME_VALUE_BONUS if same else AGE_LINK


def _other_moments(a: _Figure, b: _Figure) -> bool:
    """Whether two figures of a running count were published a day or more apart: a toll or a
    count of cases told on another day is another moment of it, not a disagreement. Who was
    freed or sent somewhere in one event does not change from day to day, nor, within days,
    how many are still held."""
    first, second = a.view.published, b.view.published
    if a.concept in _STEADY or first is None or second is None:
        return False
    return abs(first - second) >= RUNNING_COUNT_DAY


_STEADY = (Concept.FREED, Concept.TRANSFERRED, Concept.HELD)


def _linked(figure: _Figure, member: _Figure) -> float:
    """``_link``, skipping the pairs that share no key (they never link)."""
    return 0.0 if figure.keys.isdisjoint(member.keys) else _link(figure, member)


_Shelf = tuple[tuple[str, str], int | str | None]
"""A key of a figure with a size class: an order of magnitude, None (0), or "vague"."""


def _shelves(figure: _Figure) -> list[_Shelf]:
    """Where a group's sampled member is filed: by key and size (and as vague if it is)."""
    sizes: list[int | str | None] = [figure.size] if figure.exact else [figure.size, "vague"]
    return [(key, size) for key in figure.keys for size in sizes]


def _lookups(figure: _Figure) -> list[_Shelf]:
    """The shelves of every member ``_link`` may link the figure to.

    The very same figure (same size), one close in size (one order apart at most), or, for
    a vague or qualified figure, any other vague or qualified one.
    """
    size = figure.size
    sizes: list[int | str | None] = [None] if size is None else [size - 1, size, size + 1]
    if not figure.exact:
        sizes.append("vague")
    shelves = [(key, s) for key in figure.keys for s in sizes]
    if figure.concept is not None:
        # A toll of none meets the counts of its concept whatever their size, and they it.
        concept = ("concept", figure.concept)
        counts: list[int | str | None] = list(range(_LARGEST_SIZE)) if size is None else [None]
        shelves += [(concept, s) for s in counts]
    return shelves


_LARGEST_SIZE = 64
"""Figures' sizes (binary orders of magnitude) are below this."""


def _group_figures(figures: list[_Figure]) -> list[list[_Figure]]:
    """Greedy average linkage: a figure joins the group it links to best on average (``_best``).

    It needs links to half the group, or to a member giving the very same figure. A group
    holds one figure per article, so two figures of one article are never compared.
    Only groups with a sampled member on one of the figure's ``_lookups`` are scored: the
    others average 0 and are never chosen.
    """
    groups: list[list[_Figure]] = []
    articles: list[dict[int, Concept | None]] = []
    sampled: dict[_Shelf, set[int]] = defaultdict(set)
    for figure in figures:
        candidates: list[tuple[int, bool, float]] = []
        for index in sorted({i for shelf in _lookups(figure) for i in sampled.get(shelf, ())}):
            if figure.view.article_id in articles[index]:
                continue
            members = groups[index][:GROUP_SAMPLE]
            scores = [_linked(figure, member) for member in members]
            average = sum(scores) / len(scores)
            twin = any(
                s > 0 and _same_value(figure.fact, m.fact)
                for s, m in zip(scores, members, strict=True)
            )
            if (twin or sum(s > 0 for s in scores) * 2 >= len(scores)) and average > 0:
                candidates.append((index, twin, average))
        best = _best(candidates, articles)
        if best is None:
            best = len(groups)
            groups.append([])
            articles.append({})
        if len(groups[best]) < GROUP_SAMPLE:
            for shelf in _shelves(figure):
                sampled[shelf].add(best)
        groups[best].append(figure)
        articles[best][figure.view.article_id] = figure.concept
    return groups


def _split_told_apart(groups: list[list[_Figure]], figures: _ByArticle) -> list[list[_Figure]]:
    """``groups``, each split by value where an outlet tells two of its values apart: it gives
    one in the group and the other, of the thing another member counts with it (its counted
    noun or concept), elsewhere ("fired 11 shots — seven bullets entered Gray's body": other
    outlets' seven bullets are not their 11 shots told otherwise). Two tolls of one concept in
    one outlet are two sources disagreeing and tell nothing apart (``_best``)."""
    result: list[list[_Figure]] = []
    for group in groups:
        if not _told_apart(group, figures):
            result.append(group)
            continue
        by_value: dict[tuple[float, float, Qualifier], list[_Figure]] = defaultdict(list)
        for figure in group:
            by_value[(figure.fact.low, figure.fact.high, figure.fact.qualifier)].append(figure)
        result += by_value.values()
    return result


def _told_apart(group: list[_Figure], figures: _ByArticle) -> bool:
    exact = [f for f in group if f.exact]
    if len({f.fact.value for f in exact}) < 2:
        return False
    members = {id(f) for f in group}
    for member in group:
        for other in figures[member.view.article_id]:
            if id(other) in members or not other.exact or other.fact.value == member.fact.value:
                continue
            if member.concept is not None and member.concept == other.concept:
                continue
            if any(f.fact.value == other.fact.value and _one_thing(f, other) for f in exact):
                return True
    return False


def _one_thing(a: _Figure, b: _Figure) -> bool:
    """Whether two figures count one thing: one counted noun, or one concept."""
    return bool(a.head and a.head == b.head) or (a.concept is not None and a.concept == b.concept)


def _best(
    candidates: list[tuple[int, bool, float]], articles: list[dict[int, Concept | None]]
) -> int | None:
    """The group a figure joins of its ``candidates`` (index, whether a member gives its very
    figure, average link), given each group's articles and the concept of each one's figure:
    the best linked on average, unless an article with a figure in that group has one in a
    group giving the figure's very value. That outlet tells the two apart ("Фридмана
    состояние оценивается в £10,23 млрд" joins the group of politexpert's 10,23 for Fridman,
    not the one of its 10,16 for Abramovich, told in a like sentence), unless its two figures
    count one concept: two tolls of one event in one outlet are two sources disagreeing ("12
    people were killed", "seven people were killed", two officials quoted)."""
    if not candidates:
        return None
    best, _, _ = max(candidates, key=lambda c: c[2])
    told_apart = [c for c in candidates if c[1] and _tells_apart(articles[best], articles[c[0]])]
    return max(told_apart, key=lambda c: c[2])[0] if told_apart else best


def _tells_apart(a: dict[int, Concept | None], b: dict[int, Concept | None]) -> bool:
    """Whether an article has a figure in both groups, of no concept or of two."""
    return any(a[article] is None or a[article] != b[article] for article in a.keys() & b.keys())


def _common_value(group: list[_Figure]) -> float | None:
    exact = [f.fact.value for f in group if f.exact]
    return max(exact, key=exact.count) if exact else None


_ByArticle = Mapping[int, Sequence[_Figure]]
"""The figures of each article, in the order of the story's figures."""


def _by_article(figures: Sequence[_Figure]) -> dict[int, list[_Figure]]:
    by_article: dict[int, list[_Figure]] = defaultdict(list)
    for figure in figures:
        by_article[figure.view.article_id].append(figure)
    return by_article


def _attach_breakdowns(groups: list[list[_Figure]], figures: _ByArticle) -> None:
    """Merge figures into a group when, with figures next to them, they add up to its figure.

    "109 Belarusians (and 5 Ukrainians) taken to Ukraine" joins "114 taken to Ukraine":
    the counted nouns differ, but the role matches and the parts add up. A group is only
    tried as a part of the totals its first figure can reach with its neighbours.
    """
    parts_of: dict[float, list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        if group[0].exact:
            for reachable in _reachable_totals(group[0], figures):
                parts_of[reachable].append(index)
    for group in groups:
        total = _common_value(group)
        if total is None:
            continue
        present = {f.view.article_id for f in group}
        for index in parts_of.get(total, ()):
            other = groups[index]
            if other is group or not other or other[0].fact.value >= total:
                continue
            if _adds_up_to(other, group, present, total, figures):
                group.extend(other)
                present.update(f.view.article_id for f in other)
                other.clear()
    groups[:] = [g for g in groups if g]


def _adds_up_to(
    part: list[_Figure],
    group: list[_Figure],
    present: set[int],
    total: float,
    figures: _ByArticle,
) -> bool:
    """Whether ``part`` (one figure, repeated by outlets) is a part of ``group``'s total.

    ``present`` holds the articles of ``group``: a part comes from other articles.
    """
    first = part[0]
    if first.fact.value >= total or any(f.view.article_id in present for f in part):
        return False
    if not all(f.exact and f.fact.value == first.fact.value for f in part):
        return False
    role = max(_role(first, member) for member in group[:GROUP_SAMPLE])
    return role >= DIFFERENT_VALUE_CONTEXT and bool(_breakdown(first, total, figures))


def _attach_bounds(groups: list[list[_Figure]], figures: _ByArticle) -> None:
    """A lower bound of a concept left alone ("at least 2 people were killed") joins the
    group of that concept whose figure it is a bound of, within ``BOUND_VALUE_RATIO`` ("seven
    people have died"), when its article has no figure there: an early toll and a later one,
    told differently. Alone, its value was too far from the group's to be linked. An outlet
    that gives a figure the bound is a bound of has its count already ("the death of two or
    more persons" in a law's wording beside "five died")."""
    bounds = [g for g in groups if len(g) == 1 and _lower_bound(g[0])]
    commons = {id(g): _common_value(g) for g in groups} if bounds else {}
    for alone in bounds:
        bound = alone[0]
        if any(_bounds(bound, f) for f in figures[bound.view.article_id]):
            continue  # its outlet gives the count too: the bound says something else
        best: list[_Figure] | None = None
        least = math.inf
        for group in groups:
            common = commons[id(group)]
            if group is alone or not group or group[0].concept is not bound.concept:
                continue
            if common is None or not _reaches(bound, common) or common >= least:
                continue
            if any(f.view.article_id == bound.view.article_id for f in group):
                continue
            if all(_concept_link(bound, f, same=False) > 0 for f in group[:GROUP_SAMPLE]):
                best, least = group, common
        if best is not None:
            best.append(bound)
            alone.clear()
    groups[:] = [g for g in groups if g]


_LOWER_BOUNDS = (Qualifier.AT_LEAST, Qualifier.MORE_THAN)


def _lower_bound(figure: _Figure) -> bool:
    """Whether a figure is a lower bound of a concept ("at least 2 people were killed")."""
    fact = figure.fact
    return figure.concept is not None and fact.qualifier in _LOWER_BOUNDS and fact.value > 0


def _reaches(bound: _Figure, value: float) -> bool:
    """Whether ``value`` satisfies ``bound`` within ``BOUND_VALUE_RATIO`` of it."""
    return bound.fact.value < value <= bound.fact.value * BOUND_VALUE_RATIO


def _bounds(bound: _Figure, other: _Figure) -> bool:
    """Whether ``bound`` is a lower bound of a concept that ``other``'s value satisfies within
    ``BOUND_VALUE_RATIO`` ("at least 2 killed", "seven have died")."""
    return _lower_bound(bound) and _reaches(bound, other.fact.value)


def _values(group: list[_Figure]) -> list[NumberValue]:
    by_reading: dict[tuple[float, float, Qualifier], list[_Figure]] = defaultdict(list)
    for figure in group:
        fact = figure.fact
        by_reading[(fact.low, fact.high, fact.qualifier)].append(figure)
    values = []
    for (low, high, qualifier), figures in by_reading.items():
        fact = figures[0].fact
        citations = tuple(f.citation for f in figures)
        values.append(NumberValue(fact.text, fact.value, low, high, qualifier, citations))
    values.sort(key=lambda v: (-len(v.outlets), v.value))
    return values


def _neighbours(part: _Figure, figures: _ByArticle) -> list[_Figure]:
    """Figures of ``part``'s article near it that count the same kind: its possible parts.

    Parts must say what they count, count the same, and count things: digits of a phone
    number, or temperatures of several places (measures) do not add up to anything, nor do
    a player's tallies ("3,907 yards and 26 touchdowns in 15 games", "three touchdowns" in
    one game: each its own player's and stretch of play's)."""
    counted = part.fact.counted
    if not part.head or part.fact.value <= 0 or is_measure(counted) or is_tally(counted):
        return []
    return [
        f
        for f in figures[part.view.article_id]
        if f is not part
        and f.exact
        and f.fact.value > 0
        and not f.fact.span.in_caption
        and f.fact.background is None
        and abs(f.fact.span.start - part.fact.span.start) <= BREAKDOWN_DISTANCE
        and f.head == part.head
    ]


def _reachable_totals(part: _Figure, figures: _ByArticle) -> set[float]:
    """Every total ``_breakdown`` can make of ``part`` and its neighbours."""
    near = _neighbours(part, figures)
    return {
        part.fact.value + sum(f.fact.value for f in others)
        for size in (1, 2)
        for others in combinations(near, size)
    }


def _breakdown(part: _Figure, total: float, figures: _ByArticle) -> tuple[_Figure, ...]:
    """Figures of ``part``'s article, near it and counting the same kind, that sum to total."""
    near = _neighbours(part, figures)
    for size in (1, 2):
        for others in combinations(near, size):
            if part.fact.value + sum(f.fact.value for f in others) == total:
                return (part, *others)
    return ()


def _classify(
    group: list[_Figure], figures: _ByArticle
) -> tuple[NumberDiffKind, list[NumberValue]]:
    """How a group's figures relate. A conflict needs two figures that count one thing
    (``_link``: a figure may join a group by a twin of its value) and cannot both be true;
    a part that adds up with its neighbours to the common figure is a breakdown; compatible
    descriptions differ, but agree."""
    values = _values(group)
    if len(values) == 1:
        return NumberDiffKind.AGREEMENT, values
    common = _common_value(group)
    exact = [f for f in group if f.exact]
    explained: dict[float, tuple[_Figure, ...]] = {}
    if common is not None:
        for figure in exact:
            if figure.fact.value != common and figure.fact.value not in explained:
                parts = _breakdown(figure, common, figures)
                if parts:
                    explained[figure.fact.value] = parts
    # Figures alike in everything the comparison reads are compared once.
    kinds = list({_reading(f): f for f in group}.values())
    clash = any(
        not _compatible(a.fact, b.fact)
        and not _both_vague(a, b)
        and a.fact.value not in explained
        and b.fact.value not in explained
        and _link(a, b) > 0
        for a, b in combinations(kinds, 2)
    )
    if clash:
        return NumberDiffKind.CONFLICT, values
    if explained:
        return NumberDiffKind.BREAKDOWN, [_with_parts(v, explained) for v in values]
    differ = any(
        _worth_showing(a, b) and (_link(a, b) > 0 or _bounded(a, b))
        for a, b in combinations(kinds, 2)
    )
    return (NumberDiffKind.QUALIFIED if differ else NumberDiffKind.AGREEMENT), values


def _both_vague(a: _Figure, b: _Figure) -> bool:
    """Whether both figures are orders of magnitude ("thousands fled to the camp", "hundreds
    of thousands have fled the region"): two of them are no conflict on their own, as they
    are often a part and the whole told loosely."""
    return a.fact.qualifier is Qualifier.VAGUE and b.fact.qualifier is Qualifier.VAGUE


def _bounded(a: _Figure, b: _Figure) -> bool:
    """Whether one figure is a bound of the other's concept (``_bounds``) linked to it."""
    pair = (a, b) if _bounds(a, b) else (b, a) if _bounds(b, a) else None
    return pair is not None and _concept_link(*pair, same=False) > 0


def _worth_showing(a: _Figure, b: _Figure) -> bool:
    """Whether two compatible descriptions of one figure differ enough to show: a figure and
    a rounding or bound of another number ("1,227" and "more than 1,000"). The same number
    with a qualifier ("5" and "up to 5"), an order of magnitude ("thousands") or two ranges
    say nothing a reader needs."""
    if (a.fact.low, a.fact.high) == (b.fact.low, b.fact.high):
        return False
    if Qualifier.VAGUE in (a.fact.qualifier, b.fact.qualifier):
        return False
    return a.fact.low == a.fact.high or b.fact.low == b.fact.high


def _reading(figure: _Figure) -> tuple[object, ...]:
    """What ``_classify`` reads of a figure: its value, its place in the story, what it
    counts and its role."""
    fact = figure.fact
    return (
        figure.head,
        fact.counted,
        fact.context,
        fact.low,
        fact.high,
        fact.qualifier,
        figure.language,
        figure.holder,
        figure.timed,
        fact.background is None,
        fact.part,
    )


def _with_parts(value: NumberValue, explained: dict[float, tuple[_Figure, ...]]) -> NumberValue:
    parts = explained.get(value.value)
    if value.qualifier is not Qualifier.EXACT or not parts:
        return value
    citations = value.citations + tuple(
        p.citation for p in parts[1:] if p.citation not in value.citations
    )
    texts = tuple(f"{p.fact.text} {p.fact.counted}".strip() for p in parts)
    total = sum(p.fact.value for p in parts)
    return NumberValue(
        " + ".join(texts), total, total, total, value.qualifier, citations, parts=texts
    )


def _what(group: list[_Figure], reader: str) -> str:
    """The group's label in the reader's language: the concept its figures count, in the
    reader's words ("prisoners freed", "deaths"; in a language whose labels name no counted
    noun, only where its figures do not say what they count in it), else what its figures
    count and their role, or, when its figures in that language do not say what they count,
    the words around the first one as written (a label made of another language's words
    would read as nonsense)."""
    own = [f for f in group if f.language == reader] or group
    person = next((f.fact.holder for f in [*own, *group] if f.fact.holder), None)
    if person is not None and all(f.age for f in group):
        return _AGE_LABELS.get(reader, _AGE_LABELS[ENGLISH]).format(person)
    said = [f.fact.counted for f in own if f.fact.counted]
    concepts = {f.concept for f in group}
    told = bool(said) and own[0].language == reader
    concept = concepts.pop() if len(concepts) == 1 else None
    if concept is not None and (names_counted(reader) or not told):
        nouns = said if told else []
        countries = Counter(f.countries for f in group).most_common(1)[0][0]
        label = concept_label(concept, nouns, countries, reader)
        if label is not None:
            return label
    if not said or own[0].language != reader:
        return f"“{_source_phrase(own[0])}”"
    counted = max(said, key=lambda c: (said.count(c), -len(c)))
    context = min((f.fact.context for f in own if f.fact.context), key=len, default="")
    if _ARTICLE_FIRST.match(context):
        # A noun phrase, no predicate ("Yida is a camp of about 20,000 refugees"): "refugees
        # a camp" would read as nonsense, the words as written do not.
        return f"“{_source_phrase(own[0])}”"
    return " ".join(p for p in (counted, context) if p)


_ARTICLE_FIRST = re.compile(r"(?i)(?:a|an|the)\s")


_AGE_LABELS = {
    "en": "age of {}",
    "ru": "возраст: {}",
    "uk": "вік: {}",
    "be": "узрост: {}",
    "de": "Alter von {}",
    "pl": "wiek: {}",
    "lt": "amžius: {}",
    "fr": "âge de {}",
    "es": "edad de {}",
    "it": "età di {}",
    "pt": "idade de {}",
}
"""An age's label, by the reader's language, with its person's name as written."""
_PHRASE_WORDS = 4


def _source_phrase(figure: _Figure) -> str:
    """Up to four words either side of the figure, within its clause."""
    span = figure.fact.span
    sentence = span.sentence
    offset = figure.view.body.find(sentence) if not span.in_caption else -1
    start = span.start - offset if offset >= 0 else sentence.find(figure.fact.text)
    start = max(0, start)
    end = start + len(figure.fact.text)
    segment = segment_of(sentence, start, end)
    before = sentence[segment.start : start].split()[-_PHRASE_WORDS:]
    after = sentence[end : segment.end].split()[:_PHRASE_WORDS]
    return " ".join([*before, sentence[start:end], *after])


def _anchors(figure: _Figure) -> set[str]:
    """The names of a figure's sentence, keyed alike across scripts and case forms."""
    words = _CAPITALISED.findall(figure.fact.span.sentence)
    return {surname_key(word, figure.view.language) for word in words[1:]} - {""}


_CAPITALISED = re.compile(r"\b[^\W\d_][^\W\d_]+")


def _counts_otherwise(a: list[_Figure], b: list[_Figure]) -> bool:
    """Whether two groups count different concepts ("114 freed", "114 sent to Ukraine")."""
    concepts = {f.concept for f in a[:GROUP_SAMPLE]}, {f.concept for f in b[:GROUP_SAMPLE]}
    known = [c - {None} for c in concepts]
    return all(known) and known[0].isdisjoint(known[1])


def _distinctive_value(value: float) -> bool:
    return value >= DISTINCTIVE_VALUE and value == int(value) and int(value) % 10 != 0


def _across_languages(groups: list[list[_Figure]], reader: str) -> list[list[_Figure]]:
    """Groups of different languages that give the same figure of the same place in the
    story joined: a Russian "114 человек" agrees with an English "114 prisoners".

    Groups are compared within a language (``_placed_alike``); across languages a group
    joins another by its common figure, when that figure is distinctive (``DISTINCTIVE_VALUE``)
    or both groups' sentences write a name in common. The reader's language's groups take
    the others in, then the groups with most outlets; a group joins at most one.
    """
    by_value: dict[tuple[float, bool], list[list[_Figure]]] = defaultdict(list)
    for group in groups:
        common = _common_value(group)
        if common is not None:
            background = group[0].fact.background is not None
            by_value[(common, background)].append(group)
    joined: set[int] = set()
    for (value, _), candidates in by_value.items():
        if len({g[0].language for g in candidates}) < 2:
            continue
        candidates.sort(key=lambda g: (g[0].language != reader, -len({f.view.outlet for f in g})))
        for base in candidates:
            if id(base) in joined:
                continue
            languages = {base[0].language}
            anchors = set().union(*(_anchors(f) for f in base[:GROUP_SAMPLE]))
            for other in candidates:
                language = other[0].language
                if id(other) in joined or other is base or language in languages:
                    continue
                if _counts_otherwise(base, other):
                    continue
                shared = anchors & set().union(*(_anchors(f) for f in other[:GROUP_SAMPLE]))
                if _distinctive_value(value) or shared:
                    base.extend(other)
                    joined.add(id(other))
                    languages.add(language)
    return [g for g in groups if id(g) not in joined]


def _story_figures(views: Sequence[ArticleView]) -> list[_Figure]:
    """Every figure of the story outside captions, each with the countries its clause names
    other than the story's own (``_own_countries``): "released to Ukraine" and "released"
    differ, "in Italy" and "in the country" do not."""
    own = _own_countries(views)
    figures: list[_Figure] = []
    for view in views:
        facts = sorted(
            (f for f in view.facts.numbers if not f.span.in_caption), key=lambda f: f.span.start
        )
        readings = read_facts(view.body, facts, view.language or ENGLISH)
        sums = Counter(f.counted for f in facts if f.counted in MONEY and f.background is None)
        leads: dict[Concept, NumberFact] = {}
        joined = _coordinated(view.body, facts, readings)
        for index, (fact, reading) in enumerate(zip(facts, readings, strict=True)):
            if index in joined:
                fact = replace(fact, part=True)
            only_sum = sums.get(fact.counted) == 1
            figure = _figure(
                view, fact, replace(reading, countries=reading.countries - own), only_sum
            )
            concept = figure.concept
            if concept is not None and fact.background is None and not fact.part:
                lead = leads.setdefault(concept, fact)
                apart = lead is not fact and not _compatible(fact, lead)
                figure = replace(figure, lead=lead is fact, apart_from_lead=apart)
            figures.append(figure)
    return figures


def _coordinated(body: str, facts: Sequence[NumberFact], readings: Sequence[Reading]) -> set[int]:
    """The figures of one concept joined by "and" in one clause ("One Australian and one
    English climber have fallen to their deaths", "трое мужчин и две женщины погибли"), or
    the second of them counting "others" in the same countries ("At least 50 people were
    hospitalised for broken bones and head wounds while 300 others were given outpatient
    treatment"): parts of a count the sentence does not give, not each the toll. Others sent
    elsewhere ("114 were taken to Ukraine, while nine others were sent to Lithuania") are each
    the count of their own country."""
    joined: set[int] = set()
    for index in range(len(facts) - 1):
        first, second = facts[index], facts[index + 1]
        concept = readings[index + 1].concept
        if concept is None or readings[index].concept not in (None, concept):
            continue  # the cue after both is the second's: "One Australian and one English"
        if first.span.sentence != second.span.sentence or first.span.in_caption:
            continue
        between = body[first.span.end : second.span.start]
        joined_by_and = len(between.split()) <= _JOINED_WORDS and _AND.search(between) is not None
        others = _OTHERS.match(body, second.span.end) is not None
        if joined_by_and or (others and readings[index].countries == readings[index + 1].countries):
            joined.update((index, index + 1))
    return joined


_JOINED_WORDS = 2
"""At most the first part's noun and "and" lie between two parts: "six children were killed and
14 trapped" tells two counts, not two parts of one."""
_AND = re.compile(r"(?i)(?<![^\W\d_])(?:and|и|і|ir|und|et|y|e|i|oraz|ve|και)(?![^\W\d_])")
"""The word that joins two parts, in the languages read."""
_OTHERS = re.compile(
    r"(?i)\s+(?:others?|more|других|другие|інших|інші|weitere|autres|otros|otras|altri|altre"
    r"|innych|inne|kitų|diğer)(?![^\W\d_])(?!\s+than\b)"
)
"""The word after a number that makes it the count of others than a count before it ("5 more
than in the last attack" compares, it adds nothing)."""


def _own_countries(views: Sequence[ArticleView]) -> frozenset[str]:
    """The story's own countries: those its articles' leads name most (by article)."""
    named = Counter(
        code
        for view in views
        for code in countries_named(view.body[:LEAD_CHARACTERS], view.language or ENGLISH)
    )
    most = max(named.values(), default=0)
    return frozenset(code for code, count in named.items() if count == most)


def number_diffs(
    views: Sequence[ArticleView], reader: str = ENGLISH
) -> tuple[list[NumberDiff], list[NumberDiff]]:
    """Figures compared across outlets: the differing ones, and the ones all agree on."""
    figures = _story_figures(views)
    figures.sort(key=lambda f: (f.view.position(f.fact.span.start), f.view.article_id))
    differing: list[NumberDiff] = []
    agreed: list[NumberDiff] = []
    by_article = _by_article(figures)
    groups = _split_told_apart(_group_figures(figures), by_article)
    _attach_breakdowns(groups, by_article)
    _attach_bounds(groups, by_article)
    for group in _across_languages(groups, reader):
        if len({f.view.outlet for f in group}) < 2:
            continue
        kind, values = _classify(group, by_article)
        position = min(f.view.position(f.fact.span.start) for f in group)
        diff = NumberDiff(_what(group, reader), kind, tuple(values), position)
        (agreed if kind is NumberDiffKind.AGREEMENT else differing).append(diff)
    return sorted(differing, key=_number_rank), sorted(agreed, key=_number_rank)


_NUMBER_KIND_RANK = {
    NumberDiffKind.CONFLICT: 0,
    NumberDiffKind.QUALIFIED: 1,
    NumberDiffKind.BREAKDOWN: 2,
    NumberDiffKind.AGREEMENT: 3,
}


def _number_rank(diff: NumberDiff) -> tuple[int, int, float]:
    outlets = len({c.outlet for c in diff.citations})
    return (_NUMBER_KIND_RANK[diff.kind], -outlets, diff.position)
