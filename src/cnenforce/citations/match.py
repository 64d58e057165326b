"""What reading a citation returns: :class:`CitationMatch`, and the limit on what one may name."""

from __future__ import annotations

from typing import Final

import attrs

from cnenforce.model import Provision

__all__ = ["MAX_PROVISIONS", "CitationMatch"]

MAX_PROVISIONS: Final = 1000
"""The most provisions one citation (one list or range) is read as.

"Articles 1 to 99999999" would otherwise be a hundred million provisions. Past the limit the rest
of the citation is left unread: the match is partial, or, with ``strict``, a
:class:`~cnenforce.errors.CitationError` is raised. Ranges in one text also expand to no more
provisions in all than the text has characters (or this limit, if the text is shorter), so the
result of :func:`~cnenforce.citations.find` stays proportional to its input.
"""


@attrs.frozen(kw_only=True)
class CitationMatch:
    """One provision cited in a text, with where the citation is and what of it was not read.

    ``text`` is the citation the provision was read from, as written, and ``start``/``end``
    index into the original input (``input[start:end] == text``). The provisions of one list
    ("Articles 24 and 48 of the CSL") share the list's span, its text and its ``unread`` parts.
    """

    provision: Provision
    text: str
    start: int
    end: int
    instrument_text: str | None = None
    """The instrument's name as written (where it was named, if carried over), e.g. ``"CSL"``."""
    unread: tuple[str, ...] = ()
    """The parts of the citation that could not be read, as written: a number that is not one
    (第十十条, "Article 0"), an inserted article (第二十一条之一), a range that cannot be expanded
    (backwards, across levels, or past :data:`MAX_PROVISIONS`), or, for a whole citation string
    (:func:`~cnenforce.citations.parse`), a number or article word no match covers."""

    @property
    def partial(self) -> bool:
        """Whether part of the citation could not be read (see ``unread``)."""
        return bool(self.unread)

    def span(self) -> tuple[int, int]:
        """``(start, end)`` of the citation in the input."""
        return (self.start, self.end)
