"""What a figure counts, as a concept that reads alike in every language.

News counts a few things again and again: the dead, the injured, cases of a disease, people
arrested, freed, evacuated, sent somewhere or missing. Outlets name them in other words
("killed 26 people", "the death toll stood at 20", "20 Tote", "47 Menschen getötet", "ölüm
sayısı 7 bin 500"), so two figures of one count may share no word at all. A concept is found
from the words of the number's clause that name one of these things, the nearest to the
number winning, never across another number ("killed 26 people and wounded 57": 26 dead, 57
injured).

The cues are word beginnings per language (a stem, so that case forms and verb forms match);
a language without cues gives no concept, and its figures are compared as before, by words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from stories.ages import Age, age_of
from stories.currencies import MONEY
from stories.facts import NumberFact
from stories.measured_things import length_of
from stories.number_qualifiers import only_qualifier
from stories.number_roles import Segment, is_measure, is_time_unit, opens_aside, segment_of
from stories.number_words import after_case_ending
from stories.places import country_code


class Concept(StrEnum):
    DEAD = "dead"
    INJURED = "injured"
    CASES = "cases"
    RECOVERED = "recovered"
    ARRESTED = "arrested"
    FREED = "freed"
    EVACUATED = "evacuated"
    TRANSFERRED = "transferred"
    """Taken, sent or deported somewhere: its country tells one group from another."""
    HELD = "held"
    """Still held: political prisoners, people behind bars. Any other cue in reach wins
    ("123 political prisoners were freed" counts the freed)."""
    MISSING = "missing"


_CUES: dict[str, dict[Concept, str]] = {
    "en": {
        Concept.DEAD: r"kill|dead\b|deaths?\b|died\b|dies\b|die\b|dying|fatalit|toll\b|lives\b"
        r"|(?<=no )casualties",
        Concept.INJURED: r"injur|wound|hurt\b",
        Concept.CASES: r"cases\b|infect|tested positive",
        Concept.RECOVERED: r"recovered|recoveries",
        Concept.ARRESTED: r"arrest|detained\b|detaining",
        Concept.FREED: r"freed\b|frees?\b|releas|pardon",
        Concept.EVACUATED: r"evacu",
        Concept.MISSING: r"missing\b",
        Concept.TRANSFERRED: r"taken to|sent to|transferred|deported|expelled"
        r"|went to|left (?:\w+ )?for|flown to|handed over|moved to|bused to",
        Concept.HELD: r"political prisoners?|detainees|behind bars|still (?:held|jailed|imprisoned)"
        r"|remain(?:s|ing)? (?:in )?(?:jail|prison|custody|detention)",
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
        Concept.TRANSFERRED: r"вывез|вывоз|отправл|отправи|передан|передал"
        r"|депортир|выслан|выслал|перевез|доставл|выехал|уехал",
        Concept.HELD: r"политзаключ|политических заключ|за решётк|за решетк|в заключении"
        r"|в местах лишения",
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
        Concept.TRANSFERRED: r"вивез|доправ|відправ|передан|передал|депорт|вислан|перевез|виїхал",
        Concept.HELD: r"політв.язн|політичних в.язн|за ґратами|за гратами|ув.язнен",
    },
    "be": {
        Concept.DEAD: r"загін|загібл|памер|забіт|смерц|ахвяр",
        Concept.INJURED: r"паранен|пацярпе|траўм",
        Concept.CASES: r"выпад[ак]|інфіцыр|захвар",
        Concept.ARRESTED: r"затрыма|арышт",
        Concept.FREED: r"вызвал|памілава",
        Concept.TRANSFERRED: r"вывез|адпраўл|перададзен|дэпартав|выслан|перавез|выехал",
        Concept.HELD: r"палітвязн|палітычных вязн|за кратамі",
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
        Concept.TRANSFERRED: r"gebracht|geschickt|abgeschoben"
        r"|ausgewiesen|überstellt|ausgeflogen|ausgereist",
        Concept.HELD: r"politische[nr]? gefangen|hinter gittern|in haft",
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
        Concept.TRANSFERRED: r"trafi|wywiez|przekaza|deportowa|wydalon|odesłan|przewiezion|wyjecha",
        Concept.HELD: r"więźni\w* polityczn|za kratami|w więzieni",
    },
    "lt": {
        Concept.DEAD: r"žuv|mirė|mirusi|mirt|nužud|aukų|aukos",
        Concept.INJURED: r"sužeist|sužalot",
        Concept.CASES: r"atvej|užsikrėt",
        Concept.ARRESTED: r"sulaikyt|suimt",
        Concept.FREED: r"paleist|paleid|išlaisvin|pasigailė",
        Concept.TRANSFERRED: r"išvež|išvyk|perduot|deportuot|išsiųst|atvyk|nuvež|pervež",
        Concept.HELD: r"politini\w* kalin|už grotų",
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
        Concept.TRANSFERRED: r"transféré|expulsé|envoyé|emmené",
        Concept.HELD: r"prisonniers politiques|derrière les barreaux|détenus politiques",
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
        Concept.TRANSFERRED: r"trasladad|enviad|deportad|expulsad|llevad",
        Concept.HELD: r"presos políticos|tras las rejas|entre rejas",
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
        Concept.TRANSFERRED: r"trasferit|espuls|inviat",
        Concept.HELD: r"prigionieri politici|detenuti politici|dietro le sbarre",
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
        Concept.TRANSFERRED: r"transferid|enviad|deportad|expuls|levad",
        Concept.HELD: r"presos políticos|atrás das grades",
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
        Concept.TRANSFERRED: r"gönderil|sınır dışı|nakledil|götürül",
        Concept.HELD: r"siyasi tutuklu|siyasi mahkum|parmaklıklar ardında",
    },
    "el": {
        Concept.DEAD: r"νεκρ|σκοτώ|θάνατ|πέθαν|θύματα",
        Concept.INJURED: r"τραυματ",
        Concept.CASES: r"κρούσμ",
        Concept.ARRESTED: r"συνελήφθ|σύλληψ",
        Concept.FREED: r"απελευθερ|αποφυλακ",
        Concept.TRANSFERRED: r"μεταφέρθ|στάλθ|απελάθ|εστάλ",
        Concept.HELD: r"πολιτικ\w* κρατουμέν",
    },
    "ar": {
        Concept.DEAD: r"قتل|قتيل|مقتل|وفا[ةي]|وفيات|توفي|مصرع|ضحايا",
        Concept.INJURED: r"جرح|جريح|جرحى",
        Concept.CASES: r"إصاب|حالات|حالة",
        Concept.RECOVERED: r"تعاف|شفاء",
        Concept.ARRESTED: r"اعتقال|معتقل|احتجاز|القبض",
        Concept.FREED: r"أفرج|الإفراج|إطلاق سراح",
        Concept.TRANSFERRED: r"نقل|ترحيل|أرسل|رحل",
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
    "колькасць zahl anzahl liczba liczby skaičius nombre bilan número cifra numero sayısı "
    "sayisi sayı عدد αριθμός".split()
)
"""Words that put the concept before them on the number after: "death toll stood at 20",
"число погибших достигло", "ölüm sayısı 7 bin 500". They cost nothing between a cue before
the number and the number."""
_CONJUNCTION_COST = 2
"""A conjunction between a cue and a number makes the cue that much further: "killed 26
people and wounded 57" puts "wounded" with 57."""
MAX_DISTANCE = 6
"""A cue more than this many words from the number does not say what it counts."""
REACH = 160
"""Cues and countries are looked for this many characters either side of a number at most:
six words and a cue, even in German (a clause may be a whole paragraph without punctuation)."""
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


