"""The checks of records beyond their fields: references, dates, texts in force, statutory
ranges. Each check reports to a :class:`~cnenforce.contrib.collector.Collector`; warnings (a
fine outside the statutory range, an instrument not in the catalogue) do not block loading
unless the run is strict.

The checks take the parts of a record one at a time, so that a record whose other fields are
broken still has these checked (see :func:`check_case_parts`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import typing
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from cnenforce.catalogue import Catalogue
from cnenforce.citations import cite, find
from cnenforce.consistency import action_references, authority_references, case_references, provision_reference
from cnenforce.contrib.collector import Collector
from cnenforce.converter import structure_problems
from cnenforce.errors import Severity
from cnenforce.model import (
    CASE_ID_PATTERN,
    Action,
    Authority,
    Case,
    CitationExample,
    Event,
    Instrument,
    InstrumentVersion,
    Measure,
    Money,
    PartialDate,
    Provision,
    Respondent,
    Source,
)
from cnenforce.vocabulary import MeasureKind, MeasureTarget

__all__ = [
    "check_action",
    "check_authority",
    "check_case",
    "check_case_parts",
    "check_instrument",
    "suggest",
]

_PATH_PART: Final = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[[0-9]+\])*)")


def suggest(wrong: str, known: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of *known*, or nothing."""
    close = difflib.get_close_matches(wrong, list(known), n=3)
    return f" (did you mean {', '.join(map(repr, close))}?)" if close else ""


# --- cases ----------------------------------------------------------------------------------


def check_case(case: Case, catalogue: Catalogue, actions: Iterable[str], out: Collector, today: dt.date) -> None:
    """Every check of a whole case."""
    _check_id(case, out)
    _check_references(case, catalogue, actions, out)
    date = case.date
    for path, provision in _provisions(case):
        check_provision(provision, catalogue, date, out, path)
    for index, measure in enumerate(case.measures):
        _check_fine(measure, catalogue, out, f"measures[{index}]")
    for index, event in enumerate(case.events):
        _check_event_date(event, today, out, f"events[{index}]")
    for index, source in enumerate(case.sources):
        _check_source(source, today, out, f"sources[{index}]")
        for s_index, path in enumerate(source.states):
            if not _resolves(case, path):
                out.add(f"sources[{index}].states[{s_index}]", f"the case has no field {path!r}")
    respondent = case.respondent
    if respondent.masked and not respondent.anonymised:
        out.add("respondent.anonymised", "the name is masked as published (某, *): set anonymised = true")


def check_case_parts(
    raw: dict[str, Any], catalogue: Catalogue, actions: Iterable[str], out: Collector, today: dt.date
) -> None:
    """The checks that can still be made when a case as a whole cannot be built: each field,
    and each item of a list, that can be built on its own is checked on its own (references,
    provisions, fine ranges, dates, the respondent's masking)."""
    hints = _hints(Case)
    known_actions = set(actions)
    action = raw.get("action")
    if isinstance(action, str) and action not in known_actions:
        out.add("action", f"unknown action {action!r}{suggest(action, known_actions)}")
    authorities = raw.get("authorities")
    if isinstance(authorities, list):
        for index, authority in enumerate(authorities):
            if isinstance(authority, str) and authority not in catalogue.authorities:
                out.add(
                    f"authorities[{index}]",
                    f"unknown authority {authority!r}{suggest(authority, catalogue.authorities)}",
                )
    for index, campaign in _items(raw, "campaigns", hints["campaigns"]):
        if campaign.id not in catalogue.campaigns:
            out.add(
                f"campaigns[{index}].id",
                f"unknown campaign {campaign.id!r}{suggest(campaign.id, catalogue.campaigns)}",
            )
    for field in ("violations", "cited"):
        for index, provision in _items(raw, field, hints[field]):
            check_provision(provision, catalogue, None, out, f"{field}[{index}]")
    for index, measure in _items(raw, "measures", hints["measures"]):
        for b_index, provision in enumerate(measure.basis):
            check_provision(provision, catalogue, None, out, f"measures[{index}].basis[{b_index}]")
        _check_fine(measure, catalogue, out, f"measures[{index}]")
    for index, event in _items(raw, "events", hints["events"]):
        _check_event_date(event, today, out, f"events[{index}]")
        if event.authority is not None and event.authority not in catalogue.authorities:
            out.add(
                f"events[{index}].authority",
                f"unknown authority {event.authority!r}{suggest(event.authority, catalogue.authorities)}",
            )
    for index, source in _items(raw, "sources", hints["sources"]):
        _check_source(source, today, out, f"sources[{index}]")
    respondent, _ = structure_problems(raw.get("respondent"), Respondent)
    if respondent is not None and respondent.masked and not respondent.anonymised:
        out.add("respondent.anonymised", "the name is masked as published (某, *): set anonymised = true")


