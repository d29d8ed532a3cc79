"""The ingest decision: what becomes of a prepared article, on the indexes held in memory.

For each article the pipeline decides, in this order: known already (the same text or the same
canonical URL), a near-copy of a stored original (filed in that original's story), joins a
story, or starts a new one; an original then gets its story a second look and a split check,
which may move articles between stories. The pipeline owns the indexes those decisions read
(what is known of each stored article, the near-copy LSH, the story index and the confirming
shingles of recent originals) and nothing else: it reads no store and writes none.

The store (``storage.ingest``) replays into it the articles other writers stored
(:meth:`Pipeline.replay`), reads the texts of look-alikes whose shingles are not in memory
(:meth:`Pipeline.read`) and writes each :class:`Decision`; ids come from the store's id
counter through :class:`Ids`, so decisions can refer to articles and stories not written yet.

The indexes hold a window (``ClusterSettings.window_days`` behind the newest article, and the
last ``window_articles`` articles): older articles and the stories they make leave them, so
memory and the replay at start stay the size of a few weeks of news however large the store
grows. An article whose text or URL is stored already but outside the window is the store's
to recognise (it looks its batch up). An article's time is its publication time; an undated
one takes the newest seen (or, with none, when it came: the ``clock`` or its storing). The
newest is taken no later than a day after the clock, so one article dated years ahead does not
empty the window.
"""

from __future__ import annotations

import time
from array import array
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from datasketch import MinHash

from stories.articles import Article
from stories.cluster import Move, StoryIndex
from stories.dedupe import (
    NearCopyIndex,
    NearCopySettings,
    copy_score,
    shingle_hashes,
    signature_from_bytes,
    text_print,
)
from stories.features import Features, extract_features
from stories.search import article_words
from stories.settings import EngineSettings

# Originals whose confirming shingles stay in memory (about 1 KB each). A copy usually follows
# its original closely, but LSH also proposes older look-alikes, and each one not in memory
# costs a query and a second pass over its text: with 10,000 kept, ingest around 80k stored
# articles ran 16% slower than with all of them, for 60 MB less.
_RECENT_SHINGLES = 100_000
# Articles taken in between two looks for what left the window.
_FORGET_EVERY = 500
_DAY = 86_400.0


@dataclass(slots=True)
class Prepared:
    """An article with everything the engine computed for it, ready to decide and store.

    Its features and the words it is found by are worked out only once it is known to be a
    new original (``described``, ``searchable``): an article already stored or a near-copy
    needs none, and that is most of a re-polled feed and a quarter of the benchmark's stream.
    A process pool works them out for every article: its time is not this process's.
    """

    article: Article
    content_key: str
    canonical_url: str | None
    signature: MinHash
    shingles: array[int]
    features: Features | None
    words: list[str] | None

    @classmethod
    def of(
        cls,
        article: Article,
        canonical_url: str | None,
        settings: NearCopySettings,
        *,
        describe: bool = True,
    ) -> Prepared:
        """Key, sign and (with ``describe``) describe a cleaned article."""
        text = text_print(article.title, article.body, settings)
        return cls(
            article=article,
            content_key=text.content_key,
            canonical_url=canonical_url,
            signature=text.signature,
            shingles=text.shingles,
            features=extract_features(article) if describe else None,
            words=article_words(article.title, article.body) if describe else None,
        )

    def described(self) -> Features:
        if self.features is None:
            self.features = extract_features(self.article)
        return self.features

    def searchable(self) -> list[str]:
        if self.words is None:
            self.words = article_words(self.article.title, self.article.body)
        return self.words


@dataclass(slots=True)
class Ids:
    """The next free article and story ids, taken from the store's id counter for a batch."""

    next_article: int
    next_story: int

    def article(self) -> int:
        article_id = self.next_article
        self.next_article += 1
        return article_id

    def story(self) -> int:
        story_id = self.next_story
        self.next_story += 1
        return story_id


@dataclass(frozen=True, slots=True)
class Known:
    """The article is stored already: the same text, or the same canonical URL."""


KNOWN = Known()


@dataclass(slots=True)
class Lookalikes:
    """The stored originals the LSH proposes as the article's original, best first, with the
    confirming shingles of those in memory; ``unread`` are those whose text the store must
    hand to :meth:`Pipeline.read` before :meth:`Pipeline.decide`."""

    candidates: list[int]
    shingles: dict[int, array[int]]
    unread: list[int]


