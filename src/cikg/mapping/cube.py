"""Observation facts -> Data Cube quads (DESIGN.md, Observation and Indicator).

Each :class:`~cikg.records.ObservationFact` becomes one ``qb:Observation``
whose IRI derives from (report, indicator, area, period): a figure a report
states twice (核心数据 and its chapter, a table and a sentence) is one
observation with several ``prov:wasDerivedFrom``; two different values for
the same key are both kept (the second gets a suffixed IRI) and reported as
a finding.

Indicators are linked to the curated scheme by label; a wording the scheme
does not know becomes a concept ``id:indicator/ind-{hash}`` in the same
scheme, with the wording as its Chinese label, its unit, a topic, and, for
derived figures, ``cikg:baseIndicator``/``cikg:derivation``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from pyoxigraph import Literal, NamedNode

from cikg.catalogue import canonical_wording
from cikg.extract.quantities import rounding_tolerance
from cikg.iris import IriMinter, normalise_key
from cikg.records import Finding, ObservationFact
from cikg.reference import Reference
from cikg.vocab import (
    CIKG,
    DCTERMS,
    PROV,
    QB,
    RDF,
    RDFS,
    SDMX_ATTRIBUTE,
    SDMX_CODE,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    SKOS,
    XSD,
)
from cikg.wording import display_form

__all__ = ["CubeResult", "facts_to_triples"]

Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]

_QUALIFIERS = {
    "more_than": CIKG.MoreThan,
    "at_least": CIKG.AtLeast,
    "approximately": CIKG.Approximately,
    "less_than": CIKG.LessThan,
    "at_most": CIKG.AtMost,
}
#: ``sdmx-attribute:obsStatus`` of a forecast (SDMX's code) and of a target (cikg's).
_HAS_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_STATUSES = {"forecast": SDMX_CODE["obsStatus-F"], "target": CIKG.Target}

_TIME_PER_COLLECT = {
    "EndOfPeriod": CIKG.EndOfPeriod,
    "Summed": CIKG.Summed,
    "Average": CIKG.Average,
}


@dataclass
class CubeResult:
    """Triples of a document's observations and the indicators it minted.

    :param triples: the observations.
    :param concepts: descriptions of the indicators minted (they belong in
        ``graph/discovered``: other reports may state the same indicator).
    :param observations: number of observations (distinct IRIs).
    :param linked: observations whose indicator is a curated concept.
    :param minted: wording keys of the indicators minted for this document
        (:meth:`cikg.reference.Reference.indicator_key`) -> their IRIs.
    :param findings: conflicts and figures that could not be mapped.
    :param alternatives: the alternative data sets declared for conflicting
        statements.
    :param block_indicators: block index -> the indicators observed there.
    :param wordings: (indicator, wording) pairs recorded as ``skos:altLabel``.
    :param english: IRI -> English label of the indicators minted here.
    """

    triples: list[Triple] = field(default_factory=list)
    concepts: list[Triple] = field(default_factory=list)
    observations: int = 0
    linked: int = 0
    minted: dict[str, NamedNode] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    alternatives: set[NamedNode] = field(default_factory=set)
    block_indicators: dict[int, set[NamedNode]] = field(default_factory=dict)
    wordings: set[tuple[NamedNode, str]] = field(default_factory=set)
    english: dict[str, str] = field(default_factory=dict)


def _zh(text: str) -> Literal:
    return Literal(text, language="zh")


def _date(d) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def facts_to_triples(
    facts: Sequence[ObservationFact],
    slug: str,
    block_iri: Callable[[int], NamedNode],
    block_line: Callable[[int], int | None],
    ref: Reference,
    units: dict[str, NamedNode],
    minter: IriMinter,
    org_iri: Callable[[str], NamedNode],
    default_topic: Callable[[int], NamedNode],
    citation_iris: dict[str, NamedNode] | None = None,
    policy_iri: Callable[[str], NamedNode] | None = None,
) -> CubeResult:
    """Map a document's facts to observations.

    :param facts: the facts, in document order.
    :param slug: the report's slug.
    :param block_iri: the passage or table IRI of a block index.
    :param block_line: the 1-based line of a block index (for findings).
    :param ref: curated indicators, regions and derivations.
    :param units: unit key (``person``) -> unit IRI.
    :param minter: mints observation and indicator IRIs.
    :param org_iri: an organisation name -> its IRI (curated or minted).
    :param default_topic: a block index -> the topic of the chapter it is in
        (for minted indicators whose wording names no curated base).
    :param citation_iris: footnote marker -> citation IRI, for the markers
        a figure carries.
    :param policy_iri: a policy title -> its IRI, for the policy that sets a
        target (``cikg:targetOf``).
    :return: triples, counts and findings.
    """
    out = CubeResult()
    dataset = minter.dataset(slug)
    seen: dict[str, dict[str, NamedNode]] = {}  # key -> value -> observation
    precision: dict[str, Decimal] = {}
    # base figures first, so a breakdown or derived figure finds its base
    # minted; exact figures before approximate ones (超 500 万 agrees with 512 万),
    # and precise ones before the same figure rounded (8.35 万亿元 is the value
    # the 8.4 万亿元 of a summary agrees with, not the other way round)
    for fact in sorted(
        facts, key=lambda f: (f.base_indicator is not None, f.approximate, _coarseness(f))
    ):
        wording = fact.indicator
        fact = _on_curated_base(fact, ref)
        curated = ref.indicator(fact.indicator, by_key=not _category_dropped(fact, ref))
        unit = units.get(fact.unit or "")
        for known in (curated, ref.indicator(fact.base_indicator or "")):
            if unit is None and known is not None and fact.derivation in {None, "change"}:
                concept = ref.concept(known)
                unit = concept.unit if concept else None
        if unit is None and fact.derivation is None:
            # 国家绿色数据中心 | 平均电能利用效率（PUE）: an average over some things
            # is in the unit of the curated average
            unit = _unit_of_curated_average(fact.indicator, ref)
        if unit is None:
            out.findings.append(
                Finding(
                    "no-unit",
                    f"{fact.indicator} {fact.value_text}: no unit stated or known; left out",
                    line=block_line(fact.block),
                )
            )
            continue
        area = ref.region(fact.area) if fact.area else ref.region("全国")
        if area is None:
            out.findings.append(
                Finding(
                    "unknown-region",
                    f"{fact.area!r} is not a known region; {fact.value_text} left out",
                    line=block_line(fact.block),
                )
            )
            continue
        indicator = curated or _mint_indicator(fact, unit, ref, minter, out, default_topic)
        if wording != fact.indicator:
            _add_wording(indicator, wording, out)  # 城乡地区互联网普及率差距增量, as written
        if curated is not None and normalise_key(fact.indicator) not in ref.indicator_names:
            _add_wording(curated, fact.indicator, out)  # a wording its key matched
        out.block_indicators.setdefault(fact.block, set()).add(indicator)
        key_text = f"{indicator.value}|{area.value}|{fact.period.iri}"
        key = hashlib.sha1(key_text.encode("utf-8")).hexdigest()[:12]
        value = format(fact.value.normalize(), "f")
        stated = seen.setdefault(key, {})
        same = value if value in stated else _agreeing(fact, stated, precision)
        if same is not None:
            out.triples.append((stated[same], PROV.wasDerivedFrom, block_iri(fact.block)))
            continue
        precision[value] = rounding_tolerance(fact.value_text, fact.value)
        target = dataset
        if stated:
            out.findings.append(
                Finding(
                    "conflicting-values",
                    f"{fact.indicator} ({fact.area or '全国'}, "
                    f"{fact.period.iri.rsplit('/', 1)[-1]}) is stated as "
                    f"{' and as '.join(stated)} and as {value}; all kept",
                    line=block_line(fact.block),
                )
            )
            # Data Cube IC-12: one observation per key and data set, so a
            # conflicting statement goes to an alternative data set
            target = _alternative_dataset(slug, len(stated), minter, out)
            key = f"{key}-{len(stated)}"
        obs = minter.observation(slug, key)
        stated[value] = obs
        out.observations += 1
        out.linked += ref.concept(indicator) is not None
        add = out.triples.append
        add((obs, RDF.type, QB.Observation))
        add((obs, QB.dataSet, target))
        add((obs, CIKG.indicator, indicator))
        add((obs, SDMX_DIMENSION.refArea, area))
        add((obs, SDMX_DIMENSION.refPeriod, NamedNode(fact.period.iri)))
        add((obs, CIKG.periodStart, _date(fact.period.start)))
        add((obs, CIKG.periodEnd, _date(fact.period.end)))
        if fact.period.time_per_collect in _TIME_PER_COLLECT:
            add(
                (
                    obs,
                    SDMX_ATTRIBUTE.timePerCollect,
                    _TIME_PER_COLLECT[fact.period.time_per_collect],
                )
            )
        add((obs, SDMX_MEASURE.obsValue, Literal(value, datatype=XSD.decimal)))
        add((obs, SDMX_ATTRIBUTE.unitMeasure, unit))
        add((obs, CIKG.valueText, Literal(fact.value_text)))
        add((obs, PROV.wasDerivedFrom, block_iri(fact.block)))
        if fact.row_header:
            add((obs, CIKG.rowHeader, _zh(fact.row_header)))
        if fact.column_header:
            add((obs, CIKG.columnHeader, _zh(fact.column_header)))
        for name in fact.compiling_orgs:
            add((obs, SDMX_ATTRIBUTE.compilingOrg, org_iri(name)))
        for marker in fact.citations:
            if citation_iris and marker in citation_iris:
                add((obs, CIKG.citation, citation_iris[marker]))
        if fact.period_source in {"paragraph", "report"}:
            add((obs, CIKG.periodSource, Literal(fact.period_source)))
        if fact.qualifier in _QUALIFIERS:
            add((obs, CIKG.valueQualifier, _QUALIFIERS[fact.qualifier]))
        if fact.status in _STATUSES:
            add((obs, SDMX_ATTRIBUTE.obsStatus, _STATUSES[fact.status]))
        if fact.target_of and policy_iri is not None:
            add((obs, CIKG.targetOf, policy_iri(fact.target_of)))
    return out


def _unit_of_curated_average(wording: str, ref: Reference) -> NamedNode | None:
    """The unit of the curated average (平均…) that ends ``wording`` after
    the things it is over (国家绿色数据中心平均电能利用效率 -> the unit of
    平均电能利用效率), or ``None``. Only an average, whose unit does not depend
    on which things it is over; another measure's wording may end in a curated
    one's and be counted in something else (每年提供互联网诊疗服务量, in 诊疗人次)."""
    for start in range(1, len(wording) - 3):
        if not wording.startswith("平均", start):
            continue
        known = ref.indicator(wording[start:])
        concept = ref.concept(known) if known is not None else None
        if concept is not None and concept.unit is not None:
            return concept.unit
    return None


