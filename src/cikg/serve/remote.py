"""A remote SPARQL 1.1 query endpoint as the server's engine (``cikg serve
--engine URL``; :class:`RemoteEngine`).

Queries go to the endpoint by the SPARQL 1.1 Protocol (POST, form-encoded,
§2.1.2), and its answers are read back into pyoxigraph objects as they
stream in (SPARQL JSON results, N-Triples or Turtle), so that everything
the server does with the embedded store's results — the result cap, the
formats a client may ask for, the XML repairs, the cache — works unchanged.
A response is read only as far as it is used: a result cut at the cap closes
the connection.

Every query is parsed here first, by pyoxigraph (a malformed query gets the
same message as on the embedded store, and the parse tells which kind of
result to ask for). The ``/sparql`` guard (:mod:`cikg.serve.guard`) runs
before, in :func:`cikg.serve.evaluate.evaluate_request`, as for the embedded
store: ``SERVICE`` never reaches the engine (Virtuoso would fetch the URL).

**The dataset.** The served graphs are those under
``https://w3id.org/cikg/graph/`` other than ``graph/published`` (found when
the engine is opened). When the engine holds no other graph and is Oxigraph
(``oxigraph serve-read-only`` on a store cikg built), the union default
graph is asked for with Oxigraph's ``union-default-graph`` parameter;
otherwise (Virtuoso, with its system graphs; any engine a publish wrote
``graph/published`` to) each query names its dataset, ``default-graph-uri``
and ``named-graph-uri`` the served graphs (Protocol §2.1.4), which is
correct on every engine but slower (2–5× on Oxigraph server for the
example queries, measured on the seeds).

**Time limits.** Where the engine takes a limit per query, it is sent and
the engine stops the query: Virtuoso's ``timeout`` parameter (milliseconds;
Virtuoso then returns what it found so far, an "anytime" answer marked by
an ``X-SQL-State`` header, which is refused here as a timeout, never served
as a result). Oxigraph server takes no limit per query: its own is the
server's ``--timeout-s`` (set it to the same value), which cancels a query
while its results stream (the body then ends with "The SPARQL operation has
been cancelled", read here as a timeout) but not an aggregate that has not
produced its first row. The client's limit covers every engine: no byte for
``timeout_seconds`` plus :data:`GRACE_SECONDS` ends the request with
:class:`~cikg.serve.workers.QueryTimeout` (the engine may go on computing).
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import urlencode

import httpx2
from pyoxigraph import (
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    parse,
    parse_query_results,
)

from cikg.errors import CikgError
from cikg.iris import DEFAULT_BASE
from cikg.serve.guard import uses_keyword
from cikg.serve.workers import QueryTimeout

__all__ = ["GRACE_SECONDS", "RemoteEngine", "served_graph"]

#: How long past the time limit the client waits, so that an engine's own
#: limit (which says so) comes first.
GRACE_SECONDS = 1.0
_GRAPHS = f"{DEFAULT_BASE}graph/"
_PUBLISHED = f"{DEFAULT_BASE}graph/published"
_RESULTS_JSON = "application/sparql-results+json"
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9"
_RDF_TYPES = {"application/n-triples": RdfFormat.N_TRIPLES, "text/plain": RdfFormat.N_TRIPLES}
#: What Oxigraph server writes into a result stream it stops at its --timeout-s.
_CANCELLED = b"has been cancelled"
_VARS = ("s", "p", "o", "g")


def served_graph(iri: str) -> bool:
    """Whether a graph of a remote engine is served: one of cikg's graphs,
    not the record ``cikg publish`` keeps.

    >>> served_graph("https://w3id.org/cikg/graph/report/cnnic-55")
    True
    >>> served_graph("https://w3id.org/cikg/graph/published")
    False
    >>> served_graph("http://www.openlinksw.com/schemas/virtrdf#")
    False
    """
    return iri.startswith(_GRAPHS) and iri != _PUBLISHED


class _Body(io.RawIOBase):
    """A streamed response body as a file pyoxigraph reads from, within a
    deadline; it closes the response at its end or when closed."""

    def __init__(self, response: httpx2.Response, deadline: float) -> None:
        super().__init__()
        self._response = response
        self._chunks = response.iter_bytes()
        self._deadline = deadline
        self._pending = b""
        self.tail = b""
        self.timed_out = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            if time.monotonic() > self._deadline:
                self.timed_out = True
                raise OSError("the engine's answer took longer than the time limit")
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                self._response.close()  # all read: the connection goes back to the pool
                return 0
            except httpx2.TimeoutException as exc:
                self.timed_out = True
                raise OSError("the engine's answer took longer than the time limit") from exc
            except httpx2.HTTPError as exc:
                raise OSError(f"the engine's answer broke off: {exc}") from exc
            self.tail = (self.tail + self._pending)[-200:]
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def close(self) -> None:
        if not self.closed:
            self._response.close()
        super().close()

    def failure(self, exc: Exception, limit: float) -> Exception:
        """What a failure to read the body means: a timeout (ours, or the
        engine's own, whose message ends the stream), or a broken answer."""
        if self.timed_out or _CANCELLED in self.tail:
            return QueryTimeout(_over_limit(limit))
        return OSError(f"the engine's answer could not be read: {exc}")


class _Solutions:
    """The solutions of a remote SELECT, as pyoxigraph's ``QuerySolutions``
    reads (``variables``, iteration), a read failure raised as a timeout or
    an ``OSError``."""

    def __init__(self, solutions: Any, body: _Body, limit: float) -> None:
        self.variables = solutions.variables
        self._solutions = solutions
        self._body = body
        self._limit = limit

    def __iter__(self) -> Iterator[Any]:
        try:
            yield from self._solutions or ()
        except (SyntaxError, OSError, ValueError) as exc:
            raise self._body.failure(exc, self._limit) from None
        finally:
            self.close()

    def close(self) -> None:
        """Drop the parsed solutions and close the body, in the calling thread:
        pyoxigraph's ``QuerySolutions`` is unsendable, and one the garbage
        collector dropped on another thread raised ("PyQuerySolutions is
        unsendable, but is being dropped on another thread")."""
        self._solutions = None
        self._body.close()


def _triples(quads: Iterable[Quad], body: _Body, limit: float) -> Iterator[Triple]:
    try:
        for quad in quads:
            yield Triple(quad.subject, quad.predicate, quad.object)
    except (SyntaxError, OSError, ValueError) as exc:
        raise body.failure(exc, limit) from None
    finally:
        body.close()


def _boolean(solutions: _Solutions) -> QueryBoolean:
    """An ASK answer given as solutions (Virtuoso 7.2 writes ASK as one row
    binding ``?__ASK_RETVAL`` to 1 or 0, in JSON and XML alike) as a boolean:
    true when a row binds a value other than 0 or false."""
    found = any(
        term is not None and term.value not in {"0", "false"}
        for row in solutions
        for term in (row[v] for v in solutions.variables)
    )
    return parse_query_results(
        f'{{"head": {{}}, "boolean": {str(found).lower()}}}', format=QueryResultsFormat.JSON
    )


def _over_limit(limit: float) -> str:
    return (
        f"the query ran past the {limit:g} s time limit and was stopped; add LIMIT, "
        "narrow the patterns, or ask for fewer results"
    )


class RemoteEngine:
    """A SPARQL 1.1 query endpoint read as an :class:`~cikg.serve.engine.Engine`.

    :param url: the endpoint, e.g. ``http://127.0.0.1:7878/query`` (Oxigraph)
        or ``http://127.0.0.1:8890/sparql`` (Virtuoso).
    :param timeout_seconds: the time limit of one query (see the module
        docstring for which side enforces it).
    :param max_connections: the most connections kept open to the engine.
    :raises CikgError: if the endpoint does not answer a SPARQL query, or
        holds none of cikg's graphs.
    """

    def __init__(self, url: str, timeout_seconds: float, max_connections: int = 64) -> None:
        self.url = url
        self.timeout_seconds = timeout_seconds
        self._client = httpx2.Client(
            timeout=httpx2.Timeout(timeout_seconds + GRACE_SECONDS, connect=10.0),
            limits=httpx2.Limits(
                max_connections=max_connections, max_keepalive_connections=max_connections
            ),
        )
        self._parser = Store()  # empty: parses queries and tells their kind
        self.kind = "sparql"
        self._graphs: tuple[NamedNode, ...] = ()
        self.union = False
        try:
            probe = self._client.post(
                url, data={"query": "ASK {}"}, headers={"Accept": _RESULTS_JSON}
            )
        except httpx2.HTTPError as exc:
            raise CikgError(f"the engine at {url} did not answer: {exc}") from None
        if probe.status_code != 200:
            raise CikgError(
                f"the engine at {url} answered ASK {{}} with {probe.status_code}; "
                "give its SPARQL query endpoint (…/query for Oxigraph, …/sparql for Virtuoso)"
            )
        server = probe.headers.get("server", "").lower()
        self.kind = next((k for k in ("oxigraph", "virtuoso") if k in server), "sparql")
        pattern = "{}" if self.kind == "oxigraph" else "{ ?s ?p ?o }"
        every = [
            row["g"]
            for row in self.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {pattern} }}")
            if isinstance(row["g"], NamedNode)
        ]
        self._graphs = tuple(sorted((g for g in every if served_graph(g.value)), key=str))
        if not self._graphs:
            raise CikgError(
                f"the engine at {url} holds none of cikg's graphs ({_GRAPHS}…); "
                "publish them there first (cikg publish)"
            )
        self.union = self.kind == "oxigraph" and len(every) == len(self._graphs)

    def close(self) -> None:
        """Close the connections to the engine."""
        self._client.close()

    # -- the Engine calls --------------------------------------------------------
    def query(
        self,
        query: str,
        *,
        prefixes: Mapping[str, str] | None = None,
        base_iri: str | None = None,
        use_default_graph_as_union: bool = False,
        default_graph: Any = None,
        named_graphs: Iterable[NamedNode] | None = None,
    ) -> Any:
        """Evaluate ``query`` on the engine (:class:`~cikg.serve.engine.Engine`).

        :return: solutions (``variables`` and rows), a ``QueryBoolean``, or
            an iterator of ``Triple``; rows are read as they are iterated.
        :raises SyntaxError: if pyoxigraph cannot parse the query.
        :raises ValueError: if the engine refuses it (4xx, with its message).
        :raises OSError: if the engine fails (5xx) or its answer cannot be read.
        :raises QueryTimeout: past the time limit.
        :raises CikgError: if the engine cannot be reached.
        """
        # Virtuoso takes one BASE, before any PREFIX: a query's own BASE wins, and
        # on Virtuoso the predeclared prefixes are then left to Virtuoso's own
        own_base = base_iri is not None and uses_keyword(query, "BASE", prefixes, base_iri)
        prologue = f"BASE <{base_iri}>\n" if base_iri and not own_base else ""
        if not (own_base and self.kind == "virtuoso"):
            prologue += "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in (prefixes or {}).items())
        text = prologue + query
        form = self._parser.query(text)  # raises SyntaxError as the embedded store would
        # the form only, not pyoxigraph's (empty) result: that is unsendable, and an
        # error below (the engine refusing the query) would keep it in its traceback
        # until the garbage collector dropped it on another thread
        construct, ask = isinstance(form, QueryTriples), isinstance(form, QueryBoolean)
        del form
        params: list[tuple[str, str]] = [("query", text)]
        served = None if self.union else list(self._graphs)  # None: every named graph
        if default_graph is not None:
            graphs = default_graph if isinstance(default_graph, list) else [default_graph]
            params += [("default-graph-uri", g.value) for g in graphs]
            named_graphs = served if named_graphs is None else named_graphs
        elif use_default_graph_as_union and self.union:
            params.append(("union-default-graph", "true"))
        elif use_default_graph_as_union:
            params += [("default-graph-uri", g.value) for g in self._graphs]
            named_graphs = served if named_graphs is None else named_graphs
        if named_graphs is not None:
            params += [("named-graph-uri", g.value) for g in named_graphs]
        if self.kind == "virtuoso":
            params.append(("timeout", str(int(self.timeout_seconds * 1000))))
        accept = _GRAPH_ACCEPT if construct else _RESULTS_JSON
        body = self._send(params, accept)
        if construct:
            media = body._response.headers.get("content-type", "").split(";")[0].strip()
            rdf_format = _RDF_TYPES.get(media, RdfFormat.TURTLE)
            return _triples(parse(io.BufferedReader(body), format=rdf_format), body, self._limit)
        try:
            result = parse_query_results(io.BufferedReader(body), format=QueryResultsFormat.JSON)
        except (SyntaxError, OSError, ValueError) as exc:
            body.close()
            raise body.failure(exc, self._limit) from None
        if isinstance(result, QueryBoolean):
            body.close()
            return result
        if ask:  # Virtuoso: one row, ?__ASK_RETVAL 1 or 0
            return _boolean(_Solutions(result, body, self._limit))
        return _Solutions(result, body, self._limit)

    def quads_for_pattern(
        self, subject: Any, predicate: Any, object: Any, graph_name: Any = None
    ) -> Iterator[Quad]:
        """The quads of the served graphs that match (``None`` matches anything)."""
        if graph_name is not None and graph_name not in self._graphs:
            return iter(())
        given = (subject, predicate, object, graph_name)
        parts = [f"?{v}" if t is None else str(t) for v, t in zip(_VARS, given, strict=True)]
        selected = [f"?{v}" for v, t in zip(_VARS, given, strict=True) if t is None]
        sparql = (
            f"SELECT {' '.join(selected) or '*'} "
            f"WHERE {{ GRAPH {parts[3]} {{ {parts[0]} {parts[1]} {parts[2]} }} }}"
        )
        rows = self.query(sparql, named_graphs=self._served())
        return (
            Quad(*(row[v] if t is None else t for v, t in zip(_VARS, given, strict=True)))
            for row in rows
        )

    def named_graphs(self) -> Iterator[NamedNode]:
        """The served graphs."""
        return iter(self._graphs)

    def contains_named_graph(self, graph_name: NamedNode) -> bool:
        """Whether ``graph_name`` is a served graph."""
        return graph_name in self._graphs

    def __len__(self) -> int:
        """How many quads the served graphs hold."""
        rows = self.query(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", named_graphs=self._served()
        )
        return next(int(row["n"].value) for row in rows)

    def _served(self) -> list[NamedNode] | None:
        """The served graphs to name in a query, ``None`` when they are every
        named graph of the engine."""
        return None if self.union else list(self._graphs)

    # -- HTTP --------------------------------------------------------------------
    @property
    def _limit(self) -> float:
        return self.timeout_seconds

    def _send(self, params: list[tuple[str, str]], accept: str) -> _Body:
        """POST the query; the body of a 200 answer, ready to stream.

        :raises ValueError: for a 4xx answer; ``OSError`` for another failure.
        """
        started = time.monotonic()
        request = self._client.build_request(
            "POST",
            self.url,
            content=urlencode(params).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )
        try:
            response = self._client.send(request, stream=True)
        except httpx2.TimeoutException:
            raise QueryTimeout(_over_limit(self._limit)) from None
        except httpx2.HTTPError as exc:
            raise CikgError(f"the engine at {self.url} did not answer: {exc}") from None
        if response.status_code == 200 and "x-sql-state" in response.headers:
            response.close()  # Virtuoso's "anytime" answer: what it found before its limit
            raise QueryTimeout(_over_limit(self._limit))
        if response.status_code != 200:
            try:
                message = response.read()[:2000].decode("utf-8", "replace").strip()
            except httpx2.HTTPError:
                message = ""
            finally:
                response.close()
            if b"cancelled" in message.encode() or "timeout" in message.lower():
                raise QueryTimeout(_over_limit(self._limit))
            said = f"the engine answered {response.status_code}: {message}"
            raise ValueError(said) if response.status_code < 500 else OSError(said)
        deadline = started + self.timeout_seconds + GRACE_SECONDS
        return _Body(response, deadline)
