"""What places a number in its story: this event or background, a part of a whole, a holder.

Real articles mention earlier events' figures as background ("52 prisoners were freed in
September"), give parts of a figure next to it ("114 of them were taken to Ukraine") and
figures of different people in one story ("sentenced to 10 years"). Comparing such figures
with the event's own produces false conflicts, so each number carries:

- ``background``: the words that date it before the article's event, when its clause (or a
  short opening phrase of its sentence, "In September, ...") names an earlier month or year
  or says "previously", "last year", "ранее", "wcześniej"...;
- ``part``: whether it is written as a part of a group ("N of them", "among them N", "w tym
  N", "из них N", "darunter N", "dont N");
- ``holder``: for a duration or an age (years, months, days...), the person it belongs to:
  the person named nearest before it in its sentence, else after it in its clause, else, for a
  sentence that opens with a pronoun, the last person of the sentences before.

The word lists are data, per language; a language without a list is read with the dates and
years alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from stories.months import month_of

Now = tuple[int, int, int]
"""(year, month, day): the time an article reports from; month and day 0 when only the year
is known."""
_FIRST_DAYS = 7
"""Early in a month, the month before may still be the event's: "in November" on December 3."""

_BACKGROUND: dict[str, tuple[str, ...]] = {
    "en": (
        "previously",
        "last year",
        "last month",
        "in the past",
        "years ago",
        "months ago",
        "a year earlier",
        "a year ago",
        "earlier this year",
        "had already",
        "had previously",
        "prior to",
        "an earlier",
        "a previous",
        "last week",
        "a week ago",
        "weeks ago",
    ),
    "ru": (
        "ранее",
        "прежде",
        "в прошлом году",
        "в прошлом месяце",
        "на прошлой неделе",
        "год назад",
        "лет назад",
    ),
    "uk": (
        "раніше",
        "торік",
        "минулого року",
        "минулого місяця",
        "минулого тижня",
        "рік тому",
        "років тому",
    ),
    "be": ("раней", "летась", "мінулага года", "год таму"),
    "pl": (
        "wcześniej",
        "uprzednio",
        "w zeszłym roku",
        "w ubiegłym roku",
        "w zeszłym tygodniu",
        "w ubiegłym tygodniu",
        "rok temu",
        "lat temu",
    ),
    "lt": ("anksčiau", "pernai", "praėjusiais metais", "prieš metus"),
    "de": (
        "zuvor",
        "früher",
        "bereits im",
        "im vergangenen jahr",
        "letztes jahr",
        "vor einem jahr",
        "vergangene woche",
        "letzte woche",
    ),
    "fr": (
        "auparavant",
        "précédemment",
        "l'an dernier",
        "l'année dernière",
        "la semaine dernière",
        "il y a un an",
    ),
    "es": (
        "anteriormente",
        "previamente",
        "el año pasado",
        "la semana pasada",
        "hace un año",
        "el pasado",
    ),
    "it": ("in precedenza", "l'anno scorso", "un anno fa", "lo scorso"),
    "pt": ("anteriormente", "no ano passado", "há um ano"),
    "tr": ("daha önce", "geçen yıl", "geçen hafta", "önceki"),
}
"""Words that date a clause before the reported event. An English "earlier" alone is left
out ("earlier on Saturday" is the same day), as is "since" ("since 2020" is dated by its year;
"the largest release since" is not a period)."""

_PRESENT: dict[str, tuple[str, ...]] = {
    "en": ("now", "currently", "today"),
    "ru": ("сейчас", "теперь", "сегодня", "в настоящее время"),
    "uk": ("зараз", "тепер", "сьогодні"),
    "be": ("цяпер", "зараз", "сёння"),
    "pl": ("teraz", "obecnie", "dziś", "dzisiaj"),
    "lt": ("dabar", "šiandien"),
    "de": ("jetzt", "nun", "heute", "derzeit", "aktuell"),
    "fr": ("maintenant", "actuellement", "aujourd'hui"),
    "es": ("ahora", "actualmente", "hoy"),
    "it": ("ora", "attualmente", "oggi"),
    "pt": ("agora", "atualmente", "hoje"),
    "tr": ("şimdi", "şu anda", "bugün"),
}
"""Words that put a clause in the present, against a sentence's dated opening phrase."""

