"""One shared corpus of hostile inputs, and what every output must do with each.

Every entry is a :class:`HostileString`: a ``name`` (usable in file names and test ids), the
``fault`` class it belongs to, the ``text`` itself, and whether the text rules of
:mod:`cnenforce.text` accept it (``kept``). The rules every output follows:

- **Inputs** (the converter, data files, the bundle): a ``kept`` string is kept exactly, in
  every field of every record kind; any other is refused, naming the file, the line (where the
  format has lines) and the field path, with ``refusal`` in the message. Nothing is silently
  changed: ``cnenforce format`` alone normalises, and only to NFC (``normalised``).
- **Canonical TOML** (``cnenforce format``): every string except a lone surrogate (``json_only``:
  only a JSON ``\\ud800`` escape can carry one) reads back exactly.
- **JSON and JSON Lines**: a kept string reads back exactly; a JSON Lines export has one line
  per case whatever the text holds.
- **CSV**: a kept string reads back exactly, except that a cell starting a formula
  (``formula``) gets a leading apostrophe (:func:`cnenforce.export.csv_cell`); never an extra row.
- **Terminal**: nothing becomes an escape sequence or a new line (:func:`cnenforce.terminal.clean`).
- **Web site** (the docs helper's): a ``markup`` string is shown as the text it is, never as
  markup, an attribute or a link.
- **Query arguments and the command line**: a result, or the library's documented error
  (:class:`~cnenforce.errors.QueryError`, a one-line message and exit status 1 or 2).

:data:`HOSTILE` holds the texts, :data:`HOSTILE_URLS` the URLs (for URL fields), and
:data:`HOSTILE_AMOUNTS`, :data:`HOSTILE_NUMBERS` and :data:`HOSTILE_IDS` the values of amount,
article-number and id fields. :data:`FAULTS` describes each fault class.
"""

from __future__ import annotations

import enum
import unicodedata
from typing import Final

import attrs

__all__ = [
    "FAULTS",
    "HOSTILE",
    "HOSTILE_AMOUNTS",
    "HOSTILE_IDS",
    "HOSTILE_NUMBERS",
    "HOSTILE_URLS",
    "Fault",
    "HostileString",
    "HostileValue",
]


class Fault(enum.Enum):
    """The fault classes tried (the rows of ``docs/hostile-input.md``)."""

    CONTROL = "control"
    LINE_BREAK = "line-break"
    BIDI = "bidi"
    INVISIBLE = "invisible"
    BLANK = "blank"
    SURROGATE = "surrogate"
    LENGTH = "length"
    MARKUP = "markup"
    FORMULA = "formula"
    TERMINAL = "terminal"
    IDEOGRAPH = "ideograph"
    NFD = "nfd"
    URL = "url"
    AMOUNT = "amount"
    NUMBER = "number"
    IDENTIFIER = "identifier"


FAULTS: Final = {
    Fault.CONTROL: "Control characters: C0 (NUL, BEL, BS, TAB), DEL and C1",
    Fault.LINE_BREAK: "Line breaks: LF, CR, CRLF, NEL (U+0085), VT, FF, U+001C, U+2028, U+2029",
    Fault.BIDI: "Bidi controls and isolates (U+202A-U+202E, U+2066-U+2069, marks)",
    Fault.INVISIBLE: "Zero-width, format and tag characters (U+200B-U+200D, U+2060, BOM, U+E0041)",
    Fault.BLANK: "Values that are only invisible characters or spaces (U+2800, U+3164, U+3000)",
    Fault.SURROGATE: "Lone surrogates (only a JSON escape can carry them)",
    Fault.LENGTH: "Very long text (at and beyond 20,000 characters)",
    Fault.MARKUP: "Markdown and HTML injection: a closing parenthesis, script and svg tags, attribute lists, "
    "javascript links, entities, table pipes",
    Fault.FORMULA: "Spreadsheet formulas: cells starting with =, +, -, @; a formula after a tab or a CR",
    Fault.TERMINAL: "Terminal escapes: CSI colours, OSC 8 links, window titles, C1 CSI, a forged line",
    Fault.IDEOGRAPH: "Ideographs beyond the BMP, not yet assigned (Extension H), private use, emoji",
    Fault.NFD: "Decomposed (NFD) and compatibility forms",
    Fault.URL: "URLs: other schemes, context-ending characters, hosts that are not host names",
    Fault.AMOUNT: "Amounts: separators, exponents, full-width digits, signs, too many digits",
    Fault.NUMBER: "Article numbers: zero, negative, beyond the Chinese numerals, beyond 64 bits",
    Fault.IDENTIFIER: "Ids: path traversal, capitals, spaces, non-ASCII, too long",
}
"""What each fault class holds."""

