"""``cikg publish``: send the store's graphs to a remote store that speaks
the SPARQL 1.1 Graph Store HTTP Protocol, each graph replaced whole
(``PUT``), only those that changed since the last publish to that store.

What is sent: every ``graph/report/{slug}``, ``graph/discovered``,
``graph/reference``, ``graph/ontology`` and ``graph/latest`` (derived by the
build, which ``queries/policies-with-metrics-and-sources.rq`` reads) of the
store (DESIGN.md, "Graphs"), in that order, reports by IRI.

What changed is decided by content, not by build id: a graph's **content
hash** is the SHA-256 of its triples in canonical N-Triples, lines sorted
(blank nodes labelled by RDFC-1.0 first, W3C Recommendation 2024, so the
SHACL shapes' blank nodes, new on every build, hash the same when the
shapes do). A report graph's build id (its file's ``cikg:sha256`` and
``cikg:extractorVersion``) does not change when ``cikg build --force``
rebuilds it against new curated data, and ``graph/discovered``,
``graph/reference`` and ``graph/ontology`` carry no build id at all
(reference and ontology are rewritten by every build): the hash catches
exactly the graphs whose triples differ, for the cost of reading them
(about 1 s for the seeds' 94,000 triples).

The record of what was published is kept in the target itself, in
``graph/published`` (``<graph> cikg:contentHash "sha256:…"``), so that it
describes the store it is about: a target that was emptied or restored from
an older dump has a record to match, and two machines publishing to one
target see each other's work. The record is read first and written last,
with a ``PUT`` of its own; it only ever lists a graph with a hash the
target is known to hold, so a publish that stops half-way (or whose record
cannot be written) makes the next one send again what it cannot vouch for,
never skip it.

A failed request stops the publish; the :class:`PublishReport` says which
graphs were replaced, which were left as they were (the target refused, or
they were not tried) and which are unknown (a request sent, no answer).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import (
    BlankNode,
    CanonicalizationAlgorithm,
    Dataset,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    RdfFormat,
    Store,
    Triple,
    parse,
    serialize,
)

from cikg.errors import PublishError
from cikg.graph_store import Credentials, GraphStoreClient, TargetLost, TargetRefused
from cikg.iris import IriMinter
from cikg.store import open_store
from cikg.vocab import CIKG

__all__ = ["GraphContent", "PublishReport", "graph_content", "graphs_to_publish", "publish"]

_RDF_FORMATS = {
    "application/n-triples": RdfFormat.N_TRIPLES,
    "text/plain": RdfFormat.N_TRIPLES,
    "text/turtle": RdfFormat.TURTLE,
    "application/rdf+xml": RdfFormat.RDF_XML,
}


@dataclass(frozen=True)
class GraphContent:
    """One graph as it is sent.

    :param body: canonical N-Triples, UTF-8, lines sorted, each ending in
        a line feed (empty for an empty graph).
    :param digest: ``sha256:`` and the hex SHA-256 of ``body``.
    :param triples: how many triples ``body`` holds.
    """

    body: bytes
    digest: str
    triples: int


@dataclass(frozen=True)
class PublishReport:
    """What a publish did, graph by graph (graph IRIs, in the order tried).

    :param target: the Graph Store endpoint published to.
    :param replaced: graphs sent and accepted (``PUT`` answered 2xx).
    :param unchanged: graphs the target's record shows it holds already.
    :param removed: graphs the record listed that the store no longer has,
        deleted from the target.
    :param not_replaced: graphs left as they were: the target refused them,
        or they were not tried after an earlier failure.
    :param unknown: graphs whose request went out with no answer back: the
        target may hold the old or the new content (the next publish sends
        them again).
    :param error: why the publish stopped, or ``None``.
    :param triples_sent: triples in the replaced graphs.
    :param bytes_sent: bytes of N-Triples in the replaced graphs.
    :param seconds: wall time.
    """

    target: str
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    not_replaced: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    error: str | None = None
    triples_sent: int = 0
    bytes_sent: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether every graph that needed sending was sent."""
        return self.error is None


