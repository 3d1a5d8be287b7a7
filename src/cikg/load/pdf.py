"""PDF reports -> :class:`~cikg.records.Document`, through the text loader.

pdfplumber gives each page's characters with their font size and position;
this module turns a page into the lines a text report would have, then the
text loader's stages (cover, furniture, blocks) read them, so a PDF and the
same report as text come out alike. The stages:

1. :func:`page_to_lines` - digits in a much smaller font than the rest of
   their line become superscript markers (``77 EFlops7`` -> ``77
   EFlops⁷``, so the footnote logic sees them); a line ending well short of
   the right margin ends its paragraph, an indented line starts one (a blank
   line is put between, as text reports have); tables found by pdfplumber
   are written as tab-separated rows where they stand, and their characters
   are kept out of the prose. :func:`page_to_layout` also says where the
   page's first and last tables stand (their first row among the lines,
   the x-positions of their column boundaries).
2. :func:`tables_on_page` - pdfplumber's tables, less chart grids (mostly
   empty cells) and one-column prose boxes; merged cells forward-filled.
3. :func:`load_pdf` - pages (read in parallel processes: they are
   independent), in order, then the text stages; every block gets its page.
   A page's first table continues the previous page's last table when their
   columns are the same in number and x-position (within
   :data:`_COLUMN_TOLERANCE`), whether or not its header is repeated: a
   header-less continuation's first row is data, never a header; other
   columns make it a table of its own (:func:`tables_across_pages`).
   Encrypted and truncated PDFs are clear errors.
4. Pages with no text layer (scanned images, :func:`has_no_text_layer`):
   with ``ocr``, read by Tesseract (:mod:`cikg.load.ocr`) into the same
   lines, so the text stages read them like any page; without, left out
   with a finding naming the page and ``--ocr`` (a PDF of such pages only
   is skipped, :class:`~cikg.errors.NeedsOcr`).
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import re
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from cikg.errors import InputError, NeedsOcr
from cikg.load.ocr import INSTALL_HINT, OcrPage, Tesseract, ocr_pages
from cikg.load.text import find_boilerplate, lines_to_blocks, size_message, split_cover
from cikg.records import Document, Finding

__all__ = [
    "PageLayout",
    "TableEdge",
    "classify_tables",
    "has_no_text_layer",
    "load_pdf",
    "page_to_layout",
    "page_to_lines",
    "tables_across_pages",
    "tables_on_page",
]

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: A digit this much smaller than the body text is a note marker.
_MARKER_RATIO = 0.75
#: Below twice this many pages a PDF is read in one process (starting a
#: worker costs about a second; measured in benchmarks/pdf.py).
_PAGES_PER_WORKER_MIN = 30
#: Share of empty cells above which a "table" is a chart's grid.
_EMPTY_LIMIT = 0.5


#: Column boundaries this close (points, about 1 mm) are the same column.
_COLUMN_TOLERANCE = 3.0


@dataclass(frozen=True, slots=True)
class TableEdge:
    """A table that opens or closes a page.

    :param line: index of its first row among the page's lines.
    :param columns: x-positions of its column boundaries, in points from
        the page's left edge, left to right (the last is its right edge).
    """

    line: int
    columns: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class PageLayout:
    """A page's lines and its first and last tables (``None`` when it has none).

    :param lines: the lines, as :func:`page_to_lines` gives them.
    """

    lines: list[str]
    first_table: TableEdge | None = None
    last_table: TableEdge | None = None


@dataclass(frozen=True, slots=True)
class _PdfTable:
    bbox: tuple[float, float, float, float]
    rows: list[list[str]]
    columns: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class _Line:
    top: float
    text: str
    blank_before: bool = False
    blank_after: bool = False
    table: _PdfTable | None = None


Bbox = tuple[float, float, float, float]


def tables_on_page(page) -> list[tuple[Bbox, list[list[str]]]]:
    """The data tables of a page: ``(bbox, rows)`` with cells as text.

    A table whose cells are mostly empty (a chart's grid) or that has a
    single column (a box of prose) is not a data table. A cell merged
    across columns (``None``) takes the text of the cell to its left.
    """
    return classify_tables(page)[0]


def classify_tables(page) -> tuple[list[tuple[Bbox, list[list[str]]]], int]:
    """The page's data tables (see :func:`tables_on_page`) and how many of
    pdfplumber's tables were rejected as chart grids or prose boxes."""
    found, rejected = _data_tables(page)
    return [(t.bbox, t.rows) for t in found], rejected


def _data_tables(page) -> tuple[list[_PdfTable], int]:
    found: list[_PdfTable] = []
    rejected = 0
    for table in page.find_tables():
        rows = table.extract()
        if not rows:
            rejected += 1
            continue
        width = max(len(r) for r in rows)
        cells = [c for r in rows for c in r]
        empty = sum(1 for c in cells if not (c or "").strip())
        if width < 2 or empty / max(1, len(cells)) > _EMPTY_LIMIT:
            rejected += 1
            continue
        clean = []
        for row in rows:
            out: list[str] = []
            for cell in row:
                if cell is None:  # merged with the cell to its left
                    out.append(out[-1] if out else "")
                else:
                    out.append("".join(cell.split()))
            clean.append(out)
        edges = {round(cell[0], 1) for cell in table.cells} | {round(table.bbox[2], 1)}
        found.append(_PdfTable(table.bbox, clean, tuple(sorted(edges))))
    return found, rejected


def _inside(obj: dict, boxes: Sequence[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def page_to_lines(page) -> list[str]:
    """The lines of one page, as a text report would have them."""
    return page_to_layout(page).lines


def page_to_layout(page) -> PageLayout:
    """The lines of one page (see :func:`page_to_lines`), and where its first
    and last tables stand.

    :param page: a pdfplumber page.
    :return: the layout; its edges are ``None`` when the page has no table.
    """
    tables = sorted(_data_tables(page)[0], key=lambda t: t.bbox[1])
    boxes = [t.bbox for t in tables]
    chars = [c for c in page.chars if not _inside(c, boxes)]
    if not chars and not tables:
        return PageLayout([])
    sizes = Counter(round(c["size"], 1) for c in chars if c["text"].strip())
    body = sizes.most_common(1)[0][0] if sizes else 0  # the body text's size
    lines = _join_footnotes(_mark_plain_footnotes(_group_lines(chars)))
    body_lines = [ln for ln in lines if ln["size"] == body] or lines
    left = _mode([ln["x0"] for ln in body_lines]) if body_lines else 0
    right = max((ln["x1"] for ln in body_lines), default=0)
    em = body or 10
    out: list[_Line] = []
    for ln in lines:
        indented = ln["x0"] > left + 1.5 * em
        short = ln["x1"] < right - 2 * em
        out.append(_Line(ln["top"], ln["text"], blank_before=indented, blank_after=short))
    for table in tables:
        rows = "\n".join("\t".join(r) for r in table.rows)
        out.append(_Line(table.bbox[1], rows, True, True, table=table))
    out.sort(key=lambda ln: ln.top)
    text_lines: list[str] = []
    edges: list[TableEdge] = []
    for ln in out:
        if ln.blank_before and text_lines and text_lines[-1]:
            text_lines.append("")
        if ln.table is not None:
            edges.append(TableEdge(len(text_lines), ln.table.columns))
        text_lines.extend(ln.text.split("\n"))
        if ln.blank_after:
            text_lines.append("")
    return PageLayout(text_lines, edges[0] if edges else None, edges[-1] if edges else None)


def tables_across_pages(
    layouts: Sequence[PageLayout], offsets: Sequence[int]
) -> tuple[set[int], set[int]]:
    """Which page-opening tables continue the table that closed the page
    before: the same number of columns at the same x-positions (within
    :data:`_COLUMN_TOLERANCE`), decided by the layout and never by whether
    the first row looks like a header.

    :param layouts: every page's layout, in order.
    :param offsets: index of each page's first line among the document's lines.
    :return: ``(continued, new_tables)``: document line indexes of the first
        rows of page-opening tables that continue the previous page's last
        table, and of those that do not (for
        :func:`~cikg.load.text.lines_to_blocks`).
    """
    continued: set[int] = set()
    new_tables: set[int] = set()
    for prev, page, offset in zip(layouts, layouts[1:], offsets[1:], strict=False):
        if prev.last_table is None or page.first_table is None:
            continue
        a, b = prev.last_table.columns, page.first_table.columns
        same = len(a) == len(b) and all(
            abs(x - y) <= _COLUMN_TOLERANCE for x, y in zip(a, b, strict=True)
        )
        (continued if same else new_tables).add(offset + page.first_table.line)
    return continued, new_tables


def _mode(values: Sequence[float]) -> float:
    return Counter(round(v) for v in values).most_common(1)[0][0]


def _group_lines(chars: list[dict]) -> list[dict]:
    """Characters into lines: by baseline (within half a character), then left
    to right; a gap wider than a third of a character is a space."""
    rows: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if rows and abs(rows[-1][0]["top"] - c["top"]) <= max(2.0, c["size"] * 0.5):
            rows[-1].append(c)
        else:
            rows.append([c])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        # digits much smaller than the line's own text are note markers (²⁵);
        # a line all in one small size (a page number, a footnote's text) is not
        line_size = Counter(round(c["size"], 1) for c in row if c["text"].strip()).most_common(1)
        size = line_size[0][0] if line_size else 0
        text = ""
        for prev, c in zip([None, *row[:-1]], row, strict=True):
            if prev is not None and c["x0"] - prev["x1"] > c["size"] / 3:
                text += " "
            small = c["text"].isdigit() and c["size"] < size * _MARKER_RATIO
            text += c["text"].translate(_SUPERSCRIPT) if small else c["text"]
        if text.strip():
            first, last = row[0], row[-1]
            lines.append(
                {
                    "top": first["top"],
                    "x0": first["x0"],
                    "x1": last["x1"],
                    "size": size,
                    "text": text.strip(),
                }
            )
    return lines


_SUPERSCRIPT_DIGITS = set("⁰¹²³⁴⁵⁶⁷⁸⁹")
_PLAIN_NOTE_RE = re.compile(r"(\d{1,3})\s+(?=[^\d\s.．、，,])")
_PLAIN_NOTE_MIN = 8


def _mark_plain_footnotes(lines: list[dict]) -> list[dict]:
    """Footnotes whose number is set in the note's own small size (``1 算力
    主要考虑…``, or a ``1`` on a line of its own just above ``包含港澳台地区``)
    get a superscript number, as those with a raised marker have: a line
    below every line of a larger font (a fifth larger or more: the body
    text, which on a page of long notes is not the commonest size), opening
    with a number of one to three digits, a space and a note of
    :data:`_PLAIN_NOTE_MIN` characters or more (or beside a number on a line
    of its own). A page number has no text after it; a year (2021年) has
    four digits."""

    def under_larger(line: dict) -> bool:
        tops = [ln["top"] for ln in lines if ln["size"] >= line["size"] * 1.2]
        return bool(tops) and line["top"] > max(tops)

    out: list[dict] = []
    for line in lines:
        below = under_larger(line)
        prev = out[-1] if out else None
        beside = (
            below
            and prev is not None
            and prev["text"].isdigit()
            and len(prev["text"]) <= 3
            and under_larger(prev)
            and line["top"] - prev["top"] < prev["size"] * 1.2
            and line["x0"] > prev["x0"]
        )
        if beside and prev is not None:  # the number on a line of its own, its note beside it
            line = {**line, "x0": prev["x0"], "text": f"{prev['text']} {line['text']}"}
            out.pop()
        m = _PLAIN_NOTE_RE.match(line["text"]) if below else None
        if m and (beside or len(line["text"]) - m.end() >= _PLAIN_NOTE_MIN):
            rest = line["text"][m.end() :]
            line = {**line, "text": f"{m.group(1).translate(_SUPERSCRIPT)} {rest}"}
        out.append(line)
    return out


def _join_footnotes(lines: list[dict]) -> list[dict]:
    """A footnote wrapped over several lines (same small size, below its
    marker line) is one line."""
    out: list[dict] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev["text"][:1] in _SUPERSCRIPT_DIGITS
            and line["size"] == prev["size"]
            and line["text"][:1] not in _SUPERSCRIPT_DIGITS
            and line["top"] - prev["top"] < prev["size"] * 2.5
        ):
            out[-1] = {
                **prev,
                "x1": max(prev["x1"], line["x1"]),
                "text": prev["text"] + line["text"],
            }
            continue
        out.append(line)
    return out


def _drop_running_lines(lines: list[str], pages: list[int]) -> list[str]:
    """Blank out running headers and footers: a line among the first or last
    two text lines of a page that stands there on two pages or more. The
    first page is the cover: its title and publisher stay, though the running
    header repeats them (中国算力发展指数白皮书 / 中国信息通信研究院)."""
    edges: dict[int, list[int]] = {}
    cover = min(pages, default=1)
    for index, (line, page) in enumerate(zip(lines, pages, strict=True)):
        if line.strip():
            edges.setdefault(page, []).append(index)
    candidates = Counter()
    for indexes in edges.values():
        for index in {*indexes[:2], *indexes[-2:]}:
            candidates[lines[index].strip()] += 1
    running = {text for text, n in candidates.items() if n >= 2 and not text.isdigit()}
    return [
        ""
        if line.strip() in running
        and pages[index] != cover
        and index in {*edges[pages[index]][:2], *edges[pages[index]][-2:]}
        else line
        for index, line in enumerate(lines)
    ]


def has_no_text_layer(page) -> bool:
    """Whether a page is a scan: no characters (but white space), yet
    something drawn on it (an image, or vector shapes such as text turned
    into outlines). A page with nothing on it is blank, not a scan."""
    if any(c["text"].strip() for c in page.chars):
        return False
    return bool(page.images or page.rects or page.curves or page.lines)


def _pages_to_lines(path: str, first: int, last: int) -> list[tuple[PageLayout, bool]]:
    """Layouts of pages ``first`` to ``last`` (0-based, exclusive end), each
    with whether the page has no text layer; runs in a worker process."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [
            (page_to_layout(pdf.pages[i]), has_no_text_layer(pdf.pages[i]))
            for i in range(first, last)
        ]


def _read_pages(path: Path, count: int, workers: int) -> list[tuple[PageLayout, bool]]:
    """Every page's lines, pages split among ``workers`` processes (pages are
    independent); one process for a short document."""
    if workers <= 1 or count < 2 * _PAGES_PER_WORKER_MIN:
        return _pages_to_lines(str(path), 0, count)
    step = -(-count // workers)
    spans = [(i, min(count, i + step)) for i in range(0, count, step)]
    context = mp.get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            parts = pool.map(_pages_to_lines, [str(path)] * len(spans), *zip(*spans, strict=True))
            return [page for part in parts for page in part]
    except BrokenProcessPool:  # no importable __main__ (an interactive session): one process
        return _pages_to_lines(str(path), 0, count)


def load_pdf(
    path: Path,
    workers: int | None = None,
    max_bytes: int | None = None,
    ocr: Tesseract | None = None,
) -> Document:
    """Load a PDF report: its text layer, and its scanned pages by OCR when
    ``ocr`` is given.

    A page with no text layer (see :func:`has_no_text_layer`) is read by
    Tesseract when ``ocr`` is given (a finding per page says how long it
    took and how sure Tesseract was, another lists the figures it was
    unsure of); without ``ocr`` it is left out and a finding names it and
    says that ``--ocr`` reads it.

    :param path: the PDF.
    :param workers: processes to read pages with, and Tesseract processes
        at once (default: one per CPU; a short document is read in this
        process).
    :param max_bytes: the most text (UTF-8 bytes) the document may hold;
        ``None`` for no limit.
    :param ocr: Tesseract, from :func:`cikg.load.ocr.find_tesseract`;
        ``None`` to leave scanned pages unread.
    :return: the document; every block carries its 1-based ``page``; its
        ``findings`` name pages without a text layer (left unread, or read
        by OCR) and its ``ocr_pages`` the pages OCR read.
    :raises NeedsOcr: if no page has a text layer and ``ocr`` is ``None``
        (the build skips the file; the message names ``--ocr``).
    :raises InputError: if the PDF is encrypted, truncated or unreadable,
        holds no text (nor any scanned page, or OCR read nothing), holds
        more than ``max_bytes`` of text, or
        Tesseract fails on a page.
    """
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    workers = workers if workers is not None else mp.cpu_count()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from exc
    try:
        with pdfplumber.open(path) as pdf:
            count = len(pdf.pages)
        read = _read_pages(path, count, workers)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise InputError(path, "is encrypted; decrypt it first (e.g. qpdf --decrypt)") from exc
    except (PDFSyntaxError, PSException, PdfminerException, MalformedPDFException) as exc:
        if b"/Encrypt" in data:
            raise InputError(path, "is encrypted; decrypt it first (e.g. qpdf --decrypt)") from exc
        raise InputError(path, f"is not a readable PDF (truncated or damaged?): {exc}") from exc
    layouts = [layout for layout, _ in read]
    by_page = [layout.lines for layout in layouts]
    scanned = [number for number, (_, scan) in enumerate(read, start=1) if scan]
    findings: list[Finding] = []
    if scanned and ocr is not None:
        done = ocr_pages(path, [n - 1 for n in scanned], ocr, workers)
        for number, page in zip(scanned, done, strict=True):
            by_page[number - 1] = list(page.lines)
            layouts[number - 1] = PageLayout(list(page.lines))  # no table geometry
            findings.extend(_ocr_findings(number, page, ocr))
    elif scanned and not any(ln.strip() for page_lines in by_page for ln in page_lines):
        raise NeedsOcr(
            path,
            f"has no text layer ({_scans_named(scanned, count)}): it needs OCR; "
            f"build it with --ocr to read it (Tesseract: {INSTALL_HINT})",
        )
    else:
        findings.extend(
            Finding(
                "needs-ocr",
                f"page {number} has no text layer (a scanned image) and was skipped; "
                "build with --ocr to read it",
                page=number,
            )
            for number in scanned
        )
    lines: list[str] = []
    pages: list[int] = []
    offsets: list[int] = []
    for number, page_lines in enumerate(by_page, start=1):
        offsets.append(len(lines))
        lines.extend(page_lines)
        pages.extend([number] * len(page_lines))
        lines.append("")
        pages.append(number)
    if not any(line.strip() for line in lines):
        if scanned:
            named = _scans_named(scanned, count)
            raise InputError(path, f"has no text layer ({named}) and OCR read no text in it")
        raise InputError(path, "has no text: nothing is written or drawn on its pages")
    size = sum(len(line.encode("utf-8")) + 1 for line in lines)
    if max_bytes is not None and size > max_bytes:
        raise InputError(path, size_message(size, max_bytes))
    lines = _drop_running_lines(lines, pages)
    cover, body = split_cover(lines, 0)
    dropped = find_boilerplate(lines, body, None)
    continued, new_tables = tables_across_pages(layouts, offsets)
    blocks = lines_to_blocks(lines, body, dropped, continued=continued, new_tables=new_tables)
    paged = tuple(replace(b, page=pages[b.line - 1]) for b in blocks)
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=paged,
        cover=cover,
        dropped_lines=sum(1 for i in dropped if lines[i].strip()),
        findings=tuple(findings),
        ocr_pages=tuple(scanned) if ocr is not None else (),
    )


def _scans_named(numbers: Sequence[int], count: int) -> str:
    """``"page 1 is a scanned image"``, ``"its 3 pages are scanned images"``,
    ``"pages 2, 5 are scanned images"``."""
    if len(numbers) == 1:
        return f"page {numbers[0]} is a scanned image"
    if len(numbers) == count:
        return f"its {count} pages are scanned images"
    return f"pages {', '.join(map(str, numbers))} are scanned images"


def _ocr_findings(number: int, page: OcrPage, ocr: Tesseract) -> list[Finding]:
    """A finding saying a page was read by OCR, how long it took and how
    sure Tesseract was; another listing the figures it was unsure of."""
    out = [
        Finding(
            "ocr",
            f"page {number} has no text layer and was read by OCR ({ocr.version}, "
            f"{ocr.languages}, {ocr.dpi} dpi) in {page.seconds:.1f} s: {page.words} words, "
            f"mean confidence {page.confidence:.0f}/100; check its figures against the scan",
            page=number,
        )
    ]
    if page.unsure:
        listed = ", ".join(f"「{word}」 ({conf:.0f})" for word, conf in page.unsure[:20])
        more = f" and {len(page.unsure) - 20} more" if len(page.unsure) > 20 else ""
        out.append(
            Finding(
                "ocr-unsure",
                f"page {number}: OCR was unsure of {listed}{more}; check them against the scan",
                page=number,
            )
        )
    return out
