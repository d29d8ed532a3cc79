"""Single-pass story clustering over a stream of articles.

Each article either joins the best existing story or starts a new one. Candidate stories
come from an inverted index over the article's most distinctive terms (posting lists keep
only the most recent stories), so the cost per article stays flat as the store grows.

A story keeps a centroid: the sum of its members' normalised tf-idf vectors, pruned to its
heaviest terms and stored as compact numpy arrays. Rarity (idf) blends the store's online
document frequencies with an English word-frequency prior, which matters while the store is
still small, and the online idf never exceeds the prior's: a name common in English stays as
telling as English says it is. Idf is frozen into a member's vector when it is added.

Dates in the text (``d:`` terms) weigh like numbers: two write-ups of one event tend to name
the same day, two events of the same kind rarely do. They are not used as a veto: articles
name backstory years too often (a year-conflict penalty lost more recall than it gained).

A story told in other languages than the article's shares none of its words, so it is
scored on what crosses languages alone: the names' cross-script keys (``k:`` terms), numbers and
dates (not a bare year), each story keeping a second, small centroid of those (see
``cross_threshold``), and never on dates and numbers without a name. A story told in several
languages keeps a centroid of each too: its main centroid holds the words of its main
languages only, and an article in another of its languages is scored against that language's
articles as well. Keys are kept out of the word-and-name vector: within one language the
names themselves say more.

A story that is still small some articles after it began gets a second look: the stories
around it have grown since its articles were matched, and when each of its articles now fits
another story, they move there and the small story is dissolved. Single-pass clustering
otherwise keeps the fragments an event's first, atypical write-ups started.

The opposite error, two events of the same kind in one story (two title defences by one boxer,
two arrests at one club), is found as the story grows: every few articles its members are cut
in two by average-link clustering, and when articles across the cut are much less alike than
articles within each part, the part without the story's first article becomes a story of its
own. Once such a story holds both events, each event's next articles fit it better than
anything else, so the mix otherwise only grows.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import chain, repeat
from typing import Any

import numpy as np
import numpy.typing as npt

from stories.features import (
    KIND_DATE,
    KIND_KEY,
    KIND_NUMBER,
    KIND_PHRASE,
    KIND_WORD,
    Features,
    zipf,
)
from stories.language import ENGLISH, stem_zipf
from stories.scripts import skeleton_zipf
from stories.story_split import (
    DoubleArray,
    FloatArray,
    IntArray,
    Member,
    Vector,
    cut,
    smallest_part,
)

# Rough length of an article in words, to turn a word frequency into a document frequency.
_DOC_WORDS = 300.0
_MIN_DOC_SHARE = 1e-5
# A member's vector is kept to this many of its heaviest terms for a later split: enough to
# compare members and rebuild the centroids, at a fraction of the memory.
_MEMBER_TERMS = 64
# Stories whose members are kept for a split, the most recently grown (about 0.8 KB a member).
_TRACKED = 2_000
# A story's cross-language centroid keeps this many terms, a member this many, and an article
# posts this many of its heaviest keys, so that write-ups in other languages find its story.
_CROSS_TERMS = 100
_MEMBER_CROSS_TERMS = 32
_POSTED_KEYS = 8
#: the kinds of term the cross-language score reads: the same in every language
_CROSSING = (KIND_DATE, KIND_KEY, KIND_NUMBER)


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """Knobs of the story index. Defaults were chosen on ECB+ (see bench/cluster_quality.py)."""

    threshold: float = 0.19
    word_weight: float = 0.35
    number_weight: float = 2.0
    phrase_weight: float = 0.5
    date_weight: float = 2.0
    key_weight: float = 1.0
    """Weight of a name's cross-script key (``k:``) in the cross-language score."""
    cross_threshold: float = 0.2
    """Similarity on names' keys, numbers and dates that an article needs to join a story
    told in none of its language (whose words it cannot share). Calibrated on ECB+'s English
    pairs of one topic (same event or a look-alike), scored on those terms alone: at 0.2 such
    a match is right 96% of the time (0.15: 90%, as the word score at ``threshold``; 0.3: 100%
    with a third of the recall). Names alone mislead more across languages, where the same
    officials recur in event after event, so the stricter point is taken."""
    cross_unnamed_share: float = 0.7
    """Dates and numbers make at most this share of a cross-language score, names' keys the
    rest: the articles of one day share its date and small numbers (a photo contest's results
    and a festival, both "22 November"), and an article in another language joined to a story
    on those alone was wrong nearly every time on pairs-dev. 0.5 to 0.95 gave the same."""
    date_share: float = 0.7
    """Dates and bare years make at most this share of a word score: the articles of one day
    name that day and its year, whatever they tell, and a story grown on dates alone takes
    every article of its days."""
    quiet_days: float = 5.0
    max_span_days: float = 7.0
    """A story takes no article published this many days after its first, however steady its
    coverage: events about the same names keep coming, and a story open for ever gathers them."""
    prior_docs: float = 200.0
    """Idf blends the store's online idf (weighted by the articles seen) with the English
    word-frequency prior (weighted by this many)."""
    idf_margin: float = 0.0
    """The online idf of a term may exceed its prior idf by at most this many nats. A word or
    name common in English (Microsoft, Philadelphia, hope) that few stories in the store use
    yet would otherwise look as specific as a rare name, and draw one event's articles into
    another's story. Names unknown to the word list have the highest prior, so no ceiling."""
    query_terms: int = 30
    posting_cap: int = 100
    """A term's posting list keeps the most recent this many stories (up to twice as many
    entries between trims). Only common terms fill theirs, and a story sharing nothing but common
    terms with an article scores little against it; longer lists made the candidate
    search grow with the store (6,300 entries a query at 100,000 articles with 300, 2,800
    with 100) and took more old stories of other events as candidates."""
    max_candidates: int = 50
    centroid_terms: int = 200
    second_look_after: int = 100
    """Articles clustered after a story began before it gets its second look."""
    second_look_size: int = 3
    """Stories of at most this many articles at their second look may be dissolved (0: none)."""
    split_ratio: float = 0.55
    """A story is split in two when articles across the cut are on average less alike than
    this share of articles within its parts (0: never)."""
    split_min: int = 3
    """Each part of a split has at least this many articles (2 at least); a story is checked
    each time it has grown by this many, from twice as many."""
    split_until: int = 30
    """Stories grown past this many articles are no longer checked."""
    split_aside: float = 0.2
    """Up to this share of a story's articles may be set aside to find its two parts: odd
    articles that the cut would otherwise part from the rest on their own. They then go with
    the part they are more like."""
    window_days: float = 14.0
    """Stories whose last article is this many days older than the newest article seen leave
    the index (see :meth:`StoryIndex.forget`), and so do the near-copy index's articles of that
    age: no article can join them any more (``quiet_days``) unless it arrives a week late.
    They stay in the store, answerable; the index, its memory and the replay at start hold only
    what matching the next articles needs. Term rarity is counted over the window too. Past
    ``quiet_days``, the window is how late an article may come and still find its story."""
    window_articles: int = 20_000
    """The stories and articles of the last this many articles stay in the indexes whatever
    their dates: a backlog of last year's articles ingested into a live store still finds
    its stories while it comes in."""

    def __post_init__(self) -> None:
        if self.prior_docs <= 0:
            # The first article's idf would be 0 / 0.
            raise ValueError(f"prior_docs must be above 0, not {self.prior_docs}")
        if not 0.0 <= self.date_share < 1.0:
            raise ValueError(f"date_share must be at least 0 and below 1, not {self.date_share}")
        if self.window_days <= self.quiet_days:
            raise ValueError(
                f"window_days ({self.window_days}) must exceed quiet_days ({self.quiet_days}):"
                " stories still open would leave the index"
            )


