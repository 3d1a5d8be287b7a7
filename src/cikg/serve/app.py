"""The HTTP application: a SPARQL 1.1 Protocol endpoint over the store.

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
  (:mod:`cikg.serve.headers`). Queries run in worker processes
  (:mod:`cikg.serve.workers`) that are killed at the time limit (503 with a
  clear message) while the others keep serving.
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

import hashlib
import html
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode

from pyoxigraph import NamedNode, Store, Triple, serialize
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from cikg.errors import CikgError, QueryError
from cikg.serve.cache import ResultCache, SharedAnswers
from cikg.serve.description import service_description, void_description
from cikg.serve.evaluate import QueryRequest, evaluate_request, is_iri
from cikg.serve.front import LISTS
from cikg.serve.headers import SecurityHeaders
from cikg.serve.negotiation import (
    GRAPH_FORMATS,
    Format,
    NotAcceptable,
    choose,
    parse_accept,
)
from cikg.serve.page import QUERY_PAGE_POLICY, Example, load_examples, query_page
from cikg.serve.pages import ID_BASE, Pages, choose_language
from cikg.serve.results import (
    RDF_FORMATS,
)
from cikg.serve.rewrite import IriRewrite
from cikg.serve.workers import QueryTimeout, QueryWorkers
from cikg.settings import ServeSettings
from cikg.vocab import CIKG

__all__ = ["create_app"]

_FORM = "application/x-www-form-urlencoded"
_DIRECT = "application/sparql-query"
_UPDATE = "application/sparql-update"

_EXAMPLE = "SELECT ?report ?title WHERE { ?report a cikg:Report ; dcterms:title ?title }"
#: What the query page asks of the evaluation: a table, or RDF as text.
_PAGE_ACCEPT = "application/sparql-results+json, text/turtle"
_QUERIES = Path(__file__).resolve().parents[3] / "queries"


_HTML = Format("html", "text/html")
#: What ``/id/...`` answers in: the page first (browsers and ``*/*``), then data.
_RESOURCE_FORMATS = (
    _HTML,
    *(f for f in GRAPH_FORMATS if f.name in {"turtle", "ntriples", "jsonld", "rdfxml"}),
)
#: The data twins of a page: ``/id/X.ttl`` and so on, by file extension.
_TWINS = {
    ext: next(f for f in GRAPH_FORMATS if f.name == name)
    for ext, name in ((".ttl", "turtle"), (".jsonld", "jsonld"), (".nt", "ntriples"))
}


#: What ``/download/X`` answers in: by extension (``.csv``, ``.json``),
#: ``?format=`` or ``Accept``; CSV for browsers and ``*/*``.
_DOWNLOADS = (Format("csv", "text/csv"), Format("json", "application/json"))
_DOWNLOAD_MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}

#: The longest search accepted (labels are shorter; a longer one only costs time).
_MAX_SEARCH_CHARS = 200
#: What stays as it is when a path is written into a header (RFC 3986
#: reserved and unreserved characters, and existing escapes).
_URI_SAFE = "/:@!$&'()*+,;=-._~%"


def _not_found_page(iri: str, path: str) -> str:
    """A small HTML 404 that links to a search for the IRI's last segment."""
    term = quote(path.rsplit("/", 1)[-1])
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title>'
        f"</head><body><h1>404</h1><p>No resource <code>{html.escape(iri)}</code>. "
        f'<a href="/search?q={term}">Search for it</a>.</p></body></html>'
    )


