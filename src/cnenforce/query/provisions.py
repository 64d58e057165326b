"""Reading the provisions a query asks for, once per query.

A wanted provision is turned into a :class:`Wanted`: the instrument it belongs to, the article,
paragraph and item asked for, and, when it is read in a particular text of its instrument,
the article numbers that correspond to it in *every* text of that instrument (the renumbering
is resolved here, once, and never per case).

The rules (also in :func:`cnenforce.query.select`):

- **No text named: the article as each case cites it.** ``Provision(instrument="csl",
  article=21)`` and "Article 21 of the Cybersecurity Law" match every case citing Article 21
  of the law, in whichever text the case cites (the 2016 text's Article 21, and the 2025 text's
  Article 21, which is a different article). This is how a notice is read: by its own numbers.
- **A text named: that article, renumbered into each case's text.** "Article 21 of the
  Cybersecurity Law (2016)" or a ``Provision`` with ``version="2016"`` is the 2016 text's
  Article 21, so it matches cases citing the 2016 text's Article 21 and cases citing the 2025
  text's Article 23, its number there. A case whose citation gives no text is matched by the
  number as written.
- **current_numbering=True reads a provision without a text in the current text**, then as
  above: "Article 23 of the Cybersecurity Law" then finds the cases citing the 2016 text's
  Article 21 too.
- Paragraph and item narrow the match (Article 21 matches Article 21(5); Article 21(5) does
  not match Article 21 alone); a whole instrument ("the Cybersecurity Law") matches every case
  citing any part of it, in any text.

A citation string must be read *whole*: a string in which no instrument is recognised (or one
outside the catalogue that no case cites), or a number is left unread ("CSL 21": the 21 is not
part of any citation the parser finds), raises :class:`~cnenforce.errors.QueryError` rather
than quietly matching every case of the instrument. The check is that every run of digits, and
every Chinese numeral next to 第, 条, 款 or 项 or in brackets, lies inside a citation the parser
returned (and that none is flagged ``partial``, where the parser flags partial readings).
"""

# No ``from __future__ import annotations`` here: with it, every field annotation of a
# NamedTuple or TypedDict is compiled at import (as a ForwardRef), which cost a fresh process
# more than the rest of the module.

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Any, Final, NamedTuple

import attrs

from cnenforce.dataset import Dataset
from cnenforce.errors import CitationError, QueryError
from cnenforce.model import Provision
from cnenforce.numerals import NUMERAL_CHARACTERS
from cnenforce.query import names
from cnenforce.renumbering import renumber

__all__ = ["Wanted", "wanted"]

_NUMERALS: Final = f"[{NUMERAL_CHARACTERS}]+"
_NUMBER: Final = re.compile(rf"\d+|(?<=第){_NUMERALS}|{_NUMERALS}(?=[条條款项項])|(?<=[（(]){_NUMERALS}(?=[）)])")
"""Numbers a provision string may hold: digit runs, and Chinese numerals where they number an
article, paragraph or item."""


class Wanted(NamedTuple):
    """One provision a query asks for, resolved against the dataset's catalogue."""

    key: str
    """The instrument (see :func:`~cnenforce.query.indexes.instrument_key`)."""
    article: int | None = None
    """``None`` for the whole instrument."""
    paragraph: int | None = None
    item: int | None = None
    counterparts: tuple[tuple[str, frozenset[int]], ...] | None = None
    """``None``: the article number as each case cites it. Otherwise, for each text (version
    id) of the instrument, the article numbers in that text that correspond to the wanted
    article."""

    def covers(self, version: str | None, article: int | None, paragraph: int | None, item: int | None) -> bool:
        """Whether a citation of this instrument, in text *version*, of *article*,
        *paragraph*, *item*, is the wanted provision or a part of it."""
        if self.article is None:
            return True
        if article is None:
            return False
        if (self.paragraph is not None and paragraph != self.paragraph) or (
            self.item is not None and item != self.item
        ):
            return False
        if self.counterparts is None or version is None:
            return article == self.article
        return any(article in numbers for text, numbers in self.counterparts if text == version)

    def articles(self) -> frozenset[int]:
        """Every article number a citation it covers can have (in any text)."""
        found = {self.article} if self.article is not None else set()
        for _, numbers in self.counterparts or ():
            found.update(numbers)
        return frozenset(found)


