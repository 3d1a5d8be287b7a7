"""Serving the store over HTTP (:func:`create_app`)."""

from cikg.serve.app import create_app

__all__ = ["create_app"]
