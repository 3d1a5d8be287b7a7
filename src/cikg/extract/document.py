"""A document's blocks -> observation facts and citations.

Tables are read by :mod:`cikg.extract.tables`, paragraphs and list items by
:mod:`cikg.extract.sentences`, footnotes naming a source by
:mod:`cikg.extract.citations`. What they are read against is gathered here:
the curated units, the footnotes, and the report's reference date, which
CNNIC reports state in their 术语界定 (调查数据截止日期：本次统计调查数据截止日期为
2024 年 12 月) and which a figure without a period of its own refers to.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from datetime import timedelta

from cikg.extract.citations import (
    CitationRecord,
    footnotes_to_citations,
    source_lines_to_citations,
)
from cikg.extract.figures import ProseContext, paragraph_to_facts
from cikg.extract.organisations import OrgFinder, org_finder
from cikg.extract.periods import Period, find_dated_sources, find_periods, month_of_day
from cikg.extract.quantities import UnitTable, find_malformed_numbers
from cikg.extract.subjects import default_context
from cikg.extract.tables import TableContext, table_to_facts
from cikg.records import (
    Block,
    BlockKind,
    Document,
    Finding,
    IssuedDate,
    ObservationFact,
    PeriodRef,
)
from cikg.reference import Reference
from cikg.segment import Segmenter

__all__ = ["Extraction", "document_to_facts", "is_chart_text", "reference_date"]

#: How CNNIC reports state their reference date: 术语界定 "调查数据截止日期：本次统计
#: 调查数据截止日期为 2024 年 12 月"; notes "以上数据统计截止日期为2024年12月",
#: "以上数据统计截至日为 2020 年 6 月 30 日". (截止时间 is left out: 004's
#: footnote ¹ uses it for the previous edition's date.)
_REFERENCE_DATE_CUES = ("数据截止日期", "截止日期为", "截至日为")
_PROSE = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
#: A paragraph that goes on from the one before (其中，…: a part of what that
#: one stated; a figure or a table may stand between them).
_GOES_ON_RE = re.compile(r"^\s*其中\s*[，,：:]")


@dataclass
class Extraction:
    """What was read from one document.

    :param facts: observation facts in document order (tables, then prose).
    :param findings: numbers not made facts and totals that do not add up,
        each with its line and reason.
    :param citations: the footnotes that name a source.
    :param tables: tables read.
    :param cells: numeric cells seen in tables.
    :param prose_figures: numbers seen in paragraphs and list items.
    :param prose_facts: facts made from them.
    """

    facts: list[ObservationFact] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    citations: list[CitationRecord] = field(default_factory=list)
    tables: int = 0
    cells: int = 0
    prose_figures: int = 0
    prose_facts: int = 0


def reference_date(doc: Document) -> Period | None:
    """The report's reference date: the last period in the first passage that
    states the survey's data cut-off (术语界定 调查数据截止日期), or ``None``.

    Table notes restating it (注5：以上数据统计截止日期为2024年12月) count too:
    they are read in document order and the first one wins. A day
    (2020 年 6 月 30 日) is returned as its month, the period a stock stated
    截至 2020 年 6 月 has, so both make one series.
    """
    for block in doc.blocks:
        texts = block.notes if block.kind is BlockKind.TABLE else (block.text,)
        for text in texts:
            if any(cue in text for cue in _REFERENCE_DATE_CUES):
                found = find_periods(text)
                if found:
                    return month_of_day(found[-1])
    return None


_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_CHART_CHARS_RE = re.compile(r"[\d\s.,%％·-]")


def is_chart_text(text: str) -> bool:
    """Text a chart carries (axis ticks ``450 45% 300 30%``), not a sentence:
    mostly digits, signs and spaces, with few Chinese characters.

    >>> is_chart_text("450 45% 300 30% 150 15%")
    True
    >>> is_chart_text("截至 2024 年 12 月，网民规模达 11.08 亿人。")
    False
    """
    if len(_CJK_RE.findall(text)) >= 6:
        return False
    numeric = len(_CHART_CHARS_RE.findall(text))
    return len(text) >= 6 and numeric / len(text) >= 0.6


def _last_day(issued: IssuedDate | None) -> dt.date | None:
    """The last day a document dated ``issued`` can have been published: the
    day, else the month's or the year's last day."""
    if issued is None:
        return None
    if issued.month is None:
        return dt.date(issued.year, 12, 31)
    if issued.day is None:
        return dt.date(issued.year, issued.month, calendar.monthrange(issued.year, issued.month)[1])
    return dt.date(issued.year, issued.month, issued.day)


def _footnote_periods(footnotes: dict[str, str]) -> dict[str, Period]:
    """Footnotes that move their figure's period: 此处…取值为截至2024年11月数据."""
    found = {}
    for marker, text in footnotes.items():
        if "此处" not in text and "取值" not in text:
            continue
        periods = [p for p in find_periods(text) if p.time_per_collect == "EndOfPeriod"]
        if periods:
            found[marker] = periods[-1]
    return found


