"""The fact finder as a whole: seeds against the gold file, storage round trip, robustness."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stories.factfinder import extract_facts, facts_from_json, facts_to_json
from stories.facts import ArticleFacts, EntityKind
from tests.support.seeds import SEED_KEYS, article, seed_article, seed_facts


def test_every_kind_of_fact_on_every_seed() -> None:
    for key in SEED_KEYS:
        facts = seed_facts(key)
        assert facts.mentions, key
        assert facts.numbers, key
        assert facts.quotes, key
        assert {d.day for d in facts.dates} == {date(2025, 12, 13)}, key


def test_body_spans_point_into_the_body() -> None:
    for key in SEED_KEYS:
        body = seed_article(key).body
        captions = "\n".join(seed_article(key).captions)
        facts = seed_facts(key)
        for mention in facts.mentions:
            source = captions if mention.span.in_caption else body
            assert source[mention.span.start : mention.span.end] == mention.surface
            assert mention.span.sentence in source
        for number in facts.numbers:
            assert body[number.span.start : number.span.end] == number.text
        for quote in facts.quotes:
            assert quote.text in body[quote.span.start : quote.span.end]
        for event in facts.dates:
            assert body[event.span.start : event.span.end] == event.text


def test_json_round_trip() -> None:
    for key in SEED_KEYS:
        facts = seed_facts(key)
        assert facts_from_json(facts_to_json(facts)) == facts
    assert facts_from_json(facts_to_json(ArticleFacts())) == ArticleFacts()


def test_unknown_storage_format_is_refused() -> None:
    with pytest.raises(ValueError, match="format"):
        facts_from_json('{"version": 99}')


def test_invented_article_round_trips() -> None:
    facts = extract_facts(
        article(
            "Judge Amara Okoye sentenced the former mayor, Paul Renner, to 12 years on Monday. "
            '"Nobody is above the law in this city," Okoye said.',
            captions=("Paul Renner arrives at court in Lagos on March 3, 2019.",),
            day=date(2026, 3, 4),
        )
    )
    assert facts_from_json(facts_to_json(facts)) == facts
    assert [d.day for d in facts.dates] == [date(2026, 3, 2)]
    assert facts.quotes[0].speaker == "Amara Okoye"
    assert any(m.span.in_caption and m.name == "Paul Renner" for m in facts.mentions)
    assert [(n.value, n.counted) for n in facts.numbers] == [(12, "years")]


def test_caption_mentions_are_marked() -> None:
    captions = [m for m in seed_facts("002").mentions if m.span.in_caption]
    assert any(m.surface == "Ales Bialatski" and m.kind is EntityKind.PERSON for m in captions)


_PIECES = [
    *"abcXYZ019 ,.;:!?'\"“”‘’-—–()%$€\n\u00a0\u202f",
    "Mr. ",
    "President ",
    "said ",
    "told ",
    "on Saturday ",
    "December 13, 2025 ",
    "1,000 ",
    "more than ",
    "thousands of ",
    " of ",
    "John Smith",
    ", who ",
    "nine ",
    "“He said,” ",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=4), st.lists(_TEXT, max_size=2), st.booleans())
def test_never_raises(paragraphs: list[str], captions: list[str], dated: bool) -> None:
    item = article(*paragraphs, captions=tuple(captions), day=date(2025, 12, 13) if dated else None)
    facts = extract_facts(item)
    body = item.body
    spans = [n.span for n in facts.numbers] + [d.span for d in facts.dates]
    for span in spans + [q.span for q in facts.quotes]:
        assert 0 <= span.start <= span.end <= len(body)
    assert facts_from_json(facts_to_json(facts)) == facts


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600))
def test_never_raises_on_any_unicode(text: str) -> None:
    extract_facts(article(text, captions=(text,), day=date(2024, 2, 29)))