_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


@attrs.frozen(kw_only=True)
class HostileString:
    """One hostile text, and what the library must do with it (see the module docs)."""

    name: str
    """A short lowercase name, usable in ids and file names."""
    fault: Fault
    text: str
    kept: bool
    """Whether the text rules accept it: then every output keeps it exactly."""
    refusal: str = ""
    """Text the refusal message contains, for a string that is not kept."""
    markup: bool = False
    """Markup for Markdown or HTML: the web site must show it as text."""
    json_only: bool = False
    """Only a JSON escape can carry it (a lone surrogate is not UTF-8, nor valid in TOML)."""
    normalised: str | None = None
    """What ``cnenforce format`` writes for it (its NFC form), for a decomposed string."""

    @property
    def formula(self) -> bool:
        """Whether a spreadsheet would read it as a formula: CSV cells get an apostrophe."""
        return self.text.startswith(_FORMULA_STARTS)

    @property
    def csv_cell(self) -> str:
        """The cell a CSV export writes for it (when kept)."""
        return "'" + self.text if self.formula else self.text


def _refused(
    name: str, fault: Fault, text: str, refusal: str, *, json_only: bool = False, normalised: str | None = None
) -> HostileString:
    return HostileString(
        name=name, fault=fault, text=text, kept=False, refusal=refusal, json_only=json_only, normalised=normalised
    )


def _kept(name: str, fault: Fault, text: str, *, markup: bool = False) -> HostileString:
    return HostileString(name=name, fault=fault, text=text, kept=True, markup=markup)


