"""Figures stated in prose -> observation facts: the stages assembled.

A paragraph is read sentence by sentence, clause by clause
(:mod:`~cikg.extract.clauses`). Each number
:func:`~cikg.extract.quantities.find_quantities` finds is, in turn:

1. **kept or left out** (:mod:`~cikg.extract.qualifiers`): a category's
   bound, a currency conversion, a range's bound, a number inside a title
   are no figures;
2. **given its subject and kind** (:mod:`~cikg.extract.subjects`): a level,
   a change or a share, of what the lead names or, when it names nothing,
   of the sentence's *topic* (the last measure named before it in the
   sentence, or in the paragraph); shares within a frame (新增网民中，…占比)
   name the frame; enumerations (A、B 和 C 分别为 X、Y、Z) give one figure per
   item; 由 A 提升至 B gives two;
3. **given its period**: the clause's own period, else the nearest one
   before it in the sentence, else in the paragraph, else the document's
   reference date (which one is kept as ``period_source``). Periods after
   较/比/由/从 are comparison bases, and a change's period runs from its base
   to the figure's date (较 2023 年 12 月增长 … at 2024 年 12 月: the year
   2024); 同比 of a stock spans the twelve months to its date, of a flow it
   keeps the flow's period; 比上年增长 makes an annual flow the year; X 年以来
   runs from X to the figure's date; a day that ends a month is that month;
4. **given its area** (:mod:`~cikg.extract.areas`);
5. **given its qualifier and status**: 超/约/近 … and forecast or target;
   a target names the plan (《…》) the sentence names.

A bound stated next to the exact value of the same subject, area and
period (突破 11 亿人，达 11.08 亿人) is not a figure of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from cikg.extract.areas import AreaState, resolve_area
from cikg.extract.clauses import Clause, Sentence, text_to_sentences
from cikg.extract.numerals import small_number
from cikg.extract.organisations import ORG_HEADS, is_org_name
from cikg.extract.periods import (
    Period,
    find_dated_events,
    find_periods,
    find_recent_years,
    is_recent_years,
    latest_source,
    month_of_day,
    parse_period,
    span,
)
from cikg.extract.qualifiers import (
    figure_status,
    is_category_bound,
    is_conversion,
    qualifier_code,
    scope_of,
    without_group_size,
)
from cikg.extract.quantities import Quantity, UnitTable, find_quantities
from cikg.extract.subjects import (
    COUNTING_UNITS,
    LISTED_GROUP_RE,
    Lead,
    SubjectContext,
    actor_of,
    acts_without_actor,
    clean_lead,
    count_label,
    counted_noun,
    enumerated_items,
    frame_of,
    label_problem,
    names_measure,
    noun_like_head,
    noun_phrase_of,
    percent_of,
    platform_actor,
    problem_with,
    read_lead,
    sampled_survey,
    share_label,
    strip_periods,
    too_bare,
    topic_of,
)
from cikg.records import Finding, ObservationFact, PeriodRef
from cikg.segment import Segmenter, Token
from cikg.wording import display_form

__all__ = ["ProseContext", "ProseResult", "paragraph_to_facts"]

_TITLE_RE = re.compile(r"《([^《》]*)》")
#: A quoted name or slogan: short, one phrase (no clause punctuation inside).
_QUOTED_NAME_RE = re.compile(r"“[^“”，。；！？,;!?]{2,16}”")
#: The measure a share's whole names (全球网民规模 -> 网民规模).
_WHOLE_MEASURE_RE = re.compile(r"(?:网民|用户)规模$|用户数$|网民数$")
#: What follows a list of places before the measure: 等, a count of them and
#: the kind of place (等 7 个省市, 等省区市, 和).
_PLACES_KIND_RE = re.compile(
    r"^\s*(?:等|和|及)?\s*(?:[\d一二三四五六七八九十]+\s*个)?\s*"
    r"(?:省区市|省（区、市）|省份|省市|省区|地区|城市|地市|国家|市|省)?"
)
#: Words of a figure said of places together, not of each: a share of the
#: whole they are part of, a contribution, a sum, a ranking's top (前 10 大省市
#: 占全国比重的 81.5%; 数字经济 GDP 占比, a share of each one's own GDP, is each's).
_COLLECTIVE_RE = re.compile(
    r"占(?:全国|全球|世界|我国|国内)|贡献|合计|总和|共计|前\s*[\d一二三四五六七八九十]+"
)
#: Items and their measure, then their places in a ranking (…和网络直播类应用的
#: 使用时长占比分列第二到六位): the figures that follow (依次为 …) are theirs.
_RANKED_ITEMS_RE = re.compile(
    r"(?P<items>[^，,；;。]+?(?:占比|比例|比重|使用率|普及率|规模|数量|增速|增长率))"
    r"(?:分列|位列|依次位列|依次为|排名|位居)"
)
#: A multiplication sign before a number (7×24 小时): a product, not a figure.
_TIMES_SIGNS = frozenset({"×", "*", "✕"})
_MARKER_RE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[(\d{1,3})\]")


def _bare(text: str) -> str:
    """``text`` without its footnote markers and the commas and spaces that
    end or open it (a clause as its words: 同时，-> 同时)."""
    return _MARKER_RE.sub("", text).strip(" ，,")


_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
#: Documents that report on the period they name (2023 年年度报告, 2023 年第二季度…
#: 通告): the figures after them are of that period.
_DOCUMENT_RE = re.compile(r"报告|年报|季报|通告|公报|数据|统计|业绩|财报|白皮书|报表|蓝皮书")
#: Verbs that open a time phrase (截至 2023 年底, 到 2025 年): a period after them
#: says when.
_TIME_PREPOSITIONS = ("截至", "截止", "到", "至", "在", "于", "自", "从", "直至", "进入")
_BOUND_AFTER_RE = re.compile(r"\s*及?(?:之后|以后|之前|以前)")
_COMPARE_BEFORE_RE = re.compile(r"(?:较|比|比上年|比去年|由|从|相比|与|同比|环比)\s*$")
_SINCE_AFTER_RE = re.compile(r"^\s*(?:年)?\s*(?:以来|起|开始|至今)")
#: 自 2014 年成立以来: the span from the year to the figure's date.
_SINCE_WIDE_RE = re.compile(r"^[^，,；;。]{0,12}?以来")
#: Sentences that go on from the one before (其中, 此外 …): its period and topic.
#: Digits, Chinese numerals of a date or count (not 一, which 进一步 holds), and
#: period words: a clause with any of them states a figure or a date, not a topic.
_DIGIT_OR_DATE_RE = re.compile(r"[0-9０-９二三四五六七八九十百千万亿]|年|月|季度|期间")
#: A clause that ends in a verb of saying or showing (数据显示, 报告指出).
_REPORTING_END_RE = re.compile(r"(?:显示|表明|指出|介绍|称|说|看|统计|发现|预测|认为)$")
_CONTINUES_RE = re.compile(r"^\s*(?:其中|其|同时|此外|另外|而|并且|并|且|与此同时)")
#: A clause that is a connective alone (同时，此外，与此同时).
_CONNECTIVE_RE = re.compile(r"(?:同时|此外|另外|与此同时|另一方面)")
_ITEM_END_RE = re.compile(r"[、，,；;]")
#: What stands between two shares of groups listed (100%的省份、84%的地级市).
_GROUP_ITEM_RE = re.compile(r"\s*的[^、，,；;%\d]{1,12}、\s*")
#: A number after 在 that a qualifier bounds (在 2 万件以上) is a threshold.
_THRESHOLD_BEFORE_RE = re.compile(r"在\s*$")
#: What a period compared with follows (是 2017 年的 1.6 倍, 相当于 2012 年的 3 倍).
_COMPARED_WITH_RE = re.compile(r"(?:是|为|相当于|较|比|超过|高于|低于)\s*$")
#: A clause ending in a change verb and how much it moved (下降明显, 增长较快):
#: the number in the next clause (，达 4.2 个百分点) is the change.
_MOVED_BY_RE = re.compile(
    r"(?P<verb>增长|增加|提升|提高|上升|下降|减少|降低|下滑|回落)(?:明显|显著|较快|较多|幅度较大)$"
)
#: A percentage that the growth after it is said in (保持 55% 的高位增长, 实现 10.3%
#: 的增长): the growth rate of what the sentence measures, not a share of 增长.
_GROWTH_AFTER_RE = re.compile(
    r"^\s*的\s*(?:高位|高速|快速|较快|较高|稳定|稳步|平稳|显著|持续)?(?:增长|增速|增幅)"
    r"(?![\u4e00-\u9fff])"
)
#: The light verb before such a percentage (保持, 实现): it says nothing measured.
_GROWTH_LIGHT_VERB_RE = re.compile(
    r"(?:依然|仍然|仍|继续|持续|均)?(?:保持|实现|取得|达到|维持)了?\s*$"
)
#: A comparison before it (普遍高于主营业务收入 10% 左右的增速): another's growth,
#: whose owner the sentence leaves to the reader.
_GROWTH_COMPARED_RE = re.compile(r"高于|低于|快于|慢于|超过|不及")


#: A sentence that tells of a document's issue (发布《…》, 《…》印发): its date
#: is the act's.
_ISSUES_RE = re.compile(
    r"(?:发布|印发|出台|颁布|公布|施行|实施)《|》(?:正式)?(?:发布|印发|出台|颁布|施行|实施)"
)
#: 每 and a change of one unit or of some amount (每提高 1 点, 每投入 1 元, 算力规模
#: 平均每增长 42%): the figures after it are an effect per unit, and the amount no
#: measurement.
_PER_UNIT_RE = re.compile(
    r"每(?:提高|提升|增加|增长|投入|降低|减少|下降)\s*(?:\d+(?:\.\d+)?|一)\s*\S"
)
#: A clause saying its subject leads (大幅领先, 居首, 最多): a share after it is its.
_LEADS_RE = re.compile(r"(?:大幅|遥遥|明显|继续|仍)?(?:领先|居首位?|最高|最多|最大|第一)$")
#: A bound said before 占 of the share after it (约占…的 89%, 超过…占 …).
_BOUNDED_SHARE_RE = re.compile(
    r"(?P<bound>约|大约|近|将近|接近|超过|超|逾|不足|不到)占[^，,；;。]*$"
)
#: Kinds of people too wide to stand for a part's place in its whole.
_USERS = frozenset({"用户", "网民", "客户", "人口", "居民"})
#: The whole that regions of a level are shares of, when a list of them states
#: its shares without one (北京、上海、广东…占比分别为 …): provinces of the
#: nation's, countries of the world's.
_REGIONS_WHOLE = {"province": "全国", "part": "全国", "abroad": "全球"}
#: Acts of enforcement and disposal whose object a count counts (下架 172 款 APP:
#: the apps taken down, not the apps): kept in the label though a verb alone
#: names no measure.
_ENFORCEMENT_VERBS = frozenset(
    {"下架", "关闭", "封禁", "处置", "清理", "通报", "约谈", "查处", "拦截", "删除", "注销",
     "取缔", "屏蔽", "处罚", "曝光", "整改", "清退", "关停", "封堵", "处理", "责令整改", "责令"}
)  # fmt: skip
#: What follows a verb inside a system's or a platform's name (国家一体化电子证照共享
#: 服务系统: 共享 names what the system does, it is no act of the label's).
_IN_NAME_AFTER_RE = re.compile(r"[^的，,、]{0,4}?(?:系统|平台|中心|数据库)")
#: Verbs of holding a thing (a card taken up, an account registered).
_HOLDING_VERBS = "领用|持卡|持有|注册|申领|办理"
#: A count of a thing's holders or users (电子社保卡领用人数, 社会保障卡持卡人数).
_HOLDERS_COUNT_RE = re.compile(rf"(?:实名)?(?:{_HOLDING_VERBS})(?:人数|用户数|用户规模)$")
#: A system a clause says was opened (推动国家法律法规数据库正式开通): the holder of
#: what the clauses after it count.
_OPENED_SYSTEM_RE = re.compile(
    r"(?P<system>[^，,、的]{2,24}?(?:数据库|平台|系统))"
    r"(?:正式|全面)?(?:开通|上线|建成|启用|投入使用)\s*$"
    r"|完成(?P<built>[^，,、的]{2,24}?(?:数据库|平台|系统))建设\s*$"
)
#: The amount a share's whole measures (100 家企业总营收): a count's share of it is
#: the counted things' amount.
_WHOLE_AMOUNT_RE = re.compile(
    r"总?(?P<amount>营收|营业收入|收入|销售额|交易额|产值|利润|市值|投资额|出口额)$"
)
#: A formula a design is named by: “1+4+N”, “1（综合型）+5（行业型）” (not “5G+工业互联网”).
_FORMULA_RE = re.compile(
    r"“\s*\d+\s*(?:[（(][^）)“”]{0,8}[）)])?\s*(?:\+\s*(?:\d+|[NnXx])\s*(?:[（(][^）)“”]{0,8}[）)])?\s*)+”"
)
#: How far (characters) before a count a formula may name it as a part.
_FORMULA_REACH = 200
#: The first phrase of a heading run into the text, then the space that parts
#: it from the second (加强电商人才培训 助力乡村全面振兴).
_RUN_IN_HEAD_RE = re.compile(r"\s*(?P<first>[\u4e00-\u9fff]{3,12})[ \u3000]")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
#: A share's lead that names no part: 占比为 31.8%.
_BARE_SHARES = frozenset({"占", "占比", "比例", "比重", "所占比例"})
#: A clause naming the first of a list of reasons (促进非网民上网的首要因素是…) and the
#: next (其次是…): the shares after them are of those who name each.
_REASON_KINDS = "因素|原因|理由|障碍|顾虑|目的|用途|渠道"
_REASON_RE = re.compile(
    r"^(?P<topic>[^，,；;：:]{2,24}?)的?(?:首要|主要|最主要|第一)"
    rf"(?P<kind>{_REASON_KINDS})(?:是|为)(?P<item>[^，,；;]{{2,30}})$"
)
_NEXT_REASON_RE = re.compile(
    r"^(?:其次|再次|然后|第[二三四五六])(?:是|为)(?P<item>[^，,；;]{2,30})$"
)
#: …；“提供可以无障碍使用的上网设备”是促进非网民上网的第二大因素，占比为…
_NTH_REASON_RE = re.compile(
    r"^(?P<item>[^，,；;]{2,30}?)(?:是|为)[^，,；;]{0,24}?第[二三四五六七八九十]大?"
    rf"(?:{_REASON_KINDS})$"
)
#: A share's noun at the end of a label, which 占 WHOLE 比例 replaces.
_SHARE_SUFFIX_RE = re.compile(r"(?:占比|比重|比例)$")
#: A label that names a growth or a change (年增速, 披露的金额环比增长率).
_GROWTH_END_RE = re.compile(r"(?:增长率|增速|增幅|增量|复合增长率)$")
#: Things added over a span (新增建设…项目 19 个 截至 2024 年底): a flow, like an amount.
_ADDED_RE = re.compile(r"(?:新增|新建|新开通|新发布|新上线)")
#: A measure summed over time (a flow), whose figure at a month's end is the
#: sum since January (移动互联网累计流量: traffic is a flow when summed, 累计; a
#: 月户均流量 is a month's average, no sum).
_FLOW_END_RE = re.compile(
    r"(?:营业额|销售额|零售额|交易额|成交额|进出口额|出口额|进口额|营业收入|业务收入|服务收入|收入|"
    r"营收|利润|利润总额|净利润|销量|出货量|产量|业务量|交易量|发货量|投资额|融资额|增加值|产值|"
    r"支出|花费|消费额|增加值规模|产值规模|交易规模|销售规模|营收规模|收入规模|累计流量)$"
)
#: A label a sentence's topic may own: a growth, a change or a rate.
_OWNED_END_RE = re.compile(r"(?:增长率|增速|增幅|增量|覆盖率|渗透率|普及率|使用率|占有率)$")
#: The measure a counted topic ends in, which a rate of it replaces.
_TOPIC_HEAD_RE = re.compile(r"(?:总数|数量|人数|总量|规模|数)$")
#: Words a growth opens with that its owner's name replaces (其中增量, 今年增量).
_GROWTH_HEAD_RE = re.compile(r"^(?:其中|今年|本年|全年|当年)+")
#: An amount that names no thing (利润总额, 交易金额, 平均用工人数): whose it is, the
#: sentence must say.
_BARE_AMOUNT_RE = re.compile(
    r"^(?:实现|平均|累计|全年|年)?(?:营业收入|营收|主营业务收入|收入|利润总额|利润|净利润|"
    r"交易额|交易金额|交易笔数|销售额|成交额|营业额|用工人数|从业人数|出口额|进口额|投资额|"
    r"产值|增加值|线上交易额|注册资本|融资额|融资金额|研发投入|研发费用|研发经费|研发支出|"
    r"工资|人均工资|薪酬)$"
)
_BARE_OPENER_RE = re.compile(r"^(?:实现|累计|全年)")
#: 目前/当前: the document's own date.
_NOW_RE = re.compile(
    r"目前|当前|现阶段|如今|截至目前|截止目前|至今|近年来|近几年来?|近些年来?|多年来"
)
#: A clause of who acts through what (山东文旅 | 通过 | “数智一体化”智慧文旅服务平台).
_VIA_PLATFORM_RE = re.compile(
    r"(?P<who>[^，,；;\d]{2,12}?)(?:通过|依托|借助)(?P<via>[^，,；;]{4,30})"
)
#: Where a body acts, at a lead's end (国家移民管理局 | 在全国).
_ACTS_IN_RE = re.compile(r"(?:在|于)(?P<place>[\u4e00-\u9fff]{2,8})$")
#: A holiday (国庆假期, “五一”假期, 春节后, 黄金周) or a shopping festival not
#: named by its day (“双品网购节”, 年货节; “618” is, see
#: :func:`~cikg.extract.periods.find_dated_events`): a span of days no period
#: names; figures in a sentence timed by one alone cannot be dated.
_HOLIDAY_RE = re.compile(
    r"(?:国庆|春节|中秋|端午|元旦|清明|五一|劳动节)”?(?:假期|长假|小长假|黄金周|期间|前后|后|前)"
    r"|黄金周|小长假|(?:网购|购物|年货|消费|电商)(?:节|季)"
)
#: A clause that says during which numbered event (第 127 届广交会期间): it names it.
_NUMBERED_EVENT_RE = re.compile(
    r"(?:在)?(?P<event>第\s*[\d一二三四五六七八九十百]+\s*届[^，,；;。]{2,16}?)期间"
)
#: The kinds of event a paragraph names and a later sentence refers back to.
_EVENT_KINDS = "活动|培训|大赛|比赛|展销会|展会|大会|论坛|会议"
#: A quoted event and its kind (“万人电商公益培训”活动, “乐享扶余 清凉一夏”展销会).
_QUOTED_EVENT_RE = re.compile(rf"“[^”]{{2,24}}”(?:{_EVENT_KINDS})|“[^”]{{0,22}}(?:{_EVENT_KINDS})”")
#: A clause that says an event of a kind ended (培训结束后, 此次活动结束后).
_EVENT_ENDED_RE = re.compile(rf"(?:此次|本次|该)?(?P<kind>{_EVENT_KINDS})(?:结束后|结束时|闭幕后)")
#: A clause that says during which event (第 127 届广交会期间, 在疫情防控期间).
_DURING_RE = re.compile(r"(?:在)?[^，,；;。]{1,20}期间")
#: A clause opens with several companies (中国电信、中国移动、中国联通 …).
_SEVERAL = "、"
#: Words for the company a document is about (上半年，公司移动通信服务收入…).
_COMPANY_ANAPHORA = ("该公司", "本公司", "公司", "该集团", "集团")
#: A clause that only names a source: 据中证报报道, 另据南京日报报道, 数据显示.
_SOURCE_CLAUSE_RE = re.compile(
    r"^\s*(?:(?:另|又)?据|根据|依据)[^，,；;]{0,30}?(?:报道|显示|介绍|统计|消息|数据|测算|监测|发布)"
    r"[^，,；;]{0,2}[，,]?\s*$"
    r"|^\s*[\u4e00-\u9fffA-Za-z]{0,8}?(?:数据|统计|监测|调查|报告|公告|财报)显示[，,：:]?\s*$"
    # a speaker: 上海市商务委员会主任朱民介绍，… says who speaks, not what is measured
    r"|^[^，,；;]{2,30}?(?:介绍|表示|透露|指出|称|说)[，,：:]?\s*$"
)
#: A rate compared with another rate right before percentage points: the gap
#: between them (高于全球增速, 快于社会消费品零售总额同比增速, 低于全国平均水平).
#: Not one compared with a time (高于上年同期 2 个百分点 is a change over the year).
_GAP_VERB = r"(?P<verb>高于|高出|低于|快于|慢于)"
_GAP_END = r"\s*(?:约|近|超过?)?\s*$"  # the bound before the number, then the number
_GAP_RE = re.compile(
    _GAP_VERB + r"(?![^，,；;]*(?:上年|去年|同期|上期|上月|年|月|季度))"
    r"(?P<other>[^，,；;]{2,24}?)" + _GAP_END
)
#: 高于同期我国外贸整体增速: another thing's rate of the same time, not a period's.
_SAME_TIME_OTHER_RE = re.compile(
    _GAP_VERB + r"同期(?=[^，,；;]{2,24}?(?:增速|增幅|增长率)" + _GAP_END + ")"
)
#: The most a rule grants (给予最高 50 万元资助, 最高奖励 100 万元): a ceiling, not a
#: measurement of what was granted.
_CEILING_BEFORE_RE = re.compile(
    r"(?:(?:给予|奖励|补贴|补助|资助|奖补|支持)[^，,；;。]{0,8}?最高|最高(?:可)?(?:给予|奖励|补贴|"
    r"补助|资助|奖补|支持))(?:可达|可|达|不超过)?\s*$"
)
#: The measure word a level ends in, after the thing it measures (国产品牌手机出货量).
_THING_END_RE = re.compile(r"(?:出货量|销售量|销量|产量|交易量|总数|数量|人数|总量|规模|数|量)$")
#: What 其中 and the items before a part hold when the part is the next of a list
#: (其中，32 个顶层设计政策、): counts and their nouns, each closed by 、.
_LISTED_PARTS_RE = re.compile(r"其中[，,：:]?\s*(?:[^，,；;。、]+、)+\s*")
#: Each of a kind of place (各国家地区, 全国各省份): no place's own figure's owner.
_DISTRIBUTIVE_RE = re.compile(
    r"^(?:全球|全国|世界)?各(?:国家和地区|国家地区|国家|国|地区|省份|省市|省|城市|地市|区县|地)"
)
#: What was gathered as data (汇聚约 11.07 亿块农村承包地、…等数据): with no body
#: named as holding them, the counts say how many records there are, not how
#: many of the things (全国水利一张图汇总…等数据 are the map's: read as such).
_DATA_ITEMS_RE = re.compile(
    r"(?:汇聚|归集|汇集|采集|整合|收录|汇总)[^，,；;。]*?等(?:数据|信息)(?!显示|表明|来源)"
)
#: Words before such a verb that name no holder of the data (数据显示，我国已).
_NO_HOLDER_RE = re.compile(r"[\s，,：:]|数据显示|我国|全国|国内|已经|已|累计|共|约")
#: Words a percentage's group names people by and nothing else (其中 68.8% 的人).
_GENERIC_PEOPLE = frozenset({"人", "人群", "者", "人员"})
#: A level that counts people (…的网民数量, 用户规模): what they are, then the measure.
_PEOPLE_COUNTED_RE = re.compile(r"(?:网民|用户|人员|居民|人)(?P<measure>数量|人数|数|规模)$")
#: How people hold a thing, before the count of them (电子社保卡领用人数).
_HOLDING_END_RE = re.compile(rf"(?:{_HOLDING_VERBS}|使用)$")
#: A rate of a thing that names no thing (普及率, 覆盖率): of the last level's thing.
_RATE_OF_THING_RE = re.compile(r"(?:普及率|覆盖率|渗透率|使用率|开通率|领用率)")
#: A count in kinds or batches (10 类, 10 批): its classifier, and the word its
#: label counts by instead of 数/数量.
_KIND_COUNT_RE = re.compile(r"\d\s*([类批])$")
_KIND_COUNT_WORDS = {"类": "类别数", "批": "批次数"}
#: A count of events held (5 场培训, 3 届大会): a flow over time.
_EVENTS_HELD_RE = re.compile(r"(?:场|届|期)$")
#: An item of a list of kinds (其中包括电子信息类, 软件和信息服务类): the kind alone.
_KIND_ITEM_RE = re.compile(r"(?:其中)?(?:包括|包含|含|有)?(?P<kind>[^，,、；;的]{1,10}?类)")
#: The count word a count's label ends in (批次数, 数量 …).
_COUNT_WORD_END_RE = re.compile(r"(?:批次数|类别数|总数|数量|个数|数)$")
_COUNT_END_RE = re.compile(r"(?:数量|数)$")
#: A measure of an act (访问人次, 观看量, 播放量, 使用时长): the act's verb, then its
#: measure word; searched, it ends a label (国家中小学网络云平台 | 浏览人次).
_ACT_MEASURE_RE = re.compile(r"(?P<act>[\u4e00-\u9fff]{2})(?:人次|次数|量|时长)$")
#: An act, after what did it, right before a count of times it was done (平台“防疫健康
#: 信息码” | 累计 | 访问 | 达, 全国累计调用, 累计观看超).
_ACT_COUNT_LEAD_RE = re.compile(
    r"(?P<thing>[^，,；;]{0,20}?)(?:累计|共|总共|共计)?"
    r"(?P<act>访问|调用|浏览|观看|播放|下载|点击|查询)了?"
    r"\s*(?:达到|达|超过|超|突破|逾|近|约)?$"
)
#: The persons who did an act (使用人数): searched, it ends a label as an act's
#: measure does.
_ACTORS_RE = re.compile(r"(?P<act>[\u4e00-\u9fff]{2})人数$")
#: A count of a thing's users (微信搜一搜 | 日活跃用户量, 抖音 | 月活跃用户数): the
#: users whose acts (搜索量, 播放量) are the thing's too.
_USERS_COUNT_RE = re.compile(
    r"(?:日|月|年)?活跃用户(?:量|数|数量|规模)$|(?:用户|网民)(?:数|数量|规模)$"
)
#: Words that name an amount's size, nothing else (投融资规模 is 投融资).
_SIZE_WORDS = frozenset({"规模", "总规模", "总额", "金额"})
#: A contribution to a growth in points (A 拉动 B 增长 1.3 个百分点).
_PULL_RE = re.compile(r"(?P<by>[^，,；;]*?)拉动(?P<of>[^，,；;]+?)(?:同比)?增长\s*$")
#: A clause that names the place its sentence goes on about as what a kind
#: of place is (…数量最多的省份为山东): the figures after it are that place's.
_NAMED_PLACE_RE = re.compile(
    r"的(?:省份|省区市|省|城市|地市|地区|国家)(?:为|是)(?P<place>[\u4e00-\u9fff]{2,8})$"
)
#: What makes a count one of new things (新签约 5G 2B 商用项目, 新增 5G 基站).
_NEW_THINGS_RE = re.compile(r"(?:新签约|新签|新增|新建|新开通|新上线|新发展|新认定)")
#: The whole a share after a level places it in (占同期手机上市新机型数量的 90.9%).
_WHOLE_AFTER_RE = re.compile(r"占(?P<whole>[^，,；;。的占]{2,24}?)(?:数量|总数|数)?的")
#: The rate a gap is measured against: a growth (增速) or a level (比例, 占比, …率).
_GAP_GROWTH_RE = re.compile(r"(?:同比|环比)?(?:增速|增幅|增长率)$")
_GAP_RATE_RE = re.compile(_GAP_GROWTH_RE.pattern + r"|(?:比例|比重|占比|率|水平)$")
#: A source clause that cites a company's own report (据滴滴公司公告数据显示,
#: 据中国移动财报): the company owns the sentence's figures.
_COMPANY_REPORT_RE = re.compile(
    r"^\s*(?:另|又)?据(?P<who>[^，,；;]{2,12}?)(?:公司|集团)?(?:发布的?)?"
    r"(?:公告|财报|年报|半年报|季报|业绩报告|业绩公告)"
)
#: A share's label: the part, 占, the whole (前 10 大省市占全国的比例).
_SHARE_PART_RE = re.compile(r"(?P<part>.+?)占.+(?:比例|比重)$")
#: A contribution to something else's growth (对…增长的贡献率, 对…的拉动).
_CONTRIBUTION_RE = re.compile(r"贡献率|贡献度|拉动")
#: A span of whole years (2012 年-2022 年, 2017 年到 2021 年; not 2017 年至 2021 年 6 月).
_WHOLE_YEARS_RE = re.compile(
    r"(?P<first>(?:19|20)\d{2})\s*年?\s*(?:-|—|–|~|至|到)\s*(?:19|20)\d{2}\s*年(?!\s*\d{1,2}\s*月)"
)
#: A world share at a label's end (数据产量全球占比).
_WORLD_SHARE_END_RE = re.compile(r"(?:全球|世界)(?:的)?(?:占比|份额|比重|比例)$")
#: A lead that is a share of the world's total and nothing else (全球占比均超过).
_WORLD_SHARE_LEAD_RE = re.compile(
    r"^[\s，,]*(?:在)?(?:全球|世界)(?:的)?(?:占比|份额|比重)(?:均|已|也)?"
    r"(?:超过|达到|达|为|约为|约|接近|近)?\s*$"
)
#: A clause that only names the aspect what follows is about: 移动通信方面.
_ASPECT_CLAUSE_RE = re.compile(r"^\s*[^，,；;]{1,15}?方面\s*[，,]?\s*$")
#: A clause that is only a time (上半年, 2024 年, 截至 6 月末).
_ONLY_TIME_RE = re.compile(
    r"^\s*(?:截至|截止|到)?\s*(?:\d{4}\s*年)?\s*(?:上半年|下半年|全年|前?[一二三四1-4]季度|"
    r"\d{1,2}\s*月(?:末|底|份)?|年[末底]|今年|去年)?\s*$"
)
#: A clause that names the example the sentence goes on with (以钉钉为例).
_EXAMPLE_CLAUSE_RE = re.compile(r"^\s*以(?P<example>[^，,；;]{2,40}?)为例\s*[，,]?\s*$")
#: A clause that only says since when (自上线试运行一年以来, 2019 年以来, 今年以来,
#: 上线一年来: an act of two characters at most before the span): no one acts in it
#: (中心自 2014 年正式运营以来: 中心 does).
_SINCE_CLAUSE_RE = re.compile(
    r"^\s*(?:(?:自|从)[^，,；;]{0,16}?|\d{4}\s*年[^，,；;]{0,4}?|今年|近年)(?:以来|至今)\s*$|"
    r"^\s*[^\d，,；;]{0,2}?(?:近|过去)?[一二三四五六七八九十两\d]+\s*多?(?:年|个月)来\s*$"
)
_RESPECTIVELY_RE = re.compile(r"分别|依次")
#: A count of kinds (10 类, 3 大类, 5 种类), which a count of the items may follow.
_KINDS_RE = re.compile(r"(?:大?类|种类)$")
#: A clause that names the one of a kind that leads in a measure (开通政务抖音号数量
#: 最多的省份为山东): the measure, which a bare figure after it states.
_MOST_OF_KIND_RE = re.compile(
    r"^\s*(?:其中[，,]?\s*)?(?P<measure>[^，,；;的]{2,30}?)(?:最多|最高|最大)的"
    r"(?:省份|省|城市|地市|地区|国家|企业|平台)(?:为|是)"
)
#: Words for the nation a topic may open with (中国跨境电商快速发展).
_NATION_OPENERS = ("中国", "我国", "全国")
#: The people a survey names in many kinds (手机网民, 农村网民 …, then 网民 for all).
_SURVEYED_PEOPLE = frozenset({"网民", "用户", "人", "居民", "人群"})
#: A span of hours of the day (11点至12点, 17 点到 20 点).
_HOURS_RE = re.compile(r"\d{1,2}\s*点?\s*(?:至|到|-|—)\s*\d{1,2}\s*点")
#: A subject that names only hours of the day, or their sum (18 点至 23 点使用时长
#: 占比, 合计时长占比): a slot of something's use, not a thing.
_SLOT_RE = re.compile(r"^(?:合计|(?:午间|晚间|早间|上午|下午|晚上)?\s*\d{1,2}\s*[点时])")
#: Words of an account of what was done, not of a plan: 已建成, 累计, 截至 ….
_DONE_RE = re.compile(r"已|累计|截至|截止|目前|现有|共有|了|同比|比上年|较上年")
_CLAUSE_SPLIT_RE = re.compile(r"[，,；;：:]")
#: What a body will do (上海将推进…, 将加快建设…): a plan's sentence.
_WILL_RE = re.compile(
    r"(?<![已曾即])将(?:推进|推动|加快|建设|打造|完善|加强|深化|实施|开展|建立|构建|培育|布局|"
    r"持续|继续|进一步|重点|着力|全面|大力|积极)"
)
#: 均/都 before the verb: one figure stated of each item (A、B 比例均超过 99%).
_EACH_RE = re.compile(r"(?:均|都)\s*(?:为|达|达到|超过|超|突破|在|高于|低于|保持在?|不低于)?\s*$")
#: The verb that links a subject to its whole rate (通宽带率达 100%), and words
#: that make the rate a sum's (合计, 累计).
_LINK_END_RE = re.compile(r"(?:达到|达|为|实现了?)\s*$")
_SUMMED_RE = re.compile(r"合计|共计|总计|累计|合并|总体|整体")
#: A span of years (2018 年-2021 年, 2019—2022 年) whose years a 分别 list goes through.
_YEAR_SPAN_RE = re.compile(
    r"(?P<first>(?:19|20)\d{2})\s*年?\s*[-—–~至到]\s*(?P<last>(?:19|20)\d{2})\s*年"
)
#: What is left of a 分别 clause's subject that names no items of its own:
#: a comparison (较 2023 年 12 月, 同比) or a rate of the items named before
#: (增长率分别为 10.5%、8.8%).
_BARE_COMPARISON_RE = re.compile(r"^(?:同比|环比|较.*|比.*|与.*相比)?$")
_BARE_RATES = frozenset({"增长率", "增速", "增幅"})
#: A clause that names items and says how they fare, without figures:
#: (其中，)A、B 和 C 的用户规模增长最快 — its items are what follows.
_FARING_RE = re.compile(
    r"^(?:其中|其次|同时)?[，,]?(?P<items>.+?)(?:增长|增速|增幅|提升|上升|下降|降幅)"
    r"(?:最快|最为显著|最显著|最大|最多|较快|较大|明显|显著)$"
)
#: What is left of a clause that only dates (截至 2021 年底，) once its periods are cut.
_ONLY_DATE_RE = re.compile(
    r"^[\s，,；;]*(?:截至|截止到?|到|至|于|在)?[\s，,；;]*(?:底|末)?[\s，,；;]*$"
)
#: A clause that lists things of a kind and says how they fare, without
#: figures (网上外卖、在线办公、在线医疗、网络视频等数字服务蓬勃发展): the items a
#: 分别 list of one measure after it is of.
_LISTED_RE = re.compile(
    r"^(?:此外|同时|其中|另外)?[，,]?(?P<items>[^，,；;：:]+?(?:、[^，,；;：:]+?)+)等"
    r"[^，,；;：:、]{1,10}(?:蓬勃发展|快速发展|加快发展|持续发展|稳步发展|发展迅速|迅速发展)$"
)
_FROM_RE = re.compile(r"[由从]\s*$|[由从](?=[^，,；;]*$)")
_TO_RE = re.compile(
    r"^\s*(?:[^，,；;]{0,12}?)(?:增长|提升|上升|增加|提高|下降|降低|减少|回落|扩大|缩小|增)?(?:至|到)"
)
_RANGE_SEP_RE = re.compile(r"^\s*[-—–~～至到]\s*$")
#: Rates of use among a population (使用率, 普及率 …), and the measure of the
#: users a head ends in, which such a rate replaces (短视频用户规模 -> 短视频).
_USAGE_RATES = frozenset({"使用率", "网民使用率", "普及率", "渗透率", "覆盖率"})
_USAGE_RATE_END_RE = re.compile(
    "(?:" + "|".join(sorted(_USAGE_RATES, key=len, reverse=True)) + ")$"
)
_USERS_END_RE = re.compile(r"(?:用户规模|用户数量?|网民规模|用户)$")
#: What count_label appends to a counted noun (5G基站 -> 5G基站数量).
_COUNT_SUFFIXES = ("数量", "人数")
_GENERIC_SUBJECTS = frozenset(
    {
        "占比",
        "比例",
        "所占比例",
        "比重",
        "用户规模",
        "规模",
        "总规模",
        "数量",
        "总量",
        "总数",
        "人数",
        "金额",
        "使用率",
        "网民使用率",
        "普及率",
        "占有率",
        "增速",
        "增长率",
        "份额",
        "占比份额",
        "市场份额",
        "年均复合增长率",
        "年均增长率",
        "复合增长率",
        "年均增速",
        "整体规模",
        "总体规模",
    }
)
_SHARE_END_RE = re.compile(r"(?:占比|比例|比重|份额)$")
#: A rate, a share or a growth: no level a share 占… can be of.
_RATE_WORD_END_RE = re.compile(r"(?:率|占比|比例|比重|份额|增速|增幅|增量)$")
#: Derivations that change a measure: a part's change is the part's label's.
_CHANGES = frozenset({"change", "growth-rate"})
#: Adverbs a predicate may open with (已和上级医院建立…).
_ADVERB_LEAD_RE = re.compile(r"^(?:已经|已|均|都|也|还)")
#: 和 or 与 as "with" opening a predicate, not a list's 和 before a number.
_WITH_RE = re.compile(r"[和与](?![\d一二三四五六七八九十])")
#: A box's or a case's number alone in a clause (专栏 3：).
_BOX_NUMBER_RE = re.compile(r"\s*(?:专栏|案例)\s*[\d一二三四五六七八九十]+\s*[:：．.]?\s*")
#: What numbers a box, a chart or a table (专栏 3, 图 3, 表 2-1): no figure follows.
_NUMBERING_RE = re.compile(r"(?:专栏|案例|图|表|附表|附图)\s*$")
#: Fields or places a figure is counted in, before the number (…铁路等领域 1000 余项).
_DOMAINS_RE = re.compile(r"等(?:领域|行业|方面|部门|地区)$")
#: A count and its classifier inside a phrase (首批 81 家上市公司).
_COUNTED_RE = re.compile(r"[\d.]+\s*[万亿]?\s*[个家项所名位款座部条台]")
#: The jobs a thing brings, right before a number of persons (带动就业超, 吸纳就业约).
_JOBS_BROUGHT_RE = re.compile(
    r"(?P<verb>带动|吸纳|创造)(?:了)?就业(?:人数|岗位)?\s*(?:达到|达|为|超过|超|约|近|逾|突破)*\s*$"
)
#: A group's size, not the size of a ranking (前 100 家数字企业 keeps its 100).
_GROUP_SIZE_RE = re.compile(r"(?<![前\d.])(?<!前\s)" + _COUNTED_RE.pattern)
#: How long a rank has held, after its subject (连续三年, 连续多年, 多年来).
_FOR_YEARS_RE = re.compile(r"(?:已?连续|多年来?)(?:[\d一二三四五六七八九十两]+|多)?年?来?$")
#: A rank stated after a measure, without a verb (超算数量世界第一).
#: The set a rank ranges over (位居全球第二, 居中部第一, 位列全省第三).
_RANK_SCOPE = (
    "全球|世界|全国|亚洲|全省|全市|全区|省内|中西部|中部|西部|东部|东北|华东|华南|华北|华中"
)
_RANK_TAIL_RE = re.compile(rf"(?:{_RANK_SCOPE})?第[一二三四五六七八九十\d]{{1,3}}(?:位|名)?$")
_RANK_RE = re.compile(
    rf"(?:位居|位列|排名|排在|居于?|稳居|(?:提升|上升|跃升|攀升|提高|升|下降|降|回落)至)"
    rf"(?P<scope>{_RANK_SCOPE})?第\s*"
    r"(?P<n>[一二三四五六七八九十]{1,3}|\d{1,3})\s*(?:位|名)?"
)
#: The rank a change started from, with its date (排名从 2018 年的第 65 位提升至第 45 位).
_RANK_FROM_RE = re.compile(
    rf"从\s*(?P<when>[^，。；的]{{2,12}}?)的(?P<scope>{_RANK_SCOPE})?第\s*"
    r"(?P<n>[一二三四五六七八九十]{1,3}|\d{1,3})\s*(?:位|名)"
)
#: An apposition before a noun (作为衡量…核心指标的 在线服务指数): what the thing is.
_APPOSITION_RE = re.compile(r"^作为[^，,；;的]+的(?=[^，,；;]{2,})")
#: 排名 and how it moved, before the rank it moved to (排名大幅提升至…): no subject's words.
_RANK_MOVED_RE = re.compile(r"排名\s*(?:大幅|进一步|再次|首次|稳步|持续)?\s*$")
_IMPLIED_UNITS = (
    (re.compile(r"人次$"), "person_time"),
    (re.compile(r"(?:人数|用户数|用户量|网民数|网民规模|用户规模)$"), "person"),
    (re.compile(r"指数$"), "index"),  # 电子政务发展指数 0.7948: a score on the index's scale
    # 指数, 系数, 倍数, 分数 are measures, not counts
    (re.compile(r"(?:个数|总数|数量|(?<![指系倍分函])数)$"), "count"),
)
#: A lead that opens with a preposition names no subject: 与五大洲 23 个国家建立….
_PREPOSITION_LEAD_RE = re.compile(r"^(?:与|同|向|对(?!于)|为|给|跟|面向)(?![国比例])")
#: A group counted before what it includes (11 个新入围者中包括 | 8 个…).
_INCLUDED_IN_RE = re.compile(
    r"\d+\s*(?:个|家|款|项|名)(?P<group>[^，,；;\d]{1,8}?)中(?:共)?包括\s*$"
)
#: A change against a target (较 2019 年 8 亿连接数的目标提高): of one target over another.
_TARGET_BASE_RE = re.compile(
    r"(?:较|比)[^，,；;]{0,24}?目标值?\s*(?:提高|提升|增加|增长|上升|下降|减少|降低)"
)
#: 较 2019 年同期（50257 个）: a comparison base's value in brackets.
_BASE_VALUE_RE = re.compile(r"(?:较|比|与)(?P<base>[^，,；;（(]{1,16}?)\s*[（(]\s*$")
_QUALIFIED_BOUNDS = frozenset({"more_than", "at_least", "approximately", "less_than", "at_most"})


@dataclass(frozen=True, slots=True)
class ProseContext:
    """What prose is read against.

    :param units: the curated unit table.
    :param subjects: lookups for subjects (segmenter, regions, indicators,
        organisations).
    :param derivation_in: the derivation key a phrase names (占网民整体 ->
        ``share-of-internet-users``).
    :param is_policy_title: whether a 《》 title is a policy (targets name it).
    :param default_period: the document's reference date (a report's 调查截止
        日期, an article's date), or ``None``.
    :param default_year: the year of periods written without one (11 月).
    :param scope: the document's scope, a curated region name, or ``None``.
    :param citations: footnote marker -> source organisation names.
    :param footnote_periods: footnote marker -> the period a footnote gives
        its figure (⁸ 此处IPv6活跃用户数取值为截至2024年11月数据).
    :param source_dates: footnote marker -> the day the source a footnote
        cites was published (⁵³ 来源：《小红书搜索报告》，…，2024 年 8 月 7 日): a
        figure the text does not date is of no period after it.
    :param company: the company a document is about (an article on 中国电信's
        results), whom 公司 and 该公司 refer to; ``None`` when there is none.
    :param is_company: whether a name is a curated company's: a company that
        opens a sentence owns the figures it states (中国电信上半年…，其中，移动
        增值及应用收入达 154 亿元 is 中国电信's).
    :param published: the last day the document can have been published (its
        date; the month's or year's end when it gives no day), or ``None``: a
        figure for a period that starts later is no actual value.
    :param dated_sources: the data sources the document dates once as the
        latest of their kind (2021 年最新投入产出表: 投入产出表 -> 2021), whose
        year a figure 根据最新的投入产出表测算 is of
        (:func:`~cikg.extract.periods.find_dated_sources`).
    """

    units: UnitTable
    subjects: SubjectContext
    derivation_in: Callable[[str], str | None]
    is_policy_title: Callable[[str], bool]
    default_period: Period | None
    default_year: int | None
    scope: str | None = None
    citations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    footnote_periods: dict[str, Period] = field(default_factory=dict)
    source_dates: dict[str, date] = field(default_factory=dict)
    company: str | None = None
    is_company: Callable[[str], bool] = lambda name: False
    published: date | None = None
    dated_sources: dict[str, Period] = field(default_factory=dict)


@dataclass
class ProseResult:
    """Facts from one passage, and what was seen but not made a fact.

    :param facts: the figures read.
    :param findings: numbers left out, each with its reason.
    :param seen: how many numbers the passage holds.
    """

    facts: list[ObservationFact] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    seen: int = 0


@dataclass
class _State:
    """Context that flows along a paragraph (and, reset, along a sentence)."""

    period: Period | None = None  # the period governing what follows
    period_source: str = "report"
    previous: Period | None = None  # the period the previous sentence set
    carried: Period | None = None  # the sentence's last period that goes on to the next
    from_period: Period | None = None  # the period a 由 A 提高到 B of the sentence started at
    said: list[str] = field(default_factory=list)  # labels of the sentence's figures so far
    parts: dict[str, str] = field(default_factory=dict)  # 其中 parts' labels -> with their whole
    topic: str = ""  # the last measure named
    last: str = ""  # the label of the last figure read (占比较…提高: its change)
    last_unit: str | None = None  # and its unit
    last_at: int = 0  # and where it stands in the paragraph
    units: dict[str, str] = field(default_factory=dict)  # label -> unit of figures read
    pending_np: str = ""  # the noun phrase of that clause (学生最多，占比为 23.7%)
    places: list[str] = field(default_factory=list)  # listed (北京、上海等省市，)
    first_clause: bool = True  # the clause being read is its sentence's first
    change_base: str = ""  # the subject the sentence's last change named
    comparison: str | None = None  # the dated base the sentence's last change was against
    # the dated base of the last sentence that gave one, for the undated sentences after it
    carried_comparison: str | None = None
    reporter: str = ""  # the company whose own report the sentence cites (据滴滴公司公告)
    # the one curated company a sentence of no figure before it was about (腾讯通过…，为小程序
    # 业务创造…。第三季度，小程序交易额超 2 万亿元: 腾讯's)
    told_company: str = ""
    told_company_before: str = ""  # and that of the sentence before, for this one
    theme: str = ""  # what a topic clause opened the sentence with (医保电子凭证全面推广应用)
    told: str = ""  # what the sentence, if a topic alone, is about (中国跨境电商快速发展。)
    told_before: str = ""  # and what the sentence before it was, for a sentence of no theme
    outside: tuple[Period | None, str] | None = None  # the period after a clause's 近 N 年
    actor: str = ""  # who the sentence is about (北斗三号全球卫星导航系统…，总用户数超 20 亿)
    # the sentence's actor owns its figures: named again by its kind (中心自…) or a
    # system the sentence opened (完成检举举报平台建设，…)
    referred: bool = False
    through: bool = False  # the actor acts through a named platform (…通过“…”平台，)
    companies: list[str] = field(default_factory=list)  # curated companies opening its clauses
    shared_verb: str = ""  # the verb of a list of objects (处置信息 3 万条、账号 5600 个)
    counted_by: str = ""  # the verb phrase of a list of counts (开通 459 个渠道、62 项服务)
    # the list verb of the clause before, after a comma (开立个人钱包 141.9 万个，对公钱包…)
    carried_verb: str = ""
    pending: str = ""  # the sentence's last clause without a figure (its items may follow)
    enumerated: str = ""  # the items a 分别 clause named (同比分别增长 … refers back to them)
    # the items of the sentence's last 分别 list and the words before them
    listed: tuple[list[str], str] | None = None
    pending_clause: str = ""  # the text of the sentence's last clause without a figure
    enumerated_over: Period | None = None  # the period of the changes a 分别 clause read
    frame: str = ""  # the base population of shares (新增网民中)
    netizen_period: Period | None = None  # the period of the last figure of netizens
    # where the sentence's 其中 is and the whole its first part was read against
    # (其中，32 个顶层设计政策、6 个数据价值化政策: each item is a part of it)
    part_whole: tuple[int, str] | None = None
    share_whole: str = ""  # the whole the sentence's last 占…的 share named
    reasons: str = ""  # what the sentence's list of reasons is of (促进非网民上网的因素)
    # 其次为 X: X and the leader's label (or the clause that named the leader)
    runner_up: tuple[str, str] | None = None
    occasion: str = ""  # a festival named by its day that times the sentence (“618”)
    # an event the sentence holds or joins, and where its words end (开展…“乐享扶余
    # 清凉一夏”展销会，…，实现销售总额 50 万余元: the fair's sales)
    event: tuple[str, int] | None = None
    # a quoted event the paragraph dated with its span (7月28日至8月3日，…“万人电商公益培训”
    # 活动…举行), which a later sentence may refer back to by its kind (培训结束后)
    held: tuple[str, Period] | None = None
    after_event: str = ""  # the event whose end opens the sentence (培训结束后，…)
    kinds_of: str = ""  # what a 其中包括 A 类 n 家、B 类 m 家 list counts kinds of
    areas: AreaState = field(default_factory=AreaState)


def _ref(period: Period) -> PeriodRef:
    return PeriodRef(period.iri, period.start, period.end, period.time_per_collect)


def _own_periods(text: str, lo: int, hi: int, year: int | None) -> list[Period]:
    """Periods in ``text[lo:hi]`` that are the figures' own: not comparison
    bases (较/比/由 … before them) nor a category's bounds (建立于 2018 年及
    之后), as offsets into ``text``."""
    found = []
    spans = find_recent_years(text[lo:hi], year) if year is not None else []
    for p in sorted([*find_periods(text[lo:hi], year), *spans], key=lambda p: p.start_offset):
        start = lo + p.start_offset
        if _COMPARE_BEFORE_RE.search(text[max(0, start - 5) : start]):
            continue
        if text[max(0, start - 1) : start] == "于" and _BOUND_AFTER_RE.match(
            text, lo + p.end_offset
        ):
            continue  # 建立于 2018 年及之后的产业园: a category's bound, not when
        found.append(replace(p, start_offset=start, end_offset=lo + p.end_offset))
    return found


def _markers(text: str) -> list[str]:
    return [m.group(1) or m.group(0).translate(_SUPERSCRIPT) for m in _MARKER_RE.finditer(text)]


#: A span's text with its own end: 1 月至 5 月, 2018-2021 年.
_CLOSED_SPAN_RE = re.compile(r"\d\s*(?:月|年|日)?\s*(?:至|到|-|—|–|~)\s*\d")


def _runs_since(text: str, period: Period) -> bool:
    """Whether a period opens a span to now: X 年以来, 自 X 年成立以来; not a
    span with its own end (2020 年 1 月至 5 月以来: January to May)."""
    if _CLOSED_SPAN_RE.search(period.text):
        return False
    after = text[period.end_offset :]
    before = text[max(0, period.start_offset - 2) : period.start_offset]
    return bool(_SINCE_AFTER_RE.match(after) or ("自" in before and _SINCE_WIDE_RE.match(after)))


#: The IRI of a span of days (gregorian-interval/2023-07-28T00:00:00/P7D).
_DAYS_RE = re.compile(r"/P\d+D$")


def _month_containing(day: date) -> Period | None:
    """The calendar month ``day`` falls in, as the period the text
    ``{year}年{month}月`` names; ``None`` when it cannot be written so."""
    found = find_periods(f"{day.year}年{day.month}月")
    return found[0] if found else None


def _year_containing(day: date) -> Period | None:
    """The calendar year ``day`` falls in, as the period the text ``{year}年``
    names; ``None`` when it cannot be written so."""
    found = find_periods(f"{day.year}年")
    return found[0] if found else None


def _is_event_day(period: Period) -> bool:
    """A day or days that date an event (培训于 7 月 28 日至 8 月 3 日举办, 11 日
    开幕), not a cut-off (截至 6 月 30 日): it governs its own sentence only."""
    days = "/day/" in period.iri or _DAYS_RE.search(period.iri)
    return bool(days) and period.time_per_collect != "EndOfPeriod"


def _month_of_days(period: Period) -> Period:
    """A span of days (7 月 28 日至 8 月 3 日) as the month it ends in, for the
    sentences after it (what the event did, or what was said at it, is dated
    by its month: a stock said there is no sum over its days); other periods
    as they are."""
    if not _DAYS_RE.search(period.iri):
        return period
    month = _month_containing(period.end)
    return replace(month, text=period.text) if month else period


def _stock_month(period: Period) -> Period:
    """截至 2020 年一季度: a stock at a span's end is at the end's month."""
    if period.time_per_collect != "EndOfPeriod" or "/month/" in period.iri or "/day/" in period.iri:
        return period
    month = _end_month(period)
    return replace(month, text=period.text) if month else period


def _end_month(period: Period) -> Period | None:
    """The month ``period`` ends in, as a stock's date (EndOfPeriod): 2023 年
    上半年 -> 2023 年 6 月; ``None`` when it cannot be written so."""
    month = _month_containing(period.end)
    return replace(month, time_per_collect="EndOfPeriod") if month else None


def _since(text: str, period: Period, governing: Period | None) -> Period | None:
    """X 年以来 (a period followed by 以来/起): the span from X to the
    governing date, or ``None`` when it is not one."""
    if not _runs_since(text, period):
        return None
    end = governing.end if governing is not None and governing.end > period.end else None
    return span(period.start, end, f"{period.text}以来") if end else None


def _comparison_period(comparison: str | None, period: Period, year: int | None) -> Period:
    """The period of a change: from its comparison base to the figure's date."""
    if comparison is None or comparison == "previous":
        return period
    if comparison == "yoy":
        if period.time_per_collect != "EndOfPeriod" or "/month/" not in period.iri:
            # a flow's year-on-year growth keeps the flow's period, and so does a
            # count in a month (2023 年 6 月，上市新机型 22 款，同比下降 35.3%: June
            # against June); a stock at a month's end (截至) spans the twelve months
            return period
        start = period.end.replace(day=1)
        start = start.replace(year=start.year - 1) + timedelta(days=32)
        return span(start.replace(day=1), period.end, f"{period.text}（同比）") or period
    if comparison == "ytd":  # 当年净增, 今年以来: since the year began
        return span(period.end.replace(month=1, day=1), period.end, period.text) or period
    if comparison == "year":
        return (
            span(period.end.replace(month=1, day=1), period.end.replace(month=12, day=31)) or period
        )
    if comparison in {"mom", "year-end"}:
        if comparison == "year-end":
            start = period.end.replace(year=period.end.year - 1, month=12, day=31)
            return span(start + timedelta(days=1), period.end, period.text) or period
        return period
    base = parse_period(comparison, year)
    if base is None or base.end >= period.end:
        return period
    return span(base.end + timedelta(days=1), period.end, f"{base.text}—{period.text}") or period


