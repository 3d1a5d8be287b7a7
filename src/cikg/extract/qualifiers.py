"""What a figure is besides its number: its qualifier, its status, and
whether it is a measurement at all.

**Qualifiers** (``cikg:valueQualifier``) are kept, not dropped and not made
values: 超/超过/逾/突破/多/余/以上 say *more than*, 及以上/不低于 *at least*,
约/大约/近/将近/接近/左右 *approximately*, 不足/不到/以下 *less than*,
及以下/不超过/以内 *at most*. The words are those
:func:`~cikg.extract.quantities.find_quantities` reads around a number.

**Status.** A figure someone expects (预计, 预测, 预期, 有望, 估计) is a
*forecast* (SDMX ``obsStatus`` F); a figure a plan sets (到 2025 年 … when
that year is after the document's, 力争, 确保, 争取, the goal …) is a
*target* — it needs a year to reach it by; anything else is an actual
value. The cues are whole words: 虚拟 holds 拟 and is no plan.

**Not measurements** (each is left out, with the reason as a finding):

- a *category bound*: a number that qualifies a noun through 的 (月收入在
  5000 元以上的网民, 主营业务收入 10 亿元以上的供应商, 超百亿美元市值的平台): the
  figure is the one stated for that category, not the bound;
- a *conversion*: a number after 约合/折合/合人民币, usually in brackets
  (75.89 亿美元（约合人民币 533.62 亿元）): the same figure in another unit;
- a *range bound* (6%-7%, 5 至 6 个): the range is not one figure.
"""

from __future__ import annotations

import re

__all__ = [
    "QUALIFIERS",
    "figure_status",
    "is_category_bound",
    "is_conversion",
    "qualifier_code",
]

#: Qualifier codes (``skos:notation`` of the concepts in ``id:scheme/value-qualifier``).
QUALIFIERS = ("approximately", "more_than", "at_least", "less_than", "at_most")

_QUALIFIER_CODES = {
    "超过": "more_than",
    "超出": "more_than",
    "超": "more_than",
    "逾": "more_than",
    "突破": "more_than",
    "多": "more_than",
    "余": "more_than",
    "以上": "more_than",
    "+": "more_than",
    "及以上": "at_least",
    "不低于": "at_least",
    "约": "approximately",
    "约为": "approximately",
    "大约": "approximately",
    "大约为": "approximately",
    "近": "approximately",
    "将近": "approximately",
    "接近": "approximately",
    "左右": "approximately",
    "不足": "less_than",
    "不到": "less_than",
    "以下": "less_than",
    "及以下": "at_most",
    "不超过": "at_most",
    "以内": "at_most",
}


def qualifier_code(word: str | None) -> str | None:
    """The qualifier code a qualifying word stands for, ``None`` for none.

    >>> qualifier_code("超过"), qualifier_code("左右"), qualifier_code("及以下")
    ('more_than', 'approximately', 'at_most')
    >>> qualifier_code(None) is None
    True
    """
    if word is None:
        return None
    return _QUALIFIER_CODES.get(word.strip(), "approximately")


_MARKERS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_CATEGORY_AFTER_RE = re.compile(
    rf"^[\s{_MARKERS}]*(?:以上|以下|及以上|及以下|以内|左右)?[\s{_MARKERS}]*"
    r"(?:[\u4e00-\u9fffA-Za-z]{0,4}?(?:市值|规模|营收|收入|资产|用户|粉丝|人口|速率|带宽|以上|以下))?"
    r"[\s]*的(?![确话])"
)


def is_category_bound(after: str) -> bool:
    """Whether a number followed by ``after`` bounds a category instead of
    being a figure: it modifies a noun through 的 (5000 元以上的网民, 10 亿元
    以上的企业, 百亿美元市值的平台, 1000Mbps 及以上接入速率的用户).

    :param after: the text right after the number (and its unit and
        qualifier), to the end of the clause.

    >>> is_category_bound("的网民群体占比为 24.2%")
    True
    >>> is_category_bound("市值的平台 23 家")
    True
    >>> is_category_bound("接入速率的固定互联网宽带接入用户达 2.09 亿户")
    True
    >>> is_category_bound("，同比增长 12%")
    False
    """
    return bool(_CATEGORY_AFTER_RE.match(after))


