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

from stories.case_endings import CASE_ENDINGS, MIN_STEM, case_stem
from stories.facts import EntityKind, Mention
from stories.language import ENGLISH, word_zipf
from stories.lexicon import NAME_TITLES
from stories.scripts import latin
from stories.scripts import skeleton as consonants
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
#: the ending of a folded given name in an inflecting language (Aliaksandras, Maryja)
_GIVEN_ENDING = re.compile(r"(?<=\w{3})(?:as|is|us|a|u|i|e)$")

_FEMININE_ENDINGS = ("aya", "aja", "aia", "ska", "cka", "zka", "ova", "eva", "ava", "ina", "yna")
_MASCULINE_ENDINGS = ("sky", "ski", "skiy", "skii", "cki", "zki", "ov", "ev", "ou", "au", "in")
_MASCULINE_ENDINGS_EXTRA = ("yn", "ny", "iy", "yi", "oy", "ich", "ych")

_SUFFIXES = frozenset("jr sr ii iii iv".split())
_TOKEN = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?")


# A letter of a script other than Latin (Cyrillic, Greek, Armenian, Georgian...).
_NOT_LATIN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


@lru_cache(maxsize=NAME_CACHE)
def _plain(text: str) -> str:
    """Casefolded, accents stripped; a name in another script is first written in Latin
    letters (Колесникова is kolesnikova), so that every comparison below spans scripts.

    A name already in Latin letters keeps its letters: ``latin`` spells č and ć out as "ch",
    which English writes as c (Vučić is Vucic).
    """
    if not text.isascii() and _NOT_LATIN.search(text):
        text = latin(text).replace("'", "")
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def script(text: str) -> str:
    """The script a name is written in, as a reader would call it: Latin, Cyrillic, Greek..."""
    for char in text:
        if char.isalpha():
            if char.isascii():
                return "Latin"
            return unicodedata.name(char, "Latin").split()[0].title()
    return "Latin"


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
    while len(tokens) > 1 and tokens[0].casefold() in NAME_TITLES:
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


@lru_cache(maxsize=NAME_CACHE)
def surname_key(name: str, language: str | None = None) -> str:
    """The skeleton of a name's last word without its case ending: the key to index people
    by, the same across scripts (``language`` is the one the name was written in)."""
    tokens = name_tokens(name)
    return skeleton(case_stem(tokens[-1], language)) if tokens else ""


#: the languages a name in each script may be written in, whose case endings a query may have
_QUERY_LANGUAGES = {
    "Latin": (None, "pl", "lt", "cs", "de", "lv", "sl", "hr"),
    "Cyrillic": ("ru", "uk", "be", "bg", "sr", "mk"),
    "Greek": ("el",),
}


def query_keys(name: str) -> list[str]:
    """The surname keys a typed name may be stored under: its key in each language that
    writes its script (a query has no language: Колесникову is Russian or Ukrainian)."""
    languages = _QUERY_LANGUAGES.get(script(name), (None,))
    return list(dict.fromkeys(k for k in (surname_key(name, lang) for lang in languages) if k))


def said_keys(name: str, language: str | None = None) -> frozenset[str]:
    """The consonants of a full name as said (``_NameForm.whole``), in ``language`` or, when
    it is not known, in each language that writes the name's script; empty for a surname
    alone. Names of one person said alike across scripts share one (John Coale, Джоном
    Коулом)."""
    languages = (language,) if language else _QUERY_LANGUAGES.get(script(name), (None,))
    forms = (_form(name, lang) for lang in languages)
    return frozenset(form.whole for form in forms if form is not None and form.whole)


@lru_cache(maxsize=NAME_CACHE)
def _gender(surname: str) -> str | None:
    """``f`` or ``m`` for Slavic and Baltic gendered surname endings, else None."""
    plain = _plain(surname)
    if plain.endswith(_FEMININE_ENDINGS):
        return "f"
    if _NOT_LATIN.search(surname) and plain.endswith(("oy", "oi")):
        return "f"  # Тихановской, Колесниковой: a woman's surname in an oblique case
    if plain.endswith(_MASCULINE_ENDINGS) or plain.endswith(_MASCULINE_ENDINGS_EXTRA):
        return "m"
    return None


#: the last letter of a man's given name in the genitive or accusative that a woman's given
#: name ends in too (Олега, Сергея, Игоря; Анна, Мария)
_GIVEN_OBLIQUE = ("а", "я")
#: what a man's given name ends in instead in the nominative (Олег, Сергей, Игорь)
_GIVEN_NOMINATIVE = ("", "й", "ь")
#: how common a nominative must be to be taken for a given name (zipf)
_GIVEN_ZIPF = 3.0