@functools.cache
def _hints(cls: type[Any]) -> dict[str, Any]:
    return typing.get_type_hints(cls)  # slow: once per class


def _items(raw: dict[str, Any], field: str, tp: Any) -> Iterable[tuple[int, Any]]:
    values = raw.get(field)
    if not isinstance(values, list):
        return
    member = tp.__args__[0]
    for index, value in enumerate(values):
        record, _ = structure_problems(value, member)
        if record is not None:
            yield index, record


def _check_id(case: Case, out: Collector) -> None:
    match = CASE_ID_PATTERN.fullmatch(case.id)
    if match is None:
        out.add("id", f"case id {case.id!r} must be a year then lowercase words, e.g. '2017-boss-zhipin'")
        return
    id_year = int(match["year"])
    if case.year is not None:
        if case.year != id_year:
            out.add(
                "id",
                f"the id's year {id_year} is not the case's year {case.year} (keep an id once published; "
                "otherwise use the year of the case's date)",
                Severity.WARNING,
            )
    elif case.year_from_sources:
        years = [s.published.year for s in case.sources if s.published is not None and s.published.year]
        if years and min(years) != id_year:
            out.add(
                "id",
                f"no event gives a year, so the id's year should be the year the earliest source was "
                f"published ({min(years)}), not {id_year}",
                Severity.WARNING,
            )


def _check_references(case: Case, catalogue: Catalogue, actions: Iterable[str], out: Collector) -> None:
    known_actions = set(actions)
    for path, message in case_references(case, catalogue, known_actions):
        if path.startswith(("violations", "cited")) or ".basis[" in path:
            continue  # reported by check_provision, with the provision's other checks
        hint = ""
        if message.startswith("unknown authority"):
            hint = suggest(message.split("'")[1], catalogue.authorities)
        elif message.startswith("unknown campaign"):
            hint = suggest(message.split("'")[1], catalogue.campaigns)
        elif message.startswith("unknown action"):
            hint = suggest(message.split("'")[1], known_actions)
        out.add(path, message + hint)


def _provisions(case: Case) -> Iterable[tuple[str, Provision]]:
    for field, provisions in (("violations", case.violations), ("cited", case.cited)):
        for index, provision in enumerate(provisions):
            yield f"{field}[{index}]", provision
    for m_index, measure in enumerate(case.measures):
        for index, provision in enumerate(measure.basis):
            yield f"measures[{m_index}].basis[{index}]", provision


def _text_for(provision: Provision, instrument: Instrument) -> InstrumentVersion | None:
    if provision.version is not None:
        return instrument.version(provision.version)
    return instrument.versions[0] if len(instrument.versions) == 1 else None


