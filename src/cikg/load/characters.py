"""Han characters written with their compatibility look-alikes.

Text copied from PDFs often holds the Kangxi radicals (U+2F00–U+2FDF), the
CJK radicals supplement (U+2E80–U+2EFF) or the CJK compatibility ideographs
(U+F900–U+FAFF) in place of the unified ideographs they look like: 人均⼯资
with ⼯ (U+2F2F KANGXI RADICAL WORK) for 工, 收⼊ with ⼊ (U+2F0A) for 入. A
reader sees the same word; the segmenter, the glossary and every regular
expression see another. Unicode's compatibility decomposition (NFKC, UAX #15)
maps each to its ideograph; only those characters are folded, so full-width
punctuation (，（）％), which the extraction reads, stays as written.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from cikg.records import Block, Document

__all__ = ["fold_document", "fold_ideographs"]

_RANGES = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF))


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in _RANGES:
        for code in range(lo, hi + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if folded != chr(code) and len(folded) == 1:
                table[code] = folded
    return table


_FOLD = _table()


def fold_ideographs(text: str) -> str:
    """``text`` with each compatibility look-alike of a Han character replaced
    by the unified ideograph NFKC maps it to.

    >>> fold_ideographs("人均⼯资，收⼊（万元）")
    '人均工资，收入（万元）'
    """
    return text.translate(_FOLD)


def _fold_block(block: Block) -> Block:
    def fold(value: str | None) -> str | None:
        return None if value is None else fold_ideographs(value)

    return replace(
        block,
        text=fold_ideographs(block.text),
        section=fold(block.section),
        label=fold(block.label),
        caption=fold(block.caption),
        rows=tuple(tuple(fold_ideographs(cell) for cell in row) for row in block.rows),
        notes=tuple(fold_ideographs(note) for note in block.notes),
    )


def fold_document(doc: Document) -> Document:
    """``doc`` with :func:`fold_ideographs` applied to every block's text,
    section, label, caption, cells and notes, the front matter's title and
    the cover lines; the document unchanged when it holds none."""
    if not any(ord(c) in _FOLD for b in doc.blocks for c in b.text) and not any(
        ord(c) in _FOLD for _, line in doc.cover for c in line
    ):
        return doc
    front = doc.front_matter
    if front is not None and front.title:
        front = replace(front, title=fold_ideographs(front.title))
    return replace(
        doc,
        blocks=tuple(_fold_block(b) for b in doc.blocks),
        front_matter=front,
        cover=tuple((n, fold_ideographs(line)) for n, line in doc.cover),
    )
