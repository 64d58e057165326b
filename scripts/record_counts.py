"""Print what the record holds, computed from the data: cases, narrative cases, batch notices and
their rows, distinct sources, years, provinces, authority kinds and catalogue examples.

Used for acceptance notes (issue 10) and by anyone who wants the figures of one dataset version;
nothing here is written by hand, so the figures are those of the data given.

    python scripts/record_counts.py               # the data/ directory of this checkout
    python scripts/record_counts.py --data DIR    # another data directory or a bundle file
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import cnenforce
from cnenforce.vocabulary import ActionKind

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / "data", help="a data directory or a bundle file")
    args = parser.parse_args(argv)
    dataset = cnenforce.load(args.data)
    cases = list(dataset)
    batch_ids = {action.id for action in dataset.actions.values() if action.kind is ActionKind.BATCH_NOTICE}
    in_batches = [case for case in cases if case.action in batch_ids]
    sources = {source.url for case in cases for source in case.sources}
    years = Counter(case.year for case in cases if case.year is not None)
    provinces = Counter(case.region.province for case in cases if case.region is not None)
    kinds: Counter[str] = Counter()
    for case in cases:
        named = {dataset.catalogue.authorities[a].kind.value for a in case.authorities}
        for kind in named | {u.kind.value for u in case.unnamed_authorities}:
            kinds[kind] += 1
    examples = sum(len(instrument.examples) for instrument in dataset.catalogue.instruments.values())
    with_examples = sum(1 for instrument in dataset.catalogue.instruments.values() if instrument.examples)
    lines = [
        f"dataset version        {dataset.version}",
        f"cases                  {len(cases)}",
        f"  narrative cases      {len(cases) - len(in_batches)} (not rows of a batch notice)",
        f"  batch-notice rows    {len(in_batches)}, in {len({c.action for c in in_batches})} batch notices",
        f"actions                {len(dataset.actions)}",
        f"distinct source URLs   {len(sources)}",
        f"years                  {len(years)}: {', '.join(f'{y} ({n})' for y, n in sorted(years.items()))}",
        f"undated cases          {sum(1 for case in cases if case.year is None)}",
        f"nationwide cases       {sum(1 for case in cases if case.national)}",
        f"provinces              {len(provinces)}: {', '.join(f'{p} ({n})' for p, n in sorted(provinces.items()))}",
        f"authority kinds        {len(kinds)}: {', '.join(f'{k} ({n})' for k, n in sorted(kinds.items()))}",
        f"instruments            {len(dataset.catalogue.instruments)}, {with_examples} with example citations"
        f" ({examples} examples)",
        f"authorities            {len(dataset.catalogue.authorities)}",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
