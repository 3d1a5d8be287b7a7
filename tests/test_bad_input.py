"""Bad input through the whole build: each case a real file, under
``tests/data/bad/`` when small, else made here (the 50 MB text, PDFs cut,
locked or without text). A PDF without a text layer is skipped, naming
``--ocr`` (``test_ocr.py`` reads one). A document that cannot be read fails with its file
and place, the others are built, ``cikg build`` exits non-zero, and the
failed document's previous graph is left exactly as it was. Input that can
be read but is odd (encodings, ragged tables, malformed numbers, full-width
digits, dangling footnote markers, an unclosed 《) is built without invented
values, and what is odd is a finding with file and line.

The files in ``tests/data/bad/`` (each a short report in the layout of a
CNNIC report, an edition number of its own so each has its own slug):

- ``good.txt``: nothing wrong; the report the failing cases replace.
- ``empty.txt``: 0 bytes. ``garbage.txt``: 4096 random bytes, no NUL.
- ``nul-bytes.txt``: a UTF-8 report with NUL bytes on line 7.
- ``gb18030.txt``: a report in GB18030, with 𠮷, which GBK lacks.
- ``bom.txt``: UTF-8 with a BOM. ``utf16.txt``: UTF-16 LE with a BOM.
- ``cp1252.txt``: Windows-1252 text, neither UTF-8 nor GB18030.
- ``ragged-table.txt``: a table whose rows have 1, 2, 4 and 6 cells.
- ``odd-numbers.txt``: ``12.3.4`` and ``1,2,3`` in a sentence and in cells.
- ``full-width.txt``: ``１１．０８亿人``, ``７８．６％``.
- ``orphan-footnote.txt``: a marker ¹⁷ with no footnote.
- ``unbalanced-title.txt``: a 《 never closed.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad
from typer.testing import CliRunner

from cikg.cli import app
from cikg.iris import IriMinter
from cikg.pipeline import Status, build
from cikg.settings import BuildSettings
from cikg.store import open_store, query

from .pdf_fixtures import cnnic_like_pdf, encrypted_pdf, image_only_pdf

BAD = Path(__file__).resolve().parent / "data" / "bad"
OTHER = Path(__file__).resolve().parents[1] / "seeds" / "002_d0c621d1421c4aa5.txt"
runner = CliRunner()


def _all_quads(store_path: Path) -> set[Quad]:
    store = open_store(store_path, read_only=True)
    return set(store)


def _graph_quads(store_path: Path, graph: str) -> set[Quad]:
    store = open_store(store_path, read_only=True)
    return set(store.quads_for_pattern(None, None, None, NamedNode(graph)))


def _fifty_megabytes(path: Path) -> None:
    line = "截至 2024 年 12 月，我国网民规模达 11.08 亿人，互联网普及率达 78.6%。\n".encode()
    with path.open("wb") as f:
        f.write("第90次中国互联网络发展状况统计报告\n\n".encode())
        for _ in range(50 * 2**20 // len(line) + 1):
            f.write(line)


def _copy(name: str) -> Callable[[Path, Path], None]:
    return lambda target, _tmp: target.write_bytes((BAD / name).read_bytes())


def _truncated(target: Path, tmp: Path) -> None:
    data = cnnic_like_pdf(tmp / "whole.pdf").read_bytes()
    target.write_bytes(data[: len(data) // 2])


# case -> (suffix, how to write the bad file over the good one, the message, the place)
FAILING: dict[str, tuple[str, Callable[[Path, Path], None], str, str]] = {
    "empty": (".txt", _copy("empty.txt"), "is empty", ""),
    "binary garbage": (".txt", _copy("garbage.txt"), "control characters: not a text file", ""),
    "NUL bytes": (".txt", _copy("nul-bytes.txt"), r"NUL bytes \(the first at byte offset 100\)", ":7:"),
    "not UTF-8 nor GB18030": (".txt", _copy("cp1252.txt"), r"is not UTF-8 .*GB18030.*iconv -f", ":1:"),
    "50 MB of text": (".txt", lambda t, _: _fifty_megabytes(t), r"holds 50\.0 MB of text, over the limit of 4\.0 MB \(CIKG_MAX_INPUT_MB\)", ""),
    "truncated PDF": (".pdf", _truncated, "not a readable PDF", ""),
    "encrypted PDF": (".pdf", lambda t, _: encrypted_pdf(t) and None, "is encrypted; decrypt it first", ""),
    "YAML nested past the recursion limit": (".md", lambda t, _: t.write_text("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n正文\n", encoding="utf-8"), "unexpected RecursionError at .*\\.py:\\d+ called from text\\.py:\\d+ while building it", ""),
}  # fmt: skip


@pytest.fixture(scope="module")
def good_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return cnnic_like_pdf(tmp_path_factory.mktemp("good") / "good.pdf").read_bytes()


@pytest.fixture(scope="module")
def good_stores(tmp_path_factory: pytest.TempPathFactory, good_pdf: bytes):
    """For each suffix of the cases below: a store built from a folder holding
    the good report as ``report.txt`` (``.md``: the same text; ``.pdf``: the
    good PDF), the report's graph and its quads; built once, each case spoils
    the report over a copy."""
    stores = {}
    for suffix in sorted({case[0] for case in FAILING.values()}):
        data = good_pdf if suffix == ".pdf" else (BAD / "good.txt").read_bytes()
        tmp = tmp_path_factory.mktemp(f"good{suffix}")
        (tmp / "in").mkdir()
        (tmp / "in" / f"report{suffix}").write_bytes(data)
        first = build([tmp / "in"], tmp / "store").results[0]
        assert first.status is Status.BUILT
        before = _graph_quads(tmp / "store", first.graph)
        assert before
        stores[suffix] = (tmp, first.graph, before)
    return stores


def _good_store(good_stores, suffix: str, tmp_path: Path) -> tuple[Path, Path, str, set[Quad]]:
    """The good report's folder and store (copies), its graph and quads."""
    built, graph, before = good_stores[suffix]
    shutil.copytree(built / "in", tmp_path / "in")
    shutil.copytree(built / "store", tmp_path / "store")
    return tmp_path / "in", tmp_path / "store", graph, before


