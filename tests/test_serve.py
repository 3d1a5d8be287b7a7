"""The SPARQL endpoint over the seeds' store, through real HTTP requests."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path

import pytest
import rdflib
from starlette.testclient import TestClient

from cikg.serve import create_app
from cikg.settings import ServeSettings
from cikg.store import open_store

SELECT = "SELECT ?title WHERE { ?r a cikg:Report ; dcterms:title ?title } ORDER BY ?title"
CONSTRUCT = "CONSTRUCT { ?r dcterms:title ?t } WHERE { ?r a cikg:Report ; dcterms:title ?t }"
CNNIC55 = "https://w3id.org/cikg/graph/report/cnnic-55"


def test_get_select_answers_sparql_json(client):
    resp = client.get("/sparql", params={"query": SELECT})
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/sparql-results+json")
    assert "Accept" in resp.headers["vary"]
    titles = [b["title"]["value"] for b in resp.json()["results"]["bindings"]]
    assert "第55次中国互联网络发展状况统计报告" in titles and len(titles) == 5
    assert resp.json()["results"]["bindings"][0]["title"]["xml:lang"] == "zh"


def test_post_form_and_direct(client):
    form = client.post("/sparql", data={"query": "ASK { ?s a cikg:Table }"})
    assert form.status_code == 200 and form.json()["boolean"] is True
    direct = client.post(
        "/sparql",
        content=SELECT.encode("utf-8"),
        headers={"content-type": "application/sparql-query"},
    )
    assert direct.status_code == 200 and len(direct.json()["results"]["bindings"]) == 5


@pytest.mark.parametrize(
    ("accept", "override", "media"),
    [
        ("application/sparql-results+xml", None, "application/sparql-results+xml"),
        ("text/csv", None, "text/csv"),
        ("text/tab-separated-values", None, "text/tab-separated-values"),
        (
            "text/csv;q=0.5, application/sparql-results+xml;q=0.9",
            None,
            "application/sparql-results+xml",
        ),
        ("application/json", None, "application/sparql-results+json"),
        ("*/*", None, "application/sparql-results+json"),
        ("text/turtle", "csv", "text/csv"),
        (None, "tsv", "text/tab-separated-values"),
    ],
)
def test_select_content_negotiation(client, accept, override, media):
    params = {"query": SELECT} | ({"format": override} if override else {})
    headers = {"accept": accept} if accept else {}
    resp = client.get("/sparql", params=params, headers=headers)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith(media)


def test_csv_and_xml_results_parse(client):
    body = client.get("/sparql", params={"query": SELECT, "format": "csv"}).text
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["title"] and len(rows) == 6
    xml = client.get("/sparql", params={"query": SELECT, "format": "xml"}).text
    assert xml.count("<result>") == 5 and 'xml:lang="zh"' in xml


@pytest.mark.parametrize(
    ("accept", "fmt", "parse_as"),
    [
        ("text/turtle", None, "turtle"),
        ("application/n-triples", None, "nt"),
        ("application/ld+json", None, "json-ld"),
        ("application/rdf+xml", None, "xml"),
        (None, "trig", "trig"),
        (None, "nquads", "nquads"),
    ],
)
def test_construct_in_every_format(client, accept, fmt, parse_as):
    params = {"query": CONSTRUCT} | ({"format": fmt} if fmt else {})
    resp = client.get("/sparql", params=params, headers={"accept": accept} if accept else {})
    assert resp.status_code == 200
    graph = rdflib.Dataset() if parse_as in {"trig", "nquads"} else rdflib.Graph()
    graph.parse(data=resp.text, format=parse_as)
    count = (
        sum(1 for _ in graph.quads((None, None, None, None)))
        if parse_as in {"trig", "nquads"}
        else len(graph)
    )
    assert count == 5


@pytest.mark.parametrize(
    ("method", "kwargs", "status"),
    [
        ("get", {"params": {"query": "SELECT * WHERE {"}}, 400),
        ("get", {"params": {"query": "SELECT * WHERE { ?s ?p ?o }", "format": "turtle"}}, 406),
        ("get", {"params": {"query": SELECT}, "headers": {"accept": "text/turtle"}}, 406),
        ("post", {"content": b"x", "headers": {"content-type": "text/plain"}}, 415),
        ("post", {"data": {"update": "DROP ALL"}}, 400),
        (
            "post",
            {"content": b"DROP ALL", "headers": {"content-type": "application/sparql-update"}},
            400,
        ),
        ("post", {"data": {"query": "DROP ALL"}}, 400),
        (
            "post",
            {"content": b"\xff\xfe", "headers": {"content-type": "application/sparql-query"}},
            400,
        ),
        ("post", {"data": {"query": "SELECT * WHERE { ?s ?p ?o } #" + "x" * 200_000}}, 400),
        ("post", {"data": {"query": "x" * 1_100_000}}, 413),
        ("put", {}, 405),
        ("delete", {}, 405),
    ],
)
def test_bad_requests(client, method, kwargs, status):
    assert getattr(client, method)("/sparql", **kwargs).status_code == status


def test_service_and_load_are_refused_before_evaluation(client):
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    resp = client.get("/sparql", params={"query": q})
    assert resp.status_code == 400 and "SERVICE" in resp.text
    q2 = "select * where { service   silent <http://127.0.0.1:1/> { ?s ?p ?o } }"
    assert client.get("/sparql", params={"query": q2}).status_code == 400
    load = client.post("/sparql", data={"query": "LOAD <http://127.0.0.1:1/x.ttl>"})
    assert load.status_code == 400


def test_dataset_parameters_are_honoured(client):
    q = "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a cikg:Report }"
    one = client.get("/sparql", params={"query": q, "default-graph-uri": CNNIC55}).json()
    assert one["results"]["bindings"][0]["n"]["value"] == "1"
    named = client.get(
        "/sparql",
        params={
            "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
            "named-graph-uri": CNNIC55,
        },
    ).json()
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [CNNIC55]


def test_from_clauses_name_the_dataset(client):
    """The union of all graphs is the default dataset only when the query
    names none (it used to override FROM)."""
    q = "SELECT (COUNT(DISTINCT ?r) AS ?n) {} WHERE {{ ?r a cikg:Report }}"
    cases = [("", "5"), (f"FROM <{CNNIC55}>", "1"), ("# prov:wasDerivedFrom, not a FROM\n", "5")]
    for dataset, count in cases:
        answer = client.get("/sparql", params={"query": q.format(dataset)}).json()
        assert answer["results"]["bindings"][0]["n"]["value"] == count, dataset
    named = "SELECT DISTINCT ?g FROM NAMED <{}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    answer = client.get("/sparql", params={"query": named.format(CNNIC55)}).json()
    assert [b["g"]["value"] for b in answer["results"]["bindings"]] == [CNNIC55]


def test_results_are_capped_and_say_so(store):
    small = TestClient(create_app(store, ServeSettings(result_limit=3)))
    resp = small.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert resp.headers["x-cikg-truncated"] == "true"
    assert len(resp.json()["results"]["bindings"]) == 3
    whole = small.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert "x-cikg-truncated" not in whole.headers


def test_cors(client):
    resp = client.get(
        "/sparql", params={"query": SELECT}, headers={"origin": "https://example.org"}
    )
    assert resp.headers["access-control-allow-origin"] == "*"
    pre = client.options(
        "/sparql",
        headers={"origin": "https://example.org", "access-control-request-method": "POST"},
    )
    assert pre.status_code == 200 and "POST" in pre.headers["access-control-allow-methods"]


def test_service_description_and_void(client):
    page = client.get("/sparql", headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.status_code == 200 and "<form" in page.text
    sd = client.get("/sparql", headers={"accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=sd.text, format="turtle")
    SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, rdflib.RDF.type, SD.Service) in graph
    assert (None, SD.name, rdflib.URIRef(CNNIC55)) in graph
    void = client.get("/.well-known/void", headers={"accept": "text/turtle"})
    vg = rdflib.Graph().parse(data=void.text, format="turtle")
    VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
    subsets = set(vg.objects(None, VOID.subset))
    assert rdflib.URIRef(CNNIC55) in subsets
    assert any(vg.objects(None, VOID.classPartition)) and any(
        vg.objects(None, VOID.propertyPartition)
    )
    assert client.get("/healthz").json() == {"status": "ok"}


def test_settings_from_the_environment():
    settings = ServeSettings.from_env({"CIKG_RESULT_LIMIT": "7", "CIKG_CORS": "0"})
    assert settings.result_limit == 7 and settings.cors is False
    from cikg.errors import CikgError

    with pytest.raises(CikgError):
        ServeSettings.from_env({"CIKG_RESULT_LIMIT": "lots"})
    with pytest.raises(CikgError):
        ServeSettings(result_limit=0)


def test_json_results_are_valid_json_for_every_query(client):
    for q in (SELECT, "ASK { ?s ?p ?o }"):
        json.loads(client.get("/sparql", params={"query": q}).text)


def test_etag_and_not_modified(client):
    first = client.get("/sparql", params={"query": SELECT})
    etag = first.headers["etag"]
    again = client.get("/sparql", params={"query": SELECT}, headers={"if-none-match": etag})
    assert again.status_code == 304 and again.headers["etag"] == etag
    other = client.get("/sparql", params={"query": SELECT, "format": "csv"})
    assert other.headers["etag"] != etag  # the format is part of what is cached
    assert "max-age" in first.headers["cache-control"]


def test_graph_store_protocol_read_only(client, built_store):
    resp = client.get(
        "/rdf-graphs", params={"graph": CNNIC55}, headers={"accept": "application/n-triples"}
    )
    assert resp.status_code == 200
    store = open_store(built_store[0], read_only=True)
    from pyoxigraph import NamedNode

    expected = len(list(store.quads_for_pattern(None, None, None, NamedNode(CNNIC55))))
    assert len(rdflib.Graph().parse(data=resp.text, format="nt")) == expected
    assert (
        client.get("/rdf-graphs", params={"graph": "https://example.org/none"}).status_code == 404
    )
    assert client.get("/rdf-graphs").status_code == 400
    assert client.put("/rdf-graphs", params={"graph": CNNIC55}, content=b"").status_code == 405
    assert client.delete("/rdf-graphs", params={"graph": CNNIC55}).status_code == 405


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_query_page_lists_the_examples_and_shows_results(client):
    page = client.get("/sparql", headers={"accept": BROWSER})
    assert page.status_code == 200 and 'lang="zh"' in page.text
    assert "indicator-series.rq" in page.text and "data-query=" in page.text
    assert "<script src" not in page.text and "http://" not in page.text.split("<body>")[0]
    results = client.post("/sparql", data={"query": SELECT}, headers={"accept": BROWSER})
    assert results.headers["content-type"].startswith("text/html")
    assert "<table>" in results.text and "共 5 行" in results.text
    assert "第55次中国互联网络发展状况统计报告" in results.text
    assert "format=csv" in results.text  # download links
    iris = client.post(
        "/sparql",
        data={"query": "SELECT ?r WHERE { ?r a cikg:Report }"},
        headers={"accept": BROWSER},
    )
    assert 'href="/id/report/cnnic-55"' in iris.text  # IRIs link to their pages
    bad = client.post("/sparql", data={"query": "SELECT * WHERE {"}, headers={"accept": BROWSER})
    assert bad.status_code == 400 and 'class="error"' in bad.text


def test_the_page_escapes_what_it_shows(client):
    hostile = 'SELECT ("<script>alert(1)</script>" AS ?x) ("\\"><img onerror=alert(1)>" AS ?y) {}'
    page = client.post("/sparql", data={"query": hostile}, headers={"accept": BROWSER})
    assert "<script>alert" not in page.text and "<img onerror" not in page.text
    assert "&lt;script&gt;" in page.text


def test_truncation_is_said_on_the_page(store):
    small = TestClient(create_app(store, ServeSettings(result_limit=2)))
    page = small.post(
        "/sparql", data={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"accept": BROWSER}
    )
    assert "结果在 2 行处截断" in page.text
    english = small.post(
        "/sparql?lang=en",
        data={"query": "SELECT * WHERE { ?s ?p ?o }"},
        headers={"accept": BROWSER},
    )
    assert "cut at 2 rows" in english.text


def test_the_query_page_is_in_the_sites_frame_and_language(client):
    """#19 item 10: the site's header and navigation, a way back, and the
    reader's language (``?lang=`` or ``Accept-Language``)."""
    zh = client.get("/sparql", headers={"accept": BROWSER}).text
    assert '<nav><a href="/">cikg</a>' in zh and 'href="/?lang=zh">← 返回首页</a>' in zh
    assert '<html lang="zh">' in zh and '<button type="submit">查询</button>' in zh
    en = client.get("/sparql?lang=en", headers={"accept": BROWSER}).text
    assert '<html lang="en">' in en and 'href="/?lang=en">← back to the site</a>' in en
    assert '<button type="submit">Run</button>' in en and '<h2 id="examples">Examples</h2>' in en
    header = client.get("/sparql", headers={"accept": BROWSER, "accept-language": "en-GB"}).text
    assert '<html lang="en">' in header
    posted = client.post("/sparql?lang=en", data={"query": SELECT}, headers={"accept": BROWSER})
    assert '<html lang="en">' in posted.text and "5 rows" in posted.text
    assert 'action="/sparql?lang=en"' in posted.text  # the next run keeps the language


