"""The fetcher against a real local HTTP server."""

from __future__ import annotations

import contextlib
import functools
import gzip
import ipaddress
import socket
import ssl
import struct
import time
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
import trustme

from bot.fetch import (
    Fetcher,
    FetchError,
    FetchSettings,
    IPAddress,
    Unfetchable,
    http_client,
    human_size,
)
from tests.support.http_fake import LOCAL, FakeWeb, Reply, Seen, serve


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


_MIB = 1024 * 1024


@functools.cache
def gzipped_zeros(mib: int) -> bytes:
    """A valid gzip file of ``mib`` MiB of zeros, made in milliseconds: after a full flush
    the compressor writes the same bytes for every further MiB of zeros, so one such block is
    repeated and the trailer (CRC and size of the whole) written by hand."""
    zeros = bytes(_MIB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush()[:-8]
    crc = functools.reduce(lambda crc, _: zlib.crc32(zeros, crc), range(mib), 0)
    return first + block * (mib - 1) + end + struct.pack("<II", crc, (mib * _MIB) % 2**32)


async def fetch_error_and_peak(fetcher: Fetcher, url: str) -> tuple[str, int]:
    """The fetch's error and the most memory Python held meanwhile beyond what it held before."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        reason = await fetch_error(fetcher, url)
        return reason, tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def test_the_bombs_are_what_they_claim() -> None:
    assert gzip.decompress(gzipped_zeros(3)) == bytes(3 * _MIB)
    assert len(gzipped_zeros(200)) < 250_000
    assert len(gzip.compress(gzipped_zeros(256))) < 2_000


async def test_a_body_compressed_twice_is_refused_without_inflating_it(
    web: FakeWeb, client: httpx.AsyncClient
) -> None:
    """A couple of kilobytes that a decoder of every layer at once makes 256 MiB."""
    fetcher = Fetcher(client, replace(LOCAL, max_bytes=_MIB))
    bomb = gzip.compress(gzipped_zeros(256))
    url = web.route("/bomb", Reply(body=bomb, headers={"Content-Encoding": "gzip, gzip"}))

    reason, peak = await fetch_error_and_peak(fetcher, url)

    assert peak < 4 * _MIB
    assert reason == "refused: compressed more than once (gzip, gzip)"


async def test_a_gzip_bomb_is_refused_at_the_cap_inflating_a_slice_at_a_time(
    web: FakeWeb, client: httpx.AsyncClient
) -> None:
    """200 KB of gzip that is 200 MiB of zeros: decoding stops at the cap, memory near it."""
    fetcher = Fetcher(client, replace(LOCAL, max_bytes=_MIB))
    headers = {"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"}
    url = web.route("/bomb", Reply(body=gzipped_zeros(200), headers=headers))

    reason, peak = await fetch_error_and_peak(fetcher, url)

    assert peak < 4 * _MIB
    assert reason == "larger than 1 MB decompressed"


@pytest.mark.parametrize(
    ("coding", "encode"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", lambda data: gzip.compress(data[:5000]) + gzip.compress(data[5000:])),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data, wbits=-zlib.MAX_WBITS)),
        ("identity", bytes),
        ("UTF-8", bytes),
    ],
)
async def test_compressed_bodies_are_decoded(
    web: FakeWeb, fetcher: Fetcher, coding: str, encode: Callable[[bytes], bytes]
) -> None:
    """gzip (also of several members), deflate (zlib-wrapped or bare), and codings that are
    none (a server's "UTF-8") as they are; the body is larger than a slice of inflating."""
    text = b"<rss><channel><title>News</title></channel></rss>" * 4000
    url = web.route("/z", Reply(body=encode(text), headers={"Content-Encoding": coding}))

    assert (await fetcher.fetch(url)).body == text
    assert web.requests[0].headers["Accept-Encoding"] == "gzip, deflate"


async def test_a_compressed_body_at_the_cap_is_fine(
    web: FakeWeb, client: httpx.AsyncClient
) -> None:
    fetcher = Fetcher(client, replace(LOCAL, max_bytes=_MIB))
    headers = {"Content-Encoding": "gzip"}
    url = web.route("/exact", Reply(body=gzipped_zeros(1), headers=headers, send_length=False))
    assert (await fetcher.fetch(url)).body == bytes(_MIB)


@pytest.mark.parametrize(
    ("coding", "body", "reason"),
    [
        ("br", b"\x1b\x03", "compressed with br, which was not asked for"),
        ("gzip", b"not gzip at all", "bad response: its gzip body is corrupt"),
    ],
)
async def test_bodies_that_cannot_be_decoded_are_errors(
    web: FakeWeb, fetcher: Fetcher, coding: str, body: bytes, reason: str
) -> None:
    url = web.route("/odd", Reply(body=body, headers={"Content-Encoding": coding}))
    assert (await fetch_error(fetcher, url)).startswith(reason)


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


async def test_private_addresses_are_refused_by_default(web: FakeWeb) -> None:
    web.route("/a", Reply(body=b"secret"))
    refused = {
        web.url("/a"): "refused: 127.0.0.1 is a loopback address",
        "http://10.0.0.5/": "refused: 10.0.0.5 is a private address",
        "http://[::1]/": "refused: ::1 is a loopback address",
        "http://0.0.0.0/": "refused: 0.0.0.0 is an unspecified address",
        "http://224.0.0.1/": "refused: 224.0.0.1 is a multicast address",
    }

    async with http_client(FetchSettings()) as client:
        fetcher = Fetcher(client, FetchSettings())
        for url, reason in refused.items():
            assert await fetch_error(fetcher, url) == reason
        localhost = await fetch_error(fetcher, f"http://localhost:{web.port}/a")

    assert localhost.startswith("refused: ")
    assert web.requests == []


async def test_private_addresses_allowed_when_configured(web: FakeWeb) -> None:
    settings = FetchSettings(allow_private_addresses=True)
    url = web.route("/a", Reply(body=b"ok"))
    async with http_client(settings) as client:
        assert (await Fetcher(client, settings).fetch(url)).body == b"ok"


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
async def test_malformed_urls_are_errors_not_crashes(url: str, reason: str) -> None:
    """IDNA and UTF-8 encoding errors are UnicodeErrors, which escaped as crashes; the IDNA
    codec refuses the empty label before any lookup is sent."""
    async with http_client(FetchSettings()) as client:
        assert (await fetch_error(Fetcher(client, FetchSettings()), url)).startswith(reason)


class FakeDns:
    """Answers host names from a table, each lookup taking the next answer of its host's list
    (a DNS server that answers differently the second time), and records the lookups."""

    def __init__(self, answers: dict[str, list[list[str]]]) -> None:
        self.answers = {host: iter(lists) for host, lists in answers.items()}
        self.lookups: list[str] = []

    async def __call__(self, host: str, port: int) -> list[IPAddress]:
        self.lookups.append(host)
        answer = next(self.answers.get(host, iter(())), None)
        if answer is None:
            raise Unfetchable(f"cannot resolve {host}: no such name")
        return [ipaddress.ip_address(a) for a in answer]


@asynccontextmanager
async def fetcher_with(dns: FakeDns, settings: FetchSettings = LOCAL) -> AsyncIterator[Fetcher]:
    async with http_client(settings, dns) as client:
        yield Fetcher(client, settings)


async def test_a_name_is_resolved_once_and_the_checked_address_connected_to(web: FakeWeb) -> None:
    """The connection goes to the address that was checked: the name is not resolved again
    (no system resolver knows feeds.example), so a second, private answer is never used."""
    port = web.port
    web.route("/feed", Reply(body=b"<rss/>"))
    url = f"http://feeds.example:{port}/feed"
    dns = FakeDns({"feeds.example": [["127.0.0.1"], ["10.0.0.5"]]})

    async with fetcher_with(dns) as fetcher:
        assert (await fetcher.fetch(url)).body == b"<rss/>"
    assert dns.lookups == ["feeds.example"]
    assert web.requests[0].headers["Host"] == f"feeds.example:{port}"

    # A new connection resolves the name again, and the new answer is checked like the first.
    async with fetcher_with(dns) as fetcher:
        assert await fetch_error(fetcher, url) == "refused: 10.0.0.5 is a private address"
    assert len(web.requests) == 1


async def test_a_name_with_any_refused_address_is_refused(web: FakeWeb) -> None:
    port = web.port
    web.route("/a", Reply(body=b"secret"))
    dns = FakeDns({"mixed.example": [["127.0.0.1", "169.254.169.254"]]})

    async with fetcher_with(dns) as fetcher:
        reason = await fetch_error(fetcher, f"http://mixed.example:{port}/a")
    assert reason == "refused: 169.254.169.254 is a link-local address"
    assert web.requests == []


async def test_a_redirect_to_a_name_resolving_to_a_refused_address_is_refused(
    web: FakeWeb,
) -> None:
    url = web.route("/r", Reply(status=302, headers={"Location": "http://intranet.example/"}))
    dns = FakeDns({"intranet.example": [["192.168.1.10"]]})

    async with fetcher_with(dns) as fetcher:
        assert await fetch_error(fetcher, url) == "refused: 192.168.1.10 is a private address"
    assert dns.lookups == ["intranet.example"]
    assert web.paths_requested() == ["/r"]


async def test_the_addresses_of_a_name_are_tried_in_turn(web: FakeWeb) -> None:
    """127.0.0.2 reaches this machine, but nothing listens there on the server's port."""
    port = web.port
    web.route("/a", Reply(body=b"second"))
    dns = FakeDns({"two.example": [["127.0.0.2", "127.0.0.1"]]})

    async with fetcher_with(dns, replace(LOCAL, allowed_networks=("127.0.0.0/8",))) as fetcher:
        assert (await fetcher.fetch(f"http://two.example:{port}/a")).body == b"second"


@pytest.fixture
def https_web(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[FakeWeb]:
    """An HTTPS server whose certificate names feeds.example, from a test authority that
    clients trust through SSL_CERT_FILE (which httpx reads, as operators may)."""
    authority = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("feeds.example").configure_cert(context)
    bundle = tmp_path / "authority.pem"
    authority.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    yield from serve(context)


async def test_https_to_a_checked_address_verifies_the_certificate_for_the_name(
    https_web: FakeWeb,
) -> None:
    """The connection is made to an address, the TLS handshake still checks the name."""
    port = https_web.port
    https_web.route("/feed", Reply(body=b"<rss/>"))
    dns = FakeDns({"feeds.example": [["127.0.0.1"]], "other.example": [["127.0.0.1"]]})

    async with fetcher_with(dns) as fetcher:
        assert (await fetcher.fetch(f"https://feeds.example:{port}/feed")).body == b"<rss/>"
        reason = await fetch_error(fetcher, f"https://other.example:{port}/feed")
    assert reason.startswith("connection failed: [SSL: CERTIFICATE_VERIFY_FAILED]")
    assert "other.example" in reason
    assert https_web.paths_requested() == ["/feed"]


@pytest.fixture
def silent_twin(web: FakeWeb) -> Iterator[str]:
    """127.0.0.3 on the server's port, listening but taking no connection: its one-place
    queue is filled, so a further connection attempt is never answered."""
    port = web.port
    with socket.socket() as listener, socket.socket() as filler:
        listener.bind(("127.0.0.3", port))
        listener.listen(0)
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(("127.0.0.3", port))
        yield "127.0.0.3"


async def test_an_address_that_never_answers_does_not_hold_up_the_next(
    web: FakeWeb, silent_twin: str
) -> None:
    port = web.port
    web.route("/a", Reply(body=b"second"))
    dns = FakeDns({"two.example": [[silent_twin, "127.0.0.1"]]})
    settings = replace(LOCAL, connect_timeout=10.0, allowed_networks=("127.0.0.0/8",))

    started = time.monotonic()
    async with fetcher_with(dns, settings) as fetcher:
        assert (await fetcher.fetch(f"http://two.example:{port}/a")).body == b"second"
    assert time.monotonic() - started < 5


async def test_a_name_whose_addresses_never_answer_times_out(
    web: FakeWeb, silent_twin: str
) -> None:
    port = web.port
    dns = FakeDns({"silent.example": [[silent_twin]]})
    settings = replace(LOCAL, connect_timeout=0.5, allowed_networks=("127.0.0.0/8",))

    async with fetcher_with(dns, settings) as fetcher:
        reason = await fetch_error(fetcher, f"http://silent.example:{port}/")
    assert reason == "could not connect within 0.5 s"


async def test_through_a_proxy_the_target_is_checked_before_the_request(web: FakeWeb) -> None:
    """``web`` is the proxy here: it is asked for the whole URL, and only once the target's
    addresses passed the check (the proxy's own, 127.0.0.1, is the operator's choice)."""
    web.route("http://news.example/feed", Reply(body=b"<rss/>"))
    dns = FakeDns({"news.example": [["93.184.215.14"]], "intranet.example": [["10.0.0.5"]]})
    settings = FetchSettings(total_deadline=2.0, proxy=web.base)

    async with fetcher_with(dns, settings) as fetcher:
        assert (await fetcher.fetch("http://news.example/feed")).body == b"<rss/>"
        reason = await fetch_error(fetcher, "http://intranet.example/admin")
        literal = await fetch_error(fetcher, "http://169.254.169.254/latest/meta-data/")

    assert reason == "refused: 10.0.0.5 is a private address"
    assert literal == "refused: 169.254.169.254 is a link-local address"
    assert web.paths_requested() == ["http://news.example/feed"]
    assert dns.lookups == ["news.example", "intranet.example"]


async def test_an_unknown_name_is_an_error() -> None:
    async with fetcher_with(FakeDns({})) as fetcher:
        reason = await fetch_error(fetcher, "http://nowhere.example/")
    assert reason == "cannot resolve nowhere.example: no such name"


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
