"""Criteria: what a query may ask, how each value is read, and how each criterion is answered.

:class:`Criteria` lists every criterion with its type; :func:`compile_criteria` reads the
values given (raising :class:`~cnenforce.errors.QueryError` for a bad one) into
:class:`Criterion` objects. Each criterion answers in two ways that must always agree:

- :meth:`Criterion.positions`: the positions of the matching cases, from the dataset's
  indexes (:mod:`cnenforce.query.indexes`), never visiting a case the index does not return;
- :meth:`Criterion.test`: whether one case matches, from the case alone (the naive scan).

Property tests check that they agree on generated datasets.
"""

# No ``from __future__ import annotations`` here: with it, every field annotation of a
# NamedTuple or TypedDict is compiled at import (as a ForwardRef), which cost a fresh process
# more than the rest of the module.

import datetime as dt
import difflib
import enum
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Final, NamedTuple, Protocol, TypedDict, TypeVar

from cnenforce.dataset import Dataset
from cnenforce.errors import FieldError, QueryError
from cnenforce.model import CURRENCIES, CampaignRef, Case, Money, PartialDate, Provision
from cnenforce.query import indexes, names
from cnenforce.query.folding import fold
from cnenforce.query.indexes import Positions, intersect, union
from cnenforce.query.provisions import Wanted, wanted
from cnenforce.vocabulary import (
    AuthorityKind,
    AuthorityLevel,
    EventKind,
    MeasureKind,
    MeasureTarget,
    ProvisionRole,
    Sector,
    Tag,
)

__all__ = ["CRITERIA", "Criteria", "Criterion", "DateLike", "ProvisionLike", "compile_criteria"]

DateLike = PartialDate | dt.date | str
"""A date bound: a :class:`~cnenforce.model.PartialDate`, a :class:`datetime.date`, or its
text (``"2017"``, ``"2017-08"``, ``"2017-08-11"``)."""
ProvisionLike = Provision | str
"""A :class:`~cnenforce.model.Provision` or a citation string."""
AmountLike = Money | Decimal | int | str
"""An amount: :class:`~cnenforce.model.Money`, a ``Decimal``, an ``int``, or text such as
``"1000000"``, ``"1,000,000"`` or ``"CNY 1000000"`` (never a float)."""

_E = TypeVar("_E", bound=enum.Enum)


class Criteria(TypedDict, total=False):
    """Every criterion :func:`~cnenforce.query.select` accepts, by keyword.

    Criteria combine with AND. Where a type says ``Sequence``, a list (or tuple, set) of values
    means OR: ``tag=["data-leakage", "data-theft"]`` selects cases with either tag. A criterion
    given as ``None`` is ignored, as if it were not given (so options that were not set can be
    passed through); an empty list is an error. See :mod:`cnenforce.query` for what each
    criterion means.
    """

    instrument: str | Sequence[str]
    provision: ProvisionLike | Sequence[ProvisionLike]
    role: ProvisionRole | str | Sequence[ProvisionRole | str]
    current_numbering: bool
    authority: str | Sequence[str]
    authority_kind: AuthorityKind | str | Sequence[AuthorityKind | str]
    authority_level: AuthorityLevel | str | Sequence[AuthorityLevel | str]
    place: str | Sequence[str]
    since: DateLike
    until: DateLike
    entirely: bool
    measure: MeasureKind | str | Sequence[MeasureKind | str]
    penalty: bool
    target: MeasureTarget | str | Sequence[MeasureTarget | str]
    fine_min: AmountLike
    fine_max: AmountLike
    currency: str
    undisclosed: bool
    name: str | Sequence[str]
    app: str | Sequence[str]
    sector: Sector | str | Sequence[Sector | str]
    tag: Tag | str | Sequence[Tag | str]
    campaign: str | CampaignRef | Sequence[str | CampaignRef]
    status: EventKind | str | Sequence[EventKind | str]
    action: str | Sequence[str]
    text: str | Sequence[str]


CRITERIA: Final = tuple(Criteria.__annotations__)
"""The names of every criterion, in documentation order."""


class Criterion(Protocol):
    """One resolved criterion."""

    def positions(self, dataset: Dataset) -> Positions:
        """Positions of the cases of *dataset* that match, ascending, from its indexes."""
        ...

    def test(self, case: Case) -> bool:
        """Whether *case* matches, from the case alone."""
        ...


