"""The routes other than ``/sparql``: the pages for people (``/``, ``/id/X``,
``/search``, ``/statistics``, ``/list/KIND``), downloads, the VoID
description, the read-only Graph Store and ``/healthz``; each a plain
endpoint function over ``request.app.state.site`` (:class:`~cikg.serve.site.Site`)."""

from __future__ import annotations

import html
from urllib.parse import quote, urlencode

from pyoxigraph import NamedNode, Triple, serialize
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from cikg.serve.description import void_description
from cikg.serve.engine import Engine
from cikg.serve.evaluate import is_iri
from cikg.serve.front import LISTS
from cikg.serve.negotiation import GRAPH_FORMATS, Format, NotAcceptable, choose
from cikg.serve.pages import ID_BASE
from cikg.serve.results import RDF_FORMATS
from cikg.serve.site import language, site_of

__all__ = [
    "download",
    "graph_store",
    "healthz",
    "home",
    "listing",
    "resource",
    "search",
    "statistics",
    "void",
]

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


def _page_number(request: Request) -> int:
    """``?page=`` as a number from 1 (1 when absent or not a short number)."""
    page_param = request.query_params.get("page", "1")
    digits = page_param.isascii() and page_param.isdigit() and len(page_param) <= 9
    return max(int(page_param), 1) if digits else 1


def _page_headers(etag: str, vary: str) -> dict[str, str]:
    """The caching headers of pages and resource data."""
    return {"ETag": etag, "Cache-Control": "public, max-age=300", "Vary": vary}


def _dump_graph(store: Engine, graph: str | None, fmt: str) -> bytes:
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


def _negotiate(
    request: Request, formats: tuple[Format, ...], explicit: str | None, tag: str
) -> tuple[Format, str] | Response:
    """The format ``Accept`` (or ``explicit``: a suffix, ``?format=``) chooses
    among ``formats`` and the ETag of the response in it (build, ``tag``,
    format, language); or the response to send instead: 406 when none is
    acceptable, 304 when the client holds that ETag."""
    try:
        fmt = choose(formats, request.headers.get("accept"), explicit)
    except NotAcceptable as exc:
        return PlainTextResponse(str(exc), status_code=406, headers={"Vary": "Accept"})
    etag = f'"{site_of(request).build_id}-{tag}{fmt.name}-{language(request)}"'
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers={"ETag": etag})
    return fmt, etag


def _local_iri(path: str) -> str | None:
    """The IRI ``/id/{path}`` (and ``/download/{path}``) stand for, or ``None``
    when ``path`` is empty, climbs with ``..`` or makes no IRI."""
    iri = ID_BASE + path
    if not path or ".." in path.split("/") or not is_iri(iri):
        return None
    return iri


async def void(request: Request) -> Response:
    """``/.well-known/void``: the VoID description of the dataset."""
    try:
        fmt = choose(
            GRAPH_FORMATS, request.headers.get("accept"), request.query_params.get("format")
        )
    except NotAcceptable as exc:
        return PlainTextResponse(str(exc), status_code=406)
    engine = site_of(request).engine
    body = await run_in_threadpool(void_description, engine, str(request.base_url), fmt.name)
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
    site = site_of(request)
    if graph is not None and not site.engine.contains_named_graph(NamedNode(graph)):
        return PlainTextResponse(f"no graph {graph}", status_code=404)
    body = await run_in_threadpool(_dump_graph, site.engine, graph, fmt.name)
    return Response(
        body, media_type=fmt.media_type, headers={"Vary": "Accept", "ETag": f'"{site.build_id}"'}
    )


async def healthz(_: Request) -> Response:
    """``/healthz``: ``{"status": "ok"}`` for operators."""
    return JSONResponse({"status": "ok"})


async def home(request: Request) -> Response:
    """``/``: the home page in the reader's language."""
    site = site_of(request)
    lang = language(request)
    body = await run_in_threadpool(site.pages.home, lang)
    return HTMLResponse(body, headers=_page_headers(f'"{site.build_id}-{lang}"', "Accept-Language"))


