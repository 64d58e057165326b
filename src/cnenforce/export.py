"""Exports for tools outside Python: JSON, JSON Lines and CSV tables.

JSON and JSON Lines carry each case exactly as the converter writes it (the shape the JSON
Schema from :func:`cnenforce.schema.case_schema` describes).

The CSV export is a set of tables (:data:`TABLES`), each described field by field with a type,
so that :mod:`cnenforce.datapackage` can describe them for Frictionless tools and
:mod:`cnenforce.dataframe` can type them for pandas and Parquet:

- ``cases``: one row per case, with names as well as ids, the fines totalled, and its lists
  joined with ``"; "`` for reading in a spreadsheet;
- long tables joined to it by ``case_id``: ``authorities``, ``provisions`` (every provision a
  case cites, in its role, and for a measure's basis, the measure's ``index``), ``measures``,
  ``persons`` (joined to ``measures`` by ``case_id`` and ``measure``), ``apps``, ``events``
  and ``sources`` (numbered from 1, as ``copy_of`` counts them).

Citations always keep the text their numbers refer to ("Article 21 of the Cybersecurity Law
(2016)"): a 2016 article number read as the current text would name another article.

CSV cells are made safe for spreadsheets at the one place rows are written
(:func:`csv_cell`): a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is prefixed with an apostrophe, so no formula runs (a date without a year, ``--07-02``,
is written ``'--07-02``); text never holds line breaks (the text rules refuse them), so no row
can be split; amounts are always plain decimals; empty cells are values not given.

>>> import cnenforce, csv, io
>>> dataset = cnenforce.load()
>>> out = io.StringIO()
>>> write_table(out, "provisions", [dataset["2017-yibin-teacher-training-website"]], dataset.catalogue)
>>> for row in csv.DictReader(io.StringIO(out.getvalue())):
...     print(row["role"], row["measure"], row["citation"], sep=" | ")
violated |  | Article 21 of the Cybersecurity Law (2016)
penalty-basis | 0 | Article 59 of the Cybersecurity Law (2016)
penalty-basis | 1 | Article 59 of the Cybersecurity Law (2016)
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, Literal, TextIO

import attrs

from cnenforce import labels
from cnenforce.catalogue import Catalogue
from cnenforce.converter import unstructure
from cnenforce.dataset import Dataset
from cnenforce.model import Case, PartialDate, Provision
from cnenforce.vocabulary import MeasureTarget

__all__ = [
    "BOM",
    "CASE_COLUMNS",
    "FORMATS",
    "MEASURE_COLUMNS",
    "TABLES",
    "Field",
    "Table",
    "Value",
    "case_records",
    "csv_cell",
    "table_rows",
    "write_export",
    "write_records",
    "write_table",
]

Value = str | int | Decimal | bool | dt.date | None
"""A typed cell value, before it is written: ``None`` is a value not given."""
FieldType = Literal["string", "integer", "number", "boolean", "date"]
"""Field types, named as Frictionless Table Schema names them."""

BOM: Final = "\ufeff"
"""The UTF-8 byte-order mark some spreadsheets need to read a CSV file as UTF-8."""


@attrs.frozen
class Field:
    """One column of an exported table."""

    name: str
    type: FieldType
    description: str


@attrs.frozen
class Table:
    """One exported table: its fields, its key, and how a case becomes its rows."""

    name: str
    description: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]
    """The fields that identify a row (a primary key)."""
    rows: Callable[[Case, Catalogue], Iterator[dict[str, Value]]] = attrs.field(repr=False)
    parent: tuple[str, tuple[str, ...], tuple[str, ...]] | None = None
    """``(table, fields here, fields there)``: the table each row belongs to, if not ``cases``."""

    @property
    def columns(self) -> tuple[str, ...]:
        """The field names, in order."""
        return tuple(field.name for field in self.fields)


def _f(name: str, type_: FieldType, description: str) -> Field:
    return Field(name, type_, description)


def _case_id() -> Field:
    return _f("case_id", "string", "Id of the case (`cases.id`).")


def _index(what: str) -> Field:
    return _f("index", "integer", f"Position of the {what} in the case's list, from 0.")


def _earliest(date: PartialDate | None) -> dt.date | None:
    return None if date is None else date.earliest()


def _latest(date: PartialDate | None) -> dt.date | None:
    return None if date is None else date.latest()


def _text(date: PartialDate | None) -> str | None:
    return None if date is None else str(date)


def _fines(case: Case, target: MeasureTarget) -> Decimal | None:
    totals = [m.total for m in case.penalties if m.is_fine and m.target is target and m.total is not None]
    amounts = [total.amount for total in totals if total.currency == "CNY"]
    return sum(amounts, Decimal(0)) if amounts else None


def _cite_all(provisions: Iterable[Provision], catalogue: Catalogue) -> str:
    return labels.joined(labels.citation(p, catalogue) for p in provisions)


# --- the tables --------------------------------------------------------------------------------


def _case_rows(case: Case, catalogue: Catalogue) -> Iterator[dict[str, Value]]:
    respondent = case.respondent
    region = case.region
    bases = dict.fromkeys(p for measure in case.measures for p in measure.basis)
    yield {
        "id": case.id,
        "date": _text(case.date),
        "date_earliest": _earliest(case.date),
        "date_latest": _latest(case.date),
        "year": case.year,
        "title": case.title,
        "title_zh": case.title_zh,
        "respondent": respondent.display_name or None,
        "respondent_zh": respondent.name_zh or respondent.description_zh,
        "respondent_kind": respondent.kind.value,
        "anonymised": respondent.anonymised,
        "sector": respondent.sector.value if respondent.sector else None,
        "national": case.national,
        "province": region.province if region else None,
        "province_name": labels.province(region.province) if region else None,
        "city": (region.city or region.city_zh) if region else None,
        "district": (region.district or region.district_zh) if region else None,
        "place": labels.place(case) or None,
        "authorities": labels.joined(case.authorities) or None,
        "authority_names": labels.joined(labels.authorities(case, catalogue)) or None,
        "action": case.action,
        "campaigns": labels.joined(str(c) for c in case.campaigns) or None,
        "status": case.status.value if case.status else None,
        "violations": _cite_all(case.violations, catalogue) or None,
        "cited": _cite_all(case.cited, catalogue) or None,
        "measure_bases": _cite_all(bases, catalogue) or None,
        "measures_disclosure": case.measures_disclosure.value,
        "measure_kinds": labels.joined(dict.fromkeys(m.kind.value for m in case.measures)) or None,
        "penalised": bool(case.penalties),
        "fines_respondent_cny": _fines(case, MeasureTarget.RESPONDENT),
        "fines_persons_cny": _fines(case, MeasureTarget.PERSONS),
        "fines_undisclosed": sum(1 for m in case.measures if m.is_fine and m.amount is None),
        "apps": labels.joined(app.name for app in case.apps) or None,
        "tags": labels.joined(tag.value for tag in case.tags) or None,
        "source_urls": labels.joined(source.url for source in case.sources if source.url) or None,
        "summary": case.summary,
        "summary_zh": case.summary_zh,
        "note": case.note,
    }


_CASES: Final = Table(
    name="cases",
    description="One row per case: one respondent in one enforcement action.",
    key=("id",),
    rows=_case_rows,
    fields=(
        _f("id", "string", "The case's stable id."),
        _f("date", "string", "The case's reference date as recorded, possibly partial ('2017-08', 'early 2017-08', "
           "'--07-02' without a year): the decision, else the announcement, else the first dated event."),
        _f("date_earliest", "date", "The first day the reference date can be (empty without a year)."),
        _f("date_latest", "date", "The last day the reference date can be (empty without a year)."),
        _f("year", "integer", "The year of the reference date."),
        _f("title", "string", "English headline."),
        _f("title_zh", "string", "Chinese headline."),
        _f("respondent", "string", "The respondent's English name, else its Chinese name, else the source's "
           "description."),
        _f("respondent_zh", "string", "The respondent's Chinese name, else the source's Chinese description."),
        _f("respondent_kind", "string", "company, organisation, individual, group or unknown."),
        _f("anonymised", "boolean", "Whether the source withholds or masks the respondent's name."),
        _f("sector", "string", "The respondent's sector."),
        _f("national", "boolean", "Whether the action was nationwide."),
        _f("province", "string", "ISO 3166-2:CN code of the province where the action was taken."),
        _f("province_name", "string", "English name of that province."),
        _f("city", "string", "The city, in English where known."),
        _f("district", "string", "The county or district, in English where known."),
        _f("place", "string", "Where the action was taken, in words ('Yibin, Sichuan', 'nationwide')."),
        _f("authorities", "string", "Ids of the authorities that acted, joined with '; '."),
        _f("authority_names", "string", "English names of the authorities, named and unnamed, joined with '; '."),
        _f("action", "string", "Id of the announcement or notice the case belongs to."),
        _f("campaigns", "string", "Campaigns, with their year where stated ('jingwang 2019'), joined with '; '."),
        _f("status", "string", "The kind of the case's latest event."),
        _f("violations", "string", "Provisions breached, as citations with their text year, joined with '; '."),
        _f("cited", "string", "Provisions cited without a stated role, joined with '; '."),
        _f("measure_bases", "string", "Provisions measures were imposed under, joined with '; '."),
        _f("measures_disclosure", "string", "What the sources say about measures: stated, unspecified, "
           "not-stated or none."),
        _f("measure_kinds", "string", "Kinds of the case's measures, joined with '; '."),
        _f("penalised", "boolean", "Whether any measure is a penalty."),
        _f("fines_respondent_cny", "number", "Total of the stated fines on the respondent, in CNY."),
        _f("fines_persons_cny", "number", "Total of the stated fines on persons within the respondent, in CNY "
           "(per-person amounts times the persons)."),
        _f("fines_undisclosed", "integer", "Fines whose amount the sources do not give."),
        _f("apps", "string", "Names of the apps named in the case, joined with '; '."),
        _f("tags", "string", "Categories of conduct, joined with '; '."),
        _f("source_urls", "string", "Addresses of the sources, joined with '; '."),
        _f("summary", "string", "English summary."),
        _f("summary_zh", "string", "Chinese summary."),
        _f("note", "string", "Remarks on the record."),
    ),
)  # fmt: skip


def _authority_rows(case: Case, catalogue: Catalogue) -> Iterator[dict[str, Value]]:
    index = 0
    for key in case.authorities:
        found = catalogue.authorities.get(key)
        yield {
            "case_id": case.id,
            "index": index,
            "authority": key,
            "named": True,
            "name_en": labels.authority(key, catalogue),
            "name_zh": found.name_zh if found else None,
            "kind": found.kind.value if found else None,
            "level": found.level.value if found else None,
            "province": found.region.province if found and found.region else None,
        }
        index += 1
    for unnamed in case.unnamed_authorities:
        yield {
            "case_id": case.id,
            "index": index,
            "authority": None,
            "named": False,
            "name_en": unnamed.description,
            "name_zh": unnamed.description_zh,
            "kind": unnamed.kind.value,
            "level": unnamed.level.value if unnamed.level else None,
            "province": unnamed.region.province if unnamed.region else None,
        }
        index += 1


_AUTHORITIES: Final = Table(
    name="authorities",
    description="The authorities of each case: named ones (in the catalogue), then those the sources describe "
    "without naming.",
    key=("case_id", "index"),
    rows=_authority_rows,
    fields=(
        _case_id(),
        _index("authority (named ones first)"),
        _f("authority", "string", "Catalogue id of a named authority; empty for an unnamed one."),
        _f("named", "boolean", "Whether the sources name the authority."),
        _f("name_en", "string", "English name, or the source's description of an unnamed authority."),
        _f("name_zh", "string", "Chinese name or description."),
        _f("kind", "string", "Authority kind (cyberspace, public-security, ...)."),
        _f("level", "string", "national, provincial, municipal or county."),
        _f("province", "string", "ISO 3166-2:CN code of the authority's province (empty for national bodies)."),
    ),
)


def _provision_rows(case: Case, catalogue: Catalogue) -> Iterator[dict[str, Value]]:
    listed: list[tuple[str, int | None, Provision]] = [("violated", None, p) for p in case.violations]
    listed += [("cited", None, p) for p in case.cited]
    listed += [("penalty-basis", i, p) for i, measure in enumerate(case.measures) for p in measure.basis]
    for index, (role, measure, provision) in enumerate(listed):
        yield {
            "case_id": case.id,
            "index": index,
            "role": role,
            "measure": measure,
            "instrument": provision.instrument,
            "title": provision.title,
            "article": provision.article,
            "paragraph": provision.paragraph,
            "item": provision.item,
            "version": provision.version,
            "citation": labels.citation(provision, catalogue),
            "citation_zh": labels.citation(provision, catalogue, "zh"),
        }


_PROVISIONS: Final = Table(
    name="provisions",
    description="Every provision each case cites: breached ('violated'), cited without a stated role ('cited'), "
    "or a measure's legal basis ('penalty-basis', with the measure's index), in the case's order.",
    key=("case_id", "index"),
    rows=_provision_rows,
    fields=(
        _case_id(),
        _f("index", "integer", "Position among the case's provisions, from 0: violations, cited, then each "
           "measure's basis."),
        _f("role", "string", "violated, cited or penalty-basis."),
        _f("measure", "integer", "For a measure's basis: the measure's index (`measures.index`)."),
        _f("instrument", "string", "Catalogue id of the instrument (empty for one outside the catalogue)."),
        _f("title", "string", "The instrument's title as written, for one outside the catalogue."),
        _f("article", "integer", "Article number, in the text named by `version`."),
        _f("paragraph", "integer", "Paragraph (款) number."),
        _f("item", "integer", "Item (项) number."),
        _f("version", "string", "The instrument's text the numbers refer to ('2016'), for instruments with "
           "several texts."),
        _f("citation", "string", "The provision as an English citation, with its text year."),
        _f("citation_zh", "string", "The provision as a Chinese citation, with its text year."),
    ),
)  # fmt: skip


def _measure_rows(case: Case, catalogue: Catalogue) -> Iterator[dict[str, Value]]:
    for index, measure in enumerate(case.measures):
        total = measure.total
        yield {
            "case_id": case.id,
            "index": index,
            "kind": measure.kind.value,
            "category": measure.kind.category.value,
            "is_penalty": measure.is_penalty,
            "target": measure.target.value,
            "persons": labels.joined(person.label for person in measure.persons) or None,
            "person_count": measure.person_count,
            "per_person": measure.per_person,
            "amount": measure.amount.amount if measure.amount else None,
            "currency": measure.amount.currency if measure.amount else None,
            "total": total.amount if total else None,
            "duration": str(measure.duration) if measure.duration else None,
            "interim": measure.interim,
            "addressee": measure.addressee,
            "addressee_zh": measure.addressee_zh,
            "basis": _cite_all(measure.basis, catalogue) or None,
            "note": measure.note,
        }


_MEASURES: Final = Table(
    name="measures",
    description="One row per measure: penalties and other measures, on the respondent, on persons within it, or "
    "on a third party.",
    key=("case_id", "index"),
    rows=_measure_rows,
    fields=(
        _case_id(),
        _index("measure"),
        _f("kind", "string", "Measure kind (fine, warning, order-to-correct, ...)."),
        _f("category", "string", "The kind's category."),
        _f("is_penalty", "boolean", "Whether the measure counts as an administrative penalty (never interim, never "
           "on a third party)."),
        _f("target", "string", "respondent, persons or third-party."),
        _f("persons", "string", "Labels of the persons named, joined with '; ' (see the persons table)."),
        _f("person_count", "integer", "How many persons, when the source states it."),
        _f("per_person", "boolean", "Whether the amount is what each person was fined."),
        _f("amount", "number", "The amount as stated (per person where per_person)."),
        _f("currency", "string", "The amount's currency (ISO 4217)."),
        _f("total", "number", "The whole amount: the amount, times the persons for a per-person amount (empty when "
           "not known)."),
        _f("duration", "string", "A deadline or length ('15 days')."),
        _f("interim", "boolean", "Whether the measure was interim, during a review."),
        _f("addressee", "string", "For a measure on a third party: who it was addressed to, in English."),
        _f("addressee_zh", "string", "The addressee in Chinese."),
        _f("basis", "string", "Provisions it was imposed under, as citations, joined with '; '."),
        _f("note", "string", "Remarks."),
    ),
)  # fmt: skip


def _person_rows(case: Case, catalogue: Catalogue) -> Iterator[dict[str, Value]]:
    for measure_index, measure in enumerate(case.measures):
        for index, person in enumerate(measure.persons):
            yield {
                "case_id": case.id,
                "measure": measure_index,
                "index": index,
                "name_zh": person.name_zh,
                "name_en": person.name_en,
                "role": person.role.value if person.role else None,
                "position": person.position,
            }


_PERSONS: Final = Table(
    name="persons",
    description="The persons a measure names, with names exactly as published (masked names stay masked).",
    key=("case_id", "measure", "index"),
    parent=("measures", ("case_id", "measure"), ("case_id", "index")),
    rows=_person_rows,
    fields=(
        _case_id(),
        _f("measure", "integer", "The measure's index (`measures.index`)."),
        _f("index", "integer", "Position of the person in the measure's list, from 0."),
        _f("name_zh", "string", "Chinese name as published."),
        _f("name_en", "string", "Name as an English-language source gives it."),
        _f("role", "string", "Role (legal-representative, person-in-charge, ...)."),
        _f("position", "string", "Title as published ('chairman', 董事长)."),
    ),
)


def _app_rows(case: Case, catalogue: Catalogue) -> Iterator[dict[str, Value]]:
    for index, app in enumerate(case.apps):
        yield {
            "case_id": case.id,
            "index": index,
            "name": app.name,
            "name_en": app.name_en,
            "kind": app.kind.value,
            "version": app.version,
            "store": app.store,
            "operator": app.operator,
        }


_APPS: Final = Table(
    name="apps",
    description="Apps, mini programs and other products named in each case.",
    key=("case_id", "index"),
    rows=_app_rows,
    fields=(
        _case_id(),
        _index("app"),
        _f("name", "string", "Name as published."),
        _f("name_en", "string", "An English name a source gives."),
        _f("kind", "string", "app, mini-program, ..."),
        _f("version", "string", "Version as the notice gives it."),
        _f("store", "string", "Store as the notice gives it."),
        _f("operator", "string", "Operator as the notice gives it."),
    ),
)


def _event_rows(case: Case, catalogue: Catalogue) -> Iterator[dict[str, Value]]:
    for index, event in enumerate(case.events):
        yield {
            "case_id": case.id,
            "index": index,
            "kind": event.kind.value,
            "date": _text(event.date),
            "date_earliest": _earliest(event.date),
            "date_latest": _latest(event.date),
            "authority": event.authority,
            "note": event.note,
        }


_EVENTS: Final = Table(
    name="events",
    description="The dated steps of each case, in order.",
    key=("case_id", "index"),
    rows=_event_rows,
    fields=(
        _case_id(),
        _index("event"),
        _f("kind", "string", "Event kind (decided, announced, ...)."),
        _f("date", "string", "The date as recorded, possibly partial."),
        _f("date_earliest", "date", "The first day the date can be (empty without a year)."),
        _f("date_latest", "date", "The last day the date can be (empty without a year)."),
        _f("authority", "string", "Catalogue id of the authority that took the step, where it differs."),
        _f("note", "string", "Remarks."),
    ),
)


def _source_rows(case: Case, catalogue: Catalogue) -> Iterator[dict[str, Value]]:
    for number, source in enumerate(case.sources, start=1):
        yield {
            "case_id": case.id,
            "number": number,
            "kind": source.kind.value,
            "title": source.title,
            "publisher": source.publisher,
            "url": source.url,
            "archived_url": source.archived_url,
            "published": _text(source.published),
            "language": source.language.value,
            "authors": labels.joined(source.authors) or None,
            "retrieved": source.retrieved,
            "copy_of": source.copy_of,
            "states": labels.joined(source.states) or None,
            "note": source.note,
        }


_SOURCES: Final = Table(
    name="sources",
    description="The sources of each case, numbered from 1 in the case's order.",
    key=("case_id", "number"),
    rows=_source_rows,
    fields=(
        _case_id(),
        _f("number", "integer", "The source's number in the case, from 1."),
        _f("kind", "string", "official, repost, news, commentary, mirror or other."),
        _f("title", "string", "Title as published."),
        _f("publisher", "string", "Publisher (a mirror has none)."),
        _f("url", "string", "Address."),
        _f("archived_url", "string", "An archived copy's address."),
        _f("published", "string", "Publication date as recorded, possibly partial."),
        _f("language", "string", "en, zh or zh-Hant."),
        _f("authors", "string", "Authors, joined with '; '."),
        _f("retrieved", "date", "The day the source was read."),
        _f("copy_of", "integer", "The number of the source this one copies."),
        _f("states", "string", "The field paths this source states, joined with '; '."),
        _f("note", "string", "Remarks."),
    ),
)

TABLES: Final[Mapping[str, Table]] = {
    table.name: table for table in (_CASES, _AUTHORITIES, _PROVISIONS, _MEASURES, _PERSONS, _APPS, _EVENTS, _SOURCES)
}
"""Every exported table, by name: ``cases`` first, then the long tables joined to it."""

CASE_COLUMNS: Final = _CASES.columns
"""Columns of the one-row-per-case table."""
MEASURE_COLUMNS: Final = _MEASURES.columns
"""Columns of the one-row-per-measure table."""

FORMATS: Final = ("json", "jsonl", "csv", *(f"{name}-csv" for name in TABLES if name != "cases"))
"""What :func:`write_export` writes: ``json``, ``jsonl``, ``csv`` (the cases table) and
``<table>-csv`` for each long table (``measures-csv``, ``provisions-csv``, ...)."""


# --- writing -----------------------------------------------------------------------------------

_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """*value* made safe for a spreadsheet cell (see the module docs).

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("Tencent")
    ("'=HYPERLINK(1)", 'Tencent')
    """
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        return csv_cell(value)
    return str(value)  # int, date (ISO 8601)


def case_records(cases: Iterable[Case]) -> list[dict[str, Any]]:
    """Cases as JSON-compatible records (the converter's form)."""
    return [unstructure(case) for case in cases]


def table_rows(table: str | Table, cases: Iterable[Case], catalogue: Catalogue) -> Iterator[dict[str, Value]]:
    """The rows of *table* (a name from :data:`TABLES`) for *cases*, as typed values."""
    found = TABLES[table] if isinstance(table, str) else table
    for case in cases:
        yield from found.rows(case, catalogue)


def write_table(
    out: TextIO, table: str | Table, cases: Iterable[Case], catalogue: Catalogue, *, bom: bool = False
) -> None:
    """Write *table* for *cases* to *out* as CSV (with a byte-order mark first if *bom*)."""
    found = TABLES[table] if isinstance(table, str) else table
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(found.columns)
    for row in table_rows(found, cases, catalogue):
        writer.writerow([_cell(row[column]) for column in found.columns])


def write_records(out: TextIO, records: Sequence[Mapping[str, object]], *, bom: bool = False) -> None:
    """Write flat *records* (all with the same keys, such as statistics groups) as CSV, made
    safe like the tables."""
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    columns = list(records[0]) if records else []
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record[column]) for column in columns])  # type: ignore[arg-type]


def write_export(
    dataset: Dataset, fmt: str, out: TextIO, cases: Iterable[Case] | None = None, *, bom: bool = False
) -> None:
    """Write *cases* (default: every case of *dataset*) to *out* in the format *fmt* (one of
    :data:`FORMATS`); *bom* puts a byte-order mark before a CSV table."""
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
    elif fmt == "csv" or (fmt.endswith("-csv") and fmt.removesuffix("-csv") in TABLES):
        write_table(out, fmt.removesuffix("-csv") if fmt != "csv" else "cases", selected, dataset.catalogue, bom=bom)
    else:
        raise ValueError(f"unknown export format {fmt!r} (one of: {', '.join(FORMATS)})")