def check_provision(
    provision: Provision, catalogue: Catalogue, date: PartialDate | None, out: Collector, path: str
) -> None:
    """A provision names a known instrument and text, an article that exists in that text, and
    a text already in force on the case's date."""
    if provision.instrument is None:
        out.add(
            path,
            f"instrument {provision.title!r} is not in the catalogue; add it to data/instruments/",
            Severity.WARNING,
        )
        return
    broken = provision_reference(provision, catalogue)
    if broken is not None:
        field, reason = broken
        hint = suggest(provision.instrument, catalogue.instruments) if field == "instrument" else ""
        out.add(f"{path}.{field}", reason + hint)
        return
    instrument = catalogue.instruments[provision.instrument]
    if provision.article is not None and provision.version is None and len(instrument.versions) > 1:
        versions = " or ".join(repr(v.id) for v in instrument.versions)
        out.add(
            f"{path}.version", f"{instrument.id} has several texts; say which the article number refers to: {versions}"
        )
        return
    text = _text_for(provision, instrument)
    if text is None:
        return
    if provision.article is not None and text.articles is not None and provision.article > text.articles:
        out.add(
            f"{path}.article",
            f"article {provision.article} is out of range: {instrument.id} ({text.id}) has {text.articles} articles",
        )
    latest = date.latest() if date is not None else None
    if provision.version is not None and text.effective is not None and latest is not None and latest < text.effective:
        out.add(
            f"{path}.version",
            f"the {text.id} text of {instrument.id} took effect on {text.effective}, after the case's date {date}",
        )


def _check_fine(measure: Measure, catalogue: Catalogue, out: Collector, path: str) -> None:
    if measure.kind is not MeasureKind.FINE or measure.amount is None or measure.target is MeasureTarget.THIRD_PARTY:
        return
    _check_fine_range(measure.amount, measure.target, measure.basis, catalogue, out, f"{path}.amount")


def _check_fine_range(
    amount: Money, target: MeasureTarget, basis: Sequence[Provision], catalogue: Catalogue, out: Collector, path: str
) -> None:
    for provision in basis:
        instrument = catalogue.instrument(provision.instrument) if provision.instrument else None
        if instrument is None or provision.article is None:
            continue
        text = _text_for(provision, instrument)
        if text is None:
            continue
        ranges = [
            r
            for r in text.fine_ranges
            if r.article == provision.article
            and r.target is target
            and (provision.paragraph is None or r.paragraph is None or r.paragraph == provision.paragraph)
        ]
        if ranges and not any(r.admits(amount) for r in ranges):
            allowed = "; ".join(_describe_range(r.minimum, r.maximum) for r in ranges)
            out.add(
                path,
                f"fine of {amount} is outside what Article {provision.article} of {instrument.id} allows ({allowed})",
                Severity.WARNING,
            )


def _describe_range(low: Money | None, high: Money | None) -> str:
    if low and high:
        return f"{low} to {high.amount:,}"
    return f"at least {low}" if low else f"up to {high}"


def _check_event_date(event: Event, today: dt.date, out: Collector, path: str) -> None:
    earliest = event.date.earliest() if event.date is not None else None
    if earliest is not None and earliest > today:
        out.add(f"{path}.date", f"date {event.date} is in the future")


def _check_source(source: Source, today: dt.date, out: Collector, path: str) -> None:
    earliest = source.published.earliest() if source.published is not None else None
    if earliest is not None and earliest > today:
        out.add(f"{path}.published", f"date {source.published} is in the future")
    if source.retrieved is not None:
        if source.retrieved > today:
            out.add(f"{path}.retrieved", f"date {source.retrieved} is in the future")
        elif earliest is not None and source.retrieved < earliest:
            out.add(f"{path}.retrieved", f"read on {source.retrieved}, before it was published ({source.published})")


def _resolves(record: object, path: str) -> bool:
    """Whether *path* (``measures[0].amount``) names a field of *record* that holds a value."""
    current: object = record
    for part in path.split("."):
        match = _PATH_PART.fullmatch(part)
        kind: Any = type(current)
        if match is None or not attrs.has(kind) or match[1] not in attrs.fields_dict(kind):
            return False
        current = getattr(current, match[1])
        for index in re.findall(r"\[([0-9]+)\]", match[2]):
            if not isinstance(current, tuple) or int(index) >= len(current):
                return False
            current = current[int(index)]
    return current is not None and current != ()


# --- actions and catalogue records ---------------------------------------------------------


