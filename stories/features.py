"""Per-article features for story clustering: a sparse weighted term vector and its entities.

Terms carry a kind prefix so that one vector can hold every signal:

- ``e:lohan`` a capitalised token that is not merely sentence-initial (a name, place, body),
- ``p:lindsay lohan`` a multiword name (a run of capitalised tokens),
- ``n:6.1`` a number,
- ``w:quake`` a lightly stemmed content word,
- ``d:2013`` a year, ``d:2013-09`` a month of a year, ``d:09-18`` a day of a month, read from
  date expressions in the text (two events of the same kind usually differ in date).

Weights are position-weighted term frequencies (title and lead count more than the tail,
captions less), damped with ``log1p``. Rarity (idf) is not applied here: it depends on the
store, so the index applies it (see ``stories.cluster``).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from wordfreq import zipf_frequency

from stories.model import Article

TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
CAPTION_WEIGHT = 0.5
LEAD_TOKENS = 60
# Lowercase words at least this common in English (zipf scale) are function words: dropped.
STOP_ZIPF = 6.0
# A capitalised sentence-initial word counts as a name only if it is rarer than this.
NAME_ZIPF = 4.5
# A stem candidate at least this common is an English word.
LEMMA_ZIPF = 3.0

_TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:['\u2019][^\W\d_]+)*(?:-[^\W\d_]+)*)"
    r"|(?P<stop>[.!?;:\n\"\u201c\u201d()\[\]]+)",
)

_CURLY_APOSTROPHE = "\u2019"

KIND_WORD = "w:"
KIND_ENTITY = "e:"
KIND_PHRASE = "p:"
KIND_NUMBER = "n:"
KIND_DATE = "d:"

_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# The lookahead rejects most positions before the alternation is tried (twice as fast).
_DATE_RE = re.compile(
    rf"\b(?=[\dJFMASONDjfmasond])(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\b(?:,?\s+(?P<y1>{_YEAR})\b)?"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR})\b)?"
    rf"|(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR})\b"
    rf"|(?P<y4>{_YEAR})\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Features:
    """What the story index needs to know about one article.

    ``terms`` is sorted by term and holds each term once with its weight; ``entities`` and
    ``numbers`` repeat the entity/phrase and number terms for quick overlap checks.
    """

    terms: tuple[tuple[str, float], ...]
    entities: frozenset[str]
    numbers: frozenset[str]
    published: datetime | None

    def to_json(self) -> str:
        """Compact JSON: entity and number sets are derived from the terms when read back."""
        return json.dumps(
            {
                "terms": dict(self.terms),
                "published": self.published.isoformat() if self.published else None,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, s: str) -> Features:
        data = json.loads(s)
        published = data["published"]
        terms = tuple(sorted((str(t), float(w)) for t, w in data["terms"].items()))
        return cls.of(terms, datetime.fromisoformat(published) if published else None)

    @classmethod
    def of(cls, terms: tuple[tuple[str, float], ...], published: datetime | None) -> Features:
        return cls(
            terms=terms,
            entities=frozenset(t for t, _ in terms if t.startswith((KIND_ENTITY, KIND_PHRASE))),
            numbers=frozenset(t for t, _ in terms if t.startswith(KIND_NUMBER)),
            published=published,
        )


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """English word frequency (zipf scale, 0 for unknown words)."""
    return float(zipf_frequency(word, "en"))


def _is_word(candidate: str) -> bool:
    return len(candidate) >= 3 and zipf(candidate) >= LEMMA_ZIPF


def _undouble(w: str) -> str:
    return w[:-1] if len(w) > 2 and w[-1] == w[-2] else w


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Reduce plural, -ed and -ing forms to an English word (wordfreq as the dictionary).

    Unlike a suffix stripper this keeps stems that are real words, so the wordfreq rarity
    prior still applies to them: "releases", "released" and "releasing" all give "release".
    """
    w = word.replace(_CURLY_APOSTROPHE, "'").removesuffix("'s").removesuffix("'")
    candidates: tuple[str, ...] = ()
    if w.endswith("ies"):
        candidates = (w[:-3] + "y",)
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        candidates = (w[:-1], w[:-2])
    elif w.endswith("ied"):
        candidates = (w[:-3] + "y",)
    elif w.endswith("ed"):
        candidates = (w[:-1], w[:-2], _undouble(w[:-2]))
    elif w.endswith("ing"):
        candidates = (w[:-3], w[:-3] + "e", _undouble(w[:-3]))
    for candidate in candidates:
        if _is_word(candidate):
            return candidate
    return w


