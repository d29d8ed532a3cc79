"""/diff [story]: where outlets disagree, spell names differently, or report alone."""

from __future__ import annotations

from collections.abc import Iterable

from handlers.command import Command
from handlers.context import Context
from handlers.fit import FRAME, Budget, Candidates, Item, in_turns, units
from handlers.format import Sources, outlets_short, plural, story_title
from handlers.reply import Citation, Line, Reply, Section, Tone
from handlers.resolve import resolve_story
from storage import queries
from stories.compare import (
    NumberDiff,
    NumberDiffKind,
    NumberValue,
    QuoteVariant,
    QuoteVersion,
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

#: items shown per section at most (fewer when a message has no room for them); the rest
#: are counted
SHOWN = 6
#: the ways one item is told shown at most (figures, spellings, wordings); the rest counted
VERSIONS = 3
QUOTE_CHARS = 160
UNIQUE_CHARS = 240


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


def _others(count: int, what: str) -> str:
    return f" (and {plural(count, what)})" if count > 0 else ""


def number_line(diff: NumberDiff, sources: Sources) -> Line:
    """``what: 114 (CNBC, +2) vs 109 + 5 (X) — label``, the first ``VERSIONS`` values."""
    shown = diff.values[:VERSIONS]
    values = [f"{_value_text(value)} ({outlets_short(value.outlets)})" for value in shown]
    label = {
        NumberDiffKind.CONFLICT: "outlets disagree",
        NumberDiffKind.QUALIFIED: "given differently",
        NumberDiffKind.BREAKDOWN: "same total, different breakdown",
        NumberDiffKind.AGREEMENT: "agreed",
    }[diff.kind]
    more = _others(len(diff.values) - len(shown), "other value")
    cited = [c for value in shown for c in value.citations]
    return Line(f"{diff.what}: {' vs '.join(values)}{more} — {label}", cite(cited, sources))


def spelling_line(variant: SpellingVariant, sources: Sources) -> Line:
    main, *others = variant.spellings[:VERSIONS]
    rest = "; ".join(f"{s.spelling} by {outlets_short(s.outlets)}" for s in others)
    more = _others(len(variant.spellings) - VERSIONS, "other spelling")
    text = f"{main.spelling} ({plural(len(main.outlets), 'outlet')}) is spelled {rest}{more}"
    cited = [c for spelling in variant.spellings[:VERSIONS] for c in spelling.citations]
    return Line(text, cite(cited, sources))


def quote_lines(variant: QuoteVariant, sources: Sources, shown: int = VERSIONS) -> list[Line]:
    """The speaker, then the first ``shown`` wordings, each with the outlets that word it so,
    and the rest counted."""
    wordings: dict[str, list[QuoteVersion]] = {}
    for version in variant.versions:
        wordings.setdefault(" ".join(version.text.casefold().split()), []).append(version)
    lines = [Line(f"{variant.speaker}, quoted {len(wordings)} ways:")]
    for versions in list(wordings.values())[:shown]:
        cited = cite((version.citation for version in versions), sources)
        lines.append(Line(f"  “{short(versions[0].text, QUOTE_CHARS)}”", cited))
    if len(wordings) > shown:
        lines.append(Line(f"  and {plural(len(wordings) - shown, 'other wording')}"))
    return lines


def unique_line(detail: UniqueDetail, sources: Sources) -> Line:
    source = detail.citation
    text = f"Only {source.outlet}: {short(source.sentence, UNIQUE_CHARS)}"
    return Line(text, cite((source,), sources))


def _by_turns(details: tuple[UniqueDetail, ...]) -> list[UniqueDetail]:
    """Each outlet's best detail first, then each one's second...: one outlet cannot fill it."""
    queues: dict[str, list[UniqueDetail]] = {}
    for detail in details:
        queues.setdefault(detail.citation.outlet, []).append(detail)
    turns = [(turn, detail) for queue in queues.values() for turn, detail in enumerate(queue)]
    return [detail for _, detail in sorted(turns, key=lambda pair: pair[0])]


def _heading(title: str, shown: int, total: int) -> str:
    return title if shown >= total else f"{title} ({total}, showing {shown})"


def diff_sections(
    diff: StoryDiff, views: list[ArticleView], reader: str, budget: Budget
) -> list[Section]:
    """Figures, spellings, quotes and details, each section's most significant first, taken
    in turns while they fit ``budget``; each heading counts what its section leaves out."""
    sources = Sources.of(views, reader)
    numbers = [n for n in diff.numbers if n.kind is not NumberDiffKind.AGREEMENT]
    found: list[tuple[str, list[Item]]] = [
        ("Numbers", [(number_line(n, sources),) for n in numbers[:SHOWN]]),
        ("Names spelled differently", [(spelling_line(v, sources),) for v in diff.spellings]),
        ("Quotes worded differently", [tuple(quote_lines(q, sources)) for q in diff.quotes]),
        ("Only one outlet reports", [(unique_line(u, sources),) for u in _by_turns(diff.unique)]),
    ]
    totals = [len(numbers), len(diff.spellings), len(diff.quotes), len(diff.unique)]
    candidates = [
        Candidates(_heading(title, 0, total), items[:SHOWN])
        for (title, items), total in zip(found, totals, strict=True)
    ]
    taken = in_turns(budget, candidates, SHOWN)
    return [
        Section(_heading(title, len(items), total), tuple(line for item in items for line in item))
        for (title, _), items, total in zip(found, taken, totals, strict=True)
        if items
    ]


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
    outlets = sorted({v.outlet for v in compared})
    footer = f"Compared {plural(len(compared), 'article')} from {plural(len(outlets), 'outlet')}"
    others = len(views) - len(compared)
    if others:
        language = language_name(compared[0].language or ENGLISH)
        footer += (
            f" in {language}; {plural(others, 'article')} in other languages"
            " are not compared with them yet"
        )
    footer += "."
    budget = Budget()
    budget.spend(units(title) + units(footer) + FRAME)
    sections = diff_sections(diff, compared, context.language, budget)
    if not sections:
        sections = [Section(None, (Line("The outlets agree on every figure, name and quote."),))]
    return Reply(title, tuple(sections), footer=footer)
