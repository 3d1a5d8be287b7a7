"""The HTTP application: a SPARQL 1.1 Protocol endpoint over the store.

- ``/sparql``: GET ``?query=``, POST ``application/x-www-form-urlencoded``
  and POST ``application/sparql-query`` (Protocol 2.1.1–2.1.3), with
  ``default-graph-uri`` and ``named-graph-uri``; the default graph is
  otherwise the union of all graphs. SELECT/ASK answer as SPARQL JSON, XML,
  CSV or TSV; CONSTRUCT/DESCRIBE as Turtle, N-Triples, JSON-LD, RDF/XML,
  TriG or N-Quads, chosen by ``Accept`` (with q-values) or ``?format=``;
  ``Vary: Accept``; 406 when nothing fits. Without a query: a SPARQL
  service description for RDF clients, the query page for browsers.
- Safe by default: the store is opened read-only and no update is ever
  evaluated (``update=`` and ``application/sparql-update`` get 400);
  ``SERVICE`` is refused before evaluation (pyoxigraph would fetch the URL);
  queries, bodies and results are capped, and a cut result says so in
  ``X-Cikg-Truncated``; invalid UTF-8 gets 400; CORS is on. Queries run in
  worker processes (:mod:`cikg.serve.workers`) that are killed at the time
  limit (503 with a clear message) while the others keep serving.
- ``/.well-known/void``: VoID description of the dataset: triples, classes
  and properties partitions, one subset per named graph.
- ``/healthz`` for operators.
"""

from __future__ import annotations

import html
from urllib.parse import parse_qsl

from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions, Store
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from cikg.errors import CikgError, QueryError
from cikg.serve.description import service_description, void_description
from cikg.serve.guard import check_query
from cikg.serve.negotiation import (
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    NotAcceptable,
    choose,
    parse_accept,
)
from cikg.serve.results import serialise_boolean, serialise_solutions, serialise_triples
from cikg.serve.workers import QueryRequest, QueryTimeout, QueryWorkers
from cikg.settings import ServeSettings
from cikg.vocab import PREFIXES

__all__ = ["create_app", "evaluate_request"]

_FORM = "application/x-www-form-urlencoded"
_DIRECT = "application/sparql-query"
_UPDATE = "application/sparql-update"

_PAGE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>cikg SPARQL</title></head>
<body><h1>cikg — SPARQL 1.1</h1>
<p>China internet knowledge graph · 中国互联网知识图谱</p>
<form method="post" action="/sparql">
<textarea name="query" rows="12" cols="90">{query}</textarea><br>
<button type="submit">Run</button></form></body></html>
"""
_EXAMPLE = "SELECT ?report ?title WHERE { ?report a cikg:Report ; dcterms:title ?title }"


class _BadRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


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


async def _read_request(request: Request, settings: ServeSettings) -> dict[str, list[str]]:
    """The protocol parameters of a request, from the URL and, for POST, the body."""
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    if request.method == "POST":
        body = await request.body()
        if len(body) > settings.max_body_bytes:
            raise _BadRequest(413, f"the request body is over {settings.max_body_bytes} bytes")
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _BadRequest(400, "the request body is not valid UTF-8") from exc
        if ctype == _FORM:
            for key, value in parse_qsl(text, keep_blank_values=True):
                params.setdefault(key, []).append(value)
        elif ctype == _DIRECT:
            params["query"] = [text]
        elif ctype == _UPDATE:
            raise _BadRequest(400, "SPARQL Update is not allowed on this endpoint")
        else:
            raise _BadRequest(415, f"POST a query as {_FORM} or {_DIRECT}")
    if "update" in params:
        raise _BadRequest(400, "SPARQL Update is not allowed on this endpoint")
    return params


def create_app(
    store: Store, settings: ServeSettings | None = None, workers: QueryWorkers | None = None
) -> Starlette:
    """The application over an open (read-only) store.

    :param store: the store to query; never written to.
    :param settings: limits; default :class:`ServeSettings` values.
    :param workers: worker processes that evaluate queries within the time
        limit; without them queries run in threads with no time limit
        (for tests and embedding).
    :return: a Starlette app; run it with uvicorn.
    """
    settings = settings or ServeSettings()

    async def sparql(request: Request) -> Response:
        try:
            params = await _read_request(request, settings)
        except _BadRequest as exc:
            return PlainTextResponse(str(exc), status_code=exc.status)
        queries = params.get("query", [])
        override = (params.get("format") or [None])[0]
        accept = request.headers.get("accept")
        if len(queries) > 1:
            return PlainTextResponse("give one 'query' parameter, not several", status_code=400)
        if not queries or not queries[0].strip():
            best = parse_accept(accept)[0][0] if accept else "*/*"
            if best == "text/html" and not override:
                return HTMLResponse(_PAGE.format(query=html.escape(_EXAMPLE)))
            try:
                fmt = choose(GRAPH_FORMATS, accept, override)
            except NotAcceptable:
                return PlainTextResponse("missing 'query' parameter", status_code=400)
            body = await run_in_threadpool(service_description, store, str(request.url), fmt.name)
            return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})
        text = queries[0]
        if len(text) > settings.max_query_chars:
            return PlainTextResponse(
                f"the query is over {settings.max_query_chars} characters", status_code=400
            )
        query_request = QueryRequest(
            text,
            tuple(params.get("default-graph-uri", [])),
            tuple(params.get("named-graph-uri", [])),
            accept,
            override,
        )
        try:
            check_query(text)
            if workers is not None:
                body, media_type, truncated = await run_in_threadpool(workers.run, query_request)
            else:
                body, media_type, truncated = await run_in_threadpool(
                    evaluate_request, store, query_request, settings
                )
        except QueryTimeout as exc:
            return PlainTextResponse(str(exc), status_code=503, headers={"Retry-After": "1"})
        except QueryError as exc:
            return PlainTextResponse(f"malformed or refused query: {exc}", status_code=400)
        except NotAcceptable as exc:
            return PlainTextResponse(str(exc), status_code=406, headers={"Vary": "Accept"})
        except _BadRequest as exc:
            return PlainTextResponse(str(exc), status_code=exc.status)
        except CikgError as exc:
            return PlainTextResponse(str(exc), status_code=500)
        headers = {"Vary": "Accept", "X-Cikg-Result-Limit": str(settings.result_limit)}
        if truncated:
            headers["X-Cikg-Truncated"] = "true"
        return Response(body, media_type=media_type, headers=headers)

    async def void(request: Request) -> Response:
        try:
            fmt = choose(
                GRAPH_FORMATS, request.headers.get("accept"), request.query_params.get("format")
            )
        except NotAcceptable as exc:
            return PlainTextResponse(str(exc), status_code=406)
        body = await run_in_threadpool(void_description, store, str(request.base_url), fmt.name)
        return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})

    async def healthz(_: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def home(_: Request) -> Response:
        return HTMLResponse(_PAGE.format(query=html.escape(_EXAMPLE)))

    middleware = []
    if settings.cors:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=["*"],
                allow_methods=["GET", "POST"],
                allow_headers=["Accept", "Content-Type"],
                expose_headers=["X-Cikg-Truncated", "X-Cikg-Result-Limit"],
            )
        )
    return Starlette(
        routes=[
            Route("/", home),
            Route("/sparql", sparql, methods=["GET", "POST"]),
            Route("/.well-known/void", void),
            Route("/healthz", healthz),
        ],
        middleware=middleware,
    )
