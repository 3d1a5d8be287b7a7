"""Numbers stated in prose -> observation facts.

A paragraph is cut into sentences (。！？；) and clauses (，：), and each
number :func:`~cikg.extract.quantities.find_quantities` finds is given an
indicator, a period, an area and its source by these rules, all taken from
the way the reports write (001 核心数据, 第二章):

- **Subject.** The words before the number in its clause, without the
  period (截至 2024 年 12 月), the area (我国, 全国, 北京的, 全球) and the verb
  (达, 为, 突破, 超过 …): 截至 2024 年 12 月，我国网络购物用户规模达 9.74 亿人 ->
  网络购物用户规模, area CN.
- **Derived figures.** A clause that compares (较 2023 年 12 月增长 5947 万人,
  同比增长 12%, 提升 1.1 个百分点, 净增, 减少) gives the change of the
  clause's or the sentence's last subject (growth rate when the number is a
  percentage, else the change; 减少/下降 make it negative); 占网民整体的 87.9%
  gives its share of internet users; 占比达 53.7% its share. Each is its own
  indicator with ``base_indicator`` set.
- **Enumerations.** A subject listing items (使用台式电脑、笔记本电脑、平板电脑和
  电视上网的比例) followed by 分别为 and as many numbers gives one indicator per
  item (使用台式电脑上网的比例 …); items that are regions become the area
  (北京、上海、广东三省的…占比分别达到 …).
- **From … to.** 由 2023 年 12 月的 32.5%提升至 34.1% gives two values, the
  first at the period it names.
- **Periods.** The clause's own period, else the sentence's, else the last
  one of the paragraph, else the report's reference date; which one applies
  is recorded (``period_source``). Periods after 较/比/由/从 are comparison
  bases, not the figure's period.
- **Sources.** A footnote marker (²⁵) on the number or closing its clause
  names the citation; its 来源 organisation becomes the compiling org.
- **Never figures:** numbers inside 《…》 titles, dates, 第 N 次, anniversaries,
  section numbers, phone numbers (the quantities module excludes these).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from cikg.extract.periods import Period, find_periods
from cikg.extract.quantities import (
    Quantity,
    UnitTable,
    find_age_ranges,
    find_quantities,
)
from cikg.records import Finding, ObservationFact, PeriodRef
from cikg.segment import Segmenter, Token

__all__ = ["SentenceContext", "paragraph_to_facts", "split_clauses", "split_sentences"]

_SENTENCE_END_RE = re.compile(r"[。！？!?；;]")
_CLAUSE_END_RE = re.compile(r"[，,：:]")
_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_MARKER_RE = re.compile(f"[{_SUPERSCRIPT}]+|\\[(\\d{{1,3}})\\]")
_TITLE_RE = re.compile(r"《[^《》]*》")
_COMPARE_BEFORE_RE = re.compile(r"(?:较|比|比上年|比去年|由|从|相比|与)\s*$")
_PERIOD_LEAD_RE = re.compile(r"^(?:截至|截止)(?:到|至)?\s*")
#: Words that open a clause without naming its subject.
_LEAD_WORDS = (
    "其中", "同时", "此外", "另外", "另一方面", "一方面", "而且", "并且", "目前", "当前",
    "数据显示", "报告显示", "调查显示", "统计显示", "我国", "全国", "中国", "而", "且",
    "并", "其", "共有", "共", "有", "已有", "其中有", "的",
)  # fmt: skip
#: Verbs and adverbs between a subject and its number (longest first).
_VERB_TAIL_RE = re.compile(
    r"(?:已经|已|累计|共计|共|总计|合计|分别|也|都|均|持续|稳步|快速|显著|大幅|进一步|首次|将|"
    r"达到了|达到|高达|已达|达|为|是|突破了|突破|超过了|超过|超出|超|约为|约|大约|近|将近|接近|逾|"
    r"增至|增长至|增长到|提升至|提升到|上升至|升至|提高到|提高至|降至|下降至|下降到|减少至|减少到|"
    r"保持在|保持|位居|位列|有|占|在|由|从|\s)+$"
)
_CHANGE_RE = re.compile(
    r"^(?:占比|比重|使用率|普及率)?(?:较|比|同比|环比|比上年|较上年|与[^，,]*相比)"
)
_DOWN_RE = re.compile(r"减少|下降|下滑|降低|回落|缩减")
_RESPECTIVELY_RE = re.compile(r"分别(?:为|是|达到|达|占|增长|提升)?")
_FROM_TO_RE = re.compile(r"[由从]")
_TO_RE = re.compile(r"(?:增长|提升|上升|增加|提高|下降|降低|减少|回落)?(?:至|到)")
_MEASURE_NOUN_RE = re.compile(
    r"(?:占比|比重|比例|规模|数量|普及率|使用率|渗透率|总量|总额|总数|金额|收入|时长|人数|用户数|数)"
)
_ITEM_SEP_RE = re.compile(r"、|以及|及|和|与")
_FIRST_ITEM_AFTER = ("使用", "通过", "关注", "对", "在")
_LAST_ITEM_BEFORE = ("上网", "的", "网民", "用户", "群体", "人群", "地区")
_CLASSIFIER_RE = re.compile(r"^[一二三四五六七八九十两\d]+[省市区地个]+的?")
_BOLD_RE = re.compile(r"\*\*")
_MAX_SUBJECT = 40


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What prose is read against.

    :param units: the curated unit table.
    :param segmenter: the tokenizer with curated names.
    :param region_of: a name -> the region it stands for (or ``None``).
    :param is_indicator: whether a wording is a curated indicator label.
    :param derivation_in: derivation key a phrase names (占网民整体 ->
        ``share-of-internet-users``).
    :param default_period: the report's reference date.
    :param default_year: the year for periods without one (11 月).
    :param citations: footnote marker -> source organisation names, for
        markers on a figure or closing its clause.
    :param footnote_periods: footnote marker -> the period a footnote gives
        its figure (⁸ 此处IPv6活跃用户数取值为截至2024年11月数据).
    """

    units: UnitTable
    segmenter: Segmenter
    region_of: Callable[[str], str | None]
    is_indicator: Callable[[str], bool]
    derivation_in: Callable[[str], str | None]
    default_period: Period | None
    default_year: int | None
    citations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    footnote_periods: dict[str, Period] = field(default_factory=dict)


