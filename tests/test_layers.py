"""Imports point one way: bot -> handlers -> storage -> stories, the engine imports no
database, HTTP or chat library, and each platform's front end stands alone (import-linter
contracts in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_layers_are_kept() -> None:
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(linter), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 broken" in result.stdout, result.stdout


def test_handlers_never_import_a_chat_platform() -> None:
    for path in (ROOT / "handlers").rglob("*.py"):
        source = path.read_text()
        for platform in ("telegram", "slack_bolt", "slack_sdk", "rich"):
            assert f"import {platform}" not in source, path
            assert f"from {platform}" not in source, path
