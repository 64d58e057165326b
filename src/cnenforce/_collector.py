"""Pausing the cyclic garbage collector while many objects are built.

Building a dataset, an index or a summary allocates objects by the hundred thousand and frees
almost none, so the collector, which runs every few hundred allocations and now and then over
every object alive, would only repeat work that finds nothing (none of these objects form
cycles). Pausing it during the build keeps the cost proportional to the work.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (if it runs) for the block, then restore it."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
