"""Handlers answer over a real store: seeds plus invented stories."""

from __future__ import annotations

from bot.app import App, seed_if_empty
from handlers.command import Command
from handlers.dispatch import dispatch
from handlers.reply import Tone
from tests.support.articles import MERGER, QUAKE, raw, when
from tests.support.commands import ask, text_of


async def test_empty_store_says_how_to_start(app: App) -> None:
    stories = await ask(app, "stories")
    assert "No stories yet" in stories.title
    summary = await ask(app, "summary")
    assert summary.tone is Tone.ERROR
    assert "newsbot ingest" in text_of(summary)


async def test_stories_lists_outlets_and_counts(app: App) -> None:
    await seed_if_empty(app)
    reply = await ask(app, "stories")
    assert reply.title == "Stories (1)"
    line = reply.sections[0].lines[0].text
    assert "5 outlets, 5 articles" in line
    assert "Lukashenko" in line or "Belarus" in line
    assert "13 Dec – 14 Dec 2025" in line


async def test_stories_pages(app: App) -> None:
    await seed_if_empty(app)
    await app.ingestor.ingest([raw(QUAKE, outlet="A", published=when(3)), raw(MERGER, outlet="B")])
    context = app.context
    small = type(context)(context.sessions, page_size=2)
    first = await dispatch(Command("stories"), small)
    assert "Page 1 of 2" in (first.footer or "")
    second = await dispatch(Command("stories", "page 2"), small)
    assert len(second.sections[0].lines) == 1
    # 18 digits times the default page size was past the database's integers
    huge = await ask(app, "stories", "page " + "9" * 18)
    assert (huge.title, len(huge.sections[0].lines)) == ("Stories (3)", 3)
    assert (huge.footer or "").startswith(f"There is no page {'9' * 18}; this is the last, page 1.")
    for beyond in ("9", "9" * 18, "9" * 19, "9" * 25):
        last = await dispatch(Command("stories", f"page {beyond}"), small)
        assert last.title == "Stories (3)"
        assert [line.text for line in last.sections[0].lines] == [
            line.text for line in second.sections[0].lines
        ]
        assert (last.footer or "").startswith(
            f"There is no page {beyond}; this is the last, page 2. Page 2 of 2."
        )
    huge_id = await ask(app, "summary", "#" + "9" * 18)
    assert huge_id.title == f"There is no story #{'9' * 18}."


async def test_summary_cites_every_outlet(app: App) -> None:
    await seed_if_empty(app)
    reply = await ask(app, "summary")
    cited = {c.outlet for s in reply.sections for line in s.lines for c in line.citations}
    assert len(cited) == 5
    assert "123" in text_of(reply)
    assert "Contact Us" not in text_of(reply)


async def test_an_article_titled_with_its_dateline_is_shown_by_its_lead(app: App) -> None:
    stamp = "18 September 2013 Last updated at 13:59 GMT"
    await app.ingestor.ingest([raw(QUAKE, title=stamp, outlet="BBC", published=when(3))])
    reply = await ask(app, "summary")
    headline = "A magnitude 6.8 earthquake struck the Peruvian coast near the city of Arequipa"
    assert reply.title.startswith(f"#1 {headline}")
    (source,) = reply.sections[-1].lines
    assert source.text.startswith(headline)
    assert [c.outlet for c in source.citations] == ["BBC"]
    assert stamp not in text_of(reply)


async def test_summary_by_id_and_by_words(app: App) -> None:
    await seed_if_empty(app)
    await app.ingestor.ingest([raw(QUAKE, outlet="A", published=when(3))])
    quake = await ask(app, "summary", "Arequipa earthquake")
    assert "Arequipa" in text_of(quake)
    story_id = quake.title.split()[0]
    again = await ask(app, "summary", story_id)
    assert again.title == quake.title
    none = await ask(app, "summary", "#999999")
    assert none.tone is Tone.ERROR
    unknown = await ask(app, "summary", "volcano iceland")
    assert "No story matches" in unknown.title