@dataclass(frozen=True, slots=True)
class Match:
    """The story an article should join and how well it fits (cosine, 0..1)."""

    story_id: int
    score: float


@dataclass(frozen=True, slots=True)
class Move:
    """An article that a second look moved out of a small story, which no longer exists."""

    article_id: int
    from_story: int
    to_story: int


@dataclass(slots=True)
class _Story:
    ids: IntArray
    weights: FloatArray
    norm: float
    size: int
    languages: frozenset[str]
    #: the centroid of names' keys, numbers and dates (see ``_CROSSING``)
    cross: Vector
    #: once it is told in several languages, the centroid of its articles in each
    told: dict[str, Vector]


@dataclass(frozen=True, slots=True)
class _Article:
    """An article's terms and vectors as the store saw them after ``docs`` articles.

    ``names`` and the arrays by position hold every term; ``vec`` is the normalised vector of
    the terms at ``main`` (all but names' keys), ``cross`` that of the terms at ``crossing``.
    """

    features: Features
    docs: int
    language: str
    names: tuple[str, ...]
    #: -1 for terms not in the vocabulary yet
    tids: IntArray
    #: positions of the terms not in the vocabulary yet
    new: npt.NDArray[np.intp]
    kind: DoubleArray
    #: prior idf times the kind weight
    prior: DoubleArray
    main: npt.NDArray[np.intp]
    vec: FloatArray
    #: ``vec`` without its dates and bare years
    undated: FloatArray
    crossing: npt.NDArray[np.intp]
    cross: FloatArray
    #: where the names' keys are in ``cross``
    keys: range


