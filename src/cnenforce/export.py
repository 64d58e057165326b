"""Exports for tools outside Python: JSON, JSON Lines and CSV.

JSON and JSON Lines carry each case exactly as the converter writes it (the shape the JSON
Schema from :func:`cnenforce.schema.case_schema` describes). The CSV files flatten cases, one
row per case or per measure, for spreadsheets; lists are joined with ``"; "``.

CSV cells are made safe for spreadsheets at the one place rows are written
(:func:`csv_cell`): a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is prefixed with an apostrophe, so no formula runs; text never holds line breaks (the
text rules refuse them), so no row can be split; amounts are always plain decimals.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final, TextIO

from cnenforce.catalogue import Catalogue
from cnenforce.citations import cite
from cnenforce.converter import unstructure
from cnenforce.dataset import Dataset
from cnenforce.model import Case, Provision
from cnenforce.vocabulary import MeasureTarget

__all__ = [
    "CASE_COLUMNS",
    "MEASURE_COLUMNS",
    "case_records",
    "case_row",
    "csv_cell",
    "measure_rows",
    "write_export",
]

CASE_COLUMNS: Final = (
    "id", "date", "title", "respondent", "respondent_zh", "anonymised", "national", "province", "city",
    "district", "authorities", "action", "campaigns", "violations", "cited", "measure_bases",
    "measures_disclosure", "measure_kinds", "penalised", "fines_respondent_cny", "fines_persons_cny",
    "fines_undisclosed", "apps", "tags", "source_urls",
)  # fmt: skip
"""Columns of the one-row-per-case CSV."""

MEASURE_COLUMNS: Final = (
    "case_id", "index", "kind", "category", "is_penalty", "target", "persons", "person_count", "per_person",
    "amount", "currency", "duration", "interim", "addressee", "basis", "note",
)  # fmt: skip
"""Columns of the one-row-per-measure CSV."""

_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """*value* made safe for a spreadsheet cell (see the module docs).

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("Tencent")
    ("'=HYPERLINK(1)", 'Tencent')
    """
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def case_records(cases: Iterable[Case]) -> list[dict[str, Any]]:
    """Cases as JSON-compatible records (the converter's form)."""
    return [unstructure(case) for case in cases]


def _citation(provision: Provision, catalogue: Catalogue) -> str:
    # The text a number refers to is part of the citation: 2016 numbers read differently.
    text = cite(provision, "en", catalogue=catalogue)
    return f"{text} ({provision.version})" if provision.version else text


def _cny(case: Case, target: MeasureTarget) -> str:
    totals = [m.total for m in case.penalties if m.is_fine and m.target is target and m.total is not None]
    amounts = [total.amount for total in totals if total.currency == "CNY"]
    return format(sum(amounts, Decimal(0)), "f") if amounts else ""


def case_row(case: Case, catalogue: Catalogue) -> dict[str, str]:
    """One flat CSV row for *case* (values not yet made spreadsheet-safe)."""
    bases = dict.fromkeys(p for measure in case.measures for p in measure.basis)
    undisclosed = sum(1 for m in case.measures if m.is_fine and m.amount is None)
    region = case.region
    return {
        "id": case.id,
        "date": str(case.date) if case.date else "",
        "title": case.title,
        "respondent": case.respondent.display_name,
        "respondent_zh": case.respondent.name_zh or case.respondent.description_zh or "",
        "anonymised": "true" if case.respondent.anonymised else "false",
        "national": "true" if case.national else "false",
        "province": region.province if region else "",
        "city": (region.city or region.city_zh or "") if region else "",
        "district": (region.district or region.district_zh or "") if region else "",
        "authorities": "; ".join(case.authorities),
        "action": case.action or "",
        "campaigns": "; ".join(str(c) for c in case.campaigns),
        "violations": "; ".join(_citation(p, catalogue) for p in case.violations),
        "cited": "; ".join(_citation(p, catalogue) for p in case.cited),
        "measure_bases": "; ".join(_citation(p, catalogue) for p in bases),
        "measures_disclosure": case.measures_disclosure.value,
        "measure_kinds": "; ".join(dict.fromkeys(m.kind.value for m in case.measures)),
        "penalised": "true" if case.penalties else "false",
        "fines_respondent_cny": _cny(case, MeasureTarget.RESPONDENT),
        "fines_persons_cny": _cny(case, MeasureTarget.PERSONS),
        "fines_undisclosed": str(undisclosed),
        "apps": "; ".join(app.name for app in case.apps),
        "tags": "; ".join(tag.value for tag in case.tags),
        "source_urls": "; ".join(source.url for source in case.sources if source.url),
    }


def measure_rows(case: Case, catalogue: Catalogue) -> Iterator[dict[str, str]]:
    """One flat CSV row per measure of *case* (values not yet made spreadsheet-safe)."""
    for index, measure in enumerate(case.measures):
        yield {
            "case_id": case.id,
            "index": str(index),
            "kind": measure.kind.value,
            "category": measure.kind.category.value,
            "is_penalty": "true" if measure.is_penalty else "false",
            "target": measure.target.value,
            "persons": "; ".join(person.label for person in measure.persons),
            "person_count": str(measure.person_count) if measure.person_count is not None else "",
            "per_person": "true" if measure.per_person else "false",
            "amount": measure.amount.text if measure.amount else "",
            "currency": measure.amount.currency if measure.amount else "",
            "duration": str(measure.duration) if measure.duration else "",
            "interim": "true" if measure.interim else "false",
            "addressee": measure.addressee or measure.addressee_zh or "",
            "basis": "; ".join(_citation(p, catalogue) for p in measure.basis),
            "note": measure.note or "",
        }


def _write_csv(out: TextIO, columns: tuple[str, ...], rows: Iterable[Mapping[str, str]]) -> None:
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in rows)


def write_export(dataset: Dataset, fmt: str, out: TextIO, cases: Iterable[Case] | None = None) -> None:
    """Write *cases* (default: every case of *dataset*) to *out* as ``json``, ``jsonl``,
    ``csv`` or ``measures-csv``."""
    selected = tuple(dataset.cases if cases is None else cases)
    if fmt == "json":
        payload = {
            "dataset_version": dataset.version,
            "cases": case_records(selected),
            "actions": unstructure(tuple(dataset.actions.values())),
            "instruments": unstructure(tuple(dataset.instruments.values())),
            "authorities": unstructure(tuple(dataset.authorities.values())),
            "campaigns": unstructure(tuple(dataset.campaigns.values())),
        }
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for record in case_records(selected):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        _write_csv(out, CASE_COLUMNS, (case_row(case, dataset.catalogue) for case in selected))
    elif fmt == "measures-csv":
        _write_csv(out, MEASURE_COLUMNS, (row for case in selected for row in measure_rows(case, dataset.catalogue)))
    else:
        raise ValueError(f"unknown export format {fmt!r} (json, jsonl, csv, measures-csv)")
