"""Single-pass story clustering over a stream of articles.

Each article either joins the best existing story or starts a new one. Candidate stories
come from an inverted index over the article's most distinctive terms (posting lists keep
only the most recent stories), so the cost per article stays flat as the store grows.

A story keeps a centroid: the sum of its members' normalised tf-idf vectors, pruned to its
heaviest terms and stored as compact numpy arrays. Rarity (idf) blends the store's online
document frequencies with an English word-frequency prior, which matters while the store is
still small. Idf is frozen into a member's vector when it is added.

Dates in the text (``d:`` terms) weigh like numbers: two write-ups of one event tend to name
the same day, two events of the same kind rarely do. They are not used as a veto: articles
name backstory years too often (a year-conflict penalty lost more recall than it gained).
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from stories.features import KIND_DATE, KIND_NUMBER, KIND_PHRASE, KIND_WORD, Features, zipf

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]
DoubleArray = npt.NDArray[np.float64]

# Rough length of an article in words, to turn a word frequency into a document frequency.
_DOC_WORDS = 300.0
_MIN_DOC_SHARE = 1e-5


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """Knobs of the story index. Defaults were chosen on ECB+ (see bench/cluster_quality.py)."""

    threshold: float = 0.18
    word_weight: float = 0.35
    number_weight: float = 2.0
    phrase_weight: float = 0.5
    date_weight: float = 2.0
    quiet_days: float = 5.0
    prior_docs: float = 200.0
    query_terms: int = 30
    posting_cap: int = 300
    max_candidates: int = 50
    centroid_terms: int = 200


@dataclass(frozen=True, slots=True)
class Match:
    """The story an article should join and how well it fits (cosine, 0..1)."""

    story_id: int
    score: float


@dataclass(slots=True)
class _Story:
    ids: IntArray
    weights: FloatArray
    norm: float
    size: int
    first: datetime | None
    last: datetime | None


@dataclass(frozen=True, slots=True)
class _Terms:
    """An article's term names and the per-term arrays that do not depend on the store."""

    names: list[str]
    tf: DoubleArray
    #: prior idf times the kind weight
    prior: DoubleArray
    kind: DoubleArray


@lru_cache(maxsize=500_000)
def prior_idf(term: str) -> float:
    """Idf implied by English word frequency: rare words are distinctive from the start."""
    z = zipf(term[2:])
    share = 1.0 - math.exp(-_DOC_WORDS * 10.0 ** (z - 9.0)) if z > 0 else 0.0
    return -math.log(max(share, _MIN_DOC_SHARE))


