"""Read and write citations of Chinese legal provisions, in English and in Chinese.

Enforcement notices, law-firm commentary and statutes cite provisions in many ways:
"Article 21(5) of the Cybersecurity Law", "Arts. 9-11 of the PIPL", 《网络安全法》第二十一条第（五）项,
违反本法第二十一条、第二十五条规定. Three verbs cover them, each given the catalogue of instruments
to resolve names against:

- :func:`find` scans free text and returns every citation in it, each a :class:`CitationMatch`
  with the :class:`~cnenforce.model.Provision` it names and its span in the input;
- :func:`parse` returns the provisions one citation string names;
- :func:`cite` writes a provision back as a citation in English or Chinese.

>>> from cnenforce.model import Instrument, InstrumentVersion
>>> from cnenforce.catalogue import Catalogue
>>> from cnenforce.vocabulary import InstrumentKind
>>> csl = Instrument(id="csl", title_en="Cybersecurity Law of the People's Republic of China",
...     title_zh="中华人民共和国网络安全法", kind=InstrumentKind.LAW, short_title_en="Cybersecurity Law",
...     short_title_zh="网络安全法", abbreviations=("CSL",), versions=(InstrumentVersion(id="2016"),))
>>> catalogue = Catalogue.of([csl], [])
>>> [(p.instrument, p.article) for p in parse("Articles 24 and 48 of the CSL", catalogue=catalogue)]
[('csl', 24), ('csl', 48)]
>>> [match.text for match in find("违反《网络安全法》第二十一条第（五）项。", catalogue=catalogue)]
['《网络安全法》第二十一条第（五）项']
>>> cite(Provision(instrument="csl", article=21, item=5), "zh", catalogue=catalogue)
'《网络安全法》第二十一条第（五）项'

How an article is tied to its instrument, in order: the instrument named right after it
("Article 47 of the Cybersecurity Law"), or right before it (《网络安全法》第四十七条, "CSL Art. 47");
"this Law"/本法, which is the law last named earlier in the same paragraph (a notice quoting
"《网络安全法》第五十九条：……本法第二十一条……"), or else the text it appears in, kept unresolved with
the title 本法; "the Provisions"/该法/《办法》 (the last instrument of that kind named earlier); an
unknown title (kept unresolved with its title as written, never guessed; a foreign law such as
韩国《个人信息保护法》 too); otherwise the instrument last named earlier in the same paragraph
(line). An article with none of these is not a citation and is skipped. An instrument named with
no article is a reference to the whole instrument (``article=None``); so is a book title of a
legal kind (《刑法》), but not one that only names a kind (《办法》) or a non-legal work.

Partial reads: a number is never dropped without a trace. A match is *partial*
(:attr:`CitationMatch.partial`, with the parts as written in :attr:`CitationMatch.unread`) when
part of its citation could not be read: a number that is not one (第十十条, "Article 0", more
digits than any article has), an inserted article (第二十一条之一, which a provision cannot
represent: the match then names the whole instrument), a range that runs backwards or between
levels (第九条至第十一条第二款: its ends are kept), or a citation past the limits below. A string
given to :func:`parse` (or to :func:`find` with ``whole=True``) is one citation, so, in addition,
every digit, Chinese article number (第五, 二十一条, （五）) and article word (Article, Art., §,
Section, Paragraph, Item, Clause, Point) in it must lie inside a match: each one outside is
unread on the match before it (or the first match). "CSL 21" is thus the whole Cybersecurity Law,
partial, with ``unread == ("21",)``. With ``strict=True`` anything unread raises
:class:`~cnenforce.errors.CitationError` naming it instead:

>>> parse("CSL 21", catalogue=catalogue)
(Provision(instrument='csl', article=None, paragraph=None, item=None, version=None, title=None),)
>>> find("CSL 21", catalogue=catalogue, whole=True)[0].unread
('21',)
>>> parse("CSL 21", catalogue=catalogue, strict=True)
Traceback (most recent call last):
...
cnenforce.errors.CitationError: cannot read '21' in 'CSL 21': part of no citation

Limits: one citation (a list or range) names at most :data:`MAX_PROVISIONS` (1,000) provisions,
and the ranges of one text expand to no more provisions in all than the text has characters (or
1,000 for a shorter text); past a limit the rest of the citation is unread. Scanning is linear in
the length of the text, and its result proportional to it.

>>> matches = find("CSL Articles 1 to 99999999", catalogue=catalogue)
>>> len(matches), matches[-1].provision.article, matches[-1].unread
(1000, 1000, ('to 99999999',))

Known limits: unknown instruments are found only in 《》, before an article number, or as the
whole of a :func:`parse` string (a bare 行政处罚法 in a list is missed); "Article 21(5)" is read
as item 5, the convention of Chinese legal translation, even where an author meant paragraph 5.

Version rule: for an instrument with more than one text, an article-level provision gets the
version named in the text itself (《网络安全法》（2016年…通过）…, "Cybersecurity Law (2016)"), else the
``version`` argument, else the text in force on ``at`` (the oldest text if none was yet in force),
else the current text. Whole-instrument references and instruments with one text get ``None``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cnenforce.citations.folding import fold
from cnenforce.citations.match import MAX_PROVISIONS, CitationMatch
from cnenforce.citations.names import tables_for
from cnenforce.citations.scanner import scan
from cnenforce.citations.whole import bare_title_match, note_unread
from cnenforce.citations.writer import cite
from cnenforce.errors import CitationError
from cnenforce.model import Provision

if TYPE_CHECKING:  # only for annotations: the package needs no catalogue module at run time
    from cnenforce.catalogue import Catalogue

__all__ = ["MAX_PROVISIONS", "CitationError", "CitationMatch", "cite", "find", "parse"]


def find(
    text: str,
    *,
    catalogue: Catalogue,
    at: dt.date | None = None,
    version: str | None = None,
    strict: bool = False,
    whole: bool = False,
) -> tuple[CitationMatch, ...]:
    """Every citation in *text*, in order, with the provision it names and its span.

    Names are resolved against *catalogue*. *at* and *version* choose which text of a
    multi-version instrument article numbers refer to (see the version rule above). With
    *strict*, an instrument not in the catalogue, or anything left unread, raises
    :class:`~cnenforce.errors.CitationError`; otherwise unknown instruments come back unresolved
    (``instrument=None``) with their title as written, and matches read in part are
    :attr:`~CitationMatch.partial`. With *whole*, *text* is read as one citation, as
    :func:`parse` reads it: a bare title counts, and nothing in it may be left unread.

    >>> from cnenforce.catalogue import Catalogue
    >>> [(m.provision.title, m.provision.article, m.span()) for m in
    ...  find("依照《反垄断法》第五条处罚", catalogue=Catalogue.of([], []))]
    [('反垄断法', 5, (2, 11))]
    """
    if not isinstance(text, str):
        raise TypeError(f"expected text, got {type(text).__name__}")
    folded = fold(text)
    matches = scan(text, folded, tables_for(catalogue), at=at, version=version, strict=strict)
    if whole:
        if not matches and (bare := bare_title_match(text, strict=strict)) is not None:
            matches = [bare]
        matches = note_unread(text, folded, matches, strict=strict)
    return tuple(matches)


def parse(
    text: str,
    *,
    catalogue: Catalogue,
    at: dt.date | None = None,
    version: str | None = None,
    strict: bool = False,
) -> tuple[Provision, ...]:
    """The provisions one citation string names, in order.

    Accepts everything :func:`find` reads, and a bare title ("the Anti-Monopoly Law", 反垄断法)
    as a reference to a whole instrument. Raises :class:`~cnenforce.errors.CitationError` when
    the text names no provision, or, with *strict*, an instrument not in the catalogue or a part
    it cannot read. Without *strict*, the provisions read are returned even if part of the text
    was not read; ``find(text, whole=True)`` tells which (:attr:`CitationMatch.unread`).

    >>> from cnenforce.catalogue import Catalogue
    >>> parse("the Anti-Monopoly Law", catalogue=Catalogue.of([], []))
    (Provision(instrument=None, article=None, paragraph=None, item=None, version=None, title='Anti-Monopoly Law'),)
    """
    matches = find(text, catalogue=catalogue, at=at, version=version, strict=strict, whole=True)
    if not matches:
        raise CitationError(f"no citation found in {text!r}")
    return tuple(match.provision for match in matches)
