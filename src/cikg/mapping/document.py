"""A document's structure -> quads (DESIGN.md: Report, Dataset, Passage, Table).

Everything drawn from one document goes to its graph ``graph/report/{slug}``:
the report, its ``qb:DataSet``, its passages (paragraphs, list items, figure
captions, footnotes, notes) and its tables. Headings are not resources of
their own: each passage and table carries the heading above it as
``cikg:section``. Later stages hang observations, citations and policies on
these IRIs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad

from cikg import __version__
from cikg.iris import IriMinter
from cikg.mapping.entities import OrgLinker
from cikg.records import Block, BlockKind, Document, IssuedDate, ReportMetadata
from cikg.reference import Reference
from cikg.vocab import CIKG, DCTERMS, PROV, QB, RDF, RDFS, SCHEMA, XSD

__all__ = ["MappedDocument", "document_to_quads", "issued_literal"]

_PASSAGE_KINDS = {
    BlockKind.PARAGRAPH: (CIKG.Passage,),
    BlockKind.LIST_ITEM: (CIKG.Passage,),
    BlockKind.NOTE: (CIKG.Passage,),
    BlockKind.CAPTION: (CIKG.Passage, CIKG.Caption),
    BlockKind.FOOTNOTE: (CIKG.Passage, CIKG.Footnote),
}


@dataclass(frozen=True, slots=True)
class MappedDocument:
    """A document's quads and what they hold.

    :param graph: the document's graph IRI.
    :param quads: every quad, all in ``graph``.
    :param counts: passages, tables, footnotes, captions by kind.
    :param shared: triples describing entities other documents may name too
        (reports it cites that are not ingested); they belong in
        ``graph/discovered``, not in the document's graph.
    :param block_iris: index in ``Document.blocks`` -> the passage or table
        IRI it was mapped to (headings and TOC entries have none).
    """

    graph: NamedNode
    quads: tuple[Quad, ...]
    counts: dict[str, int]
    block_iris: dict[int, NamedNode]
    shared: tuple[tuple[NamedNode, NamedNode, NamedNode | Literal], ...] = ()


def issued_literal(date: IssuedDate) -> Literal:
    """``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` by the date's precision.

    >>> issued_literal(IssuedDate(2025, 1)).datatype.value
    'http://www.w3.org/2001/XMLSchema#gYearMonth'
    """
    if date.month is None:
        return Literal(date.isoformat(), datatype=XSD.gYear)
    if date.day is None:
        return Literal(date.isoformat(), datatype=XSD.gYearMonth)
    return Literal(date.isoformat(), datatype=XSD.date)


def _zh(text: str) -> Literal:
    return Literal(text, language="zh")


def _int(n: int) -> Literal:
    """``xsd:integer``: Oxigraph stores every integer type as xsd:integer, so
    narrower types (positiveInteger) would not survive a round trip."""
    return Literal(str(n), datatype=XSD.integer)


def english_title(series: str, edition: int | None, year: int | None) -> str:
    """A report's English name from its series' (the curated ``skos:prefLabel``
    @en) and its edition or year; ``""`` when either is missing.

    >>> english_title("Statistical Report on China's Internet Development", 55, None)
    "Statistical Report on China's Internet Development, 55th edition"
    >>> english_title("Digital China Development Report", None, 2024)
    'Digital China Development Report (2024)'
    >>> english_title("", 46, None)
    ''
    """
    if not series:
        return ""
    if edition is not None:
        suffix = (
            "th"
            if 10 <= edition % 100 <= 20
            else {1: "st", 2: "nd", 3: "rd"}.get(edition % 10, "th")
        )
        return f"{series}, {edition}{suffix} edition"
    if year is not None:
        return f"{series} ({year})"
    return ""


def document_to_quads(
    doc: Document,
    meta: ReportMetadata,
    ref: Reference,
    minter: IriMinter,
    orgs: OrgLinker | None = None,
) -> MappedDocument:
    """Map a loaded document and its metadata to the quads of its graph.

    :param doc: the document.
    :param meta: its metadata.
    :param ref: curated organisations and series (publishers are linked
        through their aliases; unknown ones get ``id:org/org-{hash}``).
    :param minter: mints every IRI.
    :param orgs: links organisation names; the organisations it mints are
        described by the caller, in ``graph/discovered``.
    :return: the quads, counts and the IRI of each mapped block.
    """
    orgs = orgs or OrgLinker(ref, minter)
    shared: list[tuple[NamedNode, NamedNode, NamedNode | Literal]] = []
    graph = minter.report_graph(meta.slug)
    report = minter.report(meta.slug)
    triples: list[tuple[NamedNode, NamedNode, NamedNode | Literal]] = []
    add = triples.append

    # report ---------------------------------------------------------------
    add((report, RDF.type, CIKG.Report))
    if meta.is_article:
        add((report, RDF.type, SCHEMA.Article))
    add((report, DCTERMS.title, _zh(meta.title)))
    add((report, RDFS.label, _zh(meta.title)))
    add((report, CIKG.sourceFile, Literal(doc.source_file)))
    add((report, CIKG.sha256, Literal(doc.sha256)))
    add((report, CIKG.extractorVersion, Literal(__version__)))
    if meta.issued is not None:
        add((report, DCTERMS.issued, issued_literal(meta.issued)))
    if meta.edition is not None:
        add((report, SCHEMA.issueNumber, _int(meta.edition)))
    if meta.url:
        add((report, SCHEMA.url, Literal(meta.url, datatype=XSD.anyURI)))
    series = next((s for s in ref.series if s.iri.value == meta.series), None)
    if series is not None:
        add((report, SCHEMA.isPartOf, series.iri))
        if english := english_title(series.english, meta.edition, meta.year):
            add((report, RDFS.label, Literal(english, language="en")))
    if meta.scope is not None and (region := ref.region(meta.scope)) is not None:
        add((report, DCTERMS.spatial, region))
    for name in meta.publishers:
        add((report, DCTERMS.publisher, orgs.iri(name)))
    if not meta.publishers and series is not None:
        for iri in series.publishers[:1]:
            add((report, DCTERMS.publisher, iri))
    for slug in meta.references:
        other = minter.report(slug)
        add((report, DCTERMS.references, other))
        shared.extend(_referenced_report(other, slug, ref))

    # dataset --------------------------------------------------------------
    dataset = minter.dataset(meta.slug)
    add((dataset, RDF.type, QB.DataSet))
    add((dataset, QB.structure, minter.dsd()))
    add((dataset, DCTERMS.source, report))
    add((dataset, RDFS.label, _zh(f"{meta.title} 统计数据")))

    # passages and tables ----------------------------------------------------
    counts = {"passages": 0, "tables": 0, "footnotes": 0, "captions": 0, "notes": 0}
    block_iris: dict[int, NamedNode] = {}
    for index, block in enumerate(doc.blocks):
        if block.kind is BlockKind.TABLE:
            counts["tables"] += 1
            node = minter.table(meta.slug, counts["tables"])
            block_iris[index] = node
            triples.extend(_table(node, block, report, counts["tables"]))
        elif block.kind in _PASSAGE_KINDS:
            counts["passages"] += 1
            counts["footnotes"] += block.kind is BlockKind.FOOTNOTE
            counts["captions"] += block.kind is BlockKind.CAPTION
            counts["notes"] += block.kind is BlockKind.NOTE
            node = minter.passage(meta.slug, counts["passages"])
            block_iris[index] = node
            triples.extend(_passage(node, block, report, counts["passages"]))
    quads = tuple(Quad(s, p, o, graph) for s, p, o in triples)
    return MappedDocument(graph, quads, counts, block_iris, tuple(shared))


def _referenced_report(
    iri: NamedNode, slug: str, ref: Reference
) -> Iterator[tuple[NamedNode, NamedNode, NamedNode | Literal]]:
    """A report an article discusses but that is not ingested: typed
    ``schema:Report`` (not ``cikg:Report``, which promises a source file)."""
    yield iri, RDF.type, SCHEMA.Report
    prefix, _, number = slug.rpartition("-")
    series = next((s for s in ref.series if s.slug_prefix == prefix), None)
    if series is not None and number.isdigit():
        yield iri, SCHEMA.isPartOf, series.iri
        if int(number) < 1000:
            yield iri, SCHEMA.issueNumber, _int(int(number))


def _located(
    node: NamedNode, block: Block, report: NamedNode, position: int
) -> Iterator[tuple[NamedNode, NamedNode, NamedNode | Literal]]:
    yield node, PROV.wasQuotedFrom, report
    yield node, SCHEMA.position, _int(position)
    if block.page is not None:
        yield node, CIKG.page, _int(block.page)
    else:
        yield node, CIKG.line, _int(block.line)
        yield node, CIKG.endLine, _int(block.end_line)
    if block.section:
        yield node, CIKG.section, _zh(block.section)


def _passage(
    node: NamedNode, block: Block, report: NamedNode, position: int
) -> Iterator[tuple[NamedNode, NamedNode, NamedNode | Literal]]:
    for cls in _PASSAGE_KINDS[block.kind]:
        yield node, RDF.type, cls
    yield node, CIKG.text, _zh(block.text)
    yield from _located(node, block, report, position)
    if block.marker is not None:
        yield node, CIKG.noteMarker, Literal(block.marker)
    if block.label is not None:
        yield node, DCTERMS.identifier, Literal(block.label)
        if block.caption:
            yield node, RDFS.label, _zh(block.caption)
    for note in block.notes:
        yield node, CIKG.note, _zh(note)


def _table(
    node: NamedNode, block: Block, report: NamedNode, position: int
) -> Iterator[tuple[NamedNode, NamedNode, NamedNode | Literal]]:
    yield node, RDF.type, CIKG.Table
    yield node, CIKG.text, _zh(block.text)
    yield from _located(node, block, report, position)
    if block.label is not None:
        yield node, DCTERMS.identifier, Literal(block.label)
    caption = " ".join(x for x in (block.label, block.caption) if x)
    if caption:
        yield node, RDFS.label, _zh(caption)
    yield node, CIKG.headerRows, _int(block.header_rows)
    for note in block.notes:
        yield node, CIKG.note, _zh(note)
