"""Is this the same article? Canonical URLs, exact content keys and near-copy detection.

Near copies are the same text published on several sites (a wire story with each site's
header, footer or an extra paragraph) or lightly edited (a few words changed, a paragraph
cut). Different write-ups of the same event are *not* near copies, even when they share
quotes and names: they join one story elsewhere, but each keeps its own facts.

Finding near copies has two steps. MinHash signatures over word shingles, indexed with LSH,
give candidates cheaply; the signatures are stored so the index can be rebuilt. A candidate
whose estimated overlap is far too small to pass is dropped; each other one is confirmed on
the texts with :func:`copy_score`, the longest common subsequence of word shingles measured
against the shorter text. Shingles of a few words
keep common words from matching across unrelated texts; the ordered match makes an added
header, footer or paragraph in the longer copy cost nothing, while a shared quote between
two write-ups adds only its own length.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH
from rapidfuzz.distance import LCSseq

_POSITION_MULTIPLIERS = tuple(
    np.uint64(m)
    for m in (
        0x11A7A70128BDDF7F,
        0x7EBF3907D7D91B19,
        0x1C7B42755CF1A361,
        0x50A36E962E82E483,
        0x3E7F3C8B9AB31AD7,
        0x0D801EE3998B3A2B,
        0x65C878B2B7D7CA7F,
        0x0721DAC39E15A7CB,
        0x565DA069AA871FC1,
        0x0F00BB0321DFD1BF,
        0x32AD1428494B22D5,
        0x3C1669539651AB91,
        0x053C5B18D622E84B,
        0x5582C8864DC75DED,
        0x4B15A3D89F018C09,
        0x49E10E3520C76119,
    )
)
"""The shingle hash's odd multiplier for each position in a run of words (see
:func:`_shingles_of`), written out because stored signatures depend on them: drawn once from
a seeded generator, whose stream numpy does not promise to keep across versions."""


@dataclass(frozen=True, slots=True)
class NearCopySettings:
    """Parameters for near-copy detection, chosen on real news texts (see the tests)."""

    num_perm: int = 128
    """MinHash permutations: more is a closer Jaccard estimate but a slower signature."""
    shingle_words: int = 4
    """Words per shingle for the MinHash signature."""
    lsh_threshold: float = 0.2
    """Estimated Jaccard similarity above which LSH proposes a candidate; kept low so that
    light rewrites (whose shingle overlap falls fast) are still proposed."""
    confirm_words: int = 3
    """Words per shingle for the confirming score."""
    confirm_threshold: float = 0.6
    """:func:`near_copy_score` at or above which two texts are near copies."""
    max_candidates: int = 8
    """LSH candidates confirmed on the text per article, the most similar first."""
    containment_floor: float = 0.25
    """LSH candidates whose estimated containment (the share of the smaller text's
    ``shingle_words`` shingles found in the other, from the signatures) is below this are not
    confirmed on the text. A pair that passes confirmation shares at least about 0.47 of them:
    each changed word costs 3 three-word shingles but 4 four-word ones, so 0.6 of the first
    leaves 1 - 4/3 * 0.4 of the second. The estimate errs most when one text is much longer
    (the Jaccard estimate is then small and coarse): on a 100k-article stream one confirmed
    pair, a short article found whole in one five times longer, was estimated at 0.29 (true
    0.58), and a floor of 0.3 lost it. A higher floor would save little: of 2,114 candidates
    for 3,000 articles on that store, 0.25 sent 1,498 look-alikes to the text check, 0.3 753."""
    seed: int = 1
    """MinHash seed: fixed, so stored signatures compare across runs."""

    def __post_init__(self) -> None:
        for name in ("shingle_words", "confirm_words"):
            words = getattr(self, name)
            if not 1 <= words <= len(_POSITION_MULTIPLIERS):
                raise ValueError(f"{name} must be 1 to {len(_POSITION_MULTIPLIERS)}, not {words}")


_WORD = re.compile(r"\w+")
_SCHEME = "affine32"
"""The MinHash permutation scheme, pinned (with the shingle hash below) so that stored
signatures stay comparable across library upgrades. The shingle hash needs no strong mixing of
its own: the scheme mixes every input hash with a MurmurHash3 finalizer."""
_TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "cmpid",
        "ncid",
        "ocid",
        "sr_share",
    }
)
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


# ---- exact identity ----


def canonical_url(url: str) -> str:
    """The URL that names the same page however a link decorated it.

    Lowercases the scheme and host, drops ``www.``, the fragment, default ports, tracking
    parameters and a trailing slash, and sorts the remaining query parameters. A string
    that does not parse as a URL is returned stripped.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").removeprefix("www.")
    if ":" in host:
        host = f"[{host}]"
    if port is not None and _DEFAULT_PORTS.get(scheme) != port:
        host = f"{host}:{port}"
    if parts.username is not None:
        credentials = parts.username
        if parts.password is not None:
            credentials = f"{credentials}:{parts.password}"
        host = f"{credentials}@{host}"
    path = parts.path.rstrip("/") or ("/" if host else "")
    return urlunsplit((scheme, host, path, _canonical_query(parts.query), ""))


