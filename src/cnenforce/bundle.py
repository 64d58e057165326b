"""The compiled bundle: its layout, and reading it back into a verified :class:`Dataset`.

This is the one module that loads the dataset shipped inside the package
(:func:`packaged`); with the command line, it is the only code that falls back to packaged
data. A bundle is two lines of UTF-8 JSON:

1. a header: ``{"format": 2, "dataset_version": ..., "cases": N, "content_sha256": ...}``;
2. the content: ``{"instruments": [...], "authorities": [...], "campaigns": [...],
   "actions": [...], "cases": [...], "retired": [...]}``, each record as the converter writes
   it (the shape the JSON Schema describes).

``content_sha256`` is the SHA-256 of the second line's bytes (the same digest
``data/dataset.toml`` records). Reading verifies everything before anything is returned: the
format, the hash (so an edited fine, a removed case or a flipped bit is refused), the case
count, every record's fields (the same rules as the data files: text, amounts, dates), unique
ids and references that resolve. Any failure raises :class:`~cnenforce.errors.BundleError`;
nothing is half-loaded.

Reading is fast without checking less (``docs/performance.md`` has the figures):

- every record goes through the model's constructors, so every validator runs, and every
  value through the converter's own hooks for text, numbers, amounts and dates (the one wire
  format). What is skipped is only the bookkeeping for *reporting* problems: records are first
  structured by plain functions built once per process from the model's fields (no code is
  generated, which kept a fresh process's first load slow); a record that fails there is
  structured again by the converter (:func:`~cnenforce.converter.structure_problems`), which
  finds every problem with its path;
- identical small records (sources, dates, amounts, places, provisions, campaigns, unnamed
  authorities, events, measures) are structured once per bundle and shared: they are immutable, and their validity
  depends on nothing but their own fields. Real data repeats them a lot (a batch notice's
  sources are the same record in each of its cases);
- the cyclic garbage collector is paused while the objects are built: they hold no cycles, and
  collecting repeatedly over a growing heap of new objects made loading quadratic-ish.
"""

from __future__ import annotations

import contextvars
import enum
import hashlib
import json
import pkgutil
import threading
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, Final, TypeVar

import attrs

from cnenforce._collector import collector_paused
from cnenforce.catalogue import Catalogue
from cnenforce.consistency import action_references, authority_references, case_references
from cnenforce.converter import converter, structure_problems
from cnenforce.dataset import VERSION_PATTERN, Dataset
from cnenforce.errors import BundleError, Problem
from cnenforce.model import (
    Action,
    Authority,
    Campaign,
    CampaignRef,
    Case,
    Duration,
    Event,
    Instrument,
    Measure,
    Money,
    PartialDate,
    Provision,
    Region,
    RetiredId,
    Source,
    UnnamedAuthority,
)

__all__ = ["BUNDLE_FORMAT", "BUNDLE_RESOURCE", "MAX_BUNDLE_BYTES", "packaged", "read_bundle"]

BUNDLE_FORMAT: Final = 2
"""The bundle layout's version, bumped when the layout changes incompatibly."""

BUNDLE_RESOURCE: Final = "bundle.json"
"""File name of the bundle inside ``cnenforce/_data``."""

MAX_BUNDLE_BYTES: Final = 2**30
"""The largest bundle read (1 GiB): a bound on memory, far above any real dataset."""

_T = TypeVar("_T")
_lock = threading.Lock()
_packaged: Dataset | None = None

_SHARED: Final = (Source, PartialDate, Money, Region, Provision, CampaignRef, UnnamedAuthority, Event, Measure)
"""Classes whose identical records are structured once per bundle and shared."""
_shared: contextvars.ContextVar[dict[tuple[type, type, str], Any] | None] = contextvars.ContextVar(
    "cnenforce_bundle_shared", default=None
)
_WRITTEN_AS_TEXT: Final = (PartialDate, Duration)
"""Model classes the converter writes as text ("2017-08", "15 days"), not as tables."""
_readers: dict[Any, Callable[[Any], Any]] = {}


def _fail(name: str, path: str, message: str) -> BundleError:
    return BundleError([Problem(file=name, path=path, message=message)])


