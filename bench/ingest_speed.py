"""Ingest speed on a growing store: clean + dedupe + cluster + store on SQLite.

    .venv/bin/python bench/ingest_speed.py ../shared/data/ecbplus-dev.jsonl [--total 100000]
    .venv/bin/python bench/ingest_speed.py ../shared/data/pairs-dev --total 20000
    .venv/bin/python bench/ingest_speed.py ../shared/data/ecbplus-dev.jsonl --total 1000000 \
        --workers 2 --stream /tmp/stream1m.jsonl --keep /tmp/store1m.db
    .venv/bin/python bench/ingest_speed.py ../shared/data/ecbplus-dev.jsonl --total 1000000 \
        --workers 2 --stream /tmp/stream1m.jsonl \
        --database-url postgresql://postgres@127.0.0.1:5432/bench1m   # an empty database

The second is a stream in eight languages (the multilingual dev articles, each event being
the articles its pairs say tell one story); only names in Latin letters are renamed there,
so events made from one text in another script share their names.

The stream is built from real texts (a JSONL file with ``text`` and ``cluster``). Each
synthetic event takes one real event's write-ups and gives them new names and numbers (a
consistent renaming per event, so its write-ups still agree with each other and differ from
every other event); the event's articles arrive over a few days, some as wire copies (other
site chrome) or light rewrites (words changed, a paragraph dropped). A new event starts every
20 minutes, so old stories go quiet as in a real feed. Names common in English are kept
(Microsoft, Philadelphia): events built on the same real text (every 41st with ECB+ dev, 14
hours apart: one of its 42 events is told only in briefs, which ``load`` leaves out) share
them, like two real events about one company.

The stream is written to a scratch JSONL file first and ingested from it by the reader
``newsbot ingest`` uses, so the time is the ingest's and not the stream generator's.

Reports articles/s in windows around 10k, 50k, 100k, 500k and 1M stored articles (the cost per
article must stay flat as the store grows) with the process's memory (RSS) there, the peak RSS,
and a brute-force baseline (each new article compared with every stored one by rapidfuzz) on
the first N articles. The facts of the stored originals are found after ingest
(``storage.fact_pass``); that pass is timed on its own. The stream knows which articles are
wire copies and light rewrites of which, and which event each belongs to, so the near-copy
recall and how well the stories match the events are reported too.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import multiprocessing
import random
import re
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rapidfuzz import fuzz
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from wordfreq import zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cluster_quality import scores
from interpreter import interpreter
from sqlalchemy import func, select

from bot.collector import CollectorPolicy
from bot.readers import InputDefaults, iter_paths
from storage.db import SessionFactory, open_database
from storage.fact_pass import FactFinder
from storage.ingest import Ingestor, IngestReport, Item
from storage.models import Article as ArticleRow
from storage.queries import export_rows
from stories.articles import RawArticle, Rejected
from stories.clean import clean_article
from stories.settings import EngineSettings

console = Console()
CHECKPOINTS = (10_000, 50_000, 100_000, 500_000, 1_000_000)
WINDOW = 2_000
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_LOWER = re.compile(r"\b[a-z]{3,}\b")
_DIGITS = re.compile(r"[0-9]")
_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ver",
    "tan",
    "sul",
    "bri",
    "dor",
    "en",
    "zu",
    "pal",
    "rik",
    "mon",
    "ta",
    "vel",
    "gar",
    "ine",
    "os",
    "ha",
    "lin",
    "qu",
    "der",
    "ami",
    "ros",
]


@dataclass(frozen=True)
class Source:
    text: str
    cluster: str


def load(path: Path) -> dict[str, list[str]]:
    """The source texts by event, those long enough for a page only.

    The stream stands for pages, but it is ingested from JSONL, where a brief of one sentence
    is kept: texts a page would be rejected for (too little prose) are left out, so the stream
    is made of what a page-based stream would store.

    ``path`` is a JSONL file with ``text`` and ``cluster``, or a ``pairs-dev`` folder
    (``articles.jsonl`` and ``pairs.jsonl``), whose events are the articles that pairs say
    tell the same story (every other article an event of its own).
    """
    if path.is_dir():
        rows, cluster_of = _pairs_events(path)
    else:
        with path.open(encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle]
        cluster_of = {}
    events: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        page = RawArticle(text=row["text"], title=_title(row["text"]))
        if not isinstance(clean_article(page), Rejected):
            events[cluster_of.get(row.get("id", ""), row.get("cluster", row.get("id")))].append(
                row["text"]
            )
    return dict(events)


def _pairs_events(folder: Path) -> tuple[list[dict[str, str]], dict[str, str]]:
    """The articles of a pairs folder and, for those in same-story pairs, their event."""
    with (folder / "articles.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        while parent.get(item, item) != item:
            item = parent[item]
        return item

    with (folder / "pairs.jsonl").open(encoding="utf-8") as handle:
        for pair in map(json.loads, handle):
            if pair["same_story"]:
                parent[root(pair["id1"])] = root(pair["id2"])
    return rows, {row["id"]: root(row["id"]) for row in rows}


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


class Vocabulary:
    """The source texts' lowercase words, bucketed by how common they are in English."""

    def __init__(self, events: dict[str, list[str]]) -> None:
        words = {w for texts in events.values() for t in texts for w in _LOWER.findall(t)}
        buckets: dict[int, list[str]] = defaultdict(list)
        for word in sorted(words):
            buckets[round(zipf_frequency(word, "en"))].append(word)
        self.bucket_of = {w: b for b, ws in buckets.items() for w in ws}
        self.buckets = dict(buckets)
        self.index = {w: i for ws in buckets.values() for i, w in enumerate(ws)}


