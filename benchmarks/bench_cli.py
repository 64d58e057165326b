"""Benchmark: the cold start of the command line, next to importing its dependencies.

Each figure is the median wall time of several fresh processes, from start to exit, so import
caches do not flatter it; each is reported as a ratio to ``python -c "import attrs, cattrs,
dateutil"`` measured in the same run, which holds up on noisy machines better than absolute
times. The commands run through the installed ``cnenforce`` console script when there is one
next to this Python, else through ``python -m cnenforce.cli``. The package's bytecode is
compiled first, as installing a wheel does (an editable install under
``PYTHONDONTWRITEBYTECODE`` would otherwise compile every module in every run).

Target (issue 12): ``cnenforce --version`` and ``cnenforce --help`` at most 1.3 times the
baseline, since they import nothing from the library; ``cnenforce list --place CN-GD`` reads
and verifies the whole bundled dataset, so its figure is reported beside them.

    python benchmarks/bench_cli.py [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASELINE = "import attrs, cattrs, dateutil"


def _command() -> list[str]:
    script = shutil.which("cnenforce", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "cnenforce.cli"]


CASES = {
    f'python -c "{BASELINE}"': [sys.executable, "-c", BASELINE],
    "cnenforce --version": [*_command(), "--version"],
    "cnenforce --help": [*_command(), "--help"],
    "cnenforce list --place CN-GD": [*_command(), "list", "--place", "CN-GD"],
    "cnenforce show 2017-zhejiang-taobao": [*_command(), "show", "2017-zhejiang-taobao"],
}


def measure(argv: list[str], runs: int) -> float:
    """Median wall time of *argv* in *runs* fresh processes, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    import cnenforce

    compileall.compile_dir(Path(cnenforce.__file__).parent, quiet=1)
    results = {label: measure(argv, runs) for label, argv in CASES.items()}
    baseline = next(iter(results.values()))
    for label, seconds in results.items():
        print(f"{label:<42} {seconds * 1000:8.1f} ms   {seconds / baseline:5.2f}x baseline")


if __name__ == "__main__":
    main()
