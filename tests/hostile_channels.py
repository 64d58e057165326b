"""The hostile corpus run through every input and output.

Each channel function tries every entry of a corpus on one input or output and returns
:class:`Trial` records: where the entry went, how it was handled (``outcome``) and, if that
breaks the rule of :mod:`tests.hostile`, why (``failure``). ``tests/test_hostile.py`` asserts
that no trial fails; ``scripts/hostile_table.py`` summarises the same trials as the table in
``docs/hostile-input.md``, which a test keeps current. Each channel runs once per process.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Final

import attrs

import cnenforce
from cnenforce.bundle import read_bundle
from cnenforce.cli import main
from cnenforce.contrib.canonical import format_paths
from cnenforce.contrib.files import MAX_FILE_BYTES
from cnenforce.contrib.toml_writer import dumps
from cnenforce.contrib.tree import LoadedTree, read_tree
from cnenforce.converter import structure_problems, unstructure
from cnenforce.errors import BundleError, Problem, QueryError, Severity
from cnenforce.export import write_export
from cnenforce.model import MAX_NAME_LENGTH
from cnenforce.query import select
from cnenforce.report import describe_case
from cnenforce.terminal import clean
from cnenforce.text import SUSPECT_PATTERN, is_refused_character
from tests.hostile import (
    HOSTILE,
    HOSTILE_AMOUNTS,
    HOSTILE_IDS,
    HOSTILE_NUMBERS,
    HOSTILE_URLS,
    Fault,
    HostileString,
    HostileValue,
)
from tests.hostile_records import (
    CATALOGUE,
    RECORD_CLASSES,
    at,
    bundle_bytes,
    content_for,
    fill,
    hostile_dataset,
    slot_paths,
    templates,
    too_long_for,
)

__all__ = ["CHANNELS", "Trial", "all_trials"]

Entry = HostileString | HostileValue
TODAY: Final = dt.date(2026, 11, 30)


@attrs.frozen(kw_only=True)
class Trial:
    """One corpus entry tried on one channel, in one place (a record kind, an argument)."""

    channel: str
    fault: Fault
    name: str
    where: str
    fields: int
    """How many fields (or arguments) held the entry in this trial."""
    outcome: str
    """How it was handled: ``refused``, ``kept``, ``normalised``, ``escaped``, ..."""
    failure: str = ""
    """Why the outcome breaks the rule; empty when it holds."""


def _trial(channel: str, entry: Entry, where: str, fields: int, outcome: str, failure: str = "") -> Trial:
    return Trial(
        channel=channel,
        fault=entry.fault,
        name=entry.name,
        where=where,
        fields=fields,
        outcome=outcome,
        failure=failure,
    )


def _value(entry: Entry) -> object:
    return entry.text if isinstance(entry, HostileString) else entry.value


def _corpora() -> Iterator[tuple[str, tuple[Entry, ...]]]:
    """Each corpus, with the kind of slot it goes into."""
    yield "text", HOSTILE
    yield "url", HOSTILE_URLS
    yield "amount", HOSTILE_AMOUNTS
    yield "number", HOSTILE_NUMBERS
    yield "id", HOSTILE_IDS


def _key(entry: Entry, kind: str) -> str:
    return entry.name if kind == "text" else f"{kind}-{entry.name}"


def _in_toml(entry: Entry) -> bool:
    return not entry.json_only if isinstance(entry, HostileString) else entry.toml


def _expected(entry: Entry, folder: str, kind: str) -> tuple[list[str], dict[str, str]]:
    """Where *entry* must be kept, and where refused (with what in the message): a kept string
    is refused only where it is longer than the field allows (names of catalogue records)."""
    value = _value(entry)
    if not entry.kept:
        return [], dict.fromkeys(slot_paths(folder, kind), entry.refusal)
    return slot_paths(folder, kind, value), dict.fromkeys(
        too_long_for(folder, kind, value), f"longer than {MAX_NAME_LENGTH}"
    )


def _judge(
    entry: Entry, folder: str, kind: str, data: Any, problems: Iterable[Problem], *, lines: bool = False
) -> tuple[str, str]:
    """``(outcome, failure)`` for *entry* in every slot of *kind* of *template*: *data* is the
    record as loaded (``None`` if refused), *problems* what was reported for it."""
    kept, refused = _expected(entry, folder, kind)
    if data is None:
        if not refused:
            return "refused", f"refused: {[str(p)[:200] for p in problems][:2]}"
        return "refused", _refusal_failure(refused, problems, lines=lines)
    if refused:
        return "kept", f"accepted where it must be refused: {list(refused)[:3]}"
    value = _value(entry)
    changed = [path for path in kept if at(data, path) != value]
    return "kept", f"changed at {changed[:3]}" if changed else ""


def _kept_in(entry: Entry, paths: list[str], data: Any) -> str:
    value = _value(entry)
    changed = [path for path in paths if at(data, path) != value]
    return f"changed at {changed[:3]}" if changed else ""


def _refusal_failure(refused: dict[str, str], problems: Iterable[Problem], *, lines: bool) -> str:
    """Every refused path reported with its message (and a line, where *lines*), no other error."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    found: dict[str, list[Problem]] = {}
    for problem in errors:
        found.setdefault(problem.path, []).append(problem)
    missing = [path for path, words in refused.items() if not any(words in p.message for p in found.get(path, []))]
    if missing:
        return f"not reported at {missing[:3]}; got {[str(p)[:200] for p in errors[:3]]}"
    if lines and any(p.line is None for path in refused for p in found[path]):
        return "reported without a line"
    stray = [str(p)[:200] for p in errors if p.path not in refused]
    return f"unexpected problems: {stray[:3]}" if stray else ""


