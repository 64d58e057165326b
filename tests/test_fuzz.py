"""Fuzz tests: generated hostile input at every entry point; only documented errors escape.

Each target is listed in :data:`FUZZ_TARGETS` (the table in ``docs/hostile-input.md`` is
written from it). The default Hypothesis profile keeps the whole file to a few seconds;
``HYPOTHESIS_PROFILE=ci`` or ``thorough`` runs more examples.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, NamedTuple, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cnenforce
from cnenforce import citations
from cnenforce.bundle import read_bundle
from cnenforce.cli import main
from cnenforce.contrib.compiler import bundle_text
from cnenforce.contrib.files import read_toml
from cnenforce.contrib.tree import read_dataset
from cnenforce.contrib.validate import validate
from cnenforce.converter import structure, structure_problems, unstructure
from cnenforce.errors import BundleError, CitationError, DataError, QueryError
from cnenforce.model import Action, Authority, Campaign, Case, Instrument, RetiredId
from cnenforce.query import Selection
from cnenforce.terminal import clean
from cnenforce.text import SUSPECT_PATTERN, is_refused_character
from tests.conftest import FIXTURES
from tests.hostile import HOSTILE
from tests.strategies import EVERY_MODEL


class FuzzTarget(NamedTuple):
    """One entry point fuzzed: what is generated, which errors may escape, how many examples
    (``scale`` times the profile's ``max_examples``)."""

    target: str
    inputs: str
    errors: str
    scale: int = 1


FUZZ_TARGETS: Final = (
    FuzzTarget("Converter", "arbitrary JSON values, and valid records with one value replaced", "DataError", 2),
    FuzzTarget("File reader", "arbitrary bytes; text of TOML punctuation, quotes and brackets", "none (problems)", 2),
    FuzzTarget("Validator", "a case file of a data directory, mutated byte by byte", "none (problems)"),
    FuzzTarget("Bundle loader", "valid bundles with one JSON value replaced, the hash recomputed", "BundleError", 2),
    FuzzTarget("Citation parser", "text of citation words, numerals and punctuation", "CitationError", 2),
    FuzzTarget("Query arguments", "hostile and arbitrary text for every criterion of select", "QueryError", 2),
    FuzzTarget("Command line", "argument lists of commands, options and hostile values", "exit 1 or 2"),
)
"""What the fuzz tests try (rendered in ``docs/hostile-input.md``)."""

_F = TypeVar("_F", bound=Callable[..., Any])


def _examples(target: str) -> Callable[[_F], _F]:
    """The active profile's example count, times the *target*'s scale in :data:`FUZZ_TARGETS`."""
    scale = next(entry.scale for entry in FUZZ_TARGETS if entry.target == target)
    return settings(
        max_examples=settings.default.max_examples * scale,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


RECORDS: Final = (Case, Action, Instrument, Authority, Campaign, RetiredId)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
hostile_text = st.sampled_from([entry.text for entry in HOSTILE if len(entry.text) < 200]) | st.text(max_size=40)


def _unsafe(text: str) -> list[str]:
    """Characters that could act on a terminal (the line ends and tabs between columns aside)."""
    return [char for char in SUSPECT_PATTERN.findall(text) if char not in "\n\t" and is_refused_character(char)]


# --- the converter ----------------------------------------------------------------------------


@_examples("Converter")
@given(st.sampled_from(RECORDS), json_values)
def test_converter_takes_any_json(cls: type[Any], data: object) -> None:
    record, problems = structure_problems(data, cls, file="fuzz.json")
    assert (record is None) == bool(problems)
    assert all(p.file == "fuzz.json" and p.message for p in problems)
    if record is None:
        with pytest.raises(DataError):
            structure(data, cls)


def _paths(data: Any, path: str = "") -> list[str]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, f"{path}[{index}]")
    return found


def _replace(data: Any, path: str, value: object) -> Any:
    if not path:
        return value
    parts = path.replace("[", ".[").split(".")
    target = data
    for part in parts[:-1]:
        target = target[int(part[1:-1])] if part.startswith("[") else target[part]
    last = parts[-1]
    if last.startswith("["):
        target[int(last[1:-1])] = value
    else:
        target[last] = value
    return data


@_examples("Converter")
@given(st.data())
def test_converter_reports_a_replaced_value_at_its_field(data: st.DataObject) -> None:
    cls = data.draw(st.sampled_from([Case, Action, Instrument, Authority]))
    record = json.loads(json.dumps(unstructure(data.draw(EVERY_MODEL[cls]))))
    path = data.draw(st.sampled_from(_paths(record)[1:] or [""]))
    value = data.draw(json_values | hostile_text)
    result, problems = structure_problems(_replace(record, path, value), cls, file="fuzz.json")
    assert (result is None) == bool(problems)
    # Every problem names a field of the record (or the record itself), never a made-up one.
    assert all(not p.path or p.path.split(".")[0].split("[")[0] in _fields(cls) for p in problems)


def _fields(cls: type[Any]) -> set[str]:
    return {field.name for field in cls.__attrs_attrs__}


# --- data files and the validator ----------------------------------------------------------

_TOML_ALPHABET: Final = "[]{}\"'=\n#.,\\ abc1_-\t"


@_examples("File reader")
@given(st.binary(max_size=300) | st.text(alphabet=_TOML_ALPHABET, max_size=300).map(str.encode))
def test_file_reader_never_raises(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "2025-fuzz.toml"
    path.write_bytes(raw)
    data, locator, problems = read_toml(path, "2025-fuzz.toml")
    assert data is not None or problems
    assert all(p.file == "2025-fuzz.toml" and (p.line is None or p.line >= 1) for p in problems)
    for problem in problems:
        locator.line_of(problem.path)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz-data") / "data"
    shutil.copytree(FIXTURES / "minimal", root)
    return root


_CASE: Final = (FIXTURES / "minimal" / "cases" / "2025-beijing-example-app.toml").read_bytes()


@_examples("Validator")
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(_CASE) - 1), st.sampled_from([b"", b"[", b'"', b"\n", b"\x00", b"\xff", b"=", b"5"])
        ),
        min_size=1,
        max_size=4,
    )
)
def test_validator_reports_every_mutation_with_its_file(fuzz_dir: Path, edits: list[tuple[int, bytes]]) -> None:
    raw = bytearray(_CASE)
    for position, replacement in sorted(edits, reverse=True):
        raw[position : position + 1] = replacement
    path = fuzz_dir / "cases" / "2025-beijing-example-app.toml"
    path.write_bytes(bytes(raw))
    report = validate([fuzz_dir])
    try:
        written = tomllib.loads(bytes(raw).decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        written = {}
    for problem in report.problems:
        assert problem.file
        assert problem.line is None or problem.line >= 1
        if Path(problem.file) == path and problem.path.split(".")[0].split("[")[0] in written:
            assert problem.line is not None, problem  # a field the file sets is located


# --- the bundle loader ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundle_content() -> dict[str, Any]:
    return json.loads(bundle_text(read_dataset(FIXTURES / "minimal")).split("\n")[1])


def _bundle(content: Any) -> bytes:
    line = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    cases = len(content["cases"]) if isinstance(content, dict) and isinstance(content.get("cases"), list) else 0
    header = {
        "format": 2,
        "dataset_version": "2026.01.01",
        "cases": cases,
        "content_sha256": "sha256:" + hashlib.sha256(line).hexdigest(),
    }
    return json.dumps(header).encode() + b"\n" + line + b"\n"


@_examples("Bundle loader")
@given(st.data())
def test_bundle_loader_raises_only_bundle_errors(bundle_content: dict[str, Any], data: st.DataObject) -> None:
    content = json.loads(json.dumps(bundle_content))
    path = data.draw(st.sampled_from(_paths(content)))
    edited = _replace(content, path, data.draw(json_values | hostile_text))
    try:
        dataset = read_bundle(_bundle(edited), name="fuzz.json")
    except BundleError as exc:
        problems = exc.problems
    else:
        assert isinstance(dataset, cnenforce.Dataset)
        return
    assert problems
    assert all(p.file == "fuzz.json" and p.message for p in problems)


# --- the citation parser ---------------------------------------------------------------------

_CITATION_WORDS: Final = [
    "第", "条", "款", "项", "之一", "、", "至", "和", "及", "《", "》", "（", "）", "(", ")", "网络安全法",
    "个人信息保护法", "中华人民共和国", "二十一", "一百零一", "九千九百九十九万", "零", "十", "２１", "21", "0",
    "99999999", "100000000", " ", "Article ", "Articles ", " of the ", "Cybersecurity Law", "PIPL", "CSL",
    "paragraph ", "item ", "and ", "to ", "-", ",", ";", "该法", "本法", "\n", "\u202e", "\x1b",
]  # fmt: skip
citation_text = st.lists(st.sampled_from(_CITATION_WORDS), max_size=30).map("".join)


@pytest.fixture(scope="module")
def catalogue() -> cnenforce.Catalogue:
    return cnenforce.load().catalogue


@_examples("Citation parser")
@given(citation_text | hostile_text, st.booleans())
def test_citation_parser_raises_only_citation_errors(catalogue: cnenforce.Catalogue, text: str, strict: bool) -> None:
    try:
        matches = citations.find(text, catalogue=catalogue, strict=strict)
    except CitationError:
        assert strict
        return
    for match in matches:
        assert text[match.start : match.end] == match.text
    try:
        provisions = citations.parse(text, catalogue=catalogue, strict=strict)
    except CitationError:
        return
    assert provisions


# --- query arguments ------------------------------------------------------------------------

_CRITERIA: Final = ("instrument", "provision", "authority", "province", "tag", "since", "until")


@_examples("Query arguments")
@given(st.sampled_from(_CRITERIA), hostile_text | citation_text | st.sampled_from(["2017", "--07", "CN-GD", "csl"]))
def test_query_arguments_raise_only_query_errors(dataset: cnenforce.Dataset, criterion: str, value: str) -> None:
    try:
        found = cnenforce.select(dataset, **{criterion: value})
    except QueryError as exc:
        named = exc.criterion
    else:
        assert isinstance(found, Selection)
        return
    assert named == criterion


# --- the command line -----------------------------------------------------------------------

_ARGUMENTS: Final = st.lists(
    st.sampled_from(
        ["--json", "--strict", "--tag", "--since", "--until", "--province", "--authority", "--instrument",
         "--provision", "--lang", "--format", "--data", "--", "-h", "2017-zhejiang-taobao", "csv", "zh", "CN-GD"]
    )
    | hostile_text,
    max_size=5,
)  # fmt: skip


@_examples("Command line")
@given(st.sampled_from(["list", "show", "stats", "cite", "instruments", "schema", "nope"]), _ARGUMENTS)
def test_command_line_exits_cleanly(command: str, arguments: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stderr
    sys.stderr = err
    try:
        code = main([command, *arguments], out)
    except SystemExit as exc:  # --help
        code = 0 if exc.code in (0, None) else 2
    finally:
        sys.stderr = saved
    assert code in (0, 1, 2)
    assert "Traceback" not in err.getvalue()
    assert not _unsafe(out.getvalue() + err.getvalue()), clean(err.getvalue())
    if code == 2:
        assert len(err.getvalue().splitlines()) == 1
