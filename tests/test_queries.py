"""Every example query in queries/ parses, runs on the seeds and answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import QueryBoolean, QuerySolutions

from cikg.store import open_store, query

QUERIES = sorted((Path(__file__).resolve().parents[1] / "queries").glob("*.rq"))


def test_there_are_at_least_five_queries():
    assert len(QUERIES) >= 5


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_query_has_a_comment_runs_and_answers(built_store, path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#"), "each query starts with a comment saying what it answers"
    store = open_store(built_store[0], read_only=True)
    result = query(store, text)
    if isinstance(result, QueryBoolean):
        assert bool(result)
    else:
        assert isinstance(result, QuerySolutions)
        rows = list(result)
        assert rows, f"{path.name} returned no rows on the seeds"
