"""The committed data: valid, canonical, and compiled into an up-to-date bundle."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from cnenforce.compile import bundle_text, data_digest, read_data_dir
from cnenforce.formatting import canonical_text
from cnenforce.validation import validate
from tests.conftest import DATA, REPO

BUNDLE = REPO / "src" / "cnenforce" / "_data" / "bundle.json"
DATA_FILES = sorted(DATA.rglob("*.toml"))


def test_data_directory_validates_without_errors() -> None:
    report = validate([DATA])
    assert report.errors == (), "\n".join(map(str, report.errors))
    assert report.files >= 28


def test_data_has_no_warnings() -> None:
    report = validate([DATA])
    assert report.warnings == (), "\n".join(map(str, report.warnings))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_data_files_are_canonical(path: Path) -> None:
    expected, problems = canonical_text(path)
    assert not problems, problems
    actual = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(actual.splitlines(True), (expected or "").splitlines(True), "committed", "canonical")
        )
        pytest.fail(f"{path} is not in canonical form; run `cnenforce format data/`.\n{diff}")


def test_bundle_is_up_to_date() -> None:
    expected = bundle_text(read_data_dir(DATA))
    if BUNDLE.read_text(encoding="utf-8") != expected:
        pytest.fail("src/cnenforce/_data/bundle.json is stale: run `cnenforce compile` and commit it")


def test_dataset_version_matches_the_cases() -> None:
    import tomllib

    meta = tomllib.loads((DATA / "dataset.toml").read_text(encoding="utf-8"))
    dataset = read_data_dir(DATA)
    assert meta["digest"] == data_digest(dataset), "data changed: run `cnenforce compile --bump`"
    assert json.loads(BUNDLE.read_text(encoding="utf-8"))["dataset_version"] == meta["version"]


def test_case_ids_are_stable_file_names() -> None:
    ids = [path.stem for path in (DATA / "cases").glob("*.toml")]
    assert len(ids) == len(set(ids))
    assert all(case_id[:4].isdigit() for case_id in ids)


def test_every_case_source_has_a_url_or_full_citation() -> None:
    for case in read_data_dir(DATA):
        for source in case.sources:
            assert source.url or (source.publisher and source.published), case.id
