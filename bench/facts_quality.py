"""Quality of /who, /diff and /summary on the seed story, scored against every item of gold.toml.

Usage: ``.venv/bin/python bench/facts_quality.py [seeds_dir] [gold.toml]``

Facts come from ``stories.factfinder.extract_facts``. Until that module exists the report
assembles them from the extractor parts that do exist (``stories.people``, ``numbers``,
``quotes``), and says so in its title.
"""

from __future__ import annotations

import re
import sys
import time
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from rich.console import Console
from rich.table import Table

from stories.clean import clean_article
from stories.compare import NumberDiff, NumberDiffKind, StoryDiff, UniqueDetail, diff_story
from stories.content import coverage, terms
from stories.facts import ArticleFacts, Qualifier
from stories.model import Article, RawArticle
from stories.names import Person, fold, match_person_query, resolve_people, same_person
from stories.sentences import split_sentences
from stories.story_input import ArticleView
from stories.summarize import summarize

ROOT = Path(__file__).resolve().parents[1]
NUMBER_WORDS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())
}

Extractor = Callable[[Article], ArticleFacts]


def _extractor() -> tuple[Extractor, str]:
    try:
        from stories.factfinder import extract_facts
    except ImportError:
        return _from_parts, "extractor parts (stories.factfinder missing)"
    return extract_facts, "stories.factfinder"


def _from_parts(article: Article) -> ArticleFacts:
    """Facts from the extractor modules that exist, when the factfinder does not yet."""
    try:
        from stories.numbers import find_numbers
        from stories.people import find_mentions
        from stories.quotes import find_quotes
    except ImportError:
        return ArticleFacts()
    sentences = split_sentences(article.body)
    captions = split_sentences("\n".join(article.captions))
    mentions = find_mentions(sentences, captions)
    body_mentions = [m for m in mentions if not m.span.in_caption]
    quotes = find_quotes(article.body, sentences, body_mentions)
    return ArticleFacts(mentions=mentions, numbers=find_numbers(sentences), quotes=quotes)


def load_views(seeds: Path, extract: Extractor) -> list[ArticleView]:
    views = []
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text()
        meta_path = path.with_name(path.name.removesuffix(".txt") + ".meta.toml")
        meta = tomllib.loads(meta_path.read_text()) if meta_path.exists() else {}
        article = clean_article(RawArticle(text=text, title=text.splitlines()[0]))
        if not isinstance(article, Article):
            continue
        key = str(meta.get("id", path.name[:3]))
        outlet = str(meta.get("outlet", key))
        views.append(ArticleView(int(key), outlet, None, None, article.body, extract(article)))
    return views


@dataclass
class Section:
    name: str
    found: int = 0
    total: int = 0
    correct: int = 0
    reported: int = 0
    notes: list[str] = field(default_factory=list)

    def recall(self) -> float:
        return self.found / self.total if self.total else 1.0

    def precision(self) -> float:
        return self.correct / self.reported if self.reported else 1.0


def _ids(keys: Sequence[str]) -> set[int]:
    return {int(k) for k in keys}


# ---- names ----


def _person_for(name: str, people: Sequence[Person]) -> Person | None:
    for person in people:
        if any(s.casefold() == name.casefold() for s in person.spellings):
            return person
    return None


def score_names(gold: dict[str, Any], people: Sequence[Person], diff: StoryDiff) -> list[Section]:
    names, lookup, described = (
        Section("names/spellings"),
        Section("/who lookups"),
        Section("descriptions"),
    )
    gold_names = gold.get("names", [])
    canonical = [p.name for p in people]
    for entry in gold_names:
        names.total += 1
        person = _person_for(entry["person"], people)
        spelled = {k.casefold(): v for k, v in person.spellings.items()} if person else {}
        missing = [
            f"{s} {sorted(ids)}"
            for s, ids in entry["spellings"].items()
            if not _ids(ids) <= spelled.get(s.casefold(), frozenset())
        ]
        if person and not missing:
            names.found += 1
        else:
            names.notes.append(f"{entry['person']}: missing {', '.join(missing) or 'person'}")
        for spelling in entry["spellings"]:
            lookup.total += 1
            ranked = match_person_query(spelling.split()[-1], canonical)
            if person and ranked and ranked[0][0] == person.name:
                lookup.found += 1
            else:
                lookup.notes.append(f"/who {spelling.split()[-1]} -> {ranked[:2]}")
        for key, text in entry.get("descriptions", {}).items():
            described.total += 1
            got = [
                d.description
                for d in (person.descriptions if person else ())
                if d.article_id == int(key)
            ]
            if any(fuzz.token_set_ratio(text, d) >= 70 for d in got):
                described.found += 1
            else:
                described.notes.append(f"{entry['person']} in {key}: {text!r} (got {got})")
    gold_spellings = {s.casefold() for e in gold_names for s in e["spellings"]}
    for variant in diff.spellings:
        names.reported += 1
        if all(s.spelling.casefold() in gold_spellings for s in variant.spellings):
            names.correct += 1
        else:
            names.notes.append(f"unlisted variant: {[s.spelling for s in variant.spellings]}")
    return [names, lookup, described]


