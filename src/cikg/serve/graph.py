"""What every page module reads the graph with: its namespace, where a
resource is shown (:func:`local_href`) and SELECT results as plain rows
(:func:`select_rows`).

Kept apart from :mod:`cikg.serve.pages` so that the modules a page is made
of (:mod:`~cikg.serve.sections`, :mod:`~cikg.serve.front`,
:mod:`~cikg.serve.series`) import it without importing each other.
"""

from __future__ import annotations

from cikg.iris import DEFAULT_BASE
from cikg.serve.engine import Engine
from cikg.vocab import PREFIXES

__all__ = ["ID_BASE", "NATIONAL", "REFERENCE_GRAPH", "local_href", "select_rows"]

#: The published namespace of the graph's resources, served at ``/id/``.
ID_BASE = f"{DEFAULT_BASE}id/"
#: The nation: the area of national figures.
NATIONAL = ID_BASE + "region/CN"
#: The named graph of curated entities (``ontology/reference``).
REFERENCE_GRAPH = f"{DEFAULT_BASE}graph/reference"


def local_href(iri: str) -> str | None:
    """Where the server shows an IRI: ``/id/X`` for the graph's own, the IRI
    itself for other web IRIs, and ``None`` (no link) for any other scheme,
    so a ``javascript:`` IRI in the data never becomes a link.

    >>> local_href("https://w3id.org/cikg/id/org/miit")
    '/id/org/miit'
    >>> local_href("javascript:alert(1)") is None
    True
    """
    if iri.startswith(ID_BASE):
        return "/id/" + iri[len(ID_BASE) :]
    return iri if iri.startswith(("http://", "https://")) else None


def select_rows(store: Engine, sparql: str) -> list[dict[str, str | None]]:
    """The rows of a SELECT over the union of the store's graphs, each a dict
    from variable name to the value's text (``None`` when unbound), with
    :data:`cikg.vocab.PREFIXES` declared.

    :param store: the store.
    :param sparql: a SELECT query (the pages' own, never a reader's).
    :returns: the rows, in the query's order.
    """
    result = store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
    names = [v.value for v in result.variables]  # type: ignore[union-attr]
    return [
        {n: (None if row[n] is None else row[n].value) for n in names}
        for row in result  # type: ignore[union-attr]
    ]
