"""The indexes queries answer from, kept on the dataset they index.

Each index is built on first use, from one pass over the cases, and kept in the dataset's
:class:`~cnenforce.catalogue.Memo`, so a query pays only for the indexes it needs and a
dataset that is never queried pays nothing. Cases are referred to by their *position* in
``dataset.cases`` (which is in id order); every posting list is a tuple of positions in
ascending order, so a single criterion's answer is a ready-made posting list and combining
criteria is merging sorted lists.

- :func:`postings`: categorical facets (authority, place, tag, sector, status, campaign,
  action, provision role, instrument, authority kind and level, measure signature) -> the
  positions of the cases with that key;
- :func:`articles`: cited articles, by instrument and article number, with the role, text,
  paragraph and item of each citation kept apart so that a provision query is answered from
  the index alone;
- :func:`dates`: the cases' reference dates, as day ranges sorted by first day;
- :func:`fines`: stated fine totals per currency, sorted by amount, and fines of undisclosed
  amount;
- :func:`haystack`: folded free text (titles and summaries), names (respondent, aliases,
  members, apps, operators) or app names and operators, as one string searched at C speed.

Building pauses the cyclic garbage collector: the indexes hold no cycles, and on a large
dataset repeated collections over the live heap would cost more than the build itself. A build
never asks the memo for another entry (the memo holds its lock while building), so whatever
one index needs from another is fetched before its build starts.
"""

# No ``from __future__ import annotations`` here: with it, every field annotation of a
# NamedTuple or TypedDict is compiled at import (as a ForwardRef), which cost a fresh process
# more than the rest of the module.

import array
import bisect
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Final, NamedTuple, TypeVar

from cnenforce._collector import collector_paused
from cnenforce.dataset import Dataset
from cnenforce.model import Case, Measure, Provision
from cnenforce.query.folding import fold
from cnenforce.vocabulary import AuthorityKind, AuthorityLevel, MeasureKind, MeasureTarget, ProvisionRole

__all__ = [
    "FACETS",
    "FIELD_SEPARATOR",
    "ArticleIndex",
    "DateIndex",
    "FineIndex",
    "Haystack",
    "Positions",
    "app_fields",
    "articles",
    "authority_signatures",
    "case_fines",
    "dates",
    "day_range",
    "fines",
    "haystack",
    "instrument_key",
    "intersect",
    "measure_signature",
    "name_fields",
    "place_keys",
    "postings",
    "text_fields",
    "union",
]

Positions = tuple[int, ...]
"""Positions of cases in ``dataset.cases``, ascending."""

_K = TypeVar("_K", bound=Hashable)
_T = TypeVar("_T")
_SEPARATOR: Final = "\x1e"
"""Between cases in a haystack (no text in the record contains a control character)."""
FIELD_SEPARATOR: Final = "\x1f"
"""Between the fields of one case in a haystack, so no match spans two fields."""


def _memo(dataset: Dataset, key: str, build: Callable[[Dataset], _T]) -> _T:
    def built() -> _T:
        with collector_paused():
            return build(dataset)

    return dataset.memo.get(f"query.{key}", built)


def union(lists: Sequence[Positions]) -> Positions:
    """Positions in any of *lists*, ascending."""
    if not lists:
        return ()
    if len(lists) == 1:
        return lists[0]
    return tuple(sorted(set().union(*lists)))


def intersect(lists: Sequence[Positions]) -> Positions:
    """Positions in every one of *lists* (at least one), ascending: the shortest list is walked,
    the others probed (by binary search where they are much longer, else through a set)."""
    ordered = sorted(lists, key=len)
    result = ordered[0]
    for other in ordered[1:]:
        if not result:
            break
        if len(result) * 16 < len(other):
            result = tuple(p for p in result if _contains(other, p))
        else:
            members = set(other)
            result = tuple(p for p in result if p in members)
    return result


def _contains(positions: Positions, position: int) -> bool:
    index = bisect.bisect_left(positions, position)
    return index < len(positions) and positions[index] == position


def _group(cases: Iterable[Case], keys_of: Callable[[Case], Iterable[_K]]) -> Mapping[_K, Positions]:
    buckets: dict[_K, list[int]] = {}
    for position, case in enumerate(cases):
        for key in set(keys_of(case)):
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [position]
            else:
                bucket.append(position)
    return MappingProxyType({key: tuple(bucket) for key, bucket in buckets.items()})


