"""Reference periods as Chinese reports write them, as reference.data.gov.uk intervals.

A pure function of its text (and of the year to give forms that state
none): 截至 2024 年 12 月, 2024 年前三季度, 上半年, 2024.12, 6 月底 … Which
period governs a figure is the figure reader's business
(:mod:`cikg.extract.figures`); this module finds the candidates.

Offsets are indices into the string given, so
``text[p.start_offset:p.end_offset] == p.text`` always holds.

>>> [p.iri for p in find_periods("截至 2024 年 12 月")]
['http://reference.data.gov.uk/id/month/2024-12']
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from cikg.extract.folding import fold as _fold
from cikg.extract.numerals import small_number

__all__ = [
    "END_OF_PERIOD",
    "PERIOD_RE",
    "REF_BASE",
    "SUMMED",
    "Period",
    "find_dated_events",
    "find_periods",
    "find_recent_years",
    "is_recent_years",
    "month_of_day",
    "parse_period",
    "reported_year",
    "span",
]

END_OF_PERIOD = "EndOfPeriod"
"""``time_per_collect`` of a stock read at the end of its period (截至 …)."""

SUMMED = "Summed"
"""``time_per_collect`` of a flow summed over its period (前三季度, 1-9月 …)."""

REF_BASE = "http://reference.data.gov.uk/id/"
"""Base of the reference.data.gov.uk time interval IRIs."""


PERIOD_RE = re.compile(
    r"(?<![0-9.])(?:"
    # 2024.12, 2020.6 (table headers, captions)
    r"(?P<dy>(?:19|20)[0-9]{2})\.(?P<dm>[0-9]{1,2})(?![0-9.]| *[%万亿千百倍])"
    r"|(?P<y>(?:19|20)[0-9]{2}) *年(?: *(?:"
    r"(?P<ycum>前 *(?P<ycumq>[一二两三1-3]) *个? *季度)"
    r"|(?P<ycumm>前 *(?P<ycummn>1[01]|[2-9]|十[一]?|[二两三四五六七八九]) *个 *月)"
    r"|(?P<yhalf>[上下])半年"
    # 2024 年中期财报, 2023 年半年报: an interim report covers the first half
    r"|(?P<yinterim>中期|半年度?)(?= *(?:财报|报告|业绩|报|财务报告|业绩报告))"
    r"|第? *(?P<yq>[一二三四1-4]) *季度"
    r"|(?P<ym1>[0-9]{1,2}) *月? *[-—–~至到] *(?P<ym2>[0-9]{1,2})(?![0-9]) *月(?P<ymrend> *[底末])?"
    r"|(?P<ydm1>[0-9]{1,2}) *月 *(?P<ydd1>[0-9]{1,2}) *[日号] *[-—–~至到] *"
    r"(?:(?P<ydm2>[0-9]{1,2}) *月 *)?(?P<ydd2>[0-9]{1,2}) *[日号]"
    r"|(?P<ym>[0-9]{1,2}) *月(?: *(?P<yd>[0-9]{1,2}) *[日号])?(?P<ymend> *[底末])?"
    r"|(?P<yend>[底末])"
    r"|(?P<yfull>全年)"
    r"))?"
    # without a year: the default year
    r"|(?P<cum>前 *(?P<cumq>[一二两三1-3]) *个? *季度)"
    r"|(?P<cumm>前 *(?P<cummn>1[01]|[2-9]|十[一]?|[二两三四五六七八九]) *个 *月)"
    r"|(?P<half>[上下])半年"
    r"|第 *(?P<q>[1-4]) *季度|第?(?P<qcn>[一二三四])季度"
    r"|(?P<m1>[0-9]{1,2}) *月? *[-—–~至到] *(?P<m2>[0-9]{1,2})(?![0-9]) *月(?P<mrend> *[底末])?"
    r"|(?P<dm1>[0-9]{1,2}) *月 *(?P<dd1>[0-9]{1,2}) *[日号] *[-—–~至到] *"
    r"(?:(?P<dm2>[0-9]{1,2}) *月 *)?(?P<dd2>[0-9]{1,2}) *[日号]"
    r"|(?P<m>[0-9]{1,2}) *月(?: *(?P<d>[0-9]{1,2}) *[日号])?(?P<mend> *[底末])?"
    r"|(?P<prevend>(?:上|去)年[末底])"
    r"|(?P<full>全年)"
    r")"
)
_EOP_CUE_RE = re.compile(r"(?:截至|截止)(?:到|至)?(?:日期|日|时间)?(?:为|是)? *:? *$")


@dataclass(frozen=True, slots=True)
class Period:
    """A reference period a text names.

    :param iri: its reference.data.gov.uk IRI: ``…/id/year/2024``,
        ``…/id/half/2024-H1``, ``…/id/quarter/2024-Q3``, ``…/id/month/2024-12``,
        ``…/id/day/2024-12-23``, or for a span from the start of a month
        ``…/id/gregorian-interval/2024-01-01T00:00:00/P9M``.
    :param start: its first day.
    :param end: its last day (inclusive).
    :param time_per_collect: ``"EndOfPeriod"`` (截至/截止 before it, or
        年底/年末/月底/末 in it: a stock), ``"Summed"`` (a cumulative span:
        前三季度, 1-9 月, 1 至 6 月, 全年: a flow), else ``None``.
    :param text: the period as written (without 截至).
    :param start_offset: its offset in the input.
    :param end_offset: the offset after it.
    """

    iri: str
    start: dt.date
    end: dt.date
    time_per_collect: str | None
    text: str
    start_offset: int
    end_offset: int


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month(year: int, month: int) -> tuple[str, dt.date, dt.date] | None:
    if not 1 <= month <= 12:
        return None
    iri = f"{REF_BASE}month/{year:04d}-{month:02d}"
    return iri, dt.date(year, month, 1), _last_day(year, month)


def _day(year: int, month: int, day: int) -> tuple[str, dt.date, dt.date] | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return f"{REF_BASE}day/{date.isoformat()}", date, date


def _interval(year: int, first: int, last: int) -> tuple[str, dt.date, dt.date] | None:
    if not 1 <= first <= last <= 12:
        return None
    months = last - first + 1
    iri = f"{REF_BASE}gregorian-interval/{year:04d}-{first:02d}-01T00:00:00/P{months}M"
    return iri, dt.date(year, first, 1), _last_day(year, last)


def _days(
    year: int, m1: str, d1: str, m2: str | None, d2: str
) -> tuple[str, dt.date, dt.date] | None:
    """The days from ``m1``/``d1`` to ``m2`` (else ``m1``)/``d2`` of ``year``
    (7 月 28 日至 8 月 3 日: seven days), or ``None`` when either is no day or
    the span runs backwards."""
    try:
        first = dt.date(year, int(m1), int(d1))
        last = dt.date(year, int(m2 or m1), int(d2))
    except ValueError:
        return None
    found = span(first, last)
    return (found.iri, first, last) if found else None


def _quarter(year: int, q: int) -> tuple[str, dt.date, dt.date]:
    return (
        f"{REF_BASE}quarter/{year:04d}-Q{q}",
        dt.date(year, 3 * q - 2, 1),
        _last_day(year, 3 * q),
    )


def _half(year: int, which: str) -> tuple[str, dt.date, dt.date]:
    h = 1 if which == "上" else 2
    return f"{REF_BASE}half/{year:04d}-H{h}", dt.date(year, 6 * h - 5, 1), _last_day(year, 6 * h)


def _year(year: int) -> tuple[str, dt.date, dt.date]:
    return f"{REF_BASE}year/{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31)


def _resolve(
    m: re.Match[str], default_year: int | None
) -> tuple[tuple[str, dt.date, dt.date] | None, str | None]:
    """The interval a period match names and its own time_per_collect."""
    g = m.groupdict()
    if g["dy"]:
        return _month(int(g["dy"]), int(g["dm"])), None
    if g["y"]:
        year = int(g["y"])
        if g["ycum"]:
            return _interval(year, 1, 3 * small_number(g["ycumq"])), SUMMED
        if g["ycumm"]:
            return _interval(year, 1, small_number(g["ycummn"])), SUMMED
        if g["yhalf"]:
            return _half(year, g["yhalf"]), None
        if g["yinterim"]:
            return _half(year, "上"), None
        if g["yq"]:
            return _quarter(year, small_number(g["yq"])), None
        if g["ym1"]:
            return _interval(year, int(g["ym1"]), int(g["ym2"])), SUMMED
        if g["ydm1"]:
            return _days(year, g["ydm1"], g["ydd1"], g["ydm2"], g["ydd2"]), SUMMED
        if g["ym"]:
            eop = END_OF_PERIOD if g["ymend"] else None
            if g["yd"]:
                return _day(year, int(g["ym"]), int(g["yd"])), eop
            return _month(year, int(g["ym"])), eop
        if g["yend"]:
            return _month(year, 12), END_OF_PERIOD
        if g["yfull"]:
            return _year(year), SUMMED
        return _year(year), None
    if default_year is None:
        return None, None
    year = default_year
    if g["cum"]:
        return _interval(year, 1, 3 * small_number(g["cumq"])), SUMMED
    if g["cumm"]:
        return _interval(year, 1, small_number(g["cummn"])), SUMMED
    if g["half"]:
        return _half(year, g["half"]), None
    if g["q"] or g["qcn"]:
        return _quarter(year, small_number(g["q"] or g["qcn"])), None
    if g["m1"]:
        return _interval(year, int(g["m1"]), int(g["m2"])), SUMMED
    if g["dm1"]:
        return _days(year, g["dm1"], g["dd1"], g["dm2"], g["dd2"]), SUMMED
    if g["m"]:
        eop = END_OF_PERIOD if g["mend"] else None
        if g["d"]:
            return _day(year, int(g["m"]), int(g["d"])), eop
        return _month(year, int(g["m"])), eop
    if g["prevend"]:
        return _month(year - 1, 12), END_OF_PERIOD
    return _year(year), SUMMED  # 全年


#: 今年/本年 (the document's year) or 去年/上年 (the year before) right before a
#: period that states no year.
_NAMED_YEAR_RE = re.compile(r"(今年|本年|去年|上年|上一年)\s*(?:的|同期)?\s*$")


#: The last N years (近 5 年, 过去 10 年, 近 3 年来): the N calendar years up to
#: and including the document's year.
_RECENT_YEARS_RE = re.compile(
    r"(?:近|过去|最近)\s*(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,2})\s*(?:个)?\s*年(?:来|间|内)?(?!代|前)"
)


def find_recent_years(text: str, default_year: int) -> list[Period]:
    """The spans a text names as the last N years (近 5 年, 过去 10 年, 近 3 年来):
    the N calendar years that end with ``default_year``, Summed. Kept apart
    from :func:`find_periods`, whose periods are stripped from labels: 近 5 年
    stays in a label's words (近5年算力年增长率), as it says what is measured.

    >>> [(p.iri[32:], p.text) for p in find_recent_years("近5年算力年均增速超过30%", 2021)]
    [('gregorian-interval/2017-01-01T00:00:00/P60M', '近5年')]
    """
    found = []
    for m in _RECENT_YEARS_RE.finditer(_fold(text)):
        years = int(m["n"]) if m["n"].isdigit() else small_number(m["n"])
        recent = (
            span(dt.date(default_year - years + 1, 1, 1), dt.date(default_year, 12, 31))
            if years
            else None
        )
        if recent is not None:
            found.append(
                Period(
                    recent.iri,
                    recent.start,
                    recent.end,
                    SUMMED,
                    text[m.start() : m.end()],
                    *m.span(),
                )
            )
    return found


#: A shopping festival named by its day (“618” June 18, “双十一”/“双11”
#: November 11, 双十二 December 12), quoted or followed by what it is.
_DATED_EVENT_RE = re.compile(
    r"“(?P<q>(?P<qm>[1-9]|1[0-2])(?P<qd>[0-2][0-9]|3[01]))”"
    r"|(?<![0-9])(?P<b>(?P<bm>[1-9]|1[0-2])(?P<bd>[0-2][0-9]|3[01]))(?=购物节|大促|电商节|年中大促)"
    r"|“?双(?P<n>十一|十二|11|12)”?"
)


def find_dated_events(text: str, year: int) -> list[Period]:
    """The shopping festivals a text names by their day (“618”, “双十一”, 双11,
    双十二), each as the month it falls in, in ``year``, Summed: sales in a
    festival are a flow over its days, which no finer period names (the
    46th report's “618”电商年中大型促销 is June 2020). 双十一 and 双十二 are
    the year: their sales open weeks before the day. ``text`` of the Period
    is the festival's name as written, quotes included.

    >>> [(p.iri[32:], p.text) for p in find_dated_events("“双十一”期间，天猫…", 2024)]
    [('year/2024', '“双十一”')]
    >>> [p.iri[32:] for p in find_dated_events("在“618”电商年中大型促销中", 2020)]
    ['month/2020-06']
    >>> find_dated_events("共有 618 个城市", 2020)
    []
    """
    found = []
    for m in _DATED_EVENT_RE.finditer(_fold(text)):
        if m["n"]:
            # 双十一's sales open weeks before its day (pre-sales from late October:
            # the 55th report's “双十一” first hour is 2024-10-14): the year, not a month
            iri, first, last = _year(year)
        else:
            month, day = (int(m["qm"]), int(m["qd"])) if m["q"] else (int(m["bm"]), int(m["bd"]))
            if day > calendar.monthrange(year, month)[1]:
                continue
            iri, first, last = _month(year, month)  # type: ignore[misc]
        found.append(Period(iri, first, last, SUMMED, text[m.start() : m.end()], *m.span()))
    return found


#: A data source a document dates once as the latest of its kind (得到各省市
#: 2021 年最新投入产出表), and the same source named later by 最新 alone (根据最新
#: 的投入产出表测算).
_DATED_SOURCE_RE = re.compile(
    r"(?P<y>(?:19|20)[0-9]{2})\s*年\s*的?\s*最新\s*的?\s*"
    r"(?P<src>[\u4e00-\u9fff]{2,8}?(?:表|数据|统计|普查|调查))"
)
_LATEST_SOURCE_RE = re.compile(
    r"最新\s*的?\s*(?P<src>[\u4e00-\u9fff]{2,8}?(?:表|数据|统计|普查|调查))"
)


def find_dated_sources(texts: Iterable[str]) -> dict[str, Period]:
    """The data sources ``texts`` (a document's paragraphs, in order) date as
    the latest of their kind, by what they are (投入产出表) -> the year; the
    first dating of a source holds.

    >>> dated = find_dated_sources(["得到各省市 2021 年最新投入产出表。"])
    >>> {source: period.iri[32:] for source, period in dated.items()}
    {'投入产出表': 'year/2021'}
    """
    found: dict[str, Period] = {}
    for text in texts:
        for m in _DATED_SOURCE_RE.finditer(_fold(text)):
            if m["src"] not in found:
                iri, first, last = _year(int(m["y"]))
                found[m["src"]] = Period(iri, first, last, None, m.group(), *m.span())
    return found


def latest_source(text: str, dated: dict[str, Period]) -> Period | None:
    """The year of the latest source ``text`` says a figure comes from (根据最新的
    投入产出表测算), when the document dated that source (:func:`find_dated_sources`);
    ``None`` otherwise."""
    folded = _fold(text)
    if _DATED_SOURCE_RE.search(folded):
        return None  # (得到各省市 2021 年最新投入产出表: the dating itself, its own year)
    for m in _LATEST_SOURCE_RE.finditer(folded):
        if (period := dated.get(m["src"])) is not None:
            return period
    return None


def is_recent_years(period: Period) -> bool:
    """Whether ``period`` was written as the last N years (近 5 年, 过去 10 年)."""
    return bool(_RECENT_YEARS_RE.fullmatch(_fold(period.text)))


def find_periods(text: str, default_year: int | None = None) -> list[Period]:
    """Every reference period a text names, in order.

    Forms read (spaces between digits and 年/月/日 optional everywhere):

    - year ``2024 年`` (``…/year/2024``); year end ``2024年底``, ``2024 年末``
      (the month 2024-12, EndOfPeriod); ``2024 年全年`` (year, Summed);
    - half ``2024 年上半年``/``下半年`` (``…/half/2024-H1``);
    - quarter ``2024 年第三季度``, ``三季度``, ``一季度``, ``第 3 季度``
      (``…/quarter/2024-Q3``);
    - cumulative spans ``2024 年前三季度``, ``前三个季度`` (P9M), ``今年前 7 个月``
      (P7M), ``1-9 月``,
      ``2020 年 1 至 6 月``, ``1 月至 5 月`` (``…/gregorian-interval/
      2024-01-01T00:00:00/P9M``, Summed);
    - month ``2024 年 12 月``, ``2024年12月``, ``2024.12``, ``2020.6``
      (``…/month/2024-12``); ``6 月底``, ``9月末`` (EndOfPeriod);
    - day ``2024 年 12 月 31 日``, ``12 月 23 日`` (``…/day/2024-12-31``);
      days ``7 月 28 日至 8 月 3 日``, ``7月18日至20日`` (the days an event ran:
      ``…/gregorian-interval/2023-07-28T00:00:00/P7D``, Summed);
    - ``上年末``, ``去年底``: December of the year before ``default_year``,
      EndOfPeriod; ``去年第四季度``, ``上年 12 月``: that period of the year
      before ``default_year``.

    Forms without a year (``11 月``, ``上半年``, ``三季度``, ``1-3 月``,
    ``全年``) take ``default_year`` and are left out when it is ``None``. A span
    written with both ends (``2023.12-2024.12``, ``2020 年—2024 年``) gives its
    two ends, in order, not an interval: such captions compare or list values
    at those dates. 截至/截止 (also 截止日期为, 截至日为) right before a period
    makes it EndOfPeriod.

    :param text: any text.
    :param default_year: the year of forms that state none (the report's
        year), or ``None``.
    :returns: the periods; ``text[p.start_offset:p.end_offset] == p.text``.

    >>> [(p.iri, p.time_per_collect) for p in find_periods("截至2024年底，已建成")]
    [('http://reference.data.gov.uk/id/month/2024-12', 'EndOfPeriod')]
    >>> p = find_periods("2024 年前三季度，国内出游人次 42.37 亿")[0]
    >>> p.iri
    'http://reference.data.gov.uk/id/gregorian-interval/2024-01-01T00:00:00/P9M'
    >>> p.start, p.end, p.time_per_collect, p.text
    (datetime.date(2024, 1, 1), datetime.date(2024, 9, 30), 'Summed', '2024 年前三季度')
    >>> [p.iri[32:] for p in find_periods("表 4 2023.12-2024.12 网页数量对比")]
    ['month/2023-12', 'month/2024-12']
    >>> [p.iri[32:] for p in find_periods("截至 11 月，三季度", default_year=2024)]
    ['month/2024-11', 'quarter/2024-Q3']
    >>> find_periods("截至 11 月")
    []
    >>> [p.iri[32:] for p in find_periods("去年第四季度，今年一季度", default_year=2023)]
    ['quarter/2022-Q4', 'quarter/2023-Q1']
    >>> [p.text for p in find_periods("东莞市今年第一季度单车日均订单", default_year=2023)]
    ['今年第一季度']
    >>> [p.iri[32:] for p in find_periods("今年前7个月，2022年前十个月", default_year=2023)]
    ['gregorian-interval/2023-01-01T00:00:00/P7M', 'gregorian-interval/2022-01-01T00:00:00/P10M']
    """
    folded = _fold(text)
    periods = []
    for m in PERIOD_RE.finditer(folded):
        year = default_year
        start, end = m.span()
        named = None if m.group("y") else _NAMED_YEAR_RE.search(folded, 0, start)
        if named is not None:
            start = named.start()  # 今年第一季度 is one period: its words are the period's
            if year is not None and named.group(1) != "今年" and named.group(1) != "本年":
                year -= 1  # 去年第四季度, 上年 12 月: the year before the document's
        interval, tpc = _resolve(m, year)
        if interval is None:
            continue
        if _EOP_CUE_RE.search(folded, max(0, start - 12), start):
            tpc = END_OF_PERIOD
        iri, first, last = interval
        periods.append(Period(iri, first, last, tpc, text[start:end], start, end))
    return periods


def parse_period(text: str, default_year: int | None = None) -> Period | None:
    """The one period a header cell names (``2024.12``, ``2019 年 12 月``,
    ``2024 年 6 月 (%)``, ``2023.12 用户规模 (万人)``), or ``None`` when it
    names none or several (``2023.12-2024.12``). A cell that is a bare year
    ``2024`` is that year.

    >>> parse_period("2019 年 12 月").iri
    'http://reference.data.gov.uk/id/month/2019-12'
    >>> parse_period("2024").iri
    'http://reference.data.gov.uk/id/year/2024'
    >>> parse_period("分类") is None
    True
    """
    periods = find_periods(text, default_year)
    if len(periods) == 1:
        return periods[0]
    if not periods:
        m = re.fullmatch(r"\s*((?:19|20)[0-9]{2})\s*", _fold(text))
        if m:
            iri, first, last = _year(int(m[1]))
            return Period(iri, first, last, None, text[m.start(1) : m.end(1)], *m.span(1))
    return None


def span(start: dt.date, end: dt.date, text: str = "") -> Period | None:
    """The period from ``start`` to ``end`` (both inclusive), named as the
    reference.data.gov.uk interval it is: a calendar year, half, quarter or
    month by its own IRI, else a ``gregorian-interval`` of whole months
    (``P15M``) or days (``P45D``). The span of a flow: ``Summed``.

    :param text: what the period is written as, kept in ``Period.text``.
    :return: the period, or ``None`` when ``end`` is before ``start``.

    >>> span(dt.date(2024, 1, 1), dt.date(2024, 12, 31)).iri
    'http://reference.data.gov.uk/id/year/2024'
    >>> span(dt.date(2020, 4, 1), dt.date(2020, 6, 30)).iri
    'http://reference.data.gov.uk/id/quarter/2020-Q2'
    >>> span(dt.date(2019, 1, 1), dt.date(2021, 12, 31)).iri
    'http://reference.data.gov.uk/id/gregorian-interval/2019-01-01T00:00:00/P36M'
    """
    if end < start:
        return None
    whole_months = start.day == 1 and end == _last_day(end.year, end.month)
    if whole_months:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months == 12 and start.month == 1:
            iri = _year(start.year)[0]
        elif months == 6 and start.month in (1, 7):
            iri = _half(start.year, "上" if start.month == 1 else "下")[0]
        elif months == 3 and start.month % 3 == 1:
            iri = _quarter(start.year, (start.month + 2) // 3)[0]
        elif months == 1:
            iri = f"{REF_BASE}month/{start.year:04d}-{start.month:02d}"
        else:
            iri = f"{REF_BASE}gregorian-interval/{start.isoformat()}T00:00:00/P{months}M"
    else:
        days = (end - start).days + 1
        if days == 1:
            iri = f"{REF_BASE}day/{start.isoformat()}"
        else:
            iri = f"{REF_BASE}gregorian-interval/{start.isoformat()}T00:00:00/P{days}D"
    return Period(iri, start, end, SUMMED, text, 0, len(text))


def month_of_day(period: Period) -> Period:
    """A day that ends its month as that month (6 月 30 日 is 6 月 for an
    observation's identity: the stock at the month's end); other periods as
    they are.

    >>> month_of_day(find_periods("2020 年 6 月 30 日")[0]).iri
    'http://reference.data.gov.uk/id/month/2020-06'
    """
    if "/day/" in period.iri and period.end == _last_day(period.end.year, period.end.month):
        iri, first, last = _month(period.end.year, period.end.month)  # type: ignore[misc]
        return Period(
            iri,
            first,
            last,
            period.time_per_collect or END_OF_PERIOD,
            period.text,
            period.start_offset,
            period.end_offset,
        )
    return period


def reported_year(texts: Iterable[str], published: tuple[int, int]) -> int | None:
    """The year a report reports on when its title names none: the year of
    the latest stock date (截至 …, …年底: EndOfPeriod) its texts state that is
    not after its publication. The 55th CNNIC report, published in January
    2025, counts its figures 截至 2024 年 12 月: it reports on 2024, and its
    年内 is 2024 (seed 001 line 897).

    :param texts: the texts of the report's passages.
    :param published: the publication's ``(year, month)``.
    :return: that year, or ``None`` when the texts state no such date.

    >>> texts = ["截至 2024 年 12 月，我国网民规模达 11.08 亿人", "到2025年底建成"]
    >>> reported_year(texts, (2025, 1))
    2024
    >>> reported_year(["2024 年全年网上零售额"], (2025, 1)) is None
    True
    """
    ends = [
        p.end
        for text in texts
        for p in find_periods(text)
        if p.time_per_collect == END_OF_PERIOD and (p.end.year, p.end.month) <= published
    ]
    return max(ends).year if ends else None
