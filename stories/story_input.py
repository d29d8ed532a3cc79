"""What the comparison engine reads about a story: its original articles with their facts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from stories.facts import ArticleFacts, Span


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One original article of a story (near-copies are left out by the caller)."""

    article_id: int
    outlet: str
    url: str | None
    published: datetime | None
    body: str
    facts: ArticleFacts
    language: str | None = None
    """ISO 639-1 code of the article's language; None: English or not known."""

    def position(self, start: int) -> float:
        """Where in the article an offset stands, 0 (lead) to 1 (end)."""
        return min(1.0, start / max(1, len(self.body)))


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a reported item comes from: the article, its outlet and the sentence."""

    article_id: int
    outlet: str
    sentence: str
    start: int = 0
    end: int = 0
    in_caption: bool = False

    @classmethod
    def of(cls, view: ArticleView, span: Span) -> Citation:
        return cls(
            view.article_id, view.outlet, span.sentence, span.start, span.end, span.in_caption
        )
