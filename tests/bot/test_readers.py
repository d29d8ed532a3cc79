"""Files, folders and URLs as a stream of articles and rejections."""

from __future__ import annotations

import codecs
import ipaddress
import json
import os
import threading
import time
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import ingest_url, open_app
from bot.config import Settings
from bot.fetch import Fetcher, IPAddress, Unfetchable, http_client
from bot.readers import FeedSettings, FeedState, InputDefaults, is_url, iter_paths, read_url
from stories.articles import RawArticle, Rejected
from tests.support.http_fake import (
    LOCAL,
    PARAGRAPHS,
    FakeWeb,
    Reply,
    Seen,
    article_html,
    index_html,
    long_paragraphs,
)

NO_DEFAULTS = InputDefaults()
HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml"}

Item = RawArticle | Rejected


def read(*paths: Path, defaults: InputDefaults = NO_DEFAULTS, **limits: int) -> list[Item]:
    return list(iter_paths(paths, defaults, **limits))


def only(items: list[Item]) -> Item:
    assert len(items) == 1, items
    return items[0]


def rejected(items: list[Item]) -> Rejected:
    item = only(items)
    assert isinstance(item, Rejected), item
    return item


def article(items: list[Item]) -> RawArticle:
    item = only(items)
    assert isinstance(item, RawArticle), item
    return item


# ---- files and folders -----------------------------------------------------------------------


def test_folder_with_txt_sidecar_md_html_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "000_cnbc.txt").write_text("\nPrisoners freed\n\nBody of the story.\n")
    (tmp_path / "000_cnbc.meta.toml").write_text(
        'outlet = "CNBC"\npublished = 2025-12-13\nurl = "https://cnbc.example/a"\nid = "c1"\n'
    )
    nested = tmp_path / "more"
    nested.mkdir()
    (nested / "001_blog.md").write_text("# Freed at last\n\nThe *whole* story.\n")
    (nested / "002_page.html").write_text(article_html())
    (nested / "003_dump.jsonl").write_text(json.dumps({"text": "From a dump."}) + "\n")
    (tmp_path / "notes.csv").write_text("a,b\n")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nnot read")

    items = read(tmp_path)

    assert [i.origin for i in items] == [
        str(tmp_path / "000_cnbc.txt"),
        str(nested / "001_blog.md"),
        str(nested / "002_page.html"),
        f"{nested / '003_dump.jsonl'}:1",
    ]
    txt, md, html, line = items
    assert txt == RawArticle(
        text="\nPrisoners freed\n\nBody of the story.\n",
        title="Prisoners freed",
        url="https://cnbc.example/a",
        outlet="CNBC",
        published=datetime(2025, 12, 13, tzinfo=UTC),
        external_id="c1",
        origin=str(tmp_path / "000_cnbc.txt"),
        declared=True,
    )
    assert isinstance(md, RawArticle)
    assert md.title == "Freed at last"
    assert md.text == "# Freed at last\n\nThe *whole* story.\n"
    assert isinstance(html, RawArticle)
    assert html.text.split("\n\n") == list(PARAGRAPHS)
    assert html.outlet == "Example News"
    assert not html.declared, "a page's text must show it is an article"
    assert isinstance(line, RawArticle)
    assert line.text == "From a dump."
    assert md.declared
    assert line.declared


