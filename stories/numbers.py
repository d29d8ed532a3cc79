"""Quantities in one article, with what they count and the predicate that gives their role.

"Nine of the released prisoners left Belarus for Lithuania and 114 were taken to Ukraine"
gives two facts: 9 released prisoners (left Belarus for Lithuania) and 114 released prisoners
(taken to Ukraine: the noun is carried over from the previous number of the sentence).

Years ("in 2020", "the 2022 Nobel prize"), dates ("December 13"), times ("3:12 a.m."),
ordinals and numbers inside codes ("COVID-19") are not quantities. A four-digit whole number
from 1000 to 2100 written without a separator is always taken as a year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from stories import lexicon
from stories.ages import age_holder, age_of
from stories.compound_numbers import compound_numbers, unit_after_digits
from stories.currencies import MONEY, SYMBOLS, currency_after
from stories.facts import NumberFact, Qualifier, Span
from stories.language import ENGLISH, word_zipf
from stories.months import month_of
from stories.number_qualifiers import SPACE, language_code, qualifier_after, qualifier_before
from stories.number_roles import (
    Named,
    Now,
    background_marker,
    holder_of,
    is_held,
    is_part,
    is_tally,
    is_time_unit,
    measure_unit,
    segment_of,
)
from stories.number_words import after_case_ending, scale_after, spelled_numbers
from stories.sentences import Sentence
from stories.zero_counts import zero_counts

_SMALL = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES: dict[str, int] = {
    **{word: index + 1 for index, word in enumerate(_SMALL)},
    **{word: 20 + 10 * index for index, word in enumerate(_TENS)},
    "dozen": 12,
    "a dozen": 12,
    "a hundred": 100,
    "a thousand": 1000,
}
VAGUE_VALUES = {
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1_000_000,
    "billions": 1_000_000_000,
}
SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "bn": 1_000_000_000,
    "m": 1_000_000,
}
CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
MONTHS = [*lexicon.MONTHS, *lexicon.MONTH_ABBREVIATIONS]

_DIGITS = (
    r"\d(?:(?<![\w.,:/\-]\d)|(?<=\$[A-Z]\d)|(?<=\$[A-Z]{2}\d))(?:"
    r"(?<=[1-9])\d{0,2}(?:(?:,|[ \u00a0\u2009\u202f])\d{3})+(?!\d)(?:\.\d+)?"
    r"|(?<=[1-9])\d{0,2}(?:\.\d{3})+(?![\d.,]\d)"
    r"|\d*,\d{1,2}(?![\d.,]\d)"
    r"|\d*(?:\.\d+)?"
    r")(?![\w:]|[.,]\d)"
)
"""A number in digits. It opens with the digit itself and looks behind afterwards, so that
Python's re can skip to the next digit instead of trying the pattern at every position. A
letter may stand right before it only as a dollar's country ("$US1 million", "$A50")."""


_Tree: TypeAlias = "dict[str, _Tree]"


def prefix_tree(words: Iterable[str]) -> str:
    """An alternation of ``words`` as written, capitalised and in capitals (a wire lead's
    "ONE Australian and one English climber"), shaped as a prefix tree ("T(?:en|hree|wo)").
    Python's re tries every branch of a flat alternation at every position of the text; a
    tree rejects most positions on the first letter (4x faster)."""
    tree: _Tree = {}
    for word in words:
        for form in (word, word[0].upper() + word[1:], word.upper()):
            node = tree
            for char in form:
                node = node.setdefault(char, {})
            node[""] = {}
    return _branches(tree)


def first_letters(words: Iterable[str]) -> str:
    """A character class of the letters that open ``words`` in ``prefix_tree``'s forms."""
    letters = {char for word in words for char in (word[0], word[0].upper())}
    return f"[{''.join(sorted(letters))}]"


def _branches(node: _Tree) -> str:
    parts = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 and "" not in node else f"(?:{'|'.join(parts)})"
    return body + "?" if "" in node else body