@lru_cache(maxsize=500_000)
def prior_idf(term: str) -> float:
    """Idf implied by word frequency: rare words are distinctive from the start.

    A word of another language than English (``w:de:haus``) is looked up in its language's
    list, a name's cross-script key among the English words that share it; every other term in
    English's list.
    """
    word = term[2:]
    if term.startswith(KIND_KEY):
        z = skeleton_zipf(word)
    else:
        language, colon, rest = word.partition(":")
        z = stem_zipf(rest, language) if colon else zipf(word)
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
            KIND_KEY: self.settings.key_weight,
        }
        self._vocab: dict[str, int] = {}
        # By term id, its text (None: a free id), and the ids let go, to be given out again.
        self._names: list[str | None] = []
        self._free_terms: list[int] = []
        # By term id: document frequency, and the kind weight and kind-weighted prior idf,
        # which are kept so that a known term costs one dictionary lookup.
        self._df = np.zeros(1024, dtype=np.int32)
        self._kind = np.zeros(1024, dtype=np.float64)
        self._prior = np.zeros(1024, dtype=np.float64)
        # Scratch, all zeros between calls: the query's weight by term id, so that ``_scores``
        # looks centroid terms up by position instead of searching for them.
        self._query = np.zeros(1024, dtype=np.float32)
        self._docs = 0
        # Articles added since the index began: the clock of second looks (``_docs`` drops as
        # stories leave the window).
        self._added = 0
        # By story, the term ids of each of its articles (by article id, or a negative key for
        # one without), so that a story leaving the window gives its document counts back.
        self._terms: dict[int, dict[int, IntArray]] = {}
        self._postings: dict[int, array[int]] = {}
        #: stories let go since the posting lists were last swept
        self._gone = 0
        self._stories: dict[int, _Story] = {}
        #: by story, the templates of its dated headlines and the dates each named
        self._series: dict[int, dict[str, str]] = {}
        #: the languages of the articles seen: one, and no story needs a cross-language look
        self._languages: set[str] = set()
        # By story, in the order the stories came: the first and last publication time in POSIX
        # seconds (NaN: none known), so that the quiet check is one numpy expression.
        # ``_touched`` is the latest time of the story's articles, their publication time or,
        # for an undated one, when it was added (``add``'s ``when``); rows of stories that left
        # the window are given out again.
        self._row_of: dict[int, int] = {}
        self._free_rows: list[int] = []
        self._first = np.full(1024, np.nan)
        self._last_seen = np.full(1024, np.nan)
        self._touched = np.full(1024, np.nan)
        #: by row, the value of ``_added`` when the story last took an article
        self._stamp = np.zeros(1024, dtype=np.int64)
        self._last: _Article | None = None
        # Stories that began with a known article id, in order: when each is due for its
        # second look (in articles clustered), and the articles of those still small enough.
        self._due: deque[tuple[int, int]] = deque()
        self._small: dict[int, list[tuple[int, Features]]] = {}
        # The members of the stories that may still be split, the most recently grown last;
        # the stories that may not (any more); and the stories due for a split check.
        self._members: OrderedDict[int, list[Member]] = OrderedDict()
        self._unsplit: set[int] = set()
        self._split_due: list[int] = []

    def __len__(self) -> int:
        return len(self._stories)

    def __contains__(self, story_id: object) -> bool:
        return story_id in self._stories

    @property
    def articles(self) -> int:
        return self._docs

    def _article(self, features: Features) -> _Article:
        """Term ids and normalised tf-idf vector of an article against the current store.

        ``add`` usually follows ``match`` for the same article with the store unchanged, so the
        last article's are kept.
        """
        last = self._last
        if last is not None and last.features is features and last.docs == self._docs:
            return last
        names, tf = zip(*features.terms, strict=True) if features.terms else ((), ())
        tids = np.array(list(map(self._vocab.get, names, repeat(-1))), dtype=np.int32)
        new = np.flatnonzero(tids < 0)
        # np.take: several times faster than indexing with an int32 array. An unknown term (-1)
        # takes the last slot's values; the loop replaces them.
        kind = np.take(self._kind, tids)
        prior = np.take(self._prior, tids)
        df = np.take(self._df, tids)
        for i in new.tolist():
            kind[i] = self._kind_weights.get(names[i][:2], 1.0)
            prior[i] = prior_idf(names[i]) * kind[i]
            df[i] = 0
        # Online idf no rarer than the prior allows (both kind-weighted, kinds weigh >= 0).
        ceiling = prior + self.settings.idf_margin * kind
        online = np.minimum(np.log((self._docs + 1.0) / (df + 0.5)) * kind, ceiling)
        k = self.settings.prior_docs
        full = np.array(tf, dtype=np.float64) * (self._docs * online + k * prior) / (self._docs + k)
        # Terms are sorted, so each kind is one run, in the order d: e: k: n: p: w:. The keys'
        # run is left out of the main vector; the cross vector is the runs of dates, then keys
        # and numbers (next to each other).
        dates, keys, numbers = (_run(names, kind) for kind in _CROSSING)
        every = np.arange(len(names), dtype=np.intp)
        main = np.concatenate((every[: keys.start], every[keys.stop :]))
        crossing = np.concatenate(
            (every[dates.start : dates.stop], every[keys.start : numbers.stop])
        )
        years = [i for i in chain(dates, numbers) if _bare_year(names[i])]
        if years:
            crossing = crossing[~np.isin(crossing, years)]
        # The keys follow the dates that are not bare years in ``cross``.
        first_key = len(dates) - sum(i < dates.stop for i in years)
        vec = _normalised(full[main])
        undated = vec.copy()
        # Dates come first among the main vector's terms; numbers follow the keys left out.
        undated[: len(dates)] = 0.0
        undated[[i - len(keys) for i in years if i >= numbers.start]] = 0.0
        article = _Article(
            features,
            self._docs,
            features.language or ENGLISH,
            names,
            tids,
            new,
            kind,
            prior,
            main,
            vec,
            undated,
            crossing,
            _normalised(full[crossing]),
            range(first_key, first_key + len(keys)),
        )
        self._last = article
        return article

    def _active(self, sids: list[int], published: datetime | None) -> list[int]:
        """The stories still open to the article: within quiet_days of it and begun at most
        max_span_days before it, or without dates."""
        if published is None:
            return sids
        when = published.timestamp()
        rows = np.fromiter(map(self._row_of.__getitem__, sids), dtype=np.intp, count=len(sids))
        first = np.take(self._first, rows)
        # A story without dates has NaN spans: NaN > limit is false, so it is never quiet.
        gap = np.maximum(first - when, when - np.take(self._last_seen, rows))
        quiet = (gap > self.settings.quiet_days * 86_400.0) | (
            when - first > self.settings.max_span_days * 86_400.0
        )
        return [sid for sid, q in zip(sids, quiet.tolist(), strict=True) if not q]

    def _candidates(self, q_ids: IntArray, q_w: FloatArray) -> IntArray:
        """Stories sharing the article's heaviest terms, ranked by the weight they share.

        A story counts once per term however often its posting list names it. One sort of the
        (story, term) keys finds both the pairs and the stories (``np.unique`` is several times
        slower here). Ties go to the lower story id.
        """
        top = np.argsort(-q_w)[: self.settings.query_terms].tolist()
        found = map(self._postings.get, q_ids[top].tolist())
        lists = [(i, p) for i, p in zip(top, found, strict=True) if p]
        if not lists:
            return np.empty(0, dtype=np.int32)
        # Key: story id in the high bits, the term's position in the query in the low bits.
        shift = len(q_ids).bit_length()
        # One buffer for all posting lists: a single numpy call instead of one per list.
        keys = np.frombuffer(b"".join([p for _, p in lists]), dtype=np.int32).astype(np.int64)
        keys <<= shift
        keys |= np.repeat(
            np.array([i for i, _ in lists], dtype=np.int64), [len(p) for _, p in lists]
        )
        keys.sort()
        keys = keys[_starts(keys)]
        story = keys >> shift
        first = _starts(story)
        totals = np.bincount(np.cumsum(first) - 1, weights=q_w[keys & ((1 << shift) - 1)])
        best = _top(totals, self.settings.max_candidates)
        return story[np.flatnonzero(first)[best]].astype(np.int32)

    def _scores(
        self,
        q_ids: IntArray,
        q_w: FloatArray,
        stories: Sequence[_Story | Vector],
        telling: FloatArray | None = None,
        share: float = 0.0,
    ) -> FloatArray:
        """Cosine to each centroid less its largest single-term share in the proportion that
        term makes of the cosine, and, given the query's weights without the terms that say
        little on their own (``telling``), with those terms at most ``share`` of it.

        A match must not rest on one shared name: two acquisitions by the same company share
        the buyer and little else (the cosine is nearly all that name's, and nearly all of it
        goes), two write-ups of one event share many specifics (the largest is a small part and
        costs little: taking it off whole lost two write-ups of a shooting whose largest share
        was "Thai"). Nor on dates alone: articles of one day name it, and the year, whatever
        they tell. Nor, across languages, on dates and numbers without a name.
        """
        ids = np.concatenate([s.ids for s in stories])
        weights = np.concatenate([s.weights for s in stories])
        starts = np.cumsum([0] + [s.ids.size for s in stories[:-1]])
        self._query[q_ids] = q_w
        # np.take: several times faster than indexing with an int32 array.
        shares = np.take(self._query, ids) * weights
        self._query[q_ids] = 0.0
        # In float64: a share's square over the sum magnifies float32's rounding.
        total = np.add.reduceat(shares, starts, dtype=np.float64)
        top = np.maximum.reduceat(shares, starts).astype(np.float64)
        score = total - top * top / np.maximum(total, 1e-12)
        if telling is not None:
            self._query[q_ids] = telling
            rest = np.add.reduceat(np.take(self._query, ids) * weights, starts, dtype=np.float64)
            self._query[q_ids] = 0.0
            score = np.minimum(score, rest / (1.0 - share))
        norms = np.array([s.norm for s in stories], dtype=np.float32)
        return np.asarray(score / norms, dtype=np.float32)

    def match(self, features: Features, exclude: int | None = None) -> Match | None:
        """The best story for this article (other than ``exclude``), or None when it should
        start a new story."""
        article = self._article(features)
        order = _known(article.tids[article.main])
        q_ids, q_w = article.tids[article.main][order], article.vec[order]
        candidates = self._candidates(q_ids, q_w) if q_ids.size else _NONE
        multilingual = len(self._languages | {article.language}) > 1
        if multilingual:
            x_order = _known(article.tids[article.crossing])
            x_ids, x_w = article.tids[article.crossing][x_order], article.cross[x_order]
            if x_ids.size:
                more = self._candidates(x_ids, x_w)
                candidates = np.concatenate([candidates, more[~np.isin(more, candidates)]])
        # Posting lists still name dissolved stories.
        found = [sid for sid in candidates.tolist() if sid in self._stories and sid != exclude]
        sids = self._active(self._not_another_instalment(found, features), features.published)
        if not sids:
            return None
        stories = [self._stories[sid] for sid in sids]
        undated = article.undated[order]
        scores = self._scores(q_ids, q_w, stories, undated, self.settings.date_share)
        if multilingual:
            self._own_language_scores(scores, q_ids, q_w, undated, article.language, stories)
            keys = article.keys
            names = np.where((x_order >= keys.start) & (x_order < keys.stop), x_w, 0.0)
            names = names.astype(x_w.dtype)
            self._cross_scores(scores, x_ids, x_w, names, article.language, stories)
        best = int(np.argmax(scores))
        if scores[best] < self.settings.threshold:
            return None
        return Match(sids[best], float(scores[best]))

    def _not_another_instalment(self, sids: list[int], features: Features) -> list[int]:
        """The stories this article is not another day's instalment of: a story holding
        "Прогноз погоды на 8 ноября" takes no "Прогноз погоды на 16 ноября", however alike
        the forecasts are (``Features.series``)."""
        if features.series is None:
            return sids
        template, dates = features.series
        series = self._series
        return [sid for sid in sids if series.get(sid, {}).get(template, dates) == dates]

    def _own_language_scores(
        self,
        scores: FloatArray,
        q_ids: IntArray,
        q_w: FloatArray,
        undated: FloatArray,
        language: str,
        stories: list[_Story],
    ) -> None:
        """Score the stories told in several languages, the article's among them, against
        their articles in its language too, and keep the better of that and the whole's.

        A story's centroid keeps its heaviest terms, the words of its main languages: the
        second Russian write-up of a story that many English outlets tell finds none of its
        words there, only in the story's Russian articles.
        """
        mixed = [i for i, story in enumerate(stories) if language in story.told]
        if not mixed:
            return
        told = [stories[i].told[language] for i in mixed]
        own = self._scores(q_ids, q_w, told, undated, self.settings.date_share)
        for i, value in zip(mixed, own.tolist(), strict=True):
            scores[i] = max(scores[i], value)

    def _cross_scores(
        self,
        scores: FloatArray,
        x_ids: IntArray,
        x_w: FloatArray,
        names: FloatArray,
        language: str,
        stories: list[_Story],
    ) -> None:
        """Score the stories told in none of the article's language on names' keys, numbers and
        dates alone (``names``: the query's weights of the keys only).

        The cross score is a cosine like the word score (less its largest single-term share,
        and with dates and numbers at most ``cross_unnamed_share`` of it) measured against
        ``cross_threshold``; scaled to ``threshold`` it competes with the stories in the
        article's language. Their word score is not kept: what it shares with a story in
        another language is numbers, dates and names spelled alike, which the cross score
        weighs by what crosses languages (a short Arabic article joined an English story
        on 20 and 2020 that way).
        """
        others = [i for i, story in enumerate(stories) if language not in story.languages]
        scores[others] = 0.0
        others = [i for i in others if stories[i].cross.ids.size]
        if not others or not x_ids.size:
            return
        crosses = [stories[i].cross for i in others]
        cross = self._scores(x_ids, x_w, crosses, names, self.settings.cross_unnamed_share)
        scale = self.settings.threshold / self.settings.cross_threshold
        for i, value in zip(others, cross.tolist(), strict=True):
            scores[i] = value * scale

    def add(
        self,
        story_id: int,
        features: Features,
        article_id: int | None = None,
        when: float | None = None,
    ) -> None:
        """Add an article to a story (new or existing) and update the online statistics.

        A story begun by an article with an id is due for a second look (see
        :meth:`second_looks`). ``when`` (POSIX seconds) is the article's time for the window
        (:meth:`forget`): its publication time, else when it came; without either the story
        never leaves the index.
        """
        if article_id is not None and self.settings.second_look_size > 0:
            self._track(story_id, article_id, features)
        else:
            # A story holding an article that cannot be moved is never dissolved.
            self._small.pop(story_id, None)
        tids = self._join(story_id, features, article_id)
        if features.series is not None:
            self._series.setdefault(story_id, {}).setdefault(*features.series)
        # An article names each term once, so a plain fancy-index add counts every term.
        self._df[tids] += 1
        self._docs += 1
        self._added += 1
        key = article_id if article_id is not None else -self._added
        self._terms.setdefault(story_id, {})[key] = tids
        if when is None and features.published is not None:
            when = features.published.timestamp()
        self._touch(story_id, np.nan if when is None else when)

    def forget(self, before: float) -> list[int]:
        """Let go of the stories whose articles are all older than ``before`` (POSIX seconds)
        and that took none of the last ``window_articles`` articles, giving back their
        articles' document counts and the terms no article in the index names any more; the
        stories let go.

        The caller keeps ``before`` behind the newest article by ``window_days``, so every
        story let go is closed to the articles still to come (``quiet_days``).
        """
        used = len(self._row_of) + len(self._free_rows)
        rows = np.flatnonzero(
            (self._touched[:used] < before)
            & (self._stamp[:used] <= self._added - self.settings.window_articles)
        )
        if not rows.size:
            return []
        by_row = {row: sid for sid, row in self._row_of.items()}
        gone = [by_row[row] for row in rows.tolist() if row in by_row]
        counted: list[IntArray] = []
        for sid in gone:
            self._stories.pop(sid, None)
            self._series.pop(sid, None)
            self._members.pop(sid, None)
            self._small.pop(sid, None)
            self._unsplit.discard(sid)
            counted += self._terms.pop(sid, {}).values()
            row = self._row_of.pop(sid)
            self._first[row] = self._last_seen[row] = self._touched[row] = np.nan
            self._free_rows.append(row)
        if counted:
            tids = np.concatenate(counted)
            np.subtract.at(self._df, tids, 1)
            self._docs -= len(counted)
            self._free(np.unique(tids))
        self._last = None
        self._gone += len(gone)
        if self._gone > max(1_000, len(self._stories)):
            self._sweep()
        return gone

    def _sweep(self) -> None:
        """Take the stories no longer in the index out of every posting list.

        A list is trimmed only when it grows past twice the cap, so the lists of terms still
        in use would otherwise keep naming stories long gone: they cost memory and candidate
        slots. Swept once as many stories have gone as the index holds, it costs a pass over
        every list for each window's worth of stories.
        """
        stories, swept = self._stories, {}
        for tid, posting in self._postings.items():
            kept = [s for s in posting if s in stories]
            if kept:
                swept[tid] = array("i", kept)
        self._postings = swept
        self._gone = 0

    def _free(self, tids: IntArray) -> None:
        """Let go of the terms among ``tids`` that no article in the index names."""
        unused = tids[self._df[tids] == 0].tolist()
        for tid in unused:
            name = self._names[tid]
            if name is not None:
                del self._vocab[name]
                self._names[tid] = None
            self._postings.pop(tid, None)
        self._free_terms += unused

    def _join(self, story_id: int, features: Features, article_id: int | None) -> IntArray:
        """Put the article's vector into the story's centroid and posting lists; its term ids."""
        article = self._article(features)
        every = self._register(article)
        self._languages.add(article.language)
        tids, x_tids = every[article.main], every[article.crossing]
        by_weight = np.argsort(-article.cross)
        cross = _sparse(x_tids, article.cross, by_weight[:_CROSS_TERMS])
        self._merge(story_id, tids, article.vec, features.published, article.language, cross)
        heaviest = np.argsort(-article.vec)
        self._post(tids[heaviest[: self.settings.query_terms]].tolist(), story_id)
        # Only keys: the word-and-name query never reads their posting lists.
        keys = article.keys
        heaviest_keys = np.argsort(-article.cross[keys.start : keys.stop])[:_POSTED_KEYS]
        self._post(x_tids[keys.start + heaviest_keys].tolist(), story_id)
        member = Member(
            article_id or 0,
            tids,
            article.vec,
            features.published,
            article.language,
            _sparse(x_tids, article.cross, by_weight[:_MEMBER_CROSS_TERMS]),
        )
        self._note_member(story_id, article_id, member, heaviest)
        return every

    def _note_member(
        self,
        story_id: int,
        article_id: int | None,
        member: Member,
        heaviest: npt.NDArray[np.intp],
    ) -> None:
        """Keep what a split of the story needs, and note when its next check is due.

        A story holding an article without an id (one that cannot be moved) is never split, nor
        is one grown past ``split_until``, nor one that has not grown while ``_TRACKED``
        others did (on a live stream, a story that has gone quiet): their members are let go.
        """
        settings = self.settings
        if settings.split_ratio <= 0 or story_id in self._unsplit:
            return
        members = self._members.setdefault(story_id, [])
        if article_id is None or len(members) >= settings.split_until:
            self._stop_splits(story_id)
            return
        keep = np.sort(heaviest[:_MEMBER_TERMS])
        members.append(
            Member(
                member.article_id,
                member.tids[keep],
                member.vec[keep],
                member.published,
                member.language,
                member.cross,
            )
        )
        self._members.move_to_end(story_id)
        if len(self._members) > _TRACKED:
            self._stop_splits(next(iter(self._members)))
        size, step = len(members), smallest_part(self.settings)
        if size >= 2 * step and size % step == 0:
            self._split_due.append(story_id)

    def _stop_splits(self, story_id: int) -> None:
        self._members.pop(story_id, None)
        self._unsplit.add(story_id)

    def _track(self, story_id: int, article_id: int, features: Features) -> None:
        if story_id not in self._stories:
            self._due.append((self._added + self.settings.second_look_after, story_id))
            self._small[story_id] = [(article_id, features)]
            return
        members = self._small.get(story_id)
        if members is not None:
            members.append((article_id, features))
            if len(members) > self.settings.second_look_size:
                del self._small[story_id]

    def drop_due(self) -> None:
        """Forget the second looks that are due without taking them.

        For a rebuild from the store: whoever stored those stories has looked at them, and
        only the stories begun too recently still wait for theirs.
        """
        for sid in self._due_now():
            self._small.pop(sid, None)
        self._split_due.clear()

    def _due_now(self) -> Iterator[int]:
        """Take the stories whose second look is due, in the order they began."""
        while self._due and self._due[0][0] <= self._added:
            yield self._due.popleft()[1]

    def second_looks(self) -> list[Move]:
        """Dissolve the stories due for a second look whose every article now fits another.

        A story stays as it is when any of its articles fits no other story: its articles were
        matched together and move only together or, when they fit different stories, each to
        its own. Call after :meth:`add`; the caller moves the articles in the store.
        """
        moves: list[Move] = []
        for sid in self._due_now():
            members = self._small.pop(sid, None)
            if members is None or sid not in self._stories:
                continue
            found = [self.match(features, exclude=sid) for _, features in members]
            targets = [m for m in found if m is not None]
            if len(targets) < len(members):
                continue
            del self._stories[sid]
            self._series.pop(sid, None)
            self._members.pop(sid, None)
            left = self._terms.pop(sid, {})
            row = self._row_of.pop(sid)
            when = float(self._touched[row])
            self._first[row] = self._last_seen[row] = self._touched[row] = np.nan
            self._free_rows.append(row)
            for (article_id, features), m in zip(members, targets, strict=True):
                self._join(m.story_id, features, article_id)
                self._track(m.story_id, article_id, features)
                self._terms.setdefault(m.story_id, {})[article_id] = left.pop(article_id)
                self._touch(m.story_id, when)
                moves.append(Move(article_id, sid, m.story_id))
        return moves

    def splits(self, new_story: Callable[[], int]) -> list[Move]:
        """Split the stories due for a check that hold two events; ``new_story`` gives the id
        of each new story.

        The part holding the story's first article keeps the story; the other part's articles
        move to the new story. Call after :meth:`add`; the caller moves the articles in the
        store.
        """
        moves: list[Move] = []
        due, self._split_due = self._split_due, []
        for sid in dict.fromkeys(due):
            # A dissolved story's members are gone.
            members = self._members.get(sid)
            if not members:
                continue
            parts = cut(members, self.settings)
            if parts is None:
                continue
            keep, leave = parts
            new_id = new_story()
            self._rebuild(sid, keep)
            self._rebuild(new_id, leave)
            theirs, ours = self._terms[sid], self._terms.setdefault(new_id, {})
            for member in leave:
                ours[member.article_id] = theirs.pop(member.article_id)
            self._touch(new_id, self._touched[self._row_of[sid]])
            for member in leave:
                top = np.argsort(-member.vec)[: self.settings.query_terms]
                self._post(member.tids[top].tolist(), new_id)
            moves += [Move(m.article_id, sid, new_id) for m in leave]
        return moves

    def _rebuild(self, story_id: int, members: list[Member]) -> None:
        """Make the story's centroid and span again from these members alone."""
        self._stories.pop(story_id, None)
        row = self._row_of.get(story_id)
        if row is not None:
            self._first[row] = self._last_seen[row] = np.nan
        for member in members:
            self._merge(
                story_id, member.tids, member.vec, member.published, member.language, member.cross
            )
        self._members[story_id] = members

    def _register(self, article: _Article) -> IntArray:
        """The article's term ids, adding its new terms to the vocabulary."""
        tids, new = article.tids.copy(), article.new
        if not new.size:
            return tids
        vocab, names, free = self._vocab, self._names, self._free_terms
        for i in new.tolist():
            name = article.names[i]
            # A term new to the article may be known by now: the article was matched before
            # the terms of another (a second look's) were registered.
            tid = vocab.get(name)
            if tid is None:
                if free:
                    tid = free.pop()
                    names[tid] = name
                else:
                    tid = len(names)
                    names.append(name)
                vocab[name] = tid
            tids[i] = tid
        while len(names) > self._df.size:
            self._df, self._kind, self._prior, self._query = (
                np.concatenate([a, np.zeros_like(a)])
                for a in (self._df, self._kind, self._prior, self._query)
            )
        self._kind[tids[new]] = article.kind[new]
        self._prior[tids[new]] = article.prior[new]
        return tids

    def _post(self, tids: list[int], story_id: int) -> None:
        """Append to posting lists; past twice the cap keep the most recent distinct stories
        still in the index."""
        postings, stories = self._postings, self._stories
        cap = self.settings.posting_cap
        for tid in tids:
            posting = postings.get(tid)
            if posting is None:
                postings[tid] = array("i", (story_id,))
            elif posting[-1] != story_id:
                posting.append(story_id)
                if len(posting) > 2 * cap:
                    recent = [s for s in dict.fromkeys(reversed(posting)) if s in stories][:cap]
                    postings[tid] = array("i", reversed(recent))

    def _merge(
        self,
        story_id: int,
        tids: IntArray,
        vec: FloatArray,
        published: datetime | None,
        language: str,
        cross: Vector,
    ) -> None:
        """Add the article's vectors to its story's centroids, summing the weights of shared
        terms, and its language to the story's."""
        story = self._stories.get(story_id)
        told: dict[str, Vector] = {}
        if story is None:
            main = _summed(tids, vec, self.settings.centroid_terms)
            size, languages = 1, frozenset((language,))
        else:
            main = _summed(
                np.concatenate([story.ids, tids]),
                np.concatenate([story.weights, vec]),
                self.settings.centroid_terms,
            )
            cross = _summed(
                np.concatenate([story.cross.ids, cross.ids]),
                np.concatenate([story.cross.weights, cross.weights]),
                _CROSS_TERMS,
            )
            size, languages = story.size + 1, story.languages | {language}
            told = dict(story.told)
            if len(languages) > 1:
                if not told:
                    # Until now one language told it all: its centroid is that language's.
                    (first,) = story.languages
                    told[first] = Vector(story.ids, story.weights, story.norm)
                mine = told.get(language)
                told[language] = (
                    _summed(tids, vec, self.settings.centroid_terms)
                    if mine is None
                    else _summed(
                        np.concatenate([mine.ids, tids]),
                        np.concatenate([mine.weights, vec]),
                        self.settings.centroid_terms,
                    )
                )
        self._stories[story_id] = _Story(
            main.ids, main.weights, main.norm or 1.0, size, languages, cross, told
        )
        self._widen_span(story_id, published)

    def _touch(self, story_id: int, when: float) -> None:
        """Note that the story took an article now, of time ``when`` (NaN: none)."""
        row = self._row_of[story_id]
        self._touched[row] = np.fmax(self._touched[row], when)
        self._stamp[row] = self._added

    def _widen_span(self, story_id: int, published: datetime | None) -> None:
        row = self._row_of.get(story_id)
        if row is None:
            row = self._free_rows.pop() if self._free_rows else len(self._row_of)
            self._row_of[story_id] = row
        if row == self._first.size:
            self._first, self._last_seen, self._touched = (
                np.concatenate([a, np.full_like(a, np.nan)])
                for a in (self._first, self._last_seen, self._touched)
            )
            self._stamp = np.concatenate([self._stamp, np.zeros_like(self._stamp)])
        if published is not None:
            when = published.timestamp()
            # fmin / fmax take the number over a NaN
            self._first[row] = np.fmin(self._first[row], when)
            self._last_seen[row] = np.fmax(self._last_seen[row], when)


