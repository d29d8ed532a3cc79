"""The /diff engine on invented stories: conflicts, breakdowns, spellings, quotes, details."""

from __future__ import annotations

from stories.compare import diff_story
from stories.details import UniqueDetail, unique_details
from stories.facts import Qualifier
from stories.figures import NumberDiff, NumberDiffKind, number_diffs
from stories.names import resolve_people
from stories.quote_variants import quote_variants
from stories.story_input import ArticleView
from tests.support.story_views import number, person, quote, told, view

QUAKE_A = (
    "A strong earthquake struck the town of Elbistan on Monday morning. "
    "Officials said 14 people died in the quake and 120 were injured. "
    "Two hospitals were damaged. "
    "The quake also cut power to the Hatay airport for six hours. "
    "Mayor Ana Lopez said: “We will rebuild every home that was destroyed.”"
)
QUAKE_B = (
    "A strong earthquake hit the town of Elbistan on Monday. "
    "At least 16 people died in the earthquake, and 120 were injured, the governor said. "
    "Rescuers found two survivors under a collapsed school. "
    "Mayor Anna Lopes promised: “Every destroyed home will be rebuilt.” "
    "She added: “The schools will reopen next week.”"
)
QUAKE_C = (
    "An earthquake struck Elbistan on Monday morning, killing people and injuring 120. "
    "Mayor Ana Lopez said “every home that was destroyed” would be rebuilt by the city."
)


def quake() -> list[ArticleView]:
    a, b, c = QUAKE_A, QUAKE_B, QUAKE_C
    return [
        view(
            1,
            "Alpha",
            a,
            (person(a, "Ana Lopez", "Mayor Ana Lopez", "mayor"),),
            (
                number(a, "14", 14, "people", "died in the quake"),
                number(a, "120", 120, "people", "were injured"),
                number(a, "Two", 2, "hospitals", "were damaged"),
                number(a, "six", 6, "hours", "cut power to the airport"),
            ),
            (quote(a, "We will rebuild every home that was destroyed.", "Ana Lopez"),),
        ),
        view(
            2,
            "Beta",
            b,
            (person(b, "Anna Lopes", "Mayor Anna Lopes", "mayor"),),
            (
                number(b, "16", 16, "people", "died in the earthquake"),
                number(b, "120", 120, "people", "were injured"),
                number(b, "two", 2, "survivors", "found under a collapsed school"),
            ),
            (
                quote(b, "Every destroyed home will be rebuilt.", "Anna Lopes"),
                quote(b, "The schools will reopen next week.", "Anna Lopes"),
            ),
        ),
        view(
            3,
            "Gamma",
            c,
            (person(c, "Ana Lopez", "Mayor Ana Lopez", "mayor"),),
            (number(c, "120", 120, "people", "injuring"),),
            (quote(c, "every home that was destroyed", "Ana Lopez"),),
        ),
    ]


def _by_value(diffs: list[NumberDiff]) -> dict[frozenset[float], NumberDiff]:
    return {frozenset(v.value for v in d.values): d for d in diffs}


def test_a_death_toll_conflict_is_reported_with_outlets() -> None:
    differing, agreed = number_diffs(quake())
    (conflict,) = differing
    assert conflict.kind is NumberDiffKind.CONFLICT
    assert {v.value: v.outlets for v in conflict.values} == {14: ("Alpha",), 16: ("Beta",)}
    assert "16 people died" in conflict.values[1].citations[0].sentence or (
        "16 people died" in conflict.values[0].citations[0].sentence
    )
    (injured,) = agreed
    assert {c.outlet for c in injured.citations} == {"Alpha", "Beta", "Gamma"}


def test_unrelated_numbers_sharing_a_value_are_not_paired() -> None:
    differing, agreed = number_diffs(quake())
    for diff in [*differing, *agreed]:
        assert 2 not in {v.value for v in diff.values}


RESCUE_A = (
    "Thirty workers were rescued from the flooded mine on Friday. "
    "Nine were flown to Perth and 21 were driven to Kalgoorlie. "
    "About 300 workers remain employed at the site."
)
RESCUE_B = (
    "The flooded mine released its last trapped workers on Friday. "
    "25 local workers were rescued, along with 5 foreign workers. "
    "All were checked by doctors, the company said."
)
RESCUE_C = (
    "Rescuers freed 30 workers from a flooded mine on Friday. "
    "More than 250 workers remain employed at the site, the company said."
)


def rescue() -> list[ArticleView]:
    a, b, c = RESCUE_A, RESCUE_B, RESCUE_C
    return [
        view(
            1,
            "Alpha",
            a,
            numbers=(
                number(a, "Thirty", 30, "workers", "were rescued from the flooded mine"),
                number(a, "Nine", 9, "workers", "were flown to Perth"),
                number(a, "21", 21, "workers", "were driven to Kalgoorlie"),
                number(a, "About 300", 300, "workers", "remain employed", Qualifier.ABOUT),
            ),
        ),
        view(
            2,
            "Beta",
            b,
            numbers=(
                number(b, "25", 25, "local workers", "were rescued"),
                number(b, "5", 5, "foreign workers", "along with"),
            ),
        ),
        view(
            3,
            "Gamma",
            c,
            numbers=(
                number(c, "30", 30, "workers", "freed from a flooded mine"),
                number(c, "More than 250", 250, "workers", "remain employed", Qualifier.MORE_THAN),
            ),
        ),
    ]


