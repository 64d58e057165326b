"""Docs that execute: the Markdown guides, the docstrings, the generated catalogue, the site.

- Every fenced ``pycon``/``python`` block in ``docs/*.md`` that contains ``>>>`` runs as a
  doctest; the blocks of one page share their names, in page order.
- Every fenced ``console`` block runs its ``$ cnenforce ...`` commands through
  :func:`cnenforce.cli.main` from the repository root and compares what they print (standard
  output and error together) with the lines that follow, doctest-style: runs of whitespace
  compare equal and ``...`` matches anything. A command expected to fail ends its output with
  ``(exit status N)``; otherwise it must exit 0. Blocks marked ``sh`` or ``text`` are not run.
- The docstring examples of every ``cnenforce`` module run with :mod:`doctest`.
- Every module has an API page, and every data-file field is described in data-format.md.

The generated pages are tested in ``tests/test_site.py``; the built site in
``tests/test_browser.py``.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import importlib.util
import io
import pkgutil
import re
import shlex
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

import attrs
import pytest

import cnenforce
from cnenforce.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GUIDES = sorted(DOCS.glob("*.md"))
FLAGS = doctest.ELLIPSIS

_FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[\w-]*)[ \t]*$")


class Block(NamedTuple):
    lang: str
    line: int
    """1-based line of the block's first content line."""
    lines: list[str]


def fenced_blocks(path: Path) -> list[Block]:
    """The fenced code blocks of a Markdown file, indentation removed."""
    blocks: list[Block] = []
    current: Block | None = None
    indent = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = _FENCE.match(line)
        if current is None:
            if match and match["lang"]:
                indent = match["indent"]
                current = Block(match["lang"], number + 1, [])
        elif match and not match["lang"]:
            blocks.append(current)
            current = None
        else:
            current.lines.append(line.removeprefix(indent))
    assert current is None, f"{path.name}: unclosed code fence"
    return blocks


# --- Markdown doctests ---------------------------------------------------------------------


def _page_doctest(path: Path) -> doctest.DocTest | None:
    """One doctest of every Python example on a page; line numbers are the file's."""
    lines = [""] * len(path.read_text(encoding="utf-8").splitlines())
    found = False
    for block in fenced_blocks(path):
        if block.lang in ("pycon", "python") and any(line.lstrip().startswith(">>>") for line in block.lines):
            found = True
            for offset, line in enumerate(block.lines):
                lines[block.line - 1 + offset] = line
    if not found:
        return None
    text = "\n".join(lines) + "\n"
    return doctest.DocTestParser().get_doctest(text, {"__name__": path.stem}, path.name, str(path), 0)


DOCTESTED_PAGES = [path for path in GUIDES if _page_doctest(path) is not None]