def _coarseness(fact: ObservationFact) -> Decimal:
    """How much rounding a figure's text may hide, relative to its value
    (8.4 万亿元: 0.6 %; 8.35 万亿元: 0.06 %); 0 for a zero value."""
    if not fact.value:
        return Decimal(0)
    return rounding_tolerance(fact.value_text, fact.value) / abs(fact.value)


def _agreeing(
    fact: ObservationFact, stated: dict[str, NamedNode], precision: dict[str, Decimal]
) -> str | None:
    """A value already stated for the key that this one agrees with: the
    same figure rounded (10.81 亿人 and 108,133 万人), or an approximate
    statement of it (突破 11 亿, 超 500 万)."""
    if not stated:
        return None
    if fact.approximate:
        # 突破 11 亿 beside 11.08 亿: a bound the exact value satisfies; 约 1.2
        # beside 1.46 is another figure (of another population), not the same
        return next((v for v in stated if _within(fact, Decimal(v))), None)
    mine = rounding_tolerance(fact.value_text, fact.value)
    for value in stated:
        tolerance = max(mine, precision.get(value, Decimal(0)))
        if abs(Decimal(value) - fact.value) <= tolerance:
            return value
    return None


#: How far an approximate figure (约, 近, 左右) may be from an exact one it states.
_APPROXIMATELY = Decimal("0.1")


