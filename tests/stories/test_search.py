"""Search words: folded alike for what is stored and what is asked, distinctive, capped."""

from __future__ import annotations

from stories.search import ARTICLE_WORDS, STORY_ARTICLES, article_words, query_terms, story_words


def test_words_fold_case_in_every_script_and_compatibility_forms() -> None:
    assert query_terms("STRASSE Straße ΟΔΟΣ οδος ＡＢＣ ﬁle Лукашенко") == [
        "strasse",
        "οδοσ",
        "abc",
        "file",
        "лукашенко",
    ]


def test_an_underscore_or_punctuation_is_no_word() -> None:
    assert query_terms("_ % ~") == []
    assert query_terms("snake_case o'brien") == ["snake", "case", "o", "brien"]


def test_an_article_keeps_its_title_then_its_most_distinctive_words() -> None:
    body = " ".join(["The potash said and the people of Minsk said."] * 3 + ["Budanov"] * 2)
    words = article_words("Belarus frees prisoners", body)
    assert words[:3] == ["belarus", "frees", "prisoners"]
    assert {"potash", "minsk", "budanov"} <= set(words)
    assert not {"the", "said", "and", "of", "people"} & set(words)


def test_words_are_capped_per_article_and_per_story() -> None:
    body = " ".join(f"zork{n:03d}x" for n in range(ARTICLE_WORDS * 2))
    assert len(article_words("", body)) == ARTICLE_WORDS
    articles = [(f"Kvothe{n:03d}x", "") for n in range(STORY_ARTICLES + 5)]
    assert story_words(articles) == {f"kvothe{n:03d}x" for n in range(STORY_ARTICLES)}
