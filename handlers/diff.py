"""/diff [story]: where outlets disagree, spell names differently, or report alone."""

from __future__ import annotations

from collections.abc import Iterable

from handlers.command import Command
from handlers.context import Context
from handlers.format import Sources, outlets_short, plural, story_title
from handlers.reply import Citation, Line, Reply, Section, Tone
from handlers.resolve import resolve_story
from storage import queries
from stories.compare import (
    NumberDiff,
    NumberDiffKind,
    NumberValue,
    QuoteVariant,
    SpellingVariant,
    StoryDiff,
    UniqueDetail,
    diff_story,
)
from stories.facts import Qualifier
from stories.language import ENGLISH, language_name
from stories.names import resolve_people
from stories.reader import comparable
from stories.sentences import short
from stories.story_input import ArticleView
from stories.story_input import Citation as Source

#: items shown per section; the rest are counted
SHOWN = 6
QUOTE_CHARS = 160


def cite(cited: Iterable[Source], sources: Sources) -> tuple[Citation, ...]:
    """One citation per outlet, linked to its article when the URL is known."""
    seen: dict[str, Citation] = {}
    for source in cited:
        seen.setdefault(source.outlet, sources.citation(source.article_id, source.outlet))
    return tuple(seen.values())


def _value_text(value: NumberValue) -> str:
    """The figure as the outlet gives it: ``more than 1 000``, ``109 + 5``."""
    if value.parts:
        return " + ".join(value.parts)
    qualified = value.qualifier not in (Qualifier.EXACT, Qualifier.VAGUE)
    prefix = f"{value.qualifier.value} "
    if qualified and not value.text.casefold().startswith(prefix):
        return prefix + value.text
    return value.text


def number_line(diff: NumberDiff, sources: Sources) -> Line:
    values = [f"{_value_text(value)} ({outlets_short(value.outlets)})" for value in diff.values]
    label = {
        NumberDiffKind.CONFLICT: "outlets disagree",
        NumberDiffKind.QUALIFIED: "given differently",
        NumberDiffKind.BREAKDOWN: "same total, different breakdown",
        NumberDiffKind.AGREEMENT: "agreed",
    }[diff.kind]
    return Line(f"{diff.what}: {' vs '.join(values)} — {label}", cite(diff.citations, sources))


def spelling_line(variant: SpellingVariant, sources: Sources) -> Line:
    main, *others = variant.spellings
    rest = "; ".join(f"{s.spelling} by {outlets_short(s.outlets)}" for s in others)
    text = f"{main.spelling} ({plural(len(main.outlets), 'outlet')}) is spelled {rest}"
    return Line(text, cite(variant.citations, sources))


def quote_lines(variant: QuoteVariant, sources: Sources) -> list[Line]:
    lines = [Line(f"{variant.speaker}, quoted {len(variant.versions)} ways:")]
    for version in variant.versions:
        lines.append(
            Line(f"  “{short(version.text, QUOTE_CHARS)}”", cite((version.citation,), sources))
        )
    return lines


def unique_line(detail: UniqueDetail, sources: Sources) -> Line:
    source = detail.citation
    return Line(f"Only {source.outlet}: {short(source.sentence, 240)}", cite((source,), sources))


def _by_turns(details: tuple[UniqueDetail, ...]) -> list[UniqueDetail]:
    """Each outlet's best detail first, then each one's second...: one outlet cannot fill it."""
    queues: dict[str, list[UniqueDetail]] = {}
    for detail in details:
        queues.setdefault(detail.citation.outlet, []).append(detail)
    turns = [(turn, detail) for queue in queues.values() for turn, detail in enumerate(queue)]
    return [detail for _, detail in sorted(turns, key=lambda pair: pair[0])]


def _capped(title: str, lines: list[Line], total: int) -> Section:
    heading = title if total <= SHOWN else f"{title} ({total}, showing {SHOWN})"
    return Section(heading, tuple(lines))


def diff_sections(diff: StoryDiff, views: list[ArticleView], reader: str) -> list[Section]:
    sources = Sources.of(views, reader)
    sections: list[Section] = []
    numbers = [n for n in diff.numbers if n.kind is not NumberDiffKind.AGREEMENT]
    if numbers:
        lines = [number_line(n, sources) for n in numbers[:SHOWN]]
        sections.append(_capped("Numbers", lines, len(numbers)))
    if diff.spellings:
        lines = [spelling_line(v, sources) for v in diff.spellings[:SHOWN]]
        sections.append(_capped("Names spelled differently", lines, len(diff.spellings)))
    if diff.quotes:
        lines = [line for q in diff.quotes[:SHOWN] for line in quote_lines(q, sources)]
        sections.append(_capped("Quotes worded differently", lines, len(diff.quotes)))
    if diff.unique:
        lines = [unique_line(u, sources) for u in _by_turns(diff.unique)[:SHOWN]]
        sections.append(_capped("Only one outlet reports", lines, len(diff.unique)))
    return sections


async def handle(command: Command, context: Context) -> Reply:
    async with context.sessions() as session:
        story = await resolve_story(session, command.args, command.name, context.language)
        if isinstance(story, Reply):
            return story
        views = await queries.story_views(session, story.id)
    title = f"#{story.id} {story_title(story, context.language)}"
    if len({v.outlet for v in views}) < 2:
        return Reply(
            title,
            (
                Section(
                    None, (Line("Only one outlet has told this story so far: nothing to compare."),)
                ),
            ),
            tone=Tone.NOTICE,
        )
    compared = comparable(views, context.language)
    if len({v.outlet for v in compared}) < 2:
        line = Line(
            "Each language tells this story through one outlet so far, and figures, names and"
            " quotes are compared within a language: nothing to compare yet."
        )
        return Reply(title, (Section(None, (line,)),), tone=Tone.NOTICE)
    diff = diff_story(compared, resolve_people(compared))
    sections = diff_sections(diff, compared, context.language)
    if not sections:
        sections = [Section(None, (Line("The outlets agree on every figure, name and quote."),))]
    outlets = sorted({v.outlet for v in compared})
    footer = f"Compared {plural(len(compared), 'article')} from {plural(len(outlets), 'outlet')}"
    others = len(views) - len(compared)
    if others:
        language = language_name(compared[0].language or ENGLISH)
        footer += (
            f" in {language}; {plural(others, 'article')} in other languages"
            " are not compared with them yet"
        )
    return Reply(title, tuple(sections), footer=f"{footer}.")
