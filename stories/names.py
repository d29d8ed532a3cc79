"""People across spellings and transliterations, without merging different people.

Two layers. ``name_key`` folds a name to a skeleton that different romanisations of one
name share (``Kalesnikava``, ``Kolesnikova`` and ``Kalesnikawa`` all give ``kalesnikav``);
it only finds candidates, so it may be generous. ``person_score`` then decides with
rapidfuzz on the folded forms plus context: the given names must agree (or one side has
none), gendered surname endings must agree (``Tikhanovsky`` is not ``Tsikhanouskaya``),
and outside one story the match must be near exact.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from stories.facts import EntityKind, Mention
from stories.story_input import ArticleView

SAME_PERSON_SCORE = 0.82
"""``person_score`` at or above this is one person."""
SURNAME_MIN_RATIO = 80.0
"""Folded surnames less similar than this (rapidfuzz ratio) are different names."""
GIVEN_MIN_RATIO = 80.0
"""Folded given names at least this similar are one name in two romanisations."""
QUERY_MIN_SCORE = 60.0
"""Candidates scoring below this are not offered for a ``/who`` query at all."""
CLEAR_MATCH_SCORE = 85.0
AMBIGUITY_MARGIN = 8.0
"""A best match this far above the next one is clear; closer ones are ambiguous."""
NAME_CACHE = 65_536
"""Distinct names (and name words) whose folded forms are kept between calls."""

_SPECIAL_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d"}
)

# Ordered rewrites from romanisation variants to one skeleton (after casefold and accents).
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"shch|sch|szcz", "s"),
        (r"tsch|tch|cz", "c"),
        (r"zh|zs", "z"),
        (r"sh|sz", "s"),
        (r"kh|ch", "h"),
        (r"ph", "f"),
        (r"x", "ks"),
        (r"ck|q", "k"),
        (r"w", "v"),
        (r"dz", "d"),
        (r"ts(?=[iy])", "t"),  # Belarusian ts/dz before i where Russian has t/d
        (r"tz|ts", "c"),
        (r"([ao])u(?![aeiouy])", r"\1v"),  # Belarusian u-short: Tsikhanouskaya ~ Tikhanovskaya
        (r"[yj]", "i"),
        (r"i(?=[aeiou])", ""),  # ia/ya/ja, iu/yu/ju: the palatal glide
        (r"o", "a"),  # unstressed o written a (Kalesnikava ~ Kolesnikova)
        (r"(.)\1+", r"\1"),
    )
)
_ENDING = re.compile(r"[aeiu]+$")

_FEMININE_ENDINGS = ("aya", "aja", "aia", "ska", "cka", "zka", "ova", "eva", "ava", "ina", "yna")
_MASCULINE_ENDINGS = ("sky", "ski", "skiy", "skii", "cki", "zki", "ov", "ev", "ou", "au", "in")
_MASCULINE_ENDINGS_EXTRA = ("yn", "ny", "iy", "yi", "oy", "ich", "ych")

_TITLES = frozenset(
    "mr mrs ms miss dr prof sir dame lord lady president vice prime minister gen general col "
    "colonel sen senator rep judge justice pope king queen prince princess sheikh rev father "
    "st saint chancellor secretary envoy ambassador mayor governor premier".split()
)
_SUFFIXES = frozenset("jr sr ii iii iv".split())
_TOKEN = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?")


@lru_cache(maxsize=NAME_CACHE)
def _plain(text: str) -> str:
    """Casefolded, accents stripped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=NAME_CACHE)
def fold(token: str) -> str:
    """One name token folded over romanisation variants, keeping its ending."""
    text = "".join(c for c in _plain(token) if c.isalpha())
    for pattern, repl in _FOLDS:
        text = pattern.sub(repl, text)
    return text


@lru_cache(maxsize=NAME_CACHE)
def skeleton(token: str) -> str:
    """A folded name word without its ending vowels (the key of one word)."""
    folded = fold(token)
    stripped = _ENDING.sub("", folded)
    return stripped or folded


def name_tokens(name: str) -> list[str]:
    """The words of a name without leading titles, trailing suffixes and possessives."""
    return list(_name_tokens(name))


@lru_cache(maxsize=NAME_CACHE)
def _name_tokens(name: str) -> tuple[str, ...]:
    tokens = [t.rstrip(".") for t in _TOKEN.findall(name)]
    tokens = [re.sub(r"['’]s?$", "", t) for t in tokens]
    tokens = [t for t in tokens if t]
    while len(tokens) > 1 and tokens[0].casefold() in _TITLES:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1].casefold() in _SUFFIXES:
        tokens.pop()
    return tuple(tokens)


