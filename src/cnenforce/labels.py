"""How the outputs name things: names, not codes.

The exports, the reports and the command line show an authority by its name, a province by its
name, a measure kind in words and a provision as a citation that keeps the text its numbers
refer to. These functions are the one place that decides how.

>>> import cnenforce
>>> dataset = cnenforce.load()
>>> case = dataset["2017-yibin-teacher-training-website"]
>>> citation(case.violations[0], dataset.catalogue), citation(case.violations[0], dataset.catalogue, "zh")
('Article 21 of the Cybersecurity Law (2016)', '《网络安全法》（2016）第二十一条')
>>> place(case), place(case, "zh"), words(case.measures[0].kind), words("industry-and-it")
('Yibin, Sichuan', '四川省', 'fine', 'industry and IT')
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final, Literal

import attrs

from cnenforce.catalogue import Catalogue
from cnenforce.citations import cite
from cnenforce.model import Case, Provision, Region, UnnamedAuthority
from cnenforce.regions import PROVINCES

__all__ = [
    "Lang",
    "amounts",
    "authorities",
    "authority",
    "citation",
    "group",
    "instrument",
    "joined",
    "place",
    "province",
    "region",
    "words",
]

Lang = Literal["en", "zh"]
"""A language of names: English or Chinese."""

NATIONWIDE: Final = {"en": "nationwide", "zh": "全国"}


_ACRONYMS: Final = {"it": "IT", "sdk": "SDK", "vpn": "VPN", "sql": "SQL", "icp": "ICP", "ai": "AI"}


def words(value: enum.Enum | str) -> str:
    """A vocabulary value in words: ``order-to-correct`` -> ``order to correct``,
    ``industry-and-it`` -> ``industry and IT``."""
    text = str(value.value if isinstance(value, enum.Enum) else value)
    if text == "e-commerce":
        return text
    return " ".join(_ACRONYMS.get(word, word) for word in text.split("-"))


def province(code: str, lang: Lang = "en") -> str:
    """The name of the province with this ISO 3166-2:CN code (the code itself if unknown)."""
    found = PROVINCES.get(code)
    if found is None:
        return code
    return found.name_en if lang == "en" else found.name_zh


def place(case: Case, lang: Lang = "en") -> str:
    """Where the action was taken: ``"Yibin, Sichuan"``, ``"四川省宜宾市"``, ``"nationwide"``
    (in Chinese, only the names the record gives in Chinese); empty when the record does not
    say."""
    if case.national:
        return NATIONWIDE[lang]
    return "" if case.region is None else region(case.region, lang)


def region(where: Region, lang: Lang = "en") -> str:
    """A region in words, smallest part first in English (``"Binjiang District, Hangzhou,
    Zhejiang"``), largest first in Chinese; a province-level city is named once (``"Beijing"``)."""
    parts = (
        [province(where.province, "zh"), where.city_zh, where.district_zh]
        if lang == "zh"
        else [where.district or where.district_zh, where.city or where.city_zh, province(where.province)]
    )
    kept: list[str] = []
    for part in parts:
        if part and not any(part.casefold() == other.casefold() for other in kept):
            kept.append(part)
    return ("" if lang == "zh" else ", ").join(kept)


def authority(authority_id: str, catalogue: Catalogue, lang: Lang = "en") -> str:
    """The name of a catalogue authority (its id when it is not in *catalogue*)."""
    found = catalogue.authorities.get(authority_id)
    if found is None:
        return authority_id
    return (found.name_zh or found.name_en) if lang == "zh" else found.name_en


def _unnamed(unnamed: UnnamedAuthority, lang: Lang) -> str:
    if lang == "zh" and unnamed.description_zh:
        return unnamed.description_zh
    return unnamed.description or unnamed.description_zh or f"a {words(unnamed.kind)} authority"


def authorities(case: Case, catalogue: Catalogue, lang: Lang = "en") -> list[str]:
    """The names of the case's authorities: named ones, then those described but not named."""
    named = [authority(key, catalogue, lang) for key in case.authorities]
    return named + [_unnamed(unnamed, lang) for unnamed in case.unnamed_authorities]


def instrument(key: str, catalogue: Catalogue, lang: Lang = "en") -> str:
    """The short title of a catalogue instrument (*key* itself when not in *catalogue*)."""
    found = catalogue.instruments.get(key)
    if found is None:
        return key
    if lang == "zh":
        return found.short_title_zh or found.title_zh
    return found.short_title_en or found.title_en


def citation(provision: Provision, catalogue: Catalogue, lang: Lang = "en") -> str:
    """*provision* as a citation that keeps the text its numbers refer to: ``"Article 21 of the
    Cybersecurity Law (2016)"``, ``"《网络安全法》（2016）第二十一条"``. Both forms read back as the
    same provision (:func:`cnenforce.citations.parse`). An instrument id missing from
    *catalogue* is written as its title."""
    if provision.instrument is not None and provision.instrument not in catalogue.instruments:
        provision = attrs.evolve(provision, instrument=None, title=provision.instrument)
    text = cite(provision, lang, catalogue=catalogue)
    if not provision.version:
        return text
    if lang == "en":
        return f"{text} ({provision.version})"
    if text.startswith("《") and "》" in text:
        head, _, tail = text.partition("》")
        return f"{head}》（{provision.version}）{tail}"
    return f"{text}（{provision.version}年文本）"


def amounts(totals: Mapping[str, Decimal]) -> str:
    """Amounts per currency: ``"CNY 1,050,000"``; empty for none."""
    return "; ".join(f"{currency} {amount:,f}" for currency, amount in totals.items())


_ARTICLE_KEY: Final = re.compile(r"(?P<instrument>.+) (?P<article>[0-9]+)(?: \((?P<version>[^()]+)\))?")


def group(grouping: str, key: str, catalogue: Catalogue, lang: Lang = "en") -> str:
    """The name of one group of a statistics grouping (see :data:`cnenforce.stats.GROUPINGS`):
    an authority's name for ``authority``, a province's for ``province``, a citation for
    ``article``, words for the vocabularies; ``"unknown"`` (a case the sources give no value
    for) reads "not stated"."""
    if key == "unknown":
        return "not stated" if lang == "en" else "不详"
    if grouping == "authority":
        return authority(key, catalogue, lang)
    if grouping == "province":
        return NATIONWIDE[lang] if key == "national" else province(key, lang)
    if grouping == "instrument":
        return instrument(key, catalogue, lang)
    if grouping == "campaign":
        found = catalogue.campaigns.get(key)
        return key if found is None else (found.name_zh if lang == "zh" else found.name_en)
    if grouping == "article":
        match = _ARTICLE_KEY.fullmatch(key)
        if match is None:
            return key
        known = match["instrument"] in catalogue.instruments
        provision = Provision(
            instrument=match["instrument"] if known else None,
            title=None if known else match["instrument"],
            article=int(match["article"]),
            version=match["version"],
        )
        return citation(provision, catalogue, lang)
    if grouping in ("year", "month"):
        return key
    return words(key)


def joined(values: Iterable[str]) -> str:
    """Values of a list in one cell: ``"a; b"``."""
    return "; ".join(values)
