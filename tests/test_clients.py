"""Real SPARQL clients against `cikg serve`'s application on a loopback
port: SPARQLWrapper (JSON, XML, CSV, CONSTRUCT to Turtle and JSON-LD) and
rdflib's SPARQLStore; SERVICE to a loopback port makes no connection."""

from __future__ import annotations

import socket

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, TURTLE, XML, SPARQLWrapper

from cikg.serve import create_app
from cikg.serve.background import serving
from cikg.store import open_store

PREFIX = "PREFIX cikg: <https://w3id.org/cikg/def#> PREFIX dcterms: <http://purl.org/dc/terms/> "
SELECT = PREFIX + "SELECT ?t WHERE { ?r a cikg:Report ; dcterms:title ?t }"
CONSTRUCT = (
    PREFIX + "CONSTRUCT { ?r dcterms:title ?t } WHERE { ?r a cikg:Report ; dcterms:title ?t }"
)


@pytest.fixture(scope="module")
def endpoint(built_store):
    with serving(create_app(open_store(built_store[0], read_only=True))) as url:
        yield f"{url}/sparql"


def _wrapper(url: str, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def test_sparqlwrapper_select_in_json_xml_and_csv(endpoint):
    data = _wrapper(endpoint, SELECT, JSON).queryAndConvert()
    assert len(data["results"]["bindings"]) == 5
    xml = _wrapper(endpoint, SELECT, XML).queryAndConvert()
    assert len(xml.getElementsByTagName("result")) == 5
    text = _wrapper(endpoint, SELECT, CSV).queryAndConvert().decode("utf-8")
    assert text.splitlines()[0] == "t" and len(text.splitlines()) == 6


def test_sparqlwrapper_construct_to_turtle_and_jsonld(endpoint):
    turtle = _wrapper(endpoint, CONSTRUCT, TURTLE).queryAndConvert()
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    assert len(graph) == 5
    jsonld = _wrapper(endpoint, CONSTRUCT, JSONLD).queryAndConvert()
    assert len(jsonld) == 5


def test_rdflib_sparqlstore(endpoint):
    graph = rdflib.Graph(SPARQLStore(endpoint))
    rows = list(graph.query(SELECT))
    assert len(rows) == 5 and any("第55次" in str(r[0]) for r in rows)


def test_service_to_a_loopback_port_makes_no_connection(endpoint):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(1.0)
    port = listener.getsockname()[1]
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    sparql = _wrapper(endpoint, query, JSON)
    with pytest.raises(Exception, match=r"400|Bad"):
        sparql.queryAndConvert()
    with pytest.raises(TimeoutError):
        listener.accept()  # nobody knocked
    listener.close()
