"""Direct quotations in one article and who said them.

A quotation is text between double quotes (straight or curly) or curly single quotes, of at
least ``MIN_QUOTE_WORDS`` words: shorter ones ("bandits", "very measured advice") are scare
quotes, not statements. The speaker is found, in this order:

1. after the quote: ``," he said``, ``,” Coale said``, ``,” said Priya Nair``,
   ``,” the U.S. embassy in Lithuania said``;
2. before it in the same sentence: ``X told reporters in Minsk: "..."``,
   ``Coale noted that “...”``, ``he articulated ..., stating, “...”``;
3. in the sentence before, when it introduces the quote with a colon.

A pronoun speaker is the first person named in its sentence before it, or else the first
person named in the nearest sentence before that names one (the subject, not the last name
mentioned: "John Cole said that Trump had lifted ..." then "..., he told reporters").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from stories.facts import EntityKind, Mention, Quote, Span
from stories.lexicon import QUOTE_ATTRIBUTIONS
from stories.sentences import Sentence

MIN_QUOTE_WORDS = 4
MAX_ATTRIBUTION_WORDS = 8
PRONOUN_LOOKBACK = 3
_QUOTE = re.compile(
    r"“(?P<curly>[^“”\n]+)”|\"(?P<straight>[^\"\n]+)\"|‘(?<!\w‘)(?P<single>[^‘\n]+?)’(?!\w)"
)
"""The single quote looks behind after its opening mark, not before it: when every branch opens
with a literal character, Python's re jumps from one quote mark to the next instead of trying
the pattern at every position of the body."""
_SPEECH_VERB = re.compile(rf"\b(?:{'|'.join(QUOTE_ATTRIBUTIONS)})\b")
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z“\"]|[“\"]")
_NOUN_PHRASE = re.compile(r"^(?:the\s+)?([a-z][\w.’'\- ]{2,60}?)\s*$", re.IGNORECASE)


def find_quotes(
    body: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]
) -> tuple[Quote, ...]:
    """Quotations in ``body`` with their speakers; ``mentions`` are the body's mentions."""
    matches = list(_QUOTE.finditer(body))
    starts = [q.start() for q in matches]
    ends = [q.end() for q in matches]
    speakers = [
        m
        for m in mentions
        if not m.span.in_caption
        and m.kind is not EntityKind.PLACE
        and not _quoted(m.span.start, starts, ends)
    ]
    quotes: list[Quote] = []
    for match in matches:
        inner = match.group(match.lastgroup or 0)
        if len(inner.split()) < MIN_QUOTE_WORDS:
            continue
        speaker = _speaker(body, match.start(), match.end(), sentences, speakers)
        text = inner.strip().rstrip(",").strip()
        quotes.append(Quote(text, speaker, _span(match.start(), match.end(), sentences)))
    return tuple(quotes)


def _quoted(position: int, starts: list[int], ends: list[int]) -> bool:
    """Whether ``position`` is strictly inside a quote. Quotes are sorted and do not overlap,
    so only the last one that starts before ``position`` can hold it."""
    last = bisect_left(starts, position) - 1
    return last >= 0 and position < ends[last]


def _span(start: int, end: int, sentences: Sequence[Sentence]) -> Span:
    covering = [s for s in sentences if s.start < end and start < s.end]
    if not covering:
        return Span(start, end, "")
    first, last = covering[0], covering[-1]
    sentence = first.text if first is last else _join(first, last, sentences)
    return Span(start, end, sentence)


def _join(first: Sentence, last: Sentence, sentences: Sequence[Sentence]) -> str:
    return " ".join(s.text for s in sentences if first.start <= s.start <= last.start)


def _speaker(
    body: str, start: int, end: int, sentences: Sequence[Sentence], speakers: Sequence[Mention]
) -> str | None:
    return (
        _after(body, end, sentences, speakers)
        or _before(body, start, sentences, speakers)
        or _introduced(start, sentences, speakers)
    )