@pytest.mark.parametrize("case", FAILING)
def test_a_failing_document_is_reported_and_its_old_graph_kept(case, tmp_path, good_stores):
    suffix, spoil, message, place = FAILING[case]
    folder, store, graph, before = _good_store(good_stores, suffix, tmp_path)
    doc = folder / f"report{suffix}"
    assert _graph_quads(store, graph) == before

    spoil(doc, tmp_path)
    shutil.copy(OTHER, folder / "zz-other.txt")  # built after the failing one
    result = runner.invoke(app, ["build", str(folder), "--store", str(store)])

    assert result.exit_code == 1, result.output
    (line,) = [ln for ln in result.output.splitlines() if ln.startswith("failed:")]
    assert f"{doc}{place}" in line, line  # the file, and the line where known
    assert re.search(message, line), line
    assert _graph_quads(store, graph) == before  # nothing lost, nothing half-written
    graphs = {g.value for g in open_store(store, read_only=True).named_graphs()}
    assert any("/graph/report/article-2024-07-13-" in g for g in graphs)  # the other one built
    assert not any("/graph/staging/" in g for g in graphs)


def test_an_image_only_pdf_is_skipped_naming_ocr_and_its_old_graph_kept(tmp_path, good_stores):
    """A PDF whose pages have no text layer, built without --ocr, is skipped
    (not failed: --ocr reads it) with a message naming the page and --ocr;
    the graph of the file it replaced stays as it was."""
    folder, store, graph, before = _good_store(good_stores, ".pdf", tmp_path)
    doc = folder / "report.pdf"
    image_only_pdf(doc)
    result = runner.invoke(app, ["build", str(folder), "--store", str(store)])
    assert result.exit_code == 0, result.output
    (line,) = [ln for ln in result.output.splitlines() if ln.startswith("skipped:")]
    assert f"{doc}: has no text layer (page 1 is a scanned image): it needs OCR" in line, line
    assert "build it with --ocr" in line and "apt-get install tesseract-ocr" in line
    assert _graph_quads(store, graph) == before


