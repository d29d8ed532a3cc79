"""Single-pass story clustering over a stream of articles.

Each article either joins the best existing story or starts a new one. Candidate stories
come from an inverted index over the article's most distinctive terms (posting lists keep
only the most recent stories), so the cost per article stays flat as the store grows.

A story keeps a centroid: the sum of its members' normalised tf-idf vectors, pruned to its
heaviest terms and stored as compact numpy arrays. Rarity (idf) blends the store's online
document frequencies with an English word-frequency prior, which matters while the store is
still small. Idf is frozen into a member's vector when it is added.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from stories.features import KIND_NUMBER, KIND_PHRASE, KIND_WORD, Features, zipf

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]

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
        }
        self._vocab: dict[str, int] = {}
        self._df: list[int] = []
        self._docs = 0
        self._postings: dict[int, list[int]] = {}
        self._stories: dict[int, _Story] = {}

    def __len__(self) -> int:
        return len(self._stories)

    @property
    def articles(self) -> int:
        return self._docs

    def idf(self, term: str) -> float:
        """Blend of online idf (weight: documents seen) and the prior (weight: prior_docs)."""
        tid = self._vocab.get(term)
        df = self._df[tid] if tid is not None else 0
        online = math.log((self._docs + 1.0) / (df + 0.5))
        k = self.settings.prior_docs
        return (self._docs * online + k * prior_idf(term)) / (self._docs + k)

    def _vector(self, features: Features) -> dict[str, float]:
        kinds = self._kind_weights
        vec = {t: w * self.idf(t) * kinds.get(t[:2], 1.0) for t, w in features.terms}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def _is_quiet(self, story: _Story, published: datetime | None) -> bool:
        if published is None or story.first is None or story.last is None:
            return False
        gap = max(story.first - published, published - story.last).total_seconds()
        return gap > self.settings.quiet_days * 86_400.0

    def _candidates(self, query: dict[int, float]) -> list[int]:
        top = sorted(query.items(), key=lambda kv: -kv[1])[: self.settings.query_terms]
        votes: dict[int, float] = {}
        for tid, weight in top:
            for sid in set(self._postings.get(tid, ())):
                votes[sid] = votes.get(sid, 0.0) + weight
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        return [sid for sid, _ in ranked[: self.settings.max_candidates]]

    def _score(self, q_ids: IntArray, q_w: FloatArray, story: _Story) -> float:
        """Cosine to the centroid without its largest single-term share.

        A match must not rest on one shared name: two acquisitions by the same company share
        the buyer and little else, two write-ups of one event share many specifics.
        """
        _, qi, si = np.intersect1d(q_ids, story.ids, assume_unique=True, return_indices=True)
        if qi.size == 0:
            return 0.0
        shares = q_w[qi] * story.weights[si]
        return float(shares.sum() - shares.max()) / story.norm

    def match(self, features: Features) -> Match | None:
        """The best story for this article, or None when it should start a new story."""
        vec = self._vector(features)
        query = {self._vocab[t]: v for t, v in vec.items() if t in self._vocab}
        if not query:
            return None
        q_ids, q_w = _arrays(query)
        best: Match | None = None
        for sid in self._candidates(query):
            story = self._stories[sid]
            if self._is_quiet(story, features.published):
                continue
            score = self._score(q_ids, q_w, story)
            if best is None or score > best.score:
                best = Match(sid, score)
        if best is None or best.score < self.settings.threshold:
            return None
        return best

    def add(self, story_id: int, features: Features) -> None:
        """Add an article to a story (new or existing) and update the online statistics."""
        vec = self._vector(features)
        for term, _ in features.terms:
            self._term_id(term)
        ids = {self._vocab[t]: v for t, v in vec.items()}
        self._merge(story_id, ids, features.published)
        for tid in _heaviest(ids, self.settings.query_terms):
            self._post(tid, story_id)
        for term, _ in features.terms:
            self._df[self._vocab[term]] += 1
        self._docs += 1

    def _term_id(self, term: str) -> int:
        tid = self._vocab.get(term)
        if tid is None:
            tid = len(self._df)
            self._vocab[term] = tid
            self._df.append(0)
        return tid

    def _post(self, tid: int, story_id: int) -> None:
        """Append to a posting list; past twice the cap keep the most recent distinct stories."""
        posting = self._postings.setdefault(tid, [])
        if posting and posting[-1] == story_id:
            return
        posting.append(story_id)
        cap = self.settings.posting_cap
        if len(posting) > 2 * cap:
            recent = list(dict.fromkeys(reversed(posting)))[:cap]
            posting[:] = recent[::-1]

    def _merge(self, story_id: int, vec: dict[int, float], published: datetime | None) -> None:
        story = self._stories.get(story_id)
        if story is not None:
            for tid, w in zip(story.ids.tolist(), story.weights.tolist(), strict=True):
                vec[tid] = vec.get(tid, 0.0) + w
        kept = dict(_heaviest_items(vec, self.settings.centroid_terms))
        ids, weights = _arrays(kept)
        norm = float(np.sqrt(np.dot(weights, weights))) or 1.0
        first, last = _span(story, published)
        self._stories[story_id] = _Story(
            ids, weights, norm, (story.size if story else 0) + 1, first, last
        )


def _span(story: _Story | None, published: datetime | None) -> tuple[datetime | None, ...]:
    if story is None:
        return published, published
    if published is None:
        return story.first, story.last
    first = min(story.first, published) if story.first else published
    last = max(story.last, published) if story.last else published
    return first, last


def _heaviest_items(vec: dict[int, float], n: int) -> list[tuple[int, float]]:
    return sorted(vec.items(), key=lambda kv: -kv[1])[:n]


def _heaviest(vec: dict[int, float], n: int) -> Iterable[int]:
    return (tid for tid, _ in _heaviest_items(vec, n))


def _arrays(vec: dict[int, float]) -> tuple[IntArray, FloatArray]:
    ids = np.fromiter(vec.keys(), dtype=np.int32, count=len(vec))
    weights = np.fromiter(vec.values(), dtype=np.float32, count=len(vec))
    order = np.argsort(ids)
    return ids[order], weights[order]
