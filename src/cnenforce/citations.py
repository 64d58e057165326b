"""Read and write citations of Chinese legal provisions, in English and in Chinese.

Enforcement notices, law-firm commentary and statutes cite provisions in many ways:
"Article 21(5) of the Cybersecurity Law", "Arts. 9-11 of the PIPL", 《网络安全法》第二十一条第（五）项,
违反本法第二十一条、第二十五条规定. Three verbs cover them:

- :func:`find` scans free text and returns every citation in it, each a :class:`CitationMatch`
  with the :class:`~cnenforce.model.Provision` it names and its span in the input;
- :func:`parse` returns the provisions one citation string names;
- :func:`cite` writes a provision back as a citation in English or Chinese.

Each is given the catalogue to resolve instrument names against.

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

Known limits: unknown instruments are found only in 《》, before an article number, or as the
whole of a :func:`parse` string (a bare 行政处罚法 in a list is missed); inserted articles
(第二百八十五条之一) cannot be represented and count as a reference to the whole instrument;
"Article 21(5)" is read as item 5, the convention of Chinese legal translation, even where an
author meant paragraph 5.

Version rule: for an instrument with more than one text, an article-level provision gets the
version named in the text itself (《网络安全法》（2016年…通过）…, "Cybersecurity Law (2016)"), else the
``version`` argument, else the text in force on ``at`` (the oldest text if none was yet in force),
else the current text. Whole-instrument references and instruments with one text get ``None``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import threading
from collections.abc import Iterable
from typing import Final, Literal

import attrs

from cnenforce.catalogue import Catalogue
from cnenforce.errors import CitationError
from cnenforce.model import Instrument, Provision
from cnenforce.numerals import NUMERAL_CHARACTERS, to_chinese, to_int

__all__ = ["CitationMatch", "cite", "find", "parse"]


@attrs.frozen(kw_only=True)
class CitationMatch:
    """One provision cited in a text, with where the citation is.

    ``text`` is the citation the provision was read from, as written, and ``start``/``end``
    index into the original input (``input[start:end] == text``). The provisions of one list
    ("Articles 24 and 48 of the CSL") share the list's span.
    """

    provision: Provision
    text: str
    start: int
    end: int
    instrument_text: str | None = None
    """The instrument's name as written (where it was named, if carried over), e.g. ``"CSL"``."""

    def span(self) -> tuple[int, int]:
        """``(start, end)`` of the citation in the input."""
        return (self.start, self.end)


# --- text folding -------------------------------------------------------------------------------
# Matching runs on a folded copy of the input: one character for one, so spans still index the
# original. Folding maps traditional characters of instrument titles and citation words to
# simplified ones, full-width digits, letters and brackets to ASCII, and curly apostrophes and
# dashes to plain ones. Titles as written are always taken from the original text.

_TRADITIONAL: Final = (
    "華华國国網网絡络條条數数據据個个資资護护規规辦办務务聯联綫线線线電电話话戶户實实記记錄录號号"
    "賬账帳账稱称證证評评會会動动員员輿舆論论屬属與与級级測测價价術术薦荐處处罰罚責责並并於于關关"
    "應应項项節节範范暫暂時时間间開开發发為为違违兩两萬万億亿維维權权標标準准經经濟济營营業业產产"
    "總总則则義义衛卫環环險险隱隐讀读決决議议審审構构機机臺台體体內内們们門门統统設设備备監监檢检"
    "驗验認认識识訊讯碼码組组織织職职擊击傳传輸输儲储離离將将對对紀纪綱纲細细試试圖图書书報报導导"
    "須须當当過过這这還还進进運运達达適适鏈链雲云頁页鑒鉴鑑鉴別别態态勢势響响預预災灾難难變变現现"
    "擔担損损場场區区縣县廳厅鄉乡鎮镇軍军黨党貳贰參叁陸陆條条釋释訂订嚴严構构財财稅税廣广"
)


@functools.cache
def _fold_table() -> dict[int, int]:
    table = str.maketrans(
        _TRADITIONAL[0::2] + "０１２３４５６７８９（）［］．，：；＆－–—‐‑’‘\u00a0\u3000﹙﹚",
        _TRADITIONAL[1::2] + "0123456789()[].,:;&-----''  ()",
    )
    table.update({code: code - 0xFEE0 for code in range(ord("Ａ"), ord("ｚ") + 1) if chr(code).isalpha()})
    return table


def _fold(text: str) -> str:
    return text.translate(_fold_table())


# --- static patterns (compiled on first use) ---------------------------------------------------

_NUM: Final = f"[0-9{NUMERAL_CHARACTERS}]+"
_ORDINALS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_ORD: Final = "|".join(_ORDINALS)

