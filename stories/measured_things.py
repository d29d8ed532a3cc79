"""The thing a duration is the length of: "the 8.25 minutes long video", "an 8-minute video",
"in einem achtminütigen Video", "8-минутное видео", "un vídeo de ocho minutos", "8 dakikalık
video".

Different durations in one story are usually different things (a 20-minute drive, a 2-hour
meeting, 10 years in prison), so durations are compared only with their person
(``stories.number_roles.holder_of``). A duration written as the length of a thing named
right after it is that thing's, whoever it belongs to: two outlets that give a named video,
speech, call or flight two lengths disagree. The thing is keyed across scripts and languages
by its skeleton (``stories.names.surname_key``: video, Video, видео and wideo are one key),
so only things that the languages name alike meet; the unit must be the same too (minutes
with minutes). Only seconds, minutes and hours are lengths here (a visit, a strike or a
festival of days is often extended, and a sentence of years is a person's), and only of a
thing that runs once for a set time (``_RUNS``: a video, a speech, a call, a meeting, a
flight): "the 70-minute mark" or "a 20-minute drive" is a moment or a way, and two of them
in one story are often two. The languages read are those whose words say a length this way
(en, de, ru, uk, pl, es, fr, it, pt, tr).
"""

from __future__ import annotations

import re

from stories.names import surname_key
from stories.number_qualifiers import SPACE, WORD_CHARS, language_code

_UNIT_CLASSES = (
    ("second", r"sec|sek|seg|секунд|saniye"),
    ("minute", r"min|мин|хвилин|dakika"),
    ("hour", r"hour|stund|stünd|час|годин|godzin|hora|heure|or[ae]\b|saat"),
)
"""Each unit of a length, by how its word begins in any language."""
_CLASS = re.compile("|".join(f"(?P<{name}>{starts})" for name, starts in _UNIT_CLASSES), re.I)

_THING = rf"(?P<thing>{WORD_CHARS}{{3,}})"
_NOUN = rf"(?P<thing>[A-ZÄÖÜ]{WORD_CHARS}{{2,}})"
"""A German noun: capitalised."""
_AFTER: dict[str, tuple[re.Pattern[str], ...]] = {
    "en": (
        re.compile(
            rf"{SPACE}*-(?P<unit>second|minute|hour)(?:-long)?{SPACE}+{_THING}", re.IGNORECASE
        ),
        re.compile(
            rf"{SPACE}+(?P<unit>seconds?|minutes?|hours?)[\s-]+long{SPACE}+{_THING}",
            re.IGNORECASE,
        ),
    ),
    "de": (
        re.compile(rf"-?(?P<unit>sekündig|minütig|stündig)(?:e[nmrs]?)?{SPACE}+{_NOUN}", re.I),
        re.compile(
            rf"{SPACE}+(?P<unit>Sekunden|Minuten|Stunden){SPACE}+lange[nmrs]?{SPACE}+{_NOUN}"
        ),
    ),
    "ru": (re.compile(rf"-?(?P<unit>секундн|минутн|часов){WORD_CHARS}*{SPACE}+{_THING}", re.I),),
    "uk": (re.compile(rf"-(?P<unit>секундн|хвилинн|годинн){WORD_CHARS}*{SPACE}+{_THING}", re.I),),
    "pl": (re.compile(rf"-(?P<unit>sekundow|minutow|godzinn){WORD_CHARS}*{SPACE}+{_THING}", re.I),),
    "tr": (
        re.compile(
            rf"{SPACE}+(?P<unit>saniye|dakika|saat)l[ıiuü]k(?:{SPACE}+bir)?{SPACE}+{_THING}", re.I
        ),
    ),
}
"""What may follow a number to make it a thing's length, per language: a unit joined to it
as an adjective ("8-minute", "8-minütigen", "acht|minütigen", "8-минутное", "восьми|минутное",
"8 dakikalık") or a unit and "long" ("8.25 minutes long", "8 Minuten langes"), then the
thing."""
_OF = {"es": "de", "fr": "d[e']", "it": "di", "pt": "de"}
"""Languages that name the thing before its length: "un vídeo de ocho minutos", "une vidéo de
huit minutes", "un video di otto minuti"."""
_THING_BEFORE = {
    code: re.compile(
        rf"(?P<thing>{WORD_CHARS}{{3,}}){SPACE}+(?:{of})(?:{SPACE}+|(?<=')){SPACE}*$", re.I
    )
    for code, of in _OF.items()
}
_UNIT_AFTER = re.compile(
    rf"{SPACE}+(?P<unit>segundos?|secondes?|secondi|minut[oi]s?|minutes?|horas?"
    rf"|heures?|or[ae])(?!{WORD_CHARS})",
    re.IGNORECASE,
)
"""The unit after the number where the thing comes first ("de ocho minutos")."""
_RUNS = frozenset(
    """
    video videos clip film movie footage recording speech address call conversation interview
    meeting talks session flight concert show documentary broadcast podcast episode trailer
    message statement
    Video Clip Film Aufnahme Rede Ansprache Telefonat Gespräch Interview Treffen Sitzung Flug
    Konzert Sendung Beitrag Botschaft Dokumentation Videobotschaft
    видео ролик фильм запись речь выступление обращение разговор интервью встреча заседание
    полет полёт концерт трансляция
    відео ролик фільм запис промова виступ звернення розмова інтерв'ю зустріч засідання політ
    wideo nagranie film przemówienie wystąpienie orędzie rozmowa wywiad spotkanie posiedzenie
    lot koncert transmisja
    vídeo discurso llamada conversación entrevista reunión sesión vuelo concierto mensaje
    grabación película documental transmisión
    vidéo discours appel entretien réunion séance vol enregistrement documentaire
    discorso telefonata chiamata conversazione intervista riunione sessione volo concerto
    messaggio registrazione documentario
    ligação telefonema conversa reunião sessão voo mensagem gravação filme documentário
    konuşma görüşme röportaj toplantı oturum uçuş konser mesaj kayıt belgesel
    """.split()
)
"""Things that run once for a set time, in the languages whose lengths are read."""


def length_of(sentence: str, start: int, end: int, language: str) -> str | None:
    """The unit and the key of the thing whose length the number at ``sentence[start:end]``
    gives ("minute vid" for "an 8-minute video"), or None when it gives no thing's length."""
    code = language_code(language)
    for pattern in _AFTER.get(code, ()):
        match = pattern.match(sentence, end)
        if match is not None:
            return _key(match.group("unit"), match.group("thing"), code)
    before = _THING_BEFORE.get(code)
    thing = before.search(sentence, max(0, start - _LOOK_BACK), start) if before else None
    unit = _UNIT_AFTER.match(sentence, end) if thing is not None else None
    if thing is not None and unit is not None:
        return _key(unit.group("unit"), thing.group("thing"), code)
    return None


_LOOK_BACK = 40
"""How far before a number its thing and "de" are looked for."""


def _key(unit: str, thing: str, language: str) -> str | None:
    """The unit's class and the thing's key, when the thing is one that runs (``_RUNS``)."""
    found = _CLASS.match(unit)
    if found is None or _run(thing) is None:
        return None
    return f"{found.lastgroup} {surname_key(thing, language)}"


def _run(word: str) -> str | None:
    """``word`` as it stands in ``_RUNS``, a case or plural ending left out, or None."""
    for candidate in (word, word.lower()):
        for end in range(len(candidate), 2, -1):
            if candidate[:end] in _RUNS and len(candidate) - end <= 2:
                return candidate[:end]
    return None
