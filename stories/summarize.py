"""What happened, in the sentences most outlets agree on: the engine behind ``/summary``.

A sentence is supported by an outlet when that outlet's article holds most of its
distinctive content (names, numbers, rare words; see ``stories.content``). Support is
computed for all candidate sentences at once with numpy: a term-by-article incidence
matrix gathered by each sentence's term ids and summed with its term weights.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from stories.content import (
    LEAD_SENTENCES,
    NAME_PREFIX,
    NUMBER_PREFIX,
    coverage,
    figure_terms,
    lead_terms,
)
from stories.features import PLACE_KEY, name_keys
from stories.language import ENGLISH, word_zipf
from stories.sentences import Sentence
from stories.story_input import ArticleView

SENTENCES_PER_ARTICLE = LEAD_SENTENCES
"""Only an article's first sentences count as its content (speed)..."""
CANDIDATES_PER_ARTICLE = 10
"""...and only the first of those are candidates for the summary."""
SUPPORT_COVERAGE = 0.5
"""An article supports a sentence holding at least this share of its content weight."""
CROSSING_TERMS = 3
"""An article in another language supports a sentence that has at least this many names and
figures when it gives ``CROSSING_COVERAGE`` of them: its words are another language's..."""
CROSSING_COVERAGE = 0.75
"""...and names and figures alone say less than words do: most of them, not half."""
COMMON_CAPITALISED_ZIPF = 4.5
"""A capitalised word this common in its language is a title or a headline's capital, which
other languages write in words of their own, not a name."""
NEAR_DUPLICATE = 0.5
"""A candidate this covered by a chosen sentence (or covering it) says the same again."""
LEAD_BONUS = 0.75
"""Score bonus for an article's first sentence, falling linearly to 0 at the cap."""
PREPARED_CACHE = 4096
"""Articles whose sentence terms are kept between calls."""
MIN_TERMS = 4
MIN_WORDS = 6
MAX_WORDS = 60
# A sentence opening with one of these leans on the one before it: not for a summary.
_LEANING_OPENERS = frozenset(
    "he she it they his her its their this these those him them also but".split()
)
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "'", ")")


