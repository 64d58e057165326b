"""MkDocs hook: the browsable case catalogue, generated from the bundled dataset at build time.

Adds to the site, without writing anything into ``docs/``:

- ``cases/index.md``: every case in a table (id, date, respondent, authority, region, tags);
- ``cases/<id>.md``: one page per case, whose "edit" link opens ``data/cases/<id>.toml``;
- ``instruments.md`` and ``authorities.md``: the reference catalogues.

Hand-written pages get ``docs/<page>`` as their edit path, since ``edit_uri`` in ``mkdocs.yml``
is relative to the repository root. The rendering functions are plain functions of the dataset
(``tests/test_docs.py`` calls them directly); only :func:`on_files` knows about MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, NamedTuple

import cnenforce
from cnenforce.catalogue import Catalogue
from cnenforce.citations import format as format_citation
from cnenforce.dataset import Dataset
from cnenforce.model import (
    Authority,
    Case,
    Entity,
    FineRange,
    Instrument,
    PartialDate,
    Penalty,
    Provision,
    Region,
    Source,
)
from cnenforce.regions import PROVINCES
from cnenforce.vocabulary import PenaltyDisclosure, PenaltyTarget

CASES_DIR = "cases"
INSTRUMENTS_PAGE = "instruments.md"
AUTHORITIES_PAGE = "authorities.md"
CONTRIBUTING_PAGE = "contributing.md"
"""The repository's CONTRIBUTING.md, published as a page of the site (edited at its source)."""

DISCLOSURE_TEXT = {
    PenaltyDisclosure.STATED: "The sources state the penalties.",
    PenaltyDisclosure.UNSPECIFIED: (
        'The sources say a penalty was imposed ("penalised according to law") but not which.'
    ),
    PenaltyDisclosure.NOT_STATED: "The sources do not say whether any penalty was imposed.",
    PenaltyDisclosure.NONE: "The sources say no penalty was imposed.",
}
"""How each penalty disclosure reads on a case page."""


class GeneratedPage(NamedTuple):
    """A page to add to the site: where it goes, its Markdown, and the file its edit link opens."""

    src_uri: str
    markdown: str
    edit_path: str | None


# --- Markdown helpers -------------------------------------------------------------------------

_ESCAPES = str.maketrans({char: "\\" + char for char in "\\`*_[]|"} | {"<": "&lt;", "\n": " "})


def esc(text: str) -> str:
    """*text* as literal inline Markdown, safe inside a table cell."""
    return text.translate(_ESCAPES)


def _link(text: str, target: str) -> str:
    return f"[{esc(text)}]({target})"


def _label(value: str) -> str:
    """An enum value as words: ``order-to-correct`` -> ``Order to correct``."""
    words = value.replace("-", " ")
    return words[:1].upper() + words[1:]


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(cell or " " for cell in row) + " |" for row in rows)
    return [*lines, ""]


def region_text(region: Region | None) -> str:
    """``Yibin, Sichuan`` for a region, ``""`` for none."""
    if region is None:
        return ""
    province = PROVINCES.get(region.province, region.province)
    return f"{region.city}, {province}" if region.city else province


def _date(date: PartialDate | None) -> str:
    return str(date) if date is not None else "not stated"


# --- provisions -------------------------------------------------------------------------------


def citation(provision: Provision, catalogue: Catalogue, language: Literal["en", "zh"] = "en") -> str:
    """*provision* as a citation, with the text it cites where the instrument has several."""
    text = format_citation(provision, language, catalogue=catalogue)
    if provision.version is not None:
        text += f" ({provision.version} text)" if language == "en" else f"（{provision.version}年文本）"
    return text