@lru_cache(maxsize=NAME_CACHE)
def masculine_given_oblique(given: str, language: str | None) -> bool:
    """Whether a Cyrillic given name is a man's in the genitive or accusative (Олега, Сергея,
    Игоря), whose surname then ends as a woman's does ("Олега Соколова" is Олег Соколов).

    The word list tells: a man's nominative (Олег, Сергей, Игорь) is more common than its
    oblique form, and a woman's name (Анна, Мария, Ольга) is more common than any word its
    last letter could be taken from. A name that is both (Александра, Валерия) reads as a
    man's here, which leaves its gender open.
    """
    lower = given.casefold()
    if not lower.endswith(_GIVEN_OBLIQUE) or script(given) != "Cyrillic":
        return False
    stem = lower[:-1]
    for code in (language,) if language else ("ru", "uk"):
        nominative = max(word_zipf(stem + end, code) for end in _GIVEN_NOMINATIVE)
        if nominative >= _GIVEN_ZIPF and nominative > word_zipf(lower, code):
            return True
    return False


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
    bones: str
    """The surname's consonants as its language says them (``stories.scripts.skeleton``):
    Bjaljazki, Białacki and Беляцкий are all blck."""
    whole: str
    """For a full name, the consonants of its first given name with that name's first vowel,
    and those of its surname (``zno kl`` for John Coale, Джоном Коулом and Τζον Κόουλ); "" for
    a surname alone."""


@lru_cache(maxsize=NAME_CACHE)
def _form(name: str, language: str | None = None) -> _NameForm | None:
    """``name`` as written in ``language``, its words without their case endings."""
    tokens = _name_tokens(name)
    if not tokens:
        return None
    last = tokens[-1]
    stem = case_stem(last, language)
    given = case_stem(tokens[0], language) if len(tokens) > 1 else ""
    bones = consonants(stem.lower(), language or ENGLISH)
    whole = _whole(given, stem, language, not _NOT_LATIN.search(last)) if given else ""
    gender = _gender(last)
    if gender == "f" and given and masculine_given_oblique(tokens[0], language):
        gender = None
    return _NameForm(len(tokens) > 1, skeleton(stem), fold(stem), gender, given, bones, whole)


#: consonants a surname has at least for its consonants alone to make two spellings one
_TELLING_BONES = 4
#: a J before a vowel in a name written in Latin letters, said as Дж, Τζ (John, James)
_SAID_J = re.compile(r"^j(?=[aeiou])")
_FIRST_VOWEL = re.compile(r"[aeiou]")


def _whole(given: str, surname: str, language: str | None, in_latin: bool) -> str:
    """The consonants of a full name's first given name and surname (both without case
    endings), as ``_NameForm.whole``. A name in Latin letters is read as English reads it:
    its spelling is kept from its own language by every language writing Latin letters
    (Johnem Coale'em in Polish), and the other scripts write how English says it."""
    given, surname = given.lower(), surname.lower()
    speech = ENGLISH if in_latin else language or ENGLISH
    if in_latin:
        given, surname = _SAID_J.sub("dzh", given), _SAID_J.sub("dzh", surname)
    given_bones, surname_bones = consonants(given, speech), consonants(surname, speech)
    # The first vowel too: the consonants alone make John, Jane and June one name.
    vowel = _FIRST_VOWEL.search(latin(given).lower())
    if not (given_bones and surname_bones and vowel):
        return ""
    return f"{given_bones}{vowel[0]} {surname_bones}"


def _surname_similarity(a: _NameForm, b: _NameForm) -> float:
    if a.surname == b.surname:
        return 1.0
    if a.bones == b.bones and len(a.bones) >= _TELLING_BONES:
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
    if fuzz.ratio(first_a, first_b) >= GIVEN_MIN_RATIO:
        return True
    # Given names in another language's form (Aliaksandras, Wiktar): compared without an
    # ending, since they only confirm what the surname says.
    bare_a, bare_b = _GIVEN_ENDING.sub("", first_a), _GIVEN_ENDING.sub("", first_b)
    stripped = (bare_a, bare_b) != (first_a, first_b)
    return stripped and fuzz.ratio(bare_a, bare_b) >= GIVEN_MIN_RATIO


@dataclass(frozen=True, slots=True)
class NameContext:
    """What is known around two names: same story, and what each is described as."""

    same_story: bool = True
    roles_a: frozenset[str] = frozenset()
    roles_b: frozenset[str] = frozenset()
    language_a: str | None = None
    language_b: str | None = None
    """The languages the names are written in (None: English or not known)."""


