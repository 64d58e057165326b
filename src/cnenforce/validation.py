"""The contributor-facing validator: every problem in every file, in one run.

A data directory holds ``cases/``, ``instruments/`` and ``authorities/`` with one TOML file per
record, named after the record's id, and ``dataset.toml`` with the dataset version. Files in a
folder named ``instruments`` or ``authorities`` are catalogue records; any other ``.toml`` file
is a case. References are checked against the catalogue of the data directory the files belong
to, or the packaged catalogue for loose files.

Each problem is reported as ``file:line: field.path: message``. Warnings (a fine outside the
statutory range, an unresolved instrument) do not fail validation unless ``strict``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

import attrs

from cnenforce.catalogue import Catalogue
from cnenforce.converter import structure_problems
from cnenforce.datafiles import TomlLocator, read_record
from cnenforce.errors import Problem, Severity
from cnenforce.model import (
    Authority,
    Case,
    Instrument,
    InstrumentVersion,
    Money,
    PartialDate,
    Provision,
    RetiredId,
)
from cnenforce.vocabulary import PenaltyKind

__all__ = ["CASE_ID_PATTERN", "LoadedTree", "ValidationReport", "check_data_dir", "validate"]

CASE_ID_PATTERN: Final = re.compile(r"^(?:19|20)\d{2}(?:-[a-z0-9]+)+$")
"""Case ids: the year of the action, then lowercase words, e.g. ``2017-boss-zhipin``."""

_T = TypeVar("_T")
_KINDS: Final = {"instruments": Instrument, "authorities": Authority}


@attrs.frozen(kw_only=True)
class ValidationReport:
    """The outcome of a validation run."""

    problems: tuple[Problem, ...]
    files: int
    """How many files were checked."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that make the data unusable."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Problems worth a reviewer's look that do not block loading."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    def ok(self, *, strict: bool = False) -> bool:
        """Whether the files pass: no errors (and, if *strict*, no warnings)."""
        return not (self.problems if strict else self.errors)


@attrs.frozen(kw_only=True)
class LoadedTree:
    """What a data directory held: the valid records and every problem found."""

    cases: tuple[Case, ...]
    catalogue: Catalogue
    version: str | None
    problems: tuple[Problem, ...]
    retired: tuple[RetiredId, ...] = ()


@attrs.define
class _Collector:
    """Accumulates problems for one file, locating each field path to a line."""

    display: str
    locator: TomlLocator
    problems: list[Problem]

    def add(self, path: str, message: str, severity: Severity = Severity.ERROR) -> None:
        line = self.locator.line_of(path) if path else None
        self.problems.append(Problem(file=self.display, path=path, message=message, line=line, severity=severity))


def validate(paths: Sequence[Path | str], *, today: dt.date | None = None) -> ValidationReport:
    """Check data files and directories and report every problem found.

    A directory is searched recursively for ``.toml`` files (``dataset.toml`` excepted); a data
    directory's own catalogue is used for references. Never raises for bad data.
    """
    problems: list[Problem] = []
    files = 0
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            problems.append(Problem(file=str(raw), path="", message="no such file or directory"))
            continue
        root = _data_root(path)
        if path.is_dir() and root == path:
            tree = check_data_dir(path, today=today)
            problems.extend(tree.problems)
            files += sum(1 for _ in _record_files(path))
            continue
        catalogue = check_data_dir(root, today=today).catalogue if root else _packaged_catalogue()
        targets = sorted(path.rglob("*.toml")) if path.is_dir() else [path]
        targets = [t for t in targets if t.name not in ("dataset.toml", "retired.toml")]
        files += len(targets)
        problems.extend(_check_files(targets, catalogue, today=today))
    return ValidationReport(problems=tuple(problems), files=files)