# --- inputs -----------------------------------------------------------------------------------


@functools.cache
def converter() -> tuple[Trial, ...]:
    """Every entry in every slot of its kind, in a record of every kind, through the converter."""
    trials = []
    for kind, corpus in _corpora():
        for entry in corpus:
            for folder, template in templates("x").items():
                count = len(slot_paths(folder, kind))
                if not count:
                    continue
                record, problems = structure_problems(fill(template, kind, _value(entry)), RECORD_CLASSES[folder])
                data = None if record is None else unstructure(record)
                trials.append(_trial("converter", entry, folder, count, *_judge(entry, folder, kind, data, problems)))
    return tuple(trials)


def _file_template(folder: str, key: str, kind: str) -> dict[str, Any]:
    template = templates(key)[folder]
    if kind == "id":
        return template
    # The records a case or a retired id names may themselves be refused: leave references
    # between the entry's own records out (ids are tried on their own).
    own = {("retired", "replaced_by"), ("cases", "action")}
    return {field: value for field, value in template.items() if (folder, field) not in own}


def _data_dir(root: Path) -> Path:
    """A data directory with the catalogue records the templates refer to."""
    root.mkdir(parents=True)
    (root / "dataset.toml").write_text('version = "2026.01.01"\n', encoding="utf-8")
    for folder in ("cases", "actions", "instruments", "authorities", "campaigns"):
        (root / folder).mkdir()
    for folder, records in CATALOGUE.items():
        for record in records:
            (root / folder / f"{record['id']}.toml").write_text(dumps(record), encoding="utf-8")
    return root


def _loaded(tree: LoadedTree) -> dict[tuple[str, str], Any]:
    """The valid records of *tree* in the converter's form, by folder and id."""
    records: dict[str, Iterable[Any]] = {
        "cases": tree.cases,
        "actions": tree.actions,
        "instruments": tree.catalogue.instruments.values(),
        "authorities": tree.catalogue.authorities.values(),
        "campaigns": tree.catalogue.campaigns.values(),
        "retired": tree.retired,
    }
    return {(folder, record.id): unstructure(record) for folder, found in records.items() for record in found}


_MARKER: Final = "@@hostile-value@@"


def _toml_text(template: dict[str, Any], kind: str, value: object) -> str:
    """The data file for *template* with *value* in its slots of *kind*, written by the
    canonical writer (values it never writes, such as floats, as TOML literals)."""
    if isinstance(value, str):
        return dumps(fill(template, kind, value))
    literal = "true" if value is True else "false" if value is False else repr(value)
    return dumps(fill(template, kind, _MARKER)).replace(f'"{_MARKER}"', literal)