#: A subject that opens with a bare kind of built thing (系统受理…, 该平台…, 中心
#: 累计…): the one the paragraph named before (:meth:`_Reader.named_before`).
_DEFINITE_KIND_RE = re.compile(
    r"(?:该|本|此|(?P<which>(?:部分|重点|主要|头部|骨干)+))?"
    r"(?P<kind>系统|平台|中心|基地|数据库)(?![\u4e00-\u9fff]{0,2}(?:数|量)$)"
)
#: A share of netizens (关注…资讯的网民占比, 网民使用…的比例): a survey's finding.
_NETIZEN_SHARE_RE = re.compile(r"网民(?:的|中)?(?:占比|比例|比重)$")
#: A superlative that ends a clause (…的比例最高): what it names ranks first.
_HIGHEST_RE = re.compile(r"(?:最高|最多|最大|最长|居首位?)$")


#: Comparisons with a base that a date fixes (较上年末, 较上期): like a dated base,
#: one holds for the changes after it in the sentence that name none.
_DATED_COMPARISONS = frozenset({"year-end", "previous"})
#: A 的-phrase with no head, then there being some (…的还有约 237 家公司, …的有 10 个):
#: the noun after the number is what the phrase describes.
_HEADLESS_THERE_ARE_RE = re.compile(r"的\s*(?:还|共|仍|已|则)?有\s*(?:约|近|超过|超|逾|将近)?$")
#: An adverb that opens a 的-phrase (仍持有…的): it says when, not which.
_LEADING_ADVERB_RE = re.compile(r"^(?:仍|还|已|尚|均|都|也)")

#: Tags of the words a parallel clause's measure shares with the one before
#: it (重点 | 监测 | 电商平台, 天翼云): nouns, never a place (the area says it).
_FRAME_TAGS = frozenset({"n", "nz", "nt", "nr", "nrt", "vn", "j", "b", "eng", "nw"})

#: Adverbs of how a thing fares that jieba may tag as nouns (全面推广应用, 持续
#: 深化): they open a topic clause's predicate, not its subject.
_ADVERBIAL_NOUNS = frozenset(
    {"全面", "持续", "不断", "进一步", "深入", "加速", "加快", "稳步", "逐步"}
)
#: Tags of a subject's first word that make it no part of a sentence's theme:
#: an act (建设的…示范省), a body or person, a name of its own (ETC, 鸿蒙).
_NOT_THE_THEMES = frozenset({"vn", "nt", "nr", "nrt", "nz", "eng"})
#: Kinds of body a subject may name: it says whose the figure is (数字校园
#: 建设…，学校统一配备的师生终端数量; 全国法院在线立案; 重点监测电商平台…).
_BODIES = (*(head for head in ORG_HEADS if len(head) > 1), "学校", "企业", "医院", "机构", "平台")
#: Heads of a theme that is a quality or a process, not a thing that can own
#: a figure (数字贸易竞争力, 制造业数字化转型步伐, 乡村内生动力).
_ABSTRACT_THEMES = (
    "动力", "步伐", "竞争力", "影响力", "能力", "水平", "活力", "进程", "成效", "格局", "态势",
    "效能", "转型", "建设", "发展", "改革", "治理", "基础", "数量", "规模", "总量", "比重",
    "占比", "比例", "人数",
)  # fmt: skip
#: Tags of the word that opens a topic clause's predicate (有序 | 推进, 日益 | 完善).
_PREDICATE_TAGS = frozenset({"v", "vd", "a", "ad", "d", "i", "l"})
#: A clause of a measure and how it fares, no figure (IPv6 国际出入口带宽从无到有).
_FARES_RE = re.compile(
    r"^(?P<thing>[^，,；;：:。]{2,24}?)(?:从无到有|(?:快速|稳步|持续|大幅|显著|不断|明显)"
    r"(?:增长|提升|提高|扩大|上升))$"
)

