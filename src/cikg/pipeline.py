"""``build()``: load -> metadata -> map -> store, one document at a time.

Each document is built completely in memory (:mod:`cikg.reading`) and then
replaces its graph in one transaction; a document that fails (unreadable,
too large, or any error raised while extracting it, a bug included) is
reported with file and line and its previous graph is left as it was; the
build goes on with the others. ``KeyboardInterrupt`` stops the build. A file
whose SHA-256 and cikg version match what the store holds is skipped. The
curated ontology and reference graphs are reloaded on every build.

The writer's memory does not grow with the store: each replacement prunes
``graph/discovered`` of what it no longer supports, in its own transaction
(:func:`cikg.store.replace_graph`), and the store is flushed every
:data:`FLUSH_EVERY_QUADS` quads written.

A build that wrote a document derives ``graph/latest`` again at its end
(:func:`cikg.store.refresh_latest`: the latest national observations and the
policies query's answer, :mod:`cikg.listings`): each document's replacement
drops it in the same transaction, so a missing one is what says it is out of
date.

With ``jobs`` above 1 the documents are read in that many worker processes
(:mod:`cikg.jobs`), with ``scheduler`` by the workers of a Dask cluster
(:mod:`cikg.cluster`), and written here exactly as a serial build writes them:
one at a time, in input order, each after checking again whether the store
already holds it and whether its hashed slugs collide with those of the
documents before it. The store comes out the same.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from pathlib import Path

from pyoxigraph import Store

from cikg import __version__
from cikg.errors import CikgError, InputError
from cikg.iris import IriMinter
from cikg.jobs import PoolReaders, Readers, WorkerSetup, can_spawn
from cikg.load import KNOWN_SUFFIXES
from cikg.load.ocr import find_tesseract
from cikg.reading import DocumentReader, Outcome, Reading, unexpected_message
from cikg.records import Finding
from cikg.reference import Reference, load_reference
from cikg.settings import BuildSettings
from cikg.store import (
    built_hashes,
    close_and_trim,
    drop_staging_graphs,
    find_report_by_sha,
    open_store,
    refresh_latest,
    replace_graph,
)

__all__ = ["FLUSH_EVERY_QUADS", "BuildReport", "DocumentResult", "Status", "build", "discover"]

#: Quads a build writes between two flushes of the store (``Store.flush``).
#: RocksDB holds what is written in in-memory write buffers, one per column
#: family (Oxigraph has a dozen, each up to 64 MB before RocksDB flushes it on
#: its own), so unflushed the writer grew by about 9 MB a document, 1.2 KB a
#: quad written: 335 MB to 734 MB over 10 editions of the seeds (372,738
#: quads), on its way to 2.2 GB at 100. Flushed after each document it stayed
#: at 335 MB and took no longer (117 s against 145 s, --jobs 2, a loaded
#: machine); every 50,000 quads it peaked at 348 MB (benchmarks/jobs.md has the
#: figures by size), without writing a set of files per small document.
FLUSH_EVERY_QUADS = 50_000


class Status(StrEnum):
    """What happened to one input file."""

    BUILT = "built"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """The outcome for one input file.

    :param path: the file.
    :param status: built, unchanged (same hash and version), skipped (a
        format not read yet) or failed.
    :param slug: the report's slug, when known.
    :param graph: the graph written or kept, when any.
    :param message: why it was skipped or failed (names file and line).
    :param counts: passages, tables, footnotes, captions, notes, numeric
        cells, observations (and how many link to a curated indicator),
        quads.
    :param findings: what the build noticed and did not accept silently
        (cells not read, totals that do not add up, conflicting values).
    :param seconds: wall time spent on the file.
    """

    path: Path
    status: Status
    slug: str | None = None
    graph: str | None = None
    message: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class BuildReport:
    """The outcome of a build: one result per input file, plus the curated graphs.

    :param results: per file, in input order.
    :param reference_quads: quads written to ``graph/reference``.
    :param ontology_quads: quads written to ``graph/ontology``.
    :param seconds: wall time of the whole build.
    :param workers: worker processes the documents were read in (1: none,
        the build's own process read them).
    :param latest_quads: quads derived into ``graph/latest``, or ``None``
        when the build wrote no document and the graph was there (it was
        left as it was).
    """

    results: tuple[DocumentResult, ...]
    reference_quads: int
    ontology_quads: int
    seconds: float
    workers: int = 1
    latest_quads: int | None = None

    @property
    def failed(self) -> tuple[DocumentResult, ...]:
        """The results whose document failed."""
        return tuple(r for r in self.results if r.status is Status.FAILED)


def discover(paths: Sequence[Path]) -> list[Path]:
    """The input files under ``paths``: files as given, folders searched
    recursively for ``.txt``, ``.md``, ``.html``/``.htm``, ``.docx`` and ``.pdf``
    files, sorted by name.

    :raises InputError: if a path does not exist.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES
                )
            )
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(path, "no such file or folder")
    return found