def is_cue(word: str, language: str) -> bool:
    """Whether ``word`` names a concept itself ("released", "Toten")."""
    pattern = _cue_pattern(language[:2].lower())
    found = pattern.match(word) if pattern is not None else None
    return found is not None and found.end() == len(word)


def concept_of(
    sentence: str, start: int, end: int, language: str, numbers: Sequence[tuple[int, int]] = ()
) -> Concept | None:
    """The concept the number at ``sentence[start:end]`` counts, or None.

    ``numbers`` are the spans of the sentence's other numbers: a cue past one of them, or
    right before one (a qualifier between at most), is that number's ("two earthquakes
    flattened buildings and killed at least one person": the earthquakes killed). The
    clause's cues are weighed by their distance in words (a conjunction between costs more);
    a tie goes to the cue after the number (its counted noun). Being sent somewhere wins over
    any other cue: "114 freed were taken to Ukraine" counts a group of the freed by where it
    went; still being held loses to any. A number joined to a word ("60-летний") and one
    after "in" with its cue before ("в 85 регионах") count none, nor does a cue after the
    number in a time phrase ("on the eve of the releases").
    """
    return _concept_in(
        sentence, start, end, _clause(sentence, start, end, language), language, numbers
    )


def _concept_in(
    sentence: str,
    start: int,
    end: int,
    segment: Segment,
    language: str,
    numbers: Sequence[tuple[int, int]],
) -> Concept | None:
    """``concept_of`` within the number's clause, ``segment``."""
    code = language[:2].lower()
    pattern = _cue_pattern(code)
    end = after_case_ending(sentence, end, code)
    if pattern is None or _ATTRIBUTE.match(sentence, end) is not None:
        return None
    before = sentence[segment.start : start].split()
    placed = bool(before) and before[-1].lower() in _IN.get(code, ())
    best: tuple[tuple[int, int, int], Concept] | None = None
    window = max(segment.start, start - REACH), min(segment.end, end + REACH)
    for match in pattern.finditer(sentence, *window):
        if match.start() < end and match.end() > start:
            continue
        after = match.start() >= end
        if placed and not after:
            continue  # "выявлены в 85 регионах": a cue before counts no places
        low, high = (end, match.start()) if after else (match.end(), start)
        if any(low <= s and e <= high for s, e in numbers):
            continue
        if after and any(
            s >= match.end() and only_qualifier(sentence[match.end() : s], code) for s, _ in numbers
        ):
            continue
        distance = _distance(sentence[low:high], after)
        if distance > MAX_DISTANCE:
            continue
        dated = _TEMPORAL.get(code)
        if after and dated is not None and dated.search(sentence, low, match.start()):
            continue  # "1,227 on the eve of Saturday's releases": a time, not what is counted
        concept = Concept[match.lastgroup or ""]
        if concept is Concept.DEAD and _in_penalty(sentence, match.start(), match.end(), code):
            continue  # "three jurors who spared him the death penalty" count no dead
        rank = (_PRIORITY.get(concept, 1), distance, 0 if after else 1)
        if best is None or rank < best[0]:
            best = rank, concept
    return None if best is None else best[1]