@functools.cache
def files() -> tuple[Trial, ...]:
    """Every entry TOML can carry in every slot of its kind, written as data files of every
    kind and read by the validator: kept exactly, or refused with file, line and field path
    (a file over the size limit as a whole). Retired ids share one ``retired.toml``, which is
    refused as a whole if any entry is: kept and refused entries go to two directories."""
    trials = []
    with tempfile.TemporaryDirectory(prefix="cnenforce-hostile-") as temporary:
        for kind, corpus in _corpora():
            roots = (_data_dir(Path(temporary) / kind), _data_dir(Path(temporary) / f"{kind}-refused"))
            written: list[tuple[Entry, str, Path, str, dict[str, Any], bool]] = []
            retired: tuple[list[str], list[str]] = ([], [])
            for entry in corpus:
                for folder in RECORD_CLASSES:
                    template = _file_template(folder, _key(entry, kind), kind)
                    if not slot_paths(folder, kind):
                        continue
                    if not _in_toml(entry):
                        trials.append(_trial("files", entry, folder, 0, "not applicable"))
                        continue
                    if kind == "number" and entry.kept:
                        continue  # kept by the converter; the catalogue checks then bound it per text
                    text = _toml_text(template, kind, _value(entry))
                    if folder == "retired":
                        refused = not entry.kept or bool(too_long_for(folder, kind, _value(entry)))
                        entries = retired[refused]
                        path = roots[refused] / "retired.toml"
                        written.append((entry, folder, path, f"retired[{len(entries)}].", template, False))
                        entries.append("[[retired]]\n" + text)
                    else:
                        path = roots[0] / folder / f"{fill(template)['id']}.toml"
                        path.write_text(text, encoding="utf-8")
                        big = len(text.encode("utf-8")) > MAX_FILE_BYTES
                        written.append((entry, folder, path, "", template, big))
            by_file: dict[str, list[Problem]] = {}
            loaded: dict[tuple[str, str], Any] = {}
            for root, entries in zip(roots, retired, strict=True):
                (root / "retired.toml").write_text("\n".join(entries), encoding="utf-8")
                tree = read_tree(root, today=TODAY)
                loaded |= _loaded(tree)
                for problem in tree.problems:
                    by_file.setdefault(problem.file, []).append(problem)
            for entry, folder, path, prefix, template, big in written:
                problems = [
                    attrs.evolve(p, path=p.path.removeprefix(prefix))
                    for p in by_file.get(str(path), [])
                    if p.path.startswith(prefix)
                ]
                count = len(slot_paths(folder, kind))
                if big:
                    failure = _refusal_failure({"": f"larger than {MAX_FILE_BYTES:,} bytes"}, problems, lines=False)
                    trials.append(_trial("files", entry, folder, count, "refused", failure))
                    continue
                record = loaded.get((folder, fill(template)["id"]))
                outcome, failure = _judge(entry, folder, kind, record, problems, lines=True)
                if record is not None and any(p.severity is Severity.ERROR for p in problems):
                    failure = failure or f"loaded with errors: {[str(p)[:200] for p in problems][:2]}"
                trials.append(_trial("files", entry, folder, count, outcome, failure))
    return tuple(trials)