def provision_md(provision: Provision, catalogue: Catalogue, *, prefix: str = "../") -> str:
    """A provision in English and Chinese, linked to its instrument in the catalogue page."""
    english = esc(citation(provision, catalogue))
    if provision.instrument is not None and provision.instrument in catalogue.instruments:
        english = f"[{english}]({prefix}{INSTRUMENTS_PAGE}#{provision.instrument})"
        chinese = citation(provision, catalogue, "zh")
        return f"{english} · {esc(chinese)}"
    return f"{english} (not in the catalogue)"


# --- case pages -------------------------------------------------------------------------------


def authority_md(authority_id: str, catalogue: Catalogue, *, prefix: str = "../") -> str:
    """An authority's English name linked to its catalogue entry (the bare id if unknown)."""
    authority = catalogue.authorities.get(authority_id)
    if authority is None:
        return esc(authority_id)
    return f"[{esc(authority.name_en)}]({prefix}{AUTHORITIES_PAGE}#{authority_id})"


def _respondent_rows(entity: Entity, case_region: Region | None) -> Iterator[tuple[str, str]]:
    if entity.anonymised:
        yield "Respondent", f"{esc(entity.description or '')} (anonymised in the sources)"
    else:
        if entity.name_en:
            yield "Respondent", esc(entity.name_en)
        if entity.name_zh:
            yield "Chinese name", esc(entity.name_zh)
        if entity.description:
            yield "Description", esc(entity.description)
    if entity.description_zh:
        yield "Chinese description", esc(entity.description_zh)
    if entity.aliases:
        yield "Also known as", "; ".join(esc(alias) for alias in entity.aliases)
    yield "Kind", _label(entity.kind.value)
    if entity.sector is not None:
        yield "Sector", _label(entity.sector.value)
    if entity.services:
        yield "Services", "; ".join(esc(service) for service in entity.services)
    if entity.parent:
        yield "Part of", esc(entity.parent)
    if entity.region is not None and entity.region != case_region:
        yield "Based in", esc(region_text(entity.region))


def penalty_md(penalty: Penalty, catalogue: Catalogue) -> str:
    """One penalty as a list item's text."""
    parts = [f"**{_label(penalty.kind.value)}**"]
    if penalty.amount is not None:
        parts.append(esc(str(penalty.amount)))
    elif penalty.kind.value in ("fine", "confiscation"):
        parts.append("amount not stated")
    if penalty.days is not None:
        parts.append(f"{penalty.days} days")
    if penalty.target is PenaltyTarget.RESPONSIBLE_PERSON:
        parts.append(f"on {esc(penalty.person)}" if penalty.person else "on a responsible person")
        if penalty.person:
            parts[-1] += " (responsible person)"
    text = ", ".join(parts)
    if penalty.basis:
        text += "; under " + "; ".join(provision_md(p, catalogue) for p in penalty.basis)
    if penalty.note:
        text += f". {esc(penalty.note)}"
    return text


def _source_md(source: Source) -> str:
    title = _link(source.title, source.url) if source.url else f"*{esc(source.title)}*"
    details = [esc(source.publisher)]
    if source.authors:
        details.append(esc(", ".join(source.authors)))
    if source.published is not None:
        details.append(str(source.published))
    details.append({"en": "English", "zh": "Chinese"}.get(source.language, source.language))
    text = f"{title}. " + ", ".join(details) + "."
    if source.archived_url:
        text += f" {_link('Archived copy', source.archived_url)}."
    if source.retrieved is not None:
        text += f" Retrieved {source.retrieved.isoformat()}."
    if source.note:
        text += f" {esc(source.note)}"
    return text


