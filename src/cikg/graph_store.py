"""A client of the SPARQL 1.1 Graph Store HTTP Protocol: read, replace and
delete one named graph of a remote store, over httpx2.

The protocol (W3C Recommendation, 21 March 2013) addresses a graph
indirectly, ``{endpoint}?graph={IRI}`` (§4.2), and gives each method one
meaning on it: ``GET`` returns the graph, or 404 when the store has none of
that name (§5.2); ``PUT`` replaces it with the request's content (§5.3);
``DELETE`` removes it, 404 when there is none (§5.4). Engines put the
endpoint at different paths: Oxigraph server at ``/store``, Virtuoso at
``/sparql-graph-crud-auth`` (see docs/engines.md).

Requests that fail are told apart by what is known of the graph after
them, which is what ``cikg publish`` reports:

- :class:`TargetRefused`: the store answered with an error status (or the
  connection was refused before anything was sent): the operation did not
  happen, the graph is as it was;
- :class:`TargetLost`: the request went out but no answer came back (a
  timeout, a dropped connection): the graph may or may not have changed.

Both are :class:`~cikg.errors.PublishError`.
"""

from __future__ import annotations

import base64
from collections.abc import Generator
from dataclasses import dataclass

import httpx2

from cikg.errors import PublishError

__all__ = ["Credentials", "GraphStoreClient", "TargetLost", "TargetRefused"]

#: what a graph is sent as: N-Triples, which is also Turtle (every engine
#: reads Turtle; Virtuoso 7.2 and Oxigraph read this media type too)
SEND_MEDIA_TYPE = "application/n-triples"
#: what a graph is asked for as, best first (the store chooses)
READ_MEDIA_TYPES = "application/n-triples, text/turtle;q=0.9"


class TargetRefused(PublishError):
    """The store answered with an error status, or could not be connected
    to: the graph the request was about is as it was."""


class TargetLost(PublishError):
    """The request was sent but no answer came (timeout, dropped
    connection): the graph it was about may or may not have changed."""


@dataclass(frozen=True)
class Credentials:
    """How to authenticate to the store.

    :param user: with ``password``: HTTP Digest or Basic authentication,
        whichever the store asks for in its 401 challenge (Virtuoso asks for
        Digest on ``/sparql-graph-crud-auth``).
    :param password: the user's password.
    :param token: sent as ``Authorization: Bearer {token}`` on every request
        (RFC 6750); used when no user is given.
    """

    user: str | None = None
    password: str | None = None
    token: str | None = None

    def auth(self) -> httpx2.Auth | None:
        """The httpx2 authentication these credentials give, or ``None``."""
        if self.user is not None:
            return _ChallengeAuth(self.user, self.password or "")
        if self.token:
            return _BearerAuth(self.token)
        return None


class _BearerAuth(httpx2.Auth):
    """``Authorization: Bearer`` on every request."""

    def __init__(self, token: str) -> None:
        self._header = f"Bearer {token}"

    def auth_flow(self, request: httpx2.Request) -> Generator[httpx2.Request, httpx2.Response]:
        request.headers["Authorization"] = self._header
        yield request


class _ChallengeAuth(httpx2.Auth):
    """User and password, by the scheme the store's first 401 challenge
    names: Digest (RFC 7616, httpx2's own flow, which reuses the challenge
    on later requests) or Basic (RFC 7617, then sent on every request). The
    client's first request is a ``GET`` without a body, so no graph is sent
    twice to learn the scheme."""

    requires_request_body = True

    def __init__(self, user: str, password: str) -> None:
        self._digest = httpx2.DigestAuth(user, password)
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        self._basic = f"Basic {token}"
        self._scheme: str | None = None

    def auth_flow(self, request: httpx2.Request) -> Generator[httpx2.Request, httpx2.Response]:
        if self._scheme == "basic":
            request.headers["Authorization"] = self._basic
        if self._scheme == "digest":
            yield from self._digest.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401 or self._scheme is not None:
            return
        schemes = [
            h.split(" ", 1)[0].lower() for h in response.headers.get_list("www-authenticate")
        ]
        if "digest" in schemes:
            self._scheme = "digest"
            flow = self._digest.auth_flow(request)
            next(flow)  # the unauthenticated request, already answered
            try:
                retry = flow.send(response)
                while True:
                    retry = flow.send((yield retry))
            except StopIteration:
                return
        elif "basic" in schemes:
            self._scheme = "basic"
            request.headers["Authorization"] = self._basic
            yield request


