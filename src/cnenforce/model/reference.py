"""The reference records cases point to: instruments, authorities and campaigns."""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import attrs

from cnenforce.errors import FieldError
from cnenforce.model._fields import (
    MAX_ARTICLE,
    article_number,
    identifier,
    instance_of,
    name,
    name_tuple,
    optional,
    optional_article_number,
    optional_identifier,
    optional_name,
    optional_text,
    text,
    text_tuple,
    tuple_of,
    url,
)
from cnenforce.model.values import Money, PartialDate, Region, Source
from cnenforce.vocabulary import AuthorityKind, AuthorityLevel, InstrumentKind, MeasureTarget

__all__ = [
    "ArticleRenumbering",
    "Authority",
    "Campaign",
    "CitationExample",
    "FineRange",
    "Instrument",
    "InstrumentVersion",
]

_sources = tuple_of(instance_of(Source, "a source"))
_date = optional(instance_of(PartialDate, "a date"))


@attrs.frozen(kw_only=True)
class FineRange:
    """A statutory fine range: what one article allows on one kind of target."""

    article: int = attrs.field(validator=article_number)
    paragraph: int | None = attrs.field(default=None, validator=optional_article_number)
    target: MeasureTarget = attrs.field(
        default=MeasureTarget.RESPONDENT, validator=instance_of(MeasureTarget, "respondent or persons")
    )
    minimum: Money | None = attrs.field(default=None, validator=optional(instance_of(Money, "an amount")))
    maximum: Money | None = attrs.field(default=None, validator=optional(instance_of(Money, "an amount")))
    condition: str | None = attrs.field(default=None, validator=optional_text)
    """When this range applies ("on refusal to correct", "where there are no illegal gains")."""

    def __attrs_post_init__(self) -> None:
        if self.target is MeasureTarget.THIRD_PARTY:
            raise FieldError("target", "a fine range is on the respondent or on persons")
        if self.minimum is None and self.maximum is None:
            raise FieldError("maximum", "a fine range needs a minimum or a maximum")
        if (
            self.minimum is not None
            and self.maximum is not None
            and (self.minimum.currency != self.maximum.currency or self.minimum.amount > self.maximum.amount)
        ):
            raise FieldError("minimum", "a fine range's minimum must not exceed its maximum, in one currency")

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

    first: int = attrs.field(validator=article_number)
    last: int = attrs.field(validator=article_number)
    to: int = attrs.field(validator=article_number)
    """This text's number for the preceding text's Article ``first``."""
    note: str | None = attrs.field(default=None, validator=optional_text)

    def __attrs_post_init__(self) -> None:
        if self.last < self.first:
            raise FieldError("last", "last must not be before first")
        if self.to + self.last - self.first > MAX_ARTICLE:
            raise FieldError("to", f"the run would end beyond article {MAX_ARTICLE:,}")

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

    id: str = attrs.field(validator=identifier)
    """Stable id, by convention the year the text was adopted (``"2016"``, ``"2025"``)."""
    adopted: PartialDate | None = attrs.field(default=None, validator=_date)
    promulgated: PartialDate | None = attrs.field(default=None, validator=_date)
    effective: dt.date | None = attrs.field(default=None, validator=optional(instance_of(dt.date, "a date")))
    """The day this text entered into force."""
    articles: int | None = attrs.field(default=None, validator=optional_article_number)
    """Number of articles, where a source confirms it."""
    fine_ranges: tuple[FineRange, ...] = attrs.field(default=(), validator=tuple_of(instance_of(FineRange, "a range")))
    renumbering: tuple[ArticleRenumbering, ...] = attrs.field(
        default=(), validator=tuple_of(instance_of(ArticleRenumbering, "a renumbering run"))
    )
    """How the preceding text's articles are numbered in this one; an article with no entry has
    no counterpart here (repealed, or merged in a way a number cannot express)."""
    note: str | None = attrs.field(default=None, validator=optional_text)


MAX_EXAMPLE_LENGTH: Final = 300
"""The longest example citation: a phrase around the citation, not a paragraph."""


def _example_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    text(instance, attribute, value)
    if isinstance(value, str) and len(value) > MAX_EXAMPLE_LENGTH:
        raise FieldError(attribute.name, f"an example of at most {MAX_EXAMPLE_LENGTH} characters ({len(value):,})")


@attrs.frozen(kw_only=True)
class CitationExample:
    """A real citation of an instrument, copied as written from a source, with the provision it
    cites: the validator reads every example with the citation parser and the dataset's own
    catalogue, so a name or a numbering the parser cannot read is found when it is added, not
    when a reader's search misses.

    ``article`` is ``None`` for an example that names the whole instrument ("依据《网络安全法》");
    ``version`` is checked only where given.
    """

    text: str = attrs.field(validator=_example_text)
    """The phrase as written (at most :data:`MAX_EXAMPLE_LENGTH` characters)."""
    source: str = attrs.field(validator=url)
    """Where it is written: the address of the page it was copied from."""
    article: int | None = attrs.field(default=None, validator=optional_article_number)
    paragraph: int | None = attrs.field(default=None, validator=optional_article_number)
    item: int | None = attrs.field(default=None, validator=optional_article_number)
    version: str | None = attrs.field(default=None, validator=optional_identifier)
    """The text the numbers refer to, where the parser must read it so."""
    at: PartialDate | None = attrs.field(default=None, validator=_date)
    """The date of the source at the precision it gives, for an instrument with several texts:
    numbers are read in the text in force on its first possible day, as
    :func:`~cnenforce.citations.find` reads them with ``at``."""

    def __attrs_post_init__(self) -> None:
        if self.article is None and (self.paragraph is not None or self.item is not None):
            raise FieldError("article", "a paragraph or item needs an article")


