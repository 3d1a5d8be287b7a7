"""Web pages: the seeds as a government site would publish them, and the parts
of a page that are not the document."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from cikg.errors import InputError
from cikg.iris import IriMinter
from cikg.load import load_document
from cikg.load.html import html_to_lines
from cikg.pipeline import build
from cikg.records import BlockKind
from cikg.store import open_store, query

from .conftest import SEED_FILES
from .html_pages import render_page

_OBSERVATIONS = """
SELECT ?file ?label ?value ?period ?area ?source WHERE {
  ?obs a qb:Observation ; qb:dataSet/dcterms:source ?report ; cikg:indicator ?ind ;
       sdmx-measure:obsValue ?value ; sdmx-dimension:refPeriod ?period ;
       sdmx-dimension:refArea ?area ; prov:wasDerivedFrom ?evidence .
  ?evidence a ?source FILTER(?source IN (cikg:Passage, cikg:Table))
  ?report cikg:sourceFile ?file .
  ?ind skos:prefLabel ?label FILTER(lang(?label) = "zh")
}"""


def _figures(store) -> Counter:  # type: ignore[no-untyped-def,type-arg]
    return Counter(
        (
            Path(r["file"].value).stem,
            r["label"].value,
            r["value"].value,
            r["period"].value,
            r["area"].value,
            r["source"].value,
        )
        for r in query(store, _OBSERVATIONS)
    )


@pytest.fixture(scope="module")
def page_store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The five seeds rendered as web pages and built into a store."""
    pages = tmp_path_factory.mktemp("pages")
    for path in SEED_FILES.values():
        (pages / f"{path.stem}.html").write_text(render_page(load_document(path)), encoding="utf-8")
    target = tmp_path_factory.mktemp("page-store") / "store"
    build([pages], target, minter=IriMinter())
    return open_store(target, read_only=True)


def test_a_seed_as_a_web_page_gives_the_same_figures_as_its_text(store, page_store):
    """Every figure read from prose and tables, with its label, value, period
    and area, is the same whether the seed is read as text or as its web page
    (navigation, breadcrumb, share bar, footer and scripts around it)."""
    text, page = _figures(store), _figures(page_store)
    assert sum(text.values()) > 2000
    assert page == text


_POLICIES = """
SELECT ?file ?title ?issuer ?number ?type WHERE {
  ?policy a cikg:Policy ; dcterms:title ?title ; cikg:mentionedIn/prov:wasQuotedFrom ?report .
  ?report cikg:sourceFile ?file .
  OPTIONAL { ?policy eli:passed_by ?issuer } OPTIONAL { ?policy eli:id_local ?number }
  OPTIONAL { ?policy eli:type_document ?type }
}"""

_CITATIONS = """
SELECT ?file ?text ?publisher ?url ?date ?kind ?section WHERE {
  ?citation a cikg:Citation ; cikg:text ?text ; dcterms:isPartOf ?report .
  ?report cikg:sourceFile ?file .
  OPTIONAL { ?citation dcterms:publisher ?publisher } OPTIONAL { ?citation schema:url ?url }
  OPTIONAL { ?citation dcterms:date ?date }
  OPTIONAL {
    ?citation cito:hasCitingEntity ?citing . ?citing a ?kind FILTER(?kind IN (cikg:Passage, cikg:Table))
    OPTIONAL { ?citing cikg:section ?section }
  }
}"""


def _rows(store, sparql: str) -> set[tuple[str | None, ...]]:  # type: ignore[no-untyped-def]
    """Each result row as a tuple, the file name by its stem (``.txt`` and
    ``.html`` of one seed compare equal)."""
    out = set()
    for r in query(store, sparql):
        values = [term.value if term is not None else None for term in r]
        values[0] = Path(values[0]).stem
        out.add(tuple(values))
    return out


def _policies(store) -> set[tuple[str | None, ...]]:  # type: ignore[no-untyped-def]
    return _rows(store, _POLICIES)


def _citations(store) -> set[tuple[str | None, ...]]:  # type: ignore[no-untyped-def]
    return _rows(store, _CITATIONS)


def test_a_seed_as_a_web_page_gives_the_same_policies(store, page_store):
    """Every policy (title, issuers, 发文字号, type) of every seed is the same
    from its web page as from its text."""
    text = _policies(store)
    assert len({r[:2] for r in text}) > 50
    assert _policies(page_store) == text


def test_a_seed_as_a_web_page_gives_the_same_citations(store, page_store):
    """Every citation (its text, publisher, URL, date, and the kind and
    section of each passage or table citing it) is the same from the web
    pages as from the text."""
    text = _citations(store)
    assert len({r[:2] for r in text}) > 50
    assert _citations(page_store) == text


