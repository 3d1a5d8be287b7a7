"""The servers a benchmark runs against, started on loopback and stopped after.

- ``cikg serve`` over a store cikg built (its query workers, result cache and
  limits as shipped);
- ``oxigraph serve-read-only`` (the ``oxigraph`` package on PyPI, the same
  Oxigraph version as pyoxigraph) over a store that ``oxigraph load`` filled
  from ``cikg export --format nquads`` of the same store, with
  ``--union-default-graph`` so the same queries see the same triples;
- nginx in front of several servers (the README's load balancer for
  replicas; ``apt-get install nginx-light``).

Both are child processes; :func:`peak_rss_mb` reads a process tree's peak
resident memory from ``/proc``.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Server",
    "cikg_server",
    "nginx_balancer",
    "oxigraph_binary",
    "oxigraph_server",
    "peak_rss_mb",
]

BIN = Path(sys.executable).parent


@dataclass(frozen=True, slots=True)
class Server:
    """A running SPARQL server.

    :param name: ``cikg`` or ``oxigraph``.
    :param port: its loopback port.
    :param query_path: the path of its SPARQL query service.
    :param pid: the server's process id (its workers are its children).
    """

    name: str
    port: int
    query_path: str
    pid: int


def free_port() -> int:
    """A TCP port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    """The ``oxigraph`` command (``pip install oxigraph``, the benchmark extra).

    :raises SystemExit: if it is not installed.
    """
    found = shutil.which("oxigraph", path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if found is None:
        raise SystemExit("oxigraph is not installed: pip install -e '.[bench]'")
    return found


def oxigraph_store(cikg_store: Path, target: Path) -> Path:
    """Fill an Oxigraph store at ``target`` with every quad of ``cikg_store``
    (exported as N-Quads by ``cikg export``, loaded by ``oxigraph load``)."""
    dump = target.with_suffix(".nq")
    with dump.open("wb") as out:
        subprocess.run(
            [str(BIN / "cikg"), "export", "--store", str(cikg_store), "--format", "nquads"],
            stdout=out,
            check=True,
        )
    subprocess.run(
        [oxigraph_binary(), "load", "--location", str(target), "--file", str(dump)],
        check=True,
        capture_output=True,
    )
    dump.unlink()
    return target


def _wait_ready(port: int, path: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            if conn.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.2)
        finally:
            conn.close()
    raise RuntimeError(f"server on port {port} not ready after {seconds} s")


@contextmanager
def _running(command: list[str], env: dict[str, str], port: int, probe: str) -> Iterator[int]:
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_ready(port, probe, process)
        yield process.pid
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def cikg_server(store: Path, *extra: str, **settings: str) -> Iterator[Server]:
    """``cikg serve`` on a free loopback port; ``extra`` are more arguments
    (e.g. ``"--engine", URL``); ``settings`` become ``CIKG_*`` variables (e.g.
    ``timeout_seconds="5"``)."""
    port = free_port()
    env = {**os.environ, **{f"CIKG_{k.upper()}": v for k, v in settings.items()}}
    command = [str(BIN / "cikg"), "serve", "--store", str(store), "--port", str(port), *extra]
    with _running(command, env, port, "/healthz") as pid:
        yield Server("cikg", port, "/sparql", pid)


@contextmanager
def oxigraph_server(location: Path, *, union: bool = True, timeout_s: int = 0) -> Iterator[Server]:
    """``oxigraph serve-read-only --union-default-graph`` on a free loopback
    port (without the flag when ``union`` is false: ``cikg serve --engine``
    asks for the union per query; with ``--timeout-s`` when ``timeout_s``)."""
    port = free_port()
    command = [
        oxigraph_binary(),
        "serve-read-only",
        "--location",
        str(location),
        "--bind",
        f"127.0.0.1:{port}",
        *(["--union-default-graph"] if union else []),
        *(["--timeout-s", str(timeout_s)] if timeout_s else []),
    ]
    with _running(command, dict(os.environ), port, "/query?query=ASK%7B%7D") as pid:
        yield Server("oxigraph", port, "/query", pid)


#: nginx.conf of :func:`nginx_balancer`: the README's recipe (least_conn,
#: keepalive, HTTP/1.1 to the servers) in a directory of its own.
_NGINX_CONF = """\
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy;
  large_client_header_buffers 4 32k;
  upstream cikg {{ least_conn; {servers} keepalive 32; }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://cikg;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
    }}
  }}
}}
"""


@contextmanager
def nginx_balancer(servers: list[Server]) -> Iterator[Server]:
    """nginx on a free loopback port spreading requests over ``servers``
    (``cikg serve`` replicas; ``least_conn``: each request to the one with the
    fewest open), as the README's recipe; one worker process, so ``least_conn``
    sees every request, and long request lines allowed (queries sent by GET).

    :raises SystemExit: if nginx is not installed.
    """
    binary = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}{os.pathsep}/usr/sbin")
    if binary is None:
        raise SystemExit("nginx is not installed: apt-get install nginx-light")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="cikg-nginx-") as tmp:
        Path(tmp).chmod(0o755)  # nginx's workers (not root) write their temporary files here
        upstream = " ".join(f"server 127.0.0.1:{s.port};" for s in servers)
        conf = Path(tmp, "nginx.conf")
        conf.write_text(_NGINX_CONF.format(dir=tmp, servers=upstream, port=port))
        command = [binary, "-p", tmp, "-e", f"{tmp}/error.log", "-c", str(conf)]
        command += ["-g", "daemon off;"]
        with _running(command, dict(os.environ), port, "/healthz") as pid:
            yield Server("nginx", port, servers[0].query_path, pid)


def _tree(pid: int) -> list[int]:
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = task / "children"
        if children.exists():
            for child in children.read_text().split():
                pids.extend(_tree(int(child)))
    return pids


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_rss_mb(pid: int) -> tuple[float, float]:
    """(peak, current) resident memory in MB of a process and its children
    (``VmHWM`` and ``VmRSS`` summed over the tree; a worker that was killed and
    replaced no longer counts)."""
    pids = _tree(pid)
    peak = sum(_status_kb(p, "VmHWM") for p in pids)
    now = sum(_status_kb(p, "VmRSS") for p in pids)
    return peak / 1024, now / 1024
