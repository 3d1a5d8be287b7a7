"""The text loader on the real seeds: blocks, tables, footnotes, furniture."""

from __future__ import annotations

import pytest

from cikg.errors import InputError
from cikg.load.text import (
    bytes_to_lines,
    find_boilerplate,
    join_lines,
    lines_to_blocks,
    load_text,
)
from cikg.records import BlockKind, Document

from .conftest import SEED_FILES


def _kind(doc: Document, kind: BlockKind):
    return [b for b in doc.blocks if b.kind is kind]


def _table(doc: Document, label: str):
    (table,) = [b for b in _kind(doc, BlockKind.TABLE) if b.label == label]
    return table


@pytest.mark.parametrize(
    ("key", "footnotes", "figures"),
    [("000", 0, 0), ("001", 101, 42), ("002", 0, 0), ("003", 80, 23), ("004", 151, 73)],
)
def test_every_footnote_and_figure_caption_is_found_once(docs, key, footnotes, figures):
    doc = docs[key]
    markers = [int(b.marker) for b in _kind(doc, BlockKind.FOOTNOTE)]
    assert markers == list(range(1, footnotes + 1))
    labels = [b.label for b in _kind(doc, BlockKind.CAPTION)]
    assert labels == [f"图 {n}" for n in range(1, figures + 1)]


@pytest.mark.parametrize(
    ("key", "labels"),
    [
        ("001", [f"表 {n}" for n in range(1, 7)] + [f"附表 {n}" for n in range(1, 11)]),
        ("003", []),
        ("004", [f"表 {n}" for n in range(1, 6)] + [f"附表 {n}" for n in range(1, 7)]),
    ],
)
def test_table_captions_per_seed(docs, key, labels):
    found = [b.label for b in _kind(docs[key], BlockKind.TABLE) if b.label]
    assert found == labels


def test_a_table_continued_after_a_page_break_is_one_table(docs):
    doc = docs["001"]
    apps = _table(doc, "表 5")
    assert apps.rows[0][0] == "应用"
    assert [r[0] for r in apps.rows].count("应用") == 1  # the repeated header is dropped
    assert len(apps.rows) == 1 + 16
    assert apps.rows[-1] == ("网络音频", "33,189", "30.4", "33,529", "30.3", "1.0")
    provinces = _table(doc, "表 6")
    assert len(provinces.rows) == 1 + 31 + 1 + 1  # header, provinces, 兵团, 合计
    assert provinces.rows[-1] == ("合计", "13383", "13037")


def test_table_notes_and_two_row_headers(docs):
    doc = docs["001"]
    assert _table(doc, "表 4").notes == ("来源：百度",)
    by_unit = _table(doc, "附表 2")
    assert by_unit.notes[0].startswith("数据来源：亚太互联网络信息中心（APNIC）")
    assert by_unit.notes[-1] == "注5：以上数据统计截止日期为2024年12月。"
    ipv6 = _table(doc, "附表 4")
    # a note wrapped over three lines is one note
    assert any(n.startswith("注 2：") and n.endswith("地址数量；") for n in ipv6.notes)
    assert _table(doc, "附表 6").header_rows == 2
    assert _table(docs["004"], "表 3").header_rows == 2
    assert _table(doc, "表 1").header_rows == 1


def test_wrapped_lines_and_page_breaks_are_joined(docs):
    texts = [b.text for b in _kind(docs["003"], BlockKind.PARAGRAPH)]
    assert any("数字中国发展的根基进一步夯实。" in t for t in texts)
    # a sentence broken by footnotes at a page end continues after them
    assert any("通过开源模式支持低成本打造行业人工智能应用" in t for t in texts)
    # a wrapped line that ends in ； goes on with its sentence, blank lines between
    # (003 lines 1132-1140: the 微短剧 figures are still 截至2024年底's)
    assert any(
        "截至2024年底，网络视听用户规模达10.91亿人" in t and "网络微短剧用户规模达6.62亿人" in t
        for t in texts
    )
    texts001 = [b.text for b in _kind(docs["001"], BlockKind.PARAGRAPH)]
    assert any(
        "较 2023 年 12 月增长1403 万人，网民中使用手机上网的比例达 99.7%" in t for t in texts001
    )


def test_page_furniture_and_web_boilerplate_are_left_out(docs):
    for key, doc in docs.items():
        for block in doc.blocks:
            assert "Statistical Report" not in block.text, key
            assert block.text.replace(" ", "") != "第55次中国互联网络发展状况统计报告", key
            for cue in ("微信扫一扫", "邮发代号", "征订热线", "预览时标签不可点", "mmbiz.qpic.cn"):
                assert cue not in block.text, (key, cue)
    article = docs["000"]
    assert article.front_matter is not None and article.front_matter.source == "中国信息安全"
    assert article.blocks[-1].text == "（来源：CNNIC）"
    assert article.dropped_lines > 50


