"""``cnenforce.load()``: the dataset, from the package, a bundle file or a data directory."""

from __future__ import annotations

from pathlib import Path

from cnenforce.bundle import MAX_BUNDLE_BYTES, packaged, read_bundle
from cnenforce.dataset import Dataset
from cnenforce.errors import BundleError, Problem

__all__ = ["load"]


def load(source: Path | str | None = None) -> Dataset:
    """Load the dataset.

    - With no argument: the dataset bundled in the package, read and verified on first call,
      then cached; no network, no source checkout needed.
    - With a bundle file (as ``cnenforce compile --output`` writes): that bundle, verified
      (:class:`~cnenforce.errors.BundleError` if it is not intact and consistent).
    - With a data directory: its files, read and checked like ``cnenforce validate`` does
      (:class:`~cnenforce.errors.DataError` listing every problem).

    Nothing is ever half-loaded.
    """
    if source is None:
        return packaged()
    path = Path(source)
    if path.is_dir():
        # Imported here for start-up time only: the contributor tools (and the citation parser
        # they use) are needed to read a data directory, never the packaged bundle.
        from cnenforce.contrib.tree import read_dataset

        return read_dataset(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BUNDLE_BYTES + 1)
    except OSError as exc:
        raise BundleError([Problem(file=str(path), path="", message=f"cannot read: {exc.strerror or exc}")]) from None
    return read_bundle(data, name=str(path))
