"""Controlled vocabularies of the domain model.

Every enumeration's *value* is the spelling used in data files, JSON exports and the JSON
Schema, so values are lowercase, stable and never reused for another meaning.
"""

from __future__ import annotations

import enum
from typing import Final

__all__ = [
    "ActionKind",
    "AppKind",
    "AuthorityKind",
    "AuthorityLevel",
    "DateQualifier",
    "Disclosure",
    "DurationUnit",
    "EventKind",
    "InstrumentKind",
    "Language",
    "MeasureCategory",
    "MeasureKind",
    "MeasureTarget",
    "PersonRole",
    "ProvisionRole",
    "RespondentKind",
    "Sector",
    "SourceKind",
    "Tag",
]


class RespondentKind(enum.StrEnum):
    """What sort of party a respondent is."""

    COMPANY = "company"
    """A business enterprise (Co., Ltd. and the like)."""
    ORGANISATION = "organisation"
    """A non-company body: school, hospital, training institution, association, public body."""
    INDIVIDUAL = "individual"
    """A natural person."""
    GROUP = "group"
    """Several legal entities acting as one (a group acting through several companies)."""
    UNKNOWN = "unknown"
    """The source does not say (for example "the operator of the app")."""


class Sector(enum.StrEnum):
    """The line of business of a respondent, as its source describes it."""

    TECHNOLOGY = "technology"
    SOFTWARE = "software"
    INTERNET_PLATFORM = "internet-platform"
    E_COMMERCE = "e-commerce"
    SOCIAL_MEDIA = "social-media"
    SEARCH_AND_FORUMS = "search-and-forums"
    RECRUITMENT = "recruitment"
    FINANCIAL_INFORMATION = "financial-information"
    FINANCE = "finance"
    INSURANCE = "insurance"
    HEALTHCARE = "healthcare"
    EDUCATION = "education"
    ENTERTAINMENT = "entertainment"
    GAMING = "gaming"
    MEDIA = "media"
    TELECOMMUNICATIONS = "telecommunications"
    CLOUD = "cloud"
    NETWORK_ACCESS = "network-access"
    """Internet access: ISPs, internet cafés, public Wi-Fi."""
    RETAIL = "retail"
    TRANSPORT = "transport"
    TRAVEL = "travel"
    REAL_ESTATE = "real-estate"
    MANUFACTURING = "manufacturing"
    GOVERNMENT = "government"
    """Public bodies and public institutions."""
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
    """SAMR and its local bureaus (市场监管)."""
    OTHER = "other"


class AuthorityLevel(enum.StrEnum):
    """The administrative level at which an authority sits."""

    NATIONAL = "national"
    PROVINCIAL = "provincial"
    """Provinces, autonomous regions and the four municipalities directly under the centre."""
    MUNICIPAL = "municipal"
    """Prefecture-level cities."""
    COUNTY = "county"
    """Counties, county-level cities and city districts (县, 区)."""


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
    LOCAL_REGULATION = "local-regulation"
    """A regulation of a provincial or city people's congress (地方性法规), in force only there."""
    LOCAL_GOVERNMENT_RULE = "local-government-rule"
    """A rule of a provincial or city people's government (地方政府规章), in force only there."""


class ProvisionRole(enum.StrEnum):
    """Why a provision is cited in a case.

    Notices often list articles without saying which was breached and which the penalty rests
    on ("违反《网络安全法》第二十一条、第五十九条"); such provisions are ``cited``, never sorted into
    a role the source does not give.
    """

    VIOLATED = "violated"
    """The respondent was found to have breached it."""
    PENALTY_BASIS = "penalty-basis"
    """A measure was imposed under it."""
    CITED = "cited"
    """The source cites it for the case without saying in which role."""


class MeasureCategory(enum.StrEnum):
    """What a kind of measure is in law, which decides how statistics count it."""

    PENALTY = "penalty"
    """An administrative penalty (行政处罚; Administrative Penalty Law, Article 9)."""
    CORRECTIVE = "corrective"
    """An order to correct or to stop, which is not itself a penalty."""
    SUPERVISORY = "supervisory"
    """An interview (约谈) or a public notice naming the respondent (通报)."""
    REMOVAL = "removal"
    """Apps, pages, goods, content or accounts taken down or removed."""
    DISCIPLINARY = "disciplinary"
    """Party or administrative discipline of officials."""
    OTHER = "other"