_THIS_WEEK: dict[str, tuple[str, ...]] = {
    "en": ("this week", "today", "this morning", "this afternoon"),
    "ru": ("на этой неделе", "сегодня", "в этот день"),
    "uk": ("цього тижня", "на цьому тижні", "сьогодні"),
    "be": ("на гэтым тыдні", "сёння"),
    "pl": ("w tym tygodniu", "dziś", "dzisiaj"),
    "lt": ("šią savaitę", "šiandien"),
    "de": ("in dieser woche", "diese woche", "heute"),
    "fr": ("cette semaine", "aujourd'hui"),
    "es": ("esta semana", "hoy"),
    "it": ("questa settimana", "oggi"),
    "pt": ("esta semana", "hoje"),
    "tr": ("bu hafta", "bugün"),
}
"""Words right after a word of earlier times that keep it in the event's days: "ранее на этой
неделе" (earlier this week) is this event's, not an earlier one's."""

_PART_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("among them", "among whom", "including", "of whom", "of which", "of them"),
    "ru": ("из них", "в том числе", "среди них", "среди которых", "из которых", "из числа"),
    "uk": ("з них", "у тому числі", "в тому числі", "серед них", "серед яких", "з яких", "з числа"),
    "be": ("з іх", "у тым ліку", "сярод іх", "сярод якіх"),
    "pl": ("w tym", "wśród nich", "wśród których", "z których", "z nich"),
    "lt": ("iš jų", "tarp jų", "iš kurių"),
    "de": ("darunter", "davon", "unter ihnen", "unter den", "von denen", "einschließlich"),
    "fr": ("dont", "parmi eux", "parmi elles", "parmi lesquels", "y compris"),
    "es": ("entre ellos", "entre ellas", "de ellos", "de ellas", "incluidos", "incluidas"),
    "it": ("tra cui", "di cui", "tra loro", "tra di loro", "compresi"),
    "pt": ("entre eles", "entre elas", "dos quais", "das quais", "incluindo"),
    "tr": ("bunlardan", "aralarında", "bunların"),
}
"""Words just before a number that make it a part of a group named before."""

_PART_AFTER: dict[str, tuple[str, ...]] = {
    "en": ("of them", "of whom", "of those", "of these", "of the", "of its", "of their"),
    "ru": ("из них", "из", "человек из"),
    "uk": ("з них", "із них", "з"),
    "be": ("з іх", "з"),
    "pl": ("z nich", "spośród", "z"),
    "lt": ("iš jų", "iš"),
    "de": ("von ihnen", "der", "davon"),
    "fr": ("d'entre eux", "d'entre elles", "des"),
    "es": ("de ellos", "de ellas", "de los", "de las"),
    "it": ("di loro", "dei", "degli", "delle"),
    "pt": ("deles", "delas", "dos", "das"),
    "tr": ("tanesi",),
}
"""Words just after a number that make it a part: "114 of the 123", "девять из них"."""

_PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("he she his her him".split()),
    "ru": frozenset("он она его её ее ему ей".split()),
    "uk": frozenset("він вона його її йому їй".split()),
    "be": frozenset("ён яна яго яе яму ёй".split()),
    "pl": frozenset("on ona jego jej mu".split()),
    "lt": frozenset("jis ji jo jos jam jai".split()),
    "de": frozenset("er sie sein seine ihr ihre ihm".split()),
    "fr": frozenset("il elle".split()),
    "es": frozenset("él ella".split()),
    "it": frozenset("lui lei".split()),
    "pt": frozenset("ele ela".split()),
}
"""Pronouns that make a sentence about the person named last before it."""


_SEGMENT_END = re.compile(r"[;:()\[\]—–]|,\s|\s-\s")
_OPENING_WORDS = 6
"""A sentence's opening phrase ("In September,", "Last year,", "Earlier this month,")
dates the whole sentence when it has at most this many words."""
_YEAR = re.compile(
    r"(?<!\d)(19\d\d|20\d\d)(?!\d)"
    r"(?:(?!\s*[A-ZА-ЯЁ])|(?=(?:\s+[A-Z][\w'’-]*){1,3}\s+(?:tsunami|earthquake|quake|floods?"
    r"|hurricane|cyclone|typhoon|storm|war|attacks?|bombings?|massacre|riots|crisis|disaster"
    r"|elections?)\b))"
)
"""A year, unless a capitalised word follows it: "the 2022 Nobel Prize" names a prize; "the
2004 Indian Ocean tsunami" is still a time."""
_WORD = re.compile(r"[^\W\d_]+")


