"""Per-article features for story clustering: a sparse weighted term vector and its entities.

Terms carry a kind prefix so that one vector can hold every signal:

- ``e:lohan`` a capitalised token that is not merely sentence-initial (a name, place, body),
- ``p:lindsay lohan`` a multiword name (a run of capitalised tokens),
- ``k:lhn`` the name's cross-script key (``stories.scripts.skeleton``): the same for Лукашенко,
  Łukaszenka and Lukashenko, so that write-ups in different languages share their names,
- ``n:6.1`` a number,
- ``w:quake`` a lightly stemmed content word; in a language other than English, its Snowball
  stem with the language (``w:de:gefang``): words are compared within a language only,
- ``d:2013`` a year, ``d:2013-09`` a month of a year, ``d:09-18`` a day of a month, read from
  date expressions in the text (two events of the same kind usually differ in date).

Weights are position-weighted term frequencies (title and lead count more than the tail,
captions less), damped with ``log1p``. Rarity (idf) is not applied here: it depends on the
store, so the index applies it (see ``stories.cluster``).

Function words are the words common in the article's language (wordfreq's list for it); a
capitalised word at a sentence's start is a name only when it is rare there. Words and names
of another language than English are stemmed and keep their language (Колесникову and
Колесникова are ``e:ru:колесников``). Numbers are read as values whatever the language
writes them with (1 227, 1.227 and 1,227 are ``n:1227`` in German and Russian, as 1,227 is in
English).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import chain
from json.encoder import encode_basestring
from operator import itemgetter
from typing import TypeVar

from wordfreq import get_frequency_dict, zipf_frequency

from stories import lexicon
from stories.articles import Article
from stories.case_endings import case_stem
from stories.language import ENGLISH, NOUNS_CAPITALISED, stemmer, word_zipf
from stories.months import dates_in, month_of
from stories.places import country_code
from stories.scripts import latin, skeleton

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

_NUMBER = r"\d+(?:[.,]\d+)*"
# A capital letter and digits in one token (COVID-19, F-16, MH17, G7, H1N1) name a thing; read
# as a word and a number, its digits would match any count or year.
_CODE = r"[A-Z][^\W\d_]*-?\d+(?:-?[^\W_]+)*"
_WORD = r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*(?:-[^\W\d_]+)*"
_STOP = r"[.!?;:\n\"\u201c\u201d()\[\]]+"
_TOKEN_RE = re.compile(rf"(?P<num>{_NUMBER})|(?P<code>{_CODE})|(?P<word>{_WORD})|(?P<stop>{_STOP})")
# The same tokens without groups, so that ``findall`` returns plain strings; the kind of each
# distinct token is read once, with ``_TOKEN_RE``. Codes and words come first and quantifiers
# are possessive, which matches 15% faster and finds the same tokens: numbers, letters and
# stops start differently; a code is tried before a word and needs digits right after its
# letters, which no word has; and nothing follows a token's pattern that could make a shorter
# repetition succeed where the longest one did not.
_TOKENS = re.compile(
    r"[A-Z][^\W\d_]*+-?+\d++(?:-?+[^\W_]++)*+"
    r"|[^\W\d_]++(?:['\u2019][^\W\d_]++)*+(?:-[^\W\d_]++)*+"
    r"|\d++(?:[.,]\d++)*+"
    rf"|{_STOP}"
)

_CURLY_APOSTROPHE = "\u2019"

KIND_WORD = "w:"
KIND_ENTITY = "e:"
KIND_PHRASE = "p:"
KIND_NUMBER = "n:"
KIND_DATE = "d:"
KIND_KEY = "k:"
#: a country's key: its code, the same in every language
PLACE_KEY = KIND_KEY + "@"

_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_WEEKDAY_WORDS = frozenset(lexicon.WEEKDAYS)
"""A weekday is a date's word, never a name: "on Friday" tells nothing of a story's people."""
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
# Matched on the reversed text: an ASCII digit run, then what may stand before it in a date
# (white space, an optional comma and full stop, and a whole word of 3 to 9 letters or digits,
# as a month name from "may" to "september"), captured. The word is only looked ahead at, so
# that the digit runs inside it are found too. Not [0-9]+: a leading set lets re skip ahead.
_DIGITS_AFTER_WORD = re.compile(r"[0-9][0-9]*+(?=(?:\s+,?\.?([^\W_]{3,9})(?![^\W_]))?)")


_K = TypeVar("_K")
_V = TypeVar("_V")


class _Memo(dict[_K, _V]):
    """A dict that fills itself with ``compute(key)``, emptied when it holds ``size`` keys.

    For the caches read once per token or term: reading a dict costs less than calling an
    ``lru_cache``, which also moves the entry on every hit.
    """

    __slots__ = ("_compute", "_size")

    def __init__(self, compute: Callable[[_K], _V], size: int) -> None:
        super().__init__()
        self._compute = compute
        self._size = size

    def __missing__(self, key: _K) -> _V:
        if len(self) >= self._size:
            self.clear()
        value = self[key] = self._compute(key)
        return value


@dataclass(frozen=True, slots=True)
class Features:
    """What the story index needs to know about one article.

    ``terms`` is sorted by term and holds each term once with its weight; ``entities`` and
    ``numbers`` repeat the entity/phrase and number terms for quick overlap checks.
    ``language`` is the article's (None: English or not known).
    """

    terms: tuple[tuple[str, float], ...]
    entities: frozenset[str]
    numbers: frozenset[str]
    published: datetime | None
    language: str | None = None
    series: tuple[str, str] | None = None
    """A dated headline's template and the dates it names (``series_of``): the instalments
    of a series (a forecast for each day, a month's figures) tell different days."""
    stamped: datetime | None = None
    """The day of the article's publishing stamp, when it came undated (``Article.stamped``):
    kept for finding its facts later, never read by the clustering."""

    def to_json(self) -> str:
        """Compact JSON: entity and number sets are derived from the terms when read back.

        The text is ``json.dumps({"terms": dict(terms), "published": ...})`` with compact
        separators and ``ensure_ascii=False`` (and ``"language"`` last when it is not English),
        written out directly so that the text of each weight is worked out once: a float's
        ``repr`` was most of the cost, and the same few weights recur in every article.
        """
        terms = ",".join([f"{encode_basestring(t)}:{_weight_json(w)}" for t, w in self.terms])
        published = encode_basestring(self.published.isoformat()) if self.published else "null"
        language = f',"language":{encode_basestring(self.language)}' if self.language else ""
        series = (
            f',"series":[{encode_basestring(self.series[0])},{encode_basestring(self.series[1])}]'
            if self.series
            else ""
        )
        stamped = (
            f',"stamped":{encode_basestring(self.stamped.isoformat())}' if self.stamped else ""
        )
        return f'{{"terms":{{{terms}}},"published":{published}{language}{series}{stamped}}}'

    @classmethod
    def from_json(cls, s: str) -> Features:
        data = json.loads(s)
        published = data["published"]
        weights = data["terms"]  # JSON object keys are always strings
        terms = tuple(sorted(zip(weights, map(float, weights.values()), strict=True)))
        series = data.get("series")
        stamped = data.get("stamped")
        return cls.of(
            terms,
            datetime.fromisoformat(published) if published else None,
            data.get("language"),
            (series[0], series[1]) if series else None,
            datetime.fromisoformat(stamped) if stamped else None,
        )

    @classmethod
    def of(
        cls,
        terms: tuple[tuple[str, float], ...],
        published: datetime | None,
        language: str | None = None,
        series: tuple[str, str] | None = None,
        stamped: datetime | None = None,
    ) -> Features:
        """The features of ``terms`` (sorted by term, each once), with their entity sets."""
        entities = chain(_of_kind(terms, KIND_ENTITY), _of_kind(terms, KIND_PHRASE))
        numbers = _of_kind(terms, KIND_NUMBER)
        return cls(
            terms, frozenset(entities), frozenset(numbers), published, language, series, stamped
        )


_term = itemgetter(0)


def _of_kind(terms: tuple[tuple[str, float], ...], kind: str) -> Iterator[str]:
    """The terms of one kind among sorted terms.

    Every term starts with its kind, so sorting puts each kind's terms together: they are
    found by bisection rather than by reading every term (";" is the character after ":").
    """
    start = bisect_left(terms, kind, key=_term)
    end = bisect_left(terms, kind[0] + ";", start, key=_term)
    return map(_term, terms[start:end])


def _weight_json(weight: float) -> str:
    """``json.dumps(weight)``, remembered for positive floats.

    Only those: 0.0 and -0.0, or 2 and 2.0, are equal keys with different texts.
    """
    if type(weight) is float and weight > 0:
        return _POSITIVE_WEIGHT_JSON[weight]
    return json.dumps(weight)


_POSITIVE_WEIGHT_JSON: _Memo[float, str] = _Memo(json.dumps, 4096)


# Lowercase ASCII words separated by single spaces or hyphens: the words are wordfreq's tokens
# of the whole. A word may hold apostrophes, but not after its first one or two letters, where
# wordfreq cuts off a French article ("l'amour" is "l" and "amour").
_PLAIN_WORD = r"(?![a-z]{1,2}')[a-z]+(?:'[a-z]+)*"
_PLAIN_WORDS = re.compile(rf"{_PLAIN_WORD}(?:[ -]{_PLAIN_WORD})*")
_WORD_SEPARATOR = re.compile("[ -]")
# The zipf value of each frequency in wordfreq's English list (None: a word not in it).
_ZIPF_OF_FREQUENCY: dict[float | None, float] = {}


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """English word frequency (zipf scale, 0 for unknown words).

    A wordfreq lookup is slow (it tokenises and normalises the word first), and new words keep
    coming: it was most of the cost of a new token. A lowercase ASCII word is its own token,
    so its value depends only on its entry in wordfreq's list; there are a few hundred
    distinct entries, and wordfreq is asked once for each. Several such words separated by
    spaces (a multiword name) or hyphens are one token each, an apostrophe inside a word keeps
    it one token, and wordfreq gives 0 as soon as one token is not in its list, as is usual
    for a new name (wordfreq took 70 microseconds for a hyphenated one).
    """
    if word.isascii() and word.islower():
        frequencies = get_frequency_dict("en", "best")
        if word.isalpha():
            frequency = frequencies.get(word)
            value = _ZIPF_OF_FREQUENCY.get(frequency)
            if value is None:
                value = _ZIPF_OF_FREQUENCY[frequency] = float(zipf_frequency(word, "en"))
            return value
        if _PLAIN_WORDS.fullmatch(word) and not all(
            map(frequencies.__contains__, _WORD_SEPARATOR.split(word))
        ):
            return 0.0
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


def _word_term(lower: str) -> str | None:
    """The term of a lowercase (non-name) word, or None for a function word."""
    if len(lower) < 3 or zipf(lower) >= STOP_ZIPF:
        return None
    return KIND_WORD + stem(lower)


def _is_name_at_start(word: str) -> bool:
    """Whether a capitalised sentence-initial word is a name rather than an ordinary word."""
    return zipf(word.lower()) < NAME_ZIPF


def _number_term(raw: str) -> str:
    return KIND_NUMBER + raw.replace(",", "").rstrip(".")


# Languages that write a decimal point (2.5) and group thousands with commas; the others
# write a decimal comma and group with full stops or spaces.
_DECIMAL_POINT = {ENGLISH, "he", "hi", "ja", "ko", "ms", "th", "zh", "ga", "mt"}
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
# Thousands grouped with a space (1 227 in Russian, Polish, French): joined before tokens are
# found, since a token holds no space.
_SPACED_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})(?:[ \u00a0\u202f]\d{3})+(?![\d])")


