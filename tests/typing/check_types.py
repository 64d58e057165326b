"""Static typing checks: mypy --strict verifies these assert_type calls (nothing runs them)."""

from __future__ import annotations

from decimal import Decimal
from typing import assert_type

import cnenforce
from cnenforce import Case, Dataset, Money, PartialDate, Provision, select, statistics
from cnenforce.citations import CitationMatch, find, parse

dataset = cnenforce.load()
assert_type(dataset, Dataset)
assert_type(dataset.get("x"), Case | None)
assert_type(dataset["x"], Case)
assert_type(dataset.cases, tuple[Case, ...])
case = dataset["2017-yibin-teacher-training-website"]
assert_type(case.date, PartialDate | None)
assert_type(case.fines(), tuple[Money, ...])
assert_type(case.fines()[0].amount, Decimal)
assert_type(select(dataset, instrument="csl"), tuple[Case, ...])
assert_type(statistics(dataset, catalogue=dataset.catalogue).cases, int)
assert_type(parse("Article 21 of the CSL", catalogue=dataset.catalogue), tuple[Provision, ...])
assert_type(find("Article 21 of the CSL", catalogue=dataset.catalogue), tuple[CitationMatch, ...])
assert_type(PartialDate.parse("2017-08"), PartialDate)
