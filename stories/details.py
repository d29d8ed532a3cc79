"""Details only one outlet reports: sentences whose people, figures or rare words no other
outlet gives, in any language, ranked by what they add."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from stories import content
from stories.content import (
    SentenceTerms,
    covered,
    is_distinctive,
)
from stories.facts import EntityKind
from stories.language import ENGLISH, stem_in, stem_zipf, word_zipf
from stories.names import Person, name_tokens, surname_key
from stories.story_input import ArticleView, Citation

UNIQUE_MIN_SHARE = 0.15
"""At least this share of a sentence's content weight must be found in no other outlet."""
BACKGROUND_COVERAGE = 0.75
"""A sentence this covered by another outlet's article is shared background, not a detail..."""
NAMELESS_BACKGROUND = 0.6
"""...and from this coverage on it needs a name or a figure of its own to be a detail.
Without one it needs two rare words of its own: one rare word is style, not a fact."""
UNIQUE_MIN_TERMS = 3
_RARE_ZIPF = 6.5 - content.RARE_WORD_WEIGHT
"""A word of another language than English is rare at most this common in it, as an English
one is rare at ``RARE_WORD_WEIGHT``."""


@dataclass(frozen=True, slots=True)
class UniqueDetail:
    """A sentence only one outlet reports; ``words`` are its content no other outlet has."""

    citation: Citation
    words: tuple[str, ...]
    score: float
    position: float

    @property
    def citations(self) -> tuple[Citation, ...]:
        return (self.citation,)


def unique_details(
    views: Sequence[ArticleView], people: Sequence[Person] = ()
) -> list[UniqueDetail]:
    """Sentences whose distinctive content (names, numbers, rare words) no other outlet has.

    Names and numbers cross languages: a name another outlet writes in its own script or
    case form (``surname_key``), or a number it gives, is not a detail of one outlet. A rare
    word is distinctive only where another outlet writes the sentence's language, since
    another language would always lack it.
    """
    if len({v.outlet for v in views}) < 2:
        return []
    sentences = {v.article_id: content.article_terms(v.body) for v in views}
    outlet_terms: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    languages: dict[str, set[str]] = defaultdict(set)
    for view in views:
        language = view.language or ENGLISH
        languages[language].add(view.outlet)
        for sentence in sentences[view.article_id]:
            outlet_terms[view.outlet].update(sentence.bag)
            names[view.outlet].update(_name_keys(sentence, language))
        outlet_terms[view.outlet].update(content.figure_terms(view.facts.numbers))
    term_outlets: dict[str, set[str]] = defaultdict(set)
    for outlet, found in outlet_terms.items():
        for term in found:
            term_outlets[term].add(outlet)
    person_keys = {
        key
        for view in views
        for mention in view.facts.mentions
        if mention.kind is EntityKind.PERSON
        for key in _mention_keys(mention.name, view.language)
    }
    told_by = _people_outlets(people)
    shared_people = _shared_people(people)
    bearers = _surname_bearers(people)
    details = []
    for view in views:
        language = view.language or ENGLISH
        others = [found for outlet, found in outlet_terms.items() if outlet != view.outlet]
        elsewhere = set().union(*(keys for o, keys in names.items() if o != view.outlet))
        elsewhere |= {key for key, outlets in told_by.items() if outlets - {view.outlet}}
        elsewhere |= shared_people.get(view.article_id, set())
        # One whose surname alone other outlets write, and no other person of the story has.
        elsewhere |= {
            key
            for m in view.facts.mentions
            if m.kind is EntityKind.PERSON
            and (surname := _surname(m.name, view.language)) in elsewhere
            and len(bearers.get(surname, ())) < 2
            for key in _mention_keys(m.name, view.language)
        }
        context = _DetailContext(
            term_outlets,
            others,
            elsewhere,
            person_keys,
            len(languages[language]) > 1,
            {
                key
                for m in view.facts.mentions
                if m.kind is EntityKind.PERSON
                for key in _mention_keys(m.name, view.language)
            },
        )
        for sentence in sentences[view.article_id]:
            detail = _unique_detail(view, sentence, context)
            if detail is not None:
                details.append(detail)
    details.sort(key=_unique_rank)
    return _without_repeats(details)