# --- what each case is indexed under ------------------------------------------------------------


def instrument_key(provision: Provision) -> str:
    """The instrument a provision cites: its catalogue id, or ``"title:"`` and the title as
    written for an instrument not in the catalogue (ids never contain a colon)."""
    return provision.instrument if provision.instrument is not None else f"title:{provision.title}"


def place_keys(case: Case) -> Iterator[Hashable]:
    """``("national",)``, or the case's province, city and district keys."""
    if case.national:
        yield ("national",)
    region = case.region
    if region is None:
        return
    yield ("province", region.province)
    for kind, names in (("city", (region.city, region.city_zh)), ("district", (region.district, region.district_zh))):
        for name in names:
            if name is not None:
                yield (kind, region.province, fold(name))


def authority_signatures(case: Case, dataset: Dataset) -> Iterator[tuple[AuthorityKind, AuthorityLevel | None]]:
    """``(kind, level)`` of each authority of the case that the catalogue describes, and of
    each unnamed authority (whose level may be unknown)."""
    for authority_id in case.authorities:
        authority = dataset.catalogue.authorities.get(authority_id)
        if authority is not None:
            yield (authority.kind, authority.level)
    for unnamed in case.unnamed_authorities:
        yield (unnamed.kind, unnamed.level)


def measure_signature(measure: Measure) -> tuple[MeasureKind, MeasureTarget, bool]:
    """What a measure is indexed under: kind, target, and whether it counts as a penalty."""
    return (measure.kind, measure.target, measure.is_penalty)


def _keys(facet: str, dataset: Dataset) -> Callable[[Case], Iterable[Hashable]]:
    if facet == "authority":
        return lambda case: case.authorities
    if facet == "authority-signature":
        return lambda case: authority_signatures(case, dataset)
    if facet == "place":
        return place_keys
    if facet == "tag":
        return lambda case: case.tags
    if facet == "sector":
        return lambda case: () if case.respondent.sector is None else (case.respondent.sector,)
    if facet == "status":
        return lambda case: (case.status,)
    if facet == "campaign":
        return lambda case: [key for ref in case.campaigns for key in (ref.id, (ref.id, ref.year))]
    if facet == "action":
        return lambda case: (case.action,)
    if facet == "role":
        return lambda case: (cited.role for cited in case.citations())
    if facet == "instrument":
        return lambda case: ((instrument_key(c.provision), c.role) for c in case.citations())
    if facet == "measure":
        return lambda case: (measure_signature(measure) for measure in case.measures)
    raise ValueError(f"no facet {facet!r}")


FACETS: Final = (
    "authority",
    "authority-signature",
    "place",
    "tag",
    "sector",
    "status",
    "campaign",
    "action",
    "role",
    "instrument",
    "measure",
)
"""The categorical facets :func:`postings` indexes."""


def postings(dataset: Dataset, facet: str) -> Mapping[Hashable, Positions]:
    """Key -> positions of the cases with that key, for one of :data:`FACETS`."""
    return _memo(dataset, f"postings.{facet}", lambda d: _group(d.cases, _keys(facet, d)))


# --- articles -------------------------------------------------------------------------------------

CitationParts = tuple[ProvisionRole, str | None, int | None, int | None]
"""Role, text (version), paragraph and item of a citation."""
ArticleIndex = Mapping[tuple[str, int], Mapping[CitationParts, Positions]]
"""``(instrument key, article)`` -> citation parts -> positions."""


def articles(dataset: Dataset) -> ArticleIndex:
    """The cited articles: for each instrument and article number, the positions of the cases
    citing it, apart by role, text, paragraph and item."""

    def build(d: Dataset) -> ArticleIndex:
        found: dict[tuple[str, int], dict[CitationParts, list[int]]] = {}
        for position, case in enumerate(d.cases):
            for cited in case.citations():
                provision = cited.provision
                if provision.article is None:
                    continue
                parts = (cited.role, provision.version, provision.paragraph, provision.item)
                bucket = found.setdefault((instrument_key(provision), provision.article), {}).setdefault(parts, [])
                if not bucket or bucket[-1] != position:
                    bucket.append(position)
        return MappingProxyType(
            {key: MappingProxyType({p: tuple(v) for p, v in value.items()}) for key, value in found.items()}
        )

    return _memo(dataset, "articles", build)