@dataclass
class _Progress:
    """The lists a publish fills in as it goes."""

    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    not_replaced: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    error: str | None = None
    triples: int = 0
    bytes: int = 0

    last: str = ""

    def note(self, graph: str, outcome: str) -> None:
        """Put ``graph`` in the list ``outcome`` names (``replaced``,
        ``unchanged``, ``removed``, ``not replaced``, ``unknown``)."""
        getattr(self, outcome.replace(" ", "_")).append(graph)
        self.last = outcome


def graphs_to_publish(store: Store, minter: IriMinter) -> list[NamedNode]:
    """The store's graphs that ``cikg publish`` sends, in the order it sends
    them: report graphs by IRI, then ``graph/discovered``, ``graph/reference``,
    ``graph/ontology`` and ``graph/latest`` (those the store has).

    :param store: the built store.
    :param minter: names the graphs (its base is the store's).
    :return: graph names; staging graphs of a crashed build are not among them.
    """
    names = {g.value for g in store.named_graphs() if isinstance(g, NamedNode)}
    reports = sorted(n for n in names if n.startswith(minter.report_graph("").value))
    shared = [
        minter.discovered_graph(),
        minter.reference_graph(),
        minter.ontology_graph(),
        minter.latest_graph(),
    ]
    return [NamedNode(n) for n in reports] + [g for g in shared if g.value in names]