REPEAT_RATIO = 90.0
"""A detail this alike (rapidfuzz ratio, 0-100) to a better one of its outlet is the same
sentence again: an outlet's second article on the story repeats its first with a word or two
changed ("До этого историка привели к месту..." and "Историка привели к месту...")."""


def _without_repeats(details: list[UniqueDetail]) -> list[UniqueDetail]:
    kept: list[UniqueDetail] = []
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for detail in details:
        text = detail.citation.sentence.casefold()
        seen = by_outlet[detail.citation.outlet]
        if any(fuzz.ratio(text, other, score_cutoff=REPEAT_RATIO) for other in seen):
            continue
        seen.append(text)
        kept.append(detail)
    return kept


def _people_outlets(people: Sequence[Person]) -> dict[str, set[str]]:
    """The outlets that name each person, under the keys of every word of every spelling:
    "Беляцкий" and "Bjaljazki" are one person's, told by whoever writes either."""
    told: dict[str, set[str]] = defaultdict(set)
    for person in people:
        outlets = set(person.outlets)
        for spelling in person.spellings:
            for token in name_tokens(spelling):
                told[surname_key(token)] |= outlets
    return told


def _shared_people(people: Sequence[Person]) -> dict[int, set[str]]:
    """By article, the keys of every word of its names of people other outlets name too: a
    person is theirs, given name and all, however they write it ("Александр Лукашенко" where
    another writes "Lukashenko")."""
    shared: dict[int, set[str]] = defaultdict(set)
    for person in people:
        if len(person.outlets) > 1:
            for told in person.mentions:
                keys = _mention_keys(told.mention.name, told.language)
                shared[told.article_id] |= keys
    return shared


def _surname_bearers(people: Sequence[Person]) -> dict[str | None, set[int]]:
    """The people of the story (by position) each surname key belongs to: Sergei
    Tikhanovsky's and Sviatlana Tsikhanouskaya's are one key, two people."""
    bearers: dict[str | None, set[int]] = defaultdict(set)
    for n, person in enumerate(people):
        for told in person.mentions:
            bearers[_surname(told.mention.name, told.language)].add(n)
    return bearers


def _surname(name: str, language: str | None) -> str | None:
    tokens = name_tokens(name)
    return surname_key(tokens[-1], language) if tokens else None


def _name_keys(found: SentenceTerms, language: str) -> set[str]:
    return {
        surname_key(found.written[t][1], language)
        for t in found.bag
        if t.startswith(content.NAME_PREFIX)
    }


def _mention_keys(name: str, language: str | None) -> set[str]:
    return {surname_key(token, language) for token in name_tokens(name)}


@dataclass(frozen=True, slots=True)
class _DetailContext:
    """What a sentence is checked against: which outlets give each term, every other outlet's
    terms, the name keys other outlets write, the keys of the story's people, whether
    another outlet writes the sentence's language, and the keys of the people the article's
    own facts found (people, not capitalised nouns)."""

    term_outlets: Mapping[str, set[str]]
    others: list[set[str]]
    names_elsewhere: set[str]
    people: set[str]
    language_shared: bool
    entities: set[str]


QUOTE_MARKS = re.compile(r"[“\"«„]([^“”\"«»„]{20,})[”\"»“]")
"""A quotation of some length in a sentence: a detail that quotes someone adds a voice."""
ADDS_WEIGHT = {"person": 3.0, "number": 2.0, "name": 1.0, "quote": 0.5}
"""What a detail adds that no other outlet has: a person weighs most, then a figure, then
another name (a place, an organisation), then a quotation (a figure said in one is speech)."""


