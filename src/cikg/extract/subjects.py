"""The thing a figure measures: the subject of a Chinese statistical clause.

A clause that states a figure has one of a few shapes. The words before the
number (the clause's *lead*, from its start or the previous figure) are read
right to left, so the predicate next to the number decides the shape:

- **level**: ``[frame] [area] SUBJECT [link] NUMBER`` — 我国网络购物用户规模达
  9.74 亿人; link words are 达, 为, 达到, 突破, 超过, 约, 增至, 累计, 共 …
- **change**: ``[SUBJECT] [comparison] VERB NUMBER`` — 较 2023 年 12 月增长
  5947 万人, 同比增长 12%, 比上年末净增 7812 万户, 减少 1608 万人. Without a
  subject of its own the change is the clause's or sentence's *topic*'s.
- **share**: ``[SUBJECT] 占 WHOLE [的] [比重|比例] NUMBER`` — 占网民整体的
  88.0%, 占 GDP 比重达到 41.5%.
- **verb and object**: ``[ACTOR] VERB OBJECT NUMBER`` — 中国电信实现营业收入
  2587 亿元, 累计下架侵害用户权益的 APP 172 款. Light verbs that add
  nothing to what is measured (实现, 完成, 建成, 拥有, 发展 …) are dropped;
  others stay (下架, 处置, 推送): they say what is counted.
- **counted noun**: ``[VERB] NUMBER CLASSIFIER NOUN [VP]`` — 共 302 款生成式
  人工智能服务在国家网信办完成备案; 上海有超 1000 家药店加入: the subject
  follows the number.

A lead is *cleaned* before it is read: footnote markers and periods go (the
period is the period stage's), discourse words at its start (其中, 同时,
此外, 数据显示 …), reporting frames (据 X 统计, X 发布的数据显示), context
(在 … 中/方面/领域) and an area at its start (我国, 全国, 北京, 全球 …: the
area stage's) are taken off. What remains must name a measure: end in one
(…数, …量, …率, …规模, …收入 …), count things in a counting unit (then
…数量 is added: 5G 基站 + 个 -> 5G 基站数量), or carry a unit that says what
it measures (元, GB, EFLOPS …). A lead that names none is no subject, and
the figure is left out with the reason.

The words of each rule are grammar (function words, link and light
verbs), not domain names: names and indicator labels are curated in
``ontology/`` and reach this module through :class:`SubjectContext`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cikg.catalogue import canonical_wording
from cikg.extract.areas import WHOLE_OF_HERE
from cikg.extract.organisations import is_org_name
from cikg.extract.periods import find_periods
from cikg.extract.quantities import CLASSIFIER_LED_WORDS, Quantity, find_age_ranges
from cikg.segment import Segmenter, Token
from cikg.wording import display_form

__all__ = [
    "AGENT_HEADS",
    "Lead",
    "SubjectContext",
    "actor_of",
    "acts_without_actor",
    "clean_lead",
    "count_label",
    "counted_noun",
    "default_context",
    "enumerated_items",
    "frame_of",
    "names_measure",
    "noun_like_head",
    "noun_phrase_of",
    "percent_of",
    "platform_actor",
    "problem_with",
    "read_lead",
    "share_label",
    "strip_periods",
    "too_bare",
    "topic_of",
]

_MARKER_RE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\]|\^\{[^}]*\}|\*\*")

#: Discourse words that open a clause without naming its subject.
_LEAD_WORDS = (
    "另一方面", "一方面", "总体来看", "总体看", "整体来看", "整体看", "截至目前", "截止目前",
    "目前为止", "据了解", "据统计", "据悉", "特别是", "尤其是", "其次是", "其次为", "其次",
    "依次是", "依次为", "数据显示", "报告显示", "调查显示", "统计显示",
    "监测显示", "结果显示", "其中", "同时", "此外", "另外", "而且", "并且", "但是", "目前",
    "当前", "现阶段", "近年来", "近年", "今年以来", "年内", "当年", "同期", "期间", "以来",
    "全年", "年底", "年末", "其", "该", "而", "且", "并", "但", "则", "也", "还", "又", "亦",
    "均", "都", "即", "的", "和", "与", "及", "以及", "对", "在", "从", "以", "被", "把",
    "是", "为", "共有", "已有", "另有", "尚有", "累计", "共计", "共", "已经", "已",
    "预计", "预测", "预期", "有望", "估计", "预估", "力争", "争取", "计划", "确保", "将", "要",
    "到", "至",
    # causatives: 推动农村网络零售额达到 …, 带动同期全国网络零售额超过 …
    "推动", "带动", "拉动", "促进", "助推", "助力", "使得",
)  # fmt: skip
#: Words that name the whole country or the world (the area stage reads
#: regions; these are the generic ones a lead starts with).
_PREPOSITIONS = frozenset("在对以从被把的是为和与及")
_NATION = ("我国", "全国", "中国")
_SHARE_OF_WHOLE_RE = re.compile(r"(?:的)?(?:占比|份额|比重|排名|第)")
_WORLD = ("全球", "世界")
#: Reporting frames: the subject follows them (X 发布的数据显示, 据 X 统计).
_REPORTING_RE = re.compile(
    r"(?:(?:数据|报告|调查|统计|监测|结果|研究|资料){1,2}(?:显示|表明|指出)"
    # a verb of reporting alone ends its clause (腾讯财报显示，…); inside a name it
    # is a word of the name (平板显示模组出口增长 18.1%)
    r"|(?:显示|表明|指出)(?=[\s⁰¹²³⁴⁵⁶⁷⁸⁹]*(?:[，,：:]|$))"
    r"|(?:发布|公布|披露)的?(?:数据|报告|信息|统计)?(?:显示|表明)"
    r"|介绍|透露|监测发现"
    # 《报告》首次公布中国手机网民数量——1300 万: the report states the figure
    r"|(?:《[^》]{1,30}》|报告)(?:首次|首度|再次|正式)?公布)[了]?[，,：:]?"
)
#: A field an act is in (在数字经济领域): the field.
_FIELD_RE = re.compile(r"^在(?P<field>[^，,；;等、]{2,12}?)领域$")
#: Context frames at the start of a lead: 在 … 中/方面/领域/背景下.
_CONTEXT_RE = re.compile(r"^在[^，,；;]{1,24}?(?:中|里|上|方面|领域|背景下|期间|过程中|带动下)的?")
#: Words between a subject and its number (right to left, longest first).
_LINK_TAIL_RE = re.compile(
    r"(?:已经|已|累计|共计|共|总计|合计|分别|依次|也|都|(?<!平)均|持续|稳步|快速|显著|大幅|进一步|了|"
    r"更是|更|仅为|仅|只有|就|则|还|再|又|"
    r"首次|将|有望|预计|可|力争|达到了|达到|高达|已达|达|为|是|突破了|突破|超过了|超过|超出|"
    r"超|约为|约|大约|近|将近|接近|逾|增至|增长至|增长到|增加至|增加到|提升至|提升到|上升至|"
    r"升至|提高到|提高至|降至|下降至|下降到|减少至|减少到|保持在|稳定在|维持在|保持|"
    r"位居|位列|(?<![拥具占享含持])有|在|由|从|人民币|\s)+$"
)
#: Verbs that add nothing to what is measured: 中国电信实现营业收入 -> 中国电信营业收入.
_LIGHT_VERBS = (
    "累计实现", "累计完成", "累计建成", "实现", "完成", "达成", "录得", "取得", "拥有", "共有",
    "建成", "形成", "培育", "发展", "开展", "产生", "带动", "吸引", "拉动",
)  # fmt: skip
#: 对 N 家 | X 予以约谈 / 实施警告或罚款处罚: what an act is done to, then the act.
_DISPOSAL_RE = re.compile(
    r"^(?P<noun>[^，。；,;]{1,16}?)\s*(?:予以|进行|给予|作出|开展|(?P<verb>实施|采取))了?\s*"
    r"(?P<act>[^，。；,;]{1,16})$"
    # (完成)对 | 302 款 | 生成式人工智能服务的备案工作: the act named as a noun
    r"|^(?P<noun_of>[^，。；,;的]{1,16})的(?P<act_of>[^，。；,;的]{1,6}?)(?:工作)?$"
)
#: An aside at the end of a noun (城市（联合体）).
_ASIDE_AT_END_RE = re.compile(r"[（(][^（）()]{1,12}[）)]$")
#: Words that join two nouns into one thing counted (网站和APP).
_JOINING = frozenset({"和", "与", "及", "、"})
#: An adverb of manner that jieba leaves on the noun before its verb (全面使用).
_MANNER_END_RE = re.compile(r"(?:全面|普遍|广泛|充分|陆续|逐步|同时在线|同时)$")
#: Prepositions before a count whose things received the act after them (为
#: 200 多个矿井提供技术服务), and the verbs whose converse names them.
_RECIPIENT_COVERBS = frozenset({"为", "向", "给"})
_CONVERSE_VERBS = {"提供": "获得", "发放": "获得", "颁发": "获得", "赠送": "获得", "推送": "收到"}
#: A service named as a noun (技术服务, 技能培训), which is the act done to whom it
#: is provided for.
_SERVICE_END_RE = re.compile(r"(?:服务|培训|咨询|指导|支持|保障)$")
#: A verb that joins an actor to the things counted (京东联合 20 多个省市级政府…).
_JOINT_END_RE = re.compile(r"(?:联合|携手)$")
#: A pivot verb before a count whose things do the act after them (推进 3 万家
#: 中小企业开展数字化改造).
_PIVOT_END_RE = re.compile(r"(?:推进|推动|带动|引导|帮助|组织|鼓励|指导|促进|吸引)$")
#: Nouns a classifier counts that a clause about them may follow (59 家企业核心
#: 技术人员占比过半: the firms, not their staff).
_COUNTED_HEADS = {
    "家": ("企业", "公司", "机构", "单位", "医院", "银行", "高校", "学校", "平台", "网站"),
    "所": ("高校", "学校", "医院", "大学"),
    "个": ("城市", "省份", "省区市", "省市区", "省区", "省市", "地市", "县", "区县", "乡镇", "村",
          "社区", "村委会", "居委会", "国家", "地区", "项目", "平台", "中心", "基地", "园区"),
    "名": ("学员", "学生", "员工", "用户", "司机"),
    "位": ("学员", "用户", "专家"),
}  # fmt: skip
#: 在全国 before a verb, or after the body that acts (国家移民管理局在全国): the
#: nation, which the figure's area already says.
_NATIONWIDE_RE = re.compile(
    r"^(?:在|于)?(?:全国|我国|全国范围内)|(?:在|于)(?:全国|我国|全国范围内)$"
)
#: A verb of having at the end of a lead (已经拥有, 共拥有): the thing counted after
#: the number is its owner's.
_OWNING_END_RE = re.compile(r"(?:已经|已|共|累计)?(?:拥有|具有|具备)$")
#: Adverbs that go with a light verb (共建成, 累计实现, 已完成).
_ADVERBS = frozenset({"共", "共计", "总共", "累计", "已", "已经", "均", "又", "再"})
#: Verbs that only say a counted thing exists (共发生 504 起…事件, 有 1000 家…).
_EXISTENTIAL_VERBS = frozenset({"发生", "有", "出现", "涌现", "诞生", "存在", "产生", "共有"})
#: Where the next item of a list of counts begins: 、, 和 or 及, then a number.
_NEXT_ITEM_RE = re.compile(
    r"\s*(?:[、，,]|和|及|与|以及)\s*(?=[\d一二三四五六七八九十两百千]|数[十百千万])"
)
#: A figure of its own, in 万 or 亿, in the words after a counted noun (…提供服务
#: 超 1.5 亿单), not a category's bound (在 100 亿元以上的).
_OWN_FIGURE_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:超过|超|逾)\s*\d+(?:\.\d+)?\s*(?:万|亿)(?![^，,。；;]{0,4}(?:以上|以下))"
)
#: Adverbs in a verb phrase that say nothing of what is counted (共上线 -> 上线).
_VERB_ADVERBS = frozenset(
    {"累计", "共计", "共", "已经", "已", "均", "又", "再", "新", "陆续", "先后", "逐步"}
)


def _drop_adverbs(verb: str, ctx: SubjectContext) -> str:
    """``verb`` without the adverbs of how many and when (累计, 共, 已, 新 …),
    each a word of its own (jieba's), not part of one (新冠肺炎, 公共, 平均):
    共为 1543 万名… -> 为…; 即时通信小程序的新冠肺炎疫情模块 keeps 新, and so
    does 新培育 (newly: the count is of new ones).

    >>> from cikg.reference import load_reference
    >>> ctx = default_context(load_reference())
    >>> _drop_adverbs("累计为", ctx), _drop_adverbs("小程序的新冠肺炎疫情模块为公共服务", ctx)
    ('为', '小程序的新冠肺炎疫情模块为公共服务')
    >>> _drop_adverbs("2024年新培育", ctx)
    '2024年新培育'
    """
    words = ctx.segmenter.tagged(verb)
    return "".join(
        t.word
        for i, t in enumerate(words)
        if t.word not in _VERB_ADVERBS
        # 新培育 | 1382 家…: newly, which makes the count a flow of new ones (kept)
        or (t.word == "新" and i + 1 < len(words) and words[i + 1].tag in {"v", "vn"})
    )


#: A comparison and a change verb right before the number.
_CHANGE_RE = re.compile(
    r"(?P<cmp>当年|本年|全年|今年以来|年初以来|当月|本月|年增速|同比(?:名义|实际)?|"
    r"环比(?:名义|实际|[^，,；;增减提降上下回扩缩净新较比\d]{1,12}?)?|比上年同期|较上年同期|比上年末|较上年末|"
    r"比上年底|较上年底|比上年|较上年|"
    r"比去年同期|较去年同期|比去年|较去年|较上期|比上期|较上半年|(?:较|比)上个?月|"
    r"(?:较|相比|比(?![例重率]))(?P<base>[^，,；;增减提降上下回扩缩净新较比][^，,；;增减提降回扩缩净新]{0,23}?)|"
    r"与(?P<base2>[^，,；;]{1,24}?)相比)?"
    r"\s*(?:分别|(?<!平)均|也|则|都)?\s*"
    r"(?P<verb>增长了?|增加了?|提升了?|提高了?|上升了?|上涨了?|增幅为?|增速为?|"
    r"下降了?|减少了?|降低了?|下滑了?|回落了?|下跌了?|缩减了?|扩大了?|缩小了?|净增|净减少?|新增|"
    # a span or an amount cut (交付周期缩短 50%, 办理时限压减 94.4%)
    r"缩短了?|压减了?|压缩了?|扩张了?|"
    # a rate's pace (增速加快 2.4 个百分点, 较上年放缓 1.2 个百分点)
    r"加快了?|放缓了?|减缓了?)"
    r"\s*(?:了|为|达|达到|约|近|超过?|逾)?\s*$"
)
#: A comparison before the measure it compares (相比上年占比增长 = 占比相比上年增长).
_COMPARED_FIRST_RE = re.compile(
    r"(?P<cmp>(?:相比|较|比)(?:上年同期|去年同期|上年|去年))(?P<measure>占比|比重|比例|份额)"
    r"(?=\s*(?:增长|增加|提升|提高|上升|下降|减少|降低|下滑|回落))"
)
#: A comparison, a verb of adding and then the thing added (较 2023 年 12 月新增网民).
_ADDED_AFTER_RE = re.compile(
    r"(?P<cmp>(?:较|比)[^，,；;增减新净]{1,16}?)(?P<verb>新增|净增|增加(?!值)|减少)"
    r"(?P<thing>[\u4e00-\u9fff]{2,12})$"
)
_DOWN_RE = re.compile(r"下降|减少|降低|下滑|回落|下跌|缩减|缩小|缩短|压减|压缩|净减|放缓|减缓")
#: 占 WHOLE (的) 比重/比例 … right before the number: a share.
_SHARE_RE = re.compile(
    r"(?P<part>.*?)占(?!比)(?P<whole>[^，,；;]{0,30}?)(?:的|之)?(?P<noun>比重|比例|份额|比)?\s*"
    r"(?:首次)?(?:为|达|达到|已达|超过?|约|近|逾|的|(?:提升|提高|上升|增)至)?\s*$"
)
#: A whole named by 在…中 before 占 or 占比 (在总流量中占, 在总营收中的占比达): the
#: whole of the share.
_IN_WHOLE_SHARE_RE = re.compile(
    r"^在(?P<whole>[^，,；;在]{1,12}?)(?:之中|当中|中)的?占比?"
    r"(?=\s*(?:为|达|达到|已达|约|超过)?\s*$)"
)
#: A bracketed aside that ends a wording (（PUE）, (GNI)).
_ASIDE_END_RE = re.compile(r"\s*[（(][^（）()]{1,16}[）)]$")
#: Nouns a subject ends in when it names a measure.
_MEASURE_END_RE = re.compile(
    r"(?:数|量|率|比例|比重|占比|规模|金额|额|收入|长度|时长|人次|次数|产量|流量|面积|速度|"
    r"价格|指数|值|份额|营收|销量|市值|时间|容量|带宽|算力|总和|总值|投资|支出|利润|成本|"
    r"产值|增加值|人口|用户|网民|人数|户数|个数|家数|数目|GDP|gdp)$"
)
#: Nouns a percentage's subject ends in: a rate, a share, a growth.
_RATE_END_RE = re.compile(
    r"(?:率|比例|比重|占比|份额|增速|增幅|降幅|跌幅|涨幅|指数|之比|比|程度|水平|贡献度|覆盖面|渗透度|速度|"
    r"满意度|认可度|知晓度|信任度)$"
)
#: A word that says how a measure moves (快速增长, 持续扩大), whatever jieba tags
#: it (a curated phrase comes out as a noun): a predicate, never part of a name.
_TREND_WORD_RE = re.compile(
    r"(?:增长|扩大|提升|提高|下降|减少|回落|上升|攀升|下滑|壮大|增加|走高|走低)$"
)
#: Units that count things: a noun subject counted in them names a count.
COUNTING_UNITS = frozenset({"count", "person", "household", "person_time", "block_32"})
#: Units that say what is measured (an amount in 元, data in GB …).
SELF_MEASURED_UNITS = frozenset(
    {"yuan", "us_dollar", "GB", "TB", "ZB", "KB", "EFLOPS", "PFLOPS", "Tbps", "Gbps", "Mbps",
     "km", "hour", "minute", "millisecond", "rank"}
)  # fmt: skip
_CLASSIFIER_RE = re.compile(
    r"^\s*(?:多|余)?\s*(?:个|家|款|项|条|台|部|件|座|所|户|人|名|位|套|次|例|起|笔|张|本|"
    r"场|批|种|类|支|辆|架|颗|块|份|篇|集|首|门|处|间|栋|艘|亩|大)?"
)
_ASIDE_RE = re.compile(r"[（(][^（）()]*[)）]")
_ASIDE_AT_START_RE = re.compile(r"^[（(][^（）()]*[)）]")
#: Adverbs of "each" or "already" opening what counted things did (均已开通).
_EACH_ADVERB_RE = re.compile(r"^(?:均已|均|都已|都|全部|已经|已)+(?=[\u4e00-\u9fff])")
_BRACKETS = {"（": "）", "(": ")", "《": "》", "“": "”", "「": "」", "【": "】"}
_MAX_SUBJECT = 40


@dataclass(frozen=True, slots=True)
class SubjectContext:
    """What subjects are read against.

    :param segmenter: the tokenizer with the curated names.
    :param region_of: a name -> the curated region name it stands for, or ``None``.
    :param is_indicator: whether a wording is a curated indicator label.
    :param is_org: whether a name is a curated organisation.
    :param level_of: a curated region name -> its level (``"province"``,
        ``"prefecture"``, ``"county"`` …: :meth:`~cikg.reference.Reference.region_level`),
        which tells what 全市 or 全区 refers back to.
    :param ownerless: the terms that say not whose they are
        (:attr:`~cikg.reference.Reference.ownerless_terms`: 企业, 项目, 净利润).
    :param canonical: a wording -> the label the graph will show
        (:func:`~cikg.catalogue.canonical_wording`: 全国服务数量 -> 服务数).
    """

    segmenter: Segmenter
    region_of: Callable[[str], str | None]
    is_indicator: Callable[[str], bool]
    is_org: Callable[[str], bool]
    level_of: Callable[[str], str | None] = lambda name: None
    ownerless: frozenset[str] = frozenset()
    canonical: Callable[[str], str] = lambda wording: wording


@dataclass(frozen=True, slots=True)
class Lead:
    """What the words before a number say about it.

    :param kind: ``"level"``, ``"change"`` or ``"share"``.
    :param subject: the cleaned subject ("" when the lead names none: the
        topic applies).
    :param area: a region named at the start of the lead (``北京``, ``全国``,
        ``全球``) as written, else ``None``.
    :param comparison: for a change: ``"yoy"`` (同比, 比上年同期), ``"mom"``
        (环比), ``"year"`` (比上年, 较去年), ``"previous"`` (较上期) or the base
        as written (较 2023 年 12 月 -> ``"2023 年 12 月"``), else ``None``.
    :param down: a change that is a fall (下降, 减少): its value is negated.
    :param whole: for a share: what it is a share of (网民整体, GDP).
    """

    kind: str
    subject: str
    area: str | None = None
    comparison: str | None = None
    down: bool = False
    whole: str = ""


#: The words that frame a time as an adverbial (仅在 1-3 月就…, 在 2024 年内):
#: they go with it.
_TIME_FRAME_BEFORE_RE = re.compile(r"(?:仅|只|已|均|都|也)?(?<![存现正实所自])在\s*$")
_TIME_FRAME_AFTER_RE = re.compile(r"^\s*(?:就|便|内)")


def strip_periods(text: str) -> str:
    """``text`` with each period it names replaced by a space (2020 年上半年国内…
    -> `` 国内…``), and the words that frame it as a time (…模块仅在 1-3 月就为…
    -> …模块 为…): what a phrase says besides when.

    >>> strip_periods("疫情模块仅在 1-3 月就为全国用户提供了")
    '疫情模块 为全国用户提供了'
    """
    for p in sorted(find_periods(text, 2000), key=lambda p: -p.start_offset):
        start, end = p.start_offset, p.end_offset
        if (frame := _TIME_FRAME_BEFORE_RE.search(text[:start])) is not None:
            start = frame.start()
            if (after := _TIME_FRAME_AFTER_RE.match(text[end:])) is not None:
                end += after.end()
        text = text[:start] + " " + text[end:]
    return text


def _balanced(text: str) -> str:
    """``text`` without an unclosed bracket or quote and what follows it, and
    without a closing one whose opener is cut off (and what precedes it)."""
    opened: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _BRACKETS:
            opened.append((ch, i))
        elif ch in _BRACKETS.values():
            if opened and _BRACKETS[opened[-1][0]] == ch:
                opened.pop()
            else:  # a closer without its opener: keep what follows
                return _balanced(text[i + 1 :])
    if opened:
        return text[: opened[0][1]]
    return text


#: A topic marker opening the clause (对于手机不良应用相关的投诉也高达 5.9 万件): what
#: follows is the subject, not the object of a preposition (对 alone, which
#: brings forward what an act is done to, stays).
_TOPIC_MARKER_RE = re.compile(r"^\s*(?:对于|至于)\s*")
#: 以 X 为载体的, 以 X 为主导的: what a noun rests on or is led by, a modifier
#: that names neither the thing nor its owner (以电子社保卡为载体的职业培训券).
_BY_MEANS_OF_RE = re.compile(
    r"以[^，,；;。]{1,24}?为(?:载体|核心|代表|主导|主体|重点|抓手|依托|基础|导向|引领|牵引|支撑)的"
)


#: A news photo's credit left before a sentence (雷雪姣 摄 目前，…): one or two
#: names, then 摄 ("photographed by") standing alone.
_PHOTO_CREDIT_RE = re.compile(
    r"^\s*(?:[\u4e00-\u9fff]{2,4}\s+){1,2}摄(?=\s|$)\s*|(?<=\s)(?:[\u4e00-\u9fff]{2,4}\s+){1,2}摄(?=\s|$)"
)
#: A box's or a case's number before its title (专栏 3：深圳市宝安区…).
_BOX_HEAD_RE = re.compile(r"^\s*(?:专栏|案例|附录)\s*[\d一二三四五六七八九十]+\s*[:：．.]?\s*")


#: A bracket that lists what a word includes (省级（含自治区、直辖市）) or the members
#: of a kind it names: an aside the word before it carries; its 、 is no list of the
#: lead's. (One naming a single thing, 网络视频（含短视频）, stays: it says which
#: measure; so does 省（区、市）, its items single characters.)
_INCLUDES_ASIDE_RE = re.compile(
    r"[（(](?:含|包括|包含|不含|不包括|即)[^（）()、]*、[^（）()]*[）)]"
    # 排在前四位种类（游戏、日常工具、电子商务、生活服务类）的 App: the members of
    # the kind the word before names, listed
    r"|(?<=[\u4e00-\u9fff])[（(][^（）()，,。；;：:、]{2,24}、[^（）()，,。；;：:]{2,40}[）)]"
    # 包括云计算、大数据、移动物联网、数据中心等在内的新兴业务收入: examples of the
    # thing measured, which the noun after them names whole
    r"|包括[^，,。；;（(]{1,40}?在内的"
)


def clean_lead(
    phrase: str, ctx: SubjectContext, *, light_verbs: bool = True, areas: bool = True
) -> tuple[str, str | None]:
    """Strip what is not the subject from the words before a number (see
    the module's docstring); return ``(subject, area as written or None)``.

    :param light_verbs: drop light verbs between an actor and its object.
    :param areas: take an area off the start (else it stays in the subject).

    >>> from cikg.reference import load_reference
    >>> ctx = default_context(load_reference())
    >>> clean_lead("截至 2024 年 12 月，我国网络购物用户规模达", ctx)
    ('网络购物用户规模', '我国')
    >>> clean_lead("其中，北京数字经济增加值", ctx)
    ('数字经济增加值', '北京')
    >>> clean_lead("中国电信上半年实现营业收入", ctx)
    ('中国电信营业收入', None)
    >>> clean_lead("省级（含自治区、直辖市）共有政府网站", ctx)
    ('省级政府网站', None)
    >>> clean_lead("对于手机不良应用相关的投诉也高达", ctx)
    ('手机不良应用相关的投诉', None)
    """
    phrase = _BY_MEANS_OF_RE.sub("", _BOX_HEAD_RE.sub("", _MARKER_RE.sub("", phrase)))
    phrase = _TOPIC_MARKER_RE.sub("", phrase)
    phrase = _PHOTO_CREDIT_RE.sub("", _INCLUDES_ASIDE_RE.sub("", phrase))
    reported = [m.end() for m in _REPORTING_RE.finditer(phrase)]
    if reported and reported[-1] < len(phrase.rstrip()):
        phrase = phrase[reported[-1] :]
    elif reported and _REPORTING_RE.fullmatch(phrase.strip(" ，,：:")):
        phrase = ""  # 调查结果显示 alone: who says it, no subject
    phrase = strip_periods(phrase)
    phrase = re.sub(r"(?:截至|截止|截至到|截止到)\s*(?=\s|$)", " ", phrase)
    area: str | None = None
    changed = True
    while changed:
        changed = False
        phrase = phrase.strip(" ，,、：:；;—-–·\t")
        context = _CONTEXT_RE.match(phrase)
        if context and len(phrase) > context.end() and _is_context(phrase, context, ctx):
            rest = phrase[context.end() :]
            field = _FIELD_RE.match(context.group())
            if field and not rest.startswith(("，", ",", " ")) and field["field"] not in rest:
                # 在数字经济领域培育专精特新“小巨人”企业: the field the act is in says
                # which (在 5G 领域，…5G 终端连接数: said again, or a clause of its own)
                rest = f"{field['field']}领域{rest}"
            phrase, changed = rest, True
            continue
        if phrase in _LEAD_WORDS and len(phrase) > 1:
            phrase = ""  # 其中 | 19 家企业…: a lead word alone leaves no subject
            break
        for word in _LEAD_WORDS:
            if phrase.startswith(word) and len(phrase) > len(word):
                # 其中 … but not 其他 / 中国 …: a lead word stands alone
                rest = phrase[len(word) :]
                if len(word) == 1 and (
                    word in _PREPOSITIONS or not _starts_word(phrase, word, ctx)
                ):
                    continue  # 在轨卫星, 以旧换新, 对外: a preposition is part of the words
                phrase, changed = rest, True
                break
        if changed:
            continue
        if areas and area is None:
            found = _leading_area(phrase, ctx)
            if found is not None:
                area, end = found
                phrase, changed = phrase[end:].lstrip("的 "), True
        elif areas and (whole := _leading_area(phrase, ctx)) and whole[0] in WHOLE_OF_HERE:
            phrase, changed = phrase[whole[1] :].lstrip("的 "), True  # 梅州全市: 梅州
        elif (
            areas
            and (inner := _leading_area(phrase, ctx))
            and ctx.region_of(inner[0])
            and not phrase.startswith("等", inner[1])  # 甘肃庆阳等: several places
        ):
            # 河北蠡县: the region written after its province is the figure's
            area, phrase, changed = inner[0], phrase[inner[1] :].lstrip("的 "), True
    phrase = _LINK_TAIL_RE.sub("", phrase.strip(" 的，,")).strip(" 的，,")
    if light_verbs:
        phrase = _drop_light_verbs(phrase, ctx)
    phrase = _last_statement(phrase, ctx)
    subject = display_form(_balanced(phrase)).strip(" 的，,、")
    if areas and area is None and subject.startswith("国内"):
        area = "国内"  # 国内游客出游总花费: a national figure whose name keeps 国内
    return subject, area


def _is_context(phrase: str, context: re.Match[str], ctx: SubjectContext) -> bool:
    """Whether 在 … 中/上/方面 is a preposition's phrase whose words end where
    the match does: 在网络视频领域, not 在用数据中心 (在用 | 数据中心)."""
    tokens = ctx.segmenter.tokens(phrase)
    end = context.end() - (1 if context.group().endswith("的") else 0)
    return bool(tokens) and tokens[0].word == "在" and any(t.end == end for t in tokens)


#: The last item of a list of examples and what they are examples of (航空装备
#: 仿真设计等 | 产业发展和公共服务平台).
_EXAMPLES_RE = re.compile(r"^[^等，,；;]+等(?P<head>[^等、，,；;\d]{2,})$")


def _last_statement(phrase: str, ctx: SubjectContext) -> str:
    """A 、 list whose earlier items are statements, not names, keeps its last
    item: 数据要素市场体系基本建成、数据产业规模 -> 数据产业规模."""
    if "、" not in phrase:
        return phrase
    quoted = re.sub(r"“[^”]*”", lambda m: "＿" * len(m.group()), phrase)
    if "、" not in quoted:
        return phrase  # 能够熟练“复制、粘贴…”的网民: a 、 inside a quotation lists nothing
    cuts = [i for i, ch in enumerate(quoted) if ch == "、"]
    earlier = [phrase[a + 1 : b] for a, b in zip([-1, *cuts[:-1]], cuts, strict=True)]
    last = phrase[cuts[-1] + 1 :]
    if _listed_actions(earlier[1:], last, ctx):
        return phrase  # 参与扶贫宣传点赞、转发、评论的网民: actions of one group
    for item in earlier:
        tagged = ctx.segmenter.tagged(item)
        if any(t.tag in {"v", "vd"} and t.start > 0 for t in tagged) and len(item) > 4:
            examples = _EXAMPLES_RE.match(last)
            if examples:
                # 搭建大规模分子育种、航空装备仿真设计等产业发展和公共服务平台: a verb
                # before a list of examples, then what they are examples of
                return examples["head"]
            return last
    return phrase


def _listed_actions(later: list[str], last: str, ctx: SubjectContext) -> bool:
    """Whether the items after a list's first (``later``) and the last item's words
    before its 的 are single short words, one of them a verb (转发, 评论的网民): then
    the list is what one group does (参与扶贫宣传点赞、转发、评论的网民), a modifier of
    the noun after 的, and its first item's verb (参与) governs them all — no list of
    statements. (jieba tags 评论 a noun: one verb among the words is enough.)"""
    before_of, of, _ = last.partition("的")
    items = [*later, before_of]
    if not of or not all(0 < len(item) <= 4 for item in items):
        return False
    tagged = [ctx.segmenter.tagged(item) for item in items]
    return all(len(t) == 1 for t in tagged) and any(t[0].tag in {"v", "vn"} for t in tagged)


def _starts_word(phrase: str, word: str, ctx: SubjectContext) -> bool:
    """Whether ``word`` is a word of its own at the start of ``phrase`` (其 in
    其增速, not in 其他; 在 in 在线 is no word)."""
    tokens = ctx.segmenter.tokens(phrase[: len(word) + 6])
    return bool(tokens) and tokens[0].word == word


def _leading_area(phrase: str, ctx: SubjectContext) -> tuple[str, int] | None:
    """A region, the nation, the world or the whole of the region in context
    (全市) at the start of ``phrase``: (name, end)."""
    for word in (*_NATION, *_WORLD):
        if phrase.startswith(word) and not _starts_org(phrase, ctx):
            if word in _WORLD and _SHARE_OF_WHOLE_RE.match(phrase, len(word)):
                return None  # 全球占比: a share of the world's total, not the world's figure
            return word, len(word)
    tokens = ctx.segmenter.tokens(phrase[:16])
    if not tokens:
        return None
    first = tokens[0].word
    if first in WHOLE_OF_HERE:
        return first, tokens[0].end  # 全市 2000 余项服务事项…: the region in context
    enumerated = len(tokens) > 1 and tokens[1].word in {"、", "和", "及", "与"}
    # 建成县级电商公共服务中心: 成县 before 级 is the 县 of 县级 (county-level), not a county
    of_level = phrase.startswith("级", tokens[0].end)
    if not enumerated and not of_level and ctx.region_of(first) is not None:
        return first, tokens[0].end
    return None


def _starts_org(phrase: str, ctx: SubjectContext) -> bool:
    tokens = ctx.segmenter.tokens(phrase[:24])
    return bool(tokens) and ctx.is_org(tokens[0].word)


def _drop_light_verbs(phrase: str, ctx: SubjectContext) -> str:
    """中国电信实现营业收入 -> 中国电信营业收入; 累计建成 5G 基站 -> 5G 基站.
    A verb after 新 (newly) stays: 新培育国家层面绿色工厂 counts the ones made
    in the period, not all there are."""
    for verb in _LIGHT_VERBS:
        i = phrase.find(verb)
        if i < 0:
            continue
        tokens = ctx.segmenter.tokens(phrase)
        if not any(t.start == i and t.word.startswith(verb[:2]) for t in tokens):
            continue
        if phrase.startswith(("和", "与", "及"), i + len(verb)) and i > 0:
            continue  # 产业发展和公共服务平台: a noun joined to the next, no verb
        if any(t.end == i and t.word == "新" for t in tokens):
            continue  # 新培育国家层面绿色工厂: newly done, a count of new ones (kept)
        rest = phrase[i + len(verb) :].lstrip("了 ")
        # 宝安共建成 5G 基站 -> 宝安 5G 基站: the adverb goes with the verb
        head = phrase[:i].rstrip()
        adverb = next((t for t in tokens if t.end == len(head) and t.word in _ADVERBS), None)
        head = head[: adverb.start] if adverb else head
        if rest:
            return head + rest
        if _MEASURE_END_RE.search(head):
            return head  # 电信业务收入累计完成 (1.47 万亿元) -> 电信业务收入
    return phrase


def read_lead(lead: str, ctx: SubjectContext) -> Lead:
    """Read the words before a number: its kind, subject, area and comparison.

    :param lead: the clause's text before the number (from the clause's start
        or the previous figure's end).
    :param ctx: lookups.
    :return: what the lead says; ``subject`` is "" when the topic applies.

    >>> from cikg.reference import load_reference
    >>> ctx = default_context(load_reference())
    >>> read_lead("较 2023 年 12 月增长", ctx)
    Lead(kind='change', subject='', area=None, comparison='2023 年 12 月', down=False, whole='')
    >>> read_lead("营业收入同比下降", ctx).comparison, read_lead("营业收入同比下降", ctx).down
    ('yoy', True)
    >>> read_lead("占网民整体的", ctx).whole
    '网民整体'
    >>> read_lead("占世界份额", ctx).whole
    '世界'
    >>> read_lead("在总营收中的占比达", ctx).whole
    '总营收'
    """
    lead = _MARKER_RE.sub("", lead).rstrip()
    # 在总流量中占 94.7%: the share of what the sentence measured, in that whole
    lead = _IN_WHOLE_SHARE_RE.sub(r"占\g<whole>的", lead)
    # 相比上年占比增长: the comparison said before the measure it compares
    lead = _COMPARED_FIRST_RE.sub(r"\g<measure>\g<cmp>", lead)
    # 较 2023 年 12 月新增网民 1608 万人: the thing added after the verb
    lead = _ADDED_AFTER_RE.sub(r"\g<thing>\g<cmp>\g<verb>", lead)
    change = _CHANGE_RE.search(lead)
    if change:
        subject, area = clean_lead(lead[: change.start()], ctx)
        return Lead(
            "change",
            subject,
            area,
            _comparison(change),
            bool(_DOWN_RE.search(change["verb"])),
        )
    share = _SHARE_RE.match(lead)
    if share and "占比" not in share["part"][-2:]:
        subject, area = clean_lead(share["part"], ctx)
        tagged = ctx.segmenter.tagged(subject)
        if tagged and all(t.tag in {"c", "d"} for t in tagged):
            subject = ""  # 但仅占…: a conjunction and an adverb name no part
        whole = _ASIDE_RE.sub("", share["whole"]).strip()
        if whole.removesuffix("的") not in WHOLE_OF_HERE:  # 占全省: the province's total
            # 占世界份额: the world is the whole, no area of the part's
            named, place = clean_lead(whole, ctx)
            whole = named if not place or named.startswith(place) else f"{place}{named}"
        return Lead("share", subject, area, whole=whole)
    subject, area = clean_lead(lead, ctx)
    if subject and _only_verbs(subject, ctx):
        subject = ""  # 共开通, 已培育形成, 制定发布: a verb names no measure
    return Lead("level", subject, area)


def _only_verbs(phrase: str, ctx: SubjectContext) -> bool:
    """Whether a phrase is verbs and adverbs only (已建成, 制定发布), no noun."""
    if _MEASURE_END_RE.search(phrase) or _SHARE_OF_WHOLE_RE.search(phrase):
        return False
    tagged = ctx.segmenter.tagged(phrase)
    return bool(tagged) and all(
        t.tag[:1] in {"v", "d", "p", "u"} and t.tag != "vn" and not _MEASURE_END_RE.search(t.word)
        for t in tagged
    )


def _comparison(m: re.Match[str]) -> str | None:
    cmp = m["cmp"] or ""
    if not cmp:
        return None
    if cmp in {"当年", "本年", "全年", "今年以来", "年初以来"}:
        return "ytd"  # 本年净增 3.24 亿户: over the year to the figure's date
    if cmp == "年增速":
        return "year"
    if cmp.startswith("同比") or "同期" in cmp:
        return "yoy"
    if cmp.startswith("环比") or cmp in {"当月", "本月"} or "上月" in cmp or "上个月" in cmp:
        return "mom"  # 当月净增: over the month, the period's own; 比上月: the month before
    if "上期" in cmp or "上半年" in cmp:
        return "previous"
    base = (m["base"] or m["base2"] or "").strip()
    if re.search(r"\d{4}\s*年", base):
        return base  # 较 2020 年底: the end of that year, not the year before the figure's
    if "年末" in cmp or "年底" in cmp:
        return "year-end"
    if "上年" in cmp or "去年" in cmp:
        return "year"
    return base or None


def names_measure(subject: str) -> bool:
    """Whether a wording ends in a measure noun (…数, …率, …规模, …占比 …).

    >>> names_measure("网络购物用户规模"), names_measure("网络购物")
    (True, False)
    """
    return bool(_MEASURE_END_RE.search(subject))


def problem_with(subject: str, unit: str | None, ctx: SubjectContext) -> str | None:
    """Why ``subject`` cannot name the indicator of a figure in ``unit``, or ``None``.

    >>> from cikg.reference import load_reference
    >>> ctx = default_context(load_reference())
    >>> problem_with("网络购物用户规模", "person", ctx) is None
    True
    >>> problem_with("开幕", "count", ctx)
    "subject '开幕' does not name a measure"
    """
    if not subject:
        return "no subject before it"
    if len(subject) > _MAX_SUBJECT:
        return "subject too long"
    if subject.strip("-—–·、 ") == "" or subject.endswith(("等", "和", "与", "及", "的")):
        return f"subject {subject!r} is not an indicator"
    if ctx.is_indicator(subject):
        return None
    # (平均电能利用效率（PUE）: a measure named with its abbreviation in brackets)
    named = _ASIDE_END_RE.sub("", subject)
    if unit == "percent":
        if _RATE_END_RE.search(named):
            return None
        return f"subject {subject!r} names no rate or share"
    if _MEASURE_END_RE.search(named) or unit in SELF_MEASURED_UNITS:
        return None
    return f"subject {subject!r} does not name a measure"


#: Words a name never opens with: a particle, a conjunction (the tail of a list cut in
#: two), a source (据…报道), an example (如…), a discourse marker (首先, 值得注意),
#: a preposition whose phrase lost its head (自…以来, 于…, 把…); not 在 or 对,
#: which open relative clauses (在国家网信办完成备案的…服务, 对…感到满意的网民).
_OPENERS = frozenset(
    {"的", "了", "之", "和", "及", "以及", "或", "或者", "并且", "而且", "但", "但是", "而",
     "并", "且", "据", "根据", "依据", "按照", "来自", "如", "例如", "比如", "譬如", "首先",
     "其次", "再次", "最后", "此外", "另外", "同时", "值得注意", "值得一提", "其中", "这",
     "这一", "那", "自", "于", "把", "将", "被",
     # a causative opens what something did to a measure (使矿山设备故障率降低 15%)
     "使", "可使", "使得", "促使", "让"}
)  # fmt: skip
#: A count that leaked into a label: 3天…, 1000多项…, 2.5万个…
_COUNT_LED_RE = re.compile(
    r"^\d+(?:\.\d+)?(?:多|余)?(?:个|家|万|亿|项|条|天|名|张|位|所|座|款|场|次|件)"
)
#: A number with a magnitude or a count (540余万, 1.3亿, 242个), which no name
#: holds …
_MAGNITUDE_RE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿|个(?!月)|家|项|条|名|所|座|款|场|件|台|部|位|类|种|批|%|％)"
)
#: A span of time listed before the figure's own words (历时 5 个月、参赛…).
_LISTED_SPAN_RE = re.compile(r"\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:个月|年|天|日|小时|周)、")
#: … unless it bounds a category (100亿元以上, 超过100项的省份), is a base
#: (占100家企业总营收) or the size of a ranking (前100家数字企业).
_BOUND_AFTER_RE = re.compile(r"[^\d，,。；;]{0,3}?(?:及?以上|及?以下|以内|之间|左右|至)")
_BOUND_BEFORE_RE = re.compile(r"(?:超过|超|突破|高于|低于|不足|不到|占|前)$")
#: What a label cannot open with: a list's separator, a bracket, 占
#: without 比 (a share whose part is missing), a comparison's verb or a verb of
#: change (an effect without its cause).
_LEAD_DEBRIS_RE = re.compile(
    r"^(?:[、，,；;）)（(]|占(?!比|有率)|高于|低于|多于|少于|超出|"
    # 提高整体运营效率 30% 以上: an effect claimed, whose cause and owner are not said
    r"(?:提高|提升|降低|减少|缩短|节约|节省)(?!率))"
)
#: Examples of a kind at a label's start (如钉钉、企业微信等…), however segmented.
_EXAMPLES_LED_RE = re.compile(r"^(?:如|例如|比如|譬如)[^，,；;]{1,30}?等")


def _brackets_in_order(text: str) -> bool:
    """Whether every closing bracket in ``text`` closes one opened before it."""
    depth = 0
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth < 0:
                return False
    return True


#: What a label may end in that names the measure, not the thing measured:
#: stripped (repeatedly) before asking whether anything is left.
_MEASURE_SUFFIX_RE = re.compile(
    r"(?:同比|环比)?(?:增长率|增量|增速|增幅)$|(?:全国|全球|世界)?排名$|"
    r"(?:数量|人数|人次|个数|家数|数目|总数|总量|总额|数|量|率|比例|比重|占比|规模|金额|额|"
    r"份额|指数|值|总值)$"
)
#: Words of time or manner a label may open with that name no thing (今年增量).
_TIME_HEAD_RE = re.compile(
    r"^(?:今年|本年|全年|当年|去年|上年|本月|当月|上半年|下半年|年|月|日|"
    r"平均每天|每天|每日|每月|每年|日均|月均|年均|平均|总|累计|共|新)"
)
#: The nation or the world a label may open with: an area, no thing measured.
_AREA_HEAD_RE = re.compile("^(?:" + "|".join((*_NATION, *_WORLD, "国内", "境内", "各地")) + ")")
#: Tags of words that name a thing (jieba's: nouns, names, places, organisations,
#: abbreviations, idioms, Latin words); a verbal noun (服务, 建设) does not.
_NOMINAL_TAGS = ("n", "eng", "j", "l", "s", "x")
#: Tags of a first word that makes no name of the verbs after it (提供共享服务,
#: 春节期间): a verb, adverb, preposition, conjunction, pronoun, number, time.
_NOT_A_MODIFIER = frozenset({"v", "d", "p", "c", "r", "m", "mq", "q", "t", "f"})


#: Words that make a would-be name a clause: the copula, 分别, 其中.
_CLAUSE_WORDS = frozenset({"是", "分别", "其中", "分别是", "即"})
#: A span or a pointer back to what the text said (自建院以来, 该类案件, 这一增长率):
#: words of a clause, which an indicator's name never needs.
_POINTING_RE = re.compile(r"以来|该类|此类|该项|这一|上述")


#: A count, a share or a change of one, at the end of a label: what a bare
#: thing's label ends in (an output, 彩电产量, names its thing well enough).
_COUNT_OR_SHARE_RE = re.compile(
    r"(?:同比|环比)?(?:增长率|增量|增速|增幅)$|(?:数量|人数|人次|个数|家数|总数|数|比例|比重|占比)$"
)


def too_bare(label: str, ctx: SubjectContext, is_company: Callable[[str], bool]) -> bool:
    """Whether ``label`` says what is counted but not whose.

    A thing named in three characters or fewer that the catalogue knows
    neither as it is nor with a measure (企业数, 成员数, 用户增长率, 消费笔数;
    hand-checked samples, benchmarks/audit: 2 of 13 such labels were right,
    a region's as well: 南京's 消费笔数 are 数字人民币's); or a label made only
    of terms that say not whose (:attr:`SubjectContext.ownerless`) with verbs
    and adjectives (服务企业数, 测试牌照数, 企业总营收: 0 of 17 right). A company's own
    (斗鱼营收增长率) and a curated measure (网民规模增长率) are not bare.

    >>> from cikg.reference import load_reference
    >>> ref = load_reference()
    >>> ctx = default_context(ref)
    >>> [too_bare(x, ctx, ref.is_company) for x in ("企业数", "用户增长率", "网民规模增长率")]
    [True, True, False]
    >>> [too_bare(x, ctx, ref.is_company) for x in ("服务企业数", "测试牌照数", "企业总营收")]
    [True, True, True]
    >>> kept = ("家庭农场数", "虎牙营收增长率", "彩电产量增长率", "工业企业上云数")
    >>> [too_bare(x, ctx, ref.is_company) for x in kept]
    [False, False, False, False]
    """
    label = ctx.canonical(label)  # as the graph shows it: 全国服务数量 -> 服务数
    if ctx.is_indicator(label):
        return False
    stem = label
    for _ in range(3):
        cut = _COUNT_OR_SHARE_RE.sub("", stem)
        if cut == stem or ctx.is_indicator(cut):
            break
        stem = cut
    if ctx.is_indicator(stem) or any(ctx.is_indicator(stem + m) for m in ("数", "数量", "规模")):
        return False
    words = ctx.segmenter.tagged(stem)
    if words and is_company(words[0].word):
        return False
    return 0 < len(stem) <= 3 or _only_ownerless(words, ctx)


#: Tags of the words around a kind of thing that do not say whose it is: verbs
#: (服务企业, 建设项目), adjectives, adverbs, numerals and classifiers.
_NOT_AN_OWNER_TAGS = frozenset({"v", "vd", "vn", "a", "ad", "d", "m", "q", "mq", "uj"})


def _only_ownerless(words: list[Token], ctx: SubjectContext) -> bool:
    """Whether a label's stem is one or more terms that say not whose they
    are (:attr:`SubjectContext.ownerless`), with only verbs, adjectives and
    adverbs besides: 服务企业, 建设项目, 企业总营收, 测试牌照; not 工业企业上云
    (工业 says which firms) nor 5G基站."""
    if any(w.word in _RELATED and 0 < i == len(words) - 2 for i, w in enumerate(words)):
        # 外卖相关企业: what comes before 相关 right before the head says which,
        # whatever its tag (发布相关产品企业: 相关 says which products, not firms)
        return False
    nouns = [w for w in words if w.tag not in _NOT_AN_OWNER_TAGS or w.word in ctx.ownerless]
    return bool(nouns) and all(w.word in ctx.ownerless for w in nouns)


def label_problem(label: str, segmenter: Segmenter) -> str | None:
    """Why ``label`` cannot be an indicator's name, or ``None``.

    A name opens with the thing measured, not with a conjunction, a source,
    an example or a preposition whose head was cut off (和上级医院建立…的卫生院
    比例, 据中证报对公钱包数, 如视频图片数, 自中国数; 与 unless
    与…相关), and names a thing besides the measure: 建设数, 覆盖率, 年增长率 and
    今年增量 say what is counted of nothing.

    >>> from cikg.reference import load_reference
    >>> seg = Segmenter.from_reference(load_reference())
    >>> label_problem("5G基站数量", seg) is None
    True
    >>> label_problem("覆盖率", seg)
    "'覆盖率' names no thing measured"
    >>> label_problem("全国数量", seg)
    "'全国数量' names no thing measured"
    >>> label_problem("如视频图片数", seg)
    "'如视频图片数' opens with '如'"
    >>> label_problem("如钉钉、企业微信等支持同时在线人数", seg)
    "'如钉钉、企业微信等支持同时在线人数' opens with examples"
    >>> label_problem("3天线上线下客流量人次", seg)
    "'3天线上线下客流量人次' opens with a count"
    >>> label_problem("粉丝量达到540万人主播数", seg)
    "'粉丝量达到540万人主播数' holds another figure (540万)"
    >>> label_problem("年营收在100亿元以上的企业数量", seg) is None
    True
    >>> label_problem("全球前100家数字企业中我国企业占比", seg) is None
    True
    >>> label_problem("历时5个月、参赛人数", seg)
    "'历时5个月、参赛人数' holds another figure (5个月)"
    >>> label_problem("省份242个地市数", seg)
    "'省份242个地市数' holds another figure (242个)"
    >>> label_problem("企业总部位于北京数", seg)
    "'企业总部位于北京数' ends in a place, not the thing counted"
    >>> label_problem("国内发明专利有效量增长最快分别是信息技术管理方法领域数", seg)
    "'国内发明专利有效量增长最快分别是信息技术管理方法领域数' holds a clause ('分别')"
    >>> label_problem("互联网法院自建院以来至以判决形式审结该类案件数", seg)
    "'互联网法院自建院以来至以判决形式审结该类案件数' holds a clause ('以来')"
    """
    bare = label.strip("“”\"'「」‘’ ")  # “占比: the quote is no name
    tokens = segmenter.tokens(bare)
    if not tokens:
        return f"{label!r} is empty"
    first = tokens[0].word
    if first in _OPENERS or (first == "与" and "相关" not in label):
        return f"{label!r} opens with {first!r}"
    if _EXAMPLES_LED_RE.match(bare):
        # 如钉钉、企业微信等支持同时在线人数 (jieba reads 如钉钉 as one word): examples
        # of a kind, then what such things can do — no measurement
        return f"{label!r} opens with examples"
    if _LEAD_DEBRIS_RE.match(bare):
        # 、APP完成适老化…网站数, 占国内生产总值比例, 高于同期GDP名义增量: a cut
        # list, a share or a comparison whose subject is missing
        return f"{label!r} opens with {_LEAD_DEBRIS_RE.match(bare).group()!r}"
    if not _brackets_in_order(bare):
        return f"{label!r} has its brackets out of order"  # 含教学点）…中小学（比例
    if bare.endswith("排名") and "、" in bare:
        return f"{label!r} ranks several things at once"  # 网上零售额、移动支付普及率全球排名
    if _COUNT_LED_RE.match(label):
        return f"{label!r} opens with a count"  # 3天线上线下客流量: another figure's words
    inner = next((t.word for t in tokens[1:] if t.word in _CLAUSE_WORDS), None)
    inner = inner or (m.group() if (m := _POINTING_RE.search(bare)) else None)
    if inner:
        # 增长最快分别是信息技术…领域数, 常用计量单位是…次数: a clause, not a name
        return f"{label!r} holds a clause ({inner!r})"
    for m in _MAGNITUDE_RE.finditer(label):
        before = label[max(0, m.start() - 2) : m.start()]
        if not _BOUND_AFTER_RE.match(label, m.end()) and not _BOUND_BEFORE_RE.search(before):
            # 召集全网粉丝量达到540余万人本地网红数: another figure inside; a
            # category's bound stays (年营收在100亿元以上的企业数量)
            return f"{label!r} holds another figure ({m.group()})"
    if listed := _LISTED_SPAN_RE.search(label):
        # 历时 5 个月、参赛 10 万多人: the item before in a list, not a qualifier
        return f"{label!r} holds another figure ({listed.group().rstrip('、')})"
    rest = bare
    while rest:
        cut = _MEASURE_SUFFIX_RE.sub("", rest)
        if cut == rest:
            break
        rest = cut
    rest = _TIME_HEAD_RE.sub("", rest)
    if not _AREA_HEAD_RE.sub("", rest):
        return f"{label!r} names no thing measured"  # 全国数量: the nation's, of what?
    if not rest or rest == bare:
        return None if rest else f"{label!r} names no thing measured"
    tagged = segmenter.tagged(rest)
    if rest.endswith(("以上", "以下", "及以上", "以内")):
        # 基础算力需求 PFlops 以上数: a bound whose counted noun was cut off
        return f"{label!r} ends in a bound, not the thing counted"
    if (
        len(tagged) > 1
        and tagged[-1].tag == "ns"
        and (tagged[-2].tag == "p" or tagged[-2].word in _LOCATING_VERBS)
    ):
        # 企业总部位于北京数, 国家移民管理局在全国数: where, not what is counted
        return f"{label!r} ends in a place, not the thing counted"
    nominal = any(t.tag.startswith(_NOMINAL_TAGS) for t in tagged) or (
        # 活跃主播, 移动支付 (jieba's verbal nouns and verbs), not 建设, 提供共享服务
        len(tagged) > 1 and tagged[0].tag not in _NOT_A_MODIFIER
    )
    if not nominal:
        return f"{label!r} names no thing measured"
    return None


#: Verbs that say where something is (位于北京): a place after them is no thing counted.
_LOCATING_VERBS = frozenset({"位于", "分布", "分布在", "地处", "落户", "落地"})
#: Nouns a verb-led label may end in that did the acting (开通政务机构微博的省份,
#: 设立网络安全学院的高校): the label names who, and reads as a relative clause.
AGENT_HEADS = tuple(
    sorted({head for heads in _COUNTED_HEADS.values() for head in heads}, key=len, reverse=True)
)


def acts_without_actor(label: str, segmenter: Segmenter) -> bool:
    """Whether ``label`` names what a verb acted on and not who acted: it
    opens with a verb (处置账号数, 接入定点零售药店数, 开发本地特色产品数), has
    no 的 (a relative clause names its head: 完成备案的生成式人工智能服务数量),
    counts things (a rate, a share, an amount does not: 认为…网民比例; nor do
    persons, who act themselves: 共享经济参与者人数), opens with
    no verb of change (新增…), and its head is no agent (:data:`AGENT_HEADS`:
    开通 95128 电话叫车服务城市数). A figure so
    labelled is the actor's (北斗三号全球卫星导航系统, 医保电子凭证) or a
    campaign's, which the label must name.

    >>> from cikg.reference import load_reference
    >>> seg = Segmenter.from_reference(load_reference())
    >>> acts_without_actor("处置账号数", seg), acts_without_actor("新增网民规模", seg)
    (True, False)
    >>> acts_without_actor("设立网络安全学院高校数", seg)
    False
    >>> acts_without_actor("接入各级平台数量", seg)
    True
    >>> acts_without_actor("完成备案的生成式人工智能服务数量", seg)
    False
    """
    if not label.endswith(_COUNT_ENDS) or label.endswith("人数"):
        return False  # (an amount or a rate: 共享经济市场交易额, jieba's 共享 a verb)
    tagged = segmenter.tagged(label)
    if not tagged or tagged[0].tag != "v" or tagged[0].word in _CHANGE_VERBS:
        return False
    if "的" in label:
        return False  # a relative clause names its head (完成备案的…服务, 部署的…试点)
    rest = _MEASURE_SUFFIX_RE.sub("", label)
    if not rest.endswith(AGENT_HEADS):
        return True
    # 设立网络安全学院高校数: an object between the verb and the head, which acted;
    # 接入各级平台数: the head follows the verb, which acted on it
    between = segmenter.tagged(rest)[1:-1]
    return not any(t.tag.startswith(_NOMINAL_TAGS) for t in between)


#: The ends of a count's label: what a verb acted on is counted (处置账号数); a
#: survey's share (认为…的网民比例) or an amount is no such thing.
_COUNT_ENDS = ("数", "数量", "人次")
#: Units of money, and the nouns whose amount of money is their size (规模).
_MONEY_UNITS = frozenset({"yuan", "us_dollar"})
_ECONOMY_ENDS = ("产业", "行业", "市场", "经济")
_TRADE_ENDS = ("零售", "销售", "交易", "出口", "进口")
#: Verbs of change a measure's name opens with (新增网民): no action on a thing.
_CHANGE_VERBS = frozenset({"新增", "增加", "减少", "净增"})


def count_label(subject: str, unit: str | None, ctx: SubjectContext) -> str:
    """A noun subject of a counted figure names the count: 5G 基站 + 个 ->
    5G基站数量; 网民 + 人 stays 网民 (a measure already).

    >>> from cikg.reference import load_reference
    >>> count_label("5G基站", "count", default_context(load_reference()))
    '5G基站数量'

    An amount of money whose subject is an industry, a market or an economy
    is its size: 算力与大数据产业 + 元 -> 算力与大数据产业规模.

    >>> count_label("算力与大数据产业", "yuan", default_context(load_reference()))
    '算力与大数据产业规模'

    and an amount of money whose subject is a trade is its amount (额):
    网络零售 + 元 -> 网络零售额.
    """
    if subject and unit in _MONEY_UNITS and not ctx.is_indicator(subject):
        if subject.endswith(_ECONOMY_ENDS):
            return f"{subject}规模"
        if subject.endswith(_TRADE_ENDS):
            return f"{subject}额"
    if not subject or unit not in COUNTING_UNITS or ctx.is_indicator(subject):
        return subject
    if unit == "person_time":  # (受益学生数量 | 6 亿人次 -> 受益学生人次, not …数量人次)
        subject = re.sub(r"(?:数量|人数)$", "", subject)
        # (客流量, 访问量 | 9.8 万余人次: a measure already)
        return subject if subject.endswith(("人次", "量")) else f"{subject}人次"
    if _MEASURE_END_RE.search(subject) and not subject.endswith(("用户", "网民")):
        return subject
    if subject.endswith(("用户", "网民")) and unit == "person":
        return f"{subject}规模"
    tagged = ctx.segmenter.tagged(subject)
    last = tagged[-1] if tagged else None
    if last is not None and (
        last.tag.startswith(("n", "eng", "j", "l"))
        or last.tag == "vn"
        or (last.tag == "b" and len(last.word) >= 3)  # 新机型: jieba's attribute tag, a noun
        # 不良应用相关的投诉: a verb heading a 的-phrase, or after 相关, is a noun
        or (last.tag == "v" and len(tagged) > 1 and (tagged[-2].word in ("的", *_RELATED)))
        or noun_like_head(tagged)  # 5G 创新应用, 微短剧应用: applications
    ):
        return f"{subject}{'人数' if unit == 'person' else '数量'}"
    return subject


def _is_predicate(token: Token) -> bool:
    """A verb, adverb or preposition (not a verbal noun such as 服务/vn, nor
    相关/有关, which jieba tags a verb: 防疫相关数据 is data related to it)."""
    if token.word in _RELATED:
        return False
    if token.tag in {"v", "vd", "p", "d", "ad", "c"}:
        return True
    if token.tag == "l" and _NEGATION_RE.search(token.word):
        return True  # 拒不 (整改的 APP): an idiom that negates the verb after it
    return token.tag.startswith("v") and token.tag != "vn"


#: The word that sums up a list after its last item and 等 (…水文测站等数据,
#: …农村供水工程等各类水利对象基础信息及关联信息).
_SUMMED_UP_RE = re.compile(
    r"等(?:数据|信息|资料|内容|方面|领域|事项|目标|任务|(?:各类|各种|多种)[^，,；;]*)$"
)
#: "Related (to)": a modifier inside a noun phrase, not its predicate.
_RELATED = frozenset({"相关", "有关"})
#: A negation inside an idiom (拒不, 从不, 尚未).
_NEGATION_RE = re.compile(r"[不未没]")


def noun_like_head(tagged: list[Token]) -> bool:
    """Whether the last word is a verb that heads the noun before it, as the
    noun of a counted phrase (:data:`_NOUN_LIKE_VERBS`: 5G 创新 | 应用,
    applications), not its predicate.

    >>> from cikg.reference import load_reference
    >>> segmenter = default_context(load_reference()).segmenter
    >>> noun_like_head(segmenter.tagged("5G创新应用")), noun_like_head(segmenter.tagged("应用"))
    (True, False)
    """
    return (
        len(tagged) > 1
        and tagged[-1].word in _NOUN_LIKE_VERBS
        and tagged[-2].tag[:1] in {"n", "v", "j"}
    )


def _first_act(tagged: list[Token]) -> Token | None:
    """The first predicate after a counted noun's first word, past a word
    that joins two nouns (网站和APP改造: 改造, not 和) and a verb that heads a
    noun after one (:data:`_NOUN_LIKE_VERBS`: 微短剧应用), or ``None``."""
    for i, token in enumerate(tagged):
        joins = (
            token.word in _JOINING
            and i + 1 < len(tagged)
            and tagged[i + 1].tag.startswith(("n", "eng", "j"))
        )
        # 中国微短剧应用, 不良手机应用进行了下架处理: 应用 after a noun, ending the phrase
        # or before a predicate, heads it (apps); 智能体应用了商业组件 applied them
        nxt = tagged[i + 1] if i + 1 < len(tagged) else None
        named = (
            token.word in _NOUN_LIKE_VERBS
            and i > 0
            and tagged[i - 1].tag.startswith(("n", "vn", "j"))
            and (nxt is None or (_is_predicate(nxt) and nxt.tag not in {"ul", "uz", "ug"}))
        )
        # 数字经济规模 | 突破 | 1 万亿元: a verbal noun before a number is its predicate
        # (not 服务 | 点, which jieba tags a numeral)
        bounded = (
            token.tag == "vn"
            and nxt is not None
            and (nxt.word[:1].isdigit() or nxt.word[:1] in "一二三四五六七八九十两百千万")
        )
        if token.start > 0 and (_is_predicate(token) or bounded) and not joins and not named:
            return token
    return None


#: The world and the nation, which are where a group is, not a group.
_WORLD_AND_NATION = frozenset({*_NATION, *_WORLD, "国内", "国外", "海外"})
#: Nouns that name people (a bare number before them counts persons).
_PEOPLE_END_RE = re.compile(r"(?:网民|用户|居民|群众|农民|学生|职工|老年人|乘客|患者)$")
#: The end of an inclusive list (包括 A、B 在内的 …): its items are examples.
_INCLUDED_RE = re.compile(r"在内的")
#: Words that say where or how an act is done, right before it (现场签订, 线上签约).
_WHERE_DONE = frozenset({"现场", "当场", "线上", "线下", "网上", "在线", "集中", "统一"})
#: A manner and an act in one word (数字化转型, 智能化改造).
_MANNER_ACT_RE = re.compile(r"^[\u4e00-\u9fff]{1,3}化(?:转型|改造|升级)$")


def _manner_of_act(tagged: list[Token], cut: int) -> Token | None:
    """The …化 word (信息化, 数字化, 智能化) that opens a counted phrase's act, or
    ``None``: right after the noun counted and right before a verb (or a verbal
    noun that ends the phrase: 转型, 改造), it says how the act is done, not
    what is counted (农机 | 信息化改造, not 农机信息化 | 改造); so does a word of
    where or how (:data:`_WHERE_DONE`: 学员 | 现场签订, not 学员现场 | 签订)."""
    for i, token in enumerate(tagged):
        if i > 0 and _MANNER_ACT_RE.match(token.word) and tagged[i - 1].tag.startswith("n"):
            return token  # 企业 | 数字化转型: one word, the manner and the act
        if i > 0 and token.word in _WHERE_DONE and token.end == cut:
            return token  # 40 名优秀学员 | 现场签订就业协议: where the act was done
        if i == 0 or not token.word.endswith("化") or len(token.word) < 3:
            continue
        nxt = tagged[i + 1] if i + 1 < len(tagged) else None
        if nxt is None or not tagged[i - 1].tag.startswith(("n", "j", "eng")):
            continue
        acts = nxt.start == cut or (nxt.tag == "vn" and nxt.end == tagged[-1].end)
        if acts and nxt.tag.startswith("v"):
            return token
    return None


def _is_body(name: str, ctx: SubjectContext) -> bool:
    """Whether ``name`` is an organisation, curated or by its structure
    (国家能源局 before 组织 …): a body's act, not a manner of acting."""
    return bool(name) and (ctx.is_org(name) or is_org_name(name))


#: The number that opens a list's next item (its classifier: :data:`_CLASSIFIER_RE`).
_ITEM_NUMBER_RE = re.compile(r"^\s*(?:[\d.]+|[一二三四五六七八九十两百千]+)\s*[万亿]?")


def _shared_predicate(item: str, joiner: str, rest: str, ctx: SubjectContext) -> str:
    """The predicate a joint list of counts ends in, which its earlier items
    share when they end in their noun: 12 家 | 企业与 40 名优秀学员现场签订就业
    协议 -> 现场签订就业协议 (企业 signed too). ``joiner`` is what
    :data:`_NEXT_ITEM_RE` found between ``item`` and ``rest``. Only a list joined
    by 与, 和, 及 or 、 (after a comma a clause of its own may follow), only an
    item of nouns, and only a predicate of four characters or more after the
    last item's noun (村级电商服务点: no predicate, a compound's head); ""
    otherwise."""
    if joiner.strip() in ("，", ","):
        return ""
    words = ctx.segmenter.tagged(item)
    if not words or not all(w.tag.startswith(("n", "j", "eng", "b", "a")) for w in words):
        return ""
    last = _NEXT_ITEM_RE.split(rest)[-1]
    number = _ITEM_NUMBER_RE.match(last)
    last = last[number.end() :] if number else last
    if classifier := _CLASSIFIER_RE.match(last):
        last = last[classifier.end() :]
    words = ctx.segmenter.tagged(last)
    act = _first_act(words)
    if act is None or act.start < 2 or len(last) - act.start < 4:
        return ""
    start = act.start
    where = next((w for w in words if w.end == start and w.word in _WHERE_DONE), None)
    start = where.start if where is not None else start  # 现场签订: where it was done, too
    if "的" in last[start:]:
        return ""  # 117 个区县自然资源行政审批事项的三级联办: a noun phrase, no predicate
    return last[start:].strip(" 。；;，,")


def counted_noun(
    after: str, verb: str, q: Quantity, ctx: SubjectContext, *, coverb: str = ""
) -> str:
    """The subject of a counting expression, from the words after the number
    (and the verbs before it): 302 款 | 生成式人工智能服务 | 在国家网信办完成备案
    -> 在国家网信办完成备案的生成式人工智能服务数量; 下架 | 172 款 | 侵害用户
    权益的 APP -> 下架的侵害用户权益的APP数量; 对 | 11159 家 | 网站平台予以约谈 ->
    约谈的网站平台数量.

    :param after: the clause after the number (classifier included).
    :param verb: the meaningful verbs before the number ("" when none).
    :param q: the figure (its unit decides 数量 or 人数).
    :param coverb: the preposition right before the number, which the lead
        drops (对, 向, 为, 给; "" when none): with an act after the noun
        (对 … 予以约谈, 实施处罚, 开展检查), the noun is what the act was done
        to; after 为/向/给 it is who received the act (为 200 多个矿井提供技术
        服务 -> 技术服务的矿井数量; 发放补贴 -> 获得补贴的…), and no label is made
        for an act with no converse (向 3.9 万家企业实时开放…: not firms that
        opened it).
    :return: the label, or "" when the words after the number name no noun.
    """
    if verb.rstrip().endswith("被"):
        return ""  # 服务接口累计被 11 个国务院部门和 32 个地方使用: agents, whose act follows
    if _INCLUDED_RE.search(after):
        return ""  # 包括…、10 余艘自主航行船舶在内的系列成果: examples of a whole, no count
    after = _MARKER_RE.sub("", after)
    classifier = _CLASSIFIER_RE.match(after)
    if classifier and after[classifier.end() - 1 : classifier.end() + 1] in CLASSIFIER_LED_WORDS:
        classifier = None  # 400 万 | 家庭农场: 家 opens the noun and counts nothing
    elif classifier and classifier.group().strip():
        # 253 家 | 人力资源服务机构: 人 opens a word (人力资源), no classifier
        first = next(iter(ctx.segmenter.tokens(after.lstrip())), None)
        if first is not None and len(first.word) > len(classifier.group().strip()):
            classifier = None
    # the classifier after the number, or the one the figure's text ends in (40家)
    counted_by = (classifier.group().strip(" 多余") if classifier else "") or q.text.strip()[-1:]
    after = (after[classifier.end() :] if classifier else after).strip(" 。；;，,")
    if (joint := _NEXT_ITEM_RE.search(after)) is not None:
        # 459 个渠道、62 项全国服务: one item (with the predicate the list shares)
        item, rest = after[: joint.start()], after[joint.end() :]
        after = item + _shared_predicate(item, joint.group(), rest, ctx)
    after = _SUMMED_UP_RE.sub("", after)  # …农村供水工程等各类水利对象基础信息: the last item
    if not after:
        return ""
    population, of, _ = after.partition("的")
    if of and q.unit in (None, "person") and ctx.is_indicator(f"{population}规模"):
        # 精准满足 | 11 亿多 | 网民的个性化需求: the number counts the netizens (a
        # curated population) in passing, whose needs follow; all of them or which
        # part, the phrase does not say — no figure (the population's own sentence
        # states it)
        return ""
    after = re.sub(r"(?:中|里|之中|当中|方面)$", "", after)
    disposal = _DISPOSAL_RE.match(after) if coverb == "对" or verb.rstrip().endswith("对") else None
    if disposal:
        # 对 | 11159 家 | 网站平台予以约谈 -> 约谈的网站平台数量: 对 brings forward what
        # the act (予以, 实施 …) is done to
        actor = _drop_adverbs(re.sub(r"(?:依法依规|依法|依规)?\s*对\s*$", "", verb), ctx)
        actor = re.sub(r"(?:累计|共计|共|已经|已)$", "", actor)  # 税务部门共对: 共 says how many
        if disposal["act_of"]:  # 完成对 | 302 款 | 服务的备案工作 -> 完成备案的服务
            done = re.search(r"(?:完成|开展)$", actor)
            actor = actor[: done.start()] if done else actor
            act = (done.group() if done else "") + disposal["act_of"]
            noun = disposal["noun_of"]
        else:  # 予以约谈 -> 约谈; 实施处罚 stays
            act, noun = (disposal["verb"] or "") + disposal["act"], disposal["noun"]
        label = f"{actor}{act}的{_balanced(noun)}"
        return display_form(label) + ("人数" if q.unit == "person" else "数量")
    tagged = ctx.segmenter.tagged(after)
    if coverb in _RECIPIENT_COVERBS:
        # 为 | 200 多个 | 矿井提供技术服务: the things counted received the act
        got = _first_act(tagged)
        if got is not None and got.word not in _CONVERSE_VERBS:
            return ""  # 向 | 3.9 万家 | 企业实时开放…: who received it, a label cannot say
        if got is not None:  # (为 | 12 家 | 企业: no act after the noun, read as any count)
            thing = after[got.end :].strip()
            if (other := _OWN_FIGURE_RE.search(thing)) is not None:
                thing = thing[: other.start()]  # 提供服务超 1.5 亿单: the act's own figure
            noun = after[: got.start].strip()
            if not thing or not noun:
                return ""
            if got.word == "提供" and _SERVICE_END_RE.search(thing):
                # 提供技术服务 -> 技术服务的矿井: the service is the act done to them
                act = thing
            else:
                act = f"{_CONVERSE_VERBS[got.word]}{thing}"  # 发放补贴 -> 获得补贴的
            label = f"{_balanced(act)}的{_balanced(noun)}"
            return display_form(label) + ("人数" if q.unit == "person" else "数量")
    quoted = len(tagged) > 1 and tagged[0].word == "“"
    coded = re.match(r"\d+[A-Za-z]", after)  # 142.5 万个 | 5G 基站: a code opens a noun
    if not tagged or (tagged[0].tag in {"m", "q", "x", "uj", "ul"} and not quoted and not coded):
        return ""  # (a quoted name opens a noun: 3 个“千兆城市”)
    suffix = "人数" if q.unit == "person" else "数量"
    if q.unit == "person" and _is_predicate(tagged[0]):
        # 3.31 亿人 | 表示自己听说过生成式人工智能产品 -> …的人数
        return display_form(_balanced(after)) + "的人数"
    # a noun phrase, possibly with a 的-modifier, then a predicate
    de = after.find("的")
    act = _first_act(tagged)
    cut = act.start if act is not None else len(after)
    manner = _manner_of_act(tagged, cut)
    if de < 0 and manner is not None:
        # 30 万套 | 农机信息化改造, 200 个 | 小区智能化改造, 1000 家 | 企业数字化转型:
        # a …化 word before the act says how it is done, with it (信息化改造)
        act, cut = manner, manner.start
    opened = after.rfind("“", 0, cut)
    if opened > after.rfind("”", 0, cut):
        cut = opened  # 便民服务“就近办”: a quoted predicate stays whole
    elif cut == len(after) and after.endswith("”") and after.rfind("“") > 0:
        cut = after.rfind("“")  # 事项“无感智办”: a quoted slogan after the noun says what
    elif after[:cut].startswith("“") and after[:cut].rstrip().endswith("”"):
        cut = len(after)  # “5G+工业互联网”示范工厂: a quoted name modifies the noun after it
    if de < 0 and len(after) - cut <= 4 and tagged[-1].tag.startswith(("n", "eng", "j")):
        # 9 个 | 农业物联网示范省, 188 个 | 数据溯源事项: a verb and a short head (示范 |
        # 省, 溯源 | 事项) are a compound noun's end, not a predicate and its object
        # (高校 | 设立 | 网络安全学院)
        cut = len(after)
    inner = next((tok for tok in tagged if tok.start == cut), None)
    if de < 0 and inner is not None and inner.tag == "v" and inner.word in _COMPOUND_VERBS:
        # 4 个 | 新型互联网交换中心试点 (已启动): a verb that names a function (交换
        # exchange) with nouns after it is part of the kind of thing counted, to
        # the next predicate; another (开设, 设立) is the clause's
        end = next(
            (tok.start for tok in tagged if tok.start > cut and not _NOMINAL_RE.match(tok.tag)),
            len(after),
        )
        if end > inner.end and end - cut <= 10:
            cut = end
    if de >= 0 and (de < cut or _is_predicate(tagged[0])):
        head = ctx.segmenter.tagged(after[de + 1 :])
        end = next((t.start for t in head if _is_predicate(t)), len(after) - de - 1)
        noun = after[: de + 1 + end].strip()
        rest = ""
    elif _is_predicate(tagged[0]) and not (
        # 13 条 | 快递物流配送线路: a classifier counts a noun, which a word jieba tags a
        # verb (快递 express) may open; the phrase ends the clause in its head noun
        (classifier or (counted_by and _CLASSIFIER_RE.fullmatch(counted_by)))
        and de < 0
        and len(after) <= 10
        # 27.9 万件 | 投诉: one word alone after a classifier is the noun it counts
        and (tagged[-1].tag.startswith(("n", "j")) or len(tagged) == 1)
        and tagged[0].tag != "p"
    ):
        return ""
    elif _is_predicate(tagged[0]):
        noun, rest = after, ""
    else:
        noun, rest = after[:cut].strip(), after[cut:].strip()
        if rest and all(t.tag in {"a", "b"} for t in tagged if t.end <= cut):
            # 1 万多项 | 高频应用标准化服务: a modifier alone is no noun; the verb after it
            # (应用) opens a compound, not a predicate
            noun, rest = after.strip(), ""
        elif (
            rest
            and (held := [t for t in tagged if t.end <= cut])
            and all(t.tag in _NO_HEAD_TAGS for t in held)
        ):
            # 2.6 万家 | 境内外参展企业实现了…: a place word or a determiner (境内外, 各类)
            # heads no noun; the verb after it and the nouns it takes (参展企业) are the
            # noun counted, up to the next predicate (a noun before the place word heads
            # one: 129 个 | 水运口岸 | 推行边检登轮码)
            nominal = [t for t in tagged if t.start > cut]
            end = next((t.start for t in nominal if not _NOMINAL_RE.match(t.tag)), len(after))
            if nominal and nominal[0].start == act.end and _NOMINAL_RE.match(nominal[0].tag):
                noun, rest = after[:end].strip(), after[end:].strip()
        heads = ctx.segmenter.tokens(noun)
        acts = ctx.segmenter.tagged(noun)
        counted = _COUNTED_HEADS.get(counted_by, ())
        # 140 个 | 算力中心 | 绿色低碳等级达到 4A 级以上: a compound whose second word
        # is a head the classifier counts (中心) is the noun, like a head alone
        two = int(len(heads) > 2 and heads[0].word not in counted and heads[1].word in counted)
        if (
            # (300 个 | 城市 | 启动千兆…建设: a verbal noun after the head, 启动/vn, acts)
            (rest or (len(acts) > 2 and acts[1].tag in {"v", "vn"} and len(acts[1].word) == 2))
            and len(heads) > 1 + two
            # (算力中心, one word: it ends in the head)
            and (heads[two].word in counted or (not two and heads[0].word.endswith(counted)))
            and heads[1 + two].word not in _JOINING  # (网站和APP改造: both are counted)
        ):
            # 59 家 | 企业 | 核心技术人员占比过半: the classifier counts the first noun,
            # what follows says which (核心技术人员占比过半的企业)
            noun, rest = noun[: heads[two].end], f"{noun[heads[two].end :]}{rest}"
            aside = _ASIDE_AT_START_RE.match(rest)
            if aside:  # 20 个城市（联合体）为…: the aside is the counted noun's
                noun, rest = noun + aside.group(), rest[aside.end() :]
    # 12.3 万座水文测站等数据: a list's last item, then the word that sums it up
    noun = _SUMMED_UP_RE.sub("", _balanced(noun)).strip(" 的")
    manner = _MANNER_END_RE.search(noun)
    if manner and rest:  # 24 万名 | 纪检监察干部全面使用: how they use it, not who
        noun, rest = noun[: manner.start()], manner.group() + rest
    if not noun:
        return ""
    verb = _NATIONWIDE_RE.sub("", _drop_adverbs(verb, ctx))  # 在全国部署 -> 部署
    rest = _EACH_ADVERB_RE.sub("", rest)  # 31 个省（区、市）均已开通…: each did, said once
    if (other := _OWN_FIGURE_RE.search(rest)) and not rest.rstrip().endswith("的"):
        # 为 1543 万名老年乘客 | 提供服务超 1.5 亿单: a figure of the act's own, no
        # category of the people counted
        rest = rest[: other.start()]
    bare_noun = _ASIDE_AT_END_RE.sub("", noun)
    if rest.startswith("为") and len(bare_noun) >= 2 and rest.endswith(bare_noun):
        # (确定) 20 个 | 城市（联合体）为…应用试点城市: they are what they were made,
        # counted as such (…应用试点城市（联合体）数量)
        aside = noun[len(bare_noun) :]
        return display_form(_balanced(rest[1:] + aside)) + suffix
    if (verb in _LIGHT_VERBS or verb in _EXISTENTIAL_VERBS) and not rest.startswith("为"):
        verb = ""  # (确定 20 个城市为…试点城市: the verb that makes them so stays)
    elif not rest and (owns := _OWNING_END_RE.search(verb)) and owns.start() > 0:
        # 生意助手已经拥有 | 4.5 万 | 用户: the owner's users, 拥有 adds nothing
        verb = verb[: owns.start()]
    joint = _JOINT_END_RE.search(verb)
    pivot = _PIVOT_END_RE.search(verb)
    if joint and rest and joint.start() > 0:
        # 京东联合 | 20 多个 | 省市级政府给予消费者补贴加码: they acted with 京东
        verb = f"{joint.group()}{verb[: joint.start()]}"  # 联合京东给予…的省市级政府
    elif (
        pivot
        and rest
        and _is_predicate(ctx.segmenter.tagged(rest)[0])
        and not _is_body(verb[: pivot.start()], ctx)
    ):
        # “点线面”结合分类梯次推进 | 3 万家 | 中小企业开展数字化改造: the firms act,
        # the pivot verb says they were brought to; the manner before it is no
        # name (国家能源局组织 | 676 个县…: a body's, kept)
        verb = pivot.group()
    elif q.unit == "person_time" and not verb and rest and len(ctx.segmenter.tokens(rest)) == 1:
        # 已完成 | 204.7 万人次 | 医保结算: the act is what is counted, in person-times
        return display_form(f"{noun}{rest}")
    relative = f"{verb}{rest}".strip()
    label = f"{relative}的{noun}" if relative else noun
    if q.unit is None and _PEOPLE_END_RE.search(noun):
        suffix = "人数"  # 1.16 亿 | 网民参与过…: a bare number of people counts persons
    return display_form(label) + suffix


def _fares(token: Token) -> bool:
    """Whether ``token`` says how the noun phrase before it fares: a predicate,
    an adjective or a trend word (明显, 较高, 持续扩大) — where a topic's measure
    or a clause's noun phrase ends."""
    return bool(
        _is_predicate(token) or token.tag in {"a", "ad"} or _TREND_WORD_RE.search(token.word)
    )


def topic_of(clause: str, ctx: SubjectContext) -> str:
    """The measure a clause without a figure names as its topic: 网民规模持续
    扩大 -> 网民规模, so that 达 11.08 亿人 in the next clause measures it;
    "" when it names none.

    >>> from cikg.reference import load_reference
    >>> ctx = default_context(load_reference())
    >>> topic_of("我国网民规模持续扩大", ctx)
    '网民规模'
    >>> topic_of("大专及以上学历网民对生成式人工智能产品的使用率明显较高", ctx)
    '大专及以上学历网民对生成式人工智能产品的使用率'
    """
    subject, _ = clean_lead(clause, ctx)
    tagged = ctx.segmenter.tagged(subject)
    cut = next(
        (
            t.start
            for t in tagged
            if t.start > 0
            and not _MEASURE_END_RE.search(t.word)
            and t.tag != "c"
            and (_fares(t) or t.word.startswith("最"))
        ),
        len(subject),
    )
    at = next((t for t in tagged if t.start == cut), None)
    if at is not None and at.tag == "p":
        # 网民在百度移动端政务服务搜索次数最多: the measure ends before 最, the
        # preposition's phrase says where it was counted; 大专及以上学历网民对生成式
        # 人工智能产品的使用率明显较高: what the rate is of, before how it fares
        most = subject.find("最", cut)  # (jieba may join 数最多 into one word)
        fares = next((t.start for t in tagged if t.start > cut and _fares(t)), -1)
        for end in (most, fares):
            if end > 0 and _MEASURE_END_RE.search(subject[:end]):
                cut = end
                break
    subject = subject[:cut].strip(" 的")
    if subject and (ctx.is_indicator(subject) or _MEASURE_END_RE.search(subject)):
        return subject
    return ""


def noun_phrase_of(clause: str, ctx: SubjectContext) -> str:
    """The noun phrase a clause without a figure names, cut before its
    predicate: 学生最多 -> 学生; 其次是网上办事栏目 -> 网上办事栏目.

    >>> from cikg.reference import load_reference
    >>> noun_phrase_of("其次是个体户/自由职业者", default_context(load_reference()))
    '个体户/自由职业者'
    """
    subject, _ = clean_lead(clause, ctx)
    tagged = ctx.segmenter.tagged(subject)
    cut = next(
        (
            t.start
            for t in tagged
            if t.start > 0 and t.tag != "c" and (_fares(t) or t.word.startswith("最"))
        ),
        len(subject),
    )
    phrase = subject[:cut].strip(" 的")
    if phrase in _LEAD_WORDS or (tagged and tagged[0].tag == "m"):
        return ""  # (分别排名全球第一、二和四位: a rank's numerals, no noun phrase)
    return phrase if 0 < len(phrase) <= _MAX_SUBJECT // 2 else ""


#: A platform, website, system, named feature or programme that opens a clause and
#: does what follows: 12309中国检察网公开法律文书…, “就业在线”平台累计发布…, 检察业务应用
#: 系统2.0受理…, 国家政务服务平台总访问人数…, “一键叫车”功能已在…. 网 is a head only as a website's
#: (not 网络, 网民, 网站, 网信办, 网安, 网易 …).
PLATFORM_ACTOR_RE = re.compile(
    # (a quoted name ending in its kind: “慕课西部行计划”自 2013 年启动以来…)
    r"^\s*(?P<actor>[“\"][^”\"]{1,12}?(?:平台|系统|计划|工程)[”\"](?!\s*[\u4e00-\u9fff]{0,16}?"
    r"(?:平台|系统|客户端|小程序|APP|App|app|计划|工程))|"
    r"(?:[“\"][^”\"]{1,12}[”\"][0-9A-Za-z\u4e00-\u9fff·]{0,16}?"
    r"|[0-9A-Za-z\u4e00-\u9fff·]{2,24}?)"
    r"(?:平台|系统|客户端|小程序|功能|APP|App|app|网(?![络民站页购约上点红格关店信安易])|计划|工程)"
    r"(?:\s*\d+(?:\.\d+)?)?)"
)


#: A time inside a would-be platform's name (中国电信上半年固网): no platform.
_TIME_INSIDE_RE = re.compile(
    r"上半年|下半年|全年|今年|去年|前三季度|[一二三四1-4]季度|\d{1,2}\s*月"
)


def platform_actor(clause: str) -> str:
    """The platform, website, system or programme a clause opens with, or "".

    >>> platform_actor("12309中国检察网公开法律文书720万余份")
    '12309中国检察网'
    >>> platform_actor("“就业在线”平台累计发布岗位信息超过1639万条")
    '“就业在线”平台'
    >>> platform_actor("“慕课西部行计划”自2013年启动以来已为西部高校提供了二十余万门慕课")
    '“慕课西部行计划”'
    >>> platform_actor("网络购物用户规模达 9.74 亿人"), platform_actor("电子商务平台联合发放")
    ('', '')
    >>> platform_actor("国家网信办部署开展"), platform_actor("全国网信系统关闭违法网站")
    ('', '全国网信系统')
    """
    m = PLATFORM_ACTOR_RE.match(clause)
    if not m:
        return ""
    actor = m.group("actor").strip()
    if _TIME_INSIDE_RE.search(actor) or _COUNT_LED_RE.match(re.sub(r"^全[国省市区县]", "", actor)):
        # 中国电信上半年固网: a company, a time and its fixed network; 11 家平台, 全市
        # 4 家…平台: a count of platforms, not one
        return ""
    # a named one: quoted, with a number or Latin letters, or the nation's
    # (国家政务服务平台); 电子商务平台 or 工业互联网平台 is a kind, not an actor
    if re.search(r"[“\"0-9A-Za-z]", actor) or actor.startswith(("国家", "中国", "全国")):
        return actor
    return ""


#: Verbs that open a programme's sentence (推行…，已在 26 个地区试点): their object
#: is what the sentence is about.
_PROGRAMME_VERBS = frozenset({"推行", "推广", "推进", "实施", "开展", "启动", "上线", "开通"})


#: A quality a body has, at the end of a clause's subject (影响力, 竞争力 …).
_QUALITY_END_RE = re.compile(r"(?:影响力|竞争力|号召力|知名度|创新能力|综合实力|实力|地位)$")


def actor_of(clause: str, ctx: SubjectContext) -> str:
    """Who or what a sentence is about, named before its first verb: 北斗三号
    全球卫星导航系统建成运行 -> 北斗三号全球卫星导航系统; "" when its first
    clause opens with a time, an area or a measure (网民规模达 …).

    >>> from cikg.reference import load_reference
    >>> ctx = default_context(load_reference())
    >>> actor_of("中国公共招聘网累计发布岗位数量 45869 万条", ctx)
    '中国公共招聘网'
    >>> actor_of("国家网信办部署开展“饭圈”乱象整治、用户账号运营乱象整治等 15 项专项行动", ctx)
    '国家网信办'
    >>> actor_of("开放原子开源基金会影响力不断提升", ctx), actor_of("数字贸易竞争力不断增强", ctx)
    ('开放原子开源基金会', '数字贸易竞争力')
    """
    subject, _ = clean_lead(clause, ctx, light_verbs=False, areas=False)
    listed = clause.find("、")
    if subject and 0 < listed < clause.find(subject[:4]):
        # 国家网信办部署开展“饭圈”乱象整治、…、用户账号运营乱象整治等 15 项…: the lead
        # keeps the list's last item; who acts is before the verb the list follows
        before = clause[:listed]
        if any(t.start > 0 and t.tag == "v" for t in ctx.segmenter.tagged(before)):
            return actor_of(before, ctx)
    tagged = ctx.segmenter.tagged(subject)
    if tagged and tagged[0].tag == "v":
        # 推行跨省异地电子缴税，已在 26 个地区试点…: what a programme verb opens is
        # what the sentence is about; another verb's clause names no actor
        rest = subject[len(tagged[0].word) :].strip()
        programme = tagged[0].word in _PROGRAMME_VERBS and rest == clause.strip()[-len(rest) :]
        if programme and len(rest) >= 4 and not any(c.isdigit() for c in rest):
            return rest
        return ""
    cut = next(
        (
            t.start
            for t in tagged
            if t.start > 0
            and (
                _is_predicate(t) or t.tag in {"vn", "x", "t"} or t.word.isdigit()
            )  # 中国电信 | 上半年: a time word ends the name
        ),
        len(subject),
    )
    actor = subject[:cut].strip(" 的")
    quality = _QUALITY_END_RE.search(actor)
    if quality and is_org_name(actor[: quality.start()]):
        # 开放原子开源基金会影响力不断提升，…孵化项目 30 余项: the body whose standing
        # grows is who acts, not its standing
        actor = actor[: quality.start()]
    if len(actor) < 2 or names_measure(actor) or any(c.isdigit() for c in actor):
        return ""
    rest = actor
    while rest and (found := _leading_area(rest, ctx)) is not None:
        rest = rest[found[1] :]
    if not rest or ctx.region_of(actor) is not None or actor in (*_NATION, *_WORLD):
        return ""  # an area is no actor (梅州全市)
    head = ctx.segmenter.tagged(actor)
    if not head or not head[-1].tag.startswith(("n", "j", "eng", "l")):
        return ""
    return actor


def percent_of(after: str, ctx: SubjectContext) -> tuple[str, str] | None:
    """The group and what it does in ``N% 的 GROUP VP`` (26.4%的网民在线购买
    过药品: (网民, 在线购买过药品)), read from the words after the number;
    ``None`` when they are not of that shape.

    >>> from cikg.reference import load_reference
    >>> percent_of("的网民对公交地铁扫码服务感到满意", default_context(load_reference()))
    ('网民', '对公交地铁扫码服务感到满意')
    >>> percent_of("的网民在线购买过药品", default_context(load_reference()))
    ('网民', '在线购买过药品')
    >>> percent_of("的地级市、69%的县建立区域全民健康信息平台", default_context(load_reference()))
    ('地级市', '建立区域全民健康信息平台')
    """
    after = _MARKER_RE.sub("", after).strip()
    if not after.startswith("的"):
        return None
    rest = after[1:]
    listed = LISTED_GROUP_RE.match(rest)
    if listed:
        # 100%的省份、84%的地级市、69%的县建立区域全民健康信息平台: each group does
        # what the last one does
        last = list(_PERCENT_OF_RE.finditer(rest))[-1]
        found = percent_of(rest[last.end() - 1 :], ctx)
        return (listed["group"], found[1]) if found else None
    tagged = ctx.segmenter.tagged(rest)
    # a verb inside brackets (中小学（含教学点）实现网络接入) glosses the group
    cut = next(
        (
            t.start
            for t in tagged
            if t.start > 0
            and _is_predicate(t)
            and rest[: t.start].count("（") == rest[: t.start].count("）")
        ),
        None,
    )
    if cut is None:
        return None
    # 网民在线购买过药品: 在线 (how) opens what the group does, not the group
    while (last := next((t for t in tagged if t.end == cut), None)) is not None:
        if last.start == 0 or last.tag not in _HOW_TAGS:
            break
        cut = last.start
    group = rest[:cut].strip()
    # (县: jieba tags the single character zg)
    if not group or not tagged[0].tag.startswith(("n", "r", "j", "b", "a", "eng", "zg")):
        return None
    if group in _WORLD_AND_NATION or ctx.region_of(group):
        return None  # 49%的全球已存储数据将驻留…: a place is no group; its noun is past a verb
    return group, rest[cut:].strip(" 。；;")


#: A group in a list of shares of groups (的省份、84%的地级市…), and each share's start.
LISTED_GROUP_RE = re.compile(r"^(?P<group>[^、，,；;%\d]{1,12})、\s*\d+(?:\.\d+)?\s*%的")
_PERCENT_OF_RE = re.compile(r"\d+(?:\.\d+)?\s*%的")
#: Tags of the words that say how or where a group acts (在线, 网上, 经常).
_HOW_TAGS = frozenset({"b", "s", "d", "ad"})


#: A survey of a population (通过对遭遇网络诈骗网民的进一步调查发现): the shares
#: after it are of that population.
_SURVEYED_RE = re.compile(
    r"^(?:通过|经)?对(?P<base>[^，,；;]{2,20}?)的?(?:进一步|专项|抽样)?(?:调查|调研)"
    r"(?:发现|显示|表明)?$"
)


#: A survey of a sample counted in the clause itself: who surveyed (optional),
#: 对, the sample's size, the population, 的 and what was surveyed, then 调查 or
#: 调研 (宝安区对 300 家制造业企业的工业互联网应用成熟度调查).
_SAMPLED_SURVEY_RE = re.compile(
    r"^(?:[^，,；;对]{1,16}?)?(?:通过|经)?对\s*(?:约|近|超过|超)?\s*\d+(?:\.\d+)?\s*[万]?\s*"
    r"(?:家|名|位|个|户|所|人)(?P<base>[^，,；;\d的]{2,16})(?:的[^，,；;\d]{0,16}?)?"
    r"(?:进一步|专项|抽样)?(?:调查|调研|问卷调查)(?:结果)?(?:发现|显示|表明)?$"
)


def sampled_survey(clause: str, ctx: SubjectContext) -> str:
    """The population surveyed, when ``clause`` says a sample of a given size
    of it was surveyed: 宝安区对 300 家制造业企业的工业互联网应用成熟度调查 ->
    受调查制造业企业 (the 300 is the sample's size, no measurement; the figures
    after it are of the firms surveyed, not of all of them); "" for none.

    >>> from cikg.reference import load_reference
    >>> ctx = default_context(load_reference())
    >>> sampled_survey("宝安区对 300 家制造业企业的工业互联网应用成熟度调查", ctx)
    '受调查制造业企业'
    >>> sampled_survey("对 300 家企业进行了走访", ctx)
    ''
    """
    text = strip_periods(_MARKER_RE.sub("", clause)).strip(" ，,：:")
    m = _SAMPLED_SURVEY_RE.match(text)
    if m is None:
        return ""
    base = clean_lead(display_form(m["base"]), ctx)[0]
    return f"受调查{base}" if base else ""


#: A span of time written as a frame (过去 10 年中, 近五年中, 这一时期中).
_SPAN_FRAME_RE = re.compile(
    r"^(?:过去|近|最近|此前|这|此|该|同)?\s*(?:[\d一二三四五六七八九十两几]+\s*)?(?:年|个月|月|时期|阶段|期间)$"
)


#: 在 X 中 (of a population), 在 X 站内/平台上 (of a platform's users): the base
#: of the shares after it.
_FRAME_RE = re.compile(
    r"^(?:在|从)?(?P<base>[^，,；;]{2,20}?)(?:当中|之中|中|站内|平台上|平台内|(?i:app)内)$"
)


def frame_of(clause: str, ctx: SubjectContext) -> str:
    """The population a clause sets as the base of the shares after it:
    新增网民中 -> 新增网民; 在参与调查的网民中 -> 参与调查的网民; 通过对遭遇
    网络诈骗网民的进一步调查发现 -> 遭遇网络诈骗网民; "" for none.

    >>> from cikg.reference import load_reference
    >>> frame_of("在新增网民群体中", default_context(load_reference()))
    '新增网民群体'
    >>> frame_of("2020年上半年国内网络游戏市场销售总收入中", default_context(load_reference()))
    '国内网络游戏市场销售总收入'
    >>> frame_of("过去10年中", default_context(load_reference()))
    ''
    >>> frame_of("在小红书站内", default_context(load_reference()))
    '小红书'
    >>> frame_of("在全球活跃度排名前100的开源软件项目中", default_context(load_reference()))
    '全球活跃度排名前100的开源软件项目'
    """
    text = strip_periods(_MARKER_RE.sub("", clause)).strip()  # 2020 年上半年…中
    text = re.sub(r"^(?:截至|截止)(?:到)?\s*的?", "", text).strip()  # 截止 2021 年 6 月的…中
    m = _FRAME_RE.match(text) or _SURVEYED_RE.match(text)
    if m is None or _SPAN_FRAME_RE.match(m["base"]):
        return ""  # 过去 10 年中: a span of time, no population
    base, place = clean_lead(display_form(m["base"]), ctx)
    # 在全球活跃度排名前 100 的开源软件项目中: the world's, which a label must say
    # (a share of it is a country's, whose area the figure has)
    return f"{place}{base}" if base and place in _WORLD else base


def share_label(subject: str, whole: str, is_indicator: Callable[[str], bool]) -> str:
    """A share's label: 网络购物用户规模 占 网民整体 -> 网络购物网民使用率 when
    the curated scheme knows it, else 网络购物用户占网民整体的比例.

    >>> share_label("电商直播用户规模", "网民整体", lambda s: False)
    '电商直播用户占网民整体的比例'
    """
    subject = subject.removesuffix("数量")
    app = subject.removesuffix("用户规模").removesuffix("规模")
    if whole.startswith("网民"):
        for candidate in (f"{app}网民使用率", f"{app}使用率"):
            if is_indicator(candidate):
                return candidate
    if not whole:
        return f"{subject}占比"
    whole = whole.removesuffix("的").removesuffix("中")  # 占细分领域中的 20%: of the fields
    if subject.endswith("用户规模"):
        app += "用户"
    noun = "" if whole.endswith(("比例", "比重")) else "的比例"
    return f"{app}占{whole}{noun}"


_ITEM_SEP_RE = re.compile(r"、|以及|及|和|与")
_FIRST_ITEM_AFTER = ("使用", "通过", "关注", "应用于", "用于", "对", "在")
#: Tags of the words of a noun phrase (nouns, verbal nouns, names, attributes).
_NOMINAL_RE = re.compile(r"^(?:n|vn|j|b|eng)")
#: Verbs that name a function inside a compound noun (交换中心 exchange centre,
#: 配送线路 delivery routes, 溯源事项 items traced): jieba tags them verbs, but
#: after a classifier, with nouns after them, they name what is counted.
_COMPOUND_VERBS = frozenset(
    {"交换", "溯源", "配送", "示范", "监测", "交易", "支付", "存储", "计算", "识别", "检测",
     "认证", "孵化", "结算", "办税", "缴费", "审批", "登记", "快递", "物流", "查询", "预约"}
)  # fmt: skip
#: Verbs that, right after a noun in a counted phrase, are its head noun
#: (2 个 | 中国微短剧应用: apps, not dramas that were applied).
_NOUN_LIKE_VERBS = frozenset({"应用"})
#: Tags of words that head no noun: a place word or a determiner (境内外, 各类).
_NO_HEAD_TAGS = frozenset({"s", "f", "r"})
#: The measure words a list's last item may end in, shared by every item.
_ITEM_MEASURE_RE = re.compile(
    r"(?:用户规模|用户数量?|使用率|普及率|渗透率|覆盖率|占比|比例|比重|交易额|销售额|零售额|成交额|"
    r"营业额|出货量|营收|收入|规模)$"
)
_LAST_ITEM_BEFORE = ("上网", "的", "网民", "用户", "群体", "人群", "地区")
_ENUM_CLASSIFIER_RE = re.compile(r"^[一二三四五六七八九十两\d]+[省市区地个家类]+的?")


def _listed_regions(parts: list[str], last: str, ctx: SubjectContext) -> list[str] | None:
    """The regions a list names before its last one (``last``), each completed
    from the words the list shares, or ``None`` if one is no region:
    东部、中部、西部、东北地区 -> 东部地区, 中部地区, 西部地区; 中、西部和东北地区 ->
    中部地区, 西部地区 (a character standing for 中部, its 部 written once, by the
    next item).
    """
    kind = next((k for k in ("地区", "省", "市") if last.endswith(k)), "")
    named = []
    for part, following in zip(parts[:-1], [*parts[1:-1], last], strict=True):
        shared = following[len(part) : len(part) + 1] if len(part) == 1 else ""
        forms = (part, part + kind, part + shared, part + shared + kind)
        region = next((f for f in forms if f and ctx.region_of(f)), None)
        if region is None:
            return None
        named.append(region)
    return named


def enumerated_items(phrase: str, n: int, ctx: SubjectContext) -> tuple[list[str], str, str] | None:
    """Split an enumerating subject into ``n`` items, a prefix and a suffix:
    使用台式电脑、笔记本电脑、平板电脑和电视上网的比例 -> ([台式电脑, 笔记本电脑,
    平板电脑, 电视], "使用", "上网的比例"); ``None`` when it does not split
    into ``n``.

    >>> from cikg.reference import load_reference
    >>> enumerated_items("天猫和京东交易额", 2, default_context(load_reference()))
    (['天猫', '京东'], '', '交易额')
    >>> enumerated_items("美国、印度融资规模", 2, default_context(load_reference()))
    (['美国', '印度'], '', '融资规模')
    >>> enumerated_items("中、西部和东北地区数字产业收入", 3, default_context(load_reference()))
    (['中部地区', '西部地区', '东北地区'], '', '数字产业收入')
    >>> enumerated_items("移动互联网的下载和上传速度中位数", 2, default_context(load_reference()))
    (['下载', '上传'], '移动互联网的', '速度中位数')
    >>> ctx = default_context(load_reference())
    >>> enumerated_items("“618”电商年中大型促销中天猫和京东交易额", 2, ctx)
    (['天猫', '京东'], '“618”电商年中大型促销中', '交易额')
    """
    ages = find_age_ranges(phrase)
    if len(ages) == n:
        return [a.text for a in ages], phrase[: ages[0].start], phrase[ages[-1].end :]
    parts = [p for p in _ITEM_SEP_RE.split(phrase) if p]
    if len(parts) != n:
        return None
    first, last = parts[0], parts[-1]
    prefix = ""
    tokens = ctx.segmenter.tokens(first)
    starts = {tok.start for tok in tokens} | {len(first)}
    for word in _FIRST_ITEM_AFTER:
        i = first.find(word)
        # a word of its own (在 | 网络, not the 在 of 在线办公)
        if i >= 0 and i in starts and i + len(word) in starts:
            prefix, first = first[: i + len(word)], first[i + len(word) :]
            break
    frame = first.rfind("中")
    word = next((t.word for t in tokens if t.start == frame), "")
    if not prefix and frame > 1 and 2 <= len(first) - frame - 1 <= 4 and len(word) in (1, 2):
        # (城市中小企业: 中 opens a word of its own, 中小企业, no frame)
        # “618”电商年中大型促销中 | 天猫和京东交易额: the frame is every item's
        prefix, first = first[: frame + 1], first[frame + 1 :]
    shared = _common_ending(parts[:-1])
    cut = len(last)
    # 美国、印度融资规模: items that are regions end where the last region does
    region_end = next((i for i in range(len(last) - 1, 0, -1) if ctx.region_of(last[:i])), 0)
    regions = _listed_regions(parts, last[:region_end], ctx) if region_end else None
    if regions is not None:
        if not prefix:  # each item named whole (东部 -> 东部地区)
            parts = [*regions, last]
            first = parts[0]
        cut = region_end
    elif shared and shared in last:  # 日常工具类、电子商务类和生活服务类 App 数量: after 类
        cut = last.index(shared) + len(shared)
    else:
        for tok in ctx.segmenter.tokens(last):
            if tok.start > 0 and (
                tok.word in _LAST_ITEM_BEFORE
                or _ENUM_CLASSIFIER_RE.match(last[tok.start :])
                or _MEASURE_END_RE.search(tok.word)
            ):
                cut = tok.start
                break
        else:  # 农村和农产品网络零售额: one token; the longest curated measure ending it,
            # else the measure word (微博使用率, 二手电商用户规模: one curated token)
            measure = _ITEM_MEASURE_RE.search(last)
            cut = next(
                (i for i in range(1, len(last) - 1) if ctx.is_indicator(last[i:])),
                measure.start() if measure and measure.start() > 0 else len(last),
            )
    suffix = _ENUM_CLASSIFIER_RE.sub("", last[cut:]).lstrip("的 ")
    items = [first, *parts[1:-1], _TRAILING_COUNT_RE.sub("", last[:cut]).strip()]
    closed = _TRAILING_SO_ON_RE.search(items[-1])
    if closed and closed.start() > 0:
        items[-1] = items[-1][: closed.start()]
        if closed.group()[1:] in {"领域", "行业"}:
            # 公共服务、…、智慧家居等领域的规模: each item is a field (公共服务领域规模)
            suffix = closed.group()[1:] + suffix
    if not all(items) or not suffix:
        return None
    # 初中、高中/中专/技校学历的网民: the last item's head noun (学历) is the others' too
    tail = ctx.segmenter.tokens(items[-1])
    short = all(len(i) <= 4 for i in items[:-1])
    if not closed and len(tail) > 1 and len(tail[-1].word) >= 2 and short:
        head = tail[-1].word
        modifier = items[-1][: -len(head)]
        if (
            # (软件产业和互联网行业: the others end in a head of their own, 产业)
            not any(i.endswith(head[-1]) for i in items[:-1])
            # 智能制造、智慧交通、智慧公共事业: items with the last one's modifier
            # (智慧) are parallel, each with its own head
            and not any(i.startswith(modifier) for i in items[:-1])
            and ctx.segmenter.tagged(head)[-1].tag.startswith("n")
        ):
            items[-1] = items[-1][: -len(head)]
            suffix = f"{head}的{suffix}" if last[cut:].lstrip().startswith("的") else head + suffix
    # 互联网固定宽带下载和上传速度: the first item's modifier (互联网固定宽带) is the
    # others' too, when they are one word as long as the first item's last word
    others = {len(i) for i in items[1:]}
    if not prefix and len(others) == 1 and (size := others.pop()) >= 2:
        words = ctx.segmenter.tokens(items[0])
        if (
            len(words) > 1
            and len(words[-1].word) == size
            and all(len(ctx.segmenter.tokens(i)) == 1 for i in items[1:])
            and not ctx.region_of(items[0])
            # a modifier in Han words (QQ 空间、微博: one name, not QQ's 空间)
            and re.fullmatch(r"[\u4e00-\u9fff]{2,}的?", items[0][: words[-1].start])
        ):
            prefix, items[0] = items[0][: words[-1].start], words[-1].word
    return items, prefix, suffix


_TRAILING_COUNT_RE = re.compile(r"[一二三四五六七八九十两\d]+[省市区地个家类]+$")
#: 电商直播、短视频和网络购物等应用的用户规模: 等应用 closes the list, no item.
_TRAILING_SO_ON_RE = re.compile(r"等(?:应用|领域|行业|方面|平台|产品|服务|业务)?$")


def _common_ending(items: list[str]) -> str:
    """The ending the items share when there are at least two (类 of
    日常工具类、电子商务类), else ""."""
    if len(items) < 2:
        return ""
    end = 0
    while all(len(i) > end for i in items) and len({i[-end - 1] for i in items}) == 1:
        end += 1
    return items[0][-end:] if end else ""


def default_context(ref, segmenter: Segmenter | None = None) -> SubjectContext:  # type: ignore[no-untyped-def]
    """The context over a :class:`~cikg.reference.Reference`: the pipeline's
    (one per build, with its segmenter), the tests' and the tools'."""

    return SubjectContext(
        segmenter=segmenter or Segmenter.from_reference(ref),
        region_of=lambda name: name if ref.region(name) is not None else None,
        is_indicator=lambda label: ref.indicator(label) is not None,
        is_org=lambda name: ref.org(name) is not None,
        level_of=ref.region_level,
        ownerless=ref.ownerless_terms,
        canonical=lambda wording: canonical_wording(wording, ref.wording_rules),
    )