def _canonical_query(query: str) -> str:
    """The query without tracking parameters, sorted; each pair is kept as it was encoded."""
    pairs = [pair for pair in query.split("&") if pair and not _is_tracking(pair)]
    return "&".join(sorted(pairs, key=lambda pair: (pair.partition("=")[0], pair)))


def _is_tracking(pair: str) -> bool:
    name = pair.partition("=")[0].lower()
    return name in _TRACKING_PARAMS or name.startswith(_TRACKING_PREFIXES)


def normalise_words(text: str) -> list[str]:
    """The words of ``text``, casefolded, without punctuation (compatibility-normalised)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold().replace("_", " "))


def content_key(text: str) -> str:
    """A key equal for texts that differ only in case, spacing, punctuation or quote style."""
    return _key_of_words(normalise_words(text))


def _key_of_words(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class TextPrint:
    """Everything dedupe needs of an article, from one pass over its words."""

    content_key: str
    """:func:`content_key` of the title and body"""
    signature: MinHash
    """:func:`signature` of the body"""
    shingles: array[int]
    """:func:`shingle_hashes` of the body"""


def text_print(title: str, body: str, settings: NearCopySettings) -> TextPrint:
    """The article's content key, signature and confirming shingles.

    The words of ``title + "\\n" + body`` are the title's followed by the body's (a newline
    ends every word and is left alone by normalisation), so the body is normalised once, and
    each word is hashed once for the shingles of both sizes.
    """
    words = normalise_words(body)
    hashes = _word_hashes(words)
    return TextPrint(
        content_key=_key_of_words(normalise_words(title) + words),
        signature=_signature_of(hashes, settings),
        shingles=_confirming(hashes, settings),
    )


# ---- near copies ----


def _word_hashes(words: list[str]) -> npt.NDArray[np.uint64]:
    """The CRC-32 of each word's UTF-8 (a C call, stable across processes unlike ``hash()``)."""
    return np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))


def _shingles_of(word_hashes: npt.NDArray[np.uint64], size: int) -> npt.NDArray[np.uint32]:
    """A 32-bit hash of each run of ``size`` consecutive words; a text shorter than that is one
    run, an empty one none.

    The hash is the word hashes weighted by a fixed odd multiplier per position, summed modulo
    2**64, and its top 32 bits: order matters, and it is a few numpy operations over the whole
    text instead of joining and hashing every run of words (which was a quarter of the cost
    of preparing an article).
    """
    count = len(word_hashes)
    runs = max(count - size + 1, 1) if count else 0
    total = np.zeros(runs, dtype=np.uint64)
    for offset, multiplier in enumerate(_POSITION_MULTIPLIERS[: min(size, count)]):
        total += word_hashes[offset : offset + runs] * multiplier
    total >>= np.uint64(32)
    return total.astype(np.uint32)


def signature(text: str, settings: NearCopySettings) -> MinHash:
    """The MinHash signature of the word shingles of ``text``."""
    return _signature_of(_word_hashes(normalise_words(text)), settings)