class MeasureKind(enum.StrEnum):
    """A kind of measure taken in a case: a penalty, or another measure (see ``category``)."""

    WARNING = "warning"
    PUBLIC_CRITICISM = "public-criticism"
    """Circulated criticism (通报批评), a penalty since the 2021 Administrative Penalty Law."""
    FINE = "fine"
    CONFISCATION = "confiscation"
    """Confiscation of illegal gains (没收违法所得)."""
    SUSPENSION_OF_BUSINESS = "suspension-of-business"
    """Business or the offending service suspended (暂停相关业务, 停业整顿)."""
    SUSPENSION_OF_REGISTRATIONS = "suspension-of-registrations"
    """New user registrations suspended."""
    WEBSITE_CLOSURE = "website-closure"
    """Website closed (关闭网站)."""
    LICENCE_REVOCATION = "licence-revocation"
    DETENTION = "detention"
    """Administrative detention of a natural person (行政拘留)."""
    RESTRICTION_OF_PRACTICE = "restriction-of-practice"
    """Barred from posts or a trade for a time (限制从业)."""
    UNSPECIFIED_PENALTY = "unspecified-penalty"
    """An administrative penalty whose kind the source does not give ("依法予以行政处罚"),
    recorded beside the measures it does give (an order to rectify, an interview). A case whose
    sources say no more than "penalised according to law" has ``measures_disclosure =
    "unspecified"`` and no measures instead."""
    ORDER_TO_CORRECT = "order-to-correct"
    """Ordered to correct or rectify (责令改正, 限期整改), with a deadline where given."""
    STOP_UNLAWFUL_PROCESSING = "stop-unlawful-processing"
    """Ordered to stop unlawful processing of personal information (责令停止违法处理)."""
    INTERVIEW = "interview"
    """A regulatory interview (约谈)."""
    PUBLIC_NAMING = "public-naming"
    """Named in a public notice (通报) and told to rectify."""
    APP_REMOVAL = "app-removal"
    """An app taken off app stores (下架)."""
    TAKEDOWN = "takedown"
    """Pages or goods taken down."""
    CONTENT_REMOVAL = "content-removal"
    """Unlawful information deleted."""
    ACCOUNT_REMOVAL = "account-removal"
    """Users or accounts removed."""
    PROCUREMENT_BAN = "procurement-ban"
    """Buyers barred from procuring the respondent's products (a review outcome)."""
    DISCIPLINARY = "disciplinary"
    """Party or administrative discipline of officials."""
    OTHER = "other"

    @property
    def category(self) -> MeasureCategory:
        """What this kind of measure is in law."""
        return _CATEGORIES[self]

    @property
    def is_penalty(self) -> bool:
        """Whether this kind is an administrative penalty."""
        return _CATEGORIES[self] is MeasureCategory.PENALTY

    @property
    def has_amount(self) -> bool:
        """Whether measures of this kind carry an amount of money (fines, confiscations)."""
        return self in (MeasureKind.FINE, MeasureKind.CONFISCATION)

    @property
    def has_duration(self) -> bool:
        """Whether measures of this kind may carry a duration or deadline."""
        return self not in _NO_DURATION


