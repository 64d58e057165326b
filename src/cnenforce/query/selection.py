"""The selection: an immutable, ordered subset of a dataset's cases that can be filtered,
sorted, cut and summarised again."""

from __future__ import annotations

import bisect
import difflib
import functools
import operator
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, Literal, Unpack

import attrs

from cnenforce.catalogue import Catalogue
from cnenforce.dataset import Dataset
from cnenforce.errors import CaseNotFoundError, QueryError
from cnenforce.model import CURRENCIES, Case
from cnenforce.query.criteria import Criteria, compile_criteria, evaluate
from cnenforce.query.indexes import Positions, case_fines, day_range, intersect
from cnenforce.stats import Statistics, statistics

__all__ = ["SORT_KEYS", "Selection", "SortKey", "matches", "select"]

SortKey = Literal["date", "fine", "id"]
SORT_KEYS: Final[tuple[SortKey, ...]] = ("date", "fine", "id")
"""What a selection can be sorted by (see :meth:`Selection.sort`)."""


def _everything(dataset: Dataset) -> Positions:
    return dataset.memo.get("query.all", lambda: tuple(range(len(dataset.cases))))


def _position_of(dataset: Dataset) -> Mapping[str, int]:
    return dataset.memo.get("query.position-of", lambda: {case.id: i for i, case in enumerate(dataset.cases)})


@attrs.frozen(eq=False, repr=False)
class Selection:
    """Some cases of a dataset, in an order: what :func:`select` returns.

    A selection has the dataset's reading interface: ``len``, iteration (over
    :class:`~cnenforce.model.Case` objects, in the selection's order), ``case_id in
    selection``, ``selection[case_id]`` (:class:`~cnenforce.errors.CaseNotFoundError` for a case
    not in it), :meth:`get`, :attr:`cases`, :attr:`ids` and :meth:`statistics`. It never changes:
    :meth:`where`, :meth:`sort` and :meth:`limit` return new selections, so they chain::

        select(dataset, instrument="pipl").where(place="Guangdong").sort(by="fine", descending=True).limit(10)

    Two selections are equal when they hold the same cases of the same dataset object in the
    same order. A selection is in id order until sorted; :meth:`where` keeps its order. Build
    one with :func:`select` (the constructor takes positions in ``dataset.cases``).
    """

    dataset: Dataset
    """The dataset the cases come from (its catalogue describes them)."""
    _positions: Positions = attrs.field(alias="positions")
    _ascending: bool = attrs.field(alias="ascending")

    # --- reading

    def __len__(self) -> int:
        return len(self._positions)

    def __iter__(self) -> Iterator[Case]:
        return iter(self.cases)

    def __contains__(self, item: object) -> bool:
        case_id = item.id if isinstance(item, Case) else item
        if not isinstance(case_id, str):
            return False
        position = _position_of(self.dataset).get(case_id)
        if position is None or (isinstance(item, Case) and self.dataset.cases[position] != item):
            return False
        if self._ascending:
            index = bisect.bisect_left(self._positions, position)
            return index < len(self._positions) and self._positions[index] == position
        return position in self._members

    def __getitem__(self, case_id: str) -> Case:
        case = self.get(case_id)
        if case is None:
            if case_id in self.dataset:
                raise CaseNotFoundError(case_id, suggestions=()) from None
            close = difflib.get_close_matches(str(case_id), self.ids, n=3, cutoff=0.6)
            raise CaseNotFoundError(case_id, suggestions=close)
        return case

    def get(self, case_id: str) -> Case | None:
        """The case with this id if it is in the selection, else ``None``."""
        return self.dataset.get(case_id) if case_id in self else None

    @functools.cached_property
    def _members(self) -> frozenset[int]:
        return frozenset(self._positions)

    @functools.cached_property
    def cases(self) -> tuple[Case, ...]:
        """The selected cases, in the selection's order."""
        if not self._positions:
            return ()
        if len(self._positions) == len(self.dataset.cases) and self._ascending:
            return self.dataset.cases
        picked = operator.itemgetter(*self._positions)(self.dataset.cases)
        return picked if len(self._positions) > 1 else (picked,)

    @functools.cached_property
    def ids(self) -> tuple[str, ...]:
        """The ids of the selected cases, in the selection's order."""
        return tuple(case.id for case in self.cases)

    @property
    def catalogue(self) -> Catalogue:
        """The dataset's catalogue."""
        return self.dataset.catalogue

    def statistics(self) -> Statistics:
        """Counts and totals over the selected cases (see :mod:`cnenforce.stats`)."""
        return statistics(self.cases, catalogue=self.dataset.catalogue)

    # --- deriving

    def where(self, **criteria: Unpack[Criteria]) -> Selection:
        """The cases of this selection that also meet *criteria* (see :func:`select`), in this
        selection's order. ``select(d, a=1).where(b=2)`` is ``select(d, a=1, b=2)``."""
        found = evaluate(self.dataset, compile_criteria(self.dataset, criteria))
        if found is None:
            return self
        if self._ascending:
            kept = intersect([self._positions, found])
        else:
            members = set(found)
            kept = tuple(position for position in self._positions if position in members)
        return Selection(dataset=self.dataset, positions=kept, ascending=self._ascending)

    def sort(self, by: SortKey = "date", *, descending: bool = False, currency: str = "CNY") -> Selection:
        """The same cases, sorted.

        - ``"date"``: by reference date (:attr:`Case.date <cnenforce.model.Case.date>`): by the
          first day it could be, then the last (so "August 2017" comes before "2017-08-05");
        - ``"fine"``: by the total of the case's stated fines counted as penalties, on the
          respondent and on persons, in *currency* (a per-person fine on an unknown number of
          persons has no total and is left out);
        - ``"id"``: by case id.

        Cases without a date (or without a year), or without a stated fine in *currency*, come
        last in either direction. Ties keep id order.
        """
        if by not in SORT_KEYS:
            raise QueryError("sort", by, f"cannot sort by {by!r} (one of: {', '.join(SORT_KEYS)})",
                             difflib.get_close_matches(str(by), SORT_KEYS, n=1, cutoff=0.5))  # fmt: skip
        if currency not in CURRENCIES:
            raise QueryError("currency", currency, f"unknown currency {currency!r}", sorted(CURRENCIES))
        by_id = self._positions if self._ascending else tuple(sorted(self._positions))
        if by == "id":
            order = tuple(reversed(by_id)) if descending else by_id
            return Selection(dataset=self.dataset, positions=order, ascending=not descending)
        keys = _sort_keys(self.dataset, by, currency)
        known = [position for position in by_id if keys[position] is not None]
        unknown = [position for position in by_id if keys[position] is None]
        known.sort(key=keys.__getitem__, reverse=descending)
        return Selection(dataset=self.dataset, positions=(*known, *unknown), ascending=False)

    def limit(self, count: int) -> Selection:
        """The first *count* cases of this selection, in its order."""
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise QueryError("limit", count, f"expected a whole number of cases, 0 or more, got {count!r}")
        return Selection(dataset=self.dataset, positions=self._positions[:count], ascending=self._ascending)

    # --- comparing

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Selection):
            return NotImplemented
        return self.dataset is other.dataset and self._positions == other._positions

    def __hash__(self) -> int:
        return hash((id(self.dataset), self._positions))

    def __repr__(self) -> str:
        return f"<Selection of {len(self)} cases from {self.dataset!r}>"


