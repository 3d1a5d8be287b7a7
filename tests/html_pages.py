"""Seeds rendered as web pages, the way a government site lays one out: a
navigation bar, a breadcrumb, the article (title, a 来源/发布时间 line, then the
text with headings, tables and footnotes), a share bar, a footer and scripts.
Each line of a block stands in its own ``<p>`` (a figure caption and the 来源
line under it are two paragraphs: a browser shows a newline inside one ``<p>``
as a space).

The page is made from the seed's own blocks (as the text loader reads them), so
what a web page adds around the document is all that differs: reading the page
must give back the same figures as reading the text.
"""

from __future__ import annotations

from html import escape

from cikg.load.text import superscript_to_ascii
from cikg.records import BlockKind, Document

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

_NAV = """<div class="topbar"><a href="/">首页</a> | <a href="/zhengce/">政策</a> |
<a href="/shuju/">数据</a> | <a href="/hudong/">互动</a> | <a href="/fuwu/">服务</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/shuju/">数据</a> &gt; 正文</div>"""
_SHARE = """<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a>
<a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>"""
_FOOTER = """<div class="footer"><p>主办单位：示例网站 版权所有</p>
<p>京ICP备00000000号 京公网安备 11010202000000 号</p><p>网站标识码 bm00000001</p></div>
<script>var _hmt = _hmt || []; (function(){ var hm = document.createElement("script"); })();</script>"""


def _inline(text: str) -> str:
    """Escape text and turn superscript markers into ``<sup>``."""
    out: list[str] = []
    run = ""
    for ch in text:
        if ch in _SUPERSCRIPTS:
            run += ch
            continue
        if run:
            out.append(f"<sup>{superscript_to_ascii(run)}</sup>")
            run = ""
        out.append(escape(ch))
    if run:
        out.append(f"<sup>{superscript_to_ascii(run)}</sup>")
    return "".join(out)


def _table(block) -> str:  # type: ignore[no-untyped-def]
    rows = []
    for i, row in enumerate(block.rows):
        cell = "th" if i < block.header_rows else "td"
        rows.append("<tr>" + "".join(f"<{cell}>{_inline(c)}</{cell}>" for c in row) + "</tr>")
    caption = " ".join(p for p in (block.label, block.caption) if p)
    notes = "".join(f'<p class="note">{_inline(n)}</p>' for n in block.notes)
    head = f"<caption>{_inline(caption)}</caption>" if caption else ""
    return f'<table border="1">{head}{"".join(rows)}</table>{notes}'


def render_page(doc: Document, *, site: str = "示例政务网") -> str:
    """The document as a web page (see the module's docstring)."""
    front = doc.front_matter
    title = front.title if front and front.title else (doc.cover[0][1] if doc.cover else "")
    parts = [f"<h1>{_inline(title)}</h1>"]
    if front:
        source = front.source or site
        parts.append(
            f'<div class="info">来源：{escape(source)}　发布时间：{escape(front.date or "")}</div>'
        )
    else:
        parts.extend(f'<p class="cover">{_inline(line)}</p>' for _, line in doc.cover[1:])
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING:
            level = min((block.level or 1) + 1, 6)
            parts.append(f"<h{level}>{_inline(block.text)}</h{level}>")
        elif block.kind is BlockKind.TABLE:
            parts.append(_table(block))
        elif block.kind is BlockKind.LIST_ITEM:
            parts.append(f"<ul><li>{_inline(block.text)}</li></ul>")
        elif block.kind is BlockKind.TOC:
            continue
        else:  # a figure caption and the 来源 lines under it: a paragraph each
            parts.extend(f"<p>{_inline(line)}</p>" for line in block.text.split("\n"))
    meta = ""
    if front and front.date:
        meta = f'<meta property="article:published_time" content="{escape(front.date)}">'
    body = "\n".join(parts)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{escape(title)}_{escape(site)}</title>{meta}
<script src="/js/jquery.min.js"></script><style>body {{ font-size: 14px }}</style></head>
<body>{_NAV}
<div class="main"><div class="article">
{body}
</div>{_SHARE}</div>
{_FOOTER}</body></html>
"""
