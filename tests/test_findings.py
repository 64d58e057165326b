"""Regression tests for the findings of the hostile-input review (issue 9), one or more per
finding, each failing on the code the review found them in. Findings made while fixing those
are at the end. The web site's escaping (a ``)`` closing a Markdown link, ``{: onclick }``
through ``attr_list``) is tested with the site's own tests; here, that such text passes through
the data exactly as written.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
import tomllib
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import cnenforce
from cnenforce import citations
from cnenforce.bundle import read_bundle
from cnenforce.cli import main
from cnenforce.contrib.canonical import format_paths
from cnenforce.contrib.compiler import bundle_text, compile_data
from cnenforce.contrib.toml_writer import dumps
from cnenforce.contrib.tree import read_dataset, read_tree
from cnenforce.contrib.validate import validate
from cnenforce.converter import unstructure
from cnenforce.errors import BundleError, DataError, FieldError, QueryError
from cnenforce.export import write_export
from cnenforce.model import MAX_ARTICLE, Instrument, InstrumentVersion, Measure, Money, Provision, Source
from cnenforce.report import describe_case
from cnenforce.schema import case_schema
from cnenforce.vocabulary import InstrumentKind, MeasureKind, SourceKind
from tests.conftest import FIXTURES

CASE_FILE = "cases/2025-beijing-example-app.toml"
TODAY = dt.date(2026, 11, 30)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved, sys.stderr = sys.stderr, err
    try:
        code = main(list(argv), out)
    finally:
        sys.stderr = saved
    return code, out.getvalue(), err.getvalue()


def _edit(root: Path, relative: str, old: str, new: str) -> Path:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _line(path: Path, needle: str) -> int:
    """The line of *path* that holds *needle*."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def _within(seconds: float, work: Callable[[], Any]) -> Any:
    """The result of *work*, run in a thread: fail (rather than hang) if it takes longer than
    *seconds*; an exception it raises is raised here."""
    outcome: list[tuple[bool, Any]] = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as exc:  # handed to the caller
            outcome.append((False, exc))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    done, value = outcome[0]
    if not done:
        raise value
    return value


def _rehashed(content: dict[str, Any]) -> bytes:
    line = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = {
        "format": 2,
        "dataset_version": "2026.01.01",
        "cases": len(content["cases"]),
        "content_sha256": "sha256:" + hashlib.sha256(line).hexdigest(),
    }
    return json.dumps(header).encode() + b"\n" + line + b"\n"


@pytest.fixture(scope="module")
def good_bundle() -> bytes:
    return bundle_text(read_dataset(FIXTURES / "minimal", today=TODAY)).encode("utf-8")


def _content(good: bytes) -> dict[str, Any]:
    content: dict[str, Any] = json.loads(good.split(b"\n")[1])
    return content


# --- stored script in the published site -----------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["https://example.com/a)<svg/onload=alert(1)>", 'https://example.com/a"onmouseover=x', "https://a.cn/x y"],
)
def test_finding_a_url_cannot_close_a_markdown_link(url: str, data_copy: Path) -> None:
    with pytest.raises(FieldError, match="percent-encode"):
        Source(kind=SourceKind.NEWS, url=url)
    path = _edit(data_copy, CASE_FILE, "https://www.example.gov.cn/2025/06/10/release.html", url.replace('"', '\\"'))
    problems = [p for p in read_tree(data_copy, today=TODAY).errors if p.path == "sources[0].url"]
    assert problems
    assert problems[0].line == _line(path, "url = ")


def test_finding_markup_in_text_reaches_every_output_as_written(dataset: cnenforce.Dataset) -> None:
    title = 'Tencent {: onclick="alert(1)" } <svg/onload=alert(1)> [x](javascript:alert(1))'
    case = attrs.evolve(dataset["2017-zhejiang-taobao"], title=title)
    one = cnenforce.Dataset.of([case], dataset.catalogue, dataset.version)
    outputs = {}
    for fmt in ("json", "jsonl", "csv"):
        out = io.StringIO()
        write_export(one, fmt, out)
        outputs[fmt] = out.getvalue()
    assert json.loads(outputs["json"])["cases"][0]["title"] == title
    assert json.loads(outputs["jsonl"])["title"] == title
    assert next(csv.DictReader(io.StringIO(outputs["csv"], newline="")))["title"] == title
    assert f"  {title}\n" in describe_case(case, dataset.catalogue)


