"""What the facts pass stores of an article, without a store: the people it names, and the
article read back from its stored text and features."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from stories.articles import Article
from stories.factfinder import people_named, stored_article, stored_language
from stories.facts import ArticleFacts, EntityKind, Mention, Span
from stories.features import extract_features

_SPAN = Span(0, 1, "")


def _person(name: str, description: str | None = None) -> Mention:
    return Mention(name, name, EntityKind.PERSON, _SPAN, description)


def test_each_person_named_in_full_once_with_the_first_description_given() -> None:
    facts = ArticleFacts(
        mentions=(
            _person("Alexander Lukashenko"),
            _person("Maria Kalesnikava", "leading opposition figure"),
            _person("Alexander Lukashenko", "Belarusian President"),
            _person("Maria Kalesnikava", "a flautist"),
            _person("Putin", "Russian President"),
            Mention("New York", "New York", EntityKind.PLACE, _SPAN),
        )
    )
    named = [(p.name, p.description) for p in people_named(facts)]
    assert named == [
        ("Alexander Lukashenko", "Belarusian President"),
        ("Maria Kalesnikava", "leading opposition figure"),
    ]


def test_a_surname_is_keyed_without_its_case_ending_across_scripts() -> None:
    """A Russian article's "Марию Колесникову" (accusative) is keyed as Maria Kalesnikava."""
    russian = people_named(ArticleFacts(mentions=(_person("Марию Колесникову"),)), "ru")
    english = people_named(ArticleFacts(mentions=(_person("Maria Kalesnikava"),)))
    assert [p.name for p in russian] == ["Марию Колесникову"]
    assert russian[0].surname_key == english[0].surname_key != ""


def test_the_article_is_read_back_with_its_outlets_time_and_its_language() -> None:
    published = datetime(2026, 3, 4, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    article = Article(
        title="Hochwasser in Passau",
        paragraphs=("Die Donau trat am Dienstag über die Ufer.", "Schulen blieben geschlossen."),
        captions=("Ein Boot in der Altstadt.", "Feuerwehr im Einsatz."),
        url="https://zeitung.example/hochwasser",
        outlet="Zeitung",
        published=published,
        external_id="a1",
        origin="feed",
        language="de",
    )
    features = extract_features(article).to_json()
    again = stored_article(article.title, article.body, "\n".join(article.captions), features)
    assert (again.paragraphs, again.captions) == (article.paragraphs, article.captions)
    assert again.published == published
    assert again.published is not None
    assert again.published.utcoffset() == timedelta(hours=-5)
    assert again.language == stored_language(features) == "de"
    assert stored_article("T", "B", "", None).published is None
    assert stored_language(None) is None