@lru_cache(maxsize=NAME_CACHE)
def role_words(description: str | None) -> frozenset[str]:
    """Content words of a description (``US special envoy`` -> envoy, special, us)."""
    if not description:
        return frozenset()
    return frozenset(t.casefold() for t in _TOKEN.findall(description) if len(t) > 3)


def person_score(a: str, b: str, context: NameContext = NameContext()) -> float:
    """How surely two names name one person, 0 to 1; 0 for a known mismatch."""
    form_a, form_b = _form(a, context.language_a), _form(b, context.language_b)
    if form_a is None or form_b is None:
        return 0.0
    if form_a.gender and form_b.gender and form_a.gender != form_b.gender:
        return 0.0
    # A short English name keeps few letters in another script (John Coale, Джон Коул, Τζον
    # Κόουλ): in one story, a given name and surname of the same consonants are one person.
    said_alike = bool(form_a.whole) and form_a.whole == form_b.whole and context.same_story
    if not said_alike and not _given_compatible(form_a.given, form_b.given):
        return 0.0
    similarity = _surname_similarity(form_a, form_b)
    if said_alike:
        similarity = max(similarity, SAME_PERSON_SCORE)
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
    language: str | None = None


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
    languages: dict[str, str | None] = field(default_factory=dict)

    def accepts(self, name: str, roles: frozenset[str], language: str | None = None) -> float:
        """The weakest score of ``name`` against the group's names (0 if any mismatch).

        The first score below ``SAME_PERSON_SCORE`` is returned as it is: the group cannot
        take the name then, whatever the other scores.
        """
        full = [n for n in self.names if len(_name_tokens(n)) > 1] or self.names
        weakest = 1.0
        for other in full:
            context = NameContext(
                roles_a=roles,
                roles_b=frozenset(self.roles),
                language_a=language,
                language_b=self.languages.get(other),
            )
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
                by_name[name].append(
                    PersonMention(view.article_id, view.outlet, mention, view.language)
                )
    return by_name


def _similar_surnames(forms: Iterable[_NameForm]) -> dict[str, list[str]]:
    """For each folded surname, the folded surnames it may be a spelling of (itself too).

    A generous superset of the surnames ``person_score`` lets through (same skeleton, same
    consonants, or a ratio of at least ``SURNAME_MIN_RATIO``), found in one vectorised pass:
    names are only scored against the groups holding one of these.
    """
    listed = list(forms)
    skeletons = {form.folded: form.surname for form in listed}
    bones = {form.folded: form.bones for form in listed}
    folded = list(skeletons)
    ratios = process.cdist(folded, folded, scorer=fuzz.ratio, score_cutoff=SURNAME_MIN_RATIO - 1)
    keys = np.array(list(skeletons.values()))
    telling = np.array(
        [b if len(b) >= _TELLING_BONES else f"\0{i}" for i, b in enumerate(bones.values())]
    )
    near = (ratios > 0) | (keys[:, None] == keys[None, :]) | (telling[:, None] == telling[None, :])
    # Full names said alike (``_NameForm.whole``) whatever their surnames' letters.
    position = {f: i for i, f in enumerate(folded)}
    said: dict[str, set[int]] = defaultdict(set)
    for form in listed:
        if form.whole:
            said[form.whole].add(position[form.folded])
    for alike in said.values():
        rows = np.array(sorted(alike), dtype=np.intp)
        near[np.ix_(rows, rows)] = True
    return {
        f: [folded[j] for j in np.flatnonzero(row)] for f, row in zip(folded, near, strict=True)
    }


def _group_names(by_name: dict[str, list[PersonMention]]) -> list[_Group]:
    """Full names first (most articles first), then surname-only names join a full one."""

    def order(name: str) -> tuple[int, int, int]:
        articles = len({m.article_id for m in by_name[name]})
        return (len(_name_tokens(name)) == 1, -articles, -len(name))

    languages = {
        name: Counter(m.language for m in mentions).most_common(1)[0][0]
        for name, mentions in by_name.items()
    }
    forms = {name: _form(name, languages[name]) for name in sorted(by_name, key=order)}
    similar = _similar_surnames(f for f in forms.values() if f is not None)
    groups: list[_Group] = []
    holding: dict[str, set[int]] = defaultdict(set)  # group indices by a name's folded surname
    for name, form in forms.items():
        roles = frozenset().union(*(role_words(m.mention.description) for m in by_name[name]))
        near = [] if form is None else similar[form.folded]
        candidates = sorted({i for folded in near for i in holding[folded]})
        scored = [(groups[i].accepts(name, roles, languages[name]), i) for i in candidates]
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
        groups[index].languages[name] = languages[name]
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


