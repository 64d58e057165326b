"""cnenforce: the open, typed, citable record of China's cybersecurity, data-security and
personal-information enforcement actions.

>>> import cnenforce
>>> dataset = cnenforce.load()
>>> case = dataset["2017-yibin-teacher-training-website"]
>>> [str(fine) for fine in case.fines()]
['CNY 10,000', 'CNY 5,000']

Importing the package reads no data and imports no module it does not need yet: each public
name is imported on first use; :func:`load` reads the bundled dataset on first call.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:  # what type checkers and readers see; at run time, see __getattr__ below
    from cnenforce.catalogue import Catalogue
    from cnenforce.dataframe import to_dataframe
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
    "to_dataframe",
]


_EXPORTS: Final[dict[str, str]] = {
    "Catalogue": "cnenforce.catalogue",
    "to_dataframe": "cnenforce.dataframe",
    "Dataset": "cnenforce.dataset",
    "BundleError": "cnenforce.errors",
    "CaseNotFoundError": "cnenforce.errors",
    "CitationError": "cnenforce.errors",
    "CnenforceError": "cnenforce.errors",
    "DataError": "cnenforce.errors",
    "FieldError": "cnenforce.errors",
    "Problem": "cnenforce.errors",
    "QueryError": "cnenforce.errors",
    "load": "cnenforce.loading",
    "Action": "cnenforce.model",
    "App": "cnenforce.model",
    "Authority": "cnenforce.model",
    "Campaign": "cnenforce.model",
    "CampaignRef": "cnenforce.model",
    "Case": "cnenforce.model",
    "CitedProvision": "cnenforce.model",
    "Duration": "cnenforce.model",
    "Event": "cnenforce.model",
    "FineRange": "cnenforce.model",
    "Instrument": "cnenforce.model",
    "InstrumentVersion": "cnenforce.model",
    "Measure": "cnenforce.model",
    "Member": "cnenforce.model",
    "Money": "cnenforce.model",
    "PartialDate": "cnenforce.model",
    "Person": "cnenforce.model",
    "Provision": "cnenforce.model",
    "Region": "cnenforce.model",
    "Respondent": "cnenforce.model",
    "RetiredId": "cnenforce.model",
    "Source": "cnenforce.model",
    "UnnamedAuthority": "cnenforce.model",
    "matches": "cnenforce.query",
    "Selection": "cnenforce.query",
    "select": "cnenforce.query",
    "Statistics": "cnenforce.stats",
    "statistics": "cnenforce.stats",
    "ActionKind": "cnenforce.vocabulary",
    "AppKind": "cnenforce.vocabulary",
    "AuthorityKind": "cnenforce.vocabulary",
    "AuthorityLevel": "cnenforce.vocabulary",
    "DateQualifier": "cnenforce.vocabulary",
    "Disclosure": "cnenforce.vocabulary",
    "DurationUnit": "cnenforce.vocabulary",
    "EventKind": "cnenforce.vocabulary",
    "InstrumentKind": "cnenforce.vocabulary",
    "Language": "cnenforce.vocabulary",
    "MeasureCategory": "cnenforce.vocabulary",
    "MeasureKind": "cnenforce.vocabulary",
    "MeasureTarget": "cnenforce.vocabulary",
    "PersonRole": "cnenforce.vocabulary",
    "ProvisionRole": "cnenforce.vocabulary",
    "RespondentKind": "cnenforce.vocabulary",
    "Sector": "cnenforce.vocabulary",
    "SourceKind": "cnenforce.vocabulary",
    "Tag": "cnenforce.vocabulary",
}
"""Public name -> the module that defines it (imported on first use)."""

if not TYPE_CHECKING:  # type checkers see the imports above instead

    def __getattr__(name: str) -> Any:
        """Import the module that defines a public name on first use (PEP 562), so that
        ``import cnenforce`` (and ``cnenforce --version``) import nothing they do not use."""
        module = _EXPORTS.get(name)
        if module is None:
            raise AttributeError(f"module 'cnenforce' has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
