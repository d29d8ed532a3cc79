"""Numbers written as words in twelve languages (ru uk be pl lt de fr es it pt tr en).

``spelled_numbers`` finds every cardinal written in words, in the case forms a sentence gives
it ("девяти", "ста двадцати трёх", "dziewięciu", "devyniems"), compounds
("hundertdreiundzwanzig", "cent vingt-trois", "ciento veintitrés"), orders of magnitude
("сотни", "Hunderte", "des centaines", "yüzlerce"), roundings ("une centaine", "десяток") and
digits followed by a scale word ("1,5 млн", "2 Mio.", "12 тыс."), with the scaled value.
``scale_after`` reads the scale word after digits a caller found itself. The qualifiers
around a number are in ``stories.number_qualifiers``; what dates a number before the
event is read by ``stories.number_roles``.

The rules, the same in every language:

- The word for one alone is not a count: it is the article ("ein Mann", "un homme") or means
  "alone", "a certain", "one of" ("один из"). It counts inside a number ("двадцать один",
  "eine Million", "une centaine").
- Ordinals ("девятый", "neunte", "dokuzuncu") are not counts: their forms are not in the tables,
  and a compound word is a number only when all of it reads as number parts.
- A scale word alone counts one of it when singular ("тысяча человек", "mille personnes") and
  is an order of magnitude when plural ("тысячи людей", "Millionen", "des milliers"). A form
  that is both (Russian "тысячи", "сотни": genitive singular and nominative plural) is one
  after a qualifier ("около тысячи", "более сотни") and vague otherwise.
- "Several" words ("несколько", "kilka", "mehrere", "plusieurs") make the scale after them
  vague ("несколько тысяч"); alone they are not numbers.

The word tables are built on first use for a language and cached: 10-60 ms, Russian 170 ms
(num2words is asked for each cardinal in 72 case, gender and animacy forms);
``stories.number_words_data`` holds the rest. Each sentence is first searched
with one regular expression of the language's number words; a sentence without any costs
that search alone.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple, TypeAlias

from stories.number_qualifiers import SPACE, WORD_CHARS, language_code, qualifier_before
from stories.number_words_data import (
    AMBIGUOUS,
    COLLECTIVE_NEEDS_COUNT,
    COMPOUNDING,
    ENTRIES,
    FOLDS,
    JOINERS,
    LANGUAGES,
    LINKERS,
    NEEDS_COUNT,
    NO_SUFFIX,
    NOT_NUMBERS,
    NUM2WORDS_VARIANTS,
    SCALES_FROM_NUM2WORDS,
    SUFFIXES,
    Kind,
    Plurality,
)

__all__ = [
    "LANGUAGES",
    "Scale",
    "SpelledNumber",
    "after_case_ending",
    "has_number_words",
    "scale_after",
    "spelled_numbers",
]


@dataclass(frozen=True, slots=True)
class SpelledNumber:
    """A number written at least partly in words: ``text[start:end]`` reads ``value``.

    ``vague`` marks an order of magnitude ("сотни", "Hunderte", "kilka tysięcy": the value is
    the magnitude, 100 or 1000); ``approximate`` a rounding ("une centaine", "десяток",
    "dozen"); ``digits`` a number in digits with a scale word ("1,5 млн", "28 mil 645"): a
    caller that finds digits itself sees these spans overlap its own and should prefer them."""

    start: int
    end: int
    text: str
    value: float
    vague: bool = False
    approximate: bool = False
    digits: bool = False


@dataclass(frozen=True, slots=True)
class Scale:
    """A scale word after a number: multiply the number by ``multiplier``; the word ends at
    ``end``. ``approximate`` for a rounding collective ("2 десятка", "3 dozen")."""

    multiplier: float
    end: int
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class _Atom:
    kind: Kind
    value: float
    plurality: Plurality
    one: bool = False
    needs_count: bool = False
    ambiguous: bool = False


class _Token(NamedTuple):
    start: int
    end: int
    key: str
    atom: _Atom | None
    closes: bool = False  # a case ending follows: the number cannot go on past it


_Tree: TypeAlias = "dict[str, _Tree]"
_WORD_END = rf"(?!{WORD_CHARS}|['’ʼ]{WORD_CHARS})"
_UNIVERSAL_FOLDS = {"’": "'", "ʼ": "'", "\u0307": ""}
_DIGITS_BEFORE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    rf"{SPACE}*$"
)
_DIGIT_GROUP_SPACES = re.compile(r"[ \u00a0\u202f]")
_DIGITS_BETWEEN = re.compile(rf"{SPACE}+(\d{{1,3}}){SPACE}+")
_DIGITS_TAIL = re.compile(rf"{SPACE}+(\d{{1,3}})(?![\d\w]|[.,]\d)")
_LEAD_IN = 40
"""How far before the first number word the words of a number may start: a number begins
with at most two words that are not in the prefilter ("ein paar tausend", "des dizaines")."""
_LOOK_BACK_DIGITS = 24


@dataclass(slots=True)
class _Lexicon:
    """One language's number words and the patterns built from them."""

    language: str
    words: dict[str, _Atom]
    phrases: dict[str, list[tuple[tuple[str, ...], _Atom]]]
    folds: tuple[tuple[str, str], ...]
    prefilter: re.Pattern[str]  # the words that make a sentence worth reading
    scan: re.Pattern[str]  # every word a number may be read from or through
    scales: re.Pattern[str]
    chain: re.Pattern[str] | None
    joiners: frozenset[str]
    connectors: frozenset[str]  # joiners, linkers and the words of phrases: "et" in "vingt-et-un"
    linkers: frozenset[str]
    suffixes: tuple[str, ...]
    no_suffix: frozenset[str]
    not_numbers: dict[str, list[tuple[str, ...]]]
    longest: int

    def key(self, word: str) -> str:
        key = word.lower()
        for source, target in self.folds:
            if source in key:
                key = key.replace(source, target)
        return key


