"""The command line through its real entry point: outputs, exit codes, one-line errors, and
every example its ``--help`` shows.

Commands run in-process through :func:`cnenforce.cli.main` (the packaged dataset is read once
per test run); only what needs a fresh interpreter (what start-up imports) runs in a subprocess
(``tests/test_findings.py`` runs ``python -m cnenforce.cli`` into a closed pipe). Nothing here
pins the number of cases or the set of ids: tests check per-case facts and laws that hold for
any data.
"""

from __future__ import annotations

import ast
import contextlib
import csv
import io
import json
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cnenforce
from cnenforce import Dataset, select
from cnenforce.cli import COMMANDS, EXAMPLES, FILTERS, GROUPINGS, main
from cnenforce.contrib.toml_writer import dumps
from cnenforce.export import CASE_COLUMNS, TABLES
from cnenforce.query import CRITERIA
from cnenforce.stats import GROUPINGS as STATS_GROUPINGS
from cnenforce.table import display_width
from cnenforce.terminal import clean
from tests.conftest import FIXTURES, REPO


def run(*argv: str, stdin: str | None = None, out: io.StringIO | None = None) -> tuple[int, str, str]:
    """Exit status, standard output and standard error of one command."""
    out = out if out is not None else io.StringIO()
    err = io.StringIO()
    saved = sys.stderr, sys.stdin
    sys.stderr = err
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    try:
        code = main(list(argv), out)
    finally:
        sys.stderr, sys.stdin = saved
    return code, out.getvalue(), err.getvalue()


def one_line_error(err: str) -> bool:
    return err.count("\n") == 1 and "Traceback" not in err


def ids_of(*argv: str) -> list[str]:
    code, out, err = run(*argv, "--format", "jsonl")
    assert code in (0, 1), err
    return [json.loads(line)["id"] for line in out.splitlines()]


class Terminal(io.StringIO):
    """An output stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


# --- start-up, version and help -------------------------------------------------------------------


def test_version_gives_package_and_dataset(dataset: Dataset) -> None:
    for option in ("--version", "-V"):
        code, out, _ = run(option)
        assert code == 0
        package, data = out.splitlines()
        assert package == f"cnenforce {cnenforce.__version__}"
        assert data == f"dataset {dataset.version}: {len(dataset):,} cases, content {dataset.digest}"


def test_help_and_version_import_nothing_they_do_not_need() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from cnenforce.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['--version']) == 0\n"
        "    for argv in (['--help'], ['list', '--help'], ['export', '--help']):\n"
        "        try: main(argv)\n"
        "        except SystemExit as exit: assert exit.code == 0\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('cnenforce', 'attrs', 'cattrs'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert set(result.stdout.split()) <= {"cnenforce", "cnenforce.cli", "cnenforce.terminal", "cnenforce.text"}


def test_public_names_are_imported_on_first_use() -> None:
    init = REPO / "src" / "cnenforce" / "__init__.py"
    tree = ast.parse(init.read_text(encoding="utf-8"))
    guarded = next(node for node in tree.body if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test))
    imported = {
        alias.name: node.module for node in guarded.body if isinstance(node, ast.ImportFrom) for alias in node.names
    }
    assert imported == cnenforce._EXPORTS  # type checkers and the lazy table see the same names
    assert set(imported) == set(cnenforce.__all__)
    for name, module in imported.items():
        assert getattr(cnenforce, name) is getattr(sys.modules[module], name)
    assert set(cnenforce.__all__) <= set(dir(cnenforce))
    with pytest.raises(AttributeError, match="no attribute 'lod'"):
        cnenforce.lod  # type: ignore[attr-defined]  # noqa: B018


def _help(*argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exit:
        main([*argv, "--help"])
    assert exit.value.code == 0
    return out.getvalue()


def _examples(text: str) -> list[str]:
    lines = text.split("examples:\n", 1)[1].splitlines()
    return [line.strip() for line in lines if line.startswith("  cnenforce ")]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_example_in_help_runs(command: str, data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each ``--help`` shows examples, and each runs and succeeds: from a folder holding a copy
    of the minimal data directory as ``data/`` (so that ``new`` and ``compile`` have one)."""
    examples = _examples(_help(*([command] if command else [])))
    assert examples == EXAMPLES[command]
    monkeypatch.chdir(data_copy.parent)
    for example in examples:
        code, _, err = run(*shlex.split(example)[1:])
        assert code == 0, f"{example}: exit {code}\n{err}"


