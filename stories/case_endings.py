"""Names' case endings: Колесникову, Białackiego and Johnem Coale'em without theirs.

Inflecting languages decline names as they decline nouns, so one person is written in several
forms in one article. The endings are stripped from the name written in lowercase Latin
letters, and only where a nominative does not end so, so that a nominative keeps the key it
has in English; a name's final vowels are dropped by ``stories.scripts.skeleton`` anyway.
Languages whose names do not decline are not listed: their names are not stemmed at all
(a word stemmer would take Meuthen's "en" and Steinmeier's "er" as endings).
"""

from __future__ import annotations

import re
from functools import lru_cache

from stories.scripts import latin

_SLAVIC_CYRILLIC = (
    "ogo", "ego", "aga", "oga", "oho", "omu", "emu", "amu", "ymi", "imi", "ykh", "ikh",
    "oyu", "oju", "eyu", "uyu", "oy", "oi", "ey", "om", "em", "ym", "im", "iy", "yy", "yi",
)  # fmt: skip
#: per language, longest first; adjectival surnames (Бяляцкі, Бяляцкага, Białackiego) keep
#: their stem
CASE_ENDINGS: dict[str, tuple[str, ...]] = {
    "ru": _SLAVIC_CYRILLIC,
    "uk": _SLAVIC_CYRILLIC,
    "be": _SLAVIC_CYRILLIC,
    "bg": _SLAVIC_CYRILLIC,
    "sr": _SLAVIC_CYRILLIC,
    "mk": _SLAVIC_CYRILLIC,
    "pl": ("iego", "iemu", "ego", "emu", "owie", "owi", "ami", "ach", "ej", "em", "om", "ym", "im"),
    "cs": ("ovou", "eho", "emu", "ovi", "ou", "em", "om", "ym"),
    "sk": ("ovou", "eho", "emu", "ovi", "ou", "em", "om", "ym"),
    "sl": ("ega", "emu", "om", "em"),
    "hr": ("oga", "omu", "om", "em"),
    "lt": ("iaus", "aus", "iui", "ui", "as", "is", "ys", "us", "os", "es", "io", "ai", "ei"),
    "lv": ("am", "as", "es", "is", "us", "ai", "ei"),
    "el": ("os", "ou", "is", "as", "es", "on"),
    "de": ("s",),
}
#: letters a name keeps at least when an ending is stripped (Ким, Tusk)
MIN_STEM = 4
#: an apostrophe this far into a word starts an ending (Coale'em, Coale'u), not a name (O'Brien)
_APOSTROPHE_ENDING = re.compile(r"(?<=\w{3})['’]\w{1,3}$")


@lru_cache(maxsize=65_536)
def case_stem(token: str, language: str | None = None) -> str:
    """A name word without the case ending it has in ``language``, in lowercase Latin letters
    (Колесникову and Колесниковой are kolesnikov; Białackiego is bialack; Lukašenkos is
    lukashenk). A word of English, or of a language without case endings, is returned as it
    is written."""
    endings = CASE_ENDINGS.get(language or "")
    if endings is None:
        return token
    word = _APOSTROPHE_ENDING.sub("", token)
    word = latin(word).replace("'", "").casefold()
    for ending in endings:
        long_enough = len(word) - len(ending) >= MIN_STEM
        if word.endswith(ending) and long_enough and not (ending == "s" and word[-2] == "s"):
            return word[: -len(ending)]
    return word
