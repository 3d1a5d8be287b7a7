"""The endpoint under attack: updates and SERVICE in every spelling,
malformed, oversized, non-UTF-8 and deeply nested queries, path traversal,
hostile literals in pages and header injection. Each is refused or escaped;
afterwards the store holds the same quads and nobody was fetched.

Two servers: the app in-process over the seeds' store (``client``) and over
writable in-memory stores (where a slipped-through update would show), and
``cikg serve`` in a subprocess on a loopback port, with its worker
processes, for raw HTTP bytes (``..`` segments, CR/LF, a huge
``Content-Length``) and for queries that crash or hang pyoxigraph.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import httpx2
import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store
from starlette.testclient import TestClient

from cikg.serve import create_app
from cikg.serve.pages import ID_BASE
from cikg.settings import ServeSettings
from cikg.store import open_store
from cikg.vocab import PREFIXES

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
SKOS = PREFIXES["skos"]
RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
GRAPH = NamedNode("https://w3id.org/cikg/graph/report/hostile")


# -- helpers ------------------------------------------------------------------


def _fingerprint(store: Store) -> tuple[int, str]:
    """The number of quads and a hash of them all, sorted."""
    digest = hashlib.sha256()
    quads = sorted(str(q) for q in store)
    for quad in quads:
        digest.update(quad.encode("utf-8") + b"\n")
    return len(quads), digest.hexdigest()


def _clean(response: httpx2.Response) -> httpx2.Response:
    """The response, checked for what no answer may hold: a server error,
    a Python traceback, or a header the request planted."""
    assert response.status_code < 500 or response.status_code == 503, response.text[:300]
    assert "Traceback" not in response.text and 'File "' not in response.text
    assert "set-cookie" not in response.headers
    for name, value in response.headers.multi_items():
        assert "\r" not in value and "\n" not in value, (name, value)
    return response


class Listener:
    """A loopback port that records every connection made to it."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.port = self.socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.connections: list[bytes] = []
        self._marker = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.socket.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    first = conn.recv(200)
                except OSError:
                    first = b""
            if first.startswith(b"MARKER"):
                self._marker.set()
            else:
                self.connections.append(first)

    def knocks(self) -> list[bytes]:
        """The connections made so far: a marker connection of our own goes
        last into the accept queue, so once it is seen every earlier
        connection has been recorded."""
        self._marker.clear()
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as probe:
            probe.sendall(b"MARKER")
        assert self._marker.wait(timeout=10), "the listener stopped accepting"
        return list(self.connections)

    def close(self) -> None:
        self.socket.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    port = Listener()
    yield port
    port.close()


