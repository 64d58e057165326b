"""Controlled vocabularies of the domain model.

Every enumeration's *value* is the spelling used in data files, JSON exports and the JSON
Schema, so values are lowercase, stable and never reused for another meaning.
"""

from __future__ import annotations

import enum

__all__ = [
    "AuthorityKind",
    "AuthorityLevel",
    "DateQualifier",
    "EntityKind",
    "EventKind",
    "InstrumentKind",
    "PenaltyDisclosure",
    "PenaltyKind",
    "PenaltyTarget",
    "ProvisionRole",
    "Sector",
    "Tag",
]


class EntityKind(enum.StrEnum):
    """What sort of party a respondent is."""

    COMPANY = "company"
    """A business enterprise (Co., Ltd. and the like)."""
    ORGANISATION = "organisation"
    """A non-company body: school, training institution, association, public institution."""
    INDIVIDUAL = "individual"
    """A natural person."""
    UNKNOWN = "unknown"
    """The source does not say (for example "a network operator")."""


class Sector(enum.StrEnum):
    """The line of business of a respondent, as its source describes it."""

    TECHNOLOGY = "technology"
    INTERNET_PLATFORM = "internet-platform"
    E_COMMERCE = "e-commerce"
    SOCIAL_MEDIA = "social-media"
    SEARCH_AND_FORUMS = "search-and-forums"
    RECRUITMENT = "recruitment"
    FINANCIAL_INFORMATION = "financial-information"
    INSURANCE = "insurance"
    HEALTHCARE = "healthcare"
    EDUCATION = "education"
    ENTERTAINMENT = "entertainment"
    TELECOMMUNICATIONS = "telecommunications"
    CLOUD = "cloud"
    NETWORK_ACCESS = "network-access"
    RETAIL = "retail"
    OTHER = "other"


class AuthorityKind(enum.StrEnum):
    """The branch of the state an enforcement authority belongs to."""

    CYBERSPACE = "cyberspace"
    """The Cyberspace Administration of China and its local offices (网信办)."""
    PUBLIC_SECURITY = "public-security"
    """Public security organs and their internet police (公安机关, 网警)."""
    INDUSTRY_AND_IT = "industry-and-it"
    """MIIT and the provincial communications administrations (工信部, 通信管理局)."""
    MARKET_REGULATION = "market-regulation"
    """SAMR and its local bureaus."""
    OTHER = "other"


class AuthorityLevel(enum.StrEnum):
    """The administrative level at which an authority sits."""

    NATIONAL = "national"
    PROVINCIAL = "provincial"
    """Provinces, autonomous regions and the four municipalities directly under the centre."""
    MUNICIPAL = "municipal"
    """Prefecture-level cities."""
    COUNTY = "county"
    """Counties and city districts."""


class InstrumentKind(enum.StrEnum):
    """The rank of a legal instrument in the hierarchy of Chinese law."""

    LAW = "law"
    """A law adopted by the NPC or its Standing Committee (法律)."""
    ADMINISTRATIVE_REGULATION = "administrative-regulation"
    """A State Council regulation (行政法规)."""
    DEPARTMENTAL_RULE = "departmental-rule"
    """A ministry or commission rule (部门规章)."""
    NORMATIVE_DOCUMENT = "normative-document"
    """Another normative document (规范性文件)."""


class ProvisionRole(enum.StrEnum):
    """Why a provision is cited in a case."""

    VIOLATED = "violated"
    """The respondent was found to have breached it."""
    PENALTY_BASIS = "penalty-basis"
    """A penalty was imposed under it."""


class PenaltyKind(enum.StrEnum):
    """A kind of administrative measure imposed on a respondent."""

    FINE = "fine"
    WARNING = "warning"
    ORDER_TO_CORRECT = "order-to-correct"
    CONFISCATION = "confiscation"
    """Confiscation of illegal gains."""
    SUSPENSION_OF_REGISTRATIONS = "suspension-of-registrations"
    """New user registrations suspended."""
    SUSPENSION_OF_BUSINESS = "suspension-of-business"
    """Business or the offending service suspended."""
    WEBSITE_CLOSURE = "website-closure"
    """Website closed (pending rectification)."""
    TAKEDOWN = "takedown"
    """Pages, goods or apps taken down."""
    CONTENT_REMOVAL = "content-removal"
    """Unlawful information deleted."""
    ACCOUNT_REMOVAL = "account-removal"
    """Users or accounts removed."""
    LICENCE_REVOCATION = "licence-revocation"
    PUBLIC_CRITICISM = "public-criticism"
    INTERVIEW = "interview"
    """A regulatory interview (约谈)."""
    OTHER = "other"


class PenaltyTarget(enum.StrEnum):
    """Who a penalty falls on."""

    ORGANISATION = "organisation"
    """The respondent itself."""
    RESPONSIBLE_PERSON = "responsible-person"
    """A directly responsible person in charge, such as the legal representative."""


class PenaltyDisclosure(enum.StrEnum):
    """What the sources say about a case's penalties.

    Keeps apart "no penalty", "penalised, but we are not told how" and "the source says
    nothing about penalties", which a bare empty list would conflate.
    """

    STATED = "stated"
    """The sources state the penalties; they are listed (an amount may still be unstated)."""
    UNSPECIFIED = "unspecified"
    """The sources say a penalty was imposed ("penalised according to law") but not which."""
    NOT_STATED = "not-stated"
    """The sources do not say whether any penalty was imposed."""
    NONE = "none"
    """The sources say no penalty was imposed."""


class EventKind(enum.StrEnum):
    """A step in the life of a case."""

    INVESTIGATION_OPENED = "investigation-opened"
    INTERVIEWED = "interviewed"
    DECIDED = "decided"
    """A penalty decision was made."""
    ANNOUNCED = "announced"
    """The authority, or a source, made the case public."""
    APPEALED = "appealed"
    """Administrative reconsideration or litigation was sought."""
    REDUCED = "reduced"
    ANNULLED = "annulled"
    RECTIFIED = "rectified"
    """The respondent reported rectification complete."""


class DateQualifier(enum.StrEnum):
    """A vaguer part of a month or year, as in "early August 2017"."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"


class Tag(enum.StrEnum):
    """Categories of conduct, for browsing and statistics."""

    WEBPAGE_TAMPERING = "webpage-tampering"
    DATA_LEAKAGE = "data-leakage"
    DATA_THEFT = "data-theft"
    DATA_SECURITY_RISK = "data-security-risk"
    LOG_RETENTION = "log-retention"
    OVER_COLLECTION = "over-collection"
    FACIAL_INFORMATION = "facial-information"
    SQL_INJECTION = "sql-injection"
    VULNERABILITY = "vulnerability"
    REAL_NAME_REGISTRATION = "real-name-registration"
    HARMFUL_CONTENT = "harmful-content"
    PROHIBITED_GOODS = "prohibited-goods"
    ACCOUNT_MANAGEMENT = "account-management"
    DEEP_SYNTHESIS = "deep-synthesis"
    GENERATIVE_AI = "generative-ai"
    SECURITY_ASSESSMENT = "security-assessment"
    TIERED_PROTECTION = "tiered-protection"
    SECURITY_MANAGEMENT_SYSTEM = "security-management-system"
    NETWORK_INTRUSION = "network-intrusion"
    PERSONAL_INFORMATION = "personal-information"
    CONTENT_LABELLING = "content-labelling"
