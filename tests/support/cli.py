"""Running the CLI in-process."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bot.cli import cli


def invoke(db: Path, *args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["--db", f"sqlite:///{db}", *args], input=input)
    return result.exit_code, result.stdout, result.stderr


runner = CliRunner()
