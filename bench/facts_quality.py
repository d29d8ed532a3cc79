"""Quality of /who, /diff and /summary on the seed story, scored against every item of gold.toml.

Usage: ``.venv/bin/python bench/facts_quality.py [seeds_dir] [gold.toml]``

Facts come from ``stories.factfinder.extract_facts``. Until that module exists the report
assembles them from the extractor parts that do exist (``stories.people``, ``numbers``,
``quotes``), and says so in its title.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rapidfuzz import fuzz
from rich.console import Console
from rich.table import Table

from stories.articles import Article, RawArticle
from stories.clean import clean_article
from stories.compare import StoryDiff, diff_story
from stories.content import coverage, terms
from stories.details import UniqueDetail
from stories.facts import ArticleFacts, Qualifier
from stories.figures import NumberDiff, NumberDiffKind, NumberValue
from stories.names import Person, fold, match_person_query, resolve_people, same_person
from stories.sentences import split_sentences
from stories.story_input import ArticleView
from stories.summarize import summarize

ROOT = Path(__file__).resolve().parents[1]
NUMBER_WORDS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())
}

Extractor = Callable[[Article], ArticleFacts]


def _extractor() -> tuple[Extractor, str]:
    try:
        from stories.factfinder import extract_facts
    except ImportError:
        return _from_parts, "extractor parts (stories.factfinder missing)"
    return extract_facts, "stories.factfinder"


def _from_parts(article: Article) -> ArticleFacts:
    """Facts from the extractor modules that exist, when the factfinder does not yet."""
    try:
        from stories.numbers import find_numbers
        from stories.people import find_mentions
        from stories.quotes import find_quotes
    except ImportError:
        return ArticleFacts()
    sentences = split_sentences(article.body)
    captions = split_sentences("\n".join(article.captions))
    mentions = find_mentions(sentences, captions)
    body_mentions = [m for m in mentions if not m.span.in_caption]
    quotes = find_quotes(article.body, sentences, body_mentions)
    return ArticleFacts(mentions=mentions, numbers=find_numbers(sentences), quotes=quotes)


def load_views(seeds: Path, extract: Extractor) -> list[ArticleView]:
    views = []
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text()
        meta_path = path.with_name(path.name.removesuffix(".txt") + ".meta.toml")
        meta = tomllib.loads(meta_path.read_text()) if meta_path.exists() else {}
        article = clean_article(RawArticle(text=text, title=text.splitlines()[0]))
        if not isinstance(article, Article):
            continue
        key = str(meta.get("id", path.name[:3]))
        outlet = str(meta.get("outlet", key))
        views.append(ArticleView(int(key), outlet, None, None, article.body, extract(article)))
    return views


@dataclass
class Section:
    name: str
    found: int = 0
    total: int = 0
    correct: int = 0
    reported: int = 0
    notes: list[str] = field(default_factory=list)

    def recall(self) -> float:
        return self.found / self.total if self.total else 1.0

    def precision(self) -> float:
        return self.correct / self.reported if self.reported else 1.0


def _ids(keys: Sequence[str]) -> set[int]:
    return {int(k) for k in keys}


# ---- names ----


def _person_for(name: str, people: Sequence[Person]) -> Person | None:
    for person in people:
        if any(s.casefold() == name.casefold() for s in person.spellings):
            return person
    return None


def score_names(gold: dict[str, Any], people: Sequence[Person], diff: StoryDiff) -> list[Section]:
    names, lookup, described = (
        Section("names/spellings"),
        Section("/who lookups"),
        Section("descriptions"),
    )
    gold_names = gold.get("names", [])
    canonical = [p.name for p in people]
    for entry in gold_names:
        names.total += 1
        person = _person_for(entry["person"], people)
        spelled = {k.casefold(): v for k, v in person.spellings.items()} if person else {}
        missing = [
            f"{s} {sorted(ids)}"
            for s, ids in entry["spellings"].items()
            if not _ids(ids) <= spelled.get(s.casefold(), frozenset())
        ]
        if person and not missing:
            names.found += 1
        else:
            names.notes.append(f"{entry['person']}: missing {', '.join(missing) or 'person'}")
        for spelling in entry["spellings"]:
            lookup.total += 1
            ranked = match_person_query(spelling.split()[-1], canonical)
            if person and ranked and ranked[0][0] == person.name:
                lookup.found += 1
            else:
                lookup.notes.append(f"/who {spelling.split()[-1]} -> {ranked[:2]}")
        for key, text in entry.get("descriptions", {}).items():
            described.total += 1
            got = [
                d.description
                for d in (person.descriptions if person else ())
                if d.article_id == int(key)
            ]
            if any(fuzz.token_set_ratio(text, d) >= 70 for d in got):
                described.found += 1
            else:
                described.notes.append(f"{entry['person']} in {key}: {text!r} (got {got})")
    gold_spellings = {s.casefold() for e in gold_names for s in e["spellings"]}
    for variant in diff.spellings:
        names.reported += 1
        if all(s.spelling.casefold() in gold_spellings for s in variant.spellings):
            names.correct += 1
        else:
            names.notes.append(f"unlisted variant: {[s.spelling for s in variant.spellings]}")
    return [names, lookup, described]


# ---- numbers ----


def _gold_numbers(text: str) -> list[float]:
    found = [
        float(n.replace(",", "").replace(" ", "")) for n in re.findall(r"\d[\d, ]*\d|\d", text)
    ]
    found += [
        float(NUMBER_WORDS[w]) for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_WORDS
    ]
    if not found and "thousand" in text.lower():
        found = [1000.0]
    return found


def _value_matches(text: str, diff: NumberDiff, article: int) -> bool:
    wanted = _gold_numbers(text)
    for value in diff.values:
        if article not in {c.article_id for c in value.citations}:
            continue
        if len(wanted) > 1:
            parts = [n for p in value.parts for n in _gold_numbers(p)]
            if sorted(parts) == sorted(wanted) or value.value == sum(wanted):
                return True
        elif "thousand" in text.lower():
            return value.qualifier is Qualifier.VAGUE
        elif wanted and wanted[0] in (value.value, value.low):
            return True
    return False


def _covered(entry: dict[str, Any], diff: NumberDiff) -> tuple[int, int]:
    pairs = [(v, int(k)) for v, keys in entry["values"].items() for k in keys]
    return sum(_value_matches(v, diff, a) for v, a in pairs), len(pairs)


def score_numbers(gold: dict[str, Any], diff: StoryDiff) -> Section:
    section = Section("numbers")
    every = [*diff.numbers, *diff.agreed_numbers]
    matched: set[int] = set()
    for entry in gold.get("numbers", []):
        section.total += 1
        best = max(every, key=lambda d: _covered(entry, d)[0], default=None)
        hit, total = _covered(entry, best) if best else (0, 1)
        if best is not None and hit == total:
            section.found += 1
            matched.add(id(best))
            expected = _expected_kind(entry)
            if best.kind is not expected:
                section.notes.append(f"{entry['what']}: kind {best.kind} (expected {expected})")
        else:
            section.notes.append(f"{entry['what']}: {hit}/{total} values with their outlets")
    for item in diff.numbers:
        section.reported += 1
        if id(item) in matched:
            section.correct += 1
        else:
            section.notes.append(
                f"unlisted {item.kind}: {[(v.text, v.outlets) for v in item.values]}"
            )
    return section


def _expected_kind(entry: dict[str, Any]) -> NumberDiffKind:
    values = list(entry["values"])
    if len(values) == 1:
        return NumberDiffKind.AGREEMENT
    if any(len(_gold_numbers(v)) > 1 for v in values):
        return NumberDiffKind.BREAKDOWN
    if any(re.search(r"more|less|about|thousand|hundred|dozen", v) for v in values):
        return NumberDiffKind.QUALIFIED
    return NumberDiffKind.CONFLICT


# ---- quotes ----


def score_quotes(gold: dict[str, Any], diff: StoryDiff) -> Section:
    section = Section("quotes")
    matched: set[int] = set()
    for entry in gold.get("quotes", []):
        section.total += 1
        best, best_hits = None, 0
        for variant in diff.quotes:
            hits = sum(
                any(
                    v.citation.article_id == int(k) and fuzz.partial_ratio(text, v.text) >= 80
                    for v in variant.versions
                )
                for k, text in entry["versions"].items()
            )
            if hits > best_hits:
                best, best_hits = variant, hits
        if best is not None and best_hits == len(entry["versions"]):
            section.found += 1
            matched.add(id(best))
        else:
            section.notes.append(f"{entry['about']}: {best_hits}/{len(entry['versions'])} versions")
    for variant in diff.quotes:
        section.reported += 1
        if id(variant) in matched:
            section.correct += 1
        else:
            texts = [(v.citation.article_id, v.text[:50]) for v in variant.versions]
            section.notes.append(f"unlisted: {variant.speaker} {texts}")
    return section


# ---- unique details ----


def _detail_matches(gold_text: str, detail: UniqueDetail) -> bool:
    sentence = detail.citation.sentence
    wanted = terms(gold_text)
    return coverage(wanted, terms(sentence)) >= 0.5 or fuzz.partial_ratio(gold_text, sentence) >= 90


def _plain_words(text: str) -> set[str]:
    return {fold(w) for w in re.findall(r"[^\W_]+", text)}


def _only_in_its_article(detail: UniqueDetail, views: Sequence[ArticleView]) -> bool:
    """Judged on the text: no other outlet's article has the detail's distinctive words."""
    others = set().union(
        *(_plain_words(v.body) for v in views if v.outlet != detail.citation.outlet)
    )
    return any(fold(w) not in others for w in detail.words)


def score_unique(gold: dict[str, Any], diff: StoryDiff, views: Sequence[ArticleView]) -> Section:
    section = Section("unique details")
    matched: set[int] = set()
    for key, items in gold.get("unique", {}).items():
        for text in items:
            section.total += 1
            hits = [
                d
                for d in diff.unique
                if d.citation.article_id == int(key) and _detail_matches(text, d)
            ]
            if hits:
                section.found += 1
                matched.update(id(d) for d in hits)
            else:
                section.notes.append(f"{key}: {text}")
    for detail in diff.unique:
        section.reported += 1
        if id(detail) in matched or _only_in_its_article(detail, views):
            section.correct += 1
        else:
            section.notes.append(f"not unique: {detail.citation.article_id} {detail.words}")
    return section


# ---- traps ----


def count_traps(
    gold: dict[str, Any], views: Sequence[ArticleView], people: Sequence[Person], diff: StoryDiff
) -> tuple[int, list[str]]:
    traps = gold.get("traps", {})
    hits: list[str] = []
    for a, b in traps.get("different_people", []):
        for person in people:
            names = [m.mention.name for m in person.mentions]
            if any(same_person(a, n) for n in names) and any(same_person(b, n) for n in names):
                hits.append(f"merged {a} and {b} as {person.name}")
    for text in traps.get("not_conflicts", []):
        values = set(_gold_numbers(text))
        for item in [*diff.numbers, *diff.agreed_numbers]:
            shown = {v.value for v in item.values}
            if len(values) == 1 and values <= shown:
                hits.append(f"{text}: reported {item.what}")
            elif item.kind is NumberDiffKind.CONFLICT and len(values & shown) >= 2:
                hits.append(f"{text}: conflict {item.what}")
    cited = [c.sentence for item in diff.ranked() for c in item.citations]
    cited += [line.text for line in summarize(views)]
    for text in traps.get("not_article_text", []):
        if any(text.casefold() in s.casefold() for s in cited):
            hits.append(f"chrome cited: {text}")
    for text in traps.get("not_event_dates", []):
        match = re.match(r"(\w+ \d+, \d{4})", text)
        for view in views:
            for date in view.facts.dates:
                if match and date.day.strftime("%B %-d, %Y") == match.group(1):
                    hits.append(f"{view.article_id}: event date {text} (extractor)")
    return len(hits), hits


# ---- written figures: the value parser of the real labelled set ----
#
# A labelled value is a figure as an outlet wrote it ("1,227", "1 млн 532 тыс. грн", "nine",
# "девять", "٦ مدن", "минус 2 – 0 градусов"). ``written_figures`` reads the numbers in it, in
# order, by these rules:
#
# - digits, Western or Arabic-Indic, with a minus sign when no digit stands right before it
#   ("3-5" is a range, "-4...1" starts below zero) or after a word for minus ("минус 2");
# - separators by the article's language: in English "," groups thousands and "." starts the
#   decimals; elsewhere "." (or a space) groups thousands and "," starts the decimals. A group
#   separator must be followed by exactly three digits ("6.398" is 6398 in German, "19.40"
#   is 19.4), and with both marks the last one starts the decimals;
# - a scale word after a number multiplies it (thousand, млн, Milliarden, mil, bin, مليون;
#   "billion" is 10^9 in English and 10^12 in German, French, Spanish and Polish), and a
#   number after a scale word that is smaller than the scale is added to it ("1 миллион 532
#   тысячи 618" is 1,532,618; "7 bin 500" is 7,500);
# - number words of the eight languages of pairs-dev (the common forms, not every case
#   ending), a tens word followed by a unit word adding up ("twenty five");
# - vague words ("thousands", "сотни", "Dutzende", "binlerce") give their order of magnitude
#   and mark the figure vague: it then matches any value from that order up to the next.
#
# Where a value says more than this reads (an ordinal word, "полчаса", "ein Viertel", a time
# of day), its label gives the numbers itself in a ``numbers`` table; those are alternatives,
# any of which the shown value may be.

_POINT_DECIMALS = frozenset({"en", "ar"})
"""Languages whose figures (in Western digits) write decimals with a point."""
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_DIGIT_RUN = re.compile(
    r"(?P<sign>[-−](?=\d))?(?P<digits>\d(?:[.,\u00a0\u202f\u2009 ]?\d)*)(?P<suffix>[^\W\d_]*)"
)
_TOKEN = re.compile(rf"{_DIGIT_RUN.pattern}|(?P<word>[^\W\d_]+)")
_MINUS_WORDS = frozenset({"минус", "minus", "menos", "eksi", "moins", "ناقص"})
_BILLION_IS_TRILLION = frozenset({"de", "fr", "es", "pl"})

# Scale words by their opening letters (forms differ by case and number: тысяча, тысячи,
# тысяч; Millionen; millones). Checked longest first.
_SCALE_PREFIXES: dict[str, float] = {
    "thousand": 1e3,
    "тыс": 1e3,
    "tausend": 1e3,
    "tys": 1e3,
    "mille": 1e3,
    "ألف": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "млн": 1e6,
    "миллион": 1e6,
    "mio": 1e6,
    "millón": 1e6,
    "millon": 1e6,
    "milion": 1e6,
    "milyon": 1e6,
    "مليون": 1e6,
    "bln": 1e9,
    "bn": 1e9,
    "млрд": 1e9,
    "миллиард": 1e9,
    "mrd": 1e9,
    "milliard": 1e9,
    "mld": 1e9,
    "miliard": 1e9,
    "milyar": 1e9,
    "مليار": 1e9,
    "trillion": 1e12,
    "трлн": 1e12,
    "триллион": 1e12,
    "billón": 1e12,
    "billon": 1e12,
    "trilyon": 1e12,
    "tn": 1e12,
}
_SCALE_WORDS: dict[str, float] = {"m": 1e6, "mil": 1e3, "k": 1e3}
"""Scale words that must be whole (a prefix "mil" would take "millones")."""
_LANGUAGE_SCALE_PREFIXES: dict[str, dict[str, float]] = {"tr": {"bin": 1e3}}
"""Turkish "bin" takes case endings ("80 binden", "8 bini"); elsewhere "bin..." is no scale."""

_VAGUE_PREFIXES: dict[str, float] = {
    "dozens": 10,
    "десятк": 10,
    "dutzend": 10,
    "decenas": 10,
    "dziesiątk": 10,
    "onlarca": 10,
    "dizaines": 10,
    "عشرات": 10,
    "hundreds": 100,
    "сотни": 100,
    "сотен": 100,
    "hunderte": 100,
    "cientos": 100,
    "centenares": 100,
    "setki": 100,
    "yüzlerce": 100,
    "centaines": 100,
    "مئات": 100,
    "thousands": 1e3,
    "тысячи": 1e3,
    "тысяч": 1e3,
    "tausende": 1e3,
    "miles": 1e3,
    "tysiące": 1e3,
    "binlerce": 1e3,
    "milliers": 1e3,
    "آلاف": 1e3,
    "zehntausende": 1e4,
    "hunderttausende": 1e5,
    "millions": 1e6,
    "миллионы": 1e6,
    "milyonlarca": 1e6,
}

_UNITS = {
    "en": "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen",
    "ru": "один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать "
    "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать",
    "de": "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn "
    "fünfzehn sechzehn siebzehn achtzehn neunzehn",
    "es": "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
    "quince dieciséis diecisiete dieciocho diecinueve",
    "pl": "jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć jedenaście "
    "dwanaście trzynaście czternaście piętnaście szesnaście siedemnaście osiemnaście "
    "dziewiętnaście",
    "tr": "bir iki üç dört beş altı yedi sekiz dokuz on",
    "fr": "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize",
    "ar": "واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة",
}
_TENS = {
    "en": "twenty thirty forty fifty sixty seventy eighty ninety",
    "ru": "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто",
    "de": "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig",
    "es": "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
    "pl": "dwadzieścia trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt siedemdziesiąt "
    "osiemdziesiąt dziewięćdziesiąt",
    "tr": "yirmi otuz kırk elli altmış yetmiş seksen doksan",
    "fr": "vingt trente quarante cinquante soixante",
    "ar": "عشرون ثلاثون أربعون خمسون ستون سبعون ثمانون تسعون",
}
_OTHER_WORDS: dict[str, dict[str, float]] = {
    "en": {"hundred": 100, "dozen": 12, "half": 0.5},
    "ru": {
        **dict.fromkeys(("одна", "одного", "одной"), 1),
        **dict.fromkeys(("две", "двух", "двое", "двоих", "двумя"), 2),
        **dict.fromkeys(("трёх", "трех", "трое", "троих", "тремя"), 3),
        **dict.fromkeys(("четырёх", "четырех", "четверо", "четверых"), 4),
        **dict.fromkeys(("пяти", "пятеро"), 5),
        **dict.fromkeys(("шести", "шестеро"), 6),
        "семи": 7,
        "восьми": 8,
        "девяти": 9,
        "десяти": 10,
        "сто": 100,
        "ста": 100,
        **dict.fromkeys(("полтора", "полторы", "полутора"), 1.5),
    },
    "de": {"hundert": 100, "eineinhalb": 1.5, "anderthalb": 1.5, "dutzend": 12},
    "es": {"una": 1, "cien": 100, "ciento": 100, "veintiuno": 21, "millar": 1000},
    "pl": {"dwie": 2, "dwóch": 2, "dwoje": 2, "trzech": 3, "czterech": 4, "pięciu": 5, "sto": 100},
    "tr": {"yüz": 100},
    "fr": {"une": 1, "cent": 100},
    "ar": {"اثنين": 2, "ثلاث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "تسع": 9},
}


def _number_words(language: str) -> dict[str, float]:
    units = _UNITS.get(language, "").split()
    tens = _TENS.get(language, "").split()
    return {
        **{w: float(i + 1) for i, w in enumerate(units)},
        **{w: float(20 + 10 * i) for i, w in enumerate(tens)},
        **{w: float(v) for w, v in _OTHER_WORDS.get(language, {}).items()},
    }


@dataclass(frozen=True)
class Written:
    """The numbers of a figure as written, in order; ``vague``: an order of magnitude only."""

    numbers: tuple[float, ...]
    vague: bool = False


@dataclass(frozen=True)
class _Token:
    """A word (``number`` None) or a number in digits with the letters joined to it."""

    word: str = ""
    number: float | None = None
    suffix: str = ""


def _digits_value(digits: str, language: str) -> list[float]:
    """The number(s) in a run of digits and separators (several when spaces part numbers)."""
    numbers: list[str] = []
    for part in re.split(r"[\u00a0\u202f\u2009 ]", digits):
        if numbers and re.fullmatch(r"\d{3}", part) and re.fullmatch(r"[\d.,]*", numbers[-1]):
            numbers[-1] += part
        elif part:
            numbers.append(part)
    return [_one_number(n, language) for n in numbers]


def _one_number(text: str, language: str) -> float:
    marks = [c for c in text if c in ".,"]
    if not marks:
        return float(text)
    if len(set(marks)) == 2:
        decimal = marks[-1]
        return float(text.replace("," if decimal == "." else ".", "").replace(",", "."))
    mark = marks[0]
    groups = text.split(mark)
    grouped = all(len(g) == 3 for g in groups[1:])
    decimal_mark = "." if language in _POINT_DECIMALS else ","
    if len(groups) > 2 or (grouped and mark != decimal_mark):
        return float("".join(groups))
    return float(text.replace(mark, "."))


def _scale(word: str, language: str, attached: bool = False) -> float | None:
    """The multiplier a scale word stands for; "m" and "k" only joined to digits ("12M")."""
    if word in _SCALE_WORDS:
        return _SCALE_WORDS[word] if attached or len(word) > 1 else None
    if word.startswith(("billion", "bilion")):
        return 1e12 if language in _BILLION_IS_TRILLION else 1e9
    prefixes = {**_SCALE_PREFIXES, **_LANGUAGE_SCALE_PREFIXES.get(language, {})}
    for prefix in sorted(prefixes, key=len, reverse=True):
        if word.startswith(prefix):
            return prefixes[prefix]
    return None


def _vague(word: str) -> float | None:
    return next((v for p, v in _VAGUE_PREFIXES.items() if word.startswith(p)), None)


def _tokens(text: str, language: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text):
        if match["word"]:
            tokens.append(_Token(word=match["word"].replace("İ", "i").casefold()))
            continue
        values = _digits_value(match["digits"], language)
        if match["sign"] and not text[: match.start()].rstrip()[-1:].isdigit():
            values[0] = -values[0]
        tokens += [_Token(number=v) for v in values[:-1]]
        tokens.append(_Token(number=values[-1], suffix=match["suffix"].casefold()))
    return tokens


def _word_value(
    tokens: Sequence[_Token], i: int, words: dict[str, float], language: str
) -> tuple[float | None, int]:
    """The value of the number word at ``i`` and the index after it ("twenty five": two)."""
    word = tokens[i].word
    if word in words:
        value = words[word]
        unit = words.get(tokens[i + 1].word, 0) if i + 1 < len(tokens) else 0
        if value in (20, 30, 40, 50, 60, 70, 80, 90) and 0 < unit < 10:
            return value + unit, i + 2
        return value, i + 1
    half = _scale(word[3:], language) if word.startswith("пол") else None
    return (0.5 * half, i + 1) if half else (None, i + 1)


def _scaled(value: float, tokens: Sequence[_Token], i: int, language: str) -> tuple[float, int]:
    """``value`` times the scale words after it, plus the smaller numbers that follow a scale
    ("1 млн 532 тыс." is 1,532,000); returns the index after the last token read."""
    largest = 1.0
    while i < len(tokens):
        token = tokens[i]
        scale = _scale(token.word, language) if token.word else None
        if scale:
            value, largest, i = value * scale, max(largest, scale), i + 1
            continue
        if token.number is None or largest == 1 or abs(token.number) >= largest:
            break
        inner = _scale(tokens[i + 1].word, language) if i + 1 < len(tokens) else None
        if inner is not None and inner >= largest:
            break
        value += token.number * (inner or 1)
        i += 2 if inner else 1
    return value, i


def written_figures(text: str, language: str) -> Written:
    """The numbers written in ``text`` (a figure in an article of ``language``)."""
    words = _number_words(language)
    tokens = _tokens(text.translate(_ARABIC_DIGITS), language)
    numbers: list[float] = []
    vague = negative = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.word in _MINUS_WORDS:
            negative, i = True, i + 1
            continue
        if token.number is not None:
            value = token.number * (_scale(token.suffix, language, True) or 1)
            i += 1
        else:
            word_value, i = _word_value(tokens, i, words, language)
            magnitude = _vague(token.word) if word_value is None and not numbers else None
            if word_value is None and magnitude is None:
                continue
            value = word_value if word_value is not None else magnitude or 0.0
            vague = word_value is None
        value, i = _scaled(-value if negative else value, tokens, i, language)
        negative = False
        numbers.append(value)
    return Written(tuple(numbers), vague and len(numbers) == 1)


# ---- the real labelled set: stories, labels and their scoring ----

REAL_LABELS = ROOT / "bench" / "facts_real"
DIFFERENCE_KINDS = {
    "conflict": NumberDiffKind.CONFLICT,
    "qualified": NumberDiffKind.QUALIFIED,
    "breakdown": NumberDiffKind.BREAKDOWN,
}
SOURCES = ("pairs-dev", "ecbplus", "seeds")
"""Where a story's articles are: pairs-dev ids, ECB+ dev ids, or the seed files."""
REJECT_REASONS = (
    "background",
    "part",
    "rounding",
    "different-holder",
    "different-thing",
    "different-event",
)


