"""Policies, their issuers and dates, definitions and mentions, on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from cikg.extract.organisations import org_finder
from cikg.extract.policies import blocks_to_definitions, blocks_to_policy_mentions, policy_key
from cikg.load.text import lines_to_blocks
from cikg.records import IssuedDate
from cikg.store import open_store, query

ROOT = Path(__file__).resolve().parents[1]


def _kind(reference):
    def kind(title):
        found = reference.title_kind(title)
        return (found[0].value, found[1]) if found else None

    return kind


@pytest.fixture(scope="module")
def finder(reference, segmenter):
    return org_finder(reference, segmenter)


@pytest.fixture(scope="module")
def mentions(docs, reference, finder):
    return {
        key: blocks_to_policy_mentions(doc.blocks, _kind(reference), finder)
        for key, doc in docs.items()
    }


def _read(text, reference, finder, by_number=lambda number: None):
    blocks = lines_to_blocks([text], 0, set())
    return blocks_to_policy_mentions(
        blocks, _kind(reference), finder, by_number, government=reference.government
    )


def _by_title(mentions, title):
    return next(m for m in mentions if m.title == title)


def test_titles_are_classified_by_their_ending(mentions):
    m001 = mentions["001"]
    shopping = _by_title(m001, "推动消费品以旧换新行动方案")
    assert shopping.is_policy and shopping.kind.endswith("policy-type/action-programme")
    assert _by_title(m001, "关于进一步优化支付服务提升支付便利性的意见").is_policy
    assert _by_title(m001, "政府工作报告").is_policy  # a policy despite its name
    assert _by_title(m001, "中国互联网络发展状况统计报告").is_policy is False
    assert _by_title(m001, "中国贸易报").is_policy is False
    assert _by_title(m001, "黑神话：悟空").is_policy is None  # undecided: reported
    plan = _by_title(m001, "“十四五”规划")  # named without 《》
    assert plan.is_policy
    # 004 line 179: 规划纲要 is one kind word, not 规划 then 纲要
    outline = _by_title(mentions["004"], "“十三五”规划纲要")
    assert outline.is_policy


def test_the_thirteenth_plan_outline_is_one_curated_policy(store):
    """004 names the 13th Five-Year Plan outline by its short name (“十三五”
    规划纲要); its passages mention the curated policy, issued by the NPC on
    2016-03-16, not a policy minted from the short name."""
    rows = query(
        store,
        """SELECT DISTINCT ?date ?issuer WHERE {
             GRAPH <https://w3id.org/cikg/graph/report/cnnic-46> { ?passage schema:mentions ?p }
             ?p dcterms:title ?title ; eli:date_document ?date ; eli:passed_by ?issuer
             FILTER(CONTAINS(STR(?title), "十三"))
           }""",
    )
    assert [(r["date"].value, r["issuer"].value) for r in rows] == [
        ("2016-03-16", "https://w3id.org/cikg/id/org/npc")
    ]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # news-05: a province's plan of a five-year period, named without 《》; the year
        # of its implementation is no date of its issue
        (
            "2023年是山东数字经济发展“全面提升”年，也是山东“十四五”数字强省建设规划实施的关键之年。",
            [("山东“十四五”数字强省建设规划", None)],
        ),
        # CAICT 2022 p10: each place's plan of a kind, no one policy
        ("2021年，各地加快推动“十四五”数字经济规划落地，制定适合本地区的发展目标与重点任务。", []),
    ],
)
def test_plans_of_a_five_year_period_without_title_marks(text, titles, reference, finder):
    assert [(m.title, m.date) for m in _read(text, reference, finder)] == titles


def test_issuers_and_dates_from_the_sentence(mentions):
    m001 = mentions["001"]
    gov = _by_title(m001, "关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见")
    assert gov.issuers == ("国务院",) and gov.date.isoformat() == "2024-01"
    joint = _by_title(mentions["003"], "2024年提升全民数字素养与技能工作要点")
    assert len(joint.issuers) >= 3 and "教育部" in joint.issuers
    assert _by_title(m001, "推动消费品以旧换新行动方案").date.isoformat() == "2024"


@pytest.mark.parametrize(
    ("text", "issuers", "count", "date"),
    [
        # 004: a ministry whose name holds 和 is one issuer, not 工业 and 信息化部
        (
            "2020 年 3 月，工业和信息化部发布《关于开展 2020 年 IPv6 端到端贯通能力提升专项行动的通知》。",
            ("工业和信息化部",),
            None,
            "2020-03",
        ),
        # joint issuance with a count: the named bodies and the number
        (
            "7月，国家发展改革委、中央网信办、工业和信息化部等十三个部门联合印发的《关于支持新业态新模式健康发展 激活消费市场带动扩大就业的意见》提出。",
            ("国家发展改革委", "中央网信办", "工业和信息化部"),
            13,
            None,
        ),
        # after the title: 由 X 印发
        (
            "《网络数据安全管理条例》由国务院印发，自 2025 年 1 月 1 日起施行。",
            ("国务院",),
            None,
            None,
        ),
        # adverbs between the issuer and its verb (news, 2023)
        (
            "2014年，上海市商务委在国内率先发布《关于上海加快推动平台经济发展的指导意见》。",
            ("上海市商务委",),
            None,
            "2014",
        ),
        # a region that issues is its people's government; a dateline before it is not
        (
            "本报上海电 （记者田泓）上海近期出台《关于促进本市生产性互联网服务平台高质量发展的若干意见》。",
            ("上海市人民政府",),
            None,
            None,
        ),
        (
            "7月29日，上海浦东新区官方对外发布了《浦东新区促进文创类互联网平台产业高质量发展的若干政策举措》。",
            ("上海浦东新区人民政府",),
            None,
            None,
        ),
        # 会同 joins a second issuer; it is no part of its name; 建立 a system issues it
        (
            "上海市商务委会同上海市统计局建立《第三方交易平台统计调查制度》。",
            ("上海市商务委", "上海市统计局"),
            None,
            None,
        ),
        # the nation issues nothing: its bodies do
        ("我国出台《数据安全法》。", (), None, None),
        # a country abroad that issues is its government, an organisation (CAICT 2021 p. 16)
        (
            "美国2020年11月发布《引领未来先进计算生态系统战略计划》，将先进计算生态系统"
            "作为国家战略性资产，以确保美国在科学和工程方面的领导力、经济竞争力和国家安全。",
            ("美国政府",),
            None,
            "2020-11",
        ),
        # a leading group is a body (领导小组, a head); 颁布了 before the title (seed 001:142)
        (
            "2006 年，国家信息化领导小组颁布了《国家电子政务总体框架》，电子政务进入快发展期。",
            ("国家信息化领导小组",),
            None,
            "2006",
        ),
    ],
)
def test_issuers_wherever_the_sentence_gives_them(text, issuers, count, date, reference, finder):
    (m,) = _read(text, reference, finder)
    assert m.issuers == issuers
    assert m.issuer_count == count
    assert (m.date.isoformat() if m.date else None) == date


def test_entry_into_force_is_not_the_issue_date(reference, finder):
    (m,) = _read(
        "《网络数据安全管理条例》由国务院印发，自 2025 年 1 月 1 日起施行。", reference, finder
    )
    assert m.in_force.isoformat() == "2025-01-01" and m.date is None


def test_document_number_names_the_issuer(reference, finder):
    (m,) = _read(
        "《关于加快场景培育和开放推动新场景大规模应用的实施意见》（国办发〔2024〕3号）明确。",
        reference,
        finder,
        lambda number: "国务院办公厅" if number.startswith("国办发") else None,
    )
    assert m.doc_number == "国办发〔2024〕3号" and m.issuers == ("国务院办公厅",)


def test_one_policy_whatever_the_spelling():
    assert policy_key("中华人民共和国网络安全法") == policy_key("网络安全法")
    assert policy_key("数字中国建设 2024 年工作要点清单") == policy_key(
        "数字中国建设2024年工作要点清单"
    )


def test_definitions_of_the_terms_section(docs):
    terms = {d.term: d.text for d in blocks_to_definitions(docs["001"].blocks)}
    assert terms["网民"].startswith("指过去半年内我国使用过互联网的 6 周岁及以上居民")
    assert "手机网民" in terms and "农村网民" in terms


def test_policies_in_the_graph(built_store):
    store = open_store(built_store[0], read_only=True)
    text = (ROOT / "queries" / "policies-with-metrics-and-sources.rq").read_text(encoding="utf-8")
    rows = list(query(store, text))
    shopping = {
        r["indicatorLabel"].value for r in rows if r["title"].value == "推动消费品以旧换新行动方案"
    }
    # the passage naming the policy names these applications (网络购物、网络支付以及网上外卖)
    assert {"网络购物用户规模", "网络支付用户规模", "网上外卖用户规模"} <= shopping
    issuers = query(
        store,
        """SELECT ?name WHERE { ?p dcterms:title "推动大规模设备更新和消费品以旧换新行动方案"@zh ;
             eli:passed_by/skos:prefLabel ?name FILTER(LANG(?name) = "zh") }""",
    )
    assert {r["name"].value for r in issuers} == {"国务院"}
    definition = query(
        store,
        """SELECT ?d WHERE { <https://w3id.org/cikg/id/indicator/internet-users> skos:definition ?d }""",
    )
    assert any("6 周岁" in r["d"].value for r in definition)
    miit = list(query(store, (ROOT / "queries" / "cited-for-miit.rq").read_text(encoding="utf-8")))
    assert any(r["url"] is not None and "miit.gov.cn" in r["url"].value for r in miit)


