"""Plain-text renderings of cases and statistics for the command line."""

from __future__ import annotations

from cnenforce.catalogue import Catalogue
from cnenforce.dataset import Dataset
from cnenforce.model import Case, Penalty, Provision
from cnenforce.stats import Statistics

__all__ = ["describe_case", "describe_statistics"]


def _cite(provision: Provision, catalogue: Catalogue) -> str:
    from cnenforce.citations import cite

    text = cite(provision, "en", catalogue=catalogue)
    return f"{text} [{provision.version} text]" if provision.version else text


def _penalty(penalty: Penalty, catalogue: Catalogue) -> str:
    parts = [penalty.kind.value]
    if penalty.amount is not None:
        parts.append(str(penalty.amount))
    elif penalty.kind.value == "fine":
        parts.append("(amount not stated)")
    if penalty.days:
        parts.append(f"{penalty.days} days")
    if penalty.person:
        parts.append(f"on the {penalty.person}")
    if penalty.basis:
        parts.append("under " + "; ".join(_cite(p, catalogue) for p in penalty.basis))
    return " ".join(parts)


def describe_case(case: Case, catalogue: Catalogue) -> str:
    """A readable multi-line description of *case*."""
    respondent = case.respondent
    names = " / ".join(n for n in (respondent.name_en, respondent.name_zh) if n)
    who = names or f"{respondent.description} (anonymised)"
    authorities = [catalogue.authorities[a].name_en if a in catalogue.authorities else a for a in case.authorities]
    lines = [
        case.id,
        f"  {case.title}",
        *([f"  {case.title_zh}"] if case.title_zh else []),
        f"  respondent: {who}",
        f"  authority:  {'; '.join(authorities) or case.authority_note or 'not named in the sources'}",
        f"  region:     {case.region or '-'}",
        f"  date:       {case.date or 'not stated'}",
    ]
    for event in case.events:
        lines.append(
            f"  event:      {event.kind.value} {event.date or '(undated)'}" + (f" - {event.note}" if event.note else "")
        )
    for provision in case.violations:
        lines.append(f"  violated:   {_cite(provision, catalogue)}")
    if case.penalties:
        lines.extend(f"  penalty:    {_penalty(p, catalogue)}" for p in case.penalties)
    else:
        lines.append(f"  penalty:    {case.penalty_disclosure.value.replace('-', ' ')}")
    if case.tags:
        lines.append(f"  tags:       {', '.join(t.value for t in case.tags)}")
    lines.extend(["", f"  {case.summary}", ""])
    for source in case.sources:
        when = f", {source.published}" if source.published else ""
        lines.append(f"  source: {source.publisher}, {source.title}{when}" + (f" <{source.url}>" if source.url else ""))
    return "\n".join(lines) + "\n"


def describe_statistics(summary: Statistics, dataset: Dataset) -> str:
    """A readable summary of *summary* for *dataset*."""
    lines = [f"cnenforce dataset {dataset.version}: {summary.cases} cases", ""]
    sections = (
        ("by year", summary.by_year),
        ("by province", summary.by_province),
        ("by authority", summary.by_authority),
        ("by instrument cited", summary.by_instrument),
        ("by tag", summary.by_tag),
        ("cases with each penalty kind", summary.by_penalty_kind),
        ("penalty disclosure", summary.by_penalty_disclosure),
    )
    for title, counts in sections:
        lines.append(f"{title}:")
        lines.extend(f"  {key:<34} {count:>4}" for key, count in counts.items())
        lines.append("")
    for title, totals in (
        ("fines on organisations", summary.fines_on_organisations),
        ("fines on responsible persons", summary.fines_on_persons),
    ):
        text = ", ".join(f"{currency} {amount:,}" for currency, amount in totals.items()) or "none stated"
        lines.append(f"{title} (stated amounts): {text}")
    lines.append(f"fines of undisclosed amount: {summary.fines_undisclosed}")
    lines.append(f"anonymised respondents: {summary.anonymised_respondents}")
    return "\n".join(lines) + "\n"