_EN_ARTICLE_WORD: Final = r"(?:articles?|arts?|sections?|secs?)\b\.?\s*|§§?\s*"
_EN_PARA_WORD: Final = r"(?:paragraphs?|paras?\b\.?|par\.|clauses?)"
_EN_ITEM_WORD: Final = r"(?:items?|sub-?paragraphs?|points?|sub-?items?)"
_EN_SMALL: Final = r"\d{1,3}"
_EN_PART: Final = rf"(?:\s*,\s*|\s+)(?:{_EN_PARA_WORD}|{_EN_ITEM_WORD})\s*\(?{_EN_SMALL}\)?(?:\s?\({_EN_SMALL}\))?"
_EN_REF: Final = rf"\d+(?:\.\d+){{0,2}}(?:\s?\({_EN_SMALL}\)){{0,2}}(?:{_EN_PART}){{0,2}}"
_EN_CONTINUATION: Final = rf"""(?:
    (?:{_EN_ARTICLE_WORD})?{_EN_REF}
  | (?:{_EN_PARA_WORD}|{_EN_ITEM_WORD})\s*\(?{_EN_SMALL}\)?
  | \({_EN_SMALL}\)
)"""
_EN_LIST_START: Final = rf"(?:(?:{_EN_ARTICLE_WORD})?\d|\()"
_EN_RANGE: Final = r"\s*(?:-|to\b|through\b|thru\b)\s*"
_EN_SEPARATOR: Final = rf"""(?:
    \s*,\s*(?:and|or)\s+(?={_EN_CONTINUATION})
  | \s+(?:and|or|&|as\s+well\s+as)\s+(?={_EN_CONTINUATION})
  | \s*,\s*(?={_EN_LIST_START})
  | {_EN_RANGE}(?={_EN_CONTINUATION})
)"""
_EN_PREFIX: Final = rf"""
    (?:(?:the\s+)?(?:(?P<item_ord>{_ORD})\s+)?{_EN_ITEM_WORD}\s*(?:\(?(?P<item_num>\d+)\)?)?\s*(?:,\s*|\s+of\s+))?
    (?:(?:the\s+)?(?:(?P<para_ord>{_ORD})\s+)?{_EN_PARA_WORD}\s*(?:\(?(?P<para_num>\d+)\)?)?\s*(?:,\s*|\s+of\s+))?
"""

_EN_GROUP: Final = rf"""
    (?i:(?<![\w.])
        (?:(?:the\s+)?(?:(?:{_ORD})\s+)?(?:{_EN_ITEM_WORD}|{_EN_PARA_WORD})\s*(?:\(?\d+\)?)?\s*(?:,\s*|\s+of\s+)
           (?:(?:the\s+)?(?:(?:{_ORD})\s+)?{_EN_PARA_WORD}\s*(?:\(?\d+\)?)?\s*(?:,\s*|\s+of\s+))?
        )?
        (?:{_EN_ARTICLE_WORD})(?=\d)
        {_EN_REF}
        (?:{_EN_SEPARATOR}{_EN_CONTINUATION})*
    )
"""

_ZH_SEPARATOR: Final = r"(?:[、,]|以及|或者|和|及|与|或|至|到|-|~|～)"
_ZH_NUMBERS: Final = rf"{_NUM}(?:[ \t]*{_ZH_SEPARATOR}[ \t]*{_NUM})*"
"""One number, or several under one 第…条 (第23、25和39条, 第13-15条)."""
_ZH_SUB: Final = rf"(?:之[ \t]*{_NUM})"
"""An inserted article (第二百八十五条之一), which a provision cannot represent."""
_ZH_ELEMENT: Final = (
    rf"(?:第[ \t]*{_ZH_NUMBERS}[ \t]*[条款项]{_ZH_SUB}?|第?[ \t]*\([ \t]*{_NUM}[ \t]*\)(?:[ \t]*[项款])?)"
)
_ZH_GROUP: Final = rf"""
    第[ \t]*{_ZH_NUMBERS}[ \t]*条{_ZH_SUB}?
    (?:[ \t]*(?:{_ZH_SEPARATOR}[ \t]*)?{_ZH_ELEMENT})*
"""

_ZH_KINDS: Final = ("法", "条例", "规定", "办法", "决定", "细则", "规则", "措施", "解释")
_ZH_LEGAL_ENDINGS: Final = (
    *_ZH_KINDS, "意见", "通知", "标准", "指南", "指引", "规范", "纲要",
    "公约", "准则", "法典", "方法", "基准", "总则", "通则",
)  # fmt: skip
_ZH_GENERIC_BOOKS: Final = frozenset((*_ZH_KINDS[1:], "意见", "通知", "指南", "方法"))
"""Book titles that are only a kind (《办法》, 《条例》): short for an instrument named before."""
_FOREIGN: Final = (
    "韩国|日本|美国|欧盟|英国|法国|德国|俄罗斯|印度|越南|新加坡|澳大利亚|加拿大|巴西|台湾|香港|澳门|"
    "韓國|美國|歐盟|英國|法國|德國|俄羅斯|越南|臺灣|台灣"
)
"""Places whose laws share titles with Chinese ones (韩国《个人信息保护法》)."""
_EN_KINDS: Final = ("law", "provisions", "measures", "regulations", "regulation", "rules", "decision")
_EN_TITLE_KIND: Final = (
    r"\b(?:Laws?|Provisions|Measures|Regulations?|Rules?|Decisions?|Code|Interpretations?|"
    r"Guidelines|Standards?|Notice|Opinions|Act|Methods|Specifications?)\b"
)
_EN_CONNECTORS: Final = (
    "of", "on", "for", "and", "the", "in", "to", "with", "by", "from", "at",
    "against", "concerning", "regarding", "governing", "over", "its",
)  # fmt: skip


