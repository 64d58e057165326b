"""Case pages and action pages.

A case page is one entry in the search index, titled with the case: its headings carry no
``id``, since the search plugin starts a new entry at every heading that has one.

A case page shows every field of the model; each element that shows a field carries the
field's path (``data-field="measures[0].amount"``, the same paths as ``Source.states``), which
is how ``tests/test_site.py`` checks that no field is left off.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence

from cnenforce.converter import unstructure
from cnenforce.model import (
    Action,
    App,
    CampaignRef,
    Case,
    Event,
    Measure,
    Member,
    Person,
    Provision,
    Region,
    Respondent,
    Source,
    UnnamedAuthority,
)
from cnenforce.vocabulary import Disclosure, MeasureTarget
from cnsite.context import (
    AUTHORITIES_PAGE,
    CAMPAIGNS_PAGE,
    CATALOGUE_PAGE,
    Site,
    action_page,
    browse_page,
    case_page,
    date_text,
    label,
    money_text,
    provision_anchor,
    region_text,
)
from cnsite.html import Child, Markup, el, external_url, join
from cnsite.pages import GeneratedPage, facts, field, page, zh

DISCLOSURE_TEXT = {
    Disclosure.STATED: "The sources state the measures taken.",
    Disclosure.UNSPECIFIED: 'The sources say a penalty was imposed ("penalised according to law") but not which.',
    Disclosure.NOT_STATED: "The sources do not say whether any measure was taken.",
    Disclosure.NONE: "The sources say no measure was taken.",
}
"""How each measures disclosure reads on a case page."""

TARGET_TEXT = {
    MeasureTarget.RESPONDENT: "the respondent",
    MeasureTarget.PERSONS: "persons responsible",
    MeasureTarget.THIRD_PARTY: "a third party",
}


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _list(items: Iterable[Markup | str | None], separator: str = "; ") -> Markup:
    return join([item for item in items if item], separator)


# --- parts --------------------------------------------------------------------------------------


def region_md(region: Region | None, path: str) -> Markup | None:
    if region is None:
        return None
    chinese = " ".join(name for name in (region.province_name_zh, region.city_zh, region.district_zh) if name)
    return el(
        "span",
        {"data-field": path},
        region_text(region),
        " · ",
        el("span", {"lang": "zh"}, chinese),
        " ",
        el("code", None, region.province),
    )


def provision_md(site: Site, provision: Provision, source: str, path: str) -> Markup:
    """A provision in English and Chinese, linked to its instrument's entry."""
    english = site.citation(provision)
    if provision.instrument is not None and provision.instrument in site.dataset.instruments:
        anchor = provision_anchor(provision)
        return el(
            "span",
            {"data-field": path, "class": "cn-provision"},
            site.a(browse_page("instruments"), source, english, fragment=anchor),
            " · ",
            el("span", {"lang": "zh"}, site.citation(provision, "zh")),
        )
    return el("span", {"data-field": path, "class": "cn-provision"}, english, " (not in the catalogue)")


def authority_md(site: Site, authority_id: str, source: str, path: str | None = None) -> Markup:
    authority = site.dataset.authorities.get(authority_id)
    if authority is None:
        return el("span", {"data-field": path}, authority_id)
    return el(
        "span",
        {"data-field": path},
        site.a(AUTHORITIES_PAGE, source, authority.name_en, fragment=authority_id),
        " · " if authority.name_zh else None,
        zh(authority.name_zh),
    )


def unnamed_md(unnamed: UnnamedAuthority, path: str) -> Markup:
    return el(
        "span",
        {"data-field": path},
        el("span", {"data-field": f"{path}.description"}, unnamed.description) if unnamed.description else None,
        " · " if unnamed.description and unnamed.description_zh else None,
        zh(unnamed.description_zh, f"{path}.description_zh"),
        " (",
        el("span", {"data-field": f"{path}.kind"}, label(unnamed.kind.value)),
        ", " if unnamed.level else None,
        el("span", {"data-field": f"{path}.level"}, label(unnamed.level.value)) if unnamed.level else None,
        ", " if unnamed.region else None,
        region_md(unnamed.region, f"{path}.region"),
        "; not named in the sources)",
    )


