"""The immutable, typed domain model.

Every class is a frozen, slotted, keyword-only attrs class. Collections are tuples, so a loaded
dataset cannot be changed behind anyone's back; use :func:`attrs.evolve` to derive an edited
copy. Validators guard the invariants of objects built in code; the contributor-facing checks
that collect every problem in a data file live in :mod:`cnenforce.validation`.

Cross-references are by catalogue id (``Provision.instrument``, ``Case.authorities``), so a
case file stays small and the catalogues stay the single place where an instrument or an
authority is described.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, Final, Literal

import attrs
from attrs import validators as v
from dateutil.relativedelta import relativedelta

from cnenforce.regions import is_province_code
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

__all__ = [
    "CURRENCIES",
    "ID_PATTERN",
    "ArticleRenumbering",
    "Authority",
    "Case",
    "CitedProvision",
    "Entity",
    "Event",
    "FineRange",
    "Instrument",
    "InstrumentVersion",
    "Money",
    "PartialDate",
    "Penalty",
    "Provision",
    "Region",
    "RetiredId",
    "Source",
]

ID_PATTERN: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Ids of cases, instruments, authorities and versions: lowercase words joined by hyphens."""

CURRENCIES: Final = frozenset({"CNY", "HKD", "USD", "EUR"})
"""ISO 4217 codes that amounts may be given in."""

# --- validator helpers -----------------------------------------------------------------------


