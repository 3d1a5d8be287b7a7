"""Server settings: one validated dataclass, read once from ``CIKG_*``
environment variables; tests pass the values directly."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from cikg.errors import CikgError

__all__ = ["ServeSettings"]


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """Limits of the SPARQL endpoint (all on by default).

    :param result_limit: the most solutions or triples a response carries;
        a larger result is cut and the response says so
        (``X-Cikg-Truncated: true``).
    :param max_query_chars: the longest query accepted (characters).
    :param max_body_bytes: the largest request body accepted (bytes).
    :param max_query_depth: the deepest nesting of ``{}``, ``()``, ``[]``
        and ``<< >>`` accepted in a query (pyoxigraph's parser recurses per
        level; see :mod:`cikg.serve.guard`).
    :param cors: answer cross-origin requests (``Access-Control-Allow-Origin: *``).
    :param timeout_seconds: the longest a query may run; past it its worker
        process is killed and the client gets 503.
    :param workers: query worker processes (0: one per CPU, at least 2).
    :param cache_bytes: the most bytes of results kept in memory.
    :param base_iri: where this server answers for the graph's IRIs (an
        ``http(s)`` IRI ending in ``/``, e.g. ``http://127.0.0.1:8000/``):
        ``https://w3id.org/cikg/id/X`` is written ``{base_iri}id/X`` in every
        response and read back in queries; empty (the default) keeps the
        published IRIs.
    """

    result_limit: int = 10_000
    max_query_chars: int = 100_000
    max_body_bytes: int = 1_000_000
    max_query_depth: int = 64
    cors: bool = True
    timeout_seconds: float = 30.0
    workers: int = 0
    cache_bytes: int = 64_000_000
    base_iri: str = ""

    def __post_init__(self) -> None:
        positive = (
            "result_limit",
            "max_query_chars",
            "max_body_bytes",
            "max_query_depth",
            "timeout_seconds",
        )
        for name in positive:
            if getattr(self, name) <= 0:
                raise CikgError(f"setting {name} must be positive, not {getattr(self, name)}")
        if self.workers < 0:
            raise CikgError(f"setting workers must not be negative, not {self.workers}")
        if self.base_iri:
            from cikg.serve.rewrite import check_base_iri

            try:
                check_base_iri(self.base_iri)
            except ValueError as exc:
                raise CikgError(str(exc)) from None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ServeSettings:
        """Settings from ``CIKG_RESULT_LIMIT``, ``CIKG_MAX_QUERY_CHARS``,
        ``CIKG_MAX_BODY_BYTES``, ``CIKG_MAX_QUERY_DEPTH``, ``CIKG_CORS`` (``0``/``1``),
        ``CIKG_TIMEOUT_SECONDS``, ``CIKG_WORKERS``, ``CIKG_CACHE_BYTES`` and
        ``CIKG_BASE_IRI``.

        :raises CikgError: if a value is not a number or not positive.

        >>> ServeSettings.from_env({"CIKG_RESULT_LIMIT": "50"}).result_limit
        50
        """
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"CIKG_{f.name.upper()}")
            if raw is None:
                continue
            try:
                if f.type == "str":
                    values[f.name] = raw
                elif f.type == "bool":
                    values[f.name] = raw not in {"0", "false", "no"}
                else:
                    values[f.name] = float(raw) if f.type == "float" else int(raw)
            except ValueError as exc:
                raise CikgError(f"CIKG_{f.name.upper()}={raw!r} is not a number") from exc
        return cls(**values)  # type: ignore[arg-type]