def _join_thousands(text: str) -> str:
    if not _SPACED_THOUSANDS.search(text):
        return text
    return _SPACED_THOUSANDS.sub(lambda m: re.sub(r"\D", "", m[0]), text)


def _number_term_in(raw: str, language: str) -> str:
    """A number's term in a language that writes a decimal comma: 1.227 and 1,227 are 1227
    when the groups are thousands; 2,5 is 2.5."""
    if not raw.isascii():
        raw = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in raw)
    if language in _DECIMAL_POINT:
        return _number_term(raw)
    raw = raw.rstrip(".,")
    if _THOUSANDS.fullmatch(raw):
        return KIND_NUMBER + raw.replace(".", "")
    if raw.count(",") == 1 and "." not in raw:
        whole, fraction = raw.split(",")
        if len(fraction) != 3:
            return KIND_NUMBER + f"{whole}.{fraction}"
    whole, comma, fraction = raw.rpartition(",")
    if comma and _THOUSANDS.fullmatch(whole) and fraction.isdigit():
        return KIND_NUMBER + f"{whole.replace('.', '')}.{fraction}"  # 1.234,5
    if "." in raw and "," not in raw:
        # No thousands: a time or a date ("15.00 Uhr", "в 15.30", "15.11"), kept as written,
        # not read as 1500.
        return KIND_NUMBER + raw
    return KIND_NUMBER + raw.replace(",", "").replace(".", "")


