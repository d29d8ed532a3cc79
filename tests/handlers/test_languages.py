"""A story told in several languages, read in the reader's: /stories, /summary, /digest."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from bot.app import App
from bot.readers import InputDefaults, iter_paths
from handlers.command import Command
from handlers.digest_reply import compose
from handlers.dispatch import dispatch
from handlers.reply import Citation, Reply
from stories.articles import RawArticle
from stories.language import detect_language
from tests.support.multilingual_texts import RELEASE, RELEASE_AGAIN, RELEASE_DAY
from tests.support.seeds import SEEDS

OUTLETS = {"en": "AP", "ru": "Meduza", "de": "DW", "pl": "PAP", "uk": "Ukrinform", "lt": "LRT"}
LANGUAGE_OF = {outlet: language for language, outlet in OUTLETS.items()}
ORDER = ["ru", "en", "de", "pl", "uk", "lt"]


async def _ingest_release(app: App) -> None:
    """The Russian write-up first: the story is begun, and first titled, in Russian."""
    await app.ingestor.ingest(
        RawArticle(
            text=RELEASE[language][1],
            title=RELEASE[language][0],
            outlet=OUTLETS[language],
            url=f"https://{OUTLETS[language].lower()}.example/{language}",
            published=RELEASE_DAY + timedelta(minutes=n),
            declared=True,
        )
        for n, language in enumerate(ORDER)
    )


async def _ask(app: App, language: str, name: str, args: str = "") -> Reply:
    context = dataclasses.replace(app.context, language=language)
    return await dispatch(Command(name, args), context)


def _citations(reply: Reply) -> list[Citation]:
    return [c for section in reply.sections for line in section.lines for c in line.citations]


async def test_stories_counts_the_languages_a_story_is_told_in(app: App) -> None:
    await _ingest_release(app)
    reply = await _ask(app, "en", "stories")
    (line,) = reply.sections[0].lines
    assert "6 outlets, 6 articles, 6 languages" in line.text
    assert RELEASE["en"][0] in line.text
    russian = await _ask(app, "ru", "stories")
    assert RELEASE["ru"][0] in russian.sections[0].lines[0].text


async def test_summary_is_told_in_the_readers_language(app: App) -> None:
    await _ingest_release(app)
    for reader in ("en", "ru"):
        reply = await _ask(app, reader, "summary")
        assert reply.title == f"#1 {RELEASE[reader][0]}"
        lines = reply.sections[0].lines
        assert lines, reply
        assert {detect_language(line.text) for line in lines} == {reader}, lines
        assert "6 languages" in (reply.sections[0].heading or "")
        cited = {(c.outlet, c.language) for c in _citations(reply)}
        expected = {(o, None if o == OUTLETS[reader] else LANGUAGE_OF[o]) for o in OUTLETS.values()}
        assert cited <= expected
        # The other languages' outlets back a line that gives their names and figures.
        backed = {c.outlet for line in lines for c in line.citations}
        assert len(backed) > 1, lines
        # five sources, one per outlet, the reader's own first; the sixth is counted
        *sources, rest = reply.sections[1].lines
        assert sources[0].citations[0].language is None
        assert len({c.outlet for line in sources for c in line.citations}) == 5
        assert rest.text == "+1 more article: /articles 1"


async def test_digest_is_told_in_the_readers_language(app: App) -> None:
    await _ingest_release(app)
    now = datetime.now(UTC)
    for reader in ("en", "ru"):
        digest, reply = await compose(
            app.sessions, [], now - timedelta(days=1), now, language=reader
        )
        (news,) = digest.items
        assert news.title == RELEASE[reader][0]
        assert news.lead is not None
        assert detect_language(news.lead.sentence) == reader
        lead, *conflicts = reply.sections[0].lines
        assert [(c.outlet, c.language) for c in lead.citations] == [(OUTLETS[reader], None)]
        # Each language tells it once, and figures and names are compared within a language:
        # a transliteration is no conflict.
        assert conflicts == []


async def test_diff_compares_figures_across_languages_and_names_within_each(app: App) -> None:
    """A Russian "114 человек" agrees with an English "114 prisoners" and is cited beside it;
    a German or Polish transliteration is no misspelling; a sentence in another language
    whose people other outlets name is not a detail only one outlet reports."""
    await app.ingestor.ingest(iter_paths([SEEDS], InputDefaults()))
    await _ingest_release(app)
    foreign = {"Meduza", "DW", "PAP", "Ukrinform", "LRT"}
    for reader in ("en", "ru"):
        reply = await _ask(app, reader, "diff")
        sections = {s.heading or "": s for s in reply.sections}
        (numbers,) = [s for h, s in sections.items() if h.startswith("Numbers")]
        ukraine = next(line for line in numbers.lines if line.text.split(": ")[1].startswith("114"))
        assert foreign <= {c.outlet for c in ukraine.citations}, ukraine
        spelled = sections["Names spelled differently"]
        assert not foreign & {c.outlet for line in spelled.lines for c in line.citations}
        assert any("John Cole" in line.text for line in spelled.lines)
        (unique,) = [s for h, s in sections.items() if h.startswith("Only one outlet")]
        assert not foreign & {c.outlet for line in unique.lines for c in line.citations}
        assert reply.footer is not None
        assert "in 6 languages" in reply.footer
    assert "человек были вывезены в Украину" in ukraine.text


async def test_a_sentence_two_outlets_of_one_language_word_apart_is_no_detail(app: App) -> None:
    """A second German and a second Russian outlet tell the release in other words
    (Häftlinge for Gefangene, посланником for спецпосланником): their sentences' names and
    figures are everyone's, and their wording is not a detail only one outlet reports."""
    await _ingest_release(app)
    await app.ingestor.ingest(
        RawArticle(
            text=RELEASE_AGAIN[language][1],
            title=RELEASE_AGAIN[language][0],
            outlet=outlet,
            url=f"https://{outlet.lower()}.example/{language}",
            published=RELEASE_DAY + timedelta(hours=1),
            declared=True,
        )
        for language, outlet in (("de", "Spiegel"), ("ru", "Interfax"))
    )
    reply = await _ask(app, "en", "diff")
    unique = [s for s in reply.sections if (s.heading or "").startswith("Only one outlet")]
    cited = {c.outlet for section in unique for line in section.lines for c in line.citations}
    assert not {"Spiegel", "Interfax", "DW", "Meduza"} & cited


async def test_diff_of_a_story_each_language_tells_once_finds_them_agreeing(app: App) -> None:
    await _ingest_release(app)
    reply = await _ask(app, "en", "diff")
    assert reply.sections[0].lines[0].text == "The outlets agree on every figure, name and quote."
