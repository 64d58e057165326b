"""Contributor tools: canonical TOML, citation strings in data files, batch notices, compiling."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnenforce.bundle import read_bundle
from cnenforce.contrib.canonical import format_paths
from cnenforce.contrib.compiler import VersionError, bundle_text, check_bundle, compile_data
from cnenforce.contrib.locator import TomlLocator
from cnenforce.contrib.toml_writer import dumps
from cnenforce.contrib.tree import read_dataset, read_tree
from cnenforce.errors import DataError
from cnenforce.model import Provision
from cnenforce.vocabulary import MeasureKind, MeasureTarget

TODAY = dt.date(2026, 11, 30)
SCALARS = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=["Cs"])


# --- canonical TOML -------------------------------------------------------------------------


@given(st.text(alphabet=SCALARS, max_size=40))
def test_every_unicode_scalar_value_round_trips_through_toml(value: str) -> None:
    assert tomllib.loads(dumps({"key": value, "list": [value]})) == {"key": value, "list": [value]}


@pytest.mark.parametrize("char", ["\U00031350", "\U000e0041", "\U000f0000", "\u2028", "\x7f", "\x00", "\\", '"'])
def test_awkward_characters_are_written_so_they_read_back(char: str) -> None:
    text = dumps({"title": f"a{char}b"})
    assert tomllib.loads(text)["title"] == f"a{char}b"


def test_canonical_text_is_a_fixed_point(data_copy: Path) -> None:
    changed, problems = format_paths([data_copy])
    assert problems == []
    assert changed
    again, _ = format_paths([data_copy], check=True)
    assert again == []
    case = tomllib.loads((data_copy / "cases" / "2025-beijing-example-app.toml").read_text(encoding="utf-8"))
    assert case["violations"] == [{"instrument": "pipl", "article": 13}]
    assert case["cited"] == [{"instrument": "csl", "article": 21, "version": "2016"}]
    notice = tomllib.loads((data_copy / "actions" / "2024-example-batch-notice.toml").read_text(encoding="utf-8"))
    assert notice["case"]["cited"] == [{"instrument": "csl"}]
    assert [row["id"] for row in notice["cases"]] == [
        "2024-example-batch-notice-alpha",
        "2024-example-batch-notice-beta",
    ]


def test_format_keeps_text_exactly_but_normalises_to_nfc(data_copy: Path) -> None:
    path = data_copy / "cases" / "2025-beijing-example-app.toml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("北京示例科技有限公司", "北京示例\U00031350e\u0301科技"), encoding="utf-8")
    format_paths([path])
    assert "北京示例\U00031350\u00e9科技" in path.read_text(encoding="utf-8")


def test_format_reports_problems_instead_of_crashing(data_copy: Path, tmp_path: Path) -> None:
    (data_copy / "dataset.toml").write_text("version = 2026.1\n", encoding="utf-8")
    outside = tmp_path / "outside.toml"
    outside.write_text((data_copy / "cases" / "2025-beijing-example-app.toml").read_text(encoding="utf-8"))
    (data_copy / "cases" / "2025-linked.toml").symlink_to(outside)
    before = outside.read_text(encoding="utf-8")
    _, problems = format_paths([data_copy])
    messages = {Path(p.file).name: p.message for p in problems}
    assert "expected a version" in messages["dataset.toml"]
    assert "a link" in messages["2025-linked.toml"]
    assert outside.read_text(encoding="utf-8") == before


# --- locating lines -------------------------------------------------------------------------


def test_locator_follows_nested_arrays_of_tables() -> None:
    text = "\n".join(
        ['id = "x"', "[[cases]]", 'id = "a"', "[cases.respondent]", 'name_zh = "甲"', "[[cases]]", 'id = "b"',
         "[[cases.measures]]", 'kind = "fine"', "[cases.respondent]", 'name_zh = "乙"']
    )  # fmt: skip
    locator = TomlLocator(text)
    assert locator.line_of("cases[0].respondent.name_zh") == 5
    assert locator.line_of("cases[1].measures[0].kind") == 9
    assert locator.line_of("cases[1].respondent.name_zh") == 11
    assert locator.line_of("cases[1].measures[0].amount") == 8


def test_locator_is_linear_on_many_nested_headers() -> None:
    # The old locator rescanned every earlier line per header: 119 KB took 17 s.
    blocks = [
        f'[[cases]]\nid = "c{i}"\n[[cases.measures]]\nkind = "fine"\n[[cases.measures.basis]]\ninstrument = "csl"\n'
        for i in range(4000)
    ]
    text = "".join(blocks)
    started = time.perf_counter()
    locator = TomlLocator(text)
    assert time.perf_counter() - started < 5
    assert locator.line_of("cases[3999].measures[0].basis[0].instrument") == 6 * 3999 + 6


# --- citation strings in data files -------------------------------------------------------


def test_citation_strings_are_read_in_the_text_in_force(data_copy: Path) -> None:
    case_file = data_copy / "cases" / "2025-beijing-example-app.toml"
    text = case_file.read_text(encoding="utf-8").replace('date = "2025-06-10"', 'date = "2026-02-01"')
    case_file.write_text(text, encoding="utf-8")
    case = read_dataset(data_copy, today=TODAY)["2025-beijing-example-app"]
    assert case.cited == (Provision(instrument="csl", article=21, version="2025"),)


def test_a_citation_on_an_ambiguous_date_must_name_its_text(data_copy: Path) -> None:
    case_file = data_copy / "cases" / "2025-beijing-example-app.toml"
    case_file.write_text(
        case_file.read_text(encoding="utf-8").replace('date = "2025-06-10"', 'date = "2026"'), encoding="utf-8"
    )
    assert read_dataset(data_copy, today=TODAY)["2025-beijing-example-app"].cited[0].version == "2025"
    undated = case_file.read_text(encoding="utf-8").replace('[[events]]\nkind = "decided"\ndate = "2026"\n', "")
    case_file.write_text(undated, encoding="utf-8")
    # Undated, but its source was published in 2025: read in the text in force until then.
    assert read_dataset(data_copy, today=TODAY)["2025-beijing-example-app"].cited[0].version == "2016"
    case_file.write_text(undated.replace('published = "2025-06-10"\n', ""), encoding="utf-8")
    problems = [p for p in read_tree(data_copy, today=TODAY).problems if p.path == "cited[0]"]
    assert problems
    assert "which text of the instrument" in problems[0].message


def test_a_new_instrument_and_a_case_citing_it_in_one_change(data_copy: Path) -> None:
    (data_copy / "instruments" / "foo-law.toml").write_text(
        'id = "foo-law"\ntitle_en = "Foo Law of the People\'s Republic of China"\ntitle_zh = "中华人民共和国福法"\n'
        'kind = "law"\nshort_title_en = "Foo Law"\nshort_title_zh = "福法"\n\n'
        '[[versions]]\nid = "2020"\narticles = 40\n',
        encoding="utf-8",
    )
    case_file = data_copy / "cases" / "2025-beijing-example-app.toml"
    text = case_file.read_text(encoding="utf-8").replace(
        'cited = ["《网络安全法》第二十一条"]', 'cited = ["Article 3 of the Foo Law"]'
    )
    case_file.write_text(text, encoding="utf-8")
    case = read_dataset(data_copy, today=TODAY)["2025-beijing-example-app"]
    assert case.cited == (Provision(instrument="foo-law", article=3),)
    compiled = compile_data(data_copy, data_copy.parent / "bundle.json", today=TODAY)
    assert compiled["2025-beijing-example-app"].instruments == ("pipl", "foo-law")


# --- batch notices ------------------------------------------------------------------------


def test_a_batch_notice_is_one_file_and_a_case_per_row(data_copy: Path) -> None:
    dataset = read_dataset(data_copy, today=TODAY)
    alpha = dataset["2024-example-batch-notice-alpha"]
    beta = dataset["2024-example-batch-notice-beta"]
    action = dataset.actions["2024-example-batch-notice"]
    assert alpha.action == beta.action == action.id
    assert alpha.national
    assert alpha.authorities == ("cac",)
    assert alpha.campaigns == action.campaigns
    assert alpha.sources == action.sources
    assert [m.kind for m in alpha.measures] == [MeasureKind.PUBLIC_NAMING, MeasureKind.ORDER_TO_CORRECT]
    assert str(alpha.measures[1].duration) == "10 days"
    assert alpha.apps[0].name == "阿尔法"
    assert beta.respondent.display_name == "operator of the Beta app"
    assert dataset.cases_of(action.id) == (alpha, beta)
    assert not action.complete
    assert action.respondents_stated == 3


# --- compiling ----------------------------------------------------------------------------


def test_compile_bumps_the_version_only_when_asked(data_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "bundle.json"
    first = compile_data(data_copy, target, today=TODAY)
    assert first.version == "2026.01.01"
    assert check_bundle(data_copy, target)
    case_file = data_copy / "cases" / "2025-beijing-example-app.toml"
    case_file.write_text(case_file.read_text(encoding="utf-8").replace('"50000"', '"60000"'), encoding="utf-8")
    assert not check_bundle(data_copy, target)
    with pytest.raises(VersionError):
        compile_data(data_copy, target, today=TODAY)
    second = compile_data(data_copy, target, bump=True, today=TODAY)
    assert second.version == "2026.11.30"
    assert read_bundle(target.read_bytes()).version == "2026.11.30"
    assert check_bundle(data_copy, target)


def test_compile_writes_atomically_and_never_through_a_link(data_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "bundle.json"
    compile_data(data_copy, target, today=TODAY)
    assert not list(tmp_path.glob(".bundle.json.*"))  # no temporary file left behind
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(elsewhere)
    with pytest.raises(DataError, match="symbolic link"):
        compile_data(data_copy, link, today=TODAY)
    assert elsewhere.read_text(encoding="utf-8") == "keep"


def test_a_data_directory_with_errors_does_not_compile(data_copy: Path, tmp_path: Path) -> None:
    shutil.copy(Path(__file__).parent / "broken" / "cases" / "2017-zero-amount.toml", data_copy / "cases")
    with pytest.raises(DataError) as raised:
        compile_data(data_copy, tmp_path / "bundle.json", today=TODAY)
    assert any(p.path == "measures[0].amount.amount" for p in raised.value.problems)
    assert not (tmp_path / "bundle.json").exists()


def test_bundle_header_describes_its_content(data_copy: Path) -> None:
    dataset = read_dataset(data_copy, today=TODAY)
    header, content = bundle_text(dataset).split("\n")[:2]
    meta = json.loads(header)
    assert meta["format"] == 2
    assert meta["cases"] == len(dataset)
    assert set(json.loads(content)) == {"instruments", "authorities", "campaigns", "actions", "cases", "retired"}
    fines = [m for case in dataset for m in case.measures if m.kind is MeasureKind.FINE]
    assert all(m.target is MeasureTarget.RESPONDENT for m in fines)