@functools.cache
def _patterns() -> _Static:
    return _Static()


class _Static:
    """The catalogue-independent regular expressions, compiled once on first use."""

    def __init__(self) -> None:
        verbose = re.VERBOSE
        self.en_prefix = re.compile(rf"(?i:{_EN_PREFIX})", verbose)
        self.en_chunks = re.compile(rf"(?i:(?P<sep>{_EN_SEPARATOR}))", verbose)
        self.en_range = re.compile(rf"(?i:{_EN_RANGE})")
        self.en_chunk = re.compile(
            rf"""(?i:
            (?:{_EN_ARTICLE_WORD})?
            (?:
                (?P<article>\d+)(?:\.(?P<dot_para>\d+)(?:\.(?P<dot_item>\d+))?)?
                (?:\s?\((?P<paren1>\d+)\))?(?:\s?\((?P<paren2>\d+)\))?
              | \((?P<paren_only>\d+)\)
            )?
            (?:(?:\s*,\s*|\s+|^)(?P<para_word>{_EN_PARA_WORD})\s*\(?(?P<para>\d+)\)?
               (?:\s?\((?P<para_item>\d+)\))?)?
            (?:(?:\s*,\s*|\s+|^)(?P<item_word>{_EN_ITEM_WORD})\s*\(?(?P<item>\d+)\)?)?
            )""",
            verbose,
        )
        self.zh_element = re.compile(
            rf"""
              第[ \t]*(?P<num>{_ZH_NUMBERS})[ \t]*(?P<unit>[条款项])(?P<sub>{_ZH_SUB})?
            | 第?[ \t]*\([ \t]*(?P<paren>{_NUM})[ \t]*\)(?:[ \t]*(?P<paren_unit>[项款]))?
            | (?P<range>至|到|-|~|～)
            """,
            verbose,
        )
        self.en_attach = re.compile(r"(?i:\s*,?\s*(?:of|in|under)\s+(?:the\s+)?)")
        self.en_generic = re.compile(
            r"(?i:(?:(?P<det>this|these|the|such|said)\s+)?)"
            r"(?P<word>Law|Provisions|Measures|Regulations?|Rules|Decision)\b"
            r"(?!\s+(?:of|on|for|concerning|regarding)\b)(?!\s*['’]s)"
        )
        self.en_title = re.compile(
            r"""
            (?:PRC\s+)?[A-Z][\w'\-]*
            (?:\s+(?:(?!(?:Articles?|Arts?|Sections?|Secs?|Paragraphs?|Items?)\b)[A-Z][\w'\-]*|"""
            + "|".join(_EN_CONNECTORS)
            + r""")(?![\w'\-])){0,20}
            (?:\s*\((?:Trial|for\s+Trial\s+Implementation|Draft|Provisional|Interim)\))?
            """,
            verbose,
        )
        kinds = "|".join(_ZH_KINDS)
        self.zh_self = re.compile(rf"本(?P<kind>{kinds})[ \t]*$")
        self.zh_numbers = re.compile(rf"(?P<number>{_NUM})|(?P<range>[至到\-~～])")
        self.foreign_before = re.compile(rf"(?:{_FOREIGN})[ \t]*$")
        self.edition_paren = re.compile(r"\((?=[^()]*(?:(?:19|20)\d\d|修正|修订))[^()]*\)$")
        self.zh_generic = re.compile(rf"(?:该|上述|前述|同)(?P<kind>{kinds})[ \t]*$")
        self.zh_bare_title = re.compile(rf"(?P<title>[\u4e00-\u9fff]{{2,30}}?(?:{kinds}))[ \t]*(?:的)?[ \t]*$")
        self.zh_title_whole = re.compile(rf"(?:中华人民共和国)?[\u4e00-\u9fff]{{1,40}}(?:{kinds})")
        # Verbs that end the words before a bare title: 违反刑法第五条 -> 刑法.
        self.zh_verbs = re.compile(r".*(?:违反|依据|根据|依照|按照|参照|适用|遵守|对照|符合|触犯|援引)")
        self.gap_before = re.compile(r"(?:的|'s)?[ \t]*,?[ \t]*")
        self.paren_year = re.compile(r"(?:19|20)\d\d")
        self.line_break = re.compile(r"[\n\r\u2028\u2029]")
        self.blank = re.compile(r"[ \t]+")
        self.en_title_kind = re.compile(_EN_TITLE_KIND)
        self.en_prc_suffix = re.compile(_EN_PRC_SUFFIX)
        self.en_prc_prefix = re.compile(_EN_PRC_PREFIX)
        self.en_trailing_connectors = re.compile(r"(?:\s+(?:" + "|".join(_EN_CONNECTORS) + r"))+\s*$")


# --- catalogue tables ------------------------------------------------------------------------

