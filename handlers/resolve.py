"""Finding the story a command means: an id from /stories, words it is found by, or none."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.command import whole_number
from handlers.reply import Choice, Line, Reply, Section
from storage import queries
from storage.queries import StoryInfo
from stories.language import ENGLISH
from stories.reader import title_for

MAX_CHOICES = 5


async def resolve_story(
    session: AsyncSession, args: str, command: str, language: str = ENGLISH
) -> StoryInfo | Reply:
    """The story ``args`` names; otherwise a reply saying what went wrong or offering choices
    (titled for readers of ``language``).

    No argument means the story updated most recently.
    """
    text = args.strip()
    if not text:
        latest = await queries.recent_stories(session, limit=1)
        if latest:
            return latest[0]
        return Reply.error("No stories yet.", "Add articles with: newsbot ingest PATH_OR_URL")
    if (story_id := whole_number(text)) is not None:
        story = await queries.story_by_id(session, story_id)
        if story is not None:
            return story
        return Reply.error(f"There is no story #{story_id}.", "/stories lists them.")
    found = await queries.stories_matching(session, text, limit=MAX_CHOICES + 1)
    if not found:
        return Reply.error(f"No story matches “{text}”.", "Try other words, or /stories.")
    if len(found) == 1:
        return found[0]
    shown = [(s.id, title_for(s.title, s.headlines, language)) for s in found[:MAX_CHOICES]]
    more = " (and more: add words to narrow it)" if len(found) > MAX_CHOICES else ""
    return Reply(
        title=f"Several stories match “{text}”{more}. Which one?",
        sections=(Section(None, tuple(Line(f"#{id_} {title}") for id_, title in shown)),),
        choices=tuple(Choice(f"#{id_} {title}", f"/{command} {id_}") for id_, title in shown),
    )
