"""Benchmark: citations parsed per second over the real-citation corpus, next to a plain regex scan.

`find()` runs over every corpus text (tests/data/citation_corpus.toml) repeatedly; the figure is
the number of provisions it returns per second (median of several rounds), plus texts per second.
The baseline is a bare `re.findall` of article numbers (第…条 / "Article N") over the same texts,
measured in the same run, so the ratio says what the full reading (instrument names, lists,
carry-over, resolution to the catalogue) costs over merely spotting numbers. The first call,
which compiles the patterns for the catalogue, is timed separately.

    python benchmarks/bench_citations.py [--rounds N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from cnenforce.catalogue import load_catalogue
from cnenforce.citations import find

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "citation_corpus.toml"
BASELINE = re.compile(r"第[0-9零〇一二两三四五六七八九十百千]+条|Articles?\s+\d+")


def rounds_per_second(work: Callable[[], int], rounds: int) -> tuple[float, int]:
    """Median rounds per second of *work* over *rounds* rounds, and what one round returned."""
    times = []
    count = 0
    for _ in range(rounds):
        start = time.perf_counter()
        count = work()
        times.append(time.perf_counter() - start)
    return 1 / statistics.median(times), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    with CORPUS.open("rb") as file:
        texts = [entry["text"] for entry in tomllib.load(file)["citation"]]
    catalogue = load_catalogue()

    start = time.perf_counter()
    find(texts[0], catalogue=catalogue)
    first_call = time.perf_counter() - start

    def parse_all() -> int:
        return sum(len(find(text, catalogue=catalogue)) for text in texts)

    def scan_all() -> int:
        return sum(len(BASELINE.findall(text)) for text in texts)

    parse_rate, provisions = rounds_per_second(parse_all, rounds)
    scan_rate, numbers = rounds_per_second(scan_all, rounds)
    characters = sum(len(text) for text in texts)
    print(f"corpus: {len(texts)} texts, {characters} characters, {provisions} provisions cited")
    print(f"first call (compiles the catalogue's patterns): {first_call * 1000:.1f} ms")
    print(f"find():        {parse_rate * provisions:10.0f} citations/s  {parse_rate * len(texts):10.0f} texts/s")
    print(f"re.findall():  {scan_rate * numbers:10.0f} numbers/s    {scan_rate * len(texts):10.0f} texts/s")
    print(f"find() takes {scan_rate / parse_rate:.1f}x the time of a bare re.findall over the same texts")


if __name__ == "__main__":
    main()
