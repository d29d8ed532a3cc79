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
from stories.language import ENGLISH
from stories.names import resolve_people
from stories.sentences import short
from stories.story_input import ArticleView
from stories.story_input import Citation as Source

#: items shown per section; the rest are counted
SHOWN = 6
#: details of one outlet among those shown, while other outlets have some
PER_OUTLET = 2
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
    """A figure as the outlets give it. Descriptions that agree with the figure (a rounding,
    a bound it satisfies) follow it as "also given as", not as a disagreement."""
    given = [f"{_value_text(value)} ({outlets_short(value.outlets)})" for value in diff.values]
    if diff.kind is NumberDiffKind.QUALIFIED:
        exact = [i for i, v in enumerate(diff.values) if v.qualifier is Qualifier.EXACT]
        first = exact[0] if exact else 0
        others = [text for i, text in enumerate(given) if i != first]
        text = f"{diff.what}: {given[first]}; also given as {', '.join(others)}"
        return Line(text, cite(diff.citations, sources))
    label = {
        NumberDiffKind.CONFLICT: "outlets disagree",
        NumberDiffKind.BREAKDOWN: "same total, different breakdown",
        NumberDiffKind.AGREEMENT: "agreed",
    }[diff.kind]
    return Line(f"{diff.what}: {' vs '.join(given)} — {label}", cite(diff.citations, sources))


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


def _spread(details: tuple[UniqueDetail, ...]) -> list[UniqueDetail]:
    """The details by what they add, no outlet taking more than ``PER_OUTLET`` of the lines
    shown while others have details left: one talkative outlet cannot fill the section."""
    shown: list[UniqueDetail] = []
    held: list[UniqueDetail] = []
    per_outlet: dict[str, int] = {}
    for detail in details:
        outlet = detail.citation.outlet
        if len(shown) < SHOWN and per_outlet.get(outlet, 0) >= PER_OUTLET:
            held.append(detail)
            continue
        per_outlet[outlet] = per_outlet.get(outlet, 0) + 1
        shown.append(detail)
    return shown[:SHOWN] + held + shown[SHOWN:]


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
        lines = [unique_line(u, sources) for u in _spread(diff.unique)[:SHOWN]]
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
    diff = diff_story(views, resolve_people(views), context.language)
    sections = diff_sections(diff, views, context.language)
    if not sections:
        sections = [Section(None, (Line("The outlets agree on every figure, name and quote."),))]
    outlets = sorted({v.outlet for v in views})
    footer = f"Compared {plural(len(views), 'article')} from {plural(len(outlets), 'outlet')}"
    languages = sorted({v.language or ENGLISH for v in views})
    if len(languages) > 1:
        footer += (
            f" in {plural(len(languages), 'language')}: figures are compared across languages,"
            " names and quotes within each"
        )
    return Reply(title, tuple(sections), footer=f"{footer}.")