def test_passages_mention_organisations_and_regions(built_store):
    store = open_store(built_store[0], read_only=True)
    assert bool(
        query(
            store,
            """ASK { ?p schema:mentions <https://w3id.org/cikg/id/org/miit> ;
                      prov:wasQuotedFrom <https://w3id.org/cikg/id/report/cnnic-55> }""",
        )
    )
    assert bool(query(store, "ASK { ?p schema:mentions <https://w3id.org/cikg/id/region/CN-BJ> }"))


def test_organisations_in_table_rows_and_region_groups(built_store):
    store = open_store(built_store[0], read_only=True)
    # 附表 2 lists 中国电信集团有限公司 (55th) and 中国电信集团公司 (46th): one category
    rows = list(
        query(
            store,
            """SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE {
                 ?i skos:prefLabel "IPv4地址数（中国电信）"@zh .
                 ?o cikg:indicator ?i ; qb:dataSet/dcterms:source ?r }""",
        )
    )
    assert rows[0]["n"].value == "2"
    assert bool(
        query(
            store,
            """ASK { ?t a cikg:Table ; schema:mentions <https://w3id.org/cikg/id/org/china-telecom> }""",
        )
    )
    # ¹³ 数据均含港、澳、台地区 mentions each of the three
    members = query(
        store,
        """SELECT DISTINCT ?r WHERE { ?f a cikg:Footnote ; cikg:text ?t ; schema:mentions ?r .
             FILTER(CONTAINS(?t, "港、澳、台")) FILTER(STRSTARTS(STR(?r), "https://w3id.org/cikg/id/region/")) }""",
    )
    assert {r["r"].value.rsplit("/", 1)[-1] for r in members} == {"CN-HK", "CN-MO", "CN-TW"}


