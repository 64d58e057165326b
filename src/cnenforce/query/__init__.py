"""Selecting cases: :func:`select` answers a question with a :class:`Selection`.

>>> import cnenforce
>>> dataset = cnenforce.load()
>>> fined = cnenforce.select(dataset, instrument="Cybersecurity Law", measure="fine", since="2017", until="2017")
>>> "2017-guangdong-shenzhen-sanren" in fined
True
>>> [case.id for case in fined.where(fine_min=40_000).sort(by="fine", descending=True)]
['2017-guangdong-shenzhen-sanren']

A selection is immutable and has the dataset's reading interface (``len``, iteration, ``in``,
``[id]``, :meth:`~Selection.get`, :attr:`~Selection.cases`); :meth:`~Selection.where`,
:meth:`~Selection.sort` and :meth:`~Selection.limit` return new selections, and
:meth:`~Selection.statistics` summarises it. :func:`matches` applies the same criteria to
one case.

Criteria combine with AND. A list (tuple, set) of values for one criterion means OR:
``tag=["data-leakage", "data-theft"]``. Names are matched whatever their case, width or script
(simplified or traditional; :func:`~cnenforce.query.folding.fold`).

**What was cited**

- ``instrument``: a catalogue id (``"pipl"``), abbreviation (``"PIPL"``, ``"个保法"``), title or
  short title in English or Chinese (``"Personal Information Protection Law"``,
  ``"个人信息保护法"``); or the title of an instrument outside the catalogue that a case cites.
  The case cites some part of it.
- ``provision``: a :class:`~cnenforce.model.Provision` or a citation string (``"Article 21(5)
  of the Cybersecurity Law"``, ``"《网络安全法》第二十一条"``, ``"CSL Art. 21"``); the case cites
  it or a part of it. **Without a text named, the article is matched as each case cites it**;
  a named text (``"... (2016)"``, ``Provision(version="2016")``) is matched in each case's text
  through the instrument's renumbering; with ``current_numbering`` (``True``) a provision
  without a named text is read in the current text, renumbered likewise. The rules, and why a string that cannot
  be read whole ("CSL 21") is an error, are in :mod:`cnenforce.query.provisions`.
- ``role``: ``"violated"``, ``"penalty-basis"`` or ``"cited"``
  (:class:`~cnenforce.vocabulary.ProvisionRole`). With ``instrument`` or ``provision``, only
  citations in that role count; alone, the case cites something in that role.

**Who acted, and where**

- ``authority``: a catalogue id (``"beijing-cac"``), name or alias, English or Chinese
  (``"Beijing CAC"``, ``"北京市网信办"``); one of the case's authorities.
- ``authority_kind`` (``"cyberspace"``, ``"public-security"``, ...) and ``authority_level``
  (``"national"``, ``"provincial"``, ``"municipal"``, ``"county"``): the case has an authority
  of that kind and level: a named one (as the catalogue describes it) or one the sources
  describe without naming it (``unnamed_authorities``). Given together, both must hold of
  the same authority.
- ``place``: a province's ISO 3166-2:CN code (``"CN-GD"``) or name in English or Chinese
  (``"Guangdong"``, ``"广东省"``, ``"广东"``), ``"national"`` for nationwide actions, or a city or
  county named in the data (``"Shantou"``, ``"汕头市"``, ``"汕头"``). A province matches every
  case in it, its cities and counties included. The place is the case's ``region`` (where the
  action was taken) or its national scope.

**When**

- ``since``, ``until``: dates, possibly partial (``"2017"``, ``"2017-08"``, ``"2017-08-11"``, a
  ``datetime.date`` or a :class:`~cnenforce.model.PartialDate`); ``"2017-08"`` as ``until``
  means the end of August. A case's reference date (:attr:`Case.date
  <cnenforce.model.Case.date>`) is a period when partial: by default a case is selected if its
  date **could fall** in the range; with ``entirely`` (``True``) only if it **lies
  entirely** in it. Cases without a date, or whose date has no year, match no date range.

**What was done**

- ``measure``: a measure kind (``"fine"``, ``"warning"``, ``"interview"``, ...;
  :class:`~cnenforce.vocabulary.MeasureKind`);
- ``penalty``: ``True`` for measures counted as penalties
  (:attr:`Measure.is_penalty <cnenforce.model.Measure.is_penalty>`: never interim, never on a
  third party), ``False`` for the others;
- ``target``: ``"respondent"``, ``"persons"`` (persons responsible within the respondent) or
  ``"third-party"``;
- ``fine_min``, ``fine_max`` (inclusive; an amount, ``Money``, or text such as ``"1000000"``
  or ``"CNY 1,000,000"``), ``currency`` (default ``"CNY"``): a fine counted as a penalty whose
  stated total (:attr:`Measure.total <cnenforce.model.Measure.total>`: per-person amounts
  times the persons) is in the range, in that currency;
- ``undisclosed``: with a fine range, also fines whose total is not known (amount not stated,
  or per person on an unknown number of persons); alone, only such fines.

  These describe **one measure**: ``measure="fine", target="persons"`` selects cases where
  persons were fined, not cases with some fine and some measure on persons. A fine range
  implies a fine counted as a penalty.

**Who, and what about**

- ``name``: text found (case-insensitive, either script) in a name of the case: the
  respondent's names, aliases, descriptions and member entities, its apps' names and the
  apps' operators (:meth:`Case.names <cnenforce.model.Case.names>`);
- ``app``: text found in an app's name (as published or in English) or its operator;
- ``text``: every word of it found in the case's English or Chinese title or summary (words
  are split at white space; a Chinese phrase is one word);
- ``sector`` (:class:`~cnenforce.vocabulary.Sector`), ``tag`` (:class:`~cnenforce.vocabulary.Tag`);
- ``campaign``: a campaign id or name, with an optional year (``"jingwang"``,
  ``"jingwang 2019"``, ``"净网2019"``, a :class:`~cnenforce.model.CampaignRef`); with a year,
  only a case's part in that year's campaign counts;
- ``status``: the kind of the case's latest event (``"decided"``, ``"rectified"``, ...;
  :class:`~cnenforce.vocabulary.EventKind`);
- ``action``: the id of the action (announcement, notice) the case belongs to.

**Bad questions** raise :class:`~cnenforce.errors.QueryError` naming the criterion and the value,
with the closest known values as ``suggestions`` (an unknown criterion name too, such as
``province``, for which the answer is ``place``); no criterion answers an unknown value with
an empty selection.

**Speed**: criteria are answered from indexes kept on the dataset (:mod:`.indexes`), built
on first use; no criterion visits a case its index does not return, and several criteria
merge their sorted answers. ``docs/performance.md`` has the measurements.
"""

from __future__ import annotations

from cnenforce.query.criteria import CRITERIA, Criteria, DateLike, ProvisionLike
from cnenforce.query.selection import SORT_KEYS, Selection, SortKey, matches, select

__all__ = [
    "CRITERIA",
    "SORT_KEYS",
    "Criteria",
    "DateLike",
    "ProvisionLike",
    "Selection",
    "SortKey",
    "matches",
    "select",
]