def test_the_help_lists_every_command_and_filter() -> None:
    text = _help()
    for name in COMMANDS:
        assert name in text
    assert "exit status" in text
    assert {criterion for _, criterion, *_ in FILTERS} == set(CRITERIA)
    assert tuple(name.replace("-", "_") for name in GROUPINGS) == STATS_GROUPINGS
    listed = _help("list")
    for option, *_ in FILTERS:
        assert option in listed


# --- list -----------------------------------------------------------------------------------------


def test_list_prints_an_aligned_table_of_names(dataset: Dataset) -> None:
    code, out, err = run("list", "--authority", "guangdong-ca")
    assert (code, err) == (0, "")
    header, *rows = out.splitlines()
    assert header.split() == ["ID", "DATE", "RESPONDENT", "AUTHORITY", "PLACE", "MEASURES", "FINES"]
    found = {row.split()[0] for row in rows}
    assert found == set(select(dataset, authority="guangdong-ca").ids)
    assert "2017-guangdong-shenzhen-sanren" in found
    sanren = next(row for row in rows if row.startswith("2017-guangdong-shenzhen-sanren "))
    for name in ("Guangdong Communications Administration", "Guangdong", "suspension of business", "CNY 50,000"):
        assert name in sanren  # names, not codes
    assert "guangdong-ca" not in sanren
    assert "CN-GD" not in out
    starts = {header.index(title) for title in ("DATE", "RESPONDENT", "AUTHORITY")}
    for row in rows:  # columns line up (the cells left of them are ASCII here)
        assert all(row[start - 2 : start] == "  " for start in starts if row.isascii())


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["--provision", "Article 21 of the Cybersecurity Law"], id="provision-from-the-help"),
        pytest.param(["--instrument", "PIPL"], id="instrument-abbreviation"),
        pytest.param(["--province", "Guangdong"], id="province-name"),
        pytest.param(["--place", "CN-GD"], id="place-code"),
        pytest.param(["--fine-min", "1000000"], id="fine-over-an-amount"),
        pytest.param(["--measure", "warning"], id="penalty-kind"),
        pytest.param(["--name", "腾讯"], id="respondent-name"),
        pytest.param(["--app", "微信"], id="app-name"),
    ],
)
def test_the_questions_the_issue_could_not_ask_have_answers(argv: list[str]) -> None:
    code, out, err = run("list", *argv)
    assert (code, err) == (0, "")
    assert len(out.splitlines()) > 1


def test_repeated_options_mean_or_and_different_options_and(dataset: Dataset) -> None:
    leakage, theft = ids_of("list", "--tag", "data-leakage"), ids_of("list", "--tag", "data-theft")
    both = ids_of("list", "--tag", "data-leakage", "--tag", "data-theft")
    assert set(both) == set(leakage) | set(theft)
    places = ids_of("list", "--place", "Guangdong", "--place", "Zhejiang")
    assert set(places) == set(ids_of("list", "--place", "CN-GD")) | set(ids_of("list", "--place", "浙江"))
    narrowed = ids_of("list", "--tag", "data-leakage", "--place", "Guangdong")
    assert set(narrowed) == set(leakage) & set(ids_of("list", "--place", "Guangdong"))


def test_sort_and_limit(dataset: Dataset) -> None:
    newest = ids_of("list", "--place", "Guangdong", "--sort", "date", "--descending", "--limit", "5")
    assert len(newest) == min(5, len(select(dataset, place="Guangdong")))
    days = [dataset[case_id].date.earliest() for case_id in newest if dataset[case_id].date is not None]  # type: ignore[union-attr]
    assert [day for day in days if day] == sorted((day for day in days if day), reverse=True)
    largest = ids_of("list", "--measure", "fine", "--sort", "fine", "--descending", "--limit", "1")
    totals = {case.id: sum(m.total.amount for m in case.penalties if m.is_fine and m.total) for case in dataset}
    assert totals[largest[0]] == max(totals.values())
    assert ids_of("list", "--sort", "id", "--descending", "--limit", "2") == [c.id for c in dataset.cases[-2:]][::-1]


