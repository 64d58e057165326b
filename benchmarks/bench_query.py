"""Benchmark: loading, querying and summarising synthetic datasets of 1,000, 10,000 and 100,000
cases, and the cold start of a fresh process; every figure a ratio measured in the same run.

    python benchmarks/bench_query.py [--sizes 1000 10000 100000] [--repeat 5] [--cold-runs 15]

For each size, a dataset is generated (:mod:`benchmarks.synthetic`), compiled to a bundle with
the compiler's writer, and then:

- **load**: ``read_bundle`` of the bundle bytes (every check included) against ``json.loads``
  of its content line (target: within 4x). Both best of ``--repeat`` runs, interleaved;
  ``json.loads`` runs as a caller would run it, with the garbage collector on, and the ratio to
  ``json.loads`` with the collector paused (as the loader runs it) is shown too;
- **memory per case**: bytes allocated by the loaded dataset (``tracemalloc``), then by all the
  query indexes, divided by the number of cases;
- **queries**: each query kind through ``select(...).cases`` (warm: indexes built; the first,
  cold answer, which builds the indexes it needs, is shown apart) against a linear scan with
  the same predicate: the query's criteria read once, then tested case by case (what
  :func:`cnenforce.query.matches` does per case), over every case. Targets: indexed criteria
  at least 50x faster than the scan at 100,000 cases; text search and fine ranges at least as
  fast as the scan;
- **statistics** of every case (no target).

Then **cold first answer**: a fresh interpreter that imports cnenforce, loads the packaged
dataset and answers one query, against one that only imports attrs, cattrs and dateutil (the
dependency floor; target: within 1.3x); medians of ``--cold-runs`` runs, interleaved, with
bytecode caches written and used as for an installed package.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import generate

from cnenforce import Dataset, select
from cnenforce.bundle import read_bundle
from cnenforce.contrib.compiler import bundle_text
from cnenforce.query import indexes
from cnenforce.query.criteria import compile_criteria

QUERIES: dict[str, dict[str, Any]] = {
    "provision": {"provision": "Article 21 of the Cybersecurity Law (2016)"},
    "region": {"place": "Guangdong"},
    "authority": {"authority": "Guangdong Cyberspace Administration Office"},
    "instrument": {"instrument": "PIPL"},
    "date range": {"since": "2020-03", "until": "2020-04"},
    "fine range": {"fine_min": 1_000_000, "fine_max": 5_000_000},
    "text": {"text": "excessive permissions"},
    "name": {"name": "华信"},
    "3 criteria": {"instrument": "pipl", "place": "Guangdong", "since": "2022"},
}
TARGETS = {"text": 1.0, "fine range": 1.0, "name": 1.0}
"""Minimum speed-up over the scan at 100,000 cases; 50x for the others."""
FLOOR = "import attrs, cattrs, dateutil"
COLD = {
    "cold: authority query": "import cnenforce; cnenforce.select(cnenforce.load(), authority='beijing-cac').cases",
    "cold: provision query": "import cnenforce; cnenforce.select(cnenforce.load(), provision='CSL Art. 21').cases",
}
TIMER = "import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"


def best(work: Callable[[], object], repeat: int) -> float:
    """Best wall time of *repeat* runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def json_paused(content: bytes) -> object:
    running = gc.isenabled()
    gc.disable()
    try:
        return json.loads(content)
    finally:
        if running:
            gc.enable()


def bench_load(data: bytes, repeat: int, missed: list[str]) -> None:
    content = data.split(b"\n", 1)[1].rstrip(b"\n")
    plain, paused, loads = [], [], []
    for _ in range(repeat):
        plain.append(best(lambda: json.loads(content), 1))
        paused.append(best(lambda: json_paused(content), 1))
        loads.append(best(lambda: read_bundle(data), 1))
    load = min(loads)
    print(f"  bundle {len(data) / 1e6:7.1f} MB   json.loads {min(plain) * 1000:8.0f} ms   load {load * 1000:8.0f} ms")
    ratio = load / min(plain)
    flag = "" if ratio <= 4 else "  MISSES 4x"
    if flag:
        missed.append(f"load at {len(data) / 1e6:.0f} MB: {ratio:.1f}x json.loads (target 4x)")
    print(f"  load / json.loads         {ratio:5.2f}x{flag}")
    print(f"  load / json.loads, GC off {load / min(paused):5.2f}x")


