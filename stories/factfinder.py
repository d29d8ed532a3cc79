"""Typed facts from one cleaned article: mentions, numbers, quotes and event dates.

Pure functions. Mentions come from the body and the captions (a caption may spell a name);
numbers, quotes and dates come from the body only (a caption dates and counts the photo, not
the event). Spans index into ``article.body``, or into the captions joined by newlines when
``in_caption`` is set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from stories.articles import Article
from stories.dates import find_dates
from stories.facts import (
    ArticleFacts,
    EntityKind,
    EventDate,
    Mention,
    NumberFact,
    Qualifier,
    Quote,
    Span,
)
from stories.language import ENGLISH
from stories.names import clean_name, surname_key
from stories.number_roles import Named, article_now, years_in
from stories.numbers import find_numbers
from stories.people import find_mentions
from stories.quotes import find_quotes
from stories.sentences import Sentence, split_paragraph, split_sentences

FORMAT_VERSION = 3
_SECTIONS = ("mentions", "numbers", "quotes", "dates")


def extract_facts(article: Article) -> ArticleFacts:
    body = article.body
    sentences = split_sentences(body)
    mentions = find_mentions(sentences, caption_sentences(article.captions), article.language)
    when = article.published or article.stamped
    published = when.date() if when is not None else None
    people = [
        Named(m.span.start, m.span.end, m.name)
        for m in mentions
        if m.kind is EntityKind.PERSON and not m.span.in_caption
    ]
    return ArticleFacts(
        mentions=mentions,
        numbers=find_numbers(
            sentences,
            language=article.language or ENGLISH,
            people=people,
            now=article_now(published, years_in(body)),
        ),
        quotes=find_quotes(body, sentences, [m for m in mentions if not m.span.in_caption]),
        dates=find_dates(sentences, published),
    )


def caption_sentences(captions: tuple[str, ...]) -> list[Sentence]:
    """Sentences of the captions, with spans into the captions joined by newlines."""
    sentences: list[Sentence] = []
    position = 0
    for number, caption in enumerate(captions):
        sentences.extend(split_paragraph(caption, position, number))
        position += len(caption) + 1
    return sentences


@dataclass(frozen=True, slots=True)
class PersonNamed:
    """A person an article names, as the store indexes people: by the key of the surname."""

    name: str
    surname_key: str
    description: str | None


def people_named(facts: ArticleFacts, language: str | None = None) -> list[PersonNamed]:
    """Each person named in full (two words or more) in an article's facts, once, with the
    first description the article gives, under the key of the surname without the case ending
    of ``language`` (the article's); a name with no such key is left out."""
    described: dict[str, str | None] = {}
    for mention in facts.mentions:
        name = clean_name(mention.name)
        if mention.kind is EntityKind.PERSON and " " in name and described.get(name) is None:
            described[name] = mention.description
    return [
        PersonNamed(name, surname_key(name, language), description)
        for name, description in described.items()
        if surname_key(name, language)
    ]


# ---- storage ----


def stored_article(title: str, body: str, captions: str, features: str | None) -> Article:
    """The cleaned article again from its stored text, as far as finding facts reads it
    (body, captions, date and language: the features, as ``Features.to_json`` wrote them,
    keep the publication time in the outlet's time zone, the day of an undated article's
    stamp, and name the language)."""
    stored = json.loads(features) if features else {}
    published = stored.get("published")
    stamped = stored.get("stamped")
    return Article(
        title=title,
        paragraphs=tuple(body.split("\n\n")),
        captions=tuple(c for c in captions.split("\n") if c),
        url=None,
        outlet=None,
        published=datetime.fromisoformat(published) if published else None,
        external_id=None,
        origin="",
        language=stored.get("language"),
        stamped=datetime.fromisoformat(stamped) if stamped else None,
    )


def stored_facts(
    facts: str | None, features: str | None, title: str, body: str, captions: str
) -> ArticleFacts:
    """An original article's facts as stored, or found now when they are still pending."""
    if facts is not None:
        return facts_from_json(facts)
    return extract_facts(stored_article(title, body, captions, features))


def stored_language(features: str | None) -> str | None:
    """The language the stored features name (None: not known, or no features)."""
    return json.loads(features).get("language") if features else None


def facts_to_json(facts: ArticleFacts) -> str:
    """A compact JSON document for storage; ``facts_from_json`` reads it back unchanged."""
    document = {
        "version": FORMAT_VERSION,
        "mentions": [_mention(m) for m in facts.mentions],
        "numbers": [_number(n) for n in facts.numbers],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "span": _span(q.span)} for q in facts.quotes
        ],
        "dates": [
            {"day": d.day.isoformat(), "text": d.text, "span": _span(d.span)} for d in facts.dates
        ],
    }
    _share_sentences(document)
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _share_sentences(document: dict[str, Any]) -> None:
    """Store each sentence once: most facts of an article sit in a few sentences."""
    table: dict[str, int] = {}
    for section in _SECTIONS:
        for item in document[section]:
            item["span"][2] = table.setdefault(item["span"][2], len(table))
    document["sentences"] = list(table)


def facts_from_json(text: str) -> ArticleFacts:
    document = json.loads(text)
    if document.get("version") != FORMAT_VERSION:
        raise ValueError(
            f"facts stored in format {document.get('version')!r}, not {FORMAT_VERSION}"
        )
    sentences: list[str] = document["sentences"]
    return ArticleFacts(
        mentions=tuple(
            Mention(
                m["name"],
                m["surface"],
                EntityKind(m["kind"]),
                _read_span(m["span"], sentences),
                m["description"],
            )
            for m in document["mentions"]
        ),
        numbers=tuple(
            NumberFact(
                n["text"],
                n["value"],
                n["low"],
                n["high"],
                Qualifier(n["qualifier"]),
                n["counted"],
                n["context"],
                _read_span(n["span"], sentences),
                n.get("background"),
                bool(n.get("part")),
                n.get("holder"),
                bool(n.get("restates")),
            )
            for n in document["numbers"]
        ),
        quotes=tuple(
            Quote(q["text"], q["speaker"], _read_span(q["span"], sentences))
            for q in document["quotes"]
        ),
        dates=tuple(
            EventDate(date.fromisoformat(d["day"]), d["text"], _read_span(d["span"], sentences))
            for d in document["dates"]
        ),
    )


def _span(span: Span) -> list[Any]:
    return [span.start, span.end, span.sentence, span.in_caption]


def _read_span(value: list[Any], sentences: list[str]) -> Span:
    start, end, sentence, in_caption = value
    return Span(int(start), int(end), sentences[sentence], bool(in_caption))


def _mention(mention: Mention) -> dict[str, Any]:
    return {
        "name": mention.name,
        "surface": mention.surface,
        "kind": mention.kind.value,
        "span": _span(mention.span),
        "description": mention.description,
    }


def _number(number: NumberFact) -> dict[str, Any]:
    return {
        "text": number.text,
        "value": number.value,
        "low": number.low,
        "high": number.high,
        "qualifier": number.qualifier.value,
        "counted": number.counted,
        "context": number.context,
        "span": _span(number.span),
        "background": number.background,
        "part": number.part,
        "holder": number.holder,
        "restates": number.restates,
    }
