"""Sentences with their character spans, so every fact can point back into its article."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from stories import lexicon

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    (
        *(
            # titles written short that a name does not keep as a word of its own (those it
            # does are lexicon.TITLE_ABBREVIATIONS), then other abbreviations
            "cmdr adm inc ltd corp co no vs etc approx dept est fig u.s u.k u.n e.g i.e a.m p.m "
            # scale and unit abbreviations of other languages: "2 Mio. US-Dollar", "5 mln. zł"
            "mio mrd tsd mln mld bln tys ca bzw млн млрд тыс долл руб"
        ).split(),
        *lexicon.TITLE_ABBREVIATIONS,
        *lexicon.MONTH_ABBREVIATIONS,
    )
)
# A candidate boundary: end punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]?(?:[A-Z0-9]|[^\W\d_](?<![a-z]))")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    stop = match.start()
    word_start = stop
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:stop].lower().lstrip("\"'“‘(")
    if text[stop] == "." and (word in _ABBREVIATIONS or _INITIALS.fullmatch(word)):
        return False
    return _NEXT_START.match(text, match.end()) is not None or match.end() >= len(text.rstrip())


#: a quotation this long without its closing mark is taken as unbalanced, not as one sentence
MAX_QUOTE = 600


def _inside_quote(text: str, start: int, stop: int, curly: bool, straight: bool) -> bool:
    """Whether ``text[start:stop]`` leaves a quotation open: ellipses inside quotes are common.
    ``curly`` and ``straight`` say whether the paragraph's marks of each kind pair up: a
    paragraph with a stray mark (a quote left open by the page), or wrapped whole in straight
    quotes (a CSV field), has no quotation of that kind to keep open."""
    chunk = text[start:stop]
    if stop - start > MAX_QUOTE:
        return False
    opened = curly and chunk.count("“") > chunk.count("”")
    return opened or (straight and chunk.count('"') % 2 == 1)


def split_paragraph(text: str, offset: int = 0, paragraph: int = 0) -> Iterator[Sentence]:
    start = 0
    curly = text.count("“") == text.count("”")
    plain = text.strip()
    wrapped = len(plain) > MAX_QUOTE and plain[:1] == '"' and plain[-1:] == '"'
    straight = text.count('"') % 2 == 0 and not wrapped
    for match in _BOUNDARY.finditer(text):
        ended = _ends_sentence(text, match)
        if not ended or _inside_quote(text, start, match.end(), curly, straight):
            continue
        yield from _emit(text, start, match.end(), offset, paragraph)
        start = match.end()
    yield from _emit(text, start, len(text), offset, paragraph)


def _emit(text: str, start: int, end: int, offset: int, paragraph: int) -> Iterator[Sentence]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        begin = offset + start + lead
        yield Sentence(stripped, begin, begin + len(stripped), paragraph)


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of a body whose paragraphs are separated by blank lines.

    Spans index into ``body``: ``body[s.start:s.end] == s.text``.
    """
    sentences: list[Sentence] = []
    position = 0
    for number, paragraph in enumerate(body.split("\n\n")):
        sentences.extend(split_paragraph(paragraph, position, number))
        position += len(paragraph) + 2
    return sentences


def short(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
