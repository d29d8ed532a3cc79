"""Turning a Reply into Telegram messages: HTML parse mode, split under the length limit.

Every dynamic string is escaped. A message is built from rendered lines ("atoms"), each
complete HTML on its own, so a split between atoms never falls inside a tag or a citation.
A single atom longer than a message is cut at a word boundary with an ellipsis, cutting the
raw text before it is escaped, so an entity is never cut in half and tags stay balanced.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from handlers.reply import CITED_PER_LINE, Citation, Line, Picture, Reply

#: Telegram's limit for one message; measured here in UTF-16 code units of the raw HTML,
#: which is never less than what Telegram counts after parsing the entities
MESSAGE_LIMIT = 4096
#: the same for a photo's caption
CAPTION_LIMIT = 1024
ELLIPSIS = "…"
#: longer links are shown as the plain outlet name; no article URL needs more
MAX_URL = 2048
#: formatting entities (bold, italics, links) Telegram applies in one message; it ignores
#: those past the hundredth
MAX_ENTITIES = 100
CALLBACK_DATA_LIMIT = 64
BUTTON_LABEL_LIMIT = 60


@dataclass(frozen=True, slots=True)
class _Segment:
    """Raw text and the markup around it; the text is escaped when the segment is drawn."""

    text: str
    open: str = ""
    close: str = ""

    def html(self) -> str:
        return f"{self.open}{_escape(self.text)}{self.close}"


_Atom = tuple[_Segment, ...]


def render_telegram(reply: Reply, limit: int = MESSAGE_LIMIT) -> list[str]:
    """The reply as one or more HTML messages, each at most ``limit`` UTF-16 units long."""
    groups = [[(_fit(atom, limit), gap) for atom, gap in group] for group in _groups(reply)]
    return _pack(groups, limit) or [ELLIPSIS]


@dataclass(frozen=True, slots=True)
class Messages:
    """A reply as Telegram messages: its text parts, then its picture as a photo.

    A reply with a picture whose text fits a caption is one photo captioned with the whole
    reply (no text parts); a longer one is its text parts, then the photo captioned with the
    picture's own caption.
    """

    texts: tuple[str, ...]
    photo: Picture | None = None
    caption: str | None = None


def render_messages(reply: Reply) -> Messages:
    if reply.picture is None:
        return Messages(tuple(render_telegram(reply)))
    whole = render_telegram(reply, CAPTION_LIMIT)
    if len(whole) == 1:
        return Messages((), reply.picture, whole[0])
    caption = _fit((_Segment(reply.picture.caption),), CAPTION_LIMIT)
    return Messages(tuple(render_telegram(reply)), reply.picture, caption)


def _groups(reply: Reply) -> Iterator[list[tuple[_Atom, bool]]]:
    """Atoms in order, each flagged when a blank line goes before it. A heading is grouped
    with its first line, so a part never ends on a heading whose lines are in the next."""
    if reply.title:
        yield [((_Segment(reply.title, "<b>", "</b>"),), False)]
    for section in reply.sections:
        lines = [(_line(line), False) for line in section.lines]
        if section.heading:
            yield [((_Segment(section.heading, "<b>", "</b>"),), True), *lines[:1]]
        elif lines:
            yield [(lines[0][0], True)]
        yield from ([line] for line in lines[1:])
    if reply.footer:
        yield [((_Segment(reply.footer, "<i>", "</i>"),), True)]


def _line(line: Line) -> _Atom:
    segments = [_Segment("• "), _Segment(line.text)]
    outlets = _unique_outlets(line.citations)
    cited, more = outlets[:CITED_PER_LINE], len(outlets) - CITED_PER_LINE
    if cited:
        segments.append(_Segment(" ("))
        for index, citation in enumerate(cited):
            if index:
                segments.append(_Segment(", "))
            segments.append(_citation(citation))
            if citation.language:
                segments.append(_Segment(citation.language, " <i>", "</i>"))
        if more > 0:
            segments.append(_Segment(f", +{more}"))
        segments.append(_Segment(")"))
    return tuple(segments)


def _unique_outlets(citations: Iterable[Citation]) -> list[Citation]:
    """One citation per outlet, the first with a usable link preferred."""
    chosen: dict[str, Citation] = {}
    for citation in citations:
        known = chosen.get(citation.outlet)
        if known is None or (not is_link(known.url) and is_link(citation.url)):
            chosen[citation.outlet] = citation
    return list(chosen.values())


def _citation(citation: Citation) -> _Segment:
    if citation.url is not None and is_link(citation.url):
        return _Segment(citation.outlet, f'<a href="{html.escape(citation.url)}">', "</a>")
    return _Segment(citation.outlet)


def is_link(url: str | None) -> bool:
    """Only absolute http(s) URLs without spaces or control characters become links."""
    if not url or len(url) > MAX_URL or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


#: UTF-16 units of a character once escaped (quote=False), for the cut's running count
_ESCAPED_UNITS = {"&": len("&amp;"), "<": len("&lt;"), ">": len("&gt;")}
_ASTRAL = "\U00010000"


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def units(text: str) -> int:
    """Length in UTF-16 code units, the way Telegram counts."""
    return len(text.encode("utf-16-le")) // 2


def _fit(atom: _Atom, limit: int) -> str:
    """The atom's HTML; if too long, cut inside the segment that overflows, ellipsis added."""
    whole = "".join(segment.html() for segment in atom)
    if units(whole) <= limit:
        return whole
    out = ""
    for segment in atom:
        drawn = segment.html()
        if units(out) + units(drawn) + units(ELLIPSIS) <= limit:
            out += drawn
            continue
        room = limit - units(out) - units(segment.open + segment.close + ELLIPSIS)
        cut = _cut(segment.text, room) if room > 0 else ""
        if cut:
            return f"{out}{segment.open}{_escape(cut)}{ELLIPSIS}{segment.close}"
        return out + ELLIPSIS
    return out


