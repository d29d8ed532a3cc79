"""Multilingual same-story quality on labelled article pairs (``pairs-dev`` style).

Usage::

    .venv/bin/python bench/pairs_quality.py /work/shared/data/pairs-dev
    .venv/bin/python bench/pairs_quality.py DATA --threshold 0.2 --orders 3

Ingests ``articles.jsonl`` into an empty scratch SQLite store as ``newsbot ingest`` does a
JSONL file, then reads, for every pair of ``pairs.jsonl``, whether the two articles ended up
in one story. Prints same-story precision / recall / F1 overall, per language (a pair counts
for each of its languages), for cross-language pairs and per language pair, the articles the
ingest rejected with the reason, and the languages it detected against the labelled ones.
With ``--orders N`` the articles are also ingested in N shuffled orders (the file order groups
articles by language, which a real stream does not).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.cluster_quality import f1, parse_overrides
from bot.collector import CollectorPolicy
from bot.readers import InputDefaults, iter_paths
from storage.db import open_database
from storage.ingest import Ingestor
from storage.queries import export_rows
from stories.cluster import ClusterSettings
from stories.settings import EngineSettings


@dataclass(frozen=True)
class Pair:
    id1: str
    id2: str
    lang1: str
    lang2: str
    same: bool


@dataclass
class Outcome:
    """Where each article went: its story (None: rejected) and detected language."""

    story: dict[str, int | None]
    language: dict[str, str | None]
    rejected: list[tuple[str, str]]
    seconds: float


def load(folder: Path) -> tuple[list[dict[str, str]], list[Pair]]:
    with (folder / "articles.jsonl").open(encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines]
    with (folder / "pairs.jsonl").open(encoding="utf-8") as lines:
        pairs = [
            Pair(p["id1"], p["id2"], p["lang1"], p["lang2"], bool(p["same_story"]))
            for p in map(json.loads, lines)
        ]
    return articles, pairs


def ingest(
    articles: Sequence[dict[str, str]], order: Sequence[int], settings: ClusterSettings
) -> Outcome:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for i in order:
                a = articles[i]
                record = {"id": a["id"], "title": a.get("title") or None, "text": a["text"]}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        start = time.perf_counter()
        outcome = asyncio.run(_ingest(source, settings, Path(tmp) / "pairs.db"))
        outcome.seconds = time.perf_counter() - start
    return outcome


async def _ingest(source: Path, settings: ClusterSettings, db: Path) -> Outcome:
    engine, sessions = await open_database(f"sqlite:///{db}")
    try:
        items = iter_paths([source], InputDefaults())
        ingestor = Ingestor(
            sessions, EngineSettings(cluster=settings), housekeeping=CollectorPolicy()
        )
        report = await ingestor.ingest(items)
        story: dict[str, int | None] = {}
        language: dict[str, str | None] = {}
        async with sessions() as session:
            async for row in export_rows(session):
                story[str(row.id)] = row.story
                language[str(row.id)] = row.language
        rejected = [(r.origin, r.reason) for r in report.rejected]
        return Outcome(story, language, rejected, 0.0)
    finally:
        await engine.dispose()


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, same: bool, predicted: bool) -> None:
        if same and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif same:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def score(pairs: Sequence[Pair], outcome: Outcome) -> dict[str, Counts]:
    """Counts overall (``all``), per language, for cross-language pairs and per language pair."""
    groups: dict[str, Counts] = defaultdict(Counts)
    for p in pairs:
        s1, s2 = outcome.story.get(p.id1), outcome.story.get(p.id2)
        predicted = s1 is not None and s1 == s2
        keys = {"all", p.lang1, p.lang2, "-".join(sorted((p.lang1, p.lang2)))}
        if p.lang1 != p.lang2:
            keys.add("cross")
        for key in keys:
            groups[key].add(p.same, predicted)
    return groups


def mixed_stories(outcome: Outcome) -> list[list[str]]:
    """The stories told in several languages, each as the ids of its articles.

    pairs-dev labels same-story pairs across languages only for German and English, so the
    joins across other languages that the ingest makes are listed for a reader to judge.
    """
    members: dict[int, list[str]] = defaultdict(list)
    for article_id, story in outcome.story.items():
        if story is not None:
            members[story].append(article_id)
    return [
        ids for ids in members.values() if len({outcome.language.get(i) or "-" for i in ids}) > 1
    ]


def print_mixed(console: Console, outcome: Outcome, titles: dict[str, str]) -> None:
    mixed = mixed_stories(outcome)
    console.print(f"stories told in several languages: {len(mixed)}")
    for ids in mixed:
        console.print(
            "  "
            + " | ".join(
                f"{outcome.language.get(i) or '-'}: {titles[i][:60]}" for i in sorted(ids)
            ),
            markup=False,
            highlight=False,
        )


def print_scores(console: Console, title: str, groups: dict[str, Counts]) -> None:
    table = Table(title=title)
    for name in ("pairs", "same", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(name, justify="right")
    order = sorted(groups, key=lambda k: (k != "all", k != "cross", "-" in k, k))
    for key in order:
        c = groups[key]
        table.add_row(
            key,
            str(c.tp + c.fn),
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            f"{c.f1:.3f}",
            str(c.tp),
            str(c.fp),
            str(c.fn),
        )
    console.print(table)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with articles.jsonl and pairs.jsonl")
    parser.add_argument("--orders", type=int, default=0, help="shuffled orders to run as well")
    for field in ClusterSettings.__dataclass_fields__.values():
        kind = int if field.type in ("int", int) else float
        parser.add_argument("--" + field.name.replace("_", "-"), dest=field.name, type=kind)
    args = parser.parse_args(argv)
    console = Console()
    articles, pairs = load(args.data)
    settings = parse_overrides(args)
    outcome = ingest(articles, range(len(articles)), settings)
    console.print(
        f"{len(articles)} articles, {len(pairs)} pairs ({sum(p.same for p in pairs)} same story); "
        f"one ingest in {outcome.seconds:.1f} s ({len(articles) / outcome.seconds:.0f} articles/s)"
    )
    print_scores(console, "same story, file order", score(pairs, outcome))
    labelled = {a["id"]: a["lang"] for a in articles}
    detected = Counter(
        (labelled[i], outcome.language.get(i) or "-") for i in labelled if i in outcome.language
    )
    wrong = {k: n for k, n in detected.items() if k[0] != k[1]}
    console.print(
        f"language detected as labelled for {sum(detected.values()) - sum(wrong.values())} of "
        f"{sum(detected.values())} stored articles; otherwise (labelled, detected): {wrong}"
    )
    print_mixed(
        console, outcome, {a["id"]: (a.get("title") or a["text"]).split("\n")[0] for a in articles}
    )
    console.print(f"rejected {len(outcome.rejected)}")
    for origin, reason in outcome.rejected:
        console.print(f"  {origin}: {reason}", markup=False, highlight=False)
    if args.orders:
        runs = []
        for seed in range(args.orders):
            order = list(range(len(articles)))
            random.Random(seed).shuffle(order)
            shuffled = ingest(articles, order, settings)
            runs.append((score(pairs, shuffled), len(mixed_stories(shuffled))))
        mean = {
            k: statistics.mean(getattr(r["all"], k) for r, _ in runs)
            for k in ("precision", "recall", "f1")
        }
        cross = statistics.mean(r["cross"].recall for r, _ in runs)
        mixed = statistics.mean(n for _, n in runs)
        console.print(
            f"{args.orders} shuffled orders, mean: P {mean['precision']:.3f} "
            f"R {mean['recall']:.3f} F1 {mean['f1']:.3f}; cross-language recall {cross:.3f}; "
            f"stories told in several languages {mixed:.1f}"
        )


if __name__ == "__main__":
    main()
