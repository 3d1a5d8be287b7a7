"""Organisation names in running text, by the curated list and by their structure.

A name the curated data knows (any alias) is found by longest match
(:class:`~cikg.names.NameScanner`), so 工业和信息化部 stays whole and 中国电信
is not 中国. A curated name right after a region's name is that region's body,
not the nation's (贵州省发改委 is Guizhou's commission, not 发改委, the NDRC),
and is a name of its own. A name it does not know is recognised by the way Chinese names
organisations: modifiers, then a **head** that says what kind of body it is
(部, 局, 委员会, 办公室, 中心, 研究院, 协会, 联盟, 集团, 公司, 大学, 银行 …,
the heads of :data:`ORG_HEADS`), with nothing between them that a name
cannot hold (verbs, numbers, punctuation). An abbreviation in brackets
right after a name is its alias: 中国互联网络信息中心（CNNIC）.

Never an organisation (each a rule with an example):

- a phrase that names an event, a speech or a meeting (2020 钉钉春夏新品发布会,
  习近平同志…讲话, 第十三届全国人民代表大会第三次会议);
- a method or a compilation (根据国家统计局数据计算, 公开资料整理, 整理各省
  政府发布的政策文件得到): what follows 根据/据/整理 is the source, the rest not;
- a list of several bodies (国家发展改革委、工业和信息化部、国家数据局 is three);
- a name with an unbalanced bracket (中国互联网络信息中心（CNNIC).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

from cikg.extract.numerals import small_number
from cikg.names import NameScanner
from cikg.segment import Segmenter
from cikg.wording import display_form

__all__ = [
    "ORG_HEADS",
    "OrgFinder",
    "OrgName",
    "default_finder",
    "is_org_name",
    "org_finder",
    "source_org",
]

#: The heads an organisation's name ends in (longest first when matching).
ORG_HEADS = (
    "委员会办公室", "常务委员会", "领导小组", "人民政府", "办公厅", "办公室", "委员会", "研究院",
    "研究所", "研究中心", "实验室", "联合会", "基金会", "商会", "协会", "学会", "联盟", "集团",
    "公司", "大学", "学院", "银行", "法院", "检察院", "总局", "总署", "中心", "工委", "党校",
    "政府", "常委会", "人大", "电视台", "电台", "部", "委", "局", "署", "厅", "院",
    "办", "所", "社",
)  # fmt: skip
_HEAD_RE = re.compile("(?:" + "|".join(sorted(ORG_HEADS, key=len, reverse=True)) + ")$")
#: Words that make a phrase an event, a speech, a meeting, a method or a
#: document rather than a body.
_NOT_AN_ORG_RE = re.compile(
    r"发布会|大会|会议|论坛|峰会|博览会|展览会|讲话|考察|座谈|根据|整理|得到|显示|报告|文件|"
    r"通知|意见|方案|规划|办法|条例|官方微信|公众号|活动|专项行动|期间|以来|同志|数据中心|"
    r"记者|日电|[(（]\s*记者"
)
#: Words that end in a head but name no body: 中部 is a region, 布局 a layout.
_NOT_BODY_RE = re.compile(
    r"(?:中部|东部|西部|北部|南部|内部|外部|全部|局部|总部|干部|本部|大部|各部|细部|布局|格局|"
    r"结局|大局|全局|开局|当局|出局|场所|处所|住所|有所|庭院|大厅|餐厅|部署|签署|举办|创办|承办|"
    r"主办|协办|开办|兴办|合办|社区)$"
)
#: A body named by its level only (省大数据局, 市商务局), between separators.
_LOCAL_BODY_RE = re.compile(
    r"(?:^|(?<=[、，,；;。：:和及与（(]))(?P<body>(?P<level>[省市])[\u4e00-\u9fff]{1,12}?"
    r"(?:管理局|委员会|办公室|办公厅|局|厅|委|办))"
    r"(?=[、，,；;和及与等）)]|联合|印发|发布|牵头|相关|负责人|表示|介绍|$)"
)
_ALIAS_RE = re.compile(r"^[（(]\s*([A-Za-z][A-Za-z0-9&.\- ]{1,20}|[\u4e00-\u9fff]{2,8})\s*[)）]")
_NAME_CHARS_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9（）()·&\-—]+$")
_MAX_NAME = 30


@dataclass(frozen=True, slots=True)
class OrgName:
    """An organisation named in a text.

    :param name: the name as written (display form).
    :param start: its offset in the text.
    :param end: the offset after it (an alias in brackets included).
    :param curated: whether the curated data knows it.
    :param alias: an abbreviation in brackets right after it (CNNIC), if any.
    """

    name: str
    start: int
    end: int
    curated: bool
    alias: str | None = None


def is_org_name(name: str) -> bool:
    """Whether ``name`` has an organisation's structure: a head, nothing a
    name cannot hold, no event, speech, method or document words.

    >>> is_org_name("中国交通运输协会"), is_org_name("国家信息中心分享经济研究中心")
    (True, True)
    >>> is_org_name("2020 钉钉春夏新品发布会"), is_org_name("根据国家统计局数据计算")
    (False, False)
    >>> is_org_name("中国互联网络信息中心（CNNIC")
    False
    """
    name = display_form(name)
    if not (2 < len(name) <= _MAX_NAME) or not _NAME_CHARS_RE.match(name):
        return False
    if name.count("（") != name.count("）") or name.count("(") != name.count(")"):
        return False
    if _NOT_AN_ORG_RE.search(name) or _NOT_BODY_RE.search(name):
        return False
    if any(ch.isdigit() for ch in name[:2]):
        return False
    return bool(_HEAD_RE.search(name))


#: A place's party committee and government named together (山东省委省政府,
#: 济南市市委市政府): two bodies.
_COMMITTEE_AND_GOVERNMENT_RE = re.compile(
    r"^(?P<place>[\u4e00-\u9fff]{2,8}?[省市区县])[省市区县]?委[省市区县]?政府$"
)


def _committee_and_government(org: OrgName) -> list[OrgName]:
    """``org``, or the committee and the government it names together
    (山东省委省政府 -> 山东省委, 山东省人民政府).

    >>> [o.name for o in _committee_and_government(OrgName("济南市市委市政府", 0, 8, False))]
    ['济南市委', '济南市人民政府']
    """
    m = _COMMITTEE_AND_GOVERNMENT_RE.match(org.name)
    if m is None:
        return [org]
    place = m["place"]
    return [replace(org, name=f"{place}委"), replace(org, name=f"{place}人民政府")]


@dataclass(frozen=True)
class OrgFinder:
    """Finds organisation names: curated ones by longest match, others by
    their structure (see the module's docstring).

    :param scanner: the curated names (kind ``"org"``) and regions (kind
        ``"region"``, so that a region is never read as part of a body it
        only precedes).
    :param segmenter: word boundaries and tags for names not curated.
    :param is_curated: whether a name is a curated organisation's.
    :param joined: curated names that hold 和 (工业和信息化部): a 和 between
        two of their words does not end a name (扶余市工业和信息化局).
    :param designations: words of a title conferred on bodies of a kind
        (特色化, 重点: curated, :attr:`~cikg.reference.Reference.designation_terms`):
        a place or the nation followed by one names that kind, not one body.
    :param products: words of a product (App, 小程序, 客户端, 平台: curated,
        :attr:`~cikg.reference.Reference.product_terms`): a quoted name right
        before one is the product's (“国家反诈中心”APP), not a body's.
    :param buildings: words that describe a building (地标, 楼宇: curated,
        :attr:`~cikg.reference.Reference.building_terms`): a name found by its
        structure that holds one names a structure (淄博地标建筑金融中心).
    :param technologies: Latin terms of the curated glossary, lower case (ai, 5g,
        iot, app): a technology's name, never the proper noun that makes a kind of
        body one body (公共 AI 智能计算中心 is a kind of centre).
    """

    scanner: NameScanner
    segmenter: Segmenter
    is_curated: Callable[[str], bool]
    joined: tuple[str, ...] = ()
    designations: frozenset[str] = frozenset()
    products: frozenset[str] = frozenset()
    buildings: frozenset[str] = frozenset()
    technologies: frozenset[str] = frozenset()

    def find(self, text: str) -> list[OrgName]:
        """The organisations ``text`` names, in order, without overlaps.

        A unit of a curated body is named in full (国务院反垄断委员会); a body
        named by its level only takes the place before it (贵州省…，省大数据局
        -> 贵州省大数据局); a committee and a government named together are two
        (山东省委省政府 -> 山东省委, 山东省人民政府).

        >>> from cikg.reference import load_reference
        >>> finder = default_finder(load_reference())
        >>> [o.name for o in finder.find("工业和信息化部、国家数据局等九部门联合印发")]
        ['工业和信息化部', '国家数据局']
        >>> [(o.name, o.alias) for o in finder.find("由中国交通运输协会（CTA）首次发布")]
        [('中国交通运输协会', 'CTA')]
        """
        found: list[OrgName] = []
        # a curated name must start and end where words do: 中央网信办联合国家发展改革委
        # holds 联合国 across 联合 | 国家发展改革委, and names no United Nations
        cuts = {t.start for t in self.segmenter.tokens(text)} | {len(text)}
        matches = self.scanner.find(text, cuts)
        regional = {  # 贵州省 | 发改委: the province's commission, not the nation's
            b.start: a.start
            for a, b in pairwise(matches)
            if a.kind == "region"
            and b.kind == "org"
            and a.end == b.start
            and not a.name.startswith(_NATION + _COUNTRY_WIDE)
            and b.name.endswith(_GOVERNMENT_HEADS)
            and not self.is_curated(text[a.start : b.end])
        }
        local = self._local(text, matches)
        matches = [m for m in matches if not any(a <= m.start < b for a, b, _ in local)]
        titles = [(m.start() + 1, m.end() - 1) for m in _TITLE_RE.finditer(text)]
        structural = [
            (a, b)
            for a, b in self._structural(text)
            if not any(x < b and a < y for x, y, _ in local)
            # 《私人小客车合乘信息服务平台公司…》: words of a title, unless they open it
            # as its issuer's name (《…管理局关于…》)
            and not any(x <= a < y and not text.startswith("关于", b) for x, y in titles)
        ]
        starts = {m.start for m in matches}
        curated = [
            m
            for m in matches
            if m.kind == "org"
            and m.start not in regional
            # 国务院 | 反垄断委员会, 国家信息中心 | 分享经济研究中心: a unit of a curated
            # body is a body of its own, named in full (中共中央 | 国务院 is two)
            and not any(
                a == m.start and b > m.end and not starts & set(range(m.end, b))
                for a, b in structural
            )
        ]
        taken = [(m.start, m.end) for m in curated] + [(a, b) for a, b, _ in local]
        for a, b, name in local:
            found.append(OrgName(name, a, self._alias_end(text, b), False, self._alias(text, b)))
        for m in matches:
            if m.start in regional:
                start = regional[m.start]
                taken.append((start, m.end))
                name = display_form(text[start : m.end])
                found.append(
                    OrgName(
                        name, start, self._alias_end(text, m.end), False, self._alias(text, m.end)
                    )
                )
        for m in curated:
            found.append(
                OrgName(
                    m.name, m.start, self._alias_end(text, m.end), True, self._alias(text, m.end)
                )
            )
        for a, b in [
            *self._attributed(text),
            *self._listed_companies(text),
            *(
                (m.start("name"), m.end("name"))
                for m in _KIND_THEN_LATIN_RE.finditer(text)
                if m["name"].lower() not in _TECH_WORDS
            ),
        ]:
            # 据海关统计, 宇信科技、长亮科技: names too bare for their structure, where
            # no other name is
            if not any(x < b and a < y for x, y in [*taken, *structural]):
                taken.append((a, b))
                found.append(OrgName(display_form(text[a:b]), a, b, False, None))
        for span in self._quoted(text):
            # “山东数字化与智能化酒店产业联盟”: quotation marks bound a body's name
            if not any(a < span[1] and span[0] < b for a, b in taken):
                taken.append(span)
                found.append(OrgName(display_form(text[span[0] : span[1]]), *span, False, None))
        for span in structural:
            if not any(a < span[1] and span[0] < b for a, b in taken):
                name = display_form(text[span[0] : span[1]])
                found.append(
                    OrgName(
                        name,
                        span[0],
                        self._alias_end(text, span[1]),
                        False,
                        self._alias(text, span[1]),
                    )
                )
        for a, b in self._siblings(text, found):
            if not any(x < b and a < y for x, y in [*taken, *structural]):
                found.append(OrgName(display_form(text[a:b]), a, b, False, None))
        for a, b in self._company_mates(text, found):
            if not any(o.start < b and a < o.end for o in found):
                found.append(OrgName(display_form(text[a:b]), a, b, False, None))
        found = _lines_in_full(text, self._units_of_posts(text, found))
        return sorted(
            (
                part
                for org in found
                if not self._product(text, org)
                for part in _committee_and_government(org)
            ),
            key=lambda o: o.start,
        )

    def _units_of_posts(self, text: str, found: list[OrgName]) -> list[OrgName]:
        """``found`` with a unit named by its place alone in a person's list of
        posts taken as the company's before it: 网易集团副总裁、杭州研究院执行院长
        -> 网易杭州研究院 (a person's second post is in the first's firm: 杭州
        研究院 alone names none). Only a firm's (…集团, …公司) unit, only a name
        that opens with a place."""
        out = list(found)
        for i, unit in enumerate(out):
            if unit.curated:
                continue
            firm = next(
                (
                    o
                    for o in found
                    if o.end <= unit.start
                    and _POST_BETWEEN_RE.fullmatch(text, o.end, unit.start)
                    and _FIRM_END_RE.search(o.name)
                ),
                None,
            )
            words = self.segmenter.tagged(unit.name)
            if firm is None or not words or words[0].tag != "ns":
                continue
            owner = _FIRM_END_RE.sub("", firm.name)
            if len(owner) >= 2 and not unit.name.startswith(owner):
                out[i] = replace(unit, name=owner + unit.name)
        return out

    def _company_mates(self, text: str, found: list[OrgName]) -> list[tuple[int, int]]:
        """Spans of the other items of a list of firms one of whose items is a
        body found (头部企业，如腾讯、哔哩哔哩、阅文、喜马拉雅等; 依托富士康、腾讯等
        龙头企业): a kind of firm (企业, 公司, 品牌 …) comes before 如 or after 等
        or a count, so its items are firms however the segmenter tags them. Items
        are short names (two to eight characters), not a curated region; the
        first loses the verb or preposition before it (依托, 如). Items a name
        found covers are among the spans: :meth:`find` leaves them out.

        A list with no kind of firm named (:data:`_COORDINATED_RE`: 新浪、360、
        微财科技、蓝城兄弟等投诉量…) holds things of one kind, so when at least half
        its items are bodies found, its other items but the first (whose start
        nothing marks) are bodies too, unless they describe (:meth:`_describes_item`).
        """
        spans: list[tuple[int, int]] = []
        kinds = [*_FIRM_LIST_RE.finditer(text), *_FIRMS_SUCH_AS_RE.finditer(text)]
        lists = [(m, True) for m in kinds] + [
            (m, False)
            for m in _COORDINATED_RE.finditer(text)
            if not any(k.start() <= m.start() < k.end() for k in kinds)
        ]
        for m, kind_named in lists:
            items: list[tuple[int, int]] = []
            at = m.start("items")
            for part in m["items"].split("、"):
                items.append((at, at + len(part)))
                at += len(part) + 1
            a, b = items[0]
            lead = 0
            for n, word in enumerate(self.segmenter.tagged(text[a:b])):
                if (
                    word.tag[:1] in {"p", "c", "u", "r"}
                    or word.word in {"如", "有", "是"}
                    or (
                        word.tag[:1] in {"v", "d"}
                        and word.tag != "vn"
                        and (len(word.word) > 1 or word.end == lead)
                    )
                ):
                    # (依托富士康, 如腾讯; …中心集聚了极兔, 产品有…: the verb, its particle)
                    lead = word.end
                elif n == 0:
                    lead = -1  # (增 | 盛永: a verb inside a name, not before it)
            lead = max(lead, 0)
            items[0] = (a + lead, b)
            known = sum((o.start, o.end) in items for o in found if not self.is_region(o.name))
            if not known and kind_named and _counted_or_firms(m, len(items)):
                # 极兔、圆通、德邦三个品牌; 鸿翔农业-优迪食品、国泉酒业、增盛永等…企业:
                # names the dictionary does not know, most of them, make firms' names
                known = sum(self._coined(text[a:b]) for a, b in items)
                known = known if 2 * known >= len(items) else 0
            if not known:
                continue  # no item a body known: a list of fields or products, maybe
            if not kind_named and 2 * known < len(items):
                continue  # 斗鱼、虎牙: with no kind of firm named, most items must be known
            for n, (a, b) in enumerate(items):
                name = text[a:b]
                if not kind_named and n == 0:
                    continue  # where a first item starts, nothing before it says
                if (
                    2 <= len(name) <= (10 if kind_named else 8)
                    and not self.is_region(name)
                    # (国泉酒业: a coined name before 酒业 is a firm, 制造业 a field)
                    and (not _INDUSTRY_END_RE.search(name) or (kind_named and self._coined(name)))
                    and (kind_named or not self._describes_item(name))
                ):
                    spans.append((a, b))
        return spans

    def _coined(self, name: str) -> bool:
        """Whether ``name`` is a word no dictionary holds (极兔, 增盛永, 国泉酒业)
        or one proper noun (顺丰 ``nz``), and no region: a coined name."""
        if len(name) < 2 or self.is_region(name) or _DESCRIPTIVE_RE.search(name):
            return False
        words = self.segmenter.tagged(name)
        if len(words) == 1 and words[0].tag in {*_COINED_TAGS, "nt"}:
            return True
        return not self.segmenter.knows(name) and not any(
            len(w.word) > 1 and w.tag[:1] in {"v", "a", "d", "m", "t", "f"} for w in words
        )

    def _describes_item(self, name: str) -> bool:
        """Whether a list item holds a verb, an adverb, a preposition, a place,
        a time or a locative word: a statement or a field (投诉量增长较快, 北京
        地区), not a coined name. Words
        of one character do not count: a coined name the segmenter knows no word
        for falls into them (拉 | 卡 | 拉); a pronoun that opens the item (该, 各)
        does. Letters then digits make a code or a list's name (TOP500, 5G),
        not a body's."""
        if _CODE_RE.fullmatch(name):
            return True
        words = self.segmenter.tagged(name)
        if words and words[0].tag.startswith("r"):
            return True  # 该集团, 各公司: a body referred to or a kind, not one named
        return any(
            len(t.word) > 1 and t.tag.startswith(("v", "d", "p", "ns", "t", "f")) and t.tag != "vn"
            for t in words
        )

    def _quoted(self, text: str) -> list[tuple[int, int]]:
        """Spans of bodies' names in quotation marks (“山东数字化与智能化酒店产业
        联盟”, CAICT 2022): the marks bound the name, which may then hold 与 or
        和; it must have a body's structure (:func:`is_org_name`), open with a
        place, the nation or a proper noun, and hold no verb of doing."""
        spans: list[tuple[int, int]] = []
        for m in _QUOTED_RE.finditer(text):
            name = m["name"]
            words = self.segmenter.tagged(name)
            if (
                is_org_name(name.replace("与", "").replace("和", ""))
                and words
                and (words[0].tag in {"ns", "nt"} or name.startswith(_NATION))
                and not any(w.word in _ACTION_VERBS for w in words)
            ):
                spans.append((m.start("name"), m.end("name")))
        return spans

    def _siblings(self, text: str, found: list[OrgName]) -> list[tuple[int, int]]:
        """Spans of the other items of a list one of whose items is a body found
        (中煤集团、焦煤集团、同煤集团): items that end in the same head (集团) and
        are short proper names before it, nothing else (no verb, no number)."""
        items = [(m.start("item"), m.end("item")) for m in _LIST_ITEM_RE.finditer(text)]
        chains: list[list[tuple[int, int]]] = []
        for a, b in items:
            if chains and a == chains[-1][-1][1] + 1 and text[a - 1] == "、":
                chains[-1].append((a, b))
            else:
                chains.append([(a, b)])
        spans: list[tuple[int, int]] = []
        for chain in chains:
            heads = {
                head.group()
                for org in found
                if (org.start, org.start + len(org.name)) in chain
                and (head := _HEAD_RE.search(org.name)) is not None
                and len(head.group()) >= 2
            }
            for a, b in chain:
                item = text[a:b]
                head = next((h for h in heads if item.endswith(h)), "")
                if (
                    head
                    and 2 <= len(item) - len(head) <= 6
                    and not any(o.start == a for o in found)
                    and all(
                        w.tag.startswith(("n", "j", "eng"))
                        # 中 | 天合 | 创 | 集团: a coined name falls into words of one
                        # character, whatever jieba tags them (not 各 | 集团: a count)
                        or (len(w.word) == 1 and not _FUNCTION_TAG_RE.match(w.tag))
                        for w in self.segmenter.tagged(item)
                    )
                    and not self.is_region(item[: -len(head)])
                ):
                    spans.append((a, b))
        return spans

    def _product(self, text: str, org: OrgName) -> bool:
        """Whether ``org`` is a quoted name right before a word of a product
        (:attr:`products`): 公安部开发的“国家反诈中心”APP正式上线 names an app,
        not a body (CAC 数字中国发展报告 2021, p.49)."""
        if org.start == 0 or text[org.start - 1] not in _OPENING_QUOTES:
            return False
        close = text[org.end : org.end + 1]
        if close != _OPENING_QUOTES[text[org.start - 1]]:
            return False
        after = text[org.end + 1 : org.end + 1 + _LONGEST_PRODUCT_WORD].lstrip().casefold()
        return any(after.startswith(word.casefold()) for word in self.products)

    def is_region(self, name: str) -> bool:
        """Whether ``name`` is exactly a curated region's name (天水, 上海市)."""
        cuts = {t.start for t in self.segmenter.tokens(name)} | {len(name)}
        return any(
            m.kind == "region" and m.start == 0 and m.end == len(name)
            for m in self.scanner.find(name, cuts)
        )

    def _local(self, text: str, matches: list) -> list[tuple[int, int, str]]:  # type: ignore[type-arg]
        """Bodies named by their level only (省大数据局, 省发展改革委, 市商务局) after
        a place of that level in the same sentence (贵州省发改委牵头，省大数据局、
        省统计局…): ``(start, end, the name with the place)``, the place's own
        bodies, not the nation's (省发展改革委 is no NDRC)."""
        places = [
            m
            for m in matches
            if m.kind == "region"
            and m.name.endswith(("省", "市"))
            and not m.name.startswith(_NATION)
        ]
        out: list[tuple[int, int, str]] = []
        for m in _LOCAL_BODY_RE.finditer(text):
            start = m.start("body")
            place = next(
                (
                    p
                    for p in reversed(places)
                    if p.end <= start
                    and p.name.endswith(m["level"])
                    and "。" not in text[p.end : start]
                ),
                None,
            )
            if place is None:
                # 成都市政府办公厅印发…。…市商务局相关负责人: the one place of that level
                # the paragraph names before it
                earlier = {p.name for p in places if p.end <= start and p.name.endswith(m["level"])}
                place = next(
                    (p for p in reversed(places) if len(earlier) == 1 and p.name in earlier), None
                )
            if place is not None:
                name = display_form(place.name + text[start + 1 : m.end("body")])
                out.append((start, m.end("body"), name))
        return out

    def case_protagonists(self, blocks: list[tuple[str, str]]) -> dict[int, list[str]]:
        """The body each numbered case of a collection is about, by block:
        a case's heading opens with its protagonist's name (2.中海油服数据深度
        融合与数字中心平台, 1.山东文旅“数智一体化”智慧文旅服务平台, 2.多点“零售
        联合云”一站式解决方案), which the case's text then makes the subject of
        an act at the head of a clause (中海油服计划…, 目前，山东文旅通过…, 多点
        推出…: :data:`_PROTAGONIST_ACT_RE`). Such a name is a body however bare
        (a coined short name, a brand: no head, no curated entry).

        :param blocks: the document's blocks in order, as (kind, text); kind
            ``"heading"`` for a heading (:class:`cikg.records.BlockKind`).
        :return: block index -> the protagonist names it holds (the heading
            and each block of its case that names it). The name is the
            longest opening of the heading, 2 to 6 characters ending where a
            word does, that a clause of the case opens with before an act;
            never a verb, adverb or pronoun (1.加快…: 加快构建 is advice), a
            region (1.武汉数字赋能…: 武汉推出… is the city's act) or the nation.
        """
        out: dict[int, list[str]] = {}
        for i, (kind, heading) in enumerate(blocks):
            m = _CASE_HEADING_RE.match(heading) if kind == "heading" else None
            if m is None:
                continue
            body: list[int] = []
            for j in range(i + 1, len(blocks)):
                if blocks[j][0] == "heading":
                    break
                body.append(j)
            name = self._protagonist(m["title"], "\n".join(blocks[j][1] for j in body))
            if not name:
                continue
            for j in (i, *body):
                if name in blocks[j][1]:
                    out.setdefault(j, []).append(name)
        return out

    def _protagonist(self, title: str, body: str) -> str:
        """The opening of a case's ``title`` that ``body`` makes an actor (see
        :meth:`case_protagonists`), or ""."""
        ends = {t.end for t in self.segmenter.tokens(title)}
        for n in range(min(6, len(title)), 1, -1):
            name = title[:n]
            if n not in ends or not _HAN_NAME_RE.fullmatch(name):
                continue
            opened = re.search(
                r"(?:^|[。，,；;：:\n])\s*" + re.escape(name) + _PROTAGONIST_ACT_RE, body
            )
            if opened is None:
                continue
            first = self.segmenter.tagged(name)[0]
            if first.tag in _NOT_A_NAME_TAGS or name.startswith(_NATION + _COUNTRY_WIDE):
                return ""
            if any(m.kind == "region" and m.name == name for m in self.scanner.find(name)):
                return ""
            return name
        return ""

    def _attributed(self, text: str) -> list[tuple[int, int]]:
        """Spans of the sources a text attributes its statements to, by the
        words that attribute (据海关统计, 另据易观千帆数据显示, 中金公司称,
        天风证券指出, IDC 数据显示): names too short or too bare for their
        structure alone (a company's short name, a brand, an acronym).

        The name between the cue words must be proper: a Latin name, a
        company's short name (…证券, …股份, …科技), a proper noun (jieba's
        ``nt``/``nz``/``j``/``ns``, or a person-tagged word inside a longer
        name: 易观 | 千帆) and nothing else than nouns; never a person
        (黄平透露), a region, a generic word (官方, 调研, 不完全) or an
        event (发布会)."""
        spans: list[tuple[int, int]] = []
        for m in _ATTRIBUTED_RE.finditer(text):
            group = "by" if m["by"] is not None else "says"
            if self._is_source_name(m[group]):
                spans.append((m.start(group), m.end(group)))
        return spans

    def _listed_companies(self, text: str) -> list[tuple[int, int]]:
        """Spans of companies' short names listed one after another (宇信科技、
        长亮科技、拉卡拉等多股, news-14; 新浪、360、微财科技、蓝城兄弟等, news-20):
        a coined two-character name and a short company head (…科技, …股份,
        …证券: :data:`_SHORT_COMPANY_HEADS` not heads of :data:`ORG_HEADS`),
        standing as an item of a list (、 on one side, or 等 after it). The name
        is coined when the segmenter reads it as a proper noun (宇信 ``nz``) or
        knows no word for it (长 | 亮, 微 | 财); a common word (科技 after 量子,
        资本 after 社会 or 战略) makes a field, not a company."""
        spans: list[tuple[int, int]] = []
        tokens: list = []  # type: ignore[type-arg]
        for m in _LISTED_COMPANY_RE.finditer(text):
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end() : m.end() + 1]
            if _CJK_RE.match(before) or not (before == "、" or after in ("、", "等")):
                tokens = tokens or self.segmenter.tagged(text)
                if not self._acted_on(m.group(0)[:2], m.start(), tokens):
                    continue
            stem = self.segmenter.tagged(m.group(0)[:2])
            coined = len(stem) == 2 or (len(stem) == 1 and stem[0].tag in _COINED_TAGS)
            if coined and not self.is_region(m.group(0)[:2]):
                spans.append((m.start(), m.end()))
        return spans

    def _acted_on(self, stem: str, start: int, tokens: list) -> bool:  # type: ignore[type-arg]
        """Whether a company's short name standing alone (国药集团委托云扩科技)
        names one: its stem is no word the dictionary holds, and a verb or a
        preposition right before it acts on it or with it."""
        if self.segmenter.knows(stem):
            return False
        at = next((i for i, t in enumerate(tokens) if t.start == start), None)
        return (
            at is not None
            and at > 0
            and (tokens[at - 1].tag[:1] in {"v", "p"} or tokens[at - 1].word in _ACTS_ON_WORDS)
        )

    def _is_source_name(self, name: str) -> bool:
        if _NOT_AN_ORG_RE.search(name) or _CLAUSE_WORDS_RE.search(name):
            return False
        if _LATIN_NAME_RE.match(name):
            return True
        if self.is_region(name):
            return False  # 据北京统计: a place, not a body
        words = self.segmenter.tagged(name)
        if len(words) == 1 and words[0].tag == "ns":
            return False  # 据海关统计: a kind of body (customs), not one named
        if any(w.word in _TITLE_WORDS for w in words):
            return False  # 上海市商务委副主任申卫华: a person
        if any(w.tag not in _SOURCE_TAGS for w in words):
            return False  # 不完全 (d), 商务大数据 (a), 上个月的运营 (t)
        if name.endswith(_SHORT_COMPANY_HEADS) and len(name) > 2:
            return True
        persons = [w for w in words if w.tag in {"nr", "nrfg", "nrt"}]
        if persons and len(words) == 1:
            return False  # 黄平透露
        return any(w.tag in _PROPER_TAGS for w in words)

    @staticmethod
    def _alias(text: str, end: int) -> str | None:
        m = _ALIAS_RE.match(text[end:])
        return m.group(1).strip() if m else None

    @staticmethod
    def _alias_end(text: str, end: int) -> int:
        m = _ALIAS_RE.match(text[end:])
        return end + m.end() if m else end

    def _structural(self, text: str) -> list[tuple[int, int]]:
        """Spans of names with an organisation's structure: in each run of
        words between punctuation, numbers, times and the words that join
        or end phrases (的, 和, 在, 由 …), the longest stretch that ends in a
        head and, its leading verbs and prepositions trimmed, passes
        :func:`is_org_name`."""
        spans: list[tuple[int, int]] = []
        for lo, hi in _windows(text):
            spans.extend((lo + a, lo + b) for a, b in self._structural_in(text[lo:hi]))
        return spans

    def _structural_in(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        run: list = []  # type: ignore[type-arg]
        tokens = self.segmenter.tagged(text)
        for i, tok in enumerate([*tokens, None]):
            if tok is not None and tok.word.isspace():
                continue
            if (
                tok is not None
                and tok.word in _ACTS_ON_WORDS
                and i + 1 < len(tokens)
                and tokens[i + 1].tag in _PROPER_TAGS
            ):
                tok = None  # 指导 | 上海跨境…有限公司, …厅委托 | 山西…有限公司: a verb's object
            if tok is not None and (
                not _breaks_run(tok)
                or self._inner_and(tokens, i)
                or _joins_places(tokens, i)
                or _unit_and(tokens, i, run)
            ):
                run.append(tok)
                continue
            found = self._name_in(text, run)
            if found is not None:
                spans.append(found)
            run = []
        return spans

    def _named(self, candidate: str, first, brand: bool = False) -> bool:  # type: ignore[no-untyped-def]
        """A body not curated names itself: six characters or more, or it
        opens with a place, a proper name (``brand``: a brand's, see
        :meth:`_brand`) or the nation (湖北省经信厅, 中煤集团, 国药集团, 国家信息
        中心); a bare 信息化厅 or 服务局 is a fragment."""
        name = display_form(candidate)
        if name.startswith(_COUNTRY_WIDE):
            return False  # 全球研发中心, 我国科研院所: a kind of body, not one named
        nation = next((n for n in _NATION if name.startswith(n)), "")
        if nation and name[len(nation) :] in _COLLECTIVE_HEADS:
            return False  # 国家部委, 中央部门: the nation's bodies, not one (中央电视台 is one)
        if len(name) >= 6:
            return True
        # a place, a proper name (中煤 | 集团, 神华集团) or the nation opens it
        proper = (  # a proper name and a head word after it: not 月均 | 有所
            first.tag in _PROPER_TAGS
            and len(first.word) < len(candidate) - 1
            and candidate.endswith(tuple(h for h in ORG_HEADS if len(h) > 1))
        )
        known = first.word == candidate and _known_body(first)  # 北京大学
        return (
            first.tag == "ns"
            or proper
            or known
            or brand
            or candidate.startswith(("国家", "中国", "中央", "全国"))
        )

    def _brand(self, candidate: str, words) -> bool:  # type: ignore[no-untyped-def]
        """Whether ``candidate`` is a rare two-character word and a firm's head
        (国药 | 集团, 中车 | 集团: a brand's firm), not a common word and the head
        (企业集团, 文化集团, 传媒集团: a kind of firm), or a coined name the
        segmenter cut into two characters (御 | 银 | 股份, a listed firm's stock
        name; not 各 | 地 | 集团: function words). Rare: under
        :data:`_RARE_WORD` in jieba's dictionary."""
        first = words[0]
        if candidate[2:] not in _FIRM_HEADS or self.is_region(candidate[:2]):
            return False
        if len(first.word) == 1:
            return (
                len(words) > 1
                and len(words[1].word) == 1
                and not any(_FUNCTION_TAG_RE.match(w.tag) for w in words[:2])
            )
        return (
            len(first.word) == 2
            and first.tag[:1] in {"n", "j"}
            and self.segmenter.frequency(first.word) < _RARE_WORD
        )

    def _conferred(self, words: list) -> bool:  # type: ignore[type-arg]
        """Whether the words name a title conferred on bodies of a kind: a
        place or the nation, then a designation (浙江省 | 特色化 | 软件产业 | 学院,
        国家 | 重点 | 实验室), so a kind of body, not one (after a proper name,
        计算机体系结构国家重点实验室, the title is one body's)."""
        if len(words) < 2 or not (words[0].tag == "ns" or words[0].word.startswith(_NATION)):
            return False
        return any(words[1].word.startswith(term) for term in self.designations)

    def _inner_and(self, tokens: list, i: int) -> bool:  # type: ignore[type-arg]
        """A 和 inside a name a curated name shows (工业和信息化)."""
        if tokens[i].word != "和" or not 0 < i < len(tokens) - 1:
            return False
        joined = f"{tokens[i - 1].word}和{tokens[i + 1].word}"
        return any(joined in name for name in self.joined)

    def _name_in(self, text: str, run: list) -> tuple[int, int] | None:  # type: ignore[type-arg]
        for last in range(len(run) - 1, -1, -1):
            end = run[last].end
            # (a firm's 股份/控股 ends a name only when a brand opens it: 御银股份)
            if not _HEAD_RE.search(text[run[0].start : end]) and not text.endswith(
                _FIRM_HEADS, run[0].start, end
            ):
                continue
            if last > 0 and run[last - 1].tag == "v" and _known_body(run[last]):
                # 依托 | 湖南大学: a verb's object that the segmenter knows as a body
                return run[last].start, end
            if run[last].tag in {"v", "vd"} or (
                last > 0
                and run[last - 1].tag == "v"
                and (
                    run[last - 1].word in _ACTION_VERBS
                    or not any(t.tag == "ns" for t in run[: last - 1])
                )
            ):
                continue  # 布局 (v), 共有政府: a predicate, no name (济南市行政审批服务局 is one)
            trimmed = [bool(_TRIM_TAGS.match(t.tag)) or t.word in _TRIM_WORDS for t in run]
            lead = trimmed.index(False) if False in trimmed[: last + 1] else last + 1
            # 码 | 恪御 | 标信息科技（上海）有限公司: words the dictionary does not know
            # among the "verbs" before a firm's name are the name's own (a brand)
            coined = any(  # (a bracket before the name is no word of it: （中车集团）)
                not self.segmenter.knows(t.word) and t.tag != "x" for t in run[:lead]
            )
            for first in range(last + 1):
                if trimmed[first] and not (
                    coined and _FIRM_END_RE.search(text[run[0].start : end])
                ):
                    continue
                if _COUNTED_BEFORE_RE.search(text, 0, run[first].start):
                    break  # 第三家 | 国家超级计算中心: a body of a kind, counted, not named
                candidate = text[run[first].start : end]
                if candidate.count("（") > candidate.count("）"):
                    continue  # 行业（中车集团）: the name opens inside the bracket
                words = [  # a coined word is a name's, whatever jieba tags it (恪御 v)
                    replace(t, tag="nz") if coined and not self.segmenter.knows(t.word) else t
                    for t in run[first : last + 1]
                ]
                brand = self._brand(candidate, words)
                if brand:
                    words[0] = replace(words[0], tag="nz")  # 国药 | 集团: a brand's name
                if (
                    (is_org_name(candidate) or brand)
                    and not any(word in candidate for word in self.buildings)
                    and self._named(candidate, run[first], brand)
                    and not _describes(words, self.technologies)
                    and not self._conferred(words)
                ):
                    return run[first].start, end
                break
        return None


#: A name in quotation marks.
_QUOTED_RE = re.compile(r"[“「\"](?P<name>[^“”「」\"，。；、,;]{4,30})[”」\"]")
#: An item of a list: the words between 、 (or the list's start) and 、, 等 or 和.
_LIST_ITEM_RE = re.compile(
    r"(?:(?<=、)|(?<=[，,；;：:（(和及与]))(?P<item>[\u4e00-\u9fff]{3,10})(?=、|等|和|及|，|,|）|\))"
)
#: A document's title in corner brackets.
_TITLE_RE = re.compile(r"《[^《》]{1,120}》")
#: A numbered case's heading in a collection of cases (2.中海油服…, 1、…).
_CASE_HEADING_RE = re.compile(
    r"^\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[.．、]\s*(?P<title>\S.*)$"
)
#: Acts a case's protagonist does at the head of a clause of the case (中海油服
#: 计划…, 山东文旅通过…, 多点推出…).
_PROTAGONIST_ACT_RE = (
    "(?:推出|计划|通过|依托|打造|构建|搭建|联合|携手|发布|上线|研发|牵头|结合|建成|推动)"
)
#: A name in Han characters (with Latin letters or digits inside: 中海油服, 5G…).
_HAN_NAME_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]+")
#: jieba's tags of a first word that makes no name: a verb, an adverb, a
#: preposition, a conjunction, a pronoun, a place word or a time.
_NOT_A_NAME_TAGS = frozenset({"v", "vd", "d", "p", "c", "r", "f", "t", "ad"})
#: A numeral and a classifier right before a name (第三家, 首个, 一所): what
#: follows is a kind of body counted, not one named.
_COUNTED_BEFORE_RE = re.compile(r"(?:第?[\d一二三四五六七八九十两]+|首|多|数)\s*[家个所座批]\s*$")
#: Opening quotation marks and the mark that closes each.
_OPENING_QUOTES = {"“": "”", "「": "」", "‘": "’", '"': '"', "『": "』"}
#: How far after a closing quote a word of a product is looked for.
_LONGEST_PRODUCT_WORD = 8


