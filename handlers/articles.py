"""/articles [story] [page N]: every article of a story, oldest first, each linked under its
outlet; the near-copies of one (the same wire copy on other sites) are named on its line.

The other commands name a few outlets and count the rest; this is where the rest are.
"""

from __future__ import annotations

from handlers.command import Command, whole_number
from handlers.context import Context
from handlers.format import outlets_short, plural, story_counts, story_title
from handlers.reply import Citation, Line, Reply, Section
from handlers.resolve import resolve_story
from storage import queries
from storage.queries import ArticleRef
from stories.reader import foreign
from stories.sentences import short

TITLE_CHARS = 110


def _page_asked(words: list[str]) -> tuple[str, str | None]:
    """The story words and the page number as typed: ``12 page 3`` -> ("12", "3")."""
    if len(words) >= 2 and words[-2].lower() == "page" and words[-1].isdecimal():
        return " ".join(words[:-2]), words[-1]
    return " ".join(words), None


def _line(article: ArticleRef, copies: list[ArticleRef], reader: str) -> Line:
    when = f" — {article.published:%d %b %H:%M}" if article.published else ""
    also = ""
    if copies:
        outlets = tuple(dict.fromkeys(copy.outlet for copy in copies))
        also = f" (also run by {outlets_short(outlets)})"
    language = foreign(article.language, reader)
    citation = Citation(article.outlet, article.url, article.id, language)
    return Line(f"{short(article.title, TITLE_CHARS)}{when}{also}", (citation,))


async def handle(command: Command, context: Context) -> Reply:
    words, typed = _page_asked(command.words)
    # None: past any page there can be (a number too long for the database's integers)
    number = 1 if typed is None else whole_number(typed)
    requested = None if number is None else max(1, number)
    async with context.sessions() as session:
        story = await resolve_story(session, words, command.name, context.language)
        if isinstance(story, Reply):
            return story
        articles = await queries.story_articles(session, story.id)
    originals = [a for a in articles if a.near_copy_of is None]
    copies: dict[int, list[ArticleRef]] = {}
    for article in articles:
        if article.near_copy_of is not None:
            copies.setdefault(article.near_copy_of, []).append(article)
    size = context.page_size
    pages = max(1, -(-len(originals) // size))
    page = pages if requested is None or requested > pages else requested
    shown = originals[(page - 1) * size : page * size]
    lines = tuple(_line(a, copies.get(a.id, []), context.language) for a in shown)
    footer = f"Page {page} of {pages}, oldest first; times in UTC."
    if page != requested:
        footer = f"There is no page {typed}; this is the last. " + footer
    if page < pages:
        footer += f" More: /articles {story.id} page {page + 1}"
    title = f"#{story.id} {story_title(story, context.language)}"
    heading = f"{story_counts(story)}: {plural(len(originals), 'article')} listed"
    return Reply(title, (Section(heading, lines),), footer=footer)
