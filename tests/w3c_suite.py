"""The W3C SPARQL 1.1 test suite, vendored in tests/data/w3c/: its manifests
read into plain records, and the comparisons its tests call for.

- :func:`read_manifest`: the entries of one directory's ``manifest.ttl``
  (test-manifest vocabulary, https://w3c.github.io/rdf-tests/sparql/), as
  :class:`EvalTest` (query evaluation, CSV result format and negative
  syntax tests) or :class:`ProtocolTest` (the Protocol suite's HTTP
  requests and expected responses).
- :func:`read_results`: an expected result file (SPARQL XML ``.srx``, JSON
  ``.srj``, TSV, or the RDF result-set vocabulary in ``.ttl``/``.rdf``) as a
  :class:`ResultSet` or a boolean.
- :func:`same_results`: result-set equivalence as the suite means it: the
  same variables and the same multiset of solutions, up to a one-to-one
  renaming of blank nodes, in the same order only when the query orders
  them; language tags compare case-insensitively (RDF 1.1 Concepts §3.3),
  and typed literals in the canonical form Oxigraph stores them in, as
  Oxigraph's own harness does (see :func:`_canonical_literal`).
- :func:`same_graphs`: RDF graph isomorphism (RDF 1.1 Concepts §3.6), by
  canonicalising both graphs' blank nodes.
- :func:`same_csv`: CSV results compared cell by cell (the format is lossy,
  SPARQL 1.1 Query Results CSV and TSV Formats §2), columns by their
  header's name (the order of ``SELECT *``'s variables is the engine's),
  ``_:`` cells as blank nodes.

The suite's IRIs are those of its published copy (:data:`SUITE_BASE`);
:func:`local_path` maps one to its file here.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import (
    BlankNode,
    CanonicalizationAlgorithm,
    Dataset,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    RdfFormat,
    Store,
    parse,
    parse_query_results,
)

__all__ = [
    "DATA",
    "SUITE_BASE",
    "EvalTest",
    "ProtocolRequest",
    "ProtocolTest",
    "ResultSet",
    "local_path",
    "rdf_format",
    "read_manifest",
    "read_results",
    "same_csv",
    "same_graphs",
    "same_results",
]

DATA = Path(__file__).resolve().parent / "data" / "w3c"
#: Where the suite is published; its manifests' relative IRIs resolve here.
SUITE_BASE = "https://w3c.github.io/rdf-tests/sparql/sparql11/"

_MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
_QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
_UT = "http://www.w3.org/2009/sparql/tests/test-update#"
_HT = "http://www.w3.org/2011/http#"
_CNT = "http://www.w3.org/2011/content#"
_RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"

#: A term as compared: ("iri", value), ("bnode", label) or
#: ("literal", value, datatype, language in lower case).
Term = tuple[str, ...]
Row = dict[str, Term]


@dataclass(frozen=True)
class EvalTest:
    """One query test of a manifest.

    :param id: ``directory/name``, e.g. ``aggregates/agg01``.
    :param kind: the test type's local name (``QueryEvaluationTest``,
        ``CSVResultFormatTest`` or ``NegativeSyntaxTest``).
    :param query: the query file's IRI.
    :param data: IRIs of the files merged into the default graph.
    :param graph_data: IRIs of the files that are named graphs (each named
        by its own IRI).
    :param result: the expected result file's IRI (none for syntax tests).
    """

    id: str
    kind: str
    query: str
    data: tuple[str, ...] = ()
    graph_data: tuple[str, ...] = ()
    result: str | None = None


@dataclass(frozen=True)
class ProtocolRequest:
    """One HTTP request of a protocol test and what its response must be.

    :param method: ``GET``, ``POST``, ``PUT`` …
    :param path: the path and query string, starting ``/sparql/``.
    :param headers: request headers, as the manifest gives them.
    :param body: the body's bytes, in the manifest's character encoding.
    :param statuses: the acceptable status classes, e.g. ``("2xx", "3xx")``.
    :param boolean: the expected ASK answer, if any.
    :param format: ``boolean``, ``tabular`` or ``RDF``, if given.
    """

    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None
    statuses: tuple[str, ...]
    boolean: bool | None
    format: str | None


@dataclass(frozen=True)
class ProtocolTest:
    """One test of the Protocol manifest: requests run in order.

    :param id: ``protocol/name``.
    :param graphs: ``(file IRI, graph name)`` of the data it expects loaded.
    :param requests: the requests.
    """

    id: str
    graphs: tuple[tuple[str, str], ...]
    requests: tuple[ProtocolRequest, ...]


@dataclass
class ResultSet:
    """Solutions of a SELECT query.

    :param variables: the projected variables' names.
    :param rows: the solutions, unbound variables absent.
    """

    variables: list[str]
    rows: list[Row] = field(default_factory=list)


def local_path(iri: str) -> Path:
    """The vendored file of a suite IRI.

    :raises ValueError: if the IRI is not under :data:`SUITE_BASE`.
    """
    if not iri.startswith(SUITE_BASE):
        raise ValueError(f"{iri} is not a file of the vendored suite")
    return DATA / iri[len(SUITE_BASE) :]


def rdf_format(path: str) -> RdfFormat:
    """The RDF syntax of a data file, by its extension (``.ttl``, ``.nt``, ``.rdf``)."""
    return {"ttl": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "rdf": RdfFormat.RDF_XML}[
        path.rsplit(".", 1)[-1]
    ]


def _one(store: Store, subject, predicate: str):
    return next(iter(_all(store, subject, predicate)), None)


def _all(store: Store, subject, predicate: str) -> list:
    return [q.object for q in store.quads_for_pattern(subject, NamedNode(predicate), None, None)]


def _list(store: Store, head) -> list:
    """The members of an RDF collection, in order."""
    items = []
    while head is not None and head != NamedNode(_RDF + "nil"):
        items.append(_one(store, head, _RDF + "first"))
        head = _one(store, head, _RDF + "rest")
    return items


def _headers(store: Store, request) -> tuple[tuple[str, str], ...]:
    return tuple(
        (_one(store, h, _HT + "fieldName").value, _one(store, h, _HT + "fieldValue").value)
        for h in _list(store, _one(store, request, _HT + "headers"))
    )


def _protocol_request(store: Store, request) -> ProtocolRequest:
    body_node = _one(store, request, _HT + "body")
    body = None
    if body_node is not None:
        encoding = _one(store, body_node, _CNT + "characterEncoding")
        chars = _one(store, body_node, _CNT + "chars").value
        body = chars.encode(encoding.value if encoding else "utf-8")
    response = _one(store, request, _HT + "resp")
    boolean = _one(store, response, _MF + "expectedBoolean")
    fmt = _one(store, response, _MF + "expectedFormat")
    return ProtocolRequest(
        method=_one(store, request, _HT + "methodName").value,
        path=_one(store, request, _HT + "absolutePath").value,
        headers=_headers(store, request),
        body=body,
        statuses=tuple(
            sorted(
                s.value.rsplit("StatusCode", 1)[-1]
                for s in _all(store, response, _MF + "expectedStatus")
            )
        ),
        boolean=None if boolean is None else boolean.value == "true",
        format=None if fmt is None else fmt.value,
    )


def read_manifest(directory: str) -> list[EvalTest | ProtocolTest]:
    """The tests of ``tests/data/w3c/{directory}/manifest.ttl``, in manifest order.

    :param directory: e.g. ``aggregates`` or ``protocol``.
    :return: one record per entry.
    :raises OSError: if the manifest is missing.
    :raises SyntaxError: if it is not Turtle.
    """
    base = f"{SUITE_BASE}{directory}/manifest.ttl"
    store = Store()
    store.load(path=DATA / directory / "manifest.ttl", format=RdfFormat.TURTLE, base_iri=base)
    tests: list[EvalTest | ProtocolTest] = []
    for entry in _list(store, _one(store, NamedNode(base), _MF + "entries")):
        test_id = f"{directory}/{entry.value.rsplit('#', 1)[-1]}"
        kind = _one(store, entry, _RDF + "type").value.rsplit("#", 1)[-1]
        action = _one(store, entry, _MF + "action")
        if kind == "ProtocolTest":
            graphs = tuple(
                (_one(store, g, _UT + "graph").value, _one(store, g, _RDFS + "label").value)
                for g in _all(store, entry, _UT + "graphData")
            )
            requests = _list(store, _one(store, action, _HT + "requests"))
            tests.append(
                ProtocolTest(test_id, graphs, tuple(_protocol_request(store, r) for r in requests))
            )
        elif isinstance(action, NamedNode):  # a syntax test names the query itself
            tests.append(EvalTest(test_id, kind, action.value))
        else:
            result = _one(store, entry, _MF + "result")
            tests.append(
                EvalTest(
                    test_id,
                    kind,
                    _one(store, action, _QT + "query").value,
                    tuple(sorted(d.value for d in _all(store, action, _QT + "data"))),
                    tuple(sorted(d.value for d in _all(store, action, _QT + "graphData"))),
                    None if result is None else result.value,
                )
            )
    return tests


_S = NamedNode("urn:x-cikg-test:s")


def _canonical_literal(term: Literal) -> Literal:
    """The literal in the lexical form Oxigraph stores it in (``"1.0"`` and
    ``"01"`` of ``xsd:decimal`` read back as ``"1"``), as Oxigraph's own W3C
    harness compares them (testsuite/src/sparql_evaluator.rs, "normalize
    literals"): the suite's files write computed numbers in one canonical
    form, an engine may write another of the same value. A literal whose
    datatype the round trip changes (pyoxigraph stores
    ``"-3"^^xsd:negativeInteger`` as an ``xsd:integer``) is kept as written,
    so such a change is still a difference."""
    store = Store()
    store.add(Quad(_S, _S, term))
    stored = next(iter(store)).object
    return stored if stored.datatype == term.datatype else term


def _term(term) -> Term:
    if isinstance(term, NamedNode):
        return ("iri", term.value)
    if isinstance(term, BlankNode):
        return ("bnode", term.value)
    if isinstance(term, Literal):
        if not term.language:
            term = _canonical_literal(term)
        return ("literal", term.value, term.datatype.value, (term.language or "").lower())
    raise ValueError(f"unexpected term {term!r}")


def parse_results(body: bytes, fmt: QueryResultsFormat) -> ResultSet | bool:
    """A SPARQL results document (XML, JSON or TSV) as a :class:`ResultSet`
    or, for an ASK result, a boolean.

    :raises SyntaxError: if the document does not parse.
    """
    parsed = parse_query_results(io.BytesIO(body), format=fmt)
    if isinstance(parsed, QueryBoolean):
        return bool(parsed)
    names = [v.value for v in parsed.variables]
    rows = []
    for solution in parsed:
        rows.append({n: _term(solution[n]) for n in names if solution[n] is not None})
    return ResultSet(names, rows)


def _rdf_results(path: Path, iri: str) -> ResultSet | bool:
    """A result set written in the RDF result-set vocabulary (``rs:``)."""
    store = Store()
    store.load(path=path, format=rdf_format(str(path)), base_iri=iri)
    result_set = next(
        q.subject
        for q in store.quads_for_pattern(
            None, NamedNode(_RDF + "type"), NamedNode(_RS + "ResultSet"), None
        )
    )
    boolean = _one(store, result_set, _RS + "boolean")
    if boolean is not None:
        return boolean.value == "true"
    names = [v.value for v in _all(store, result_set, _RS + "resultVariable")]
    indexed = []
    for solution in _all(store, result_set, _RS + "solution"):
        row = {
            _one(store, b, _RS + "variable").value: _term(_one(store, b, _RS + "value"))
            for b in _all(store, solution, _RS + "binding")
        }
        index = _one(store, solution, _RS + "index")
        indexed.append((int(index.value) if index is not None else 0, row))
    indexed.sort(key=lambda pair: pair[0])
    return ResultSet(names, [row for _, row in indexed])


def read_results(iri: str) -> ResultSet | bool:
    """The expected result of a SELECT or ASK test, from its file.

    :param iri: the result file's suite IRI (``.srx``, ``.srj``, ``.tsv``,
        ``.ttl`` or ``.rdf``).
    :raises SyntaxError: if the file does not parse.
    """
    path = local_path(iri)
    formats = {
        "srx": QueryResultsFormat.XML,
        "srj": QueryResultsFormat.JSON,
        "tsv": QueryResultsFormat.TSV,
    }
    ext = path.suffix[1:]
    if ext in formats:
        return parse_results(path.read_bytes(), formats[ext])
    return _rdf_results(path, iri)


def _match(
    expected: Sequence[Row], actual: Sequence[Row], mapping: dict[str, str], ordered: bool
) -> bool:
    """Whether the rows match one to one under a blank-node bijection that
    extends ``mapping`` (expected label → actual label); backtracking."""
    if not expected:
        return True
    first, rest = expected[0], expected[1:]
    candidates = [0] if ordered else range(len(actual))
    for i in candidates:
        extended = _extend(first, actual[i], mapping)
        if extended is not None and _match(
            rest, [*actual[:i], *actual[i + 1 :]], extended, ordered
        ):
            return True
    return False


def _extend(expected: Row, actual: Row, mapping: dict[str, str]) -> dict[str, str] | None:
    """``mapping`` extended so that ``expected`` becomes ``actual``, or ``None``."""
    if expected.keys() != actual.keys():
        return None
    out = dict(mapping)
    used = set(out.values())
    for name, term in expected.items():
        other = actual[name]
        if term[0] == "bnode" and other[0] == "bnode":
            if term[1] in out:
                if out[term[1]] != other[1]:
                    return None
            elif other[1] in used:
                return None
            else:
                out[term[1]] = other[1]
                used.add(other[1])
        elif term != other:
            return None
    return out


def _has_bnode(row: Row) -> bool:
    return any(term[0] == "bnode" for term in row.values())


def _frozen(row: Row) -> frozenset:
    return frozenset(row.items())


def same_results(expected: ResultSet | bool, actual: ResultSet | bool, ordered: bool) -> bool:
    """Whether two results are equivalent (see the module docstring).

    :param expected: the suite's result.
    :param actual: the endpoint's.
    :param ordered: compare the solutions' order too (the query has ``ORDER BY``).
    """
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    if set(expected.variables) != set(actual.variables):
        return False
    if len(expected.rows) != len(actual.rows):
        return False
    if ordered:
        return _match(expected.rows, actual.rows, {}, ordered=True)
    plain_expected = Counter(_frozen(r) for r in expected.rows if not _has_bnode(r))
    plain_actual = Counter(_frozen(r) for r in actual.rows if not _has_bnode(r))
    if plain_expected != plain_actual:
        return False
    return _match(
        [r for r in expected.rows if _has_bnode(r)],
        [r for r in actual.rows if _has_bnode(r)],
        {},
        ordered=False,
    )


def _canonical(triples: Iterable) -> Dataset:
    dataset = Dataset(Quad(t.subject, t.predicate, t.object) for t in triples)
    dataset.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    return dataset


def same_graphs(expected: Iterable, actual: Iterable) -> bool:
    """Whether two sets of triples are isomorphic graphs."""
    return _canonical(expected) == _canonical(actual)


def same_csv(expected: str, actual: str) -> bool:
    """Whether two SPARQL CSV results hold the same columns and rows (rows
    and columns in any order), ``_:label`` cells matched as blank nodes one
    to one."""

    def rows(text: str) -> tuple[list[str], list[Row]]:
        header, *body = list(csv.reader(io.StringIO(text)))
        return header, [
            {
                name: ("bnode", cell[2:]) if cell.startswith("_:") else ("literal", cell)
                for name, cell in zip(header, line, strict=True)
            }
            for line in body
        ]

    expected_header, expected_rows = rows(expected)
    actual_header, actual_rows = rows(actual)
    return same_results(
        ResultSet(expected_header, expected_rows),
        ResultSet(actual_header, actual_rows),
        ordered=False,
    )


def load_graph(iri: str):
    """The triples of a suite data or result file (Turtle, N-Triples, RDF/XML)."""
    path = local_path(iri)
    return list(parse(path=path, format=rdf_format(str(path)), base_iri=iri))
