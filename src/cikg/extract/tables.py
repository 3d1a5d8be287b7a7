"""Tables -> observation facts: every numeric cell, with its indicator, area,
period, unit and source, decided from the table itself.

The stages (each ``x_to_y``):

1. :func:`header_to_columns` - what each column holds: the row label, a
   单位 (unit) column, or values with a period (``2023.12``,
   ``2024 年 12 月``), a unit (``用户规模 (万人)``, ``(%)``), a measure
   (``用户规模``, ``网民使用率``) and a derivation (``增长率``,
   ``比 2023 年 12 月`` = growth over that period).
2. :func:`rows_to_layout` - whether the rows are regions (北京 … 合计) or
   items (applications, domains, organisations): a table whose row labels
   are mostly curated region names is read as regions × measures.
3. :func:`table_to_facts` - one fact per numeric cell. The indicator is
   composed from the row label, the column's measure and the caption's
   subject (表 6 分省政府网站数量 -> 政府网站数量 for each province; 表 5
   即时通信 × 用户规模 -> 即时通信用户规模); the period is the column's, else
   the one a footnote on the row label gives (001 表 1: ¹¹ 此处IPv6活跃用户数
   取值为截至2024年11月数据), else the caption's, else the table's notes'
   (以上数据统计截止日期为2024年12月), else the report's reference date.
   来源/数据来源 notes name the compiling organisations.
4. :func:`check_totals` - where a 合计/总计 row stands, the other rows must
   sum to it within the table's rounding; a mismatch is a finding.

Nothing here knows a caption number or a file: a table nobody has seen is
read by the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from cikg.extract.periods import Period, find_periods
from cikg.extract.qualifiers import qualifier_code
from cikg.extract.quantities import (
    UnitTable,
    find_malformed_numbers,
    parse_cell,
    parse_unit_label,
)
from cikg.records import Block, Finding, ObservationFact, PeriodRef
from cikg.wording import display_form

__all__ = [
    "Column",
    "TableContext",
    "check_totals",
    "header_to_columns",
    "rows_to_layout",
    "table_to_facts",
]

#: Row labels that stand for the whole (summed) table.
TOTAL_LABELS = frozenset({"合计", "总计", "全国", "总数", "总量"})
#: Measure words too generic to name an indicator on their own: the
#: caption's subject names it instead (附表 1 地址量 -> IPv4 地址数).
GENERIC_MEASURES = frozenset({"数量", "地址量", "比例", "数值", "数目", "值", "占比", "规模"})
#: An indicator's wording ends with one of these (a count, size or rate);
#: a row label without one gets the caption's subject or 数量.
_MEASURE_END_RE = re.compile(
    r"(数|量|率|比例|百分比|规模|大小|长度|总数|时长|占比|份额|指数|额|收入)$"
)
_SUBJECT_PREFIX_RE = re.compile(
    r"^(?P<area>[^按分各]{1,8}?地区)?(?:分省份?|分地区|分类|各地区|各省份?"
    r"|按[^的]{1,10}?(?:分类|划分|统计)的?|按[^的]{1,8}?(?:单位|地区|省份|类型|行业|形式))"
)
_SUBJECT_SUFFIX_RE = re.compile(r"(?:对比|情况|状况|发展状况|一览)$")
_MARKERS_RE = re.compile(r"\^\{[^}]*\}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d+\]|（以[^）]*为单位）|\(以[^)]*为单位\)")
_SUPERSCRIPT_RE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\{注?\s*(\d+)\}")
_RANGE_RE = re.compile(r"\d{4}\.\d{1,2}\s*[-—–~至]\s*\d{4}\.\d{1,2}")
_SOURCE_NOTE_RE = re.compile(r"^[（(]?(?:数据来源|资料来源|来源)\s*[：:]\s*(.+?)[）)]?$")
_NO_VALUE = frozenset({"-", "--", "—", "/", "…"})
#: Columns of averages, ratios and rates do not add up to their total row.
_NOT_SUMMED_RE = re.compile(r"平均|比例|比值|率|之比|指数")
_TRAILING_BRACKET_RE = re.compile(r"[（(][^（）()]*[)）]$")
#: Derivations that apply to the base measure (用户规模增长率), not to the
#: row's name alone (即时通信网民使用率).
_OF_BASE = frozenset({"growth-rate", "change"})
_SUB_ITEM_RE = re.compile(r"^其中\s*[：:]\s*")
_COMPARE_RE = re.compile(r"^(?:比|较)\s*")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


@dataclass(frozen=True, slots=True)
class TableContext:
    """What a table is read against.

    :param units: the curated unit table.
    :param is_region: whether a label names a curated region.
    :param derivation_in: the derivation key a header names (``增长率`` ->
        ``growth-rate``), see :meth:`cikg.reference.Reference.derivation_in`.
    :param is_indicator: whether a wording is a curated indicator label.
    :param default_period: the report's reference date (its 术语界定
        调查数据截止日期, else its issue), used when a table states none.
    :param footnotes: footnote marker -> text, for notes on row labels.
    :param canonical_org: an organisation name or alias -> its preferred
        name, or ``None`` when not curated (so 中国电信集团公司 and
        中国电信集团有限公司 are one breakdown category).
    """

    units: UnitTable
    is_region: Callable[[str], bool]
    derivation_in: Callable[[str], str | None]
    is_indicator: Callable[[str], bool]
    default_period: Period | None
    footnotes: dict[str, str]
    canonical_org: Callable[[str], str | None] = lambda name: None


@dataclass(frozen=True, slots=True)
class Column:
    """What one column holds.

    :param index: 0-based column index.
    :param header: the header text, header rows joined (verbatim cells).
    :param role: ``"label"``, ``"unit"`` or ``"value"``.
    :param period: the period the header names, if any.
    :param multiplier: from the header's unit (万人 -> 1e4).
    :param unit: the unit key from the header (``person``), if any.
    :param measure: the header without period, unit and comparison
        (``用户规模``; empty when the header is only a period).
    :param derivation: derivation key (``growth-rate``) when the column
        holds a derived figure.
    """

    index: int
    header: str
    role: str
    period: Period | None = None
    multiplier: Decimal = Decimal(1)
    unit: str | None = None
    measure: str = ""
    derivation: str | None = None


def _clean_label(text: str) -> str:
    """A row or column label without footnote markers, in its display form
    (no spaces next to Chinese; CNNIC IP 地址分配联盟 keeps its Latin space)."""
    return display_form(_MARKERS_RE.sub("", text))


_BRACKET_RE = re.compile(r"[（(][^（）()]*[)）]\s*$")


def _label_unit(label: str, ctx: TableContext) -> tuple[Decimal, str | None] | None:
    """The unit a row label states in a closing bracket (``IPv6 ²² (块/32)``)."""
    bare = _MARKERS_RE.sub("", label).strip()
    if not _BRACKET_RE.search(bare):
        return None
    found = parse_unit_label(bare, ctx.units)
    return found if found and found[1] else None


def _markers(text: str) -> list[str]:
    found = []
    for m in _SUPERSCRIPT_RE.finditer(text):
        found.append(m.group(1) if m.group(1) else m.group(0).translate(_SUPERSCRIPT_DIGITS))
    return found


def _ref(period: Period) -> PeriodRef:
    return PeriodRef(period.iri, period.start, period.end, period.time_per_collect)


def header_to_columns(block: Block, ctx: TableContext) -> list[Column]:
    """Describe each column from the header rows.

    A two-row header is read column by column, the top row forward-filled
    over merged (empty) cells: ``2020.6 | (empty)`` over ``用户规模 (万) |
    网民使用率`` gives ``2020.6 用户规模 (万)`` and ``2020.6 网民使用率``.

    >>> from cikg.extract.quantities import default_unit_table
    >>> from cikg.records import BlockKind
    >>> header = ("应用", "2024.12 用户规模 (万人)", "增长率 (%)")
    >>> b = Block(BlockKind.TABLE, "", 1, 3, rows=(header, ("即时通信", "108,133", "2.0")),
    ...     header_rows=1)
    >>> ctx = TableContext(default_unit_table(), lambda s: False,
    ...     lambda s: "growth-rate" if "增长率" in s else None, lambda s: False, None, {})
    >>> for c in header_to_columns(b, ctx):
    ...     print(c.role, c.measure, c.unit, c.derivation)
    label 应用 None None
    value 用户规模 person None
    value 增长率 percent growth-rate
    """
    width = max(len(r) for r in block.rows)
    header_rows = [list(r) + [""] * (width - len(r)) for r in block.rows[: block.header_rows]]
    if header_rows:
        top = header_rows[0]
        for j in range(2, width):
            if not top[j].strip() and any(h[j].strip() for h in header_rows[1:]):
                top[j] = top[j - 1]
    columns = []
    for j in range(width):
        header = " ".join(h[j].strip() for h in header_rows if h[j].strip())
        if j == 0:
            columns.append(Column(0, header, "label", measure=_clean_label(header)))
            continue
        if _clean_label(header) == "单位":
            columns.append(Column(j, header, "unit"))
            continue
        columns.append(_value_column(j, header, ctx))
    return columns


def _value_column(j: int, header: str, ctx: TableContext) -> Column:
    periods = find_periods(header)
    unit = parse_unit_label(header, ctx.units)
    rest = _MARKERS_RE.sub("", header)
    for p in sorted(periods, key=lambda p: -p.start_offset):
        rest = rest[: p.start_offset] + rest[p.end_offset :]
    rest = re.sub(r"[（(][^（）()]*[)）]\s*$", "", rest.strip())
    compare = bool(_COMPARE_RE.match(rest)) and bool(periods)
    measure = "".join(_COMPARE_RE.sub("", rest).split()) if compare else "".join(rest.split())
    measure = _SUB_ITEM_RE.sub("", measure)
    derivation = ctx.derivation_in(measure) if measure else None
    if compare and derivation is None:
        derivation = "growth-rate"  # 比 2023 年 12 月 (%): relative change since then
    multiplier, unit_key = unit if unit else (Decimal(1), None)
    return Column(
        j,
        header,
        "value",
        period=None if compare or not periods else periods[-1],
        multiplier=multiplier,
        unit=unit_key,
        measure=measure,
        derivation=derivation,
    )


def rows_to_layout(labels: list[str], ctx: TableContext) -> str:
    """``"regions"`` when most row labels (合计/全国/其他 aside) are regions,
    else ``"items"``."""
    candidates = [x for x in labels if x and x not in TOTAL_LABELS and x != "其他"]
    if not candidates:
        return "items"
    regions = sum(1 for x in candidates if ctx.is_region(x))
    return "regions" if regions / len(candidates) >= 0.6 else "items"


def _subject(block: Block) -> str:
    """The caption without its label, periods, markers and 分省/分类 words:
    ``2023.12-2024.12 分省政府网站数量¹⁰⁰`` -> ``政府网站数量``."""
    text = _RANGE_RE.sub("", block.caption or "")
    for p in sorted(find_periods(text), key=lambda p: -p.start_offset):
        text = text[: p.start_offset] + text[p.end_offset :]
    text = _clean_label(text)
    text = _SUBJECT_PREFIX_RE.sub("", text)
    return _SUBJECT_SUFFIX_RE.sub("", text)


def _caption_area(block: Block, ctx: TableContext) -> str | None:
    """The region a caption restricts the table to (004 附表 2
    大陆地区按分配单位 IPv4 地址数 -> 大陆地区), when it is a curated region."""
    m = _SUBJECT_PREFIX_RE.match(_clean_label(_RANGE_RE.sub("", block.caption or "")))
    area = m.group("area") if m else None
    return area if area and ctx.is_region(area) else None


def _is_measure(text: str) -> bool:
    return bool(_MEASURE_END_RE.search(text))


def _note_period(block: Block) -> Period | None:
    for note in block.notes:
        if "截止" in note or "截至" in note:
            found = find_periods(note)
            if found:
                return found[-1]
    return None


def _row_period(label: str, ctx: TableContext) -> Period | None:
    """A period a footnote on the row label gives (此处…取值为截至2024年11月数据)."""
    for marker in _markers(label):
        text = ctx.footnotes.get(marker, "")
        found = [p for p in find_periods(text) if p.time_per_collect == "EndOfPeriod"]
        if found:
            return found[-1]
    return None


_NOTE_PREFIX_RE = re.compile(r"^注\s*\d*\s*[：:]\s*")


def _category_note(category: str, block: Block) -> str | None:
    """The table note that says what a category means (注2：其他是指…)."""
    for note in block.notes:
        body = _NOTE_PREFIX_RE.sub("", note)
        if body.startswith(category) and re.match(r"(?:是指|指|：|:)", body[len(category) :]):
            return body
    return None


#: An aside in a source note: one that ends a name (中国互联网络信息中心（CNNIC）) or
#: holds a list (（CNNIC，…）); not a place inside a company's name, which is part
#: of it (百度在线网络技术（北京）有限公司).
_ASIDE_RE = re.compile(
    r"[（(][^（）()]*[，,、；;][^（）()]*[)）]|[（(][^（）()]*[)）](?=\s*(?:$|[、,，；;]))"
)


def _compiling_orgs(block: Block) -> tuple[str, ...]:
    names: list[str] = []
    for note in block.notes:
        m = _SOURCE_NOTE_RE.match(note.strip())
        if m:
            # asides (中国互联网络信息中心（CNNIC，…）) go first, so no name keeps half of one
            body = _ASIDE_RE.sub("", m.group(1))
            body = re.sub(r"[（(][^（）()]*$", "", body)
            names.extend(n.strip() for n in re.split(r"[、,，；;]", body) if n.strip())
    return tuple(names)


def _indicator(
    layout: str,
    row: str,
    col: Column,
    base_measure: str,
    subject: str,
    ctx: TableContext,
    unit: str | None,
) -> tuple[str, str | None, str | None]:
    """(indicator wording, base wording, breakdown) for one cell."""
    measure = col.measure
    generic = not measure or measure in GENERIC_MEASURES
    if layout == "regions":
        if generic or measure in subject:
            label = subject or measure
        elif len(measure) <= 2 and subject:
            label = measure + subject  # 静态 + 网页数
        else:
            label = measure
        if col.derivation and base_measure and base_measure != measure:
            return label, base_measure, None
        return label, None, None
    # items
    if col.derivation and not generic and not _COMPARE_RE.match(col.header):
        base = row + base_measure if base_measure and base_measure != measure else row
        # 即时通信 × 网民使用率 reads 即时通信网民使用率; 增长率 is the base's growth
        candidates = [row + measure, base + measure]
        label = next((c for c in candidates if ctx.is_indicator(c)), None)
        if label is None:
            label = base + measure if col.derivation in _OF_BASE else row + measure
        return label, base, None
    if col.derivation:  # 比 2023 年 12 月: growth of the row's own indicator
        return f"{row}增长率", row, None
    if not generic:
        return row + measure, None, None
    if row in TOTAL_LABELS:
        return subject or row, None, None
    if ctx.is_indicator(row) or _is_measure(_TRAILING_BRACKET_RE.sub("", row)):
        return row, None, None
    if subject and _is_measure(subject):
        return f"{subject}（{row}）", subject, row
    if unit == "count":
        return f"{row}数量", None, None
    if subject:
        return f"{subject}（{row}）", None, row
    return row, None, None


def table_to_facts(
    block: Block, index: int, ctx: TableContext
) -> tuple[list[ObservationFact], list[Finding]]:
    """Read every numeric cell of a table.

    :param block: a ``TABLE`` block (rows as written, ``header_rows`` set).
    :param index: the block's index in its document (for provenance).
    :param ctx: units, region and indicator lookups, footnotes, default period.
    :return: the facts, and findings for cells that are not read (with the
        reason) and totals that do not add up.
    """
    findings: list[Finding] = []
    if len(block.rows) <= block.header_rows:
        numbers = [c for r in block.rows for c in r[1:] if parse_cell(c, ctx.units) is not None]
        if numbers:  # a row cut off from its table (a line without a tab in between)
            findings.append(
                Finding(
                    "header-only-table",
                    f"{block.label or 'table'} {block.rows[0][0]!r}: a table of header rows "
                    f"only; its {len(numbers)} numbers are not read (e.g. {numbers[0]!r})",
                    line=block.line,
                )
            )
        return [], findings
    columns = header_to_columns(block, ctx)
    body = block.rows[block.header_rows :]
    raw_labels = [r[0] if r else "" for r in body]
    # a unit in the row label (004 表 1: IPv4 (个)) applies to the row
    label_units = [_label_unit(x, ctx) for x in raw_labels]
    labels = [
        _SUB_ITEM_RE.sub("", _clean_label(_BRACKET_RE.sub("", x) if u else x))
        for x, u in zip(raw_labels, label_units, strict=True)
    ]
    by_org = sum(ctx.canonical_org(x) is not None for x in labels) >= 2
    labels = [ctx.canonical_org(x) or x for x in labels]
    layout = rows_to_layout(labels, ctx)
    subject = _subject(block)
    value_cols = [c for c in columns if c.role == "value"]
    unit_col = next((c for c in columns if c.role == "unit"), None)
    base_measure = next((c.measure for c in value_cols if c.measure and not c.derivation), "")
    if base_measure in GENERIC_MEASURES:
        base_measure = ""
    table_period = _caption_period(block) or _note_period(block) or ctx.default_period
    latest = max((c.period for c in value_cols if c.period), key=lambda p: p.end, default=None)
    sources = _compiling_orgs(block)
    table_area = _caption_area(block, ctx)
    facts: list[ObservationFact] = []
    skipped: dict[str, list[str]] = {}
    previous = ""
    for raw, label, label_unit, row in zip(raw_labels, labels, label_units, body, strict=True):
        if label.startswith("占") and previous:
            label = previous + label  # 静态网页 / 占网页总数比例
        else:
            previous = label
        row_unit = (
            parse_unit_label(row[unit_col.index], ctx.units)
            if unit_col and unit_col.index < len(row)
            else label_unit
        )
        row_period = _row_period(raw, ctx)
        if by_org and layout != "regions" and label in TOTAL_LABELS:
            # 附表 4 按分配单位 IPv6 地址数: 合计 sums the organisations listed, which
            # need not be the nation's figure (the mainland's here, not China's)
            findings.append(
                Finding(
                    "organisation-total",
                    f"{block.label or 'table'}: {label} of the organisations listed is not "
                    "read as the nation's figure",
                    line=block.line,
                )
            )
            continue
        area = label if layout == "regions" and ctx.is_region(label) else table_area
        for col in value_cols:
            cell = row[col.index] if col.index < len(row) else ""
            if not cell.strip():
                continue
            multiplier, unit = row_unit if row_unit else (col.multiplier, col.unit)
            if col.unit == "percent":
                multiplier, unit = Decimal(1), "percent"
            q = parse_cell(cell, ctx.units, unit, multiplier)
            if q is None:
                if cell.strip() not in _NO_VALUE:
                    skipped.setdefault(col.header or f"column {col.index + 1}", []).append(cell)
                continue
            period = (
                row_period or col.period or (latest if col.derivation else None) or table_period
            )
            if period is None:
                findings.append(
                    Finding(
                        "no-period",
                        f"{block.label or 'table'}: no period for {label} {cell}",
                        line=block.line,
                    )
                )
                continue
            indicator, base, breakdown = _indicator(
                layout, label, col, base_measure, subject, ctx, q.unit
            )
            if layout == "regions" and area is None and label not in TOTAL_LABELS:
                # 其他 in a table of regions: a category of the same indicator
                indicator, base, breakdown = f"{indicator}（{label}）", indicator, label
            facts.append(
                ObservationFact(
                    indicator=indicator,
                    value=q.value,
                    unit=q.unit or _implied_unit(indicator, q.value, ctx),
                    value_text=q.text,
                    period=_ref(period),
                    area=area,
                    block=index,
                    base_indicator=base,
                    derivation=col.derivation,
                    breakdown=breakdown,
                    qualifier=qualifier_code(q.qualifier),
                    row_header=raw.strip(),
                    column_header=col.header or None,
                    compiling_orgs=sources,
                    breakdown_note=_category_note(breakdown, block) if breakdown else None,
                )
            )
    malformed = any(find_malformed_numbers(c) for cells in skipped.values() for c in cells)
    if not facts and not findings and not malformed:
        return [], []  # no cell is a number: a list of names laid out with tabs
    for header, cells in skipped.items():
        findings.append(
            Finding(
                "skipped-cell",
                f"{block.label or 'table'} {header}: {len(cells)} cells are not quantities "
                f"(e.g. {cells[0]!r})",
                line=block.line,
            )
        )
    findings.extend(check_totals(block, facts, labels))
    return facts, findings


def _implied_unit(indicator: str, value: Decimal, ctx: TableContext) -> str | None:
    """The unit an indicator's wording implies when no header or cell states
    one and the curated scheme does not know it: a whole-number …数/…数量 is a
    count (静态网页数), a …比例 without % is a ratio (静、动态比例 2.58)."""
    if ctx.is_indicator(indicator):
        return None  # the curated canonical unit applies
    if re.search(r"(?:个数|总数|数量|数)$", indicator) and value == value.to_integral_value():
        return "count"
    if re.search(r"(?:比例|比值|之比)$", indicator):
        return "ratio"
    return None


def _caption_period(block: Block) -> Period | None:
    if not block.caption or _RANGE_RE.search(block.caption):
        return None
    found = find_periods(block.caption)
    return found[0] if len(found) == 1 else None


def check_totals(block: Block, facts: list[ObservationFact], labels: list[str]) -> list[Finding]:
    """Rows must sum to the 合计/总计 row, column by column, within rounding.

    The tolerance is half a unit of the last decimal place shown, times the
    number of rows summed (each cell may be rounded by that much); sub-rows
    (其中…, 占…) are not summed.

    :return: one ``sum-mismatch`` finding per column that does not add up.
    """
    totals = [f for f in facts if f.row_header and _clean_label(f.row_header) in TOTAL_LABELS]
    findings = []
    for total in totals:
        parts = [
            f
            for f in facts
            if f.column_header == total.column_header
            and f is not total
            and f.row_header
            and _clean_label(f.row_header) not in TOTAL_LABELS
            and not _SUB_ITEM_RE.match(_clean_label(f.row_header))
            and not _clean_label(f.row_header).startswith("占")
            and f.indicator != total.indicator + "增长率"
            and f.derivation is None
        ]
        if len(parts) < 2 or total.derivation is not None:
            continue
        header = total.column_header or ""
        if total.unit != "percent" and _NOT_SUMMED_RE.search(header + total.indicator):
            continue
        if total.unit == "percent" and total.value != 100:
            continue  # shares sum to 100; other percentages are not summed
        decimals = max(_decimals(f.value_text) for f in [*parts, total])
        scale = total.value / _number(total.value_text) if _number(total.value_text) else Decimal(1)
        tolerance = Decimal(5) * Decimal(10) ** (-decimals - 1) * len(parts) * scale
        got = sum((f.value for f in parts), Decimal(0))
        if abs(got - total.value) > tolerance:
            findings.append(
                Finding(
                    "sum-mismatch",
                    f"{block.label or 'table'} column {total.column_header or '?'}: rows sum to "
                    f"{got.normalize():f}, the {_clean_label(total.row_header or '')} row says "
                    f"{total.value.normalize():f}",
                    line=block.line,
                )
            )
    return findings


def _decimals(text: str) -> int:
    m = re.search(r"\.(\d+)", text)
    return len(m.group(1)) if m else 0


def _number(text: str) -> Decimal:
    digits = re.sub(r"[^\d.\-]", "", text)
    try:
        return Decimal(digits)
    except ArithmeticError:
        return Decimal(0)
