"""A Frictionless data package: the CSV tables of :mod:`cnenforce.export` with a
``datapackage.json`` that describes them.

The descriptor (`Data Package <https://specs.frictionlessdata.io/data-package/>`_, profile
``tabular-data-package``) gives each table's fields with their types and descriptions, its
primary key, and its foreign keys: every long table's ``case_id`` refers to ``cases.id``, and
``persons`` refers to ``measures`` by ``(case_id, measure)``. Frictionless tools
(``frictionless validate datapackage.json``), and anything that reads Table Schema, then read
the tables typed and joined. It is generated from :data:`cnenforce.export.TABLES`, so it cannot
drift from what the tables hold; ``docs/datapackage.json`` is the committed copy (without a
dataset version), checked by a test.

>>> [resource["name"] for resource in descriptor()["resources"]][:3]
['cases', 'authorities', 'provisions']
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from cnenforce.dataset import Dataset
from cnenforce.export import TABLES, Table, write_table
from cnenforce.model import Case

__all__ = ["DESCRIPTOR_NAME", "descriptor", "write_datapackage"]

DESCRIPTOR_NAME: Final = "datapackage.json"
"""The descriptor's file name, beside the tables."""


def _resource(table: Table, *, bom: bool) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [
            {"name": field.name, "type": field.type, "description": field.description} for field in table.fields
        ],
        "primaryKey": list(table.key),
        "missingValues": [""],
    }
    if table.name != "cases":
        keys = [{"fields": ["case_id"], "reference": {"resource": "cases", "fields": ["id"]}}]
        if table.parent is not None:
            parent, here, there = table.parent
            keys.append({"fields": list(here), "reference": {"resource": parent, "fields": list(there)}})
        schema["foreignKeys"] = keys
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig" if bom else "utf-8",
        "dialect": {"delimiter": ",", "doubleQuote": True, "lineTerminator": "\n", "header": True},
        "schema": schema,
    }


def descriptor(*, version: str | None = None, bom: bool = False) -> dict[str, Any]:
    """The ``datapackage.json`` of the CSV tables, for the dataset *version* (left out when
    ``None``); *bom* says the tables start with a byte-order mark."""
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "cnenforce",
        "title": "cnenforce: China's cybersecurity, data-security and personal-information enforcement actions",
        "description": "One row per case (one respondent in one action) in cases.csv, and long tables joined to it "
        "by case_id. Citations keep the text their article numbers refer to. Cells starting with =, +, -, @, a "
        "tab or a carriage return are prefixed with an apostrophe so that no spreadsheet formula runs.",
        "homepage": "https://cnenforce.github.io/cnenforce/",
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "title": "Creative Commons Attribution 4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
            }
        ],
    }
    if version is not None:
        package["version"] = version
    package["resources"] = [_resource(table, bom=bom) for table in TABLES.values()]
    return package


def write_datapackage(
    directory: Path, dataset: Dataset, cases: Iterable[Case] | None = None, *, bom: bool = False
) -> list[Path]:
    """Write every table of *cases* (default: the whole *dataset*) as CSV into *directory*
    (created if missing; its parent must exist), and ``datapackage.json`` describing them.
    Returns the paths written, the descriptor last."""
    selected = tuple(dataset.cases if cases is None else cases)
    directory.mkdir(exist_ok=True)
    written = []
    for table in TABLES.values():
        path = directory / f"{table.name}.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            write_table(out, table, selected, dataset.catalogue, bom=bom)
        written.append(path)
    path = directory / DESCRIPTOR_NAME
    text = json.dumps(descriptor(version=dataset.version, bom=bom), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    written.append(path)
    return written