def test_every_organisation_has_a_type_and_a_name_not_a_phrase(store):
    """Every organisation the seeds' graph holds is typed and labelled, and no
    label of one found in the text (not curated) is a sentence, an event, a
    person or a method (发布会, 讲话, 同志, 根据…计算, …整理) or has a bracket
    left open."""
    from cikg.extract.organisations import _NOT_AN_ORG_RE
    from cikg.store import query

    rows = list(
        query(
            store,
            """SELECT ?o (SAMPLE(?label) AS ?name) (COUNT(?type) AS ?types) WHERE {
                 { ?p eli:passed_by ?o } UNION { ?x sdmx-attribute:compilingOrg ?o }
                 UNION { ?o a org:Organization }
                 OPTIONAL { ?o skos:prefLabel ?label FILTER(LANG(?label) = "zh") }
                 OPTIONAL { ?o a ?type FILTER(?type = org:Organization) }
               } GROUP BY ?o""",
        )
    )
    assert len(rows) > 100
    curated = {r["o"].value for r in query(store, _CURATED_ORGS)}
    for row in rows:
        name = row["name"].value if row["name"] is not None else ""
        assert name and int(row["types"].value) >= 1, row["o"].value
        if row["o"].value in curated:
            continue
        assert not _NOT_AN_ORG_RE.search(name), name
        assert name.count("（") == name.count("）") and name.count("(") == name.count(")"), name


_CURATED_ORGS = """SELECT ?o WHERE {
  GRAPH <https://w3id.org/cikg/graph/reference> { ?o a org:Organization } }"""


def test_each_related_indicator_has_its_passage(store):
    """cikg:relatedIndicator in qualified form: every link names its indicator
    and the passage that shows it, a passage that mentions the policy."""
    from cikg.store import query

    rows = list(
        query(
            store,
            """SELECT ?p ?i ?passage (COUNT(?r) AS ?n) WHERE {
                 ?p cikg:relatedIndicator ?i .
                 OPTIONAL { ?p cikg:qualifiedRelatedIndicator ?r .
                            ?r cikg:relationIndicator ?i ; prov:wasDerivedFrom ?passage .
                            ?p cikg:mentionedIn ?passage }
               } GROUP BY ?p ?i ?passage""",
        )
    )
    assert len(rows) > 20
    assert all(int(r["n"].value) >= 1 for r in rows), [r for r in rows if r["n"].value == "0"][:3]


