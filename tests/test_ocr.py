"""Scanned PDFs: a report page drawn as an image (``scan_fixtures.py``) is
read by Tesseract with ``cikg build --ocr`` into the figures its text gives;
without ``--ocr`` its pages are reported as skipped; ``--ocr`` without
Tesseract is one clear error and the store is left as it was.

``.ci/run`` installs Debian's tesseract-ocr, tesseract-ocr-chi-sim and
fonts-noto-cjk; elsewhere the tests that need them are skipped when they are
missing, except under CI (``CI`` set), where a missing one fails.
"""

from __future__ import annotations

import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cikg.cli import app
from cikg.errors import InputError, NeedsOcr, OcrUnavailable
from cikg.load import load_document
from cikg.load.ocr import Tesseract, find_tesseract
from cikg.pipeline import Status, build
from cikg.records import BlockKind
from cikg.settings import BuildSettings
from cikg.store import open_store, query

from .scan_fixtures import HEAD, ROWS, SCAN_TEXT, SENTENCE, cjk_font, mixed_pdf, scanned_pdf

runner = CliRunner()


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI needs {what}", pytrace=False)
    pytest.skip(f"no {what} on this machine")


@pytest.fixture(scope="module")
def font() -> tuple[str, int]:
    found = cjk_font()
    if found is None:
        _missing("Noto CJK font (apt-get install fonts-noto-cjk)")
    return found


@pytest.fixture(scope="module")
def tesseract() -> None:
    try:
        find_tesseract(BuildSettings().ocr_languages)
    except OcrUnavailable as exc:
        _missing(f"Tesseract for --ocr ({exc})")


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory, font) -> Path:
    return scanned_pdf(tmp_path_factory.mktemp("scan") / "scan.pdf", font)


OBSERVATIONS = """
SELECT ?indicator ?value ?period WHERE {
  GRAPH ?g { ?o a qb:Observation ; cikg:indicator ?i ; sdmx-measure:obsValue ?v ;
                sdmx-dimension:refPeriod ?p }
  BIND(REPLACE(STR(?i), "^.*/", "") AS ?indicator)
  BIND(STR(?v) AS ?value)
  BIND(REPLACE(STR(?p), "^.*/", "") AS ?period)
}"""
#: The sentence's two figures and the table's six cells, as the text gives them.
EXPECTED = {
    ("internet-users", Decimal("1108000000"), "2024-12"),
    ("internet-penetration", Decimal("78.6"), "2024-12"),
    ("instant-messaging-users", Decimal("1081330000"), "2024-12"),
    ("instant-messaging-usage-rate", Decimal("97.6"), "2024-12"),
    ("online-video-users", Decimal("1070180000"), "2024-12"),
    ("online-video-usage-rate", Decimal("96.6"), "2024-12"),
    ("online-payment-users", Decimal("1028910000"), "2024-12"),
    ("online-payment-usage-rate", Decimal("92.8"), "2024-12"),
}


def _observations(store: Path) -> set[tuple[str, Decimal, str]]:
    rows = query(open_store(store, read_only=True), OBSERVATIONS)
    return {(r["indicator"].value, Decimal(r["value"].value), r["period"].value) for r in rows}


def test_a_scanned_page_builds_with_ocr_into_the_figures_of_its_text(tmp_path, scan, tesseract):
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", "--ocr", str(scan), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "1 ocr" in result.output  # the page's OCR finding is counted
    assert _observations(store) == EXPECTED

    twin = tmp_path / "twin" / "scan.txt"  # the same page as a text report
    twin.parent.mkdir()
    twin.write_text(SCAN_TEXT, encoding="utf-8")
    build([twin], tmp_path / "twin-store")
    assert _observations(tmp_path / "twin-store") == EXPECTED


def test_ocr_rebuilds_the_table_from_word_positions(scan, tesseract):
    doc = load_document(scan, ocr=find_tesseract(BuildSettings().ocr_languages))
    (table,) = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert table.label == "表 1" and table.header_rows == 1
    assert [list(r) for r in table.rows[1:]] == ROWS
    assert len(table.rows[0]) == len(HEAD) and table.rows[0][0] == HEAD[0]
    assert any(b.text == SENTENCE for b in doc.blocks)
    (finding,) = [f for f in doc.findings if f.kind == "ocr"]
    assert finding.page == 1 and doc.ocr_pages == (1,)
    assert "read by OCR" in finding.message and " s: " in finding.message  # time per page


def test_without_ocr_a_scanned_pdf_is_skipped_and_says_ocr_reads_it(tmp_path, scan):
    with pytest.raises(
        NeedsOcr,
        match=r"scan\.pdf: has no text layer \(page 1 is a scanned image\): it needs OCR; build it with --ocr",
    ):
        load_document(scan)
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", str(scan), "--store", str(store)])
    assert result.exit_code == 0, result.output
    (line,) = [ln for ln in result.output.splitlines() if ln.startswith("skipped:")]
    assert str(scan) in line and "page 1" in line and "--ocr" in line