_CATEGORIES: Final = {
    MeasureKind.WARNING: MeasureCategory.PENALTY,
    MeasureKind.PUBLIC_CRITICISM: MeasureCategory.PENALTY,
    MeasureKind.FINE: MeasureCategory.PENALTY,
    MeasureKind.CONFISCATION: MeasureCategory.PENALTY,
    MeasureKind.SUSPENSION_OF_BUSINESS: MeasureCategory.PENALTY,
    MeasureKind.SUSPENSION_OF_REGISTRATIONS: MeasureCategory.PENALTY,
    MeasureKind.WEBSITE_CLOSURE: MeasureCategory.PENALTY,
    MeasureKind.LICENCE_REVOCATION: MeasureCategory.PENALTY,
    MeasureKind.DETENTION: MeasureCategory.PENALTY,
    MeasureKind.RESTRICTION_OF_PRACTICE: MeasureCategory.PENALTY,
    MeasureKind.UNSPECIFIED_PENALTY: MeasureCategory.PENALTY,
    MeasureKind.ORDER_TO_CORRECT: MeasureCategory.CORRECTIVE,
    MeasureKind.STOP_UNLAWFUL_PROCESSING: MeasureCategory.CORRECTIVE,
    MeasureKind.INTERVIEW: MeasureCategory.SUPERVISORY,
    MeasureKind.PUBLIC_NAMING: MeasureCategory.SUPERVISORY,
    MeasureKind.APP_REMOVAL: MeasureCategory.REMOVAL,
    MeasureKind.TAKEDOWN: MeasureCategory.REMOVAL,
    MeasureKind.CONTENT_REMOVAL: MeasureCategory.REMOVAL,
    MeasureKind.ACCOUNT_REMOVAL: MeasureCategory.REMOVAL,
    MeasureKind.PROCUREMENT_BAN: MeasureCategory.OTHER,
    MeasureKind.DISCIPLINARY: MeasureCategory.DISCIPLINARY,
    MeasureKind.OTHER: MeasureCategory.OTHER,
}
_NO_DURATION: Final = frozenset(
    {
        MeasureKind.WARNING,
        MeasureKind.PUBLIC_CRITICISM,
        MeasureKind.FINE,
        MeasureKind.CONFISCATION,
        MeasureKind.UNSPECIFIED_PENALTY,
        MeasureKind.INTERVIEW,
        MeasureKind.PUBLIC_NAMING,
    }
)


class MeasureTarget(enum.StrEnum):
    """Who a measure falls on."""

    RESPONDENT = "respondent"
    """The respondent itself (the company, organisation or person the case is against)."""
    PERSONS = "persons"
    """Persons responsible within the respondent (legal representative, person in charge)."""
    THIRD_PARTY = "third-party"
    """Someone else ordered to act because of the case: app stores ordered to take an app down,
    operators barred from buying a product. Never counted as a penalty on the respondent."""


class PersonRole(enum.StrEnum):
    """A natural person's role in a case, kept apart from the person's name."""

    LEGAL_REPRESENTATIVE = "legal-representative"
    """法定代表人."""
    PERSON_IN_CHARGE = "person-in-charge"
    """The directly responsible person in charge (直接负责的主管人员)."""
    DIRECTLY_RESPONSIBLE = "directly-responsible"
    """Another directly responsible person (其他直接责任人员)."""
    EXECUTIVE = "executive"
    """A chairman, president or other senior executive (see ``position``)."""
    EMPLOYEE = "employee"
    OFFICIAL = "official"
    """A public official."""
    OTHER = "other"


class Disclosure(enum.StrEnum):
    """What the sources say about a case's measures.

    Keeps apart "no measure", "penalised, but we are not told how" and "the source says
    nothing about measures", which a bare empty list would conflate.
    """

    STATED = "stated"
    """The sources state the measures; they are listed (an amount may still be unstated)."""
    UNSPECIFIED = "unspecified"
    """The sources say a penalty was imposed ("penalised according to law") but not which."""
    NOT_STATED = "not-stated"
    """The sources do not say whether any measure was taken."""
    NONE = "none"
    """The sources say no measure was taken."""


class EventKind(enum.StrEnum):
    """A step in the life of a case."""

    INVESTIGATION_OPENED = "investigation-opened"
    REVIEW_OPENED = "review-opened"
    """A cybersecurity review was opened."""
    INTERVIEWED = "interviewed"
    NOTIFIED = "notified"
    """Named in a notice and given time to rectify."""
    DECIDED = "decided"
    """A penalty or review decision was made."""
    ANNOUNCED = "announced"
    """The authority, or a source, made the case public."""
    APPEALED = "appealed"
    """Administrative reconsideration or litigation was sought."""
    REDUCED = "reduced"
    ANNULLED = "annulled"
    RECTIFIED = "rectified"
    """The respondent reported rectification complete."""
    LIFTED = "lifted"
    """An interim measure (a suspension during a review) was lifted."""
    CONCLUDED = "concluded"
    """A review or investigation was closed."""