def test_defaults_fill_gaps_and_never_override(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nText")
    (tmp_path / "b.txt").write_text("Title\n\nText")
    (tmp_path / "b.meta.toml").write_text('outlet = "Own"\npublished = "2025-12-14T10:00:00+02:00"')
    defaults = InputDefaults(outlet="CLI", published=datetime(2025, 1, 1, tzinfo=UTC))

    a, b = read(tmp_path, defaults=defaults)

    assert isinstance(a, RawArticle)
    assert isinstance(b, RawArticle)
    assert (a.outlet, a.published) == ("CLI", datetime(2025, 1, 1, tzinfo=UTC))
    assert (b.outlet, b.published) == ("Own", datetime(2025, 12, 14, 8, tzinfo=UTC))


def test_folder_meta_applies_to_its_files(tmp_path: Path) -> None:
    (tmp_path / "_meta.toml").write_text('outlet = "Folder Outlet"\npublished = 2025-12-13')
    (tmp_path / "a.txt").write_text("Title\n\nText")
    (tmp_path / "b.txt").write_text("Title\n\nText")
    (tmp_path / "b.meta.toml").write_text('outlet = "File Outlet"')

    a, b = read(tmp_path)

    assert isinstance(a, RawArticle)
    assert isinstance(b, RawArticle)
    assert a.outlet == "Folder Outlet"
    assert (b.outlet, b.published) == ("File Outlet", datetime(2025, 12, 13, tzinfo=UTC))


def test_sidecar_with_a_typo_rejects_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nText")
    (tmp_path / "a.meta.toml").write_text('outet = "CNBC"')
    reason = rejected(read(tmp_path / "a.txt")).reason
    assert reason.startswith("bad metadata file a.meta.toml: unknown key 'outet'")


def test_sidecar_beats_what_the_page_says(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(article_html())
    (tmp_path / "p.meta.toml").write_text('outlet = "Reuters"\nurl = "https://reuters.example/x"')
    page = article(read(tmp_path / "p.html"))
    assert (page.outlet, page.url) == ("Reuters", "https://reuters.example/x")
    assert page.published == datetime(2025, 12, 13, 13, 30, tzinfo=UTC)


def test_html_that_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(index_html())
    assert rejected(read(tmp_path / "index.html")).reason.startswith("not an article")


def test_jsonl_bad_lines_are_rejected_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    (tmp_path / "dump.meta.toml").write_text('outlet = "Dump Outlet"')
    lines = [
        json.dumps({"id": 7, "text": "First.", "title": "One", "outlet": "AP", "extra": [1]}),
        '{"text": "broken',
        "",
        json.dumps({"title": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Bad date.", "published": "yesterday"}),
        json.dumps({"text": "Last.", "url": "https://x.example/5", "published": "2025-12-13"}),
    ]
    path.write_text("\n".join(lines) + "\n")

    items = read(path)

    assert [i.origin for i in items] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7)]
    first, broken, no_text, a_list, bad_date, last = items
    assert first == RawArticle(
        text="First.",
        title="One",
        outlet="AP",
        external_id="7",
        origin=f"{path}:1",
        declared=True,
    )
    assert isinstance(broken, Rejected)
    assert broken.reason.startswith("not JSON: ")
    assert isinstance(no_text, Rejected)
    assert "text" in no_text.reason
    assert isinstance(a_list, Rejected)
    assert a_list.reason == "not a JSON object but list"
    assert isinstance(bad_date, Rejected)
    assert "published" in bad_date.reason
    assert isinstance(last, RawArticle)
    assert (last.outlet, last.url) == ("Dump Outlet", "https://x.example/5")
    assert last.published == datetime(2025, 12, 13, tzinfo=UTC)


def test_deeply_nested_json_or_toml_is_rejected_not_fatal(tmp_path: Path) -> None:
    """A few hundred kilobytes of brackets exhaust the parsers' recursion."""
    deep = "[" * 100_000 + "]" * 100_000
    path = tmp_path / "deep.jsonl"
    path.write_text(f"{deep}\n{json.dumps({'text': 'Next.'})}\n")
    (tmp_path / "a.txt").write_text("Title\n\nText")
    (tmp_path / "a.meta.toml").write_text(f"outlet = {deep}")

    nested, following = read(path)
    sidecar = rejected(read(tmp_path / "a.txt"))

    assert nested == Rejected(
        f"{path}:1", "nested too deeply to read (thousands of levels of brackets)"
    )
    assert isinstance(following, RawArticle)
    assert sidecar.reason.startswith("bad metadata file a.meta.toml: nested too deeply")


def test_jsonl_line_over_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    huge = json.dumps({"text": "x" * 5000})
    path.write_text("\n".join([huge, json.dumps({"text": "small"})]))

    too_long, small = read(path, max_line_bytes=1000)

    assert too_long == Rejected(f"{path}:1", "line longer than the 1000 bytes limit")
    assert isinstance(small, RawArticle)
    assert small.origin == f"{path}:2"


def test_large_jsonl_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    with path.open("w") as out:
        for n in range(20_000):
            out.write(json.dumps({"id": n, "text": f"Article number {n}."}) + "\n")
    stream = iter_paths([path], NO_DEFAULTS)
    first = next(stream)
    assert isinstance(first, RawArticle)
    assert first.external_id == "0"
    assert sum(1 for _ in stream) == 19_999


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not UTF-8 text (it is binary)"),
        ("latin1.txt", "Café in Minsk\n\nRésumé".encode("latin-1"), "is not UTF-8 text"),
        ("empty.md", b"", "is empty"),
        ("blank.txt", b"  \n\n \n", "is empty"),
        ("empty.jsonl", b"", "is empty"),
        ("blank.jsonl", b"\n\n", "is empty"),
        ("binary.jsonl", b"\x00\x01\x02\x03\n", "is not UTF-8 text"),
        ("data.csv", b"a,b\n1,2\n", "unsupported file type"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    item = rejected(read(path))
    assert item.origin == str(path)
    assert item.reason.startswith(reason)


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-16-le", "\ufeff"), ("utf-16-be", "\ufeff"), ("utf-32", "")]
)
def test_text_with_a_byte_order_mark_is_read_in_its_encoding(
    tmp_path: Path, encoding: str, bom: str
) -> None:
    path = tmp_path / "saved-on-windows.txt"
    path.write_text(f"{bom}Zürich votes\n\nThe canton voted on Sunday.", encoding=encoding)
    item = article(read(path))
    assert item.title == "Zürich votes"
    assert "canton voted" in item.text


def test_a_broken_utf16_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Title".encode("utf-16-le") + b"\x00\xd8")
    assert rejected(read(path)).reason == "is not valid UTF-16 text"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    # Were the pipe opened, the read would wait for a writer: one comes after a while, writes
    # nothing, and the test fails on the reason instead of hanging.
    writer = threading.Timer(5.0, lambda: os.close(os.open(path, os.O_WRONLY)))
    writer.start()
    try:
        reason = rejected(read(path)).reason
    finally:
        writer.cancel()
    assert reason == "is not a regular file (a device, pipe or socket?)"


def test_missing_file(tmp_path: Path) -> None:
    assert rejected(read(tmp_path / "nope.txt")).reason == "no such file or directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nText")
    path.chmod(0)
    try:
        assert rejected(read(path)).reason.startswith("cannot be read")
    finally:
        path.chmod(0o600)


def test_huge_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(50 * 1024 * 1024)
    started = time.monotonic()
    item = rejected(read(path))
    assert time.monotonic() - started < 0.5
    assert item.reason == "is 50 MB, larger than the 10 MB limit for one file"


def test_folder_without_supported_files(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("x")
    assert rejected(read(tmp_path)).reason.startswith("has no supported files")


def test_is_url() -> None:
    assert is_url("https://example.com/feed.xml")
    assert is_url("http://example.com")
    assert is_url("ftp://example.com/x")
    assert not is_url("seeds/000.txt")
    assert not is_url("/tmp/x.html")
    assert not is_url("example.com/feed")


# ---- URLs ------------------------------------------------------------------------------------


def rss(web: FakeWeb, items: list[str], title: str = "Example News") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{title}</title><link>{web.base}/</link><description>All the news</description>
{"".join(items)}</channel></rss>""".encode()


def rss_item(n: int, *, full: bool) -> str:
    body = "".join(f"<p>{p}</p>" for p in long_paragraphs())
    content = f"<content:encoded><![CDATA[{body}]]></content:encoded>" if full else ""
    return f"""<item><title>Story {n}</title><link>/story/{n}</link>
<guid isPermaLink="false">id-{n}</guid><pubDate>Sat, 13 Dec 2025 14:30:00 GMT</pubDate>
<description><![CDATA[<p>Teaser {n}</p>]]></description>{content}</item>"""


async def test_rss_with_full_content(web: FakeWeb, fetcher: Fetcher) -> None:
    headers = {**RSS, "ETag": '"feed-1"'}
    url = web.route("/rss", Reply(body=rss(web, [rss_item(1, full=True)]), headers=headers))

    result = await read_url(url, fetcher)

    assert result.kind == "feed"
    assert result.state == FeedState(etag='"feed-1"')
    assert result.outlet == "Example News"
    (item,) = result.items
    assert isinstance(item, RawArticle)
    assert item.title == "Story 1"
    assert item.url == web.url("/story/1")
    assert item.outlet == "Example News"
    assert item.external_id == "id-1"
    assert item.published == datetime(2025, 12, 13, 14, 30, tzinfo=UTC)
    assert item.text.split("\n\n") == list(long_paragraphs())
    assert web.paths_requested() == ["/rss"]


async def test_atom_with_full_content_served_as_xml(web: FakeWeb, fetcher: Fetcher) -> None:
    body = "".join(f"<p>{p}</p>" for p in long_paragraphs())
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title><id>urn:a</id>
<updated>2025-12-14T08:00:00Z</updated>
<entry><title>Freed</title><link href="{web.base}/freed"/><id>urn:a:1</id>
<updated>2025-12-14T08:00:00Z</updated><content type="xhtml">
<div xmlns="http://www.w3.org/1999/xhtml">{body}</div></content></entry></feed>"""
    url = web.route("/atom", Reply(body=atom.encode(), headers={"Content-Type": "text/xml"}))

    result = await read_url(url, fetcher)

    assert result.kind == "feed"
    item = only(list(result.items))
    assert isinstance(item, RawArticle)
    assert (item.title, item.outlet, item.external_id) == ("Freed", "Atom Outlet", "urn:a:1")
    assert item.text.startswith("Belarusian President")


async def test_feed_with_summaries_fetches_the_pages(web: FakeWeb, fetcher: Fetcher) -> None:
    url = web.route("/rss", Reply(body=rss(web, [rss_item(n, full=False) for n in (1, 2, 3)])))
    for n in (1, 2, 3):
        page = article_html(f"Page title {n}", site_name="Site Name")
        web.route(f"/story/{n}", Reply(body=page.encode(), headers=HTML))

    result = await read_url(url, fetcher)

    assert result.kind == "feed"
    assert [i.origin for i in result.items] == [web.url(f"/story/{n}") for n in (1, 2, 3)]
    for n, item in enumerate(result.items, start=1):
        assert isinstance(item, RawArticle)
        assert item.text.split("\n\n") == list(PARAGRAPHS)
        assert item.title == f"Story {n}"
        assert item.outlet == "Example News"
        assert item.external_id == f"id-{n}"
        assert item.published == datetime(2025, 12, 13, 14, 30, tzinfo=UTC)
    assert sorted(web.paths_requested()) == ["/rss", "/story/1", "/story/2", "/story/3"]


@pytest.mark.parametrize("content_type", ["application/feed+json", "application/json"])
async def test_json_feed_with_content_and_with_a_summary_only(
    web: FakeWeb, fetcher: Fetcher, content_type: str
) -> None:
    body = "".join(f"<p>{p}</p>" for p in long_paragraphs())
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON Outlet",
        "items": [
            {
                "id": "j-1",
                "url": "/story/1",
                "title": "Freed",
                "content_html": body,
                "date_published": "2025-12-13T14:30:00+01:00",
            },
            {"id": "j-2", "url": "/story/2", "title": "Teased", "summary": "Teaser"},
        ],
    }
    url = web.route(
        "/feed.json", Reply(body=json.dumps(feed).encode(), headers={"Content-Type": content_type})
    )
    page = article_html("Page title", site_name="Site Name")
    web.route("/story/2", Reply(body=page.encode(), headers=HTML))

    result = await read_url(url, fetcher)

    assert (result.kind, result.outlet) == ("feed", "JSON Outlet")
    full, fetched = result.items
    assert isinstance(full, RawArticle)
    assert (full.title, full.url, full.external_id) == ("Freed", web.url("/story/1"), "j-1")
    assert full.published == datetime(2025, 12, 13, 13, 30, tzinfo=UTC)
    assert full.text.split("\n\n") == list(long_paragraphs())
    assert isinstance(fetched, RawArticle)
    assert (fetched.title, fetched.outlet) == ("Teased", "JSON Outlet")
    assert fetched.text.split("\n\n") == list(PARAGRAPHS)
    assert sorted(web.paths_requested()) == ["/feed.json", "/story/2"]


async def test_one_failing_entry_page_among_good_ones(web: FakeWeb, fetcher: Fetcher) -> None:
    url = web.route("/rss", Reply(body=rss(web, [rss_item(n, full=False) for n in (1, 2, 3)])))
    web.route("/story/1", Reply(body=article_html().encode(), headers=HTML))
    web.route("/story/2", Reply(status=500))
    web.route("/story/3", Reply(body=index_html().encode(), headers=HTML))

    good, failed, not_article = (await read_url(url, fetcher)).items

    assert isinstance(good, RawArticle)
    assert failed == Rejected(web.url("/story/2"), "HTTP 500")
    assert isinstance(not_article, Rejected)
    assert not_article.reason.startswith("not an article")


async def test_entry_pages_are_fetched_four_at_a_time(web: FakeWeb, fetcher: Fetcher) -> None:
    url = web.route("/rss", Reply(body=rss(web, [rss_item(n, full=False) for n in range(8)])))
    active = 0
    most = 0

    def slow_page(seen: Seen) -> Reply:
        nonlocal active, most
        active += 1
        most = max(most, active)
        time.sleep(0.05)
        active -= 1
        return Reply(body=article_html().encode(), headers=HTML)

    for n in range(8):
        web.route(f"/story/{n}", slow_page)

    items = (await read_url(url, fetcher)).items

    assert all(isinstance(i, RawArticle) for i in items)
    assert 1 < most <= 4


async def test_feed_not_modified(web: FakeWeb, fetcher: Fetcher) -> None:
    def versioned(seen: Seen) -> Reply:
        if seen.headers.get("If-None-Match") == '"v1"':
            return Reply(status=304)
        body = rss(web, [rss_item(1, full=True)])
        return Reply(body=body, headers={**RSS, "ETag": '"v1"'})

    url = web.route("/rss", versioned)

    first = await read_url(url, fetcher)
    second = await read_url(url, fetcher, first.state)

    assert len(first.items) == 1
    assert second.not_modified
    assert second.items == ()
    assert second.state == FeedState(etag='"v1"')


async def test_feed_that_is_not_xml(web: FakeWeb, fetcher: Fetcher) -> None:
    url = web.route("/rss", Reply(body=b"this is { not xml", headers=RSS))
    result = await read_url(url, fetcher)
    assert result.kind == "failed"
    item = only(list(result.items))
    assert isinstance(item, Rejected)
    assert item.origin == url
    assert item.reason.startswith("not an RSS/Atom feed: ")


async def test_article_page(web: FakeWeb, fetcher: Fetcher) -> None:
    url = web.route("/world/freed", Reply(body=article_html().encode(), headers=HTML))
    result = await read_url(url, fetcher)
    assert result.kind == "page"
    assert result.state is None
    page = only(list(result.items))
    assert isinstance(page, RawArticle)
    assert (page.url, page.origin, page.outlet) == (url, url, "Example News")


async def test_page_that_is_not_html(web: FakeWeb, fetcher: Fetcher) -> None:
    url = web.route(
        "/doc.pdf", Reply(body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"})
    )
    item = only(list((await read_url(url, fetcher)).items))
    assert item == Rejected(url, "not an HTML page or a feed (application/pdf)")


async def test_fetch_error_is_rejected(web: FakeWeb, fetcher: Fetcher) -> None:
    url = web.url("/gone")
    result = await read_url(url, fetcher)
    assert result.kind == "failed"
    assert result.items == (Rejected(url, "HTTP 404"),)


# ---- the cost of one read of a feed ----------------------------------------------------------


def link_feed(web: FakeWeb, links: list[str]) -> bytes:
    """A feed of link-only entries (a title and a teaser each), as aggregators publish."""
    items = [
        f"<item><title>Story {n}</title><link>{link}</link><guid>g-{n}</guid>"
        f"<description>Teaser {n}</description></item>"
        for n, link in enumerate(links)
    ]
    return rss(web, items)


def pages(web: FakeWeb, count: int) -> None:
    page = article_html().encode()
    for n in range(count):
        web.route(f"/story/{n}", Reply(body=page, headers=HTML))


def notes(items: tuple[Item, ...], feed_url: str) -> list[str]:
    return [i.reason for i in items if isinstance(i, Rejected) and i.origin == feed_url]


async def test_a_feed_of_hundreds_of_link_only_entries_costs_a_bounded_read(
    web: FakeWeb, fetcher: Fetcher
) -> None:
    """300 entries made 300 page fetches in one read; by default 200 entries are read and 25
    pages fetched from one host, and the feed says what was left."""
    url = web.route("/rss", Reply(body=link_feed(web, [f"/story/{n}" for n in range(300)])))
    pages(web, 300)

    result = await read_url(url, fetcher)

    fetched = [path for path in web.paths_requested() if path.startswith("/story/")]
    assert sorted(fetched) == sorted(f"/story/{n}" for n in range(25))
    assert sum(isinstance(i, RawArticle) for i in result.items) == 25
    assert notes(result.items, url) == [
        "100 of its 300 entries not read: more than feed.max_entries (200)",
        "175 entry pages on 127.0.0.1 left for the next poll: "
        "more than feed.max_fetches_per_host (25)",
    ]


async def test_page_fetches_are_bounded_per_read_and_per_host_in_count_and_concurrency(
    web: FakeWeb,
) -> None:
    async def two_hosts(host: str, port: int) -> list[IPAddress]:
        if host not in ("a.example", "b.example"):
            raise Unfetchable(f"cannot resolve {host}")
        return [ipaddress.ip_address("127.0.0.1")]

    active: Counter[str] = Counter()
    most: Counter[str] = Counter()
    lock = threading.Lock()
    page = article_html().encode()

    def slow_page(seen: Seen) -> Reply:
        host = seen.headers["Host"].split(":")[0]
        with lock:
            active[host] += 1
            most[host] = max(most[host], active[host])
            most["all"] = max(most["all"], active.total())
        time.sleep(0.05)
        with lock:
            active[host] -= 1
        return Reply(body=page, headers=HTML)

    links = [f"http://{h}.example:{web.port}/story/{n}" for h in "ab" for n in range(10)]
    url = web.route("/rss", Reply(body=link_feed(web, links)))
    for n in range(10):
        web.route(f"/story/{n}", slow_page)
    limits = FeedSettings(
        max_page_fetches=6, max_fetches_per_host=4, concurrency=3, host_concurrency=2
    )

    async with http_client(LOCAL, two_hosts) as client:
        result = await read_url(url, Fetcher(client, LOCAL), limits=limits)

    fetched = [i.url for i in result.items if isinstance(i, RawArticle)]
    assert fetched == [links[n] for n in (0, 1, 2, 3, 10, 11)]
    assert notes(result.items, url) == [
        "6 entry pages on a.example left for the next poll: "
        "more than feed.max_fetches_per_host (4)",
        "8 entry pages left for the next poll: more than feed.max_page_fetches (6) new ones",
    ]
    assert most["a.example"] == 2
    assert most["all"] == 3


async def test_entries_already_stored_are_not_fetched_again(web: FakeWeb, fetcher: Fetcher) -> None:
    links = [web.url(f"/story/{n}") for n in range(4)]
    url = web.route("/rss", Reply(body=link_feed(web, links)))
    pages(web, 4)
    asked: list[list[str]] = []

    async def stored(candidates: Sequence[str]) -> set[str]:
        asked.append(list(candidates))
        return {links[0], links[2]}

    result = await read_url(url, fetcher, known=stored)

    assert asked == [links]
    assert [i.url for i in result.items] == [links[1], links[3]]
    assert result.known == 2
    assert sorted(web.paths_requested()) == ["/rss", "/story/1", "/story/3"]


async def test_a_feed_polled_again_fetches_only_new_entries(
    web: FakeWeb, fetcher: Fetcher, settings: Settings
) -> None:
    """Entries stored by the first poll, and an entry whose page was rejected, are not
    fetched by the second, which counts them as already known."""
    links = [web.url(f"/story/{n}") for n in range(4)]
    feed = web.route("/rss", Reply(body=link_feed(web, links[:3])))
    web.route("/story/0", Reply(body=article_html("First").encode(), headers=HTML))
    web.route("/story/1", Reply(body=article_html("Second", PARAGRAPHS[1:]).encode(), headers=HTML))
    web.route("/story/2", Reply(status=404))
    web.route("/story/3", Reply(body=article_html("Third", PARAGRAPHS[2:]).encode(), headers=HTML))

    async with open_app(settings) as app:
        first = await ingest_url(app, fetcher, feed)
        web.route("/rss", Reply(body=link_feed(web, links)))
        web.requests.clear()
        second = await ingest_url(app, fetcher, feed)

    assert (first.added, first.known, len(first.rejected)) == (2, 0, 1)
    assert (second.added, second.known, len(second.rejected)) == (1, 3, 0)
    assert web.paths_requested() == ["/rss", "/story/3"]
