"""Report metadata read from each seed itself."""

from __future__ import annotations

import pytest

from cikg.iris import IriMinter
from cikg.metadata import (
    dateline_year,
    document_scope,
    document_to_metadata,
    is_yardstick,
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
        # news-19 (cut short): the country ranked ahead of China is a yardstick, so the
        # nation holds 5 of 9 mentions, not 5 of 11; a ranking's places still count
        (
            "中国用户的通信费用负担进一步降低，固定宽带费用仅高于列支敦士登。我国固定宽带"
            "服务成本排名全球第二。中国香港和中国内地均为 0.12，同样是仅次于列支敦士登。"
            "新加坡、阿联酋、智利、中国和丹麦位列固定宽带速度最快的国家 / 地区榜单前五。",
            None,
            "中国",
        ),
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


_OOKLA = "新加坡、阿联酋、智利、中国和丹麦位列固定宽带速度最快的国家 / 地区榜单前五"


# Sentences of the shared corpus (news articles and seed 004) and the region each
# names: whether it is a yardstick there, which does not compete for the scope.
@pytest.mark.parametrize(
    ("sentence", "name", "yardstick"),
    [
        # news-19: China's fixed broadband is dearer only than Liechtenstein's
        ("中国用户的通信费用负担进一步降低，固定宽带费用仅高于列支敦士登", "列支敦士登", True),
        ("中国用户的通信费用负担进一步降低，固定宽带费用仅高于列支敦士登", "中国", False),
        ("中国香港和中国内地均为 0.12，同样是仅次于列支敦士登", "列支敦士登", True),
        ("中国香港和中国内地均为 0.12，同样是仅次于列支敦士登", "中国内地", False),
        ("此外，在移动数据费用方面，我国同样远低于全球平均水平", "全球", True),
        ("进一步降低至 0.45%，排名全球第二（第一是 0.37，第三是 0.49）", "全球", True),
        # a ranking's places are its subjects
        (_OOKLA, "中国", False),
        (_OOKLA, "丹麦", False),
        ("其中，北京的固定宽带中位数速度最快，为 264.92 Mbps", "北京", False),
        # seed 004: the nation is the subject, the United States the yardstick
        ("无论是在轨卫星数量还是计划发射数量，我国的卫星数量都低于美国", "美国", True),
        ("无论是在轨卫星数量还是计划发射数量，我国的卫星数量都低于美国", "我国", False),
        # news-03, news-09: a district measured against its city
        ("南湖区数字经济综合评价指数连续4年稳居嘉兴第一", "嘉兴", True),
        ("总营收1300亿元左右，约占上海全市1/4，增加值约占浦东全区3.3%", "上海", True),
        # news-21: China's GDP is what the shares are of
        ("高度、中高、中度数字化产业占中国GDP比重持续攀升", "中国", True),
        ("中低、低度数字化产业占比持续下降，中国整体产业结构呈数字化升级态势", "中国", False),
        # the nation and the world as subjects (news-20, news-16)
        ("在本次报告中，工信部提到，全国电信用户申诉问题中", "全国", False),
        ("国际方面，全球互联网投融资在低位徘徊", "全球", False),
        ("与美国相比，我国的卫星数量仍然较少", "美国", True),  # made up: the words follow
    ],
)
def test_a_region_compared_with_is_a_yardstick(sentence, name, yardstick):
    start = sentence.index(name)
    assert is_yardstick(name, sentence, start, start + len(name)) is yardstick


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
