"""The loaded dataset: an immutable, indexed collection of cases and its catalogue."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType

import attrs

from cnenforce.catalogue import Catalogue
from cnenforce.errors import CaseNotFoundError
from cnenforce.model import Authority, Case, Instrument, RetiredId

__all__ = ["Dataset", "load"]


@attrs.frozen(kw_only=True, eq=False)
class Dataset:
    """Every case, in id order, with the catalogue they refer to.

    ``dataset["2017-yibin-teacher-training-website"]`` raises :class:`CaseNotFoundError` for an
    unknown id; :meth:`get` returns ``None`` instead.
    """

    version: str
    """The dataset version (CalVer ``YYYY.MM.DD``, bumped whenever cases change)."""
    cases: tuple[Case, ...]
    catalogue: Catalogue
    retired: Mapping[str, RetiredId]
    """Ids no longer in use, never to be reused, with what replaced them."""
    _index: Mapping[str, Case] = attrs.field(alias="_index")

    @classmethod
    def of(
        cls, cases: Iterable[Case], catalogue: Catalogue, version: str, retired: Iterable[RetiredId] = ()
    ) -> Dataset:
        """A dataset of *cases*, sorted and indexed by id."""
        ordered = tuple(sorted(cases, key=lambda case: case.id))
        index = MappingProxyType({case.id: case for case in ordered})
        if len(index) != len(ordered):
            raise ValueError("case ids must be unique")
        retired_ids = MappingProxyType({entry.id: entry for entry in sorted(retired, key=lambda entry: entry.id)})
        return cls(version=version, cases=ordered, catalogue=catalogue, retired=retired_ids, _index=index)

    def __len__(self) -> int:
        return len(self.cases)

    def __iter__(self) -> Iterator[Case]:
        return iter(self.cases)

    def __contains__(self, case_id: object) -> bool:
        return case_id in self._index

    def __getitem__(self, case_id: str) -> Case:
        try:
            return self._index[case_id]
        except KeyError:
            raise CaseNotFoundError(case_id, self.retired.get(case_id)) from None

    def __repr__(self) -> str:
        return f"<Dataset version={self.version} cases={len(self.cases)}>"

    def get(self, case_id: str) -> Case | None:
        """The case with this id, or ``None``."""
        return self._index.get(case_id)

    @property
    def instruments(self) -> Mapping[str, Instrument]:
        """The instrument catalogue, by id."""
        return self.catalogue.instruments

    @property
    def authorities(self) -> Mapping[str, Authority]:
        """The authority catalogue, by id."""
        return self.catalogue.authorities


def load(root: Path | str | None = None) -> Dataset:
    """Load the dataset.

    With no argument, return the dataset bundled in the package: read on first call, then
    cached, with no network and no access to a source checkout. With *root*, read and
    validate the contributor files under that data directory instead (raises
    :class:`~cnenforce.errors.DataError` listing every problem; nothing half-loaded).
    """
    if root is None:
        from cnenforce.bundle import load_bundle

        return load_bundle()
    from cnenforce.compile import read_data_dir

    return read_data_dir(Path(root))