def test_the_input_limit_is_a_setting(tmp_path):
    doc = tmp_path / "good.txt"
    shutil.copy(BAD / "good.txt", doc)
    tiny = BuildSettings(max_input_mb=100 / 2**20)  # 100 bytes
    (result,) = build([doc], tmp_path / "s", settings=tiny).results
    assert result.status is Status.FAILED
    assert "over the limit of 0.0 MB (CIKG_MAX_INPUT_MB)" in result.message
    env = {"CIKG_MAX_INPUT_MB": "0.0001"}
    cli = runner.invoke(app, ["build", str(doc), "--store", str(tmp_path / "s2")], env=env)
    assert cli.exit_code == 1 and "CIKG_MAX_INPUT_MB" in cli.output


# --- input that is read: what comes out ---------------------------------------------

OBSERVATIONS = """
SELECT ?indicator ?value ?text WHERE {
  GRAPH ?g { ?o a qb:Observation ; cikg:indicator ?i ; sdmx-measure:obsValue ?v ;
                cikg:valueText ?text }
  BIND(REPLACE(STR(?i), "^.*/", "") AS ?indicator)
  BIND(STR(?v) AS ?value)
  FILTER(?g = <%s>)
}"""
EXPECTED_GOOD = {
    ("internet-users", Decimal("1108000000")),
    ("internet-penetration", Decimal("78.6")),
}


@pytest.fixture(scope="module")
def odd_build(tmp_path_factory: pytest.TempPathFactory):
    """The readable odd files and good.txt built into one store."""
    tmp = tmp_path_factory.mktemp("odd")
    names = [
        "good.txt", "gb18030.txt", "bom.txt", "utf16.txt", "full-width.txt", "ragged-table.txt",
        "odd-numbers.txt", "orphan-footnote.txt", "unbalanced-title.txt",
    ]  # fmt: skip
    report = build([BAD / n for n in names], tmp / "store", minter=IriMinter())
    results = {r.path.name: r for r in report.results}
    return tmp / "store", results


def _observed(store_path: Path, graph: str) -> set[tuple[str, Decimal]]:
    store = open_store(store_path, read_only=True)
    rows = query(store, OBSERVATIONS % graph)
    return {(r["indicator"].value, Decimal(r["value"].value)) for r in rows}


def _texts(store_path: Path, graph: str) -> set[str]:
    return {q.object.value for q in _graph_quads(store_path, graph)}


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("gb18030.txt", "GB18030"),
        ("bom.txt", "UTF-8 with a byte order mark"),
        ("utf16.txt", "UTF-16"),
    ],
)
def test_other_encodings_are_decoded_and_said(odd_build, name, encoding):
    store, results = odd_build
    r = results[name]
    assert r.status is Status.BUILT, r.message
    assert _observed(store, r.graph) >= EXPECTED_GOOD
    (finding,) = [f for f in r.findings if f.kind == "encoding"]
    assert encoding in finding.message and finding.line == 1
    texts = _texts(store, r.graph)
    assert any(t.startswith("第9") and "\ufeff" not in t for t in texts)  # no BOM in titles
    if name == "gb18030.txt":
        assert any("吉林省𠮷林市" in t for t in texts)  # beyond GBK, decoded


def test_full_width_digits_and_percent_read_as_ascii(odd_build):
    store, results = odd_build
    full, plain = results["full-width.txt"], results["good.txt"]
    assert _observed(store, full.graph) == _observed(store, plain.graph)
    assert _observed(store, full.graph) >= EXPECTED_GOOD
    texts = _texts(store, full.graph)
    assert "１１．０８亿人" in texts and "７８．６％" in texts  # the surface form kept verbatim