_DOZENS = ["a dozen", "a hundred", "a thousand", "dozen"]
_WORDS = (
    rf"(?:{prefix_tree(_DOZENS)}"
    rf"|{prefix_tree(_TENS)}(?:-{prefix_tree(_SMALL[:9])})?"
    rf"|{prefix_tree(_SMALL)})\b(?!-time)"
)
_VAGUE = rf"{prefix_tree(VAGUE_VALUES)}\b"
_NUMBER_KINDS = {
    "vague": re.compile(rf"\b{_VAGUE}"),
    "digits": re.compile(_DIGITS),
    "word": re.compile(rf"\b{_WORDS}"),
}
_SCANS = (
    re.compile(
        rf"\b(?={first_letters([*VAGUE_VALUES, *_DOZENS, *_TENS, *_SMALL])})"
        rf"(?:(?P<vague>{_VAGUE})|(?P<word>{_WORDS}))"
    ),
    re.compile(_DIGITS),
)
"""Two scans find what the three patterns above find: a number in words never overlaps a vague
one ("dozens" is not "dozen"), so one pass over the words finds both. The lookahead on the first
letter rejects most word starts in one step, before the branches of the prefix trees."""
_SCALE = re.compile(r"\s*(hundred|thousand|million|billion|trillion)\b|(bn|m)\b", re.IGNORECASE)
_PERCENT = re.compile(r"\s?%|\s+(?:percent|per\s+cent)\b", re.IGNORECASE)
_RANGE = re.compile(r"\s*(?:or|to|-|–|and|…|\.\.\.)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
"""A range's "between" before its first number, a qualifier or a sign between at most..."""
_BETWEEN_CHARS = 40
"""...looked for in this many characters before it, not the whole sentence."""
_RANGE_DIGITS = re.compile(
    r"(?:[1-9]\d{0,2}(?:[,\u00a0 ]\d{3})+(?!\d)|\d+(?:[.,]\d{1,2})?)(?![\w:]|[.,]\d)"
)
"""The second number of a range, which may follow a hyphen ("10-12", "3 -5")."""
_TIME_AFTER = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b)", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"\s+(?:of\s+)?(?:{'|'.join(MONTHS)})\b", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b")
_OF_GROUP = re.compile(r"\s+of(?:\s+(?:the|these|those|its|their|them|whom))?(?=\s)")
_NEXT_WORD = re.compile(r"[ \u00a0]([^\W\d_][\w'’\-]*)")
_HYPHEN_UNIT = re.compile(r"-([a-z]+)")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d,.]*")
_NUMBER_OF = re.compile(r"\bnumber of(?: the)?(?= )", re.IGNORECASE)
_ASIDE = re.compile(
    r",\s*(?:including|among them|such as|mostly|many of them|most of them)\b[^,.;]*,\s*"
)
_CLAUSE_END = re.compile(r"[,;:.!?()\"“”—–]|\s-\s")
_SEPARATORS = re.compile(r"[,\s\u00a0\u2009\u202f]")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
"""A comma before one or two digits marks decimals ("4,66 млн", "1,5 Prozent"): thousands
are grouped by three."""
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_FOUR_DIGITS = re.compile(r"\d{4}")
_DEMONYM_NOUN = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|an|i|ch)s?")
_PHRASE_MARKS = ',;:()"“”—'

_QUALIFIER_WORDS = (
    ("more than|over|upwards of|in excess of", Qualifier.MORE_THAN),
    ("less than|fewer than|under|below", Qualifier.LESS_THAN),
    ("up to|as many as", Qualifier.UP_TO),
    ("at least|no fewer than|no less than", Qualifier.AT_LEAST),
    ("a total of|a further|another", Qualifier.EXACT),
    (
        "about|around|roughly|approximately|some|close to|an estimated|estimated at|estimated",
        Qualifier.ABOUT,
    ),
    ("nearly|almost", Qualifier.ALMOST),
)


def _final_phrase(words: str) -> re.Pattern[str]:
    """One of ``words`` (alternatives joined by "|"), then whitespace to the end of the text."""
    return re.compile(rf"\b(?={first_letters(words.split('|'))})(?:{words})\s+$", re.IGNORECASE)