#: An amount of time said to lead (…的使用时间最长): a share after it is its.
_LEADING_AMOUNT_RE = re.compile(r"(?:时间|时长)$")


def _leader_of(clause: str) -> str:
    """The share or growth rate a clause says is highest, when it names one
    with its subject: 20-29 岁网民使用生成式人工智能产品的比例最高 -> 20-29岁网民
    使用生成式人工智能产品的比例; 县级政府网站首页文章更新量增幅最高 -> …增幅; ""
    for a subject alone (学生最多) or no leader."""
    clause = _bare(clause)
    leads = _HIGHEST_RE.search(clause)
    if not leads:
        return ""
    named = display_form(clause[: leads.start()]).removesuffix("的")
    rate = _SHARE_END_RE.search(named) or _GAP_GROWTH_RE.search(named)  # (…增幅最高，达 30.7%)
    if _LEADING_AMOUNT_RE.search(named) and len(named) > 4:
        # 即时通信类 App 的使用时间最长，占比为 13.7%: the share is of that amount
        return _LEADING_AMOUNT_RE.sub("时长", named).replace("的", "") + "占比"
    return named if rate and len(named) > 4 else ""


#: A clause of words between a figure and what follows (…72个；15岁以上网民群体…
#: 逐步减少，): at least four characters after a separator, then another.
_CLAUSE_BETWEEN_RE = re.compile(r"[，,；;][^，,；;]{4,}[，,；;]\s*$")
#: A runner-up after a leader (其次为 30-39 岁网民, 其次是个体户/自由职业者).
_RUNNER_UP_RE = re.compile(
    r"^其次(?:为|是)\s*(?P<who>(?:\d+\s*[-—~至]\s*\d+\s*岁)?[^，,；;。\d%]{1,20})$"
)
#: 对, then a 的-phrase that says which things an act is done to (对其中存在问题的
#: | 101 款 | 不良手机应用进行了下架处理).
_DISPOSED_WHICH_RE = re.compile(r"对(?P<which>[^，,；;。对的\d]{1,12}的)$")
#: A preposition right before a count (对, 为, 向, 给 | 169 名网络主播…).
_COVERB_END_RE = re.compile(
    r"(?P<coverb>对|(?<![成作认因行以称更较最])为|(?<![面方导转走趋意志])向|(?<![供交递配])给)"
    r"(?:全球|全国|全省|全市)?$"  # 为全球 150 余个国家和地区提供服务
)
#: A version number after a name (检察业务应用系统2.0).
_VERSION_RE = re.compile(r"\d+(?:\.\d+)+")
#: Tags of the words of a name before its head: nouns, places, abbreviations,
#: idioms, Latin words (jieba's tag set).
_NAME_TAGS = ("n", "j", "l", "eng")
#: …and the verbal nouns a compound name may hold (信息服务投诉平台).
_COMPOUND_TAGS = (*_NAME_TAGS, "vn")
#: The nation or the region in context before a name: whose it is, not its words.
_WE = frozenset({"我国", "全国", "我省", "全省", "我市", "全市"})
#: Marks that end a clause.
_CLAUSE_BREAKS = frozenset("，,。；;：:！？!?")


def _noun_phrase_ending(words: list[Token], i: int) -> str:
    """The name that ends with ``words[i]``: the nouns before it, and a verb
    between two of them (检察业务 应用 系统 -> 检察业务应用系统); 我国已培育较大型
    工业互联网平台 -> 工业互联网平台 (an adverb, a verb after one, or a
    distinguishing word such as 较大型 ends it)."""
    start = i
    while start > 0:
        word = words[start - 1]
        if word.word in _WE:
            break  # 我国工业互联网平台: the country's, not part of the name
        if words[start].word.startswith(("国家", "全国", "中国")):
            break  # 上线 | 国家政务服务平台: a name its nation word opens starts there
        if word.word in {"”", "」"}:
            opening = next((j for j in range(start - 2, -1, -1) if words[j].word in "“「"), -1)
            if opening >= 0 and start - 1 - opening <= 6:
                start = opening  # “就业在线”平台: a quoted name opens it
            break
        if word.tag.startswith(_COMPOUND_TAGS) and word.word.strip():
            start -= 1  # (信息服务投诉平台: a verbal noun, 服务, too)
        elif word.tag == "v" and start > 1 and words[start - 2].tag.startswith(_COMPOUND_TAGS):
            start -= 1  # 业务应用系统, 服务投诉平台: a verb inside a compound name
        else:
            break
    return "".join(w.word for w in words[start : i + 1])


def _copula_before(words: list[Token], i: int) -> bool:
    """Whether ``words[i]`` is in the predicate of a 是 in its clause (a
    classification: X 是全国第三家国家超级计算中心)."""
    for word in reversed(words[:i]):
        if word.word in _CLAUSE_BREAKS:
            return False
        if word.word == "是":
            return True
    return False


def _joined(owner: str, subject: str) -> str:
    """``owner`` + ``subject`` without repeating what they share (12309中国检察网 +
    检察网公开法律文书 -> 12309中国检察网公开法律文书)."""
    for k in range(min(len(owner), len(subject)), 1, -1):
        if owner.endswith(subject[:k]):
            return owner + subject[k:]
    return owner + subject


def _is_identifier(q: Quantity, after: str) -> bool:
    """A bare integer of three or more digits glued to the Chinese that
    follows (12309中国检察网, 12345政务服务便民热线): a number in a name, no count
    (a count takes a classifier: 2792家网站)."""
    digits = q.text.strip()
    return (
        q.unit is None
        and q.multiplier == 1
        and digits.isdigit()
        and len(digits) >= 3
        and bool(after)
        and "\u4e00" <= after[0] <= "\u9fff"
    )


def _contribution_of_another(label: str) -> bool:
    """Whether ``label`` is a contribution that names no contributor (对社会消费品
    零售总额增长的贡献率, 对通信服务收入增量贡献率): the sentence's measure's."""
    return label.startswith("对") and bool(_CONTRIBUTION_RE.search(label))


def _comparison_off(subject: str, cmp: str) -> tuple[str, str]:
    """A subject that ends with its comparison (规模环比 增长 3%) without it:
    the comparison goes once into the label (规模环比增长率, not …环比环比…)."""
    for word in ("同比", "环比"):
        if subject.endswith(word) and len(subject) > len(word):
            return subject[: -len(word)], cmp or word
    return subject, cmp


def _change_named(base: str, comparison: str | None, unit: str | None) -> tuple[str, str, str]:
    """``(label, base, derivation)`` of a change of ``base`` against
    ``comparison`` (``yoy``, ``mom``, a date …): 同比 or 环比 once in the label
    (:func:`_comparison_off`), then 增长率 for a change in percent
    (``growth-rate``), else 增量 (``change``)."""
    cmp = {"yoy": "同比", "mom": "环比"}.get(comparison or "", "")
    base, cmp = _comparison_off(base, cmp)
    if unit == "percent":
        return f"{base}{cmp}增长率", base, "growth-rate"
    return f"{base}{cmp}增量", base, "change"


def _implied_unit(label: str, q: Quantity, ctx: ProseContext) -> str | None:
    """The unit a bare number's indicator implies (学习人次达 12.77 亿 -> person
    times) when the curated scheme does not give it."""
    if ctx.subjects.is_indicator(label):
        return None
    for pattern, unit in _IMPLIED_UNITS:
        if pattern.search(label) and (unit != "count" or q.value == q.value.to_integral_value()):
            return unit
    return None


