"""Reading documents in worker processes, for ``cikg build --jobs N``.

Each worker process reads the documents it is sent with one
:class:`~cikg.reading.DocumentReader`, made by the pool's initializer, and
sends back each :class:`~cikg.reading.Reading` (its quads as N-Quads). The
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
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from cikg.errors import CikgError
from cikg.iris import IriMinter
from cikg.load.ocr import Tesseract
from cikg.reading import DocumentReader, Outcome, Reading, unexpected_message
from cikg.reference import Reference, load_reference

__all__ = ["Readers", "WorkerSetup", "can_spawn"]

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
    minter = IriMinter(setup.base)

    def reference() -> Reference:
        return setup.reference or load_reference(minter=minter)

    # one process per document already: a PDF's pages are read here, not in more processes
    reader = DocumentReader(minter, reference, setup.max_input_bytes, pdf_workers=1, ocr=setup.ocr)
    _WORKER = _Worker(reader, setup.built)


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


class Readers:
    """``jobs`` worker processes reading documents; a context manager whose
    exit stops them (readings not started are cancelled, those under way
    are waited for).

    :param jobs: worker processes (at least 2; one is the serial build).
    :param setup: what each worker reads with.
    :raises ValueError: if ``jobs`` is below 2.
    """

    def __init__(self, jobs: int, setup: WorkerSetup) -> None:
        if jobs < 2:
            raise ValueError(f"a pool of readers needs at least 2 processes, not {jobs}")
        self._ahead = _AHEAD_PER_WORKER * jobs
        self._pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=mp.get_context("spawn"),
            initializer=_start,
            initargs=(setup,),
        )

    def __enter__(self) -> Readers:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if isinstance(exc, CikgError) and isinstance(exc.__cause__, BrokenProcessPool):
            # a worker died: the others are stopped, not left reading (an orphan
            # would keep the build's output open after it has exited)
            for process in list((getattr(self._pool, "_processes", None) or {}).values()):
                if process.is_alive():
                    process.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def in_order(self, paths: Sequence[Path]) -> Iterator[Reading]:
        """The readings of ``paths``, in their order, each as soon as it and
        those before it are read. The first documents are sent to the
        workers at once (before the iterator is first advanced), so the
        workers start while the caller does other work.

        :param paths: input files.
        :return: one reading per path.
        :raises CikgError: (from the iterator) if a worker process died (killed,
            out of memory); the readings before it were given.
        """
        queued: deque[tuple[Path, Future[Reading]]] = deque()
        rest = iter(paths)
        for path in rest:
            queued.append((path, self._submit(path, False, path)))
            if len(queued) >= self._ahead:
                break
        return self._drain(queued, rest)

    def _drain(
        self, queued: deque[tuple[Path, Future[Reading]]], rest: Iterator[Path]
    ) -> Iterator[Reading]:
        while queued:
            path, future = queued.popleft()
            following = next(rest, None)
            if following is not None:
                queued.append((following, self._submit(following, False, path)))
            yield _result(path, future)

    def read(self, path: Path) -> Reading:
        """Read ``path`` now, whatever the store held when the build started
        (``--force`` for this one file), and wait for it.

        :raises CikgError: if a worker process died.
        """
        return _result(path, self._submit(path, True, path))

    def _submit(self, path: Path, force: bool, waiting: Path) -> Future[Reading]:
        """Send ``path`` to the workers.

        :param waiting: the document the build waits for, named if the pool
            has broken (a worker died).
        :raises CikgError: if a worker process died.
        """
        try:
            return self._pool.submit(_read, path, force)
        except BrokenProcessPool as exc:
            raise _stopped(waiting, exc) from exc


def _result(path: Path, future: Future[Reading]) -> Reading:
    """The reading ``future`` gives, or a ``FAILED`` one for an error that
    escaped the reading itself (its result could not be sent back).

    :raises CikgError: if a worker process died.
    """
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise _stopped(path, exc) from exc
    except Exception as exc:  # a bug on one document must not stop the others
        return Reading(path, Outcome.FAILED, message=unexpected_message(path, exc))


def _stopped(path: Path, exc: BrokenProcessPool) -> CikgError:
    """The error of a build whose worker process died while ``path`` was
    being read or waited for."""
    return CikgError(
        f"{path}: a worker process stopped while it was read (killed, or out of memory?): "
        f"{str(exc).rstrip('.')}; the documents before it are written; build it with "
        "--jobs 1 to see why"
    )
