"""Curated names found in running text by longest match.

Chinese has no spaces, so a name is found where its characters stand; the
longest curated name starting at a position wins, which keeps a region
inside an organisation's name from being read as the region (中国电信 is an
organisation, not 中国; 北京市通信管理局 is one, not 北京). The names are the
curated labels and aliases of ``ontology/reference/``; this module only
scans.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["NameMatch", "NameScanner"]


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A name found: ``text[start:end] == name``; ``kind`` as given to the scanner."""

    name: str
    kind: str
    start: int
    end: int


class NameScanner:
    """Finds curated names in text, longest first, left to right, without
    overlaps.

    :param names: ``(name, kind)`` pairs, e.g. ``("北京", "region")``,
        ``("中国电信", "org")``. A name given with two kinds keeps the first.

    >>> scan = NameScanner([("中国", "region"), ("中国电信", "org"), ("湖北", "region")])
    >>> [(m.name, m.kind) for m in scan.find("中国电信在湖北，中国")]
    [('中国电信', 'org'), ('湖北', 'region'), ('中国', 'region')]
    """

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self._kinds: dict[str, str] = {}
        for name, kind in names:
            if name:
                self._kinds.setdefault(name, kind)
        # the lengths of the names each first character opens, longest first
        lengths: dict[str, set[int]] = {}
        for name in self._kinds:
            lengths.setdefault(name[0], set()).add(len(name))
        self._lengths = {ch: sorted(ls, reverse=True) for ch, ls in lengths.items()}

    def find(self, text: str, cuts: set[int] | None = None) -> list[NameMatch]:
        """Every name in ``text``, in order.

        :param text: any text.
        :param cuts: offsets where words start (and ``len(text)``); when
            given, a name must start and end at one (联合国 is no name in
            联合 | 国家发展改革委).
        :return: the matches; at each position the longest name wins and the
            scan resumes after it.
        """
        found: list[NameMatch] = []
        i = 0
        while i < len(text):
            for length in self._lengths.get(text[i], ()):
                kind = self._kinds.get(text[i : i + length])
                if kind is not None and (cuts is None or (i in cuts and i + length in cuts)):
                    found.append(NameMatch(text[i : i + length], kind, i, i + length))
                    i += length
                    break
            else:
                i += 1
        return found