_NONE = np.empty(0, dtype=np.int32)


def _bare_year(term: str) -> bool:
    """A year alone, as a date or a number (``d:2020``, ``n:2020``): every article of that year
    may name it, in every language, so it is left out of the cross-language score, where it
    would join unrelated articles that share nothing else (its month or day still counts)."""
    return len(term) == 6 and term[2:4] in ("19", "20") and term[4:].isdigit()


def _run(names: tuple[str, ...], kind: str) -> range:
    """The positions of the terms of one kind among sorted terms (each kind is one run)."""
    start = bisect_left(names, kind)
    return range(start, bisect_left(names, kind[0] + ";", start))


def _normalised(vec: DoubleArray) -> FloatArray:
    norm = float(np.sqrt(np.dot(vec, vec))) or 1.0
    return (vec / norm).astype(np.float32)


def _known(tids: IntArray) -> npt.NDArray[np.intp]:
    """The positions of the known terms (id >= 0), in the order of their ids."""
    order = np.argsort(tids)
    return order[np.count_nonzero(tids < 0) :]


def _sparse(tids: IntArray, vec: FloatArray, keep: npt.NDArray[np.intp]) -> Vector:
    """The terms at ``keep`` of a vector, sorted by id."""
    keep = keep[np.argsort(tids[keep])]
    weights = vec[keep]
    return Vector(tids[keep], weights, float(np.sqrt(np.dot(weights, weights))))


