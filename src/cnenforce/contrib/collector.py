"""Collecting the problems of one file, each located to its line."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from cnenforce.contrib.locator import TomlLocator
from cnenforce.errors import Problem, Severity

__all__ = ["Collector"]


def _same(path: str) -> str:
    return path


@attrs.define
class Collector:
    """Accumulates problems for one record of one file, locating each field path to a line.

    ``place`` maps a path within the record to the path within the file: a case written as a
    row of a batch-notice file reports ``cases[3].respondent`` rather than ``respondent``.
    """

    display: str
    locator: TomlLocator
    problems: list[Problem]
    place: Callable[[str], str] = _same
    seen: set[Problem] = attrs.field(factory=set)
    """Problems already reported for this file (text rules are checked on the file and again
    by the model: each fault is reported once)."""

    def add(self, path: str, message: str, severity: Severity = Severity.ERROR) -> None:
        """Record one problem at the record's field *path* (empty for the whole record)."""
        where = self.place(path)
        line = self.locator.line_of(where) if where else None
        problem = Problem(file=self.display, path=where, message=message, line=line, severity=severity)
        if problem not in self.seen:
            self.seen.add(problem)
            self.problems.append(problem)
