"""/timeline [story]: a picture of the story's coverage over time, with a short caption."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import chart
from handlers.command import Command
from handlers.context import Context
from handlers.format import plural, story_counts, story_dates, story_title
from handlers.reply import Line, Picture, Reply, Section, Tone
from handlers.resolve import resolve_story
from storage import queries
from storage.queries import ArticleRef, StoryInfo
from stories.compare import diff_story
from stories.names import resolve_people
from stories.story_input import ArticleView
from stories.timeline import Report, Timeline, timeline, unit_words

#: moments told in the caption (the picture shows the same, numbered)
CAPTION_MOMENTS = chart.MOMENTS_SHOWN


def story_timeline(
    articles: Sequence[ArticleRef], views: Sequence[ArticleView], reader: str
) -> Timeline | None:
    """The engine's facts about the story, put on its timeline (see ``stories.timeline``),
    compared as /diff compares them."""
    reports = [
        Report(a.id, a.outlet, a.language, a.published, a.near_copy_of is not None)
        for a in articles
    ]
    people = resolve_people(views, reader)
    diff = None
    if len({v.outlet for v in views}) > 1:
        diff = diff_story(views, people, reader)
    return timeline(reports, views, people, diff, reader)


def _picture(story: StoryInfo, found: Timeline, reader: str) -> Picture:
    title = f"#{story.id} {story_title(story, reader)}"
    told = [plural(len(story.outlets), "outlet"), plural(story.article_count, "article")]
    if len(story.languages) > 1:
        told.append(plural(len(story.languages), "language"))
    subtitle = f"{', '.join(told)} · {story_dates(story)}".strip(" ·")
    png = chart.draw(found, title, subtitle)
    first = found.reports[0]
    peak_at, peak = found.peak
    caption = (
        f"Timeline of {title}: {plural(len(found.reports), 'article')} from "
        f"{plural(found.outlets, 'outlet')}, first reported by {first.outlet} on "
        f"{first.published:%d %b %Y at %H:%M} UTC; the most, {peak}, in "
        f"{unit_words(found.bucket)} from {peak_at:%d %b %H:%M}."
    )
    return Picture(png, f"Timeline of {title}", caption, f"timeline-{story.id}.png")


async def timeline_picture(session: AsyncSession, story: StoryInfo, reader: str) -> Picture | None:
    """The story's timeline picture, drawn in a worker thread; None when there is too little
    to draw (fewer than two articles with a publication time)."""
    articles = await queries.story_articles(session, story.id)
    views = await queries.story_views(session, story.id)

    def build() -> Picture | None:
        found = story_timeline(articles, views, reader)
        return None if found is None else _picture(story, found, reader)

    return await asyncio.to_thread(build)


async def handle(command: Command, context: Context) -> Reply:
    language = context.language
    async with context.sessions() as session:
        story = await resolve_story(session, command.args, command.name, language)
        if isinstance(story, Reply):
            return story
        articles = await queries.story_articles(session, story.id)
        views = await queries.story_views(session, story.id)
    title = f"#{story.id} {story_title(story, language)}"
    if len(articles) < 2:
        return _notice(
            title,
            "Only one article tells this story so far: a timeline needs two.",
            f"/summary {story.id} tells it.",
        )

    def build() -> tuple[Timeline, Picture] | None:
        found = story_timeline(articles, views, language)
        return None if found is None else (found, _picture(story, found, language))

    drawn = await asyncio.to_thread(build)
    if drawn is None:
        return _notice(
            title,
            "Its articles carry no publication time (one at most): there is no timeline to draw.",
            f"/articles {story.id} lists them.",
        )
    found, picture = drawn
    lines = tuple(
        Line(f"{moment.at:%d %b %H:%M} — {moment.text}")
        for moment in found.moments[:CAPTION_MOMENTS]
    )
    footer = f"Times in UTC. {story_counts(story)}."
    if found.undated:
        footer += f" {plural(found.undated, 'article')} without a publication time not shown."
    return Reply(title, (Section(None, lines),), footer=footer, picture=picture)


def _notice(title: str, *lines: str) -> Reply:
    return Reply(title, (Section(None, tuple(map(Line, lines))),), tone=Tone.NOTICE)
