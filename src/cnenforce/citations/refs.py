"""Collecting the article references of one citation, within the limits, noting what is not read.

The English and Chinese readers both add references to a :class:`Reading`; it expands ranges
(第九条至第十一条), enforces :data:`~cnenforce.citations.match.MAX_PROVISIONS`, and records each
part of the citation it cannot read, so a number is never dropped without a trace.
"""

from __future__ import annotations

from typing import Final

import attrs

from cnenforce.citations.match import MAX_PROVISIONS
from cnenforce.errors import CitationError

__all__ = ["Budget", "Reading", "Ref", "shorten"]

Ref = tuple[int, int | None, int | None]
"""(article, paragraph, item) of one provision."""

_SHOWN: Final = 60
"""How much of an unread citation an error message quotes."""


def shorten(text: str) -> str:
    """*text*, cut to a length an error message can quote."""
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


@attrs.define
class Budget:
    """How many provisions the ranges of one text may still expand to."""

    remaining: int


@attrs.define
class Reading:
    """The references of one article group, in order, and the spans of it that were not read.

    ``end`` is where the group ends in the input: once the limit is reached, the rest of the
    group up to there is unread. With ``strict``, anything unread raises
    :class:`~cnenforce.errors.CitationError` at once.
    """

    original: str
    end: int
    budget: Budget
    strict: bool
    refs: list[Ref] = attrs.Factory(list)
    unread: list[tuple[int, int]] = attrs.Factory(list)
    inserted: bool = False
    """Whether the group cites an inserted article (第二十一条之一)."""
    full: bool = False
    """Whether the limit was reached: nothing more is read."""

    def skip(self, start: int, end: int, reason: str) -> None:
        """Note that ``original[start:end]`` could not be read, for *reason*."""
        if self.strict:
            written = shorten(self.original[start:end])
            raise CitationError(f"cannot read {written!r} (at {start}-{end}): {reason}")
        self.unread.append((start, end))

    def add(self, ref: Ref, *, start: int) -> None:
        """Add one reference, written at *start*, unless the limit is reached."""
        if self.full:
            return
        if len(self.refs) >= MAX_PROVISIONS:
            self._stop(start, f"one citation names at most {MAX_PROVISIONS} provisions")
            return
        self.refs.append(ref)

    def narrow(self, ref: Ref) -> None:
        """Drop *ref* if it is the last reference: a part of it follows (第二十四条第一款)."""
        if self.refs and self.refs[-1] == ref:
            self.refs.pop()

    def add_range(self, first: Ref, last: Ref, *, start: int, end: int) -> None:
        """Add the references strictly between *first* and *last*, a range written at *start*-*end*."""
        if self.full:
            return
        between = _between(first, last)
        if between is None:
            self.skip(start, end, "a range that runs backwards or between different levels")
            return
        slot, numbers = between
        citation_room = MAX_PROVISIONS - len(self.refs)
        room = min(citation_room, self.budget.remaining)
        taken = numbers[:room]
        self.refs.extend(_with(first, slot, number) for number in taken)
        self.budget.remaining -= len(taken)
        if len(taken) < len(numbers):
            if citation_room <= room:
                reason = f"one citation names at most {MAX_PROVISIONS} provisions"
            else:
                reason = "the ranges of one text expand to at most one provision per character of it"
            self._stop(start, reason)

    def _stop(self, start: int, reason: str) -> None:
        self.skip(start, self.end, reason)
        self.full = True


def _between(first: Ref, last: Ref) -> tuple[int, range] | None:
    """Which part of a range varies (0 article, 1 paragraph, 2 item) and the numbers between.

    ``None`` when the ends differ in more than that part (第九条至第十一条第二款) or run backwards.
    """
    (article, paragraph, item), (last_article, last_paragraph, last_item) = first, last
    if paragraph is None and item is None and last_paragraph is None and last_item is None:
        slot, low, high = 0, article, last_article
    elif article == last_article and item is None and last_item is None and paragraph and last_paragraph:
        slot, low, high = 1, paragraph, last_paragraph
    elif article == last_article and paragraph == last_paragraph and item and last_item:
        slot, low, high = 2, item, last_item
    else:
        return None
    if high < low:
        return None
    return slot, range(low + 1, high)


def _with(first: Ref, slot: int, number: int) -> Ref:
    """*first* with its article (slot 0), paragraph (1) or item (2) set to *number*."""
    if slot == 0:
        return (number, None, None)
    if slot == 1:
        return (first[0], number, None)
    return (first[0], first[1], number)
