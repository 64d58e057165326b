"""The reference catalogues: instruments, authorities and campaigns, each with its cases."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cnenforce import labels
from cnenforce.model import Authority, Campaign, FineRange, Instrument, PartialDate, Provision, Source
from cnsite.cases import authority_md, region_md, source_item
from cnsite.context import (
    AUTHORITIES_PAGE,
    CAMPAIGNS_PAGE,
    INSTRUMENTS_PAGE,
    Site,
    browse_page,
    case_page,
    case_sort_key,
    date_text,
    label,
)
from cnsite.html import Markup, el, external_url, join
from cnsite.pages import GeneratedPage, facts, field, page, table, zh

SHOWN_CASES = 10
"""How many cases a reference entry lists before linking to its index section: the CSL alone is
cited in hundreds, which as one cell of links would bury the entry."""


def _cases(site: Site, here: str, case_ids: Iterable[str], index: tuple[str, str]) -> Markup:
    """Links to the newest cases, and to the index section (*index*: dimension, anchor) that
    lists them all when there are more."""
    cases = sorted((site.dataset.by_id[case_id] for case_id in case_ids), key=case_sort_key, reverse=True)
    if not cases:
        return el("span", None, "No case in the dataset.")
    links = [site.a(case_page(case.id), here, case.title) for case in cases[:SHOWN_CASES]]
    more = len(cases) - SHOWN_CASES
    if more > 0:
        dimension, anchor = index
        everything = site.a(browse_page(dimension), here, f"all {len(cases)} cases", fragment=anchor)
        return el(
            "span",
            {"data-search-exclude": True},
            join(links, "; "),
            el("br"),
            f"The newest {SHOWN_CASES} are listed; see ",
            everything,
            ".",
        )
    return el("span", {"data-search-exclude": True}, join(links, "; "))


def _sources(sources: tuple[Source, ...]) -> Markup | None:
    if not sources:
        return None
    return el(
        "div",
        {"data-search-exclude": True},
        el("h3", None, "Sources"),
        el("ol", {"class": "cn-sources"}, [source_item(s, n, f"sources[{n - 1}]") for n, s in enumerate(sources, 1)]),
    )


def _data_file(site: Site, folder: str, record_id: str) -> Markup | None:
    path = f"data/{folder}/{record_id}.toml"
    url = site.repo_file(path)
    return field("Data file", el("a", {"href": url}, el("code", None, path)), "") if url else None


def _date(date: PartialDate | None) -> Markup:
    return el("span", {"class": "cn-nowrap"}, date_text(date, ""))


def fine_range_text(fine: FineRange) -> str:
    if fine.minimum is not None and fine.maximum is not None:
        return f"{fine.minimum} to {fine.maximum.amount:,}"
    if fine.minimum is not None:
        return f"at least {fine.minimum}"
    return f"up to {fine.maximum}"


def instrument_section(site: Site, instrument: Instrument) -> Markup:
    here = INSTRUMENTS_PAGE
    citing = [case.id for case in site.dataset.cases if instrument.id in case.instruments]
    rows = [
        field("Id", el("code", None, instrument.id), "id"),
        field("Chinese title", zh(instrument.title_zh), "title_zh"),
        field("Kind", label(instrument.kind.value), "kind"),
        field(
            "Short title",
            join([t for t in (instrument.short_title_en, instrument.short_title_zh) if t], " · "),
            "short_title_en",
        )
        if instrument.short_title_en or instrument.short_title_zh
        else None,
        field("Abbreviations", join(instrument.abbreviations, ", "), "abbreviations")
        if instrument.abbreviations
        else None,
        field("Also cited as", join((*instrument.aliases_en, *instrument.aliases_zh), "; "), "aliases_en")
        if instrument.aliases_en or instrument.aliases_zh
        else None,
        field("Issued by", join(instrument.issuers, "; "), "issuers") if instrument.issuers else None,
        field("Document number", instrument.document_number, "document_number") if instrument.document_number else None,
        field("Cited in", _cases(site, here, citing, ("instruments", instrument.id)), "")
        if citing
        else field("Cited in", "No case in the dataset.", ""),
        field("Cases by article", site.a(browse_page("instruments"), here, "index", fragment=instrument.id), "")
        if citing
        else None,
        _data_file(site, "instruments", instrument.id),
    ]
    versions = table(
        ("Text", "Adopted", "Promulgated", "In force from", "Articles", "Note"),
        [
            (
                el("code", None, version.id),
                _date(version.adopted),
                _date(version.promulgated),
                _date(version.effective),
                str(version.articles or ""),
                version.note or "",
            )
            for version in instrument.versions
        ],
        classes="cn-table cn-cards",
    )
    ranges = [(version, fine) for version in instrument.versions for fine in version.fine_ranges]
    fines = (
        (
            el("p", None, "Statutory fine ranges, which the validator checks stated fines against:"),
            table(
                ("Text", "Article", "On", "Range", "Where"),
                [
                    (
                        el("code", None, version.id),
                        str(fine.article) + (f", paragraph {fine.paragraph}" if fine.paragraph else ""),
                        label(fine.target.value),
                        fine_range_text(fine),
                        fine.condition or "",
                    )
                    for version, fine in ranges
                ],
                classes="cn-table cn-cards",
            ),
        )
        if ranges
        else None
    )
    return el(
        "section",
        None,
        el("h2", {"id": instrument.id}, instrument.title_en),
        facts(rows),
        versions,
        fines,
        _examples(site, instrument),
        _sources(instrument.sources),
    )


def _examples(site: Site, instrument: Instrument) -> Markup | None:
    """The instrument's example citations: the phrase as written, how the parser reads it, and
    where it was copied from."""
    if not instrument.examples:
        return None
    items = []
    for example in instrument.examples:
        provision = Provision(
            instrument=instrument.id,
            article=example.article,
            paragraph=example.paragraph,
            item=example.item,
            version=example.version,
        )
        url = external_url(example.source)
        items.append(
            el(
                "li",
                None,
                el("q", {"lang": "zh"} if _has_han(example.text) else None, example.text),
                " — read as ",
                labels.citation(provision, site.dataset.catalogue),
                " · ",
                el("a", {"href": url, "rel": "noopener"}, "source") if url else "source not linkable",
            )
        )
    return el(
        "div",
        {"data-search-exclude": True},
        el("h3", None, "Cited as, for example"),
        el(
            "p",
            {"class": "cn-muted"},
            "Real citations copied from the sources linked, as the citation parser reads them.",
        ),
        el("ul", {"class": "cn-examples"}, items),
    )


def _has_han(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def authority_section(site: Site, authority: Authority) -> Markup:
    here = AUTHORITIES_PAGE
    acting = [case.id for case in site.dataset.cases if authority.id in case.authorities]
    rows = [
        field("Id", el("code", None, authority.id), "id"),
        field("Chinese name", zh(authority.name_zh), "name_zh") if authority.name_zh else None,
        field("Kind", label(authority.kind.value), "kind"),
        field("Level", label(authority.level.value), "level"),
        field("Region", region_md(authority.region, "region"), "region") if authority.region else None,
        field("Reports to", authority_md(site, authority.parent, here), "parent") if authority.parent else None,
        field("Also known as", join(authority.aliases, "; "), "aliases") if authority.aliases else None,
        field("Cases", _cases(site, here, acting, ("authorities", authority.id)), ""),
        _data_file(site, "authorities", authority.id),
    ]
    return el(
        "section", None, el("h2", {"id": authority.id}, authority.name_en), facts(rows), _sources(authority.sources)
    )


def campaign_section(site: Site, campaign: Campaign) -> Markup:
    here = CAMPAIGNS_PAGE
    part = [case.id for case in site.dataset.cases if any(ref.id == campaign.id for ref in case.campaigns)]
    rows = [
        field("Id", el("code", None, campaign.id), "id"),
        field("Chinese name", zh(campaign.name_zh), "name_zh"),
        field("What it targets", campaign.description, "description") if campaign.description else None,
        field("Run by", join([label(k.value) for k in campaign.authority_kinds], ", "), "authority_kinds")
        if campaign.authority_kinds
        else None,
        field("Cases", _cases(site, here, part, ("campaigns", campaign.id)), ""),
        _data_file(site, "campaigns", campaign.id),
    ]
    return el("section", None, el("h2", {"id": campaign.id}, campaign.name_en), facts(rows), _sources(campaign.sources))


def reference_pages(site: Site) -> Iterator[GeneratedPage]:
    dataset = site.dataset
    instruments = el(
        "div",
        None,
        el("h1", None, "Instruments"),
        el(
            "p",
            None,
            "The laws, regulations and rules that cases cite, by catalogue id. A provision names the "
            "text its article numbers refer to where an instrument has several.",
        ),
        [instrument_section(site, i) for i in dataset.instruments.values()],
    )
    yield GeneratedPage(INSTRUMENTS_PAGE, page("Instruments", instruments))
    authorities = el(
        "div",
        None,
        el("h1", None, "Authorities"),
        el("p", None, "The enforcement authorities that cases name, by catalogue id."),
        [authority_section(site, a) for a in dataset.authorities.values()],
    )
    yield GeneratedPage(AUTHORITIES_PAGE, page("Authorities", authorities))
    campaigns = el(
        "div",
        None,
        el("h1", None, "Campaigns"),
        el("p", None, "The recurring enforcement campaigns that cases and actions are part of."),
        [campaign_section(site, c) for c in dataset.campaigns.values()]
        or el("p", None, "No campaign is in the catalogue yet."),
    )
    yield GeneratedPage(CAMPAIGNS_PAGE, page("Campaigns", campaigns))


__all__ = ["reference_pages"]