@dataclass(frozen=True)
class LabelledFigure:
    """One labelled value: how it is written, by which articles, and the numbers it is."""

    text: str
    articles: frozenset[str]
    numbers: tuple[float, ...]
    alternatives: bool
    """The numbers came from the label's ``numbers`` table: any one of them matches."""
    vague: bool = False
    language: str = "en"
    """The language of its first article: how the parts of a shown breakdown are read."""


@dataclass(frozen=True)
class LabelledItem:
    """A labelled difference (``kind``), reject (``why``) or agreement: figures and a note."""

    what: str
    figures: tuple[LabelledFigure, ...]
    kind: str = ""
    why: str = ""


@dataclass(frozen=True)
class RealStory:
    name: str
    title: str
    source: str
    """``pairs-dev`` (articles are pairs-dev ids), ``ecbplus`` (ECB+ dev ids) or ``seeds``
    (seed file prefixes)."""
    articles: dict[str, str]
    """Article key -> ISO 639-1 language."""
    differences: tuple[LabelledItem, ...]
    rejects: tuple[LabelledItem, ...]
    agreements: tuple[LabelledItem, ...]


class LabelError(ValueError):
    pass


def _figures(
    entry: dict[str, Any], languages: dict[str, str], where: str, published: bool
) -> tuple[LabelledFigure, ...]:
    """The labelled figures of an entry; ``published``: its values quote ECB+'s tokenised
    text, whose numbers are read as ``ecbplus_text.published_text`` gives the articles."""
    given = entry.get("numbers", {})
    figures = []
    for text, keys in entry["values"].items():
        unknown = [k for k in keys if k not in languages]
        if unknown or not keys:
            raise LabelError(f"{where}: {text!r} cites {unknown or 'no article'}")
        language = languages[keys[0]]
        if text in given:
            numbers = tuple(map(float, given[text]))
            figures.append(LabelledFigure(text, frozenset(keys), numbers, True, False, language))
            continue
        written = written_figures(published_text(text) if published else text, language)
        if not written.numbers:
            raise LabelError(f"{where}: no number in {text!r} (give it in a numbers table)")
        figures.append(
            LabelledFigure(text, frozenset(keys), written.numbers, False, written.vague, language)
        )
    unused = set(given) - set(entry["values"])
    if unused:
        raise LabelError(f"{where}: numbers for values it does not list: {sorted(unused)}")
    return tuple(figures)


