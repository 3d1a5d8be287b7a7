"""Query evaluation in worker processes that can be killed.

pyoxigraph cannot cancel a running query, so a time limit has to be enforced
from outside: each worker process opens the store read-only and evaluates
the queries it is sent; a query still running when its time is up has its
worker killed and replaced, and the caller gets :class:`QueryTimeout`. The
other workers (one per core by default) keep serving meanwhile.

pyoxigraph's parser and optimiser recurse over the query's syntax tree, and
a long flat query (ten thousand ``UNION`` branches, ``BIND`` clauses or
``+`` terms) overflows an 8 MiB thread stack, which kills the process with
SIGSEGV. Each worker therefore evaluates in a thread with a
:data:`STACK_BYTES` stack (address space, touched only as deep as the query
goes), enough for any query within the size limit; a worker that dies all
the same is replaced and the caller gets :class:`CikgError`.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from cikg.errors import CikgError, QueryError
from cikg.settings import ServeSettings

__all__ = ["STACK_BYTES", "QueryRequest", "QueryTimeout", "QueryWorkers"]

#: The stack of the thread that evaluates queries in a worker.
STACK_BYTES = 256 * 1024 * 1024


class QueryTimeout(CikgError):
    """A query ran past the time limit; its worker was stopped."""


@dataclass(frozen=True, slots=True)
class QueryRequest:
    """What a worker evaluates: the query, its dataset and the formats asked."""

    sparql: str
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    accept: str | None
    override: tuple[str, ...] | None


def _worker_main(
    path: str, conn: Connection, settings: ServeSettings
) -> None:  # pragma: no cover - runs in a child process
    """Evaluate requests from ``conn`` until it closes, in a thread with a
    :data:`STACK_BYTES` stack (this process's own setting)."""
    threading.stack_size(STACK_BYTES)
    thread = threading.Thread(target=_serve, args=(path, conn, settings), name="cikg-query")
    thread.start()
    thread.join()


def _serve(
    path: str, conn: Connection, settings: ServeSettings
) -> None:  # pragma: no cover - runs in a child process
    """Reply to each request with ``("ok", body, media_type, truncated)``
    or ``(error kind, message)``."""
    from cikg.serve.app import evaluate_request
    from cikg.store import open_store

    store = open_store(Path(path), read_only=True)
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        try:
            body, media_type, truncated = evaluate_request(store, request, settings)
            conn.send(("ok", body, media_type, truncated))
        except Exception as exc:
            conn.send((type(exc).__name__, str(exc)))


class _Worker:
    def __init__(self, context: mp.context.BaseContext, path: str, settings: ServeSettings) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(path, child, settings), daemon=True
        )
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class QueryWorkers:
    """A pool of query worker processes over one store.

    :param store_path: the store's folder (opened read-only by each worker).
    :param settings: limits, the time limit among them.
    :param size: how many workers (default: one per CPU, at least 2).
    """

    def __init__(self, store_path: Path, settings: ServeSettings, size: int | None = None) -> None:
        self._path = str(store_path)
        self._settings = settings
        self._context = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        for _ in range(size or max(2, mp.cpu_count())):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self._context, self._path, self._settings)
        with self._lock:
            self._all.append(worker)
        self._idle.put(worker)

    def run(self, request: QueryRequest) -> tuple[bytes, str, bool]:
        """Evaluate ``request`` in a worker, within the time limit.

        :return: ``(body, media type, truncated)``.
        :raises QueryTimeout: if the time limit passed (the worker is replaced).
        :raises QueryError: if the query is malformed.
        :raises NotAcceptable: if no format fits.
        :raises CikgError: for any other failure in the worker.
        """
        from cikg.serve.negotiation import NotAcceptable

        started = time.monotonic()
        limit = self._settings.timeout_seconds
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty as exc:
            raise QueryTimeout(f"no worker became free within {limit:g} s; try again") from exc
        try:
            worker.conn.send(request)
            remaining = max(0.0, limit - (time.monotonic() - started))
            if not worker.conn.poll(remaining):
                self._replace(worker)
                worker = None
                raise QueryTimeout(
                    f"the query ran past the {limit:g} s time limit and was stopped; "
                    "add LIMIT, narrow the patterns, or ask for fewer results"
                )
            reply = worker.conn.recv()
        except (EOFError, OSError) as exc:
            if worker is not None:
                self._replace(worker)
                worker = None
            raise CikgError(
                "the query stopped its worker process (it was replaced); "
                "simplify the query or split it"
            ) from exc
        finally:
            if worker is not None:
                self._idle.put(worker)
        if reply[0] == "ok":
            return reply[1], reply[2], reply[3]
        kind, message = reply
        if kind == "QueryError":
            raise QueryError(message)
        if kind == "NotAcceptable":
            raise NotAcceptable(message)
        raise CikgError(message)

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.remove(worker)
        self._add()

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()
