"""The page ``docs/hostile-input.md``, written from what the test suite tries.

The first table summarises the trials of :mod:`tests.hostile_channels` (the hostile corpus run
through every input and output), the second the fuzz tests of :mod:`tests.test_fuzz` with their
example counts under each Hypothesis profile. ``python scripts/hostile_table.py`` writes the
page; ``tests/test_hostile.py`` fails when the committed page differs from :func:`render`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Final

from hypothesis import settings

from tests import conftest  # noqa: F401 - registers the Hypothesis profiles
from tests.hostile import FAULTS, HOSTILE, HOSTILE_AMOUNTS, HOSTILE_IDS, HOSTILE_NUMBERS, HOSTILE_URLS, Fault
from tests.hostile_channels import CHANNELS, Trial, all_trials
from tests.test_fuzz import FUZZ_TARGETS

__all__ = ["PAGE", "render"]

PAGE: Final = Path(__file__).resolve().parent.parent / "docs" / "hostile-input.md"

_COLUMNS: Final = {
    "converter": "Converter",
    "files": "Data files",
    "bundle": "Bundle",
    "toml": "TOML, format",
    "json": "JSON",
    "csv": "CSV",
    "terminal": "Terminal",
    "queries": "Queries",
    "command line": "Command line",
}

_INTRO: Final = """\
# Hostile input

cnenforce is fed by outside contributors and embedded by other tools, so every path from a
file to a reader is tried with hostile input. This page is written by the test suite
(`python scripts/hostile_table.py`; a test fails when it is out of date): do not edit it by
hand.

## The hostile corpus

Each entry of the corpus (`tests/hostile.py`) is put into every field of its kind (text, URL,
amount, article number, id) of every record kind (case, action, instrument, authority,
campaign, retired id) and run through each input and output. A cell counts the fields tried
and says how the entry was handled:

- **refused**: the record is not accepted; the problem names the file, the line (in data
  files) and the field path, for every field that holds the entry;
- **kept**: read back exactly, character for character;
- **normalised**: `cnenforce format` wrote its NFC form (the validator refuses other forms);
- **apostrophe**: the CSV cell starts with `'`, so no spreadsheet runs it as a formula;
- **escaped**: printed as a visible escape (`\\x1b`), never acting on the terminal;
- **round trip**: the canonical TOML writer wrote text that reads back exactly;
- **QueryError** / **no match**: a query argument raised the documented error or matched
  nothing; **exit 0/1/2**: the command line's exit status, with at most one line on stderr;
- **not applicable**: the input cannot carry it (a lone surrogate in TOML).

Names of catalogue records are at most 300 characters, so the longest text is refused there
and kept everywhere else. Every cell's rule holds: a trial that breaks it fails the suite.
"""

_FUZZ_INTRO: Final = """\
## Fuzz tests

Hypothesis generates inputs for each target (`tests/test_fuzz.py`); only the documented error
types may escape, and each problem names its file, line and field where those exist. The
default profile runs in the normal suite; `HYPOTHESIS_PROFILE=ci` and
`HYPOTHESIS_PROFILE=thorough` run more examples.
"""


def _count(number: int) -> str:
    return f"{number:,}"


def _cell(trials: list[Trial]) -> str:
    if not trials:
        return "-"
    fields: Counter[str] = Counter()
    for trial in trials:
        fields[trial.outcome] += trial.fields or 1
    return "<br>".join(f"{outcome} ({_count(count)})" for outcome, count in sorted(fields.items()))


def _corpus_table(trials: tuple[Trial, ...]) -> list[str]:
    entries: Counter[Fault] = Counter()
    for corpus in (HOSTILE, HOSTILE_URLS, HOSTILE_AMOUNTS, HOSTILE_NUMBERS, HOSTILE_IDS):
        entries.update(entry.fault for entry in corpus)
    header = ["Fault class", "Inputs", *(_COLUMNS[name] for name in CHANNELS)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for fault, description in FAULTS.items():
        cells = [_cell([t for t in trials if t.fault is fault and t.channel == name]) for name in CHANNELS]
        lines.append(f"| {description} | {entries[fault]} | " + " | ".join(cells) + " |")
    totals = [_count(sum(t.fields or 1 for t in trials if t.channel == name)) for name in CHANNELS]
    lines.append(f"| **Fields tried** | **{sum(entries.values())}** | " + " | ".join(totals) + " |")
    return lines


def _fuzz_table() -> list[str]:
    profiles = ("default", "ci", "thorough")
    header = ["Target", "Generated input", "Documented errors", *(f"Examples ({name})" for name in profiles)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for target in FUZZ_TARGETS:
        counts = [_count(settings.get_profile(name).max_examples * target.scale) for name in profiles]
        lines.append(f"| {target.target} | {target.inputs} | {target.errors} | " + " | ".join(counts) + " |")
    return lines


def render() -> str:
    """The page, from the trials run in this process."""
    parts = [_INTRO, *_corpus_table(all_trials()), "", _FUZZ_INTRO, *_fuzz_table()]
    return "\n".join(parts) + "\n"