# ---- public API ----


def spelled_numbers(text: str, language: str) -> list[SpelledNumber]:
    """Every number written in words in ``text`` (and every number in digits followed by a
    scale word, with ``digits`` set), in ``language`` (an ISO 639-1 code; others give [])."""
    lexicon = _lexicon(language_code(language))
    if lexicon is None:
        return []
    first = lexicon.prefilter.search(text)
    if first is None:
        return []
    tokens = list(_tokens(text, max(0, first.start() - _LEAD_IN), lexicon))
    found: list[SpelledNumber] = []
    index = 0
    while index < len(tokens):
        if (
            tokens[index].atom is None and _phrase_at(tokens, index, text, lexicon) is None
        ) or _not_a_number(tokens, index, text, lexicon):
            index += 1
            continue
        number, index = _read_group(text, tokens, index, lexicon)
        if number is not None:
            found.append(number)
    return found


_CASE_ENDINGS = {code: re.compile(r"-(?:ти|ми|ью)" + _WORD_END) for code in ("ru", "uk", "be")}
"""A cardinal's case ending written after its digits ("50-ти граммов", "10-ти человек",
"7-ми дней"): the number goes on through it. Only endings no ordinal or decade has ("5-й",
"90-х годов")."""


def after_case_ending(text: str, end: int, language: str) -> int:
    """Where a number in digits ending at ``end`` ends with its case ending ("50-ти"), or
    ``end`` when it has none."""
    pattern = _CASE_ENDINGS.get(language_code(language))
    match = pattern.match(text, end) if pattern is not None else None
    return end if match is None else match.end()


def has_number_words(text: str, language: str) -> bool:
    """Whether ``text`` may hold a number in words: the cheap test ``spelled_numbers`` starts
    with (a prefix tree of the language's number words, searched once)."""
    lexicon = _lexicon(language_code(language))
    return lexicon is not None and lexicon.prefilter.search(text) is not None


def scale_after(text: str, end: int, language: str) -> Scale | None:
    """The scale word right after a number ending at ``end`` ("12 тыс.", "2 Mio.", "3 mln",
    "1,2 miliardy", "5 mil"), or None. ``Scale.end`` leaves out an abbreviation's full stop,
    which may also end the sentence."""
    lexicon = _lexicon(language_code(language))
    if lexicon is None:
        return None
    match = lexicon.scales.match(text, end)
    if match is None:
        return None
    atom = lexicon.words[lexicon.key(match.group(1))]
    return Scale(atom.value, match.end(1), atom.kind is Kind.COLLECTIVE)


