"""PDF input: a PDF made in the layout of a CNNIC report comes out as its
text does; broken PDFs are clear errors; the real corpus PDFs are read."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cikg.errors import InputError, NeedsOcr
from cikg.extract.citations import footnotes_to_citations
from cikg.extract.document import document_to_facts
from cikg.extract.organisations import default_finder
from cikg.extract.quantities import UnitTable
from cikg.iris import IriMinter
from cikg.load import load_document
from cikg.metadata import document_to_metadata
from cikg.pipeline import Status, build
from cikg.records import BlockKind
from cikg.reference import load_reference
from cikg.store import open_store, query

from .pdf_fixtures import (
    FOOTNOTE,
    NOTE,
    OTHER_HEAD,
    OTHER_ROWS,
    PARAGRAPH,
    TABLE_HEAD,
    TABLE_ROWS,
    cnnic_like_pdf,
    continued_table_pdf,
    encrypted_pdf,
    image_only_pdf,
)
from .shared import SHARED

CORPUS = SHARED / "corpus" / "pdf"


@pytest.fixture(scope="module")
def fixture_pdf(tmp_path_factory):
    return cnnic_like_pdf(tmp_path_factory.mktemp("pdf") / "cnnic-like.pdf")


def test_a_pdf_becomes_the_blocks_of_its_text(fixture_pdf):
    doc = load_document(fixture_pdf)
    kinds = [b.kind for b in doc.blocks]
    assert BlockKind.HEADING in kinds and all(b.page for b in doc.blocks)
    (para,) = [b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH and "网络购物" in b.text]
    assert para.text.replace(" ", "") == (PARAGRAPH + "¹").replace(" ", "")  # lines rejoined
    (note,) = [b for b in doc.blocks if b.kind is BlockKind.FOOTNOTE]
    assert note.marker == "1" and note.text.endswith(FOOTNOTE[-10:])  # small marker, two lines
    (table,) = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert table.label == "表 5" and len(table.rows) == 1 + len(TABLE_ROWS)  # stitched over a page
    assert [r[0] for r in table.rows[1:]] == [r[0] for r in TABLE_ROWS]
    texts = " ".join(b.text for b in doc.blocks)
    assert "第 55 次中国互联网络发展状况统计报告" not in texts  # running header removed
    assert doc.cover[0][1] == "第55次中国互联网络发展状况统计报告"


def test_the_pdf_gives_the_facts_its_text_gives(fixture_pdf, reference, segmenter):
    doc = load_document(fixture_pdf)
    meta = document_to_metadata(doc, reference, IriMinter())
    assert meta.slug == "cnnic-55" and meta.issued.isoformat() == "2025-01"
    facts = document_to_facts(
        doc, reference, UnitTable.from_quads(reference.reference_quads), segmenter
    )
    table = {(f.indicator, f.period.iri[-7:]): f.value for f in facts.facts if f.row_header}
    assert len(table) == len(TABLE_ROWS) * 5
    assert table[("即时通信用户规模", "2024-12")] == 1081330000
    prose = {f.indicator: f for f in facts.facts if not f.row_header}
    assert prose["网络购物用户规模"].value == 974000000
    assert prose["网络购物网民使用率"].value == Decimal("87.9")
    share = next(f for f in facts.facts if "移动基站总数" in f.indicator)
    assert share.citations == ("1",) and share.compiling_orgs == ("工业和信息化部",)


def test_a_table_continued_without_its_header_is_one_table(tmp_path, reference, segmenter):
    """表 5's last three rows open page 3 with no header repeated, after a 注
    line under the first part: the same six columns at the same x-positions
    make them rows of 表 5, so 网络支付 is data, not the header of a new table
    (it was: a table of its own whose header was 网络支付's row)."""
    doc = load_document(continued_table_pdf(tmp_path / "continued.pdf"))
    (table,) = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert (table.label, table.page, table.header_rows, table.notes) == ("表 5", 2, 1, (NOTE,))
    assert [r[0] for r in table.rows[1:]] == [r[0] for r in TABLE_ROWS]
    facts = document_to_facts(
        doc, reference, UnitTable.from_quads(reference.reference_quads), segmenter
    ).facts
    cells = {(f.indicator, f.period.iri[-7:]): f.value for f in facts if f.row_header}
    assert len(cells) == len(TABLE_ROWS) * 5
    assert cells[("网络支付用户规模", "2024-12")] == 1028910000


def test_a_table_of_other_columns_opening_a_page_is_a_table_of_its_own(tmp_path):
    """Caption-less rows of three columns right after 表 5's six-column rows
    are another table, its first row its header."""
    doc = load_document(continued_table_pdf(tmp_path / "other.pdf", other_columns=True))
    first, second = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert (first.label, len(first.rows)) == ("表 5", 4)
    head = tuple("".join(h.split()) for h in OTHER_HEAD)
    assert (second.page, second.rows, second.header_rows) == (3, (head, *map(tuple, OTHER_ROWS)), 1)


def test_broken_pdfs_are_clear_errors(tmp_path, fixture_pdf):
    with pytest.raises(NeedsOcr, match="needs OCR; build it with --ocr"):
        load_document(image_only_pdf(tmp_path / "scan.pdf"))
    with pytest.raises(InputError, match="encrypted"):
        load_document(encrypted_pdf(tmp_path / "locked.pdf"))
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(fixture_pdf.read_bytes()[:2000])
    with pytest.raises(InputError, match=r"cut\.pdf"):
        load_document(cut)


def test_a_failed_pdf_leaves_the_store_as_it_was(tmp_path, fixture_pdf):
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / "report.pdf"
    good.write_bytes(fixture_pdf.read_bytes())
    store = tmp_path / "store"
    first = build([folder], store).results[0]
    assert first.status is Status.BUILT
    s = open_store(store, read_only=True)
    pages = {r["p"].value for r in query(s, "SELECT DISTINCT ?p WHERE { ?x cikg:page ?p }")}
    assert pages == {"2", "3"}
    before = len(s)
    del s
    good.write_bytes(fixture_pdf.read_bytes()[:3000])  # the same file, now truncated
    again = build([folder], store).results[0]
    assert again.status is Status.FAILED and "report.pdf" in again.message
    assert len(open_store(store, read_only=True)) == before


@pytest.fixture(scope="module")
def corpus_docs():
    """The three corpus PDFs, loaded once."""
    return {
        name: load_document(CORPUS / name) for name in sorted(p.name for p in CORPUS.glob("*.pdf"))
    }


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared/corpus is not beside the checkout")
@pytest.mark.parametrize(
    ("name", "slug", "title", "publishers", "issued", "notes", "cited", "closed"),
    [
        (  # the cover names no publisher: the series' (国家互联网信息办公室) is the
            # report's; notes ¹ 包含港澳台地区, ² 注：港澳台地区未纳入统计 cite nothing
            "cac_digital_china_2021.pdf",
            "digital-china-2021",
            "数字中国发展报告（2021年）",
            (),
            "2022-07",
            ["1", "2"],
            [],
            0.85,
        ),
        (  # ¹⁰ IDC与浪潮联合发布的《…》, ¹¹ 罗兰贝格与华为联合发布的《…》; the others define
            "caict_compute_index_2021.pdf",
            "report-5c573910",
            "中国算力发展指数白皮书",
            ("中国信息通信研究院",),
            "2021-09",
            [str(n) for n in range(1, 15)],
            ["10", "11"],
            0.6,  # its charts' labels are read as short paragraphs (chart-text findings)
        ),
        (  # ⁴ 数据来源基于天眼查企业数据库…; the others say what is left out
            "caict_digital_economy_2022.pdf",
            "caict-digital-economy-2022",
            "中国数字经济发展报告(2022年)",
            ("中国信息通信研究院",),
            "2022-07",
            ["1", "2", "3", "4", "5"],
            ["4"],
            0.85,
        ),
    ],
)
def test_real_reports_metadata_from_their_first_pages(
    reference, corpus_docs, name, slug, title, publishers, issued, notes, cited, closed
):
    """Title alone, publisher and date from the cover; every footnote at a
    page bottom found (numbers raised, or set in the note's own size), and
    those that cite a source are citations."""
    doc = corpus_docs[name]
    meta = document_to_metadata(doc, reference, IriMinter())
    assert (meta.slug, meta.title, meta.publishers, meta.issued.isoformat()) == (
        slug,
        title,
        publishers,
        issued,
    )
    paragraphs = [b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert len(paragraphs) > 100 and all(b.page for b in doc.blocks)
    ended = sum(1 for p in paragraphs if p.text.rstrip().endswith(("。", "：", "；", "”")))
    assert ended / len(paragraphs) > closed  # sentences broken by a page are rejoined
    assert [b.marker for b in doc.blocks if b.kind is BlockKind.FOOTNOTE] == notes
    citations = footnotes_to_citations(doc.blocks, default_finder(reference))
    assert [c.marker for c in citations] == cited


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared/corpus is not beside the checkout")
def test_the_corpus_table_broken_over_a_page_is_one_table(corpus_docs):
    """The corpus's one table broken over a page (数字中国发展报告 表 1, pages
    53-54, header not repeated, three columns at x = 85, 148, 272 on both)
    is one table of 26 rows under its header; no table of the three PDFs
    has a data row for a header."""
    tables = {
        name: [b for b in doc.blocks if b.kind is BlockKind.TABLE]
        for name, doc in corpus_docs.items()
    }
    (table,) = tables["cac_digital_china_2021.pdf"]
    assert (table.label, table.page, len(table.rows), table.header_rows) == ("表 1", 53, 27, 1)
    assert table.rows[0] == ("一级指标", "二级指标", "重点评估要素")
    assert ("数字社会", "教育服务") in {r[:2] for r in table.rows}  # page 54's first row
    assert [len(t) for t in tables.values()] == [1, 1, 0]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared/corpus is not beside the checkout")
def test_a_cover_title_that_is_also_the_running_header():
    """CAICT's 中国算力发展指数白皮书 prints its title and publisher at the top of
    every page: they stay on the cover, and the 版权声明 page after it is no
    title (it was, while the running-header rule blanked the cover)."""
    doc = load_document(CORPUS / "caict_compute_index_2021.pdf")
    meta = document_to_metadata(doc, load_reference(), IriMinter())
    assert (meta.title, meta.issued.isoformat(), meta.publishers) == (
        "中国算力发展指数白皮书",
        "2021-09",
        ("中国信息通信研究院",),
    )


def test_what_the_pdf_path_loses_against_the_same_text(tmp_path, fixture_pdf, reference, segmenter):
    """The fixture written as a text report gives the same facts as its PDF."""
    head = "\t".join(h.replace("\n", " ") for h in TABLE_HEAD)
    rows = "\n".join("\t".join(r) for r in TABLE_ROWS)
    text = (
        "\n第55次中国互联网络发展状况统计报告\n\n中国互联网络信息中心\n\n2025 年 1 月\n\n"
        "第三章 互联网应用发展状况\n\n"
        f"{PARAGRAPH}¹\n\n表 5 2023.12-2024.12 各类互联网应用用户规模\n\n{head}\n{rows}\n\n"
        f"¹ {FOOTNOTE}\n\n以上数据统计截止日期为2024年12月。\n"
    )
    as_text = tmp_path / "same.txt"
    as_text.write_text(text, encoding="utf-8")
    units = UnitTable.from_quads(reference.reference_quads)

    def facts(path):
        found = document_to_facts(load_document(path), reference, units, segmenter).facts
        return {(f.indicator, f.value, f.period.iri) for f in found}

    from_pdf, from_text = facts(fixture_pdf), facts(as_text)
    assert from_text and from_pdf == from_text  # nothing lost on this layout


def test_running_headers_go_but_the_cover_keeps_its_title():
    """A running header (the report's title and publisher on every page) is
    blanked on the pages after the cover, not on the cover itself."""
    from cikg.load.pdf import _drop_running_lines

    lines = ["中国算力发展指数白皮书", "中国信息通信研究院", "2021年9月"]
    pages = [1, 1, 1]
    for page in (2, 3, 4):
        lines += ["中国算力发展指数白皮书", f"正文第 {page} 页的一段话。", "中国信息通信研究院"]
        pages += [page] * 3
    kept = _drop_running_lines(lines, pages)
    assert kept[:3] == lines[:3]
    assert [line for line in kept[3:] if line] == [f"正文第 {p} 页的一段话。" for p in (2, 3, 4)]