# --- reading values ---------------------------------------------------------------------------------


def _values(value: object) -> list[object]:
    """One value, or the members of a list, tuple, set or frozenset (OR)."""
    if isinstance(value, list | tuple | set | frozenset):
        if not value:
            return []
        return sorted(value, key=repr) if isinstance(value, set | frozenset) else list(value)
    return [value]


def _nonempty(criterion: str, value: object) -> list[object]:
    found = _values(value)
    if not found:
        raise QueryError(criterion, value, f"expected a value or a non-empty list of values, got {value!r}")
    return found


_LABELS: Final = {"measure": "measure kind", "status": "event kind", "role": "provision role"}


def _enum_member(criterion: str, cls: type[_E], value: object) -> _E:
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        spelling = re.sub(r"[\s_]+", "-", value.strip().casefold())
        for member in cls:
            if member.value == spelling:
                return member
        allowed = [str(member.value) for member in cls]
        close = difflib.get_close_matches(spelling, allowed, n=3, cutoff=0.5)
        listed = f" (one of: {', '.join(allowed)})" if len(allowed) <= 12 else ""
        label = _LABELS.get(criterion, criterion.replace("_", " "))
        raise QueryError(criterion, value, f"unknown {label} {value!r}{listed}", close)
    raise QueryError(criterion, value, f"expected one of {cls.__name__}'s values, got {value!r}")


def _enums(criterion: str, cls: type[_E], value: object) -> frozenset[_E]:
    return frozenset(_enum_member(criterion, cls, item) for item in _nonempty(criterion, value))


def _flag(criterion: str, value: object) -> bool:
    if value is None:  # not given
        return False
    if not isinstance(value, bool):
        raise QueryError(criterion, value, f"expected True or False, got {value!r}")
    return value


def _date(criterion: str, value: object) -> PartialDate:
    date: object = value
    if isinstance(date, dt.datetime):
        date = date.date()
    if isinstance(date, dt.date):
        return PartialDate.from_date(date)
    if isinstance(date, str):
        try:
            date = PartialDate.parse(date.strip())
        except FieldError as exc:
            raise QueryError(criterion, value, exc.reason) from None
    if not isinstance(date, PartialDate):
        raise QueryError(criterion, value, f"expected a date ('2017', '2017-08', '2017-08-11'), got {value!r}")
    if date.year is None:
        raise QueryError(criterion, value, f"a date bound needs a year, got {value!r}")
    return date


_AMOUNT: Final = re.compile(
    r"(?:(?P<before>[A-Za-z]{3})\s*)?(?P<amount>[0-9][0-9,_]*(?:\.[0-9]+)?)(?:\s*(?P<after>[A-Za-z]{3}))?"
)


def _amount(criterion: str, value: object) -> tuple[Decimal, str | None]:
    currency: str | None = None
    if isinstance(value, Money):
        amount, currency = value.amount, value.currency
    elif isinstance(value, Decimal) and value.is_finite():
        amount = value
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = Decimal(value)
    elif isinstance(value, str) and (match := _AMOUNT.fullmatch(value.strip())) is not None:
        if match["before"] and match["after"]:
            raise QueryError(criterion, value, f"give the currency once, got {value!r}")
        currency = (match["before"] or match["after"] or "").upper() or None
        try:
            amount = Decimal(match["amount"].replace(",", "").replace("_", ""))
        except InvalidOperation:
            raise QueryError(criterion, value, f"not an amount: {value!r}") from None
    else:
        raise QueryError(
            criterion, value, f"expected an amount (Money, Decimal, int or text such as '1000000'), got {value!r}"
        )
    if amount < 0:
        raise QueryError(criterion, value, f"an amount cannot be negative, got {value!r}")
    if currency is not None and currency not in CURRENCIES:
        raise QueryError(criterion, value, f"unknown currency {currency!r}", sorted(CURRENCIES))
    return amount, currency


def _terms(criterion: str, value: object, *, split: bool) -> tuple[str, ...]:
    if not isinstance(value, str):
        raise QueryError(criterion, value, f"expected text, got {value!r}")
    folded = fold(value)
    terms = tuple(folded.split()) if split else (folded.strip(),)
    if not terms or not all(terms):
        raise QueryError(criterion, value, f"expected some text to search for, got {value!r}")
    for term in terms:
        if not term.isprintable():
            raise QueryError(criterion, value, f"{value!r} contains a control or invisible character")
    return terms