_ATTRIBUTE = re.compile(r"-[^\W\d_]")
"""A word joined to the number ("60-летний", "46-Jährige", "34-latek", "48-year-old"): an
age or a size, no count."""
_IN: dict[str, frozenset[str]] = {
    "en": frozenset(("in",)),
    "ru": frozenset(("в", "во")),
    "uk": frozenset(("в", "у")),
    "be": frozenset(("у", "ў")),
    "pl": frozenset(("w", "we")),
    "de": frozenset(("in", "im")),
    "fr": frozenset(("dans", "en")),
    "es": frozenset(("en",)),
    "it": frozenset(("in",)),
    "pt": frozenset(("em",)),
}
"""A preposition of place just before a number: it counts places ("in 85 regions"), not what
a cue before it names."""
_PRIORITY = {Concept.TRANSFERRED: 0, Concept.HELD: 2}
"""Where a group went wins over any other cue, still being held loses to any."""
_PENALTY_WORDS = {
    "en": r"death (?:penalty|penalties|sentences?|row|verdict)"
    r"|(?:sentenced?|put|condemned?)(?: [^\W\d_]+)? to death"
    r"|pro-death",
    "ru": r"смертн\w* (?:казн|приговор)\w*|приговор\w* к смерти|к смертной",
    "uk": r"смертн\w* (?:кар|вирок)\w*|до смертної",
    "be": r"смяротн\w* (?:кар|прысуд)\w*",
    "pl": r"kar\w* śmierci|wyrok\w* śmierci|skazan\w* na śmierć",
    "lt": r"mirties bausm\w*|nuteist\w* mirti",
    "fr": r"peines? de mort|condamnée?s? à mort",
    "es": r"penas? de muerte|condenad[oa]s? a muerte",
    "it": r"pena di morte|condannat[oaie] a morte",
    "pt": r"penas? de morte|condenad[oa]s? à morte",
}
_PENALTY = {
    code: re.compile(rf"(?<![^\W\d_])(?:{words})", re.IGNORECASE)
    for code, words in _PENALTY_WORDS.items()
}
"""A death penalty or sentence, in whose words a cue of the dead counts no one killed."""
_PENALTY_REACH = 30