# ---- reading a group of number words ----


class _Reading:
    """The value of number words read left to right: ``total`` holds what scale words have
    closed ("двадцать три тысячи"), ``part`` the number below the next scale, filled in the
    slots hundreds (1), tens (2) and units (3), each after the one before."""

    def __init__(self, count: float | None = None) -> None:
        self.total = 0.0
        self.last_scale = 0.0
        self.part = count or 0.0
        self.filled = 3 if count is not None else 0
        self.half = False
        self.atoms = 0
        self.ones_only = True
        self.few = False
        self.vague = False
        self.approximate = False
        self.alone: _Atom | None = None  # a scale word that opened the group without a count
        self.digits = count is not None
        self.single: _Atom | None = None

    def add(self, atom: _Atom) -> bool:
        accepted = self._accept(atom)
        if accepted:
            self.atoms += 1
            self.single = atom if self.atoms == 1 else None
            self.ones_only = self.ones_only and atom.one
        return accepted

    def _accept(self, atom: _Atom) -> bool:
        kind = atom.kind
        if kind is Kind.FEW:
            if self.atoms or self.filled:
                return False
            self.few = True
            return True
        if kind is Kind.NUMBER:
            return self._number(atom.value)
        if kind is Kind.FRACTION:
            if not self.part or self.half:
                return False
            self.half = True
            return True
        if kind is Kind.HUNDRED:
            return self._hundred(atom)
        return self._scale(atom)

    def _number(self, value: float) -> bool:
        if self.few or self.half:
            return False
        if value != int(value):  # полтора, pół, yarım: the units
            first = last = 3
        else:
            rest = int(value) % 100
            first = 1 if value >= 100 else (2 if rest >= 10 else 3)
            last = 3 if rest % 10 or 10 <= rest < 20 else (2 if rest else 1)
        if first <= self.filled:
            return False
        self.part += value
        self.filled = last
        return True

    def _hundred(self, atom: _Atom) -> bool:
        if self.few:
            self.few = False
            self.vague = True
            self.part, self.filled = 100, 1
            return True
        if self.half:
            return False
        if self.filled == 0:
            if self.atoms == 0:
                self.alone = atom
            self.part, self.filled = 100, 1
            return True
        if self.filled == 3 and self.part < 10:
            self.part *= 100
            self.filled = 1
            return True
        return False

    def _scale(self, atom: _Atom) -> bool:
        scale = atom.value
        count = self.part + (0.5 if self.half else 0)
        if count == 0:
            if self.few:
                count, self.few, self.vague = 1, False, True
            elif self.atoms == 0:
                count, self.alone = 1, atom
            elif not (self.total and scale > self.last_scale):
                return False
        if self.total and scale > self.last_scale:
            self.total = (self.total + count) * scale
        elif self.total and (scale == self.last_scale or count == 0):
            return False
        else:
            self.total += count * scale
        self.last_scale = scale
        self.part, self.filled, self.half = 0.0, 0, False
        self.vague = self.vague or atom.kind is Kind.VAGUE
        self.approximate = self.approximate or atom.kind is Kind.COLLECTIVE
        return True

    @property
    def closed_by_scale(self) -> bool:
        """Whether the last word read was a scale word, with nothing after it yet."""
        return self.last_scale > 0 and self.part == 0 and not self.half and not self.few

    def count(self, value: float) -> None:
        """Digits read as the units part: "mil 70", "bin 200 ton"."""
        self.part, self.filled, self.digits = value, 3, True

    @property
    def value(self) -> float:
        return self.total + self.part + (0.5 if self.half else 0)


def _read_group(
    text: str, tokens: list[_Token], index: int, lexicon: _Lexicon
) -> tuple[SpelledNumber | None, int]:
    """The number that starts at ``tokens[index]`` and the index of the first token after it."""
    first = tokens[index]
    count, start = _count_before(text, first, lexicon)
    reading = _Reading(count)
    end = first.start
    position = index
    while position < len(tokens):
        step = _next_atom(text, tokens, position, lexicon, end, reading)
        if step is None and reading.atoms and not tokens[position - 1].closes:
            step = _after_digits(text, tokens, position, end, reading, lexicon)
        if step is None:
            break
        atom, stop, next_position = step
        if not reading.add(atom):
            break
        end, position = stop, next_position
        if tokens[position - 1].closes:
            break
    if reading.atoms == 0:
        return None, index + 1
    if not tokens[position - 1].closes:
        end = _digits_after(text, end, reading, lexicon)
    return _finish(text, reading, start, end, count is not None, lexicon), position


