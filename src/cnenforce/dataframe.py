"""Tables as pandas data frames and Parquet files, for analysis outside the command line.

The tables are those of :mod:`cnenforce.export` (``cases``, and the long tables joined to it by
``case_id``), with typed columns: text as pandas' ``string``, whole numbers as nullable
``Int64``, flags as nullable ``boolean``, amounts as ``Float64`` (CNY amounts are exact in it
up to far beyond any fine), days as ``datetime64``; never a list or a dict in a cell.

pandas (the ``pandas`` extra: ``pip install 'cnenforce[pandas]'``) and pyarrow (the
``parquet`` extra) are imported only when these functions are called; without them a call
raises :class:`MissingDependency` saying what to install. Parquet files keep amounts exact, as
decimals, and need pyarrow only, not pandas.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Final

from cnenforce.catalogue import Catalogue
from cnenforce.errors import CnenforceError
from cnenforce.export import TABLES, FieldType, Table, table_rows
from cnenforce.model import Case

__all__ = ["MissingDependency", "to_dataframe", "write_parquet"]

_EXTRAS: Final = {"pandas": "pandas", "pyarrow": "parquet"}


class MissingDependency(CnenforceError, ImportError):
    """An optional dependency is not installed; the message names the extra that installs it."""


def _require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        extra = _EXTRAS[module.partition(".")[0]]
        raise MissingDependency(
            f"this needs {module.partition('.')[0]}, which is not installed: pip install 'cnenforce[{extra}]'"
        ) from None


def _catalogue_of(cases: Iterable[Case], catalogue: Catalogue | None) -> Catalogue:
    if catalogue is not None:
        return catalogue
    found = getattr(cases, "catalogue", None)
    if not isinstance(found, Catalogue):
        raise TypeError("needs catalogue=, the catalogue that describes the cases (or pass a dataset or selection)")
    return found


def _table(name: str) -> Table:
    found = TABLES.get(name)
    if found is None:
        raise ValueError(f"unknown table {name!r} (one of: {', '.join(TABLES)})")
    return found


_PANDAS_TYPES: Final[dict[FieldType, str]] = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "date": "datetime64[s]",
}


def to_dataframe(cases: Iterable[Case], *, catalogue: Catalogue | None = None, table: str = "cases") -> Any:
    """*table* (``"cases"``, ``"measures"``, ``"provisions"``, ... see
    :data:`cnenforce.export.TABLES`) for *cases* as a ``pandas.DataFrame`` with typed columns.

    *cases* may be a :class:`~cnenforce.dataset.Dataset` or a
    :class:`~cnenforce.query.Selection` (whose catalogue is used), or any cases with
    *catalogue*. Join the long tables to ``cases`` on ``case_id``.
    """
    pandas = _require("pandas")
    found = _table(table)
    chosen = _catalogue_of(cases, catalogue)
    rows = list(table_rows(found, cases, chosen))
    columns = {}
    for field in found.fields:
        values: list[object] = [row[field.name] for row in rows]
        if field.type == "number":
            values = [None if value is None else float(str(value)) for value in values]
        if field.type == "date":
            columns[field.name] = pandas.to_datetime(pandas.Series(values, dtype=object)).astype(_PANDAS_TYPES["date"])
        else:
            columns[field.name] = pandas.Series(values, dtype=_PANDAS_TYPES[field.type])
    return pandas.DataFrame(columns, columns=list(found.columns))


def _arrow_types(pyarrow: Any) -> dict[FieldType, Any]:
    return {
        "string": pyarrow.string(),
        "integer": pyarrow.int64(),
        "number": pyarrow.decimal128(19, 4),
        "boolean": pyarrow.bool_(),
        "date": pyarrow.date32(),
    }


def write_parquet(
    target: Path | str | IO[bytes], cases: Iterable[Case], *, catalogue: Catalogue | None = None, table: str = "cases"
) -> None:
    """Write *table* for *cases* to *target* (a path or a binary file) as Parquet, with typed
    columns (amounts as ``decimal128(19, 4)``) and the field descriptions as column metadata."""
    pyarrow = _require("pyarrow")
    parquet = _require("pyarrow.parquet")
    found = _table(table)
    chosen = _catalogue_of(cases, catalogue)
    rows = list(table_rows(found, cases, chosen))
    types = _arrow_types(pyarrow)
    schema = pyarrow.schema(
        [
            pyarrow.field(field.name, types[field.type], metadata={"description": field.description})
            for field in found.fields
        ],
        metadata={"table": found.name, "description": found.description},
    )
    arrays = [pyarrow.array([row[field.name] for row in rows], type=types[field.type]) for field in found.fields]
    parquet.write_table(pyarrow.Table.from_arrays(arrays, schema=schema), target)
