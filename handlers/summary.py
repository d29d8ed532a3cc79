"""/summary [story]: what the story is, told from its articles, with the outlets behind it."""

from __future__ import annotations

from handlers.command import Command
from handlers.context import Context
from handlers.format import outlets_short, story_counts, story_dates
from handlers.reply import Citation, Line, Reply, Section
from handlers.resolve import resolve_story
from storage import queries

LEAD_ARTICLES = 3


def _lead(body: str) -> str:
    return body.split("\n\n", 1)[0].strip()


async def handle(command: Command, context: Context) -> Reply:
    async with context.sessions() as session:
        story = await resolve_story(session, command.args, command.name)
        if isinstance(story, Reply):
            return story
        text = await queries.story_text(session, story.id)
    if text is None:
        return Reply.error(f"Story #{story.id} is gone.")
    originals = [a for a in text.articles if a.near_copy_of is None]
    leads = tuple(
        Line(_lead(text.bodies[a.id]), (Citation(a.outlet, a.url, a.id),))
        for a in originals[:LEAD_ARTICLES]
    )
    sources = tuple(
        Line(a.title, (Citation(a.outlet, a.url, a.id),))
        for a in text.articles
        if a.near_copy_of is None
    )
    dates = story_dates(story)
    subtitle = f"{story_counts(story)}: {outlets_short(story.outlets)}"
    return Reply(
        title=f"#{story.id} {story.title}",
        sections=(
            Section(f"{subtitle}{' · ' + dates if dates else ''}", leads),
            Section("Sources", sources),
        ),
    )