def test_malformed_numbers_are_findings_not_values(odd_build):
    store, results = odd_build
    r = results["odd-numbers.txt"]
    assert r.status is Status.BUILT
    assert _observed(store, r.graph) == {("internet-penetration", Decimal("78.6"))}
    malformed = sorted(
        (f.line, f.message.split("'")[1]) for f in r.findings if f.kind == "malformed-number"
    )
    assert malformed == [(9, "1,2,3"), (9, "12.3.4")]
    cells = sorted(f.message for f in r.findings if f.kind == "skipped-cell")
    assert len(cells) == 2 and "'1,2,3'" in cells[0] and "'12.3.4'" in cells[1]
    assert all(f.line for f in r.findings)


def test_a_ragged_table_gives_only_the_cells_it_has(odd_build):
    store, results = odd_build
    r = results["ragged-table.txt"]
    assert r.status is Status.BUILT
    store_ = open_store(store, read_only=True)
    rows = query(
        store_,
        f"""SELECT ?row ?col ?v WHERE {{ GRAPH <{r.graph}> {{
              ?o cikg:rowHeader ?row ; cikg:columnHeader ?col ; sdmx-measure:obsValue ?v }} }}""",
    )
    cells = {(x["row"].value, x["col"].value[:7], Decimal(x["v"].value)) for x in rows}
    assert cells == {
        ("即时通信", "2023.12", Decimal("1059630000")),
        ("即时通信", "2024.12", Decimal("1081330000")),
        ("即时通信", "增长率（%）", Decimal("2.0")),
        ("网络视频", "2023.12", Decimal("1066710000")),
        ("短视频", "2023.12", Decimal("1053300000")),
        ("短视频", "2024.12", Decimal("1039530000")),
        ("短视频", "增长率（%）", Decimal("-1.3")),
    }
    # the cells beyond the header have no column, hence no period
    extra = sorted((f.line, f.message) for f in r.findings if f.kind == "no-period")
    assert extra == [(11, "表 1: no period for 短视频 88"), (11, "表 1: no period for 短视频 99.9")]
    # a line without a tab ends the table; the row after it is a table of its own,
    # a header only: its numbers are not guessed, they are a finding
    (cut,) = [f for f in r.findings if f.kind == "header-only-table"]
    assert cut.line == 18 and "'97,443'" in cut.message
    assert len(r.findings) == 3


def test_a_footnote_marker_without_its_footnote_is_a_finding(odd_build):
    store, results = odd_build
    r = results["orphan-footnote.txt"]
    assert r.status is Status.BUILT
    (f,) = r.findings
    assert (f.kind, f.line) == ("footnote-missing", 9) and "¹⁷" in f.message
    observed = _observed(store, r.graph)
    assert ("internet-penetration", Decimal("78.6")) not in observed
    assert any(
        value == Decimal("4251000") for _, value in observed
    )  # 425.1 万个, marker not a digit


def test_an_unclosed_title_is_a_finding_and_masks_nothing_after_it(odd_build):
    store, results = odd_build
    r = results["unbalanced-title.txt"]
    assert r.status is Status.BUILT
    (f,) = r.findings
    assert (f.kind, f.line) == ("unclosed-title", 9) and "《关于加快推进" in f.message
    assert _observed(store, r.graph) == {("internet-users", Decimal("1108000000"))}


def test_every_finding_of_the_seeds_names_its_line(built_store):
    _, report = built_store
    findings = [f for r in report.results for f in r.findings]
    assert findings and all(f.line for f in findings)


def test_build_lists_findings_with_file_and_line(tmp_path):
    result = runner.invoke(
        app, ["build", str(BAD / "odd-numbers.txt"), "--store", str(tmp_path / "s"), "--findings"]
    )
    assert result.exit_code == 0, result.output
    assert f"{BAD / 'odd-numbers.txt'}:9: [malformed-number] '12.3.4'" in result.output
