"""Evaluating one query request against the store: what a query worker does.

Kept apart from the HTTP application so that a worker process imports only
pyoxigraph and the result writers (it starts faster and holds less memory).
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions, Store

from cikg.errors import QueryError
from cikg.serve.negotiation import GRAPH_FORMATS, SOLUTION_FORMATS, NotAcceptable, choose
from cikg.serve.results import serialise_boolean, serialise_solutions, serialise_triples
from cikg.settings import ServeSettings
from cikg.vocab import PREFIXES

__all__ = ["QueryRequest", "evaluate_request"]


@dataclass(frozen=True, slots=True)
class QueryRequest:
    """What a worker evaluates: the query, its dataset and the formats asked.

    :param sparql: the query text (the usual prefixes are predeclared).
    :param default_graphs: ``default-graph-uri`` values; with none (and no
        named graphs) the default graph is the union of all graphs.
    :param named_graphs: ``named-graph-uri`` values.
    :param accept: the ``Accept`` header, if any.
    :param override: ``?format=`` values, which win over ``Accept``.
    """

    sparql: str
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    accept: str | None
    override: tuple[str, ...] | None


def evaluate_request(
    store: Store, request: QueryRequest, settings: ServeSettings
) -> tuple[bytes, str, bool]:
    """Evaluate a query and serialise its result, in the calling thread or
    worker process (pyoxigraph results must not leave the thread that made
    them).

    :return: ``(body, media type, truncated)``.
    :raises QueryError: if the query is malformed or fails.
    :raises NotAcceptable: if no format of the result's kind fits.
    """
    options: dict[str, object] = {"prefixes": PREFIXES}
    if request.default_graphs or request.named_graphs:
        if request.default_graphs:
            options["default_graph"] = [NamedNode(g) for g in request.default_graphs]
        if request.named_graphs:
            options["named_graphs"] = [NamedNode(g) for g in request.named_graphs]
    else:
        options["use_default_graph_as_union"] = True
    try:
        result = store.query(request.sparql, **options)  # type: ignore[arg-type]
    except SyntaxError as exc:
        raise QueryError(str(exc)) from exc
    except (OSError, ValueError) as exc:
        raise QueryError(f"query failed: {exc}") from exc
    try:
        if isinstance(result, QueryBoolean | QuerySolutions):
            fmt = choose(SOLUTION_FORMATS, request.accept, request.override)
            if isinstance(result, QueryBoolean):
                out = serialise_boolean(result, fmt.name)
            else:
                out = serialise_solutions(result, fmt.name, settings.result_limit)
        else:
            fmt = choose(GRAPH_FORMATS, request.accept, request.override)
            out = serialise_triples(result, fmt.name, settings.result_limit)
    except NotAcceptable as exc:
        message = str(exc)
    else:
        return out.body, fmt.media_type, out.truncated
    del result  # the result must be dropped here, not with the traceback elsewhere
    raise NotAcceptable(message)
