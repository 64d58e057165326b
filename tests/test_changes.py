"""The change log: ``cnenforce compile --bump`` records what each version added, changed and
retired, by comparing the bundle it replaces with the new one."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from cnenforce.contrib.changes import CHANGES_FILE, CaseChange, VersionChanges, changes_text, read_changes
from cnenforce.contrib.compiler import compile_data
from cnenforce.errors import DataError

REPO = Path(__file__).resolve().parent.parent
DAY = dt.date(2026, 12, 5)
CASE = "2025-beijing-example-app"
ROW = "2024-example-batch-notice-beta"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_first_compile_records_every_case_as_added(data_copy: Path, tmp_path: Path) -> None:
    (data_copy / "dataset.toml").write_text('version = "2026.01.01"\n', encoding="utf-8")
    dataset = compile_data(data_copy, tmp_path / "bundle.json", today=DAY)
    (entry,) = read_changes(data_copy / CHANGES_FILE)
    assert entry.version == dataset.version
    assert set(entry.added) == {case.id for case in dataset}
    assert entry.digest == dataset.digest
    assert entry.note is not None


def test_bump_records_added_changed_retired_and_records(data_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "bundle.json"
    first = compile_data(data_copy, target, today=DAY)
    before = read_changes(data_copy / CHANGES_FILE)
    # Change one case, retire a batch row, add a case, change the action.
    _edit(data_copy / "cases" / f"{CASE}.toml", 'amount = "50000"', 'amount = "60000"')
    action = data_copy / "actions" / "2024-example-batch-notice.toml"
    text = action.read_text(encoding="utf-8")
    start = text.index(f'[[cases]]\nid = "{ROW}"')
    action.write_text(text[:start].rstrip() + "\n", encoding="utf-8")
    _edit(action, "respondents_stated = 3", "respondents_stated = 4")
    (data_copy / "retired.toml").write_text(
        f'[[retired]]\nid = "{ROW}"\nreason = "withdrawn from the example notice"\n', encoding="utf-8"
    )
    new_case = (data_copy / "cases" / f"{CASE}.toml").read_text(encoding="utf-8")
    new_case = new_case.replace(f'id = "{CASE}"', 'id = "2025-beijing-second-app"')
    (data_copy / "cases" / "2025-beijing-second-app.toml").write_text(new_case, encoding="utf-8")

    second = compile_data(data_copy, target, bump=True, today=DAY + dt.timedelta(days=1))
    entries = read_changes(data_copy / CHANGES_FILE)
    assert entries[:-1] == before
    entry = entries[-1]
    assert entry.version == second.version != first.version
    assert entry.date == DAY + dt.timedelta(days=1)
    assert entry.digest == second.digest
    assert entry.added == ("2025-beijing-second-app",)
    assert CaseChange(id=CASE, fields=("measures",)) in entry.changed
    assert entry.retired == (ROW,)
    assert entry.removed == ()
    assert entry.records == ("actions/2024-example-batch-notice",)


def test_unchanged_compile_writes_no_entry(data_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "bundle.json"
    compile_data(data_copy, target, today=DAY)
    log = (data_copy / CHANGES_FILE).read_bytes()
    compile_data(data_copy, target, today=DAY)
    assert (data_copy / CHANGES_FILE).read_bytes() == log


def test_round_trip(tmp_path: Path) -> None:
    entry = VersionChanges(
        version="2026.12.02.1",
        date=dt.date(2026, 12, 2),
        digest="sha256:" + "0" * 64,
        added=("2026-a",),
        changed=(CaseChange(id="2017-b", fields=("title", "sources")),),
        retired=("2017-c",),
        records=("instruments/csl",),
    )
    path = tmp_path / CHANGES_FILE
    path.write_text(changes_text([entry]), encoding="utf-8")
    assert read_changes(path) == (entry,)


def test_versions_must_increase(tmp_path: Path) -> None:
    entry = VersionChanges(version="2026.12.02", date=dt.date(2026, 12, 2), digest="sha256:x")
    path = tmp_path / CHANGES_FILE
    path.write_text(changes_text([entry, entry]), encoding="utf-8")
    with pytest.raises(DataError, match="does not come after"):
        read_changes(path)


def test_the_repository_log_ends_with_the_current_version() -> None:
    """The log records the version data/dataset.toml names (compile --bump keeps them together)."""
    entries = read_changes(REPO / "data" / CHANGES_FILE)
    assert entries, "data/changes.toml is empty"
    meta = (REPO / "data" / "dataset.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', meta, re.MULTILINE)
    assert version is not None
    assert entries[-1].version == version[1]
