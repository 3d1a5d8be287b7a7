"""Which language the words of an English page are in (#19 item 9).

An English page shows a thing's English label where it has one; a thing
with none (a policy title, a table caption, a citation quoted as written)
is shown in Chinese, and that Chinese is marked ``lang="zh"`` so that
browsers, screen readers and translators treat it as Chinese (HTML, §3.2.6.2
"The lang and xml:lang attributes"; W3C, "Declaring language in HTML").
Nothing is translated here.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

__all__ = ["has_chinese", "mark_chinese"]

_CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\U00020000-\U0003134f"
_ANY = re.compile(f"[{_CJK}]")
#: A run of Chinese: from a Han character or CJK punctuation to the last one
#: before a Latin letter or the name separator " · " (digits, spaces and
#: ASCII punctuation between them belong to the run: 2024 年 4 月 2 日).
_RUN = re.compile(f"[{_CJK}](?:[^A-Za-z·]*[{_CJK}])?")


def has_chinese(text: str) -> bool:
    """Whether ``text`` has a Han character, CJK punctuation or a full-width form.

    >>> has_chinese(".中国 domain names"), has_chinese("Beijing")
    (True, False)
    """
    return _ANY.search(text) is not None


def mark_chinese(text: object, lang: str) -> object:
    """``text`` for a page in ``lang``: on an English page, each run of
    Chinese in it wrapped in ``<span lang="zh">`` (the rest escaped);
    otherwise, or when it has no Chinese, ``text`` as it is (the template
    escapes it).

    :param text: what a template shows (a name, a title); not a string:
        returned as it is.
    :param lang: the page's language, ``"zh"`` or ``"en"``.
    :returns: ``text``, or safe markup.

    >>> mark_chinese("数据来源：工业和信息化部 (untranslated)", "en")
    Markup('<span lang="zh">数据来源：工业和信息化部</span> (untranslated)')
    >>> mark_chinese("Report · <b>来源</b>", "en")
    Markup('Report · &lt;b&gt;<span lang="zh">来源</span>&lt;/b&gt;')
    >>> mark_chinese("网民规模", "zh"), mark_chinese("Internet users", "en")
    ('网民规模', 'Internet users')
    """
    if lang == "zh" or not isinstance(text, str) or _ANY.search(text) is None:
        return text
    return Markup(_RUN.sub(lambda m: f'<span lang="zh">{m.group(0)}</span>', str(escape(text))))
