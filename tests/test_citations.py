"""Citations: parsing and finding them in English and Chinese, citing them back, partial reads, limits, the corpus."""

from __future__ import annotations

import datetime as dt
import math
import os
import subprocess
import sys
import time
import tomllib
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnenforce.catalogue import Catalogue
from cnenforce.citations import MAX_PROVISIONS, CitationMatch, cite, find, names, parse
from cnenforce.contrib.tree import read_dataset
from cnenforce.errors import CitationError
from cnenforce.model import Instrument, InstrumentVersion, Provision
from cnenforce.vocabulary import InstrumentKind
from tests.conftest import FIXTURES
from tests.strategies_citations import (
    ADVERSARIAL,
    LONG_LISTS,
    UNKNOWN_TITLES_EN,
    UNKNOWN_TITLES_ZH,
    resolved_provisions,
    unresolved_provisions,
)

CORPUS = Path(__file__).parent / "data" / "citation_corpus.toml"
CATALOGUE = read_dataset(FIXTURES / "citations").catalogue
"""A fixed catalogue (the first twelve instruments): the corpus's expectations, which record
instruments outside it as unresolved, must not change when the dataset's catalogue grows."""
THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"
"""Set HYPOTHESIS_PROFILE=thorough for the slow checks (scanning a megabyte of adversarial text)."""

Key = tuple[str | None, int | None, int | None, int | None]


def keys(provisions: tuple[Provision, ...]) -> list[Key]:
    """Instrument (or unresolved title), article, paragraph, item of each provision."""
    return [(p.instrument or f"?{p.title}", p.article, p.paragraph, p.item) for p in provisions]


def read_fully(text: str, **kwargs: Any) -> tuple[Provision, ...]:
    """The provisions of the citation string *text*, checking that all of it was read."""
    matches = find(text, catalogue=CATALOGUE, whole=True, **kwargs)
    assert not [m.unread for m in matches if m.partial], text
    return tuple(m.provision for m in matches)


# --- what parse reads ----------------------------------------------------------------------------

