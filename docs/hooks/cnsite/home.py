"""The home page's generated parts: what the record holds, and the latest cases.

``docs/index.md`` is written by hand; where it has the marker ``<!-- cnenforce:summary -->``
the hook puts these, computed from the data at build time, so no number is ever written in
the page's source.
"""

from __future__ import annotations

from cnenforce import Case
from cnenforce.vocabulary import ActionKind
from cnsite.context import (
    CATALOGUE_PAGE,
    STATISTICS_PAGE,
    Site,
    action_page,
    browse_page,
    case_page,
    case_sort_key,
    date_text,
)
from cnsite.html import Markup, el

MARKER = "<!-- cnenforce:summary -->"
LATEST = 8
"""How many entries the home page's latest list has (a batch notice is one entry)."""
HOME = "index.md"


def summary(site: Site) -> Markup:
    dataset = site.dataset
    cases = dataset.cases
    years = sorted({case.year for case in cases if case.year is not None})
    authorities = {a for case in cases for a in case.authorities}
    provinces = {case.region.province for case in cases if case.region is not None}
    instruments = {i for case in cases for i in case.instruments}
    penalised = sum(1 for case in cases if case.penalties)
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "–")
    figures = [
        (str(len(cases)), "cases", site.link(CATALOGUE_PAGE, HOME)),
        (span, "years", site.link(browse_page("years"), HOME)),
        (str(len(authorities)), "named authorities", site.link(browse_page("authorities"), HOME)),
        (str(len(provinces)), "provinces", site.link(browse_page("provinces"), HOME)),
        (str(len(instruments)), "instruments cited", site.link(browse_page("instruments"), HOME)),
        (str(penalised), "cases with a penalty", site.link(STATISTICS_PAGE, HOME)),
    ]
    grid = el(
        "ul",
        {"class": "cn-figures"},
        [
            el("li", None, el("a", {"href": href}, el("strong", None, number), el("span", None, text)))
            for number, text, href in figures
        ],
    )
    return el(
        "div",
        {"class": "cn-home"},
        el(
            "p",
            {"class": "cn-lead"},
            f"Dataset version {dataset.version} holds {len(cases)} cases from {span}, "
            f"by {len(authorities)} named authorities and others the sources describe without naming.",
        ),
        grid,
        el("h2", {"id": "latest-cases"}, "Latest cases"),
        el("div", {"data-search-exclude": True}, _latest(site, cases)),
        el("p", None, site.a(CATALOGUE_PAGE, HOME, "All cases →")),
    )


def _latest(site: Site, cases: tuple[Case, ...]) -> Markup:
    """The newest cases, a batch notice's rows as one entry for the notice (otherwise one
    notice naming dozens of apps would fill the list)."""
    items: list[Markup] = []
    listed: set[str] = set()
    for case in sorted(cases, key=case_sort_key, reverse=True):
        action = site.dataset.actions.get(case.action) if case.action is not None else None
        if action is not None and action.kind is ActionKind.BATCH_NOTICE:
            if action.id in listed:
                continue
            listed.add(action.id)
            rows = sum(1 for other in cases if other.action == action.id)
            named = f"{rows} respondent{'s' if rows != 1 else ''} recorded"
            link = site.a(action_page(action.id), HOME, action.title)
            detail = (" · ", date_text(case.date, "undated"), " · batch notice, ", named)
        else:
            link = site.a(case_page(case.id), HOME, case.title)
            detail = (" · ", date_text(case.date, "undated"), " · ", case.respondent.display_name)
        items.append(el("li", None, link, el("span", {"class": "cn-muted"}, *detail)))
        if len(items) == LATEST:
            break
    return el("ul", {"class": "cn-case-list"}, items)


def fill(markdown: str, site: Site) -> str:
    """*markdown* (the home page) with its marker replaced by the summary."""
    return markdown.replace(MARKER, "\n" + summary(site) + "\n", 1)


__all__ = ["MARKER", "fill", "summary"]
