"""Feeds as users keep them: saved feed files given to `newsbot ingest`, and OPML files
through `newsbot sources import` and `newsbot sources export`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.readers import InputDefaults, iter_paths
from stories.articles import RawArticle, Rejected
from stories.opml import read_opml
from tests.support.cli import invoke
from tests.support.seeds import SEEDS


def seed_paragraphs(number: int) -> list[str]:
    """The body of a seed article (three write-ups of one story, none a copy of another)."""
    [path] = SEEDS.glob(f"00{number}_*.txt")
    paragraphs = [p.strip() for p in path.read_text().split("\n\n") if p.strip()]
    return paragraphs[1:]


def html(number: int) -> str:
    return "".join(f"<p>{paragraph}</p>" for paragraph in seed_paragraphs(number))


def rss() -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Saved Outlet</title><link>https://saved.example/</link>
<item><title>Belarus frees 123 prisoners</title><link>/2025/12/13/freed</link>
<guid isPermaLink="false">saved-1</guid><pubDate>Sat, 13 Dec 2025 14:30:00 GMT</pubDate>
<content:encoded><![CDATA[{html(0)}]]></content:encoded></item>
<item><title>Only a teaser</title><link>https://saved.example/teaser</link>
<description>Read the rest on our site.</description></item>
</channel></rss>"""


