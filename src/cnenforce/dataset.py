"""The loaded dataset: an immutable collection of cases, the actions they belong to, and the
catalogue they refer to. A :class:`Dataset` holds data; it never reads files (see
:func:`cnenforce.load`)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final

import attrs

from cnenforce.catalogue import Catalogue, Memo
from cnenforce.errors import CaseNotFoundError
from cnenforce.model import Action, Authority, Campaign, Case, Instrument, RetiredId

__all__ = ["DIGEST_PATTERN", "VERSION_PATTERN", "Dataset"]

VERSION_PATTERN: Final = re.compile(r"[0-9]{4}\.[0-9]{2}\.[0-9]{2}(?:\.[1-9][0-9]*)?")
"""Dataset versions: ``YYYY.MM.DD``, then ``.N`` for a further change on the same day."""

DIGEST_PATTERN: Final = re.compile(r"sha256:[0-9a-f]{64}")
"""A dataset digest: ``sha256:`` and 64 lowercase hexadecimal digits."""


@attrs.frozen(kw_only=True, eq=False)
class Dataset:
    """Every case, in id order, with its actions and catalogue; build with :meth:`of`.

    ``dataset["2017-yibin-teacher-training-website"]`` raises
    :class:`~cnenforce.errors.CaseNotFoundError` for an unknown id (saying why, if the id was
    retired, and suggesting close ids); :meth:`get` returns ``None`` instead.
    """

    version: str
    """The dataset version (CalVer ``YYYY.MM.DD``, bumped whenever the data change)."""
    digest: str | None
    """SHA-256 of the data's canonical JSON (``sha256:...``), as recorded with the version."""
    cases: tuple[Case, ...]
    actions: Mapping[str, Action]
    """Action id -> :class:`~cnenforce.model.Action`, in id order."""
    catalogue: Catalogue
    retired: Mapping[str, RetiredId]
    """Ids no longer in use, never to be reused, with what replaced them."""
    by_id: Mapping[str, Case] = attrs.field(repr=False)
    """Case id -> case."""
    memo: Memo = attrs.field(factory=Memo, repr=False)
    """Derived data kept with this dataset: query indexes and the like (see
    :class:`~cnenforce.catalogue.Memo`)."""

    @classmethod
    def of(
        cls,
        cases: Iterable[Case],
        catalogue: Catalogue,
        version: str,
        *,
        digest: str | None = None,
        actions: Iterable[Action] = (),
        retired: Iterable[RetiredId] = (),
    ) -> Dataset:
        """A dataset of *cases*, sorted by id. Raises ``ValueError`` if an id repeats (loaders
        report that, with the file, before building a dataset)."""
        ordered = tuple(sorted(cases, key=lambda case: case.id))
        by_id = {case.id: case for case in ordered}
        if len(by_id) != len(ordered):
            raise ValueError("case ids must be unique")
        return cls(
            version=version,
            digest=digest,
            cases=ordered,
            actions=MappingProxyType({action.id: action for action in sorted(actions, key=lambda a: a.id)}),
            catalogue=catalogue,
            retired=MappingProxyType({entry.id: entry for entry in sorted(retired, key=lambda entry: entry.id)}),
            by_id=MappingProxyType(by_id),
        )

    def __len__(self) -> int:
        return len(self.cases)

    def __iter__(self) -> Iterator[Case]:
        return iter(self.cases)

    def __contains__(self, case_id: object) -> bool:
        return case_id in self.by_id

    def __getitem__(self, case_id: str) -> Case:
        try:
            return self.by_id[case_id]
        except KeyError:
            retired = self.retired.get(case_id)
            if retired is not None:
                raise CaseNotFoundError(
                    case_id, retired_reason=retired.reason, replaced_by=retired.replaced_by
                ) from None
            close = difflib.get_close_matches(str(case_id), self.by_id, n=3, cutoff=0.6)
            raise CaseNotFoundError(case_id, suggestions=close) from None

    def __repr__(self) -> str:
        return f"<Dataset version={self.version} cases={len(self.cases)}>"

    def get(self, case_id: str) -> Case | None:
        """The case with this id, or ``None``."""
        return self.by_id.get(case_id)

    def action_of(self, case: Case) -> Action | None:
        """The action *case* belongs to, if any."""
        return None if case.action is None else self.actions.get(case.action)

    def cases_of(self, action_id: str) -> tuple[Case, ...]:
        """The cases of the action *action_id*, in id order."""
        index = self.memo.get("cases-by-action", self._cases_by_action)
        return index.get(action_id, ())

    def _cases_by_action(self) -> Mapping[str, tuple[Case, ...]]:
        grouped: dict[str, list[Case]] = {}
        for case in self.cases:
            if case.action is not None:
                grouped.setdefault(case.action, []).append(case)
        return MappingProxyType({key: tuple(value) for key, value in grouped.items()})

    @property
    def instruments(self) -> Mapping[str, Instrument]:
        """The instrument catalogue, by id."""
        return self.catalogue.instruments

    @property
    def authorities(self) -> Mapping[str, Authority]:
        """The authority catalogue, by id."""
        return self.catalogue.authorities

    @property
    def campaigns(self) -> Mapping[str, Campaign]:
        """The campaign catalogue, by id."""
        return self.catalogue.campaigns
