"""What a news article says about itself in its first lines.

A news article has no title page. Its metadata stands in the running text,
in the forms Chinese newsrooms write (the rules, each with an example):

- **a leading timestamp**, left by the page it was saved from:
  ``2023-07-20 12:28，`` or ``07-26 08:42，`` (no year), followed by scrape
  labels such as ``正文：`` or ``来源：…``;
- **原标题：** the headline, when a reprint keeps it (``原标题：河北蠡县今年前7个月
  电商网络销售额超40亿元``): it runs until the dateline, a picture caption
  (图为, 图片来源), a sentence opener (近日, 日前, 记者, 据) or 。;
- **the dateline**: ``{agency}{place}{M}月{D}日电`` (中新社武汉 8 月 11 日电,
  中新网河北新闻 8 月 7 日电), ``{agency}{M}月{D}日消息`` (IT之家 8 月 13 日消息),
  ``{agency}讯`` (北京商报讯), two agencies joined by 、 (中国经济导报、中国发展网讯).
  The agency is a curated news organisation
  (``schema:NewsMediaOrganization`` in ``ontology/reference/``): the names
  are data, not code. ``本报讯`` names no outlet.

- **a page header** before a scrape label (``新华社  2023-08-17 09:44 ，正文：``,
  ``2023-08-15 08:14  来源：成都日报 ，正文：``): its timestamp, and the source
  it names (来源：…, or a news agency standing alone) when no dateline names one;
- **an event date** opening a clause of the lead (``记者 王贝艺8月3日，济南…``)
  dates an article that has no dateline or timestamp (its year is found
  from the text, :func:`cikg.metadata.dateline_year`);
- **a closing source**, ``来源：扶余市工业和信息化局`` as an article's last words.

Only the first :data:`LEAD_CHARS` characters are read: a dateline further
in is a quotation, not this article's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from cikg.records import IssuedDate

__all__ = ["LEAD_CHARS", "Lead", "read_closing_source", "read_lead"]

LEAD_CHARS = 300
"""How far into an article its timestamp, headline and dateline are looked for."""

_TIMESTAMP_RE = re.compile(
    r"^\s*(?:(?P<y>(?:19|20)\d{2})[-/.年]\s*)?(?P<m>\d{1,2})[-/.月]\s*(?P<d>\d{1,2})日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[，,]?\s*"
)
#: The label a saved page puts before the article (``，正文：``); what stands
#: before it, within :data:`_HEADER_CHARS`, is the page's header.
_LABEL_RE = re.compile(r"(?:^|(?<=[，,\s]))(?:正文|内容|全文)\s*[:：]\s*")
#: A timestamp anywhere in a page header (with a year, or a time of day).
_HEADER_STAMP_RE = re.compile(
    r"(?<!\d)(?:(?P<y>(?:19|20)\d{2})[-/.年]\s*)?(?P<m>\d{1,2})[-/.月]\s*(?P<d>\d{1,2})日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
)
_HEADER_CHARS = 200
#: ``来源：成都日报`` in a header, or as an article's last words.
_SOURCE_RE = re.compile(r"来源\s*[:：]\s*(?P<name>[^\s，,。：:；;]{2,30})")
_CLOSING_SOURCE_RE = re.compile(r"来源\s*[:：]\s*(?P<name>[^\s，,。：:；;！？!?]{2,30})\s*$")
_CLOSING_CHARS = 60
#: An event date opening a clause of the lead (``8月3日，``, ``7月25日晚上8：00，``):
#: the day the news is of, when no dateline or timestamp dates it.
_EVENT_DAY_RE = re.compile(
    r"(?<![\d年至到－—-])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"(?:(?:早上|上午|中午|下午|晚上|晚间|晚)?[\d:：]{0,5})[，,]"
)
_AGENCY_SPLIT_RE = re.compile(r"\s*、\s*")
_HEADLINE_RE = re.compile(r"原标题\s*[:：]\s*")
#: Where a kept headline ends: a caption, a sentence opener, or 。
_HEADLINE_END_RE = re.compile(r"图为|图片来源|图\s*[:：]|近日|日前|记者|据悉|据|本报讯|。|\n")
_MAX_HEADLINE = 60


@dataclass(frozen=True, slots=True)
class Lead:
    """What an article's first lines say.

    :param date: the publication date: the leading timestamp's, or the
        dateline's when it has a year (``None`` when neither gives one).
    :param month_day: the day without a year the article is dated by: the
        dateline's, else a timestamp's without a year (``07-26 08:42``),
        else an event date opening the lead (``8月3日，``).
    :param publishers: the dateline's agencies as written (``中新社``;
        ``中国经济导报``, ``中国发展网`` for 中国经济导报、中国发展网讯), else the
        source the page header names (``来源：成都日报``, ``新华社``).
    :param place: the dateline's place as written (``武汉``), else ``None``.
    :param headline: the headline a reprint keeps after 原标题, else ``None``.
    :param body_start: offset where the article's own text begins (after
        the timestamp and scrape labels).
    """

    date: IssuedDate | None = None
    month_day: tuple[int, int] | None = None
    publishers: tuple[str, ...] = ()
    place: str | None = None
    headline: str | None = None
    body_start: int = 0


def _names_re(agencies: Iterable[str]) -> str | None:
    names = sorted({a for a in agencies if a}, key=len, reverse=True)
    return "|".join(re.escape(n) for n in names) if names else None


def _dateline_re(agencies: Iterable[str]) -> re.Pattern[str] | None:
    alt = _names_re(agencies)
    if alt is None:
        return None
    return re.compile(
        rf"(?P<agency>(?:{alt})(?:\s*、\s*(?:{alt}))*)\s*(?P<place>[\u4e00-\u9fff]{{0,8}}?)\s*"
        r"(?:(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:电|消息|讯)|讯)"
    )


def _header_publisher(header: str, agencies: Iterable[str]) -> str | None:
    """The source a page header names: ``来源：成都日报``, else a news agency
    standing in it (``新华社    2023-08-17 09:44``)."""
    source = _SOURCE_RE.search(header)
    if source:
        return source["name"]
    alt = _names_re(agencies)
    found = re.search(rf"(?<![\u4e00-\u9fff])(?:{alt})(?![\u4e00-\u9fff])", header) if alt else None
    return found.group(0) if found else None


def _day(month: str, day: str) -> tuple[int, int] | None:
    m, d = int(month), int(day)
    return (m, d) if 1 <= m <= 12 and 1 <= d <= 31 else None


def read_lead(text: str, agencies: Iterable[str]) -> Lead:
    """Read the timestamp, headline and dateline at the start of an article.

    :param text: the article's text (its first block is enough).
    :param agencies: names of the curated news organisations, as written.
    :return: what was found; fields are ``None`` (or empty) when absent.

    >>> lead = read_lead("2023-08-11 09:00，正文：中新社武汉8月11日电 (记者 梁婷)湖北…", ["中新社"])
    >>> lead.date, lead.publishers, lead.place
    (IssuedDate(year=2023, month=8, day=11), ('中新社',), '武汉')
    >>> read_lead("，正文：IT之家 8 月 13 日消息，中国信通院…", ["IT之家"]).month_day
    (8, 13)
    >>> read_lead("原标题：河北蠡县电商销售额超40亿元图为学员…", []).headline
    '河北蠡县电商销售额超40亿元'
    >>> lead = read_lead("新华社   2023-08-17 09:44   ，正文：	2023中国数字经济…", ["新华社"])
    >>> lead.date, lead.publishers
    (IssuedDate(year=2023, month=8, day=17), ('新华社',))
    >>> read_lead("07-26 08:42，正文：今年已有三亚…", []).month_day
    (7, 26)
    >>> read_lead("，正文：记者 王贝艺8月3日，济南市政府新闻办召开…", []).month_day
    (8, 3)
    """
    date: IssuedDate | None = None
    stamp_day: tuple[int, int] | None = None
    header_publisher: str | None = None
    pos = 0
    label = _LABEL_RE.search(text, 0, _HEADER_CHARS)
    stamp = _TIMESTAMP_RE.match(text)
    if label is not None:  # a saved page's header: timestamp and source before 正文：
        header = text[: label.start()]
        stamp = _HEADER_STAMP_RE.search(header)
        header_publisher = _header_publisher(header, agencies)
        pos = label.end()
    elif stamp and (stamp["y"] or ":" in stamp.group(0)):  # a date alone may be the body's
        pos = stamp.end()
    else:
        stamp = None
    if stamp is not None and (stamp["y"] or ":" in stamp.group(0)):
        stamp_day = _day(stamp["m"], stamp["d"])
        if stamp["y"] and stamp_day is not None:
            date = IssuedDate(int(stamp["y"]), *stamp_day)
    lead = text[: pos + LEAD_CHARS]
    headline = None
    m = _HEADLINE_RE.search(lead, pos)
    dateline_re = _dateline_re(agencies)
    dateline = dateline_re.search(lead, pos) if dateline_re else None
    if m:
        end = _HEADLINE_END_RE.search(lead, m.end())
        stop = end.start() if end else len(lead)
        if dateline and m.end() <= dateline.start() < stop:
            stop = dateline.start()
        candidate = lead[m.end() : stop].strip()
        if 4 <= len(candidate) <= _MAX_HEADLINE:
            headline = candidate
    month_day = None
    if dateline is not None and dateline["m"]:
        month_day = _day(dateline["m"], dateline["d"])
    if month_day is None:
        month_day = stamp_day
    if month_day is None and (event := _EVENT_DAY_RE.search(lead, pos)) is not None:
        month_day = _day(event["m"], event["d"])
    if dateline is None:
        return Lead(
            date=date,
            month_day=month_day,
            publishers=(header_publisher,) if header_publisher else (),
            headline=headline,
            body_start=pos,
        )
    return Lead(
        date=date,
        month_day=month_day,
        publishers=tuple(_AGENCY_SPLIT_RE.split(dateline["agency"])),
        place=dateline["place"] or None,
        headline=headline,
        body_start=pos,
    )


def read_closing_source(text: str) -> str | None:
    """The source an article names in its last words (``…来源：扶余市工业和
    信息化局``), else ``None``.

    :param text: the article's text (its last block is enough).

    >>> read_closing_source("…村级服务站192个。来源：扶余市工业和信息化局")
    '扶余市工业和信息化局'
    >>> read_closing_source("来源：工业和信息化部。2024年网民规模达11亿。") is None
    True
    """
    m = _CLOSING_SOURCE_RE.search(text[-_CLOSING_CHARS:])
    return m["name"] if m else None
