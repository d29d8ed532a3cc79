"""Inputs (files, folders, URLs) as a stream of ``RawArticle | Rejected``.

Supported files:

- ``.txt`` and ``.md``: the first non-empty line is the headline (leading ``#`` stripped in
  markdown); the whole text is passed on, cleaning happens in the engine.
- ``.html`` / ``.htm``: the main text is extracted (``stories.extract.extract_html``).
- ``.jsonl``: one article per line, a JSON object with ``text`` and optionally ``id``,
  ``url``, ``outlet``, ``title`` and ``published`` (an ISO date or date-time); other fields are
  ignored. A bad line is rejected as ``file.jsonl:17`` and the rest of the file goes on.
- ``.rss``, ``.atom``, ``.xml`` and ``.json``: a saved feed (RSS, Atom or JSON Feed), read as
  a fetched feed is (``stories.extract.parse_feed``): each entry that carries its article is
  one, named by the feed's title; an entry with only a summary is rejected and says so, since
  pages are not fetched for a file. In a folder, ``.xml`` and ``.json`` files count only when
  they begin like a feed (other XML and JSON files are skipped as unsupported ones are).

Metadata for a file sits next to it in a TOML *sidecar* named after the file's stem:
``000_x.txt`` is described by ``000_x.meta.toml``::

    outlet = "Reuters"
    published = 2025-12-13            # a TOML date or date-time, or an ISO string
    url = "https://www.reuters.com/..."
    id = "reuters-123"

A ``_meta.toml`` in a folder gives ``outlet`` and ``published`` to every file in that folder
(not to subfolders). The most specific value wins: a JSONL line's own fields, then the sidecar,
then ``_meta.toml``, then what the HTML page says about itself, then the command line's
``InputDefaults``. A date without a time is midnight UTC; a time without an offset is UTC.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import os
import re
import stat
import tomllib
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import IO, Literal
from urllib.parse import urljoin, urlsplit

from bot.fetch import Fetcher, FetchError, FetchResult, human_size
from stories.articles import RawArticle, Rejected
from stories.extract import (
    FeedEntry,
    ParsedFeed,
    extract_html,
    parse_datetime,
    parse_feed,
    to_utc,
    word_count,
)

Item = RawArticle | Rejected

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".json"})
#: feed files that may as well be something else: in a folder, only those that look like a feed
_SNIFFED_SUFFIXES = frozenset({".xml", ".json"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_LINE_BYTES = 2 * 1024 * 1024

_SIDECAR_KEYS = frozenset({"outlet", "published", "url", "id"})
_FOLDER_META_KEYS = frozenset({"outlet", "published"})
_FOLDER_META = "_meta.toml"
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
# UTF-32's little-endian mark begins with UTF-16's.
_WIDE_BOMS = (*_UTF32_BOMS, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_TOO_DEEP = "nested too deeply to read (thousands of levels of brackets)"


@dataclass(frozen=True, slots=True)
class InputDefaults:
    """Metadata from the command line, used when an item has none of its own."""

    outlet: str | None = None
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class _Meta:
    outlet: str | None = None
    published: datetime | None = None
    url: str | None = None
    id: str | None = None

    def over(self, fallback: _Meta) -> _Meta:
        """These values, with the gaps filled from ``fallback``."""
        return _Meta(
            outlet=self.outlet or fallback.outlet,
            published=self.published or fallback.published,
            url=self.url or fallback.url,
            id=self.id or fallback.id,
        )


class _BadInput(Exception):
    """An input that is rejected as a whole; ``reason`` is shown to the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def is_url(argument: str) -> bool:
    """Whether a command-line argument is a URL (``scheme://...``) rather than a path.

    Any scheme counts, so that ``ftp://...`` is refused as a URL instead of "no such file".
    """
    return re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://", argument) is not None


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as it can be shown and stored: a file name that is not UTF-8 (``caf\xe9.txt``
    written in Latin-1) reaches Python with its bad bytes as lone surrogates, which no
    database or terminal takes, so those bytes are written as ``\xe9`` escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def iter_paths(
    paths: Iterable[str | os.PathLike[str]],
    defaults: InputDefaults,
    *,
    max_file_bytes: int = MAX_FILE_BYTES,
    max_line_bytes: int = MAX_LINE_BYTES,
) -> Iterator[Item]:
    """Read files and folders, lazily. A folder means every supported file in it, recursively,
    in sorted order; hidden entries and unsupported files in a folder are skipped."""
    reader = _FileReader(defaults, max_file_bytes, max_line_bytes)
    for path in map(Path, paths):
        if path.is_dir():
            yield from reader.read_folder(path)
        else:
            yield from reader.read_file(path)


