"""Turn fetched bytes into typed values: article pages into ``RawArticle``, feeds into entries.

Pure functions, no I/O. trafilatura and feedparser are untyped; their results are wrapped into
typed values here, at the edge, so nothing else in the code base touches them.
"""

from __future__ import annotations

import calendar
import io
import json
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import trafilatura

from stories.articles import RawArticle, Rejected

MIN_ARTICLE_WORDS = 40
"""Below this many words of main text a page is an index, a teaser or a link list."""

FULL_TEXT_MIN_WORDS = 150
"""A feed entry whose content has this many words carries the article; shorter ones are
teasers, and the entry's page must be fetched."""

JSON_FEED_VERSION = "https://jsonfeed.org/version/"
_JSON_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*[{\[]")
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_NOT_AN_ARTICLE = "not an article (an index page, a list of links or too little text)"

# The extraction date as a full timestamp: htmldate returns a bare date unless asked. The
# extensive search (dates guessed from the running text) is off: a photo caption's date is
# not the publication date, and precision matters more here than recall.
_DATE_PARAMS = {
    "original_date": True,
    "extensive_search": False,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of an RSS, Atom or JSON Feed, HTML stripped from its summary and content."""

    title: str | None
    link: str | None
    published: datetime | None
    summary_text: str
    content_text: str
    id: str | None
    has_full_text: bool
    """The content is long enough to be the article itself; if not, fetch ``link``."""


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed: its title (the outlet's name) and its entries in feed order."""

    title: str | None
    link: str | None
    entries: tuple[FeedEntry, ...]


def word_count(text: str) -> int:
    return len(text.split())


def parse_datetime(value: str) -> datetime | None:
    """An ISO 8601 date or date-time as an aware UTC datetime; ``None`` if it is not one.

    A bare date is midnight UTC; a date-time without an offset is taken as UTC.
    """
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return to_utc(parsed)


def to_utc(value: datetime | date) -> datetime:
    """A date or datetime as an aware UTC datetime (naive values are taken as UTC)."""
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def host_outlet(url: str | None) -> str | None:
    """The URL's host without ``www.``, the outlet name of last resort."""
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")


def extract_html(html: str | bytes, url: str | None, origin: str) -> RawArticle | Rejected:
    """The main text of an article page, with its title, date and outlet.

    Paragraphs are separated by blank lines. A page without enough main text is rejected:
    index pages and link lists are not articles.
    """
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except ValueError as error:
        return Rejected(origin, f"could not read the HTML: {error}")
    if document is None:
        return Rejected(origin, f"{_NOT_AN_ARTICLE}: no main text found")
    fields: dict[str, Any] = document if isinstance(document, dict) else document.as_dict()
    title = _clean_str(fields.get("title"))
    paragraphs = _paragraphs(_clean_str(fields.get("text")) or "", title)
    text = "\n\n".join(paragraphs)
    words = word_count(text)
    if words < MIN_ARTICLE_WORDS:
        return Rejected(origin, f"{_NOT_AN_ARTICLE}: only {words} words of main text")
    date_text = _clean_str(fields.get("date"))
    return RawArticle(
        text=text,
        title=title,
        url=url,
        outlet=_site_name(fields, title) or host_outlet(url),
        published=parse_datetime(date_text) if date_text else None,
        origin=origin,
    )


def _site_name(fields: dict[str, Any], title: str | None) -> str | None:
    """trafilatura's site name, unless it is the headline (which it may guess from a
    ``<title>`` of the form "headline | site")."""
    name = _clean_str(fields.get("sitename"))
    if name and title and _same_text(name, title):
        return None
    return name


def _paragraphs(text: str, title: str | None) -> list[str]:
    """trafilatura's text, one block a line, as paragraphs; a leading copy of the title
    (the page's ``<h1>``) is dropped."""
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and title and _same_text(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    return paragraphs


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def parse_feed(
    data: bytes, feed_url: str, *, full_text_min_words: int = FULL_TEXT_MIN_WORDS
) -> ParsedFeed | Rejected:
    """An RSS, Atom or JSON Feed's entries, or ``Rejected`` if the bytes are not a feed.

    Relative entry links are resolved against ``feed_url``.
    """
    if _JSON_START.match(data):
        return _parse_json_feed(data, feed_url, full_text_min_words)
    # A BytesIO, not the bytes themselves: feedparser tries to open() a bytes argument as a
    # file name before it treats it as a document.
    parsed = feedparser.parse(
        io.BytesIO(_CHAR_REF.sub(_valid_char_ref, data)),
        response_headers={"content-location": feed_url},
        resolve_relative_uris=True,
        sanitize_html=True,
    )
    raw_entries: list[Any] = list(parsed.get("entries") or [])
    version = _clean_str(parsed.get("version"))
    if not raw_entries and (_broken_xml(parsed) or not version):
        return Rejected(feed_url, f"not an RSS/Atom feed: {_not_a_feed_reason(data, parsed)}")
    header: Any = parsed.get("feed") or {}
    title = _clean_str(header.get("title"))
    entries = [_entry(raw, feed_url, full_text_min_words) for raw in raw_entries]
    return ParsedFeed(
        title=title,
        link=_clean_str(header.get("link")),
        entries=_without_shared_titles(entries, title),
    )


def _parse_json_feed(data: bytes, feed_url: str, full_text_min_words: int) -> ParsedFeed | Rejected:
    """A JSON Feed (jsonfeed.org, versions 1 and 1.1), which feedparser 6 does not read."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return Rejected(feed_url, "not a feed: it starts like JSON but is not valid JSON")
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or not version.startswith(JSON_FEED_VERSION):
        return Rejected(feed_url, "not a feed: a JSON document without a JSON Feed version")
    items = document.get("items")
    entries = [
        _json_entry(item, feed_url, full_text_min_words)
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, dict)
    ]
    title = _clean_str(document.get("title"))
    return ParsedFeed(
        title=title,
        link=_clean_str(document.get("home_page_url")),
        entries=_without_shared_titles(entries, title),
    )


def _without_shared_titles(
    entries: list[FeedEntry], feed_title: str | None
) -> tuple[FeedEntry, ...]:
    """The entries, those whose title is the feed's own or one that other entries of the
    feed share left without a title: such a title ("Current News", "World News") names the
    feed or its section, not the entry's story, and the entry's text then names it."""
    items: dict[str, set[str]] = {}
    for number, entry in enumerate(entries):
        if entry.title:
            items.setdefault(_title_key(entry.title), set()).add(
                entry.link or entry.id or str(number)
            )
    feed_key = _title_key(feed_title) if feed_title else None
    return tuple(
        replace(entry, title=None)
        if entry.title
        and (len(items[_title_key(entry.title)]) > 1 or _title_key(entry.title) == feed_key)
        else entry
        for entry in entries
    )


def _title_key(title: str) -> str:
    return " ".join(title.casefold().split())


def _json_entry(item: dict[str, Any], feed_url: str, full_text_min_words: int) -> FeedEntry:
    link = _clean_str(item.get("url")) or _clean_str(item.get("external_url"))
    html = _clean_str(item.get("content_html"))
    content_text = html_to_text(html) if html else _clean_str(item.get("content_text")) or ""
    published = _json_datetime(item.get("date_published")) or _json_datetime(
        item.get("date_modified")
    )
    # Version 1 allowed a number as the id.
    raw_id = item.get("id")
    return FeedEntry(
        title=_clean_str(item.get("title")),
        link=urljoin(feed_url, link) if link else None,
        published=published,
        summary_text=_clean_str(item.get("summary")) or "",
        content_text=content_text,
        id=str(raw_id) if type(raw_id) is int else _clean_str(raw_id),
        has_full_text=word_count(content_text) >= full_text_min_words,
    )


def _json_datetime(value: object) -> datetime | None:
    return parse_datetime(value) if isinstance(value, str) else None


def _valid_char_ref(ref: re.Match[bytes]) -> bytes:
    """A numeric character reference, or U+FFFD for one that names no character (a surrogate,
    NUL, past U+10FFFF): feedparser's lenient parser raises on those, and one bad title would
    lose the whole feed."""
    hex_digits, digits = ref.groups()
    # Longer than any character's number (leading zeros aside), and int() refuses a long enough
    # string of digits.
    if len((hex_digits or digits).lstrip(b"0")) > 8:
        return b"&#xFFFD;"
    code = int(hex_digits, 16) if hex_digits else int(digits)
    valid = 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF
    return ref[0] if valid else b"&#xFFFD;"


def _not_a_feed_reason(data: bytes, parsed: Any) -> str:
    if not data.strip():
        return "the response is empty"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "it is an HTML page"
    if _broken_xml(parsed):
        return f"not well-formed XML ({parsed.get('bozo_exception')})"
    return "no <rss>, <feed> or <rdf:RDF> root element"


def _broken_xml(parsed: Any) -> bool:
    """Whether feedparser failed to parse the XML. Its warnings about the content type or
    the declared encoding (raised for bytes parsed without HTTP headers) do not count."""
    error = parsed.get("bozo_exception")
    return bool(parsed.get("bozo")) and not isinstance(
        error, feedparser.ThingsNobodyCaresAboutButMe
    )


def _entry(raw: Any, feed_url: str, full_text_min_words: int) -> FeedEntry:
    link = _clean_str(raw.get("link"))
    content_text = max(
        (_detail_text(part) for part in raw.get("content") or []), key=len, default=""
    )
    return FeedEntry(
        title=_clean_str(raw.get("title")),
        link=urljoin(feed_url, link) if link else None,
        published=_entry_datetime(raw),
        summary_text=_detail_text(raw.get("summary_detail") or {"value": raw.get("summary")}),
        content_text=content_text,
        id=_clean_str(raw.get("id")),
        has_full_text=word_count(content_text) >= full_text_min_words,
    )


def _detail_text(detail: Any) -> str:
    """The text of a feedparser text construct (``{"value": ..., "type": ...}``)."""
    value = _clean_str(detail.get("value"))
    if value is None:
        return ""
    if detail.get("type") == "text/plain":
        return value
    return html_to_text(value)


def _entry_datetime(raw: Any) -> datetime | None:
    """The entry's publication (or else update) time; feedparser gives UTC struct_times."""
    for key in ("published_parsed", "updated_parsed"):
        value = raw.get(key)
        if value is None:
            continue
        try:
            return datetime.fromtimestamp(calendar.timegm(value), UTC)
        except (TypeError, ValueError, OverflowError):
            continue
    return None


def _clean_str(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    stripped = value.strip()
    return stripped or None


_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr"),
        "ul",
    }
)
_SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript"})


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, block elements becoming paragraph breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment; paragraphs separated by blank lines."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    blocks = _PARAGRAPH_BREAK.split("".join(collector.parts))
    paragraphs = (" ".join(block.split()) for block in blocks)
    return "\n\n".join(p for p in paragraphs if p)
