"""Summary statistics over any collection of cases: a dataset, a selection, a list.

>>> import cnenforce
>>> dataset = cnenforce.load()
>>> yibin = cnenforce.select(dataset, place="Sichuan", since="2017", until="2017").where(fine_min=1)
>>> summary = yibin.statistics()
>>> summary.fines_on_persons
mappingproxy({'CNY': Decimal('5000')})
>>> [(group.key, group.cases) for group in summary.groups["year"]]
[('2017', 1)]

Counting rules:

- **one case is one respondent in one action.** A case counts once in each group it belongs
  to: once per year, month, province, sector and disclosure (each case has exactly one, or
  ``"unknown"``), and once per authority, authority kind and level, instrument, article, tag,
  campaign, measure kind and penalty kind it has (a case may have several, or none);
- **penalties and other measures are kept apart.** Only measures that are penalties count as
  penalties (:attr:`Measure.is_penalty <cnenforce.model.Measure.is_penalty>`): interviews,
  orders to correct, public naming, removals, interim measures during a review and measures
  on third parties (app stores told to take an app down) are counted apart, as other
  measures;
- **organisations and persons are kept apart.** Fines on the respondent (a company,
  organisation or individual: ``target="respondent"``) and fines on persons responsible
  within it (``target="persons"``) are totalled separately (:attr:`Statistics.on_respondents`,
  :attr:`Statistics.on_persons`), per currency, and never added together;
- **only stated amounts are summed.** A fine's amount is its total (:attr:`Measure.total
  <cnenforce.model.Measure.total>`): a per-person fine counts once per person. A per-person
  fine whose number of persons the sources do not give is *counted*
  (``per_person_fines_uncounted``, :attr:`Fines.uncounted`) but its amount is left out of
  totals, medians and maxima: it is never added once as if one person had been fined. Fines
  of undisclosed amount are counted (``fines_undisclosed``), never guessed;
- **medians and maxima** are over fines (measures) with a known total, per currency and per
  target;
- **fines in groups:** each group (:class:`Group`) carries the fines of its cases. For the
  single-valued groupings (year, month, province, sector, disclosure) the groups' counts and
  totals add up to the whole; for the others a case's fines count in full in every group the
  case is in, so their groups can add up to more than the whole.

Ordering: every mapping of counts, and every tuple of groups, is ordered by count (highest
first), then key, except years and months, which are in calendar order (``"unknown"`` last);
amounts are in currency order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final

import attrs

from cnenforce._collector import collector_paused
from cnenforce.catalogue import Catalogue
from cnenforce.model import Case, Measure
from cnenforce.vocabulary import MeasureKind, MeasureTarget

__all__ = ["GROUPINGS", "Fines", "Group", "Statistics", "statistics"]

GROUPINGS: Final = (
    "year",
    "month",
    "province",
    "authority",
    "authority_kind",
    "authority_level",
    "instrument",
    "article",
    "measure_kind",
    "penalty_kind",
    "tag",
    "sector",
    "campaign",
    "disclosure",
)
"""The names of the groupings in :attr:`Statistics.groups`."""
_CHRONOLOGICAL: Final = frozenset({"year", "month"})
UNKNOWN: Final = "unknown"
"""The key of the group of cases for which a single-valued grouping has no value."""


def _by_count(counter: Counter[str]) -> Mapping[str, int]:
    return MappingProxyType(dict(sorted(counter.items(), key=lambda item: (-item[1], item[0]))))


def _by_key(counter: Counter[str]) -> Mapping[str, int]:
    return MappingProxyType(dict(sorted(counter.items())))


def _amounts(totals: Mapping[str, Decimal]) -> Mapping[str, Decimal]:
    return MappingProxyType(dict(sorted(totals.items())))


@attrs.frozen(kw_only=True)
class Fines:
    """Fines counted as penalties on one kind of target: respondents, or persons."""

    count: int
    """Fines (measures)."""
    stated: int
    """Fines with a known total."""
    undisclosed: int
    """Fines whose amount the sources do not give."""
    uncounted: int
    """Per-person fines on a number of persons the sources do not give (amount known per
    person, total not): counted, left out of the amounts below."""
    totals: Mapping[str, Decimal]
    """Currency -> sum of the known totals."""
    median: Mapping[str, Decimal]
    """Currency -> median of the known totals (the mean of the middle two for an even number)."""
    largest: Mapping[str, Decimal]
    """Currency -> the largest known total."""


@attrs.frozen(kw_only=True)
class Group:
    """The cases that share one key of a grouping (one year, one authority, one tag ...)."""

    key: str
    """The year (``"2017"``), month (``"2017-08"``), province code (or ``"national"``),
    authority id, kind or level, instrument id, article (``"csl 21 (2016)"``: instrument,
    article and, where cited, the text), measure or penalty kind, tag, sector, campaign id or
    disclosure; ``"unknown"`` for cases without one, in single-valued groupings."""
    cases: int
    fines_on_respondents: Mapping[str, Decimal]
    """Currency -> total of the stated fines on respondents of these cases."""
    fines_on_persons: Mapping[str, Decimal]
    """Currency -> total of the stated fines on persons of these cases."""
    fines_undisclosed: int
    """Fines of undisclosed amount in these cases."""


@attrs.frozen(kw_only=True)
class Statistics:
    """Counts and totals over a set of cases; read-only (see the module docs for the rules).

    Mappings of counts are ordered by count (highest first), then key, except ``by_year`` and
    ``by_month``, which are in calendar order; amounts are in currency order.
    """

    cases: int
    by_year: Mapping[str, int]
    """Year of the case's reference date (``"unknown"`` when it has none), in year order."""
    by_province: Mapping[str, int]
    """Province code; ``"national"`` for nationwide actions; ``"unknown"`` for neither."""
    by_authority: Mapping[str, int]
    by_authority_kind: Mapping[str, int]
    """Authority kind, of named and unnamed authorities alike (each kind once per case)."""
    by_instrument: Mapping[str, int]
    by_tag: Mapping[str, int]
    by_campaign: Mapping[str, int]
    by_measure_kind: Mapping[str, int]
    """Cases with at least one measure of each kind (penalty or not)."""
    by_penalty_kind: Mapping[str, int]
    """Cases with at least one penalty of each kind (see :attr:`Measure.is_penalty`)."""
    by_disclosure: Mapping[str, int]
    penalised: int
    """Cases with at least one penalty."""
    other_measures: int
    """Measures that are not penalties (interviews, orders, naming, removals, interim and
    third-party measures)."""
    respondents_fined: int
    """Cases with a fine on the respondent itself."""
    persons_fined: int
    """Persons fined, where the number is known (named, or counted by the source)."""
    per_person_fines_uncounted: int
    """Per-person fines whose number of persons the sources do not give: counted here, their
    amounts left out of ``fines_on_persons``."""
    fines_on_respondents: Mapping[str, Decimal]
    """Currency -> total of stated fines on respondents."""
    fines_on_persons: Mapping[str, Decimal]
    """Currency -> total of stated fines on persons (per-person amounts times persons)."""
    fines_undisclosed: int
    """Fines whose amount the sources do not give."""
    anonymised_respondents: int
    by_month: Mapping[str, int]
    """``"YYYY-MM"`` of the reference date (``"unknown"`` without a year and month), in order."""
    by_authority_level: Mapping[str, int]
    """Authority level, of named and unnamed authorities alike (each level once per case)."""
    by_article: Mapping[str, int]
    """Article cited (``"csl 21 (2016)"``, see :attr:`Group.key`), in any role."""
    by_sector: Mapping[str, int]
    """The respondent's sector (``"unknown"`` when not given)."""
    on_respondents: Fines
    """Fines on respondents: counts, totals, median and largest per currency."""
    on_persons: Fines
    """Fines on persons within respondents: counts, totals, median and largest per currency."""
    groups: Mapping[str, tuple[Group, ...]]
    """Grouping name (:data:`GROUPINGS`) -> its groups, each with its count and fines, in the
    order of the matching ``by_*`` mapping."""


