"""Putting data files in canonical form (``cnenforce format``).

A record's canonical text is what the converter writes for it, as canonical TOML: fields in
model order, defaults left out, text in Unicode NFC, citation strings turned into provision
tables (read with the data directory's catalogue, in the text in force on the case's date).
Comments are not kept: anything worth saying belongs in a ``note`` field.

An action file's ``[case]`` defaults and ``[[cases]]`` rows are partial cases (they inherit from
each other), so each of their fields is put in canonical form on its own. A file with errors is
left untouched and its problems reported; nothing is written through a symbolic link or
outside the data directory.
"""

from __future__ import annotations

import typing
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from cnenforce.catalogue import Catalogue
from cnenforce.contrib.compiler import write_atomic
from cnenforce.contrib.files import read_toml
from cnenforce.contrib.provisions import resolve_citations
from cnenforce.contrib.toml_writer import dumps
from cnenforce.contrib.tree import VERSION_PATTERN, read_tree
from cnenforce.converter import structure_problems, unstructure
from cnenforce.errors import Problem
from cnenforce.model import Action, Authority, Campaign, Case, Instrument, RetiredId

__all__ = ["canonical_text", "format_paths"]

_KINDS: dict[str, type[Any]] = {
    "instruments": Instrument,
    "authorities": Authority,
    "campaigns": Campaign,
    "cases": Case,
}


