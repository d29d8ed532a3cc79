"""The `newsbot` command as a user runs it (in-process through Typer's runner)."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

from bot.app import rejected_summary
from bot.logs import Redactor
from stories.articles import Rejected
from tests.support.cli import invoke
from tests.support.seeds import SEEDS


def test_ingest_ask_export(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "too short"}\nnot json\n')
    code, _, err = invoke(db, "ingest", str(SEEDS), str(bad), str(tmp_path / "missing.txt"))
    assert code == 0
    assert "added 5, already known 0, near-copies 0, new stories 1" in err
    assert "bad.jsonl:2" in err
    assert "missing.txt" in err

    code, _, err = invoke(db, "ingest", str(SEEDS))
    assert "added 0, already known 5" in err

    code, out, _ = invoke(db, "ask", "/stories")
    assert code == 0
    assert out.startswith("Stories (1)")

    # people are known once ingest has found the facts (after storing, see storage.fact_pass)
    code, out, _ = invoke(db, "ask", "/who Kalesnikava")
    assert out.startswith("Maria Kalesnikava"), out

    code, out, _ = invoke(db, "ask", "/summary", "--json")
    reply = json.loads(out)
    assert reply["tone"] == "ok"
    assert {
        c["outlet"] for s in reply["sections"] for line in s["lines"] for c in line["citations"]
    }

    code, out, _ = invoke(db, "export")
    rows = [json.loads(line) for line in out.splitlines()]
    assert sorted(r["id"] for r in rows) == ["000", "001", "002", "003", "004"]
    assert {tuple(sorted(r)) for r in rows} == {
        ("id", "language", "near_copy_of", "outlet", "story", "url")
    }
    assert {r["language"] for r in rows} == {"en"}
    assert len({r["story"] for r in rows}) == 1


def test_ask_rejects_non_commands(tmp_path: Path) -> None:
    code, _, err = invoke(tmp_path / "n.db", "ask", "hello")
    assert code == 2
    assert "Not a command" in err


def test_bare_newsbot_seeds_and_chats(tmp_path: Path) -> None:
    code, out, err = invoke(tmp_path / "n.db", input="/stories\nquit\n")
    assert code == 0
    assert "added 5" in err
    assert "Stories (1)" in out


def test_log_lines_and_their_tracebacks_mask_urls() -> None:
    """Whatever logs a source's URL, its message or an exception's, shows it masked."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(Redactor())
    log = logging.getLogger("tests.masked")
    log.addHandler(handler)
    try:
        try:
            raise ConnectionError("cannot reach https://u:pw1@h.example/feed?token=t0k")
        except ConnectionError:
            log.exception("polling %s failed", "https://u:pw1@h.example/feed?token=t0k")
    finally:
        log.removeHandler(handler)
    logged = stream.getvalue()
    assert "polling https://***@h.example/feed?token=*** failed" in logged
    assert "ConnectionError: cannot reach https://***@h.example/feed?token=***" in logged
    assert "pw1" not in logged
    assert "t0k" not in logged


def test_rejected_inputs_are_listed_with_urls_masked() -> None:
    rejected = [
        Rejected("https://u:pw1@h.example/feed?key=k", "HTTP 404"),
        Rejected("a.txt", "empty"),
    ]
    assert rejected_summary(rejected) == [
        "https://***@h.example/feed?key=***: HTTP 404",
        "a.txt: empty",
    ]


def test_ask_writes_a_picture_where_it_is_told_or_beside_the_database(tmp_path: Path) -> None:
    db = tmp_path / "store" / "n.db"
    db.parent.mkdir()
    assert invoke(db, "ingest", str(SEEDS))[0] == 0
    given = tmp_path / "out" / "coverage.png"
    code, out, _ = invoke(db, "ask", "/timeline", "--image", str(given))
    assert code == 0
    assert out.startswith("#1 Lukashenko frees")
    assert out.rstrip().endswith(f"Picture: {given}")
    assert given.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    code, out, _ = invoke(db, "ask", "/timeline 1", "--json")
    picture = json.loads(out)["picture"]
    default = tmp_path / "store" / "pictures" / "timeline-1.png"
    assert picture["path"] == str(default)
    assert picture["filename"] == "timeline-1.png"
    assert picture["bytes"] == len(default.read_bytes())
    assert picture["caption"].startswith("Timeline of #1 Lukashenko frees")

    code, out, err = invoke(db, "ask", "/stories", "--image", str(tmp_path / "none.png"))
    assert code == 0
    assert "This reply has no picture; nothing written." in err
    assert not (tmp_path / "none.png").exists()
