"""Text for terminals: data and file names can never become escape sequences or new lines.

Every string that came from data, a file name or an argument passes through :func:`clean`
before the command line prints it. Every character the text rules of :mod:`cnenforce.text`
refuse -- control characters (C0 and C1, including ESC, CR and LF), format characters (bidi
controls and isolates, zero-width characters), line and paragraph separators, surrogates and
noncharacters -- is shown as a visible escape (``\\x1b``, ``\\u202e``) instead of acting on
the terminal.
"""

from __future__ import annotations

import re

from cnenforce.text import SUSPECT_PATTERN, is_refused_character

__all__ = ["clean"]


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if not is_refused_character(char):
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else (f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")


def clean(text: object) -> str:
    """*text* as a string safe to print on a terminal.

    >>> clean("ok\\x1b[31m red\\nnext")
    'ok\\\\x1b[31m red\\\\x0anext'
    """
    return SUSPECT_PATTERN.sub(_escape, str(text))
