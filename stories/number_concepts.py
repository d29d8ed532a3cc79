"""What a figure counts, as a concept that reads alike in every language.

News counts a few things again and again: the dead, the injured, cases of a disease, people
arrested, freed, evacuated or missing. Outlets name them in other words ("killed 26 people",
"the death toll stood at 20", "20 Tote", "47 Menschen getötet", "ölüm sayısı 7 bin 500"), so
two figures of one count may share no word at all. A concept is found from the words of the
number's clause that name one of these things, the nearest to the number winning, never
across another number ("killed 26 people and wounded 57": 26 dead, 57 injured).

The cues are word beginnings per language (a stem, so that case forms and verb forms match);
a language without cues gives no concept, and its figures are compared as before, by words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from enum import StrEnum
from functools import cache

from stories.facts import NumberFact
from stories.number_roles import segment_of


class Concept(StrEnum):
    DEAD = "dead"
    INJURED = "injured"
    CASES = "cases"
    RECOVERED = "recovered"
    ARRESTED = "arrested"
    FREED = "freed"
    EVACUATED = "evacuated"
    MISSING = "missing"


_CUES: dict[str, dict[Concept, str]] = {
    "en": {
        Concept.DEAD: r"kill|dead\b|deaths?\b|died\b|dies\b|die\b|dying|fatalit|toll\b|lives\b",
        Concept.INJURED: r"injur|wound|hurt\b",
        Concept.CASES: r"cases?\b|infect|tested positive",
        Concept.RECOVERED: r"recover",
        Concept.ARRESTED: r"arrest|detain",
        Concept.FREED: r"freed\b|frees?\b|releas|pardon",
        Concept.EVACUATED: r"evacu",
        Concept.MISSING: r"missing\b",
    },
    "ru": {
        Concept.DEAD: r"погиб|умер|умир|убит|убил|убив|смерт|скончал|жертв",
        Concept.INJURED: r"ранен|ранил|пострада|травм",
        Concept.CASES: r"случа[яеий]|заражен|заразил|инфицир|заболе",
        Concept.RECOVERED: r"выздоров|вылечил|излечил",
        Concept.ARRESTED: r"задержан|задержал[иао]?\b|арест",
        Concept.FREED: r"освобо[дж]|помилов|выпущен|отпущен",
        Concept.EVACUATED: r"эвакуир",
        Concept.MISSING: r"пропа[лв]|без вести",
    },
    "uk": {
        Concept.DEAD: r"загин|загибл|помер|помир|вбит|вбив|убит|смерт|жертв",
        Concept.INJURED: r"поранен|поранил|постражд|травм",
        Concept.CASES: r"випад[ок]|інфікова|захвор|заражен",
        Concept.RECOVERED: r"одуж",
        Concept.ARRESTED: r"затрима|арешт|заарешт",
        Concept.FREED: r"звільн|помилува",
        Concept.EVACUATED: r"евакуйов|евакуац",
        Concept.MISSING: r"зник|безвісти",
    },
    "be": {
        Concept.DEAD: r"загін|загібл|памер|забіт|смерц|ахвяр",
        Concept.INJURED: r"паранен|пацярпе|траўм",
        Concept.CASES: r"выпад[ак]|інфіцыр|захвар",
        Concept.ARRESTED: r"затрыма|арышт",
        Concept.FREED: r"вызвал|памілава",
    },
    "de": {
        Concept.DEAD: r"tote[nr]?\b|tot\b|getötet|töte|todesopfer|todesfäll|gestorben|starb"
        r"|verstorb|ums leben",
        Concept.INJURED: r"verletzt|verwundet",
        Concept.CASES: r"fälle\b|fällen\b|infiziert|infektion|neuinfektion|ansteckung",
        Concept.RECOVERED: r"genesen|geheilt",
        Concept.ARRESTED: r"festgenommen|festnahme|verhaftet|inhaftiert",
        Concept.FREED: r"freigelassen|freilassung|freigekommen|begnadigt",
        Concept.EVACUATED: r"evakuiert|evakuierung",
        Concept.MISSING: r"vermisst",
    },
    "pl": {
        Concept.DEAD: r"zgin|zmar|zabit|zabił|śmier|ofiar|nie żyj",
        Concept.INJURED: r"rann|poszkodowan",
        Concept.CASES: r"przypadk|zakażen|zakażon|zachorowa",
        Concept.RECOVERED: r"wyzdrow|ozdrowie",
        Concept.ARRESTED: r"zatrzyma|aresztowa",
        Concept.FREED: r"uwoln|ułaskaw|zwolnion",
        Concept.EVACUATED: r"ewakuow",
        Concept.MISSING: r"zaginion",
    },
    "lt": {
        Concept.DEAD: r"žuv|mirė|mirusi|mirt|nužud|aukų|aukos",
        Concept.INJURED: r"sužeist|sužalot",
        Concept.CASES: r"atvej|užsikrėt",
        Concept.ARRESTED: r"sulaikyt|suimt",
        Concept.FREED: r"paleist|paleid|išlaisvin|pasigailė",
    },
    "fr": {
        Concept.DEAD: r"morts?\b|tués?\b|tuées?\b|décès|décéd|victimes? mortelles",
        Concept.INJURED: r"bless",
        Concept.CASES: r"cas\b|infect|contamin",
        Concept.RECOVERED: r"guéri",
        Concept.ARRESTED: r"interpell|arrêté|arrestation|garde à vue",
        Concept.FREED: r"libéré|libération|gracié",
        Concept.EVACUATED: r"évacu",
        Concept.MISSING: r"disparu",
    },
    "es": {
        Concept.DEAD: r"muert|muri|fallec|asesinad|mató|víctimas mortales",
        Concept.INJURED: r"herid|lesionad",
        Concept.CASES: r"casos?\b|contagi|infectad|positivos",
        Concept.RECOVERED: r"recuperad|curad",
        Concept.ARRESTED: r"detenid|arrestad|capturad",
        Concept.FREED: r"liberad|liberó|liberación|indultad",
        Concept.EVACUATED: r"evacuad",
        Concept.MISSING: r"desaparecid",
    },
    "it": {
        Concept.DEAD: r"mort[io]\b|uccis|decess|vittime",
        Concept.INJURED: r"ferit",
        Concept.CASES: r"casi\b|caso\b|contagi|positiv",
        Concept.RECOVERED: r"guarit",
        Concept.ARRESTED: r"arrestat|fermat",
        Concept.FREED: r"liberat|rilasciat|graziat",
        Concept.EVACUATED: r"evacuat|sfollat",
        Concept.MISSING: r"dispers",
    },
    "pt": {
        Concept.DEAD: r"mort[oa]s?\b|morre|morreu|falec|óbitos?",
        Concept.INJURED: r"ferid",
        Concept.CASES: r"casos?\b|infectad|contagi",
        Concept.RECOVERED: r"recuperad|curad",
        Concept.ARRESTED: r"pres[oa]s\b|detid",
        Concept.FREED: r"libertad|liberad|soltos",
        Concept.EVACUATED: r"evacuad",
        Concept.MISSING: r"desaparecid",
    },
    "tr": {
        Concept.DEAD: r"ölü\w*|ölüm\w*|öldü\w*|hayatını kaybet|can kayb",
        Concept.INJURED: r"yaralı|yaralan",
        Concept.CASES: r"vaka|enfekte",
        Concept.RECOVERED: r"iyileş",
        Concept.ARRESTED: r"gözaltı|tutukla",
        Concept.FREED: r"serbest bırak|tahliye edil",
        Concept.EVACUATED: r"tahliye",
        Concept.MISSING: r"kayıp",
    },
    "el": {
        Concept.DEAD: r"νεκρ|σκοτώ|θάνατ|πέθαν|θύματα",
        Concept.INJURED: r"τραυματ",
        Concept.CASES: r"κρούσμ",
        Concept.ARRESTED: r"συνελήφθ|σύλληψ",
        Concept.FREED: r"απελευθερ|αποφυλακ",
    },
    "ar": {
        Concept.DEAD: r"قتل|قتيل|مقتل|وفا[ةي]|وفيات|توفي|مصرع|ضحايا",
        Concept.INJURED: r"جرح|جريح|جرحى",
        Concept.CASES: r"إصاب|حالات|حالة",
        Concept.RECOVERED: r"تعاف|شفاء",
        Concept.ARRESTED: r"اعتقال|معتقل|احتجاز|القبض",
        Concept.FREED: r"أفرج|الإفراج|إطلاق سراح",
    },
}
"""Word beginnings that name a counted concept, per language (lower case). A cue matches at
the start of a word, except in Arabic, where the article and conjunctions are written onto the
word ("والقتلى")."""

_CONJUNCTIONS = frozenset(
    "and or but und oder aber и или а но і та або й i oraz lub ir ar et ou y o e ve ya και "
    "أو و".split()
)
_COUNT_WORDS = frozenset(
    "number numbers toll tally total count figure число количество числа количества кількість "
    "число колькасць zahl anzahl liczba liczby skaičius nombre bilan número cifra numero "
    "número sayısı sayisi sayı عدد αριθμός".split()
)
"""Words that put the concept before them on the number after: "death toll stood at 20",
"число погибших достигло", "ölüm sayısı 7 bin 500". They cost nothing between a cue before
the number and the number."""
_CONJUNCTION_COST = 2
"""A conjunction between a cue and a number makes the cue that much further: "killed 26
people and wounded 57" puts "wounded" with 57."""
MAX_DISTANCE = 6
"""A cue more than this many words from the number does not say what it counts."""
_WORD = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"\s")