def test_the_query_page_shows_results_above_the_examples(client):
    page = client.post("/sparql", data={"query": SELECT}, headers={"accept": BROWSER}).text
    assert page.index('id="results"') < page.index('id="examples"')
    assert page.index("</form>") < page.index('id="results"')
    bad = client.post("/sparql", data={"query": "SELECT * WHERE {"}, headers={"accept": BROWSER})
    assert bad.text.index('class="error"') < bad.text.index('id="examples"')


def test_the_examples_have_their_full_descriptions_collapsed(client):
    """Each example is a closed <details>: its summary is the first sentence of
    its description (not cut mid-sentence), its body the whole description and
    the query; the button that fills the editor is in the summary."""
    page = client.get("/sparql", headers={"accept": BROWSER}).text
    examples = re.findall(
        r'<details class="example"><summary><button type="button" data-query="([^"]*)">'
        r"([^<]*)</button> <small[^>]*>\(([^)]+)\.rq\)</small></summary>\s*<p[^>]*>([^<]*)</p>"
        r"\s*<pre>",
        page,
    )
    names = sorted(p.stem for p in (Path(__file__).parents[1] / "queries").glob("*.rq"))
    assert [name for _, _, name, _ in examples] == names
    found = {name: (unescape(title), unescape(text)) for _, title, name, text in examples}
    title, description = found["targets-vs-actuals"]
    assert title == "Which targets have been met?"
    assert description.startswith("Which targets have been met? Each target a plan sets")
    assert description.endswith(
        "Targets whose indicator has no actual value yet are listed with no actual."
    )
    title, description = found["reports"]
    assert title == "Which reports are in the graph"
    assert description.endswith("newest first.")
    for _, title, _, text in examples:
        assert unescape(text).startswith(unescape(title).rstrip("?"))
    assert "<details open" not in page


