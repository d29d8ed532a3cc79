"""Which line names an article or a story: a headline, never a line of site chrome.

What a page or a feed gives as an article's title is often no headline: the site's own name
("Wyborcza.pl", "LocalNet"), a section ("World News"), a label ("Hot word :"), a byline or a
timestamp ("Post published at 22:47 ..."), a list of keywords, a prompt ("Den vollständigen
Artikel lesen ..."). The rules look at a title's shape and at what it shares with its article,
in any language, never at one site's strings:

- chrome as cleaning knows it by its shape (``stories.clean.is_chrome``): bylines, datelines,
  credits, rows of navigation, prompts, promotions;
- a single word, in a language written with spaces (a name, a section, a dateline's place);
- the site's own name: the outlet's, or its address's (also a title shaped like a domain);
  a headline followed by the site's name ("Headline | Site") loses the name;
- a label (it ends with a colon), an unfilled template (``{{subject}}``), a short prompt cut
  off by an ellipsis, a list of keywords (three or more short items between commas);
- a timestamp: a word of publishing ("published", "aktualisiert", "опубликовано") with a date
  or time, and besides them only short words, month names and capitalised words (a zone);
- a byline in other languages' words for "by" ("Von ...", "Przez ...") before a name;
- a section's name: at most three words, each among the most common of the article's language
  or of English, none of which the article's opening uses.

An article whose title is no headline is named by the first sentence of its body
(``headline_of``). A story is named by the headline that best represents its articles
(``best_headline``): the one whose words its other articles use most.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from anyascii import anyascii

from stories.clean import first_sentence, is_chrome
from stories.language import ENGLISH, word_zipf
from stories.months import month_of
from stories.search import common_words, words_of
from stories.stamps import PUBLISHING

#: a section's name has at most this many words
_SECTION_WORDS = 3
#: a word this common (zipf) or more is one a section's name is made of: "news", "world"
_COMMON_ZIPF = 4.5
#: a timestamp holds at most this many words
_STAMP_WORDS = 12
#: a prompt cut off by an ellipsis has at most this many words
_PROMPT_WORDS = 6
#: items of a keyword list have at most this many words, and the list at least this many items
_LIST_ITEM_WORDS = 3
_LIST_ITEMS = 3
#: the words of a byline after its "by"
_BYLINE_NAME_WORDS = 4
#: characters of a word compared to tell whether two texts use it (inflections differ after)
_STEM_CHARS = 5
#: how much more of a story's words another headline must share to name it instead of the
#: first (a share of the other articles, on average over its words): below that, the first
#: article's headline stays, and a story's title does not change at each article that comes
_BETTER_BY = 0.2
#: the start of a body compared with its title
OPENING_CHARS = 400
#: the first original articles of a story in one language whose headlines may name it
HEADLINE_CANDIDATES = 10

#: the word a byline starts with, in the languages of the coverage
_BY = frozenset(
    "by von par por przez di door av af od от автор autor author yazar yazan بقلم".split()
)
# Scripts written without spaces between words: one "word" there may be a whole headline.
_UNSPACED = re.compile(
    "[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff]"
)
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"[,،、;]")
_SITE_SEPARATOR = re.compile(r"\s+[|–—:·•-]\s+|\s*\|\s*")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)$")
_TEMPLATE = re.compile(r"\{\{|\}\}|\{%|%\}")
_LABEL_END = re.compile(r"[:：]$")
_LETTER = re.compile(r"[^\W\d_]")


def headline_problem(
    title: str,
    *,
    opening: str = "",
    outlet: str | None = None,
    url: str | None = None,
    language: str | None = None,
) -> str | None:
    """Why ``title`` is not a headline (for tests and for the curious), or None when it is.

    ``opening`` is the start of the article's body, ``outlet`` and ``url`` name its site, and
    ``language`` is the article's; each is optional and adds its rules.
    """
    text = " ".join(title.split())
    words = words_of(text)
    if not any(len(word) > 2 or _UNSPACED.search(word) for word in words):
        return "no words"
    if is_chrome(text):
        return "site chrome"
    worded = [token for token in text.split() if _LETTER.search(token)]
    if len(worded) == 1 and not _UNSPACED.search(text):
        return "a single word"
    if _is_site_name(text, outlet, url):
        return "the site's name"
    if _LABEL_END.search(text):
        return "a label"
    if _TEMPLATE.search(text):
        return "an unfilled template"
    if _ELLIPSIS.search(text) and len(text.split()) <= _PROMPT_WORDS:
        return "a prompt"
    if _is_keyword_list(text):
        return "a list of keywords"
    if _is_timestamp(text, language):
        return "a timestamp"
    if _is_byline(text):
        return "a byline"
    if opening and _is_section(words, opening, language):
        return "a section's name"
    return None


def is_headline(
    title: str,
    *,
    opening: str = "",
    outlet: str | None = None,
    url: str | None = None,
    language: str | None = None,
) -> bool:
    problem = headline_problem(title, opening=opening, outlet=outlet, url=url, language=language)
    return problem is None


def headline_of(
    title: str,
    body: str,
    *,
    outlet: str | None = None,
    url: str | None = None,
    language: str | None = None,
) -> str:
    """The headline to show for an article (and to name a story by): its title without the
    site's name after it, or the first sentence of its body when the title is no headline.

    The article keeps the title it came with, and its features are made from it: only what a
    reader is shown is read from the body, its first ``OPENING_CHARS`` characters.
    """
    return _headline(title, body[:OPENING_CHARS], outlet, url, language)


# The headlines of the latest stories are read by every /stories: each is worked out once.
@lru_cache(maxsize=8192)
def _headline(
    title: str, opening: str, outlet: str | None, url: str | None, language: str | None
) -> str:
    named = without_site_name(title, outlet, url)
    if is_headline(named, opening=opening, outlet=outlet, url=url, language=language):
        return named
    # The body may open with the same line (a dateline given as the title).
    for paragraph in opening.split("\n\n"):
        sentence = first_sentence(paragraph.removeprefix(title).strip())
        if sentence:
            return sentence
    return title


def without_site_name(title: str, outlet: str | None, url: str | None) -> str:
    """``title`` without the site's name that pages put before or after the headline
    ("Headline | Site", "Site - Headline"); as it is when no part is the site's."""
    parts = [part for part in _SITE_SEPARATOR.split(title) if part.strip()]
    if len(parts) < 2:
        return title
    if _is_site_name(parts[-1], outlet, url):
        return title[: title.rfind(parts[-1])].rstrip(" |–—:·•-") or title
    if _is_site_name(parts[0], outlet, url):
        return title[len(parts[0]) :].lstrip(" |–—:·•-") or title
    return title


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article that may name its story: its title, the start of its body, its site."""

    title: str
    opening: str
    outlet: str | None = None
    url: str | None = None


def headlines_by_language(told: Iterable[tuple[str, Candidate]]) -> tuple[tuple[str, str], ...]:
    """A story's headline in each language it is told in: ``best_headline`` of its first
    ``HEADLINE_CANDIDATES`` originals in the language, the languages in the order they
    arrived. ``told``: the story's original articles in the order they came, with their
    language."""
    by_language: dict[str, list[Candidate]] = {}
    for language, candidate in told:
        candidates = by_language.setdefault(language, [])
        if len(candidates) < HEADLINE_CANDIDATES:
            candidates.append(candidate)
    return tuple(
        (language, best_headline(candidates, language))
        for language, candidates in by_language.items()
    )


def best_headline(candidates: Sequence[Candidate], language: str | None) -> str:
    """The headline that best represents a story told by ``candidates`` (its articles in one
    language, in the order they came), of the articles whose own title is a headline (else of
    all, by the first sentences that name them; a title cut short with "…" is no headline).

    A headline's score is the share of the other articles that use its distinctive words
    (in their titles and openings), on average over those words: a headline made of the
    story's shared words beats one with an idiosyncratic turn or a line of chrome. The first
    article's headline names the story unless another scores ``_BETTER_BY`` more, so that
    a title does not change with each article that comes.
    """
    if not candidates:
        raise ValueError("a story has at least one article")
    return _best_headline(tuple(candidates), language)


@lru_cache(maxsize=1024)
def _best_headline(candidates: tuple[Candidate, ...], language: str | None) -> str:
    named = [
        (headline_of(c.title, c.opening, outlet=c.outlet, url=c.url, language=language), c)
        for c in candidates
    ]
    if len(named) == 1:
        return named[0][0]
    own = [
        index
        for index, (headline, candidate) in enumerate(named)
        if headline == without_site_name(candidate.title, candidate.outlet, candidate.url)
        and not headline.endswith("…")
    ]
    used = [_stems(f"{c.title} {c.opening}") for _, c in named]
    # in how many articles each word is used
    articles_using = Counter(word for words in used for word in words)
    others = len(named) - 1

    def score(index: int) -> float:
        words = _stems(named[index][0])
        shared = sum(articles_using[word] - (word in used[index]) for word in words)
        return shared / others / max(len(words), 1)

    choices = own or list(range(len(named)))
    first, best = choices[0], max(choices, key=lambda index: (score(index), -index))
    return named[best if score(best) >= score(first) + _BETTER_BY else first][0]


def _stems(text: str) -> frozenset[str]:
    """The distinctive words of ``text`` (names, numbers, uncommon words), each cut to its
    first ``_STEM_CHARS`` characters so that inflected forms meet ("prisoners", "prisoner")."""
    words = set(words_of(text))
    words.difference_update(common_words())
    return frozenset(word[:_STEM_CHARS] for word in words if len(word) > 1)


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """Letters and digits of ``text`` in ASCII, lower case: "Türkiye Gazetesi" and
    ``turkiyegazetesi.com.tr`` meet as ``turkiyegazetesi``."""
    return "".join(words_of(anyascii(text)))


def _site_keys(outlet: str | None, url: str | None) -> set[str]:
    """The names a site goes by: its outlet's, its host's labels (but the top-level domain
    and ``www``), and its domain with and without the top level."""
    keys = {_key(outlet)} if outlet else set()
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        host = ""
    labels = [label for label in host.lower().split(".") if label and label != "www"]
    if len(labels) >= 2:
        keys.update(_key(label) for label in labels[:-1] if len(label) >= 3)
        keys.add(_key("".join(labels[-2:])))
        keys.add(_key("".join(labels)))
    keys.discard("")
    return keys


def _is_site_name(text: str, outlet: str | None, url: str | None) -> bool:
    if _DOMAIN.match(text.strip()):
        return True
    return bool(outlet or url) and _key(text) in _site_keys(outlet, url)


def _is_keyword_list(text: str) -> bool:
    items = [item.split() for item in _LIST_SEPARATOR.split(text.rstrip(",،、; "))]
    return len(items) >= _LIST_ITEMS and all(0 < len(item) <= _LIST_ITEM_WORDS for item in items)


def _is_timestamp(text: str, language: str | None) -> bool:
    """A word of publishing with a date or time, and besides them only short words, month
    names and capitalised words (a time zone, a weekday)."""
    tokens = text.split()
    if len(tokens) > _STAMP_WORDS or not PUBLISHING.search(text):
        return False
    # a date or a time has digits, whatever the language writes around them
    if not any(char.isdigit() for char in text):
        return False
    for token in tokens:
        word = token.strip(".,:;|()[]-–—")
        if (
            not word
            or any(char.isdigit() for char in word)
            or len(word) <= 3
            or word[0].isupper()
            or PUBLISHING.search(word)
            or month_of(word, language or ENGLISH) is not None
            or month_of(word, ENGLISH) is not None
        ):
            continue
        return False
    return True


def _is_byline(text: str) -> bool:
    """ "Von Ingrid Zeilinger", "Przez Jana Kowalskiego", "Autor: Jan Nowak": a word for "by",
    then a name of a few capitalised words (or a short handle such as initials)."""
    first, *rest = text.split()
    if first.casefold().rstrip(":") not in _BY or not 0 < len(rest) <= _BYLINE_NAME_WORDS:
        return False
    if len(rest) == 1 and len(rest[0]) <= 3:
        return True
    return all(word[:1].isupper() for word in rest)


def _is_section(words: list[str], opening: str, language: str | None) -> bool:
    """A few common words ("Current News", "Hot word") that the article does not use: the
    name of the page's section, not of its story."""
    if len(words) > _SECTION_WORDS or any(char.isdigit() for word in words for char in word):
        return False
    languages = {language or ENGLISH, ENGLISH}
    if not all(max(word_zipf(w, lang) for lang in languages) >= _COMMON_ZIPF for w in words):
        return False
    used = {word[:_STEM_CHARS] for word in words_of(opening)}
    return not any(word[:_STEM_CHARS] in used for word in words)