def _signature_of(word_hashes: npt.NDArray[np.uint64], settings: NearCopySettings) -> MinHash:
    """datasketch's affine32 MinHash of the ``shingle_words``-word shingles, computed on their
    array at once.

    ``MinHash.update_batch`` would call a hash function on each shingle and build the array
    from a list; the values are the same (a test checks it): each hash is pre-mixed with the
    MurmurHash3 finalizer, then permuted as ``a * h + b`` modulo 2**32, and the least kept.
    """
    permutations = _permutations(settings.num_perm, settings.seed)
    minhash = MinHash(
        num_perm=settings.num_perm,
        seed=settings.seed,
        scheme=_SCHEME,
        permutations=permutations,
    )
    shingles = _shingles_of(word_hashes, settings.shingle_words)
    if shingles.size:
        a, b = permutations
        mixed = _fmix32(shingles).reshape(-1, 1)
        minhash.hashvalues = np.minimum(minhash.hashvalues, (mixed * a + b).min(axis=0))
    return minhash


def _fmix32(h: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """The MurmurHash3 32-bit finalizer (products wrap modulo 2**32)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature_to_bytes(sig: MinHash) -> bytes:
    """The signature's hash values as little-endian uint64, for storage."""
    values: np.ndarray = np.asarray(sig.hashvalues, dtype="<u8")
    return values.tobytes()


def signature_from_bytes(data: bytes, settings: NearCopySettings = NearCopySettings()) -> MinHash:
    """A signature read back from :func:`signature_to_bytes` (same seed as ``settings``)."""
    if len(data) != 8 * settings.num_perm:
        raise ValueError(
            f"a stored signature has {len(data)} bytes, expected {8 * settings.num_perm} "
            f"for num_perm={settings.num_perm}"
        )
    values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
    return MinHash(
        num_perm=settings.num_perm,
        seed=settings.seed,
        scheme=_SCHEME,
        hashfunc=zlib.crc32,
        hashvalues=values,
        permutations=_permutations(settings.num_perm, settings.seed),
    )


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> npt.NDArray[np.uint32]:
    """The permutation parameters for ``seed``, made once: drawing them costs more than
    hashing a whole article. The array is read-only, so sharing it is safe."""
    parameters: npt.NDArray[np.uint32] = MinHash(
        num_perm=num_perm, seed=seed, scheme=_SCHEME
    ).permutations
    parameters.setflags(write=False)
    return parameters


@functools.lru_cache(maxsize=8)
def _band_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows per band that make LSH propose pairs above ``threshold`` (datasketch's
    choice, weighing missed pairs and false candidates alike)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


class NearCopyIndex:
    """An in-memory LSH index of signatures by article id; rebuild it from stored signatures.

    The banding is datasketch's ``MinHashLSH`` (same bands, so the same candidates), but the
    buckets are numpy arrays instead of a Python set per bucket: at 70,000 originals those
    sets were two million objects, about 500 MB, and a large part of every garbage collection.
    Each band of a signature becomes one 64-bit key; the keys sit in one sorted array, with
    the keys of the most recent articles in a dictionary until they are merged in. A key only
    proposes a row: a candidate must share a whole band with the query, checked on the values.
    """

    _MERGE_EVERY = 1_024
    """Articles whose band keys wait in the dictionary before joining the sorted array."""

    def __init__(self, settings: NearCopySettings = NearCopySettings()) -> None:
        self._settings = settings
        self._bands, self._rows = _band_shape(settings.lsh_threshold, settings.num_perm)
        mix = np.random.default_rng(settings.seed).integers(
            1, 1 << 63, size=self._rows + self._bands, dtype=np.uint64
        )
        self._mix = mix[: self._rows] | np.uint64(1)
        self._salt = mix[self._rows :]
        #: row of each article id; by row: id, signature values, estimated shingle count and
        #: whether the article is still in the index (see :meth:`remove`)
        self._row_of: dict[int, int] = {}
        self._used = 0
        self._live = np.zeros(1_024, dtype=np.bool_)
        self._ids = np.zeros(1_024, dtype=np.int64)
        self._values = np.zeros((1_024, settings.num_perm), dtype=np.uint32)
        self._sizes = np.zeros(1_024, dtype=np.float64)
        self._keys = np.empty(0, dtype=np.uint64)
        self._key_rows = np.empty(0, dtype=np.int64)
        self._recent: dict[int, list[int]] = {}
        self._unmerged = 0

    @classmethod
    def from_signatures(
        cls,
        items: Iterable[tuple[int, MinHash]],
        settings: NearCopySettings = NearCopySettings(),
    ) -> NearCopyIndex:
        index = cls(settings)
        for article_id, sig in items:
            index.add(article_id, sig)
        return index

    def _band_keys(self, values: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint64]:
        """One key per band: its values mixed into 64 bits (numpy wraps the products)."""
        bands = values[: self._bands * self._rows].reshape(self._bands, self._rows)
        keys: npt.NDArray[np.uint64] = (bands.astype(np.uint64) * self._mix).sum(axis=1)
        return keys ^ self._salt

    def add(self, article_id: int, sig: MinHash) -> None:
        """Index ``sig`` under ``article_id``; adding an id again replaces its signature."""
        values = sig.hashvalues.astype(np.uint32)
        row = self._row_of.get(article_id)
        if row is None:
            row = self._used
            self._used += 1
            if row == self._ids.size:
                self._ids, self._values, self._sizes, self._live = (
                    np.concatenate([a, np.zeros_like(a)])
                    for a in (self._ids, self._values, self._sizes, self._live)
                )
            self._row_of[article_id] = row
            self._ids[row] = article_id
            self._live[row] = True
        # A replaced signature's old keys still point at the row; the band check drops them.
        self._values[row] = values
        self._sizes[row] = sig.count()
        recent = self._recent
        for key in self._band_keys(values).tolist():
            recent.setdefault(key, []).append(row)
        self._unmerged += 1
        if self._unmerged >= self._MERGE_EVERY:
            self._merge()

    def remove(self, article_ids: Iterable[int]) -> None:
        """Take articles out of the index (those not in it are ignored).

        Their rows stay until they are as many as the rows in use, when the index is built
        again from the rows still in it: a removal costs nothing, the rebuild as many adds.
        """
        for article_id in article_ids:
            row = self._row_of.pop(article_id, None)
            if row is not None:
                self._live[row] = False
        dead = self._used - len(self._row_of)
        if dead > max(self._MERGE_EVERY, len(self._row_of)):
            self._compact()

    def _compact(self) -> None:
        """Rebuild the rows and band keys from the articles still in the index."""
        keep = np.flatnonzero(self._live[: self._used])
        size = max(1_024, 2 * keep.size)
        ids, values, sizes, live = (
            np.zeros((size, *a.shape[1:]), dtype=a.dtype)
            for a in (self._ids, self._values, self._sizes, self._live)
        )
        n = keep.size
        ids[:n], values[:n], sizes[:n], live[:n] = (
            self._ids[keep],
            self._values[keep],
            self._sizes[keep],
            True,
        )
        self._ids, self._values, self._sizes, self._live = ids, values, sizes, live
        self._used = n
        self._row_of = {int(i): row for row, i in enumerate(ids[:n].tolist())}
        width = self._bands * self._rows
        bands = values[:n, :width].reshape(n, self._bands, self._rows).astype(np.uint64)
        keys = ((bands * self._mix).sum(axis=2) ^ self._salt).ravel()
        rows = np.repeat(np.arange(n, dtype=np.int64), self._bands)
        order = np.argsort(keys, kind="stable")
        self._keys, self._key_rows = keys[order], rows[order]
        self._recent = {}
        self._unmerged = 0

    def _merge(self) -> None:
        keys = np.fromiter((k for k, rows in self._recent.items() for _ in rows), dtype=np.uint64)
        rows = np.fromiter((r for rows in self._recent.values() for r in rows), dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        at = np.searchsorted(self._keys, keys[order])
        self._keys = np.insert(self._keys, at, keys[order])
        self._key_rows = np.insert(self._key_rows, at, rows[order])
        self._recent = {}
        self._unmerged = 0

    def candidates(self, sig: MinHash) -> list[int]:
        """Ids whose signature may be a near copy of ``sig``, most similar first.

        Only the ``max_candidates`` best are returned, and none whose estimated containment is
        below ``containment_floor``: the texts of each must be compared to confirm, and in a
        large store of one kind of news LSH proposes many weak look-alikes.
        """
        mine = sig.hashvalues.astype(np.uint32)
        keys = self._band_keys(mine)
        found = [r for k in keys.tolist() for r in self._recent.get(k, ())]
        parts = self._merged_rows(keys)
        if not found and not parts:
            return []
        rows = np.unique(np.concatenate([np.array(found, dtype=np.int64), *parts]))
        rows = rows[self._live[rows]]
        equal = self._values[rows] == mine
        width = self._bands * self._rows
        shares_band = equal[:, :width].reshape(rows.size, self._bands, self._rows).all(axis=2)
        same = np.count_nonzero(equal, axis=1)
        containment = _containment(same / self._settings.num_perm, sig.count(), self._sizes[rows])
        keep = shares_band.any(axis=1) & (containment >= self._settings.containment_floor)
        ids = self._ids[rows[keep]]
        # Most shared values first, then the lower id.
        order = np.lexsort((ids, -same[keep]))[: self._settings.max_candidates]
        return [int(i) for i in ids[order]]

    def _merged_rows(self, keys: npt.NDArray[np.uint64]) -> list[npt.NDArray[np.int64]]:
        """The rows filed under ``keys`` in the sorted array.

        Sorted needles search faster; most keys are absent, so the end of a run is only looked
        for where the key is present.
        """
        if not self._keys.size:
            return []
        keys = np.sort(keys)
        starts = np.searchsorted(self._keys, keys)
        present = np.take(self._keys, starts, mode="clip") == keys
        ends = np.searchsorted(self._keys, keys[present], side="right").tolist()
        return [self._key_rows[a:b] for a, b in zip(starts[present].tolist(), ends, strict=True)]

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._row_of


def _containment(
    jaccard: npt.NDArray[np.float64], size: float, sizes: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """The estimated share of the smaller shingle set found in the other, from the Jaccard
    estimate and the estimated set sizes (an empty set contains nothing)."""
    smaller = np.minimum(size, sizes)
    overlap = jaccard * (size + sizes) / (1.0 + jaccard)
    return np.divide(overlap, smaller, out=np.zeros_like(overlap), where=smaller > 0.0)


def shingle_hashes(text: str, settings: NearCopySettings = NearCopySettings()) -> array[int]:
    """The hash of each ``confirm_words``-word shingle of ``text``, in text order.

    Compact (4 bytes a shingle) so that recent articles' shingles can stay in memory, and
    stable across processes. Two different shingles share a hash with odds of one in four
    billion, which moves a score by nothing that matters.
    """
    return _confirming(_word_hashes(normalise_words(text)), settings)


def _confirming(word_hashes: npt.NDArray[np.uint64], settings: NearCopySettings) -> array[int]:
    return array("I", _shingles_of(word_hashes, settings.confirm_words).tobytes())


def copy_score(a: array[int], b: array[int]) -> float:
    """How much of the shorter text appears, in order, in the longer one (0 to 1).

    ``a`` and ``b`` are :func:`shingle_hashes`, so an extra header, footer or paragraph in one
    copy does not lower the score, a changed word costs only the shingles around it, and two
    write-ups of one event that share a quote or a name score only that shared part.
    """
    shorter = min(len(a), len(b))
    if shorter == 0:
        return 1.0 if a == b else 0.0
    # Lists of ints: rapidfuzz compares them twice as fast as arrays.
    return min(1.0, LCSseq.similarity(a.tolist(), b.tolist()) / shorter)


def near_copy_score(a: str, b: str, settings: NearCopySettings = NearCopySettings()) -> float:
    """:func:`copy_score` of two texts."""
    return copy_score(shingle_hashes(a, settings), shingle_hashes(b, settings))


def is_near_copy(a: str, b: str, settings: NearCopySettings = NearCopySettings()) -> bool:
    """True when ``a`` and ``b`` are the same text, up to chrome and light edits."""
    return near_copy_score(a, b, settings) >= settings.confirm_threshold
