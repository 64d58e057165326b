"""The hostile corpus through every input and output (see :mod:`tests.hostile` for the rules,
:mod:`tests.hostile_channels` for how each channel is tried), and the page that summarises it."""

from __future__ import annotations

import re
import typing
import unicodedata
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnenforce.schema import case_schema
from cnenforce.text import MAX_TEXT_LENGTH, TEXT_PATTERN, is_refused_character, text_problem, url_problem
from tests.hostile import HOSTILE, HOSTILE_URLS
from tests.hostile_channels import CHANNELS, trials_of
from tests.hostile_records import RECORD_CLASSES, Slot, templates
from tests.hostile_table import PAGE, render


@pytest.mark.parametrize("channel", list(CHANNELS))
def test_hostile_corpus_through(channel: str) -> None:
    trials = trials_of(channel)
    assert trials
    failures = [f"{t.name} in {t.where}: {t.failure}" for t in trials if t.failure]
    assert not failures, "\n".join(failures[:20])


@pytest.mark.parametrize("entry", HOSTILE, ids=lambda entry: entry.name)
def test_corpus_states_the_text_rules(entry: Any) -> None:
    problem = text_problem(entry.text)
    assert (problem is None) == entry.kept, problem
    assert entry.refusal in (problem or "")
    if entry.normalised is not None:
        assert unicodedata.normalize("NFC", entry.text) == entry.normalised


@pytest.mark.parametrize("entry", HOSTILE_URLS, ids=lambda entry: entry.name)
def test_corpus_states_the_url_rule(entry: Any) -> None:
    problem = url_problem(entry.text)
    assert (problem is None) == entry.kept, problem
    assert entry.refusal in (problem or "")


_EXEMPT = {
    ("Case", "id"), ("Action", "id"), ("Instrument", "id"), ("Authority", "id"), ("Campaign", "id"),
    ("RetiredId", "id"), ("InstrumentVersion", "id"),  # a record's own id: its file name
    ("Region", "province"), ("Money", "currency"),  # codes from closed lists
    ("Source", "states"),  # field paths of the record, checked against it
    ("Provision", "version"),  # an id of the instrument's texts, tried with the catalogue checks
}  # fmt: skip


def _covered(cls: type[Any], template: Any, found: set[tuple[str, str]], reached: set[type[Any]]) -> None:
    reached.add(cls)
    hints = typing.get_type_hints(cls)
    for name, value in template.items():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Slot):
                found.add((cls.__name__, name))
            elif isinstance(item, dict):
                member = next(arg for arg in _members(hints[name]) if attrs.has(arg))
                _covered(member, item, found, reached)


def _members(tp: Any) -> list[Any]:
    args = typing.get_args(tp)
    return [member for arg in (args or (tp,)) for member in (typing.get_args(arg) or (arg,))]


def test_every_text_field_of_every_record_kind_is_tried() -> None:
    found: set[tuple[str, str]] = set()
    reached: set[type[Any]] = set()
    for folder, cls in RECORD_CLASSES.items():
        _covered(cls, templates("x")[folder], found, reached)
    strings = {
        (cls.__name__, name)
        for cls in reached
        for name, tp in typing.get_type_hints(cls).items()
        if str in _members(tp)
    }
    assert strings - found - _EXEMPT == set()


def test_schema_text_pattern_refuses_what_the_model_refuses() -> None:
    pattern = re.compile(TEXT_PATTERN)
    assert case_schema()["properties"]["title"]["pattern"] == TEXT_PATTERN
    disagree = []
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue  # a pattern sees characters beyond the BMP as surrogate pairs
        text = f"一{chr(code)}一"
        if unicodedata.is_normalized("NFC", text) and (text_problem(text) is None) != bool(pattern.fullmatch(text)):
            disagree.append(f"U+{code:04X}")
    assert not disagree
    for entry in HOSTILE:
        if entry.kept:
            assert pattern.fullmatch(entry.text), entry.name  # what the model accepts, the schema accepts
        elif entry.fault.value in ("control", "line-break", "bidi", "blank") and entry.text:
            assert not pattern.fullmatch(entry.text), entry.name


def test_hostile_input_page_is_current() -> None:
    assert PAGE.read_text(encoding="utf-8") == render(), (
        "docs/hostile-input.md is stale: run `python scripts/hostile_table.py`"
    )


_INVISIBLE_LETTERS = "\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0"


def _text_problem_by_definition(text: str) -> str | None:
    """The text rules read literally, character by character: what the fast paths of
    :func:`text_problem` must always agree with."""
    if not text:
        return "is empty"
    if len(text) > MAX_TEXT_LENGTH:
        return f"is longer than {MAX_TEXT_LENGTH:,} characters"
    for char in text:
        if is_refused_character(char):
            return f"contains the invisible or control character U+{ord(char):04X}"
    if text != text.strip():
        return "has white space at the start or end"
    if all(char.isspace() or char in _INVISIBLE_LETTERS for char in text):
        return "has no visible character"
    if not unicodedata.is_normalized("NFC", text):
        return "is not in Unicode NFC form (run `cnenforce format`)"
    return None


_TRICKY = st.sampled_from([" ", "\u3000", "\u00a0", "\u3164", "\u2800", "\u200b", "\u0301", "e", "某", "\t", "\u202e"])


@given(st.lists(st.one_of(st.characters(), _TRICKY), max_size=12).map("".join))
def test_text_rules_agree_with_their_definition(text: str) -> None:
    assert text_problem(text) == _text_problem_by_definition(text)
