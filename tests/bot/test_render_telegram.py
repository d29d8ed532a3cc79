"""Telegram HTML rendering: always valid, always under the limit, nothing silently lost."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.platforms.telegram.render import (
    ELLIPSIS,
    MAX_ENTITIES,
    MESSAGE_LIMIT,
    ChoiceKeys,
    Messages,
    choice_keyboard,
    is_link,
    render_messages,
    render_telegram,
    units,
)
from handlers.reply import Choice, Citation, Line, Picture, Reply, Section
from tests.support.telegram_fake import check_telegram_html, hrefs

MARKUP = st.sampled_from(["<", ">", "&", '"', "'", "&amp;", "<b>", "</a>", "😀", "👩‍👩‍👧", "\n"])
WORDS = st.lists(st.one_of(st.text(max_size=12), MARKUP), max_size=12).map(" ".join)
LONG = st.builds(lambda word, times: (word + " ") * times, WORDS, st.integers(1, 200))
TEXT = st.one_of(WORDS, WORDS, LONG)
URL = st.one_of(
    st.none(),
    st.builds(lambda path: f"https://example.org/{path}", st.text(max_size=40)),
    st.sampled_from(["javascript:alert(1)", "ftp://x.org/a", 'https://x.org/"><b>', "http://"]),
)
CITATION = st.builds(
    Citation, st.text(max_size=30), URL, language=st.one_of(st.none(), st.just("pl"), WORDS)
)
LINE = st.builds(Line, TEXT, st.lists(CITATION, max_size=3).map(tuple))
SECTION = st.builds(Section, st.one_of(st.none(), WORDS), st.lists(LINE, max_size=8).map(tuple))
REPLY = st.builds(
    Reply,
    WORDS,
    st.lists(SECTION, max_size=4).map(tuple),
    footer=st.one_of(st.none(), WORDS),
)


def seen(parts: list[str]) -> list[str]:
    return [check_telegram_html(part) for part in parts]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(REPLY, st.sampled_from([160, 700, MESSAGE_LIMIT]))
def test_every_part_is_valid_and_fits(reply: Reply, limit: int) -> None:
    parts = render_telegram(reply, limit)
    assert parts
    for part in parts:
        assert units(part) <= limit
        assert len(part) <= MESSAGE_LIMIT
        assert part.strip()
    seen(parts)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(REPLY)
def test_nothing_is_lost(reply: Reply) -> None:
    """Each line is whole in one part, or (longer than a message) its beginning is there."""
    parts = seen(render_telegram(reply))
    everything = "\n".join(parts)
    for section in reply.sections:
        for line in section.lines:
            if units(line.text) * 6 < MESSAGE_LIMIT // 2:
                assert any(f"• {line.text}" in part for part in parts)
            else:
                assert line.text[:100].rstrip() in everything
    if units(reply.title) * 6 < MESSAGE_LIMIT:
        assert reply.title in parts[0]


def test_markup_in_text_is_escaped() -> None:
    reply = Reply(
        "<script> & \"quotes\" 'too'",
        (Section("Tom & Jerry <b>", (Line("1 < 2 > 0 &amp; done", (Citation("A&B <i>"),)),)),),
        footer="</i>",
    )
    [part] = render_telegram(reply)
    assert part.startswith("<b>&lt;script&gt; &amp; \"quotes\" 'too'</b>")
    assert "• 1 &lt; 2 &gt; 0 &amp;amp; done (A&amp;B &lt;i&gt;)" in part
    assert part.endswith("<i>&lt;/i&gt;</i>")
    check_telegram_html(part)


def test_citations_link_only_http_urls_once_per_outlet() -> None:
    line = Line(
        "Freed",
        (
            Citation("CNBC", 'https://cnbc.example/a?x=1&y="2"'),
            Citation("CNBC", "https://cnbc.example/other"),
            Citation("Evil", "javascript:alert(1)"),
            Citation("Plain"),
        ),
    )
    [part] = render_telegram(Reply("T", (Section(None, (line,)),)))
    assert hrefs(part) == ['https://cnbc.example/a?x=1&y="2"']
    assert check_telegram_html(part).endswith("• Freed (CNBC, Evil, Plain)")


def test_a_citation_in_another_language_names_it() -> None:
    line = Line(
        "Freed", (Citation("CNBC", "https://cnbc.example/a"), Citation("PAP", None, 2, "pl"))
    )
    [part] = render_telegram(Reply("T", (Section(None, (line,)),)))
    assert part.endswith('(<a href="https://cnbc.example/a">CNBC</a>, PAP <i>pl</i>)')
    assert check_telegram_html(part).endswith("• Freed (CNBC, PAP pl)")


def test_is_link() -> None:
    assert is_link("http://a.example/x")
    assert is_link("HTTPS://a.example")
    assert not is_link("https://a.example/with space")
    assert not is_link("mailto:x@example.org")
    assert not is_link("https://")
    assert not is_link("https://[::1")
    assert not is_link(None)


def test_long_reply_splits_at_line_boundaries() -> None:
    lines = tuple(
        Line(f"line {n} " + "word " * 40, (Citation("O", "https://o.example"),)) for n in range(100)
    )
    reply = Reply(
        "Title", (Section("First", lines[:50]), Section("Second", lines[50:])), footer="f"
    )
    parts = render_telegram(reply)
    assert len(parts) > 1
    texts = seen(parts)
    for n in range(100):
        assert sum(f"• line {n} " in text for text in texts) == 1
    for text in texts:
        assert not text.rstrip().endswith(("First", "Second"))
    assert texts[-1].endswith("f")


def test_overlong_line_is_cut_at_a_word_with_an_ellipsis() -> None:
    text = " ".join(f"w{n}" for n in range(3000))
    reply = Reply("T", (Section(None, (Line(text, (Citation("X", "https://x.example"),)),)),))
    parts = render_telegram(reply)
    assert all(len(part) <= MESSAGE_LIMIT for part in parts)
    cut = seen(parts)[-1]
    assert cut.endswith(ELLIPSIS)
    kept = cut.removeprefix("• ").removesuffix(ELLIPSIS)
    assert text.startswith(kept)
    assert text[len(kept)] == " "


def test_overlong_word_in_a_link_keeps_tags_balanced() -> None:
    reply = Reply("T", (Section(None, (Line("x", (Citation("&" * 5000, "https://x.example"),)),)),))
    parts = render_telegram(reply)
    assert all(len(part) <= MESSAGE_LIMIT for part in parts)
    assert parts[-1].endswith(f"{ELLIPSIS}</a>")
    seen(parts)


def test_empty_reply_is_still_a_message() -> None:
    assert render_telegram(Reply("")) == [ELLIPSIS]


def test_keyboard_uses_the_command_or_a_short_key() -> None:
    keys = ChoiceKeys()
    long_command = "/who " + "Kalesnikava " * 10
    reply = Reply("Which?", choices=(Choice("Short", "/summary 1"), Choice("Long", long_command)))
    keyboard = choice_keyboard(reply, keys)
    assert keyboard is not None
    short, long = (row[0] for row in keyboard.inline_keyboard)
    assert short.callback_data == "/summary 1"
    assert isinstance(long.callback_data, str)
    assert len(long.callback_data.encode()) <= 64
    assert keys.command_for(long.callback_data) == long_command
    assert keys.command_for("/summary 1") == "/summary 1"
    assert keys.command_for("kunknown") is None
    assert choice_keyboard(Reply("No choices"), keys) is None


def test_choice_keys_forget_the_oldest() -> None:
    keys = ChoiceKeys(size=2)
    first, second, third = (keys.data_for(f"/who {'x' * 70}{n}") for n in range(3))
    assert keys.data_for(f"/who {'x' * 70}1") == second
    assert keys.command_for(first) is None
    assert keys.command_for(third) is not None


def test_long_button_labels_are_shortened() -> None:
    keyboard = choice_keyboard(Reply("?", choices=(Choice("x" * 200, "/who x"),)), ChoiceKeys())
    assert keyboard is not None
    label = keyboard.inline_keyboard[0][0].text
    assert len(label) <= 60
    assert label.endswith(ELLIPSIS)


def test_a_line_names_three_outlets_and_counts_the_rest() -> None:
    cited = tuple(Citation(f"Outlet {n}", f"https://o{n}.example/a") for n in range(48))
    [part] = render_telegram(Reply("T", (Section(None, (Line("Freed", cited),)),)))
    assert hrefs(part) == ["https://o0.example/a", "https://o1.example/a", "https://o2.example/a"]
    assert check_telegram_html(part).endswith("• Freed (Outlet 0, Outlet 1, Outlet 2, +45)")


def test_a_message_applies_at_most_a_hundred_entities() -> None:
    """Telegram ignores the formatting past a message's hundredth entity: short linked lines
    go into more messages rather than lose their links."""
    lines = tuple(Line(f"{n}", (Citation("A", f"https://a.example/{n}"),)) for n in range(150))
    parts = render_telegram(Reply("T", (Section("H", lines),)))
    assert len(parts) == 2
    assert all(part.count("<") // 2 <= MAX_ENTITIES for part in parts)
    assert sum(len(hrefs(part)) for part in parts) == 150


def test_a_reply_with_a_picture_is_one_captioned_photo_when_it_fits_a_caption() -> None:
    picture = Picture(b"\x89PNG...", "Timeline of #1", "Timeline of #1: 5 articles", "t.png")
    short = Reply("#1 Quake", (Section(None, (Line("First report: Andina"),)),), picture=picture)
    out = render_messages(short)
    assert out.texts == ()
    assert out.photo is picture
    assert out.caption == "<b>#1 Quake</b>\n\n• First report: Andina"
    long = Reply("#1 Quake", (Section(None, (Line("word " * 300),)),), picture=picture)
    out = render_messages(long)
    assert out.texts == tuple(render_telegram(long))
    assert out.caption == "Timeline of #1: 5 articles"
    plain_reply = Reply("#1 Quake")
    assert render_messages(plain_reply) == Messages(tuple(render_telegram(plain_reply)))