def test_identical_queries_asked_at_once_are_evaluated_once(built_store):
    """Clients asking the same query while it runs wait for that one
    evaluation: the worker pool is asked once."""
    import threading

    from cikg.serve.workers import QueryWorkers

    settings = ServeSettings()
    pool = QueryWorkers(built_store[0], settings, size=2)
    evaluated: list[str] = []
    run = pool.run_async

    async def counting_run(request):
        evaluated.append(request.sparql)
        return await run(request)

    pool.run_async = counting_run  # type: ignore[method-assign]
    app = create_app(open_store(built_store[0], read_only=True), settings, pool)
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?o ?q ?x }"
    answers: list[int] = []
    threads = [
        threading.Thread(
            target=lambda: answers.append(
                client.get("/sparql", params={"query": query}).json()["results"]["bindings"][0][
                    "n"
                ]["value"]
            )
        )
        for _ in range(4)
    ]
    try:
        with TestClient(app) as client:  # one event loop, as under uvicorn
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=60)
    finally:
        pool.close()
    assert len(answers) == 4 and len(set(answers)) == 1
    assert evaluated == [query]


def test_csv_writes_blank_nodes_as_labels(client):
    """CSV writes IRIs and literals as bare strings but a blank node as
    ``_:label``, so it cannot be taken for a string (SPARQL 1.1 Query Results
    CSV and TSV Formats, #csv-terms)."""
    q = 'SELECT (BNODE() AS ?b) ("b1" AS ?s) (<http://example.org/x> AS ?i) WHERE {}'
    body = client.get("/sparql", params={"query": q, "format": "csv"}).text
    header, row = list(csv.reader(io.StringIO(body)))
    assert header == ["b", "s", "i"]
    assert row[0].startswith("_:") and len(row[0]) > 2
    assert row[1:] == ["b1", "http://example.org/x"]


