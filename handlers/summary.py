"""/summary [story]: the sentences most outlets support, each with its count and outlets."""

from __future__ import annotations

from handlers.command import Command
from handlers.context import Context
from handlers.format import Sources, outlets_short, plural, story_counts, story_dates, story_title
from handlers.reply import Citation, Line, Reply, Section
from handlers.resolve import resolve_story
from storage import queries
from stories.reader import foreign
from stories.summarize import summarize


async def handle(command: Command, context: Context) -> Reply:
    """Lines, and the title, come from the articles in the reader's language when the story
    has any; every outlet in any language counts towards a line's support and is cited, its
    language named when it is not the reader's."""
    language = context.language
    async with context.sessions() as session:
        story = await resolve_story(session, command.args, command.name, language)
        if isinstance(story, Reply):
            return story
        articles = await queries.story_articles(session, story.id)
        views = await queries.story_views(session, story.id)
    sources = Sources.of(views, language)
    outlet_of = {v.article_id: v.outlet for v in views}
    lines = []
    for line in summarize(views, language=language):
        cites = {outlet_of[a]: sources.citation(a, outlet_of[a]) for a in line.article_ids}
        support = f" ({plural(line.support, 'outlet')})" if line.support > 1 else ""
        lines.append(Line(f"{line.text}{support}", tuple(cites.values())))
    listed = (
        Line(a.title, (Citation(a.outlet, a.url, a.id, foreign(a.language, language)),))
        for a in articles
        if a.near_copy_of is None
    )
    dates = story_dates(story)
    subtitle = f"{story_counts(story)}: {outlets_short(story.outlets)}"
    return Reply(
        title=f"#{story.id} {story_title(story, language)}",
        sections=(
            Section(f"{subtitle}{' · ' + dates if dates else ''}", tuple(lines)),
            Section("Sources", tuple(listed)),
        ),
    )