_EN_PRC_SUFFIX: Final = r"\s+of\s+(?:the\s+)?(?:people's\s+republic\s+of\s+china|prc|p\.r\.c\.|china)$"
_EN_PRC_PREFIX: Final = r"^(?:the\s+)?(?:(?:prc|p\.r\.c\.|china's|chinese|people's\s+republic\s+of\s+china(?:'s)?)\s+)?"
_ZH_PRC_PREFIX: Final = "中华人民共和国"
_Trie = dict[str, "_Trie"]


def _en_key(name: str) -> str:
    key = " ".join(_fold(name).lower().split())
    key = _patterns().en_prc_suffix.sub("", key)
    return _patterns().en_prc_prefix.sub("", key, count=1)


def _zh_key(name: str) -> str:
    key = "".join(_fold(name).split())
    return key.removeprefix(_ZH_PRC_PREFIX)


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


@attrs.frozen
class _Tables:
    """Name lookups and the scanning pattern for one catalogue."""

    instruments: dict[str, Instrument]
    en_names: dict[str, str]
    zh_names: dict[str, str]
    abbreviations: dict[str, str]
    en_kinds: dict[str, frozenset[str]]
    zh_kinds: dict[str, frozenset[str]]
    scan: re.Pattern[str]
    mention: re.Pattern[str]

    @classmethod
    def build(cls, instruments: Iterable[Instrument]) -> _Tables:
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
                    abbreviations.setdefault(_fold(abbreviation), set()).add(instrument.id)
                else:
                    zh_titles.append(abbreviation)
            for title in en_titles:
                en.setdefault(_en_key(title), set()).add(instrument.id)
            for title in zh_titles:
                zh.setdefault(_zh_key(title), set()).add(instrument.id)
            words = {word for title in en_titles for word in _en_key(title).split()}
            en_kinds[instrument.id] = frozenset(words & set(_EN_KINDS))
            zh_kinds[instrument.id] = frozenset(
                kind for title in zh_titles for kind in _ZH_KINDS if _zh_key(title).endswith(kind)
            )

        def unique(table: dict[str, set[str]]) -> dict[str, str]:
            # A name shared by two instruments identifies neither.
            return {name: next(iter(ids)) for name, ids in table.items() if name and len(ids) == 1}

        en_names, zh_names, abbreviation_names = unique(en), unique(zh), unique(abbreviations)
        mention = _mention_pattern(en_names, zh_names, abbreviation_names)
        scan = re.compile(rf"(?P<zh_group>{_ZH_GROUP})|(?P<en_group>{_EN_GROUP})|{mention}", re.VERBOSE)
        return cls(
            instruments=by_id,
            en_names=en_names,
            zh_names=zh_names,
            abbreviations=abbreviation_names,
            en_kinds=en_kinds,
            zh_kinds=zh_kinds,
            scan=scan,
            mention=re.compile(mention, re.VERBOSE),
        )