PARSE = [
    # English
    ("Article 21(5) of the Cybersecurity Law", [("csl", 21, None, 5)]),
    ("Article 24 Paragraph 1 of the Cybersecurity Law", [("csl", 24, 1, None)]),
    ("Article 24, Paragraph 1 of the Cybersecurity Law", [("csl", 24, 1, None)]),
    ("Article 22, Paragraph 1, Item 3 of the CSL", [("csl", 22, 1, 3)]),
    ("Article 22(1)(3) of the CSL", [("csl", 22, 1, 3)]),
    ("Art. 21.1(3) of the DSL", [("dsl", 21, 1, 3)]),
    ("Articles 24 and 48 of the Cybersecurity Law", [("csl", 24, None, None), ("csl", 48, None, None)]),
    ("Arts. 9-11 of the PIPL", [("pipl", 9, None, None), ("pipl", 10, None, None), ("pipl", 11, None, None)]),
    ("Articles 41 to 43 of the CSL", [("csl", 41, None, None), ("csl", 42, None, None), ("csl", 43, None, None)]),
    ("Articles 21, 25, and 59 of the CSL", [("csl", 21, None, None), ("csl", 25, None, None), ("csl", 59, None, None)]),
    ("Article 24, Paragraphs 1 and 2 of the CSL", [("csl", 24, 1, None), ("csl", 24, 2, None)]),
    ("Article 21(1) and (2) of the CSL", [("csl", 21, None, 1), ("csl", 21, None, 2)]),
    ("paragraph 1 of Article 24 of the CSL", [("csl", 24, 1, None)]),
    ("item 2 of Article 21 of the CSL", [("csl", 21, None, 2)]),
    ("the second item of Article 21 of the CSL", [("csl", 21, None, 2)]),
    ("Article 21, items 1 and 2 of the CSL", [("csl", 21, None, 1), ("csl", 21, None, 2)]),
    ("Article 21, Items (1) and (2) of the CSL", [("csl", 21, None, 1), ("csl", 21, None, 2)]),
    ("Article 21 (1), (3) of the CSL", [("csl", 21, None, 1), ("csl", 21, None, 3)]),
    ("Article 22, paragraph 1, items 1 and 3 of the CSL", [("csl", 22, 1, 1), ("csl", 22, 1, 3)]),
    ("Article 24, Paragraph 2(1) of the CSL", [("csl", 24, 2, 1)]),
    ("Article 22.1 and 22.2 of the CSL", [("csl", 22, 1, None), ("csl", 22, 2, None)]),
    ("Article 21, Paragraph 1, Item 2, and Article 22 of the CSL", [("csl", 21, 1, 2), ("csl", 22, None, None)]),
    ("Articles 21, paragraph 1 and 22 of the CSL", [("csl", 21, 1, None), ("csl", 22, None, None)]),
    (
        "Articles 21, 24 through 26 of the CSL",
        [("csl", 21, None, None), ("csl", 24, None, None), ("csl", 25, None, None), ("csl", 26, None, None)],
    ),
    ("§ 21 CSL", [("csl", 21, None, None)]),
    ("Article 24, Paragraphs 1 to 3 of the CSL", [("csl", 24, 1, None), ("csl", 24, 2, None), ("csl", 24, 3, None)]),
    ("Article 21(1) to (3) of the CSL", [("csl", 21, None, 1), ("csl", 21, None, 2), ("csl", 21, None, 3)]),
    ("《网络安全法》第二十四条第一款至第三款", [("csl", 24, 1, None), ("csl", 24, 2, None), ("csl", 24, 3, None)]),
    (
        "《网络安全法》第二十一条第（一）项至第（三）项",
        [("csl", 21, None, 1), ("csl", 21, None, 2), ("csl", 21, None, 3)],
    ),
    ("Article 21 of the revised Cybersecurity Law", [("csl", 21, None, None)]),
    (
        "Articles 14 and 29 of the new Personal Information Protection Law",
        [("pipl", 14, None, None), ("pipl", 29, None, None)],
    ),
    ("Article 61 of the amended CSL", [("csl", 61, None, None)]),
    ("Article 5 of the Network Data Security Management Regulation", [("ndsr", 5, None, None)]),
    ("Article 16 of the Internet Information Services Measure", [("iis-measures", 16, None, None)]),
    ("the first paragraph of Article 24 of the CSL", [("csl", 24, 1, None)]),
    ("Section 5 of the PRC Data Security Law", [("dsl", 5, None, None)]),
    ("Sec. 5 of the DSL", [("dsl", 5, None, None)]),
    ("Art 13 PIPL", [("pipl", 13, None, None)]),
    ("PIPL Article 13", [("pipl", 13, None, None)]),
    ("the Cybersecurity Law's Article 21", [("csl", 21, None, None)]),
    ("Article 21 of the Cybersecurity Law of the People's Republic of China", [("csl", 21, None, None)]),
    ("Article 21 of China's Cybersecurity Law", [("csl", 21, None, None)]),
    ("Article 21 of the Cyber Security Law", [("csl", 21, None, None)]),
    ("Article 21 of the Network Security Law", [("csl", 21, None, None)]),
    ("Article 13 of the Personal Data Protection Law", [("pipl", 13, None, None)]),
    ("article 21 of the cybersecurity law", [("csl", 21, None, None)]),
    ("the PIPL and the DSL", [("pipl", None, None, None), ("dsl", None, None, None)]),
    ("Article 5 of the Anti-Monopoly Law", [("?Anti-Monopoly Law", 5, None, None)]),
    ("Article 26 of the Cybersecurity Law of Vietnam", [("?Cybersecurity Law of Vietnam", 26, None, None)]),
    (
        "Articles 27, 29, and 30 of this Law",
        [("?this Law", 27, None, None), ("?this Law", 29, None, None), ("?this Law", 30, None, None)],
    ),
    # Chinese
    ("《网络安全法》第二十一条第（五）项", [("csl", 21, None, 5)]),
    ("《网络安全法》第二十四条第一款", [("csl", 24, 1, None)]),
    ("《网络安全法》第二十二条第一款第（三）项", [("csl", 22, 1, 3)]),
    ("《网络安全法》第四十七条、第四十八条", [("csl", 47, None, None), ("csl", 48, None, None)]),
    (
        "《个人信息保护法》第九条至第十一条",
        [("pipl", 9, None, None), ("pipl", 10, None, None), ("pipl", 11, None, None)],
    ),
    ("《个人信息保护法》第13-15条", [("pipl", 13, None, None), ("pipl", 14, None, None), ("pipl", 15, None, None)]),
    (
        "《个人信息保护法》第 23、25 和 39 条",
        [("pipl", 23, None, None), ("pipl", 25, None, None), ("pipl", 39, None, None)],
    ),
    ("《网络安全法》第二十一条第（一）、（二）项", [("csl", 21, None, 1), ("csl", 21, None, 2)]),
    ("《中华人民共和国个人信息保护法》", [("pipl", None, None, None)]),
    ("《网络安全法》《数据安全法》", [("csl", None, None, None), ("dsl", None, None, None)]),
    ("《网络安全法》相关规定", [("csl", None, None, None)]),
    ("网安法第二十一条", [("csl", 21, None, None)]),
    ("个保法第十三条", [("pipl", 13, None, None)]),
    ("网络安全法第27条", [("csl", 27, None, None)]),
    ("《网络安全法》第２１条", [("csl", 21, None, None)]),
    ("《网络安全法》第二十四條第壹款", [("csl", 24, 1, None)]),
    ("《中華人民共和國網絡安全法》第二十一條", [("csl", 21, None, None)]),
    ("《中華人民共和國個人信息保護法》第六十六條", [("pipl", 66, None, None)]),
    ("依照《刑法》第二百八十五条", [("?刑法", 285, None, None)]),
    ("违反刑法第二百八十五条", [("?刑法", 285, None, None)]),
    ("违反本法第二十一条", [("?本法", 21, None, None)]),
    ("《网络安全法》第五十九条：不履行本法第二十一条", [("csl", 59, None, None), ("csl", 21, None, None)]),
    ("韩国《个人信息保护法》第15条", [("?韩国个人信息保护法", 15, None, None)]),
    ("《网络数据安全管理条例（征求意见稿）》", [("?网络数据安全管理条例（征求意见稿）", None, None, None)]),
    ("《网络安全法》第二十一条和《数据安全法》第二十七条", [("csl", 21, None, None), ("dsl", 27, None, None)]),
    # carried over, and named after a list
    (
        "violated Article 47 of the Cybersecurity Law as well as Article 16 of the Administrative Measures"
        " for Internet Information Services",
        [("csl", 47, None, None), ("iis-measures", 16, None, None)],
    ),
    ("the Cybersecurity Law requires it (Article 21)", [("csl", None, None, None), ("csl", 21, None, None)]),
    ("依据《网络安全法》第二十一条，并依照第五十九条处罚", [("csl", 21, None, None), ("csl", 59, None, None)]),
    (
        "修订了《网络安全审查办法》。《办法》第七条规定",
        [("?网络安全审查办法", None, None, None), ("?网络安全审查办法", 7, None, None)],
    ),
    # bare titles
    ("the Anti-Monopoly Law", [("?Anti-Monopoly Law", None, None, None)]),
    ("反垄断法", [("?反垄断法", None, None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), PARSE, ids=[text for text, _ in PARSE])
def test_parse(text: str, expected: list[Key]) -> None:
    assert keys(parse(text, catalogue=CATALOGUE)) == expected
    assert read_fully(text) == parse(text, catalogue=CATALOGUE)


NOTHING = ["", "hello", "Article 21", "第二十一条", "第十十条", "Chapter 4 of the report", "第一条 为了保障网络安全"]


@pytest.mark.parametrize("text", NOTHING, ids=[repr(text) for text in NOTHING])
def test_parse_raises_when_nothing_is_cited(text: str) -> None:
    with pytest.raises(CitationError, match="no citation found"):
        parse(text, catalogue=CATALOGUE)


def test_parse_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        parse(21, catalogue=CATALOGUE)  # type: ignore[arg-type]


# --- find: spans ---------------------------------------------------------------------------------


def test_find_reports_spans_in_the_original_text() -> None:
    text = "违反《中華人民共和國網絡安全法》第二十一條，依照《数据安全法》第２７条处罚；另见 Article 21(5) of the CSL."
    matches = find(text, catalogue=CATALOGUE)
    assert [m.text for m in matches] == [
        "《中華人民共和國網絡安全法》第二十一條",
        "《数据安全法》第２７条",
        "Article 21(5) of the CSL",
    ]
    for match in matches:
        assert text[match.start : match.end] == match.text
        assert match.span() == (match.start, match.end)


def test_find_shares_a_list_span_and_records_the_name_as_written() -> None:
    (first, second) = find("in violation of Articles 24 and 48 of the Cybersecurity Law on", catalogue=CATALOGUE)
    assert first.span() == second.span()
    assert first.text == "Articles 24 and 48 of the Cybersecurity Law"
    assert first.instrument_text == "Cybersecurity Law"


FRAGMENTS = [
    "Article 21(5) of the ",
    "Arts. 9-11",
    " and ",
    ", ",
    "CSL",
    "the PIPL",
    "Cybersecurity Law",
    "(2016)",
    "《网络安全法》",
    "《中華人民共和國網絡安全法》",
    "第二十一条",
    "第（五）项",
    "第一款",
    "、",
    "至",
    "本法",
    "第13-15条",
    "之一",
    "。",
    "\n",
    " of this Law",
    "Paragraph 1",
    "(3)",
    "韩国",
    "《办法》",
    "Section 5",
    "《 》",
    "Article 0",
    "第〇条",
    "(0)",
    "the Provisions",
    "该法",
    "CSL Art. ",
]


@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=12).map("".join))
def test_find_never_fails_and_spans_index_the_input(text: str) -> None:
    for match in find(text, catalogue=CATALOGUE):
        assert text[match.start : match.end] == match.text
        assert match.provision.instrument is not None or match.provision.title
        # What a match could not read is part of its citation.
        assert all(part and part in match.text for part in match.unread)
    for match in find(text, catalogue=CATALOGUE, whole=True):
        assert all(part and part in text for part in match.unread)