def _next_atom(
    text: str,
    tokens: list[_Token],
    position: int,
    lexicon: _Lexicon,
    end: int,
    reading: _Reading,
) -> tuple[_Atom, int, int] | None:
    """The next number word of a group that reaches ``end``: the atom, where it ends and the
    index of the token after it; a joiner or linker word in between is skipped."""
    token = tokens[position]
    if reading.atoms and not _adjacent(text, end, token.start):
        return None
    if token.atom is None and (token.key in lexicon.joiners or token.key in lexicon.linkers):
        if not reading.atoms or position + 1 >= len(tokens):
            return None
        following = tokens[position + 1]
        if following.atom is None or not _adjacent(text, token.end, following.start):
            return None
        if token.key in lexicon.linkers and following.atom.kind not in _SCALE_KINDS:
            return None
        if token.key in lexicon.joiners and following.atom.kind is not Kind.NUMBER:
            return None
        return following.atom, following.end, position + 2
    phrase = _phrase_at(tokens, position, text, lexicon)
    if phrase is not None:
        atom, length = phrase
        return atom, tokens[position + length - 1].end, position + length
    if token.atom is None:
        return None
    return token.atom, token.end, position + 1


_SCALE_KINDS = frozenset({Kind.SCALE, Kind.COLLECTIVE, Kind.VAGUE})
_COUNTED_KINDS = _SCALE_KINDS | {Kind.HUNDRED}


def _after_digits(
    text: str,
    tokens: list[_Token],
    position: int,
    end: int,
    reading: _Reading,
    lexicon: _Lexicon,
) -> tuple[_Atom, int, int] | None:
    """ "1 milyon 200 bin", "два миллиона 300 тысяч": digits between two scale words count the
    second one, which must be the smaller."""
    token = tokens[position]
    atom = token.atom
    if atom is None or atom.kind is not Kind.SCALE or not reading.closed_by_scale:
        return None
    if atom.value >= reading.last_scale:
        return None
    match = _DIGITS_BETWEEN.fullmatch(text, end, token.start)
    if match is None:
        return None
    reading.count(_digits_value(match.group(1), lexicon.language))
    return atom, token.end, position + 1


def _digits_after(text: str, end: int, reading: _Reading, lexicon: _Lexicon) -> int:
    """ "28 mil 645", "47 bin 250", "mil 70": the digits after a scale word that complete the
    number (Mexican Spanish and Turkish write numbers so). Returns the new end."""
    if not reading.closed_by_scale or reading.last_scale < 1000 or reading.vague:
        return end
    match = _DIGITS_TAIL.match(text, end)
    if match is None or lexicon.scales.match(text, match.end()) is not None:
        return end
    reading.count(_digits_value(match.group(1), lexicon.language))
    return match.end()


