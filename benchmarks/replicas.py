"""Replicas: N ``cikg serve`` processes over one read-only store behind nginx
(issue #20, item 3), as the README's recipe runs them, side by side in one run
for N = 1, 2, 3, with one replica reached directly (the proxy's cost) and
``oxigraph serve-read-only`` alone (the reference), on the throughput
benchmark's repeating and distinct mixes (the same requests, client and
warm-up as benchmarks/engine.py).

- *cikg --store*: each replica opens the store read-only, with its own query
  workers (``CIKG_WORKERS``, default 2) and result cache;
- *cikg --engine*: the replicas share one ``oxigraph serve-read-only
  --timeout-s 30`` on the store, each with its own result cache.

    PYTHONPATH=src python benchmarks/replicas.py --store data/store --clients 8

Needs nginx (``apt-get install nginx-light``). Writes a Markdown table to
stdout (recorded in benchmarks/engine.md, section *Replicas*).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine import TIMEOUT_S
from http_load import query_path, throughput
from run import machine, mixes
from servers import Server, cikg_server, nginx_balancer, oxigraph_server, peak_rss_mb
from workload import Query

#: What a setup yields: the server the client talks to, and the process ids
#: (each with its children) whose memory it takes.
Running = tuple[Server, list[int]]


@contextlib.contextmanager
def replicas(store: Path, kind: str, n: int, *, balanced: bool = True) -> Iterator[Running]:
    """``n`` ``cikg serve`` processes over ``store``: each opening it (``kind``
    ``store``) or all asking one ``oxigraph serve-read-only`` on it
    (``engine``); behind nginx when ``balanced``, else the one replica itself."""
    with contextlib.ExitStack() as stack:
        extra: tuple[str, ...] = ()
        pids = []
        if kind == "engine":
            engine = stack.enter_context(oxigraph_server(store, union=False, timeout_s=TIMEOUT_S))
            extra = ("--engine", f"http://127.0.0.1:{engine.port}/query")
            pids.append(engine.pid)
        servers = [stack.enter_context(cikg_server(store, *extra)) for _ in range(n)]
        pids += [s.pid for s in servers]
        if not balanced:
            yield servers[0], pids
            return
        balancer = stack.enter_context(nginx_balancer(servers))
        yield balancer, [*pids, balancer.pid]


@contextlib.contextmanager
def oxigraph_alone(store: Path) -> Iterator[Running]:
    """``oxigraph serve-read-only --union-default-graph`` on ``store``."""
    with oxigraph_server(store) as server:
        yield server, [server.pid]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a store cikg built")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--cycles", type=int, default=10)
    parser.add_argument("--replicas", default="1,2,3", help="the numbers of replicas, e.g. 1,2,3")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.replicas.split(",")]
    repeating, distinct = mixes(args.store, args.cycles)
    per_cycle = len(repeating) // args.cycles
    warm = [Query(q.name, f"# warm-up\n{q.text}") for q in distinct[:per_cycle]]
    # (label, replicas, start); the first row of a kind is what its "÷ 1 replica" divides by
    setups = []
    for kind in ("store", "engine"):
        label = f"cikg --{kind}"
        setups.append(
            (label, "1, direct", lambda k=kind: replicas(args.store, k, 1, balanced=False))
        )
        setups += [
            (label, f"{n}, nginx", lambda k=kind, n=n: replicas(args.store, k, n)) for n in counts
        ]
    setups.append(("oxigraph alone", "—", lambda: oxigraph_alone(args.store)))
    print("\n".join(machine()))
    print()
    print(f"{len(repeating)} requests per run, {args.clients} clients.\n")
    print(
        "| mix | server | replicas | req/s | ÷ 1 replica, direct | ÷ oxigraph alone "
        "| p50 / p99 ms | peak MB | errors |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for mix_name, mix in (("repeating", repeating), ("distinct", distinct)):
        results = []
        for label, count, start in setups:
            with start() as (server, pids):
                throughput(server, [query_path(server, q.text) for q in warm], 2, len(warm))
                paths = [query_path(server, q.text) for q in mix]
                result = throughput(server, paths, args.clients, len(paths))
                result["mb"] = sum(peak_rss_mb(pid)[0] for pid in pids)
            results.append((label, count, result))
        alone = results[-1][2]["rps"]
        first = {}
        for label, count, r in results:
            base = first.setdefault(label, r["rps"])
            print(
                f"| {mix_name} | {label} | {count} | {r['rps']:.1f} | {r['rps'] / base:.2f} | "
                f"{r['rps'] / alone:.2f} | {r['p50']:.1f} / {r['p99']:.0f} | {r['mb']:.0f} | "
                f"{r['non200'] + r['errors']} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
