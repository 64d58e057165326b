"""What every generated page needs to know: the dataset, where pages live, where data files
live, and how values read on a page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Literal

import attrs

from cnenforce.citations import cite
from cnenforce.contrib.changes import VersionChanges
from cnenforce.dataset import Dataset
from cnenforce.errors import CitationError
from cnenforce.model import Case, Money, PartialDate, Provision, Region
from cnenforce.regions import PROVINCES
from cnenforce.vocabulary import AuthorityKind, AuthorityLevel, MeasureTarget
from cnsite.html import Markup, Url, absolute_url, el, external_url, page_path, relative_url

CASES_DIR = "cases"
ACTIONS_DIR = "actions"
BROWSE_DIR = "browse"
CHANGES_DIR = "changes"
CATALOGUE_PAGE = "cases/index.md"
INSTRUMENTS_PAGE = "instruments.md"
AUTHORITIES_PAGE = "authorities.md"
CAMPAIGNS_PAGE = "campaigns.md"
STATISTICS_PAGE = "statistics.md"
FEED_FILE = "feed.xml"


def label(value: str) -> str:
    """An enum value as words: ``order-to-correct`` -> ``Order to correct``."""
    words = value.replace("-", " ")
    if words.endswith(" it"):  # industry-and-it: the Ministry of Industry and IT
        words = words[:-2] + "IT"
    return words[:1].upper() + words[1:]


def date_text(date: PartialDate | dt.date | None, missing: str = "not stated") -> str:
    """A date as written in data files, or *missing*."""
    if date is None:
        return missing
    if isinstance(date, dt.date):
        return date.isoformat()
    return str(date) if date.year is not None else f"{date} (no year given)"


def money_text(money: Money | None) -> str:
    """``CNY 50,000``, or ``amount not stated``."""
    return "amount not stated" if money is None else str(money)


def region_text(region: Region | None) -> str:
    """``Yibin, Sichuan`` (with the Chinese names where given)."""
    if region is None:
        return ""
    parts = [region.district or region.district_zh, region.city or region.city_zh, region.province_name]
    return ", ".join(part for part in parts if part)


def province_name(code: str) -> str:
    """``Guangdong · 广东`` for ``CN-GD``; ``Nationwide`` for ``national``."""
    if code == "national":
        return "Nationwide · 全国"
    province = PROVINCES.get(code)
    return code if province is None else f"{province.name_en} · {province.short_zh}"


def case_sort_key(case: Case) -> tuple[tuple[int, int, int], str]:
    """Chronological order (undated first), then id."""
    return (case.date.sort_key() if case.date is not None else (0, 0, 0), case.id)


def fine_total(case: Case, currency: str = "CNY") -> Decimal | None:
    """The total of the stated fines (on the respondent and on persons) in *currency*, or
    ``None`` when no fine of that currency has a stated total."""
    totals = [m.total for m in case.penalties if m.is_fine and m.total is not None and m.total.currency == currency]
    return sum((total.amount for total in totals), Decimal(0)) if totals else None


def fine_on(case: Case, target: MeasureTarget, currency: str = "CNY") -> Decimal:
    """The stated fines on *target* (per-person amounts times the persons known)."""
    return sum(
        (
            m.total.amount
            for m in case.penalties
            if m.is_fine and m.target is target and m.total is not None and m.total.currency == currency
        ),
        Decimal(0),
    )


@attrs.frozen(kw_only=True)
class Site:
    """The dataset and the site's addresses. Pages are named by their source path
    (``cases/<id>.md``); :meth:`link` makes the relative URL between two of them."""

    dataset: Dataset
    data_dir: Path | None = None
    """The data directory the dataset was compiled from, to find each record's file."""
    repo_blob: str | None = None
    """Web address of the repository's files (``https://github.com/o/r/blob/main/``)."""
    site_url: str | None = None
    directory_urls: bool = False
    changes: tuple[VersionChanges, ...] = ()
    """The change log (``data/changes.toml``), oldest first."""

    def link(self, target: str, source: str, fragment: str | None = None) -> Url:
        """The URL of page *target* as seen from page *source*."""
        return relative_url(target, source, directory_urls=self.directory_urls, fragment=fragment)

    def a(self, target: str, source: str, *children: object, fragment: str | None = None, **attributes: str) -> Markup:
        """A link from page *source* to page *target*."""
        return el("a", {"href": self.link(target, source, fragment), **attributes}, *children)  # type: ignore[arg-type]

    def permalink(self, src_uri: str) -> Url | None:
        """The absolute address of a page, when the site's address is configured."""
        if not self.site_url:
            return None
        return absolute_url(self.site_url, page_path(src_uri, directory_urls=self.directory_urls))

    def repo_file(self, path: str) -> Url | None:
        """The web address of a repository file (``data/cases/x.toml``)."""
        if not self.repo_blob:
            return None
        return external_url(self.repo_blob.rstrip("/") + "/" + "/".join(path.split("/")))

    def data_file(self, case: Case) -> str | None:
        """The data file that holds *case*: its own file, or its action's file for a batch row."""
        if self.data_dir is None:
            return f"data/{CASES_DIR}/{case.id}.toml"
        own = self.data_dir / "cases" / f"{case.id}.toml"
        if own.is_file():
            return f"data/cases/{case.id}.toml"
        if case.action is not None and (self.data_dir / "actions" / f"{case.action}.toml").is_file():
            return f"data/actions/{case.action}.toml"
        return None

    def citation(self, provision: Provision, language: Literal["en", "zh"] = "en") -> str:
        """*provision* as a citation, with the text it cites where the instrument has several."""
        try:
            text = cite(provision, language, catalogue=self.dataset.catalogue)
        except CitationError:
            text = provision.title or provision.instrument or ""
        if provision.version is not None:
            text += f" ({provision.version} text)" if language == "en" else f"（{provision.version}年文本）"
        return text

    def short_citation(self, provision: Provision) -> str:
        """A short label for a chart: ``Cybersecurity Law Art. 47 (2016)``."""
        instrument = self.dataset.instruments.get(provision.instrument or "")
        name = (instrument.short_title_en or instrument.title_en) if instrument else (provision.title or "")
        text = name if provision.article is None else f"{name} Art. {provision.article}"
        return f"{text} ({provision.version})" if provision.version else text

    def authority_name(self, authority_id: str) -> str:
        authority = self.dataset.authorities.get(authority_id)
        return authority_id if authority is None else authority.name_en

    def authority_kinds(self, case: Case) -> tuple[AuthorityKind, ...]:
        """The kinds of the case's named and unnamed authorities, each once."""
        kinds: dict[AuthorityKind, None] = {}
        for authority_id in case.authorities:
            authority = self.dataset.authorities.get(authority_id)
            if authority is not None:
                kinds.setdefault(authority.kind)
        for unnamed in case.unnamed_authorities:
            kinds.setdefault(unnamed.kind)
        return tuple(kinds)

    def primary_level(self, case: Case) -> AuthorityLevel | None:
        """The level of the first authority the case names (or describes)."""
        for authority_id in case.authorities:
            authority = self.dataset.authorities.get(authority_id)
            if authority is not None:
                return authority.level
        return next((u.level for u in case.unnamed_authorities if u.level is not None), None)

    def ordered_cases(self) -> tuple[Case, ...]:
        """Every case, newest first (the catalogue's order)."""
        return tuple(sorted(self.dataset.cases, key=case_sort_key, reverse=True))


def case_page(case_id: str) -> str:
    return f"{CASES_DIR}/{case_id}.md"


def action_page(action_id: str) -> str:
    return f"{ACTIONS_DIR}/{action_id}.md"


def browse_page(dimension: str) -> str:
    return f"{BROWSE_DIR}/{dimension}.md"


def words(values: Iterable[str]) -> str:
    """Values joined for a ``data-`` attribute that scripts split on spaces."""
    return " ".join(values)


def provision_anchor(provision: Provision) -> str:
    """The anchor of a provision's section on the instrument index (``csl-a21-v2016``)."""
    anchor = provision.instrument or "unresolved"
    if provision.article is not None:
        anchor += f"-a{provision.article}"
        if provision.version is not None:
            anchor += f"-v{provision.version}"
    return anchor