async def statistics(request: Request) -> Response:
    """``/statistics``: resources per class and the graph's size."""
    site = site_of(request)
    lang = language(request)
    body = await run_in_threadpool(site.pages.statistics, lang)
    return HTMLResponse(
        body, headers=_page_headers(f'"{site.build_id}-statistics-{lang}"', "Accept-Language")
    )


async def listing(request: Request) -> Response:
    """``/list/KIND``: a page of a list (404 naming the lists for another kind)."""
    site = site_of(request)
    kind, lang, page = request.path_params["kind"], language(request), _page_number(request)
    body = await run_in_threadpool(site.pages.listing, kind, lang, page)
    if body is None:
        return PlainTextResponse(
            f"no list of {kind}; the lists are " + ", ".join(f"/list/{k}" for k in LISTS),
            status_code=404,
        )
    return HTMLResponse(body)


async def resource(request: Request) -> Response:
    """``/id/X`` (and its data twins ``.ttl``, ``.jsonld``, ``.nt``): the page or
    the data of ``https://w3id.org/cikg/id/X``, by ``Accept``; 404 for an IRI the
    graph says nothing about."""
    site = site_of(request)
    path = request.path_params["path"]
    twin = next((ext for ext in _TWINS if path.endswith(ext)), None)
    if twin:
        path = path[: -len(twin)]
    iri = _local_iri(path)
    if iri is None:
        return PlainTextResponse("not an IRI of this graph", status_code=400)
    lang = language(request)
    chosen = _negotiate(request, _RESOURCE_FORMATS, _TWINS[twin].name if twin else None, "")
    if isinstance(chosen, Response):
        return chosen
    fmt, etag = chosen
    if not await run_in_threadpool(site.pages.exists, iri):
        return HTMLResponse(_not_found_page(iri, path), status_code=404)
    local = quote("/id/" + path, safe=_URI_SAFE)  # header values are ASCII
    links = ", ".join(
        f'<{local}{ext}>; rel="alternate"; type="{f.media_type}"' for ext, f in _TWINS.items()
    )
    headers = {"Link": links, **_page_headers(etag, "Accept, Accept-Language")}
    if fmt is _HTML:
        body = await run_in_threadpool(site.pages.resource, iri, lang, _page_number(request))
        return HTMLResponse(body, headers=headers)
    data = await run_in_threadpool(site.pages.data, iri, fmt.name)
    return Response(data, media_type=fmt.media_type, headers=headers)


async def download(request: Request) -> Response:
    """Every observation of an indicator as CSV or JSON (``/download/X``
    for ``https://w3id.org/cikg/id/X``), with the same path checks as
    ``/id/``."""
    site = site_of(request)
    path = request.path_params["path"]
    ext = next((f.name for f in _DOWNLOADS if path.endswith("." + f.name)), None)
    if ext:
        path = path[: -len(ext) - 1]
    iri = _local_iri(path)
    if iri is None:
        return PlainTextResponse("not an IRI of this graph", status_code=400)
    lang = language(request)
    chosen = _negotiate(request, _DOWNLOADS, ext or request.query_params.get("format"), "download-")
    if isinstance(chosen, Response):
        return chosen
    fmt, etag = chosen
    if not await run_in_threadpool(site.pages.is_indicator, iri):
        return PlainTextResponse(
            f"no indicator {iri}; downloads are of indicators (/download/indicator/…)",
            status_code=404,
        )
    body = await run_in_threadpool(site.pages.download, iri, lang, fmt.name)
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
    """``/search?q=``: labels that match, as a page or (``?format=json`` or
    ``Accept: application/json``) as JSON, a page of results at a time."""
    site = site_of(request)
    q = request.query_params.get("q", "")
    if len(q) > _MAX_SEARCH_CHARS:  # segmenting and matching cost grows with it
        return PlainTextResponse(
            f"search terms are limited to {_MAX_SEARCH_CHARS} characters", status_code=400
        )
    lang = language(request)
    accept = request.headers.get("accept") or ""
    page = _page_number(request)
    if request.query_params.get("format") == "json" or accept.startswith("application/json"):
        found = await run_in_threadpool(site.pages.search, q, lang, page)
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
    body = await run_in_threadpool(site.pages.search_page, q, lang, page)
    return HTMLResponse(body)