QUALIFIERS: tuple[tuple[re.Pattern[str], Qualifier], ...] = tuple(
    (_final_phrase(words), qualifier) for words, qualifier in _QUALIFIER_WORDS
)
_ANY_QUALIFIER = _final_phrase("|".join(words for words, _ in _QUALIFIER_WORDS))
"""Matches where one of ``QUALIFIERS`` does: most numbers have no qualifier, and one search
tells so instead of six."""
_QUALIFIER_CHARS = max(len(word) for words, _ in _QUALIFIER_WORDS for word in words.split("|"))
_MONTH_CHARS = max(len(month) for month in MONTHS) + 1
STOP_WORDS = frozenset(
    "a an the this that these those his her its their our and or but of to in on at by for "
    "from with as than then is are was were be been being has have had will would can could "
    "should may might must who whom whose which what while when where after before since "
    "including among against per whom it he she they we i you him them us himself herself "
    "itself themselves more less others".split()
)
AUXILIARIES = frozenset(
    "is are was were be been being has have had will would can could should may might must "
    "reportedly also still".split()
)
CLAUSE_WORDS = frozenset(
    "and but while whereas which who whom whose that including because although as".split()
)
IRREGULAR_PLURALS = frozenset(
    "people children men women police staff personnel cattle sheep fish troops".split()
)
COMMON_WORD_ZIPF = 6.1
"""A word after a number at least this common in its language is a function word ("und",
"были"), not what the number counts ("человек" is 5.96)."""
MAX_PREDICATE_WORDS = 6
MAX_BEFORE_WORDS = 4


@dataclass(frozen=True, slots=True)
class _Found:
    """One number as written: its value(s), where it is, and what kind of match it was."""

    low: float
    high: float
    start: int
    end: int
    vague: bool
    money: str | None
    approximate: bool = False
    unit: str | None = None
    """The unit the rest of a compound adjective names ("acht" of "achtminütigen": minuten)..."""
    unit_end: int = 0
    """...and where that adjective ends."""


def find_numbers(
    sentences: Sequence[Sentence],
    in_caption: bool = False,
    language: str = ENGLISH,
    people: Sequence[Named] = (),
    now: Now | None = None,
) -> tuple[NumberFact, ...]:
    """Every quantity in ``sentences``; spans are offsets into the text they were split from.

    ``people`` are the people the text names (offsets into the same text), ``now`` the
    (year, month) it reports from: they place each number (``stories.number_roles``).
    """
    facts: list[NumberFact] = []
    last_person: str | None = None
    for sentence in sentences:
        named = [
            Named(p.start - sentence.start, p.end - sentence.start, p.name)
            for p in people
            if sentence.start <= p.start and p.end <= sentence.end
        ]
        place = _Place(language, named, last_person, now)
        facts.extend(_sentence_numbers(sentence, in_caption, place))
        if named:
            last_person = named[-1].name
    return tuple(facts)


@dataclass(frozen=True, slots=True)
class _Place:
    """What places a sentence's numbers: its language, the people it names, the person named
    last before it, and the time its article reports from."""

    language: str
    named: Sequence[Named]
    last_person: str | None
    now: Now | None


def _sentence_numbers(sentence: Sentence, in_caption: bool, place: _Place) -> Iterator[NumberFact]:
    text = sentence.text
    language = place.language
    if language == ENGLISH:
        numbers = _with_zeros(_numbers(text), text, language)
        readings = [(found, *_counted(text, found)) for found in numbers]
    else:
        numbers = _with_zeros(_numbers_in(text, language), text, language)
        readings = [(found, *_counted_in(text, found, language)) for found in numbers]
    compound = _compound_durations(text, readings)
    restated = _restatements(text, readings)
    previous = ""
    for index, (found, counted, rest, from_number_of) in enumerate(readings):
        counted = counted or previous
        previous = counted
        if index in compound:
            continue
        qualifier = _qualified(text, found, language)
        value = (found.low + found.high) / 2
        if language == ENGLISH:
            context = _context(text, found.start, rest, qualifier, prefer_after=from_number_of)
        else:
            context = _context_in(text, found.start, rest)
        holder = None
        age = age_of(text, found.start, found.end, language)
        if age is not None:
            holder = age_holder(
                text, found.start, found.end, place.named, place.last_person, language
            )
            if holder is not None and not is_time_unit(counted):
                counted = f"{age.unit}s"  # "Reid, 33,": years, though no word says so
        elif is_held(counted) or is_tally(counted):
            holder = holder_of(
                text, found.start, found.end, place.named, place.last_person, place.language
            )
        yield NumberFact(
            text=text[found.start : found.end],
            value=value,
            low=found.low,
            high=found.high,
            qualifier=qualifier,
            counted=counted,
            context=context,
            span=Span(sentence.start + found.start, sentence.start + found.end, text, in_caption),
            background=background_marker(text, found.start, found.end, place.language, place.now),
            part=is_part(text, found.start, found.end, place.language),
            holder=holder,
            restates=index in restated,
        )


