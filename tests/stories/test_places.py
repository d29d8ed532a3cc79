"""Countries keyed by code across languages: translated names meet where skeletons cannot."""

from __future__ import annotations

from stories.articles import Article
from stories.features import KIND_KEY, extract_features
from stories.places import country_code


def test_a_country_is_one_code_in_every_language_and_case() -> None:
    forms = [
        ("lithuania", "en"),
        ("litauen", "de"),
        ("литва", "ru"),
        ("литву", "ru"),
        ("литвы", "ru"),
        ("litwa", "pl"),
        ("litwę", "pl"),
        ("lietuva", "lt"),
        ("litvanya", "tr"),
    ]
    assert {country_code(word, language) for word, language in forms} == {"LT"}
    assert (
        country_code("niemcy", "pl")
        == country_code("deutschland", "de")
        == country_code("germany", "en")
        == "DE"
    )


def test_words_that_are_no_country_have_no_code() -> None:
    for word, language in [("prisoners", "en"), ("freigelassen", "de"), ("заключённых", "ru")]:
        assert country_code(word, language) is None, word


def _article(text: str, language: str) -> Article:
    return Article("", (text,), (), None, None, None, None, "", language=language)


def test_articles_in_two_languages_share_the_countrys_key() -> None:
    english = "Nine of the freed prisoners were taken to Lithuania on Saturday."
    german = "Neun der Freigelassenen wurden am Samstag nach Litauen gebracht."
    keys = [
        {
            term
            for term, _ in extract_features(_article(text, language)).terms
            if term.startswith(KIND_KEY)
        }
        for text, language in [(english, "en"), (german, "de")]
    ]
    assert f"{KIND_KEY}@LT" in keys[0] & keys[1]