def test_the_reports_keep_their_identity(store, page_store):
    q = "SELECT ?r ?title WHERE { ?r a cikg:Report ; dcterms:title ?title }"
    assert {(r["r"].value, r["title"].value) for r in query(page_store, q)} == {
        (r["r"].value, r["title"].value) for r in query(store, q)
    }


_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>我国网民规模达11.08亿人_示例政务网</title>
<meta property="article:published_time" content="2025-01-17T10:00:00+08:00">
<script>var tracker = "网民规模达 99 亿人";</script></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/zhengce/">政策</a> | <a href="/shuju/">数据</a></div>
<div class="article"><h1>我国网民规模达11.08亿人</h1>
<p>截至 2024 年 12 月，我国网民规模达 11.08 亿人，较 2023 年 12 月增长 1608 万人，互联网普及率达 78.6%<sup>1</sup>。</p>
<p>分地区看，东部地区网民增长最快，中西部地区网民规模稳步扩大，农村地区互联网普及率持续提升。</p>
<table><caption>表 1 网民规模和互联网普及率</caption>
<tr><th rowspan="2">指标</th><th colspan="2">2024 年 12 月</th></tr>
<tr><th>数量</th><th>较上年增长</th></tr>
<tr><td>网民规模（万人）</td><td>110800</td><td>1608</td></tr></table>
<p><sup>1</sup> 来源：工业和信息化部，<a href="https://www.miit.gov.cn/gxsj/">工信部网站</a>，2024 年 12 月 23 日。</p>
</div><div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="footer">版权所有 示例政务网 京ICP备00000000号</div></body></html>"""


def test_a_news_page_is_an_article_with_its_date_tables_and_footnotes(tmp_path):
    path = tmp_path / "news.html"
    path.write_text(_PAGE, encoding="utf-8")
    doc = load_document(path)
    assert doc.front_matter is not None
    assert (doc.front_matter.title, doc.front_matter.date, doc.front_matter.source) == (
        "我国网民规模达11.08亿人",
        "2025-01-17",
        "示例政务网",  # the site's name after the title in <title>
    )
    text = "\n".join(b.text for b in doc.blocks)
    assert "首页" not in text and "ICP" not in text and "99 亿人" not in text  # around it
    (table,) = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert table.label == "表 1"
    assert table.rows[:3] == (
        ("指标", "2024 年 12 月", "2024 年 12 月"),  # a spanning cell in each column it spans
        ("指标", "数量", "较上年增长"),
        ("网民规模（万人）", "110800", "1608"),
    )
    (note,) = [b for b in doc.blocks if b.kind is BlockKind.FOOTNOTE]
    assert note.marker == "1"
    assert "<https://www.miit.gov.cn/gxsj/>" in note.text  # the link's address is kept


def test_a_news_pages_byline_is_its_metadata_not_its_text(tmp_path):
    """来源：… 发布时间：… under the headline names the article's source (before
    the site's name in <title>); it is no 来源 note the text cites."""
    path = tmp_path / "news.html"
    path.write_text(
        _PAGE.replace(
            "<h1>我国网民规模达11.08亿人</h1>",
            "<h1>我国网民规模达11.08亿人</h1>"
            '<div class="info">来源：工业和信息化部　发布时间：2025-01-17 10:00　'
            "【字号：大 中 小】</div>",
        ),
        encoding="utf-8",
    )
    doc = load_document(path)
    assert doc.front_matter is not None
    assert (doc.front_matter.source, doc.front_matter.date) == ("工业和信息化部", "2025-01-17")
    assert not any("发布时间" in b.text for b in doc.blocks)
    assert not [b for b in doc.blocks if b.kind is BlockKind.NOTE]
    assert doc.blocks[0].text.startswith("截至 2024 年 12 月")


def test_lines_of_lists_headings_and_links():
    lines = html_to_lines(
        "<h2>一、基础资源</h2><h3>（一）IP 地址</h3><ul><li>IPv6 地址 69148 块/32</li></ul>"
        '<p>详见<a href="https://www.cnnic.net.cn/">https://www.cnnic.net.cn/</a>。</p>'
    )
    assert [line for line in lines if line] == [
        "# 一、基础资源",
        "## （一）IP 地址",
        "- IPv6 地址 69148 块/32",
        "详见https://www.cnnic.net.cn/。",  # a link that is its own address once
    ]


def test_a_page_with_no_main_text_is_an_error_naming_it(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>首页</title><script>var a = 1;</script></head><body></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"empty\.html"):
        load_document(path)