def _in_penalty(sentence: str, start: int, end: int, language: str) -> bool:
    """Whether the cue at ``sentence[start:end]`` is part of a death penalty's words."""
    pattern = _PENALTY.get(language)
    if pattern is None:
        return False
    around = pattern.finditer(sentence, max(0, start - _PENALTY_REACH), end + _PENALTY_REACH)
    return any(m.start() <= start and end <= m.end() for m in around)


_TEMPORAL_WORDS = {
    "en": r"eve of|before|after|since|ahead of|following|prior to|until",
    "ru": r"накануне|после|перед|с момента",
    "uk": r"напередодні|після|перед|з моменту",
    "be": r"напярэдадні|пасля|перад",
    "de": r"vor|nach|seit|vorabend",
    "pl": r"przed|w przededniu|od czasu",
    "lt": r"prieš|išvakarėse",
    "fr": r"avant|après|depuis|veille",
    "es": r"antes de|después de|desde|víspera",
    "it": r"prima d[ie]l?\w*|dopo|vigilia",
    "pt": r"antes d[aoe]s?|depois d[aoe]s?|desde|véspera",
    "el": r"πριν|μετά",
}
_TEMPORAL = {
    code: re.compile(rf"(?<![^\W\d_])(?:{words})(?:\s+[^\W\d_]+['’]?s?)?\s+$", re.IGNORECASE)
    for code, words in _TEMPORAL_WORDS.items()
}
"""A time phrase just before a cue after the number ("on the eve of Saturday's releases",
"накануне освобождения"): the cue dates the figure, it does not say what it counts."""
_DASH_VERB = re.compile(r"\s*[-–—]\s")
"""A dash standing for a verb right after a number: "345 059 - скончались"."""


def _clause(sentence: str, start: int, end: int, language: str) -> Segment:
    """The number's clause (``segment_of``), carried over a dash that follows the number and
    over an aside naming members of its group, and cut where a sentence ends without a space
    ("342 тысяч человек.Актуальные данные")."""
    segment = segment_of(sentence, start, end)
    dash = _DASH_VERB.match(sentence, end)
    if segment.end < len(sentence) and dash is not None:
        segment = Segment(segment.start, segment_of(sentence, dash.end(), dash.end()).end)
    aside = _COMMA.match(sentence, segment.end)
    if aside is not None and opens_aside(sentence, aside.end(), language):
        # "the remaining nine, including Bialiatski, were sent to Lithuania"
        closing = segment_of(sentence, aside.end(), aside.end()).end
        after = _COMMA.match(sentence, closing)
        if after is not None:
            segment = Segment(segment.start, segment_of(sentence, after.end(), after.end()).end)
    glued = [m.end() for m in _GLUED_END.finditer(sentence, segment.start, start)]
    after = _GLUED_END.search(sentence, end, segment.end)
    return Segment(glued[-1] if glued else segment.start, after.start() if after else segment.end)