class Renamer:
    """One synthetic event's consistent rewording: names, digits and content words.

    Content words are swapped for other words of the same commonness (an affine permutation
    within each bucket), so two events built on the same real text share little more than
    function words, while the write-ups of one event keep what they really share.
    """

    def __init__(self, rng: random.Random, vocabulary: Vocabulary) -> None:
        self.rng = rng
        self.vocabulary = vocabulary
        self.names: dict[str, str] = {}
        digits = list("0123456789")
        rng.shuffle(digits)
        self.digits = dict(zip("0123456789", digits, strict=True))
        self.shift = rng.randrange(1, 1 << 30)

    def _rename(self, match: re.Match[str]) -> str:
        word = match.group(0)
        if zipf_frequency(word.lower(), "en") >= 4.0:
            return word
        if word not in self.names:
            self.names[word] = _name(self.rng)
        return self.names[word]

    def _reword(self, match: re.Match[str]) -> str:
        word = match.group(0)
        bucket = self.vocabulary.bucket_of.get(word)
        if bucket is None or bucket >= 6:
            return word
        words = self.vocabulary.buckets[bucket]
        return words[(self.vocabulary.index[word] + self.shift) % len(words)]

    def __call__(self, text: str) -> str:
        text = _CAPITALISED.sub(self._rename, text)
        text = _LOWER.sub(self._reword, text)
        return _DIGITS.sub(lambda m: self.digits[m.group(0)], text)