@dataclass(frozen=True, slots=True)
class Decision:
    """Where a new article goes, and what its coming moved.

    ``original`` is set for a near-copy (filed in its original's story, in no index);
    ``new_story`` when ``story_id`` was made for this article. ``second_looks`` dissolved the
    story each article left; ``split_off`` are the stories splits made (in id order, titled
    when written after their first article) and ``splits`` the articles moved into them.
    """

    article_id: int
    story_id: int
    original: int | None = None
    new_story: bool = False
    second_looks: tuple[Move, ...] = ()
    split_off: tuple[int, ...] = ()
    splits: tuple[Move, ...] = ()


@dataclass
class _Known:
    """What the pipeline remembers of each article in the window to decide on new ones."""

    by_key: dict[str, int] = field(default_factory=dict)
    by_url: dict[str, int] = field(default_factory=dict)
    story_of: dict[int, int] = field(default_factory=dict)
    #: article id -> the original it copies (only for near-copies)
    original_of: dict[int, int] = field(default_factory=dict)
    last_id: int = 0
    last_story: int = 0
    #: (articles taken before it, time, article id, content key, canonical URL) of each
    #: article, in the order they were taken
    window: deque[tuple[int, float, int, str, str | None]] = field(default_factory=deque)
    newest: float = float("-inf")
    taken: int = 0


