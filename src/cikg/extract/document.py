"""A document's blocks -> observation facts (tables now; sentences come next).

Collects what every table is read against: the curated units, the
footnotes (for notes on row labels) and the report's reference date, which
CNNIC reports state in their 术语界定 (调查数据截止日期：本次统计调查数据截止日期为
2024 年 12 月) and which a table without a period of its own refers to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cikg.extract.quantities import Period, UnitTable, find_periods
from cikg.extract.tables import TableContext, table_to_facts
from cikg.records import BlockKind, Document, Finding, ObservationFact
from cikg.reference import Reference

__all__ = ["Extraction", "document_to_facts", "reference_date"]

#: How CNNIC reports state their reference date: 术语界定 "调查数据截止日期：本次统计
#: 调查数据截止日期为 2024 年 12 月"; notes "以上数据统计截止日期为2024年12月",
#: "以上数据统计截至日为 2020 年 6 月 30 日". (截止时间 is left out: 004's
#: footnote ¹ uses it for the previous edition's date.)
_REFERENCE_DATE_CUES = ("数据截止日期", "截止日期为", "截至日为")


@dataclass
class Extraction:
    """What was read from one document.

    :param facts: observation facts in document order.
    :param findings: cells not read and totals that do not add up, with lines.
    :param tables: tables read.
    :param cells: numeric cells seen in tables.
    """

    facts: list[ObservationFact] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    tables: int = 0
    cells: int = 0


def reference_date(doc: Document) -> Period | None:
    """The report's reference date: the last period in the first passage that
    states the survey's data cut-off (术语界定 调查数据截止日期), or ``None``.

    Table notes restating it (注5：以上数据统计截止日期为2024年12月) count too:
    they are read in document order and the first one wins.
    """
    for block in doc.blocks:
        texts = block.notes if block.kind is BlockKind.TABLE else (block.text,)
        for text in texts:
            if any(cue in text for cue in _REFERENCE_DATE_CUES):
                found = find_periods(text)
                if found:
                    return found[-1]
    return None


def document_to_facts(doc: Document, ref: Reference, units: UnitTable) -> Extraction:
    """Read the observations a document states in its tables.

    :param doc: the loaded document.
    :param ref: curated regions, indicators and derivations.
    :param units: the curated unit table.
    :return: facts, findings and counts.
    """
    footnotes = {b.marker: b.text for b in doc.blocks if b.kind is BlockKind.FOOTNOTE and b.marker}
    ctx = TableContext(
        units=units,
        is_region=lambda label: ref.region(label) is not None,
        derivation_in=ref.derivation_in,
        is_indicator=lambda label: ref.indicator(label) is not None,
        default_period=reference_date(doc),
        footnotes=footnotes,
    )
    out = Extraction()
    for index, block in enumerate(doc.blocks):
        if block.kind is not BlockKind.TABLE:
            continue
        out.tables += 1
        facts, findings = table_to_facts(block, index, ctx)
        out.facts.extend(facts)
        out.findings.extend(findings)
        out.cells += len(facts) + sum(1 for f in findings if f.kind == "skipped-cell")
    return out
