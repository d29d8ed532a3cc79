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
from stories.compare import StoryDiff, diff_story
from stories.details import UniqueDetail
from stories.facts import Qualifier
from stories.figures import NumberDiff, NumberDiffKind, NumberValue
from stories.language import ENGLISH
from stories.names import resolve_people
from stories.number_qualifiers import qualified_amount
from stories.quote_variants import QuoteVariant, QuoteVersion
from stories.sentences import short
from stories.spellings import SpellingVariant
from stories.story_input import ArticleView
from stories.story_input import Citation as Source

#: items shown per section at most (fewer when a message has no room for them); the rest
#: are counted
SHOWN = 6
#: details of one outlet among those shown, while other outlets have some
PER_OUTLET = 2
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
    """The figure as the outlet gives it: ``more than 1 000``, ``109 + 5``; a toll of none
    ("no one was killed", "жертв нет") as ``none``."""
    if value.parts:
        return " + ".join(value.parts)
    if value.value == 0 and not any(ch.isdigit() for ch in value.text):
        return "none"
    return qualified_amount(value.qualifier, value.text, value.value)


def _others(count: int, what: str) -> str:
    return f" (and {plural(count, what)})" if count > 0 else ""


def number_line(diff: NumberDiff, sources: Sources) -> Line:
    """``what: 114 (CNBC, +2) vs 109 + 5 (X) — label``, the first ``VERSIONS`` values.

    Descriptions that agree with a figure (a rounding, a bound it satisfies) follow it as
    "also given as", not as a disagreement."""
    shown = diff.values[:VERSIONS]
    values = [f"{_value_text(value)} ({outlets_short(value.outlets)})" for value in shown]
    more = _others(len(diff.values) - len(shown), "other value")
    cited = [c for value in shown for c in value.citations]
    if diff.kind is NumberDiffKind.QUALIFIED:
        exact = [i for i, v in enumerate(shown) if v.qualifier is Qualifier.EXACT]
        first = exact[0] if exact else 0
        others = ", ".join(text for i, text in enumerate(values) if i != first)
        text = f"{diff.what}: {values[first]}; also given as {others}{more}"
        return Line(text, cite(cited, sources))
    label = {
        NumberDiffKind.CONFLICT: "outlets disagree",
        NumberDiffKind.BREAKDOWN: "same total, different breakdown",
        NumberDiffKind.AGREEMENT: "agreed",
    }[diff.kind]
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
        ("Only one outlet reports", [(unique_line(u, sources),) for u in _spread(diff.unique)]),
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
    diff = diff_story(views, resolve_people(views), context.language)
    outlets = sorted({v.outlet for v in views})
    footer = f"Compared {plural(len(views), 'article')} from {plural(len(outlets), 'outlet')}"
    languages = sorted({v.language or ENGLISH for v in views})
    if len(languages) > 1:
        footer += (
            f" in {plural(len(languages), 'language')}: figures are compared across languages,"
            " names and quotes within each"
        )
    footer += "."
    budget = Budget()
    budget.spend(units(title) + units(footer) + FRAME)
    sections = diff_sections(diff, views, context.language, budget)
    if not sections:
        sections = [Section(None, (Line("The outlets agree on every figure, name and quote."),))]
    return Reply(title, tuple(sections), footer=footer)