def _entity_key(lower: str) -> str:
    return lower.replace(_CURLY_APOSTROPHE, "'").removesuffix("'s").removesuffix("'")


def _place_key(key: str, language: str) -> str | None:
    """The ``k:`` term of a country's name: its code, the same in every language ("Litauen",
    "Литву" and "Lithuania" are ``k:@LT``), where a name's skeleton would differ."""
    code = country_code(key, language)
    return None if code is None else PLACE_KEY + code


_Keys = str | tuple[str, ...] | None
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGIT = re.compile(r"\d")
#: the share of a headline's longer words capitalised in title case
_TITLE_CASE_SHARE = 0.8
_LETTER = re.compile(r"[^\W\d_]")
_PUNCTUATION_AROUND = ".,:;!?()\"'«»“”"
_DATE_PARTS = re.compile(r"\d+")
_NUMERIC_DATE = re.compile(r"\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?|\d{4}-\d{2}-\d{2}")


def _code_key(lower: str) -> str:
    """The ``k:`` term of a code (MH17, COVID-19, F-35): written alike in every language."""
    return KIND_KEY + _NOT_ALNUM.sub("", latin(lower))


def _cross_key(key: str, language: str) -> _Keys:
    """The ``k:`` term of a name's key; None for a key too short to tell names apart.

    Outside English, a name whose letters English says otherwise has two keys, its
    language's and English's: Polish writes Białacki with its own c and Coale with the
    English one, German Tichanowski with its ch and Lauterbach with the same ch as English
    does, and nothing in the spelling tells which is which.
    """
    if len(key) < 3:
        return None
    bones = skeleton(key, language)
    if len(bones) < 2:
        return None
    if language == ENGLISH:
        return KIND_KEY + bones
    english = skeleton(key, ENGLISH)
    if english == bones or len(english) < 2:
        return KIND_KEY + bones
    return (KIND_KEY + bones, KIND_KEY + english)