class _FileReader:
    def __init__(self, defaults: InputDefaults, max_file_bytes: int, max_line_bytes: int) -> None:
        self._defaults = _Meta(outlet=defaults.outlet, published=defaults.published)
        self._max_file_bytes = max_file_bytes
        self._max_line_bytes = max_line_bytes
        self._folder_meta: dict[Path, _Meta | Rejected] = {}

    def read_folder(self, folder: Path) -> Iterator[Item]:
        files = _supported_files(folder)
        if not files:
            suffixes = ", ".join(sorted(SUPPORTED_SUFFIXES))
            yield Rejected(shown_path(folder), f"has no supported files ({suffixes})")
        for path in files:
            yield from self.read_file(path)

    def read_file(self, path: Path) -> Iterator[Item]:
        origin = shown_path(path)
        suffix = path.suffix.lower()
        if not path.exists():
            yield Rejected(origin, "no such file or directory")
            return
        if suffix not in SUPPORTED_SUFFIXES:
            supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
            yield Rejected(origin, f"unsupported file type (supported: {supported})")
            return
        try:
            meta = self._meta_for(path)
            if suffix in JSONL_SUFFIXES:
                yield from self._read_jsonl(path, meta)
            elif suffix in FEED_SUFFIXES:
                yield from self._read_feed(path, meta)
            else:
                yield self._read_document(path, suffix, meta)
        except _BadInput as bad:
            yield Rejected(origin, bad.reason)

    def _meta_for(self, path: Path) -> _Meta:
        folder = self._folder_meta.get(path.parent)
        if folder is None:
            folder = self._read_meta_file(path.parent / _FOLDER_META, _FOLDER_META_KEYS)
            self._folder_meta[path.parent] = folder
        if isinstance(folder, Rejected):
            raise _BadInput(folder.reason)
        sidecar = self._read_meta_file(path.with_name(f"{path.stem}.meta.toml"), _SIDECAR_KEYS)
        if isinstance(sidecar, Rejected):
            raise _BadInput(sidecar.reason)
        return sidecar.over(folder)

    def _read_meta_file(self, path: Path, keys: frozenset[str]) -> _Meta | Rejected:
        if not path.is_file():
            return _Meta()
        try:
            return _meta_from_toml(path.read_bytes(), keys)
        except (
            OSError,
            UnicodeDecodeError,
            tomllib.TOMLDecodeError,
            RecursionError,
            _BadInput,
        ) as error:
            reason = _reason(error)
            shown = shown_path(path)
            return Rejected(shown, f"bad metadata file {os.path.basename(shown)}: {reason}")

    def _read_document(self, path: Path, suffix: str, meta: _Meta) -> Item:
        data = self._read_small_file(path)
        origin = shown_path(path)
        if suffix in HTML_SUFFIXES:
            # HTML declares its own encoding; trafilatura decodes it from the bytes.
            page = extract_html(data, meta.url, origin)
            return self._finish(page, meta, item_first=False)
        text = _decode(data)
        title = _headline(text, markdown=suffix == ".md")
        article = RawArticle(text=text, title=title, origin=origin, declared=True)
        return self._finish(article, meta, item_first=False)

    def _read_feed(self, path: Path, meta: _Meta) -> Iterator[Item]:
        """A saved feed's entries, as a fetched feed's are read (``read_url``), except that
        an entry's page is not fetched: a file is read where it lies, with no network."""
        origin = shown_path(path)
        # No base address: the file's path is none, and a link relative to it means nothing.
        feed = parse_feed(self._read_small_file(path), "")
        if isinstance(feed, Rejected):
            raise _BadInput(feed.reason)
        if not feed.entries:
            raise _BadInput("is a feed without entries")
        # What the sidecar or the folder says of every entry; an entry's own link and id are
        # its own, never a sidecar's.
        shared = _Meta(outlet=meta.outlet, published=meta.published)
        for number, entry in enumerate(feed.entries, start=1):
            entry = _web_link(entry, feed.link)
            if entry.has_full_text or not entry.link:
                item = _entry_article(origin, number, entry, feed)
            else:
                words = word_count(entry.summary_text)
                item = Rejected(
                    entry.link,
                    f"feed entry has only a summary ({words} word{'' if words == 1 else 's'}), "
                    "not the article; pages are not fetched for a saved feed: ingest the "
                    "feed's URL, or this link",
                )
            yield self._finish(item, shared, item_first=True)

    def _finish(self, item: Item, meta: _Meta, *, item_first: bool) -> Item:
        """``item`` with its metadata completed from the file's ``meta`` and the command line's
        defaults. ``item_first``: the item's own values (a JSONL line's fields) beat ``meta``;
        otherwise ``meta`` beats them (what an HTML page says about itself is a guess)."""
        if isinstance(item, Rejected):
            return item
        own = _Meta(outlet=item.outlet, published=item.published, url=item.url, id=item.external_id)
        full = (own.over(meta) if item_first else meta.over(own)).over(self._defaults)
        return replace(
            item, outlet=full.outlet, published=full.published, url=full.url, external_id=full.id
        )

    def _read_small_file(self, path: Path) -> bytes:
        limit = self._max_file_bytes
        size = _file_size(path)
        if size <= limit:
            try:
                # At most one byte over the limit: a file may have grown since.
                with path.open("rb") as stream:
                    data = stream.read(limit + 1)
            except OSError as error:
                raise _BadInput(f"cannot be read: {error.strerror or error}") from None
            size = len(data)
        if size > limit:
            raise _BadInput(
                f"is {human_size(size)}, larger than the {human_size(limit)} limit for one file"
            )
        if not data.strip():
            raise _BadInput("is empty")
        if b"\x00" in data and not data.startswith(_WIDE_BOMS):
            raise _BadInput("is not UTF-8 text (it is binary)")
        return data

    def _read_jsonl(self, path: Path, meta: _Meta) -> Iterator[Item]:
        if _file_size(path) == 0:
            raise _BadInput("is empty")
        try:
            stream = path.open("rb")
        except OSError as error:
            raise _BadInput(f"cannot be read: {error.strerror or error}") from None
        with stream:
            seen_line = False
            for number, line in _lines(stream, self._max_line_bytes):
                if line is not None and not line.strip():
                    continue
                origin = f"{shown_path(path)}:{number}"
                if line is None:
                    limit = human_size(self._max_line_bytes)
                    yield Rejected(origin, f"line longer than the {limit} limit")
                    continue
                if not seen_line and (b"\x00" in line or not _is_utf8(line)):
                    raise _BadInput("is not UTF-8 text")
                seen_line = True
                yield self._finish(_jsonl_article(line, origin), meta, item_first=True)
            if not seen_line:
                raise _BadInput("is empty")


