"""Reading documents in worker processes, for ``cikg build --jobs N`` and
``--scheduler``.

:class:`Readers` is the one interface the build reads through: readings in
input order (:meth:`Readers.in_order`), a file read again
(:meth:`Readers.read`), a context manager that stops the readers. It has
two backends: :class:`PoolReaders`, worker processes on this machine
(below), and :class:`cikg.cluster.ClusterReaders`, the workers of a Dask
cluster. Both keep a few documents per worker sent ahead of the one the
build writes next, and both give a reading the same way: the reading, a
``FAILED`` one for an error that escaped it, or :class:`CikgError` when a
worker died.

Each pool worker process reads the documents it is sent with one
:class:`~cikg.reading.DocumentReader`, made by the pool's initializer, and
sends back each :class:`~cikg.reading.Reading` (its triples as N-Triples text,
:class:`~cikg.store.NTriples`, which the build writes as they are). The
reader reads the curated reference and builds its jieba segmenter once per
worker (about 1.1 s of CPU), when a first document needs them: a rebuild in
which every file is unchanged only loads and hashes the files. No worker
opens the store: the build's own process writes every graph, one at a
time, in input order (:func:`cikg.pipeline.build`).

Workers are *spawned*, not forked: the build's process holds the store
open, with RocksDB's background threads, when the pool starts, and a forked
child would inherit a copy of them in whatever state they were (Python 3.12
warns about forking a process with threads); jieba is safe either way, as
each worker makes its own ``Tokenizer``. cikg's other process pools
(:mod:`cikg.load.pdf`, :mod:`cikg.serve.workers`) are spawned too.

A worker's reader lives in module state (:data:`_WORKER`), the one place
``concurrent.futures`` leaves an initializer to put it; it is set in
worker processes only. Workers ignore SIGINT: Ctrl-C reaches the build's
process, which cancels the documents not started and waits for those being
read (at most ``jobs``).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Protocol

from cikg.errors import CikgError
from cikg.iris import IriMinter
from cikg.load.ocr import Tesseract
from cikg.reading import DocumentReader, Outcome, Reading, unexpected_message
from cikg.reference import Reference, load_reference

__all__ = ["PoolReaders", "Readers", "WorkerSetup", "can_spawn"]

#: Documents sent to the workers ahead of the one the build writes next,
#: per worker: enough that a worker rarely waits for the writer, few
#: enough that the readings waiting to be written stay a few megabytes.
_AHEAD_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class WorkerSetup:
    """What a worker process needs to read documents as the build's process would.

    :param base: the base IRI of the build's minter.
    :param reference: the build's curated data when the caller gave its own
        (sent to each worker, 1.7 s of pickling); ``None``: each worker
        reads ``ontology/`` itself (0.4 s).
    :param max_input_bytes: the most text a document may hold.
    :param built: hashes of the files the store's reports were built from
        by this cikg version when the build started; a file with one of
        them is not read further (the build's process checks again before
        writing). Empty for ``--force``.
    :param ocr: Tesseract to read scanned PDF pages with, or ``None``.
    """

    base: str
    reference: Reference | None
    max_input_bytes: int
    built: frozenset[str]
    ocr: Tesseract | None = None

    def reader(self) -> DocumentReader:
        """A reader for one worker process: the build's base and limits; the
        curated data given, or read from ``ontology/`` when first needed. It
        reads a PDF's pages in its own process (one process per document
        already).
        """
        minter = IriMinter(self.base)
        given = self.reference

        def reference() -> Reference:
            return given or load_reference(minter=minter)

        return DocumentReader(minter, reference, self.max_input_bytes, pdf_workers=1, ocr=self.ocr)


@dataclass(frozen=True, slots=True)
class _Worker:
    """A worker process's reader and the hashes it treats as built."""

    reader: DocumentReader
    built: frozenset[str]


#: This process's reader, when it is a build worker (set by :func:`_start`).
_WORKER: _Worker | None = None


def _start(setup: WorkerSetup) -> None:  # pragma: no cover - runs in a worker process
    """The pool's initializer: this worker's reader."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = _Worker(setup.reader(), setup.built)


def _read(path: Path, force: bool) -> Reading:  # pragma: no cover - runs in a worker process
    """Read one document with this worker's reader."""
    assert _WORKER is not None, "not a build worker process"
    built = frozenset() if force else _WORKER.built
    return _WORKER.reader.read(path, built.__contains__)


def can_spawn() -> bool:
    """Whether this process can spawn workers: a spawned process first
    imports this one's ``__main__``, by module name (``python -m``, an
    installed command) or by file, and dies at start when it has neither
    (a script read from standard input, ``python - < script.py``).
    An interactive session has no ``__main__`` file and needs none.
    """
    main = sys.modules["__main__"]
    if getattr(main.__spec__, "name", None) is not None:
        return True
    path = getattr(main, "__file__", None)
    return path is None or os.path.isfile(path)


