"""A figure's label from what it counts, in the reader's language: "people dead", "prisoners
freed", "sent to Ukraine".

A concept (``stories.number_concepts``) reads the same in every language, so a figure told
in Turkish or Russian is labelled in the reader's words (English, Russian, Ukrainian, German,
Polish, French, Spanish). Readers in a language without a table get the figures' own words
instead (``stories.figures``).
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
    "ru": {
        Concept.DEAD: "погибшие",
        Concept.INJURED: "раненые",
        Concept.CASES: "случаи заражения",
        Concept.RECOVERED: "выздоровевшие",
        Concept.ARRESTED: "задержанные",
        Concept.FREED: "освобождённые",
        Concept.EVACUATED: "эвакуированные",
        Concept.MISSING: "пропавшие без вести",
        Concept.TRANSFERRED: "отправленные",
        Concept.HELD: "остаются в заключении",
    },
    "uk": {
        Concept.DEAD: "загиблі",
        Concept.INJURED: "поранені",
        Concept.CASES: "випадки захворювання",
        Concept.RECOVERED: "одужали",
        Concept.ARRESTED: "затримані",
        Concept.FREED: "звільнені",
        Concept.EVACUATED: "евакуйовані",
        Concept.MISSING: "зниклі безвісти",
        Concept.TRANSFERRED: "відправлені",
        Concept.HELD: "залишаються за ґратами",
    },
    "de": {
        Concept.DEAD: "Tote",
        Concept.INJURED: "Verletzte",
        Concept.CASES: "Fälle",
        Concept.RECOVERED: "Genesene",
        Concept.ARRESTED: "Festnahmen",
        Concept.FREED: "Freigelassene",
        Concept.EVACUATED: "Evakuierte",
        Concept.MISSING: "Vermisste",
        Concept.TRANSFERRED: "gebracht",
        Concept.HELD: "noch in Haft",
    },
    "pl": {
        Concept.DEAD: "zabici",
        Concept.INJURED: "ranni",
        Concept.CASES: "przypadki zakażeń",
        Concept.RECOVERED: "wyleczeni",
        Concept.ARRESTED: "zatrzymani",
        Concept.FREED: "uwolnieni",
        Concept.EVACUATED: "ewakuowani",
        Concept.MISSING: "zaginieni",
        Concept.TRANSFERRED: "przewiezieni",
        Concept.HELD: "wciąż w więzieniu",
    },
    "fr": {
        Concept.DEAD: "morts",
        Concept.INJURED: "blessés",
        Concept.CASES: "cas",
        Concept.RECOVERED: "guérisons",
        Concept.ARRESTED: "interpellations",
        Concept.FREED: "libérés",
        Concept.EVACUATED: "évacués",
        Concept.MISSING: "disparus",
        Concept.TRANSFERRED: "transférés",
        Concept.HELD: "toujours détenus",
    },
    "es": {
        Concept.DEAD: "muertos",
        Concept.INJURED: "heridos",
        Concept.CASES: "casos",
        Concept.RECOVERED: "recuperados",
        Concept.ARRESTED: "detenidos",
        Concept.FREED: "liberados",
        Concept.EVACUATED: "evacuados",
        Concept.MISSING: "desaparecidos",
        Concept.TRANSFERRED: "trasladados",
        Concept.HELD: "siguen presos",
    },
}
"""A concept's label when the figures name no counted noun in the reader's language (in
languages whose nouns and participles agree in case and gender, always)."""
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


def names_counted(reader: str) -> bool:
    """Whether labels in ``reader``'s language name the counted noun ("prisoners freed")."""
    return reader in _AFTER_NOUN


def concept_label(
    concept: Concept, counted: Iterable[str], countries: Iterable[str], reader: str
) -> str | None:
    """The label of figures of ``concept`` in ``reader``'s language, or None without a table.

    ``counted`` are the counted phrases the figures give in the reader's language: the most
    common, without the words that are cues themselves ("released prisoners": "prisoners"),
    names what is counted. ``countries`` (ISO codes) are where a transferred group went.
    """
    alone = _ALONE.get(reader)
    if alone is None:
        return None
    after = _AFTER_NOUN.get(reader, {})
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
        to = _TO.get(reader)
        # Other languages put a country after "to" in a case Babel does not give.
        label = (
            f"{label} {to} {f' {_AND[reader]} '.join(names)}"
            if to
            else f"{label}: {', '.join(names)}"
        )
    return label


@cache
def _territories(reader: str) -> dict[str, str]:
    """Country names in the reader's language (Babel's CLDR names) by ISO code."""
    try:
        return dict(Locale.parse(reader).territories)
    except (UnknownLocaleError, ValueError):
        return {}
