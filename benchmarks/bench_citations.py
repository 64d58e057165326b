"""Benchmark: how fast find() reads real-ish text and each adversarial text, as ratios in one run.

Real-ish text is the real-citation corpus (tests/data/citation_corpus.toml), its texts joined
into one document, one per line. The adversarial texts (tests/strategies_citations.py) each made
an earlier version quadratic or worse; each is read at the size given and at an eighth of it.
Every figure is characters per second, the median of several rounds, and is printed as a ratio
to find() on the corpus measured in the same run, so the figures compare across machines; a
bare `re.findall` of article numbers over the corpus is printed for scale. A linear scan keeps
about the same throughput at both sizes of a text; a quadratic one loses most of it at the
larger. The first call, which compiles the catalogue's patterns, is timed separately.

    python benchmarks/bench_citations.py [--rounds N] [--size CHARACTERS]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import cnenforce
from cnenforce.citations import find

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for the shared test data generators

from tests.strategies_citations import ADVERSARIAL, LONG_LISTS  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "citation_corpus.toml"
BASELINE = re.compile(r"第[0-9零〇一二两三四五六七八九十百千]+条|Articles?\s+\d+")


def characters_per_second(work: Callable[[], object], characters: int, rounds: int) -> float:
    """Median characters per second of *work*, which reads *characters* characters per round."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return characters / statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--size", type=int, default=200_000, help="characters of each adversarial text")
    args = parser.parse_args()
    with CORPUS.open("rb") as file:
        document = "\n".join(entry["text"] for entry in tomllib.load(file)["citation"])
    catalogue = cnenforce.load().catalogue

    start = time.perf_counter()
    find("x", catalogue=catalogue)
    first_call = time.perf_counter() - start

    corpus = characters_per_second(lambda: find(document, catalogue=catalogue), len(document), args.rounds * 6)
    baseline = characters_per_second(lambda: BASELINE.findall(document), len(document), args.rounds * 6)
    citations = len(find(document, catalogue=catalogue))
    print(f"first call (compiles the catalogue's patterns): {first_call * 1000:.0f} ms")
    print(f"corpus: {len(document):,} characters, {citations} provisions cited")
    print(f"find() on the corpus: {corpus / 1e6:.2f} M characters/s (= 1.00)")
    print(f"re.findall() of article numbers on the corpus: {baseline / corpus:.1f}x find()")
    print()
    print(f"{'text':40} {'size':>9} {'find() vs corpus':>17} {'at 1/8 size':>12} {'provisions':>11}")
    for name, make in {**ADVERSARIAL, **LONG_LISTS}.items():
        rates = []
        for size in (args.size, args.size // 8):
            text = make(size)
            rates.append(characters_per_second(lambda t=text: find(t, catalogue=catalogue), len(text), args.rounds))
        found = len(find(make(args.size), catalogue=catalogue))
        print(f"{name:40} {args.size:9,} {rates[0] / corpus:16.2f}x {rates[1] / corpus:11.2f}x {found:11,}")


if __name__ == "__main__":
    main()
