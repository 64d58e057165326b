"""Reading record files into model objects: one file per case, instrument, authority or
campaign, and action files, which may hold the rows of a batch notice.

A batch notice is written once: the action's own fields, a ``[case]`` table of facts every
case of the notice shares, and one ``[[cases]]`` row per respondent. Each row becomes a case:

- the action's ``authorities``, ``unnamed_authorities``, ``region``, ``national`` and
  ``campaigns`` are the case's, unless ``[case]`` or the row gives its own;
- then ``[case]``'s keys, then the row's keys, each replacing what came before;
- except ``sources``, which add up: the action's, then ``[case]``'s, then the row's;
- and ``action`` is the action's id.

Problems are reported where they were written: a bad amount inherited from ``[case]`` is
reported at ``case.measures[0].amount``, a bad name at ``cases[3].respondent.name_zh``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypeVar

import attrs

from cnenforce.catalogue import Catalogue
from cnenforce.contrib.checks import check_case, check_case_parts
from cnenforce.contrib.collector import Collector
from cnenforce.contrib.files import read_toml
from cnenforce.contrib.provisions import resolve_citations
from cnenforce.converter import structure_problems
from cnenforce.errors import Problem, Severity
from cnenforce.model import Action, Case

__all__ = ["INHERITED", "RawCase", "expand_action", "read_record", "structure_case"]

_T = TypeVar("_T")

INHERITED: Final = ("authorities", "unnamed_authorities", "region", "national", "campaigns")
"""Fields a batch row takes from its action unless ``[case]`` or the row gives its own."""


@attrs.frozen(kw_only=True)
class RawCase:
    """A case as read, before it is structured: its table and where its fields were written."""

    data: dict[str, Any]
    collector: Collector
    file: Path


def read_record(
    path: Path, cls: type[_T], problems: list[Problem]
) -> tuple[_T | None, dict[str, Any] | None, Collector]:
    """Read and structure one record file; the record is ``None`` if it has errors."""
    data, locator, found = read_toml(path, str(path))
    problems.extend(found)
    collector = Collector(str(path), locator, problems, seen=set(found))
    if data is None:
        return None, None, collector
    # Text faults found in the file do not stop the other checks: the model reports them again
    # (the collector keeps one of each) along with every other fault of the record.
    record, structure_found = structure_problems(data, cls, file=str(path))
    for problem in structure_found:
        collector.add(problem.path, problem.message)
    if record is not None and getattr(record, "id", None) != path.stem:
        collector.add("id", f"id {getattr(record, 'id', None)!r} does not match the file name {path.name!r}")
    return record, data, collector


def expand_action(data: dict[str, Any], collector: Collector, path: Path) -> tuple[Action | None, list[RawCase]]:
    """The action of an action file, and the raw cases of its rows."""
    rows = data.get("cases", [])
    defaults = data.get("case", {})
    own = {key: value for key, value in data.items() if key not in ("case", "cases")}
    action, found = structure_problems(own, Action, file=str(path))
    for problem in found:
        collector.add(problem.path, problem.message)
    if action is not None and action.id != path.stem:
        collector.add("id", f"id {action.id!r} does not match the file name {path.name!r}")
    if not isinstance(defaults, dict):
        collector.add("case", "expected a table of the fields every case shares")
        defaults = {}
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        collector.add("cases", "expected [[cases]] rows, one table per respondent")
        return action, []
    if rows and action is None:
        return None, []  # the rows cannot be read without the action
    action_id = own.get("id")
    base: dict[str, Any] = {key: own[key] for key in INHERITED if key in own}
    own_sources = own.get("sources", [])
    default_sources = defaults.get("sources", [])
    cases = []
    for index, row in enumerate(rows):
        merged: dict[str, Any] = {"action": action_id, **base, **defaults, **row}
        merged["sources"] = [
            *(own_sources if isinstance(own_sources, list) else []),
            *(default_sources if isinstance(default_sources, list) else []),
            *(row.get("sources", []) if isinstance(row.get("sources", []), list) else []),
        ]
        place = _row_place(index, row, defaults, own_sources, default_sources)
        cases.append(RawCase(data=merged, collector=attrs.evolve(collector, place=place), file=path))
    return action, cases


def _row_place(
    index: int, row: dict[str, Any], defaults: dict[str, Any], own_sources: object, default_sources: object
) -> Callable[[str], str]:
    own_count = len(own_sources) if isinstance(own_sources, list) else 0
    default_count = len(default_sources) if isinstance(default_sources, list) else 0

    def place(path: str) -> str:
        if not path:
            return f"cases[{index}]"
        top = path.split(".", 1)[0].split("[", 1)[0]
        rest = path[len(top) :]
        if top == "sources" and rest.startswith("["):
            number = int(rest[1 : rest.index("]")])
            tail = rest[rest.index("]") + 1 :]
            if number < own_count:
                return f"sources[{number}]{tail}"
            if number < own_count + default_count:
                return f"case.sources[{number - own_count}]{tail}"
            return f"cases[{index}].sources[{number - own_count - default_count}]{tail}"
        if top in row:
            return f"cases[{index}].{path}"
        if top in defaults:
            return f"case.{path}"
        if top in INHERITED or top == "action":
            return path
        return f"cases[{index}].{path}"

    return place


def structure_case(raw: RawCase, catalogue: Catalogue, actions: frozenset[str], today: dt.date) -> Case | None:
    """Build and check one case; ``None`` if it has errors (every problem is reported)."""
    out = raw.collector
    before = len(out.problems)
    data, citation_problems = resolve_citations(raw.data, catalogue)
    for path, message in citation_problems:
        out.add(path, message)
    case, found = structure_problems(data, Case, file=str(raw.file))
    unread = {path for path, _ in citation_problems}
    for problem in found:
        if problem.path not in unread:  # an unread citation string is reported once, above
            out.add(problem.path, problem.message)
    if case is None or citation_problems:
        check_case_parts(data, catalogue, actions, out, today)
        return None
    check_case(case, catalogue, actions, out, today)
    if any(p.severity is Severity.ERROR for p in out.problems[before:]):
        return None
    return case
