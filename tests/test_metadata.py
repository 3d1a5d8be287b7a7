"""Report metadata read from each seed itself."""

from __future__ import annotations

import pytest

from cikg.iris import IriMinter
from cikg.metadata import (
    dateline_year,
    document_scope,
    document_to_metadata,
    parse_issued,
    split_report_title,
)
from cikg.records import IssuedDate


@pytest.mark.parametrize(
    ("key", "slug", "title", "publishers", "issued", "edition"),
    [
        (
            "001",
            "cnnic-55",
            "第55次中国互联网络发展状况统计报告",
            ("中国互联网络信息中心",),
            "2025-01",
            55,
        ),
        (
            "004",
            "cnnic-46",
            "第46次中国互联网络发展状况统计报告",
            ("中共中央网络安全和信息化委员会办公室", "中国互联网络信息中心"),
            "2020-09",
            46,
        ),
        (
            "003",
            "digital-china-2024",
            "数字中国发展报告（2024年）",
            ("国家数据局",),
            "2025-05",
            None,
        ),
    ],
)
def test_report_metadata(docs, reference, key, slug, title, publishers, issued, edition):
    meta = document_to_metadata(docs[key], reference, IriMinter())
    assert meta.slug == slug
    assert meta.title == title
    assert meta.publishers == publishers
    assert meta.issued is not None and meta.issued.isoformat() == issued
    assert meta.edition == edition
    assert meta.series is not None and not meta.is_article


@pytest.mark.parametrize(
    ("key", "publisher", "issued", "references"),
    [
        ("000", "中国信息安全", "2024-08-31", ("cnnic-54",)),
        ("002", "中国信息安全", "2024-07-13", ("isc-china-internet-2024",)),
    ],
)
def test_article_metadata(docs, reference, key, publisher, issued, references):
    meta = document_to_metadata(docs[key], reference, IriMinter())
    assert meta.is_article
    assert meta.slug.startswith(f"article-{issued}-")
    assert meta.publishers == (publisher,)
    assert meta.issued is not None and meta.issued.isoformat() == issued
    assert meta.references == references
    assert meta.url and meta.url.startswith("https://mp.weixin.qq.com/")


def test_slugs_are_deterministic_and_distinct(docs, reference):
    first = {k: document_to_metadata(d, reference, IriMinter()).slug for k, d in docs.items()}
    again = {k: document_to_metadata(d, reference, IriMinter()).slug for k, d in docs.items()}
    assert first == again
    assert len(set(first.values())) == len(first)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025 年 1 月", IssuedDate(2025, 1)),
        ("2020年9月", IssuedDate(2020, 9)),
        ("2024-08-31", IssuedDate(2024, 8, 31)),
        ("2024 年 12 月 23 日", IssuedDate(2024, 12, 23)),
        ("2024 年 13 月", None),
        ("上半年", None),
    ],
)
def test_parse_issued(text, expected):
    assert parse_issued(text) == expected


def test_split_report_title():
    assert split_report_title("第 46 次中国互联网络发展状况统计报告") == (
        "中国互联网络发展状况统计报告",
        46,
        None,
    )
    assert split_report_title("中国互联网发展报告（2024）") == ("中国互联网发展报告", None, 2024)


# Bodies shaped like the shared news articles: what counts is which regions
# they name and how often, and that 全国 is a yardstick, not a subject.
_BEIJING = (
    "2023中国互联网大会在京举办。会上，北京市通信管理局副局长透露，北京数字经济规模持续攀升。"
    "北京市不断抢抓数字经济发展新机遇。北京数字经济增加值占GDP比重41.6%，位居全国第一。"
    "北京每万人拥有5G基站数43.9个，位列全国第一，排名全国前列，算力规模全国第一。"
    "北京市入选企业数量均位列全国第一。积极打造中国数字经济发展高地。"
)
_HUBEI = (
    "中新社武汉8月11日电 湖北布局构建算力设施集群，建成全国算力与大数据创新发展核心区。"
    "创新大会11日在武汉开幕。近年来，中国算力规模持续增长，截至2022年底，中国算力规模达180EFLOPS。"
    "湖北是华中地区算力中心的创新圈。湖北已建成武汉人工智能计算中心和武汉超算中心，"
    "武汉、襄阳、宜昌的算力规模居湖北前列。"
)