#: (股份 and 控股 too: they end a firm's name when a brand opens it, 御银股份)
_HEAD_ANYWHERE_RE = re.compile(
    "|".join(sorted({*ORG_HEADS, "股份", "控股"}, key=len, reverse=True))
)
_WINDOW_BREAK_RE = re.compile(r"[，。；：！？,;:!?\n]")


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` a name not curated can lie in: each head
    with the words before it back to the last punctuation (tagging them
    alone is much cheaper than tagging the whole passage)."""
    spans: list[tuple[int, int]] = []
    for m in _HEAD_ANYWHERE_RE.finditer(text):
        stop = max((b.end() for b in _WINDOW_BREAK_RE.finditer(text, 0, m.start())), default=0)
        start = max(stop, m.start() - _MAX_NAME - 10)
        end = m.end()
        after = _WINDOW_BREAK_RE.search(text, end)
        end = min(after.start() if after else len(text), end + 12)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


#: Tokens that end a run of name words.
_BREAK_WORDS = frozenset(
    {"的", "和", "与", "及", "在", "由", "从", "对", "向", "为", "被", "把", "将", "等", "或",
     "了", "是", "、", "，", "。", "；", "：", ",",
     # words that point at text (上表中所列 IP 地址分配联盟: the alliance in the table)
     "所列", "所述", "上述", "下列", "前述"}
)  # fmt: skip
#: Tags of function words (prepositions, conjunctions, particles, pronouns,
#: adverbs, numerals, measure words): never a character of a coined name.
_FUNCTION_TAG_RE = re.compile(r"^(?:p|c|u.*|r.*|d|m.*|q)$")
_TRIM_TAGS = re.compile(r"^(?:v|vd|a|ad|d|p|c|r|u.*|m|q|t|x)$")
#: Inside a name not curated: a verb or adjective (健全完善各级政府, …激活发展新动能…
#: 中心), a locative (二级以上公立医院) or a quantifier word makes it a
#: description or a sentence, not a body's name.
_DESCRIBING_TAGS = frozenset({"v", "vd", "a", "ad", "f"})
_DESCRIBING_WORDS = frozenset({"各级", "各类", "各地", "等", "以上", "以下", "及以上"})
#: Heads that end one company's name: a second one after them is a second company
#: (two table cells run together).
_COMPANY_HEADS = frozenset({"有限公司", "股份有限公司", "公司", "集团", "有限责任公司"})
#: Tags of proper nouns (places, persons, brands, organisations, Latin names).
_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "eng", "j"})
_NATION = ("国家", "中国", "中央", "全国", "中华")
#: Words for the whole country or world: 我国华为 is no regional branch.
_COUNTRY_WIDE = ("我国", "国内", "全球", "世界")
#: Heads of government bodies: a region before one names its own (贵州省发改委).
#: Heads that after the nation name a kind of body, not one: 国家部委, 中央部门.
_COLLECTIVE_HEADS = frozenset({"部委", "部门", "机关", "单位", "机构", "部委机关"})
_GOVERNMENT_HEADS = ("委", "局", "厅", "办", "部", "委员会", "办公室", "办公厅")
_TRIM_WORDS = frozenset(
    {"我国", "全国", "国内", "各地", "各级", "相关", "有关", "部分", "来源", "会同", "联合", "协同"}
)  # 会同上海市统计局: the act of joining, not the body's name


#: Verbs of doing, which no body's name holds (北京建设…中心 is a clause): a verb
#: of another kind names a body's field after its place (济南市行政审批服务局).
_ACTION_VERBS = frozenset(
    {"建设", "打造", "推进", "加快", "实施", "开展", "完善", "健全", "建成", "推动", "促进",
     "加强", "提升", "激活", "举办", "发布", "启动", "成立", "设立", "印发", "出台", "引进",
     "培育", "支持", "依托", "筹建", "获批", "入选", "落户", "签约", "组建", "实现", "开通"}
)  # fmt: skip
#: Heads of associations, which an international body's name may end in.
_ASSOCIATION_HEADS = frozenset({"协会", "学会", "联盟", "联合会", "委员会", "组织"})
#: Verbs jieba may tag as nouns that one body does to another named right after
#: them (委托, 指导): they end a name.
_ACTS_ON_WORDS = frozenset({"委托", "指导", "引导", "授权", "会同", "联合", "协同"})


#: Characters no body's name opens with: a numeral (the segmenter cuts 二十国集团
#: as 二 | 十国集团) or a negation (非银行机构: bodies that are not banks).
_NOT_A_NAME_START = frozenset("一二三四五六七八九十百千两非")


def _known_body(token) -> bool:  # type: ignore[no-untyped-def]
    """A word the segmenter tags a body (``nt``) with a body's structure and a
    head of two characters at least: 北京大学, 湖南大学; 科研院所 is a kind, and
    二 | 十国集团 or 非银行 (机构) no name."""
    head = _HEAD_RE.search(token.word)
    return (
        token.tag == "nt"
        and token.word[0] not in _NOT_A_NAME_START
        and head is not None
        and len(head.group()) > 1
        and is_org_name(token.word)
    )


def _describes(words: list, technologies: frozenset[str] = frozenset()) -> bool:  # type: ignore[type-arg]
    """Whether the words of a candidate name describe rather than name (see
    :data:`_DESCRIBING_TAGS`), hold two companies' names, or name a kind of
    body, not one: no proper noun before the head (超级计算中心, 网络科技有限公司,
    传统互联网公司, 国家级交易所) unless it opens with the nation (国家信息中心…)."""
    placed = words[0].tag == "ns" or words[0].word.startswith(_NATION)
    for i, w in enumerate(words[1:], 1):
        if i == 1 and w.word in _ACTION_VERBS:
            return True  # 北京建设人工智能创新中心: a clause (jieba may tag 建设 vn)
        if w.word in _CLAUSE_ADVERBS:
            return True  # …一体化政务服务平台均设置跨省通办: a clause, 通办 no office
        if w.word in _DESCRIBING_WORDS or (w.tag in _DESCRIBING_TAGS and len(w.word) > 1):
            if (
                placed
                and w.tag == "v"
                and w.word not in _ACTION_VERBS
                and words[i - 1].tag != "ns"
                and i < len(words) - 1
            ):
                continue  # 济南市行政审批服务局, 国家超级计算长沙中心: a verb naming a field
            if (
                placed
                and w.tag == "v"
                and w.word not in _ACTION_VERBS
                and i == len(words) - 2
                and words[-1].tag.startswith("n")
            ):
                continue  # 武汉 | 超算 | 中心: a field (jieba tags 超算 a verb) before the head
            return True  # one character (大数据, 新华) is part of a name
    if any(w.word in _COMPANY_HEADS for w in words[:-1]):
        return True
    if len(words) == 1:
        return words[0].tag not in _PROPER_TAGS
    proper = any(
        w.tag in _PROPER_TAGS
        and not (w.tag == "eng" and (len(w.word) < 2 or w.word.lower() in technologies))
        for w in words[:-1]
    )
    national = words[0].word.startswith(_NATION) and not words[0].word.startswith("国家级")
    # 国际汽车工程师协会, 国际电信联盟: an international association names itself so
    international = words[0].word == "国际" and words[-1].word in _ASSOCIATION_HEADS
    return not (proper or national or international)


#: Adverbs that only a clause holds (均设置, 都开通, 已建成), never a name.
_CLAUSE_ADVERBS = frozenset({"均", "都", "已", "也", "还", "又", "更", "正", "仍", "皆"})

#: Dashes that join two places' names into the name of a body of both.
_DASHES = frozenset({"—", "–", "－", "―"})  # "-" never breaks a run


def _unit_and(tokens: list, i: int, run: list) -> bool:  # type: ignore[type-arg]
    """A 与 or 和 inside the name of a unit of a body the run opens with:
    中国信息通信研究院 | 政策 | 与 | 经济 | 研究所 (the institute of policy and
    economics), the unit's head right after the noun that follows it."""
    if tokens[i].word not in {"与", "和"} or not run or run[0].tag != "nt":
        return False
    after = tokens[i + 1 : i + 3]
    return (
        len(after) == 2
        and after[0].tag == "n"  # a common noun: 和中国移动研究院 is another body
        and bool(_HEAD_RE.fullmatch(after[1].word) or after[1].word in ORG_HEADS)
    )


def _joins_places(tokens: list, i: int) -> bool:  # type: ignore[type-arg]
    """A dash between two places' names (中国 | — | 老挝) joins them: a
    bilateral body's name opens with the pair (中国—老挝人工智能创新合作中心,
    seed 003 line 1902), which the dash must not cut."""
    return (
        tokens[i].word in _DASHES
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].tag == "ns"
        and tokens[i + 1].tag == "ns"
    )


#: A person's post: it ends the name of the body before it and is no part of the
#: next (湖南大学信息科学与工程学院院长 国家超级计算长沙中心总工程师 唐卓).
_POSTS = frozenset(
    {"院长", "副院长", "校长", "副校长", "所长", "副所长", "局长", "副局长", "部长", "副部长",
     "司长", "副司长", "厅长", "处长", "主任", "副主任", "书记", "副书记", "总经理", "副总经理",
     "董事长", "总裁", "副总裁", "总工程师", "理事长", "秘书长", "主席", "副主席"}
)  # fmt: skip


#: What stands between a firm and a unit of it in a person's list of posts
#: (网易集团副总裁、杭州研究院执行院长): the first post and a 、.
_POST_BETWEEN_RE = re.compile("(?:" + "|".join(sorted(_POSTS, key=len, reverse=True)) + ")、")
#: The legal or group form that ends a firm's name (网易集团 -> 网易).
_FIRM_END_RE = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)$")


def _breaks_run(token) -> bool:  # type: ignore[no-untyped-def]
    """Punctuation, numbers, times, joining words and a person's post
    (院长, 总工程师) end a run of name words."""
    if token.word in _BREAK_WORDS or token.word in _POSTS:
        return True
    if token.tag in {"m", "t", "uj", "ul", "p", "c"} and token.word not in {"中", "国"}:
        return True
    return token.tag == "x" and token.word not in {"（", "）", "(", ")", "·", "-"}


#: What a source line names when it names no organisation: a method or a compilation.
_METHOD_RE = re.compile(
    r"^(?:根据|据|依据|基于)|整理|计算|测算|估算|得到|汇总|公开资料|网络资料|调查"
)
#: Where a source's name ends: a year, a publication, a channel, a list.
_SOURCE_END_RE = re.compile(
    r"\s*(?:(?:19|20)\d{2}|《|[，,；;、。]|官方微信|微信公众号|公众号|官方网站|官网|官方微博|"
    r"发布|报告|财报|公告|年报|季报|白皮书|数据|统计|查询|网站|APP)"
)


_CLAUSE_WORDS_RE = re.compile(r"[的了是在对把被将和与及等]|以上|以下")
#: Words that attribute what follows to a source, before (据…统计) or after
#: (…数据显示, …指出) its name: a name there is a source, however bare.
_ATTRIBUTED_RE = re.compile(
    r"(?:(?:另|又)?据|根据|依据)(?P<by>[^，。；：、\s“”‘’《》（）()]{2,14}?)"
    r"(?:统计|数据显示|显示|公告|测算|监测|调查|报道|消息)"
    r"|(?:^|(?<=[，。；：！？\s”]))(?P<says>[^，。；：、\s“”‘’《》（）()]{2,12}?)"
    r"(?:数据显示|统计显示|监测显示|调查显示|称|指出|透露)"
)
_LATIN_NAME_RE = re.compile(r"^[A-Z][A-Za-z&.]{1,11}$")
#: Latin words of technology, no body's name (平台 App 的用户).
_TECH_WORDS = frozenset({"app", "apps", "api", "web", "ai", "it", "pc", "ar", "vr", "saas", "paas"})
#: A kind of body then a Latin name, in apposition (网速分析机构 Ookla 发布的…,
#: 市场研究公司 Canalys 数据): the name is the body's.
_KIND_THEN_LATIN_RE = re.compile(
    r"(?:机构|公司|企业|厂商|平台)\s*(?P<name>[A-Z][A-Za-z&.]{1,15})(?![A-Za-z&.])"
    r"(?=\s*(?:发布|报告|数据|统计|称|显示|的))"
)
#: Endings of a company's short name (天风证券, 御银股份, 宇信科技).
_SHORT_COMPANY_HEADS = ("公司", "集团", "证券", "股份", "科技", "银行", "资本", "基金")
#: A company's short name: two characters and a short head that no body's
#: structure ends in (宇信科技, 御银股份, 天风证券).
_LISTED_COMPANY_RE = re.compile(
    "[\u4e00-\u9fff]{2}(?:" + "|".join(h for h in _SHORT_COMPANY_HEADS if h not in ORG_HEADS) + ")"
)
_CJK_RE = re.compile("[\u4e00-\u9fff]")
#: A list of firms: names joined by 、, then 等 or a count, then a kind of firm
#: (依托富士康、腾讯等龙头企业, 如腾讯、哔哩哔哩、阅文、喜马拉雅等 before 总营收 …
#: is not one: no kind follows).
_ITEM_CHAR = r"(?:(?!等)[\u4e00-\u9fffA-Za-z0-9·-])"
_FIRM_LIST_RE = re.compile(
    rf"(?P<items>{_ITEM_CHAR}{{2,12}}(?:、{_ITEM_CHAR}{{2,10}})+)"
    r"(?:等|这?(?P<count>[两二三四五六七八九十\d]+)[个家])[\u4e00-\u9fff]{0,6}?"
    r"(?P<kind>企业|公司|品牌|集团|厂商|运营商)"
)
#: Names joined by 、 up to 等 or the end of a clause, with no kind of firm
#: named (新浪、360、微财科技、蓝城兄弟等投诉量…; 来源：斗鱼、虎牙 2020 年…报告):
#: items of one list are things of one kind, so when most of them are bodies
#: found, the others are bodies too (:meth:`OrgFinder._company_mates`).
_COORDINATED_RE = re.compile(
    r"(?P<items>[\u4e00-\u9fffA-Za-z0-9]{2,10}(?:、[\u4e00-\u9fffA-Za-z0-9]{2,8})+)"
    r"(?=等|\s|[，,。；;：:）)]|$)"
)
#: Letters then digits, or digits then letters: a code, a model or a list's
#: name (TOP500, 5G, A100), not a body's.
_CODE_RE = re.compile(r"[A-Za-z]+\d+[A-Za-z]*|\d+[A-Za-z]+")
#: A kind of firm, then the firms it names (头部企业，如腾讯、哔哩哔哩、阅文、喜马拉雅等).
_FIRMS_SUCH_AS_RE = re.compile(
    r"(?:企业|公司|品牌|厂商|运营商)[，,：:]?\s*(?:如|包括|例如|比如)"
    r"(?P<items>[\u4e00-\u9fffA-Za-z0-9]{2,8}?(?:、[\u4e00-\u9fffA-Za-z0-9]{2,8}?)+)(?=等|[，,。；;])"
)
#: Heads only a firm's name ends in.
_FIRM_HEADS = ("集团", "股份", "控股")
#: jieba's frequency under which a word is rare: a brand, not a common word
#: (国药 91, 中车 none; 传媒 1040, 企业 34826).
_RARE_WORD = 200
#: Tags of a coined name's one word (宇信 nz), not a place's.
_COINED_TAGS = frozenset({"nz", "nr", "nrt", "nrfg", "j"})
#: Words that make a list item a kind or a field, not a coined name (大型, 上市).
_DESCRIPTIVE_RE = re.compile(r"型|类|级|上市|头部|龙头|重点|骨干|中小|大中")
#: Tags a source's name may hold: nouns and proper nouns, an idiom-like brand part.
_SOURCE_TAGS = frozenset({"n", "nt", "nz", "ns", "nr", "nrt", "nrfg", "j", "eng", "i", "l"})
#: Words of a person's title: a name with one is a person's (副主任申卫华).
_TITLE_WORDS = frozenset(
    {"总书记", "书记", "主任", "副主任", "局长", "副局长", "司长", "副司长", "部长", "副部长",
     "负责人", "专家", "教授", "院士", "总经理", "董事长", "分析师", "记者", "主席", "总裁"}
)  # fmt: skip
#: An edition or a session (第55次, 第十三届), not a body.
_ORDINAL_RE = re.compile(r"^第\s*[\d一二三四五六七八九十百]+\s*[次期届版号]")
#: An industry (通信业, 软件产业, 制造行业), not a body; a company's 实业/置业/物业 is one.
_INDUSTRY_END_RE = re.compile(r"(?:产业|行业|[^实置物企]业)$")
_SPEECH_RE = re.compile(r"讲话|致辞|发言|重要指示|贺信|批示|署名文章")


def _counted_or_firms(m: re.Match[str], items: int) -> bool:
    """Whether a list of names before a kind of firm (:data:`_FIRM_LIST_RE`)
    says its items are firms with no doubt: a kind of body (企业, 公司 …), or
    brands counted exactly (极兔、圆通、德邦三个品牌); brands after 等 may be a
    product's (…花生、…白酒等十多个品牌)."""
    if m["kind"] != "品牌":
        return True
    return m["count"] is not None and small_number(m["count"]) == items


def _lines_in_full(text: str, found: list[OrgName]) -> list[OrgName]:
    """``found`` with each line of ``text`` that is one name, a body found at
    its start and more of a name after it, as that unit (a list of names, one a
    line: 中央机构编制委员会办公室政务和公益机构域名注册服务中心, not the office).
    A line with a space in it (a table row's cells) or a second body is no one
    name."""
    out = list(found)
    for org in found:
        start = text.rfind("\n", 0, org.start) + 1
        end = text.find("\n", org.start)
        line = text[start : end if end >= 0 else len(text)]
        if (
            line.strip() == line[org.start - start :].strip()
            and not _WINDOW_BREAK_RE.search(line.strip())
            and not re.search(r"\s", line.strip())
            and not any(o is not org and start <= o.start < start + len(line) for o in found)
            and (unit := _unit_in_full(line.strip(), org.name)) is not None
        ):
            out = [o for o in out if not start <= o.start < start + len(line)]
            out.append(OrgName(unit, org.start, org.start + len(line.strip()), False, None))
    return out


def _unit_in_full(text: str, body: str) -> str | None:
    """``text`` as one name when it is the body ``body`` then more of a name
    that ends in an organisation's head (复旦大学 + 数字与移动治理实验室): a unit
    of it, whose fields may be joined by 与 or 和; else ``None``."""
    unit = display_form(text)
    rest = unit[len(body) :].replace("与", "").replace("和", "")
    if (
        unit.startswith(body)
        and rest
        and len(unit) <= _MAX_NAME
        and _HEAD_RE.search(unit)
        and is_org_name(body + rest)
        and not _CLAUSE_WORDS_RE.search(rest)
    ):
        return unit
    return None


def source_org(body: str, finder: OrgFinder) -> str | None:
    """The organisation a source line (来源：…) names, or ``None``.

    A curated or structured name at its start wins (来源：国家统计局); a method
    (根据国家统计局数据计算) gives the body it names, a compilation (公开资料
    整理) none; otherwise the name before a year, a publication or a channel
    is the source's (嘀嗒出行 2024 年中期业绩公告 -> 嘀嗒出行; 钉钉官方微信公众号
    -> 钉钉) when it is a short name, not a phrase (no 的, 了, 和 …: brand names
    defeat part-of-speech tags, 钉钉 reads as two verbs).

    >>> from cikg.reference import load_reference
    >>> finder = default_finder(load_reference())
    >>> [source_org(b, finder) for b in ("国家统计局", "根据国家统计局数据计算", "公开资料整理",
    ...  "嘀嗒出行 2024 年中期业绩公告", "钉钉官方微信公众号", "习近平同志 2020 年…的讲话")]
    ['国家统计局', '国家统计局', None, '嘀嗒出行', '钉钉', None]
    >>> [source_org(b, finder) for b in ("第55次《中国互联网络发展状况统计报告》",
    ...  "通信业统计公报")]
    [None, None]
    >>> [source_org(b, finder) for b in ("推进 IPv6 规模部署专家委员会", "和讯网")]
    ['推进IPv6规模部署专家委员会', '和讯网']
    >>> source_org("天水发布", finder)  # a city's news account, not the city
    '天水发布'
    >>> source_org("复旦大学数字与移动治理实验室", finder)  # a unit, named in full
    '复旦大学数字与移动治理实验室'
    """
    body = body.strip().rstrip("。")
    named = finder.find(body)
    if named and (named[0].start <= 1 or _METHOD_RE.search(body)):
        unit = _unit_in_full(body[named[0].start :], named[0].name)
        if named[0].start <= 1 and unit is not None and not _METHOD_RE.search(body):
            # 来源：复旦大学数字与移动治理实验室: a unit of the body found, the line's
            # whole name (a 与 between its fields)
            return unit
        return named[0].name
    if _METHOD_RE.search(body):
        return None
    end = _SOURCE_END_RE.search(body)
    name = display_form(body[: end.start()] if end else body).strip()
    if end is not None and finder.is_region(name) and len(body.strip()) <= 8:
        # 天水发布, 上海发布: a government's news account, named with its place
        return display_form(body.strip())
    longest = _MAX_NAME if is_org_name(name) else 12  # 推进IPv6规模部署专家委员会: a body's name
    if not 2 <= len(name) <= longest or any(ch.isdigit() for ch in name[:1]):
        return None
    if _CLAUSE_WORDS_RE.search(name[1:] if name.startswith("和") else name):
        return (
            None  # a phrase, not a name: 各地政府网站的公开信息 (a line opens with no 和: 和讯网)
        )
    if _ORDINAL_RE.match(name) or _INDUSTRY_END_RE.search(name):
        return None  # 第55次《…报告》: an edition; 通信业统计公报: an industry's
    if _NOT_AN_ORG_RE.search(name) or _SPEECH_RE.search(body):
        return None  # a person's speech (习近平同志…时的讲话), an event: no organisation
    return name


def org_finder(ref, segmenter: Segmenter) -> OrgFinder:  # type: ignore[no-untyped-def]
    """The :class:`OrgFinder` over a :class:`~cikg.reference.Reference`'s
    curated organisations and regions (one per build)."""
    return OrgFinder(
        NameScanner(
            [(name, "org") for name in ref.org_labels]
            + [(name, "region") for name in ref.region_labels]
        ),
        segmenter,
        lambda name: ref.org(name) is not None,
        tuple(name for name in ref.org_labels if "和" in name),
        ref.designation_terms,
        ref.product_terms,
        ref.building_terms,
        frozenset(term.lower() for term in ref.glossary.terms if term.isascii()),
    )


def default_finder(ref) -> OrgFinder:  # type: ignore[no-untyped-def]
    """An :class:`OrgFinder` with a segmenter of its own (doctests, tools)."""
    return org_finder(ref, Segmenter.from_reference(ref))
