"""Plain records passed between pipeline stages.

The pipeline runs in one direction (``load -> extract -> link -> map -> store``)
and the stages share nothing but these dataclasses. They hold text exactly as
the document states it; normalisation (numbers, periods, names) belongs to the
stages that read them.

Line numbers are 1-based and refer to the input file as it is on disk, so
``Block.line`` can be checked with ``sed -n "${line}p" file``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

__all__ = [
    "Block",
    "BlockKind",
    "Document",
    "Finding",
    "FrontMatter",
    "IssuedDate",
    "ObservationFact",
    "PeriodRef",
    "ReportMetadata",
]


class BlockKind(StrEnum):
    """What a block of a document is.

    ``HEADING``: a section heading (第一章, 一、, （一）, 1., a markdown ``#``
    line or a bold-only line); ``PARAGRAPH``: running text, hard-wrapped lines
    joined; ``LIST_ITEM``: one bullet (``- ◇ …``); ``TABLE``: a tab-separated
    table with its caption, continuation parts and notes; ``CAPTION``: a figure
    caption (图 N) with the 来源 line under it; ``FOOTNOTE``: a footnote
    (superscript marker ``¹²`` or ``[n]``); ``NOTE``: a free-standing
    来源/数据来源/注 line not attached to a table or figure; ``TOC``: a table of
    contents entry (kept out of passages).
    """

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    CAPTION = "caption"
    FOOTNOTE = "footnote"
    NOTE = "note"
    TOC = "toc"


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a document, anchored to where it stands in the file.

    :param kind: what the block is.
    :param text: the block's text: a paragraph's wrapped lines joined (Chinese
        lines without a space, Latin ones with one); a table's caption, rows
        and notes as tab-separated lines; otherwise the line as written.
    :param line: 1-based line of the block's first line in the input file.
    :param end_line: 1-based line of its last line (same as ``line`` for one).
    :param section: the text of the nearest heading above the block, or
        ``None`` before the first heading.
    :param page: 1-based page (PDF input only), else ``None``.
    :param level: heading depth (1 = 第一章/# …, 2 = 一、, 3 = （一）, 4 = 1.),
        headings only.
    :param marker: a footnote's marker in ASCII digits (``"24"`` for ``²⁴``,
        ``"3"`` for ``[3]``), footnotes only.
    :param label: the caption's identifier (``"表 5"``, ``"附表 6"``, ``"图 10"``)
        for tables and captions that have one.
    :param caption: a table's or figure's caption text without the label.
    :param rows: a table's rows (header rows first), each a tuple of cell
        strings exactly as written; a continued table's repeated header is
        kept once.
    :param header_rows: how many of ``rows`` are header rows.
    :param notes: the 来源/数据来源/注 lines under a table or figure, wrapped
        lines joined.
    """

    kind: BlockKind
    text: str
    line: int
    end_line: int
    section: str | None = None
    page: int | None = None
    level: int | None = None
    marker: str | None = None
    label: str | None = None
    caption: str | None = None
    rows: tuple[tuple[str, ...], ...] = ()
    header_rows: int = 0
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The YAML front matter of a web article (``---`` … ``---``).

    Values are the strings as written; ``date`` is kept as text and parsed by
    the metadata stage. Unknown keys are kept in ``extra``.
    """

    title: str | None = None
    url: str | None = None
    source: str | None = None
    date: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded input file: its blocks in reading order.

    :param path: the input file.
    :param sha256: hex SHA-256 of the file's bytes.
    :param blocks: the blocks, in the order they stand in the file.
    :param front_matter: the YAML front matter, when the file has one.
    :param cover: the title-page lines (before 前言/摘要/目录/the first
        numbered heading), stripped, each with its 1-based line number;
        the metadata stage reads title, publisher and date from them.
    :param dropped_lines: how many non-blank lines were left out as page
        furniture or web boilerplate.
    :param encoding: the encoding the text was decoded from (``"utf-8"``,
        ``"utf-8-sig"``, ``"utf-16"``, ``"gb18030"``); ``None`` for a PDF.
    :param findings: what the loader noticed (a PDF's pages without a text
        layer left unread, pages read by OCR and how sure it was).
    :param ocr_pages: the 1-based pages read by OCR.
    """

    path: Path
    sha256: str
    blocks: tuple[Block, ...]
    front_matter: FrontMatter | None = None
    cover: tuple[tuple[int, str], ...] = ()
    dropped_lines: int = 0
    encoding: str | None = None
    findings: tuple[Finding, ...] = ()
    ocr_pages: tuple[int, ...] = ()

    @property
    def source_file(self) -> str:
        """The input file's name, e.g. ``001_0b20bf3d443fe71d.txt``."""
        return self.path.name


@dataclass(frozen=True, slots=True)
class IssuedDate:
    """A publication date at the precision the document gives it.

    ``day`` is ``None`` for a month ("2025 年 1 月"); ``month`` is ``None``
    for a year alone.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def isoformat(self) -> str:
        """``"2025-01"``, ``"2024-08-31"`` or ``"2024"``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return dt.date(self.year, self.month, self.day).isoformat()