# What a token does: the term it adds (None: nothing), the name it adds to the current run
# of names (None: it ends the run) and the cross-script key or keys of that name (None: none).
_Effect = tuple[str | None, str | None, _Keys]
# Its effects inside a sentence and at its start; None for a sentence stop.
_Effects = tuple[_Effect, _Effect] | None


@lru_cache(maxsize=200_000)
def _effects(token: str) -> _Effects:
    """A token's effect inside a sentence and at its start, in English; None for a stop.

    Only a capitalised word depends on where it stands: inside a sentence it is a name, at
    the start only if it is rare. Everything else about a token is fixed, so it is worked
    out once per distinct token.
    """
    match = _TOKEN_RE.match(token)
    kind = match.lastgroup if match else None
    if kind == "stop":
        return None
    if kind == "num":
        number: _Effect = (_number_term(token), None, None)
        return number, number
    lower = token.lower()
    if kind == "code":
        code: _Effect = (KIND_ENTITY + lower, lower, _code_key(lower))
        return code, code
    word: _Effect = (_word_term(lower), None, None)
    if not token[0].isupper() or lower in _WEEKDAY_WORDS:
        return word, word
    key = _entity_key(lower)
    place = _place_key(key, ENGLISH)
    # A country is where a story happens, not who is in it: it weighs as a word.
    term = word[0] if place else KIND_ENTITY + key
    if place:
        cross: _Keys = place
    elif "-" in key:
        cross = _parts_keys(map(_effects, _name_parts(token)))
    else:
        cross = _cross_key(key, ENGLISH)
    name: _Effect = (term, key, cross)
    return name, (name if _is_name_at_start(token) else word)


def name_keys(word: str, language: str) -> tuple[str, ...]:
    """The ``k:`` terms a name written in ``language`` has in every language: a country's
    code, else its consonants without its case ending (one or two readings: ``_cross_key``);
    none for a name too short to tell."""
    lower = word.lower()
    place = _place_key(_entity_key(lower), language)
    found = place or _name_key(lower, language)
    return () if found is None else (found,) if isinstance(found, str) else found


def _name_key(lower: str, language: str) -> _Keys:
    return _cross_key(_entity_key(case_stem(lower, language)), language)


