"""A synthetic corpus for the scale benchmark: the seeds replicated as N editions.

Edition ``k`` (0 … N-1) of a seed is the same text with every year moved ``k``
years back (``2024 年 12 月`` -> ``2023 年 12 月`` for k = 1) and every
edition number moved ``100 k`` on (``第55次`` -> ``第155次``, ``The 55th`` ->
``The 155th``), so each copy becomes a report of its own (its own slug and
graph: ``cnnic-155``, ``digital-china-2023``, an article dated a year
earlier) whose series overlap the others' periods, as a real run of editions
does. Edition 0 is the seeds unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["edition_text", "write_editions"]

_YEAR = re.compile(r"(?<![0-9０-９.])(19[0-9]{2}|20[0-9]{2})(?![0-9０-９])")
_EDITION = re.compile(r"第(\s*)([0-9]+)(\s*)次")
_ORDINAL = re.compile(r"\bThe ([0-9]+)(st|nd|rd|th)\b")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def edition_text(text: str, k: int) -> str:
    """``text`` as its ``k``-th synthetic edition (``k`` = 0: unchanged).

    >>> edition_text("第55次报告：截至2024年12月（The 55th）", 1)
    '第155次报告：截至2023年12月（The 155th）'
    """
    if k == 0:
        return text
    text = _YEAR.sub(lambda m: str(int(m.group(1)) - k), text)
    text = _EDITION.sub(lambda m: f"第{m.group(1)}{int(m.group(2)) + 100 * k}{m.group(3)}次", text)
    return _ORDINAL.sub(lambda m: "The " + _ordinal(int(m.group(1)) + 100 * k), text)


def write_editions(seeds: Path, target: Path, n: int) -> list[Path]:
    """Write ``n`` editions of every ``seeds/*.txt`` file under ``target``.

    :return: the files written (``n`` times the number of seeds).
    """
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for k in range(n):
        for seed in sorted(seeds.glob("*.txt")):
            path = target / f"e{k:03d}-{seed.name}"
            path.write_text(edition_text(seed.read_text(encoding="utf-8"), k), encoding="utf-8")
            written.append(path)
    return written
