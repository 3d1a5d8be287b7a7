"""The HTTP application: a SPARQL 1.1 Protocol endpoint and linked-data
pages over an engine (:mod:`cikg.serve.engine`): the embedded store, or a
remote SPARQL endpoint (``cikg serve --engine URL``,
:mod:`cikg.serve.remote`), behind the same routes.

The routes are plain endpoint functions (:mod:`cikg.serve.endpoint` for
``/sparql``, :mod:`cikg.serve.routes` for the rest) over one shared object,
``app.state.site`` (:class:`cikg.serve.site.Site`: the engine, the limits,
the pages and the result cache).

- ``/sparql``: GET ``?query=``, POST ``application/x-www-form-urlencoded``
  and POST ``application/sparql-query`` (Protocol 2.1.1–2.1.3), with
  ``default-graph-uri`` and ``named-graph-uri``; the default graph is
  otherwise the union of all graphs. Relative IRIs in a query resolve
  against the endpoint's own URL (unless the query has a ``BASE``).
  SELECT answers as SPARQL JSON, XML, CSV or TSV; ASK as JSON or XML (CSV
  and TSV are defined for SELECT results only); CONSTRUCT/DESCRIBE as
  Turtle, N-Triples, JSON-LD, RDF/XML, TriG or N-Quads, chosen by
  ``Accept`` (with q-values) or ``?format=``; ``Vary: Accept``; 406 when
  nothing fits. Without a query: a SPARQL service description for RDF
  clients, the query page for browsers.
- Safe by default: the store is opened read-only and no update is ever
  evaluated (``update=`` and ``application/sparql-update`` get 400);
  ``SERVICE`` and deep nesting are refused before evaluation
  (:mod:`cikg.serve.guard`; pyoxigraph would fetch the URL, or overflow its
  stack); queries, bodies and results are capped, and a cut result says so
  in ``X-Cikg-Truncated``; invalid UTF-8 (as sent or percent-encoded) gets
  400; CORS is on; security headers on every response
  (:mod:`cikg.serve.headers`). On the embedded store queries run in worker
  processes (:mod:`cikg.serve.workers`) that are killed at the time limit
  (503 with a clear message) while the others keep serving; a remote engine
  stops them itself where it can, else the client does
  (:mod:`cikg.serve.remote`).
- The store is read-only while served, so results are cached by request
  (query, formats, dataset) in a bounded cache, and carry an ``ETag`` made
  from the build id; ``If-None-Match`` gets 304.
- ``/download/X.csv`` and ``/download/X.json`` (or ``?format=``, or
  ``Accept``): every observation of the indicator ``X`` for analysts
  (:mod:`cikg.serve.downloads`), linked from its page.
- ``/``, ``/id/X``, ``/search``, ``/statistics`` and ``/list/KIND``: the
  pages for people (:mod:`cikg.serve.pages`, :mod:`cikg.serve.front`).
- ``/.well-known/void``: VoID description of the dataset: triples, classes
  and properties partitions, one subset per named graph.
- ``/rdf-graphs?graph=IRI`` (or ``?default``): Graph Store Protocol, read only.
- ``/healthz`` for operators.
"""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Route

from cikg.serve import routes
from cikg.serve.endpoint import QUERIES, sparql
from cikg.serve.engine import Engine
from cikg.serve.headers import SecurityHeaders
from cikg.serve.page import Example, load_examples
from cikg.serve.pages import ID_BASE
from cikg.serve.rewrite import IriRewrite
from cikg.serve.site import Site
from cikg.serve.workers import QueryWorkers
from cikg.settings import ServeSettings

__all__ = ["create_app"]

#: The application's routes: each a plain endpoint over ``app.state.site``.
ROUTES = [
    Route("/", routes.home),
    Route("/id/{path:path}", routes.resource, methods=["GET", "HEAD"]),
    Route("/download/{path:path}", routes.download, methods=["GET", "HEAD"]),
    Route("/search", routes.search),
    Route("/statistics", routes.statistics),
    Route("/list/{kind}", routes.listing),
    Route("/sparql", sparql, methods=["GET", "POST"]),
    Route("/.well-known/void", routes.void),
    Route("/rdf-graphs", routes.graph_store, methods=["GET", "HEAD"]),
    Route("/healthz", routes.healthz),
]


def _middleware(settings: ServeSettings) -> list[Middleware]:
    """Security headers always; the IRI rewrite with a base IRI; CORS when on."""
    middleware = [Middleware(SecurityHeaders)]
    if settings.base_iri:
        middleware.append(Middleware(IriRewrite, public=ID_BASE, local=f"{settings.base_iri}id/"))
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
    return middleware


def create_app(
    engine: Engine,
    settings: ServeSettings | None = None,
    workers: QueryWorkers | None = None,
    examples: tuple[Example, ...] | None = None,
) -> Starlette:
    """The application over an engine.

    :param engine: what to answer from: an open (read-only) pyoxigraph
        ``Store``, never written to, or a
        :class:`~cikg.serve.remote.RemoteEngine`.
    :param settings: limits; default :class:`ServeSettings` values.
    :param workers: worker processes that evaluate queries on the embedded
        store within the time limit; without them queries run in the
        server's threads: with the embedded store that means no time limit
        and no crash boundary (pyoxigraph can overflow an 8 MiB thread stack
        on a long flat query), for tests and embedding only (a public server
        needs workers); with a remote engine it is the way (the engine and
        the client keep the time limit).
    :param examples: the example queries of the query page; default the
        ``queries/`` folder of the checkout.
    :return: a Starlette app, its :class:`~cikg.serve.site.Site` in
        ``app.state.site``; run it with uvicorn.
    """
    if examples is None:
        examples = load_examples(QUERIES) if Path(QUERIES).is_dir() else ()
    settings = settings or ServeSettings()
    app = Starlette(routes=ROUTES, middleware=_middleware(settings))
    app.state.site = Site(engine, settings, examples, workers)
    return app