def _within(fact: ObservationFact, exact: Decimal) -> bool:
    """Whether an exact value satisfies ``fact``'s qualified one: at or above a
    lower bound (超, 突破, 以上, 多), at or below an upper bound (不足, 以下), within
    a tenth of an approximate value (约, 近, 左右); any value when the
    qualifier is unknown."""
    value, qualifier = fact.value, fact.qualifier
    if qualifier in {"more_than", "at_least"}:
        return exact >= value
    if qualifier in {"less_than", "at_most"}:
        return exact <= value
    if qualifier == "approximately":
        return abs(exact - value) <= abs(value) * _APPROXIMATELY
    return True


def _alternative_dataset(slug: str, n: int, minter: IriMinter, out: CubeResult) -> NamedNode:
    """``id:dataset/{slug}-alternative-{n}``: the n-th other value a report
    states for keys it already gave a value for (declared once)."""
    iri = minter.dataset(f"{slug}-alternative-{n}")
    if iri not in out.alternatives:
        out.alternatives.add(iri)
        out.triples.extend(
            [
                (iri, RDF.type, QB.DataSet),
                (iri, QB.structure, minter.dsd()),
                (iri, DCTERMS.source, minter.report(slug)),
                (iri, RDFS.label, _zh(f"{slug} 中与同一报告其他数值不一致的陈述（第 {n} 组）")),
                (
                    iri,
                    RDFS.comment,
                    Literal(
                        "Values this report states for an indicator, area and period for which "
                        "it also states another value (both are kept; see the findings).",
                        language="en",
                    ),
                ),
            ]
        )
    return iri


