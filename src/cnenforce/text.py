"""The rules every piece of text in the record follows, and the URL rule.

Text is data that reaches web pages, spreadsheets and terminals, so it is held to one rule,
checked by the model (every object, however it was built) and reported to contributors:

- Unicode NFC (``cnenforce format`` normalises; the model refuses anything else);
- no control characters (C0 and C1, including line breaks, ``\\r`` and U+0085), no format
  characters (zero-width, bidi controls, tag characters: Unicode category Cf), no line or
  paragraph separators, no surrogates and no noncharacters;
- not empty, not only invisible characters (spaces, U+2800 BRAILLE PATTERN BLANK, U+3164
  HANGUL FILLER, ...), no white space at either end.

Everything else is kept exactly: Chinese punctuation is data (《》、，are never "fixed" to
ASCII), and any ideograph, assigned or not yet assigned in this Python's Unicode tables, is
accepted as it is.

URLs are http or https with a host, and contain nothing that can end a Markdown or HTML
context (spaces, quotes, angle brackets, parentheses, braces, backticks, backslashes):
percent-encode such characters.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = [
    "MAX_TEXT_LENGTH",
    "SUSPECT_PATTERN",
    "TEXT_PATTERN",
    "URL_PATTERN",
    "is_refused_character",
    "text_problem",
    "url_problem",
]

MAX_TEXT_LENGTH: Final = 20_000
"""The longest text value accepted, in characters: a summary, not a document."""

_REFUSED_CATEGORIES: Final = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
"""Controls, format characters, surrogates, line and paragraph separators."""

_INVISIBLE: Final = frozenset("\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0")
"""Characters that render as nothing though they are letters or symbols."""

# One regex finds any candidate quickly; unicodedata then decides. The class holds every code
# point whose category is refused in any Unicode version Python may ship, approximated by the
# ranges where such characters live (checked exactly below).
SUSPECT_PATTERN: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufdd0-\ufdef\ufeff\ufff0-\ufffb\ufffe\uffff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff\ud800-\udfff]"
    "|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
"""Candidates for refusal: every code point that is a control, format, separator, surrogate or
noncharacter in some Unicode version lies in this class (:func:`is_refused_character` decides).
Shared with :func:`cnenforce.terminal.clean`, so the terminal escapes what the text rules refuse."""

_REFUSED_BMP: Final = (
    r"\u0000-\u001f\u007f-\u009f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    r"\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufdd0-\ufdef\ufeff\ufff9-\ufffb\ufffe\uffff"
)
_INVISIBLE_CLASS: Final = r"\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0"

TEXT_PATTERN: Final = (
    rf"^(?=[^{_REFUSED_BMP}]*[^{_REFUSED_BMP}\s{_INVISIBLE_CLASS}])"  # a visible character
    rf"[^{_REFUSED_BMP}\s](?:[^{_REFUSED_BMP}]*[^{_REFUSED_BMP}\s])?$"  # no white space at either end
)
"""The text rules as one regular expression, valid in ECMA-262 and Python, for the JSON Schema.

It holds what a pattern can say portably: the refused characters of the Basic Multilingual
Plane (as of Unicode 14), white space at either end and invisible-only values. NFC, the
refused characters beyond the BMP (tag characters) and lone surrogates are checked by the model
alone (a pattern without the ``u`` flag would see every character beyond the BMP as
surrogates). Whatever the model accepts, the pattern accepts."""

URL_PATTERN: Final = re.compile(
    r"https?://"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,62}"  # host name
    r"(?::[0-9]{1,5})?"  # port
    # Path, query, fragment: no context-ending characters, no controls.
    r"(?:[/?#][^\s\"'<>()\[\]{}`\\^|\u0000-\u001f\u007f-\u009f]*)?"
)
"""The URL rule: http(s), a dotted host name, and no characters that end a Markdown or HTML
context. Non-ASCII letters are allowed in the path (Chinese file names), never in the host."""


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def is_refused_character(char: str) -> bool:
    """Whether the one character *char* is refused in text (see the module docs)."""
    return unicodedata.category(char) in _REFUSED_CATEGORIES or _is_noncharacter(ord(char))


def text_problem(text: str) -> str | None:
    """Why *text* breaks the text rules, or ``None`` if it follows them.

    >>> text_problem("《网络安全法》第二十一条") is None
    True
    >>> text_problem("a\\u202eb")
    'contains the invisible or control character U+202E'
    >>> text_problem("\\u3164")
    'has no visible character'
    """
    if not text:
        return "is empty"
    if len(text) > MAX_TEXT_LENGTH:
        return f"is longer than {MAX_TEXT_LENGTH:,} characters"
    if text.isprintable():
        # The common case, kept cheap because every string of a bundle passes here on load. A
        # printable string has no control, format, separator (but the ASCII space), surrogate or
        # unassigned code point (noncharacters are unassigned), so the ASCII space is its only
        # white space, and ASCII text is always in NFC form.
        if text[0] == " " or text[-1] == " ":
            return "has white space at the start or end"
        if text[0] in _INVISIBLE and all(char == " " or char in _INVISIBLE for char in text):
            return "has no visible character"
        if text.isascii() or unicodedata.is_normalized("NFC", text):
            return None
        return "is not in Unicode NFC form (run `cnenforce format`)"
    suspect = SUSPECT_PATTERN.search(text)
    while suspect is not None:
        char = suspect.group()
        if is_refused_character(char):
            return f"contains the invisible or control character U+{ord(char):04X}"
        suspect = SUSPECT_PATTERN.search(text, suspect.end())
    if text != text.strip():
        return "has white space at the start or end"
    if all(char.isspace() or char in _INVISIBLE for char in text):
        return "has no visible character"
    if not unicodedata.is_normalized("NFC", text):
        return "is not in Unicode NFC form (run `cnenforce format`)"
    return None


def url_problem(url: str) -> str | None:
    """Why *url* breaks the URL rule, or ``None`` if it follows it.

    >>> url_problem("https://www.cac.gov.cn/2025-09/16/c_1.htm") is None
    True
    >>> url_problem("https://example.com/a)<svg/onload=alert(1)>") is None
    False
    """
    problem = text_problem(url)
    if problem is not None:
        return problem
    if URL_PATTERN.fullmatch(url) is None:
        return (
            "must be an http(s) URL with a host name, without spaces, quotes, <, >, (, ), [, ], {, }, `, \\, ^ or | "
            f"(percent-encode them): {url!r}"
        )
    return None
