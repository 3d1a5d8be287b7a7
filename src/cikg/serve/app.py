"""The HTTP application: a SPARQL 1.1 Protocol endpoint over the store.

Minimal by design for now (DESIGN.md, Serving): ``/sparql`` answers GET
``?query=``, POST ``application/x-www-form-urlencoded`` and POST
``application/sparql-query``; SELECT and ASK as SPARQL JSON results,
CONSTRUCT and DESCRIBE as Turtle; the default graph is the union of all
graphs. The store is opened read-only: there is no way to write over HTTP.
"""

from __future__ import annotations

import html

from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, Store
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from cikg.errors import CikgError, QueryError
from cikg.serve.guard import check_query
from cikg.store import query

__all__ = ["create_app"]

_FORM = "application/x-www-form-urlencoded"
_DIRECT = "application/sparql-query"
_JSON = "application/sparql-results+json"
_TURTLE = "text/turtle"

_PAGE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>cikg SPARQL</title></head>
<body><h1>cikg — SPARQL 1.1</h1>
<p>China internet knowledge graph · 中国互联网知识图谱</p>
<form method="post" action="/sparql">
<textarea name="query" rows="12" cols="90">{query}</textarea><br>
<button type="submit">Run</button></form></body></html>
"""
_EXAMPLE = "SELECT ?report ?title WHERE { ?report a cikg:Report ; dcterms:title ?title }"


def _evaluate(store: Store, sparql: str) -> tuple[bytes, str]:
    """Evaluate and serialise in the worker thread: pyoxigraph results must
    not leave the thread that made them."""
    result = query(store, sparql)
    if isinstance(result, QuerySolutions | QueryBoolean):
        return result.serialize(format=QueryResultsFormat.JSON), _JSON
    return result.serialize(format=RdfFormat.TURTLE), _TURTLE


def create_app(store: Store) -> Starlette:
    """The application over an open (read-only) store.

    :param store: the store to query; never written to.
    :return: a Starlette app; run it with uvicorn.
    """

    async def sparql(request: Request) -> Response:
        if request.method == "GET":
            text = request.query_params.get("query")
        else:
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype == _FORM:
                text = (await request.form()).get("query")  # type: ignore[assignment]
            elif ctype == _DIRECT:
                try:
                    text = (await request.body()).decode("utf-8")
                except UnicodeDecodeError:
                    return PlainTextResponse("the query is not valid UTF-8", status_code=400)
            else:
                return PlainTextResponse(f"POST a query as {_FORM} or {_DIRECT}", status_code=415)
        if not text:
            if "text/html" in request.headers.get("accept", ""):
                return HTMLResponse(_PAGE.format(query=html.escape(_EXAMPLE)))
            return PlainTextResponse("missing 'query' parameter", status_code=400)
        try:
            check_query(str(text))
            body, media_type = await run_in_threadpool(_evaluate, store, str(text))
            return Response(body, media_type=media_type)
        except QueryError as exc:
            return PlainTextResponse(f"malformed or refused query: {exc}", status_code=400)
        except CikgError as exc:
            return PlainTextResponse(str(exc), status_code=500)

    async def healthz(_: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def home(_: Request) -> Response:
        return HTMLResponse(_PAGE.format(query=html.escape(_EXAMPLE)))

    return Starlette(
        routes=[
            Route("/", home),
            Route("/sparql", sparql, methods=["GET", "POST"]),
            Route("/healthz", healthz),
        ]
    )
