"""Folding text for comparison: one form for names and free text, whatever case, width or
script they were written in.

:func:`fold` applies Unicode NFKC (full-width letters and digits become ASCII), case folding,
and maps traditional Chinese characters to simplified ones (:mod:`cnenforce.hanzi`), so that
"PIPL", "pipl" and "ＰＩＰＬ" compare equal, and so do 個人信息保護法 and 个人信息保护法.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from cnenforce.hanzi import TRADITIONAL_SIMPLIFIED

__all__ = ["fold"]

_TABLE: Final = str.maketrans(TRADITIONAL_SIMPLIFIED[0::2], TRADITIONAL_SIMPLIFIED[1::2])


def fold(text: str) -> str:
    """*text* in its comparison form: NFKC, case-folded, traditional characters simplified.

    >>> fold("ＰＩＰＬ") == fold("pipl")
    True
    >>> fold("個人信息保護法")
    '个人信息保护法'
    """
    if text.isascii():
        return text.lower()  # the same as case folding, for ASCII
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.casefold().translate(_TABLE)
