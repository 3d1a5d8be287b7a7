"""Seeds written as Word files, the way an office would type them: the title
page as lines, headings in Word's heading styles, paragraphs whose footnote
markers are superscript runs, tables under their caption line, a figure
caption and the 来源 line under it one paragraph with a line break (Shift+Enter)
between, list items in the list style, and the footnotes as the reports print
them (a line each).

Made from the seed's own blocks, so reading the file must give back the same
figures as reading the text.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as new_docx

from cikg.load.text import superscript_to_ascii
from cikg.records import BlockKind, Document

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _runs(paragraph, text: str) -> None:  # type: ignore[no-untyped-def]
    """Add ``text`` to ``paragraph``, superscript markers as superscript runs."""
    run, sup = "", False
    for ch in text:
        is_sup = ch in _SUPERSCRIPTS
        if is_sup != sup and run:
            r = paragraph.add_run(superscript_to_ascii(run) if sup else run)
            r.font.superscript = sup
            run = ""
        run += ch
        sup = is_sup
    if run:
        r = paragraph.add_run(superscript_to_ascii(run) if sup else run)
        r.font.superscript = sup


def write_word(doc: Document, path: Path) -> None:
    """Write ``doc`` as a ``.docx`` file at ``path`` (see the module's docstring)."""
    out = new_docx()
    if doc.front_matter is not None:
        _runs(out.add_paragraph(), doc.front_matter.title or "")
        _runs(
            out.add_paragraph(),
            f"来源：{doc.front_matter.source or ''}　{doc.front_matter.date or ''}",
        )
    for _, line in doc.cover:
        _runs(out.add_paragraph(), line)
    for block in doc.blocks:
        if block.kind is BlockKind.TOC:
            continue
        if block.kind is BlockKind.HEADING:
            heading = out.add_heading(level=min(block.level or 1, 9))
            _runs(heading, block.text)
        elif block.kind is BlockKind.TABLE:
            caption = " ".join(p for p in (block.label, block.caption) if p)
            if caption:
                _runs(out.add_paragraph(), caption)
            width = max(len(row) for row in block.rows)
            table = out.add_table(rows=len(block.rows), cols=width)
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    _runs(table.cell(r, c).paragraphs[0], cell)
            for note in block.notes:
                _runs(out.add_paragraph(), note)
        elif block.kind is BlockKind.LIST_ITEM:
            _runs(out.add_paragraph(style="List Bullet"), block.text.lstrip("-*• "))
        else:
            _runs(out.add_paragraph(), block.text)
    out.save(str(path))
