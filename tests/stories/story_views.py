"""Hand-built facts for comparison tests: spans are found in the body by their text."""

from __future__ import annotations

from stories.facts import ArticleFacts, EntityKind, Mention, NumberFact, Qualifier, Quote, Span
from stories.sentences import split_sentences
from stories.story_input import ArticleView


def span(body: str, text: str) -> Span:
    start = body.index(text)
    end = start + len(text)
    sentence = next(s for s in split_sentences(body) if s.start <= start < s.end)
    return Span(start, end, sentence.text)


def person(
    body: str, name: str, surface: str | None = None, description: str | None = None
) -> Mention:
    written = surface or name
    return Mention(name, written, EntityKind.PERSON, span(body, written), description)


def number(
    body: str,
    text: str,
    value: float,
    counted: str,
    context: str,
    qualifier: Qualifier = Qualifier.EXACT,
    low: float | None = None,
    high: float | None = None,
) -> NumberFact:
    low = value if low is None else low
    high = value if high is None else high
    return NumberFact(text, value, low, high, qualifier, counted, context, span(body, text))


def quote(body: str, text: str, speaker: str) -> Quote:
    return Quote(text, speaker, span(body, text))


def view(
    article_id: int,
    outlet: str,
    body: str,
    mentions: tuple[Mention, ...] = (),
    numbers: tuple[NumberFact, ...] = (),
    quotes: tuple[Quote, ...] = (),
) -> ArticleView:
    facts = ArticleFacts(mentions=mentions, numbers=numbers, quotes=quotes)
    return ArticleView(article_id, outlet, None, None, body, facts)