@functools.cache
def bundle() -> tuple[Trial, ...]:
    """Every entry in every slot of its kind, in records of every kind, read by the bundle
    loader from bundles whose hash matches: one holding every kept entry (which must load),
    and others holding the refused ones, raw or (lone surrogates) as JSON escapes, each record
    of which must be reported. A kept string too long for a name is tried in both: where it
    fits and where it does not."""
    trials = []
    for kind, corpus in _corpora():
        keys = {entry.name: _key(entry, kind) for entry in corpus}
        kept = [entry for entry in corpus if entry.kept]
        over = [entry for entry in kept if any(too_long_for(f, kind, _value(entry)) for f in RECORD_CLASSES)]
        escaped = [entry for entry in corpus if isinstance(entry, HostileString) and entry.json_only]
        refused = [entry for entry in corpus if not entry.kept and entry not in escaped] + over
        found: dict[tuple[str, str, bool], tuple[Any, list[Problem]]] = {}
        for group, fit, ascii_only in ((kept, True, False), (refused, False, False), (escaped, False, True)):
            for (name, folder), result in _read(group, keys, kind, fit=fit, ascii_only=ascii_only).items():
                found[(name, folder, fit)] = result
        for entry in corpus:
            for folder, _template in templates(keys[entry.name]).items():
                count = len(slot_paths(folder, kind))
                if not count:
                    continue
                fits = entry.kept and not too_long_for(folder, kind, _value(entry))
                record, problems = found[(entry.name, folder, fits)]
                trials.append(_trial("bundle", entry, folder, count, *_judge(entry, folder, kind, record, problems)))
    return tuple(trials)


def _read(
    group: list[Entry], keys: dict[str, str], kind: str, *, fit: bool, ascii_only: bool
) -> dict[tuple[str, str], tuple[Any, list[Problem]]]:
    """Read one bundle holding a set of records per entry of *group*: for each entry and record
    kind, the record as loaded (``None`` if the bundle is refused) and the problems at it."""
    if not group:
        return {}
    content = content_for(tuple((keys[e.name], kind, _value(e)) for e in group), fit=fit)
    try:
        dataset = read_bundle(bundle_bytes(content, ascii_only=ascii_only))
        problems: tuple[Problem, ...] = ()
    except BundleError as exc:
        dataset, problems = None, exc.problems
    at_path: dict[str, list[Problem]] = {}
    for problem in problems:
        head, _, rest = problem.path.partition("].")
        at_path.setdefault(head + "]", []).append(attrs.evolve(problem, path=rest))
    found = {}
    for position, entry in enumerate(group):
        for folder, template in templates(keys[entry.name]).items():
            index = len(content[folder]) - len(group) + position  # each entry adds one record per kind
            record = None if dataset is None else _bundle_record(dataset, folder, fill(template)["id"])
            found[(entry.name, folder)] = (record, at_path.get(f"{folder}[{index}]", []))
    return found


def _bundle_record(dataset: cnenforce.Dataset, folder: str, record_id: str) -> Any:
    found: dict[str, Any] = {
        "cases": dataset.by_id,
        "actions": dataset.actions,
        "instruments": dataset.catalogue.instruments,
        "authorities": dataset.catalogue.authorities,
        "campaigns": dataset.catalogue.campaigns,
        "retired": dataset.retired,
    }
    return unstructure(found[folder][record_id])


# --- canonical TOML -------------------------------------------------------------------------------


@functools.cache
def toml() -> tuple[Trial, ...]:
    """The canonical TOML writer: every text TOML can carry, in every text field of every
    record kind, reads back exactly; ``cnenforce format`` keeps kept text and normalises NFD."""
    trials = []
    for entry in HOSTILE:
        for folder, template in templates(entry.name).items():
            expected = slot_paths(folder, "text")
            if not entry.kept and entry.json_only:
                trials.append(_trial("toml", entry, folder, 0, "not applicable"))
                continue
            record = fill(template, "text", entry.text)
            try:
                back = tomllib.loads(dumps(record))
            except tomllib.TOMLDecodeError as exc:
                trials.append(_trial("toml", entry, folder, len(expected), "round trip", f"not TOML: {exc}"))
                continue
            failure = "" if back == _tomlish(record) else "read back differently"
            trials.append(_trial("toml", entry, folder, len(expected), "round trip", failure))
    trials.extend(_format())
    return tuple(trials)


def _tomlish(record: Any) -> Any:
    """*record* as TOML reads it back (dates written as text stay text)."""
    return json.loads(json.dumps(record))


