"""Looking up what a query names: instruments, authorities, places, campaigns and actions, by
id or by name, in any case, width or script, with suggestions for what is not found.

Each :class:`NameTable` is built once per dataset (in its memo) from the catalogue *and* the
cases, so a value the data uses is always found, even one the catalogue does not describe
(an instrument cited only by its title, a city named only in a case's region).
"""

# No ``from __future__ import annotations`` here: with it, every field annotation of a
# NamedTuple or TypedDict is compiled at import (as a ForwardRef), which cost a fresh process
# more than the rest of the module.

import difflib
import re
from collections.abc import Hashable, Iterable, Mapping
from types import MappingProxyType
from typing import Final, NamedTuple

from cnenforce.dataset import Dataset
from cnenforce.errors import QueryError
from cnenforce.model import Region
from cnenforce.query.folding import fold
from cnenforce.query.indexes import postings
from cnenforce.regions import PROVINCES, find_province

__all__ = [
    "NATIONAL_NAMES",
    "NameTable",
    "actions",
    "authorities",
    "campaigns",
    "instruments",
    "normalise",
    "places",
    "resolve_place",
]

_SPACE: Final = re.compile(r"[\s_\-‐‑–—]+")
_PLACE_SUFFIX: Final = re.compile(r"(?:市|县|区|city|county|district)$")


def normalise(name: str) -> str:
    """A name in lookup form: folded (:func:`~cnenforce.query.folding.fold`), runs of white
    space, hyphens and underscores made one space (so an id such as ``beijing-cac`` and the
    name "Beijing CAC" meet), no leading "the ".

    >>> normalise("  The Beijing-CAC ")
    'beijing cac'
    """
    folded = _SPACE.sub(" ", fold(name)).strip()
    return folded[4:] if folded.startswith("the ") else folded


class NameTable(NamedTuple):
    """Names (in lookup form) -> the keys they name, and each name as first written, for
    suggestions."""

    keys: Mapping[str, frozenset[Hashable]]
    written: Mapping[str, str]

    @classmethod
    def of(cls, entries: Iterable[tuple[str, Hashable]]) -> "NameTable":
        """A table of ``(name, key)`` pairs; a name may name several keys."""
        keys: dict[str, set[Hashable]] = {}
        written: dict[str, str] = {}
        for name, key in entries:
            normal = normalise(name)
            if normal:
                keys.setdefault(normal, set()).add(key)
                written.setdefault(normal, name)
        return cls(
            keys=MappingProxyType({name: frozenset(found) for name, found in keys.items()}),
            written=MappingProxyType(written),
        )

    def lookup(self, name: str) -> frozenset[Hashable]:
        """The keys *name* names (empty if none)."""
        return self.keys.get(normalise(name), frozenset())

    def suggest(self, name: str, count: int = 3) -> tuple[str, ...]:
        """Up to *count* known names closest to *name*, as written, one per key, best first."""
        close = difflib.get_close_matches(normalise(name), list(self.keys), n=count * 4, cutoff=0.6)
        found: dict[frozenset[Hashable], str] = {}
        for normal in close:
            found.setdefault(self.keys[normal], self.written[normal])
        return tuple(found.values())[:count]

    def resolve(self, criterion: str, value: object) -> frozenset[Hashable]:
        """The keys *value* names; :class:`~cnenforce.errors.QueryError` (with suggestions) if
        it names none."""
        if not isinstance(value, str) or not value.strip():
            raise QueryError(criterion, value, f"expected a non-empty name or id, got {value!r}")
        found = self.lookup(value)
        if not found:
            raise QueryError(criterion, value, f"unknown {criterion.replace('_', ' ')} {value!r}", self.suggest(value))
        return found


def instruments(dataset: Dataset) -> NameTable:
    """Instrument ids, titles, short titles, abbreviations and aliases -> instrument keys
    (see :func:`~cnenforce.query.indexes.instrument_key`); titles of instruments outside the
    catalogue that cases cite name themselves. The cited instruments come from the instrument
    index, which the query then uses anyway."""

    cited_keys = postings(dataset, "instrument")  # outside the memo's build: builds do not nest

    def entries() -> Iterable[tuple[str, Hashable]]:
        for instrument in dataset.catalogue.instruments.values():
            for name in instrument.names():
                yield name, instrument.id
        for cited in cited_keys:  # (instrument key, role): what cases cite
            key = str(cited[0])  # type: ignore[index]
            yield key.removeprefix("title:"), key

    return dataset.memo.get("query.names.instruments", lambda: NameTable.of(entries()))


