"""``cikg build --scheduler``: the documents read by the workers of a Dask
cluster (here a ``distributed.LocalCluster`` of two worker processes, one
thread each) give the store, results and failures of a serial build."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace

import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

from cikg.cli import app
from cikg.cluster import ClusterReaders
from cikg.errors import CikgError
from cikg.jobs import WorkerSetup
from cikg.pipeline import DocumentResult, Status, build

from .conftest import SEED_FILES, SEEDS
from .test_jobs import _assert_same_store, _outcomes, _spoiled_inputs

runner = CliRunner()


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a local cluster of two single-threaded worker processes."""
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_a_dask_cluster_builds_the_seeds_as_the_serial_build(built_store, scheduler, tmp_path):
    serial_store, serial = built_store  # built serially, once per session
    clustered = build([SEEDS], tmp_path / "store", scheduler=scheduler)
    assert clustered.workers == 2
    assert [r.status for r in clustered.results] == [Status.BUILT] * len(SEED_FILES)
    assert _outcomes(clustered) == _outcomes(serial)  # slugs, counts, findings, in input order
    _assert_same_store(serial_store, tmp_path / "store")


def _same_words(results: list[DocumentResult]) -> list[DocumentResult]:
    """The results with Python's two wordings of a RecursionError made one:
    where the limit is hit (a C call or a Python frame) depends on how deep
    the stack was when reading began, deeper in a Dask worker's thread."""
    return [
        replace(r, message=r.message.replace(" while calling a Python object", ""))
        if r.message
        else r
        for r in results
    ]


def test_bad_documents_fail_on_the_cluster_as_serially(scheduler, tmp_path):
    """Errors raised on a worker (a RecursionError among them) come back as
    the serial build's failures, word for word; a rebuild of the same
    store on the cluster finds every built file unchanged."""
    inputs = _spoiled_inputs(tmp_path / "in")
    serial = build(inputs, tmp_path / "serial")
    clustered = build(inputs, tmp_path / "clustered", scheduler=scheduler)
    assert Status.FAILED in {r.status for r in serial.results}
    assert _same_words(_outcomes(clustered)) == _same_words(_outcomes(serial))
    _assert_same_store(tmp_path / "serial", tmp_path / "clustered")
    again = build(inputs, tmp_path / "clustered", scheduler=scheduler)
    built = {r.path for r in clustered.results if r.status is Status.BUILT}
    assert built and {r.path for r in again.results if r.status is Status.UNCHANGED} >= built


def test_the_cli_builds_on_a_scheduler(scheduler, tmp_path):
    store = tmp_path / "store"
    run = runner.invoke(
        app, ["build", str(SEED_FILES["002"]), "--store", str(store), "--scheduler", scheduler]
    )
    assert run.exit_code == 0, run.output
    assert "read in 2 worker processes" in run.output
    both = runner.invoke(
        app, ["build", str(SEEDS), "--store", str(store), "-j", "2", "--scheduler", scheduler]
    )
    assert both.exit_code == 1 and "not both" in both.output


def test_an_unreachable_scheduler_is_an_error_naming_it(tmp_path):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{sock.getsockname()[1]}"
    setup = WorkerSetup("https://w3id.org/cikg/", None, 1 << 20, frozenset())
    with pytest.raises(CikgError, match=f"cannot reach the Dask scheduler at {address}"):
        ClusterReaders(address, setup, connect_seconds=1)


def test_workers_free_their_reader_when_the_build_ends(scheduler, tmp_path):
    """The build's reader plugin is removed from every worker when it ends."""
    from distributed import Client

    build([SEED_FILES["002"]], tmp_path / "store", scheduler=scheduler)
    with Client(scheduler, set_as_default=False) as client:
        plugins = client.run(lambda dask_worker: sorted(dask_worker.plugins))
    assert plugins and not any(
        name.startswith("cikg-reader-") for names in plugins.values() for name in names
    )
