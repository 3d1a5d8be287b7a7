"""An indicator's national series, read for a page: the rows of the table
under its chart and the chart's readings (:mod:`cikg.serve.chart`). The
indicator page shows all of it; the home page charts a few headline series
(:mod:`cikg.serve.front`).
"""

from __future__ import annotations

from datetime import date

from cikg.serve.chart import Reading
from cikg.serve.engine import Engine
from cikg.serve.graph import NATIONAL, local_href, select_rows
from cikg.serve.names import Names
from cikg.serve.numbers import format_period, format_quantity, status_words, to_decimal

__all__ = ["national_series", "parse_date"]


def national_series(
    store: Engine, names: Names, iri: str, lang: str
) -> tuple[list[dict[str, str | None]], list[Reading]]:
    """The national observations of an indicator.

    :param store: the store.
    :param names: what pages call the store's resources.
    :param iri: the indicator.
    :param lang: ``"zh"`` or ``"en"``.
    :returns: the rows of the table under its chart, in period order (dicts
        with ``href``, ``period``, ``figure`` (the value in words, qualifier
        first), ``status``, ``valueText``, ``reportName``, ``reportHref``),
        and the chart's readings (those with a finite value and a date).
    """
    rows = select_rows(
        store,
        f"""SELECT ?obs ?end ?value ?unit ?valueText ?report ?issued ?period ?qualifier
               ?status WHERE {{
          ?obs cikg:indicator <{iri}> ; sdmx-dimension:refArea <{NATIONAL}> ;
               cikg:periodEnd ?end ; sdmx-measure:obsValue ?value ;
               sdmx-attribute:unitMeasure ?unit ; cikg:valueText ?valueText ;
               qb:dataSet/dcterms:source ?report .
          OPTIONAL {{ ?obs sdmx-dimension:refPeriod ?period }}
          OPTIONAL {{ ?obs cikg:valueQualifier ?qualifier }}
          OPTIONAL {{ ?obs sdmx-attribute:obsStatus ?status }}
          OPTIONAL {{ ?report dcterms:issued ?issued }}
        }} ORDER BY ?end ?report ?obs""",
    )
    table: list[dict[str, str | None]] = []
    readings: list[Reading] = []
    seen: set[str] = set()
    name = names.name
    for row in rows:
        obs, unit, report = row["obs"] or "", row["unit"] or "", row["report"] or ""
        if obs in seen:  # a second period, qualifier or issue date: one row is enough
            continue
        seen.add(obs)
        unit_name = name(unit, lang)
        period = format_period(row["period"], lang) if row["period"] else (row["end"] or "")
        figure = format_quantity(
            row["value"] or "", unit, lang, row["qualifier"], names.unit_words(unit)
        )
        entry = {
            "href": local_href(obs),
            "period": period,
            "figure": figure,
            "status": status_words(row["status"], lang)
            or (name(row["status"], lang) if row["status"] else ""),
            "valueText": row["valueText"],
            "reportName": name(report, lang),
            "reportHref": local_href(report),
        }
        table.append(entry)
        value, end = to_decimal(row["value"] or ""), parse_date(row["end"])
        if value is not None and end is not None:
            readings.append(
                Reading(
                    obs,
                    entry["href"],
                    end,
                    float(value),
                    unit,
                    unit_name,
                    period,
                    figure,
                    report,
                    entry["reportName"] or "",
                    entry["reportHref"],
                    row["issued"] or "",
                )
            )
    return table, readings


def parse_date(text: str | None) -> date | None:
    """An ``xsd:date`` literal's date (``None`` if it is none).

    >>> parse_date("2024-12-31"), parse_date("2024-12")
    (datetime.date(2024, 12, 31), None)
    """
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None