def _summed(tids: IntArray, vec: FloatArray, terms: int) -> Vector:
    """Weights summed by term, kept to the ``terms`` heaviest, sorted by id.

    A term is at most twice in the concatenation of a centroid and an article, and a sum of
    two does not depend on their order, so any sort groups the terms.
    """
    order = np.argsort(tids)
    tids = tids[order]
    starts = _starts(tids)
    ids = tids[starts]
    weights = np.bincount(np.cumsum(starts) - 1, weights=vec[order]).astype(np.float32)
    if ids.size > terms:
        keep = np.sort(np.argpartition(-weights, terms)[:terms])
        ids, weights = ids[keep], weights[keep]
    return Vector(ids, weights, float(np.sqrt(np.dot(weights, weights))))


def _starts(values: npt.NDArray[np.int64] | IntArray) -> npt.NDArray[np.bool_]:
    """Where each run of equal values in a sorted array begins."""
    starts = np.empty(values.size, dtype=np.bool_)
    starts[:1] = True
    np.not_equal(values[1:], values[:-1], out=starts[1:])
    return starts


def _top(values: npt.NDArray[np.number[Any]], n: int) -> npt.NDArray[np.intp]:
    """Indices of the ``n`` largest values, largest first, ties in index order.

    The same as a stable argsort of the negated values cut to ``n``, but only the values that
    can make the cut are sorted.
    """
    if values.size > n:
        cut = np.partition(values, values.size - n)[values.size - n]
        among = np.flatnonzero(values >= cut)
        return among[np.argsort(-values[among], kind="stable")][:n]
    return np.argsort(-values, kind="stable")