class Pipeline:
    """Decides new articles against the articles replayed or decided before them (those of
    the window)."""

    def __init__(self, settings: EngineSettings, clock: Callable[[], float] = time.time) -> None:
        self._settings = settings
        self._clock = clock
        self._known = _Known()
        self._copies = NearCopyIndex(settings.near_copy)
        self._stories = StoryIndex(settings.cluster)
        self._shingles: OrderedDict[int, array[int]] = OrderedDict()

    @property
    def last_id(self) -> int:
        """The highest article id replayed, decided or :meth:`skipped` (0: nothing yet)."""
        return self._known.last_id

    @property
    def last_story(self) -> int:
        """The highest story id replayed or decided (0: nothing yet)."""
        return self._known.last_story

    def holds(self, story_id: int) -> bool:
        """Whether the story is in the story index (begun, not dissolved, in the window)."""
        return story_id in self._stories

    def skipped(self, last_id: int, last_story: int) -> None:
        """The store holds articles up to ``last_id`` and stories up to ``last_story`` that
        were not replayed (outside the window): the next replay starts after them."""
        known = self._known
        known.last_id = max(known.last_id, last_id)
        known.last_story = max(known.last_story, last_story)

    def cutoff(self, newest: float) -> float:
        """The earliest time (POSIX seconds) kept when the newest article is at ``newest``
        (taken no later than a day after the clock)."""
        newest = min(newest, self._clock() + _DAY)
        return newest - self._settings.cluster.window_days * _DAY

    def replay(
        self,
        article_id: int,
        content_key: str,
        canonical_url: str | None,
        story_id: int,
        near_copy_of: int | None,
        signature: bytes,
        features: str,
        published: datetime | None,
        stored: datetime,
        *,
        rebuilding: bool,
    ) -> None:
        """Take in an article as stored (its signature and features as written, its
        publication time and when it was stored).

        When ``rebuilding`` (replaying a store from the start), the story index also picks up
        the second looks still due; articles other writers store later are theirs to look at.
        """
        when = self._time(published, stored.timestamp())
        self._remember(article_id, content_key, canonical_url, story_id, near_copy_of, when)
        if near_copy_of is None:
            self._copies.add(article_id, signature_from_bytes(signature, self._settings.near_copy))
            self._stories.add(
                story_id, Features.from_json(features), article_id if rebuilding else None, when
            )
            if rebuilding:
                self._stories.drop_due()
        self._let_go()

    def look(self, p: Prepared) -> Known | Lookalikes:
        """Known already, or the look-alikes that may be the article's original."""
        known = self._known
        if p.content_key in known.by_key or (p.canonical_url and p.canonical_url in known.by_url):
            return KNOWN
        candidates = self._copies.candidates(p.signature)
        if not candidates:
            return Lookalikes(candidates, {}, [])
        recent = self._shingles
        theirs = {c: recent[c] for c in candidates if c in recent}
        return Lookalikes(candidates, theirs, [c for c in candidates if c not in theirs])

    def read(self, look: Lookalikes, article_id: int, body: str) -> None:
        """The stored text of an unread look-alike: its shingles, kept in memory as well."""
        shingles = shingle_hashes(body, self._settings.near_copy)
        look.shingles[article_id] = shingles
        self._keep_shingles(article_id, shingles)

    def decide(self, p: Prepared, look: Lookalikes, ids: Ids) -> Decision:
        """File a new article (not :data:`KNOWN`) and take it into the indexes."""
        known = self._known
        when = self._time(p.article.published, self._clock())
        original = self._original(p.shingles, look)
        if original is not None:
            story_id = known.story_of[original]
            article_id = ids.article()
            self._remember(article_id, p.content_key, p.canonical_url, story_id, original, when)
            self._let_go()
            return Decision(article_id, story_id, original)
        match = self._stories.match(p.described())
        new_story = match is None
        story_id = ids.story() if match is None else match.story_id
        article_id = ids.article()
        self._remember(article_id, p.content_key, p.canonical_url, story_id, None, when)
        self._copies.add(article_id, p.signature)
        self._stories.add(story_id, p.described(), article_id, when)
        self._keep_shingles(article_id, p.shingles)
        second_looks = tuple(self._stories.second_looks())
        for move in second_looks:
            known.story_of[move.article_id] = move.to_story
        split_off: list[int] = []

        def split_story() -> int:
            split_off.append(ids.story())
            known.last_story = max(known.last_story, split_off[-1])
            return split_off[-1]

        splits = tuple(self._stories.splits(split_story))
        for move in splits:
            known.story_of[move.article_id] = move.to_story
        self._let_go()
        return Decision(
            article_id, story_id, None, new_story, second_looks, tuple(split_off), splits
        )

    def _original(self, shingles: array[int], look: Lookalikes) -> int | None:
        """The first look-alike these shingles copy, confirmed on the text (the original it
        copies itself, when it is a near-copy), or None."""
        threshold = self._settings.near_copy.confirm_threshold
        theirs = look.shingles
        for candidate in look.candidates:
            if candidate in theirs and copy_score(shingles, theirs[candidate]) >= threshold:
                return self._known.original_of.get(candidate, candidate)
        return None

    def _keep_shingles(self, article_id: int, shingles: array[int]) -> None:
        self._shingles[article_id] = shingles
        self._shingles.move_to_end(article_id)
        if len(self._shingles) > _RECENT_SHINGLES:
            self._shingles.popitem(last=False)

    def _remember(
        self,
        id_: int,
        key: str,
        url: str | None,
        story_id: int,
        copy_of: int | None,
        when: float,
    ) -> None:
        known = self._known
        known.by_key[key] = id_
        if url:
            known.by_url[url] = id_
        known.story_of[id_] = story_id
        if copy_of is not None:
            known.original_of[id_] = copy_of
        known.last_id = max(known.last_id, id_)
        known.last_story = max(known.last_story, story_id)
        known.window.append((known.taken, when, id_, key, url))
        known.newest = max(known.newest, when)
        known.taken += 1

    def _time(self, published: datetime | None, came: float) -> float:
        """An article's time in the window (see the module's docstring)."""
        if published is not None:
            return published.timestamp()
        newest = self._known.newest
        return newest if newest > float("-inf") else came

    def _let_go(self) -> None:
        """Every ``_FORGET_EVERY`` articles, :meth:`forget`."""
        if not self._known.taken % _FORGET_EVERY:
            self.forget()

    def forget(self) -> None:
        """Take the articles and stories that left the window out of the indexes.

        Articles leave in the order they came, each once it is older than the window and
        ``window_articles`` articles have come after it; one that may not leave yet (dated
        late) holds those after it back until it does.
        """
        known = self._known
        cutoff = self.cutoff(known.newest)
        recent = known.taken - self._settings.cluster.window_articles
        window, gone = known.window, []
        while window and window[0][0] < recent and window[0][1] < cutoff:
            _, _, id_, key, url = window.popleft()
            gone.append(id_)
            if known.by_key.get(key) == id_:
                del known.by_key[key]
            if url and known.by_url.get(url) == id_:
                del known.by_url[url]
            del known.story_of[id_]
            known.original_of.pop(id_, None)
            self._shingles.pop(id_, None)
        if gone:
            self._copies.remove(gone)
        self._stories.forget(cutoff)