@pytest.mark.parametrize(
    ("body", "place", "scope"),
    [
        (_BEIJING, None, "北京"),  # 中国 ×2 and 全国 ×6 do not outweigh 北京 ×5
        (_HUBEI, "武汉", "湖北"),  # 武汉's mentions are 湖北's too: 湖北 holds most
        ("中国电信、中国移动和中国联通上半年收入增长。", None, None),  # names, not regions
        # provinces in a national sentence are the nation's
        ("截至6月底，我国5G基站达293.7万个，北京5G基站9.6万个，上海5.4万个。", None, "中国"),
        ("北京5G基站9.6万个，上海5.4万个，全球5G基站超500万个，美国10万个。", None, None),
        # news-15: 国内 is the nation
        ("国内智能手机出货量1.24亿部。国内市场手机出货量2214.9万部。", None, "中国"),
        # news-20: 全国 is the subject here, not a yardstick
        ("全国电信用户申诉占比50.0%。全国移动用户达17亿户。", None, "中国"),
        # news-19: 排名全球第二 and 全球平均水平 compare China with the world
        ("我国固定宽带排名全球第二。我国移动数据费用远低于全球平均水平。", None, "中国"),
        # news-13: “四川造” goods are what Chengdu's rules subsidise, not a place
        (
            "《成都市推动跨境电商政策措施》印发。成都对企业给予奖励，在成都投资的企业，"
            "按照“四川造”出口交易额奖励，申报的“四川造”出口商品数量不应高于采购“四川造”商品数量。",
            None,
            "成都",
        ),
        # news-14: 广东梅州 is one mention, of 梅州, so 广东 holds 3 of 6 (not 4 of 7)
        # and the cities across the country make it China's
        (
            "深圳取得新突破。广东梅州落地场景，梅州全市钱包15.1万个。南京交易1.2亿笔。"
            "巴西央行推出数字货币，巴西试点。",
            None,
            "中国",
        ),
    ],
)
def test_scope_is_the_region_most_mentions_fall_in(reference, body, place, scope):
    assert document_scope("", body, reference, place) == scope


def test_a_dateline_without_a_year_takes_the_year_after_what_the_article_reports():
    """news-02 (中新社武汉8月11日电, no year): it reports 截至2022年底, so it was
    written on 2023-08-11, not in 2022 and not undated; 力争到2025年 is a goal."""
    assert dateline_year(8, 11, _HUBEI + "力争到2025年，实现算力与大数据产业突破1500亿元。") == (
        IssuedDate(2023, 8, 11)
    )
    assert dateline_year(8, 11, "力争到2025年成为中部枢纽。") is None


@pytest.mark.parametrize(
    ("month", "day", "body", "issued"),
    [
        # news-05: 2023年是…之年 is the year written in, not one looked back on
        (7, 25, "2023年是山东数字经济发展“全面提升”年，也是关键之年。", IssuedDate(2023, 7, 25)),
        # news-22: 2023年伊始 and 两年后的2023年 are this year, 截至2023年6月 is over
        (
            7,
            26,
            "截至2023年6月各地共发放网约车驾驶员证579万本。在2023年伊始，订单曾快速反弹。"
            "两年后的2023年，司机数量增长了46%。",
            IssuedDate(2023, 7, 26),
        ),
        # news-09: the year opening an event's name has begun
        (7, 29, "29日，在2023中国首届国际AI游戏产业大会上发布。", IssuedDate(2023, 7, 29)),
        # 2022 with its figures is a year past; 提高到 looks back, it sets no goal
        (7, 20, "增加值由2015年8700多亿元提高到2022年1.7万亿元。", IssuedDate(2023, 7, 20)),
        (8, 3, "济南市政府新闻办召开发布会。", None),  # news-04: no year at all
    ],
)
def test_a_dateline_year_is_the_first_after_what_the_text_looks_back_on(month, day, body, issued):
    assert dateline_year(month, day, body) == issued
