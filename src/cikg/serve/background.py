"""The site served on a free loopback port in a background thread, for the
length of a ``with`` block: how the browser tests, the client tests and
``docs/screenshots.py`` drive a real HTTP server (uvicorn), not a test client.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.types import ASGIApp

__all__ = ["serving"]


@contextmanager
def serving(app: ASGIApp, start_seconds: float = 20) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free port of 127.0.0.1 until the block ends.

    :param app: the ASGI app (:func:`cikg.serve.app.create_app`).
    :param start_seconds: how long the server may take to start.
    :return: (yields) the base URL, ``http://127.0.0.1:PORT`` (no trailing slash).
    :raises RuntimeError: if the server has not started within ``start_seconds``.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + start_seconds
        while not server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