_CONVERSION_BEFORE_RE = re.compile(
    r"(?:约合|折合|合计?人民币|相当于人民币|折算为?)\s*(?:人民币)?\s*$|"
    # 10.1 亿美元（约 72.26 亿元人民币）: a bracket right after a foreign currency
    r"(?:美元|欧元|日元|英镑|港元|港币|韩元|卢布)\s*[（(]\s*(?:约|合|约为)?\s*$"
)


def is_conversion(before: str) -> bool:
    """Whether a number preceded by ``before`` is a currency conversion of
    the figure before it (约合人民币 533.62 亿元).

    :param before: the clause's text before the number's qualifier.

    >>> is_conversion("75.89 亿美元（约合人民币")
    True
    >>> is_conversion("投融资为 10.1 亿美元（")
    True
    >>> is_conversion("营业收入达")
    False
    """
    return bool(_CONVERSION_BEFORE_RE.search(before))


#: A unit's definition: 1 EFlops=10^18 Flops.
_DEFINITION_RE = re.compile(r"^\s*[=＝]|[=＝]\s*$")
#: A study's sample before its method: 通过对 120 个城市的近 10000 家企业开展股权穿透分析.
_STUDIED_BEFORE_RE = re.compile(r"对[^，。；,;]{0,80}$")  # 对全国 31 个省级行政单位（…）、120 个…
_STUDIED_AFTER_RE = re.compile(
    r"^[^，。；,;]{0,60}?(?:开展|进行)[^，。；,;]{0,16}?(?:分析|调查|研究|评估|测评|统计|监测)"
)
#: The set a comparison ranges over, in its own clause: 31 个省区市中，有 25 个….
#: The places a survey, an evaluation or a study covers: 调查范围覆盖我国 31 个省
#: （区、市）, 重点评估 31 个省（区、市）, 首次研究我国 120 个三线及以上城市.
_SURVEYED_BEFORE_RE = re.compile(r"(?:调查|样本|评估|研究|抽样)[^，。；,;]{0,12}$")
_PLACES_AFTER_RE = re.compile(r"^\s*个?\s*[^，。；,;]{0,8}?(?:省|城市|地市|地区|区县|县)")
#: All of the nation's provinces, named as where something happens (遍布全国 31
#: 个省区市, 我国 31 个省（区、市）深入贯彻…): the nation, counted by its parts.
_NATION_BEFORE_RE = re.compile(r"(?:^|[^共有])(?:全国|我国)\s*$")
_PROVINCES_AFTER_RE = re.compile(r"^\s*个?\s*(?:省|省区市|省份|省（区、市）|省\(区、市\))")
#: All of a place's parts, named as where something happens (覆盖全市 16 个
#: 行政区和经济开发区, 覆盖全省 21 个地市): the place, counted by its parts.
_PLACE_WHOLE_BEFORE_RE = re.compile(r"(?:^|[^共有])全(?:省|市|区|县|州|盟)\s*$")
_PLACE_PARTS_AFTER_RE = re.compile(
    r"^\s*个?\s*(?:地市|地级市|市州|市|州|县市区|区县|县区|县|行政区|区|乡镇|街道|镇|村)"
)
#: The provinces and the 兵团 together: every provincial-level unit, whatever
#: words come before (与 31 个省（区、市）及新疆生产建设兵团).
_ALL_PROVINCES_AFTER_RE = re.compile(
    r"^\s*个?\s*省(?:（区、市）|\(区、市\)|区市|份)?\s*(?:和|及|以及|、)\s*新疆生产建设兵团"
)
#: …each did something (31 个省（区、市）均开通政务抖音号): a count of those that
#: did, which is all of them, not a scope.
_EACH_DID_RE = re.compile(r"^\s*个?\s*省[^，。；,;均都]{0,8}?\s*(?:均|都|全部|已全部)")
#: A study's pool and what it chose from it: 从 1353 家…企业中遴选出 534 家企业.
_POOL_BEFORE_RE = re.compile(r"从\s*$")
_POOL_AFTER_RE = re.compile(r"^[^，。；,;]{1,40}?中\s*(?:遴选|选取|抽取|筛选|挑选|评选)")
_CHOSEN_BEFORE_RE = re.compile(r"从[^，。；,;]{1,40}?中\s*(?:遴选|选取|抽取|筛选|挑选|评选)出?\s*$")
_RANGE_OVER_RE = re.compile(r"^\s*[^\d，。；,;]{1,12}?(?:之中|当中|中)\s*[，,]")
#: The levels of an evaluation's indicators (5 个一级指标，以及 15 个二级指标): how a
#: study scores, not what it measured.
_FRAMEWORK_AFTER_RE = re.compile(r"^\s*个?[一二三四五]级(?:评价|评估)?指标")
#: The head of a ranking before its size (…专利数量最多的 20 家公司中, 排名前 50 的企业中).
_TOP_BEFORE_RE = re.compile(r"(?:最[多大高强好快]的|领先的|前)\s*$")
#: A width in bits (16 位或 8 位定点的低精度运算, 64 位处理器, 128 位地址): what a
#: machine or a format is, not how many of something there are.
_BIT_WIDTH_AFTER_RE = re.compile(
    r"^\s*(?:位|比特|bit)(?:\s*[或和/、]\s*\d+\s*(?:位|比特|bit))*\s*的?\s*"
    r"(?:定点|浮点|整数|整型|精度|量化|处理器|CPU|芯片|架构|操作系统|地址|编码|寄存器|指令集|总线)"
)