@lru_cache(maxsize=NAME_CACHE)
def clean_name(name: str) -> str:
    """A name as written, without titles, suffixes and possessive endings."""
    return " ".join(_name_tokens(name))


def name_key(name: str) -> str:
    """The transliteration-folded skeleton of a whole name (for candidate lookup only)."""
    return " ".join(skeleton(t) for t in name_tokens(name))


def surname_key(name: str) -> str:
    """The skeleton of a name's last word: the key to index people by."""
    tokens = name_tokens(name)
    return skeleton(tokens[-1]) if tokens else ""


@lru_cache(maxsize=NAME_CACHE)
def _gender(surname: str) -> str | None:
    """``f`` or ``m`` for Slavic and Baltic gendered surname endings, else None."""
    plain = _plain(surname)
    if plain.endswith(_FEMININE_ENDINGS):
        return "f"
    if plain.endswith(_MASCULINE_ENDINGS) or plain.endswith(_MASCULINE_ENDINGS_EXTRA):
        return "m"
    return None


@dataclass(frozen=True, slots=True)
class _NameForm:
    """What comparing one name needs, worked out once per distinct name.

    ``surname`` is the last word's skeleton, ``folded`` the last word folded, ``given`` the
    first given name as written ("" for a surname alone).
    """

    full: bool
    surname: str
    folded: str
    gender: str | None
    given: str


@lru_cache(maxsize=NAME_CACHE)
def _form(name: str) -> _NameForm | None:
    tokens = _name_tokens(name)
    if not tokens:
        return None
    last = tokens[-1]
    given = tokens[0] if len(tokens) > 1 else ""
    return _NameForm(len(tokens) > 1, skeleton(last), fold(last), _gender(last), given)


def _surname_similarity(a: _NameForm, b: _NameForm) -> float:
    if a.surname == b.surname:
        return 1.0
    return float(fuzz.ratio(a.folded, b.folded)) / 100.0


def _given_compatible(a: str, b: str) -> bool:
    """Whether two first given names can name one person (empty: unknown, compatible)."""
    if not a or not b:
        return True
    first_a, first_b = fold(a), fold(b)
    if not first_a or not first_b:
        return True
    if len(a) == 1 or len(b) == 1:
        return _plain(a)[0] == _plain(b)[0]
    if first_a.startswith(first_b) or first_b.startswith(first_a):
        return min(len(first_a), len(first_b)) >= 3
    return fuzz.ratio(first_a, first_b) >= GIVEN_MIN_RATIO


@dataclass(frozen=True, slots=True)
class NameContext:
    """What is known around two names: same story, and what each is described as."""

    same_story: bool = True
    roles_a: frozenset[str] = frozenset()
    roles_b: frozenset[str] = frozenset()


@lru_cache(maxsize=NAME_CACHE)
def role_words(description: str | None) -> frozenset[str]:
    """Content words of a description (``US special envoy`` -> envoy, special, us)."""
    if not description:
        return frozenset()
    return frozenset(t.casefold() for t in _TOKEN.findall(description) if len(t) > 3)


def person_score(a: str, b: str, context: NameContext = NameContext()) -> float:
    """How surely two names name one person, 0 to 1; 0 for a known mismatch."""
    form_a, form_b = _form(a), _form(b)
    if form_a is None or form_b is None:
        return 0.0
    if form_a.gender and form_b.gender and form_a.gender != form_b.gender:
        return 0.0
    if not _given_compatible(form_a.given, form_b.given):
        return 0.0
    similarity = _surname_similarity(form_a, form_b)
    if similarity * 100 < SURNAME_MIN_RATIO:
        return 0.0
    if not context.same_story:
        both_full = form_a.full and form_b.full
        return similarity if both_full and similarity >= 0.95 else 0.0
    if context.roles_a & context.roles_b:
        similarity = min(1.0, similarity + 0.1)
    return similarity


def same_person(a: str, b: str, context: NameContext = NameContext()) -> bool:
    return person_score(a, b, context) >= SAME_PERSON_SCORE


@dataclass(frozen=True, slots=True)
class PersonDescription:
    article_id: int
    outlet: str
    description: str
    sentence: str


@dataclass(frozen=True, slots=True)
class PersonMention:
    article_id: int
    outlet: str
    mention: Mention


@dataclass(frozen=True, slots=True)
class Person:
    """One person of a story, with every spelling the outlets use and how they describe it.

    ``name`` is the spelling most articles use (ties: the longest); ``spellings`` maps each
    full spelling to the articles that use it.
    """

    name: str
    spellings: dict[str, frozenset[int]]
    descriptions: tuple[PersonDescription, ...]
    mentions: tuple[PersonMention, ...]

    @property
    def article_ids(self) -> frozenset[int]:
        return frozenset(m.article_id for m in self.mentions)

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.outlet for m in self.mentions))


