"""Values from outside made to fit the columns that keep them.

PostgreSQL refuses a value longer than its column, and with it every row written in the same
statement (SQLite keeps it): a feed's 400-character title would lose the whole feed. So each
bounded value is checked before it is written, against the length its column declares in
``storage.models`` (the one place lengths are written). Text that is only shown (a title, an
outlet) is cut; a value that identifies something (an id, a URL) is refused, since a cut one
would name something else.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import String
from sqlalchemy.sql.elements import ColumnElement

ELLIPSIS = "…"
# A cut goes back to the last space when one is this close to the limit, so a word is not
# broken; otherwise (a long run of letters, a language without spaces) it cuts where it must.
_WORD_BACK = 40


def length_of(column: ColumnElement[Any]) -> int:
    """The length a ``String`` column declares (``Article.outlet.expression``)."""
    kind = column.type
    if not isinstance(kind, String) or kind.length is None:
        raise TypeError(f"{column} has no declared length")
    return kind.length


def shorten(value: str, length: int) -> str:
    """``value`` cut to at most ``length`` characters, at a word boundary where there is one
    near, with an ellipsis; unchanged when it fits."""
    if len(value) <= length:
        return value
    end = length - len(ELLIPSIS)
    while end > 0 and unicodedata.combining(value[end]):
        end -= 1  # a letter is not parted from its accents
    cut = value[:end]
    space = cut.rfind(" ")
    if space >= len(cut) - _WORD_BACK and space > 0:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + ELLIPSIS


def too_long(value: str, length: int, what: str) -> str | None:
    """Why ``value`` cannot be stored (``what`` names it for the user), or None if it fits."""
    if len(value) <= length:
        return None
    return f"{what} is {len(value):,} characters long; at most {length:,} can be stored"
