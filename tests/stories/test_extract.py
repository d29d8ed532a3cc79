"""Article extraction from HTML and feed parsing: pure functions on realistic inputs."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from urllib.parse import urljoin

import pytest

from stories.articles import RawArticle, Rejected
from stories.extract import (
    ParsedFeed,
    extract_html,
    html_to_text,
    parse_datetime,
    parse_feed,
)
from tests.support.http_fake import PARAGRAPHS, article_html, index_html, long_paragraphs

FEED_URL = "https://news.example.com/rss.xml"


def extracted(html: str | bytes, url: str | None = "https://www.example.com/world/x") -> RawArticle:
    result = extract_html(html, url, "page.html")
    assert isinstance(result, RawArticle), result
    return result


def test_article_text_without_the_page_chrome() -> None:
    article = extracted(article_html())

    assert article.text.split("\n\n") == list(PARAGRAPHS)
    for chrome in ("Share on Facebook", "Most read", "Privacy policy", "Sign up", "dataLayer"):
        assert chrome not in article.text
    assert article.title == "Lukashenko frees Bialiatski in deal with U.S."
    assert article.outlet == "Example News"
    assert article.url == "https://www.example.com/world/x"
    assert article.origin == "page.html"


def test_published_is_utc() -> None:
    article = extracted(article_html(published="2025-12-13T14:30:00+01:00"))
    assert article.published == datetime(2025, 12, 13, 13, 30, tzinfo=UTC)


def test_date_only_is_midnight_utc() -> None:
    article = extracted(article_html(published="2025-12-13"))
    assert article.published == datetime(2025, 12, 13, tzinfo=UTC)


def test_outlet_falls_back_to_the_host_without_www() -> None:
    article = extracted(article_html(site_name=None), url="https://www.rksnews.example/a/1")
    assert article.outlet == "rksnews.example"


def test_bytes_in_a_declared_charset() -> None:
    html = article_html(
        "Лукашенко освободил 123 заключённых",
        ("Лукашенко освободил 123 политических заключённых в субботу после переговоров. " * 8,),
        charset="windows-1251",
    )
    article = extracted(html.encode("windows-1251"))
    assert article.title == "Лукашенко освободил 123 заключённых"
    assert article.text.startswith("Лукашенко освободил 123 политических")


@pytest.mark.parametrize(
    "html",
    [
        index_html(),
        article_html(paragraphs=("Too short to be an article.",)),
        "",
        "<html><body></body></html>",
    ],
    ids=["index page", "teaser", "empty", "no body"],
)
def test_not_an_article(html: str) -> None:
    result = extract_html(html, "https://example.com/world", "https://example.com/world")
    assert isinstance(result, Rejected)
    assert result.origin == "https://example.com/world"
    assert result.reason.startswith("not an article")


def test_html_to_text_keeps_paragraphs() -> None:
    html = "<p>One &amp; <b>two</b></p><script>x()</script><p>three<br>four</p>plain"
    assert html_to_text(html) == "One & two\n\nthree\n\nfour\n\nplain"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-13", datetime(2025, 12, 13, tzinfo=UTC)),
        ("2025-12-13T10:00:00", datetime(2025, 12, 13, 10, tzinfo=UTC)),
        ("2025-12-13T10:00:00+02:00", datetime(2025, 12, 13, 8, tzinfo=UTC)),
        ("2025-12-13T10:00:00Z", datetime(2025, 12, 13, 10, tzinfo=UTC)),
        ("13 December", None),
    ],
)
def test_parse_datetime(value: str, expected: datetime | None) -> None:
    assert parse_datetime(value) == expected


def rss(items: str, title: str = "Example News") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{title}</title><link>https://news.example.com/</link>
<description>News</description>{items}</channel></rss>""".encode()


def rss_item(n: int, *, full: bool, link: str | None = None) -> str:
    body = "".join(f"<p>{p}</p>" for p in long_paragraphs())
    content = f"<content:encoded><![CDATA[{body}]]></content:encoded>" if full else ""
    return f"""<item><title>Story {n}</title><link>{link or f"/world/story-{n}"}</link>
<guid isPermaLink="false">story-{n}</guid><pubDate>Sat, 13 Dec 2025 14:30:00 +0100</pubDate>
<description><![CDATA[<p>Teaser for <b>story {n}</b>.</p>]]></description>{content}</item>"""


def parsed(data: bytes) -> ParsedFeed:
    feed = parse_feed(data, FEED_URL)
    assert isinstance(feed, ParsedFeed), feed
    return feed