def test_a_breakdown_that_adds_up_is_consistent() -> None:
    differing, _ = number_diffs(rescue())
    kinds = {d.kind for d in differing}
    assert NumberDiffKind.CONFLICT not in kinds
    (breakdown,) = [d for d in differing if d.kind is NumberDiffKind.BREAKDOWN]
    parts = [v for v in breakdown.values if v.parts]
    assert parts
    assert parts[0].parts == ("25 local workers", "5 foreign workers")
    assert {v.value for v in breakdown.values} == {30}


def test_qualified_figures_are_differing_descriptions_not_a_conflict() -> None:
    differing, _ = number_diffs(rescue())
    (qualified,) = [d for d in differing if d.kind is NumberDiffKind.QUALIFIED]
    assert {v.qualifier for v in qualified.values} == {Qualifier.ABOUT, Qualifier.MORE_THAN}


def test_parts_that_add_up_to_a_total_in_one_article_are_no_conflict() -> None:
    differing, _ = number_diffs(rescue())
    for diff in differing:
        assert {9, 21}.isdisjoint(v.value for v in diff.values)


def test_quote_variants_are_grouped_by_speaker_and_content() -> None:
    views = quake()
    (variant,) = quote_variants(views, resolve_people(views))
    assert variant.speaker == "Ana Lopez"
    assert [v.citation.outlet for v in variant.versions] == ["Alpha", "Beta", "Gamma"]
    assert all("schools" not in v.text for v in variant.versions)


def test_identical_quotes_are_not_variants() -> None:
    body_a = "The minister said “prices will fall” on Tuesday."
    body_b = "Prices will fall, the minister said: “prices will fall”."
    views = [
        view(1, "A", body_a, quotes=(quote(body_a, "prices will fall", "Omar Haddad"),)),
        view(2, "B", body_b, quotes=(quote(body_b, "“prices will fall”", "Omar Haddad"),)),
    ]
    assert quote_variants(views, []) == []


def test_spelling_variants_name_the_outlets() -> None:
    views = quake()
    diff = diff_story(views, resolve_people(views))
    (variant,) = diff.spellings
    assert variant.person == "Ana Lopez"
    assert [(s.spelling, s.outlets) for s in variant.spellings] == [
        ("Ana Lopez", ("Alpha", "Gamma")),
        ("Anna Lopes", ("Beta",)),
    ]


def _details(views: list[ArticleView]) -> dict[str, list[UniqueDetail]]:
    found: dict[str, list[UniqueDetail]] = {}
    for detail in unique_details(views):
        found.setdefault(detail.citation.outlet, []).append(detail)
    return found


def test_unique_details_are_found_and_shared_background_is_not() -> None:
    details = _details(quake())
    alpha = [d.citation.sentence for d in details["Alpha"]]
    assert any("Hatay airport" in s for s in alpha)
    beta = [d.citation.sentence for d in details["Beta"]]
    assert any("collapsed school" in s for s in beta)
    everything = [d.citation.sentence for ds in details.values() for d in ds]
    assert not any("struck" in s or "hit the town" in s for s in everything)


def test_one_outlet_has_no_unique_details() -> None:
    assert unique_details(quake()[:1]) == []


def test_ranked_puts_widely_reported_items_first() -> None:
    views = quake()
    ranked = diff_story(views, resolve_people(views)).ranked()
    outlets = [len({c.outlet for c in item.citations}) for item in ranked]
    assert outlets == sorted(outlets, reverse=True)


def test_another_languages_detail_is_a_person_or_figure_not_its_wording() -> None:
    """Two Russian outlets word the release apart: that is no detail, nor is a given name
    where others write the surname alone (Александр Лукашенко, Лукашенко), nor Джоном Коулом
    (John Coale); the one that names a person nobody else names has one."""
    views = told(
        (
            "AP",
            "en",
            "Belarus freed 123 prisoners on Saturday, including Ales Bialiatski. The release"
            " followed talks with the US envoy John Coale in Minsk.",
        ),
        (
            "Meduza",
            "ru",
            "Президент Беларуси Александр Лукашенко помиловал 123 заключённых. Среди"
            " освобождённых — Алесь Беляцкий. Решение было принято после переговоров со"
            " спецпосланником Джоном Коулом.",
        ),
        (
            "Interfax",
            "ru",
            "Минск выпустил на свободу 123 человека, сообщили правозащитники. Освобождение"
            " стало итогом переговоров Лукашенко с посланником Джоном Коулом. Вместе с"
            " Беляцким на свободу вышел политик Максим Знак, соратник Виктора Бабарико.",
        ),
    )
    details = unique_details(views, resolve_people(views))
    assert [d.citation.outlet for d in details] == ["Interfax"]
    assert "Максим Знак" in details[0].citation.sentence


def test_an_outlets_sentence_told_again_in_its_next_article_is_one_detail() -> None:
    """dev ue2f2331a0a129a11 and u483e06f379c13f02, one outlet's two articles on the Moika
    case: the second repeats a sentence of the first with two words more; another outlet
    tells the rest."""
    views = told(
        (
            "nevnov.ru",
            "ru",
            "Историка привели к месту, где он прыгнул в воду в попытках утопить всплывший"
            " пакет с отрубленными конечностями своей жертвы. Следствие продолжается.",
        ),
        (
            "nevnov.ru",
            "ru",
            "До этого историка привели к месту, где он прыгнул в воду в попытках утопить"
            " всплывший пакет с отрубленными конечностями своей жертвы. Следствие продолжается.",
        ),
        ("paperpaper.ru", "ru", "Историка задержали в Петербурге. Следствие продолжается."),
    )
    details = [d.citation.sentence for d in unique_details(views)]
    assert len([s for s in details if "пакет с отрубленными" in s]) == 1, details
