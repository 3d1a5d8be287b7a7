"""The minimal SPARQL endpoint over the seeds' store, through real HTTP requests."""

from __future__ import annotations

import pytest
import rdflib
from starlette.testclient import TestClient

from cikg.serve import create_app
from cikg.store import open_store

SELECT = "SELECT ?title WHERE { ?r a cikg:Report ; dcterms:title ?title } ORDER BY ?title"


@pytest.fixture(scope="module")
def client(built_store):
    return TestClient(create_app(open_store(built_store[0], read_only=True)))


def test_get_select_answers_sparql_json(client):
    resp = client.get("/sparql", params={"query": SELECT})
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/sparql-results+json")
    titles = [b["title"]["value"] for b in resp.json()["results"]["bindings"]]
    assert "第55次中国互联网络发展状况统计报告" in titles and len(titles) == 5


def test_post_form_and_direct(client):
    form = client.post("/sparql", data={"query": "ASK { ?s a cikg:Table }"})
    assert form.status_code == 200 and form.json()["boolean"] is True
    direct = client.post(
        "/sparql",
        content=SELECT.encode("utf-8"),
        headers={"content-type": "application/sparql-query"},
    )
    assert direct.status_code == 200 and len(direct.json()["results"]["bindings"]) == 5


def test_construct_answers_turtle(client):
    q = "CONSTRUCT { ?r dcterms:title ?t } WHERE { ?r a cikg:Report ; dcterms:title ?t }"
    resp = client.get("/sparql", params={"query": q})
    assert resp.headers["content-type"].startswith("text/turtle")
    assert len(rdflib.Graph().parse(data=resp.text, format="turtle")) == 5


@pytest.mark.parametrize(
    ("method", "kwargs", "status"),
    [
        ("get", {"params": {"query": "SELECT * WHERE {"}}, 400),
        ("get", {}, 400),
        ("post", {"content": b"x", "headers": {"content-type": "text/plain"}}, 415),
        ("post", {"data": {"update": "DROP ALL"}}, 400),
        ("post", {"data": {"query": "DROP ALL"}}, 400),
        ("put", {}, 405),
    ],
)
def test_bad_requests(client, method, kwargs, status):
    assert getattr(client, method)("/sparql", **kwargs).status_code == status


def test_service_is_refused_before_evaluation(client):
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    resp = client.get("/sparql", params={"query": q})
    assert resp.status_code == 400 and "SERVICE" in resp.text
    q2 = "select * where { service   silent <http://127.0.0.1:1/> { ?s ?p ?o } }"
    assert client.get("/sparql", params={"query": q2}).status_code == 400


def test_browser_gets_a_page_and_operators_a_health_check(client):
    page = client.get("/sparql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "<form" in page.text
    assert client.get("/healthz").json() == {"status": "ok"}
