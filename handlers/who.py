"""/who <name>: one person across outlets: spellings, descriptions, quotes, stories."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.command import Command
from handlers.context import Context
from handlers.format import outlets_short
from handlers.reply import Choice, Citation, Line, Reply, Section
from handlers.stories import story_line
from storage import queries
from storage.queries import StoryInfo
from stories.names import (
    is_clear_match,
    match_person_query,
    resolve_people,
    same_person,
    surname_key,
)
from stories.story_input import ArticleView

STORIES_READ = 5
SHOWN = 8
SUGGESTIONS = 3
#: how many known names "did you mean" looks through when a surname is not known at all
KNOWN_NAMES = 20_000


@dataclass
class Profile:
    """What the outlets say about one person, gathered over the stories that name them."""

    name: str
    spellings: dict[str, dict[str, Citation]] = field(default_factory=lambda: defaultdict(dict))
    descriptions: dict[str, dict[str, Citation]] = field(
        default_factory=lambda: defaultdict(dict)
    )
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


async def _candidates(session: AsyncSession, query: str) -> tuple[str, list[str]]:
    key = surname_key(query)
    return key, await queries.names_with_key(session, key) if key else []


def _read(profile: Profile, names: list[str], views: list[ArticleView]) -> bool:
    """Add what these articles say of the person; False if they do not name them."""
    urls = {v.article_id: v.url for v in views}
    outlets = {v.article_id: v.outlet for v in views}
    found = False
    for person in resolve_people(views):
        if not any(same_person(person.name, name) for name in names):
            continue
        found = True
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
    return found


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


def _render(profile: Profile, stories: list[StoryInfo]) -> Reply:
    spellings = sorted(profile.spellings.items(), key=lambda item: -len(item[1]))
    canonical = spellings[0][0] if spellings else profile.name
    sections = []
    if len(spellings) > 1:
        sections.append(
            Section(
                "Spelled",
                tuple(
                    Line(f"{spelling} — {outlets_short(tuple(cites), 4)}", tuple(cites.values()))
                    for spelling, cites in spellings
                ),
            )
        )
    if profile.descriptions:
        sections.append(Section("Described as", _described(profile.descriptions)))
    quotes = _dedupe(profile.quotes)
    if quotes:
        sections.append(Section("Said", tuple(quotes[:SHOWN])))
    sections.append(Section("Stories, newest first", tuple(story_line(s) for s in stories)))
    outlets = {outlet for _, cites in spellings for outlet in cites}
    return Reply(canonical, tuple(sections), footer=f"Named by {len(outlets)} outlets.")


async def handle(command: Command, context: Context) -> Reply:
    query = command.args.strip()
    if not query:
        return Reply.error("Whom should I look up?", "Usage: /who <name>, e.g. /who Kalesnikava")
    async with context.sessions() as session:
        key, names = await _candidates(session, query)
        ranked = match_person_query(query, names)
        if not ranked:
            known = await queries.known_names(session, KNOWN_NAMES)
            guesses = _group_candidates(match_person_query(query, known))[:SUGGESTIONS]
            if not guesses:
                return Reply.error(f"No one called “{query}” in the stories.")
            return Reply(
                f"No one called “{query}” in the stories. Did you mean:",
                choices=tuple(Choice(g[0], f"/who {g[0]}") for g in guesses),
                sections=(Section(None, tuple(Line(g[0]) for g in guesses)),),
            )
        groups = _group_candidates(ranked)
        if len(groups) > 1 and not is_clear_match(ranked):
            return Reply(
                f"Several people match “{query}”. Which one?",
                choices=tuple(Choice(g[0], f"/who {g[0]}") for g in groups[:SHOWN]),
                sections=(Section(None, tuple(Line(g[0]) for g in groups[:SHOWN])),),
            )
        chosen = groups[0]
        stories = await queries.stories_naming(session, key, chosen, STORIES_READ)
        profile = Profile(chosen[0])
        for story in stories:
            _read(profile, chosen, await queries.story_views(session, story.id))
    return _render(profile, stories)
