"""The import graph of the cnenforce package, read from its source with :mod:`ast`.

Run it to see the graph and any cycle, of this checkout or of any other source tree (an older
commit checked out elsewhere, for comparison)::

    python -m tests.import_graph                 # src/ of this checkout
    python -m tests.import_graph --src DIR       # DIR holds the cnenforce package

Each line is a module and the package modules it imports; an import inside a function is
marked ``(lazy)``, since an import made on first use that dodges a cycle is still a cycle. The
strongly connected components of more than one module are the cycles. ``tests/test_architecture``
checks the same graph.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE = "cnenforce"
SRC = Path(__file__).resolve().parent.parent / "src"

Graph = dict[str, dict[str, bool]]
"""module -> {imported package module: whether every import of it is inside a function}"""


def _module_name(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(src: Path = SRC) -> dict[str, Path]:
    """Every module of the package under *src*, by dotted name."""
    return {_module_name(path, src): path for path in sorted((src / PACKAGE).rglob("*.py"))}


def _imports(module: str, path: Path, known: dict[str, Path]) -> Iterator[tuple[str, bool]]:
    """The package modules *module* imports, each with whether the import is inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"

    def resolve(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    def visit(node: ast.AST, in_function: bool) -> Iterator[tuple[str, bool]]:
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
            submodules = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in known]
            names = submodules if len(submodules) == len(node.names) else [base, *submodules]
        for name in names:
            resolved = resolve(name) if name.split(".")[0] == PACKAGE else None
            if resolved is not None and resolved != module:
                yield resolved, inside
        for child in ast.iter_child_nodes(node):
            yield from visit(child, inside)

    yield from visit(tree, False)


def graph(src: Path = SRC) -> Graph:
    """The package's import graph; an edge is lazy only if every import along it is."""
    known = modules(src)
    result: Graph = {}
    for module, path in known.items():
        edges: dict[str, bool] = {}
        for target, inside in _imports(module, path, known):
            edges[target] = edges.get(target, True) and inside
        result[module] = edges
    return result


def cycles(edges: Graph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm), leaving
    out a package's imports of its own submodules (re-exports), which are not cycles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def successors(module: str) -> list[str]:
        return [target for target in edges[module] if not target.startswith(module + ".")]

    def connect(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in successors(module):
            if target not in index:
                connect(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in edges:
        if module not in index:
            connect(module)
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    """Print the graph and its cycles; exit 1 if there is a cycle."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--src", type=Path, default=SRC, help="the directory holding the cnenforce package")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    edges = graph(args.src)
    for module, targets in edges.items():
        listed = ", ".join(f"{t}{' (lazy)' if lazy else ''}" for t, lazy in sorted(targets.items()))
        print(f"{module} -> {listed or '(nothing in the package)'}")
    found = cycles(edges)
    print(f"\n{len(edges)} modules, {sum(len(t) for t in edges.values())} imports, {len(found)} cycles")
    for component in found:
        print(f"cycle of {len(component)}: {', '.join(component)}")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