def _json(raw: bytes, name: str, what: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _fail(name, what, f"not valid UTF-8 at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise _fail(name, what, f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise _fail(name, what, "nested too deeply") from None


def read_bundle(data: bytes, *, name: str = "<bundle>") -> Dataset:
    """Verify bundle bytes and build the :class:`Dataset` they hold.

    Raises :class:`~cnenforce.errors.BundleError` (naming *name*) for anything but an intact,
    consistent bundle of this format.
    """
    if len(data) > MAX_BUNDLE_BYTES:
        raise _fail(name, "", f"larger than {MAX_BUNDLE_BYTES:,} bytes")
    head, newline, body = data.partition(b"\n")
    if not newline:
        raise _fail(name, "", "not a cnenforce bundle (no header line)")
    header = _json(head, name, "header")
    if not isinstance(header, dict) or header.get("format") != BUNDLE_FORMAT:
        found = header.get("format") if isinstance(header, dict) else None
        raise _fail(name, "format", f"not a cnenforce bundle of format {BUNDLE_FORMAT} (found {found!r})")
    if not body.endswith(b"\n") or body.count(b"\n") != 1:
        raise _fail(
            name, "", "not a complete bundle: expected a header line and a content line, each ending with a newline"
        )
    content_line = body[:-1]
    expected = header.get("content_sha256")
    actual = "sha256:" + hashlib.sha256(content_line).hexdigest()
    if expected != actual:
        raise _fail(name, "content_sha256", "the content does not match its recorded hash: tampered or truncated")
    version = header.get("dataset_version")
    if not isinstance(version, str) or not VERSION_PATTERN.fullmatch(version):
        raise _fail(name, "dataset_version", "missing or malformed dataset version (expected YYYY.MM.DD)")
    with collector_paused():
        content = _json(content_line, name, "content")
        if not isinstance(content, dict):
            raise _fail(name, "content", "expected a table of record lists")
        problems: list[Problem] = []
        token = _shared.set({})
        try:
            instruments = _records(content, "instruments", Instrument, name, problems)
            authorities = _records(content, "authorities", Authority, name, problems)
            campaigns = _records(content, "campaigns", Campaign, name, problems)
            actions = _records(content, "actions", Action, name, problems)
            cases = _records(content, "cases", Case, name, problems)
            retired = _records(content, "retired", RetiredId, name, problems)
        finally:
            _shared.reset(token)
        if problems:
            raise BundleError(problems)
        if type(header.get("cases")) is not int or header.get("cases") != len(cases):
            raise _fail(name, "cases", f"the header says {header.get('cases')!r} cases, the content holds {len(cases)}")
        catalogue = Catalogue.of(instruments, authorities, campaigns)
        problems.extend(_inconsistencies(name, catalogue, instruments, authorities, campaigns, actions, cases, retired))
        if problems:
            raise BundleError(problems)
        return Dataset.of(cases, catalogue, version, digest=actual, actions=actions, retired=retired)


def _records(content: dict[str, Any], key: str, cls: type[_T], name: str, problems: list[Problem]) -> list[_T]:
    raw = content.get(key, [])
    if not isinstance(raw, list):
        problems.append(Problem(file=name, path=key, message="expected a list"))
        return []
    structure = _reader(cls)
    records: list[_T] = []
    for index, item in enumerate(raw):
        try:
            records.append(structure(item))
            continue
        except Exception:  # any failure: the reporting converter says exactly what is wrong
            pass
        record, found = structure_problems(item, cls, file=name)
        if record is None:
            problems.extend(
                Problem(file=name, path=f"{key}[{index}]" + (f".{p.path}" if p.path else ""), message=p.message)
                for p in found
            )
        else:
            records.append(record)
    return records


Read = Callable[[Any], Any]
"""A fast structuring function: raw JSON value -> model value, raising on anything invalid."""


def _reader(type_: Any) -> Read:
    """The fast structuring function for *type_*, built once per process by reading the
    model's fields (no code is generated, so the first load of a process pays little)."""
    found = _readers.get(type_)
    if found is None:
        found = _readers.setdefault(type_, _build(type_))
    return found


def _build(type_: Any) -> Read:
    origin, args = typing.get_origin(type_), typing.get_args(type_)
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return _optional(next(arg for arg in args if arg is not type(None)))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _tuple(args[0])
    if type_ in _PLAIN:
        return _PLAIN[type_]
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return _enum(type_)
    if attrs.has(type_) and type_ not in _WRITTEN_AS_TEXT:
        read = _record(type_)
    else:  # a value the converter reads from text: amounts, dates, partial dates, durations
        hook = converter.get_structure_hook(type_)

        def read(value: Any) -> Any:
            return hook(value, type_)

    return _sharing(read, type_) if type_ in _SHARED else read


def _of_type(kind: type) -> Read:
    # As strict as the converter's hooks for text, whole numbers and true/false (stricter for
    # text: a subclass of str, which JSON never gives, goes to the converter).
    def read(value: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
        return value

    return read


_PLAIN: Final[dict[Any, Read]] = {str: _of_type(str), int: _of_type(int), bool: _of_type(bool)}


def _optional(member: Any) -> Read:
    read = _reader(member)
    if member is str:

        def read_optional_text(value: Any) -> Any:
            if value is not None and type(value) is not str:
                raise TypeError(f"expected text, got {type(value).__name__}")
            return value

        return read_optional_text

    def read_optional(value: Any) -> Any:
        return None if value is None else read(value)

    return read_optional


def _tuple(member: Any) -> Read:
    read = _reader(member)

    def read_tuple(value: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise TypeError(f"expected a list, got {type(value).__name__}")
        return tuple([read(item) for item in value])

    return read_tuple


def _enum(cls: type[enum.Enum]) -> Read:
    members = {member.value: member for member in cls}

    def read_enum(value: Any) -> enum.Enum:
        if type(value) is not str:  # every enumeration of the model has text values
            raise TypeError(f"expected text, got {type(value).__name__}")
        return members[value]

    return read_enum


def _record(cls: type[Any]) -> Read:
    hints = typing.get_type_hints(cls)
    fields = {field.alias: _reader(hints[field.name]) for field in attrs.fields(cls)}

    def read_record(value: Any) -> Any:
        if type(value) is not dict:
            raise TypeError(f"expected a table, got {type(value).__name__}")
        # KeyError for a key the record does not have; TypeError for a required one missing.
        return cls(**{key: fields[key](item) for key, item in value.items()})

    return read_record


def _sharing(read: Read, cls: type[Any]) -> Read:
    """*read*, structuring each distinct value once per bundle read (the key is the value's
    ``repr``, which tells JSON values apart exactly: ``"1"``, ``1``, ``1.0`` and ``true``)."""

    def read_shared(value: Any) -> Any:
        shared = _shared.get()
        if shared is None:
            return read(value)
        key = (cls, type(value), repr(value))
        try:
            return shared[key]
        except KeyError:
            built = shared[key] = read(value)
            return built

    return read_shared


def _inconsistencies(
    name: str,
    catalogue: Catalogue,
    instruments: list[Instrument],
    authorities: list[Authority],
    campaigns: list[Campaign],
    actions: list[Action],
    cases: list[Case],
    retired: list[RetiredId],
) -> Iterator[Problem]:
    for key, records in (
        ("instruments", instruments),
        ("authorities", authorities),
        ("campaigns", campaigns),
        ("actions", actions),
        ("cases", cases),
        ("retired", retired),
    ):
        seen: set[str] = set()
        for index, record in enumerate(records):
            record_id: str = record.id  # type: ignore[attr-defined]
            if record_id in seen:
                yield Problem(file=name, path=f"{key}[{index}].id", message=f"id {record_id!r} repeats")
            seen.add(record_id)
    for index, authority in enumerate(authorities):
        for path, message in authority_references(authority, catalogue):
            yield Problem(file=name, path=f"authorities[{index}].{path}", message=message)
    for index, action in enumerate(actions):
        for path, message in action_references(action, catalogue):
            yield Problem(file=name, path=f"actions[{index}].{path}", message=message)
    action_ids = {action.id for action in actions}
    for index, case in enumerate(cases):
        for path, message in case_references(case, catalogue, action_ids):
            yield Problem(file=name, path=f"cases[{index}].{path}", message=message)
    case_ids = {case.id for case in cases}
    for index, entry in enumerate(retired):
        if entry.id in case_ids:
            yield Problem(file=name, path=f"retired[{index}].id", message=f"retired id {entry.id!r} is in use")


def packaged() -> Dataset:
    """The dataset shipped in the package: read and verified on first call, then cached for
    the life of the process (thread-safe)."""
    global _packaged
    if _packaged is None:
        with _lock:
            if _packaged is None:
                # pkgutil rather than importlib.resources: the same loader, a fifth of the import time.
                data = pkgutil.get_data("cnenforce", f"_data/{BUNDLE_RESOURCE}")
                if data is None:
                    raise _fail(BUNDLE_RESOURCE, "", "the packaged bundle is missing")
                _packaged = read_bundle(data, name=f"cnenforce/_data/{BUNDLE_RESOURCE}")
    return _packaged
