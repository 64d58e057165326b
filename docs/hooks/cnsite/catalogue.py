"""The case catalogue: one table of every case, which ``docs/js/catalogue.js`` sorts and filters
in the browser (by year, authority kind, province, instrument, measure kind, tag, fine range
and text, with the filters kept in the address so a view can be shared).

The table is complete without the script: every case is a row, every row links to its page.
Each row carries what the filters need as ``data-`` attributes; on a narrow screen the
stylesheet shows each row as a card with every column labelled.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from cnenforce.model import Case
from cnenforce.regions import PROVINCES
from cnenforce.vocabulary import AuthorityKind, MeasureKind, Tag
from cnsite.context import (
    CATALOGUE_PAGE,
    Site,
    case_page,
    date_text,
    fine_total,
    label,
    province_name,
    region_text,
    words,
)
from cnsite.html import Markup, el, join
from cnsite.pages import GeneratedPage, page, zh

COLUMNS = ("Date", "Respondent", "Case", "Authority", "Place", "Instruments", "Measures", "Fine (CNY)")
"""The catalogue's columns, in order."""


def _province(case: Case) -> str:
    if case.national:
        return "national"
    return case.region.province if case.region is not None else ""


def _instrument_label(site: Site, instrument_id: str) -> str:
    instrument = site.dataset.instruments.get(instrument_id)
    if instrument is None:
        return instrument_id
    return instrument.short_title_en or instrument.title_en


def _fine_cell(case: Case, fine: Decimal | None) -> Markup | str:
    """The stated total, or a note that a fine's amount is not disclosed."""
    undisclosed = any(m.is_fine and m.amount is None for m in case.penalties)
    if fine is not None:
        return f"{fine:,}" + (" + undisclosed" if undisclosed else "")
    return el("span", {"class": "cn-muted"}, "not disclosed") if undisclosed else ""


def _date_key(case: Case) -> str:
    """A number that sorts cases by date (undated first)."""
    year, month, day = case.date.sort_key() if case.date is not None else (0, 0, 0)
    return str(year * 10000 + month * 100 + day)


def search_text(site: Site, case: Case) -> str:
    """What the text filter matches besides the visible cells: names in both languages."""
    names = [*case.names(), case.title_zh or ""]
    for authority_id in case.authorities:
        authority = site.dataset.authorities.get(authority_id)
        if authority is not None:
            names.extend(authority.names())
    names.extend(u.description_zh or u.description or "" for u in case.unnamed_authorities)
    return " ".join(name for name in names if name)


def row(site: Site, case: Case) -> Markup:
    here = CATALOGUE_PAGE
    fine = fine_total(case)
    authorities = [site.authority_name(a) for a in case.authorities]
    authorities += [u.description or label(u.kind.value) for u in case.unnamed_authorities]
    place = "Nationwide" if case.national else region_text(case.region)
    measures = sorted({m.kind for m in case.measures}, key=lambda kind: list(MeasureKind).index(kind))
    respondent = case.respondent
    name = respondent.name_en or respondent.name_zh or respondent.description or ""
    cells: list[tuple[str, Markup | str, str | None]] = [
        ("Date", date_text(case.date, "undated"), _date_key(case)),
        (
            "Respondent",
            el(
                "span",
                None,
                site.a(case_page(case.id), here, name),
                (el("br"), zh(respondent.name_zh)) if respondent.name_en and respondent.name_zh else None,
            ),
            name.casefold(),
        ),
        ("Case", case.title, None),
        ("Authority", join(authorities, "; ") or "not named", None),
        ("Place", place or "not stated", None),
        ("Instruments", join([_instrument_label(site, i) for i in case.instruments], "; "), None),
        (
            "Measures",
            join([label(kind.value) for kind in measures], "; ") or label(case.measures_disclosure.value),
            None,
        ),
        ("Fine (CNY)", _fine_cell(case, fine), format(fine, "f") if fine is not None else "-1"),
    ]
    attributes = {
        "data-id": case.id,
        "data-year": str(case.year) if case.year is not None else "unknown",
        "data-akind": words(kind.value for kind in site.authority_kinds(case)),
        "data-province": _province(case),
        "data-instrument": words(case.instruments),
        "data-measure": words(kind.value for kind in measures),
        "data-tag": words(tag.value for tag in case.tags),
        "data-fine": format(fine, "f") if fine is not None else "",
        "data-text": search_text(site, case),
    }
    return el(
        "tr",
        attributes,
        [el("td", {"data-label": column, "data-sort": sort}, value) for column, value, sort in cells],
    )


def _select(name: str, text: str, options: Iterable[tuple[str, str]]) -> Markup:
    return el(
        "label",
        {"class": "cn-filter"},
        el("span", None, text),
        el(
            "select",
            {"name": name, "data-filter": name},
            el("option", {"value": ""}, "All"),
            [el("option", {"value": value}, shown) for value, shown in options],
        ),
    )


