"""/summary picks the sentences most outlets share, without repeating itself."""

from __future__ import annotations

from stories.story_input import ArticleView
from stories.summarize import summarize
from tests.stories.story_views import view

SHARED_LEAD = "A magnitude 6.1 earthquake struck the Turkish town of Elbistan on Monday morning."
SHARED_TOLL = "Officials said 14 people died and 120 were injured in the Elbistan earthquake."
SHARED_AID = "The Red Crescent sent tents and blankets to Elbistan families on Monday night."


def _story() -> list[ArticleView]:
    bodies = [
        f"{SHARED_LEAD} {SHARED_TOLL}\n\nThe quake cut power to the Hatay airport for six hours. "
        f"{SHARED_AID}",
        "An earthquake of magnitude 6.1 hit Elbistan, a Turkish town, on Monday morning. "
        "At least 14 people died and 120 were injured in the earthquake, officials said.\n\n"
        "Rescuers pulled two survivors from a collapsed school in Elbistan. "
        "Tents and blankets were sent by the Red Crescent to families on Monday night.",
        "The Turkish town of Elbistan was struck by a 6.1 magnitude earthquake on Monday morning. "
        "The mayor, Ana Lopez, promised to rebuild every destroyed house within a year.\n\n"
        "The earthquake killed 14 people and injured 120, officials said.",
        "Elbistan, a Turkish town, was hit by a magnitude 6.1 earthquake on Monday morning. "
        "Local football fans collected donations for the victims at the weekend match.",
    ]
    return [view(i + 1, f"Outlet{i + 1}", body) for i, body in enumerate(bodies)]


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