class _Reader:
    """Reads one paragraph (see the module's docstring)."""

    def __init__(self, text: str, block: int, ctx: ProseContext, start: int = 0) -> None:
        self.text = text
        self.block = block
        self.ctx = ctx
        self.start = start  # the passage's own text starts here (before it: context)
        self.out = ProseResult()
        self.state = _State(period=ctx.default_period)
        self.titles = [(m.start(), m.end(), m.group(1)) for m in _TITLE_RE.finditer(text)]
        # a short quoted name or slogan (“24小时全天候系统自动受理”): its numbers
        # are words of the name, not figures
        self.names = [(m.start(), m.end()) for m in _QUOTED_NAME_RE.finditer(text)]

    # -------------------------------------------------------------- helpers

    def finding(self, kind: str, message: str) -> None:
        self.out.findings.append(Finding(kind, message))

    def sentence_actor(self, sentence: Sentence) -> str:
        """Who the sentence is about (:func:`actor_of` its first clause, or
        the next when the first is a time, a span since or a source: 上半年，公司…;
        自上线试运行一年以来，全国一体化政务服务平台…;
        据中证报报道，截至5月末，梅州全市…); 公司 and 该公司 are the document's
        company."""
        clauses = [self.text[c.start : c.end] for c in sentence.clauses[:3]]
        example = _EXAMPLE_CLAUSE_RE.match(_MARKER_RE.sub("", clauses[0]))
        if example is not None and len(sentence.clauses) > 1:
            # 以钉钉为例，截至 1 月，钉钉已有 20 多条产品线…; 以…公益行动为例，该直播…:
            # the example, named again or referred to (该…), is what the sentence's
            # figures are of
            named = example["example"].strip()
            rest = self.text[sentence.clauses[1].start : sentence.end]
            if named in rest or re.search(r"(?:^|[，,；;])\s*该", rest):
                self.state.referred = True
                return named
        while len(clauses) > 1 and (
            _ONLY_TIME_RE.match(clauses[0])
            or _SINCE_CLAUSE_RE.match(clauses[0])
            or _SOURCE_CLAUSE_RE.match(clauses[0])
            or _ASPECT_CLAUSE_RE.match(clauses[0])
            # 同时，“一键叫车”功能已在 325 个城市上线: a connective alone names no one,
            # and neither does 目前 (目前，山东文旅通过…平台，服务管理酒店超过 300 家)
            or _CONNECTIVE_RE.fullmatch(_bare(clauses[0]))
            or _NOW_RE.fullmatch(_bare(clauses[0]))
        ):
            clauses = clauses[1:]  # 据中证报报道，截至5月末，梅州全市…: neither is who
        platform = platform_actor(clauses[0])
        via = _VIA_PLATFORM_RE.fullmatch(_bare(clauses[0]))
        if not platform and via and platform_actor(via["via"]) == via["via"]:
            # 山东文旅通过“数智一体化”智慧文旅服务平台，服务管理酒店超过 300 家: who acts
            # through a named platform; the figures after it are done with it, as a
            # platform's own are (服务会员数量 too)
            self.state.through = True
            return display_form(f"{via['who']}{via['via']}")
        opened = _OPENED_SYSTEM_RE.search(clauses[0])
        if not platform and opened and not any(ch.isdigit() for ch in clauses[0]):
            # …推动国家法律法规数据库正式开通，开通之时收录了…: what the sentence's
            # figures count is held by the system it opened, not by who opened it
            if opened["built"]:
                # 中央纪委国家监委机关完成检举举报平台建设，…，实现 7.8 万家单位…全面
                # 使用: the platform built, whose users the figures count
                self.state.referred = True
                return opened["built"]
            return re.split(r"推动|推进|实现|联合|宣布|促进", opened["system"])[-1]
        actor = platform or actor_of(clauses[0], self.ctx.subjects)
        if actor in _COMPANY_ANAPHORA:
            return self.ctx.company or ""
        bare = _DEFINITE_KIND_RE.fullmatch(actor)
        if bare:
            # 国家超级计算长沙中心是…。中心自 2014 年正式运营以来，搭建…平台 50 多个:
            # the centre named before, whose figures these are
            self.state.referred = True
            return self.antecedent(bare["kind"], sentence.start)
        return actor

    def reporting_company(self, sentence: Sentence) -> str:
        """The curated company whose own report the sentence cites in its
        first clause (据滴滴公司公告数据显示，…；两年后的 2023 年，司机数量增长了
        46%: 滴滴's drivers, in every clause of the sentence), else ""."""
        first = self.text[sentence.start : sentence.clauses[0].end] if sentence.clauses else ""
        own = _COMPANY_REPORT_RE.match(first)
        return own["who"] if own is not None and self.ctx.is_company(own["who"]) else ""

    def leading_measure(self, clause: Clause) -> str:
        """The measure the clause before ``clause`` says one of a kind leads in
        (开通政务抖音号数量最多的省份为山东，共开通 1631 个 -> 政务抖音号数量: the
        place's, which that clause names), its opening verb left out; ""
        when that clause says no such thing."""
        most = _MOST_OF_KIND_RE.match(_MARKER_RE.sub("", self.state.pending_clause))
        if most is None or not self.follows_pending(clause):
            return ""
        words = self.ctx.subjects.segmenter.tagged(most["measure"])
        verb = words[0].word if len(words) > 1 and words[0].tag == "v" else ""
        return most["measure"][len(verb) :]

    def faring_measure(self, clause: Clause) -> str:
        """The measure the clause before ``clause`` names and says how it fares
        (IPv6 国际出入口带宽从无到有，已开通 90Gbps -> IPv6国际出入口带宽: what
        was opened is that measure's amount), when that clause has no figure and
        its leading nouns name a measure; "" otherwise."""
        if not self.follows_pending(clause):
            return ""
        fares = _FARES_RE.match(_MARKER_RE.sub("", self.state.pending_clause).strip(" ，,；;"))
        if fares is None:
            return ""
        thing = display_form(fares["thing"]).strip()
        return (
            thing
            if names_measure(thing) and not label_problem(thing, self.ctx.subjects.segmenter)
            else ""
        )

    def kinds_of(self) -> str:
        """What the sentence counted before a list of its kinds (确定 10 批国家
        新型工业化产业示范基地，其中包括电子信息类 53 家: 国家新型工业化产业示范
        基地), its count word left out; "" when it counted nothing."""
        if not self.state.kinds_of and self.state.said:
            thing = _COUNT_WORD_END_RE.sub("", self.state.said[-1])
            if thing != self.state.said[-1] and len(thing) >= 2 and not thing.endswith("类"):
                self.state.kinds_of = thing
        return self.state.kinds_of

    def sentence_thing(self) -> str:
        """What the sentence's first figure measures, without its measure word
        (软件产业规模 -> 软件产业), when that is a noun phrase; else ""."""
        if not self.state.said:
            return ""
        first = self.state.said[0]
        thing = _TOPIC_HEAD_RE.sub("", first)
        tagged = self.ctx.subjects.segmenter.tagged(thing) if thing and thing != first else []
        if not tagged or tagged[0].tag.startswith("v") or _BARE_AMOUNT_RE.match(first):
            return ""
        return thing

    def gap_label(self, gap: re.Match[str]) -> str:
        """The label of a gap between two rates, in percentage points: the
        rate the sentence stated last, 高于 or 低于, and the rate it is
        compared with (实物商品网上零售额同比增长 14.3%，高于社会消费品零售总额同比
        增速 25.7 个百分点 -> 实物商品网上零售额增速高于社会消费品零售总额增速;
        农村地区非网民…比例为 54.4%，高于全国农村人口比例 20.6 个百分点 ->
        农村地区非网民占比高于全国农村人口比例); "" when
        either is no rate (算力保持 55% 的高位增长 states none)."""
        other = re.sub(r"^(?:我国|中国)", "", gap["other"].strip())  # the nation's, as the figure
        last = self.state.last
        if not last or not _GAP_RATE_RE.search(other) or self.state.last_unit != "percent":
            return ""
        verb = "高于" if gap["verb"] in {"高于", "高出", "快于"} else "低于"
        if _GAP_GROWTH_RE.search(last):
            left = _GAP_GROWTH_RE.sub("", last) + "增速"
            other = _GAP_GROWTH_RE.sub("增速", other)
        elif _GAP_GROWTH_RE.search(other):
            return ""  # a level's gap to a growth: two kinds of rate
        else:  # 农村地区非网民占非网民总体的比例 -> 农村地区非网民占比
            left = re.sub(r"占[^占]{1,20}?的?(?:比例|比重)$", "占比", last)
        return f"{left}{verb}{other}"

    def kind_in_whole(self, label: str, whole: str, unit: str | None) -> str:
        """A part after 其中 counted in the whole's unit, named by the kind its
        label ends in, put in the whole's place for that kind: 国内市场手机出货量
        2214.9 万部，其中，5G 手机 1732.2 万部 -> 国内市场5G手机出货量; 国内手机上市
        新机型 22 款，其中 5G 手机 7 款 -> 国内5G手机上市新机型数量. "" when the
        part's kind is not a word of the whole, or the units differ."""
        if (
            unit is None
            or self.state.units.get(whole) != unit
            or not label.endswith(_COUNT_SUFFIXES)
        ):
            return ""  # a part named by its kind alone, counted (5G 手机 7 款)
        thing = label.removesuffix("数量").removesuffix("人数")
        if "的" in thing or thing in whole:
            return ""  # (具备…影响力的平台: a relative clause says which, of_whole's)
        # the longest ending of the part that the whole holds as a word (5G手机: 手机)
        starts = {tok.start for tok in self.ctx.subjects.segmenter.tokens(whole)}
        kind, at = next(
            (
                (thing[i:], whole.find(thing[i:]))
                for i in range(1, len(thing) - 1)
                if whole.find(thing[i:]) in starts
            ),
            ("", -1),
        )
        if (
            len(kind) < 2
            or len(thing) - len(kind) > 6
            or _MEASURE_WORD_RE.search(kind)
            or kind in self.ctx.subjects.ownerless
            or kind in _USERS
        ):
            return ""  # (5G 套餐用户 of 大联接用户: users, too wide a kind to stand for)
        return f"{whole[:at]}{thing}{whole[at + len(kind) :]}"

    def part_of_whole(self, label: str, offset: int, unit: str | None = None) -> str:
        """``label`` of a part after 其中, with what the whole's label says it
        belongs to: 共享经济参与者人数约 8 亿，其中提供服务者人数约 7800 万 ->
        共享经济提供服务者人数. The part is the first figure after 其中 (or each
        of a list stated 分别), the whole the figure just before it, measured by
        the same word (人数, 数量 …); what it belongs to is the words before the
        whole's last noun, a noun phrase none of whose words the part's label
        holds, or, when the part repeats that noun, the whole's words before it
        (具备…影响力的平台数量 after 500 个…工业互联网平台 -> …工业互联网平台数量).
        A share's whole is the last level before it (:meth:`of_whole`); a share
        stated with 占 alone is of that whole (其中网络短剧占 47.5% -> 网络短剧占
        网络剧的比例), unless a 中 frame already gives its base. ``label`` as it
        is otherwise (农村网民规模 after 网民规模 misses nothing)."""
        start = _sentence_start(self.text, offset)
        sentence = _MARKER_RE.sub("", self.text[start:offset])
        at = sentence.rfind("其中")
        part = sentence[at:].split("分别", 1)[0]  # 其中 A、B 的占比分别为 x、y: parts all
        listed = self.state.part_whole
        if (
            at >= 0
            and listed is not None
            and listed[0] == start + at
            and _LISTED_PARTS_RE.fullmatch(part)
            and not _SHARE_END_RE.search(label)
        ):
            whole = listed[1]  # the next item of a list of parts: of the same whole
            listed_whole = True
        elif (
            at < 0
            or not self.state.said
            or not find_quantities(sentence[:at], self.ctx.units)
            or find_quantities(part, self.ctx.units)  # (5G 手机: a name's digit)
        ):
            return label  # the part is the first figure after 其中, its whole the last before
        elif _CLAUSE_BETWEEN_RE.search(
            self.text[self.state.last_at : self.text.rfind("其中", start, offset)]
        ):
            # …人均手机App数量为72个；15岁以上网民群体…逐步减少，其中60岁及以上…: a
            # clause between names the whole (15岁以上网民群体), not the last figure
            return label
        elif self.state.said[-1].endswith(tuple(_KIND_COUNT_WORDS.values())):
            # 确定 10 批…示范基地，其中包括电子信息类 53 家: batches or kinds counted are
            # no whole of the things counted after 其中
            return label
        else:
            whole = self.state.said[-1]
            self.state.part_whole = (start + at, whole)
            listed_whole = False
        segmenter = self.ctx.subjects.segmenter
        if _SHARE_END_RE.search(label):
            # the whole is the last level before (the shares listed after 其中 are parts)
            said = reversed(self.state.said)
            whole = next((w for w in said if not _RATE_WORD_END_RE.search(w)), "")
            measure = _TOPIC_HEAD_RE.search(whole)
            if measure is None and not self.ctx.subjects.is_indicator(whole):
                return label  # a level of a thing (数量, 规模) or a curated one only
            thing = whole[: measure.start()] if measure else whole
            named = self.of_whole(label, thing)
            if named == label and label.endswith("占比") and "中" not in label:
                # 356 部网络剧，其中网络短剧占 47.5%: the share of the whole counted
                return f"{label.removesuffix('占比')}占{_head_phrase(thing)}的比例"
            return named
        level = (
            whole
            if listed_whole
            else next((w for w in reversed(self.state.said) if self.state.units.get(w) == unit), "")
        )
        swapped = self.kind_in_whole(label, level, unit) if level else ""
        if swapped:  # the last level in the part's unit, past its growth rates
            return swapped
        based = self.kind_in_base(label, offset) if level else label
        if based != label:  # …其中 5G 手机 85 款，…占同期手机上市新机型数量的 41.9%
            return based
        measure = _TOPIC_HEAD_RE.search(whole)
        if not whole or measure is None or not label.endswith(measure.group()):
            return label
        words = segmenter.tagged(whole[: measure.start()])
        if len(words) >= 1 and words[-1].word in label:
            # 500 个…的工业互联网平台，其中具备…影响力的平台数量: of the whole's kind
            return self.of_whole(label, _head_phrase(whole[: measure.start()]))
        if len(words) < 2 or not words[-1].tag.startswith("n"):
            return label  # 网民规模 -> 农村网民规模: the part names its whole itself
        owner = whole[: words[-1].start]
        if (
            len(owner) < 2
            or not words[-2].tag.startswith(("n", "j"))
            or _LIST_SEP_RE.search(owner)
            or any(w.word in label for w in words[:-1] if len(w.word) > 1)
        ):
            return label
        return owner + label

    def said_whose(self, measure: str) -> str:
        """Whose ``measure`` is, when a figure the sentence read before named it
        in full (智能机器人产业企业数量, then 企业数量 again: 智能机器人产业); ""
        when none did."""
        for said in reversed(self.state.said):
            if said != measure and said.endswith(measure):
                return said[: -len(measure)]
        return ""

    def fuller_mention(self, subject: str, offset: int) -> str:
        """A measure named again in short, with the words its first mention in
        the sentence had before it: 东莞、济南等地的网约车单车日均订单量已跌破 10 单；
        其中东莞市今年第一季度单车日均订单仅 9.1 单 -> 网约车单车日均订单 (the
        nouns just before the first mention, not a place). ``subject`` as it is
        when it is curated, short (under five characters without its measure
        word: 网民规模 is no short form of 手机网民规模) or not named before."""
        core = re.sub(r"(?:数量|量|数)$", "", subject)
        if len(core) < 5 or self.ctx.subjects.is_indicator(subject):
            return subject
        sentence = _MARKER_RE.sub("", self.text[_sentence_start(self.text, offset) : offset])
        at = sentence.rfind(core, 0, max(0, len(sentence) - len(core)))
        if at <= 0:
            return subject
        before = re.split(r"[，,；;、。的在]", sentence[:at])[-1]
        words = self.ctx.subjects.segmenter.tagged(before)
        nouns: list[str] = []
        for word in reversed(words):
            if not word.tag.startswith(("n", "j")) or word.tag == "ns" or word.tag == "nr":
                break
            nouns.insert(0, word.word)
        prefix = "".join(nouns)
        if not prefix or prefix in subject or self.ctx.subjects.region_of(prefix):
            return subject
        return f"{prefix}{subject}"

    def runner_up_label(self, label: str) -> str:
        """The label of a runner-up's figure (其次为 X，比例为 N): the leader's
        with X in place of its subject, when ``label`` names no measure of its
        own (X比例, 占比) or the leader's (人均手机App数量). 省级政府网站首页文章
        更新量占比, 市级 -> 市级政府网站首页文章更新量占比; 15-19岁网民群体人均
        手机App数量, 20-29岁网民群体 -> 20-29岁网民群体人均手机App数量. With no
        leader's measure, X's own (其次为交通信息实时推送，使用用户占… -> 交通信息
        实时推送使用用户占…). A place is left to the area (其次为广东省，共开通政务
        机构微博 9613 个). Used once."""
        if self.state.runner_up is None:
            return label
        who, leader = self.state.runner_up
        self.state.runner_up = None
        rest = label.removeprefix(who)
        if not leader and rest == label and not self.ctx.subjects.region_of(who):
            # …使用率最高，超过 85%…。其次为交通信息实时推送，使用用户占参与调查网民的
            # 84.3%: no leader's measure to take, the runner-up's own (its users)
            return _joined(who, label)
        if (
            not leader
            or self.ctx.subjects.region_of(who)
            or not (rest in _GENERIC_SUBJECTS or (len(rest) >= 2 and leader.endswith(rest)))
        ):
            return label
        for size in range(len(who), 0, -1):
            if size == 1 and len(who) > 2:
                break  # one character in common names the same place only in a short word
            at = leader.find(who[-size:])
            if at >= 0 and at + size <= len(leader) - 2:
                return who + leader[at + size :]
        return label

    def shared_possessor(self, label: str) -> str:
        """A bare measure after one of a possessor in the same sentence is the
        possessor's too, when both are changes of the same kind: 基地内工业 300
        强企业的劳动生产率同比提升 13%，设备综合利用率同比提升 56% -> 基地内工业
        300强企业的设备综合利用率同比增长率. The possessor is a noun phrase (no
        verb: 使用过…服务的网民 is a clause); ``label`` as it is otherwise, or
        when it has a 的 of its own."""
        last = self.state.said[-1] if self.state.said else ""
        kind = _GROWTH_END_RE.search(label)
        if not last or "的" in label or not kind or not last.endswith(kind.group()):
            return label
        owner = last[: last.rfind("的") + 1]
        if not owner or owner == last or label.startswith(owner[:2]):
            return label
        words = self.ctx.subjects.segmenter.tagged(owner[:-1])
        if any(w.tag.startswith("v") and w.tag != "vn" for w in words):
            return label
        bare = self.ctx.subjects.segmenter.tagged(label[: kind.start()])
        if not bare or not all(w.tag.startswith(("n", "vn", "j", "b", "a")) for w in bare):
            return label
        return owner + label

    def shared_frame(self, subject: str) -> str:
        """A measure that opens with a word of the sentence's last figure's
        subject, not its first, shares the words before it: 重点监测电商平台累计
        直播场次数量超 2400 万场，…，直播商品数量超 5000 万个 -> 重点监测电商平台累计
        直播商品数量 (parallel clauses name the base once). The words shared are
        the last figure's own, up to a word boundary, and name no place (the
        area says it); ``subject`` as it is when curated, when it opens with a
        word of one character, or when the last figure is its own measure."""
        last = self.state.said[-1] if self.state.said else ""
        segmenter = self.ctx.subjects.segmenter
        words = segmenter.tagged(subject)
        if not last or not words or self.ctx.subjects.is_indicator(subject):
            return subject
        first = words[0]
        if len(first.word) < 2 or not first.tag.startswith(("n", "vn", "j")) or first.tag == "ns":
            return subject
        at = next(
            (t.start for t in segmenter.tagged(last) if t.start > 0 and t.word == first.word), -1
        )
        if at <= 0:
            return subject
        prefix = last[:at]
        shared = segmenter.tagged(prefix.removesuffix("累计"))
        if (
            "的" in subject  # a noun phrase of its own (日均接单小于 10 单的网约车占比)
            or subject.startswith(last[:2])  # it names its base itself
            or prefix in subject
            or self.ctx.subjects.region_of(prefix)
            # nouns only, or nouns then 累计: 中国电信固网及 …, 新 | 国家层面 are cut
            or not shared
            or not all(w.tag in _FRAME_TAGS and len(w.word) > 1 for w in shared)
        ):
            return subject
        return prefix + subject

    def opens_with_act(self, subject: str) -> bool:
        """Whether ``subject`` opens with a verb of doing and names no one who
        does it (接入定点医疗机构, 主导和参与发布国际标准)."""
        words = self.ctx.subjects.segmenter.tagged(subject)
        return len(words) >= 2 and words[0].tag == "v" and len(words[0].word) > 1

    def theme_for(self, subject: str, owner: str) -> str:
        """The words of the sentence's theme (see :meth:`theme_of`) that
        ``subject``, read in a later clause, leaves unsaid; "" when it is not
        the theme's. An act with no doer is the theme's (医保电子凭证全面推广
        应用，…接入定点医疗机构 -> 医保电子凭证接入定点医疗机构); so is a noun
        phrase that names no body or place of its own, when no one but the
        theme or the nation acts in the sentence: 工业互联网标识建设…有序推进，…
        国家顶级节点日解析量 -> 工业互联网标识国家顶级节点日解析量. A phrase that
        repeats the theme's head takes only the theme's words before it (…主动
        标识载体 -> 工业互联网主动标识载体), one that repeats another of its words
        is a thing of its own (国家数字教育资源公共服务体系…，社会优质教育资源;
        蜂窝物联网用户规模持续扩大，…蜂窝物联网终端用户: nothing). Not the
        theme's: a subject that names a body, a place or a name of its own, and
        any subject of a theme that is a quality, a process, a measure or a kind
        of body (数字贸易竞争力, 数字化转型, …数量, 电子商务平台)."""
        theme = self.state.theme
        if not theme:
            return ""
        if not owner:
            if self.opens_with_act(subject):
                return theme
        elif owner != theme and owner not in _NATION_WORDS:
            return ""  # 上海…: whose it is was said
        words = self.ctx.subjects.segmenter.tagged(subject)
        themed = self.ctx.subjects.segmenter.tagged(theme)
        if (
            not words
            or words[0].tag not in _FRAME_TAGS
            or words[0].tag in _NOT_THE_THEMES
            or any(word.tag == "eng" for word in words)
            or self.ctx.subjects.is_org(words[0].word)
            or any(word.word.endswith(_BODIES) for word in words)
            or self.ctx.subjects.region_of(words[0].word)
            or theme.endswith(_ABSTRACT_THEMES + _BODIES)
            or any(word.tag == "nt" for word in themed)
        ):
            # 数字贸易竞争力…，跨境电商进出口规模: a quality is no thing to own a
            # figure, and a kind of body (电子商务平台) acts, it is not measured;
            # (在全国)建设 9 个…示范省: an act the sentence's doer did; ETC使用率,
            # 鸿蒙OS2系统: a name of its own
            return ""
        if any(len(word.word) > 1 and word.word in subject for word in themed[:-1]):
            return ""  # 国家数字教育资源公共服务体系…，社会优质教育资源: its own thing
        if themed[-1].word in subject:
            return theme[: themed[-1].start]  # 工业互联网标识 -> 主动标识载体: 工业互联网
        return theme

    def of_frame_kind(self, subject: str) -> bool:
        """Whether ``subject`` counts a kind of what the sentence's frame (在 X
        中) holds: 市级网站栏目数量 in 各行政级别政府网站 (both of 网站)."""
        if not _COUNT_END_RE.search(subject):
            return False
        words = self.ctx.subjects.segmenter.tokens(self.state.frame)
        # (the head's last two characters: 网站 of 政府网站)
        return bool(words) and len(words[-1].word) > 1 and words[-1].word[-2:] in subject

    def named_before(self, subject: str, offset: int, mention: str = "") -> str:
        """A subject that opens with a bare kind of system (系统, 平台, 中心 …,
        or 该/本/此 + it) refers to the last one the paragraph named:
        检察业务应用系统2.0全面部署应用，截至2021年底，系统受理各类案件380万件 ->
        检察业务应用系统2.0受理各类案件; 我国已培育较大型工业互联网平台超过150家，
        平台服务的工业企业… -> 工业互联网平台服务的工业企业 (definite
        description anaphora). ``subject`` as it is when it opens with no such
        word, is not the text's own words before ``offset`` (the figure's start),
        or the paragraph names no such thing before it. ``mention``: the words
        of the text that name it, when the subject is not the text's own (该平台
        共受理了 | 27.9 万件 | 投诉 -> 平台受理的投诉数量: 平台); by default the
        subject's first four characters from the kind on."""
        head = _DEFINITE_KIND_RE.match(subject)
        if head is None:
            return subject
        mention = mention or subject[head.start("kind") : head.start("kind") + 4]
        own = self.text.rfind(mention, 0, offset)
        name = self.antecedent(head["kind"], own) if own >= 0 else ""
        if name and head["which"]:
            # 部分重点平台 -> 部分重点工业互联网平台: which of them, kept, before the
            # kind's name (not what the text said of all of them: 具有一定影响力的)
            name = head["which"] + name.rsplit("的", 1)[-1]
        return name + subject[head.end() :] if name else subject

    def antecedent(self, kind: str, end: int) -> str:
        """The last name of a ``kind`` (系统, 平台, 中心 …) in the paragraph before
        ``end``, with its version (检察业务应用系统2.0), or "" when it names none
        longer than the bare word (see :func:`_noun_phrase_ending`)."""
        before = _MARKER_RE.sub("", self.text[:end])
        words = self.ctx.subjects.segmenter.tagged(before)
        for i in range(len(words) - 1, -1, -1):
            if not words[i].word.endswith(kind):
                continue
            name = _noun_phrase_ending(words, i)
            if name == kind or _copula_before(words, i):
                continue  # (…长沙中心是全国第三家国家超级计算中心: what it is, not who)
            version = _VERSION_RE.match(before, words[i].end)
            return name + (version.group() if version else "")
        return ""

    def topic_kind(self, subject: str, end: int) -> str:
        """A measure of the sentence's topic, named by a kind the share after
        it places in a wider whole: 国产品牌手机出货量 1956.2 万部…；上市新机型 20
        款，…，占同期手机上市新机型数量的 90.9% -> 国产品牌手机上市新机型 (the
        whole's 手机 is what 国产品牌手机 is a kind of, so the new models are
        its). ``subject`` as it is when the sentence states no such whole, or
        the topic is no kind of what the whole counts."""
        first = self.state.said[0] if self.state.said else ""
        thing = _THING_END_RE.sub("", first)
        if (
            not thing
            or thing == first
            or thing in subject
            or self.ctx.subjects.is_indicator(subject)
        ):
            return subject
        whole = self.whole_after(end)
        core = _COUNT_END_RE.sub("", subject)
        if whole is None or len(core) < 2 or not whole["whole"].endswith(core):
            return subject
        kind = whole["whole"][: -len(core)].removeprefix("同期")
        if 2 <= len(kind) < len(thing) and thing.endswith(kind):
            return f"{thing}{subject}"
        return subject

    def holder_thing(self) -> str:
        """What the sentence's latest count of holders or users counted them
        of, when it made one (电子社保卡领用人数 -> 电子社保卡): the clauses after it with no
        subject of their own go on about that thing (…，已开通 459 个渠道，全年累计
        访问量超 112.51 亿人次: the card's channels and visits), not the
        sentence's opening topic; "" otherwise."""
        holders = next((w for w in reversed(self.state.said) if _HOLDERS_COUNT_RE.search(w)), "")
        if not holders:
            return ""
        thing = _HOLDERS_COUNT_RE.sub("", holders)
        return thing if self.opens_with_noun(thing) else ""

    def opens_with_noun(self, thing: str) -> bool:
        """Whether ``thing`` (two characters at least) opens with a noun, as
        a thing's name does."""
        words = self.ctx.subjects.segmenter.tagged(thing)
        return len(thing) >= 2 and bool(words) and words[0].tag.startswith(("n", "j", "eng"))

    def last_level(self) -> str:
        """The label of the last figure the sentence stated in a unit other than
        percent (a level, not a rate: 算力总规模 of 135EFlops), or ""."""
        units = self.state.units
        return next(
            (w for w in reversed(self.state.said) if units.get(w) not in {None, "percent"}), ""
        )

    def last_thing(self) -> str:
        """The thing the sentence's last level counts or measures: its label
        without the measure word and a verb of holding (电子社保卡领用人数 ->
        电子社保卡, 社会保障卡持卡人数 -> 社会保障卡); "" when there is none, it
        opens with no noun, or it is a place."""
        units = self.state.units
        level = next(
            (
                w
                for w in reversed(self.state.said)
                if units.get(w) != "percent" and not _RATE_WORD_END_RE.search(w)
            ),
            "",
        )
        # 电子社保卡 | 领用 | 人数: the card, not its taking up
        thing = _HOLDING_END_RE.sub("", _TOPIC_HEAD_RE.sub("", level))
        if (
            thing == level
            or names_measure(thing)
            or not self.opens_with_noun(thing)
            or self.ctx.subjects.segmenter.tagged(thing)[0].tag in {"ns", "nr"}
        ):
            return ""
        return thing

    def whole_after(self, end: int) -> re.Match[str] | None:
        """The whole a share later in the sentence is of (占同期手机上市新机型数量的
        …, from ``end`` to the sentence's end), or ``None``."""
        return _WHOLE_AFTER_RE.search(self.text, end, _sentence_end(self.text, end))

    def kind_in_base(self, subject: str, end: int) -> str:
        """A part named by its kind alone, with what the whole its share is of
        counts: 上市新机型累计 203 款，…，其中 5G 手机 85 款，…，占同期手机上市新机型
        数量的 41.9% -> 5G手机上市新机型数量 (5G 手机 is a kind of 手机, and what
        is counted is the level's 上市新机型). ``subject`` as it is when no share
        follows, or the whole's rest is not what a level of the sentence counts."""
        core = _COUNT_END_RE.sub("", subject)
        whole = self.whole_after(end)
        if whole is None or len(core) < 2:
            return subject
        base = whole["whole"].removeprefix("同期")
        for i in range(len(core) - 1):
            kind = core[i:]
            rest = base[len(kind) :]
            if base.startswith(kind) and len(rest) >= 2:
                if any(rest in said for said in self.state.said):
                    return f"{core}{rest}{subject[len(core) :]}"
                return subject
        return subject

    def share_of_last(self, label: str) -> str:
        """A share that names no whole, of a part of the level the sentence
        stated just before, measured by the same noun: LTE 核心网总流量达
        4372.06 Gbps，IPv6 流入流量平均占比达 10.25% -> IPv6流入流量平均占LTE
        核心网总流量的比例. ``label`` as it is otherwise."""
        if not label.endswith("占比") or "中" in label:
            return label
        part = label.removesuffix("占比")
        if self.state.share_whole and self.state.share_whole not in part:
            # …占总体政府网站的 4.0%；省级…共有政府网站 1580 个，占比为 11.6%: a
            # sibling's share, of the whole the sentence named for the first
            return f"{part}占{self.state.share_whole}的比例"
        noun = part.removesuffix("平均")[-2:]  # 流入流量平均: measured by 流量, as the whole
        whole = self.state.said[-1] if self.state.said else ""
        if whole and not (_RATE_WORD_END_RE.search(whole) or self.state.last_unit == "percent"):
            if len(noun) < 2 or not whole.endswith(noun) or part in whole:
                return self.share_of_kind(part) or label  # (北京…投资金额占比: its own)
            return f"{part}占{whole}的比例"
        return self.share_of_kind(part) or label

    def share_of_kind(self, part: str) -> str:
        """The share of a kind of thing (信息公开类栏目) in the level of the thing
        the paragraph stated last: 各行政级别政府网站共开通栏目数量 92.3 万个…。其中，
        信息公开类栏目数量最多，为 82.7 万个，占比为 89.6% -> 信息公开类栏目占各行政
        级别政府网站共开通栏目数量的比例. The level is the last non-share one that is
        neither the part's own nor a sibling's (其次为新闻动态类栏目: not of 信息公开类
        栏目); "" when it names another thing."""
        noun = part[-2:]
        kind = part[-3:]  # 类栏目: a sibling is another kind of the same thing
        for level, unit in reversed(self.state.units.items()):
            if unit == "percent" or _RATE_WORD_END_RE.search(level) or part in level:
                continue
            measure = _TOPIC_HEAD_RE.search(level)
            thing = level[: measure.start()] if measure else ""
            if thing.endswith(kind):
                continue
            return f"{part}占{level}的比例" if len(part) > 2 and thing.endswith(noun) else ""
        return ""

    def of_whole(self, label: str, whole: str) -> str:
        """A part after 其中 (a share or a level), with its whole: 蜂窝物联网终端
        用户 11.06 亿户，其中应用于智能制造的终端用户占比 21.1% -> 应用于智能制造
        的蜂窝物联网终端用户占比 (the whole's words before the ones the part
        repeats go before them). ``label`` as it is when it repeats no ending of
        the whole (two characters at least), or names the whole already."""
        starts = {t.start for t in self.ctx.subjects.segmenter.tokens(label)}
        # the longest ending of the whole the part repeats as words (终端用户, not
        # the 联网终端用户 of 车联网终端用户)
        shared, at = next(
            (
                (whole[i:], at)
                for i in range(len(whole) - 1)
                if (at := label.find(whole[i:])) >= 0 and at in starts
            ),
            ("", -1),
        )
        owner = whole[: len(whole) - len(shared)]
        if not shared or len(owner) < 2 or owner in label or shared.removesuffix("数量") in _USERS:
            return label  # (5G 套餐用户 of 大联接用户: users, a kind too wide to place it)
        before = label[:at]
        if (
            before
            and not before.endswith("的")
            and any(_is_verb(t) for t in self.ctx.subjects.segmenter.tagged(before))
        ):
            before += "的"  # 应用于智能制造的…终端用户占比
        return f"{before}{owner}{label[at:]}"

    def opening_company(self, clause: str) -> str:
        """The curated company a clause opens with (中国移动 6 月客户总数为 …),
        :data:`_SEVERAL` when it opens a list of them (中国电信、中国移动、中国联通
        LTE 核心网…), else ""."""
        words = [t.word for t in self.ctx.subjects.segmenter.tokens(clause) if t.word.strip()]
        if not words or not self.ctx.is_company(words[0]):
            return ""
        return (
            _SEVERAL
            if len(words) > 1 and words[1] in {"、", "和", "及", "与", "以及"}
            else words[0]
        )

    def body_and_verb(self, subject: str, tagged: list[Token]) -> str:
        """The body and the verb a subject opens with when it names a body
        acting on a thing (国家网信办 | 处置 | 违法信息): what the next items of
        its list share (、账号 5600 个 -> 国家网信办处置账号); "" otherwise."""
        for token in tagged[1:]:
            if _is_verb(token):
                body = subject[: token.start]
                if token.end < len(subject) and self.is_body(body):
                    return subject[: token.end]
                return ""
        return ""

    def is_body(self, name: str) -> bool:
        """Whether ``name`` is an organisation (curated, or by its structure:
        商务部, 能源企业) or a platform (国家政务服务平台): a body that acts."""
        return (
            self.ctx.subjects.is_org(name)
            or self.ctx.is_company(name)
            or is_org_name(name)
            or platform_actor(name) == name
        )

    def owned(self, subject: str) -> str:
        """A subject with its owner: 公司移动通信服务收入 -> 中国电信移动通信服务收入;
        a measure in a sentence about a company, or in an article about one,
        gets the company's name unless it names a curated indicator or an
        organisation of its own. No subject stays none: the actor alone names
        no measure (…平台正式上线，…，办理网民留言 3.6 万条)."""
        if not subject or _contribution_of_another(subject):
            # (对…贡献率: the contribution of what the sentence measured, see emit)
            return subject
        if thing := self.act_owner(subject):
            # 腾讯财报显示，微信搜一搜日活跃用户量突破 1 亿，搜索量同比增长超 30%: the
            # searches of what the figure before counted the users of, not the
            # company's (whose is said in that figure's label)
            return f"{thing}{subject}"
        for word in _COMPANY_ANAPHORA:
            if subject.startswith(word) and self.ctx.company:
                return self.ctx.company + subject[len(word) :]
        actor = self.state.actor
        referred = (
            self.state.referred
            and not too_bare(subject, self.ctx.subjects, self.ctx.is_company)
            and not label_problem(subject, self.ctx.subjects.segmenter)
        )
        # (…通过“…”平台，提高整体运营效率 30%: an act, no measure, whoever did it)
        through = self.state.through and not label_problem(subject, self.ctx.subjects.segmenter)
        if actor and (platform_actor(actor) == actor or through or referred):
            # a platform's figures are its own, and those of a body the sentence
            # refers back to (中心自 2014 年…，搭建…平台 50 多个)
            if actor in subject or self.ctx.subjects.is_indicator(subject):
                return subject
            return _joined(actor, subject)
        named = set(self.state.companies)
        if _SEVERAL in named or len(named) > 1:
            return subject  # several companies: whose figure it is, the label cannot say
        if not self.ctx.is_company(actor):
            # the company a clause of the sentence opens with, else the one whose
            # report it cites, else the article's
            actor = (
                next(iter(named))
                if named
                else self.state.reporter or self.state.told_company_before or self.ctx.company or ""
            )
        if (
            actor
            and subject
            and actor not in subject
            and self.ctx.is_company(actor)
            and not self.ctx.subjects.is_indicator(subject)
            and not self.ctx.subjects.is_org(subject[:4])
            # (北京)互联网法院…审结的案件: a body of its own opens the subject
            and not any(is_org_name(subject[:k]) for k in range(3, min(len(subject), 16) + 1))
        ):
            return _joined(actor, subject)
        return subject

    def year_to_date(self, label: str, base: str | None, period: Period) -> Period:
        """The period of a flow (营业额, 收入, 出货量 …) stated at a month: at
        the month's end (截至 6 月末) it is the sum since January, and its 同比
        growth compares that sum with the same months a year before (1–6 月,
        not June alone or the twelve months to June: the 累计值 of the
        statistical bureaus' releases); in a month (6 月，…) its 同比 growth is
        that month's against the same month a year before."""
        now = self.state.period
        flow = _FLOW_END_RE.search(base or label) or _ADDED_RE.match(base or label)
        if now is None or "/month/" not in now.iri or not flow:
            return period
        trailing_year = "/P12M" in period.iri and period.end == now.end  # 同比 read as a stock's
        if period.iri != now.iri and not trailing_year:
            return period
        if now.time_per_collect != "EndOfPeriod":
            return now  # 6 月，手机出货量 … 同比增长 5%: June's flow against last June's
        y, m = now.end.year, now.end.month
        spelled = {12: f"{y}年", 6: f"{y}年上半年", 3: f"{y}年第一季度", 9: f"{y}年1-9月"}
        found = find_periods(spelled.get(m, f"{y}年1-{m}月" if m > 1 else f"{y}年1月"))
        return found[0] if found else period

    def in_title(self, offset: int) -> bool:
        """Whether ``offset`` lies in a 《title》, a short quoted name or a
        product of numbers (7×24 小时): no figure stands there."""
        if any(a <= offset < b for a, b, _ in self.titles) or any(
            a <= offset < b for a, b in self.names
        ):
            return True
        return self.text[max(0, offset - 1) : offset] in _TIMES_SIGNS

    def continues_plan(self, sentence_start: int, offset: int) -> bool:
        """Whether the sentence the figure at ``offset`` is in goes on with
        what the sentence before it in the paragraph plans (上海将推进公共数据
        上链…。深化公共数据开放，…，建设 30 个试点示范项目): the sentence before
        sets a target (:func:`figure_status`), and this one opens with a verb,
        names no time, and says nothing is done yet (已, 累计, 截至, 了 …: an
        account of what was)."""
        if sentence_start < 1:
            return False
        before = self.without_titles(_sentence_start(self.text, sentence_start - 1), sentence_start)
        if figure_status(before, self.ctx.default_year) != "target" and not _WILL_RE.search(before):
            return False
        sentence = self.text[sentence_start : _sentence_end(self.text, offset)]
        if _DONE_RE.search(sentence) or find_periods(sentence, self.ctx.default_year):
            return False
        first = _CLAUSE_SPLIT_RE.split(sentence.strip(), maxsplit=1)[0]
        words = self.ctx.subjects.segmenter.tagged(first)
        # (jieba tags some verbs j: 深化公共数据开放)
        return bool(words) and words[0].tag.startswith(("v", "j"))

    def without_titles(self, lo: int, hi: int) -> str:
        return _TITLE_RE.sub("", self.text[lo:hi])

    def policy_before(self, offset: int) -> str | None:
        titles = [t for a, _, t in self.titles if a < offset and self.ctx.is_policy_title(t)]
        return titles[-1] if titles else None

    # -------------------------------------------------------------- reading

    def read_jobs_brought(
        self,
        q: Quantity,
        jobs: re.Match[str],
        clause: Clause,
        period: Period,
        period_source: str | None,
    ) -> bool:
        """Read ``q`` (persons) as the jobs a thing brings: 网络零售带动就业超过 1
        亿人 -> 网络零售带动就业人数. The thing is the clause's before the verb,
        else what the sentence's first figure measures (:meth:`sentence_thing`:
        蠡县共有电商 2 万余家，…，带动就业超 9 万人 -> 电商带动就业人数, the
        sentence's subject, said once); with neither, no figure. Returns False
        (no noun after the number is read)."""
        owner, area = clean_lead(jobs.string[: jobs.start()], self.ctx.subjects)
        owner = owner or self.sentence_thing()
        if not owner:
            self.finding("no-subject", f"{q.text} in {self.clause_text(clause)!r}: whose jobs")
            return False
        label = f"{owner}{jobs['verb']}就业人数"
        self.emit_quantity(label, q, "person", period, area=area, source=period_source)
        return False

    def parallel_item(self, item: str) -> str:
        """An item of a list that shares its verb, named with the modifier of
        the item before it when both end in the same noun (开立数字人民币个人钱包
        15.1 万个、对公钱包 1.21 万个 -> 数字人民币对公钱包): the item before is
        modifier, qualifier and noun; this one only writes its own qualifier
        (as long as the other's) and the noun."""
        if not self.state.said:
            return item
        before = _COUNT_END_RE.sub("", self.state.said[-1]).removeprefix(self.state.shared_verb)
        head = _common_tail(before, item)
        own = len(item) - head
        modifier = before[: len(before) - head - own]
        if head < 2 or not 1 <= own <= 3 or len(modifier) < 2:
            return item
        return modifier + item

    def formula_part(self, q: Quantity) -> bool:
        """Whether ``q`` counts a part of a formula the text named just before
        (构建“1+4+N”智慧社区体系。其中，1 个社区微脑…；4 大业务平台…): the numbers
        of a “1+4+N” design say how it is built, not how many there are."""
        if q.unit not in (None, "count"):
            return False
        for m in _FORMULA_RE.finditer(self.text, max(0, q.start - _FORMULA_REACH), q.start):
            if q.value in {Decimal(n) for n in re.findall(r"\d+", m.group())}:
                return True
        return False

    def run_in_heading(self, sentence: Sentence) -> int | None:
        """Where a heading run into the text ends, or ``None``: a web page
        flattened to text keeps a section's heading, two parallel phrases
        parted by a space, glued to its first sentence (…同比增长 36.3%。加强
        电商人才培训 助力乡村全面振兴充分利用电商平台…). The second phrase is as
        long as the first (its quotation marks aside); the first opens with a
        verb (加强, 完善, 打造 …), as such headings do; a quotation that closes
        in it ends it (完善综合服务体系 激活发展“新动能”建成…)."""
        m = _RUN_IN_HEAD_RE.match(self.text, sentence.start, sentence.end)
        if m is None:
            return None
        words = self.ctx.subjects.segmenter.tagged(m["first"])
        if not words or words[0].tag != "v":
            return None
        size, count, quoted, i = len(m["first"]), 0, False, m.end()
        while i < sentence.end and count < size:
            ch = self.text[i]
            i += 1
            if ch == "”" and quoted:
                quoted = False
                break  # 激活发展“新动能”: a quotation closes the heading
            if ch == "“":
                quoted = True
            elif _HAN_RE.match(ch):
                count += 1
            else:
                return None
        if quoted or count < size - 2 or not _HAN_RE.match(self.text, i):
            return None  # the text goes on, glued, after the heading
        return i

    def read(self) -> ProseResult:
        year = self.ctx.default_year
        context: tuple[int, int, int] | None = None if self.start else (0, 0, 0)
        for sentence in text_to_sentences(self.text):
            if context is None and sentence.start >= self.start:
                # what the context's sentences read is not this passage's
                context = (len(self.out.facts), len(self.out.findings), self.out.seen)
            heading = self.run_in_heading(sentence)
            if heading is not None:
                # a new section: what the sentences before it dated or placed does
                # not carry into it; its text starts after the heading
                self.state.previous, self.state.carried_comparison = None, None
                self.state.period, self.state.period_source = self.ctx.default_period, "report"
                first = sentence.clauses[0]
                sentence = replace(
                    sentence,
                    start=heading,
                    clauses=(replace(first, start=heading), *sentence.clauses[1:]),
                )
            s_text = self.text[sentence.start : sentence.end]
            quantities = [
                replace(q, start=q.start + sentence.start, end=q.end + sentence.start)
                for q in find_quantities(s_text, self.ctx.units)
                if not self.in_title(q.start + sentence.start)
                # 工业 300 强企业, 世界 500 强: a ranking's name, part of the subject
                and not (q.unit is None and s_text[q.end :].lstrip().startswith("强"))
                # 专栏 3：, 如图 3 所示: a box's or a figure's number (如表1所示: not 1 所)
                and not (
                    (q.unit is None or s_text.startswith("示", q.end))
                    and _NUMBERING_RE.search(s_text, 0, q.start)
                )
            ]
            self.state.frame, self.state.pending, self.state.pending_np = "", "", ""
            self.state.enumerated, self.state.pending_clause = "", ""
            self.state.listed = None
            self.state.enumerated_over = None
            self.state.change_base, self.state.part_whole = "", None
            self.state.comparison = None
            self.state.share_whole, self.state.reasons = "", ""
            self.state.runner_up, self.state.occasion, self.state.kinds_of = None, "", ""
            self.state.event = _event_held(self.text, sentence.start, sentence.end)
            self.state.after_event = ""
            self.state.held = _dated_event(s_text, self.ctx.default_year) or self.state.held
            self.state.carried, self.state.from_period, self.state.said = None, None, []
            self.state.parts = {}
            self.state.topic = self.state.topic if _CONTINUES_RE.match(s_text) else ""
            # a sentence without a date of its own goes on from the one before,
            # unless it opens a topic of its own (高清电视发展步伐加快，我国已有高清
            # 频道 1003 个): then the document's date and scope hold, for it and those
            # after it
            self.end_recent_years()  # (the last clause's 近 N 年 ended with it)
            new_topic = heading is not None or self.opens_topic(sentence)
            if self.state.previous is not None and new_topic:
                self.state.previous, self.state.carried_comparison = None, None
                self.state.period, self.state.period_source = self.ctx.default_period, "report"
            if self.state.previous is not None and self.during_undated(sentence):
                # 第 127 届广交会期间，…: not the date of the sentence before, which
                # still holds for the sentences after it
                self.state.period, self.state.period_source = self.ctx.default_period, "report"
            elif self.state.previous is not None:
                self.state.period, self.state.period_source = self.state.previous, "paragraph"
            if (ended := self.after_held(sentence)) is not None:
                # 7月28日至8月3日，…“万人电商公益培训”活动…。培训结束后，12 家企业与 40 名
                # 优秀学员现场签订就业协议: on the day the training ended, at it
                self.state.after_event, day = ended
                self.state.period, self.state.period_source = day, "clause"
            self.state.referred = self.state.through = False  # (sentence_actor says when)
            self.state.actor = self.sentence_actor(sentence)
            self.state.theme = self.theme_of(sentence) if heading is None else ""
            # 中国跨境电商快速发展。据海关统计，…进出口规模达…: the sentence before's
            self.state.told_before = self.state.told if not self.state.theme else ""
            self.state.told = self.told_theme(sentence, quantities) if heading is None else ""
            self.state.reporter = self.reporting_company(sentence)
            # companies that open a clause (中国移动 6 月客户总数为…): each owns the
            # figures of its clause and the ones after it, not those before it
            opening = [self.opening_company(self.text[c.start : c.end]) for c in sentence.clauses]
            self.state.told_company_before = self.state.told_company if heading is None else ""
            # (同时，腾讯通过…: a connective alone opens no statement)
            opener = 1 if len(opening) > 1 and self.opens_with_connective(sentence) else 0
            self.state.told_company = (
                opening[opener]
                if not quantities
                and opening[opener] not in ("", _SEVERAL)
                and {name for name in opening if name} == {opening[opener]}
                else ""
            )
            self.state.areas.start_sentence()
            self.state.places = []
            if new_topic:  # and the places of the sentences before it (海南自由贸易港…。
                self.state.areas.paragraph = None  # 跨境电子商务合作空间不断拓展，…)
            now: Period | None = None
            dated = False
            # 专栏 3：深圳市宝安区…: a box's number opens no clause, its title does
            head = 1 if _BOX_NUMBER_RE.fullmatch(self.clause_text(sentence.clauses[0])) else 0
            named_place = False
            for n, clause in enumerate(sentence.clauses):
                self.state.first_clause = n == head
                self.state.companies = [name for name in opening[: n + 1] if name]
                weak = n > 0 and not sentence.clauses[n - 1].strong
                self.state.carried_verb = self.state.shared_verb if weak else ""
                self.state.shared_verb, self.state.counted_by = "", ""
                self.end_recent_years()
                if n and sentence.clauses[n - 1].strong and named_place:
                    # …最多的省份为山东，共开通 8218 个…；开通数量在 3000 个以上的省份有
                    # 10 个: the place a statement named as its subject stops at ；
                    self.state.areas.sentence, named_place = None, False
                if n and sentence.clauses[n - 1].strong:
                    # after ；a statement names its own platform, or a programme it opens
                    # (…；推行跨省异地电子缴税，已在 26 个地区试点); a company that opens a clause
                    # of the sentence still owns a bare measure (中国电信经营收入 2607 亿元
                    # …；净利润 202 亿元)
                    opened = self.text[clause.start : clause.end]
                    self.state.actor = _programme_of(opened, self.ctx.subjects)
                part = _MARKER_RE.sub("", self.text[clause.start : clause.end]).lstrip(" ，,")
                kind = _DEFINITE_KIND_RE.match(part) if n else None
                if kind is not None and (named := self.antecedent(kind["kind"], clause.start)):
                    # …入驻“就业在线”平台，平台联合 25 个省份…，累计发布岗位 1.48 亿个，注册
                    # 求职者超 1.12 亿人: the platform named before does what follows
                    self.state.actor, self.state.referred = named, True
                named = platform_actor(part[2:].lstrip(" ，,")) if part.startswith("其中") else ""
                if named and not named[-1].isdigit():  # (其中省级平台 20 个: a count)
                    # …平台实名用户超过 10 亿人，其中国家政务服务平台注册用户超过 4 亿人，
                    # 总使用量达 368.2 亿人次: the platform 其中 named owns what follows
                    self.state.actor = named
                own = _own_periods(self.text, clause.start, clause.end, year)
                in_clause = [q for q in quantities if clause.start <= q.start < clause.end]
                latest = (
                    latest_source(self.text[clause.start : clause.end], self.ctx.dated_sources)
                    if not own and self.ctx.dated_sources
                    else None
                )
                if latest is not None:
                    # 第三产业中，根据最新的投入产出表测算，…: the year the document
                    # dated that source with (各省市 2021 年最新投入产出表), not its
                    # own; the sentences after it go on from it (第二产业中，…)
                    self.state.period, self.state.period_source = latest, "clause"
                    self.state.carried = latest
                if not own and (event := self.dated_event(clause)) is not None:
                    # “618”期间，…天猫交易额…: a flow over the festival's days, in its
                    # month (双十一's in its year) and named by it; this sentence only
                    self.state.period, self.state.period_source = event, "clause"
                    self.state.occasion = event.text
                elif (
                    n == 0
                    and not in_clause
                    and (held := _NUMBERED_EVENT_RE.fullmatch(_bare(self.clause_text(clause))))
                ):
                    # 第 127 届广交会期间，近 2.6 万家境内外参展企业…: the fair's exhibitors
                    self.state.occasion = display_form(held["event"])
                worded = self.clause_text(clause)
                if in_clause and (sampled := sampled_survey(worded, self.ctx.subjects)):
                    # 宝安区对 300 家制造业企业的…调查，…运维成本降低 13%: the sample's
                    # size is no measurement; the figures after it are of those surveyed
                    self.state.frame, self.state.theme, self.state.actor = sampled, "", ""
                    self.finding("sample", f"{worded!r}: the size of a survey's sample")
                    continue
                if in_clause and any(_HOLIDAY_RE.match(self.text, p.end_offset) for p in own):
                    # 2024 年国庆期间旅游笔记发布量超过 221 万: days the year names
                    # only in part, which no period here states and no sentence after
                    # goes on from
                    self.finding("undated", f"{self.clause_text(clause)!r}: timed by a holiday")
                    continue
                for p in own:
                    if _COMPARED_WITH_RE.search(
                        self.text[clause.start : p.start_offset]
                    ) and self.text.startswith("的", p.end_offset):
                        continue  # 是 2017 年的 1.6 倍: the year compared with, not when
                    # X 年以来 runs to the sentence's own date, else to the document's,
                    # not to a date an earlier sentence gave (截至 2024 年 9 月，…。“慕课
                    # 西部行计划”自 2013 年启动以来…: to the report's end)
                    to = self.state.period if self.state.period_source != "paragraph" else None
                    since = _since(self.text, p, to or self.ctx.default_period)
                    if since is None and _runs_since(self.text, p):
                        continue  # X 年以来 with no date it runs to
                    if is_recent_years(p):
                        # 近 5 年: a span of the clause's own, or of the sentence's when
                        # the clause says only that (近 5 年，…累计…); never carried on
                        alone = _MARKER_RE.sub("", self.clause_text(clause)).replace(p.text, "")
                        if alone.strip(" ，,：:"):
                            self.state.outside = (self.state.period, self.state.period_source)
                        self.state.period, self.state.period_source = p, "clause"
                        continue
                    self.state.period = _stock_month(month_of_day(since or p))
                    self.state.period_source = "clause"
                    if since is not None:
                        continue  # 2019 年以来，清理…: the span of its own sentence only
                    # (a date its clause ends with, 7 月 28 日至 8 月 3 日，…: when the
                    # sentence is, not when one thing in it is)
                    rest = _MARKER_RE.sub("", self.text[p.end_offset : clause.end])
                    if (
                        not self.attributive(p, clause, quantities)
                        and (
                            not _is_event_day(p)
                            or (not rest.strip(" ，,：:") and _DAYS_RE.search(p.iri))
                        )
                        and not (self.ahead(p) and self.forecast(sentence))
                        # (截至 2020 年 7 月⁸，…: a date its source gives, the cited
                        # figures', not the next sentences')
                        and not _MARKER_RE.match(self.text, p.end_offset)
                    ):
                        # 7 月 28 日至 8 月 3 日，…培训活动…举行。…培训结束后，40 名学员
                        # 签订就业协议: the sentences after an event its days date go on
                        # in the month it ended, not in a span an earlier sentence gave
                        # (培训于 7 月 28 日至 8 月 3 日举办: the days of that sentence only)
                        self.state.carried = _month_of_days(self.state.period)
                if not own and _NOW_RE.search(self.text[clause.start : clause.end]):
                    # 目前/当前: the document's own date, not an earlier clause's; and
                    # the sentences after it go on from now, not from before it
                    self.state.period, self.state.period_source = self.ctx.default_period, "report"
                    now = self.ctx.default_period
                self.read_ranks(clause, sentence.start)
                if not in_clause and _SOURCE_CLAUSE_RE.match(self.text[clause.start : clause.end]):
                    continue  # 业绩报告显示，…: who says it, not what is measured
                runner = _RUNNER_UP_RE.match(_MARKER_RE.sub("", self.clause_text(clause)))
                if runner:
                    # …比例最高，达到 41.5%；其次为 30-39 岁网民，比例为 23.9%: the next
                    # figure is the leader's measure, of the runner-up (whose age
                    # range is no figure)
                    said = self.state.said
                    leader = said[-1] if said else _leader_of(self.state.pending_clause)
                    self.state.runner_up = (display_form(runner["who"]), leader)
                    in_clause = []
                if not in_clause:
                    lead = self.text[clause.start : clause.end]
                    self.state.frame = frame_of(lead, self.ctx.subjects) or self.state.frame
                    # 20-29 岁网民使用生成式人工智能产品的比例最高，达到 41.5%: the
                    # measure said to lead, else the clause's topic
                    topic = _leader_of(lead) or topic_of(lead, self.ctx.subjects)
                    if topic not in _GENERIC_SUBJECTS:  # 总量稳居世界第二: still the last one's
                        self.state.topic = topic or self.state.topic
                    if not _ONLY_DATE_RE.match(strip_periods(_MARKER_RE.sub("", lead))):
                        # a clause that only dates (截至 2021 年底，) leaves the
                        # last clause that named things pending
                        self.state.pending, self.state.pending_clause = topic, lead.strip()
                    self.state.pending_np = noun_phrase_of(lead, self.ctx.subjects)
                    listed = self.places_of(_bare(lead))
                    if listed is not None and not listed[1]:
                        self.state.places = listed[0]  # 北京、上海、天津等省市，…
                    _, area = clean_lead(lead, self.ctx.subjects)
                    named = _NAMED_PLACE_RE.search(_MARKER_RE.sub("", lead).rstrip())
                    if not area and named and self.ctx.subjects.region_of(named["place"]):
                        # 开通政务头条号数量最多的省份为山东，共开通 8218 个: 山东's
                        area, named_place = named["place"], True
                    if area:
                        self.state.areas.name(
                            area, self.ctx.subjects.region_of, n == head, self.ctx.subjects.level_of
                        )
                    continue
                self.out.seen += len(in_clause)
                dated = dated or bool(own)
                before_first = self.text[clause.start : in_clause[0].start]
                if (
                    self.state.frame
                    and _MARKER_RE.sub("", before_first).lstrip(" ，,").startswith("其中")
                    and clean_lead(before_first, self.ctx.subjects)[1]
                ):
                    # 在已披露相关数据的城市中，…；其中东莞市…，…网约车占比已高达 77%:
                    # one place of the frame now, the base of what follows
                    self.state.frame = ""
                if _PER_UNIT_RE.search(self.text[sentence.start : clause.end]):
                    # 算力发展指数每提高 1 点，GDP 增长约 1293 亿元: what one unit more
                    # of something brings, an estimate of an effect, not a measurement
                    self.finding("per-unit", f"{self.clause_text(clause)!r}: an effect per unit")
                    continue
                if not dated and self.timed_by_holiday(self.text[sentence.start : clause.end]):
                    # 国庆假期，全国营业性演出场次同比增长 14.5%: days no period names,
                    # not the year or the months of the sentence before
                    self.finding("undated", f"{self.clause_text(clause)!r}: timed by a holiday")
                    continue
                group = self.definite_group(clause, in_clause, sentence)
                if group:
                    # 文化新业态特征较为明显的 16 个行业小类，实现营业收入 59082 亿元: the
                    # number says which things, not how many there are; what the
                    # clauses after it measure is theirs
                    self.finding("definite", f"{in_clause[0].text} in {group!r}: names a group")
                    self.state.actor = group
                    continue
                self.read_clause(clause, in_clause, sentence.end, own)
                counted = _GROUP_SIZE_RE.sub("", self.text[clause.start : clause.end])
                if counted.rstrip(" ，,").endswith("中"):
                    # 首批 81 家上市公司中，信息技术类公司占比 27%: the firms counted
                    # are the population of the shares after them
                    self.state.frame = frame_of(counted, self.ctx.subjects) or self.state.frame
            if (
                self.state.period_source == "clause"
                and not quantities
                and _ISSUES_RE.search(s_text)
            ):
                # 2014 年，上海市商务委发布《…指导意见》: the day of an act, which no
                # figure after it took place on
                self.state.carried = None
            if self.state.comparison is not None:
                self.state.carried_comparison = self.state.comparison
            elif dated:
                self.state.carried_comparison = None  # a date of its own, no base
            if self.state.period_source == "clause":
                # the next sentences go on from the last date that says when, not
                # from one that only says which (部署 2023 年行风建设)
                if self.state.carried is not None:
                    self.state.previous = self.state.carried
                self.state.period = self.state.previous or self.ctx.default_period
                self.state.period_source = "paragraph" if self.state.previous else "report"
            elif now is not None:
                self.state.previous = now
        facts, findings, seen = context or (
            len(self.out.facts),
            len(self.out.findings),
            self.out.seen,
        )
        self.out.facts, self.out.findings = self.out.facts[facts:], self.out.findings[findings:]
        self.out.seen -= seen
        return self.out

    def dated_event(self, clause: Clause) -> Period | None:
        """The festival named by its day that ``clause`` names (see
        :func:`cikg.extract.periods.find_dated_events`), in the year of the
        period that governs it; ``None`` for none."""
        governing = self.state.period or self.ctx.default_period
        year = governing.end.year if governing is not None else self.ctx.default_year
        if year is None:
            return None
        events = find_dated_events(self.text[clause.start : clause.end], year)
        return events[-1] if events else None

    def event_before(self, offset: int) -> str:
        """The event the sentence held or joined before ``offset`` (see
        :func:`_event_held`), or ""."""
        event = self.state.event
        return event[0] if event is not None and event[1] <= offset else ""

    def end_recent_years(self) -> None:
        """Back to the period a clause's own 近 N 年 replaced, if one did: 近 5 年算力
        年均增速超过 30%，算力规模全球排名第二 (the rank is at the sentence's date)."""
        if self.state.outside is not None:
            self.state.period, self.state.period_source = self.state.outside
            self.state.outside = None

    def statement_clause(self, sentence: Sentence) -> str:
        """The first clause of a sentence of several, when it can state a topic:
        no number or date, not a continuation (其中, 同时 …), not "now" (目前),
        not a source (数据显示); "" otherwise."""
        if len(sentence.clauses) < 2:
            return ""
        first = self.clause_text(sentence.clauses[0]).strip()
        if _states_no_topic(first) or _REPORTING_END_RE.search(first):
            return ""
        return first

    def opens_with_connective(self, sentence: Sentence) -> bool:
        """Whether ``sentence``'s first clause is a connective alone (同时，…,
        此外，…), which goes on from the sentence before and names nothing."""
        return bool(_CONNECTIVE_RE.fullmatch(_bare(self.clause_text(sentence.clauses[0]))))

    def during_undated(self, sentence: Sentence) -> bool:
        """Whether ``sentence`` opens with a span of an event no date in it
        fixes (第 127 届广交会期间，…; 疫情期间，…): when its figures took place,
        the date of the sentence before does not say."""
        first = _bare(self.clause_text(sentence.clauses[0]))
        return (
            len(sentence.clauses) > 1
            and bool(_DURING_RE.fullmatch(first))
            and not _HOLIDAY_RE.search(first)
            and not find_periods(first)
        )

    def after_held(self, sentence: Sentence) -> tuple[str, Period] | None:
        """The event the paragraph dated and the day it ended, when ``sentence``
        opens with its end, named by its kind (培训结束后 after “万人电商公益培训”
        活动 held 7 月 28 日至 8 月 3 日: the training, 2023-08-03); ``None``
        otherwise."""
        if self.state.held is None or len(sentence.clauses) < 2:
            return None
        ended = _EVENT_ENDED_RE.fullmatch(_bare(self.clause_text(sentence.clauses[0])))
        name, span = self.state.held
        if ended is None or ended["kind"] not in name:
            return None
        last = span.end
        day = parse_period(f"{last.year}年{last.month}月{last.day}日")
        return (name, day) if day is not None else None

    def opens_topic(self, sentence: Sentence) -> bool:
        """Whether ``sentence`` opens with a statement of a topic of its own: a
        first clause without numbers or dates whose subject is a noun and whose
        predicate ends it (企业创新活力进一步激发，…), not a continuation (其中,
        同时 …), a source (数据显示) or a frame (从区域看)."""
        first = self.statement_clause(sentence)
        if not first:
            return False
        tagged = self.ctx.subjects.segmenter.tagged(first)
        return (
            len(tagged) >= 2
            and tagged[0].tag.startswith(("n", "j", "vn"))
            and tagged[-1].tag in {"v", "a"}
        )

    def definite_group(self, clause: Clause, in_clause: list[Quantity], sentence: Sentence) -> str:
        """The group a clause only names, without the count that says which
        (文化新业态特征较为明显的 16 个行业小类，实现营业收入… -> 文化新业态特征较为
        明显的行业小类): a 的-phrase, one count and its noun, nothing after them,
        and a clause after it in the sentence (after a comma) that says what
        the group did; "" otherwise. A count after its noun (…的 5G 基站 337.7
        万个) or with a verb of its own states how many."""
        if len(in_clause) != 1 or in_clause[0].unit not in COUNTING_UNITS or clause.strong:
            return ""
        if clause == sentence.clauses[-1]:
            return ""
        q = in_clause[0]
        lead = _bare(self.text[clause.start : q.start])
        noun = _bare(self.text[q.end : clause.end])
        if not lead.endswith("的") or not noun:
            return ""
        tagged = self.ctx.subjects.segmenter.tagged(noun)
        if not tagged or any(not t.tag.startswith(("n", "j", "eng")) for t in tagged):
            return ""
        return f"{lead}{noun}"  # (a number in a name is another figure's)

    def theme_of(self, sentence: Sentence) -> str:
        """The thing a sentence's topic clause is about: a first clause with
        no number or date whose leading nouns are followed by how they fare
        (医保电子凭证全面推广应用 -> 医保电子凭证; 工业互联网标识建设、应用和管理
        有序推进 -> 工业互联网标识). Verbal nouns and adverbs jieba tags as nouns
        (全面) at the nouns' end are the predicate's. "" when the nouns are fewer
        than four characters, name a place, or the clause is a continuation or
        a source (其中, 数据显示)."""
        first = self.statement_clause(sentence)
        if not first and len(sentence.clauses) > 2 and self.opens_with_connective(sentence):
            # 同时，数字人民币推进提速，截至 2021 年底，…: a connective alone goes on
            # from the sentence before; the clause after it states the topic
            later = self.clause_text(sentence.clauses[1]).strip()
            first = "" if _states_no_topic(later) else later
        if not first or _ASPECT_CLAUSE_RE.match(first):
            return ""  # (数字化基础能力与创新能力方面: a frame)
        return self.theme_in(first)

    def told_theme(self, sentence: Sentence, quantities: list[Quantity]) -> str:
        """The thing a sentence of a topic alone is about (近年来，中国跨境电商快速
        发展。-> 中国跨境电商): no figure, and its last clause a thing and how it
        fares (:meth:`theme_in`); the next sentence's theme when it names none
        (据海关统计，2022 年进出口规模达 2.1 万亿元). "" otherwise."""
        if quantities or not sentence.clauses:
            return ""
        last = self.clause_text(sentence.clauses[-1]).strip()
        if _states_no_topic(last):
            return ""
        # (中国 | 跨境电商快速发展: the nation's thing, the nation said with it)
        nation = next((w for w in _NATION_OPENERS if last.startswith(w)), "")
        theme = self.theme_in(last[len(nation) :])
        return f"{nation}{theme}" if theme else ""

    def theme_in(self, first: str) -> str:
        """The leading nouns of a clause that are followed by how they fare
        (see :meth:`theme_of`), or ""."""
        tagged = self.ctx.subjects.segmenter.tagged(first)
        words = []
        for t in tagged:
            if t.tag not in _FRAME_TAGS or t.word in _ADVERBIAL_NOUNS:
                break
            words.append(t)
        after = tagged[len(words)] if len(words) < len(tagged) else None
        if after is None or not (
            after.word in _ADVERBIAL_NOUNS or after.word == "、" or after.tag in _PREDICATE_TAGS
        ):
            # a clause of nouns alone, or nouns cut inside a word (电子社保卡 | 线 |
            # 上线 | 下 of 线上线下): no thing and how it fares
            return ""
        while words and words[-1].tag == "vn":
            words.pop()
        theme = "".join(t.word for t in words)
        if len(theme) < 4 or self.ctx.subjects.region_of(theme):
            return ""
        return theme

    def forecast(self, sentence: Sentence) -> bool:
        """Whether ``sentence`` forecasts (预计, 有望): its period is its own."""
        text = self.without_titles(sentence.start, sentence.end)
        return figure_status(text, self.ctx.default_year) == "forecast"

    def acts_somewhere(self, lead: str) -> bool:
        """Whether ``lead`` is a body, then 在 and a place (国家移民管理局在全国,
        商务部在浙江): who acts and where, with the act after the figure."""
        located = _ACTS_IN_RE.search(lead)
        if located is None or not self.is_body(lead[: located.start()]):
            return False
        place = located["place"]
        return place in _NATION_WORDS or bool(self.ctx.subjects.region_of(place))

    def timed_by_holiday(self, text: str) -> bool:
        """Whether the last time ``text`` (a sentence up to a clause) names is a
        holiday or a festival no period names (:data:`_HOLIDAY_RE`), not a
        festival named by its day after it (…“双品网购节”…；在“618”…中，天猫…:
        June)."""
        holidays = list(_HOLIDAY_RE.finditer(text))
        if not holidays:
            return False
        # (any year will do: only where the festival stands matters)
        events = find_dated_events(text, self.ctx.default_year or 2000)
        return not events or events[-1].start_offset < holidays[-1].start()

    def ahead(self, period: Period) -> bool:
        """Whether ``period`` lies after the document's reference date (or its
        publication): 预计 2020 年底 in a report on June 2020 governs its own
        sentence's forecast, not the sentences after it (a plan's 到 2025 年
        goes on: the plan's next items are its targets too)."""
        now = self.ctx.default_period
        published = self.ctx.published
        return (now is not None and period.start > now.end) or (
            published is not None and period.start > published
        )

    def attributive(self, period: Period, clause: Clause, figures: list[Quantity]) -> bool:
        """Whether ``period`` only says which thing a noun names (部署 2023 年
        行风建设工作: the year's campaign), not when the sentence's facts hold:
        after other words (not 截至, 到 …), followed by a noun, in a clause that
        states no figure. Such a period governs its own sentence, not the
        sentences after it; in a clause with figures (我国 2023 年网民规模达…)
        it says when they hold, and goes on."""
        if any(clause.start <= q.start < clause.end for q in figures):
            return False  # 我国 2023 年网民规模达 10.9 亿人: when its figures hold
        opening = self.text[clause.start : period.start_offset].rstrip()
        if not opening or opening.endswith(_TIME_PREPOSITIONS) or opening[-1] in "，,、；;：:":
            return False  # 2023 年，… / 截至 2023 年底: when, not which
        if _DOCUMENT_RE.search(self.text[period.end_offset : clause.end]):
            return False  # 发布 2023 年年度报告: a document's period is its figures'
        after = self.text[period.end_offset : period.end_offset + 8]
        tagged = self.ctx.subjects.segmenter.tagged(after) if after else []
        return bool(tagged) and tagged[0].tag.startswith(("n", "vn")) and tagged[0].tag != "nr"

    def read_ranks(self, clause: Clause, s_start: int) -> None:
        """算力规模位居全球第二 -> 算力规模全球排名 = 2 (unit rank)."""
        text = self.text
        for m in _RANK_RE.finditer(text, clause.start, clause.end):
            lead = text[clause.start : m.start()]
            start = _RANK_FROM_RE.search(lead)
            lead = _RANK_MOVED_RE.sub("", lead[: start.start()] if start else lead)
            subject, area = clean_lead(lead, self.ctx.subjects)
            # 作为衡量…核心指标的在线服务指数: what it is, said in passing, is no part
            # of its name
            subject = _APPOSITION_RE.sub("", subject)
            # 连续三年位列全球第一, 总量连续多年位居世界第二: how long, not what
            subject = _FOR_YEARS_RE.sub("", subject)
            if not subject or subject in _GENERIC_SUBJECTS:
                # (数据产量…，全球占比 9.9%，位居世界第二: the output ranks, not its share)
                subject = _WORLD_SHARE_END_RE.sub("", self.state.topic) or self.state.topic
            period = self.state.period
            if not subject or period is None or problem_with(subject, "rank", self.ctx.subjects):
                continue
            scope = m.group("scope") or (start.group("scope") if start else "") or ""
            was = parse_period(start["when"], self.ctx.default_year) if start else None
            if start and was is not None and was.end < period.start:
                # 排名从 2018 年的第 65 位提升至第 45 位: the rank it rose from, then
                self.emit(
                    f"{subject}{scope}排名",
                    Decimal(small_number(start.group("n"))),
                    "rank",
                    start.group(0),
                    was,
                    area=area,
                    offset=clause.start + start.start(),
                )
            self.emit(
                f"{subject}{scope}排名",  # 位居全球第二: China's rank, among the world's
                Decimal(small_number(m.group("n"))),
                "rank",
                m.group(0),
                period,
                area=area,
                offset=m.start(),
            )

    def period_for(self, clause: Clause, own: list[Period]) -> tuple[Period | None, str]:
        if own:
            return self.state.period, "clause"
        if self.state.period is not None:
            return self.state.period, self.state.period_source
        return None, "report"

    def read_clause(
        self, clause: Clause, in_clause: list[Quantity], s_end: int, own: list[Period]
    ) -> None:
        text = self.text
        period, period_source = self.period_for(clause, own)
        markers = _markers(text[clause.start : clause.end])
        noted = [self.ctx.footnote_periods[m] for m in markers if m in self.ctx.footnote_periods]
        if noted:
            period, period_source = month_of_day(noted[0]), "footnote"
        elif period is not None and period_source in {"paragraph", "report"}:
            # …70%的月活用户使用搜索功能…⁵³ (⁵³ …，2024 年 8 月 7 日), after a sentence on
            # the third quarter: a figure the text does not date is of no period
            # after its source was published; as of that month, not of the date
            # the sentence before (or the report) gave
            cited = next(iter(_markers(text[clause.start : s_end])), "")
            published = self.ctx.source_dates.get(cited)
            if published is not None and period.end > published:
                period = _month_containing(published) or period
                period_source = "footnote"
        if period is None:
            self.finding("no-period", f"{text[clause.start : clause.end]!r}: no period")
            return
        first = in_clause[0]
        lead_text = text[clause.start : first.start]
        if _RESPECTIVELY_RE.search(lead_text) and len(in_clause) > 1:
            self.read_respectively(clause, in_clause, period, period_source)
            return
        if len(in_clause) == 1 and (
            self.read_each(clause, in_clause[0], period, period_source)
            or self.read_listed_subset(clause, in_clause[0], period, period_source)
        ):
            return
        if (
            len(in_clause) == 2
            and _FROM_RE.search(lead_text)
            and _TO_RE.match(text[first.end : in_clause[1].start])
        ):
            self.read_from_to(clause, in_clause, period, period_source)
            return
        ranged = self.ranges(in_clause)
        categories = {
            i
            for i, q in enumerate(in_clause)
            if is_category_bound(text[q.end : clause.end])
            and not (
                q.unit == "percent"
                and _growth_after(text[clause.start : q.start], text[q.end : clause.end])
            )
            and not (
                q.unit == "percent"
                and not clean_lead(text[clause.start : q.start], self.ctx.subjects)[0]
            )
            # 100%的省份、84%的地级市…: the next item of a list of groups' shares
            and not (
                q.unit == "percent"
                and i > 0
                and _GROUP_ITEM_RE.fullmatch(text, in_clause[i - 1].end, q.start)
            )
        }
        for group in _range_groups(ranged):
            if group[-1] in categories:  # 月收入在 2001-5000 元的网民: a category's range
                categories.update(group)
        previous_end = clause.start
        scoped = False
        data_items = _DATA_ITEMS_RE.search(text, clause.start, clause.end)
        if data_items and _NO_HOLDER_RE.sub("", text[clause.start : data_items.start()]):
            data_items = None  # a holder named (全国水利一张图汇总…等数据): its counts
        named = 0  # numbers in a name before the figure (12309中国检察网…)
        lead_starts: list[int] = []  # where each figure's lead starts
        for i, q in enumerate(in_clause):
            lead = text[previous_end : q.start]
            lead_starts.append(previous_end)
            after = text[q.end : clause.end]
            if i in categories:
                continue  # part of the next figure's subject: 5000 元以上的网民
            if i == named and _is_identifier(q, after) and not _MARKER_RE.sub("", lead).strip():
                # 12309中国检察网发布…1600 万余条: the name opens the next figure's lead
                self.finding("identifier", f"{q.text} in {self.clause_text(clause)!r}")
                named += 1
                continue
            previous_end = q.end
            if q.value == 1 and _NAMED_ONE_RE.match(after):
                # 1 艘全程自主航行船舶“智飞”号: one craft named, not a count of any
                self.finding("named-one", f"{q.text} in {self.clause_text(clause)!r}")
                continue
            if i in ranged:
                if i == min(ranged):
                    self.finding(
                        "range", f"{text[clause.start : clause.end]!r}: a range, no figure"
                    )
                continue
            if is_conversion(text[clause.start : q.start]):
                continue
            scope = scope_of(text[clause.start : q.start], text[q.end : q.end + 80])
            if not scope and scoped and lead.rstrip().endswith("、"):
                # 覆盖 31 个省（区、市）及新疆生产建设兵团、53 个国务院部门的…: the next
                # item of the scope's list, whose noun the list shares with it
                scope = "an item of a scope's list"
            scoped = bool(scope)
            if scope:
                self.finding("scope", f"{q.text} in {self.clause_text(clause)!r}: {scope}")
                continue  # 1 EFlops=10^18 Flops, 对近 10000 家企业开展分析, 31 个省区市中
            # 高出 2024 年全部固定资产投资增速: the year says which rate, not when
            gap = (
                _GAP_RE.search(_SAME_TIME_OTHER_RE.sub(r"\g<verb>", strip_periods(lead)))
                if q.unit == "percentage_point"
                else None
            )
            if gap is not None:
                # 同比增长 14.3%，高于社会消费品零售总额同比增速 25.7 个百分点: how far
                # apart two rates are, labelled by both
                label = self.gap_label(gap)
                if label:
                    self.emit_quantity(label, q, q.unit, period, area=None, source=period_source)
                else:
                    self.finding("gap", f"{q.text} in {self.clause_text(clause)!r}: a gap")
                continue
            if _THRESHOLD_BEFORE_RE.search(text[clause.start : q.start]) and (
                q.qualifier in {"以上", "以下", "及以上", "及以下"}
                or after.lstrip().startswith("之间")
            ):
                self.finding("threshold", f"{q.text} in {self.clause_text(clause)!r}: a threshold")
                continue  # 授权专利数量在 2 万件以上: the bound of a category
            if data_items and data_items.start() < q.start < data_items.end():
                self.finding("data-items", f"{q.text} in {self.clause_text(clause)!r}: data held")
                continue  # 已汇聚约 11.07 亿块农村承包地、…400 万家庭农场等数据: records
            if self.formula_part(q):
                self.finding(
                    "formula", f"{q.text} in {self.clause_text(clause)!r}: a formula's part"
                )
                continue  # 构建“1+4+N”智慧社区体系。其中，1 个社区微脑…: a design, not a count
            if _CEILING_BEFORE_RE.search(text[clause.start : q.start]):
                self.finding("ceiling", f"{q.text} in {self.clause_text(clause)!r}: a ceiling")
                continue  # 选择优质项目给予最高 50 万元无偿资助: the most a rule grants
            if (
                i > 0
                and not re.sub(r"[\s、，,和及与]|以及", "", lead)
                and _KINDS_RE.search(in_clause[i - 1].text)
                and q.unit in COUNTING_UNITS
                and not _MARKER_RE.sub("", after).strip(" ，,。；;")
            ):
                # 开发本地特色产品 10 类 21 款: the kinds, then the items of what the
                # lead before the kinds names
                kinds_lead = text[lead_starts[i - 1] : in_clause[i - 1].start]
                self.read_figure(q, kinds_lead, after, clause, period, period_source)
                continue
            if (
                i > 0
                and not re.sub(r"[\s、，,和及与]|以及", "", lead)
                and not (q.unit == "percent" and percent_of(after, self.ctx.subjects))
            ):
                if counted_noun(
                    after, "", q, self.ctx.subjects
                ):  # 49.2 万个村委会、11.5 万个居委会
                    # 已开通 459 个渠道、62 项全国服务: the items share the verb phrase
                    self.read_figure(
                        q, self.state.counted_by, after, clause, period, period_source, first=False
                    )
                    previous_end = _noun_end(q, after)
                    continue
                self.finding(
                    "enumeration",
                    f"{q.text} in {text[clause.start : clause.end]!r}: listed after another "
                    "figure with no subject of its own",
                )
                continue
            if self.read_figure(q, lead, after, clause, period, period_source, first=i == named):
                previous_end = _noun_end(q, after)  # the next lead starts after the noun counted

    def is_percent_of(self, q: Quantity, lead: str, after: str) -> bool:
        """26.4%的网民在线购买过药品: a percentage that opens its clause and
        qualifies a group that does something."""
        return (
            q.unit == "percent"
            and not clean_lead(lead, self.ctx.subjects)[0]
            and percent_of(after, self.ctx.subjects) is not None
        )

    def ranges(self, quantities: list[Quantity]) -> set[int]:
        found: set[int] = set()
        for i in range(len(quantities) - 1):
            between = self.text[quantities[i].end : quantities[i + 1].start]
            if _RANGE_SEP_RE.match(between):
                found.update({i, i + 1})
        return found

    def read_figure(
        self,
        q: Quantity,
        lead_text: str,
        after: str,
        clause: Clause,
        period: Period,
        period_source: str,
        first: bool = True,
    ) -> bool:
        """Read one figure; return whether its subject is the noun after it
        (the next figure's lead then starts after that noun)."""
        ctx = self.ctx.subjects
        if first and _is_bare_link(lead_text) and self.follows_pending(clause):
            # …比例较 2020 年 3 月下降明显，达 4.2 个百分点: the change the clause
            # before states, with its verb, is what the number measures
            pending = self.state.pending_clause
            if m := _MOVED_BY_RE.search(pending):
                lead_text = f"{pending[: m.end('verb')]}{lead_text.strip()}"
        if self.read_base_value(q, lead_text, clause):
            return False
        pulled = (
            _PULL_RE.search(_MARKER_RE.sub("", lead_text)) if q.unit == "percentage_point" else None
        )
        if pulled:
            # 重点商品以旧换新拉动实物商品网上零售额增长 1.3 个百分点: how much of
            # B's growth A brings, not a change of either
            puller, _ = clean_lead(pulled["by"], ctx)
            pulled_of, _ = clean_lead(pulled["of"], ctx)
            if puller and pulled_of:
                label = f"{puller}对{pulled_of}增长的拉动"
                self.emit_quantity(label, q, q.unit, period, area=None, source=period_source)
                return False
            self.finding("no-subject", f"{q.text} in {self.clause_text(clause)!r}: a pull of what")
            return False
        if q.unit == "percent" and _growth_after(lead_text, after):
            # 算力总规模达到 135EFlops，…，保持 55% 的高位增长: the growth of what was
            # measured (the light verb names nothing; a subject before it stays)
            lead_text = _GROWTH_LIGHT_VERB_RE.sub("", lead_text)
            if not clean_lead(lead_text, ctx)[0]:
                # the last level the sentence stated (全球占比约为 31% is a share of it)
                lead_text += self.last_level()
            lead_text += "增长"
        if q.unit == "percent" and _WORLD_SHARE_LEAD_RE.match(_MARKER_RE.sub("", lead_text)):
            # …PCT国际专利申请数量超过 3 万件，比 2017 年提升 60%，全球占比超过三分之一:
            # the world share of the last level the sentence stated, not of its topic
            if last := self.last_level():
                lead_text = f"{last}{lead_text.lstrip(' ，,')}"
            elif "均" in lead_text:
                # 计算机技术、数字通信领域…均位列全球第一，全球占比均超过三分之一: each
                # of several things the sentence named, which one label cannot say
                self.finding("no-subject", f"{q.text} in {self.clause_text(clause)!r}: of each")
                return False
        if self.is_percent_of(q, lead_text, after):
            self.read_percent_of(q, lead_text, after, clause, period, period_source)
            # 100%的省份、84%的地级市…: the next share's lead starts after this group
            return bool(LISTED_GROUP_RE.match(_MARKER_RE.sub("", after).strip()[1:]))
        if q.unit == "person" and (jobs := _JOBS_BROUGHT_RE.search(_MARKER_RE.sub("", lead_text))):
            return self.read_jobs_brought(q, jobs, clause, period, period_source)
        lead = read_lead(lead_text, ctx)
        # 全市 4 家综合类…平台年累计业务规模接近 500 亿元: the group's amount, its size
        # no figure (:func:`~cikg.extract.qualifiers.scope_of`) and no word of its label
        subject = without_group_size(lead.subject)
        unit = q.unit
        unmarked = _MARKER_RE.sub("", lead_text)  # the lead without its footnote markers
        if unit in COUNTING_UNITS and unmarked.rstrip().endswith("、"):
            # 实现省级部门、| 11 个 | 市和…: the number opens the list's next item,
            # whose noun follows it; the item before is a sibling, not the subject
            subject = ""
        bounded = _BOUNDED_SHARE_RE.search(lead_text)
        if q.qualifier is None and bounded:
            # 约占全球 5G 总用户数的 89%: the bound is said of the share, before 占
            q = replace(q, qualifier=bounded["bound"])
        if lead.kind == "level":
            if subject in _BARE_SHARES and self.read_reason_share(
                q, clause, unit, period, period_source
            ):
                return False
            bare = subject.replace("的", "")
            if _SHARE_SUFFIX_RE.search(bare) and (
                framed := next(
                    (w for w in reversed(self.state.said) if w.endswith(f"中{bare}")), ""
                )
            ):
                # 总算力规模中智能算力占比达到 41%，预计…智能算力的占比将提升至 70%: the
                # share of the same whole the sentence named
                subject = framed
            item = _SHARE_SUFFIX_RE.sub("", subject)
            if self.state.reasons and item and item != subject:
                # …；其次是…，占比为 30.1%；提供免费上网培训指导占比为 25.4%: the next reason
                label = f"{self.state.reasons}：{item}"
                self.emit_quantity(label, q, "percent", period, area=None, source=period_source)
                return False
            if subject in _GENERIC_SUBJECTS:
                # 省级政府网站首页文章更新量最高，占比为 47.8%: the clause before names it
                # 我国超算数量世界第一，占比份额接近 40%: the count's share, not the rank's
                head = _RANK_TAIL_RE.sub("", self.state.pending_np or self.state.topic)
                amount = self.state.topic.removesuffix(subject)
                if amount != self.state.topic and _LEADING_AMOUNT_RE.search(amount):
                    # 即时通信类 App 的使用时间最长，占比为 13.7%: the clause before named
                    # the share itself (…使用时长占比)
                    head = self.state.topic
                thing = self.last_thing() if _RATE_OF_THING_RE.fullmatch(subject) else ""
                if thing and not self.follows_pending(clause):
                    # 社保数字化服务覆盖面进一步扩大，我国社会保障卡持卡人数达到 13.52 亿人，
                    # 普及率达 95.7%: the card's, not the opening clause's
                    head = thing
                if head in _GENERIC_SUBJECTS:
                    # …规模从 27.2 万亿增至 45.5 万亿元，总量稳居世界第二，年均复合增长率达
                    # 13.6%: the growth of what the sentence measured, not of 总量
                    head = _RANK_TAIL_RE.sub("", self.state.topic or head)
                if head and subject not in _COUNT_SUFFIXES and head.endswith(_COUNT_SUFFIXES):
                    # 流通业务 51.19 万笔、金额 10205 万元: the amount of the business,
                    # not of its count (流通业务数量 -> 流通业务金额)
                    head = head.removesuffix("数量").removesuffix("人数")
                if head and subject in _USAGE_RATES:
                    # 短视频用户规模达 10.4 亿，使用率达 93.8%: the usage rate of 短视频
                    head = _USERS_END_RE.sub("", head) or head
                if head and _USERS_END_RE.search(subject):
                    # 网约车使用率达 24.6%，用户规模达 3849 万人: the users of 网约车
                    head = _USAGE_RATE_END_RE.sub("", head) or head
                subject = f"{head.removesuffix(subject)}{subject}" if head else ""
            tagged = ctx.segmenter.tagged(subject)
            carried = False  # whether the subject is an item of the clause before's list
            if first and (newly := _newly_done(subject, tagged)):
                # 新培育国家层面绿色工厂 1382 家、绿色工业园区 123 家: each item is a
                # count of the newly made (新建 is one word, jieba tags it a place)
                self.state.shared_verb = newly
            elif first and tagged and _is_verb(tagged[0]) and len(subject) > len(tagged[0].word):
                self.state.shared_verb = tagged[0].word  # 处置信息 3 万条、账号 5600 个
            elif first and (acting := self.body_and_verb(subject, tagged)):
                self.state.shared_verb = acting  # 国家网信办处置违法信息 3 万条、账号 5600 个
            elif not first and self.state.shared_verb and tagged and not _is_verb(tagged[0]):
                subject = f"{self.state.shared_verb}{self.parallel_item(subject)}"
            elif (
                first
                and self.state.carried_verb
                and unmarked.strip(" ，,") == subject
                and tagged
                and not _is_verb(tagged[0])
            ):
                # 全市共开立个人数币钱包 141.9 万个，对公钱包 8.2 万个: a list of objects
                # goes on past a comma when the next item is a bare noun (no verb of
                # its own: 共建共享的5G基站达 84 万个 is not 新增) naming the same noun
                # (the item before may qualify the noun elsewhere: 个人数币钱包, so the
                # item keeps its own words)
                before = _COUNT_END_RE.sub("", self.state.said[-1]) if self.state.said else ""
                if _common_tail(before, subject) >= 2:
                    self.state.shared_verb = self.state.carried_verb
                    subject, carried = f"{self.state.shared_verb}{subject}", True
            if unit == "percent" and subject.startswith("对") and subject.endswith("贡献"):
                # 对通信服务收入增量贡献达到 84.1%: a contribution in percent is a rate
                # (贡献率), not an act whose object follows
                subject += "率"
                tagged = ctx.segmenter.tagged(subject)
            if (
                not carried
                and _PREPOSITION_LEAD_RE.match(unmarked.strip(" ，,"))
                and not names_measure(subject)
            ):
                subject = ""  # 与五大洲 23 个国家建立…: the counted noun follows
            located = unmarked.rstrip().endswith(("在", "于"))
            if subject and located and not names_measure(subject) and unit in COUNTING_UNITS:
                # “一键叫车”功能已在 | 325 个 | 城市上线: where the subject acted, counted
                noun = _place_first(counted_noun(after, "", q, ctx))
                if noun and subject not in noun:
                    label = _joined(subject, noun)
                    self.emit_quantity(label, q, unit, period, area=lead.area, source=period_source)
                    self.state.topic = label
                    return True
            which = (
                _DISPOSED_WHICH_RE.search(lead_text.rstrip()) if unit in COUNTING_UNITS else None
            )
            if which:
                # 对其中存在问题的 | 101 款 | 不良手机应用进行了下架处理: a 的-phrase
                # between 对 and the number says which of the things the act is done
                # to; the things and the act follow
                lead_text = lead_text[: which.start("which")]
                doers = re.split(r"[，,；;：:]", lead_text)[-1].strip()
                # (中国互联网协会联合应用商店、安全检测厂商对…: several acted together,
                # all named, not the list's last item a lead keeps)
                joint = re.search(r"[、和与及]|联合|会同", doers)
                subject = doers if joint else clean_lead(lead_text, ctx)[0]
            bare_lead = "" if which else unmarked.rstrip()
            headless = _HEADLESS_THERE_ARE_RE.search(bare_lead)
            if len(subject.removesuffix("的")) > 1 and (  # (…为 355 城的 | 624 万 | 老年人)
                bare_lead.endswith("的") or (headless and unit in COUNTING_UNITS)
            ):
                noun = counted_noun(after, "", q, ctx)  # 28 个省份的 | 238 个 | 地市
                if noun:
                    if headless:
                        # 仍持有支付牌照的还有约 | 237 家 | 公司: a 的-phrase with no head
                        # says which; the noun after the number names them (not 仍's)
                        subject = _LEADING_ADVERB_RE.sub("", subject)
                    subject = f"{subject}的{noun}"
                    self.emit_quantity(
                        subject,
                        q,
                        unit,
                        period,
                        area=lead.area,
                        source=period_source,
                    )
                    self.state.topic = subject
                    return True
            from_after = False
            perfective = lead_text.rstrip().endswith("了") and not names_measure(subject)
            nation = next((w for w in _NATION_WORDS | _ALL_WORDS if subject.endswith(w)), "")
            verb_part = subject[: -len(nation)] if nation else ""
            verb_tags = ctx.segmenter.tagged(verb_part) if verb_part else []
            if (
                verb_tags
                and verb_tags[-1].tag == "v"
                and not verb_tags[-1].word.endswith(("在", "于", "对"))
                and _ends_in_verb(verb_part, verb_tags)
            ):
                # 汇总我国 | 14.7 万条 | 河流, 覆盖全国 | 1.4 万家 | 政府网站: the
                # nation's, counted after the verb (jieba may join 覆盖全国 as one word);
                # 覆盖全部 | 41 个 | 工业大类: all of them
                subject, tagged = verb_part, verb_tags
            # 电子社保卡领用人数…，已开通 459 个渠道、62 项全国服务: the card's, not the topic's
            holder = self.holder_thing()
            domains = ""
            if _DOMAINS_RE.search(subject):
                # 卫生健康、民航等领域 | 1000 余项 | 防疫相关数据: where, the noun follows
                domains, subject, tagged = subject, "", []
            if not subject or perfective or which or (tagged and _ends_in_verb(subject, tagged)):
                from_after = True
            elif unit in COUNTING_UNITS and self.acts_somewhere(subject):
                # 国家移民管理局在全国 | 129 个 | 水运口岸推行边检登轮码: a body and
                # where it acts open the lead; the number counts the noun after it
                from_after = True
            elif (
                unit in COUNTING_UNITS
                and _verb_and_object(tagged)
                and counted_noun(after, "", q, ctx)
            ):
                # 陆续接入地方部门 | 360 多万项 | 政务服务事项: a verb and its object's
                # owner open the lead; the number counts the noun after it
                from_after = True
            if from_after:
                # 共上线 356 部网络剧: [actor] verb | number | noun
                if _is_identifier(q, after):
                    self.finding("identifier", f"{q.text} in {self.clause_text(clause)!r}")
                    return False  # 12309中国检察网, 12345热线: a number in a name
                # 对 | 4046 家 | 网站平台实施…处罚: 对, which the lead drops, says the
                # things counted are what the act is done to (为, 向, 给: who got it)
                coverb = _COVERB_END_RE.search(lead_text.rstrip())
                if not subject:
                    # 下架 | 172 款 | APP: an act of enforcement says what is counted
                    # (the apps taken down), though a verb alone names no measure
                    verbs = ctx.segmenter.tagged(unmarked.strip(" ，,"))
                    if verbs and verbs[-1].word in _ENFORCEMENT_VERBS:
                        subject = verbs[-1].word
                subject = (
                    counted_noun(after, subject, q, ctx, coverb=coverb["coverb"] if coverb else "")
                    if unit in COUNTING_UNITS or unit is None
                    else ""
                )
                if (
                    not subject
                    and unit in COUNTING_UNITS
                    and not _MARKER_RE.sub("", after).strip(" ，,。；;")
                    and (acts := _acts_on_an_act(tagged))
                ):
                    # 各级网络举报部门共受理举报 8088 万件: the second verb is what the
                    # first acts on, the thing counted (举报 reports)
                    subject = acts + ("人次" if unit == "person_time" else "数量")
                from_after = bool(subject)
                if from_after and first:
                    self.state.counted_by = lead_text  # the next items' verb phrase
                if from_after and not first and holder and holder not in subject:
                    subject = f"{holder}{subject}"
                if subject and domains:
                    subject = f"{domains}{subject}"
                actor = self.state.actor
                if (
                    from_after
                    and actor
                    and located
                    and actor not in subject
                    and not ctx.is_indicator(subject)
                ):
                    # 北斗三号…建成运行，已在 20 多个国家开通高精度服务: where the
                    # sentence's actor did it, not who did it
                    subject = _joined(actor, _place_first(subject))
                frame = self.state.frame
                before = _MARKER_RE.sub("", self.text[clause.start : q.start]) if frame else ""
                included = _INCLUDED_IN_RE.search(before) if from_after and frame else None
                if included and frame not in subject:
                    # 在海外视听类应用收入规模Top100中，11 个新入围者中包括 8 个中国微短剧
                    # 应用: counted among the group, in the frame, not all of them
                    subject = f"{frame}{included['group']}中{subject}"
            if not subject and _is_bare_link(lead_text) and self.state.topic:
                subject = self.state.topic  # 网民规模持续扩大，达 11.08 亿人
                added = _NEW_THINGS_RE.search(subject)
                if added and "累计" in lead_text and period.end:
                    # 新签约 5G 2B 商用项目约 6,000 个，…，累计超过 2 万个: the stock
                    # of all of them at the span's end, not another count of the new ones
                    rest = _COUNT_END_RE.sub("", subject[added.end() :])
                    subject = f"{subject[: added.start()]}{rest}累计数量"
                    period = _end_month(period) or period
            if _SLOT_RE.match(subject) and (user := self.segment_thing(clause)):
                # 网络直播使用时段的集中趋势更加明显，18 点至 23 点使用时长占比合计超过
                # 40%: a slot of the hours (or their sum) of what the part of the
                # sentence is about, one of the frame's (手机网民较常使用的六类 App 中);
                # a sum is of the hours the part named (11点至12点、17点至20点出现使用
                # 高峰，合计时长占比达 53.8%)
                hours = self.segment_hours(clause) if subject.startswith("合计") else ""
                subject = f"{user}{hours}{subject}"
            elif (
                self.state.frame
                and (
                    _RATE_WORD_END_RE.search(subject)
                    or (self.of_frame_kind(subject) and not ctx.is_indicator(subject))
                )
                and self.state.frame not in subject
            ):
                # 在各行政级别政府网站中，市级网站栏目数量最多: a share of the frame,
                # or a count of a kind of what it holds; a country's part of the
                # world's is named with it (全球…开源软件项目中我国开源软件项目占比)
                country = (lead.area or "") if self.state.frame.startswith(_WORLD_WORDS) else ""
                subject = f"{self.state.frame}中{country}{subject}"
            owner = holder or self.state.actor
            if (
                owner
                and not self.state.first_clause
                and 0 < len(subject) <= 4
                and not ctx.is_indicator(subject)
                and owner not in subject
                and not owner.endswith(subject)  # 2022年，我国网络零售达到…: its own
            ):
                subject = f"{owner}{subject}"  # …，总用户数超 20 亿
            elif (
                not self.state.first_clause
                and not ctx.is_indicator(subject)
                # (开立个人钱包 | 2.6 亿个: a curated count, whoever's sentence it is)
                and not (
                    unit in COUNTING_UNITS and ctx.is_indicator(count_label(subject, unit, ctx))
                )
                and (theme := self.theme_for(subject, owner))
            ):
                # 医保电子凭证全面推广应用，…接入定点医疗机构超 34 万家: an act with no
                # doer named is the sentence's theme's; so is a part or measure of it
                subject = f"{theme}{subject}"
            if subject and not from_after:
                subject = self.fuller_mention(subject, q.start)
                subject = self.shared_frame(subject)
                subject = self.named_before(subject, q.start)
            elif (
                subject
                and (kind := _DEFINITE_KIND_RE.match(subject))
                and (actor := _DEFINITE_KIND_RE.match(unmarked.strip()))
                and actor["kind"] == kind["kind"]
            ):
                # 该平台共受理了 | 27.9 万件 | 投诉: the actor before the number is the
                # system the paragraph named (not a kind counted after it: 50 个平台)
                subject = self.named_before(subject, q.start, mention=kind["kind"])
            if subject:
                subject = self.topic_kind(subject, q.end)
            elif unit in ("count", "person_time"):
                # 平台“防疫健康信息码”累计访问达 | 61.55 亿余次, 累计观看超 | 1200 亿人次
                subject = self.act_count(unmarked, unit, q.start)
            subject = (
                self.owned(subject) or self.leading_measure(clause) or self.faring_measure(clause)
            )
            kind = _KIND_ITEM_RE.fullmatch(subject)
            if kind and unit in COUNTING_UNITS and (thing := self.kinds_of()):
                # 确定 10 批国家新型工业化产业示范基地，其中包括电子信息类 53 家、…: bases
                # of that kind, counted
                subject = f"{kind['kind']}{thing}"
            subject = count_label(subject, unit or _implied_unit(subject, q, self.ctx), ctx)
            problem = problem_with(subject, unit, ctx)
            if problem:
                self.name_area(lead.area, q.start)  # 新疆…34 个…；58 个边境团场…: 新疆's
                self.finding("no-subject", f"{q.text} in {self.clause_text(clause)!r}: {problem}")
                self.state.topic = ""  # what follows (同比增长 …) is this figure's, not the last
                return False
            self.emit_quantity(
                subject,
                q,
                unit,
                period,
                area=lead.area,
                source=period_source,
            )
            if not _contribution_of_another(subject):  # (what it is of stays the topic)
                self.state.topic = subject
            return from_after
        # 短视频用户规模达…，占网民整体的…，用户规模较…增长 5.8%: the measure the
        # sentence named, not its last share
        named = ""
        if subject in _GENERIC_SUBJECTS:
            named = next((said for said in reversed(self.state.said) if said.endswith(subject)), "")
        if named:
            subject = named  # the measure the sentence named, not its last share
        elif (
            subject in _GENERIC_SUBJECTS
            or subject in {"占", "占比"}
            or (not subject and unit == "percentage_point")
        ):
            # 占比较 2023 年 12 月提高 4.1 个百分点: the change of the last share
            subject = self.state.last if self.state.last_unit == "percent" else ""
        if not subject and lead.kind == "change" and self.state.change_base:
            subject = self.state.change_base  # 案例数环比下跌 1.9%，同比下跌 30.4%
        elif subject and subject not in (self.state.last, self.state.topic):
            subject = self.owned(subject)
        base = subject or self.state.topic
        if not subject and lead.kind == "share" and (same := self.same_measure(lead.whole)):
            # 网民规模…达 11.08 亿人；互联网普及率达 78.6%，占全球网民规模的比例超过 20%:
            # the part is what the sentence measured as its whole is measured, not the
            # rate said last
            base = same
        if (
            not base
            and lead.kind == "share"
            and self.state.runner_up is not None
            and self.state.last_unit == "percent"
        ):
            # …占互联网细分领域中 68%；其次为“电子商务”，但仅占细分领域中的 20%: the
            # leader's share, of the runner-up (its label says the whole)
            self.emit_quantity(
                self.state.last, q, unit, period, area=lead.area, source=period_source
            )
            return False
        if (
            not base
            and lead.kind == "share"
            and self.follows_pending(clause)
            and _LEADS_RE.search(self.state.pending_clause)
        ):
            # “企业服务”投融资活跃度大幅领先，占互联网细分领域中 68%: the share of
            # what the clause before says leads
            base = self.state.pending_np
        if not base and lead.kind == "level":
            base = self.leading_measure(clause) or self.faring_measure(clause)
        if not base:
            self.finding(
                "no-subject", f"{q.text} in {self.clause_text(clause)!r}: no subject before it"
            )
            return False
        if lead.kind == "change":
            frame = self.state.frame
            if subject and frame and frame not in base and not ctx.is_indicator(base):
                # 在省级行政许可事项中，平均承诺时限压缩超过 50%: the change of the
                # frame's measure, as a share after the frame is the frame's
                base = _in_frame(frame, base)
            self.state.change_base = base if lead.subject or self.state.change_base else ""
            if _TARGET_BASE_RE.search(self.text, clause.start, q.start):
                # 要求到 2020 年末，IPv6 活跃连接数达到 11.5 亿，较 2019 年 8 亿连接数的
                # 目标提高 43%: how one target exceeds an earlier one, no measurement
                self.finding("target-change", f"{q.text} in {self.clause_text(clause)!r}")
                return False
            if unit == "times":
                self.finding("multiple", f"{q.text} in {self.clause_text(clause)!r}: a multiple")
                return False
            comparison = lead.comparison
            if comparison is None:
                # 较 2020 年 3 月增长 3063 万，城乡…差距缩小 6.3 个百分点: a change
                # without a base of its own is over the base the sentence gave; in a
                # sentence that goes on from the date of one before it, over that
                # one's (…，较 2020 年 3 月提升 6.1 个百分点。城乡地区互联网普及率差异
                # 缩小 6.3 个百分点)
                comparison = self.state.comparison
                if comparison is None and period_source == "paragraph":
                    comparison = self.state.carried_comparison
            elif (
                comparison in _DATED_COMPARISONS
                or parse_period(comparison, self.ctx.default_year) is not None
            ):
                # (较 2019 年底减少 8 万款，下降 2.2%: the 2.2 % is against the year's end too)
                self.state.comparison = comparison
            value = -q.value if lead.down else q.value
            if comparison == "mom" and period_source == "paragraph" and "/month/" not in period.iri:
                # 2020 年上半年，…。游戏类应用数量达 92.5 万款，…，环比增加 2.6 万款: a
                # change over the period before, in a sentence with no date of its own,
                # is the last month's, not one over the span a sentence before gave
                period = _end_month(period) or period
            changed = _comparison_period(comparison, period, self.ctx.default_year)
            label, base, derivation = _change_named(base, comparison, unit)
            if derivation == "change":
                unit = unit or self.state.units.get(base)
            self.emit_quantity(
                label,
                q,
                unit,
                changed,
                value=value,
                area=lead.area,
                source=period_source,
                base=base,
                derivation=derivation,
            )
            return False
        # a share: 占 WHOLE 的 X%
        derivation = self.ctx.derivation_in(f"占{lead.whole}") or "share"
        amount = _WHOLE_AMOUNT_RE.search(lead.whole)
        if amount and _COUNT_END_RE.search(base) and self.state.units.get(base) == "count":
            # 19 家企业年营收能力在 100 亿元以上，占 100 家企业总营收的 58.3%: the firms'
            # revenue is the part of the revenue, not the firms
            base = _COUNT_END_RE.sub("", base) + amount["amount"]
        label = share_label(base, lead.whole, ctx.is_indicator)
        self.state.share_whole = lead.whole  # the whole of the sentence's bare 占比 after it
        self.emit_quantity(
            label,
            q,
            unit or "percent",
            period,
            area=lead.area,
            source=period_source,
            base=base,
            derivation=derivation,
        )

    def read_base_value(self, q: Quantity, lead_text: str, clause: Clause) -> bool:
        """较 2019 年同期（50257 个）增长: the bracketed number is the level of
        the last figure's subject at the comparison period. Returns whether
        the number was such a base (read or left out)."""
        m = _BASE_VALUE_RE.search(lead_text)
        if m is None:
            return False
        topic = self.state.topic
        current = self.state.period
        base = _base_period(m["base"], current, self.ctx.default_year)
        if topic and base is not None and q.unit == self.state.units.get(topic, q.unit):
            self.emit_quantity(
                topic,
                q,
                q.unit,
                base,
                area=None,
            )
        return True

    def read_percent_of(
        self,
        q: Quantity,
        lead_text: str,
        after: str,
        clause: Clause,
        period: Period,
        period_source: str,
    ) -> None:
        """26.4%的网民在线购买过药品 -> 在线购买过药品的网民比例: a share of a
        group that does something (in the frame, when one is set: 在参与调查
        的网民中，98.2%的网民…)."""
        found = percent_of(after, self.ctx.subjects)
        assert found is not None
        group, predicate = found
        group = self.named_group(group, q.start)
        predicate = re.sub(r"^是(?=[\u4e00-\u9fff]{2})", "", predicate)  # 是兼职: 兼职的司机
        _, area = clean_lead(lead_text, self.ctx.subjects)
        bare = _ADVERB_LEAD_RE.sub("", predicate)
        whole = self.generic_group_whole(group, q.start)
        if whole:
            # 1.16 亿网民参与过“以旧换新”活动，其中 68.8% 的人选择线上参与: of them
            label = display_form(f"{whole}中{bare}的比例")
        elif _WITH_RE.match(bare):
            # 70% 的卫生院已和上级医院建立…: a label cannot open with 和 ("with");
            # 87% 的省级政府和 81% 的…: a list, not "with"
            label = display_form(f"{group}中{bare}的比例")
        else:
            label = display_form(f"{predicate}的{group}比例")
        if self.state.frame and self.state.frame not in label:
            label = f"{self.state.frame}中{label}"
        if problem_with(label, "percent", self.ctx.subjects):
            self.finding("no-subject", f"{q.text} in {self.clause_text(clause)!r}")
            return
        self.emit_quantity(
            label,
            q,
            "percent",
            period,
            area=area,
            source=period_source,
        )

    def named_group(self, group: str, offset: int) -> str:
        """A group a percentage names by a bare word (33% 的司机) with the word
        its sentence named it by before (网约车司机群体从业的平均时长…，33% 的
        司机从业不到 1 年 -> 网约车司机); ``group`` otherwise, and always for
        netizens and users, whom a report names in many kinds (手机网民 …, then
        网民 for all of them)."""
        if len(group) > 2 or group in _SURVEYED_PEOPLE or self.state.frame:
            return group  # (在省级行政许可事项中，90.5% 的事项…: the frame says which)
        sentence = self.text[_sentence_start(self.text, offset) : offset]
        tokens = self.ctx.subjects.segmenter.tagged(sentence)
        for before, token in zip(reversed(tokens[:-1]), reversed(tokens[1:]), strict=True):
            if token.word == group and before.tag in _FRAME_TAGS and len(before.word) >= 2:
                return before.word + group
        return group

    def generic_group_whole(self, group: str, offset: int) -> str:
        """The people a percentage after 其中 is of, when it names them only as
        people (其中 68.8% 的人): the people the figure before it in the sentence
        counts (参与过“以旧换新”活动的网民数量 -> 参与过“以旧换新”活动的网民); ""
        otherwise."""
        sentence = self.text[_sentence_start(self.text, offset) : offset]
        if group not in _GENERIC_PEOPLE or "其中" not in sentence:
            return ""
        level = self.state.said[-1] if self.state.said else ""
        people = _PEOPLE_COUNTED_RE.search(level)
        return level[: people.start("measure")] if people else ""

    def same_measure(self, whole: str) -> str:
        """The figure of the sentence measured as ``whole`` is (网民规模 for 全球网民
        规模), when the last one is not: a share's part is of the whole's kind.
        "" when the last figure is, or none is."""
        measure = _WHOLE_MEASURE_RE.search(whole)
        if measure is None or not self.state.said or self.state.said[-1].endswith(measure[0]):
            return ""
        return next((s for s in reversed(self.state.said) if s.endswith(measure[0])), "")

    def places_listed(self, label: str) -> tuple[list[str], str] | None:
        """The places a label opens with, listed (北京、上海、天津等省市数字经济
        GDP 占比 -> [北京, 上海, 天津], 数字经济GDP占比), or ``None``: a figure
        said of several places at once (each exceeds 50 %) is each one's, not
        the nation's. Every item must be a curated region; 等, a count of them
        (等 7 个) and the kind of place (省市, 城市 …) are dropped. A share, a
        contribution or a sum (:data:`_COLLECTIVE_RE`) is the places' together:
        ``None``, and the label keeps the list."""
        listed = self.places_of(label)
        return self.each_place(*listed) if listed is not None else None

    @staticmethod
    def each_place(regions: list[str], measure: str) -> tuple[list[str], str] | None:
        """``(regions, measure)`` when the measure is each place's, ``None`` when
        there is none or it is the places' together (:data:`_COLLECTIVE_RE`: 前 10
        大省市占全国比重)."""
        if not measure or _COLLECTIVE_RE.search(measure):
            return None
        return regions, measure

    def places_of(self, text: str) -> tuple[list[str], str] | None:
        """The curated regions a text opens with as a list (北京、上海、天津等省市…,
        or one place and 等: 庆阳等…), and the text after the list, 等, their
        count and their kind; ``None`` when it opens with no list of places."""
        region_of = self.ctx.subjects.region_of
        items = text.split("、")
        one = next((k for k in range(2, 6) if text[k : k + 1] == "等" and region_of(text[:k])), 0)
        if len(items) < 2 and not one:
            return None  # (庆阳等绿电使用率: one place and others like it)
        if len(items) < 2:
            return [region_of(text[:one]) or text[:one]], _PLACES_KIND_RE.sub("", text[one:])
        rest = items.pop()
        while True:  # the last place, and one joined to it by 和 or 及 (安徽和湖北)
            ends = [k for k in range(2, min(len(rest), 8) + 1) if region_of(rest[:k])]
            if not ends:
                return None
            items.append(rest[: ends[-1]])
            rest = rest[ends[-1] :]
            if not (rest[:1] in ("和", "及") and region_of(rest[1:3])):
                break
            rest = rest[1:]
        rest = _PLACES_KIND_RE.sub("", rest)
        regions = [region_of(item.strip()) for item in items]
        if any(r is None for r in regions):
            return None
        return [r for r in regions if r is not None], rest

    def name_area(self, area: str | None, offset: int) -> None:
        """Note an area a figure's lead names though the figure is left out:
        the figures after it in the sentence are still the area's; not the
        first of a list of places (江苏南京、浙江温州…等 6 个城市: none's alone)."""
        start = max(self.text.rfind(c, 0, offset) for c in "，,；;。")
        if area and "、" not in self.text[start + 1 : offset]:
            subjects = self.ctx.subjects
            self.state.areas.name(
                area, subjects.region_of, self.state.first_clause, subjects.level_of
            )

    def read_reason_share(
        self, q: Quantity, clause: Clause, unit: str | None, period: Period, source: str
    ) -> bool:
        """促进非网民上网的首要因素是方便与家人亲属沟通联系，占比为 31.8%；其次是…，占比为
        30.1%: the share of those who name each reason, labelled by what the
        reasons are of and the reason (促进非网民上网的因素：方便与家人亲属沟通联系),
        not the population's share. Return whether the figure was read so."""
        if not self.follows_pending(clause):
            return False
        pending = _MARKER_RE.sub("", self.state.pending_clause)
        first = _REASON_RE.match(pending)
        if first is not None:
            self.state.reasons = f"{first['topic']}的{first['kind']}"
        named = first or (
            (_NEXT_REASON_RE.match(pending) or _NTH_REASON_RE.match(pending))
            if self.state.reasons
            else None
        )
        if named is None:
            return False
        label = f"{self.state.reasons}：{named['item'].strip()}"
        self.emit_quantity(label, q, unit or "percent", period, area=None, source=source)
        return True

    def segment_thing(self, clause: Clause) -> str:
        """What the part of the sentence ``clause`` is in (after the last ；)
        opens by naming, when its first clause states no figure and ``clause``
        is not that clause (网上外卖呈现明显的时段特点，…，合计时长占比达 53.8% ->
        网上外卖); "" for none. A user base it names is the thing's (网络购物类 APP
        的用户 -> 网络购物类APP)."""
        before = _CLAUSE_SPLIT_RE.split(self.part_before(clause))[:-1]
        # (2020 年 6 月，手机网民较常使用的六类 App 中，即时通信…: past the date and the frame)
        opening = next(
            (
                c
                for c in before
                if not _ONLY_DATE_RE.match(strip_periods(c)) and not frame_of(c, self.ctx.subjects)
            ),
            "",
        )
        if not opening or find_quantities(opening, self.ctx.units):
            return ""
        thing = noun_phrase_of(_MARKER_RE.sub("", opening), self.ctx.subjects)
        return re.sub(r"的?用户$", "", thing)

    def part_before(self, clause: Clause) -> str:
        """The text of the part of the sentence ``clause`` is in (after the last
        ；or 。) up to ``clause``."""
        start = max(self.text.rfind(ch, 0, clause.start) for ch in "；;。") + 1
        return self.text[start : clause.start]

    def segment_hours(self, clause: Clause) -> str:
        """The spans of hours the part of the sentence ``clause`` is in names
        before it (11点至12点、17点至20点), joined by 、; "" for none."""
        spans = _HOURS_RE.findall(_MARKER_RE.sub("", self.part_before(clause)))
        return "、".join(re.sub(r"\s+", "", h) for h in spans)

    def follows_pending(self, clause: Clause) -> bool:
        """Whether ``clause`` comes right after the sentence's last clause
        without a figure (:attr:`_State.pending_clause`)."""
        pending = self.state.pending_clause
        return bool(pending) and self.text[: clause.start].rstrip(" ，,").endswith(pending)

    def clause_text(self, clause: Clause) -> str:
        return self.text[clause.start : clause.end].strip()

    def read_respectively(
        self, clause: Clause, in_clause: list[Quantity], period: Period, period_source: str
    ) -> None:
        """A、B 和 C 分别为 X、Y、Z: one figure per item (regions are areas)."""
        text = self.text
        lead_text = text[clause.start : in_clause[0].start]
        lead = read_lead(_RESPECTIVELY_RE.split(lead_text)[0], self.ctx.subjects)
        shares_of = lead.whole if lead.kind == "share" and not lead.subject else ""
        if not lead.subject and self.state.pending:
            lead = replace(lead, subject=self.state.pending)
        elif not lead.subject and (
            ranked := _RANKED_ITEMS_RE.match(
                clean_lead(self.state.pending_clause, self.ctx.subjects)[0]
            )
        ):
            # 网络视频、…和网络直播类应用的使用时长占比分列第二到六位，依次为 …: the
            # items and their measure, ranked in the clause before
            lead = replace(lead, subject=ranked["items"])
        split = enumerated_items(lead.subject, len(in_clause), self.ctx.subjects)
        rate = lead.subject in _BARE_RATES
        if split is None and (rate or _BARE_COMPARISON_RE.match(lead.subject)):
            # 较 2023 年 12 月分别增长 …；增长率分别为 …: the items named before
            faring = _FARING_RE.match(self.state.pending_clause)
            earlier = (self.state.enumerated, self.state.pending, faring and faring["items"])
            n = len(in_clause)
            for phrase in earlier:
                split = enumerated_items(phrase, n, self.ctx.subjects) if phrase else None
                if split:
                    lead = replace(lead, subject=phrase)
                    break
            if split is None and not rate:
                split = self.levels_just_said(len(in_clause))
        if split is None and lead.subject and not rate:
            # 网上外卖、在线办公…等数字服务蓬勃发展，截至 2021 年底，用户规模分别达 …:
            # the measure of each thing the clause before listed
            listed = _LISTED_RE.match(_MARKER_RE.sub("", self.state.pending_clause))
            phrase = listed["items"] + lead.subject if listed else ""
            split = enumerated_items(phrase, len(in_clause), self.ctx.subjects) if phrase else None
            if split:
                lead = replace(lead, subject=phrase)
        if split is None and lead.subject and not rate:
            # 移动物联网（蜂窝）终端应用于公共服务、…、智慧家居等领域的规模分别达 …: the
            # items a list closed by 等 names before the measure, which the lead's
            # subject leaves out as examples
            own = strip_periods(_MARKER_RE.sub("", _RESPECTIVELY_RE.split(lead_text)[0]))
            own = own.strip(" ，,")
            if own.endswith(lead.subject) and "、" in own:
                split = enumerated_items(own, len(in_clause), self.ctx.subjects)
        if split is None and self.read_yearly(
            clause, in_clause, lead_text, lead.subject, lead.area
        ):
            return
        if split is None:
            self.finding(
                "enumeration",
                f"{self.clause_text(clause)!r}: {len(in_clause)} numbers but the items of "
                f"{lead.subject!r} could not be told apart",
            )
            return
        items, prefix, suffix = split
        if shares_of:
            # …App 数量分别达 50.8 万、…款，占全部 App 比重分别为 14.1%、…: each item's
            # share of the whole, not the measure the items were listed with
            measure = _COUNT_END_RE.sub("", suffix.removesuffix("规模"))
            suffix = f"{measure}占{shares_of}的比例"
        change = read_lead(lead_text, self.ctx.subjects)
        if rate:
            change = replace(change, kind="change")
        self.state.enumerated = lead.subject
        self.state.listed = (items, prefix)
        regions = [self.ctx.subjects.region_of(item) for item in items]
        wholes = {
            _REGIONS_WHOLE.get(self.ctx.subjects.level_of(r) or "") if r else None for r in regions
        }
        whole = wholes.pop() if len(wholes) == 1 else None  # 美国、中国: no one whole
        # the regions a list names are its items' areas, not the topic of the
        # sentences after it (中、西部和东北地区…分别增长…。广东、江苏…等前 10 大省市…)
        areas = replace(self.state.areas, recent=list(self.state.areas.recent))
        self.emit_items(
            items,
            in_clause,
            regions,
            prefix,
            suffix,
            lead,
            change,
            rate,
            whole,
            period,
            period_source,
        )
        if any(regions):
            self.state.areas = areas

    def levels_just_said(self, n: int) -> tuple[list[str], str, str] | None:
        """The items of a 分别 change that names none (同比分别增长 22.73% 和
        21.94%) when the sentence's last ``n`` figures are ``n`` levels of
        different things, each stated in a clause of its own (完成移动支付业务
        1512.28 亿笔，金额 526.98 万亿元): their changes, in order, as
        ``(labels, "", "")`` (the shape of :func:`enumerated_items`); ``None``
        when the sentence said fewer, or a rate or a change among them."""
        said = self.state.said[-n:]
        if n < 2 or len(said) < n or len(set(said)) < n:
            return None
        if any(
            self.state.units.get(w) in {None, "percent"} or _RATE_WORD_END_RE.search(w)
            for w in said
        ):
            return None
        return said, "", ""

    def emit_items(
        self,
        items: list[str],
        in_clause: list[Quantity],
        regions: list[str | None],
        prefix: str,
        suffix: str,
        lead: Lead,
        change: Lead,
        rate: bool,
        whole: str | None,
        period: Period,
        period_source: str,
    ) -> None:
        """One figure per item of a 分别 list (see :meth:`read_respectively`)."""
        frame = self.state.frame
        # 分别达 9.97 亿、4.77 亿、3.72亿和 3.2 亿户: the unit the last number states is
        # the list's; a rate's only when the numbers before it are bare (分别较去年提升
        # 2.13 和 0.6 个百分点, but 分别为 5 亿和 10% are two measures)
        shared = in_clause[-1].unit
        if shared in {"percent", "percentage_point"} and any(
            q.unit is not None or q.multiplier != 1 for q in in_clause[:-1]
        ):
            shared = None
        for item, q, region in zip(items, in_clause, regions, strict=True):
            if q.unit is None and shared is not None:
                q = replace(q, unit=shared)
            label = prefix + suffix if region is not None else prefix + item + suffix
            area = item if region is not None else lead.area
            if change.kind == "change":
                over = _comparison_period(change.comparison, period, self.ctx.default_year)
                if rate and self.state.enumerated_over is not None:
                    over = self.state.enumerated_over  # 增长率分别为: over the change just read
                self.state.enumerated_over = over
                self.emit_change(label, q, change, over, area, period_source)
                continue
            label = count_label(label, q.unit, self.ctx.subjects)
            if whole and q.unit == "percent" and "占" not in _SHARE_SUFFIX_RE.sub("", label):
                # 北京、上海、广东三省的…数量占比分别达到 34.8%、…: each province's
                # share of the nation's (a country's of the world's)
                label = _SHARE_SUFFIX_RE.sub(f"占{whole}比例", label)
            elif frame and _SHARE_END_RE.search(label) and frame not in label:
                # 手机网民经常使用的各类 App 中，…网络视频…使用时长占比…依次为 12.8%、…:
                # a share of the frame the sentence set
                label = f"{frame}中{label}"
            problem = problem_with(label, q.unit, self.ctx.subjects)
            if problem:
                self.finding("no-subject", f"{q.text} of a list: {problem}")
                continue
            self.emit_quantity(
                label,
                q,
                q.unit,
                period,
                area=area,
                source=period_source,
                breakdown=None if region is not None else item,
            )

    def read_each(self, clause: Clause, q: Quantity, period: Period, period_source: str) -> bool:
        """行政村通光纤、通 4G 比例均超过 99%: one figure, stated of each item
        (均/都 before the verb, or a rate of 100 % of a list, 行政村、脱贫村通宽带率
        达 100%: whole for all is whole for each); the items share the first one's
        opening noun (行政村). Return whether the clause was read so."""
        lead_text = self.text[clause.start : q.start]
        each = _EACH_RE.search(lead_text)
        if each is None and q.unit == "percent" and q.value == 100 and q.qualifier is None:
            # 我国行政村、脱贫村通宽带率达 100%: a rate of all of them that is whole is
            # whole for each (not a sum: 合计, 累计)
            each = _LINK_END_RE.search(lead_text)
            if each is not None and _SUMMED_RE.search(lead_text):
                each = None
        if each is None:
            return False
        raw = display_form(_MARKER_RE.sub("", lead_text[: each.start()])).strip(" ，,")
        if not raw and "、" in self.state.pending:
            # 北京、广东、上海算力规模位列前三，均超过 15 EFlops: the list of the
            # clause before, each of which the figure is stated of
            raw = self.state.pending
        lead = read_lead(raw, self.ctx.subjects)
        # the list from where the lead's subject starts (after a time or an area:
        # 2021年，贵州、重庆…), or all of it when read_lead kept only its last item
        # (行政村通光纤、通4G比例 -> 通4G比例)
        start = raw.find(lead.subject[:2]) if lead.subject else -1
        subject = raw[start:] if start >= 0 and "、" in raw[start:] else raw
        parts = len(re.findall(r"、|和|及|与", subject)) + 1
        split = enumerated_items(subject, parts, self.ctx.subjects) if parts > 1 else None
        if split is None:
            return False
        items, prefix, suffix = split
        if "等" in subject or any(find_periods(item, 2000) for item in items):
            return False  # 没时间上网、不感兴趣等原因…: a kind, not items; 4 月和 5 月: times
        # 行政村通光纤、通4G: 通 opens the later items, 行政村 before it is the first's
        # and theirs
        cut = items[0].find(items[1][:1], 1) if items[1][:1] else -1
        opening = items[0][:cut] if cut > 0 else ""
        each_item = []
        for item in items:
            region = self.ctx.subjects.region_of(item)
            name = prefix + (opening + item.removeprefix(opening) if not region else "") + suffix
            label = count_label(name.removeprefix("的"), q.unit, self.ctx.subjects)
            if problem_with(label, q.unit, self.ctx.subjects):
                return False
            each_item.append((label, item if region else lead.area))
        for label, area in each_item:
            self.emit_quantity(label, q, q.unit, period, area=area, source=period_source)
        return True

    def emit_change(
        self, label: str, q: Quantity, change: Lead, over: Period, area: str | None, source: str
    ) -> None:
        """The change ``q`` of the item named ``label`` (see :func:`_change_named`)
        over ``over``: an item of a 分别 list or of a list 其中 picks from it."""
        derived, base, derivation = _change_named(label, change.comparison, q.unit)
        self.emit_quantity(
            derived,
            q,
            q.unit,
            over,
            value=-q.value if change.down else q.value,
            area=area,
            source=source,
            base=base,
            derivation=derivation,
        )

    def read_listed_subset(
        self, clause: Clause, q: Quantity, period: Period, period_source: str
    ) -> bool:
        """…应用于公共服务、车联网、…、智慧家居等领域的规模分别达 …，其中公共服务、
        智慧家居领域用户数同比增长超 20%: 其中 picks items of the list the sentence
        gave, and the figure is stated of each of them (named as the list named
        them, with the clause's own measure). Return whether the clause was
        read so."""
        listed = self.state.listed
        if listed is None:
            return False
        lead_text = _bare(self.text[clause.start : q.start])
        if not lead_text.startswith("其中") or "、" not in lead_text:
            return False
        raw = lead_text.removeprefix("其中").lstrip(" ，,")
        lead = read_lead(raw, self.ctx.subjects)
        # the list from its first item to where the lead's subject (its last
        # item and the measure) ends, without the verb after it
        end = raw.rfind(lead.subject) + len(lead.subject) if lead.subject in raw else -1
        subject = raw[:end] if end > 0 else ""
        parts = len(re.findall(r"、|和|及|与", subject)) + 1
        split = enumerated_items(subject, parts, self.ctx.subjects) if parts > 1 else None
        items, prefix = listed
        if split is None or split[1] or not set(split[0]) <= set(items):
            return False
        suffix = split[2]
        for item in split[0]:
            label = f"{prefix}{item}{suffix}"
            if lead.kind == "change":
                over = _comparison_period(lead.comparison, period, self.ctx.default_year)
                self.emit_change(label, q, lead, over, lead.area, period_source)
            elif not problem_with(label, q.unit, self.ctx.subjects):
                self.emit_quantity(label, q, q.unit, period, area=lead.area, source=period_source)
            else:
                return False
        return True

    def read_yearly(
        self,
        clause: Clause,
        in_clause: list[Quantity],
        lead_text: str,
        subject: str,
        area: str | None,
    ) -> bool:
        """2018 年-2021 年分别设立 9 家、24 家、63 家、79 家: one figure per year
        of the span, when the span has as many years as there are numbers;
        return whether it read them."""
        before = self.text[_sentence_start(self.text, in_clause[0].start) : in_clause[0].start]
        spans = list(_YEAR_SPAN_RE.finditer(before))  # in the clause or before it
        if not spans:
            return False
        span_m = spans[-1]
        first, last = int(span_m["first"]), int(span_m["last"])
        if (
            last - first + 1 != len(in_clause)
            or read_lead(lead_text, self.ctx.subjects).kind == "change"
        ):
            return False
        # the words before 分别 without the span: 北京 2019—2021 年数字经济增加值
        named = read_lead(
            _YEAR_SPAN_RE.sub(" ", _RESPECTIVELY_RE.split(lead_text)[0]), self.ctx.subjects
        )
        subject, area = named.subject or subject, named.area or area
        verb = _RESPECTIVELY_RE.split(lead_text)[-1]
        verb = re.sub(r"^[\s为是达]+|[\s为是达]+$", "", verb)
        subject = subject.rstrip("-—–~至到 ")
        if subject and verb:  # 数字经济产业园…分别设立 -> 数字经济产业园设立数量
            label = f"{subject}{verb}{'人数' if in_clause[0].unit == 'person' else '数量'}"
        elif subject:
            label = count_label(subject, in_clause[0].unit, self.ctx.subjects)
        else:
            after = self.text[in_clause[-1].end : clause.end]
            label = counted_noun(after, verb, in_clause[-1], self.ctx.subjects)
            head = _head_noun(self.state.last)
            if not label and head and verb:  # 近 98% 的数字经济产业园…，…分别设立 9 家…
                label = f"{head}{verb}数量"
        if not label or problem_with(label, in_clause[0].unit, self.ctx.subjects):
            return False
        for year, q in zip(range(first, last + 1), in_clause, strict=True):
            found = find_periods(f"{year}年")
            if not found:
                return False
            self.emit_quantity(label, q, q.unit, found[0], area=area, source="clause")
        self.state.topic = label
        self.state.carried = None  # each year dates its own figure; none goes on to the next
        return True

    def read_from_to(
        self, clause: Clause, in_clause: list[Quantity], period: Period, period_source: str
    ) -> None:
        """由 A 提升至 B: B at the clause's period, A at the period before it."""
        text = self.text
        first, second = in_clause
        lead_text = text[clause.start : first.start]
        m = list(re.finditer(r"[由从]", lead_text))[-1]
        subject, area = clean_lead(lead_text[: m.start()], self.ctx.subjects)
        topic = self.state.topic
        if (
            subject.startswith("占")
            and topic
            and self.state.units.get(topic) not in {"percent", "percentage_point"}
            and not _RATE_WORD_END_RE.search(topic)
        ):
            subject = f"{topic}{subject}"  # 增加值由…提高到…，占 GDP 比重由…: its share
        subject = subject or topic
        subject = count_label(subject, second.unit, self.ctx.subjects)
        if problem_with(subject, second.unit, self.ctx.subjects):
            self.finding(
                "no-subject", f"{first.text}, {second.text} in {self.clause_text(clause)!r}"
            )
            return
        earlier = [
            p
            for p in find_periods(
                text[clause.start + m.start() : first.start], self.ctx.default_year
            )
        ]
        start = month_of_day(earlier[0]) if earlier else self.state.from_period
        if start is None:
            opened = text.rfind("。", 0, clause.start) + 1
            span = _WHOLE_YEARS_RE.search(text, opened, clause.start + m.start())
            if span is not None:
                # 2012 年-2022 年，…比重由 16.8% 提升至 22.4%: A at the span's first year
                start = parse_period(f"{span['first']}年")
        if start is not None:  # …由 2015 年 A 提高到 2022 年 B，占比由 a 提高到 b: 2015 too
            self.emit_quantity(
                subject,
                first,
                first.unit or second.unit,
                start,
                area=area,
                source="clause",
            )
            self.state.from_period = start
        self.emit_quantity(
            subject,
            second,
            second.unit,
            period,
            area=area,
            source=period_source,
        )
        self.state.topic = subject

    def emit_quantity(
        self,
        label: str,
        q: Quantity,
        unit: str | None,
        period: Period,
        *,
        area: str | None,
        value: Decimal | None = None,
        source: str | None = None,
        base: str | None = None,
        derivation: str | None = None,
        breakdown: str | None = None,
    ) -> None:
        """:meth:`emit` a figure read from ``q``: its value (or ``value``, a
        change's signed one), text, offset and qualifier. A count in 类 or 批
        counts kinds or batches of the thing, not the things (开发本地特色产品
        10 类 21 款, 确定 10 批国家新型工业化产业示范基地)."""
        kinds = _KIND_COUNT_RE.search(q.text)
        if (
            kinds
            and derivation is None
            and _COUNT_END_RE.search(label)
            and not too_bare(label, self.ctx.subjects, self.ctx.is_company)
        ):  # (部门数 of 1804 个部门 6 类…事项: too bare before, it stays refused)
            label = _COUNT_END_RE.sub(_KIND_COUNT_WORDS[kinds.group(1)], label)
        if (
            source == "paragraph"
            and _EVENTS_HELD_RE.search(q.text)
            and "/id/month/" in period.iri
            and (year := _year_containing(period.end)) is not None
        ):
            # 截至 2024 年底，网民规模…。…商务部举办 5 场惠民惠企培训: events held are
            # a flow over the year, not a stock at the month another sentence dated
            period = year
        self.emit(
            label,
            q.value if value is None else value,
            unit,
            q.text,
            period,
            area=area,
            offset=q.start,
            source=source,
            qualifier=q.qualifier,
            base=base,
            derivation=derivation,
            breakdown=breakdown,
        )

    def act_count(self, lead: str, unit: str, offset: int) -> str:
        """How many times an act was done, named by the act when ``lead`` (the
        words before a count of times or of person-times at ``offset``) ends in
        one: 平台“防疫健康信息码”累计访问达 -> 国家政务服务平台“防疫健康信息码”访问
        次数 (the platform the paragraph named, see :meth:`named_before`);
        累计观看超 -> 观看人次, whose thing :meth:`owned` finds in the figure
        before (:meth:`act_owner`). The nation (全国累计调用) names no thing. ""
        when the lead ends in no such act."""
        m = _ACT_COUNT_LEAD_RE.search(lead.rstrip())
        if m is None:
            return ""
        label = m["act"] + ("人次" if unit == "person_time" else "次数")
        thing = m["thing"].strip(" ，,")
        if not thing or thing in _NATION_WORDS | _ALL_WORDS or self.ctx.subjects.region_of(thing):
            return label
        return self.named_before(f"{thing}{label}", offset)

    def act_owner(self, label: str) -> str:
        """Whose ``label`` is when it measures an act alone (访问人次, 观看量, 播放量:
        a verb, then 人次, 次数, 量 or 时长): what the sentence's figure before it
        measured, as that figure's label names it — the thing whose act it
        measured too (国家中小学网络云平台 | 浏览人次), the thing whose users it
        counted (微信搜一搜 | 日活跃用户量, whose searches 搜索量 are), or the
        things it counted (海外微博用户上传的疫情相关视频 | 数量, whose plays
        播放量 are; 国家绿色数据中心 | 数量, whose average 平均电能利用效率 is); ""
        when the label is no act's measure, no figure came before
        in the sentence, or its label names no thing (a noun phrase of four
        characters or more)."""
        act = _ACT_MEASURE_RE.fullmatch(label)
        # 全国共创建 246 个国家绿色数据中心，平均电能利用效率约为 1.2: an average after
        # a count of things is over those things
        average = act is None and label.startswith("平均")
        if (act is None and not average) or not self.state.said:
            return ""
        segmenter = self.ctx.subjects.segmenter

        def is_act(word: str) -> bool:
            tagged = segmenter.tagged(word)
            return len(tagged) == 1 and tagged[0].tag in {"v", "vd", "vn"}

        if act is not None and not is_act(act["act"]):
            return ""
        before = self.state.said[-1]
        done = _ACT_MEASURE_RE.search(before) or _ACTORS_RE.search(before)
        if average:
            if not _COUNT_END_RE.search(before) or before.endswith("人数"):
                return ""
            thing = _COUNT_END_RE.sub("", before)
        elif done and done.start() > 0 and is_act(done["act"]):
            thing = before[: done.start()]  # (…防疫健康码累计 | 使用人数, then 访问量)
        elif users := _USERS_COUNT_RE.search(before):
            thing = before[: users.start()]  # (微信搜一搜 | 日活跃用户量, then 搜索量)
        elif _COUNT_END_RE.search(before) and not before.endswith("人数"):
            thing = _COUNT_END_RE.sub("", before)
        else:
            return ""
        words = segmenter.tagged(thing)
        if len(thing) <= 3 or not words or not words[-1].tag.startswith(("n", "j", "eng")):
            # (标识 | 注册量, then 解析量: a thing of three characters or fewer says
            # not whose, as :func:`~cikg.extract.subjects.too_bare` holds)
            return ""
        return thing

    def with_domain(self, topic: str) -> str:
        """``topic`` with the domain the paragraph named its first word with:
        全球各国家地区投融资规模 after 我国互联网投融资为 10.1 亿美元 is 互联网投融资规模
        (the paragraph is about internet investment; its countries' figures
        too). The domain is what a figure's label read earlier in the
        paragraph has before that word; ``topic`` as it is when none has."""
        tokens = self.ctx.subjects.segmenter.tokens(topic)
        if len(tokens) < 2 or len(tokens[0].word) < 2:
            return topic
        first = tokens[0].word
        for said in reversed(self.state.units):
            if said.endswith(first) and len(said) > len(first) and not said.startswith(first):
                domain = said[: -len(first)]
                if self.ctx.subjects.region_of(domain) is None:
                    # …规模 of an amount is the amount itself (投融资规模 -> 互联网投融资,
                    # the measure the paragraph stated, one series with it)
                    rest = topic[len(first) :]
                    return said if rest in _SIZE_WORDS else domain + topic
        return topic

    def emit(
        self,
        label: str,
        value: Decimal,
        unit: str | None,
        value_text: str,
        period: Period,
        *,
        area: str | None,
        offset: int,
        source: str | None = None,
        qualifier: str | None = None,
        base: str | None = None,
        derivation: str | None = None,
        breakdown: str | None = None,
    ) -> None:
        text = self.text
        places = self.places_listed(label)  # (甘肃 | 庆阳等绿电使用率: 庆阳's, more narrowly)
        if places is None and area is None and self.state.places:
            # 北京、上海、天津等省市，…，数字经济 GDP 占比已超过 50%: the places an
            # opening clause listed
            places = self.each_place(self.state.places, label)
        if places is not None:
            # 北京、上海、天津等省市数字经济 GDP 占比已超过 50%: each place's figure
            regions, rest = places
            listed = label[: len(label) - len(rest)]  # the list a base may open with too
            base = base.removeprefix(listed) if base and listed else base
            for region in regions:
                self.emit(
                    rest,
                    value,
                    unit,
                    value_text,
                    period,
                    area=region,
                    offset=offset,
                    source=source,
                    qualifier=qualifier,
                    base=base,
                    derivation=derivation,
                    breakdown=breakdown,
                )
            return
        if self.state.runner_up is not None:
            label = self.runner_up_label(label)
        problem = (
            None
            if self.ctx.subjects.is_indicator(label)
            else label_problem(label, self.ctx.subjects.segmenter)
        )
        last = self.state.last
        if problem and base and last != base and last.endswith(base) and label.startswith(base):
            # 覆盖率达 13%，覆盖率提高 10 个百分点: the change of the rate just read
            label, base, problem = last + label[len(base) :], last, None
        topic = self.state.topic
        # (a bare count takes only a measure the sentence stated, not a topic clause's)
        bare = (
            not problem
            and topic in self.state.said
            and too_bare(label, self.ctx.subjects, self.ctx.is_company)
        )
        if (problem or bare) and topic and topic != label and _OWNED_END_RE.search(label):
            # 算力规模达 180EFLOPS，年增速超过 25%: a growth of nothing named is the
            # growth of what the sentence measured last; 上云总数 4.8 万家，覆盖率逾
            # 50%: a rate of nothing named is that of the thing it counted
            if not _GROWTH_END_RE.search(label):
                topic = _TOPIC_HEAD_RE.sub("", topic) or topic
            if area:  # 全球各国家地区投融资规模表现不一，…英国…增加 19.5%: 英国's, not each's
                topic = _DISTRIBUTIVE_RE.sub("", topic) or topic
            topic = self.with_domain(topic)
            owned = _joined(topic, _GROWTH_HEAD_RE.sub("", label) or label)
            if topic in self.state.units:
                # 互联网投融资 | 规模环比增长率: a measure stated needs no word of size
                size = next((w for w in _SIZE_WORDS if owned.startswith(topic + w)), "")
                owned = topic + owned[len(topic) + len(size) :]
            # (全球互联网投融资为 287 亿美元，案例数环比下跌 1.9%: the cases of the
            # investment, a count that says not whose alone)
            if not label_problem(owned, self.ctx.subjects.segmenter) and not too_bare(
                owned, self.ctx.subjects, self.ctx.is_company
            ):
                label, problem = owned, None
                base = _joined(topic, _GROWTH_HEAD_RE.sub("", base)) if base else base
        event = self.event_before(offset)  # (…展销会，…: the fair's figures, see below)
        if (
            not problem
            and _BARE_AMOUNT_RE.match(label.split("占", 1)[0])  # (增加值占浦东全区的比例)
            # 22 家企业研发费用占营业收入比例高于 30%: firms counted by their share
            and not (unit in COUNTING_UNITS and "占" in label)
            and not self.ctx.subjects.is_indicator(label)
        ):
            # 浙江省软件产业规模突破 9000 亿元…；实现利润总额 2287.2 亿元: the profit of
            # what the sentence opened with; with no such thing, whose profit is unsaid
            owner = self.sentence_thing() or event
            theme = self.state.theme
            if (
                not owner
                and theme
                and not theme.endswith(_ABSTRACT_THEMES + _BODIES)
                and not label_problem(f"{theme}{label}", self.ctx.subjects.segmenter)
            ):
                # 数字人民币推进提速，截至 2021 年底，…，交易金额 875.7 亿元: the amount
                # of the thing the sentence's topic clause says fares so
                owner = theme
            if owner:
                label = _joined(owner, _BARE_OPENER_RE.sub("", label))
            else:
                problem = f"{label!r} names no thing measured"
        share = _SHARE_PART_RE.match(self.state.last) if self.state.last_unit == "percent" else None
        contributor = topic or (share["part"] if share else "")
        if (
            not problem
            and _contribution_of_another(label)
            and contributor
            and not contributor.startswith("对")
        ):
            # …网上零售额达 10.8 万亿元…，对社会消费品零售总额增长的贡献率为 23.6%:
            # a contribution (对…贡献率, 对…拉动) of what the sentence measured, or of
            # the part whose share it stated (前 10 大省市占全国比重的 81.5%，对…贡献率)
            label = _joined(contributor, label)
        if not problem and not self.ctx.subjects.is_indicator(label):
            label = self.shared_possessor(label)
            if base and label.startswith(base) and derivation in _CHANGES:
                # the change of a part: the part's label
                part = self.state.parts.get(base) or self.part_of_whole(base, offset)
                label, base = part + label[len(base) :], part
            else:
                part = self.part_of_whole(label, offset, unit)
                if part == label:
                    part = self.share_of_last(label)
                if part != label:
                    self.state.parts[label] = part
                label = part
        if (
            problem
            and problem.endswith("names no thing measured")
            and (owner := self.act_owner(label))
        ):
            # 国家中小学网络云平台浏览人次达 20.73 亿，访问人次达 17.11 亿: the platform's
            # visits too (a measure of an act alone is of what the figure before measured)
            label, problem = f"{owner}{label}", None
        theme = self.state.told_before
        if (
            problem
            and problem.endswith("names no thing measured")
            and theme
            and not theme.endswith(_ABSTRACT_THEMES + _BODIES)
            and theme not in label
            and not label_problem(f"{theme}{label}", self.ctx.subjects.segmenter)
        ):
            # 中国跨境电商快速发展。据海关统计，2022 年进出口规模达 2.1 万亿元: a
            # measure alone is of the thing the topic says fares so (the nation's,
            # when it says so, whatever place the document is about)
            nation = next((w for w in _NATION_OPENERS if theme.startswith(w)), "")
            thing = theme[len(nation) :]
            label, problem = f"{thing}{label}", None
            base = f"{thing}{base}" if base else base
            area = "中国" if nation and area is None else area
        if (
            not problem
            and too_bare(label, self.ctx.subjects, self.ctx.is_company)
            # 蠡县共有电商 2 万余家: a count the clause gives a place below the
            # nation, the place's (我国企业占据 15 个席位: no count of the nation's)
            and not (
                area
                and unit in COUNTING_UNITS
                and area not in _NATION_WORDS | {"中国"}
                and self.ctx.subjects.region_of(area)
            )
        ):
            problem = f"{label!r} says not whose"  # 企业数, 用户增长率, 服务企业数
        if (
            problem
            and problem.endswith("says not whose")
            and (whose := self.said_whose(base or label))
        ):
            # 智能机器人产业企业数量达 45.17 万家，…，企业数量较 2020 年底增长 206.7%: the
            # measure the sentence named in full before, named again in short
            label, base = f"{whose}{label}", f"{whose}{base}" if base else base
            problem = None
        if problem and event and (days := _DURATION_LED_RE.match(label)):
            # 开展…“乐享扶余 清凉一夏”展销会，…，3 天线上线下客流量达 9.8 万余人次: the
            # fair's visitors over its days (its span, no word of the measure)
            label = label[days.end() :]
            problem = label_problem(label, self.ctx.subjects.segmenter)
            problem = problem or f"{label!r} says not whose"
        if (
            problem
            and problem.endswith(("names no thing measured", "says not whose"))
            and event
            and not label_problem(f"{event}{label}", self.ctx.subjects.segmenter)
        ):
            # (…，实现销售总额 50 万余元: the fair's sales)
            label, problem = f"{event}{label}", None
            base = f"{event}{base}" if base else base
            if source == "report" and "/month/" in period.iri:
                # an event the document does not date: within the year of its date,
                # not in the month it was published (an article of 2 August tells of
                # a fair held before)
                period = _year_containing(period.end) or period
        if problem:
            # 和上级医院建立…的卫生院比例, 建设数: no indicator's name, no figure; the
            # area its lead names still holds for the figures after it
            self.name_area(area, offset)
            self.finding("no-subject", f"{value_text}: {problem}")
            return
        occasion = self.state.occasion
        if occasion and occasion.strip("“”") not in label:
            # “618”期间…天猫交易额: the festival's sales, not the half year's
            during = f"{occasion}期间"
            label, base = f"{during}{label}", f"{during}{base}" if base else base
        held = self.state.after_event
        if held and held.strip("“”") not in label:
            # 培训结束后，…现场签订就业协议: at the training the paragraph named
            label, base = f"{held}{label}", f"{held}{base}" if base else base
        if source != "report":  # the text's own month, not the report's date
            period = self.year_to_date(label, base, period)
        if "网民" in label:
            if source == "paragraph" and unit == "percent" and _NETIZEN_SHARE_RE.search(label):
                # 截至 2024 年 12 月，…占网民整体的 99.3%。…抖音 2024 年上半年…。同时，
                # 关注科技…资讯的网民占比为 47.6%: a share of the netizens a survey
                # asked is at the date the paragraph last gave a figure of netizens
                # (else the document's), not at one a sentence about others gave
                period = self.state.netizen_period or self.ctx.default_period
            self.state.netizen_period = period
        clause_end = _clause_end(text, offset)
        markers = _markers(text[offset:clause_end])
        orgs = tuple(org for m in markers for org in self.ctx.citations.get(m, ()))
        area_name, area_source = resolve_area(
            area,
            self.state.areas,
            self.ctx.scope,
            self.ctx.subjects.region_of,
            self.state.first_clause,
            self.ctx.subjects.level_of,
        )
        segmenter = self.ctx.subjects.segmenter
        if (
            area_name is None  # a region's counts are what was done there (梅州…开立钱包)
            and not self.ctx.subjects.is_indicator(label)
            and acts_without_actor(label, segmenter)
        ):
            holder = self.holder_thing()  # 电子社保卡领用人数…，已开通 459 个渠道: the card's
            actor = holder or self.state.actor
            if not (actor and (actor == holder or self.is_body(actor))):
                # …共推送线索 1.5 万余条，发现问题 2.2 万个: who acted in the last figure
                # that names one (read only when needed: it tags the labels)
                actor = next(
                    (o for said in reversed(self.state.said) if (o := _owner_of(said, segmenter))),
                    "",
                )
            if not actor or actor in label:
                # 联合开展…集中治理，处置账号 5600 余个: whose accounts, the label cannot say
                self.finding("no-actor", f"{value_text}: {label!r} names no one who acted")
                return
            owned = _joined(actor, label)  # 商务部…，推送商务领域政务数据 480 万条
            base = _joined(actor, base) if base and label.startswith(base) else base
            label = owned
        sentence_start = _sentence_start(text, offset)
        status = figure_status(self.without_titles(sentence_start, offset), self.ctx.default_year)
        carried = status is None and self.continues_plan(sentence_start, offset)
        if carried:
            status = "target"  # 上海将推进…。深化…，建设 30 个试点示范项目: still the plan
        if status == "target":
            years = [p for p in find_periods(text[sentence_start:offset], self.ctx.default_year)]
            if carried:  # …力争到 2025 年…将推进…。深化…，建设 30 个: the plan's year
                years += find_periods(
                    text[_sentence_start(text, sentence_start - 1) : sentence_start],
                    self.ctx.default_year,
                )
            now = self.ctx.default_period
            future = [  # 到 2020 年末 in a report dated 2020 年 6 月 is still ahead
                p
                for p in years
                if (now is not None and p.end > now.end)
                or (now is None and self.ctx.default_year and p.end.year > self.ctx.default_year)
            ]
            if not future:  # 力争实现 … 达 10 万个: a goal without a year to reach it
                self.finding("target", f"{label} {value_text}: a target without a year to reach")
                return
            period = future[-1]
        published = self.ctx.published
        if status is None and published is not None and period.start > published:
            # 建设 30 个试点示范项目 in a 2023 article, of a plan's 2025: no actual value
            status = "target" if self.policy_before(offset) else "forecast"
        if unit == "household" and _BUSINESS_RE.search(label):
            unit = "count"  # 电商企业及个人店铺增长到 2378 户: 户 counts businesses here
        self.state.last, self.state.last_unit, self.state.last_at = label, unit, offset
        self.state.said.append(label)
        if derivation is None:
            self.state.change_base = ""  # …；集成电路产业销售额为 …，同比增长 18.2%: its own
        if unit:
            self.state.units.setdefault(label, unit)
        self.out.facts.append(
            ObservationFact(
                indicator=label,
                value=value,
                unit=unit or _implied_unit(label, _q(value), self.ctx),
                value_text=value_text,
                period=_ref(period),
                area=area_name,
                block=self.block,
                base_indicator=base,
                derivation=derivation,
                breakdown=breakdown,
                qualifier=qualifier_code(qualifier),
                status=status,
                target_of=self.policy_before(offset) if status == "target" else None,
                compiling_orgs=orgs,
                citations=tuple(markers),
                period_source=source if source in {"paragraph", "report", "footnote"} else None,
                area_source=area_source,
            )
        )