def check_data_dir(root: Path, *, today: dt.date | None = None) -> LoadedTree:
    """Read and check a whole data directory (catalogues first, then cases)."""
    problems: list[Problem] = []
    instruments = _read_all(sorted((root / "instruments").glob("*.toml")), Instrument, problems)
    authorities = _read_all(sorted((root / "authorities").glob("*.toml")), Authority, problems)
    catalogue = Catalogue.of((r for r, _ in instruments), (r for r, _ in authorities))
    for instrument, collector in instruments:
        _check_instrument(instrument, collector)
    for authority, collector in authorities:
        _check_authority(authority, catalogue, collector)
    version = _read_version(root, problems)
    case_files = sorted((root / "cases").glob("*.toml"))
    stray = [p for p in root.glob("*.toml") if p.name not in ("dataset.toml", "retired.toml")]
    problems.extend(
        Problem(
            file=str(p),
            path="",
            message="data files belong in cases/, instruments/ or authorities/",
        )
        for p in stray
    )
    cases = _check_case_files(case_files, catalogue, problems, today=today)
    retired = _check_retired(root, cases, problems)
    return LoadedTree(
        cases=tuple(cases), catalogue=catalogue, version=version, problems=tuple(problems), retired=retired
    )


def _check_retired(root: Path, cases: Sequence[Case], problems: list[Problem]) -> tuple[RetiredId, ...]:
    """Read ``retired.toml`` (optional) and check no case reuses a retired id."""
    path = root / "retired.toml"
    if not path.is_file():
        return ()
    data, collector = _read(path, problems)
    if data is None:
        return ()
    for key in sorted(set(data) - {"retired"}):
        collector.add(key, "unknown key (retired.toml holds [[retired]] entries)")
    retired, found = structure_problems(data.get("retired", []), tuple[RetiredId, ...], file=str(path))
    for problem in found:
        collector.add(f"retired{problem.path}", problem.message)
    if retired is None:
        return ()
    case_ids = {case.id for case in cases}
    for index, entry in enumerate(retired):
        if entry.id in case_ids:
            problems.append(
                Problem(
                    file=str(root / "cases" / f"{entry.id}.toml"),
                    path="id",
                    message=f"id {entry.id!r} was retired ({entry.reason}); case ids are never reused",
                )
            )
        if entry.replaced_by is not None and entry.replaced_by not in case_ids:
            collector.add(f"retired[{index}].replaced_by", f"no case has id {entry.replaced_by!r}")
    return retired


def _packaged_catalogue() -> Catalogue:
    from cnenforce.catalogue import load_catalogue

    return load_catalogue()


def _data_root(path: Path) -> Path | None:
    """The data directory *path* is in (one holding ``cases/`` or ``dataset.toml``), if any."""
    for candidate in [path, *path.resolve().parents] if path.is_dir() else path.resolve().parents:
        if (candidate / "dataset.toml").is_file() or (candidate / "instruments").is_dir():
            return path if candidate.resolve() == path.resolve() else candidate
    return None


def _record_files(root: Path) -> Iterator[Path]:
    for folder in ("cases", "instruments", "authorities"):
        yield from (root / folder).glob("*.toml")


def _read_version(root: Path, problems: list[Problem]) -> str | None:
    path = root / "dataset.toml"
    if not path.is_file():
        return None
    data, collector = _read(path, problems)
    if data is None:
        return None
    version = data.get("version")
    if not isinstance(version, str) or not re.fullmatch(r"\d{4}\.\d{2}\.\d{2}(?:\.\d+)?", version):
        collector.add("version", f'expected a CalVer version such as "2026.11.22", got {version!r}')
        return None
    unknown = sorted(set(data) - {"version", "digest"})
    for key in unknown:
        collector.add(key, "unknown key (dataset.toml holds version and digest)")
    return version


def _read(path: Path, problems: list[Problem]) -> tuple[dict[str, Any] | None, _Collector]:
    data, locator, found = read_record(path, str(path))
    problems.extend(found)
    return data, _Collector(str(path), locator, problems)


def _structure(path: Path, cls: type[_T], problems: list[Problem]) -> tuple[_T | None, _Collector]:
    data, collector = _read(path, problems)
    if data is None:
        return None, collector
    record, found = structure_problems(data, cls, file=str(path))
    for problem in found:
        collector.add(problem.path, problem.message)
    if record is not None:
        record_id = getattr(record, "id", None)
        if record_id != path.stem:
            collector.add("id", f"id {record_id!r} does not match the file name {path.name!r}")
    return record, collector


def _read_all(paths: Iterable[Path], cls: type[_T], problems: list[Problem]) -> list[tuple[_T, _Collector]]:
    records = []
    for path in paths:
        record, collector = _structure(path, cls, problems)
        if record is not None:
            records.append((record, collector))
    return records