def graph_content(store: Store, graph: NamedNode) -> GraphContent:
    """The graph's triples as sent, and their content hash.

    :param store: the store holding the graph.
    :param graph: the graph's name.
    :return: canonical sorted N-Triples and their hash (see the module's
        docstring for why a content hash).

    >>> from pyoxigraph import Store, Quad, NamedNode, Literal, BlankNode
    >>> g = NamedNode("http://example.org/g")
    >>> s1, s2 = Store(), Store()
    >>> p = NamedNode("http://example.org/p")
    >>> s1.add(Quad(BlankNode("a"), p, Literal("网民"), g))
    >>> s2.add(Quad(BlankNode("b"), p, Literal("网民"), g))
    >>> graph_content(s1, g).digest == graph_content(s2, g).digest
    True
    >>> graph_content(s1, g).body.decode()
    '_:c14n0 <http://example.org/p> "网民" .\\n'
    """
    triples = [
        Triple(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, None, None, graph)
    ]
    if any(isinstance(t.subject, BlankNode) or isinstance(t.object, BlankNode) for t in triples):
        dataset = Dataset(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples)
        dataset.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
        triples = [Triple(q.subject, q.predicate, q.object) for q in dataset]
    text = (serialize(triples, format=RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    lines = sorted(text.splitlines())
    body = "".join(f"{line}\n" for line in lines).encode("utf-8")
    return GraphContent(body, "sha256:" + hashlib.sha256(body).hexdigest(), len(lines))


def _read_record(gsp: GraphStoreClient, record: NamedNode) -> dict[str, str]:
    """The target's record: graph IRI -> the content hash it holds.

    :raises PublishError: if the record cannot be read or parsed.
    """
    answer = gsp.get(record.value)
    if answer is None:
        return {}
    body, media_type = answer
    rdf_format = _RDF_FORMATS.get(media_type)
    if rdf_format is None:
        raise PublishError(
            f"the record graph {record.value} at {gsp.endpoint} came back as {media_type}, "
            "which cikg cannot read"
        )
    try:
        triples = list(parse(body, format=rdf_format))
    except SyntaxError as exc:
        raise PublishError(f"cannot read the record graph {record.value}: {exc}") from exc
    return {
        t.subject.value: t.object.value
        for t in triples
        if t.predicate == CIKG.contentHash and isinstance(t.subject, NamedNode)
    }


def _record_body(record: dict[str, str]) -> bytes:
    """The record graph's N-Triples, one line a graph, sorted."""
    triples = [
        Triple(NamedNode(g), CIKG.contentHash, Literal(h)) for g, h in sorted(record.items())
    ]
    return serialize(triples, format=RdfFormat.N_TRIPLES) or b""


def publish(
    store_dir: Path,
    graph_store: str,
    *,
    credentials: Credentials | None = None,
    minter: IriMinter | None = None,
    timeout_seconds: float = 300.0,
    on_graph: Callable[[str, str], None] | None = None,
) -> PublishReport:
    """Send the store's changed graphs to a Graph Store endpoint.

    :param store_dir: the built store's folder (opened read-only).
    :param graph_store: the target's Graph Store endpoint URL, e.g.
        ``http://127.0.0.1:7878/store`` (Oxigraph server) or
        ``http://127.0.0.1:8890/sparql-graph-crud-auth`` (Virtuoso).
    :param credentials: user and password, or a token, if the target asks.
    :param minter: names the graphs (default base ``https://w3id.org/cikg/``).
    :param timeout_seconds: the longest wait on one request.
    :param on_graph: called after each graph is dealt with, with its IRI and
        what happened: ``replaced``, ``unchanged``, ``removed``,
        ``not replaced`` or ``unknown`` (for progress display).
    :return: what was replaced, unchanged, removed, left or unknown; a
        request that failed stops the publish and is in ``error``.
    :raises StoreError: if the store cannot be opened.
    :raises PublishError: if the target cannot be reached or its record
        read, before anything is sent.
    """
    started = time.perf_counter()
    minter = minter or IriMinter()
    store = open_store(store_dir, read_only=True)
    graphs = graphs_to_publish(store, minter)
    record_graph = minter.published_graph()
    done = _Progress()
    with GraphStoreClient(graph_store, credentials, timeout_seconds=timeout_seconds) as gsp:
        record = _read_record(gsp, record_graph)
        held = dict(record)
        for graph in graphs:
            if done.error is not None:
                done.note(graph.value, "not replaced")
                continue
            content = graph_content(store, graph)
            if record.get(graph.value) == content.digest:
                done.note(graph.value, "unchanged")
            else:
                _send(gsp, graph.value, content, held, done)
            if on_graph is not None:
                on_graph(graph.value, done.last)
        present = {g.value for g in graphs}
        for stale in sorted(set(record) - present):
            if done.error is None:
                _remove(gsp, stale, held, done)
                if on_graph is not None:
                    on_graph(stale, done.last)
        if held != record:
            try:
                gsp.put(record_graph.value, _record_body(held))
            except PublishError as exc:
                done.error = done.error or f"the record graph was not written: {exc}"
    return PublishReport(
        target=graph_store,
        replaced=tuple(done.replaced),
        unchanged=tuple(done.unchanged),
        removed=tuple(done.removed),
        not_replaced=tuple(done.not_replaced),
        unknown=tuple(done.unknown),
        error=done.error,
        triples_sent=done.triples,
        bytes_sent=done.bytes,
        seconds=time.perf_counter() - started,
    )


def _send(
    gsp: GraphStoreClient, graph: str, content: GraphContent, held: dict[str, str], done: _Progress
) -> None:
    """``PUT`` one graph; note the outcome in ``done`` and what the target
    now holds in ``held``."""
    try:
        gsp.put(graph, content.body)
    except TargetRefused as exc:
        done.note(graph, "not replaced")
        done.error = str(exc)
    except TargetLost as exc:
        done.note(graph, "unknown")
        held.pop(graph, None)
        done.error = str(exc)
    else:
        done.note(graph, "replaced")
        held[graph] = content.digest
        done.triples += content.triples
        done.bytes += len(content.body)


def _remove(gsp: GraphStoreClient, graph: str, held: dict[str, str], done: _Progress) -> None:
    """``DELETE`` a graph the store no longer has; note the outcome."""
    try:
        gsp.delete(graph)
    except TargetRefused as exc:
        done.note(graph, "not replaced")
        done.error = str(exc)
    except TargetLost as exc:
        done.note(graph, "unknown")  # still in the record: the next publish deletes it again
        done.error = str(exc)
    else:
        done.note(graph, "removed")
        held.pop(graph, None)
