"""Small wording helpers shared by handlers: outlet lists, counts, ages, URLs fit to show."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from handlers.reply import Citation
from storage.queries import StoryInfo
from stories.reader import foreign, title_for
from stories.story_input import ArticleView


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def outlets_short(outlets: tuple[str, ...], shown: int = 3) -> str:
    """``CNBC, RksNews, +3`` — the way every line names its sources."""
    head = ", ".join(outlets[:shown])
    rest = len(outlets) - shown
    return f"{head}, +{rest}" if rest > 0 else head


def age(moment: datetime, now: datetime | None = None) -> str:
    seconds = int(((now or datetime.now(UTC)) - moment).total_seconds())
    if seconds < 90:
        return "just now"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            return f"{plural(seconds // size, unit)} ago"
    return "just now"


def story_counts(story: StoryInfo) -> str:
    """``5 outlets, 7 articles, 4 languages``; the languages only when more than one."""
    originals = story.article_count - story.copy_count
    text = f"{plural(len(story.outlets), 'outlet')}, {plural(originals, 'article')}"
    if story.copy_count:
        text += f" (+{plural(story.copy_count, 'near-copy', 'near-copies')})"
    if len(story.languages) > 1:
        text += f", {plural(len(story.languages), 'language')}"
    return text


def story_title(story: StoryInfo, language: str) -> str:
    """The story's title for readers of ``language`` (see ``stories.reader.title_for``)."""
    return title_for(story.title, story.headlines, language)


@dataclass(frozen=True, slots=True)
class Sources:
    """How a reader sees a story's articles cited: linked to the article when its URL is
    known, its language named when it is not the reader's."""

    urls: Mapping[int, str | None]
    languages: Mapping[int, str | None]
    reader: str

    @classmethod
    def of(cls, views: Iterable[ArticleView], reader: str) -> Sources:
        urls: dict[int, str | None] = {}
        languages: dict[int, str | None] = {}
        for view in views:
            urls[view.article_id] = view.url
            languages[view.article_id] = view.language
        return cls(urls, languages, reader)

    def citation(self, article_id: int, outlet: str) -> Citation:
        language = foreign(self.languages.get(article_id), self.reader)
        return Citation(outlet, self.urls.get(article_id), article_id, language)


def story_dates(story: StoryInfo) -> str:
    first, last = story.first_published, story.last_published
    if first is None or last is None:
        return ""
    if first.date() == last.date():
        return first.strftime("%d %b %Y")
    return f"{first:%d %b} – {last:%d %b %Y}"


MASK = "***"
# Query keys whose values are secrets: a key is split into words (``api_key``, ``apiKey``,
# ``X-Amz-Signature``), and any of these words, or one of the endings, marks it.
_SECRET_WORDS = frozenset(
    {
        "auth",
        "authorization",
        "credential",
        "credentials",
        "hmac",
        "jwt",
        "key",
        "pass",
        "passphrase",
        "passwd",
        "password",
        "pwd",
        "secret",
        "session",
        "sid",
        "sig",
        "signature",
        "token",
    }
)
_SECRET_ENDINGS = ("auth", "key", "passwd", "password", "secret", "signature", "token")
_KEY_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
# A URL in prose ends before the punctuation that follows it ("failed: https://x/?a=b.").
_URL_IN_TEXT = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"<>]*[^\s'\"<>.,;:!?)\]]")


def mask_url(url: str) -> str:
    """``url`` fit to show in a chat or a log: user info and secret-looking query (and
    fragment) values replaced by ``***``. ``https://u:pw@host/feed?token=abc&page=2`` becomes
    ``https://***@host/feed?token=***&page=2``. The real URL is kept only in the database; a
    text that is not a URL comes back as it is."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{MASK}@{netloc.rpartition('@')[2]}"
    masked = (parts.scheme, netloc, parts.path, _masked(parts.query), _masked(parts.fragment))
    return url if masked == tuple(parts) else urlunsplit(masked)


def mask_urls_in(text: str) -> str:
    """``text`` with every URL in it masked as :func:`mask_url` does (error messages, logged
    command arguments)."""
    return _URL_IN_TEXT.sub(lambda found: mask_url(found.group()), text)


def _masked(pairs: str) -> str:
    """``key=value&...`` with the values of secret-looking keys masked."""
    out = []
    for pair in pairs.split("&"):
        key, equals, value = pair.partition("=")
        out.append(f"{key}={MASK}" if equals and value and _is_secret(key) else pair)
    return "&".join(out)


def _is_secret(key: str) -> bool:
    name = unquote_plus(key)
    words = {word.lower() for word in _KEY_WORDS.findall(name)}
    joined = re.sub(r"[^a-z0-9]", "", name.lower())
    return bool(words & _SECRET_WORDS) or joined.endswith(_SECRET_ENDINGS)