def test_without_ocr_a_scanned_page_among_text_pages_is_a_finding(tmp_path, font):
    pdf = mixed_pdf(tmp_path / "mixed.pdf", font)
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", str(pdf), "--store", str(store)])
    assert result.exit_code == 0, result.output
    (built,) = build([pdf], tmp_path / "store2").results
    (finding,) = [f for f in built.findings if f.kind == "needs-ocr"]
    assert finding.page == 2 and "--ocr" in finding.message
    shown = [ln for ln in result.output.splitlines() if "[needs-ocr]" in ln]
    assert shown == [f"  {pdf} (page 2): [needs-ocr] {finding.message}"]  # even without --findings


def test_ocr_reads_the_scanned_page_of_a_mixed_pdf(tmp_path, font, tesseract):
    pdf = mixed_pdf(tmp_path / "mixed.pdf", font)
    store = tmp_path / "store"
    (result,) = build([pdf], store, settings=BuildSettings(ocr=True)).results
    assert result.status is Status.BUILT, result.message
    assert [f.page for f in result.findings if f.kind == "ocr"] == [2]
    assert not [f for f in result.findings if f.kind == "needs-ocr"]
    assert _observations(store) == EXPECTED


def test_a_graph_built_without_ocr_is_rebuilt_with_it(tmp_path, font, tesseract):
    """The same file, built first without --ocr (its scanned page left out),
    is not "unchanged" when built with --ocr."""
    pdf = mixed_pdf(tmp_path / "mixed.pdf", font)
    store = tmp_path / "store"
    assert build([pdf], store).results[0].status is Status.BUILT
    assert _observations(store) == set()
    (again,) = build([pdf], store, settings=BuildSettings(ocr=True)).results
    assert again.status is Status.BUILT
    assert _observations(store) == EXPECTED


def _path_without_tesseract(tmp_path: Path) -> str:
    """A PATH with python and every command but tesseract."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("fc-match",):
        found = shutil.which(name)
        if found:
            (bin_dir / name).symlink_to(found)
    return str(bin_dir)


def test_ocr_without_tesseract_is_one_error_naming_the_packages(tmp_path, scan, monkeypatch):
    store = tmp_path / "store"
    monkeypatch.setenv("PATH", _path_without_tesseract(tmp_path))
    result = runner.invoke(app, ["build", "--ocr", str(scan), "--store", str(store)])
    assert result.exit_code == 1
    assert "apt-get install tesseract-ocr tesseract-ocr-chi-sim" in result.output
    assert not store.exists()  # nothing created, nothing written


def test_ocr_without_the_chinese_data_names_its_package(tmp_path, scan, tesseract, monkeypatch):
    """Tesseract with English data only (TESSDATA_PREFIX pointing at a copy
    of it): the error names tesseract-ocr-chi-sim, and a store built before
    is left exactly as it was."""
    store = tmp_path / "store"
    twin = tmp_path / "scan.txt"
    twin.write_text(SCAN_TEXT, encoding="utf-8")
    build([twin], store)
    before = set(open_store(store, read_only=True))
    data = tmp_path / "tessdata"
    data.mkdir()
    eng = next(Path("/usr/share").glob("tesseract-ocr/*/tessdata/eng.traineddata"), None)
    if eng is None:
        pytest.skip("no eng.traineddata under /usr/share/tesseract-ocr")
    (data / "eng.traineddata").symlink_to(eng)
    monkeypatch.setenv("TESSDATA_PREFIX", str(data))
    result = runner.invoke(app, ["build", "--ocr", str(scan), "--store", str(store)])
    assert result.exit_code == 1
    assert "apt-get install tesseract-ocr-chi-sim" in result.output
    assert set(open_store(store, read_only=True)) == before


def test_tesseract_failing_on_a_page_names_the_file_and_page(scan):
    """A Tesseract that fails (here /bin/false in its place) fails the
    document with its file and page, not a traceback."""
    failing = Tesseract(
        command=shutil.which("false") or "/bin/false", version="-", languages="chi_sim"
    )
    with pytest.raises(
        InputError, match=r"scan\.pdf \(page 1\): OCR failed: .*false failed \(exit 1\)"
    ):
        load_document(scan, ocr=failing)


def test_ocr_in_build_workers_reads_as_the_serial_build(tmp_path, font, tesseract):
    """--ocr --jobs 2: the workers get Tesseract, and a graph built without
    --ocr is written again (not taken as unchanged by the writer)."""
    pdf = mixed_pdf(tmp_path / "mixed.pdf", font)
    text = tmp_path / "report.txt"
    text.write_text(SCAN_TEXT, encoding="utf-8")
    store = tmp_path / "store"
    build([pdf, text], store, jobs=2)  # the scanned page left out
    report = build([pdf, text], store, settings=BuildSettings(ocr=True), jobs=2)
    assert report.workers == 2
    assert [r.status for r in report.results] == [Status.BUILT, Status.UNCHANGED]
    assert [f.page for f in report.results[0].findings if f.kind == "ocr"] == [2]
