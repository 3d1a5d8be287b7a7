"""Building the store from the seeds: summaries, atomic replace, skip-unchanged,
failures that leave the old graph, export round trip, SHACL."""

from __future__ import annotations

import io
import shutil
from collections import Counter
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import NamedNode, Quad, QuerySolutions

from cikg.errors import CikgError
from cikg.iris import IriMinter
from cikg.listings import ANSWER
from cikg.pipeline import Status, build
from cikg.reference import load_reference
from cikg.store import export, open_store, query, replace_graph

from .conftest import ROOT, SEED_FILES, SEEDS

SLUGS = {"001": "cnnic-55", "003": "digital-china-2024", "004": "cnnic-46"}


def _graph_quads(store_path: Path, graph: str) -> set[Quad]:
    store = open_store(store_path, read_only=True)
    return set(store.quads_for_pattern(None, None, None, NamedNode(graph)))


def test_build_summary_per_document(built_store):
    _, report = built_store
    assert [r.status for r in report.results] == [Status.BUILT] * 5
    by_key = {r.path.name[:3]: r for r in report.results}
    for key, slug in SLUGS.items():
        assert by_key[key].slug == slug
    assert by_key["001"].counts["tables"] == 17
    assert by_key["001"].counts["footnotes"] == 101
    assert by_key["003"].counts["tables"] == 0
    assert all(r.counts["quads"] > 40 for r in report.results)
    assert report.reference_quads > 1000 and report.ontology_quads > 200


def test_every_document_has_its_own_graph(built_store):
    path, report = built_store
    store = open_store(path, read_only=True)
    graphs = {g.value for g in store.named_graphs()}
    minter = IriMinter()
    assert minter.reference_graph().value in graphs
    assert minter.ontology_graph().value in graphs
    assert {r.graph for r in report.results} <= graphs
    assert not any("/graph/staging/" in g for g in graphs)