def test_relative_iris_resolve_against_the_endpoint(client):
    """Relative IRIs in a query resolve against the endpoint's own URL (W3C
    SPARQL 1.1 protocol test ``query_content_type_construct``); a ``BASE`` in
    the query wins. Without a base the parser refused them."""
    resp = client.post(
        "/sparql",
        content=b"CONSTRUCT { <s> <p> 1 } WHERE {}",
        headers={"content-type": "application/sparql-query", "accept": "application/n-triples"},
    )
    assert resp.status_code == 200, resp.text
    graph = rdflib.Graph().parse(data=resp.text, format="nt")
    here = rdflib.Namespace("http://testserver/")
    assert set(graph) == {(here.s, here.p, rdflib.Literal(1))}
    based = client.get(
        "/sparql", params={"query": "BASE <http://example.org/a/> SELECT (<s> AS ?i) {}"}
    )
    assert based.json()["results"]["bindings"][0]["i"]["value"] == "http://example.org/a/s"


def test_relative_iris_pass_the_screen(client):
    """The screen parses the query with the same base as the evaluation: a
    relative IRI neither gets a query refused as using SERVICE nor taken as
    naming a FROM dataset (which dropped the union of all graphs)."""
    q = "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE {{ ?r a cikg:Report OPTIONAL {{ {} }} }}"
    for pattern in ("?r <service> ?o", "?r <wasDerivedFrom> ?o"):
        resp = client.get("/sparql", params={"query": q.format(pattern)})
        assert resp.status_code == 200, (pattern, resp.text)
        assert resp.json()["results"]["bindings"][0]["n"]["value"] == "5", pattern


