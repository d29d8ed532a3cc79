"""The measure replies are cut by, against the renderer it stands for; a digest in one message."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from bot.platforms.telegram.render import render_telegram, units
from handlers.digest_reply import LINES_PER_STORY, digest_reply
from handlers.fit import Budget, Candidates, in_turns, line_size
from handlers.format import Sources
from handlers.reply import Citation, Line, Reply, Section
from stories.story_input import Citation as Source
from stories.story_news import DetailKind, Digest, NewArticle, NewDetail, StoryNews
from tests.support.telegram_fake import check_telegram_html

WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=400)
URLS = st.one_of(
    st.none(),
    st.builds(lambda path: f"https://news.example/{path}", st.text("abc/-&é", max_size=90)),
)
CITATIONS = st.builds(
    Citation,
    st.text("ABCabc &<>", min_size=1, max_size=20),
    URLS,
    language=st.sampled_from([None, "pl"]),
)


@given(st.builds(Line, WORDS.filter(str.strip), st.lists(CITATIONS, max_size=8).map(tuple)))
def test_a_lines_size_is_what_the_renderer_draws(line: Line) -> None:
    [part] = render_telegram(Reply("", (Section(None, (line,)),)))
    # the line's break is counted with it
    assert line_size(line) == units(part) + 1


def test_sections_take_turns_and_skip_what_does_not_fit() -> None:
    def items(tag: str, *sizes: int) -> list[tuple[Line, ...]]:
        return [(Line(f"{tag}{'x' * size}"),) for size in sizes]

    long, short = Candidates("A", items("a", 10, 10, 10)), Candidates("B", items("b", 500, 5))
    taken = in_turns(Budget(room=200), [long, short], most=2)
    # each section's first is tried before any second; B's first is too big, its second fits
    assert [[item[0].text for item in chosen] for chosen in taken] == [
        ["a" + "x" * 10, "a" + "x" * 10],
        ["b" + "x" * 5],
    ]


URL = "https://www.example-news-site.example/world/europe/2026/03/02/{}-a-long-slug-as-sites-write.html"


def _news(story: int, is_new: bool) -> StoryNews:
    outlets = tuple(f"Outlet {story}-{n}" for n in range(12))
    articles = tuple(
        NewArticle(100 * story + n, f"Headline {n} of story {story} " * 4, outlet, URL.format(n))
        for n, outlet in enumerate(outlets)
    )
    lead = Source(100 * story, outlets[0], "A lead sentence that tells what happened. " * 6)
    details = tuple(
        NewDetail(
            DetailKind.FIGURE,
            f"{n} people — a sentence giving the figure at some length, as outlets write it",
            tuple(Source(100 * story + k, outlets[k], "…") for k in range(4)),
        )
        for n in range(3)
    )
    return StoryNews(
        story,
        f"Story {story} " * 12,
        outlets,
        is_new,
        lead if is_new else None,
        articles,
        () if is_new else details,
        (),
    )


def test_a_digest_of_eight_busy_stories_is_one_message_with_the_rest_counted() -> None:
    news = tuple(_news(story, story % 2 == 0) for story in range(1, 9))
    urls = {a.article_id: a.url for item in news for a in item.new_articles}
    sources = Sources(urls, dict.fromkeys(urls), "en")
    reply = digest_reply(Digest(news, more=4), sources, datetime(2026, 3, 2, tzinfo=UTC))
    [message] = render_telegram(reply)
    check_telegram_html(message)
    assert reply.title == "Digest: 4 new stories, 4 updates"
    shown = len(reply.sections)
    assert 4 <= shown <= 8
    assert all(len(section.lines) <= LINES_PER_STORY for section in reply.sections)
    # each story gets its most telling line before any gets a second; a story none of whose
    # lines fit is named by its heading when that fits
    assert all(section.lines for section in reply.sections[:-1])
    assert (reply.footer or "").startswith(f"And {4 + 8 - shown} more stories: /stories.")
    new = [s for s in reply.sections if (s.heading or "").startswith("New: #") and s.lines]
    assert new
    assert all(s.lines[0].text.startswith("A lead sentence") for s in new)
    update = next(s for s in reply.sections if (s.heading or "").startswith("Update: #"))
    assert "(12 new articles, Outlet" in (update.heading or "")
    assert update.lines[0].text.startswith("New figure: 0 people")
