"""Statistics, exports and the JSON Schema."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from cnenforce import Dataset, statistics
from cnenforce.export import CASE_COLUMNS, PENALTY_COLUMNS, write_export
from cnenforce.schema import case_schema
from tests.conftest import REPO
from tests.strategies import cases


def test_statistics_of_the_dataset(dataset: Dataset) -> None:
    summary = statistics(dataset)
    assert summary.cases == len(dataset)
    assert summary.by_year == {"2017": 18, "2025": 10}
    assert summary.fines_on_organisations == {"CNY": Decimal(60000)}  # Yibin 10,000 + Sanren 50,000
    assert summary.fines_on_persons == {"CNY": Decimal(5000)}  # Yibin's legal representative
    assert summary.fines_undisclosed == 10  # Tencent, Weibo, Tieba, and seven CAC 2025 cases
    assert summary.by_penalty_disclosure == {"stated": 28}


@given(st.lists(cases(), max_size=10, unique_by=lambda c: c.id))
def test_statistics_count_each_case_once(generated: list) -> None:  # type: ignore[type-arg]
    summary = statistics(generated)
    assert (
        summary.cases == len(generated) == sum(summary.by_year.values()) == sum(summary.by_penalty_disclosure.values())
    )
    assert summary.anonymised_respondents == sum(c.respondent.anonymised for c in generated)


def _export(dataset: Dataset, fmt: str) -> str:
    out = io.StringIO()
    write_export(dataset, fmt, out)
    return out.getvalue()


def test_json_export_round_trips(dataset: Dataset) -> None:
    from cnenforce.converter import structure
    from cnenforce.model import Case

    payload = json.loads(_export(dataset, "json"))
    assert payload["dataset_version"] == dataset.version
    assert structure(payload["cases"], tuple[Case, ...]) == dataset.cases


def test_jsonl_has_one_case_per_line(dataset: Dataset) -> None:
    lines = _export(dataset, "jsonl").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [case.id for case in dataset]


def test_csv_exports(dataset: Dataset) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(dataset, "csv"))))
    assert tuple(rows[0]) == CASE_COLUMNS
    yibin = next(row for row in rows if row["id"] == "2017-yibin-teacher-training-website")
    assert (yibin["fines_organisation_cny"], yibin["fines_persons_cny"]) == ("10000", "5000")
    assert yibin["violations"] == "Article 21 of the Cybersecurity Law"
    penalties = list(csv.DictReader(io.StringIO(_export(dataset, "penalties-csv"))))
    assert tuple(penalties[0]) == PENALTY_COLUMNS
    assert sum(1 for row in penalties if row["amount"]) == 3


def _check(instance: Any, schema: dict[str, Any], defs: dict[str, Any], path: str = "$") -> None:
    """A small JSON Schema checker for the subset the derived schema uses."""
    if "$ref" in schema:
        _check(instance, defs[schema["$ref"].split("/")[-1]], defs, path)
        return
    if "anyOf" in schema:
        assert any(_passes(instance, s, defs) for s in schema["anyOf"]), path
        return
    kind = schema.get("type")
    types = {"object": dict, "array": list, "string": str, "integer": int, "boolean": bool}
    if kind:
        assert isinstance(instance, types[kind]), f"{path}: expected {kind}"
    if "enum" in schema:
        assert instance in schema["enum"], path
    if kind == "object":
        assert set(schema.get("required", ())) <= set(instance), path
        assert set(instance) <= set(schema["properties"]), f"{path}: {set(instance) - set(schema['properties'])}"
        for key, value in instance.items():
            _check(value, schema["properties"][key], defs, f"{path}.{key}")
    if kind == "array":
        for index, item in enumerate(instance):
            _check(item, schema["items"], defs, f"{path}[{index}]")


def _passes(instance: Any, schema: dict[str, Any], defs: dict[str, Any]) -> bool:
    try:
        _check(instance, schema, defs)
    except AssertionError:
        return False
    return True


def test_exported_cases_conform_to_the_schema(dataset: Dataset) -> None:
    schema = case_schema()
    for line in _export(dataset, "jsonl").splitlines():
        _check(json.loads(line), schema, schema["$defs"])


def test_schema_rejects_unknown_keys(dataset: Dataset) -> None:
    schema = case_schema()
    record = json.loads(_export(dataset, "jsonl").splitlines()[0]) | {"penalites": []}
    assert not _passes(record, schema, schema["$defs"])


def test_committed_schema_is_up_to_date() -> None:
    committed = json.loads((REPO / "docs" / "case.schema.json").read_text(encoding="utf-8"))
    assert committed == case_schema(), "docs/case.schema.json is stale: run `cnenforce schema > docs/case.schema.json`"
