"""Policies, definitions and mentions -> triples (DESIGN.md, Policy).

A policy is one entity across documents (``id:policy/policy-{hash}`` of its
identity key), described in ``graph/discovered``: title, type, issuers
(``eli:passed_by``), date (``eli:date_document``), 发文字号 (``eli:id_local``)
and ``cikg:relatedIndicator`` — the indicators whose observations the same
section of a report gives (the 以旧换新 and 支付便利性 policies sit in 商务交易类
应用 with 网络购物, 网络支付, 网上外卖). What ties it to one document —
``cikg:mentionedIn`` its passages and ``schema:mentions`` back — stays in the
document's graph, with the organisations and regions a passage names. A
术语界定 definition becomes ``skos:definition`` on its indicator (in
``graph/discovered``: two reports may define a term in the same words) and
its passage is ``dcterms:subject`` the indicator. A title that is no policy
(a report, a standard, a treaty …) is a work, ``id:work/work-{hash}``
(:func:`_work_triples`).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from cikg.extract.organisations import OrgFinder
from cikg.extract.policies import Definition, PolicyMention
from cikg.iris import IriMinter, normalise_key, policy_key
from cikg.mapping.document import issued_literal
from cikg.mapping.entities import OrgLinker
from cikg.metadata import split_report_title
from cikg.records import BlockKind, Document, Finding
from cikg.reference import Reference
from cikg.vocab import CIKG, DCTERMS, ELI, PROV, RDF, RDFS, SCHEMA, SKOS, XSD
from cikg.wording import display_form

__all__ = ["PolicyResult", "policies_to_triples", "policy_iri"]

Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]
_MENTIONING = (
    BlockKind.PARAGRAPH,
    BlockKind.LIST_ITEM,
    BlockKind.FOOTNOTE,
    BlockKind.NOTE,
    BlockKind.TABLE,
)
#: Region words too general to be worth a mention link.
_VAGUE_REGIONS = frozenset({"我国", "全国", "中国", "国内"})


@dataclass
class PolicyResult:
    """Triples and counts for one document.

    :param triples: for the document's graph.
    :param shared: policy descriptions, for ``graph/discovered``.
    :param counts: policies, non-policy titles, undecided titles, issuers,
        dated policies, definitions, organisation and region mentions.
    :param findings: undecided titles and undefined terms.
    """

    triples: list[Triple] = field(default_factory=list)
    shared: list[Triple] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    findings: list[Finding] = field(default_factory=list)


def _zh(text: str) -> Literal:
    return Literal(text, language="zh")


def policy_iri(title: str, minter: IriMinter, ref: Reference | None = None) -> NamedNode:
    """The IRI of the policy a title names: the curated policy whose title or
    short name it is (数据二十条, 网络安全法), else ``id:policy/policy-{hash}``
    of its :func:`~cikg.iris.policy_key`, so every mention of one policy (and
    a target naming it) reaches one IRI."""
    curated = ref.policy(title) if ref is not None else None
    return curated or minter.policy(minter.hashed_slug("policy", policy_key(title)))


def work_iri(title: str, minter: IriMinter) -> NamedNode:
    """The IRI of a work a title names that is no policy (a report, a
    standard, a treaty): ``id:work/work-{hash}`` of its
    :func:`~cikg.iris.policy_key`, one IRI for every mention."""
    return minter.work(minter.hashed_slug("work", policy_key(title)))


def _work_triples(
    m: PolicyMention,
    passage: NamedNode | None,
    out: PolicyResult,
    orgs: OrgLinker,
    minter: IriMinter,
    dated: set[NamedNode],
    ref: Reference,
) -> None:
    """A work of another kind than a policy (a report, a technical standard,
    an industry's self-regulatory code, a treaty, a catalogue …): a
    ``schema:CreativeWork`` whose ``dcterms:type`` is its kind in the curated
    title-kind scheme, with its title, who published or issued it when the
    sentence says (``dcterms:publisher``: 中国信通院发布的《…白皮书》) and when
    (``dcterms:issued``), described in ``graph/discovered``; the passages that
    name it (``cikg:mentionedIn`` and ``schema:mentions`` back) in the
    document's graph, as for a policy. A title of a curated report series is
    that series, or with its edition or year that edition's report
    (``id:report/cnnic-54``), which are only linked to the passages.
    ``dated``: the works the document has dated already."""
    base, edition, year = split_report_title(m.title)
    series = ref.series_for(base)
    if series is not None:
        # 《中国互联网络发展状况统计报告》, 《中国互联网发展报告（2024）》: a curated
        # series, or the report of one edition (the IRI a report's references
        # use), described by the series' data and the report's own graph
        iri = (
            minter.report(f"{series.slug_prefix}-{edition or year}")
            if edition or year
            else series.iri
        )
    else:
        iri = work_iri(m.title, minter)
    if passage is not None:
        out.triples.append((iri, CIKG.mentionedIn, passage))
        out.triples.append((passage, SCHEMA.mentions, iri))
    if series is not None:
        return
    shared = out.shared.append
    shared((iri, RDF.type, SCHEMA.CreativeWork))
    shared((iri, DCTERMS.title, _zh(display_form(m.title))))
    shared((iri, RDFS.label, _zh(display_form(m.title))))
    shared((iri, DCTERMS.type, NamedNode(m.kind or "")))
    for name in m.issuers:
        shared((iri, DCTERMS.publisher, orgs.iri(name)))
    if m.date is not None and iri not in dated:
        dated.add(iri)  # the first date the document gives, as for a policy
        shared((iri, DCTERMS.issued, issued_literal(m.date)))


def policies_to_triples(
    mentions: Sequence[PolicyMention],
    definitions: Sequence[Definition],
    doc: Document,
    block_iris: dict[int, NamedNode],
    block_indicators: dict[int, set[NamedNode]],
    ref: Reference,
    orgs: OrgLinker,
    finder: OrgFinder,
    minter: IriMinter,
) -> PolicyResult:
    """Map a document's policy mentions, definitions and name mentions.

    :param mentions: titles found in its passages.
    :param definitions: its 术语界定 entries.
    :param doc: the document (sections and texts of its blocks).
    :param block_iris: block index -> passage IRI.
    :param block_indicators: block index -> indicators observed there.
    :param ref: curated organisations, regions, indicators.
    :param orgs: links issuer names (minting the unknown ones).
    :param finder: finds organisation names in passages (curated, and others
        by their structure: those are minted by ``orgs``); its segmenter
        finds region names.
    :param minter: mints policy IRIs.
    :return: triples for the document's graph and for ``graph/discovered``.
    """
    out = PolicyResult()
    seen_titles: set[str] = set()
    dated: set[NamedNode] = set()
    in_force: set[NamedNode] = set()
    for m in mentions:
        passage = block_iris.get(m.block)
        if m.is_policy is None:
            if m.key not in seen_titles:
                out.counts["undecided titles"] += 1
                out.findings.append(
                    Finding(
                        "undecided-title",
                        f"《{m.title}》: its ending names no policy type or other kind",
                        line=doc.blocks[m.block].line,
                    )
                )
            seen_titles.add(m.key)
            continue
        if not m.is_policy:
            if m.key not in seen_titles:
                out.counts["titles not policies"] += 1
            seen_titles.add(m.key)
            if m.kind:
                _work_triples(m, passage, out, orgs, minter, dated, ref)
            continue
        iri = policy_iri(m.title, minter, ref)
        curated = ref.policy(m.title) is not None
        if m.key not in seen_titles:
            out.counts["policies"] += 1
        seen_titles.add(m.key)
        shared = out.shared.append
        if not curated:  # a curated policy has its titles and type in graph/reference
            shared((iri, RDF.type, CIKG.Policy))
            shared((iri, RDF.type, SCHEMA.Legislation))
            shared((iri, DCTERMS.title, _zh(display_form(m.title))))
            shared((iri, RDFS.label, _zh(display_form(m.title))))
            if m.kind:
                shared((iri, ELI.type_document, NamedNode(m.kind)))
        if m.written:  # 国务院关于印发…的通知: the notice's title names the policy too
            shared((iri, SKOS.altLabel, _zh(m.written)))
        if not curated:  # a curated policy's issuers and dates are curated, verified
            for name in m.issuers:
                shared((iri, ELI.passed_by, orgs.iri(name)))
            out.counts["issuers"] += len(m.issuers)
            if m.date is not None and iri not in dated:
                dated.add(iri)  # the first date a document gives (eli: one per policy)
                shared((iri, ELI.date_document, issued_literal(m.date)))
                out.counts["dated"] += 1
            if m.doc_number:
                shared((iri, ELI.id_local, Literal(m.doc_number)))
            if m.issuer_count is not None and m.issuer_count > len(m.issuers):
                shared((iri, CIKG.issuerCount, Literal(str(m.issuer_count), datatype=XSD.integer)))
            if m.in_force is not None and iri not in in_force:
                in_force.add(iri)
                shared((iri, ELI.first_date_entry_in_force, issued_literal(m.in_force)))
        # related: an indicator the passage that names the policy observes or
        # names (the passage, its cikg:mentionedIn, is the evidence)
        related = block_indicators.get(m.block, set()) | _named_indicators(
            doc.blocks[m.block].text, ref
        )
        for indicator in sorted(related, key=str):
            shared((iri, CIKG.relatedIndicator, indicator))
            if passage is not None:  # the link with its evidence (qualified relation)
                link = hashlib.sha1(f"{iri.value} {indicator.value}".encode()).hexdigest()[:10]
                relation = NamedNode(f"{passage.value}#related-{link}")
                out.triples.append((iri, CIKG.qualifiedRelatedIndicator, relation))
                out.triples.append((relation, RDF.type, CIKG.IndicatorRelation))
                out.triples.append((relation, CIKG.relationIndicator, indicator))
                out.triples.append((relation, PROV.wasDerivedFrom, passage))
        if passage is not None:
            out.triples.append((iri, CIKG.mentionedIn, passage))
            out.triples.append((passage, SCHEMA.mentions, iri))
    for d in definitions:
        indicator = next(
            (i for t in (d.term, f"{d.term}规模", f"{d.term}数量") if (i := ref.indicator(t))),
            None,
        )
        if indicator is None:
            out.findings.append(
                Finding(
                    "undefined-term",
                    f"术语界定 {d.term!r} names no curated indicator",
                    line=doc.blocks[d.block].line,
                )
            )
            continue
        out.counts["definitions"] += 1
        # shared: two reports may define a term in the same words
        out.shared.append((indicator, SKOS.definition, _zh(d.text)))
        out.triples.append((block_iris[d.block], DCTERMS.subject, indicator))
    _mentions(doc, block_iris, ref, finder, orgs, out)
    return out


def _named_indicators(text: str, ref: Reference) -> set[NamedNode]:
    """Curated indicators a passage names: by a label, or by the application
    a users indicator counts (网络购物 for 网络购物用户规模)."""
    key = normalise_key(text)
    found: set[NamedNode] = set()
    for label in ref.indicator_labels:
        name = normalise_key(label)
        app = name.removesuffix("用户规模")
        if (len(name) >= 4 and name in key) or (app != name and len(app) >= 2 and app in key):
            iri = ref.indicator(label)
            if iri is not None:
                found.add(iri)
    return found


def _mentions(
    doc: Document,
    block_iris: dict[int, NamedNode],
    ref: Reference,
    finder: OrgFinder,
    orgs: OrgLinker,
    out: PolicyResult,
) -> None:
    """``schema:mentions`` from each passage and table to the organisations
    it names (curated, any alias, a table's row labels such as 中国电信集团
    有限公司 too; others by their structure, minted; a unit's body too; a numbered
    case's protagonist, :meth:`~cikg.extract.organisations.OrgFinder.case_protagonists`),
    the curated regions it names, and each member of a group it names (港、澳、台)."""
    protagonists = finder.case_protagonists([(str(b.kind), b.text) for b in doc.blocks])
    for index, block in enumerate(doc.blocks):
        if block.kind not in _MENTIONING or index not in block_iris:
            continue
        named: set[NamedNode] = set()
        for found in finder.find(block.text):
            named.add(iri := orgs.iri(found.name, alias=found.alias))
            if (parent := orgs.parent_of(iri)) is not None:
                named.add(parent)  # 浙江工业大学计算机学院 names 浙江工业大学 too
            out.counts["organisation mentions"] += 1
        for name in protagonists.get(index, ()):
            named.add(orgs.iri(name))  # 2.多点“零售联合云”…: 多点推出… — a case's body
            out.counts["organisation mentions"] += 1
        for token in finder.segmenter.tokens(block.text):
            key = normalise_key(token.word)
            if len(key) >= 2 and token.word not in _VAGUE_REGIONS and key in ref.region_names:
                named.add(ref.region_names[key])
                out.counts["region mentions"] += 1
        for label, members in ref.region_groups.items():
            if label in block.text:  # 数据均含港、澳、台地区
                named.update(members)
                out.counts["region mentions"] += len(members)
        for iri in sorted(named, key=str):
            out.triples.append((block_iris[index], SCHEMA.mentions, iri))