def _adjacent(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return gap == "" or gap == "-" or (gap.isspace() and "\n" not in gap)


def _phrase_at(
    tokens: list[_Token], index: int, text: str, lexicon: _Lexicon
) -> tuple[_Atom, int] | None:
    """A number word of several words starting at ``tokens[index]`` ("vingt et un", "с
    половиной"), and how many tokens it takes."""
    candidates = lexicon.phrases.get(tokens[index].key)
    if not candidates:
        return None
    for words, atom in candidates:
        last = index + len(words) - 1
        if last >= len(tokens):
            continue
        span = tokens[index : last + 1]
        if all(token.key == word for token, word in zip(span, words, strict=True)) and all(
            _adjacent(text, left.end, right.start) for left, right in itertools.pairwise(span)
        ):
            return atom, len(words)
    return None


def _not_a_number(tokens: list[_Token], index: int, text: str, lexicon: _Lexicon) -> bool:
    """Whether ``tokens[index]`` ends a phrase that is not a number ("yer altı", "tu sei")."""
    for before in lexicon.not_numbers.get(tokens[index].key, ()):
        first = index - len(before)
        if first < 0:
            continue
        span = tokens[first : index + 1]
        if all(token.key == word for token, word in zip(span, before, strict=False)) and all(
            _adjacent(text, left.end, right.start) for left, right in itertools.pairwise(span)
        ):
            return True
    return False


def _count_before(text: str, first: _Token, lexicon: _Lexicon) -> tuple[float | None, int]:
    """Digits right before a scale word that opens a group ("1,5 млн"): their value and start."""
    if first.atom is None or first.atom.kind not in _COUNTED_KINDS:
        return None, first.start
    before = text[max(0, first.start - 3) : first.start].rstrip()
    if not before or not before[-1].isdigit():
        return None, first.start
    match = _DIGITS_BEFORE.search(text, max(0, first.start - _LOOK_BACK_DIGITS), first.start)
    if match is None:
        return None, first.start
    return _digits_value(match.group(1), lexicon.language), match.start()


def _digits_value(raw: str, language: str) -> float:
    """ "1,5" is 1.5 in every language here but English, where "1,500" is 1500."""
    digits = _DIGIT_GROUP_SPACES.sub("", raw)
    if language == "en":
        return float(digits.replace(",", ""))
    if "." in digits and len(digits.rsplit(".", 1)[1]) == 3:
        digits = digits.replace(".", "")
    return float(digits.replace(",", "."))


def _finish(
    text: str, reading: _Reading, start: int, end: int, counted: bool, lexicon: _Lexicon
) -> SpelledNumber | None:
    """The group as a number, or None when the rules say it is not one."""
    if reading.few or reading.ones_only:
        return None
    vague = reading.vague
    alone = reading.alone
    if alone is not None and not counted:
        if alone.needs_count:
            return None
        if alone.plurality is Plurality.PLURAL:
            vague = True
        elif alone.plurality is Plurality.EITHER:
            vague = qualifier_before(text, start, lexicon.language) is None
        elif (
            alone.kind is Kind.COLLECTIVE
            and reading.atoms == 1
            and lexicon.language in COLLECTIVE_NEEDS_COUNT
        ):
            return None
    single = reading.single
    if (
        single is not None
        and single.ambiguous
        and qualifier_before(text, start, lexicon.language) is None
    ):
        return None
    return SpelledNumber(
        start=start,
        end=end,
        text=text[start:end],
        value=reading.value,
        vague=vague,
        approximate=reading.approximate and not vague,
        digits=reading.digits,
    )


# ---- tokens ----


def _tokens(text: str, start: int, lexicon: _Lexicon) -> Iterator[_Token]:
    """The words of ``text`` a number may be read from or through, with their number word if
    any; a compound number word ("drei|hundert|tausend") or a hyphenated one
    ("deux-cent-trois") is split into its parts. Other words are left out: the gap they leave
    between two tokens ends a number."""
    for match in lexicon.scan.finditer(text, start):
        word = match.group()
        key = lexicon.key(word)
        atom = lexicon.words.get(key)
        if atom is not None or key in lexicon.phrases:
            yield _Token(match.start(), match.end(), key, atom)
            continue
        parts = _split(key, lexicon)
        if parts is None:
            yield _Token(match.start(), match.end(), key, None)
            continue
        same_length = len(key) == len(word)
        for offset, stop, part, closes in parts:
            atom = lexicon.words.get(part)
            if same_length:
                yield _Token(match.start() + offset, match.start() + stop, part, atom, closes)
            else:
                yield _Token(match.start(), match.end(), part, atom, closes)


def _split(key: str, lexicon: _Lexicon) -> list[tuple[int, int, str, bool]] | None:
    """The number words that make up ``key``: its hyphenated parts, or in a compounding
    language the chain of forms it is written as, with a case ending allowed at the end."""
    if "-" in key:
        parts: list[tuple[int, int, str, bool]] = []
        offset = 0
        for part in key.split("-"):
            if part not in lexicon.words and part not in lexicon.connectors:
                return None
            parts.append((offset, offset + len(part), part, False))
            offset += len(part) + 1
        return parts
    if lexicon.chain is None or lexicon.chain.fullmatch(key) is None:
        return None
    return _segment(key, lexicon)


def _segment(key: str, lexicon: _Lexicon) -> list[tuple[int, int, str, bool]] | None:
    """``key`` cut into known forms, longest first, with backtracking."""
    words = lexicon.words

    @cache
    def rest(position: int) -> tuple[tuple[int, int, str, bool], ...] | None:
        if position == len(key):
            return ()
        for stop in range(min(len(key), position + lexicon.longest), position, -1):
            part = key[position:stop]
            if part in words:
                tail = rest(stop)
                if tail is not None:
                    return ((position, stop, part, False), *tail)
        return None

    found = rest(0)
    if found is not None:
        return list(found)
    for suffix in lexicon.suffixes:
        if key.endswith(suffix):
            stem = key[: -len(suffix)]
            found_stem = _segment(stem, lexicon) if stem else None
            if found_stem and not (len(found_stem) == 1 and stem in lexicon.no_suffix):
                *head, (offset, stop, part, _) = found_stem
                return [*head, (offset, stop, part, True)]
    return None


# ---- tables ----


@cache
def _lexicon(language: str) -> _Lexicon | None:
    if language not in ENTRIES:
        return None
    words: dict[str, _Atom] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], _Atom]]] = {}
    fold = str.maketrans({**_UNIVERSAL_FOLDS, **FOLDS.get(language, {})})
    needs_count = set(NEEDS_COUNT.get(language, "").split())
    ambiguous = set(AMBIGUOUS.get(language, "").split())

    def add(form: str, kind: Kind, value: float, plurality: Plurality) -> None:
        key = form.lower().translate(fold)
        atom = _Atom(
            kind,
            value,
            plurality,
            one=kind is Kind.NUMBER and value == 1,
            needs_count=key in needs_count,
            ambiguous=key in ambiguous,
        )
        if "_" in key:
            first, *others = key.split("_")
            phrases.setdefault(first, []).append(((first, *others), atom))
            return
        known = words.get(key)
        if known is not None and known.kind is kind and known.value == value:
            if known.plurality is not plurality:
                words[key] = _Atom(
                    kind, value, Plurality.EITHER, atom.one, atom.needs_count, atom.ambiguous
                )
            return
        words[key] = atom  # the tables' word for it over num2words' ("cent" multiplies)

    for form, value in _cardinals(language):
        add(form, Kind.NUMBER, value, Plurality.SINGULAR)
    if language in SCALES_FROM_NUM2WORDS:
        for form, value, plurality in _scale_forms(language):
            add(form, Kind.SCALE, value, plurality)
    for kind, value, plurality, forms in ENTRIES[language]:
        for form in forms.split():
            add(form, kind, value, plurality)
    for entries in phrases.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return _build(language, words, phrases, fold)


