"""Story-clustering quality on a labelled JSONL corpus (ECB+ style).

Usage::

    .venv/bin/python bench/cluster_quality.py /work/shared/data/ecbplus-dev.jsonl
    .venv/bin/python bench/cluster_quality.py DATA --threshold 0.3 --orders 5
    .venv/bin/python bench/cluster_quality.py DATA --sweep threshold=0.2:0.5:0.02 --half a

Ingests the articles as ``newsbot ingest`` does a JSONL file (cleaning, near-copies, stories,
second looks and splits, into a scratch SQLite store), in file order and in shuffled orders,
and scores the stories it stored: pairwise and BCubed precision / recall / F1. An article the
ingest rejects counts as a story of its own.
``--half a|b`` keeps every other topic (sorted by number), for split-half robustness checks.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import track
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.collector import CollectorPolicy
from bot.readers import InputDefaults, iter_paths
from storage.db import open_database
from storage.ingest import Ingestor
from storage.queries import export_rows
from stories.cluster import ClusterSettings
from stories.settings import EngineSettings

METRICS = ("pair_p", "pair_r", "pair_f1", "b3_p", "b3_r", "b3_f1")


@dataclasses.dataclass(frozen=True)
class Row:
    title: str
    text: str
    cluster: str
    topic: str


def load(path: Path, half: str | None) -> list[Row]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    topics = sorted({r["topic"] for r in rows}, key=lambda t: (len(t), t))
    keep = set(topics) if half is None else set(topics[0 if half == "a" else 1 :: 2])
    return [
        Row(r["title"], r["text"], r["cluster"], r["topic"]) for r in rows if r["topic"] in keep
    ]


def cluster(rows: Sequence[Row], order: Sequence[int], settings: ClusterSettings) -> list[int]:
    """Story id per article (indexed like ``rows``), ingested in ``order`` from a JSONL file
    by ``newsbot ingest``'s reader; a rejected article gets a story of its own (a negative
    id)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "order.jsonl"
        lines = (json.dumps({"id": i, "title": rows[i].title, "text": rows[i].text}) for i in order)
        source.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        stored = asyncio.run(_ingest(source, settings, Path(tmp) / "quality.db"))
    return [stored.get(i, -1 - i) for i in range(len(rows))]


async def _ingest(source: Path, settings: ClusterSettings, db: Path) -> dict[int, int]:
    engine, sessions = await open_database(f"sqlite:///{db}")
    try:
        items = iter_paths([source], InputDefaults())
        ingestor = Ingestor(
            sessions, EngineSettings(cluster=settings), housekeeping=CollectorPolicy()
        )
        await ingestor.ingest(items)
        async with sessions() as session:
            return {int(row.id): row.story async for row in export_rows(session)}
    finally:
        await engine.dispose()


def pairs(n: int) -> float:
    return n * (n - 1) / 2


def scores(gold: Sequence[str], pred: Sequence[int]) -> dict[str, float]:
    joint = Counter(zip(gold, pred, strict=True))
    g_size, p_size = Counter(gold), Counter(pred)
    tp = sum(pairs(c) for c in joint.values())
    pp, gp = sum(pairs(c) for c in p_size.values()), sum(pairs(c) for c in g_size.values())
    b3_p = statistics.mean(joint[g, p] / p_size[p] for g, p in zip(gold, pred, strict=True))
    b3_r = statistics.mean(joint[g, p] / g_size[g] for g, p in zip(gold, pred, strict=True))
    pair_p, pair_r = (tp / pp if pp else 1.0), (tp / gp if gp else 1.0)
    return {
        "pair_p": pair_p,
        "pair_r": pair_r,
        "pair_f1": f1(pair_p, pair_r),
        "b3_p": b3_p,
        "b3_r": b3_r,
        "b3_f1": f1(b3_p, b3_r),
    }


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(
    rows: Sequence[Row], settings: ClusterSettings, orders: int
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """File-order scores, mean and worst (by BCubed F1) over shuffled orders."""
    gold = [r.cluster for r in rows]
    file_order = scores(gold, cluster(rows, range(len(rows)), settings))
    shuffled = []
    for seed in range(orders):
        order = list(range(len(rows)))
        random.Random(seed).shuffle(order)
        shuffled.append(scores(gold, cluster(rows, order, settings)))
    if not shuffled:
        return file_order, file_order, file_order
    mean = {k: statistics.mean(s[k] for s in shuffled) for k in METRICS}
    worst = min(shuffled, key=lambda s: s["b3_f1"])
    return file_order, mean, worst


def parse_overrides(args: argparse.Namespace) -> ClusterSettings:
    fields = {f.name: f for f in dataclasses.fields(ClusterSettings)}
    changes: dict[str, object] = {}
    for name in fields:
        value = getattr(args, name)
        if value is not None:
            changes[name] = value
    return dataclasses.replace(ClusterSettings(), **changes)  # type: ignore[arg-type]


def sweep_values(spec: str) -> tuple[str, list[float]]:
    name, _, rng = spec.partition("=")
    lo, hi, step = (float(x) for x in rng.split(":"))
    count = round((hi - lo) / step) + 1
    return name, [round(lo + i * step, 6) for i in range(count)]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--orders", type=int, default=20, help="shuffled orders to run")
    parser.add_argument("--half", choices=("a", "b"), help="keep every other topic")
    parser.add_argument("--sweep", help="NAME=LO:HI:STEP, file order + shuffled mean per value")
    for f in dataclasses.fields(ClusterSettings):
        kind = int if f.type in ("int", int) else float
        parser.add_argument("--" + f.name.replace("_", "-"), dest=f.name, type=kind)
    args = parser.parse_args(argv)
    console = Console()
    rows = load(args.data, args.half)
    settings = parse_overrides(args)
    start = time.perf_counter()
    stored = cluster(rows, range(len(rows)), settings)
    seconds = time.perf_counter() - start
    console.print(
        f"{len(rows)} articles, {len({r.cluster for r in rows})} events; "
        f"{sum(s < 0 for s in stored)} rejected by the ingest; "
        f"one ingest in {seconds:.1f} s ({len(rows) / seconds:.0f} articles/s)"
    )
    console.print(settings)
    if args.sweep:
        print_sweep(console, rows, settings, args.sweep, args.orders)
        return
    file_order, mean, worst = evaluate(rows, settings, args.orders)
    table = Table(title="story clustering")
    table.add_column("order")
    for name in METRICS:
        table.add_column(name, justify="right")
    for label, s in (("file", file_order), ("shuffled mean", mean), ("shuffled worst", worst)):
        table.add_row(label, *(f"{s[k]:.3f}" for k in METRICS))
    console.print(table)


def print_sweep(
    console: Console,
    rows: Sequence[Row],
    settings: ClusterSettings,
    spec: str,
    orders: int,
) -> None:
    name, values = sweep_values(spec)
    table = Table(title=f"sweep {name}")
    table.add_column(name, justify="right")
    for label in ("file pair_f1", "file b3_f1", "mean pair_f1", "mean b3_f1", "worst b3_f1"):
        table.add_column(label, justify="right")
    for value in track(values, description="sweep"):
        kind = type(getattr(settings, name))
        varied = dataclasses.replace(settings, **{name: kind(value)})
        file_order, mean, worst = evaluate(rows, varied, orders)
        table.add_row(
            f"{value:g}",
            *(
                f"{x:.3f}"
                for x in (
                    file_order["pair_f1"],
                    file_order["b3_f1"],
                    mean["pair_f1"],
                    mean["b3_f1"],
                    worst["b3_f1"],
                )
            ),
        )
    console.print(table)


if __name__ == "__main__":
    main()
