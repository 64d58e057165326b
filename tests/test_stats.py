"""Statistics: groups add up where they partition the cases, fines follow the counting rules,
results are ordered as documented and read-only."""

from __future__ import annotations

import json
import statistics as pystatistics
from collections import Counter
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnenforce import Dataset, select, statistics
from cnenforce.converter import unstructure
from cnenforce.model import Case, Measure, Money, Person
from cnenforce.stats import GROUPINGS, Fines, Group, Statistics
from cnenforce.vocabulary import MeasureKind, MeasureTarget, Tag
from tests.strategies_query import CATALOGUE, query_cases

PARTITIONS = ("year", "month", "province", "sector", "disclosure")
"""Groupings in which every case has exactly one key."""
generated = st.lists(query_cases(), max_size=8, unique_by=lambda case: case.id)


def _add(totals: Counter[str] | dict[str, Decimal], more: dict[str, Decimal] | object) -> None:
    for currency, amount in dict(more).items():  # type: ignore[call-overload]
        totals[currency] = totals.get(currency, Decimal(0)) + amount


def _fines(found: list[Case], target: MeasureTarget) -> dict[str, list[Decimal]]:
    """Known totals of fines counted as penalties on *target*, per currency, the plain way."""
    amounts: dict[str, list[Decimal]] = {}
    for case in found:
        for measure in case.measures:
            on = MeasureTarget.PERSONS if measure.target is MeasureTarget.PERSONS else MeasureTarget.RESPONDENT
            if measure.is_fine and on is target and measure.total is not None:
                amounts.setdefault(measure.total.currency, []).append(measure.total.amount)
    return amounts


@given(generated)
def test_groups_add_up_and_fines_follow_the_rules(found: list[Case]) -> None:
    summary = statistics(found, catalogue=CATALOGUE)
    assert summary.cases == len(found)
    for grouping in PARTITIONS:
        groups = summary.groups[grouping]
        assert sum(group.cases for group in groups) == len(found)
        respondents: dict[str, Decimal] = {}
        persons: dict[str, Decimal] = {}
        for group in groups:
            _add(respondents, group.fines_on_respondents)
            _add(persons, group.fines_on_persons)
        assert respondents == dict(summary.fines_on_respondents)
        assert persons == dict(summary.fines_on_persons)
        assert sum(group.fines_undisclosed for group in groups) == summary.fines_undisclosed
    for grouping in GROUPINGS:
        assert all(0 < group.cases <= len(found) for group in summary.groups[grouping])
    for target, fines in (
        (MeasureTarget.RESPONDENT, summary.on_respondents),
        (MeasureTarget.PERSONS, summary.on_persons),
    ):
        expected = _fines(found, target)
        assert dict(fines.totals) == {currency: sum(values, Decimal(0)) for currency, values in expected.items()}
        assert dict(fines.largest) == {currency: max(values) for currency, values in expected.items()}
        assert dict(fines.median) == {currency: pystatistics.median(values) for currency, values in expected.items()}
        assert fines.count == fines.stated + fines.undisclosed + fines.uncounted
    assert summary.on_respondents.uncounted == 0  # per-person amounts are only on persons
    assert summary.per_person_fines_uncounted == summary.on_persons.uncounted
    assert summary.fines_undisclosed == summary.on_respondents.undisclosed + summary.on_persons.undisclosed
    _check_order(summary)


def _check_order(summary: Statistics) -> None:
    for name in ("by_year", "by_month"):
        keys = list(getattr(summary, name))
        assert keys == sorted(keys)
    for name in ("by_province", "by_authority", "by_tag", "by_article", "by_sector", "by_authority_level"):
        items = list(getattr(summary, name).items())
        assert items == sorted(items, key=lambda item: (-item[1], item[0]))
    mapping = {"year": summary.by_year, "month": summary.by_month, "article": summary.by_article,
               "tag": summary.by_tag, "province": summary.by_province}  # fmt: skip
    for grouping, counts in mapping.items():
        assert [(group.key, group.cases) for group in summary.groups[grouping]] == list(counts.items())


def _case(dataset: Dataset, case_id: str, **changes: object) -> Case:
    return attrs.evolve(dataset["2017-yibin-teacher-training-website"], id=case_id, **changes)  # type: ignore[arg-type]


def test_a_case_counts_in_full_in_each_of_its_groups(dataset: Dataset) -> None:
    fine = Measure(kind=MeasureKind.FINE, amount=Money(amount=Decimal(1000)))
    both = _case(dataset, "2020-both", tags=(Tag.DATA_LEAKAGE, Tag.DATA_THEFT), measures=(fine,))
    one = _case(dataset, "2020-one", tags=(Tag.DATA_THEFT,), measures=(fine, fine))
    summary = statistics([both, one], catalogue=dataset.catalogue)
    by_tag = {group.key: group for group in summary.groups["tag"]}
    assert by_tag["data-theft"].cases == 2
    assert by_tag["data-theft"].fines_on_respondents == {"CNY": Decimal(3000)}
    assert by_tag["data-leakage"].fines_on_respondents == {"CNY": Decimal(1000)}
    assert summary.fines_on_respondents == {"CNY": Decimal(3000)}  # the whole counts each fine once
    assert summary.on_respondents.median == {"CNY": Decimal(1000)}
    assert summary.on_respondents.count == 3


def test_persons_are_kept_apart_and_uncounted_fines_never_summed(dataset: Dataset) -> None:
    each = Money(amount=Decimal(10000))
    measures = (
        Measure(kind=MeasureKind.FINE, amount=Money(amount=Decimal(500_000))),
        Measure(kind=MeasureKind.FINE, target=MeasureTarget.PERSONS, amount=each, per_person=True,
                persons=(Person(name_en="A"), Person(name_en="B"))),
        Measure(kind=MeasureKind.FINE, target=MeasureTarget.PERSONS, amount=each, per_person=True),
        Measure(kind=MeasureKind.FINE, target=MeasureTarget.PERSONS, amount=Money(amount=Decimal(30000))),
    )  # fmt: skip
    summary = statistics([_case(dataset, "2020-persons", measures=measures)], catalogue=dataset.catalogue)
    assert summary.on_respondents.totals == {"CNY": Decimal(500_000)}
    assert summary.on_persons.totals == {"CNY": Decimal(50_000)}  # 2 x 10,000 + 30,000
    assert summary.on_persons.median == {"CNY": Decimal(25_000)}  # of 20,000 and 30,000
    assert summary.on_persons.largest == {"CNY": Decimal(30_000)}
    assert summary.on_persons.uncounted == 1
    assert (summary.on_persons.count, summary.on_persons.stated) == (3, 2)


def test_results_are_typed_read_only_and_serialisable(dataset: Dataset) -> None:
    summary = select(dataset).statistics()
    assert isinstance(summary, Statistics)
    assert isinstance(summary.on_respondents, Fines)
    assert all(isinstance(group, Group) for groups in summary.groups.values() for group in groups)
    assert set(summary.groups) == set(GROUPINGS)
    with pytest.raises(TypeError):
        summary.groups["year"] = ()  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        summary.groups["year"][0].cases = 0  # type: ignore[misc]
    json.dumps(unstructure(summary))


def test_catalogue_comes_with_a_dataset_or_selection(dataset: Dataset) -> None:
    found = select(dataset, place="Zhejiang")
    assert statistics(found) == found.statistics() == statistics(found.cases, catalogue=dataset.catalogue)
    assert statistics(dataset).cases == len(dataset)
    with pytest.raises(TypeError, match="catalogue"):
        statistics(list(dataset))