def _with_zeros(found: Iterable[_Found], text: str, language: str) -> list[_Found]:
    """``found`` and the tolls of none the sentence gives ("no one was killed",
    ``stories.zero_counts``), in order."""
    numbers = list(found)
    zeros = zero_counts(text, language)
    if zeros:
        numbers += [
            _Found(0.0, 0.0, start, end, False, None)
            for start, end in zeros
            if not any(n.start < end and start < n.end for n in numbers)
        ]
        numbers.sort(key=lambda n: n.start)
    return numbers


_JOINED = re.compile(r"[\s,]*(?:and|и|і|i|und|et|y|e|ir)?\s*")


def _compound_durations(text: str, readings: Sequence[tuple[_Found, str, int, bool]]) -> set[int]:
    """The numbers of a duration written in two units ("2 hours 20 minutes", "2 часа 20
    минут"): each part alone is no quantity, and its minutes are no count of minutes."""
    compound: set[int] = set()
    for index in range(len(readings) - 1):
        _, counted, rest, _ = readings[index]
        following, next_counted, _, _ = readings[index + 1]
        joined = _JOINED.fullmatch(text, rest, following.start) is not None
        if joined and is_time_unit(counted) and is_time_unit(next_counted):
            compound.update((index, index + 1))
    return compound


_OPENS_RESTATEMENT = re.compile(r"\s*[(\[]\s*(?:[^\W\d_]+\s+)?(?:[A-Z]{0,3}[$€£¥₽₴][A-Z]{0,2}\s?)?")
_CLOSES_RESTATEMENT = re.compile(r"\s*[)\]]")
_LENGTHS = frozenset({"metre", "kilometre", "mile", "foot"})


def _restatements(text: str, readings: Sequence[tuple[_Found, str, int, bool]]) -> set[int]:
    """The numbers that restate the one before them in another currency or unit, in brackets
    right after it ("$US1 million ($1.52 million)", "1,5 Milliarden Euro (1,7 Milliarden
    Dollar)", "600 metres (2,000 feet)"): the same quantity, whose value is the outlet's rate
    and rounding, so it differs from every outlet that did not convert it."""
    restated: set[int] = set()
    for index in range(len(readings) - 1):
        _, counted, rest, _ = readings[index]
        following, next_counted, next_rest, _ = readings[index + 1]
        if not _same_measure(counted, next_counted):
            continue
        opens = _OPENS_RESTATEMENT.fullmatch(text, rest, following.start) is not None
        if opens and _CLOSES_RESTATEMENT.match(text, next_rest) is not None:
            restated.add(index + 1)
    return restated


def _same_measure(counted: str, other: str) -> bool:
    """Whether two figures measure one kind of thing: money, or a length."""
    if counted in MONEY or other in MONEY:
        return counted in MONEY and other in MONEY
    return measure_unit(counted) in _LENGTHS and measure_unit(other) in _LENGTHS


def _qualified(text: str, found: _Found, language: str) -> Qualifier:
    """How a number is qualified: by the words before it (a currency sign between them left
    out: "more than $1,000", "выше $1400") or, in some languages, after it."""
    if found.vague:
        return Qualifier.VAGUE
    sign = _sign_before(text, found.start) if found.money else None
    start = found.start if sign is None else sign
    if language == ENGLISH:
        return _qualifier(text, start)
    written = qualifier_before(text, start, language) or qualifier_after(text, found.end, language)
    if written is not None:
        return written
    return Qualifier.ABOUT if found.approximate else Qualifier.EXACT


# ---- finding numbers ----