def case_page(case: Case, dataset: Dataset, *, data_url: str | None = None) -> str:
    """The Markdown page of one case; *data_url* is the web address of its data file."""
    catalogue = dataset.catalogue
    lines = [f"# {esc(case.title)}", ""]
    if case.title_zh:
        lines += [f"*{esc(case.title_zh)}*", ""]

    if case.authorities:
        authorities = "; ".join(authority_md(a, catalogue) for a in case.authorities)
        if case.authority_note:
            authorities += f" ({esc(case.authority_note)})"
    else:
        authorities = esc(case.authority_note) if case.authority_note else "Not named in the sources"
    rows: list[tuple[str, str]] = [("Case id", f"`{case.id}`")]
    rows += _respondent_rows(case.respondent, case.region)
    rows += [
        ("Authorities", authorities),
        ("Region", esc(region_text(case.region)) or "Not stated"),
        ("Date", _date(case.date)),
    ]
    if case.status is not None:
        rows.append(("Status", _label(case.status.value)))
    if case.tags:
        rows.append(("Tags", ", ".join(f"`{tag.value}`" for tag in case.tags)))
    if case.joint_action:
        others = [other for other in dataset.cases if other.joint_action == case.joint_action and other is not case]
        joint = f"`{case.joint_action}`"
        if others:
            joint += ", with " + ", ".join(_link(other.respondent.display_name, f"{other.id}.md") for other in others)
        rows.append(("Joint action", joint))
    if data_url:
        rows.append(("Data file", _link(f"data/cases/{case.id}.toml", data_url)))
    lines += _table(("Field", "Value"), rows)

    lines += ["## Summary", "", esc(case.summary), ""]
    if case.summary_zh:
        lines += [esc(case.summary_zh), ""]

    lines += ["## Events", ""]
    if case.events:
        lines += _table(
            ("Date", "Event", "Authority", "Note"),
            (
                (
                    _date(event.date),
                    _label(event.kind.value),
                    authority_md(event.authority, catalogue) if event.authority else "",
                    esc(event.note or ""),
                )
                for event in case.events
            ),
        )
    else:
        lines += ["No dated events are recorded.", ""]

    lines += ["## Violations", ""]
    if case.violations:
        lines += [f"- {provision_md(p, catalogue)}" for p in case.violations] + [""]
    else:
        lines += ["The sources cite no provision as breached.", ""]

    lines += ["## Penalties", ""]
    if case.penalties:
        lines += [f"- {penalty_md(p, catalogue)}" for p in case.penalties] + [""]
    else:
        lines += [DISCLOSURE_TEXT[case.penalty_disclosure], ""]

    lines += ["## Sources", ""]
    lines += [f"{number}. {_source_md(source)}" for number, source in enumerate(case.sources, 1)] + [""]
    return "\n".join(lines)


def _sort_key(case: Case) -> tuple[tuple[int, int, int], str]:
    return (case.date.sort_key() if case.date else (0, 0, 0), case.id)


def case_index(dataset: Dataset) -> str:
    """The table of every case, newest first, grouped by year."""
    catalogue = dataset.catalogue
    lines = [
        "# Cases",
        "",
        f"Dataset version {dataset.version}: {len(dataset)} cases. One case is one respondent in one",
        "action; see the [guide](../guide.md#counting-rules) for the counting rules, and the",
        f"[instrument]({'../' + INSTRUMENTS_PAGE}) and [authority]({'../' + AUTHORITIES_PAGE}) catalogues.",
        "",
    ]
    by_year: dict[str, list[Case]] = {}
    for case in sorted(dataset.cases, key=_sort_key, reverse=True):
        by_year.setdefault(str(case.date.year) if case.date else "Undated", []).append(case)
    for year, cases in by_year.items():
        lines += [f"## {year}", ""]
        lines += _table(
            ("Id", "Date", "Respondent", "Authority", "Region", "Tags"),
            (
                (
                    f"[{case.id}]({case.id}.md)",
                    _date(case.date),
                    esc(case.respondent.display_name)
                    + (
                        f" ({esc(case.respondent.name_zh)})"
                        if case.respondent.name_en and case.respondent.name_zh
                        else ""
                    ),
                    "; ".join(authority_md(a, catalogue) for a in case.authorities) or "not named",
                    esc(region_text(case.region)),
                    ", ".join(tag.value for tag in case.tags),
                )
                for case in cases
            ),
        )
    return "\n".join(lines)