@dataclass(slots=True)
class _Group:
    names: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)

    def accepts(self, name: str, roles: frozenset[str]) -> float:
        """The weakest score of ``name`` against the group's names (0 if any mismatch).

        The first score below ``SAME_PERSON_SCORE`` is returned as it is: the group cannot
        take the name then, whatever the other scores.
        """
        context = NameContext(roles_a=roles, roles_b=frozenset(self.roles))
        full = [n for n in self.names if len(_name_tokens(n)) > 1] or self.names
        weakest = 1.0
        for other in full:
            score = person_score(name, other, context)
            if score < SAME_PERSON_SCORE:
                return score
            weakest = min(weakest, score)
        return weakest


def _person_mentions(views: Iterable[ArticleView]) -> dict[str, list[PersonMention]]:
    by_name: dict[str, list[PersonMention]] = defaultdict(list)
    for view in views:
        for mention in view.facts.mentions:
            if mention.kind is not EntityKind.PERSON:
                continue
            name = clean_name(mention.name)
            if name:
                by_name[name].append(PersonMention(view.article_id, view.outlet, mention))
    return by_name


def _similar_surnames(forms: Iterable[_NameForm]) -> dict[str, list[str]]:
    """For each folded surname, the folded surnames it may be a spelling of (itself too).

    A generous superset of the surnames ``person_score`` lets through (same skeleton, or a
    ratio of at least ``SURNAME_MIN_RATIO``), found in one vectorised pass: names are only
    scored against the groups holding one of these.
    """
    skeletons = {form.folded: form.surname for form in forms}
    folded = list(skeletons)
    ratios = process.cdist(folded, folded, scorer=fuzz.ratio, score_cutoff=SURNAME_MIN_RATIO - 1)
    keys = np.array(list(skeletons.values()))
    near = (ratios > 0) | (keys[:, None] == keys[None, :])
    return {
        f: [folded[j] for j in np.flatnonzero(row)] for f, row in zip(folded, near, strict=True)
    }


def _group_names(by_name: dict[str, list[PersonMention]]) -> list[_Group]:
    """Full names first (most articles first), then surname-only names join a full one."""

    def order(name: str) -> tuple[int, int, int]:
        articles = len({m.article_id for m in by_name[name]})
        return (len(_name_tokens(name)) == 1, -articles, -len(name))

    forms = {name: _form(name) for name in sorted(by_name, key=order)}
    similar = _similar_surnames(f for f in forms.values() if f is not None)
    groups: list[_Group] = []
    holding: dict[str, set[int]] = defaultdict(set)  # group indices by a name's folded surname
    for name, form in forms.items():
        roles = frozenset().union(*(role_words(m.mention.description) for m in by_name[name]))
        near = [] if form is None else similar[form.folded]
        candidates = sorted({i for folded in near for i in holding[folded]})
        scored = [(groups[i].accepts(name, roles), i) for i in candidates]
        scored = [(score, i) for score, i in scored if score >= SAME_PERSON_SCORE]
        if form is not None and not form.full:
            scored = _prefer_same_article(scored, groups, by_name, name)
        if scored:
            index = max(scored, key=lambda item: (item[0], -item[1]))[1]
        else:
            index = len(groups)
            groups.append(_Group())
        groups[index].names.append(name)
        groups[index].roles.update(roles)
        if form is not None:
            holding[form.folded].add(index)
    return groups


def _prefer_same_article(
    scored: list[tuple[float, int]],
    groups: list[_Group],
    by_name: dict[str, list[PersonMention]],
    name: str,
) -> list[tuple[float, int]]:
    """A bare surname with several candidates joins the one its articles name, if only one."""
    if len(scored) < 2:
        return scored
    articles = {m.article_id for m in by_name[name]}
    near = [
        (score, i)
        for score, i in scored
        if any(m.article_id in articles for n in groups[i].names for m in by_name[n])
    ]
    return near if len(near) == 1 else []


def _canonical(names: list[str], by_name: dict[str, list[PersonMention]]) -> str:
    full = [n for n in names if len(name_tokens(n)) > 1] or names

    def preference(name: str) -> tuple[int, int, int]:
        articles = {m.article_id for m in by_name[name]}
        return (len(articles), len(name), -min(articles))

    return max(full, key=preference)


def _spelling(written: str, canonical: str) -> str:
    """A spelling in full: a bare surname takes the canonical given names."""
    tokens = name_tokens(written)
    canonical_tokens = name_tokens(canonical)
    if len(tokens) == 1 and len(canonical_tokens) > 1:
        return " ".join([*canonical_tokens[:-1], tokens[0]])
    return " ".join(tokens)


