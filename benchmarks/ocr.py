"""OCR measured per page: the corpus PDFs' pages rendered to images (a clean
scan of a real report page) and read back by Tesseract through
:mod:`cikg.load.ocr`, for each language setting and resolution. Per setting:
seconds per page, how much of the text layer's text the OCR text matches
(characters, white space ignored) and how many of its numbers it holds
(the figures are what the graph keeps). The OCR tests' generated scanned
page (``tests/scan_fixtures.py``) is measured first, against its text. Run
from the checkout with the venv active:

    python benchmarks/ocr.py [CORPUS_DIR] [--pages N]   # default ../shared/corpus/pdf, 4

It prints a Markdown table and writes it to benchmarks/ocr-results.md.
"""

from __future__ import annotations

import argparse
import difflib
import os
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

from cikg.load.ocr import find_tesseract, ocr_page

HERE = Path(__file__).resolve().parent
SETTINGS = [("chi_sim+eng", 300), ("chi_sim", 300), ("chi_sim", 200)]
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*%?")


def _squash(text: str) -> str:
    return "".join(text.split())


def _pages(path: Path, count: int) -> list[tuple[int, str]]:
    """``count`` pages spread over the document (the cover left out), each
    with at least 200 characters of text, and that text."""
    with pdfplumber.open(path) as pdf:
        total = len(pdf.pages)
        step = max(1, (total - 1) // (count + 1))
        chosen = []
        for index in range(step, total, step):
            text = pdf.pages[index].extract_text() or ""
            if len(_squash(text)) >= 200:
                chosen.append((index, text))
            if len(chosen) == count:
                break
    return chosen


def _fixture_pages(folder: Path) -> tuple[Path, list[tuple[int, str]]]:
    """The OCR tests' scanned page (tests/scan_fixtures.py) and its text."""
    sys.path.insert(0, str(HERE.parent))
    from tests.scan_fixtures import SCAN_TEXT, cjk_font, scanned_pdf

    font = cjk_font()
    if font is None:
        raise SystemExit("no Noto CJK font: apt-get install fonts-noto-cjk")
    return scanned_pdf(folder / "scan.pdf", font), [(0, SCAN_TEXT)]


def main(corpus: Path, count: int) -> str:
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.2f} at the start; {find_tesseract().version}, one thread "
        "(OMP_THREAD_LIMIT=1) per page.",
        "",
        "`scan.pdf`: the OCR tests' scanned page (a Pillow image at 200 dpi in a PDF), "
        f"against its text. Then {count} text pages of each corpus PDF, rendered in grey and "
        "read by Tesseract as scanned pages are (`cikg.load.ocr.ocr_page`: rendering, "
        "Tesseract and the layout), against the page's own text layer (pdfplumber).",
        "",
        "| PDF | languages | dpi | pages | s/page (mean) | s/page (max) | characters matched | numbers found | mean confidence |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    missed: list[str] = []
    folder = Path(tempfile.mkdtemp())
    sources = [_fixture_pages(folder)]
    sources += [(path, _pages(path, count)) for path in sorted(corpus.glob("*.pdf"))]
    for path, pages in sources:
        for languages, dpi in SETTINGS:
            tesseract = find_tesseract(languages, dpi)
            seconds, matched, total, found, numbers, confidence = [], 0, 0, 0, 0, []
            for index, text in pages:
                started = time.perf_counter()
                page = ocr_page(path, index, tesseract)
                seconds.append(time.perf_counter() - started)
                truth, read = _squash(text), _squash("".join(page.lines))
                blocks = difflib.SequenceMatcher(None, truth, read, autojunk=False)
                matched += sum(b.size for b in blocks.get_matching_blocks())
                total += len(truth)
                wanted = _NUMBER_RE.findall(truth)
                got = set(_NUMBER_RE.findall(read))
                found += sum(1 for n in wanted if n in got)
                numbers += len(wanted)
                lost = [n for n in wanted if n not in got]
                if lost:
                    missed.append(
                        f"- {path.name} p{index + 1}, {languages} {dpi} dpi: {', '.join(lost)}"
                    )
                confidence.append(page.confidence)
            lines.append(
                f"| {path.name} | {languages} | {dpi} | {len(pages)} | "
                f"{sum(seconds) / len(seconds):.2f} | {max(seconds):.2f} | "
                f"{100 * matched / total:.1f} % | {found}/{numbers} | "
                f"{sum(confidence) / len(confidence):.1f} |"
            )
            print(lines[-1], flush=True)
    lines += ["", "Numbers of the text layer not found in the OCR text:", "", *missed]
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "corpus", nargs="?", type=Path, default=HERE.parent.parent / "shared" / "corpus" / "pdf"
    )
    parser.add_argument("--pages", type=int, default=4)
    args = parser.parse_args()
    table = main(args.corpus, args.pages)
    (HERE / "ocr-results.md").write_text("# OCR per page\n\n" + table + "\n", encoding="utf-8")
    print(table)