@cache
def _cue_pattern(language: str) -> re.Pattern[str] | None:
    cues = _CUES.get(language)
    if cues is None:
        return None
    prefix = r"[^\W\d_]*?" if language == "ar" else ""
    groups = "|".join(f"(?P<{concept.name}>{words})" for concept, words in cues.items())
    return re.compile(rf"(?<![^\W\d_]){prefix}(?:{groups})[^\W\d_]*", re.IGNORECASE)


def concept_of(
    sentence: str, start: int, end: int, language: str, numbers: Sequence[tuple[int, int]] = ()
) -> Concept | None:
    """The concept the number at ``sentence[start:end]`` counts, or None.

    ``numbers`` are the spans of the sentence's other numbers: a cue past one of them is
    that number's. The clause's cues are weighed by their distance in words (a conjunction
    between costs more); a tie goes to the cue after the number (its counted noun).
    """
    pattern = _cue_pattern(language[:2].lower())
    if pattern is None:
        return None
    segment = segment_of(sentence, start, end)
    best: tuple[int, int, Concept] | None = None
    for match in pattern.finditer(sentence, segment.start, segment.end):
        if match.start() < end and match.end() > start:
            continue
        after = match.start() >= end
        low, high = (end, match.start()) if after else (match.end(), start)
        if any(low <= s and e <= high for s, e in numbers):
            continue
        distance = _distance(sentence[low:high], after)
        if distance > MAX_DISTANCE:
            continue
        rank = (distance, 0 if after else 1)
        if best is None or rank < best[:2]:
            best = (*rank, Concept[match.lastgroup or ""])
    return None if best is None else best[2]


