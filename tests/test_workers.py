"""The time limit: a runaway query is stopped while light queries keep
being answered (real worker processes over the seeds' store)."""

from __future__ import annotations

import threading
import time

import pytest
from starlette.testclient import TestClient

from cikg.serve import create_app
from cikg.serve.workers import QueryRequest, QueryTimeout, QueryWorkers
from cikg.settings import ServeSettings
from cikg.store import open_store

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
LIGHT = "ASK { ?r a cikg:Report }"


@pytest.fixture(scope="module")
def workers(built_store):
    pool = QueryWorkers(built_store[0], ServeSettings(timeout_seconds=2.0), size=2)
    yield pool
    pool.close()


def test_a_runaway_query_is_stopped_at_the_limit(workers):
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="time limit"):
        workers.run(QueryRequest(RUNAWAY, (), (), None, None))
    assert time.monotonic() - started < 10
    # the pool replaced the killed worker and still answers
    body, media, _ = workers.run(QueryRequest(LIGHT, (), (), None, None))
    assert media == "application/sparql-results+json" and b"true" in body


def test_light_queries_are_answered_while_a_runaway_one_runs(built_store, workers):
    app = create_app(open_store(built_store[0], read_only=True), ServeSettings(), workers)
    client = TestClient(app)
    outcome = {}

    def runaway() -> None:
        outcome["runaway"] = client.get("/sparql", params={"query": RUNAWAY}).status_code

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    light = client.get("/sparql", params={"query": LIGHT})
    light_seconds = time.monotonic() - started
    thread.join(timeout=30)
    assert light.status_code == 200 and light.json()["boolean"] is True
    assert light_seconds < 1.5  # answered by the other worker, not after the runaway
    assert outcome["runaway"] == 503


def test_errors_from_workers_keep_their_meaning(workers):
    from cikg.errors import QueryError
    from cikg.serve.negotiation import NotAcceptable

    with pytest.raises(QueryError):
        workers.run(QueryRequest("SELECT * WHERE {", (), (), None, None))
    with pytest.raises(NotAcceptable):
        workers.run(QueryRequest(LIGHT, (), (), "text/turtle", None))
