"""The shape of the house: data flows one way, layers import only downwards, no cycles.

Imports inside functions count as imports here: a lazy import that dodges a cycle is still a
cycle. Only the command line imports inside functions, to start quickly.
"""

from __future__ import annotations

import pytest

from tests.import_graph import cycles, graph

EDGES = graph()
MODULES = set(EDGES)
GRAPH = {module: set(targets) for module, targets in EDGES.items()}


def test_no_import_cycles() -> None:
    # A package imports its own submodules (re-exports); anything else coming back is a cycle.
    assert cycles(EDGES) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b": False}, "b": {"c": True}, "c": {"a": False}, "d": {"a": False}}) == [["a", "b", "c"]]
    assert cycles({"p": {"p.x": False}, "p.x": {"p": False}}) == []


def test_only_start_up_paths_import_inside_functions() -> None:
    # The command line, the query engine's reading of citation strings and load() of a data
    # directory import on first use, so that start-up does not pay for what the first answer
    # does not need.
    lazy = {module for module, targets in EDGES.items() if any(targets.values())}
    assert lazy <= {"cnenforce.cli", "cnenforce.query.provisions", "cnenforce.loading"}


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("cnenforce.model", ("cnenforce.citations", "cnenforce.converter", "cnenforce.bundle", "cnenforce.contrib")),
        ("cnenforce.citations", ("cnenforce.bundle", "cnenforce.loading", "cnenforce.dataset", "cnenforce.contrib")),
        ("cnenforce.catalogue", ("cnenforce.bundle", "cnenforce.loading", "cnenforce.contrib")),
        ("cnenforce.dataset", ("cnenforce.bundle", "cnenforce.loading", "cnenforce.contrib")),
        ("cnenforce.query", ("cnenforce.bundle", "cnenforce.loading", "cnenforce.contrib")),
        ("cnenforce.stats", ("cnenforce.bundle", "cnenforce.loading", "cnenforce.contrib")),
        ("cnenforce.export", ("cnenforce.bundle", "cnenforce.loading", "cnenforce.contrib")),
        ("cnenforce.bundle", ("cnenforce.contrib", "cnenforce.loading")),
    ],
)
def test_layers_import_only_downwards(layer: str, forbidden: tuple[str, ...]) -> None:
    for module in (m for m in MODULES if m == layer or m.startswith(layer + ".")):
        for target in GRAPH[module]:
            assert not target.startswith(forbidden), f"{module} imports {target}"


def test_only_loading_and_the_command_line_reach_the_contributor_tools() -> None:
    outside = {m for m in MODULES if not m.startswith("cnenforce.contrib")}
    direct = {m for m in outside if any(t.startswith("cnenforce.contrib") for t in GRAPH[m])}
    assert direct <= {"cnenforce.loading", "cnenforce.cli"}
