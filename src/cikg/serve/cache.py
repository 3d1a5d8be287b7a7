"""A bounded in-memory cache of serialised results, and one evaluation per
request however many clients ask for it at once.

The store does not change while it is served, so a result depends only on
the request; entries are dropped least recently used first once their bytes
pass the bound. Identical requests that arrive while the first is still
being evaluated wait for its answer instead of evaluating again (a popular
query asked by many clients at once costs one evaluation).
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

__all__ = ["ResultCache", "SharedAnswers"]

R = TypeVar("R")

Entry = tuple[bytes, str, bool]


class ResultCache:
    """Least-recently-used cache bounded by the bytes of its bodies.

    :param max_bytes: the most body bytes kept; a body larger than a
        quarter of it is not cached.

    >>> cache = ResultCache(100)
    >>> cache.put("a", (b"x" * 20, "text/csv", False))
    >>> cache.get("a")[1]
    'text/csv'
    >>> cache.put("b", (b"y" * 90, "text/csv", False))  # too large to keep
    >>> cache.get("b") is None
    True
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> Entry | None:
        """The entry for ``key`` (now the most recently used), or ``None``."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: Entry) -> None:
        """Keep ``entry`` unless its body is over a quarter of the bound."""
        size = len(entry[0])
        if size > self.max_bytes // 4:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old[0])
            self._entries[key] = entry
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped[0])


class SharedAnswers(Generic[R]):
    """Answers by request key: from the cache, else from the one evaluation
    under way for that key, else from a new evaluation (then cached).

    :param cache: where answers are kept.
    :param evaluate: computes the answer to a request; what it raises is
        raised to every caller waiting for that key (and nothing is cached).

    >>> import asyncio
    >>> calls = []
    >>> async def evaluate(request):
    ...     calls.append(request)
    ...     await asyncio.sleep(0.01)
    ...     return (request.encode(), "text/plain", False)
    >>> answers = SharedAnswers(ResultCache(1000), evaluate)
    >>> async def main():
    ...     return await asyncio.gather(*(answers.get("k", "q") for _ in range(3)))
    >>> [body for body, _, _ in asyncio.run(main())], calls
    ([b'q', b'q', b'q'], ['q'])
    """

    def __init__(self, cache: ResultCache, evaluate: Callable[[R], Awaitable[Entry]]) -> None:
        self._cache = cache
        self._evaluate = evaluate
        self._pending: dict[str, asyncio.Future[Entry]] = {}

    async def get(self, key: str, request: R) -> Entry:
        """The answer to ``request``, whose cache key is ``key``.

        :raises Exception: whatever the evaluation raised.
        """
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        loop = asyncio.get_running_loop()
        pending = self._pending.get(key)
        if pending is not None and pending.get_loop() is loop:
            return await asyncio.shield(pending)
        if pending is not None:  # under way in another event loop: evaluate here too
            return await self._evaluate(request)
        future: asyncio.Future[Entry] = loop.create_future()
        future.add_done_callback(lambda f: f.cancelled() or f.exception())  # retrieved
        self._pending[key] = future
        try:
            answer = await self._evaluate(request)
        except asyncio.CancelledError:
            future.cancel()
            raise
        except Exception as exc:
            future.set_exception(exc)
            raise
        finally:
            del self._pending[key]
        self._cache.put(key, answer)
        future.set_result(answer)
        return answer