# --- dates -----------------------------------------------------------------------------------------


def day_range(case: Case) -> tuple[int, int] | None:
    """First and last day (proleptic ordinals) the case's reference date could be; ``None``
    for a case without a date or whose date has no year."""
    date = case.date
    if date is None:
        return None
    earliest, latest = date.earliest(), date.latest()
    if earliest is None or latest is None:
        return None
    return earliest.toordinal(), latest.toordinal()


class DateIndex(NamedTuple):
    """Dated cases sorted by first day: ``firsts[i]``, ``lasts[i]`` and ``positions[i]`` are
    one case's day range and position. ``longest`` is the longest range, which bounds how far
    before a range's start a case that overlaps it can begin. ``first_of[p]`` and
    ``last_of[p]`` give the range of the case at position *p* (an empty range for an undated
    case), to test candidates found by other criteria."""

    firsts: Sequence[int]
    lasts: Sequence[int]
    positions: Sequence[int]
    longest: int
    first_of: Sequence[int]
    last_of: Sequence[int]

    def _window(self, first: int | None, last: int | None, *, entirely: bool) -> tuple[int, int]:
        reach = 0 if entirely else self.longest
        low = 0 if first is None else bisect.bisect_left(self.firsts, first - reach)
        high = len(self.firsts) if last is None else bisect.bisect_right(self.firsts, last)
        return low, high

    def candidates(self, first: int | None, last: int | None, *, entirely: bool) -> int:
        """How many cases the index looks at for a range: a bound on the answer's size."""
        low, high = self._window(first, last, entirely=entirely)
        return high - low

    def matching(self, first: int | None, last: int | None, *, entirely: bool) -> list[int]:
        """Positions of cases that could fall in ``[first, last]`` (days; ``None``: open),
        or with *entirely*, whose every possible day lies in it."""
        low, high = self._window(first, last, entirely=entirely)
        lasts, positions = self.lasts, self.positions
        if entirely:
            if last is None:
                return list(positions[low:high])
            return [positions[i] for i in range(low, high) if lasts[i] <= last]
        if first is None:
            return list(positions[low:high])
        return [positions[i] for i in range(low, high) if lasts[i] >= first]


_NEVER: Final = (2**62, -(2**62))
"""The day range of an undated case in :attr:`DateIndex.first_of` and ``last_of``: no range
overlaps it or contains it."""


def dates(dataset: Dataset) -> DateIndex:
    """The date index of *dataset*."""

    def build(d: Dataset) -> DateIndex:
        by_position = [day_range(case) or _NEVER for case in d.cases]
        ranges = sorted((days[0], days[1], p) for p, days in enumerate(by_position) if days is not _NEVER)
        return DateIndex(
            firsts=array.array("q", (r[0] for r in ranges)),
            lasts=array.array("q", (r[1] for r in ranges)),
            positions=array.array("q", (r[2] for r in ranges)),
            longest=max((r[1] - r[0] for r in ranges), default=0),
            first_of=array.array("q", (days[0] for days in by_position)),
            last_of=array.array("q", (days[1] for days in by_position)),
        )

    return _memo(dataset, "dates", build)


# --- fines -----------------------------------------------------------------------------------------


def case_fines(case: Case) -> Iterator[tuple[Measure, Decimal | None, str | None]]:
    """The case's fines counted as penalties, each with its known total and currency
    (``None, None`` when the amount is not stated, or is per person and the number of persons
    is not known)."""
    for measure in case.measures:
        if measure.is_fine:
            total = measure.total
            yield (measure, None, None) if total is None else (measure, total.amount, total.currency)


