"""/stories [page N | words]: the stories, newest activity first."""

from __future__ import annotations

from handlers.command import Command, whole_number
from handlers.context import Context
from handlers.format import age, outlets_short, story_counts, story_dates, story_title
from handlers.reply import Line, Reply, Section, Tone
from storage import queries
from storage.queries import StoryInfo
from stories.language import ENGLISH


def story_line(story: StoryInfo, language: str = ENGLISH) -> Line:
    dates = story_dates(story)
    when = f"{dates}; " if dates else ""
    text = (
        f"#{story.id} {story_title(story, language)} — {story_counts(story)} "
        f"({outlets_short(story.outlets)}); {when}updated {age(story.updated_at)}"
    )
    return Line(text)


async def handle(command: Command, context: Context) -> Reply:
    words = command.words
    page = 1
    if len(words) == 2 and words[0].lower() == "page" and words[1].isdecimal():
        number = whole_number(words[1])
        if number is None:
            return Reply(f"There is no page {words[1]}.", tone=Tone.NOTICE)
        page = max(1, number)
    elif words:
        async with context.sessions() as session:
            found = await queries.stories_matching(session, command.args, context.page_size)
        if not found:
            return Reply(f"No story matches “{command.args}”.", tone=Tone.NOTICE)
        return Reply(
            f"Stories matching “{command.args}”",
            (Section(None, tuple(story_line(s, context.language) for s in found)),),
        )
    async with context.sessions() as session:
        total = await queries.count_stories(session)
        shown = await queries.recent_stories(
            session, context.page_size, (page - 1) * context.page_size
        )
    if total == 0:
        return Reply("No stories yet.", footer="Add articles with: newsbot ingest PATH_OR_URL")
    if not shown:
        return Reply(f"There is no page {page}.", tone=Tone.NOTICE)
    pages = -(-total // context.page_size)
    footer = f"Page {page} of {pages}. /summary <id> tells a story."
    if page < pages:
        footer += f" More: /stories page {page + 1}"
    return Reply(
        f"Stories ({total})",
        (Section(None, tuple(story_line(s, context.language) for s in shown)),),
        footer=footer,
    )
