"""Report metadata read from each seed itself."""

from __future__ import annotations

import pytest

from cikg.iris import IriMinter
from cikg.metadata import document_to_metadata, parse_issued, split_report_title
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