def atom() -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title><id>urn:atom</id>
<updated>2025-12-14T08:00:00Z</updated>
<entry><title>Freed prisoners reach Vilnius</title><link href="https://atom.example/freed"/>
<id>urn:atom:1</id><updated>2025-12-14T08:00:00Z</updated>
<content type="html"><![CDATA[{html(1)}]]></content></entry></feed>"""


def json_feed() -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "JSON Outlet",
            "items": [
                {
                    "id": "j-1",
                    "url": "https://json.example/freed",
                    "title": "US lifts potash sanctions",
                    "content_html": html(3),
                    "date_published": "2025-12-13T15:00:00+01:00",
                }
            ],
        }
    )


def saved(folder: Path) -> dict[str, Path]:
    files = {"feed.xml": rss(), "outlet.atom": atom(), "feed.json": json_feed()}
    for name, text in files.items():
        (folder / name).write_text(text)
    return {name: folder / name for name in files}


def test_saved_feeds_are_read_as_feeds(tmp_path: Path) -> None:
    paths = saved(tmp_path)
    rss_items = list(iter_paths([paths["feed.xml"]], InputDefaults()))
    first, teaser = rss_items
    assert isinstance(first, RawArticle)
    assert (first.title, first.url, first.outlet, first.external_id) == (
        "Belarus frees 123 prisoners",
        "https://saved.example/2025/12/13/freed",
        "Saved Outlet",
        "saved-1",
    )
    assert first.published == datetime(2025, 12, 13, 14, 30, tzinfo=UTC)
    assert first.text.startswith("Lukashenko frees Nobel winner Bialiatski")
    assert teaser == Rejected(
        "https://saved.example/teaser",
        "feed entry has only a summary (6 words), not the article; pages are not fetched for "
        "a saved feed: ingest the feed's URL, or this link",
    )
    [entry] = iter_paths([paths["outlet.atom"]], InputDefaults())
    assert isinstance(entry, RawArticle)
    assert (entry.title, entry.outlet, entry.url) == (
        "Freed prisoners reach Vilnius",
        "Atom Outlet",
        "https://atom.example/freed",
    )
    [item] = iter_paths([paths["feed.json"]], InputDefaults(outlet="Given"))
    assert isinstance(item, RawArticle)
    assert (item.outlet, item.external_id) == ("JSON Outlet", "j-1")
    assert item.published == datetime(2025, 12, 13, 14, 0, tzinfo=UTC)


def test_a_folder_reads_the_feeds_in_it_and_skips_other_xml_and_json(tmp_path: Path) -> None:
    saved(tmp_path)
    (tmp_path / "settings.json").write_text('{"theme": "dark"}')
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset/>')
    origins = [item.origin for item in iter_paths([tmp_path], InputDefaults())]
    assert origins == [
        "https://json.example/freed",
        "https://saved.example/2025/12/13/freed",
        "https://saved.example/teaser",
        "https://atom.example/freed",
    ]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("page.xml", '<?xml version="1.0"?><urlset/>', "not an RSS/Atom feed"),
        ("data.json", '{"theme": "dark"}', "without a JSON Feed version"),
        (
            "old.json",
            '{"version": "https://jsonfeed.org/version/1", "items": []}',
            "without entries",
        ),
    ],
)
def test_a_file_given_as_a_feed_that_is_none_says_why(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    (tmp_path / name).write_text(content)
    [item] = iter_paths([tmp_path / name], InputDefaults())
    assert isinstance(item, Rejected)
    assert reason in item.reason


def test_ingest_saved_feeds_once(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    paths = saved(tmp_path / "feeds")
    db = tmp_path / "n.db"
    files = [str(paths[name]) for name in ("feed.xml", "outlet.atom", "feed.json")]

    code, _, err = invoke(db, "ingest", *files)

    shown = " ".join(err.split())
    assert code == 0, err
    assert "added 3, already known 0, near-copies 0, new stories 1" in shown
    assert "rejected 1" in shown
    assert "rejected https://saved.example/teaser: feed entry has only a summary" in shown
    code, _, err = invoke(db, "ingest", *files)
    assert "added 0, already known 3" in " ".join(err.split())
    _, out, _ = invoke(db, "export")
    assert sorted(json.loads(line)["outlet"] for line in out.splitlines()) == [
        "Atom Outlet",
        "JSON Outlet",
        "Saved Outlet",
    ]


def test_sources_import_and_export_round_trip(tmp_path: Path) -> None:
    subscriptions = tmp_path / "subscriptions.opml"
    subscriptions.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><opml version="1.0"><head><title>Mine</title>'
        '</head><body><outline text="News"><outline type="rss" text="Wire" '
        'xmlUrl="https://wire.example/rss"/><outline type="rss" text="Daily" '
        'xmlUrl="https://daily.example/feed?key=k3y"/></outline>'
        '<outline type="rss" text="Old" xmlUrl="gopher://old.example/"/></body></opml>'
    )
    db = tmp_path / "n.db"

    code, out, _ = invoke(db, "sources", "import", str(subscriptions))

    assert code == 0
    assert out.startswith("Imported subscriptions.opml: 2 added, 0 already known, 1 refused.")
    assert "gopher://old.example/: not an http(s) URL" in out
    assert "key=***" in out
    code, out, _ = invoke(db, "sources", "import", str(subscriptions))
    assert out.startswith("Imported subscriptions.opml: 0 added, 2 already known, 1 refused.")

    code, exported, _ = invoke(db, "sources", "export")
    assert code == 0
    assert [(o.url, o.title) for o in read_opml(exported.encode())] == [
        ("https://wire.example/rss", "Wire"),
        ("https://daily.example/feed?key=k3y", "Daily"),
    ]
    written = tmp_path / "out.opml"
    code, _, err = invoke(db, "sources", "export", str(written))
    assert "wrote 2 sources" in err
    assert read_opml(written.read_bytes()) == read_opml(exported.encode())

    other = tmp_path / "other.db"
    code, out, _ = invoke(other, "sources", "import", str(written))
    assert out.startswith("Imported out.opml: 2 added, 0 already known, 0 refused.")


def test_sources_import_of_what_is_not_opml(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><body><p>Hello</p></body></html>")
    code, _, err = invoke(tmp_path / "n.db", "sources", "import", str(page))
    assert code == 1
    assert "page.html: not well-formed XML" in " ".join(err.split())
    code, _, err = invoke(tmp_path / "n.db", "sources", "import", str(tmp_path / "none.opml"))
    assert code == 1
    assert "none.opml: cannot be read: No such file or directory" in " ".join(err.split())