@dataclass
class ProseResult:
    """Facts from one passage, and what was seen but not made a fact."""

    facts: list[ObservationFact] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    seen: int = 0


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: up to and including 。！？；.

    >>> t = "网民规模达 11.08 亿人；互联网普及率达 78.6%。"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['网民规模达 11.08 亿人；', '互联网普及率达 78.6%。']
    """
    spans, start = [], 0
    for m in _SENTENCE_END_RE.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans within a sentence, split at ，：, but not inside brackets
    or 《》 titles. A bracket or 《 never closed in the sentence is no
    bracket (it would swallow the clauses after it).

    >>> t = "国务院印发《关于推进数字中国的指导意见，截至 2024 年，网民规模达 11 亿人"
    >>> [t[s:e] for s, e in split_clauses(t, 0, len(t))][-1]
    '网民规模达 11 亿人'
    """
    open_at: list[int] = []
    for i in range(start, end):
        if text[i] in "（(《“":
            open_at.append(i)
        elif text[i] in "）)》”" and open_at:
            open_at.pop()
    unclosed = set(open_at)
    spans, clause_start, depth = [], start, 0
    for i in range(start, end):
        ch = text[i]
        if ch in "（(《“" and i not in unclosed:
            depth += 1
        elif ch in "）)》”":
            depth = max(0, depth - 1)
        elif depth == 0 and _CLAUSE_END_RE.match(ch):
            spans.append((clause_start, i))
            clause_start = i + 1
    spans.append((clause_start, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _ref(period: Period) -> PeriodRef:
    return PeriodRef(period.iri, period.start, period.end, period.time_per_collect)


def _own_periods(text: str, ctx: SentenceContext, lo: int, hi: int) -> list[Period]:
    """Periods in ``text[lo:hi]`` that are the figures' own (not 较 … bases)."""
    found = []
    for p in find_periods(text, ctx.default_year):
        if p.start_offset < lo or p.end_offset > hi:
            continue
        if _COMPARE_BEFORE_RE.search(text[max(0, p.start_offset - 4) : p.start_offset]):
            continue
        found.append(p)
    return found


def _clean_subject(phrase: str, ctx: SentenceContext) -> tuple[str, str | None]:
    """Strip period, lead words, area and verbs from the words before a
    number; return (subject, area name or None)."""
    phrase = _MARKER_RE.sub("", _BOLD_RE.sub("", phrase)).strip()
    reported = [m.end() for m in _REPORTING_RE.finditer(phrase)]
    if reported:  # 《报告》首次公布中国手机网民数量 -> 中国手机网民数量
        phrase = phrase[reported[-1] :]
    phrase = phrase.strip("—-– ")
    for p in sorted(find_periods(phrase, ctx.default_year), key=lambda p: -p.start_offset):
        phrase = phrase[: p.start_offset] + phrase[p.end_offset :]
    phrase = phrase.strip(" ，,")
    area = None
    changed = True
    while changed and phrase:
        changed = False
        phrase = _PERIOD_LEAD_RE.sub("", phrase).strip()
        for word in _LEAD_WORDS:
            if phrase.startswith(word) and len(phrase) > len(word):
                phrase, changed = phrase[len(word) :].strip(), True
        tokens = ctx.segmenter.tokens(phrase)
        enumerated = len(tokens) > 1 and tokens[1].word in {"、", "和", "及", "与"}
        if tokens and area is None and not enumerated:
            first = tokens[0].word
            if first == "全球" or ctx.region_of(first) is not None:
                area = first
                phrase = phrase[tokens[0].end :].lstrip("的 ")
                changed = True
    phrase = _VERB_TAIL_RE.sub("", phrase.strip(" 的，,")).strip(" 的，,")
    return phrase, area


def _markers_near(text: str, start: int, end: int) -> list[str]:
    """Footnote markers right after a number or at its clause's end."""
    found = []
    for m in _MARKER_RE.finditer(text, start, end):
        raw = m.group(1) or m.group(0).translate(str.maketrans(_SUPERSCRIPT, "0123456789"))
        found.append(raw)
    return found


def _items(phrase: str, n: int, ctx: SentenceContext) -> tuple[list[str], str, str] | None:
    """Split an enumerating subject into ``n`` items, a prefix and a suffix:
    使用台式电脑、笔记本电脑、平板电脑和电视上网的比例 -> ([台式电脑, 笔记本电脑,
    平板电脑, 电视], "使用", "上网的比例")."""
    ages = find_age_ranges(phrase)
    if len(ages) == n:
        return [a.text for a in ages], phrase[: ages[0].start], phrase[ages[-1].end :]
    parts = [p for p in _ITEM_SEP_RE.split(phrase) if p]
    if len(parts) != n:
        return None
    first, last = parts[0], parts[-1]
    prefix = ""
    for word in _FIRST_ITEM_AFTER:
        i = first.find(word)
        if i >= 0:
            prefix, first = first[: i + len(word)], first[i + len(word) :]
            break
    tokens = ctx.segmenter.tokens(last)
    cut = len(last)
    for tok in tokens:
        if tok.start > 0 and (
            tok.word in _LAST_ITEM_BEFORE or _CLASSIFIER_RE.match(last[tok.start :])
        ):
            cut = tok.start
            break
    suffix = _CLASSIFIER_RE.sub("", last[cut:])
    items = [first, *parts[1:-1], last[:cut]]
    if not all(items) or not suffix:
        return None
    return items, prefix, suffix


def paragraph_to_facts(text: str, block: int, ctx: SentenceContext) -> ProseResult:
    """Read the figures a paragraph states.

    :param text: the paragraph (wrapped lines joined).
    :param block: its index in the document (for provenance).
    :param ctx: units, segmenter, lookups, default period, citations.
    :return: facts, findings for numbers not made facts (with the reason),
        and how many numbers were seen.
    """
    out = ProseResult()
    titles = [(m.start(), m.end()) for m in _TITLE_RE.finditer(text)]
    paragraph_period: Period | None = None
    for s_start, s_end in split_sentences(text):
        quantities = [
            q
            for q in find_quantities(text[s_start:s_end], ctx.units)
            if not any(a <= s_start + q.start < b for a, b in titles)
        ]
        out.facts.extend(_ranks(text, s_start, s_end, block, ctx, paragraph_period))
        sentence_periods = _own_periods(text, ctx, s_start, s_end)
        sentence_period = sentence_periods[0] if sentence_periods else None
        if sentence_period is not None:
            paragraph_period = sentence_period
        subject: str | None = None  # the sentence's last subject
        subject_area: str | None = None
        changeable: str | None = None  # the last level or share a change refers to
        previous_clause = ""
        pending_subject = ""  # a clause without a number (its subject may be enumerated next)
        for c_start, c_end in split_clauses(text, s_start, s_end):
            in_clause = [q for q in quantities if c_start <= s_start + q.start < c_end]
            clause_periods = _own_periods(text, ctx, c_start, c_end)
            if not in_clause:
                pending_subject = previous_clause = text[c_start:c_end]
                continue
            out.seen += len(in_clause)
            period = (clause_periods or [None])[0] or sentence_period or paragraph_period
            period_source = (
                "clause" if clause_periods else "sentence" if sentence_period else "paragraph"
            )
            if period is None:
                period, period_source = ctx.default_period, "report"
            if period is None:
                out.findings.append(Finding("no-period", f"{text[c_start:c_end]!r}: no period"))
                continue
            first = in_clause[0]
            lead = text[c_start : s_start + first.start]
            respectively = _RESPECTIVELY_RE.search(lead)
            phrase, area = _clean_subject(_RESPECTIVELY_RE.sub("", lead), ctx)
            if respectively and not phrase and pending_subject:
                phrase, area = _clean_subject(pending_subject, ctx)
                phrase = _trim_to_measure(phrase)
            pending_subject = ""
            markers = _markers_near(text, c_start, c_end)
            orgs = tuple(org for m in markers for org in ctx.citations.get(m, ()))
            noted = [ctx.footnote_periods[m] for m in markers if m in ctx.footnote_periods]
            if noted:  # a footnote on the figure moves its period
                period, period_source = noted[0], "footnote"

            def fact(
                indicator: str,
                q: Quantity,
                *,
                base: str | None = None,
                derivation: str | None = None,
                breakdown: str | None = None,
                fact_area: str | None = area,
                fact_period: Period = period,  # type: ignore[assignment]
                negate: bool = False,
                orgs: tuple[str, ...] = orgs,
                markers: list[str] = markers,
                period_source: str = period_source,
            ) -> None:
                out.facts.append(
                    ObservationFact(
                        indicator=indicator,
                        value=-q.value if negate else q.value,
                        unit=q.unit or _implied_unit(indicator, q, ctx),
                        value_text=q.text,
                        period=_ref(fact_period),
                        area=fact_area,
                        block=block,
                        base_indicator=base,
                        derivation=derivation,
                        breakdown=breakdown,
                        approximate=q.approximate,
                        compiling_orgs=orgs,
                        citations=tuple(markers),
                        period_source=period_source,
                    )
                )

            # 分别为: one figure per enumerated item
            if respectively and len(in_clause) > 1:
                split = _items(phrase, len(in_clause), ctx)
                if split is None:
                    out.findings.append(
                        Finding(
                            "enumeration",
                            f"{text[c_start:c_end]!r}: {len(in_clause)} numbers but the items "
                            f"of {phrase!r} could not be told apart",
                        )
                    )
                    continue
                items, prefix, suffix = split
                for item, q in zip(items, in_clause, strict=True):
                    region = ctx.region_of(item)
                    if region is not None:
                        fact(prefix + suffix, q, fact_area=item)
                    else:
                        fact(prefix + item + suffix, q, base=prefix + suffix, breakdown=item)
                subject = None
                continue
            # 由 A 提升至 B: two values
            if (
                len(in_clause) == 2
                and _FROM_TO_RE.search(lead)
                and _TO_RE.search(text[s_start + in_clause[0].end : s_start + in_clause[1].start])
            ):
                earlier = _own_periods(text, ctx, c_start, s_start + in_clause[0].start) or [
                    p
                    for p in find_periods(
                        text[c_start : s_start + in_clause[0].start], ctx.default_year
                    )
                ]
                label = phrase or subject
                if label:
                    if earlier:
                        fact(label, in_clause[0], fact_period=earlier[0])
                    fact(label, in_clause[1])
                    subject = label
                continue
            in_range = _ranges(text, s_start, in_clause)
            if in_range:
                out.findings.append(
                    Finding("range", f"{text[c_start:c_end].strip()!r}: a range, not a figure")
                )
            for i, q in enumerate(in_clause):
                before = text[c_start : s_start + q.start] if i == 0 else ""
                if i > 0:
                    lead_i = text[s_start + in_clause[i - 1].end : s_start + q.start]
                    phrase_i, area_i = _clean_subject(lead_i.lstrip("、，, "), ctx)
                else:
                    phrase_i, area_i = phrase, area
                stripped = before.strip()
                is_change = bool(_CHANGE_RE.match(stripped)) or (
                    not phrase_i and re.search(r"净增|新增|增长|增加|提升|提高|减少|下降", stripped)
                )
                if is_change and (changeable or subject):
                    base = changeable or subject
                    down = bool(_DOWN_RE.search(stripped))
                    if q.unit == "percent":
                        fact(f"{base}增长率", q, base=base, derivation="growth-rate", negate=down)
                    else:  # 较上期增长, signed: 减少 1608 万人 is a change of -1608 万人
                        fact(f"{base}较上期增长", q, base=base, derivation="change", negate=down)
                    continue
                bare_share = phrase_i in {"占比", "比重", "比例"}
                if (bare_share or phrase_i.startswith("占")) and subject:
                    derivation = ctx.derivation_in(phrase_i) or "share"
                    whole = "" if bare_share else phrase_i
                    changeable = _share_label(subject, whole, derivation, ctx)
                    fact(
                        changeable,
                        q,
                        base=subject,
                        derivation=derivation,
                        fact_area=area_i or area or subject_area,
                    )
                    continue
                if i in in_range:
                    continue
                if phrase_i in _GENERIC_SUBJECTS:
                    # 省级政府网站首页文章更新量最高，占比为 47.8%
                    head = _ADJ_TAIL_RE.sub("", _clean_subject(previous_clause, ctx)[0])
                    head = head or subject or ""
                    phrase_i = f"{head}{phrase_i}" if head else ""
                if phrase_i and all(_is_predicate(t) for t in ctx.segmenter.tagged(phrase_i)):
                    phrase_i = ""  # 我国共发生 504 起…: only a verb before the number
                if not phrase_i and i == 0:
                    # 共 302 款生成式人工智能服务在国家网信办完成备案: the noun follows
                    phrase_i = _counted_noun(text[s_start + q.end : c_end], q, ctx)
                phrase_i = _count_label(phrase_i, q, ctx)
                reason = _subject_problem(phrase_i, q.unit, ctx)
                if reason:
                    out.findings.append(
                        Finding(
                            "no-subject", f"{q.text} in {text[c_start:c_end].strip()!r}: {reason}"
                        )
                    )
                    continue
                fact(phrase_i, q, fact_area=area_i or area)
                subject, subject_area = phrase_i, area_i or area
                changeable = phrase_i
    return out


_REPORTING_RE = re.compile(r"(?:显示|公布|表明|指出|发布|披露)(?:了)?")
#: Units that count things: a subject that is a bare noun (端口, 政府网站)
#: counts them (端口数量).
_COUNTING_UNITS = frozenset({"count", "person", "household", "person_time", "block_32"})


def _count_label(phrase: str, q: Quantity, ctx: SentenceContext) -> str:
    """光纤接入（FTTH/O）端口 + 11.6 亿个 -> 光纤接入（FTTH/O）端口数量: a noun
    subject of a counted number names the count."""
    if not phrase or q.unit not in _COUNTING_UNITS or ctx.is_indicator(phrase):
        return phrase
    if _INDICATOR_END_RE.search(phrase):
        return phrase
    tagged = ctx.segmenter.tagged(phrase)
    if tagged and tagged[-1].tag.startswith("n"):
        return f"{phrase}数量"
    return phrase


def _is_predicate(token: Token) -> bool:
    """A verb, adverb or preposition (not a verbal noun such as 服务/vn)."""
    if token.tag in {"v", "vd", "p", "d", "ad"}:
        return True
    return token.tag.startswith("v") and token.tag != "vn"


def _counted_noun(after: str, q: Quantity, ctx: SentenceContext) -> str:
    """The subject of a counting expression, from the words after the number:
    302 款|生成式人工智能服务|在国家网信办完成备案 -> 在国家网信办完成备案的
    生成式人工智能服务数量; 3.31 亿人|表示自己听说过…产品 -> …产品的人数."""
    after = _MARKER_RE.sub("", after).strip(" 。；;")
    tagged = ctx.segmenter.tagged(after)
    cut = next((t.start for t in tagged if _is_predicate(t) and t.start > 0), len(after))
    if tagged and _is_predicate(tagged[0]):
        # 504 起|与人工智能相关的投融资事件: a modifier, then the noun after 的
        de = after.rfind("的")
        if de < 0:
            cut = 0
        else:
            tail = ctx.segmenter.tagged(after[de + 1 :])
            end = next((t.start for t in tail if _is_predicate(t)), len(after) - de - 1)
            noun = after[de + 1 : de + 1 + end].strip()
            return f"{after[:de]}的{noun}数量" if noun else ""
    noun, rest = after[:cut].strip(), after[cut:].strip()
    if not noun and q.unit == "person":
        return f"{rest}的人数" if rest else ""
    if not noun or not tagged:
        return ""
    return f"{rest}的{noun}数量" if rest else f"{noun}数量"


_GENERIC_SUBJECTS = frozenset(
    {
        "占比", "比例", "所占比例", "比重", "用户规模", "规模", "总规模", "数量", "总量", "总数",
        "人数", "金额", "使用率", "网民使用率", "普及率", "占有率", "增速",
    }
)  # fmt: skip
_ADJ_TAIL_RE = re.compile(r"(?:也|明显|最|较|居)*(?:高|多|大|快|首|第一)$")
#: A subject names an indicator when it ends like one (a count, amount,
#: rate or size) …
_INDICATOR_END_RE = re.compile(
    r"(?:数|量|率|比例|比重|占比|规模|金额|额|收入|长度|时长|人次|次数|产量|流量|面积|速度|"
    r"价格|指数|值|份额|营收|销量|市值|时间|容量|带宽|算力)$"
)
#: … or when its unit says what is measured (金额 in 元, data in GB).
_SELF_MEASURED_UNITS = frozenset(
    {
        "yuan",
        "us_dollar",
        "GB",
        "TB",
        "ZB",
        "KB",
        "EFLOPS",
        "Tbps",
        "Gbps",
        "km",
        "hour",
        "minute",
        "rank",
    }
)
_RANGE_SEP_RE = re.compile(r"^\s*[-—–~～至到]\s*$")


def _ranges(text: str, offset: int, quantities: list[Quantity]) -> set[int]:
    """Indexes of numbers that bound a range (6%-7%, 5-6 个): not figures."""
    found: set[int] = set()
    for i in range(len(quantities) - 1):
        between = text[offset + quantities[i].end : offset + quantities[i + 1].start]
        if _RANGE_SEP_RE.match(between):
            found.update({i, i + 1})
    return found


def _subject_problem(phrase: str, unit: str | None, ctx: SentenceContext) -> str | None:
    """Why ``phrase`` cannot name the indicator of a figure in ``unit``, or ``None``."""
    if not phrase:
        return "no subject before it"
    if len(phrase) > _MAX_SUBJECT:
        return "subject too long"
    if "等" in phrase or phrase.strip("-—–·、 ") == "":
        return f"subject {phrase!r} is not an indicator"
    if ctx.is_indicator(phrase) or _INDICATOR_END_RE.search(phrase):
        return None
    if unit in _SELF_MEASURED_UNITS:
        return None
    return f"subject {phrase!r} does not name a measure"


_RANK_RE = re.compile(
    r"(?:位居|位列|排名|排在|居于?|稳居)(?P<scope>全球|世界|全国|亚洲)?第(?P<n>[一二三四五六七八九十]{1,3}|\d{1,3})(?:位|名)?"
)
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _ordinal(text: str) -> int:
    """第二 -> 2, 第十二 -> 12, 第 77 -> 77."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS[text]


def _ranks(
    text: str, s_start: int, s_end: int, block: int, ctx: SentenceContext, inherited: Period | None
) -> list[ObservationFact]:
    """算力规模位居全球第二 -> 算力规模全球排名 = 2 (unit rank, area world)."""
    facts = []
    for clause_start, clause_end in split_clauses(text, s_start, s_end):
        for m in _RANK_RE.finditer(text, clause_start, clause_end):
            phrase, area = _clean_subject(text[clause_start : m.start()], ctx)
            periods = _own_periods(text, ctx, s_start, s_end)
            period = periods[0] if periods else inherited or ctx.default_period
            if not phrase or period is None or _subject_problem(phrase, "rank", ctx) is not None:
                continue
            scope = m.group("scope") or ""
            facts.append(
                ObservationFact(
                    indicator=f"{phrase}{scope}排名",
                    value=Decimal(_ordinal(m.group("n"))),
                    unit="rank",
                    value_text=m.group(0),
                    period=_ref(period),
                    area="全球" if scope in {"全球", "世界"} else area,
                    block=block,
                    period_source=None if periods else "paragraph" if inherited else "report",
                )
            )
    return facts


def _trim_to_measure(phrase: str) -> str:
    """Cut an enumerating subject after its last measure noun (…占比也明显较高
    -> …占比)."""
    last = None
    for m in _MEASURE_NOUN_RE.finditer(phrase):
        last = m
    return phrase[: last.end()] if last else phrase


def _share_label(subject: str, whole: str, derivation: str, ctx: SentenceContext) -> str:
    """占网民整体的 87.9% after 网络购物用户规模 -> 网络购物网民使用率 when the
    curated scheme knows it, else 网络购物用户占网民整体的比例."""
    app = subject.removesuffix("用户规模").removesuffix("规模")
    if derivation == "share-of-internet-users":
        for candidate in (f"{app}网民使用率", f"{app}使用率"):
            if ctx.is_indicator(candidate):
                return candidate
    if not whole:
        return f"{subject}占比"
    whole = whole.removesuffix("的")
    if subject.endswith("用户规模"):
        app += "用户"  # 在线政务用户规模 -> 在线政务用户占网民整体的比例
    return f"{app}{whole}的比例" if not whole.endswith(("比例", "比重")) else f"{app}{whole}"


_IMPLIED_UNITS = (
    (re.compile(r"人次$"), "person_time"),
    (re.compile(r"(?:人数|用户数|网民数|网民规模|用户规模)$"), "person"),
    (re.compile(r"(?:个数|总数|数量|数)$"), "count"),
)


def _implied_unit(indicator: str, q: Quantity, ctx: SentenceContext) -> str | None:
    """The unit a bare number's indicator implies (学习人次达 12.77 亿 -> person
    times) when the curated scheme does not give it."""
    if ctx.is_indicator(indicator):
        return None
    for pattern, unit in _IMPLIED_UNITS:
        if pattern.search(indicator) and (
            unit != "count" or q.value == q.value.to_integral_value()
        ):
            return unit
    return None