class StoryIndex:
    """Online story clustering: ``match`` finds the story for an article, ``add`` records it."""

    def __init__(self, settings: ClusterSettings | None = None) -> None:
        self.settings = settings or ClusterSettings()
        self._kind_weights = {
            KIND_WORD: self.settings.word_weight,
            KIND_NUMBER: self.settings.number_weight,
            KIND_PHRASE: self.settings.phrase_weight,
            KIND_DATE: self.settings.date_weight,
        }
        self._vocab: dict[str, int] = {}
        self._df = np.zeros(1024, dtype=np.int32)
        self._docs = 0
        self._postings: dict[int, array[int]] = {}
        self._stories: dict[int, _Story] = {}
        self._last: tuple[Features, _Terms] | None = None

    def __len__(self) -> int:
        return len(self._stories)

    @property
    def articles(self) -> int:
        return self._docs

    def idf(self, term: str) -> float:
        """Blend of online idf (weight: documents seen) and the prior (weight: prior_docs)."""
        tid = self._vocab.get(term)
        df = int(self._df[tid]) if tid is not None else 0
        online = math.log((self._docs + 1.0) / (df + 0.5))
        k = self.settings.prior_docs
        return (self._docs * online + k * prior_idf(term)) / (self._docs + k)

    def _vector(self, terms: _Terms, tids: IntArray) -> FloatArray:
        """Normalised tf-idf weights of the article's terms (``tids``: -1 for unseen terms)."""
        df = np.where(tids >= 0, self._df[np.maximum(tids, 0)], 0)
        online = np.log((self._docs + 1.0) / (df + 0.5)) * terms.kind
        k = self.settings.prior_docs
        vec = terms.tf * (self._docs * online + k * terms.prior) / (self._docs + k)
        norm = float(np.sqrt(np.dot(vec, vec))) or 1.0
        return (vec / norm).astype(np.float32)

    def _terms(self, features: Features) -> _Terms:
        """Term names, frequencies, kind-weighted prior idf and kind weights of an article.

        They do not depend on the store, and ``add`` usually follows ``match`` for the same
        article, so the last article's are kept. Lists turn into arrays several times faster
        than generators do.
        """
        if self._last is not None and self._last[0] is features:
            return self._last[1]
        kinds = self._kind_weights
        names = [t for t, _ in features.terms]
        kind = np.array([kinds.get(t[:2], 1.0) for t in names], dtype=np.float64)
        terms = _Terms(
            names=names,
            tf=np.array([w for _, w in features.terms], dtype=np.float64),
            prior=np.array(list(map(prior_idf, names)), dtype=np.float64) * kind,
            kind=kind,
        )
        self._last = (features, terms)
        return terms

    def _is_quiet(self, story: _Story, published: datetime | None) -> bool:
        if published is None or story.first is None or story.last is None:
            return False
        gap = max(story.first - published, published - story.last).total_seconds()
        return gap > self.settings.quiet_days * 86_400.0

    def _candidates(self, q_ids: IntArray, q_w: FloatArray) -> IntArray:
        """Stories sharing the article's heaviest terms, ranked by the weight they share."""
        top = np.argsort(-q_w)[: self.settings.query_terms].tolist()
        found = map(self._postings.get, q_ids[top].tolist())
        lists = [(i, p) for i, p in zip(top, found, strict=True) if p]
        if not lists:
            return np.empty(0, dtype=np.int32)
        # One buffer for all posting lists: a single numpy call instead of one per list.
        sids = np.frombuffer(b"".join([p for _, p in lists]), dtype=np.int32).astype(np.int64)
        slot = np.repeat(
            np.array([i for i, _ in lists], dtype=np.int64), [len(p) for _, p in lists]
        )
        keys = np.unique(sids * len(q_ids) + slot)
        story_of, votes = np.unique(keys // len(q_ids), return_inverse=True)
        totals = np.bincount(votes, weights=q_w[keys % len(q_ids)])
        best = np.argsort(-totals, kind="stable")[: self.settings.max_candidates]
        return story_of[best].astype(np.int32)

    def _scores(self, q_ids: IntArray, q_w: FloatArray, stories: list[_Story]) -> FloatArray:
        """Cosine to each centroid without its largest single-term share.

        A match must not rest on one shared name: two acquisitions by the same company share
        the buyer and little else, two write-ups of one event share many specifics.
        """
        ids = np.concatenate([s.ids for s in stories])
        weights = np.concatenate([s.weights for s in stories])
        starts = np.cumsum([0] + [s.ids.size for s in stories[:-1]])
        pos = np.minimum(np.searchsorted(q_ids, ids), q_ids.size - 1)
        shares = np.where(q_ids[pos] == ids, q_w[pos], 0.0) * weights
        total = np.add.reduceat(shares, starts)
        top = np.maximum.reduceat(shares, starts)
        norms = np.array([s.norm for s in stories], dtype=np.float32)
        return np.asarray((total - top) / norms, dtype=np.float32)

    def match(self, features: Features) -> Match | None:
        """The best story for this article, or None when it should start a new story."""
        terms = self._terms(features)
        vocab = self._vocab
        tids = np.array([vocab.get(t, -1) for t in terms.names], dtype=np.int32)
        vec = self._vector(terms, tids)
        known = tids >= 0
        if not known.any():
            return None
        order = np.argsort(tids[known])
        q_ids, q_w = tids[known][order], vec[known][order]
        published = features.published
        sids = [
            sid
            for sid in self._candidates(q_ids, q_w).tolist()
            if not self._is_quiet(self._stories[sid], published)
        ]
        if not sids:
            return None
        stories = [self._stories[sid] for sid in sids]
        scores = self._scores(q_ids, q_w, stories)
        best = int(np.argmax(scores))
        if scores[best] < self.settings.threshold:
            return None
        return Match(sids[best], float(scores[best]))

    def add(self, story_id: int, features: Features) -> None:
        """Add an article to a story (new or existing) and update the online statistics."""
        terms = self._terms(features)
        vocab = self._vocab
        # A new term's id is the vocabulary size before it is added.
        tids = np.array([vocab.setdefault(t, len(vocab)) for t in terms.names], dtype=np.int32)
        while len(vocab) > self._df.size:
            self._df = np.concatenate([self._df, np.zeros_like(self._df)])
        vec = self._vector(terms, tids)
        self._merge(story_id, tids, vec, features)
        for i in np.argsort(-vec)[: self.settings.query_terms].tolist():
            self._post(int(tids[i]), story_id)
        np.add.at(self._df, tids, 1)
        self._docs += 1

    def _post(self, tid: int, story_id: int) -> None:
        """Append to a posting list; past twice the cap keep the most recent distinct stories."""
        posting = self._postings.get(tid)
        if posting is None:
            self._postings[tid] = array("i", (story_id,))
            return
        if posting[-1] == story_id:
            return
        posting.append(story_id)
        cap = self.settings.posting_cap
        if len(posting) > 2 * cap:
            recent = list(dict.fromkeys(reversed(posting)))[:cap]
            self._postings[tid] = array("i", reversed(recent))

    def _merge(self, story_id: int, tids: IntArray, vec: FloatArray, features: Features) -> None:
        story = self._stories.get(story_id)
        if story is not None:
            tids = np.concatenate([story.ids, tids])
            vec = np.concatenate([story.weights, vec])
        ids, inverse = np.unique(tids, return_inverse=True)
        weights = np.bincount(inverse, weights=vec).astype(np.float32)
        if ids.size > self.settings.centroid_terms:
            keep = np.sort(
                np.argpartition(-weights, self.settings.centroid_terms)[
                    : self.settings.centroid_terms
                ]
            )
            ids, weights = ids[keep], weights[keep]
        norm = float(np.sqrt(np.dot(weights, weights))) or 1.0
        first, last = _span(story, features.published)
        size = (story.size if story else 0) + 1
        self._stories[story_id] = _Story(ids.astype(np.int32), weights, norm, size, first, last)


def _span(story: _Story | None, published: datetime | None) -> tuple[datetime | None, ...]:
    if story is None:
        return published, published
    if published is None:
        return story.first, story.last
    first = min(story.first, published) if story.first else published
    last = max(story.last, published) if story.last else published
    return first, last
