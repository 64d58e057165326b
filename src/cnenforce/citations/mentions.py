"""The instruments named so far in a text, indexed for the look-backs that tie references to them.

"this Law" and 本法 look back for the last legal instrument named on the same line; "the
Provisions", 该法 and 《办法》 for the last one of that kind. Scanning a text must stay linear
however many instruments it names, so each look-back reads an index, never the whole history:
lists per kind, and the positions of line breaks.
"""

from __future__ import annotations

import bisect

import attrs

from cnenforce.citations.names import Tables, zh_key
from cnenforce.citations.patterns import ZH_GENERIC_BOOKS, ZH_KINDS, patterns

__all__ = ["Mentions", "Named"]

_ZH_LOOKED_UP = (*ZH_KINDS, *sorted(ZH_GENERIC_BOOKS - set(ZH_KINDS)))
"""The Chinese kinds a reference may name: 本法, 该条例, and book titles such as 《意见》."""


@attrs.frozen(kw_only=True)
class Named:
    """An instrument as named in the text: resolved to an id, or unresolved with its title."""

    instrument: str | None
    title: str | None
    text: str
    start: int
    end: int
    edition: str | None = None
    """A year named with it, e.g. 《网络安全法》（2016年…通过）."""
    legal: bool = True
    """Whether it can stand alone as a citation (a 《book》 that is not a legal title cannot)."""

    def named_again(self, text: str, start: int, end: int, *, legal: bool | None = None) -> Named:
        """The same instrument, named again at *start*-*end* as *text* (本法, "this Law", 该法)."""
        # Not attrs.evolve, which costs several times as much, once per citation of a long text.
        return Named(
            instrument=self.instrument,
            title=self.title,
            text=text,
            start=start,
            end=end,
            edition=self.edition,
            legal=self.legal if legal is None else legal,
        )


class Mentions:
    """Every instrument named in one text so far, in the order the scanner met them."""

    def __init__(self, text: str, tables: Tables) -> None:
        self._tables = tables
        self._legal: list[Named] = []
        self._by_en_kind: dict[str, list[Named]] = {}
        self._by_zh_kind: dict[str, list[Named]] = {}
        self._breaks = [found.start() for found in patterns().line_break.finditer(text)]
        self._kinds_of_titles: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def add(self, named: Named) -> None:
        """Remember *named*, under each kind of instrument it is."""
        for kind in self.en_kinds(named):
            self._by_en_kind.setdefault(kind, []).append(named)
        if named.legal:
            self._legal.append(named)
            for kind in self.zh_kinds(named):
                self._by_zh_kind.setdefault(kind, []).append(named)

    def en_kinds(self, named: Named) -> frozenset[str]:
        """The English kind words of *named* ("law", "measures")."""
        if named.instrument is not None:
            return self._tables.en_kinds[named.instrument]
        return self._title_kinds(named.title or "")[0]

    def zh_kinds(self, named: Named) -> frozenset[str]:
        """The Chinese kinds *named* ends with (法, 办法)."""
        if named.instrument is not None:
            return self._tables.zh_kinds[named.instrument]
        return self._title_kinds(named.title or "")[1]

    def _title_kinds(self, title: str) -> tuple[frozenset[str], frozenset[str]]:
        # Texts repeat their unresolved titles (本法, 《刑法》): work each out once.
        kinds = self._kinds_of_titles.get(title)
        if kinds is None:
            key = zh_key(title)
            kinds = self._kinds_of_titles[title] = (
                frozenset(word.lower() for word in patterns().en_kind_words.findall(title)),
                frozenset(kind for kind in _ZH_LOOKED_UP if key.endswith(kind)),
            )
        return kinds

    # Each look-back below walks back only past instruments named after *before*, which lie in
    # the few characters the scanner looks behind a reference: constant work per call.

    def last_of_en_kind(self, kind: str, before: int) -> Named | None:
        """The last instrument of English *kind* named before position *before* ("the Provisions")."""
        for named in reversed(self._by_en_kind.get(kind, ())):
            if named.start < before:
                return named
        return None

    def last_of_zh_kind(self, kind: str, before: int) -> Named | None:
        """The last legal instrument of Chinese *kind* named before position *before* (该法, 《办法》)."""
        for named in reversed(self._by_zh_kind.get(kind, ())):
            if named.start < before:
                return named
        return None

    def antecedent(self, start: int) -> Named | None:
        """The legal instrument named last before *start*, if it is on the same line."""
        for named in reversed(self._legal):
            if named.end <= start:
                return named if named.end >= self.line_start(start) else None
        return None

    def line_start(self, position: int) -> int:
        """Where the line holding *position* starts (just after a line break, or 0)."""
        index = bisect.bisect_left(self._breaks, position)
        return self._breaks[index - 1] + 1 if index else 0