def _raw(port: int, request: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
    """Send raw bytes to the server; its status, headers and body (read up
    to its ``Content-Length``, or until it closes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as conn:
        conn.sendall(request)
        data = b""
        while True:
            chunk = conn.recv(65536)
            data += chunk
            head, found, body = data.partition(b"\r\n\r\n")
            length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
            if not chunk or (found and length and len(body) >= int(length.group(1))):
                break
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = [(n.strip(), v.strip()) for n, _, v in (ln.partition(":") for ln in lines[1:])]
    return status, headers, body


# -- the real server in a subprocess -----------------------------------------------


@pytest.fixture(scope="module")
def served(built_store, tmp_path_factory) -> Iterator[tuple[int, subprocess.Popen]]:
    """``cikg serve`` over the seeds' store on a free loopback port, with
    two worker processes; its log is checked for tracebacks at the end."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = os.environ | {"CIKG_WORKERS": "2", "CIKG_TIMEOUT_SECONDS": "20"}
    log = tmp_path_factory.mktemp("serve") / "stderr.log"
    argv = [sys.executable, "-m", "cikg.cli", "serve", "--store", str(built_store[0])]
    process = subprocess.Popen(
        [*argv, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
    )
    deadline = time.monotonic() + 90
    while True:
        try:
            if httpx2.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                break
        except httpx2.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"cikg serve did not start: {log.read_text()[-2000:]}")
        time.sleep(0.2)
    yield port, process
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    errors = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in errors, errors[-3000:]


def _still_answers(port: int) -> None:
    resp = httpx2.get(
        f"http://127.0.0.1:{port}/sparql",
        params={"query": "ASK { ?r a cikg:Report }"},
        timeout=30,
    )
    assert resp.status_code == 200 and resp.json()["boolean"] is True


# -- updates -------------------------------------------------------------------------

UPDATES = [
    "INSERT DATA { <http://e/s> <http://e/p> <http://e/o> }",
    "insert data { <http://e/s> <http://e/p> <http://e/o> }",
    "InSeRt DaTa { GRAPH <http://e/g> { <http://e/s> <http://e/p> 1 } }",
    "# a comment first\nINSERT DATA { <http://e/s> <http://e/p> <http://e/o> }",
    "PREFIX e: <http://e/>\nBASE <http://e/>\nINSERT DATA { e:s e:p <o> }",
    "DELETE DATA { <http://e/a> <http://e/b> <http://e/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "delete { ?s ?p ?o } where { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "clear default",
    "DROP ALL",
    "drop silent graph <http://e/g>",
    "CREATE GRAPH <http://e/new>",
    "ADD DEFAULT TO <http://e/g>",
    "MOVE DEFAULT TO <http://e/g>",
    "COPY DEFAULT TO <http://e/g>",
    "LOAD <http://127.0.0.1:9/x.ttl>",
    "load silent <http://127.0.0.1:9/x.ttl> into graph <http://e/g>",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
    "\\u0049NSERT DATA { <http://e/s> <http://e/p> <http://e/o> }",
    "\\u0044ROP ALL",
]


def _send(client: TestClient | httpx2.Client, transport: str, text: str) -> httpx2.Response:
    if transport == "get-query":
        return client.get("/sparql", params={"query": text})
    if transport == "get-update":
        return client.get("/sparql", params={"update": text})
    if transport == "form-query":
        return client.post("/sparql", data={"query": text})
    if transport == "form-update":
        return client.post("/sparql", data={"update": text})
    if transport == "direct-query":
        headers = {"content-type": "application/sparql-query"}
        return client.post("/sparql", content=text.encode(), headers=headers)
    headers = {"content-type": "application/sparql-update"}
    return client.post("/sparql", content=text.encode(), headers=headers)


TRANSPORTS = [
    "get-query",
    "get-update",
    "form-query",
    "form-update",
    "direct-query",
    "direct-update",
]


@pytest.fixture(scope="module")
def writable() -> tuple[Store, TestClient]:
    """The app over a writable in-memory store: an update that got through
    would change it."""
    store = Store()
    for i in range(3):
        store.add(
            Quad(NamedNode(f"http://e/s{i}"), NamedNode("http://e/p"), Literal(str(i)), GRAPH)
        )
    store.add(Quad(NamedNode("http://e/d"), NamedNode("http://e/p"), Literal("default")))
    return store, TestClient(create_app(store, examples=()))


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_in_every_spelling_and_transport(writable, update, transport):
    store, client = writable
    before = _fingerprint(store)
    response = _clean(_send(client, transport, update))
    assert response.status_code == 400
    if "update" in transport:
        assert "SPARQL Update is not allowed" in response.text
    else:
        assert "malformed or refused query" in response.text
    assert _fingerprint(store) == before


def test_the_served_store_is_unchanged_after_updates(served, built_store):
    port, _ = served
    before = _fingerprint(open_store(built_store[0], read_only=True))
    with httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        for update in UPDATES:
            for transport in TRANSPORTS:
                assert _clean(_send(client, transport, update)).status_code == 400
    assert _fingerprint(open_store(built_store[0], read_only=True)) == before


# -- SERVICE ----------------------------------------------------------------------------


def _service_queries(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SeRvIcE SiLeNt <{url}> {{ ?s ?p ?o }} }}",
        f"# SERVICE in a comment, then the real one\nSELECT * WHERE {{\n SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX e: <http://e/>\nBASE <{url}>\nSELECT * WHERE {{ SERVICE <> {{ ?s ?p ?o }} }}",
        f"PREFIX remote: <{url}#>\nSELECT * WHERE {{ SERVICE remote:x {{ ?s ?p ?o }} }}",
        f"PREFIX : <{url}#>\nSELECT * WHERE {{ SERVICE:x {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p 1SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s a cikg:Report OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ MINUS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?u {{ <{url}> }} SERVICE ?u {{ ?s ?p ?o }} }}",
        # rdflib, the screen before, read \u0022 as a closing quote and the rest
        # of the line as a comment; pyoxigraph reads one string, then SERVICE
        f'SELECT * WHERE {{ BIND("x\\u0022 AS ?y) # " AS ?z) SERVICE <{url}> {{ ?s ?p ?o }}\n}}',
        # codepoint escapes in the keyword (SPARQL 1.1 §19.2 allows them
        # anywhere; pyoxigraph reads them only in IRIs and strings)
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVIC\\u0045 <{url}> {{ ?s ?p ?o }} }}",
    ]


