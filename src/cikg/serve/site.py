"""What every route shares: the engine and what is made from it once
(:class:`Site`), kept in the application's state as ``app.state.site``.

The routes (:mod:`cikg.serve.endpoint`, :mod:`cikg.serve.routes`) are plain
Starlette endpoint functions that read ``request.app.state.site``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from cikg.serve.cache import ResultCache, SharedAnswers
from cikg.serve.engine import Engine
from cikg.serve.evaluate import QueryRequest, evaluate_request
from cikg.serve.page import Example
from cikg.serve.pages import Pages, choose_language
from cikg.serve.workers import QueryWorkers
from cikg.settings import ServeSettings
from cikg.vocab import CIKG

__all__ = ["Site", "build_id", "site_of"]

Answer = tuple[bytes, str, bool]


def build_id(engine: Engine) -> str:
    """What identifies the engine's content: the hashes of the files it was
    built from and the cikg version (a new build gives new ETags).

    :param engine: the embedded store or a remote engine.
    :return: 12 hexadecimal digits.
    """
    from cikg import __version__

    quads = engine.quads_for_pattern(None, CIKG.sha256, None, None)
    hashes = sorted(q.object.value for q in quads)
    return hashlib.sha1("|".join([__version__, *hashes]).encode()).hexdigest()[:12]


@dataclass
class Site:
    """The engine behind the routes and what they share.

    :param engine: the embedded store (read-only) or a remote endpoint.
    :param settings: the limits.
    :param examples: the example queries of the query page.
    :param workers: worker processes that evaluate ``/sparql`` queries on
        the embedded store within the time limit; ``None``: in the server's
        threads (a remote engine, or tests and embedding).
    """

    engine: Engine
    settings: ServeSettings
    examples: tuple[Example, ...]
    workers: QueryWorkers | None = None
    build_id: str = field(init=False)
    pages: Pages = field(init=False)
    answers: SharedAnswers[QueryRequest] = field(init=False)

    def __post_init__(self) -> None:
        self.build_id = build_id(self.engine)
        self.pages = Pages(self.engine, self.build_id)
        self.answers = SharedAnswers(ResultCache(self.settings.cache_bytes), self.evaluate)

    async def evaluate(self, request: QueryRequest) -> Answer:
        """Evaluate a ``/sparql`` request: in a worker process when there
        are workers, else in a thread of the server.

        :return: ``(body, media type, truncated)``.
        :raises QueryError, NotAcceptable, QueryTimeout, CikgError: as
            :func:`~cikg.serve.evaluate.evaluate_request` and
            :meth:`~cikg.serve.workers.QueryWorkers.run_async` do.
        """
        if self.workers is not None:
            return await self.workers.run_async(request)
        return await run_in_threadpool(evaluate_request, self.engine, request, self.settings)


def site_of(request: Request) -> Site:
    """The :class:`Site` of the application that received ``request``."""
    return request.app.state.site


def language(request: Request) -> str:
    """``"zh"`` or ``"en"`` for a request (``?lang=``, then ``Accept-Language``)."""
    return choose_language(request.headers.get("accept-language"), request.query_params.get("lang"))