_COMMA = re.compile(r",\s+")
_GLUED_END = re.compile(r"(?<=[^\W\d_]{2})[.!?](?=[^\W\d_]{2})")


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


@dataclass(frozen=True, slots=True)
class Reading:
    """What a number's clause says of it beyond its words: the concept it counts, the
    countries the clause names (ISO codes: "to Ukraine", "в Литву", "İtalya'da") and the
    thing it is the length of ("the 8-minute video")."""

    concept: Concept | None
    countries: frozenset[str]
    """The countries of the number's own stretch of its clause (``_clause_countries``)."""
    length: str | None = None
    """The thing a duration is the length of, with its unit (``stories.measured_things``)."""
    age: Age | None = None
    """The age the number gives, if it gives one (``stories.ages``)."""
    magnitude: bool = False
    """Whether it is a quake's magnitude ("a 6.1 magnitude quake", "магнитудой 7,6")."""


def read_facts(body: str, facts: Sequence[NumberFact], language: str) -> list[Reading]:
    """The ``Reading`` of each of an article's number facts (spans into ``body``), each read
    in its sentence among the sentence's other numbers. Measures and sums of money count no
    concept."""
    by_sentence: dict[str, list[NumberFact]] = defaultdict(list)
    for fact in facts:
        by_sentence[fact.span.sentence].append(fact)
    found: dict[int, Reading] = {}
    for sentence, numbers in by_sentence.items():
        # The sentence holds its numbers: it starts at most its length before the first.
        near = min(f.span.start for f in numbers) - len(sentence)
        offset = body.find(sentence, max(0, near))
        spans = tuple(
            (f.span.start - offset, f.span.end - offset)
            if offset >= 0
            else (sentence.find(f.text), sentence.find(f.text) + len(f.text))
            for f in numbers
        )
        counted = tuple(f.counted for f in numbers)
        values = tuple(f.value for f in numbers)
        readings = _sentence_readings(sentence, spans, counted, values, language)
        found.update((id(f), r) for f, r in zip(numbers, readings, strict=True))
    return [found[id(fact)] for fact in facts]


@lru_cache(maxsize=16384)
def _sentence_readings(
    sentence: str,
    spans: tuple[tuple[int, int], ...],
    counted: tuple[str, ...],
    values: tuple[float, ...],
    language: str,
) -> tuple[Reading, ...]:
    """The readings of a sentence's numbers at ``spans``, counting ``counted``; cached, as
    /diff reads the same articles again."""
    readings: dict[tuple[int, int], Reading] = {}
    previous: tuple[str, Concept | None] | None = None
    for (start, end), what, value in sorted(zip(spans, counted, values, strict=True)):
        others = [s for s in spans if s != (start, end)]
        clause = _clause(sentence, start, end, language)
        concept = (
            None
            if _measures(what, value)
            else _concept_in(sentence, start, end, clause, language, others)
        )
        if concept is None and previous is not None and previous[0] == what:
            # "114 were sent to Ukraine and nine to Lithuania": the verb is not repeated.
            concept = previous[1]
        countries = _clause_countries(sentence, start, end, clause, others, language)
        length = length_of(sentence, start, end, language) if is_time_unit(what) else None
        age = age_of(sentence, start, end, language) if is_time_unit(what) else None
        magnitude = _magnitude(sentence, start, end, value)
        readings[(start, end)] = Reading(concept, countries, length, age, magnitude)
        previous = what, concept
    return tuple(readings[span] for span in spans)


