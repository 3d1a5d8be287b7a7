"""Security headers on every response.

- ``X-Content-Type-Options: nosniff`` everywhere, so a browser never reads a
  text or data response (which may quote a query) as HTML or script.
- HTML pages get a ``Content-Security-Policy`` that allows no script at all
  (:data:`PAGE_POLICY`; the pages need none) unless the response brings its
  own, as the query page does for its one hashed script; plus
  ``Referrer-Policy: same-origin`` and ``frame-ancestors 'none'`` against
  framing.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["PAGE_POLICY", "SecurityHeaders", "page_policy"]


def page_policy(script_src: str = "'none'") -> str:
    """The ``Content-Security-Policy`` of an HTML page: inline styles and
    ``data:`` images (the icon) only, forms to this server, no framing, and
    scripts only from ``script_src``.

    >>> page_policy().startswith("default-src 'none'; script-src 'none'")
    True
    """
    return (
        f"default-src 'none'; script-src {script_src}; style-src 'unsafe-inline'; "
        "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


#: The policy of pages without script.
PAGE_POLICY = page_policy()


class SecurityHeaders:
    """ASGI middleware adding the headers above to each HTTP response.

    :param app: the application.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def adding_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                if headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", PAGE_POLICY)
                    headers.setdefault("Referrer-Policy", "same-origin")
            await send(message)

        await self.app(scope, receive, adding_send)