@dataclass(frozen=True, slots=True)
class ReportMetadata:
    """What a document says about itself.

    :param slug: the report's slug (``cnnic-55``, ``digital-china-2024``,
        ``article-2024-08-31-3f9a1c``), unique per report.
    :param title: the title as the document gives it, spacing artefacts
        removed, without 《》.
    :param publishers: names of the publishing organisations, as written.
    :param issued: the publication date, or ``None`` when the document
        states none.
    :param series: IRI of the report series (``cikg:ReportSeries``) the
        title belongs to, or ``None``.
    :param edition: the edition number (第 55 次 -> 55) when stated.
    :param year: the year a yearly report covers (（2024年） -> 2024).
    :param is_article: ``True`` for a web article about a report.
    :param url: the article's URL, when given.
    :param references: slugs of reports the document discusses (an
        article's 《…》 title naming a report series and edition).
    :param scope: the region the document is about, as a curated region
        name (``北京``, ``中国``), or ``None`` when it names none or several:
        the default area of its figures.
    :param findings: what the metadata stage could not read (a title taken
        from the file name), with the line.
    """

    slug: str
    title: str
    publishers: tuple[str, ...]
    issued: IssuedDate | None
    series: str | None = None
    edition: int | None = None
    year: int | None = None
    is_article: bool = False
    url: str | None = None
    references: tuple[str, ...] = ()
    scope: str | None = None
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class PeriodRef:
    """A reference period, as the observation stage needs it.

    :param iri: the reference.data.gov.uk interval IRI
        (``http://reference.data.gov.uk/id/month/2024-12``).
    :param start: first day of the period.
    :param end: last day of the period (inclusive).
    :param time_per_collect: ``"EndOfPeriod"`` (截至: a stock), ``"Summed"``
        (a flow over the period), ``"Average"`` or ``None`` when the text does
        not say.
    """

    iri: str
    start: dt.date
    end: dt.date
    time_per_collect: str | None = None


@dataclass(frozen=True, slots=True)
class ObservationFact:
    """One number a document states, read but not yet linked.

    :param indicator: the indicator as the document words it, composed from
        row and column headers or the sentence (``"即时通信用户规模"``).
    :param value: the value in base units (万 and 亿 applied; persons, not
        万人); percentages as 0–100.
    :param unit: the unit's key (``skos:notation`` in ``units.ttl``:
        ``person``, ``percent``, ``count`` …) or ``None`` when unstated.
    :param value_text: the value as written (``"108,133"``, ``"9.74 亿人"``).
    :param period: the reference period.
    :param area: the region as written (``"北京"``), ``None`` for national.
    :param block: index of the source block in ``Document.blocks``.
    :param base_indicator: for a derived figure, the wording of the indicator
        it derives from (``"即时通信用户规模"`` for its 增长率).
    :param derivation: key of the derivation (``growth-rate``, ``change``,
        ``share-of-internet-users`` …) in ``id:scheme/derivation``.
    :param breakdown: the category a breakdown indicator selects
        (``"中国电信集团有限公司"``).
    :param qualifier: how the document qualifies the number: ``None`` for
        an exact figure, else ``approximately`` (约, 近, 左右), ``more_than``
        (超, 超过, 逾, 突破, 多, 余, 以上), ``at_least`` (及以上), ``less_than``
        (不足, 不到, 以下) or ``at_most`` (及以下, 不超过); the value is the
        number stated.
    :param status: ``None`` for an actual figure, ``"forecast"`` (预计 …) or
        ``"target"`` (a plan's 到 2025 年 …).
    :param target_of: the title of the policy that sets a target, when the
        text names it.
    :param row_header: the table row's label, verbatim (tables only).
    :param column_header: the table column's header, verbatim (tables only).
    :param compiling_orgs: organisations the document names as the source
        (来源/数据来源 lines), as written.
    :param breakdown_note: what the document says the breakdown category
        means (附表 5 注2：其他是指中国内地（大陆）以外的国家或者地区).
    :param citations: footnote markers (``"25"``) on the figure or closing
        its clause.
    :param period_source: where the period came from when the figure's own
        sentence does not state it: ``"paragraph"`` (an earlier sentence of
        the paragraph) or ``"report"`` (the report's reference date).
    :param area_source: where the area came from: ``"text"`` (the figure's
        clause or sentence), ``"paragraph"``, ``"scope"`` (the document's
        scope) or ``None`` (a table, or the national default).
    """

    indicator: str
    value: Decimal
    unit: str | None
    value_text: str
    period: PeriodRef
    area: str | None
    block: int
    base_indicator: str | None = None
    derivation: str | None = None
    breakdown: str | None = None
    qualifier: str | None = None
    status: str | None = None
    target_of: str | None = None
    row_header: str | None = None
    column_header: str | None = None
    compiling_orgs: tuple[str, ...] = ()
    breakdown_note: str | None = None
    citations: tuple[str, ...] = ()
    period_source: str | None = None
    area_source: str | None = None

    @property
    def approximate(self) -> bool:
        """Whether the document qualifies the number (any qualifier)."""
        return self.qualifier is not None


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a stage noticed and did not silently accept.

    :param kind: ``skipped-cell``, ``sum-mismatch``, ``unknown-region`` …
    :param message: what, in words a user acts on.
    :param line: 1-based line in the input file, when known.
    :param page: 1-based page (PDF input), when known.
    """

    kind: str
    message: str
    line: int | None = None
    page: int | None = None
