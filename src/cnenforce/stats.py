"""Summary statistics over cases.

Counting rules (also in the README): one case is one respondent in one action; a case counts
once per year, province, authority, instrument and tag it has. Fines are totalled only where
the amount is stated, separately for organisations and for responsible persons, per currency;
fines of undisclosed amount are counted, never guessed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from cnenforce.model import Case
from cnenforce.vocabulary import PenaltyKind, PenaltyTarget

__all__ = ["Statistics", "statistics"]


def _sorted_counts(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


@attrs.frozen(kw_only=True)
class Statistics:
    """Counts and totals over a set of cases. Mappings are ordered by count, then key."""

    cases: int
    by_year: Mapping[str, int]
    """Year of the case's reference date (``"unknown"`` when undated), in year order."""
    by_province: Mapping[str, int]
    by_authority: Mapping[str, int]
    by_instrument: Mapping[str, int]
    by_tag: Mapping[str, int]
    by_penalty_kind: Mapping[str, int]
    """Cases with at least one penalty of each kind."""
    by_penalty_disclosure: Mapping[str, int]
    fines_on_organisations: Mapping[str, Decimal]
    """Currency -> total of stated fines on respondents."""
    fines_on_persons: Mapping[str, Decimal]
    """Currency -> total of stated fines on responsible persons."""
    fines_undisclosed: int
    """Fines whose amount the sources do not give."""
    anonymised_respondents: int


def statistics(cases: Iterable[Case]) -> Statistics:
    """Compute :class:`Statistics` over *cases*."""
    cases = tuple(cases)
    years: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    authorities: Counter[str] = Counter()
    instruments: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    disclosure: Counter[str] = Counter()
    organisations: dict[str, Decimal] = {}
    persons: dict[str, Decimal] = {}
    undisclosed = 0
    for case in cases:
        years[str(case.date.year) if case.date else "unknown"] += 1
        if case.region is not None:
            provinces[case.region.province] += 1
        authorities.update(case.authorities)
        instruments.update(case.instruments)
        tags.update(tag.value for tag in case.tags)
        kinds.update({penalty.kind.value for penalty in case.penalties})
        disclosure[case.penalty_disclosure.value] += 1
        for penalty in case.penalties:
            if penalty.kind is not PenaltyKind.FINE:
                continue
            if penalty.amount is None:
                undisclosed += 1
                continue
            totals = organisations if penalty.target is PenaltyTarget.ORGANISATION else persons
            currency = penalty.amount.currency
            totals[currency] = totals.get(currency, Decimal(0)) + penalty.amount.amount
    return Statistics(
        cases=len(cases),
        by_year=dict(sorted(years.items())),
        by_province=_sorted_counts(provinces),
        by_authority=_sorted_counts(authorities),
        by_instrument=_sorted_counts(instruments),
        by_tag=_sorted_counts(tags),
        by_penalty_kind=_sorted_counts(kinds),
        by_penalty_disclosure=_sorted_counts(disclosure),
        fines_on_organisations=dict(sorted(organisations.items())),
        fines_on_persons=dict(sorted(persons.items())),
        fines_undisclosed=undisclosed,
        anonymised_respondents=sum(case.respondent.anonymised for case in cases),
    )
