"""Full-width forms as ASCII, one character for one, so offsets are kept.

Chinese documents mix full-width digits, letters and signs (``１２．３％``)
with ASCII ones; every reader of numbers, units and periods compares the
folded text and reports offsets into the original.
"""

from __future__ import annotations

__all__ = ["fold", "is_alnum", "is_latin"]

_FOLD_MAP: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F) if cp != 0xFF0C}
_FOLD_MAP.update({0x3000: " ", 0x00A0: " ", 0x2212: "-"})
_FOLD_MAP.update({cp: chr(cp + 32) for cp in range(ord("A"), ord("Z") + 1)})
_FOLD_MAP.update({cp: chr(cp - 0xFEE0 + 32) for cp in range(0xFF21, 0xFF3B)})
_FOLD = str.maketrans(_FOLD_MAP)


def fold(text: str) -> str:
    """Full-width ASCII to ASCII (but not ``，``), U+2212 to ``-``, wide and
    no-break spaces to ``' '``, Latin letters to lower case: one character for
    one, so offsets are kept.

    >>> fold("１２．３％ ＧＢ")
    '12.3% gb'
    """
    return text.translate(_FOLD)


def is_latin(ch: str) -> bool:
    """Whether ``ch`` is an ASCII letter."""
    return "a" <= ch <= "z" or "A" <= ch <= "Z"


def is_alnum(ch: str) -> bool:
    """Whether ``ch`` is an ASCII letter or digit."""
    return is_latin(ch) or "0" <= ch <= "9"