class FineIndex(NamedTuple):
    """Fines counted as penalties. ``stated[currency]`` is ``(amounts, positions, targets)``
    sorted by amount; ``undisclosed[target]`` the positions of cases with a fine of unknown
    total on that target."""

    stated: Mapping[str, tuple[Sequence[Decimal], Sequence[int], Sequence[MeasureTarget]]]
    undisclosed: Mapping[MeasureTarget, Positions]

    def in_range(
        self, currency: str, low: Decimal | None, high: Decimal | None, targets: frozenset[MeasureTarget] | None
    ) -> set[int]:
        """Positions of cases with a fine of *currency* in ``[low, high]`` on one of *targets*."""
        entry = self.stated.get(currency)
        if entry is None:
            return set()
        amounts, positions, on = entry
        start = 0 if low is None else bisect.bisect_left(amounts, low)
        end = len(amounts) if high is None else bisect.bisect_right(amounts, high)
        if targets is None:
            return set(positions[start:end])
        return {positions[i] for i in range(start, end) if on[i] in targets}


def fines(dataset: Dataset) -> FineIndex:
    """The fine index of *dataset*."""

    def build(d: Dataset) -> FineIndex:
        stated: dict[str, list[tuple[Decimal, int, MeasureTarget]]] = {}
        undisclosed: dict[MeasureTarget, list[int]] = {}
        for position, case in enumerate(d.cases):
            for measure, amount, currency in case_fines(case):
                if amount is None or currency is None:
                    bucket = undisclosed.setdefault(measure.target, [])
                    if not bucket or bucket[-1] != position:
                        bucket.append(position)
                else:
                    stated.setdefault(currency, []).append((amount, position, measure.target))
        sorted_stated = {}
        for currency, entries in stated.items():
            entries.sort(key=lambda entry: (entry[0], entry[1]))
            sorted_stated[currency] = (
                tuple(e[0] for e in entries),
                tuple(e[1] for e in entries),
                tuple(e[2] for e in entries),
            )
        return FineIndex(
            stated=MappingProxyType(sorted_stated),
            undisclosed=MappingProxyType({target: tuple(p) for target, p in undisclosed.items()}),
        )

    return _memo(dataset, "fines", build)


# --- text -------------------------------------------------------------------------------------------


def text_fields(case: Case) -> Iterator[str]:
    """The free text of a case: English and Chinese titles and summaries."""
    yield case.title
    yield case.summary
    if case.title_zh is not None:
        yield case.title_zh
    if case.summary_zh is not None:
        yield case.summary_zh


def name_fields(case: Case) -> tuple[str, ...]:
    """Every name of a case (:meth:`~cnenforce.model.Case.names`)."""
    return case.names()


def app_fields(case: Case) -> Iterator[str]:
    """App names (as published and in English) and app operators."""
    for app in case.apps:
        yield app.name
        for name in (app.name_en, app.operator):
            if name is not None:
                yield name


_FIELDS: Final[Mapping[str, Callable[[Case], Iterable[str]]]] = {
    "text": text_fields,
    "name": name_fields,
    "app": app_fields,
}


class Haystack(NamedTuple):
    """Folded fields of every case in one string: case *i* is ``text[starts[i]:starts[i + 1]]``,
    its fields apart by :data:`FIELD_SEPARATOR`."""

    text: str
    starts: Sequence[int]

    def positions(self, term: str) -> list[int]:
        """Positions of the cases one of whose fields contains *term* (folded, non-empty,
        without separators), ascending."""
        found: list[int] = []
        text, starts = self.text, self.starts
        last = len(starts) - 1
        index = text.find(term)
        while index != -1:
            position = bisect.bisect_right(starts, index) - 1
            found.append(position)
            if position >= last:
                break
            index = text.find(term, starts[position + 1])
        return found

    def contains(self, position: int, term: str) -> bool:
        """Whether a field of the case at *position* contains *term*."""
        start = self.starts[position]
        end = self.starts[position + 1] if position + 1 < len(self.starts) else len(self.text)
        return self.text.find(term, start, end) != -1


def haystack(dataset: Dataset, kind: str) -> Haystack:
    """The haystack of ``"text"``, ``"name"`` or ``"app"`` fields of *dataset*."""
    fields_of = _FIELDS[kind]

    def build(d: Dataset) -> Haystack:
        parts = [FIELD_SEPARATOR.join(fold(field) for field in fields_of(case)) for case in d.cases]
        starts = array.array("q", [0] * len(parts))
        offset = 0
        for index, part in enumerate(parts):
            starts[index] = offset
            offset += len(part) + 1
        return Haystack(text=_SEPARATOR.join(parts), starts=starts)

    return _memo(dataset, f"haystack.{kind}", build)
