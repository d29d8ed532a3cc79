"""The fetcher against a real local HTTP server."""

from __future__ import annotations

import socket
import time
from dataclasses import replace

import httpx
import pytest

from bot.fetch import Fetcher, FetchError, FetchSettings, human_size
from tests.bot.http_fake import LOCAL, FakeWeb, Reply, Seen


async def fetch_error(fetcher: Fetcher, url: str) -> str:
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(url)
    assert caught.value.url == url
    return caught.value.reason


async def test_200_returns_body_and_headers(web: FakeWeb, fetcher: Fetcher) -> None:
    headers = {"Content-Type": "text/html; charset=utf-8", "ETag": '"v1"'}
    url = web.route("/a", Reply(body=b"<p>hello</p>", headers=headers))

    result = await fetcher.fetch(url)

    assert result.status == 200
    assert result.body == b"<p>hello</p>"
    assert result.media_type == "text/html"
    assert result.etag == '"v1"'
    assert result.final_url == url
    assert not result.not_modified
    assert web.requests[0].headers["User-Agent"] == LOCAL.user_agent


async def test_404_is_an_error(web: FakeWeb, fetcher: Fetcher) -> None:
    assert await fetch_error(fetcher, web.url("/missing")) == "HTTP 404"


async def test_server_error_is_an_error(web: FakeWeb, fetcher: Fetcher) -> None:
    url = web.route("/boom", Reply(status=503))
    assert await fetch_error(fetcher, url) == "HTTP 503"


async def test_slow_server_hits_the_total_deadline(web: FakeWeb, client: httpx.AsyncClient) -> None:
    fetcher = Fetcher(client, replace(LOCAL, total_deadline=0.3))
    url = web.route("/slow", Reply(body=b"late", delay=5))

    started = time.monotonic()
    reason = await fetch_error(fetcher, url)

    assert reason == "timed out after 0.3 s"
    assert time.monotonic() - started < 2


async def test_declared_size_over_the_cap_is_refused(
    web: FakeWeb, client: httpx.AsyncClient
) -> None:
    fetcher = Fetcher(client, replace(LOCAL, max_bytes=1000))
    url = web.route("/big", Reply(body=b"x" * 5000))
    assert await fetch_error(fetcher, url) == "larger than 1000 bytes"


async def test_streamed_size_over_the_cap_is_refused(
    web: FakeWeb, client: httpx.AsyncClient
) -> None:
    fetcher = Fetcher(client, replace(LOCAL, max_bytes=64 * 1024))
    url = web.route("/stream", Reply(body=b"x" * 200_000, send_length=False))
    assert await fetch_error(fetcher, url) == "larger than 64 KB"


async def test_body_at_the_cap_is_fine(web: FakeWeb, client: httpx.AsyncClient) -> None:
    fetcher = Fetcher(client, replace(LOCAL, max_bytes=1000))
    url = web.route("/exact", Reply(body=b"x" * 1000, send_length=False))
    assert len((await fetcher.fetch(url)).body) == 1000


async def test_redirects_are_followed(web: FakeWeb, fetcher: Fetcher) -> None:
    web.route("/old", Reply(status=301, headers={"Location": "/middle"}))
    web.route("/middle", Reply(status=302, headers={"Location": web.url("/new")}))
    web.route("/new", Reply(body=b"here"))

    result = await fetcher.fetch(web.url("/old"))

    assert result.body == b"here"
    assert result.url == web.url("/old")
    assert result.final_url == web.url("/new")
    assert web.paths_requested() == ["/old", "/middle", "/new"]


async def test_too_many_redirects(web: FakeWeb, client: httpx.AsyncClient) -> None:
    fetcher = Fetcher(client, replace(LOCAL, max_redirects=2))
    web.route("/loop", Reply(status=302, headers={"Location": "/loop"}))
    assert await fetch_error(fetcher, web.url("/loop")) == "more than 2 redirects"
    assert len(web.requests) == 3


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://10.0.0.5/admin", "refused: 10.0.0.5 is a private address"),
        (
            "http://169.254.169.254/latest/meta-data/",
            "refused: 169.254.169.254 is a link-local address",
        ),
        ("http://[::ffff:192.168.1.1]/", "refused: 192.168.1.1 is a private address"),
        ("http://127.0.0.2/", "refused: 127.0.0.2 is a loopback address"),
        ("file:///etc/passwd", "only http and https URLs are fetched"),
    ],
)
async def test_redirect_to_a_refused_target_is_refused(
    web: FakeWeb, fetcher: Fetcher, location: str, reason: str
) -> None:
    url = web.route("/r", Reply(status=302, headers={"Location": location}))
    assert await fetch_error(fetcher, url) == reason
    assert web.paths_requested() == ["/r"]


