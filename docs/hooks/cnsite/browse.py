"""Index pages: the cases by year, instrument and article, authority, province, measure kind,
tag and campaign. Each value is a section with an anchor, listing links to its cases.

Index pages are left out of the search index, so a search finds each case once, on its own
page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from cnenforce.model import Case, Provision
from cnenforce.vocabulary import AuthorityKind, MeasureCategory, MeasureKind, Tag
from cnsite.context import (
    INSTRUMENTS_PAGE,
    Site,
    browse_page,
    case_page,
    case_sort_key,
    date_text,
    label,
    province_name,
    provision_anchor,
)
from cnsite.html import Markup, el
from cnsite.pages import GeneratedPage, page, zh

DIMENSIONS = (
    ("years", "By year"),
    ("instruments", "By instrument and article"),
    ("authorities", "By authority"),
    ("provinces", "By province"),
    ("measures", "By measure"),
    ("tags", "By tag"),
    ("campaigns", "By campaign"),
)
"""The index pages: file name and title."""

Section = tuple[str, Markup | str, Iterable[Case]]
"""An index section: its anchor, its heading and its cases."""


def case_list(site: Site, cases: Iterable[Case], here: str) -> Markup:
    items = [
        el(
            "li",
            None,
            site.a(case_page(case.id), here, case.title),
            el(
                "span",
                {"class": "cn-muted"},
                " · ",
                date_text(case.date, "undated"),
                " · ",
                case.respondent.display_name,
            ),
        )
        for case in sorted(cases, key=case_sort_key, reverse=True)
    ]
    return el("ul", {"class": "cn-case-list"}, items)


def index_body(
    site: Site, dimension: str, title: str, intro: str, sections: Iterable[Section], level: int = 2
) -> Markup:
    here = browse_page(dimension)
    built = [(anchor, heading, tuple(cases)) for anchor, heading, cases in sections]
    built = [section for section in built if section[2]]
    jump = el(
        "nav",
        {"class": "cn-jump", "aria-label": "Sections"},
        el(
            "ul",
            None,
            [
                el("li", None, site.a(here, here, heading, f" ({len(cases)})", fragment=anchor))
                for anchor, heading, cases in built
            ],
        ),
    )
    heading_tag = f"h{level}"
    return el(
        "div",
        None,
        el("h1", None, title),
        el("p", None, intro),
        jump,
        [
            (
                el(heading_tag, {"id": anchor}, heading, el("span", {"class": "cn-muted"}, f" ({len(cases)})")),
                case_list(site, cases, here),
            )
            for anchor, heading, cases in built
        ],
    )


def _group(cases: Iterable[Case], keys: Callable[[Case], Iterable[str]]) -> dict[str, list[Case]]:
    grouped: dict[str, list[Case]] = {}
    for case in cases:
        for key in dict.fromkeys(keys(case)):
            grouped.setdefault(key, []).append(case)
    return grouped


def years(site: Site) -> Iterator[Section]:
    grouped = _group(site.dataset.cases, lambda c: [str(c.year) if c.year is not None else "undated"])
    for year in sorted(grouped, key=lambda y: (y != "undated", y), reverse=True):
        yield year, year.capitalize(), grouped[year]


def provinces(site: Site) -> Iterator[Section]:
    def key(case: Case) -> list[str]:
        if case.national:
            return ["national"]
        return [case.region.province] if case.region else ["not-stated"]

    grouped = _group(site.dataset.cases, key)
    for code in sorted(grouped, key=lambda c: (c in ("national", "not-stated"), province_name(c))):
        heading = "Place not stated" if code == "not-stated" else province_name(code)
        yield code, heading, grouped[code]


def authorities(site: Site) -> Iterator[Section]:
    dataset = site.dataset
    named = _group(dataset.cases, lambda c: c.authorities)
    for kind in AuthorityKind:
        for authority in dataset.authorities.values():
            if authority.kind is kind and authority.id in named:
                heading = el(
                    "span", None, authority.name_en, (" · ", zh(authority.name_zh)) if authority.name_zh else None
                )
                yield authority.id, heading, named[authority.id]
    unnamed = _group(dataset.cases, lambda c: [u.kind.value for u in c.unnamed_authorities])
    for kind in AuthorityKind:
        if kind.value in unnamed:
            yield f"unnamed-{kind.value}", f"Unnamed authorities: {label(kind.value)}", unnamed[kind.value]
    yield (
        "not-named",
        "No authority named or described",
        [c for c in dataset.cases if not c.authorities and not c.unnamed_authorities],
    )


def measures(site: Site) -> Iterator[Section]:
    grouped = _group(site.dataset.cases, lambda c: [m.kind.value for m in c.measures])
    for category in MeasureCategory:
        for kind in MeasureKind:
            if kind.category is category and kind.value in grouped:
                yield kind.value, f"{label(kind.value)} ({label(category.value).lower()})", grouped[kind.value]
    without = _group(site.dataset.cases, lambda c: [] if c.measures else [c.measures_disclosure.value])
    for disclosure, cases in without.items():
        yield f"disclosure-{disclosure}", f"No measure listed: {label(disclosure).lower()}", cases


def tags(site: Site) -> Iterator[Section]:
    grouped = _group(site.dataset.cases, lambda c: [t.value for t in c.tags])
    for tag in sorted(Tag, key=lambda t: t.value):
        if tag.value in grouped:
            yield tag.value, tag.value, grouped[tag.value]


def campaigns(site: Site) -> Iterator[Section]:
    grouped = _group(site.dataset.cases, lambda c: [ref.id for ref in c.campaigns])
    for campaign in site.dataset.campaigns.values():
        if campaign.id in grouped:
            yield campaign.id, el("span", None, campaign.name_en, " · ", zh(campaign.name_zh)), grouped[campaign.id]


def instruments_body(site: Site) -> Markup:
    """Cases by instrument, then by article (in the text the case cites)."""
    here = browse_page("instruments")
    dataset = site.dataset
    by_instrument: dict[str, dict[str, tuple[Provision, list[Case]]]] = {}
    unresolved: dict[str, list[Case]] = {}
    for case in dataset.cases:
        for cited in case.citations():
            provision = cited.provision
            if provision.instrument is None:
                cases = unresolved.setdefault(provision.title or "", [])
                if case not in cases:
                    cases.append(case)
                continue
            whole = Provision(instrument=provision.instrument)
            article = Provision(instrument=provision.instrument, article=provision.article, version=provision.version)
            sections = by_instrument.setdefault(provision.instrument, {})
            for key in (whole, article):
                anchor = provision_anchor(key)
                _, cases = sections.setdefault(anchor, (key, []))
                if case not in cases:
                    cases.append(case)
    parts: list[Markup] = []
    for instrument in dataset.instruments.values():
        if instrument.id not in by_instrument:
            continue
        sections = by_instrument[instrument.id]
        whole_anchor = provision_anchor(Provision(instrument=instrument.id))
        _, all_cases = sections[whole_anchor]
        parts.append(
            el(
                "h2",
                {"id": instrument.id},
                instrument.title_en,
                " · ",
                zh(instrument.short_title_zh or instrument.title_zh),
                el("span", {"class": "cn-muted"}, f" ({len(all_cases)})"),
            )
        )
        parts.append(el("p", None, site.a(INSTRUMENTS_PAGE, here, "About this instrument", fragment=instrument.id)))
        articles = sorted(
            (item for anchor, item in sections.items() if anchor != whole_anchor),
            key=lambda item: (item[0].article or 0, item[0].version or ""),
        )
        for provision, cases in articles:
            parts.append(
                el(
                    "h3",
                    {"id": provision_anchor(provision)},
                    site.citation(provision),
                    " · ",
                    zh(site.citation(provision, "zh")),
                    el("span", {"class": "cn-muted"}, f" ({len(cases)})"),
                )
            )
            parts.append(case_list(site, cases, here))
        cited_whole = [
            c
            for c in all_cases
            if not any(p.provision.instrument == instrument.id and p.provision.article for p in c.citations())
        ]
        if cited_whole:
            parts.append(el("h3", {"id": f"{instrument.id}-whole"}, "Cited as a whole"))
            parts.append(case_list(site, cited_whole, here))
    if unresolved:
        parts.append(el("h2", {"id": "not-in-catalogue"}, "Instruments not in the catalogue"))
        for title, cases in sorted(unresolved.items()):
            parts.append(el("h3", None, title))
            parts.append(case_list(site, cases, here))
    jump = el(
        "nav",
        {"class": "cn-jump", "aria-label": "Instruments"},
        el(
            "ul",
            None,
            [
                el(
                    "li",
                    None,
                    site.a(here, here, instrument.short_title_en or instrument.title_en, fragment=instrument.id),
                )
                for instrument in dataset.instruments.values()
                if instrument.id in by_instrument
            ],
        ),
    )
    return el(
        "div",
        None,
        el("h1", None, "Cases by instrument and article"),
        el(
            "p",
            None,
            "Every provision the cases cite, as breached, as the basis of a measure or without a stated role, "
            "grouped by instrument and article. Article numbers are those of the text each case cites "
            "(the Cybersecurity Law was renumbered in 2025).",
        ),
        jump,
        parts,
    )


def browse_pages(site: Site) -> Iterator[GeneratedPage]:
    intros = {
        "years": "The cases by the year of their reference date (the decision, else the announcement).",
        "authorities": "The cases by the authority that acted, named or described by the sources. "
        "A case with several authorities is listed under each.",
        "provinces": "The cases by the province where the action was taken; nationwide actions apart.",
        "measures": "The cases by the kinds of measure taken. Penalties, corrective orders, supervisory "
        "measures and removals are kept apart, as in the statistics.",
        "tags": "The cases by category of conduct.",
        "campaigns": "The cases by the enforcement campaign they were part of.",
    }
    sections = {
        "years": years,
        "authorities": authorities,
        "provinces": provinces,
        "measures": measures,
        "tags": tags,
        "campaigns": campaigns,
    }
    for dimension, title in DIMENSIONS:
        if dimension == "instruments":
            body = instruments_body(site)
        else:
            body = index_body(site, dimension, f"Cases {title.lower()}", intros[dimension], sections[dimension](site))
        yield GeneratedPage(browse_page(dimension), page(f"Cases {title.lower()}", body, search=False, kind="browse"))
    listing = el(
        "ul",
        None,
        [el("li", None, site.a(browse_page(d), browse_page("index"), title)) for d, title in DIMENSIONS],
    )
    body = el("div", None, el("h1", None, "Browse"), el("p", None, "The cases, indexed."), listing)
    yield GeneratedPage(browse_page("index"), page("Browse", body, search=False, kind="browse"))


__all__ = ["DIMENSIONS", "browse_pages"]
