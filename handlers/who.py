"""/who <name>: one person across outlets: spellings, descriptions, quotes, stories."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.command import Command
from handlers.context import Context
from handlers.fit import FRAME, Budget, Candidates, in_turns, units
from handlers.format import outlets_short, plural
from handlers.reply import Choice, Citation, Line, Reply, Section
from handlers.stories import story_line
from storage import queries
from storage.queries import StoryInfo
from stories.names import (
    fold,
    is_clear_match,
    match_person_query,
    name_tokens,
    query_keys,
    resolve_people,
    said_keys,
    same_person,
    script,
)
from stories.sentences import short
from stories.story_input import ArticleView

STORIES_LISTED = 5
#: spellings, descriptions and quotes come from the newest stories naming the person
STORIES_READ = 3
SHOWN = 8
QUOTE_CHARS = 240
#: folded surnames this similar may be one person's spellings (fold makes most equal)
NEAR_SURNAME = 70
#: the best-scored spellings considered; a common surname can have hundreds of holders
MAX_CANDIDATES = 20
#: below this score a single candidate is offered as a question, not answered
GUESS_SCORE = 75


@dataclass
class Profile:
    """What the outlets say about one person, gathered over the stories that name them."""

    name: str
    spellings: dict[str, dict[str, Citation]] = field(default_factory=lambda: defaultdict(dict))
    descriptions: dict[str, dict[str, Citation]] = field(default_factory=lambda: defaultdict(dict))
    quotes: list[Line] = field(default_factory=list)


def _group_candidates(ranked: list[tuple[str, float]]) -> list[list[str]]:
    """Spellings of one person are one candidate, not an ambiguity."""
    groups: list[list[str]] = []
    for name, _ in ranked:
        for group in groups:
            if same_person(name, group[0]):
                group.append(name)
                break
        else:
            groups.append([name])
    return groups


async def _candidates(session: AsyncSession, query: str, context: Context) -> list[str]:
    """Stored spellings under the query's surname keys (one per language its script may be,
    with that language's case ending taken off), or under the nearest keys (typos)."""
    keys = query_keys(query)
    if not keys:
        return []
    exact = await queries.names_with_keys(session, keys)
    if exact:
        return list(dict.fromkeys(name for key in keys for name in exact.get(key, [])))
    near = await context.surname_keys.near_keys(session, keys[0])
    found = await queries.names_with_keys(session, near)
    return [name for near_key in near for name in found.get(near_key, [])]


def _about(views: list[ArticleView], names: list[str]) -> list[ArticleView]:
    """The views with only the mentions that could name this person.

    Grouping a story's people compares names with each other; a big story names hundreds,
    and only spellings near the asked surname matter here.
    """
    surnames = {fold(tokens[-1]) for tokens in map(name_tokens, names) if tokens}
    said = frozenset().union(*map(said_keys, names))
    verdicts: dict[tuple[str, str | None], bool] = {}

    def near(name: str, language: str | None) -> bool:
        if (name, language) not in verdicts:
            tokens = name_tokens(name)
            verdicts[name, language] = bool(tokens) and (
                any(fuzz.ratio(fold(tokens[-1]), surname) >= NEAR_SURNAME for surname in surnames)
                or bool(said_keys(name, language) & said)
            )
        return verdicts[name, language]

    return [
        replace(
            view,
            facts=replace(
                view.facts,
                mentions=tuple(m for m in view.facts.mentions if near(m.name, view.language)),
            ),
        )
        for view in views
    ]


def _read(profile: Profile, names: list[str], views: list[ArticleView], language: str) -> None:
    """Add what these articles say of the person, named as the reader's ``language`` names
    them where an article in it does."""
    urls = {v.article_id: v.url for v in views}
    outlets = {v.article_id: v.outlet for v in views}
    for person in resolve_people(_about(views, names), language):
        if not any(same_person(spelling, name) for spelling in person.spellings for name in names):
            continue
        if not profile.spellings:
            profile.name = person.name
        for spelling, article_ids in person.spellings.items():
            for article_id in sorted(article_ids):
                outlet = outlets[article_id]
                profile.spellings[spelling].setdefault(
                    outlet, Citation(outlet, urls[article_id], article_id)
                )
        for d in person.descriptions:
            profile.descriptions[d.outlet].setdefault(
                d.description, Citation(d.outlet, urls[d.article_id], d.article_id)
            )
        for view in views:
            for quote in view.facts.quotes:
                if quote.speaker and same_person(quote.speaker, person.name):
                    profile.quotes.append(
                        Line(f"“{quote.text}”", (Citation(view.outlet, view.url, view.article_id),))
                    )