@pytest.mark.parametrize("path", DOCTESTED_PAGES, ids=[path.name for path in DOCTESTED_PAGES])
def test_markdown_examples(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples may read the checkout's data/
    test = _page_doctest(path)
    assert test is not None
    out = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    result = runner.run(test, out=out.write)
    assert result.failed == 0, f"{path.name}: {result.failed} of {result.attempted} examples failed\n{out.getvalue()}"


def test_guides_have_examples() -> None:
    for name in ("index.md", "guide.md"):
        test = _page_doctest(DOCS / name)
        assert test is not None, f"{name} should have runnable examples"
        assert test.examples, f"{name} should have runnable examples"


# --- command-line examples -----------------------------------------------------------------


class Command(NamedTuple):
    path: Path
    line: int
    argv: list[str]
    expected: str
    status: int


def console_commands(path: Path) -> list[Command]:
    commands: list[Command] = []
    for block in fenced_blocks(path):
        if block.lang != "console":
            continue
        current: tuple[int, list[str]] | None = None
        output: list[str] = []
        for offset, line in enumerate([*block.lines, "$ "]):
            if line.startswith("$ "):
                if current is not None:
                    status = 0
                    if output and (m := re.fullmatch(r"\(exit status (\d+)\)", output[-1].strip())):
                        status = int(m[1])
                        output = output[:-1]
                    commands.append(Command(path, current[0], current[1], "\n".join(output), status))
                if offset < len(block.lines):
                    argv = shlex.split(line[2:])
                    assert argv[0] == "cnenforce", f"{path.name}:{block.line + offset}: only cnenforce commands run"
                    current, output = (block.line + offset, argv[1:]), []
            else:
                assert current is not None, f"{path.name}:{block.line + offset}: output before any command"
                output.append(line)
    return commands


COMMANDS = [command for path in GUIDES for command in console_commands(path)]


@pytest.mark.parametrize("command", COMMANDS, ids=[f"{c.path.name}:{c.line}:{c.argv[0]}" for c in COMMANDS])
def test_console_examples(command: Command, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    buffer = io.StringIO()
    with contextlib.redirect_stderr(buffer):
        status = main(command.argv, out=buffer)
    got = buffer.getvalue()
    where = f"{command.path.name}:{command.line}: cnenforce {shlex.join(command.argv)}"
    assert status == command.status, f"{where}: exit status {status}, expected {command.status}\n{got}"
    checker = doctest.OutputChecker()
    want = command.expected + "\n" if command.expected else ""
    assert checker.check_output(want, got, doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE), (
        f"{where}: output differs\n--- expected\n{want}--- got\n{got}"
    )


def _subcommands() -> list[str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main(["--help"])
    match = re.search(r"\{([\w,-]+)\}", out.getvalue())
    assert match, out.getvalue()
    return match[1].split(",")


def test_cli_page_covers_every_subcommand() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    documented = {argv[0] for argv in (c.argv for c in console_commands(DOCS / "cli.md")) if argv}
    for name in _subcommands():
        assert re.search(rf"^## `{re.escape(name)}`", text, re.MULTILINE), f"cli.md has no section for {name}"
        assert name in documented or f"cnenforce {name}" in text, f"cli.md shows no example of {name}"


# --- docstrings ----------------------------------------------------------------------------


def _modules_with_examples() -> list[ModuleType]:
    names = ["cnenforce", *(info.name for info in pkgutil.walk_packages(cnenforce.__path__, "cnenforce."))]
    modules = [importlib.import_module(name) for name in sorted(names)]
    return [module for module in modules if any(test.examples for test in doctest.DocTestFinder().find(module))]


DOCTESTED = _modules_with_examples()


def test_docstring_examples_are_found() -> None:
    assert {"cnenforce", "cnenforce.model.values", "cnenforce.query"} <= {module.__name__ for module in DOCTESTED}


@pytest.mark.parametrize("module", DOCTESTED, ids=[module.__name__ for module in DOCTESTED])
def test_docstring_examples(module: ModuleType) -> None:
    out = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    for test in doctest.DocTestFinder().find(module):
        runner.run(test, out=out.write)
    failed, attempted = runner.summarize(verbose=False)
    assert failed == 0, f"{module.__name__}: {failed} of {attempted} examples failed\n{out.getvalue()}"


# --- the API reference ---------------------------------------------------------------------


def test_api_index_lists_every_public_name() -> None:
    text = (DOCS / "api" / "index.md").read_text(encoding="utf-8")
    missing = [name for name in cnenforce.__all__ if f"[`{name}`][" not in text]
    assert not missing, f"docs/api/index.md does not list {missing}"


def test_data_file_fields_are_documented() -> None:
    """Every field of every record in data/ is described in data-format.md."""
    from cnenforce import model

    text = (DOCS / "data-format.md").read_text(encoding="utf-8")
    classes = (
        model.Case, model.Respondent, model.Member, model.Person, model.App, model.UnnamedAuthority,
        model.Region, model.Event, model.Measure, model.Provision, model.Source, model.Money,
        model.CampaignRef, model.Action, model.RetiredId, model.Instrument, model.InstrumentVersion,
        model.FineRange, model.ArticleRenumbering, model.Authority, model.Campaign,
    )  # fmt: skip
    missing = [
        f"{cls.__name__}.{field.name}" for cls in classes for field in attrs.fields(cls) if f"`{field.name}" not in text
    ]
    assert not missing, f"fields not described in docs/data-format.md: {missing}"


def _public_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(cnenforce.__path__, "cnenforce."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("module", _public_modules())
def test_every_module_has_an_api_page(module: str) -> None:
    name = module.removeprefix("cnenforce.")
    page = DOCS / "api" / f"{name}.md"
    assert page.is_file(), f"no API page {page.relative_to(ROOT)} for {module}"
    assert f"::: {module}" in page.read_text(encoding="utf-8")
    assert f"api/{name}.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), f"{module} is not in the nav"


def test_changes_log_is_documented() -> None:
    text = (DOCS / "data-format.md").read_text(encoding="utf-8")
    for key in ("added", "changed", "retired", "removed", "records"):
        assert f"`{key}`" in text


# --- the site ------------------------------------------------------------------------------
# Building the site takes seconds, so it is tested with the browser tests (tests/test_browser.py,
# `pytest -m browser`, run by .ci/run, which also runs `mkdocs build --strict`); the pages the
# build adds are tested without building in tests/test_site.py.


def test_the_site_configuration_reads_and_its_navigation_exists() -> None:
    # mkdocs builds in CI only (it takes tens of seconds); a broken configuration or a page
    # missing from the navigation is caught here at once.
    yaml = pytest.importorskip("yaml")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    pages: list[str] = []
    stack: list[object] = [config["nav"]]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, str):
            pages.append(item)
    generated = ("cases/", "browse/", "changes/", "statistics.md", "instruments.md", "authorities.md", "campaigns.md")
    for page in pages:
        if not page.startswith(generated) and page != "contributing.md":
            assert (ROOT / "docs" / page).is_file(), page
