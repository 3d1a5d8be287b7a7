"""Input files -> :class:`~cikg.records.Document`.

:func:`load_document` picks the reader by the file's suffix, and folds Han
characters' compatibility look-alikes (:mod:`cikg.load.characters`).
"""

from __future__ import annotations

from pathlib import Path

from cikg.errors import UnsupportedInput
from cikg.load.characters import fold_document
from cikg.load.html import load_html
from cikg.load.ocr import Tesseract
from cikg.load.pdf import load_pdf
from cikg.load.text import load_text
from cikg.load.word import load_docx
from cikg.records import Document

__all__ = ["SUPPORTED_SUFFIXES", "load_document"]

#: Suffixes cikg reads.
SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".pdf", ".html", ".htm", ".docx"})
KNOWN_SUFFIXES = SUPPORTED_SUFFIXES


def load_document(
    path: Path,
    *,
    max_bytes: int | None = None,
    pdf_workers: int | None = None,
    ocr: Tesseract | None = None,
) -> Document:
    """Load one input file.

    :param path: a ``.txt``/``.md``, ``.html``/``.htm``, ``.docx`` or ``.pdf`` file.
    :param max_bytes: the most text (UTF-8 bytes of a PDF's text, bytes of a
        text file) a document may hold; ``None`` for no limit.
    :param pdf_workers: processes to read a PDF's pages with (``None``: one
        per CPU, see :func:`~cikg.load.pdf.load_pdf`).
    :param ocr: Tesseract (:func:`cikg.load.ocr.find_tesseract`) to read a
        PDF's scanned pages with; ``None`` leaves them unread (a finding
        names them).
    :return: the document.
    :raises UnsupportedInput: for any other suffix.
    :raises NeedsOcr: for a PDF of scanned pages only, when ``ocr`` is ``None``.
    :raises InputError: if the file cannot be read, decoded or parsed,
        holds more than ``max_bytes`` of text, or Tesseract fails on a page.
    """
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        doc = load_pdf(path, workers=pdf_workers, max_bytes=max_bytes, ocr=ocr)
    elif suffix in {".html", ".htm"}:
        doc = load_html(path, max_bytes=max_bytes)
    elif suffix == ".docx":
        doc = load_docx(path, max_bytes=max_bytes)
    elif suffix in SUPPORTED_SUFFIXES:
        doc = load_text(path, max_bytes=max_bytes)
    else:
        raise UnsupportedInput(path, f"unknown file type {suffix or '(none)'!r}; skipped")
    # 人均⼯资 (a Kangxi radical for 工): the ideographs a reader sees
    return fold_document(doc)