def _build(
    language: str,
    words: dict[str, _Atom],
    phrases: dict[str, list[tuple[tuple[str, ...], _Atom]]],
    fold: dict[int, str],
) -> _Lexicon:
    classes = _fold_classes(fold)
    shown = [key for key, atom in words.items() if not atom.one and atom.kind is not Kind.FEW]
    compounding = language in COMPOUNDING
    end = "" if compounding else _WORD_END
    prefilter = re.compile(rf"\b(?:{_alternation(_cased(shown), classes)}){end}")
    joiners = frozenset(JOINERS.get(language, "").split())
    linkers = frozenset(LINKERS.get(language, "").split())
    not_numbers = _not_numbers(language)
    connectors = {*joiners, *linkers}
    connectors.update(word for entries in phrases.values() for form, _ in entries for word in form)
    passable = {*words, *connectors, *not_numbers}
    passable.update(word for entries in not_numbers.values() for form in entries for word in form)
    rest = rf"{WORD_CHARS}*" if compounding else ""
    scan = re.compile(
        rf"\b(?:{_alternation(_cased(passable), classes)}){rest}(?:-{WORD_CHARS}+)*{_WORD_END}"
    )
    scale_keys = [key for key, atom in words.items() if atom.kind in _SCALE_KINDS - {Kind.VAGUE}]
    scales = re.compile(
        rf"{SPACE}*({_alternation(scale_keys, classes)})(?!{WORD_CHARS})", re.IGNORECASE
    )
    suffixes = SUFFIXES.get(language, ())
    chain = None
    if compounding:
        atoms = _alternation([key for key, atom in words.items() if len(key) > 1], {})
        ending = f"(?:{'|'.join(suffixes)})?" if suffixes else ""
        chain = re.compile(f"(?:{atoms})+{ending}")
    return _Lexicon(
        language=language,
        words=words,
        phrases=phrases,
        folds=tuple((chr(source), target) for source, target in fold.items()),
        prefilter=prefilter,
        scan=scan,
        scales=scales,
        chain=chain,
        joiners=joiners,
        connectors=frozenset(connectors),
        linkers=linkers,
        suffixes=suffixes,
        no_suffix=frozenset(NO_SUFFIX.get(language, "").split()),
        not_numbers=not_numbers,
        longest=max(map(len, words)),
    )


