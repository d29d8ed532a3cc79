"""A story told by 50+ outlets, as a big event is: write-ups made of the seed articles'
paragraphs (each outlet its own mix, leading with another seed's lead), the short write-ups
in six languages of ``tests.support.multilingual_texts``, and wire copies run by more sites.
Long article URLs, as real sites have, and publication times spread over two days.
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from stories.articles import RawArticle
from tests.support.articles import wire_copy
from tests.support.multilingual_texts import RELEASE, RELEASE_DAY

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PLACES = "Baltic Northern Continental Eastern Capital Harbor Metro Valley Coastal National"
PAPERS = "Times Herald Post Courier Tribune"
#: the outlets of the six languages' write-ups
FOREIGN = {"en": "AP", "ru": "Meduza", "de": "DW", "pl": "PAP", "uk": "Ukrinform", "lt": "LRT"}
WIRE_SITES = ("Riverside Daily", "Lakeshore Gazette", "Summit Journal")
PARAGRAPHS_EACH = 7


def _seeds() -> list[tuple[str, list[str]]]:
    """Each seed's headline and its paragraphs of prose (not bylines or photo credits)."""
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        headline, *rest = [line.strip() for line in lines if line.strip()]
        found.append((headline, [line for line in rest if len(line.split()) >= 12]))
    return found


def _url(outlet: str, number: int) -> str:
    site = outlet.lower().replace("the ", "").replace(" ", "")
    return (
        f"https://www.{site}.example/world/europe/2025/12/13/"
        f"belarus-lukashenko-frees-political-prisoners-nobel-laureate-bialiatski-{number:03d}.html"
    )


def fifty_outlets(seed: int = 27) -> list[RawArticle]:
    """59 articles from 59 outlets: 50 English write-ups, 6 in other languages, 3 wire
    copies of the first three."""
    rng = random.Random(seed)
    seeds = _seeds()
    pool = [paragraph for _, paragraphs in seeds for paragraph in paragraphs]
    outlets = [f"The {place} {paper}" for place in PLACES.split() for paper in PAPERS.split()]
    articles = []
    for number, outlet in enumerate(outlets):
        headline, paragraphs = seeds[number % len(seeds)]
        lead = paragraphs[number // len(seeds) % 3]
        rest = rng.sample([p for p in pool if p != lead], PARAGRAPHS_EACH - 1)
        articles.append(
            RawArticle(
                text="\n\n".join([lead, *rest]),
                title=headline,
                outlet=outlet,
                url=_url(outlet, number),
                published=RELEASE_DAY + timedelta(minutes=rng.randrange(0, 36 * 60)),
            )
        )
    for language, outlet in FOREIGN.items():
        title, text = RELEASE[language]
        articles.append(
            RawArticle(
                text=text,
                title=title,
                outlet=outlet,
                url=_url(outlet, len(articles)),
                published=RELEASE_DAY + timedelta(minutes=rng.randrange(0, 24 * 60)),
            )
        )
    for number, site in enumerate(WIRE_SITES):
        first = articles[number]
        articles.append(
            RawArticle(
                text=wire_copy(first.text, site),
                title=first.title,
                outlet=site,
                url=_url(site, len(articles)),
                published=RELEASE_DAY + timedelta(hours=30),
            )
        )
    return articles
