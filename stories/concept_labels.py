"""A figure's label from what it counts, in the reader's language: "people dead", "prisoners
freed", "sent to Ukraine".

A concept (``stories.number_concepts``) reads the same in every language, so a figure told
in Turkish or Russian is labelled in the reader's words. Readers in a language without a table
get the figures' own words instead (``stories.figures``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from babel import Locale, UnknownLocaleError

from stories.number_concepts import Concept, is_cue

_ALONE: dict[str, dict[Concept, str]] = {
    "en": {
        Concept.DEAD: "deaths",
        Concept.INJURED: "injured",
        Concept.CASES: "cases",
        Concept.RECOVERED: "recoveries",
        Concept.ARRESTED: "arrests",
        Concept.FREED: "people freed",
        Concept.EVACUATED: "people evacuated",
        Concept.MISSING: "missing",
        Concept.TRANSFERRED: "sent",
        Concept.HELD: "still held",
    },
}
"""A concept's label when the figures name no counted noun in the reader's language."""
_AFTER_NOUN: dict[str, dict[Concept, str]] = {
    "en": {
        Concept.DEAD: "dead",
        Concept.INJURED: "injured",
        Concept.RECOVERED: "recovered",
        Concept.ARRESTED: "arrested",
        Concept.FREED: "freed",
        Concept.EVACUATED: "evacuated",
        Concept.MISSING: "missing",
        Concept.TRANSFERRED: "sent",
        Concept.HELD: "still held",
    },
}
"""What follows the counted noun ("prisoners freed"); cases are their own noun."""
_TO = {"en": "to"}
_AND = {"en": "and"}
_NOUN = re.compile(r"[^\W\d_]+")


def concept_label(
    concept: Concept, counted: Iterable[str], countries: Iterable[str], reader: str
) -> str | None:
    """The label of figures of ``concept`` in ``reader``'s language, or None without a table.

    ``counted`` are the counted phrases the figures give in the reader's language: the most
    common, without the words that are cues themselves ("released prisoners": "prisoners"),
    names what is counted. ``countries`` (ISO codes) are where a transferred group went.
    """
    alone = _ALONE.get(reader)
    after = _AFTER_NOUN.get(reader)
    if alone is None or after is None:
        return None
    phrases = [
        " ".join(w for w in words if not is_cue(w, reader)) for words in map(_NOUN.findall, counted)
    ]
    nouns = [p for p in phrases if len(p) > 2]
    noun = max(nouns, key=lambda n: (nouns.count(n), -len(n))) if nouns else None
    if concept is Concept.CASES or concept not in after or noun is None:
        label = alone[concept]
    else:
        label = f"{noun} {after[concept]}"
    names = [n for n in (_territories(reader).get(c, "") for c in sorted(countries)) if n]
    if concept is Concept.TRANSFERRED and names:
        label = f"{label} {_TO[reader]} {f' {_AND[reader]} '.join(names)}"
    return label


@cache
def _territories(reader: str) -> dict[str, str]:
    """Country names in the reader's language (Babel's CLDR names) by ISO code."""
    try:
        return dict(Locale.parse(reader).territories)
    except (UnknownLocaleError, ValueError):
        return {}
