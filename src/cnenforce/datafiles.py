"""Reading contributor data files: bytes -> checked text -> TOML data, with located problems.

Nothing here raises for bad input: every function returns the problems it found, so the
validator can report all of them in one run.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cnenforce.errors import Problem

__all__ = ["TomlLocator", "read_record", "text_problems"]

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
"""Control, zero-width and bidi-override characters: invisible, and never meant in our data."""

_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


def read_record(path: Path, display: str) -> tuple[dict[str, Any] | None, TomlLocator, list[Problem]]:
    """Read one TOML data file.

    Returns its table (``None`` when it cannot be read at all), a locator for field lines,
    and the problems found so far.
    """
    empty = TomlLocator("")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return (
            None,
            empty,
            [Problem(file=display, path="", message=f"cannot read file: {exc.strerror}")],
        )
    if not raw.strip():
        return None, empty, [Problem(file=display, path="", message="file is empty")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte_line = raw[: exc.start].count(b"\n") + 1
        message = f"not valid UTF-8 (byte {exc.start}: {raw[exc.start]:#04x})"
        return None, empty, [Problem(file=display, path="", line=byte_line, message=message)]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _TOML_POSITION.search(message)
        line = int(position.group(1)) if position else None
        reason = _TOML_POSITION.sub("", message).strip()
        return (
            None,
            empty,
            [Problem(file=display, path="", line=line, message=f"TOML syntax error: {reason}")],
        )
    locator = TomlLocator(text)
    problems = [
        Problem(file=display, path=field, line=locator.line_of(field), message=message)
        for field, message in text_problems(data)
    ]
    return data, locator, problems


def text_problems(data: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield ``(path, message)`` for every string that is not clean NFC text.

    Chinese punctuation is left alone: 《》、，are data, not typos.
    """
    if isinstance(data, str):
        bad = _FORBIDDEN.search(data)
        if bad:
            yield path, f"contains an invisible or control character U+{ord(bad.group()):04X}"
        elif unicodedata.normalize("NFC", data) != data:
            yield path, "text is not in Unicode NFC form (run `cnenforce format`)"
        elif data != data.strip():
            yield path, "text has leading or trailing white space"
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from text_problems(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from text_problems(value, f"{path}[{index}]")


class TomlLocator:
    """Maps a field path (``penalties[1].amount``) to the line of a TOML file that sets it.

    TOML parsers report no positions for values, so the locator follows table headers and
    keys line by line; for values inside inline tables it gives the line of the enclosing key.
    """

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"]+?)\s*\]\]?\s*(?:#.*)?$")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]+\")\s*=")

    def __init__(self, text: str) -> None:
        self._lines: dict[str, int] = {}
        counters: dict[str, int] = {}
        prefix = ""
        for number, line in enumerate(text.splitlines(), start=1):
            header = self._HEADER.match(line)
            if header:
                name = header.group(2).replace('"', "")
                if header.group(1) == "[[":
                    parent = self._resolve(name)
                    self._lines.setdefault(parent, number)
                    index = counters.get(parent, -1) + 1
                    counters[parent] = index
                    prefix = f"{parent}[{index}]"
                else:
                    prefix = self._resolve(name)
                self._lines.setdefault(prefix, number)
                continue
            key = self._KEY.match(line)
            if key:
                field = key.group(1).strip('"')
                self._lines.setdefault(f"{prefix}.{field}" if prefix else field, number)

    def _resolve(self, dotted: str) -> str:
        """Turn a header ``penalties.basis`` into the indexed path of the latest parent."""
        parts = dotted.split(".")
        resolved = parts[0]
        for part in parts[1:]:
            indexed = [p for p in self._lines if p.startswith(f"{resolved}[")]
            latest = max(indexed, key=lambda p: self._lines[p]) if indexed else None
            resolved = f"{latest or resolved}.{part}"
        return resolved

    def line_of(self, path: str) -> int | None:
        """The line that sets *path*, or of its nearest located ancestor; ``None`` if unknown."""
        candidate = path
        while candidate:
            if candidate in self._lines:
                return self._lines[candidate]
            cut = max(candidate.rfind("."), candidate.rfind("["))
            candidate = candidate[:cut] if cut > 0 else ""
        return None
