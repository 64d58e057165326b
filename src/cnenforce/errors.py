"""Exceptions and the structured problem records they carry.

Every error cnenforce raises on purpose derives from :class:`CnenforceError`, so callers can
catch one class. Data problems are collected, never raised one at a time: a
:class:`DataError` carries every :class:`Problem` found, each naming file, field path and reason.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from cnenforce.model import RetiredId

__all__ = [
    "CaseNotFoundError",
    "CitationError",
    "CnenforceError",
    "DataError",
    "Problem",
    "Severity",
]


class Severity(enum.StrEnum):
    """How bad a problem is: errors block loading, warnings are advice unless ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with one field of one file."""

    file: str
    """The file, as given to the validator (or ``"<bundle>"`` for packaged data)."""
    path: str
    """Dotted field path within the record, e.g. ``penalties[0].amount``; empty for the file."""
    message: str
    line: int | None = None
    """1-based line in the file, where the format allows."""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        label = "" if self.severity is Severity.ERROR else "warning: "
        field = self.path or "(file)"
        return f"{where}: {field}: {label}{self.message}"


class CnenforceError(Exception):
    """Base class of every error cnenforce raises deliberately."""


class DataError(CnenforceError, ValueError):
    """Data files or records are invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(str(problem) for problem in self.problems[:20])
        more = f"\n... and {count - 20} more" if count > 20 else ""
        super().__init__(f"{count} problem{'s' if count != 1 else ''}:\n{lines}{more}")


class CaseNotFoundError(CnenforceError, KeyError):
    """No case has the requested id; ``retired`` says why, if the id was retired."""

    def __init__(self, case_id: str, retired: RetiredId | None = None) -> None:
        self.case_id = case_id
        self.retired = retired
        super().__init__(case_id)

    def __str__(self) -> str:
        if self.retired is None:
            return f"no case with id {self.case_id!r}"
        successor = f"; see {self.retired.replaced_by!r}" if self.retired.replaced_by else ""
        return f"case id {self.case_id!r} was retired ({self.retired.reason}){successor}"


class CitationError(CnenforceError, ValueError):
    """A citation could not be read, or (in strict mode) named an unknown instrument."""
