"""Reading provisions across the texts of an instrument (the 2025 renumbering of the CSL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cnenforce
from cnenforce import Provision
from cnenforce.contrib.validate import validate
from cnenforce.model import ArticleRenumbering
from cnenforce.renumbering import renumber as _renumber

CATALOGUE = cnenforce.load().catalogue


def renumber(provision: Provision, version: str) -> tuple[Provision, ...]:
    return _renumber(provision, version, catalogue=CATALOGUE)


def csl(article: int, version: str, **parts: int) -> Provision:
    return Provision(instrument="csl", article=article, version=version, **parts)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(1, [1], id="unchanged-start"),
        pytest.param(21, [23], id="tiered-protection"),
        pytest.param(24, [26], id="real-name"),
        pytest.param(40, [42], id="user-information"),  # mondaq: "Article 42 (formerly Article 40)"
        pytest.param(47, [49], id="information-management"),
        pytest.param(59, [61], id="penalty-59"),  # mondaq: "Article 61 (formerly Article 59)"
        pytest.param(61, [64], id="penalty-real-name"),
        pytest.param(64, [71], id="personal-information-referred"),
        pytest.param(68, [69], id="penalty-content"),
        pytest.param(69, [69, 70], id="split"),
        pytest.param(79, [81], id="last-article"),
    ],
)
def test_2016_articles_in_the_2025_text(old: int, new: list[int]) -> None:
    assert [p.article for p in renumber(csl(old, "2016"), "2025")] == new


@pytest.mark.parametrize(("new", "old"), [(3, []), (20, [18]), (63, []), (71, [64, 66, 70]), (73, []), (61, [59])])
def test_2025_articles_in_the_2016_text(new: int, old: list[int]) -> None:
    assert [p.article for p in renumber(csl(new, "2025"), "2016")] == old


def test_paragraph_and_item_are_carried_over() -> None:
    assert renumber(csl(21, "2016", item=3), "2025") == (csl(23, "2025", item=3),)


def test_same_text_whole_instrument_and_unknown_text() -> None:
    assert renumber(csl(21, "2016"), "2016") == (csl(21, "2016"),)
    assert renumber(Provision(instrument="csl"), "2025") == (Provision(instrument="csl"),)
    with pytest.raises(ValueError, match="no version '2030'"):
        renumber(csl(21, "2016"), "2030")


@given(st.integers(1, 79))
def test_round_trip_where_the_mapping_is_one_to_one(article: int) -> None:
    forward = renumber(csl(article, "2016"), "2025")
    if len(forward) == 1:
        back = renumber(forward[0], "2016")
        if len(back) == 1:
            assert back == (csl(article, "2016"),)


@given(st.integers(1, 79))
def test_every_2016_article_lands_within_the_2025_text(article: int) -> None:
    articles = CATALOGUE.instruments["csl"].version("2025").articles  # type: ignore[union-attr]
    assert all(1 <= p.article <= articles for p in renumber(csl(article, "2016"), "2025"))  # type: ignore[operator]


@given(st.integers(1, 100), st.integers(0, 50), st.integers(1, 100), st.integers(1, 200))
def test_run_forward_and_backward_are_inverse(first: int, length: int, to: int, article: int) -> None:
    run = ArticleRenumbering(first=first, last=first + length, to=to)
    moved = run.forward(article)
    assert (moved is None) == (not first <= article <= first + length)
    if moved is not None:
        assert run.backward(moved) == article


def test_the_validator_checks_renumbering_runs(data_copy: Path) -> None:
    root = data_copy
    path = root / "instruments" / "csl.toml"
    text = path.read_text(encoding="utf-8").replace("first = 72\nlast = 79\nto = 74", "first = 72\nlast = 80\nto = 74")
    path.write_text(text, encoding="utf-8")
    messages = {p.path: p.message for p in validate([root]).errors}
    assert "beyond the 79 articles of 2016" in messages["versions[1].renumbering[16].last"]
    assert "beyond the 81 articles of 2025" in messages["versions[1].renumbering[16].to"]
