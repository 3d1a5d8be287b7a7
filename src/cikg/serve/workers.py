"""Query evaluation in worker processes that can be killed.

pyoxigraph cannot cancel a running query, so a time limit has to be enforced
from outside: each worker process opens the store read-only and evaluates
the queries it is sent; a query still running when its time is up has its
worker killed, and the caller gets :class:`QueryTimeout`.

Long queries must not starve short ones. A query that has used
``long_query_seconds`` of CPU time (wall time where the platform does not
tell CPU time; CPU time, because on a busy machine every query takes longer
by the clock) becomes *long*: if no worker is free, a new one is started, so
short queries keep finding a free worker while long ones run to their end
or their time limit. At most ``max_workers - workers`` long queries run at
once; one more that turns long is stopped at once (503, "busy"), so the
processes stay bounded by ``max_workers``. A worker whose query ended
rejoins the free ones.

pyoxigraph's parser and optimiser recurse over the query's syntax tree, and
a long flat query (ten thousand ``UNION`` branches, ``BIND`` clauses or
``+`` terms) overflows an 8 MiB thread stack, which kills the process with
SIGSEGV. Each worker therefore evaluates in a thread with a
:data:`STACK_BYTES` stack (address space, touched only as deep as the query
goes), enough for any query within the size limit; a worker that dies all
the same is replaced and the caller gets :class:`CikgError`.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import queue
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from cikg.errors import CikgError, QueryError
from cikg.serve.evaluate import QueryRequest
from cikg.settings import ServeSettings

__all__ = ["STACK_BYTES", "QueryRequest", "QueryTimeout", "QueryWorkers"]

#: The stack of the thread that evaluates queries in a worker.
STACK_BYTES = 256 * 1024 * 1024


class QueryTimeout(CikgError):
    """A query ran past the time limit, or no worker could take it; it was stopped."""


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
    from cikg.serve.evaluate import evaluate_request
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


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
#: How often a running query's CPU time is read.
_CHECK_SECONDS = 0.05


async def _readable(conn: Connection, timeout: float) -> bool:
    """Wait on the event loop until ``conn`` has data to read (``True``) or
    ``timeout`` seconds pass (``False``)."""
    if conn.poll(0):
        return True
    if timeout <= 0:
        return False
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    fd = conn.fileno()
    loop.add_reader(fd, lambda: ready.done() or ready.set_result(True))
    try:
        await asyncio.wait_for(ready, timeout)
    except TimeoutError:
        return False
    finally:
        loop.remove_reader(fd)
    return True


class _Worker:
    def __init__(self, context: mp.context.BaseContext, path: str, settings: ServeSettings) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(path, child, settings), daemon=True
        )
        self.process.start()
        child.close()

    def cpu_seconds(self) -> float | None:
        """CPU time the process has used (Linux ``/proc``), or ``None``."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return None
        return (int(fields[11]) + int(fields[12])) / _TICKS

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class QueryWorkers:
    """A pool of query worker processes over one store.

    :param store_path: the store's folder (opened read-only by each worker).
    :param settings: limits: ``timeout_seconds``, ``long_query_seconds`` and
        ``max_workers`` among them.
    :param size: processes kept for queries as they come (default
        ``settings.workers``, else one per CPU, at least 2).
    """

    def __init__(self, store_path: Path, settings: ServeSettings, size: int | None = None) -> None:
        self._path = str(store_path)
        self._settings = settings
        self._context = mp.get_context("spawn")
        self._size = size or settings.workers or max(2, mp.cpu_count())
        self._long_slots = max(1, (settings.max_workers or 3 * self._size) - self._size)
        # the most recently used worker first: its caches are the warmest
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        self._long = 0
        for _ in range(self._size):
            self._add()

    @property
    def processes(self) -> int:
        """How many worker processes there are now."""
        with self._lock:
            return len(self._all)

    @property
    def long_running(self) -> int:
        """How many long queries run now."""
        with self._lock:
            return self._long

    def _add(self) -> None:
        worker = _Worker(self._context, self._path, self._settings)
        with self._lock:
            self._all.append(worker)
        self._idle.put(worker)

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.remove(worker)

    def run(self, request: QueryRequest) -> tuple[bytes, str, bool]:
        """:meth:`run_async` for callers without an event loop (tests, threads)."""
        return asyncio.run(self.run_async(request))

    async def run_async(self, request: QueryRequest) -> tuple[bytes, str, bool]:
        """Evaluate ``request`` in a worker, within the time limit.

        The answer is awaited on the event loop (the worker's pipe is watched
        for reading), so no thread waits for it.

        :return: ``(body, media type, truncated)``.
        :raises QueryTimeout: if the time limit passed (the worker is stopped),
            or the query turned long while the most long queries already run.
        :raises QueryError: if the query is malformed.
        :raises NotAcceptable: if no format fits.
        :raises CikgError: for any other failure in the worker.
        """
        from cikg.serve.negotiation import NotAcceptable

        started = time.monotonic()
        worker = await self._acquire(started)
        long = False
        try:
            worker.conn.send(request)
            if not await self._wait_short(worker, started):
                self._turn_long()
                long = True
                remaining = self._settings.timeout_seconds - (time.monotonic() - started)
                if not await _readable(worker.conn, remaining):
                    raise QueryTimeout(self._over_limit())
            reply = worker.conn.recv()
        except (QueryTimeout, EOFError, OSError) as exc:
            self._release(worker, long, healthy=False)
            if isinstance(exc, QueryTimeout):
                raise
            raise CikgError(
                "the query stopped its worker process (it was replaced); "
                "simplify the query or split it"
            ) from exc
        except BaseException:  # cancelled while the worker computes: it cannot be reused
            self._release(worker, long, healthy=False)
            raise
        self._release(worker, long, healthy=True)
        if reply[0] == "ok":
            return reply[1], reply[2], reply[3]
        kind, message = reply
        if kind == "QueryError":
            raise QueryError(message)
        if kind == "NotAcceptable":
            raise NotAcceptable(message)
        raise CikgError(message)

    async def _acquire(self, started: float) -> _Worker:
        """A free worker, waiting for one at most the time limit.

        :raises QueryTimeout: if none became free.
        """
        limit = self._settings.timeout_seconds
        pause = 0.001
        while True:
            try:
                return self._idle.get_nowait()
            except queue.Empty:
                if time.monotonic() - started >= limit:
                    raise QueryTimeout(
                        f"no worker became free within {limit:g} s; try again"
                    ) from None
                await asyncio.sleep(pause)
                pause = min(pause * 2, 0.02)

    def _over_limit(self) -> str:
        return (
            f"the query ran past the {self._settings.timeout_seconds:g} s time limit and was "
            "stopped; add LIMIT, narrow the patterns, or ask for fewer results"
        )

    def _release(self, worker: _Worker, long: bool, *, healthy: bool) -> None:
        """After a query: a healthy worker rejoins the free ones; one that was
        stopped or failed is ended and, where needed, replaced."""
        if long:
            with self._lock:
                self._long -= 1
        if healthy:
            self._idle.put(worker)
        else:
            self._retire(worker)
            self._top_up()

    async def _wait_short(self, worker: _Worker, started: float) -> bool:
        """Wait for the answer while the query is short: ``True`` once it is
        ready, ``False`` once the query has used ``long_query_seconds`` of CPU
        (or, with no CPU time to read, of wall time).

        A query answered within the first check interval costs no reading of
        CPU time; after it the interval counts as CPU time used.

        :raises QueryTimeout: if the time limit comes first.
        """
        limit = self._settings.timeout_seconds
        budget = self._settings.long_query_seconds
        first = min(_CHECK_SECONDS, budget, limit)
        if await _readable(worker.conn, first):
            return True
        base = worker.cpu_seconds()
        while True:
            elapsed = time.monotonic() - started
            if elapsed >= limit:
                raise QueryTimeout(self._over_limit())
            used = elapsed if base is None else first + (worker.cpu_seconds() or base) - base
            if used >= budget:
                return False
            step = min(_CHECK_SECONDS, limit - elapsed) if base is not None else budget - used
            if await _readable(worker.conn, step):
                return True

    def _turn_long(self) -> None:
        """Count a query as long and make sure a worker stays free for the
        next one (starting one if none is, within ``max_workers``).

        :raises QueryTimeout: if the most long queries already run.
        """
        with self._lock:
            if self._long >= self._long_slots:
                raise QueryTimeout(
                    f"the server is busy with {self._long_slots} long queries; "
                    "try again later, or narrow the query"
                )
            self._long += 1
        self._top_up()

    def _top_up(self) -> None:
        """Start a worker if none is free and there are fewer than
        ``workers`` plus the long queries running (never more than
        ``max_workers``)."""
        with self._lock:
            # _long never passes _long_slots, so this stays within max_workers
            grow = self._idle.empty() and len(self._all) < self._size + self._long
            grow = grow or len(self._all) < self._size
        if grow:
            self._add()

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()