class Pending(Protocol):
    """A reading under way: a ``concurrent.futures`` or a Dask future."""

    def result(self) -> Reading:
        """The reading, once read (raises what reading it raised)."""
        ...


class Readers(ABC):
    """Workers reading documents while the build's process writes them: a
    context manager whose exit stops them (readings not started are
    cancelled). A backend says how to send a document (:meth:`_submit`),
    how to wait for it (:meth:`_wait`) and how to stop (:meth:`close`).

    :param workers: how many documents are read at once: the documents
        sent ahead of the one the build writes next are
        ``_AHEAD_PER_WORKER`` times as many.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._ahead = _AHEAD_PER_WORKER * workers

    def __enter__(self) -> Readers:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(exc)

    @abstractmethod
    def close(self, exc: BaseException | None) -> None:
        """Stop the workers: cancel what is not started.

        :param exc: the error the build stops with, if any.
        """

    @abstractmethod
    def _submit(self, path: Path, force: bool, waiting: Path) -> Pending:
        """Send ``path`` to the workers (``force``: whatever the store held
        when the build started).

        :param waiting: the document the build waits for, named if the
            workers have stopped.
        :raises CikgError: if a worker died.
        """

    @abstractmethod
    def _wait(self, path: Path, pending: Pending) -> Reading:
        """The reading ``pending`` gives, or a ``FAILED`` one for an error
        that escaped the reading itself (its result could not be sent back).

        :raises CikgError: if a worker died while ``path`` was read.
        """

    def in_order(self, paths: Sequence[Path]) -> Iterator[Reading]:
        """The readings of ``paths``, in their order, each as soon as it and
        those before it are read. The first documents are sent to the
        workers at once (before the iterator is first advanced), so the
        workers start while the caller does other work.

        :param paths: input files.
        :return: one reading per path.
        :raises CikgError: (from the iterator) if a worker died (killed, out
            of memory); the readings before it were given.
        """
        queued: deque[tuple[Path, Pending]] = deque()
        rest = iter(paths)
        for path in rest:
            queued.append((path, self._submit(path, False, path)))
            if len(queued) >= self._ahead:
                break
        return self._drain(queued, rest)

    def _drain(
        self, queued: deque[tuple[Path, Pending]], rest: Iterator[Path]
    ) -> Iterator[Reading]:
        while queued:
            path, pending = queued.popleft()
            following = next(rest, None)
            if following is not None:
                queued.append((following, self._submit(following, False, path)))
            yield self._wait(path, pending)

    def read(self, path: Path) -> Reading:
        """Read ``path`` now, whatever the store held when the build started
        (``--force`` for this one file), and wait for it.

        :raises CikgError: if a worker died.
        """
        return self._wait(path, self._submit(path, True, path))


class PoolReaders(Readers):
    """``jobs`` worker processes on this machine (``cikg build --jobs N``).

    :param jobs: worker processes (at least 2; one is the serial build).
    :param setup: what each worker reads with.
    :raises ValueError: if ``jobs`` is below 2.
    """

    def __init__(self, jobs: int, setup: WorkerSetup) -> None:
        if jobs < 2:
            raise ValueError(f"a pool of readers needs at least 2 processes, not {jobs}")
        super().__init__(jobs)
        self._pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=mp.get_context("spawn"),
            initializer=_start,
            initargs=(setup,),
        )

    def close(self, exc: BaseException | None) -> None:
        """Stop the pool; waits for the readings under way (at most ``jobs``)."""
        if isinstance(exc, CikgError) and isinstance(exc.__cause__, (BrokenProcessPool, OSError)):
            # a worker died: the others are stopped, not left reading (an orphan
            # would keep the build's output open after it has exited)
            for process in list((getattr(self._pool, "_processes", None) or {}).values()):
                if process.is_alive():
                    process.kill()
        try:
            self._pool.shutdown(wait=True, cancel_futures=True)
        except OSError:  # a broken pool's pipe may be closed already: nothing to stop
            if exc is None:
                raise

    def _submit(self, path: Path, force: bool, waiting: Path) -> Future[Reading]:
        try:
            return self._pool.submit(_read, path, force)
        except (BrokenProcessPool, OSError) as exc:
            # a worker that died as it started can close the pool's pipe before
            # the pool knows it is broken: sending then fails with "handle is closed"
            raise _stopped(waiting, exc) from exc

    def _wait(self, path: Path, pending: Pending) -> Reading:
        try:
            return pending.result()
        except BrokenProcessPool as exc:
            raise _stopped(path, exc) from exc
        except Exception as exc:  # a bug on one document must not stop the others
            return Reading(path, Outcome.FAILED, message=unexpected_message(path, exc))


def _stopped(path: Path, exc: BrokenProcessPool | OSError) -> CikgError:
    """The error of a build whose worker process died while ``path`` was
    being read or waited for."""
    return CikgError(
        f"{path}: a worker process stopped while it was read (killed, or out of memory?): "
        f"{str(exc).rstrip('.')}; the documents before it are written; build it with "
        "--jobs 1 to see why"
    )
