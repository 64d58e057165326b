"""Reading a whole data directory: layout, catalogue, actions, cases, retired ids, version.

A data directory holds::

    dataset.toml            version and digest (required)
    retired.toml            retired case ids (optional)
    changes.toml            what each version changed (written by ``cnenforce compile --bump``)
    cases/<id>.toml         one case per file (required folder)
    actions/<id>.toml       announcements and batch notices (their rows are cases)
    instruments/<id>.toml   the instrument catalogue
    authorities/<id>.toml   the authority catalogue
    campaigns/<id>.toml     the campaign catalogue

plus ``LICENSE`` and ``README.md``. Everything else is reported, never silently skipped: a
file in a sub-folder, a name that is not ``<id>.toml`` (``Case.TOML``), a folder or symbolic
link leading outside the directory. Every record is checked against this directory's own
catalogue, so a new instrument and a case citing it can arrive in one change.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final, TypeVar

import attrs

from cnenforce.catalogue import Catalogue
from cnenforce.contrib.checks import check_action, check_authority, check_instrument, suggest
from cnenforce.contrib.collector import Collector
from cnenforce.contrib.files import read_toml
from cnenforce.contrib.records import RawCase, expand_action, read_record, structure_case
from cnenforce.converter import structure_problems
from cnenforce.dataset import DIGEST_PATTERN, VERSION_PATTERN, Dataset
from cnenforce.errors import DataError, Problem, Severity
from cnenforce.model import Action, Authority, Campaign, Case, Instrument, RetiredId

__all__ = ["FOLDERS", "VERSION_PATTERN", "LoadedTree", "read_dataset", "read_tree"]

FOLDERS: Final = ("cases", "actions", "instruments", "authorities", "campaigns")
"""The record folders of a data directory."""

ROOT_FILES: Final = frozenset({"dataset.toml", "retired.toml", "changes.toml", "LICENSE", "README.md", "sources.toml"})
"""Files a data directory may hold besides its record folders."""

_FILE_NAME: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.toml")
_T = TypeVar("_T")


@attrs.frozen(kw_only=True)
class LoadedTree:
    """What a data directory held: the valid records and every problem found."""

    cases: tuple[Case, ...]
    actions: tuple[Action, ...]
    catalogue: Catalogue
    version: str | None
    digest: str | None
    retired: tuple[RetiredId, ...]
    problems: tuple[Problem, ...]
    files: int
    """How many data files were read."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that make the data unusable."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _layout(root: Path, problems: list[Problem]) -> dict[str, list[Path]]:
    """The record files of each folder; every stray file or folder is reported."""
    found: dict[str, list[Path]] = {folder: [] for folder in FOLDERS}

    def stray(path: Path, message: str) -> None:
        problems.append(Problem(file=str(path), path="", message=message))

    for entry in sorted(root.iterdir()):
        if entry.name in FOLDERS:
            continue
        if entry.name not in ROOT_FILES:
            stray(
                entry,
                f"not part of a data directory (expected {', '.join(FOLDERS)} or {', '.join(sorted(ROOT_FILES))})",
            )
        elif not _inside(entry, root):
            stray(entry, "a link leading outside the data directory")
    for folder in FOLDERS:
        directory = root / folder
        if not directory.exists():
            if folder == "cases":
                stray(directory, "missing: a data directory has a cases/ folder")
            continue
        if not directory.is_dir() or not _inside(directory, root):
            stray(directory, "must be a folder inside the data directory")
            continue
        for entry in sorted(directory.iterdir()):
            if not _FILE_NAME.fullmatch(entry.name):
                stray(entry, "not a data file: record files are named <id>.toml, in lowercase, with no sub-folders")
            elif not _inside(entry, root):
                stray(entry, "a link leading outside the data directory")
            else:
                found[folder].append(entry)
    return found


def _read_all(paths: Iterable[Path], cls: type[_T], problems: list[Problem]) -> Iterator[tuple[_T, Collector]]:
    for path in paths:
        record, _, collector = read_record(path, cls, problems)
        if record is not None:
            yield record, collector


