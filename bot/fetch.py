"""Fetching URLs safely: http(s) only, public addresses only, bounded in time and size.

Redirects are followed here, not by httpx, so that every hop is checked: a public page must
not be able to redirect the bot to ``http://169.254.169.254/`` or to the intranet.

The address check sits where the connection is made (:func:`http_client`'s network backend):
each host is resolved once, every address it resolves to is checked, and the connection goes
to a checked address. Checking a name and then letting the connection resolve it again would
let a DNS server answer a public address to the check and a private one to the connection
(DNS rebinding). So a proxy named in the environment is not used; one set in
``FetchSettings.proxy`` is, with the weaker check that allows (see there).

A compressed body is decoded here too, not by httpx, whose decoders turn each received chunk
into all it expands to at once: a few kilobytes of gzip can hold gigabytes of zeros. Here it
is inflated a slice at a time and counted against ``max_bytes`` as it grows, and a body
compressed more than once (``Content-Encoding: gzip, gzip``) is refused.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import zlib
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass

import anyio
import httpcore
import httpx
from anyio.abc import TaskGroup

_MB = 1024 * 1024
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Seconds before the next address of a host is tried while an attempt is still pending
# (RFC 8305's recommended connection attempt delay).
_NEXT_ATTEMPT_AFTER = 0.25
# The codings asked for and decoded: zlib's can be told how much to produce per call.
_ACCEPT_ENCODING = "gzip, deflate"
_DECODED = frozenset({"gzip", "x-gzip", "deflate"})
# Compressions that are not asked for and cannot be decoded: refused, not passed on as text.
_UNDECODED = frozenset({"br", "zstd", "compress", "x-compress"})
# Bytes inflated per call: what decoding holds beyond the body read so far.
_INFLATE_STEP = 64 * 1024

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]
"""Resolves a host name for a port to its addresses, raising :class:`Unfetchable` when it
cannot."""


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Limits of one fetch. Times are in seconds.

    ``allowed_networks`` lists networks (CIDR) that are fetched even though they are not
    public, e.g. an intranet feed server; ``allow_private_addresses`` allows them all.
    """

    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_deadline: float = 30.0
    max_bytes: int = 5 * _MB
    max_redirects: int = 5
    allow_private_addresses: bool = False
    allowed_networks: tuple[str, ...] = ()
    user_agent: str = "newsbot/0.1 (news monitoring bot)"
    proxy: str = ""
    """An HTTP proxy that fetches go through (``http://proxy.internal:3128``), e.g. a network's
    only way out; empty: fetches go direct. The proxy resolves names itself, so the target's
    addresses are checked before each request instead of on connecting: a DNS server that
    answers the proxy differently is not caught, and the proxy should reach no more than the
    bot may."""


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A response: the body of a 2xx, or an empty ``not_modified`` 304."""

    url: str
    final_url: str
    status: int
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def media_type(self) -> str | None:
        """The content type without parameters, lower case (``text/html``)."""
        if not self.content_type:
            return None
        return self.content_type.split(";", 1)[0].strip().lower() or None


class FetchError(Exception):
    """A URL that could not be fetched, with a reason to show to the user as is."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class Unfetchable(Exception):
    """Raised where the connection is made: a host that cannot be resolved or resolves to an
    address the settings refuse. The fetcher reports ``reason`` for the URL."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def human_size(size: int) -> str:
    """``5 MB``, ``2.5 MB``, ``64 KB`` or ``1000 bytes``."""
    if size >= _MB:
        return f"{size / _MB:g} MB"
    if size >= 1024:
        return f"{size / 1024:g} KB"
    return f"{size} bytes"


class Fetcher:
    """Fetches URLs with the given client, which is owned (and closed) by the caller and checks
    the addresses it connects to: one made by :func:`http_client`."""

    def __init__(self, client: httpx.AsyncClient, settings: FetchSettings) -> None:
        self._client = client
        self._settings = settings
        self._timeout = _timeout(settings)

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """GET ``url``; with ``etag``/``last_modified`` a conditional GET that may be a 304.

        Raises ``FetchError`` for anything but a 2xx or 304 response.
        """
        deadline = self._settings.total_deadline
        try:
            async with asyncio.timeout(deadline):
                return await self._follow(url, self._headers(etag, last_modified))
        except TimeoutError:
            raise FetchError(url, f"timed out after {deadline:g} s") from None
        except Unfetchable as error:
            raise FetchError(url, error.reason) from None
        except httpx.TimeoutException as error:
            raise FetchError(url, _timeout_reason(error, self._settings)) from None
        except httpx.TransportError as error:
            raise FetchError(url, f"connection failed: {error or type(error).__name__}") from None
        except httpx.RequestError as error:
            raise FetchError(url, f"bad response: {error or type(error).__name__}") from None

    def _headers(self, etag: str | None, last_modified: str | None) -> dict[str, str]:
        headers = {"User-Agent": self._settings.user_agent, "Accept-Encoding": _ACCEPT_ENCODING}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return headers

    async def _follow(self, url: str, headers: dict[str, str]) -> FetchResult:
        current = _parse_url(url)
        for _ in range(self._settings.max_redirects + 1):
            _check_target(url, current)
            request = self._client.build_request(
                "GET", current, headers=headers, timeout=self._timeout
            )
            response = await self._client.send(request, stream=True, follow_redirects=False)
            try:
                location = response.headers.get("location")
                if response.status_code in _REDIRECT_STATUSES and location:
                    current = _parse_url(url, current, location)
                    continue
                return await self._result(url, response)
            finally:
                await response.aclose()
        raise FetchError(url, f"more than {self._settings.max_redirects} redirects")

    async def _result(self, url: str, response: httpx.Response) -> FetchResult:
        status = response.status_code
        if status != 304 and not 200 <= status < 300:
            raise FetchError(url, f"HTTP {status}")
        body = b"" if status == 304 else await self._read_body(url, response)
        return FetchResult(
            url=url,
            final_url=str(response.url),
            status=status,
            body=body,
            content_type=response.headers.get("content-type"),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    async def _read_body(self, url: str, response: httpx.Response) -> bytes:
        """The body, decoded, or :class:`FetchError` once it passes ``max_bytes``.

        The raw bytes are read and decoded here (see the module's docstring), so neither the
        compressed nor the decoded body is ever held much beyond the cap.
        """
        limit = self._settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, f"larger than {human_size(limit)}")
        inflater = _inflater_for(url, response.headers.get_list("content-encoding", True))
        too_large = FetchError(
            url, f"larger than {human_size(limit)}{' decompressed' if inflater else ''}"
        )
        chunks: list[bytes] = []
        size = 0
        async for raw in response.aiter_raw():
            for chunk in inflater.pieces(raw) if inflater else (raw,):
                size += len(chunk)
                if size > limit:
                    raise too_large
                chunks.append(chunk)
        return b"".join(chunks)


class _Inflater:
    """Decodes a gzip or deflate body in slices of at most ``_INFLATE_STEP`` bytes, so that
    the caller can stop as soon as the body is too large, whatever a chunk expands to."""

    def __init__(self, url: str, coding: str) -> None:
        self._url = url
        self._coding = coding
        self._gzip = coding in ("gzip", "x-gzip")
        self._raw = False
        self._started = False
        self._inflate = self._new()

    def _new(self) -> zlib._Decompress:
        if self._gzip:
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        # RFC 9110's deflate is zlib-wrapped; some servers send the bare deflate stream.
        return zlib.decompressobj(-zlib.MAX_WBITS if self._raw else zlib.MAX_WBITS)

    def pieces(self, data: bytes) -> Iterator[bytes]:
        """What ``data`` decodes to, a slice at a time."""
        while True:
            try:
                piece = self._inflate.decompress(data, _INFLATE_STEP)
            except zlib.error as error:
                if self._gzip or self._raw or self._started:
                    raise FetchError(
                        self._url, f"bad response: its {self._coding} body is corrupt ({error})"
                    ) from None
                self._raw = True
                self._inflate = self._new()
                continue
            self._started |= bool(data)
            if piece:
                yield piece
            data = self._inflate.unconsumed_tail
            if self._inflate.eof:
                data = self._inflate.unused_data
                if not (self._gzip and data):
                    return
                # The next member of a gzip file made of several.
                self._inflate = self._new()
            elif not data and len(piece) < _INFLATE_STEP:
                # Everything given is decoded; a full slice may have left output pending.
                return


def _inflater_for(url: str, codings: list[str]) -> _Inflater | None:
    """The decoder of a body sent with these ``Content-Encoding`` codings; None: as it is.

    A coding this module does not know (servers send "UTF-8" or "none") is passed over as
    httpx does, but one layer is all a server may send: it was asked for one at most.
    """
    layers = [c.strip().lower() for c in codings if c.strip().lower() not in ("", "identity")]
    if len(layers) > 1:
        raise FetchError(url, f"refused: compressed more than once ({', '.join(layers)})")
    if not layers or layers[0] not in _DECODED | _UNDECODED:
        return None
    if layers[0] in _UNDECODED:
        raise FetchError(url, f"compressed with {layers[0]}, which was not asked for")
    return _Inflater(url, layers[0])


def http_client(settings: FetchSettings, resolve: Resolver | None = None) -> httpx.AsyncClient:
    """An httpx client with the settings' timeouts that connects only to addresses they allow.

    ``resolve`` replaces the system resolver (tests give names the addresses of local servers).
    """
    guard = _AddressGuard(settings, resolve or resolve_host)
    transport: httpx.AsyncBaseTransport = (
        _CheckedProxyTransport(guard, settings.proxy)
        if settings.proxy
        else _GuardedTransport(guard)
    )
    return httpx.AsyncClient(
        transport=transport,
        timeout=_timeout(settings),
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": _ACCEPT_ENCODING},
    )


async def resolve_host(host: str, port: int) -> list[IPAddress]:
    """The addresses the system resolver gives for ``host``."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise Unfetchable(f"cannot resolve {host}: {error.strerror}") from None
    except UnicodeError:
        # The IDNA codec refuses an empty or over-long label ("a..b", ".com").
        raise Unfetchable(f"cannot resolve {host}: not a valid host name") from None
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))


