"""``cikg serve`` with its worker pool vs ``cikg serve --engine`` over
``oxigraph serve-read-only`` on the same local store (issue #20, item 3),
side by side in one run with ``oxigraph serve-read-only`` alone, on the
throughput benchmark's repeating and distinct mixes (benchmarks/run.py,
section 3: the same requests, the same client, the same warm-up).

    PYTHONPATH=src python benchmarks/engine.py --store data/store --clients 8

Writes a Markdown table to stdout (recorded in benchmarks/engine.md).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from http_load import query_path, throughput
from run import machine, mixes
from servers import cikg_server, oxigraph_server
from workload import Query

#: The time limit of every server (cikg's default).
TIMEOUT_S = 30


@contextlib.contextmanager
def _cikg_over_engine(store: Path):
    """``cikg serve --engine`` over ``oxigraph serve-read-only`` on ``store``."""
    with oxigraph_server(store, union=False, timeout_s=TIMEOUT_S) as engine:
        url = f"http://127.0.0.1:{engine.port}/query"
        with cikg_server(store, "--engine", url) as server:
            yield server


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a store cikg built")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--cycles", type=int, default=10)
    args = parser.parse_args(argv)
    repeating, distinct = mixes(args.store, args.cycles)
    per_cycle = len(repeating) // args.cycles
    warm = [Query(q.name, f"# warm-up\n{q.text}") for q in distinct[:per_cycle]]
    servers = {
        "cikg, worker pool": lambda: cikg_server(args.store),
        "cikg --engine oxigraph": lambda: _cikg_over_engine(args.store),
        "oxigraph alone": lambda: oxigraph_server(args.store),
    }
    print("\n".join(machine()))
    print()
    print(f"{len(repeating)} requests per run, {args.clients} clients.\n")
    print("| mix | server | req/s | ÷ oxigraph alone | p50 / p99 ms | errors |")
    print("|---|---|---|---|---|---|")
    for mix_name, mix in (("repeating", repeating), ("distinct", distinct)):
        results = {}
        for name, start in servers.items():
            with start() as server:
                throughput(server, [query_path(server, q.text) for q in warm], 2, len(warm))
                paths = [query_path(server, q.text) for q in mix]
                results[name] = throughput(server, paths, args.clients, len(paths))
        alone = results["oxigraph alone"]["rps"]
        for name, r in results.items():
            print(
                f"| {mix_name} | {name} | {r['rps']:.1f} | {r['rps'] / alone:.2f} | "
                f"{r['p50']:.1f} / {r['p99']:.0f} | {r['non200'] + r['errors']} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
