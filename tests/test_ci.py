"""CI runs exactly the test command the README gives a user."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_the_readmes_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text().splitlines()
    (command,) = [line for line in script if line.startswith("python3 -m venv")]
    readme = (ROOT / "README.md").read_text().splitlines()
    assert command in readme
    for check in ("ruff check", "ruff format --check", "mypy", "pytest"):
        assert check in command, check