def test_formats(dataset: Dataset) -> None:
    records = json.loads(run("list", "--tag", "deep-synthesis", "--format", "json")[1])
    assert [r["id"] for r in records] == list(select(dataset, tag="deep-synthesis").ids)
    assert all("deep-synthesis" in r["tags"] for r in records)
    out = run("list", "--tag", "deep-synthesis", "--format", "csv")[1]
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert tuple(rows[0]) == CASE_COLUMNS
    assert [row["id"] for row in rows] == [r["id"] for r in records]
    assert (
        run("list", "--tag", "deep-synthesis", "--json")[1] == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    )


def test_free_text_finds_names_and_titles(dataset: Dataset) -> None:
    found = ids_of("list", "滴滴出行")
    named = {case.id for case in dataset if any("滴滴出行" in name for name in case.names())}
    assert named
    assert named <= set(found)
    for case_id in found:
        case = dataset[case_id]
        texts = [*case.names(), case.title, case.title_zh or "", case.summary, case.summary_zh or ""]
        assert any("滴滴出行" in text for text in texts)
    assert run("search", "滴滴出行") == run("list", "滴滴出行")


def test_nothing_found_says_so_on_stderr_and_exits_1() -> None:
    code, out, err = run("list", "--until", "2000", "--tag", "data-leakage")
    assert (code, out) == (1, "")
    assert err == "cnenforce: no cases match --until 2000 --tag data-leakage\n"


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        pytest.param(["--tag", "data-leakag"], "did you mean 'data-leakage'", id="tag"),
        pytest.param(["--instrument", "PIPLL"], "did you mean 'pipl'", id="instrument"),
        pytest.param(["--measure", "fines"], "did you mean 'fine'", id="measure"),
        pytest.param(["--since", "August"], "since", id="date"),
        pytest.param(["--sort", "size"], "invalid choice", id="sort"),
        pytest.param(["--limit", "0"], "expected 1 or more", id="limit"),
        pytest.param(["--fine-min", "a lot"], "fine_min", id="amount"),
        pytest.param(["--bogus"], "unrecognized arguments", id="option"),
    ],
)
def test_a_bad_value_exits_2_with_a_hint(argv: list[str], hint: str) -> None:
    code, out, err = run("list", *argv)
    assert (code, out) == (2, "")
    assert one_line_error(err)
    assert hint in err


def test_the_table_fits_a_width_and_colours_only_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ("list", "--authority", "guangdong-ca")
    wide = run(*argv)[1]
    assert max(display_width(line) for line in wide.splitlines()) > 200
    narrow = run(*argv, "--width", "200")[1]
    assert max(display_width(line) for line in narrow.splitlines()) <= 200
    assert "…" in narrow
    assert "\x1b" not in wide + narrow
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    terminal = run(*argv, out=Terminal())[1]
    assert terminal.startswith("\x1b[1mID")
    assert max(display_width(line) for line in terminal.splitlines()[1:]) <= 200
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in run(*argv, out=Terminal())[1]


def test_a_narrow_terminal_leaves_out_columns_and_says_so_on_stderr() -> None:
    code, out, err = run("list", "--authority", "guangdong-ca", "--width", "100")
    assert code == 0
    assert out.split()[:3] == ["ID", "DATE", "RESPONDENT"]
    assert "PLACE" not in out.splitlines()[0]
    assert max(display_width(line) for line in out.splitlines()) <= 100
    assert one_line_error(err)
    assert "left out" in err
    assert "PLACE" in err
    assert "--width N" in err
    assert run("list", "--authority", "guangdong-ca", "--width", "400")[2] == ""


_CELLS = st.text(alphabet=st.sampled_from("ab腾讯 1"), max_size=30)


