"""Value types: dates known in part, money, durations, places and sources."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from typing import Any, Final

import attrs

from cnenforce.errors import FieldError
from cnenforce.model._fields import (
    instance_of,
    optional,
    optional_text,
    optional_url,
    positive_int,
    text,
    text_tuple,
    tuple_of,
)
from cnenforce.regions import PROVINCES, is_province_code
from cnenforce.vocabulary import DateQualifier, DurationUnit, Language, SourceKind

__all__ = [
    "AMOUNT_PATTERN",
    "CURRENCIES",
    "DURATION_PATTERN",
    "PARTIAL_DATE_PATTERN",
    "Duration",
    "Money",
    "PartialDate",
    "Region",
    "Source",
]

CURRENCIES: Final = frozenset({"CNY", "HKD", "USD", "EUR"})
"""ISO 4217 codes that amounts may be given in."""

AMOUNT_PATTERN: Final = re.compile(r"(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,4})?")
"""The one way an amount is written, in data files, bundles, exports, queries and the JSON
Schema: ASCII digits, no sign, no separators, no exponent, at most 15 digits before the point
and 4 after (``"50000"``, ``"8026000000"``, ``"1234.5"``)."""

PARTIAL_DATE_PATTERN: Final = re.compile(
    r"(?:(?P<qualifier>early|mid|late) )?"
    r"(?:(?P<year>[0-9]{4})|-)"
    r"(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?"
)
"""The text form of :class:`PartialDate` (checked further by the class: ``"-"`` alone, or a
yearless date without a month, is refused)."""

DURATION_PATTERN: Final = re.compile(r"(?P<value>[1-9][0-9]{0,3}) (?P<unit>day|week|month|year)(?P<plural>s?)")
"""The text form of :class:`Duration`: ``"1 day"``, ``"15 days"``, ``"3 months"``."""


def _month(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or not 1 <= value <= 12):
        raise FieldError(attribute.name, f"must be a month from 1 to 12, got {value!r}")


def _day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or not 1 <= value <= 31):
        raise FieldError(attribute.name, f"must be a day from 1 to 31, got {value!r}")


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or not 1949 <= value <= 9999):
        raise FieldError(attribute.name, f"must be a year from 1949 to 9999, got {value!r}")


@attrs.frozen(kw_only=True, order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day, never more precise than stated.

    "July 2017" is ``PartialDate(year=2017, month=7)``; "early August 2017" adds
    ``qualifier=DateQualifier.EARLY``. A notice that gives "2 July" with no year is
    ``PartialDate(month=7, day=2)``. The text form, used in data files and exports, is
    ``"2017"``, ``"2017-07"``, ``"2017-08-11"``, ``"early 2017-08"``, or, without a year,
    ``"--07-02"`` and ``"--07"`` (the ISO 8601 form for a date with no year).

    >>> PartialDate.parse("early 2017-08")
    PartialDate(year=2017, month=8, day=None, qualifier=<DateQualifier.EARLY: 'early'>)
    >>> str(PartialDate(month=7, day=2))
    '--07-02'
    """

    year: int | None = attrs.field(default=None, validator=_year)
    """The year, or ``None`` when the source gives none (then the month is known)."""
    month: int | None = attrs.field(default=None, validator=_month)
    day: int | None = attrs.field(default=None, validator=_day)
    qualifier: DateQualifier | None = attrs.field(
        default=None, validator=optional(instance_of(DateQualifier, "early, mid or late"))
    )
    """``early``, ``mid`` or ``late`` part of the month (or of the year, without a month)."""

    def __attrs_post_init__(self) -> None:
        if self.year is None and self.month is None:
            raise FieldError("month", "a date without a year needs at least the month")
        if self.day is not None:
            if self.month is None:
                raise FieldError("day", "a day needs a month")
            # A year-less 29 February is possible, so check against a leap year.
            if self.day > calendar.monthrange(self.year or 2000, self.month)[1]:
                raise FieldError("day", f"{self.month:02d} has no day {self.day}")
            if self.qualifier is not None:
                raise FieldError("qualifier", "a qualifier (early/mid/late) cannot go with an exact day")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read the text form; raise :class:`~cnenforce.errors.FieldError` for anything else."""
        match = PARTIAL_DATE_PATTERN.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise FieldError(
                "", f"not a date: {text!r} (expected YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD, or 'early|mid|late YYYY-MM')"
            )
        qualifier = match["qualifier"]
        try:
            return cls(
                year=int(match["year"]) if match["year"] else None,
                month=int(match["month"]) if match["month"] else None,
                day=int(match["day"]) if match["day"] else None,
                qualifier=DateQualifier(qualifier) if qualifier else None,
            )
        except FieldError as exc:
            raise FieldError("", f"not a real date: {text!r} ({exc.reason})") from None

    @classmethod
    def from_date(cls, date: dt.date) -> PartialDate:
        """The exact partial date of a :class:`datetime.date`."""
        return cls(year=date.year, month=date.month, day=date.day)

    @property
    def is_exact(self) -> bool:
        """Whether the day (and the year) is known."""
        return self.day is not None and self.year is not None

    def to_date(self) -> dt.date | None:
        """The :class:`datetime.date`, or ``None`` if the day or the year is not known."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def earliest(self) -> dt.date | None:
        """The first day this date could be; ``None`` without a year."""
        if self.year is None:
            return None
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date | None:
        """The last day this date could be; ``None`` without a year."""
        if self.year is None:
            return None
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def sort_key(self) -> tuple[int, int, int]:
        """Orders dates chronologically, less precise dates first within a period, year-less
        dates first of all."""
        return (self.year or 0, self.month or 0, self.day or 0)

    def certainly_before(self, other: PartialDate) -> bool:
        """Whether every day this date could be comes before every day *other* could be.

        Dates without a year compare by month and day only against each other.
        """
        if self.year is None or other.year is None:
            if self.year is not None or other.year is not None:
                return False  # one year unknown: either order is possible
            # Both year-less (and so both have a month): compare within a year.
            return (self.month or 0, self.day or 31) < (other.month or 0, other.day or 1)
        latest, earliest = self.latest(), other.earliest()
        return latest is not None and earliest is not None and latest < earliest

    def __str__(self) -> str:
        text = f"{self.year:04d}" if self.year is not None else "-"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text if self.qualifier is None else f"{self.qualifier.value} {text}"