def document_to_facts(
    doc: Document,
    ref: Reference,
    units: UnitTable,
    segmenter: Segmenter,
    issued: IssuedDate | None = None,
    report_year: int | None = None,
    scope: str | None = None,
    is_article: bool = False,
    finder: OrgFinder | None = None,
) -> Extraction:
    """Read the observations a document states in its tables and prose.

    :param doc: the loaded document.
    :param ref: curated regions, indicators, organisations and derivations.
    :param units: the curated unit table.
    :param segmenter: the tokenizer with the curated names.
    :param issued: the document's date: its year completes periods such as
        截至 11 月 when the document states no reference date.
    :param report_year: the year a yearly report covers (数字中国发展报告
        （2024年）): its reference period when it states no reference date.
    :param scope: the region the document is about (a curated region name),
        the default area of its figures; ``None`` for the nation.
    :param is_article: a news article (no title page): its date is the
        reference date of the figures it states in the present tense.
    :param finder: finds the organisations citations name (default: one over
        ``ref`` and ``segmenter``).
    :return: facts, citations, findings and counts.
    """
    finder = finder or org_finder(ref, segmenter)
    footnotes = {b.marker: b.text for b in doc.blocks if b.kind is BlockKind.FOOTNOTE and b.marker}
    default_period = reference_date(doc)
    if default_period is None and report_year is not None:
        default_period = find_periods(f"{report_year}年")[0]
    if default_period is None and is_article and issued is not None and issued.month is not None:
        # an article without a reference date: its present tense is its date
        default_period = find_periods(f"{issued.year}年{issued.month}月")[0]
    out = Extraction()
    table_ctx = TableContext(
        units=units,
        is_region=lambda label: ref.region(label) is not None,
        derivation_in=ref.derivation_in,
        is_indicator=lambda label: ref.indicator(label) is not None,
        default_period=default_period,
        footnotes=footnotes,
        canonical_org=lambda name: (
            None if (org := ref.org(name)) is None else ref.org_preferred.get(org.value)
        ),
    )
    for index, block in enumerate(doc.blocks):
        if block.kind is not BlockKind.TABLE:
            continue
        out.tables += 1
        facts, findings = table_to_facts(block, index, table_ctx)
        out.facts.extend(facts)
        out.findings.extend(findings)
        out.cells += len(facts) + sum(1 for f in findings if f.kind == "skipped-cell")

    out.citations = footnotes_to_citations(doc.blocks, finder)
    first = max((int(c.marker) for c in out.citations), default=0) + 1
    lines = source_lines_to_citations(doc.blocks, finder, first)
    out.citations.extend(lines)
    by_table = {c.block: c.marker for c in lines}
    out.facts = [  # a table's figures cite the 来源 line under it
        replace(f, citations=(*f.citations, by_table[f.block])) if f.block in by_table else f
        for f in out.facts
    ]
    year = default_period.end.year if default_period else issued.year if issued else None
    prose_ctx = ProseContext(
        units=units,
        subjects=default_context(ref, segmenter),
        derivation_in=ref.derivation_in,
        is_policy_title=lambda title: (
            not ref.is_kind_word(title) and bool((kind := ref.title_kind(title)) and kind[1])
        ),
        default_period=default_period,
        default_year=year,
        scope=scope,
        citations={c.marker: c.publishers for c in out.citations},
        footnote_periods=_footnote_periods(footnotes),
        # the day each cited source was published, as its citation gives it
        source_dates={c.marker: dt.date.fromisoformat(c.date) for c in out.citations if c.date},
        company=_company(doc, finder, ref) if is_article else None,
        is_company=ref.is_company,
        published=_last_day(issued),
        dated_sources=find_dated_sources(b.text for b in doc.blocks if b.kind in _PROSE),
    )
    before = ""  # the last paragraph, which one opening with 其中 goes on from
    for index, block in enumerate(doc.blocks):
        if block.kind is BlockKind.HEADING:
            before = ""
        if block.kind not in _PROSE:
            continue
        if is_chart_text(block.text):
            out.findings.append(
                Finding(
                    "chart-text",
                    f"{block.text[:40]!r} reads as a chart's axis labels; left out",
                    line=block.line,
                    page=block.page,
                )
            )
            continue
        out.findings.extend(_text_findings(block, footnotes))
        out.findings.extend(
            Finding(
                "malformed-number",
                f"{block.text[start:end]!r} is no number (digits grouped wrongly or two "
                "decimal points); not read",
                line=block.line,
                page=block.page,
            )
            for start, end in find_malformed_numbers(block.text)
        )
        result = paragraph_to_facts(
            block.text,
            index,
            prose_ctx,
            before=before if _GOES_ON_RE.match(block.text) else "",
        )
        before = block.text if block.text.rstrip().endswith("。") else ""
        out.prose_figures += result.seen
        out.prose_facts += len(result.facts)
        out.facts.extend(result.facts)
        out.findings.extend(replace(f, line=block.line) for f in result.findings)
    out.facts = [replace(f, period=_month_ending(f.period)) for f in out.facts]
    return out