def _name_parts(token: str) -> list[str]:
    """The capitalised parts of a hyphenated word long enough to key (Fidesz in Fidesz-led,
    both in Kramp-Karrenbauer, Qaeda in Al-Qaeda)."""
    return [part for part in token.split("-") if len(part) >= 3 and part[0].isupper()]


def _parts_keys(parts: Iterable[_Effects]) -> _Keys:
    """The keys of a hyphenated English word: those of its parts that are names on their
    own, as in the languages that read each part as a word (``_words_of``): Kramp-Karrenbauer
    is Kramp and Karrenbauer, Al-Qaeda is Qaeda.
    """
    keys: list[str] = []
    for effects in parts:
        found = effects[0][2] if effects is not None else None
        if isinstance(found, str):
            keys.append(found)
        elif found is not None:
            keys.extend(found)
    return None if not keys else keys[0] if len(keys) == 1 else tuple(keys)


#: a capitalised word of a language that capitalises its nouns (``NOUNS_CAPITALISED``) that
#: English writes at most this much rarer (zipf) is a name, not one of its nouns
_NAME_GAP = 2.0


def _known_abroad(english: float, here: float) -> bool:
    """Whether English writes a capitalised word of a language that capitalises its nouns
    as a name, not as a noun of that language.

    A word English knows well is English's too (Merkel, Ukraine, Video). Otherwise the gap
    tells: English writes a German name at most a hundred times less often than German does
    (Scholz 2.3 against 3.97, Steinmeier 1.96 against 3.81), a German noun hardly at all
    (Regierung 1.09 against 5.23, Kanzler 1.25 against 4.15). A name English never writes
    (Meuthen) still looks like a noun.
    """
    return english >= LEMMA_ZIPF or (english > 0 and here - english <= _NAME_GAP)


#: a capitalised word longer than this in a language that capitalises its nouns is a compound
#: noun, not a name
_LONGEST_NAME = 14


def _effects_in(token: str, language: str) -> _Effects:
    """``_effects`` for a token of a language other than English.

    Words and names are stemmed (Snowball) and keep their language (``w:ru:заключен``,
    ``e:ru:колесников``), so that their rarity is read from that language's word list and the
    case forms of one name are one term; only the cross-script key (``k:``) leaves the
    language, made from the name without its case ending (``stories.case_endings``), not
    from its stem: a word stemmer cuts Meuthen to meuth. A capitalised word common in the
    language is a name only inside a sentence (every German noun is capitalised: it then
    weighs as a name, with a common word's rarity), and a common German noun's key is kept
    only when English knows the word too (Merkel, Ukraine); a word with capitals after its
    first letter (AfD, CDU) is no noun.
    """
    match = _TOKEN_RE.match(token)
    kind = match.lastgroup if match else None
    if kind == "stop":
        return None
    if kind == "num":
        number: _Effect = (_number_term_in(token, language), None, None)
        return number, number
    lower = token.lower()
    if kind == "code":
        code: _Effect = (KIND_ENTITY + lower, lower, _code_key(lower))
        return code, code
    zipf_here = word_zipf(lower, language) if len(lower) >= 3 else STOP_ZIPF
    stems = stemmer(language)
    stem_of = stems.stemWord(lower.replace("ё", "е")) if stems else lower
    word: _Effect = (
        None if zipf_here >= STOP_ZIPF else f"{KIND_WORD}{language}:{stem_of}",
        None,
        None,
    )
    if not token[0].isupper() or (zipf_here >= STOP_ZIPF and token[1:] == lower[1:]):
        # A function word is one wherever it stands and however a headline writes it (Die,
        # Und, In); a capitalised acronym may be a name (US).
        return word, word
    key = f"{language}:{_entity_key(stem_of)}"
    common = zipf_here >= NAME_ZIPF
    place = _place_key(_entity_key(lower), language)
    cross: _Keys = place
    if place is None and not (
        language in NOUNS_CAPITALISED
        and token[1:] == lower[1:]
        and (zipf_here > 0 or len(lower) > _LONGEST_NAME)
        and not _known_abroad(zipf(_entity_key(latin(lower))), zipf_here)
    ):
        cross = _name_key(lower, language)
    name: _Effect = (word[0] if place else KIND_ENTITY + key, key, cross)
    return name, ((word[0], None, cross) if common else name)


def _chunk_effects(chunk: str) -> tuple[_Effects, ...]:
    """The effects of the tokens of a chunk: a piece of text between two spaces."""
    return tuple(map(_effects, _TOKENS.findall(chunk)))


