"""The CSV tables, the data package, data frames and Parquet: laws that hold for any data, and a
round trip of every case's facts from the CSV tables back to the JSON export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from cnenforce import Case, Dataset
from cnenforce.datapackage import DESCRIPTOR_NAME, descriptor, write_datapackage
from cnenforce.export import BOM, FORMATS, TABLES, table_rows, write_export, write_table
from tests.conftest import REPO
from tests.strategies import cases

_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (Decimal,),
    "boolean": (bool,),
    "date": (dt.date,),
}


def _read(dataset: Dataset, table: str, chosen: Any = None) -> list[dict[str, str]]:
    out = io.StringIO()
    write_table(out, table, dataset.cases if chosen is None else chosen, dataset.catalogue)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def _value(cell: str) -> str | None:
    """A CSV cell as the text written: empty is absent; the formula guard's apostrophe removed."""
    if not cell:
        return None
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def _int(cell: str) -> int | None:
    return None if not cell else int(cell)


# --- laws of every table -------------------------------------------------------------------------


@given(cases())
def test_rows_hold_exactly_their_fields_typed(dataset: Dataset, case: Case) -> None:
    generated = [case]
    for table in TABLES.values():
        keys = set()
        for row in table_rows(table, generated, dataset.catalogue):
            assert tuple(row) == table.columns, table.name
            for field in table.fields:
                value = row[field.name]
                assert value is None or (
                    isinstance(value, _PYTHON_TYPES[field.type])
                    and (field.type == "boolean" or not isinstance(value, bool))
                ), (table.name, field.name, value)
            key = tuple(row[name] for name in table.key)
            assert None not in key, (table.name, key)
            assert key not in keys, (table.name, key)
            keys.add(key)
        out = io.StringIO()
        write_table(out, table, generated, dataset.catalogue)
        written = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
        assert all(len(row) == len(table.columns) for row in written)


def test_every_format_is_written(dataset: Dataset) -> None:
    chosen = [dataset["2017-yibin-teacher-training-website"]]
    for fmt in FORMATS:
        out = io.StringIO()
        write_export(dataset, fmt, out, chosen)
        assert out.getvalue().strip(), fmt
    out = io.StringIO()
    write_export(dataset, "provisions-csv", out, chosen, bom=True)
    assert out.getvalue().startswith(BOM + "case_id,")
    with pytest.raises(ValueError, match="unknown export format"):
        write_export(dataset, "xml", io.StringIO())


# --- the round trip ------------------------------------------------------------------------------