def _numbers_in(text: str, language: str) -> Iterator[_Found]:
    """The numbers of a sentence in a language other than English: digits (with the scale
    word of the language after them) and numbers in its words (``stories.number_words``),
    which win where they overlap digits ("1,5 млн", "28 mil 645")."""
    spelled = spelled_numbers(text, language)
    found = [
        _Found(
            n.value, n.value, n.start, n.end, n.vague, _money_before(text, n.start), n.approximate
        )
        for n in spelled
    ]
    found += [
        _Found(n.value, n.value, n.start, n.end, False, None, unit=n.unit, unit_end=n.word_end)
        for n in compound_numbers(text, language)
    ]
    taken = [(n.start, n.end) for n in found]
    for match in _SCANS[1].finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        if _dated(text, match, language):
            continue
        digits = _found(text, match, "digits", language)
        if digits is not None:
            found.append(digits)
    found.sort(key=lambda f: f.start)
    clock = _CLOCK_AFTER.get(language_code(language))
    position = 0
    for number in found:
        if number.start >= position:
            position = number.end
            if clock is None or clock.match(text, number.end) is None:
                yield number


_CLOCK_AFTER = {"de": re.compile(rf"{SPACE}*Uhr\b")}
"""A word that makes a number a time of day, no quantity: "Stand 20.00 Uhr", "um acht Uhr"
(English "a.m." and "p.m." are read in ``_excluded``)."""


def _dated(text: str, match: re.Match[str], language: str) -> bool:
    """Whether digits are a date's day in ``language``: a month name next to them ("14
    ноября", "gruodžio 13 d."), unless a word is joined to them ("12 ноября 19-летняя": an
    age after a date)."""
    if _JOINED_WORD.match(text, match.end()) is not None:
        return False
    after = _NEXT_WORD.match(text, match.end())
    if after is not None and month_of(after.group(1), language) is not None:
        return True
    before = _WORD.findall(text[max(0, match.start() - 20) : match.start()])
    return bool(before) and month_of(before[-1], language) is not None


_JOINED_WORD = re.compile(r"-[^\W\d_]")
_SYMBOL_AFTER = re.compile(rf"[ \u00a0]?([{''.join(SYMBOLS)}])")


def _counted_in(text: str, found: _Found, language: str) -> tuple[str, int, bool]:
    """What a number counts in a language other than English: the unit or currency it
    carries (a compound adjective's too: "achtminütigen", "8-minütigen"), else the word after
    it when that word is no function word of the language."""
    end = found.end
    if found.unit is not None:
        return found.unit, found.unit_end, False
    compound = unit_after_digits(text, end, language)
    if compound is not None:
        return compound[0], compound[1], False
    percent = _PERCENT.match(text, end)
    if percent is not None:
        return "percent", percent.end(), False
    if found.money:
        return found.money, end, False
    symbol = _SYMBOL_AFTER.match(text, end)
    if symbol is not None:
        return SYMBOLS[symbol.group(1)], symbol.end(), False
    # An abbreviated scale's full stop may stand between: "2 Mio. US-Dollar"; a case ending
    # after digits is the number's: "50-ти граммов".
    end = after_case_ending(text, end, language)
    word = _NEXT_WORD.match(text, end + 1 if text[end : end + 1] == "." else end)
    if word is None:
        return "", end, False
    counted = word.group(1)
    currency = _currency_at(text, word, language)
    if currency is not None:
        return currency
    common = word_zipf(counted.lower(), language) >= COMMON_WORD_ZIPF
    if len(counted) < 2 or (common and not is_held(counted.lower())):
        return "", end, False  # a unit is no function word, however common ("33 года")
    noun = _noun_after_adjectives(text, word, language)
    return noun.group(1).lower(), noun.end(), False


def _noun_after_adjectives(text: str, word: re.Match[str], language: str) -> re.Match[str]:
    """The noun a number counts past the adjectives before it, in the languages whose
    adjectives after a number end alike ("Три украинских военных корабля": ships; "пять
    российских рублей"), when a content word follows them; else ``word`` ("5 погибших и 10
    раненых": the dead)."""
    ending = _ADJECTIVE_AFTER_NUMBER.get(language_code(language))
    if ending is None:
        return word
    found = word
    for _ in range(_MAX_ADJECTIVES):
        if ending.search(found.group(1)) is None:
            break
        following = _NEXT_WORD.match(text, found.end())
        if following is None or word_zipf(following.group(1).lower(), language) >= COMMON_WORD_ZIPF:
            break
        found = following
    return found