def load_real_story(path: Path) -> RealStory:
    """One labelled story; raises ``LabelError`` on a label the scorer cannot use."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    languages = {str(k): str(v) for k, v in data["articles"].items()}
    source = str(data.get("source", "pairs-dev"))
    if source not in SOURCES:
        raise LabelError(f"{path.name}: source {source!r} is none of {', '.join(SOURCES)}")
    items: dict[str, list[LabelledItem]] = {"differences": [], "rejects": [], "agreements": []}
    for section, entries in items.items():
        for n, entry in enumerate(data.get(section, []), 1):
            where = f"{path.name} {section} #{n}"
            figures = _figures(entry, languages, where, source == "ecbplus")
            kind, why = entry.get("kind", ""), entry.get("why", "")
            if section == "differences" and (kind not in DIFFERENCE_KINDS or len(figures) < 2):
                raise LabelError(f"{where}: kind {kind!r}, {len(figures)} values")
            if section == "rejects" and (why not in REJECT_REASONS or len(figures) < 2):
                raise LabelError(f"{where}: why {why!r}, {len(figures)} values")
            entries.append(
                LabelledItem(entry.get("what", entry.get("note", "")), figures, kind, why)
            )
    return RealStory(
        path.stem,
        str(data["story"]),
        source,
        languages,
        tuple(items["differences"]),
        tuple(items["rejects"]),
        tuple(items["agreements"]),
    )


def load_real_stories(folder: Path) -> list[RealStory]:
    return [load_real_story(p) for p in sorted(folder.glob("*.toml"))]


# ---- matching shown lines to labels ----


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def figure_matches(figure: LabelledFigure, value: NumberValue, key_of: dict[int, str]) -> bool:
    """Whether a shown value is this labelled figure, given by one of its articles."""
    if not any(key_of.get(c.article_id) in figure.articles for c in value.citations):
        return False
    shown = (value.value, value.low, value.high)
    parts = [n for p in value.parts for n in written_figures(p, figure.language).numbers]
    if figure.alternatives:
        return any(_close(n, s) for n in figure.numbers for s in shown) or bool(
            parts and all(any(_close(n, p) for n in figure.numbers) for p in parts)
        )
    if figure.vague:
        floor = figure.numbers[0]
        return floor <= value.value < 10 * floor
    if len(figure.numbers) == 1:
        return any(_close(figure.numbers[0], s) for s in shown)
    total = sum(figure.numbers)
    parts.sort()
    return (
        _close(total, value.value)
        or (_close(min(figure.numbers), value.low) and _close(max(figure.numbers), value.high))
        or (len(parts) == len(figure.numbers) and all(map(_close, parts, sorted(figure.numbers))))
    )


def covered(item: LabelledItem, line: NumberDiff, key_of: dict[int, str]) -> int:
    """How many of the item's labelled values the line gives (each by a labelled article)."""
    return sum(any(figure_matches(f, v, key_of) for v in line.values) for f in item.figures)


