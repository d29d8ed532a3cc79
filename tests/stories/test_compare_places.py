"""/diff figures compared by their place in the story: same thing, holder, event, language.

The texts tell events other than the seed story, written for these tests in the way outlets
write (background paragraphs, breakdowns, several people's sentences, other languages).
"""

from __future__ import annotations

from datetime import UTC, datetime

from stories.compare import diff_story
from stories.figures import NumberDiff, NumberDiffKind
from stories.names import resolve_people
from stories.story_input import ArticleView
from tests.support.story_views import number_diffs, told

PUBLISHED = datetime(2026, 3, 15, 12, tzinfo=UTC)


def _views(*articles: tuple[str, str]) -> list[ArticleView]:
    """Articles of one story: (outlet, text); the language is detected from the text."""
    return told(*((outlet, None, text) for outlet, text in articles), published=PUBLISHED)


def _values(diff: NumberDiff) -> set[float]:
    return {v.value for v in diff.values}


def test_background_figures_are_never_compared_with_the_events() -> None:
    views = _views(
        (
            "Valley Post",
            "Floods in the Ardel valley killed 42 people on Saturday, officials said. "
            "Rescue teams evacuated 1,350 residents from the lowest villages. "
            "In 2021, floods in the same valley killed 180 people and forced 9,000 from "
            "their homes.",
        ),
        (
            "River News",
            "Floods in the Ardel valley killed 42 people on Saturday. "
            "Rescue teams evacuated 1,350 residents, the regional governor said. "
            "Last year a landslide nearby killed 35 people.",
        ),
    )
    assert number_diffs(views) == []


def test_a_part_is_compared_with_parts_not_with_its_whole() -> None:
    views = _views(
        (
            "City Wire",
            "Police detained 56 protesters in the capital on Sunday, and 12 of them were "
            "minors. The protesters had gathered outside the parliament building.",
        ),
        (
            "Metro Daily",
            "Police detained 56 protesters outside the parliament on Sunday. Nine of the "
            "detained protesters were minors, according to a rights group.",
        ),
    )
    (diff,) = number_diffs(views)
    assert _values(diff) == {12, 9}
    assert diff.kind is NumberDiffKind.CONFLICT


def test_durations_of_different_people_are_not_merged() -> None:
    views = _views(
        (
            "Court Reporter",
            "The court sentenced opposition activist Ivan Petrov to 12 years in prison on "
            "Friday. His co-defendant Olga Sidorova was sentenced to seven years.",
        ),
        (
            "Daily Ledger",
            "Opposition activist Ivan Petrov was sentenced to 12 years in prison on Friday. "
            "Olga Sidorova, who ran his campaign, received a five-year sentence.",
        ),
    )
    (diff,) = number_diffs(views)
    assert _values(diff) == {7, 5}
    assert diff.kind is NumberDiffKind.CONFLICT
    assert all("Sidorova" in c.sentence for c in diff.citations)


def test_a_rounding_or_bound_the_figure_satisfies_is_no_conflict() -> None:
    views = _views(
        (
            "Coast Times",
            "The storm destroyed 123 homes along the coast on Saturday, officials said.",
        ),
        ("Bay Herald", "The storm destroyed about a hundred homes along the coast on Saturday."),
        ("Shore Radio", "The storm destroyed more than 100 homes along the coast on Saturday."),
    )
    assert all(d.kind is not NumberDiffKind.CONFLICT for d in number_diffs(views))


def test_different_exact_counts_of_one_thing_in_one_event_conflict() -> None:
    views = _views(
        ("Coast Times", "The storm destroyed 123 homes along the coast on Saturday."),
        ("Bay Herald", "The storm destroyed 150 homes along the coast on Saturday."),
    )
    (diff,) = number_diffs(views)
    assert diff.kind is NumberDiffKind.CONFLICT
    assert diff.what.startswith("homes")


def test_a_figure_that_does_not_say_what_it_counts_is_not_in_conflict() -> None:
    views = _views(
        (
            "Prison Watch",
            "More than 1,100 remain behind bars, the rights group said on Saturday.",
        ),
        (
            "Daily Ledger",
            "He spent 1,613 days behind bars before his release on Saturday.",
        ),
    )
    assert number_diffs(views) == []


def test_figures_agree_across_languages_and_are_labelled_in_the_readers() -> None:
    english = (
        "Belarus freed 123 prisoners on Saturday. 114 of the freed prisoners were taken to "
        "Ukraine and nine went to Lithuania, officials said."
    )
    russian = (
        "Беларусь в субботу освободила 123 заключённых. По данным властей, 114 человек были "
        "вывезены в Украину, ещё девять — в Литву."
    )
    views = _views(
        ("AP", english),
        ("Reuters", english.replace("officials", "a spokesman")),
        ("Meduza", russian),
    )
    assert [v.language for v in views] == ["en", "en", "ru"]
    diff = diff_story(views, resolve_people(views), "en")
    agreed = {d.values[0].value: d for d in diff.agreed_numbers}
    assert {"AP", "Reuters", "Meduza"} <= set(agreed[114].values[0].outlets)
    assert {"AP", "Reuters", "Meduza"} <= set(agreed[123].values[0].outlets)
    assert not agreed[114].what.startswith("“"), "labelled by the English figures' words"
    russian_reader = diff_story(views, resolve_people(views), "ru")
    label = {d.values[0].value: d.what for d in russian_reader.agreed_numbers}[114]
    assert "человек" in label


def test_figures_of_other_languages_are_never_in_conflict_with_each_other() -> None:
    views = _views(
        ("AP", "Belarus freed 123 prisoners on Saturday, officials said."),
        ("Meduza", "Беларусь в субботу освободила 130 заключённых, сообщили власти."),
    )
    assert number_diffs(views) == []


def test_figures_that_count_different_things_are_no_breakdown() -> None:
    """The dead and the injured do not add up to another outlet's dead, nor do the digits of
    a helpline's number."""
    views = _views(
        (
            "Border Post",
            "The car bomb killed 20 people and wounded 27 people in the town centre on "
            "Sunday. Relatives can call the helpline on 0800 111 222.",
        ),
        (
            "Valley Wire",
            "The car bomb killed 47 people in the town centre on Sunday, the governor said. "
            "The helpline number is 333.",
        ),
    )
    assert all(d.kind is not NumberDiffKind.BREAKDOWN for d in number_diffs(views))


def test_a_bound_the_figure_meets_or_an_order_of_magnitude_is_not_shown() -> None:
    """ "up to five" and "five", "dozens" and "27": nothing a reader needs; "more than 100"
    and "123" is a description worth showing beside the figure."""
    views = _views(
        ("Coast Times", "The landslide killed five people in the village on Saturday."),
        ("Bay Herald", "The landslide killed up to five people in the village on Saturday."),
        ("Shore Radio", "The storm destroyed 27 homes in the village on Saturday."),
        ("Hill News", "The storm destroyed dozens of homes in the village on Saturday."),
    )
    assert number_diffs(views) == []
    views = _views(
        ("Coast Times", "The storm destroyed 123 homes in the village on Saturday."),
        ("Bay Herald", "The storm destroyed more than 100 homes in the village on Saturday."),
    )
    (diff,) = number_diffs(views)
    assert diff.kind is NumberDiffKind.QUALIFIED