def test_carried_over_instrument_stays_within_a_paragraph() -> None:
    text = "Article 24 of the CSL applies.\nThe company was ordered to correct under Article 61."
    assert keys(tuple(m.provision for m in find(text, catalogue=CATALOGUE))) == [("csl", 24, None, None)]


def test_match_is_frozen() -> None:
    match = find("CSL", catalogue=CATALOGUE)[0]
    assert isinstance(match, CitationMatch)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        match.start = 3  # type: ignore[misc]


# --- versions ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "version"),
    [
        ({}, "2025"),
        ({"at": dt.date(2017, 8, 1)}, "2016"),
        ({"at": dt.date(2016, 12, 1)}, "2016"),
        ({"at": dt.date(2026, 1, 1)}, "2025"),
        ({"version": "2016"}, "2016"),
        ({"version": "2016", "at": dt.date(2026, 6, 1)}, "2016"),
    ],
    ids=["current", "in-force-2017", "before-in-force", "in-force-2026", "explicit", "explicit-beats-date"],
)
def test_version_rule(kwargs: dict[str, Any], version: str) -> None:
    (provision,) = parse("Article 59 of the Cybersecurity Law", catalogue=CATALOGUE, **kwargs)
    assert provision.version == version


def test_version_named_in_the_text_wins() -> None:
    (provision,) = parse("《网络安全法》（2016年11月7日通过）第五十九条", catalogue=CATALOGUE)
    assert provision.version == "2016"