@given(
    st.lists(st.tuples(st.booleans(), st.integers(1, 12), st.integers(0, 3)), min_size=1, max_size=6).flatmap(
        lambda specs: st.tuples(
            st.just(specs),
            st.lists(st.lists(_CELLS, min_size=len(specs), max_size=len(specs)), max_size=4),
            st.integers(1, 160),
        )
    )
)
def test_columns_are_left_out_only_as_needed_and_in_drop_order(
    spec: tuple[list[tuple[bool, int, int]], list[list[str]], int],
) -> None:
    from cnenforce.table import GAP, Column, layout

    specs, rows, width = spec
    columns = [Column(f"C{i}", cut=cut, minimum=minimum, drop=drop) for i, (cut, minimum, drop) in enumerate(specs)]
    table = layout(columns, rows, width=width)
    left_out = [column for column in columns if column.title in table.left_out]
    kept = [column for column in columns if column.title not in table.left_out]
    assert all(column.drop > 0 for column in left_out)  # a column with drop 0 always stays
    if left_out:  # every column left out ranks at least as high as every droppable one kept
        assert min(column.drop for column in left_out) >= max((c.drop for c in kept if c.drop > 0), default=0)
    lines = table.text.split("\n")
    assert len(lines) == len(rows) + 1
    assert lines[0].split() == [column.title for column in kept]
    if max(display_width(line) for line in lines) > width:  # too wide even so: nothing more may go
        assert all(column.drop == 0 for column in kept)
    if left_out:  # and nothing went that was not needed: the last to go would not have fitted
        last = min(left_out, key=lambda column: (column.drop, columns.index(column)))
        back = [column for column in columns if column in kept or column is last]
        floors = sum(_floor_of(column, rows, columns.index(column)) for column in back)
        assert floors + GAP * (len(back) - 1) > width


def _floor_of(column: Any, rows: list[list[str]], index: int) -> int:
    natural = max([display_width(column.title), *(display_width(clean(row[index])) for row in rows)])
    return natural if not column.cut else min(natural, max(column.minimum, display_width(column.title)))


# --- show -----------------------------------------------------------------------------------------


def test_show_gives_every_field_by_name_in_both_languages() -> None:
    code, out, _ = run("show", "2017-yibin-teacher-training-website")
    assert code == 0
    for line in (
        "  violated    Article 21 of the Cybersecurity Law (2016) / 《网络安全法》（2016）第二十一条",
        "  measure     fine CNY 5,000 on legal representative under Article 59 of the Cybersecurity Law (2016)",
        "  place       Yibin, Sichuan / 四川省",
        "  [1] Jones Day, China's New Cybersecurity Law Brings Enforcement Crackdown, 2017-10 "
        "<https://jonesday.com/pt/insights/2017/10/chinas-new-cybersecurity-law-brings-enforcement-crackdown>",
    ):
        assert line in out.splitlines()
    code, out, _ = run("show", "2022-cac-didi-global-fine")
    assert "  respondent  Didi Global Inc. / 滴滴全球股份有限公司" in out
    assert "Cyberspace Administration of China / 国家互联网信息办公室 (cyberspace, national; cac)" in out
    assert "fine CNY 1,000,000 each (CNY 2,000,000 in all) on 程维" in out


def test_show_several_and_as_json() -> None:
    ids = ["2017-zhejiang-taobao", "2017-guangdong-shenzhen-sanren"]
    code, out, _ = run("show", *ids)
    assert code == 0
    assert [line for line in out.splitlines() if line in ids] == ids
    records = json.loads(run("show", *ids, "--format", "json")[1])
    assert [r["id"] for r in records] == ids
    assert json.loads(run("show", ids[0], "--format", "json")[1])["id"] == ids[0]
    assert [json.loads(line)["id"] for line in run("show", *ids, "--format", "jsonl")[1].splitlines()] == ids


def test_show_an_unknown_id_suggests_close_ones() -> None:
    code, out, err = run("show", "2017-zhejiang-taobao", "2017-yibin-teacher-trainig-website")
    assert (code, out) == (2, "")
    assert one_line_error(err)
    assert "did you mean '2017-yibin-teacher-training-website'" in err


# --- stats ----------------------------------------------------------------------------------------


def test_stats_leads_with_names(dataset: Dataset) -> None:
    code, out, _ = run("stats", "--place", "Guangdong")
    assert code == 0
    chosen = select(dataset, place="Guangdong")
    assert out.splitlines()[0] == f"cnenforce dataset {dataset.version}: {len(chosen)} cases"
    assert "  Guangdong " in out
    assert "CN-GD" not in out
    summary = json.loads(run("stats", "--place", "Guangdong", "--format", "json")[1])
    assert summary["cases"] == len(chosen)


