"""The queries the benchmarks send: the examples in ``queries/`` and three typical
lookups, each lookup with as many distinct instances as the store allows.

Every query is sent as full text with the usual prefixes declared (Oxigraph's
server predeclares none), the same text to every target.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Store

from cikg.vocab import PREFIXES

__all__ = ["Query", "examples", "lookups", "prologue"]

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Query:
    """A query to send: a short name and its full text."""

    name: str
    text: str


def prologue() -> str:
    """``PREFIX`` lines for every prefix cikg predeclares."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def examples() -> list[Query]:
    """Every ``queries/*.rq``, as shipped (each declares its prefixes)."""
    return [
        Query(path.stem, prologue() + path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "queries").glob("*.rq"))
    ]


def series(indicator: str) -> str:
    """One indicator's national series: period end, value, unit, report."""
    return (
        prologue()
        + f"""SELECT ?periodEnd ?value ?unit ?report WHERE {{
  ?obs cikg:indicator <{indicator}> ;
       sdmx-dimension:refArea <https://w3id.org/cikg/id/region/CN> ;
       cikg:periodEnd ?periodEnd ;
       sdmx-measure:obsValue ?value ;
       qb:dataSet/dcterms:source ?report .
  OPTIONAL {{ ?obs sdmx-attribute:unitMeasure ?unit }}
}} ORDER BY ?periodEnd ?report"""
    )


def description(resource: str) -> str:
    """One resource's description: every property and value, as a SELECT."""
    return prologue() + f"SELECT ?p ?o WHERE {{ <{resource}> ?p ?o }} LIMIT 500"


def label_search(term: str) -> str:
    """Resources whose label contains ``term`` (a search box's query)."""
    return (
        prologue()
        + f"""SELECT DISTINCT ?s ?label WHERE {{
  ?s rdfs:label|skos:prefLabel|skos:altLabel ?label .
  FILTER(CONTAINS(STR(?label), "{term}"))
}} LIMIT 50"""
    )


def _column(store: Store, sparql: str) -> list[str]:
    rows = store.query(prologue() + sparql, use_default_graph_as_union=True)
    return [row[0].value for row in rows]


def lookups(store: Store, per_kind: int, seed: int = 7) -> dict[str, list[Query]]:
    """Up to ``per_kind`` distinct instances of each typical lookup, drawn from
    the store: ``series`` of indicators that have national observations,
    ``description`` of resources of every kind, ``search`` for two-character
    terms taken from Chinese labels.

    :return: kind -> distinct queries, the first of each kind being the
        canonical one (网民规模's series, the 55th report, 网民).
    """
    rng = random.Random(seed)
    indicators = _column(
        store,
        "SELECT DISTINCT ?i WHERE { ?o cikg:indicator ?i ; "
        "sdmx-dimension:refArea <https://w3id.org/cikg/id/region/CN> } ORDER BY ?i",
    )
    resources = _column(
        store,
        "SELECT DISTINCT ?s WHERE { ?s a ?c FILTER(isIRI(?s)) } ORDER BY ?s",
    )
    labels = _column(
        store,
        'SELECT DISTINCT ?l WHERE { ?s rdfs:label|skos:prefLabel ?l FILTER(LANG(?l) = "zh") } ORDER BY ?l',
    )
    terms = sorted({lab[i : i + 2] for lab in labels for i in range(len(lab) - 1)})
    terms = [t for t in terms if all("\u4e00" <= c <= "\u9fff" for c in t)]
    for pool in (indicators, resources, terms):
        rng.shuffle(pool)
    first_indicator = "https://w3id.org/cikg/id/indicator/internet-users"
    first_resource = "https://w3id.org/cikg/id/report/cnnic-55"
    indicators = [first_indicator, *(i for i in indicators if i != first_indicator)]
    resources = [first_resource, *(r for r in resources if r != first_resource)]
    terms = ["网民", *(t for t in terms if t != "网民")]
    return {
        "series": [Query("series", series(i)) for i in indicators[:per_kind]],
        "description": [Query("description", description(r)) for r in resources[:per_kind]],
        "search": [Query("search", label_search(t)) for t in terms[:per_kind]],
    }