@dataclass(frozen=True, slots=True)
class SummaryLine:
    """A summary sentence, taken from ``article_ids[0]``, and the outlets that support it."""

    text: str
    support: int
    article_ids: tuple[int, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Candidate:
    article: int
    index: int
    sentence: Sentence
    bag: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One article's candidate sentences and content, ready for the support matrix.

    ``terms`` is the article's vocabulary; ``term_ids``, ``weights`` and ``sizes`` are the
    candidates' terms (indices into ``terms``), concatenated, and how many each has.
    """

    candidates: tuple[tuple[int, Sentence, Mapping[str, float]], ...]
    terms: tuple[str, ...]
    term_ids: npt.NDArray[np.int64]
    weights: npt.NDArray[np.float32]
    sizes: npt.NDArray[np.int64]


def _is_candidate(
    index: int, sentence: Sentence, bag: Mapping[str, float], relaxed: bool = False
) -> bool:
    """A sentence fit to stand alone in a summary; ``relaxed``, any of an article's first
    sentences with some content and not too long (for a reader whose language has nothing
    better)."""
    words = len(sentence.text.split())
    if index >= CANDIDATES_PER_ARTICLE or words > MAX_WORDS or not bag:
        return False
    return relaxed or (
        words >= MIN_WORDS
        and len(bag) >= MIN_TERMS
        and sentence.text.endswith(_SENTENCE_ENDS)
        and sentence.text.split(maxsplit=1)[0].lower() not in _LEANING_OPENERS
    )


def _frozen(array: npt.NDArray[np.generic]) -> None:
    array.flags.writeable = False


@lru_cache(maxsize=PREPARED_CACHE)
def _prepare(body: str, relaxed: bool = False) -> _Prepared:
    """Per-article work, cached: a story's articles are summarised again and again."""
    vocabulary: dict[str, int] = {}
    candidates = []
    for index, found in enumerate(lead_terms(body)):
        for term in found.bag:
            vocabulary.setdefault(term, len(vocabulary))
        if _is_candidate(index, found.sentence, found.bag, relaxed):
            candidates.append((index, found.sentence, found.bag))
    term_ids = np.array([vocabulary[t] for _, _, bag in candidates for t in bag], dtype=np.int64)
    weights = np.array([w for _, _, bag in candidates for w in bag.values()], dtype=np.float32)
    sizes = np.array([len(bag) for _, _, bag in candidates], dtype=np.int64)
    for array in (term_ids, weights, sizes):
        _frozen(array)
    return _Prepared(tuple(candidates), tuple(vocabulary), term_ids, weights, sizes)


def _prepared(views: Sequence[ArticleView], language: str | None) -> list[_Prepared]:
    """Each article's candidates. When the reader's language has articles but none of their
    sentences is a candidate (a brief, a lead too short), their first sentences are taken as
    they are: a reader is never left with lines only in other languages."""
    prepared = [_prepare(view.body) for view in views]
    own = [i for i, view in enumerate(views) if language is not None and view.language == language]
    if own and not any(prepared[i].candidates for i in own):
        for i in own:
            prepared[i] = _prepare(views[i].body, relaxed=True)
    return prepared


def _candidates(prepared: Sequence[_Prepared]) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    for article, ready in enumerate(prepared):
        candidates.extend(_Candidate(article, i, s, bag) for i, s, bag in ready.candidates)
    return candidates


def _support_matrix(prepared: Sequence[_Prepared]) -> npt.NDArray[np.bool_]:
    """``[candidate, article]``: whether the article holds most of the candidate's content."""
    vocabulary: dict[str, int] = {}
    global_ids = [
        np.array([vocabulary.setdefault(t, len(vocabulary)) for t in ready.terms], dtype=np.int64)
        for ready in prepared
    ]
    incidence = np.zeros((len(vocabulary), len(prepared)), dtype=np.float32)
    for article, ids in enumerate(global_ids):
        incidence[ids, article] = 1.0
    ids = np.concatenate([g[r.term_ids] for g, r in zip(global_ids, prepared, strict=True)])
    weights = np.concatenate([r.weights for r in prepared])
    sizes = np.concatenate([r.sizes for r in prepared])
    offsets = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    shared = np.add.reduceat(incidence[ids] * weights[:, None], offsets, axis=0)
    totals = np.add.reduceat(weights, offsets)
    result: npt.NDArray[np.bool_] = shared / totals[:, None] >= SUPPORT_COVERAGE
    return result


def _outlet_support(
    supported: npt.NDArray[np.bool_], views: Sequence[ArticleView]
) -> npt.NDArray[np.int64]:
    outlets = {o: i for i, o in enumerate(dict.fromkeys(v.outlet for v in views))}
    if len(outlets) == len(views):
        counts: npt.NDArray[np.int64] = supported.sum(axis=1)
        return counts
    # Integers: a float product goes through BLAS, whose OpenBLAS builds may raise a spurious
    # "invalid value encountered in matmul" on finite input.
    membership = np.zeros((len(views), len(outlets)), dtype=np.int32)
    for article, view in enumerate(views):
        membership[article, outlets[view.outlet]] = 1
    by_outlet = (supported.astype(np.int32) @ membership) > 0
    return by_outlet.sum(axis=1)  # type: ignore[no-any-return]


def _is_near_duplicate(candidate: _Candidate, chosen: Sequence[_Candidate]) -> bool:
    return any(
        coverage(candidate.bag, c.bag) >= NEAR_DUPLICATE
        or coverage(c.bag, candidate.bag) >= NEAR_DUPLICATE
        for c in chosen
    )


def _choose(
    candidates: Sequence[_Candidate],
    support: npt.NDArray[np.int64],
    max_sentences: int,
    min_sentences: int,
    preferred: Sequence[bool],
) -> list[int]:
    """The best-supported candidates, not saying the same twice. ``preferred`` ones (in the
    reader's language) come first, ranked among themselves; when there are any, the others
    only make up a summary shorter than ``min_sentences``."""
    lead = np.array(
        [LEAD_BONUS * (1 - c.index / SENTENCES_PER_ARTICLE) for c in candidates], dtype=np.float64
    )
    score = (support + lead).tolist()
    order = sorted(range(len(candidates)), key=lambda i: (not preferred[i], -score[i]))
    any_preferred = any(preferred)
    top_support = int(support[order[0]])
    chosen: list[int] = []
    for i in order:
        if len(chosen) >= max_sentences:
            break
        enough = len(chosen) >= min_sentences
        if enough and (support[i] < 2 or support[i] * 2 < top_support):
            break
        if enough and any_preferred and not preferred[i]:
            break
        if not _is_near_duplicate(candidates[i], [candidates[j] for j in chosen]):
            chosen.append(i)
    return chosen


def _in_reading_order(
    chosen: list[int], candidates: Sequence[_Candidate], supported: npt.NDArray[np.bool_]
) -> list[int]:
    """Sorted by where each sentence's content comes in the article supporting most of them."""
    anchor = int(np.argmax(supported[chosen].sum(axis=0)))
    anchor_sentences = [c for c in candidates if c.article == anchor]

    def place(i: int) -> float:
        candidate = candidates[i]
        matches = [(coverage(candidate.bag, a.bag), a.index) for a in anchor_sentences]
        best = max(matches, default=(0.0, 0))
        if best[0] >= SUPPORT_COVERAGE:
            return float(best[1])
        return float(candidate.index) + 0.5

    return sorted(chosen, key=lambda i: (place(i), candidates[i].index))


#: a sentence's names and figures as every language writes them: each term's keys, weight
_Crossing = dict[tuple[str, ...], float]


@lru_cache(maxsize=PREPARED_CACHE)
def _crossing(body: str, language: str) -> tuple[_Crossing, ...]:
    """The names and figures of each of an article's first sentences as every language
    writes them: a name by its keys (``stories.features.name_keys``: a country's code, the
    consonants without the case ending), a figure by its value."""
    found = []
    for sentence in lead_terms(body):
        keys: _Crossing = {}
        for term, (weight, surface) in sentence.written.items():
            crossing = _crossing_keys(term, surface, language)
            if crossing:
                keys[crossing] = weight
        found.append(keys)
    return tuple(found)


def _crossing_keys(term: str, surface: str, language: str) -> tuple[str, ...]:
    if term.startswith(NUMBER_PREFIX):
        return (term,)
    if not term.startswith(NAME_PREFIX):
        return ()
    keys = name_keys(surface, language)
    if keys[:1] and keys[0].startswith(PLACE_KEY):
        return keys
    # A title or a headline's capital (President, Peace, Президент) is no name.
    common = word_zipf(surface.lower(), language) >= COMMON_CAPITALISED_ZIPF
    return () if common else keys


def _cross_support(
    views: Sequence[ArticleView], candidates: Sequence[_Candidate]
) -> npt.NDArray[np.bool_]:
    """``[candidate, article]``: whether an article in another language than the candidate's
    gives most of the candidate's names and figures (the facts' figures too, in words of any
    language)."""
    languages = [view.language or ENGLISH for view in views]
    sentences = [
        _crossing(view.body, language) for view, language in zip(views, languages, strict=True)
    ]
    told = [
        {key for found_in in found for keys in found_in for key in keys}
        | figure_terms(view.facts.numbers)
        for found, view in zip(sentences, views, strict=True)
    ]
    supported = np.zeros((len(candidates), len(views)), dtype=np.bool_)
    for row, candidate in enumerate(candidates):
        mine = sentences[candidate.article][candidate.index]
        if len(mine) < CROSSING_TERMS:
            continue
        total = sum(mine.values())
        for article, keys in enumerate(told):
            if languages[article] != languages[candidate.article]:
                shared = sum(w for named, w in mine.items() if not keys.isdisjoint(named))
                supported[row, article] = shared / total >= CROSSING_COVERAGE
    return supported


def summarize(
    views: Sequence[ArticleView],
    max_sentences: int = 6,
    min_sentences: int = 3,
    language: str | None = None,
) -> list[SummaryLine]:
    """Up to ``max_sentences`` sentences, those most outlets support, in reading order.

    With ``language`` (the reader's), the lines come from the articles in that language when
    the story has any, ranked by how many outlets in any language support them; sentences in
    other languages only make up a summary that would otherwise be shorter than
    ``min_sentences``. An article of no known language is not in the reader's.
    """
    prepared = _prepared(views, language)
    candidates = _candidates(prepared)
    if not candidates:
        return []
    supported = _support_matrix(prepared)
    support = _outlet_support(supported, views)
    preferred = [language is not None and views[c.article].language == language for c in candidates]
    chosen = _choose(candidates, support, max_sentences, min_sentences, preferred)
    order = _in_reading_order(chosen, candidates, supported)
    rows = supported[order]
    if len({view.language or ENGLISH for view in views}) > 1:
        # Outlets in other languages back a line with its names and figures: they are counted
        # and cited, though the lines were chosen on what they say in words.
        rows = rows | _cross_support(views, [candidates[i] for i in order])
    lines = []
    for i, row in zip(order, rows, strict=True):
        candidate = candidates[i]
        source = views[candidate.article]
        others = [views[a] for a in np.flatnonzero(row).tolist() if a != candidate.article]
        backing = [source, *others]
        outlets = tuple(dict.fromkeys(v.outlet for v in backing))
        lines.append(
            SummaryLine(
                candidate.sentence.text,
                len(outlets),
                tuple(v.article_id for v in backing),
                outlets,
            )
        )
    return lines
