"""Aligned text tables for terminals: widths of Chinese text, fitting a width, colour.

Every cell passes through :func:`cnenforce.terminal.clean` first, so nothing in the data can act
on the terminal. Widths are *display* widths: a Chinese character takes two columns, a
combining mark none (:func:`display_width`), so columns of mixed English and Chinese line up.

>>> print(render([Column("ID"), Column("CASES", align="right")], [["csl", "12"], ["网安法", "3"]]))
ID      CASES
csl        12
网安法      3
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from typing import Final, Literal, TextIO

import attrs

from cnenforce.terminal import clean

__all__ = [
    "ELLIPSIS",
    "Column",
    "Table",
    "colour_wanted",
    "display_width",
    "fit",
    "layout",
    "render",
    "shorten",
    "width_for",
]

ELLIPSIS: Final = "…"
"""Marks a cell cut to fit its column."""
GAP: Final = 2
"""Spaces between columns."""
_BOLD: Final = "\x1b[1m"
_RESET: Final = "\x1b[0m"


@attrs.frozen
class Column:
    """One column: its heading, alignment, and whether it may be cut to fit a width."""

    title: str
    align: Literal["left", "right"] = "left"
    cut: bool = True
    """Whether cells may be shortened (with :data:`ELLIPSIS`) when the table is too wide.
    Columns that must stay whole (dates, amounts, counts) say ``False``."""
    minimum: int = 8
    """The narrowest this column is cut to."""
    drop: int = 0
    """When the table cannot fit even with every column cut to its minimum, columns are left
    out, highest ``drop`` first; ``0`` (the default) is never left out."""


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns *text* takes on a terminal.

    >>> display_width("Tencent"), display_width("腾讯"), display_width("e\\u0301")
    (7, 4, 1)
    """
    if text.isascii():
        return len(text)
    return sum(_char_width(char) for char in text)


def shorten(text: str, width: int) -> str:
    """*text* cut to at most *width* columns, ending with :data:`ELLIPSIS` when cut.

    >>> shorten("Beijing Municipal Cyberspace Administration", 12), shorten("北京市网信办", 7)
    ('Beijing Mun…', '北京市…')
    """
    if display_width(text) <= width:
        return text
    if width <= 0:
        return ""
    kept: list[str] = []
    used = 0
    for char in text:
        size = _char_width(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept).rstrip() + ELLIPSIS


def fit(natural: Sequence[int], columns: Sequence[Column], width: int | None) -> list[int]:
    """Column widths no wider than *natural* that fit in *width* (``None``: any width).

    Columns that may be cut give up space, widest first, down to their minimum (or their
    heading, if wider); columns that may not keep their natural width. A table that cannot fit
    even so is as narrow as it can be.
    """
    widths = list(natural)
    if width is None:
        return widths
    budget = width - GAP * (len(widths) - 1)
    if sum(widths) <= budget:
        return widths
    floors = [_floor(natural[i], column) for i, column in enumerate(columns)]

    def total(cap: int) -> int:
        return sum(max(floor, min(size, cap)) for size, floor in zip(natural, floors, strict=True))

    low, high = 0, max(natural, default=0)
    while low < high:  # the widest cap for the cuttable columns that still fits
        middle = (low + high + 1) // 2
        if total(middle) <= budget:
            low = middle
        else:
            high = middle - 1
    return [
        size if not column.cut else max(floor, min(size, low))
        for size, floor, column in zip(natural, floors, columns, strict=True)
    ]


@attrs.frozen
class Table:
    """A table laid out for a width: its text, and the headings of the columns left out."""

    text: str
    """One line per row after a heading line, without a final newline."""
    left_out: tuple[str, ...] = ()
    """Headings of the columns left out to fit the width (see :attr:`Column.drop`)."""


def _floor(natural: int, column: Column) -> int:
    return natural if not column.cut else min(natural, max(column.minimum, display_width(column.title)))


def _kept(natural: Sequence[int], columns: Sequence[Column], width: int | None) -> list[int]:
    """Positions of the columns to show: all, or without the most droppable ones, one at a
    time, until the rest fit *width* at their minimum widths (or nothing more may go)."""
    kept = list(range(len(columns)))
    if width is None:
        return kept

    def narrowest(positions: list[int]) -> int:
        floors = sum(_floor(natural[i], columns[i]) for i in positions)
        return floors + GAP * (len(positions) - 1)

    while narrowest(kept) > width:
        droppable = [i for i in kept if columns[i].drop > 0]
        if not droppable:
            break
        kept.remove(max(droppable, key=lambda i: (columns[i].drop, i)))
    return kept


def layout(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], *, width: int | None = None, colour: bool = False
) -> Table:
    """The table laid out for *width* (``None``: any width).

    Cells are escaped (:func:`~cnenforce.terminal.clean`), cut to fit *width* where their
    column allows, and padded to line up; the last column is not padded. Where the table cannot
    fit even with every column cut to its minimum, the columns that may be dropped are left out,
    the most droppable first, and named in :attr:`Table.left_out`. With *colour* the heading is
    bold.

    >>> columns = [Column("ID", cut=False), Column("NOTE", drop=1)]
    >>> table = layout(columns, [["2017-one", "a note much too long to fit"]], width=12)
    >>> print(table.text)
    ID
    2017-one
    >>> table.left_out
    ('NOTE',)
    """
    cells = [[clean(cell) for cell in row] for row in rows]
    natural = [
        max([display_width(column.title), *(display_width(row[i]) for row in cells)])
        for i, column in enumerate(columns)
    ]
    kept = _kept(natural, columns, width)
    shown = [columns[i] for i in kept]
    widths = fit([natural[i] for i in kept], shown, width)
    text = _lines(shown, [[row[i] for i in kept] for row in cells], widths, colour)
    return Table(text=text, left_out=tuple(column.title for i, column in enumerate(columns) if i not in kept))


def render(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], *, width: int | None = None, colour: bool = False
) -> str:
    """The text of :func:`layout`: one line per row after a heading line, no final newline."""
    return layout(columns, rows, width=width, colour=colour).text


def _lines(columns: Sequence[Column], cells: Sequence[Sequence[str]], widths: Sequence[int], colour: bool) -> str:
    titles = [column.title for column in columns]
    last = len(columns) - 1

    def line(values: Sequence[str]) -> str:
        parts = []
        for i, (value, column) in enumerate(zip(values, columns, strict=True)):
            text = shorten(value, widths[i])
            pad = " " * (widths[i] - display_width(text))
            if column.align == "right":
                parts.append(pad + text)
            else:
                parts.append(text if i == last else text + pad)
        return (" " * GAP).join(parts).rstrip()

    heading = line(titles)
    lines = [f"{_BOLD}{heading}{_RESET}" if colour else heading]
    lines.extend(line(row) for row in cells)
    return "\n".join(lines)


def colour_wanted(stream: TextIO) -> bool:
    """Whether to colour what is written to *stream*: only on a terminal, and never when the
    ``NO_COLOR`` environment variable is set to anything (https://no-color.org) or ``TERM`` is
    ``dumb``."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return _is_terminal(stream)


def width_for(stream: TextIO) -> int | None:
    """The width to fit a table in when writing to *stream*: the terminal's (``COLUMNS`` if set,
    else the terminal's own), or ``None`` (no limit) when *stream* is not a terminal: a file or
    a pipe gets every cell whole."""
    if not _is_terminal(stream):
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 80


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError, AttributeError):
        return False
