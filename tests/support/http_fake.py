"""A real HTTP server on 127.0.0.1 with programmable routes, and realistic pages to serve."""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bot.fetch import FetchSettings

LOCAL = FetchSettings(total_deadline=2.0, allowed_networks=("127.0.0.1/32",))
"""Fetch settings for the tests: the server is on 127.0.0.1, which is refused by default, so
just that address is allowed (a redirect from it to another private address is still refused)."""


@dataclass(frozen=True)
class Reply:
    """What a route answers. ``send_length=False`` leaves out Content-Length, so that the
    body's end is the connection's close and a client cannot know the size up front."""

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    send_length: bool = True


@dataclass(frozen=True)
class Seen:
    """A request the server received."""

    path: str
    headers: Mapping[str, str]


Route = Reply | Callable[[Seen], Reply]


class FakeWeb:
    """Routes by path; an unknown path is a 404. Records every request. With ``tls`` (a
    server-side context holding a certificate) it speaks HTTPS."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = False
        self._scheme = "http"
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
            self._scheme = "https"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base(self) -> str:
        return f"{self._scheme}://{self._server.server_address[0]!s}:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, route: Route) -> str:
        """Serve ``route`` at ``path``; returns the path's URL."""
        self.routes[path] = route
        return self.url(path)

    def paths_requested(self) -> list[str]:
        return [seen.path for seen in self.requests]

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def answer(self, seen: Seen) -> Reply:
        self.requests.append(seen)
        route = self.routes.get(seen.path)
        if route is None:
            return Reply(404, b"not found", {"Content-Type": "text/plain"})
        return route(seen) if callable(route) else route


def _handler_for(web: FakeWeb) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            reply = web.answer(Seen(self.path, dict(self.headers.items())))
            # Interruptible, so that stopping the server does not wait for a slow route.
            if reply.delay and web.stopping.wait(reply.delay):
                return
            try:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.send_length:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                return

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


def serve(tls: ssl.SSLContext | None = None) -> Iterator[FakeWeb]:
    """The body of a fixture: a started server, stopped afterwards."""
    web = FakeWeb(tls)
    web.start()
    try:
        yield web
    finally:
        web.stop()


# ---- realistic pages -------------------------------------------------------------------------

PARAGRAPHS = (
    "Belarusian President Alexander Lukashenko freed 123 prisoners on Saturday, including "
    "Nobel Peace Prize winner Ales Bialiatski and opposition figure Maria Kalesnikava, after "
    "two days of talks with a United States envoy in Minsk.",
    "The release followed a meeting between Lukashenko and John Coale, the U.S. special envoy "
    "for Belarus, who said Washington would lift sanctions on Belarusian potash in return for "
    "the prisoners' freedom.",
    '"We are moving step by step," Coale told reporters after the meeting, adding that further '
    "releases were expected in the coming months as relations between the two countries "
    "continued to improve.",
    "Human rights group Viasna said more than 1,100 people remain behind bars in Belarus on "
    "charges it considers politically motivated, many of them detained after the disputed "
    "2020 presidential election.",
)


def article_html(
    title: str = "Lukashenko frees Bialiatski in deal with U.S.",
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    *,
    site_name: str | None = "Example News",
    published: str | None = "2025-12-13T14:30:00+01:00",
    charset: str = "utf-8",
) -> str:
    """An article page with the usual chrome around the text: navigation, share buttons,
    a "most read" box, a newsletter form and a footer."""
    meta = [f'<meta property="og:title" content="{title}">']
    if site_name:
        meta.append(f'<meta property="og:site_name" content="{site_name}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="{charset}">
<title>{f"{title} | {site_name}" if site_name else title}</title>
{"".join(meta)}
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "article"}});</script>
</head><body>
<header><a class="logo" href="/">{site_name or "News"}</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
<div class="byline">By Jane Reporter</div>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
<a href="#">Email this article</a></div>
{body}
<div class="share"><button>Share</button><button>Copy link</button></div>
</article>
<aside><h3>Most read</h3><ul>
<li><a href="/a">Storm closes schools across the region</a></li>
<li><a href="/b">Central bank holds rates steady</a></li>
<li><a href="/c">Local team wins the cup after extra time</a></li></ul></aside>
<form class="newsletter"><label>Get our morning briefing</label><input type="email">
<button>Sign up</button></form>
</main>
<footer><p>&copy; 2025 {site_name or "News"}. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a>
<a href="/cookies">Cookie settings</a></footer>
</body></html>"""


def index_html() -> str:
    """A section front: headlines and links, no article."""
    links = "\n".join(
        f'<li><a href="/world/story-{n}">Headline number {n} about the world</a></li>'
        for n in range(40)
    )
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>World | Example News</title>
<meta property="og:site_name" content="Example News"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<main><h1>World</h1><ul>{links}</ul></main>
<footer>&copy; 2025 Example News</footer></body></html>"""


def long_paragraphs(n: int = 3) -> tuple[str, ...]:
    """Enough text for a feed entry to count as the full article."""
    return PARAGRAPHS * n