def _mention_pattern(en_names: Iterable[str], zh_names: Iterable[str], abbreviations: Iterable[str]) -> str:
    """The pattern of an instrument named in the text: a 《title》, a Chinese or English name."""
    never = r"(?!x)x"
    zh_trie = _trie_pattern(sorted(zh_names), space="") or never
    en_trie = _trie_pattern(sorted(en_names), space=r"\s+") or never
    abbreviation_alternatives = "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
    cited = r"第[^()\n]{{0,8}}?[条款项]|\b(?:[Aa]rt(?:icle)?s?|[Ss]ec(?:tion)?s?|[Pp]ara(?:graph)?s?|[Ii]tems?)\b"
    paren = rf"\((?![^()\n]*(?:{cited}))(?P<{{name}}>[^()\n]{{{{1,80}}}})\)"
    return rf"""
    (?P<mention>
        (?:《(?P<book>[^《》\n]{{1,100}})》
           |(?:{_ZH_PRC_PREFIX})?(?P<zh_name>{zh_trie})(?!律|规(?!定)|学|治|典|院|官|实施|修正|草案)
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


_cache_lock = threading.Lock()
_cache: dict[int, tuple[Catalogue, _Tables]] = {}


def _tables(catalogue: Catalogue) -> _Tables:
    with _cache_lock:
        entry = _cache.get(id(catalogue))
        if entry is not None and entry[0] is catalogue:
            return entry[1]
    tables = _Tables.build(catalogue.instruments.values())
    with _cache_lock:
        if len(_cache) >= 8:
            _cache.pop(next(iter(_cache)))
        _cache[id(catalogue)] = (catalogue, tables)
    return tables


# --- finding ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Named:
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


@attrs.define
class _Scan:
    """The state of one :func:`find` run."""

    original: str
    text: str
    tables: _Tables
    at: dt.date | None
    version: str | None
    strict: bool
    named: list[_Named] = attrs.Factory(list)
    pending: list[_Named] = attrs.Factory(list)
    matches: list[CitationMatch] = attrs.Factory(list)
    inserted: bool = False
    """Whether the group being read cites an inserted article (第二十一条之一)."""

    def run(self) -> tuple[CitationMatch, ...]:
        position = 0
        while (match := self.tables.scan.search(self.text, position)) is not None:
            if match.group("mention") is not None:
                named = self._named(match)
                if named is not None:
                    self.named.append(named)
                    self.pending.append(named)
                position = match.end()
            else:
                position = self._group(match)
        for named in self.pending:
            if named.legal:
                self._emit(Provision(instrument=named.instrument, title=named.title), named, named.start, named.end)
        return tuple(sorted(self.matches, key=lambda m: (m.start, m.end)))

    # -- instruments named

    def _named(self, match: re.Match[str]) -> _Named | None:
        start, end = match.span()
        text = self.original[start:end]
        paren = match.group("zh_paren") or match.group("en_paren")
        edition = None
        if paren is not None:
            years = _patterns().paren_year.findall(paren)
            edition = years[-1] if years else None
        if (book := match.group("book")) is not None:
            inner = self.original[match.start("book") : match.end("book")]
            if not inner.strip():
                return None
            key = _zh_key(book)
            instrument = self.tables.zh_names.get(key) or self.tables.en_names.get(_en_key(book))
            if instrument is None:
                # 《网络安全法（2016年）》: a year or amendment note is not part of the title.
                stripped = _patterns().edition_paren.sub("", key)
                if stripped != key and stripped in self.tables.zh_names:
                    instrument = self.tables.zh_names[stripped]
                    years = _patterns().paren_year.findall(key[len(stripped) :])
                    edition = years[-1] if years else edition
            foreign = _patterns().foreign_before.search(self.text, max(0, start - 6), start)
            if foreign is not None:
                # 韩国《个人信息保护法》 is Korea's law, whatever its title.
                written = self.original[foreign.start() : start].strip() + inner.strip()
                return _Named(instrument=None, title=written, text=written, start=foreign.start(), end=end)
            if instrument is not None:
                return _Named(instrument=instrument, title=None, text=text, start=start, end=end, edition=edition)
            if key in _ZH_GENERIC_BOOKS:
                return self._generic_zh(key, start, end, legal=False)
            bare = re.sub(r"\([^()]*\)$", "", key)
            legal = bare.endswith(_ZH_LEGAL_ENDINGS) or bool(_patterns().en_title_kind.search(book))
            return _Named(instrument=None, title=inner.strip(), text=text, start=start, end=end, legal=legal)
        if (zh_name := match.group("zh_name")) is not None:
            instrument = self.tables.zh_names[_zh_key(zh_name)]
        elif (en_name := match.group("en_name")) is not None:
            instrument = self.tables.en_names[_en_key(en_name)]
        else:
            instrument = self.tables.abbreviations[match.group("abbreviation")]
        return _Named(instrument=instrument, title=None, text=text, start=start, end=end, edition=edition)

    # -- article groups

    def _group(self, match: re.Match[str]) -> int:
        start, end = match.span()
        chinese = match.group("zh_group") is not None
        self.inserted = False
        refs: list[tuple[int | None, int | None, int | None]] = []
        refs.extend(self._zh_refs(start, end) if chinese else self._en_refs(start, end))
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
            named = self._antecedent(start)
        if named is None:
            return end
        if not refs and attached and self.inserted:
            # Only unrepresentable articles (第二十一条之一): still a citation of the instrument.
            refs = [(None, None, None)]
        for article, paragraph, item in refs:
            provision = Provision(
                instrument=named.instrument,
                article=article,
                paragraph=paragraph,
                item=item,
                version=self._version(named, article),
                title=named.title,
            )
            self._emit(provision, named, cite_start, cite_end)
        return max(end, cite_end)

    def _emit(self, provision: Provision, named: _Named, start: int, end: int) -> None:
        text = self.original[start:end]
        if provision.instrument is None and self.strict:
            raise CitationError(f"unknown instrument {provision.title!r} in {text!r} (at {start}-{end})")
        self.matches.append(
            CitationMatch(provision=provision, text=text, start=start, end=end, instrument_text=named.text)
        )

    def _number(self, written: str, where: int) -> int | None:
        try:
            value = to_int(written)
        except ValueError as error:
            if self.strict:
                raise CitationError(f"unreadable number {written!r} at {where}: {error}") from None
            return None
        if value < 1:
            if self.strict:
                raise CitationError(f"number {written!r} at {where} is not a valid article number")
            return None
        return value

    def _zh_refs(self, start: int, end: int) -> list[tuple[int, int | None, int | None]]:
        refs: list[tuple[int, int | None, int | None]] = []
        current: list[int | None] | None = None  # [article, paragraph, item]; None after 之一
        ranging = False
        for element in _patterns().zh_element.finditer(self.text, start, end):
            if element.group("range") is not None:
                ranging = bool(refs) and current is not None
                continue
            if element.group("num") is not None:
                unit = element.group("unit")
                numbers = list(_patterns().zh_numbers.finditer(element.group("num")))
            else:
                unit = element.group("paren_unit") or "项"
                numbers = list(_patterns().zh_numbers.finditer(element.group("paren")))
            if unit == "条" and element.group("sub"):
                self.inserted = True
                if self.strict:
                    raise CitationError(f"cannot represent {element.group()!r} (an inserted article)")
                current, ranging = None, False
                continue
            for piece in numbers:
                if piece.group("range") is not None:
                    ranging = current is not None
                    continue
                number = self._number(piece.group("number"), element.start())
                current, ranging = self._zh_step(refs, current, unit, number, ranging=ranging)
        return refs

    @staticmethod
    def _zh_step(
        refs: list[tuple[int, int | None, int | None]],
        current: list[int | None] | None,
        unit: str,
        number: int | None,
        *,
        ranging: bool,
    ) -> tuple[list[int | None] | None, bool]:
        """Add one 条/款/项 number to *refs*; return the new current reference."""
        if number is None:
            return (None, False) if unit == "条" else (current, False)
        if unit == "条":
            new: list[int | None] = [number, None, None]
        elif current is None:
            return None, False
        elif unit == "款":
            new = [current[0], number, None]
            # 第二十四条第一款 narrows 第二十四条 rather than adding to it.
            if current[1] is None and current[2] is None and not ranging and refs and refs[-1] == tuple(current):
                refs.pop()
        else:
            new = [current[0], current[1], number]
            if current[2] is None and not ranging and refs and refs[-1] == tuple(current):
                refs.pop()
        article, paragraph, item = new
        if article is None:  # unreachable: every reference has an article
            return None, False
        reference = (article, paragraph, item)
        if ranging and refs:
            refs.extend(_expand(refs[-1], reference))
        refs.append(reference)
        return new, False

    def _en_refs(self, start: int, end: int) -> list[tuple[int, int | None, int | None]]:
        patterns = _patterns()
        text = self.text[start:end]
        prefix = patterns.en_prefix.match(text)
        prefix_para = prefix_item = None
        if prefix is not None and prefix.end():
            prefix_para = _ordinal_or_number(prefix.group("para_ord"), prefix.group("para_num"))
            prefix_item = _ordinal_or_number(prefix.group("item_ord"), prefix.group("item_num"))
            text = text[prefix.end() :]
        refs: list[tuple[int, int | None, int | None]] = []
        pieces = patterns.en_chunks.split(text)
        # split() with one capturing group alternates: chunk, separator, chunk, ...
        chunks, separators = pieces[0::2], [None, *pieces[1::2]]
        level = "article"
        for chunk, separator in zip(chunks, separators, strict=True):
            ranging = separator is not None and patterns.en_range.fullmatch(separator) is not None
            parsed = patterns.en_chunk.fullmatch(chunk.strip())
            if parsed is None:
                continue
            previous = refs[-1] if refs else None
            new, level = _en_ref(parsed, previous, level)
            if new is None:
                continue
            if 0 in new:
                if self.strict:
                    raise CitationError(f"number 0 in {chunk.strip()!r} is not a valid article, paragraph or item")
                continue
            if not refs and (prefix_para or prefix_item):
                new = (new[0], prefix_para or new[1], prefix_item or new[2])
            if ranging and previous is not None:
                refs.extend(_expand(previous, new))
            refs.append(new)
        return refs

    def _attach_after(self, end: int) -> _Named | None:
        patterns = _patterns()
        gap = patterns.en_attach.match(self.text, end)
        if gap is None:
            return self._abbreviation_after(end)
        position = gap.end()
        mention = self.tables.mention.match(self.text, position)
        if mention is not None:
            named = self._named(mention)
            if named is not None:
                self.named.append(named)
                return named
        generic = patterns.en_generic.match(self.text, position)
        if generic is not None:
            return self._generic_en(generic)
        title = patterns.en_title.match(self.text, position)
        if title is not None:
            written = _trim_en_title(self.original[title.start() : title.end()])
            if written and patterns.en_title_kind.search(written):
                named = _Named(
                    instrument=None,
                    title=written,
                    text=written,
                    start=position,
                    end=position + len(written),
                )
                self.named.append(named)
                return named
        return self._abbreviation_after(end)

    def _abbreviation_after(self, end: int) -> _Named | None:
        gap = _patterns().blank.match(self.text, end)
        if gap is None:
            return None
        mention = self.tables.mention.match(self.text, gap.end())
        if mention is None or mention.group("abbreviation") is None:
            return None
        named = self._named(mention)
        if named is not None:
            self.named.append(named)
        return named

    def _generic_en(self, generic: re.Match[str]) -> _Named:
        start, end = generic.span()
        written = self.original[start:end]
        determiner, word = (generic.group("det") or "the").lower(), generic.group("word").lower()
        kind = "regulations" if word == "regulation" else word
        if determiner in ("this", "these"):
            # "this Law" in a text quoting a law just named is that law; otherwise the text's own.
            antecedent = self._antecedent(start)
            if antecedent is not None and self._is_kind(antecedent, english=kind, chinese=None):
                return attrs.evolve(antecedent, text=written, start=start, end=end)
        else:
            for named in reversed(self.named):
                if named.start < start and self._is_kind(named, english=kind, chinese=None):
                    return attrs.evolve(named, text=written, start=start, end=end)
        named = _Named(instrument=None, title=written, text=written, start=start, end=end)
        self.named.append(named)
        return named

    def _is_kind(self, named: _Named, *, english: str | None, chinese: str | None) -> bool:
        if named.instrument is not None:
            if english is not None:
                return english in self.tables.en_kinds[named.instrument]
            return chinese in self.tables.zh_kinds[named.instrument]
        title = named.title or ""
        if english is not None:
            return re.search(rf"\b{english}\b", title, re.IGNORECASE) is not None
        return chinese is not None and _zh_key(title).endswith(chinese)

    def _attach_before(self, start: int, *, peek: bool = False) -> _Named | None:
        """The instrument named right before an article group (《网络安全法》第二十一条, 本法第五条).

        With *peek*, only report an adjacent instrument mention, changing nothing.
        """
        patterns = _patterns()
        if self.pending:
            last = self.pending[-1]
            if last.end <= start and patterns.gap_before.fullmatch(self.text, last.end, start):
                if not peek:
                    self.pending.pop()
                return last
        if peek:
            return None
        window_start = max(0, start - 40)
        if (self_ref := patterns.zh_self.search(self.text, window_start, start)) is not None:
            written = self.original[self_ref.start() : self_ref.end()].strip()
            # Quoting a law after naming it: "《网络安全法》第五十九条 ……不履行本法第二十一条……".
            antecedent = self._antecedent(self_ref.start())
            if antecedent is not None and self._is_kind(antecedent, english=None, chinese=self_ref.group("kind")):
                return attrs.evolve(antecedent, text=written, start=self_ref.start(), end=start)
            named = _Named(instrument=None, title=written, text=written, start=self_ref.start(), end=start)
            self.named.append(named)
            return named
        if (generic := patterns.zh_generic.search(self.text, window_start, start)) is not None:
            return self._generic_zh(generic.group("kind"), generic.start(), start, legal=True)
        line_start = max(
            [window_start, *(m.end() for m in patterns.line_break.finditer(self.text, window_start, start))]
        )
        bare = patterns.zh_bare_title.search(self.text, line_start, start)
        if bare is not None:
            title_start = bare.start("title")
            verb = patterns.zh_verbs.match(self.text, title_start, bare.end("title"))
            if verb is not None:
                title_start = verb.end()
            if bare.end("title") - title_start >= 2:
                written = self.original[title_start : bare.end("title")]
                self.pending = [n for n in self.pending if not (title_start <= n.start < start)]
                named = _Named(instrument=None, title=written, text=written, start=title_start, end=start)
                self.named.append(named)
                return named
        return None

    def _generic_zh(self, kind: str, start: int, end: int, *, legal: bool) -> _Named | None:
        """该法, 《办法》: the last instrument of that kind named before *start*."""
        for named in reversed(self.named):
            if named.start < start and named.legal and self._is_kind(named, english=None, chinese=kind):
                return attrs.evolve(named, text=self.original[start:end], start=start, end=end, legal=legal)
        return None

    def _antecedent(self, start: int) -> _Named | None:
        for named in reversed(self.named):
            if named.end > start or not named.legal:
                continue
            if _patterns().line_break.search(self.text, named.end, start) is not None:
                return None
            return named
        return None

    def _version(self, named: _Named, article: int | None) -> str | None:
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


def _ordinal_or_number(ordinal: str | None, number: str | None) -> int | None:
    if number is not None:
        return int(number) or None
    if ordinal is not None:
        return _ORDINALS[ordinal.lower()]
    return None


def _en_ref(
    parsed: re.Match[str], previous: tuple[int, int | None, int | None] | None, level: str
) -> tuple[tuple[int, int | None, int | None] | None, str]:
    """One English list element as (article, paragraph, item), and the level of bare numbers.

    "Article 21(5)" is item 5; "Article 22(1)(3)" and "Art. 22.1(3)" are paragraph 1, item 3;
    after "Paragraphs 1" or "Items 1" (plural), a bare number continues that level.
    """

    def number(name: str) -> int | None:
        value = parsed.group(name)
        return int(value) if value is not None else None

    para_word, item_word = parsed.group("para_word"), parsed.group("item_word")
    plural = "article"
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


def _expand(
    first: tuple[int, int | None, int | None], last: tuple[int, int | None, int | None]
) -> list[tuple[int, int | None, int | None]]:
    """The references strictly between *first* and *last* of a range (第九条至第十一条)."""
    if first[1:] == (None, None) and last[1:] == (None, None):
        low, high = first[0], last[0]
        return [(n, None, None) for n in range(low + 1, high)] if 0 < high - low <= 200 else []
    if first[0] == last[0] and first[2] is None and last[2] is None and first[1] and last[1]:
        return [(first[0], n, None) for n in range(first[1] + 1, last[1])] if 0 < last[1] - first[1] <= 50 else []
    if first[:2] == last[:2] and first[2] and last[2]:
        return [(first[0], first[1], n) for n in range(first[2] + 1, last[2])] if 0 < last[2] - first[2] <= 50 else []
    return []


def _trim_en_title(title: str) -> str:
    """*title* without trailing connecting words ("Foo Law and" -> "Foo Law")."""
    return _patterns().en_trailing_connectors.sub("", title.strip())


# --- public verbs -----------------------------------------------------------------------------


def find(
    text: str,
    *,
    catalogue: Catalogue,
    at: dt.date | None = None,
    version: str | None = None,
    strict: bool = False,
) -> tuple[CitationMatch, ...]:
    """Every citation in *text*, in order, with the provision it names and its span.

    Names are resolved against *catalogue*. *at* and *version* choose which text of a
    multi-version instrument article numbers refer to (see the module docs). With *strict*,
    an instrument not in the catalogue, or an unreadable number, raises
    :class:`~cnenforce.errors.CitationError`; otherwise unknown instruments come back unresolved
    (``instrument=None``) with their title as written.

    >>> from cnenforce.catalogue import Catalogue
    >>> [(m.provision.title, m.provision.article, m.span()) for m in
    ...  find("依照《反垄断法》第五条处罚", catalogue=Catalogue.of([], []))]
    [('反垄断法', 5, (2, 11))]
    """
    if not isinstance(text, str):
        raise TypeError(f"expected text, got {type(text).__name__}")
    scan = _Scan(
        original=text,
        text=_fold(text),
        tables=_tables(catalogue),
        at=at,
        version=version,
        strict=strict,
    )
    return scan.run()


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
    the text names no provision (or, with *strict*, an instrument not in the catalogue).

    >>> from cnenforce.catalogue import Catalogue
    >>> parse("the Anti-Monopoly Law", catalogue=Catalogue.of([], []))
    (Provision(instrument=None, article=None, paragraph=None, item=None, version=None, title='Anti-Monopoly Law'),)
    """
    matches = find(text, catalogue=catalogue, at=at, version=version, strict=strict)
    if matches:
        return tuple(match.provision for match in matches)
    title = _bare_title(text)
    if title is not None:
        if strict:
            raise CitationError(f"unknown instrument {title!r}")
        return (Provision(title=title),)
    raise CitationError(f"no citation found in {text!r}")


