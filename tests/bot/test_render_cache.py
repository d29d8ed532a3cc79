"""A reply shared by many chats is rendered once per front end."""

from __future__ import annotations

from bot.platforms.render_cache import RenderCache
from bot.platforms.telegram.render import render_telegram
from handlers.reply import Line, Reply, Section


def _digest(title: str) -> Reply:
    return Reply(title, (Section("New: #1 Quake", (Line("A quake struck."),)),))


def test_the_same_reply_is_rendered_once_and_equal_replies_each_time() -> None:
    calls: list[str] = []

    def counted(reply: Reply) -> list[str]:
        calls.append(reply.title)
        return render_telegram(reply)

    render = RenderCache(counted, size=2)
    shared = _digest("Digest: 1 new story")
    first = render(shared)
    assert render(shared) is first
    assert calls == ["Digest: 1 new story"]
    assert render(_digest("Digest: 1 new story")) == first  # another object: rendered again
    assert len(calls) == 2


def test_the_oldest_render_is_forgotten_past_the_size() -> None:
    calls: list[str] = []

    def counted(reply: Reply) -> str:
        calls.append(reply.title)
        return reply.title

    render = RenderCache(counted, size=2)
    a, b, c = _digest("a"), _digest("b"), _digest("c")
    for reply in (a, b, a, c, a, b):
        render(reply)
    assert calls == ["a", "b", "c", "b"]