# --- criteria ------------------------------------------------------------------------------------


class _Keyed(NamedTuple):
    """Cases with one of *keys* in a facet of the indexes; *keys_of* says which keys a case has."""

    facet: str
    keys: frozenset[Hashable]
    keys_of: Callable[[Case], Iterable[Hashable]]

    def positions(self, dataset: Dataset) -> Positions:
        found = indexes.postings(dataset, self.facet)
        return union([found[key] for key in self.keys if key in found])

    def test(self, case: Case) -> bool:
        return any(key in self.keys for key in self.keys_of(case))


class _Instrument(NamedTuple):
    """Cases citing one of the instruments, in one of the roles (any role if ``None``)."""

    keys: frozenset[str]
    roles: frozenset[ProvisionRole] | None

    def positions(self, dataset: Dataset) -> Positions:
        found = indexes.postings(dataset, "instrument")
        roles = self.roles if self.roles is not None else ProvisionRole
        return union([found[(key, role)] for key in self.keys for role in roles if (key, role) in found])

    def test(self, case: Case) -> bool:
        return any(
            indexes.instrument_key(cited.provision) in self.keys and (self.roles is None or cited.role in self.roles)
            for cited in case.citations()
        )


class _Provision(NamedTuple):
    """Cases citing one of the wanted provisions, or a part of one, in one of the roles."""

    wanted: tuple[Wanted, ...]
    roles: frozenset[ProvisionRole] | None

    def positions(self, dataset: Dataset) -> Positions:
        found: list[Positions] = []
        whole = frozenset(w.key for w in self.wanted if w.article is None)
        if whole:
            found.append(_Instrument(keys=whole, roles=self.roles).positions(dataset))
        cited = indexes.articles(dataset)
        for one in self.wanted:
            if one.article is None:
                continue
            for article in one.articles():
                for (role, version, paragraph, item), positions in cited.get((one.key, article), {}).items():
                    if (self.roles is None or role in self.roles) and one.covers(version, article, paragraph, item):
                        found.append(positions)
        return union(found)

    def test(self, case: Case) -> bool:
        for cited in case.citations():
            if self.roles is not None and cited.role not in self.roles:
                continue
            p = cited.provision
            key = indexes.instrument_key(p)
            if any(w.key == key and w.covers(p.version, p.article, p.paragraph, p.item) for w in self.wanted):
                return True
        return False


class _Role(NamedTuple):
    """Cases citing any provision in one of the roles."""

    roles: frozenset[ProvisionRole]

    def positions(self, dataset: Dataset) -> Positions:
        found = indexes.postings(dataset, "role")
        return union([found[role] for role in self.roles if role in found])

    def test(self, case: Case) -> bool:
        return any(cited.role in self.roles for cited in case.citations())


class _AuthoritySignature(NamedTuple):
    """Cases with an authority (named and described by the catalogue, or unnamed) of one of the
    kinds and one of the levels (either may be ``None``: any)."""

    kinds: frozenset[AuthorityKind] | None
    levels: frozenset[AuthorityLevel] | None
    dataset: Dataset

    def _wanted(self, signature: tuple[AuthorityKind, AuthorityLevel | None]) -> bool:
        kind, level = signature
        return (self.kinds is None or kind in self.kinds) and (self.levels is None or level in self.levels)

    def positions(self, dataset: Dataset) -> Positions:
        found = indexes.postings(dataset, "authority-signature")
        return union([positions for key, positions in found.items() if self._wanted(key)])  # type: ignore[arg-type]

    def test(self, case: Case) -> bool:
        return any(self._wanted(signature) for signature in indexes.authority_signatures(case, self.dataset))