def _bare_title(text: str) -> str | None:
    """The title, if *text* is nothing but an (unknown) instrument's title."""
    patterns = _patterns()
    stripped = text.strip()
    folded = _fold(stripped)
    if patterns.zh_title_whole.fullmatch(folded):
        return stripped
    candidate = re.sub(r"^the\s+", "", stripped, flags=re.IGNORECASE)
    match = patterns.en_title.fullmatch(_fold(candidate))
    if match is not None and patterns.en_title_kind.search(candidate) and _trim_en_title(candidate) == candidate:
        return candidate
    return None


_Language = Literal["en", "zh"]


def cite(provision: Provision, language: _Language = "en", *, catalogue: Catalogue) -> str:
    """Write *provision* as a citation in English (``"en"``) or Chinese (``"zh"``).

    English: "Article 21(5) of the Cybersecurity Law", "Article 24, Paragraph 1 of the
    Cybersecurity Law", "Article 22, Paragraph 1(3) of ...", "the Cybersecurity Law". Chinese:
    《网络安全法》第二十一条第（五）项, 《网络安全法》第二十四条第一款, 《网络安全法》. Instruments use their
    short title from *catalogue*; unresolved provisions their title as written. :func:`parse` reads the result
    back to the same provision (given the provision's ``version``).
    """
    if language not in ("en", "zh"):
        raise ValueError(f"language must be 'en' or 'zh', got {language!r}")
    if provision.instrument is not None:
        tables = _tables(catalogue)
        instrument = tables.instruments.get(provision.instrument)
        if instrument is None:
            raise CitationError(f"instrument {provision.instrument!r} is not in the catalogue")
        title = _display_title(instrument, language, tables)
    else:
        title = provision.title or ""
    if language == "zh":
        return _format_zh(provision, title)
    return _format_en(provision, title)