# ---- numbers ----


def _gold_numbers(text: str) -> list[float]:
    found = [
        float(n.replace(",", "").replace(" ", "")) for n in re.findall(r"\d[\d, ]*\d|\d", text)
    ]
    found += [
        float(NUMBER_WORDS[w]) for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_WORDS
    ]
    if not found and "thousand" in text.lower():
        found = [1000.0]
    return found


def _value_matches(text: str, diff: NumberDiff, article: int) -> bool:
    wanted = _gold_numbers(text)
    for value in diff.values:
        if article not in {c.article_id for c in value.citations}:
            continue
        if len(wanted) > 1:
            parts = [n for p in value.parts for n in _gold_numbers(p)]
            if sorted(parts) == sorted(wanted) or value.value == sum(wanted):
                return True
        elif "thousand" in text.lower():
            return value.qualifier is Qualifier.VAGUE
        elif wanted and wanted[0] in (value.value, value.low):
            return True
    return False


def _covered(entry: dict[str, Any], diff: NumberDiff) -> tuple[int, int]:
    pairs = [(v, int(k)) for v, keys in entry["values"].items() for k in keys]
    return sum(_value_matches(v, diff, a) for v, a in pairs), len(pairs)


def score_numbers(gold: dict[str, Any], diff: StoryDiff) -> Section:
    section = Section("numbers")
    every = [*diff.numbers, *diff.agreed_numbers]
    matched: set[int] = set()
    for entry in gold.get("numbers", []):
        section.total += 1
        best = max(every, key=lambda d: _covered(entry, d)[0], default=None)
        hit, total = _covered(entry, best) if best else (0, 1)
        if best is not None and hit == total:
            section.found += 1
            matched.add(id(best))
            expected = _expected_kind(entry)
            if best.kind is not expected:
                section.notes.append(f"{entry['what']}: kind {best.kind} (expected {expected})")
        else:
            section.notes.append(f"{entry['what']}: {hit}/{total} values with their outlets")
    for item in diff.numbers:
        section.reported += 1
        if id(item) in matched:
            section.correct += 1
        else:
            section.notes.append(
                f"unlisted {item.kind}: {[(v.text, v.outlets) for v in item.values]}"
            )
    return section


def _expected_kind(entry: dict[str, Any]) -> NumberDiffKind:
    values = list(entry["values"])
    if len(values) == 1:
        return NumberDiffKind.AGREEMENT
    if any(len(_gold_numbers(v)) > 1 for v in values):
        return NumberDiffKind.BREAKDOWN
    if any(re.search(r"more|less|about|thousand|hundred|dozen", v) for v in values):
        return NumberDiffKind.QUALIFIED
    return NumberDiffKind.CONFLICT


# ---- quotes ----


def score_quotes(gold: dict[str, Any], diff: StoryDiff) -> Section:
    section = Section("quotes")
    matched: set[int] = set()
    for entry in gold.get("quotes", []):
        section.total += 1
        best, best_hits = None, 0
        for variant in diff.quotes:
            hits = sum(
                any(
                    v.citation.article_id == int(k) and fuzz.partial_ratio(text, v.text) >= 80
                    for v in variant.versions
                )
                for k, text in entry["versions"].items()
            )
            if hits > best_hits:
                best, best_hits = variant, hits
        if best is not None and best_hits == len(entry["versions"]):
            section.found += 1
            matched.add(id(best))
        else:
            section.notes.append(f"{entry['about']}: {best_hits}/{len(entry['versions'])} versions")
    for variant in diff.quotes:
        section.reported += 1
        if id(variant) in matched:
            section.correct += 1
        else:
            texts = [(v.citation.article_id, v.text[:50]) for v in variant.versions]
            section.notes.append(f"unlisted: {variant.speaker} {texts}")
    return section


# ---- unique details ----


def _detail_matches(gold_text: str, detail: UniqueDetail) -> bool:
    sentence = detail.citation.sentence
    wanted = terms(gold_text)
    return coverage(wanted, terms(sentence)) >= 0.5 or fuzz.partial_ratio(gold_text, sentence) >= 90


def _plain_words(text: str) -> set[str]:
    return {fold(w) for w in re.findall(r"[^\W_]+", text)}


def _only_in_its_article(detail: UniqueDetail, views: Sequence[ArticleView]) -> bool:
    """Judged on the text: no other outlet's article has the detail's distinctive words."""
    others = set().union(
        *(_plain_words(v.body) for v in views if v.outlet != detail.citation.outlet)
    )
    return any(fold(w) not in others for w in detail.words)


