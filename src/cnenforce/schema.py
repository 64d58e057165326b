"""JSON Schema (draft 2020-12) of the records the converter writes, derived from the model.

Derived, not hand-written, so it cannot drift from the classes: every attrs field becomes a
property, fields without defaults are required, unknown keys are refused, enums list their
values. Fields left at their default are omitted from records, so optional fields are simply
absent rather than ``null``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from cnenforce.model import (
    AMOUNT_PATTERN,
    DURATION_PATTERN,
    ID_PATTERN,
    PARTIAL_DATE_PATTERN,
    Case,
    Duration,
    PartialDate,
    _fields,
)
from cnenforce.text import MAX_TEXT_LENGTH, TEXT_PATTERN, URL_PATTERN

__all__ = ["SCHEMA_ID", "case_schema", "schema_for"]

SCHEMA_ID = "https://cnenforce.github.io/cnenforce/case.schema.json"
"""Where the documentation site publishes the schema (``docs/case.schema.json``)."""


def _anchored(pattern: str) -> str:
    """*pattern* (a Python regex of the model) as an anchored ECMA-262 pattern: named groups
    become plain groups."""
    return "^(?:" + re.sub(r"\?P<[a-z_]+>", "", pattern) + ")$"


_DECIMAL = {
    "type": "string",
    "pattern": _anchored(AMOUNT_PATTERN.pattern),
    "description": "An amount written as text: digits, an optional decimal point, no separators or exponent.",
}
_DATE = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_PARTIAL_DATE = {
    "type": "string",
    "pattern": _anchored(PARTIAL_DATE_PATTERN.pattern),
    "description": "YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD or --MM (no year), optionally prefixed by early, mid or late.",
}
_DURATION = {
    "type": "string",
    "pattern": _anchored(DURATION_PATTERN.pattern),
    "description": 'A length of time in the source\'s unit: "1 day", "15 days", "3 months".',
}
_TEXT = {
    "type": "string",
    "minLength": 1,
    "maxLength": MAX_TEXT_LENGTH,
    "pattern": TEXT_PATTERN,
    "description": "Text in Unicode NFC: no control, format or separator characters, not only invisible "
    "characters, no white space at either end.",
}
_URL = {"type": "string", "format": "uri", "pattern": _anchored(URL_PATTERN.pattern)}
_ID = {"type": "string", "pattern": _anchored(ID_PATTERN.pattern), "maxLength": 120}


def _doc(cls: type[Any]) -> str:
    return (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        return (
            _type_schema(members[0], defs) if len(members) == 1 else {"anyOf": [_type_schema(m, defs) for m in members]}
        )
    if origin is tuple:
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0], defs)}
    if tp is str:
        return dict(_TEXT)
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is Decimal:
        return dict(_DECIMAL)
    if tp is dt.date:
        return dict(_DATE)
    if tp is PartialDate:
        return dict(_PARTIAL_DATE)
    if tp is Duration:
        return dict(_DURATION)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"type": "string", "enum": [member.value for member in tp]}
    if attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder first: guards against recursion
            defs[name] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _field_schema(field: attrs.Attribute[Any], tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """A field's schema: its type's, narrowed where its validator is an id or URL rule."""
    if field.validator in (_fields.url, _fields.optional_url):
        return dict(_URL)
    if field.validator in (_fields.identifier, _fields.optional_identifier):
        return dict(_ID)
    if field.validator in (_fields.article_number, _fields.optional_article_number):
        return {"type": "integer", "minimum": 1, "maximum": _fields.MAX_ARTICLE}
    return _type_schema(tp, defs)


def _class_schema(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties = {}
    required = []
    for field in attrs.fields(cls):
        properties[field.name] = _field_schema(field, hints[field.name], defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {"type": "object", "description": _doc(cls), "properties": properties}
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def schema_for(cls: type[Any], *, schema_id: str | None = None) -> dict[str, Any]:
    """The JSON Schema of the records *cls* is written as."""
    defs: dict[str, Any] = {}
    root = _class_schema(cls, defs)
    schema: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    if schema_id:
        schema["$id"] = schema_id
    schema |= {"title": cls.__name__, **root, "$defs": dict(sorted(defs.items()))}
    return schema


def case_schema() -> dict[str, Any]:
    """The JSON Schema of one exported case (as in ``cnenforce export --format jsonl``)."""
    return schema_for(Case, schema_id=SCHEMA_ID)
