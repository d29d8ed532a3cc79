"""The seed story: its folder, its articles cleaned and their facts, and its answer key."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from stories.articles import Article, RawArticle
from stories.clean import clean_article
from stories.factfinder import extract_facts
from stories.facts import ArticleFacts

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


SEED_KEYS = ("000", "001", "002", "003", "004")


@cache
def gold() -> dict[str, Any]:
    return tomllib.loads((SEEDS / "gold.toml").read_text())


@cache
def seed_article(key: str) -> Article:
    """A seed as the pipeline sees it: cleaned, published on the day its metadata gives."""
    path = next(SEEDS.glob(f"{key}_*.txt"))
    meta = tomllib.loads(path.with_name(path.stem + ".meta.toml").read_text())
    text = path.read_text()
    published = datetime.combine(meta["published"], datetime.min.time(), UTC)
    raw = RawArticle(text=text, title=text.split("\n", 1)[0], published=published)
    article = clean_article(raw)
    assert isinstance(article, Article)
    return article


@cache
def seed_facts(key: str) -> ArticleFacts:
    return extract_facts(seed_article(key))


def article(*paragraphs: str, captions: tuple[str, ...] = (), day: date | None = None) -> Article:
    published = datetime.combine(day, datetime.min.time(), UTC) if day else None
    return Article(
        title="Test",
        paragraphs=paragraphs,
        captions=captions,
        url=None,
        outlet=None,
        published=published,
        external_id=None,
        origin="test",
    )
