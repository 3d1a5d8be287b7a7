"""Web pages (``.html``, ``.htm``) -> :class:`~cikg.records.Document`.

A saved page holds the document among navigation, footers, share buttons
and scripts. Well-kept libraries do what is not ours:

- **readability-lxml** finds the main content and returns it as HTML with its
  structure kept (headings, paragraphs, lists, ``<table>`` with ``rowspan``
  and ``colspan``, ``<sup>`` footnote markers, links). trafilatura was
  measured on the same pages: its output dropped the section headings
  (``<h2>一、基础资源</h2>``) and flattened spanning header cells, which the
  table reader needs; and installing it beside readability-lxml breaks the
  resolver of the pip a fresh ``python3 -m venv`` ships (23.2: two spellings of
  the ``lxml[html_clean]`` extra), so it is not used.
- **htmldate** reads the date the page's ``<head>`` states (meta tags such as
  ``article:published_time``, JSON-LD); the title is the content's first line
  when ``<title>`` opens with it, the site's name what follows it there.

The line a news page prints under its headline, its byline (``来源：中国信息安全
发布时间：2024-08-31``, also 作者, 编辑, 浏览次数 …), is the page's metadata, not
its text: it is left out of the body (its 来源 is no source the text cites), and
the 来源 it names is the article's source (the front matter's ``source``, as
a text article's front matter states it), before the site's name.

What is ours is turning the content into the lines the text loader reads
(:func:`html_to_lines`), so a page goes through the same stages as a text
file (:mod:`cikg.load.text`: cover, boilerplate, blocks): ``<h1>`` stays a
line (the page's title), ``<h2>``-``<h6>`` become markdown headings one level
up (``<h2>`` is ``#``), ``<p>`` and ``<li>`` lines, ``<sup>1</sup>``
superscript markers (¹), ``<table>`` a caption line and tab-separated rows with
spanning cells repeated, a link whose text is not its address keeps the
address in angle brackets (as the reports' footnotes write them).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from lxml import etree, html
from readability import Document as Readable

from cikg.errors import InputError
from cikg.load.text import (
    ascii_to_superscript,
    detect_encoding,
    lines_to_document,
    read_input,
)
from cikg.records import Document, FrontMatter

__all__ = ["html_to_lines", "load_html"]

_BLOCKS = frozenset(
    {"p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
     "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "figure", "figcaption", "header",
     "footer", "main", "aside", "br", "hr", "caption", "tr"}
)  # fmt: skip
_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "form"})
_SPACE_RE = re.compile(r"[ \t\r\n\u00a0\u3000]+")
#: What stands between a page's title and its site's name in ``<title>``.
_SITE_SEP_RE = re.compile(r"^\s*[_|｜\-–—:：]+\s*")
#: The most cells a spanning cell may fill (a malformed colspan="9999").
_MAX_SPAN = 50
#: A field of a news page's byline (``来源：…　发布时间：…``), at the line's start
#: or after a space, a bar or a bracket (``【字号：大 中 小】``).
_BYLINE_FIELD_RE = re.compile(
    r"(?:^|(?<=[\s|｜【\[]))(?P<key>文章来源|信息来源|来源|发布时间|发布日期|发表时间|时间|日期"
    r"|作者|责任编辑|编辑|浏览次数|阅读次数|点击数|字号)\s*[:：]"
)
_BYLINE_DATES = ("发布时间", "发布日期", "发表时间", "时间", "日期")
#: A byline may open with its date and time bare: ``2023-08-15 08:14　来源：成都日报``.
_BYLINE_STAMP_RE = re.compile(
    r"^(?:19|20)\d{2}[-/.年]\s*\d{1,2}[-/.月]\s*\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*"
)
_BYLINE_SOURCES = ("来源", "文章来源", "信息来源")
_BYLINE_MAX = 120


def load_html(path: Path, max_bytes: int | None = None) -> Document:
    """Load a saved web page.

    :param path: an ``.html`` or ``.htm`` file (UTF-8 or GB18030/GBK, as
        :func:`~cikg.load.text.detect_encoding` reads).
    :param max_bytes: the largest file read; ``None`` for no limit.
    :return: the document: the main content's blocks, with front matter from
        the page's metadata (title, date, the byline's 来源 or the site's
        name, address) when its text has no title page of its own.
    :raises InputError: if the file is too large, cannot be read or decoded,
        or holds no main content (the message names the file).
    """
    data = read_input(path, max_bytes)
    text, encoding = detect_encoding(data, path)
    if not text.strip():
        raise InputError(path, "is empty: it holds no text")
    try:
        content = Readable(text).summary(html_partial=True)
    except Exception as exc:  # readability raises its own Unparseable and lxml errors
        raise InputError(path, f"is not a web page cikg can read: {exc}") from exc
    lines = html_to_lines(content)
    if not any(line.strip() for line in lines):
        raise InputError(path, "holds no main text (only navigation, scripts or images)")
    front = _front_matter(text, lines)
    if front is not None:  # the title line is the front matter's title
        first = next(i for i, line in enumerate(lines) if line.strip())
        lines = lines[first + 1 :]
        byline = next((i for i, line in enumerate(lines) if line.strip()), None)
        fields = _byline(lines[byline]) if byline is not None else None
        if byline is not None and fields is not None:  # the page's metadata, not its text
            lines = [*lines[:byline], "", *lines[byline + 1 :]]
            source = next((fields[k] for k in _BYLINE_SOURCES if fields.get(k)), None)
            front = replace(front, source=source or front.source)
    return lines_to_document(path, hashlib.sha256(data).hexdigest(), lines, encoding, front=front)


def _byline(line: str) -> dict[str, str] | None:
    """The fields of a news page's byline, the line under its headline.

    :param line: the first line of the page's text after its title.
    :return: each field's value by its name (the first of a name kept), or
        ``None`` when the line is no byline: a byline is a short line of
        ``name：value`` fields only (来源, 发布时间, 作者, 编辑, 浏览次数 …),
        one of them a date or time with a digit in it, as government and
        news sites print one (``来源：中国信息安全　发布时间：2024-08-31``).

    >>> _byline("来源：中国信息安全　发布时间：2024-08-31")
    {'来源': '中国信息安全', '发布时间': '2024-08-31'}
    >>> _byline("2023-08-15 08:14　来源：成都日报")
    {'日期': '2023-08-15 08:14', '来源': '成都日报'}
    >>> _byline("来源：工业和信息化部，2024 年 12 月 23 日。") is None  # a note: no date field
    True
    """
    s = line.strip()
    stamp = _BYLINE_STAMP_RE.match(s)
    opens = stamp.end() if stamp else 0
    fields = list(_BYLINE_FIELD_RE.finditer(s, opens))
    if not fields or fields[0].start() != opens or len(s) > _BYLINE_MAX:
        return None
    values: dict[str, str] = {"日期": stamp.group(0).strip()} if stamp else {}
    for field, after in zip(fields, [*fields[1:], None], strict=True):
        end = after.start() if after is not None else len(s)
        values.setdefault(field["key"], s[field.end() : end].strip(" \t\u3000|｜【】[]"))
    if not any(re.search(r"\d", values.get(key, "")) for key in _BYLINE_DATES):
        return None
    return values


def _front_matter(page: str, lines: list[str]) -> FrontMatter | None:
    """The page's metadata as front matter, when its text opens with the
    page's title (``<title>`` is that line, or that line and the site's name
    after ``_``, ``|`` or ``-``) and its ``<head>`` states a date (an article);
    a report with a title page of its own is read as a text file with one."""
    from htmldate import find_date  # imported here: a second of start-up

    tree = html.document_fromstring(page)
    first = next((line for line in lines if line.strip()), "").lstrip("# ").strip()
    title = _SPACE_RE.sub(" ", tree.findtext(".//title") or "").strip()
    if not first or not title.startswith(first):
        return None  # the text opens with something else: its own cover, read as such
    site = _SITE_SEP_RE.sub("", title[len(first) :]).strip() or _meta(tree, "og:site_name")
    body = tree.find("body")
    if body is not None:  # the date the <head> states (meta tags, JSON-LD), not one
        for child in list(body):  # htmldate finds among the dates the text mentions
            body.remove(child)
    stated = find_date(tree, extensive_search=False, original_date=True)
    if not stated:
        return None
    return FrontMatter(title=first, url=_meta(tree, "og:url"), source=site or None, date=stated)


def _meta(tree: etree._Element, key: str) -> str | None:
    """A ``<meta property=…>`` or ``<meta name=…>`` value."""
    for element in tree.iter("meta"):
        if key in (element.get("property"), element.get("name")) and element.get("content"):
            return element.get("content").strip()
    return None


def html_to_lines(fragment: str) -> list[str]:
    """The lines a text file of the same content would hold (see the module's
    docstring for each element).

    :param fragment: HTML (a whole page or a part of one).
    :return: lines in reading order, blank lines between blocks.

    >>> html_to_lines("<h2>一、概况</h2><p>网民规模达 11.08 亿人<sup>1</sup>。</p>")
    ['# 一、概况', '', '网民规模达 11.08 亿人¹。', '']
    >>> html_to_lines('<table><tr><th rowspan="2">指标</th><th colspan="2">2024 年</th></tr>'
    ...               '<tr><th>数量</th><th>占比</th></tr></table>')
    ['指标\\t2024 年\\t2024 年', '指标\\t数量\\t占比', '']
    """
    root = html.fragment_fromstring(fragment, create_parent="div")
    out: list[str] = []
    _emit(root, out, [])
    _flush(out, [])
    while out and not out[-1].strip():
        out.pop()
    return [*out, ""] if out else []


def _flush(out: list[str], inline: list[str]) -> None:
    """End the running line of inline text, if any, as a block."""
    text = _SPACE_RE.sub(" ", "".join(inline)).strip()
    inline.clear()
    if text:
        out.extend([text, ""])


def _emit(element: etree._Element, out: list[str], inline: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIPPED:
        inline.append(element.tail or "")
        return
    if tag in {"h2", "h3", "h4", "h5", "h6"}:
        _flush(out, inline)
        text = _text(element)
        if text:
            out.extend([f"{'#' * (int(tag[1]) - 1)} {text}", ""])  # <h1> is the title
    elif tag == "table":
        _flush(out, inline)
        out.extend([*_table_lines(element), ""])
    elif tag == "li":
        _flush(out, inline)
        text = _text(element)
        if text:
            out.extend([f"- {text}", ""])
    elif tag == "br":
        _flush(out, inline)
    elif tag in _BLOCKS:
        _flush(out, inline)
        inline.append(element.text or "")
        for child in element:
            _emit(child, out, inline)
        _flush(out, inline)
    else:
        inline.append(_inline(element, tail=False))
    inline.append(element.tail or "")


def _inline(element: etree._Element, *, tail: bool = True) -> str:
    """The text of an inline element: superscripts as superscript digits, a
    link whose text is not its address with the address after it."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIPPED:
        return element.tail or "" if tail else ""
    inner = (element.text or "") + "".join(_inline(child) for child in element)
    if tag == "sup" and inner.strip().isdigit():
        inner = ascii_to_superscript(inner.strip())
    elif tag == "a":
        href = (element.get("href") or "").strip()
        if href.startswith(("http://", "https://")) and href not in inner:
            inner = f"{inner}<{href}>"
    return inner + (element.tail or "" if tail else "")


def _text(element: etree._Element) -> str:
    """An element's text on one line."""
    return _SPACE_RE.sub(" ", _inline(element, tail=False)).strip()


def _table_lines(table: etree._Element) -> list[str]:
    """A table's caption and its rows, tab-separated, a spanning cell repeated
    in every row and column it spans (as a text table repeats a merged
    header)."""
    lines: list[str] = []
    caption = table.find("caption")
    if caption is not None and _text(caption):
        lines.extend([_text(caption), ""])
    grid: dict[tuple[int, int], str] = {}
    rows = [row for row in table.iter("tr") if _owning_table(row) is table]
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag not in {"td", "th"}:
                continue
            while (r, c) in grid:
                c += 1
            text = _text(cell)
            rowspan = min(_span(cell.get("rowspan")), _MAX_SPAN)
            colspan = min(_span(cell.get("colspan")), _MAX_SPAN)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = text
            c += colspan
    width = max((c for _, c in grid), default=-1) + 1
    for r in range(len(rows)):
        cells = [grid.get((r, c), "") for c in range(width)]
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def _owning_table(row: etree._Element) -> etree._Element | None:
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1
