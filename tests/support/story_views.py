"""Hand-built facts for comparison tests: spans are found in the body by their text."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from stories.articles import Article, RawArticle
from stories.clean import clean_article
from stories.compare import diff_story
from stories.factfinder import extract_facts
from stories.facts import ArticleFacts, EntityKind, Mention, NumberFact, Qualifier, Quote, Span
from stories.figures import NumberDiff
from stories.language import ENGLISH
from stories.names import resolve_people
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


def _story() -> list[ArticleView]:
    bodies = [
        f"{SHARED_LEAD} {SHARED_TOLL}\n\nThe quake cut power to the Hatay airport for six hours. "
        f"{SHARED_AID}",
        "An earthquake of magnitude 6.1 hit Elbistan, a Turkish town, on Monday morning. "
        "At least 14 people died and 120 were injured in the earthquake, officials said.\n\n"
        "Rescuers pulled two survivors from a collapsed school in Elbistan. "
        "Tents and blankets were sent by the Red Crescent to families on Monday night.",
        "The Turkish town of Elbistan was struck by a 6.1 magnitude earthquake on Monday morning. "
        "The mayor, Ana Lopez, promised to rebuild every destroyed house within a year.\n\n"
        "The earthquake killed 14 people and injured 120, officials said.",
        "Elbistan, a Turkish town, was hit by a magnitude 6.1 earthquake on Monday morning. "
        "Local football fans collected donations for the victims at the weekend match.",
    ]
    return [view(i + 1, f"Outlet{i + 1}", body) for i, body in enumerate(bodies)]


SHARED_LEAD = "A magnitude 6.1 earthquake struck the Turkish town of Elbistan on Monday morning."


SHARED_TOLL = "Officials said 14 people died and 120 were injured in the Elbistan earthquake."


SHARED_AID = "The Red Crescent sent tents and blankets to Elbistan families on Monday night."


def told(
    *articles: tuple[str, str | None, str], published: datetime | None = None
) -> list[ArticleView]:
    """Articles of one story, cleaned and read as the engine does: (outlet, language, text),
    the text's first sentence its title; a language of None is detected from the text."""
    views = []
    for number, (outlet, language, text) in enumerate(articles, 1):
        raw = RawArticle(text=text, title=text.split(".")[0], published=published, declared=True)
        article = clean_article(raw)
        assert isinstance(article, Article), article
        if language is not None:
            article = replace(article, language=language)
        facts = extract_facts(article)
        views.append(
            ArticleView(number, outlet, None, published, article.body, facts, article.language)
        )
    return views


def number_diffs(views: list[ArticleView], reader: str = ENGLISH) -> list[NumberDiff]:
    """The Numbers lines of /diff on a story of these articles."""
    return list(diff_story(views, resolve_people(views), reader).numbers)