def _format() -> Iterator[Trial]:
    """``cnenforce format`` over case files holding kept or decomposed text in every field."""
    chosen = [entry for entry in HOSTILE if entry.kept or entry.normalised is not None]
    with tempfile.TemporaryDirectory(prefix="cnenforce-format-") as temporary:
        root = _data_dir(Path(temporary) / "data")
        paths = {}
        for entry in chosen:
            record = fill(templates(entry.name)["cases"], "text", entry.text)
            # A case alone: its action is not part of this directory.
            record.pop("action")
            path = root / "cases" / f"{record['id']}.toml"
            path.write_text(dumps(record), encoding="utf-8")
            paths[entry.name] = path
        _, problems = format_paths([root])
        for entry in chosen:
            path = paths[entry.name]
            expected = slot_paths("cases", "text")
            left = [p for p in problems if Path(p.file) == path]
            if path.stat().st_size > MAX_FILE_BYTES:
                failure = _refusal_failure({"": "larger than"}, left, lines=False)
                yield _trial("toml", entry, "format", len(expected), "refused", failure)
                continue
            written = tomllib.loads(path.read_text(encoding="utf-8"))
            want = entry.text if entry.kept else entry.normalised
            changed = [p for p in expected if at(written, p) != want]
            shown = [str(p)[:200] for p in left]
            failure = f"changed at {changed[:3]}" if changed else (f"problems: {shown[:2]}" if shown else "")
            yield _trial("toml", entry, "format", len(expected), "kept" if entry.kept else "normalised", failure)


# --- outputs --------------------------------------------------------------------------------------


def _export(fmt: str) -> str:
    out = io.StringIO()
    write_export(hostile_dataset(), fmt, out)
    return out.getvalue()


@functools.cache
def json_export() -> tuple[Trial, ...]:
    """JSON and JSON Lines exports of a dataset with every kept string in every text field."""
    dataset = hostile_dataset()
    payload = json.loads(_export("json"))
    lines = _export("jsonl").splitlines()  # splits on U+2028, U+0085, U+001C too
    jsonl = {record["id"]: record for record in map(json.loads, lines)}
    trials = []
    for entry in (entry for entry in HOSTILE if entry.kept):
        for folder, template in templates(entry.name).items():
            if folder == "retired":
                continue  # not part of an export
            expected = slot_paths(folder, "text", entry.text)  # names take only short strings
            record_id = fill(template)["id"]
            record = next(r for r in payload[folder] if r["id"] == record_id)
            failure = _kept_in(entry, expected, record)
            if folder == "cases":
                failure = failure or _kept_in(entry, expected, jsonl[record_id])
            trials.append(_trial("json", entry, folder, len(expected), "kept", failure))
    if len(lines) != len(dataset):
        trials = [attrs.evolve(t, failure=f"{len(lines)} JSON lines for {len(dataset)} cases") for t in trials]
    return tuple(trials)


_CASE_CELLS: Final = {
    "title": "title",
    "respondent": "respondent.name_en",
    "respondent_zh": "respondent.name_zh",
    "city": "region.city",
    "district": "region.district",
    "apps": "apps[0].name",
}
_MEASURE_CELLS: Final = {"persons": "persons[0].name_en", "note": "note"}


@functools.cache
def csv_export() -> tuple[Trial, ...]:
    """The CSV exports: every text cell reads back as written, with an apostrophe before a
    formula; one row per case or measure, no line break in any cell."""
    dataset = hostile_dataset()
    cases = list(csv.reader(io.StringIO(_export("csv"), newline="")))
    measures = list(csv.reader(io.StringIO(_export("measures-csv"), newline="")))
    header, rows = cases[0], {row[0]: dict(zip(cases[0], row, strict=True)) for row in cases[1:]}
    measure_header = measures[0]
    measure_rows = {(row[0], row[1]): dict(zip(measure_header, row, strict=True)) for row in measures[1:]}
    trials = []
    for entry in (entry for entry in HOSTILE if entry.kept):
        case_id = fill(templates(entry.name)["cases"])["id"]
        cells = [rows[case_id][column] for column in _CASE_CELLS]
        cells += [measure_rows[(case_id, "0")][column] for column in _MEASURE_CELLS]
        wrong = [cell[:40] for cell in cells if cell != entry.csv_cell]
        outcome = "apostrophe" if entry.formula else "kept"
        trials.append(
            _trial("csv", entry, "cells", len(cells), outcome, f"cells read back as {wrong[:2]}" if wrong else "")
        )
    broken = [
        f"{len(cases) - 1} rows for {len(dataset)} cases" if len(cases) - 1 != len(dataset) else "",
        "a row of the wrong width"
        if any(len(row) != len(header) for row in cases) or any(len(row) != len(measure_header) for row in measures)
        else "",
        "a line break in a cell" if any("\n" in c or "\r" in c for row in cases + measures for c in row) else "",
    ]
    failure = "; ".join(reason for reason in broken if reason)
    return tuple(attrs.evolve(t, failure=t.failure or failure) for t in trials)


