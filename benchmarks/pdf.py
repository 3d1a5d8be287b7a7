"""PDF ingestion measured on the real corpus: pages per second with one and
with two worker processes (side by side, as a ratio), and what each PDF
yields. Run from the checkout with the venv active:

    python benchmarks/pdf.py [CORPUS_DIR]    # default ../shared/corpus/pdf

It prints a Markdown table and writes it to benchmarks/pdf-results.md.
"""

from __future__ import annotations

import platform
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

from cikg.load.pdf import classify_tables, load_pdf
from cikg.pipeline import build
from cikg.store import open_store, query

HERE = Path(__file__).resolve().parent


def _count(store, graph: str, cls: str) -> int:
    rows = query(
        store, f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?x a {cls} }} }}"
    )
    return int(next(iter(rows))["n"].value)


def main(corpus: Path) -> str:
    lines = [
        f"Machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
        f"{__import__('os').cpu_count()} CPUs.",
        "",
        "| PDF | pages | s (1 process) | s (2 processes) | ratio | pages/s (2) | passages | tables kept / rejected | observations | policies | citations |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for path in sorted(corpus.glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
            kept = rejected = 0
            for page in pdf.pages:
                found, dropped = classify_tables(page)
                kept, rejected = kept + len(found), rejected + dropped
        timings = []
        for workers in (1, 2):
            started = time.perf_counter()
            load_pdf(path, workers=workers)
            timings.append(time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as tmp:
            result = build([path], Path(tmp) / "store").results[0]
            store = open_store(Path(tmp) / "store", read_only=True)
            graph = result.graph
            passages = _count(store, graph, "<https://w3id.org/cikg/def#Passage>")
            observations = _count(store, graph, "<http://purl.org/linked-data/cube#Observation>")
            citations = _count(store, graph, "<https://w3id.org/cikg/def#Citation>")
            policies = result.counts.get("policies", 0)
            del store
        lines.append(
            f"| {path.name} | {pages} | {timings[0]:.2f} | {timings[1]:.2f} | "
            f"{timings[0] / timings[1]:.2f} | {pages / timings[1]:.1f} | {passages} | "
            f"{kept} / {rejected} | {observations} | {policies} | {citations} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    folder = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[1] / "shared" / "corpus" / "pdf"
    )
    table = main(folder)
    (HERE / "pdf-results.md").write_text("# PDF ingestion\n\n" + table, encoding="utf-8")
    print(table)
