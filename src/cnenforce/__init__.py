"""cnenforce: the open, typed, citable record of China's cybersecurity, data-security and
personal-information enforcement actions.

>>> import cnenforce
>>> dataset = cnenforce.load()
>>> case = dataset["2017-yibin-teacher-training-website"]
>>> [str(fine) for fine in case.fines()]
['CNY 10,000', 'CNY 5,000']

Importing the package reads no data; :func:`load` reads the bundled dataset on first call.
"""

from __future__ import annotations

from cnenforce.catalogue import Catalogue, load_catalogue
from cnenforce.dataset import Dataset, load
from cnenforce.errors import CaseNotFoundError, CitationError, CnenforceError, DataError, Problem
from cnenforce.model import (
    Authority,
    Case,
    CitedProvision,
    Entity,
    Event,
    FineRange,
    Instrument,
    InstrumentVersion,
    Money,
    PartialDate,
    Penalty,
    Provision,
    Region,
    RetiredId,
    Source,
)
from cnenforce.query import matches, select
from cnenforce.stats import Statistics, statistics
from cnenforce.vocabulary import (
    AuthorityKind,
    AuthorityLevel,
    DateQualifier,
    EntityKind,
    EventKind,
    InstrumentKind,
    PenaltyDisclosure,
    PenaltyKind,
    PenaltyTarget,
    ProvisionRole,
    Sector,
    Tag,
)

__version__ = "0.1.0"

__all__ = [
    "Authority",
    "AuthorityKind",
    "AuthorityLevel",
    "Case",
    "CaseNotFoundError",
    "Catalogue",
    "CitationError",
    "CitedProvision",
    "CnenforceError",
    "DataError",
    "Dataset",
    "DateQualifier",
    "Entity",
    "EntityKind",
    "Event",
    "EventKind",
    "FineRange",
    "Instrument",
    "InstrumentKind",
    "InstrumentVersion",
    "Money",
    "PartialDate",
    "Penalty",
    "PenaltyDisclosure",
    "PenaltyKind",
    "PenaltyTarget",
    "Problem",
    "Provision",
    "ProvisionRole",
    "Region",
    "RetiredId",
    "Sector",
    "Source",
    "Statistics",
    "Tag",
    "load",
    "load_catalogue",
    "matches",
    "select",
    "statistics",
]