#: A count of a group whose amount the clause then states (全国 832 个国家级贫困县
#: 网络零售总额达 3014.5 亿元): the group's size, no figure of its own; the amount's
#: subject is the group's measure.
_GROUP_AMOUNTS = "总额|总量|规模|收入|营收|产值|增加值|零售额|交易额|销售额|成交额|出口额|进口额"
_GROUP_AMOUNT_AFTER_RE = re.compile(
    rf"^\s*(?:多|余)?\s*(?:个|家|所|座)?[^\d，。；,;的]{{2,24}}?(?:{_GROUP_AMOUNTS})\s*"
    # (not 超过/突破: N 家企业营业收入超过 X is a count of firms above a bound)
    r"(?:达到|达|为|实现|约|接近|将近)\s*\d"
)


#: The same group's size at the start of its amount's subject (全市 4 家 | 综合类…
#: 平台年累计业务规模): the words to leave out of the amount's label.
_GROUP_SIZE_LED_RE = re.compile(
    r"^(?:全国|全省|全市|全区|全县)?\s*\d+(?:\.\d+)?\s*(?:多|余)?\s*(?:个|家|所|座)"
    rf"(?=[^\d，。；,;的]{{2,24}}?(?:{_GROUP_AMOUNTS})$)"
)


def without_group_size(subject: str) -> str:
    """An amount's subject without the size of the group it is the amount of
    (:func:`scope_of`: the size is no figure): 全市4家综合类工业品电商服务平台年
    累计业务规模 -> 综合类工业品电商服务平台年累计业务规模; ``subject`` as it is
    when it opens with no such count.

    >>> without_group_size("全市4家综合类工业品电商服务平台年累计业务规模")
    '综合类工业品电商服务平台年累计业务规模'
    >>> without_group_size("4家企业数量")
    '4家企业数量'
    """
    m = _GROUP_SIZE_LED_RE.match(subject)
    return subject[m.end() :].lstrip() if m else subject


