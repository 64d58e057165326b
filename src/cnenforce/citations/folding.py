"""Folding text before matching, one character for one, so spans still index the original.

Folding maps traditional characters of instrument titles and citation words to simplified ones
(條 -> 条, 網絡 -> 网络), full-width digits, letters and brackets to ASCII, and curly apostrophes
and dashes to plain ones. Patterns then need one spelling of each; titles as written are always
taken from the original text.

>>> fold("《中華人民共和國網絡安全法》第２１條")
'《中华人民共和国网络安全法》第21条'
"""

from __future__ import annotations

import functools
from typing import Final

__all__ = ["fold"]

_TRADITIONAL: Final = (
    "華华國国網网絡络條条數数據据個个資资護护規规辦办務务聯联綫线線线電电話话戶户實实記记錄录號号"
    "賬账帳账稱称證证評评會会動动員员輿舆論论屬属與与級级測测價价術术薦荐處处罰罚責责並并於于關关"
    "應应項项節节範范暫暂時时間间開开發发為为違违兩两萬万億亿維维權权標标準准經经濟济營营業业產产"
    "總总則则義义衛卫環环險险隱隐讀读決决議议審审構构機机臺台體体內内們们門门統统設设備备監监檢检"
    "驗验認认識识訊讯碼码組组織织職职擊击傳传輸输儲储離离將将對对紀纪綱纲細细試试圖图書书報报導导"
    "須须當当過过這这還还進进運运達达適适鏈链雲云頁页鑒鉴鑑鉴別别態态勢势響响預预災灾難难變变現现"
    "擔担損损場场區区縣县廳厅鄉乡鎮镇軍军黨党貳贰參叁陸陆條条釋释訂订嚴严構构財财稅税廣广"
)
"""Pairs of (traditional, simplified) characters, written one after the other."""


@functools.cache
def _table() -> dict[int, int]:
    # Built on first use, not at import: `import cnenforce` must do no work.
    table = str.maketrans(
        _TRADITIONAL[0::2] + "０１２３４５６７８９（）［］．，：；＆－–—‐‑’‘\u00a0\u3000﹙﹚",
        _TRADITIONAL[1::2] + "0123456789()[].,:;&-----''  ()",
    )
    table.update({code: code - 0xFEE0 for code in range(ord("Ａ"), ord("ｚ") + 1) if chr(code).isalpha()})
    return table


def fold(text: str) -> str:
    """*text* folded for matching: simplified, half-width, plain punctuation; same length."""
    return text.translate(_table())
