"""The ``cnenforce`` command line.

Exit codes: 0 success; 1 the command ran but found problems (or nothing); 2 usage errors.
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from cnenforce.errors import CnenforceError, DataError, FieldError, Problem, QueryError
from cnenforce.terminal import clean

if TYPE_CHECKING:
    from cnenforce.dataset import Dataset

__all__ = ["main"]

DEFAULT_DATA = Path("data")
DEFAULT_BUNDLE = Path("src/cnenforce/_data/bundle.json")


class _UsageError(Exception):
    """Bad arguments: reported on one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


def _print_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


# --- data commands -----------------------------------------------------------------------------


def _print_problem(problem: Problem, out: TextIO) -> None:
    print(clean(problem), file=out)


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.bundle import packaged
    from cnenforce.contrib.validate import is_loose, validate

    paths = args.paths if args.paths is not None else [DEFAULT_DATA]
    # Only files outside any data directory are checked against the packaged catalogue.
    loose = any(is_loose(path) for path in paths)
    report = validate(paths, catalogue=packaged().catalogue if loose else None)
    for problem in report.problems:
        _print_problem(problem, out)
    failed = not report.ok(strict=args.strict)
    errors, warnings = len(report.errors), len(report.warnings)
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
            print(f"{clean(args.output)} is stale: run `cnenforce compile` and commit it", file=sys.stderr)
            return 1
        print(f"{clean(args.output)} is up to date", file=out)
        return 0
    dataset = compile_data(args.data, args.output, bump=args.bump)
    print(f"wrote {clean(args.output)}: {len(dataset)} cases, dataset version {clean(dataset.version)}", file=out)
    return 0