#: What 户 counts when it is not households or subscriber accounts: businesses.
_BUSINESS_RE = re.compile(r"企业|店铺|商户|网店|门店|市场主体|经营主体|个体工商户")
#: Words for the nation a verb's object may open with (汇总我国 14.7 万条河流).
_NATION_WORDS = frozenset({"我国", "全国", "国内"})
#: A level of government a list of things is at (国家层面, 国家级, 省级).
_LEVEL_RE = re.compile(r"^[\u4e00-\u9fff]{1,3}(?:层面|级)$")
#: The world, whose population a frame may be (在全球…中): a country's part is named.
_WORLD_WORDS = ("全球", "世界")
#: The words after a count of one that name the one thing counted: a craft,
#: a satellite or a vessel by its name (1 艘全程自主航行船舶“智飞”号).
_NAMED_ONE_RE = re.compile(r"^\s*[艘颗架台辆座个]?[^，,。；;、“]{0,16}“[^”]{1,12}”号")
#: Words between a verb and a count that say the count is all there is (覆盖全部
#: 41 个工业大类): like the nation's, the counted noun follows.
_ALL_WORDS = frozenset({"全部", "所有"})
_ADVERBS_BEFORE_VERB = frozenset({"共", "累计", "已", "已经", "共计", "新", "均", "又", "再"})