def _check_files(paths: Iterable[Path], catalogue: Catalogue, *, today: dt.date | None) -> list[Problem]:
    problems: list[Problem] = []
    cases = []
    for path in paths:
        kind = _KINDS.get(path.parent.name)
        if kind is Instrument:
            for instrument, collector in _read_all([path], Instrument, problems):
                _check_instrument(instrument, collector)
        elif kind is Authority:
            for authority, collector in _read_all([path], Authority, problems):
                _check_authority(authority, catalogue, collector)
        else:
            cases.append(path)
    _check_case_files(cases, catalogue, problems, today=today)
    return problems


def _check_case_files(
    paths: Iterable[Path], catalogue: Catalogue, problems: list[Problem], *, today: dt.date | None
) -> list[Case]:
    seen: dict[str, str] = {}
    cases: list[Case] = []
    joint: dict[str, list[tuple[Case, _Collector]]] = {}
    for path in paths:
        case, collector = _structure(path, Case, problems)
        if case is None:
            continue
        before = len(problems)
        if case.id in seen:
            collector.add("id", f"duplicate id {case.id!r}, also used by {seen[case.id]}")
        seen.setdefault(case.id, str(path))
        _check_case(case, catalogue, collector, today or dt.date.today())
        if case.joint_action:
            joint.setdefault(case.joint_action, []).append((case, collector))
        if not any(p.severity is Severity.ERROR for p in problems[before:]):
            cases.append(case)
    for action, members in joint.items():
        if len(members) == 1:
            members[0][1].add("joint_action", f"joint action {action!r} has only this case", Severity.WARNING)
    return cases


def _check_case(case: Case, catalogue: Catalogue, out: _Collector, today: dt.date) -> None:
    if not CASE_ID_PATTERN.fullmatch(case.id):
        out.add(
            "id",
            f"case id {case.id!r} must be the year then lowercase words, e.g. '2017-boss-zhipin'",
        )
    for index, authority in enumerate(case.authorities):
        if authority not in catalogue.authorities:
            out.add(
                f"authorities[{index}]",
                f"unknown authority {authority!r}{_suggest(authority, catalogue.authorities)}",
            )
    for index, event in enumerate(case.events):
        if event.authority is not None and event.authority not in catalogue.authorities:
            out.add(f"events[{index}].authority", f"unknown authority {event.authority!r}")
        if event.date is not None and event.date.earliest() > today:
            out.add(f"events[{index}].date", f"date {event.date} is in the future")
    decided, announced = case.decided, case.announced
    if decided and announced and announced.latest() < decided.earliest():
        index = next(i for i, e in enumerate(case.events) if e.date == announced and e.kind.value == "announced")
        out.add(f"events[{index}].date", f"announced ({announced}) before the decision ({decided})")
    for index, provision in enumerate(case.violations):
        _check_provision(provision, catalogue, out, f"violations[{index}]")
    for index, penalty in enumerate(case.penalties):
        for basis_index, provision in enumerate(penalty.basis):
            _check_provision(provision, catalogue, out, f"penalties[{index}].basis[{basis_index}]")
        if penalty.kind is PenaltyKind.FINE and penalty.amount is not None:
            _check_fine_range(
                penalty.amount,
                penalty.target,
                penalty.basis,
                catalogue,
                out,
                f"penalties[{index}].amount",
            )
    for index, source in enumerate(case.sources):
        _check_source_dates(source.published, source.retrieved, today, out, f"sources[{index}]")
        if source.url is None and source.published is None:
            out.add(
                f"sources[{index}]",
                "a source needs an http(s) url, or a full citation with its published date",
            )


def _check_source_dates(
    published: PartialDate | None,
    retrieved: dt.date | None,
    today: dt.date,
    out: _Collector,
    path: str,
) -> None:
    if published is not None and published.earliest() > today:
        out.add(f"{path}.published", f"date {published} is in the future")
    if retrieved is not None and retrieved > today:
        out.add(f"{path}.retrieved", f"date {retrieved} is in the future")


def _text_for(provision: Provision, instrument: Instrument) -> InstrumentVersion | None:
    if provision.version is not None:
        return instrument.version(provision.version)
    return instrument.versions[0] if len(instrument.versions) == 1 else None