def _company(doc: Document, finder: OrgFinder, ref: Reference) -> str | None:
    """The company an article is about: the curated company it names most,
    at least three times and twice as often as any other (an article on
    中国电信's results, not one comparing three operators); else ``None``."""
    counts: dict[str, int] = {}
    for block in doc.blocks:
        if block.kind in _PROSE:
            for org in finder.find(block.text):
                if org.curated and ref.is_company(org.name):
                    counts[org.name] = counts.get(org.name, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def _month_ending(period: PeriodRef) -> PeriodRef:
    """A day that ends its month as that month (DESIGN: an observation's
    identity): 截止日期为 2020 年 6 月 30 日 and 截至 2020 年 6 月 are one period.

    >>> from datetime import date
    >>> day = PeriodRef("http://reference.data.gov.uk/id/day/2020-06-30",
    ...                 date(2020, 6, 30), date(2020, 6, 30), "EndOfPeriod")
    >>> _month_ending(day).iri
    'http://reference.data.gov.uk/id/month/2020-06'
    """
    if "/day/" not in period.iri or (period.end + timedelta(days=1)).day != 1:
        return period
    month = find_periods(f"{period.end.year}年{period.end.month}月")[0]
    return PeriodRef(month.iri, month.start, month.end, period.time_per_collect)


_SUPERSCRIPT_RUN_RE = re.compile(r"(?<![A-Za-z0-9⁰¹²³⁴⁵⁶⁷⁸⁹])[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SUPERSCRIPT_TO_ASCII = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _text_findings(block: Block, footnotes: dict[str | None, str]) -> list[Finding]:
    """What a passage's text leaves open: a footnote marker (``¹⁷``, not an
    exponent such as ``km²``) with no footnote of that number, and a 《 never
    closed by 》 (the title runs on; nothing after it is masked as a title)."""
    found = []
    for m in _SUPERSCRIPT_RUN_RE.finditer(block.text):
        marker = m[0].translate(_SUPERSCRIPT_TO_ASCII)
        if marker not in footnotes:
            found.append(
                Finding(
                    "footnote-missing",
                    f"footnote marker {m[0]} ({marker}) after "
                    f"{block.text[max(0, m.start() - 12) : m.start()]!r} has no footnote",
                    line=block.line,
                    page=block.page,
                )
            )
    depth = opened = 0
    for i, ch in enumerate(block.text):
        if ch == "《":
            if depth == 0:
                opened = i
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
    if depth:
        found.append(
            Finding(
                "unclosed-title",
                f"《 in {block.text[opened : opened + 16]!r}… is never closed by 》",
                line=block.line,
                page=block.page,
            )
        )
    return found
