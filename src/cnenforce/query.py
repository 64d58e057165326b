"""Selecting cases: by instrument, provision, authority, province, tag and date.

:func:`select` uses per-dataset indexes for the categorical criteria and then checks the rest
case by case; :func:`matches` is the same test for a single case, and the two always agree
(a property test checks it).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from attrs import evolve

from cnenforce.catalogue import Catalogue
from cnenforce.citations import parse
from cnenforce.dataset import Dataset
from cnenforce.errors import CitationError, FieldError, QueryError
from cnenforce.model import Case, PartialDate, Provision
from cnenforce.renumbering import renumber
from cnenforce.vocabulary import ProvisionRole, Tag

__all__ = ["matches", "select"]

DateLike = PartialDate | dt.date | str
ProvisionLike = Provision | str


def _as_partial(value: DateLike | None, criterion: str) -> PartialDate | None:
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    try:
        return PartialDate.parse(value)
    except FieldError as exc:
        raise QueryError(criterion, value, exc.reason) from None


def _as_tag(value: Tag | str | None) -> Tag | None:
    if value is None:
        return None
    try:
        return Tag(value)
    except ValueError:
        known = [tag.value for tag in Tag]
        close = difflib.get_close_matches(value, known, n=3) if isinstance(value, str) else []
        raise QueryError("tag", value, f"{value!r} is not a tag", close) from None


def _as_provisions(value: ProvisionLike | None, dataset: Dataset | None) -> tuple[Provision, ...]:
    if value is None:
        return ()
    if isinstance(value, Provision):
        return (value,)
    if not isinstance(value, str):
        raise QueryError("provision", value, f"expected a Provision or a citation string, got {type(value).__name__}")
    if dataset is None:
        raise QueryError("provision", value, "reading a citation string needs the dataset's catalogue")
    try:
        provisions = parse(value, catalogue=dataset.catalogue)
    except CitationError as exc:
        raise QueryError("provision", value, str(exc)) from None
    if not provisions:
        raise QueryError("provision", value, f"no provision found in {value!r}")
    # Read like any citation: in the text it names, else the current text. Cases citing an
    # earlier text are then matched through the renumbering (today's Article 61 of the CSL is
    # the 2016 text's Article 59).
    return provisions


def matches(
    case: Case,
    *,
    instrument: str | None = None,
    provision: ProvisionLike | None = None,
    role: ProvisionRole | None = None,
    authority: str | None = None,
    province: str | None = None,
    tag: Tag | str | None = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
    dataset: Dataset | None = None,
) -> bool:
    """Whether *case* meets every given criterion (see :func:`select`).

    *dataset* supplies the catalogue for reading a citation string (default: the packaged one).
    """
    return _matches(
        case,
        instrument=instrument,
        wanted=_as_provisions(provision, dataset),
        role=role,
        authority=authority,
        province=province,
        tag=_as_tag(tag),
        since=_as_partial(since, "since"),
        until=_as_partial(until, "until"),
        catalogue=dataset.catalogue if dataset else None,
    )


def _matches(
    case: Case,
    *,
    instrument: str | None,
    wanted: tuple[Provision, ...],
    role: ProvisionRole | None,
    authority: str | None,
    province: str | None,
    tag: Tag | None,
    since: PartialDate | None,
    until: PartialDate | None,
    catalogue: Catalogue | None = None,
) -> bool:
    cited = [c.provision for c in case.citations() if role is None or c.role is role]
    if instrument is not None and all(p.instrument != instrument for p in cited):
        return False
    if wanted and not any(_covers(p, w, catalogue) for p in cited for w in wanted):
        return False
    if authority is not None and authority not in case.authorities:
        return False
    if province is not None and (case.region is None or case.region.province != province):
        return False
    if tag is not None and tag not in case.tags:
        return False
    return _in_period(case, since, until)


def _covers(cited: Provision, wanted: Provision, catalogue: Catalogue | None) -> bool:
    """Whether *cited* is *wanted* or part of it, reading *wanted* in the text *cited* uses."""
    if wanted.version is None or cited.version is None:
        return cited.within(evolve(wanted, version=None))
    if wanted.version == cited.version or wanted.instrument != cited.instrument:
        return cited.within(wanted)
    if catalogue is None:
        return False
    try:
        counterparts = renumber(wanted, cited.version, catalogue=catalogue)
    except ValueError:  # an instrument or text the catalogue does not know: no counterpart
        return False
    return any(cited.within(counterpart) for counterpart in counterparts)


def _in_period(case: Case, since: PartialDate | None, until: PartialDate | None) -> bool:
    if since is None and until is None:
        return True
    date = case.date
    earliest, latest = (None, None) if date is None else (date.earliest(), date.latest())
    if earliest is None or latest is None:
        return False
    # A partial date is a period; it qualifies if any day of it could fall in the range.
    since_day = since.earliest() if since is not None else None
    until_day = until.latest() if until is not None else None
    if since_day is not None and latest < since_day:
        return False
    return not (until_day is not None and earliest > until_day)


def _indexes(dataset: Dataset) -> Mapping[str, Mapping[str, frozenset[str]]]:
    return dataset.memo.get("query.indexes", lambda: _build_indexes(dataset))


def _build_indexes(dataset: Dataset) -> Mapping[str, Mapping[str, frozenset[str]]]:
    buckets: dict[str, dict[str, set[str]]] = {
        "instrument": {},
        "authority": {},
        "province": {},
        "tag": {},
    }
    for case in dataset.cases:
        for key in {c.provision.instrument for c in case.citations() if c.provision.instrument}:
            buckets["instrument"].setdefault(key, set()).add(case.id)
        for key in case.authorities:
            buckets["authority"].setdefault(key, set()).add(case.id)
        if case.region is not None:
            buckets["province"].setdefault(case.region.province, set()).add(case.id)
        for tag in case.tags:
            buckets["tag"].setdefault(tag.value, set()).add(case.id)
    return MappingProxyType(
        {name: MappingProxyType({k: frozenset(v) for k, v in index.items()}) for name, index in buckets.items()}
    )


def select(
    dataset: Dataset,
    *,
    instrument: str | None = None,
    provision: ProvisionLike | None = None,
    role: ProvisionRole | None = None,
    authority: str | None = None,
    province: str | None = None,
    tag: Tag | str | None = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
) -> tuple[Case, ...]:
    """The cases of *dataset* meeting every given criterion, in id order.

    - ``instrument``: a catalogue id; the case cites it (in any role, unless ``role``).
    - ``provision``: a :class:`Provision` or a citation string ("Article 21 of the CSL"); the
      case cites it or a part of it (Article 21(5) matches Article 21). A provision without
      ``version`` matches that number in whichever text a case cites. One with a version (and
      a citation string, read in the text it names, "... (2016)", or else the current text)
      matches the corresponding article of each case's text, through the instrument's
      renumbering records: "Article 61 of the Cybersecurity Law" finds cases decided under the
      2016 text's Article 59.
    - ``role``: only count provisions cited in this role (violated, or penalty basis).
    - ``authority``, ``province`` (ISO 3166-2:CN), ``tag``: exact matches.
    - ``since``/``until``: dates (``"2017"``, ``"2017-08"``, a ``date``); a case whose
      (possibly partial) date could fall in the range is included; undated cases are not.

    A tag, date or citation string that cannot be read raises
    :class:`~cnenforce.errors.QueryError` naming the criterion.

    >>> from cnenforce import load
    >>> [case.id for case in select(load(), authority="guangdong-cac")]
    ['2017-guangdong-cac-tencent-wechat']
    """
    wanted_tag = _as_tag(tag)
    indexes = _indexes(dataset)
    # Narrow by the indexed criteria first; _matches below re-checks every criterion anyway.
    wanted_ids: frozenset[str] | None = None
    indexed = (
        ("authority", authority),
        ("province", province),
        ("tag", wanted_tag and wanted_tag.value),
        ("instrument", instrument if role is None else None),
    )
    for name, value in indexed:
        if value is not None:
            ids = indexes[name].get(value, frozenset())
            wanted_ids = ids if wanted_ids is None else wanted_ids & ids
    candidates: Iterable[Case] = dataset.cases
    if wanted_ids is not None:
        candidates = (case for case in dataset.cases if case.id in wanted_ids)
    wanted = _as_provisions(provision, dataset)
    first, last = _as_partial(since, "since"), _as_partial(until, "until")
    return tuple(
        case
        for case in candidates
        if _matches(
            case,
            instrument=instrument,
            wanted=wanted,
            role=role,
            authority=authority,
            province=province,
            tag=wanted_tag,
            since=first,
            until=last,
            catalogue=dataset.catalogue,
        )
    )
