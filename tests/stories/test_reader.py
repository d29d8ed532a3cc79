"""The reader's language: which articles give a story its title, summary and digest lines."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from stories.reader import foreign, reader_first, title_for
from stories.story_input import ArticleView
from stories.story_news import NewArticle, StoryMaterial, new_details, story_news
from stories.summarize import summarize
from tests.support.story_views import _story, person, view

SINCE = datetime(2026, 3, 28, 6, tzinfo=UTC)


def _in(views: list[ArticleView], languages: dict[int, str]) -> list[ArticleView]:
    """The views labelled with languages by article id (the summary reads only the label)."""
    return [dataclasses.replace(v, language=languages.get(v.article_id)) for v in views]


def test_title_is_the_first_headline_in_the_readers_language() -> None:
    headlines = (("ru", "Лукашенко помиловал 123"), ("en", "Belarus frees 123"), ("de", "Frei"))
    assert title_for("Лукашенко помиловал 123", headlines, "en") == "Belarus frees 123"
    assert title_for("Лукашенко помиловал 123", headlines, "fr") == "Лукашенко помиловал 123"


def test_only_a_language_not_the_readers_is_named() -> None:
    assert foreign("pl", "en") == "pl"
    assert foreign("en", "en") is None
    assert foreign(None, "en") is None


def test_readers_language_first_each_part_in_order() -> None:
    items = [("a", "ru"), ("b", "en"), ("c", None), ("d", "en")]
    ordered = reader_first(items, lambda item: item[1], "en")
    assert [name for name, _ in ordered] == ["b", "d", "a", "c"]


def test_summary_lines_come_from_the_readers_language_with_support_from_all() -> None:
    """Outlet3 and the others say the same in "other languages": the lines are Outlet3's,
    still counted as supported by every outlet that says them."""
    views = _in(_story(), {1: "fr", 2: "fr", 3: "en", 4: "fr"})
    lines = summarize(views, language="en")
    assert lines
    assert {line.article_ids[0] for line in lines} == {3}
    assert max(line.support for line in lines) == 4
    assert set(lines[0].outlets) == {"Outlet1", "Outlet2", "Outlet3", "Outlet4"}
    # no reader-language article: the summary is the one every reader gets
    assert summarize(views, language="de") == summarize(_story())


def test_among_equally_supported_the_readers_language_wins() -> None:
    views = _story()
    unlabelled = summarize(views, max_sentences=1, min_sentences=1)
    source = unlabelled[0].article_ids[0]
    backers = set(unlabelled[0].article_ids) - {source}
    reader = min(backers)
    labelled = _in(views, {v.article_id: "en" if v.article_id == reader else "fr" for v in views})
    (line,) = summarize(labelled, max_sentences=1, min_sentences=1, language="en")
    assert line.article_ids[0] == reader
    assert line.support == unlabelled[0].support


def test_other_languages_only_make_up_a_short_summary() -> None:
    views = [
        view(1, "Local", "Elbistan was hit by a strong earthquake on Monday, officials said."),
        *_story()[1:],
    ]
    lines = summarize(_in(views, {1: "en", 2: "tr", 3: "tr", 4: "tr"}), language="en")
    assert len(lines) == 3
    assert [line.article_ids[0] for line in lines].count(1) == 1


def test_a_brief_in_the_readers_language_is_still_a_line() -> None:
    """Its one sentence is too short to be a candidate: it is taken all the same, rather than
    leave the reader with lines only in other languages."""
    views = [*_story(), view(9, "Brief", "Elbistan quake kills 14.")]
    labelled = _in(views, {9: "en"})
    lines = summarize(labelled, language="en")
    assert [line.text for line in lines if line.article_ids[0] == 9] == ["Elbistan quake kills 14."]
    assert all(line.article_ids[0] != 9 for line in summarize(views))


def test_a_new_persons_detail_is_worded_in_the_readers_language() -> None:
    lt_body = "Maryja Kalesnikava, opozicijos veikėja, paleista į laisvę."
    en_body = "Maria Kalesnikava, a protest leader, was freed."
    lt = view(
        1, "LRT", lt_body, (person(lt_body, "Maryja Kalesnikava", None, "opozicijos veikėja"),)
    )
    en = view(2, "AP", en_body, (person(en_body, "Maria Kalesnikava", None, "a protest leader"),))
    lt, en = dataclasses.replace(lt, language="lt"), dataclasses.replace(en, language="en")
    (detail,) = new_details([], [lt, en], "en")
    assert detail.text == "Maria Kalesnikava, a protest leader"
    assert [c.outlet for c in detail.citations] == ["LRT", "AP"]
    (lithuanian,) = new_details([], [lt, en], "lt")
    assert lithuanian.text == "Maryja Kalesnikava, opozicijos veikėja"


def test_a_digest_titles_and_lists_in_the_readers_language() -> None:
    en_body = (
        "Belarus freed 123 prisoners on Saturday after talks with a U.S. envoy, officials said."
    )
    ru_body = "Власти Беларуси в субботу освободили 123 заключённых после переговоров с США."
    views = (
        dataclasses.replace(view(1, "Meduza", ru_body), language="ru"),
        dataclasses.replace(view(2, "AP", en_body), language="en"),
    )
    material = StoryMaterial(
        story_id=1,
        title="Беларусь освободила 123 заключённых",
        created_at=SINCE + timedelta(hours=1),
        outlets=("Meduza", "AP"),
        old=(),
        new=views,
        new_articles=(
            NewArticle(1, "Беларусь освободила 123 заключённых", "Meduza", None, language="ru"),
            NewArticle(2, "Belarus frees 123 prisoners", "AP", None, language="en"),
        ),
        headlines=(("ru", "Беларусь освободила 123 заключённых"), ("en", "Belarus frees 123")),
    )
    news = story_news(material, SINCE, "en")
    assert news is not None
    assert news.title == "Belarus frees 123"
    assert news.lead is not None
    assert (news.lead.outlet, news.lead.sentence) == ("AP", en_body)
    assert [a.outlet for a in news.new_articles] == ["AP", "Meduza"]
    russian = story_news(material, SINCE, "ru")
    assert russian is not None
    assert russian.title == "Беларусь освободила 123 заключённых"
    assert russian.lead is not None
    assert russian.lead.outlet == "Meduza"