def test_pyoxigraph_itself_would_fetch(listener):
    """The control: without the guard, pyoxigraph connects to the listener
    (so its silence below means the guard held)."""
    with pytest.raises(OSError):
        list(Store().query(f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"))
    knocks = listener.knocks()
    assert knocks and knocks[-1].startswith(b"POST /sparql")
    listener.connections.clear()


@pytest.mark.parametrize("transport", ["get-query", "form-query", "direct-query"])
def test_service_is_refused_in_every_spelling(client, listener, transport):
    for query in _service_queries(listener.url):
        response = _clean(_send(client, transport, query))
        assert response.status_code == 400, query
        assert "refused query" in response.text
        if "\\u00" not in query and "SERVICE:x" not in query:
            assert "SERVICE (federated query) is not allowed" in response.text, query
    assert listener.knocks() == []


def test_service_is_refused_by_the_served_endpoint(served, listener):
    port, _ = served
    with httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        for query in _service_queries(listener.url):
            assert _clean(_send(client, "form-query", query)).status_code == 400, query
    assert listener.knocks() == []
    _still_answers(port)


def test_the_word_service_elsewhere_is_fine(client, listener):
    query = (
        "PREFIX schema: <https://schema.org/>\n"
        "SELECT ?service WHERE { # a service-free query\n"
        f"  BIND('SERVICE <{listener.url}> {{ }}' AS ?service)\n"
        "  OPTIONAL { ?service a schema:Service } }"
    )
    response = _clean(client.get("/sparql", params={"query": query}))
    assert response.status_code == 200
    assert response.json()["results"]["bindings"][0]["service"]["value"].startswith("SERVICE")


def test_dataset_iris_are_not_fetched(client, listener):
    for params in (
        {"query": f"SELECT * FROM <{listener.url}> WHERE {{ ?s ?p ?o }} LIMIT 1"},
        {"query": f"SELECT * FROM NAMED <{listener.url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"},
        {"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": listener.url},
        {"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": listener.url},
    ):
        assert _clean(client.get("/sparql", params=params)).status_code == 200
    assert listener.knocks() == []


# -- malformed, oversized, non-UTF-8, nested -------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE {",
        "}}}}",
        "SELECT ?x WHERE { ?x ?p }",
        "SELECT * WHERE { ?s ?p ?o } LIMIT -1",
        "\x00\x01\x02",
        "SELECT ('unterminated AS ?x) {}",
        "CONSTRUCT",
    ],
)
def test_malformed_queries_are_400_with_the_parsers_message(client, query):
    response = _clean(client.get("/sparql", params={"query": query}))
    assert response.status_code == 400
    assert response.text.startswith("malformed or refused query: ")


def test_oversized_queries_and_bodies(store):
    small = TestClient(create_app(store, ServeSettings(max_query_chars=1000, max_body_bytes=5000)))
    long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 1000
    for response in (
        small.get("/sparql", params={"query": long_query}),
        small.post("/sparql", data={"query": long_query}),
    ):
        assert _clean(response).status_code == 400
        assert response.text == "the query is over 1000 characters"
    big = small.post("/sparql", data={"query": "x" * 6000})
    assert _clean(big).status_code == 413
    assert big.text == "the request body is over 5000 bytes"


