"""The model: immutability, invariants, and the behaviour of value types."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnenforce.model import (
    Case,
    Entity,
    FineRange,
    Instrument,
    InstrumentVersion,
    Money,
    PartialDate,
    Penalty,
    Provision,
    Region,
    Source,
)
from cnenforce.vocabulary import (
    DateQualifier,
    EntityKind,
    InstrumentKind,
    PenaltyDisclosure,
    PenaltyKind,
    PenaltyTarget,
)
from tests.strategies import EVERY_MODEL, partial_dates

SOURCE = Source(title="t", publisher="p", url="https://example.org/a")
COMPANY = Entity(kind=EntityKind.COMPANY, name_en="X")


@pytest.mark.parametrize("name", sorted(EVERY_MODEL))
@given(data=st.data())
def test_every_model_is_frozen(name: str, data: st.DataObject) -> None:
    obj = data.draw(EVERY_MODEL[name])
    for field in attrs.fields(type(obj)):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, field.name, getattr(obj, field.name))


@pytest.mark.parametrize("name", sorted(EVERY_MODEL))
@given(data=st.data())
def test_collections_are_tuples(name: str, data: st.DataObject) -> None:
    obj = data.draw(EVERY_MODEL[name])
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        assert not isinstance(value, list | dict | set), field.name


@pytest.mark.parametrize("name", sorted(EVERY_MODEL))
def test_every_model_is_slotted_and_keyword_only(name: str) -> None:
    import cnenforce.model

    cls = getattr(cnenforce.model, name)
    assert "__slots__" in cls.__dict__
    assert all(field.kw_only for field in attrs.fields(cls))


REJECTED = [
    pytest.param(lambda: Region(province="CN-XX"), id="region-unknown-province"),
    pytest.param(lambda: Region(province="CN-GD", city=""), id="region-empty-city"),
    pytest.param(lambda: PartialDate(year=2017, day=3), id="date-day-without-month"),
    pytest.param(lambda: PartialDate(year=2017, month=2, day=30), id="date-impossible"),
    pytest.param(lambda: PartialDate(year=2017, month=13), id="date-month-13"),
    pytest.param(lambda: PartialDate(year=1900), id="date-too-early"),
    pytest.param(
        lambda: PartialDate(year=2017, month=8, day=1, qualifier=DateQualifier.EARLY), id="date-qualifier-with-day"
    ),
    pytest.param(lambda: Money(amount=Decimal(0)), id="money-zero"),
    pytest.param(lambda: Money(amount=Decimal(-5)), id="money-negative"),
    pytest.param(lambda: Money(amount=Decimal("NaN")), id="money-nan"),
    pytest.param(lambda: Money(amount=10000), id="money-int-not-decimal"),
    pytest.param(lambda: Money(amount=Decimal(1), currency="XYZ"), id="money-unknown-currency"),
    pytest.param(lambda: Source(title="", publisher="p"), id="source-empty-title"),
    pytest.param(lambda: Source(title="t", publisher="p", url="ftp://x.org/a"), id="source-ftp-url"),
    pytest.param(lambda: Source(title="t", publisher="p", language="fr"), id="source-language"),
    pytest.param(lambda: Provision(), id="provision-nothing"),
    pytest.param(lambda: Provision(instrument="csl", item=5), id="provision-item-without-article"),
    pytest.param(lambda: Provision(instrument="csl", article=0), id="provision-article-zero"),
    pytest.param(lambda: Provision(instrument="CSL", article=1), id="provision-bad-id"),
    pytest.param(lambda: Provision(instrument="csl", article=True), id="provision-bool-article"),
    pytest.param(
        lambda: Penalty(kind=PenaltyKind.WARNING, amount=Money(amount=Decimal(1))), id="penalty-amount-on-warning"
    ),
    pytest.param(lambda: Penalty(kind=PenaltyKind.FINE, person="legal representative"), id="penalty-person-on-org"),
    pytest.param(lambda: Penalty(kind=PenaltyKind.FINE, basis=[]), id="penalty-list-not-tuple"),
    pytest.param(
        lambda: Entity(kind=EntityKind.COMPANY, anonymised=True, name_en="X", description="d"),
        id="entity-anonymised-named",
    ),
    pytest.param(lambda: Entity(kind=EntityKind.COMPANY, anonymised=True), id="entity-anonymised-undescribed"),
    pytest.param(lambda: Entity(kind=EntityKind.COMPANY), id="entity-nameless"),
    pytest.param(lambda: Entity(kind="company", name_en="X"), id="entity-kind-not-enum"),
    pytest.param(
        lambda: FineRange(article=1, minimum=Money(amount=Decimal(10)), maximum=Money(amount=Decimal(5))),
        id="fine-range-inverted",
    ),
    pytest.param(lambda: FineRange(article=1), id="fine-range-empty"),
    pytest.param(
        lambda: Instrument(id="x", title_en="X", title_zh="X", kind=InstrumentKind.LAW, versions=()),
        id="instrument-no-version",
    ),
    pytest.param(
        lambda: Instrument(
            id="x",
            title_en="X",
            title_zh="X",
            kind=InstrumentKind.LAW,
            versions=(InstrumentVersion(id="a"), InstrumentVersion(id="a")),
        ),
        id="instrument-repeated-version",
    ),
    pytest.param(
        lambda: Case(
            id="2017-x",
            title="t",
            summary="s",
            respondent=COMPANY,
            penalty_disclosure=PenaltyDisclosure.STATED,
            sources=(SOURCE,),
        ),
        id="case-stated-without-penalties",
    ),
    pytest.param(
        lambda: Case(
            id="2017-x",
            title="t",
            summary="s",
            respondent=COMPANY,
            penalty_disclosure=PenaltyDisclosure.NONE,
            penalties=(Penalty(kind=PenaltyKind.WARNING),),
            sources=(SOURCE,),
        ),
        id="case-none-with-penalties",
    ),
    pytest.param(
        lambda: Case(
            id="2017-x", title="t", summary="s", respondent=COMPANY, penalty_disclosure=PenaltyDisclosure.NOT_STATED
        ),
        id="case-without-source",
    ),
    pytest.param(
        lambda: Case(
            id="2017-x",
            title="t",
            summary="s",
            respondent=COMPANY,
            penalty_disclosure=PenaltyDisclosure.NOT_STATED,
            authorities=("a", "a"),
            sources=(SOURCE,),
        ),
        id="case-repeated-authority",
    ),
]


@pytest.mark.parametrize("build", REJECTED)
def test_validators_reject(build: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        build()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017", PartialDate(year=2017)),
        ("2017-07", PartialDate(year=2017, month=7)),
        ("2017-08-11", PartialDate(year=2017, month=8, day=11)),
        ("early 2017-08", PartialDate(year=2017, month=8, qualifier=DateQualifier.EARLY)),
        ("late 2017", PartialDate(year=2017, qualifier=DateQualifier.LATE)),
    ],
)
def test_partial_date_parse(text: str, expected: PartialDate) -> None:
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize("text", ["", "17", "2017/08", "2017-8", "August 2017", "early 2017-08-11", "2017-02-30"])
def test_partial_date_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError, match=r"date|day|month"):
        PartialDate.parse(text)


@given(partial_dates())
def test_partial_date_text_round_trip(date: PartialDate) -> None:
    assert PartialDate.parse(str(date)) == date


@given(partial_dates())
def test_partial_date_bounds_contain_every_day(date: PartialDate) -> None:
    assert date.earliest() <= date.latest()
    if date.is_exact:
        assert date.earliest() == date.latest() == date.to_date()
    else:
        assert date.to_date() is None


def test_partial_date_month_bounds() -> None:
    assert PartialDate(year=2024, month=2).latest() == dt.date(2024, 2, 29)
    assert PartialDate(year=2017, month=12).latest() == dt.date(2017, 12, 31)


def test_provision_within() -> None:
    item = Provision(instrument="csl", article=21, item=5, version="2016")
    assert item.within(Provision(instrument="csl", article=21))
    assert item.within(Provision(instrument="csl"))
    assert not item.within(Provision(instrument="csl", article=21, item=3))
    assert not item.within(Provision(instrument="csl", article=21, version="2025"))
    assert not item.within(Provision(instrument="dsl", article=21))


def test_case_derived_dates_and_status() -> None:
    from cnenforce.model import Event
    from cnenforce.vocabulary import EventKind

    case = Case(
        id="2017-x",
        title="t",
        summary="s",
        respondent=COMPANY,
        penalty_disclosure=PenaltyDisclosure.NOT_STATED,
        events=(
            Event(kind=EventKind.INVESTIGATION_OPENED, date=PartialDate.parse("2017-08-11")),
            Event(kind=EventKind.DECIDED, date=PartialDate.parse("2017-09")),
            Event(kind=EventKind.APPEALED),
        ),
        sources=(SOURCE,),
    )
    assert case.decided == PartialDate(year=2017, month=9)
    assert case.announced is None
    assert case.date == case.decided
    assert case.status is EventKind.APPEALED


def test_fine_range_admits() -> None:
    r = FineRange(article=59, minimum=Money(amount=Decimal(10000)), maximum=Money(amount=Decimal(100000)))
    assert r.admits(Money(amount=Decimal(10000)))
    assert not r.admits(Money(amount=Decimal(9999)))
    assert not r.admits(Money(amount=Decimal(50000), currency="USD"))
    assert r.target is PenaltyTarget.ORGANISATION


def test_evolve_makes_an_edited_copy() -> None:
    money = Money(amount=Decimal(5))
    assert attrs.evolve(money, amount=Decimal(6)).amount == Decimal(6)
    assert money.amount == Decimal(5)