def authorities(dataset: Dataset) -> NameTable:
    """Authority ids, English and Chinese names and aliases -> ids (and ids cases use)."""

    cited = postings(dataset, "authority")

    def entries() -> Iterable[tuple[str, Hashable]]:
        for authority in dataset.catalogue.authorities.values():
            for name in authority.names():
                yield name, authority.id
        for authority_id in cited:
            yield str(authority_id), authority_id

    return dataset.memo.get("query.names.authorities", lambda: NameTable.of(entries()))


def campaigns(dataset: Dataset) -> NameTable:
    """Campaign ids and names -> ids (and ids cases use)."""

    cited = postings(dataset, "campaign")

    def entries() -> Iterable[tuple[str, Hashable]]:
        for campaign in dataset.catalogue.campaigns.values():
            for name in campaign.names():
                yield name, campaign.id
        for key in cited:
            if isinstance(key, str):  # the keys are ids, and (id, year) pairs
                yield key, key

    return dataset.memo.get("query.names.campaigns", lambda: NameTable.of(entries()))


def actions(dataset: Dataset) -> NameTable:
    """Action ids -> ids (the dataset's actions and those cases name)."""

    cited = postings(dataset, "action")

    def entries() -> Iterable[tuple[str, Hashable]]:
        for action_id in dataset.actions:
            yield action_id, action_id
        for cited_id in cited:
            if cited_id is not None:
                yield str(cited_id), cited_id

    return dataset.memo.get("query.names.actions", lambda: NameTable.of(entries()))


NATIONAL_NAMES: Final = ("national", "nationwide", "全国", "全國")
"""Names of the nationwide scope."""


def _region_entries(region: Region) -> Iterable[tuple[str, Hashable]]:
    for kind, names in (("city", (region.city, region.city_zh)), ("district", (region.district, region.district_zh))):
        given = [name for name in names if name is not None]
        # The English and Chinese names of one place name each other's key, so "Shantou"
        # finds a case whose region gives only 汕头市.
        keys = [(kind, region.province, fold(name)) for name in given]
        for name in given:
            for key in keys:
                yield name, key
                short = _PLACE_SUFFIX.sub("", normalise(name)).strip()
                if short and short != normalise(name):
                    yield short, key


def places(dataset: Dataset) -> NameTable:
    """Province codes and names (English, Chinese, short), "national", and the cities and
    counties named in the data (the cases' regions and the catalogue's authorities'), with or
    without 市/县/区 or "City"/"County"/"District" -> place keys (see
    :func:`~cnenforce.query.indexes.place_keys`)."""

    def entries() -> Iterable[tuple[str, Hashable]]:
        for name in NATIONAL_NAMES:
            yield name, ("national",)
        for code, province in PROVINCES.items():
            for name in province.names:
                yield name, ("province", code)
        from_regions = [case.region for case in dataset.cases]
        from_regions += [authority.region for authority in dataset.catalogue.authorities.values()]
        for region in dict.fromkeys(from_regions):
            if region is not None:
                yield from _region_entries(region)

    return dataset.memo.get("query.names.places", lambda: NameTable.of(entries()))


def resolve_place(dataset: Dataset, value: object) -> frozenset[Hashable]:
    """The place keys *value* names: a province (by code or name, as
    :func:`~cnenforce.regions.find_province` reads it), "national", or a city or county of the
    data, with or without its suffix; :class:`~cnenforce.errors.QueryError` otherwise."""
    if isinstance(value, str):
        province = find_province(value)
        if province is not None:
            return frozenset({("province", province.code)})
        table = places(dataset)
        found = table.lookup(value) or table.lookup(_PLACE_SUFFIX.sub("", normalise(value)).strip() or value)
        if found:
            return found
        return table.resolve("place", value)
    raise QueryError("place", value, f"expected a province, city or county name or code, got {value!r}")