@attrs.frozen(kw_only=True)
class Instrument:
    """A law, regulation or rule in the catalogue."""

    id: str = attrs.field(validator=identifier)
    title_en: str = attrs.field(validator=name)
    """The English title; this and every other name of a catalogue record is at most
    :data:`~cnenforce.model.MAX_NAME_LENGTH` characters."""
    title_zh: str = attrs.field(validator=name)
    kind: InstrumentKind = attrs.field(validator=instance_of(InstrumentKind, "an instrument kind"))
    short_title_en: str | None = attrs.field(default=None, validator=optional_name)
    """The usual short English title ("Cybersecurity Law"), used when writing citations."""
    short_title_zh: str | None = attrs.field(default=None, validator=optional_name)
    """The usual short Chinese title (网络安全法), used when writing citations."""
    abbreviations: tuple[str, ...] = attrs.field(default=(), validator=name_tuple)
    """Abbreviations in use, English and Chinese (CSL, 网安法)."""
    aliases_en: tuple[str, ...] = attrs.field(default=(), validator=name_tuple)
    """Other English titles and translations in real use."""
    aliases_zh: tuple[str, ...] = attrs.field(default=(), validator=name_tuple)
    """Other Chinese titles in real use."""
    issuers: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    document_number: str | None = attrs.field(default=None, validator=optional_text)
    versions: tuple[InstrumentVersion, ...] = attrs.field(
        validator=tuple_of(instance_of(InstrumentVersion, "a version"))
    )
    """The texts, oldest first."""
    sources: tuple[Source, ...] = attrs.field(default=(), validator=_sources)
    examples: tuple[CitationExample, ...] = attrs.field(
        default=(), validator=tuple_of(instance_of(CitationExample, "a citation example"))
    )
    """Real citations of this instrument, as written in sources, each with the provision it
    cites (checked by the validator against the citation parser)."""

    @versions.validator
    def _check_versions(self, attribute: attrs.Attribute[Any], value: tuple[InstrumentVersion, ...]) -> None:
        if not value:
            raise FieldError("versions", "an instrument needs at least one version")
        ids = [version.id for version in value]
        if len(set(ids)) != len(ids):
            raise FieldError("versions", f"version ids repeat: {ids}")

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

    def names(self) -> tuple[str, ...]:
        """Its id, titles, abbreviations and aliases, for looking it up."""
        return (
            self.id,
            self.title_en,
            self.title_zh,
            *(title for title in (self.short_title_en, self.short_title_zh) if title),
            *self.abbreviations,
            *self.aliases_en,
            *self.aliases_zh,
        )


@attrs.frozen(kw_only=True)
class Authority:
    """An enforcement authority in the catalogue."""

    id: str = attrs.field(validator=identifier)
    name_en: str = attrs.field(validator=name)
    name_zh: str | None = attrs.field(default=None, validator=optional_name)
    kind: AuthorityKind = attrs.field(validator=instance_of(AuthorityKind, "an authority kind"))
    level: AuthorityLevel = attrs.field(validator=instance_of(AuthorityLevel, "an authority level"))
    region: Region | None = attrs.field(default=None, validator=optional(instance_of(Region, "a region")))
    """Where the authority has jurisdiction; ``None`` for national bodies."""
    parent: str | None = attrs.field(default=None, validator=optional_identifier)
    """Id of the authority it reports to, where it is in the catalogue."""
    aliases: tuple[str, ...] = attrs.field(default=(), validator=name_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), validator=_sources)

    def __attrs_post_init__(self) -> None:
        if (self.level is AuthorityLevel.NATIONAL) == (self.region is not None):
            raise FieldError("region", "a national authority has no region; any other has one")

    def names(self) -> tuple[str, ...]:
        """Its id, names and aliases, for looking it up."""
        return (self.id, self.name_en, *((self.name_zh,) if self.name_zh else ()), *self.aliases)


@attrs.frozen(kw_only=True)
class Campaign:
    """A recurring enforcement campaign (净网, 护网, 清朗, the app special governance)."""

    id: str = attrs.field(validator=identifier)
    name_en: str = attrs.field(validator=name)
    name_zh: str = attrs.field(validator=name)
    description: str | None = attrs.field(default=None, validator=optional_text)
    """What the campaign targets, in our own words."""
    authority_kinds: tuple[AuthorityKind, ...] = attrs.field(
        default=(), validator=tuple_of(instance_of(AuthorityKind, "an authority kind"))
    )
    """The branches of the state that run it."""
    sources: tuple[Source, ...] = attrs.field(default=(), validator=_sources)

    def names(self) -> tuple[str, ...]:
        """Its id and names, for looking it up."""
        return (self.id, self.name_en, self.name_zh)
