"""Summary statistics over cases.

Counting rules (also in the README):

- one case is one respondent in one action; a case counts once per year, province, authority,
  instrument, tag and campaign it has;
- only measures that are penalties count as penalties (:attr:`Measure.is_penalty`): interviews,
  orders to correct, public naming, removals, interim measures during a review and measures on
  third parties (app stores told to take an app down) are counted apart, as other measures;
- fines are totalled only where the amount is stated, per currency, separately for respondents
  and for persons within them; a per-person fine counts once per person; a per-person fine
  whose number of persons is unknown is counted (``per_person_fines_uncounted``) and its
  amount left out of the totals, never added once as if one person had been fined;
- fines of undisclosed amount are counted, never guessed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs

from cnenforce.catalogue import Catalogue
from cnenforce.model import Case
from cnenforce.vocabulary import MeasureKind, MeasureTarget

__all__ = ["Statistics", "statistics"]


def _by_count(counter: Counter[str]) -> Mapping[str, int]:
    return MappingProxyType(dict(sorted(counter.items(), key=lambda item: (-item[1], item[0]))))


def _by_key(counter: Counter[str]) -> Mapping[str, int]:
    return MappingProxyType(dict(sorted(counter.items())))


def _amounts(totals: dict[str, Decimal]) -> Mapping[str, Decimal]:
    return MappingProxyType(dict(sorted(totals.items())))


@attrs.frozen(kw_only=True)
class Statistics:
    """Counts and totals over a set of cases; read-only.

    Mappings of counts are ordered by count (highest first), then key, except ``by_year``,
    which is in year order; amounts are in currency order.
    """

    cases: int
    by_year: Mapping[str, int]
    """Year of the case's reference date (``"unknown"`` when it has none), in year order."""
    by_province: Mapping[str, int]
    """Province code; ``"national"`` for nationwide actions."""
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


def statistics(cases: Iterable[Case], *, catalogue: Catalogue) -> Statistics:
    """Compute :class:`Statistics` over *cases*, whose authorities *catalogue* describes."""
    cases = tuple(cases)
    years: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    authorities: Counter[str] = Counter()
    authority_kinds: Counter[str] = Counter()
    instruments: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    campaigns: Counter[str] = Counter()
    measure_kinds: Counter[str] = Counter()
    penalty_kinds: Counter[str] = Counter()
    disclosure: Counter[str] = Counter()
    on_respondents: dict[str, Decimal] = {}
    on_persons: dict[str, Decimal] = {}
    penalised = other = respondents_fined = persons_fined = uncounted = undisclosed = 0
    for case in cases:
        years[str(case.year) if case.year is not None else "unknown"] += 1
        if case.national:
            provinces["national"] += 1
        elif case.region is not None:
            provinces[case.region.province] += 1
        authorities.update(case.authorities)
        kinds = {unnamed.kind.value for unnamed in case.unnamed_authorities}
        kinds.update(catalogue.authorities[a].kind.value for a in case.authorities if a in catalogue.authorities)
        authority_kinds.update(kinds)
        instruments.update(case.instruments)
        tags.update(tag.value for tag in case.tags)
        campaigns.update({campaign.id for campaign in case.campaigns})
        measure_kinds.update({measure.kind.value for measure in case.measures})
        penalties = case.penalties
        penalty_kinds.update({measure.kind.value for measure in penalties})
        penalised += bool(penalties)
        other += len(case.measures) - len(penalties)
        disclosure[case.measures_disclosure.value] += 1
        fined_respondent = False
        for measure in penalties:
            if measure.kind is not MeasureKind.FINE:
                continue
            if measure.target is MeasureTarget.PERSONS:
                known = measure.persons_known
                if known is None:
                    uncounted += measure.per_person
                else:
                    persons_fined += known
            else:
                fined_respondent = True
            if measure.amount is None:
                undisclosed += 1
                continue
            total = measure.total
            if total is None:
                continue
            totals = on_persons if measure.target is MeasureTarget.PERSONS else on_respondents
            totals[total.currency] = totals.get(total.currency, Decimal(0)) + total.amount
        respondents_fined += fined_respondent
    return Statistics(
        cases=len(cases),
        by_year=_by_key(years),
        by_province=_by_count(provinces),
        by_authority=_by_count(authorities),
        by_authority_kind=_by_count(authority_kinds),
        by_instrument=_by_count(instruments),
        by_tag=_by_count(tags),
        by_campaign=_by_count(campaigns),
        by_measure_kind=_by_count(measure_kinds),
        by_penalty_kind=_by_count(penalty_kinds),
        by_disclosure=_by_count(disclosure),
        penalised=penalised,
        other_measures=other,
        respondents_fined=respondents_fined,
        persons_fined=persons_fined,
        per_person_fines_uncounted=uncounted,
        fines_on_respondents=_amounts(on_respondents),
        fines_on_persons=_amounts(on_persons),
        fines_undisclosed=undisclosed,
        anonymised_respondents=sum(case.respondent.anonymised for case in cases),
    )
