"""The answer of ``queries/policies-with-metrics-and-sources.rq``, listed in
``graph/latest`` by the build, so that the query only reads it.

The query lists each policy (title, issuers, date) with each indicator
related to it and that indicator's latest national value (period end, value,
sources). Joining and grouping that at query time cost 0.6-0.9 s at 100
editions of the seeds (7,358 rows; ``benchmarks/README.md``), and most of it
was Oxigraph looking the rows' values up one index seek at a time. The build
runs the query once (:data:`ANSWER`, reading
``cikg:latestNationalObservation``) and writes its rows, factored in two:

- a :class:`cikg:PolicyListing` per distinct (policy, title, date, issuers)
  of the answer: ``cikg:listedPolicy``, ``cikg:listedTitle``,
  ``cikg:listedDate``, ``cikg:issuerNames`` (the issuers' names as the query
  joins them), ``cikg:listOrder`` (the title's place in the order of
  titles);
- a :class:`cikg:LatestValueListing` per distinct (indicator label, period
  end, value, sources): ``cikg:listedIndicatorLabel``,
  ``cikg:listedPeriodEnd``, ``cikg:listedValue``, ``cikg:sourceNames``,
  ``cikg:listOrder`` (the label's place in the order of labels);
- ``?policyListing cikg:listsLatestValue ?valueListing`` for each row.

Each row of the answer is one such pair, so the rows come back exactly: the
same terms, the joined names as the query joined them. At 100 editions that
is 1,614 policy listings and 80 value listings for 7,358 rows: the query
joins two small tables to the pairs instead of eight columns per row, and
orders by two integers instead of two strings (Oxigraph decodes a string
from the store at each comparison). The order keys are dense ranks in
Oxigraph's order of the titles and labels (:func:`_order_key`), so ``ORDER
BY ?titleOrder ?labelOrder`` orders the rows as ``ORDER BY ?title
?indicatorLabel`` did.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, Store, Triple

from cikg.iris import IriMinter
from cikg.vocab import CIKG, RDF

__all__ = ["ANSWER", "Row", "answer_rows", "listing_quads"]

#: The rows the policies query answers, without their order: each policy
#: with each related indicator's latest national observations, grouped by
#: policy, title, date, indicator label, period end and value. The same text
#: as ``queries/policies-with-metrics-and-sources.rq`` had before its rows
#: were listed (``tests/test_queries.py`` compares the two).
ANSWER = """
PREFIX cikg: <https://w3id.org/cikg/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT ?policy ?title (GROUP_CONCAT(DISTINCT ?issuerName; separator=" / ") AS ?issuers)
       ?date ?indicatorLabel ?latestEnd ?value
       (GROUP_CONCAT(DISTINCT ?sourceName; separator=" / ") AS ?sources)
WHERE {
  ?policy a cikg:Policy ; dcterms:title ?title ; cikg:relatedIndicator ?indicator .
  OPTIONAL { ?policy eli:passed_by/skos:prefLabel ?issuerName FILTER(LANG(?issuerName) = "zh") }
  OPTIONAL { ?policy eli:date_document ?date }
  ?indicator skos:prefLabel ?indicatorLabel FILTER(LANG(?indicatorLabel) = "zh")
  ?indicator cikg:latestNationalObservation ?obs .
  ?obs cikg:periodEnd ?latestEnd ; sdmx-measure:obsValue ?value .
  OPTIONAL { ?obs sdmx-attribute:compilingOrg/skos:prefLabel ?sourceName
             FILTER(LANG(?sourceName) = "zh") }
}
GROUP BY ?policy ?title ?date ?indicatorLabel ?latestEnd ?value
"""

_POLICY_SIDE = ("policy", "title", "date", "issuers")
_VALUE_SIDE = ("indicatorLabel", "latestEnd", "value", "sources")

#: A row of the answer: column name -> term (``None`` when unbound).
Row = dict[str, Any]


def answer_rows(store: Store) -> list[Row]:
    """The rows of :data:`ANSWER` over the union of the store's graphs."""
    result = store.query(ANSWER, use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: row[n] for n in names} for row in result]


