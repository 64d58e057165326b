"""Print ten cases chosen at random with a fixed seed: their measures and sources.

Used for acceptance notes (issue 10): a reader checks each printed measure against the source
listed under it. The seed is fixed so that anyone re-running the script on the same data gets
the same ten cases; a different dataset version gives a different sample.

    python scripts/sample_cases.py            # the data/ directory of this checkout
    python scripts/sample_cases.py --data DIR --seed 10 --count 10
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import cnenforce
from cnenforce.report import describe_case

REPO = Path(__file__).resolve().parent.parent
SEED = 10


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / "data", help="a data directory or a bundle file")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--count", type=int, default=10)
    args = parser.parse_args(argv)
    dataset = cnenforce.load(args.data)
    ids = sorted(case.id for case in dataset.cases)
    chosen = random.Random(args.seed).sample(ids, min(args.count, len(ids)))
    print(f"dataset {dataset.version}: {len(chosen)} of {len(ids)} cases, seed {args.seed}\n")
    for case_id in chosen:
        print(describe_case(dataset[case_id], dataset.catalogue))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