def _unsafe(text: str) -> list[str]:
    """Characters in *text* that could act on a terminal (the line ends and the tabs between
    columns that the command line prints aside: those in data are escaped)."""
    return [f"U+{ord(c):04X}" for c in SUSPECT_PATTERN.findall(text) if c not in "\n\t" and is_refused_character(c)]


@functools.cache
def terminal() -> tuple[Trial, ...]:
    """What the command line prints: ``show`` of a case with a kept string in every field,
    :func:`~cnenforce.terminal.clean` of every string, and ``validate`` of a directory whose
    file names and keys are hostile (one line per problem, nothing acting on the terminal)."""
    dataset = hostile_dataset()
    plain = len(describe_case(dataset[fill(templates("extension-b")["cases"])["id"]], dataset.catalogue).splitlines())
    trials = []
    for entry in HOSTILE:
        if entry.kept:
            case = dataset[fill(templates(entry.name)["cases"])["id"]]
            shown = describe_case(case, dataset.catalogue)
            failure = f"unsafe {_unsafe(shown)[:3]}" if _unsafe(shown) else ""
            if len(shown.splitlines()) != plain:
                failure = failure or f"{len(shown.splitlines())} lines instead of {plain}"
            trials.append(_trial("terminal", entry, "show", len(slot_paths("cases", "text")), "kept", failure))
        else:
            cleaned = clean(entry.text)
            failure = f"unsafe {_unsafe(cleaned)[:3]}" if _unsafe(cleaned) or "\n" in cleaned else ""
            trials.append(_trial("terminal", entry, "clean", 1, "escaped", failure))
    trials.extend(_validate_names())
    return tuple(trials)


def _file_safe(entry: HostileString) -> bool:
    return not entry.json_only and "/" not in entry.text and "\x00" not in entry.text and 0 < len(entry.text) < 80


