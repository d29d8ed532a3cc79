"""Tolls of none: "no one was killed", "there were no casualties", "никто не пострадал",
"жертв нет", "keine Verletzten", "nadie resultó herido".

An outlet that says nobody died disagrees with one that counts twelve dead, so these are
figures too, of value 0. Only the set phrases of a toll are read (a negation with a killed,
hurt or injured, or a "no" right before the dead, the injured or the casualties): "no serious
injuries" or "no one knows" say nothing of a count. The span is the negation word, so that
the words after it tell what is counted (``stories.number_concepts``).
"""

from __future__ import annotations

import re
from functools import cache

from stories.number_qualifiers import language_code

_PATTERNS: dict[str, tuple[str, ...]] = {
    "en": (
        r"\b(?P<z>no one|nobody)(?=\s+(?:was|were|has been|had been|got|is)\s+(?:\w+ly\s+)?"
        r"(?:killed|injured|hurt|wounded|harmed)\b)",
        r"\b(?P<z>no)(?=\s+(?:deaths|casualties|injuries|fatalities|dead|wounded)\b)",
    ),
    "ru": (
        r"(?<![^\W\d_])(?P<z>никто)(?=\s+не\s+(?:пострадал|погиб|ранен|был ранен|получил ранени))",
        r"(?:жертв|пострадавших|погибших|раненых)\s+(?P<z>нет)(?![^\W\d_])",
        r"(?<![^\W\d_])(?P<z>без)(?=\s+(?:жертв|пострадавших)(?![^\W\d_]))",
    ),
    "uk": (
        r"(?<![^\W\d_])(?P<z>ніхто)(?=\s+не\s+(?:постраждав|загинув|поранений))",
        r"(?:жертв|постраждалих|загиблих|поранених)\s+(?P<z>немає|нема)(?![^\W\d_])",
        r"(?<![^\W\d_])(?P<z>без)(?=\s+(?:жертв|постраждалих)(?![^\W\d_]))",
    ),
    "be": (
        r"(?<![^\W\d_])(?P<z>ніхто)(?=\s+не\s+(?:пацярпеў|загінуў))",
        r"(?<![^\W\d_])(?P<z>без)(?=\s+(?:ахвяр|пацярпелых)(?![^\W\d_]))",
    ),
    "de": (
        r"\b(?P<z>[Nn]iemand)(?=\s+(?:wurde\s+)?(?:verletzt|getötet)|\s+kam\s+ums\s+Leben)",
        r"\b(?P<z>[Kk]eine)(?=\s+(?:Toten|Verletzten|Todesopfer)\b)",
    ),
    "pl": (
        r"(?<![^\W\d_])(?P<z>[Nn]ikt)(?=\s+nie\s+(?:zginął|ucierpiał|został\s+ranny))",
        r"(?<![^\W\d_])(?P<z>[Bb]rak)(?=\s+(?:ofiar|rannych)(?![^\W\d_]))",
    ),
    "fr": (
        r"(?<![^\W\d_])(?P<z>[Aa]ucune)(?=\s+victime)",
        r"(?<![^\W\d_])(?P<z>[Pp]ersonne)(?=\s+n'a\s+été\s+(?:tué|blessé))",
        r"(?<![^\W\d_])(?P<z>[Aa]ucun)(?=\s+(?:mort|blessé)s?(?![^\W\d_]))",
    ),
    "es": (
        r"(?<![^\W\d_])(?P<z>[Nn]adie)(?=\s+(?:resultó|salió)\s+(?:herido|muerto))",
        r"(?<![^\W\d_])(?P<z>[Nn]o)(?=\s+hubo\s+(?:víctimas|muertos|heridos))",
        r"(?<![^\W\d_])(?P<z>[Ss]in)(?=\s+(?:víctimas|heridos)(?![^\W\d_]))",
    ),
    "it": (r"(?<![^\W\d_])(?P<z>[Nn]essun[oa]?)(?=\s+(?:vittim|ferit|mort))",),
    "pt": (
        r"(?<![^\W\d_])(?P<z>[Nn]inguém)(?=\s+(?:ficou\s+ferido|morreu|se\s+feriu))",
        r"(?<![^\W\d_])(?P<z>[Ss]em)(?=\s+(?:vítimas|feridos)(?![^\W\d_]))",
    ),
}
"""The phrases of a toll of none, per language; ``z`` is the negation word."""


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _PATTERNS.get(language, ()))


def zero_counts(text: str, language: str) -> list[tuple[int, int]]:
    """Where ``text`` says nobody was killed or hurt: the spans of the negation words."""
    spans = {
        match.span("z")
        for pattern in _patterns(language_code(language))
        for match in pattern.finditer(text)
    }
    return sorted(spans)
