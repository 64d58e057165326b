"""The validator, fed deliberately broken files, and the layout rules of a data directory.

``tests/broken/`` holds one fault per file (cases, actions, instruments, authorities,
campaigns, ``dataset.toml`` and ``retired.toml``), each otherwise valid. They are dropped into a
copy of the minimal fixture directory and validated in one run; every file must be reported
with its name, the field path, the line where the format allows, and no traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from cnenforce.cli import main
from cnenforce.contrib.tree import LoadedTree, read_tree
from cnenforce.contrib.validate import validate
from cnenforce.errors import Problem, Severity
from tests.conftest import FIXTURES

BROKEN = Path(__file__).resolve().parent / "broken"
TODAY = dt.date(2026, 11, 30)


class Expected(NamedTuple):
    """One problem a broken file must produce."""

    path: str
    """The field path, exactly; empty for a problem with the whole file."""
    fragment: str
    """Text the message must contain."""
    line: int | None
    """The line the problem is located at; ``None`` where there is no line to give."""
    severity: Severity = Severity.ERROR


W = Severity.WARNING
CASES: dict[str, tuple[Expected, ...]] = {
    # Files that cannot be read as TOML at all.
    "2017-empty-file": (Expected("", "file is empty", None),),
    "2017-not-utf8": (Expected("", "not valid UTF-8", 6),),
    "2017-syntax-error": (Expected("", "TOML syntax error", 5),),
    "2017-deep-nesting": (Expected("", "nested deeper than 16 levels", 10),),
    # Types and keys.
    "2017-missing-field": (
        Expected("summary", "required field is missing", None),
        Expected("summery_x", "unknown key", 6),
    ),
    "2017-wrong-type": (Expected("respondent.description", "expected text", 15),),
    "2017-wrong-type-list": (Expected("tags", "expected a list", 10),),
    "2017-unknown-key": (Expected("measures[0].amonut", "unknown key", 26),),
    "2017-missing-source": (Expected("sourcez", "unknown key", 36),),
    "2017-unknown-enum-value": (Expected("tags[2]", "'network-intrusions' is not one of", 10),),
    # Text.
    "2017-zero-width-character": (Expected("summary", "U+200B", 6),),
    "2017-line-break-in-text": (Expected("events[0].note", "U+000D", 22),),
    "2017-invisible-title": (Expected("title", "no visible character", 5),),
    "2017-bidi-override": (Expected("respondent.description", "U+202E", 15),),
    # Respondents and anonymity.
    "2017-anonymised-with-name": (Expected("respondent.name_zh", "unless masked as published", 15),),
    "2017-masked-not-anonymised": (Expected("respondent.anonymised", "set anonymised = true", 12),),
    # Ids and file names.
    "2017-id-mismatch": (Expected("id", "does not match the file name '2017-id-mismatch.toml'", 4),),
    "2017-id-with-capitals": (
        Expected("id", "does not match the file name", 4),
        Expected("id", "lowercase words joined by hyphens", 4),
    ),
    "id-without-year": (Expected("id", "must be a year then lowercase words", 4),),
    "2017-duplicate-id": (),
    "2017-duplicated-id": (
        Expected("id", "does not match the file name '2017-duplicated-id.toml'", 4),
        Expected("id", "duplicate id '2017-duplicate-id', also used by", 4),
    ),
    # Dates and events.
    "2017-impossible-date": (Expected("events[0].date", "02 has no day 30", 21),),
    "2017-future-date": (
        Expected("events[0].date", "2071-01-01 is in the future", 21),
        Expected("id", "not the case's year 2071", 4, W),
    ),
    "2017-events-out-of-order": (Expected("events[1].date", "before the previous event", 25),),
    # Money and measures.
    "2017-negative-amount": (Expected("measures[1].amount.amount", "amount written as text", 32),),
    "2017-zero-amount": (Expected("measures[0].amount.amount", "positive", 26),),
    "2017-float-amount": (Expected("measures[0].amount.amount", "amount written as text", 26),),
    "2017-separators-in-amount": (Expected("measures[0].amount.amount", "no separators", 26),),
    "2017-exponent-amount": (Expected("measures[0].amount.amount", "exponent", 26),),
    "2017-unknown-currency": (Expected("measures[0].amount.currency", "'RMB'", 26),),
    "2017-fine-outside-range": (Expected("measures[0].amount", "outside what Article 59 of csl allows", 26, W),),
    "2017-negative-person-count": (Expected("measures[1].person_count", "whole number from 1", 35),),
    "2017-persons-on-respondent": (Expected("measures[0].persons", "target 'persons'", 27),),
    "2017-third-party-without-addressee": (Expected("measures[0].addressee", "names who was addressed", 24),),
    "2017-third-party-fine": (Expected("measures[0].target", "never imposed on a third party", 26),),
    "2017-duration-without-unit": (Expected("measures[0].duration", '"15 days"', 26),),
    "2017-stated-without-measures": (Expected("measures", "needs at least one measure", None),),
    # Sources.
    "2017-mirror-with-publisher": (Expected("sources[1].publisher", "a mirror copy has no publisher", 49),),
    "2017-ftp-url": (Expected("sources[0].url", "http(s) URL", 40),),
    "2017-url-closing-markdown": (Expected("sources[0].url", "percent-encode", 40),),
    "2017-bad-copy-of": (Expected("sources[1].copy_of", "no other source has number 5", 53),),
    "2017-states-unknown-field": (Expected("sources[1].states[0]", "no field 'penalties[0]'", 54),),
    # References, provisions and texts in force.
    "2017-unknown-authority": (Expected("authorities[0]", "unknown authority 'yibin-pbs'", 8),),
    "2017-unknown-campaign": (Expected("campaigns[0].id", "did you mean 'jingwang'?", 8),),
    "2017-unknown-action": (Expected("action", "unknown action '2017-no-such-action'", 8),),
    "2017-unknown-instrument": (Expected("violations[0].instrument", "did you mean 'csl'?", 9),),
    "2017-unknown-version": (Expected("violations[0].version", "no version '2019'", 9),),
    "2017-missing-version": (Expected("violations[0].version", "several texts", 9),),
    "2017-version-not-in-force": (Expected("violations[0].version", "took effect on 2026-01-01", 9),),
    "2017-article-out-of-range": (Expected("violations[0].article", "has 79 articles", 9),),
    "2017-unresolved-citation": (Expected("violations[0]", "not in the catalogue", 9, W),),
    "2017-two-provisions-in-one-string": (Expected("violations[0]", "names 2 provisions", 9),),
    # Places.
    "2017-county-without-province": (Expected("region.province", "required field is missing", 8),),
    "2017-national-with-region": (Expected("national", "nationwide action has no region", 8),),
}

OTHERS: dict[str, tuple[Expected, ...]] = {
    "actions/2024-batch-faults-in-rows": (
        Expected("case.measures[0].amount.amount", "no separators", 21),
        Expected("cases[0].respondent.name_zh", "expected text", 26),
    ),
    "actions/2024-action-without-sources": (Expected("sources", "at least one source", None),),
    "actions/2024-batch-faults-in-sources": (
        Expected("case.sources[0].publisher", "a mirror copy has no publisher", 25),
        Expected("cases[0].sources[0].url", "http(s) URL", 35),
    ),
    "instruments/range-min-above-max": (
        Expected("versions[0].fine_ranges[0].target", "'responsible-person' is not one of", 13),
    ),
    "instruments/range-beyond-articles": (
        Expected("versions[0].fine_ranges[0].article", "article 50 is out of range", 13),
        Expected("versions", "oldest first", 7),
    ),
    "instruments/example-misread": (
        Expected("examples[0]", "reads as Article 12 of the Example Data Law, not as Article 21", 12),
        Expected("examples[1]", "no version '2019'", 17),
    ),
    "authorities/national-with-region": (Expected("region", "national authority has no region", 6),),
    "campaigns/no-chinese-name": (Expected("name_zh", "required field is missing", None),),
}


def _tree(tmp_path: Path) -> LoadedTree:
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", root)
    for path in (BROKEN / "cases").glob("*.toml"):
        shutil.copy(path, root / "cases" / path.name)
    for name in OTHERS:
        folder, stem = name.split("/")
        shutil.copy(BROKEN / folder / f"{stem}.toml", root / folder / f"{stem}.toml")
    return read_tree(root, today=TODAY)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> LoadedTree:
    return _tree(tmp_path_factory.mktemp("broken"))


def _of(tree: LoadedTree, relative: str) -> list[Problem]:
    return [p for p in tree.problems if p.file.endswith(f"/{relative}.toml")]


def _matches(found: list[Problem], expected: tuple[Expected, ...]) -> None:
    assert len(found) == len(expected), "\n".join(map(str, found))
    for want in expected:
        hits = [p for p in found if p.path == want.path and want.fragment in p.message]
        assert hits, f"expected {want} among:\n" + "\n".join(map(str, found))
        assert hits[0].line == want.line, str(hits[0])
        assert hits[0].severity is want.severity, str(hits[0])


def test_every_broken_case_file_is_in_the_table() -> None:
    assert {path.stem for path in (BROKEN / "cases").glob("*.toml")} == set(CASES)


def test_every_broken_catalogue_and_action_file_is_in_the_table() -> None:
    on_disk = {
        f"{path.parent.name}/{path.stem}"
        for folder in ("actions", "authorities", "campaigns", "instruments")
        for path in (BROKEN / folder).glob("*.toml")
    }
    assert on_disk == set(OTHERS)


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_case_file_is_reported(tree: LoadedTree, name: str) -> None:
    _matches(_of(tree, f"cases/{name}"), CASES[name])


@pytest.mark.parametrize("name", sorted(OTHERS))
def test_broken_catalogue_and_action_files_are_reported(tree: LoadedTree, name: str) -> None:
    _matches(_of(tree, name), OTHERS[name])


def test_the_valid_records_still_load(tree: LoadedTree) -> None:
    ids = {case.id for case in tree.cases}
    assert {"2025-beijing-example-app", "2024-example-batch-notice-alpha", "2017-duplicate-id"} <= ids
    assert "2024-batch-faults-in-rows-two" in ids  # the sound row of a notice with a broken one


@pytest.mark.parametrize(
    ("meta", "target", "expected"),
    [
        (
            "dataset-float-version",
            "dataset.toml",
            (
                Expected("version", "as text", 2),
                Expected("digest", '"sha256:"', 3),
                Expected("notes", "unknown key", 4),
            ),
        ),
        (
            "retired-bad",
            "retired.toml",
            (
                Expected("retired[0].id", "case ids are never reused", 3),
                Expected("retired[1].replaced_by", "no case has id '2019-no-such-case'", 9),
            ),
        ),
    ],
)
def test_broken_meta_files_are_reported(
    data_copy: Path, meta: str, target: str, expected: tuple[Expected, ...]
) -> None:
    shutil.copy(BROKEN / "meta" / f"{meta}.toml", data_copy / target)
    tree = read_tree(data_copy, today=TODAY)
    _matches([p for p in tree.problems if p.file.endswith(target)], expected)


def test_an_action_claiming_completeness_must_hold_every_case(data_copy: Path) -> None:
    path = data_copy / "actions" / "2024-example-batch-notice.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("respondents_stated = 3", "respondents_stated = 3\ncomplete = true")
    )
    problems = [p for p in read_tree(data_copy, today=TODAY).problems if p.path == "complete"]
    assert [(p.message, p.severity) for p in problems] == [
        ("marked complete, but 2 of the 3 respondents are recorded", Severity.WARNING)
    ]
    path.write_text(path.read_text(encoding="utf-8").replace("respondents_stated = 3", "respondents_stated = 1"))
    problems = [p for p in read_tree(data_copy, today=TODAY).problems if p.path == "respondents_stated"]
    assert [p.message for p in problems] == ["2 cases are recorded, but the document names 1 respondents"]


# --- layout -------------------------------------------------------------------------------


def _messages(root: Path) -> list[str]:
    return [f"{Path(p.file).name}: {p.message}" for p in read_tree(root, today=TODAY).problems]


def test_stray_and_misnamed_files_are_reported(data_copy: Path) -> None:
    (data_copy / "cases" / "old").mkdir()
    shutil.copy(data_copy / "cases" / "2025-beijing-example-app.toml", data_copy / "cases" / "old" / "x.toml")
    shutil.copy(data_copy / "cases" / "2025-beijing-example-app.toml", data_copy / "cases" / "Case.TOML")
    (data_copy / "notes.toml").write_text('id = "x"\n', encoding="utf-8")
    messages = _messages(data_copy)
    assert any(m.startswith("old: not a data file") for m in messages)
    assert any(m.startswith("Case.TOML: not a data file") for m in messages)
    assert any(m.startswith("notes.toml: not part of a data directory") for m in messages)


def test_missing_cases_and_dataset_toml_are_errors(data_copy: Path) -> None:
    shutil.rmtree(data_copy / "cases")
    shutil.rmtree(data_copy / "actions")
    (data_copy / "dataset.toml").unlink()
    messages = _messages(data_copy)
    assert "cases: missing: a data directory has a cases/ folder" in messages
    assert "dataset.toml: missing: a data directory has a dataset.toml" in messages


def test_links_leading_outside_are_reported(data_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.toml"
    shutil.copy(data_copy / "cases" / "2025-beijing-example-app.toml", outside)
    (data_copy / "cases" / "2025-linked.toml").symlink_to(outside)
    (data_copy / "campaigns").rename(tmp_path / "campaigns")
    (data_copy / "campaigns").symlink_to(tmp_path / "campaigns")
    messages = _messages(data_copy)
    assert "2025-linked.toml: a link leading outside the data directory" in messages
    assert "campaigns: must be a folder inside the data directory" in messages


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_or_device_is_refused_without_blocking(data_copy: Path) -> None:
    os.mkfifo(data_copy / "cases" / "2025-fifo.toml")
    (data_copy / "cases" / "2025-zero.toml").symlink_to("/dev/zero")
    messages = _messages(data_copy)
    assert "2025-fifo.toml: not a regular file (a FIFO, device or folder cannot be a data file)" in messages
    assert any(m.startswith("2025-zero.toml:") for m in messages)


def test_oversized_files_are_refused(data_copy: Path) -> None:
    big = data_copy / "cases" / "2025-big.toml"
    big.write_text('id = "2025-big"\n' + "# " + "x" * 2_100_000 + "\n", encoding="utf-8")
    assert "2025-big.toml: larger than 2,000,000 bytes" in _messages(data_copy)


# --- the validate entry point and the command line ----------------------------------------


def test_validate_reports_only_the_files_asked_about(data_copy: Path) -> None:
    shutil.copy(BROKEN / "cases" / "2017-zero-amount.toml", data_copy / "cases")
    one = validate([data_copy / "cases" / "2017-zero-amount.toml"], today=TODAY)
    assert [p.path for p in one.errors] == ["measures[0].amount.amount"]
    whole = validate([data_copy], today=TODAY)
    assert not whole.ok()
    assert whole.files >= 5


def test_validate_reports_missing_paths_and_empty_arguments() -> None:
    report = validate(["no/such/dir", ""])
    assert [p.message for p in report.errors] == ["no such file or directory"] * 2
    assert [p.message for p in validate([]).errors] == ["no file or directory given"]


def test_loose_files_need_a_catalogue(tmp_path: Path, dataset: object) -> None:
    loose = tmp_path / "2025-beijing-example-app.toml"
    shutil.copy(FIXTURES / "minimal" / "cases" / loose.name, loose)
    assert not validate([loose]).ok()
    assert validate([loose], catalogue=dataset.catalogue).ok()  # type: ignore[attr-defined]


def test_command_line_reports_every_file_with_line_and_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _tree(tmp_path)  # noqa: F841 - builds the directory
    status = main(["validate", str(tmp_path / "data")])
    out = capsys.readouterr()
    assert status == 1
    assert "cases/2017-zero-amount.toml:26: measures[0].amount.amount: must be a positive amount" in out.out
    assert "errors" in out.err
    assert "Traceback" not in out.err


def test_strict_mode_fails_on_warnings(data_copy: Path) -> None:
    shutil.copy(BROKEN / "cases" / "2017-fine-outside-range.toml", data_copy / "cases")
    assert main(["validate", str(data_copy)]) == 0
    assert main(["validate", "--strict", str(data_copy)]) == 1