def scope_of(before: str, after: str) -> str | None:
    """Why a number states no measurement but the scope of one, or ``None``:
    a unit's definition (``1 EFlops=10^18 Flops``), a study's sample (通过对
    120 个城市的近 10000 家典型企业开展股权穿透分析), or the set a comparison
    ranges over (31 个省区市中，有 25 个…: the 25 is the figure; 专利数量最多的 20
    家公司中，11 家来自中国: a ranking's size), the places a
    survey or study covers (调查范围覆盖我国 31 个省（区、市）; a survey's sample
    size, 调查总体样本 30,000 个, is a figure: the shared facts hold it), or a study's
    pool and the sample it chose (从 1353 家…企业中遴选出 534 家企业),
    the size of a group whose amount follows (全国 832 个国家级贫困县网络零售总额达
    3014.5 亿元), all of the nation's provinces named as where something happens (遍布全国
    31 个省区市; 全国共有 31 个省区市开通… is a count), all of a place's parts
    (覆盖全市 16 个行政区), or a width in bits
    (16 位或 8 位定点的低精度运算).

    :param before: the clause's text before the number.
    :param after: the sentence's text after the number (classifier included).

    >>> scope_of("常用的计量单位是每秒执行的浮点数运算次数（Flops，", "=10^18 Flops）")
    'a definition'
    >>> scope_of("通过对", "个三线及以上城市的近10000家典型企业开展股权穿透分析")
    "a study's sample"
    >>> scope_of("", "个省区市中，有25个省区市")
    'the set a comparison ranges over'
    >>> scope_of("截至2021年底，全国共有", "个省区市开通政务微博") is None
    True
    >>> scope_of("全球生成式人工智能专利数量最多的", "家公司中，11家来自中国")
    'the size of a ranking a comparison ranges over'
    >>> scope_of("以及", "个二级指标和45个三级指标进行综合评价")
    'the design of an evaluation'
    >>> scope_of("调查范围覆盖我国", "个省（区、市）范围内的18周岁以上网民")
    'the places a survey or study covers'
    >>> scope_of("调查总体样本覆盖中国内地（大陆）地区 ", "个省（区、市），不含香港、澳门、台湾")
    'the places a survey or study covers'
    >>> scope_of("调查总体样本 ", "个，样本覆盖中国大陆 31 个省（区、市）") is None
    True
    >>> scope_of("基本遍布全国", "个省区市")
    "the nation's provinces, all of them"
    >>> scope_of("依托平台与", "个省（区、市）及新疆生产建设兵团实现数据共享")
    "the nation's provinces, all of them"
    >>> scope_of("我国 ", "个省（区、市）均开通政务抖音号") is None
    True
    >>> scope_of("覆盖全市", "个行政区和经济开发区")
    "a place's parts, all of them"
    >>> scope_of("全市共有", "个区县开通") is None
    True
    >>> scope_of("研究从", "家A股、港股及在美上市的中国数字化服务企业中遴选出534家企业")
    'the pool a study chose from'
    >>> scope_of("研究从1353家A股上市的企业中遴选出", "家企业")
    "a study's chosen sample"
    >>> scope_of("推理阶段可采用", "位或8位定点的低精度运算")
    'a width in bits'
    >>> scope_of("推理阶段可采用16位或", "位定点的低精度运算")
    'a width in bits'
    >>> scope_of("IPv6 地址长度为", "位，IPv4 为 32 位") is None
    True
    >>> scope_of("2020年全国", "个国家级贫困县网络零售总额达3014.5亿元")
    'the size of a group whose amount follows'
    >>> scope_of("全市", "家综合类工业品电商服务平台年累计业务规模接近500亿元")
    'the size of a group whose amount follows'
    >>> scope_of("全市", "家企业营业收入增长12%") is None
    True
    >>> scope_of("其中", "家企业营业收入超过1000亿元") is None
    True
    """
    before = re.sub(r"\s+", "", before)  # 覆盖中国内地（大陆）地区 31 个省: the text's own spacing
    if _DEFINITION_RE.search(before[-2:]) or _DEFINITION_RE.match(after):
        return "a definition"
    if _STUDIED_BEFORE_RE.search(before) and _STUDIED_AFTER_RE.match(after):
        return "a study's sample"
    if not before.strip(" 在从") and _RANGE_OVER_RE.match(after.lstrip("个家项所座")):
        return "the set a comparison ranges over"
    if _TOP_BEFORE_RE.search(before) and _RANGE_OVER_RE.match(after.lstrip("个家项所座名位")):
        return "the size of a ranking a comparison ranges over"
    if _SURVEYED_BEFORE_RE.search(before) and _PLACES_AFTER_RE.match(after):
        return "the places a survey or study covers"
    if (
        (_NATION_BEFORE_RE.search(before) and _PROVINCES_AFTER_RE.match(after))
        or _ALL_PROVINCES_AFTER_RE.match(after)
    ) and not _EACH_DID_RE.match(after):
        return "the nation's provinces, all of them"
    if _PLACE_WHOLE_BEFORE_RE.search(before) and _PLACE_PARTS_AFTER_RE.match(after):
        return "a place's parts, all of them"
    if _FRAMEWORK_AFTER_RE.match(after):
        return "the design of an evaluation"
    if _POOL_BEFORE_RE.search(before) and _POOL_AFTER_RE.match(after):
        return "the pool a study chose from"
    if _CHOSEN_BEFORE_RE.search(before):
        return "a study's chosen sample"
    if _BIT_WIDTH_AFTER_RE.match(after):
        return "a width in bits"
    if _GROUP_AMOUNT_AFTER_RE.match(after):
        return "the size of a group whose amount follows"
    return None