def test_whole_instrument_and_single_text_instruments_have_no_version() -> None:
    whole, pipl = parse("the Cybersecurity Law and Article 13 of the PIPL", catalogue=CATALOGUE, version="2016")
    assert whole.version is None
    assert pipl.version is None


def test_unknown_version_is_an_error() -> None:
    with pytest.raises(CitationError, match="no version '1999'"):
        parse("Article 59 of the CSL", catalogue=CATALOGUE, version="1999")


# --- strict mode ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Article 5 of the Anti-Monopoly Law", "《刑法》第二百八十五条", "违反本法第二十一条", "反垄断法"]
)
def test_strict_mode_raises_on_unknown_instruments(text: str) -> None:
    with pytest.raises(CitationError, match="unknown instrument"):
        parse(text, catalogue=CATALOGUE, strict=True)


def test_strict_mode_raises_on_unrepresentable_articles() -> None:
    with pytest.raises(CitationError, match="inserted article"):
        parse("《网络安全法》第二十一条之一", catalogue=CATALOGUE, strict=True)
    assert parse("《网络安全法》第二十一条之一", catalogue=CATALOGUE) == (Provision(instrument="csl"),)


def test_strict_mode_accepts_known_instruments() -> None:
    assert keys(parse("《网络安全法》第二十一条", catalogue=CATALOGUE, strict=True)) == [("csl", 21, None, None)]


