"""Plain text, JSON and the console panel name a citation's language when it has one."""

from __future__ import annotations

import json

from rich.console import Console

from bot.render import as_json, plain, rich
from handlers.reply import Citation, Line, Reply, Section

LINE = Line(
    "Belarus freed 123 prisoners",
    (Citation("AP", "https://ap.example/a", 1), Citation("PAP", None, 2, "pl")),
)
REPLY = Reply("#1 Belarus frees 123 prisoners", (Section(None, (LINE,)),))


def test_plain_text_names_the_language_beside_the_outlet() -> None:
    assert "  • Belarus freed 123 prisoners [AP, PAP (pl)]" in plain(REPLY).splitlines()


def test_json_carries_each_citations_language() -> None:
    cited = json.loads(as_json(REPLY))["sections"][0]["lines"][0]["citations"]
    assert [(c["outlet"], c["language"]) for c in cited] == [("AP", None), ("PAP", "pl")]


def test_the_console_panel_names_it_too() -> None:
    console = Console(width=120, record=True)
    console.print(rich(REPLY))
    assert "[AP, PAP (pl)]" in console.export_text()