def campaign_md(site: Site, ref: CampaignRef, source: str, path: str) -> Markup:
    campaign = site.dataset.campaigns.get(ref.id)
    name = ref.id if campaign is None else campaign.name_en
    return el(
        "span",
        {"data-field": path},
        site.a(CAMPAIGNS_PAGE, source, name, fragment=ref.id) if campaign else name,
        f" {ref.year}" if ref.year else None,
        (" · ", zh(campaign.name_zh)) if campaign else None,
    )


def person_md(person: Person, path: str) -> Markup:
    parts: list[Markup] = []
    if person.name_en:
        parts.append(el("span", {"data-field": f"{path}.name_en"}, person.name_en))
    if person.name_zh:
        parts.append(zh(person.name_zh, f"{path}.name_zh") or Markup())
    if person.position:
        parts.append(el("span", {"data-field": f"{path}.position"}, person.position))
    if person.role:
        parts.append(el("span", {"data-field": f"{path}.role"}, label(person.role.value)))
    masked = " (name masked as published)" if person.masked else ""
    return el("span", {"data-field": path}, join(parts, ", "), masked)


def measure_row(site: Site, measure: Measure, index: int, source: str) -> list[Child]:
    path = f"measures[{index}]"
    kind = el(
        "span",
        None,
        el("strong", {"data-field": f"{path}.kind"}, label(measure.kind.value)),
        el("br"),
        el(
            "small",
            None,
            label(measure.kind.category.value),
            "" if measure.is_penalty else " (not counted as a penalty)",
        ),
    )
    on: list[Markup | str] = [el("span", {"data-field": f"{path}.target"}, TARGET_TEXT[measure.target])]
    if measure.persons:
        on.append(join([person_md(p, f"{path}.persons[{i}]") for i, p in enumerate(measure.persons)], "; "))
    if measure.person_count is not None:
        on.append(el("span", {"data-field": f"{path}.person_count"}, f"{measure.person_count} persons"))
    if measure.addressee or measure.addressee_zh:
        on.append(
            el(
                "span",
                None,
                el("span", {"data-field": f"{path}.addressee"}, measure.addressee) if measure.addressee else None,
                " · " if measure.addressee and measure.addressee_zh else None,
                zh(measure.addressee_zh, f"{path}.addressee_zh"),
            )
        )
    amount: list[Markup | str] = []
    if measure.kind.has_amount:
        amount.append(el("span", {"data-field": f"{path}.amount"}, money_text(measure.amount)))
    if measure.per_person:
        amount.append(el("span", {"data-field": f"{path}.per_person"}, "per person"))
        if measure.total is not None:
            amount.append(f"total {measure.total}")
    if measure.duration is not None:
        amount.append(el("span", {"data-field": f"{path}.duration"}, str(measure.duration)))
    if measure.interim:
        amount.append(el("span", {"data-field": f"{path}.interim"}, "interim (while under review)"))
    basis = join([provision_md(site, p, source, f"{path}.basis[{i}]") for i, p in enumerate(measure.basis)], el("br"))
    note = el("span", {"data-field": f"{path}.note"}, measure.note) if measure.note else ""
    return [kind, _list(on, el("br")), _list(amount, el("br")), basis, note]


def event_row(site: Site, event: Event, index: int, source: str) -> list[Child]:
    path = f"events[{index}]"
    return [
        el("span", {"data-field": f"{path}.date"}, date_text(event.date)),
        el("span", {"data-field": f"{path}.kind"}, label(event.kind.value)),
        authority_md(site, event.authority, source, f"{path}.authority") if event.authority else "",
        el("span", {"data-field": f"{path}.note"}, event.note) if event.note else "",
    ]