# --- a catalogue built in the test ---------------------------------------------------------------


def test_works_with_any_catalogue() -> None:
    instrument = Instrument(
        id="test-measures",
        title_en="Measures for Testing Citations",
        title_zh="引用测试办法",
        kind=InstrumentKind.DEPARTMENTAL_RULE,
        abbreviations=("MTC", "引测办法"),
        versions=(InstrumentVersion(id="2020"), InstrumentVersion(id="2024", effective=dt.date(2024, 1, 1))),
    )
    catalogue = Catalogue.of([instrument], [])
    assert parse("Article 3 of the MTC", catalogue=catalogue, at=dt.date(2021, 1, 1)) == (
        Provision(instrument="test-measures", article=3, version="2020"),
    )
    assert parse("引测办法第三条", catalogue=catalogue) == (
        Provision(instrument="test-measures", article=3, version="2024"),
    )
    assert keys(parse("《网络安全法》第三条", catalogue=catalogue)) == [("?网络安全法", 3, None, None)]


# --- cite ----------------------------------------------------------------------------------------

FORMAT = [
    (
        Provision(instrument="csl", article=21, item=5),
        "Article 21(5) of the Cybersecurity Law",
        "《网络安全法》第二十一条第（五）项",
    ),
    (
        Provision(instrument="csl", article=24, paragraph=1),
        "Article 24, Paragraph 1 of the Cybersecurity Law",
        "《网络安全法》第二十四条第一款",
    ),
    (
        Provision(instrument="csl", article=22, paragraph=1, item=3),
        "Article 22, Paragraph 1(3) of the Cybersecurity Law",
        "《网络安全法》第二十二条第一款第（三）项",
    ),
    (Provision(instrument="csl"), "the Cybersecurity Law", "《网络安全法》"),
    (
        Provision(instrument="pipl", article=101),
        "Article 101 of the Personal Information Protection Law",
        "《个人信息保护法》第一百零一条",
    ),
    (
        Provision(title="Anti-Monopoly Law", article=5),
        "Article 5 of the Anti-Monopoly Law",
        "《Anti-Monopoly Law》第五条",
    ),
    (Provision(title="反垄断法", article=5), "Article 5 of 《反垄断法》", "《反垄断法》第五条"),
    (Provision(title="本法", article=5), "Article 5 of 本法", "本法第五条"),
]


@pytest.mark.parametrize(("provision", "english", "chinese"), FORMAT, ids=[english for _, english, _ in FORMAT])
def test_cite(provision: Provision, english: str, chinese: str) -> None:
    assert cite(provision, catalogue=CATALOGUE) == english
    assert cite(provision, "zh", catalogue=CATALOGUE) == chinese


