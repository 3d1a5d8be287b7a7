"""Settings: validated dataclasses, read once from ``CIKG_*`` environment
variables; tests pass the values directly.

- :class:`BuildSettings`: limits of ``cikg build`` (input size) and OCR.
- :class:`ServeSettings`: limits of the SPARQL endpoint.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from cikg.errors import CikgError

__all__ = ["BuildSettings", "ServeSettings"]


@dataclass(frozen=True, slots=True)
class BuildSettings:
    """Limits of a build.

    :param max_input_mb: the most text one document may hold, in MiB (a text
        file's size; a PDF's extracted text). Extraction holds the whole
        document in memory and its cost grows faster than its size (measured
        on the 55th CNNIC report repeated: 1 MiB took 15 s and 0.55 GB peak
        RSS, 5 MiB 160 s of CPU and 1.9 GB; 50 MiB would need tens of
        minutes and over 15 GB), so a larger document fails at once with a
        message naming this setting instead of exhausting a shared machine.
        The largest real report (the 46th CNNIC report) holds 0.14 MiB.
    :param ocr: read PDF pages that have no text layer (scanned images)
        with Tesseract (``cikg build --ocr``); without it they are left out
        and a finding names them.
    :param ocr_languages: Tesseract's languages (its ``-l`` value).
        ``chi_sim`` alone: on the corpus pages rendered as scans it matched
        more of the text than ``chi_sim+eng`` at about two thirds of the
        time and found the same prose figures, and ``+eng`` turned
        ``（万人）`` in a table header into ``AAPA CAA)``, losing the unit
        (``benchmarks/ocr-results.md``); ``chi_sim`` reads Latin letters and
        digits too.
    :param ocr_dpi: the resolution scanned pages are rendered at for
        Tesseract.
    """

    max_input_mb: float = 4.0
    ocr: bool = False
    ocr_languages: str = "chi_sim"
    ocr_dpi: int = 300

    def __post_init__(self) -> None:
        if self.max_input_mb <= 0:
            raise CikgError(f"setting max_input_mb must be positive, not {self.max_input_mb}")
        if not 70 <= self.ocr_dpi <= 1200:
            raise CikgError(f"setting ocr_dpi must be between 70 and 1200, not {self.ocr_dpi}")
        if not self.ocr_languages or not all(
            part.replace("_", "").isalnum() for part in self.ocr_languages.split("+")
        ):
            raise CikgError(
                f"setting ocr_languages must be Tesseract language codes joined by +, "
                f"e.g. chi_sim+eng, not {self.ocr_languages!r}"
            )

    @property
    def max_input_bytes(self) -> int:
        """:attr:`max_input_mb` in bytes."""
        return int(self.max_input_mb * 2**20)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> BuildSettings:
        """Settings from ``CIKG_MAX_INPUT_MB``, ``CIKG_OCR`` (``0``/``1``),
        ``CIKG_OCR_LANGUAGES`` and ``CIKG_OCR_DPI``.

        :raises CikgError: if a value is not a number or out of range.

        >>> BuildSettings.from_env({"CIKG_MAX_INPUT_MB": "0.5"}).max_input_bytes
        524288
        """
        return cls(**_values_from_env(cls, env))


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
    :param workers: query worker processes kept for queries as they come
        (0: one per CPU, at least 2).
    :param max_workers: the most worker processes at once (0: three times
        ``workers``); the ones beyond ``workers`` run long queries.
    :param long_query_seconds: once a running query has used this much CPU
        time it is *long*: a worker is started if none is free, so short
        queries are not kept waiting behind it (see :mod:`cikg.serve.workers`).
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
    max_workers: int = 0
    long_query_seconds: float = 1.0
    cache_bytes: int = 64_000_000
    base_iri: str = ""

    def __post_init__(self) -> None:
        positive = (
            "result_limit",
            "max_query_chars",
            "max_body_bytes",
            "max_query_depth",
            "timeout_seconds",
            "long_query_seconds",
        )
        for name in positive:
            if getattr(self, name) <= 0:
                raise CikgError(f"setting {name} must be positive, not {getattr(self, name)}")
        for name in ("workers", "max_workers"):
            if getattr(self, name) < 0:
                raise CikgError(f"setting {name} must not be negative, not {getattr(self, name)}")
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
        ``CIKG_TIMEOUT_SECONDS``, ``CIKG_WORKERS``, ``CIKG_MAX_WORKERS``,
        ``CIKG_LONG_QUERY_SECONDS``, ``CIKG_CACHE_BYTES`` and
        ``CIKG_BASE_IRI``.

        :raises CikgError: if a value is not a number or not positive.

        >>> ServeSettings.from_env({"CIKG_RESULT_LIMIT": "50"}).result_limit
        50
        """
        return cls(**_values_from_env(cls, env))


def _values_from_env(cls: type, env: Mapping[str, str] | None) -> dict[str, Any]:
    """The fields of dataclass ``cls`` set by ``CIKG_{FIELD}`` variables,
    converted to the field's type.

    :raises CikgError: if a number does not parse.
    """
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
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
    return values