def _not_numbers(language: str) -> dict[str, list[tuple[str, ...]]]:
    """The phrases of ``NOT_NUMBERS`` by their last word, each with the words before it."""
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase in NOT_NUMBERS.get(language, "").split():
        *before, last = phrase.split("_")
        phrases.setdefault(last, []).append(tuple(before))
    return phrases


def _cardinals(language: str) -> Iterator[tuple[str, float]]:
    """num2words' cardinals 1-99 and the hundreds, in every case and gender it writes for
    the language; a form of several words is kept whole only when its words are not all forms
    of their own ("vingt et un", "treinta y uno", not "двадцать один")."""
    singles: set[str] = set()
    several: list[tuple[str, float]] = []
    for value in [*range(1, 100), *range(100, 1000, 100)]:
        for form in _variants(value, language):
            words = form.lower().split()
            if len(words) == 1:
                singles.add(words[0])
                yield words[0], value
            elif value < 100:
                several.append((form.lower(), value))
    for form, value in several:
        words = form.split()
        if not all(word in singles for word in words):
            yield "_".join(words), value


def _scale_forms(language: str) -> Iterator[tuple[str, float, Plurality]]:
    """The scale words in every case num2words writes: after "one" singular, after "two" and
    "five" plural."""
    for scale in (1000, 1_000_000, 1_000_000_000):
        for count in (1, 2, 5):
            plurality = Plurality.SINGULAR if count == 1 else Plurality.PLURAL
            for form in _variants(count * scale, language):
                yield form.lower().split()[-1], scale, plurality


def _variants(value: int, language: str) -> set[str]:
    variants = NUM2WORDS_VARIANTS.get(language, {})
    names = list(variants)
    # imported here: 30 ms, paid only when a language's table is first built
    from num2words import num2words

    forms: set[str] = set()
    for combination in itertools.product(*(variants[name] for name in names)):
        forms.add(
            str(num2words(value, lang=language, **dict(zip(names, combination, strict=True))))
        )
    return forms


def _cased(forms: Iterable[str]) -> set[str]:
    """``forms`` as written in lowercase, capitalised and in capitals, Turkish "İ" included:
    a case-sensitive search for these is twice as fast as a case-insensitive one."""
    cased: set[str] = set()
    for form in forms:
        for variant in (form, form[:1].upper() + form[1:], form.upper()):
            cased.add(variant)
            if "I" in variant:
                cased.add(variant.replace("I", "İ"))
    return cased


def _fold_classes(fold: dict[int, str]) -> dict[str, str]:
    """For each folded-to letter, a character class of it and what folds to it ("е": "[её]")."""
    sources: dict[str, list[str]] = {}
    for source, target in fold.items():
        if len(target) == 1:
            sources.setdefault(target, [target]).append(chr(source))
    return {target: f"[{''.join(map(re.escape, chars))}]" for target, chars in sources.items()}


def _alternation(forms: Iterable[str], classes: dict[str, str]) -> str:
    """An alternation of ``forms`` shaped as a prefix tree: Python's re tries every branch of
    a flat alternation at every position; a tree rejects most positions on the first letter."""
    tree: _Tree = {}
    for form in forms:
        node = tree
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree, classes)


def _branches(node: _Tree, classes: dict[str, str]) -> str:
    parts = [
        classes.get(char, re.escape(char)) + _branches(child, classes)
        for char, child in sorted(node.items())
        if char
    ]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 and "" not in node else f"(?:{'|'.join(parts)})"
    return body + "?" if "" in node else body
