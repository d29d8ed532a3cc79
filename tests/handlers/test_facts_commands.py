"""/who, /diff and /summary over a real store: the seed story and invented coverage."""

from __future__ import annotations

import re

from bot.app import App, seed_if_empty
from handlers.diff import number_line
from handlers.format import Sources
from handlers.reply import Reply, Tone
from stories.facts import Qualifier
from stories.figures import NumberDiff, NumberDiffKind, NumberValue
from stories.story_input import Citation as Source
from tests.support.articles import QUAKE, QUAKE_OTHER, raw, when
from tests.support.commands import ask, text_of


def cited_outlets(reply: Reply) -> set[str]:
    return {c.outlet for s in reply.sections for line in s.lines for c in line.citations}


async def test_who_finds_a_person_by_another_spelling(app: App) -> None:
    await seed_if_empty(app)
    reply = await ask(app, "who", "Kolesnikova")
    assert reply.tone is Tone.OK, text_of(reply)
    assert reply.title == "Maria Kalesnikava"
    described = next(s for s in reply.sections if s.heading == "Described as")
    assert len({c.outlet for line in described.lines for c in line.citations}) >= 3
    assert "flautist" in text_of(reply)
    assert any(s.heading == "Stories, newest first" for s in reply.sections)


async def test_who_shows_spellings_with_their_outlets(app: App) -> None:
    await seed_if_empty(app)
    reply = await ask(app, "who", "Cole")
    assert reply.title == "John Coale"
    spelled = next(s for s in reply.sections if s.heading == "Spelled")
    cole = next(line for line in spelled.lines if line.text.startswith("John Cole "))
    assert [c.outlet for c in cole.citations] == ["Unnamed outlet (004, translated)"]
    said = next(s for s in reply.sections if s.heading == "Said")
    assert "potash" in " ".join(line.text for line in said.lines)


async def test_who_never_merges_husband_and_wife(app: App) -> None:
    await seed_if_empty(app)
    husband = await ask(app, "who", "Sergei Tikhanovsky")
    wife = await ask(app, "who", "Tsikhanouskaya")
    assert husband.title == "Sergei Tikhanovsky"
    assert wife.title == "Sviatlana Tsikhanouskaya"
    assert "Sviatlana" not in " ".join(
        line.text for s in husband.sections if s.heading == "Spelled" for line in s.lines
    )


async def test_who_unknown_names_and_odd_input(app: App) -> None:
    nobody = await ask(app, "who", "Kalesnikava")
    assert "No one is named in the stories yet" in text_of(nobody)
    await seed_if_empty(app)
    typo = await ask(app, "who", "Babaryk")
    assert typo.title == "Viktar Babaryka"
    unknown = await ask(app, "who", "Qwxz Plonk")
    assert unknown.title.startswith("No one called")
    # the example is a surname from the latest stories, not a name written into the bot
    (example,) = re.findall(r"e\.g\. /who (\S+)$", text_of(unknown), re.M)
    assert (await ask(app, "who", example)).tone is not Tone.ERROR
    empty = await ask(app, "who")
    assert empty.tone is Tone.ERROR
    assert f"e.g. /who {example}" in text_of(empty)
    odd = await ask(app, "who", "<b>Bialiatski</b> & co")
    assert "Bialiatski" in odd.title or odd.title.startswith(("No one", "Several"))


async def test_diff_on_the_seeds(app: App) -> None:
    await seed_if_empty(app)
    reply = await ask(app, "diff")
    text = text_of(reply)
    assert "John Cole" in text
    assert "114" in text
    assert "Budanov" in text
    for trap in ("September 9, 2021", "December 3, 2020", "Contact Us", "Site Map"):
        assert trap not in text
    assert len(cited_outlets(reply)) >= 4


async def test_diff_reports_a_conflicting_toll(app: App) -> None:
    await app.ingestor.ingest(
        [
            raw(QUAKE, outlet="Andina", published=when(3)),
            raw(QUAKE_OTHER, outlet="Wire", published=when(3), title="Peru quake kills 16"),
        ]
    )
    reply = await ask(app, "diff", "Arequipa")
    numbers = next(s for s in reply.sections if s.heading and s.heading.startswith("Numbers"))
    toll = " ".join(line.text for line in numbers.lines)
    assert "14" in toll
    assert "16" in toll


async def test_diff_with_one_outlet_says_so(app: App) -> None:
    await app.ingestor.ingest([raw(QUAKE, outlet="Andina", published=when(3))])
    reply = await ask(app, "diff")
    assert reply.tone is Tone.NOTICE


async def test_summary_counts_support(app: App) -> None:
    await seed_if_empty(app)
    reply = await ask(app, "summary")
    lines = reply.sections[0].lines
    assert 3 <= len(lines) <= 6
    assert any("(5 outlets)" in line.text or "(4 outlets)" in line.text for line in lines)
    assert all(line.citations for line in lines)


def test_a_figure_given_as_a_rounding_reads_as_also_given_not_as_a_disagreement() -> None:
    def value(text: str, number: float, qualifier: Qualifier, outlet: str) -> NumberValue:
        cited = (Source(len(outlet), outlet, "A sentence."),)
        return NumberValue(text, number, number, number, qualifier, cited)

    diff = NumberDiff(
        "homes destroyed",
        NumberDiffKind.QUALIFIED,
        (
            value("about a hundred", 100, Qualifier.ABOUT, "Bay Herald"),
            value("123", 123, Qualifier.EXACT, "Coast Times"),
        ),
        0.0,
    )
    line = number_line(diff, Sources.of([], "en"))
    assert line.text == (
        "homes destroyed: 123 (Coast Times); also given as about a hundred (Bay Herald)"
    )


def test_a_toll_of_none_reads_as_none() -> None:
    def value(text: str, number: float, outlet: str) -> NumberValue:
        cited = (Source(len(outlet), outlet, "A sentence."),)
        return NumberValue(text, number, number, number, Qualifier.EXACT, cited)

    diff = NumberDiff(
        "people dead",
        NumberDiffKind.CONFLICT,
        (value("12", 12, "AFP"), value("no one", 0, "Enough Project")),
        0.0,
    )
    line = number_line(diff, Sources.of([], "en"))
    assert line.text == "people dead: 12 (AFP) vs none (Enough Project) — outlets disagree"
