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
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.parts.document import DocumentPart

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

    The body's XML is walked once, element by element, rather than through
    python-docx's proxies (``Paragraph.style`` looks a style up by reading
    every style of the document, once per paragraph): what is read is what
    those proxies give (:func:`_paragraph_line`, :func:`_table_rows`).

    :param path: a ``.docx`` file.
    :return: lines in reading order, a blank line after each block.
    :raises zipfile.BadZipFile, docx.opc.exceptions.OpcError, KeyError,
        ValueError: if it is no Word file.
    """
    doc = open_docx(str(path))
    notes = _footnotes(doc)
    order: list[str] = []  # footnote ids in the order the body references them
    styles: dict[str | None, str] = {}  # paragraph style id -> its name, as looked up
    out: list[str] = []
    for child in doc.element.body.iterchildren(_P, _TBL):
        if child.tag == _P:
            style = _style_name(doc.part, _style_id(child), styles)
            line = _paragraph_line(child, style, notes, order)
            if line:
                out.extend([*line.split("\n"), ""])
        else:
            out.extend([*(row for row in _table_rows(child, notes, order) if row.strip()), ""])
    for number, note_id in enumerate(order, start=1):
        out.extend([f"{ascii_to_superscript(str(number))} {notes[note_id]}", ""])
    return out


_P, _TBL, _TR, _TC, _R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
_HYPERLINK, _PPR, _PSTYLE, _NUMPR = qn("w:hyperlink"), qn("w:pPr"), qn("w:pStyle"), qn("w:numPr")
_VAL, _ID, _FOOTNOTE_REF = qn("w:val"), qn("w:id"), qn("w:footnoteReference")
_RPR, _VERT_ALIGN = qn("w:rPr"), qn("w:vertAlign")
_TCPR, _GRID_SPAN, _V_MERGE = qn("w:tcPr"), qn("w:gridSpan"), qn("w:vMerge")
#: A run's text elements, as python-docx's ``Run.text`` reads them (each
#: element's ``str()``: a ``<w:br/>`` is ``\n``, a ``<w:tab/>`` ``\t`` …).
_RUN_TEXT = tuple(qn(t) for t in ("w:br", "w:cr", "w:noBreakHyphen", "w:ptab", "w:t", "w:tab"))


def _style_id(p: CT_P) -> str | None:
    """The id of the style a ``<w:p>`` names (``w:pPr/w:pStyle/@w:val``), or ``None``."""
    ppr = p.find(_PPR)
    pstyle = ppr.find(_PSTYLE) if ppr is not None else None
    return pstyle.get(_VAL) if pstyle is not None else None


def _style_name(part: DocumentPart, style_id: str | None, names: dict[str | None, str]) -> str:
    """The name of a paragraph's style, as ``Paragraph.style.name`` gives it:
    the style of that id, else (no id, or one of no paragraph style) the
    document's default paragraph style; ``""`` when there is none. Each id is
    looked up once and kept in ``names``."""
    if style_id not in names:
        style = part.get_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
        names[style_id] = (style.name if style is not None else None) or ""
    return names[style_id]


def _paragraph_line(p: CT_P, style: str, notes: dict[str, str], order: list[str]) -> str:
    """A ``<w:p>`` as the text loader reads it: a heading, a list item, or
    body text whose line breaks are kept (``\\n`` between its lines).

    :param style: the name of its style (``Heading 2``, ``List Bullet`` …).
    """
    text = _runs_text(p, notes, order, lines=True)
    if not text:
        return ""
    heading = _HEADING_RE.match(style)
    if heading:
        return f"{'#' * int(heading.group(1))} {_SPACE_RE.sub(' ', text)}"
    ppr = p.find(_PPR)
    numbered = ppr is not None and ppr.find(_NUMPR) is not None
    if style.lower().startswith("list") or numbered:
        return f"- {_SPACE_RE.sub(' ', text)}"
    return text


def _table_rows(tbl: CT_Tbl, notes: dict[str, str], order: list[str]) -> list[str]:
    """A ``<w:tbl>``'s rows, each its cells' text tab-separated, as python-docx's
    ``_Row.cells`` gives them: a cell spanning columns (``w:gridSpan``) once
    per column, a cell continuing a vertical merge (``w:vMerge`` with no
    ``w:val`` or ``continue``) as the cell it continues, at the same grid
    column in the row above (empty when that row has no cell starting there,
    where python-docx raises ``ValueError``); a row's first column is its
    ``w:gridBefore``. A cell's text is its paragraphs' on one line, joined by
    spaces.

    :raises ValueError: if a ``w:gridSpan`` is no whole number.
    """
    rows: list[str] = []
    above: dict[int, tuple[str, int]] = {}  # grid column -> (text, columns spanned)
    for tr in tbl.iterchildren(_TR):
        here: dict[int, tuple[str, int]] = {}
        cells: list[str] = []
        column = tr.grid_before
        for tc in tr.iterchildren(_TC):
            tcpr = tc.find(_TCPR)
            grid_span = tcpr.find(_GRID_SPAN) if tcpr is not None else None
            own_span = int(grid_span.get(_VAL, "1")) if grid_span is not None else 1
            v_merge = tcpr.find(_V_MERGE) if tcpr is not None else None
            if v_merge is not None and v_merge.get(_VAL, "continue") == "continue":
                text, span = above.get(column, ("", own_span))
            else:
                text = " ".join(_runs_text(p, notes, order) for p in tc.iterchildren(_P)).strip()
                span = own_span
            here[column] = (text, span)
            cells.extend([text] * span)
            column += own_span
        above = here
        rows.append("\t".join(cells))
    return rows


def _runs_text(p: CT_P, notes: dict[str, str], order: list[str], *, lines: bool = False) -> str:
    """A ``<w:p>``'s text: its runs' and its hyperlinks' runs' (what
    ``Paragraph.iter_inner_content`` gives), superscript digits and footnote
    references as superscript markers; on one line, or with ``lines`` its
    line breaks kept as ``\\n`` (each line's spaces collapsed, empty lines
    left out)."""
    parts: list[str] = []
    for child in p.iterchildren(_R, _HYPERLINK):
        for r in (child,) if child.tag == _R else child.iterchildren(_R):
            text = "".join(str(e) for e in r.iterchildren(*_RUN_TEXT))
            rpr = r.find(_RPR)
            vert_align = rpr.find(_VERT_ALIGN) if rpr is not None else None
            superscript = vert_align is not None and vert_align.get(_VAL) == "superscript"
            if superscript and text.strip().isdigit():
                text = ascii_to_superscript(text.strip())
            parts.append(text)
            for ref in r.iter(_FOOTNOTE_REF):
                note_id = ref.get(_ID)
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
