"""Queries: the indexed answer is the naive scan's, criteria mean what they say, bad questions
get clear errors.

The properties run on generated datasets whose catalogue knows every authority, campaign and
instrument the cases use, so every drawn value names something. Heavier runs:
``HYPOTHESIS_PROFILE=thorough``.
"""

from __future__ import annotations

import datetime as dt
import doctest
import importlib
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnenforce import Dataset, Provision, QueryError, Selection, matches, select
from cnenforce.errors import CaseNotFoundError
from cnenforce.hanzi import TRADITIONAL_SIMPLIFIED
from cnenforce.model import (
    CURRENCIES,
    CampaignRef,
    Case,
    Event,
    Measure,
    Money,
    PartialDate,
    Region,
    UnnamedAuthority,
)
from cnenforce.query import CRITERIA, SORT_KEYS
from cnenforce.query.folding import fold
from cnenforce.query.indexes import day_range, instrument_key
from cnenforce.regions import PROVINCES
from cnenforce.vocabulary import (
    AuthorityKind,
    AuthorityLevel,
    EventKind,
    MeasureKind,
    MeasureTarget,
    ProvisionRole,
    Sector,
    Tag,
)
from tests.strategies import partial_dates
from tests.strategies_query import ACTIONS, CATALOGUE, PACKAGED, cited, datasets

PROVISION_STRINGS = (
    "Article 21 of the Cybersecurity Law",
    "Article 21 of the Cybersecurity Law (2016)",
    "Article 23 of the CSL (2025)",
    "《网络安全法》第二十二条第一款",
    "Article 21(2) of the CSL",
    "PIPL Art. 20",
    "反垄断法第二十一条",
    "the Cybersecurity Law",
)


def _substring(texts: list[str]) -> st.SearchStrategy[str]:
    usable = [text for text in texts if text.strip()]
    if not usable:
        return st.just("网络")
    return (
        st.sampled_from(usable)
        .flatmap(
            lambda text: st.integers(0, len(text) - 1).flatmap(
                lambda start: st.integers(start + 1, len(text)).map(lambda end: text[start:end])
            )
        )
        .filter(lambda part: part.strip() != "")
    )


