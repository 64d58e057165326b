"""Exports for tools outside Python: JSON, JSON Lines and CSV.

JSON and JSON Lines carry each case exactly as the converter writes it (the shape the JSON
Schema from :func:`cnenforce.schema.case_schema` describes). The CSV files flatten cases, one
row per case or per penalty, for spreadsheets; lists are joined with ``"; "``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, Final, TextIO

from cnenforce.catalogue import Catalogue
from cnenforce.converter import unstructure
from cnenforce.dataset import Dataset
from cnenforce.model import Case, Provision
from cnenforce.vocabulary import PenaltyKind, PenaltyTarget

__all__ = [
    "CASE_COLUMNS",
    "PENALTY_COLUMNS",
    "case_records",
    "case_row",
    "penalty_rows",
    "write_export",
]

CASE_COLUMNS: Final = (
    "id", "date", "title", "respondent", "respondent_zh", "anonymised", "province", "city",
    "authorities", "violations", "penalty_bases", "penalty_disclosure", "penalty_kinds",
    "fines_organisation_cny", "fines_persons_cny", "fines_undisclosed", "tags", "joint_action",
    "source_urls",
)  # fmt: skip
"""Columns of the one-row-per-case CSV."""

PENALTY_COLUMNS: Final = (
    "case_id",
    "index",
    "kind",
    "target",
    "person",
    "amount",
    "currency",
    "days",
    "basis",
    "note",
)
"""Columns of the one-row-per-penalty CSV."""


def case_records(cases: Iterable[Case]) -> list[dict[str, Any]]:
    """Cases as JSON-compatible records (the converter's form)."""
    return [unstructure(case) for case in cases]


def _citation(provision: Provision, catalogue: Catalogue | None) -> str:
    from cnenforce.catalogue import load_catalogue
    from cnenforce.citations import cite

    return cite(provision, "en", catalogue=catalogue if catalogue is not None else load_catalogue())


def _cny(case: Case, target: PenaltyTarget) -> str:
    total = sum((m.amount for m in case.fines(target) if m.currency == "CNY"), Decimal(0))
    return str(total) if case.fines(target) else ""


def case_row(case: Case, catalogue: Catalogue | None = None) -> dict[str, str]:
    """One flat CSV row for *case*."""
    bases = dict.fromkeys(p for penalty in case.penalties for p in penalty.basis)
    undisclosed = sum(1 for p in case.penalties if p.kind is PenaltyKind.FINE and p.amount is None)
    return {
        "id": case.id,
        "date": str(case.date) if case.date else "",
        "title": case.title,
        "respondent": case.respondent.display_name,
        "respondent_zh": case.respondent.name_zh or case.respondent.description_zh or "",
        "anonymised": "true" if case.respondent.anonymised else "false",
        "province": case.region.province if case.region else "",
        "city": (case.region.city or "") if case.region else "",
        "authorities": "; ".join(case.authorities),
        "violations": "; ".join(_citation(p, catalogue) for p in case.violations),
        "penalty_bases": "; ".join(_citation(p, catalogue) for p in bases),
        "penalty_disclosure": case.penalty_disclosure.value,
        "penalty_kinds": "; ".join(dict.fromkeys(p.kind.value for p in case.penalties)),
        "fines_organisation_cny": _cny(case, PenaltyTarget.ORGANISATION),
        "fines_persons_cny": _cny(case, PenaltyTarget.RESPONSIBLE_PERSON),
        "fines_undisclosed": str(undisclosed),
        "tags": "; ".join(tag.value for tag in case.tags),
        "joint_action": case.joint_action or "",
        "source_urls": "; ".join(source.url for source in case.sources if source.url),
    }


def penalty_rows(case: Case, catalogue: Catalogue | None = None) -> Iterator[dict[str, str]]:
    """One flat CSV row per penalty of *case*."""
    for index, penalty in enumerate(case.penalties):
        yield {
            "case_id": case.id,
            "index": str(index),
            "kind": penalty.kind.value,
            "target": penalty.target.value,
            "person": penalty.person or "",
            "amount": str(penalty.amount.amount) if penalty.amount else "",
            "currency": penalty.amount.currency if penalty.amount else "",
            "days": str(penalty.days) if penalty.days else "",
            "basis": "; ".join(_citation(p, catalogue) for p in penalty.basis),
            "note": penalty.note or "",
        }


def write_export(dataset: Dataset, fmt: str, out: TextIO) -> None:
    """Write *dataset* to *out* as ``json``, ``jsonl``, ``csv`` or ``penalties-csv``."""
    if fmt == "json":
        payload = {
            "dataset_version": dataset.version,
            "cases": case_records(dataset.cases),
            "instruments": unstructure(tuple(dataset.instruments.values())),
            "authorities": unstructure(tuple(dataset.authorities.values())),
        }
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for record in case_records(dataset.cases):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CASE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(case_row(case, dataset.catalogue) for case in dataset.cases)
    elif fmt == "penalties-csv":
        writer = csv.DictWriter(out, fieldnames=PENALTY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for case in dataset.cases:
            writer.writerows(penalty_rows(case, dataset.catalogue))
    else:
        raise ValueError(f"unknown export format {fmt!r} (json, jsonl, csv, penalties-csv)")
