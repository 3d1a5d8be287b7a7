"""Reading speed per input kind: each seed with a title page read as its text,
as a web page (``tests/html_pages.py``: navigation, footer and scripts around
it) and as a Word file (``tests/word_files.py``), side by side. A reading is
what a build does before it writes: load the file, its metadata, its facts
(:func:`cikg.reading.read_document` is not used so that the three kinds go
through the same three calls). Per seed and kind: the best of ``--repeat``
timings, the characters of the seed's text, seconds per million characters
and the ratio to the text's time. Run from the checkout with the venv
active:

    python benchmarks/inputs.py [--repeat N]   # default 3

It prints a Markdown table and writes it to benchmarks/inputs-results.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the tests' page and Word writers

from cikg.extract.document import document_to_facts  # noqa: E402
from cikg.extract.quantities import UnitTable  # noqa: E402
from cikg.iris import IriMinter  # noqa: E402
from cikg.load import load_document  # noqa: E402
from cikg.metadata import document_to_metadata  # noqa: E402
from cikg.reference import load_reference  # noqa: E402
from cikg.segment import Segmenter  # noqa: E402
from tests.html_pages import render_page  # noqa: E402
from tests.word_files import write_word  # noqa: E402

SEEDS = HERE.parent / "seeds"
REPORTS = ("001", "003", "004")  # the seeds the Word test writes too


def _best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ref = load_reference()
    units = UnitTable.from_quads(ref.reference_quads)
    segmenter = Segmenter.from_reference(ref)

    def read(path: Path) -> int:
        doc = load_document(path, pdf_workers=1)
        document_to_metadata(doc, ref, IriMinter())
        return len(document_to_facts(doc, ref, units, segmenter).facts)

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for key in REPORTS:
            (text,) = SEEDS.glob(f"{key}_*.txt")
            doc = load_document(text)
            page = Path(tmp) / f"{text.stem}.html"
            page.write_text(render_page(doc), encoding="utf-8")
            word = Path(tmp) / f"{text.stem}.docx"
            write_word(doc, word)
            chars = len(text.read_text(encoding="utf-8"))
            read(text)  # warm the segmenter's caches once
            base = _best(lambda p=text: read(p), args.repeat)
            for kind, path in (("text", text), ("html", page), ("docx", word)):
                seconds = base if kind == "text" else _best(lambda p=path: read(p), args.repeat)
                loading = _best(lambda p=path: load_document(p), args.repeat)
                rows.append(
                    (
                        text.name[:3],
                        kind,
                        path.stat().st_size,
                        chars,
                        read(path),
                        seconds,
                        seconds / chars * 1e6,
                        seconds / base,
                        loading,
                    )
                )
    load = os.getloadavg()[0]
    lines = [
        "# Reading speed per input kind",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, load average {load:.2f} at the "
        f"end; best of {args.repeat} runs of load + metadata + facts in one process.",
        "",
        "The same seed as its text, as a web page (tests/html_pages.py) and as a Word file "
        "(tests/word_files.py); characters are the seed text's, so s/Mchar compares the "
        "kinds on the same content. Ratio: the kind's time over the text's.",
        "",
        "| seed | kind | file bytes | characters | facts | s | s/Mchar | ratio to text "
        "| of which loading (s) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for seed, kind, size, chars, facts, seconds, per, ratio, loading in rows:
        lines.append(
            f"| {seed} | {kind} | {size:,} | {chars:,} | {facts} | {seconds:.2f} | {per:.1f} "
            f"| {ratio:.2f} | {loading:.2f} |"
        )
    out = "\n".join(lines) + "\n"
    print(out)
    (HERE / "inputs-results.md").write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main()