def _query_page(page: str, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """The query page, with the policy that lets its one script run."""
    return HTMLResponse(
        page,
        status_code=status,
        headers={**(headers or {}), "Content-Security-Policy": QUERY_PAGE_POLICY},
    )


def _page_number(request: Request) -> int:
    """``?page=`` as a number from 1 (1 when absent or not a short number)."""
    page_param = request.query_params.get("page", "1")
    digits = page_param.isascii() and page_param.isdigit() and len(page_param) <= 9
    return max(int(page_param), 1) if digits else 1


def _page_headers(etag: str, vary: str) -> dict[str, str]:
    """The caching headers of pages and resource data."""
    return {"ETag": etag, "Cache-Control": "public, max-age=300", "Vary": vary}


def _build_id(store: Store) -> str:
    """What identifies the store's content: the hashes of the files it was
    built from and the cikg version (a new build gives new ETags)."""
    from cikg import __version__

    hashes = sorted(q.object.value for q in store.quads_for_pattern(None, CIKG.sha256, None, None))
    return hashlib.sha1("|".join([__version__, *hashes]).encode()).hexdigest()[:12]


def _endpoint_iri(request: Request) -> str | None:
    """The endpoint's own URL, as the request addressed it, without its
    query string: the base IRI of relative IRIs in the query (RFC 3986
    §5.1.3, the base of a document is the URI it was retrieved from; the W3C
    SPARQL 1.1 protocol test ``query_content_type_construct`` sends
    ``CONSTRUCT { <s> <p> 1 } WHERE {}``).

    :param request: the request to ``/sparql``.
    :return: e.g. ``http://127.0.0.1:8000/sparql``; ``None`` if the
        ``Host`` header makes it no IRI (relative IRIs are then an error).
    """
    url = str(request.url.replace(query="", fragment=""))
    return url if is_iri(url) else None


def _cache_key(request: QueryRequest) -> str:
    return hashlib.sha1(repr(request).encode("utf-8")).hexdigest()


def _dump_graph(store: Store, graph: str | None, fmt: str) -> bytes:
    """One graph (or the union of all, for ``?default``) in ``fmt``."""
    triples = (
        store.quads_for_pattern(None, None, None, NamedNode(graph))
        if graph is not None
        else store.quads_for_pattern(None, None, None, None)
    )
    return (
        serialize(
            {Triple(q.subject, q.predicate, q.object) for q in triples}, format=RDF_FORMATS[fmt]
        )
        or b""
    )


class _BadRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _form_pairs(encoded: bytes, where: str) -> list[tuple[str, str]]:
    """``key=value`` pairs of a query string or form body, which must be
    UTF-8 both as sent and once percent-decoded (``%FF`` is refused rather
    than read as U+FFFD).

    :raises _BadRequest: 400 if it is not.
    """
    try:
        return parse_qsl(
            encoded.decode("utf-8"), keep_blank_values=True, encoding="utf-8", errors="strict"
        )
    except UnicodeDecodeError as exc:
        raise _BadRequest(
            400, f"the {where} is not valid UTF-8; send (and percent-encode) queries as UTF-8"
        ) from exc


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it passes ``limit`` bytes,
    before it is all read.

    :raises _BadRequest: 413 if the body is larger.
    """
    too_large = _BadRequest(413, f"the request body is over {limit} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


async def _read_request(request: Request, settings: ServeSettings) -> dict[str, list[str]]:
    """The protocol parameters of a request, from the URL and, for POST, the body."""
    params: dict[str, list[str]] = {}
    for key, value in _form_pairs(request.scope.get("query_string", b""), "query string"):
        params.setdefault(key, []).append(value)
    if request.method == "POST":
        body = await _read_body(request, settings.max_body_bytes)
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == _FORM:
            for key, value in _form_pairs(body, "request body"):
                params.setdefault(key, []).append(value)
        elif ctype == _DIRECT:
            try:
                params["query"] = [body.decode("utf-8")]
            except UnicodeDecodeError as exc:
                raise _BadRequest(
                    400, "the request body is not valid UTF-8; send queries as UTF-8"
                ) from exc
        elif ctype == _UPDATE:
            raise _BadRequest(400, "SPARQL Update is not allowed on this endpoint")
        else:
            raise _BadRequest(415, f"POST a query as {_FORM} or {_DIRECT}")
    if "update" in params:
        raise _BadRequest(400, "SPARQL Update is not allowed on this endpoint")
    return params


def _local_iri(path: str) -> str | None:
    """The IRI ``/id/{path}`` (and ``/download/{path}``) stand for, or ``None``
    when ``path`` is empty, climbs with ``..`` or makes no IRI."""
    iri = ID_BASE + path
    if not path or ".." in path.split("/") or not is_iri(iri):
        return None
    return iri


def create_app(
    store: Store,
    settings: ServeSettings | None = None,
    workers: QueryWorkers | None = None,
    examples: tuple[Example, ...] | None = None,
) -> Starlette:
    """The application over an open (read-only) store.

    :param store: the store to query; never written to.
    :param settings: limits; default :class:`ServeSettings` values.
    :param workers: worker processes that evaluate queries within the time
        limit; without them queries run in the server's threads with no
        time limit and no crash boundary (pyoxigraph can overflow an 8 MiB
        thread stack on a long flat query), for tests and embedding only:
        a public server needs workers.
    :param examples: the example queries of the query page; default the
        ``queries/`` folder of the checkout.
    :return: a Starlette app; run it with uvicorn.
    """
    if examples is None:
        examples = load_examples(_QUERIES) if _QUERIES.is_dir() else ()
    settings = settings or ServeSettings()
    build_id = _build_id(store)
    pages = Pages(store, build_id)

    async def evaluate(query_request: QueryRequest) -> tuple[bytes, str, bool]:
        if workers is not None:
            return await workers.run_async(query_request)
        return await run_in_threadpool(evaluate_request, store, query_request, settings)

    answers = SharedAnswers(ResultCache(settings.cache_bytes), evaluate)

    async def sparql(request: Request) -> Response:
        try:
            params = await _read_request(request, settings)
        except _BadRequest as exc:
            return PlainTextResponse(str(exc), status_code=exc.status)
        queries = params.get("query", [])
        overrides = params.get("format") or params.get("output") or []
        override = tuple(overrides) if overrides else None
        accept = request.headers.get("accept")
        if len(queries) > 1:
            return PlainTextResponse("give one 'query' parameter, not several", status_code=400)
        ranges = parse_accept(accept) if accept and not override else []
        wants_html = bool(ranges) and ranges[0][0] == "text/html"
        if not queries or not queries[0].strip():
            if wants_html:
                return _query_page(query_page(pages.env, _EXAMPLE, examples, lang=_lang(request)))
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
        if settings.base_iri:  # local IRIs in the query mean the published ones
            text = text.replace(f"{settings.base_iri}id/", ID_BASE)
        query_request = QueryRequest(
            text,
            tuple(params.get("default-graph-uri", [])),
            tuple(params.get("named-graph-uri", [])),
            _PAGE_ACCEPT if wants_html else accept,
            override,
            _endpoint_iri(request),
        )
        key = _cache_key(query_request)
        etag = f'"{build_id}-{key[:16]}"'
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers={"ETag": etag, "Vary": "Accept"})
        try:
            # evaluate_request screens the query (guard.py) before evaluating it
            body, media_type, truncated = await answers.get(key, query_request)
        except QueryTimeout as exc:
            if wants_html:
                page = query_page(pages.env, text, examples, lang=_lang(request), error=str(exc))
                return _query_page(page, 503)
            return PlainTextResponse(str(exc), status_code=503, headers={"Retry-After": "1"})
        except QueryError as exc:
            if wants_html:
                message = f"malformed or refused query: {exc}"
                page = query_page(pages.env, text, examples, lang=_lang(request), error=message)
                return _query_page(page, 400)
            return PlainTextResponse(f"malformed or refused query: {exc}", status_code=400)
        except NotAcceptable as exc:
            return PlainTextResponse(str(exc), status_code=406, headers={"Vary": "Accept"})
        except _BadRequest as exc:
            return PlainTextResponse(str(exc), status_code=exc.status)
        except CikgError as exc:
            return PlainTextResponse(str(exc), status_code=500)
        headers = {
            "Vary": "Accept",
            "X-Cikg-Result-Limit": str(settings.result_limit),
            "ETag": etag,
            "Cache-Control": "public, max-age=300",
        }
        if truncated:
            headers["X-Cikg-Truncated"] = "true"
        if wants_html:
            page = query_page(
                pages.env,
                text,
                examples,
                lang=_lang(request),
                results=body,
                media_type=media_type,
                truncated=truncated,
                limit=settings.result_limit,
            )
            return _query_page(page, 200, headers)
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

    async def graph_store(request: Request) -> Response:
        """Graph Store Protocol, read only: ``?graph=IRI`` or ``?default``."""
        graph = request.query_params.get("graph")
        if graph is None and "default" not in request.query_params:
            return PlainTextResponse("give ?graph=IRI or ?default", status_code=400)
        try:
            fmt = choose(
                GRAPH_FORMATS, request.headers.get("accept"), request.query_params.get("format")
            )
        except NotAcceptable as exc:
            return PlainTextResponse(str(exc), status_code=406)
        if graph is not None and not is_iri(graph):
            return PlainTextResponse("?graph= must be an absolute IRI", status_code=400)
        if graph is not None and not store.contains_named_graph(NamedNode(graph)):
            return PlainTextResponse(f"no graph {graph}", status_code=404)
        body = await run_in_threadpool(_dump_graph, store, graph, fmt.name)
        return Response(
            body, media_type=fmt.media_type, headers={"Vary": "Accept", "ETag": f'"{build_id}"'}
        )

    async def healthz(_: Request) -> Response:
        return JSONResponse({"status": "ok"})

    def _lang(request: Request) -> str:
        return choose_language(
            request.headers.get("accept-language"), request.query_params.get("lang")
        )

    async def home(request: Request) -> Response:
        lang = _lang(request)
        body = await run_in_threadpool(pages.home, lang)
        return HTMLResponse(body, headers=_page_headers(f'"{build_id}-{lang}"', "Accept-Language"))

    async def statistics(request: Request) -> Response:
        lang = _lang(request)
        body = await run_in_threadpool(pages.statistics, lang)
        return HTMLResponse(
            body, headers=_page_headers(f'"{build_id}-statistics-{lang}"', "Accept-Language")
        )

    async def listing(request: Request) -> Response:
        kind, lang, page = request.path_params["kind"], _lang(request), _page_number(request)
        body = await run_in_threadpool(pages.listing, kind, lang, page)
        if body is None:
            return PlainTextResponse(
                f"no list of {kind}; the lists are " + ", ".join(f"/list/{k}" for k in LISTS),
                status_code=404,
            )
        return HTMLResponse(body)

    async def resource(request: Request) -> Response:
        path = request.path_params["path"]
        twin = next((ext for ext in _TWINS if path.endswith(ext)), None)
        if twin:
            path = path[: -len(twin)]
        iri = _local_iri(path)
        if iri is None:
            return PlainTextResponse("not an IRI of this graph", status_code=400)
        lang = _lang(request)
        try:
            fmt = choose(
                _RESOURCE_FORMATS,
                request.headers.get("accept"),
                _TWINS[twin].name if twin else None,
            )
        except NotAcceptable as exc:
            return PlainTextResponse(str(exc), status_code=406, headers={"Vary": "Accept"})
        etag = f'"{build_id}-{fmt.name}-{lang}"'
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers={"ETag": etag})
        if not await run_in_threadpool(pages.exists, iri):
            return HTMLResponse(_not_found_page(iri, path), status_code=404)
        local = quote("/id/" + path, safe=_URI_SAFE)  # header values are ASCII
        links = ", ".join(
            f'<{local}{ext}>; rel="alternate"; type="{f.media_type}"' for ext, f in _TWINS.items()
        )
        headers = {"Link": links, **_page_headers(etag, "Accept, Accept-Language")}
        if fmt is _HTML:
            body = await run_in_threadpool(pages.resource, iri, lang, _page_number(request))
            return HTMLResponse(body, headers=headers)
        data = await run_in_threadpool(pages.data, iri, fmt.name)
        return Response(data, media_type=fmt.media_type, headers=headers)

    async def download(request: Request) -> Response:
        """Every observation of an indicator as CSV or JSON (``/download/X``
        for ``https://w3id.org/cikg/id/X``), with the same path checks as
        ``/id/``."""
        path = request.path_params["path"]
        ext = next((f.name for f in _DOWNLOADS if path.endswith("." + f.name)), None)
        if ext:
            path = path[: -len(ext) - 1]
        iri = _local_iri(path)
        if iri is None:
            return PlainTextResponse("not an IRI of this graph", status_code=400)
        lang = _lang(request)
        try:
            fmt = choose(
                _DOWNLOADS, request.headers.get("accept"), ext or request.query_params.get("format")
            )
        except NotAcceptable as exc:
            return PlainTextResponse(str(exc), status_code=406, headers={"Vary": "Accept"})
        etag = f'"{build_id}-download-{fmt.name}-{lang}"'
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers={"ETag": etag})
        if not await run_in_threadpool(pages.is_indicator, iri):
            return PlainTextResponse(
                f"no indicator {iri}; downloads are of indicators (/download/indicator/…)",
                status_code=404,
            )
        body = await run_in_threadpool(pages.download, iri, lang, fmt.name)
        filename = f"{path.rsplit('/', 1)[-1]}.{fmt.name}"
        headers = {
            **_page_headers(etag, "Accept, Accept-Language"),
            "Content-Disposition": "attachment; filename=\"{}\"; filename*=UTF-8''{}".format(
                quote(filename, safe="") if filename.isascii() else f"download.{fmt.name}",
                quote(filename, safe=""),
            ),
        }
        return Response(body, media_type=_DOWNLOAD_MEDIA[fmt.name], headers=headers)

    async def search(request: Request) -> Response:
        q = request.query_params.get("q", "")
        if len(q) > _MAX_SEARCH_CHARS:  # segmenting and matching cost grows with it
            return PlainTextResponse(
                f"search terms are limited to {_MAX_SEARCH_CHARS} characters", status_code=400
            )
        lang = _lang(request)
        accept = request.headers.get("accept") or ""
        page = _page_number(request)
        if request.query_params.get("format") == "json" or accept.startswith("application/json"):
            found = await run_in_threadpool(pages.search, q, lang, page)
            span = found.span
            following = None
            if span.page < span.pages and span.total:
                following = "/search?" + urlencode(
                    {"q": q, "page": span.page + 1, "format": "json", "lang": lang}
                )
            return JSONResponse(
                {
                    "query": q,
                    "total": span.total,
                    "page": span.page,
                    "pages": span.pages,
                    "first": span.first,
                    "last": span.last,
                    "next": following,
                    "results": found.results,
                }
            )
        body = await run_in_threadpool(pages.search_page, q, lang, page)
        return HTMLResponse(body)

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
    return Starlette(
        routes=[
            Route("/", home),
            Route("/id/{path:path}", resource, methods=["GET", "HEAD"]),
            Route("/download/{path:path}", download, methods=["GET", "HEAD"]),
            Route("/search", search),
            Route("/statistics", statistics),
            Route("/list/{kind}", listing),
            Route("/sparql", sparql, methods=["GET", "POST"]),
            Route("/.well-known/void", void),
            Route("/rdf-graphs", graph_store, methods=["GET", "HEAD"]),
            Route("/healthz", healthz),
        ],
        middleware=middleware,
    )