def test_stats_by_one_grouping_adds_up(dataset: Dataset) -> None:
    code, out, _ = run("stats", "--instrument", "PIPL", "--by", "year")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split()[:2] == ["YEAR", "CASES"]
    assert sum(int(row.split()[1]) for row in rows) == len(select(dataset, instrument="PIPL"))
    code, out, _ = run("stats", "--by", "authority-kind", "--format", "csv", "--bom")
    assert out.startswith("\ufeffauthority_kind,authority_kind_name,cases,")
    names = {row["authority_kind"]: row["authority_kind_name"] for row in csv.DictReader(io.StringIO(out[1:]))}
    assert names.get("public-security") == "public security"


def test_stats_by_two_groupings_counts_each_pair(dataset: Dataset) -> None:
    code, out, _ = run("stats", "--place", "Zhejiang", "--by", "year", "--by", "authority-kind", "--format", "json")
    assert code == 0
    groups = json.loads(out)["groups"]
    assert groups
    for group in groups:
        expected = [
            case for case in select(dataset, place="Zhejiang", authority_kind=group["authority_kind"])
            if str(case.year or "unknown") == group["year"]
        ]  # fmt: skip
        assert group["cases"] == len(expected), group
    code, out, _ = run("stats", "--place", "Zhejiang", "--by", "year", "--by", "authority-kind", "--cell", "fines")
    assert code == 0
    assert out.splitlines()[0].startswith("YEAR \\ AUTHORITY KIND")
    assert "public-security" not in out


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["--format", "csv"], id="csv-without-groups"),
        pytest.param(["--by", "year", "--by", "tag", "--by", "sector"], id="three-ways"),
        pytest.param(["--by", "colour"], id="unknown-grouping"),
    ],
)
def test_stats_usage_errors(argv: list[str]) -> None:
    code, _, err = run("stats", *argv)
    assert code == 2
    assert one_line_error(err)


# --- export ---------------------------------------------------------------------------------------


def test_export_a_selection(dataset: Dataset, tmp_path: Path) -> None:
    chosen = list(select(dataset, tag="data-leakage").ids)
    assert ids_of("export", "--tag", "data-leakage") == chosen
    code, _, err = run("export", "--tag", "data-leakage", "--format", "csv", "--table", "provisions", "--bom",
                       "--output", str(tmp_path / "p.csv"))  # fmt: skip
    assert code == 0
    assert err.startswith("wrote ")
    text = (tmp_path / "p.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeffcase_id,index,role,")
    assert {row["case_id"] for row in csv.DictReader(io.StringIO(text[1:]))} <= set(chosen)
    payload = json.loads(run("export", "--tag", "data-leakage")[1])
    assert [case["id"] for case in payload["cases"]] == chosen
    assert payload["dataset_version"] == dataset.version


def test_export_a_data_package_and_the_schema(tmp_path: Path) -> None:
    code, _, err = run("export", "--format", "datapackage")
    assert code == 2
    assert one_line_error(err)
    code, _, err = run("export", "--place", "Sichuan", "--format", "datapackage", "--output", str(tmp_path / "pkg"))
    assert code == 0
    assert sorted(path.name for path in (tmp_path / "pkg").iterdir()) == sorted(
        ["datapackage.json", *(f"{name}.csv" for name in TABLES)]
    )
    assert json.loads(run("export", "--format", "schema")[1])["title"] == "Case"
    assert json.loads(run("schema")[1])["title"] == "Case"


def test_parquet_needs_its_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cnenforce.dataframe

    def missing(name: str) -> Any:
        raise ImportError(name)

    monkeypatch.setattr(cnenforce.dataframe.importlib, "import_module", missing)
    code, _, err = run("export", "--format", "parquet", "--limit", "1", "--output", str(tmp_path / "c.parquet"))
    assert code == 1
    assert one_line_error(err)
    assert "pip install 'cnenforce[parquet]'" in err


