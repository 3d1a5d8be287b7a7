"""The Oxigraph store on disk: open, replace a graph atomically, query, export.

A document's new graph replaces the old one in one SPARQL update (``DROP``
the graph, ``INSERT DATA`` the new quads, serialised by pyoxigraph once:
:class:`NTriples`), which
Oxigraph applies as one transaction: readers see the old graph or the new
one, never a mix, and a build killed at any point leaves one or the other
whole, with nothing else visible (tests/test_crash.py kills builds to check).
Earlier versions wrote a staging graph first; the next build drops any
such graph a crash left behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pyoxigraph import (
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    serialize,
)

from cikg.errors import QueryError, StoreError
from cikg.iris import IriMinter
from cikg.listings import answer_rows, listing_quads
from cikg.vocab import CIKG, PREFIXES

__all__ = [
    "EXPORT_FORMATS",
    "NTriples",
    "QueryResult",
    "built_hashes",
    "close_and_trim",
    "drop_staging_graphs",
    "export",
    "find_report_by_sha",
    "is_store",
    "open_store",
    "prune_shared_graph",
    "query",
    "refresh_latest",
    "replace_graph",
    "unknown_prefix",
]

QueryResult = QuerySolutions | QueryBoolean | QueryTriples

#: ``cikg export --format`` name -> pyoxigraph format.
EXPORT_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "nquads": RdfFormat.N_QUADS,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
}


def is_store(path: Path) -> bool:
    """Whether ``path`` is a folder holding an Oxigraph (RocksDB) store: it
    has RocksDB's ``CURRENT`` file, which names the live manifest."""
    return (path / "CURRENT").is_file()


def _check_store_path(path: Path) -> None:
    """Refuse a path that cannot hold a store, naming it and what to do.

    :raises StoreError: if ``path`` is a file, or a folder that holds other
        files and no store (a store would be written among them).
    """
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder; choose another --store")
    if path.is_dir() and not is_store(path) and any(path.iterdir()):
        raise StoreError(
            f"{path} is a folder of other files, not a cikg store; choose another --store "
            "or an empty folder"
        )


def open_store(path: Path, *, read_only: bool = False) -> Store:
    """Open the store at ``path``, creating it (and its parent folders) for
    writing when it does not exist.

    :param path: the store's folder.
    :param read_only: open an existing store without taking the write lock
        (for serving and querying while nothing writes).
    :raises StoreError: if ``path`` is a file or a folder of other files, if
        the store is missing (read only), locked by another writer, or
        unreadable.
    """
    _check_store_path(path)
    if read_only and not is_store(path):
        raise StoreError(f"no store at {path}; run 'cikg build' first")
    try:
        if read_only:
            return Store.read_only(str(path))
        # RocksDB creates the last folder of a path only
        path.mkdir(parents=True, exist_ok=True)
        return Store(str(path))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {path}: {exc}") from exc


def close_and_trim(path: Path) -> None:
    """Open the store at ``path`` once more and close it, after the writer
    has closed it: RocksDB then deletes the write-ahead log of the writing
    session, whose data are already in the store's files (after a fresh build
    of the seeds, two thirds of the folder: 48 MB of 48 become 16).

    :raises StoreError: if the store cannot be opened.
    """
    store = open_store(path)
    del store