def _tuple_of(cls: type[Any]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    return v.deep_iterable(member_validator=v.instance_of(cls), iterable_validator=v.instance_of(tuple))


def _optional(cls: type[Any]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    return v.optional(v.instance_of(cls))


def _non_empty_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be non-empty text, got {value!r}")


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _non_empty_text(instance, attribute, value)


def _text_tuple(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise TypeError(f"{attribute.name} must be a tuple, got {type(value).__name__}")
    for item in value:
        _non_empty_text(instance, attribute, item)


def _identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise ValueError(f"{attribute.name} must be lowercase words joined by hyphens, got {value!r}")


def _optional_identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _identifier(instance, attribute, value)


def _positive_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or value < 1):
        raise ValueError(f"{attribute.name} must be a whole number of at least 1, got {value!r}")


def _http_url(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not re.match(r"^https?://[^\s/]+\.[^\s]*$", value)):
        raise ValueError(f"{attribute.name} must be an http(s) URL, got {value!r}")


def _unique(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if len(set(value)) != len(value):
        raise ValueError(f"{attribute.name} must not repeat items: {value!r}")


# --- value types ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Region:
    """A place in China: a province-level division and, optionally, a city within it."""

    province: str = attrs.field(validator=v.instance_of(str))
    """ISO 3166-2:CN code of the province, autonomous region or municipality, e.g. ``"CN-GD"``."""
    city: str | None = attrs.field(default=None, validator=_optional_text)
    """English name of the city, e.g. ``"Shantou"``, where the source names one."""

    @province.validator
    def _check_province(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not is_province_code(value):
            raise ValueError(f"province must be an ISO 3166-2:CN code such as 'CN-GD', got {value!r}")

    def __str__(self) -> str:
        return self.province if self.city is None else f"{self.city}, {self.province}"


_PARTIAL_DATE = re.compile(
    r"^(?:(?P<qualifier>early|mid|late) )?(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$"
)


@attrs.frozen(kw_only=True, order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day, never more precise than stated.

    "July 2017" is ``PartialDate(year=2017, month=7)``; "early August 2017" adds
    ``qualifier=DateQualifier.EARLY``. The text form, used in data files and exports, is
    ``"2017"``, ``"2017-07"``, ``"2017-08-11"`` or ``"early 2017-08"``.

    >>> PartialDate.parse("early 2017-08")
    PartialDate(year=2017, month=8, day=None, qualifier=<DateQualifier.EARLY: 'early'>)
    >>> str(PartialDate(year=2017, month=8, day=11))
    '2017-08-11'
    """

    year: int = attrs.field(validator=v.and_(v.instance_of(int), v.ge(1949), v.le(9999)))
    month: int | None = attrs.field(default=None, validator=v.optional(v.and_(v.instance_of(int), v.ge(1), v.le(12))))
    day: int | None = attrs.field(default=None, validator=v.optional(v.and_(v.instance_of(int), v.ge(1), v.le(31))))
    qualifier: DateQualifier | None = attrs.field(default=None, validator=_optional(DateQualifier))
    """``early``, ``mid`` or ``late`` part of the month (or of the year, without a month)."""

    def __attrs_post_init__(self) -> None:
        if self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            dt.date(self.year, self.month, self.day)  # raises ValueError for 2017-02-30
            if self.qualifier is not None:
                raise ValueError("a qualifier (early/mid/late) cannot go with an exact day")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read the text form (``"2017"``, ``"2017-08"``, ``"2017-08-11"``, ``"early 2017-08"``).

        Raises ``ValueError`` for anything else, including impossible dates.
        """
        match = _PARTIAL_DATE.fullmatch(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"not a date: {text!r} (expected YYYY, YYYY-MM, YYYY-MM-DD, or 'early|mid|late YYYY-MM')")
        qualifier = match["qualifier"]
        try:
            return cls(
                year=int(match["year"]),
                month=int(match["month"]) if match["month"] else None,
                day=int(match["day"]) if match["day"] else None,
                qualifier=DateQualifier(qualifier) if qualifier else None,
            )
        except ValueError as exc:
            reason = exc.args[0] if exc.args else exc
            raise ValueError(f"not a real date: {text!r} ({reason})") from None

    @classmethod
    def from_date(cls, date: dt.date) -> PartialDate:
        """The exact partial date of a :class:`datetime.date`."""
        return cls(year=date.year, month=date.month, day=date.day)

    @property
    def is_exact(self) -> bool:
        """Whether the day is known."""
        return self.day is not None

    def to_date(self) -> dt.date | None:
        """The :class:`datetime.date`, or ``None`` if the day is not known."""
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def earliest(self) -> dt.date:
        """The first day this date could be."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this date could be."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        if self.month is None:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.month, 1) + relativedelta(months=1, days=-1)

    def sort_key(self) -> tuple[int, int, int]:
        """A key that orders dates chronologically, less precise dates first within a period."""
        return (self.year, self.month or 0, self.day or 0)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text if self.qualifier is None else f"{self.qualifier.value} {text}"


@attrs.frozen(kw_only=True)
class Money:
    """An amount of money: a ``Decimal`` and an ISO 4217 currency, never a float."""

    amount: Decimal = attrs.field(validator=v.instance_of(Decimal))
    currency: str = attrs.field(default="CNY", validator=v.in_(CURRENCIES))

    @amount.validator
    def _check_amount(self, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
        if not value.is_finite() or value <= 0:
            raise ValueError(f"amount must be a positive finite number, got {value}")

    def __str__(self) -> str:
        return f"{self.currency} {self.amount:,}"


@attrs.frozen(kw_only=True)
class Source:
    """A publication that a case (or a catalogue fact) was taken from."""

    title: str = attrs.field(validator=_non_empty_text)
    """Title as published, in the language of the publication."""
    publisher: str = attrs.field(validator=_non_empty_text)
    """Who published it: an authority, a news outlet, a law firm."""
    url: str | None = attrs.field(default=None, validator=_http_url)
    """Where it can be read, if it is online."""
    published: PartialDate | None = attrs.field(default=None, validator=_optional(PartialDate))
    language: str = attrs.field(default="en", validator=v.in_(("en", "zh")))
    """``"en"`` or ``"zh"``."""
    authors: tuple[str, ...] = attrs.field(default=(), validator=_text_tuple)
    retrieved: dt.date | None = attrs.field(default=None, validator=_optional(dt.date))
    """When the copy used was read."""
    archived_url: str | None = attrs.field(default=None, validator=_http_url)
    """An archived copy (Wayback Machine and the like), where one is known."""
    note: str | None = attrs.field(default=None, validator=_optional_text)
    """What this source contributes, or how the copy read relates to the original."""


# --- provisions ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Provision:
    """A reference to a legal instrument, optionally down to article, paragraph and item.

    ``Provision(instrument="csl", article=21, item=5)`` is "Article 21(5) of the Cybersecurity
    Law"; with ``article=None`` it names the whole instrument ("the relevant provisions of the
    Cybersecurity Law"). ``instrument`` is ``None`` for an instrument that is not in the
    catalogue, which is then known only by ``title`` as written.
    """

    instrument: str | None = attrs.field(default=None, validator=_optional_identifier)
    """Catalogue id of the instrument (``"csl"``), or ``None`` when unresolved."""
    article: int | None = attrs.field(default=None, validator=_positive_int)
    paragraph: int | None = attrs.field(default=None, validator=_positive_int)
    """Paragraph (款) within the article."""
    item: int | None = attrs.field(default=None, validator=_positive_int)
    """Item (项) within the article or paragraph."""
    version: str | None = attrs.field(default=None, validator=_optional_identifier)
    """Id of the instrument's text the numbers refer to (``"2016"``), where it is known."""
    title: str | None = attrs.field(default=None, validator=_optional_text)
    """The instrument's title as written, required when ``instrument`` is ``None``."""

    def __attrs_post_init__(self) -> None:
        if self.instrument is None and self.title is None:
            raise ValueError("a provision needs an instrument id or, if unresolved, a title")
        if self.article is None and (self.paragraph is not None or self.item is not None):
            raise ValueError("a paragraph or item needs an article")

    @property
    def is_resolved(self) -> bool:
        """Whether the instrument is in the catalogue."""
        return self.instrument is not None

    def cite(self, language: Literal["en", "zh"] = "en") -> str:
        """This provision as a citation, in English or Chinese, using the packaged catalogue.

        >>> Provision(instrument="csl", article=21, item=5, version="2016").cite()
        'Article 21(5) of the Cybersecurity Law'
        >>> Provision(instrument="csl", article=24, paragraph=1, version="2016").cite("zh")
        '《网络安全法》第二十四条第一款'

        :func:`cnenforce.citations.parse` reads the result back (given ``version``).
        """
        from cnenforce.catalogue import load_catalogue
        from cnenforce.citations import cite

        return cite(self, language, catalogue=load_catalogue())

    def within(self, other: Provision) -> bool:
        """Whether this provision is *other* or a part of it.

        Article 21(5) is within Article 21 and within the whole instrument; versions must agree
        where both are given.

        >>> Provision(instrument="csl", article=21, item=5).within(Provision(instrument="csl", article=21))
        True
        """
        if (self.instrument, self.title if self.instrument is None else None) != (
            other.instrument,
            other.title if other.instrument is None else None,
        ):
            return False
        if other.version is not None and self.version is not None and other.version != self.version:
            return False
        return all(
            mine == theirs
            for mine, theirs in (
                (self.article, other.article),
                (self.paragraph, other.paragraph),
                (self.item, other.item),
            )
            if theirs is not None
        )


@attrs.frozen(kw_only=True)
class CitedProvision:
    """A provision together with the reason a case cites it."""

    role: ProvisionRole
    provision: Provision


# --- parties ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Entity:
    """A respondent: the company, organisation or person an action was taken against.

    Anonymised respondents keep the description the source gives ("a Technology Co., Ltd. in
    Guangdong") and have no name; nothing is guessed.
    """

    kind: EntityKind = attrs.field(validator=v.instance_of(EntityKind))
    name_en: str | None = attrs.field(default=None, validator=_optional_text)
    name_zh: str | None = attrs.field(default=None, validator=_optional_text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_text_tuple)
    """Other names: brands, former names, romanisations."""
    anonymised: bool = attrs.field(default=False, validator=v.instance_of(bool))
    """True when the source withholds the name."""
    description: str | None = attrs.field(default=None, validator=_optional_text)
    """How the source describes the respondent, in English (required when anonymised)."""
    description_zh: str | None = attrs.field(default=None, validator=_optional_text)
    region: Region | None = attrs.field(default=None, validator=_optional(Region))
    sector: Sector | None = attrs.field(default=None, validator=_optional(Sector))
    services: tuple[str, ...] = attrs.field(default=(), validator=_text_tuple)
    """Products or services at issue (WeChat, UC browser cloud acceleration)."""
    parent: str | None = attrs.field(default=None, validator=_optional_text)
    """The group the entity belongs to, where a source says so (Taobao: Alibaba)."""

    def __attrs_post_init__(self) -> None:
        if self.anonymised:
            if self.name_en is not None or self.name_zh is not None:
                raise ValueError("an anonymised respondent has no name")
            if self.description is None:
                raise ValueError("an anonymised respondent needs the source's description")
        elif self.name_en is None and self.name_zh is None and self.description is None:
            raise ValueError("a respondent needs a name or a description")

    @property
    def display_name(self) -> str:
        """The best English label: name, else the source's description."""
        return self.name_en or self.name_zh or self.description or ""


@attrs.frozen(kw_only=True)
class Authority:
    """An enforcement authority in the catalogue."""

    id: str = attrs.field(validator=_identifier)
    name_en: str = attrs.field(validator=_non_empty_text)
    name_zh: str | None = attrs.field(default=None, validator=_optional_text)
    kind: AuthorityKind = attrs.field(validator=v.instance_of(AuthorityKind))
    level: AuthorityLevel = attrs.field(validator=v.instance_of(AuthorityLevel))
    region: Region | None = attrs.field(default=None, validator=_optional(Region))
    """Where the authority has jurisdiction; ``None`` for national bodies."""
    parent: str | None = attrs.field(default=None, validator=_optional_identifier)
    """Id of the authority it reports to, where it is in the catalogue."""
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_text_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), validator=_tuple_of(Source))


# --- instruments -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class FineRange:
    """A statutory fine range: what one article allows on one kind of target."""

    article: int = attrs.field(validator=_positive_int)
    paragraph: int | None = attrs.field(default=None, validator=_positive_int)
    target: PenaltyTarget = attrs.field(default=PenaltyTarget.ORGANISATION, validator=v.instance_of(PenaltyTarget))
    minimum: Money | None = attrs.field(default=None, validator=_optional(Money))
    maximum: Money | None = attrs.field(default=None, validator=_optional(Money))
    condition: str | None = attrs.field(default=None, validator=_optional_text)
    """When this range applies ("on refusal to correct", "where there are no illegal gains")."""

    def __attrs_post_init__(self) -> None:
        if self.minimum is None and self.maximum is None:
            raise ValueError("a fine range needs a minimum or a maximum")
        if (
            self.minimum is not None
            and self.maximum is not None
            and (self.minimum.currency != self.maximum.currency or self.minimum.amount > self.maximum.amount)
        ):
            raise ValueError("a fine range's minimum must not exceed its maximum, in one currency")

    def admits(self, amount: Money) -> bool:
        """Whether *amount* lies within this range."""
        for bound in (self.minimum, self.maximum):
            if bound is not None and bound.currency != amount.currency:
                return False
        low_ok = self.minimum is None or amount.amount >= self.minimum.amount
        high_ok = self.maximum is None or amount.amount <= self.maximum.amount
        return low_ok and high_ok


@attrs.frozen(kw_only=True)
class ArticleRenumbering:
    """Where a run of the preceding text's articles stands in this text.

    ``ArticleRenumbering(first=19, last=58, to=21)``: Articles 19 to 58 of the preceding text
    are Articles 21 to 60 of this one. An article split in two has two entries.
    """

    first: int = attrs.field(validator=_positive_int)
    last: int = attrs.field(validator=_positive_int)
    to: int = attrs.field(validator=_positive_int)
    """This text's number for the preceding text's Article ``first``."""
    note: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("last must not be before first")

    def forward(self, article: int) -> int | None:
        """This text's number for the preceding text's *article*, if this run holds it."""
        return self.to + article - self.first if self.first <= article <= self.last else None

    def backward(self, article: int) -> int | None:
        """The preceding text's number for this text's *article*, if this run holds it."""
        offset = article - self.to
        return self.first + offset if 0 <= offset <= self.last - self.first else None


@attrs.frozen(kw_only=True)
class InstrumentVersion:
    """One text of an instrument: the original, or the text as amended on a date."""

    id: str = attrs.field(validator=_identifier)
    """Stable id, by convention the year the text was adopted (``"2016"``, ``"2025"``)."""
    adopted: PartialDate | None = attrs.field(default=None, validator=_optional(PartialDate))
    promulgated: PartialDate | None = attrs.field(default=None, validator=_optional(PartialDate))
    effective: dt.date | None = attrs.field(default=None, validator=_optional(dt.date))
    """The day this text entered into force."""
    articles: int | None = attrs.field(default=None, validator=_positive_int)
    """Number of articles, where a source confirms it."""
    fine_ranges: tuple[FineRange, ...] = attrs.field(default=(), validator=_tuple_of(FineRange))
    renumbering: tuple[ArticleRenumbering, ...] = attrs.field(default=(), validator=_tuple_of(ArticleRenumbering))
    """How the preceding text's articles are numbered in this one; an article with no entry has
    no counterpart here (repealed, or merged in a way a number cannot express)."""
    note: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Instrument:
    """A law, regulation or rule in the catalogue."""

    id: str = attrs.field(validator=_identifier)
    title_en: str = attrs.field(validator=_non_empty_text)
    title_zh: str = attrs.field(validator=_non_empty_text)
    kind: InstrumentKind = attrs.field(validator=v.instance_of(InstrumentKind))
    short_title_en: str | None = attrs.field(default=None, validator=_optional_text)
    """The usual short English title ("Cybersecurity Law"), used when formatting citations."""
    short_title_zh: str | None = attrs.field(default=None, validator=_optional_text)
    """The usual short Chinese title (网络安全法), used when formatting citations."""
    abbreviations: tuple[str, ...] = attrs.field(default=(), validator=_text_tuple)
    """Abbreviations in use, English and Chinese (CSL, 网安法)."""
    aliases_en: tuple[str, ...] = attrs.field(default=(), validator=_text_tuple)
    """Other English titles and translations in real use."""
    aliases_zh: tuple[str, ...] = attrs.field(default=(), validator=_text_tuple)
    """Other Chinese titles in real use."""
    issuers: tuple[str, ...] = attrs.field(default=(), validator=_text_tuple)
    document_number: str | None = attrs.field(default=None, validator=_optional_text)
    versions: tuple[InstrumentVersion, ...] = attrs.field(validator=_tuple_of(InstrumentVersion))
    """The texts, oldest first."""
    sources: tuple[Source, ...] = attrs.field(default=(), validator=_tuple_of(Source))

    @versions.validator
    def _check_versions(self, attribute: attrs.Attribute[Any], value: tuple[InstrumentVersion, ...]) -> None:
        if not value:
            raise ValueError("an instrument needs at least one version")
        ids = [version.id for version in value]
        if len(set(ids)) != len(ids):
            raise ValueError(f"version ids repeat: {ids}")

    @property
    def current(self) -> InstrumentVersion:
        """The latest text."""
        return self.versions[-1]

    def version(self, version_id: str) -> InstrumentVersion | None:
        """The version with this id, or ``None``."""
        return next((version for version in self.versions if version.id == version_id), None)

    def version_at(self, date: dt.date) -> InstrumentVersion | None:
        """The text in force on *date*, or ``None`` if the instrument was not yet in force."""
        in_force = [version for version in self.versions if version.effective is None or version.effective <= date]
        return in_force[-1] if in_force else None


# --- cases -----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Penalty:
    """One measure imposed on a respondent or on a person responsible."""

    kind: PenaltyKind = attrs.field(validator=v.instance_of(PenaltyKind))
    target: PenaltyTarget = attrs.field(default=PenaltyTarget.ORGANISATION, validator=v.instance_of(PenaltyTarget))
    amount: Money | None = attrs.field(default=None, validator=_optional(Money))
    """For fines and confiscations; ``None`` when the source gives no amount."""
    days: int | None = attrs.field(default=None, validator=_positive_int)
    """Length of a suspension, or the deadline to correct, in days."""
    person: str | None = attrs.field(default=None, validator=_optional_text)
    """The responsible person's role ("legal representative"), for a responsible-person target."""
    basis: tuple[Provision, ...] = attrs.field(default=(), validator=_tuple_of(Provision))
    """The provisions the penalty was imposed under."""
    note: str | None = attrs.field(default=None, validator=_optional_text)
    """What exactly was ordered, in our own words."""

    def __attrs_post_init__(self) -> None:
        if self.amount is not None and self.kind not in (
            PenaltyKind.FINE,
            PenaltyKind.CONFISCATION,
        ):
            raise ValueError(f"only a fine or a confiscation has an amount, not {self.kind.value}")
        if self.person is not None and self.target is not PenaltyTarget.RESPONSIBLE_PERSON:
            raise ValueError("person is for penalties on a responsible person")


@attrs.frozen(kw_only=True)
class Event:
    """A dated step in a case's history; later news adds events rather than editing old ones."""

    kind: EventKind = attrs.field(validator=v.instance_of(EventKind))
    date: PartialDate | None = attrs.field(default=None, validator=_optional(PartialDate))
    """When it happened, at the precision the source gives; ``None`` if not stated."""
    authority: str | None = attrs.field(default=None, validator=_optional_identifier)
    """Catalogue id of the authority that acted, where it differs or matters."""
    note: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Case:
    """One enforcement action against one respondent.

    Counting rule: a case is one respondent in one action. An announcement that covers several
    respondents becomes several cases sharing a ``joint_action`` id; fines on a respondent's
    responsible persons belong to the respondent's case.
    """

    id: str = attrs.field(validator=_identifier)
    """Stable id, ``YYYY-words``; never reused."""
    title: str = attrs.field(validator=_non_empty_text)
    summary: str = attrs.field(validator=_non_empty_text)
    """What happened, in our own words."""
    respondent: Entity = attrs.field(validator=v.instance_of(Entity))
    penalty_disclosure: PenaltyDisclosure = attrs.field(validator=v.instance_of(PenaltyDisclosure))
    title_zh: str | None = attrs.field(default=None, validator=_optional_text)
    summary_zh: str | None = attrs.field(default=None, validator=_optional_text)
    """Chinese summary, in our own words."""
    authorities: tuple[str, ...] = attrs.field(default=(), validator=v.and_(_text_tuple, _unique))
    """Catalogue ids of the authorities that acted; empty when the source names none."""
    authority_note: str | None = attrs.field(default=None, validator=_optional_text)
    """How the source describes an authority it does not name ("the local cyberspace office")."""
    region: Region | None = attrs.field(default=None, validator=_optional(Region))
    """Where the action was taken."""
    joint_action: str | None = attrs.field(default=None, validator=_optional_identifier)
    """Shared by the cases a source reports as one action against several respondents."""
    violations: tuple[Provision, ...] = attrs.field(default=(), validator=_tuple_of(Provision))
    """Provisions the respondent was found to have breached."""
    tags: tuple[Tag, ...] = attrs.field(default=(), validator=v.and_(_tuple_of(Tag), _unique))
    events: tuple[Event, ...] = attrs.field(default=(), validator=_tuple_of(Event))
    """The case's history, in order."""
    penalties: tuple[Penalty, ...] = attrs.field(default=(), validator=_tuple_of(Penalty))
    sources: tuple[Source, ...] = attrs.field(default=(), validator=_tuple_of(Source))
    """Where the facts come from: at least one."""

    @sources.validator
    def _check_sources(self, attribute: attrs.Attribute[Any], value: tuple[Source, ...]) -> None:
        if not value:
            raise ValueError("sources must list at least one source")

    def __attrs_post_init__(self) -> None:
        stated = self.penalty_disclosure is PenaltyDisclosure.STATED
        if stated and not self.penalties:
            raise ValueError("penalty_disclosure 'stated' needs at least one penalty")
        if not stated and self.penalties:
            raise ValueError(f"penalty_disclosure {self.penalty_disclosure.value!r} allows no penalties")

    def _first(self, kind: EventKind) -> PartialDate | None:
        return next((event.date for event in self.events if event.kind is kind and event.date), None)

    @property
    def decided(self) -> PartialDate | None:
        """Date of the penalty decision, if known."""
        return self._first(EventKind.DECIDED)

    @property
    def announced(self) -> PartialDate | None:
        """Date the case was made public, if known."""
        return self._first(EventKind.ANNOUNCED)

    @property
    def date(self) -> PartialDate | None:
        """The case's reference date: decision, else announcement, else the first dated event."""
        return self.decided or self.announced or next((e.date for e in self.events if e.date), None)

    @property
    def status(self) -> EventKind | None:
        """The kind of the latest event, or ``None`` for a case with no recorded history."""
        return self.events[-1].kind if self.events else None

    @property
    def instruments(self) -> tuple[str, ...]:
        """Ids of every catalogue instrument the case cites, in first-cited order."""
        seen: dict[str, None] = {}
        for cited in self.citations():
            if cited.provision.instrument is not None:
                seen.setdefault(cited.provision.instrument)
        return tuple(seen)

    def citations(self) -> tuple[CitedProvision, ...]:
        """Every provision the case cites, each with its role, violations first."""
        return tuple(self._iter_citations())

    def _iter_citations(self) -> Iterator[CitedProvision]:
        for provision in self.violations:
            yield CitedProvision(role=ProvisionRole.VIOLATED, provision=provision)
        seen: set[Provision] = set()
        for penalty in self.penalties:
            for provision in penalty.basis:
                if provision not in seen:
                    seen.add(provision)
                    yield CitedProvision(role=ProvisionRole.PENALTY_BASIS, provision=provision)

    def fines(self, target: PenaltyTarget | None = None) -> tuple[Money, ...]:
        """Stated fine amounts, optionally only those on *target*."""
        return tuple(
            penalty.amount
            for penalty in self.penalties
            if penalty.kind is PenaltyKind.FINE
            and penalty.amount is not None
            and (target is None or penalty.target is target)
        )


@attrs.frozen(kw_only=True)
class RetiredId:
    """A case id that is no longer used (a merged or withdrawn case), and is never reused.

    Kept in ``data/retired.toml`` so that links to the old id keep meaning one thing.
    """

    id: str = attrs.field(validator=_identifier)
    reason: str = attrs.field(validator=_non_empty_text)
    """Why the id was retired, e.g. "duplicate of 2017-zhejiang-taobao"."""
    replaced_by: str | None = attrs.field(default=None, validator=_optional_identifier)
    """The case that now holds its facts, if any."""