def test_finding_a_carriage_return_in_a_note_is_refused(data_copy: Path) -> None:
    with pytest.raises(FieldError, match="U\\+000D"):
        Measure(kind=MeasureKind.WARNING, note="done\r| injected | row |")
    path = _edit(data_copy, CASE_FILE, 'kind = "fine"\n', 'kind = "fine"\nnote = "done\\r| injected |"\n')
    problems = [p for p in read_tree(data_copy, today=TODAY).errors if p.path == "measures[0].note"]
    assert [(p.line, "U+000D" in p.message) for p in problems] == [(_line(path, "note = "), True)]


# --- `cnenforce format` corrupting text ----------------------------------------------------------


@pytest.mark.parametrize("char", ["\U00031350", "\U000e0041", "\U000f0000", "\U0010fffd", "\U0001d173"])
def test_finding_format_writes_characters_beyond_the_bmp_exactly(char: str, data_copy: Path) -> None:
    assert tomllib.loads(dumps({"name": f"a{char}0"}))["name"] == f"a{char}0"
    if char == "\U00031350":  # kept by the text rules: `format` keeps it
        path = _edit(data_copy, CASE_FILE, "北京示例科技有限公司", f"北京{char}0科技")
        format_paths([path])
        assert tomllib.loads(path.read_text(encoding="utf-8"))["respondent"]["name_zh"] == f"北京{char}0科技"


# --- amounts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount", ["50.000,00", "50,000", "5_0000", "５００００", "1e999999999", "5e4", "99999999999999999999"]
)
def test_finding_amounts_have_one_grammar(amount: str, data_copy: Path) -> None:
    with pytest.raises(FieldError):
        Money.parse(amount)
    path = _edit(data_copy, CASE_FILE, '"50000"', f'"{amount}"')
    problems = [p for p in read_tree(data_copy, today=TODAY).errors if p.path == "measures[0].amount.amount"]
    assert problems, amount
    assert problems[0].line == _line(path, "amount = ")


def test_finding_an_integer_beyond_64_bits_is_not_an_amount(data_copy: Path) -> None:
    _edit(data_copy, CASE_FILE, '"50000"', "99999999999999999999")
    messages = [p.message for p in read_tree(data_copy, today=TODAY).errors if p.file.endswith(CASE_FILE)]
    assert messages
    assert all("TOML" in m or "amount written as text" in m for m in messages)


def test_finding_huge_exponents_are_refused_at_once() -> None:
    for written in ("1e999999999", "1e-999999999"):
        with pytest.raises(FieldError, match="at most 15 digits"):
            _within(5, lambda written=written: Money(amount=Decimal(written)))


def test_finding_exports_write_plain_decimals(dataset: cnenforce.Dataset) -> None:
    money = Money(amount=Decimal("5E+4"))
    assert money.text == "50000"
    case = dataset["2017-guangdong-shenzhen-sanren"]
    measures = tuple(
        attrs.evolve(m, amount=money) if m.amount is not None else m for m in case.measures
    )  # fmt: skip
    record = unstructure(attrs.evolve(case, measures=measures))
    assert [m["amount"]["amount"] for m in record["measures"] if "amount" in m] == ["50000"]
    pattern = case_schema()["$defs"]["Money"]["properties"]["amount"]["pattern"]
    assert re.fullmatch(pattern, "50000")
    assert not re.fullmatch(pattern, "5E+4")


# --- the bundle -------------------------------------------------------------------------------


def test_finding_an_edited_or_shortened_bundle_is_refused(good_bundle: bytes) -> None:
    edited = good_bundle.replace(b'"amount":"50000"', b'"amount":"5000"')
    header, content, _ = good_bundle.split(b"\n")
    data = json.loads(content)
    data["cases"] = data["cases"][1:]
    removed = header + b"\n" + json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
    for tampered in (edited, removed, good_bundle[:-1], good_bundle[: len(good_bundle) // 2]):
        with pytest.raises(BundleError):
            read_bundle(tampered)


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (lambda c: c["cases"][0].update(authorities=["no-such-office"]), "unknown authority"),
        (lambda c: c["instruments"].pop(), "unknown instrument"),
        (lambda c: c["cases"][0].update(summary="a\u2067b"), "U+2067"),
        (lambda c: c["cases"].append(dict(c["cases"][0])), "repeats"),
    ],
    ids=["authority", "instrument", "text", "duplicate-id"],
)
def test_finding_an_inconsistent_bundle_is_refused(good_bundle: bytes, edit: Any, fragment: str) -> None:
    content = _content(good_bundle)
    edit(content)
    with pytest.raises(BundleError) as raised:
        read_bundle(_rehashed(content))
    assert any(fragment in p.message for p in raised.value.problems)


