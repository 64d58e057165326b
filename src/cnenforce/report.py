"""Plain-text renderings of cases and statistics for the command line.

Names lead, not codes (:mod:`cnenforce.labels`); every piece of data passes through
:func:`cnenforce.terminal.clean` (directly, or through :func:`cnenforce.table.render`), so
nothing in the record can act on the terminal. A case is always described in the same lines
for the same fields present, whatever their text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from cnenforce import labels
from cnenforce.catalogue import Catalogue
from cnenforce.citations import CitationMatch
from cnenforce.model import Action, Case, Measure, Person, Provision, Respondent, UnnamedAuthority
from cnenforce.stats import GROUPINGS, Group, Statistics, statistics
from cnenforce.table import Column
from cnenforce.terminal import clean
from cnenforce.vocabulary import MeasureTarget

__all__ = [
    "CASE_COLUMNS",
    "CELLS",
    "Crossed",
    "case_cells",
    "citation_records",
    "cross",
    "cross_cells",
    "describe_case",
    "describe_statistics",
    "group_cells",
    "group_columns",
    "group_records",
    "measure_text",
]

CASE_COLUMNS: Final = (
    Column("ID", cut=False),
    Column("DATE", cut=False),
    Column("RESPONDENT", minimum=12),
    Column("AUTHORITY", minimum=12, drop=2),
    Column("PLACE", minimum=8, drop=4),
    Column("MEASURES", minimum=10, drop=3),
    Column("FINES", cut=False, drop=1),
)
"""The columns of ``cnenforce list``: the case, when, who, by whom, where, what, how much. On a
narrow terminal the place goes first, then the measures, the authority and the fines; the id,
date and respondent always stay."""

_LABEL: Final = 12


def _field(label: str, text: str) -> str:
    return f"  {label:<{_LABEL}}{text}"


def _both(english: str | None, chinese: str | None) -> str:
    return " / ".join(name for name in (english, chinese) if name)


def _cite(provision: Provision, catalogue: Catalogue) -> str:
    return _both(labels.citation(provision, catalogue), labels.citation(provision, catalogue, "zh"))


def _person(person: Person) -> str:
    details = [labels.words(person.role) if person.role else None, person.position]
    extra = ", ".join(d for d in details if d)
    names = _both(person.name_en, person.name_zh)
    if names and extra:
        return f"{names} ({extra})"
    return names or extra


def measure_text(measure: Measure, catalogue: Catalogue) -> str:
    """One measure in words: kind, amount, duration, on whom, and under what."""
    parts = [labels.words(measure.kind)]
    if measure.amount is not None:
        parts.append(str(measure.amount) + (" each" if measure.per_person else ""))
        total = measure.total
        if measure.per_person and total is not None:
            parts.append(f"({total} in all)")
    elif measure.kind.has_amount:
        parts.append("(amount not stated)")
    if measure.duration is not None:
        parts.append(f"({measure.duration})")
    if measure.target is MeasureTarget.PERSONS:
        named = "; ".join(_person(p) for p in measure.persons)
        count = f"{measure.person_count} persons" if measure.person_count else ""
        parts.append("on " + (", ".join(x for x in (named, count) if x) or "responsible persons"))
    elif measure.target is MeasureTarget.THIRD_PARTY:
        parts.append(f"addressed to {_both(measure.addressee, measure.addressee_zh)}")
    if measure.interim:
        parts.append("(interim)")
    if not measure.is_penalty:
        parts.append("[not a penalty]")
    if measure.basis:
        parts.append("under " + "; ".join(labels.citation(p, catalogue) for p in measure.basis))
    if measure.note:
        parts.append(f"- {measure.note}")
    return " ".join(parts)


def _respondent(respondent: Respondent) -> list[str]:
    lines = []
    names = _both(respondent.name_en, respondent.name_zh)
    described = _both(respondent.description, respondent.description_zh)
    who = names or described or "not named"
    if respondent.anonymised:
        who += " (anonymised)"
    lines.append(_field("respondent", who))
    if names and described:
        lines.append(_field("", described))
    kind = labels.words(respondent.kind) + (f", {labels.words(respondent.sector)} sector" if respondent.sector else "")
    lines.append(_field("kind", kind))
    if respondent.aliases:
        lines.append(_field("aliases", "; ".join(respondent.aliases)))
    if respondent.region is not None:
        lines.append(_field("based in", labels.region(respondent.region)))
    if respondent.services:
        lines.append(_field("services", "; ".join(respondent.services)))
    if respondent.parent:
        lines.append(_field("parent", respondent.parent))
    for member in respondent.members:
        lines.append(
            _field("member", _both(member.name_en, member.name_zh) + (f" ({member.note})" if member.note else ""))
        )
    return lines


def _unnamed(unnamed: UnnamedAuthority) -> str:
    described = _both(unnamed.description, unnamed.description_zh) or "not named"
    details = [labels.words(unnamed.kind), labels.words(unnamed.level) if unnamed.level else None]
    details.append(labels.region(unnamed.region) if unnamed.region else None)
    return f"{described} (not named; {', '.join(d for d in details if d)})"


def describe_case(case: Case, catalogue: Catalogue, *, action: Action | None = None) -> str:
    """Every field of *case* in readable lines: names in both languages, places and authorities
    by name, provisions as citations with the text their numbers refer to, each measure, person,
    app and source. *action* (the case's announcement) adds its title."""
    lines = [case.id, f"  {case.title}"]
    if case.title_zh:
        lines.append(f"  {case.title_zh}")
    lines.append("")
    lines.extend(_respondent(case.respondent))
    for key in case.authorities:
        found = catalogue.authorities.get(key)
        if found is None:
            lines.append(_field("authority", key))
            continue
        kind_level = f"{labels.words(found.kind)}, {labels.words(found.level)}"
        lines.append(_field("authority", f"{_both(found.name_en, found.name_zh)} ({kind_level}; {key})"))
    lines.extend(_field("authority", _unnamed(unnamed)) for unnamed in case.unnamed_authorities)
    if not case.authorities and not case.unnamed_authorities:
        lines.append(_field("authority", "not named in the sources"))
    lines.append(_field("place", _both(labels.place(case), labels.place(case, "zh")) or "not stated"))
    date = str(case.date) if case.date else "not stated"
    if case.year_from_sources:
        date += " (no source gives the year; the id takes the year of the earliest source)"
    elif case.date is not None and case.date.year is None:
        date += " (the source gives no year)"
    lines.append(_field("date", date))
    if case.status is not None:
        lines.append(_field("status", labels.words(case.status)))
    if case.action is not None:
        title = f": {_both(action.title, action.title_zh)}" if action is not None else ""
        lines.append(_field("action", f"{case.action}{title}"))
    for ref in case.campaigns:
        found_campaign = catalogue.campaigns.get(ref.id)
        name = _both(found_campaign.name_en, found_campaign.name_zh) if found_campaign else ref.id
        lines.append(_field("campaign", name + (f" {ref.year}" if ref.year else "")))
    for app in case.apps:
        about_app = [
            labels.words(app.kind),
            app.version,
            app.store,
            f"operator {app.operator}" if app.operator else None,
        ]
        lines.append(_field("app", _both(app.name, app.name_en) + f" ({', '.join(d for d in about_app if d)})"))
    for event in case.events:
        when = str(event.date) if event.date else "undated"
        by = f" by {labels.authority(event.authority, catalogue)}" if event.authority else ""
        lines.append(
            _field("event", f"{labels.words(event.kind)} {when}{by}" + (f" - {event.note}" if event.note else ""))
        )
    lines.extend(_field("violated", _cite(p, catalogue)) for p in case.violations)
    lines.extend(_field("cited", _cite(p, catalogue)) for p in case.cited)
    lines.append(_field("measures", labels.words(case.measures_disclosure)))
    lines.extend(_field("measure", measure_text(m, catalogue)) for m in case.measures)
    if case.tags:
        lines.append(_field("tags", ", ".join(t.value for t in case.tags)))
    if case.note:
        lines.append(_field("note", case.note))
    lines.extend(["", f"  {case.summary}"])
    if case.summary_zh:
        lines.append(f"  {case.summary_zh}")
    lines.extend(["", "  sources"])
    for number, source in enumerate(case.sources, start=1):
        publisher = source.publisher or f"{source.kind.value} copy"
        when = f", {source.published}" if source.published else ""
        lines.append(
            f"  [{number}] {publisher}, {source.title or '(untitled)'}{when}"
            + (f" <{source.url}>" if source.url else "")
        )
        about = [f"{source.kind.value}, {source.language.value}"]
        if source.authors:
            about.append("by " + ", ".join(source.authors))
        if source.copy_of is not None:
            about.append(f"copy of [{source.copy_of}]")
        if source.retrieved is not None:
            about.append(f"read {source.retrieved}")
        if source.archived_url:
            about.append(f"archived <{source.archived_url}>")
        if source.states:
            about.append("states " + ", ".join(source.states))
        if source.note:
            about.append(source.note)
        lines.append("      " + "; ".join(about))
    return "\n".join(clean(line) for line in lines) + "\n"


# --- list ----------------------------------------------------------------------------------------


def _fines(case: Case) -> str:
    totals: dict[MeasureTarget, dict[str, Decimal]] = {}
    undisclosed = 0
    for measure in case.penalties:
        if not measure.is_fine:
            continue
        total = measure.total
        if total is None:
            undisclosed += 1
            continue
        into = totals.setdefault(measure.target, {})
        into[total.currency] = into.get(total.currency, Decimal(0)) + total.amount
    parts = [labels.amounts(totals[MeasureTarget.RESPONDENT])] if MeasureTarget.RESPONDENT in totals else []
    if MeasureTarget.PERSONS in totals:
        parts.append(labels.amounts(totals[MeasureTarget.PERSONS]) + " on persons")
    if undisclosed and not parts:
        parts.append("not stated")
    return "; ".join(parts)


def case_cells(case: Case, catalogue: Catalogue) -> list[str]:
    """The cells of *case*'s row in :data:`CASE_COLUMNS` (not yet escaped)."""
    kinds = dict.fromkeys(labels.words(measure.kind) for measure in case.measures)
    return [
        case.id,
        str(case.date) if case.date else "-",
        case.respondent.display_name or "-",
        "; ".join(labels.authorities(case, catalogue)) or "-",
        labels.place(case) or "-",
        ", ".join(kinds) or labels.words(case.measures_disclosure),
        _fines(case),
    ]


# --- statistics ----------------------------------------------------------------------------------

CELLS: Final = ("cases", "fines", "person-fines", "undisclosed")
"""What a cell of a two-way table can hold: cases; the stated fines on respondents; on
persons; the fines of undisclosed amount."""


def _cell(group: Group, cell: str) -> str:
    if cell == "cases":
        return str(group.cases)
    if cell == "fines":
        return labels.amounts(group.fines_on_respondents)
    if cell == "person-fines":
        return labels.amounts(group.fines_on_persons)
    return str(group.fines_undisclosed)


def group_columns(grouping: str) -> list[Column]:
    """The columns of a one-way table of *grouping*."""
    return [
        Column(labels.words(grouping.replace("_", "-")).upper(), minimum=16),
        Column("CASES", align="right", cut=False),
        Column("FINES ON RESPONDENTS", align="right", cut=False),
        Column("FINES ON PERSONS", align="right", cut=False),
        Column("UNDISCLOSED FINES", align="right", cut=False),
    ]


def group_cells(grouping: str, group: Group, catalogue: Catalogue) -> list[str]:
    """The cells of one group's row in :func:`group_columns`."""
    return [
        labels.group(grouping, group.key, catalogue),
        str(group.cases),
        labels.amounts(group.fines_on_respondents),
        labels.amounts(group.fines_on_persons),
        str(group.fines_undisclosed),
    ]


@attrs.frozen
class Crossed:
    """A two-way table: for each group of the first grouping, its cases grouped by the second."""

    rows: str
    columns: str
    groups: tuple[tuple[Group, Mapping[str, Group]], ...]
    """Each group of *rows*, with the groups of *columns* among its cases, by key."""
    keys: tuple[str, ...]
    """The keys of *columns* found anywhere, in the order of the whole selection's groups."""


def _keys_by_case(cases: Sequence[Case], catalogue: Catalogue, grouping: str) -> list[tuple[str, ...]]:
    # One case's statistics give its keys by exactly the rules of the statistics themselves.
    return [tuple(group.key for group in statistics((case,), catalogue=catalogue).groups[grouping]) for case in cases]


def cross(cases: Iterable[Case], catalogue: Catalogue, rows: str, columns: str) -> Crossed:
    """Group *cases* by *rows*, then each group's cases by *columns* (both from
    :data:`~cnenforce.stats.GROUPINGS`); counts and totals follow the rules of
    :mod:`cnenforce.stats`."""
    for grouping in (rows, columns):
        if grouping not in GROUPINGS:
            raise ValueError(f"unknown grouping {grouping!r} (one of: {', '.join(GROUPINGS)})")
    chosen = tuple(cases)
    whole = statistics(chosen, catalogue=catalogue)
    keys = _keys_by_case(chosen, catalogue, rows)
    crossed = []
    for group in whole.groups[rows]:
        members = [case for case, found in zip(chosen, keys, strict=True) if group.key in found]
        inner = statistics(members, catalogue=catalogue).groups[columns]
        crossed.append((group, {g.key: g for g in inner}))
    return Crossed(rows=rows, columns=columns, groups=tuple(crossed), keys=tuple(g.key for g in whole.groups[columns]))


def cross_cells(crossed: Crossed, catalogue: Catalogue, cell: str) -> tuple[list[Column], list[list[str]]]:
    """The columns and rows of a two-way table, each cell holding *cell* (one of :data:`CELLS`),
    with a last column for the whole row group."""
    heading = f"{labels.words(crossed.rows.replace('_', '-'))} \\ {labels.words(crossed.columns.replace('_', '-'))}"
    columns = [Column(heading.upper(), minimum=16)]
    columns += [Column(labels.group(crossed.columns, key, catalogue), align="right", cut=False) for key in crossed.keys]
    columns.append(Column("ALL", align="right", cut=False))
    rows = []
    for group, inner in crossed.groups:
        cells = [labels.group(crossed.rows, group.key, catalogue)]
        cells += [_cell(inner[key], cell) if key in inner else "" for key in crossed.keys]
        cells.append(_cell(group, cell))
        rows.append(cells)
    return columns, rows


def _amount_columns(prefix: str, totals: Mapping[str, Decimal], currencies: Sequence[str]) -> dict[str, str | None]:
    return {f"{prefix}_{c.lower()}": format(totals[c], "f") if c in totals else None for c in currencies}


def group_records(cases: Sequence[Case], catalogue: Catalogue, by: Sequence[str]) -> list[dict[str, object]]:
    """The groups of *cases* by one or two groupings, as flat records for JSON and CSV: each
    grouping's key and name, then ``cases``, the stated fines on respondents and on persons per
    currency (``fines_on_respondents_cny``, ...; amounts as decimal text) and
    ``fines_undisclosed``. Two groupings give one record per pair of groups that has cases."""
    if not 1 <= len(by) <= 2:
        raise ValueError("group by one or two groupings")
    whole = statistics(cases, catalogue=catalogue)
    currencies = sorted({"CNY", *whole.fines_on_respondents, *whole.fines_on_persons})
    pairs: list[tuple[tuple[Group, ...], Group]]
    if len(by) == 1:
        pairs = [((group,), group) for group in whole.groups[by[0]]]
    else:
        crossed = cross(cases, catalogue, by[0], by[1])
        pairs = [
            ((outer, inner[key]), inner[key]) for outer, inner in crossed.groups for key in crossed.keys if key in inner
        ]
    records: list[dict[str, object]] = []
    for keys, group in pairs:
        record: dict[str, object] = {}
        for grouping, key_group in zip(by, keys, strict=True):
            record[grouping] = key_group.key
            record[f"{grouping}_name"] = labels.group(grouping, key_group.key, catalogue)
        record["cases"] = group.cases
        record.update(_amount_columns("fines_on_respondents", group.fines_on_respondents, currencies))
        record.update(_amount_columns("fines_on_persons", group.fines_on_persons, currencies))
        record["fines_undisclosed"] = group.fines_undisclosed
        records.append(record)
    return records


def citation_records(
    matches: Sequence[CitationMatch], catalogue: Catalogue, lang: labels.Lang = "en"
) -> list[dict[str, Any]]:
    """The citations found in a text, as records: the provision's parts, the span and text
    matched, the citation it resolves to (in *lang*, with its text year), and ``notes``: an
    instrument not in the catalogue, parts that could not be read, an article beyond the last
    article of the instrument's text."""
    records: list[dict[str, Any]] = []
    for match in matches:
        provision = match.provision
        notes = []
        last = _last_article(provision, catalogue)
        beyond = last is not None and provision.article is not None and provision.article > last
        if provision.instrument is None:
            notes.append("not in the catalogue")
        elif beyond:
            text = f" of the {provision.version} text" if provision.version else ""
            notes.append(f"beyond the last article{text} (Article {last})")
        if match.unread:
            notes.append("not read: " + ", ".join(repr(part) for part in match.unread))
        records.append(
            {
                "instrument": provision.instrument,
                "title": provision.title if provision.title is not None else match.instrument_text,
                "article": provision.article,
                "paragraph": provision.paragraph,
                "item": provision.item,
                "version": provision.version,
                "start": match.start,
                "end": match.end,
                "text": match.text,
                "citation": labels.citation(provision, catalogue, lang),
                "resolved": provision.instrument is not None,
                "partial": match.partial,
                "unread": list(match.unread),
                "last_article": last,
                "beyond_last_article": beyond,
                "notes": notes,
            }
        )
    return records


def _last_article(provision: Provision, catalogue: Catalogue) -> int | None:
    instrument = catalogue.instruments.get(provision.instrument or "")
    if instrument is None:
        return None
    text = instrument.version(provision.version) if provision.version else instrument.current
    return text.articles if text is not None else None


def describe_statistics(summary: Statistics, version: str, catalogue: Catalogue, *, top: int = 10) -> str:
    """A readable summary of *summary*: the counts and fine totals, then the largest groups of
    each grouping (at most *top*), by name."""
    lines = [f"cnenforce dataset {version}: {summary.cases} cases", ""]
    lines.append(f"cases with a penalty: {summary.penalised}; other measures: {summary.other_measures}")
    for title, fines in (("fines on respondents", summary.on_respondents), ("fines on persons", summary.on_persons)):
        stated = labels.amounts(fines.totals) or "none stated"
        lines.append(
            f"{title}: {fines.count} ({fines.stated} stated, {fines.undisclosed} undisclosed); total {stated}"
            + (
                f"; median {labels.amounts(fines.median)}; largest {labels.amounts(fines.largest)}"
                if fines.stated
                else ""
            )
        )
    lines.append(f"respondents fined: {summary.respondents_fined}; persons fined (known): {summary.persons_fined}")
    if summary.per_person_fines_uncounted:
        lines.append(f"per-person fines on an unstated number of persons: {summary.per_person_fines_uncounted}")
    lines.append(f"anonymised respondents: {summary.anonymised_respondents}")
    for grouping in GROUPINGS:
        groups = summary.groups[grouping]
        if not groups or grouping == "month":
            continue
        lines.extend(["", f"by {labels.words(grouping.replace('_', '-'))}:"])
        shown = groups if grouping == "year" else groups[:top]
        lines.extend(f"  {labels.group(grouping, g.key, catalogue)[:56]:<56} {g.cases:>6}" for g in shown)
        if len(groups) > len(shown):
            option = grouping.replace("_", "-")
            lines.append(f"  ... and {len(groups) - len(shown)} more (cnenforce stats --by {option})")
    return "\n".join(clean(line) for line in lines) + "\n"
