"""Write docs/datapackage.json: the data package descriptor of the CSV tables, without a dataset
version (an export adds the version of the data it holds). A test checks the committed copy.

    python scripts/write_datapackage.py
"""

from __future__ import annotations

import json
from pathlib import Path

from cnenforce.datapackage import descriptor

TARGET = Path(__file__).resolve().parent.parent / "docs" / "datapackage.json"


def main() -> None:
    TARGET.write_text(json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
