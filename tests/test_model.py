"""The model: invariants, errors that name their field, and the value types' text forms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cnenforce.model as model
from cnenforce.errors import FieldError
from cnenforce.model import (
    MAX_ARTICLE,
    Action,
    ArticleRenumbering,
    Case,
    CitationExample,
    Duration,
    Event,
    FineRange,
    Instrument,
    InstrumentVersion,
    Measure,
    Money,
    PartialDate,
    Person,
    Provision,
    Region,
    Respondent,
    Source,
)
from cnenforce.vocabulary import (
    ActionKind,
    Disclosure,
    DurationUnit,
    EventKind,
    InstrumentKind,
    MeasureCategory,
    MeasureKind,
    MeasureTarget,
    PersonRole,
    RespondentKind,
    SourceKind,
)
from tests.strategies import EVERY_MODEL, durations, partial_dates

SOURCE = Source(kind=SourceKind.NEWS, url="https://news.example.com/a")


def test_every_model_class_has_a_strategy() -> None:
    classes = {getattr(model, name) for name in model.__all__ if attrs.has(getattr(model, name, None) or object)}
    assert classes <= set(EVERY_MODEL), classes - set(EVERY_MODEL)


@pytest.mark.parametrize("cls", sorted(EVERY_MODEL, key=lambda c: c.__name__), ids=lambda c: c.__name__)
def test_every_model_class_is_frozen_slotted_and_keyword_only(cls: type[Any]) -> None:
    assert attrs.has(cls)
    assert "__slots__" in cls.__dict__
    assert all(field.kw_only for field in attrs.fields(cls))
    for field in attrs.fields(cls):
        assert "list" not in str(field.type), field.name
        assert "dict" not in str(field.type), field.name


@given(st.data())
def test_instances_are_immutable(data: st.DataObject) -> None:
    cls = data.draw(st.sampled_from(sorted(EVERY_MODEL, key=lambda c: c.__name__)))
    instance = data.draw(EVERY_MODEL[cls])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(instance, attrs.fields(cls)[0].name, None)


# --- errors name their field -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Region(province="CN-XX"), "province"),
        (lambda: Money(amount=Decimal("-1")), "amount"),
        (lambda: Money(amount=Decimal("1E+20")), "amount"),
        (lambda: Money(amount=Decimal(5), currency="JPY"), "currency"),
        (lambda: PartialDate(year=2017, month=2, day=30), "day"),
        (lambda: PartialDate(day=3), "month"),
        (lambda: Provision(instrument="csl", item=5), "article"),
        (lambda: Provision(), "instrument"),
        (lambda: Source(kind=SourceKind.MIRROR, publisher="Some site", url="https://a.example.com"), "publisher"),
        (lambda: Source(kind=SourceKind.OFFICIAL, url="https://a.example.com"), "publisher"),
        (lambda: Source(kind=SourceKind.NEWS, title="t"), "url"),
        (lambda: Source(kind=SourceKind.NEWS, url="javascript:alert(1)"), "url"),
        (lambda: Source(kind=SourceKind.NEWS, url="https://a.example.com/x)<svg>"), "url"),
        (lambda: Source(kind=SourceKind.NEWS, url="https://a.example.com", title="a\u202eb"), "title"),
        (lambda: Source(kind=SourceKind.NEWS, url="https://a.example.com", title="line\nbreak"), "title"),
        (lambda: Source(kind=SourceKind.NEWS, url="https://a.example.com", title="\u3164"), "title"),
        (lambda: Source(kind=SourceKind.NEWS, url="https://a.example.com", authors=("a", "a")), "authors[1]"),
        (lambda: Respondent(kind=RespondentKind.COMPANY, anonymised=True, name_zh="腾讯", description="x"), "name_zh"),
        (lambda: Respondent(kind=RespondentKind.COMPANY, anonymised=True), "description"),
        (lambda: Respondent(kind=RespondentKind.COMPANY), "name_zh"),
        (lambda: Person(), "role"),
        (lambda: Measure(kind=MeasureKind.WARNING, amount=Money(amount=Decimal(1))), "amount"),
        (lambda: Measure(kind=MeasureKind.FINE, persons=(Person(role=PersonRole.OTHER),)), "persons"),
        (lambda: Measure(kind=MeasureKind.FINE, target=MeasureTarget.PERSONS, person_count=0), "person_count"),
        (
            lambda: Measure(
                kind=MeasureKind.FINE,
                target=MeasureTarget.PERSONS,
                persons=(Person(name_zh="周某"), Person(name_zh="王某")),
                person_count=1,
            ),
            "person_count",
        ),
        (lambda: Measure(kind=MeasureKind.APP_REMOVAL, target=MeasureTarget.THIRD_PARTY), "addressee"),
        (lambda: Measure(kind=MeasureKind.FINE, duration=Duration(value=3, unit=DurationUnit.DAYS)), "duration"),
        (lambda: Measure(kind=MeasureKind.FINE, target=MeasureTarget.PERSONS, per_person=True), "per_person"),
        (lambda: _case(measures_disclosure=Disclosure.STATED), "measures"),
        (lambda: _case(measures=(Measure(kind=MeasureKind.WARNING),)), "measures"),
        (lambda: _case(sources=()), "sources"),
        (lambda: _case(national=True, region=Region(province="CN-BJ")), "national"),
        (lambda: _case(events=(_event("2017-09"), _event("2017-08"))), "events[1].date"),
        (lambda: _case(sources=(attrs.evolve(SOURCE, copy_of=1),)), "sources[0].copy_of"),
        (lambda: _case(id="2017 bad id"), "id"),
        (lambda: Action(id="a", kind=ActionKind.OTHER, title="t"), "sources"),
    ],
)
def test_errors_carry_the_field(build: Any, field: str) -> None:
    with pytest.raises(FieldError) as raised:
        build()
    assert raised.value.field == field


def _event(date: str, kind: EventKind = EventKind.DECIDED) -> Event:
    return Event(kind=kind, date=PartialDate.parse(date))


def _case(**fields: Any) -> Case:
    base: dict[str, Any] = {
        "id": "2017-example",
        "title": "Example",
        "summary": "Example summary.",
        "respondent": Respondent(kind=RespondentKind.COMPANY, name_en="Example Co"),
        "measures_disclosure": Disclosure.NOT_STATED,
        "sources": (SOURCE,),
    }
    return Case(**(base | fields))


def test_required_text_rejects_none() -> None:
    with pytest.raises(FieldError) as raised:
        Case(**{**_case().__getstate__(), "title": None})  # type: ignore[arg-type]
    assert raised.value.field == "title"


# --- value types --------------------------------------------------------------------------


@given(partial_dates())
def test_partial_dates_read_back_from_their_text(date: PartialDate) -> None:
    assert PartialDate.parse(str(date)) == date


@given(partial_dates())
def test_a_partial_date_spans_its_period(date: PartialDate) -> None:
    earliest, latest = date.earliest(), date.latest()
    if date.year is None:
        assert earliest is None
        assert latest is None
    else:
        assert earliest is not None
        assert latest is not None
        assert earliest <= latest
        assert not date.certainly_before(date)


@pytest.mark.parametrize(
    "text", ["2017-13", "2017-02-30", "17-08", "2017-8", "--", "-", "--13", "early 2017-08-01", "2017/08", "２０１７"]
)
def test_impossible_or_malformed_dates_are_refused(text: str) -> None:
    with pytest.raises(FieldError):
        PartialDate.parse(text)


def test_dates_without_a_year() -> None:
    date = PartialDate.parse("--02-29")
    assert (date.year, date.month, date.day) == (None, 2, 29)
    assert date.to_date() is None
    assert not date.is_exact
    assert PartialDate.parse("--07-02").certainly_before(PartialDate.parse("--07-10"))
    assert not PartialDate.parse("--07").certainly_before(PartialDate.parse("--07-10"))
    assert not PartialDate.parse("--07-02").certainly_before(PartialDate.parse("2017-07-10"))


@given(durations)
def test_durations_read_back_from_their_text(duration: Duration) -> None:
    assert Duration.parse(str(duration)) == duration


@pytest.mark.parametrize("text", ["0 days", "1 days", "2 day", "15", "15days", "3 fortnights", "-1 days", "10000 days"])
def test_malformed_durations_are_refused(text: str) -> None:
    with pytest.raises(FieldError):
        Duration.parse(text)


@pytest.mark.parametrize(
    "text", ["50.000,00", "50,000", "5_0000", "5e4", "1e999999999", "０１", "-5", "+5", "", "0x10", "1234567890123456"]
)
def test_amounts_have_one_written_form(text: str) -> None:
    with pytest.raises(FieldError):
        Money.parse(text)


@given(st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("999999999999999"), places=4))
def test_money_text_is_plain_decimal(amount: Decimal) -> None:
    money = Money(amount=amount)
    assert "E" not in money.text
    assert Money.parse(money.text) == money


def test_region_names_and_containment() -> None:
    county = Region(province="CN-HA", city="Shangqiu", district="Minquan County", district_zh="民权县")
    assert county.within(Region(province="CN-HA"))
    assert county.within(Region(province="CN-HA", city="shangqiu"))
    assert not county.within(Region(province="CN-HA", city="Xuchang"))
    assert county.province_name == "Henan"
    assert county.province_name_zh == "河南省"
    assert str(county) == "Minquan County, Shangqiu, Henan"


# --- parties and measures -----------------------------------------------------------------


def test_masked_names_stay_names() -> None:
    person = Person(name_zh="周某", role=PersonRole.PERSON_IN_CHARGE)
    assert person.masked
    assert person.label == "周某"
    respondent = Respondent(kind=RespondentKind.COMPANY, anonymised=True, name_zh="长沙某科技有限公司", description="x")
    assert respondent.masked
    assert respondent.display_name == "长沙某科技有限公司"
    assert not Person(name_en="Cheng Wei", role=PersonRole.EXECUTIVE).masked


def test_measures_that_are_not_penalties() -> None:
    assert MeasureKind.INTERVIEW.category is MeasureCategory.SUPERVISORY
    assert not Measure(kind=MeasureKind.INTERVIEW).is_penalty
    assert not Measure(kind=MeasureKind.SUSPENSION_OF_REGISTRATIONS, interim=True).is_penalty
    third = Measure(kind=MeasureKind.APP_REMOVAL, target=MeasureTarget.THIRD_PARTY, addressee="app stores")
    assert not third.is_penalty
    assert Measure(kind=MeasureKind.FINE, target=MeasureTarget.PERSONS).is_penalty


def test_per_person_totals() -> None:
    each = Money(amount=Decimal(10000))
    counted = Measure(kind=MeasureKind.FINE, target=MeasureTarget.PERSONS, amount=each, per_person=True, person_count=3)
    assert counted.total == Money(amount=Decimal(30000))
    assert counted.persons_known == 3
    unknown = Measure(kind=MeasureKind.FINE, target=MeasureTarget.PERSONS, amount=each, per_person=True)
    assert unknown.total is None
    assert unknown.persons_known is None
    named = Measure(
        kind=MeasureKind.FINE,
        target=MeasureTarget.PERSONS,
        amount=each,
        per_person=True,
        persons=(Person(name_en="Cheng Wei"), Person(name_en="Liu Qing")),
    )
    assert named.total == Money(amount=Decimal(20000))


def test_case_dates_status_and_year() -> None:
    case = _case(
        events=(
            _event("2017-08-11", EventKind.INVESTIGATION_OPENED),
            _event("2017-09"),
            _event("2017-09-25", EventKind.ANNOUNCED),
        ),
    )
    assert str(case.date) == "2017-09"
    assert case.year == 2017
    assert case.status is EventKind.ANNOUNCED
    assert not case.year_from_sources
    undated = _case(events=(Event(kind=EventKind.DECIDED, date=PartialDate.parse("--07-02")),))
    assert undated.year is None
    assert undated.year_from_sources


def test_sources_for_a_fact() -> None:
    official = Source(kind=SourceKind.OFFICIAL, publisher="CAC", url="https://www.cac.gov.cn/a", states=("measures",))
    commentary = Source(kind=SourceKind.COMMENTARY, url="https://law.example.com/a", states=("violations",))
    case = _case(sources=(official, commentary))
    assert case.sources_for("measures[0].amount") == (official,)
    assert case.sources_for("violations[2]") == (commentary,)
    assert case.sources_for("respondent.name_zh") == (official, commentary)


def test_instrument_texts_in_force(dataset: Any) -> None:
    csl = dataset.instruments["csl"]
    assert csl.version_at(dt.date(2017, 6, 1)).id == "2016"
    assert csl.version_at(dt.date(2026, 1, 1)).id == "2025"
    assert csl.version_at(dt.date(2000, 1, 1)) is None


@pytest.mark.parametrize(
    ("make", "field", "reason"),
    [
        pytest.param(lambda: FineRange(article=59), "maximum", "a minimum or a maximum", id="range-without-bounds"),
        pytest.param(
            lambda: FineRange(article=59, target=MeasureTarget.THIRD_PARTY, maximum=Money(amount=Decimal(1))),
            "target",
            "respondent or on persons",
            id="range-on-a-third-party",
        ),
        pytest.param(
            lambda: FineRange(article=59, minimum=Money(amount=Decimal(10)), maximum=Money(amount=Decimal(5))),
            "minimum",
            "must not exceed",
            id="range-upside-down",
        ),
        pytest.param(lambda: ArticleRenumbering(first=5, last=4, to=1), "last", "before first", id="run-backwards"),
        pytest.param(
            lambda: ArticleRenumbering(first=1, last=10, to=MAX_ARTICLE), "to", "beyond article", id="run-past-the-end"
        ),
        pytest.param(
            lambda: CitationExample(text="x" * 301, source="https://example.com/a"),
            "text",
            "at most 300",
            id="example-too-long",
        ),
        pytest.param(
            lambda: CitationExample(text="第一款", source="https://example.com/a", paragraph=1),
            "article",
            "needs an article",
            id="example-paragraph-without-article",
        ),
        pytest.param(
            lambda: Instrument(id="x", title_en="X Law", title_zh="某法", kind=InstrumentKind.LAW, versions=()),
            "versions",
            "at least one version",
            id="instrument-without-versions",
        ),
        pytest.param(
            lambda: Instrument(
                id="x",
                title_en="X Law",
                title_zh="某法",
                kind=InstrumentKind.LAW,
                versions=(InstrumentVersion(id="2020"), InstrumentVersion(id="2020")),
            ),
            "versions",
            "repeat",
            id="instrument-versions-repeat",
        ),
    ],
)
def test_catalogue_records_refuse_what_cannot_be_true(make: Callable[[], object], field: str, reason: str) -> None:
    with pytest.raises(FieldError, match=reason) as caught:
        make()
    assert caught.value.field == field


def test_a_fine_range_admits_only_its_currency() -> None:
    fine_range = FineRange(article=59, minimum=Money(amount=Decimal(10)), maximum=Money(amount=Decimal(100)))
    assert fine_range.admits(Money(amount=Decimal(50)))
    assert not fine_range.admits(Money(amount=Decimal(50), currency="USD"))
    assert not fine_range.admits(Money(amount=Decimal(500)))


def test_catalogues_compare_by_content_and_are_not_hashable() -> None:
    from cnenforce.catalogue import Catalogue

    instrument = Instrument(
        id="x", title_en="X Law", title_zh="某法", kind=InstrumentKind.LAW, versions=(InstrumentVersion(id="2020"),)
    )
    one, two = Catalogue.of([instrument], []), Catalogue.of([instrument], [])
    assert one == two
    assert one != Catalogue.of([], [])
    assert one.__eq__(object()) is NotImplemented
    assert one.campaign("nothing") is None
    assert "instruments=1" in repr(one)
    with pytest.raises(TypeError):
        hash(one)