def app_row(app: App, index: int) -> list[Child]:
    path = f"apps[{index}]"
    return [
        el("span", None, zh(app.name, f"{path}.name")),
        el("span", {"data-field": f"{path}.name_en"}, app.name_en) if app.name_en else "",
        el("span", {"data-field": f"{path}.kind"}, label(app.kind.value)),
        el("span", {"data-field": f"{path}.version"}, app.version) if app.version else "",
        el("span", {"data-field": f"{path}.store"}, app.store) if app.store else "",
        el("span", {"data-field": f"{path}.operator"}, app.operator) if app.operator else "",
    ]


def source_item(source: Source, number: int, path: str) -> Markup:
    url = external_url(source.url)
    title = source.title or source.publisher or source.host or "Untitled"
    shown = el("span", {"data-field": f"{path}.title"}, title) if source.title else title
    if url is not None:
        heading = el("a", {"href": url, "data-field": f"{path}.url", "rel": "noopener"}, shown)
    else:
        heading = el("cite", None, shown)
    details: list[Markup | str | None] = [
        el("span", {"data-field": f"{path}.kind", "class": "cn-badge"}, label(source.kind.value)),
        el("span", {"data-field": f"{path}.publisher"}, source.publisher) if source.publisher else None,
        el("span", {"data-field": f"{path}.authors"}, ", ".join(source.authors)) if source.authors else None,
        el("span", {"data-field": f"{path}.published"}, f"published {source.published}") if source.published else None,
        el(
            "span",
            {"data-field": f"{path}.language"},
            {"en": "English", "zh": "Chinese"}.get(source.language.value, "Chinese (traditional)"),
        ),
        el("span", {"data-field": f"{path}.retrieved"}, f"read {source.retrieved.isoformat()}")
        if source.retrieved
        else None,
    ]
    archived = external_url(source.archived_url)
    more: list[Markup | None] = [
        el("a", {"href": archived, "data-field": f"{path}.archived_url", "rel": "noopener"}, "archived copy")
        if archived
        else None,
        el("span", {"data-field": f"{path}.copy_of"}, f"a copy of source {source.copy_of}") if source.copy_of else None,
        el(
            "span",
            {"data-field": f"{path}.states"},
            "states: ",
            join([el("code", None, s) for s in source.states], ", "),
        )
        if source.states
        else None,
        el("span", {"data-field": f"{path}.note"}, source.note) if source.note else None,
    ]
    lang = "zh" if source.language.value.startswith("zh") else None
    return el(
        "li",
        {"id": f"source-{number}", "data-field": path},
        el("span", {"lang": lang}, heading),
        el("br"),
        _list(details, " · "),
        (el("br"), _list(more, " · ")) if any(more) else None,
    )


def respondent_rows(site: Site, respondent: Respondent, case_region: Region | None) -> Iterator[Markup | None]:
    p = "respondent"
    yield field("Kind", label(respondent.kind.value), f"{p}.kind")
    if respondent.name_en:
        yield field("Name", respondent.name_en, f"{p}.name_en")
    if respondent.name_zh:
        yield field("Chinese name", zh(respondent.name_zh), f"{p}.name_zh")
    if respondent.anonymised or respondent.masked:
        withheld = "withheld by the source" if respondent.anonymised else "published in full"
        if respondent.masked:
            withheld = "masked as published (某, *)"
        yield field("Anonymised", f"{_yes(respondent.anonymised)}: name {withheld}", f"{p}.anonymised")
    if respondent.description:
        yield field("Described as", respondent.description, f"{p}.description")
    if respondent.description_zh:
        yield field("Chinese description", zh(respondent.description_zh), f"{p}.description_zh")
    if respondent.aliases:
        yield field("Also known as", _list(respondent.aliases), f"{p}.aliases")
    if respondent.sector is not None:
        yield field("Sector", label(respondent.sector.value), f"{p}.sector")
    if respondent.services:
        yield field("Services", _list(respondent.services), f"{p}.services")
    if respondent.parent:
        yield field("Part of", respondent.parent, f"{p}.parent")
    if respondent.region is not None:
        yield field("Based in", region_md(respondent.region, f"{p}.region.province"), f"{p}.region")
    for index, member in enumerate(respondent.members):
        yield field(f"Member {index + 1}", member_md(member, f"{p}.members[{index}]"), f"{p}.members[{index}]")


