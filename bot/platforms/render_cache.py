"""Rendering a reply once for every chat that gets it.

The digest composer hands the same ``Reply`` object to every chat with the same window and
keywords; a front end's sender renders through this, so a digest sent to thousands of
chats is rendered a handful of times.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

from handlers.reply import Reply

T = TypeVar("T")


class RenderCache(Generic[T]):
    """The renders of the latest ``size`` replies, by identity (each reply kept alive with its
    render, so an id is never reused while it is remembered)."""

    def __init__(self, render: Callable[[Reply], T], size: int = 256) -> None:
        self._render = render
        self._size = size
        self._done: OrderedDict[int, tuple[Reply, T]] = OrderedDict()

    def __call__(self, reply: Reply) -> T:
        found = self._done.get(id(reply))
        if found is not None:
            self._done.move_to_end(id(reply))
            return found[1]
        rendered = self._render(reply)
        self._done[id(reply)] = (reply, rendered)
        if len(self._done) > self._size:
            self._done.popitem(last=False)
        return rendered