def _one_or_many(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return values | st.lists(values, min_size=1, max_size=2)


@st.composite
def criteria(draw: st.DrawFn, dataset: Dataset) -> dict[str, Any]:
    """Any combination of criteria, with values that name something in *dataset*."""
    names = [name for case in dataset.cases for name in case.names()]
    places = sorted(
        {name for case in dataset.cases if case.region for name in (case.region.city, case.region.district_zh) if name}
    )
    strings = [s for s in PROVISION_STRINGS if "反垄断法" not in s or "title:反垄断法" in cited_keys(dataset)]
    apps = [name for case in dataset.cases for app in case.apps for name in (app.name, app.operator) if name]
    texts = [t for case in dataset.cases for t in (case.title, case.summary, case.title_zh) if t]
    options: dict[str, st.SearchStrategy[Any]] = {
        "instrument": _one_or_many(st.sampled_from(["csl", "PIPL", "个人信息保护法", "Cybersecurity Law"])),
        "provision": _one_or_many(st.sampled_from(strings) | cited().filter(lambda p: p.instrument is not None)),
        "role": _one_or_many(st.sampled_from(ProvisionRole)),
        "current_numbering": st.booleans(),
        "authority": _one_or_many(st.sampled_from(["state-cac", "Guangdong Cyberspace Office", "shantou psb", "SCO"])),
        "authority_kind": _one_or_many(st.sampled_from(AuthorityKind)),
        "authority_level": _one_or_many(st.sampled_from(AuthorityLevel)),
        "place": _one_or_many(
            st.sampled_from(
                [*sorted(PROVINCES)[:6], "Guangdong", "广东", "national", "Shantou", "汕头", "Minquan County", *places]
            )
        ),
        "since": partial_dates(2000, 2026).filter(lambda d: d.year is not None),
        "until": partial_dates(2000, 2026).filter(lambda d: d.year is not None),
        "entirely": st.booleans(),
        "measure": _one_or_many(st.sampled_from(MeasureKind)),
        "penalty": st.booleans(),
        "target": _one_or_many(st.sampled_from(MeasureTarget)),
        "fine_min": st.integers(0, 50_000_000) | st.sampled_from(["1,000", Decimal("0.5")]),
        "fine_max": st.integers(50_000_000, 100_000_000) | st.just("100000000"),
        "undisclosed": st.booleans(),
        "name": _one_or_many(_substring(names)),
        "app": _one_or_many(_substring(apps) if apps else st.just("app")),
        "text": _one_or_many(_substring(texts)),
        "sector": _one_or_many(st.sampled_from(Sector)),
        "tag": _one_or_many(st.sampled_from(Tag)),
        "campaign": _one_or_many(st.sampled_from(["jingwang", "huwang 2019", "清朗2020", CampaignRef(id="qinglang")])),
        "status": _one_or_many(st.sampled_from(EventKind)),
        "action": _one_or_many(st.sampled_from(ACTIONS)),
    }
    keys = draw(st.lists(st.sampled_from(sorted(options)), max_size=4, unique=True))
    query = {key: draw(options[key]) for key in keys}
    if "fine_min" in query or "fine_max" in query:
        currency = draw(st.none() | st.sampled_from(sorted(CURRENCIES)))
        if currency is not None:
            query["currency"] = currency
    since, until = query.get("since"), query.get("until")
    if since is not None and until is not None and until.latest() < since.earliest():
        query["since"], query["until"] = until, since
    return query


def cited_keys(dataset: Dataset) -> set[str]:
    return {instrument_key(c.provision) for case in dataset.cases for c in case.citations()}


def naive(dataset: Dataset, query: dict[str, Any]) -> tuple[str, ...]:
    return tuple(case.id for case in dataset.cases if matches(case, dataset=dataset, **query))


# Criteria that interact (modifiers), kept together when a query is split.
GROUPS = (
    {"instrument", "provision", "role", "current_numbering"},
    {"authority_kind", "authority_level"},
    {"since", "until", "entirely"},
    {"measure", "penalty", "target", "fine_min", "fine_max", "currency", "undisclosed"},
)


def split(query: dict[str, Any], keys: set[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """*query* in two parts, the criteria of *keys* (with their group) in the first."""
    first: set[str] = set()
    for key in keys:
        first |= next((group for group in GROUPS if key in group), {key})
    return {k: v for k, v in query.items() if k in first}, {k: v for k, v in query.items() if k not in first}


# --- laws --------------------------------------------------------------------------------------


@given(st.data(), datasets)
def test_queries_equal_a_naive_scan_and_compose(data: st.DataObject, dataset: Dataset) -> None:
    """On each generated dataset, a few queries: the indexed answer is the naive scan's;
    chained equals combined; filters commute; more criteria never select more; sorting is a
    permutation in key order; a limit is a prefix; the selection reads like a dataset."""
    for _ in range(3):
        query = data.draw(criteria(dataset))
        found = select(dataset, **query)
        assert found.ids == naive(dataset, query)
        first, second = split(query, data.draw(st.sets(st.sampled_from(sorted(query) or ["tag"]))))
        assert select(dataset, **first).where(**second) == found
        assert select(select(dataset, **second), **first) == found
        assert set(found.ids) <= set(select(dataset, **first).ids)
        _check_order(data, found)
        _check_reading(dataset, found)


def _check_order(data: st.DataObject, found: Selection) -> None:
    by = data.draw(st.sampled_from(SORT_KEYS))
    descending = data.draw(st.booleans())
    ordered = found.sort(by=by, descending=descending)
    assert sorted(ordered.ids) == sorted(found.ids)
    if by == "date":
        keys = [day_range(case) for case in ordered]
        known = [key for key in keys if key is not None]
        assert known == sorted(known, reverse=descending)
        assert all(key is None for key in keys[len(known) :])  # undated last
    if by == "id":
        assert list(ordered.ids) == sorted(found.ids, reverse=descending)
    count = data.draw(st.integers(0, 8))
    assert ordered.limit(count).ids == ordered.ids[:count]
    assert ordered.where().ids == ordered.ids  # where keeps the order


def _check_reading(dataset: Dataset, found: Selection) -> None:
    assert len(found) == len(found.cases) == len(list(found))
    for case in dataset:
        if case.id in found.ids:
            assert case.id in found
            assert case in found
            assert found[case.id] is case
            assert found.get(case.id) is case
        else:
            assert case.id not in found
            assert found.get(case.id) is None
            with pytest.raises(CaseNotFoundError):
                found[case.id]


# --- what criteria mean ------------------------------------------------------------------------


def _case(case_id: str, **changes: Any) -> Case:
    base = PACKAGED["2017-yibin-teacher-training-website"]
    defaults: dict[str, Any] = {"violations": (), "cited": (), "measures": (Measure(kind=MeasureKind.WARNING),)}
    return attrs.evolve(base, id=case_id, **{**defaults, **changes})


def _csl(article: int, version: str | None, **parts: int) -> Provision:
    return Provision(instrument="csl", article=article, version=version, **parts)


AS_CITED = {"2017-old-21", "2017-old-21-item-5", "2026-new-21", "2017-unknown-text-21"}
IN_2016 = {"2017-old-21", "2017-old-21-item-5", "2026-new-23", "2017-unknown-text-21"}
RENUMBERED = Dataset.of(
    [
        _case("2017-old-21", violations=(_csl(21, "2016"),)),
        _case("2017-old-21-item-5", violations=(_csl(21, "2016", item=5),)),
        _case("2026-new-21", violations=(_csl(21, "2025"),)),
        _case("2026-new-23", violations=(_csl(23, "2025"),)),
        _case("2017-unknown-text-21", violations=(_csl(21, None),)),
        _case("2017-basis-59", measures=(Measure(kind=MeasureKind.WARNING, basis=(_csl(59, "2016"),)),)),
    ],
    PACKAGED.catalogue,
    "2026.01.01",
)


@pytest.mark.parametrize(
    ("provision", "options", "expected"),
    [
        pytest.param("Article 21 of the CSL", {}, AS_CITED, id="no-text-as-cited"),
        pytest.param(_csl(21, None), {}, AS_CITED, id="provision-no-text"),
        pytest.param("Article 21 of the Cybersecurity Law (2016)", {}, IN_2016, id="named-2016"),
        pytest.param(_csl(21, "2016"), {}, IN_2016, id="provision-2016"),
        pytest.param("Article 23 of the CSL", {"current_numbering": True},
                     {"2017-old-21", "2017-old-21-item-5", "2026-new-23"}, id="current-numbering"),
        pytest.param("《网络安全法》第二十三条", {}, {"2026-new-23"}, id="chinese-no-text"),
        pytest.param("Article 21(5) of the CSL", {}, {"2017-old-21-item-5"}, id="item-narrows"),
        pytest.param("Article 59 of the CSL", {"role": "violated"}, set(), id="role-violated"),
        pytest.param("Article 59 of the CSL", {"role": "penalty-basis"}, {"2017-basis-59"}, id="role-basis"),
        pytest.param("the Cybersecurity Law", {"role": ["violated"]},
                     {"2017-old-21", "2017-old-21-item-5", "2026-new-21", "2026-new-23", "2017-unknown-text-21"},
                     id="whole-instrument"),
    ],
)  # fmt: skip
def test_provision_rules(provision: Any, options: dict[str, Any], expected: set[str]) -> None:
    found = select(RENUMBERED, provision=provision, **options)
    assert set(found.ids) == expected
    assert found.ids == naive(RENUMBERED, {"provision": provision, **options})


def test_the_issue_examples_on_real_data(dataset: Dataset) -> None:
    article_21 = select(dataset, provision="Article 21 of the CSL")
    assert {"2017-chongqing-technology-log-retention", "2017-yibin-teacher-training-website"} <= set(article_21.ids)
    assert "2017-shantou-technology-security-evaluation" in select(dataset, place="Guangdong")
    assert "2017-shantou-technology-security-evaluation" in select(dataset, place="Shantou")
    assert "2017-boss-zhipin-real-name" in select(dataset, authority="Beijing CAC")
    assert select(dataset, instrument="PIPL") == select(dataset, instrument="个人信息保护法")
    assert select(dataset, instrument="pipl") == select(dataset, instrument="個人信息保護法")
    assert "2017-guangdong-cac-tencent-wechat" in select(dataset, name="騰訊")
    newest = select(dataset, authority_kind="public-security", place="CN-GD").sort(by="date", descending=True)
    assert "2017-shantou-technology-security-evaluation" in newest


def test_dates_could_fall_or_lie_entirely(dataset: Dataset) -> None:
    august = select(dataset, since="2017-08-12", until="2017-08-31")
    assert "2017-chongqing-technology-log-retention" in august  # early August 2017: could be
    assert "2017-yibin-teacher-training-website" in august  # 2017: could be
    entirely = select(dataset, since="2017-08", until="2017-08", entirely=True)
    assert "2017-yibin-teacher-training-website" not in entirely
    assert "2017-chongqing-technology-log-retention" in entirely
    assert "2025-beijing-app-over-collection" in select(dataset, since=dt.date(2025, 1, 1))
    assert not select(dataset, since=PartialDate(year=2030))


def test_measure_criteria_describe_one_measure() -> None:
    persons = Measure(kind=MeasureKind.FINE, target=MeasureTarget.PERSONS, amount=Money(amount=Decimal(5000)),
                      per_person=True, person_count=3)  # fmt: skip
    lump = Measure(kind=MeasureKind.FINE, amount=Money(amount=Decimal(2_000_000)))
    unknown = Measure(kind=MeasureKind.FINE, target=MeasureTarget.PERSONS, amount=Money(amount=Decimal(9)),
                      per_person=True)  # fmt: skip
    warning_on_persons = Measure(kind=MeasureKind.WARNING, target=MeasureTarget.PERSONS)
    removal = Measure(kind=MeasureKind.APP_REMOVAL, target=MeasureTarget.THIRD_PARTY, addressee="app stores")
    dataset = Dataset.of(
        [
            _case("2020-persons", measures=(persons, removal)),
            _case("2020-lump", measures=(lump, warning_on_persons)),
            _case("2020-unknown-count", measures=(unknown,)),
            _case("2020-undisclosed", measures=(Measure(kind=MeasureKind.FINE),)),
        ],
        PACKAGED.catalogue,
        "2026.01.01",
    )

    def ids(**query: Any) -> set[str]:
        found = select(dataset, **query)
        assert found.ids == naive(dataset, query)
        return set(found.ids)

    assert ids(measure="fine", target="persons") == {"2020-persons", "2020-unknown-count"}
    assert ids(fine_min=15_000, fine_max=15_000) == {"2020-persons"}  # 3 x 5,000
    assert ids(fine_min="CNY 1,000,000") == {"2020-lump"}
    assert ids(fine_min=1, currency="USD") == set()
    assert ids(undisclosed=True) == {"2020-unknown-count", "2020-undisclosed"}
    assert ids(fine_min=1_000_000, undisclosed=True) == {"2020-lump", "2020-unknown-count", "2020-undisclosed"}
    assert ids(penalty=False) == {"2020-persons"}  # the third-party removal
    assert ids(target="third-party", penalty=True) == set()
    assert ids(measure="warning", fine_min=1) == set()


def test_text_and_names_ignore_case_width_and_script() -> None:
    assert fold("ＰＩＰＬ") == "pipl"
    dataset = Dataset.of(
        [_case("2020-a", title="Didi Global fined", title_zh="滴滴出行被罚款"), _case("2020-b", title="Another case")],
        PACKAGED.catalogue,
        "2026.01.01",
    )
    assert select(dataset, text="DIDI fined").ids == ("2020-a",)
    assert select(dataset, text="didi another").ids == ()  # every word, in one case
    assert select(dataset, text=["didi", "another"]).ids == ("2020-a", "2020-b")
    assert select(dataset, text="滴滴").ids == ("2020-a",)


# --- bad questions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "criterion", "suggestion"),
    [
        pytest.param({"instrument": "PIPLL"}, "instrument", "pipl", id="instrument"),
        pytest.param({"authority": "Bejing CAC"}, "authority", "beijing-cac", id="authority"),
        pytest.param({"place": "Guangdon"}, "place", "Guangdong", id="place"),
        pytest.param({"tag": "data-leak"}, "tag", "data-leakage", id="tag"),
        pytest.param({"measure": "fines"}, "measure", "fine", id="measure"),
        pytest.param({"authority_kind": "cyber"}, "authority_kind", "cyberspace", id="authority-kind"),
        pytest.param({"province": "CN-GD"}, "province", "place", id="unknown-criterion"),
        pytest.param({"provision": "CSL 21"}, "provision", None, id="number-left-unread"),
        pytest.param({"provision": "Art 21 CSL 2016"}, "provision", None, id="year-left-unread"),
        pytest.param({"provision": "the Anti-Monopoly Law"}, "provision", None, id="no-known-instrument"),
        pytest.param({"provision": "Article 5 of the Anti-Monopoly Law"}, "provision", None, id="uncited-title"),
        pytest.param(
            {"provision": Provision(instrument="csl", article=21, version="2019")}, "provision", None, id="no-such-text"
        ),
        pytest.param({"since": "2020", "until": "2019"}, "until", None, id="range-backwards"),
        pytest.param({"since": "--07"}, "since", None, id="bound-without-year"),
        pytest.param({"fine_min": 1.5}, "fine_min", None, id="float-amount"),
        pytest.param({"fine_min": "USD 5", "currency": "CNY"}, "currency", None, id="two-currencies"),
        pytest.param({"campaign": "jingwnag"}, "campaign", "jingwang", id="unknown-campaign"),
        pytest.param({"name": "  "}, "name", None, id="empty-text"),
        pytest.param({"tag": []}, "tag", None, id="empty-list"),
    ],
)
def test_bad_questions_raise_query_error(dataset: Dataset, query: dict[str, Any], criterion: str,
                                         suggestion: str | None) -> None:  # fmt: skip
    with pytest.raises(QueryError) as raised:
        select(dataset, **query)
    assert raised.value.criterion == criterion
    assert repr(raised.value.value) in str(raised.value) or criterion == "province"
    if suggestion is not None:
        assert suggestion in raised.value.suggestions


def test_sort_and_limit_refuse_bad_values(dataset: Dataset) -> None:
    with pytest.raises(QueryError, match="did you mean 'date'"):
        select(dataset).sort(by="dates")  # type: ignore[arg-type]
    with pytest.raises(QueryError):
        select(dataset).limit(-1)


def test_every_criterion_is_documented() -> None:
    import cnenforce.query

    docs = cnenforce.query.__doc__ or ""
    assert all(f"``{name}``" in docs for name in CRITERIA)


# --- indexes earn their name ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "hidden"),
    [
        pytest.param({"provision": "Article 21 of the CSL (2016)"}, "citations", id="provision"),
        pytest.param({"instrument": "csl", "role": "violated"}, "citations", id="instrument"),
        pytest.param({"since": "2017-08", "until": "2017-09"}, "date", id="dates"),
        pytest.param({"fine_min": 1000}, "measures", id="fines"),
        pytest.param({"name": "tencent"}, "names", id="names"),
    ],
)
def test_indexed_queries_visit_no_case(monkeypatch: pytest.MonkeyPatch, query: dict[str, Any], hidden: str) -> None:
    dataset = Dataset.of(PACKAGED.cases, PACKAGED.catalogue, PACKAGED.version)
    expected = select(dataset, **query).ids  # builds the indexes

    def visited(self: Case) -> Any:
        raise AssertionError(f"a case was visited: {self.id}")

    monkeypatch.setattr(Case, hidden, property(visited) if hidden in ("date", "measures") else visited)
    assert select(dataset, **query).ids == expected


def test_selections_compare_by_dataset_and_order(dataset: Dataset) -> None:
    assert select(dataset, tag="log-retention") == select(dataset, tag=["log-retention"])
    other = Dataset.of(dataset.cases, dataset.catalogue, dataset.version)
    assert select(other, tag="log-retention") != select(dataset, tag="log-retention")
    assert isinstance(select(dataset), Selection)
    assert repr(select(dataset)).startswith("<Selection of ")


def test_unnamed_authorities_and_places_below_the_province() -> None:
    unnamed = UnnamedAuthority(kind=AuthorityKind.PUBLIC_SECURITY, level=AuthorityLevel.COUNTY)
    dataset = Dataset.of(
        [
            _case("2020-county", unnamed_authorities=(unnamed,), region=Region(province="CN-HA", district_zh="民权县")),
            _case("2020-national", region=None, national=True, events=(Event(kind=EventKind.DECIDED),)),
        ],
        CATALOGUE,
        "2026.01.01",
    )
    assert select(dataset, authority_kind="public-security", authority_level="county").ids == ("2020-county",)
    assert select(dataset, place="民权").ids == ("2020-county",)
    assert select(dataset, place="Henan").ids == ("2020-county",)
    assert select(dataset, place="national", status="decided").ids == ("2020-national",)


@pytest.mark.parametrize(
    "name",
    ["cnenforce.query", "cnenforce.query.selection", "cnenforce.query.folding", "cnenforce.query.names",
     "cnenforce.stats"],
)  # fmt: skip
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    tests = [test for test in finder.find(module) if test.examples]
    for test in tests:
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert tests


def test_first_queries_from_several_threads_agree() -> None:
    queries: list[dict[str, Any]] = [
        {"instrument": "csl"},
        {"provision": "Article 21 of the CSL"},
        {"authority": "beijing-cac", "since": "2017"},
        {"place": "Guangdong", "name": "tencent"},
        {"action": next(iter(PACKAGED.actions))},
    ]
    expected = [select(PACKAGED, **query).ids for query in queries]
    fresh = Dataset.of(PACKAGED.cases, PACKAGED.catalogue, PACKAGED.version, actions=PACKAGED.actions.values())
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda query: select(fresh, **query).ids, queries * 3))
    assert found == expected * 3


def test_criteria_given_as_none_are_ignored(dataset: Dataset) -> None:
    unset = dict.fromkeys(CRITERIA)
    assert select(dataset, **unset) == select(dataset)
    assert select(dataset, **{**unset, "tag": "log-retention"}) == select(dataset, tag="log-retention")


def test_folding_changes_only_case_width_and_script() -> None:
    # Every pair is one traditional character and one simplified one; no ASCII is remapped.
    assert len(TRADITIONAL_SIMPLIFIED) % 2 == 0
    assert not any(char.isascii() for char in TRADITIONAL_SIMPLIFIED)
    assert fold("Tencent 騰訊 data") == "tencent 腾讯 data"