_ADJECTIVE_AFTER_NUMBER = {
    "ru": re.compile(r"(?:ых|их)$"),
    "uk": re.compile(r"(?:их|іх)$"),
    "be": re.compile(r"(?:ых|іх)$"),
}
"""The plural genitive ending of an adjective after a number: "пяти украинских", "двох
українських"."""
_MAX_ADJECTIVES = 2


def _context_in(text: str, number_start: int, rest: int) -> str:
    """The words around a number within its clause, in any language: up to four before it
    and four after what it counts."""
    segment = segment_of(text, number_start, rest)
    before = text[segment.start : number_start].split()[-MAX_BEFORE_WORDS:]
    after = text[rest : segment.end].split()[:MAX_PREDICATE_WORDS]
    words = [w.strip(_PHRASE_MARKS + ".!?") for w in [*before, *after]]
    return " ".join(w for w in words if w and not w[0].isdigit())


def _numbers(text: str) -> Iterator[_Found]:
    """The numbers of an English sentence, in digits and in words."""
    words, digits = _SCANS
    matches = [(match, match.lastgroup or "") for match in words.finditer(text)]
    matches += [(match, "digits") for match in digits.finditer(text)]
    if len(matches) > 1:
        matches.sort(key=lambda item: item[0].start())
    position = 0
    for match, kind in matches:
        if match.start() < position:
            continue
        found = _found(text, match, kind)
        position = match.end() if found is None else max(found.end, match.end())
        if found is not None:
            yield found


def _found(text: str, match: re.Match[str], kind: str, language: str = ENGLISH) -> _Found | None:
    raw = match.group()
    if kind == "vague":
        value = float(VAGUE_VALUES[" ".join(raw.lower().split())])
        return _Found(value, value, match.start(), match.end(), True, None)
    if _excluded(text, match, kind, language):
        return None
    value = _value(raw, kind)
    end = match.end()
    scale = _SCALE.match(text, end)
    approximate = False
    if scale is not None:
        value *= SCALES[(scale.group(1) or scale.group(2)).lower()]
        end = scale.end()
    elif language != ENGLISH:
        written = scale_after(text, end, language)
        if written is not None:
            value *= written.multiplier
            end = written.end
            approximate = written.approximate
    sign = _sign_before(text, match.start())
    money = None if sign is None else CURRENCIES[text[sign]]
    low = high = value
    second = _range_end(text, match.start(), end, kind)
    if second is not None:
        other, end = second
        low, high = min(value, other), max(value, other)
    return _Found(low, high, match.start(), end, False, money, approximate)


def _sign_before(text: str, start: int) -> int | None:
    """Where a currency sign stands right before a number at ``start``, a space or a dollar's
    country between allowed ("$1400", "$ 1,7 млн", "£11,68 млрд", "$US1 million"), or None."""
    for sign in (start - 1, start - 2, start - 3):
        if sign >= 0 and text[sign] in CURRENCIES:
            between = text[sign + 1 : start]
            own = between in ("", " ", "\u00a0") or (text[sign] == "$" and between.isupper())
            return sign if own else None
    return None


def _money_before(text: str, start: int) -> str | None:
    """The currency of a sign right before a number (``_sign_before``), or None."""
    sign = _sign_before(text, start)
    return None if sign is None else CURRENCIES[text[sign]]


def _value(raw: str, kind: str) -> float:
    if kind == "word":
        lower = " ".join(raw.lower().split())
        if "-" in lower:
            tens, unit = lower.split("-")
            return float(WORD_VALUES[tens] + WORD_VALUES[unit])
        return float(WORD_VALUES[lower])
    if _DECIMAL_COMMA.fullmatch(raw):
        return float(raw.replace(",", "."))
    digits = _SEPARATORS.sub("", raw)
    if _DOT_THOUSANDS.fullmatch(digits):
        digits = digits.replace(".", "")
    return float(digits)


