"""People across spellings: transliterations join, different people never merge."""

from __future__ import annotations

import pytest

from stories.names import (
    NameContext,
    is_clear_match,
    match_person_query,
    name_key,
    people_index,
    resolve_people,
    same_person,
    surname_key,
)
from stories.story_input import ArticleView
from tests.support.story_views import person, view

SAME = [
    ("Maria Kalesnikava", "Maria Kolesnikova"),
    ("Kalesnikava", "Kalesnikawa"),
    ("Viktar Babaryka", "Viktor Babariko"),
    ("Ales Bialiatski", "Ales Byalyatsky"),
    ("Ales Bialiatski", "Ales Bialacki"),
    ("Ales Bialiatski", "Ales Bialatski"),
    ("Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"),
    ("John Coale", "John Cole"),
    ("Alexander Lukashenko", "Aliaksandr Lukashenka"),
    ("Dmitry Peskov", "Dzmitry Peskou"),
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
    ("Yevgeny Prigozhin", "Evgeny Prigozhin"),
    ("Mikhail Khodorkovsky", "Mikhail Chodorkowski"),
    ("J. Smith", "John Smith"),
    ("Kolesnikova", "Maria Kalesnikava"),
]

DIFFERENT = [
    ("Sergei Tikhanovsky", "Sviatlana Tsikhanouskaya"),
    ("Tikhanovsky", "Sviatlana Tsikhanouskaya"),
    ("Maria Kalesnikava", "Tatsiana Khomich"),
    ("Maria Kalesnikava", "Tatsiana Kalesnikava"),
    ("Alexei Navalny", "Yulia Navalnaya"),
    ("Ivan Petrov", "Anna Petrova"),
    ("John Smith", "Jane Smith"),
    ("John Coale", "John Cooper"),
    ("Kalesnikava", "Kalesnikau"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_spellings_of_one_person_join(a: str, b: str) -> None:
    assert same_person(a, b)
    assert same_person(b, a)
    assert surname_key(a) == surname_key(b) or "Bialacki" in (a + b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_people_stay_apart(a: str, b: str) -> None:
    assert not same_person(a, b)
    assert not same_person(b, a)


def test_key_folds_romanisations() -> None:
    assert name_key("Maria Kalesnikava") == name_key("María Kolesnikova")
    assert name_key("Sviatlana Tsikhanouskaya").split()[-1] == surname_key("Tikhanovskaya")
    assert surname_key("Mr. John Coale's") == surname_key("Cole")


def test_outside_one_story_only_near_exact_full_names_match() -> None:
    elsewhere = NameContext(same_story=False)
    assert same_person("Maria Kalesnikava", "Maria Kalesnikava", elsewhere)
    assert not same_person("Kalesnikava", "Maria Kalesnikava", elsewhere)
    assert not same_person("John Coale", "John Cooke", elsewhere)


@pytest.mark.parametrize(
    ("written", "language"),
    [("Джоном Коулом", "ru"), ("Джон Коул", "uk"), ("Τζον Κόουλ", "el")],
)
def test_an_english_name_is_one_person_as_other_scripts_say_it(written: str, language: str) -> None:
    """Coale keeps two consonants in Cyrillic and Greek, too few for a surname alone; with
    the given name said the same (J as Дж, Τζ) in one story, it is one person."""
    here = NameContext(language_a=language)
    assert same_person(written, "John Coale", here)
    assert same_person(written, "John Cole", here)
    assert not same_person(
        written, "John Coale", NameContext(language_a=language, same_story=False)
    )


@pytest.mark.parametrize(
    ("written", "language", "english"),
    [
        ("Alexandre Loukachenko", "fr", "Alexander Lukashenko"),
        ("Aleksander Łukaszenka", "pl", "Alexander Lukashenko"),
        ("Λουκασένκο", "el", "Alexander Lukashenko"),
        ("Σβετλάνα Τιχανόφσκαγια", "el", "Sviatlana Tsikhanouskaya"),
    ],
)
def test_a_name_is_one_person_as_each_language_spells_its_sounds(
    written: str, language: str, english: str
) -> None:
    """French writes Russian ш as ch, Polish as sz, Greek as σ, and Greek writes y as γι."""
    assert same_person(written, english, NameContext(language_a=language))


@pytest.mark.parametrize("other", ["James Coale", "Jane Cole", "John Cooke"])
def test_a_name_said_otherwise_is_another_person(other: str) -> None:
    assert not same_person("Джоном Коулом", other, NameContext(language_a="ru"))


def test_people_index_groups_candidates() -> None:
    index = people_index(["Maria Kalesnikava", "Maria Kolesnikova", "John Coale"])
    assert sorted(index[surname_key("Kalesnikawa")]) == ["Maria Kalesnikava", "Maria Kolesnikova"]


def _earthquake_views() -> list[ArticleView]:
    a = (
        "Rescue chief Ahmet Yilmaz said 14 people died. "
        "Governor Elif Demir, the regional governor, visited the site."
    )
    b = "Rescue official Ahmet Yılmaz spoke to reporters. Demir promised aid."
    c = "Ahmed Yilmaz, the head of rescue teams, said more bodies may be found."
    d = "Mehmet Yilmaz, a shopkeeper, said his shop collapsed."
    return [
        view(
            1,
            "Alpha",
            a,
            (
                person(a, "Ahmet Yilmaz", description="rescue chief"),
                person(a, "Elif Demir", description="the regional governor"),
            ),
        ),
        view(2, "Beta", b, (person(b, "Ahmet Yılmaz"), person(b, "Demir"))),
        view(3, "Gamma", c, (person(c, "Ahmed Yilmaz", description="the head of rescue teams"),)),
        view(4, "Delta", d, (person(d, "Mehmet Yilmaz", description="a shopkeeper"),)),
    ]


def test_resolve_people_groups_spellings_and_keeps_others_apart() -> None:
    people = resolve_people(_earthquake_views())
    by_name = {p.name: p for p in people}
    ahmet = by_name["Ahmet Yilmaz"]
    assert ahmet.spellings == {
        "Ahmet Yilmaz": frozenset({1}),
        "Ahmet Yılmaz": frozenset({2}),
        "Ahmed Yilmaz": frozenset({3}),
    } or set(ahmet.spellings) == {"Ahmet Yilmaz", "Ahmet Yılmaz", "Ahmed Yilmaz"}
    assert ahmet.article_ids == {1, 2, 3}
    assert [d.outlet for d in ahmet.descriptions] == ["Alpha", "Gamma"]
    assert "Mehmet Yilmaz" in by_name
    assert by_name["Elif Demir"].article_ids == {1, 2}


def test_surname_alone_joins_the_matching_gender() -> None:
    a = "Sergei Tikhanovsky was freed. His wife Sviatlana Tsikhanouskaya welcomed him."
    b = "Tikhanovsky spoke to reporters. Tsikhanouskaya did not."
    views = [
        view(1, "A", a, (person(a, "Sergei Tikhanovsky"), person(a, "Sviatlana Tsikhanouskaya"))),
        view(2, "B", b, (person(b, "Tikhanovsky"), person(b, "Tsikhanouskaya"))),
    ]
    people = {p.name: p for p in resolve_people(views)}
    assert set(people) == {"Sergei Tikhanovsky", "Sviatlana Tsikhanouskaya"}
    assert people["Sergei Tikhanovsky"].article_ids == {1, 2}
    assert people["Sviatlana Tsikhanouskaya"].article_ids == {1, 2}


def test_canonical_name_is_the_most_used_spelling() -> None:
    bodies = ["John Coale spoke.", "John Coale said so.", "John Cole said so too."]
    views = [view(i, f"O{i}", b, (person(b, b.split(" s")[0]),)) for i, b in enumerate(bodies)]
    (envoy,) = resolve_people(views)
    assert envoy.name == "John Coale"
    assert envoy.spellings == {"John Coale": frozenset({0, 1}), "John Cole": frozenset({2})}


def test_surface_spelling_variant_is_recorded() -> None:
    body = "Ales Bialatski arrived. Ales Bialiatski smiled."
    mentions = (
        person(body, "Ales Bialiatski", surface="Ales Bialatski"),
        person(body, "Ales Bialiatski"),
    )
    (bialiatski,) = resolve_people([view(7, "P", body, mentions)])
    assert set(bialiatski.spellings) == {"Ales Bialiatski", "Ales Bialatski"}


CANDIDATES = [
    "Maria Kalesnikava",
    "Sergei Tikhanovsky",
    "Sviatlana Tsikhanouskaya",
    "Viktar Babaryka",
    "John Coale",
    "Ales Bialiatski",
    "Alexander Lukashenko",
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kalesnikava", "Maria Kalesnikava"),
        ("Kolesnikova", "Maria Kalesnikava"),
        ("kalesnikva", "Maria Kalesnikava"),
        ("Babariko", "Viktar Babaryka"),
        ("Cole", "John Coale"),
        ("Bialacki", "Ales Bialiatski"),
        ("Tikhanovsky", "Sergei Tikhanovsky"),
        ("Tikhanovskaya", "Sviatlana Tsikhanouskaya"),
        ("Svetlana Tikhanovskaya", "Sviatlana Tsikhanouskaya"),
        ("Lukashenka", "Alexander Lukashenko"),
    ],
)
def test_query_finds_the_person(query: str, expected: str) -> None:
    ranked = match_person_query(query, CANDIDATES)
    assert ranked[0][0] == expected
    assert is_clear_match(ranked)


def test_query_reports_ambiguity_and_misses() -> None:
    ranked = match_person_query("Smith", ["John Smith", "Jane Smith", "Maria Kalesnikava"])
    assert {n for n, _ in ranked[:2]} == {"John Smith", "Jane Smith"}
    assert not is_clear_match(ranked)
    assert match_person_query("Obama", CANDIDATES) == []