async def test_private_addresses_are_refused_by_default(
    web: FakeWeb, client: httpx.AsyncClient
) -> None:
    fetcher = Fetcher(client, FetchSettings())
    port = web.base.rsplit(":", 1)[1]
    web.route("/a", Reply(body=b"secret"))

    assert await fetch_error(fetcher, web.url("/a")) == "refused: 127.0.0.1 is a loopback address"
    assert (await fetch_error(fetcher, f"http://localhost:{port}/a")).startswith("refused: ")
    assert (
        await fetch_error(fetcher, "http://10.0.0.5/") == "refused: 10.0.0.5 is a private address"
    )
    assert await fetch_error(fetcher, "http://[::1]/") == "refused: ::1 is a loopback address"
    assert (
        await fetch_error(fetcher, "http://0.0.0.0/")
        == "refused: 0.0.0.0 is an unspecified address"
    )
    assert (
        await fetch_error(fetcher, "http://224.0.0.1/")
        == "refused: 224.0.0.1 is a multicast address"
    )
    assert web.requests == []


async def test_private_addresses_allowed_when_configured(
    web: FakeWeb, client: httpx.AsyncClient
) -> None:
    fetcher = Fetcher(client, FetchSettings(allow_private_addresses=True))
    url = web.route("/a", Reply(body=b"ok"))
    assert (await fetcher.fetch(url)).body == b"ok"


@pytest.mark.parametrize("url", ["ftp://example.com/feed.xml", "file:///etc/passwd"])
async def test_only_http_and_https(fetcher: Fetcher, url: str) -> None:
    assert await fetch_error(fetcher, url) == "only http and https URLs are fetched"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://xn--/", "not a valid URL: Malformed A-label"),
        ("http://x.example/\ud800", "not a valid URL: "),
        ("http://a..b/", "cannot resolve a..b: not a valid host name"),
        ("http://.com/", "cannot resolve .com: not a valid host name"),
    ],
)
async def test_malformed_urls_are_errors_not_crashes(
    client: httpx.AsyncClient, url: str, reason: str
) -> None:
    """IDNA and UTF-8 encoding errors are UnicodeErrors, which escaped as crashes; the IDNA
    codec refuses the empty label before any lookup is sent."""
    fetcher = Fetcher(client, FetchSettings())
    assert (await fetch_error(fetcher, url)).startswith(reason)


async def test_connection_refused_is_an_error(fetcher: Fetcher) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert (await fetch_error(fetcher, f"http://127.0.0.1:{port}/")).startswith("connection failed")


async def test_etag_round_trip(web: FakeWeb, fetcher: Fetcher) -> None:
    def versioned(seen: Seen) -> Reply:
        if seen.headers.get("If-None-Match") == '"v1"':
            return Reply(status=304, headers={"ETag": '"v1"'})
        headers = {"ETag": '"v1"', "Last-Modified": "Sat, 13 Dec 2025 10:00:00 GMT"}
        return Reply(body=b"<rss/>", headers=headers)

    url = web.route("/feed", versioned)

    first = await fetcher.fetch(url)
    second = await fetcher.fetch(url, etag=first.etag, last_modified=first.last_modified)

    assert first.status == 200
    assert second.not_modified
    assert second.body == b""
    assert second.etag == '"v1"'
    assert "If-None-Match" not in web.requests[0].headers
    assert web.requests[1].headers["If-None-Match"] == '"v1"'
    assert web.requests[1].headers["If-Modified-Since"] == "Sat, 13 Dec 2025 10:00:00 GMT"


def test_human_size() -> None:
    assert human_size(5 * 1024 * 1024) == "5 MB"
    assert human_size(64 * 1024) == "64 KB"
    assert human_size(1000) == "1000 bytes"