def _excluded(text: str, match: re.Match[str], kind: str, language: str = ENGLISH) -> bool:
    raw = match.group()
    start, end = match.span()
    if kind == "word":
        return raw.lower() == "one" and _not_a_count(text[:start], text[end:])
    if _FOUR_DIGITS.fullmatch(raw) and _a_year(text, match, language):
        return True
    if _ORDINAL_AFTER.match(text, end) or _TIME_AFTER.match(text, end):
        return True
    month_before = _final_words(_MONTH_BEFORE, text, start, _MONTH_CHARS)
    return month_before is not None or _MONTH_AFTER.match(text, end) is not None


def _a_year(text: str, match: re.Match[str], language: str) -> bool:
    """Whether four digits without a separator are a year: not a sum of money ("$1400",
    "1365 долларов"); outside English, where four-digit numbers go without a separator
    ("1400 человек"), only from 1900 on."""
    value = int(match.group())
    if not 1000 <= value <= 2100:
        return False
    start, end = match.span()
    if _sign_before(text, start) is not None:
        return False
    if language == ENGLISH:
        return True
    if value < 1900 or _SYMBOL_AFTER.match(text, end) is not None:
        return False
    after = _NEXT_WORD.match(text, end)
    return after is None or _currency_at(text, after, language) is None


def _currency_at(text: str, word: re.Match[str], language: str) -> tuple[str, int, bool] | None:
    """The currency the word matched after a number names, alone or with the word after it
    ("рублей"; "российских рублей", ``currencies.currency_after``), as ``_counted_in`` gives
    what a number counts; or None."""
    following = _NEXT_WORD.match(text, word.end())
    words = [word.group(1)] + ([following.group(1)] if following is not None else [])
    currency = currency_after(words, language)
    if currency is None:
        return None
    noun, taken = currency
    return noun, (word if taken == 1 or following is None else following).end(), False


def _final_words(
    pattern: re.Pattern[str], text: str, end: int, longest: int
) -> re.Match[str] | None:
    """``pattern.search(text[:end])`` for a pattern of words up to ``longest`` characters
    then ``\\s+$``: the match can only start that far before the trailing whitespace, so the
    search starts there instead of scanning the whole sentence (``\\b`` still sees the
    character before the start position)."""
    stop = len(text[:end].rstrip())
    return pattern.search(text, max(0, stop - longest), end)


def _not_a_count(before: str, after: str) -> bool:
    """ "one of", "no one", "one himself": the word one that counts nothing."""
    next_word = _WORD.match(after.lstrip())
    if next_word is None or next_word.group().lower() in STOP_WORDS:
        return True
    last = before.split()[-1].lower() if before.split() else ""
    return last in {"no", "any", "every", "each", "the", "this", "that", "another"}


def _range_end(text: str, start: int, end: int, kind: str) -> tuple[float, int] | None:
    """ "1,300 or 1,400", "10 to 12", "between 10 and 12": the second number of a range, and
    where it ends. Without "between", two numbers joined by "and" are two figures ("two
    quakes, measuring 7.6 and 7.4")."""
    joiner = _RANGE.match(text, end)
    if joiner is None:
        return None
    before = max(0, start - _BETWEEN_CHARS)
    if joiner.group().strip().lower() == "and" and _BETWEEN.search(text, before, start) is None:
        return None
    pattern = _RANGE_DIGITS if kind == "digits" else _NUMBER_KINDS[kind]
    match = pattern.match(text, joiner.end())
    if match is None or _excluded(text, match, kind):
        return None
    return _value(match.group(), kind), match.end()


def _qualifier(text: str, start: int) -> Qualifier:
    """The qualifier written just before ``text[start]``, from its last 30 characters."""
    before = text[max(0, start - 30) : start]
    if _ANY_QUALIFIER.search(before) is None:
        return Qualifier.EXACT
    for pattern, qualifier in QUALIFIERS:
        if pattern.search(before):
            return qualifier
    return Qualifier.EXACT


# ---- what is counted, and the predicate ----


