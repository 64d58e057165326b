"""Hypothesis strategies that build valid model objects, shared by every property test."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from cnenforce.model import (
    CURRENCIES,
    Authority,
    Case,
    Entity,
    Event,
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
from cnenforce.regions import PROVINCES
from cnenforce.vocabulary import (
    AuthorityKind,
    AuthorityLevel,
    DateQualifier,
    EntityKind,
    EventKind,
    InstrumentKind,
    PenaltyDisclosure,
    PenaltyKind,
    PenaltyTarget,
    Sector,
    Tag,
)

# Printable text without surrounding white space, mixing Latin and CJK characters.
text = (
    st.text(
        alphabet=st.sampled_from(
            "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,()-'《》、，网络安全法数据个人信息保护条"
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
optional_text = st.none() | text
identifiers = st.from_regex(r"\A[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}\Z")
case_ids = st.from_regex(r"\A20[0-2][0-9](-[a-z0-9]{1,8}){1,4}\Z")
small_ints = st.integers(min_value=1, max_value=300)
optional_small_ints = st.none() | small_ints

regions = st.builds(
    Region,
    province=st.sampled_from(sorted(PROVINCES)),
    city=st.none() | st.sampled_from(["Shantou", "Yibin", "Hangzhou"]),
)


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1990, max_year: int = 2026) -> PartialDate:
    """Dates known to the year, the month or the day, with a qualifier only when inexact."""
    date = draw(st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    qualifier = None if precision == "day" else draw(st.none() | st.sampled_from(DateQualifier))
    return PartialDate(
        year=date.year,
        month=None if precision == "year" else date.month,
        day=date.day if precision == "day" else None,
        qualifier=qualifier,
    )


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000000"), places=2, allow_nan=False)
money = st.builds(Money, amount=amounts, currency=st.sampled_from(sorted(CURRENCIES)))
urls = st.from_regex(r"\Ahttps?://[a-z]{1,10}\.(cn|com|org)/[a-z0-9/_-]{0,20}\Z")

sources = st.builds(
    Source,
    title=text,
    publisher=text,
    url=st.none() | urls,
    published=st.none() | partial_dates(),
    language=st.sampled_from(["en", "zh"]),
    authors=st.lists(text, max_size=2).map(tuple),
    retrieved=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2026, 11, 1)),
    archived_url=st.none() | urls,
    note=optional_text,
)


@st.composite
def provisions(draw: st.DrawFn) -> Provision:
    """Resolved or unresolved provisions, down to paragraph and item."""
    resolved = draw(st.booleans())
    article = draw(optional_small_ints)
    return Provision(
        instrument=draw(identifiers) if resolved else None,
        title=None if resolved else draw(text),
        article=article,
        paragraph=None if article is None else draw(st.none() | st.integers(1, 9)),
        item=None if article is None else draw(st.none() | st.integers(1, 9)),
        version=draw(st.none() | st.sampled_from(["2016", "2025"])),
    )


@st.composite
def penalties(draw: st.DrawFn) -> Penalty:
    """Penalties of every kind; amounts only on fines and confiscations."""
    kind = draw(st.sampled_from(PenaltyKind))
    target = draw(st.sampled_from(PenaltyTarget))
    has_amount = kind in (PenaltyKind.FINE, PenaltyKind.CONFISCATION)
    return Penalty(
        kind=kind,
        target=target,
        amount=draw(st.none() | money) if has_amount else None,
        days=draw(st.none() | st.integers(1, 365)),
        person=draw(optional_text) if target is PenaltyTarget.RESPONSIBLE_PERSON else None,
        basis=tuple(draw(st.lists(provisions(), max_size=2))),
        note=draw(optional_text),
    )


@st.composite
def entities(draw: st.DrawFn) -> Entity:
    """Named and anonymised respondents."""
    anonymised = draw(st.booleans())
    return Entity(
        kind=draw(st.sampled_from(EntityKind)),
        anonymised=anonymised,
        name_en=None if anonymised else draw(text),
        name_zh=None if anonymised else draw(optional_text),
        description=draw(text) if anonymised else draw(optional_text),
        description_zh=draw(optional_text),
        aliases=tuple(draw(st.lists(text, max_size=2))),
        region=draw(st.none() | regions),
        sector=draw(st.none() | st.sampled_from(Sector)),
        services=tuple(draw(st.lists(text, max_size=2))),
        parent=draw(optional_text),
    )


events = st.builds(
    Event,
    kind=st.sampled_from(EventKind),
    date=st.none() | partial_dates(),
    authority=st.none() | identifiers,
    note=optional_text,
)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """Cases whose penalty list agrees with their penalty disclosure."""
    disclosure = draw(st.sampled_from(PenaltyDisclosure))
    stated = disclosure is PenaltyDisclosure.STATED
    return Case(
        id=draw(case_ids),
        title=draw(text),
        summary=draw(text),
        respondent=draw(entities()),
        penalty_disclosure=disclosure,
        title_zh=draw(optional_text),
        summary_zh=draw(optional_text),
        authorities=tuple(draw(st.lists(identifiers, max_size=3, unique=True))),
        authority_note=draw(optional_text),
        region=draw(st.none() | regions),
        joint_action=draw(st.none() | identifiers),
        violations=tuple(draw(st.lists(provisions(), max_size=3))),
        tags=tuple(draw(st.lists(st.sampled_from(Tag), max_size=3, unique=True))),
        events=tuple(draw(st.lists(events, max_size=3))),
        penalties=tuple(draw(st.lists(penalties(), min_size=1, max_size=3))) if stated else (),
        sources=tuple(draw(st.lists(sources, min_size=1, max_size=2))),
    )


@st.composite
def fine_ranges(draw: st.DrawFn) -> FineRange:
    """Ranges with a minimum, a maximum or both, in one currency."""
    low = draw(st.none() | st.integers(1, 1_000_000))
    high = draw(st.none() | st.integers(low or 1, 10_000_000)) if low is not None else draw(st.integers(1, 10_000_000))
    return FineRange(
        article=draw(small_ints),
        paragraph=draw(st.none() | st.integers(1, 5)),
        target=draw(st.sampled_from(PenaltyTarget)),
        minimum=None if low is None else Money(amount=Decimal(low)),
        maximum=None if high is None else Money(amount=Decimal(high)),
        condition=draw(optional_text),
    )


instrument_versions = st.builds(
    InstrumentVersion,
    id=identifiers,
    adopted=st.none() | partial_dates(),
    promulgated=st.none() | partial_dates(),
    effective=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)),
    articles=optional_small_ints,
    fine_ranges=st.lists(fine_ranges(), max_size=2).map(tuple),
    note=optional_text,
)

instruments = st.builds(
    Instrument,
    id=identifiers,
    title_en=text,
    title_zh=text,
    kind=st.sampled_from(InstrumentKind),
    short_title_en=optional_text,
    short_title_zh=optional_text,
    abbreviations=st.lists(text, max_size=2).map(tuple),
    aliases_en=st.lists(text, max_size=2).map(tuple),
    aliases_zh=st.lists(text, max_size=2).map(tuple),
    issuers=st.lists(text, max_size=2).map(tuple),
    document_number=optional_text,
    versions=st.lists(instrument_versions, min_size=1, max_size=2, unique_by=lambda v: v.id).map(tuple),
    sources=st.lists(sources, max_size=1).map(tuple),
)

authorities = st.builds(
    Authority,
    id=identifiers,
    name_en=text,
    name_zh=optional_text,
    kind=st.sampled_from(AuthorityKind),
    level=st.sampled_from(AuthorityLevel),
    region=st.none() | regions,
    parent=st.none() | identifiers,
    aliases=st.lists(text, max_size=2).map(tuple),
    sources=st.lists(sources, max_size=1).map(tuple),
)

EVERY_MODEL = {
    "Region": regions,
    "PartialDate": partial_dates(),
    "Money": money,
    "Source": sources,
    "Provision": provisions(),
    "Penalty": penalties(),
    "Entity": entities(),
    "Event": events,
    "Case": cases(),
    "FineRange": fine_ranges(),
    "InstrumentVersion": instrument_versions,
    "Instrument": instruments,
    "Authority": authorities,
}
"""One strategy per model class, by class name."""
