"""Whether records refer only to what exists: the checks that make a set of records a dataset.

Shared by the contributor validator (which reports each problem at its file and line) and the
bundle loader (which refuses an inconsistent bundle), so both hold data to the same rules.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from cnenforce.catalogue import Catalogue
from cnenforce.model import Action, Authority, CampaignRef, Case, Provision

__all__ = ["action_references", "authority_references", "case_references", "provision_reference"]


def provision_reference(provision: Provision, catalogue: Catalogue) -> tuple[str, str] | None:
    """``(field, reason)`` when *provision* does not resolve in *catalogue* (an unknown
    instrument or text). An unresolved provision (``instrument`` is ``None``) is not a broken
    reference."""
    if provision.instrument is None:
        return None
    instrument = catalogue.instrument(provision.instrument)
    if instrument is None:
        return "instrument", f"unknown instrument {provision.instrument!r}"
    if provision.version is not None and instrument.version(provision.version) is None:
        versions = ", ".join(repr(version.id) for version in instrument.versions)
        return "version", f"{instrument.id} has no version {provision.version!r} (it has {versions})"
    return None


def _campaigns(campaigns: tuple[CampaignRef, ...], catalogue: Catalogue) -> Iterator[tuple[str, str]]:
    for index, campaign in enumerate(campaigns):
        if campaign.id not in catalogue.campaigns:
            yield f"campaigns[{index}].id", f"unknown campaign {campaign.id!r}"


def _authorities(authorities: tuple[str, ...], catalogue: Catalogue) -> Iterator[tuple[str, str]]:
    for index, authority in enumerate(authorities):
        if authority not in catalogue.authorities:
            yield f"authorities[{index}]", f"unknown authority {authority!r}"


def case_references(case: Case, catalogue: Catalogue, actions: Collection[str]) -> Iterator[tuple[str, str]]:
    """``(field path, message)`` for every reference of *case* that does not resolve."""
    if case.action is not None and case.action not in actions:
        yield "action", f"unknown action {case.action!r}"
    yield from _authorities(case.authorities, catalogue)
    yield from _campaigns(case.campaigns, catalogue)
    for index, event in enumerate(case.events):
        if event.authority is not None and event.authority not in catalogue.authorities:
            yield f"events[{index}].authority", f"unknown authority {event.authority!r}"
    for field, provisions in (("violations", case.violations), ("cited", case.cited)):
        for index, provision in enumerate(provisions):
            problem = provision_reference(provision, catalogue)
            if problem is not None:
                yield f"{field}[{index}].{problem[0]}", problem[1]
    for m_index, measure in enumerate(case.measures):
        for index, provision in enumerate(measure.basis):
            problem = provision_reference(provision, catalogue)
            if problem is not None:
                yield f"measures[{m_index}].basis[{index}].{problem[0]}", problem[1]


def action_references(action: Action, catalogue: Catalogue) -> Iterator[tuple[str, str]]:
    """``(field path, message)`` for every reference of *action* that does not resolve."""
    yield from _authorities(action.authorities, catalogue)
    yield from _campaigns(action.campaigns, catalogue)


def authority_references(authority: Authority, catalogue: Catalogue) -> Iterator[tuple[str, str]]:
    """``(field path, message)`` for a parent authority that is not in the catalogue."""
    if authority.parent is not None and authority.parent not in catalogue.authorities:
        yield "parent", f"unknown authority {authority.parent!r}"
