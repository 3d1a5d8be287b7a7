"""Tables of resources as pages show them: a heading, column headings, and
rows of cells that are text or links (``templates/table.html`` draws them).

A cell holds one or more ``(text, href)`` parts (several issuers of a
policy, say); an ``href`` of ``None`` is text. :func:`link` makes the part
of a resource from its name (:class:`~cikg.serve.names.Names`) and its page
(:func:`~cikg.serve.graph.local_href`), so a ``javascript:`` IRI in the
data is never a link.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cikg.serve.graph import local_href
from cikg.serve.names import Names

__all__ = ["PAGE_SIZE", "Cell", "Span", "Table", "link", "text"]

#: Rows of a list, incoming links and search results shown per page.
PAGE_SIZE = 50

Part = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: ``parts`` as ``(text, href or None)``, joined by ``、`` or
    ``,``; ``num`` right-aligns it (a figure); ``title`` says on hover what
    its links are, when their text alone does not (a figure: 238)."""

    parts: tuple[Part, ...] = ()
    num: bool = False
    title: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    """A table of a page.

    :param heading: what it shows, in the page's language.
    :param columns: the column headings.
    :param rows: the rows shown, each a cell per column.
    :param total: how many rows there are (more than shown when cut).
    :param more: ``(text, href)`` of where the rest is, when cut.
    :param key: a short name for the table (its HTML ``id``; tests find it by).
    """

    heading: str
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    total: int
    more: Part | None = None
    key: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Span:
    """Which items of a list a page shows: items ``first``–``last`` (from 1)
    of ``total``, on page ``page`` of ``pages``."""

    total: int
    page: int

    @property
    def pages(self) -> int:
        """How many pages the items fill (at least one)."""
        return max(1, -(-self.total // PAGE_SIZE))

    @property
    def offset(self) -> int:
        """How many items come before this page's."""
        return (max(self.page, 1) - 1) * PAGE_SIZE

    @property
    def first(self) -> int:
        """The number of the first item shown (0 when none is)."""
        return self.offset + 1 if self.offset < self.total else 0

    @property
    def last(self) -> int:
        """The number of the last item shown (0 when none is)."""
        return min(self.offset + PAGE_SIZE, self.total) if self.first else 0


def link(names: Names, iri: str | None, lang: str) -> Cell:
    """A cell linking to the resource ``iri`` by its name (empty for ``None``)."""
    if not iri:
        return Cell()
    return Cell(((names.name(iri, lang), local_href(iri)),))


def text(value: str | None, href: str | None = None, num: bool = False) -> Cell:
    """A cell of text (a link when ``href`` is given; empty for ``None`` or ``""``)."""
    return Cell(((value, href),), num) if value else Cell(num=num)
