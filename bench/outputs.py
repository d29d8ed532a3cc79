"""Every user-visible output of a checkout, written to a folder, so that two checkouts can be
diffed byte for byte (``diff -r``): a refactor that claims "behaviour unchanged" is checked
by running this on the commit before it and on it.

It drives the ``newsbot`` command line only (in one process, through typer's test runner),
so that it runs unchanged on any commit that has ``ingest``, ``export`` and ``ask``: the seed
articles and the given JSON Lines files (ECB+ dev) go into a fresh SQLite store, then it
writes the export, the ingest reports, and the replies, plain and as JSON, of ``/stories``
(every page, some searches), ``/summary``, ``/diff`` and ``/articles`` of every story,
``/who`` for a list of names (and misspellings), ``/timeline``'s text, and ``/subscribe``,
``/digest``, ``/unsubscribe`` in the console chat. Wall-clock times (a digest's start, a
subscription's next time, relative ages) are replaced by placeholders; everything else is
kept as printed.

Run it with the Python that can import the checkout to check (its venv, or
``PYTHONPATH=<checkout>`` with another checkout's venv; the folder it runs from does not
matter)::

    .venv/bin/python bench/outputs.py /tmp/out-after ../shared/data/ecbplus-dev.jsonl
    PYTHONPATH=/tmp/before .venv/bin/python bench/outputs.py /tmp/out-before \
        ../shared/data/ecbplus-dev.jsonl --seeds seeds
    diff -r /tmp/out-before /tmp/out-after
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import tempfile
from pathlib import Path

from typer.testing import CliRunner

#: ECB+ articles carry no date: one fixed date keeps their stories' times the same per run
PUBLISHED = "2024-03-01T12:00:00+00:00"
#: people of the seed story and of ECB+ dev, a misspelling, a transliteration, an unknown
NAMES = (
    "Bialiatski",
    "Ales Bialiatski",
    "Lukashenko",
    "Лукашенко",
    "Kolesnikova",
    "Kalesnikava",
    "Tara Reid",
    "Tara Ried",
    "Klitschko",
    "Wladimir Klitschko",
    "Maurice Cheeks",
    "Bush",
    "Obama",
    "Smith",
    "Nobody Atall",
)
SEARCHES = ("Klitschko", "AMD", "coach", "Belarus", "earthquake", "nothingmatches")
SUBSCRIPTIONS = (
    "/subscribe",
    "/digest",
    "/subscribe 07:30 Europe/Warsaw Klitschko",
    "/digest",
    "/subscribe 7pm",
    "/subscribe 25:00",
    "/subscribe 08:00 Mars/Olympus",
    "/subscribe 21:15 UTC+2 AMD coach",
    "/digest",
    "/unsubscribe",
    "/digest",
)
#: what changes with the wall clock, and what stands for it
CLOCK = (
    (re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?([+-]\d\d:\d\d|Z)?"), "<TIME>"),
    (re.compile(r"\b(just now|\d+ (second|minute|hour|day)s? ago)\b"), "<AGO>"),
    (re.compile(r"\bin \d+ ?(h|hours?|min|minutes?)( \d+ ?(min|minutes?))?\b"), "<IN>"),
)
PICTURE = re.compile(r"(Picture: |\"path\": \")[^\n\"]*")


def normalised(text: str) -> str:
    for pattern, placeholder in CLOCK:
        text = pattern.sub(placeholder, text)
    return PICTURE.sub(r"\1<PATH>", text)


class Run:
    def __init__(self, db: Path, out: Path) -> None:
        from bot.cli import cli  # the checkout's, found on sys.path

        self._cli = cli
        self._runner = CliRunner()
        self._db = f"sqlite:///{db}"
        self._out = out
        self._pictures = Path(tempfile.mkdtemp(prefix="outputs-pictures-"))

    def invoke(self, *args: str) -> str:
        result = self._runner.invoke(self._cli, ["--db", self._db, *args])
        text = result.stdout
        # stderr mixed into stdout (older Click) raises ValueError
        with contextlib.suppress(ValueError):
            text += f"\n--- stderr\n{result.stderr}"
        if result.exit_code or result.exception:
            text += f"\n--- exit {result.exit_code} {result.exception!r}"
        return normalised(text)

    def write(self, name: str, text: str) -> None:
        (self._out / name).write_text(text, encoding="utf-8")

    def ask(self, name: str, command: str, changes: bool = False) -> None:
        """The reply, plain, and as JSON unless the command ``changes`` the store."""
        image = ("--image", str(self._pictures / f"{name}.png")) if "timeline" in command else ()
        self.write(f"{name}.txt", f"> {command}\n{self.invoke('ask', command, *image)}")
        if not changes:
            self.write(f"{name}.json", f"> {command}\n{self.invoke('ask', command, '--json')}")


def story_ids(export: str) -> list[int]:
    ids = set()
    for line in export.splitlines():
        if line.startswith("{"):
            story = json.loads(line).get("story")
            if story is not None:
                ids.add(int(story))
    return sorted(ids)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the outputs to (made anew)")
    parser.add_argument("data", nargs="*", help="JSON Lines files to ingest after the seeds")
    parser.add_argument(
        "--seeds",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "seeds",
        help="the seed articles' folder (default: this checkout's)",
    )
    parser.add_argument(
        "--stories",
        type=int,
        default=None,
        help="ask /summary, /diff and /articles of the first N stories only (default: all)",
    )
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="outputs-") as scratch:
        run = Run(Path(scratch) / "store.db", out)
        import bot.cli

        print(f"code: {Path(bot.cli.__file__).parent.parent}", file=sys.stderr)
        run.write("01-ingest-seeds.txt", run.invoke("ingest", str(args.seeds), "--workers", "1"))
        for n, data in enumerate(args.data, 2):
            report = run.invoke("ingest", data, "--published", PUBLISHED, "--workers", "1")
            run.write(f"{n:02d}-ingest-{Path(data).stem}.txt", report)
        export = run.invoke("export")
        run.write("10-export.jsonl", export)
        ids = story_ids(export)
        for page in range(1, len(ids) // 5 + 2):
            run.ask(f"20-stories-page-{page:02d}", f"/stories page {page}")
        run.ask("20-stories", "/stories")
        for word in SEARCHES:
            run.ask(f"21-stories-{word}", f"/stories {word}")
        for story in ids[: args.stories]:
            for command in ("summary", "diff", "articles"):
                run.ask(f"30-{command}-{story:03d}", f"/{command} {story}")
        for command in ("summary", "diff", "articles", "timeline"):
            run.ask(f"31-{command}-latest", f"/{command}")
        run.ask("32-timeline-1", "/timeline 1")
        for n, name in enumerate(NAMES):
            run.ask(f"40-who-{n:02d}", f"/who {name}")
        for n, command in enumerate(SUBSCRIPTIONS):
            run.ask(f"50-digest-{n:02d}", command, changes=not command.startswith("/digest"))
        run.ask("60-help", "/help")
    print(f"{len(list(out.iterdir()))} files in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
