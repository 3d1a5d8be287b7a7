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
  ``{agency}讯`` (北京商报讯). The agency is a curated news organisation
  (``schema:NewsMediaOrganization`` in ``ontology/reference/``): the names
  are data, not code. ``本报讯`` names no outlet.

Only the first :data:`LEAD_CHARS` characters are read: a dateline further
in is a quotation, not this article's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from cikg.records import IssuedDate

__all__ = ["LEAD_CHARS", "Lead", "read_lead"]

LEAD_CHARS = 300
"""How far into an article its timestamp, headline and dateline are looked for."""

_TIMESTAMP_RE = re.compile(
    r"^\s*(?:(?P<y>(?:19|20)\d{2})[-/.年]\s*)?(?P<m>\d{1,2})[-/.月]\s*(?P<d>\d{1,2})日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[，,]?\s*"
)
_LABEL_RE = re.compile(r"^(?:正文|内容|全文)\s*[:：]\s*")
_HEADLINE_RE = re.compile(r"原标题\s*[:：]\s*")
#: Where a kept headline ends: a caption, a sentence opener, or 。
_HEADLINE_END_RE = re.compile(r"图为|图片来源|图\s*[:：]|近日|日前|记者|据悉|据|本报讯|。|\n")
_MAX_HEADLINE = 60


@dataclass(frozen=True, slots=True)
class Lead:
    """What an article's first lines say.

    :param date: the publication date: the leading timestamp's, or the
        dateline's when it has a year (``None`` when neither gives one).
    :param month_day: the dateline's month and day when it has no year.
    :param publisher: the agency of the dateline, as written (``中新社``).
    :param place: the dateline's place as written (``武汉``), else ``None``.
    :param headline: the headline a reprint keeps after 原标题, else ``None``.
    :param body_start: offset where the article's own text begins (after
        the timestamp and scrape labels).
    """

    date: IssuedDate | None = None
    month_day: tuple[int, int] | None = None
    publisher: str | None = None
    place: str | None = None
    headline: str | None = None
    body_start: int = 0


def _dateline_re(agencies: Iterable[str]) -> re.Pattern[str] | None:
    names = sorted({a for a in agencies if a}, key=len, reverse=True)
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"(?P<agency>{alt})\s*(?P<place>[\u4e00-\u9fff]{{0,8}}?)\s*"
        r"(?:(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:电|消息|讯)|讯)"
    )


def read_lead(text: str, agencies: Iterable[str]) -> Lead:
    """Read the timestamp, headline and dateline at the start of an article.

    :param text: the article's text (its first block is enough).
    :param agencies: names of the curated news organisations, as written.
    :return: what was found; fields are ``None`` when absent.

    >>> lead = read_lead("2023-08-11 09:00，正文：中新社武汉8月11日电 (记者 梁婷)湖北…", ["中新社"])
    >>> lead.date, lead.publisher, lead.place
    (IssuedDate(year=2023, month=8, day=11), '中新社', '武汉')
    >>> read_lead("，正文：IT之家 8 月 13 日消息，中国信通院…", ["IT之家"]).month_day
    (8, 13)
    >>> read_lead("原标题：河北蠡县电商销售额超40亿元图为学员…", []).headline
    '河北蠡县电商销售额超40亿元'
    """
    date: IssuedDate | None = None
    pos = 0
    stamp = _TIMESTAMP_RE.match(text)
    if stamp and (stamp["y"] or ":" in stamp.group(0)):  # a date alone at the start may be body
        month, day = int(stamp["m"]), int(stamp["d"])
        if stamp["y"] and 1 <= month <= 12 and 1 <= day <= 31:
            date = IssuedDate(int(stamp["y"]), month, day)
        pos = stamp.end()
    pos += len(text[pos:]) - len(text[pos:].lstrip("，, "))
    label = _LABEL_RE.match(text, pos)
    if label:
        pos = label.end()
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
    if dateline is None:
        return Lead(date=date, headline=headline, body_start=pos)
    month_day = None
    if dateline["m"]:
        month_day = (int(dateline["m"]), int(dateline["d"]))
        if date is None and stamp and stamp["y"] is None:
            pass  # a timestamp without a year does not date the dateline
    return Lead(
        date=date,
        month_day=month_day,
        publisher=dateline["agency"],
        place=dateline["place"] or None,
        headline=headline,
        body_start=pos,
    )