@dataclass(frozen=True, slots=True)
class NTriples:
    """Triples serialised once, as ``INSERT DATA`` reads them, with the IRIs
    :func:`replace_graph` needs to know of them without parsing them again.

    A build worker makes them (:class:`cikg.reading.DocumentGraph`) and the
    build's process writes them as they are: a string pickles and unpickles
    at memory speed, where quads sent as such are parsed back into Python
    objects and serialised again in the one process that writes: about 5 µs
    a quad, 1.5-3 s of its 18-22 s of CPU on 10 editions of the seeds
    (``benchmarks/jobs.md``).

    :param text: the triples in N-Triples as pyoxigraph writes them, one a
        line (the quads' graph names dropped).
    :param count: how many triples.
    :param subjects: the IRIs that are the subject of one (blank nodes left out).
    :param objects: the IRIs that are the object of one.
    """

    text: str
    count: int
    subjects: frozenset[str]
    objects: frozenset[str]

    @classmethod
    def of(cls, quads: Iterable[Quad]) -> NTriples:
        """The triples of ``quads``, read whole (an error raised while they
        are given leaves nothing made).
        """
        triples = [q.triple for q in quads]
        body = serialize(triples, format=RdfFormat.N_TRIPLES)
        return cls(
            body.decode("utf-8") if body else "",
            len(triples),
            frozenset(t.subject.value for t in triples if isinstance(t.subject, NamedNode)),
            frozenset(t.object.value for t in triples if isinstance(t.object, NamedNode)),
        )


def replace_graph(
    store: Store,
    graph: NamedNode,
    quads: Iterable[Quad] | NTriples,
    *,
    shared: tuple[NamedNode, Iterable[Quad] | NTriples] | None = None,
    stale: NamedNode | None = None,
) -> int:
    """Replace ``graph`` with ``quads`` in one transaction (one SPARQL
    update; a load when the graph is new and nothing else changes).

    :param store: a writable store.
    :param graph: the graph to replace.
    :param quads: the new content, or the same serialised
        (:meth:`NTriples.of`); their graph names are ignored. Read whole
        before anything is written.
    :param shared: ``(graph, quads)`` to add (not replace) to a graph several
        documents share, in the same transaction: the descriptions of
        entities a document discovered, which must stand in one graph only
        (Oxigraph's union default graph repeats a triple once per graph
        holding it). In the same transaction the shared graph is pruned of
        what this replacement leaves unsupported (:func:`_prune_update`):
        the descriptions the old ``graph`` referred to and the new one does
        not, and those the document added that nothing refers to.
    :param stale: a derived graph this replacement makes out of date,
        dropped in the same transaction (``graph/latest``): a build killed
        before it derives it again leaves it missing, never wrong, and the
        next build derives it (:func:`refresh_latest`).
    :return: the number of quads written to ``graph``.
    :raises StoreError: if writing fails (the old graph is then unchanged).
    """
    triples = _serialised(quads)
    steps = [f"DROP SILENT GRAPH <{graph.value}>"]
    if shared is not None:
        target, extra = shared
        added = _serialised(extra)
        candidates = _prune_candidates(store, graph, target, added.subjects)
        candidates.difference_update(triples.objects)  # referred to: kept
    if (
        triples.count
        and stale is None
        and (shared is None or not (added.count or candidates))
        and not store.contains_named_graph(graph)
    ):
        # a new graph and nothing else to change (the reference graph of a new
        # store): a load, one transaction too, parses and writes in half the
        # time of the update's INSERT DATA (0.7 s vs 1.3 s for the reference's
        # 48,565 triples on disk)
        try:
            store.load(triples.text.encode("utf-8"), format=RdfFormat.N_TRIPLES, to_graph=graph)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"cannot write graph {graph.value}: {exc}") from exc
        return triples.count
    if triples.count:
        steps.append(_insert_data(graph, triples))
    if shared is not None:
        if added.count:
            steps.append(_insert_data(target, added))
        if candidates:
            steps.append(_prune_update(target, candidates))
    if stale is not None:
        steps.append(f"DROP SILENT GRAPH <{stale.value}>")
    try:
        store.update(" ;\n".join(steps))  # one request: one transaction
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"cannot write graph {graph.value}: {exc}") from exc
    return triples.count


def _serialised(quads: Iterable[Quad] | NTriples) -> NTriples:
    """``quads`` as :class:`NTriples`, serialised now unless they are."""
    return quads if isinstance(quads, NTriples) else NTriples.of(quads)


