"""The ``cnenforce`` command line.

Exit codes: 0 success; 1 the command ran but found problems or nothing (no matching case, no
citation, an invalid file, an output that cannot be written); 2 usage errors (an unknown option,
command, case id or value: the message suggests close values). Errors are one line on
standard error, never a traceback.

Start-up: this module imports only the standard library at the top; each command imports what
it needs when it runs, so ``cnenforce --help`` and ``cnenforce --version`` load no data and
import none of the library.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

if TYPE_CHECKING:
    from cnenforce.dataset import Dataset
    from cnenforce.errors import Problem
    from cnenforce.model import Case

__all__ = ["COMMANDS", "FILTERS", "GROUPINGS", "main"]

DEFAULT_DATA = Path("data")
DEFAULT_BUNDLE = Path("src/cnenforce/_data/bundle.json")
MAX_STDIN_BYTES: Final = 16 * 2**20
"""The most ``cnenforce cite -`` reads from standard input (16 MiB)."""

GROUPINGS: Final = (
    "year", "month", "province", "authority", "authority-kind", "authority-level", "instrument", "article",
    "measure-kind", "penalty-kind", "tag", "sector", "campaign", "disclosure",
)  # fmt: skip
"""What ``stats --by`` groups by: :data:`cnenforce.stats.GROUPINGS`, spelt with hyphens (kept
here so that ``--help`` imports nothing; a test checks they agree)."""


class _UsageError(Exception):
    """Bad arguments: reported on one line, exit status 2."""


class _Failure(Exception):
    """The command ran but failed (nothing found, nothing written): one line, exit status 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


def _clean(text: object) -> str:
    from cnenforce.terminal import clean

    return clean(text)


def _print_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _print_problem(problem: Problem, out: TextIO) -> None:
    print(_clean(problem), file=out)


# --- the version ---------------------------------------------------------------------------------


def _version_text() -> str:
    """The package version, and the packaged dataset's version, size and content hash, from the
    bundle's header line (the bundle itself is not read)."""
    from importlib import resources

    from cnenforce import __version__

    lines = [f"cnenforce {__version__}"]
    try:
        with resources.files("cnenforce").joinpath("_data", "bundle.json").open("rb") as handle:
            header = json.loads(handle.readline(4096).decode("utf-8"))
        version, cases, digest = header["dataset_version"], header["cases"], header["content_sha256"]
        lines.append(f"dataset {version}: {cases:,} cases, content {digest}")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        lines.append(f"dataset: not readable ({exc})")
    return "\n".join(_clean(line) for line in lines)


