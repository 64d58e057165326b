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
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from importlib import resources
from typing import Any, Final, TypeVar

from cnenforce.catalogue import Catalogue
from cnenforce.consistency import action_references, authority_references, case_references
from cnenforce.converter import structure_problems
from cnenforce.dataset import VERSION_PATTERN, Dataset
from cnenforce.errors import BundleError, Problem
from cnenforce.model import Action, Authority, Campaign, Case, Instrument, RetiredId

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
    content = _json(content_line, name, "content")
    if not isinstance(content, dict):
        raise _fail(name, "content", "expected a table of record lists")
    problems: list[Problem] = []
    instruments = _records(content, "instruments", Instrument, name, problems)
    authorities = _records(content, "authorities", Authority, name, problems)
    campaigns = _records(content, "campaigns", Campaign, name, problems)
    actions = _records(content, "actions", Action, name, problems)
    cases = _records(content, "cases", Case, name, problems)
    retired = _records(content, "retired", RetiredId, name, problems)
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
    records: list[_T] = []
    for index, item in enumerate(raw):
        record, found = structure_problems(item, cls, file=name)
        if record is None:
            problems.extend(
                Problem(file=name, path=f"{key}[{index}]" + (f".{p.path}" if p.path else ""), message=p.message)
                for p in found
            )
        else:
            records.append(record)
    return records


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
                data = resources.files("cnenforce").joinpath("_data", BUNDLE_RESOURCE).read_bytes()
                _packaged = read_bundle(data, name=f"cnenforce/_data/{BUNDLE_RESOURCE}")
    return _packaged