_FORECAST_RE = re.compile(r"预计|预测|预期(?!目标)|有望|估计|预估|可望")
#: Words that set a goal: 力争, 确保, 目标 … (whole words: 虚拟 holds 拟, 计划单列市 计划).
_TARGET_RE = re.compile(
    r"力争|确保|争取|目标[是为]|的目标|预期目标|主要目标|发展目标|计划到|规划到|努力实现|"
    r"(?:^|[，,；;]|要求|提出|明确)\s*到\s*(?:19|20)\d{2}\s*年|"
    # a plan: 拟投入, 将为 20 家企业提供 (not 已将, 将近, 即将 … in a past account)
    r"(?<![已曾即])将(?:为|在|向|于|达到|超过|突破|建成|建设|提供|实现|新增|带动|拓展|培育|打造|"
    r"投入|形成|引进|吸引|支持|聚力|以(?![往前]))|(?<![模虚])拟(?:投入|投资|安排|建设|设立|引进|支持)|"
    # 下一步，…将…: what a body plans next
    r"下一步"
)
_BY_YEAR_RE = re.compile(r"(?:到|至|截至|截止)\s*((?:19|20)\d{2})\s*年")


def figure_status(before: str, reference_year: int | None) -> str | None:
    """The status of a figure from the words before it in its sentence:
    ``"forecast"``, ``"target"`` or ``None`` (an actual value).

    :param before: the sentence up to the number, 《》 titles left out (a
        plan's title is not a cue).
    :param reference_year: the year the document reports on or was issued
        in; 到 YEAR after it marks a target (or a forecast with 预计).

    >>> figure_status("预计 2025 年全球算力规模将达到", 2021)
    'forecast'
    >>> figure_status("力争到 2025 年，数据产业规模达", 2023)
    'target'
    >>> figure_status("到 2025 年，数字经济核心产业增加值占 GDP 比重达到", 2021)
    'target'
    >>> figure_status("通知要求到 2020 年末，IPv6 活跃连接数达到", 2020)
    'target'
    >>> figure_status("截至 2024 年底，网民规模达", 2024) is None
    True
    >>> figure_status("虚拟中奖信息诈骗仍是网民最常遭遇的网络诈骗类型，占比为", 2020) is None
    True
    >>> figure_status("长沙人工智能计算中心将为", 2023), figure_status("五年内拟投入超过", 2023)
    ('target', 'target')
    >>> figure_status("淄博大数据局将以推动…为抓手，聚力打造", 2023)
    'target'
    >>> figure_status("已将数据中心能耗降低", 2023) is None
    True
    """
    if _FORECAST_RE.search(before):
        return "forecast"
    future = any(
        reference_year is not None and int(m[1]) > reference_year
        for m in _BY_YEAR_RE.finditer(before)
    )
    if future or _TARGET_RE.search(before):
        return "target"
    return None