@pytest.mark.parametrize(
    ("day", "published", "date"),
    [
        (15, (2023, 8, 15), "2023-08-15"),
        (15, (2023, 8, 2), "2023-07-15"),
        (31, (2023, 7, 2), None),  # June has no 31st
        (15, None, None),
    ],
)
def test_a_day_alone_is_of_the_datelines_month(day, published, date, reference, finder):
    """上海 15 日发布《…》 in an article dated 2023-08-15 was issued that day; in
    one dated 08-02 the 15th is July's; a report with no day to go by gives none."""
    text = f"上海 {day} 日发布《推动数据要素产业创新发展行动方案（2023-2025年）》。"
    (m,) = blocks_to_policy_mentions(
        lines_to_blocks([text], 0, set()),
        _kind(reference),
        finder,
        published=IssuedDate(*published) if published else None,
    )
    assert (m.date.isoformat() if m.date else None) == date


@pytest.mark.parametrize(
    ("text", "published", "year", "date"),
    [
        (  # 004: the 46th report, published 2020-09, reports on 2020
            "7月，国家发展改革委、中央网信办、工业和信息化部等十三个部门联合印发的"
            "《关于支持新业态新模式健康发展 激活消费市场带动扩大就业的意见》提出。",
            (2020, 9),
            2020,
            "2020-07",
        ),
        (  # a yearly report on 2021, published 2022-07: March is 2021's
            "3月，市场监管总局出台《网络交易监督管理办法》，进一步规范网络交易活动。",
            (2022, 7),
            2021,
            "2021-03",
        ),
        (  # a month later than the publication's, in its year: the year before's
            "11月，国务院印发《关于加快推进政务服务标准化规范化便利化的指导意见》。",
            (2020, 9),
            2020,
            "2019-11",
        ),
    ],
)
def test_a_month_alone_is_of_the_reports_year(text, published, year, date, reference, finder):
    (m,) = blocks_to_policy_mentions(
        lines_to_blocks([text], 0, set()),
        _kind(reference),
        finder,
        published=IssuedDate(*published),
        report_year=year,
    )
    assert m.date.isoformat() == date


@pytest.mark.parametrize(
    ("text", "issuers"),
    [
        # a unit of a curated body is named in full (CAC 2021, p. 48)
        (
            "2021年2月，国务院反垄断委员会发布《关于平台经济领域的反垄断指南》。",
            [("国务院反垄断委员会",)],
        ),
        # verbs in a row and an uncounted 等部门 (CAC 2021, p. 48)
        (
            "此外，国家网信办等部门制定修订《汽车数据安全管理若干规定（试行）》"
            "《网络安全审查办法》等法规规章草案。",
            [("国家网信办",), ("国家网信办",)],
        ),
        # drafts put out for comment (CAC 2021, p. 48)
        (
            "10月，市场监管总局对《互联网平台分类分级指南》《互联网平台落实主体责任指南》"
            "公开征求意见。",
            [("市场监管总局",), ("市场监管总局",)],
        ),
        # 对 without a call for comment names no issuer
        ("我们对《数据安全法》的理解。", [()]),
        # a draft read by the legislature's session (seed 004)
        (
            "在国家层面，第十三届全国人大常委会第二十次会议对《中华人民共和国数据安全法（草案）》"
            "（以下简称：《草案》）进行审议并发布。",
            [("全国人大常委会",)],
        ),
        # the region that opens the sentence issues what its next clause 发布了 (seed 004)
        (
            "在地方层面，深圳先行先试，发布了《深圳经济特区数据条例（征求意见稿）》。",
            [("深圳市人民政府",)],
        ),
        # 在 before the issuing region (CAICT 2022): the city's government
        (
            "在南通市印发《南通市“十四五”新型城镇化规划》，支持建设新型智慧社区的背景下。",
            [("南通市人民政府",)],
        ),
    ],
)
def test_issuers_of_units_drafts_and_verb_chains(text, issuers, reference, finder):
    assert [m.issuers for m in _read(text, reference, finder)] == issuers


def test_a_chained_title_has_no_issuer_another_title_names(reference, finder):
    """CAICT 数字经济 2022 p.10: the plan between the 国务院关于… titles names no
    issuer; the graph had borrowed 国务院 from the titles before it
    (benchmarks/audit/policies-i-after.jsonl). Each 国务院关于… title keeps
    the issuer it names itself, a 国务院办公厅关于… title its own."""
    text = (
        "从行业领域看，我国围绕信息通信技术、制造业数字化、服务业数字化、农业数字化、数字政府等"
        "领域，先后出台《国务院关于印发“宽带中国”战略及实施方案的通知》《国务院关于印发促进大数据"
        "发展行动纲要的通知》《国务院关于深化制造业与互联网融合发展的指导意见》《智能制造发展规划"
        "（2016-2020）》《国务院关于深化“互联网+先进制造业”发展工业互联网的指导意见》"
        "《国务院办公厅关于促进平台经济规范健康发展的指导意见》等一系列具有引领作用的指导性文件，"
        "对各行业融合创新发展和数字化转型进行了系统部署。"
    )
    issuers = {m.title: m.issuers for m in _read(text, reference, finder)}
    assert issuers["智能制造发展规划（2016-2020）"] == ()
    assert issuers["国务院关于深化制造业与互联网融合发展的指导意见"] == ("国务院",)
    assert issuers["国务院办公厅关于促进平台经济规范健康发展的指导意见"] == ("国务院办公厅",)