def test_only_a_heading_repeated_right_after_itself_is_a_copy():
    """A web article repeats its title heading under its cover image: the copy
    is left out. A report in markdown (a web page's or Word file's headings)
    names a section 一、总体发展状况 in two chapters: the second is a section
    of its own (it was dropped as a copy, and chapter 4's text fell under
    chapter 4 itself)."""
    lines = [
        "# 第三章 互联网应用发展状况", "", "## 一、总体发展状况", "", "截至 2024 年 12 月…",
        "", "# 第四章 互联网政务发展状况", "", "## 一、总体发展状况", "", "![](cover.png)",
        "", "## 一、总体发展状况", "", "截至 2024 年 12 月，我国在线政务服务用户规模达 10.04 亿人。",
    ]  # fmt: skip
    assert find_boilerplate(lines, 0, None) == {10, 12}  # the image, the copy under it
    sections = [
        b.section for b in lines_to_blocks(lines, 0, {10, 12}) if b.kind is not BlockKind.HEADING
    ]
    assert sections == ["一、总体发展状况", "一、总体发展状况"]


def test_headings_give_sections(docs):
    doc = docs["001"]
    headings = [(b.level, b.text) for b in _kind(doc, BlockKind.HEADING)]
    assert (1, "第一章 互联网基础资源发展及应用状况") in headings
    assert (2, "三、 商务交易类应用") in headings
    assert (3, "（一）IP 地址") in headings
    assert (4, "1. 网民人均每周上网时长") in headings
    shopping = next(
        b for b in doc.blocks if b.text.startswith("截至 2024 年 12 月，我国网络购物用户规模")
    )
    assert shopping.section == "三、 商务交易类应用"
    toc = _kind(doc, BlockKind.TOC)
    assert len(toc) == 44 and toc[0].text.startswith("核心数据")


def test_a_numbered_run_in_item_is_a_paragraph_not_a_heading(reference, segmenter):
    """CAICT 中国数字经济发展报告（2022年） p. 14 (lines as the PDF gives them):
    4.数据测算方法：… runs into its text; as a heading it cut 中国信息通信研究院
    into 中 | 国信息通信研究院 at the line break."""
    from cikg.extract.organisations import org_finder

    lines = [
        "3.指标数据范围：主要包括基础统计数据和企业样本数据两部",
        "分。其中，基础统计数据主要指计算机、通信和其他电子设备制造",
        "4.数据测算方法：数字经济增加值测算方法由省大数据局与中",
        "国信息通信研究院研究制定，采用收入法进行测算，由中国信息通",
        "信研究院承担全部测算工作，最终结果由省大数据局确认。",
    ]
    blocks = lines_to_blocks(lines, 0, set())
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert blocks[1].text.startswith("4.数据测算方法：数字经济增加值测算方法由省大数据局与中国信息")
    names = {o.name for o in org_finder(reference, segmenter).find(blocks[1].text)}
    assert "中国信息通信研究院" in names and "国信息通信研究院" not in names


@pytest.mark.parametrize("key", sorted(SEED_FILES))
def test_blocks_point_at_their_lines(docs, key):
    lines = SEED_FILES[key].read_text(encoding="utf-8").split("\n")
    for block in docs[key].blocks:
        first = lines[block.line - 1].strip()
        assert first, (key, block.line)
        assert block.line <= block.end_line
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.FOOTNOTE, BlockKind.LIST_ITEM):
            assert block.text.startswith(first), (key, block.line)


def test_cover_lines_are_kept_for_metadata(docs):
    assert [t for _, t in docs["003"].cover if not t.isdigit()] == [
        "数字中国发展报告", "（2024年）", "国家数据局", "2025年5月",
    ]  # fmt: skip


def test_join_lines_keeps_latin_spacing():
    assert join_lines("IPv6 活跃用户数", "达 8.22 亿") == "IPv6 活跃用户数达 8.22 亿"
    assert join_lines("Hugging", "Face") == "Hugging Face"


def test_bad_bytes_name_the_file_and_line(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("第一行\n".encode() + "网民规模".encode("gbk"))
    with pytest.raises(InputError) as err:
        load_text(path)
    assert err.value.line == 2 and "gbk.txt:2" in str(err.value)
    with pytest.raises(InputError, match="NUL"):
        bytes_to_lines(b"abc\x00", path)


def test_unclosed_front_matter_is_an_error(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: x\n\n正文", encoding="utf-8")
    with pytest.raises(InputError, match="never closed"):
        load_text(path)


def test_compatibility_look_alikes_of_han_characters_are_folded(tmp_path):
    """Text copied from a PDF writes 入 and 工 as the Kangxi radicals ⼊ (U+2F0A)
    and ⼯ (U+2F2F) (news-03, 浙江: 杭甬软件业务收⼊): the loaded document holds
    the ideographs, and full-width punctuation stays as written."""
    from cikg.load import load_document

    path = tmp_path / "news.txt"
    path.write_text(
        "杭甬两市软件业务收\u2f0a合计占全省的 95.3%\n\n全市人均\u2f2f资 1.2 万元，同比增长 5%。\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    text = "\n".join(b.text for b in doc.blocks)
    assert "收入" in text and "人均工资" in text
    assert "\u2f0a" not in text and "\u2f2f" not in text
    assert "，" in text and "％" not in text