def _mention_spellings(mention: Mention, canonical: str) -> tuple[str, ...]:
    """The spellings one mention shows: its name, and its surface if that spells it otherwise."""
    return _spellings(mention.name, mention.surface, canonical)


@lru_cache(maxsize=NAME_CACHE)
def _spellings(written: str, surface: str, canonical: str) -> tuple[str, ...]:
    name = _spelling(written, canonical)
    surface_tokens = _name_tokens(surface)
    name_words = {_plain(t) for t in _name_tokens(written)}
    if surface_tokens and not {_plain(t) for t in surface_tokens} <= name_words:
        spelled = _spelling(surface, name)
        if same_person(spelled, canonical):
            return (name, spelled)
    return (name,)


def _build_person(names: list[str], by_name: dict[str, list[PersonMention]]) -> Person:
    canonical = _canonical(names, by_name)
    mentions = [m for n in names for m in by_name[n]]
    spelled: dict[str, set[int]] = defaultdict(set)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for pm in mentions:
        for spelling in _mention_spellings(pm.mention, canonical):
            spelled[spelling.casefold()].add(pm.article_id)
            forms[spelling.casefold()][spelling] += 1
    spellings = {
        forms[key].most_common(1)[0][0]: frozenset(ids)
        for key, ids in sorted(spelled.items(), key=lambda item: (-len(item[1]), item[0]))
    }
    seen: set[tuple[int, str]] = set()
    descriptions: list[PersonDescription] = []
    for pm in mentions:
        text = pm.mention.description
        if text and (pm.article_id, text.casefold()) not in seen:
            seen.add((pm.article_id, text.casefold()))
            descriptions.append(
                PersonDescription(pm.article_id, pm.outlet, text, pm.mention.span.sentence)
            )
    descriptions.sort(key=lambda d: d.article_id)
    mentions.sort(key=lambda m: (m.article_id, m.mention.span.start))
    return Person(canonical, spellings, tuple(descriptions), tuple(mentions))


def resolve_people(views: Sequence[ArticleView]) -> list[Person]:
    """The people of one story, most widely reported first."""
    by_name = _person_mentions(views)
    people = [_build_person(g.names, by_name) for g in _group_names(by_name)]
    people.sort(key=lambda p: (-len(p.article_ids), -len(p.mentions), p.name))
    return people


def people_index(names: Iterable[str]) -> dict[str, list[str]]:
    """Names by ``surname_key``: where to look for the candidates of a query."""
    index: dict[str, list[str]] = defaultdict(list)
    for name in names:
        index[surname_key(name)].append(name)
    return dict(index)


def _token_score(query: str, candidate: str) -> float:
    """Similarity of two name words: folded (transliterations) and as written (exactness)."""
    folded = fuzz.ratio(fold(query), fold(candidate))
    if skeleton(query) == skeleton(candidate):
        folded = max(folded, 95.0)
    written = fuzz.ratio(_plain(query), _plain(candidate))
    return 0.7 * folded + 0.3 * written


def query_score(query: str, candidate: str) -> float:
    """How well a typed query (full name, surname alone, misspelt) finds a candidate, 0-100."""
    q_tokens, c_tokens = name_tokens(query), name_tokens(candidate)
    if not q_tokens or not c_tokens:
        return 0.0
    surname = _token_score(q_tokens[-1], c_tokens[-1])
    gender_q, gender_c = _gender(q_tokens[-1]), _gender(c_tokens[-1])
    if gender_q and gender_c and gender_q != gender_c:
        surname -= 15.0
    if len(q_tokens) == 1:
        given_only = max((_token_score(q_tokens[0], t) for t in c_tokens[:-1]), default=0.0)
        return max(surname, 0.85 * given_only)
    if len(c_tokens) == 1:
        return 0.9 * surname
    given = _token_score(q_tokens[0], c_tokens[0])
    return 0.65 * surname + 0.35 * given


def match_person_query(query: str, candidates: Sequence[str]) -> list[tuple[str, float]]:
    """Candidates for a ``/who`` query, best first, each with a score from 0 to 100.

    The caller reads the result with ``is_clear_match``: one clear best, several close
    ones (ambiguous), or none (then offer the top few as "did you mean").
    """
    scored = [(name, round(query_score(query, name), 1)) for name in dict.fromkeys(candidates)]
    ranked = sorted(
        ((n, s) for n, s in scored if s >= QUERY_MIN_SCORE), key=lambda x: (-x[1], x[0])
    )
    return ranked


def is_clear_match(ranked: Sequence[tuple[str, float]]) -> bool:
    """Whether the first of ``match_person_query``'s results is the answer on its own."""
    if not ranked or ranked[0][1] < CLEAR_MATCH_SCORE:
        return False
    return len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= AMBIGUITY_MARGIN
