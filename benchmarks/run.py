"""Issue #9's benchmarks in one command: build, query latency, throughput, scale,
pages — cikg side by side with ``oxigraph serve-read-only`` on the same machine,
in the same run, reported as ratios. Writes ``benchmarks/RESULTS.md``.

    pip install -e '.[bench]'
    python benchmarks/run.py                       # everything (about 20 min)
    python benchmarks/run.py --only latency,throughput --scale 1,10

Sections: ``build``, ``latency``, ``throughput``, ``scale``, ``pages``, ``load``
(the load and runaway figures of issue #10).
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
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import pypdfium2
from editions import write_editions
from http_load import (
    floor_latencies,
    http_latencies,
    query_path,
    throughput,
)
from pages import page_urls, render_medians
from servers import (
    BIN,
    cikg_server,
    oxigraph_binary,
    oxigraph_server,
    oxigraph_store,
    peak_rss_mb,
)
from starlette.testclient import TestClient
from workload import Query, examples, lookups

from cikg.serve import create_app
from cikg.store import open_store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SECTIONS = ("build", "latency", "throughput", "scale", "pages", "load")
LIGHT = ("series", "description", "search")


# ---------------------------------------------------------------- the machine


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _mem_total_gb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024 / 1024
    return 0.0


def _version(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, check=False)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return "not found"


def machine() -> list[str]:
    """A description of the machine and the software measured."""
    commit = _version(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    return [
        "## Machine",
        "",
        f"- {_cpu_model()}, {os.cpu_count()} CPUs, {_mem_total_gb():.1f} GiB RAM; "
        f"{platform.platform()}",
        f"- Python {platform.python_version()}; pyoxigraph {pyoxigraph.__version__}; "
        f"{_version([oxigraph_binary(), '--version'])}",
        f"- cikg at commit {commit}; run {dt.datetime.now().isoformat(timespec='minutes')}; "
        f"load average at start {os.getloadavg()[0]:.2f}",
        "",
    ]


# ---------------------------------------------------------------- build


@dataclass(frozen=True, slots=True)
class Timed:
    """A command's wall time (s), its peak resident memory (MB) and output."""

    seconds: float
    peak_mb: float
    output: str


def timed(command: list[str]) -> Timed:
    """Run ``command``; its wall time and peak RSS (``wait4``'s ``ru_maxrss``).

    :raises RuntimeError: if it exits non-zero.
    """
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{output[-2000:]}")
    return Timed(seconds, usage.ru_maxrss / 1024, output)


def cikg_build(inputs: list[Path], store: Path, *extra: str) -> Timed:
    """``cikg build`` as a user runs it."""
    return timed([str(BIN / "cikg"), "build", *map(str, inputs), "--store", str(store), *extra])


def _pdf_pages(folder: Path) -> int:
    return sum(len(pypdfium2.PdfDocument(str(p))) for p in sorted(folder.glob("*.pdf")))


