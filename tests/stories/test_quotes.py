"""Quotations and their speakers."""

from __future__ import annotations

from stories.factfinder import extract_facts
from stories.facts import Quote
from stories.quotes import find_quotes
from tests.support.seeds import SEED_KEYS, article, gold, seed_facts


def quotes(*paragraphs: str) -> tuple[Quote, ...]:
    return extract_facts(article(*paragraphs)).quotes


def normal(text: str) -> str:
    return text.replace("’", "'").rstrip(".,")


def test_gold_quotes_of_john_coale() -> None:
    for entry in gold()["quotes"]:
        for key, version in entry["versions"].items():
            found = seed_facts(key).quotes
            matching = [q for q in found if normal(version) in normal(q.text)]
            assert matching, (key, version)
            expected = "John Cole" if key == "004" else "John Coale"
            assert {q.speaker for q in matching} == {expected}, key


def test_other_seed_speakers() -> None:
    speakers = {q.text[:20]: q.speaker for q in seed_facts("000").quotes}
    assert speakers["Thousands of people "] == "Ales Bialiatski"
    assert speakers["Of course, it's a fe"] == "Maria Kalesnikava"
    assert speakers["I very much look for"] == "Tatsiana Khomich"
    assert speakers["U.S. sanctions are a"] == "Sviatlana Tsikhanouskaya"
    assert speakers["The United States st"] == "U.S. embassy in Lithuania"
    later = {q.text[:20]: q.speaker for q in seed_facts("002").quotes}
    assert later["She told me she is v"] == "Tatsiana Khomich"
    stating = {q.text[:20]: q.speaker for q in seed_facts("003").quotes}
    assert stating["being released means"] == "Ales Bialiatski"


def test_scare_quotes_are_not_quotes() -> None:
    for key in SEED_KEYS:
        texts = {normal(q.text).lower() for q in seed_facts(key).quotes}
        for word in ("bandits", "hostages", "deceive", "very measured advice", "gifts"):
            assert word not in texts, (key, word)


def test_said_before_the_speaker() -> None:
    found = quotes(
        '"We have never seen the water come up this fast," said Priya Nair, who runs a bakery.'
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("We have never seen the water come up this fast", "Priya Nair")
    ]


def test_pronoun_takes_the_subject_not_the_last_name() -> None:
    found = quotes(
        "Coach Luis Enrique said that Dembele had played through pain. "
        "“He is the heart of this team and he knows it,” he told reporters."
    )
    assert found[0].speaker == "Luis Enrique"


def test_colon_introduces_a_quote_paragraph() -> None:
    found = quotes(
        "Chief executive Marta Lindqvist announced the deal on a call with analysts:",
        "“This is the most important day in the history of our company.”",
    )
    assert found[0].speaker == "Marta Lindqvist"


def test_unattributed_and_single_quotes() -> None:
    found = quotes(
        "The crowd chanted ‘we will not go home tonight’ outside the court. "
        "Nobody knew what “the plan for the next week” would be."
    )
    assert [q.text for q in found] == ["we will not go home tonight", "the plan for the next week"]
    assert all(q.speaker is None for q in found)


def test_noun_phrase_speaker_and_apostrophes() -> None:
    found = quotes(
        "“It’s too early to say how many people are trapped,” the regional governor said. "
        "Shares of the company’s rival didn’t move."
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("It’s too early to say how many people are trapped", "regional governor")
    ]


def test_unbalanced_quotes_do_not_break() -> None:
    assert find_quotes('He said "this never ends', [], []) == ()
