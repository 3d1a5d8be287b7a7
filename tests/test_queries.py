"""Every example query in queries/ parses, runs on the seeds and answers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest
from pyoxigraph import QueryBoolean, QuerySolution, QuerySolutions

from cikg.listings import ANSWER
from cikg.store import open_store, query

QUERIES = sorted((Path(__file__).resolve().parents[1] / "queries").glob("*.rq"))


def test_there_are_at_least_five_queries():
    assert len(QUERIES) >= 5


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_query_has_a_comment_runs_and_answers(built_store, path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#"), "each query starts with a comment saying what it answers"
    store = open_store(built_store[0], read_only=True)
    result = query(store, text)
    if isinstance(result, QueryBoolean):
        assert bool(result)
    else:
        assert isinstance(result, QuerySolutions)
        rows = list(result)
        assert rows, f"{path.name} returned no rows on the seeds"


#: ``queries/policies-with-metrics-and-sources.rq`` as it was before the build
#: derived graph/latest: it found each indicator's latest national period itself
#: (0.5-0.8 s on the seeds, 26.6 s at 100 editions of them; benchmarks/README.md).
#: Then it read cikg:latestNationalObservation and joined and grouped the rest
#: (about 20 ms on the seeds, 0.7-1 s at 100 editions): that text is
#: :data:`cikg.listings.ANSWER`, which the build now runs to list the answer.
POLICIES_BEFORE_GRAPH_LATEST = """
PREFIX cikg: <https://w3id.org/cikg/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT ?policy ?title (GROUP_CONCAT(DISTINCT ?issuerName; separator=" / ") AS ?issuers) ?date
       ?indicatorLabel ?latestEnd ?value (GROUP_CONCAT(DISTINCT ?sourceName; separator=" / ") AS ?sources)
WHERE {
  ?policy a cikg:Policy ; dcterms:title ?title ; cikg:relatedIndicator ?indicator .
  OPTIONAL { ?policy eli:passed_by/skos:prefLabel ?issuerName FILTER(LANG(?issuerName) = "zh") }
  OPTIONAL { ?policy eli:date_document ?date }
  ?indicator skos:prefLabel ?indicatorLabel FILTER(LANG(?indicatorLabel) = "zh")
  {
    SELECT ?indicator (MAX(?end) AS ?latestEnd) WHERE {
      ?o cikg:indicator ?indicator ; cikg:periodEnd ?end ;
         sdmx-dimension:refArea <https://w3id.org/cikg/id/region/CN> .
    } GROUP BY ?indicator
  }
  ?obs cikg:indicator ?indicator ; cikg:periodEnd ?latestEnd ; sdmx-measure:obsValue ?value ;
       sdmx-dimension:refArea <https://w3id.org/cikg/id/region/CN> .
  OPTIONAL { ?obs sdmx-attribute:compilingOrg/skos:prefLabel ?sourceName FILTER(LANG(?sourceName) = "zh") }
}
GROUP BY ?policy ?title ?date ?indicatorLabel ?latestEnd ?value
ORDER BY ?title ?indicatorLabel
"""


#: The policies query's columns, in its order.
POLICY_COLUMNS = (
    "policy", "title", "issuers", "date", "indicatorLabel", "latestEnd", "value", "sources",
)  # fmt: skip


def _values(rows: Iterable[QuerySolution]) -> list[tuple[str | None, ...]]:
    """Each row as the tuple of its terms (N-Triples forms) in POLICY_COLUMNS."""
    return [tuple(None if r[n] is None else str(r[n]) for n in POLICY_COLUMNS) for r in rows]


def _rows(result: QuerySolutions) -> Counter[tuple[str | None, ...]]:
    """The rows of ``result`` as a multiset of tuples of terms (ties in the
    ORDER BY may come in either order)."""
    assert [v.value for v in result.variables] == list(POLICY_COLUMNS)
    return Counter(_values(result))


def test_policies_with_metrics_reads_the_listings_and_answers_as_before(built_store):
    """The query reads the answer the build listed in graph/latest, and its rows
    are those of the two texts it had before (the same terms, the issuers' and
    sources' names joined alike), in the order of titles then indicator labels."""
    store = open_store(built_store[0], read_only=True)
    text = (QUERIES[0].parent / "policies-with-metrics-and-sources.rq").read_text(encoding="utf-8")
    assert "cikg:listsLatestValue" in text and "latestNationalObservation" not in text
    before = query(store, POLICIES_BEFORE_GRAPH_LATEST)
    derived_from = query(store, ANSWER)
    after = query(store, text)
    assert isinstance(before, QuerySolutions) and isinstance(after, QuerySolutions)
    assert isinstance(derived_from, QuerySolutions)
    expected = _rows(before)
    assert expected and _rows(derived_from) == expected
    assert [v.value for v in after.variables] == list(POLICY_COLUMNS)
    rows = list(after)
    assert Counter(_values(rows)) == expected
    keys = [(r["title"].value, r["indicatorLabel"].value) for r in rows]
    assert keys == sorted(keys)
