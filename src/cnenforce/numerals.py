"""Chinese numerals, as written in legal citations, to and from :class:`int`.

Article, paragraph and item numbers in Chinese legal texts are written in Chinese numerals
(第二十一条, 第一百零一条), sometimes in arabic or full-width digits (第21条, 第２１条).
:func:`to_int` reads all of these; :func:`to_chinese` writes the standard form.

>>> to_int("一百零一")
101
>>> to_chinese(110)
'一百一十'
>>> to_int("２１")
21

Reading is strict: text that is not one well-formed number raises :class:`ValueError`
(colloquial abbreviations such as 一百一 for 110 are ambiguous and rejected).
"""

from __future__ import annotations

from typing import Final

__all__ = ["MAX", "NUMERAL_CHARACTERS", "to_chinese", "to_int"]

MAX: Final = 99_999_999
"""The largest number :func:`to_chinese` writes and :func:`to_int` reads (九千九百九十九万…)."""

_DIGITS: Final = {
    "零": 0, "〇": 0, "○": 0, "洞": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_ZEROS: Final = frozenset("零〇○洞")
_UNITS: Final = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_MYRIADS: Final = frozenset("万萬")
_ARABIC: Final = str.maketrans("０１２３４５６７８９", "0123456789")

NUMERAL_CHARACTERS: Final = "".join(sorted({*_DIGITS, *_UNITS, *_MYRIADS}))
"""Every character :func:`to_int` reads apart from digits, for building patterns."""

_STANDARD_DIGITS: Final = "零一二三四五六七八九"


def to_int(text: str) -> int:
    """Read a number written in Chinese numerals, arabic or full-width digits.

    Accepts the standard form (十, 二十一, 一百零一, 一千零一十, 九千九百九十九, 一万零一),
    两 for 2, the financial forms (壹贰叁…拾佰仟), traditional 萬, digit-by-digit numbers
    (二〇二五) and digits (21, ２１, and arabic digits before a unit as in 3万).

    >>> to_int("十"), to_int("二十"), to_int("一百一十"), to_int("两百")
    (10, 20, 110, 200)
    >>> to_int("二〇二五")
    2025
    >>> to_int("十十")
    Traceback (most recent call last):
    ...
    ValueError: not a Chinese numeral: '十十' (units out of order)

    Raises :class:`ValueError` for anything that is not exactly one well-formed number.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected text, got {type(text).__name__}")
    stripped = text.strip().translate(_ARABIC)
    if not stripped:
        raise ValueError("not a Chinese numeral: empty text")
    if stripped.isascii() and stripped.isdigit():
        return int(stripped)
    if len(stripped) > 1 and all(char in _DIGITS for char in stripped) and stripped[0] not in _ZEROS:
        # Digit by digit, as years are written: 二〇二五.
        return int("".join(str(_DIGITS[char]) for char in stripped))
    myriad_at = [index for index, char in enumerate(stripped) if char in _MYRIADS]
    if len(myriad_at) > 1:
        raise ValueError(f"not a Chinese numeral: {text!r} (万 appears twice)")
    if myriad_at:
        high_text, low_text = stripped[: myriad_at[0]], stripped[myriad_at[0] + 1 :]
        high = _section(high_text, text, leading_zero=False)
        if high == 0:
            raise ValueError(f"not a Chinese numeral: {text!r} (nothing before 万)")
        low = _section(low_text, text, leading_zero=True) if low_text else 0
        if low_text and low < 1000 and low_text[0] not in _ZEROS:
            raise ValueError(f"not a Chinese numeral: {text!r} (ambiguous without 零 after 万)")
        return high * 10_000 + low
    return _section(stripped, text, leading_zero=False)


def _section(part: str, text: str, *, leading_zero: bool) -> int:
    """Read 0-9999 written with 十百千 (the part before or after 万)."""

    def fail(reason: str) -> ValueError:
        return ValueError(f"not a Chinese numeral: {text!r} ({reason})")

    if not part:
        raise fail("a number is missing")
    if part.isascii() and part.isdigit():
        value = int(part)
        if value > 9999:
            raise fail("too many digits before a unit")
        return value
    total = 0
    pending: int | None = None  # a digit waiting for its unit
    last_unit = 100_000  # the place of the previous unit; units must decrease
    zero_seen = False
    index = 0
    while index < len(part):
        char = part[index]
        if char.isascii() and char.isdigit():
            end = index
            while end < len(part) and part[end].isascii() and part[end].isdigit():
                end += 1
            if pending is not None:
                raise fail("a digit follows a digit")
            pending = int(part[index:end])
            if pending > 9 and end < len(part):
                raise fail("several digits before a unit")
            index = end
            continue
        if char in _ZEROS:
            if pending is not None or zero_seen:
                raise fail("零 out of place")
            if total == 0 and not leading_zero:
                if len(part) == 1:
                    return 0
                raise fail("a number cannot start with 零")
            zero_seen = True
        elif char in _DIGITS:
            if pending is not None:
                raise fail("a digit follows a digit")
            pending = _DIGITS[char]
        elif char in _UNITS:
            unit = _UNITS[char]
            if unit >= last_unit:
                raise fail("units out of order")
            if pending is None:
                if unit != 10 or total:
                    raise fail("a unit without a digit" if unit != 10 else "a unit follows a unit")
                pending = 1  # 十 at the start means 一十
            if zero_seen and last_unit < 100_000 and last_unit // unit < 100:
                raise fail("零 where no place is skipped")
            if not zero_seen and last_unit < 100_000 and last_unit // unit > 10:
                raise fail("a skipped place needs 零")
            total += pending * unit
            pending = None
            last_unit = unit
            zero_seen = False
        else:
            raise fail(f"unexpected character {char!r}")
        index += 1
    if pending is not None:
        if last_unit < 100_000 and last_unit != 10 and not zero_seen:
            raise fail("ambiguous final digit; write the unit or 零")
        if zero_seen and last_unit == 10:
            raise fail("零 where no place is skipped")
        if leading_zero and total == 0 and not zero_seen and len(part) > 1:
            raise fail("a digit follows a digit")
        total += pending
    elif zero_seen:
        raise fail("a number cannot end with 零")
    return total


def to_chinese(number: int) -> str:
    """Write *number* (0 to :data:`MAX`) in standard simplified Chinese numerals.

    Numbers from 10 to 19 start with 十 (十一), as article numbers are written; inside a
    longer number the 一 is kept (一百一十).

    >>> [to_chinese(n) for n in (0, 10, 21, 101, 110, 1010, 9999, 10_001)]
    ['零', '十', '二十一', '一百零一', '一百一十', '一千零一十', '九千九百九十九', '一万零一']
    """
    if type(number) is not int or not 0 <= number <= MAX:
        raise ValueError(f"can only write whole numbers from 0 to {MAX} in Chinese, got {number!r}")
    if number == 0:
        return "零"
    high, low = divmod(number, 10_000)
    if not high:
        return _write_section(low, leading=True)
    text = _write_section(high, leading=True) + "万"
    if low:
        text += ("零" if low < 1000 else "") + _write_section(low, leading=False)
    return text


def _write_section(number: int, *, leading: bool) -> str:
    """Write 1-9999; *leading* drops the 一 of 一十 at the very start."""
    places = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
    text = ""
    gap = False
    for value, unit in places:
        digit = number // value % 10
        if digit == 0:
            gap = bool(text)
            continue
        if gap:
            text += "零"
            gap = False
        if not (leading and not text and value == 10 and digit == 1):
            text += _STANDARD_DIGITS[digit]
        text += unit
    return text
