"""Reading and writing OPML, the subscription lists feed readers export."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from stories.opml import OpmlError, Outline, read_opml, write_opml


def opml(body: str, *, encoding: str = "UTF-8", head: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<opml version="2.0">'
        f"<head><title>Export{head}</title></head><body>{body}</body></opml>"
    ).encode(encoding)


def test_feeds_at_any_depth_in_document_order() -> None:
    """Feed readers file feeds in folders, folders in folders; a folder is not a feed."""
    data = opml(
        '<outline text="News" title="News">'
        '  <outline type="rss" text="Wire" xmlUrl="https://wire.example/rss"/>'
        '  <outline text="Europe">'
        '    <outline type="rss" text="Kyiv" title="Kyiv Daily" xmlUrl="https://k.example/a"/>'
        "  </outline>"
        "</outline>"
        '<outline type="rss" text="  Top   level " xmlUrl=" https://top.example/feed "/>'
    )
    assert read_opml(data) == [
        Outline("https://wire.example/rss", "Wire"),
        Outline("https://k.example/a", "Kyiv Daily"),
        Outline("https://top.example/feed", "Top level"),
    ]


def test_an_outline_without_a_feed_address_is_listed_without_one() -> None:
    """A link outline, or a feed whose address was lost, is reported (the importer refuses
    it); the address attribute is found in any case, as exporters write it."""
    data = opml(
        '<outline type="link" text="A page" url="https://page.example/"/>'
        '<outline type="rss" text="Empty" xmlUrl=""/>'
        '<outline type="rss" text="Lower" xmlurl="https://lower.example/rss"/>'
        '<outline type="rss" text="https://untitled.example/rss" '
        'xmlUrl="https://untitled.example/rss"/>'
    )
    assert read_opml(data) == [
        Outline(None, "A page"),
        Outline(None, "Empty"),
        Outline("https://lower.example/rss", "Lower"),
        Outline("https://untitled.example/rss", None),
    ]


def test_addresses_are_kept_as_written_whatever_they_are() -> None:
    """Reading does not judge addresses: bad ones reach the importer, which says why."""
    data = opml(
        '<outline text="ftp" xmlUrl="ftp://old.example/feed"/>'
        '<outline text="relative" xmlUrl="/feed.xml"/>'
        '<outline text="broken" xmlUrl="http://[::1/feed"/>'
    )
    assert [o.url for o in read_opml(data)] == [
        "ftp://old.example/feed",
        "/feed.xml",
        "http://[::1/feed",
    ]


def test_an_entity_expansion_bomb_is_refused_not_expanded() -> None:
    lol = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY lol0 "lol">'
        f'{lol}]><opml version="2.0"><head/><body>'
        '<outline text="&lol9;" xmlUrl="https://x.example/"/></body></opml>'
    ).encode()
    with pytest.raises(OpmlError, match="declares XML entities"):
        read_opml(bomb)


def test_an_external_entity_is_refused() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY f SYSTEM "file:///etc/passwd">]>'
        b'<opml version="2.0"><body><outline text="&f;" xmlUrl="https://x.example/"/>'
        b"</body></opml>"
    )
    with pytest.raises(OpmlError, match="declares XML entities"):
        read_opml(data)


@pytest.mark.parametrize(
    ("encoding", "title"),
    [
        ("windows-1251", "Новости Беларуси"),
        ("ISO-8859-2", "Wiadomości z Łodzi"),
        ("koi8-r", "Главное"),
        ("Shift_JIS", "日本のニュース"),
        ("GB2312", "中国新闻"),
        ("UTF-16", "Ελληνικά νέα"),
    ],
)
def test_encodings_declared_in_the_xml_header(encoding: str, title: str) -> None:
    data = opml(f'<outline text="{title}" xmlUrl="https://n.example/rss"/>', encoding=encoding)
    assert read_opml(data) == [Outline("https://n.example/rss", title)]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"<opml><body><outline></body></opml>", "not well-formed XML"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "root element is <rss>"),
        (b'<opml version="2.0"><head/></opml>', "no <body>"),
        (b'<?xml version="1.0" encoding="no-such-codec"?><opml/>', "no-such-codec"),
    ],
)
def test_what_is_not_opml_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(OpmlError, match=reason):
        read_opml(data)


def test_written_opml_reads_back() -> None:
    feeds = [
        ("https://a.example/feed?x=1&y=2", "A & B <news>"),
        ("https://b.example/rss", None),
        ("https://c.example/atom", "Вести"),
    ]
    written = write_opml(feeds, "newsbot sources", datetime(2026, 1, 2, 3, 4, tzinfo=UTC))
    assert written.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert b'<opml version="2.0">' in written
    assert b"<dateCreated>Fri, 02 Jan 2026 03:04:00 +0000</dateCreated>" in written
    assert b'text="https://b.example/rss"' in written
    assert read_opml(written) == [Outline(url, title) for url, title in feeds]
