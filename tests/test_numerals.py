"""Chinese numerals: reading every form in use, writing the standard one, rejecting junk."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnenforce.numerals import MAX, to_chinese, to_int

READ = [
    ("零", 0),
    ("〇", 0),
    ("一", 1),
    ("两", 2),
    ("十", 10),
    ("一十", 10),
    ("十一", 11),
    ("二十", 20),
    ("二十一", 21),
    ("九十九", 99),
    ("一百", 100),
    ("一百零一", 101),
    ("一百一十", 110),
    ("一百一十一", 111),
    ("两百", 200),
    ("二百八十五", 285),
    ("三百", 300),
    ("一千", 1000),
    ("一千零一", 1001),
    ("一千零一十", 1010),
    ("一千一百", 1100),
    ("九千九百九十九", 9999),
    ("一万", 10_000),
    ("一万零一", 10_001),
    ("十万", 100_000),
    ("二〇二五", 2025),
    ("一零一", 101),
    ("二十壹", 21),
    ("壹佰零壹", 101),
    ("陸拾", 60),
    ("21", 21),
    ("２１", 21),
    ("１０１", 101),
    ("3万", 30_000),
    (" 二十一 ", 21),
]


@pytest.mark.parametrize(("text", "number"), READ, ids=[text.strip() for text, _ in READ])
def test_reads(text: str, number: int) -> None:
    assert to_int(text) == number


JUNK = [
    "",
    "  ",
    "十十",
    "百",
    "一百一",
    "一百十",
    "一千一十",
    "一百零十",
    "零一",
    "二十零",
    "万",
    "一万一",
    "五a",
    "第五",
    "1.5",
]


@pytest.mark.parametrize("text", JUNK, ids=[repr(text) for text in JUNK])
def test_rejects_junk(text: str) -> None:
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        to_int(text)


def test_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        to_int(21)  # type: ignore[arg-type]


WRITE = [
    (0, "零"),
    (10, "十"),
    (11, "十一"),
    (20, "二十"),
    (101, "一百零一"),
    (110, "一百一十"),
    (10_010, "一万零一十"),
]


@pytest.mark.parametrize(("number", "text"), WRITE, ids=[str(number) for number, _ in WRITE])
def test_writes_standard_form(number: int, text: str) -> None:
    assert to_chinese(number) == text


@pytest.mark.parametrize("number", [-1, MAX + 1, True, 2.0])
def test_write_rejects_out_of_range(number: object) -> None:
    with pytest.raises(ValueError, match="whole numbers"):
        to_chinese(number)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=MAX))
def test_int_to_chinese_to_int(number: int) -> None:
    assert to_int(to_chinese(number)) == number


@given(st.integers(min_value=1, max_value=9999))
def test_written_form_uses_only_standard_characters(number: int) -> None:
    assert set(to_chinese(number)) <= set("零一二三四五六七八九十百千")