def _check_provision(provision: Provision, catalogue: Catalogue, out: _Collector, path: str) -> None:
    if provision.instrument is None:
        out.add(
            path,
            f"instrument {provision.title!r} is not in the catalogue; add it to data/instruments/",
            Severity.WARNING,
        )
        return
    instrument = catalogue.instrument(provision.instrument)
    if instrument is None:
        known = _suggest(provision.instrument, catalogue.instruments)
        out.add(f"{path}.instrument", f"unknown instrument {provision.instrument!r}{known}")
        return
    if provision.version is not None and instrument.version(provision.version) is None:
        versions = ", ".join(repr(v.id) for v in instrument.versions)
        out.add(
            f"{path}.version",
            f"{instrument.id} has no version {provision.version!r} (it has {versions})",
        )
        return
    if provision.article is not None and provision.version is None and len(instrument.versions) > 1:
        versions = " or ".join(repr(v.id) for v in instrument.versions)
        out.add(
            f"{path}.version",
            f"{instrument.id} has several texts; say which the article number refers to: {versions}",
        )
        return
    text = _text_for(provision, instrument)
    if (
        provision.article is not None
        and text is not None
        and text.articles is not None
        and provision.article > text.articles
    ):
        out.add(
            f"{path}.article",
            f"article {provision.article} is out of range: {instrument.id} ({text.id}) has {text.articles} articles",
        )


def _check_fine_range(
    amount: Money,
    target: Any,
    basis: Sequence[Provision],
    catalogue: Catalogue,
    out: _Collector,
    path: str,
) -> None:
    for provision in basis:
        instrument = catalogue.instrument(provision.instrument) if provision.instrument else None
        if instrument is None or provision.article is None:
            continue
        text = _text_for(provision, instrument)
        if text is None:
            continue
        ranges = [
            r
            for r in text.fine_ranges
            if r.article == provision.article
            and r.target is target
            and (provision.paragraph is None or r.paragraph is None or r.paragraph == provision.paragraph)
        ]
        if ranges and not any(r.admits(amount) for r in ranges):
            allowed = "; ".join(_describe_range(r.minimum, r.maximum) for r in ranges)
            out.add(
                path,
                f"fine of {amount} is outside what Article {provision.article} of {instrument.id} allows ({allowed})",
                Severity.WARNING,
            )


def _describe_range(low: Money | None, high: Money | None) -> str:
    if low and high:
        return f"{low} to {high.amount:,}"
    return f"at least {low}" if low else f"up to {high}"


def _check_instrument(instrument: Instrument, out: _Collector) -> None:
    for v_index, version in enumerate(instrument.versions):
        for r_index, fine_range in enumerate(version.fine_ranges):
            if version.articles is not None and fine_range.article > version.articles:
                out.add(
                    f"versions[{v_index}].fine_ranges[{r_index}].article",
                    f"article {fine_range.article} is out of range: this text has {version.articles} articles",
                )
    for v_index, version in enumerate(instrument.versions):
        previous = instrument.versions[v_index - 1] if v_index else None
        for r_index, run in enumerate(version.renumbering):
            path = f"versions[{v_index}].renumbering[{r_index}]"
            if previous is None:
                out.add(path, "the first text has no preceding text to renumber")
                continue
            if previous.articles is not None and run.last > previous.articles:
                out.add(
                    f"{path}.last", f"article {run.last} is beyond the {previous.articles} articles of {previous.id}"
                )
            if version.articles is not None and run.to + run.last - run.first > version.articles:
                out.add(f"{path}.to", f"the run ends beyond the {version.articles} articles of {version.id}")
    effective = [v.effective for v in instrument.versions if v.effective is not None]
    if effective != sorted(effective):
        out.add("versions", "versions must be listed oldest first")


def _check_authority(authority: Authority, catalogue: Catalogue, out: _Collector) -> None:
    if authority.parent is not None and authority.parent not in catalogue.authorities:
        out.add("parent", f"unknown authority {authority.parent!r}")


def _suggest(wrong: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(wrong, list(known), n=3)
    return f" (did you mean {', '.join(map(repr, close))}?)" if close else ""