_DEGREES = re.compile(
    r"(?i)^(?:°\w*|degrees?|градус\w*|grad\w*|stopni\w*|stopień|derece|laipsn\w*)$"
)


def is_measure(counted: str) -> bool:
    """Whether a figure measures (a duration, an age, a temperature, a share) rather than
    counts things: measures of different things do not add up to a total."""
    words = counted.split()
    if not words:
        return False
    last = words[-1]
    return is_held(counted) or last == "percent" or _DEGREES.match(last) is not None


_UNIT_WORDS = {
    "year": r"years?|yrs?|год|года|годы|годам|лет|рок\w*|гад\w*|lat|lata|rok\w*"
    r"|met(?:ai|ų|us|ams|ais|uose)|jahr\w*|ans?|années?|años?|anni|anno|anos?|yıl\w*|yaş\w*",
    "month": r"months?|месяц\w*|місяц\w*|miesi\w*|mėnes\w*|monat\w*|mois|meses?|mesi|mese|ay",
    "week": r"weeks?|недел\w*|тыдн\w*|tygodn\w*|savait\w*|woche\w*|semaines?|semanas?"
    r"|settiman\w*",
    "day": r"days?|дн\w*|сут\w*|днів|дзён|dni|dzień|dien\w*|tag\w*|jours?|días?|giorn\w*"
    r"|dias?|gün\w*",
    "hour": r"hours?|h|час\w*|годин\w*|godzin\w*|valand\w*|stunde\w*|heures?|horas?|ore"
    r"|saat\w*",
    "minute": r"minutes?|min|mins|минут\w*|хвилин\w*|хвіл\w*|minut\w*|minuč\w*|minute\w*"
    r"|dakika\w*",
    "decade": r"decades?",
    "metre": r"metres?|meters?|м|метр\w*|meter\w*|metr\w*|mètres?|metros?|metri|metre\w*",
    "kilometre": r"kilometres?|kilometers?|km|км|километр\w*|kilometer\w*|kilometr\w*"
    r"|kilomètres?|kilómetros?|chilometri|kilometre\w*",
    "mile": r"miles?",
    "foot": r"feet|foot|ft",
}
"""Each time unit's and distance's words in the languages read, by the unit they name.
Yards are left out: a football story's yards are counted and add up ("61 yards + 101
yards")."""
_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade"})
"""The units that make a figure a duration or an age: a person's, when a person is near; the
others are distances or heights, measures and no counts ("fell 60 metres")."""
_UNIT_NAMES = re.compile(
    "(?i)^(?:" + "|".join(f"(?P<{unit}>{words})" for unit, words in _UNIT_WORDS.items()) + ")$"
)


def is_held(counted: str) -> bool:
    """Whether a figure counting ``counted`` is a duration, an age or a distance: one story
    holds many of them, of different people and things (each climber's fall, each man's
    sentence), so they are compared only with their holder (``holder_of``)."""
    return measure_unit(counted) is not None


def is_tally(counted: str) -> bool:
    """Whether a figure counting ``counted`` is a player's tally in a game or a season ("364
    yards and three touchdowns", "26 Punkte", "два гола"): each player has their own, so, like
    a duration, it is compared only with its holder's (``holder_of``)."""
    words = counted.split()
    return bool(words) and _TALLY.match(words[-1]) is not None


_TALLY = re.compile(
    r"(?i)^(?:yards?|touchdowns?|catches|receptions?|carries|rushes|interceptions?|sacks?"
    r"|tackles?|points?|rebounds?|assists?|goals?|saves?|strikeouts?|homers?|wickets?|aces?"
    r"|birdies?|eagles?|очк\w*|гол\w*|голев\w*|передач\w*|шайб\w*|подбор\w*|сэйв\w*"
    r"|Tore?|Treffer|Punkte?|Vorlagen?|Assists?|Paraden?|goles?|puntos?|asistencias?|rebotes?"
    r"|buts?|passes|gole?|punti|assist|gola?|bramek|bramki|punkt\w*|asyst\w*)$"
)
"""A player's tallies, in the languages read."""


