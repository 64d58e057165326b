"""The shape of the house: data flows one way, layers import only downwards, no cycles.

Imports inside functions count as imports here: a lazy import that dodges a cycle is still a
cycle. Only the command line imports inside functions, to start quickly.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

SRC = REPO / "src"
PACKAGE = "cnenforce"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in (SRC / PACKAGE).rglob("*.py")}


def _resolve(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str) -> list[tuple[str, bool]]:
    """The package modules *module* imports, each with whether the import is inside a function."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return  # never runs
        inside = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            # `from package import module` depends on the module; `from module import name` on
            # the module.
            submodules = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES]
            names = submodules if len(submodules) == len(node.names) else [base, *submodules]
        for name in names:
            resolved = _resolve(name) if name.startswith(PACKAGE) else None
            if resolved is not None and resolved != module:
                found.append((resolved, inside))
        for child in ast.iter_child_nodes(node):
            visit(child, inside)

    visit(tree, False)
    return found


GRAPH = {module: {target for target, _ in _imports(module)} for module in MODULES}


def _reaches(start: str, goal: str) -> bool:
    seen: set[str] = set()
    stack = [start]
    while stack:
        current = stack.pop()
        for target in GRAPH[current]:
            if target == goal:
                return True
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return False


def test_no_import_cycles() -> None:
    cycles = [(a, b) for a in GRAPH for b in GRAPH[a] if _reaches(b, a) and not b.startswith(a + ".")]
    # A package imports its own submodules (re-exports); anything else coming back is a cycle.
    assert cycles == []


def test_only_start_up_paths_import_inside_functions() -> None:
    # The command line, the query engine's reading of citation strings and load() of a data
    # directory import on first use, so that start-up does not pay for what the first answer
    # does not need.
    lazy = {module for module in MODULES for _, inside in _imports(module) if inside}
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
