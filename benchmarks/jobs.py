"""``cikg build --jobs N`` against the serial build, side by side, on the seeds
and on the synthetic corpus of ``editions.py`` (the seeds as N editions).

Each build is ``cikg build`` as a user runs it: a new process, a fresh store
(then a rebuild of that store with nothing changed). Serial and parallel
builds alternate, their order swapped every round, so that the load of a
shared machine falls on both alike; the table gives each one's median wall
time and the ratio of the medians, and each round's ratio for the spread.
CPU time and peak memory come from ``wait4`` (the build and the worker
processes it reaped: CPU time summed, memory the largest process's).
Writes the top of ``benchmarks/jobs.md`` (its ``##`` sections, written by
hand or by ``writer_memory.py``, are kept). Run from the checkout with the venv active:

    python benchmarks/jobs.py                                # 10 editions, 2 rounds, --jobs 2
    python benchmarks/jobs.py --editions 10 --rounds 3 --jobs 2 --pdfs ../shared/corpus/pdf
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from editions import write_editions

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CIKG = Path(sys.executable).parent / "cikg"
_NOTE = (
    "Each worker is a new Python process: it imports cikg (about 0.6 s of CPU) and, on its "
    "first document to read, loads the curated data and builds jieba's dictionary (about 1.1 s "
    "more); the build's own process writes every graph, one transaction at a time, in input "
    "order. So `--jobs` pays off on many documents; on a handful, or on a rebuild where nothing "
    "changed (the workers only load and hash the files), starting the workers costs more than "
    "it saves. A worker reads a PDF's pages in one process (a serial build splits a PDF of 60 "
    "pages or more over the CPUs); PDFs are slow to load even when unchanged (the file is "
    "parsed to be hashed), which workers share. On this shared machine the ratios move with "
    "the load other work puts on it: compare runs at a similar load average."
)


@dataclass(frozen=True, slots=True)
class Run:
    """One ``cikg build``: wall and CPU seconds, peak resident MB."""

    seconds: float
    cpu: float
    peak_mb: float


def cikg_build(inputs: Path, store: Path, jobs: int) -> Run:
    """Run ``cikg build INPUTS --store STORE --jobs JOBS``.

    :raises RuntimeError: if it exits non-zero.
    """
    command = [str(CIKG), "build", str(inputs), "--store", str(store), "--jobs", str(jobs)]
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            out.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed:\n{out.read()[-2000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def measure(corpus: Path, work: Path, jobs: int, rounds: int) -> dict[tuple[str, int], list[Run]]:
    """Fresh builds and unchanged rebuilds of ``corpus``, serial and with
    ``jobs``, alternating; ``(kind, jobs) -> runs``."""
    runs: dict[tuple[str, int], list[Run]] = {}
    for n in range(rounds):
        for j in (1, jobs) if n % 2 == 0 else (jobs, 1):
            store = work / f"store-{j}"
            shutil.rmtree(store, ignore_errors=True)
            runs.setdefault(("fresh", j), []).append(cikg_build(corpus, store, j))
            runs.setdefault(("unchanged", j), []).append(cikg_build(corpus, store, j))
            print(f"  round {n + 1}, --jobs {j}: {runs['fresh', j][-1].seconds:.1f} s", flush=True)
    return runs


def _median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(r, field) for r in runs)


def rows(name: str, docs: int, runs: dict[tuple[str, int], list[Run]], jobs: int) -> list[str]:
    """Table rows for one corpus."""
    out = []
    for kind, label in (("fresh", "fresh store"), ("unchanged", "rebuild, nothing changed")):
        serial, parallel = runs[kind, 1], runs[kind, jobs]
        s, p = _median(serial, "seconds"), _median(parallel, "seconds")
        spread = ", ".join(
            f"{b.seconds / a.seconds:.2f}" for a, b in zip(serial, parallel, strict=True)
        )
        out.append(
            f"| {name}, {label} | {docs} | {s:.1f} | {p:.1f} | **{p / s:.2f}** | {spread} "
            f"| {_median(serial, 'cpu'):.1f} / {_median(parallel, 'cpu'):.1f} "
            f"| {_median(serial, 'peak_mb'):.0f} / {_median(parallel, 'peak_mb'):.0f} |"
        )
    return out


def _commit() -> str:
    out = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    return out.stdout.strip() or "unknown"


def main(editions: int, rounds: int, jobs: int, pdfs: Path | None) -> str:
    load_start = os.getloadavg()[0]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        seeds = work / "seeds"
        shutil.copytree(ROOT / "seeds", seeds)
        corpus = work / f"editions-{editions}"
        count = len(write_editions(ROOT / "seeds", corpus, editions))
        corpora = [
            ("seeds", seeds, len(list(seeds.glob("*.txt")))),
            (f"{editions} editions of the seeds", corpus, count),
        ]
        if pdfs is not None and any(pdfs.glob("*.pdf")):
            corpora.append(("PDF reports", pdfs, len(list(pdfs.glob("*.pdf")))))
        table = []
        for name, folder, docs in corpora:
            print(f"{name}:", flush=True)
            table += rows(name, docs, measure(folder, work, jobs, rounds), jobs)
    minutes = (time.perf_counter() - started) / 60
    command = f"python benchmarks/jobs.py --editions {editions} --rounds {rounds} --jobs {jobs}"
    if pdfs is not None:
        command += f" --pdfs {pdfs}"
    lines = [
        f"# `cikg build --jobs {jobs}` against the serial build",
        "",
        f"Written by `{command}` ({minutes:.0f} minutes).",
        "",
        f"- {os.cpu_count()} CPUs; {platform.platform()}; Python {platform.python_version()}",
        f"- cikg at commit {_commit()}; run {dt.datetime.now().isoformat(timespec='minutes')}; "
        f"load average {load_start:.2f} at the start, {os.getloadavg()[0]:.2f} at the end "
        "(the machine is shared)",
        "",
        "`cikg build` as a user runs it, a new process each time; serial and parallel "
        f"alternate, {rounds} rounds. Seconds are medians; *ratio* is parallel ÷ serial "
        "(below 1: faster), then each round's ratio. CPU seconds and peak MB (the largest "
        "process: the build, or a worker) are from `wait4`.",
        "",
        f"| build | documents | serial s | --jobs {jobs} s | ratio | per round "
        f"| CPU s serial / --jobs {jobs} | peak MB serial / --jobs {jobs} |",
        "|---|---|---|---|---|---|---|---|",
        *table,
        "",
        _NOTE,
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--editions", type=int, default=10, help="editions of the seeds (10)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of each build (2)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (2)")
    parser.add_argument(
        "--pdfs", type=Path, default=None, help="a folder of PDF reports to build too"
    )
    args = parser.parse_args()
    text = main(args.editions, args.rounds, args.jobs, args.pdfs)
    out = HERE / "jobs.md"
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    kept = old[old.find("\n## ") :] if "\n## " in old else ""  # sections added since
    out.write_text(text.rstrip("\n") + "\n" + kept, encoding="utf-8")
    print(text)
