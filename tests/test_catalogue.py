"""The indicator catalogue: wording keys, composed English labels,
candidates, duplicate groups and the headline series, on the seeds."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cikg.catalogue import canonical_wording, wording_key
from cikg.cli import app
from cikg.curation import (
    candidates,
    duplicate_groups,
    indicator_uses,
    is_translated,
    same_fact_groups,
)
from cikg.store import query

ROOT = Path(__file__).resolve().parents[1]
INDICATOR = "https://w3id.org/cikg/id/indicator/"
MONTH = "http://reference.data.gov.uk/id/month/"


def test_every_wording_rule_does_what_its_example_says(reference):
    assert len(reference.wording_rules) >= 10
    for rule in reference.wording_rules:
        left, _, right = rule.example.partition(" → ")
        assert right, f"rule {rule.order}: example {rule.example!r} is not 'left → right'"
        assert rule.pattern.sub(rule.replacement, left) == right, rule.example


@pytest.mark.parametrize(
    ("wordings", "canonical"),
    [
        (["5G基站数量", "5G 基站数", "我国已累计建成5G基站数量", "全国5G基站总数"], "5G基站数"),
        (["网络购物用户规模", "网络购物的用户数量", "网络购物用户人数"], "网络购物用户数"),
        (["“.CN”域名数量", ".CN域名总数", "其中：.CN域名"], None),
        (["农村网民占比", "农村网民比重", "农村网民所占比例"], "农村网民比例"),
        # seed 001: 更新量总量 is the total of the updates, not a 量 of a 量 (was 更新量量)
        (["政府网站首页文章更新量总量", "政府网站首页文章更新量"], "政府网站首页文章更新量"),
    ],
)
def test_wordings_of_one_indicator_share_a_key(reference, wordings, canonical):
    keys = {wording_key(w, reference.wording_rules) for w in wordings[:2]}
    assert len(keys) == 1, wordings
    if canonical:
        assert {canonical_wording(w, reference.wording_rules) for w in wordings} == {canonical}


def test_different_indicators_keep_different_keys(reference):
    rules = reference.wording_rules
    assert wording_key("手机网民规模", rules) != wording_key("网民规模", rules)
    assert wording_key("网民规模", rules) != wording_key("网民比例", rules)
    assert wording_key("IPv4地址数量", rules) != wording_key("IPv6地址数量", rules)


@pytest.mark.parametrize(
    ("wording", "english"),
    [
        ("网络购物用户数", "Number of online shopping users"),
        ("5G基站数", "Number of 5G base stations"),
        ("农村网民比例", "Proportion of rural internet users"),
        ("农村网民占网民整体的比例", "Proportion of rural internet users in all internet users"),
    ],
)
def test_english_labels_are_composed_from_the_glossary(reference, wording, english):
    assert reference.glossary.compose(wording).english == english


def test_a_term_the_glossary_lacks_leaves_the_label_untranslated(reference):
    composed = reference.glossary.compose("某某乙丙数")
    assert composed.english is None and composed.missing == ("某某乙丙",)


def test_the_seeds_indicators_have_english_labels(store):
    uses = indicator_uses(store)
    missing = [u.zh for u in uses if not is_translated(u.en)]
    share = 1 - len(missing) / len(uses)
    assert share >= 0.95, f"{share:.1%} translated; untranslated: {missing}"


def test_the_seeds_indicators_have_no_duplicate_groups(store, reference):
    uses = indicator_uses(store)
    assert duplicate_groups(uses, reference) == []
    same = same_fact_groups(store, uses)
    assert len(same) < 0.01 * len(uses), [(g.reason, g.members) for g in same]


def test_minted_indicators_are_derived_or_candidates(store, reference):
    """Curated concepts carry no status; a minted one is a candidate unless it
    is composed from a curated base (its change, growth rate or category)."""
    derived = {
        row["i"].value for row in query(store, "SELECT ?i WHERE { ?i cikg:baseIndicator ?b }")
    }
    uses = indicator_uses(store)
    for use in uses:
        if use.iri in reference.concepts:
            assert not use.candidate, use
        elif not use.candidate:
            assert use.iri in derived, use
    assert sum(u.candidate for u in uses) > 10
    assert any(u.iri in derived and not u.candidate for u in uses)


def test_candidates_list_their_wordings_and_evidence(store):
    found = candidates(store)
    counts = [c.observations for c in found]
    assert counts == sorted(counts, reverse=True)
    top = found[0]
    assert top.wordings and top.evidence and top.documents >= 1


def test_cikg_indicators_lists_candidates_as_csv(built_store):
    runner = CliRunner()
    result = runner.invoke(
        app, ["indicators", "--store", str(built_store[0]), "--candidates", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == [
        "iri",
        "label",
        "english",
        "wordings",
        "observations",
        "documents",
        "evidence",
    ]
    assert len(rows) > 10 and all(r[0].startswith(INDICATOR) for r in rows[1:])
    result = runner.invoke(app, ["indicators", "--store", str(built_store[0]), "--untranslated"])
    assert result.exit_code == 0 and "term" in result.output


def test_six_headline_series_are_clean_across_the_seeds(store):
    text = (ROOT / "queries" / "headline-series.rq").read_text(encoding="utf-8")
    series: dict[str, dict[str, tuple[Decimal, Decimal]]] = {}
    for row in query(store, text):
        low, high = Decimal(row["lowest"].value), Decimal(row["highest"].value)
        # one value per period, or one figure at two precisions (9.74 亿, 97,443 万)
        assert (high - low) <= Decimal("0.001") * high, row
        name = row["indicator"].value.removeprefix(INDICATOR)
        series.setdefault(name, {})[row["period"].value.removeprefix(MONTH)] = (low, high)
    assert set(series) == {
        "internet-users",
        "internet-penetration",
        "ipv6-addresses",
        "cn-domain-names",
        "5g-base-stations",
        "online-shopping-users",
    }
    assert all(len(periods) >= 2 for periods in series.values()), series
    assert series["internet-users"]["2024-12"] == (Decimal(1108000000),) * 2
    assert series["internet-users"]["2020-06"] == (Decimal(940000000),) * 2
    assert series["internet-penetration"]["2024-12"] == (Decimal("78.6"),) * 2
    assert series["ipv6-addresses"]["2024-12"] == (Decimal(69148),) * 2  # not the mainland's 64,469
    assert series["cn-domain-names"]["2020-06"] == (Decimal(23044376),) * 2
    assert series["5g-base-stations"]["2024-12"] == (Decimal(4251000),) * 2
    assert series["online-shopping-users"]["2024-12"] == (Decimal(974000000), Decimal(974430000))


def test_indicator_labels_are_not_debris(store, segmenter):
    """Labels a user reads: no bracket or quote left open, no leading
    conjunction or particle, no trailing particle, no count at the start
    (cikg.curation.debris); none at all (和上级医院建立…的卫生院比例, which
    opened with 和 as "with", reads 卫生院中和上级医院建立…的比例)."""
    from cikg.curation import debris

    uses = indicator_uses(store)
    bad = [(u.zh, why) for u in uses if (why := debris(u.zh, segmenter))]
    assert bad == []