def _counted(counter: Counter[str], shown: dict[str, str]) -> list[tuple[str, str]]:
    return [(key, f"{shown.get(key, key)} ({count})") for key, count in counter.items()]


def filters(site: Site, cases: tuple[Case, ...]) -> Markup:
    years = Counter(str(c.year) if c.year is not None else "unknown" for c in cases)
    kinds = Counter(kind.value for c in cases for kind in site.authority_kinds(c))
    provinces = Counter(p for c in cases if (p := _province(c)))
    instruments = Counter(i for c in cases for i in c.instruments)
    measures = Counter(kind.value for c in cases for kind in {m.kind for m in c.measures})
    tags = Counter(tag.value for c in cases for tag in c.tags)
    year_options = sorted(years.items(), key=lambda item: item[0], reverse=True)
    province_names = {code: province_name(code) for code in [*PROVINCES, "national"]}
    return el(
        "form",
        {"class": "cn-filters", "id": "cn-filters", "hidden": True, "role": "search", "aria-label": "Filter cases"},
        el(
            "label",
            {"class": "cn-filter cn-filter-text"},
            el("span", None, "Text"),
            el(
                "input",
                {"type": "search", "name": "q", "data-filter": "q", "placeholder": "Name, 名称, authority, law ..."},
            ),
        ),
        _select("year", "Year", [(year, f"{year} ({count})") for year, count in year_options]),
        _select("akind", "Authority kind", _counted(kinds, {k.value: label(k.value) for k in AuthorityKind})),
        _select("province", "Province", sorted(_counted(provinces, province_names), key=lambda o: o[1])),
        _select(
            "instrument",
            "Instrument",
            sorted(_counted(instruments, {i: _instrument_label(site, i) for i in instruments}), key=lambda o: o[1]),
        ),
        _select("measure", "Measure", _counted(measures, {k.value: label(k.value) for k in MeasureKind})),
        _select("tag", "Tag", sorted(_counted(tags, {t.value: t.value for t in Tag}), key=lambda o: o[1])),
        el(
            "fieldset",
            {"class": "cn-filter cn-filter-range"},
            el("legend", None, "Fine, CNY"),
            el(
                "label",
                None,
                el("span", {"class": "cn-sr-only"}, "from"),
                el(
                    "input",
                    {
                        "type": "number",
                        "min": "0",
                        "name": "fine-min",
                        "data-filter": "fine-min",
                        "placeholder": "from",
                        "inputmode": "numeric",
                    },
                ),
            ),
            "–",
            el(
                "label",
                None,
                el("span", {"class": "cn-sr-only"}, "to"),
                el(
                    "input",
                    {
                        "type": "number",
                        "min": "0",
                        "name": "fine-max",
                        "data-filter": "fine-max",
                        "placeholder": "to",
                        "inputmode": "numeric",
                    },
                ),
            ),
        ),
        el(
            "label",
            {"class": "cn-filter"},
            el("span", None, "Order"),
            el(
                "select",
                {"name": "sort", "data-filter": "sort"},
                el("option", {"value": ""}, "Newest first"),
                el("option", {"value": "0-asc"}, "Oldest first"),
                el("option", {"value": "7-desc"}, "Largest fine"),
                el("option", {"value": "1-asc"}, "Respondent A–Z"),
            ),
        ),
        el("button", {"type": "reset", "class": "md-button"}, "Clear"),
        el("p", {"class": "cn-count", "aria-live": "polite", "id": "cn-count"}),
    )


def catalogue_body(site: Site) -> Markup:
    cases = site.ordered_cases()
    script = el("script", {"src": site.link("js/catalogue.js", CATALOGUE_PAGE), "defer": True})
    intro = el(
        "p",
        None,
        f"Every case in dataset version {site.dataset.version}, newest first. One case is one "
        "respondent in one action. Choose filters to narrow the list; the address keeps them, so a "
        "filtered view can be shared. Fines are the stated amounts in yuan, on the respondent and "
        "on persons together; an empty cell means no stated fine.",
    )
    header = el(
        "thead",
        None,
        el(
            "tr",
            None,
            [el("th", {"scope": "col", "data-column": str(index)}, column) for index, column in enumerate(COLUMNS)],
        ),
    )
    table = el(
        "table",
        {"class": "cn-table cn-cards cn-catalogue", "id": "cn-catalogue"},
        el("caption", {"class": "cn-sr-only"}, "Every case in the record"),
        header,
        el("tbody", None, [row(site, case) for case in cases]),
    )
    return el(
        "div",
        None,
        el("h1", None, "Cases"),
        intro,
        filters(site, cases),
        el("div", {"class": "cn-scroll"}, table),
        el("p", {"class": "cn-empty", "id": "cn-empty", "hidden": True}, "No case matches these filters."),
        script,
    )


def catalogue_page(site: Site) -> GeneratedPage:
    markdown = page("Cases", catalogue_body(site), search=False, hide=("toc", "navigation"), kind="catalogue")
    return GeneratedPage(CATALOGUE_PAGE, markdown)
