"""One pass over a text: article groups and instrument names, tied together into citations.

The scan pattern finds, left to right, either an article group (Chinese or English) or an
instrument named. A name is remembered (:class:`~cnenforce.citations.mentions.Mentions`) and, until
an article claims it, pending; an article group is tied to its instrument by the rule in the
package documentation, read (:mod:`~cnenforce.citations.chinese`,
:mod:`~cnenforce.citations.english`) and emitted as one :class:`CitationMatch` per provision.
Names no article claimed are references to the whole instrument.

Every step reads a bounded window behind it, an index (never the whole history of names), or
text the scan then moves past, so a scan is linear in the length of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs

from cnenforce.citations.chinese import read_chinese
from cnenforce.citations.english import read_english
from cnenforce.citations.match import MAX_PROVISIONS, CitationMatch
from cnenforce.citations.mentions import Mentions, Named
from cnenforce.citations.names import Tables, en_key, trim_en_title, zh_key
from cnenforce.citations.patterns import ZH_GENERIC_BOOKS, ZH_LEGAL_ENDINGS, patterns
from cnenforce.citations.refs import Budget, Reading
from cnenforce.errors import CitationError
from cnenforce.model import Provision
from cnenforce.text import text_problem

__all__ = ["scan"]

_LOOK_BEHIND: Final = 40
"""How far before an article group 本法, 该法 or a bare title (违反刑法第五条) may start."""


def scan(
    original: str, folded: str, tables: Tables, *, at: dt.date | None, version: str | None, strict: bool
) -> list[CitationMatch]:
    """Every citation in *original* (matched on its folded copy *folded*), ordered by span."""
    return _Scan(original, folded, tables, at=at, version=version, strict=strict).run()


class _Scan:
    """The state of one scan."""

    def __init__(
        self, original: str, text: str, tables: Tables, *, at: dt.date | None, version: str | None, strict: bool
    ) -> None:
        self.original = original
        self.text = text
        self.tables = tables
        self.at = at
        self.version = version
        self.strict = strict
        self.mentions = Mentions(text, tables)
        self.pending: list[Named] = []
        """Names no article has claimed yet, in order."""
        self.matches: list[CitationMatch] = []
        self.budget = Budget(remaining=max(MAX_PROVISIONS, len(text)))
        self._gap: tuple[int, tuple[tuple[int, int], ...]] = (-1, ())
        """Where the last name tested for adjacency ends, and the gaps after it (see _adjacent)."""

    def run(self) -> list[CitationMatch]:
        """Scan the text once; the matches, ordered by span."""
        position = 0
        while (match := self.tables.scan.search(self.text, position)) is not None:
            if match.group("mention") is not None:
                named = self._named(match)
                if named is not None:
                    self.mentions.add(named)
                    self.pending.append(named)
                position = match.end()
            else:
                position = self._group(match)
        for named in self.pending:
            if named.legal:
                provision = Provision(instrument=named.instrument, title=named.title)
                self._emit([provision], named, named.start, named.end, ())
        return sorted(self.matches, key=lambda m: (m.start, m.end))

    # -- instruments named

    def _named(self, match: re.Match[str]) -> Named | None:
        found = patterns()
        start, end = match.span()
        text = self.original[start:end]
        paren = match.group("zh_paren") or match.group("en_paren")
        edition = None
        if paren is not None:
            years = found.paren_year.findall(paren)
            edition = years[-1] if years else None
        if (book := match.group("book")) is not None:
            inner = self.original[match.start("book") : match.end("book")]
            if not inner.strip():
                return None
            key = zh_key(book)
            instrument = self.tables.zh_names.get(key) or self.tables.en_names.get(en_key(book))
            if instrument is None:
                # 《网络安全法（2016年）》: a year or amendment note is not part of the title.
                stripped = found.edition_paren.sub("", key)
                if stripped != key and stripped in self.tables.zh_names:
                    instrument = self.tables.zh_names[stripped]
                    years = found.paren_year.findall(key[len(stripped) :])
                    edition = years[-1] if years else edition
            if instrument is None and text_problem(inner.strip()) is not None:
                return None  # a title no record could hold (control characters): not a citation
            foreign = found.foreign_before.search(self.text, max(0, start - 6), start)
            if foreign is not None:
                # 韩国《个人信息保护法》 is Korea's law, whatever its title.
                written = self.original[foreign.start() : start].strip() + inner.strip()
                if text_problem(written) is not None:
                    return None
                return Named(instrument=None, title=written, text=written, start=foreign.start(), end=end)
            if instrument is not None:
                return Named(instrument=instrument, title=None, text=text, start=start, end=end, edition=edition)
            if key in ZH_GENERIC_BOOKS:
                return self._generic_zh(key, start, end, legal=False)
            bare = found.trailing_paren.sub("", key)
            legal = bare.endswith(ZH_LEGAL_ENDINGS) or bool(found.en_title_kind.search(book))
            return Named(instrument=None, title=inner.strip(), text=text, start=start, end=end, legal=legal)
        if (zh_name := match.group("zh_name")) is not None:
            instrument = self.tables.zh_names[zh_key(zh_name)]
        elif (en_name := match.group("en_name")) is not None:
            instrument = self.tables.en_names[en_key(en_name)]
        else:
            instrument = self.tables.abbreviations[match.group("abbreviation")]
        return Named(instrument=instrument, title=None, text=text, start=start, end=end, edition=edition)

    # -- article groups

    def _group(self, match: re.Match[str]) -> int:
        start, end = match.span()
        chinese = match.group("zh_group") is not None
        named, cite_start, cite_end = None, start, end
        if not chinese:
            found = self._attach_after(end)
            if found is not None:
                named, cite_end = found, found.end
                before = self._attach_before(start, peek=True)
                if before is not None and before.instrument is not None and before.instrument == named.instrument:
                    # "PIPL Article 13 of the Personal Information Protection Law": one citation.
                    self.pending.pop()
                    cite_start = before.start
        if named is None:
            named = self._attach_before(start)
            if named is not None:
                cite_start = min(start, named.start)
        attached = named is not None
        if named is None:
            named = self.mentions.antecedent(start)
        if named is None:
            return end  # an article of nothing named: not a citation
        if cite_end == end and (edition := patterns().edition_after.match(self.text, end)) is not None:
            # "CSL Art. 59 (2016)", 网络安全法第五十九条（2016年）: the text the article is in.
            years = patterns().paren_year.findall(edition.group("note"))
            if years:
                named, cite_end = attrs.evolve(named, edition=years[-1]), edition.end()
        reading = Reading(original=self.original, end=end, budget=self.budget, strict=self.strict)
        (read_chinese if chinese else read_english)(self.text, start, end, reading)
        unread = tuple(self.original[low:high] for low, high in reading.unread)
        provisions = [
            Provision(
                instrument=named.instrument,
                article=article,
                paragraph=paragraph,
                item=item,
                version=self._version(named, article),
                title=named.title,
            )
            for article, paragraph, item in reading.refs
        ]
        if not provisions and attached and unread:
            # Nothing readable (第二十一条之一, 第十十条): still a citation of the instrument.
            provisions = [Provision(instrument=named.instrument, title=named.title)]
        self._emit(provisions, named, cite_start, cite_end, unread)
        return max(end, cite_end)

    def _emit(self, provisions: list[Provision], named: Named, start: int, end: int, unread: tuple[str, ...]) -> None:
        # One text for the whole list: a slice per provision would copy a long list once for each.
        text = self.original[start:end]
        if named.instrument is None and self.strict and provisions:
            raise CitationError(f"unknown instrument {named.title!r} in {text!r} (at {start}-{end})")
        self.matches.extend(
            CitationMatch(
                provision=provision, text=text, start=start, end=end, instrument_text=named.text, unread=unread
            )
            for provision in provisions
        )

    # -- tying a group to its instrument

    def _attach_after(self, end: int) -> Named | None:
        """The instrument named right after an English group ("Article 47 of the Cybersecurity Law")."""
        found = patterns()
        gap = found.en_attach.match(self.text, end)
        if gap is None:
            return self._abbreviation_after(end)
        position = gap.end()
        mention = self.tables.mention.match(self.text, position)
        if mention is not None:
            named = self._named(mention)
            if named is not None:
                self.mentions.add(named)
                return named
        generic = found.en_generic.match(self.text, position)
        if generic is not None:
            return self._generic_en(generic)
        title = found.en_title.match(self.text, position)
        if title is not None:
            written = trim_en_title(self.original[title.start() : title.end()])
            if written and found.en_title_kind.search(written):
                named = Named(instrument=None, title=written, text=written, start=position, end=position + len(written))
                self.mentions.add(named)
                return named
        return self._abbreviation_after(end)

    def _abbreviation_after(self, end: int) -> Named | None:
        """An abbreviation right after a group ("Art 13 PIPL")."""
        gap = patterns().blank.match(self.text, end)
        if gap is None:
            return None
        mention = self.tables.mention.match(self.text, gap.end())
        if mention is None or mention.group("abbreviation") is None:
            return None
        named = self._named(mention)
        if named is not None:
            self.mentions.add(named)
        return named

    def _generic_en(self, generic: re.Match[str]) -> Named:
        """ "this Law", "the Provisions": the instrument of that kind named before, or unresolved."""
        start, end = generic.span()
        written = self.original[start:end]
        determiner, word = (generic.group("det") or "the").lower(), generic.group("word").lower()
        kind = "regulations" if word == "regulation" else word
        if determiner in ("this", "these"):
            # "this Law" in a text quoting a law just named is that law; otherwise the text's own.
            antecedent = self.mentions.antecedent(start)
            if antecedent is not None and kind in self.mentions.en_kinds(antecedent):
                return antecedent.named_again(written, start, end)
        else:
            earlier = self.mentions.last_of_en_kind(kind, start)
            if earlier is not None:
                return earlier.named_again(written, start, end)
        named = Named(instrument=None, title=written, text=written, start=start, end=end)
        self.mentions.add(named)
        return named

    def _attach_before(self, start: int, *, peek: bool = False) -> Named | None:
        """The instrument named right before an article group (《网络安全法》第二十一条, 本法第五条).

        With *peek*, only report an adjacent instrument name, changing nothing.
        """
        found = patterns()
        if self.pending:
            last = self.pending[-1]
            if self._adjacent(last.end, start):
                if not peek:
                    self.pending.pop()
                return last
        if peek:
            return None
        window_start = max(0, start - _LOOK_BEHIND)
        if (self_ref := found.zh_self.search(self.text, window_start, start)) is not None:
            written = self.original[self_ref.start() : self_ref.end()].strip()
            # Quoting a law after naming it: "《网络安全法》第五十九条 ……不履行本法第二十一条……".
            antecedent = self.mentions.antecedent(self_ref.start())
            if antecedent is not None and self_ref.group("kind") in self.mentions.zh_kinds(antecedent):
                return antecedent.named_again(written, self_ref.start(), start)
            named = Named(instrument=None, title=written, text=written, start=self_ref.start(), end=start)
            self.mentions.add(named)
            return named
        if (generic := found.zh_generic.search(self.text, window_start, start)) is not None:
            return self._generic_zh(generic.group("kind"), generic.start(), start, legal=True)
        line_start = max(window_start, self.mentions.line_start(start))
        bare = found.zh_bare_title.search(self.text, line_start, start)
        if bare is not None:
            title_start = bare.start("title")
            verb = found.zh_verbs.match(self.text, title_start, bare.end("title"))
            if verb is not None:
                title_start = verb.end()
            if bare.end("title") - title_start >= 2:
                written = self.original[title_start : bare.end("title")]
                # Names inside the bare title are part of it (pending names are in text order).
                while self.pending and title_start <= self.pending[-1].start < start:
                    self.pending.pop()
                named = Named(instrument=None, title=written, text=written, start=title_start, end=start)
                self.mentions.add(named)
                return named
        return None

    def _adjacent(self, name_end: int, start: int) -> bool:
        """Whether only 的, 's, a comma or blanks lie between a name ending at *name_end* and *start*."""
        if name_end > start:
            return False
        # The reachable ends are worked out once per name: many groups may test the same pending name.
        if self._gap[0] != name_end:
            self._gap = (name_end, self._gap_ends(name_end))
        return any(low <= start <= high for low, high in self._gap[1])

    def _gap_ends(self, position: int) -> tuple[tuple[int, int], ...]:
        """The ranges of ends of the gaps that may follow a name: 的? blanks ,? blanks."""
        text = self.text
        particle = 1 if text.startswith("的", position) else 2 if text.startswith("'s", position) else 0
        after = _after_blanks(text, position + particle)
        ends = [(position, position), (position + particle, after)]
        if text.startswith(",", after):
            ends.append((after + 1, _after_blanks(text, after + 1)))
        return tuple(ends)

    def _generic_zh(self, kind: str, start: int, end: int, *, legal: bool) -> Named | None:
        """该法, 《办法》: the last instrument of that kind named before *start*."""
        earlier = self.mentions.last_of_zh_kind(kind, start)
        if earlier is None:
            return None
        return earlier.named_again(self.original[start:end], start, end, legal=legal)

    # -- versions

    def _version(self, named: Named, article: int | None) -> str | None:
        if named.instrument is None or article is None:
            return None
        instrument = self.tables.instruments[named.instrument]
        if len(instrument.versions) == 1:
            return None
        if named.edition is not None:
            if instrument.version(named.edition) is not None:
                return named.edition
            in_force = instrument.version_at(dt.date(int(named.edition), 12, 31))
            if in_force is not None:
                return in_force.id
        if self.version is not None:
            if instrument.version(self.version) is None:
                known = ", ".join(v.id for v in instrument.versions)
                raise CitationError(f"{instrument.id} has no version {self.version!r} (it has {known})")
            return self.version
        if self.at is not None:
            return (instrument.version_at(self.at) or instrument.versions[0]).id
        return instrument.current.id


def _after_blanks(text: str, position: int) -> int:
    """Where the spaces and tabs from *position* end."""
    blanks = patterns().blanks.match(text, position)
    return blanks.end() if blanks is not None else position