def _supported_files(folder: Path) -> list[Path]:
    """Supported files under ``folder``, recursively, sorted; hidden entries skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(root, name)
            for name in sorted(files)
            if not name.startswith(".") and _supported_in_folder(Path(root, name))
        )
    return found


def _supported_in_folder(path: Path) -> bool:
    """A supported file, and for ``.xml`` and ``.json`` one that begins like a feed."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return False
    if suffix not in _SNIFFED_SUFFIXES:
        return True
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return True  # given to read_file, which says what it is
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return True  # read_file says why it cannot be read
    return looks_like_feed(None, head)


def _file_size(path: Path) -> int:
    """The size of a regular file; anything else would block a read (a pipe) or never end it
    (a device such as /dev/zero)."""
    try:
        status = path.stat()
    except FileNotFoundError:
        raise _BadInput("no such file or directory") from None
    except OSError as error:
        raise _BadInput(f"cannot be read: {error.strerror or error}") from None
    if not stat.S_ISREG(status.st_mode):
        raise _BadInput("is not a regular file (a device, pipe or socket?)")
    return status.st_size


def _decode(data: bytes) -> str:
    """UTF-8, or UTF-16 or UTF-32 when a byte-order mark says so (as Windows editors save)."""
    encoding = (
        "utf-32"
        if data.startswith(_UTF32_BOMS)
        else "utf-16"
        if data.startswith(_WIDE_BOMS)
        else "utf-8-sig"
    )
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise _BadInput(
            "is not UTF-8 text"
            if encoding == "utf-8-sig"
            else f"is not valid {encoding.upper()} text"
        ) from None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _headline(text: str, *, markdown: bool) -> str | None:
    for line in text.splitlines():
        headline = line.strip()
        if markdown:
            headline = headline.lstrip("#").strip()
        if headline:
            return headline
    return None