def test_finding_bad_utf8_and_deep_nesting_are_bundle_errors() -> None:
    for line in (b'{"cases":["\xe4\xb8"]}', b"[" * 50_000 + b"]" * 50_000):
        digest = "sha256:" + hashlib.sha256(line).hexdigest()
        header = json.dumps({"format": 2, "dataset_version": "2026.01.01", "cases": 0, "content_sha256": digest})
        with pytest.raises(BundleError):
            read_bundle(header.encode() + b"\n" + line + b"\n")


def test_finding_compile_replaces_the_bundle_rather_than_rewriting_it(data_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "bundle.json"
    compile_data(data_copy, target, today=TODAY)
    with target.open("rb") as reader:
        before = target.read_bytes()
        _edit(data_copy, CASE_FILE, '"50000"', '"60000"')
        compile_data(data_copy, target, bump=True, today=TODAY)
        assert reader.read() == before  # the reader's file was replaced whole, not rewritten under it
    assert read_bundle(target.read_bytes()).version == "2026.11.30"


# --- CSV --------------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ['=HYPERLINK("https://evil.example","x")', "+1+1", "-2+3", "@SUM(A1:A2)"])
def test_finding_csv_cells_never_hold_a_formula(dataset: cnenforce.Dataset, title: str) -> None:
    case = attrs.evolve(dataset["2017-zhejiang-taobao"], title=title)
    out = io.StringIO()
    write_export(cnenforce.Dataset.of([case], dataset.catalogue, dataset.version), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert [row["title"] for row in rows] == ["'" + title]


def test_finding_no_text_can_split_a_csv_row() -> None:
    for char in "\r\n\x85\u2028\u2029\x0b\x0c\x1c":
        with pytest.raises(FieldError):
            Measure(kind=MeasureKind.WARNING, note=f"a{char}=1+1")


# --- the validator: hangs and crashes ----------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_finding_a_fifo_or_device_never_blocks(data_copy: Path, tmp_path: Path) -> None:
    os.mkfifo(data_copy / "cases" / "2025-fifo.toml")
    (data_copy / "cases" / "2025-zero.toml").symlink_to("/dev/zero")
    report = _within(20, lambda: validate([data_copy], today=TODAY))
    assert {Path(p.file).name for p in report.errors} >= {"2025-fifo.toml", "2025-zero.toml"}
    os.mkfifo(tmp_path / "bundle.json")
    for path in (tmp_path / "bundle.json", Path("/dev/zero")):
        with pytest.raises(BundleError, match="not a regular file"):
            _within(20, lambda path=path: cnenforce.load(path))


def test_finding_deep_nesting_is_a_problem_not_a_crash(data_copy: Path) -> None:
    deep = {
        "2025-deep-arrays": "tags = " + "[" * 5000 + "]" * 5000,
        "2025-deep-tables": "respondent = " + "{ a = " * 2000 + "1" + " }" * 2000,
        "2025-deep-dotted": "note2." + ".".join(["a"] * 1500) + " = 1",
        "2025-deep-header": "[" + ".".join(["a"] * 1500) + "]\nx = 1",
    }
    for name, text in deep.items():
        (data_copy / "cases" / f"{name}.toml").write_text(f'id = "{name}"\n{text}\n', encoding="utf-8")
    report = validate([data_copy], today=TODAY)
    nested = {Path(p.file).stem: p for p in report.errors if "nested deeper than 16 levels" in p.message}
    assert set(nested) == set(deep)
    assert all(p.line == 2 for name, p in nested.items() if name != "2025-deep-header")
    _, problems = format_paths([data_copy], check=True)
    assert {Path(p.file).stem for p in problems if "nested" in p.message} == set(deep)


def test_finding_a_huge_citation_list_is_read_in_bounded_memory(data_copy: Path, dataset: cnenforce.Dataset) -> None:
    path = data_copy / CASE_FILE
    original = path.read_text(encoding="utf-8")
    for count in (22_000, 2_000):  # 22,000 entries: about 200 KB, beyond the longest text
        listed = "《网络安全法》" + "、".join(["第一条"] * count)
        path.write_text(
            original.replace('cited = ["《网络安全法》第二十一条"]', f'cited = ["{listed}"]'), encoding="utf-8"
        )
        report = _within(60, lambda: validate([data_copy], today=TODAY))
        assert len([p for p in report.errors if p.path == "cited[0]"]) == 1
    tracemalloc.start()
    try:
        citations.find(listed, catalogue=dataset.catalogue)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100_000_000


# --- terminal injection -------------------------------------------------------------------------


def _printed_safely(output: str) -> bool:
    return not any(
        (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or c in "\u2066\u2067\u202e" for c in output
    )


def test_finding_key_names_and_file_names_are_printed_escaped(data_copy: Path) -> None:
    path = data_copy / CASE_FILE
    path.write_text('"\\u001b[31mred" = 1\n"forged\\nline" = 2\n' + path.read_text(encoding="utf-8"), encoding="utf-8")
    (data_copy / "cases" / "\x1b]8;;https:evil.example\x07click\x1b]8;;\x07.toml").write_text("", encoding="utf-8")
    (data_copy / "cases" / "x\n2025-ok.toml: 0 errors.toml").write_text("", encoding="utf-8")
    code, out, err = _run("validate", str(data_copy))
    assert code == 1
    assert _printed_safely(out + err)
    assert len(out.splitlines()) == len(validate([data_copy], today=TODAY).problems)
    assert "\\x1b[31mred" in out


@pytest.mark.parametrize(
    "text", ["a\rb", "a\nb", "a\x85b", "a\x9bb", "a\u2066b\u2069", "\u2800", "\u3164", "\u2800\u3164"]
)
def test_finding_controls_isolates_and_blank_titles_are_refused(text: str, data_copy: Path) -> None:
    with pytest.raises(FieldError):
        attrs.evolve(cnenforce.load()["2017-zhejiang-taobao"], title=text)
    _edit(
        data_copy,
        CASE_FILE,
        '"Example app fined for collecting personal information without consent"',
        json.dumps(text),
    )
    assert [p.path for p in read_tree(data_copy, today=TODAY).errors if p.file.endswith(CASE_FILE)] == ["title"]


def test_finding_show_and_list_print_data_escaped(dataset: cnenforce.Dataset, tmp_path: Path) -> None:
    content = json.loads(bundle_text(dataset).split("\n")[1])
    for case in content["cases"]:
        case["title"] = "Title"
    bundle = tmp_path / "bundle.json"
    bundle.write_bytes(_rehashed(content))
    code, out, _ = _run("list", "--data", str(bundle))
    assert code == 0
    assert len(out.splitlines()) == len(dataset) + 1  # a heading, then a line per case
    assert _printed_safely(_run("show", "2017-zhejiang-taobao", "--data", str(bundle))[1])


# --- validation gaps -------------------------------------------------------------------------


def test_finding_structural_errors_do_not_hide_the_other_checks(data_copy: Path) -> None:
    path = data_copy / "cases" / "2025-six-faults.toml"
    path.write_text(
        'id = "2025-six-faults"\ntitle = 42\nsummary = "Six faults planted."\nmeasures_disclosure = "stated"\n'
        'authorities = ["no-such-office"]\naction = "no-such-action"\ncampaigns = [{ id = "no-such-campaign" }]\n'
        'violations = [{ instrument = "no-such-law", article = 3 }]\ntags = ["not-a-tag"]\ncolour = "blue"\n\n'
        '[respondent]\nkind = "company"\nname_zh = "某公司"\n\n[[events]]\nkind = "decided"\ndate = "2099-01-01"\n\n'
        '[[measures]]\nkind = "fine"\namount = { amount = "50000" }\n'
        'basis = [{ instrument = "csl", article = 500, version = "2016" }]\n\n'
        '[[sources]]\nkind = "official"\npublisher = "X"\nurl = "https://example.gov.cn/a"\npublished = "2099-02-01"\n',
        encoding="utf-8",
    )
    found = {p.path for p in validate([path], today=TODAY).errors}
    assert found == {
        "title", "tags[0]", "colour",  # structure
        "action", "authorities[0]", "campaigns[0].id", "violations[0].instrument",  # references
        "measures[0].basis[0].article", "events[0].date", "sources[0].published",  # the catalogue, dates
        "respondent.anonymised",  # masking
    }  # fmt: skip


def test_finding_misplaced_files_fail_validation(data_copy: Path) -> None:
    (data_copy / "cases" / "old").mkdir()
    shutil.copy(data_copy / CASE_FILE, data_copy / "cases" / "old" / "2025-hidden.toml")
    shutil.copy(data_copy / CASE_FILE, data_copy / "cases" / "2025-upper.TOML")
    code, out, _ = _run("validate", str(data_copy))
    assert code == 1
    assert "cases/old: (file): not a data file" in out
    assert "2025-upper.TOML: (file): not a data file" in out


@pytest.mark.parametrize("layout", ["no-cases", "linked-cases", "no-dataset-toml", "linked-dataset-toml"])
def test_finding_missing_or_linked_folders_are_errors(data_copy: Path, tmp_path: Path, layout: str) -> None:
    if layout == "no-cases":
        shutil.rmtree(data_copy / "cases")
    elif layout == "linked-cases":
        shutil.move(data_copy / "cases", tmp_path / "elsewhere")
        (data_copy / "cases").symlink_to(tmp_path / "elsewhere")
    elif layout == "no-dataset-toml":
        (data_copy / "dataset.toml").unlink()
    else:
        shutil.move(data_copy / "dataset.toml", tmp_path / "dataset.toml")
        (data_copy / "dataset.toml").symlink_to(tmp_path / "dataset.toml")
    assert _run("validate", str(data_copy))[0] == 1
    with pytest.raises(DataError):
        cnenforce.load(data_copy)


def test_finding_article_numbers_stay_within_chinese_numerals(data_copy: Path, dataset: cnenforce.Dataset) -> None:
    largest = Provision(instrument="csl", article=MAX_ARTICLE, paragraph=MAX_ARTICLE, item=MAX_ARTICLE, version="2016")
    assert citations.cite(largest, "zh", catalogue=dataset.catalogue).count("九千九百九十九万") == 3
    for field in ("article", "paragraph", "item"):
        with pytest.raises(FieldError, match="99,999,999"):
            Provision(instrument="csl", **{"article": 1, field: MAX_ARTICLE + 1})
    _edit(
        data_copy,
        CASE_FILE,
        'cited = ["《网络安全法》第二十一条"]',
        'cited = [{ instrument = "csl", article = 100000000 }]',
    )
    problems = [p for p in read_tree(data_copy, today=TODAY).errors if p.path == "cited[0].article"]
    assert problems
    assert "99,999,999" in problems[0].message


def test_finding_format_reports_floats_instead_of_crashing(data_copy: Path) -> None:
    (data_copy / "dataset.toml").write_text("version = 2026.1\n", encoding="utf-8")
    (data_copy / "retired.toml").write_text("[[retired]]\nid = 1.5\nreason = 1979-05-27T07:32:00Z\n", encoding="utf-8")
    code, _, err = _run("format", str(data_copy))
    assert code == 1
    assert "dataset.toml: version: expected a version" in err
    assert "retired.toml: retired[0].id: expected text" in err
    assert "Traceback" not in err


def test_finding_format_and_bump_never_write_through_links(data_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.toml"
    outside.write_text((data_copy / CASE_FILE).read_text(encoding="utf-8") + "# keep\n", encoding="utf-8")
    (data_copy / "cases" / "2025-linked.toml").symlink_to(outside)
    hard = tmp_path / "hard.toml"
    os.link(data_copy / CASE_FILE, hard)
    before = outside.read_text(encoding="utf-8"), hard.read_text(encoding="utf-8")
    format_paths([data_copy])
    assert (outside.read_text(encoding="utf-8"), hard.read_text(encoding="utf-8")) == before
    (data_copy / "cases" / "2025-linked.toml").unlink()
    meta = tmp_path / "dataset.toml"
    shutil.move(data_copy / "dataset.toml", meta)
    (data_copy / "dataset.toml").symlink_to(meta)
    target = tmp_path / "bundle.json"
    with pytest.raises(DataError, match="symbolic link"):
        compile_data(data_copy, target, bump=True, today=TODAY)
    assert meta.read_text(encoding="utf-8") == 'version = "2026.01.01"\n'
    assert not target.exists()  # nothing half-done


# --- found while fixing those -----------------------------------------------------------------


def test_long_instrument_names_cannot_crash_citing() -> None:
    with pytest.raises(FieldError, match="longer than 300"):
        Instrument(
            id="x",
            title_en="A" * 600 + " Law",
            title_zh="法",
            kind=InstrumentKind.LAW,
            versions=(InstrumentVersion(id="1"),),
        )


def test_an_overlong_path_is_reported_not_raised() -> None:
    report = validate(["长" * 5000, "a\x00b"])
    assert [p.message for p in report.errors] == ["cannot read: File name too long", "no such file or directory"]


def test_bundle_version_is_checked(good_bundle: bytes) -> None:
    header, content, _ = good_bundle.split(b"\n")
    meta = json.loads(header)
    for version in ("\x1b[31m2026", "", 2026, "2026.01.01\n"):
        with pytest.raises(BundleError, match="dataset version"):
            read_bundle(json.dumps(meta | {"dataset_version": version}).encode() + b"\n" + content + b"\n")


@pytest.mark.parametrize(
    ("criterion", "value"),
    [("tag", "no-such-tag"), ("since", "August"), ("until", "2017-13"), ("provision", "no citation here"), ("tag", 5)],
)
def test_query_criteria_raise_query_errors(dataset: cnenforce.Dataset, criterion: str, value: object) -> None:
    with pytest.raises(QueryError) as raised:
        cnenforce.select(dataset, **{criterion: value})
    assert raised.value.criterion == criterion


def test_cite_prints_its_columns_apart() -> None:
    # The escaper once turned the tabs between columns into "\x09"; columns are now aligned with
    # spaces (issue 12), and still never escaped into one another.
    code, out, _ = _run("cite", "《网络安全法》第二十一条")
    assert code == 0
    assert out.splitlines()[1].split()[:2] == ["0-12", "《网络安全法》第二十一条"]
    assert "\\x09" not in out


def test_format_keeps_file_permissions(data_copy: Path) -> None:
    path = data_copy / CASE_FILE
    path.chmod(0o644)
    format_paths([path])
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_catalogue_record_with_a_text_fault_reports_its_other_faults(data_copy: Path) -> None:
    path = data_copy / "campaigns" / "jingwang.toml"
    path.write_text('id = "jingwang"\nname_en = "Clean\\u202eNetwork"\ncolour = "blue"\n', encoding="utf-8")
    found = {p.path for p in read_tree(data_copy, today=TODAY).errors if p.file == str(path)}
    assert found == {"name_en", "name_zh", "colour"}


def test_a_broken_pipe_is_one_line_and_exit_1() -> None:
    read, write = os.pipe()
    os.close(read)
    result = subprocess.run(
        [sys.executable, "-m", "cnenforce.cli", "export"], stdout=write, stderr=subprocess.PIPE, text=True, check=False
    )
    os.close(write)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["cnenforce: output closed before it was complete (broken pipe)"]


def test_usage_errors_print_the_arguments_escaped() -> None:
    code, _, err = _run("list", "--bogus", "\x1b]8;;https:evil.example\x07x\nforged")
    assert code == 2
    assert err.count("\n") == 1
    assert "\x1b" not in err


def test_format_reports_a_named_file_it_cannot_format(data_copy: Path) -> None:
    (data_copy / "README.md").write_text("# Data\n", encoding="utf-8")
    _, problems = format_paths([data_copy / "README.md", data_copy / "cases" / "2025-missing.toml"])
    assert [p.message for p in problems] == [
        "not formatted: not a data file",
        "cannot read file: No such file or directory",
    ]


def test_an_unwritable_output_is_one_line(tmp_path: Path) -> None:
    code, _, err = _run("export", "--output", str(tmp_path / "missing" / "x.json"))
    assert code == 1
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err