def _canonical(
    names: list[str], by_name: dict[str, list[PersonMention]], reader_language: str
) -> str:
    """The name to show: a full name, as written in the reader's language if any article in
    it names the person, by most articles, in its nominative rather than another case form."""
    full = [n for n in names if len(name_tokens(n)) > 1] or names

    def preference(name: str) -> tuple[bool, int, bool, int, int]:
        mentions = by_name[name]
        articles = {m.article_id for m in mentions}
        readers = any(_language_of(m) == reader_language for m in mentions)
        nominative = not all(oblique(name, m.language) for m in mentions)
        return (readers, len(articles), nominative, len(name), -min(articles))

    return max(full, key=preference)


def _language_of(mention: PersonMention) -> str:
    return mention.language or ENGLISH


# Endings of a name's last word that only a case other than the nominative has, per language.
_SLAVIC_OBLIQUE = ("у", "ю", "ой", "ей", "ого", "его", "ому", "ему", "ом", "ем", "ым", "им")
_OBLIQUE_ENDINGS: dict[str, tuple[str, ...]] = {
    "ru": _SLAVIC_OBLIQUE,
    "uk": (*_SLAVIC_OBLIQUE, "ові", "ої"),
    "be": ("у", "ю", "ай", "ей", "ага", "яга", "аму", "яму", "ым", "ім", "ом", "ем"),
    "bg": (),
    "pl": ("ą", "ę", "ej", "ego", "emu", "owi", "em"),
    "lt": ("ą", "ę", "į", "ų", "os", "ės", "io", "ui", "ai"),
    "cs": ("ou", "ovi", "em", "ého", "ému"),
    "sk": ("ou", "ovi", "om", "ého", "ému"),
    "el": ("ου",),
}


@lru_cache(maxsize=NAME_CACHE)
def oblique(name: str, language: str | None) -> bool:
    """Whether a name is written in a case other than the nominative (Колесникову,
    Białackiego, Lukašenkos): a form to show only when no nominative is at hand."""
    tokens = _name_tokens(name)
    endings = _OBLIQUE_ENDINGS.get(language or "")
    if not tokens or not endings:
        return False
    return tokens[-1].casefold().endswith(endings) or (
        len(tokens) > 1 and masculine_given_oblique(tokens[0], language)
    )


def _spelling_key(spelling: str, language: str | None) -> str:
    """Spellings that differ only by case endings are one spelling (Колесникову is
    Колесникова); in English, or between scripts or letters (Марія, Мария), every difference
    counts."""
    if language not in CASE_ENDINGS:
        return spelling.casefold()
    return " ".join(_spelling_stem(word, language) for word in spelling.split())


def _spelling_stem(word: str, language: str) -> str:
    """A word in its own letters without its case ending."""
    lower = word.casefold()
    if _NOT_LATIN.search(lower):
        return _OTHER_SCRIPT_ENDING.sub("", lower)
    for ending in CASE_ENDINGS[language]:
        if lower.endswith(ending) and len(lower) - len(ending) >= MIN_STEM:
            lower = lower[: -len(ending)]
            break
    return _VOWEL_ENDING.sub("", lower)


#: a Cyrillic or Greek case ending (the longest first), after a stem of three letters
_OTHER_SCRIPT_ENDING = re.compile(
    r"(?<=\w{3})(?:ого|его|ому|ему|ага|яга|ой|ей|ою|ею|ую|юю|ым|им|ім|ом|ем|ай|ий|ый|ій"
    r"|ος|ου|ης|ας|ες|ων|[аяуюеиыіїьйоαηοειόάήέ])$"
)
_VOWEL_ENDING = re.compile(r"(?<=\w{3})[aeiouyąęįųėáéíóúý]+$")


def _spelling(written: str, canonical: str) -> str:
    """A spelling in full: a bare surname takes the canonical given names."""
    tokens = name_tokens(written)
    canonical_tokens = name_tokens(canonical)
    if len(tokens) == 1 and len(canonical_tokens) > 1:
        return " ".join([*canonical_tokens[:-1], tokens[0]])
    return " ".join(tokens)


def _mention_spellings(
    mention: Mention, canonical: str, language: str | None = None
) -> tuple[str, ...]:
    """The spellings one mention shows: its name, and its surface if that spells it otherwise
    (not in another case: "Колесникову" is a form of "Мария Колесникова", not a spelling)."""
    return _spellings(mention.name, mention.surface, canonical, language)


