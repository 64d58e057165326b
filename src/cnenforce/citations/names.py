"""The names a catalogue's instruments go by, and the scanning pattern built from them.

:func:`tables_for` is the one place the tables of a catalogue are obtained, kept in the
catalogue's memo for its lifetime. The name lookups are built at once; the scanning pattern of
every title, alias and abbreviation (a trie, so the regex engine prefers the longest name and
does not try each name in turn) is built and compiled on first use, since it costs tens of
milliseconds and only reading text needs it, not writing a citation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

import attrs

from cnenforce.citations.folding import fold
from cnenforce.citations.patterns import EN_GROUP, EN_KINDS, ZH_GROUP, ZH_KINDS, ZH_PRC_PREFIX, name_patterns
from cnenforce.model import Instrument

if TYPE_CHECKING:  # only for annotations: the package needs no catalogue module at run time
    from cnenforce.catalogue import Catalogue

__all__ = ["Tables", "en_key", "tables_for", "trim_en_title", "zh_key"]

_Trie = dict[str, "_Trie"]


def en_key(name: str) -> str:
    """The lookup key of an English name: folded, lower case, without "PRC"/"of China"."""
    key = " ".join(fold(name).lower().split())
    key = name_patterns().en_prc_suffix.sub("", key)
    return name_patterns().en_prc_prefix.sub("", key, count=1)


def zh_key(name: str) -> str:
    """The lookup key of a Chinese name: folded, without blanks or 中华人民共和国."""
    return "".join(fold(name).split()).removeprefix(ZH_PRC_PREFIX)


def trim_en_title(title: str) -> str:
    """*title* without trailing connecting words ("Foo Law and" -> "Foo Law")."""
    return name_patterns().en_trailing_connectors.sub("", title.strip())


@attrs.frozen(eq=False)
class Tables:
    """Name lookups and the scanning pattern for one catalogue."""

    instruments: Mapping[str, Instrument]
    en_names: Mapping[str, str]
    """English name key -> instrument id (names shared by two instruments are left out)."""
    zh_names: Mapping[str, str]
    """Chinese name key (and non-ASCII abbreviation) -> instrument id."""
    abbreviations: Mapping[str, str]
    """ASCII abbreviation ("CSL") -> instrument id."""
    en_kinds: Mapping[str, frozenset[str]]
    """Instrument id -> the English kind words of its titles ("law", "measures")."""
    zh_kinds: Mapping[str, frozenset[str]]
    """Instrument id -> the Chinese kinds its titles end with (法, 办法)."""

    @functools.cached_property
    def mention_pattern(self) -> str:
        """The source of :attr:`mention`. It and the patterns are built only when text is read:
        writing a citation needs the names, not the patterns (building and compiling them takes
        longer than everything else here together)."""
        return _mention_pattern(self.en_names, self.zh_names, self.abbreviations)

    @functools.cached_property
    def scan(self) -> re.Pattern[str]:
        """Article groups in Chinese or English, or an instrument named (the ``mention`` group)."""
        return re.compile(rf"(?P<zh_group>{ZH_GROUP})|(?P<en_group>{EN_GROUP})|{self.mention_pattern}", re.VERBOSE)

    @functools.cached_property
    def mention(self) -> re.Pattern[str]:
        """An instrument named: a 《title》, or a Chinese or English name or abbreviation."""
        return re.compile(self.mention_pattern, re.VERBOSE)

    @classmethod
    def build(cls, instruments: Iterable[Instrument]) -> Tables:
        """The tables of these instruments."""
        by_id = {instrument.id: instrument for instrument in instruments}
        en: dict[str, set[str]] = {}
        zh: dict[str, set[str]] = {}
        abbreviations: dict[str, set[str]] = {}
        en_kinds: dict[str, frozenset[str]] = {}
        zh_kinds: dict[str, frozenset[str]] = {}
        for instrument in by_id.values():
            en_titles = [
                instrument.title_en,
                *([instrument.short_title_en] if instrument.short_title_en else []),
                *instrument.aliases_en,
            ]
            zh_titles = [
                instrument.title_zh,
                *([instrument.short_title_zh] if instrument.short_title_zh else []),
                *instrument.aliases_zh,
            ]
            for abbreviation in instrument.abbreviations:
                if abbreviation.isascii():
                    abbreviations.setdefault(fold(abbreviation), set()).add(instrument.id)
                else:
                    zh_titles.append(abbreviation)
            for title in en_titles:
                en.setdefault(en_key(title), set()).add(instrument.id)
            for title in zh_titles:
                zh.setdefault(zh_key(title), set()).add(instrument.id)
            words = {word for title in en_titles for word in en_key(title).split()}
            en_kinds[instrument.id] = frozenset(words & set(EN_KINDS))
            zh_kinds[instrument.id] = frozenset(
                kind for title in zh_titles for kind in ZH_KINDS if zh_key(title).endswith(kind)
            )
        en_names, zh_names, abbreviation_names = _unique(en), _unique(zh), _unique(abbreviations)
        en_names = _with_number_variants(en_names)
        return cls(
            instruments=by_id,
            en_names=en_names,
            zh_names=zh_names,
            abbreviations=abbreviation_names,
            en_kinds=en_kinds,
            zh_kinds=zh_kinds,
        )


_KIND_NUMBER: Final = {
    "regulations": "regulation",
    "provisions": "provision",
    "measures": "measure",
    "rules": "rule",
}
_KIND_NUMBER_BACK: Final = {singular: plural for plural, singular in _KIND_NUMBER.items()}


def _with_number_variants(names: dict[str, str]) -> dict[str, str]:
    """*names* and, for each, the name with its kind word in the other number ("Network Data
    Security Management Regulation" for "... Regulations"), as English writers use both. A
    variant never displaces a real name, and one that two instruments would share is left out."""
    variants: dict[str, set[str]] = {}
    for name, instrument_id in names.items():
        words = name.split(" ")
        for index, word in enumerate(words):
            other = _KIND_NUMBER.get(word) or _KIND_NUMBER_BACK.get(word)
            if other is not None:
                variant = " ".join([*words[:index], other, *words[index + 1 :]])
                if variant not in names:
                    variants.setdefault(variant, set()).add(instrument_id)
    return {**_unique(variants), **names}


def _unique(table: dict[str, set[str]]) -> dict[str, str]:
    # A name shared by two instruments identifies neither.
    return {name: next(iter(ids)) for name, ids in table.items() if name and len(ids) == 1}


def _trie_pattern(words: Iterable[str], *, space: str) -> str:
    """A regex alternation of *words* shaped as a trie (fast, and prefers the longest word)."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = [
            (space if char == " " else re.escape(char)) + build(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _mention_pattern(en_names: Iterable[str], zh_names: Iterable[str], abbreviations: Iterable[str]) -> str:
    """The pattern of an instrument named in the text: a 《title》, a Chinese or English name."""
    never = r"(?!x)x"
    zh_trie = _trie_pattern(sorted(zh_names), space="") or never
    en_trie = _trie_pattern(sorted(en_names), space=r"\s+") or never
    abbreviation_alternatives = "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
    cited = r"第[^()\n]{{0,8}}?[条款项]|\b(?:[Aa]rt(?:icle)?s?|[Ss]ec(?:tion)?s?|[Pp]ara(?:graph)?s?|[Ii]tems?)\b"
    # A parenthesis after a name is an edition note ("(2016)") unless it cites an article; the
    # look-ahead stops at the next parenthesis, so it reads each character at most once.
    paren = rf"\((?![^()\n]*(?:{cited}))(?P<{{name}}>[^()\n]{{{{1,80}}}})\)"
    return rf"""
    (?P<mention>
        (?:《(?P<book>[^《》\n]{{1,100}})》
           |(?:{ZH_PRC_PREFIX})?(?P<zh_name>{zh_trie})(?!律|规(?!定)|学|治|典|院|官|实施|修正|草案)
        )
        (?:[ \t]*{paren.format(name="zh_paren")})?
      | (?<![\w\-])
        (?:
            (?i:(?:(?:PRC|P\.R\.C\.|China's|Chinese|People's\s+Republic\s+of\s+China(?:'s)?)\s+)?
                (?P<en_name>{en_trie})
                (?:\s+of\s+(?:the\s+)?(?:People's\s+Republic\s+of\s+China|PRC|P\.R\.C\.|China))?
                (?!\s+of\s+(?:the\s+)?(?!People|PRC|P\.R\.C|China)[A-Z]))
          | (?P<abbreviation>{abbreviation_alternatives or never})
        )
        (?![\w\-])
        (?:\s*{paren.format(name="en_paren")})?
    )
    """


# --- the tables of each catalogue ---------------------------------------------------------------


def tables_for(catalogue: Catalogue) -> Tables:
    """The name tables of *catalogue*, built on first use and kept with the catalogue (in its
    memo), so they live exactly as long as it does."""
    return catalogue.memo.get("citations.names", lambda: Tables.build(catalogue.instruments.values()))