_LIST_SEP_RE = re.compile(r"[、，,；;]|和|及|与")
#: A measure's word at a label's end, no kind of thing (比例, 数量, 规模): what
#: _head_noun strips and kind_in_whole refuses as a part's kind.
_MEASURE_WORD_RE = re.compile(r"(?:比例|占比|比重|数量|数|规模|总数)$")


#: Places a count after 在 counts, with the act done there after them (在 325
#: 个城市上线: the cities where it went live).
_PLACE_THEN_ACT_RE = re.compile(
    r"^(?P<place>城市|国家|地区|省份|省区市|地市|区县|县市|乡镇|行政村|园区)"
    r"(?P<act>[^的]{1,8}?)(?P<count>数量|数)$"
)


def _place_first(label: str) -> str:
    """A count of places where something was done, as the places that did
    not act but hosted the act: 城市上线数量 -> 上线的城市数量, 地区试点数量 ->
    试点的地区数量 (jieba may tag the act a noun and join the two)."""
    m = _PLACE_THEN_ACT_RE.match(label)
    return f"{m['act']}的{m['place']}{m['count']}" if m else label


def _acts_on_an_act(tagged: list[Token]) -> str:
    """A subject's words without adverbs (共, 已: they say nothing) when it ends
    in a verb of two characters acting on another (受理 | 举报, 处理 | 投诉,
    办理 | 申请) after a noun that says who: the second verb names the acts
    counted, as a noun; "" otherwise."""
    words = [t for t in tagged if t.tag != "d"]
    if (
        len(words) >= 3
        and all(t.tag in {"v", "vn"} and len(t.word) == 2 for t in words[-2:])
        and words[-3].tag.startswith("n")
    ):
        return "".join(t.word for t in words)
    return ""


