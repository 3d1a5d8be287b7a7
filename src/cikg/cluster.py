"""Reading documents on a Dask cluster, for ``cikg build --scheduler tcp://HOST:PORT``.

The second backend of :class:`cikg.jobs.Readers`: the same per-document
reading as ``--jobs N`` (:meth:`cikg.reading.DocumentReader.read`), run by
the workers of an existing ``dask.distributed`` cluster; the build's
process still writes every graph, one at a time, in input order
(:func:`cikg.pipeline.build`), so the store is that of a serial build.

What the workers need:

- cikg, of the same version as the build's (``pip install cikg`` in their
  environment): a task is a call of :func:`read_on_worker`, sent by
  reference, not by value. A worker of another version refuses the build
  (:class:`_ReaderPlugin` checks when it starts).
- the input files, at the paths the build gives (a shared file system);
  the curated data travel with the build (the build's own, pickled once).
- ``distributed`` installed where the build runs (``pip install
  'cikg[distributed]'``); this module imports it, and the build imports
  this module only when ``--scheduler`` is given.

Each worker gets one :class:`~cikg.reading.DocumentReader` from a worker
plugin registered by the build (its name carries a fresh id, so that two
builds on one cluster keep their own) and reads one document at a time
with it: a reader is not shared between threads (it makes its tools on
first need), and the reading is Python that holds the GIL, so a worker's
other threads would not read faster. Run workers with one thread each and
as many processes as CPUs (``dask worker tcp://HOST:PORT --nworkers N
--nthreads 1``). A worker that dies while it reads has its task run again
by the scheduler on another worker (Dask's ``allowed-failures``, 3 by
default); after that the build stops as a ``--jobs`` build does. The build
removes its plugin when it ends, so the workers free their readers.
"""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

from distributed import Client, KilledWorker, WorkerPlugin, get_worker

from cikg import __version__
from cikg.errors import CikgError
from cikg.jobs import Pending, Readers, WorkerSetup
from cikg.reading import DocumentReader, Outcome, Reading, unexpected_message

__all__ = ["ClusterReaders", "read_on_worker"]

#: Seconds to wait for the scheduler to answer, and for a first worker.
CONNECT_SECONDS = 30


class _ReaderPlugin(WorkerPlugin):  # type: ignore[misc]
    """The Dask worker plugin holding one worker's reader: its ``setup``
    makes the reader when the plugin is registered, or when a worker joins.

    :param setup: what the worker reads with.
    :param version: the build's cikg version.
    """

    def __init__(self, setup: WorkerSetup, version: str) -> None:
        self.worker_setup = setup
        self.version = version
        self.reader: DocumentReader | None = None
        self.lock = threading.Lock()

    def __getstate__(self) -> tuple[WorkerSetup, str]:
        return self.worker_setup, self.version

    def __setstate__(self, state: tuple[WorkerSetup, str]) -> None:
        self.__init__(*state)  # type: ignore[misc]

    def setup(self, worker: object) -> None:
        """Make the reader (Dask calls this on each worker).

        :raises CikgError: if this worker's cikg is not the build's version.
        """
        if self.version != __version__:
            raise CikgError(
                f"this Dask worker has cikg {__version__}, the build {self.version}: "
                "install the same version on every worker"
            )
        self.reader = self.worker_setup.reader()


def read_on_worker(plugin: str, path: Path, force: bool) -> Reading:  # pragma: no cover - a worker
    """Read one document with this Dask worker's reader (a task).

    :param plugin: the name the build registered its reader plugin under.
    :param path: the file, as the build gave it.
    :param force: read it whatever the store held when the build started.
    :return: its reading.
    """
    held: _ReaderPlugin = get_worker().plugins[plugin]
    assert held.reader is not None, "the reader plugin was not set up"
    built = frozenset() if force else held.worker_setup.built
    with held.lock:
        return held.reader.read(path, built.__contains__)


class ClusterReaders(Readers):
    """The workers of a Dask cluster reading documents.

    :param scheduler: the scheduler's address, ``tcp://HOST:PORT``.
    :param setup: what each worker reads with; give the curated data
        (``setup.reference``), so that every worker reads with the build's.
    :param connect_seconds: how long to wait for the scheduler to answer,
        and then for a first worker.
    :raises CikgError: if the scheduler does not answer in time, it has no
        worker by then, or a worker cannot start the reader (another cikg
        version).
    """

    def __init__(
        self, scheduler: str, setup: WorkerSetup, connect_seconds: float = CONNECT_SECONDS
    ) -> None:
        try:
            client = Client(scheduler, timeout=connect_seconds, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise CikgError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        self._client = client
        self._plugin = f"cikg-reader-{uuid.uuid4().hex[:12]}"
        try:
            client.wait_for_workers(1, timeout=connect_seconds)
            client.register_plugin(_ReaderPlugin(setup, __version__), name=self._plugin)
        except CikgError:
            client.close()
            raise
        except (OSError, TimeoutError) as exc:
            client.close()
            raise CikgError(f"the Dask cluster at {scheduler} has no worker: {exc}") from exc
        super().__init__(len(client.nthreads()))

    def close(self, exc: BaseException | None) -> None:
        """Remove the reader plugin from the workers (each frees its reader)
        and disconnect, which cancels the readings not collected; the
        cluster keeps running."""
        try:
            self._client.unregister_worker_plugin(self._plugin)
        except (OSError, TimeoutError, ValueError):
            pass  # a worker gone, or the scheduler: nothing left to free
        finally:
            self._client.close()

    def _submit(self, path: Path, force: bool, waiting: Path) -> Pending:
        return self._client.submit(read_on_worker, self._plugin, path, force, pure=False)

    def _wait(self, path: Path, pending: Pending) -> Reading:
        try:
            return pending.result()
        except KilledWorker as exc:
            raise CikgError(
                f"{path}: Dask workers stopped while it was read (killed, or out of memory?): "
                f"{exc}; the documents before it are written; build it with --jobs 1 to see why"
            ) from exc
        except Exception as exc:  # a bug on one document must not stop the others
            return Reading(path, Outcome.FAILED, message=unexpected_message(path, exc))
