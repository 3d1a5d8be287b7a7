"""Input files -> :class:`~cikg.records.Document`.

:func:`load_document` picks the reader by the file's suffix.
"""

from __future__ import annotations

from pathlib import Path

from cikg.errors import UnsupportedInput
from cikg.load.text import load_text
from cikg.records import Document

__all__ = ["SUPPORTED_SUFFIXES", "load_document"]

#: Suffixes cikg reads; ``.pdf`` is recognised and reported as not supported yet.
SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
KNOWN_SUFFIXES = SUPPORTED_SUFFIXES | {".pdf"}


def load_document(path: Path) -> Document:
    """Load one input file.

    :param path: a ``.txt``/``.md`` file.
    :return: the document.
    :raises UnsupportedInput: for a PDF (its reader comes with the PDF issue)
        or any other suffix.
    :raises InputError: if the file cannot be read or decoded.
    """
    suffix = path.suffix.lower()
    if suffix in SUPPORTED_SUFFIXES:
        return load_text(path)
    if suffix == ".pdf":
        raise UnsupportedInput(path, "PDF input is not supported yet; skipped")
    raise UnsupportedInput(path, f"unknown file type {suffix or '(none)'!r}; skipped")