def test_cite_rejects_unknown_language_and_instrument() -> None:
    with pytest.raises(ValueError, match="language"):
        cite(Provision(instrument="csl"), "fr", catalogue=CATALOGUE)  # type: ignore[arg-type]
    with pytest.raises(CitationError, match="not in the catalogue"):
        cite(Provision(instrument="no-such-law"), catalogue=CATALOGUE)


@given(resolved_provisions(CATALOGUE))
def test_round_trip_english(provision: Provision) -> None:
    assert read_fully(cite(provision, "en", catalogue=CATALOGUE), version=provision.version) == (provision,)


@given(resolved_provisions(CATALOGUE))
def test_round_trip_chinese(provision: Provision) -> None:
    assert read_fully(cite(provision, "zh", catalogue=CATALOGUE), version=provision.version) == (provision,)


@given(unresolved_provisions(UNKNOWN_TITLES_EN + UNKNOWN_TITLES_ZH))
def test_round_trip_unresolved(provision: Provision) -> None:
    for language in ("en", "zh"):
        assert read_fully(cite(provision, language, catalogue=CATALOGUE)) == (provision,)


def test_every_catalogue_title_reads_back_to_its_instrument() -> None:
    for instrument in CATALOGUE.instruments.values():
        names = [instrument.title_en, instrument.title_zh, *instrument.aliases_en, *instrument.aliases_zh]
        names += [n for n in (instrument.short_title_en, instrument.short_title_zh) if n]
        for name in names:
            assert read_fully(name) == (Provision(instrument=instrument.id),), name


# --- loading -------------------------------------------------------------------------------------


def test_every_catalogue_example_reads_as_it_says_and_writes_back() -> None:
    """The examples of the packaged catalogue (real citations, copied from sources) read as the
    provisions they declare, and those provisions, written in either language, read back."""
    from cnenforce import load
    from cnenforce.contrib.checks import example_problem

    catalogue = load().catalogue
    for instrument in catalogue.instruments.values():
        for example in instrument.examples:
            assert example_problem(example, instrument, catalogue) is None, example.text
            provision = Provision(
                instrument=instrument.id,
                article=example.article,
                paragraph=example.paragraph,
                item=example.item,
                # A whole instrument has no text; an article of one with several texts has one.
                version=None
                if example.article is None
                else example.version or (instrument.current.id if len(instrument.versions) > 1 else None),
            )
            for language in ("en", "zh"):
                written = cite(provision, language, catalogue=catalogue)
                assert parse(written, catalogue=catalogue, version=provision.version) == (provision,), written


