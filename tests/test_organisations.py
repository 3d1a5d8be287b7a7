"""Organisations found in the text and what the graph says of them, on the
real sentences an audit found wrong (benchmarks/audit/orgs-h-before.jsonl)."""

from __future__ import annotations

import pytest

from cikg.extract.organisations import org_finder
from cikg.iris import IriMinter
from cikg.mapping.entities import OrgLinker, org_type
from cikg.vocab import RDF, SCHEMA


@pytest.fixture(scope="module")
def finder(reference, segmenter):
    return org_finder(reference, segmenter)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # news-03: a college is no government body (学院, not the 院 of 国务院)
        ("浙江工业大学计算机学院", SCHEMA.ResearchOrganization),
        ("中国电子信息产业发展研究院", SCHEMA.ResearchOrganization),
        ("北京互联网法院", SCHEMA.GovernmentOrganization),
        ("济南市行政审批服务局", SCHEMA.GovernmentOrganization),
    ],
)
def test_the_longest_ending_gives_the_kind(name, kind):
    assert org_type(name) == kind


def test_a_minted_college_is_typed_by_its_ending(reference):
    linker = OrgLinker(reference, IriMinter())
    iri = linker.iri("浙江工业大学计算机学院")
    types = {o for s, p, o in linker.triples if s == iri and p == RDF.type}
    assert SCHEMA.GovernmentOrganization not in types
    assert SCHEMA.ResearchOrganization in types
