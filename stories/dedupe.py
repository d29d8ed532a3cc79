"""Is this the same article? Canonical URLs, exact content keys and near-copy detection.

Near copies are the same text published on several sites (a wire story with each site's
header, footer or an extra paragraph) or lightly edited (a few words changed, a paragraph
cut). Different write-ups of the same event are *not* near copies, even when they share
quotes and names: they join one story elsewhere, but each keeps its own facts.

Finding near copies has two steps. MinHash signatures over word shingles, indexed with LSH,
give candidates cheaply; the signatures are stored so the index can be rebuilt. Each
candidate is then confirmed on the texts with :func:`near_copy_score`, the longest common
subsequence of word shingles measured against the shorter text. Shingles of a few words
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH
from rapidfuzz.distance import LCSseq


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
    seed: int = 1
    """MinHash seed: fixed, so stored signatures compare across runs."""


T = TypeVar("T")
_WORD = re.compile(r"\w+")
_SCHEME = "affine32"
"""The MinHash permutation scheme and (below) shingle hash, pinned so that stored signatures
stay comparable across library upgrades. CRC-32 is enough: the scheme mixes every input hash
with a MurmurHash3 finalizer, and it is a C call, several times faster than SHA-1."""
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
    normalised = " ".join(normalise_words(text))
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


# ---- near copies ----


def shingles(words: Sequence[T], size: int) -> list[tuple[T, ...]]:
    """Overlapping runs of ``size`` words; a text shorter than that is one shingle."""
    if len(words) <= size:
        return [tuple(words)] if words else []
    return list(zip(*(words[start:] for start in range(size)), strict=False))


def signature(text: str, settings: NearCopySettings) -> MinHash:
    """The MinHash signature of the word shingles of ``text``."""
    minhash = MinHash(
        num_perm=settings.num_perm,
        seed=settings.seed,
        scheme=_SCHEME,
        hashfunc=zlib.crc32,
        permutations=_permutations(settings.num_perm, settings.seed),
    )
    # map() over C functions is faster than the same loops as comprehensions (str.encode
    # encodes to UTF-8).
    words = list(map(str.encode, normalise_words(text)))
    grams = shingles(words, settings.shingle_words)
    if grams:
        minhash.update_batch(list(map(b" ".join, grams)))
    return minhash


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


class NearCopyIndex:
    """An in-memory LSH index of signatures by article id; rebuild it from stored signatures."""

    def __init__(self, settings: NearCopySettings = NearCopySettings()) -> None:
        self._settings = settings
        self._lsh = MinHashLSH(threshold=settings.lsh_threshold, num_perm=settings.num_perm)
        #: the signatures themselves, to rank LSH candidates by their estimated similarity
        self._values: dict[int, npt.NDArray[np.uint32]] = {}

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

    def add(self, article_id: int, sig: MinHash) -> None:
        """Index ``sig`` under ``article_id``; adding an id again replaces its signature."""
        if article_id in self._lsh:
            self._lsh.remove(article_id)
        self._lsh.insert(article_id, sig)
        self._values[article_id] = sig.hashvalues.astype(np.uint32)

    def candidates(self, sig: MinHash) -> list[int]:
        """Ids whose signature may be a near copy of ``sig``, most similar first.

        Only the ``max_candidates`` best are returned: the texts of each must be compared to
        confirm, and in a large store of one kind of news LSH proposes many weak look-alikes.
        """
        found = list(self._lsh.query(sig))
        if not found:
            return []
        mine = sig.hashvalues.astype(np.uint32)
        estimates = np.array([np.count_nonzero(self._values[c] == mine) for c in found])
        order = sorted(range(len(found)), key=lambda i: (-estimates[i], found[i]))
        return [found[i] for i in order[: self._settings.max_candidates]]

    def __len__(self) -> int:
        return len(self._lsh.keys)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._lsh


def near_copy_score(a: str, b: str, settings: NearCopySettings = NearCopySettings()) -> float:
    """How much of the shorter text appears, in order, in the longer one (0 to 1).

    Counted in word shingles, so an extra header, footer or paragraph in one copy does not
    lower the score, a changed word costs only the shingles around it, and two write-ups of
    one event that share a quote or a name score only that shared part.
    """
    words_a, words_b = normalise_words(a), normalise_words(b)
    grams_a = shingles(words_a, settings.confirm_words)
    grams_b = shingles(words_b, settings.confirm_words)
    shorter = min(len(grams_a), len(grams_b))
    if shorter == 0:
        return 1.0 if grams_a == grams_b else 0.0
    common = LCSseq.similarity(grams_a, grams_b)
    return min(1.0, common / shorter)


def is_near_copy(a: str, b: str, settings: NearCopySettings = NearCopySettings()) -> bool:
    """True when ``a`` and ``b`` are the same text, up to chrome and light edits."""
    return near_copy_score(a, b, settings) >= settings.confirm_threshold
