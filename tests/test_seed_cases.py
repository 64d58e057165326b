"""The seed documents' cases: built by hand from the model, and present in the dataset with their facts.

Seed 000 is the CAC release of 16 September 2025 (ten cases); seed 001 is the Jones Day
commentary of October 2017 (eighteen respondents). The hand-built objects show the model can
say exactly what the sources say; the dataset tests check every case is there with its facts.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from cnenforce import (
    Case,
    Dataset,
    Disclosure,
    Measure,
    MeasureKind,
    MeasureTarget,
    Money,
    PartialDate,
    Person,
    PersonRole,
    Provision,
    ProvisionRole,
    Region,
    Respondent,
    RespondentKind,
    Source,
    SourceKind,
    UnnamedAuthority,
)
from cnenforce.model import Duration, Event
from cnenforce.vocabulary import AuthorityKind, DurationUnit, EventKind, Language, Tag

JONES_DAY = Source(
    kind=SourceKind.COMMENTARY,
    title="China's New Cybersecurity Law Brings Enforcement Crackdown",
    publisher="Jones Day",
    url="https://jonesday.com/pt/insights/2017/10/chinas-new-cybersecurity-law-brings-enforcement-crackdown",
    published=PartialDate(year=2017, month=10),
)
CAC_RELEASE = Source(
    kind=SourceKind.OFFICIAL,
    title="国家网信办发布近期网络安全、数据安全、个人信息保护相关执法典型案例",
    publisher="Cyberspace Administration of China",
    url="https://www.cac.gov.cn/2025-09/16/c_1759741437315419.htm",
    published=PartialDate(year=2025, month=9, day=16),
    language=Language.CHINESE,
)


def csl(article: int | None = None, **parts: int) -> Provision:
    return Provision(instrument="csl", article=article, version="2016" if article else None, **parts)


def cny(amount: int) -> Money:
    return Money(amount=Decimal(amount))


# --- hand-built cases ------------------------------------------------------------------------


def test_yibin_fines_the_institution_and_its_legal_representative() -> None:
    case = Case(
        id="2017-yibin-teacher-training-website",
        title="Yibin teacher-training website fined",
        summary="Tiered protection not implemented; intrusions followed.",
        respondent=Respondent(
            kind=RespondentKind.ORGANISATION,
            anonymised=True,
            description="a teacher training and education institution in Yibin",
            region=Region(province="CN-SC", city="Yibin"),
        ),
        measures_disclosure=Disclosure.STATED,
        violations=(csl(21),),
        measures=(
            Measure(kind=MeasureKind.FINE, amount=cny(10000), basis=(csl(59),)),
            Measure(
                kind=MeasureKind.FINE,
                target=MeasureTarget.PERSONS,
                persons=(Person(role=PersonRole.LEGAL_REPRESENTATIVE),),
                amount=cny(5000),
                basis=(csl(59),),
            ),
        ),
        sources=(JONES_DAY,),
    )
    assert case.authorities == ()  # the source does not name the authority
    assert case.fines(MeasureTarget.RESPONDENT) == (cny(10000),)
    assert case.fines(MeasureTarget.PERSONS) == (cny(5000),)
    roles = {(c.role, c.provision.article) for c in case.citations()}
    assert roles == {(ProvisionRole.VIOLATED, 21), (ProvisionRole.PENALTY_BASIS, 59)}


def test_boss_zhipin_joint_action_by_two_authorities() -> None:
    case = Case(
        id="2017-boss-zhipin-real-name",
        title="BOSS Zhipin",
        summary="Served users without real identity.",
        respondent=Respondent(kind=RespondentKind.COMPANY, name_en="BOSS Zhipin", name_zh="BOSS直聘"),
        authorities=("beijing-cac", "tianjin-cac"),
        events=(Event(kind=EventKind.DECIDED, date=PartialDate(year=2017, month=8, day=11)),),
        measures_disclosure=Disclosure.STATED,
        violations=(csl(24), csl(48)),
        measures=(Measure(kind=MeasureKind.TAKEDOWN, note="Take down the relevant pages."),),
        sources=(JONES_DAY,),
    )
    assert case.authorities == ("beijing-cac", "tianjin-cac")
    assert case.decided == PartialDate(year=2017, month=8, day=11)
    assert case.instruments == ("csl",)


def test_sanren_fine_with_provisions_in_two_instruments() -> None:
    basis = (csl(61), Provision(instrument="phone-real-name-provisions", article=17))
    case = Case(
        id="2017-guangdong-shenzhen-sanren",
        title="Shenzhen Sanren",
        summary="Network phone services without real-name checks.",
        respondent=Respondent(kind=RespondentKind.COMPANY, name_en="Shenzhen Sanren Technology Company"),
        authorities=("guangdong-ca",),
        measures_disclosure=Disclosure.STATED,
        violations=(csl(24, paragraph=1), Provision(instrument="phone-real-name-provisions")),
        measures=(
            Measure(kind=MeasureKind.FINE, amount=cny(50000), basis=basis),
            Measure(kind=MeasureKind.ORDER_TO_CORRECT, basis=basis),
            Measure(kind=MeasureKind.SUSPENSION_OF_BUSINESS, basis=basis),
            Measure(kind=MeasureKind.WEBSITE_CLOSURE, basis=basis),
        ),
        sources=(JONES_DAY,),
    )
    assert case.violations[0].paragraph == 1
    assert case.instruments == ("csl", "phone-real-name-provisions")
    assert [c.provision for c in case.citations() if c.role is ProvisionRole.PENALTY_BASIS] == list(basis)


def test_zhejiang_five_platforms_share_one_action() -> None:
    shared = {
        "authorities": ("zhejiang-cac", "hangzhou-cac"),
        "action": "2017-zhejiang-five-platforms",
        "measures_disclosure": Disclosure.STATED,
        "violations": (csl(),),
        "sources": (JONES_DAY,),
    }
    suspension = Measure(
        kind=MeasureKind.SUSPENSION_OF_REGISTRATIONS, duration=Duration(value=7, unit=DurationUnit.DAYS)
    )
    cases = [
        Case(
            id="2017-zhejiang-taobao",
            title="t",
            summary="s",
            respondent=Respondent(kind=RespondentKind.COMPANY, name_en="Taobao", parent="Alibaba"),
            measures=(Measure(kind=MeasureKind.ORDER_TO_CORRECT),),
            tags=(Tag.PROHIBITED_GOODS,),
            **shared,
        ),
        Case(
            id="2017-zhejiang-hexin-flush",
            title="t",
            summary="s",
            respondent=Respondent(kind=RespondentKind.COMPANY, name_en="Hexin Flush"),
            measures=(Measure(kind=MeasureKind.SUSPENSION_OF_BUSINESS),),
            **shared,
        ),
        Case(
            id="2017-zhejiang-mogujie",
            title="t",
            summary="s",
            respondent=Respondent(kind=RespondentKind.COMPANY, name_en="Mogujie"),
            measures=(suspension,),
            **shared,
        ),
        Case(
            id="2017-zhejiang-peiyinxiu",
            title="t",
            summary="s",
            respondent=Respondent(kind=RespondentKind.COMPANY, name_en="Peiyinxiu"),
            measures=(Measure(kind=MeasureKind.ORDER_TO_CORRECT),),
            **shared,
        ),
        # Unnamed in the Jones Day text: representable as an anonymised respondent.
        Case(
            id="2017-zhejiang-unnamed",
            title="t",
            summary="s",
            respondent=Respondent(
                kind=RespondentKind.UNKNOWN, anonymised=True, description="a fifth platform, unnamed in the source"
            ),
            measures=(suspension,),
            **shared,
        ),
    ]
    assert len({case.action for case in cases}) == 1
    assert {str(case.measures[0].duration) for case in cases if case.measures[0] == suspension} == {"7 days"}
    assert cases[-1].respondent.display_name == "a fifth platform, unnamed in the source"


def test_cac_2025_case_with_unnamed_authority_and_unstated_fine() -> None:
    case = Case(
        id="2025-guangdong-technology-webpage-tampering",
        title="Webpage tampering at a Guangdong technology company",
        title_zh="广东某科技股份有限公司网页篡改案",
        summary="Unpatched upload flaw; defaced login page.",
        respondent=Respondent(
            kind=RespondentKind.COMPANY,
            anonymised=True,
            description="a Technology Co., Ltd. in Guangdong",
            description_zh="广东某科技股份有限公司",
        ),
        unnamed_authorities=(
            UnnamedAuthority(
                kind=AuthorityKind.CYBERSPACE,
                description="the local cyberspace administration office",
                description_zh="属地网信办",
            ),
        ),
        events=(Event(kind=EventKind.ANNOUNCED, date=PartialDate(year=2025, month=9, day=16), authority="cac"),),
        measures_disclosure=Disclosure.STATED,
        violations=(Provision(instrument="csl"),),
        measures=(
            Measure(kind=MeasureKind.ORDER_TO_CORRECT),
            Measure(kind=MeasureKind.WARNING),
            Measure(kind=MeasureKind.FINE),
        ),
        sources=(CAC_RELEASE,),
    )
    assert case.fines() == ()  # a fine of unstated amount is a penalty with no amount
    assert any(p.kind is MeasureKind.FINE and p.amount is None for p in case.penalties)
    assert case.violations[0].article is None


# --- the dataset ---------------------------------------------------------------------------

CAC_2025 = {
    "2025-guangdong-technology-webpage-tampering": ("CN-GD", {"csl"}, Tag.WEBPAGE_TAMPERING),
    "2025-xinjiang-internet-technology-webpage-tampering": ("CN-XJ", {"csl"}, Tag.WEBPAGE_TAMPERING),
    "2025-shandong-medical-laboratory-data-leakage": ("CN-SD", {"csl", "dsl", "ndsr"}, Tag.DATA_LEAKAGE),
    "2025-zhejiang-technology-data-theft": ("CN-ZJ", {"csl", "dsl", "ndsr"}, Tag.DATA_THEFT),
    "2025-chongqing-technology-data-theft": ("CN-CQ", {"csl", "dsl", "ndsr"}, Tag.DATA_THEFT),
    "2025-guangdong-insurance-agency-data-theft": ("CN-GD", {"csl", "dsl", "ndsr"}, Tag.DATA_THEFT),
    "2025-hunan-technology-data-leakage-risk": ("CN-HN", {"csl", "dsl", "ndsr"}, Tag.DATA_SECURITY_RISK),
    "2025-beijing-app-over-collection": ("CN-BJ", {"csl", "pipl", "ndsr"}, Tag.OVER_COLLECTION),
    "2025-shanghai-vending-machine-facial-information": ("CN-SH", {"csl", "pipl", "ndsr"}, Tag.FACIAL_INFORMATION),
    "2025-zhejiang-app-deep-synthesis-assessment": (
        "CN-ZJ",
        {"deep-synthesis", "genai-measures", "algorithm-recommendation", "public-opinion-assessment"},
        Tag.DEEP_SYNTHESIS,
    ),
}


@pytest.mark.parametrize("case_id", sorted(CAC_2025))
def test_cac_2025_cases_are_present(dataset: Dataset, case_id: str) -> None:
    province, instruments, tag = CAC_2025[case_id]
    case = dataset[case_id]
    assert case.respondent.anonymised
    assert case.region is not None
    assert case.region.province == province
    assert set(case.instruments) == instruments
    assert all(p.article is None for p in case.violations)  # the release cites no articles
    assert tag in case.tags
    assert case.announced == PartialDate(year=2025, month=9, day=16)
    assert any(s.url == CAC_RELEASE.url for s in case.sources)


CAC_2025_PENALTIES = {
    "2025-guangdong-technology-webpage-tampering": ["order-to-correct", "warning", "fine"],
    "2025-xinjiang-internet-technology-webpage-tampering": ["order-to-correct", "warning"],
    "2025-shandong-medical-laboratory-data-leakage": ["order-to-correct", "warning", "fine"],
    "2025-zhejiang-technology-data-theft": ["order-to-correct", "warning", "fine"],
    "2025-chongqing-technology-data-theft": ["order-to-correct", "warning", "fine"],
    "2025-guangdong-insurance-agency-data-theft": ["order-to-correct", "warning", "fine"],
    "2025-hunan-technology-data-leakage-risk": ["order-to-correct", "warning", "fine"],
    "2025-beijing-app-over-collection": ["order-to-correct", "warning", "fine"],
    "2025-shanghai-vending-machine-facial-information": ["order-to-correct", "warning"],
    "2025-zhejiang-app-deep-synthesis-assessment": ["app-removal"],
}


@pytest.mark.parametrize("case_id", sorted(CAC_2025_PENALTIES))
def test_cac_2025_measures_as_the_chinese_release_states(dataset: Dataset, case_id: str) -> None:
    case = dataset[case_id]
    assert case.measures_disclosure is Disclosure.STATED
    assert [p.kind.value for p in case.measures] == CAC_2025_PENALTIES[case_id]
    assert case.fines() == ()  # the release states no amounts
    assert case.authorities == ()  # nor which local office acted
    assert [u.kind for u in case.unnamed_authorities] == [AuthorityKind.CYBERSPACE]
    assert case.action == "2025-cac-typical-cases"
    assert case.title_zh
    assert case.respondent.description_zh


def _violations(case: Case) -> set[tuple[str | None, int | None, int | None, int | None]]:
    return {(p.instrument, p.article, p.paragraph, p.item) for p in case.violations}


def _bases(case: Case) -> set[tuple[str | None, int | None]]:
    return {(p.instrument, p.article) for measure in case.measures for p in measure.basis}


# id: (authorities, province, date, violations, penalty kinds, fine amounts as (target, amount))
JONES_DAY_2017 = {
    "2017-shantou-technology-security-evaluation": (
        ("shantou-psb",), "CN-GD", "2017-07",
        {("tiered-protection-measures", 14, 1, None), ("csl", 21, None, 5)}, {"order-to-correct"}, set(),
    ),
    "2017-yibin-teacher-training-website": (
        (), "CN-SC", "2017", {("csl", 21, None, None)}, {"fine"},
        {("respondent", Decimal(10000)), ("persons", Decimal(5000))},
    ),
    "2017-chongqing-technology-log-retention": (
        ("chongqing-psb",), "CN-CQ", "early 2017-08", {("csl", 21, None, 3)}, {"warning", "order-to-correct"}, set(),
    ),
    "2017-suqian-network-operator-unlawful-website": (
        ("suqian-psb",), "CN-JS", "2017-08", {("csl", 47, None, None)}, {"order-to-correct"}, set(),
    ),
    "2017-boss-zhipin-real-name": (
        ("beijing-cac", "tianjin-cac"), None, "2017-08-11",  # two provinces' offices acted jointly
        {("csl", 24, None, None), ("csl", 48, None, None)}, {"interview", "takedown"}, set(),
    ),
    "2017-zhejiang-taobao": (
        ("zhejiang-cac", "hangzhou-cac"), "CN-ZJ", "2017-08-17",
        {("csl", None, None, None), ("iis-measures", None, None, None), ("account-name-provisions", None, None, None)},
        {"interview", "other", "warning", "order-to-correct", "takedown"}, set(),
    ),
    "2017-zhejiang-hexin-flush": (
        ("zhejiang-cac", "hangzhou-cac"), "CN-ZJ", "2017-08-17",
        {("csl", None, None, None), ("iis-measures", None, None, None), ("account-name-provisions", None, None, None)},
        {"interview", "other", "order-to-correct", "suspension-of-business"}, set(),
    ),
    "2017-zhejiang-mogujie": (
        ("zhejiang-cac", "hangzhou-cac"), "CN-ZJ", "2017-08-17",
        {("csl", None, None, None), ("iis-measures", None, None, None), ("account-name-provisions", None, None, None)},
        {"interview", "other", "order-to-correct", "suspension-of-registrations"}, set(),
    ),
    "2017-zhejiang-xiami-music": (
        ("zhejiang-cac", "hangzhou-cac"), "CN-ZJ", "2017-08-17",
        {("csl", None, None, None), ("iis-measures", None, None, None), ("account-name-provisions", None, None, None)},
        {"interview", "other", "order-to-correct", "suspension-of-registrations"}, set(),
    ),
    "2017-zhejiang-peiyinxiu": (
        ("zhejiang-cac", "hangzhou-cac"), "CN-ZJ", "2017-08-17",
        {("csl", None, None, None), ("iis-measures", None, None, None), ("account-name-provisions", None, None, None)},
        {"interview", "other", "order-to-correct"}, set(),
    ),
    "2017-xinzhou-website-sql-injection": (
        ("shanxi-internet-police", "xinzhou-internet-police"), "CN-SX", "2017",
        {("csl", None, None, None)}, {"warning", "order-to-correct"}, set(),
    ),
    "2017-guangdong-lizhi-fm": (
        ("guangdong-ca",), "CN-GD", "2017-09", {("csl", 47, None, None), ("iis-measures", 16, None, None)},
        {"warning", "order-to-correct"}, set(),
    ),
    "2017-guangdong-shenzhen-sanren": (
        ("guangdong-ca",), "CN-GD", "2017-09",
        {("csl", 24, 1, None), ("phone-real-name-provisions", None, None, None)},
        {"fine", "order-to-correct", "suspension-of-business", "website-closure"}, {("respondent", Decimal(50000))},
    ),
    "2017-guangdong-alibaba-cloud": (
        ("guangdong-ca",), "CN-GD", "2017-09", {("csl", 24, 1, None)}, {"order-to-correct"}, set(),
    ),
    "2017-guangdong-dongjing-uc-browser": (
        ("guangdong-ca",), "CN-GD", "2017-09", {("csl", 22, 1, None)}, {"order-to-correct"}, set(),
    ),
    "2017-guangdong-cac-tencent-wechat": (
        ("guangdong-cac",), "CN-GD", "2017-09-25", {("csl", 47, None, None)},
        {"fine", "order-to-correct", "account-removal"}, set(),
    ),
    "2017-beijing-cac-sina-weibo": (
        ("beijing-cac",), "CN-BJ", "2017-09-25", {("csl", 47, None, None)},
        {"fine", "order-to-correct", "account-removal"}, set(),
    ),
    "2017-beijing-cac-baidu-tieba": (
        ("beijing-cac",), "CN-BJ", "2017-09-25", {("csl", 47, None, None)},
        {"fine", "order-to-correct", "account-removal"}, set(),
    ),
}  # fmt: skip


@pytest.mark.parametrize("case_id", sorted(JONES_DAY_2017))
def test_jones_day_2017_cases_are_present(dataset: Dataset, case_id: str) -> None:
    authorities, province, date, violations, kinds, fines = JONES_DAY_2017[case_id]
    case = dataset[case_id]
    assert case.authorities == authorities
    assert (case.region.province if case.region else None) == province
    assert str(case.date) == date
    assert _violations(case) == violations
    assert {p.kind.value for p in case.measures} == kinds
    assert {(p.target.value, p.amount.amount) for p in case.measures if p.amount} == fines
    assert any(s.publisher == "Jones Day" and s.url for s in case.sources)
    assert all(p.version == "2016" for p in case.violations if p.instrument == "csl" and p.article)


@pytest.mark.parametrize(
    ("case_id", "bases"),
    [
        ("2017-shantou-technology-security-evaluation", {("csl", 59)}),
        ("2017-yibin-teacher-training-website", {("csl", 59)}),
        ("2017-suqian-network-operator-unlawful-website", {("csl", 68)}),
        ("2017-guangdong-lizhi-fm", {("csl", 68), ("iis-measures", 23)}),
        ("2017-guangdong-shenzhen-sanren", {("csl", 61), ("phone-real-name-provisions", 17)}),
        ("2017-guangdong-alibaba-cloud", {("csl", 61)}),
    ],
)
def test_penalty_bases_are_kept_apart_from_violations(
    dataset: Dataset, case_id: str, bases: set[tuple[str, int]]
) -> None:
    assert _bases(dataset[case_id]) == bases


def test_the_seed_announcements_are_actions(dataset: Dataset) -> None:
    expected = {
        "2017-zhejiang-five-platforms": {"2017-zhejiang-taobao", "2017-zhejiang-hexin-flush", "2017-zhejiang-mogujie",
                                         "2017-zhejiang-xiami-music", "2017-zhejiang-peiyinxiu"},
        "2017-guangdong-four-companies": {"2017-guangdong-shenzhen-sanren", "2017-guangdong-alibaba-cloud",
                                          "2017-guangdong-dongjing-uc-browser", "2017-guangdong-lizhi-fm"},
        "2017-wechat-weibo-tieba": {"2017-guangdong-cac-tencent-wechat", "2017-beijing-cac-sina-weibo",
                                    "2017-beijing-cac-baidu-tieba"},
        "2025-cac-typical-cases": set(CAC_2025),
    }  # fmt: skip
    for action_id, members in expected.items():
        action = dataset.actions[action_id]
        assert members <= {case.id for case in dataset.cases_of(action_id)}
        assert action.respondents_stated == len(members)
        assert action.complete


def test_the_deep_synthesis_takedown_falls_on_app_stores(dataset: Dataset) -> None:
    case = dataset["2025-zhejiang-app-deep-synthesis-assessment"]
    (measure,) = case.measures
    assert measure.target is MeasureTarget.THIRD_PARTY
    assert measure.addressee_zh == "应用分发平台"
    assert case.penalties == ()


def test_chongqing_correction_deadline_and_suspension_days(dataset: Dataset) -> None:
    correct = [
        p for p in dataset["2017-chongqing-technology-log-retention"].measures if p.kind is MeasureKind.ORDER_TO_CORRECT
    ]
    assert str(correct[0].duration) == "15 days"
    for case_id in ("2017-zhejiang-mogujie", "2017-zhejiang-xiami-music"):
        suspensions = [p for p in dataset[case_id].measures if p.kind is MeasureKind.SUSPENSION_OF_REGISTRATIONS]
        assert [str(p.duration) for p in suspensions] == ["7 days"]


def test_undisclosed_fines_are_fines_without_amounts(dataset: Dataset) -> None:
    for case_id in ("2017-guangdong-cac-tencent-wechat", "2017-beijing-cac-sina-weibo", "2017-beijing-cac-baidu-tieba"):
        fines = [p for p in dataset[case_id].measures if p.kind is MeasureKind.FINE]
        assert fines
        assert all(p.amount is None for p in fines)
        assert _bases(dataset[case_id]) == {("csl", 68)}


@pytest.mark.parametrize(
    "case_id", ["2017-beijing-cac-sina-weibo", "2017-beijing-cac-baidu-tieba", "2017-guangdong-cac-tencent-wechat"]
)
def test_the_2017_content_fines_were_announced_on_25_september_and_not_dated_as_decided(
    dataset: Dataset, case_id: str
) -> None:
    case = dataset[case_id]
    assert str(case.announced) == "2017-09-25"
    assert case.decided is None
    assert "order-to-correct" in {m.kind.value for m in case.measures}


@pytest.mark.parametrize(
    ("case_id", "tag"),
    [("2017-guangdong-alibaba-cloud", "icp-filing"), ("2017-guangdong-shenzhen-sanren", "telecom-fraud")],
)
def test_audited_seed_tags(dataset: Dataset, case_id: str, tag: str) -> None:
    assert tag in {t.value for t in dataset[case_id].tags}


@pytest.mark.parametrize(
    "case_id",
    [
        "2017-zhejiang-taobao",
        "2017-zhejiang-hexin-flush",
        "2017-zhejiang-mogujie",
        "2017-zhejiang-peiyinxiu",
        "2017-zhejiang-xiami-music",
    ],
)
def test_the_zhejiang_platforms_were_sternly_criticised(dataset: Dataset, case_id: str) -> None:
    notes = [m.note or "" for m in dataset[case_id].measures if m.kind.value == "other"]
    assert any("严厉批评" in note for note in notes)
