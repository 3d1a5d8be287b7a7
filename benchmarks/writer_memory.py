"""The build's own process by corpus size: its peak memory and wall time,
serial and with ``--jobs N``, on the synthetic corpus of ``editions.py``.

Issue #20's targets: the writer's peak memory at 100 editions at most 1.5×
that at 1 edition; ``--jobs 2`` at 100 editions in at most 60 % of the
serial time. With ``--jobs`` the build's process only writes (workers
read), so its peak is the writer's; a serial build's process reads too.

Each build is ``cikg build CORPUS --store STORE --jobs N`` in a new Python
process (this file, run with ``--child``), into a fresh store; the child
prints its own peak resident set (``getrusage(RUSAGE_SELF)``: this process
alone, not its workers) and that of the workers it reaped
(``RUSAGE_CHILDREN``: the largest). Updates the section "Writer memory and
time by corpus size" of ``benchmarks/jobs.md``. Run from the checkout with
the venv active:

    python benchmarks/writer_memory.py --scales 1,10,100 --jobs 2
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from editions import write_editions

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HEADING = "## Writer memory and time by corpus size"


@dataclass(frozen=True, slots=True)
class Run:
    """One build: wall seconds, the build process's peak MB, its workers' largest peak MB."""

    seconds: float
    writer_mb: float
    worker_mb: float


def child(corpus: str, store: str, jobs: str) -> None:  # pragma: no cover - a benchmark process
    """Run ``cikg build`` in this process and print its peaks as JSON."""
    from cikg.cli import app

    try:
        app(["build", corpus, "--store", store, "--jobs", jobs], standalone_mode=False)
    finally:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps({"writer_mb": own, "worker_mb": workers}), file=sys.stderr)


def run_build(corpus: Path, store: Path, jobs: int) -> Run:
    """Build ``corpus`` into a fresh ``store`` in a new process.

    :raises RuntimeError: if the build fails.
    """
    shutil.rmtree(store, ignore_errors=True)
    command = [sys.executable, __file__, "--child", str(corpus), str(store), str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    peaks = json.loads(done.stderr.strip().splitlines()[-1])
    return Run(seconds, peaks["writer_mb"], peaks["worker_mb"])


def _commit() -> str:
    out = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    return out.stdout.strip() or "unknown"


def section(scales: list[int], jobs: int, runs: dict[tuple[int, int], Run], note: str) -> str:
    """The Markdown section for ``runs`` (``(scale, jobs) -> run``)."""
    first = scales[0]
    rows = []
    for n in scales:
        s, p = runs[n, 1], runs[n, jobs]
        rows.append(
            f"| {n} | {5 * n} | {s.seconds:.1f} | {p.seconds:.1f} | **{p.seconds / s.seconds:.2f}** "
            f"| {s.writer_mb:.0f} ({s.writer_mb / runs[first, 1].writer_mb:.2f}×) "
            f"| {p.writer_mb:.0f} ({p.writer_mb / runs[first, jobs].writer_mb:.2f}×) "
            f"| {p.worker_mb:.0f} |"
        )
    return "\n".join(
        [
            HEADING,
            "",
            f"Written by `python benchmarks/writer_memory.py --scales {','.join(map(str, scales))} "
            f"--jobs {jobs}`; cikg at commit {_commit()}; {os.cpu_count()} CPUs; "
            f"{platform.platform()}; Python {platform.python_version()}; {note}.",
            "",
            "Each build is one new process into a fresh store, serial then parallel at each size. "
            "*writer MB* is the build's own process (`getrusage(RUSAGE_SELF)`; serially it reads "
            "as well as writes, with `--jobs` it only writes) and, in brackets, its ratio to the "
            f"same build at {first} edition(s); *worker MB* the largest worker process. "
            "*ratio* is parallel ÷ serial wall time.",
            "",
            f"| editions | documents | serial s | --jobs {jobs} s | ratio | writer MB serial "
            f"| writer MB --jobs {jobs} | worker MB --jobs {jobs} |",
            "|---|---|---|---|---|---|---|---|",
            *rows,
            "",
        ]
    )


def write_section(text: str, path: Path) -> None:
    """Replace this benchmark's section of ``path`` (or append it)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    start = old.find(HEADING)
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = old.find("\n## ", start + len(HEADING))
        new = old[:start] + text + ("" if end < 0 else old[end:])
    path.write_text(new, encoding="utf-8")


def main(scales: list[int], jobs: int) -> str:
    load_start = os.getloadavg()[0]
    started = time.perf_counter()
    runs: dict[tuple[int, int], Run] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n in scales:
            corpus = work / f"editions-{n}"
            write_editions(ROOT / "seeds", corpus, n)
            for j in (1, jobs):
                runs[n, j] = run_build(corpus, work / "store", j)
                print(f"{n} editions, --jobs {j}: {runs[n, j]}", flush=True)
            shutil.rmtree(corpus)
    note = (
        f"run {dt.datetime.now().isoformat(timespec='minutes')}, "
        f"{(time.perf_counter() - started) / 60:.0f} minutes; load average {load_start:.2f} at "
        f"the start, {os.getloadavg()[0]:.2f} at the end (the machine is shared)"
    )
    return section(scales, jobs, runs, note)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(*sys.argv[2:])
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="edition counts (1,10,100)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (2)")
    parser.add_argument("--out", type=Path, default=HERE / "jobs.md", help="file to update")
    args = parser.parse_args()
    text = main([int(n) for n in args.scales.split(",")], args.jobs)
    write_section(text, args.out)
    print(text)
