"""Word files (``.docx``) -> :class:`~cikg.records.Document`.

python-docx reads the package; what is ours is turning its body into the lines
the text loader reads (:func:`docx_to_lines`), so a Word file goes through the
same stages as a text file (:mod:`cikg.load.text`: cover, boilerplate,
blocks):

- paragraphs in the order they stand, tables among them; a line break inside
  a paragraph (Shift+Enter, ``<w:br/>``) ends a line, as a newline does in a
  text file and ``<br>`` in a web page (a figure caption typed with its 来源
  line under it in one paragraph is the caption and its note); in a heading,
  a list item or a table cell it is a space;
- a paragraph styled ``Heading N`` (``标题 N`` in a Chinese Word) is a markdown
  heading of level N; ``Title`` a line of the title page; a list paragraph
  (a ``List`` style or Word numbering) a ``- `` item;
- superscript digits (a footnote marker typed as superscript) and Word's own
  footnote references are superscript markers (¹); Word's footnotes follow the
  body as ``¹ text`` lines, numbered in the order they are referenced, as the
  reports' footnotes stand in text;
- a table is its rows, tab-separated; a merged cell is repeated in every row
  and column it covers (python-docx gives the merged cell for each grid cell).
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

from docx import Document as open_docx
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from cikg.errors import InputError
from cikg.load.text import ascii_to_superscript, lines_to_document, read_input
from cikg.records import Document

__all__ = ["docx_to_lines", "load_docx"]

_HEADING_RE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.IGNORECASE)
_SPACE_RE = re.compile(r"[ \t\r\n\u00a0]+")
_LINE_SPACE_RE = re.compile(r"[ \t\r\u00a0]+")


def load_docx(path: Path, max_bytes: int | None = None) -> Document:
    """Load a Word file.

    :param path: a ``.docx`` file (Office Open XML; the old binary ``.doc`` is
        not read: save it as ``.docx``).
    :param max_bytes: the largest file read; ``None`` for no limit.
    :return: the document, its blocks in reading order; line numbers count the
        lines :func:`docx_to_lines` gives.
    :raises InputError: if the file is too large, cannot be read, is not a
        Word file, or holds no text (the message names the file).
    """
    data = read_input(path, max_bytes)
    try:
        lines = docx_to_lines(path)
    except (zipfile.BadZipFile, OpcError, KeyError, ValueError) as exc:
        raise InputError(path, f"is not a Word (.docx) file cikg can read: {exc}") from exc
    if not any(line.strip() for line in lines):
        raise InputError(path, "is empty: it holds no text")
    return lines_to_document(path, hashlib.sha256(data).hexdigest(), lines, None)


def docx_to_lines(path: Path) -> list[str]:
    """The lines a text file of the same content would hold (see the module's
    docstring).

    :param path: a ``.docx`` file.
    :return: lines in reading order, a blank line after each block.
    :raises zipfile.BadZipFile, docx.opc.exceptions.OpcError, KeyError,
        ValueError: if it is no Word file.
    """
    doc = open_docx(str(path))
    notes = _footnotes(doc)
    order: list[str] = []  # footnote ids in the order the body references them
    out: list[str] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            line = _paragraph_line(Paragraph(child, doc), notes, order)
            if line:
                out.extend([*line.split("\n"), ""])
        elif child.tag == qn("w:tbl"):
            rows = [
                "\t".join(
                    " ".join(_runs_text(p, notes, order) for p in cell.paragraphs).strip()
                    for cell in row.cells
                )
                for row in Table(child, doc).rows
            ]
            out.extend([*(row for row in rows if row.strip()), ""])
    for number, note_id in enumerate(order, start=1):
        out.extend([f"{ascii_to_superscript(str(number))} {notes[note_id]}", ""])
    return out


def _paragraph_line(paragraph: Paragraph, notes: dict[str, str], order: list[str]) -> str:
    """A paragraph as the text loader reads it: a heading, a list item, or
    body text whose line breaks are kept (``\\n`` between its lines)."""
    text = _runs_text(paragraph, notes, order, lines=True)
    if not text:
        return ""
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = _HEADING_RE.match(style or "")
    if heading:
        return f"{'#' * int(heading.group(1))} {_SPACE_RE.sub(' ', text)}"
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if (style or "").lower().startswith("list") or numbered:
        return f"- {_SPACE_RE.sub(' ', text)}"
    return text


def _runs_text(
    paragraph: Paragraph, notes: dict[str, str], order: list[str], *, lines: bool = False
) -> str:
    """A paragraph's text: superscript digits and footnote references as
    superscript markers; on one line, or with ``lines`` its line breaks kept
    as ``\\n`` (each line's spaces collapsed, empty lines left out)."""
    parts: list[str] = []
    for run in paragraph.iter_inner_content():
        runs = [run] if not hasattr(run, "runs") else run.runs  # a hyperlink holds runs
        for r in runs:
            text = r.text
            if r.font.superscript and text.strip().isdigit():
                text = ascii_to_superscript(text.strip())
            parts.append(text)
            for ref in r._r.iter(qn("w:footnoteReference")):
                note_id = ref.get(qn("w:id"))
                if note_id in notes:
                    if note_id not in order:
                        order.append(note_id)
                    parts.append(ascii_to_superscript(str(order.index(note_id) + 1)))
    text = "".join(parts)
    if not lines:
        return _SPACE_RE.sub(" ", text).strip()
    kept = (_LINE_SPACE_RE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in kept if line)


def _footnotes(doc) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Word's footnotes by id, their text on one line (the separators Word
    keeps as footnotes -1 and 0 left out)."""
    part = next(
        (
            rel.target_part
            for rel in doc.part.rels.values()
            if rel.reltype.endswith("/footnotes") and not rel.is_external
        ),
        None,
    )
    if part is None:
        return {}
    from lxml import etree

    root = etree.fromstring(part.blob)
    notes: dict[str, str] = {}
    for note in root.iter(qn("w:footnote")):
        note_id = note.get(qn("w:id"))
        if note.get(qn("w:type")) in {"separator", "continuationSeparator"} or note_id is None:
            continue
        text = "".join(t.text or "" for t in note.iter(qn("w:t")))
        notes[note_id] = _SPACE_RE.sub(" ", text).strip()
    return notes
