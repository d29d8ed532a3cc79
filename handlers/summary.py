"""/summary [story]: the sentences most outlets support, each with its count and outlets, and
the few sources that tell the story best; /articles lists the rest."""

from __future__ import annotations

from collections import Counter

from handlers.command import Command
from handlers.context import Context
from handlers.fit import FRAME, Budget, heading_size, units
from handlers.format import Sources, outlets_short, plural, story_counts, story_dates, story_title
from handlers.reply import Citation, Line, Reply, Section
from handlers.resolve import resolve_story
from storage import queries
from storage.queries import ArticleRef
from stories.reader import foreign
from stories.sentences import short
from stories.summarize import SummaryLine, summarize

#: sources named under the summary; the others are counted, one command away
SOURCES_SHOWN = 5
TITLE_CHARS = 110


def representative(
    articles: list[ArticleRef], lines: list[SummaryLine], reader: str
) -> list[ArticleRef]:
    """One article per outlet, best first: those in the reader's language, then the outlets
    behind more of the summary's lines, then the earliest. An outlet's article is the one
    behind most lines (its first among equals)."""
    backing = Counter(a for line in lines for a in line.article_ids)
    best: dict[str, ArticleRef] = {}
    for article in articles:
        if article.near_copy_of is not None:
            continue
        known = best.get(article.outlet)
        if known is None or backing[article.id] > backing[known.id]:
            best[article.outlet] = article
    outlet_lines = Counter(outlet for line in lines for outlet in set(line.outlets))
    order = {article.id: index for index, article in enumerate(articles)}
    return sorted(
        best.values(),
        key=lambda a: (a.language != reader, -outlet_lines[a.outlet], order[a.id]),
    )


async def handle(command: Command, context: Context) -> Reply:
    """Lines, and the title, come from the articles in the reader's language when the story
    has any; every outlet in any language counts towards a line's support and is cited, its
    language named when it is not the reader's. The sources named come first; when a
    story's sources and lines do not fit one message, the least supported lines are left
    out."""
    language = context.language
    async with context.sessions() as session:
        story = await resolve_story(session, command.args, command.name, language)
        if isinstance(story, Reply):
            return story
        articles = await queries.story_articles(session, story.id)
        views = await queries.story_views(session, story.id)
    sources = Sources.of(views, language)
    outlet_of = {v.article_id: v.outlet for v in views}
    found = summarize(views, language=language)
    title = f"#{story.id} {story_title(story, language)}"
    dates = story_dates(story)
    subtitle = f"{story_counts(story)}: {outlets_short(story.outlets)}"
    subtitle += f" · {dates}" if dates else ""
    originals = [a for a in articles if a.near_copy_of is None]
    budget = Budget()
    budget.spend(units(title) + heading_size(subtitle) + heading_size("Sources") + FRAME)
    budget.take(_more(len(originals), story.id))
    listed = []
    for article in representative(articles, found, language)[:SOURCES_SHOWN]:
        language_named = foreign(article.language, language)
        cited = Citation(article.outlet, article.url, article.id, language_named)
        source = Line(short(article.title, TITLE_CHARS), (cited,))
        if budget.take(source):
            listed.append(source)
    if len(originals) > len(listed):
        listed.append(_more(len(originals) - len(listed), story.id))
    shown: dict[int, Line] = {}
    for index in sorted(range(len(found)), key=lambda i: -found[i].support):
        line = found[index]
        cites = {outlet_of[a]: sources.citation(a, outlet_of[a]) for a in line.article_ids}
        support = f" ({plural(line.support, 'outlet')})" if line.support > 1 else ""
        drawn = Line(f"{line.text}{support}", tuple(cites.values()))
        if budget.take(drawn):
            shown[index] = drawn
    return Reply(
        title=title,
        sections=(
            Section(subtitle, tuple(shown[i] for i in sorted(shown))),
            Section("Sources", tuple(listed)),
        ),
    )


def _more(count: int, story_id: int) -> Line:
    return Line(f"+{plural(count, 'more article')}: /articles {story_id}")
