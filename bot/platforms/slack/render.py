"""Turning a Reply into Slack Block Kit, within Slack's block and text limits.

Lengths are counted in UTF-16 code units, the way Slack's limits are measured for emoji and
other characters outside the Basic Multilingual Plane; counting code points would let a reply
full of emoji pass here and be refused by Slack as ``invalid_blocks``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bot.render import plain
from handlers.reply import CITED_PER_LINE, Choice, Citation, Line, Reply, Section, Tone

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_CONTEXT_TEXT = 3000
MAX_BUTTONS = 25
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_IMAGE_URL = 3000
MAX_ALT_TEXT = 2000
MAX_FALLBACK = 40_000
#: room the citations of one line may take, so that the line's own text keeps the rest
CITATION_BUDGET = 1200
MAX_LABEL = 80
#: characters of a language code shown beside an outlet (ISO 639 codes have 2 or 3)
MAX_LANGUAGE = 8
MAX_LINK_URL = 1000
#: a choice button's action_id is this prefix and the choice's position
CHOICE_ACTION_PREFIX = "newsbot_choice_"
ELLIPSIS = "…"
#: what a reply without a title is called; Slack refuses empty texts
DEFAULT_TITLE = "newsbot"
_TONE_MARK = {Tone.OK: "", Tone.NOTICE: "ℹ️ ", Tone.ERROR: "⚠️ "}


def render_slack(reply: Reply) -> tuple[list[dict[str, Any]], str]:
    """Blocks for chat.postMessage / response_url, and the plain text Slack shows in
    notifications and clients without blocks."""
    header, body, tail = _header(reply), _body_blocks(reply), _tail_blocks(reply)
    if 1 + len(body) + len(tail) <= MAX_BLOCKS:
        return [header, *(chunk.block for chunk in body), *tail], fallback_text(reply)
    kept = MAX_BLOCKS - 2 - len(tail)  # room left by the header and the note on what is not
    blocks = [header, *(chunk.block for chunk in body[:kept]), *tail, _left_out(body[kept:])]
    return blocks, fallback_text(reply)


def fallback_text(reply: Reply) -> str:
    return cut(escape(plain(reply).strip()), MAX_FALLBACK) or DEFAULT_TITLE


def _left_out(chunks: list[_Chunk]) -> dict[str, Any]:
    lines = sum(chunk.lines for chunk in chunks)
    if lines == 0:
        return _context("… more sections not shown.")
    return _context(f"… {lines} more line{'s' if lines != 1 else ''} not shown.")


def escape(text: str) -> str:
    """Slack's three control characters; everything else in mrkdwn is shown as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def cut(text: str, limit: int) -> str:
    """``text`` within ``limit``, cut at a word boundary when there is one in reach, with an
    ellipsis; an escaped entity (``&amp;``) is never split."""
    if slack_len(text) <= limit:
        return text
    end = _prefix_end(text, limit - len(ELLIPSIS))
    space = text.rfind(" ", 0, end + 1)
    if space > end // 2:
        end = space
    amp = text.rfind("&", max(0, end - 4), end)
    if amp != -1 and text.find(";", amp, amp + 5) >= end:
        end = amp
    return text[:end].rstrip() + ELLIPSIS


def _prefix_end(text: str, limit: int) -> int:
    """The length of the longest prefix of ``text`` within ``limit`` UTF-16 code units
    (a surrogate pair cut in half is dropped by the decoder)."""
    units = text.encode("utf-16-le")[: 2 * max(limit, 0)]
    return len(units.decode("utf-16-le", errors="ignore"))


@dataclass(frozen=True, slots=True)
class _Chunk:
    """One section block and how many reply lines it shows (to say how many were left out)."""

    block: dict[str, Any]
    lines: int


def _header(reply: Reply) -> dict[str, Any]:
    title = " ".join(reply.title.split()) or DEFAULT_TITLE
    text = cut(_TONE_MARK[reply.tone] + title, MAX_HEADER_TEXT)
    return {"type": "header", "text": {"type": "plain_text", "text": text, "emoji": True}}


def _mrkdwn(text: str) -> dict[str, Any]:
    """``verbatim`` keeps Slack from turning bare names and URLs in news text into links."""
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": _mrkdwn(text)}


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [_mrkdwn(cut(text, MAX_CONTEXT_TEXT))]}


