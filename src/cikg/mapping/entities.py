"""Organisations named in a document -> IRIs (curated, or minted once).

A name the curated data knows (any alias: 工信部, 工业和信息化部, MIIT) links
to its organisation; another name gets ``id:org/org-{hash}`` typed
``org:Organization`` with the name as its Chinese label, the same IRI in
every document that names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from cikg.iris import IriMinter
from cikg.reference import Reference
from cikg.vocab import ORG, RDF, SCHEMA, SKOS

__all__ = ["OrgLinker", "org_type"]

#: The kind of organisation a name's ending says: the longest ending wins
#: (学院 and 研究院 say research, not the government's 院).
_KINDS = (
    (re.compile(r"(?:部|委|局|署|厅|院|办公室|办公厅|委员会|领导小组|政府|国务院|中共中央|常委会)$"),
     SCHEMA.GovernmentOrganization),
    (re.compile(r"(?:公司|集团|企业|科技|股份)$"), SCHEMA.Corporation),
    (re.compile(r"(?:网|报|社|新闻|日报|电视台|广播|杂志|时报|财经|周刊|频道|公众号)$"),
     SCHEMA.NewsMediaOrganization),
    (re.compile(r"(?:研究院|研究所|研究中心|实验室|大学|学院|智库)$"), SCHEMA.ResearchOrganization),
    (re.compile(r"(?:协会|学会|联盟|基金会|联合会|商会)$"), SCHEMA.NGO),
)  # fmt: skip


#: A unit named after the body it belongs to: a university, an academy, a group
#: or a company, then a school, an institute, a laboratory, a centre or a branch
#: of it (浙江工业大学 | 计算机学院, 中国科学院 | 计算技术研究所).
_UNIT_OF_RE = re.compile(
    r"^(?P<parent>[\u4e00-\u9fff（）]{2,20}?(?:大学|科学院|工程院|社会科学院|集团|公司))"
    r"(?P<unit>[\u4e00-\u9fff]{1,12}(?:学院|学系|研究所|研究院|实验室|研究中心|中心|分公司|分院|医院))$"
)


def org_type(name: str):
    """The schema.org type a name's ending implies, or ``None``: the kind
    whose ending is the longest (ties: the first kind listed).

    >>> org_type("国家卫生健康委员会").value
    'https://schema.org/GovernmentOrganization'
    >>> org_type("澎湃新闻").value
    'https://schema.org/NewsMediaOrganization'
    >>> org_type("快手") is None
    True
    >>> org_type("浙江工业大学计算机学院").value  # 学院, not the 院 of 国务院
    'https://schema.org/ResearchOrganization'
    """
    found = [(m.end() - m.start(), kind) for pattern, kind in _KINDS if (m := pattern.search(name))]
    return max(found, key=lambda pair: pair[0])[1] if found else None


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
    parents: dict[NamedNode, NamedNode] = field(default_factory=dict)

    def iri(self, name: str, alias: str | None = None) -> NamedNode:
        """The organisation ``name`` stands for (minted with ``alias``, the
        abbreviation the text gives in brackets, as an ``skos:altLabel``).

        >>> from cikg.reference import load_reference
        >>> linker = OrgLinker(load_reference(), IriMinter())
        >>> linker.iri("工信部").value
        'https://w3id.org/cikg/id/org/miit'
        >>> linker.iri("某某研究院").value.startswith("https://w3id.org/cikg/id/org/org-")
        True
        """
        name = name.strip()
        known = self.ref.org(name) or (self.ref.org(alias) if alias else None)
        if known is not None:
            return known
        if name not in self.minted:
            iri = self.minter.org(self.minter.hashed_slug("org", name))
            self.minted[name] = iri
            self.triples.append((iri, RDF.type, ORG.Organization))
            kind = org_type(name)
            if kind is not None:
                self.triples.append((iri, RDF.type, kind))
            self.triples.append((iri, SKOS.prefLabel, Literal(name, language="zh")))
            if alias:
                self.triples.append((iri, SKOS.altLabel, Literal(alias)))
            unit = _UNIT_OF_RE.match(name)
            if unit is not None:
                parent = self.iri(unit["parent"])
                self.parents[iri] = parent
                self.triples.append((iri, ORG.subOrganizationOf, parent))
        return self.minted[name]

    def parent_of(self, iri: NamedNode) -> NamedNode | None:
        """The body a minted unit's name says it belongs to (浙江工业大学计算机学院
        -> 浙江工业大学, curated or minted; ``org:subOrganizationOf``), or ``None``.

        >>> from cikg.reference import load_reference
        >>> linker = OrgLinker(load_reference(), IriMinter())
        >>> school = linker.iri("浙江工业大学计算机学院")
        >>> linker.parent_of(school) == linker.iri("浙江工业大学")
        True
        >>> linker.parent_of(linker.iri("浙江工业大学")) is None
        True
        """
        return self.parents.get(iri)