def _on_curated_base(fact: ObservationFact, ref: Reference) -> ObservationFact:
    """``fact`` with a change or growth rate of a curated indicator named by
    the curated label, when the text named the base by an alias: the change
    of 城乡地区互联网普及率差距 (an altLabel) is 城乡地区互联网普及率差异增量, one
    indicator whichever wording a report uses (the wording is kept as an
    altLabel by the caller)."""
    base = fact.base_indicator
    if not base or fact.derivation not in {"change", "growth-rate"}:
        return fact
    if not fact.indicator.startswith(base) or fact.breakdown:
        return fact
    curated = ref.indicator(base)
    concept = ref.concept(curated) if curated is not None else None
    if concept is None or not concept.zh or concept.zh == base:
        return fact
    return replace(
        fact, indicator=concept.zh + fact.indicator[len(base) :], base_indicator=concept.zh
    )


def _mint_indicator(
    fact: ObservationFact,
    unit: NamedNode,
    ref: Reference,
    minter: IriMinter,
    out: CubeResult,
    default_topic: Callable[[int], NamedNode],
) -> NamedNode:
    if _category_dropped(fact, ref):  # one concept per base and category, labelled as written
        base_key = ref.indicator_key(fact.base_indicator or fact.indicator)
        key, label = f"{base_key}|{normalise_key(fact.breakdown)}", display_form(fact.indicator)
    else:
        key = ref.indicator_key(fact.indicator)
        label = canonical_wording(fact.indicator, ref.wording_rules)
    add = out.concepts.append
    if key in out.minted:
        iri = out.minted[key]
        _add_wording(iri, fact.indicator, out)
        return iri
    # one candidate per key, its label the canonical wording: every document
    # that writes 已建成5G基站数量 or 5G基站数 mints the same concept, labelled alike
    iri = minter.indicator(minter.hashed_slug("ind", key))
    out.minted[key] = iri
    base = None
    if fact.base_indicator:
        base = ref.indicator(fact.base_indicator) or out.minted.get(
            ref.indicator_key(fact.base_indicator)
        )
    base_concept = ref.concept(base) if base is not None else None
    derivation = ref.derivations.get(fact.derivation or "")
    topic = base_concept.topic if base_concept and base_concept.topic else None
    base_en = base_concept.en if base_concept else out.english.get(base.value) if base else None
    add((iri, RDF.type, SKOS.Concept))
    add((iri, SKOS.inScheme, minter.scheme("indicator")))
    if base_concept is None or (derivation is None and not fact.breakdown):
        # composed from a curated base and a curated derivation or category, a
        # concept is derived, not a candidate: only unknown wordings need curation
        add((iri, CIKG.curationStatus, CIKG.Candidate))
    add((iri, SKOS.prefLabel, _zh(label)))
    _add_wording(iri, fact.indicator, out, label)
    english = _english(fact, label, base_en, derivation, ref)
    out.english[iri.value] = english
    add((iri, SKOS.prefLabel, Literal(english, language="en")))
    add((iri, SKOS.broader, topic or default_topic(fact.block)))
    add((iri, CIKG.canonicalUnit, unit))
    if base is not None:
        add((iri, CIKG.baseIndicator, base))
    if derivation is not None:
        add((iri, CIKG.derivation, derivation.iri))
    if fact.breakdown:
        add((iri, CIKG.breakdown, _zh(fact.breakdown)))
    if fact.breakdown_note:
        add((iri, SKOS.scopeNote, _zh(fact.breakdown_note)))
    return iri


