"""A build that is killed (SIGKILL) at a chosen point, for tests/test_crash.py.

Usage: ``python tests/crash_harness.py STORE INPUT POINT``

The harness wraps the store the build opens (``cikg.pipeline.open_store``)
in a proxy that watches the SPARQL updates cikg sends to pyoxigraph and,
at the update that replaces the input document's graph (not the ontology
or reference graph):

- ``before-update``: kills the process just before it;
- ``after-update``: kills the process just after it (pruning the shared
  graph and flushing not done);
- ``external``: prints ``WRITING`` and goes on; the test kills the process
  from outside a few milliseconds later, wherever it then is.

Nothing in cikg reads these settings: the points are chosen here, from
outside, around the calls cikg makes to pyoxigraph.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

import cikg.pipeline
from cikg.iris import IriMinter
from cikg.pipeline import build

REPORT_GRAPHS = IriMinter().report_graph("").value


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class KillingStore:
    """Delegates to a pyoxigraph ``Store``; kills the process at ``point``."""

    def __init__(self, store: Any, point: str) -> None:
        self._store = store
        self._point = point

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def update(self, sparql: str, *args: Any, **kwargs: Any) -> None:
        document = f"DROP SILENT GRAPH <{REPORT_GRAPHS}" in sparql
        if document and self._point == "before-update":
            _die()
        if document and self._point == "external":
            print("WRITING", flush=True)
        self._store.update(sparql, *args, **kwargs)
        if document and self._point == "after-update":
            _die()


def main(store: str, source: str, point: str) -> None:
    """Build ``source`` into ``store``, killed at ``point``."""
    real_open = cikg.pipeline.open_store
    cikg.pipeline.open_store = lambda path, **kw: KillingStore(real_open(path, **kw), point)
    report = build([Path(source)], Path(store), force=True)
    print("FINISHED", *[r.status.value for r in report.results], flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
