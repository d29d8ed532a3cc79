"""Where the outlets of one story disagree or add something: the engine behind ``/diff``.

Four kinds of items, each citing the articles, outlets and sentences behind it, each found by
its own module:

- ``stories.figures``: numbers that count the same thing in the same role but differ between
  outlets (with breakdowns that add up, and qualified figures, told apart from contradictions),
- ``stories.spellings``: people spelled differently by different outlets,
- ``stories.quote_variants``: quotes of one speaker about one thing worded differently,
- ``stories.details``: details only one outlet reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stories.details import UniqueDetail, unique_details
from stories.figures import NumberDiff, number_diffs
from stories.language import ENGLISH
from stories.names import Person
from stories.quote_variants import QuoteVariant, quote_variants
from stories.spellings import SpellingVariant, spelling_variants
from stories.story_input import ArticleView

DiffItem = NumberDiff | SpellingVariant | QuoteVariant | UniqueDetail


@dataclass(frozen=True, slots=True)
class StoryDiff:
    """Each list is ordered by significance; ``agreed_numbers`` are the figures all agree on."""

    numbers: tuple[NumberDiff, ...]
    spellings: tuple[SpellingVariant, ...]
    quotes: tuple[QuoteVariant, ...]
    unique: tuple[UniqueDetail, ...]
    agreed_numbers: tuple[NumberDiff, ...] = ()

    def ranked(self) -> list[DiffItem]:
        """All items by significance: outlets involved, then numbers, names, quotes, details."""
        items: list[DiffItem] = [*self.numbers, *self.spellings, *self.quotes, *self.unique]
        return sorted(items, key=significance)


_KIND_RANK = {NumberDiff: 0, SpellingVariant: 1, QuoteVariant: 2, UniqueDetail: 3}


def significance(item: DiffItem) -> tuple[int, int, float]:
    outlets = len({c.outlet for c in item.citations})
    return (-outlets, _KIND_RANK[type(item)], item.position)


def diff_story(
    views: Sequence[ArticleView], people: Sequence[Person], reader: str = ENGLISH
) -> StoryDiff:
    """Everything that differs between the outlets of one story, most significant first.

    ``reader`` is the reader's language: figures are labelled in its words when it has them.
    A sentence already cited under the figures is not listed again as a detail.
    """
    differing, agreed = number_diffs(views, reader)
    cited = {(c.article_id, c.sentence) for diff in differing for c in diff.citations}
    unique = [
        d
        for d in unique_details(views, people)
        if (d.citation.article_id, d.citation.sentence) not in cited
    ]
    return StoryDiff(
        numbers=tuple(differing),
        spellings=tuple(spelling_variants(views, people)),
        quotes=tuple(quote_variants(views, people)),
        unique=tuple(unique),
        agreed_numbers=tuple(agreed),
    )
