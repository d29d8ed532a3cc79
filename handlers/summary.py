"""/summary [story]: the sentences most outlets support, each with its count and outlets."""

from __future__ import annotations

from handlers.command import Command
from handlers.context import Context
from handlers.format import outlets_short, plural, story_counts, story_dates
from handlers.reply import Citation, Line, Reply, Section
from handlers.resolve import resolve_story
from storage import queries
from stories.summarize import summarize


async def handle(command: Command, context: Context) -> Reply:
    async with context.sessions() as session:
        story = await resolve_story(session, command.args, command.name)
        if isinstance(story, Reply):
            return story
        articles = await queries.story_articles(session, story.id)
        views = await queries.story_views(session, story.id)
    urls = {v.article_id: v.url for v in views}
    outlet_of = {v.article_id: v.outlet for v in views}
    lines = []
    for line in summarize(views):
        cites = {outlet_of[a]: Citation(outlet_of[a], urls[a], a) for a in line.article_ids}
        support = f" ({plural(line.support, 'outlet')})" if line.support > 1 else ""
        lines.append(Line(f"{line.text}{support}", tuple(cites.values())))
    sources = tuple(
        Line(a.title, (Citation(a.outlet, a.url, a.id),))
        for a in articles
        if a.near_copy_of is None
    )
    dates = story_dates(story)
    subtitle = f"{story_counts(story)}: {outlets_short(story.outlets)}"
    return Reply(
        title=f"#{story.id} {story.title}",
        sections=(
            Section(f"{subtitle}{' · ' + dates if dates else ''}", tuple(lines)),
            Section("Sources", sources),
        ),
    )
