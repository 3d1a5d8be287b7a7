"""Small whole numbers written in digits or in Chinese numerals.

Counts and ordinals in running text are as often 三 or 十一 as 3 or 11:
第二 (a rank), 前十一个月 (a span of months), 第三季度, 九部门 (joint issuers).
"""

from __future__ import annotations

__all__ = ["small_number"]

_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def small_number(text: str) -> int:
    """A number from 0 to 99 as written: digits (full-width too), or Chinese
    numerals 一 to 九十九 with 两 for 2.

    :param text: the number alone, e.g. ``"12"``, ``"十一"``, ``"两"``.
    :return: its value; 0 for characters that are no numeral.

    >>> [small_number(t) for t in ("7", "七", "十", "十一", "二十三", "两")]
    [7, 7, 10, 11, 23, 2]
    """
    text = text.strip()
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _DIGITS.get(tens, 1) * 10 + _DIGITS.get(ones, 0)
    return _DIGITS.get(text, 0)
