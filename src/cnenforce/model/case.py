"""Cases, the actions (announcements and decisions) they belong to, and their parts."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Final

import attrs

from cnenforce.errors import FieldError
from cnenforce.model._fields import (
    identifier,
    instance_of,
    optional,
    optional_identifier,
    optional_text,
    positive_int,
    text,
    tuple_of,
    unique,
)
from cnenforce.model.parties import App, Person, Respondent, UnnamedAuthority
from cnenforce.model.provisions import CitedProvision, Provision
from cnenforce.model.values import Duration, Money, PartialDate, Region, Source
from cnenforce.vocabulary import (
    ActionKind,
    Disclosure,
    EventKind,
    MeasureKind,
    MeasureTarget,
    ProvisionRole,
    Tag,
)

__all__ = ["CASE_ID_PATTERN", "Action", "CampaignRef", "Case", "Event", "Measure", "RetiredId"]

CASE_ID_PATTERN: Final = re.compile(r"(?P<year>(?:19|20)[0-9]{2})(?:-[a-z0-9]+)+")
"""Case ids: a year, then lowercase words, e.g. ``2017-boss-zhipin-real-name``. The year is the
year of the case's reference date; for a case whose sources give no year, the year the
earliest dated source was published (see :attr:`Case.year_from_sources`)."""

_provisions = tuple_of(instance_of(Provision, "a provision"))
_sources = tuple_of(instance_of(Source, "a source"))
_ids = tuple_of(identifier)
_unnamed = tuple_of(instance_of(UnnamedAuthority, "an unnamed authority"))


def _ids_unique(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    _ids(instance, attribute, value)
    unique(instance, attribute, value)


@attrs.frozen(kw_only=True)
class CampaignRef:
    """A case's or action's part in a campaign: the campaign's catalogue id and, where the
    source gives it, the campaign's year (净网2019 is ``CampaignRef(id="jingwang", year=2019)``)."""

    id: str = attrs.field(validator=identifier)
    year: int | None = attrs.field(default=None, validator=optional(positive_int))

    @year.validator
    def _check_year(self, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and not 1990 <= value <= 9999:
            raise FieldError(attribute.name, f"must be a year, got {value}")

    def __str__(self) -> str:
        return self.id if self.year is None else f"{self.id} {self.year}"


_campaigns = tuple_of(instance_of(CampaignRef, "a campaign reference"))


@attrs.frozen(kw_only=True)
class Measure:
    """One measure taken in a case: a penalty or another measure, on the respondent, on persons
    responsible within it, or on a third party.

    ``kind.category`` says what the measure is in law; :attr:`is_penalty` is what statistics
    count as a penalty (never an interim measure, and never a measure on a third party).
    A fine on persons has ``per_person`` when each was fined the amount; ``person_count`` is
    the number of persons when the source states it (at least as many as ``persons`` names).
    """

    kind: MeasureKind = attrs.field(validator=instance_of(MeasureKind, "a measure kind"))
    target: MeasureTarget = attrs.field(
        default=MeasureTarget.RESPONDENT, validator=instance_of(MeasureTarget, "a measure target")
    )
    amount: Money | None = attrs.field(default=None, validator=optional(instance_of(Money, "an amount")))
    """For fines and confiscations; ``None`` when the source gives no amount."""
    per_person: bool = attrs.field(default=False, validator=instance_of(bool, "true or false"))
    """The amount is what each person was fined."""
    persons: tuple[Person, ...] = attrs.field(default=(), validator=tuple_of(instance_of(Person, "a person")))
    """The persons the measure falls on, as named (or described) by the source."""
    person_count: int | None = attrs.field(default=None, validator=optional(positive_int))
    """How many persons, when the source states it."""
    addressee: str | None = attrs.field(default=None, validator=optional_text)
    """For a measure on a third party: who was addressed ("app distribution platforms")."""
    addressee_zh: str | None = attrs.field(default=None, validator=optional_text)
    duration: Duration | None = attrs.field(default=None, validator=optional(instance_of(Duration, "a duration")))
    """Length of a suspension or detention, or the deadline to correct, in the source's unit."""
    interim: bool = attrs.field(default=False, validator=instance_of(bool, "true or false"))
    """Taken while a review or investigation was under way, not as its outcome."""
    basis: tuple[Provision, ...] = attrs.field(default=(), validator=_provisions)
    """The provisions the measure was imposed under."""
    note: str | None = attrs.field(default=None, validator=optional_text)
    """What exactly was ordered, in our own words."""

    def __attrs_post_init__(self) -> None:
        if self.amount is not None and not self.kind.has_amount:
            raise FieldError("amount", f"only a fine or a confiscation has an amount, not {self.kind.value}")
        if self.duration is not None and not self.kind.has_duration:
            raise FieldError("duration", f"a {self.kind.value} has no duration")
        on_persons = self.target is MeasureTarget.PERSONS
        if not on_persons:
            for name, given in (("persons", self.persons), ("person_count", self.person_count)):
                if given:
                    raise FieldError(name, "persons are for measures with target 'persons'")
            if self.per_person:
                raise FieldError("per_person", "per_person is for measures with target 'persons'")
        if self.per_person and self.amount is None:
            raise FieldError("per_person", "per_person needs the amount each person was fined")
        if self.person_count is not None and self.person_count < len(self.persons):
            raise FieldError("person_count", f"is {self.person_count}, but {len(self.persons)} persons are named")
        third_party = self.target is MeasureTarget.THIRD_PARTY
        if third_party and self.addressee is None and self.addressee_zh is None:
            raise FieldError("addressee", "a measure on a third party names who was addressed")
        if third_party and self.kind.is_penalty:
            raise FieldError("target", f"a {self.kind.value} is a penalty, never imposed on a third party in a case")
        if not third_party and (self.addressee is not None or self.addressee_zh is not None):
            raise FieldError("addressee", "an addressee is for measures with target 'third-party'")

    @property
    def is_penalty(self) -> bool:
        """Whether this is an administrative penalty on the respondent or its persons: a kind
        that is a penalty, not interim, not on a third party."""
        return self.kind.is_penalty and not self.interim and self.target is not MeasureTarget.THIRD_PARTY

    @property
    def is_fine(self) -> bool:
        """Whether this is a fine counted as a penalty."""
        return self.kind is MeasureKind.FINE and self.is_penalty

    @property
    def persons_known(self) -> int | None:
        """How many persons this measure falls on, if known: ``person_count``, else the number
        named (``None`` when neither is given, or for other targets)."""
        if self.target is not MeasureTarget.PERSONS:
            return None
        return self.person_count if self.person_count is not None else (len(self.persons) or None)

    @property
    def total(self) -> Money | None:
        """The whole amount: ``amount``, times the number of persons for a per-person amount.

        ``None`` when the amount is not stated, or is per person and the count is unknown.
        """
        if self.amount is None:
            return None
        if not self.per_person:
            return self.amount
        count = self.persons_known
        if count is None:
            return None
        return Money(amount=self.amount.amount * Decimal(count), currency=self.amount.currency)


@attrs.frozen(kw_only=True)
class Event:
    """A dated step in a case's history; later news adds events rather than editing old ones."""

    kind: EventKind = attrs.field(validator=instance_of(EventKind, "an event kind"))
    date: PartialDate | None = attrs.field(default=None, validator=optional(instance_of(PartialDate, "a date")))
    """When it happened, at the precision the source gives; ``None`` if not stated."""
    authority: str | None = attrs.field(default=None, validator=optional_identifier)
    """Catalogue id of the authority that acted, where it differs or matters."""
    note: str | None = attrs.field(default=None, validator=optional_text)


def _check_events(instance: object, attribute: attrs.Attribute[Any], value: tuple[Event, ...]) -> None:
    tuple_of(instance_of(Event, "an event"))(instance, attribute, value)
    dated = [(index, event.date) for index, event in enumerate(value) if event.date is not None]
    for (_, earlier), (index, later) in itertools.pairwise(dated):
        if later.certainly_before(earlier):
            raise FieldError(f"{attribute.name}[{index}].date", f"{later} is before the previous event ({earlier})")


@attrs.frozen(kw_only=True)
class Case:
    """One enforcement action against one respondent.

    Counting rule: a case is one respondent in one action. An announcement or notice that
    covers several respondents is an :class:`Action` with one case per respondent (each case
    names it in ``action``); measures on a respondent's responsible persons belong to the
    respondent's case.
    """

    id: str = attrs.field(validator=identifier)
    """Stable id, ``YYYY-words`` (see :data:`CASE_ID_PATTERN`); never reused."""
    title: str = attrs.field(validator=text)
    summary: str = attrs.field(validator=text)
    """What happened, in our own words."""
    respondent: Respondent = attrs.field(validator=instance_of(Respondent, "a respondent"))
    measures_disclosure: Disclosure = attrs.field(validator=instance_of(Disclosure, "a disclosure"))
    title_zh: str | None = attrs.field(default=None, validator=optional_text)
    summary_zh: str | None = attrs.field(default=None, validator=optional_text)
    """Chinese summary, in our own words."""
    action: str | None = attrs.field(default=None, validator=optional_identifier)
    """Id of the :class:`Action` (announcement, notice, decision) the case belongs to."""
    apps: tuple[App, ...] = attrs.field(default=(), validator=tuple_of(instance_of(App, "an app")))
    """Apps the sources name in the case."""
    authorities: tuple[str, ...] = attrs.field(default=(), validator=_ids_unique)
    """Catalogue ids of the authorities that acted."""
    unnamed_authorities: tuple[UnnamedAuthority, ...] = attrs.field(default=(), validator=_unnamed)
    """Authorities the sources describe without naming, by kind, level and place."""
    region: Region | None = attrs.field(default=None, validator=optional(instance_of(Region, "a region")))
    """Where the action was taken."""
    national: bool = attrs.field(default=False, validator=instance_of(bool, "true or false"))
    """A nationwide action (a national notice), as distinct from a region not stated."""
    campaigns: tuple[CampaignRef, ...] = attrs.field(default=(), validator=_campaigns)
    violations: tuple[Provision, ...] = attrs.field(default=(), validator=_provisions)
    """Provisions the respondent was found to have breached."""
    cited: tuple[Provision, ...] = attrs.field(default=(), validator=_provisions)
    """Provisions the sources cite for the case without saying whether breached or applied."""
    tags: tuple[Tag, ...] = attrs.field(
        default=(), validator=attrs.validators.and_(tuple_of(instance_of(Tag, "a tag")), unique)
    )
    events: tuple[Event, ...] = attrs.field(default=(), validator=_check_events)
    """The case's history, in order."""
    measures: tuple[Measure, ...] = attrs.field(default=(), validator=tuple_of(instance_of(Measure, "a measure")))
    sources: tuple[Source, ...] = attrs.field(default=(), validator=_sources)
    """Where the facts come from: at least one, numbered from 1 in this order."""
    note: str | None = attrs.field(default=None, validator=optional_text)
    """Remarks on the case's record: gaps, disagreements between sources."""

    def __attrs_post_init__(self) -> None:
        if not self.sources:
            raise FieldError("sources", "must list at least one source")
        stated = self.measures_disclosure is Disclosure.STATED
        if stated and not self.measures:
            raise FieldError("measures", "measures_disclosure 'stated' needs at least one measure")
        if not stated and self.measures:
            raise FieldError("measures", f"measures_disclosure {self.measures_disclosure.value!r} allows no measures")
        if self.national and self.region is not None:
            raise FieldError("national", "a nationwide action has no region")
        for index, source in enumerate(self.sources):
            if source.copy_of is not None and (source.copy_of > len(self.sources) or source.copy_of == index + 1):
                raise FieldError(f"sources[{index}].copy_of", f"no other source has number {source.copy_of}")

    def _first(self, kind: EventKind) -> PartialDate | None:
        return next((event.date for event in self.events if event.kind is kind and event.date), None)

    @property
    def decided(self) -> PartialDate | None:
        """Date of the decision, if known."""
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
    def year(self) -> int | None:
        """The year of the reference date, or ``None`` when no year is known."""
        date = self.date
        return None if date is None else date.year

    @property
    def year_from_sources(self) -> bool:
        """Whether the year in the id comes from the sources' publication, because no event of
        the case has a known year."""
        return not any(event.date is not None and event.date.year is not None for event in self.events)

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
        """Every provision the case cites, each with its role: violated, then cited, then the
        bases of measures (each once)."""
        return tuple(self._iter_citations())

    def _iter_citations(self) -> Iterator[CitedProvision]:
        for provision in self.violations:
            yield CitedProvision(role=ProvisionRole.VIOLATED, provision=provision)
        for provision in self.cited:
            yield CitedProvision(role=ProvisionRole.CITED, provision=provision)
        seen: set[Provision] = set()
        for measure in self.measures:
            for provision in measure.basis:
                if provision not in seen:
                    seen.add(provision)
                    yield CitedProvision(role=ProvisionRole.PENALTY_BASIS, provision=provision)

    @property
    def penalties(self) -> tuple[Measure, ...]:
        """The measures that are penalties (see :attr:`Measure.is_penalty`)."""
        return tuple(measure for measure in self.measures if measure.is_penalty)

    def fines(self, target: MeasureTarget | None = None) -> tuple[Money, ...]:
        """Stated fine amounts (as written: per person where ``per_person``), optionally only
        those on *target*."""
        return tuple(
            measure.amount
            for measure in self.measures
            if measure.is_fine and measure.amount is not None and (target is None or measure.target is target)
        )

    def sources_for(self, path: str) -> tuple[Source, ...]:
        """The sources that state the fact at field *path* (``"measures[0].amount"``).

        A source states a fact when one of its ``states`` paths is the path or contains it
        (``"measures"`` covers ``"measures[0].amount"``). When no source says what it states
        for the path, every source is returned: the record does not tell them apart.
        """
        matching = tuple(source for source in self.sources if any(_covers(stated, path) for stated in source.states))
        return matching or self.sources

    def names(self) -> tuple[str, ...]:
        """Every name in the case (respondent, aliases, members, apps, app operators), for
        searching."""
        found = list(self.respondent.names())
        for app in self.apps:
            found.extend(name for name in (app.name, app.name_en, app.operator) if name)
        return tuple(found)


def _covers(stated: str, path: str) -> bool:
    return path == stated or path.startswith((f"{stated}.", f"{stated}["))


@attrs.frozen(kw_only=True)
class Action:
    """One announcement, notice or decision document, shared by the cases it covers.

    A batch notice naming forty apps is one action and forty cases; a release of ten typical
    cases is one action and ten cases. ``respondents_stated`` is how many respondents the
    document says it names; ``complete`` says whether every one of them is recorded.
    """

    id: str = attrs.field(validator=identifier)
    kind: ActionKind = attrs.field(validator=instance_of(ActionKind, "an action kind"))
    title: str = attrs.field(validator=text)
    """A short English title, in our own words unless a source gives one."""
    title_zh: str | None = attrs.field(default=None, validator=optional_text)
    """The document's Chinese title as published, where a source gives it."""
    document_number: str | None = attrs.field(default=None, validator=optional_text)
    """The document number as published (文号)."""
    published: PartialDate | None = attrs.field(default=None, validator=optional(instance_of(PartialDate, "a date")))
    authorities: tuple[str, ...] = attrs.field(default=(), validator=_ids_unique)
    unnamed_authorities: tuple[UnnamedAuthority, ...] = attrs.field(default=(), validator=_unnamed)
    region: Region | None = attrs.field(default=None, validator=optional(instance_of(Region, "a region")))
    national: bool = attrs.field(default=False, validator=instance_of(bool, "true or false"))
    campaigns: tuple[CampaignRef, ...] = attrs.field(default=(), validator=_campaigns)
    respondents_stated: int | None = attrs.field(default=None, validator=optional(positive_int))
    """How many respondents the document says it names, where it says."""
    complete: bool = attrs.field(default=False, validator=instance_of(bool, "true or false"))
    """Whether every respondent the document names is recorded as a case."""
    sources: tuple[Source, ...] = attrs.field(default=(), validator=_sources)
    note: str | None = attrs.field(default=None, validator=optional_text)

    def __attrs_post_init__(self) -> None:
        if not self.sources:
            raise FieldError("sources", "must list at least one source")
        if self.national and self.region is not None:
            raise FieldError("national", "a nationwide action has no region")


@attrs.frozen(kw_only=True)
class RetiredId:
    """A case id that is no longer used (a merged or withdrawn case), and is never reused.

    Kept in ``data/retired.toml`` so that links to the old id keep meaning one thing.
    """

    id: str = attrs.field(validator=identifier)
    reason: str = attrs.field(validator=text)
    """Why the id was retired, e.g. "duplicate of 2017-zhejiang-taobao"."""
    replaced_by: str | None = attrs.field(default=None, validator=optional_identifier)
    """The case that now holds its facts, if any."""
