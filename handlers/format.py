"""Small wording helpers shared by handlers: outlet lists, counts, ages."""

from __future__ import annotations

from datetime import UTC, datetime

from storage.queries import StoryInfo


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def outlets_short(outlets: tuple[str, ...], shown: int = 3) -> str:
    """``CNBC, RksNews, +3`` — the way every line names its sources."""
    head = ", ".join(outlets[:shown])
    rest = len(outlets) - shown
    return f"{head}, +{rest}" if rest > 0 else head


def age(moment: datetime, now: datetime | None = None) -> str:
    seconds = int(((now or datetime.now(UTC)) - moment).total_seconds())
    if seconds < 90:
        return "just now"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            return f"{plural(seconds // size, unit)} ago"
    return "just now"


def story_counts(story: StoryInfo) -> str:
    originals = story.article_count - story.copy_count
    text = f"{plural(len(story.outlets), 'outlet')}, {plural(originals, 'article')}"
    if story.copy_count:
        text += f" (+{plural(story.copy_count, 'near-copy', 'near-copies')})"
    return text


def story_dates(story: StoryInfo) -> str:
    first, last = story.first_published, story.last_published
    if first is None or last is None:
        return ""
    if first.date() == last.date():
        return first.strftime("%d %b %Y")
    return f"{first:%d %b} – {last:%d %b %Y}"
