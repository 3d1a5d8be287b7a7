"""Serve the graph's IRIs under the server's own address (``--base-iri``).

The store keeps the published IRIs (``https://w3id.org/cikg/id/X``). When a
server runs where w3id.org does not redirect to it (a laptop, a mirror), it
can answer as if the IRIs were its own: every textual response has
``https://w3id.org/cikg/id/`` replaced by ``{base}id/``, so the IRIs in
pages, data twins and query results dereference to this server, and the
SPARQL handler maps the other way before it runs a query. This is the
mapping Pubby calls ``conf:datasetBase`` / ``conf:webBase``.

A literal that quotes a published IRI is rewritten too; vocabulary IRIs
(``https://w3id.org/cikg/def#``) and graph names are not, since this server
does not serve them.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["IriRewrite", "check_base_iri"]

#: Media types whose bodies carry IRIs as text.
_TEXTUAL = ("text/", "application/json", "application/ld+json", "application/n-")
_TEXTUAL_EXACT = {
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "application/rdf+xml",
    "application/trig",
}


def check_base_iri(base: str) -> str:
    """``base`` if it is an ``http(s)`` IRI ending in ``/``.

    :raises ValueError: otherwise, naming the value.

    >>> check_base_iri("http://127.0.0.1:8000/")
    'http://127.0.0.1:8000/'
    """
    if not base.startswith(("http://", "https://")) or not base.endswith("/"):
        raise ValueError(f"--base-iri must be an http(s) IRI ending in '/', not {base!r}")
    if any(ch in base for ch in '<>"{}|\\^` '):
        raise ValueError(f"--base-iri is not an IRI: {base!r}")
    return base


class IriRewrite:
    """ASGI middleware replacing ``public`` by ``local`` in textual responses.

    :param app: the application.
    :param public: the published namespace, e.g. ``https://w3id.org/cikg/id/``.
    :param local: where this server answers for it, e.g. ``http://host:8000/id/``.
    """

    def __init__(self, app: ASGIApp, public: str, local: str) -> None:
        self.app = app
        self.public = public.encode()
        self.local = local.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] == "HEAD":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def rewriting_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                media = MutableHeaders(raw=message["headers"]).get("content-type", "")
                media = media.split(";")[0].strip().lower()
                if media.startswith(_TEXTUAL) or media in _TEXTUAL_EXACT:
                    start = message  # hold it until the body is known
                    return
                await send(message)
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = b"".join(chunks).replace(self.public, self.local)
                headers = MutableHeaders(raw=start["headers"])
                if "content-length" in headers:
                    headers["content-length"] = str(len(body))
                await send(start)
                await send({"type": "http.response.body", "body": body})
            else:
                await send(message)

        await self.app(scope, receive, rewriting_send)
