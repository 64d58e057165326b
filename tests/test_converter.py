"""The converter: lossless round trips, strictness, and errors that name the field."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from cattrs.errors import ClassValidationError
from hypothesis import given
from hypothesis import strategies as st

from cnenforce.converter import converter, make, structure, structure_problems, unstructure
from cnenforce.errors import DataError
from cnenforce.model import Case, Duration, Measure, Money, PartialDate, Provision
from cnenforce.vocabulary import DurationUnit
from tests.strategies import EVERY_MODEL, cases

CLASSES = sorted(EVERY_MODEL, key=lambda cls: cls.__name__)


@given(data=st.data())
def test_every_class_round_trips_through_json(data: st.DataObject) -> None:
    cls = data.draw(st.sampled_from(CLASSES))
    obj = data.draw(EVERY_MODEL[cls])
    plain = json.loads(json.dumps(unstructure(obj), ensure_ascii=False))
    assert structure(plain, cls) == obj


@given(cases())
def test_unstructured_cases_are_plain_json(case: Case) -> None:
    stack: list[Any] = [unstructure(case)]
    while stack:
        value = stack.pop()
        assert isinstance(value, str | int | bool | list | dict), type(value)
        assert not isinstance(value, float)
        stack.extend(value.values() if isinstance(value, dict) else value if isinstance(value, list) else [])


def test_written_forms_of_scalars() -> None:
    assert unstructure(Money(amount=Decimal("10000"))) == {"amount": "10000"}
    assert unstructure(Money(amount=Decimal("5E+4"))) == {"amount": "50000"}
    assert unstructure(PartialDate.parse("early 2017-08")) == "early 2017-08"
    assert unstructure(PartialDate.parse("--07-02")) == "--07-02"
    assert unstructure(Duration(value=3, unit=DurationUnit.MONTHS)) == "3 months"
    assert unstructure(Provision(instrument="csl", article=21, item=5)) == {
        "instrument": "csl",
        "article": 21,
        "item": 5,
    }


@pytest.mark.parametrize(
    ("data", "cls", "path", "fragment"),
    [
        pytest.param({"instrument": "csl", "article": "21"}, Provision, "article", "whole number", id="text-for-int"),
        pytest.param({"instrument": 123}, Provision, "instrument", "expected text", id="int-for-text"),
        pytest.param({"instrument": "csl", "article": True}, Provision, "article", "whole number", id="bool-for-int"),
        pytest.param({"amount": "5", "currency": None}, Money, "currency", "expected text", id="none-for-text"),
        pytest.param({"amount": 1.5}, Money, "amount", "amount written as text", id="float-amount"),
        pytest.param({"amount": 10000}, Money, "amount", "amount written as text", id="int-amount"),
        pytest.param({"amount": "50.000,00"}, Money, "amount", "no separators", id="separators"),
        pytest.param({"amount": "5_000"}, Money, "amount", "no separators", id="underscore"),
        pytest.param({"amount": "5e4"}, Money, "amount", "exponent", id="exponent"),
        pytest.param({"amount": "1e999999999"}, Money, "amount", "exponent", id="overflow"),
        pytest.param({"amount": "５０"}, Money, "amount", "digits", id="full-width"),
        pytest.param({"amount": "99999999999999999999"}, Money, "amount", "15 digits", id="too-long"),
        pytest.param({"amount": "10", "currency": "XYZ"}, Money, "currency", "XYZ", id="unknown-currency"),
        pytest.param({"instrument": "csl", "artcle": 21}, Provision, "artcle", "unknown key", id="unknown-key"),
        pytest.param("Article 21 of the CSL", Provision, "", "citation strings", id="citation-string"),
        pytest.param({"kind": "fine", "duration": 15}, Measure, "duration", "duration as text", id="int-duration"),
    ],
)
def test_strict_structuring_names_the_field(data: Any, cls: type, path: str, fragment: str) -> None:
    result, problems = structure_problems(data, cls, file="f.toml")
    assert result is None
    assert [p.path for p in problems] == [path]
    assert fragment in problems[0].message


def test_every_problem_in_a_case_is_reported_with_its_path() -> None:
    data = {
        "id": "2017-x",
        "title": "t",
        "summary": "s",
        "respondent": {"kind": "company", "name_en": 3},
        "measures_disclosure": "stated",
        "measres": [],
        "tags": "data-leakage",
        "events": [{"kind": "decided", "date": "2017-02-30"}],
        "measures": [{"kind": "fine", "amount": {"amount": "10"}}, {"kind": "fines"}],
        "sources": [{"kind": "news", "title": "t", "url": "https://x.org"}],
    }
    _, problems = structure_problems(data, Case, file="f.toml")
    assert sorted(p.path for p in problems) == [
        "events[0].date",
        "measres",
        "measures[1].kind",
        "respondent.name_en",
        "tags",
    ]
    assert all(p.file == "f.toml" for p in problems)


def test_invariants_of_several_fields_are_reported_at_their_field() -> None:
    data = {
        "id": "2017-x",
        "title": "t",
        "summary": "s",
        "respondent": {"kind": "company", "anonymised": True, "name_zh": "腾讯"},
        "measures_disclosure": "none",
        "measures": [{"kind": "warning", "amount": {"amount": "5"}, "persons": [{"name_zh": "周某"}]}],
        "sources": [{"kind": "mirror", "publisher": "x", "url": "https://x.org"}],
    }
    _, problems = structure_problems(data, Case)
    assert {p.path for p in problems} >= {"respondent.name_zh", "measures[0].amount", "sources[0].publisher"}


def test_missing_fields_are_named() -> None:
    _, problems = structure_problems({"kind": "news"}, Case)
    assert {p.path for p in problems} >= {"id", "title", "summary", "respondent", "measures_disclosure"}


def test_string_is_not_a_list() -> None:
    _, problems = structure_problems(["a", 1], tuple[str, ...])
    assert [(p.path, "expected text" in p.message) for p in problems] == [("[1]", True)]
    _, problems = structure_problems("abc", tuple[str, ...])
    assert "expected a list" in problems[0].message


def test_structure_raises_data_error_with_all_problems() -> None:
    with pytest.raises(DataError) as info:
        structure({"amount": -1, "currency": "XYZ"}, Money, file="m.json")
    assert {p.path for p in info.value.problems} == {"amount", "currency"}
    assert "m.json" in str(info.value)


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    deep: Any = "x"
    for _ in range(5000):
        deep = [deep]
    _, problems = structure_problems({"instrument": deep}, Provision)
    assert [p.path for p in problems] == ["instrument"]


def test_a_copy_of_the_converter_keeps_its_rules() -> None:
    copy = converter.copy()
    with pytest.raises(ClassValidationError):
        copy.structure({"amount": 5}, Money)
    assert copy.structure({"amount": "5"}, Money) == Money(amount=Decimal(5))
    fresh = make()
    assert fresh.unstructure(Money(amount=Decimal("5E+4"))) == {"amount": "50000"}
