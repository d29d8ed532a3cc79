"""Words to find a story by: folded the same way for what is stored and what is asked.

Folding is Python's, on every backend: ``str.casefold`` (``ß`` is ``ss``, a final sigma is
``σ``) between two NFKC normalisations (so ligatures and full-width forms are plain letters,
and what NFKC makes of a folded letter is folded again). An article is searchable by the
distinctive words of its title and body: the very common words of the languages wordfreq
knows are left out (a story's words would otherwise be mostly "the" and "и"), and of the rest
an article keeps its title's and its body's most distinctive ones, up to ``ARTICLE_WORDS``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from heapq import nsmallest

from wordfreq import available_languages, get_frequency_list, top_n_list

from stories.features import zipf

#: words an article is found by, at most (its title's first): each is a row to write, and
#: 40 were a fifth of the ingest's database work
ARTICLE_WORDS = 20
#: the articles of a story whose words it is found by: its first originals (a story's first
#: reports tell it; later ones mostly repeat them), which caps a story's words
STORY_ARTICLES = 10
#: the longest word kept (longer "words" are identifiers, URLs cut at punctuation, or text of a
#: language written without spaces); the column holds this many characters
MAX_WORD = 40
#: a word is very common when it is among this many most frequent of a language
COMMON_RANK = 150
#: terms at least this long also find the words they begin ("sanction" finds "sanctions")
PREFIX_FROM = 3
#: the start of a body whose words are weighed: a news article tells its who, what and where
#: in its first paragraphs, and reading all of it cost a fifth of the ingest (0.27 ms an
#: article with 2,000 characters, 0.14 with these)
LEAD_CHARS = 1_000

# Letters and digits: an underscore or an apostrophe separates words, as a space does.
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """``text`` as searches compare it: compatibility-normalised and case-folded."""
    if text.isascii():
        # NFKC leaves ASCII as it is, and casefold lowers it.
        return text.lower()
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def words_of(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return _WORD.findall(fold(text))


@cache
def common_words() -> frozenset[str]:
    """The most frequent words of every language wordfreq has (its small lists: half a
    second, once per process). wordfreq keeps every list it reads, 150 MB for these, so its
    caches of lists are emptied afterwards (the dictionaries other lookups read stay)."""
    common = frozenset(
        word
        for language in available_languages("small")
        for word in top_n_list(language, COMMON_RANK, "small")
    )
    top_n_list.cache_clear()
    get_frequency_list.cache_clear()
    return common


def is_kept(word: str) -> bool:
    """Whether a folded word may be among a story's words: not a single letter, not a number
    (or a "word" too long), not among the most frequent words of a language."""
    return 1 < len(word) <= MAX_WORD and not word.isdecimal() and word not in common_words()


def lead(body: str) -> str:
    """The start of ``body`` whose words are weighed (``LEAD_CHARS``, cut at a space)."""
    if len(body) <= LEAD_CHARS:
        return body
    cut = body.rfind(" ", 0, LEAD_CHARS)
    return body[: cut if cut > 0 else LEAD_CHARS]


def article_words(title: str, body: str) -> list[str]:
    """The words an article is found by: its title's, then its lead's most distinctive (the
    most frequent in it, rare words in English weighing more), ``ARTICLE_WORDS`` at most."""
    chosen = [w for w in dict.fromkeys(words_of(title)) if is_kept(w)][:ARTICLE_WORDS]
    taken = set(chosen)
    # Each distinct word is weighed once. English rarity: a name or a rare word outweighs a
    # frequent ordinary one (a word of another script is rare in English, and its language's
    # common words are left out).
    weighed = [
        (-count * (8.0 - min(zipf(word), 7.0)), word)
        for word, count in Counter(words_of(lead(body))).items()
        if word not in taken and is_kept(word)
    ]
    return chosen + [word for _, word in nsmallest(ARTICLE_WORDS - len(chosen), weighed)]


def story_words(articles: Iterable[tuple[str, str]]) -> set[str]:
    """A story's words: those of its first ``STORY_ARTICLES`` original articles (title, body),
    given in id order."""
    found: set[str] = set()
    for count, (title, body) in enumerate(articles):
        if count == STORY_ARTICLES:
            break
        found.update(article_words(title, body))
    return found


def query_terms(text: str, limit: int = 8) -> list[str]:
    """The distinct folded words of a query, the first ``limit``."""
    return list(dict.fromkeys(words_of(text)))[:limit]
