"""Compiling contributor files in ``data/`` into the JSON bundle shipped in the package.

TOML is pleasant to write and review but slow to parse, so the package ships one compact JSON
file instead. ``cnenforce compile`` writes it; a test fails when the committed bundle differs
from what the data would compile to, so the two cannot drift apart.

The dataset version lives in ``data/dataset.toml`` with a digest of the data. When a case or a
catalogue entry changes, the digest no longer matches and compiling asks for a new version, so
every change to the data ships under a new dataset version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any, Final

from cnenforce.converter import unstructure
from cnenforce.dataset import Dataset
from cnenforce.errors import DataError, Problem, Severity
from cnenforce.toml_format import dumps
from cnenforce.validation import LoadedTree, check_data_dir

__all__ = [
    "BUNDLE_FORMAT",
    "VersionError",
    "bundle_text",
    "compile_data",
    "data_digest",
    "next_version",
    "read_data_dir",
]

BUNDLE_FORMAT: Final = 1
"""Bumped when the bundle's layout changes incompatibly."""


class VersionError(DataError):
    """The data changed but ``data/dataset.toml`` still names the old version."""


def _errors(tree: LoadedTree) -> list[Problem]:
    return [p for p in tree.problems if p.severity is Severity.ERROR]


def read_data_dir(root: Path) -> Dataset:
    """Read, check and return the dataset in *root*; raise :class:`DataError` on any error."""
    tree = check_data_dir(root)
    if _errors(tree):
        raise DataError(_errors(tree))
    if tree.version is None:
        raise DataError(
            [
                Problem(
                    file=str(root / "dataset.toml"),
                    path="version",
                    message="missing dataset version",
                )
            ]
        )
    return Dataset.of(tree.cases, tree.catalogue, tree.version, tree.retired)


def data_digest(dataset: Dataset) -> str:
    """A SHA-256 digest of the data's canonical JSON: changes exactly when a case, catalogue
    entry or retired id changes."""
    content = {
        "cases": unstructure(dataset.cases),
        "instruments": unstructure(tuple(dataset.instruments.values())),
        "authorities": unstructure(tuple(dataset.authorities.values())),
        "retired": unstructure(tuple(dataset.retired.values())),
    }
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def bundle_text(dataset: Dataset) -> str:
    """The JSON bundle for *dataset*: stable bytes for the same data."""
    payload: dict[str, Any] = {
        "format": BUNDLE_FORMAT,
        "dataset_version": dataset.version,
        "digest": data_digest(dataset),
        "instruments": unstructure(tuple(dataset.catalogue.instruments.values())),
        "authorities": unstructure(tuple(dataset.catalogue.authorities.values())),
        "cases": unstructure(dataset.cases),
        "retired": unstructure(tuple(dataset.retired.values())),
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"


def compile_data(root: Path, target: Path, *, bump: bool = False, today: dt.date | None = None) -> Dataset:
    """Check *root* and write its bundle to *target*.

    If the data changed since ``dataset.toml``'s digest was recorded, the version must be
    new: pass ``bump=True`` to set it to today's date (``cnenforce compile --bump``).
    """
    dataset = read_data_dir(root)
    digest = data_digest(dataset)
    meta_path = root / "dataset.toml"
    meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    if "digest" not in meta:
        # A new data directory: its first version needs no bump, only a recorded digest.
        meta_path.write_text(dumps({"version": dataset.version, "digest": digest}), encoding="utf-8")
    elif meta["digest"] != digest:
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
        version = next_version(str(meta.get("version", "")), today or dt.date.today())
        meta_path.write_text(dumps({"version": version, "digest": digest}), encoding="utf-8")
        dataset = Dataset.of(dataset.cases, dataset.catalogue, version, dataset.retired.values())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(bundle_text(dataset), encoding="utf-8")
    return dataset


def next_version(previous: str, today: dt.date) -> str:
    """The version after *previous*: today's date, with a counter for a second change today.

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