def test_a_huge_declared_body_is_refused_before_it_is_sent(served):
    port, _ = served
    status, _, body = _raw(
        port,
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 10000000000\r\nConnection: close\r\n\r\nSELECT",
    )
    assert status == 413 and b"over 1000000 bytes" in body
    _still_answers(port)


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"url": "/sparql?query=SELECT%20(%22%FF%FE%22%20AS%20%3Fx)%20%7B%7D"},
        {"url": "/sparql?query=SELECT%20(%22%C3%28%22%20AS%20%3Fx)%20%7B%7D"},
        {
            "url": "/sparql",
            "method": "POST",
            "content": 'SELECT ("café" AS ?x) {}'.encode("latin-1"),
            "headers": {"content-type": "application/sparql-query"},
        },
        {
            "url": "/sparql",
            "method": "POST",
            "content": 'SELECT ("网民规模" AS ?x) {}'.encode("gbk"),
            "headers": {"content-type": "application/sparql-query; charset=gbk"},
        },
        {
            "url": "/sparql",
            "method": "POST",
            "content": b"query=SELECT%20(%22%FF%22%20AS%20%3Fx)%20%7B%7D",
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
        {
            "url": "/sparql",
            "method": "POST",
            "content": b"query=" + 'SELECT ("网民" AS ?x) {}'.encode("gbk"),
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
    ],
)
def test_non_utf8_queries_are_400(client, request_kwargs):
    kwargs = dict(request_kwargs)
    method = kwargs.pop("method", "GET")
    response = _clean(client.request(method, **kwargs))
    assert response.status_code == 400
    assert "not valid UTF-8" in response.text


def test_utf8_percent_encoded_is_read(client):
    url = "/sparql?query=SELECT%20(%22%E7%BD%91%E6%B0%91%22%20AS%20%3Fx)%20%7B%7D"
    response = _clean(client.get(url))
    assert response.json()["results"]["bindings"][0]["x"]["value"] == "网民"


NESTED = {
    "braces": "SELECT * WHERE " + "{" * 10_000 + " ?s ?p ?o " + "}" * 10_000,
    "parentheses": "SELECT * WHERE { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }",
    "blank nodes": "SELECT * WHERE { ?s ?p " + "[ ?p " * 10_000 + "1" + " ]" * 10_000 + " }",
    "collections": "SELECT * WHERE { ?s ?p " + "( " * 10_000 + "1" + " )" * 10_000 + " }",
    "triple terms": "SELECT * WHERE { " + "<< ?s ?p " * 5_000 + "?o" + " >>" * 5_000 + " ?q ?r }",
    "unclosed": "SELECT * WHERE " + "{" * 40_000,
    "mixed": "ASK " + "{ FILTER(EXISTS " * 3_000 + "{}" + ") }" * 3_000,
    # strings holding closing brackets must not hide the depth
    "strings": "ASK " + '{ FILTER("}") ' * 5_000 + "}" * 5_000,
}


@pytest.mark.parametrize("name", NESTED)
def test_deep_nesting_is_400_in_process(client, name):
    response = _clean(client.post("/sparql", data={"query": NESTED[name]}))
    assert response.status_code == 400
    assert "levels deep; at most 64 are allowed" in response.text


def test_deep_and_long_flat_queries_do_not_crash_the_served_workers(served):
    port, _ = served
    url = f"http://127.0.0.1:{port}/sparql"
    for query in NESTED.values():
        response = _clean(httpx2.post(url, data={"query": query}, timeout=60))
        assert response.status_code == 400 and "levels deep" in response.text
    # flat, within every limit, but pyoxigraph recurses once per operator:
    # this overflowed an 8 MiB stack and killed the worker with SIGSEGV
    negations = "ASK { FILTER(" + "! " * 10_000 + "true) }"
    response = _clean(httpx2.post(url, data={"query": negations}, timeout=60))
    assert response.status_code == 200 and response.json()["boolean"] is True
    _still_answers(port)


@pytest.mark.parametrize("accept", [";;;", ",,,", "text/html;q=nan", "*/*;q=inf", "a/b;q=1e999"])
@pytest.mark.parametrize("url", ["/sparql", "/sparql?query=ASK%7B%7D", "/", "/id/org/cnnic"])
def test_odd_accept_headers_are_not_errors(client, url, accept):
    response = _clean(client.get(url, headers={"accept": accept}))
    assert response.status_code in {200, 400, 406}


TRIPLE_TERM = "<<( <http://e/a> <http://e/b> <http://e/c> )>>"