def check_action(action: Action, catalogue: Catalogue, cases: int | None, out: Collector, today: dt.date) -> None:
    """An action's references, dates and the count of its recorded cases (``None`` when the
    count cannot be known because a case file could not be read)."""
    for path, message in action_references(action, catalogue):
        out.add(path, message)
    earliest = action.published.earliest() if action.published is not None else None
    if earliest is not None and earliest > today:
        out.add("published", f"date {action.published} is in the future")
    for index, source in enumerate(action.sources):
        _check_source(source, today, out, f"sources[{index}]")
    stated = action.respondents_stated
    if cases is None:
        return
    # Warnings, not errors: a document may miscount its own list, and a reviewer decides.
    if stated is not None and cases > stated:
        out.add(
            "respondents_stated",
            f"{cases} cases are recorded, but the document names {stated} respondents",
            Severity.WARNING,
        )
    if action.complete and stated is not None and cases != stated:
        out.add("complete", f"marked complete, but {cases} of the {stated} respondents are recorded", Severity.WARNING)
    if action.complete and cases == 0:
        out.add("complete", "marked complete, but no case belongs to it", Severity.WARNING)


def check_instrument(instrument: Instrument, catalogue: Catalogue, out: Collector) -> None:
    """Fine ranges within the text's articles; renumbering runs that fit both texts; texts
    listed oldest first; example citations that read as the provision they say they cite."""
    for index, example in enumerate(instrument.examples):
        problem = example_problem(example, instrument, catalogue)
        if problem is not None:
            out.add(f"examples[{index}]", problem)
    for v_index, version in enumerate(instrument.versions):
        for r_index, fine_range in enumerate(version.fine_ranges):
            if version.articles is not None and fine_range.article > version.articles:
                out.add(
                    f"versions[{v_index}].fine_ranges[{r_index}].article",
                    f"article {fine_range.article} is out of range: this text has {version.articles} articles",
                )
        previous = instrument.versions[v_index - 1] if v_index else None
        for r_index, run in enumerate(version.renumbering):
            path = f"versions[{v_index}].renumbering[{r_index}]"
            if previous is None:
                out.add(path, "the first text has no preceding text to renumber")
                continue
            if previous.articles is not None and run.last > previous.articles:
                out.add(
                    f"{path}.last", f"article {run.last} is beyond the {previous.articles} articles of {previous.id}"
                )
            if version.articles is not None and run.to + run.last - run.first > version.articles:
                out.add(f"{path}.to", f"the run ends beyond the {version.articles} articles of {version.id}")
    effective = [v.effective for v in instrument.versions if v.effective is not None]
    if effective != sorted(effective):
        out.add("versions", "versions must be listed oldest first")
    for index, source in enumerate(instrument.sources):
        _check_source(source, dt.date.max, out, f"sources[{index}]")


def check_authority(authority: Authority, catalogue: Catalogue, out: Collector) -> None:
    """An authority's parent is in the catalogue."""
    for path, message in authority_references(authority, catalogue):
        out.add(path, message + suggest(authority.parent or "", catalogue.authorities))


def example_problem(example: CitationExample, instrument: Instrument, catalogue: Catalogue) -> str | None:
    """Why the citation parser, with *catalogue*, does not read *example* as the provision it
    declares, or ``None`` if it does."""
    if example.version is not None and instrument.version(example.version) is None:
        return f"no version {example.version!r} of {instrument.id!r}"
    wanted = (instrument.id, example.article, example.paragraph, example.item)
    found = find(example.text, catalogue=catalogue, at=example.at.earliest() if example.at is not None else None)
    hits = [
        m
        for m in found
        if (m.provision.instrument, m.provision.article, m.provision.paragraph, m.provision.item) == wanted
    ]
    if not hits:
        shown = "; ".join(cite(m.provision, catalogue=catalogue) for m in found) or "no citation"
        return f"reads as {shown}, not as {cite(_provision(example, instrument), catalogue=catalogue)}"
    if example.version is not None and all(m.provision.version != example.version for m in hits):
        return f"reads as the {hits[0].provision.version} text, not the {example.version} text"
    return None


def _provision(example: CitationExample, instrument: Instrument) -> Provision:
    return Provision(
        instrument=instrument.id,
        article=example.article,
        paragraph=example.paragraph,
        item=example.item,
        version=example.version,
    )