def member_md(member: Member, path: str) -> Markup:
    return el(
        "span",
        None,
        el("span", {"data-field": f"{path}.name_en"}, member.name_en) if member.name_en else None,
        " · " if member.name_en and member.name_zh else None,
        zh(member.name_zh, f"{path}.name_zh"),
        (": ", el("span", {"data-field": f"{path}.note"}, member.note)) if member.note else None,
    )


# --- the page ---------------------------------------------------------------------------------


def case_json(case: Case) -> str:
    """The case's record as the JSON export writes it."""
    return json.dumps(unstructure(case), ensure_ascii=False, indent=2) + "\n"


def cite_text(site: Site, case: Case) -> str:
    permalink = site.permalink(case_page(case.id))
    where = f", {permalink}" if permalink else ""
    return f"cnenforce, case {case.id}, dataset version {site.dataset.version}{where}"


def case_body(site: Site, case: Case, neighbours: tuple[Case | None, Case | None] = (None, None)) -> Markup:
    """The HTML of one case page."""
    here = case_page(case.id)
    dataset = site.dataset
    action = dataset.action_of(case)
    data_file = site.data_file(case)
    data_url = site.repo_file(data_file) if data_file else None

    links = [
        el("a", {"href": site.link(f"cases/{case.id}.json", here), "type": "application/json"}, "JSON record"),
        el("a", {"href": data_url}, "data file ", el("code", None, data_file)) if data_url and data_file else None,
        site.a(CATALOGUE_PAGE, here, "all cases"),
    ]
    permalink = site.permalink(here)
    cite = el(
        "section",
        {"class": "cn-cite", "aria-label": "Cite this record", "data-search-exclude": True},
        el("h2", None, "Cite this record"),
        el("p", None, el("code", {"class": "cn-cite-text"}, cite_text(site, case))),
        el(
            "p",
            None,
            "Permalink: ",
            el("a", {"href": permalink}, permalink) if permalink else el("code", None, here),
            " · ",
            _list(links, " · "),
        ),
    )

    authorities = [authority_md(site, a, here, f"authorities[{i}]") for i, a in enumerate(case.authorities)]
    authorities += [unnamed_md(u, f"unnamed_authorities[{i}]") for i, u in enumerate(case.unnamed_authorities)]
    if case.national:
        place: Markup | str = el("span", {"data-field": "national"}, "Nationwide")
    else:
        place = region_md(case.region, "region") or "Not stated"
    rows: list[Markup | None] = [
        field("Case id", el("code", None, case.id), "id"),
        field("Date", date_text(case.date), "events")
        if case.date is None
        else field(
            "Date",
            f"{case.date} ({'decided' if case.decided else 'announced' if case.announced else 'first event'})",
            "date",
        ),
        field("Year in id", "from the earliest dated source's publication (no event has a year)", "year_from_sources")
        if case.year_from_sources
        else None,
        field("Status", label(case.status.value) if case.status else "No history recorded", "status"),
        field("Authorities", _list(authorities, el("br")) or "Not named in the sources", "authorities"),
        field("Place", place, "region"),
        field("Part of", site.a(action_page(action.id), here, action.title), "action") if action else None,
        field(
            "Campaigns",
            _list([campaign_md(site, c, here, f"campaigns[{i}]") for i, c in enumerate(case.campaigns)]),
            "campaigns",
        )
        if case.campaigns
        else None,
        field(
            "Tags",
            _list([site.a(browse_page("tags"), here, tag.value, fragment=tag.value) for tag in case.tags], ", "),
            "tags",
        )
        if case.tags
        else None,
        field("Measures", DISCLOSURE_TEXT[case.measures_disclosure], "measures_disclosure"),
    ]

    sections: list[Markup | None] = [
        el("h1", {"data-field": "title"}, case.title),
        zh(case.title_zh, "title_zh", "p"),
        cite,
        el("h2", None, "Summary"),
        el("p", {"data-field": "summary"}, case.summary),
        zh(case.summary_zh, "summary_zh", "p"),
        el("h2", None, "Facts"),
        facts(rows),
        el("h2", None, "Respondent"),
        facts(respondent_rows(site, case.respondent, case.region)),
    ]
    if case.apps:
        sections += [
            el("h2", None, "Apps"),
            _table(
                ("App", "English name", "Kind", "Version", "Store", "Operator"),
                [app_row(app, i) for i, app in enumerate(case.apps)],
                "apps",
            ),
        ]
    sections.append(el("h2", None, "Measures"))
    if case.measures:
        sections.append(
            _table(
                ("Measure", "On", "Amount, duration", "Under", "Note"),
                [measure_row(site, m, i, here) for i, m in enumerate(case.measures)],
                "measures",
            )
        )
    else:
        sections.append(el("p", None, DISCLOSURE_TEXT[case.measures_disclosure]))
    sections += [el("h2", None, "Provisions"), _provisions(site, case, here)]
    sections.append(el("h2", None, "History"))
    if case.events:
        sections.append(
            _table(
                ("Date", "Event", "Authority", "Note"),
                [event_row(site, e, i, here) for i, e in enumerate(case.events)],
                "events",
            )
        )
    else:
        sections.append(el("p", None, "No dated event is recorded."))
    sections += [
        el("h2", None, "Sources"),
        el(
            "ol",
            {"class": "cn-sources", "data-field": "sources", "data-search-exclude": True},
            [source_item(s, n, f"sources[{n - 1}]") for n, s in enumerate(case.sources, 1)],
        ),
    ]
    if case.note:
        sections += [el("h2", None, "Note on the record"), el("p", {"data-field": "note"}, case.note)]
    sections.append(_neighbours(site, neighbours, here))
    return el("article", {"class": "cn-case-page", "data-case": case.id}, sections)