def build_section(work: Path, corpus: Path | None) -> tuple[list[str], Path]:
    """Build figures; returns the lines and the seeds' store (for later sections)."""
    seeds = work / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    for path in seeds.iterdir():
        path.chmod(0o644)
    store = work / "store"
    files = sorted(seeds.glob("*.txt"))
    kb = sum(p.stat().st_size for p in files) / 1024
    fresh = cikg_build([seeds], store)
    unchanged = cikg_build([seeds], store)
    largest = max(files, key=lambda p: p.stat().st_size)
    with largest.open("a", encoding="utf-8") as f:
        f.write("\n\n附注：本段为基准测试追加的文字。\n")
    one_changed = cikg_build([seeds], store)
    rows = [
        ("seeds, fresh store", fresh, len(files), f"{kb / fresh.seconds:,.0f} KB/s"),
        ("seeds, rebuild, nothing changed", unchanged, len(files), "—"),
        (f"seeds, rebuild, one changed ({largest.name[:3]}, the largest)", one_changed, 1, "—"),
    ]
    if corpus is not None and corpus.is_dir():
        pdfs = sorted(corpus.glob("*.pdf"))
        pages = _pdf_pages(corpus)
        pdf = cikg_build([corpus], work / "pdf-store")
        rows.append(
            (
                f"PDF corpus ({len(pdfs)} PDFs, {pages} pages)",
                pdf,
                len(pdfs),
                f"{pages / pdf.seconds:.1f} pages/s",
            )
        )
    lines = [
        "## 1. Build",
        "",
        "`cikg build` as a user runs it (a new process each time: Python start, jieba's "
        "dictionary and the curated data loaded, then the documents). Peak memory is the "
        "process's maximum resident set (`wait4`).",
        "",
        "| build | s | documents built | documents/s | throughput | peak MB |",
        "|---|---|---|---|---|---|",
    ]
    for name, t, docs, rate in rows:
        lines.append(
            f"| {name} | {t.seconds:.2f} | {docs} | {docs / t.seconds:.2f} | {rate} | {t.peak_mb:.0f} |"
        )
    lines += [
        "",
        f"Seeds: {len(files)} text files, {kb:,.0f} KB. Target: seeds build in under 10 s "
        f"on this machine: **{'met' if fresh.seconds < 10 else 'missed'}** "
        f"({fresh.seconds:.1f} s).",
        "",
    ]
    return lines, store


# ---------------------------------------------------------------- latency


def _ms(x: float) -> str:
    return f"{x:.2f}" if x < 10 else f"{x:.1f}"