def bench_memory(data: bytes, size: int) -> None:
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    dataset = read_bundle(data)
    loaded = tracemalloc.get_traced_memory()[0]
    for facet in indexes.FACETS:
        indexes.postings(dataset, facet)
    indexes.articles(dataset)
    indexes.dates(dataset)
    indexes.fines(dataset)
    for kind in ("text", "name", "app"):
        indexes.haystack(dataset, kind)
    indexed = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(
        f"  memory per case: dataset {(loaded - before) / size:7.0f} B, "
        f"all query indexes {(indexed - loaded) / size:6.0f} B"
    )


def scan(dataset: Dataset, tests: list[Callable[[Any], bool]]) -> tuple[Any, ...]:
    """The cases meeting every test, by visiting every case."""
    return tuple(case for case in dataset.cases if all(test(case) for test in tests))


def bench_queries(dataset: Dataset, repeat: int, size: int) -> list[str]:
    missed = []
    print(f"  {'query':<12} {'found':>7} {'cold ms':>9} {'warm ms':>9} {'scan ms':>9} {'scan/warm':>10}")
    for name, query in QUERIES.items():
        cold = best(lambda q=query: select(dataset, **q).cases, 1)  # type: ignore[misc]
        warm = best(lambda q=query: select(dataset, **q).cases, repeat)  # type: ignore[misc]
        tests = [criterion.test for criterion in compile_criteria(dataset, query)]
        scanned = best(lambda tests=tests: scan(dataset, tests), max(1, repeat // 2))  # type: ignore[misc]
        found = scan(dataset, tests)
        assert found == select(dataset, **query).cases, name
        ratio = scanned / warm
        target = TARGETS.get(name, 50.0)
        flag = "" if size < 100_000 or ratio >= target else f"  MISSES {target:g}x"
        if flag:
            missed.append(f"{name} at {size:,}: {ratio:.1f}x (target {target:g}x)")
        print(
            f"  {name:<12} {len(found):>7} {cold * 1000:>9.1f} {warm * 1000:>9.3f} {scanned * 1000:>9.1f}"
            f" {ratio:>9.0f}x{flag}"
        )
    stats = best(lambda: select(dataset).statistics(), 1)
    print(f"  statistics of every case: {stats * 1000:.0f} ms")
    return missed


def run(code: str) -> float:
    # Bytecode is written and used, as for an installed package (the environment may turn it off).
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(
        [sys.executable, "-c", TIMER.format(code=code)], capture_output=True, text=True, check=True, env=env
    )
    return float(result.stdout)


def bench_cold(runs: int) -> list[str]:
    for code in COLD.values():
        run(code)  # writes the bytecode
    times: dict[str, list[float]] = {FLOOR: [], **{label: [] for label in COLD}}
    for _ in range(runs):
        times[FLOOR].append(run(FLOOR))
        for label, code in COLD.items():
            times[label].append(run(code))
    floor = statistics.median(times[FLOOR])
    print(f"  {FLOOR:<34} {floor * 1000:7.0f} ms")
    missed = []
    for label in COLD:
        median = statistics.median(times[label])
        ratio = median / floor
        flag = "" if ratio <= 1.3 else "  MISSES 1.3x"
        if flag:
            missed.append(f"{label}: {ratio:.2f}x the dependency floor (target 1.3x)")
        print(f"  {label:<34} {median * 1000:7.0f} ms   {ratio:5.2f}x the floor{flag}")
    return missed


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cold-runs", type=int, default=15)
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()} {platform.release()}")
    missed: list[str] = []
    for size in args.sizes:
        start = time.perf_counter()
        data = bundle_text(generate(size)).encode("utf-8")
        print(f"\n{size:,} cases (generated and compiled in {time.perf_counter() - start:.0f} s)")
        gc.collect()
        bench_load(data, args.repeat, missed)
        missed += bench_queries(read_bundle(data), args.repeat, size)
        gc.collect()
        bench_memory(data, size)
        gc.collect()
    print("\ncold first answer (fresh processes, packaged data)")
    missed += bench_cold(args.cold_runs)
    print("\nmissed targets: " + ("; ".join(missed) if missed else "none"))


if __name__ == "__main__":
    main()