class _GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over a connection pool that connects through ``guard``.

    httpx 0.28 takes no network backend of its own (encode/httpx#3749), so the pool it made is
    replaced by one with the same defaults and the guard.
    """

    def __init__(self, guard: httpcore.AsyncNetworkBackend) -> None:
        super().__init__()
        limits = httpx.Limits()
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=guard,
        )


class _CheckedProxyTransport(httpx.AsyncBaseTransport):
    """httpx's transport through a proxy, which checks the target's addresses before sending
    each request (the proxy itself is the operator's choice and is not checked)."""

    def __init__(self, guard: _AddressGuard, proxy: str) -> None:
        self._guard = guard
        self._inner = httpx.AsyncHTTPTransport(proxy=proxy)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        await self._guard.check(url.raw_host.decode("ascii"), url.port or _default_port(url))
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


class _AddressGuard(httpcore.AsyncNetworkBackend):
    """A network backend that connects only to addresses the settings allow.

    A host name is resolved once; when any of its addresses is refused the host is, and
    otherwise the connection goes to one of its addresses, never to the name.
    """

    def __init__(self, settings: FetchSettings, resolve: Resolver) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._resolve = resolve
        self._allow_all = settings.allow_private_addresses
        self._allowed = tuple(
            ipaddress.ip_network(n, strict=False) for n in settings.allowed_networks
        )

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's signature)
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        if self._allow_all:
            return await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        addresses = await self.check(host, port)
        if not addresses:
            raise Unfetchable(f"cannot resolve {host}: no address")
        return await self._first_to_connect(addresses, port, timeout, local_address, socket_options)

    async def _first_to_connect(
        self,
        addresses: list[IPAddress],
        port: int,
        timeout: float | None,  # noqa: ASYNC109 (passed on to httpcore)
        local_address: str | None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None,
    ) -> httpcore.AsyncNetworkStream:
        """Happy eyeballs (RFC 8305), as anyio does for a name: the next address is tried when
        the last attempt failed or has not connected within ``_NEXT_ATTEMPT_AFTER`` seconds,
        the first connection made is kept and the other attempts are cancelled, so an address
        that silently drops packets (an IPv6 route that goes nowhere) does not cost a whole
        connect timeout."""
        connected: list[httpcore.AsyncNetworkStream] = []
        failures: list[Exception] = []

        async def attempt(address: IPAddress, failed: anyio.Event, group: TaskGroup) -> None:
            try:
                stream = await self._inner.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failures.append(error)
                failed.set()
                return
            connected.append(stream)
            group.cancel_scope.cancel()

        async with anyio.create_task_group() as group:
            for address in addresses:
                failed = anyio.Event()
                group.start_soon(attempt, address, failed, group)
                with anyio.move_on_after(_NEXT_ATTEMPT_AFTER):
                    await failed.wait()
        if connected:
            for extra in connected[1:]:
                await extra.aclose()
            return connected[0]
        raise failures[-1]

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)

    async def check(self, host: str, port: int) -> list[IPAddress]:
        """The host's addresses, or :class:`Unfetchable` when one of them is refused."""
        if self._allow_all:
            return []
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            addresses = await self._resolve(host, port)
        for resolved in addresses:
            address = _unmapped(resolved)
            kind = _non_public_kind(address)
            if kind and not any(address in network for network in self._allowed):
                raise Unfetchable(f"refused: {address} is {kind} address")
        return addresses


def _default_port(url: httpx.URL) -> int:
    return 443 if url.scheme == "https" else 80


def _timeout(settings: FetchSettings) -> httpx.Timeout:
    return httpx.Timeout(
        settings.read_timeout, connect=settings.connect_timeout, pool=settings.connect_timeout
    )


def _check_target(url: str, target: httpx.URL) -> None:
    """Refuse other schemes and URLs without a host; the address is checked on connecting."""
    if target.scheme not in ("http", "https"):
        raise FetchError(url, "only http and https URLs are fetched")
    try:
        # Decoded on first use: a malformed IDNA label ("xn--") raises here.
        host = target.host
    except ValueError as error:
        raise FetchError(url, f"not a valid URL: {error}") from None
    if not host:
        raise FetchError(url, "the URL has no host")


def _parse_url(url: str, base: httpx.URL | None = None, location: str | None = None) -> httpx.URL:
    """``url``, or ``location`` resolved against ``base`` when following a redirect."""
    try:
        if base is not None and location is not None:
            return base.join(location)
        return httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as error:
        # Malformed IDNA labels and lone surrogates raise UnicodeError (a ValueError).
        raise FetchError(url, f"not a valid URL: {error}") from None


def _unmapped(address: IPAddress) -> IPAddress:
    """The IPv4 address inside an IPv4-mapped IPv6 one (``::ffff:10.0.0.5``), which reaches
    the same host and must pass the same checks."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _non_public_kind(address: IPAddress) -> str | None:
    """What makes ``address`` non-public (``"a private"``), or ``None`` if it is public."""
    checks = (
        (address.is_unspecified, "an unspecified"),
        (address.is_loopback, "a loopback"),
        (address.is_link_local, "a link-local"),
        (address.is_multicast, "a multicast"),
        (address.is_reserved, "a reserved"),
        (address.is_private, "a private"),
        (not address.is_global, "a non-public"),
    )
    return next((kind for flagged, kind in checks if flagged), None)


def _timeout_reason(error: httpx.TimeoutException, settings: FetchSettings) -> str:
    if isinstance(error, httpx.ConnectTimeout):
        return f"could not connect within {settings.connect_timeout:g} s"
    if isinstance(error, httpx.ReadTimeout):
        return f"the server sent nothing for {settings.read_timeout:g} s"
    return f"timed out ({type(error).__name__})"