class _Tally:
    """Counts and fine totals per key of one grouping."""

    __slots__ = ("keys", "persons", "respondents", "undisclosed")

    def __init__(self) -> None:
        self.keys: list[str] = []
        """Each case's keys, one after the other (counted at the end, in C)."""
        self.respondents: dict[str, dict[str, Decimal]] = {}
        self.persons: dict[str, dict[str, Decimal]] = {}
        self.undisclosed: Counter[str] = Counter()

    def add(self, keys: Collection[str], fines: _CaseFines | None) -> None:
        self.keys.extend(keys)
        if fines is None:
            return
        for key in keys:
            for totals, own in ((self.respondents, fines.respondents), (self.persons, fines.persons)):
                if own:
                    into = totals.setdefault(key, {})
                    for currency, amount in own.items():
                        into[currency] = into.get(currency, Decimal(0)) + amount
            if fines.undisclosed:
                self.undisclosed[key] += fines.undisclosed

    def groups(self, ordered: Mapping[str, int]) -> tuple[Group, ...]:
        return tuple(
            Group(
                key=key,
                cases=count,
                fines_on_respondents=_amounts(self.respondents.get(key, {})),
                fines_on_persons=_amounts(self.persons.get(key, {})),
                fines_undisclosed=self.undisclosed.get(key, 0),
            )
            for key, count in ordered.items()
        )