def _lines(stream: IO[bytes], max_line_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of a binary stream; ``None`` for a line longer than ``max_line_bytes``,
    which is skipped without being held in memory."""
    number = 0
    while True:
        line = stream.readline(max_line_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_line_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(max_line_bytes)
            yield number, None
        else:
            yield number, line


def _jsonl_article(line: bytes, origin: str) -> Item:
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        return Rejected(origin, "not UTF-8 text")
    except json.JSONDecodeError as error:
        return Rejected(origin, f"not JSON: {error.msg} at column {error.colno}")
    except RecursionError:
        return Rejected(origin, _TOO_DEEP)
    if not isinstance(record, dict):
        return Rejected(origin, f"not a JSON object but {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejected(origin, 'no "text" (a non-empty string) in this line')
    try:
        meta = _meta_from_mapping(record, None)
        title = _optional_str(record, "title")
    except _BadInput as bad:
        return Rejected(origin, bad.reason)
    return RawArticle(
        text=text,
        title=title,
        url=meta.url,
        outlet=meta.outlet,
        published=meta.published,
        external_id=meta.id,
        origin=origin,
        declared=True,
    )


def _reason(error: Exception) -> str:
    if isinstance(error, _BadInput):
        return error.reason
    return _TOO_DEEP if isinstance(error, RecursionError) else str(error)


def _meta_from_toml(data: bytes, keys: frozenset[str]) -> _Meta:
    return _meta_from_mapping(tomllib.loads(data.decode("utf-8-sig")), keys)


def _meta_from_mapping(values: dict[str, object], keys: frozenset[str] | None) -> _Meta:
    """Metadata from a sidecar or a JSONL line. With ``keys``, other keys are errors (a typo in
    a hand-written sidecar must not go unnoticed); without, they are ignored."""
    if keys is not None:
        unknown = sorted(set(values) - keys)
        if unknown:
            expected = ", ".join(sorted(keys))
            raise _BadInput(f"unknown key {unknown[0]!r} (expected {expected})")
    identifier = values.get("id")
    if isinstance(identifier, int) and not isinstance(identifier, bool):
        identifier = str(identifier)
    return _Meta(
        outlet=_optional_str(values, "outlet"),
        published=_published(values.get("published")),
        url=_optional_str(values, "url"),
        id=_optional_str({"id": identifier}, "id"),
    )


def _optional_str(values: dict[str, object], key: str) -> str | None:
    value = values.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadInput(f"{key} is not a string")
    return value.strip() or None


def _published(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return to_utc(value)
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        raise _BadInput(f"published is not an ISO date or date-time: {value!r}")
    return parsed


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a feed's last response said about its version, for the next conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FeedSettings:
    """How much one read of a feed may cost. A feed of thousands of link-only entries would
    otherwise be as many page fetches per poll, most of them to one host."""

    #: entries read from one feed, the first ones (feeds list the newest first)
    max_entries: int = 200
    #: entry pages fetched per read of a feed; new entries past it wait for the next poll
    max_page_fetches: int = 50
    #: of those, pages on one host
    max_fetches_per_host: int = 25
    #: entry pages fetched at once, and at once from one host
    concurrency: int = 4
    host_concurrency: int = 2

    def __post_init__(self) -> None:
        for name in ("max_entries", "max_page_fetches", "max_fetches_per_host"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be 0 or more")
        for name in ("concurrency", "host_concurrency"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be 1 or more")


KnownLinks = Callable[[Sequence[str]], Awaitable[set[str]]]
"""Which of these entry links need not be read again (their article is stored, or their page
was rejected lately)."""


@dataclass(frozen=True, slots=True)
class UrlResult:
    """What one URL gave: a feed's entries, a page's article, or why it failed.

    ``state`` is set for feeds (pass it to the next ``read_url`` of the same feed);
    ``not_modified`` means the feed has not changed since ``state`` (no items).
    ``known`` counts the entries left out as already read; what the limits left out is among
    ``items``, as a ``Rejected`` for the feed per limit.
    """

    url: str
    kind: Literal["feed", "page", "failed"]
    items: tuple[Item, ...]
    state: FeedState | None = None
    not_modified: bool = False
    outlet: str | None = None
    known: int = 0


_FEED_MEDIA_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
    }
)
_HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# A JSON Feed names its version near the top; JSON may escape the slashes.
_JSON_FEED_HEAD = re.compile(rb'\s*\{.*"https?:(?:\\?/){2}jsonfeed\.org\\?/version', re.DOTALL)
_FEED_ROOT = re.compile(
    rb"^(?:\s|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)*<(?:rss|feed|rdf:rdf)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_feed(media_type: str | None, body: bytes) -> bool:
    """Whether a response is a feed: by its content type, or by its root element (feeds are
    often served as ``text/xml`` or even ``text/html``)."""
    if media_type in _FEED_MEDIA_TYPES:
        return True
    head = body[:4096].removeprefix(b"\xef\xbb\xbf")
    return _FEED_ROOT.match(head) is not None or _JSON_FEED_HEAD.match(head) is not None


async def read_url(
    url: str,
    fetcher: Fetcher,
    state: FeedState | None = None,
    *,
    limits: FeedSettings | None = None,
    known: KnownLinks | None = None,
) -> UrlResult:
    """Read a feed or an article page. ``state`` makes a feed poll a conditional GET.

    Of a feed, the first ``limits.max_entries`` entries are read, and those whose link
    ``known`` names are left out; an entry without its full text has its page fetched and
    extracted, within the limits' count and concurrency, overall and per host. A failing entry
    is rejected and the others go on.
    """
    state = state or FeedState()
    try:
        response = await fetcher.fetch(url, etag=state.etag, last_modified=state.last_modified)
    except FetchError as error:
        return UrlResult(url, "failed", (Rejected(url, error.reason),))
    if response.not_modified:
        return UrlResult(url, "feed", (), state=_new_state(response, state), not_modified=True)
    if looks_like_feed(response.media_type, response.body):
        reading = _FeedRead(url, fetcher, limits or FeedSettings(), known)
        return await reading.read(response, state)
    page = _page_article(response, origin=url)
    kind: Literal["page", "failed"] = "failed" if isinstance(page, Rejected) else "page"
    return UrlResult(url, kind, (page,), outlet=None if isinstance(page, Rejected) else page.outlet)


def _new_state(response: FetchResult, previous: FeedState) -> FeedState:
    return FeedState(
        etag=response.etag or previous.etag,
        last_modified=response.last_modified or previous.last_modified,
    )


def _page_article(response: FetchResult, origin: str) -> Item:
    media_type = response.media_type
    if media_type is not None and media_type not in _HTML_MEDIA_TYPES:
        return Rejected(origin, f"not an HTML page or a feed ({media_type})")
    return extract_html(response.body, response.final_url, origin)


class _FeedRead:
    """One read of a feed: its entries within the limits, their pages fetched."""

    def __init__(
        self, url: str, fetcher: Fetcher, limits: FeedSettings, known: KnownLinks | None
    ) -> None:
        self._url = url
        self._fetcher = fetcher
        self._limits = limits
        self._known = known
        self._all = asyncio.Semaphore(limits.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}

    async def read(self, response: FetchResult, state: FeedState) -> UrlResult:
        url, limits = self._url, self._limits
        feed = parse_feed(response.body, response.final_url)
        if isinstance(feed, Rejected):
            return UrlResult(url, "failed", (Rejected(url, feed.reason),))
        entries = list(enumerate(feed.entries, start=1))
        notes: list[Rejected] = []
        if len(entries) > limits.max_entries:
            notes.append(
                Rejected(
                    url,
                    f"{len(entries) - limits.max_entries} of its {len(entries)} entries not "
                    f"read: more than feed.max_entries ({limits.max_entries})",
                )
            )
            entries = entries[: limits.max_entries]
        links = [entry.link for _, entry in entries if entry.link]
        stored = await self._known(links) if self._known and links else set()
        new = [(n, e) for n, e in entries if not e.link or e.link not in stored]
        to_fetch = self._pages_to_fetch([(n, e) for n, e in new if _needs_page(e)], notes)

        async def read(number: int, entry: FeedEntry) -> Item | None:
            if not _needs_page(entry):
                return _entry_article(url, number, entry, feed)
            if entry.link is None or number not in to_fetch:
                return None
            async with self._all, self._host_limit(entry.link):
                return await _fetch_entry(self._fetcher, entry.link, entry, feed)

        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(read(n, e)) for n, e in new]
        items = tuple(item for task in tasks if (item := task.result()) is not None)
        return UrlResult(
            url,
            "feed",
            items + tuple(notes),
            state=_new_state(response, state),
            outlet=feed.title,
            known=len(entries) - len(new),
        )

    def _pages_to_fetch(
        self, entries: list[tuple[int, FeedEntry]], notes: list[Rejected]
    ) -> set[int]:
        """The entries (by number) whose pages this read fetches, in feed order within the
        limits; what is left is noted, and is fetched on a later read while it is new."""
        limits = self._limits
        chosen: set[int] = set()
        per_host: Counter[str] = Counter()
        over_host: Counter[str] = Counter()
        over_all = 0
        for number, entry in entries:
            host = _host(entry.link or "")
            if len(chosen) >= limits.max_page_fetches:
                over_all += 1
            elif per_host[host] >= limits.max_fetches_per_host:
                over_host[host] += 1
            else:
                per_host[host] += 1
                chosen.add(number)
        for host, count in over_host.items():
            notes.append(
                Rejected(
                    self._url,
                    f"{count} entry pages on {host or 'an unnamed host'} left for the next poll: "
                    f"more than feed.max_fetches_per_host ({limits.max_fetches_per_host})",
                )
            )
        if over_all:
            notes.append(
                Rejected(
                    self._url,
                    f"{over_all} entry pages left for the next poll: more than "
                    f"feed.max_page_fetches ({limits.max_page_fetches}) new ones",
                )
            )
        return chosen

    def _host_limit(self, link: str) -> asyncio.Semaphore:
        host = _host(link)
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self._limits.host_concurrency)
        return self._hosts[host]


def _needs_page(entry: FeedEntry) -> bool:
    return not entry.has_full_text and bool(entry.link)


def _web_link(entry: FeedEntry, base: str | None) -> FeedEntry:
    """The entry with an http(s) link or none: a saved feed's relative links are resolved
    against the site's address the feed gives, if it gives one."""
    link = entry.link
    if link and not _is_web_url(link):
        link = urljoin(base, link) if base and _is_web_url(base) else None
    return replace(entry, link=link if link and _is_web_url(link) else None)


def _is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _host(link: str) -> str:
    try:
        return (urlsplit(link).hostname or "").removeprefix("www.")
    except ValueError:
        return ""


def _entry_article(feed_url: str, number: int, entry: FeedEntry, feed: ParsedFeed) -> Item:
    """An entry that carries its article (or has no page to fetch)."""
    origin = entry.link or f"{feed_url} (entry {number})"
    if not entry.has_full_text:
        return Rejected(origin, "feed entry has only a short summary and no link to the article")
    return RawArticle(
        text=entry.content_text,
        title=entry.title,
        url=entry.link,
        outlet=feed.title,
        published=entry.published,
        external_id=entry.id,
        origin=origin,
    )


async def _fetch_entry(fetcher: Fetcher, link: str, entry: FeedEntry, feed: ParsedFeed) -> Item:
    """The entry's page, extracted; the feed's title, date and id take precedence over the
    page's guesses, and the feed's title names the outlet."""
    try:
        response = await fetcher.fetch(link)
    except FetchError as error:
        return Rejected(link, error.reason)
    page = _page_article(response, origin=link)
    if isinstance(page, Rejected):
        return page
    return replace(
        page,
        title=entry.title or page.title,
        url=link,
        outlet=feed.title or page.outlet,
        published=entry.published or page.published,
        external_id=entry.id,
    )