def agreement_articles(item: LabelledItem, line: NumberDiff, key_of: dict[int, str]) -> set[str]:
    """The labelled articles whose figure of the agreement the line cites."""
    found: set[str] = set()
    for figure in item.figures:
        for value in line.values:
            if figure_matches(figure, value, key_of):
                found |= {key_of[c.article_id] for c in value.citations} & figure.articles
    return found


@dataclass
class RealScore:
    """Counts for one story (or a sum of stories)."""

    stories: int = 0
    articles: int = 0
    shown: int = 0
    shown_right: int = 0
    kind_right: int = 0
    conflicts: int = 0
    conflicts_right: int = 0
    differences: int = 0
    differences_found: int = 0
    labelled_conflicts: int = 0
    conflicts_found: int = 0
    agreements: int = 0
    agreements_found: int = 0
    cross_agreements: int = 0
    cross_agreements_found: int = 0
    unlabelled: int = 0
    rejects: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def add(self, other: RealScore) -> None:
        for name, value in vars(other).items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                setattr(self, name, getattr(self, name) + value)
        self.rejects.update(other.rejects)
        self.notes += other.notes


def ratio(right: int, total: int) -> str:
    return f"{right / total:.2f} ({right}/{total})" if total else "- (0/0)"


def _line_text(line: NumberDiff) -> str:
    values = " vs ".join(f"{v.text} [{', '.join(v.outlets)}]" for v in line.values)
    return f"{line.kind.name} {line.what!r}: {values}"