def _prune_candidates(
    store: Store, graph: NamedNode, shared: NamedNode, added: Iterable[str]
) -> set[str]:
    """The entities described in ``shared`` whose description replacing
    ``graph`` may leave unsupported (see :func:`prune_shared_graph` for what
    supports one): those the old ``graph`` refers to, those their
    descriptions in ``shared`` refer to (a policy's issuer), and those
    ``added`` (the subjects of what the document adds to ``shared``).
    Read before the replacement: the old graph is still there.

    :return: IRIs (``shared`` describes no blank node).
    """
    g, d = f"<{graph.value}>", f"<{shared.value}>"
    found = store.query(
        f"""SELECT DISTINCT ?c WHERE {{
              {{ GRAPH {g} {{ ?x ?p ?c }} GRAPH {d} {{ ?c ?q ?v }} }}
              UNION
              {{ GRAPH {g} {{ ?x ?p ?y }} GRAPH {d} {{ ?y ?q ?c . ?c ?r ?w }} }} }}"""
    )
    assert isinstance(found, QuerySolutions)
    candidates = {c.value for row in found if isinstance(c := row["c"], NamedNode)}
    candidates.update(added)
    return candidates


def _prune_update(shared: NamedNode, candidates: set[str]) -> str:
    """A SPARQL update dropping from ``shared`` the descriptions of
    ``candidates`` (IRIs) that :func:`prune_shared_graph` would drop: the
    same rule, over these entities only (index look-ups, not a pass over the
    whole graph), evaluated after the steps before it in the same request.
    """
    g = f"<{shared.value}>"
    values = " ".join(f"<{c}>" for c in sorted(candidates))
    return f"""DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }}
               WHERE {{ VALUES ?s {{ {values} }}
                        GRAPH {g} {{ ?s ?p ?o }}
                        {_UNSUPPORTED.format(g=g)} }}"""


#: What leaves the description of ``?s`` in the shared graph ``{g}``
#: unsupported: no other graph refers to ``?s``, and no entity the shared
#: graph says refers to it is referred to by another graph.
_UNSUPPORTED = """FILTER NOT EXISTS {{ GRAPH ?g {{ ?x ?q ?s }} FILTER(?g != {g}) }}
                        FILTER NOT EXISTS {{ GRAPH {g} {{ ?y ?r ?s }}
                                             GRAPH ?h {{ ?z ?t ?y }} FILTER(?h != {g}) }}"""


def _insert_data(graph: NamedNode, triples: NTriples) -> str:
    """``INSERT DATA`` of ``triples`` into ``graph``: N-Triples, which SPARQL
    reads as they are."""
    return f"INSERT DATA {{ GRAPH <{graph.value}> {{\n{triples.text}}} }}"


def prune_shared_graph(store: Store, shared: NamedNode) -> None:
    """Drop descriptions in ``shared`` of entities no other graph refers to
    any more (a document that minted them was rebuilt without them), nor
    the description of one that another graph refers to: a policy's issuer
    is named only by the policy's description (``eli:passed_by``), and
    stays while the policy does.

    One update over the whole of ``shared``: its memory grows with the
    store. A build prunes per document instead (:func:`replace_graph`),
    which leaves nothing for this to drop (tests/test_prune.py checks).

    :raises StoreError: if the update fails.
    """
    g = f"<{shared.value}>"
    try:
        store.update(
            f"""DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }}
                WHERE {{ GRAPH {g} {{ ?s ?p ?o }}
                         {_UNSUPPORTED.format(g=g)} }}"""
        )
    except OSError as exc:
        raise StoreError(f"cannot prune {shared.value}: {exc}") from exc