class _Dates(NamedTuple):
    """Cases whose reference date could fall in ``[first, last]`` (days), or, with *entirely*,
    lies entirely within it."""

    first: int | None
    last: int | None
    entirely: bool

    def positions(self, dataset: Dataset) -> Positions:
        index = indexes.dates(dataset)
        return tuple(sorted(index.matching(self.first, self.last, entirely=self.entirely)))

    def candidates(self, dataset: Dataset) -> int:
        """A bound on how many cases :meth:`positions` returns, found in constant time."""
        return indexes.dates(dataset).candidates(self.first, self.last, entirely=self.entirely)

    def keep(self, dataset: Dataset, positions: Positions) -> Positions:
        """Those of *positions* whose case matches, read from the index by position."""
        index = indexes.dates(dataset)
        first_of, last_of = index.first_of, index.last_of
        low = -(2**62) if self.first is None else self.first
        high = 2**62 if self.last is None else self.last
        if self.entirely:
            return tuple(p for p in positions if low <= first_of[p] and last_of[p] <= high)
        return tuple(p for p in positions if last_of[p] >= low and first_of[p] <= high)

    def test(self, case: Case) -> bool:
        days = indexes.day_range(case)
        if days is None:
            return False
        earliest, latest = days
        if self.entirely:
            return (self.first is None or earliest >= self.first) and (self.last is None or latest <= self.last)
        return (self.first is None or latest >= self.first) and (self.last is None or earliest <= self.last)


class _Measures(NamedTuple):
    """Cases with a measure meeting every given condition at once: kind, target, penalty or
    not, and (for fines counted as penalties) an amount in a range or an undisclosed amount."""

    kinds: frozenset[MeasureKind] | None
    targets: frozenset[MeasureTarget] | None
    penalty: bool | None
    currency: str
    low: Decimal | None
    high: Decimal | None
    ranged: bool
    undisclosed: bool

    @property
    def _fines_only(self) -> bool:
        return self.ranged or self.undisclosed

    def _signature(self, kind: MeasureKind, target: MeasureTarget, penalty: bool) -> bool:
        return (
            (self.kinds is None or kind in self.kinds)
            and (self.targets is None or target in self.targets)
            and (self.penalty is None or penalty is self.penalty)
        )

    def positions(self, dataset: Dataset) -> Positions:
        if not self._fines_only:
            found = indexes.postings(dataset, "measure")
            return union([positions for key, positions in found.items() if self._signature(*key)])  # type: ignore[misc]
        if not self._signature(MeasureKind.FINE, MeasureTarget.RESPONDENT, True) and not self._signature(
            MeasureKind.FINE, MeasureTarget.PERSONS, True
        ):
            return ()
        index = indexes.fines(dataset)
        selected: set[int] = set()
        if self.ranged:
            selected = index.in_range(self.currency, self.low, self.high, self.targets)
        if self.undisclosed:
            for target, positions in index.undisclosed.items():
                if self.targets is None or target in self.targets:
                    selected.update(positions)
        return tuple(sorted(selected))

    def test(self, case: Case) -> bool:
        if not self._fines_only:
            return any(self._signature(*indexes.measure_signature(m)) for m in case.measures)
        for measure, amount, currency in indexes.case_fines(case):
            if not self._signature(measure.kind, measure.target, measure.is_penalty):
                continue
            if amount is None:
                if self.undisclosed:
                    return True
            elif (
                self.ranged
                and currency == self.currency
                and (self.low is None or amount >= self.low)
                and (self.high is None or amount <= self.high)
            ):
                return True
        return False


class _Search(NamedTuple):
    """Cases in which, for one of *alternatives*, every term occurs in some field (folded)."""

    kind: str
    alternatives: tuple[tuple[str, ...], ...]
    fields_of: Callable[[Case], Iterable[str]]

    def positions(self, dataset: Dataset) -> Positions:
        hay = indexes.haystack(dataset, self.kind)
        found: list[Positions] = []
        for terms in self.alternatives:
            first, *rest = sorted(terms, key=len, reverse=True)  # the longest term is the rarest, usually
            candidates = hay.positions(first)
            found.append(tuple(p for p in candidates if all(hay.contains(p, term) for term in rest)))
        return union(found)

    def test(self, case: Case) -> bool:
        fields = [fold(field) for field in self.fields_of(case)]
        return any(all(any(term in field for field in fields) for term in terms) for terms in self.alternatives)


# --- compiling ------------------------------------------------------------------------------------


def _check_names(criteria: Criteria) -> None:
    for key, value in criteria.items():
        if key not in CRITERIA:
            close = difflib.get_close_matches(key, CRITERIA, n=3, cutoff=0.5)
            if key == "province":
                close = ["place"]
            raise QueryError(key, value, f"unknown criterion {key!r}", close)