async def test_ambiguous_words_offer_choices(app: App) -> None:
    await app.ingestor.ingest(
        [
            raw(QUAKE, outlet="A", published=when(3), title="Earthquake kills 14 in Peru"),
            raw(MERGER, outlet="B", published=when(3), title="Deal follows Peru earthquake"),
        ]
    )
    reply = await ask(app, "summary", "peru")
    assert len(reply.choices) == 2
    assert all(c.command.startswith("/summary ") for c in reply.choices)


async def test_unknown_command_suggests(app: App) -> None:
    reply = await ask(app, "sumary")
    assert reply.tone is Tone.ERROR
    assert "/summary" in text_of(reply)


async def test_help_lists_commands(app: App) -> None:
    reply = await ask(app, "help")
    assert {"/stories", "/summary", "/timeline", "/articles", "/help"} <= set(
        text_of(reply).split()
    )


async def test_story_search_takes_words_as_typed_in_any_script(app: App) -> None:
    """``_`` is not a wildcard; capitals of any script match on both backends."""
    await app.ingestor.ingest(
        [
            raw(QUAKE, title="ÜBER 200 Häuser zerstört: Erdbeben in Peru", outlet="A"),
            raw(MERGER, title="Лукашенко и Northwind: сделка", outlet="B"),
        ]
    )
    assert (await ask(app, "stories", "_")).title == "No story matches “_”."
    for words in ("über häuser", "ÜBER", "лукашенко", "ЛУКАШЕНКО Northwind"):
        found = await ask(app, "stories", words)
        assert found.title == f"Stories matching “{words}”", words
        assert len(found.sections[0].lines) == 1


async def test_summary_finds_the_seed_story_by_a_word_of_its_articles_only(app: App) -> None:
    """No seed headline says "potash"; the seed articles do."""
    await seed_if_empty(app)
    summary = await ask(app, "summary", "potash")
    assert summary.tone is not Tone.ERROR, text_of(summary)
    stories = await ask(app, "stories", "POTASH sanctions")
    assert stories.title == "Stories matching “POTASH sanctions”"
    assert len(stories.sections[0].lines) == 1
    assert (await ask(app, "stories", "potash quake")).title.startswith("No story matches")
    # a word no story keeps (too common, a number) narrows nothing when another word is given
    for words in ("the potash", "114 potash"):
        assert len((await ask(app, "stories", words)).sections[0].lines) == 1, words
    assert (await ask(app, "stories", "114")).title.startswith("No story matches")


async def test_story_search_finds_article_words_in_any_script_and_case(app: App) -> None:
    """A word of an article's text, not of a headline, finds its story however it is cased
    (ß is ss, a final sigma is a sigma), on both backends; a word begun finds it too."""
    quake = QUAKE + "\n\nDie Hilfsgüter kamen über die Hauptstraße von Arequipa."
    merger = MERGER + "\n\nВ сделке участвует «Северлог», сообщает ΑΘΗΝΑΪΚΟΣ ΤΥΠΟΣ."
    await app.ingestor.ingest([raw(quake, outlet="A"), raw(merger, outlet="B")])
    for words, story in (
        ("hauptstrasse", "Peru"),
        ("HAUPTSTRASSE", "Peru"),
        ("Hauptstraße", "Peru"),
        ("hilfsgüter arequipa", "Peru"),
        ("северлог", "Northwind"),
        ("СЕВЕРЛОГ", "Northwind"),
        ("сделк", "Northwind"),
        ("τυπος", "Northwind"),
        ("ΤΥΠΟΣ αθηναϊκος", "Northwind"),
    ):
        found = await ask(app, "stories", words)
        assert found.title == f"Stories matching “{words}”", words
        (line,) = found.sections[0].lines
        assert story in line.text, words


async def test_stories_whose_headline_holds_the_words_come_first(app: App) -> None:
    """The older story named "Arequipa" in its headline comes before the newer one that only
    mentions the city in its text."""
    await app.ingestor.ingest([raw(QUAKE, title="Arequipa earthquake kills 14", outlet="A")])
    await app.ingestor.ingest(
        [raw(MERGER + "\n\nNorthwind will open a depot in Arequipa.", outlet="B")]
    )
    found = await ask(app, "stories", "arequipa")
    assert [line.text.split(" ")[1] for line in found.sections[0].lines] == [
        "Arequipa",
        "Northwind",
    ]
