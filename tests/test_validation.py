"""The validator, fed deliberately broken case files and the real data.

``tests/broken/cases/`` holds one fault per file, each otherwise a copy of a real case. The
validator runs once over the whole folder, through the Python API and through the command line,
and every file must be reported with its name, the field path and (where the format allows) the
line, in one run, with no traceback. The real ``data/`` must pass without errors.
"""

from __future__ import annotations

import contextlib
import enum
import io
import re
import shutil
import tomllib
from pathlib import Path
from typing import NamedTuple

import pytest

from cnenforce import vocabulary
from cnenforce.cli import main
from cnenforce.errors import Problem, Severity
from cnenforce.validation import ValidationReport, validate

HERE = Path(__file__).resolve().parent
BROKEN = HERE / "broken" / "cases"
DATA = HERE.parent / "data"
BASE_CASE = DATA / "cases" / "2017-yibin-teacher-training-website.toml"
"""The real case every broken file copies; the strict-mode tests copy it too."""
CONTRIBUTING = HERE.parent / "CONTRIBUTING.md"
PR_TEMPLATE = HERE.parent / ".github" / "pull_request_template.md"


class Expected(NamedTuple):
    """One problem a broken file must produce."""

    path: str
    """The field path, exactly; empty for a problem with the whole file."""
    fragment: str
    """Text the message must contain."""
    line: int | None
    """The line the problem is located at; ``None`` where the format has no line to give."""
    severity: Severity = Severity.ERROR


EXPECTED: dict[str, tuple[Expected, ...]] = {
    # Files that cannot be read as TOML at all.
    "2017-empty-file.toml": (Expected("", "file is empty", None),),
    "2017-not-utf8.toml": (Expected("", "not valid UTF-8", 16),),
    "2017-syntax-error.toml": (Expected("", "TOML syntax error", 5),),
    # Schema and types.
    "2017-missing-field.toml": (Expected("summary", "required field 'summary' is missing", None),),
    "2017-wrong-type.toml": (Expected("respondent.description", "expected text", 15),),
    "2017-wrong-type-list.toml": (Expected("tags", "expected a list", 10),),
    "2017-unknown-key.toml": (Expected("penalites", "unknown key", 29),),
    "2017-unknown-enum-value.toml": (Expected("tags[2]", "'network-intrusions' is not one of", 10),),
    "2017-anonymised-with-name.toml": (Expected("respondent", "anonymised respondent has no name", 12),),
    "2017-stated-without-penalties.toml": (Expected("penalty_disclosure", "needs at least one penalty", 7),),
    "2017-zero-width-character.toml": (Expected("summary", "U+200B", 6),),
    # Ids and file names.
    "2017-id-mismatch.toml": (Expected("id", "does not match the file name '2017-id-mismatch.toml'", 4),),
    "2017-id-with-capitals.toml": (Expected("id", "lowercase words joined by hyphens", 4),),
    "id-without-year.toml": (Expected("id", "must be the year then lowercase words", 4),),
    # The first holder of an id is valid; the second file is reported, and its name cannot match.
    "2017-duplicate-id.toml": (),
    "2017-duplicated-id.toml": (
        Expected("id", "does not match the file name '2017-duplicated-id.toml'", 4),
        Expected("id", "duplicate id '2017-duplicate-id', also used by", 4),
    ),
    # Dates.
    "2017-impossible-date.toml": (Expected("events[0].date", "out of range for month", 21),),
    "2017-future-date.toml": (Expected("events[0].date", "2071 is in the future", 21),),
    "2017-announced-before-decision.toml": (Expected("events[1].date", "before the decision", 26),),
    # Money.
    "2017-negative-amount.toml": (Expected("penalties[1].amount.amount", "positive", 32),),
    "2017-zero-amount.toml": (Expected("penalties[0].amount.amount", "positive", 26),),
    "2017-float-amount.toml": (Expected("penalties[0].amount.amount", "expected an amount as text", 26),),
    "2017-unknown-currency.toml": (Expected("penalties[0].amount.currency", "'RMB'", 26),),
    "2017-fine-outside-range.toml": (
        Expected("penalties[0].amount", "outside what Article 59 of csl allows", 26, Severity.WARNING),
    ),
    # References to the catalogue.
    "2017-unknown-instrument.toml": (Expected("violations[0].instrument", "unknown instrument 'cls'", 9),),
    "2017-unknown-version.toml": (Expected("violations[0].version", "no version '2017'", 9),),
    "2017-missing-version.toml": (Expected("violations[0].version", "several texts", 9),),
    "2017-article-out-of-range.toml": (Expected("violations[0].article", "article 99 is out of range", 9),),
    "2017-unknown-authority.toml": (Expected("authorities[0]", "unknown authority 'yibin-psb'", 8),),
    # Sources.
    "2017-missing-source.toml": (Expected("sources", "at least one source", None),),
    "2017-ftp-url.toml": (Expected("sources[1].url", "http(s) URL", 48),),
}


