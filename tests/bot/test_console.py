"""The console chat driven line by line, as a person would type."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from bot.app import App, seed_if_empty
from bot.platforms.console.chat import chat
from tests.support.articles import MERGER, QUAKE, raw, when


def scripted(*lines: str):  # type: ignore[no-untyped-def]
    queue = list(lines)

    async def read(prompt: str) -> str:
        if not queue:
            raise EOFError
        return queue.pop(0)

    return read


async def run(app: App, pictures: Path, *lines: str) -> str:
    out = io.StringIO()
    console = Console(file=out, width=120, color_system=None)
    await chat(app.context, console, pictures, scripted(*lines))
    return out.getvalue()


async def test_commands_and_mistakes(app: App, tmp_path: Path) -> None:
    await seed_if_empty(app)
    screen = await run(
        app, tmp_path, "/stories", "", "hello", "/sumary", "/summary", "quit", "/help"
    )
    assert "Stories (1)" in screen
    assert "Commands start with a slash" in screen
    assert "Did you mean /summary?" in screen
    assert "[CNBC]" in screen
    assert "newsbot answers" not in screen  # nothing after quit


async def test_picking_a_choice_by_number(app: App, tmp_path: Path) -> None:
    await app.ingestor.ingest(
        [
            raw(QUAKE, outlet="A", published=when(3), title="Earthquake kills 14 in Peru"),
            raw(MERGER, outlet="B", published=when(3), title="Peru deal after earthquake"),
        ]
    )
    listing = await run(app, tmp_path, "/summary peru")
    assert "Which one?" in listing
    deal_first = listing.index("Peru deal") < listing.index("Earthquake kills")
    screen = await run(app, tmp_path, "/summary peru", "1" if deal_first else "2")
    assert "Northwind" in screen.split("Which one?")[1]


async def test_a_timeline_is_written_to_a_png_whose_path_is_shown(app: App, tmp_path: Path) -> None:
    await seed_if_empty(app)
    screen = await run(app, tmp_path / "pictures", "/timeline")
    written = tmp_path / "pictures" / "timeline-1.png"
    assert f"Picture: {written}" in screen.replace("\n", "")
    assert written.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert "First report: CNBC" in screen
