"""Rewriting data files into their canonical form (``cnenforce format``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cnenforce.converter import structure_problems, unstructure
from cnenforce.datafiles import read_record
from cnenforce.errors import Problem
from cnenforce.model import Authority, Case, Instrument
from cnenforce.toml_format import dumps

__all__ = ["canonical_text", "format_paths"]

_KINDS: dict[str, type[Any]] = {"instruments": Instrument, "authorities": Authority}


def _nfc(data: Any) -> Any:
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    if isinstance(data, dict):
        return {key: _nfc(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_nfc(value) for value in data]
    return data


def canonical_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The canonical text of the record in *path*, or ``None`` and the problems preventing it.

    Text is normalised to NFC on the way; nothing else about the content changes.
    """
    data, _, problems = read_record(path, str(path))
    if data is None:
        return None, problems
    if path.name == "dataset.toml":
        return dumps(data), []
    cls = _KINDS.get(path.parent.name, Case)
    record, problems = structure_problems(_nfc(data), cls, file=str(path))
    if record is None:
        return None, problems
    return dumps(unstructure(record)), []


def format_paths(paths: Sequence[Path], *, check: bool = False) -> tuple[list[Path], list[Problem]]:
    """Put every ``.toml`` file under *paths* in canonical form.

    Returns the files that changed (or, with *check*, would change) and the files that could
    not be read; a file with problems is left untouched.
    """
    changed: list[Path] = []
    problems: list[Problem] = []
    for root in paths:
        files = sorted(root.rglob("*.toml")) if root.is_dir() else [root]
        for path in files:
            text, found = canonical_text(path)
            if text is None:
                problems.extend(found)
                continue
            if path.read_text(encoding="utf-8") != text:
                changed.append(path)
                if not check:
                    path.write_text(text, encoding="utf-8")
    return changed, problems
