"""Loading the JSON bundle shipped inside the package: once, lazily, thread-safely."""

from __future__ import annotations

import json
import threading
from importlib import resources
from typing import Final

from cnenforce.catalogue import Catalogue
from cnenforce.converter import structure
from cnenforce.dataset import Dataset
from cnenforce.errors import DataError, Problem
from cnenforce.model import Authority, Case, Instrument, RetiredId

__all__ = ["BUNDLE_RESOURCE", "load_bundle", "parse_bundle"]

BUNDLE_RESOURCE: Final = "bundle.json"
"""File name of the bundle inside ``cnenforce/_data``."""

_lock = threading.Lock()
_cached: Dataset | None = None


def parse_bundle(text: str, *, file: str = "<bundle>") -> Dataset:
    """Build a :class:`Dataset` from bundle JSON text; raise :class:`DataError` if invalid."""
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError([Problem(file=file, path="", line=exc.lineno, message=f"invalid JSON: {exc.msg}")]) from None
    if not isinstance(payload, dict) or payload.get("format") != 1:
        raise DataError([Problem(file=file, path="format", message="not a cnenforce bundle of format 1")])
    instruments = structure(payload.get("instruments"), tuple[Instrument, ...], file=file)
    authorities = structure(payload.get("authorities"), tuple[Authority, ...], file=file)
    cases = structure(payload.get("cases"), tuple[Case, ...], file=file)
    retired = structure(payload.get("retired", []), tuple[RetiredId, ...], file=file)
    version = payload.get("dataset_version")
    if not isinstance(version, str):
        raise DataError([Problem(file=file, path="dataset_version", message="missing dataset version")])
    return Dataset.of(cases, Catalogue.of(instruments, authorities), version, retired)


def load_bundle() -> Dataset:
    """The packaged dataset, read on first call and cached for the life of the process."""
    global _cached
    if _cached is None:
        with _lock:
            if _cached is None:
                text = resources.files("cnenforce").joinpath("_data", BUNDLE_RESOURCE).read_text(encoding="utf-8")
                _cached = parse_bundle(text, file=f"cnenforce/_data/{BUNDLE_RESOURCE}")
    return _cached
