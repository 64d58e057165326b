"""Reading a string that is one citation: a bare title counts, and nothing in it may go unread.

In free text a number near a name may be anything ("the CSL 21 days later"); in a string that
is meant to be one citation it was meant to be read. So :func:`note_unread` notes every number
and article word (:func:`~cnenforce.citations.patterns.patterns` ``.unread``) that no match
covers as unread on the match before it, or on the first match if none is before it.
"""

from __future__ import annotations

import bisect
import itertools

import attrs

from cnenforce.citations.folding import fold
from cnenforce.citations.match import CitationMatch
from cnenforce.citations.names import trim_en_title
from cnenforce.citations.patterns import patterns
from cnenforce.citations.refs import shorten
from cnenforce.errors import CitationError
from cnenforce.model import Provision
from cnenforce.text import text_problem

__all__ = ["bare_title_match", "note_unread"]

_QUOTED = 5
"""How many unread parts an error message quotes."""


def bare_title_match(text: str, *, strict: bool) -> CitationMatch | None:
    """*text* as a reference to a whole instrument, if it is nothing but an (unknown) title."""
    found = patterns()
    stripped = text.strip()
    start = len(text) - len(text.lstrip())
    title = None
    if found.zh_title_whole.fullmatch(fold(stripped)):
        title = stripped
    else:
        candidate = found.leading_the.sub("", stripped)
        if (
            found.en_title.fullmatch(fold(candidate))
            and found.en_title_kind.search(candidate)
            and trim_en_title(candidate) == candidate
        ):
            title, start = candidate, start + len(stripped) - len(candidate)
    if title is None or text_problem(title) is not None:
        return None
    if strict:
        raise CitationError(f"unknown instrument {title!r}")
    return CitationMatch(
        provision=Provision(title=title), text=title, start=start, end=start + len(title), instrument_text=title
    )


def note_unread(original: str, folded: str, matches: list[CitationMatch], *, strict: bool) -> list[CitationMatch]:
    """*matches* (ordered by span), with each number or article word outside them noted as unread."""
    if not matches:
        return matches
    starts = [match.start for match in matches]
    reach = list(itertools.accumulate((match.end for match in matches), max))
    unread: dict[int, list[str]] = {}  # index of the match that takes them -> unread parts
    for token in patterns().unread.finditer(folded):
        index = bisect.bisect_right(starts, token.start()) - 1
        if index >= 0 and reach[index] >= token.end():
            continue
        unread.setdefault(max(index, 0), []).append(original[token.start() : token.end()])
    if not unread:
        return matches
    if strict:
        parts = [part for index in sorted(unread) for part in unread[index]]
        quoted = ", ".join(repr(shorten(part)) for part in parts[:_QUOTED]) + (" …" if len(parts) > _QUOTED else "")
        raise CitationError(f"cannot read {quoted} in {shorten(original)!r}: part of no citation")
    result = list(matches)
    for index, parts in unread.items():
        _note(result, index, tuple(parts))
    return result


def _note(matches: list[CitationMatch], index: int, parts: tuple[str, ...]) -> None:
    """Add *parts* to the match at *index* and to the matches of the same list (same span)."""
    span = matches[index].span()
    # One new tuple per list, however long the list; each entry keeps its key alive, so no id is reused.
    combined: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    while index >= 0 and matches[index].span() == span:
        match = matches[index]
        entry = combined.get(id(match.unread))
        if entry is None:
            entry = combined[id(match.unread)] = (match.unread, match.unread + parts)
        matches[index] = attrs.evolve(match, unread=entry[1])
        index -= 1
