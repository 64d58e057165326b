"""Statistics, exports and the JSON Schema: laws that hold for any data, and per-case facts."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnenforce import Dataset, statistics
from cnenforce.converter import structure, unstructure
from cnenforce.export import CASE_COLUMNS, MEASURE_COLUMNS, csv_cell, write_export
from cnenforce.model import Case, Measure, Money, Person
from cnenforce.schema import case_schema
from cnenforce.vocabulary import MeasureKind, MeasureTarget
from tests.conftest import REPO
from tests.strategies import cases

SCHEMA = case_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def _export(dataset: Dataset, fmt: str, selection: Any = None) -> str:
    out = io.StringIO()
    write_export(dataset, fmt, out, selection)
    return out.getvalue()


# --- statistics -----------------------------------------------------------------------------


@given(st.lists(cases(), max_size=4, unique_by=lambda c: c.id))
def test_statistics_count_each_case_once(dataset: Dataset, generated: list[Case]) -> None:
    summary = statistics(generated, catalogue=dataset.catalogue)
    assert summary.cases == len(generated) == sum(summary.by_year.values()) == sum(summary.by_disclosure.values())
    assert summary.anonymised_respondents == sum(c.respondent.anonymised for c in generated)
    assert summary.penalised == sum(bool(c.penalties) for c in generated)
    assert summary.other_measures == sum(len(c.measures) - len(c.penalties) for c in generated)
    on_respondents = sum(
        (m.total.amount for c in generated for m in c.penalties if m.is_fine and m.total and m.total.currency == "CNY"
         and m.target is MeasureTarget.RESPONDENT),
        Decimal(0),
    )  # fmt: skip
    assert summary.fines_on_respondents.get("CNY", Decimal(0)) == on_respondents


def test_statistics_count_persons_and_leave_out_what_is_not_known(dataset: Dataset) -> None:
    each = Money(amount=Decimal(10000))
    base = dataset["2017-yibin-teacher-training-website"]
    measures = (
        Measure(kind=MeasureKind.FINE, amount=Money(amount=Decimal(8_026_000_000))),
        Measure(
            kind=MeasureKind.FINE,
            target=MeasureTarget.PERSONS,
            amount=Money(amount=Decimal(1_000_000)),
            per_person=True,
            persons=(Person(name_en="Cheng Wei"), Person(name_en="Liu Qing")),
        ),
        Measure(kind=MeasureKind.FINE, target=MeasureTarget.PERSONS, amount=each, per_person=True),
        Measure(kind=MeasureKind.INTERVIEW),
        Measure(kind=MeasureKind.APP_REMOVAL, target=MeasureTarget.THIRD_PARTY, addressee="app stores"),
        Measure(kind=MeasureKind.SUSPENSION_OF_REGISTRATIONS, interim=True),
    )
    summary = statistics([attrs.evolve(base, measures=measures)], catalogue=dataset.catalogue)
    assert summary.fines_on_respondents == {"CNY": Decimal(8_026_000_000)}
    assert summary.fines_on_persons == {"CNY": Decimal(2_000_000)}  # two named persons, each fined
    assert summary.persons_fined == 2
    assert summary.per_person_fines_uncounted == 1  # "each fined", number not stated: not summed
    assert summary.other_measures == 3  # interview, third-party removal, interim suspension
    assert summary.by_penalty_kind == {"fine": 1}
    assert summary.respondents_fined == 1


def test_statistics_are_read_only(dataset: Dataset) -> None:
    summary = statistics(dataset, catalogue=dataset.catalogue)
    with pytest.raises(TypeError):
        summary.by_year["1999"] = 1  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        summary.cases = 0  # type: ignore[misc]


# --- exports --------------------------------------------------------------------------------


def test_json_export_round_trips(dataset: Dataset) -> None:
    payload = json.loads(_export(dataset, "json"))
    assert payload["dataset_version"] == dataset.version
    assert structure(payload["cases"], tuple[Case, ...]) == dataset.cases


def test_jsonl_has_one_case_per_line(dataset: Dataset) -> None:
    lines = _export(dataset, "jsonl").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [case.id for case in dataset]


def test_export_of_a_selection(dataset: Dataset) -> None:
    chosen = [dataset["2017-zhejiang-taobao"]]
    assert [json.loads(line)["id"] for line in _export(dataset, "jsonl", chosen).splitlines()] == [
        "2017-zhejiang-taobao"
    ]


def test_csv_rows_carry_each_case_facts(dataset: Dataset) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(dataset, "csv"))))
    assert tuple(rows[0]) == CASE_COLUMNS
    assert [row["id"] for row in rows] == [case.id for case in dataset]
    yibin = next(row for row in rows if row["id"] == "2017-yibin-teacher-training-website")
    assert (yibin["fines_respondent_cny"], yibin["fines_persons_cny"]) == ("10000", "5000")
    assert yibin["violations"] == "Article 21 of the Cybersecurity Law (2016)"  # with its text year
    measures = list(csv.DictReader(io.StringIO(_export(dataset, "measures-csv"))))
    assert tuple(measures[0]) == MEASURE_COLUMNS
    sanren = [row for row in measures if row["case_id"] == "2017-guangdong-shenzhen-sanren" and row["amount"]]
    assert [(row["amount"], row["currency"], row["is_penalty"]) for row in sanren] == [("50000", "CNY", "true")]


@given(st.text(min_size=1, max_size=20))
def test_csv_cells_never_start_a_formula(value: str) -> None:
    cell = csv_cell(value)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell.removeprefix("'") == value or cell == value


# --- the JSON Schema ------------------------------------------------------------------------


def test_exported_cases_conform_to_the_schema(dataset: Dataset) -> None:
    for line in _export(dataset, "jsonl").splitlines():
        VALIDATOR.validate(json.loads(line))


@given(cases())
def test_every_valid_case_conforms_to_the_schema(case: Case) -> None:
    VALIDATOR.validate(json.loads(json.dumps(unstructure(case), ensure_ascii=False)))


@pytest.mark.parametrize(
    ("edit", "path"),
    [
        (lambda r: r | {"penalites": []}, "unknown key"),
        (lambda r: r | {"title": "a\nb"}, "control character"),
        (lambda r: {**r, "sources": [{**r["sources"][0], "url": "https://x.org/a)<svg>"}]}, "context-ending URL"),
    ],
)
def test_schema_rejects_what_the_model_rejects(dataset: Dataset, edit: Any, path: str) -> None:
    record = unstructure(dataset["2017-guangdong-shenzhen-sanren"])
    assert not VALIDATOR.is_valid(edit(record)), path
    amount = json.loads(json.dumps(record))
    amount["measures"][0]["amount"]["amount"] = "5E+4"
    assert not VALIDATOR.is_valid(amount)


def test_every_model_field_reaches_the_schema() -> None:
    def fields(schema: dict[str, Any]) -> set[str]:
        return set(schema["properties"])

    assert fields(SCHEMA) == {field.name for field in attrs.fields(Case)}
    for name, definition in SCHEMA["$defs"].items():
        cls = next(c for c in _model_classes() if c.__name__ == name)
        assert fields(definition) == {field.name for field in attrs.fields(cls)}, name


def _model_classes() -> list[type[Any]]:
    import cnenforce.model as model

    return [getattr(model, name) for name in model.__all__ if attrs.has(getattr(model, name, None) or object)]


def test_committed_schema_is_up_to_date() -> None:
    committed = json.loads((REPO / "docs" / "case.schema.json").read_text(encoding="utf-8"))
    assert committed == case_schema(), "docs/case.schema.json is stale: run `cnenforce schema > docs/case.schema.json`"