def _sort_keys(dataset: Dataset, by: str, currency: str) -> Sequence[Any]:
    def build() -> Sequence[Any]:
        if by == "date":
            return tuple(day_range(case) for case in dataset.cases)
        totals: list[Decimal | None] = []
        for case in dataset.cases:
            amounts = [amount for _, amount, unit in case_fines(case) if amount is not None and unit == currency]
            totals.append(sum(amounts, Decimal(0)) if amounts else None)
        return tuple(totals)

    return dataset.memo.get(f"query.sort.{by}.{currency if by == 'fine' else ''}", build)


def select(source: Dataset | Selection, /, **criteria: Unpack[Criteria]) -> Selection:
    """The cases of *source* (a dataset, or a selection to narrow) meeting every criterion, as
    a :class:`Selection` in id order (a selection keeps its order).

    Criteria combine with AND; a list of values for one criterion means OR. Every criterion is
    described in :mod:`cnenforce.query`. A value that names nothing (an unknown instrument,
    authority, place, tag, kind, campaign or action; a provision string that cannot be read
    whole) raises :class:`~cnenforce.errors.QueryError` with the closest known values, never an
    empty answer.

    >>> import cnenforce
    >>> dataset = cnenforce.load()
    >>> found = select(dataset, instrument="PIPL", place="Shanghai")
    >>> "2025-shanghai-vending-machine-facial-information" in found.ids
    True
    >>> select(dataset, instrument="PIPLL")
    Traceback (most recent call last):
    ...
    cnenforce.errors.QueryError: instrument: unknown instrument 'PIPLL' (did you mean 'pipl'?)
    """
    if isinstance(source, Selection):
        return source.where(**criteria)
    found = evaluate(source, compile_criteria(source, criteria))
    return Selection(dataset=source, positions=_everything(source) if found is None else found, ascending=True)


def matches(case: Case, /, *, dataset: Dataset, **criteria: Unpack[Criteria]) -> bool:
    """Whether *case* meets every criterion, read against *dataset* (whose catalogue and names
    the values are looked up in). The same test as :func:`select`, on one case, by a plain
    reading of the case that uses no index.

    >>> import cnenforce
    >>> dataset = cnenforce.load()
    >>> matches(dataset["2017-zhejiang-taobao"], dataset=dataset, tag="prohibited-goods", place="Zhejiang")
    True
    """
    return all(criterion.test(case) for criterion in compile_criteria(dataset, criteria))
