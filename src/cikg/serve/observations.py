"""Every observation of the graph, read once, for the pages that show many
of them at a time: a region's latest value per indicator, the figures an
organisation is the source of, a policy's related indicators.

:class:`ObservationIndex` reads each observation's indicator, area, period,
value, unit, qualifier, status, report and cited source in one query on
first use and keeps them: the store is read-only while it is served (as
:class:`~cikg.serve.names.Names` keeps the names). A page then picks its
rows without a query of its own, so a region with a thousand observations
renders as fast as one with ten.

The **latest value** of an indicator in an area (:meth:`ObservationIndex.latest`)
is the one with the latest period end among its actual values (no
``sdmx-attribute:obsStatus``: a target or a forecast is no latest value,
unless there is nothing else); of several at that end, the one from the most
recently issued report, then the greatest report IRI, then the first
observation IRI, as the indicator's chart chooses the value its line joins
(:mod:`cikg.serve.chart`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from cikg.serve.engine import Engine
from cikg.serve.graph import select_rows

__all__ = ["ObservationIndex", "Observed"]


@dataclass(frozen=True, slots=True)
class Observed:
    """One observation, as IRIs and literal texts (``""`` when absent).

    :param iri: the observation; ``indicator``, ``area``, ``period`` (the
        reference period's IRI) its dimensions; ``end`` its period's end date.
    :param value: the number as stored; ``unit`` its unit's IRI; ``text``
        the value as written; ``qualifier`` and ``status`` their IRIs.
    :param report: the report it was read from; ``issued`` when that was issued.
    :param sources: the organisations the report cites for it.
    """

    iri: str
    indicator: str
    area: str
    period: str
    end: str
    value: str
    unit: str
    text: str
    qualifier: str
    status: str
    report: str
    issued: str
    sources: tuple[str, ...]


class ObservationIndex:
    """The store's observations, by area and by cited source.

    :param store: the store (read-only while the index is used).
    """

    def __init__(self, store: Engine) -> None:
        self.store = store

    @cached_property
    def _all(self) -> tuple[Observed, ...]:
        rows = select_rows(
            self.store,
            """SELECT ?o ?ind ?area ?period ?end ?value ?unit ?text ?qualifier ?status ?report
                   ?issued ?source WHERE {
              ?o a qb:Observation ; cikg:indicator ?ind ; sdmx-dimension:refArea ?area .
              OPTIONAL { ?o cikg:periodEnd ?end } OPTIONAL { ?o sdmx-dimension:refPeriod ?period }
              OPTIONAL { ?o sdmx-measure:obsValue ?value } OPTIONAL { ?o cikg:valueText ?text }
              OPTIONAL { ?o sdmx-attribute:unitMeasure ?unit }
              OPTIONAL { ?o cikg:valueQualifier ?qualifier }
              OPTIONAL { ?o sdmx-attribute:obsStatus ?status }
              OPTIONAL { ?o qb:dataSet/dcterms:source ?report
                         OPTIONAL { ?report dcterms:issued ?issued } }
              OPTIONAL { ?o sdmx-attribute:compilingOrg ?source }
            } ORDER BY ?o ?period ?end ?value ?unit ?report ?issued""",
        )
        first: dict[str, dict[str, str | None]] = {}
        sources: dict[str, list[str]] = defaultdict(list)
        for row in rows:
            obs = row["o"] or ""
            first.setdefault(obs, row)  # a second period or unit: the first is enough
            if row["source"] and row["source"] not in sources[obs]:
                sources[obs].append(row["source"])
        return tuple(
            Observed(
                obs,
                row["ind"] or "",
                row["area"] or "",
                row["period"] or "",
                row["end"] or "",
                row["value"] or "",
                row["unit"] or "",
                row["text"] or "",
                row["qualifier"] or "",
                row["status"] or "",
                row["report"] or "",
                row["issued"] or "",
                tuple(sources[obs]),
            )
            for obs, row in first.items()
        )

    @cached_property
    def _by_area(self) -> dict[str, list[Observed]]:
        found: dict[str, list[Observed]] = defaultdict(list)
        for o in self._all:
            found[o.area].append(o)
        return dict(found)

    @cached_property
    def _by_source(self) -> dict[str, list[Observed]]:
        found: dict[str, list[Observed]] = defaultdict(list)
        for o in self._all:
            for source in o.sources:
                found[source].append(o)
        return dict(found)

    def latest(self, area: str) -> dict[str, Observed]:
        """The latest value (see the module) of each indicator in ``area``.

        :param area: the area's IRI.
        :returns: indicator IRI -> its latest observation there.
        """
        by_indicator: dict[str, list[Observed]] = defaultdict(list)
        for o in self._by_area.get(area, []):
            by_indicator[o.indicator].append(o)
        return {indicator: _latest(found) for indicator, found in by_indicator.items()}

    def from_source(self, org: str) -> list[Observed]:
        """The observations whose report cites ``org`` as their source."""
        return list(self._by_source.get(org, []))


def _latest(found: list[Observed]) -> Observed:
    """The latest of one indicator's observations in one area (see the module)."""
    actual = [o for o in found if not o.status] or found
    end = max(o.end for o in actual)
    at_end = [o for o in actual if o.end == end]
    best = max((o.issued, o.report) for o in at_end)
    return min((o for o in at_end if (o.issued, o.report) == best), key=lambda o: o.iri)
