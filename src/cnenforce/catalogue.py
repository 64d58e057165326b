"""The reference catalogues: legal instruments, enforcement authorities and campaigns.

A :class:`Catalogue` holds records; it never reads files. The packaged catalogue comes with
the packaged dataset (:func:`cnenforce.load`); a data directory's catalogue comes from reading
that directory (:mod:`cnenforce.contrib`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from cnenforce.model import Authority, Campaign, Instrument

__all__ = ["Catalogue", "Memo"]

_T = TypeVar("_T")


@attrs.define(eq=False, repr=False)
class Memo:
    """Derived data kept on the object it is derived from (name tables, query indexes).

    Computed once per key on first use, thread-safely, and dropped with its owner, so no
    module-level cache pins old catalogues or datasets. Holding a memo does not make its owner
    mutable: nothing in it is part of the owner's value.
    """

    _values: dict[str, Any] = attrs.field(factory=dict)
    _lock: threading.Lock = attrs.field(factory=threading.Lock)

    def get(self, key: str, build: Callable[[], _T]) -> _T:
        """The value for *key*, built by *build* the first time it is asked for."""
        try:
            value: _T = self._values[key]
            return value
        except KeyError:
            pass
        with self._lock:
            if key not in self._values:
                self._values[key] = build()
            built: _T = self._values[key]
            return built


@attrs.frozen(kw_only=True, eq=False)
class Catalogue:
    """Read-only lookups of instruments, authorities and campaigns by id; build with :meth:`of`."""

    instruments: Mapping[str, Instrument]
    """Instrument id -> :class:`~cnenforce.model.Instrument`, in id order."""
    authorities: Mapping[str, Authority]
    """Authority id -> :class:`~cnenforce.model.Authority`, in id order."""
    campaigns: Mapping[str, Campaign]
    """Campaign id -> :class:`~cnenforce.model.Campaign`, in id order."""
    memo: Memo = attrs.field(factory=Memo, repr=False)
    """Derived lookups kept with this catalogue (see :class:`Memo`)."""

    @classmethod
    def of(
        cls,
        instruments: Iterable[Instrument] = (),
        authorities: Iterable[Authority] = (),
        campaigns: Iterable[Campaign] = (),
    ) -> Catalogue:
        """A catalogue of these records, indexed by id (a later record with a repeated id wins;
        readers of data report repeated ids before they get here)."""
        return cls(
            instruments=MappingProxyType({i.id: i for i in sorted(instruments, key=lambda i: i.id)}),
            authorities=MappingProxyType({a.id: a for a in sorted(authorities, key=lambda a: a.id)}),
            campaigns=MappingProxyType({c.id: c for c in sorted(campaigns, key=lambda c: c.id)}),
        )

    def instrument(self, instrument_id: str) -> Instrument | None:
        """The instrument with this id, or ``None``."""
        return self.instruments.get(instrument_id)

    def authority(self, authority_id: str) -> Authority | None:
        """The authority with this id, or ``None``."""
        return self.authorities.get(authority_id)

    def campaign(self, campaign_id: str) -> Campaign | None:
        """The campaign with this id, or ``None``."""
        return self.campaigns.get(campaign_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Catalogue):
            return NotImplemented
        return (dict(self.instruments), dict(self.authorities), dict(self.campaigns)) == (
            dict(other.instruments),
            dict(other.authorities),
            dict(other.campaigns),
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"<Catalogue instruments={len(self.instruments)} authorities={len(self.authorities)} "
            f"campaigns={len(self.campaigns)}>"
        )
