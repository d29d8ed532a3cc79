"""A feed whose title, entry link or ETag is longer than the store keeps loses only that."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import App, ingest_url
from bot.fetch import Fetcher
from storage.models import Article, Source
from tests.support.http_fake import FakeWeb, Reply
from tests.support.texts import ELECTION, FLOOD

_TITLE = "The Coastal Morning Chronicle and Evening Harbour Gazette " * 10


def _item(n: int, text: str, link: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return f"""<item><title>Story {n}</title><link>{link}</link>
<guid isPermaLink="false">id-{n}</guid><pubDate>Sat, 13 Dec 2025 14:30:00 GMT</pubDate>
<content:encoded><![CDATA[{body}]]></content:encoded></item>"""


def _feed(web: FakeWeb) -> bytes:
    items = [
        _item(1, FLOOD, "/story/1"),
        _item(2, FLOOD.replace("Sunday", "Monday"), "/story/" + "p" * 2100),
        _item(3, ELECTION, "/story/3"),
    ]
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{_TITLE}</title><link>{web.base}/</link><description>News</description>
{"".join(items)}</channel></rss>""".encode()


async def test_a_feed_with_an_overlong_title_link_and_etag_keeps_the_rest(
    app: App, web: FakeWeb, fetcher: Fetcher
) -> None:
    headers = {"Content-Type": "application/rss+xml", "ETag": '"' + "e" * 600 + '"'}
    url = web.route("/rss", Reply(body=_feed(web), headers=headers))

    report = await ingest_url(app, fetcher, url)
    again = await ingest_url(app, fetcher, url)

    assert report.added == 2
    (rejected,) = report.rejected
    assert "its URL is 2,1" in rejected.reason
    assert "at most 2,048 can be stored" in rejected.reason
    assert (again.added, again.known, len(again.rejected)) == (0, 2, 1)
    async with app.sessions() as session:
        source = await session.scalar(select(Source))
        outlets = set((await session.scalars(select(Article.outlet))).all())
    assert source is not None
    assert (source.etag, source.failures) == (None, 0)
    assert source.title is not None
    (outlet,) = outlets
    assert outlet is not None
    for cut, length in ((source.title, 500), (outlet, 300)):
        assert len(cut) <= length
        assert cut.endswith("…")
        # whole words: what is kept is followed by a space in the feed's title
        assert _TITLE.startswith(cut[:-1] + " ")
