"""Serving the store over HTTP (:func:`create_app`).

The application is imported on first use, so that a query worker process,
which needs only :mod:`cikg.serve.evaluate`, does not load it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cikg.serve.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from cikg.serve.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
