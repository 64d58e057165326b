"""The converter: lossless round trips, strictness, and errors that name the field."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cnenforce.model
from cnenforce.converter import structure, structure_problems, unstructure
from cnenforce.errors import DataError
from cnenforce.model import Case, Money, PartialDate, Penalty, Provision
from tests.strategies import EVERY_MODEL


@pytest.mark.parametrize("name", sorted(EVERY_MODEL))
@given(data=st.data())
def test_round_trip_through_json(name: str, data: st.DataObject) -> None:
    obj = data.draw(EVERY_MODEL[name])
    cls = getattr(cnenforce.model, name)
    plain = json.loads(json.dumps(unstructure(obj), ensure_ascii=False))
    assert structure(plain, cls) == obj


@given(EVERY_MODEL["Case"])
def test_unstructured_cases_are_plain_json(case: Case) -> None:
    def walk(value: Any) -> None:
        assert isinstance(value, str | int | bool | list | dict), type(value)
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(unstructure(case))


def test_formats_of_scalars() -> None:
    assert unstructure(Money(amount=Decimal("10000"))) == {"amount": "10000"}
    assert unstructure(PartialDate.parse("early 2017-08")) == "early 2017-08"
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
        pytest.param({"amount": 1.5}, Money, "amount", "decimal number", id="float-amount"),
        pytest.param({"amount": "ten"}, Money, "amount", "number", id="word-amount"),
        pytest.param({"amount": "10", "currency": "XYZ"}, Money, "currency", "XYZ", id="unknown-currency"),
        pytest.param({"instrument": "csl", "artcle": 21}, Provision, "artcle", "unknown key", id="unknown-key"),
    ],
)
def test_strict_structuring_names_the_field(data: dict[str, Any], cls: type, path: str, fragment: str) -> None:
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
        "penalty_disclosure": "stated",
        "penalites": [],
        "tags": "data-leakage",
        "events": [{"kind": "decided", "date": "2017-02-30"}],
        "penalties": [{"kind": "fine", "amount": {"amount": "10"}}, {"kind": "fines"}],
        "sources": [{"title": "t", "publisher": "p", "url": "https://x.org"}],
    }
    _, problems = structure_problems(data, Case, file="f.toml")
    assert sorted(p.path for p in problems) == [
        "events[0].date",
        "penalites",
        "penalties[1].kind",
        "respondent.name_en",
        "tags",
    ]
    assert all(p.file == "f.toml" for p in problems)


def test_string_is_not_a_list() -> None:
    _, problems = structure_problems({"instrument": "x", "title": "t"}, Provision)
    assert problems == []
    _, problems = structure_problems(["a", 1], tuple[str, ...])
    assert [p.path for p in problems] == ["[1]"]


def test_structure_raises_data_error_with_all_problems() -> None:
    with pytest.raises(DataError) as info:
        structure({"amount": -1, "currency": "XYZ"}, Money, file="m.json")
    assert {p.path for p in info.value.problems} == {"amount", "currency"}
    assert "m.json" in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Article 21(5) of the Cybersecurity Law (2016)",
            Provision(instrument="csl", article=21, item=5, version="2016"),
        ),
        (
            "《网络安全法》（2016年）第二十四条第一款",
            Provision(instrument="csl", article=24, paragraph=1, version="2016"),
        ),
        ("the Data Security Law", Provision(instrument="dsl")),
    ],
)
def test_provisions_may_be_written_as_citations(text: str, expected: Provision) -> None:
    assert structure(text, Provision) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Articles 24 and 48 of the CSL", "names 2 provisions"),
        ("Article 3 of the Foo Law", "unknown instrument"),
        ("no citation here", "no citation"),
    ],
)
def test_citation_strings_must_name_one_catalogue_provision(text: str, fragment: str) -> None:
    _, problems = structure_problems({"kind": "fine", "basis": ["CSL Art. 59 (2016)", text]}, Penalty)
    assert [p.path for p in problems] == ["basis[1]"]
    assert fragment in problems[0].message


def test_provision_cite_round_trips() -> None:
    from cnenforce.catalogue import load_catalogue
    from cnenforce.citations import parse

    provision = Provision(instrument="csl", article=22, paragraph=1, version="2016")
    for language in ("en", "zh"):
        cited = provision.cite(language)  # type: ignore[arg-type]
        assert parse(cited, catalogue=load_catalogue(), version="2016") == (provision,)
