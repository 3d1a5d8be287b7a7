"""The chart's geometry for series the seeds do not have (several units, a
single point); the seeds' charts are tested through their pages in
test_pages.py."""

from __future__ import annotations

from datetime import date

from cikg.serve.chart import WIDTH, Reading, readings_to_chart

INDIV = "http://qudt.org/vocab/unit/INDIV"
PERCENT = "http://qudt.org/vocab/unit/PERCENT"


def _reading(obs: str, end: date, value: float, unit: str, report: str = "r1") -> Reading:
    return Reading(
        obs, "/id/" + obs, end, value, unit, unit.rsplit("/", 1)[-1], end.isoformat(),
        str(value), report, report, "/id/" + report,
    )  # fmt: skip


def test_each_unit_has_its_own_panel_axis_colour_and_legend_on_one_time_axis():
    chart = readings_to_chart(
        [
            _reading("a", date(2020, 12, 31), 9.89e8, INDIV),
            _reading("b", date(2023, 12, 31), 1.092e9, INDIV),
            _reading("c", date(2020, 12, 31), 70.4, PERCENT),
            _reading("d", date(2023, 12, 31), 77.5, PERCENT),
        ],
        "en",
    )
    assert chart is not None
    persons, rate = chart.panels
    assert (persons.unit, rate.unit) == (INDIV, PERCENT) and persons.colour != rate.colour
    assert persons.zero_based and persons.y_ticks[0][1] == "0"
    assert not rate.zero_based and rate.y_ticks[0][1] != "0%"
    assert [m.x for m in persons.marks] == [m.x for m in rate.marks]  # one time axis
    assert persons.x_ticks == rate.x_ticks and [label for _, label in persons.x_ticks if label] == [
        "2020", "2021", "2022", "2023", "2024",
    ]  # fmt: skip
    assert len(chart.latest) == 2 and any("not start at zero" in note for note in chart.notes)


def test_a_single_point_is_inside_the_chart_with_ticks_around_it():
    chart = readings_to_chart([_reading("a", date(2024, 6, 30), 78.6, PERCENT)], "zh")
    assert chart is not None
    (panel,) = chart.panels
    (mark,) = panel.marks
    assert chart.left < mark.x < WIDTH - chart.right
    assert 4 <= len(panel.y_ticks) <= 6
    assert panel.y_ticks[-1][0] < mark.y < panel.y_ticks[0][0]
    assert readings_to_chart([], "zh") is None