# --- catalogue pages --------------------------------------------------------------------------


def _citing_cases(dataset: Dataset, test: Callable[[Case], bool]) -> str:
    cases = [case for case in dataset.cases if test(case)]
    if not cases:
        return "No case in the dataset."
    return ", ".join(_link(case.id, f"{CASES_DIR}/{case.id}.md") for case in cases)


def _instrument_section(instrument: Instrument, dataset: Dataset, data_base: str | None) -> list[str]:
    lines = [f"## {esc(instrument.title_en)} {{#{instrument.id}}}", ""]
    rows = [
        ("Id", f"`{instrument.id}`"),
        ("Chinese title", esc(instrument.title_zh)),
        ("Kind", _label(instrument.kind.value)),
    ]
    if instrument.short_title_en or instrument.short_title_zh:
        short = " · ".join(esc(t) for t in (instrument.short_title_en, instrument.short_title_zh) if t)
        rows.append(("Short title", short))
    if instrument.abbreviations:
        rows.append(("Abbreviations", ", ".join(esc(a) for a in instrument.abbreviations)))
    aliases = (*instrument.aliases_en, *instrument.aliases_zh)
    if aliases:
        rows.append(("Also cited as", "; ".join(esc(a) for a in aliases)))
    if instrument.issuers:
        rows.append(("Issued by", "; ".join(esc(i) for i in instrument.issuers)))
    if instrument.document_number:
        rows.append(("Document number", esc(instrument.document_number)))
    rows.append(("Cited in", _citing_cases(dataset, lambda case: instrument.id in case.instruments)))
    if data_base:
        path = f"data/instruments/{instrument.id}.toml"
        rows.append(("Data file", _link(path, data_base + path)))
    lines += _table(("Field", "Value"), rows)
    lines += _table(
        ("Text", "Adopted", "Promulgated", "In force from", "Articles", "Note"),
        (
            (
                f"`{version.id}`",
                str(version.adopted or ""),
                str(version.promulgated or ""),
                version.effective.isoformat() if version.effective else "",
                str(version.articles or ""),
                esc(version.note or ""),
            )
            for version in instrument.versions
        ),
    )
    ranges = [(version, fine) for version in instrument.versions for fine in version.fine_ranges]
    if ranges:
        lines += ["Statutory fine ranges, which the validator checks fines against:", ""]
        lines += _table(
            ("Text", "Article", "On", "Range", "Where"),
            (
                (
                    f"`{version.id}`",
                    str(fine.article) + (f", Paragraph {fine.paragraph}" if fine.paragraph else ""),
                    _label(fine.target.value),
                    _fine_range(fine),
                    esc(fine.condition or ""),
                )
                for version, fine in ranges
            ),
        )
    if instrument.sources:
        lines += ["Sources:", ""]
        lines += [f"{n}. {_source_md(source)}" for n, source in enumerate(instrument.sources, 1)] + [""]
    return lines


def _fine_range(fine: FineRange) -> str:
    if fine.minimum is not None and fine.maximum is not None:
        return f"{fine.minimum} to {fine.maximum.amount:,}"
    if fine.minimum is not None:
        return f"at least {fine.minimum}"
    return f"up to {fine.maximum}"


def instruments_page(dataset: Dataset, *, data_base: str | None = None) -> str:
    """Every instrument in the catalogue, with its texts and the cases citing it."""
    lines = [
        "# Instruments",
        "",
        "The laws, regulations and rules that cases cite, by catalogue id. A provision names the",
        "text its article numbers refer to where an instrument has several.",
        "",
    ]
    lines += _table(
        ("Id", "Title", "Chinese title"),
        ((f"[`{i.id}`](#{i.id})", esc(i.title_en), esc(i.title_zh)) for i in dataset.instruments.values()),
    )
    for instrument in dataset.instruments.values():
        lines += _instrument_section(instrument, dataset, data_base)
    return "\n".join(lines)