def _display_title(instrument: Instrument, language: _Language, tables: _Tables) -> str:
    """The first of the instrument's titles that reads back to it (its short title, usually)."""
    if language == "zh":
        candidates = [instrument.short_title_zh, instrument.title_zh, *instrument.aliases_zh]
        for candidate in candidates:
            if candidate and tables.zh_names.get(_zh_key(candidate)) == instrument.id:
                return candidate
        return instrument.title_zh
    candidates = [instrument.short_title_en, instrument.title_en, *instrument.aliases_en]
    for candidate in candidates:
        if candidate and tables.en_names.get(_en_key(candidate)) == instrument.id:
            return candidate
    return instrument.title_en


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def _format_en(provision: Provision, title: str) -> str:
    if provision.instrument is None and _has_cjk(title):
        name = title if title.startswith("本") else f"《{title}》"
    elif re.match(r"(?i)(?:the|this|these|such|said)\s", title):
        name = title
    else:
        name = f"the {title}"
    if provision.article is None:
        return name
    text = f"Article {provision.article}"
    if provision.paragraph is not None:
        text += f", Paragraph {provision.paragraph}"
    if provision.item is not None:
        text += f"({provision.item})"
    return f"{text} of {name}"


def _format_zh(provision: Provision, title: str) -> str:
    name = title if provision.instrument is None and re.fullmatch(r"本\w{1,2}", title) else f"《{title}》"
    if provision.article is None:
        return name
    text = f"{name}第{to_chinese(provision.article)}条"
    if provision.paragraph is not None:
        text += f"第{to_chinese(provision.paragraph)}款"
    if provision.item is not None:
        text += f"第（{to_chinese(provision.item)}）项"
    return text