def _dedupe(lines: list[Line]) -> list[Line]:
    seen: dict[str, Line] = {}
    for line in lines:
        key = " ".join(line.text.casefold().split())
        seen.setdefault(key, line)
    return list(seen.values())


def _described(by_outlet: dict[str, dict[str, Citation]]) -> tuple[Line, ...]:
    """One line per outlet, its most telling descriptions first (longer says more)."""
    lines = []
    for outlet, described in list(by_outlet.items())[:SHOWN]:
        texts = sorted(described, key=len, reverse=True)[:2]
        lines.append(Line(f"{outlet}: {'; '.join(texts)}", (described[texts[0]],)))
    return tuple(lines)


def _by_script(spellings: list[tuple[str, dict[str, Citation]]]) -> tuple[Line, ...]:
    """One line per spelling with the outlets behind it, grouped by script (Latin, Cyrillic,
    Greek...), each group led by the script most cited; the script is named when there are
    several."""
    scripts: dict[str, list[tuple[str, dict[str, Citation]]]] = defaultdict(list)
    for spelling, cites in spellings:
        scripts[script(spelling)].append((spelling, cites))
    several = len(scripts) > 1
    return tuple(
        Line(
            f"{f'{name}: ' if several else ''}{spelling} — {outlets_short(tuple(cites), 4)}",
            tuple(cites.values()),
        )
        for name, group in scripts.items()
        for spelling, cites in group
    )


def _render(profile: Profile, stories: list[StoryInfo], language: str) -> Reply:
    """Spellings, descriptions, quotes and stories, each section's first items taken in turns
    while they fit one message (``handlers.fit``): the stories come first, so that where
    else the person is named is never cut."""
    spellings = sorted(profile.spellings.items(), key=lambda item: -len(item[1]))
    known = profile.name in profile.spellings or not spellings
    canonical = profile.name if known else spellings[0][0]
    outlets = {outlet for _, cites in spellings for outlet in cites}
    footer = f"Named by {plural(len(outlets), 'outlet')}."
    budget = Budget()
    budget.spend(units(canonical) + units(footer) + FRAME)
    listed = Candidates("Stories, newest first", [(story_line(s, language),) for s in stories])
    found = [
        Candidates("Spelled", [(line,) for line in _by_script(spellings)])
        if len(spellings) > 1
        else Candidates("Spelled", []),
        Candidates("Described as", [(line,) for line in _described(profile.descriptions)]),
        Candidates("Said", [(_said(line),) for line in _dedupe(profile.quotes)]),
    ]
    (stories_taken,) = in_turns(budget, [listed], STORIES_LISTED)
    taken = in_turns(budget, found, SHOWN)
    sections = [
        Section(candidates.heading, tuple(line for item in items for line in item))
        for candidates, items in zip([*found, listed], [*taken, stories_taken], strict=True)
        if items
    ]
    return Reply(canonical, tuple(sections), footer=footer)


def _said(line: Line) -> Line:
    return Line(short(line.text, QUOTE_CHARS), line.citations)


async def _usage(session: AsyncSession) -> str:
    """How to ask, with a surname from the latest stories as the example."""
    example = await queries.most_named(session)
    if example is None:
        return "Usage: /who <name>. No one is named in the stories yet: /stories shows them."
    return f"Usage: /who <name>; a surname alone will do, e.g. /who {example.split()[-1]}"


async def handle(command: Command, context: Context) -> Reply:
    query = command.args.strip()
    async with context.sessions() as session:
        if not query:
            return Reply.error("Whom should I look up?", await _usage(session))
        ranked = match_person_query(query, await _candidates(session, query, context))
        ranked = ranked[:MAX_CANDIDATES]
        groups = _group_candidates(ranked)
        if not groups:
            return Reply.error(f"No one called “{query}” in the stories.", await _usage(session))
        if not is_clear_match(ranked) and (len(groups) > 1 or ranked[0][1] < GUESS_SCORE):
            return _did_you_mean(query, groups)
        chosen = groups[0]
        stories = await queries.stories_naming(session, chosen, STORIES_LISTED)
        profile = Profile(chosen[0])
        for story in stories[:STORIES_READ]:
            views = await queries.story_views(session, story.id)
            _read(profile, chosen, views, context.language)
    return _render(profile, stories, context.language)


def _did_you_mean(query: str, groups: list[list[str]]) -> Reply:
    shown = groups[:SHOWN]
    title = (
        f"Several people match “{query}”. Which one?"
        if len(groups) > 1
        else f"No one called “{query}” in the stories. Did you mean:"
    )
    return Reply(
        title,
        sections=(Section(None, tuple(Line(g[0]) for g in shown)),),
        choices=tuple(Choice(g[0], f"/who {g[0]}") for g in shown),
    )
