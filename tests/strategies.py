"""Hypothesis strategies that build valid model objects, shared by every property test.

One strategy per model class (:data:`EVERY_MODEL`; a test checks none is missing). No
``from_regex``: ids, URLs and texts are assembled from small alphabets, which is fast.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from cnenforce.model import (
    CURRENCIES,
    Action,
    App,
    ArticleRenumbering,
    Authority,
    Campaign,
    CampaignRef,
    Case,
    CitationExample,
    CitedProvision,
    Duration,
    Event,
    FineRange,
    Instrument,
    InstrumentVersion,
    Measure,
    Member,
    Money,
    PartialDate,
    Person,
    Provision,
    Region,
    Respondent,
    RetiredId,
    Source,
    UnnamedAuthority,
)
from cnenforce.regions import PROVINCES
from cnenforce.vocabulary import (
    ActionKind,
    AppKind,
    AuthorityKind,
    AuthorityLevel,
    DateQualifier,
    Disclosure,
    DurationUnit,
    EventKind,
    InstrumentKind,
    Language,
    MeasureKind,
    MeasureTarget,
    PersonRole,
    ProvisionRole,
    RespondentKind,
    Sector,
    SourceKind,
    Tag,
)

_ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,()-'《》、，网络安全法数据个人信息保护条腾讯公司"

text = st.text(alphabet=_ALPHABET, min_size=1, max_size=24).map(str.strip).filter(bool)
"""Clean text mixing Latin and CJK characters, no white space at either end."""
optional_text = st.none() | text
_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6)
identifiers = st.lists(_word, min_size=1, max_size=3).map("-".join)
case_ids = st.builds(
    lambda year, words: f"{year}-{'-'.join(words)}", st.integers(2000, 2026), st.lists(_word, min_size=1, max_size=3)
)
small_ints = st.integers(min_value=1, max_value=300)
optional_small_ints = st.none() | small_ints
urls = st.builds(
    lambda scheme, host, tld, path: f"{scheme}://{host}.{tld}/{path}",
    st.sampled_from(["http", "https"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10),
    st.sampled_from(["cn", "com", "org", "gov.cn"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789/_-.%网", max_size=20),
)

regions = st.builds(
    Region,
    province=st.sampled_from(sorted(PROVINCES)),
    city=st.none() | st.sampled_from(["Shantou", "Yibin", "Hangzhou"]),
    city_zh=st.none() | st.sampled_from(["汕头市", "宜宾市"]),
    district=st.none() | st.sampled_from(["Minquan County", "Haidian District"]),
    district_zh=st.none() | st.sampled_from(["民权县", "海淀区"]),
)


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1990, max_year: int = 2026) -> PartialDate:
    """Dates known to the year, the month or the day (some without a year), with a qualifier
    only when inexact."""
    date = draw(st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day", "month-no-year", "day-no-year"]))
    yearless = precision.endswith("no-year")
    exact_day = precision.startswith("day")
    return PartialDate(
        year=None if yearless else date.year,
        month=None if precision == "year" else date.month,
        day=date.day if exact_day else None,
        qualifier=None if exact_day else draw(st.none() | st.sampled_from(DateQualifier)),
    )


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000000"), places=2, allow_nan=False)
money = st.builds(Money, amount=amounts, currency=st.sampled_from(sorted(CURRENCIES)))
durations = st.builds(Duration, value=st.integers(1, 9999), unit=st.sampled_from(DurationUnit))


@st.composite
def sources(draw: st.DrawFn, count: int = 1) -> Source:
    """Sources of every kind: mirrors without publisher, official ones with one."""
    kind = draw(st.sampled_from(SourceKind))
    url = draw(st.none() | urls)
    published = draw(partial_dates()) if url is None else draw(st.none() | partial_dates())
    return Source(
        kind=kind,
        title=draw(text) if url is None else draw(optional_text),
        publisher=None
        if kind is SourceKind.MIRROR
        else (draw(text) if kind is SourceKind.OFFICIAL else draw(optional_text)),
        url=url,
        published=published,
        language=draw(st.sampled_from(Language)),
        authors=tuple(draw(st.lists(text, max_size=2, unique=True))),
        retrieved=draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2026, 11, 1))),
        archived_url=draw(st.none() | urls),
        copy_of=None,
        note=draw(optional_text),
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


cited_provisions = st.builds(CitedProvision, role=st.sampled_from(ProvisionRole), provision=provisions())


@st.composite
def persons(draw: st.DrawFn) -> Person:
    """Named, masked or role-only persons."""
    name = draw(st.none() | st.sampled_from(["周某", "王某某", "李**", "程维", "Liu Qing"]))
    role = draw(st.none() | st.sampled_from(PersonRole))
    return Person(
        name_zh=name if name and not name.isascii() else None,
        name_en=name if name and name.isascii() else None,
        role=role if (name or role) else PersonRole.LEGAL_REPRESENTATIVE,
        position=draw(optional_text),
    )


members = st.builds(Member, name_zh=text, name_en=optional_text, note=optional_text)
apps = st.builds(
    App,
    name=text,
    name_en=optional_text,
    kind=st.sampled_from(AppKind),
    version=optional_text,
    store=optional_text,
    operator=optional_text,
)


@st.composite
def respondents(draw: st.DrawFn) -> Respondent:
    """Named, masked and anonymised respondents, groups with members."""
    kind = draw(st.sampled_from(RespondentKind))
    anonymised = draw(st.booleans())
    masked = draw(st.booleans())
    name_zh = (
        (draw(st.sampled_from(["长沙某科技有限公司", "王某某"])) if masked else None) if anonymised else draw(text)
    )
    return Respondent(
        kind=kind,
        anonymised=anonymised,
        name_en=None if anonymised else draw(optional_text),
        name_zh=name_zh,
        description=draw(text) if anonymised else draw(optional_text),
        description_zh=draw(optional_text),
        aliases=tuple(draw(st.lists(text, max_size=2, unique=True))),
        region=draw(st.none() | regions),
        sector=draw(st.none() | st.sampled_from(Sector)),
        services=tuple(draw(st.lists(text, max_size=2, unique=True))),
        parent=draw(optional_text),
        members=tuple(draw(st.lists(members, max_size=3))) if kind is RespondentKind.GROUP else (),
    )


unnamed_authorities = st.builds(
    UnnamedAuthority,
    kind=st.sampled_from(AuthorityKind),
    level=st.none() | st.sampled_from(AuthorityLevel),
    region=st.none() | regions,
    description=optional_text,
    description_zh=optional_text,
)
campaign_refs = st.builds(
    CampaignRef, id=st.sampled_from(["jingwang", "huwang", "qinglang"]), year=st.none() | st.integers(2018, 2026)
)


@st.composite
def measures(draw: st.DrawFn) -> Measure:
    """Measures of every kind and target, each field only where it may be."""
    kind = draw(st.sampled_from(MeasureKind))
    targets = [MeasureTarget.RESPONDENT, MeasureTarget.PERSONS]
    target = draw(st.sampled_from(targets if kind.is_penalty else [*targets, MeasureTarget.THIRD_PARTY]))
    on_persons = target is MeasureTarget.PERSONS
    amount = draw(st.none() | money) if kind.has_amount else None
    named = tuple(draw(st.lists(persons(), max_size=3))) if on_persons else ()
    count = draw(st.none() | st.integers(max(len(named), 1), 20)) if on_persons else None
    third = target is MeasureTarget.THIRD_PARTY
    return Measure(
        kind=kind,
        target=target,
        amount=amount,
        per_person=draw(st.booleans()) if on_persons and amount is not None else False,
        persons=named,
        person_count=count,
        addressee=draw(text) if third else None,
        addressee_zh=draw(optional_text) if third else None,
        duration=draw(st.none() | durations) if kind.has_duration else None,
        interim=draw(st.booleans()),
        basis=tuple(draw(st.lists(provisions(), max_size=2))),
        note=draw(optional_text),
    )


events = st.builds(
    Event,
    kind=st.sampled_from(EventKind),
    date=st.none() | partial_dates(),
    authority=st.none() | identifiers,
    note=optional_text,
)


def _in_order(items: list[Event]) -> tuple[Event, ...]:
    return tuple(sorted(items, key=lambda event: event.date.sort_key() if event.date else (0, 0, 0)))


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """Cases whose measures agree with their disclosure and whose events are in order."""
    disclosure = draw(st.sampled_from(Disclosure))
    stated = disclosure is Disclosure.STATED
    national = draw(st.booleans())
    dated = list(draw(st.lists(events, max_size=3)))
    return Case(
        id=draw(case_ids),
        title=draw(text),
        summary=draw(text),
        respondent=draw(respondents()),
        measures_disclosure=disclosure,
        title_zh=draw(optional_text),
        summary_zh=draw(optional_text),
        action=draw(st.none() | identifiers),
        apps=tuple(draw(st.lists(apps, max_size=2))),
        authorities=tuple(draw(st.lists(identifiers, max_size=3, unique=True))),
        unnamed_authorities=tuple(draw(st.lists(unnamed_authorities, max_size=1))),
        region=None if national else draw(st.none() | regions),
        national=national,
        campaigns=tuple(draw(st.lists(campaign_refs, max_size=1))),
        violations=tuple(draw(st.lists(provisions(), max_size=3))),
        cited=tuple(draw(st.lists(provisions(), max_size=2))),
        tags=tuple(draw(st.lists(st.sampled_from(Tag), max_size=3, unique=True))),
        events=_in_order(dated),
        measures=tuple(draw(st.lists(measures(), min_size=1, max_size=3))) if stated else (),
        sources=tuple(draw(st.lists(sources(), min_size=1, max_size=2))),
        note=draw(optional_text),
    )


@st.composite
def actions(draw: st.DrawFn) -> Action:
    """Actions of every kind."""
    national = draw(st.booleans())
    return Action(
        id=draw(identifiers),
        kind=draw(st.sampled_from(ActionKind)),
        title=draw(text),
        title_zh=draw(optional_text),
        document_number=draw(optional_text),
        published=draw(st.none() | partial_dates()),
        authorities=tuple(draw(st.lists(identifiers, max_size=2, unique=True))),
        unnamed_authorities=tuple(draw(st.lists(unnamed_authorities, max_size=1))),
        region=None if national else draw(st.none() | regions),
        national=national,
        campaigns=tuple(draw(st.lists(campaign_refs, max_size=1))),
        respondents_stated=draw(optional_small_ints),
        complete=draw(st.booleans()),
        sources=tuple(draw(st.lists(sources(), min_size=1, max_size=2))),
        note=draw(optional_text),
    )


retired_ids = st.builds(RetiredId, id=case_ids, reason=text, replaced_by=st.none() | case_ids)


@st.composite
def fine_ranges(draw: st.DrawFn) -> FineRange:
    """Ranges with a minimum, a maximum or both, in one currency."""
    low = draw(st.none() | st.integers(1, 1_000_000))
    high = draw(st.none() | st.integers(low or 1, 10_000_000)) if low is not None else draw(st.integers(1, 10_000_000))
    return FineRange(
        article=draw(small_ints),
        paragraph=draw(st.none() | st.integers(1, 5)),
        target=draw(st.sampled_from([MeasureTarget.RESPONDENT, MeasureTarget.PERSONS])),
        minimum=None if low is None else Money(amount=Decimal(low)),
        maximum=None if high is None else Money(amount=Decimal(high)),
        condition=draw(optional_text),
    )


@st.composite
def renumberings(draw: st.DrawFn) -> ArticleRenumbering:
    """Runs of articles moved to a new number."""
    first = draw(small_ints)
    return ArticleRenumbering(
        first=first, last=draw(st.integers(first, first + 50)), to=draw(small_ints), note=draw(optional_text)
    )


instrument_versions = st.builds(
    InstrumentVersion,
    id=identifiers,
    adopted=st.none() | partial_dates(),
    promulgated=st.none() | partial_dates(),
    effective=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)),
    articles=optional_small_ints,
    fine_ranges=st.lists(fine_ranges(), max_size=2).map(tuple),
    renumbering=st.lists(renumberings(), max_size=1).map(tuple),
    note=optional_text,
)


@st.composite
def citation_examples(draw: st.DrawFn) -> CitationExample:
    """Examples naming the whole instrument, an article, or a paragraph or item of one."""
    article = draw(st.none() | small_ints)
    return CitationExample(
        text=draw(text),
        source=draw(urls),
        article=article,
        paragraph=None if article is None else draw(st.none() | st.integers(1, 5)),
        item=None if article is None else draw(st.none() | st.integers(1, 9)),
        version=draw(st.none() | identifiers),
        at=draw(st.none() | partial_dates()),
    )


instruments = st.builds(
    Instrument,
    id=identifiers,
    title_en=text,
    title_zh=text,
    kind=st.sampled_from(InstrumentKind),
    short_title_en=optional_text,
    short_title_zh=optional_text,
    abbreviations=st.lists(text, max_size=2, unique=True).map(tuple),
    aliases_en=st.lists(text, max_size=2, unique=True).map(tuple),
    aliases_zh=st.lists(text, max_size=2, unique=True).map(tuple),
    issuers=st.lists(text, max_size=2, unique=True).map(tuple),
    document_number=optional_text,
    versions=st.lists(instrument_versions, min_size=1, max_size=2, unique_by=lambda v: v.id).map(tuple),
    sources=st.lists(sources(), max_size=1).map(tuple),
    examples=st.lists(citation_examples(), max_size=2).map(tuple),
)


@st.composite
def authorities(draw: st.DrawFn) -> Authority:
    """National authorities without a region, others with one."""
    level = draw(st.sampled_from(AuthorityLevel))
    return Authority(
        id=draw(identifiers),
        name_en=draw(text),
        name_zh=draw(optional_text),
        kind=draw(st.sampled_from(AuthorityKind)),
        level=level,
        region=None if level is AuthorityLevel.NATIONAL else draw(regions),
        parent=draw(st.none() | identifiers),
        aliases=tuple(draw(st.lists(text, max_size=2, unique=True))),
        sources=tuple(draw(st.lists(sources(), max_size=1))),
    )


campaigns = st.builds(
    Campaign,
    id=identifiers,
    name_en=text,
    name_zh=text,
    description=optional_text,
    authority_kinds=st.lists(st.sampled_from(AuthorityKind), max_size=2).map(tuple),
    sources=st.lists(sources(), max_size=1).map(tuple),
)

EVERY_MODEL = {
    Region: regions,
    PartialDate: partial_dates(),
    Money: money,
    Duration: durations,
    Source: sources(),
    Provision: provisions(),
    CitedProvision: cited_provisions,
    Person: persons(),
    Member: members,
    App: apps,
    Respondent: respondents(),
    UnnamedAuthority: unnamed_authorities,
    CampaignRef: campaign_refs,
    Measure: measures(),
    Event: events,
    Case: cases(),
    Action: actions(),
    RetiredId: retired_ids,
    FineRange: fine_ranges(),
    ArticleRenumbering: renumberings(),
    InstrumentVersion: instrument_versions,
    CitationExample: citation_examples(),
    Instrument: instruments,
    Authority: authorities(),
    Campaign: campaigns,
}
"""One strategy per model class."""