_CHUNK_EFFECTS = _Memo(_chunk_effects, 200_000)


def _words_of(chunk: str) -> list[str]:
    """The tokens of a chunk of a language other than English, a hyphenated word's parts
    each a word: those languages join with a hyphen what English writes as two words or
    one (Corona-Krise, AfD-Chef, Санкт-Петербург), and another outlet writes each part
    alone or in another compound. A code (COVID-19) stays whole."""
    return [
        part
        for token in _TOKENS.findall(chunk)
        for part in (token.split("-") if "-" in token and not _DIGIT.search(token) else (token,))
        if part
    ]


class _LanguageChunks(dict[str, "_Memo[str, tuple[_Effects, ...]]"]):
    """The chunk memo of each language other than English."""

    def __missing__(self, language: str) -> _Memo[str, tuple[_Effects, ...]]:
        def chunk_effects(chunk: str) -> tuple[_Effects, ...]:
            return tuple(_effects_in(token, language) for token in _words_of(chunk))

        memo = self[language] = _Memo(chunk_effects, 50_000)
        return memo


_LANGUAGE_CHUNK_EFFECTS = _LanguageChunks()


def _add_run(acc: dict[str, float], run: list[str], w: float) -> None:
    """Add a run of two or more names as one phrase term, and start a new run."""
    if len(run) > 1:
        if run[0][2:3] == ":":
            # Names of another language than English keep it once, before the phrase.
            words = " ".join(name[3:] if name[2:3] == ":" else name for name in run)
            phrase = f"{KIND_PHRASE}{run[0][:3]}{words}"
        else:
            phrase = KIND_PHRASE + " ".join(run)
        acc[phrase] = acc.get(phrase, 0.0) + w
    run.clear()


def _scan(
    acc: dict[str, float],
    text: str,
    weight: float,
    lead_weight: float,
    language: str = ENGLISH,
    title_case: bool = False,
) -> None:
    """Add the weighted terms of one text (title, paragraph block or caption) to ``acc``.

    In a headline written in title case (``title_case``) a capitalised word keys a name
    across languages only where it would at a sentence's start, rare enough to be one:
    "Judge Denies R. Kelly's 2nd Attempt to Get Released From Prison" names Kelly, not a
    judge, an attempt or a prison, which other languages write in words of their own.

    The first ``LEAD_TOKENS`` words and numbers weigh ``lead_weight``, the rest ``weight``.

    The text is cut at spaces and the tokens of each distinct chunk are found once: matching
    the token pattern over the whole text cost as much as the rest of the scan. No token holds a
    space, so the chunks hold the same tokens, except that a run of stops may be cut in two
    (newlines are set apart, or a chunk would hold the end of one paragraph and the start of
    the next); consecutive stops do what one does.
    """
    run: list[str] = []
    at_start = True
    position = 0
    w = lead_weight
    if language == ENGLISH:
        memo = _CHUNK_EFFECTS
    else:
        memo = _LANGUAGE_CHUNK_EFFECTS[language]
        text = _join_thousands(text)
    chunks = text.replace("\n", " \n ").split(" ")
    for effects in chain.from_iterable(map(memo.__getitem__, chunks)):
        w = lead_weight if position < LEAD_TOKENS else weight
        if effects is None:
            if run:
                _add_run(acc, run, w)
            at_start = True
            continue
        term, name, cross = effects[at_start]
        if title_case:
            cross = effects[True][2]
        position += 1
        at_start = False
        if name is not None:
            run.append(name)
        elif run:
            _add_run(acc, run, w)
        if term is not None:
            acc[term] = acc.get(term, 0.0) + w
        if cross is not None:
            if isinstance(cross, str):
                acc[cross] = acc.get(cross, 0.0) + w
            else:
                for key in cross:
                    acc[key] = acc.get(key, 0.0) + w
    if run:
        _add_run(acc, run, w)


def _damped(weight: float) -> float:
    """The stored weight of a term (few distinct sums occur, so each is rounded once)."""
    return round(math.log1p(weight), 4)


_DAMPED = _Memo(_damped, 4096)