def test_chained_titles_share_the_issuer_the_sentence_names(reference, finder):
    """The issuer before the verb is every chained title's (CAC 2021, p. 48)."""
    text = (
        "此外，国家网信办等部门制定修订《汽车数据安全管理若干规定（试行）》《网络安全审查办法》。"
    )
    assert [m.issuers for m in _read(text, reference, finder)] == [("国家网信办",)] * 2


def test_a_short_title_that_ends_an_earlier_one_refers_back(reference, finder):
    """《若干意见》 after 《关于促进…的若干意见》 is that policy again (news, 2023),
    not a policy titled 若干意见; a short title ending nothing seen stays."""
    text = (
        "上海近期出台《关于促进本市生产性互联网服务平台高质量发展的若干意见》。"
        "朱民介绍，《若干意见》提出了3个方面16项措施。另据《数据安全法》规定。"
    )
    titles = [m.title for m in _read(text, reference, finder)]
    assert titles == [
        "关于促进本市生产性互联网服务平台高质量发展的若干意见",
        "关于促进本市生产性互联网服务平台高质量发展的若干意见",
        "数据安全法",
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a region before a curated body's short name: the region's own body (CAICT 2022)
        ("以贵州省发改委牵头，推进大数据统计工作", [("贵州省发改委", False)]),
        ("国家发改委印发", [("国家发改委", True)]),
        # companies named by a proper name and a head (CAICT 2022)
        (
            "已在中煤集团、同煤集团、潞安集团等落地",
            [("中煤集团", False), ("同煤集团", False), ("潞安集团", False)],
        ),
        # a head inside a common word names no body
        ("人均月均有所增长", []),
        # a place and a head (news, 2023)
        ("此次活动由蠡县商务局主办", [("蠡县商务局", False)]),
        # the nation before a company is no regional branch
        ("我国华为等企业", [("华为", True)]),
        # the nation and a collective head name a kind of body, not one (CAICT 2022)
        ("超过1/4国家部委实现政府服务100%全程网办", []),
        ("中央电视台报道", [("中央电视台", False)]),
        # a country-wide word opens no name (news, 2023: 长沙打造全球研发中心城市)
        ("推进全球研发中心城市建设", []),
        ("我国科研院所", []),
        # a unit of a curated body is named in full; two curated bodies stay two
        ("国务院反垄断委员会发布", [("国务院反垄断委员会", False)]),
        ("中共中央国务院支持浦东新区", [("中共中央", True), ("国务院", True)]),
        # bodies named by their level only take the place before them (CAICT 2022)
        (
            "以贵州省发改委牵头，省大数据局、省统计局、省通信管理局等部门参与",
            [
                ("贵州省发改委", False),
                ("贵州省大数据局", False),
                ("贵州省统计局", False),
                ("贵州省通信管理局", False),
            ],
        ),
        # 省发展改革委 after 浙江省 is Zhejiang's, not the nation's
        ("浙江省经信厅、省发展改革委联合印发", [("浙江省发展改革委", False)]),
        # a committee and a government named together are two (CAICT 2022)
        (
            "贯彻山东省委省政府和济南市市委市政府关于",
            [
                ("山东省委", False),
                ("山东省人民政府", False),
                ("济南市委", False),
                ("济南市人民政府", False),
            ],
        ),
        # a source named by the words that attribute to it, however bare (news, 2023)
        # … but not a kind of body (海关: customs, not 海关总署)
        ("据海关统计，2022年上海跨境电商进出口", []),
        # … or by its product's name, curated (易观千帆 is 易观's: see test_organisations)
        ("另据易观千帆数据显示，2019年", [("易观千帆", True)]),
        ("对公众开放使用。中金公司称，2023年", [("中金公司", False)]),
        ("生态。天风证券指出，数字人民币", [("天风证券", False)]),
        ("作用进一步提升。IDC数据显示，2021年", [("IDC", False)]),
        # but no person, generic word, method or place there
        ("黄平透露，接下来", []),
        ("官方表示，该报告", []),
        ("据不完全统计，截至", []),
        ("商务大数据监测显示，2021年", []),
        ("据北京统计，全市", []),
        # an international association (46th report); an international kind of centre is none
        (
            "按照国际汽车工程师协会(SAE, Society of Automotive Engineers)对自动驾驶的分级",
            [("国际汽车工程师协会", False)],
        ),
        ("建设国际数据中心", []),
        # a verb naming a body's field after its place or the nation (news, 2023)
        ("济南市行政审批服务局党组成员介绍", [("济南市行政审批服务局", False)]),
        ("依托国家超级计算长沙中心，筹建", [("国家超级计算长沙中心", False)]),
        ("北京建设人工智能创新中心", []),
        # a verb one body does to another ends the first's name (news, CAICT 2022)
        (
            "指导上海跨境电子商务公共服务有限公司运用大数据",
            [("上海跨境电子商务公共服务有限公司", False)],
        ),
        (
            "山西省自然资源厅委托山西数字政府建设运营有限公司建设平台",
            [("山西省自然资源厅", False), ("山西数字政府建设运营有限公司", False)],
        ),
    ],
)
def test_organisations_by_structure(text, names, finder):
    assert [(o.name, o.curated) for o in finder.find(text)] == names