#: An event held or joined (开展…展销会, 参加…直播大赛, 召开…大会): whose figures the
#: clauses after it state when they name no owner.
_EVENT_HELD_RE = re.compile(
    r"(?:开展|举办|举行|召开|参加|参与|组织|启动)了?\s*"
    r"(?P<event>[^，。；,;！？]{2,40}?(?:展销会|博览会|交易会|展览会|展会|大会|峰会|论坛|"
    r"大赛|比赛|竞赛|直播节|购物节|电商节|文化节|典礼|发布会|推介会|洽谈会|对接会))"
    r"(?=[，,；;。]|$)"
)


#: The days an event ran, opening the label of what it had (3 天 | 线上线下客流量).
_DURATION_LED_RE = re.compile(r"^\d+\s*(?:天|日|周)(?=[\u4e00-\u9fff])")


def _dated_event(sentence: str, year: int | None) -> tuple[str, Period] | None:
    """A quoted event a sentence names with the span of days it ran
    (7月28日至8月3日，河北蠡县“万人电商公益培训”活动在…举行 -> the event and
    2023-07-28/2023-08-03), else ``None``."""
    named = _QUOTED_EVENT_RE.search(sentence)
    if named is None:
        return None
    spans = [p for p in find_periods(sentence, year) if "/gregorian-interval/" in p.iri]
    return (named.group(), spans[0]) if spans else None


