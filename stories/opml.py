"""OPML, the file every feed reader exports its subscriptions as: read the feeds out of one,
write the sources back into one.

Pure functions on bytes. The files come from users, so they are parsed with defusedxml:
a document type that declares entities (the "billion laughs" bomb, an external entity that
reads a local file) is refused rather than expanded. Any encoding the XML declaration names
is read: the single-byte ones by the parser itself, the multi-byte ones (Shift_JIS, GB2312),
which expat does not take as bytes, through Python's codec for the name declared.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from xml.etree.ElementTree import Element, ParseError, SubElement, indent, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

#: an outline's feed address; exporters differ in its case (``xmlUrl``, ``xmlurl``)
_FEED_ADDRESS = "xmlurl"
_DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


class OpmlError(ValueError):
    """A file that is not an OPML document; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Outline:
    """A feed an OPML file lists, as written there: the address may be missing or not a
    URL at all (the reader of the list decides what it accepts)."""

    url: str | None
    title: str | None


def read_opml(data: bytes) -> list[Outline]:
    """The feeds of an OPML file in document order, from outlines at any depth (feed readers
    nest them in folders). An outline holding other outlines is a folder, not a feed; one that
    holds none and names no feed address is listed with ``url`` None."""
    root = _parse(data)
    if _local(root.tag) != "opml":
        raise OpmlError(f"not an OPML file: its root element is <{_local(root.tag)}>")
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        raise OpmlError("not an OPML file: it has no <body>")
    return list(_feeds(body))


def _parse(data: bytes) -> Element:
    if not data.strip():
        raise OpmlError("the file is empty")
    try:
        return _parse_bytes(data)
    except DefusedXmlException:
        raise OpmlError(
            "refused: the file declares XML entities (which can expand without end)"
        ) from None
    except ParseError as error:
        raise OpmlError(f"not well-formed XML ({error})") from None
    except LookupError as error:
        raise OpmlError(f"its declared encoding is not known ({error})") from None


def _parse_bytes(data: bytes) -> Element:
    try:
        return fromstring(data)
    except ValueError as error:
        if isinstance(error, DefusedXmlException) or "multi-byte" not in str(error):
            raise
    # expat reads multi-byte encodings only as text: decode with the declared codec.
    declared = _DECLARED_ENCODING.match(data)
    name = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        text = data.decode(codecs.lookup(name).name)
    except (LookupError, UnicodeDecodeError) as error:
        raise OpmlError(f"cannot be read as {name}, its declared encoding ({error})") from None
    return fromstring(text)


def _feeds(parent: Element) -> Iterator[Outline]:
    for outline in parent:
        if _local(outline.tag) != "outline":
            continue
        attributes = {key.lower(): value for key, value in outline.attrib.items()}
        children = [child for child in outline if _local(child.tag) == "outline"]
        url = (attributes.get(_FEED_ADDRESS) or "").strip() or None
        if url is not None or not children:
            title = " ".join((attributes.get("title") or attributes.get("text") or "").split())
            # an exporter names an untitled feed by its address: that is no title
            yield Outline(url, title if title and title != url else None)
        yield from _feeds(outline)


def _local(tag: object) -> str:
    """An element's name without its namespace (``{ns}outline`` -> ``outline``)."""
    return str(tag).rpartition("}")[2].lower()


def write_opml(feeds: Iterable[tuple[str, str | None]], title: str, created: datetime) -> bytes:
    """An OPML 2.0 document listing ``(url, title)`` feeds, UTF-8. An outline's ``text`` is
    required: a feed without a title is named by its address there (and has no ``title``)."""
    root = Element("opml", version="2.0")
    head = SubElement(root, "head")
    SubElement(head, "title").text = title
    SubElement(head, "dateCreated").text = format_datetime(created)
    body = SubElement(root, "body")
    for url, name in feeds:
        attributes = {"type": "rss", "text": name or url, "xmlUrl": url}
        if name:
            attributes["title"] = name
        SubElement(body, "outline", attributes)
    indent(root)
    document: bytes = tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
