"""The time limit: a runaway query is stopped while light queries keep
being answered (real worker processes over the seeds' store)."""

from __future__ import annotations

import threading
import time

import pytest
from starlette.testclient import TestClient

from cikg.serve import create_app
from cikg.serve.evaluate import QueryRequest
from cikg.serve.workers import QueryTimeout, QueryWorkers
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


def _wait_for(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.05)


def test_light_queries_are_answered_while_runaways_hold_every_worker(built_store):
    """As many runaway queries as the pool has workers: each turns long, gives
    up its place, and a light query is answered while they still run."""
    # a time limit long enough that the runaways still run when the light
    # query is answered, even by a worker started meanwhile on a busy machine
    settings = ServeSettings(timeout_seconds=15.0, long_query_seconds=0.2)
    pool = QueryWorkers(built_store[0], settings, size=2)
    app = create_app(open_store(built_store[0], read_only=True), settings, pool)
    client = TestClient(app)
    statuses: list[int] = []

    def runaway(n: int) -> None:  # two texts: identical requests share one evaluation
        query = f"# runaway {n}\n{RUNAWAY}"
        statuses.append(client.get("/sparql", params={"query": query}).status_code)

    hogs = [threading.Thread(target=runaway, args=(n,)) for n in range(2)]
    try:
        for t in hogs:
            t.start()
        _wait_for(lambda: pool.long_running == 2)  # both turned long
        # a worker was started to stay free (one for each that turned long
        # when none was free: 3, or 4 if both turned long at once)
        assert 3 <= pool.processes <= 4
        light = client.get("/sparql", params={"query": LIGHT})
        still_running = [t.is_alive() for t in hogs]
        for t in hogs:
            t.join(timeout=60)
    finally:
        pool.close()
    assert light.status_code == 200 and light.json()["boolean"] is True
    assert still_running == [True, True]
    assert statuses == [503, 503]


def test_a_query_that_turns_long_when_all_long_places_are_taken_is_refused(built_store):
    settings = ServeSettings(timeout_seconds=15.0, long_query_seconds=0.2, max_workers=3)
    pool = QueryWorkers(built_store[0], settings, size=2)
    outcome: list[str] = []

    def runaway() -> None:
        try:
            pool.run(QueryRequest(RUNAWAY, (), (), None, None))
        except QueryTimeout as exc:
            outcome.append(str(exc))

    first = threading.Thread(target=runaway)
    try:
        first.start()
        _wait_for(lambda: pool.long_running == 1)  # the one long place is taken
        with pytest.raises(QueryTimeout, match="busy"):
            pool.run(QueryRequest(RUNAWAY, (), (), None, None))
        assert first.is_alive()  # the long one still runs
        first.join(timeout=60)
        assert outcome and "time limit" in outcome[0]
        _wait_for(lambda: pool.processes == 2)  # back to its size, nothing leaked
        body, _, _ = pool.run(QueryRequest(LIGHT, (), (), None, None))
        assert b"true" in body
    finally:
        pool.close()


def test_errors_from_workers_keep_their_meaning(workers):
    from cikg.errors import QueryError
    from cikg.serve.negotiation import NotAcceptable

    with pytest.raises(QueryError):
        workers.run(QueryRequest("SELECT * WHERE {", (), (), None, None))
    with pytest.raises(NotAcceptable):
        workers.run(QueryRequest(LIGHT, (), (), "text/turtle", None))
