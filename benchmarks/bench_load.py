"""Benchmark: how long loading the bundled dataset takes, next to importing attrs and cattrs.

Each figure is the median of several fresh processes, so import caches do not flatter it; the
result is reported as a ratio to `import attrs, cattrs` measured in the same run, which holds
up on noisy machines better than absolute times.

    python benchmarks/bench_load.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

SNIPPETS = {
    "import attrs, cattrs": "import attrs, cattrs",
    "import cnenforce": "import cnenforce",
    "import cnenforce; load()": "import cnenforce; cnenforce.load()",
}
TIMER = "import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"


def measure(code: str, runs: int) -> float:
    """Median wall time of *code* in *runs* fresh interpreters, in seconds."""
    times = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", TIMER.format(code=code)], capture_output=True, text=True, check=True
        )
        times.append(float(result.stdout))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    baseline = measure(SNIPPETS["import attrs, cattrs"], runs)
    for label, code in SNIPPETS.items():
        seconds = measure(code, runs)
        print(f"{label:<28} {seconds * 1000:8.1f} ms   {seconds / baseline:5.2f}x import attrs, cattrs")


if __name__ == "__main__":
    main()
