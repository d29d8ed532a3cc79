"""Slack Block Kit rendering: Slack's limits hold and user text cannot inject markup."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.platforms.slack.render import (
    MAX_BLOCKS,
    MAX_FALLBACK,
    escape,
    render_line,
    render_slack,
    slack_len,
)
from handlers.reply import Choice, Citation, Line, Reply, Section, Tone
from tests.support.slack_blocks import check_blocks, check_markup

#: Slack markup that may appear in our mrkdwn: links we made, and the three entities


nasty = st.text(
    alphabet=st.sampled_from(list("ab &<>|*_~`\n")) | st.characters(codec="utf-8"),
    max_size=60,
)
long_text = st.builds(lambda word, n: (word + " ") * n, nasty, st.integers(0, 400)) | nasty
urls = st.one_of(
    st.none(),
    st.builds(lambda path: f"https://example.org/{path}", nasty),
    st.sampled_from(["javascript:alert(1)", "ftp://x/y", "http://a.b/?q=1&r=<2>|3", "//x.y"]),
)
citations = st.builds(Citation, outlet=nasty, url=urls, language=st.none() | nasty)
lines = st.builds(Line, text=long_text, citations=st.lists(citations, max_size=8).map(tuple))
sections = st.builds(
    Section, heading=st.none() | long_text, lines=st.lists(lines, max_size=12).map(tuple)
)
choices = st.builds(Choice, label=nasty, command=st.builds(lambda t: f"/who {t}", long_text))
replies = st.builds(
    Reply,
    title=long_text,
    sections=st.lists(sections, max_size=8).map(tuple),
    footer=st.none() | long_text,
    tone=st.sampled_from(list(Tone)),
    choices=st.lists(choices, max_size=30).map(tuple),
    image_url=urls,
)


#: many copies of one section: replies far over 50 blocks, without drawing each line
big_replies = st.builds(
    lambda reply, section, copies: Reply(reply.title, (section,) * copies, choices=reply.choices),
    replies,
    st.builds(
        Section, heading=st.none() | nasty, lines=st.lists(lines, min_size=1, max_size=6).map(tuple)
    ),
    st.integers(10, 150),
)


@settings(max_examples=60, deadline=None)
@given(replies | big_replies)
def test_any_reply_fits_slack(reply: Reply) -> None:
    blocks, fallback = render_slack(reply)
    check_blocks(blocks)
    assert fallback
    assert slack_len(fallback) <= MAX_FALLBACK
    check_markup(fallback)


@given(st.text(max_size=200))
def test_escape_round_trips(text: str) -> None:
    escaped = escape(text)
    check_markup(escaped)
    assert escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text


def test_citations_are_links_to_web_urls_only() -> None:
    line = Line(
        "114 taken to Ukraine & <b>more</b>",
        (
            Citation("CNBC", "https://cnbc.com/a?x=1&y=2"),
            Citation("CNBC", "https://cnbc.com/again"),
            Citation("Evil|Outlet>", "https://e.org/a|b"),
            Citation("Script", "javascript:alert(1)"),
            Citation("Paper", None),
        ),
    )
    blocks, _ = render_slack(Reply("Numbers", (Section("Facts", (line,)),)))
    text = blocks[1]["text"]["text"]
    assert text == (
        "*Facts*\n• 114 taken to Ukraine &amp; &lt;b&gt;more&lt;/b&gt; — "
        "<https://cnbc.com/a?x=1&amp;y=2|CNBC>, <https://e.org/a%7Cb|Evil∣Outlet&gt;>, "
        "Script, +1"
    )


def test_long_sections_split_and_overflow_is_counted() -> None:
    many = tuple(Line(f"line {n} " + "word " * 100) for n in range(400))
    blocks, fallback = render_slack(
        Reply("Big", (Section("All", many),), footer="end", choices=(Choice("A", "/who A"),))
    )
    check_blocks(blocks)
    assert len(blocks) == MAX_BLOCKS
    shown = sum(block["text"]["text"].count("• line ") for block in blocks[1:-3])
    assert blocks[-1]["elements"][0]["text"] == f"… {400 - shown} more lines not shown."
    assert [block["type"] for block in blocks[-3:]] == ["actions", "context", "context"]
    assert fallback.startswith("Big\n\nAll\n  • line 0 ")


def test_overlong_line_is_cut_at_a_word_with_an_ellipsis() -> None:
    line = Line("Kalesnikava " * 400 + "&&&")
    blocks, _ = render_slack(Reply("T", (Section(None, (line,)),)))
    text = blocks[1]["text"]["text"]
    assert slack_len(text) <= 3000
    assert text.endswith("Kalesnikava…")


def test_header_is_cut_and_marks_errors() -> None:
    blocks, _ = render_slack(Reply("x" * 500, tone=Tone.ERROR))
    header = blocks[0]["text"]["text"]
    assert header.startswith("⚠️ xxx")
    assert header.endswith("…")
    assert slack_len(header) == 150


def test_emoji_count_double() -> None:
    blocks, _ = render_slack(Reply("😀" * 200))
    assert slack_len(blocks[0]["text"]["text"]) <= 150
    assert len(blocks[0]["text"]["text"]) <= 75


def test_choices_become_buttons() -> None:
    reply = Reply(
        "Which one?",
        choices=(
            *(Choice(f"Person {n}", f"/who Person {n}") for n in range(30)),
            Choice("too long", "/who " + "x" * 3000),
        ),
    )
    blocks, _ = render_slack(reply)
    check_blocks(blocks)
    buttons = blocks[-1]["elements"]
    assert len(buttons) == 25
    assert buttons[0]["value"] == "/who Person 0"
    assert buttons[0]["text"]["text"] == "Person 0"


def test_a_citation_in_another_language_names_it_in_italics() -> None:
    line = Line(
        "Freed",
        (
            Citation("PAP", "https://pap.example/a", 1, "pl"),
            Citation("LRT", None, 2, "lt"),
            Citation("Odd", None, 3, "<b>_x"),
            Citation("AP", None, 4),
        ),
    )
    assert render_line(line) == "• Freed — <https://pap.example/a|PAP> _pl_, LRT _lt_, Odd _bx_, +1"
