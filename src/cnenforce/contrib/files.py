"""Reading one contributor data file safely: bytes -> checked text -> TOML data, with located
problems. Nothing here raises for bad input; every function returns the problems it found.

Work is bounded whatever the input: only regular files are read (never a FIFO or a device),
at most :data:`MAX_FILE_BYTES` of them; nesting deeper than :data:`MAX_DEPTH` is refused before
the TOML parser descends into it; lists longer than :data:`MAX_ITEMS` are refused; every step
is linear in the size of the file.
"""

from __future__ import annotations

import os
import re
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
    deep_path = _deep_path(data)
    if deep_path is not None:  # dotted keys and headers nest without brackets: a.b.c = 1
        message = f"nested deeper than {MAX_DEPTH} levels"
        return None, empty, [Problem(file=display, path="", line=locator.line_of(deep_path), message=message)]
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


_TOKEN: Final = re.compile("\"\"\"|'''|[\"'#\\[\\]{}\\n]")
"""What the depth scanner stops at: string openings, comments, brackets and line ends."""

_STRING_BODY: Final = {
    '"': re.compile(r'[^"\\\n]*(?:\\.[^"\\\n]*)*'),
    "'": re.compile(r"[^'\n]*"),
    '"""': re.compile(r'[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*', re.DOTALL),
    "'''": re.compile(r"[^']*(?:'(?!'')[^']*)*"),
}
"""The body of each kind of TOML string, up to its closing quotes (escapes skipped)."""


def _too_deep(text: str) -> int | None:
    """The line where brackets nest deeper than :data:`MAX_DEPTH`, if they do.

    A small scanner that skips strings and comments, so brackets in text do not count. Each
    step is one regular expression match, so a file is scanned in linear time.
    """
    depth = 0
    line = 1
    index = 0
    while (token := _TOKEN.search(text, index)) is not None:
        char = token.group()
        index = token.end()
        if char == "\n":
            line += 1
        elif char == "#":
            end = text.find("\n", index)
            index = len(text) if end < 0 else end
        elif char in _STRING_BODY:
            body = _STRING_BODY[char].match(text, index)
            end = index if body is None else body.end()
            line += text.count("\n", index, end)
            # Past the closing quotes; an unterminated string stops at the line end, where
            # the parser reports it.
            index = end + len(char) if text.startswith(char, end) else end
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        else:
            depth = max(depth - 1, 0)
    return None


def _deep_path(data: object) -> str | None:
    """The path of a value nested deeper than :data:`MAX_DEPTH` in parsed data, if any
    (iteratively: nothing recursive may see such data)."""
    stack: list[tuple[str, object, int]] = [("", data, 0)]
    while stack:
        path, value, depth = stack.pop()
        if depth > MAX_DEPTH:
            # Down to a leaf, whose line the locator knows (it sees no line for a header's parts).
            while isinstance(value, dict | list) and value:
                key, value = next(iter(value.items())) if isinstance(value, dict) else (0, value[0])
                path = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}"
            return path
        if isinstance(value, dict):
            stack.extend((f"{path}.{key}" if path else key, item, depth + 1) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((f"{path}[{index}]", item, depth + 1) for index, item in enumerate(value))
    return None


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
