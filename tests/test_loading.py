"""Loading: lazy, cached, offline, and never half-done."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import cnenforce
from cnenforce import CaseNotFoundError, DataError
from tests.conftest import FIXTURES


def test_import_reads_no_data() -> None:
    code = "import sys, cnenforce, cnenforce.bundle as b;assert b._packaged is None, 'loaded at import';print('ok')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "ok", result.stderr


def test_load_is_cached() -> None:
    assert cnenforce.load() is cnenforce.load()


def test_get_and_getitem() -> None:
    dataset = cnenforce.load()
    assert dataset.get("no-such-case") is None
    with pytest.raises(CaseNotFoundError, match="no-such-case"):
        dataset["no-such-case"]
    with pytest.raises(CaseNotFoundError, match="did you mean '2017-zhejiang-taobao'"):
        dataset["2017-zhejiang-taoba"]
    with pytest.raises(KeyError):
        dataset["no-such-case"]
    assert "2017-zhejiang-taobao" in dataset
    assert [case.id for case in dataset] == sorted(case.id for case in dataset)


def test_dataset_is_immutable() -> None:
    dataset = cnenforce.load()
    assert isinstance(dataset.cases, tuple)
    with pytest.raises(TypeError):
        dataset.instruments["x"] = dataset.instruments["csl"]  # type: ignore[index]
    with pytest.raises(TypeError):
        dataset.actions["x"] = None  # type: ignore[index]


def test_load_reads_a_data_directory() -> None:
    from_files = cnenforce.load(FIXTURES / "minimal")
    assert "2025-beijing-example-app" in from_files
    assert from_files.version == "2026.01.01"


def test_load_from_a_broken_directory_raises_with_every_problem(data_copy: Path) -> None:
    (data_copy / "cases" / "2025-beijing-example-app.toml").write_text(
        'id = "2025-beijing-example-app"\n', encoding="utf-8"
    )
    (data_copy / "cases" / "2025-second.toml").write_bytes(b"\xff\xfe")
    with pytest.raises(DataError) as info:
        cnenforce.load(data_copy)
    files = {Path(p.file).name for p in info.value.problems}
    assert files == {"2025-beijing-example-app.toml", "2025-second.toml"}


def test_catalogue_lookups() -> None:
    catalogue = cnenforce.load().catalogue
    assert catalogue.instrument("csl") is not None
    assert catalogue.instrument("nope") is None
    assert catalogue.authority("beijing-cac") is not None
    csl = catalogue.instruments["csl"]
    import datetime as dt

    assert csl.version_at(dt.date(2017, 8, 1)).id == "2016"  # type: ignore[union-attr]
    assert csl.version_at(dt.date(2026, 1, 1)).id == "2025"  # type: ignore[union-attr]
    assert csl.version_at(dt.date(2010, 1, 1)) is None
    assert csl.current.id == "2025"


def test_retired_ids_are_never_reused(data_copy: Path) -> None:
    root = data_copy
    (root / "retired.toml").write_text(
        '[[retired]]\nid = "2025-beijing-example-app"\nreason = "test"\n\n'
        '[[retired]]\nid = "2017-old-id"\nreason = "merged"\nreplaced_by = "2017-no-such-case"\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        cnenforce.load(root)
    messages = {(Path(p.file).name, p.path): p.message for p in info.value.problems}
    assert "was retired" in messages["retired.toml", "retired[0].id"]
    assert "2017-no-such-case" in messages["retired.toml", "retired[1].replaced_by"]


def test_a_retired_id_points_to_its_successor(data_copy: Path) -> None:
    root = data_copy
    (root / "retired.toml").write_text(
        '[[retired]]\nid = "2025-example-app"\nreason = "renamed"\nreplaced_by = "2025-beijing-example-app"\n',
        encoding="utf-8",
    )
    dataset = cnenforce.load(root)
    assert dataset.get("2025-example-app") is None
    with pytest.raises(CaseNotFoundError, match="was retired \\(renamed\\); see '2025-beijing-example-app'"):
        dataset["2025-example-app"]