class _VersionAction(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> NoReturn:
        raise _ShowVersion


class _ShowVersion(Exception):
    """``--version`` was given."""


# --- data commands -------------------------------------------------------------------------------


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.bundle import packaged
    from cnenforce.contrib.validate import ValidationReport, is_loose, validate
    from cnenforce.errors import Problem

    given: list[str] = args.paths
    empty = [Problem(file="''", path="", message="an empty argument names no file") for path in given if not path]
    paths = [Path(path) for path in given if path] if given else ([] if empty else [DEFAULT_DATA])
    report = ValidationReport(problems=(), files=0)
    if paths:
        # Only files outside any data directory are checked against the packaged catalogue.
        loose = any(is_loose(path) for path in paths)
        report = validate(paths, catalogue=packaged().catalogue if loose else None)
    for problem in (*empty, *report.problems):
        _print_problem(problem, out)
    failed = bool(empty) or not report.ok(strict=args.strict)
    errors, warnings = len(report.errors) + len(empty), len(report.warnings)
    summary = f"{report.files} files checked: {errors} errors, {warnings} warnings"
    print(
        summary + (" (warnings count as errors with --strict)" if args.strict and warnings else ""),
        file=sys.stderr,
    )
    return 1 if failed else 0


def _cmd_compile(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.contrib.compiler import check_bundle, compile_data

    if args.check:
        if not check_bundle(args.data, args.output):
            raise _Failure(f"{_clean(args.output)} is stale: run `cnenforce compile` and commit it")
        print(f"{_clean(args.output)} is up to date", file=out)
        return 0
    dataset = compile_data(args.data, args.output, bump=args.bump)
    print(f"wrote {_clean(args.output)}: {len(dataset)} cases, dataset version {_clean(dataset.version)}", file=out)
    return 0


def _cmd_format(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.contrib.canonical import format_paths

    changed, problems = format_paths(args.paths or [DEFAULT_DATA], check=args.check)
    for problem in problems:
        _print_problem(problem, sys.stderr)
    for path in changed:
        print(f"{'would reformat' if args.check else 'reformatted'} {_clean(path)}", file=out)
    return 1 if problems or (args.check and changed) else 0


def _cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.contrib.template import batch_template, case_template, template_problem

    problem = template_problem(args.id)
    if problem is not None:
        raise _UsageError(f"cnenforce new: {problem}")
    folder = args.data / ("cases" if args.what == "case" else "actions")
    if not folder.is_dir():
        raise _Failure(
            f"no folder {_clean(folder)}: run this in the repository (beside data/), or give the data directory "
            "with --data"
        )
    path = folder / f"{args.id}.toml"
    template = case_template if args.what == "case" else batch_template
    text = template(args.id, path=str(path))
    try:
        with path.open("w" if args.force else "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise _Failure(f"{_clean(path)} exists: edit it, or pass --force to start it again") from None
    print(f'wrote {_clean(path)}: fill in every "", then `cnenforce format` and `cnenforce validate` it', file=out)
    return 0


# --- selecting cases -----------------------------------------------------------------------------

FILTERS: Final = (
    # (option, criterion, how given, metavar, help)
    ("--instrument", "instrument", "many", "NAME",
     "cites this instrument: id, abbreviation or title (pipl, PIPL, 个人信息保护法, 'Data Security Law')"),
    ("--provision", "provision", "many", "CITATION",
     "cites this provision or a part of it ('Article 21 of the Cybersecurity Law', 《网络安全法》第二十一条); "
     "name a text to match through renumbering ('... (2016)')"),
    ("--role", "role", "many", "ROLE",
     "with --instrument or --provision, only citations in this role: violated, penalty-basis, cited"),
    ("--current-numbering", "current_numbering", "flag", None,
     "read a --provision without a named text in the current text (older cases matched through the renumbering)"),
    ("--authority", "authority", "many", "NAME", "an authority that acted: id or name, English or Chinese"),
    ("--authority-kind", "authority_kind", "many", "KIND",
     "an authority of this kind acted: cyberspace, public-security, market-regulation, ... (named or not)"),
    ("--authority-level", "authority_level", "many", "LEVEL",
     "an authority of this level acted: national, provincial, municipal, county"),
    ("--place", "place", "many", "PLACE",
     "where the action was taken: province code or name (CN-GD, Guangdong, 广东), a city, or national"),
    ("--since", "since", "one", "DATE", "dated on or after (2022, 2022-06, 2022-06-01)"),
    ("--until", "until", "one", "DATE", "dated on or before (2023 means until the end of 2023)"),
    ("--entirely", "entirely", "flag", None,
     "with --since/--until, only cases whose (possibly partial) date lies entirely in the range"),
    ("--measure", "measure", "many", "KIND", "has a measure of this kind: fine, warning, order-to-correct, ..."),
    ("--penalty", "penalty", "bool", None, "has a measure that is (--no-penalty: is not) a penalty"),
    ("--target", "target", "many", "TARGET", "has a measure on: respondent, persons, third-party"),
    ("--fine-min", "fine_min", "one", "AMOUNT", "has a stated fine of at least this total (1000000, 'CNY 1,000,000')"),
    ("--fine-max", "fine_max", "one", "AMOUNT", "has a stated fine of at most this total"),
    ("--currency", "currency", "one", "CODE", "the currency of --fine-min and --fine-max (default CNY)"),
    ("--undisclosed", "undisclosed", "flag", None,
     "has a fine of undisclosed amount (with --fine-min/--fine-max: such fines also count)"),
    ("--name", "name", "many", "TEXT", "a respondent, alias, member, app or operator name contains TEXT"),
    ("--app", "app", "many", "TEXT", "an app's name or operator contains TEXT"),
    ("--text", "text", "many", "WORDS", "every word is in the title or summary (English or Chinese)"),
    ("--sector", "sector", "many", "SECTOR", "the respondent's sector"),
    ("--tag", "tag", "many", "TAG", "tagged with this category of conduct (data-leakage, over-collection, ...)"),
    ("--campaign", "campaign", "many", "CAMPAIGN", "part of this campaign, optionally in a year ('jingwang 2019')"),
    ("--status", "status", "many", "EVENT", "the latest event is of this kind: decided, rectified, ..."),
    ("--action", "action", "many", "ID", "belongs to this announcement or notice (its id)"),
)  # fmt: skip
"""The filter options of ``list``, ``stats`` and ``export``: one per criterion of
:func:`cnenforce.query.select`. Options given several times ("many") mean OR."""

_SORTS: Final = ("date", "fine", "id")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {value}")
    return value


def _add_filters(p: _Parser, *, order: bool = True) -> None:
    group = p.add_argument_group("filters (combined with AND; an option given again means OR)")
    group.add_argument(
        "terms", nargs="*", metavar="TEXT", help="free text: found in a name (respondent, app, operator) or the title "
        "and summary"
    )  # fmt: skip
    for option, criterion, given, metavar, help_ in FILTERS:
        if given == "flag":
            group.add_argument(option, dest=criterion, action="store_true", default=None, help=help_)
        elif given == "bool":
            group.add_argument(option, dest=criterion, action=argparse.BooleanOptionalAction, default=None, help=help_)
        else:
            names = [option, "--province"] if option == "--place" else [option]
            action = "append" if given == "many" else "store"
            group.add_argument(*names, dest=criterion, action=action, metavar=metavar, help=help_)
    if order:
        group = p.add_argument_group("order")
        group.add_argument(
            "--sort", choices=_SORTS, help="sort by date (the reference date), fine (stated total) or id"
        )
        group.add_argument("--descending", "--desc", action="store_true", help="largest or newest first")
        group.add_argument("--limit", type=_positive, metavar="N", help="at most N cases")
    _data_option(p)


def _data_option(p: _Parser) -> None:
    p.add_argument(
        "--data", type=Path, metavar="PATH", help="a data directory or bundle file instead of the packaged data"
    )


def _load(args: argparse.Namespace) -> Dataset:
    if getattr(args, "data", None):
        from cnenforce.loading import load

        return load(args.data)
    from cnenforce.bundle import packaged  # what load() reads, without the contributor tools

    return packaged()


def _criteria(args: argparse.Namespace) -> dict[str, Any]:
    found = {}
    for _, criterion, given, _, _ in FILTERS:
        value = getattr(args, criterion, None)
        if value is None or (given == "flag" and not value):
            continue
        found[criterion] = value[0] if isinstance(value, list) and len(value) == 1 else value
    return found


def _described(args: argparse.Namespace) -> str:
    words = [shlex.quote(term) for term in args.terms]
    for option, criterion, given, _, _ in FILTERS:
        value = getattr(args, criterion, None)
        if value is None or (given == "flag" and not value):
            continue
        if given == "bool":
            words.append(option if value else option.replace("--", "--no-", 1))
        elif given == "flag":
            words.append(option)
        else:
            words.extend(
                f"{option} {shlex.quote(str(item))}" for item in (value if isinstance(value, list) else [value])
            )
    return " ".join(words)


def _select(args: argparse.Namespace, dataset: Dataset) -> tuple[Case, ...]:
    """The cases meeting the filters of *args*, in the order asked for, limited."""
    from cnenforce.query import select

    found = select(dataset, **_criteria(args))
    if args.terms:
        phrase = " ".join(args.terms)
        hits = set(select(found, name=phrase).ids) | set(select(found, text=phrase).ids)
    if getattr(args, "sort", None):
        found = found.sort(by=args.sort, descending=args.descending)
    elif getattr(args, "descending", False):
        found = found.sort(by="id", descending=True)
    cases = tuple(case for case in found if case.id in hits) if args.terms else found.cases
    limit = getattr(args, "limit", None)
    return cases[:limit] if limit else cases


def _none_match(args: argparse.Namespace) -> _Failure:
    described = _described(args)
    return _Failure(f"no cases match {_clean(described)}" if described else "no cases: the dataset is empty")


# --- dataset commands ----------------------------------------------------------------------------


def _table_out(columns: Sequence[Any], rows: Sequence[Sequence[str]], args: argparse.Namespace, out: TextIO) -> None:
    from cnenforce.table import colour_wanted, layout, width_for

    width = args.width if getattr(args, "width", None) else width_for(out)
    table = layout(columns, rows, width=width, colour=colour_wanted(out))
    out.write(table.text + "\n")
    if table.left_out:
        # On stderr, so that the table itself stays clean for whoever reads it.
        _error(
            f"cnenforce: left out {', '.join(table.left_out)} to fit {width} columns "
            "(--width N or --format csv shows every column)"
        )


def _cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    dataset = _load(args)
    cases = _select(args, dataset)
    if not cases:
        raise _none_match(args)
    if args.format == "table":
        from cnenforce.report import CASE_COLUMNS, case_cells

        _table_out(CASE_COLUMNS, [case_cells(case, dataset.catalogue) for case in cases], args, out)
    elif args.format == "json":  # the records alone: export --format json adds the catalogue
        from cnenforce.export import case_records

        _print_json(case_records(cases), out)
    else:
        from cnenforce.export import write_export

        write_export(dataset, args.format, out, cases)
    return 0


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.errors import CaseNotFoundError

    dataset = _load(args)
    cases = []
    for case_id in args.case_ids:
        try:
            cases.append(dataset[case_id])
        except CaseNotFoundError as exc:
            raise _UsageError(f"cnenforce show: {exc} (`cnenforce list TEXT` searches names and titles)") from None
    if args.format == "json":
        from cnenforce.converter import unstructure

        records = [unstructure(case) for case in cases]
        _print_json(records[0] if len(records) == 1 else records, out)
    elif args.format == "jsonl":
        from cnenforce.export import write_export

        write_export(dataset, "jsonl", out, cases)
    else:
        from cnenforce.report import describe_case

        out.write("\n".join(describe_case(case, dataset.catalogue, action=dataset.action_of(case)) for case in cases))
    return 0


def _grouping(name: str) -> str:
    return name.replace("-", "_")


def _cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.stats import statistics

    dataset = _load(args)
    cases = _select(args, dataset)
    if not cases:
        raise _none_match(args)
    catalogue = dataset.catalogue
    by = [_grouping(name) for name in args.by or ()]
    if len(by) > 2:
        raise _UsageError("cnenforce stats: --by at most twice (a two-way table)")
    if not by:
        summary = statistics(cases, catalogue=catalogue)
        if args.format == "table":
            from cnenforce.report import describe_statistics

            out.write(describe_statistics(summary, dataset.version, catalogue))
        elif args.format == "json":
            from cnenforce.converter import unstructure

            _print_json({"dataset_version": dataset.version, **unstructure(summary)}, out)
        else:
            raise _UsageError("cnenforce stats: --format csv needs --by (the groups to list)")
        return 0
    from cnenforce.report import group_records

    records = group_records(cases, catalogue, by)
    if args.format == "json":
        _print_json({"dataset_version": dataset.version, "cases": len(cases), "by": args.by, "groups": records}, out)
    elif args.format == "csv":
        from cnenforce.export import write_records

        write_records(out, records, bom=args.bom)
    elif len(by) == 1:
        from cnenforce.report import group_cells, group_columns

        groups = statistics(cases, catalogue=catalogue).groups[by[0]]
        _table_out(group_columns(by[0]), [group_cells(by[0], g, catalogue) for g in groups], args, out)
    else:
        from cnenforce.report import cross, cross_cells

        columns, rows = cross_cells(cross(cases, catalogue, by[0], by[1]), catalogue, args.cell)
        _table_out(columns, rows, args, out)
    return 0


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    if args.format == "schema":
        from cnenforce.schema import case_schema

        _print_json(case_schema(), out)
        return 0
    dataset = _load(args)
    cases = _select(args, dataset)
    if not cases:
        raise _none_match(args)
    if args.format == "datapackage":
        from cnenforce.datapackage import write_datapackage

        if args.output is None:
            raise _UsageError("cnenforce export: --format datapackage needs --output DIRECTORY")
        written = write_datapackage(args.output, dataset, cases, bom=args.bom)
        print(f"wrote {len(written)} files to {_clean(args.output)} ({len(cases)} cases)", file=sys.stderr)
        return 0
    if args.format == "parquet":
        from cnenforce.dataframe import write_parquet

        if args.output is None:
            raise _UsageError("cnenforce export: --format parquet needs --output FILE")
        write_parquet(args.output, cases, catalogue=dataset.catalogue, table=args.table)
        print(f"wrote {_clean(args.output)} ({args.table}, {len(cases)} cases)", file=sys.stderr)
        return 0
    from cnenforce.export import write_export

    fmt = args.format if args.format != "csv" or args.table == "cases" else f"{args.table}-csv"
    if args.output is None:
        write_export(dataset, fmt, out, cases, bom=args.bom)
    else:
        with args.output.open("w", encoding="utf-8", newline="") as handle:
            write_export(dataset, fmt, handle, cases, bom=args.bom)
        print(f"wrote {_clean(args.output)} ({fmt}, {len(cases)} cases)", file=sys.stderr)
    return 0


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.schema import case_schema

    _print_json(case_schema(), out)
    return 0


# --- citations -----------------------------------------------------------------------------------


def _read_stdin() -> str:
    stream = sys.stdin
    if stream is None:
        raise _Failure("no standard input to read")
    raw = getattr(stream, "buffer", None)
    data: bytes | str = raw.read(MAX_STDIN_BYTES + 1) if raw is not None else stream.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        raise _Failure(f"standard input is longer than {MAX_STDIN_BYTES:,} bytes")
    if isinstance(data, bytes):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _Failure(f"standard input is not UTF-8 (byte {exc.start})") from None
    return data


def _cmd_cite(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce import citations

    text = _read_stdin() if args.text == ["-"] else " ".join(args.text)
    if not text.strip():
        raise _Failure("no text to read: give it as arguments, or - to read standard input")
    catalogue = _load(args).catalogue
    matches = citations.find(text, strict=args.strict, catalogue=catalogue, whole=args.whole)
    if not matches:
        raise _Failure(
            "no citation found: a citation names an article of an instrument ('Article 21 of the Cybersecurity "
            "Law', 'PIPL Art. 13', 《网络安全法》第二十一条) or an instrument ('the Data Security Law', 《数据安全法》)"
        )
    from cnenforce.report import citation_records

    records = citation_records(matches, catalogue, args.lang)
    if args.format == "json":
        _print_json(records, out)
        return 0
    from cnenforce.table import Column

    columns = [
        Column("AT", cut=False),
        Column("TEXT", minimum=16),
        Column("READ AS", minimum=16),
        Column("NOTE", minimum=12),
    ]
    rows = [[f"{r['start']}-{r['end']}", r["text"], r["citation"], "; ".join(r["notes"])] for r in records]
    _table_out(columns, rows, args, out)
    return 0


# --- the catalogue -------------------------------------------------------------------------------


def _cmd_instruments(args: argparse.Namespace, out: TextIO) -> int:
    dataset = _load(args)
    instruments = dataset.catalogue.instruments.values()
    counts = _counts(dataset, lambda case: case.instruments)
    if args.format == "json":
        from cnenforce.converter import unstructure

        _print_json([{**unstructure(i), "cases": counts.get(i.id, 0)} for i in instruments], out)
        return 0
    from cnenforce.table import Column

    columns = [Column("ID", cut=False), Column("TITLE", minimum=20), Column("CHINESE", minimum=10),
               Column("TEXTS", minimum=10), Column("CASES", align="right", cut=False)]  # fmt: skip
    rows = []
    for i in instruments:
        short = i.short_title_en or i.title_en
        abbreviations = f" ({', '.join(i.abbreviations)})" if i.abbreviations else ""
        texts = ", ".join(v.id + (f" ({v.articles} arts.)" if v.articles else "") for v in i.versions)
        rows.append([i.id, short + abbreviations, i.short_title_zh or i.title_zh, texts, str(counts.get(i.id, 0))])
    _table_out(columns, rows, args, out)
    return 0


def _counts(dataset: Dataset, keys: Callable[[Case], Sequence[str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for case in dataset.cases:
        for key in dict.fromkeys(keys(case)):
            counts[key] = counts.get(key, 0) + 1
    return counts


def _cmd_authorities(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce import labels

    dataset = _load(args)
    counts = _counts(dataset, lambda case: case.authorities)
    authorities = dataset.catalogue.authorities.values()
    if args.format == "json":
        from cnenforce.converter import unstructure

        _print_json([{**unstructure(a), "cases": counts.get(a.id, 0)} for a in authorities], out)
        return 0
    from cnenforce.table import Column

    columns = [Column("ID", cut=False), Column("NAME", minimum=20), Column("CHINESE", minimum=10),
               Column("KIND", minimum=10), Column("LEVEL", cut=False), Column("PLACE", minimum=8),
               Column("CASES", align="right", cut=False)]  # fmt: skip
    rows = [
        [
            a.id, a.name_en, a.name_zh or "", labels.words(a.kind), labels.words(a.level),
            labels.region(a.region) if a.region else labels.NATIONWIDE["en"], str(counts.get(a.id, 0)),
        ]
        for a in authorities
    ]  # fmt: skip
    _table_out(columns, rows, args, out)
    return 0


def _cmd_campaigns(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce import labels

    dataset = _load(args)
    counts = _counts(dataset, lambda case: [ref.id for ref in case.campaigns])
    campaigns = dataset.catalogue.campaigns.values()
    if args.format == "json":
        from cnenforce.converter import unstructure

        _print_json([{**unstructure(c), "cases": counts.get(c.id, 0)} for c in campaigns], out)
        return 0
    from cnenforce.table import Column

    columns = [Column("ID", cut=False), Column("NAME", minimum=16), Column("CHINESE", minimum=8),
               Column("RUN BY", minimum=10), Column("CASES", align="right", cut=False)]  # fmt: skip
    rows = [
        [c.id, c.name_en, c.name_zh, ", ".join(labels.words(k) for k in c.authority_kinds), str(counts.get(c.id, 0))]
        for c in campaigns
    ]
    _table_out(columns, rows, args, out)
    return 0


# --- wiring --------------------------------------------------------------------------------------

COMMANDS: Final = {
    "list": "cases meeting every filter, as a table, JSON, JSON Lines or CSV",
    "show": "every field of one or more cases",
    "stats": "counts and fine totals of the cases meeting the filters, grouped one or two ways",
    "export": "the cases meeting the filters as JSON, JSON Lines, CSV tables, a data package or Parquet",
    "schema": "the JSON Schema of an exported case",
    "cite": "find the provision citations in a text and resolve them",
    "instruments": "the catalogue of laws, regulations and rules",
    "authorities": "the catalogue of enforcement authorities",
    "campaigns": "the catalogue of enforcement campaigns",
    "new": "start a new case or batch-notice file from a commented template",
    "validate": "check data files and report every problem",
    "format": "rewrite data files in canonical form",
    "compile": "compile data/ into the package bundle",
}
"""Every subcommand, with its one-line description."""

EXAMPLES: Final = {
    "": [
        "cnenforce list --instrument PIPL --fine-min 1000000 --since 2022",
        "cnenforce show 2017-yibin-teacher-training-website",
        "cnenforce stats --by year",
        "cnenforce cite 'Article 21 of the Cybersecurity Law'",
    ],
    "list": [
        "cnenforce list --instrument PIPL --fine-min 1000000 --since 2022",
        "cnenforce list --authority-kind public-security --place Guangdong --sort date --descending",
        "cnenforce list 滴滴出行",
        "cnenforce list --provision 'Article 21 of the Cybersecurity Law' --role violated --limit 5",
        "cnenforce list --tag data-leakage --tag data-theft --format csv",
    ],
    "show": [
        "cnenforce show 2017-yibin-teacher-training-website",
        "cnenforce show 2017-zhejiang-taobao 2017-guangdong-shenzhen-sanren --format json",
    ],
    "stats": [
        "cnenforce stats --instrument PIPL",
        "cnenforce stats --by year",
        "cnenforce stats --by year --by authority-kind --cell fines",
        "cnenforce stats --place Zhejiang --by measure-kind --format csv",
    ],
    "export": [
        "cnenforce export --format jsonl --output cases.jsonl",
        "cnenforce export --instrument PIPL --format csv --bom --output pipl-cases.csv",
        "cnenforce export --format csv --table measures --output measures.csv",
        "cnenforce export --format datapackage --output cnenforce-tables",
    ],
    "schema": ["cnenforce schema"],
    "cite": [
        "cnenforce cite 'violated Article 21(5) of the Cybersecurity Law (2016) and 《数据安全法》第二十七条'",
        "cnenforce cite --lang zh 'PIPL Art. 13'",
        "cnenforce cite --format json 'Art. 68 CSL (2016)'",
    ],
    "instruments": ["cnenforce instruments", "cnenforce instruments --format json"],
    "authorities": ["cnenforce authorities", "cnenforce authorities --format json"],
    "campaigns": ["cnenforce campaigns"],
    "new": ["cnenforce new case 2025-example-id", "cnenforce new batch 2025-example-notice"],
    "validate": ["cnenforce validate data/", "cnenforce validate --strict data/cases/2025-beijing-example-app.toml"],
    "format": ["cnenforce format data/", "cnenforce format --check data/"],
    "compile": ["cnenforce compile --bump --output bundle.json", "cnenforce compile --check --output bundle.json"],
}
"""The examples each ``--help`` shows; a test runs every one of them."""


def _epilog(name: str) -> str:
    lines = ["examples:", *(f"  {example}" for example in EXAMPLES[name])]
    return "\n".join(lines)


def _format_option(p: _Parser, choices: Sequence[str], default: str) -> None:
    p.add_argument("--format", choices=choices, default=default, help=f"output format (default: {default})")
    p.add_argument("--json", dest="format", action="store_const", const="json", help=argparse.SUPPRESS)


def _width_option(p: _Parser) -> None:
    p.add_argument(
        "--width", type=_positive, metavar="N", help="fit tables in N columns (default: the terminal's width; no limit "
        "when the output is not a terminal)"
    )  # fmt: skip


def _parser() -> _Parser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog="cnenforce",
        description="China's cybersecurity, data-security and personal-information enforcement cases.",
        epilog=_epilog("") + "\n\nexit status: 0 done; 1 nothing found, or problems; 2 usage errors",
        formatter_class=formatter,
    )
    parser.add_argument("-V", "--version", action=_VersionAction, help="package and dataset versions, and exit")
    sub = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser, metavar="{" + ",".join(COMMANDS) + "}"
    )

    def command(name: str, handler: Callable[[argparse.Namespace, TextIO], int], *aliases: str) -> _Parser:
        also = f" (also: {', '.join(aliases)})" if aliases else ""
        description = COMMANDS[name][0].upper() + COMMANDS[name][1:] + also + "."
        p: _Parser = sub.add_parser(
            name, aliases=list(aliases), help=COMMANDS[name], description=description, epilog=_epilog(name),
            formatter_class=formatter,
        )  # fmt: skip
        p.set_defaults(handler=handler)
        return p

    p = command("list", _cmd_list, "search")
    _add_filters(p)
    _format_option(p, ("table", "json", "jsonl", "csv"), "table")
    _width_option(p)

    p = command("show", _cmd_show)
    p.add_argument("case_ids", nargs="+", metavar="ID", help="case ids")
    _format_option(p, ("text", "json", "jsonl"), "text")
    _data_option(p)

    p = command("stats", _cmd_stats)
    _add_filters(p, order=False)
    p.add_argument(
        "--by", action="append", choices=GROUPINGS, metavar="GROUPING", type=lambda name: name.replace("_", "-"),
        help=f"group by this (twice for a two-way table): {', '.join(GROUPINGS)}",
    )  # fmt: skip
    p.add_argument(
        "--cell", choices=("cases", "fines", "person-fines", "undisclosed"), default="cases",
        help="what a two-way table's cells hold: cases (default), fines (stated fines on respondents), person-fines "
        "(on persons within them), undisclosed (fines of undisclosed amount)",
    )  # fmt: skip
    _format_option(p, ("table", "json", "csv"), "table")
    p.add_argument("--bom", action="store_true", help="start CSV with a UTF-8 byte-order mark (for spreadsheets)")
    _width_option(p)

    p = command("export", _cmd_export)
    _add_filters(p)
    _format_option(p, ("json", "jsonl", "csv", "datapackage", "parquet", "schema"), "json")
    p.add_argument(
        "--table", default="cases", choices=("cases", "authorities", "provisions", "measures", "persons", "apps",
        "events", "sources"), help="with csv or parquet: the table to write (default: cases; the others join it by "
        "case_id)",
    )  # fmt: skip
    p.add_argument("--output", type=Path, metavar="PATH", help="file (a directory for datapackage) instead of stdout")
    p.add_argument("--bom", action="store_true", help="start CSV files with a UTF-8 byte-order mark (for spreadsheets)")

    command("schema", _cmd_schema)

    p = command("cite", _cmd_cite)
    p.add_argument("text", nargs="+", metavar="TEXT", help="text containing citations; - reads standard input")
    p.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the resolved citation")
    p.add_argument("--strict", action="store_true", help="fail on an instrument not in the catalogue or a part unread")
    p.add_argument("--whole", action="store_true", help="read the text as one citation: flag every number not read")
    _format_option(p, ("table", "json"), "table")
    _width_option(p)
    _data_option(p)

    for name, handler in (
        ("instruments", _cmd_instruments),
        ("authorities", _cmd_authorities),
        ("campaigns", _cmd_campaigns),
    ):
        p = command(name, handler)
        _format_option(p, ("table", "json"), "table")
        _width_option(p)
        _data_option(p)

    p = command("new", _cmd_new)
    p.add_argument("what", choices=("case", "batch"), help="a case file, or a batch notice (an action with rows)")
    p.add_argument("id", metavar="ID", help="the new id: the year, then lowercase words (2025-zhejiang-example-app)")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, metavar="DIR", help="the data directory (default: data)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    p = command("validate", _cmd_validate)
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: data/)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")

    p = command("format", _cmd_format)
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or directories (default: data/)")
    p.add_argument("--check", action="store_true", help="report files that are not canonical; change nothing")

    p = command("compile", _cmd_compile)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, metavar="DIR", help="the data directory")
    p.add_argument("--output", type=Path, default=DEFAULT_BUNDLE, metavar="FILE", help="the bundle to write")
    p.add_argument("--bump", action="store_true", help="data changed: give it a new dataset version")
    p.add_argument("--check", action="store_true", help="only check that the bundle is up to date")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status. ``--help`` raises ``SystemExit(0)``."""
    stream = out if out is not None else sys.stdout
    try:
        args = _parser().parse_args(argv)
        handler: Callable[[argparse.Namespace, TextIO], int] = args.handler
        return handler(args, stream)
    except _ShowVersion:
        print(_version_text(), file=stream)
        return 0
    except _UsageError as exc:  # argparse's messages quote the arguments as given
        _error(_clean(exc))
        return 2
    except _Failure as exc:
        _error(f"cnenforce: {exc}")
        return 1
    except BrokenPipeError:  # e.g. `cnenforce export | head`: the reader stopped reading
        if stream is sys.stdout:
            _discard_stdout()
        _error("cnenforce: output closed before it was complete (broken pipe)")
        return 1
    except OSError as exc:  # an output that cannot be written, an input that cannot be read
        where = f"{exc.filename}: " if exc.filename is not None else ""
        _error(f"cnenforce: {_clean(where)}{_clean(exc.strerror or exc)}")
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return _library_error(exc)


def _library_error(exc: Exception) -> int:
    """The exit status for an error the library raised on purpose, reported in one line (any
    other exception is a bug: it too is one line, asking for a report)."""
    from cnenforce.errors import CaseNotFoundError, CnenforceError, DataError, FieldError, QueryError

    if isinstance(exc, DataError):
        for problem in exc.problems:
            _print_problem(problem, sys.stderr)
        return 1
    if isinstance(exc, FieldError | QueryError | CaseNotFoundError):  # a bad option value
        _error(f"cnenforce: {_clean(exc)}")
        return 2
    if isinstance(exc, CnenforceError):
        _error(f"cnenforce: {_clean(exc)}")
        return 1
    _error(f"cnenforce: unexpected error, please report it: {type(exc).__name__}: {_clean(exc)}")
    return 1


def _error(line: str) -> None:
    """Print one line on stderr, even when stderr itself is a closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr)


def _discard_stdout() -> None:
    """Point standard output at the null device, so that Python's final flush of what is left
    in its buffer does not fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
