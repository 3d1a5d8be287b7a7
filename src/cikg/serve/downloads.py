"""Downloads for analysts (#19 item 7): every observation of an indicator,
in every area, as CSV or JSON.

One row per observation, national first, then by area, period end and
report. The CSV has the columns of :data:`COLUMNS`, is UTF-8 with a byte
order mark (so Excel opens Chinese text correctly) and CRLF line ends (RFC
4180); names are in the reader's language, the value is the number as
stored (``1108000000``), the period as in the observation's name
(``2024-12``, ``2024``, ``2024-Q3``) with its end date beside it, the source
is the organisation the report cites for the figure, and the evidence is
the IRI of each passage or table row it was read from (space-separated).
A text cell that a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
``'``. The JSON has the same records with the IRI of every named thing
beside its name.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass

from cikg.serve.engine import Engine
from cikg.serve.names import Names, natural_key
from cikg.serve.numbers import qualifier_words, status_words, to_decimal
from cikg.vocab import PREFIXES

__all__ = ["COLUMNS", "Record", "indicator_records", "records_to_csv", "records_to_json"]

#: The CSV's header, in order.
COLUMNS = (
    "indicator",
    "area",
    "period",
    "period end",
    "value",
    "unit",
    "value as written",
    "qualifier",
    "status",
    "report",
    "source",
    "evidence",
    "observation",
)
#: What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CN = "https://w3id.org/cikg/id/region/CN"


@dataclass(frozen=True, slots=True)
class Record:
    """One observation for a download: each named thing's name (in the
    reader's language) and IRI (``""`` when absent).

    :param value: the number as stored (``"1108000000"``; ``""`` if none).
    :param period: as in the observation's name (``2024-12``); ``period_end``
        the ISO date it ends on.
    :param source, source_iri: the organisations the report cites for it.
    :param evidence: the IRIs of the passages or table rows it comes from.
    """

    indicator: str
    indicator_iri: str
    area: str
    area_iri: str
    period: str
    period_iri: str
    period_end: str
    value: str
    unit: str
    unit_iri: str
    value_as_written: str
    qualifier: str
    qualifier_iri: str
    status: str
    status_iri: str
    report: str
    report_iri: str
    source: tuple[str, ...]
    source_iri: tuple[str, ...]
    evidence: tuple[str, ...]
    observation: str


def _rows(store: Engine, sparql: str) -> list[dict[str, str | None]]:
    result = store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
    variables = [v.value for v in result.variables]  # type: ignore[union-attr]
    return [
        {n: (None if row[n] is None else row[n].value) for n in variables}
        for row in result  # type: ignore[union-attr]
    ]


def indicator_records(store: Engine, names: Names, iri: str, lang: str) -> list[Record]:
    """Every observation of the indicator ``iri``, national ones first, then
    by area name, period end, report and IRI.

    :param store: the store (read only).
    :param names: names of the store's resources.
    :param iri: the indicator.
    :param lang: ``"zh"`` or ``"en"``: the language of names.
    :returns: the records (empty if it has no observations).
    """
    rows = _rows(
        store,
        f"""SELECT ?obs ?area ?period ?end ?value ?unit ?valueText ?qualifier ?status ?report
               (GROUP_CONCAT(DISTINCT STR(?org); SEPARATOR=" ") AS ?orgs)
               (GROUP_CONCAT(DISTINCT STR(?from); SEPARATOR=" ") AS ?froms)
        WHERE {{ ?obs cikg:indicator <{iri}> ; a qb:Observation .
          OPTIONAL {{ ?obs sdmx-dimension:refArea ?area }}
          OPTIONAL {{ ?obs sdmx-dimension:refPeriod ?period }}
          OPTIONAL {{ ?obs cikg:periodEnd ?end }}
          OPTIONAL {{ ?obs sdmx-measure:obsValue ?value }}
          OPTIONAL {{ ?obs sdmx-attribute:unitMeasure ?unit }}
          OPTIONAL {{ ?obs cikg:valueText ?valueText }}
          OPTIONAL {{ ?obs cikg:valueQualifier ?qualifier }}
          OPTIONAL {{ ?obs sdmx-attribute:obsStatus ?status }}
          OPTIONAL {{ ?obs qb:dataSet/dcterms:source ?report }}
          OPTIONAL {{ ?obs sdmx-attribute:compilingOrg ?org }}
          OPTIONAL {{ ?obs prov:wasDerivedFrom ?from }}
        }} GROUP BY ?obs ?area ?period ?end ?value ?unit ?valueText ?qualifier ?status ?report
        ORDER BY ?obs ?area ?period ?end ?value ?unit ?valueText ?qualifier ?status ?report""",
    )
    indicator = names.name(iri, lang)

    def name(target: str | None) -> str:
        return names.name(target, lang) if target else ""

    records: dict[str, Record] = {}
    for row in rows:
        obs = row["obs"] or ""
        if obs in records:  # an observation with two values of a single-valued term
            continue
        orgs = tuple(sorted((row["orgs"] or "").split()))
        records[obs] = Record(
            indicator=indicator,
            indicator_iri=iri,
            area=name(row["area"]),
            area_iri=row["area"] or "",
            period=name(row["period"]) or (row["end"] or ""),
            period_iri=row["period"] or "",
            period_end=row["end"] or "",
            value=row["value"] or "",
            unit=name(row["unit"]),
            unit_iri=row["unit"] or "",
            value_as_written=row["valueText"] or "",
            qualifier=qualifier_words(row["qualifier"], lang) or name(row["qualifier"]),
            qualifier_iri=row["qualifier"] or "",
            status=status_words(row["status"], lang) or name(row["status"]),
            status_iri=row["status"] or "",
            report=name(row["report"]),
            report_iri=row["report"] or "",
            source=tuple(name(org) for org in orgs),
            source_iri=orgs,
            evidence=tuple(sorted((row["froms"] or "").split())),
            observation=obs,
        )
    return sorted(
        records.values(),
        key=lambda r: (
            r.area_iri != _CN,
            natural_key(r.area),
            r.period_end,
            natural_key(r.report),
            r.observation,
        ),
    )


def _cell(text: str) -> str:
    """A text cell that no spreadsheet runs as a formula.

    >>> _cell("=HYPERLINK(1)"), _cell("网民规模")
    ("'=HYPERLINK(1)", '网民规模')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def records_to_csv(records: list[Record]) -> bytes:
    """The records as CSV: a byte order mark, the header :data:`COLUMNS`,
    one line per record (several sources joined by ``; ``, several evidence
    IRIs by spaces).

    :returns: UTF-8 bytes starting with ``EF BB BF``.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in records:
        number = to_decimal(r.value) if r.value else None
        writer.writerow(
            [
                _cell(r.indicator),
                _cell(r.area),
                _cell(r.period),
                r.period_end if r.period_end[:1].isdigit() else _cell(r.period_end),
                r.value if number is not None else _cell(r.value),
                _cell(r.unit),
                _cell(r.value_as_written),
                _cell(r.qualifier),
                _cell(r.status),
                _cell(r.report),
                _cell("; ".join(r.source)),
                _cell(" ".join(r.evidence)),
                _cell(r.observation),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def records_to_json(iri: str, name: str, records: list[Record], lang: str) -> bytes:
    """The records as JSON: ``{"indicator": {"iri", "name"}, "language",
    "count", "observations": [record, …]}``, each record with the fields of
    :class:`Record` (``value`` a number when it is one, lists for
    ``source``, ``source_iri`` and ``evidence``).

    :param iri: the indicator; ``name`` its name in ``lang``.
    :returns: UTF-8 bytes.
    """
    observations = []
    for r in records:
        record: dict[str, object] = asdict(r)
        number = to_decimal(r.value) if r.value else None
        if number is not None:
            record["value"] = int(number) if number == number.to_integral_value() else float(number)
        for key in ("source", "source_iri", "evidence"):
            record[key] = list(record[key])  # type: ignore[call-overload]
        observations.append(record)
    body = {
        "indicator": {"iri": iri, "name": name},
        "language": lang,
        "count": len(observations),
        "observations": observations,
    }
    return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")
