"""Replies that fit one chat message: what a line costs, and lists cut to the room left.

A story told by fifty outlets has more to say than a chat message holds. The handlers say
the most important first and cut the rest to a count and the command that shows it; this is
the measure they cut by. It counts a line as Telegram's renderer draws it (the tightest
platform: 4,096 characters of HTML, a link's URL included, ``bot/platforms/telegram/render.py``),
so a reply within ``MESSAGE_ROOM`` is one message there and in Slack.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from handlers.reply import Line

#: what one message holds, less room for the escaping and separators not counted here
MESSAGE_ROOM = 3900
#: ``<a href="">`` and ``</a>`` around an outlet's name
_LINK_MARKUP = len('<a href=""></a>')
#: `` <i></i>`` around a citation's language
_LANGUAGE_MARKUP = len(" <i></i>")
#: ``<b></b>`` and the blank line before a heading
_HEADING_MARKUP = len("<b></b>\n\n")
#: the markup around a reply's title and footer (``<b></b>``, ``<i></i>``, blank lines)
FRAME = 20

Item = tuple[Line, ...]
"""Lines that are shown together or not at all (a quote and its versions)."""


def units(text: str) -> int:
    """``text`` escaped for HTML, in UTF-16 code units (as Telegram counts)."""
    return len(html.escape(text, quote=False).encode("utf-16-le")) // 2


def line_size(line: Line) -> int:
    """A line as drawn: ``• text (Outlet, Outlet pl, +12)`` and its line break, each shown
    outlet linked to its article."""
    size = units(line.text) + len("• \n")
    shown, more = line.cited()
    if shown:
        size += len(" ()") + len(", ") * (len(shown) - 1)
        for citation in shown:
            size += units(citation.outlet)
            if citation.url:
                size += _LINK_MARKUP + units(citation.url)
            if citation.language:
                size += _LANGUAGE_MARKUP + units(citation.language)
        size += len(f", +{more}") if more else 0
    return size


def heading_size(text: str) -> int:
    return units(text) + _HEADING_MARKUP


@dataclass
class Budget:
    """The room left in one message, spent as a reply is assembled."""

    room: int = MESSAGE_ROOM

    def spend(self, size: int) -> None:
        """Room taken by what is always shown (the title, the footer)."""
        self.room -= size

    def take(self, *lines: Line, extra: int = 0) -> bool:
        """Spend the room for ``lines`` (and ``extra``) if they fit; whether they did."""
        size = sum(map(line_size, lines)) + extra
        if size > self.room:
            return False
        self.room -= size
        return True


@dataclass(frozen=True, slots=True)
class Candidates:
    """A section's items, most important first, before the cut; ``heading`` is what it
    will be called (charged when its first item is taken)."""

    heading: str
    items: Sequence[Item]


def in_turns(budget: Budget, sections: Sequence[Candidates], most: int) -> list[list[Item]]:
    """Items of several sections taken in turns, each section's first, then each one's
    second..., at most ``most`` from one, while they fit: every section keeps its most
    important items, and none fills the message alone. An item that does not fit is
    skipped (a shorter one after it may fit). Per section, the items taken, in order."""
    taken: list[list[Item]] = [[] for _ in sections]
    for turn in range(most):
        for section, chosen in zip(sections, taken, strict=True):
            if turn >= len(section.items):
                continue
            heading = 0 if chosen else heading_size(section.heading)
            if budget.take(*section.items[turn], extra=heading):
                chosen.append(section.items[turn])
    return taken