def measure_unit(counted: str) -> str | None:
    """The unit of a duration, an age or a distance in any language and form ("года", "лет",
    "Jahren", "years": "year"; "metres", "meters", "м": "metre"), or None when ``counted``
    names none."""
    words = counted.split()
    found = _UNIT_NAMES.match(words[-1]) if words else None
    return found.lastgroup if found is not None else None


def is_time_unit(counted: str) -> bool:
    """Whether a figure counting ``counted`` is a duration or an age."""
    return measure_unit(counted) in _TIME_UNITS


@dataclass(frozen=True, slots=True)
class Segment:
    """A clause-like stretch of a sentence: between punctuation that separates phrases."""

    start: int
    end: int


def segment_of(text: str, start: int, end: int) -> Segment:
    """The stretch of ``text`` around ``text[start:end]`` between phrase punctuation."""
    starts, ends = _punctuation(text)
    before = bisect_right(ends, start)
    after = bisect_left(starts, end)
    return Segment(
        ends[before - 1] if before else 0, starts[after] if after < len(starts) else len(text)
    )


@lru_cache(maxsize=4096)
def _punctuation(text: str) -> tuple[list[int], list[int]]:
    """Where the phrase punctuation of a sentence starts and ends: found once for the many
    numbers (and the several looks at each) of one sentence."""
    spans = [m.span() for m in _SEGMENT_END.finditer(text)]
    return [a for a, _ in spans], [b for _, b in spans]


@cache
def _phrases(table_key: str, language: str) -> re.Pattern[str] | None:
    tables = {
        "background": _BACKGROUND,
        "present": _PRESENT,
        "before": _PART_BEFORE,
        "after": _PART_AFTER,
    }
    table = tables[table_key]
    words = table.get(language)
    if not words:
        return None
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    if table_key == "before":
        # A qualifier may stand between: "из них более 312", "including at least 5".
        return re.compile(rf"(?:^|[^\w])(?:{alternatives})(?:\s+[^\W\d]+){{0,2}}\s*$", re.I)
    if table_key == "after":
        return re.compile(rf"\s*(?:{alternatives})(?=\s)", re.IGNORECASE)
    return re.compile(rf"(?:^|(?<=[^\w]))(?:{alternatives})(?=[^\w]|$)", re.IGNORECASE)


def opens_aside(text: str, start: int, language: str) -> bool:
    """Whether ``text`` from ``start`` opens an aside naming members of a group: ", including
    Bialiatski,", ", в том числе двое детей,"."""
    lower = text[start : start + 30].lower()
    return any(lower.startswith(words) for words in _PART_BEFORE.get(language, ()))


def is_part(text: str, start: int, end: int, language: str) -> bool:
    """Whether the number at ``text[start:end]`` is written as a part of a group."""
    before = _phrases("before", language)
    if before is not None and before.search(text[max(0, start - 30) : start]):
        return True
    after = _phrases("after", language)
    return after is not None and after.match(text, end) is not None


def background_marker(
    text: str, start: int, end: int, language: str, now: Now | None
) -> str | None:
    """The words that date the number at ``text[start:end]`` before the reported event.

    ``now`` is the (year, month) the article reports from; without it only words and years
    before the latest year the article names can date a clause. An opening phrase dates the
    whole sentence, but for a clause that says it is of now ("Last week, it contributed 30
    per cent; it has now reduced to 3 per cent").
    """
    segment = segment_of(text, start, end)
    places = [text[segment.start : segment.end]]
    opening = _SEGMENT_END.search(text)
    present = _present(text[segment.start : segment.end], language)
    if opening is not None and opening.start() < segment.start and not present:
        head = text[: opening.start()]
        if len(head.split()) <= _OPENING_WORDS:
            places.append(head)
    for place in places:
        found = _marker_in(place, language, now)
        if found is not None:
            return found
    return None


def _of_this_week(text: str, end: int, language: str) -> bool:
    """Whether the words from ``end`` keep a word of earlier times in the event's days."""
    following = text[end : end + _THIS_WEEK_CHARS].lstrip().lower()
    return following.startswith(_THIS_WEEK.get(language, ()))