def _nfc(data: Any) -> Any:
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    if isinstance(data, dict):
        return {unicodedata.normalize("NFC", key): _nfc(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_nfc(value) for value in data]
    return data


def _problems(path: Path, found: list[tuple[str, str]]) -> list[Problem]:
    return [Problem(file=str(path), path=where, message=message) for where, message in found]


def _canonical_record(
    data: dict[str, Any], cls: type[Any], path: Path, catalogue: Catalogue
) -> tuple[str | None, list[Problem]]:
    data, found = resolve_citations(data, catalogue, cls) if cls is Case else (data, [])
    if found:
        return None, _problems(path, found)
    record, problems = structure_problems(data, cls, file=str(path))
    if record is None:
        return None, problems
    return dumps(unstructure(record)), []


_FIELD_TYPES: dict[type[Any], dict[str, Any]] = {}


def _field_types(cls: type[Any]) -> dict[str, Any]:
    # Resolving a class's annotations evaluates every one of them: once per class, not per row.
    found = _FIELD_TYPES.get(cls)
    if found is None:
        found = _FIELD_TYPES[cls] = typing.get_type_hints(cls)
    return found


def _canonical_partial(
    table: dict[str, Any], cls: type[Any], path: Path, where: str
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Each field of a partial record, in canonical form and model order."""
    hints = _field_types(cls)
    fields = attrs.fields_dict(cls)
    problems = [
        Problem(
            file=str(path),
            path=f"{where}.{key}",
            message="unknown key (check the spelling against the documented fields)",
        )
        for key in table
        if key not in fields
    ]
    result: dict[str, Any] = {}
    for name in fields:
        if name not in table:
            continue
        value, found = structure_problems(table[name], hints[name], file=str(path))
        if found:
            problems.extend(
                attrs.evolve(
                    p, path=f"{where}.{name}{p.path if p.path.startswith('[') or not p.path else '.' + p.path}"
                )
                for p in found
            )
        else:
            result[name] = unstructure(value)
    return (None if problems else result), problems


def _canonical_action(data: dict[str, Any], path: Path, catalogue: Catalogue) -> tuple[str | None, list[Problem]]:
    own = {key: value for key, value in data.items() if key not in ("case", "cases")}
    action, problems = structure_problems(own, Action, file=str(path))
    output: dict[str, Any] = {} if action is None else dict(unstructure(action))
    defaults = data.get("case")
    if isinstance(defaults, dict):
        resolved, found = resolve_citations(defaults, catalogue)
        problems.extend(attrs.evolve(p, path=f"case.{p.path}") for p in _problems(path, found))
        canonical, found_fields = _canonical_partial(resolved, Case, path, "case")
        problems.extend(found_fields)
        output["case"] = canonical
    rows = data.get("cases")
    if isinstance(rows, list):
        output_rows = []
        for index, row in enumerate(rows):
            if not isinstance(row, dict):
                problems.append(Problem(file=str(path), path=f"cases[{index}]", message="expected a table"))
                continue
            # A row is read in the text in force on its own date, else the shared one.
            dated = {**(defaults if isinstance(defaults, dict) else {}), **row}
            resolved, found = resolve_citations(dated, catalogue)
            problems.extend(attrs.evolve(p, path=f"cases[{index}].{p.path}") for p in _problems(path, found))
            resolved = {key: value for key, value in resolved.items() if key in row}
            canonical, found_fields = _canonical_partial(resolved, Case, path, f"cases[{index}]")
            problems.extend(found_fields)
            output_rows.append(canonical)
        output["cases"] = output_rows
    if problems:
        return None, problems
    return dumps(output), []


def canonical_text(path: Path, catalogue: Catalogue) -> tuple[str | None, list[Problem]]:
    """The canonical text of the data file at *path*, or ``None`` and the problems preventing it."""
    data, _, problems = read_toml(path, str(path))
    if data is None:
        return None, problems
    data = _nfc(data)
    if path.name in ("dataset.toml", "retired.toml"):
        return _canonical_meta(data, path)
    if path.parent.name == "actions":
        return _canonical_action(data, path, catalogue)
    return _canonical_record(data, _KINDS.get(path.parent.name, Case), path, catalogue)


def _canonical_meta(data: dict[str, Any], path: Path) -> tuple[str | None, list[Problem]]:
    if path.name == "retired.toml":
        # Read through the converter like any record: only what it writes is written back.
        problems = [
            Problem(file=str(path), path=key, message="unknown key (retired.toml holds [[retired]] entries)")
            for key in sorted(set(data) - {"retired"})
        ]
        retired, found = structure_problems(data.get("retired", []), tuple[RetiredId, ...], file=str(path))
        problems.extend(attrs.evolve(p, path=f"retired{p.path}") for p in found)
        if retired is None or problems:
            return None, problems
        return dumps({"retired": unstructure(retired)}), []
    version, digest = data.get("version"), data.get("digest")
    problems = []
    if not isinstance(version, str) or not VERSION_PATTERN.fullmatch(version):
        problems.append(
            Problem(file=str(path), path="version", message=f'expected a version such as "2026.11.22", got {version!r}')
        )
    if digest is not None and not isinstance(digest, str):
        problems.append(Problem(file=str(path), path="digest", message=f"expected text, got {digest!r}"))
    if problems:
        return None, problems
    return dumps({"version": version} | ({"digest": digest} if digest is not None else {})), []


def format_paths(paths: Sequence[Path], *, check: bool = False) -> tuple[list[Path], list[Problem]]:
    """Put every data file under *paths* (data directories or files in one) in canonical form.

    Returns the files that changed (or, with *check*, would change) and the problems found;
    a file with problems is left untouched.
    """
    changed: list[Path] = []
    problems: list[Problem] = []
    for given in paths:
        root = _data_root(given)
        if root is None:
            problems.append(
                Problem(file=str(given), path="", message="not in a data directory (no dataset.toml above it)")
            )
            continue
        tree = read_tree(root)
        if given.is_file() or given.is_symlink() or not given.is_dir():
            files = [given]
        else:
            files = sorted(p for p in given.rglob("*.toml") if p.is_file() or p.is_symlink())
        for path in files:
            if not _is_data_file(path, root):
                if path == given:  # named on purpose, so not skipped in silence
                    exists = path.exists() or path.is_symlink()
                    message = "not formatted: not a data file" if exists else "no such file or directory"
                    problems.append(Problem(file=str(path), path="", message=message))
                continue
            if path.is_symlink() or not path.resolve().is_relative_to(root.resolve()):
                problems.append(
                    Problem(file=str(path), path="", message="not formatted: a link, or outside the data directory")
                )
                continue
            text, found = canonical_text(path, tree.catalogue)
            if text is None:
                problems.extend(found)
                continue
            if path.read_text(encoding="utf-8") != text:
                changed.append(path)
                if not check:
                    write_atomic(path, text)
    return changed, problems


def _is_data_file(path: Path, root: Path) -> bool:
    if path.parent.resolve() == root.resolve():
        return path.name in ("dataset.toml", "retired.toml")
    return path.parent.parent.resolve() == root.resolve() and path.parent.name in (*_KINDS, "actions")


def _data_root(path: Path) -> Path | None:
    """The data directory holding *path* (the nearest folder with a ``dataset.toml``)."""
    start = path if path.is_dir() else path.parent
    for candidate in (start, *start.resolve().parents):
        if (candidate / "dataset.toml").is_file():
            return candidate
    return None
