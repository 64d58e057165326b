"""The catalogue-independent regular expressions, as pieces and compiled on first use.

All patterns run on folded text (:mod:`~cnenforce.citations.folding`): ASCII digits and
brackets, simplified characters. The pieces here are combined with a catalogue's names in
:mod:`~cnenforce.citations.names`; :func:`patterns` compiles the rest once, on first use, so
importing the package compiles nothing.

None of these patterns can backtrack without bound: every repetition is either bounded or
separated by a token its neighbour cannot match, so each match attempt is linear in what it
reads. The open-ended repetitions of a list (第一条、第二条、…) are possessive (``*+``): they
never need to give anything back, and the regex engine would otherwise keep a backtracking
record of about a kilobyte for every element of the list.
"""

from __future__ import annotations

import functools
import re
from typing import Final, NamedTuple

from cnenforce.numerals import NUMERAL_CHARACTERS

__all__ = [
    "EN_GROUP",
    "EN_KINDS",
    "ORDINALS",
    "ZH_GENERIC_BOOKS",
    "ZH_GROUP",
    "ZH_KINDS",
    "ZH_LEGAL_ENDINGS",
    "ZH_PRC_PREFIX",
    "NamePatterns",
    "Patterns",
    "name_patterns",
    "patterns",
]

_NUM: Final = f"[0-9{NUMERAL_CHARACTERS}]+"
ORDINALS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
"""English ordinals as they qualify paragraphs and items ("the first paragraph of Article 24")."""
_ORD: Final = "|".join(ORDINALS)

# --- English article groups ---------------------------------------------------------------------

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

EN_GROUP: Final = rf"""
    (?i:(?<![\w.])
        (?:(?:the\s+)?(?:(?:{_ORD})\s+)?(?:{_EN_ITEM_WORD}|{_EN_PARA_WORD})\s*(?:\(?\d+\)?)?\s*(?:,\s*|\s+of\s+)
           (?:(?:the\s+)?(?:(?:{_ORD})\s+)?{_EN_PARA_WORD}\s*(?:\(?\d+\)?)?\s*(?:,\s*|\s+of\s+))?
        )?
        (?:{_EN_ARTICLE_WORD})(?=\d)
        {_EN_REF}
        (?:{_EN_SEPARATOR}{_EN_CONTINUATION})*+
    )
"""
"""An English article group: "Article 21(5)", "Arts. 9-11", "paragraph 1 of Article 24, and 25"."""

# --- Chinese article groups ---------------------------------------------------------------------

_ZH_SEPARATOR: Final = r"(?:[、,]|以及|或者|和|及|与|或|至|到|-|~|～)"
_ZH_NUMBERS: Final = rf"{_NUM}(?:[ \t]*{_ZH_SEPARATOR}[ \t]*{_NUM})*+"
"""One number, or several under one 第…条 (第23、25和39条, 第13-15条)."""
_ZH_SUB: Final = rf"(?:之[ \t]*{_NUM})"
"""An inserted article (第二百八十五条之一), which a provision cannot represent."""
_ZH_ELEMENT: Final = (
    rf"(?:第[ \t]*{_ZH_NUMBERS}[ \t]*[条款项]{_ZH_SUB}?|第?[ \t]*\([ \t]*{_NUM}[ \t]*\)(?:[ \t]*[项款])?)"
)
ZH_GROUP: Final = rf"""
    第[ \t]*{_ZH_NUMBERS}[ \t]*条{_ZH_SUB}?
    (?:[ \t]*(?:{_ZH_SEPARATOR}[ \t]*)?{_ZH_ELEMENT})*+
"""
"""A Chinese article group: 第二十一条第（五）项, 第四十七条、第四十八条, 第13-15条."""

# --- instrument names ---------------------------------------------------------------------------

ZH_KINDS: Final = ("法", "条例", "规定", "办法", "决定", "细则", "规则", "措施", "解释")
"""The endings of Chinese legal titles that 本法/该法-style references name."""
ZH_LEGAL_ENDINGS: Final = (
    *ZH_KINDS, "意见", "通知", "标准", "指南", "指引", "规范", "纲要",
    "公约", "准则", "法典", "方法", "基准", "总则", "通则",
)  # fmt: skip
"""Endings of book titles (《…》) that are legal documents, cited on their own."""
ZH_GENERIC_BOOKS: Final = frozenset((*ZH_KINDS[1:], "意见", "通知", "指南", "方法"))
"""Book titles that are only a kind (《办法》, 《条例》): short for an instrument named before."""
ZH_PRC_PREFIX: Final = "中华人民共和国"
_FOREIGN: Final = (
    "韩国|日本|美国|欧盟|英国|法国|德国|俄罗斯|印度|越南|新加坡|澳大利亚|加拿大|巴西|台湾|香港|澳门|"
    "韓國|美國|歐盟|英國|法國|德國|俄羅斯|越南|臺灣|台灣"
)
"""Places whose laws share titles with Chinese ones (韩国《个人信息保护法》)."""
EN_KINDS: Final = ("law", "provisions", "measures", "regulations", "regulation", "rules", "decision")
"""English title words that "this Law"/"the Provisions"-style references name."""
_EN_TITLE_KIND: Final = (
    r"\b(?:Laws?|Provisions|Measures|Regulations?|Rules?|Decisions?|Code|Interpretations?|"
    r"Guidelines|Standards?|Notice|Opinions|Act|Methods|Specifications?)\b"
)
_EN_CONNECTORS: Final = (
    "of", "on", "for", "and", "the", "in", "to", "with", "by", "from", "at",
    "against", "concerning", "regarding", "governing", "over", "its",
)  # fmt: skip
_EN_PRC_SUFFIX: Final = r"\s+of\s+(?:the\s+)?(?:people's\s+republic\s+of\s+china|prc|p\.r\.c\.|china)$"
_EN_PRC_PREFIX: Final = r"^(?:the\s+)?(?:(?:prc|p\.r\.c\.|china's|chinese|people's\s+republic\s+of\s+china(?:'s)?)\s+)?"