_THIS_WEEK_CHARS = max(len(words) for table in _THIS_WEEK.values() for words in table) + 2


def _present(clause: str, language: str) -> bool:
    words = _phrases("present", language)
    return words is not None and words.search(clause) is not None


def _marker_in(place: str, language: str, now: Now | None) -> str | None:
    words = _phrases("background", language)
    if words is not None:
        for found in words.finditer(place):
            if not _of_this_week(place, found.end(), language):
                return found.group().strip()
    for year_match in _YEAR.finditer(place):
        if now is not None and int(year_match.group()) < now[0]:
            return year_match.group()
    if now is None or not now[1]:
        return None
    for word in _WORD.finditer(place):
        month = _month(word.group(), language)
        if month is None:
            continue
        if month > now[1] and not _year_near(place, word.end()):
            return word.group()
        if month < now[1] - 1 or (month == now[1] - 1 and now[2] > _FIRST_DAYS):
            return word.group()
    return None


def _month(word: str, language: str) -> int | None:
    """The month a word names; an English month must be capitalised ("may" is a verb)."""
    if language == "en" and not word[:1].isupper():
        return None
    return month_of(word, language)


def _year_near(text: str, position: int) -> bool:
    return _YEAR.search(text, position, position + 8) is not None


def article_now(published: date | None, years: Iterable[int]) -> Now | None:
    """The time an article reports from: its publication day, else the latest year it names
    (with no month: only an earlier year can then date a clause)."""
    if published is not None:
        return published.year, published.month, published.day
    latest = max(years, default=None)
    return None if latest is None else (latest, 0, 0)


def years_in(text: str) -> Iterator[int]:
    return (int(m.group()) for m in _YEAR.finditer(text))


@dataclass(frozen=True, slots=True)
class Named:
    """A person named in the text: where, and the name the article gives them."""

    start: int
    end: int
    name: str


_SPEECH = {
    "en": r"said|says|told|tells|added|noted|stated|explained|confirmed|announced|reported",
    "ru": r"сказал\w*|заявил\w*|сообщил\w*|рассказал\w*|отметил\w*|пояснил\w*|уточнил\w*",
    "uk": r"сказа\w*|заяви\w*|повідоми\w*|розпові\w*|зазначи\w*|поясни\w*",
    "be": r"сказа\w*|заяві\w*|паведамі\w*|распавя\w*",
    "pl": r"powiedział\w*|poinformował\w*|oświadczył\w*|przekazał\w*|dodał\w*",
    "de": r"sagte|sagt|erklärte|teilte|berichtete|betonte|so",
    "fr": r"a déclaré|a dit|a indiqué|a expliqué|a précisé|déclare|indique",
    "es": r"dijo|declaró|afirmó|explicó|informó|señaló|indicó",
    "it": r"ha detto|ha dichiarato|ha spiegato|ha affermato",
    "pt": r"disse|afirmou|declarou|explicou|informou",
}
_SPEAKS = {
    code: re.compile(rf"\s*,?\s*(?:{verbs})(?![^\W\d_])", re.IGNORECASE)
    for code, verbs in _SPEECH.items()
}
"""A speech verb right after a name: the name is who tells the figure ("Inspector Dave
Gaskin said the man fell around 2000ft"), not whose it is."""


def _speaks(text: str, person: Named, language: str) -> bool:
    pattern = _SPEAKS.get(language[:2].lower())
    return pattern is not None and pattern.match(text, person.end) is not None


def holder_of(
    text: str,
    start: int,
    end: int,
    named: Sequence[Named],
    last_before: str | None,
    language: str,
) -> str | None:
    """The person a duration or age at ``text[start:end]`` belongs to.

    ``named`` are the people named in this sentence (offsets into ``text``); ``last_before``
    the person named last in the sentences before it.
    """
    before = [n for n in named if n.end <= start and not _speaks(text, n, language)]
    if before:
        return before[-1].name
    segment = segment_of(text, start, end)
    after = [n for n in named if n.start >= end and n.end <= segment.end]
    if after:
        return after[0].name
    first = _WORD.search(text)
    pronouns = _PRONOUNS.get(language, frozenset())
    if first is not None and first.group().lower() in pronouns:
        return last_before
    return None