def test_a_notice_that_sends_a_policy_out_is_that_policy(reference, finder):
    """CAICT 2022 p10: 《国务院关于印发促进大数据发展行动纲要的通知》 is the
    issuance of 促进大数据发展行动纲要 (curated), by 国务院; the notice's title is
    kept as written. A notice that sends nothing out stays a notice."""
    (m,) = _read(
        "《国务院关于印发促进大数据发展行动纲要的通知》（国发〔2015〕50号）。", reference, finder
    )
    assert (m.title, m.issuers, m.written) == (
        "促进大数据发展行动纲要",
        ("国务院",),
        "国务院关于印发促进大数据发展行动纲要的通知",
    )
    (n,) = _read("《关于开展2020年IPv6端到端贯通能力提升专项行动的通知》。", reference, finder)
    assert (n.title, n.written) == ("关于开展2020年IPv6端到端贯通能力提升专项行动的通知", None)


def test_a_draft_and_the_title_inside_it(reference, finder):
    """seed 004:1517: a draft amendment is a policy of kind draft, issued that
    month by its body; the law it amends (〈反垄断法〉) is named, not issued then."""
    text = "2020年1月，国家市场监督管理总局发布《〈反垄断法〉修订草案（公开征求意见稿）》。"
    draft, law = _read(text, reference, finder)
    assert (draft.kind.rsplit("/", 1)[-1], draft.issuers, draft.date.isoformat()) == (
        "draft",
        ("国家市场监督管理总局",),
        "2020-01",
    )
    assert (law.title, law.is_policy, law.issuers, law.date) == ("反垄断法", True, (), None)


def test_titles_in_footnotes_are_read(reference, finder):
    """seed 004:1029: a footnote that says what a term means names two standards."""
    blocks = lines_to_blocks(
        [
            "正文提到网约车安全标准¹⁰³。",
            "",
            "¹⁰³ 网约车安全标准：指《网络预约出租汽车平台公司安全运营自律规范》和"
            "《私人小客车合乘信息服务平台公司安全运行技术规范》。",
        ],
        0,
        set(),
    )
    mentions = blocks_to_policy_mentions(blocks, _kind(reference), finder)
    assert [(m.title, m.is_policy) for m in mentions] == [
        # an industry's self-regulatory code (judged no policy in policies-h-before,
        # -m-after, -r-after, -v-before, -w-before): self-regulation, no policy
        ("网络预约出租汽车平台公司安全运营自律规范", False),
        # a technical specification is a standard (the footnote calls it one), no policy
        ("私人小客车合乘信息服务平台公司安全运行技术规范", False),
    ]


def test_titles_listed_after_a_count_of_documents_take_its_date(reference, finder):
    """seed 003: 2024 年，各部门…共出台 21 份政策文件…。其中，《A》…；《B》…: the
    listed titles were issued in 2024; a title after the list is not."""
    text = (
        "2024年，各部门聚焦重大改革任务，共出台 21份政策文件，数据基础制度更加稳固。"
        "其中，《国家数据标准体系建设指南》为数据行业标准化发展提供指导；"
        "《关于促进数据产业高质量发展的指导意见》为数据产业发展指明方向。"
        "此外，《数据安全法》规定了数据分类分级保护制度。"
    )
    dates = {
        m.title: (m.date.isoformat() if m.date else None) for m in _read(text, reference, finder)
    }
    assert dates == {
        "国家数据标准体系建设指南": "2024",
        "关于促进数据产业高质量发展的指导意见": "2024",
        "数据安全法": None,
    }


