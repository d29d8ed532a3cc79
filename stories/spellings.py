"""People spelled differently by outlets of one language: the spellings part of ``/diff``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from stories.language import ENGLISH
from stories.names import Person, name_tokens, script
from stories.story_input import ArticleView, Citation


@dataclass(frozen=True, slots=True)
class Spelling:
    spelling: str
    citations: tuple[Citation, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.outlet for c in self.citations))


@dataclass(frozen=True, slots=True)
class SpellingVariant:
    """One person spelled differently; ``spellings`` most used first (the canonical one)."""

    person: str
    spellings: tuple[Spelling, ...]
    position: float

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(c for s in self.spellings for c in s.citations)


def _is_variant(a: str, b: str) -> bool:
    """Whether two spellings differ in a word (not merely by a word added or left out)."""
    words_a = {w.casefold() for w in name_tokens(a)}
    words_b = {w.casefold() for w in name_tokens(b)}
    return not (words_a <= words_b or words_b <= words_a)


def spelling_variants(
    views: Sequence[ArticleView], people: Sequence[Person]
) -> list[SpellingVariant]:
    """People spelled differently by outlets of one language, in its main script. Across
    languages and scripts a spelling is a transliteration (Kolesnikowa, Kalesnikava), not a
    variant."""
    by_id = {v.article_id: v for v in views}
    variants = []
    for person in people:
        by_language: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for spelling, ids in person.spellings.items():
            for article_id in sorted(ids):
                if article_id in by_id:
                    language = by_id[article_id].language or ENGLISH
                    by_language[language][spelling].append(article_id)
        for written in by_language.values():
            main = max(written, key=lambda s: len(written[s]))
            spellings = {s: cited for s, cited in written.items() if script(s) == script(main)}
            if not any(_is_variant(a, b) for a, b in combinations(spellings, 2)):
                continue
            entries = []
            for spelling, cited in spellings.items():
                citations = tuple(_spelling_citation(person, spelling, by_id[i]) for i in cited)
                entries.append(Spelling(spelling, citations))
            entries.sort(key=lambda s: (-len(s.outlets), s.spelling != person.name))
            shown = {c.article_id for e in entries for c in e.citations}
            first = min(
                (m for m in person.mentions if m.article_id in shown),
                key=lambda m: m.mention.span.start,
            )
            position = by_id[first.article_id].position(first.mention.span.start)
            variants.append(SpellingVariant(person.name, tuple(entries), position))
    variants.sort(key=lambda v: (-len({c.outlet for c in v.citations}), v.position))
    return variants


def _spelling_citation(person: Person, spelling: str, view: ArticleView) -> Citation:
    """The first sentence of the article that writes the spelling's surname as such."""
    surname = name_tokens(spelling)[-1].casefold()
    mentions = [m.mention for m in person.mentions if m.article_id == view.article_id]
    for mention in mentions:
        if surname in mention.span.sentence.casefold():
            return Citation.of(view, mention.span)
    return Citation.of(view, mentions[0].span)