def _table(header: Sequence[str], rows: list[list[Child]], path: str) -> Markup:
    head = el("thead", None, el("tr", None, [el("th", {"scope": "col"}, h) for h in header]))
    body = el(
        "tbody",
        None,
        [
            el(
                "tr",
                {"data-field": f"{path}[{i}]"},
                [el("td", {"data-label": header[j]}, cell) for j, cell in enumerate(row)],
            )
            for i, row in enumerate(rows)
        ],
    )
    return el(
        "div", {"class": "cn-scroll"}, el("table", {"class": "cn-table cn-cards", "data-field": path}, head, body)
    )


def _provisions(site: Site, case: Case, here: str) -> Markup:
    groups = [
        ("Breached", "violations", case.violations),
        ("Cited (role not stated)", "cited", case.cited),
    ]
    items: list[Markup] = []
    for heading, path, provisions in groups:
        if provisions:
            items.append(
                el(
                    "div",
                    {"data-field": path},
                    el("h3", None, heading),
                    el(
                        "ul",
                        None,
                        [el("li", None, provision_md(site, p, here, f"{path}[{i}]")) for i, p in enumerate(provisions)],
                    ),
                )
            )
    bases = [(i, j, p) for i, m in enumerate(case.measures) for j, p in enumerate(m.basis)]
    if bases:
        seen: set[Provision] = set()
        unique = [(i, j, p) for i, j, p in bases if not (p in seen or seen.add(p))]  # type: ignore[func-returns-value]
        items.append(
            el(
                "div",
                None,
                el("h3", None, "Measures imposed under"),
                el(
                    "ul",
                    None,
                    [el("li", None, provision_md(site, p, here, f"measures[{i}].basis[{j}]")) for i, j, p in unique],
                ),
            )
        )
    if not items:
        return el("p", None, "The sources cite no provision.")
    return el("div", {"class": "cn-provisions"}, items)


