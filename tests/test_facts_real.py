"""The real labelled set (bench/facts_real/) and the scorer that reads it.

The set's articles live outside the repository (pairs-dev); these tests read only the labels,
the seed files and small texts of their own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.facts_quality import (
    REAL_LABELS,
    LabelError,
    RealStory,
    figure_matches,
    load_real_stories,
    load_real_story,
    score_real_story,
    written_figures,
)
from stories.compare import StoryDiff
from stories.facts import Qualifier
from stories.figures import NumberDiff, NumberDiffKind, NumberValue
from stories.story_input import Citation
from tests.support.articles import QUAKE
from tests.support.bench_runs import row, run_bench

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = {"en", "ru", "de", "es", "pl", "tr", "ar", "fr"}


def test_every_labelled_story_parses_and_cites_its_own_articles() -> None:
    stories = load_real_stories(REAL_LABELS)
    real = [s for s in stories if s.source == "pairs-dev"]
    assert len(real) >= 25
    assert {lang for s in real for lang in s.articles.values()} == LANGUAGES
    assert any(len(set(s.articles.values())) > 1 for s in real), "no cross-language story"
    assert sum(len(s.differences) for s in real) >= 10
    for story in stories:
        assert len(story.articles) >= 2, story.name
        for item in (*story.differences, *story.rejects, *story.agreements):
            for figure in item.figures:
                assert figure.articles <= set(story.articles), story.name
                assert figure.numbers, (story.name, figure.text)


def test_the_seed_story_names_seed_files() -> None:
    seeds = [s for s in load_real_stories(REAL_LABELS) if s.source == "seeds"]
    prefixes = {p.name[:3] for p in (ROOT / "seeds").glob("*.txt")}
    assert len(seeds) == 1
    assert set(seeds[0].articles) == prefixes


def test_a_label_citing_an_unknown_article_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        'story = "x"\narticles = { "a" = "en", "b" = "en" }\n'
        '[[differences]]\nkind = "conflict"\nvalues = { "3" = ["a"], "4" = ["c"] }\n'
    )
    with pytest.raises(LabelError, match="cites"):
        load_real_story(path)


@pytest.mark.parametrize(
    ("text", "language", "numbers"),
    [
        # figures as pairs-dev articles write them
        ("1 миллион 532 тысячи 618 гривен", "ru", (1_532_618,)),
        ("1 млн 532 тыс. грн", "ru", (1_532_000,)),
        ("два миллиарда рублей", "ru", (2e9,)),
        ("полмиллиарда фунтов", "ru", (5e8,)),
        ("$182 000", "ru", (182_000,)),
        ("минус 4 – плюс 1 градус", "ru", (-4, 1)),
        ("на 3-5 градусов", "ru", (3, 5)),
        ("6.398 Menschen", "de", (6398,)),
        ("1,75 Billionen Yen", "de", (1.75e12,)),
        ("42,6 Prozent", "de", (42.6,)),
        ("neun von zehn Menschen", "de", (9, 10)),
        ("1.000 camas", "es", (1000,)),
        ("26,60 proc.", "pl", (26.6,)),
        ("7 bin 500’ü geçerken", "tr", (7500,)),
        ("80 binden fazla", "tr", (80_000,)),
        ("İki hasta", "tr", (2,)),
        ("بـ٦ مدن جديدة", "ar", (6,)),
        ("١٣٥٩ وحدة سكنية", "ar", (1359,)),
        ("around 800 billion yuan", "en", (8e11,)),
        ("$114.91 billion", "en", (1.1491e11,)),
        ("seven fire tenders", "en", (7,)),
        ("12M acres", "en", (12e6,)),
        ("109 Belarusian citizens and five Ukrainian citizens", "en", (109, 5)),
    ],
)
def test_written_figures_read_numbers_as_outlets_write_them(
    text: str, language: str, numbers: tuple[float, ...]
) -> None:
    written = written_figures(text, language)
    assert written.numbers == pytest.approx(numbers)
    assert not written.vague


@pytest.mark.parametrize(
    ("text", "language", "magnitude"),
    [("thousands of detainees", "en", 1000), ("binlerce hastanın", "tr", 1000)],
)
def test_vague_words_give_an_order_of_magnitude(text: str, language: str, magnitude: float) -> None:
    assert written_figures(text, language).numbers == (magnitude,)
    assert written_figures(text, language).vague


LABELS = """
story = "a shooting"
articles = { "a" = "en", "b" = "en", "c" = "ru" }

[[differences]]
what = "killed"
kind = "conflict"
values = { "killed 26 people" = ["a"], "the toll stood at 20" = ["b"] }

[[differences]]
what = "wounded"
kind = "conflict"
values = { "wounded 57" = ["a"], "42 wounded" = ["b"] }

[[differences]]
what = "freed taken abroad"
kind = "breakdown"
values = { "114" = ["a"], "109 Belarusians and five Ukrainians" = ["b"] }

[[rejects]]
why = "part"
values = { "killed 26 people" = ["a"], "He first killed two people" = ["b"] }

