"""The 24 real news articles of the shared corpus (``corpus/news/``, 2023,
from the CRUD-RAG benchmark; one line of running text each, no headline,
no front matter): each builds, with the title, date, publisher and area
written below by hand from reading the article.

- title: the headline a reprint keeps after 原标题; the corpus gives no
  other, so the file name stands in (and a ``no-title`` finding says so).
- date: the page's timestamp; else the dateline's or the lead's event date,
  its year from what the article looks back on; ``None`` when the text
  gives no year at all (news-04).
- publisher: the dateline's agency, the page header's source or the closing
  来源 line; none when the text names none (本报, a photo credit, an advert).
- area: the region the article is about (``dcterms:spatial``), ``None``
  when it is about several places with no one of them in most mentions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cikg.evaluation import evaluate, read_facts
from cikg.iris import IriMinter
from cikg.load import load_document
from cikg.metadata import document_to_metadata
from cikg.pipeline import Status, build
from cikg.store import open_store, query

from .shared import SHARED

NEWS = SHARED / "corpus" / "news"
GOLD = Path(__file__).parent / "data" / "eval" / "news"

pytestmark = pytest.mark.skipif(
    not NEWS.is_dir(), reason="shared/corpus is not beside the checkout"
)

# (file, headline or None for the file name, issued, publishers, area)
ARTICLES = [
    ("news-01_beijing-digital-economy-5g", None, "2023-07-20", (), "北京"),
    ("news-02_hubei-computing-power", None, "2023-08-11", ("中新社",), "湖北"),
    ("news-03_zhejiang-software-nanhu", None, "2023-07-27", (), "浙江"),
    # 记者 王贝艺8月3日: no year anywhere; 齐鲁壹点 only in the closing advert
    ("news-04_jinan-smart-approval", None, None, (), "济南"),
    # 7月25日晚上 opens the lead; 2023年是…之年 gives the year
    ("news-05_zibo-digital-government", None, "2023-07-25", (), "淄博"),
    ("news-06_shanghai-cross-border-ecommerce", None, "2023-07-19", (), "上海"),
    ("news-07_shanghai-internet-service-platforms", None, "2023-07-21", (), "上海"),  # 本报
    ("news-08_shanghai-data-element-plan", None, "2023-08-15", ("中新网",), "上海"),
    # 中新网上海7月29日电, the year from 2023中国首届国际AI游戏产业大会
    ("news-09_pudong-internet-platform-policy", None, "2023-07-29", ("中新网",), "浦东新区"),
    (
        "news-10_hebei-lixian-ecommerce",
        "河北蠡县今年前7个月电商网络销售额超40亿元",
        "2023-08-07",
        ("中新网",),
        "蠡县",
    ),
    ("news-11_jilin-fuyu-ecommerce", None, "2023-08-02", ("扶余市工业和信息化局",), "扶余市"),
    ("news-12_changsha-ai-computing-platform", None, "2023-08-13", (), "长沙"),
    # 来源：成都日报 in the page header; 四川造 goods are subsidised by Chengdu's rules
    ("news-13_chengdu-cross-border-ecommerce-rules", None, "2023-08-15", ("成都日报",), "成都"),
    # 深圳, 广东梅州, 南京 (and 巴西): pilots in cities across the country
    ("news-14_digital-rmb-meizhou-nanjing", None, "2023-08-09", (), "中国"),
    ("news-15_caict-phone-shipments-jun", None, "2023-08-13", ("IT之家",), "中国"),  # 国内市场
    # 我国 and 全球 (with 美国, 印度 …): two subjects
    ("news-16_caict-internet-investment-q2", None, "2023-07-28", ("IT之家",), None),
    ("news-17_telecom-operators-h1-results", None, "2023-08-11", ("中新社",), "中国"),
    # the three operators' results: no place named
    ("news-18_china-telecom-h1-results", None, "2023-08-08", ("IT之家",), None),
    # 排名全球第二, 全球平均水平, 仅高于/仅次于列支敦士登: the world and Liechtenstein
    # are yardsticks, China the subject: 8 of the 15 other mentions are China's
    ("news-19_itu-broadband-affordability", None, "2023-08-14", ("IT之家",), "中国"),
    # 全国电信用户申诉: the nation, named once and no other place
    (
        "news-20_miit-telecom-service-quality-q2",
        "工信部出手，垃圾短信、不良应用死期到了",
        "2023-08-08",
        (),
        "中国",
    ),
    # 新华社 and the timestamp in the page header
    ("news-21_digital-economy-conference-shantou", None, "2023-08-17", ("新华社",), "中国"),
    # 07-26 08:42 (no year): 截至2023年6月 gives it; cities across the country
    ("news-22_ride-hailing-market", None, "2023-07-26", (), "中国"),
    (
        "news-23_beijing-internet-court-cyberviolence",
        "北京互联网法院：近五年审结涉网络暴力案件465件 微博大V“挂人”泄愤被判侵权",
        "2023-08-03",
        ("北京商报",),
        "北京",
    ),
    (
        "news-24_ccid-digital-service-enterprises",
        None,
        "2023-08-04",
        ("中国经济导报", "中国发展网"),  # 中国经济导报、中国发展网讯
        "中国",
    ),
]


@pytest.mark.parametrize(("name", "title", "issued", "publishers", "area"), ARTICLES)
def test_a_news_article_says_what_it_is(reference, name, title, issued, publishers, area):
    meta = document_to_metadata(load_document(NEWS / f"{name}.txt"), reference, IriMinter())
    assert meta.is_article
    assert meta.title == (title or name)
    assert [f.kind for f in meta.findings] == ([] if title else ["no-title"])
    assert (meta.issued.isoformat() if meta.issued else None) == issued
    assert meta.publishers == publishers
    assert meta.scope == area


def test_all_24_articles_build(tmp_path):
    """Each article is a report graph with its title, and its date where it has one."""
    assert len(ARTICLES) == len(list(NEWS.glob("news-*.txt"))) == 24
    files = sorted(NEWS.glob("news-*.txt"))  # README.md beside them is no article
    results = build(files, tmp_path / "store", minter=IriMinter()).results
    assert [r.status for r in results] == [Status.BUILT] * 24
    store = open_store(tmp_path / "store", read_only=True)
    rows = query(
        store,
        "SELECT ?file ?title ?issued WHERE { ?r a cikg:Report ; cikg:sourceFile ?file ;"
        " dcterms:title ?title OPTIONAL { ?r dcterms:issued ?issued } }",
    )
    found = {r["file"].value: (r["title"].value, r["issued"] and r["issued"].value) for r in rows}
    assert found == {
        f"{name}.txt": (title or name, issued)
        for name, title, issued, _, _ in (getattr(a, "values", a) for a in ARTICLES)
    }


def test_a_unit_named_after_its_body_belongs_to_it(tmp_path):
    """news-03 names 浙江工业大学计算机学院: the school, minted, is
    ``org:subOrganizationOf`` the university, and the passage that names the
    school mentions the university too."""
    build([NEWS / "news-03_zhejiang-software-nanhu.txt"], tmp_path / "store", minter=IriMinter())
    store = open_store(tmp_path / "store", read_only=True)
    rows = query(
        store,
        """SELECT ?unit ?parent WHERE {
             ?u org:subOrganizationOf ?p ; skos:prefLabel ?unit . ?p skos:prefLabel ?parent .
             ?passage schema:mentions ?u , ?p }""",
    )
    assert {(r["unit"].value, r["parent"].value) for r in rows} == {
        ("浙江工业大学计算机学院", "浙江工业大学")
    }


def test_a_share_written_as_a_fraction_is_found_as_the_gold_ratio(tmp_path, reference):
    """news-09: 总营收 1300 亿元左右，约占上海全市 1/4 is a share of 25 % (approximately);
    the hand-checked fact writes it as the ratio 0.25 (unit ``other:ratio``), and
    ``cikg evaluate`` finds one as the other."""
    build(
        [NEWS / "news-09_pudong-internet-platform-policy.txt"], tmp_path / "s", minter=IriMinter()
    )
    store = open_store(tmp_path / "s", read_only=True)
    rows = query(
        store,
        """SELECT ?v ?q WHERE { ?o cikg:valueText ?t ; sdmx-measure:obsValue ?v ;
             cikg:valueQualifier/skos:notation ?q FILTER(CONTAINS(?t, "1/4")) }""",
    )
    assert [(r["v"].value, r["q"].value) for r in rows] == [("25", "approximately")]
    facts = read_facts([GOLD / "news-09_pudong-internet-platform-policy.jsonl"])
    facts = [f for f in facts if f.get("value_text") == "1/4"]
    (score,) = evaluate(store, facts, reference)
    assert score.loose["observation:text"] == 1
