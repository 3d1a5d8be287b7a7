"""Latency and throughput of SPARQL queries: in process, and over HTTP on loopback.

- :func:`floor_latencies`: pyoxigraph directly, the query evaluated and its
  solutions serialised as SPARQL JSON (the least work any server does);
- :func:`http_latencies`: one client, one kept-alive connection, requests one
  after another;
- :func:`throughput`: an asyncio client with N kept-alive connections and a
  fixed number of requests.

Each latency sample sends the query with a comment naming the sample
(``# sample 7``), so no two requests are the same text: a server's result
cache does not answer them (the cached case is measured separately).
"""

from __future__ import annotations

import asyncio
import http.client
import statistics
import time
import urllib.parse
from dataclasses import dataclass

from pyoxigraph import QueryResultsFormat, QuerySolutions, Store
from servers import Server

__all__ = ["Latency", "floor_latencies", "http_latencies", "query_path", "throughput"]

ACCEPT = "application/sparql-results+json"
#: What a browser asks for.
_BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8"
#: What stays as it is when a path is percent-encoded for the request line.
_SAFE = "/?=&%:;,+@!$'()*[]#~"


@dataclass(frozen=True, slots=True)
class Latency:
    """Latency samples of one query on one target, in milliseconds."""

    samples: tuple[float, ...]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def p99(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def _variant(query: str, i: int) -> str:
    return f"# sample {i}\n{query}"


def _sample_plan(budget_s: float, least: int, most: int):
    """Yield sample numbers until ``most`` samples or the time budget (but at
    least ``least``)."""
    started = time.perf_counter()
    for i in range(most):
        if i >= least and time.perf_counter() - started > budget_s:
            return
        yield i


def floor_latencies(
    store: Store, query: str, *, budget_s: float = 3, least: int = 10, most: int = 200
) -> Latency:
    """The in-process floor: evaluate over the union default graph and write
    the solutions as SPARQL JSON."""
    times = []
    for i in _sample_plan(budget_s, least, most):
        t0 = time.perf_counter()
        result = store.query(_variant(query, i), use_default_graph_as_union=True)
        if isinstance(result, QuerySolutions):
            result.serialize(format=QueryResultsFormat.JSON)
        else:
            bool(result)
        times.append((time.perf_counter() - t0) * 1000)
    return Latency(tuple(times))


def query_path(server: Server, query: str) -> str:
    """The GET path that asks ``server`` for ``query``."""
    return f"{server.query_path}?{urllib.parse.urlencode({'query': query})}"


def http_latencies(
    server: Server,
    query: str,
    *,
    budget_s: float = 3,
    least: int = 10,
    most: int = 200,
    distinct: bool = True,
) -> Latency:
    """Sequential GET requests on one kept-alive connection.

    :param distinct: vary each request's text (no result cache answers); with
        ``False`` the same request repeats (a cache, where there is one, does).
    :raises RuntimeError: on any answer other than 200.
    """
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    times = []
    try:
        for i in _sample_plan(budget_s, least, most):
            path = query_path(server, _variant(query, i if distinct else 0))
            t0 = time.perf_counter()
            conn.request("GET", path, headers={"Accept": ACCEPT})
            response = conn.getresponse()
            body = response.read()
            times.append((time.perf_counter() - t0) * 1000)
            if response.status != 200:
                raise RuntimeError(f"{server.name}: {response.status} {body[:300]!r}")
    finally:
        conn.close()
    return Latency(tuple(times))


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, int]:
    """Read one HTTP/1.1 response; return (status, body bytes)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
        return status, len(body)
    if headers.get("transfer-encoding", "").lower() == "chunked":
        size = 0
        while True:
            chunk = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if chunk == 0:
                await reader.readuntil(b"\r\n")
                return status, size
            size += len(await reader.readexactly(chunk + 2)) - 2
    return status, len(await reader.read())


async def _load(
    server: Server, paths: list[str], connections: int, requests: int, seconds: float
) -> dict:
    port = server.port
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors: dict[str, int] = {}
    next_index = 0
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal next_index
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while next_index < requests and time.perf_counter() < deadline:
                path = paths[next_index % len(paths)]
                next_index += 1
                accept = ACCEPT if path.startswith(server.query_path) else _BROWSER
                target = urllib.parse.quote(path, safe=_SAFE)
                request = (
                    f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: {accept}\r\n\r\n"
                )
                t0 = time.perf_counter()
                try:
                    writer.write(request.encode("ascii"))
                    status, _ = await _read_response(reader)
                except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                    errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    continue
                latencies.append((time.perf_counter() - t0) * 1000)
                statuses[status] = statuses.get(status, 0) + 1
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(connections)))
    elapsed = time.perf_counter() - started
    done = Latency(tuple(latencies)) if latencies else Latency((0.0,))
    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "rps": len(latencies) / elapsed,
        "statuses": statuses,
        "non200": sum(n for s, n in statuses.items() if s != 200),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "p50": done.p50,
        "p99": done.p99,
    }


def throughput(
    server: Server, paths: list[str], connections: int, requests: int, *, seconds: float = 600
) -> dict:
    """``requests`` GETs of ``paths`` (in order, cycled; a path outside the
    server's query service, a page, asks for HTML) over ``connections``
    kept-alive connections, or as many as ``seconds`` allow; each connection
    sends its next request when the last is answered.

    The client is asyncio in this process (one core): it sends several
    thousand requests a second, more than either server answers here.

    :return: ``requests`` answered, ``seconds``, ``rps``, ``statuses``
        (status -> count), ``non200``, ``errors`` (connections broken),
        ``p50`` and ``p99`` latency in ms.
    """
    return asyncio.run(_load(server, paths, connections, requests, seconds))