# --- what a citation string may not leave unread ------------------------------------------------

_UNREAD_TOKEN: Final = rf"""
    \d+
  | 第[ \t]*{_NUM}
  | {_NUM}[ \t]*[条款项]
  | \([ \t]*{_NUM}[ \t]*\)
  | §
  | (?i:\b(?:articles?|arts?|sections?|secs?|paragraphs?|paras?|par|clauses?|items?|sub-?paragraphs?
            |points?|sub-?items?)\b)
"""
"""A number or an article word: what :func:`~cnenforce.citations.parse` must read or report."""


class Patterns:
    """The compiled patterns; one instance, built by :func:`patterns` on first use."""

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
        # "of the revised Cybersecurity Law": an adjective that says which text is meant, not
        # another instrument, stays between the article and the name.
        self.en_attach = re.compile(r"(?i:\s*,?\s*(?:of|in|under)\s+(?:the\s+)?(?:(?:new|revised|amended)\s+)?)")
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
        self.en_kind_words = re.compile(r"(?i)\b(?:law|provisions|measures|regulations|rules|decision)\b")
        kinds = "|".join(ZH_KINDS)
        self.zh_self = re.compile(rf"本(?P<kind>{kinds})[ \t]*$")
        self.zh_numbers = re.compile(rf"(?P<number>{_NUM})|(?P<range>[至到\-~～])")
        self.foreign_before = re.compile(rf"(?:{_FOREIGN})[ \t]*$")
        self.edition_paren = re.compile(r"\((?=[^()]*(?:(?:19|20)\d\d|修正|修订))[^()]*\)$")
        self.trailing_paren = re.compile(r"\([^()]*\)$")
        self.edition_after = re.compile(r"[ \t]*\((?P<note>[^()\n]{4,40})\)")
        self.zh_generic = re.compile(rf"(?:该|上述|前述|同)(?P<kind>{kinds})[ \t]*$")
        self.zh_bare_title = re.compile(rf"(?P<title>[\u4e00-\u9fff]{{2,30}}?(?:{kinds}))[ \t]*(?:的)?[ \t]*$")
        self.zh_title_whole = re.compile(rf"(?:中华人民共和国)?[\u4e00-\u9fff]{{1,40}}(?:{kinds})")
        # Verbs that end the words before a bare title: 违反刑法第五条 -> 刑法.
        self.zh_verbs = re.compile(r".*(?:违反|依据|根据|依照|按照|参照|适用|遵守|对照|符合|触犯|援引)")
        self.paren_year = re.compile(r"(?:19|20)\d\d")
        self.line_break = re.compile(r"[\n\r\u2028\u2029]")
        self.blanks = re.compile(r"[ \t]*")
        self.blank = re.compile(r"[ \t]+")
        self.long_number = re.compile(r"\d{9,}")
        self.leading_the = re.compile(r"(?i)^the\s+")
        self.en_title_kind = re.compile(_EN_TITLE_KIND)
        names = name_patterns()
        self.en_prc_suffix = names.en_prc_suffix
        self.en_prc_prefix = names.en_prc_prefix
        self.en_trailing_connectors = names.en_trailing_connectors
        self.unread = re.compile(_UNREAD_TOKEN, verbose)


class NamePatterns(NamedTuple):
    """The few patterns that normalise an instrument's name: all that writing a citation needs,
    compiled apart from the reading patterns so that writing does not wait for those."""

    en_prc_suffix: re.Pattern[str]
    en_prc_prefix: re.Pattern[str]
    en_trailing_connectors: re.Pattern[str]


@functools.cache
def name_patterns() -> NamePatterns:
    """The name patterns (compiled on the first call)."""
    return NamePatterns(
        en_prc_suffix=re.compile(_EN_PRC_SUFFIX),
        en_prc_prefix=re.compile(_EN_PRC_PREFIX),
        en_trailing_connectors=re.compile(r"(?:\s+(?:" + "|".join(_EN_CONNECTORS) + r"))+\s*$"),
    )


@functools.cache
def patterns() -> Patterns:
    """The compiled patterns (compiled on the first call)."""
    return Patterns()