def refresh_latest(store: Store, minter: IriMinter) -> int:
    """Derive ``graph/latest`` again from the store, in two parts:

    - for each indicator observed in ``region/CN``, ``?indicator
      cikg:latestNationalObservation ?obs`` for each of its observations there
      whose ``cikg:periodEnd`` is the latest (several when reports disagree,
      or give several values, for that period);
    - the answer of ``queries/policies-with-metrics-and-sources.rq``, which
      reads those, listed (:mod:`cikg.listings`), so the query need not join
      and group it.

    The first part is written to ``graph/staging/latest`` (``graph/latest``
    dropped in the same transaction), the listings are computed from it, and
    one more transaction moves it to ``graph/latest`` with the listings: a
    build killed in between leaves ``graph/latest`` missing, never half
    derived, and the next build drops the staging graph and derives it. What
    it derives from is the observations and policies in the other graphs, so
    a build calls it after writing its documents, when one was written or
    the graph is missing (:func:`replace_graph`'s ``stale``).

    On the seeds' 5 reports (1,189 national observations, 131 rows listed)
    this takes 0.1-0.2 s, at 100 editions of them (118,799 national
    observations, 7,358 rows) about 3 s (``benchmarks/README.md``): it reads
    every national observation and every policy related to an indicator, so
    it grows with them.

    :param store: a writable store.
    :param minter: names the graphs, the area (``region/CN``) and the
        listings.
    :return: the number of triples in ``graph/latest``.
    :raises StoreError: if an update fails (``graph/latest`` is then missing).
    """
    latest, staging = minter.latest_graph(), minter.staging_graph("latest")
    g, s, a = f"<{latest.value}>", f"<{staging.value}>", f"<{minter.region('CN').value}>"
    try:
        store.update(
            f"""PREFIX cikg: <{CIKG.base}>
                PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
                DROP SILENT GRAPH {g} ;
                DROP SILENT GRAPH {s} ;
                INSERT {{ GRAPH {s} {{ ?indicator cikg:latestNationalObservation ?obs }} }}
                WHERE {{
                  {{ SELECT ?indicator (MAX(?end) AS ?latest)
                     WHERE {_national("?any", "?o", "?end", a)}
                     GROUP BY ?indicator }}
                  {_national("?in", "?obs", "?latest", a)}
                }}"""
        )
        listed = NTriples.of(listing_quads(answer_rows(store), minter, latest))
        # MOVE drops the target even when the staging graph is empty: CREATE
        # after it, so a store with nothing to derive still has the graph
        steps = [f"MOVE SILENT GRAPH {s} TO GRAPH {g}", f"CREATE SILENT GRAPH {g}"]
        if listed.count:
            steps.append(_insert_data(latest, listed))
        store.update(" ;\n".join(steps))  # one request: one transaction
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"cannot derive {latest.value}: {exc}") from exc
    return sum(1 for _ in store.quads_for_pattern(None, None, None, latest))


def _national(graph: str, obs: str, end: str, area: str) -> str:
    """A group pattern binding ``?indicator``, ``obs`` and ``end`` for each
    observation of an indicator in ``area``, its three triples in one graph
    (``graph``). Each triple pattern is a subquery of its own, so Oxigraph
    reads each property once and joins by hashing rather than looking each
    observation's values up one at a time: at 100 editions of the seeds
    (118,799 national observations) 1.1-1.3 s against 4.9 s."""
    parts = (f"sdmx-dimension:refArea {area}", "cikg:indicator ?indicator", f"cikg:periodEnd {end}")
    joined = "\n".join(
        f"{{ SELECT * WHERE {{ GRAPH {graph} {{ {obs} {part} }} }} }}" for part in parts
    )
    return f"{{ SELECT {graph} {obs} ?indicator {end} WHERE {{\n{joined}\n}} }}"


def drop_staging_graphs(store: Store, minter: IriMinter) -> int:
    """Drop staging graphs a crashed build left behind; return how many."""
    prefix = minter.staging_graph("").value
    stale = [g for g in store.named_graphs() if g.value.startswith(prefix)]
    for g in stale:
        store.remove_graph(g)
    return len(stale)


def find_report_by_sha(store: Store, sha256: str, version: str) -> str | None:
    """The graph of a report built from a file with this hash by this cikg
    version, or ``None``: such a file need not be built again."""
    for quad in store.quads_for_pattern(None, CIKG.sha256, Literal(sha256), None):
        if _built_by(store, quad, version) and isinstance(quad.graph_name, NamedNode):
            return quad.graph_name.value
    return None


