"""Compiling a data directory into the JSON bundle shipped in the package.

TOML is pleasant to write and review but slow to parse, so the package ships one compact JSON
bundle instead (its layout is in :mod:`cnenforce.bundle`). ``cnenforce compile`` writes it; a
test fails when the committed bundle differs from what ``data/`` compiles to, so they cannot
drift apart.

The dataset version lives in ``data/dataset.toml`` with the digest of the data, which is the
SHA-256 of the bundle's content line. When any record changes, the digest no longer matches
and compiling asks for a new version (``--bump``), so every change to the data ships under a
new dataset version. Files are written atomically (a temporary file, then a rename), so a
reader never sees half a bundle, and never through a symbolic link.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from cnenforce.bundle import BUNDLE_FORMAT, read_bundle
from cnenforce.contrib.changes import CHANGES_FILE, changes_text, diff, read_changes
from cnenforce.contrib.toml_writer import dumps
from cnenforce.contrib.tree import read_dataset
from cnenforce.converter import unstructure
from cnenforce.dataset import Dataset
from cnenforce.errors import BundleError, DataError, Problem

__all__ = [
    "VersionError",
    "bundle_text",
    "check_bundle",
    "compile_data",
    "content_line",
    "next_version",
    "write_atomic",
]


class VersionError(DataError):
    """The data changed but ``data/dataset.toml`` still names the old version."""


def content_line(dataset: Dataset) -> str:
    """The bundle's content line for *dataset*: stable text for the same data."""
    content: dict[str, Any] = {
        "instruments": unstructure(tuple(dataset.catalogue.instruments.values())),
        "authorities": unstructure(tuple(dataset.catalogue.authorities.values())),
        "campaigns": unstructure(tuple(dataset.catalogue.campaigns.values())),
        "actions": unstructure(tuple(dataset.actions.values())),
        "cases": unstructure(dataset.cases),
        "retired": unstructure(tuple(dataset.retired.values())),
    }
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"))


def _digest(content: str) -> str:
    return "sha256:" + hashlib.sha256(content.encode("utf-8")).hexdigest()


def bundle_text(dataset: Dataset) -> str:
    """The whole bundle for *dataset*: header line, content line."""
    content = content_line(dataset)
    header = {
        "format": BUNDLE_FORMAT,
        "dataset_version": dataset.version,
        "cases": len(dataset.cases),
        "content_sha256": _digest(content),
    }
    return json.dumps(header, separators=(",", ":")) + "\n" + content + "\n"


def _refuse_link(path: Path) -> None:
    if path.is_symlink():
        raise DataError([Problem(file=str(path), path="", message="refusing to write through a symbolic link")])


def _mode_for(path: Path) -> int:
    """The permissions *path* has, or those a new file gets (the temporary file has 0600)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, text: str) -> None:
    """Write *text* to *path* through a temporary file and a rename; refuse a symbolic link.

    The rename replaces the directory entry, so neither a symbolic nor a hard link to a file
    elsewhere is ever written through, and a concurrent reader sees the old file or the new one,
    never half of one. The file keeps its permissions.
    """
    _refuse_link(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temporary, mode)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def compile_data(root: Path, target: Path, *, bump: bool = False, today: dt.date | None = None) -> Dataset:
    """Check *root* and write its bundle to *target*.

    If the data changed since ``dataset.toml``'s digest was recorded, the version must be
    new: pass ``bump=True`` to set it to today's date (``cnenforce compile --bump``), which
    also appends the new version's changes, against the bundle at *target*, to
    ``changes.toml``. Returns the dataset as compiled (read back from the bundle written).
    """
    today = today or dt.date.today()
    meta_path = root / "dataset.toml"
    for path in (meta_path, target):  # before anything is written, so nothing is half-done
        _refuse_link(path)
    dataset = read_dataset(root, today=today)
    digest = _digest(content_line(dataset))
    changes_path = root / CHANGES_FILE
    changes = read_changes(changes_path)
    if dataset.digest is None:
        # A new data directory: its first version needs no bump, only a recorded digest.
        write_atomic(meta_path, dumps({"version": dataset.version, "digest": digest}))
        if not changes:
            entry = diff(None, dataset, date=today, digest=digest)
            write_atomic(changes_path, changes_text([entry]))
    elif dataset.digest != digest:
        if not bump:
            raise VersionError(
                [
                    Problem(
                        file=str(meta_path),
                        path="digest",
                        message="the data changed since this version was recorded; "
                        "run `cnenforce compile --bump` to give them a new dataset version",
                    )
                ]
            )
        version = next_version(dataset.version, today)
        dataset = Dataset.of(
            dataset.cases,
            dataset.catalogue,
            version,
            digest=digest,
            actions=dataset.actions.values(),
            retired=dataset.retired.values(),
        )
        entry = diff(_previous(target), dataset, date=today, digest=digest)
        write_atomic(changes_path, changes_text([*changes, entry]))
        write_atomic(meta_path, dumps({"version": version, "digest": digest}))
    text = bundle_text(dataset)
    write_atomic(target, text)
    return read_bundle(text.encode("utf-8"), name=str(target))


def _previous(target: Path) -> Dataset | None:
    """The dataset in the bundle about to be replaced, if it can be read."""
    try:
        return read_bundle(target.read_bytes(), name=str(target))
    except (OSError, BundleError):
        return None


def check_bundle(root: Path, target: Path) -> bool:
    """Whether the bundle at *target* is exactly what *root* compiles to (and its digest is
    the one ``dataset.toml`` records)."""
    dataset = read_dataset(root)
    expected = bundle_text(dataset)
    if dataset.digest != _digest(content_line(dataset)):
        return False
    try:
        return target.read_text(encoding="utf-8") == expected
    except (OSError, UnicodeDecodeError):
        return False


def next_version(previous: str, today: dt.date) -> str:
    """The version after *previous*: today's date, with a counter for a further change today.

    >>> next_version("2026.11.21", dt.date(2026, 11, 22))
    '2026.11.22'
    >>> next_version("2026.11.22", dt.date(2026, 11, 22))
    '2026.11.22.1'
    >>> next_version("2026.11.22.1", dt.date(2026, 11, 22))
    '2026.11.22.2'
    """
    date = today.strftime("%Y.%m.%d")
    if not previous.startswith(date):
        return date
    counter = previous[len(date) + 1 :]
    return f"{date}.{int(counter) + 1 if counter.isdigit() else 1}"