def test_export_parquet(tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    code, _, _ = run("export", "--place", "Sichuan", "--format", "parquet", "--table", "measures",
                     "--output", str(tmp_path / "m.parquet"))  # fmt: skip
    assert code == 0
    assert parquet.read_table(tmp_path / "m.parquet").column_names[:3] == ["case_id", "index", "kind"]


@pytest.mark.parametrize("fmt", ["json", "csv", "datapackage"])
def test_an_unwritable_output_is_one_line_and_exit_1(fmt: str, tmp_path: Path) -> None:
    code, _, err = run("export", "--limit", "1", "--format", fmt, "--output", str(tmp_path / "missing" / "out"))
    assert code == 1
    assert one_line_error(err)
    assert "No such file or directory" in err


def test_a_closed_output_is_one_line_and_exit_1() -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    code, _, err = run("list", "--limit", "3", out=Closed())
    assert code == 1
    assert err == "cnenforce: output closed before it was complete (broken pipe)\n"


# --- cite -----------------------------------------------------------------------------------------


def test_cite_resolves_and_flags(dataset: Dataset) -> None:
    pipl = dataset.instruments["pipl"].current.articles
    assert pipl is not None
    text = (
        f"violated Article 21(5) of the Cybersecurity Law (2016), Article {pipl + 1} of the PIPL and Article 5 of "
        "the Anti-Monopoly Law"
    )
    code, out, _ = run("cite", text)
    assert code == 0
    header, csl, beyond, unknown = out.splitlines()
    assert header.split() == ["AT", "TEXT", "READ", "AS", "NOTE"]
    assert "Article 21(5) of the Cybersecurity Law (2016)" in csl
    assert beyond.endswith(f"beyond the last article (Article {pipl})")
    assert unknown.endswith("not in the catalogue")
    records = json.loads(run("cite", "--format", "json", text)[1])
    assert [(r["instrument"], r["article"], r["beyond_last_article"]) for r in records] == [
        ("csl", 21, False), ("pipl", pipl + 1, True), (None, 5, False),
    ]  # fmt: skip
    assert "《个人信息保护法》第十三条" in run("cite", "--lang", "zh", "PIPL Art. 13")[1]


def test_cite_reads_standard_input() -> None:
    code, out, _ = run("cite", "-", stdin="依据《网络安全法》第六十八条\n")
    assert code == 0
    assert "Article 68 of the Cybersecurity Law" in out


@pytest.mark.parametrize("text", ["nothing to see here", "   "], ids=["no-citation", "blank"])
def test_cite_finding_nothing_says_why_in_one_line(text: str) -> None:
    code, out, err = run("cite", text)
    assert (code, out) == (1, "")
    assert one_line_error(err)
    code, out, err = run("cite", "-", stdin=text)
    assert (code, out) == (1, "")
    assert one_line_error(err)


# --- the catalogue --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "counted"),
    [
        ("instruments", lambda case: case.instruments),
        ("authorities", lambda case: case.authorities),
        ("campaigns", lambda case: {ref.id for ref in case.campaigns}),
    ],
)
def test_catalogue_commands(dataset: Dataset, command: str, counted: Any) -> None:
    code, out, _ = run(command, "--format", "json")
    assert code == 0
    records = json.loads(out)
    catalogue = getattr(dataset.catalogue, command)
    assert [r["id"] for r in records] == list(catalogue)
    for record in records:
        assert record["cases"] == sum(record["id"] in counted(case) for case in dataset)
    code, out, _ = run(command)
    header, *rows = out.splitlines()
    assert header.startswith("ID ")
    assert [row.split()[0] for row in rows] == list(catalogue)


# --- new and validate -----------------------------------------------------------------------------

_FILLED = {
    "title": "Example company fined", "summary": "An example.", "measures_disclosure": "stated",
    "respondent.kind": "company", "respondent.name_zh": "示例科技有限公司", "events[0].kind": "decided",
    "events[0].date": "2025-06-10", "measures[0].kind": "fine", "sources[0].kind": "official",
    "sources[0].title": "Example release", "sources[0].publisher": "Beijing Cyberspace Administration Office",
    "sources[0].url": "https://www.example.gov.cn/2025/06/10/example.html", "sources[0].published": "2025-06-10",
    "title_zh": "示例通报", "published": "2025-06-10", "authorities[0]": "cac", "case.summary": "Named in it.",
    "case.measures_disclosure": "stated", "case.events[0].kind": "notified", "case.events[0].date": "2025-06-10",
    "case.measures[0].kind": "public-naming", "cases[0].id": "2025-example-notice-alpha",
    "cases[0].title": "Alpha app named", "cases[0].respondent.kind": "company",
    "cases[0].respondent.name_zh": "阿尔法科技有限公司",
}  # fmt: skip
"""A value for every ``""`` of the templates, by field path."""