def test_unchanged_documents_are_skipped_and_changed_ones_replaced(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    source = seeds / SEED_FILES["002"].name
    shutil.copy(SEED_FILES["002"], source)
    store = tmp_path / "store"
    first = build([seeds], store).results[0]
    assert first.status is Status.BUILT
    before = _graph_quads(store, first.graph)
    assert build([seeds], store).results[0].status is Status.UNCHANGED
    assert _graph_quads(store, first.graph) == before

    text = source.read_text(encoding="utf-8").replace("七个数据", "7个数据")
    text = text.replace("展望未来，", "展望未来（修订），", 1)
    source.write_text(text, encoding="utf-8")
    again = build([seeds], store).results[0]
    assert again.status is Status.BUILT and again.graph == first.graph
    after = _graph_quads(store, first.graph)
    assert after != before
    texts = " ".join(q.object.value for q in after)
    assert "展望未来（修订）" in texts and "展望未来，我国" not in texts  # replaced whole


def test_a_failing_document_keeps_its_old_graph(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    good = seeds / SEED_FILES["000"].name
    shutil.copy(SEED_FILES["000"], good)
    store = tmp_path / "store"
    graph = build([seeds], store).results[0].graph
    before = _graph_quads(store, graph)
    data = good.read_bytes()
    good.write_bytes(data[:200] + b"\xff\xfe" + data[200:])  # now not UTF-8
    other = seeds / SEED_FILES["002"].name
    shutil.copy(SEED_FILES["002"], other)
    report = build([seeds], store)
    failed, built = report.results
    assert failed.status is Status.FAILED and built.status is Status.BUILT
    assert good.name in failed.message and ":3:" in failed.message  # file and line
    assert _graph_quads(store, graph) == before


def test_replace_graph_builds_everything_before_writing(tmp_path):
    store = open_store(tmp_path / "s")
    g = NamedNode("http://example.org/g")
    old = [
        Quad(
            NamedNode("http://example.org/a"),
            NamedNode("http://example.org/p"),
            NamedNode("http://example.org/b"),
            g,
        )
    ]
    replace_graph(store, g, old)

    def broken():
        yield old[0]
        raise CikgError("extraction failed half way")

    with pytest.raises(CikgError):
        replace_graph(store, g, broken())
    assert set(store.quads_for_pattern(None, None, None, g)) == set(old)
    assert {q.graph_name for q in store} == {g}  # nothing else written


def test_a_broken_pdf_is_a_failure_with_a_message_not_a_crash(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    result = build([pdf], tmp_path / "store").results[0]
    assert result.status is Status.FAILED and "report.pdf" in result.message
    word = tmp_path / "notes.docx"  # a broken Word file fails the same way
    word.write_bytes(b"PK")
    result = build([word], tmp_path / "store").results[0]
    assert result.status is Status.FAILED and "notes.docx" in result.message
    other = tmp_path / "slides.pptx"
    other.write_bytes(b"PK")
    assert build([other], tmp_path / "store").results[0].status is Status.SKIPPED


def test_turtle_export_round_trips(built_store, tmp_path):
    path, report = built_store
    store = open_store(path, read_only=True)
    graph = NamedNode(next(r.graph for r in report.results if r.slug == "cnnic-55"))
    buf = io.BytesIO()
    export(store, buf, "turtle", graph)
    parsed = rdflib.Graph().parse(data=buf.getvalue().decode("utf-8"), format="turtle")
    assert len(parsed) == len(list(store.quads_for_pattern(None, None, None, graph)))
    whole = io.BytesIO()
    export(store, whole, "turtle")
    union = rdflib.Graph().parse(data=whole.getvalue().decode("utf-8"), format="turtle")
    distinct = query(
        store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    )
    assert len(union) == int(next(iter(distinct))["n"].value)
    trig = io.BytesIO()
    export(store, trig, "trig")
    dataset = rdflib.Dataset().parse(data=trig.getvalue().decode("utf-8"), format="trig")
    assert sum(1 for _ in dataset.quads((None, None, None, None))) == len(store)


def test_the_built_graph_conforms_to_the_shapes(built_store):
    pyshacl = pytest.importorskip("pyshacl")
    path, _ = built_store
    store = open_store(path, read_only=True)
    buf = io.BytesIO()
    export(store, buf, "turtle")  # the union of all graphs, as the endpoint sees it
    data = rdflib.Graph().parse(data=buf.getvalue().decode("utf-8"), format="turtle")
    shapes = rdflib.Graph().parse(Path(__file__).resolve().parents[1] / "ontology" / "shapes.ttl")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert conforms, text[:3000]


def test_seeds_folder_has_the_five_documents():
    assert sorted(p.name for p in SEEDS.iterdir()) == sorted(p.name for p in SEED_FILES.values())
    assert len(SEED_FILES) == 5


def test_no_triple_is_stored_in_two_graphs(built_store):
    """Oxigraph's union default graph repeats a triple once per graph that
    holds it, so shared descriptions live in graph/discovered only."""
    store = open_store(built_store[0], read_only=True)
    repeated = query(
        store,
        """SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }
           GROUP BY ?s ?p ?o HAVING (COUNT(?g) > 1) } }""",
    )
    assert next(iter(repeated))["n"].value == "0"
    discovered = IriMinter().discovered_graph()
    minted = query(
        store,
        f"""ASK {{ GRAPH <{discovered.value}> {{
               ?i a skos:Concept ; skos:prefLabel "即时通信用户数增长率"@zh ;
                  skos:altLabel "即时通信用户规模增长率"@zh }} }}""",
    )
    assert bool(minted)


def test_discovered_descriptions_follow_the_documents(tmp_path):
    """A publisher no curated data knows is described in graph/discovered,
    and the description goes when no document names it any more."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    source = seeds / SEED_FILES["000"].name
    text = SEED_FILES["000"].read_text(encoding="utf-8")
    store = tmp_path / "store"
    graph = IriMinter().discovered_graph().value

    def discovered_names() -> set[str]:
        return {
            q.object.value
            for q in _graph_quads(store, graph)
            if q.predicate.value.endswith("prefLabel")
        }

    source.write_text(text.replace("source: 中国信息安全", "source: 某某周刊"), encoding="utf-8")
    build([seeds], store)
    assert "某某周刊" in discovered_names()
    source.write_text(text.replace("source: 中国信息安全", "source: 另一周刊"), encoding="utf-8")
    build([seeds], store)
    assert "另一周刊" in discovered_names() and "某某周刊" not in discovered_names()


def test_the_curated_data_is_read_once_and_again_when_a_file_changes(tmp_path):
    """load_reference gives the same Reference while ontology/'s Turtle files
    stay the same (each build calls it), and reads a changed folder anew."""
    folder = tmp_path / "ontology"
    shutil.copytree(Path(__file__).resolve().parents[1] / "ontology", folder)
    first = load_reference(folder)
    assert load_reference(folder) is first
    assert load_reference(folder, IriMinter("https://example.org/")) is not first
    assert first.region("某某新区") is None
    regions = folder / "reference" / "regions.ttl"
    regions.write_text(
        regions.read_text(encoding="utf-8")
        + "\n<https://w3id.org/cikg/id/region/CN-XX> a skos:Concept ;\n"
        "    skos:inScheme <https://w3id.org/cikg/id/scheme/region> ;\n"
        '    skos:prefLabel "某某新区"@zh .\n',
        encoding="utf-8",
    )
    again = load_reference(folder)
    assert again is not first
    assert again.region("某某新区").value == "https://w3id.org/cikg/id/region/CN-XX"


def test_graph_latest_is_derived_when_a_document_changes(tmp_path):
    """graph/latest holds each indicator's latest national observations and
    the policies query's answer listed; a build that writes a document
    derives it again, one that writes none leaves it, and a store without it
    (a build killed after a document was written, which dropped it, or while
    deriving it, which left graph/staging/latest) gets it back."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_FILES["004"], seeds)  # cnnic-46: 网民规模 at 2020-06
    store = tmp_path / "store"
    minter = IriMinter()
    latest, staging = minter.latest_graph(), minter.staging_graph("latest")
    users = "https://w3id.org/cikg/id/indicator/internet-users"
    listed = (ROOT / "queries" / "policies-with-metrics-and-sources.rq").read_text(encoding="utf-8")

    def latest_ends() -> set[str]:
        rows = query(
            open_store(store, read_only=True),
            f"""SELECT ?end WHERE {{ GRAPH <{latest.value}> {{
                  <{users}> cikg:latestNationalObservation ?o }} ?o cikg:periodEnd ?end }}""",
        )
        return {r["end"].value for r in rows}

    def answers() -> tuple[Counter[tuple[str | None, ...]], Counter[tuple[str | None, ...]]]:
        """The policies query's rows, and those of the query it lists."""
        opened = open_store(store, read_only=True)
        return _answer(query(opened, listed)), _answer(query(opened, ANSWER))

    assert build([seeds], store).latest_quads
    older = latest_ends()
    assert older and max(older) < "2024"
    first, expected = answers()
    assert first and first == expected
    before = _graph_quads(store, latest.value)
    assert build([seeds], store).latest_quads is None  # nothing written
    assert _graph_quads(store, latest.value) == before

    shutil.copy(SEED_FILES["001"], seeds)  # cnnic-55: 网民规模 at 2024-12
    assert build([seeds], store).latest_quads
    assert latest_ends() == {"2024-12-31"}
    second, expected = answers()
    assert second == expected and second != first
    assert any("2024-12-31" in str(row) for row in second)

    opened = open_store(store)
    opened.remove_graph(latest)
    del opened
    assert build([seeds], store).latest_quads
    assert latest_ends() == {"2024-12-31"}
    assert answers()[0] == second

    opened = open_store(store)  # killed while deriving: the first step done, not the last
    opened.update(f"MOVE GRAPH <{latest.value}> TO GRAPH <{staging.value}>")
    del opened
    assert build([seeds], store).latest_quads
    graphs = {g.value for g in open_store(store, read_only=True).named_graphs()}
    assert latest.value in graphs and staging.value not in graphs
    assert answers()[0] == second


def _answer(result: object) -> Counter[tuple[str | None, ...]]:
    """The rows of a SELECT result as a multiset of tuples of terms."""
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return Counter(tuple(None if r[n] is None else str(r[n]) for n in names) for r in result)
