"""Citation strings in data files: read with the data directory's catalogue, in the text in
force on the case's date.

A contributor may write a provision as a citation string, ``"Article 21 of the Cybersecurity
Law"`` or ``"《网络安全法》第二十一条"``, wherever the model expects a provision. Before a
record is structured, every such string is read by the citation parser and replaced by its
table, so the converter only ever sees tables. The rules:

- one string names one provision;
- a string that names a text ("... (2016)", 《网络安全法》（2016年…）) is read in that text;
  otherwise in the text in force on the case's reference date; where that date could fall on
  either side of an amendment, or the case has no date, the string must name its text;
- an instrument the catalogue does not know stays unresolved (kept with its title as
  written), which the validator reports as a warning.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from cnenforce.catalogue import Catalogue
from cnenforce.citations import parse
from cnenforce.converter import unstructure
from cnenforce.errors import CitationError
from cnenforce.model import Case, PartialDate, Provision
from cnenforce.text import text_problem
from cnenforce.vocabulary import EventKind

__all__ = ["reference_date", "resolve_citations"]

_EARLIEST = dt.date(1900, 1, 1)
_LATEST = dt.date(9999, 12, 31)
Step = str | None
"""A step into raw data: a field name, or ``None`` for every item of a list."""


@functools.cache
def _provision_paths(cls: type[Any]) -> tuple[tuple[Step, ...], ...]:
    """Every place a provision (or a list of them) sits in a *cls* record."""
    found: list[tuple[Step, ...]] = []
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        found.extend((field.name, *rest) for rest in _paths_in(hints[field.name], {cls}))
    return tuple(found)


def _paths_in(tp: Any, seen: set[type[Any]]) -> Iterator[tuple[Step, ...]]:
    origin = typing.get_origin(tp)
    if origin is tuple:
        yield from ((None, *rest) for rest in _paths_in(typing.get_args(tp)[0], seen))
    elif origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            yield from _paths_in(arg, seen)
    elif tp is Provision:
        yield ()
    elif attrs.has(tp) and tp not in seen:
        hints = typing.get_type_hints(tp)
        for field in attrs.fields(tp):
            yield from ((field.name, *rest) for rest in _paths_in(hints[field.name], seen | {tp}))


def reference_date(raw: dict[str, Any]) -> PartialDate | None:
    """The reference date of a raw case table, read as :attr:`Case.date` reads it; ``None``
    when its events give none (or are not yet valid: the converter reports them)."""
    events = raw.get("events")
    if not isinstance(events, list):
        return None
    dated: list[tuple[str, PartialDate]] = []
    for event in events:
        if isinstance(event, dict) and isinstance(event.get("date"), str | dt.date):
            try:
                date = event["date"]
                parsed = PartialDate.from_date(date) if isinstance(date, dt.date) else PartialDate.parse(date)
            except ValueError:
                continue
            dated.append((str(event.get("kind")), parsed))
    for kind in (EventKind.DECIDED.value, EventKind.ANNOUNCED.value):
        for event_kind, date in dated:
            if event_kind == kind:
                return date
    return dated[0][1] if dated else None


def resolve_citations(
    raw: dict[str, Any], catalogue: Catalogue, cls: type[Any] = Case
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """*raw* with every citation string replaced by its provision table, and the
    ``(path, message)`` of every string that could not be read."""
    date = reference_date(raw)
    earliest = date.earliest() if date is not None else None
    latest = date.latest() if date is not None else None
    if latest is None:
        # No year from the events: the case happened no later than its sources were published.
        latest = _published_bound(raw)
    problems: list[tuple[str, str]] = []
    resolved = _copy(raw)
    for steps in _provision_paths(typing.cast(Any, cls)):
        for path, container, key in _slots(resolved, steps, ""):
            value = container[key]
            if isinstance(value, str):
                provision, problem = _read(value, catalogue, earliest, latest)
                if problem is not None:
                    problems.append((path, problem))
                else:
                    container[key] = unstructure(provision)
    return resolved, problems


def _copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data


def _slots(data: Any, steps: tuple[Step, ...], path: str) -> Iterator[tuple[str, Any, Any]]:
    """``(path, container, key)`` of every value *steps* lead to in *data*."""
    if not steps:
        return
    step, rest = steps[0], steps[1:]
    if step is None:
        if not isinstance(data, list):
            return
        for index in range(len(data)):
            here = f"{path}[{index}]"
            if rest:
                yield from _slots(data[index], rest, here)
            else:
                yield here, data, index
    elif isinstance(data, dict) and step in data:
        here = f"{path}.{step}" if path else step
        if rest:
            yield from _slots(data[step], rest, here)
        else:
            yield here, data, step


def _published_bound(raw: dict[str, Any]) -> dt.date | None:
    """The last day the earliest dated source could have been published, if any is dated."""
    sources = raw.get("sources")
    bounds: list[dt.date] = []
    for source in sources if isinstance(sources, list) else []:
        published = source.get("published") if isinstance(source, dict) else None
        if isinstance(published, str):
            try:
                latest = PartialDate.parse(published).latest()
            except ValueError:
                continue
            if latest is not None:
                bounds.append(latest)
    return min(bounds, default=None)


def _read(
    text: str, catalogue: Catalogue, earliest: dt.date | None, latest: dt.date | None
) -> tuple[Provision | None, str | None]:
    broken = text_problem(text)
    if broken is not None:  # reported as the file's text fault (the same problem, so once), not parsed
        return None, f"text {broken}"
    try:
        first = parse(text, catalogue=catalogue, at=earliest or _EARLIEST)
        last = parse(text, catalogue=catalogue, at=latest or _LATEST)
    except CitationError as exc:
        return None, f"cannot read the citation: {exc}"
    if len(first) != 1:
        return None, f"the citation {text!r} names {len(first)} provisions; give one per entry"
    if first != last:
        when = (
            "the case has no date"
            if earliest is None and latest is None
            else f"the case's date (from {earliest or 'unknown'} to {latest or 'unknown'})"
        )
        return None, (
            f"which text of the instrument does {text!r} cite? {when} could fall under either; "
            f"name the text, e.g. '... ({first[0].version})' or '... ({last[0].version})'"
        )
    return first[0], None