@lru_cache(maxsize=NAME_CACHE)
def _spellings(
    written: str, surface: str, canonical: str, language: str | None = None
) -> tuple[str, ...]:
    name = _spelling(written, canonical)
    surface_tokens = _name_tokens(surface)
    name_words = {_plain(case_stem(t, language)) for t in _name_tokens(written)}
    surface_words = {_plain(case_stem(t, language)) for t in surface_tokens}
    if surface_tokens and not surface_words <= name_words:
        spelled = _spelling(surface, name)
        if same_person(spelled, canonical):
            return (name, spelled)
    return (name,)


def _build_person(
    names: list[str], by_name: dict[str, list[PersonMention]], reader_language: str = ENGLISH
) -> Person:
    canonical = _canonical(names, by_name, reader_language)
    mentions = [m for n in names for m in by_name[n]]
    spelled: dict[str, set[int]] = defaultdict(set)
    forms: dict[str, Counter[tuple[bool, str]]] = defaultdict(Counter)
    languages: dict[str, set[str | None]] = defaultdict(set)
    for pm in mentions:
        for spelling in _mention_spellings(pm.mention, canonical, pm.language):
            key = _spelling_key(spelling, pm.language)
            spelled[key].add(pm.article_id)
            forms[key][not oblique(spelling, pm.language), spelling] += 1
            languages[key].add(pm.language)

    def shown(key: str) -> str:
        """The nominative form most used, else the form most used."""
        return max(forms[key].items(), key=lambda item: (item[0][0], item[1]))[0][1]

    # Keys of different languages may show one spelling ("John Coale" in English and German).
    merged: dict[str, set[int]] = defaultdict(set)
    inflected: dict[str, bool] = {}
    for key, ids in spelled.items():
        spelling = shown(key)
        merged[spelling] |= ids
        case_languages = all(language in CASE_ENDINGS for language in languages[key])
        inflected[spelling] = inflected.get(spelling, True) and case_languages
    # A case form in a language that inflects names is no spelling of its own.
    for spelling in [s for s in merged if inflected[s]]:
        base = _case_form_of(spelling, merged)
        if base is not None:
            merged[base] |= merged.pop(spelling)
    spellings = {
        spelling: frozenset(ids)
        for spelling, ids in sorted(merged.items(), key=lambda item: (-len(item[1]), item[0]))
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


#: the most letters a case ending adds to a name written in Latin letters
_LONGEST_ENDING = 3


def _case_form_of(spelling: str, spellings: Iterable[str]) -> str | None:
    """The other spelling that ``spelling`` is a case form of, both in Latin letters: each of
    its words that word with an ending of up to three letters, after an apostrophe or not
    (Polish "Johnem Coale'em" and Lithuanian "Johnu Coale'u" are John Coale's), or None."""
    if _NOT_LATIN.search(spelling):
        return None
    words = [w.replace("'", "").replace("\u2019", "").casefold() for w in spelling.split()]
    for other in spellings:
        bases = other.casefold().split()
        if other == spelling or len(bases) != len(words) or _NOT_LATIN.search(other):
            continue
        if (
            all(
                word.startswith(base) and len(word) - len(base) <= _LONGEST_ENDING
                for word, base in zip(words, bases, strict=True)
            )
            and words != bases
        ):
            return other
    return None


def resolve_people(views: Sequence[ArticleView], reader_language: str = ENGLISH) -> list[Person]:
    """The people of one story, most widely reported first, each named as the reader's
    language names them where an article in it does."""
    by_name = _person_mentions(views)
    people = [_build_person(g.names, by_name, reader_language) for g in _group_names(by_name)]
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
    # A woman's form of a surname (Cichanouska, Тихановской) never asks for the man of the
    # family, nor a man's for the woman, while anyone of the query's gender matches; another
    # spelling of someone who does stays ("Олега Соколова" is Олег Соколов).
    gender = _gender_of(query)
    if gender is None:
        return ranked
    alike = [n for n, _ in ranked if _gender_of(n) in (None, gender)]
    if not alike:
        return ranked
    return [(n, s) for n, s in ranked if n in alike or any(same_person(n, a) for a in alike)]


def _gender_of(name: str) -> str | None:
    form = _form(name)
    return form.gender if form is not None else None


def is_clear_match(ranked: Sequence[tuple[str, float]]) -> bool:
    """Whether the first of ``match_person_query``'s results is the answer on its own."""
    if not ranked or ranked[0][1] < CLEAR_MATCH_SCORE:
        return False
    return len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= AMBIGUITY_MARGIN