def score_real_story(
    story: RealStory, diff: StoryDiff, key_of: dict[int, str], articles: int = 0
) -> RealScore:
    """Score the Numbers lines of one story's /diff against its labels."""
    score = RealScore(stories=1, articles=articles)
    score.differences = len(story.differences)
    score.labelled_conflicts = sum(d.kind == "conflict" for d in story.differences)
    found: set[int] = set()
    found_conflicts: set[int] = set()
    for line in diff.numbers:
        score.shown += 1
        is_conflict = line.kind is NumberDiffKind.CONFLICT
        score.conflicts += is_conflict
        matched = [i for i, d in enumerate(story.differences) if covered(d, line, key_of) >= 2]
        hits = sorted({r.why for r in story.rejects if covered(r, line, key_of) >= 2})
        score.rejects.update(hits)
        found.update(matched)
        conflict_matches = [i for i in matched if story.differences[i].kind == "conflict"]
        if is_conflict:
            found_conflicts.update(conflict_matches)
            score.conflicts_right += bool(conflict_matches)
        if matched:
            score.shown_right += 1
            kinds = {DIFFERENCE_KINDS[story.differences[i].kind] for i in matched}
            score.kind_right += line.kind in kinds
            if line.kind not in kinds:
                score.notes.append(f"{story.name}: kind of {_line_text(line)}")
            continue
        verdict = f"rejected ({', '.join(hits)})" if hits else "unlabelled"
        score.unlabelled += not hits
        score.notes.append(f"{story.name}: false line, {verdict}: {_line_text(line)}")
    score.differences_found = len(found)
    score.conflicts_found = len(found_conflicts)
    for i, item in enumerate(story.differences):
        if i not in found:
            values = " vs ".join(f.text for f in item.figures)
            score.notes.append(f"{story.name}: missed {item.kind} {item.what!r}: {values}")
    lines = [*diff.numbers, *diff.agreed_numbers]
    for item in story.agreements:
        cited = {a for f in item.figures for a in f.articles}
        cross = len({story.articles[a] for a in cited}) > 1
        score.agreements += 1
        score.cross_agreements += cross
        best = max(
            (agreement_articles(item, line, key_of) for line in lines), key=len, default=set()
        )
        if len(best) >= 2:
            score.agreements_found += 1
            score.cross_agreements_found += cross and len({story.articles[a] for a in best}) > 1
    return score