def _body_blocks(reply: Reply) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    for section in reply.sections:
        chunks.extend(_section_chunks(section))
    return chunks


def _section_chunks(section: Section) -> list[_Chunk]:
    """A section's lines packed into as few section blocks as fit 3,000 characters each."""
    parts: list[str] = []
    heading = " ".join((section.heading or "").split())
    if heading:
        parts.append(f"*{cut(escape(heading), MAX_SECTION_TEXT - 2)}*")
    chunks: list[_Chunk] = []
    lines = 0
    for line in section.lines:
        text = render_line(line)
        if parts and slack_len("\n".join([*parts, text])) > MAX_SECTION_TEXT:
            chunks.append(_Chunk(_section("\n".join(parts)), lines))
            parts, lines = [], 0
        parts.append(text)
        lines += 1
    if parts:
        chunks.append(_Chunk(_section("\n".join(parts)), lines))
    return chunks


def render_line(line: Line) -> str:
    """``• text — <url|Outlet>, Outlet`` in at most one section's length."""
    sources = _citations(line.citations)
    suffix = f" — {sources}" if sources else ""
    room = MAX_SECTION_TEXT - slack_len(suffix) - 2
    return f"• {cut(escape(line.text), room)}{suffix}"


def _citations(citations: tuple[Citation, ...]) -> str:
    by_outlet: dict[str, Citation] = {}
    for citation in citations:
        known = by_outlet.get(citation.outlet)
        if known is None or (known.url is None and citation.url is not None):
            by_outlet[citation.outlet] = citation
    shown: list[str] = []
    for citation in by_outlet.values():
        link = _link(citation)
        if len(shown) == CITED_PER_LINE or slack_len(", ".join([*shown, link])) > CITATION_BUDGET:
            break
        shown.append(link)
    more = len(by_outlet) - len(shown)
    return ", ".join([*shown, f"+{more}"] if more else shown)


def _link(citation: Citation) -> str:
    """The outlet, linked to its article when the URL is usable, and its article's language
    in italics when it is not the reader's: ``<url|PAP> _pl_``."""
    label = cut(escape(" ".join(citation.outlet.split())), MAX_LABEL).replace("|", "∣")
    label = label or "source"
    language = "".join(ch for ch in citation.language or "" if ch.isalnum())[:MAX_LANGUAGE]
    marked = f" _{language}_" if language else ""
    url = web_url(citation.url)
    if url is None:
        return label + marked
    target = escape(url).replace("|", "%7C")
    return (f"<{target}|{label}>" if slack_len(target) <= MAX_LINK_URL else label) + marked


def web_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with no whitespace; else None."""
    url = (url or "").strip()
    if not url or any(char.isspace() or not char.isprintable() for char in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _tail_blocks(reply: Reply) -> list[dict[str, Any]]:
    """What follows the text and is never dropped for room: the choices, image, footer."""
    tail: list[dict[str, Any]] = []
    buttons = _buttons(reply.choices)
    if buttons:
        tail.append({"type": "actions", "elements": buttons})
    image = web_url(reply.image_url)
    if image is not None and slack_len(image) <= MAX_IMAGE_URL:
        alt = cut(" ".join(reply.title.split()) or "image", MAX_ALT_TEXT)
        tail.append({"type": "image", "image_url": image, "alt_text": alt})
    if reply.footer and reply.footer.strip():
        tail.append(_context(escape(reply.footer.strip())))
    return tail


def _buttons(choices: tuple[Choice, ...]) -> list[dict[str, Any]]:
    """A choice whose command does not fit a button's value is left out rather than cut,
    because a cut command would ask something else."""
    buttons: list[dict[str, Any]] = []
    for index, choice in enumerate(choices):
        if not choice.command or slack_len(choice.command) > MAX_BUTTON_VALUE:
            continue
        label = cut(" ".join(choice.label.split()) or choice.command, MAX_BUTTON_TEXT)
        buttons.append(
            {
                "type": "button",
                "action_id": f"{CHOICE_ACTION_PREFIX}{index}",
                "text": {"type": "plain_text", "text": label, "emoji": True},
                "value": choice.command,
            }
        )
        if len(buttons) == MAX_BUTTONS:
            break
    return buttons