@lru_cache(maxsize=200_000)
def _word_term(lower: str) -> str | None:
    """The term of a lowercase (non-name) word, or None for a function word."""
    if len(lower) < 3 or zipf(lower) >= STOP_ZIPF:
        return None
    return KIND_WORD + stem(lower)


@lru_cache(maxsize=200_000)
def _is_name_at_start(word: str) -> bool:
    """Whether a capitalised sentence-initial word is a name rather than an ordinary word."""
    return zipf(word.lower()) < NAME_ZIPF


def _number_term(raw: str) -> str:
    return KIND_NUMBER + raw.replace(",", "").rstrip(".")


def _entity_key(lower: str) -> str:
    return lower.replace(_CURLY_APOSTROPHE, "'").removesuffix("'s").removesuffix("'")


@dataclass(slots=True)
class _Scanner:
    """Accumulates weighted terms over the parts of one article (title, body, captions)."""

    acc: dict[str, float] = field(default_factory=dict)
    run: list[str] = field(default_factory=list)

    def add(self, key: str, w: float) -> None:
        self.acc[key] = self.acc.get(key, 0.0) + w

    def close_run(self, w: float) -> None:
        if len(self.run) > 1:
            self.add(KIND_PHRASE + " ".join(self.run), w)
        self.run.clear()

    def scan(self, text: str, weight: float, lead_weight: float) -> None:
        """Add the terms of one text (title, paragraph block or caption)."""
        at_start = True
        position = 0
        w = lead_weight
        for m in _TOKEN_RE.finditer(text):
            w = lead_weight if position < LEAD_TOKENS else weight
            kind = m.lastgroup
            if kind == "stop":
                self.close_run(w)
                at_start = True
                continue
            token = m.group()
            position += 1
            if kind == "num":
                self.close_run(w)
                self.add(_number_term(token), w)
            elif token[0].isupper() and (not at_start or _is_name_at_start(token)):
                key = _entity_key(token.lower())
                self.add(KIND_ENTITY + key, w)
                self.run.append(key)
            else:
                self.close_run(w)
                word_key = _word_term(token.lower())
                if word_key is not None:
                    self.add(word_key, w)
            at_start = False
        self.close_run(w)


def _month(name: str) -> str:
    return f"{_MONTHS.index(name[:3].lower()) + 1:02d}"


def date_terms(text: str) -> set[str]:
    """Year, month-of-year and day-of-month terms of the date expressions in a text.

    A bare month name needs a day or a year next to it ("May 3", "3 May", "May 2013"), so
    the verb "may" and the name "March" alone are not dates.
    """
    found: set[str] = set()
    for m in _DATE_RE.finditer(text):
        month_name = m["m1"] or m["m2"] or m["m3"]
        day = m["d1"] or m["d2"]
        year = m["y1"] or m["y2"] or m["y3"] or m["y4"]
        month = _month(month_name) if month_name else None
        if month_name and month_name[0].islower() and not year:
            continue
        if year:
            found.add(KIND_DATE + year)
        if month and year:
            found.add(f"{KIND_DATE}{year}-{month}")
        if month and day:
            found.add(f"{KIND_DATE}{month}-{int(day.rstrip('stndrh')):02d}")
    return found


def extract_features(article: Article) -> Features:
    """Turn a cleaned article into its weighted term vector, entities and numbers."""
    scanner = _Scanner()
    scanner.scan(article.title, TITLE_WEIGHT, TITLE_WEIGHT)
    scanner.scan("\n".join(article.paragraphs), BODY_WEIGHT, LEAD_WEIGHT)
    for caption in article.captions:
        scanner.scan(caption, CAPTION_WEIGHT, CAPTION_WEIGHT)
    acc = scanner.acc
    for term in date_terms("\n".join((article.title, *article.paragraphs))):
        acc[term] = acc.get(term, 0.0) + TITLE_WEIGHT
    terms = tuple(sorted((t, round(math.log1p(w), 4)) for t, w in acc.items()))
    return Features.of(terms, article.published)
