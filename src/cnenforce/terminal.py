"""Text for terminals: data and file names can never become escape sequences or new lines.

Every string that came from data, a file name or an argument passes through :func:`clean`
before the command line prints it: control characters (C0 and C1, including ESC, CR and LF),
format characters (bidi controls, zero-width characters), line and paragraph separators and
surrogates are shown as visible escapes (``\\x1b``, ``\\u202e``) instead of acting on the
terminal.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = ["clean"]

_SUSPECT: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e0fff]"
)
_REFUSED: Final = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if unicodedata.category(char) not in _REFUSED:
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else (f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")


def clean(text: object) -> str:
    """*text* as a string safe to print on a terminal.

    >>> clean("ok\\x1b[31m red\\nnext")
    'ok\\\\x1b[31m red\\\\x0anext'
    """
    return _SUSPECT.sub(_escape, str(text))
