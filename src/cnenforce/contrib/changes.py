"""The change log: what each dataset version added, changed and retired.

``data/changes.toml`` holds one ``[[versions]]`` entry per dataset version, oldest first,
written by ``cnenforce compile --bump`` (never by hand): the compiler reads the bundle it is
about to replace, which is the previous version, and records how the new data differ from it.
The docs site builds its "what changed" pages and its Atom feed from this file, so they are
computed from the data rather than written by hand::

    [[versions]]
    version = "2026.12.02"
    date = "2026-12-02"
    digest = "sha256:..."
    added = ["2026-beijing-new-case"]
    changed = [{ id = "2017-zhejiang-taobao", fields = ["sources"] }]
    retired = ["2017-old-id"]
    records = ["instruments/csl"]

A case counts as changed when any of its fields differ, including what it inherits from its
action; ``fields`` names the top-level fields that differ. ``records`` lists the actions and
catalogue records (instruments, authorities, campaigns) added, changed or removed.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from cnenforce.contrib.files import read_toml
from cnenforce.contrib.toml_writer import dumps
from cnenforce.converter import structure_problems, unstructure
from cnenforce.dataset import Dataset
from cnenforce.errors import DataError, FieldError, Problem
from cnenforce.model._fields import identifier, instance_of, optional_text, text, tuple_of

__all__ = ["CHANGES_FILE", "CaseChange", "VersionChanges", "changes_text", "diff", "read_changes", "version_date"]

CHANGES_FILE: Final = "changes.toml"
"""The change log's file name in a data directory."""


def version_date(version: str) -> dt.date:
    """The day a dataset version was made (``"2026.12.01.1"`` -> 1 December 2026).

    >>> version_date("2026.12.01.1")
    datetime.date(2026, 12, 1)
    """
    year, month, day = version.split(".")[:3]
    return dt.date(int(year), int(month), int(day))


@attrs.frozen(kw_only=True)
class CaseChange:
    """A case that changed in a version, and its top-level fields that differ."""

    id: str = attrs.field(validator=identifier)
    fields: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(text))


_ids = tuple_of(identifier)


@attrs.frozen(kw_only=True)
class VersionChanges:
    """What one dataset version added, changed and retired, against the version before it."""

    version: str = attrs.field(validator=text)
    date: dt.date = attrs.field(validator=instance_of(dt.date, "a date"))
    """The day the version was compiled."""
    digest: str = attrs.field(validator=text)
    """The version's content digest, as ``dataset.toml`` records it."""
    added: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    """Ids of the cases new in this version."""
    changed: tuple[CaseChange, ...] = attrs.field(
        default=(), validator=tuple_of(instance_of(CaseChange, "a changed case"))
    )
    retired: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    """Ids retired in this version (listed in ``retired.toml``)."""
    removed: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    """Ids gone without being retired (the validator stops this; recorded if it happens)."""
    records: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(text))
    """Actions and catalogue records added, changed or removed, as ``folder/id``."""
    note: str | None = attrs.field(default=None, validator=optional_text)

    def __attrs_post_init__(self) -> None:
        try:
            version_date(self.version)
        except ValueError:
            raise FieldError("version", f"not a dataset version: {self.version!r}") from None


def _by_id(records: Iterable[Any]) -> dict[str, dict[str, Any]]:
    return {record.id: unstructure(record) for record in records}


def _fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, ...]:
    keys = [*old, *(key for key in new if key not in old)]
    return tuple(key for key in keys if old.get(key) != new.get(key))


def diff(previous: Dataset | None, current: Dataset, *, date: dt.date, digest: str) -> VersionChanges:
    """How *current* differs from *previous* (``None`` for a first version: everything is new)."""
    new_cases = _by_id(current.cases)
    old_cases = _by_id(previous.cases) if previous is not None else {}
    added = tuple(case_id for case_id in new_cases if case_id not in old_cases)
    changed = tuple(
        CaseChange(id=case_id, fields=fields)
        for case_id, record in new_cases.items()
        if case_id in old_cases and (fields := _fields(old_cases[case_id], record))
    )
    gone = [case_id for case_id in old_cases if case_id not in new_cases]
    retired = tuple(case_id for case_id in gone if case_id in current.retired)
    removed = tuple(case_id for case_id in gone if case_id not in current.retired)
    records: list[str] = []
    if previous is not None:
        for folder, old, new in (
            ("actions", previous.actions.values(), current.actions.values()),
            ("instruments", previous.instruments.values(), current.instruments.values()),
            ("authorities", previous.authorities.values(), current.authorities.values()),
            ("campaigns", previous.campaigns.values(), current.campaigns.values()),
        ):
            before, after = _by_id(old), _by_id(new)
            records.extend(
                f"{folder}/{record_id}"
                for record_id in sorted(before.keys() | after.keys())
                if before.get(record_id) != after.get(record_id)
            )
    return VersionChanges(
        version=current.version,
        date=date,
        digest=digest,
        added=added,
        changed=changed,
        retired=retired,
        removed=removed,
        records=tuple(records),
        note="The first version recorded: every case is listed as added." if previous is None else None,
    )


def read_changes(path: Path) -> tuple[VersionChanges, ...]:
    """The change log at *path*, oldest first (empty if there is no file).

    Raises :class:`~cnenforce.errors.DataError` for a log that is not valid, or whose versions
    are not in increasing order.
    """
    if not path.exists():
        return ()
    data, _, problems = read_toml(path, str(path))
    if data is None or problems:
        raise DataError(problems or [Problem(file=str(path), path="", message="unreadable")])
    unknown = sorted(set(data) - {"versions"})
    if unknown:
        raise DataError([Problem(file=str(path), path=unknown[0], message="unknown key (expected [[versions]])")])
    entries, found = structure_problems(data.get("versions", []), tuple[VersionChanges, ...], file=str(path))
    if entries is None:
        raise DataError([Problem(file=str(path), path=f"versions{p.path}", message=p.message) for p in found])
    for index, (earlier, later) in enumerate(itertools.pairwise(entries), 1):
        if _version_key(later.version) <= _version_key(earlier.version):
            raise DataError(
                [
                    Problem(
                        file=str(path),
                        path=f"versions[{index}].version",
                        message=f"{later.version} does not come after {earlier.version}",
                    )
                ]
            )
    return entries


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def changes_text(entries: Sequence[VersionChanges]) -> str:
    """The change log file for *entries* (canonical TOML)."""
    return dumps({"versions": unstructure(tuple(entries))})