def test_import_compiles_nothing() -> None:
    code = (
        "from cnenforce.citations import folding, names, patterns; "
        "assert patterns.patterns.cache_info().currsize == 0; assert folding._table.cache_info().currsize == 0; "
        "print('ok')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "ok", result.stderr


def test_tables_are_kept_per_catalogue_and_never_mixed_up() -> None:
    tables = names.tables_for(CATALOGUE)
    assert names.tables_for(CATALOGUE) is tables
    other = Catalogue.of([], [])
    assert names.tables_for(other) is not tables
    # An equal but distinct catalogue has tables of its own, kept in its own memo.
    fresh = Catalogue.of(CATALOGUE.instruments.values(), CATALOGUE.authorities.values())
    assert names.tables_for(fresh) is not tables


# --- partial reads -------------------------------------------------------------------------------

PARTIAL = [
    # (citation string, provisions read, parts left unread)
    ("CSL 21", [("csl", None, None, None)], ("21",)),
    ("Chapter 4 of the CSL", [("csl", None, None, None)], ("4",)),
    ("the first paragraph of the CSL", [("csl", None, None, None)], ("paragraph",)),
    ("Cybersecurity Law 2016", [("csl", None, None, None)], ("2016",)),
    ("网络安全法二十一条", [("csl", None, None, None)], ("二十一条",)),
    ("《网络安全法》第十十条", [("csl", None, None, None)], ("十十",)),
    ("《网络安全法》第二十一条之一", [("csl", None, None, None)], ("第二十一条之一",)),
    ("《网络安全法》第二十一条、第二十二条之一", [("csl", 21, None, None)], ("第二十二条之一",)),
    ("Article 0 of the CSL", [("csl", None, None, None)], ("Article 0",)),
    ("paragraph 0 of Article 24 of the CSL", [("csl", 24, None, None)], ("0",)),
    # a range between different levels names no run of provisions
    ("Article 21(3) to 22 of the CSL", [("csl", 21, None, 3), ("csl", 22, None, None)], ("to 22",)),
    (
        "《网络安全法》第二十一条第一款至第二十二条第一款",
        [("csl", 21, 1, None), ("csl", 22, 1, None)],
        ("至第二十二条",),
    ),
    ("Article 123456789 of the CSL", [("csl", None, None, None)], ("Article 123456789",)),
    ("Articles 24 and 0 of the CSL", [("csl", 24, None, None)], ("0",)),
    ("《网络安全法》第十一条至第九条", [("csl", 11, None, None), ("csl", 9, None, None)], ("至第九条",)),
    ("Articles 11 to 9 of the CSL", [("csl", 11, None, None), ("csl", 9, None, None)], ("to 9",)),
    ("Article 21 of the CSL, see 5", [("csl", 21, None, None)], ("5",)),
]


@pytest.mark.parametrize(("text", "expected", "unread"), PARTIAL, ids=[text for text, _, _ in PARTIAL])
def test_partial_reads_are_reported(text: str, expected: list[Key], unread: tuple[str, ...]) -> None:
    matches = find(text, catalogue=CATALOGUE, whole=True)
    assert keys(tuple(m.provision for m in matches)) == expected
    assert {m.unread for m in matches} == {unread}
    assert all(m.partial for m in matches)
    assert keys(parse(text, catalogue=CATALOGUE)) == expected
    with pytest.raises(CitationError, match=f"cannot read {unread[0]!r}"):
        parse(text, catalogue=CATALOGUE, strict=True)


def test_free_text_is_not_a_citation_string() -> None:
    # Only a string that is one citation must be read whole: in free text, numbers are just text.
    (match,) = find("the CSL 21 days later", catalogue=CATALOGUE)
    assert not match.partial
    (match,) = find("the CSL 21 days later", catalogue=CATALOGUE, whole=True)
    assert match.unread == ("21",)


def test_a_list_shares_what_it_left_unread() -> None:
    first, second = find("Articles 24, 0 and 48 of the CSL", catalogue=CATALOGUE)
    assert (first.provision.article, second.provision.article) == (24, 48)
    assert first.unread is second.unread
    assert first.unread == ("0",)


# --- limits --------------------------------------------------------------------------------------


def test_a_range_names_at_most_max_provisions() -> None:
    matches = find("Articles 1 to 99999999 of the CSL", catalogue=CATALOGUE)
    assert [m.provision.article for m in matches] == list(range(1, MAX_PROVISIONS + 1))
    assert {m.unread for m in matches} == {("to 99999999",)}
    with pytest.raises(CitationError, match=f"at most {MAX_PROVISIONS} provisions"):
        parse("Articles 1 to 99999999 of the CSL", catalogue=CATALOGUE, strict=True)


def test_a_list_names_at_most_max_provisions() -> None:
    text = "《网络安全法》" + "第一条、" * MAX_PROVISIONS + "第二条"
    matches = find(text, catalogue=CATALOGUE)
    assert len(matches) == MAX_PROVISIONS
    assert {m.unread for m in matches} == {("第二条",)}
    with pytest.raises(CitationError, match=f"at most {MAX_PROVISIONS} provisions"):
        find(text, catalogue=CATALOGUE, strict=True)


def test_the_ranges_of_a_text_expand_to_at_most_one_provision_per_character() -> None:
    text = "《网络安全法》第1至999条。" * 20
    matches = find(text, catalogue=CATALOGUE)
    assert len(matches) <= MAX_PROVISIONS + 2 * 20  # the ends of each range are written in the text
    assert not matches[0].partial
    assert matches[-1].unread == ("至999条",)


def test_a_huge_number_is_unread_not_an_error() -> None:
    (match,) = find("Article " + "9" * 5000 + " of the CSL", catalogue=CATALOGUE)
    assert match.provision == Provision(instrument="csl")
    assert match.partial
    (match,) = find("《网络安全法》第" + "九" * 5000 + "条", catalogue=CATALOGUE)
    assert match.partial


# --- linear time, bounded memory -----------------------------------------------------------------
# A scan of n characters of each adversarial text and one of 8n: a linear scan takes about 8 times
# as long, a quadratic one about 64 times. (An earlier version took 231 s on a megabyte of the
# first text, and 40 s on 8,000 characters of the long blanks.)

SIZE = 1_000_000 if THOROUGH else 100_000
"""Characters of each adversarial input (a megabyte with HYPOTHESIS_PROFILE=thorough)."""


def _seconds(text: str, *, rounds: int) -> float:
    """The best of *rounds* timings of find() over *text*."""
    best = math.inf
    for _ in range(rounds):
        start = time.perf_counter()
        find(text, catalogue=CATALOGUE)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("make", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_scanning_is_linear(make: Callable[[int], str]) -> None:
    # Best of three on each side, and a bound halfway between linear (8x) and quadratic (64x)
    # with room for a busy machine: the other core's work must not fail a linear scan.
    small, large = _seconds(make(SIZE // 8), rounds=3), _seconds(make(SIZE), rounds=3)
    assert large < 32 * small + 0.25, f"{small:.3f}s at {SIZE // 8} characters, {large:.3f}s at {SIZE}"
    assert large < (30 if THOROUGH else 10)  # a megabyte may hold 170,000 citations


@pytest.mark.parametrize("make", LONG_LISTS.values(), ids=LONG_LISTS.keys())
def test_a_long_list_takes_little_memory(make: Callable[[int], str]) -> None:
    text = make(SIZE)  # SIZE bytes of UTF-8: an earlier version took 553 MB for 100 KB of the first
    tracemalloc.start()
    try:
        matches = find(text, catalogue=CATALOGUE)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(matches) == MAX_PROVISIONS
    assert peak < 20 * len(text) + 2_000_000, f"{peak / 1e6:.1f} MB"


# --- the corpus of real citations ----------------------------------------------------------------


def _corpus() -> list[dict[str, Any]]:
    with CORPUS.open("rb") as file:
        entries: list[dict[str, Any]] = tomllib.load(file)["citation"]
    return entries


def _expected_matches(entry: dict[str, Any]) -> bool:
    found = find(entry["text"], catalogue=CATALOGUE, at=entry.get("at"))
    if len(found) != len(entry["expected"]):
        return False
    for match, expected in zip(found, entry["expected"], strict=True):
        provision = match.provision
        unresolved_title = provision.title if provision.instrument is None else None
        actual = (provision.instrument, unresolved_title, provision.article, provision.paragraph, provision.item)
        wanted = tuple(expected.get(field) for field in ("instrument", "title", "article", "paragraph", "item"))
        if actual != wanted or ("version" in expected and provision.version != expected["version"]):
            return False
    return True


def test_corpus_is_real_and_large_enough() -> None:
    entries = _corpus()
    assert len(entries) >= 130
    for entry in entries:
        assert entry["text"].strip()
        assert entry["source"].strip()
        assert set(entry) <= {"text", "source", "expected", "at"}


def test_corpus_accuracy(capsys: pytest.CaptureFixture[str]) -> None:
    entries = _corpus()
    failures = [entry["text"] for entry in entries if not _expected_matches(entry)]
    accuracy = 1 - len(failures) / len(entries)
    with capsys.disabled():
        print(f"\ncitation corpus: {len(entries) - len(failures)}/{len(entries)} exactly right ({accuracy:.1%})")
        for text in failures:
            print(f"  wrong: {text}")
    assert accuracy >= 0.98
