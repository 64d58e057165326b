"""Which line of a TOML file sets a field: ``measures[1].amount`` -> line 42.

TOML parsers report no positions for values, so :class:`TomlLocator` follows table headers and
keys line by line, in one pass: every header and key costs a few dictionary operations, so a
file of any shape is located in linear time.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["TomlLocator"]

_HEADER: Final = re.compile(
    r"\s*(\[\[?)\s*((?:[A-Za-z0-9_-]+|\"[^\"\n]*\")(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"\n]*\"))*)\s*\]\]?"
)
_KEY: Final = re.compile(r"\s*((?:[A-Za-z0-9_-]+|\"[^\"\n]*\")(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"\n]*\"))*)\s*=")
_PART: Final = re.compile(r"\"([^\"\n]*)\"|([A-Za-z0-9_-]+)")


def _parts(dotted: str) -> list[str]:
    return [match[1] if match[1] is not None else match[2] for match in _PART.finditer(dotted)]


class TomlLocator:
    """Maps a field path (``measures[1].amount``) to the line of a TOML file that sets it.

    For values inside inline tables and one-line lists it gives the line of the enclosing key;
    for a path it has not seen, the line of its nearest located ancestor.
    """

    def __init__(self, text: str) -> None:
        self._lines: dict[str, int] = {}
        counters: dict[str, int] = {}
        latest: dict[str, str] = {}
        """For each unindexed table path, the indexed path of its latest array element."""
        prefix = ""
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header is not None and header.end() == len(line.split("#", 1)[0].rstrip()):
                parts = _parts(header.group(2))
                resolved = self._resolve(parts[:-1], latest)
                path = f"{resolved}.{parts[-1]}" if resolved else parts[-1]
                if header.group(1) == "[[":
                    self._lines.setdefault(path, number)
                    index = counters.get(path, -1) + 1
                    counters[path] = index
                    unindexed = ".".join(parts)
                    prefix = f"{path}[{index}]"
                    latest[unindexed] = prefix
                else:
                    prefix = path
                self._lines.setdefault(prefix, number)
                continue
            key = _KEY.match(line)
            if key is not None:
                field = ".".join(_parts(key.group(1)))
                self._lines.setdefault(f"{prefix}.{field}" if prefix else field, number)

    @staticmethod
    def _resolve(parts: list[str], latest: dict[str, str]) -> str:
        """The indexed path of the table *parts* name: ``cases.respondent`` ->
        ``cases[2].respondent`` when ``cases`` is an array of tables with three elements so far."""
        resolved = unindexed = ""
        for part in parts:
            unindexed = f"{unindexed}.{part}" if unindexed else part
            resolved = f"{resolved}.{part}" if resolved else part
            resolved = latest.get(unindexed, resolved)
        return resolved

    def line_of(self, path: str) -> int | None:
        """The line that sets *path*, or of its nearest located ancestor; ``None`` if unknown."""
        candidate = path
        while candidate:
            line = self._lines.get(candidate)
            if line is not None:
                return line
            cut = max(candidate.rfind("."), candidate.rfind("["))
            candidate = candidate[:cut] if cut > 0 else ""
        return None