def _month(name: str) -> str:
    return f"{_MONTHS.index(name[:3].lower()) + 1:02d}"


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``_DATE_RE.finditer(text)`` finds, trying the pattern only where a date can start.

    Trying it at every position costs as much as the rest of feature extraction. Every date
    holds an ASCII digit run (its day or year) and starts either at that run or at a month
    name before it: a word of 3 to 9 letters, an optional full stop and comma, then white
    space. Matching at those positions in order, skipping any inside the last match, finds
    the same dates. Both kinds of position are found in one pass, backwards: on the reversed
    text, the word before a run is a plain match after it.
    """
    starts: list[int] = []
    for run in _DIGITS_AFTER_WORD.finditer(text[::-1]):
        starts.append(len(text) - run.end())
        if run[1]:
            starts.append(len(text) - run.end(1))
    resume = 0
    for start in sorted(starts):
        if start >= resume and (m := _DATE_RE.match(text, start)):
            yield m
            resume = m.end()


def date_terms(text: str) -> set[str]:
    """Year, month-of-year and day-of-month terms of the date expressions in a text.

    A bare month name needs a day or a year next to it ("May 3", "3 May", "May 2013"), so
    the verb "may" and the name "March" alone are not dates.
    """
    found: set[str] = set()
    for m in _date_matches(text):
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
            found.add(f"{KIND_DATE}{month}-{int(day.lower().rstrip('stndrh')):02d}")
    return found


_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def _date_terms_in(text: str, language: str) -> set[str]:
    """``date_terms`` for a language other than English: its own month names (Babel's), and
    every year."""
    found = {KIND_DATE + year for year in _YEAR_RE.findall(text)}
    for year, month, day in dates_in(text, language):
        if year is not None:
            found.add(f"{KIND_DATE}{year}")
            if month is not None:
                found.add(f"{KIND_DATE}{year}-{month:02d}")
        if month is not None and day is not None:
            found.add(f"{KIND_DATE}{month:02d}-{day:02d}")
    return found


def extract_features(article: Article) -> Features:
    """Turn a cleaned article into its weighted term vector, entities and numbers."""
    acc: dict[str, float] = {}
    language = article.language or ENGLISH
    _scan(acc, article.title, TITLE_WEIGHT, TITLE_WEIGHT, language, _title_case(article.title))
    _scan(acc, "\n".join(article.paragraphs), BODY_WEIGHT, LEAD_WEIGHT, language)
    for caption in article.captions:
        _scan(acc, caption, CAPTION_WEIGHT, CAPTION_WEIGHT, language)
    text = "\n".join((article.title, *article.paragraphs))
    dates = date_terms(text) if language == ENGLISH else _date_terms_in(text, language)
    for term in dates:
        acc[term] = acc.get(term, 0.0) + TITLE_WEIGHT
    terms = tuple([(t, _DAMPED[acc[t]]) for t in sorted(acc)])
    return Features.of(
        terms,
        article.published,
        None if language == ENGLISH else language,
        series_of(article.title, language),
        article.stamped,
    )


def _title_case(title: str) -> bool:
    """Whether a headline capitalises its words, not only its names (four words or more)."""
    words = [word for word in title.split() if len(word) >= 4 and word[0].isalpha()]
    if len(words) < 4:
        return False
    return sum(word[0].isupper() for word in words) >= _TITLE_CASE_SHARE * len(words)


def series_of(title: str, language: str) -> tuple[str, str] | None:
    """A headline's template, its dates masked and lowercase, and the dates it names
    (month-day, month and year); None for a headline without a date or with fewer than two
    words besides (a dateline). Only dates are masked: two headlines that differ in a count
    may be one event told two ways; and dates are compared as dates ("16 July", "July 16")."""
    words = " ".join(title.lower().split()).split(" ")
    bare = [word.strip(_PUNCTUATION_AROUND) for word in words]
    masked = list(words)
    named: set[str] = set()
    for i, word in enumerate(bare):
        numeric = _NUMERIC_DATE.fullmatch(word)
        if numeric:
            masked[i] = "@"
            named.add(".".join(str(int(part)) for part in _DATE_PARTS.findall(word)[:2]))
        elif word and not word.isdigit() and month_of(word, language):
            days = [j for j in (i - 1, i + 1) if 0 <= j < len(bare) and bare[j].isdigit()]
            if days:
                for j in (i, *days):
                    masked[j] = "@"
    named |= {f"{day or ''}.{month}.{year or ''}" for year, month, day in dates_in(title, language)}
    told = [b for m, b in zip(masked, bare, strict=True) if m != "@" and _LETTER.search(b)]
    if masked == words or len(told) < 2:
        return None
    return " ".join(masked), " ".join(sorted(named))