class _CaseFines:
    """One case's stated fine totals per currency, and its fines of undisclosed amount."""

    __slots__ = ("persons", "respondents", "undisclosed")

    def __init__(self) -> None:
        self.respondents: dict[str, Decimal] = {}
        self.persons: dict[str, Decimal] = {}
        self.undisclosed = 0


class _FineTally:
    """Fines on one kind of target, as they are counted."""

    __slots__ = ("amounts", "count", "uncounted", "undisclosed")

    def __init__(self) -> None:
        self.count = 0
        self.undisclosed = 0
        self.uncounted = 0
        self.amounts: dict[str, list[Decimal]] = {}

    def result(self) -> Fines:
        return Fines(
            count=self.count,
            stated=sum(len(values) for values in self.amounts.values()),
            undisclosed=self.undisclosed,
            uncounted=self.uncounted,
            totals=_amounts({c: sum(v, Decimal(0)) for c, v in self.amounts.items()}),
            median=_amounts({c: _median(v) for c, v in self.amounts.items()}),
            largest=_amounts({c: max(v) for c, v in self.amounts.items()}),
        )


def _median(values: list[Decimal]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _article_key(instrument: str, article: int, version: str | None) -> str:
    return f"{instrument} {article}" + (f" ({version})" if version else "")


def _keys(case: Case, catalogue: Catalogue) -> Iterator[tuple[str, Collection[str]]]:
    date = case.date
    year = None if date is None else date.year
    yield "year", (UNKNOWN if year is None else str(year),)
    month = None if date is None or date.year is None or date.month is None else f"{date.year:04d}-{date.month:02d}"
    yield "month", (month or UNKNOWN,)
    yield "province", ("national" if case.national else case.region.province if case.region else UNKNOWN,)
    yield "authority", case.authorities
    kinds = {unnamed.kind.value for unnamed in case.unnamed_authorities}
    levels = {unnamed.level.value for unnamed in case.unnamed_authorities if unnamed.level is not None}
    for authority_id in case.authorities:
        authority = catalogue.authorities.get(authority_id)
        if authority is not None:
            kinds.add(authority.kind.value)
            levels.add(authority.level.value)
    yield "authority_kind", kinds
    yield "authority_level", levels
    citations = case.citations()
    instruments = {c.provision.instrument for c in citations if c.provision.instrument is not None}
    yield "instrument", instruments
    yield (
        "article",
        {
            _article_key(c.provision.instrument or c.provision.title or "", c.provision.article, c.provision.version)
            for c in citations
            if c.provision.article is not None
        },
    )
    yield "measure_kind", {measure.kind.value for measure in case.measures}
    yield "penalty_kind", {measure.kind.value for measure in case.measures if measure.is_penalty}
    yield "tag", {tag.value for tag in case.tags}
    yield "sector", (case.respondent.sector.value if case.respondent.sector is not None else UNKNOWN,)
    yield "campaign", {campaign.id for campaign in case.campaigns}
    yield "disclosure", (case.measures_disclosure.value,)


def _is_fine(measure: Measure) -> bool:
    return measure.kind is MeasureKind.FINE and measure.is_penalty


def statistics(cases: Iterable[Case], *, catalogue: Catalogue | None = None) -> Statistics:
    """Compute :class:`Statistics` over *cases*, whose authorities *catalogue* describes.

    *catalogue* may be left out when *cases* is a :class:`~cnenforce.dataset.Dataset` or a
    :class:`~cnenforce.query.Selection` (anything with a ``catalogue``); ``TypeError``
    otherwise.
    """
    if catalogue is None:
        found = getattr(cases, "catalogue", None)
        if not isinstance(found, Catalogue):
            raise TypeError("statistics() needs catalogue=, the catalogue that describes the cases' authorities")
        catalogue = found
    with collector_paused():
        return _compute(tuple(cases), catalogue)


def _compute(cases: tuple[Case, ...], catalogue: Catalogue) -> Statistics:
    tallies = {grouping: _Tally() for grouping in GROUPINGS}
    on = {MeasureTarget.RESPONDENT: _FineTally(), MeasureTarget.PERSONS: _FineTally()}
    penalised = other = respondents_fined = persons_fined = 0
    for case in cases:
        penalties = case.penalties
        penalised += bool(penalties)
        other += len(case.measures) - len(penalties)
        own: _CaseFines | None = None
        fined_respondent = False
        for measure in penalties:
            if not _is_fine(measure):
                continue
            own = own or _CaseFines()
            tally = on[MeasureTarget.PERSONS if measure.target is MeasureTarget.PERSONS else MeasureTarget.RESPONDENT]
            tally.count += 1
            if measure.target is MeasureTarget.PERSONS:
                known = measure.persons_known
                if known is None:
                    tally.uncounted += measure.per_person
                else:
                    persons_fined += known
            else:
                fined_respondent = True
            if measure.amount is None:
                tally.undisclosed += 1
                own.undisclosed += 1
                continue
            total = measure.total
            if total is None:
                continue
            tally.amounts.setdefault(total.currency, []).append(total.amount)
            into = own.persons if measure.target is MeasureTarget.PERSONS else own.respondents
            into[total.currency] = into.get(total.currency, Decimal(0)) + total.amount
        respondents_fined += fined_respondent
        for grouping, keys in _keys(case, catalogue):
            tallies[grouping].add(keys, own)
    ordered = {
        grouping: (_by_key if grouping in _CHRONOLOGICAL else _by_count)(Counter(tally.keys))
        for grouping, tally in tallies.items()
    }
    respondents, persons = on[MeasureTarget.RESPONDENT].result(), on[MeasureTarget.PERSONS].result()
    return Statistics(
        cases=len(cases),
        by_year=ordered["year"],
        by_province=ordered["province"],
        by_authority=ordered["authority"],
        by_authority_kind=ordered["authority_kind"],
        by_instrument=ordered["instrument"],
        by_tag=ordered["tag"],
        by_campaign=ordered["campaign"],
        by_measure_kind=ordered["measure_kind"],
        by_penalty_kind=ordered["penalty_kind"],
        by_disclosure=ordered["disclosure"],
        penalised=penalised,
        other_measures=other,
        respondents_fined=respondents_fined,
        persons_fined=persons_fined,
        per_person_fines_uncounted=persons.uncounted,
        fines_on_respondents=respondents.totals,
        fines_on_persons=persons.totals,
        fines_undisclosed=respondents.undisclosed + persons.undisclosed,
        anonymised_respondents=sum(case.respondent.anonymised for case in cases),
        by_month=ordered["month"],
        by_authority_level=ordered["authority_level"],
        by_article=ordered["article"],
        by_sector=ordered["sector"],
        on_respondents=respondents,
        on_persons=persons,
        groups=MappingProxyType({grouping: tallies[grouping].groups(ordered[grouping]) for grouping in GROUPINGS}),
    )
