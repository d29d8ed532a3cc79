"""A story's title is a headline that represents it, wherever a reader sees it: /stories,
/summary, the choices of an ambiguous request and a digest; never site chrome, even when the
story's first article came with chrome for a title."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.app import App
from bot.readers import InputDefaults, iter_paths
from handlers.command import Command
from handlers.digest_reply import compose
from handlers.dispatch import dispatch
from handlers.reply import Reply
from stories.articles import RawArticle
from tests.support.commands import text_of
from tests.support.multilingual_texts import RELEASE, RELEASE_DAY
from tests.support.seeds import SEEDS


def seed_articles() -> list[RawArticle]:
    items = list(iter_paths([SEEDS], InputDefaults()))
    assert all(isinstance(item, RawArticle) for item in items)
    return [item for item in items if isinstance(item, RawArticle)]


def title_of(reply: Reply) -> str:
    """``#1 Headline`` -> ``Headline``."""
    return reply.title.split(" ", 1)[1]


async def test_a_story_begun_under_a_chrome_title_is_named_by_a_real_headline(app: App) -> None:
    """The seed story, its first article given as a feed of generic titles would give it: the
    story is named by the headline its other articles share most, in /stories, /summary and a
    digest."""
    first, *others = seed_articles()
    chrome = replace(first, title="Current News", outlet="LocalNet")
    await app.ingestor.ingest([chrome, *others])
    real = {article.title for article in others if article.title}

    stories = await dispatch(Command("stories"), app.context)
    summary = await dispatch(Command("summary"), app.context)
    now = datetime.now(UTC)
    digest, shown = await compose(app.sessions, [], now - timedelta(days=1), now)

    [line] = stories.sections[0].lines
    headline = line.text.split(" ", 1)[1].split(" — ")[0]
    assert headline in real
    assert title_of(summary) == headline
    [news] = digest.items
    assert news.title == headline
    for reply in (stories, summary, shown):
        assert "Current News" not in text_of(reply)
    # its own line among /summary's sources is its first sentence, not "Current News"
    sources = [line.text for line in summary.sections[-1].lines]
    assert any(
        text.startswith("Belarusian President Alexander Lukashenko freed") for text in sources
    )


async def test_the_reader_s_language_has_its_own_best_headline(app: App) -> None:
    """Told in English under a section's name and in German under a headline: English
    readers get the English article's lead, German readers the German headline."""
    en_title, en_body = RELEASE["en"]
    de_title, de_body = RELEASE["de"]
    await app.ingestor.ingest(
        [
            RawArticle(
                text=en_body, title="World News", outlet="Wire", published=RELEASE_DAY, url=None
            ),
            RawArticle(text=de_body, title=de_title, outlet="Tagesblatt", published=RELEASE_DAY),
        ]
    )
    english = await dispatch(Command("summary"), app.context)
    german = await dispatch(Command("summary"), replace(app.context, language="de"))
    assert title_of(english).startswith("Belarusian President Alexander Lukashenko freed 123")
    assert en_title not in text_of(english)
    assert title_of(german) == de_title
