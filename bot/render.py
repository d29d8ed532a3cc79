"""Turning a Reply into text for a terminal or a script; chat platforms get their own."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from handlers.reply import Line, Reply, Tone


def cite(line: Line) -> str:
    """``CNBC, PAP (pl), +12``: each outlet once, with its article's language when not the
    reader's, the first few named (``Line.cited``) and the rest counted."""
    shown, more = line.cited()
    labels = [citation.label for citation in shown]
    return ", ".join([*labels, f"+{more}"] if more else labels)


def plain(reply: Reply) -> str:
    """Plain text: what `newsbot ask` prints and what a log shows."""
    out = [reply.title]
    for section in reply.sections:
        out.append("")
        if section.heading:
            out.append(section.heading)
        out.extend(_plain_line(line) for line in section.lines)
    if reply.choices:
        out.append("")
        out.extend(f"  → {choice.command}   ({choice.label})" for choice in reply.choices)
    if reply.footer:
        out += ["", reply.footer]
    return "\n".join(out)


def _plain_line(line: Line) -> str:
    sources = f" [{cite(line)}]" if line.citations else ""
    return f"  • {line.text}{sources}"


def as_json(reply: Reply, picture_path: Path | None = None) -> str:
    """The reply as JSON; its picture by name, caption and size, and the file it was written
    to when given."""
    data = reply.to_dict()
    if data["picture"] is not None and picture_path is not None:
        data["picture"]["path"] = str(picture_path)
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


_TONE_STYLE = {Tone.OK: "cyan", Tone.NOTICE: "yellow", Tone.ERROR: "red"}


def rich(reply: Reply) -> RenderableType:
    """A panel for the console chat: headings bold, sources dimmed, choices numbered."""
    parts: list[RenderableType] = []
    for section in reply.sections:
        if section.heading:
            parts.append(Text(section.heading, style="bold"))
        for line in section.lines:
            text = Text("• ", style="dim")
            text.append(line.text)
            if line.citations:
                text.append(f"  [{cite(line)}]", style="dim italic")
            parts.append(text)
        parts.append(Text(""))
    for number, choice in enumerate(reply.choices, 1):
        parts.append(Text.from_markup(f"[bold]{number}[/] {escape(choice.label)}"))
    if reply.footer:
        parts.append(Text(reply.footer, style="dim"))
    style = _TONE_STYLE[reply.tone]
    title = Text(reply.title, style=f"bold {style}")
    return Panel(
        Group(*parts) if parts else Text(""), title=title, title_align="left", border_style=style
    )
