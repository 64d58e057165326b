"""Reading one contributor data file safely: bytes -> checked text -> TOML data, with located
problems. Nothing here raises for bad input; every function returns the problems it found.

Work is bounded whatever the input: only regular files are read (never a FIFO or a device),
at most :data:`MAX_FILE_BYTES` of them; nesting deeper than :data:`MAX_DEPTH` is refused before
the TOML parser descends into it; lists longer than :data:`MAX_ITEMS` are refused; every step
is linear in the size of the file.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from cnenforce.contrib.locator import TomlLocator
from cnenforce.errors import Problem
from cnenforce.text import text_problem

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "MAX_ITEMS", "read_toml", "text_problems"]

MAX_FILE_BYTES: Final = 2_000_000
"""The largest data file read: a batch notice of hundreds of rows is well under it."""

MAX_DEPTH: Final = 16
"""The deepest nesting of tables and lists accepted (the model needs five)."""

MAX_ITEMS: Final = 5_000
"""The longest list accepted in a data file."""


def _read_bytes(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
    def problem(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(file=display, path="", message=message)]

    try:
        info = path.stat()
    except OSError as exc:
        return problem(f"cannot read file: {exc.strerror or exc}")
    if not stat.S_ISREG(info.st_mode):
        return problem("not a regular file (a FIFO, device or folder cannot be a data file)")
    if info.st_size > MAX_FILE_BYTES:
        return problem(f"larger than {MAX_FILE_BYTES:,} bytes")
    try:
        # O_NONBLOCK: should the file have been swapped for a FIFO since the check, opening
        # and reading it cannot block.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return problem("not a regular file")
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return problem(f"cannot read file: {exc.strerror or exc}")
    if len(raw) > MAX_FILE_BYTES:
        return problem(f"larger than {MAX_FILE_BYTES:,} bytes")
    return raw, []


def read_toml(path: Path, display: str) -> tuple[dict[str, Any] | None, TomlLocator, list[Problem]]:
    """Read one TOML data file.

    Returns its table (``None`` when it cannot be read at all), a locator for field lines,
    and the problems found so far (text that breaks the text rules among them).
    """
    empty = TomlLocator("")
    raw, problems = _read_bytes(path, display)
    if raw is None:
        return None, empty, problems
    if not raw.strip():
        return None, empty, [Problem(file=display, path="", message="file is empty")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not valid UTF-8 (byte {exc.start}: {raw[exc.start]:#04x})"
        return None, empty, [Problem(file=display, path="", line=line, message=message)]
    if text.startswith("\ufeff"):
        return None, empty, [Problem(file=display, path="", line=1, message="starts with a byte-order mark")]
    deep = _too_deep(text)
    if deep is not None:
        message = f"nested deeper than {MAX_DEPTH} levels"
        return None, empty, [Problem(file=display, path="", line=deep, message=message)]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, empty, [_syntax_problem(display, str(exc))]
    except RecursionError:  # a safety net: _too_deep stops nesting long before this
        return None, empty, [Problem(file=display, path="", message=f"nested deeper than {MAX_DEPTH} levels")]
    locator = TomlLocator(text)
    problems = [
        Problem(file=display, path=field, line=locator.line_of(field), message=message)
        for field, message in text_problems(data)
    ]
    return data, locator, problems


def _syntax_problem(display: str, message: str) -> Problem:
    line = None
    marker = "(at line "
    if marker in message:
        number = message.split(marker, 1)[1].split(",", 1)[0]
        line = int(number) if number.isdigit() else None
        message = message.split(marker, 1)[0].strip()
    elif message.endswith("(at end of document)"):
        message = message.removesuffix("(at end of document)").strip() + " at the end of the file"
    return Problem(file=display, path="", line=line, message=f"TOML syntax error: {message}")


def _too_deep(text: str) -> int | None:
    """The line where brackets nest deeper than :data:`MAX_DEPTH`, if they do.

    A small scanner that skips strings and comments, so brackets in text do not count.
    """
    depth = 0
    line = 1
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\n":
            line += 1
        elif char == "#":
            end = text.find("\n", index)
            index = length if end < 0 else end
            continue
        elif char in "\"'":
            quote = char * 3 if text.startswith(char * 3, index) else char
            index, line = _skip_string(text, index, quote, line)
            continue
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}":
            depth = max(depth - 1, 0)
        index += 1
    return None


def _skip_string(text: str, start: int, quote: str, line: int) -> tuple[int, int]:
    """Index just past the string opening at *start*, and the line there."""
    escapes = quote[0] == '"'
    index = start + len(quote)
    while index < len(text):
        if escapes and text[index] == "\\":
            index += 2
            continue
        if text.startswith(quote, index):
            return index + len(quote), line
        if text[index] == "\n":
            if len(quote) == 1:  # an unterminated one-line string: the parser reports it
                return index, line
            line += 1
        index += 1
    return index, line


def text_problems(data: object) -> Iterator[tuple[str, str]]:
    """Yield ``(path, message)`` for every key or string value that breaks the text rules of
    :mod:`cnenforce.text`, and for lists longer than :data:`MAX_ITEMS` (iteratively: no
    recursion however deep the data)."""
    stack: list[tuple[str, object]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            problem = text_problem(value)
            if problem is not None:
                yield path, f"text {problem}"
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                problem = text_problem(key)
                child = f"{path}.{key}" if path else key
                if problem is not None:
                    yield child, f"key {problem}"
                stack.append((child, item))
        elif isinstance(value, list):
            if len(value) > MAX_ITEMS:
                yield path, f"has {len(value):,} items, more than the {MAX_ITEMS:,} allowed"
                continue
            stack.extend((f"{path}[{index}]", item) for index, item in reversed(list(enumerate(value))))
