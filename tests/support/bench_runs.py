"""Running a benchmark script and reading its table."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path


def run_bench(*args: str | Path) -> str:
    """A benchmark's output; it must exit 0 (chat_load exits 1 on any missing answer)."""
    env = {**os.environ, "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


def row(output: str, label: str) -> list[str]:
    """The cells after the label of the table row that starts with ``label``."""
    for cells in table_rows(output):
        if cells[0] == label:
            return cells[1:]
    raise AssertionError(f"no row {label!r} in:\n{output}")


ROOT = Path(__file__).resolve().parents[2]


def table_rows(output: str) -> list[list[str]]:
    """The cells of every table row a benchmark printed (rich's box characters)."""
    rows = []
    for line in map(str.strip, output.splitlines()):
        if line[:1] in "│┃" and line[-1:] in "│┃" and len(line) > 1:
            rows.append([cell.strip() for cell in re.split(r"[│┃]", line)[1:-1]])
    return rows
