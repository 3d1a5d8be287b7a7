"""What the endpoint says about itself: a SPARQL 1.1 Service Description
(https://www.w3.org/TR/sparql11-service-description/) and a VoID
description (https://www.w3.org/TR/void/) of the dataset, built from the
store's own counts."""

from __future__ import annotations

from pyoxigraph import BlankNode, Literal, NamedNode, Triple, serialize

from cikg.serve.engine import Engine
from cikg.serve.pages import ID_BASE
from cikg.serve.results import RDF_FORMATS
from cikg.vocab import DCTERMS, RDF, XSD, Namespace

__all__ = ["service_description", "void_description"]

SD = Namespace("sd", "http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("void", "http://rdfs.org/ns/void#")
FORMATS = Namespace("formats", "http://www.w3.org/ns/formats/")
_RESULT_FORMATS = (
    "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
    "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads",
)  # fmt: skip
_LICENCE = NamedNode("https://creativecommons.org/licenses/by/4.0/")


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.integer)


def _graph_sizes(store: Engine) -> list[tuple[NamedNode, int]]:
    rows = store.query(  # the union option names the served graphs on a remote engine
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
        use_default_graph_as_union=True,
    )
    return [(row["g"], int(row["n"].value)) for row in rows]  # type: ignore[union-attr]


def service_description(store: Engine, endpoint: str, fmt: str) -> bytes:
    """The service description of the endpoint at ``endpoint``, in ``fmt``
    (a :data:`~cikg.serve.negotiation.GRAPH_FORMATS` name)."""
    service = NamedNode(endpoint.split("?")[0])
    dataset, default = BlankNode(), BlankNode()
    triples = [
        Triple(service, RDF.type, SD.Service),
        Triple(service, SD.endpoint, service),
        Triple(service, SD.supportedLanguage, SD.SPARQL11Query),
        Triple(service, SD.feature, SD.UnionDefaultGraph),
        Triple(service, SD.defaultDataset, dataset),
        Triple(dataset, RDF.type, SD.Dataset),
        Triple(dataset, SD.defaultGraph, default),
        Triple(default, RDF.type, SD.Graph),
        Triple(default, VOID.triples, _int(len(store))),
    ]
    triples += [Triple(service, SD.resultFormat, FORMATS[name]) for name in _RESULT_FORMATS]
    for graph, size in _graph_sizes(store):
        named, description = BlankNode(), BlankNode()
        triples += [
            Triple(dataset, SD.namedGraph, named),
            Triple(named, RDF.type, SD.NamedGraph),
            Triple(named, SD.name, graph),
            Triple(named, SD.graph, description),
            Triple(description, RDF.type, SD.Graph),
            Triple(description, VOID.triples, _int(size)),
        ]
    return _serialise(triples, fmt)


def _serialise(triples: list[Triple], fmt: str) -> bytes:
    prefixes = {ns.prefix: ns.base for ns in (SD, VOID, FORMATS)} | {
        "dcterms": DCTERMS.base,
        "xsd": XSD.base,
    }
    rdf_format = RDF_FORMATS[fmt]
    if rdf_format.supports_datasets or fmt in {"ntriples", "jsonld"}:
        return serialize(triples, format=rdf_format) or b""
    return serialize(triples, format=rdf_format, prefixes=prefixes) or b""


def void_description(store: Engine, base: str, fmt: str) -> bytes:
    """The VoID description of the whole dataset served at ``base``: its
    size, class and property partitions, one subset per named graph, example
    resources, licence and the reports it is drawn from."""
    dataset = NamedNode(f"{base.rstrip('/')}/.well-known/void#dataset")
    triples = [
        Triple(dataset, RDF.type, VOID.Dataset),
        Triple(
            dataset, DCTERMS.title, Literal("cikg: China internet knowledge graph", language="en")
        ),
        Triple(dataset, DCTERMS.title, Literal("中国互联网发展知识图谱", language="zh")),
        Triple(dataset, DCTERMS.license, _LICENCE),
        Triple(dataset, VOID.sparqlEndpoint, NamedNode(f"{base.rstrip('/')}/sparql")),
        Triple(dataset, VOID.triples, _int(len(store))),
        Triple(dataset, VOID.uriSpace, Literal(ID_BASE)),
    ]
    partitions = (
        ("SELECT ?x (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?x } GROUP BY ?x ORDER BY ?x",
         VOID.classPartition, VOID["class"], VOID.entities),
        ("SELECT ?x (COUNT(*) AS ?n) WHERE { ?s ?x ?o } GROUP BY ?x ORDER BY ?x",
         VOID.propertyPartition, VOID.property, VOID.triples),
    )  # fmt: skip
    for sparql, link, key, count in partitions:
        for row in store.query(sparql, use_default_graph_as_union=True):  # type: ignore[union-attr]
            part = BlankNode()
            triples += [
                Triple(dataset, link, part),
                Triple(part, key, row["x"]),
                Triple(part, count, _int(int(row["n"].value))),
            ]
    for graph, size in _graph_sizes(store):
        triples += [
            Triple(dataset, VOID.subset, graph),
            Triple(graph, RDF.type, VOID.Dataset),
            Triple(graph, VOID.triples, _int(size)),
        ]
    reports = store.query(
        "SELECT ?r WHERE { ?r a <https://w3id.org/cikg/def#Report> } ORDER BY ?r",
        use_default_graph_as_union=True,
    )
    for row in reports:  # type: ignore[union-attr]
        triples += [
            Triple(dataset, DCTERMS.source, row["r"]),
            Triple(dataset, VOID.exampleResource, row["r"]),
        ]
    return _serialise(triples, fmt)