def _fill(node: Any, path: str = "") -> Any:
    if isinstance(node, dict):
        return {key: _fill(value, f"{path}.{key}" if path else key) for key, value in node.items()}
    if isinstance(node, list):
        return [_fill(value, f"{path}[{index}]") for index, value in enumerate(node)]
    return _FILLED[path] if node == "" else node


@pytest.mark.parametrize(("what", "record_id", "folder"), [("case", "2025-example-case", "cases"),
                                                           ("batch", "2025-example-notice", "actions")])  # fmt: skip
def test_new_writes_a_template_that_validates_once_filled(
    what: str, record_id: str, folder: str, data_copy: Path
) -> None:
    code, out, _ = run("new", what, record_id, "--data", str(data_copy))
    assert code == 0
    path = data_copy / folder / f"{record_id}.toml"
    assert out.startswith(f"wrote {path}")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# A new ")
    template = tomllib.loads(text)
    assert template["id"] == record_id
    code, out, _ = run("validate", str(path))
    assert code == 1
    empty = [line for line in out.splitlines() if line.endswith("text is empty")]
    assert len(empty) == sum(1 for line in text.splitlines() if '""' in line and not line.startswith("#")) + (
        text.count('{ kind = "", date = "" }') + text.count('{ kind = "", name_zh = "" }')
    )
    path.write_text(dumps(_fill(template)), encoding="utf-8")
    code, out, err = run("validate", str(data_copy))
    assert (code, out) == (0, ""), out
    assert ": 0 errors, 0 warnings" in err


def test_new_refuses_to_overwrite_or_guess(data_copy: Path, tmp_path: Path) -> None:
    assert run("new", "case", "2025-example-case", "--data", str(data_copy))[0] == 0
    code, _, err = run("new", "case", "2025-example-case", "--data", str(data_copy))
    assert code == 1
    assert "--force" in err
    assert run("new", "case", "2025-example-case", "--data", str(data_copy), "--force")[0] == 0
    code, _, err = run("new", "case", "Example Case", "--data", str(data_copy))
    assert code == 2
    assert one_line_error(err)
    code, _, err = run("new", "case", "2025-example-case", "--data", str(tmp_path / "nowhere"))
    assert code == 1
    assert one_line_error(err)


def test_validate_reports_a_missing_path_and_an_empty_argument(tmp_path: Path) -> None:
    code, out, err = run("validate", "", str(tmp_path / "missing.toml"))
    assert code == 1
    assert out.splitlines() == [
        "'': (file): an empty argument names no file",
        f"{tmp_path / 'missing.toml'}: (file): no such file or directory",
    ]
    assert err == "0 files checked: 2 errors, 0 warnings\n"
    code, out, err = run("validate", str(FIXTURES / "minimal"))
    assert (code, out) == (0, "")
    assert "0 errors" in err


# --- usage errors ----------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param([], id="no-command"),
        pytest.param(["frobnicate"], id="unknown-command"),
        pytest.param(["export", "--format", "xml"], id="bad-choice"),
        pytest.param(["show"], id="missing-argument"),
        pytest.param(["new", "notice", "2025-x"], id="bad-new"),
    ],
)
def test_usage_errors_are_one_line_with_status_2(argv: list[str]) -> None:
    code, _, err = run(*argv)
    assert code == 2
    assert one_line_error(err)


def test_a_table_is_cut_to_fit_as_far_as_its_columns_allow() -> None:
    from cnenforce.table import Column, fit, render

    columns = [Column("ID", cut=False), Column("NAME", minimum=6), Column("NOTE", minimum=6)]
    assert fit([10, 30, 30], columns, None) == [10, 30, 30]
    assert fit([10, 30, 30], columns, 50) == [10, 18, 18]  # the widest give way first, evenly
    assert fit([10, 30, 4], columns, 30) == [10, 12, 4]
    assert fit([10, 30, 30], columns, 10) == [10, 6, 6]  # no narrower than their minimum
    text = render(columns, [["a", "腾讯控股有限公司腾讯控股有限公司", "x" * 20]], width=30)
    assert max(display_width(line) for line in text.splitlines()) <= 30
    assert "…" in text
