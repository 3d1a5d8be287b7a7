"""SPARQL engines the tests start on temporary folders and free ports: Oxigraph
server (``oxigraph serve``, the ``oxigraph`` package on PyPI) and OpenLink
Virtuoso (Debian's ``virtuoso-opensource``), set up as docs/engines.md says.

Each is a context manager yielding an :class:`Engine` (its query and Graph
Store endpoints) and stopping the server on exit. A missing engine skips the
test, except under CI (``CI`` set), where it fails.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx2
import pytest

from cikg.graph_store import Credentials

#: the user the Virtuoso set-up creates for cikg publish (docs/engines.md)
VIRTUOSO_USER = Credentials("cikg", "cikg-test-password")


@dataclass(frozen=True)
class Engine:
    """A running engine.

    :param name: ``oxigraph`` or ``virtuoso``.
    :param query_url: its SPARQL query endpoint (union default graph).
    :param graph_store_url: its Graph Store endpoint.
    :param credentials: what ``cikg publish`` needs there.
    :param process: the server process.
    """

    name: str
    query_url: str
    graph_store_url: str
    credentials: Credentials | None
    process: subprocess.Popen[bytes]


def missing(what: str, install: str) -> None:
    """Skip the test, or fail it under CI, naming what to install."""
    if os.environ.get("CI"):
        pytest.fail(f"CI needs {what}, which is not installed ({install})", pytrace=False)
    pytest.skip(f"{what} is not installed ({install})")


def free_port() -> int:
    """A TCP port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command: beside this Python first (a venv), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _wait_for(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    """Wait until ``url`` answers 200, failing with the server's log if it
    exits or takes longer than ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the engine exited ({process.returncode}): {log.read_text()[-2000:]}")
        try:
            if httpx2.get(url, timeout=2).status_code == 200:
                return
        except httpx2.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"the engine did not answer {url} in {seconds} s: {log.read_text()[-2000:]}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a server this module started (it may have been stopped already)."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def oxigraph_server(
    location: Path, port: int | None = None, *, union: bool = True
) -> Iterator[Engine]:
    """``oxigraph serve --union-default-graph`` on ``location``.

    :param location: the server's store folder (kept after it stops).
    :param port: the port, default a free one.
    :param union: start it with ``--union-default-graph`` (as docs/engines.md
        says for queries sent to it directly); ``False`` for ``cikg serve
        --engine``, which names the dataset itself (with the flag the server
        ignores a query's ``FROM``).
    """
    binary = oxigraph_binary()
    if binary is None:
        missing("the oxigraph server", "pip install oxigraph, or pip install -e '.[test]'")
    port = port or free_port()
    log = location.parent / f"{location.name}-oxigraph.log"
    command = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    with log.open("ab") as out:
        flags = ["--union-default-graph"] if union else []
        process = subprocess.Popen([*command, *flags], stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/query?query=ASK%7B%7D", process, log, 30)
        yield Engine("oxigraph", f"{base}/query", f"{base}/store", None, process)
    finally:
        _stop(process)


VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile    = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx

[Parameters]
ServerPort        = {sql_port}
DisableUnixSocket = 1
NumberOfBuffers   = 10000
MaxDirtyBuffers   = 6000
DirsAllowed       = .

[HTTPServer]
ServerPort    = {http_port}
ServerRoot    = {dir}
ServerThreads = 4
Charset       = UTF-8

[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 0
"""

#: the SQL that gives cikg publish a user of its own (docs/engines.md)
VIRTUOSO_GRANT = "DB.DBA.USER_CREATE('{user}', '{password}'); GRANT SPARQL_UPDATE TO \"{user}\";"


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[Engine]:
    """Virtuoso on a new database in ``folder``, with its own virtuoso.ini
    and free ports, and a user for cikg publish.

    :param folder: an empty folder for the database, its log and ini.
    """
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server is None or isql is None:
        missing("Virtuoso", "apt-get install virtuoso-opensource")
    assert server is not None and isql is not None
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port))
    log = folder / "stdout.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [server, "+foreground", "+configfile", str(ini)], cwd=folder, stdout=out, stderr=out
        )
    base = f"http://127.0.0.1:{http_port}"
    try:
        _wait_for(f"{base}/sparql?query=ASK%7B%7D", process, folder / "virtuoso.log", 90)
        user, password = VIRTUOSO_USER.user, VIRTUOSO_USER.password
        sql = VIRTUOSO_GRANT.format(user=user, password=password)
        done = subprocess.run(
            [isql, str(sql_port), "dba", "dba", f"exec={sql}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode != 0 or "Error" in done.stdout + done.stderr:
            pytest.fail(f"isql-vt failed: {done.stdout}{done.stderr}")
        gsp = f"{base}/sparql-graph-crud-auth"
        yield Engine("virtuoso", f"{base}/sparql", gsp, VIRTUOSO_USER, process)
    finally:
        _stop(process)
