"""/sources import: an OPML file's feeds become sources, each reported; admins only."""

from __future__ import annotations

from pathlib import Path

from bot.app import App
from bot.platforms.console.chat import answer
from handlers.command import MAX_ATTACHMENT_BYTES, Attachment, Caller, Command
from handlers.dispatch import dispatch, takes_file
from handlers.reply import Reply, Tone
from handlers.source_import import SHOWN
from storage.sources import add_source, list_sources, pause_source

ADMIN = Caller("telegram", "42", "7", is_admin=True)
READER = Caller("telegram", "42", "8")
OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Reader export</title></head><body>
<outline text="Folder">
  <outline type="rss" text="Wire" xmlUrl="https://wire.example/rss"/>
  <outline type="rss" text="Known" xmlUrl="https://known.example/feed"/>
</outline>
<outline type="rss" text="Wire again" xmlUrl="https://wire.example/rss"/>
<outline type="rss" text="Mail" xmlUrl="mailto:news@example.org"/>
<outline type="rss" text="Secret" xmlUrl="https://u:pw@s.example/f?token=t0k"/>
<outline type="link" text="A page" url="https://page.example/"/>
</body></opml>
"""


async def ask(app: App, caller: Caller, args: str, file: bytes | None = None) -> Reply:
    attachment = None if file is None else Attachment.of("feeds.opml", file)
    return await dispatch(Command("sources", args, caller, attachment), app.context)


def text_of(reply: Reply) -> str:
    lines = [
        f"{section.heading}: {line.text}" for section in reply.sections for line in section.lines
    ]
    return "\n".join([reply.title, *lines, reply.footer or ""])


async def urls(app: App) -> list[tuple[str, str | None, bool]]:
    async with app.sessions() as session:
        return [(s.url, s.title, s.paused) for s in await list_sources(session)]


async def test_an_admin_imports_each_feed_reported(app: App) -> None:
    async with app.sessions() as session, session.begin():
        known, _ = await add_source(session, "https://known.example/feed")
        await pause_source(session, known.id)

    reply = await ask(app, ADMIN, "import", OPML)

    shown = text_of(reply)
    assert reply.title == "Imported feeds.opml: 2 added, 1 already known, 3 refused."
    assert "Added: #2 Wire — https://wire.example/rss" in shown
    assert "Added: #3 Secret — https://***@s.example/f?token=***" in shown
    assert "Already known: #1 Known — https://known.example/feed" in shown
    assert "Refused: Wire again — https://wire.example/rss: listed twice in the file" in shown
    assert "Refused: Mail — mailto:news@example.org: not an http(s) URL" in shown
    assert "Refused: A page — (no address): no feed address (xmlUrl)" in shown
    assert "pw" not in shown
    assert "t0k" not in shown
    # a known source is left as it was: paused, untitled (/sources resume resumes it)
    assert await urls(app) == [
        ("https://known.example/feed", None, True),
        ("https://wire.example/rss", "Wire", False),
        ("https://u:pw@s.example/f?token=t0k", "Secret", False),
    ]
    again = await ask(app, ADMIN, "import", OPML)
    assert again.title == "Imported feeds.opml: 0 added, 3 already known, 3 refused."
    assert len(await urls(app)) == 3


async def test_a_non_admin_is_refused_and_nothing_is_added(app: App) -> None:
    command = Command("sources", "import", READER, Attachment.of("feeds.opml", OPML))
    assert not takes_file(command)
    reply = await dispatch(command, app.context)
    assert reply.tone is Tone.ERROR
    assert reply.title == "Only the bot's admins can manage sources."
    assert await urls(app) == []


async def test_without_a_file_or_with_a_bad_one_the_reply_says_what_to_do(app: App) -> None:
    assert takes_file(Command("sources", "IMPORT", ADMIN))
    missing = await ask(app, ADMIN, "import")
    assert missing.tone is Tone.ERROR
    assert "Send the OPML file with the caption /sources import" in text_of(missing)
    assert "newsbot sources import FILE.opml" in text_of(missing)
    slack = await dispatch(
        Command("sources", "import", Caller("slack", is_admin=True)), app.context
    )
    assert "@newsbot sources import" in text_of(slack)

    too_large = Attachment("big.opml", b"", MAX_ATTACHMENT_BYTES + 10_000)
    refused = await dispatch(Command("sources", "import", ADMIN, too_large), app.context)
    assert refused.title == "big.opml is 1.01 MB; the limit is 1 MB."

    html = await ask(app, ADMIN, "import", b"<!doctype html><html><body>hi</body></html>")
    assert html.tone is Tone.ERROR
    assert html.title.startswith("feeds.opml could not be read: not well-formed XML")
    empty = await ask(app, ADMIN, "import", b'<opml version="2.0"><body/></opml>')
    assert (empty.title, empty.tone) == ("feeds.opml lists no feeds.", Tone.NOTICE)
    assert await urls(app) == []


async def test_a_long_import_lists_some_feeds_of_each_outcome_and_counts_the_rest(
    app: App,
) -> None:
    outlines = "".join(
        f'<outline type="rss" text="Feed {n}" xmlUrl="https://f{n}.example/rss"/>'
        for n in range(40)
    )
    reply = await ask(app, ADMIN, "import", f"<opml><body>{outlines}</body></opml>".encode())
    [added] = reply.sections
    assert reply.title == "Imported feeds.opml: 40 added, 0 already known, 0 refused."
    assert len(added.lines) == SHOWN + 1
    assert added.lines[-1].text == f"… and {40 - SHOWN} more feeds"
    assert len(await urls(app)) == 40


async def test_the_console_reads_the_file_at_the_path_given(app: App, tmp_path: Path) -> None:
    path = tmp_path / "my feeds.opml"
    path.write_bytes(OPML)
    reply = await answer(f"/sources import {path}", app.context)
    assert reply.title.startswith("Imported my feeds.opml: 3 added")
    missing = await answer(f"/sources import {tmp_path / 'none.opml'}", app.context)
    assert missing.title == f"{tmp_path / 'none.opml'} cannot be read: No such file or directory."
    folder = await answer(f"/sources import {tmp_path}", app.context)
    assert folder.title == f"{tmp_path} is not a file."
    asked = await answer("/sources import", app.context)
    assert "/sources import PATH.opml" in text_of(asked)
