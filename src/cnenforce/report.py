"""Plain-text renderings of cases and statistics for the command line.

Every piece of data passes through :func:`cnenforce.terminal.clean`, so nothing in the record
can act on the terminal.
"""

from __future__ import annotations

from cnenforce.catalogue import Catalogue
from cnenforce.citations import cite
from cnenforce.dataset import Dataset
from cnenforce.model import Case, Measure, Provision
from cnenforce.regions import PROVINCES
from cnenforce.stats import Statistics
from cnenforce.terminal import clean
from cnenforce.vocabulary import MeasureTarget

__all__ = ["describe_case", "describe_statistics"]


def _cite(provision: Provision, catalogue: Catalogue) -> str:
    text = cite(provision, "en", catalogue=catalogue)
    return f"{text} [{provision.version} text]" if provision.version else text


def _measure(measure: Measure, catalogue: Catalogue) -> str:
    parts = [measure.kind.value.replace("-", " ")]
    if measure.amount is not None:
        parts.append(str(measure.amount) + (" each" if measure.per_person else ""))
    elif measure.kind.has_amount:
        parts.append("(amount not stated)")
    if measure.duration is not None:
        parts.append(f"({measure.duration})")
    if measure.target is MeasureTarget.PERSONS:
        named = ", ".join(_person(p) for p in measure.persons)
        count = f"{measure.person_count} persons" if measure.person_count else ""
        parts.append("on " + (", ".join(x for x in (named, count) if x) or "responsible persons"))
    elif measure.target is MeasureTarget.THIRD_PARTY:
        parts.append(f"addressed to {measure.addressee or measure.addressee_zh}")
    if measure.interim:
        parts.append("(interim)")
    if not measure.is_penalty:
        parts.append("[not a penalty]")
    if measure.basis:
        parts.append("under " + "; ".join(_cite(p, catalogue) for p in measure.basis))
    return clean(" ".join(parts))


def _person(person: object) -> str:
    label = getattr(person, "label", "")
    role = getattr(person, "role", None)
    return f"{label} ({role.value})" if role is not None and label != role.value else str(label)


def describe_case(case: Case, catalogue: Catalogue) -> str:
    """A readable multi-line description of *case*."""
    respondent = case.respondent
    names = " / ".join(n for n in (respondent.name_en, respondent.name_zh) if n)
    who = names or f"{respondent.description} (anonymised)"
    authorities = [catalogue.authorities[a].name_en if a in catalogue.authorities else a for a in case.authorities]
    authorities += [u.description or u.description_zh or u.kind.value for u in case.unnamed_authorities]
    place = "nationwide" if case.national else (str(case.region) if case.region else "-")
    lines = [
        case.id,
        f"  {case.title}",
        *([f"  {case.title_zh}"] if case.title_zh else []),
        f"  respondent: {who}",
        f"  authority:  {'; '.join(authorities) or 'not named in the sources'}",
        f"  place:      {place}",
        f"  date:       {case.date or 'not stated'}",
    ]
    lines.extend(f"  app:        {app.name}" + (f" {app.version}" if app.version else "") for app in case.apps)
    for event in case.events:
        lines.append(
            f"  event:      {event.kind.value} {event.date or '(undated)'}" + (f" - {event.note}" if event.note else "")
        )
    lines.extend(f"  violated:   {_cite(p, catalogue)}" for p in case.violations)
    lines.extend(f"  cited:      {_cite(p, catalogue)}" for p in case.cited)
    if case.measures:
        lines.extend(f"  measure:    {_measure(m, catalogue)}" for m in case.measures)
    else:
        lines.append(f"  measures:   {case.measures_disclosure.value.replace('-', ' ')}")
    if case.tags:
        lines.append(f"  tags:       {', '.join(t.value for t in case.tags)}")
    lines.extend(["", f"  {case.summary}", ""])
    for number, source in enumerate(case.sources, start=1):
        when = f", {source.published}" if source.published else ""
        publisher = source.publisher or f"{source.kind.value} copy"
        lines.append(
            f"  [{number}] {publisher}, {source.title or '(untitled)'}{when}"
            + (f" <{source.url}>" if source.url else "")
        )
    return "\n".join(clean(line) for line in lines) + "\n"


def describe_statistics(summary: Statistics, dataset: Dataset) -> str:
    """A readable summary of *summary* for *dataset*, leading with names rather than codes."""
    catalogue = dataset.catalogue

    def province(code: str) -> str:
        return PROVINCES[code].name_en if code in PROVINCES else code

    def authority(key: str) -> str:
        return catalogue.authorities[key].name_en if key in catalogue.authorities else key

    def instrument(key: str) -> str:
        found = catalogue.instruments.get(key)
        return (found.short_title_en or found.title_en) if found is not None else key

    lines = [f"cnenforce dataset {dataset.version}: {summary.cases} cases", ""]
    sections = (
        ("by year", summary.by_year, str),
        ("by province", summary.by_province, province),
        ("by authority", summary.by_authority, authority),
        ("by authority kind", summary.by_authority_kind, str),
        ("by instrument cited", summary.by_instrument, instrument),
        ("by tag", summary.by_tag, str),
        ("by campaign", summary.by_campaign, str),
        ("cases with each measure kind", summary.by_measure_kind, str),
        ("cases with each penalty kind", summary.by_penalty_kind, str),
        ("disclosure of measures", summary.by_disclosure, str),
    )
    for title, counts, name in sections:
        if not counts:
            continue
        lines.append(f"{title}:")
        lines.extend(f"  {name(key)[:48]:<48} {count:>6}" for key, count in counts.items())
        lines.append("")
    lines.append(f"cases with a penalty: {summary.penalised}; other measures: {summary.other_measures}")
    for title, totals in (
        ("fines on respondents", summary.fines_on_respondents),
        ("fines on persons", summary.fines_on_persons),
    ):
        text = ", ".join(f"{currency} {amount:,}" for currency, amount in totals.items()) or "none stated"
        lines.append(f"{title} (stated amounts): {text}")
    lines.append(f"respondents fined: {summary.respondents_fined}; persons fined (known): {summary.persons_fined}")
    if summary.per_person_fines_uncounted:
        lines.append(f"per-person fines on an unstated number of persons: {summary.per_person_fines_uncounted}")
    lines.append(f"fines of undisclosed amount: {summary.fines_undisclosed}")
    lines.append(f"anonymised respondents: {summary.anonymised_respondents}")
    return "\n".join(clean(line) for line in lines) + "\n"