def _light_rewrite(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(max(1, len(words) // 40)):
        i = rng.randrange(len(words))
        words[i] = rng.choice(["reportedly", "also", "on Monday", "said", "further"])
    sentences = " ".join(words).split(". ")
    if len(sentences) > 4:
        del sentences[rng.randrange(1, len(sentences))]
    return ". ".join(sentences)


def _wire_copy(text: str, outlet: str) -> str:
    return f"{outlet} | World\n\n{text}\n\nRead more stories on {outlet}\nShare this article"


def stream(events: dict[str, list[str]], total: int, seed: int = 7) -> Iterator[RawArticle]:
    rng = random.Random(seed)
    outlets = [
        f"{_name(rng)} {rng.choice(['Times', 'Post', 'News', 'Herald', 'Daily'])}"
        for _ in range(300)
    ]
    keys = sorted(events)
    vocabulary = Vocabulary(events)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    made = 0
    event_no = 0
    pending: list[tuple[datetime, int, RawArticle]] = []
    while made < total:
        # A new event roughly every 20 minutes; its articles arrive over up to three days.
        begins = start + timedelta(minutes=20 * event_no)
        base = events[keys[event_no % len(keys)]]
        rename = Renamer(random.Random(rng.random()), vocabulary)
        for number, text in enumerate(base):
            when = begins + timedelta(hours=rng.uniform(0, 72))
            outlet = rng.choice(outlets)
            body = rename(text)
            pending.append((when, made, _article(body, outlet, when, event_no, number)))
            made += 1
            roll = rng.random()
            if roll < 0.15:
                copier = rng.choice(outlets)
                pending.append(
                    (
                        when + timedelta(hours=1),
                        made,
                        _article(_wire_copy(body, copier), copier, when, event_no, f"{number}c"),
                    )
                )
                made += 1
            elif roll < 0.25:
                pending.append(
                    (
                        when + timedelta(hours=2),
                        made,
                        _article(
                            _light_rewrite(body, rng),
                            rng.choice(outlets),
                            when,
                            event_no,
                            f"{number}r",
                        ),
                    )
                )
                made += 1
        event_no += 1
        cutoff = begins
        pending.sort()
        while pending and pending[0][0] < cutoff:
            yield pending.pop(0)[2]
    pending.sort()
    for _, _, article in pending:
        yield article


def write_stream(events: dict[str, list[str]], total: int, path: Path) -> None:
    """The stream as a JSONL file, one article per line, as ``newsbot ingest`` reads it."""
    columns = [TextColumn("[bold]stream"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with path.open("w", encoding="utf-8") as out, Progress(*columns, console=console) as progress:
        task = progress.add_task("stream", total=total)
        for article in stream(events, total):
            published = article.published.isoformat() if article.published else None
            record = {
                "id": article.external_id,
                "url": article.url,
                "outlet": article.outlet,
                "title": article.title,
                "text": article.text,
                "published": published,
            }
            out.write(json.dumps(record) + "\n")
            progress.advance(task)


def read_stream(path: Path, first: int | None = None) -> Iterator[Item]:
    return itertools.islice(iter_paths([path], InputDefaults()), first)


def _title(text: str) -> str:
    """A headline for a source text (ECB+ has none): its first sentence, cut to 150 characters."""
    return text.split(". ", 1)[0][:150]


def _article(text: str, outlet: str, when: datetime, event: int, number: object) -> RawArticle:
    slug = f"e{event}-{number}"
    return RawArticle(
        text=text,
        title=_title(text),
        outlet=outlet,
        published=when,
        url=f"https://{outlet.split()[0].lower()}.example/{slug}",
        external_id=slug,
        origin=slug,
    )


def rss_mb() -> float:
    """The peak RSS so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_now_mb() -> float:
    """The RSS now (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def measure(
    source: Path, total: int, url: str, pool: Executor | None, *, facts: bool
) -> dict[str, float]:
    _, sessions = await open_database(url)
    async with sessions() as session:
        if await session.scalar(select(func.count()).select_from(ArticleRow)):
            raise SystemExit(f"{url} holds articles already: give an empty database")
    ingestor = Ingestor(
        sessions, EngineSettings(), batch_size=500, executor=pool, housekeeping=CollectorPolicy()
    )
    marks: dict[int, float] = {}
    memory: dict[int, float] = {}
    figures: dict[str, float] = {}
    report_box: list[IngestReport] = []
    columns = [
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    ]
    wanted = {c - WINDOW for c in CHECKPOINTS if c <= total} | {
        c for c in CHECKPOINTS if c <= total
    }
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("ingest", total=total, rate="")
        started = time.perf_counter()

        def tick(report: IngestReport) -> None:
            seen = report.seen
            now = time.perf_counter()
            for mark in wanted:
                if mark not in marks and seen >= mark:
                    marks[mark] = now
                    memory[mark] = rss_now_mb()
                    if mark in CHECKPOINTS and mark - WINDOW in marks:
                        # Also as it happens: a run stopped early keeps what it measured.
                        progress.console.print(
                            f"around {mark:,}: {WINDOW / (now - marks[mark - WINDOW]):.0f}"
                            f" articles/s, RSS {memory[mark]:.0f} MB,"
                            f" {seen / (now - started):.0f} articles/s so far"
                        )
            progress.update(task, completed=seen, rate=f"{seen / (now - started):.0f}/s")
            report_box[:] = [report]

        report = await ingestor.ingest(read_stream(source, total), progress=tick)
        elapsed = time.perf_counter() - started
    for checkpoint in CHECKPOINTS:
        if checkpoint in marks and checkpoint - WINDOW in marks:
            figures[f"articles/s around {checkpoint:,}"] = WINDOW / (
                marks[checkpoint] - marks[checkpoint - WINDOW]
            )
            figures[f"RSS at {checkpoint:,} (MB)"] = memory[checkpoint]
    figures["articles/s overall"] = report.seen / elapsed
    figures["peak RSS after ingest (MB)"] = rss_mb()
    if facts:
        await find_facts(sessions, pool, figures)
    async with sessions() as session:
        rows = [row async for row in export_rows(session)]
    figures.update(copy_recall({row.id: row.near_copy_of for row in rows}))
    # Ids are e<event>-<number>[c|r]: the synthetic event an article (or copy) belongs to.
    quality = scores([row.id.split("-")[0] for row in rows], [row.story for row in rows])
    figures["stories vs synthetic events, BCubed F1 (%)"] = 100.0 * quality["b3_f1"]
    figures["stories vs synthetic events, pairwise F1 (%)"] = 100.0 * quality["pair_f1"]
    figures["stored"] = report.added
    figures["near-copies"] = report.near_copies
    figures["stories"] = len(report.new_stories)
    figures["rejected"] = len(report.rejected)
    return figures


async def find_facts(
    sessions: SessionFactory, pool: Executor | None, figures: dict[str, float]
) -> None:
    """The facts pass over the stored originals, timed on its own."""
    finder = FactFinder(sessions, pool, housekeeping=CollectorPolicy())
    pending = await finder.pending()
    facts_columns = [TextColumn("[bold]facts"), BarColumn(), MofNCompleteColumn()]
    with Progress(*facts_columns, TimeElapsedColumn(), console=console) as progress:
        task = progress.add_task("facts", total=pending)
        started = time.perf_counter()
        found = await finder.run(lambda done: progress.update(task, completed=done))
        figures["facts found after ingest (articles/s)"] = found / (time.perf_counter() - started)


def copy_recall(copy_of: dict[str, str | None]) -> dict[str, float]:
    """How well near-copies were marked, from the ids the stream gave.

    Ids are ``e<event>-<number>`` for an original, with ``c`` (wire copy) or ``r`` (rewrite)
    appended for its copies. An original that is itself a copy of another (ECB+ holds some
    real reprints of one agency story) passes its own original on, so either counts as right;
    an original marked as a copy of another synthetic event's article is plainly wrong.
    """
    found = {"c": [0, 0], "r": [0, 0]}
    originals = wrong = 0
    for id_, marked in copy_of.items():
        kind = id_[-1]
        if kind not in found:
            originals += 1
            wrong += marked is not None and marked.split("-")[0] != id_.split("-")[0]
            continue
        original = id_[:-1]
        if original in copy_of:
            found[kind][1] += 1
            found[kind][0] += marked is not None and marked in (original, copy_of[original])
    return {
        "wire copies marked (%)": 100.0 * found["c"][0] / max(1, found["c"][1]),
        "light rewrites marked (%)": 100.0 * found["r"][0] / max(1, found["r"][1]),
        "originals marked as copies of another event (%)": 100.0 * wrong / max(1, originals),
    }


async def ours_on_first(source: Path, n: int, db: Path) -> float:
    _, sessions = await open_database(f"sqlite:///{db}")
    ingestor = Ingestor(sessions, EngineSettings(), batch_size=500, housekeeping=CollectorPolicy())
    started = time.perf_counter()
    await ingestor.ingest(read_stream(source, n))
    return n / (time.perf_counter() - started)


def brute_force(events: dict[str, list[str]], n: int) -> float:
    """Each new article compared with every stored one: the naive way to find its story."""
    stored: list[str] = []
    started = time.perf_counter()
    for article in stream(events, n):
        best = 0.0
        for other in stored:
            best = max(best, fuzz.token_set_ratio(article.text, other))
        stored.append(article.text)
    return n / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "data", type=Path, help="JSONL with text and cluster (e.g. ECB+), or a pairs-dev folder"
    )
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument(
        "--baseline", type=int, default=2_000, help="articles for brute force (0: none)"
    )
    parser.add_argument("--keep", type=Path, help="build the store in this file and keep it")
    parser.add_argument(
        "--database-url", help="build the store in this empty database instead (PostgreSQL)"
    )
    parser.add_argument(
        "--stream", type=Path, help="the stream's file: read it when it exists, else write it"
    )
    parser.add_argument("--no-facts", action="store_true", help="leave the facts pass out")
    parser.add_argument(
        "--workers", type=int, default=1, help="processes preparing articles (1: all in one)"
    )
    args = parser.parse_args()
    events = load(args.data)
    spawn = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(args.workers, mp_context=spawn) if args.workers > 1 else None
    with tempfile.TemporaryDirectory() as tmp:
        source = args.stream or Path(tmp) / "stream.jsonl"
        if not source.exists():
            write_stream(events, args.total, source)
        url = args.database_url or f"sqlite:///{args.keep or Path(tmp) / 'speed.db'}"
        figures = asyncio.run(measure(source, args.total, url, pool, facts=not args.no_facts))
        if pool is not None:
            pool.shutdown()
        figures["peak RSS, ingest and facts (MB)"] = rss_mb()
        if args.baseline > 0:
            ours = asyncio.run(ours_on_first(source, args.baseline, Path(tmp) / "base.db"))
            brute = brute_force(events, args.baseline)
            figures[f"ours, first {args.baseline:,} (articles/s)"] = ours
            figures[f"brute force, first {args.baseline:,} (articles/s)"] = brute
            figures["speed ratio (ours / brute force)"] = ours / brute
    where = "one process" if args.workers == 1 else f"{args.workers} preparing processes"
    backend = "PostgreSQL" if args.database_url else "SQLite"
    table = Table(
        title=f"Ingest speed, {args.total:,} articles, {backend}, {where}", caption=interpreter()
    )
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in figures.items():
        table.add_row(name, f"{value:,.1f}" if isinstance(value, float) else f"{value:,}")
    console.print(table)


if __name__ == "__main__":
    main()