def _amount(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Decimal):
        raise FieldError(attribute.name, f"expected a Decimal, got {value!r}")
    # The digit bounds come first: formatting 1E+999999999 in full would take gigabytes.
    exponent = value.as_tuple().exponent
    bounded = isinstance(exponent, int) and exponent >= -4 and value.adjusted() < 15
    if not bounded or value <= 0 or AMOUNT_PATTERN.fullmatch(format(value, "f")) is None:
        shown = format(value, "f") if bounded else str(value)
        raise FieldError(attribute.name, f"must be a positive amount of at most 15 digits and 4 decimals, got {shown}")


def _currency(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in CURRENCIES:
        raise FieldError(attribute.name, f"must be one of {', '.join(sorted(CURRENCIES))}, got {value!r}")


@attrs.frozen(kw_only=True)
class Money:
    """An amount of money: a positive ``Decimal`` and an ISO 4217 currency, never a float."""

    amount: Decimal = attrs.field(validator=_amount)
    currency: str = attrs.field(default="CNY", validator=_currency)

    @classmethod
    def parse(cls, amount: str, currency: str = "CNY") -> Money:
        """Money from an amount written in the one accepted form (:data:`AMOUNT_PATTERN`).

        >>> str(Money.parse("50000"))
        'CNY 50,000'
        """
        if not isinstance(amount, str) or AMOUNT_PATTERN.fullmatch(amount) is None:
            raise FieldError(
                "amount",
                f"expected an amount written as digits with an optional decimal point, "
                f'no separators or exponent (e.g. "50000"), got {amount!r}',
            )
        return cls(amount=Decimal(amount), currency=currency)

    @property
    def text(self) -> str:
        """The amount in its plain written form, never in exponent notation."""
        return format(self.amount, "f")

    def __str__(self) -> str:
        return f"{self.currency} {self.amount:,}"


@attrs.frozen(kw_only=True)
class Duration:
    """A length of time as the source gives it: a number of days, weeks, months or years.

    Kept in the source's unit (a deadline of "three months" is not 90 days).

    >>> Duration.parse("15 days")
    Duration(value=15, unit=<DurationUnit.DAYS: 'days'>)
    >>> str(Duration(value=1, unit=DurationUnit.MONTHS))
    '1 month'
    """

    value: int = attrs.field(validator=positive_int)
    unit: DurationUnit = attrs.field(validator=instance_of(DurationUnit, "days, weeks, months or years"))

    @value.validator
    def _check_value(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value > 9999:
            raise FieldError(attribute.name, f"must be at most 9999, got {value}")

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read ``"1 day"``, ``"15 days"``, ``"2 weeks"``, ``"3 months"``, ``"1 year"``."""
        match = DURATION_PATTERN.fullmatch(text) if isinstance(text, str) else None
        if match is None or (match["value"] == "1") == (match["plural"] == "s"):
            raise FieldError("", f'expected a duration such as "1 day", "15 days" or "3 months", got {text!r}')
        return cls(value=int(match["value"]), unit=DurationUnit(match["unit"] + "s"))

    def __str__(self) -> str:
        unit = self.unit.value
        return f"{self.value} {unit[:-1] if self.value == 1 else unit}"


def _province(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not is_province_code(value):
        raise FieldError(attribute.name, f"must be an ISO 3166-2:CN code such as 'CN-GD', got {value!r}")


@attrs.frozen(kw_only=True)
class Region:
    """A place in China: a province-level division, optionally a city and a county or district.

    Names below the province are as the source gives them, in English and in Chinese.
    """

    province: str = attrs.field(validator=_province)
    """ISO 3166-2:CN code of the province, autonomous region or municipality, e.g. ``"CN-GD"``."""
    city: str | None = attrs.field(default=None, validator=optional_text)
    """English name of the prefecture-level city, e.g. ``"Shantou"``."""
    city_zh: str | None = attrs.field(default=None, validator=optional_text)
    """Chinese name of the city, e.g. ``"汕头市"``."""
    district: str | None = attrs.field(default=None, validator=optional_text)
    """English name of the county, county-level city or city district (县, 区)."""
    district_zh: str | None = attrs.field(default=None, validator=optional_text)
    """Chinese name of the county or district, e.g. ``"民权县"``."""

    @property
    def province_name(self) -> str:
        """The province's English name."""
        return PROVINCES[self.province].name_en

    @property
    def province_name_zh(self) -> str:
        """The province's Chinese name."""
        return PROVINCES[self.province].name_zh

    def within(self, other: Region) -> bool:
        """Whether this place is *other* or lies inside it (by the names given)."""
        if self.province != other.province:
            return False
        for mine, theirs in ((self.city, other.city), (self.district, other.district)):
            if theirs is not None and (mine is None or mine.casefold() != theirs.casefold()):
                return False
        return True

    def __str__(self) -> str:
        parts = [self.district or self.district_zh, self.city or self.city_zh, self.province_name]
        return ", ".join(part for part in parts if part)


def _positive_optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        positive_int(instance, attribute, value)


@attrs.frozen(kw_only=True)
class Source:
    """A publication a case (or a catalogue fact) was taken from.

    ``kind`` tells official texts from reposts, news, commentary and mirror copies. A mirror
    (a copy on a site of unknown standing) is evidence of a text, never its publisher, so it
    has no ``publisher``; ``copy_of`` points to the source it copies, by number (1 is the
    first source of the record).
    """

    kind: SourceKind = attrs.field(validator=instance_of(SourceKind, "a source kind"))
    title: str | None = attrs.field(default=None, validator=optional_text)
    """Title as published, in the language of the publication; empty if the copy gives none."""
    publisher: str | None = attrs.field(default=None, validator=optional_text)
    """Who published this copy: an authority, a news outlet, a law firm."""
    url: str | None = attrs.field(default=None, validator=optional_url)
    """Where it can be read, if it is online."""
    published: PartialDate | None = attrs.field(default=None, validator=optional(instance_of(PartialDate, "a date")))
    language: Language = attrs.field(default=Language.ENGLISH, validator=instance_of(Language, "en, zh or zh-Hant"))
    authors: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    retrieved: dt.date | None = attrs.field(default=None, validator=optional(instance_of(dt.date, "a date")))
    """When the copy used was read."""
    archived_url: str | None = attrs.field(default=None, validator=optional_url)
    """An archived copy (Wayback Machine and the like), where one is known."""
    copy_of: int | None = attrs.field(default=None, validator=_positive_optional)
    """For a repost or mirror: the number of the source it copies (1 = the first source)."""
    states: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(text))
    """The facts this source states, as field paths of the record (``"measures[0].amount"``,
    ``"violations"``); empty when the record does not say. See :meth:`Case.sources_for`."""
    note: str | None = attrs.field(default=None, validator=optional_text)
    """What this source contributes, or how the copy read relates to the original."""

    def __attrs_post_init__(self) -> None:
        if self.kind is SourceKind.MIRROR and self.publisher is not None:
            raise FieldError("publisher", "a mirror copy has no publisher: record the original as its own source")
        if self.kind is SourceKind.OFFICIAL and self.publisher is None:
            raise FieldError("publisher", "an official source needs its publisher (the authority)")
        if self.url is None and (self.title is None or self.published is None):
            raise FieldError("url", "a source needs an http(s) url, or a title and its published date")

    @property
    def host(self) -> str | None:
        """The host name of ``url``."""
        if self.url is None:
            return None
        return self.url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]

    @property
    def label(self) -> str:
        """A short label for lists: the title, else the publisher, else the host."""
        return self.title or self.publisher or self.host or ""