def read_tree(root: Path, *, today: dt.date | None = None) -> LoadedTree:
    """Read and check a whole data directory; never raises for bad data."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(file=str(root), path="", message="not a data directory"))
        return LoadedTree(
            cases=(), actions=(), catalogue=Catalogue.of(), version=None, digest=None, retired=(),
            problems=tuple(problems), files=0,
        )  # fmt: skip
    files = _layout(root, problems)
    instruments = list(_read_all(files["instruments"], Instrument, problems))
    authorities = list(_read_all(files["authorities"], Authority, problems))
    campaigns = list(_read_all(files["campaigns"], Campaign, problems))
    catalogue = Catalogue.of((r for r, _ in instruments), (r for r, _ in authorities), (r for r, _ in campaigns))
    for instrument, collector in instruments:
        check_instrument(instrument, catalogue, collector)
    for authority, collector in authorities:
        check_authority(authority, catalogue, collector)

    actions: list[tuple[Action, Collector]] = []
    raw_cases: list[RawCase] = []
    for path in files["actions"]:
        data, locator, found = read_toml(path, str(path))
        problems.extend(found)
        if data is None:
            continue
        collector = Collector(str(path), locator, problems, seen=set(found))
        action, rows = expand_action(data, collector, path)
        if action is not None:
            actions.append((action, collector))
        raw_cases.extend(rows)
    unreadable = False
    for path in files["cases"]:
        data, locator, found = read_toml(path, str(path))
        problems.extend(found)
        if data is None:
            unreadable = True
            continue
        collector = Collector(str(path), locator, problems, seen=set(found))
        case_id = data.get("id")
        if isinstance(case_id, str) and case_id != path.stem:  # a missing id is reported as missing
            collector.add("id", f"id {case_id!r} does not match the file name {path.name!r}")
        raw_cases.append(RawCase(data=data, collector=collector, file=path))

    action_ids = frozenset(action.id for action, _ in actions)
    cases = _cases(raw_cases, catalogue, action_ids, today)
    # Count the cases written for each action, valid or not: a broken case is reported once,
    # not again as a gap in its action.
    counts: dict[str, int] = {}
    for raw in raw_cases:
        action_id = raw.data.get("action")
        if isinstance(action_id, str):
            counts[action_id] = counts.get(action_id, 0) + 1
    for action, collector in actions:
        # With an unreadable case file, no action's count of cases can be trusted.
        count = None if unreadable else counts.get(action.id, 0)
        check_action(action, catalogue, count, collector, today)
    retired = _read_retired(root, cases, problems)
    version, digest = _read_version(root, problems)
    if not cases and not any(p.severity is Severity.ERROR for p in problems):
        problems.append(Problem(file=str(root / "cases"), path="", message="the data directory holds no case"))
    return LoadedTree(
        cases=tuple(cases),
        actions=tuple(action for action, _ in actions),
        catalogue=catalogue,
        version=version,
        digest=digest,
        retired=retired,
        problems=tuple(problems),
        files=sum(len(paths) for paths in files.values()),
    )


def _cases(raw_cases: list[RawCase], catalogue: Catalogue, actions: frozenset[str], today: dt.date) -> list[Case]:
    seen: dict[str, str] = {}
    cases: list[Case] = []
    for raw in raw_cases:
        case_id = raw.data.get("id")
        if isinstance(case_id, str):
            if case_id in seen:
                raw.collector.add("id", f"duplicate id {case_id!r}, also used by {seen[case_id]}")
                continue
            seen[case_id] = raw.collector.display
        case = structure_case(raw, catalogue, actions, today)
        if case is not None:
            cases.append(case)
    return cases


def _read_retired(root: Path, cases: list[Case], problems: list[Problem]) -> tuple[RetiredId, ...]:
    path = root / "retired.toml"
    if not path.exists() or not _inside(path, root):  # a link leading outside is reported, not read
        return ()
    data, locator, found = read_toml(path, str(path))
    problems.extend(found)
    if data is None:
        return ()
    collector = Collector(str(path), locator, problems, seen=set(found))
    for key in sorted(set(data) - {"retired"}):
        collector.add(key, "unknown key (retired.toml holds [[retired]] entries)")
    retired, structure_found = structure_problems(data.get("retired", []), tuple[RetiredId, ...], file=str(path))
    for problem in structure_found:
        collector.add(f"retired{problem.path}", problem.message)
    if retired is None:
        return ()
    case_ids = {case.id for case in cases}
    for index, entry in enumerate(retired):
        if entry.id in case_ids:
            collector.add(
                f"retired[{index}].id", f"id {entry.id!r} was retired ({entry.reason}); case ids are never reused"
            )
        if entry.replaced_by is not None and entry.replaced_by not in case_ids:
            collector.add(
                f"retired[{index}].replaced_by",
                f"no case has id {entry.replaced_by!r}{suggest(entry.replaced_by, case_ids)}",
            )
    return retired


def _read_version(root: Path, problems: list[Problem]) -> tuple[str | None, str | None]:
    path = root / "dataset.toml"
    if not path.exists() and not path.is_symlink():
        problems.append(Problem(file=str(path), path="", message="missing: a data directory has a dataset.toml"))
        return None, None
    if not _inside(path, root):  # a link leading outside is reported, not read
        return None, None
    data, locator, found = read_toml(path, str(path))
    problems.extend(found)
    if data is None:
        return None, None
    collector = Collector(str(path), locator, problems, seen=set(found))
    for key in sorted(set(data) - {"version", "digest"}):
        collector.add(key, "unknown key (dataset.toml holds version and digest)")
    version = data.get("version")
    if not isinstance(version, str) or not VERSION_PATTERN.fullmatch(version):
        collector.add("version", f'expected a dataset version such as "2026.11.22" (as text), got {_shown(version)}')
        version = None
    digest = data.get("digest")
    if digest is not None and (not isinstance(digest, str) or not DIGEST_PATTERN.fullmatch(digest)):
        collector.add("digest", f'expected "sha256:" and 64 hexadecimal digits, got {_shown(digest)}')
        digest = None
    return version, digest


def _shown(value: Any) -> str:
    return "nothing" if value is None else f"{type(value).__name__} {value!r}"


def read_dataset(root: Path, *, today: dt.date | None = None) -> Dataset:
    """Read, check and return the dataset in data directory *root*.

    Raises :class:`~cnenforce.errors.DataError` listing every error; nothing is half-loaded.
    """
    tree = read_tree(root, today=today)
    if tree.errors:
        raise DataError(tree.errors)
    if tree.version is None:  # pragma: no cover - reported as an error above
        raise DataError([Problem(file=str(root / "dataset.toml"), path="version", message="missing")])
    return Dataset.of(
        tree.cases, tree.catalogue, tree.version, digest=tree.digest, actions=tree.actions, retired=tree.retired
    )
