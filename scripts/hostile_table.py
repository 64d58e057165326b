"""Write docs/hostile-input.md from the hostile-input trials of the test suite.

Usage, from the repository root:

    python scripts/hostile_table.py            # rewrite the page
    python scripts/hostile_table.py --check    # exit 1 if the committed page is stale

The page is rendered by tests/hostile_table.py, from the same trials the tests run, so it can
only say what the suite checks; tests/test_hostile.py fails when the committed page is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests package

from tests.hostile_table import PAGE, render


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if PAGE.read_text(encoding="utf-8") != text:
            print(f"{PAGE} is stale: run python scripts/hostile_table.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
