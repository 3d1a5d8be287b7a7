"""graph/discovered is pruned per document, as each graph is replaced
(:func:`cikg.store.replace_graph`), not in one update over the whole store
at the end of a build: what a rebuilt document no longer supports goes at
once, what another graph still refers to stays, and nothing is left for the
whole-store rule (:func:`cikg.store.prune_shared_graph`) to drop.

The input is a small report (``tests/data/bad/good.txt``) with one policy
sentence: the policy's issuer, 深圳市人民政府, is described in
graph/discovered and referred to only by the policy's description there
(``eli:passed_by``), the one case the rule keeps through another entity.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

from pyoxigraph import BlankNode, NamedNode, Quad

from cikg.iris import IriMinter
from cikg.pipeline import Status, build
from cikg.store import open_store, prune_shared_graph

BAD = Path(__file__).resolve().parent / "data" / "bad"
DISCOVERED = IriMinter().discovered_graph()
POLICY = "在地方层面，深圳先行先试，发布了《深圳经济特区数据条例（征求意见稿）》。"
OTHER_POLICY = "2024 年 10 月，广州市人民政府印发《广州市数据条例》。"
ISSUER = "深圳市人民政府"


def _discovered(store: Path) -> set[Quad]:
    return set(open_store(store, read_only=True).quads_for_pattern(None, None, None, DISCOVERED))


def _labels(quads: set[Quad]) -> set[str]:
    return {q.object.value for q in quads if q.predicate.value.endswith("#prefLabel")}


def _write_report(folder: Path, *sentences: str) -> None:
    folder.mkdir(exist_ok=True)
    text = (BAD / "good.txt").read_text(encoding="utf-8") + "".join(f"\n{s}\n" for s in sentences)
    (folder / "report.txt").write_text(text, encoding="utf-8")


def _issuers(quads: set[Quad]) -> set[NamedNode]:
    return {q.object for q in quads if q.predicate.value.endswith("passed_by")}  # type: ignore[misc]


def test_a_rebuild_drops_what_the_document_no_longer_supports(tmp_path):
    inputs, store = tmp_path / "in", tmp_path / "store"
    _write_report(inputs, POLICY)
    (first,) = build([inputs], store).results
    assert first.status is Status.BUILT
    before = _discovered(store)
    assert ISSUER in _labels(before)
    (issuer,) = _issuers(before)
    report = open_store(store, read_only=True)
    assert not any(report.quads_for_pattern(None, None, issuer, NamedNode(first.graph)))

    _write_report(inputs, OTHER_POLICY)  # the Shenzhen policy, and so its issuer, gone
    (second,) = build([inputs], store).results
    assert second.status is Status.BUILT and second.graph == first.graph
    after = _discovered(store)
    assert ISSUER not in _labels(after) and "广州市人民政府" in _labels(after)
    assert not any(q.subject == issuer for q in after)

    # the same description as a fresh store built from the same input
    fresh = tmp_path / "fresh"
    build([inputs], fresh)
    assert after == _discovered(fresh)


def test_a_description_another_report_refers_to_stays(tmp_path):
    """Two reports name the same policy; one is rebuilt without it: the
    policy and its issuer stay, as the other still refers to the policy."""
    inputs, store = tmp_path / "in", tmp_path / "store"
    _write_report(inputs, POLICY)
    other = (inputs / "report.txt").read_text(encoding="utf-8").replace("第91次", "第92次")
    (inputs / "other.txt").write_text(other, encoding="utf-8")
    assert [r.status for r in build([inputs], store).results] == [Status.BUILT] * 2
    _write_report(inputs, OTHER_POLICY)  # report.txt no longer names it; other.txt does
    build([inputs], store)
    assert {ISSUER, "广州市人民政府"} <= _labels(_discovered(store))


def test_the_whole_store_rule_finds_nothing_left_after_a_build(tmp_path):
    """A build's per-document pruning leaves nothing the whole-store rule
    would drop: after a build, and after a rebuild that changed a document."""
    inputs, store = tmp_path / "in", tmp_path / "store"
    _write_report(inputs, POLICY, OTHER_POLICY)
    build([inputs], store)
    _write_report(inputs, OTHER_POLICY)
    build([inputs], store)
    pruned = tmp_path / "pruned"
    shutil.copytree(store, pruned)
    kept = _discovered(store)
    assert ISSUER not in _labels(kept) and "广州市人民政府" in _labels(kept)
    opened = open_store(pruned)
    prune_shared_graph(opened, DISCOVERED)
    del opened
    assert _discovered(pruned) == kept


def test_a_new_stores_reference_graph_is_the_one_a_rebuild_writes(tmp_path):
    """A new store loads the reference and ontology graphs (a new graph with
    nothing else to change: one load); a second build replaces them in the
    same update that prunes graph/discovered. Both write the same triples
    (blank nodes, the SHACL shapes' property nodes, are named anew by each)."""
    inputs, store = tmp_path / "in", tmp_path / "store"
    _write_report(inputs, POLICY)
    minter = IriMinter()
    graphs = (minter.reference_graph(), minter.ontology_graph())

    def curated() -> list[Counter[tuple[str, ...]]]:
        opened = open_store(store, read_only=True)
        return [
            Counter(
                tuple("_:" if isinstance(t, BlankNode) else str(t) for t in q.triple)
                for q in opened.quads_for_pattern(None, None, None, g)
            )
            for g in graphs
        ]

    build([inputs], store)
    loaded = curated()
    assert all(quads.total() > 1000 for quads in loaded)
    build([inputs], store, force=True)
    assert curated() == loaded
