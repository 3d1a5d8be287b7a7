"""Scanned PDF pages -> the lines a text report would have, with Tesseract.

A page with no text layer (pdfplumber finds no characters on it, only
images or drawings) is rendered to an image and read by Debian's
``tesseract`` command, called directly (no wrapper library: one
``subprocess.run`` with the PNG on standard input and Tesseract's TSV on
standard output, so there are no temporary files and its errors are wrapped
here). The stages, each a function named ``x_to_y``:

1. :func:`find_tesseract` - the command and its language data, or
   :class:`~cikg.errors.OcrUnavailable` naming the Debian packages.
2. :func:`page_to_png` - the page rendered with pdfium (pdfplumber's own
   renderer) at :attr:`Tesseract.dpi`, in grey.
3. :func:`png_to_words` - Tesseract's words with their boxes and confidence.
4. :func:`words_to_rows` - words into rows (Tesseract's lines, and lines side
   by side on one baseline, as a table's columns may be read as separate
   blocks), each row split into cells where words stand more than
   :data:`CELL_GAP_EMS` apart; :func:`mend_ocr_text` undoes Tesseract's
   usual misreadings in each cell.
5. :func:`rows_to_lines` - runs of two or more rows of several cells are a
   table: their columns come from the cells' x-positions (the data rows'
   spans, so a wide header does not merge two columns) and each row is
   written tab-separated, as the text loader reads tables; other rows are
   text, a blank line put before an indented row or after a wide vertical
   gap and after a row ending short of the right margin, as
   :func:`cikg.load.pdf.page_to_lines` does for a text page.

:func:`ocr_page` runs 2-5 for one page and says how long it took and how sure
Tesseract was; :func:`ocr_pages` reads several, in parallel processes.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
import shutil
import statistics
import subprocess
import time
from collections import Counter, deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from cikg.errors import InputError, OcrUnavailable
from cikg.load.text import join_lines

__all__ = [
    "CELL_GAP_EMS",
    "INSTALL_HINT",
    "OcrPage",
    "OcrWord",
    "Tesseract",
    "find_tesseract",
    "mend_ocr_text",
    "ocr_page",
    "ocr_pages",
    "page_to_png",
    "png_to_page",
    "png_to_words",
    "rows_to_lines",
    "words_to_rows",
]

#: What a user installs for ``--ocr`` (Debian and Ubuntu).
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"
#: Words further apart than this many ems (the page's median word height)
#: stand in different table cells; words of one sentence stand closer
#: (Tesseract's boxes of Chinese words leave up to about one em between them).
CELL_GAP_EMS = 2.0
#: Tesseract is given this long per page before the page fails.
_TIMEOUT_SECONDS = 300.0
_NUMBER_RE = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Tesseract:
    """How pages are read: the ``tesseract`` command found by
    :func:`find_tesseract`, its languages and the rendering resolution.

    :param command: the executable's path.
    :param version: its version line, e.g. ``tesseract 5.3.0``.
    :param languages: Tesseract's ``-l`` value, e.g. ``chi_sim+eng``.
    :param dpi: pages are rendered at this many dots per inch.
    """

    command: str
    version: str
    languages: str
    dpi: int = 300


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One word Tesseract read, in pixels of the rendered page.

    :param text: the word.
    :param left: its box's left edge.
    :param top: its box's top edge.
    :param right: its box's right edge.
    :param bottom: its box's bottom edge.
    :param confidence: Tesseract's confidence, 0-100.
    :param line: Tesseract's ``(block, paragraph, line)`` numbers.
    """

    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float
    line: tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One page read by OCR.

    :param lines: its lines as a text report has them (tab-separated table
        rows, blank lines between paragraphs).
    :param seconds: wall time of Tesseract and the layout (and of the
        rendering, as :func:`ocr_page` and :func:`ocr_pages` return it).
    :param words: how many words Tesseract read.
    :param confidence: the words' mean confidence (0-100; 0 for no words).
    :param unsure: words with a digit read with a confidence below
        :data:`UNSURE_BELOW`, as ``(word, confidence)``.
    """

    lines: tuple[str, ...]
    seconds: float
    words: int
    confidence: float
    unsure: tuple[tuple[str, float], ...]


#: A word with a digit read with less confidence than this is listed as unsure.
UNSURE_BELOW = 80.0


def find_tesseract(languages: str = "chi_sim+eng", dpi: int = 300) -> Tesseract:
    """The ``tesseract`` command on ``PATH``, checked to have the language data.

    :param languages: Tesseract's ``-l`` value (``+``-joined language codes).
    :param dpi: the rendering resolution to read pages at.
    :return: the command, its version, languages and resolution.
    :raises OcrUnavailable: if ``tesseract`` is not installed or does not run,
        or a language's data is missing (the message names the Debian
        packages to install and the languages it has).
    """
    command = shutil.which("tesseract")
    if command is None:
        raise OcrUnavailable(
            f"--ocr needs Tesseract, which is not installed (no tesseract on PATH): {INSTALL_HINT}"
        )
    try:
        version = _run([command, "--version"], None, 30.0).decode("utf-8", "replace")
        listed = _run([command, "--list-langs"], None, 30.0).decode("utf-8", "replace")
    except OcrUnavailable as exc:
        raise OcrUnavailable(f"--ocr: {exc}; reinstall it: {INSTALL_HINT}") from None
    have = {ln.strip() for ln in listed.splitlines()[1:] if ln.strip()}
    missing = [lang for lang in languages.split("+") if lang not in have]
    if missing:
        package = " ".join(f"tesseract-ocr-{m.replace('_', '-')}" for m in missing)
        raise OcrUnavailable(
            f"--ocr needs Tesseract's {'+'.join(missing)} language data, which is missing "
            f"(it has {', '.join(sorted(have)) or 'none'}): apt-get install {package}"
        )
    return Tesseract(command, version.splitlines()[0].strip(), languages, dpi)


def _run(args: list[str], data: bytes | None, timeout: float) -> bytes:
    """Run Tesseract; its standard output.

    One OpenMP thread: pages are read in parallel processes instead, which
    uses the cores better on a shared machine.

    :raises OcrUnavailable: if it cannot be started, fails or times out.
    """
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            args, input=data, capture_output=True, timeout=timeout, env=env, check=False
        )
    except OSError as exc:
        raise OcrUnavailable(f"{args[0]} cannot be run: {exc.strerror or exc}") from None
    except subprocess.TimeoutExpired:
        raise OcrUnavailable(f"{args[0]} took more than {timeout:.0f} s") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrUnavailable(
            f"{args[0]} failed (exit {done.returncode}): {said[-1] if said else 'no message'}"
        )
    return done.stdout


def page_to_png(path: Path, index: int, dpi: int) -> bytes:
    """One page of a PDF rendered in grey, as PNG bytes.

    :param path: the PDF.
    :param index: the page, 0-based.
    :param dpi: dots per inch.
    :return: the PNG, its resolution recorded in it.
    """
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    try:
        image = pdf[index].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()


def png_to_words(png: bytes, tesseract: Tesseract) -> list[OcrWord]:
    """The words Tesseract reads in an image, in its reading order.

    :param png: the image.
    :param tesseract: the command and languages.
    :return: the non-empty words with their boxes.
    :raises OcrUnavailable: if Tesseract fails or takes more than five minutes.
    """
    args = [tesseract.command, "stdin", "stdout", "-l", tesseract.languages]
    args += ["--dpi", str(tesseract.dpi), "--psm", "3", "tsv"]
    tsv = _run(args, png, _TIMEOUT_SECONDS).decode("utf-8", "replace")
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top = int(row["left"]), int(row["top"])
        words.append(
            OcrWord(
                text,
                left,
                top,
                left + int(row["width"]),
                top + int(row["height"]),
                float(row["conf"]),
                (int(row["block_num"]), int(row["par_num"]), int(row["line_num"])),
            )
        )
    return words


@dataclass(frozen=True, slots=True)
class _Row:
    """A row of words on one baseline, split into cells."""

    top: int
    bottom: int
    cells: tuple[tuple[int, int, str], ...]  # (left, right, text)

    @property
    def left(self) -> int:
        return self.cells[0][0]

    @property
    def right(self) -> int:
        return self.cells[-1][1]


def words_to_rows(words: Sequence[OcrWord], em: float) -> list[_Row]:
    """Words into rows, top to bottom, each split into cells.

    Tesseract's lines are kept; lines whose boxes share most of their
    height and do not overlap side by side are one row (a table's columns
    read as separate blocks). Within a row, words more than
    :data:`CELL_GAP_EMS` ems apart are in different cells; the words of a
    cell are joined as wrapped text is (no space where either side is
    Chinese).

    :param words: Tesseract's words.
    :param em: the page's body text size, in pixels.
    :return: the rows.
    """
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    groups = sorted(lines.values(), key=lambda ws: min(w.top for w in ws))
    rows: list[list[OcrWord]] = []
    for group in groups:
        top, bottom = min(w.top for w in group), max(w.bottom for w in group)
        left, right = min(w.left for w in group), max(w.right for w in group)
        for row in rows:
            r_top, r_bottom = min(w.top for w in row), max(w.bottom for w in row)
            shared = min(bottom, r_bottom) - max(top, r_top)
            apart = all(w.right <= left or w.left >= right for w in row)
            if apart and shared > 0.5 * min(bottom - top, r_bottom - r_top):
                row.extend(group)
                break
        else:
            rows.append(list(group))
    out = []
    for row in rows:
        row.sort(key=lambda w: w.left)
        cells: list[list[OcrWord]] = [[row[0]]]
        for prev, word in itertools.pairwise(row):
            if word.left - prev.right > CELL_GAP_EMS * em:
                cells.append([word])
            else:
                cells[-1].append(word)
        out.append(
            _Row(
                min(w.top for w in row),
                max(w.bottom for w in row),
                tuple((c[0].left, c[-1].right, _join_words(c)) for c in cells),
            )
        )
    out.sort(key=lambda r: r.top)
    return out


def _join_words(words: Sequence[OcrWord]) -> str:
    text = ""
    for word in words:
        text = join_lines(text, word.text)
    return mend_ocr_text(text)


#: A thousands separator Tesseract read as ; or : (``102;891``).
_SEPARATOR_RE = re.compile(r"(?<=\d)[;:；：](?=\d{3}(?!\d))")
#: An opening bracket read as 〈 (U+3008) or < and closed by a round one.
_BRACKET_RE = re.compile(r"[〈<]([^〈〉<>()（）]*)([)）])")


def mend_ocr_text(text: str) -> str:
    """Undo Tesseract's usual misreadings of Chinese report text: a
    full-width ``（`` read as ``〈`` (``用户规模〈万人)`` -> ``用户规模（万人）``,
    so the unit is read) and a thousands separator read as ``;`` or ``:``
    between digits (``102;891`` -> ``102,891``). Figures it was unsure of
    are findings (:class:`OcrPage`'s ``unsure``), mended or not.

    >>> mend_ocr_text("网民使用率〈%)")
    '网民使用率（%）'
    >>> mend_ocr_text("102;891 人，时间 12:30")
    '102,891 人，时间 12:30'
    """
    text = _SEPARATOR_RE.sub(",", text)
    return _BRACKET_RE.sub(lambda m: f"（{m.group(1)}）", text)


def rows_to_lines(rows: Sequence[_Row], em: float) -> list[str]:
    """Rows into the lines of a text report: tables tab-separated, blank
    lines between paragraphs.

    :param rows: the page's rows, top to bottom (see :func:`words_to_rows`).
    :param em: the page's body text size, in pixels.
    :return: the lines.
    """
    is_table = [False] * len(rows)
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and len(rows[j].cells) >= 2:
            j += 1
        if j - i >= 2:
            is_table[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    prose = [r for r, t in zip(rows, is_table, strict=True) if not t]
    left = Counter(round(r.left / em) for r in prose).most_common(1)[0][0] * em if prose else 0
    right = max((r.right for r in prose), default=0)
    lines: list[str] = []
    i = 0
    prev_bottom: int | None = None
    while i < len(rows):
        row = rows[i]
        if is_table[i]:
            j = i
            while j < len(rows) and is_table[j]:
                j += 1
            if lines and lines[-1]:
                lines.append("")
            lines.extend(_table_lines(rows[i:j]))
            lines.append("")
            prev_bottom = rows[j - 1].bottom
            i = j
            continue
        gap = row.top - prev_bottom if prev_bottom is not None else 0
        if lines and lines[-1] and (row.left > left + 1.5 * em or gap > 1.2 * em):
            lines.append("")
        lines.append(" ".join(text for _, _, text in row.cells))
        if row.right < right - 2 * em:
            lines.append("")
        prev_bottom = row.bottom
        i += 1
    return lines


def _table_lines(rows: Sequence[_Row]) -> list[str]:
    """A table's rows, tab-separated, cells placed in columns by x-position.

    Columns are the spans of the data rows' cells (rows with a digit past
    the first cell) merged where they overlap; header rows' cells go to the
    column they overlap most (or stand nearest to).
    """
    data = [r for r in rows if any(_NUMBER_RE.search(t) for _, _, t in r.cells[1:])] or rows
    spans: list[list[int]] = []
    for left, right, _ in sorted((c for r in data for c in r.cells), key=lambda c: c[0]):
        if spans and left <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], right)
        else:
            spans.append([left, right])
    lines = []
    for row in rows:
        cells = [""] * len(spans)
        for left, right, text in row.cells:
            column = max(
                range(len(spans)),
                key=lambda k: (
                    min(right, spans[k][1]) - max(left, spans[k][0]),
                    -abs((left + right) - sum(spans[k])),
                ),
            )
            cells[column] = join_lines(cells[column], text) if cells[column] else text
        lines.append("\t".join(cells))
    return lines


def png_to_page(png: bytes, tesseract: Tesseract) -> OcrPage:
    """Read a rendered page: Tesseract's words, then rows and lines.

    :param png: the page's image.
    :param tesseract: from :func:`find_tesseract`.
    :return: the page's lines, the time Tesseract and the layout took, and
        Tesseract's confidence.
    :raises OcrUnavailable: if Tesseract fails on the page.
    """
    started = time.perf_counter()
    words = png_to_words(png, tesseract)
    if not words:
        return OcrPage((), time.perf_counter() - started, 0, 0.0, ())
    em = statistics.median(w.bottom - w.top for w in words)
    lines = rows_to_lines(words_to_rows(words, em), em)
    unsure = tuple(
        (w.text, round(w.confidence, 1))
        for w in words
        if w.confidence < UNSURE_BELOW and _NUMBER_RE.search(w.text)
    )
    confidence = round(statistics.fmean(w.confidence for w in words), 1)
    return OcrPage(tuple(lines), time.perf_counter() - started, len(words), confidence, unsure)


def ocr_page(path: Path, index: int, tesseract: Tesseract) -> OcrPage:
    """Read one page of a PDF by OCR (:func:`page_to_png`, then
    :func:`png_to_page`).

    :param path: the PDF.
    :param index: the page, 0-based.
    :param tesseract: from :func:`find_tesseract`.
    :return: the page read; its ``seconds`` include the rendering.
    :raises OcrUnavailable: if Tesseract fails on the page.
    """
    started = time.perf_counter()
    png = page_to_png(path, index, tesseract.dpi)
    page = png_to_page(png, tesseract)
    return replace(page, seconds=time.perf_counter() - started)


def ocr_pages(
    path: Path, indexes: Sequence[int], tesseract: Tesseract, workers: int = 1
) -> list[OcrPage]:
    """Read several pages of a PDF by OCR, ``workers`` Tesseract processes
    at a time.

    Pages are rendered one after the other in this thread (pdfium is not
    thread-safe), at most two per worker ahead of Tesseract, and read in
    parallel: each Tesseract runs in a process of its own.

    :param path: the PDF.
    :param indexes: the pages, 0-based.
    :param tesseract: from :func:`find_tesseract`.
    :param workers: how many pages are read at once.
    :return: the pages read, in the order of ``indexes``; each one's
        ``seconds`` are its rendering and its Tesseract run.
    :raises InputError: if Tesseract fails on a page (names the file and
        page, and Tesseract's message).
    """
    workers = max(1, workers)
    out: list[OcrPage] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque[tuple[int, float, Future[OcrPage]]] = deque()
        for index in indexes:
            if len(pending) >= 2 * workers:
                out.append(_done(path, *pending.popleft()))
            started = time.perf_counter()
            png = page_to_png(path, index, tesseract.dpi)
            rendering = time.perf_counter() - started
            pending.append((index, rendering, pool.submit(png_to_page, png, tesseract)))
        while pending:
            out.append(_done(path, *pending.popleft()))
    return out


def _done(path: Path, index: int, rendering: float, future: Future[OcrPage]) -> OcrPage:
    try:
        page = future.result()
    except OcrUnavailable as exc:
        raise InputError(path, f"OCR failed: {exc}", page=index + 1) from None
    return replace(page, seconds=page.seconds + rendering)