def _after(
    body: str, end: int, sentences: Sequence[Sentence], speakers: Sequence[Mention]
) -> str | None:
    """ "...," he said / Coale said / said Priya Nair / the embassy said."""
    newline = body.find("\n", end)
    window = body[end : newline if newline != -1 else len(body)][:200]
    cut = _SENTENCE_BREAK.search(window)
    window = window[: cut.start() + 1 if cut else len(window)]
    verb = _SPEECH_VERB.search(window)
    if verb is None:
        return None
    between = window[: verb.start()]
    if len(between.split()) > MAX_ATTRIBUTION_WORDS:
        return None
    inside = [m for m in speakers if end <= m.span.start < end + verb.start()]
    if inside:
        return _prefer_person(inside).name
    pronoun = _PRONOUN.search(between)
    if pronoun is not None:
        return _resolve_pronoun(end + pronoun.start(), sentences, speakers)
    if not between.strip(" ,.\u00a0"):
        return _inverted(end + verb.end(), window[verb.end() :], speakers)
    phrase = _NOUN_PHRASE.match(between.strip(" ,.\u00a0"))
    return phrase.group(1) if phrase else None


def _inverted(position: int, rest: str, speakers: Sequence[Mention]) -> str | None:
    """ "..., said Priya Nair" or "..., said the regional governor"."""
    near = [m for m in speakers if position <= m.span.start <= position + 40]
    if near:
        return _prefer_person(near).name
    words = rest.strip(" ,.").split(",")[0].split()
    if 1 <= len(words) <= 6 and words[0].lower() in {"the", "a", "an"}:
        return " ".join(words[1:]) or None
    return None


def _before(
    body: str, start: int, sentences: Sequence[Sentence], speakers: Sequence[Mention]
) -> str | None:
    """ "X told reporters: "..."", "Coale noted that “...”", "he ..., stating, “...”"."""
    sentence = _sentence_at(start, sentences)
    if sentence is None or sentence.start >= start:
        return None
    before = body[sentence.start : start]
    verbs = list(_SPEECH_VERB.finditer(before))
    if not verbs:
        return None
    verb_at = sentence.start + verbs[-1].start()
    named = [m for m in speakers if sentence.start <= m.span.start and m.span.end <= verb_at]
    pronouns = [sentence.start + p.start() for p in _PRONOUN.finditer(before)]
    pronouns = [p for p in pronouns if p < verb_at]
    last_named = named[-1] if named else None
    if pronouns and (last_named is None or pronouns[-1] > last_named.span.start):
        return _resolve_pronoun(pronouns[-1], sentences, speakers)
    return last_named.name if last_named else None


def _introduced(
    start: int, sentences: Sequence[Sentence], speakers: Sequence[Mention]
) -> str | None:
    """A quote paragraph after "John Coale ... confirmed the agreement:"."""
    previous = [s for s in sentences if s.end <= start]
    if not previous or not previous[-1].text.endswith(":"):
        return None
    last = previous[-1]
    named = [m for m in speakers if last.start <= m.span.start < last.end]
    return _prefer_person(named).name if named else None


def _sentence_at(position: int, sentences: Sequence[Sentence]) -> Sentence | None:
    for sentence in sentences:
        if sentence.start <= position < sentence.end:
            return sentence
    return None


def _resolve_pronoun(
    position: int, sentences: Sequence[Sentence], speakers: Sequence[Mention]
) -> str | None:
    people = [m for m in speakers if m.kind is EntityKind.PERSON]
    current = _sentence_at(position, sentences)
    if current is not None:
        same = [m for m in people if current.start <= m.span.start < position]
        if same:
            return same[0].name
    earlier = [s for s in sentences if s.end <= position][-PRONOUN_LOOKBACK:]
    for sentence in reversed(earlier):
        named = [m for m in people if sentence.start <= m.span.start < sentence.end]
        if named:
            return named[0].name
    return None


def _prefer_person(mentions: Sequence[Mention]) -> Mention:
    people = [m for m in mentions if m.kind is EntityKind.PERSON]
    return (people or list(mentions))[0]