def _distance(between: str, after: bool) -> int:
    """Words between a number and a cue, suffixes written onto the number ("80 binden", "7
    bin 500'ü") not counted, a conjunction counted as ``_CONJUNCTION_COST``, a count word
    after the cue (``_COUNT_WORDS``) as nothing."""
    words = _WORD.findall(between)
    if after and words and between[:1] and not _SPACE.match(between[:1]):
        words = words[1:]
    return sum(_cost(w.lower(), after) for w in words)


def _cost(word: str, after: bool) -> int:
    if word in _CONJUNCTIONS:
        return _CONJUNCTION_COST
    return 0 if not after and word in _COUNT_WORDS else 1


def fact_concepts(body: str, facts: Sequence[NumberFact], language: str) -> list[Concept | None]:
    """``concept_of`` each of an article's number facts (spans into ``body``), each read in
    its sentence among the sentence's other numbers."""
    by_sentence: dict[str, list[NumberFact]] = defaultdict(list)
    for fact in facts:
        by_sentence[fact.span.sentence].append(fact)
    found: dict[int, Concept | None] = {}
    for sentence, numbers in by_sentence.items():
        offset = body.find(sentence)
        spans = [
            (f.span.start - offset, f.span.end - offset)
            if offset >= 0
            else (sentence.find(f.text), sentence.find(f.text) + len(f.text))
            for f in numbers
        ]
        for fact, (start, end) in zip(numbers, spans, strict=True):
            others = [s for s in spans if s != (start, end)]
            found[id(fact)] = concept_of(sentence, start, end, language, others)
    return [found[id(fact)] for fact in facts]
