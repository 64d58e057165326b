"""Synthetic datasets of any size, for benchmarks: realistic in shape, fake in every fact.

:func:`generate` builds *n* cases with a seeded random generator (the same *n* and seed give
the same dataset). The catalogue is the packaged instrument catalogue (so citations, versions
and the Cybersecurity Law's renumbering are real) plus invented authorities in every province
(provincial cyberspace, public-security, communications and market-regulation offices, and a
few municipal and county ones each) and three campaigns. Cases come in actions of 1 to 40
respondents that share their official sources, as real batch notices do, so identical source
records repeat across cases much as in the real data.

Distributions are skewed the way enforcement is: a few provinces, instruments and articles
account for most cases; fines span five orders of magnitude; dates are known to the day, the
month or only the year. Names mix Chinese and English. Nothing here is a real case.

    from benchmarks.synthetic import generate
    dataset = generate(10_000)
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from cnenforce import load
from cnenforce.catalogue import Catalogue
from cnenforce.dataset import Dataset
from cnenforce.model import (
    Action,
    App,
    Authority,
    Campaign,
    CampaignRef,
    Case,
    Event,
    Measure,
    Money,
    PartialDate,
    Person,
    Provision,
    Region,
    Respondent,
    Source,
    UnnamedAuthority,
)
from cnenforce.regions import PROVINCES
from cnenforce.vocabulary import (
    ActionKind,
    AuthorityKind,
    AuthorityLevel,
    Disclosure,
    EventKind,
    Language,
    MeasureKind,
    MeasureTarget,
    PersonRole,
    RespondentKind,
    Sector,
    SourceKind,
    Tag,
)

__all__ = ["generate"]

_KINDS = {
    AuthorityKind.CYBERSPACE: ("cac", "网信办", "Cyberspace Administration Office"),
    AuthorityKind.PUBLIC_SECURITY: ("psb", "公安厅", "Public Security Department"),
    AuthorityKind.INDUSTRY_AND_IT: ("ca", "通信管理局", "Communications Administration"),
    AuthorityKind.MARKET_REGULATION: ("amr", "市场监督管理局", "Administration for Market Regulation"),
}
_CITIES = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta")
_CITIES_ZH = ("东城", "西山", "南湖", "北岭", "中州", "新港")
_COUNTIES = ("one", "two", "three")
_COUNTIES_ZH = ("清水县", "白云区", "长乐县")
_SYLLABLES_ZH = "华信达云智联创新瑞安博科恒通泰康宏远鑫源腾飞天成汇金启明星辰蓝海"
_SYLLABLES_EN = ("hua", "xin", "da", "yun", "zhi", "lian", "chuang", "rui", "an", "bo", "heng", "tong", "tai", "kang")
_SUFFIX = ("科技有限公司", "网络科技有限公司", "信息技术有限公司", "数据服务有限公司", "医院", "学校")
_WORDS = (
    "personal information collected without consent",
    "logs not retained for six months",
    "website tampered with after an SQL injection",
    "app requested excessive permissions",
    "data leaked through an unprotected database",
    "no security management system",
    "real-name registration not enforced",
    "harmful content left online",
)
_WORDS_ZH = ("未经同意收集个人信息", "未留存网络日志", "网站被篡改", "超范围索取权限", "数据泄露", "未落实实名制")
# Articles cited, by instrument, most common first; the CSL's are in its 2016 numbering.
_ARTICLES = {
    "csl": (21, 24, 47, 59, 64, 25, 22, 41, 42, 68, 61, 60, 49),
    "pipl": (13, 14, 17, 51, 66, 10, 23, 28, 55),
    "dsl": (27, 29, 45, 21, 30),
    "ndsr": (8, 9, 30, 58),
    "algorithm-recommendation": (16, 17, 31),
    "deep-synthesis": (7, 17, 22),
}
_INSTRUMENT_WEIGHTS = (
    ("csl", 10),
    ("pipl", 6),
    ("dsl", 3),
    ("ndsr", 2),
    ("algorithm-recommendation", 1),
    ("deep-synthesis", 1),
)
_PROVINCE_WEIGHTS = {"CN-GD": 12, "CN-BJ": 10, "CN-ZJ": 9, "CN-SH": 8, "CN-JS": 7, "CN-SD": 5, "CN-SC": 4}
_APP_NAMES = ("出行", "优选", "阅读", "音乐", "短视频", "相机", "天气", "金融", "招聘", "健康")


def _authorities() -> list[Authority]:
    found = [
        Authority(id="synthetic-cac", name_en="National Cyberspace Office", name_zh="国家网信办",
                  kind=AuthorityKind.CYBERSPACE, level=AuthorityLevel.NATIONAL),
        Authority(id="synthetic-mps", name_en="National Public Security Ministry", name_zh="公安部",
                  kind=AuthorityKind.PUBLIC_SECURITY, level=AuthorityLevel.NATIONAL),
    ]  # fmt: skip
    for code, province in PROVINCES.items():
        stem = code.lower()
        for kind, (short, zh, en) in _KINDS.items():
            found.append(
                Authority(
                    id=f"{stem}-{short}",
                    name_en=f"{province.name_en} {en}",
                    name_zh=province.short_zh + zh,
                    kind=kind,
                    level=AuthorityLevel.PROVINCIAL,
                    region=Region(province=code),
                )
            )
        for index, city in enumerate(_CITIES):
            for kind in (AuthorityKind.CYBERSPACE, AuthorityKind.PUBLIC_SECURITY):
                short, zh, en = _KINDS[kind]
                region = Region(province=code, city=city.title(), city_zh=_CITIES_ZH[index] + "市")
                found.append(
                    Authority(
                        id=f"{stem}-{city}-{short}",
                        name_en=f"{city.title()} {en}",
                        name_zh=_CITIES_ZH[index] + "市" + zh,
                        kind=kind,
                        level=AuthorityLevel.MUNICIPAL,
                        region=region,
                    )
                )
        for index, county in enumerate(_COUNTIES):
            region = Region(province=code, city="Alpha", city_zh="东城市", district=f"{county.title()} County",
                            district_zh=_COUNTIES_ZH[index])  # fmt: skip
            found.append(
                Authority(
                    id=f"{stem}-{county}-psb",
                    name_en=f"{county.title()} County Public Security Bureau",
                    name_zh=_COUNTIES_ZH[index] + "公安局",
                    kind=AuthorityKind.PUBLIC_SECURITY,
                    level=AuthorityLevel.COUNTY,
                    region=region,
                )
            )
    return found


_CAMPAIGNS = (
    Campaign(id="jingwang", name_en="Clean Network", name_zh="净网", authority_kinds=(AuthorityKind.PUBLIC_SECURITY,)),
    Campaign(id="qinglang", name_en="Clear and Bright", name_zh="清朗", authority_kinds=(AuthorityKind.CYBERSPACE,)),
    Campaign(id="app-governance", name_en="App Special Governance", name_zh="App专项治理"),
)


class _Generator:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        real = load().catalogue
        authorities = _authorities()
        self.catalogue = Catalogue.of(real.instruments.values(), authorities, _CAMPAIGNS)
        self.by_province: dict[str, list[Authority]] = {}
        for authority in authorities:
            if authority.region is not None:
                self.by_province.setdefault(authority.region.province, []).append(authority)
        self.provinces = sorted(PROVINCES)
        self.province_weights = [_PROVINCE_WEIGHTS.get(code, 1) for code in self.provinces]
        self.instruments = [name for name, _ in _INSTRUMENT_WEIGHTS]
        self.instrument_weights = [weight for _, weight in _INSTRUMENT_WEIGHTS]
        self.tags = list(Tag)
        self.sectors = list(Sector)

    def name(self) -> tuple[str, str]:
        pick = self.random.randrange
        zh = "".join(_SYLLABLES_ZH[pick(len(_SYLLABLES_ZH))] for _ in range(2 + pick(3)))
        en = "".join(_SYLLABLES_EN[pick(len(_SYLLABLES_EN))] for _ in range(2 + pick(2))).title()
        suffix = _SUFFIX[pick(len(_SUFFIX))]
        return zh + suffix, f"{en} {'Technology Co., Ltd.' if '公司' in suffix else 'Institution'}"

    def date(self, year: int) -> PartialDate:
        month, day = self.random.randint(1, 12), self.random.randint(1, 28)
        roll = self.random.random()
        if roll < 0.1:
            return PartialDate(year=year)
        if roll < 0.35:
            return PartialDate(year=year, month=month)
        return PartialDate(year=year, month=month, day=day)

    def source(self, official: bool, year: int, number: int) -> Source:
        if official:
            return Source(
                kind=SourceKind.OFFICIAL,
                title=f"关于公布第{number}批违法违规案件的通报",
                publisher="网信办",
                url=f"https://www.example.gov.cn/notices/{year}/{number}.html",
                published=self.date(year),
                language=Language.CHINESE,
                retrieved=dt.date(2026, 11, 1),
            )
        return Source(
            kind=SourceKind.NEWS,
            title=f"Regulator names companies in enforcement round {number}",
            publisher="Example News",
            url=f"https://news.example.com/{year}/{number}",
            retrieved=dt.date(2026, 11, 1),
        )

    def provision(self, version_2025: bool) -> Provision:
        instrument = self.random.choices(self.instruments, self.instrument_weights)[0]
        articles = _ARTICLES[instrument]
        article = articles[min(int(self.random.expovariate(0.5)), len(articles) - 1)]
        version = None
        if instrument == "csl":
            version = "2016"
            if version_2025:
                version, article = "2025", article + 2  # near enough: the 2025 text inserted Articles 3 and 20
        return Provision(
            instrument=instrument,
            article=article,
            item=self.random.choice((None, None, None, 1, 2, 3, 5)),
            version=version,
        )

    def measures(self, provisions: list[Provision]) -> tuple[Measure, ...]:
        rnd = self.random
        found: list[Measure] = []
        if rnd.random() < 0.6:
            amount = None if rnd.random() < 0.15 else Money(amount=Decimal(int(10 ** rnd.uniform(3, 8)) // 100 * 100))
            found.append(Measure(kind=MeasureKind.FINE, amount=amount, basis=tuple(provisions[-1:])))
        if rnd.random() < 0.15:
            count = rnd.choice((None, 1, 2, 3))
            amount = Money(amount=Decimal(rnd.choice((5000, 10000, 20000, 50000))))
            found.append(
                Measure(
                    kind=MeasureKind.FINE,
                    target=MeasureTarget.PERSONS,
                    amount=amount,
                    per_person=rnd.random() < 0.5,
                    person_count=count,
                    persons=(Person(name_zh="王某", role=PersonRole.PERSON_IN_CHARGE),) if count else (),
                )
            )
        for kind, chance in (
            (MeasureKind.WARNING, 0.4),
            (MeasureKind.ORDER_TO_CORRECT, 0.7),
            (MeasureKind.INTERVIEW, 0.2),
            (MeasureKind.SUSPENSION_OF_BUSINESS, 0.05),
            (MeasureKind.CONFISCATION, 0.05),
        ):
            if rnd.random() < chance:
                found.append(Measure(kind=kind))
        if rnd.random() < 0.1:
            found.append(
                Measure(kind=MeasureKind.APP_REMOVAL, target=MeasureTarget.THIRD_PARTY, addressee="app stores")
            )
        return tuple(found) or (Measure(kind=MeasureKind.ORDER_TO_CORRECT),)

    def action(self, number: int, size: int) -> tuple[Action, list[Case]]:
        rnd = self.random
        year = rnd.randint(2017, 2026)
        national = rnd.random() < 0.08
        province = rnd.choices(self.provinces, self.province_weights)[0]
        local = self.by_province[province]
        authority = local[min(int(rnd.expovariate(0.3)), len(local) - 1)]
        region = None if national else (authority.region or Region(province=province))
        authorities = ("synthetic-cac",) if national else (authority.id,)
        campaign = (CampaignRef(id=rnd.choice(_CAMPAIGNS).id, year=year),) if rnd.random() < 0.2 else ()
        shared = (self.source(True, year, number), *((self.source(False, year, number),) if rnd.random() < 0.5 else ()))
        action_id = f"synthetic-action-{number:06d}"
        action = Action(
            id=action_id,
            kind=ActionKind.BATCH_NOTICE if size > 1 else ActionKind.DECISION,
            title=f"Enforcement notice {number}",
            published=self.date(year),
            authorities=authorities,
            region=region,
            national=national,
            campaigns=campaign,
            respondents_stated=size,
            complete=True,
            sources=shared,
        )
        decided = self.date(year)
        cases = []
        for index in range(size):
            cases.append(self.case(action, index, year, decided, shared))
        return action, cases

    def case(self, action: Action, index: int, year: int, decided: PartialDate, shared: tuple[Source, ...]) -> Case:
        rnd = self.random
        name_zh, name_en = self.name()
        anonymised = rnd.random() < 0.1
        provisions = [self.provision(year >= 2026 and rnd.random() < 0.7) for _ in range(rnd.randint(1, 3))]
        measures = self.measures(provisions)
        apps = ()
        if rnd.random() < 0.3:
            app = rnd.choice(_APP_NAMES)
            apps = (App(name=name_zh[:2] + app, operator=None if anonymised else name_zh),)
        words = rnd.sample(_WORDS, 2)
        events = [Event(kind=EventKind.DECIDED, date=decided)]
        if rnd.random() < 0.3:
            events.append(Event(kind=EventKind.ANNOUNCED, date=None))
        if rnd.random() < 0.05:
            events.append(Event(kind=EventKind.RECTIFIED))
        return Case(
            id=f"{year}-synthetic-{action.id[-6:]}-{index:03d}",
            title=f"{'A company' if anonymised else name_en} penalised: {words[0]}",
            summary=f"The authority found that {words[0]} and {words[1]}.",
            title_zh=f"{'某公司' if anonymised else name_zh}{rnd.choice(_WORDS_ZH)}被处罚",
            respondent=Respondent(
                kind=RespondentKind.COMPANY,
                name_zh="长沙某科技有限公司" if anonymised else name_zh,
                name_en=None if anonymised else name_en,
                anonymised=anonymised,
                description="a technology company" if anonymised else None,
                sector=rnd.choice(self.sectors) if rnd.random() < 0.7 else None,
            ),
            measures_disclosure=Disclosure.STATED,
            action=action.id,
            apps=apps,
            authorities=action.authorities,
            unnamed_authorities=(
                (UnnamedAuthority(kind=AuthorityKind.PUBLIC_SECURITY, level=AuthorityLevel.COUNTY),)
                if rnd.random() < 0.05
                else ()
            ),
            region=action.region,
            national=action.national,
            campaigns=action.campaigns,
            violations=tuple(dict.fromkeys(provisions)),
            tags=tuple(rnd.sample(self.tags, rnd.randint(1, 3))),
            events=tuple(events),
            measures=measures,
            sources=shared
            + ((self.source(False, year, int(action.id[-6:]) * 100 + index),) if rnd.random() < 0.2 else ()),
        )


def generate(n: int, *, seed: int = 2026) -> Dataset:
    """A synthetic dataset of exactly *n* cases (see the module docs)."""
    generator = _Generator(seed)
    actions: list[Action] = []
    cases: list[Case] = []
    number = 0
    while len(cases) < n:
        number += 1
        size = min(n - len(cases), 1 if generator.random.random() < 0.5 else generator.random.randint(2, 40))
        action, found = generator.action(number, size)
        actions.append(action)
        cases.extend(found)
    return Dataset.of(cases, generator.catalogue, "2026.01.01", actions=actions)
