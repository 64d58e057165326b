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

from cnenforce.catalogue import Catalogue
from cnenforce.dataset import Dataset
from cnenforce.errors import (
    BundleError,
    CaseNotFoundError,
    CitationError,
    CnenforceError,
    DataError,
    FieldError,
    Problem,
    QueryError,
)
from cnenforce.loading import load
from cnenforce.model import (
    Action,
    App,
    Authority,
    Campaign,
    CampaignRef,
    Case,
    CitedProvision,
    Duration,
    Event,
    FineRange,
    Instrument,
    InstrumentVersion,
    Measure,
    Member,
    Money,
    PartialDate,
    Person,
    Provision,
    Region,
    Respondent,
    RetiredId,
    Source,
    UnnamedAuthority,
)
from cnenforce.query import Selection, matches, select
from cnenforce.stats import Statistics, statistics
from cnenforce.vocabulary import (
    ActionKind,
    AppKind,
    AuthorityKind,
    AuthorityLevel,
    DateQualifier,
    Disclosure,
    DurationUnit,
    EventKind,
    InstrumentKind,
    Language,
    MeasureCategory,
    MeasureKind,
    MeasureTarget,
    PersonRole,
    ProvisionRole,
    RespondentKind,
    Sector,
    SourceKind,
    Tag,
)

__version__ = "0.2.0.dev0"

__all__ = [
    "Action",
    "ActionKind",
    "App",
    "AppKind",
    "Authority",
    "AuthorityKind",
    "AuthorityLevel",
    "BundleError",
    "Campaign",
    "CampaignRef",
    "Case",
    "CaseNotFoundError",
    "Catalogue",
    "CitationError",
    "CitedProvision",
    "CnenforceError",
    "DataError",
    "Dataset",
    "DateQualifier",
    "Disclosure",
    "Duration",
    "DurationUnit",
    "Event",
    "EventKind",
    "FieldError",
    "FineRange",
    "Instrument",
    "InstrumentKind",
    "InstrumentVersion",
    "Language",
    "Measure",
    "MeasureCategory",
    "MeasureKind",
    "MeasureTarget",
    "Member",
    "Money",
    "PartialDate",
    "Person",
    "PersonRole",
    "Problem",
    "Provision",
    "ProvisionRole",
    "QueryError",
    "Region",
    "Respondent",
    "RespondentKind",
    "RetiredId",
    "Sector",
    "Selection",
    "Source",
    "SourceKind",
    "Statistics",
    "Tag",
    "UnnamedAuthority",
    "load",
    "matches",
    "select",
    "statistics",
]
