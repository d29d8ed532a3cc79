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
    # None: past any page there can be (a number too long for the database's integers)
    requested: int | None = 1
    if len(words) == 2 and words[0].lower() == "page" and words[1].isdecimal():
        number = whole_number(words[1])
        requested = None if number is None else max(1, number)
    elif words:
        async with context.sessions() as session:
            found = await queries.stories_matching(session, command.args, context.page_size)
        if not found:
            return Reply(f"No story matches “{command.args}”.", tone=Tone.NOTICE)
        return Reply(
            f"Stories matching “{command.args}”",
            (Section(None, tuple(story_line(s, context.language) for s in found)),),
        )
    size = context.page_size
    async with context.sessions() as session:
        total = await queries.count_stories(session)
        pages = max(1, -(-total // size))
        # A page past the last is the last: the offset asked of the database stays small.
        page = pages if requested is None or requested > pages else requested
        shown = await queries.recent_stories(session, size, (page - 1) * size)
    if not shown:
        return Reply("No stories yet.", footer="Add articles with: newsbot ingest PATH_OR_URL")
    footer = f"Page {page} of {pages}. /summary <id> tells a story."
    if page != requested:
        footer = f"There is no page {words[1]}; this is the last, page {pages}. " + footer
    if page < pages:
        footer += f" More: /stories page {page + 1}"
    return Reply(
        f"Stories ({total})",
        (Section(None, tuple(story_line(s, context.language) for s in shown)),),
        footer=footer,
    )
