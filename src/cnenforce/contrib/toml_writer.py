"""Writing plain data as canonical TOML text (the form ``cnenforce format`` gives data files).

Two contributors who write the same record get the same bytes: keys in model field order
(the order the converter emits), strings in double quotes, small tables inline, lists of
larger tables as ``[[array]]`` sections.

Strings are written exactly: only the characters TOML forbids raw in a basic string (the
quote, the backslash and control characters) are escaped, each with an escape that reads back
as the same code point (``\\uXXXX``, or ``\\UXXXXXXXX`` beyond the Basic Multilingual Plane).
Every other character, printable or not, assigned or not, is written as itself, so every
Unicode scalar value round-trips.

Only what the converter emits needs writing: strings, integers, booleans, dates, lists and
tables. ``None`` never occurs because default values are omitted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final, TypeGuard

__all__ = ["dumps"]

_INLINE_WIDTH = 100
"""A table or list that fits on a line this wide is written on one line."""
_INLINE_KEYS = 3
"""A table (not in a list) with more keys than this gets a section of its own."""


def dumps(record: Mapping[str, Any]) -> str:
    """Write *record* (plain data from the converter) as canonical TOML text."""
    lines: list[str] = []
    _write_table(lines, record, prefix=())
    return "\n".join(lines).strip("\n") + "\n"


def _is_table(value: object) -> TypeGuard[Mapping[str, Any]]:
    return isinstance(value, Mapping)


def _is_table_list(value: object) -> TypeGuard[Sequence[Mapping[str, Any]]]:
    return isinstance(value, list | tuple) and bool(value) and all(_is_table(item) for item in value)


def _needs_section(value: object) -> bool:
    """Whether *value* is written as a section rather than inline."""
    if _is_table(value):
        nested = any(_is_table(v) or _is_table_list(v) for v in value.values())
        return nested or len(value) > _INLINE_KEYS or len(_inline(value)) > _INLINE_WIDTH
    if _is_table_list(value):
        return any(_needs_section(item) or len(_inline(item)) > _INLINE_WIDTH - 4 for item in value)
    return False


def _write_table(lines: list[str], table: Mapping[str, Any], prefix: tuple[str, ...]) -> None:
    deferred: list[tuple[str, Any]] = []
    for key, value in table.items():
        if _needs_section(value):
            deferred.append((key, value))
        else:
            lines.append(f"{_key(key)} = {_value(value, indent=0)}")
    for key, value in deferred:
        path = ".".join(_key(part) for part in (*prefix, key))
        if _is_table(value):
            lines.extend(["", f"[{path}]"])
            _write_table(lines, value, (*prefix, key))
        else:
            for item in value:
                lines.extend(["", f"[[{path}]]"])
                _write_table(lines, item, (*prefix, key))


def _key(key: str) -> str:
    if key and all(char.isascii() and (char.isalnum() or char in "-_") for char in key):
        return key
    return _string(key)


def _value(value: Any, indent: int) -> str:
    if isinstance(value, list | tuple):
        one_line = _inline(value)
        if len(one_line) <= _INLINE_WIDTH:
            return one_line
        inner = " " * (indent + 4)
        items = "".join(f"{inner}{_value(item, indent + 4)},\n" for item in value)
        return f"[\n{items}{' ' * indent}]"
    return _inline(value)


def _inline(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {_inline(v)}" for k, v in value.items()) + " }"
    if isinstance(value, Sequence):
        return "[" + ", ".join(_inline(item) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML: {value!r}")


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_RAW_FORBIDDEN: Final = re.compile('["\\\\\x00-\x1f\x7f]')
"""What TOML does not allow unescaped in a basic string: the quote, the backslash, and control
characters other than tab (escaped too, to keep each value on one line)."""


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04X}"


def _string(text: str) -> str:
    return '"' + _RAW_FORBIDDEN.sub(_escape, text) + '"'