def _authority_section(authority: Authority, dataset: Dataset, data_base: str | None) -> list[str]:
    lines = [f"## {esc(authority.name_en)} {{#{authority.id}}}", ""]
    rows = [("Id", f"`{authority.id}`")]
    if authority.name_zh:
        rows.append(("Chinese name", esc(authority.name_zh)))
    rows += [("Kind", _label(authority.kind.value)), ("Level", _label(authority.level.value))]
    if authority.region is not None:
        rows.append(("Region", esc(region_text(authority.region))))
    if authority.parent:
        rows.append(("Reports to", authority_md(authority.parent, dataset.catalogue, prefix="")))
    if authority.aliases:
        rows.append(("Also known as", "; ".join(esc(a) for a in authority.aliases)))
    rows.append(("Cases", _citing_cases(dataset, lambda case: authority.id in case.authorities)))
    if data_base:
        path = f"data/authorities/{authority.id}.toml"
        rows.append(("Data file", _link(path, data_base + path)))
    lines += _table(("Field", "Value"), rows)
    if authority.sources:
        lines += ["Sources:", ""]
        lines += [f"{n}. {_source_md(source)}" for n, source in enumerate(authority.sources, 1)] + [""]
    return lines


def authorities_page(dataset: Dataset, *, data_base: str | None = None) -> str:
    """Every authority in the catalogue, with the cases it acted in."""
    lines = ["# Authorities", "", "The enforcement authorities that cases name, by catalogue id.", ""]
    lines += _table(
        ("Id", "Name", "Chinese name", "Level", "Region"),
        (
            (
                f"[`{a.id}`](#{a.id})",
                esc(a.name_en),
                esc(a.name_zh or ""),
                _label(a.level.value),
                esc(region_text(a.region)),
            )
            for a in dataset.authorities.values()
        ),
    )
    for authority in dataset.authorities.values():
        lines += _authority_section(authority, dataset, data_base)
    return "\n".join(lines)


def generated_pages(dataset: Dataset, *, data_base: str | None = None) -> list[GeneratedPage]:
    """Every catalogue page; *data_base* is the web address of the repository root (``.../blob/main/``)."""
    pages = [
        GeneratedPage(f"{CASES_DIR}/index.md", case_index(dataset), None),
        GeneratedPage(INSTRUMENTS_PAGE, instruments_page(dataset, data_base=data_base), None),
        GeneratedPage(AUTHORITIES_PAGE, authorities_page(dataset, data_base=data_base), None),
    ]
    for case in dataset.cases:
        path = f"data/cases/{case.id}.toml"
        data_url = data_base + path if data_base else None
        pages.append(GeneratedPage(f"{CASES_DIR}/{case.id}.md", case_page(case, dataset, data_url=data_url), path))
    return pages


# --- MkDocs events ----------------------------------------------------------------------------


def _data_base(config: Any) -> str | None:
    repo_url: str | None = config.get("repo_url")
    edit_uri: str | None = config.get("edit_uri")
    if not repo_url or not edit_uri:
        return None
    return repo_url.rstrip("/") + "/" + edit_uri.strip("/") + "/"


def on_files(files: Any, config: Any) -> Any:
    """Point hand-written pages' edit links into ``docs/`` and add the generated pages."""
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    for file in files:
        if file.generated_by is None:
            file.edit_uri = f"docs/{file.src_uri}"
    pages = generated_pages(cnenforce.load(), data_base=_data_base(config))
    contributing = Path(config.config_file_path).parent / "CONTRIBUTING.md"
    if contributing.is_file():
        pages.append(GeneratedPage(CONTRIBUTING_PAGE, contributing.read_text(encoding="utf-8"), "CONTRIBUTING.md"))
    for page in pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"docs/{page.src_uri} would hide a generated catalogue page; remove it")
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = page.edit_path
        files.append(file)
    return files