def latency_section(store_dir: Path, work: Path) -> list[str]:
    store = open_store(store_dir, read_only=True)
    kinds = lookups(store, 1)
    queries = [*examples(), *(kinds[k][0] for k in LIGHT)]
    ox_store = oxigraph_store(store_dir, work / "oxigraph-store")
    lines = [
        "## 2. Query latency",
        "",
        "Each query of `queries/` and three typical lookups (one indicator's national series, "
        "one resource's description, a label search), every target in turn, one client, "
        "requests one after another on a kept-alive connection. Samples: up to 200 or 3 s per "
        "query and target (at least 10). Every sample's text differs by a comment, so cikg's "
        "result cache does not answer (the *cached* column repeats one text). *Floor*: "
        "pyoxigraph in this process, the query evaluated and its solutions written as SPARQL "
        "JSON. `oxigraph serve-read-only --union-default-graph` holds the same quads "
        "(`cikg export --format nquads` | `oxigraph load`).",
        "",
        "| query | floor p50 / p99 ms | cikg p50 / p99 ms | cikg ÷ floor (p50) | cikg − floor (p50 ms) | cikg cached p50 ms | oxigraph p50 / p99 ms | oxigraph ÷ floor (p50) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    overheads: list[tuple[str, float]] = []
    with cikg_server(store_dir) as cikg, oxigraph_server(ox_store) as ox:
        for q in queries:
            floor = floor_latencies(store, q.text)
            ours = http_latencies(cikg, q.text)
            cached = http_latencies(cikg, q.text, distinct=False)
            theirs = http_latencies(ox, q.text)
            over = ours.p50 - floor.p50
            if q.name in LIGHT:
                overheads.append((q.name, over))
            lines.append(
                f"| {q.name} | {_ms(floor.p50)} / {_ms(floor.p99)} | {_ms(ours.p50)} / "
                f"{_ms(ours.p99)} | {ours.p50 / floor.p50:.1f} | {over:.2f} | {_ms(cached.p50)} | "
                f"{_ms(theirs.p50)} / {_ms(theirs.p99)} | {theirs.p50 / floor.p50:.1f} |"
            )
    worst = max(o for _, o in overheads)
    lines += [
        "",
        "Target: cikg's HTTP overhead over the floor at most 2 ms at p50 for light queries "
        f"(the three lookups): **{'met' if worst <= 2 else 'missed'}** (largest "
        f"{worst:.2f} ms: " + ", ".join(f"{n} {o:.2f}" for n, o in overheads) + ").",
        "",
    ]
    return lines


# ---------------------------------------------------------------- throughput


def mixes(store_dir: Path, cycles: int) -> tuple[list[Query], list[Query]]:
    """(repeating, distinct) request mixes of the same composition: per cycle,
    each example query once and 20 lookups of each kind. The repeating mix
    cycles over one such set; in the distinct mix no text comes twice (other
    lookups where the store has them, and a comment naming the request)."""
    store = open_store(store_dir, read_only=True)
    pool = lookups(store, 20 * cycles)
    ex = examples()

    def cycle(c: int, distinct: bool) -> list[Query]:
        out = []
        for kind in LIGHT:
            items = pool[kind]
            for i in range(20):
                k = (c * 20 + i) % len(items) if distinct else i % len(items)
                out.append(items[k])
        out.extend(ex)
        if distinct:
            out = [Query(q.name, f"# request {c}-{n}\n{q.text}") for n, q in enumerate(out)]
        return out

    repeating = [q for c in range(cycles) for q in cycle(c, False)]
    distinct = [q for c in range(cycles) for q in cycle(c, True)]
    return repeating, distinct


def throughput_section(store_dir: Path, work: Path, cycles: int) -> list[str]:
    ox_store = work / "oxigraph-store"
    if not ox_store.exists():
        oxigraph_store(store_dir, ox_store)
    repeating, distinct = mixes(store_dir, cycles)
    per_cycle = len(repeating) // cycles
    warm = [Query(q.name, f"# warm-up\n{q.text}") for q in distinct[:per_cycle]]
    lines = [
        "## 3. Throughput",
        "",
        f"An asyncio client on loopback, {len(repeating)} requests per run (a fixed count: {cycles} cycles of "
        f"{per_cycle} requests, each cycle the {len(examples())} example queries and 20 lookups "
        "of each kind). *Repeating*: every cycle the same texts, as real traffic repeats "
        "popular requests. *Distinct*: no text twice. Each run starts a fresh server (an "
        "empty result cache), warmed first by one cycle of distinct texts not in the run "
        "(so the store's own caches are warm, in every worker). The client shares the "
        "machine's CPUs with the server.",
        "",
        "| mix | clients | cikg req/s | oxigraph req/s | cikg ÷ oxigraph | cikg p50 / p99 ms | oxigraph p50 / p99 ms | errors (cikg / oxigraph) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    ratios: dict[tuple[str, int], float] = {}
    for mix_name, mix in (("repeating", repeating), ("distinct", distinct)):
        for clients in (1, 8, 32):
            results = {}
            for name in ("cikg", "oxigraph"):
                server_cm = cikg_server(store_dir) if name == "cikg" else oxigraph_server(ox_store)
                with server_cm as server:
                    throughput(server, [query_path(server, q.text) for q in warm], 2, len(warm))
                    paths = [query_path(server, q.text) for q in mix]
                    results[name] = throughput(server, paths, clients, len(paths))
            a, b = results["cikg"], results["oxigraph"]
            ratio = a["rps"] / b["rps"]
            ratios[(mix_name, clients)] = ratio

            lines.append(
                f"| {mix_name} | {clients} | {a['rps']:.1f} | {b['rps']:.1f} | {ratio:.2f} | "
                f"{a['p50']:.1f} / {a['p99']:.0f} | {b['p50']:.1f} / {b['p99']:.0f} | "
                f"{a['non200'] + a['errors']} / {b['non200'] + b['errors']} |"
            )
    rep, dis = ratios[("repeating", 8)], ratios[("distinct", 8)]
    lines += [
        "",
        "Targets at 8 clients: repeating mix at least equal to oxigraph "
        f"(**{'met' if rep >= 1 else 'missed'}**, {rep:.2f}×); distinct mix at least half "
        f"(**{'met' if dis >= 0.5 else 'missed'}**, {dis:.2f}×).",
        "",
    ]
    return lines


# ---------------------------------------------------------------- scale


def _du_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1024 / 1024


def _median_ms(fn: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _scale_point(store_dir: Path, series: str) -> tuple[int, float, float, float]:
    """(quads, series query ms, indicator page ms, home page ms) of one store."""
    store = open_store(store_dir, read_only=True)
    client = TestClient(create_app(store))
    return (
        len(store),
        _median_ms(lambda: list(store.query(series, use_default_graph_as_union=True))),
        _median_ms(lambda: client.get("/id/indicator/internet-users")),
        _median_ms(lambda: client.get("/")),
    )


def scale_section(work: Path, scales: list[int]) -> list[str]:
    series = next(q for q in examples() if q.name == "indicator-series")
    lines = [
        "## 4. Scale",
        "",
        "The seeds replicated as N editions (`benchmarks/editions.py`: years moved back k "
        "years, edition numbers moved on 100 k, so each copy is a report of its own and its "
        "series overlap the others'), built into a fresh store. Latencies are medians of 7, in "
        "process: the example series query (`indicator-series.rq`) and two pages (the "
        "indicator 网民规模, whose series grows with N, and the home page).",
        "",
        "| N | documents | build s | s per document | peak MB | store MB | quads | series query ms | indicator page ms | home page ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    per_doc = []
    for n in scales:
        corpus = work / f"editions-{n}"
        files = write_editions(ROOT / "seeds", corpus, n)
        store_dir = work / f"editions-{n}-store"
        built = cikg_build([corpus], store_dir)
        quads, q_ms, page_ms, home_ms = _scale_point(store_dir, series.text)
        per_doc.append(built.seconds / len(files))
        lines.append(
            f"| {n} | {len(files)} | {built.seconds:.1f} | {built.seconds / len(files):.2f} | "
            f"{built.peak_mb:.0f} | {_du_mb(store_dir):.0f} | {quads:,} | {q_ms:.2f} | "
            f"{page_ms:.1f} | {home_ms:.1f} |"
        )
        shutil.rmtree(corpus)
    growth = per_doc[-1] / per_doc[0]
    lines += [
        "",
        f"Seconds per document at N = {scales[-1]} are {growth:.2f}× those at N = {scales[0]} "
        "(1.00× is linear).",
        "",
    ]
    return lines


# ---------------------------------------------------------------- pages


def pages_section(store_dir: Path) -> list[str]:
    lines = [
        "## 5. Pages",
        "",
        "Median render time of each linked-data page type, in process (Starlette's test "
        "client, no network), 7 requests each in Chinese and in English.",
        "",
        "| page type | example | status | bytes (zh) | median ms, zh | en |",
        "|---|---|---|---|---|---|",
    ]
    for kind, url, status, size, medians in render_medians(store_dir):
        lines.append(
            f"| {kind} | `{url}` | {status} | {size:,} | {medians['zh']:.1f} | {medians['en']:.1f} |"
        )
    return [*lines, ""]


# ---------------------------------------------------------------- load (#10)


class _RssSampler(threading.Thread):
    """Samples a server tree's resident memory every half second."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self._done = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.5):
            self.peak = max(self.peak, peak_rss_mb(self.pid)[1])

    def finish(self) -> float:
        """Stop sampling; the peak seen (MB)."""
        self._done.set()
        self.join()
        return max(self.peak, peak_rss_mb(self.pid)[1])


def _page_paths(store_dir: Path) -> list[str]:
    store = open_store(store_dir, read_only=True)
    return list(page_urls(store).values())


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def load_section(store_dir: Path, seconds: int) -> list[str]:
    _, distinct = mixes(store_dir, 10)
    pages = _page_paths(store_dir)
    lines = [
        "## 6. Load and runaway queries (issue #10)",
        "",
    ]
    with cikg_server(store_dir, timeout_seconds="10") as server:
        paths = [query_path(server, q.text) for q in distinct] + pages * 20
        sampler = _RssSampler(server.pid)
        sampler.start()
        before = peak_rss_mb(server.pid)[1]
        result = throughput(server, paths, 32, 10**9, seconds=seconds)
        peak = sampler.finish()
        after = peak_rss_mb(server.pid)[1]
    lines += [
        f"{seconds} s at 32 concurrent clients over the distinct query mix and every "
        f"page type, time limit 10 s: {result['requests']:,} requests, "
        f"{result['rps']:.1f} req/s; answers by status "
        f"{', '.join(f'{k}: {v}' for k, v in sorted(result['statuses'].items()))} "
        f"(a time-out is 503); {result['errors']} broken connections {result['error_kinds']}; server tree RSS {before:.0f} MB before, "
        f"peak {peak:.0f} MB, {after:.0f} MB after.",
        "",
    ]
    light = lookups(open_store(store_dir, read_only=True), 1)["description"][0]
    with cikg_server(store_dir, timeout_seconds="5") as server:
        http_latencies(server, light.text, budget_s=1, least=50, most=50)  # warm every worker
        quiet = http_latencies(server, light.text, budget_s=5, least=100, most=10**6)
        stop = threading.Event()
        statuses: list[int] = []

        def runaway() -> None:
            import http.client

            while not stop.is_set():
                conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
                conn.request("GET", query_path(server, RUNAWAY))
                statuses.append(conn.getresponse().status)
                conn.close()

        hogs = [threading.Thread(target=runaway, daemon=True) for _ in range(4)]
        for t in hogs:
            t.start()
        time.sleep(1)
        loaded = http_latencies(server, light.text, budget_s=15, least=100, most=10**6)
        stop.set()
        for t in hogs:
            t.join(timeout=30)
    lines += [
        "Runaway queries beside light ones: 4 clients sending a four-way cartesian product "
        "(killed at the 5 s limit) while one client sends the description lookup, one "
        "request after another, for 15 s (alone: for 5 s, after a warm-up):",
        "",
        "| light query | p50 ms | p99 ms | samples |",
        "|---|---|---|---|",
        f"| alone | {quiet.p50:.2f} | {quiet.p99:.2f} | {len(quiet.samples)} |",
        f"| beside 4 runaways | {loaded.p50:.2f} | {loaded.p99:.2f} | {len(loaded.samples)} |",
        "",
        f"p99 ratio loaded ÷ alone: {loaded.p99 / quiet.p99:.1f}×; the runaway requests were "
        f"answered {', '.join(f'{s}×{statuses.count(s)}' for s in sorted(set(statuses)))}.",
        "",
    ]
    return lines


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections, comma-separated")
    parser.add_argument("--scale", default="1,10,100", help="edition counts for the scale run")
    parser.add_argument("--cycles", type=int, default=10, help="throughput cycles per run")
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "pdf")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    unknown = only - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections {sorted(unknown)}; choose from {', '.join(SECTIONS)}")
    started = time.perf_counter()
    lines = [
        "# Benchmark results",
        "",
        "Written by `python benchmarks/run.py "
        + " ".join(argv if argv is not None else sys.argv[1:])
        + "`.",
        "",
        *machine(),
    ]
    with tempfile.TemporaryDirectory(prefix="cikg-bench-") as tmp:
        work = Path(tmp)
        build_lines, store = build_section(work, args.corpus if "build" in only else None)
        if "build" in only:
            lines += build_lines
            args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        steps: list[tuple[str, Callable[[], list[str]]]] = [
            ("latency", lambda: latency_section(store, work)),
            ("throughput", lambda: throughput_section(store, work, args.cycles)),
            ("scale", lambda: scale_section(work, [int(n) for n in args.scale.split(",")])),
            ("pages", lambda: pages_section(store)),
            ("load", lambda: load_section(store, args.load_seconds)),
        ]
        for name, step in steps:
            if name in only:
                print(f"… {name}", file=sys.stderr, flush=True)
                lines += step()
                args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")  # so far
    lines.append(f"Whole run: {time.perf_counter() - started:.0f} s.")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