def test_a_batch_list_runs_over_the_lines_of_a_hard_wrapped_paragraph(reference, finder):
    """seed 003: 共出台 21 份政策文件 dates the titles 其中 lists, line after line,
    until the list's 。; a title after it is not the batch's."""
    lines = [
        "2024年，各部门从数据标准体系等方面集中发力，共出",
        "",
        "台 21份政策文件，数据基础制度的“四梁八柱”更加稳固。其中，",
        "",
        "《国家数据标准体系建设指南》为数据行业标准化发展提供指导；",
        "",
        "《关于促进数据产业高质量发展的指导意见》为数据产业发展指明",
        "",
        "方向；《数字社会 2024 年工作要点》为推动数字社会谋篇布局。另据",
        "",
        "《数据安全法》规定。",
    ]
    blocks = lines_to_blocks(lines, 0, set())
    mentions = blocks_to_policy_mentions(
        blocks, _kind(reference), finder, lambda number: None, government=reference.government
    )
    dates = {m.title: m.date for m in mentions}
    assert dates == {
        "国家数据标准体系建设指南": IssuedDate(2024),
        "关于促进数据产业高质量发展的指导意见": IssuedDate(2024),
        "数字社会2024年工作要点": IssuedDate(2024),
        "数据安全法": None,
    }


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # news-13 (2023-08-15): 今年初 is the article's year, 近日 its month
        (
            "今年初，成都市政府办公厅印发了《成都市推动跨境电商高质量发展三年行动计划（2023—2025年）》。",
            "2023",
        ),
        ("记者近日获悉，《成都市推动跨境电商高质量发展政策措施实施细则》正式印发。", "2023-08"),
        ("去年，国务院印发《“十四五”数字经济发展规划》。", "2022"),
        # a sentence that says no issuance gives no date, relative words or not
        ("今年以来，网民规模持续增长，《数据安全法》规定…", None),
    ],
)
def test_relative_dates_are_of_the_articles_date(text, date, reference, finder):
    (m,) = blocks_to_policy_mentions(
        lines_to_blocks([text], 0, set()),
        _kind(reference),
        finder,
        published=IssuedDate(2023, 8, 15),
    )
    assert (m.date.isoformat() if m.date else None) == date


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # seed 001:897 (the 55th report, on 2024): 年内 after the titles is the year reported on
        (
            "政策引导方面，兼顾发展与安全成为政策制定的核心方向。《国家人工智能产业综合标准化"
            "体系建设指南（2024 版）》《人工智能安全治理框架》在年内相继发布。",
            ["2024", "2024"],
        ),
        # a span of years is no year: 三年内 (and no date stands before the verb)
        ("《数字经济发展规划》提出三年内发布一批标准。", [None]),
        ("《数字经济发展规划》提出2027年前发布一批标准。", [None]),
    ],
)
def test_a_date_between_the_titles_and_their_verb(text, dates, reference, finder):
    mentions = blocks_to_policy_mentions(
        lines_to_blocks([text], 0, set()),
        _kind(reference),
        finder,
        published=IssuedDate(2025, 1),
        report_year=2024,
    )
    assert [m.date.isoformat() if m.date else None for m in mentions] == dates


def test_within_the_year_is_the_year_the_report_reports_on(store):
    """seed 001:897: the 55th report, published 2025-01, counts its figures
    截至 2024 年 12 月; 《…指南（2024 版）》…在年内相继发布 dates the guide 2024."""
    rows = query(
        store,
        """SELECT ?d WHERE { ?p a cikg:Policy ; eli:date_document ?d ; dcterms:title ?t
             FILTER(STRSTARTS(REPLACE(STR(?t), " ", ""), "国家人工智能产业综合标准化体系建设指南")) }""",
    )
    assert [r["d"].value for r in rows] == ["2024"]


def test_a_clause_that_joins_a_body_to_its_left_out_subject(reference, finder):
    """news-07: …，并会同上海市统计局建立《第三方交易平台统计调查制度》 leaves its
    subject out: the sentence's, 上海市商务委, issues the system with the body it
    joins, in the year the sentence opens with."""
    text = (
        "据了解，2014年，上海市商务委在国内率先发布《关于上海加快推动平台经济发展的指导意见》，"
        "建立平台经济联合推进机制，积极培育一批全面整合产业链、融合价值链的资源配置型平台，"
        "并会同上海市统计局建立《第三方交易平台统计调查制度》。"
    )
    first, system = _read(text, reference, finder)
    assert first.issuers == ("上海市商务委",)
    assert system.issuers == ("上海市商务委", "上海市统计局")
    assert system.date.isoformat() == "2014"
    # with no title before it, the body that opens a clause of the sentence
    (alone,) = _read(
        "上海市商务委建立平台经济联合推进机制，并会同上海市统计局建立《第三方交易平台统计调查制度》。",
        reference,
        finder,
    )
    assert alone.issuers == ("上海市商务委", "上海市统计局")


