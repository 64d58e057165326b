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

from cnenforce.hanzi import TRADITIONAL_SIMPLIFIED

__all__ = ["fold"]


@functools.cache
def _table() -> dict[int, int]:
    # Built on first use, not at import: `import cnenforce` must do no work.
    table = str.maketrans(
        TRADITIONAL_SIMPLIFIED[0::2] + "０１２３４５６７８９（）［］．，：；＆－–—‐‑’‘\u00a0\u3000﹙﹚",
        TRADITIONAL_SIMPLIFIED[1::2] + "0123456789()[].,:;&-----''  ()",
    )
    # In a citation 參 is the financial numeral three (第參條), which numerals reads as 叁;
    # in names it is 参, as the shared table has it.
    table[ord("參")] = ord("叁")
    table.update({code: code - 0xFEE0 for code in range(ord("Ａ"), ord("ｚ") + 1) if chr(code).isalpha()})
    return table


def fold(text: str) -> str:
    """*text* folded for matching: simplified, half-width, plain punctuation; same length."""
    return text.translate(_table())
