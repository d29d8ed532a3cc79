"""/summary picks the sentences most outlets share, without repeating itself."""

from __future__ import annotations

from stories.summarize import summarize
from tests.support.story_views import _story, view


def test_summary_picks_the_sentences_most_outlets_share() -> None:
    lines = summarize(_story())
    assert 3 <= len(lines) <= 6
    assert lines[0].support == 4
    assert "struck" in lines[0].text or "hit" in lines[0].text
    assert lines[1].support >= 3
    assert "14 people" in lines[1].text
    assert lines[0].outlets[0] == f"Outlet{lines[0].article_ids[0]}"
    assert set(lines[0].outlets) == {"Outlet1", "Outlet2", "Outlet3", "Outlet4"}


def test_summary_has_no_near_duplicates() -> None:
    lines = summarize(_story())
    quake_lines = [line for line in lines if "6.1" in line.text]
    assert len(quake_lines) == 1
    assert sum("Red Crescent" in line.text for line in lines) <= 1


def test_summary_respects_the_cap_and_orders_by_support_then_position() -> None:
    lines = summarize(_story(), max_sentences=3)
    assert len(lines) == 3
    supports = [line.support for line in lines]
    assert supports[0] == max(supports)


def test_empty_story_has_no_summary() -> None:
    assert summarize([]) == []
    assert summarize([view(1, "A", "Too short.")]) == []


def test_a_hundred_articles_of_forty_outlets_support_a_line_forty_times() -> None:
    """Support counts outlets, not articles (bench/facts_quality.py times this summary)."""
    base = _story()
    views = [
        view(i, f"Outlet{i % 40}", base[i % 4].body + f"\n\nReporter {i} added a line {i}.")
        for i in range(100)
    ]
    lines = summarize(views)
    assert lines
    assert lines[0].support == 40