def _cut(text: str, room: int) -> str:
    """The longest prefix whose escaped form fits ``room``, shortened to a word boundary
    when one is in its second half (a single huge word is cut where it must be)."""
    used = end = 0
    for char in text:
        used += _ESCAPED_UNITS.get(char, 1 if char < _ASTRAL else 2)
        if used > room:
            break
        end += 1
    prefix = text[:end]
    space = max(prefix.rfind(" "), prefix.rfind("\n"))
    if space > len(prefix) // 2:
        prefix = prefix[:space]
    return prefix.rstrip()


def _entities(markup: str) -> int:
    """Formatting entities in rendered HTML: text is escaped, so every tag is ours, in pairs."""
    return markup.count("<") // 2


class _Parts:
    """Messages being filled; the size and entities of the open one are kept as atoms are
    added."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.done: list[str] = []
        self.text = ""
        self.size = 0
        self.entities = 0

    def fits(self, atoms: list[tuple[str, bool]]) -> bool:
        size, entities = self.size, self.entities
        for markup, gap in atoms:
            size += units(markup) + (_separator(gap) if size else 0)
            entities += _entities(markup)
        return size <= self.limit and (entities <= MAX_ENTITIES or not self.text)

    def add(self, markup: str, gap: bool) -> None:
        if self.text:
            self.text += "\n\n" if gap else "\n"
            self.size += _separator(gap)
        self.text += markup
        self.size += units(markup)
        self.entities += _entities(markup)

    def close(self) -> None:
        if self.text.strip():
            self.done.append(self.text)
        self.text, self.size, self.entities = "", 0, 0


def _separator(gap: bool) -> int:
    """A blank line before the atom, or just a line break; a part's first atom has none."""
    return 2 if gap else 1


def _pack(groups: list[list[tuple[str, bool]]], limit: int) -> list[str]:
    """Greedy: a group goes whole into the open part when it fits, else starts a new part;
    a group bigger than a whole message is split between its atoms."""
    parts = _Parts(limit)
    for group in groups:
        if not parts.fits(group):
            parts.close()
        for markup, gap in group:
            if not parts.fits([(markup, gap)]):
                parts.close()
            parts.add(markup, gap)
    parts.close()
    return parts.done


class ChoiceKeys:
    """Maps callback data back to a choice's command.

    A command that fits Telegram's 64 bytes of callback data is the data itself (it starts
    with "/"). A longer one gets a short key derived from its hash, kept in a small LRU: the
    same command always gets the same key, and a key evicted or from before a restart is
    simply unknown (the user is asked to repeat the request).
    """

    def __init__(self, size: int = 1024) -> None:
        self._size = size
        self._commands: OrderedDict[str, str] = OrderedDict()

    def data_for(self, command: str) -> str:
        if len(command.encode()) <= CALLBACK_DATA_LIMIT:
            return command
        digest = hashlib.blake2b(command.encode(), digest_size=12).digest()
        key = "k" + base64.urlsafe_b64encode(digest).decode()
        self._commands[key] = command
        self._commands.move_to_end(key)
        while len(self._commands) > self._size:
            self._commands.popitem(last=False)
        return key

    def command_for(self, data: str) -> str | None:
        if data.startswith("/"):
            return data
        command = self._commands.get(data)
        if command is not None:
            self._commands.move_to_end(data)
        return command


def choice_keyboard(reply: Reply, keys: ChoiceKeys) -> InlineKeyboardMarkup | None:
    """One button per choice, or None when the reply offers none."""
    if not reply.choices:
        return None
    rows = [
        [InlineKeyboardButton(_label(choice.label), callback_data=keys.data_for(choice.command))]
        for choice in reply.choices
    ]
    return InlineKeyboardMarkup(rows)


def _label(label: str) -> str:
    label = " ".join(label.split()) or ELLIPSIS
    if len(label) <= BUTTON_LABEL_LIMIT:
        return label
    return label[: BUTTON_LABEL_LIMIT - 1].rstrip() + ELLIPSIS
