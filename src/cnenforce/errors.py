"""Exceptions and the structured problem records they carry.

Every error cnenforce raises on purpose derives from :class:`CnenforceError`, so callers can
catch one class:

- :class:`DataError`: data files or records are invalid; ``problems`` lists every
  :class:`Problem` found, each naming file, line, field path and reason.
- :class:`BundleError`: a compiled bundle is tampered with, truncated or inconsistent.
- :class:`QueryError`: a query names something that does not exist; it suggests close values.
- :class:`CitationError`: a citation could not be read (or only in part, in strict mode).
- :class:`CaseNotFoundError`: no case has the requested id.
- :class:`FieldError`: a model object was built with an invalid field; ``field`` names it.

This module imports nothing from the rest of the package, so every layer can use it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "BundleError",
    "CaseNotFoundError",
    "CitationError",
    "CnenforceError",
    "DataError",
    "FieldError",
    "Problem",
    "QueryError",
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
    """The file, as given to the validator (or the bundle's name for packaged data)."""
    path: str
    """Field path within the record, e.g. ``measures[0].amount``; empty for the whole file."""
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


class FieldError(CnenforceError, ValueError):
    """A model object cannot be built: ``field`` is the field at fault, ``reason`` says why.

    Raised by the model's validators, so that the converter can report the field path without
    reading message text. ``field`` may be a path below the object (``"persons[1]"``).
    """

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


class DataError(CnenforceError, ValueError):
    """Data files or records are invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(str(problem) for problem in self.problems[:20])
        more = f"\n... and {count - 20} more" if count > 20 else ""
        super().__init__(f"{count} problem{'s' if count != 1 else ''}:\n{lines}{more}")


class BundleError(DataError):
    """A compiled bundle cannot be trusted: wrong format, failed integrity check, truncated,
    or inconsistent (unknown references, repeated ids). Nothing is loaded from it."""


class QueryError(CnenforceError, ValueError):
    """A query criterion names a value that does not exist, or cannot be read.

    ``criterion`` is the criterion's name (``"instrument"``), ``value`` what was given and
    ``suggestions`` the closest known values, best first.
    """

    def __init__(self, criterion: str, value: object, reason: str, suggestions: Sequence[str] = ()) -> None:
        self.criterion = criterion
        self.value = value
        self.reason = reason
        self.suggestions = tuple(suggestions)
        hint = f" (did you mean {', '.join(map(repr, self.suggestions))}?)" if self.suggestions else ""
        super().__init__(f"{criterion}: {reason}{hint}")


class CaseNotFoundError(CnenforceError, KeyError):
    """No case has the requested id.

    ``retired_reason`` and ``replaced_by`` say why, when the id was retired; ``suggestions``
    lists close ids.
    """

    def __init__(
        self,
        case_id: str,
        *,
        retired_reason: str | None = None,
        replaced_by: str | None = None,
        suggestions: Sequence[str] = (),
    ) -> None:
        self.case_id = case_id
        self.retired_reason = retired_reason
        self.replaced_by = replaced_by
        self.suggestions = tuple(suggestions)
        super().__init__(case_id)

    def __str__(self) -> str:
        if self.retired_reason is None:
            hint = f" (did you mean {', '.join(map(repr, self.suggestions))}?)" if self.suggestions else ""
            return f"no case with id {self.case_id!r}{hint}"
        successor = f"; see {self.replaced_by!r}" if self.replaced_by else ""
        return f"case id {self.case_id!r} was retired ({self.retired_reason}){successor}"


class CitationError(CnenforceError, ValueError):
    """A citation could not be read, named an unknown instrument (in strict mode), or could be
    read only in part (in strict mode)."""