def _validate_names() -> Iterator[Trial]:
    """``cnenforce validate`` of a directory with a stray file named after each string and a
    case with a key named after each: one line per problem, every one of them escaped."""
    chosen = [entry for entry in HOSTILE if _file_safe(entry)]
    with tempfile.TemporaryDirectory(prefix="cnenforce-names-") as temporary:
        root = _data_dir(Path(temporary) / "data")
        case = {key: value for key, value in fill(templates("names")["cases"]).items() if key != "action"}
        keys = dumps({entry.text: 1 for entry in chosen})
        (root / "cases" / f"{case['id']}.toml").write_text(keys + dumps(case), encoding="utf-8")
        for entry in chosen:
            (root / "cases" / f"{entry.text}.toml").write_text("", encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        with _stderr(err):
            main(["validate", str(root)], out)
        problems = read_tree(root, today=dt.date.today()).problems
    lines = out.getvalue().splitlines()
    for entry in chosen:
        failure = ""
        if _unsafe(out.getvalue() + err.getvalue()):
            failure = f"unsafe {_unsafe(out.getvalue())[:3]}"
        elif len(lines) != len(problems) or len(problems) < 2 * len(chosen):
            failure = f"{len(lines)} lines for {len(problems)} problems"
        yield _trial("terminal", entry, "validate", 2, "escaped", failure)


class _stderr:
    """Capture ``sys.stderr`` (the command line writes messages there)."""

    def __init__(self, target: io.StringIO) -> None:
        self.target = target

    def __enter__(self) -> None:
        self.saved = sys.stderr
        sys.stderr = self.target

    def __exit__(self, *_: object) -> None:
        sys.stderr = self.saved


# --- queries and the command line -----------------------------------------------------------------

_CRITERIA: Final = (
    "instrument", "provision", "authority", "place", "tag", "since", "until", "name", "text", "campaign",
)  # fmt: skip


@functools.cache
def queries() -> tuple[Trial, ...]:
    """Every string as every criterion of :func:`cnenforce.select`: a result, or a
    :class:`~cnenforce.errors.QueryError` naming the criterion."""
    dataset = cnenforce.load()
    trials = []
    for entry in HOSTILE:
        for criterion in _CRITERIA:
            failure = ""
            try:
                found = select(dataset, **{criterion: entry.text})
            except QueryError as exc:
                outcome = "QueryError"
                if exc.criterion != criterion:
                    failure = f"QueryError names {exc.criterion!r}, not {criterion!r}"
            except Exception as exc:  # any other error is the failure reported
                outcome, failure = "error", f"{type(exc).__name__}: {exc}"[:200]
            else:
                outcome = "match" if found else "no match"
            trials.append(_trial("queries", entry, criterion, 1, outcome, failure))
    return tuple(trials)


_COMMANDS: Final[tuple[Callable[[str], list[str]], ...]] = (
    lambda s: ["show", s],  # an unknown id: a usage error quoting it
    lambda s: ["cite", s],  # the citations found in it, printed
)
"""Commands given each string on its own (the criteria of ``list`` are tried on
:func:`select`; ``validate`` is given every string at once, as paths)."""


def _run(argv: list[str]) -> tuple[int | None, str, str, str]:
    """Exit status, stdout, stderr and the failure (empty if none) of one command."""
    out, err = io.StringIO(), io.StringIO()
    with _stderr(err):
        try:
            code = main(argv, out)
        except BaseException as exc:
            return None, "", "", f"{argv[0]}: {type(exc).__name__}: {exc}"[:200]
    printed = out.getvalue() + err.getvalue()
    failure = ""
    if code not in (0, 1, 2) or "Traceback" in printed:
        failure = f"{argv[0]}: exit {code}"
    elif len(err.getvalue().splitlines()) > 1:
        failure = f"{argv[0]}: {len(err.getvalue().splitlines())} lines on stderr"
    elif _unsafe(printed):
        failure = f"{argv[0]}: unsafe {_unsafe(printed)[:3]}"
    return code, out.getvalue(), err.getvalue(), failure


@functools.cache
def command_line() -> tuple[Trial, ...]:
    """Every string as an argument of the command line: exit status 0, 1 or 2, at most one
    line on stderr, no traceback, nothing acting on the terminal."""
    paths = [entry.text for entry in HOSTILE if entry.text]  # an empty path is refused by itself
    code, out, _, failure = _run(["validate", "--", *paths])
    if not failure and (code != 1 or len(out.splitlines()) != len(paths)):
        failure = f"validate: exit {code}, {len(out.splitlines())} lines for {len(paths)} paths"
    trials = []
    for entry in HOSTILE:
        trials.append(_trial("command line", entry, "validate", 1, f"exit {code}", failure))
        for command in _COMMANDS:
            argv = command(entry.text)
            code_one, _, _, failure_one = _run(argv)
            trials.append(_trial("command line", entry, argv[0], 1, f"exit {code_one}", failure_one))
    return tuple(trials)


CHANNELS: Final[dict[str, Callable[[], tuple[Trial, ...]]]] = {
    "converter": converter,
    "files": files,
    "bundle": bundle,
    "toml": toml,
    "json": json_export,
    "csv": csv_export,
    "terminal": terminal,
    "queries": queries,
    "command line": command_line,
}
"""Every channel, by name."""


@functools.cache
def trials_of(channel: str) -> tuple[Trial, ...]:
    """The trials of one channel, run once per process: the channel tests and the page of
    ``docs/hostile-input.md`` both read them, and running the corpus is the slowest part of
    the suite."""
    return CHANNELS[channel]()


def all_trials() -> tuple[Trial, ...]:
    """Every trial of every channel."""
    return tuple(trial for channel in CHANNELS for trial in trials_of(channel))