def listing_quads(rows: Iterable[Row], minter: IriMinter, graph: NamedNode) -> list[Quad]:
    """The listings of ``rows`` (see the module) as quads in ``graph``.

    :param rows: the answer's rows (:func:`answer_rows`).
    :param minter: mints the listings' IRIs (``id:listing/…``), each from a
        hash of its terms, so the same row gives the same IRI every build.
    :param graph: the graph the quads go in (their graph name).
    :return: the quads: the policy listings, the value listings, the pairs.
    """
    rows = list(rows)
    title_order = _dense_ranks(r["title"] for r in rows)
    label_order = _dense_ranks(r["indicatorLabel"] for r in rows)
    policies: dict[tuple[Any, ...], NamedNode] = {}
    values: dict[tuple[Any, ...], NamedNode] = {}
    pairs: set[tuple[NamedNode, NamedNode]] = set()
    for row in rows:
        left = tuple(row[c] for c in _POLICY_SIDE)
        right = tuple(row[c] for c in _VALUE_SIDE)
        if left not in policies:
            policies[left] = minter.listing("policy", _key(left))
        if right not in values:
            values[right] = minter.listing("value", _key(right))
        pairs.add((policies[left], values[right]))
    triples: list[Triple] = []
    for (policy, title, date, issuers), s in policies.items():
        triples += [
            Triple(s, RDF.type, CIKG.PolicyListing),
            Triple(s, CIKG.listedPolicy, policy),
            Triple(s, CIKG.listedTitle, title),
            Triple(s, CIKG.listOrder, Literal(title_order[title])),
        ]
        if date is not None:
            triples.append(Triple(s, CIKG.listedDate, date))
        if issuers is not None:
            triples.append(Triple(s, CIKG.issuerNames, issuers))
    for (label, end, value, sources), s in values.items():
        triples += [
            Triple(s, RDF.type, CIKG.LatestValueListing),
            Triple(s, CIKG.listedIndicatorLabel, label),
            Triple(s, CIKG.listedPeriodEnd, end),
            Triple(s, CIKG.listedValue, value),
            Triple(s, CIKG.listOrder, Literal(label_order[label])),
        ]
        if sources is not None:
            triples.append(Triple(s, CIKG.sourceNames, sources))
    ordered = sorted(pairs, key=lambda pair: (pair[0].value, pair[1].value))
    triples += [Triple(p, CIKG.listsLatestValue, v) for p, v in ordered]
    return [Quad(t.subject, t.predicate, t.object, graph) for t in triples]


def _key(terms: tuple[Any, ...]) -> str:
    """A listing's slug: 16 hex digits of SHA-1 over its terms (N-Triples
    forms, one a line, an empty line for an unbound one)."""
    text = "\n".join("" if t is None else str(t) for t in terms)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _dense_ranks(terms: Iterable[Any]) -> dict[Any, int]:
    """Each distinct term -> its place (0, 1, …) in the order ``ORDER BY``
    gives them in Oxigraph; equal terms share a place."""
    ranks: dict[Any, int] = {}
    for term in sorted(set(terms), key=_order_key):
        ranks[term] = len(ranks)
    return ranks


def _order_key(term: NamedNode | Literal | None) -> tuple[int, str, str, str]:
    """The order Oxigraph's ``ORDER BY`` gives literals of one kind (the
    titles and labels are all ``@zh`` strings): unbound first, then IRIs,
    then literals by lexical form (Unicode code points, as Rust compares
    ``str``), datatype and language tag."""
    if term is None:
        return (0, "", "", "")
    if isinstance(term, NamedNode):
        return (1, term.value, "", "")
    return (2, term.value, term.datatype.value, term.language or "")
