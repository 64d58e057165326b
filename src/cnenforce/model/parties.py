"""The parties of a case: respondents, the persons and entities within them, and their apps;
and authorities the sources describe without naming."""

from __future__ import annotations

import re
from typing import Final

import attrs

from cnenforce.errors import FieldError
from cnenforce.model._fields import instance_of, optional, optional_text, text, text_tuple, tuple_of
from cnenforce.model.values import Region
from cnenforce.vocabulary import AppKind, AuthorityKind, AuthorityLevel, PersonRole, RespondentKind, Sector

__all__ = ["MASK", "App", "Member", "Person", "Respondent", "UnnamedAuthority", "is_masked"]

MASK: Final = re.compile(r"[某*＊×○]|XX|ＸＸ")
"""What marks a name as masked by the publishing authority: 某 (王某, 长沙某科技有限公司),
asterisks (李**), crosses, circles or XX."""


def is_masked(name: str) -> bool:
    """Whether *name* is masked as published (王某某, 李**, 某公司).

    >>> is_masked("周某"), is_masked("程维")
    (True, False)
    """
    return MASK.search(name) is not None


@attrs.frozen(kw_only=True)
class Person:
    """A natural person in a case, usually one a measure falls on.

    ``name_zh`` and ``name_en`` are exactly as the authority published them: a masked name
    (周某, 李**) stays masked and is never completed from other sources. The role is kept
    apart from the name.
    """

    name_zh: str | None = attrs.field(default=None, validator=optional_text)
    name_en: str | None = attrs.field(default=None, validator=optional_text)
    """The name as an English-language source gives it."""
    role: PersonRole | None = attrs.field(default=None, validator=optional(instance_of(PersonRole, "a person role")))
    position: str | None = attrs.field(default=None, validator=optional_text)
    """The person's title as published ("chairman", 董事长)."""

    def __attrs_post_init__(self) -> None:
        if self.name_zh is None and self.name_en is None and self.role is None and self.position is None:
            raise FieldError("role", "a person needs a name, a role or a position")

    @property
    def masked(self) -> bool:
        """Whether the published name is masked (see :data:`MASK`)."""
        return any(is_masked(name) for name in (self.name_zh, self.name_en) if name)

    @property
    def label(self) -> str:
        """The name, else the position or role."""
        return self.name_en or self.name_zh or self.position or (self.role.value if self.role else "")


@attrs.frozen(kw_only=True)
class Member:
    """One of several legal entities that together make up a respondent."""

    name_zh: str | None = attrs.field(default=None, validator=optional_text)
    name_en: str | None = attrs.field(default=None, validator=optional_text)
    note: str | None = attrs.field(default=None, validator=optional_text)
    """Its part in the case, in our own words."""

    def __attrs_post_init__(self) -> None:
        if self.name_zh is None and self.name_en is None:
            raise FieldError("name_zh", "a member entity needs a name")


@attrs.frozen(kw_only=True)
class App:
    """An app (or mini program, SDK, quick app) a notice names, as the notice gives it."""

    name: str = attrs.field(validator=text)
    """The app's name as published (usually Chinese)."""
    name_en: str | None = attrs.field(default=None, validator=optional_text)
    kind: AppKind = attrs.field(default=AppKind.APP, validator=instance_of(AppKind, "an app kind"))
    version: str | None = attrs.field(default=None, validator=optional_text)
    store: str | None = attrs.field(default=None, validator=optional_text)
    """Where it was found (the app store or distribution channel), as published."""
    operator: str | None = attrs.field(default=None, validator=optional_text)
    """The developer or operator as published, where the notice names one."""


@attrs.frozen(kw_only=True)
class Respondent:
    """Who an action was taken against: a company, an organisation, a person or a group.

    Names are exactly as published. ``anonymised`` is true when the source withholds the name
    in whole (then ``description`` says what the source says, "a technology company in
    Guangdong") or in part (a masked name such as 长沙某科技有限公司 or 王某某, kept as
    ``name_zh``); nothing is guessed or unmasked.
    """

    kind: RespondentKind = attrs.field(validator=instance_of(RespondentKind, "a respondent kind"))
    name_en: str | None = attrs.field(default=None, validator=optional_text)
    name_zh: str | None = attrs.field(default=None, validator=optional_text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    """Other names: brands, former names, romanisations."""
    anonymised: bool = attrs.field(default=False, validator=instance_of(bool, "true or false"))
    """True when the source withholds the name, wholly or by masking it."""
    description: str | None = attrs.field(default=None, validator=optional_text)
    """How the source describes the respondent, in English (required when anonymised)."""
    description_zh: str | None = attrs.field(default=None, validator=optional_text)
    region: Region | None = attrs.field(default=None, validator=optional(instance_of(Region, "a region")))
    sector: Sector | None = attrs.field(default=None, validator=optional(instance_of(Sector, "a sector")))
    services: tuple[str, ...] = attrs.field(default=(), validator=text_tuple)
    """Products or services at issue (WeChat public accounts, cloud acceleration)."""
    parent: str | None = attrs.field(default=None, validator=optional_text)
    """The group the respondent belongs to, where a source says so (Taobao: Alibaba)."""
    members: tuple[Member, ...] = attrs.field(default=(), validator=tuple_of(instance_of(Member, "a member")))
    """The legal entities that make up a respondent of several (kind ``group``)."""

    def __attrs_post_init__(self) -> None:
        names = [name for name in (self.name_en, self.name_zh) if name is not None]
        if self.anonymised:
            if any(not is_masked(name) for name in names):
                raise FieldError("name_zh", "an anonymised respondent has no name, unless masked as published (某, *)")
            if self.description is None:
                raise FieldError("description", "an anonymised respondent needs the source's description")
        elif not names and self.description is None:
            raise FieldError("name_zh", "a respondent needs a name or a description")
        if self.members and self.kind is not RespondentKind.GROUP:
            raise FieldError("members", "only a respondent of kind 'group' has member entities")

    @property
    def masked(self) -> bool:
        """Whether the published name is masked."""
        return any(is_masked(name) for name in (self.name_en, self.name_zh) if name)

    @property
    def display_name(self) -> str:
        """The best English label: name, else the source's description."""
        return self.name_en or self.name_zh or self.description or ""

    def names(self) -> tuple[str, ...]:
        """Every name, alias and member name, for searching."""
        found = [self.name_en, self.name_zh, *self.aliases, self.description, self.description_zh]
        for member in self.members:
            found.extend((member.name_en, member.name_zh))
        return tuple(name for name in found if name)


@attrs.frozen(kw_only=True)
class UnnamedAuthority:
    """An authority the source describes without naming ("a district public security bureau"):
    its kind, level and place are data, so queries find it."""

    kind: AuthorityKind = attrs.field(validator=instance_of(AuthorityKind, "an authority kind"))
    level: AuthorityLevel | None = attrs.field(
        default=None, validator=optional(instance_of(AuthorityLevel, "an authority level"))
    )
    region: Region | None = attrs.field(default=None, validator=optional(instance_of(Region, "a region")))
    description: str | None = attrs.field(default=None, validator=optional_text)
    """How the source describes it, in English."""
    description_zh: str | None = attrs.field(default=None, validator=optional_text)