class DateQualifier(enum.StrEnum):
    """A vaguer part of a month or year, as in "early August 2017"."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"


class DurationUnit(enum.StrEnum):
    """The unit a duration or deadline is given in, as the source gives it."""

    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


class SourceKind(enum.StrEnum):
    """What a source is, so that official facts can be told from commentary."""

    OFFICIAL = "official"
    """Published by the authority itself (its website or official account)."""
    REPOST = "repost"
    """A faithful repost of an official text by a news outlet or portal."""
    NEWS = "news"
    """A news report."""
    COMMENTARY = "commentary"
    """A law firm's or analyst's commentary."""
    MIRROR = "mirror"
    """A copy on a site of unknown or doubtful standing: evidence of the text, never the
    publisher of it (a mirror has no ``publisher``)."""
    OTHER = "other"


class Language(enum.StrEnum):
    """The language of a source (BCP 47)."""

    ENGLISH = "en"
    CHINESE = "zh"
    """Chinese in simplified characters."""
    TRADITIONAL_CHINESE = "zh-Hant"


class AppKind(enum.StrEnum):
    """What sort of app a notice names."""

    APP = "app"
    MINI_PROGRAM = "mini-program"
    """A mini program inside another app (小程序)."""
    SDK = "sdk"
    """A software development kit embedded in apps."""
    QUICK_APP = "quick-app"
    WEBSITE = "website"


class ActionKind(enum.StrEnum):
    """What an action (one announcement or decision document) is."""

    DECISION = "decision"
    """A penalty decision about one respondent."""
    REVIEW = "review"
    """A cybersecurity review and its outcome."""
    BATCH_NOTICE = "batch-notice"
    """A notice naming many apps or companies (MIIT's app notices and the like)."""
    TYPICAL_CASES = "typical-cases"
    """A release of several described cases (典型案例)."""
    OTHER = "other"


class Tag(enum.StrEnum):
    """Categories of conduct, for browsing and statistics."""

    WEBPAGE_TAMPERING = "webpage-tampering"
    DATA_LEAKAGE = "data-leakage"
    DATA_THEFT = "data-theft"
    DATA_SECURITY_RISK = "data-security-risk"
    LOG_RETENTION = "log-retention"
    OVER_COLLECTION = "over-collection"
    UNLAWFUL_COLLECTION = "unlawful-collection"
    CONSENT = "consent"
    """Processing personal information without the person's consent."""
    FORCED_CONSENT = "forced-consent"
    EXCESSIVE_PERMISSIONS = "excessive-permissions"
    THIRD_PARTY_SHARING = "third-party-sharing"
    TARGETED_PUSH = "targeted-push"
    MISLEADING_USERS = "misleading-users"
    ACCOUNT_CANCELLATION = "account-cancellation"
    POP_UPS = "pop-ups"
    SDK = "sdk"
    CHILDREN = "children"
    FACIAL_INFORMATION = "facial-information"
    CROSS_BORDER_TRANSFER = "cross-border-transfer"
    CYBERSECURITY_REVIEW = "cybersecurity-review"
    ALGORITHM = "algorithm"
    SQL_INJECTION = "sql-injection"
    VULNERABILITY = "vulnerability"
    NETWORK_INTRUSION = "network-intrusion"
    HACKING_TOOLS = "hacking-tools"
    RANSOMWARE = "ransomware"
    MINING = "mining"
    """Cryptocurrency mining on networks or systems not one's own."""
    VPN = "vpn"
    """Unlawful channels to reach networks abroad."""
    REAL_NAME_REGISTRATION = "real-name-registration"
    HARMFUL_CONTENT = "harmful-content"
    ILLEGAL_CONTENT_PUBLICATION = "illegal-content-publication"
    PROHIBITED_GOODS = "prohibited-goods"
    ACCOUNT_MANAGEMENT = "account-management"
    TELECOM_FRAUD = "telecom-fraud"
    DEEP_SYNTHESIS = "deep-synthesis"
    GENERATIVE_AI = "generative-ai"
    CONTENT_LABELLING = "content-labelling"
    SECURITY_ASSESSMENT = "security-assessment"
    PUBLIC_OPINION_ASSESSMENT = "public-opinion-assessment"
    TIERED_PROTECTION = "tiered-protection"
    SECURITY_MANAGEMENT_SYSTEM = "security-management-system"
    ICP_FILING = "icp-filing"
    """Website filing (ICP 备案) failures."""
    PERSONAL_INFORMATION = "personal-information"
