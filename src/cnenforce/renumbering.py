"""Reading a provision in another text of its instrument.

Amendments renumber articles: the 2025 amendment of the Cybersecurity Law inserted Articles 3,
20, 63 and 73, so the 2016 text's Article 59 is Article 61 today. Each
:class:`~cnenforce.model.InstrumentVersion` records how the preceding text's articles are
numbered in it (``renumbering``); :func:`renumber` follows those records across any number of
amendments, in either direction.
"""

from __future__ import annotations

from attrs import evolve

from cnenforce.catalogue import Catalogue
from cnenforce.model import Instrument, Provision

__all__ = ["renumber"]


def renumber(provision: Provision, version: str, *, catalogue: Catalogue) -> tuple[Provision, ...]:
    """The provisions of text *version* that correspond to *provision*.

    Returns one provision in the usual case, several where an article was split, and none
    where it has no counterpart (repealed, or inserted by a later amendment). Paragraph and
    item numbers are carried over unchanged. A provision with no article or no version, or
    already in *version*, comes back as it is (with *version*, if it has an article).

    >>> import cnenforce
    >>> catalogue = cnenforce.load().catalogue
    >>> renumber(Provision(instrument="csl", article=59, paragraph=1, version="2016"), "2025", catalogue=catalogue)
    (Provision(instrument='csl', article=61, paragraph=1, item=None, version='2025', title=None),)
    >>> article_71 = Provision(instrument="csl", article=71, version="2025")
    >>> [p.article for p in renumber(article_71, "2016", catalogue=catalogue)]
    [64, 66, 70]

    Raises ``ValueError`` for an instrument or version the catalogue does not know.
    """
    if provision.instrument is None or provision.article is None:
        return (provision,)
    instrument = catalogue.instrument(provision.instrument)
    if instrument is None:
        raise ValueError(f"unknown instrument {provision.instrument!r}")
    target = _index(instrument, version)
    if provision.version is None or provision.version == version:
        return (evolve(provision, version=version),)
    articles = [provision.article]
    source = _index(instrument, provision.version)
    step = 1 if target > source else -1
    for position in range(source, target, step):
        # Going forward, the renumbering lives on the next text; going back, on this one.
        runs = instrument.versions[position + 1 if step == 1 else position].renumbering
        found = (run.forward(a) if step == 1 else run.backward(a) for a in articles for run in runs)
        articles = sorted({article for article in found if article is not None})
    return tuple(evolve(provision, article=article, version=version) for article in articles)


def _index(instrument: Instrument, version: str) -> int:
    for position, text in enumerate(instrument.versions):
        if text.id == version:
            return position
    known = ", ".join(repr(text.id) for text in instrument.versions)
    raise ValueError(f"{instrument.id} has no version {version!r} (it has {known})")
