"""The benchmarks still run, each on a small data set, and report what they should.

README's figures come from ``bench/``, so a benchmark broken by a change is a broken
deliverable. Each runs here as a user runs it (a subprocess from the project root) on three
events: the seed story told by five outlets and two more told three ways each. Nothing is
timed: the checks are on what the benchmarks count.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.support.articles import MERGER, QUAKE
from tests.support.bench_runs import ROOT, row, run_bench, table_rows


def _tellings(text: str) -> list[str]:
    """Three write-ups of one text: as it is, without its last paragraph, and its paragraphs
    in another order."""
    paragraphs = text.split("\n\n")
    return [text, "\n\n".join(paragraphs[:-1]), "\n\n".join([*paragraphs[1:], paragraphs[0]])]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = [p.read_text() for p in sorted((ROOT / "seeds").glob("*.txt"))]
    records = [{"title": t.splitlines()[0], "text": t, "cluster": "belarus"} for t in seeds]
    for cluster, text in (("quake", QUAKE), ("merger", MERGER)):
        records += [
            {"title": t.split(".")[0], "text": t, "cluster": cluster} for t in _tellings(text)
        ]
    path = tmp_path_factory.mktemp("bench") / "events.jsonl"
    path.write_text("".join(json.dumps({**r, "topic": "1"}) + "\n" for r in records))
    return path


@pytest.fixture(scope="module")
def store(data: Path) -> tuple[Path, str]:
    """A store built by the ingest benchmark, and what that benchmark printed."""
    db = data.parent / "speed.db"
    output = run_bench(
        "bench/ingest_speed.py", data, "--total", "400", "--baseline", "40", "--keep", db
    )
    return db, output


def test_cluster_quality_scores_three_plain_events_perfectly(data: Path) -> None:
    output = run_bench("bench/cluster_quality.py", data, "--orders", "2")
    assert "11 articles, 3 events; 0 rejected" in output
    for label in ("file", "shuffled mean", "shuffled worst"):
        assert row(output, label) == ["1.000"] * 6


def test_ingest_speed_counts_the_stream_it_made(store: tuple[Path, str]) -> None:
    _, output = store
    assert row(output, "wire copies marked (%)") == ["100.0"]
    assert row(output, "rejected") == ["0"]
    assert int(row(output, "stored")[0].replace(",", "")) >= 400
    assert float(row(output, "facts found after ingest (articles/s)")[0]) > 0
    assert float(row(output, "speed ratio (ours / brute force)")[0]) > 0


def test_command_latency_answers_without_errors(store: tuple[Path, str], data: Path) -> None:
    db, _ = store
    output = run_bench("bench/command_latency.py", data, "--db", db, "--samples", "5")
    for label in (
        "/summary <id>",
        "/diff <id>",
        "/who <name>",
        "/stories",
        "/stories <words>",
        "/summary <words>",
    ):
        cells = row(output, label)
        assert int(cells[0]) > 0, cells
        assert cells[-1] == "0", cells


def test_chat_load_answers_every_command_once(store: tuple[Path, str], data: Path) -> None:
    db, _ = store
    output = run_bench(
        "bench/chat_load.py",
        data,
        "--db",
        db,
        "--commands",
        "20",
        "--concurrency",
        "5",
        "--settle",
        "0.2",
    )
    errors = re.findall(r"err=(\d+)", output)
    assert errors
    assert set(errors) == {"0"}


def test_digest_fanout_sends_each_digest_once(
    store: tuple[Path, str], data: Path, tmp_path: Path
) -> None:
    db, _ = store
    output = run_bench(
        "bench/digest_fanout.py",
        data,
        "--db",
        db,
        "--subscriptions",
        "50",
        "--scratch",
        "--scratch-dir",
        tmp_path,
    )
    assert row(output, "exactly once (1 delivery row each, 1 send per sent)") == ["ok"]
    assert row(output, "second catch_up: nothing sent again") == ["ok (all taken)"]


def test_facts_quality_finds_every_gold_item() -> None:
    output = run_bench("bench/facts_quality.py")
    assert row(output, "traps hit")[1] == "0"
    sections = [cells for cells in table_rows(output) if re.fullmatch(r"\d+/\d+", cells[2])]
    assert sections
    for name, recall, found, *_ in sections:
        got, total = found.split("/")
        assert recall == "1.00", name
        assert got == total, name


def test_timeline_render_draws_the_biggest_story(store: tuple[Path, str]) -> None:
    db, _ = store
    output = run_bench("bench/timeline_render.py", "--db", db, "--runs", "2")
    assert re.fullmatch(r"\d+ articles from \d+ outlets", row(output, "story")[0])
    assert int(row(output, "first /timeline, matplotlib imported (ms)")[0].replace(",", "")) > 0
    assert row(output, "PNG")[0].endswith("KiB")


def test_start_time_answers_then_ingests_a_new_article(store: tuple[Path, str]) -> None:
    db, _ = store
    output = run_bench("bench/start_time.py", "--database-url", f"sqlite:///{db}", "--runs", "1")
    assert row(output, "added (1: ingested, not known)") == ["1.00"]
    answered = float(row(output, "first answer, /stories (s)")[0])
    assert 0 < answered <= float(row(output, "first article ingested (s)")[0])


def test_outputs_are_the_same_on_a_second_run(data: Path, tmp_path: Path) -> None:
    """bench/outputs.py writes what two checkouts are compared by: with the clock's values
    replaced, two runs of one checkout write the same bytes."""
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        run_bench("bench/outputs.py", out, data)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert {"10-export.jsonl", "30-summary-001.txt", "40-who-00.txt"} <= set(names)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    digest = (first / "50-digest-01.txt").read_text()
    assert "Since <TIME> UTC." in digest
    assert "--- exit" not in "".join((first / name).read_text() for name in names)