def _event_held(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The event a sentence (``text[start:end]``) holds or joins in a clause of
    its own, named by its last part (A暨B: B, the event the clause is about,
    “乐享扶余 清凉一夏”展销会), without the time before it (2023年), and where
    its words end; ``None`` when it names none.

    >>> _event_held("开展扶余市首届电商直播节颁奖典礼暨“乐享扶余 清凉一夏”展销会，共设有", 0, 40)
    ('“乐享扶余 清凉一夏”展销会', 31)
    """
    m = _EVENT_HELD_RE.search(_MARKER_RE.sub(" ", text[start:end]))
    if m is None:
        return None
    name = strip_periods(m["event"].rsplit("暨", 1)[-1]).strip(" 的")
    if len(name) < 4 or name.count("“") != name.count("”"):
        return None
    return name, start + m.end()


def _head_noun(label: str) -> str:
    """The thing a label counts or measures a share of: 建立于 2018 年及之后的
    数字经济产业园比例 -> 数字经济产业园; "" when it has no 的-phrase head."""
    if "的" not in label:
        return ""
    head = _MEASURE_WORD_RE.sub("", label.rsplit("的", 1)[-1])
    return head if len(head) >= 2 else ""


def _programme_of(clause: str, ctx: SubjectContext) -> str:
    """The programme a clause after ；opens with a verb of programmes (推行跨省
    异地电子缴税 -> 跨省异地电子缴税), by :func:`actor_of`; "" for any other
    clause (a body named after ；does not own what the clauses after it state
    unless the sentence opened with it)."""
    tagged = ctx.segmenter.tagged(clause.strip())
    if not tagged or not tagged[0].tag.startswith("v"):
        return ""
    return actor_of(clause, ctx)


def _owner_of(label: str, segmenter: Segmenter) -> str:
    """Who acted in a label that names an actor and what it did (商务部推送商务
    领域政务数据数量 -> 商务部; 大气监督帮扶共推送线索数量 -> 大气监督帮扶): the
    words before its last verb, adverbs dropped, a verb inside a system's name
    (共享服务系统) no act, or with no act the system's name the label opens
    with; "" when no verb follows a name."""
    tagged = segmenter.tagged(label)
    verbs = [
        t
        for t in tagged
        if t.tag == "v" and t.start > 0 and not _IN_NAME_AFTER_RE.match(label, t.end)
    ]
    if not verbs:
        # 国家一体化电子证照共享服务系统各部门证照类型数量: a system's name opens it
        system = platform_actor(label)
        if not system or system == label:
            return ""
        first = segmenter.tagged(system)[0]
        return system if first.tag.startswith(("n", "j")) else ""  # not 入驻…平台
    owner = label[: verbs[-1].start]
    if not acts_without_actor(label[len(owner) :], segmenter) or _LIST_SEP_RE.search(owner):
        return ""  # 垂直管理机构政府网站数量: the sites are what is counted, no one acted
    while owner and (cut := next((a for a in _ADVERBS_BEFORE_VERB if owner.endswith(a)), "")):
        owner = owner[: -len(cut)]
    head = segmenter.tagged(owner)
    if len(owner) < 2 or not head or not head[0].tag.startswith(("n", "j")):
        return ""  # (a programme's name may end in a verb: 大气监督帮扶)
    return owner


def _head_phrase(thing: str) -> str:
    """A noun phrase without its 的-modifiers: 特色鲜明、能力多样的工业互联网平台
    -> 工业互联网平台; 各大视频平台上线的网络剧 -> 网络剧."""
    return thing.rsplit("的", 1)[-1] or thing


def _is_verb(token) -> bool:  # type: ignore[no-untyped-def]
    """A verb (not a verbal noun) of at most two characters: 处置, 清理, 下架."""
    return token.tag in {"v", "vd"} and len(token.word) <= 2


def _in_frame(frame: str, thing: str) -> str:
    """``thing`` of the population ``frame``: 在省级行政许可事项中 + 平均承诺时限 ->
    省级行政许可事项中平均承诺时限; a thing the frame's own head owns is theirs
    (受调查制造业企业 + 企业的生产现场员工 -> 受调查制造业企业生产现场员工)."""
    owner, of, rest = thing.partition("的")
    if of and len(owner) >= 2 and frame.endswith(owner) and rest:
        return f"{frame}{rest}"
    return f"{frame}中{thing}"


def _newly_done(subject: str, tagged: list) -> str:  # type: ignore[type-arg]
    """The act of making new things that opens ``subject`` and is followed by
    what is made (新增, 新建, 新认定 …, or 新 and a verb: 新培育), with the level
    right after it (国家层面, 省级), or ""."""
    added = _NEW_THINGS_RE.match(subject)
    if added:
        act = added.group() if len(subject) > added.end() else ""
    elif len(tagged) > 2 and tagged[0].word == "新" and tagged[1].tag in {"v", "vn"}:
        act = tagged[0].word + tagged[1].word
    else:
        return ""
    # 新培育国家层面绿色工厂…、绿色工业园区…: the level goes with the act, to every item
    level = next((t for t in tagged if t.start == len(act)), None)
    if act and level is not None and _LEVEL_RE.search(level.word) and len(subject) > level.end:
        act += level.word
    return act


def _common_tail(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` end with in common (个人钱包, 对公钱包: 2)."""
    n = 0
    while n < min(len(a), len(b)) and a[-n - 1] == b[-n - 1]:
        n += 1
    return n


def _noun_end(q: Quantity, after: str) -> int:
    """Where the noun counted after a number ends: at the next list item."""
    cut = _ITEM_END_RE.search(after)
    return q.end + (cut.start() if cut else len(after))


def _range_groups(ranged: set[int]) -> list[list[int]]:
    """Consecutive indexes of range bounds, as groups (a-b, a-b-c)."""
    groups: list[list[int]] = []
    for i in sorted(ranged):
        if groups and groups[-1][-1] == i - 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _growth_after(lead: str, after: str) -> bool:
    """Whether a percentage is a growth rate said after it (保持 55% 的高位增长,
    实现了 10.8% 的显著增长): not a share of 增长, nor another's compared."""
    return bool(_GROWTH_AFTER_RE.match(after)) and not _GROWTH_COMPARED_RE.search(lead)


def _verb_and_object(tagged: list) -> bool:  # type: ignore[type-arg]
    """A lead that is a verb (after adverbs) and a noun phrase, with no actor
    before the verb: 陆续接入地方部门 (360 多万项政务服务事项)."""
    words = [t for t in tagged if t.tag not in {"d", "ad"}]
    return (
        len(words) >= 2
        and words[0].tag == "v"
        and len(words[0].word) == 2
        # (覆盖全球 | 200 多个 | 国家和地区: a place, where, no object's owner)
        and all(t.tag.startswith(("n", "j")) and t.tag != "ns" for t in words[1:])
        and not any(t.word in _NATION_WORDS | _ALL_WORDS for t in words[1:])
    )


def _ends_in_verb(subject: str, tagged: list) -> bool:  # type: ignore[type-arg]
    """A lead that ends in a verb, whose object follows the number: 共上线
    (356 部网络剧), 累计下架 (172 款 APP), 建设 (9 个示范省); not one that
    names a measure jieba tags as a verb (占比), nor the head of a 的-phrase
    (…相关的投诉)."""
    last = tagged[-1]
    if names_measure(subject) or len(last.word) > 3:
        return False
    if noun_like_head(tagged):
        return False  # 开展 5G 创新应用 | 400 余项: 应用 after a noun heads it (applications)
    if len(tagged) == 1 and last.tag == "vn":
        return True  # 建设 (9 个示范省): a verbal noun alone is the verb, not a name
    if len(tagged) > 1 and tagged[-2].word == "的":
        return False  # 手机不良应用相关的投诉 (也高达 5.9 万件): the head of a 的-phrase is a noun
    after_adverb = len(tagged) > 1 and tagged[-2].word in _ADVERBS_BEFORE_VERB
    return last.tag in {"v", "vd", "d", "p"} or after_adverb


def _base_period(text: str, current: Period | None, year: int | None) -> Period | None:
    """The period a comparison base names: 2019 年同期 (the current period a
    year earlier), 2019 年底, 上年同期."""
    text = text.strip()
    if "同期" in text and current is not None:
        years = re.findall(r"((?:19|20)\d{2})", text)
        shift = current.end.year - int(years[0]) if years else 1
        if shift <= 0:
            return None
        start = current.start.replace(year=current.start.year - shift)
        end = current.end.replace(year=current.end.year - shift)
        if end.month == 2 and end.day == 28 and current.end.day == 29:
            end = end.replace(day=28)
        return span(start, end, text)
    found = parse_period(text, year)
    return month_of_day(found) if found is not None else None


def _q(value: Decimal) -> Quantity:
    return Quantity(value, None, Decimal(1), "", 0, 0)


def _is_bare_link(lead: str) -> bool:
    """A lead that is only link words (达, 达到, 为, 超过 …), or an outlook's (有望
    增至, 预计将达), after the year it is of (…增加值规模已达 3.41 万亿元，2020 年有望
    增至 3.78 万亿元: the year's own figure of the same measure): the topic applies."""
    return bool(
        re.fullmatch(
            r"[\s，,]*(?:(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?(?:底|末|上半年|下半年|全年)?)?"
            r"[\s，,]*(?:已|已经|累计|共|总计|合计|均|也|并|且|再|首次|持续|有望|可望|预计|将)*"
            r"(?:达到了|达到|高达|达|为|超过了|超过|突破|超|约为|约|近|逾|增至|升至)?\s*"
            r"(?:人民币|美元)?\s*",  # 达到人民币 1016 亿元: the currency, named before
            lead,
        )
    )


def _clause_end(text: str, offset: int) -> int:
    m = re.compile(r"[，,；;：:。！？!?]").search(text, offset)
    return m.start() if m else len(text)


def _states_no_topic(clause: str) -> bool:
    """Whether a clause cannot state a topic: it holds a number or a date, goes
    on from the one before (其中, 同时 …) or says "now" (目前, 近年来)."""
    return bool(
        _DIGIT_OR_DATE_RE.search(clause) or _CONTINUES_RE.match(clause) or _NOW_RE.search(clause)
    )


def _sentence_start(text: str, offset: int) -> int:
    cut = max(text.rfind(ch, 0, offset) for ch in "。！？!?")
    return cut + 1


def _sentence_end(text: str, offset: int) -> int:
    """Where the sentence ``offset`` is in ends (its 。！？), else the text's end."""
    stops = [i for ch in "。！？!?" if (i := text.find(ch, offset)) >= 0]
    return min(stops, default=len(text))


def drop_bounds(facts: list[ObservationFact]) -> list[ObservationFact]:
    """Leave out a bound stated next to the exact value of the same figure
    (突破 11 亿人，达 11.08 亿人): same indicator, area and period."""
    exact = {(f.indicator, f.area, f.period.iri) for f in facts if f.qualifier is None}
    return [
        f
        for f in facts
        if f.qualifier not in _QUALIFIED_BOUNDS or (f.indicator, f.area, f.period.iri) not in exact
    ]


def paragraph_to_facts(
    text: str, block: int, ctx: ProseContext, *, before: str = ""
) -> ProseResult:
    """Read the figures a paragraph states.

    :param text: the paragraph (wrapped lines joined).
    :param block: its index in the document (for provenance).
    :param ctx: units, lookups, the document's reference date and scope,
        citations.
    :param before: the paragraph it goes on from ("" when none): read first,
        for what it dates, places and names (其中，收集整理…高危漏洞 4280 个 after
        …平台收集整理信息系统安全漏洞 11073 个), its own figures left out.
    :return: facts, findings for numbers not made facts (with the reason),
        and how many numbers were seen, all of ``text``.
    """
    joined = f"{before}{text}" if before else text
    result = _Reader(joined, block, ctx, start=len(before) if before else 0).read()
    result.facts = drop_bounds(result.facts)
    return result