def _grouped(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    by_case: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_case[row["case_id"]].append(row)
    return by_case


def _provision(record: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(record.get(key) for key in ("instrument", "title", "article", "paragraph", "item", "version"))


def test_csv_tables_join_to_the_facts_of_the_json_export(dataset: Dataset) -> None:
    """Every case's provisions (with their text year), measures, persons, apps, events, sources
    and authorities, read back from the CSV tables and joined by case id, are the JSON export's."""
    out = io.StringIO()
    write_export(dataset, "json", out)
    records = {record["id"]: record for record in json.loads(out.getvalue())["cases"]}
    tables = {name: _grouped(_read(dataset, name)) for name in TABLES if name != "cases"}
    rows = {row["id"]: row for row in _read(dataset, "cases")}
    assert list(rows) == list(records)
    for case_id, record in records.items():
        row = rows[case_id]
        assert (_value(row["title"]), _value(row["summary"]), _value(row["title_zh"] or "")) == (
            record["title"], record["summary"], record.get("title_zh"),
        )  # fmt: skip
        assert row["measures_disclosure"] == record["measures_disclosure"]
        assert (row["province"] or None) == record.get("region", {}).get("province")
        assert (row["national"] == "true") == record.get("national", False)
        assert (row["tags"] or None) == ("; ".join(record["tags"]) if record.get("tags") else None)

        expected = [("violated", None, _provision(p)) for p in record.get("violations", [])]
        expected += [("cited", None, _provision(p)) for p in record.get("cited", [])]
        expected += [
            ("penalty-basis", i, _provision(p))
            for i, m in enumerate(record.get("measures", []))
            for p in m.get("basis", [])
        ]
        got = sorted(tables["provisions"].get(case_id, []), key=lambda r: int(r["index"]))
        assert [int(r["index"]) for r in got] == list(range(len(got)))
        read = [
            (r["role"], _int(r["measure"]), (_value(r["instrument"]), _value(r["title"]), _int(r["article"]),
             _int(r["paragraph"]), _int(r["item"]), _value(r["version"])))
            for r in got
        ]  # fmt: skip
        assert read == expected, case_id
        for r in got:  # a citation keeps the text its numbers refer to
            assert not r["version"] or r["citation"].endswith(f" ({r['version']})"), r
            assert not r["version"] or f"（{r['version']}" in r["citation_zh"], r

        measures = sorted(tables["measures"].get(case_id, []), key=lambda r: int(r["index"]))
        assert len(measures) == len(record.get("measures", []))
        for r, m in zip(measures, record.get("measures", []), strict=True):
            amount = m.get("amount")
            assert (r["kind"], r["target"], r["per_person"] == "true", r["interim"] == "true") == (
                m["kind"], m.get("target", "respondent"), m.get("per_person", False), m.get("interim", False),
            )  # fmt: skip
            assert (_value(r["amount"]), _value(r["currency"])) == (
                (amount["amount"], amount.get("currency", "CNY")) if amount else (None, None)
            )
            assert (_int(r["person_count"]), _value(r["duration"]), _value(r["note"])) == (
                m.get("person_count"), m.get("duration"), m.get("note"),
            )  # fmt: skip
            assert (_value(r["addressee"]), _value(r["addressee_zh"])) == (m.get("addressee"), m.get("addressee_zh"))
            persons = sorted(
                (p for p in tables["persons"].get(case_id, []) if p["measure"] == r["index"]),
                key=lambda p: int(p["index"]),
            )
            assert [
                {key: _value(p[key]) for key in ("name_zh", "name_en", "role", "position") if p[key]} for p in persons
            ] == m.get("persons", [])

        apps = sorted(tables["apps"].get(case_id, []), key=lambda r: int(r["index"]))
        assert [
            {key: _value(a[key]) for key in ("name", "name_en", "kind", "version", "store", "operator")
             if a[key] and not (key == "kind" and a[key] == "app")}
            for a in apps
        ] == record.get("apps", [])  # fmt: skip

        events = sorted(tables["events"].get(case_id, []), key=lambda r: int(r["index"]))
        assert [
            {key: _value(e[key]) for key in ("kind", "date", "authority", "note") if e[key]} for e in events
        ] == record.get("events", [])

        sources = sorted(tables["sources"].get(case_id, []), key=lambda r: int(r["number"]))
        assert [int(s["number"]) for s in sources] == list(range(1, len(sources) + 1))
        for s, source in zip(sources, record["sources"], strict=True):
            for key in ("kind", "title", "publisher", "url", "archived_url", "published", "retrieved", "note"):
                assert _value(s[key]) == source.get(key), (case_id, key)
            assert s["language"] == source.get("language", "en")
            assert _int(s["copy_of"]) == source.get("copy_of")
            assert (s["authors"] or None) == ("; ".join(source["authors"]) if source.get("authors") else None)

        authorities = sorted(tables["authorities"].get(case_id, []), key=lambda r: int(r["index"]))
        assert [a["authority"] for a in authorities if a["named"] == "true"] == record.get("authorities", [])
        assert [a["kind"] for a in authorities if a["named"] == "false"] == [
            u["kind"] for u in record.get("unnamed_authorities", [])
        ]


# --- the data package ----------------------------------------------------------------------------


def _diverse(dataset: Dataset) -> list[Case]:
    """A few cases that between them have every kind of row: persons, apps, unnamed
    authorities, dates without a year, copied sources, per-person fines."""
    tests = (
        lambda c: any(m.persons for m in c.measures),
        lambda c: bool(c.apps),
        lambda c: bool(c.unnamed_authorities),
        lambda c: c.date is not None and c.date.year is None,
        lambda c: any(s.copy_of for s in c.sources),
        lambda c: any(m.per_person for m in c.measures),
        lambda c: bool(c.authorities),
    )
    chosen = {next(c.id for c in dataset if test(c)) for test in tests}
    return [dataset[case_id] for case_id in sorted(chosen)]


def test_the_data_package_validates_with_frictionless(dataset: Dataset, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    chosen = _diverse(dataset)
    written = write_datapackage(tmp_path / "package", dataset, chosen)
    assert [path.name for path in written] == [*(f"{name}.csv" for name in TABLES), DESCRIPTOR_NAME]
    report = frictionless.validate(str(tmp_path / "package" / DESCRIPTOR_NAME))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]
    package = json.loads((tmp_path / "package" / DESCRIPTOR_NAME).read_text(encoding="utf-8"))
    assert package["version"] == dataset.version
    # Every long table joins to the cases (frictionless checks these keys: a row whose case is
    # missing fails), persons to their measure.
    foreign = {r["name"]: r["schema"].get("foreignKeys", []) for r in package["resources"]}
    assert all(
        keys[0]["reference"] == {"resource": "cases", "fields": ["id"]} for n, keys in foreign.items() if n != "cases"
    )
    assert foreign["persons"][1]["reference"] == {"resource": "measures", "fields": ["case_id", "index"]}


def test_a_data_package_for_spreadsheets_says_it_has_a_byte_order_mark(dataset: Dataset, tmp_path: Path) -> None:
    write_datapackage(tmp_path, dataset, [dataset["2017-yibin-teacher-training-website"]], bom=True)
    package = json.loads((tmp_path / DESCRIPTOR_NAME).read_text(encoding="utf-8"))
    assert {resource["encoding"] for resource in package["resources"]} == {"utf-8-sig"}
    assert all((tmp_path / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf") for name in TABLES)


def test_committed_datapackage_descriptor_is_up_to_date() -> None:
    committed = json.loads((REPO / "docs" / "datapackage.json").read_text(encoding="utf-8"))
    assert committed == descriptor(), "docs/datapackage.json is stale: run `python scripts/write_datapackage.py`"


# --- data frames and Parquet ---------------------------------------------------------------------


def test_to_dataframe_gives_typed_columns(dataset: Dataset) -> None:
    pytest.importorskip("pandas")
    from cnenforce import to_dataframe

    chosen = _diverse(dataset)
    frame = to_dataframe(chosen, catalogue=dataset.catalogue)
    assert list(frame["id"]) == [case.id for case in chosen]
    types = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert (types["id"], types["year"], types["anonymised"], types["fines_respondent_cny"]) == (
        "string", "Int64", "boolean", "Float64",
    )  # fmt: skip
    assert types["date_earliest"].startswith("datetime64")
    yibin = to_dataframe(dataset, table="measures").query("case_id == '2017-yibin-teacher-training-website'")
    assert list(yibin["amount"]) == [10000.0, 5000.0]
    assert list(yibin["target"]) == ["respondent", "persons"]
    with pytest.raises(ValueError, match="unknown table"):
        to_dataframe(chosen, catalogue=dataset.catalogue, table="penalties")
    with pytest.raises(TypeError, match="catalogue"):
        to_dataframe(chosen)


def test_parquet_keeps_types_and_exact_amounts(dataset: Dataset, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    from cnenforce.dataframe import write_parquet

    write_parquet(tmp_path / "measures.parquet", dataset, table="measures")
    table = parquet.read_table(tmp_path / "measures.parquet")
    assert str(table.schema.field("amount").type) == "decimal128(19, 4)"
    assert table.schema.field("amount").metadata[b"description"]
    rows = [row for row in table.to_pylist() if row["case_id"] == "2017-yibin-teacher-training-website"]
    assert [row["amount"] for row in rows] == [Decimal("10000"), Decimal("5000")]
    assert table.num_rows == sum(len(case.measures) for case in dataset)