# ---- the real labelled set: running the engine and the report ----


def read_pairs_dev(folder: Path) -> dict[str, dict[str, str]]:
    """pairs-dev's ``articles.jsonl`` by id."""
    with (folder / "articles.jsonl").open(encoding="utf-8") as lines:
        return {str(r["id"]): r for r in map(json.loads, lines)}


def outlet_of(url: str | None, fallback: str) -> str:
    """The outlet of a pairs-dev record: its URL's host without ``www.``."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else fallback


# ECB+ (Cybulska and Vossen 2014) ships its articles tokenised: punctuation inside numbers is
# set apart ("230, 000", "6. 1 magnitude", "1: 30 a. m.", "14 / 09 / 2013", "a 31 - year -
# old"). No outlet writes so, and a reader of numbers takes "230, 000" for two of them. The
# ECB+ stories are read with those tokens joined back, in the articles and in the labels that
# quote them alike; anything else (a dash between words, quotes) is left as the corpus has it.
_JOINS = (
    (re.compile(r"(?<=\d), (?=\d{3}(?!\d))"), ","),
    (re.compile(r"(?<=\d)\. (?=\d)"), "."),
    (re.compile(r"(?<=\d): (?=\d\d)"), ":"),
    (re.compile(r"(?<=\d) / (?=\d)"), "/"),
    (re.compile(r"(?<=\d) - (?=\w)"), "-"),
    (re.compile(r"\b(years?|months?|weeks?|days?) - old\b"), r"\1-old"),
    (re.compile(r"\b([ap])\. m\.", re.IGNORECASE), r"\1.m."),
)


def published_text(tokenised: str) -> str:
    """``tokenised`` with the tokens of its numbers, times and ages joined back."""
    text = tokenised
    for pattern, joined in _JOINS:
        text = pattern.sub(joined, text)
    return text


def read_ecbplus(path: Path) -> dict[str, dict[str, str]]:
    """ECB+ dev's records (``ecbplus-dev.jsonl``) by article id, their tokenised numbers
    joined back (``ecbplus_text``)."""
    with path.open(encoding="utf-8") as lines:
        records = {str(r["id"]): r for r in map(json.loads, lines)}
    for record in records.values():
        for name in ("title", "text"):
            if record.get(name):
                record[name] = published_text(record[name])
    return records


def ecbplus_outlet(key: str) -> str:
    """ECB+ names no outlet; each of its articles is from a different source, so its id is."""
    return f"ecb+ {key}"


def pairs_dev_views(
    story: RealStory, records: dict[str, dict[str, str]], extract: Extractor
) -> tuple[list[ArticleView], dict[int, str], list[str]]:
    """The story's articles cleaned and read as ingest does, with the record's language."""
    return record_views(story, records, extract, "pairs-dev", lambda key, url: outlet_of(url, key))


def ecbplus_views(
    story: RealStory, records: dict[str, dict[str, str]], extract: Extractor
) -> tuple[list[ArticleView], dict[int, str], list[str]]:
    """An ECB+ story's articles, read like pairs-dev's, each with its id as its outlet."""
    return record_views(story, records, extract, "ECB+", lambda key, _: ecbplus_outlet(key))


def record_views(
    story: RealStory,
    records: dict[str, dict[str, str]],
    extract: Extractor,
    corpus: str,
    outlet_for: Callable[[str, str | None], str],
) -> tuple[list[ArticleView], dict[int, str], list[str]]:
    """The story's articles from ``records`` (by id), cleaned and read as ingest does, with
    the label's language; ``outlet_for(key, url)`` names each one's outlet."""
    views: list[ArticleView] = []
    key_of: dict[int, str] = {}
    problems: list[str] = []
    for number, (key, language) in enumerate(story.articles.items()):
        record = records.get(key)
        if record is None:
            problems.append(f"{story.name}: {key} is not in {corpus}")
            continue
        url = record.get("url") or None
        outlet = outlet_for(key, url)
        raw = RawArticle(
            text=record["text"],
            title=record.get("title") or None,
            url=url,
            outlet=outlet,
            origin=key,
            declared=True,
        )
        article = clean_article(raw)
        if not isinstance(article, Article):
            problems.append(f"{story.name}: {key} rejected: {article.reason}")
            continue
        article = replace(article, language=language)
        views.append(
            ArticleView(number, outlet, url, None, article.body, extract(article), language)
        )
        key_of[number] = key
    return views, key_of, problems


def seed_story_views(seeds: Path, extract: Extractor) -> tuple[list[ArticleView], dict[int, str]]:
    """The seed articles as the seeds report reads them; keys are the file-name prefixes."""
    views = load_views(seeds, extract)
    return views, {v.article_id: f"{v.article_id:03d}" for v in views}


def run_real_set(
    stories: Sequence[RealStory],
    records: dict[str, dict[str, str]],
    seeds: Path,
    extract: Extractor,
    ecbplus: dict[str, dict[str, str]] | None = None,
) -> tuple[list[tuple[RealStory, RealScore]], list[str]]:
    """Every labelled story through clean, extract, resolve_people and diff_story, scored.
    ECB+ stories need ``ecbplus`` (its records by id); without it they are left out."""
    scored: list[tuple[RealStory, RealScore]] = []
    problems: list[str] = []
    for story in stories:
        start = time.perf_counter()
        if story.source == "seeds":
            views, key_of = seed_story_views(seeds, extract)
        elif story.source == "ecbplus":
            if ecbplus is None:
                continue
            views, key_of, missing = ecbplus_views(story, ecbplus, extract)
            problems += missing
        else:
            views, key_of, missing = pairs_dev_views(story, records, extract)
            problems += missing
        diff = diff_story(views, resolve_people(views))
        score = score_real_story(story, diff, key_of, len(views))
        score.seconds = time.perf_counter() - start
        scored.append((story, score))
    return scored, problems


def _story_table(title: str, scored: Sequence[tuple[RealStory, RealScore]]) -> Table:
    table = Table(title=title)
    columns = (
        "story",
        "lang",
        "arts",
        "shown",
        "right",
        "conflict",
        "right",
        "diffs found",
        "conflicts found",
        "rejects hit",
        "unlabelled",
        "agreements",
        "ms",
    )
    for column in columns:
        table.add_column(column, justify="left" if column in ("story", "lang") else "right")
    for story, s in scored:
        table.add_row(
            story.name,
            "-".join(sorted(set(story.articles.values()))),
            str(s.articles),
            str(s.shown),
            str(s.shown_right),
            str(s.conflicts),
            str(s.conflicts_right),
            f"{s.differences_found}/{s.differences}",
            f"{s.conflicts_found}/{s.labelled_conflicts}",
            str(sum(s.rejects.values())),
            str(s.unlabelled),
            f"{s.agreements_found}/{s.agreements}",
            f"{s.seconds * 1000:.0f}",
        )
    return table


def _total(scored: Sequence[tuple[RealStory, RealScore]]) -> RealScore:
    total = RealScore()
    for _, score in scored:
        total.add(score)
    return total


def print_real_report(
    console: Console, scored: Sequence[tuple[RealStory, RealScore]], problems: Sequence[str]
) -> None:
    real = [(s, r) for s, r in scored if s.source == "pairs-dev"]
    ecbplus = [(s, r) for s, r in scored if s.source == "ecbplus"]
    seeds = [(s, r) for s, r in scored if s.source == "seeds"]
    console = Console(width=max(console.width, 170))
    console.print(_story_table("real labelled set (bench/facts_real): /diff Numbers lines", real))
    if ecbplus:
        console.print(_story_table("ECB+ stories of the labelled set", ecbplus))
    console.print(_story_table("seed story in the same format", seeds))
    summary = Table(title="/diff Numbers and Conflict lines against the labels")
    for column in (
        "set",
        "stories",
        "Numbers P",
        "Numbers R",
        "Conflict P",
        "Conflict R",
        "kind right",
        "agreements",
        "cross-language",
        "rejects hit",
        "unlabelled",
    ):
        summary.add_column(column)
    rows = [("real set", real)]
    if ecbplus:
        rows += [("ECB+ set", ecbplus), ("all real", [*real, *ecbplus])]
    for name, part in [*rows, ("seeds", seeds)]:
        t = _total(part)
        summary.add_row(
            name,
            str(t.stories),
            ratio(t.shown_right, t.shown),
            ratio(t.differences_found, t.differences),
            ratio(t.conflicts_right, t.conflicts),
            ratio(t.conflicts_found, t.labelled_conflicts),
            ratio(t.kind_right, t.shown_right),
            ratio(t.agreements_found, t.agreements),
            ratio(t.cross_agreements_found, t.cross_agreements),
            ", ".join(f"{why} {n}" for why, n in sorted(t.rejects.items())) or "0",
            str(t.unlabelled),
        )
    console.print(summary)
    total = _total(scored)
    slowest = max((r.seconds for _, r in scored), default=0.0)
    console.print(
        f"real set timing: {total.stories} stories, {total.articles} articles in "
        f"{total.seconds:.2f} s (clean, extract, resolve_people, diff_story; slowest story "
        f"{slowest * 1000:.0f} ms)",
        highlight=False,
    )
    for problem in problems:
        console.print(f"[red]data:[/red] {problem}", highlight=False)
    for note in total.notes:
        console.print(f"real: {note}", highlight=False, markup=False)


def _speed(views: Sequence[ArticleView], size: int = 100) -> str:
    """Timings on a story of ``size`` articles made from the seeds (each one a new outlet)."""
    if not views:
        return "no articles"
    big = [
        ArticleView(
            i,
            f"outlet {i}",
            None,
            None,
            f"{views[i % len(views)].body}\n\nUpdate {i}.",
            views[i % len(views)].facts,
        )
        for i in range(size)
    ]
    cold = _timed(lambda: summarize(big))
    warm = min(_timed(lambda: summarize(big)) for _ in range(5))
    people = min(_timed(lambda: resolve_people(big)) for _ in range(3))
    found = resolve_people(big)
    diff = min(_timed(lambda: diff_story(big, found)) for _ in range(3))
    return (
        f"{size} articles: summarize {cold:.1f} ms cold, {warm:.1f} ms warm; "
        f"resolve_people {people:.1f} ms; diff_story {diff:.1f} ms"
    )


def _extraction_speed(seeds: Path, extract: Extractor) -> str:
    """Fact finding on the seed articles, warm: milliseconds per 2,000 characters of body."""
    articles = [
        article
        for path in sorted(seeds.glob("*.txt"))
        if isinstance(
            article := clean_article(
                RawArticle(text=path.read_text(), title=path.read_text().splitlines()[0])
            ),
            Article,
        )
    ]
    for article in articles:
        extract(article)
    characters = sum(len(article.body) for article in articles)
    elapsed = min(_timed(lambda: [extract(a) for a in articles]) for _ in range(3))
    return f"fact finding: {elapsed / max(1, characters) * 2000:.2f} ms per 2,000 characters"


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=ROOT / "seeds")
    parser.add_argument("gold", nargs="?", type=Path, help="default: SEEDS/gold.toml")
    parser.add_argument(
        "--real", type=Path, metavar="PAIRS_DEV", help="also score the real labelled set"
    )
    parser.add_argument(
        "--ecbplus",
        type=Path,
        metavar="FILE",
        help="ecbplus-dev.jsonl: also score the labelled stories from ECB+",
    )
    parser.add_argument("--labels", type=Path, default=REAL_LABELS, help="the labelled set")
    args = parser.parse_args(argv[1:])
    seeds: Path = args.seeds
    gold = tomllib.loads((args.gold or seeds / "gold.toml").read_text())
    extract, source = _extractor()
    views = load_views(seeds, extract)
    start = time.perf_counter()
    people = resolve_people(views)
    diff = diff_story(views, people)
    lines = summarize(views)
    elapsed = (time.perf_counter() - start) * 1000

    sections = [
        *score_names(gold, people, diff),
        score_numbers(gold, diff),
        score_quotes(gold, diff),
        score_unique(gold, diff, views),
    ]
    trap_count, trap_notes = count_traps(gold, views, people, diff)
    console = Console(width=120)
    table = Table(title=f"facts quality on {seeds} (facts from {source})")
    for column in ("section", "recall", "found/total", "precision", "correct/reported"):
        table.add_column(column)
    for s in sections:
        table.add_row(
            s.name,
            f"{s.recall():.2f}",
            f"{s.found}/{s.total}",
            f"{s.precision():.2f}" if s.reported else "-",
            f"{s.correct}/{s.reported}" if s.reported else "-",
        )
    correct = sum(s.correct for s in sections)
    reported = sum(s.reported for s in sections)
    table.add_row(
        "all diff items", "", "", f"{correct / max(1, reported):.2f}", f"{correct}/{reported}"
    )
    table.add_row("traps hit", "", str(trap_count), "", "")
    console.print(table)
    console.print(
        f"resolve_people + diff_story + summarize: {elapsed:.1f} ms for {len(views)} articles"
    )
    console.print(_speed(views), highlight=False)
    console.print(_extraction_speed(seeds, extract), highlight=False)
    for s in sections:
        for note in s.notes:
            console.print(f"[dim]{s.name}:[/dim] {note}", highlight=False)
    for note in trap_notes:
        console.print(f"[red]trap:[/red] {note}", highlight=False)
    console.print("[bold]summary[/bold]")
    for line in lines:
        console.print(f"  ({line.support}) {line.text}", highlight=False)
    if args.real is None:
        return 0
    stories = load_real_stories(args.labels)
    ecbplus = read_ecbplus(args.ecbplus) if args.ecbplus else None
    skipped = sum(s.source == "ecbplus" for s in stories) if ecbplus is None else 0
    scored, problems = run_real_set(stories, read_pairs_dev(args.real), seeds, extract, ecbplus)
    print_real_report(console, scored, problems)
    if skipped:
        console.print(f"{skipped} ECB+ stories skipped: give --ecbplus FILE (ecbplus-dev.jsonl)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
