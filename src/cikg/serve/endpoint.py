"""``/sparql``: reading a SPARQL 1.1 Protocol request (§2.1: GET, POST
form-encoded, POST ``application/sparql-query``; updates refused) and
answering it from the engine's cached, shared answers
(:class:`~cikg.serve.site.Site`), with the query page for browsers."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from cikg.errors import CikgError, QueryError
from cikg.serve.description import service_description
from cikg.serve.evaluate import QueryRequest, is_iri
from cikg.serve.negotiation import GRAPH_FORMATS, NotAcceptable, choose, parse_accept
from cikg.serve.page import QUERY_PAGE_POLICY, query_page
from cikg.serve.pages import ID_BASE
from cikg.serve.site import language, site_of
from cikg.serve.workers import QueryTimeout
from cikg.settings import ServeSettings

__all__ = ["QUERIES", "sparql"]

_FORM = "application/x-www-form-urlencoded"
_DIRECT = "application/sparql-query"
_UPDATE = "application/sparql-update"

_EXAMPLE = "SELECT ?report ?title WHERE { ?report a cikg:Report ; dcterms:title ?title }"
#: What the query page asks of the evaluation: a table, or RDF as text.
_PAGE_ACCEPT = "application/sparql-results+json, text/turtle"
#: The example queries of the checkout (the query page's default examples).
QUERIES = Path(__file__).resolve().parents[3] / "queries"


def _query_page(page: str, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """The query page, with the policy that lets its one script run."""
    return HTMLResponse(
        page,
        status_code=status,
        headers={**(headers or {}), "Content-Security-Policy": QUERY_PAGE_POLICY},
    )


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


async def sparql(request: Request) -> Response:
    """``/sparql``: the SPARQL 1.1 Protocol endpoint (see :mod:`cikg.serve.app`)."""
    site = site_of(request)
    settings, pages, examples = site.settings, site.pages, site.examples
    build_id = site.build_id
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
            return _query_page(query_page(pages.env, _EXAMPLE, examples, lang=language(request)))
        try:
            fmt = choose(GRAPH_FORMATS, accept, override)
        except NotAcceptable:
            return PlainTextResponse("missing 'query' parameter", status_code=400)
        body = await run_in_threadpool(service_description, site.engine, str(request.url), fmt.name)
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
        body, media_type, truncated = await site.answers.get(key, query_request)
    except QueryTimeout as exc:
        if wants_html:
            page = query_page(pages.env, text, examples, lang=language(request), error=str(exc))
            return _query_page(page, 503)
        return PlainTextResponse(str(exc), status_code=503, headers={"Retry-After": "1"})
    except QueryError as exc:
        if wants_html:
            message = f"malformed or refused query: {exc}"
            page = query_page(pages.env, text, examples, lang=language(request), error=message)
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
            lang=language(request),
            results=body,
            media_type=media_type,
            truncated=truncated,
            limit=settings.result_limit,
        )
        return _query_page(page, 200, headers)
    return Response(body, media_type=media_type, headers=headers)
