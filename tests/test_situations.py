"""Every situation real notices contain (issue 8), each written down exactly and read back.

``tests/fixtures/situations/`` is a small data directory of made-up cases, one or more per
situation; the table below names the situation, the case that exercises it and what must be
loaded. The broken counterparts (a county without a province, a negative count of persons, a
third-party fine, events out of order, a text not yet in force, ...) are in
``tests/broken/`` and ``tests/test_validation.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from cnenforce import Case, Dataset, statistics
from cnenforce.contrib.tree import read_dataset
from cnenforce.model import PartialDate, Provision
from cnenforce.vocabulary import (
    AuthorityKind,
    AuthorityLevel,
    DurationUnit,
    EventKind,
    Language,
    MeasureCategory,
    MeasureKind,
    MeasureTarget,
    PersonRole,
    ProvisionRole,
    RespondentKind,
    SourceKind,
)
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def situations() -> Dataset:
    return read_dataset(FIXTURES / "situations", today=dt.date(2026, 11, 30))


def _undated(case: Case) -> None:
    assert case.date == PartialDate(month=1, day=15)
    assert case.year is None
    assert case.year_from_sources  # the id's year is the source's
    assert case.sources[0].published is not None
    assert case.sources[0].published.year == int(case.id[:4])


def _no_date(case: Case) -> None:
    assert case.date is None
    assert case.events == ()
    assert case.year_from_sources


def _cited(case: Case) -> None:
    roles = {(c.role, c.provision.article) for c in case.citations()}
    assert roles == {(ProvisionRole.CITED, 27), (ProvisionRole.CITED, 63)}
    assert all(p.version == "2016" for p in case.cited)  # read at the source's date


def _county(case: Case) -> None:
    assert case.region is not None
    assert (case.region.province, case.region.district_zh) == ("CN-HA", "魏都区")
    assert case.region.province_name_zh == "河南省"


def _national(case: Case) -> None:
    assert case.national
    assert case.region is None


def _named_persons(case: Case) -> None:
    (fine,) = [m for m in case.measures if m.target is MeasureTarget.PERSONS]
    assert [p.name_en for p in fine.persons] == ["Example Chen", "Example Liu"]
    assert [p.position for p in fine.persons] == ["chairman", "president"]
    assert {p.role for p in fine.persons} == {PersonRole.EXECUTIVE}
    assert fine.per_person
    assert fine.total is not None
    assert fine.total.amount == Decimal(2_000_000)


def _masked_person_and_unknown_count(case: Case) -> None:
    fine = next(m for m in case.measures if m.kind is MeasureKind.FINE)
    assert fine.per_person
    assert fine.persons_known is None  # "each fined", how many not stated
    assert fine.total is None  # so no total can be given
    discipline = next(m for m in case.measures if m.kind is MeasureKind.DISCIPLINARY)
    assert discipline.persons[0].name_zh == "李**"
    assert discipline.persons[0].masked
    assert case.respondent.masked
    assert case.respondent.anonymised


def _masked_individual(case: Case) -> None:
    assert case.respondent.kind is RespondentKind.INDIVIDUAL
    assert case.respondent.name_zh == "王某某"
    assert case.respondent.anonymised


def _group_and_apps(case: Case) -> None:
    assert case.respondent.kind is RespondentKind.GROUP
    assert len(case.respondent.members) == 3
    (app,) = case.apps
    assert (app.name, app.version, app.store, app.operator) == ("示例出行", "6.1.0", "示例应用商店", "示例出行有限公司")
    assert "示例出行有限公司" in case.names()


def _batch_row(case: Case) -> None:
    assert case.action == "2024-example-batch-notice"
    assert case.national
    assert [m.kind for m in case.measures] == [MeasureKind.PUBLIC_NAMING, MeasureKind.ORDER_TO_CORRECT]
    assert case.penalties == ()  # named and told to rectify: no penalty


def _unnamed_authority(case: Case) -> None:
    (authority,) = case.unnamed_authorities
    assert (authority.kind, authority.level) == (AuthorityKind.PUBLIC_SECURITY, AuthorityLevel.COUNTY)
    assert authority.region is not None
    assert authority.region.city == "Xuchang"


def _not_penalties(case: Case) -> None:
    categories = {m.kind: (m.kind.category, m.is_penalty) for m in case.measures}
    assert categories[MeasureKind.SUSPENSION_OF_REGISTRATIONS] == (MeasureCategory.PENALTY, False)  # interim
    assert categories[MeasureKind.APP_REMOVAL] == (MeasureCategory.REMOVAL, False)  # on app stores
    assert categories[MeasureKind.STOP_UNLAWFUL_PROCESSING] == (MeasureCategory.CORRECTIVE, False)
    assert [m.kind for m in case.penalties] == [MeasureKind.FINE, MeasureKind.FINE, MeasureKind.CONFISCATION]


def _unspecified_penalty(case: Case) -> None:
    (penalty,) = case.penalties
    assert penalty.kind is MeasureKind.UNSPECIFIED_PENALTY
    assert (penalty.kind.category, penalty.is_penalty, penalty.is_fine) == (MeasureCategory.PENALTY, True, False)
    assert [m.kind for m in case.measures if not m.is_penalty] == [MeasureKind.ORDER_TO_CORRECT]


def _procurement_ban(case: Case) -> None:
    (ban,) = case.measures
    assert ban.kind is MeasureKind.PROCUREMENT_BAN
    assert ban.target is MeasureTarget.THIRD_PARTY
    assert case.penalties == ()


def _measure_kinds(case: Case) -> None:
    confiscation = next(m for m in case.measures if m.kind is MeasureKind.CONFISCATION)
    assert confiscation.amount is not None
    assert confiscation.amount.text == "1200000"


def _duration_in_months(case: Case) -> None:
    order = next(m for m in case.measures if m.kind is MeasureKind.ORDER_TO_CORRECT)
    assert order.duration is not None
    assert (order.duration.value, order.duration.unit) == (3, DurationUnit.MONTHS)
    assert MeasureKind.INTERVIEW in {m.kind for m in case.measures}


def _detention(case: Case) -> None:
    detention = case.measures[0]
    assert detention.kind is MeasureKind.DETENTION
    assert str(detention.duration) == "5 days"


def _campaign(case: Case) -> None:
    assert [(c.id, c.year) for c in case.campaigns] == [("jingwang", 2024)]


def _campaign_without_year(case: Case) -> None:
    assert [(c.id, c.year) for c in case.campaigns] == [("huwang", None)]


def _event_kinds(case: Case) -> None:
    kinds = [event.kind for event in case.events]
    assert kinds == [EventKind.REVIEW_OPENED, EventKind.DECIDED, EventKind.LIFTED, EventKind.CONCLUDED]
    assert case.status is EventKind.CONCLUDED
    assert str(case.date) == "2025-07-21"  # the decision, whatever came after


def _which_source_states_what(case: Case) -> None:
    official, commentary = case.sources
    assert case.sources_for("measures[2].amount") == (official,)
    assert case.sources_for("violations[0]") == (commentary,)
    assert commentary.title is None  # a source whose title is not given
    assert commentary.language is Language.TRADITIONAL_CHINESE
    assert (official.kind, commentary.kind) == (SourceKind.OFFICIAL, SourceKind.COMMENTARY)


def _text_in_force(case: Case) -> None:
    assert case.violations == (Provision(instrument="csl", article=23, version="2025"),)


SITUATIONS: dict[str, tuple[str, Callable[[Case], None]]] = {
    "1 no year": ("2024-example-undated-police-case", _undated),
    "1 no date at all": ("2024-example-no-date", _no_date),
    "2 provision role unknown": ("2024-example-undated-police-case", _cited),
    "3 county": ("2024-example-undated-police-case", _county),
    "3 national scope": ("2023-example-procurement-ban", _national),
    "4 named persons": ("2025-example-review-decision", _named_persons),
    "4 masked persons, unknown count": ("2022-example-persons-each-fined", _masked_person_and_unknown_count),
    "4 masked individual respondent": ("2024-example-undated-police-case", _masked_individual),
    "5 group and apps": ("2025-example-review-decision", _group_and_apps),
    "6 batch notice row": ("2024-example-batch-notice-alpha", _batch_row),
    "7 unnamed authority": ("2024-example-undated-police-case", _unnamed_authority),
    "8 measures that are not penalties": ("2025-example-review-decision", _not_penalties),
    "8 third-party procurement ban": ("2023-example-procurement-ban", _procurement_ban),
    "8 a penalty of unstated kind beside stated measures": ("2025-example-unspecified-penalty", _unspecified_penalty),
    "9 confiscation with an amount": ("2025-example-review-decision", _measure_kinds),
    "9 deadline in months": ("2022-example-persons-each-fined", _duration_in_months),
    "9 detention": ("2024-example-undated-police-case", _detention),
    "10 campaign with year": ("2024-example-undated-police-case", _campaign),
    "10 campaign without year": ("2022-example-persons-each-fined", _campaign_without_year),
    "11 event kinds": ("2025-example-review-decision", _event_kinds),
    "12 which source states what": ("2025-example-review-decision", _which_source_states_what),
    "13 untitled and traditional sources": ("2025-example-review-decision", _which_source_states_what),
    "14 citation read in the text in force": ("2026-example-current-text", _text_in_force),
}


@pytest.mark.parametrize("situation", sorted(SITUATIONS))
def test_situation(situations: Dataset, situation: str) -> None:
    case_id, check = SITUATIONS[situation]
    check(situations[case_id])


def test_statistics_of_the_situations(situations: Dataset) -> None:
    summary = statistics(situations, catalogue=situations.catalogue)
    assert summary.fines_on_respondents == {"CNY": Decimal(8_026_050_000)}  # 8,026,000,000 + 50,000
    assert summary.fines_on_persons == {"CNY": Decimal(2_000_000)}  # two executives, 1,000,000 each
    assert summary.persons_fined == 2  # the two executives; the others' number is not stated
    assert summary.per_person_fines_uncounted == 1
    assert summary.by_penalty_kind["detention"] == 1
    assert "procurement-ban" not in summary.by_penalty_kind
    assert summary.by_penalty_kind["unspecified-penalty"] == 1  # a penalty, though not a fine
    assert summary.by_authority_kind["public-security"] == 1  # found through an unnamed authority