def _counted(text: str, found: _Found) -> tuple[str, int, bool]:
    """The counted noun phrase, where the text after it starts, and whether it came from a
    "number of X ... at N" construction."""
    end = found.end
    percent = _PERCENT.match(text, end)
    if percent is not None:
        return "percent", percent.end(), False
    unit = _HYPHEN_UNIT.match(text, end)
    if unit is not None:
        return unit.group(1), unit.end(), False
    if found.money:
        return found.money, end, False
    group = _OF_GROUP.match(text, end)
    start = group.end() if group is not None else end
    phrase, stop = _noun_phrase(text, start)
    if phrase:
        return phrase, stop, False
    number_of = list(_NUMBER_OF.finditer(text, 0, found.start))
    if number_of:
        phrase, _ = _noun_phrase(text, number_of[-1].end())
        return phrase, end, bool(phrase)
    return "", end, False


def _noun_phrase(text: str, start: int) -> tuple[str, int]:
    """Up to four words after a number, through the first plural noun ("political
    prisoners"), or the first word when no plural follows ("earthquake")."""
    words: list[re.Match[str]] = []
    position = start
    while len(words) < 4:
        match = _NEXT_WORD.match(text, position)
        if match is None or not _noun_word(match.group(1), first=not words):
            break
        words.append(match)
        position = match.end()
        if _plural(match.group(1)):
            return text[words[0].start(1) : match.end()], match.end()
    if not words or words[0].group(1)[0].isupper():
        return "", start
    return words[0].group(1), words[0].end()


def _noun_word(word: str, first: bool) -> bool:
    lower = word.lower()
    if lower in STOP_WORDS or word[0].isdigit() or lower in AUXILIARIES:
        return False
    if word[0].isupper():
        return _DEMONYM_NOUN.fullmatch(word) is not None
    return not (first and lower.endswith("ly"))


def _plural(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return True
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def _context(
    text: str, number_start: int, rest: int, qualifier: Qualifier, prefer_after: bool
) -> str:
    after, is_predicate = _after_phrase(text, rest)
    if is_predicate or prefer_after:
        return after
    before = _before_phrase(text, number_start, qualifier)
    return before or after


def _after_phrase(text: str, start: int) -> tuple[str, bool]:
    """The words after the counted noun up to the clause end, and whether they start with a
    verb (a predicate) rather than a preposition."""
    aside = _ASIDE.match(text, start)
    if aside is not None:
        start = aside.end()
    stop = _CLAUSE_END.search(text, start)
    clause = text[start : stop.start() if stop else len(text)]
    words = clause.split()
    if words and words[0].lower() == "and" and len(words) > 1 and words[1].endswith("ing"):
        # "killing 14 people and damaging homes": the next verb is another clause's.
        return "", False
    while words and (words[0].lower() in AUXILIARIES or words[0].lower() == "and"):
        words = words[1:]
    untouched = len(clause.split()) == len(words)
    if untouched and words and (words[0].lower() in STOP_WORDS or words[0].endswith("ing")):
        return _join_until_clause(words), False
    return _join_until_clause(words), bool(words)


def _join_until_clause(words: list[str]) -> str:
    kept: list[str] = []
    for word in words[:MAX_PREDICATE_WORDS]:
        if kept and word.lower() in CLAUSE_WORDS:
            break
        kept.append(word)
    return " ".join(kept)


def _before_phrase(text: str, number_start: int, qualifier: Qualifier) -> str:
    """Up to four words before the number (its qualifier left out), back to a name or a
    clause boundary: "freed" in "Lukashenko freed 123 prisoners"."""
    before = text[:number_start]
    if (
        qualifier is not Qualifier.VAGUE
        and _final_words(_ANY_QUALIFIER, before, len(before), _QUALIFIER_CHARS) is not None
    ):
        for pattern, _ in QUALIFIERS:
            found = _final_words(pattern, before, len(before), _QUALIFIER_CHARS)
            before = before if found is None else before[: found.start()]
    before = before.rstrip("$€£¥ ")
    stop = max(map(before.rfind, _PHRASE_MARKS))
    words = before[stop + 1 :].split()
    kept: list[str] = []
    for word in reversed(words):
        if word[0].isupper() or len(kept) == MAX_BEFORE_WORDS:
            break
        kept.insert(0, word)
    while kept and kept[0].lower() in AUXILIARIES:
        kept = kept[1:]
    while kept and kept[-1].lower() in STOP_WORDS:
        kept = kept[:-1]
    return " ".join(kept)
