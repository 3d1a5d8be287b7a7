"""The errors cikg raises, one tree::

    CikgError
     +-- InputError            a document cannot be read (names file and line)
     |    +-- UnsupportedInput  not a format cikg reads (yet)
     |         +-- NeedsOcr     a PDF of scanned pages only, built without --ocr
     +-- OcrUnavailable        --ocr asked for, but Tesseract or its language data is missing
     +-- StoreError            the store cannot be opened, written or read
     +-- QueryError            a SPARQL query is malformed or not allowed
     +-- PublishError          a target store cannot be reached, or refuses what is sent

Third-party errors (pyoxigraph's ``OSError``/``SyntaxError``, YAML errors,
decoding errors) are wrapped where they are raised, so callers catch these.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "CikgError",
    "InputError",
    "NeedsOcr",
    "OcrUnavailable",
    "PublishError",
    "QueryError",
    "StoreError",
    "UnsupportedInput",
]


class CikgError(Exception):
    """Base class of every error cikg raises on purpose."""


class InputError(CikgError):
    """A document cannot be read.

    :param path: the input file.
    :param message: what is wrong and, where it helps, what to do.
    :param line: 1-based line where the problem is, when known.
    :param page: 1-based page (PDF input), when known.
    """

    def __init__(
        self, path: Path, message: str, *, line: int | None = None, page: int | None = None
    ) -> None:
        self.path = path
        self.line = line
        self.page = page
        self.message = message
        where = str(path)
        if line is not None:
            where += f":{line}"
        if page is not None:
            where += f" (page {page})"
        super().__init__(f"{where}: {message}")


class UnsupportedInput(InputError):
    """The file is of a kind cikg does not read yet; the build skips it."""


class NeedsOcr(UnsupportedInput):
    """A PDF whose pages have no text layer (scanned images) was built
    without OCR; the build skips it and says that ``--ocr`` reads it."""


class OcrUnavailable(CikgError):
    """OCR was asked for but cannot run: Tesseract or its language data is
    missing, or Tesseract failed; the message names what to install."""


class StoreError(CikgError):
    """The store cannot be opened, written or read (e.g. locked by a writer)."""


class QueryError(CikgError):
    """A SPARQL query is malformed or not allowed; the message is the parser's."""


class PublishError(CikgError):
    """A target store (``cikg publish --to``) cannot be reached, asks for
    credentials, or refuses a request; the message names the URL and what
    the target answered."""