def test_relative_iris_resolve_in_worker_processes(built_store):
    """The base IRI reaches the worker processes that evaluate queries: the
    URL the client used, here another host and port."""
    from cikg.serve.workers import QueryWorkers

    settings = ServeSettings()
    pool = QueryWorkers(built_store[0], settings, size=1)
    app = create_app(open_store(built_store[0], read_only=True), settings, pool)
    try:
        with TestClient(app, base_url="http://cikg.example:8000") as local:
            resp = local.get("/sparql", params={"query": "SELECT (<s> AS ?i) WHERE {}"})
    finally:
        pool.close()
    assert resp.status_code == 200, resp.text
    assert resp.json()["results"]["bindings"][0]["i"]["value"] == "http://cikg.example:8000/s"


def test_xml_results_stay_well_formed_with_control_characters(client):
    """XML 1.0 cannot hold U+0001 even as a character reference: the XML
    results write U+FFFD in its place (and CR as ``&#13;``, which a parser
    would read as LF), while JSON keeps the exact value."""
    from xml.etree import ElementTree

    q = 'SELECT ("a\\u0001b\\u0000c\\rd\\te\\uFFFF" AS ?s) ("x\\u001F"@en AS ?l) WHERE {}'
    resp = client.get("/sparql", params={"query": q, "format": "xml"})
    assert resp.status_code == 200
    root = ElementTree.fromstring(resp.content)  # raises on XML that is not well-formed
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    values = [e.text for e in root.iterfind(".//r:binding/r:literal", ns)]
    assert values == ["a\ufffdb\ufffdc\rd\te\ufffd", "x\ufffd"]
    exact = client.get("/sparql", params={"query": q}).json()["results"]["bindings"][0]
    assert exact["s"]["value"] == "a\x01b\x00c\rd\te\uffff"


def test_rdfxml_stays_well_formed_with_control_characters(client):
    """A CONSTRUCT answered as RDF/XML follows the XML results' rule: U+FFFD
    for what XML 1.0 cannot hold, CR kept (pyoxigraph wrote both raw)."""
    q = 'CONSTRUCT { <http://example.org/s> <http://example.org/p> "a\\u0001b\\rc" } WHERE {}'
    resp = client.get("/sparql", params={"query": q, "format": "rdfxml"})
    assert resp.status_code == 200
    graph = rdflib.Graph().parse(data=resp.content, format="xml")
    assert [str(o) for o in graph.objects()] == ["a\ufffdb\rc"]


@pytest.mark.parametrize(
    ("params", "headers", "names"),
    [
        ({"format": "csv"}, {}, "json, xml"),
        ({"format": "tsv"}, {}, "json, xml"),
        ({}, {"accept": "text/csv"}, "application/sparql-results+json"),
        ({}, {"accept": "text/tab-separated-values, text/*;q=0.5"}, "sparql-results+xml"),
    ],
)
def test_ask_in_csv_or_tsv_is_not_acceptable(client, params, headers, names):
    """CSV and TSV are defined for SELECT results only: an ASK asked for in
    them gets 406 naming the types that fit (it got an ad hoc ``_askResult``
    table); with JSON acceptable too, it gets JSON."""
    resp = client.get("/sparql", params={"query": "ASK {}"} | params, headers=headers)
    assert resp.status_code == 406, resp.text
    assert names in resp.text and "SELECT results only" in resp.text
    assert "_askResult" not in resp.text
    fallback = client.get(
        "/sparql", params={"query": "ASK {}"}, headers={"accept": "text/csv, */*;q=0.1"}
    )
    assert fallback.status_code == 200 and fallback.json()["boolean"] is True


def test_the_page_offers_an_ask_result_in_json_and_xml_only(client):
    page = client.post("/sparql", data={"query": "ASK {}"}, headers={"accept": BROWSER})
    assert page.status_code == 200 and "<strong>true</strong>" in page.text
    assert "format=json" in page.text and "format=xml" in page.text
    assert "format=csv" not in page.text and "format=tsv" not in page.text
