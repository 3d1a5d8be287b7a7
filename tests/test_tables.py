"""Tables read into observation facts, on the seeds and on tables a user brings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cikg.extract.document import document_to_facts, reference_date
from cikg.extract.quantities import UnitTable
from cikg.extract.tables import TableContext, check_totals, table_to_facts
from cikg.load.text import lines_to_blocks
from cikg.records import BlockKind

MONTH = "http://reference.data.gov.uk/id/month/"


@pytest.fixture(scope="module")
def units(reference) -> UnitTable:
    return UnitTable.from_quads(reference.reference_quads)


@pytest.fixture(scope="module")
def facts001(docs, reference, units, segmenter):
    return document_to_facts(docs["001"], reference, units, segmenter)


def _table_facts(docs, key, label, extraction):
    doc = docs[key]
    return [f for f in extraction.facts if doc.blocks[f.block].label == label]


def _ctx(reference, units):
    return TableContext(
        units=units,
        is_region=lambda s: reference.region(s) is not None,
        derivation_in=reference.derivation_in,
        is_indicator=lambda s: reference.indicator(s) is not None,
        default_period=None,
        footnotes={},
    )


def test_application_rows_by_period_and_measure_columns(docs, facts001):
    """001 表 5: application rows × (period × measure) pairs, units in the header."""
    facts = _table_facts(docs, "001", "表 5", facts001)
    assert len(facts) == 16 * 5
    im = {(f.indicator, f.period.iri): f for f in facts if f.row_header == "即时通信"}
    users = im[("即时通信用户规模", MONTH + "2024-12")]
    assert users.value == Decimal("1081330000") and users.unit == "person"
    assert users.value_text == "108,133"
    assert users.column_header == "2024.12 用户规模 (万人)"
    rate = im[("即时通信网民使用率", MONTH + "2023-12")]
    assert rate.value == Decimal("97.0") and rate.unit == "percent"
    assert rate.derivation == "share-of-internet-users"
    growth = next(f for f in facts if f.row_header == "短视频" and f.derivation == "growth-rate")
    assert growth.value == Decimal("-1.3") and growth.period.iri == MONTH + "2024-12"
    assert growth.base_indicator == "短视频用户规模"
    # the continuation after the page break is read too
    assert any(f.row_header == "网络音频" for f in facts)


def test_province_rows_by_period_columns_with_source(docs, facts001):
    """001 表 6: province rows × period columns; 合计 is national; 来源 names the compiler."""
    facts = _table_facts(docs, "001", "表 6", facts001)
    assert len(facts) == 33 * 2
    beijing = {f.period.iri: f for f in facts if f.area == "北京"}
    assert beijing[MONTH + "2023-12"].value == 75 and beijing[MONTH + "2024-12"].value == 73
    assert {f.indicator for f in facts} == {"政府网站数量"}
    assert all(f.compiling_orgs == ("开普云",) for f in facts)
    total = [f for f in facts if f.row_header == "合计"]
    assert [f.area for f in total] == [None, None] and total[1].value == 13037
    assert any(f.area == "新疆生产建设兵团" for f in facts)


def test_unit_column_footnote_period_and_note_period(docs, facts001):
    """001 表 1: a 单位 column (亿, 块/32); footnote ¹¹ moves a row to 2024-11."""
    facts = {f.row_header: f for f in _table_facts(docs, "001", "表 1", facts001)}
    active = facts["IPv6 活跃用户数 ¹¹"]
    assert active.value == Decimal("822000000") and active.period.iri == MONTH + "2024-11"
    assert active.period.time_per_collect == "EndOfPeriod"
    assert facts["IPv6"].unit == "block_32" and facts["IPv6"].period.iri == MONTH + "2024-12"
    ports = facts["互联网宽带接入端口 ¹²"]
    assert ports.value == Decimal("1199000000") and ports.period.iri == MONTH + "2024-11"


def test_region_rows_with_two_row_header_and_other(docs, facts001):
    """001 附表 6: two-row header; 其他 kept as a category, not a region."""
    facts = _table_facts(docs, "001", "附表 6", facts001)
    gd = {f.indicator: f.value for f in facts if f.area == "广东"}
    assert gd == {"域名数量": 5867925, "“.CN”域名数量": 3811083, "“.中国”域名数量": 12709}
    other = [f for f in facts if f.row_header == "其他"]
    assert other and all(f.area is None and f.breakdown == "其他" for f in other)
    # its meaning comes from the table's notes
    assert other[0].breakdown_note == (
        "其他是指中国内地（大陆）以外的国家或者地区，以及无法判定注册者所在地的域名；"
    )


def test_region_names_in_rows_and_captions(docs, reference, units, segmenter):
    extraction = document_to_facts(docs["004"], reference, units, segmenter)
    mainland = [f for f in extraction.facts if docs["004"].blocks[f.block].label == "附表 2"]
    assert mainland and all(f.area == "大陆地区" for f in mainland)  # from the caption
    assert reference.region("大陆地区") == reference.region("中国内地（大陆）")
    ipv4 = [f for f in extraction.facts if docs["004"].blocks[f.block].label == "附表 1"]
    assert {f.area for f in ipv4} == {"中国大陆", "中国台湾", "中国香港", "中国澳门"}


def test_the_same_indicator_across_reports(docs, reference, units, segmenter):
    """即时通信用户规模 in 001 表 5 and 004 表 3 is one curated concept."""
    periods = set()
    for key, label in (("001", "表 5"), ("004", "表 3")):
        extraction = document_to_facts(docs[key], reference, units, segmenter)
        for f in _table_facts(docs, key, label, extraction):
            if reference.indicator(f.indicator) == reference.indicator("即时通信用户规模"):
                periods.add(f.period.iri.rsplit("/", 1)[-1])
    assert periods == {"2020-03", "2020-06", "2023-12", "2024-12"}


def test_reference_date_from_the_report_itself(docs):
    assert reference_date(docs["001"]).iri == MONTH + "2024-12"
    assert reference_date(docs["004"]).iri == MONTH + "2020-06"  # 2020 年 6 月 30 日, as a month
    assert reference_date(docs["003"]) is None


def test_cells_that_are_not_quantities_are_findings(facts001):
    skipped = [f for f in facts001.findings if f.kind == "skipped-cell"]
    assert {f.line for f in skipped} == {1131, 1139}  # the 折合数 columns of 附表 1 and 2
    assert all("折合数" in f.message for f in skipped)


def _block(text: str):
    lines = text.split("\n")
    (block,) = [b for b in lines_to_blocks(lines, 0, set()) if b.kind is BlockKind.TABLE]
    return block


def test_a_table_nobody_has_seen(reference, units):
    """A user's table: indicator rows, a 单位 column, two period columns,
    a growth column, a 合计 row that does not add up."""
    block = _block(
        "表 3 2024.6-2024.12 某省数字基础设施\n"
        "指标\t单位\t2024 年 6 月\t2024 年 12 月\t增长率 (%)\n"
        "5G 基站\t万个\t3.1\t3.5\t12.9\n"
        "数据中心\t个\t40\t44\t10.0\n"
        "合计\t个\t31040\t35045\t--\n"
        "来源：某省通信管理局"
    )
    facts, findings = table_to_facts(block, 0, _ctx(reference, units))
    station = {f.period.iri: f for f in facts if f.row_header == "5G 基站" and not f.derivation}
    assert station[MONTH + "2024-06"].value == 31000 and station[MONTH + "2024-06"].unit == "count"
    growth = next(f for f in facts if f.row_header == "数据中心" and f.derivation)
    assert growth.value == Decimal("10.0") and growth.period.iri == MONTH + "2024-12"
    assert all(f.compiling_orgs == ("某省通信管理局",) for f in facts)
    mismatch = [f for f in findings if f.kind == "sum-mismatch"]
    assert len(mismatch) == 1 and "35044" in mismatch[0].message and "35045" in mismatch[0].message


def test_a_table_without_any_period_is_a_finding(reference, units):
    block = _block("表 9 分地区 IPv4 比例\n地区\t比例\n北京\t50%\n上海\t50%")
    facts, findings = table_to_facts(block, 0, _ctx(reference, units))
    assert facts == [] and [f.kind for f in findings] == ["no-period", "no-period"]


def test_totals_within_rounding_are_accepted(reference, units):
    block = _block(
        "表 9 2024.12 分地区 IPv4 比例\n地区\t比例\n北京\t33.33%\n上海\t33.33%\n广东\t33.33%\n合计\t100.00%"
    )
    facts, findings = table_to_facts(block, 0, _ctx(reference, units))
    assert len(facts) == 4 and not findings
    assert check_totals(block, facts, ["北京", "上海", "广东", "合计"]) == []


def test_a_place_in_a_companys_name_stays_in_a_source_note(store):
    """The 55th report's web-page tables cite 百度在线网络技术（北京）有限公司: the
    place in brackets is part of the name (Baidu's operating company, curated),
    not an aside to drop (which minted a 百度在线网络技术有限公司 nobody names)."""
    from cikg.store import query

    cited = query(
        store,
        """SELECT (COUNT(?obs) AS ?n) WHERE {
             ?obs sdmx-attribute:compilingOrg <https://w3id.org/cikg/id/org/baidu> }""",
    )
    assert int(next(iter(cited))["n"].value) > 0
    cut = query(store, 'ASK { ?o skos:prefLabel "百度在线网络技术有限公司"@zh }')
    assert not cut