def _cmd_format(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.contrib.canonical import format_paths

    changed, problems = format_paths(args.paths or [DEFAULT_DATA], check=args.check)
    for problem in problems:
        _print_problem(problem, sys.stderr)
    for path in changed:
        print(f"{'would reformat' if args.check else 'reformatted'} {clean(path)}", file=out)
    return 1 if problems or (args.check and changed) else 0


# --- dataset commands --------------------------------------------------------------------------


def _load(args: argparse.Namespace) -> Dataset:
    from cnenforce.loading import load

    return load(args.data) if getattr(args, "data", None) else load()


def _cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.query import select

    dataset = _load(args)
    cases = select(
        dataset,
        instrument=args.instrument,
        provision=args.provision,
        authority=args.authority,
        place=args.province,
        tag=args.tag,
        since=args.since,
        until=args.until,
    )
    if args.json:
        from cnenforce.export import case_records

        _print_json(case_records(cases), out)
    else:
        for case in cases:
            print("\t".join(clean(value) for value in (case.id, case.date or "-", case.title)), file=out)
    return 0 if cases else 1


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.converter import unstructure
    from cnenforce.report import describe_case

    dataset = _load(args)
    case = dataset.get(args.case_id)
    if case is None:
        raise _UsageError(f"no case with id {args.case_id!r} (try `cnenforce list`)")
    if args.json:
        _print_json(unstructure(case), out)
    else:
        out.write(describe_case(case, dataset.catalogue))
    return 0


def _cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.report import describe_statistics
    from cnenforce.stats import statistics

    dataset = _load(args)
    summary = statistics(dataset.cases, catalogue=dataset.catalogue)
    if args.json:
        from cnenforce.converter import unstructure

        _print_json({"dataset_version": dataset.version, **unstructure(summary)}, out)
    else:
        out.write(describe_statistics(summary, dataset))
    return 0


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.export import write_export

    dataset = _load(args)
    if args.output is None:
        write_export(dataset, args.format, out)
    else:
        with args.output.open("w", encoding="utf-8", newline="") as handle:
            write_export(dataset, args.format, handle)
        print(f"wrote {clean(args.output)} ({args.format}, {len(dataset)} cases)", file=sys.stderr)
    return 0


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.schema import case_schema

    _print_json(case_schema(), out)
    return 0


# --- citation commands -------------------------------------------------------------------------


def _cmd_cite(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce import citations
    from cnenforce.bundle import packaged

    catalogue = packaged().catalogue
    text = " ".join(args.text)
    matches = citations.find(text, strict=args.strict, catalogue=catalogue)
    if args.json:
        _print_json([_match_record(match) for match in matches], out)
    else:
        for match in matches:
            provision = match.provision
            label = citations.cite(provision, args.lang, catalogue=catalogue)
            version = f" [{provision.version}]" if provision.version else ""
            status = "" if provision.is_resolved else "  (not in the catalogue)"
            columns = (f"{match.start}-{match.end}", match.text, f"-> {label}{version}{status}")
            print("\t".join(clean(column) for column in columns), file=out)
    return 0 if matches else 1


def _match_record(match: Any) -> dict[str, Any]:
    provision = match.provision
    return {
        "instrument": provision.instrument,
        "title": provision.title if provision.title is not None else match.instrument_text,
        "article": provision.article,
        "paragraph": provision.paragraph,
        "item": provision.item,
        "version": provision.version,
        "start": match.start,
        "end": match.end,
    }


def _cmd_instruments(args: argparse.Namespace, out: TextIO) -> int:
    from cnenforce.bundle import packaged

    instruments = packaged().catalogue.instruments.values()
    if args.json:
        records = [
            {
                "id": i.id,
                "title_en": i.title_en,
                "title_zh": i.title_zh,
                "short_title_en": i.short_title_en,
                "short_title_zh": i.short_title_zh,
                "abbreviations": list(i.abbreviations),
                "kind": i.kind.value,
                "versions": [v.id for v in i.versions],
            }
            for i in instruments
        ]
        _print_json(records, out)
    else:
        for i in instruments:
            abbreviations = f" ({', '.join(i.abbreviations)})" if i.abbreviations else ""
            print("\t".join(clean(value) for value in (i.id, i.title_en + abbreviations, i.title_zh)), file=out)
    return 0


# --- wiring ------------------------------------------------------------------------------------


def _parser() -> _Parser:
    parser = _Parser(prog="cnenforce", description="China cybersecurity and data enforcement cases.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def command(name: str, handler: Callable[[argparse.Namespace, TextIO], int], help_: str) -> _Parser:
        p: _Parser = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(handler=handler)
        return p

    def data_option(p: _Parser) -> None:
        p.add_argument("--data", type=Path, help="read this data directory instead of the bundled dataset")

    p = command("validate", _cmd_validate, "check data files and report every problem")
    p.add_argument("paths", nargs="*", type=Path, help="files or directories (default: data/)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")

    p = command("compile", _cmd_compile, "compile data/ into the package bundle")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--output", type=Path, default=DEFAULT_BUNDLE)
    p.add_argument("--bump", action="store_true", help="data changed: give it a new dataset version")
    p.add_argument("--check", action="store_true", help="only check that the bundle is up to date")

    p = command("format", _cmd_format, "rewrite data files in canonical form")
    p.add_argument("paths", nargs="*", type=Path, help="files or directories (default: data/)")
    p.add_argument("--check", action="store_true", help="report files that are not canonical; change nothing")

    p = command("list", _cmd_list, "list cases, optionally filtered")
    data_option(p)
    p.add_argument("--instrument", help="instrument id, e.g. csl")
    p.add_argument("--provision", help='a citation, e.g. "Article 21 of the Cybersecurity Law"')
    p.add_argument("--authority", help="authority id, e.g. beijing-cac")
    p.add_argument("--province", help="ISO 3166-2:CN code, e.g. CN-GD")
    p.add_argument("--tag", help="tag, e.g. data-leakage")
    p.add_argument("--since", help="on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", help="on or before this date")
    p.add_argument("--json", action="store_true")

    p = command("show", _cmd_show, "show one case")
    data_option(p)
    p.add_argument("case_id")
    p.add_argument("--json", action="store_true")

    p = command("stats", _cmd_stats, "summary statistics of the dataset")
    data_option(p)
    p.add_argument("--json", action="store_true")

    p = command("export", _cmd_export, "export the dataset as JSON, JSON Lines or CSV")
    data_option(p)
    p.add_argument("--format", choices=("json", "jsonl", "csv", "measures-csv"), default="json")
    p.add_argument("--output", type=Path, help="file to write (default: standard output)")

    command("schema", _cmd_schema, "print the JSON Schema of an exported case")

    p = command("cite", _cmd_cite, "find and resolve provision citations in text")
    p.add_argument("text", nargs="+", help="text containing citations")
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", choices=("en", "zh"), default="en", help="language for the resolved form")
    p.add_argument("--strict", action="store_true", help="fail on instruments not in the catalogue")

    p = command("instruments", _cmd_instruments, "list the instrument catalogue")
    p.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    stream = out if out is not None else sys.stdout
    try:
        args = _parser().parse_args(argv)
        handler: Callable[[argparse.Namespace, TextIO], int] = args.handler
        return handler(args, stream)
    except _UsageError as exc:  # argparse's messages quote the arguments as given
        _error(clean(exc))
        return 2
    except DataError as exc:
        for problem in exc.problems:
            _print_problem(problem, sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `cnenforce export | head`: the reader stopped reading
        if stream is sys.stdout:
            _discard_stdout()
        _error("cnenforce: output closed before it was complete (broken pipe)")
        return 1
    except (FieldError, QueryError) as exc:  # a bad option value, such as an unreadable --since date
        _error(f"cnenforce: {clean(exc)}")
        return 2
    except (CnenforceError, OSError) as exc:
        _error(f"cnenforce: {clean(exc)}")
        return 1
    except ValueError as exc:  # bad option values, such as an unreadable --since date
        _error(f"cnenforce: {clean(exc)}")
        return 2


def _error(line: str) -> None:
    """Print one line on stderr, even when stderr itself is a closed pipe."""
    with contextlib.suppress(OSError):
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
