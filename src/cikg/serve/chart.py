"""The chart of an indicator's national series: SVG drawn on the server, no
script (#19 item 3, "charts that tell the truth").

:func:`readings_to_chart` turns the series into geometry the template
draws; the rules it follows:

- **Time:** a point's x is proportional to its period's **end date**
  (``cikg:periodEnd``: 2024-12-31 for December 2024 and for the year 2024),
  for every kind of period. The reports state stocks at a date (截至 2024 年
  12 月) and sums up to one (1–11 月累计), so the end is when the value was
  true; a mid-point would put the year 2024 and December 2024, which state
  the same figure, half a year apart. The axis runs from 1 January of the
  first year to 1 January after the last, with a tick each year (each 2, 5,
  10 … when there are many) labelled with the year.
- **Values:** 4–6 ticks at round values (1, 2, 2.5 or 5 times a power of
  ten), labelled 5 亿 / 500M (:func:`~cikg.serve.numbers.format_tick`).
  A **level** (persons, counts, amounts, bytes: every unit but those of
  rates) is drawn **from zero**, so a fall from 23.0 M to 19.6 M looks like
  the 15 % it is, not a crash. A **rate** (a percentage, percentage points,
  a ratio, a rank: :data:`~cikg.serve.numbers.RATE_UNITS`) is drawn over
  the range of its values, since from zero a change from 78.6 % to 79.1 %
  would be a flat line; the chart says so under it.
- **Units:** one panel, colour and line per unit, each with its own value
  axis and a legend naming the unit.
- **Several values for one period** (reports differ, or revise) are all
  drawn: the line joins the value of the most recently issued report
  (a later report revises an earlier one; within one report, the first
  observation by IRI), the others are hollow points, and a note under the
  chart lists them. The same value given by several
  observations is one point marked ×N, also listed.
- **Under the chart:** the latest value, its period and the reports it is
  from.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from cikg.serve.numbers import RATE_UNITS, format_tick

__all__ = ["Chart", "Latest", "Mark", "Panel", "Reading", "nice_ticks", "readings_to_chart"]

#: Size of one panel and its margins, in SVG user units (pixels).
WIDTH, HEIGHT = 640, 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 16, 30, 30
_COLOURS = ("#0645ad", "#c0392b", "#1e8449", "#8e44ad")
#: A labelled year tick needs this much width (8 labels on a full-size chart).
_YEAR_LABEL_WIDTH = 80


@dataclass(frozen=True, slots=True)
class Reading:
    """One observation of the series.

    :param obs: its IRI; ``href`` where its page is (``None``: no link).
    :param end: the end date of its period.
    :param value: its value, in ``unit``.
    :param unit: the unit's IRI; ``unit_name`` its name in the page's language.
    :param period: the period as a person writes it (2024 年 12 月).
    :param text: the value in words (11.08 亿人).
    :param report: the report's IRI, ``report_name`` its name, ``report_href``
        its page, ``issued`` when it was issued (ISO text; ``""`` unknown).
    """

    obs: str
    href: str | None
    end: date
    value: float
    unit: str
    unit_name: str
    period: str
    text: str
    report: str
    report_name: str
    report_href: str | None
    issued: str = ""


@dataclass(frozen=True, slots=True)
class Mark:
    """A point drawn: where (``x``, ``y``), what it says on hover
    (``title``), the observation it links to, whether it is one of several
    values for its period that the line does not join (``hollow``) and how
    many observations give it (``count``)."""

    x: float
    y: float
    title: str
    href: str | None
    end: str
    hollow: bool = False
    count: int = 1


@dataclass(frozen=True, slots=True)
class Panel:
    """The chart of one unit.

    :param unit: the unit's IRI; ``unit_name`` its name; ``colour`` its line's.
    :param marks: the points, in date order.
    :param line: the polyline's points (``"x,y x,y …"``).
    :param x_ticks: ``(x, label)`` per year tick (label ``""``: unlabelled).
    :param y_ticks: ``(y, label)`` per value tick, bottom first.
    :param zero_based: whether the value axis starts at zero (a level).
    """

    unit: str
    unit_name: str
    colour: str
    marks: list[Mark]
    line: str
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    zero_based: bool


@dataclass(frozen=True, slots=True)
class Latest:
    """The latest value of a unit's line: its text, period, and the reports
    it is from as ``(name, href)``."""

    text: str
    period: str
    reports: list[tuple[str, str | None]]


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart: its size, panels (one per unit), text alternative, the
    latest value per panel, and notes (several values for a period, an axis
    not from zero)."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    panels: list[Panel]
    alt: str
    latest: list[Latest]
    notes: list[str] = field(default_factory=list)


def nice_ticks(low: float, high: float, most: int = 6) -> list[float]:
    """Round values from at or below ``low`` to at or above ``high``: the
    smallest step of 1, 2, 2.5 or 5 times a power of ten that needs at most
    ``most`` ticks (so 4–6 of them for ``most=6``).

    :param low: the least value to cover; ``high`` the greatest.
    :returns: the ticks, ascending.

    >>> nice_ticks(0, 1_108_000_000)
    [0.0, 250000000.0, 500000000.0, 750000000.0, 1000000000.0, 1250000000.0]
    >>> nice_ticks(70.3, 79.1)
    [70.0, 72.0, 74.0, 76.0, 78.0, 80.0]
    >>> nice_ticks(5, 5)
    [4.0, 4.5, 5.0, 5.5, 6.0]
    """
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(high) * 0.2 or 1.0
        low, high = low - pad, high + pad
    exponent = math.floor(math.log10((high - low) / most))
    while True:
        for factor in (1, 2, 2.5, 5):
            step = factor * 10.0**exponent
            first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
            if last - first + 1 <= most:
                return [_clean(k * step) for k in range(first, last + 1)]
        exponent += 1


def _clean(value: float) -> float:
    """``value`` without float noise (0.30000000000000004 → 0.3)."""
    return float(f"{value:.12g}") + 0.0  # + 0.0 turns -0.0 into 0.0


def _year_ticks(first: int, last: int, most: int) -> tuple[list[int], int]:
    """The years to tick from 1 January ``first`` to 1 January ``last``, and
    the step between labelled ones (at most ``most`` labels)."""
    span = last - first
    step = next((s for s in (1, 2, 5, 10, 20, 50) if span / s <= most), 100)
    years = list(range(first, last + 1)) if span <= 60 else list(range(first, last + 1, step))
    return years, step


def readings_to_chart(
    readings: list[Reading], lang: str, width: int = WIDTH, height: int = HEIGHT
) -> Chart | None:
    """The chart of a series (see the module for the rules).

    :param readings: the series' observations, any order; values must be finite.
    :param lang: ``"zh"`` or ``"en"``: the language of labels and notes.
    :param width: the width of a panel; ``height`` its height (SVG user
        units; the home page draws small ones). Fewer years are labelled on
        a narrow chart.
    :returns: the chart, or ``None`` for an empty series.
    """
    if not readings:
        return None
    first_year = min(r.end for r in readings).year
    last_year = max(r.end for r in readings).year + 1
    t0, t1 = date(first_year, 1, 1).toordinal(), date(last_year, 1, 1).toordinal()
    plot_width = width - _LEFT - _RIGHT

    def x_of(day: date) -> float:
        return round(_LEFT + plot_width * (day.toordinal() - t0) / (t1 - t0), 1)

    years, step = _year_ticks(first_year, last_year, max(2, width // _YEAR_LABEL_WIDTH))
    x_ticks = [(x_of(date(y, 1, 1)), str(y) if y % step == 0 else "") for y in years]
    by_unit: dict[str, list[Reading]] = defaultdict(list)
    for r in readings:
        by_unit[r.unit].append(r)
    panels, latest, notes, alt = [], [], [], []
    for i, unit in enumerate(sorted(by_unit, key=lambda u: (-len(by_unit[u]), u))):
        groups = _groups(by_unit[unit])
        colour = _COLOURS[i % len(_COLOURS)]
        panels.append(_panel(unit, groups, colour, x_of, x_ticks, height, lang))
        latest.append(_latest(groups))
        notes += _notes(groups, lang)
        primary = [g.readings[0] for g in groups if g.primary]
        alt.append(
            f"{by_unit[unit][0].unit_name}: " + "; ".join(f"{r.period} {r.text}" for r in primary)
        )
    if any(not p.zero_based for p in panels):
        notes.append(
            "比率的纵轴按其数值范围绘制，不从零起，以免掩盖变化。"
            if lang == "zh"
            else "A rate's value axis spans its values and does not start at zero, so that "
            "changes show."
        )
    return Chart(
        width, height, _LEFT, _RIGHT, _TOP, _BOTTOM, panels, " | ".join(alt), latest, notes
    )


@dataclass(frozen=True, slots=True)
class _Group:
    """One value of one period: the readings that give it (the primary one
    first), and whether the line joins it (``primary``)."""

    end: date
    value: float
    readings: list[Reading]
    primary: bool


def _groups(rows: list[Reading]) -> list[_Group]:
    """One unit's readings grouped by period end and value, in date then
    value order. At each end the group of the reading from the most recently
    issued report is primary (ties: the greater report IRI, then the first
    observation IRI, so the choice is the same every time)."""
    by_end: dict[date, list[Reading]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: r.obs):
        by_end[r.end].append(r)
    groups = []
    for end in sorted(by_end):
        chosen = max(by_end[end], key=lambda r: (r.issued, r.report))
        by_value: dict[float, list[Reading]] = defaultdict(list)
        for r in sorted(by_end[end], key=lambda r: (r is not chosen, r.report, r.obs)):
            by_value[r.value].append(r)
        groups += [
            _Group(end, value, same, value == chosen.value)
            for value, same in sorted(by_value.items())
        ]
    return groups


def _panel(
    unit: str,
    groups: list[_Group],
    colour: str,
    x_of: Callable[[date], float],
    x_ticks: list[tuple[float, str]],
    height: int,
    lang: str,
) -> Panel:
    """The panel of one unit: its value axis (from zero for a level), a mark
    per group and the line through the primary ones."""
    zero_based = unit not in RATE_UNITS
    values = [g.value for g in groups]
    low, high = min(values), max(values)
    if zero_based:
        low, high = min(low, 0.0), max(high, 0.0)
    ticks = nice_ticks(low, high)
    bottom, top = height - _BOTTOM, _TOP
    span = (ticks[-1] - ticks[0]) or 1.0

    def y_of(value: float) -> float:
        return round(bottom - (bottom - top) * (value - ticks[0]) / span, 1)

    marks = []
    for g in groups:
        first = next((r for r in g.readings if r.href), g.readings[0])
        reports = "; ".join(_names(g.readings, lang))
        count = len(g.readings)
        colon = "：" if lang == "zh" else ": "
        title = f"{first.period}{colon}{first.text} — {reports}" + (
            f" (×{count})" if count > 1 else ""
        )
        marks.append(
            Mark(
                x_of(g.end),
                y_of(g.value),
                title,
                first.href,
                g.end.isoformat(),
                not g.primary,
                count,
            )
        )
    return Panel(
        unit,
        groups[0].readings[0].unit_name,
        colour,
        marks,
        " ".join(f"{m.x},{m.y}" for m in marks if not m.hollow),
        x_ticks,
        [(y_of(t), format_tick(t, unit, lang)) for t in ticks],
        zero_based,
    )


def _latest(groups: list[_Group]) -> Latest:
    """The primary value at the last period end, and the reports that give it."""
    last = max((g for g in groups if g.primary), key=lambda g: g.end)
    reading = last.readings[0]
    reports = list(dict.fromkeys((r.report_name, r.report_href) for r in last.readings))
    return Latest(reading.text, reading.period, reports)


def _notes(groups: list[_Group], lang: str) -> list[str]:
    """What a reader would otherwise miss: periods with several different
    values, and values given by several observations (drawn as one point)."""
    zh = lang == "zh"
    by_end: dict[date, list[_Group]] = defaultdict(list)
    for g in groups:
        by_end[g.end].append(g)
    notes = []
    for at_end in by_end.values():
        period = next(g for g in at_end if g.primary).readings[0].period
        if len(at_end) > 1:
            listed = ("；" if zh else "; ").join(
                f"{g.readings[0].text}（{'、'.join(_names(g.readings, lang))}）"
                if zh
                else f"{g.readings[0].text} ({', '.join(_names(g.readings, lang))})"
                for g in at_end
            )
            one_report = len({r.report for g in at_end for r in g.readings}) == 1
            joined = (
                ("折线连接其中第一项观测的数值" if one_report else "折线连接最新发布报告的数值")
                if zh
                else (
                    "the line joins the first observation's value"
                    if one_report
                    else "the line joins the value of the most recently issued report"
                )
            )
            notes.append(
                f"{period}有 {len(at_end)} 个不同数值：{listed}。{joined}，其余以空心点标出。"
                if zh
                else f"{period} has {len(at_end)} different values: {listed}. "
                f"{joined[0].upper()}{joined[1:]}; the others are hollow points."
            )
        for g in at_end:
            if len(g.readings) > 1:
                sources = ("、" if zh else "; ").join(_names(g.readings, lang))
                notes.append(
                    f"{period}的 {g.readings[0].text} 出自 {len(g.readings)} 项观测（{sources}），"
                    f"图中画为一点（×{len(g.readings)}）。"
                    if zh
                    else f"{period}: {g.readings[0].text} is given by {len(g.readings)} "
                    f"observations ({sources}), drawn as one point (×{len(g.readings)})."
                )
    return notes


def _names(rows: list[Reading], lang: str) -> list[str]:
    """The reports of ``rows``, each once, with the period when the periods
    differ (the year 2024 and December 2024 both end on 2024-12-31)."""
    periods = {r.period for r in rows}
    comma = "，" if lang == "zh" else ", "
    shown = (
        f"{r.report_name}{comma}{r.period}" if len(periods) > 1 else r.report_name for r in rows
    )
    return list(dict.fromkeys(shown))
