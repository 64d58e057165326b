"""The committed data: valid, canonical, and compiled into an up-to-date bundle.

These tests hold for any amount of data: nothing here counts the cases.
"""

from __future__ import annotations

import difflib
import json
import runpy
import sys
import tomllib

import pytest

import cnenforce
from cnenforce.contrib.canonical import canonical_text
from cnenforce.contrib.compiler import bundle_text
from cnenforce.contrib.tree import LoadedTree, read_dataset
from cnenforce.dataset import Dataset
from cnenforce.vocabulary import SourceKind
from tests.conftest import DATA, FIXTURES, REPO

BUNDLE = REPO / "src" / "cnenforce" / "_data" / "bundle.json"


@pytest.fixture(scope="module")
def tree(data_tree: LoadedTree) -> LoadedTree:
    return data_tree


def test_data_directory_validates_without_errors(tree: LoadedTree) -> None:
    # Warnings do not fail a contributor's change (CONTRIBUTING.md); CI validates the committed
    # data with --strict.
    assert tree.errors == (), "\n".join(map(str, tree.errors))


def test_data_files_are_canonical(tree: LoadedTree) -> None:
    stale = []
    for folder in ("cases", "actions", "instruments", "authorities", "campaigns"):
        for path in sorted((DATA / folder).glob("*.toml")):
            expected, problems = canonical_text(path, tree.catalogue)
            assert not problems, problems
            actual = path.read_text(encoding="utf-8")
            if actual != expected:
                diff = difflib.unified_diff(
                    actual.splitlines(True), (expected or "").splitlines(True), "committed", "canonical"
                )
                stale.append(f"{path.relative_to(REPO)}:\n{''.join(diff)}")
    if stale:
        pytest.fail("not in canonical form; run `cnenforce format data/`:\n" + "\n".join(stale[:5]))


def test_bundle_is_up_to_date_and_the_version_matches_the_data(tree: LoadedTree) -> None:
    assert tree.version is not None
    dataset = Dataset.of(
        tree.cases, tree.catalogue, tree.version, digest=tree.digest, actions=tree.actions, retired=tree.retired
    )
    expected = bundle_text(dataset)
    fresh = (
        BUNDLE.read_text(encoding="utf-8") == expected
        and tree.digest == json.loads(expected.split("\n")[0])["content_sha256"]
    )
    if not fresh:
        pytest.fail(
            "src/cnenforce/_data/bundle.json is stale, or the data changed since data/dataset.toml "
            "recorded its digest: run `cnenforce compile --bump` and commit both"
        )


def test_every_case_and_action_is_sourced(tree: LoadedTree) -> None:
    for record in (*tree.cases, *tree.actions):
        assert record.sources, record.id
        for source in record.sources:
            assert source.url or (source.title and source.published), record.id


def test_masked_names_are_anonymised(tree: LoadedTree) -> None:
    for case in tree.cases:
        if case.respondent.masked:
            assert case.respondent.anonymised, case.id


def test_every_authority_file_name_is_its_id(tree: LoadedTree) -> None:
    for folder, records in (("authorities", tree.catalogue.authorities), ("instruments", tree.catalogue.instruments)):
        assert {path.stem for path in (DATA / folder).glob("*.toml")} == set(records)


def test_data_paths_are_what_contributing_documents() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for folder in ("cases/", "actions/", "instruments/", "authorities/", "campaigns/"):
        assert f"data/{folder}" in text, folder


REGISTER_KEYS = {
    "url", "title", "kind", "publisher", "published", "language", "note", "cases", "actions", "catalogue", "leads"
}  # fmt: skip


@pytest.fixture(scope="module")
def register() -> list[dict[str, object]]:
    with (DATA / "sources.toml").open("rb") as handle:
        entries = tomllib.load(handle)["sources"]
    assert isinstance(entries, list)
    return entries


def test_the_source_register_is_regular(register: list[dict[str, object]]) -> None:
    kinds = {kind.value for kind in SourceKind}
    urls = [entry["url"] for entry in register if "url" in entry]
    assert len(urls) == len(set(urls)), "a source appears twice in data/sources.toml"
    for entry in register:
        assert set(entry) <= REGISTER_KEYS, set(entry) - REGISTER_KEYS
        note = entry["note"]
        assert isinstance(note, str), entry
        assert note.strip(), entry
        assert {"url", "title", "leads"} & set(entry), entry
        assert entry.get("kind", "other") in kinds, entry
        if entry.get("kind") == "mirror":
            assert "publisher" not in entry, entry


def test_every_case_and_action_source_is_in_the_register(tree: LoadedTree, register: list[dict[str, object]]) -> None:
    listed = {entry["url"] for entry in register if "url" in entry}
    missing = sorted(
        {source.url for record in (*tree.cases, *tree.actions) for source in record.sources if source.url} - listed
    )
    assert not missing, f"add these sources to data/sources.toml: {missing[:10]}"


def test_the_register_names_only_records_that_exist(tree: LoadedTree, register: list[dict[str, object]]) -> None:
    ids = {record.id for record in (*tree.cases, *tree.actions)}
    for entry in register:
        for key in ("cases", "actions"):
            names = entry.get(key, [])
            assert isinstance(names, list)
            assert set(names) <= ids, (entry.get("url"), set(names) - ids)


@pytest.mark.parametrize("script", ["record_counts.py", "sample_cases.py"])
def test_acceptance_scripts_run_on_any_data(script: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The scripts the acceptance notes quote run on a data directory other than the project's
    and print figures computed from it."""
    argv = sys.argv
    sys.argv = [script, "--data", str(FIXTURES / "minimal")]
    try:
        with pytest.raises(SystemExit) as exited:
            runpy.run_path(str(REPO / "scripts" / script), run_name="__main__")
    finally:
        sys.argv = argv
    assert exited.value.code == 0
    out = capsys.readouterr().out
    cases = len(read_dataset(FIXTURES / "minimal"))
    if script == "record_counts.py":
        assert f"cases                  {cases}\n" in out
    else:
        assert out.strip()


def test_the_data_directory_holds_what_the_bundle_holds(tree: LoadedTree) -> None:
    # Here rather than with the loading tests: the data directory is read once per worker, and
    # the suite runs one file per worker (--dist loadfile).
    bundled = cnenforce.load()
    assert tuple(sorted(tree.cases, key=lambda case: case.id)) == bundled.cases
    assert tree.version == bundled.version
    assert dict(tree.catalogue.instruments) == dict(bundled.instruments)
