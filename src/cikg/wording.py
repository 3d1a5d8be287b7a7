"""How a wording is shown: one spelling for the variants PDF and web
extraction produce.

The reports' text carries spacing artefacts (第55次中国互联网络 发展状况统计报告,
加 快数 字人才, 5G 基站数量) and, now and then, full-width letters and digits.
:func:`display_form` removes both, so the labels of entities minted from
wordings (indicators, policies, report titles) read the same whatever the
source; :func:`cikg.iris.normalise_key` is the matching key behind them.
"""

from __future__ import annotations

import re

__all__ = ["display_form"]

_WIDE = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”"
_SPACE_NEAR_CJK_RE = re.compile(f"\\s+(?=[{_WIDE}])|(?<=[{_WIDE}])\\s+")
_FULL_WIDTH_ALNUM = {
    code: code - 0xFEE0
    for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}


def display_form(wording: str) -> str:
    """Full-width letters and digits as ASCII (Chinese punctuation kept), no
    spaces next to Chinese characters.

    >>> display_form("IPv6 地址数量")
    'IPv6地址数量'
    >>> display_form("第55次中国互联网络 发展状况统计报告")
    '第55次中国互联网络发展状况统计报告'
    >>> display_form("通用航空装备创新应用实施方案（２０２４-2030 年）")
    '通用航空装备创新应用实施方案（2024-2030年）'
    """
    return _SPACE_NEAR_CJK_RE.sub("", wording.translate(_FULL_WIDTH_ALNUM)).strip()
