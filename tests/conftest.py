"""Shared fixtures and Hypothesis profiles.

``HYPOTHESIS_PROFILE`` selects the profile: ``default`` (fast, for every run), ``ci`` (more
examples, what ``.ci/run`` uses) or ``thorough`` (many more, for a long run by hand).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("quick", max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def dataset():  # type: ignore[no-untyped-def]
    """The packaged dataset."""
    import cnenforce

    return cnenforce.load()


@pytest.fixture(scope="session")
def data_tree():  # type: ignore[no-untyped-def]
    """The repository's data directory, read and checked once per test run."""
    from cnenforce.contrib.tree import read_tree

    return read_tree(DATA)


@pytest.fixture
def data_copy(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of a minimal data directory (``tests/fixtures/minimal``)."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", target)
    return target
