"""What the server reads the graph through: an *engine*.

Two engines stand behind the same routes:

- the embedded store, a :class:`pyoxigraph.Store` opened read-only (its
  ``/sparql`` queries run in worker processes, :mod:`cikg.serve.workers`);
- a remote SPARQL 1.1 query endpoint (Oxigraph server, Virtuoso, …),
  :class:`cikg.serve.remote.RemoteEngine`.

:class:`Engine` is the part of pyoxigraph's ``Store`` API the pages, the
service descriptions and the query evaluation use, so a ``Store`` is an
engine as it is and the remote one answers the same calls over HTTP. The
results are pyoxigraph objects in both cases (solutions, booleans, triples,
quads), read in the thread that asked for them.

Only the *served graphs* are visible through an engine: on the embedded
store every named graph; on a remote endpoint the graphs under
``https://w3id.org/cikg/graph/`` except ``graph/published`` (the record
``cikg publish`` keeps in the target) — an engine's own graphs (Virtuoso's
system graphs) and the publish record appear in no page and no listing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

from pyoxigraph import NamedNode, Quad

__all__ = ["Engine"]


class Engine(Protocol):
    """A read-only graph the server answers from (the subset of
    :class:`pyoxigraph.Store` the server calls).

    ``query`` takes pyoxigraph's options: ``prefixes`` (declared for the
    query), ``base_iri``, ``use_default_graph_as_union`` (the default graph
    is the union of the served graphs), ``default_graph`` and
    ``named_graphs`` (an explicit dataset); with none of the three dataset
    options the query's own ``FROM`` clauses (or the engine's default) apply.
    It returns ``QuerySolutions`` (or an object with ``variables`` that
    iterates like it), ``QueryBoolean`` or an iterable of ``Triple``, and
    raises ``SyntaxError`` for a malformed query and ``OSError`` or
    ``ValueError`` when evaluation fails.
    """

    def query(
        self,
        query: str,
        *,
        prefixes: Mapping[str, str] | None = None,
        base_iri: str | None = None,
        use_default_graph_as_union: bool = False,
        default_graph: Any = None,
        named_graphs: Iterable[NamedNode] | None = None,
    ) -> Any:
        """Evaluate a SPARQL query (see the class docstring)."""
        ...

    def quads_for_pattern(
        self, subject: Any, predicate: Any, object: Any, graph_name: Any = None
    ) -> Iterator[Quad]:
        """The quads of the served graphs that match (``None`` matches anything)."""
        ...

    def named_graphs(self) -> Iterator[NamedNode]:
        """The served graphs."""
        ...

    def contains_named_graph(self, graph_name: NamedNode) -> bool:
        """Whether ``graph_name`` is a served graph."""
        ...

    def __len__(self) -> int:
        """How many quads the served graphs hold."""
        ...
