"""`cnenforce format`: canonical text, and citation strings turned into provision tables."""

from __future__ import annotations

import shutil
from pathlib import Path

from cnenforce.formatting import format_paths
from cnenforce.validation import validate
from tests.conftest import DATA

CASE = "2017-yibin-teacher-training-website.toml"


def test_citation_strings_validate_and_format_to_tables(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    path = root / "cases" / CASE
    original = path.read_text(encoding="utf-8")
    handwritten = original.replace(
        'violations = [{ instrument = "csl", article = 21, version = "2016" }]',
        'violations = ["Article 21 of the Cybersecurity Law (2016)"]',
    ).replace(
        'basis = [{ instrument = "csl", article = 59, version = "2016" }]',
        'basis = ["《网络安全法》（2016年）第五十九条"]',
    )
    assert handwritten != original
    path.write_text(handwritten, encoding="utf-8")
    assert validate([root]).ok(strict=True)
    changed, problems = format_paths([root / "cases"])
    assert (changed, problems) == ([path], [])
    assert path.read_text(encoding="utf-8") == original


def test_format_check_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cases" / CASE
    path.parent.mkdir()
    first, second, rest = (DATA / "cases" / CASE).read_text(encoding="utf-8").split("\n", 2)
    shuffled = f"{second}\n{first}\n{rest}"  # the same record with two keys swapped
    path.write_text(shuffled, encoding="utf-8")
    changed, problems = format_paths([path], check=True)
    assert (changed, problems) == ([path], [])
    assert path.read_text(encoding="utf-8") == shuffled


def test_unreadable_files_are_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("id = \n", encoding="utf-8")
    changed, problems = format_paths([path])
    assert changed == []
    assert [p.file for p in problems] == [str(path)]
    assert path.read_text(encoding="utf-8") == "id = \n"