def compile_criteria(dataset: Dataset, criteria: Criteria) -> tuple[Criterion, ...]:
    """Read *criteria* against *dataset* into criteria objects (one per independent condition).

    Raises :class:`~cnenforce.errors.QueryError` for an unknown criterion or a value that does
    not name anything, with suggestions.
    """
    _check_names(criteria)
    found: list[Criterion] = []
    get = criteria.get
    roles = _enums("role", ProvisionRole, get("role")) if get("role") is not None else None
    current_numbering = _flag("current_numbering", get("current_numbering", False))
    if get("instrument") is not None:
        table = names.instruments(dataset)
        keys = frozenset(
            str(key)
            for value in _nonempty("instrument", get("instrument"))
            for key in table.resolve("instrument", value)
        )
        found.append(_Instrument(keys=keys, roles=roles))
    if get("provision") is not None:
        wanted_all = tuple(
            dict.fromkeys(
                one
                for value in _nonempty("provision", get("provision"))
                for one in wanted(dataset, value, current_numbering=current_numbering)
            )
        )
        found.append(_Provision(wanted=wanted_all, roles=roles))
    if roles is not None and get("instrument") is None and get("provision") is None:
        found.append(_Role(roles=roles))
    if get("authority") is not None:
        table = names.authorities(dataset)
        ids = frozenset(
            key for value in _nonempty("authority", get("authority")) for key in table.resolve("authority", value)
        )
        found.append(_Keyed(facet="authority", keys=ids, keys_of=lambda case: case.authorities))
    kinds = (
        _enums("authority_kind", AuthorityKind, get("authority_kind")) if get("authority_kind") is not None else None
    )
    levels = (
        _enums("authority_level", AuthorityLevel, get("authority_level"))
        if get("authority_level") is not None
        else None
    )
    if kinds is not None or levels is not None:
        found.append(_AuthoritySignature(kinds=kinds, levels=levels, dataset=dataset))
    if get("place") is not None:
        places = frozenset(
            key for value in _nonempty("place", get("place")) for key in names.resolve_place(dataset, value)
        )
        found.append(_Keyed(facet="place", keys=places, keys_of=indexes.place_keys))
    found.extend(_dates(criteria))
    found.extend(_measures(criteria))
    for criterion, kind, split, fields_of in (
        ("name", "name", False, indexes.name_fields),
        ("app", "app", False, indexes.app_fields),
        ("text", "text", True, indexes.text_fields),
    ):
        if get(criterion) is not None:
            alternatives = tuple(
                _terms(criterion, value, split=split) for value in _nonempty(criterion, get(criterion))
            )
            found.append(_Search(kind=kind, alternatives=alternatives, fields_of=fields_of))
    if get("sector") is not None:
        sectors = _enums("sector", Sector, get("sector"))
        found.append(_Keyed(facet="sector", keys=frozenset(sectors), keys_of=lambda case: (case.respondent.sector,)))
    if get("tag") is not None:
        found.append(
            _Keyed(facet="tag", keys=frozenset(_enums("tag", Tag, get("tag"))), keys_of=lambda case: case.tags)
        )
    if get("campaign") is not None:
        found.append(_campaign(dataset, get("campaign")))
    if get("status") is not None:
        statuses = frozenset(_enums("status", EventKind, get("status")))
        found.append(_Keyed(facet="status", keys=statuses, keys_of=lambda case: (case.status,)))
    if get("action") is not None:
        table = names.actions(dataset)
        ids = frozenset(key for value in _nonempty("action", get("action")) for key in table.resolve("action", value))
        found.append(_Keyed(facet="action", keys=ids, keys_of=lambda case: (case.action,)))
    return tuple(found)


def _dates(criteria: Criteria) -> Iterable[Criterion]:
    since = criteria.get("since")
    until = criteria.get("until")
    entirely = _flag("entirely", criteria.get("entirely", False))
    if since is None and until is None:
        return ()
    first = _date("since", since) if since is not None else None
    last = _date("until", until) if until is not None else None
    first_day = first.earliest() if first is not None else None
    last_day = last.latest() if last is not None else None
    if first_day is not None and last_day is not None and last_day < first_day:
        raise QueryError("until", until, f"the range ends before it starts: until={until!r} is before since={since!r}")
    return (
        _Dates(
            first=first_day.toordinal() if first_day is not None else None,
            last=last_day.toordinal() if last_day is not None else None,
            entirely=entirely,
        ),
    )