def _magnitude(sentence: str, start: int, end: int, value: float) -> bool:
    """Whether the number of 1 to 10 at ``sentence[start:end]`` is a quake's magnitude, by a
    word of magnitude beside it."""
    if not 1 <= value <= 10:
        return False
    reach = _MAGNITUDE_REACH
    for word in _MAGNITUDE.finditer(sentence, max(0, start - reach), end + reach):
        between = (
            sentence[word.end() : start] if word.end() <= start else sentence[end : word.start()]
        )
        alone = not _DIGIT.search(between) or _COORDINATED.fullmatch(between) is not None
        if alone and len(between.split()) <= _MAGNITUDE_WORDS:
            return True
    return False


_MAGNITUDE = re.compile(
    r"(?i)magnitud|richter|магнитуд|магнітуд|stärke|magnitudo|büyüklüğünde|o sile|μεγέθους"
    r"|ρίχτερ"
)
_MAGNITUDE_REACH = 25
_MAGNITUDE_WORDS = 3
"""At most this many words, and no other number but one joined to it, stand between a
magnitude and its word: "magnitude of 7.6", "five on the Richter scale", "7.6 and 7.5
magnitude quakes"; "at magnitude 7.6, killing three people" makes no magnitude of the three."""
_DIGIT = re.compile(r"\d")
_COORDINATED = re.compile(
    rf"(?i)\s*(?:{'|'.join(map(re.escape, sorted(_CONJUNCTIONS)))})\s+[\d.,]+[\s-]*"
)
"""Another magnitude joined to the number by a conjunction: "7.6 and 7.5 magnitude quakes"."""


def _measures(counted: str, value: float) -> bool:
    """Whether a figure measures (a duration, an age, a share, a rate) or is a sum of money:
    "1,613 days behind bars", "42,4 процента заразившихся", "10,6 человек на 1000", "26
    veces" and "2 million rubles for the victims" count no people."""
    lower = counted.lower()
    shares = lower.startswith(_SHARES) or lower in _MULTIPLES
    return is_measure(counted) or shares or counted in MONEY or value != int(value)


_SHARES = ("percent", "процент", "відсот", "адсот", "prozent", "procent", "proc", "pour", "por")
"""Shares ("42,4 процента"), by the counted word's start."""
_MULTIPLES = frozenset("times раз раза разів mal razy fois veces volte vezes kat kez kere".split())
"""Multiples ("aumentó 26 veces"), by the whole counted word."""


def _clause_countries(
    sentence: str,
    start: int,
    end: int,
    segment: Segment,
    others: Sequence[tuple[int, int]],
    language: str,
) -> frozenset[str]:
    """The countries the number's clause (``segment``) names after it, up to the next number
    ("114 were taken to Ukraine"), else before it, back to the previous number ("in Italy,
    7,500")."""
    following = min((s for s, _ in others if s >= end), default=segment.end)
    after = _countries_in(sentence, end, min(following, segment.end, end + REACH), language)
    if after:
        return after
    preceding = max((e for _, e in others if e <= start), default=segment.start)
    return _countries_in(sentence, max(preceding, segment.start, start - REACH), start, language)


def countries_named(text: str, language: str) -> frozenset[str]:
    """The countries ``text`` names, as ISO codes."""
    return _countries_in(text, 0, len(text), language)


def _countries_in(sentence: str, start: int, end: int, language: str) -> frozenset[str]:
    """The countries named in ``sentence[start:end]``."""
    codes = set()
    for match in _CAPITALISED.finditer(sentence, start, end):
        code = _country(match.group(), language)
        if code is not None:
            codes.add(code)
    return frozenset(codes)


@lru_cache(maxsize=65536)
def _country(word: str, language: str) -> str | None:
    """``country_code`` of a capitalised word, a possessive or a suffix after an apostrophe
    left out ("Thailand's", "İtalya'da")."""
    return country_code(word, language) or country_code(_APOSTROPHE.split(word)[0], language)


_CAPITALISED = re.compile(r"(?<![^\W\d_])[^\W\d_a-zа-яё][^\W\d_]*(?:['’][^\W\d_]+)?")
_APOSTROPHE = re.compile(r"['’]")