def build(
    paths: Iterable[Path],
    store_dir: Path,
    *,
    minter: IriMinter | None = None,
    reference: Reference | None = None,
    force: bool = False,
    on_result: Callable[[DocumentResult], None] | None = None,
    settings: BuildSettings | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> BuildReport:
    """Build (or update) the store from input files.

    :param paths: files and folders (see :func:`discover`).
    :param store_dir: the store's folder; created when missing.
    :param minter: mints IRIs; default base ``https://w3id.org/cikg/``.
    :param reference: curated data; default read from ``ontology/``.
    :param force: rebuild documents even when unchanged.
    :param on_result: called after each file, in input order (for progress
        display).
    :param settings: limits and OCR (default: :class:`~cikg.settings.BuildSettings`'s
        defaults; the CLI reads them from ``CIKG_*`` variables). With
        ``settings.ocr``, PDF pages without a text layer are read by
        Tesseract, and read again on every build (a document with such
        pages is never taken as unchanged: its graph may have been built
        without them).
    :param jobs: processes to read documents in: 1 reads them in this
        process; more start that many worker processes (at most one per
        file; :mod:`cikg.jobs`) while this one writes, the same graphs in
        the same order. A process that cannot spawn workers (a script read
        from standard input, see :func:`~cikg.jobs.can_spawn`) reads them itself.
    :param scheduler: the address of a Dask scheduler (``tcp://HOST:PORT``):
        its workers read the documents (:mod:`cikg.cluster`; they need cikg
        and the input files at the same paths) while this process writes
        them, the same graphs in the same order. Not with ``jobs`` above 1.
    :return: the per-file results. A document that cannot be read, or whose
        extraction raises any error (a bug included), is a ``FAILED`` result
        naming the file and place; the build goes on with the others and
        that document's graph stays as it was.
    :raises InputError: if a given path does not exist.
    :raises StoreError: if the store cannot be opened (e.g. a server holds it).
    :raises CikgError: if the ontology cannot be read; if ``jobs`` is below 1,
        or above 1 with a ``scheduler``; if ``distributed`` is not installed
        or the cluster cannot be used (before any graph is written); if
        a worker process dies (killed, out of memory): the documents before
        it are written, the build stops.
    :raises OcrUnavailable: if ``settings.ocr`` is set and Tesseract or its
        language data is missing (before the store is opened or created).
    """
    if jobs < 1:
        raise CikgError(f"jobs must be at least 1, not {jobs}")
    if scheduler is not None and jobs > 1:
        raise CikgError("give --jobs or --scheduler, not both: the cluster's workers read")
    started = time.perf_counter()
    files = discover(list(paths))
    workers = min(jobs, len(files)) if can_spawn() else 1
    minter = minter or IriMinter()
    settings = settings or BuildSettings()
    max_input_bytes = settings.max_input_bytes
    # before the store is opened: a missing Tesseract leaves it as it was
    tesseract = find_tesseract(settings.ocr_languages, settings.ocr_dpi) if settings.ocr else None
    # a cluster's workers are sent the build's curated data (their own may differ)
    sent = reference or load_reference(minter=minter) if scheduler else reference
    store = open_store(store_dir)
    derived: int | None = None
    try:
        drop_staging_graphs(store, minter)
        with ExitStack() as stack:
            if workers > 1 or scheduler:  # start the workers first: each takes a second or two
                built = frozenset() if force else built_hashes(store, __version__)
                setup = WorkerSetup(minter.base, sent, max_input_bytes, built, tesseract)
                readers = stack.enter_context(_readers(workers, scheduler, setup))
                readings, reread = readers.in_order(files), readers.read
                workers = readers.workers
            curated = sent or load_reference(minter=minter)
            if workers <= 1 and not scheduler:
                reader = DocumentReader(minter, lambda: curated, max_input_bytes, ocr=tesseract)
                readings = _read_here(files, reader, store, force)
                reread = partial(reader.read, is_built=_never)
            # each replacement prunes graph/discovered of what it no longer supports
            discovered = (minter.discovered_graph(), ())
            onto = replace_graph(
                store, minter.ontology_graph(), curated.ontology_quads, shared=discovered
            )
            ref = replace_graph(
                store, minter.reference_graph(), curated.reference_quads, shared=discovered
            )
            results = []
            unflushed = 0
            for reading in readings:
                result = _write(store, reading, minter, force, reread)
                results.append(result)
                unflushed += result.counts.get("quads", 0)
                if unflushed >= FLUSH_EVERY_QUADS:
                    store.flush()  # the write buffers to disk: the writer's memory stays flat
                    unflushed = 0
                if on_result is not None:
                    on_result(result)
            # a document written dropped graph/latest (replace_graph's stale)
            latest = minter.latest_graph()
            if not store.contains_named_graph(latest):
                derived = refresh_latest(store, minter)
        store.flush()
    finally:
        del store
    close_and_trim(store_dir)
    return BuildReport(
        tuple(results), ref, onto, time.perf_counter() - started, max(workers, 1), derived
    )


def _readers(jobs: int, scheduler: str | None, setup: WorkerSetup) -> Readers:
    """The readers of a parallel build: a Dask cluster's workers when a
    ``scheduler`` is given, else ``jobs`` processes here.

    :raises CikgError: if ``distributed`` is not installed, or the cluster
        cannot be used (see :class:`~cikg.cluster.ClusterReaders`).
    """
    if scheduler is None:
        return PoolReaders(jobs, setup)
    try:
        from cikg.cluster import ClusterReaders
    except ImportError as exc:
        raise CikgError(
            f"--scheduler needs dask.distributed ({exc}): pip install 'cikg[distributed]'"
        ) from exc
    return ClusterReaders(scheduler, setup)


def _never(_sha256: str) -> bool:
    """No graph counts as built (``--force``)."""
    return False


def _read_here(
    files: Sequence[Path], reader: DocumentReader, store: Store, force: bool
) -> Iterator[Reading]:
    """The serial build's readings: each file read in this process when the
    one before it is written, checked against the store as it is then."""

    def is_built(sha256: str) -> bool:
        return find_report_by_sha(store, sha256, __version__) is not None

    for path in files:
        yield reader.read(path, _never if force else is_built)


def _write(
    store: Store,
    reading: Reading,
    minter: IriMinter,
    force: bool,
    reread: Callable[[Path], Reading],
) -> DocumentResult:
    """Write one reading to the store, as the documents before it were.

    :param store: the store.
    :param reading: the document as read (here or by a worker).
    :param minter: the build's minter: the reading's hashed slugs are
        checked against those of the documents written before it.
    :param force: write even when a graph built from the same file is there.
    :param reread: reads a file again, whatever the store holds: for a
        reading that found its file built, whose graph an earlier document
        of this build then replaced.
    :return: the document's result.
    """
    t0 = time.perf_counter()
    path = reading.path
    if reading.outcome is Outcome.SKIPPED:
        return DocumentResult(path, Status.SKIPPED, message=reading.message)
    if reading.sha256 is None:  # failed before it was loaded
        return DocumentResult(path, Status.FAILED, message=reading.message, seconds=reading.seconds)
    if not force and not reading.ocr:
        graph = find_report_by_sha(store, reading.sha256, __version__)
        if graph is not None:
            return DocumentResult(path, Status.UNCHANGED, graph=graph, seconds=reading.seconds)
        if reading.outcome is Outcome.UNCHANGED:
            return _write(store, reread(path), minter, force, reread)
    try:
        minter.take_slugs(reading.slugs)
        if reading.outcome is Outcome.FAILED or reading.graph is None:
            return DocumentResult(
                path, Status.FAILED, message=reading.message, seconds=reading.seconds
            )
        mapped = reading.graph
        written = replace_graph(
            store,
            mapped.graph,
            mapped.triples,
            shared=(minter.discovered_graph(), mapped.shared),
            stale=minter.latest_graph(),
        )
    except CikgError as exc:
        message = str(exc)
    except Exception as exc:  # a bug on one document must not stop the others
        message = unexpected_message(path, exc)
    else:
        return DocumentResult(
            path,
            Status.BUILT,
            slug=mapped.slug,
            graph=mapped.graph.value,
            counts={**mapped.counts, "quads": written},
            findings=mapped.findings,
            seconds=reading.seconds + time.perf_counter() - t0,
        )
    return DocumentResult(
        path, Status.FAILED, message=message, seconds=reading.seconds + time.perf_counter() - t0
    )