def built_hashes(store: Store, version: str) -> frozenset[str]:
    """The hashes of every file a report in the store was built from by this
    cikg version (:func:`find_report_by_sha` for all at once).

    :param store: the store.
    :param version: the cikg version.
    :return: hex SHA-256 digests.
    """
    return frozenset(
        quad.object.value
        for quad in store.quads_for_pattern(None, CIKG.sha256, None, None)
        if _built_by(store, quad, version) and isinstance(quad.graph_name, NamedNode)
    )


def _built_by(store: Store, sha_quad: Quad, version: str) -> bool:
    """Whether the report ``sha_quad`` gives the hash of was built by this
    cikg version (its graph says so)."""
    versions = store.quads_for_pattern(
        sha_quad.subject, CIKG.extractorVersion, Literal(version), sha_quad.graph_name
    )
    return next(versions, None) is not None


def query(store: Store, sparql: str) -> QueryResult:
    """Evaluate a SPARQL query over the union of all graphs.

    The usual prefixes (``cikg:``, ``qb:``, ``skos:`` …, see
    :data:`cikg.vocab.PREFIXES`) are predeclared.

    :raises QueryError: with the parser's message if the query is malformed;
        for a prefix neither declared nor predeclared, one line naming it
        and the predeclared ones.
    """
    try:
        return store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
    except SyntaxError as exc:
        prefix = unknown_prefix(sparql, str(exc))
        if prefix is not None:
            raise QueryError(
                f"unknown prefix {prefix}: in the query; declare it (PREFIX {prefix}: <…>) "
                f"or use one that is predeclared: {', '.join(sorted(PREFIXES))}"
            ) from exc
        raise QueryError(str(exc)) from exc
    except OSError as exc:
        raise StoreError(f"query failed: {exc}") from exc


_ERROR_AT_RE = re.compile(r"^error at (\d+):(\d+): .*Prefix not found")
_PREFIXED_NAME_END_RE = re.compile(r"(?<![\w<\"'])([A-Za-z][\w.-]*)?:[\w.%-]*$")


def unknown_prefix(sparql: str, message: str) -> str | None:
    """The prefix a parser error of pyoxigraph is about, or ``None`` when the
    error is not an unknown prefix. pyoxigraph says ``error at LINE:COL:
    expected one of … Prefix not found …`` with COL (1-based, in characters)
    just after the prefixed name.

    >>> unknown_prefix("SELECT * { ?s foo:bar ?o }", "error at 1:22: expected one of "
    ...                "Prefix not found, ['%']")
    'foo'
    """
    m = _ERROR_AT_RE.match(message)
    if m is None:
        return None
    lines = sparql.splitlines()
    line, col = int(m[1]), int(m[2])
    if not 1 <= line <= len(lines):
        return None
    name = _PREFIXED_NAME_END_RE.search(lines[line - 1][: col - 1])
    return None if name is None else name[1] or ""


def export(store: Store, output: IO[bytes], fmt: str, graph: NamedNode | None = None) -> None:
    """Serialise the store (or one graph) to ``output``.

    Triple formats (turtle, ntriples) need one graph or write the union of
    all graphs; quad formats (trig, nquads) keep graph names. JSON-LD writes
    the union as triples.

    :param fmt: a key of :data:`EXPORT_FORMATS`.
    :raises StoreError: on an unknown format.
    """
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
    rdf_format = EXPORT_FORMATS[fmt]
    prefixes = PREFIXES
    if graph is not None:
        store.dump(output, rdf_format, from_graph=graph, prefixes=prefixes)
    elif rdf_format.supports_datasets:
        store.dump(output, rdf_format, prefixes=prefixes)
    else:
        union = Store()
        union.extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in store)
        union.dump(output, rdf_format, from_graph=DefaultGraph(), prefixes=prefixes)
