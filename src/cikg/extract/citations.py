"""Footnotes that name a source -> citation records.

The reports cite their sources in footnotes (001/004: ``²⁴ 来源：工业和信息化部，
https://…，2024 年 12 月 23 日。``; 003: ``[6] 数据来源：工业和信息化部``). A
footnote is a citation when it starts with 来源/数据来源/资料来源 (数据来源基于…
too), names a work and who published it (IDC与浪潮联合发布的《…》, publisher
IDC) or gives a URL; its publisher is the organisation named before the first comma
(:func:`~cikg.extract.organisations.source_org`: a curated or structured
name, the name before a year or a publication — 腾讯 2024 年中期财务报告 ->
腾讯 — never a method such as 根据…计算). ``来源：同上`` repeats the previous
citation. Footnotes that define a term (¹⁸ 静态网页：指…) are not citations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cikg.extract.organisations import OrgFinder, source_org
from cikg.extract.periods import find_periods
from cikg.records import Block, BlockKind

__all__ = [
    "CitationRecord",
    "footnotes_to_citations",
    "marker_pattern",
    "source_lines_to_citations",
]

_SOURCE_RE = re.compile(
    r"^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d+\])?\s*(?:数据来源|资料来源|来源)\s*(?:[：:，,]|(?=基于|于|自))\s*"
)
#: A footnote naming a work and who published it: ¹⁰ IDC与浪潮联合发布的《2020全球
#: 计算力指数评估报告》… (the first publisher named is the citation's).
_CITED_WORK_RE = re.compile(
    r"^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d+\])?\s*(?P<who>[^，,。；;《》\s][^，,。；;《》]{0,29}?)"
    r"(?:联合|共同)?发布的?《"
)
_MARKER_PREFIX_RE = re.compile(r"^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d+\])\s*")
_URL_RE = re.compile(r"https?://[^\s<>，。；、）)]+[^\s<>，。；、）).,]")
_SAME_AS_ABOVE = ("同上", "同前")
_PUBLICATION_RE = re.compile(r"报告|财报|公告|《|白皮书|年报|季报|业绩")
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True, slots=True)
class CitationRecord:
    """A footnote that names a source.

    :param marker: the footnote marker in ASCII digits (``"24"``).
    :param block: index of the footnote block in ``Document.blocks``.
    :param text: the footnote, verbatim.
    :param publishers: the source organisations' names as written, the first
        named first; empty when it names none.
    :param urls: every URL it gives (trailing punctuation trimmed).
    :param date: the date it gives, ISO (``2024-12-23``), if a day.
    """

    marker: str
    block: int
    text: str
    publishers: tuple[str, ...]
    urls: tuple[str, ...]
    date: str | None


def marker_pattern(marker: str, bracketed: bool) -> re.Pattern[str]:
    """How a passage cites footnote ``marker``: ``²⁴`` (not inside ``²⁴⁵``)
    or ``[24]``.

    >>> bool(marker_pattern("24", False).search("比重达 59.6%²⁴，"))
    True
    >>> bool(marker_pattern("2", False).search("达 59.6%²⁴"))
    False
    """
    if bracketed:
        return re.compile(rf"\[{marker}\]")
    sup = marker.translate(_SUPERSCRIPTS)
    return re.compile(rf"(?<![⁰¹²³⁴⁵⁶⁷⁸⁹]){sup}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])")


def _publishers(body: str, finder: OrgFinder) -> tuple[str, ...]:
    """The organisations a footnote or source line names before its first
    comma: the first by :func:`~cikg.extract.organisations.source_org`, the
    others of a list (数据来源：中国信息通信研究院、工业和信息化部、国家统计局)
    only when what :func:`~cikg.extract.organisations.source_org` reads of each
    is a curated or structured name in full, or a name before its publication
    (斗鱼、虎牙 2020 年…财务报告): not a bare TOP500 or IDC, which nothing vouches
    for.

    >>> from cikg.reference import load_reference
    >>> from cikg.extract.organisations import default_finder
    >>> finder = default_finder(load_reference())
    >>> _publishers("中国信息通信研究院、工业和信息化部、国家统计局", finder)
    ('中国信息通信研究院', '工业和信息化部', '国家统计局')
    >>> _publishers("中国信息通信研究院、IDC、Gartner、TOP500", finder)
    ('中国信息通信研究院', 'Gartner')
    >>> _publishers("工业和信息化部，https://www.miit.gov.cn，2024 年 12 月 23 日", finder)
    ('工业和信息化部',)
    >>> _publishers("斗鱼、虎牙 2020 年第一、二季度财务报告。", finder)
    ('斗鱼', '虎牙')
    >>> _publishers("百度 2020 财年第一、二季度财务报告。", finder)
    ('百度',)
    >>> _publishers("亚太互联网络信息中心 (APNIC)、中国互联网络信息中心 (CNNIC)", finder)
    ('亚太互联网络信息中心', '中国互联网络信息中心')
    """
    head = re.split(r"[，,；;]", _LISTING_ASIDE_RE.sub("", body), maxsplit=1)[0]
    head = head.strip().rstrip("。")
    if not head or _URL_RE.match(head):
        return ()
    names = [n.strip() for n in head.split("、")]
    first = source_org(names[0], finder) if names[0] else None
    if first is None:
        return ()
    if _goes_on(first, names[0]):
        return (first,)  # 百度 2020 财年第一、二季度财务报告: one name before its publication
    out = [first]
    for name in names[1:]:
        named = source_org(name, finder) if name else None
        if not named:
            continue
        found = finder.find(named)
        cut = _goes_on(named, name)
        if named not in out and (
            (found and found[0].start == 0 and found[0].end == len(named)) or cut
        ):
            out.append(named)  # a curated name, or one before its publication (虎牙 2020 年…)
        if cut:
            break  # the publication's words follow (…第一、二季度财务报告): no more names
    return tuple(out)


#: A year or a publication after a name: the source's words go on past its
#: names (百度 2020 财年第一、二季度财务报告), so a 、 after them lists no body.
_GOES_ON_RE = re.compile(r"\d|" + _PUBLICATION_RE.pattern)


def _goes_on(name: str, written: str) -> bool:
    """Whether ``written`` goes on past ``name`` with a year or a publication."""
    written = written.strip()
    return written.startswith(name) and bool(_GOES_ON_RE.search(written[len(name) :]))


#: An aside that holds a list (中国互联网络信息中心（CNNIC，…）): dropped before the
#: names are split at 、.
_LISTING_ASIDE_RE = re.compile(r"[（(][^（）()]*[，,、；;][^（）()]*[)）]")


def footnotes_to_citations(blocks: Sequence[Block], finder: OrgFinder) -> list[CitationRecord]:
    """The citations among a document's footnotes.

    :param blocks: the document's blocks.
    :param finder: finds the organisation a footnote names.
    :return: one record per citing footnote, in document order.
    """
    out: list[CitationRecord] = []
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.FOOTNOTE or not block.marker:
            continue
        text = block.text
        source = _SOURCE_RE.match(text)
        urls = tuple(_URL_RE.findall(text))
        work = _CITED_WORK_RE.match(text)
        if not source and not urls and not work:
            continue
        body = text[source.end() :] if source else _MARKER_PREFIX_RE.sub("", text)
        if work and not source:
            body = re.split(r"[与和及、]", work["who"], maxsplit=1)[0]
        days = [p for p in find_periods(text) if "/id/day/" in p.iri]
        date = days[-1].start.isoformat() if days else None
        publishers: tuple[str, ...]
        if body.strip().startswith(_SAME_AS_ABOVE) and out:
            previous = out[-1]  # 来源：同上 repeats the note before
            publishers, urls = previous.publishers, urls or previous.urls
            date = date or previous.date
        else:
            publishers = _publishers(body, finder)
        out.append(CitationRecord(block.marker, index, text, publishers, urls, date))
    return out


_SOURCE_LINE_RE = re.compile(r"^[（(]?(?:数据来源|资料来源|来源)\s*[：:]\s*(?P<body>.+?)[）)]?$")


def source_lines_to_citations(
    blocks: Sequence[Block], finder: OrgFinder, first_number: int
) -> list[CitationRecord]:
    """来源/数据来源 lines under tables and figures, and standing alone, as
    citations numbered from ``first_number`` on (after the footnotes).

    A line naming several sources (数据来源：亚太互联网络信息中心（APNIC）、
    中国互联网络信息中心（CNNIC）) is one citation with each as a publisher
    (:func:`_publishers`); the observations of its table name all of them as
    compiling organisations.
    """
    out: list[CitationRecord] = []
    number = first_number
    for index, block in enumerate(blocks):
        if block.kind in (BlockKind.TABLE, BlockKind.CAPTION):
            lines = block.notes
        elif block.kind is BlockKind.NOTE:
            lines = (block.text,)
        else:
            continue
        for line in lines:
            m = _SOURCE_LINE_RE.match(line.strip())
            if not m:
                continue
            out.append(
                CitationRecord(
                    str(number),
                    index,
                    line.strip(),
                    _publishers(m.group("body"), finder),
                    tuple(_URL_RE.findall(line)),
                    None,
                )
            )
            number += 1
    return out