def _neighbours(site: Site, neighbours: tuple[Case | None, Case | None], here: str) -> Markup:
    previous, following = neighbours
    return el(
        "nav",
        {"class": "cn-prevnext", "aria-label": "Previous and next case", "data-search-exclude": True},
        _neighbour(site, previous, here, "← Newer case", "prev"),
        _neighbour(site, following, here, "Older case →", "next"),
    )


def _neighbour(site: Site, case: Case | None, here: str, text: str, rel: str) -> Markup:
    if case is None:
        return el("span")
    return el("span", None, el("small", None, text), el("br"), site.a(case_page(case.id), here, case.title, rel=rel))


def case_pages(site: Site) -> Iterator[GeneratedPage]:
    """A page and a JSON record per case; previous and next follow the catalogue's order."""
    ordered = site.ordered_cases()
    for index, case in enumerate(ordered):
        newer = ordered[index - 1] if index > 0 else None
        older = ordered[index + 1] if index + 1 < len(ordered) else None
        body = case_body(site, case, (newer, older))
        yield GeneratedPage(case_page(case.id), page(case.title, body, kind="case"), site.data_file(case))
        yield GeneratedPage(f"cases/{case.id}.json", case_json(case))


# --- actions ----------------------------------------------------------------------------------


def action_body(site: Site, action: Action) -> Markup:
    here = action_page(action.id)
    cases = site.dataset.cases_of(action.id)
    authorities = [authority_md(site, a, here, f"authorities[{i}]") for i, a in enumerate(action.authorities)]
    authorities += [unnamed_md(u, f"unnamed_authorities[{i}]") for i, u in enumerate(action.unnamed_authorities)]
    stated = action.respondents_stated
    coverage = f"{len(cases)} recorded" + (f" of {stated} the document names" if stated else "")
    coverage += " (complete)" if action.complete else ""
    rows = [
        field("Action id", el("code", None, action.id), "id"),
        field("Kind", label(action.kind.value), "kind"),
        field("Chinese title", zh(action.title_zh), "title_zh") if action.title_zh else None,
        field("Document number", action.document_number, "document_number") if action.document_number else None,
        field("Published", date_text(action.published), "published"),
        field("Authorities", _list(authorities, el("br")) or "Not named", "authorities"),
        field(
            "Place", "Nationwide" if action.national else (region_md(action.region, "region") or "Not stated"), "region"
        ),
        field(
            "Campaigns",
            _list([campaign_md(site, c, here, f"campaigns[{i}]") for i, c in enumerate(action.campaigns)]),
            "campaigns",
        )
        if action.campaigns
        else None,
        field("Respondents", coverage, "respondents_stated"),
        field("Note", action.note, "note") if action.note else None,
    ]
    listing = el(
        "ol",
        {"class": "cn-case-list"},
        [el("li", None, site.a(case_page(c.id), here, c.title), " · ", c.respondent.display_name) for c in cases],
    )
    return el(
        "article",
        None,
        el("h1", None, action.title),
        facts(rows),
        el("h2", None, "Cases"),
        listing,
        el("h2", None, "Sources"),
        el(
            "ol",
            {"class": "cn-sources"},
            [source_item(s, n, f"sources[{n - 1}]") for n, s in enumerate(action.sources, 1)],
        ),
    )


def action_pages(site: Site) -> Iterator[GeneratedPage]:
    for action in site.dataset.actions.values():
        body = action_body(site, action)
        yield GeneratedPage(
            action_page(action.id),
            page(action.title, body, search=False, kind="action"),
            f"data/actions/{action.id}.toml",
        )


__all__ = ["DISCLOSURE_TEXT", "action_pages", "case_body", "case_json", "case_pages", "cite_text"]