def _char(text: str) -> str:
    """The refusal message for the first refused character of *text*."""
    return next(f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp"))


def _control(name: str, fault: Fault, text: str) -> HostileString:
    return _refused(name, fault, text, _char(text))


C, L, B, Z, T = Fault.CONTROL, Fault.LINE_BREAK, Fault.BIDI, Fault.INVISIBLE, Fault.TERMINAL

HOSTILE: Final[tuple[HostileString, ...]] = (
    # Control characters.
    _control("nul", C, "a\x00b"),
    _control("bell", C, "a\x07b"),
    _control("backspace", C, "a\x08b"),
    _control("tab", C, "a\tb"),
    _control("delete", C, "a\x7fb"),
    _control("c1-padding", C, "a\x80b"),
    _control("c1-csi", C, "a\x9b31mb"),
    # Line breaks: each would end a line of output, a row of a CSV file or a Markdown table.
    _control("line-feed", L, "first\nsecond"),
    _control("carriage-return", L, "first\rsecond"),
    _control("crlf", L, "first\r\nsecond"),
    _control("next-line", L, "first\x85second"),
    _control("vertical-tab", L, "first\x0bsecond"),
    _control("form-feed", L, "first\x0csecond"),
    _control("file-separator", L, "first\x1csecond"),
    _control("line-separator", L, "first\u2028second"),
    _control("paragraph-separator", L, "first\u2029second"),
    # Bidi controls and isolates reorder what is displayed.
    _control("right-to-left-override", B, "invoice\u202etxt.exe"),
    _control("left-to-right-embedding", B, "a\u202ab\u202c"),
    _control("right-to-left-isolate", B, "\u2067abc\u2069 fined"),
    _control("first-strong-isolate", B, "a\u2068b"),
    _control("left-to-right-isolate", B, "a\u2066b"),
    _control("pop-directional-isolate", B, "ab\u2069"),
    _control("right-to-left-mark", B, "a\u200fb"),
    _control("arabic-letter-mark", B, "a\u061cb"),
    # Zero-width, format and tag characters.
    _control("zero-width-space", Z, "Ten\u200bcent"),
    _control("zero-width-joiner", Z, "\U0001f468\u200d\U0001f469"),
    _control("zero-width-non-joiner", Z, "a\u200cb"),
    _control("word-joiner", Z, "a\u2060b"),
    _control("byte-order-mark", Z, "a\ufeffb"),
    _control("soft-hyphen", Z, "Ten\u00adcent"),
    _control("invisible-times", Z, "a\u2062b"),
    _control("mongolian-vowel-separator", Z, "a\u180eb"),
    _control("interlinear-annotation", Z, "a\ufff9b\ufffbc"),
    _control("tag-characters", Z, "flag\U000e0041\U000e0042"),
    _control("cancel-tag", Z, "a\U000e007f"),
    _refused("noncharacter", Z, "a\ufdd0b", "U+FDD0"),
    _refused("plane-noncharacter", Z, "a\U0002fffeb", "U+2FFFE"),
    # Values that show nothing.
    _refused("empty", Fault.BLANK, "", "is empty"),
    _refused("braille-blank", Fault.BLANK, "\u2800", "no visible character"),
    _refused("hangul-filler", Fault.BLANK, "\u3164", "no visible character"),
    _refused("halfwidth-hangul-filler", Fault.BLANK, "\uffa0", "no visible character"),
    _refused("hangul-choseong-filler", Fault.BLANK, "\u115f\u1160", "no visible character"),
    _refused("blank-mix", Fault.BLANK, "\u2800\u3164\u2800", "no visible character"),
    _refused("no-break-space", Fault.BLANK, "\u00a0", "white space"),
    _refused("ideographic-space", Fault.BLANK, "\u3000", "white space"),
    _refused("leading-space", Fault.BLANK, " title", "white space"),
    _refused("trailing-ideographic-space", Fault.BLANK, "标题\u3000", "white space"),
    # Lone surrogates: JSON can carry them as escapes.
    _refused("lone-high-surrogate", Fault.SURROGATE, "a\ud800b", "U+D800", json_only=True),
    _refused("lone-low-surrogate", Fault.SURROGATE, "a\udc00b", "U+DC00", json_only=True),
    _refused("reversed-surrogates", Fault.SURROGATE, "\udc00\ud800", "U+DC00", json_only=True),
    # Length.
    _kept("longest", Fault.LENGTH, "长" * 20_000),
    _refused("too-long", Fault.LENGTH, "x" * 20_001, "longer than 20,000"),
    # Markdown and HTML: kept as text, shown as text.
    _kept("closing-parenthesis", Fault.MARKUP, "Tencent) <svg/onload=alert(1)>", markup=True),
    _kept("script", Fault.MARKUP, "<script>alert(1)</script>", markup=True),
    _kept("svg-onload", Fault.MARKUP, "<svg/onload=alert(1)>", markup=True),
    _kept("img-onerror", Fault.MARKUP, '<img src=x onerror="alert(1)">', markup=True),
    _kept("attribute-list", Fault.MARKUP, 'Tencent {: onclick="alert(1)" }', markup=True),
    _kept("markdown-link", Fault.MARKUP, "[x](javascript:alert(1))", markup=True),
    _kept("markdown-image", Fault.MARKUP, "![x](https://evil.example/x.png)", markup=True),
    _kept("link-breakout", Fault.MARKUP, "a)](javascript:alert(1)) [b", markup=True),
    _kept("quote-breakout", Fault.MARKUP, '" onmouseover="alert(1)', markup=True),
    _kept("html-entities", Fault.MARKUP, "&lt;b&gt; &amp; &#x3C;", markup=True),
    _kept("html-comment", Fault.MARKUP, "<!-- hidden --> shown", markup=True),
    _kept("table-pipes", Fault.MARKUP, "a | b | c", markup=True),
    _kept("backticks", Fault.MARKUP, "`code` and ```fence```", markup=True),
    _kept("heading", Fault.MARKUP, "# Heading", markup=True),
    _kept("template", Fault.MARKUP, "{{ config }} {% raw %}", markup=True),
    _kept("chinese-brackets", Fault.MARKUP, "《网络安全法》第二十一条、第（五）项", markup=True),
    # Spreadsheet formulas.
    _kept("formula-equals", Fault.FORMULA, '=HYPERLINK("https://evil.example","x")'),
    _kept("formula-plus", Fault.FORMULA, "+1+1"),
    _kept("formula-minus", Fault.FORMULA, "-2+3"),
    _kept("formula-at", Fault.FORMULA, "@SUM(A1:A2)"),
    _kept("formula-dde", Fault.FORMULA, "=cmd|' /C calc'!A0"),
    _kept("formula-later", Fault.FORMULA, "Total =SUM(A1:A2)"),
    _control("formula-after-tab", Fault.FORMULA, "\t=1+1"),
    _control("formula-in-new-row", Fault.FORMULA, "x\r=1+1"),
    # Terminal escapes.
    _control("csi-colour", T, "\x1b[31mred\x1b[0m"),
    _control("osc-8-link", T, "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\"),
    _control("osc-title", T, "\x1b]0;pwned\x07"),
    _control("c1-clear-screen", T, "\x9b2J"),
    _control("forged-line", T, "ok\n0 errors, 0 warnings"),
    _control("overwrite", T, "safe\x08\x08\x08\x08evil"),
    _kept("escape-lookalike", T, "\\x1b[31m not an escape"),
    # Ideographs and other characters kept exactly.
    _kept("extension-h", Fault.IDEOGRAPH, "\U00031350\U00031351公司"),
    _kept("extension-b", Fault.IDEOGRAPH, "\U00020000\U0002a6d6"),
    _kept("extension-g", Fault.IDEOGRAPH, "\U00030000"),
    _kept("ideographic-variation", Fault.IDEOGRAPH, "葛\U000e0100城"),
    _kept("private-use", Fault.IDEOGRAPH, "\ue000\U000f0000"),
    _kept("emoji", Fault.IDEOGRAPH, "\U0001f600 app"),
    _kept("arabic", Fault.IDEOGRAPH, "مرحبا"),
    _kept("combining-after-ideograph", Fault.IDEOGRAPH, "一\u0301"),
    # Decomposed forms: refused by the validator, normalised by `cnenforce format`.
    _refused("decomposed-e", Fault.NFD, "Cafe\u0301", "NFC", normalised="Caf\u00e9"),
    _refused("decomposed-hangul", Fault.NFD, "\u1100\u1161", "NFC", normalised="\uac00"),
    _refused("compatibility-ideograph", Fault.NFD, "\uf900", "NFC", normalised="\u8c48"),
    _refused("angstrom-sign", Fault.NFD, "\u212b", "NFC", normalised="\u00c5"),
)
"""Hostile texts, for every text field."""

HOSTILE_URLS: Final[tuple[HostileString, ...]] = (
    _refused("javascript", Fault.URL, "javascript:alert(1)", "http(s) URL"),
    _refused("data", Fault.URL, "data:text/html,<script>alert(1)</script>", "http(s) URL"),
    _refused("file", Fault.URL, "file:///etc/passwd", "http(s) URL"),
    _refused("ftp", Fault.URL, "ftp://example.com/a", "http(s) URL"),
    _refused("scheme-relative", Fault.URL, "//evil.example/a", "http(s) URL"),
    _refused("closing-parenthesis", Fault.URL, "https://example.com/a)<svg/onload=alert(1)>", "percent-encode"),
    _refused("quote", Fault.URL, 'https://example.com/a" onmouseover="alert(1)', "percent-encode"),
    _refused("angle-bracket", Fault.URL, "https://example.com/<script>", "percent-encode"),
    _refused("space", Fault.URL, "https://example.com/a b", "percent-encode"),
    _refused("brace", Fault.URL, "https://example.com/{:onclick}", "percent-encode"),
    _refused("backtick", Fault.URL, "https://example.com/`x`", "percent-encode"),
    _refused("user-info", Fault.URL, "https://user:pass@evil.example/", "http(s) URL"),
    _refused("unicode-host", Fault.URL, "https://例子.中国/", "http(s) URL"),
    _refused("bidi-host", Fault.URL, "https://evil\u202e.example/", "U+202E"),
    _refused("escape-in-path", Fault.URL, "https://example.com/\x1b[31m", "U+001B"),
    _refused("newline-in-path", Fault.URL, "https://example.com/a\nb", "U+000A"),
    _refused("no-host", Fault.URL, "https:///a", "http(s) URL"),
    _kept("plain", Fault.URL, "https://www.cac.gov.cn/2025-09/16/c_1.htm"),
    _kept("chinese-path", Fault.URL, "https://github.com/LawRefBook/Laws/blob/x/行政法/网络安全法.md"),
    _kept("percent-encoded", Fault.URL, "https://example.com/a%29%3Csvg%3E"),
    _kept("port-query-fragment", Fault.URL, "http://example.com:8080/a?b=c&d=e#f"),
)
"""Hostile URLs, for every URL field (every string of :data:`HOSTILE` is refused there too)."""


@attrs.frozen(kw_only=True)
class HostileValue:
    """A hostile value of a field that is not free text (an amount, a number, an id)."""

    name: str
    fault: Fault
    value: object
    """The value as a data file or a bundle gives it (text, a number)."""
    kept: bool
    refusal: str = ""
    toml: bool = True
    """Whether TOML can carry it (a 65-bit integer cannot: a syntax error)."""


def _value(name: str, fault: Fault, value: object, refusal: str = "", *, toml: bool = True) -> HostileValue:
    return HostileValue(name=name, fault=fault, value=value, kept=not refusal, refusal=refusal, toml=toml)


_AMOUNT = "amount written as text"
HOSTILE_AMOUNTS: Final[tuple[HostileValue, ...]] = (
    _value("european-separators", Fault.AMOUNT, "50.000,00", _AMOUNT),
    _value("thousands-commas", Fault.AMOUNT, "50,000", _AMOUNT),
    _value("underscores", Fault.AMOUNT, "5_0000", _AMOUNT),
    _value("full-width-digits", Fault.AMOUNT, "５００００", _AMOUNT),
    _value("arabic-indic-digits", Fault.AMOUNT, "٥٠٠٠٠", _AMOUNT),
    _value("huge-exponent", Fault.AMOUNT, "1e999999999", _AMOUNT),
    _value("exponent", Fault.AMOUNT, "5e4", _AMOUNT),
    _value("exponent-form", Fault.AMOUNT, "5E+4", _AMOUNT),
    _value("negative", Fault.AMOUNT, "-1", _AMOUNT),
    _value("plus-sign", Fault.AMOUNT, "+5", _AMOUNT),
    _value("zero", Fault.AMOUNT, "0", "positive"),
    _value("five-decimals", Fault.AMOUNT, "0.00001", _AMOUNT),
    _value("sixteen-digits", Fault.AMOUNT, "1" + "0" * 15, _AMOUNT),
    _value("leading-zero", Fault.AMOUNT, "050000", _AMOUNT),
    _value("leading-space", Fault.AMOUNT, " 50000", _AMOUNT),
    _value("trailing-newline", Fault.AMOUNT, "50000\n", _AMOUNT),
    _value("hexadecimal", Fault.AMOUNT, "0x10", _AMOUNT),
    _value("not-a-number", Fault.AMOUNT, "NaN", _AMOUNT),
    _value("infinity", Fault.AMOUNT, "Infinity", _AMOUNT),
    _value("bare-point", Fault.AMOUNT, "5.", _AMOUNT),
    _value("integer", Fault.AMOUNT, 50000, _AMOUNT),
    _value("integer-beyond-64-bits", Fault.AMOUNT, 2**64, _AMOUNT, toml=False),
    _value("float", Fault.AMOUNT, 5e4, _AMOUNT),
    _value("plain", Fault.AMOUNT, "50000"),
    _value("decimals", Fault.AMOUNT, "1234.5"),
    _value("largest", Fault.AMOUNT, "999999999999999.9999"),
)
"""Hostile amounts, for every amount field (``amount.amount``)."""

HOSTILE_NUMBERS: Final[tuple[HostileValue, ...]] = (
    _value("zero", Fault.NUMBER, 0, "from 1 to 99,999,999"),
    _value("negative", Fault.NUMBER, -1, "from 1 to 99,999,999"),
    _value("beyond-chinese-numerals", Fault.NUMBER, 100_000_000, "from 1 to 99,999,999"),
    _value("beyond-a-billion", Fault.NUMBER, 10**12, "from 1 to 99,999,999"),
    _value("beyond-64-bits", Fault.NUMBER, 2**64, "from 1 to 99,999,999", toml=False),
    _value("true", Fault.NUMBER, True, "expected a whole number"),
    _value("float", Fault.NUMBER, 21.0, "expected a whole number"),
    _value("text", Fault.NUMBER, "21", "expected a whole number"),
    _value("chinese-numeral", Fault.NUMBER, "二十一", "expected a whole number"),
    _value("one", Fault.NUMBER, 1),
    _value("largest", Fault.NUMBER, 99_999_999),
)
"""Hostile article, paragraph and item numbers, for every such field."""

_ID = "lowercase words joined by hyphens"
HOSTILE_IDS: Final[tuple[HostileValue, ...]] = (
    _value("path-traversal", Fault.IDENTIFIER, "../../etc/passwd", _ID),
    _value("capitals", Fault.IDENTIFIER, "CSL", _ID),
    _value("space", Fault.IDENTIFIER, "csl law", _ID),
    _value("trailing-newline", Fault.IDENTIFIER, "csl\n", _ID),
    _value("double-hyphen", Fault.IDENTIFIER, "a--b", _ID),
    _value("chinese", Fault.IDENTIFIER, "网络安全法", _ID),
    _value("full-width", Fault.IDENTIFIER, "ｃｓｌ", _ID),
    _value("too-long", Fault.IDENTIFIER, "a" * 121, _ID),
    _value("empty", Fault.IDENTIFIER, "", _ID),
    _value("escape", Fault.IDENTIFIER, "csl\x1b[31m", _ID),
    _value("number", Fault.IDENTIFIER, 21, "expected text"),
)
"""Hostile ids, for every id field that refers to another record (all refused)."""


def _check_names() -> None:
    for corpus in (HOSTILE, HOSTILE_URLS, HOSTILE_AMOUNTS, HOSTILE_NUMBERS, HOSTILE_IDS):
        names = [entry.name for entry in corpus]
        if len(names) != len(set(names)):
            raise ValueError(f"repeated names in the hostile corpus: {names}")


_check_names()