def _fault(name: str) -> str:
    """The fault a broken file is named after: its name without the year and extension."""
    return re.sub(r"^\d{4}-", "", name.removesuffix(".toml"))


BROKEN_FILES = [pytest.param(name, id=_fault(name)) for name in sorted(EXPECTED)]


class CliRun(NamedTuple):
    status: int
    out: str
    err: str


def _run_cli(*args: str) -> CliRun:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(["validate", *args], out=out)
    return CliRun(status, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def report() -> ValidationReport:
    """The validator run once, through the API, over the whole broken folder."""
    return validate([BROKEN])


@pytest.fixture(scope="module")
def cli() -> CliRun:
    """The validator run once, through the command line, over the whole broken folder."""
    return _run_cli(str(BROKEN))


def _problems_of(report: ValidationReport, name: str) -> list[Problem]:
    return [problem for problem in report.problems if Path(problem.file).name == name]


def _cli_line(expected: Expected, name: str) -> str:
    """The start of the line the command line prints for *expected* in file *name*."""
    where = f"{BROKEN / name}" if expected.line is None else f"{BROKEN / name}:{expected.line}"
    label = "warning: " if expected.severity is Severity.WARNING else ""
    return f"{where}: {expected.path or '(file)'}: {label}"


# --- the broken folder -------------------------------------------------------------------------


def test_every_broken_file_has_an_expectation() -> None:
    on_disk = {path.name for path in BROKEN.iterdir()}
    assert on_disk == set(EXPECTED), "add new broken files to EXPECTED (and remove deleted ones)"


def test_the_folder_covers_enough_distinct_faults() -> None:
    faults = {(problem.path, problem.fragment) for expected in EXPECTED.values() for problem in expected}
    assert len(faults) >= 18


def test_fixtures_hold_the_bytes_they_claim() -> None:
    # Guards the fixtures against editors and tools that "helpfully" repair them.
    assert (BROKEN / "2017-empty-file.toml").read_bytes() == b""
    with pytest.raises(UnicodeDecodeError):
        (BROKEN / "2017-not-utf8.toml").read_bytes().decode("utf-8")
    assert "\u200b" in (BROKEN / "2017-zero-width-character.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", BROKEN_FILES)
def test_api_reports_the_fault(report: ValidationReport, name: str) -> None:
    found = _problems_of(report, name)
    expected = EXPECTED[name]
    assert [(p.path, p.line, p.severity) for p in found] == [(e.path, e.line, e.severity) for e in expected], found
    for problem, wanted in zip(found, expected, strict=True):
        assert wanted.fragment in problem.message
        assert problem.file == str(BROKEN / name)


@pytest.mark.parametrize("name", BROKEN_FILES)
def test_cli_reports_the_fault(cli: CliRun, name: str) -> None:
    lines = [line for line in cli.out.splitlines() if line.startswith(f"{BROKEN / name}:")]
    assert len(lines) == len(EXPECTED[name]), lines
    for line, wanted in zip(lines, EXPECTED[name], strict=True):
        assert line.startswith(_cli_line(wanted, name))
        assert wanted.fragment in line


def test_one_run_reports_every_broken_file(report: ValidationReport) -> None:
    assert report.files == len(EXPECTED)
    reported = {Path(problem.file).name for problem in report.problems}
    assert reported == {name for name, expected in EXPECTED.items() if expected}
    assert not report.ok()


def test_cli_fails_without_a_traceback(cli: CliRun) -> None:
    assert cli.status == 1
    for text in (cli.out, cli.err):
        assert "Traceback" not in text
        assert not re.search(r"\b\w+(Error|Exception)\b", text), text
    errors = sum(len([e for e in x if e.severity is Severity.ERROR]) for x in EXPECTED.values())
    warnings = sum(len([e for e in x if e.severity is Severity.WARNING]) for x in EXPECTED.values())
    assert f"{len(EXPECTED)} files checked: {errors} errors, {warnings} warnings" in cli.err


def test_cli_prints_one_line_per_problem(report: ValidationReport, cli: CliRun) -> None:
    assert cli.out.splitlines() == [str(problem) for problem in report.problems]
    for line in cli.out.splitlines():
        assert re.fullmatch(r"\S+?\.toml(:\d+)?: \S+: .+", line), line


# --- several faults in one file ------------------------------------------------------------------


def _broken_copy(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """A copy of the base case in *tmp_path*, with each ``(old, new)`` edit applied once."""
    text = BASE_CASE.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / BASE_CASE.name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edits", "paths"),
    [
        pytest.param(
            [
                ('title = "Yibin', 'title = 1\ntitel = "Yibin'),
                ('"network-intrusion"]', '"network-intrusions"]'),
                ('date = "2017"\n', 'date = "2017-13"\n'),
            ],
            {"title", "titel", "tags[2]", "events[0].date"},
            id="schema-faults",
        ),
        pytest.param(
            [
                ('violations = [{ instrument = "csl"', 'authorities = ["nowhere"]\nviolations = [{ instrument = "cls"'),
                ('date = "2017"\n', 'date = "2071"\n'),
            ],
            {"authorities[0]", "violations[0].instrument", "events[0].date"},
            id="reference-and-date-faults",
        ),
    ],
)
def test_every_fault_in_one_file_is_reported(tmp_path: Path, edits: list[tuple[str, str]], paths: set[str]) -> None:
    path = _broken_copy(tmp_path, *edits)
    assert {problem.path for problem in validate([path]).problems} == paths


# --- warnings and --strict -------------------------------------------------------------------


def test_base_case_copy_is_clean(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path)
    assert validate([path]).problems == ()


def test_fine_outside_statutory_range_is_a_warning(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path, ('amount = { amount = "10000" }', 'amount = { amount = "1" }'))
    result = validate([path])
    assert [(p.path, p.severity) for p in result.problems] == [("penalties[0].amount", Severity.WARNING)]
    assert result.ok()
    assert not result.ok(strict=True)


def test_strict_turns_a_warning_into_failure(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path, ('amount = { amount = "10000" }', 'amount = { amount = "1" }'))
    lenient = _run_cli(str(path))
    assert lenient.status == 0
    assert "warning: fine of CNY 1 is outside" in lenient.out
    strict = _run_cli("--strict", str(path))
    assert strict.status == 1
    assert strict.out == lenient.out
    assert "warnings count as errors with --strict" in strict.err


def test_strict_in_a_data_directory(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    case = root / "cases" / BASE_CASE.name
    case.write_text(
        case.read_text(encoding="utf-8").replace('amount = { amount = "5000" }', 'amount = { amount = "500000" }'),
        encoding="utf-8",
    )
    assert _run_cli(str(root)).status == 0
    assert _run_cli("--strict", str(root)).status == 1
    found = [(p.path, p.severity) for p in validate([root]).problems if Path(p.file).name == BASE_CASE.name]
    assert found == [("penalties[1].amount", Severity.WARNING)]


# --- the real data -------------------------------------------------------------------------------


def test_real_data_has_no_errors() -> None:
    result = validate([DATA])
    assert result.errors == (), "\n".join(map(str, result.errors))
    assert result.files > 0


def test_cli_passes_on_real_data() -> None:
    run = _run_cli(str(DATA))
    assert run.status == 0, run.out
    assert "Traceback" not in run.out + run.err


# --- the contributor guide -------------------------------------------------------------------


def _annotated_example() -> str:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    blocks: list[str] = re.findall(r"^```toml\n(.*?)^```$", text, re.DOTALL | re.MULTILINE)
    (example,) = [block for block in blocks if block.startswith("# ---- The case")]
    return example


def test_contributing_example_is_the_real_case() -> None:
    example = tomllib.loads(_annotated_example())
    real = DATA / "cases" / f"{example['id']}.toml"
    assert example == tomllib.loads(real.read_text(encoding="utf-8"))


def test_contributing_example_validates(tmp_path: Path) -> None:
    example = _annotated_example()
    path = tmp_path / f"{tomllib.loads(example)['id']}.toml"
    path.write_text(example, encoding="utf-8")
    # Alone, its joint action has a single case: that warning, and nothing else.
    assert [(p.path, p.severity) for p in validate([path]).problems] == [("joint_action", Severity.WARNING)]


WRITTEN_VOCABULARIES = [
    getattr(vocabulary, name)
    for name in vocabulary.__all__
    if name != "ProvisionRole"  # derived by the library, never written in data files
]


@pytest.mark.parametrize("vocabulary_class", WRITTEN_VOCABULARIES, ids=lambda cls: cls.__name__)
def test_contributing_lists_every_vocabulary_value(vocabulary_class: type[enum.Enum]) -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    pattern = rf"^- \*\*{vocabulary_class.__name__}\*\* .*?(?=^- |^$)"
    (listing,) = re.findall(pattern, text, re.DOTALL | re.MULTILINE)
    listed = set(re.findall(r"`([a-z-]+)`", listing))
    assert {str(member.value) for member in vocabulary_class} <= listed


def test_pull_request_template_has_the_reviewer_checklist() -> None:
    def items(text: str) -> list[str]:
        return [" ".join(item.split()) for item in re.findall(r"^- \[ \] (.*?)(?=^- \[ \]|^$)", text, re.S | re.M)]

    guide = CONTRIBUTING.read_text(encoding="utf-8").split("## Reviewer checklist", 1)[1].split("\n## ", 1)[0]
    template = items(PR_TEMPLATE.read_text(encoding="utf-8"))
    assert items(guide)
    assert [item for item in items(guide) if item not in template] == []
