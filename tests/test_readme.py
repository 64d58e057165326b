"""The README's examples run and print what the README says."""

from __future__ import annotations

import doctest

from tests.conftest import REPO


def test_readme_examples() -> None:
    result = doctest.testfile(str(REPO / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
