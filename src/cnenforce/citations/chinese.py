"""Reading a Chinese article group: 第二十一条第（五）项, 第四十七条、第四十八条, 第九条至第十一条.

Numbers may be Chinese numerals or digits (第２１条). A 款 or 项 after an article narrows it
(第二十四条第一款 is one provision, not two); 之一 marks an inserted article, which a provision
cannot represent.
"""

from __future__ import annotations

from typing import Final

from cnenforce.citations.patterns import patterns
from cnenforce.citations.refs import Reading, Ref
from cnenforce.numerals import MAX, to_int

__all__ = ["read_chinese"]

_LONGEST_NUMBER: Final = 16
"""No well-formed number up to :data:`~cnenforce.numerals.MAX` is longer (九千九百九十九万零…)."""


def read_chinese(text: str, start: int, end: int, reading: Reading) -> None:
    """Add the references of the Chinese group ``text[start:end]`` (folded text) to *reading*."""
    found = patterns()
    current: Ref | None = None  # the last reference read; None after one that could not be
    ranging: int | None = None  # where an open range (至, -) starts
    for element in found.zh_element.finditer(text, start, end):
        if reading.full:
            return
        if element.group("range") is not None:
            ranging = element.start() if reading.refs and current is not None else None
            continue
        if element.group("num") is not None:
            unit, (numbers_start, numbers_end) = element.group("unit"), element.span("num")
        else:
            unit, (numbers_start, numbers_end) = element.group("paren_unit") or "项", element.span("paren")
        if unit == "条" and element.group("sub"):
            reading.inserted = True
            reading.skip(*element.span(), "an inserted article (条之一) has no provision of its own")
            current, ranging = None, None
            continue
        for piece in found.zh_numbers.finditer(text, numbers_start, numbers_end):
            if reading.full:
                return
            if piece.group("range") is not None:
                ranging = piece.start() if current is not None else None
                continue
            number = _number(text, *piece.span(), reading)
            # A range from an earlier element (第九条至第十一条) ends with this element.
            end_of_range = element.end() if ranging is not None and ranging < numbers_start else piece.end()
            written_from = element.start() if piece.start() == numbers_start else piece.start()
            current = _step(reading, current, unit, number, ranging, written_from, end_of_range)
            ranging = None


def _number(text: str, start: int, end: int, reading: Reading) -> int | None:
    """The number written at ``text[start:end]``, or ``None`` (noted as unread) if it is not one."""
    if end - start > _LONGEST_NUMBER:
        reading.skip(start, end, "too long to be an article, paragraph or item number")
        return None
    try:
        value = to_int(text[start:end])
    except ValueError as error:
        reading.skip(start, end, str(error))
        return None
    if not 1 <= value <= MAX:
        reading.skip(start, end, f"{value} is not a valid article, paragraph or item number")
        return None
    return value


def _step(
    reading: Reading, current: Ref | None, unit: str, number: int | None, ranging: int | None, start: int, end: int
) -> Ref | None:
    """Add one 条/款/项 *number* written from *start*; return the new current reference.

    A range to the number ends at *end*.
    """
    if number is None:
        return None if unit == "条" else current
    if unit == "条":
        new: Ref = (number, None, None)
    elif current is None:
        reading.skip(start, end, "a paragraph or item of an article that could not be read")
        return None
    elif unit == "款":
        new = (current[0], number, None)
        if current[1:] == (None, None) and ranging is None:
            reading.narrow(current)  # 第二十四条第一款 narrows 第二十四条
    else:
        new = (current[0], current[1], number)
        if current[2] is None and ranging is None:
            reading.narrow(current)
    if ranging is not None and reading.refs:
        reading.add_range(reading.refs[-1], new, start=ranging, end=end)
    reading.add(new, start=start)
    return new
