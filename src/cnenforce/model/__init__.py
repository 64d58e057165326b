"""The immutable, typed domain model.

Every class is a frozen, slotted, keyword-only attrs class. Collections are tuples, so a loaded
dataset cannot be changed behind anyone's back; use :func:`attrs.evolve` to derive an edited
copy. Validators guard the invariants of every object, however it was built, and raise
:class:`~cnenforce.errors.FieldError` naming the field; the contributor-facing checks that
collect every problem in a data file live in :mod:`cnenforce.contrib`.

Cross-references are by id (``Provision.instrument``, ``Case.authorities``, ``Case.action``),
so a case stays small and the catalogues stay the single place where an instrument, an
authority or a campaign is described.

The model is split by subject: :mod:`~cnenforce.model.values` (dates, money, durations,
places, sources), :mod:`~cnenforce.model.provisions`, :mod:`~cnenforce.model.parties`
(respondents, persons, apps, unnamed authorities), :mod:`~cnenforce.model.reference`
(instruments, authorities, campaigns) and :mod:`~cnenforce.model.case` (cases, measures,
events, actions). Everything is importable from here.
"""

from __future__ import annotations

from cnenforce.model._fields import ID_PATTERN, MAX_ARTICLE, MAX_NAME_LENGTH
from cnenforce.model.case import CASE_ID_PATTERN, Action, CampaignRef, Case, Event, Measure, RetiredId
from cnenforce.model.parties import MASK, App, Member, Person, Respondent, UnnamedAuthority, is_masked
from cnenforce.model.provisions import CitedProvision, Provision
from cnenforce.model.reference import (
    ArticleRenumbering,
    Authority,
    Campaign,
    CitationExample,
    FineRange,
    Instrument,
    InstrumentVersion,
)
from cnenforce.model.values import (
    AMOUNT_PATTERN,
    CURRENCIES,
    DURATION_PATTERN,
    PARTIAL_DATE_PATTERN,
    Duration,
    Money,
    PartialDate,
    Region,
    Source,
)

__all__ = [
    "AMOUNT_PATTERN",
    "CASE_ID_PATTERN",
    "CURRENCIES",
    "DURATION_PATTERN",
    "ID_PATTERN",
    "MASK",
    "MAX_ARTICLE",
    "MAX_NAME_LENGTH",
    "PARTIAL_DATE_PATTERN",
    "Action",
    "App",
    "ArticleRenumbering",
    "Authority",
    "Campaign",
    "CampaignRef",
    "Case",
    "CitationExample",
    "CitedProvision",
    "Duration",
    "Event",
    "FineRange",
    "Instrument",
    "InstrumentVersion",
    "Measure",
    "Member",
    "Money",
    "PartialDate",
    "Person",
    "Provision",
    "Region",
    "Respondent",
    "RetiredId",
    "Source",
    "UnnamedAuthority",
    "is_masked",
]
