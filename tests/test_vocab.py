"""Code, queries and ontology agree: every cikg: term the code or a query uses
is declared in ontology/cikg.ttl."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDFS

from cikg.vocab import CIKG, CIKG_TERMS

ROOT = Path(__file__).resolve().parents[1]
CIKG_NS = CIKG.base


@pytest.fixture(scope="module")
def declared() -> set[str]:
    graph = rdflib.Graph().parse(ROOT / "ontology" / "cikg.ttl", format="turtle")
    return {
        str(s)[len(CIKG_NS) :]
        for s in graph.subjects(RDFS.label, None)
        if str(s).startswith(CIKG_NS)
    }


def test_every_term_the_code_uses_is_declared(declared):
    assert sorted(CIKG_TERMS - declared) == []


def test_every_cikg_term_in_the_queries_is_declared(declared):
    for path in (ROOT / "queries").glob("*.rq"):
        used = set(re.findall(r"\bcikg:([A-Za-z]\w*)", path.read_text(encoding="utf-8")))
        assert sorted(used - declared) == [], path.name


def test_undeclared_terms_cannot_be_used():
    with pytest.raises(AttributeError, match="declare it"):
        _ = CIKG.observationValue
