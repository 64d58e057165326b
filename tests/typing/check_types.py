"""Static typing checks: mypy --strict verifies these assert_type calls (nothing runs them)."""

from __future__ import annotations

from decimal import Decimal
from typing import assert_type

import cnenforce
from cnenforce import Case, Dataset, Measure, Money, PartialDate, Provision, Selection, select, statistics
from cnenforce.citations import CitationMatch, cite, find, parse
from cnenforce.model import Action, Duration
from cnenforce.stats import Statistics

dataset = cnenforce.load()
assert_type(dataset, Dataset)
assert_type(dataset.get("x"), Case | None)
assert_type(dataset["x"], Case)
assert_type(dataset.cases, tuple[Case, ...])
assert_type(dataset.action_of(dataset["x"]), Action | None)
case = dataset["2017-yibin-teacher-training-website"]
assert_type(case.date, PartialDate | None)
assert_type(case.year, int | None)
assert_type(case.fines(), tuple[Money, ...])
assert_type(case.fines()[0].amount, Decimal)
assert_type(case.penalties, tuple[Measure, ...])
assert_type(case.measures[0].total, Money | None)
assert_type(case.measures[0].duration, Duration | None)
chosen = select(dataset, instrument="csl")
assert_type(chosen, Selection)
assert_type(chosen.where(tag="data-theft").sort(by="fine", descending=True).limit(5), Selection)
assert_type(chosen.get("x"), Case | None)
assert_type(chosen.statistics(), Statistics)
assert_type(statistics(dataset, catalogue=dataset.catalogue).cases, int)
assert_type(parse("Article 21 of the CSL", catalogue=dataset.catalogue), tuple[Provision, ...])
assert_type(find("Article 21 of the CSL", catalogue=dataset.catalogue), tuple[CitationMatch, ...])
assert_type(cite(case.violations[0], "zh", catalogue=dataset.catalogue), str)
assert_type(PartialDate.parse("2017-08"), PartialDate)
