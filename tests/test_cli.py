"""The command line: outputs, exit codes, and one-line errors without tracebacks."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from cnenforce.cli import main
from tests.conftest import FIXTURES


def run(*argv: str) -> tuple[int, str, str]:
    out = io.StringIO()
    err = io.StringIO()
    old = sys.stderr
    sys.stderr = err
    try:
        code = main(list(argv), out)
    finally:
        sys.stderr = old
    return code, out.getvalue(), err.getvalue()


def test_validate_data_directory() -> None:
    code, out, err = run("validate", str(FIXTURES / "minimal"))
    assert code == 0
    assert out == ""
    assert "0 errors" in err


def test_list_and_filters() -> None:
    code, out, _ = run("list", "--authority", "guangdong-ca", "--json")
    assert code == 0
    records = json.loads(out)
    assert {
        "2017-guangdong-alibaba-cloud",
        "2017-guangdong-dongjing-uc-browser",
        "2017-guangdong-lizhi-fm",
        "2017-guangdong-shenzhen-sanren",
    } <= {record["id"] for record in records}
    assert all("guangdong-ca" in record["authorities"] for record in records)
    code, out, _ = run("list", "--tag", "deep-synthesis", "--json")
    assert code == 0
    records = json.loads(out)
    assert "2025-zhejiang-app-deep-synthesis-assessment" in {record["id"] for record in records}
    assert all("deep-synthesis" in record["tags"] for record in records)
    code, out, _ = run("list", "--until", "2000")
    assert (code, out) == (1, "")


def test_show_case() -> None:
    code, out, _ = run("show", "2017-yibin-teacher-training-website")
    assert code == 0
    assert "fine CNY 5,000 on legal-representative under Article 59 of the Cybersecurity Law" in out
    code, out, _ = run("show", "2017-yibin-teacher-training-website", "--json")
    assert json.loads(out)["id"] == "2017-yibin-teacher-training-website"


def test_stats() -> None:
    code, out, _ = run("stats", "--json")
    assert code == 0
    cases = json.loads(out)["cases"]
    code, out, _ = run("stats")
    assert code == 0
    assert f"{cases} cases" in out
    code, out, _ = run("list", "--json")
    assert len(json.loads(out)) == cases


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "measures-csv"])
def test_export_formats(fmt: str) -> None:
    code, out, _ = run("export", "--format", fmt)
    assert code == 0
    assert out.strip()


def test_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert json.loads(out)["title"] == "Case"


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["show", "no-such-case"], id="unknown-case"),
        pytest.param(["list", "--since", "August"], id="bad-date"),
        pytest.param(["export", "--format", "xml"], id="bad-choice"),
        pytest.param(["frobnicate"], id="unknown-command"),
        pytest.param([], id="no-command"),
        pytest.param(["list", "--tag", "nope"], id="unknown-tag"),
    ],
)
def test_usage_errors_are_one_line_with_status_2(argv: list[str]) -> None:
    code, _, err = run(*argv)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_console_script_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cnenforce.cli", "show", "no-such-case"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