def _category_english(category: str, ref: Reference) -> str | None:
    """A breakdown category in English: a region's or an organisation's
    curated English name (中国联通 China Unicom), else composed from the
    glossary (lower case), else ``None``."""
    region = ref.region(category)
    concept = ref.concept(region) if region is not None else None
    if concept is not None and concept.en:
        return concept.en
    org = ref.org(category)
    if org is not None and ref.org_english.get(org.value):
        return ref.org_english[org.value]
    english = ref.glossary.compose(category).english
    return english[:1].lower() + english[1:] if english else None


def _category_dropped(fact: ObservationFact, ref: Reference) -> bool:
    """Whether a breakdown's key loses its category (网页（aspx） keys as 网页):
    then it is matched as written and minted per base and category."""
    if not fact.breakdown:
        return False
    return normalise_key(fact.breakdown) not in ref.indicator_key(fact.indicator)


def _add_wording(iri: NamedNode, wording: str, out: CubeResult, label: str = "") -> None:
    """Record a wording of an indicator as ``skos:altLabel`` (once per
    document, not when it is the label)."""
    for form in dict.fromkeys((display_form(wording), wording)):
        if form != label and (iri, form) not in out.wordings:
            out.wordings.add((iri, form))
            out.concepts.append((iri, SKOS.altLabel, _zh(form)))


def _english(fact: ObservationFact, label: str, base_en, derivation, ref: Reference) -> str:
    """An English label composed from curated parts: the base indicator's
    English (curated, or composed for a candidate) and the derivation's,
    else the glossary's terms (:meth:`cikg.catalogue.Glossary.compose`);
    else the label marked ``(untranslated)`` (never a guessed translation)."""
    if base_en and not base_en.endswith("(untranslated)"):
        parts = [base_en]
        if derivation is not None and derivation.en:
            parts.append(derivation.en.lower())
        if fact.breakdown:
            parts.append(_category_english(fact.breakdown, ref) or fact.breakdown)
        text = ": ".join(parts[:1]) + (" — " + ", ".join(parts[1:]) if parts[1:] else "")
        if not _HAS_CJK_RE.search(text):
            return text
    composed = ref.glossary.compose(label).english
    return composed or f"{label} (untranslated)"