def wanted(dataset: Dataset, value: object, *, current_numbering: bool) -> tuple[Wanted, ...]:
    """The provisions *value* (a :class:`~cnenforce.model.Provision` or a citation string)
    asks for; :class:`~cnenforce.errors.QueryError` if it cannot be read whole."""
    if isinstance(value, Provision):
        return tuple(_resolve(dataset, value, value, current_numbering=current_numbering, named=True))
    if isinstance(value, str) and value.strip():
        return _read(dataset, value, current_numbering=current_numbering)
    raise QueryError("provision", value, f"expected a Provision or a citation string, got {value!r}")


def _keys(dataset: Dataset, provision: Provision, given: object) -> frozenset[str]:
    table = names.instruments(dataset)
    if provision.instrument is not None:
        if provision.instrument in dataset.catalogue.instruments or table.lookup(provision.instrument):
            return frozenset({provision.instrument})
        raise QueryError(
            "provision",
            given,
            f"unknown instrument {provision.instrument!r} in {given!r}",
            table.suggest(provision.instrument),
        )
    title = provision.title or ""
    found = frozenset(str(key) for key in table.lookup(title))
    if not found:
        raise QueryError(
            "provision",
            given,
            f"no recognisable instrument in {given!r}: {title!r} is not in the catalogue and no case cites it",
            table.suggest(title),
        )
    return found


def _resolve(
    dataset: Dataset, provision: Provision, given: object, *, current_numbering: bool, named: bool
) -> Iterator[Wanted]:
    """*named*: whether the provision's ``version`` was chosen by the asker (not defaulted)."""
    for key in _keys(dataset, provision, given):
        instrument = dataset.catalogue.instruments.get(key)
        version = provision.version if named else None
        counterparts = None
        if instrument is not None and provision.article is not None:
            if version is not None and instrument.version(version) is None:
                known = ", ".join(repr(text.id) for text in instrument.versions)
                raise QueryError("provision", given, f"{key} has no text {version!r} (it has {known}): {given!r}")
            if version is None and current_numbering and len(instrument.versions) > 1:
                version = instrument.current.id
            if version is not None:
                asked = attrs.evolve(provision, instrument=key, version=version)
                counterparts = tuple(
                    (
                        text.id,
                        frozenset(
                            p.article for p in renumber(asked, text.id, catalogue=dataset.catalogue) if p.article
                        ),
                    )
                    for text in instrument.versions
                )
        yield Wanted(
            key=key,
            article=provision.article,
            paragraph=provision.paragraph,
            item=provision.item,
            counterparts=counterparts,
        )


def _read(dataset: Dataset, text: str, *, current_numbering: bool) -> tuple[Wanted, ...]:
    # Imported here, on first use, for start-up time only (there is no cycle to dodge): the
    # citation parser is the largest import of the package, and a query that names no
    # provision string does not need it.
    import cnenforce.citations as citations

    catalogue = dataset.catalogue
    try:
        found = citations.find(text, catalogue=catalogue)
        # Read again at the earliest date: a text the string names comes back the same, a
        # defaulted one (the current text) does not.
        earliest = citations.find(text, catalogue=catalogue, at=dt.date.min)
    except CitationError as exc:
        raise QueryError("provision", text, f"cannot read {text!r}: {exc}") from None
    if not found:
        keys = names.instruments(dataset).lookup(text)
        if keys:  # a bare title, abbreviation or id: the whole instrument
            return tuple(Wanted(key=str(key)) for key in keys)
        raise QueryError(
            "provision",
            text,
            f"no provision found in {text!r} (write e.g. 'Article 21 of the Cybersecurity Law')",
            names.instruments(dataset).suggest(text),
        )
    _check_whole(text, found)
    aligned = len(found) == len(earliest)
    results: list[Wanted] = []
    for index, match in enumerate(found):
        provision = match.provision
        other = earliest[index].provision if aligned else None
        named = provision.version is not None and other is not None and other.version == provision.version
        results.extend(_resolve(dataset, provision, text, current_numbering=current_numbering, named=named))
    return tuple(dict.fromkeys(results))


def _check_whole(text: str, found: Iterable[Any]) -> None:
    spans = [(match.start, match.end) for match in found]
    if any(getattr(match, "partial", False) for match in found):
        raise QueryError("provision", text, f"{text!r} can be read only in part")
    for number in _NUMBER.finditer(text):
        if not any(start <= number.start() and number.end() <= end for start, end in spans):
            raise QueryError(
                "provision",
                text,
                f"{text!r} can be read only in part: {number.group()!r} is not part of any citation in it",
            )
