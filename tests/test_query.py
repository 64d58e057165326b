"""Queries: the indexed selection agrees with a plain scan, and criteria mean what they say."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cnenforce
from cnenforce import Dataset, PartialDate, Provision, ProvisionRole, matches, select
from cnenforce.regions import PROVINCES
from cnenforce.vocabulary import Tag
from tests.strategies import cases, partial_dates

CATALOGUE = cnenforce.load().catalogue

criteria = st.fixed_dictionaries(
    {},
    optional={
        "instrument": st.sampled_from(["csl", "dsl", "pipl", "abc"]),
        "authority": st.sampled_from(["beijing-cac", "abc", "guangdong-ca"]),
        "province": st.sampled_from(sorted(PROVINCES)),
        "tag": st.sampled_from(Tag),
        "since": partial_dates(2000, 2026),
        "until": partial_dates(2000, 2026),
        "role": st.sampled_from(ProvisionRole),
        "provision": st.builds(
            Provision, instrument=st.sampled_from(["csl", "abc"]), article=st.none() | st.integers(1, 5)
        ),
    },
)


@given(st.lists(cases(), max_size=12, unique_by=lambda c: c.id), criteria)
def test_indexed_select_equals_naive_scan(generated: list, query: dict) -> None:  # type: ignore[type-arg]
    dataset = Dataset.of(generated, CATALOGUE, "2026.01.01")
    expected = tuple(case for case in dataset.cases if matches(case, **query, dataset=dataset))
    assert select(dataset, **query) == expected


@given(st.lists(cases(), max_size=12, unique_by=lambda c: c.id), criteria, criteria)
def test_more_criteria_never_select_more(generated: list, first: dict, second: dict) -> None:  # type: ignore[type-arg]
    dataset = Dataset.of(generated, CATALOGUE, "2026.01.01")
    extra = {key: value for key, value in second.items() if key not in first}
    assert set(select(dataset, **first, **extra)) <= set(select(dataset, **first))


def ids(found: tuple) -> list[str]:  # type: ignore[type-arg]
    return [case.id for case in found]


def test_select_by_authority_and_tag(dataset: Dataset) -> None:
    assert "2017-boss-zhipin-real-name" in ids(select(dataset, authority="tianjin-cac"))
    retention = ids(select(dataset, tag="log-retention"))
    assert {"2017-chongqing-technology-log-retention", "2025-shandong-medical-laboratory-data-leakage"} <= set(
        retention
    )
    assert all(Tag.LOG_RETENTION in dataset[case_id].tags for case_id in retention)


def test_select_by_provision_includes_its_parts(dataset: Dataset) -> None:
    article_21 = ids(select(dataset, provision=Provision(instrument="csl", article=21)))
    assert {
        "2017-chongqing-technology-log-retention",
        "2017-shantou-technology-security-evaluation",
        "2017-yibin-teacher-training-website",
    } <= set(article_21)
    item_5 = ids(select(dataset, provision=Provision(instrument="csl", article=21, item=5)))
    assert "2017-shantou-technology-security-evaluation" in item_5
    assert "2017-chongqing-technology-log-retention" not in item_5  # Article 21(3)


def test_select_by_citation_string(dataset: Dataset) -> None:
    named_2016 = ids(select(dataset, provision="Article 61 of the Cybersecurity Law (2016)"))
    assert {"2017-guangdong-alibaba-cloud", "2017-guangdong-shenzhen-sanren"} <= set(named_2016)
    assert "2017-yibin-teacher-training-website" not in named_2016
    assert ids(select(dataset, provision="《网络安全法》第六十一条")) == ids(select(dataset, provision="CSL Art. 61"))


def test_role_separates_violations_from_penalty_bases(dataset: Dataset) -> None:
    art59 = Provision(instrument="csl", article=59)
    assert select(dataset, provision=art59, role=ProvisionRole.VIOLATED) == ()
    assert "2017-yibin-teacher-training-website" in ids(
        select(dataset, provision=art59, role=ProvisionRole.PENALTY_BASIS)
    )


def test_select_by_period_treats_partial_dates_as_periods(dataset: Dataset) -> None:
    august = ids(select(dataset, since="2017-08", until="2017-08"))
    assert "2017-chongqing-technology-log-retention" in august  # early August 2017
    assert "2017-yibin-teacher-training-website" in august  # known only to the year
    assert "2017-guangdong-lizhi-fm" not in august  # September 2017
    recent = ids(select(dataset, since=dt.date(2025, 1, 1)))
    assert "2025-beijing-app-over-collection" in recent
    assert "2017-zhejiang-taobao" not in recent
    assert select(dataset, since=PartialDate(year=2030)) == ()


def test_unknown_values_select_nothing(dataset: Dataset) -> None:
    assert select(dataset, instrument="nope") == ()
    with pytest.raises(ValueError, match="not-a-tag"):
        select(dataset, tag="not-a-tag")
