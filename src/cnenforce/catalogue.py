"""The reference catalogues: legal instruments and enforcement authorities.

Both are data, authored in ``data/instruments/`` and ``data/authorities/`` and shipped in the
package bundle. :func:`load_catalogue` reads them once, on first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from cnenforce.model import Authority, Instrument

__all__ = ["Catalogue", "load_catalogue"]


@attrs.frozen(kw_only=True)
class Catalogue:
    """Read-only lookups of instruments and authorities by id; build with :meth:`of`."""

    instruments: Mapping[str, Instrument]
    """Instrument id -> :class:`~cnenforce.model.Instrument`, in id order."""
    authorities: Mapping[str, Authority]
    """Authority id -> :class:`~cnenforce.model.Authority`, in id order."""

    @classmethod
    def of(cls, instruments: Iterable[Instrument], authorities: Iterable[Authority]) -> Catalogue:
        """A catalogue of these records, indexed by id."""
        return cls(
            instruments=MappingProxyType({i.id: i for i in sorted(instruments, key=lambda i: i.id)}),
            authorities=MappingProxyType({a.id: a for a in sorted(authorities, key=lambda a: a.id)}),
        )

    def instrument(self, instrument_id: str) -> Instrument | None:
        """The instrument with this id, or ``None``."""
        return self.instruments.get(instrument_id)

    def authority(self, authority_id: str) -> Authority | None:
        """The authority with this id, or ``None``."""
        return self.authorities.get(authority_id)


def load_catalogue() -> Catalogue:
    """The packaged catalogue (cached; the first call reads the bundle)."""
    from cnenforce.bundle import load_bundle

    return load_bundle().catalogue
