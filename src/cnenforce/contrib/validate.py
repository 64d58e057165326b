"""The contributor-facing validator: every problem in every file, in one run.

``cnenforce validate data/`` (and :func:`validate`) reads whole data directories (see
:mod:`cnenforce.contrib.tree`); given files or folders inside one, it reads the directory and
reports the problems of those files. A file outside any data directory is checked on its own,
against a catalogue the caller passes (the command line passes the packaged one).

Each problem is reported as ``file:line: field.path: message``. Warnings (a fine outside the
statutory range, an unresolved instrument) do not fail validation unless ``strict``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import attrs

from cnenforce.catalogue import Catalogue
from cnenforce.contrib.collector import Collector
from cnenforce.contrib.files import read_toml
from cnenforce.contrib.records import RawCase, structure_case
from cnenforce.contrib.tree import read_tree
from cnenforce.errors import Problem, Severity

__all__ = ["ValidationReport", "data_root", "is_loose", "validate"]


@attrs.frozen(kw_only=True)
class ValidationReport:
    """The outcome of a validation run."""

    problems: tuple[Problem, ...]
    files: int
    """How many files were checked."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that make the data unusable."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Problems worth a reviewer's look that do not block loading."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    def ok(self, *, strict: bool = False) -> bool:
        """Whether the files pass: no errors (and, if *strict*, no warnings)."""
        return not (self.problems if strict else self.errors)


def _unreadable(path: Path) -> str | None:
    """Why *path* cannot be checked at all (missing, a name the system refuses), or ``None``."""
    try:
        if path.exists() or path.is_symlink():
            return None
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        return f"cannot read: {getattr(exc, 'strerror', None) or exc}"
    return "no such file or directory"


def is_loose(path: Path) -> bool:
    """Whether *path* is a file or folder outside any data directory (checked against a
    catalogue given by the caller); ``False`` for a path that cannot be read."""
    return _unreadable(path) is None and data_root(path) is None


def data_root(path: Path) -> Path | None:
    """The data directory *path* is in or is (the nearest folder with a ``dataset.toml`` or a
    ``cases/`` folder), if any."""
    start = path if path.is_dir() else path.parent
    for candidate in (start, *start.resolve().parents):
        if (candidate / "dataset.toml").is_file() or (candidate / "cases").is_dir():
            return candidate
    return None


def _within(problem: Problem, path: Path) -> bool:
    try:
        return Path(problem.file).resolve().is_relative_to(path.resolve())
    except (OSError, ValueError):
        return False


def validate(
    paths: Sequence[Path | str], *, catalogue: Catalogue | None = None, today: dt.date | None = None
) -> ValidationReport:
    """Check data directories and files and report every problem found. Never raises for bad
    data. *catalogue* is used for files outside any data directory."""
    problems: list[Problem] = []
    files = 0
    trees: dict[Path, tuple[tuple[Problem, ...], int]] = {}
    if not paths:
        problems.append(Problem(file="", path="", message="no file or directory given"))
    for raw in paths:
        path = Path(raw)
        unreadable = "no such file or directory" if str(raw) == "" else _unreadable(path)
        if unreadable is not None:
            problems.append(Problem(file=str(raw), path="", message=unreadable))
            continue
        root = data_root(path)
        if root is None:
            files += _validate_loose(path, catalogue, problems, today or dt.date.today())
            continue
        key = root.resolve()
        if key not in trees:
            tree = read_tree(root, today=today)
            trees[key] = (tree.problems, tree.files)
        found, count = trees[key]
        if path.resolve() == key:
            problems.extend(found)
            files += count
        else:
            problems.extend(p for p in found if _within(p, path))
            files += 1 if path.is_file() else sum(1 for _ in path.rglob("*.toml"))
    return ValidationReport(problems=tuple(problems), files=files)


def _validate_loose(path: Path, catalogue: Catalogue | None, problems: list[Problem], today: dt.date) -> int:
    targets = sorted(path.rglob("*.toml")) if path.is_dir() else [path]
    if catalogue is None:
        problems.append(Problem(file=str(path), path="", message="not in a data directory, and no catalogue given"))
        return 0
    for target in targets:
        data, locator, found = read_toml(target, str(target))
        problems.extend(found)
        if data is not None:
            raw = RawCase(data=data, collector=Collector(str(target), locator, problems, seen=set(found)), file=target)
            structure_case(raw, catalogue, frozenset(), today)
    return len(targets)