class GraphStoreClient:
    """Reads, replaces and deletes named graphs at one Graph Store endpoint.

    Use as a context manager (it holds one HTTP connection pool)::

        with GraphStoreClient("http://127.0.0.1:7878/store") as gsp:
            gsp.put(graph_iri, body)

    :param endpoint: the Graph Store endpoint's URL (it may carry a query
        string of its own; ``graph=`` is added to it).
    :param credentials: how to authenticate, if the store asks.
    :param timeout_seconds: the longest wait for connecting, sending or
        reading (a large graph takes the store a while to load).
    :param transport: an httpx2 transport (default: the network).
    """

    def __init__(
        self,
        endpoint: str,
        credentials: Credentials | None = None,
        *,
        timeout_seconds: float = 300.0,
        transport: httpx2.BaseTransport | None = None,
    ) -> None:
        self.endpoint = endpoint
        self._client = httpx2.Client(
            auth=(credentials or Credentials()).auth(),
            timeout=httpx2.Timeout(timeout_seconds, connect=min(timeout_seconds, 10.0)),
            transport=transport,
            follow_redirects=False,
        )

    def __enter__(self) -> GraphStoreClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def get(self, graph: str) -> tuple[bytes, str] | None:
        """The graph's content, or ``None`` when the store has no such graph (404).

        :param graph: the graph's IRI.
        :return: ``(body, media type)`` as the store sent them.
        :raises TargetRefused: on any other error status, or no connection.
        :raises TargetLost: when no answer came.
        """
        response = self._send("GET", graph, headers={"Accept": READ_MEDIA_TYPES})
        if response.status_code == 404:
            return None
        self._check(response, "GET", graph)
        media_type = response.headers.get("content-type", "text/turtle").split(";")[0].strip()
        return response.content, media_type

    def put(self, graph: str, body: bytes) -> None:
        """Replace the graph with ``body`` (N-Triples, UTF-8).

        :raises TargetRefused: on an error status (the graph is as it was),
            or no connection.
        :raises TargetLost: when no answer came (the graph may have changed).
        """
        headers = {"Content-Type": f"{SEND_MEDIA_TYPE}; charset=utf-8"}
        self._check(self._send("PUT", graph, headers=headers, content=body), "PUT", graph)

    def delete(self, graph: str) -> bool:
        """Delete the graph; ``False`` if the store had no such graph (404).

        :raises TargetRefused: on any other error status, or no connection.
        :raises TargetLost: when no answer came.
        """
        response = self._send("DELETE", graph)
        if response.status_code == 404:
            return False
        self._check(response, "DELETE", graph)
        return True

    def _send(self, method: str, graph: str, **kwargs: object) -> httpx2.Response:
        """One request about ``graph``; transport errors become ours."""
        try:
            return self._client.request(
                method,
                self.endpoint,
                params={"graph": graph},
                **kwargs,  # type: ignore[arg-type]
            )
        except httpx2.ConnectError as exc:
            raise TargetRefused(
                f"{method} {graph}: cannot connect to {self.endpoint}: {exc}"
            ) from exc
        except httpx2.TransportError as exc:
            raise TargetLost(
                f"{method} {graph} at {self.endpoint}: no answer ({type(exc).__name__}: {exc})"
            ) from exc

    def _check(self, response: httpx2.Response, method: str, graph: str) -> None:
        """Raise :class:`TargetRefused` unless ``response`` is a success."""
        if response.is_success:
            return
        detail = " ".join(response.text.split())[:300]
        hint = ""
        if response.status_code in (401, 403):
            hint = (
                " (give the store's user with --user and --password, or a token in "
                "CIKG_PUBLISH_TOKEN; see docs/engines.md)"
            )
        raise TargetRefused(
            f"{method} {graph} at {self.endpoint}: {response.status_code} "
            f"{response.reason_phrase}{hint}: {detail}"
        )
