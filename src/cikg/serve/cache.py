"""A bounded in-memory cache of serialised results.

The store does not change while it is served, so a result depends only on
the request; entries are dropped least recently used first once their bytes
pass the bound.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

__all__ = ["ResultCache"]

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