def score_unique(gold: dict[str, Any], diff: StoryDiff, views: Sequence[ArticleView]) -> Section:
    section = Section("unique details")
    matched: set[int] = set()
    for key, items in gold.get("unique", {}).items():
        for text in items:
            section.total += 1
            hits = [
                d
                for d in diff.unique
                if d.citation.article_id == int(key) and _detail_matches(text, d)
            ]
            if hits:
                section.found += 1
                matched.update(id(d) for d in hits)
            else:
                section.notes.append(f"{key}: {text}")
    for detail in diff.unique:
        section.reported += 1
        if id(detail) in matched or _only_in_its_article(detail, views):
            section.correct += 1
        else:
            section.notes.append(f"not unique: {detail.citation.article_id} {detail.words}")
    return section


# ---- traps ----


def count_traps(
    gold: dict[str, Any], views: Sequence[ArticleView], people: Sequence[Person], diff: StoryDiff
) -> tuple[int, list[str]]:
    traps = gold.get("traps", {})
    hits: list[str] = []
    for a, b in traps.get("different_people", []):
        for person in people:
            names = [m.mention.name for m in person.mentions]
            if any(same_person(a, n) for n in names) and any(same_person(b, n) for n in names):
                hits.append(f"merged {a} and {b} as {person.name}")
    for text in traps.get("not_conflicts", []):
        values = set(_gold_numbers(text))
        for item in [*diff.numbers, *diff.agreed_numbers]:
            shown = {v.value for v in item.values}
            if len(values) == 1 and values <= shown:
                hits.append(f"{text}: reported {item.what}")
            elif item.kind is NumberDiffKind.CONFLICT and len(values & shown) >= 2:
                hits.append(f"{text}: conflict {item.what}")
    cited = [c.sentence for item in diff.ranked() for c in item.citations]
    cited += [line.text for line in summarize(views)]
    for text in traps.get("not_article_text", []):
        if any(text.casefold() in s.casefold() for s in cited):
            hits.append(f"chrome cited: {text}")
    for text in traps.get("not_event_dates", []):
        match = re.match(r"(\w+ \d+, \d{4})", text)
        for view in views:
            for date in view.facts.dates:
                if match and date.day.strftime("%B %-d, %Y") == match.group(1):
                    hits.append(f"{view.article_id}: event date {text} (extractor)")
    return len(hits), hits


def _speed(views: Sequence[ArticleView], size: int = 100) -> str:
    """Timings on a story of ``size`` articles made from the seeds (each one a new outlet)."""
    if not views:
        return "no articles"
    big = [
        ArticleView(
            i,
            f"outlet {i}",
            None,
            None,
            f"{views[i % len(views)].body}\n\nUpdate {i}.",
            views[i % len(views)].facts,
        )
        for i in range(size)
    ]
    cold = _timed(lambda: summarize(big))
    warm = min(_timed(lambda: summarize(big)) for _ in range(5))
    people = min(_timed(lambda: resolve_people(big)) for _ in range(3))
    found = resolve_people(big)
    diff = min(_timed(lambda: diff_story(big, found)) for _ in range(3))
    return (
        f"{size} articles: summarize {cold:.1f} ms cold, {warm:.1f} ms warm; "
        f"resolve_people {people:.1f} ms; diff_story {diff:.1f} ms"
    )


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def main(argv: Sequence[str]) -> int:
    seeds = Path(argv[1]) if len(argv) > 1 else ROOT / "seeds"
    gold_path = Path(argv[2]) if len(argv) > 2 else seeds / "gold.toml"
    gold = tomllib.loads(gold_path.read_text())
    extract, source = _extractor()
    views = load_views(seeds, extract)
    start = time.perf_counter()
    people = resolve_people(views)
    diff = diff_story(views, people)
    lines = summarize(views)
    elapsed = (time.perf_counter() - start) * 1000

    sections = [
        *score_names(gold, people, diff),
        score_numbers(gold, diff),
        score_quotes(gold, diff),
        score_unique(gold, diff, views),
    ]
    trap_count, trap_notes = count_traps(gold, views, people, diff)
    console = Console(width=120)
    table = Table(title=f"facts quality on {seeds} (facts from {source})")
    for column in ("section", "recall", "found/total", "precision", "correct/reported"):
        table.add_column(column)
    for s in sections:
        table.add_row(
            s.name,
            f"{s.recall():.2f}",
            f"{s.found}/{s.total}",
            f"{s.precision():.2f}" if s.reported else "-",
            f"{s.correct}/{s.reported}" if s.reported else "-",
        )
    correct = sum(s.correct for s in sections)
    reported = sum(s.reported for s in sections)
    table.add_row(
        "all diff items", "", "", f"{correct / max(1, reported):.2f}", f"{correct}/{reported}"
    )
    table.add_row("traps hit", "", str(trap_count), "", "")
    console.print(table)
    console.print(
        f"resolve_people + diff_story + summarize: {elapsed:.1f} ms for {len(views)} articles"
    )
    console.print(_speed(views), highlight=False)
    for s in sections:
        for note in s.notes:
            console.print(f"[dim]{s.name}:[/dim] {note}", highlight=False)
    for note in trap_notes:
        console.print(f"[red]trap:[/red] {note}", highlight=False)
    console.print("[bold]summary[/bold]")
    for line in lines:
        console.print(f"  ({line.support}) {line.text}", highlight=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
