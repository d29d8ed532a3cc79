"""What reading numbers written as words costs, per language, on real sentences.

    .venv/bin/python bench/number_words_speed.py ../shared/data/pairs-dev/articles.jsonl \
        [--sentences 1000] [--repeat 5]

For each language of the file that ``stories.number_words`` covers: the time to build its
tables (first use), and the time per sentence of ``spelled_numbers`` over up to
``--sentences`` sentences (split as the engine splits them), separately for sentences with
number words (the prefilter finds one) and without; each the best of ``--repeat`` runs. Also
the import time of the module and of num2words, and the memory all twelve tables take (peak
RSS before and after building them).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    from stories import number_words

    print(f"import stories.number_words: {(time.perf_counter() - started) * 1000:.1f} ms")
    started = time.perf_counter()
    import num2words

    print(f"import num2words (on first table): {(time.perf_counter() - started) * 1000:.1f} ms")
    del num2words
    from stories.sentences import split_sentences

    by_language: dict[str, list[str]] = defaultdict(list)
    with args.articles.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            language = article["lang"]
            if language in number_words.LANGUAGES:
                by_language[language].extend(s.text for s in split_sentences(article["text"]))

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"\n{'lang':4} {'build ms':>8}")
    for language in number_words.LANGUAGES:
        started = time.perf_counter()
        number_words.spelled_numbers("", language)
        number_words.qualifier_before("", 0, language)
        print(f"{language:4} {(time.perf_counter() - started) * 1000:8.1f}")
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss
    print(f"all tables: peak RSS +{grown / 1024:.1f} MiB")

    print(
        f"\n{'lang':4} {'with':>6} {'ns/sentence':>12} "
        f"{'without':>8} {'ns/sentence':>12} {'numbers':>8}"
    )
    for language in sorted(by_language):
        sentences = by_language[language][: args.sentences]
        with_words = [s for s in sentences if number_words.has_number_words(s, language)]
        without = [s for s in sentences if not number_words.has_number_words(s, language)]
        found = sum(len(number_words.spelled_numbers(s, language)) for s in with_words)
        print(
            f"{language:4} {len(with_words):6} "
            f"{_per_sentence(with_words, language, args.repeat):12.0f} {len(without):8} "
            f"{_per_sentence(without, language, args.repeat):12.0f} {found:8}"
        )


def _per_sentence(sentences: list[str], language: str, repeat: int) -> float:
    from stories.number_words import spelled_numbers

    if not sentences:
        return 0.0
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter_ns()
        for sentence in sentences:
            spelled_numbers(sentence, language)
        best = min(best, (time.perf_counter_ns() - started) / len(sentences))
    return best


if __name__ == "__main__":
    main()
