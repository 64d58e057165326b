"""``cnenforce.load()``: the dataset, from the package, a bundle file or a data directory."""

from __future__ import annotations

import os
import stat
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
    return read_bundle(_read_regular_file(path), name=str(path))


def _read_regular_file(path: Path) -> bytes:
    """The bytes of the regular file at *path*: a FIFO or a device (``/dev/zero``) is refused
    before it is read, so loading can neither block nor read without end."""

    def fail(message: str) -> BundleError:
        return BundleError([Problem(file=str(path), path="", message=message)])

    try:
        # O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError) as exc:
        raise fail(f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise fail("not a regular file (a FIFO, device or folder cannot be a bundle)")
        try:
            return handle.read(MAX_BUNDLE_BYTES + 1)
        except OSError as exc:
            raise fail(f"cannot read: {exc.strerror or exc}") from None
