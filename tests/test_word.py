"""Word files: the seeds as an office would type them, and Word's own
footnotes and merged cells."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document as new_docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from cikg.errors import InputError
from cikg.iris import IriMinter
from cikg.load import load_document
from cikg.load.word import docx_to_lines
from cikg.pipeline import build
from cikg.records import BlockKind
from cikg.store import open_store

from .conftest import SEED_FILES
from .test_html import _citations, _figures, _policies
from .word_files import write_word

REPORTS = ("001", "003", "004")  # the seeds with a title page (articles have front matter)


@pytest.fixture(scope="module")
def word_store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    files = tmp_path_factory.mktemp("word")
    for key in REPORTS:
        path = SEED_FILES[key]
        write_word(load_document(path), files / f"{path.stem}.docx")
    target = tmp_path_factory.mktemp("word-store") / "store"
    build([files], target, minter=IriMinter())
    return open_store(target, read_only=True)


def test_a_report_as_a_word_file_gives_the_same_figures_as_its_text(store, word_store):
    """Headings in heading styles, superscript footnote markers, tables under
    their caption: every figure of the three reports, with its label, value,
    period and area, is the same as from their text."""
    reports = {SEED_FILES[k].stem for k in REPORTS}
    text = {k: n for k, n in _figures(store).items() if k[0] in reports}
    assert sum(text.values()) > 1500
    assert _figures(word_store) == text


def test_a_report_as_a_word_file_gives_the_same_policies(store, word_store):
    """Every policy (title, issuers, 发文字号, type) of the three reports is
    the same from their Word files as from their text."""
    reports = {SEED_FILES[k].stem for k in REPORTS}
    text = {r for r in _policies(store) if r[0] in reports}
    assert len({r[:2] for r in text}) > 50
    assert _policies(word_store) == text


def test_a_report_as_a_word_file_gives_the_same_citations(store, word_store):
    """Every citation (text, publisher, URL, date, kind and section of what
    cites it) of the three reports is the same from their Word files as
    from their text."""
    reports = {SEED_FILES[k].stem for k in REPORTS}
    text = {r for r in _citations(store) if r[0] in reports}
    assert len({r[:2] for r in text}) > 50
    assert _citations(word_store) == text


_FOOTNOTES = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>来源：工业和信息化部，2024 年 12 月 23 日。</w:t></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


def _with_footnotes(path: Path) -> None:
    """Give a python-docx file a footnotes part (python-docx writes none)."""
    with zipfile.ZipFile(path) as z:
        files = {name: z.read(name) for name in z.namelist()}
    files["word/footnotes.xml"] = _FOOTNOTES.encode("utf-8")
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)


def test_word_footnotes_and_merged_cells(tmp_path):
    doc = new_docx()
    doc.add_heading("一、基础资源", level=2)
    p = doc.add_paragraph("截至 2024 年 12 月，我国网民规模达 11.08 亿人")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>'))
    p.add_run("。")
    doc.add_paragraph("表 1 网民规模")
    table = doc.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "指标"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "2024 年 12 月"
    for c, text in enumerate(("数量", "较上年增长"), start=1):
        table.cell(1, c).text = text
    for c, text in enumerate(("网民规模（万人）", "110800", "1608")):
        table.cell(2, c).text = text
    path = tmp_path / "report.docx"
    doc.save(str(path))
    _with_footnotes(path)

    blocks = load_document(path).blocks
    (heading,) = [b for b in blocks if b.kind is BlockKind.HEADING]
    assert (heading.text, heading.level) == ("一、基础资源", 2)
    (paragraph,) = [b for b in blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraph.text == "截至 2024 年 12 月，我国网民规模达 11.08 亿人¹。"
    (note,) = [b for b in blocks if b.kind is BlockKind.FOOTNOTE]
    assert (note.marker, note.text) == ("1", "¹ 来源：工业和信息化部，2024 年 12 月 23 日。")
    (tab,) = [b for b in blocks if b.kind is BlockKind.TABLE]
    assert tab.rows[:2] == (
        ("指标", "2024 年 12 月", "2024 年 12 月"),  # a merged cell in each cell it covers
        ("指标", "数量", "较上年增长"),
    )


def test_a_line_break_in_a_paragraph_ends_a_line(tmp_path):
    """A figure caption typed with its 来源 line under it after a line break
    (Shift+Enter) is the caption and its note, as in a text file; a line break
    in a heading or a table cell is a space."""
    doc = new_docx()
    doc.add_heading("一、基础\n资源", level=2)
    doc.add_paragraph("图 1 网民规模和互联网普及率\n数据来源：中国互联网络信息中心")
    doc.add_paragraph("截至 2024 年 12 月，我国网民规模达 11.08 亿人。")
    doc.add_paragraph("表 1 网民规模")
    table = doc.add_table(rows=2, cols=2)
    for c, text in enumerate(("指标", "2024 年\n12 月")):
        table.cell(0, c).text = text
    for c, text in enumerate(("网民规模（万人）", "110800")):
        table.cell(1, c).text = text
    path = tmp_path / "report.docx"
    doc.save(str(path))

    blocks = load_document(path).blocks
    assert [(b.kind, b.text) for b in blocks if b.kind is not BlockKind.TABLE] == [
        (BlockKind.HEADING, "一、基础 资源"),
        (BlockKind.CAPTION, "图 1 网民规模和互联网普及率\n数据来源：中国互联网络信息中心"),
        (BlockKind.PARAGRAPH, "截至 2024 年 12 月，我国网民规模达 11.08 亿人。"),
    ]
    assert blocks[1].notes == ("数据来源：中国互联网络信息中心",)
    (tab,) = [b for b in blocks if b.kind is BlockKind.TABLE]
    assert tab.rows[0] == ("指标", "2024 年 12 月")


def test_a_file_that_is_not_word_is_an_error_naming_it(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("这不是 Word 文件", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes\.docx"):
        load_document(path)


def test_merged_cells_read_as_python_docx_gives_them(tmp_path):
    """The loader walks the table's XML itself: a block merged over rows and
    columns, a cell merged down three rows, and a cell of two paragraphs give
    the cells python-docx's ``_Row.cells`` gives."""
    doc = new_docx()
    table = doc.add_table(rows=5, cols=4)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "指标"
    table.cell(0, 1).merge(table.cell(1, 2)).text = "2024 年"
    table.cell(3, 1).merge(table.cell(4, 3)).text = "合计"
    for r, c in [(0, 3), (1, 3), (2, 1), (2, 2), (2, 3), (3, 0), (4, 0)]:
        table.cell(r, c).text = f"{r}.{c}"
    table.cell(3, 0).add_paragraph("万人")
    path = tmp_path / "merged.docx"
    doc.save(str(path))

    expected = [
        "\t".join(" ".join(p.text for p in cell.paragraphs).strip() for cell in row.cells)
        for row in new_docx(str(path)).tables[0].rows
    ]
    assert docx_to_lines(path) == [*expected, ""]
    assert expected[3] == "3.0 万人\t合计\t合计\t合计"