def _measures(criteria: Criteria) -> Iterable[Criterion]:
    get = criteria.get
    undisclosed = _flag("undisclosed", get("undisclosed", False))
    given = [get(key) is not None for key in ("measure", "penalty", "target", "fine_min", "fine_max")]
    if get("currency") is not None and get("fine_min") is None and get("fine_max") is None:
        raise QueryError("currency", get("currency"), f"currency={get('currency')!r} applies to fine_min and fine_max")
    if not any(given) and not undisclosed:
        return ()
    low = _amount("fine_min", get("fine_min")) if get("fine_min") is not None else None
    high = _amount("fine_max", get("fine_max")) if get("fine_max") is not None else None
    currencies: set[str] = set()
    for bound in (low, high):
        if bound is not None and bound[1] is not None:
            currencies.add(bound[1])
    named = get("currency")
    if named is not None:
        if not isinstance(named, str) or named.strip().upper() not in CURRENCIES:
            raise QueryError("currency", named, f"unknown currency {named!r}", sorted(CURRENCIES))
        currencies.add(named.strip().upper())
    if len(currencies) > 1:
        raise QueryError(
            "currency",
            named,
            f"a fine range has one currency, got {', '.join(sorted(currencies))} (currency={named!r})",
        )
    if low is not None and high is not None and high[0] < low[0]:
        raise QueryError(
            "fine_max", get("fine_max"), f"fine_max={get('fine_max')!r} is below fine_min={get('fine_min')!r}"
        )
    return (
        _Measures(
            kinds=_enums("measure", MeasureKind, get("measure")) if get("measure") is not None else None,
            targets=_enums("target", MeasureTarget, get("target")) if get("target") is not None else None,
            penalty=_flag("penalty", get("penalty")) if get("penalty") is not None else None,
            currency=currencies.pop() if currencies else "CNY",
            low=None if low is None else low[0],
            high=None if high is None else high[0],
            ranged=low is not None or high is not None,
            undisclosed=undisclosed,
        ),
    )


_CAMPAIGN_YEAR: Final = re.compile(r"(?P<name>.*?)[\s:：]*(?P<year>(?:19|20)[0-9]{2})")


def _campaign(dataset: Dataset, value: object) -> Criterion:
    table = names.campaigns(dataset)
    keys: set[Hashable] = set()
    for item in _nonempty("campaign", value):
        if isinstance(item, CampaignRef):
            ids, year = table.resolve("campaign", item.id), item.year
        elif isinstance(item, str) and table.lookup(item):
            ids, year = table.lookup(item), None
        elif isinstance(item, str) and (match := _CAMPAIGN_YEAR.fullmatch(item.strip())) and match["name"]:
            ids, year = table.resolve("campaign", match["name"]), int(match["year"])
        else:
            ids, year = table.resolve("campaign", item), None
        keys.update(ids if year is None else ((campaign_id, year) for campaign_id in ids))
    return _Keyed(
        facet="campaign",
        keys=frozenset(keys),
        keys_of=lambda case: [key for ref in case.campaigns for key in (ref.id, (ref.id, ref.year))],
    )


def evaluate(dataset: Dataset, criteria: Sequence[Criterion]) -> Positions | None:
    """Positions of the cases meeting every criterion (``None`` when there is none: all).

    The criteria's posting lists are intersected, shortest first. A date range that would
    select more cases than the shortest list is not listed at all: the cases found by the
    others are checked against the date index by position instead (a range such as "since
    2022" can hold half the dataset, which is costly to list and sort and cheap to test).
    """
    if not criteria:
        return None
    dated = [criterion for criterion in criteria if isinstance(criterion, _Dates)]
    lists = [criterion.positions(dataset) for criterion in criteria if not isinstance(criterion, _Dates)]
    shortest = min((len(found) for found in lists), default=None)
    tests: list[_Dates] = []
    for criterion in dated:
        if shortest is not None and criterion.candidates(dataset) > shortest:
            tests.append(criterion)
        else:
            lists.append(criterion.positions(dataset))
    result = intersect(lists)
    for criterion in tests:
        result = criterion.keep(dataset, result)
    return result
