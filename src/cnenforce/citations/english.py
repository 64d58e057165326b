"""Reading an English article group: "Article 21(5)", "Arts. 9-11", "Article 24, Paragraphs 1 and 2".

Conventions, as in Chinese legal translation: "Article 21(5)" is item 5; "Article 22(1)(3)" and
"Art. 22.1(3)" are paragraph 1, item 3; after "Paragraphs 1" or "Items 1" (plural) a bare
number continues that level ("Article 24, Paragraphs 1 and 2").
"""

from __future__ import annotations

import itertools
import re
from typing import Literal

from cnenforce.citations.patterns import ORDINALS, patterns
from cnenforce.citations.refs import Reading, Ref

__all__ = ["read_english"]

_Level = Literal["article", "paragraph", "item"]


def read_english(text: str, start: int, end: int, reading: Reading) -> None:
    """Add the references of the English group ``text[start:end]`` (folded text) to *reading*."""
    found = patterns()
    prefix = found.en_prefix.match(text, start, end)
    prefix_para = prefix_item = None
    body = start
    if prefix is not None and prefix.end() > start:
        # "paragraph 1 of Article 24", "the first paragraph of Article 24"
        prefix_para = _prefix_number(prefix, "para", reading)
        prefix_item = _prefix_number(prefix, "item", reading)
        body = prefix.end()
    level: _Level = "article"
    separator: re.Match[str] | None = None  # the one before the chunk being read
    # Chunks lie between separators; read one at a time, so a long list is never copied whole.
    chunk_from = body
    for following in itertools.chain(found.en_chunks.finditer(text, body, end), [None]):
        if reading.full:
            return
        chunk_to = following.start() if following is not None else end
        level = _chunk(text, chunk_from, chunk_to, separator, reading, level, (prefix_para, prefix_item))
        if following is None:
            return
        separator, chunk_from = following, following.end()


def _chunk(
    text: str,
    start: int,
    end: int,
    separator: re.Match[str] | None,
    reading: Reading,
    level: _Level,
    prefix: tuple[int | None, int | None],
) -> _Level:
    """Read the list element ``text[start:end]``, after *separator*; return the level of bare numbers."""
    found = patterns()
    piece = text[start:end]
    chunk = piece.strip()
    if not chunk:
        return level
    chunk_start = start + len(piece) - len(piece.lstrip())
    chunk_end = chunk_start + len(chunk)
    if found.long_number.search(chunk):
        reading.skip(chunk_start, chunk_end, "a number larger than any article, paragraph or item")
        return level
    parsed = found.en_chunk.fullmatch(chunk)
    previous = reading.refs[-1] if reading.refs else None
    new, level = _reference(parsed, previous, level) if parsed is not None else (None, level)
    if new is None:
        reading.skip(chunk_start, chunk_end, "not an article, paragraph or item")
        return level
    if 0 in new:
        reading.skip(chunk_start, chunk_end, "0 is not a valid article, paragraph or item number")
        return level
    prefix_para, prefix_item = prefix
    if not reading.refs and (prefix_para or prefix_item):
        new = (new[0], prefix_para or new[1], prefix_item or new[2])
    if previous is not None and separator is not None and found.en_range.fullmatch(separator.group()):
        separator_start = separator.start() + len(separator.group()) - len(separator.group().lstrip())
        reading.add_range(previous, new, start=separator_start, end=chunk_end)
    reading.add(new, start=chunk_start)
    return level


def _prefix_number(prefix: re.Match[str], part: Literal["para", "item"], reading: Reading) -> int | None:
    """The paragraph or item a prefix names ("paragraph 1 of", "the first item of"), if any."""
    number = prefix.group(f"{part}_num")
    if number is not None:
        if len(number) > 8 or int(number) == 0:
            reading.skip(*prefix.span(f"{part}_num"), f"not a valid {'paragraph' if part == 'para' else 'item'}")
            return None
        return int(number)
    ordinal = prefix.group(f"{part}_ord")
    return ORDINALS[ordinal.lower()] if ordinal is not None else None


def _reference(parsed: re.Match[str], previous: Ref | None, level: _Level) -> tuple[Ref | None, _Level]:
    """One list element as (article, paragraph, item), and the level of bare numbers after it."""

    def number(name: str) -> int | None:
        value = parsed.group(name)
        return int(value) if value is not None else None

    para_word, item_word = parsed.group("para_word"), parsed.group("item_word")
    plural: _Level = "article"
    if para_word and para_word.lower().rstrip(".").endswith("s"):
        plural = "paragraph"
    if item_word and item_word.lower().endswith("s"):
        plural = "item"
    article = number("article")
    if article is not None:
        keyword = parsed.group()[:1].isalpha() or parsed.group().startswith("§")
        if previous is not None and not keyword and level == "paragraph":
            return (previous[0], article, None), level
        if previous is not None and not keyword and level == "item":
            return (previous[0], previous[1], article), level
        paragraph, item = number("dot_para"), number("dot_item")
        paren1, paren2 = number("paren1"), number("paren2")
        if paren2 is not None:
            paragraph, item = paren1, paren2
        elif paren1 is not None:
            item = paren1
        if para_word:
            paragraph, item = number("para"), number("para_item") or item
        if item_word:
            item = number("item")
        return (article, paragraph, item), plural
    if previous is None:
        return None, level
    if (paren := number("paren_only")) is not None:
        return (previous[0], previous[1], paren), level
    if para_word:
        return (previous[0], number("para"), number("para_item") or number("item")), plural
    if item_word:
        return (previous[0], previous[1], number("item")), plural
    return None, level