@pytest.mark.parametrize(
    ("query", "fmt", "status"),
    [
        (f"SELECT ({TRIPLE_TERM} AS ?x) {{}}", "csv", 200),
        (f"SELECT ({TRIPLE_TERM} AS ?x) {{}}", "tsv", 200),
        (f"CONSTRUCT {{ <http://e/a> <http://e/b> {TRIPLE_TERM} }} WHERE {{}}", "jsonld", 406),
        (f"CONSTRUCT {{ <http://e/a> <http://e/b> {TRIPLE_TERM} }} WHERE {{}}", "turtle", 200),
    ],
)
def test_triple_terms_in_results_are_not_errors(client, query, fmt, status):
    response = _clean(client.get("/sparql", params={"query": query, "format": fmt}))
    assert response.status_code == status
    if status == 200:
        assert TRIPLE_TERM in response.text
    else:
        assert "ask for Turtle or N-Triples" in response.text


def test_long_search_terms_are_refused_quickly(client):
    response = _clean(client.get("/search", params={"q": "网民规模" * 500}))
    assert response.status_code == 400
    assert response.text == "search terms are limited to 200 characters"


# -- paths -----------------------------------------------------------------------------------

TRAVERSALS = [
    b"/id/../../etc/passwd",
    b"/id/../pyproject.toml",
    b"/id/..%2f..%2fetc%2fpasswd",
    b"/id/%2e%2e/%2e%2e/etc/passwd",
    b"/id/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    b"/id/%252e%252e%252fetc%252fpasswd",
    b"/id/..\\..\\etc\\passwd",
    b"/id/%5c..%5c..%5cetc%5cpasswd",
    b"/id/indicator%00/../../etc/passwd",
    b"/id/a%00b",
    b"/id/..%00/etc/passwd.ttl",
    b"/id/../../etc/passwd.ttl",
    b"/id/%c0%ae%c0%ae/etc/passwd",
    b"/id/%FF%FE",
    b"/../../etc/passwd",
    b"/%2e%2e/%2e%2e/etc/passwd",
    b"/static/../../etc/passwd",
    b"/templates/base.html",
    b"/src/cikg/serve/app.py",
    b"/id/" + b"a" * 8000,
]


