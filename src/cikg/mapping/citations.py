"""Citation records -> ``cikg:Citation`` triples (DESIGN.md, Citation).

``id:citation/{slug}/{n}``: a footnote's marker numbers its citation
(markers are unique within a report); 来源 lines are numbered after the
footnotes. Each citation gives its text, the
report it is part of, its publisher, its URLs and date, the footnote it is
(``prov:wasQuotedFrom`` the footnote passage is implied by
``dcterms:source``), and every passage whose text carries its marker
(``cito:hasCitingEntity``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pyoxigraph import Literal, NamedNode

from cikg.extract.citations import CitationRecord, marker_pattern
from cikg.iris import IriMinter
from cikg.records import BlockKind, Document
from cikg.vocab import CIKG, CITO, DCTERMS, RDF, SCHEMA, XSD

__all__ = ["citations_to_triples"]

Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]
_CITING = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE, BlockKind.CAPTION)


def citations_to_triples(
    records: Sequence[CitationRecord],
    doc: Document,
    slug: str,
    block_iris: dict[int, NamedNode],
    org_iri: Callable[[str], NamedNode],
    minter: IriMinter,
) -> tuple[list[Triple], dict[str, NamedNode]]:
    """Map a document's citations.

    :param records: its citing footnotes.
    :param doc: the document (to find the passages citing each).
    :param slug: the report's slug.
    :param block_iris: block index -> passage or table IRI.
    :param org_iri: a publisher name -> its organisation IRI.
    :param minter: mints citation IRIs.
    :return: the triples, and marker -> citation IRI.
    """
    report = minter.report(slug)
    triples: list[Triple] = []
    iris: dict[str, NamedNode] = {}
    for rec in records:
        iri = minter.citation(slug, int(rec.marker))
        iris[rec.marker] = iri
        add = triples.append
        add((iri, RDF.type, CIKG.Citation))
        add((iri, CIKG.text, Literal(rec.text, language="zh")))
        add((iri, DCTERMS.isPartOf, report))
        add((iri, DCTERMS.source, block_iris[rec.block]))
        if doc.blocks[rec.block].page is not None:
            add((iri, CIKG.page, Literal(str(doc.blocks[rec.block].page), datatype=XSD.integer)))
        for name in rec.publishers:
            add((iri, DCTERMS.publisher, org_iri(name)))
        for url in rec.urls:
            add((iri, SCHEMA.url, Literal(url, datatype=XSD.anyURI)))
        if rec.date:
            add((iri, DCTERMS.date, Literal(rec.date, datatype=XSD.date)))
        source = doc.blocks[rec.block]
        if source.kind is not BlockKind.FOOTNOTE:
            # a 来源 line: the table or figure it stands under cites it
            add((iri, CITO.hasCitingEntity, block_iris[rec.block]))
            continue
        pattern = marker_pattern(rec.marker, source.text.startswith("["))
        for index, block in enumerate(doc.blocks):
            if block.kind in _CITING and index in block_iris and pattern.search(block.text):
                add((iri, CITO.hasCitingEntity, block_iris[index]))
    return triples, iris
