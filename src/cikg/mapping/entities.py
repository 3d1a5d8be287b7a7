"""Organisations named in a document -> IRIs (curated, or minted once).

A name the curated data knows (any alias: 工信部, 工业和信息化部, MIIT) links
to its organisation; another name gets ``id:org/org-{hash}`` typed
``org:Organization`` with the name as its Chinese label, the same IRI in
every document that names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from cikg.iris import IriMinter
from cikg.reference import Reference
from cikg.vocab import ORG, RDF, SKOS

__all__ = ["OrgLinker"]


@dataclass
class OrgLinker:
    """Links organisation names for one document and keeps the triples of
    the ones it mints.

    :param ref: curated organisations.
    :param minter: mints ``id:org/org-{hash}``.
    """

    ref: Reference
    minter: IriMinter
    minted: dict[str, NamedNode] = field(default_factory=dict)
    triples: list[tuple[NamedNode, NamedNode, NamedNode | Literal]] = field(default_factory=list)

    def iri(self, name: str) -> NamedNode:
        """The organisation ``name`` stands for.

        >>> from cikg.reference import load_reference
        >>> linker = OrgLinker(load_reference(), IriMinter())
        >>> linker.iri("工信部").value
        'https://w3id.org/cikg/id/org/miit'
        >>> linker.iri("某某研究院").value.startswith("https://w3id.org/cikg/id/org/org-")
        True
        """
        name = name.strip()
        known = self.ref.org(name)
        if known is not None:
            return known
        if name not in self.minted:
            iri = self.minter.org(self.minter.hashed_slug("org", name))
            self.minted[name] = iri
            self.triples.append((iri, RDF.type, ORG.Organization))
            self.triples.append((iri, SKOS.prefLabel, Literal(name, language="zh")))
        return self.minted[name]
