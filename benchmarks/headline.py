"""The headline query before and after graph/latest lists its answer, on a built store.

Usage: ``python benchmarks/headline.py STORE_DIR [--derive N] [--repeat 5]``

- ``--derive N``: derive ``graph/latest`` again N times in place
  (:func:`cikg.store.refresh_latest`, as a build does after writing a
  document; the store must not be open elsewhere) and print each time;
- then, read-only, time ``queries/policies-with-metrics-and-sources.rq`` and
  the text it had before (:data:`cikg.listings.ANSWER`, which joins and groups
  the rows itself from ``cikg:latestNationalObservation``, ordered by title and
  indicator label) as ``benchmarks/README.md`` measures queries: pyoxigraph
  ``Store.query(text, use_default_graph_as_union=True)`` in this process, every
  row iterated, one warm-up, then the median and the fastest of ``--repeat``
  runs, the two texts alternating;
- check that both give the same multiset of rows, and print the load average
  (the machines are shared).

Build the 100× store with ``benchmarks/editions.py`` (100 editions of the
seeds) and ``cikg build --jobs 2 --store DIR EDITIONS``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import Counter
from pathlib import Path

from pyoxigraph import QuerySolutions, Store

from cikg.iris import IriMinter
from cikg.listings import ANSWER
from cikg.store import open_store, refresh_latest

ROOT = Path(__file__).resolve().parent.parent
AFTER = ROOT / "queries" / "policies-with-metrics-and-sources.rq"
BEFORE = ANSWER + "ORDER BY ?title ?indicatorLabel\n"


def rows(store: Store, text: str) -> Counter[tuple[str | None, ...]]:
    """The rows of ``text`` as a multiset of tuples of terms."""
    result = store.query(text, use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return Counter(tuple(None if r[n] is None else str(r[n]) for n in names) for r in result)


def run_ms(store: Store, text: str) -> float:
    """One run of ``text``, every row iterated, in ms."""
    t = time.perf_counter()
    for _ in store.query(text, use_default_graph_as_union=True):
        pass
    return (time.perf_counter() - t) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--derive", type=int, default=0, metavar="N")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    if args.derive:
        writable = open_store(args.store)
        for _ in range(args.derive):
            t = time.perf_counter()
            triples = refresh_latest(writable, IriMinter())
            print(f"derived graph/latest: {triples} triples in {time.perf_counter() - t:.2f} s")
        writable.flush()
        del writable

    store = open_store(args.store, read_only=True)
    texts = {"before": BEFORE, "after": AFTER.read_text(encoding="utf-8")}
    answers = {name: rows(store, text) for name, text in texts.items()}  # also the warm-up
    same = answers["before"] == answers["after"]
    print(f"rows: {answers['after'].total()}, the same multiset before and after: {same}")
    times: dict[str, list[float]] = {name: [] for name in texts}
    for _ in range(args.repeat):
        for name, text in texts.items():
            times[name].append(run_ms(store, text))
    for name, ms in times.items():
        print(f"{name}: median {statistics.median(ms):.1f} ms, fastest {min(ms):.1f} ms")
    print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