def test_a_sentence_going_on_from_the_one_before_shares_its_issuers(reference, finder):
    """news-13 (held out): 同时，印发了《…政策措施》 leaves its subject out; it is the
    sentence before's, 成都市政府办公厅."""
    text = (
        "今年初，成都市政府办公厅印发了《成都市推动跨境电商高质量发展三年行动计划（2023—2025年）》，"
        "明确了跨境电商未来3年的发展目标。同时，印发了《成都市推动跨境电商高质量发展政策措施》"
        "（以下简称政策措施），对跨境电商的高质量发展拿出了“真金白银”的支持。"
    )
    plan, measures = _read(text, reference, finder)
    assert plan.issuers == measures.issuers == ("成都市政府办公厅",)
    # and its date: 今年初 in an article of 2023-08-15 (policies-s-before)
    blocks = lines_to_blocks([text], 0, set())
    dated = blocks_to_policy_mentions(
        blocks, _kind(reference), finder, published=IssuedDate(2023, 8, 15)
    )
    assert [m.date.isoformat() for m in dated] == ["2023", "2023"]
    # a sentence that names no issuance of its own shares nothing
    (alone,) = _read("同时，印发了《成都市推动跨境电商高质量发展政策措施》。", reference, finder)
    assert alone.issuers == ()


@pytest.mark.parametrize(
    ("title", "is_policy"),
    [
        # 003 line 1915 (policies-k/m/n-after): issued by 我国和非洲国家 together
        ("中非数字合作发展行动计划", False),
        ("中国—东盟数字经济合作伙伴关系行动计划", False),
        # a Chinese plan about the China–Europe railway stays one
        ("中欧班列建设发展规划", True),
    ],
)
def test_a_document_named_by_a_partnership_of_states_is_no_policy(reference, title, is_policy):
    assert reference.title_kind(title)[1] is is_policy


_WORKS = """
SELECT ?title ?kind (GROUP_CONCAT(DISTINCT ?name; separator="|") AS ?publishers)
       (COUNT(DISTINCT ?passage) AS ?passages) WHERE {
  ?work a schema:CreativeWork ; dcterms:title ?title ; dcterms:type ?kind ;
        cikg:mentionedIn ?passage .
  OPTIONAL { ?work dcterms:publisher/skos:prefLabel ?name FILTER(LANG(?name) = "zh") }
  FILTER NOT EXISTS { ?work a cikg:Policy }
} GROUP BY ?title ?kind"""


def test_a_title_that_is_no_policy_is_a_work_of_its_kind(store):
    """004's footnote 103 names a self-regulatory code and a technical
    specification (网约车安全标准), 003 the Patent Cooperation Treaty: works of
    their kinds, not policies, with the passages that name them. The body
    says who issued the two (网约车安全标准¹⁰³由中国交通运输协会首次发布: a term
    its footnote defines as those titles; a shared fact, missed before);
    001's 《联合国电子政务调查报告2024》 was published by the United Nations, as
    its sentence says; a source line's body published the title it names."""
    works = {
        r["title"].value: (
            r["kind"].value.rsplit("/", 1)[-1],
            set(r["publishers"].value.split("|")) - {""} if r["publishers"] else set(),
        )
        for r in query(store, _WORKS)
    }
    association = {"中国交通运输协会"}
    assert works["网络预约出租汽车平台公司安全运营自律规范"] == ("self-regulation", association)
    assert works["私人小客车合乘信息服务平台公司安全运行技术规范"] == ("standard", association)
    assert works["专利合作条约"] == ("treaty", set())
    assert works["联合国电子政务调查报告2024"] == ("report", {"联合国"})
    # a source line names who published the title after it (004 footnotes: 来源：国家统计局
    # 《…统计公报》, 来源：App Annie《2020 年移动市场报告》; judged missing in works-a)
    assert works["中华人民共和国2019年国民经济和社会发展统计公报"] == ("report", {"国家统计局"})
    assert works["2020年移动市场报告"] == ("report", {"App Annie"})
    # …and the day its footnote gives is the work's (001: ⁵³ 来源：…《小红书搜索报告》，…，
    # 2024 年 8 月 7 日; judged missing in works-b); a policy's is not (a page posting it)
    dated = query(
        store,
        """SELECT ?d WHERE { ?w a schema:CreativeWork ; dcterms:title "小红书搜索报告"@zh ;
             dcterms:issued ?d }""",
    )
    assert [r["d"].value for r in dated] == ["2024-08-07"]
    # a curated series is no work of its own: the series, named by its passages
    assert "中国互联网络发展状况统计报告" not in works
    named = query(
        store,
        """ASK { <https://w3id.org/cikg/id/series/cnnic-statistical-report>
                   cikg:mentionedIn ?passage . ?passage schema:mentions
                   <https://w3id.org/cikg/id/series/cnnic-statistical-report> }""",
    )
    assert bool(named)
