"""What the English-mode checks of #19 measure, shared by
``tests/test_pages.py`` (served HTML) and ``tests/test_browser.py``
(Chromium): a page of each type on the seeds' store, the English labels of
the store's resources, and what counts as Chinese."""

from __future__ import annotations

import re

from pyoxigraph import Store

from cikg.serve.pages import ID_BASE
from cikg.vocab import PREFIXES

#: Han characters (with extensions), CJK punctuation and full-width forms.
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\U00020000-\U0003134f]")


def _first(store: Store, sparql: str) -> str:
    row = next(iter(store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)))
    return "/id/" + row[0].value[len(ID_BASE) :]


def page_of_each_type(store: Store) -> dict[str, str]:
    """Page type -> the path of one page of that type in the seeds' store
    (the observation: a national 网民规模 of the 55th report; the table: the
    55th report's first)."""
    return {
        "home": "/",
        "indicator": "/id/indicator/internet-users",
        "observation": _first(
            store,
            f"SELECT ?o WHERE {{ ?o cikg:indicator <{ID_BASE}indicator/internet-users> ;"
            f" sdmx-dimension:refArea <{ID_BASE}region/CN> ;"
            f" qb:dataSet <{ID_BASE}dataset/cnnic-55> }} ORDER BY ?o LIMIT 1",
        ),
        "policy": "/id/policy/ai-generated-content-labelling-measures",
        "organisation": "/id/org/miit",
        "region": "/id/region/CN-BJ",
        "report": "/id/report/cnnic-55",
        "table": _first(
            store,
            f"SELECT ?t WHERE {{ ?t a cikg:Table ; prov:wasQuotedFrom <{ID_BASE}report/cnnic-55> }}"
            " ORDER BY ?t LIMIT 1",
        ),
        "list": "/list/policies",
        "search": "/search?q=%E7%BD%91%E6%B0%91",
        "statistics": "/statistics",
        "sparql": "/sparql",
    }


def english_labels(store: Store) -> dict[str, list[str]]:
    """IRI -> its English labels (``skos:prefLabel``, ``rdfs:label``,
    ``dcterms:title`` @en: those the pages name things by), leaving out a
    label marked ``(untranslated)`` (the Chinese kept as a placeholder by an
    indicator found in a report and not yet translated)."""
    found: dict[str, list[str]] = {}
    for row in store.query(
        "SELECT ?s ?l WHERE { ?s skos:prefLabel|rdfs:label|dcterms:title ?l"
        " FILTER(LANGMATCHES(LANG(?l), 'en') && !CONTAINS(?l, '(untranslated)')) }",
        use_default_graph_as_union=True,
        prefixes=PREFIXES,
    ):
        found.setdefault(row[0].value, []).append(row[1].value)
    return found
