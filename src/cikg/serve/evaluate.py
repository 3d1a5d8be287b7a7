"""Evaluating one query request against an engine: what a query worker does
with the embedded store, and what a server thread does with a remote engine.

Kept apart from the HTTP application so that a worker process imports only
pyoxigraph and the result writers (it starts faster and holds less memory).
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode, QueryBoolean

from cikg.errors import CikgError, QueryError
from cikg.serve.engine import Engine
from cikg.serve.guard import check_query, uses_keyword
from cikg.serve.negotiation import (
    BOOLEAN_FORMATS,
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    Format,
    NotAcceptable,
    choose,
)
from cikg.serve.results import serialise_boolean, serialise_solutions, serialise_triples
from cikg.settings import ServeSettings
from cikg.vocab import PREFIXES

__all__ = ["QueryRequest", "evaluate_request", "is_iri"]


@dataclass(frozen=True, slots=True)
class QueryRequest:
    """What a worker evaluates: the query, its dataset and the formats asked.

    :param sparql: the query text (the usual prefixes are predeclared).
    :param default_graphs: ``default-graph-uri`` values; with none (and no
        named graphs) the default graph is the union of all graphs.
    :param named_graphs: ``named-graph-uri`` values. When either is given the
        dataset is exactly the graphs they name: the other part, if not
        given, is empty (SPARQL 1.1 Protocol §2.1.4, as FROM/FROM NAMED in
        Query §13.2).
    :param accept: the ``Accept`` header, if any.
    :param override: ``?format=`` values, which win over ``Accept``.
    :param base_iri: the IRI that relative IRIs in the query are resolved
        against (a ``BASE`` in the query wins); the endpoint passes its own
        URL. ``None``: a relative IRI is a syntax error.
    """

    sparql: str
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    accept: str | None
    override: tuple[str, ...] | None
    base_iri: str | None = None


def is_iri(text: str) -> bool:
    """Whether pyoxigraph accepts ``text`` as an IRI (no spaces, controls,
    ``<>"{}|^`\\`` or broken percent escapes), so it is safe in SPARQL.

    >>> is_iri("https://w3id.org/cikg/graph/report/cnnic-55"), is_iri("a b")
    (True, False)
    """
    try:
        NamedNode(text)
    except ValueError:
        return False
    return True


def _boolean_format(request: QueryRequest) -> Format:
    """The format of an ASK result: SPARQL JSON or XML.

    :param request: the request, with its ``Accept`` and ``?format=``.
    :return: one of :data:`BOOLEAN_FORMATS`.
    :raises NotAcceptable: if the request accepts neither; the message
        names the types that fit and says why CSV and TSV do not (SPARQL 1.1
        Query Results CSV and TSV Formats define them for SELECT results
        only, and no boolean form).
    """
    try:
        return choose(BOOLEAN_FORMATS, request.accept, request.override)
    except NotAcceptable as exc:
        raise NotAcceptable(
            f"{exc} (an ASK result has no CSV or TSV form: the SPARQL CSV and TSV "
            "results formats are defined for SELECT results only)"
        ) from None


def evaluate_request(
    store: Engine, request: QueryRequest, settings: ServeSettings
) -> tuple[bytes, str, bool]:
    """Evaluate a query and serialise its result, in the calling thread or
    worker process (pyoxigraph results must not leave the thread that made
    them).

    :param store: the engine: the embedded store, or a remote endpoint
        (:class:`cikg.serve.remote.RemoteEngine`, which may also raise
        :class:`~cikg.serve.workers.QueryTimeout`).

    The query is screened first (:func:`cikg.serve.guard.check_query`):
    every evaluation passes here, so no path skips the screen.

    :return: ``(body, media type, truncated)``.
    :raises QueryError: if the query is malformed, refused or fails, or
        ``request.base_iri`` is not an absolute IRI.
    :raises NotAcceptable: if no format of the result's kind fits.
    """
    if request.base_iri is not None and not is_iri(request.base_iri):
        raise QueryError(f"the base IRI {request.base_iri!r} is not an absolute IRI")
    check_query(request.sparql, settings.max_query_depth, PREFIXES, request.base_iri)
    options: dict[str, object] = {"prefixes": PREFIXES, "base_iri": request.base_iri}
    if request.default_graphs or request.named_graphs:
        for graph in (*request.default_graphs, *request.named_graphs):
            if not is_iri(graph):
                raise QueryError(f"default-graph-uri/named-graph-uri {graph!r} is not an IRI")
        # the dataset is the graphs named, as with FROM and FROM NAMED: with
        # only default graphs named it has no named graphs, with only named
        # graphs an empty default graph (SPARQL 1.1 Protocol §2.1.4, Query
        # §13.2); pyoxigraph would take the store's for the part left out
        options["default_graph"] = [NamedNode(g) for g in request.default_graphs]
        options["named_graphs"] = [NamedNode(g) for g in request.named_graphs]
    elif not uses_keyword(request.sparql, "FROM", PREFIXES, request.base_iri):
        # the union is the default dataset; a FROM clause names another one
        options["use_default_graph_as_union"] = True
    try:
        result = store.query(request.sparql, **options)  # type: ignore[arg-type]
    except SyntaxError as exc:
        raise QueryError(str(exc)) from exc
    except (OSError, ValueError) as exc:
        raise QueryError(f"query failed: {exc}") from exc
    try:
        if isinstance(result, QueryBoolean):
            fmt = _boolean_format(request)
            out = serialise_boolean(result, fmt.name)
        elif hasattr(result, "variables"):  # QuerySolutions, or a remote engine's
            fmt = choose(SOLUTION_FORMATS, request.accept, request.override)
            out = serialise_solutions(result, fmt.name, settings.result_limit)
        else:
            fmt = choose(GRAPH_FORMATS, request.accept, request.override)
            out = serialise_triples(result, fmt.name, settings.result_limit)
    except NotAcceptable as exc:
        error: CikgError | NotAcceptable = NotAcceptable(str(exc))
    except (OSError, ValueError) as exc:  # evaluation continues while the result is read
        error = QueryError(f"query failed: {exc}")
    else:
        return out.body, fmt.media_type, out.truncated
    finally:
        # the result must be dropped in this thread, read or not (a remote
        # engine's rows a truncated result left unread, its triples' parser),
        # not by the garbage collector elsewhere: pyoxigraph's are unsendable
        close = getattr(result, "close", None)
        if close is not None:
            close()
    del result
    raise error