def test_paths_cannot_leave_the_graph_over_raw_http(served):
    port, _ = served
    for path in TRAVERSALS:
        status, _, body = _raw(
            port, b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        assert status in {400, 404}, (path, status)
        assert b"root:" not in body and b"[project]" not in body and b"{% block" not in body
        assert b"Traceback" not in body
    status, _, _ = _raw(port, b"GET /id/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert status in {400, 404}


@pytest.mark.parametrize(
    "path",
    ["/id/a%00b", "/id/a%0d%0ab", "/id/a%5cb", "/id/a%3Eb", "/id/" + "x" * 60_000, "/id/%25zz"],
)
def test_odd_paths_are_400_or_404_in_process(client, path):
    response = _clean(client.get(path, headers={"accept": BROWSER}))
    assert response.status_code in {400, 404}


@pytest.mark.parametrize("page", ["9" * 5000, "²", "-1", "0", "1e9", "99999999999999999999"])
def test_odd_page_numbers_are_not_errors(client, page):
    response = _clean(client.get("/id/indicator/internet-users", params={"page": page}))
    assert response.status_code == 200


# -- hostile literals in pages ---------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
TEXTAREA = "</textarea><script>alert(2)</script>"
JS_IRIS = ["javascript:alert(1)", "JavaScript:alert(document.cookie)", "javascript://%0aalert(1)"]


def _no_live_markup(text: str) -> None:
    assert "<script>alert" not in text and "<img src=x" not in text
    assert "</textarea><script" not in text.lower()
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", text, re.I), "javascript: link"


@pytest.fixture(scope="module")
def hostile() -> TestClient:
    """The app over a store whose labels, literals and IRIs attack the pages."""
    store = Store()
    thing = NamedNode(ID_BASE + "indicator/hostile")
    obs = NamedNode(ID_BASE + "obs/hostile/1")
    passage = NamedNode(ID_BASE + "passage/hostile/1")
    policy = NamedNode(ID_BASE + "policy/hostile")
    wide = NamedNode(ID_BASE + "org/中文机构")
    quads = [
        (thing, NamedNode(SKOS + "prefLabel"), Literal(SCRIPT, language="zh")),
        (thing, NamedNode(SKOS + "prefLabel"), Literal(IMG, language="en")),
        (thing, NamedNode(SKOS + "definition"), Literal(TEXTAREA)),
        (thing, NamedNode(SKOS + "inScheme"), NamedNode(ID_BASE + "scheme/indicator")),
        (obs, RDF_TYPE, NamedNode(PREFIXES["qb"] + "Observation")),
        (obs, NamedNode(PREFIXES["cikg"] + "indicator"), thing),
        (obs, NamedNode(PREFIXES["cikg"] + "valueText"), Literal(IMG)),
        (obs, NamedNode(PREFIXES["prov"] + "wasDerivedFrom"), passage),
        (passage, NamedNode(PREFIXES["cikg"] + "text"), Literal(f"达 {IMG} 亿{SCRIPT}")),
        (passage, NamedNode(PREFIXES["prov"] + "wasQuotedFrom"), NamedNode(JS_IRIS[0])),
        (policy, RDF_TYPE, NamedNode(PREFIXES["cikg"] + "Policy")),
        (policy, NamedNode(PREFIXES["dcterms"] + "title"), Literal(TEXTAREA)),
        (policy, NamedNode(PREFIXES["cikg"] + "mentionedIn"), passage),
        (policy, NamedNode(PREFIXES["cikg"] + "relatedIndicator"), thing),
        (policy, NamedNode(PREFIXES["eli"] + "date_document"), Literal(f"2024{SCRIPT}")),
        (wide, RDF_TYPE, NamedNode(PREFIXES["org"] + "Organization")),
        (wide, NamedNode(SKOS + "prefLabel"), Literal("中文机构", language="zh")),
    ]
    for iri in JS_IRIS:
        js = NamedNode(iri)
        quads += [
            (thing, RDF_TYPE, js),  # a type
            (js, NamedNode(SKOS + "related"), thing),  # an incoming link
            (js, RDF_TYPE, NamedNode(PREFIXES["org"] + "Organization")),  # on the home page
            (js, NamedNode(SKOS + "prefLabel"), Literal(f"{SCRIPT} js", language="zh")),
            (js, NamedNode(SKOS + "broader"), thing),
            (policy, NamedNode(PREFIXES["eli"] + "passed_by"), js),
        ]
    for s, p, o in quads:
        store.add(Quad(s, p, o, GRAPH))
    return TestClient(create_app(store, examples=()))


ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ESCAPED_TEXTAREA = "&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;"
ESCAPED_IMG = "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"


@pytest.mark.parametrize(
    ("url", "status", "shown"),
    [
        ("/", 200, [ESCAPED_SCRIPT, ESCAPED_TEXTAREA]),  # the latest policies and issuers
        ("/?lang=en", 200, [ESCAPED_SCRIPT]),
        ("/statistics", 200, []),
        ("/list/organisations", 200, [ESCAPED_SCRIPT]),
        ("/list/indicators?lang=en", 200, [ESCAPED_IMG]),
        ("/list/policies", 200, [ESCAPED_SCRIPT, ESCAPED_TEXTAREA]),
        ("/list/regions", 200, []),
        ("/list/reports", 200, []),
        ("/id/indicator/hostile", 200, [ESCAPED_SCRIPT, ESCAPED_IMG, ESCAPED_TEXTAREA]),
        ("/id/indicator/hostile?lang=en", 200, [ESCAPED_SCRIPT, ESCAPED_IMG]),
        ("/id/obs/hostile/1", 200, [ESCAPED_SCRIPT, ESCAPED_IMG]),
        ("/id/passage/hostile/1", 200, [ESCAPED_SCRIPT, "javascript:alert(1)"]),
        ("/id/policy/hostile", 200, [ESCAPED_SCRIPT, ESCAPED_TEXTAREA, "javascript:alert(1)"]),
        ("/id/org/中文机构", 200, []),
        ("/search?q=script", 200, [ESCAPED_SCRIPT]),
        ("/search?q=js", 200, [ESCAPED_SCRIPT]),
        ("/search?q=" + SCRIPT, 200, [ESCAPED_SCRIPT]),
        ("/search?q=" + TEXTAREA, 200, [ESCAPED_TEXTAREA]),
        ("/id/" + SCRIPT, 400, []),
        ("/id/x" + IMG, 400, []),
        ("/id/indicator/none" + TEXTAREA.replace("<", "").replace(">", ""), 404, []),
    ],
)
def test_every_page_escapes_hostile_data(hostile, url, status, shown):
    response = _clean(hostile.get(url, headers={"accept": BROWSER}))
    assert response.status_code == status
    assert response.headers["content-type"].startswith(("text/html", "text/plain"))
    _no_live_markup(response.text)
    for fragment in shown:
        assert fragment in response.text  # the payload is on the page, escaped


def test_the_query_page_escapes_results_and_the_echoed_query(hostile):
    query = (
        f"# {TEXTAREA}\nSELECT ?label ?js WHERE {{ ?s skos:prefLabel ?label "
        "BIND(IRI('javascript:alert(1)') AS ?js) }"
    )
    page = _clean(hostile.post("/sparql", data={"query": query}, headers={"accept": BROWSER}))
    assert page.status_code == 200 and "<table>" in page.text
    _no_live_markup(page.text)
    assert "&lt;/textarea&gt;&lt;script&gt;" in page.text  # the query, echoed escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text  # a label, escaped
    assert "<td>javascript:alert(1)</td>" in page.text  # shown, not linked
    error = _clean(
        hostile.post(
            "/sparql", data={"query": f"SELECT {TEXTAREA} {IMG}"}, headers={"accept": BROWSER}
        )
    )
    assert error.status_code == 400 and 'class="error"' in error.text
    _no_live_markup(error.text)
    for fmt in ("csv", "tsv", "json", "xml"):
        raw = _clean(hostile.get("/sparql", params={"query": query, "format": fmt}))
        assert raw.status_code == 200 and not raw.headers["content-type"].startswith("text/html")
        assert raw.headers["x-content-type-options"] == "nosniff"


def test_a_resource_with_a_non_ascii_iri_has_an_ascii_link_header(hostile):
    response = _clean(hostile.get("/id/org/中文机构", headers={"accept": BROWSER}))
    assert response.status_code == 200
    link = response.headers["link"]
    assert link.isascii() and "/id/org/%E4%B8%AD%E6%96%87%E6%9C%BA%E6%9E%84.ttl" in link


# -- downloads: data, never markup or formulas ---------------------------------------------------


def test_a_download_of_hostile_data_is_data(hostile):
    for fmt, media in (("csv", "text/csv"), ("json", "application/json")):
        response = _clean(hostile.get(f"/download/indicator/hostile.{fmt}?lang=en"))
        assert response.status_code == 200 and response.headers["content-type"].startswith(media)
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "attachment" in response.headers["content-disposition"]
        assert IMG in response.content.decode("utf-8")  # as it is: a download is no page


FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3+cmd|'!A0"]


def test_spreadsheet_formulas_in_the_data_are_not_run_from_a_csv():
    """A label or quoted text that starts like a formula gets a leading ' in
    the CSV (OWASP "CSV injection"); a negative value stays a number."""
    store = Store()
    indicator = NamedNode(ID_BASE + "indicator/公式")
    obs, area = NamedNode(ID_BASE + "obs/formula/1"), NamedNode(ID_BASE + "region/formula")
    label = NamedNode(SKOS + "prefLabel")
    for s, p, o in [
        (indicator, label, Literal(FORMULAS[0], language="zh")),
        (indicator, NamedNode(SKOS + "inScheme"), NamedNode(ID_BASE + "scheme/indicator")),
        (obs, RDF_TYPE, NamedNode(PREFIXES["qb"] + "Observation")),
        (obs, NamedNode(PREFIXES["cikg"] + "indicator"), indicator),
        (obs, NamedNode(PREFIXES["cikg"] + "valueText"), Literal(FORMULAS[1])),
        (obs, NamedNode(PREFIXES["sdmx-dimension"] + "refArea"), area),
        (area, label, Literal(FORMULAS[2], language="zh")),
        (obs, NamedNode(PREFIXES["sdmx-measure"] + "obsValue"), Literal("-2.5")),
        (obs, NamedNode(PREFIXES["cikg"] + "periodEnd"), Literal(FORMULAS[3])),
    ]:
        store.add(Quad(s, p, o, GRAPH))
    client = TestClient(create_app(store, examples=()))
    response = _clean(client.get("/download/indicator/公式.csv"))
    assert response.status_code == 200
    assert response.headers["content-disposition"].isascii()  # a header is ASCII
    (row,) = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert row["indicator"] == "'" + FORMULAS[0] and row["value as written"] == "'" + FORMULAS[1]
    assert row["area"] == "'" + FORMULAS[2] and row["period end"] == "'" + FORMULAS[3]
    assert row["value"] == "-2.5"


# -- header injection ----------------------------------------------------------------------------

CRLF = "%0d%0aSet-Cookie:%20x=y"


@pytest.mark.parametrize(
    "url",
    [
        f"/sparql?query=ASK%7B%7D&format=csv{CRLF}",
        f"/sparql?query=ASK%7B%7D{CRLF}",
        f"/sparql?query=ASK%7B%7D&output=json{CRLF}",
        f"/sparql?query=ASK%7B%7D&default-graph-uri=x{CRLF}",
        "/sparql?query=ASK%7B%7D&named-graph-uri=relative",
        f"/id/indicator/internet-users{CRLF}",
        f"/id/indicator/internet-users.ttl{CRLF}",
        f"/id/indicator/internet-users?lang=en{CRLF}&page=2{CRLF}",
        f"/search?q=a{CRLF}",
        f"/search?q=a{CRLF}&format=json",
        f"/rdf-graphs?graph=x{CRLF}",
        f"/.well-known/void?format=turtle{CRLF}",
        f"/healthz?{CRLF}",
    ],
)
def test_percent_encoded_crlf_plants_no_header(client, url):
    _clean(client.get(url, headers={"accept": BROWSER}))
    _clean(client.get(url))


@pytest.mark.parametrize(
    "url", [f"/search/?q=a{CRLF}", f"/sparql/?query=ASK%7B%7D{CRLF}", f"/healthz/?{CRLF}"]
)
def test_trailing_slash_redirects_keep_the_query_encoded(client, url):
    response = _clean(client.get(url, follow_redirects=False))
    assert response.status_code == 307
    assert response.headers["location"].endswith(url.split("/?", 1)[1])  # still %0d%0a


def test_raw_crlf_plants_no_header(served):
    port, _ = served
    for target in (
        b"/search?q=a\r\nSet-Cookie: x=y",
        b"/id/indicator/internet-users\r\nSet-Cookie: x=y",
        b"/sparql?query=ASK%7B%7D&format=csv\r\nSet-Cookie: x=y",
        b"/id/indicator/internet-users%0d%0aSet-Cookie:%20x=y",
        b"/sparql?query=ASK%7B%7D&format=csv%0d%0aSet-Cookie:%20x=y",
    ):
        status, headers, body = _raw(
            port, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        assert status in {400, 404, 406}, (target, status)
        assert all(name.lower() != "set-cookie" for name, _ in headers), headers
        assert b"Traceback" not in body
    _still_answers(port)


# -- security headers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/", "/id/indicator/internet-users", "/search?q=网民", "/id/none/such"]
)
def test_pages_forbid_script(client, url):
    response = _clean(client.get(url, headers={"accept": BROWSER}))
    assert response.headers["x-content-type-options"] == "nosniff"
    policy = response.headers["content-security-policy"]
    assert "script-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "<script" not in response.text


def test_the_query_page_allows_its_own_script_only(client):
    page = _clean(client.get("/sparql", headers={"accept": BROWSER}))
    policy = page.headers["content-security-policy"]
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script>(.*?)</script>", page.text, re.S)
    assert len(scripts) == 1 and "onclick" not in page.text
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy


@pytest.mark.parametrize(
    "url",
    [
        "/sparql?query=ASK%7B%7D",
        "/sparql?query=SELECT",
        "/healthz",
        "/.well-known/void",
        "/id/a%00",
    ],
)
def test_data_and_errors_are_not_sniffed(client, url):
    response = _clean(client.get(url))
    assert response.headers["x-content-type-options"] == "nosniff"
    assert not response.headers["content-type"].startswith("text/html")


def test_the_server_survived(served):
    port, process = served
    assert process.poll() is None
    _still_answers(port)