def _unique_detail(
    view: ArticleView, found: SentenceTerms, context: _DetailContext
) -> UniqueDetail | None:
    """The sentence as a detail, unless it is too short, shared, or background.

    Background is shared content: another outlet covering ``BACKGROUND_COVERAGE`` of the
    sentence, or ``NAMELESS_BACKGROUND`` of one without a name or figure of its own.
    """
    sentence, bag, written = found.sentence, found.bag, found.written
    if len(bag) < UNIQUE_MIN_TERMS:
        return None
    mine = {view.outlet}
    language = view.language or ENGLISH
    unique = {
        t: w
        for t, w in bag.items()
        if context.term_outlets[t] == mine
        and not (
            t.startswith(content.NAME_PREFIX)
            and {surname_key(written[t][1], language), surname_key(written[t][1])}
            & context.names_elsewhere
        )
    }
    distinctive = [
        t
        for t, w in unique.items()
        if is_distinctive(t, w) and _checked(t, written[t][1], language, context)
    ]
    share = content.weight(unique) / content.weight(bag)
    if not distinctive or share < UNIQUE_MIN_SHARE:
        return None
    named = any(t.startswith((content.NAME_PREFIX, content.NUMBER_PREFIX)) for t in distinctive)
    quotation = QUOTE_MARKS.search(sentence.text)
    if not named and quotation is None and len(distinctive) < 2:
        return None
    if covered(bag, context.others, BACKGROUND_COVERAGE if named else NAMELESS_BACKGROUND):
        return None
    said = quotation.group(1) if quotation is not None else None
    adds = _adds(distinctive, written, context.people, language, said)
    score = adds + sum(unique[t] for t in distinctive) / 10 + share
    words = tuple(written[t][1] for t in distinctive)
    citation = Citation(view.article_id, view.outlet, sentence.text, sentence.start, sentence.end)
    return UniqueDetail(citation, words, score, view.position(sentence.start))


def _checked(term: str, surface: str, language: str, context: _DetailContext) -> bool:
    """Whether a term can be told missing from every other outlet, and tells something, not
    only how its outlet worded it.

    A figure always can. A capitalised word can where another outlet writes the sentence's
    language and that language is English; elsewhere only where the article's facts found a
    person there: a person's name is transliterated across languages, while places are
    translated ("JAV", "Baltarusijos") or written in case forms ("Беларуси", "Киеве"), and
    the capitals of other languages are also German nouns ("Häftlinge" for another outlet's
    "Gefangene"), adjectives ("Нобелевской") and a sentence's first word ("Решение"). Another
    word can only where another outlet writes the sentence's language (it would be missing
    from other languages anyway), and outside English only when rare in that language (an
    inflected form as common as its stem's forms together; rarity is English's otherwise).
    """
    if term.startswith(content.NUMBER_PREFIX):
        return True
    if term.startswith(content.NAME_PREFIX):
        if context.language_shared and language == ENGLISH:
            return True
        return any(key in context.entities for key in _mention_keys(surface, None))
    if not context.language_shared:
        return False
    if language == ENGLISH:
        return True
    lower = surface.lower()
    return max(word_zipf(lower, language), stem_zipf(stem_in(lower, language), language)) <= (
        _RARE_ZIPF
    )


def _adds(
    distinctive: list[str],
    written: Mapping[str, tuple[float, str]],
    people: set[str],
    language: str,
    said: str | None,
) -> float:
    """What a detail adds: its own people, figures, other names, and a quotation (``said``)."""
    kinds: list[str] = []
    for term in distinctive:
        if term.startswith(content.NUMBER_PREFIX):
            if said is None or written[term][1] not in said:
                kinds.append("number")
        elif term.startswith(content.NAME_PREFIX):
            key = surname_key(written[term][1], language)
            kinds.append("person" if key in people else "name")
    if said is not None:
        kinds.append("quote")
    return sum(ADDS_WEIGHT[kind] for kind in set(kinds)) + 0.1 * len(kinds)


def _unique_rank(detail: UniqueDetail) -> tuple[float, float]:
    return (-detail.score, detail.position)