[[agreements]]
what = "the gunman's age"
values = { "the 32-year-old" = ["a"], "32-летний" = ["c"] }
"""
KEYS = {1: "a", 2: "b", 3: "c"}


def _value(value: float, *articles: int, parts: tuple[str, ...] = ()) -> NumberValue:
    citations = tuple(Citation(a, f"outlet {a}", f"sentence {a}") for a in articles)
    return NumberValue(f"{value:g}", value, value, value, Qualifier.EXACT, citations, parts)


def _line(kind: NumberDiffKind, *values: NumberValue) -> NumberDiff:
    return NumberDiff("what", kind, values, 0.0)


@pytest.fixture
def story(tmp_path: Path) -> RealStory:
    path = tmp_path / "shooting.toml"
    path.write_text(LABELS)
    return load_real_story(path)


def test_the_scorer_counts_right_false_and_rejected_lines(story: RealStory) -> None:
    conflict = NumberDiffKind.CONFLICT
    diff = StoryDiff(
        numbers=(
            _line(conflict, _value(26, 1), _value(20, 2)),  # the labelled conflict
            _line(conflict, _value(26, 1), _value(2, 2)),  # a part and its whole
            _line(NumberDiffKind.QUALIFIED, _value(1000, 1), _value(3, 2)),  # nothing labelled
            _line(conflict, _value(20, 1), _value(26, 2)),  # the values, by the wrong outlets
            _line(
                NumberDiffKind.BREAKDOWN,
                _value(114, 1),
                _value(114, 2, parts=("109 Belarusians", "5 Ukrainians")),
            ),
        ),
        spellings=(),
        quotes=(),
        unique=(),
        agreed_numbers=(_line(NumberDiffKind.AGREEMENT, _value(32, 1, 3)),),
    )
    score = score_real_story(story, diff, KEYS)
    assert (score.shown, score.shown_right, score.kind_right) == (5, 2, 2)
    assert (score.conflicts, score.conflicts_right) == (3, 1)
    assert (score.differences, score.differences_found) == (3, 2)
    assert (score.labelled_conflicts, score.conflicts_found) == (2, 1)
    assert score.rejects == {"part": 1}
    assert score.unlabelled == 2
    assert (score.agreements_found, score.cross_agreements_found) == (1, 1)
    assert any("missed conflict 'wounded'" in note for note in score.notes)


def test_a_conflict_shown_for_a_breakdown_is_right_in_numbers_but_not_as_conflict(
    story: RealStory,
) -> None:
    line = _line(
        NumberDiffKind.CONFLICT,
        _value(114, 1),
        _value(114, 2, parts=("109 Belarusians", "5 Ukrainians")),
    )
    score = score_real_story(story, StoryDiff((line,), (), (), ()), KEYS)
    assert (score.shown_right, score.kind_right) == (1, 0)
    assert (score.conflicts, score.conflicts_right) == (1, 0)


def test_a_vague_label_matches_a_value_of_its_order_of_magnitude(tmp_path: Path) -> None:
    path = tmp_path / "prisoners.toml"
    path.write_text(
        'story = "p"\narticles = { "a" = "en", "b" = "en" }\n'
        '[[differences]]\nkind = "qualified"\n'
        'values = { "1,227" = ["a"], "thousands of detainees" = ["b"] }\n'
    )
    vague = load_real_story(path).differences[0].figures[1]
    assert figure_matches(vague, _value(1000, 2), {2: "b"})
    assert figure_matches(vague, _value(3000, 2), {2: "b"})
    assert not figure_matches(vague, _value(100, 2), {2: "b"})
    assert not figure_matches(vague, _value(1000, 1), {1: "a"})


def test_the_benchmark_scores_a_story_from_a_pairs_dev_folder(tmp_path: Path) -> None:
    """Run as a user runs it, on a made-up pairs-dev folder and labels of its own."""
    data = tmp_path / "pairs-dev"
    data.mkdir()
    other = QUAKE.replace("at least 14 people", "at least 16 people")
    records = [
        {"id": "q1", "lang": "en", "title": "", "text": QUAKE, "url": "https://a.example/1"},
        {"id": "q2", "lang": "en", "title": "", "text": other, "url": "https://www.b.example/"},
    ]
    (data / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "quake.toml").write_text(
        'story = "quake"\narticles = { "q1" = "en", "q2" = "en" }\n'
        '[[differences]]\nwhat = "dead"\nkind = "conflict"\n'
        'values = { "at least 14 people" = ["q1"], "at least 16 people" = ["q2"] }\n'
        '[[rejects]]\nwhy = "different-thing"\n'
        'values = { "35 kilometres" = ["q1"], "230 homes" = ["q2"] }\n'
    )
    output = run_bench("bench/facts_quality.py", "--real", data, "--labels", labels)
    cells = row(output, "quake")
    assert cells[:2] == ["en", "2"]
    assert cells[6].endswith("/1")  # differences found / labelled
    assert cells[7].endswith("/1")  # conflicts found / labelled
    assert row(output, "real set")[0] == "1"