def test_rss_with_full_content() -> None:
    feed = parsed(rss(rss_item(1, full=True) + rss_item(2, full=False)))

    assert feed.title == "Example News"
    first, second = feed.entries
    assert first.title == "Story 1"
    assert first.link == "https://news.example.com/world/story-1"
    assert first.id == "story-1"
    assert first.published == datetime(2025, 12, 13, 13, 30, tzinfo=UTC)
    assert first.summary_text == "Teaser for story 1."
    assert first.content_text.split("\n\n") == list(long_paragraphs())
    assert first.has_full_text
    assert second.content_text == ""
    assert not second.has_full_text


def test_atom_with_full_content() -> None:
    body = "".join(f"<p>{p}</p>" for p in long_paragraphs()).replace("<", "&lt;")
    data = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title>
<link href="https://atom.example.org/"/><id>urn:atom-outlet</id><updated>2025-12-14T08:00:00Z</updated>
<entry><title>Prisoners freed</title><link href="https://atom.example.org/freed"/>
<id>urn:atom-outlet:1</id><updated>2025-12-14T08:00:00Z</updated>
<summary>Short summary.</summary><content type="html">{body}</content></entry>
</feed>""".encode()

    feed = parsed(data)

    assert feed.title == "Atom Outlet"
    (entry,) = feed.entries
    assert entry.id == "urn:atom-outlet:1"
    assert entry.link == "https://atom.example.org/freed"
    assert entry.published == datetime(2025, 12, 14, 8, tzinfo=UTC)
    assert entry.summary_text == "Short summary."
    assert entry.has_full_text
    assert entry.content_text.startswith("Belarusian President")


@pytest.mark.parametrize("ref", ["&#xD800;", "&#0;", "&#x110000;", "&#" + "9" * 5000 + ";"])
def test_a_reference_to_no_character_costs_only_that_character(ref: str) -> None:
    """feedparser's lenient parser raised on these, losing every entry of the feed."""
    bad = rss_item(1, full=True).replace("<title>Story 1", f"<title>Story{ref} 1")
    feed = parsed(rss(bad + rss_item(2, full=True), title=f"Example{ref} News"))
    assert [entry.title for entry in feed.entries] == ["Story\ufffd 1", "Story 2"]
    assert feed.title == "Example\ufffd News"


def test_json_feed_version_1_with_odd_fields() -> None:
    items = [
        {"id": 7, "url": "/a", "content_text": " ".join(["word"] * 200), "title": ["no"]},
        {"id": True, "external_url": "https://elsewhere.example/b", "date_modified": "2025-12-13"},
        "not an item",
    ]
    document = {"version": "https://jsonfeed.org/version/1", "title": 5, "items": items}
    feed = parsed(json.dumps(document).encode("utf-8-sig"))
    assert feed.title is None
    first, second = feed.entries
    assert (first.id, first.title, first.link, first.has_full_text) == (
        "7",
        None,
        urljoin(FEED_URL, "/a"),
        True,
    )
    assert (second.id, second.link, second.has_full_text) == (
        None,
        "https://elsewhere.example/b",
        False,
    )
    assert second.published == datetime(2025, 12, 13, tzinfo=UTC)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b'{"version": "https://jsonfeed.org/version/1", "items": [', "is not valid JSON"),
        (b'{"error": "rate limited"}', "without a JSON Feed version"),
        (b"[1, 2]", "without a JSON Feed version"),
    ],
)
def test_json_that_is_not_a_json_feed(data: bytes, why: str) -> None:
    result = parse_feed(data, FEED_URL)
    assert isinstance(result, Rejected)
    assert result.reason.endswith(why)


def test_empty_feed_is_a_feed() -> None:
    assert parsed(rss("")).entries == ()


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (article_html().encode(), "it is an HTML page"),
        (b"\x00\x01\x02 binary garbage \xff\xfe", "not well-formed XML"),
        (b'<?xml version="1.0"?><catalog><book/></catalog>', "no <rss>, <feed>"),
        (b"", "the response is empty"),
        (b"/etc/passwd", "not well-formed XML"),
    ],
    ids=["html", "garbage", "other xml", "empty", "a file name"],
)
def test_not_a_feed(data: bytes, why: str) -> None:
    result = parse_feed(data, FEED_URL)
    assert isinstance(result, Rejected)
    assert result.origin == FEED_URL
    assert result.reason.startswith(f"not an RSS/Atom feed: {why}")
