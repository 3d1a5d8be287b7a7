"""The area a figure is about.

An observation enters the national series (area CN) only when the text or
the document says it is national. In order:

1. the area the figure's own lead names (我国, 全国, 国内 -> the nation;
   北京, 深圳 -> that region; 全球, 世界 -> the world; 美国 -> that country);
2. the area an earlier clause of the same sentence named (上海有超 1000 家药店
   加入…，…服务 204.7 万人次: both are Shanghai's);
3. the area an earlier sentence of the paragraph named as its topic, in its
   first clause (北京市…。5G 基站累计建设 9.6 万个: a paragraph about
   Beijing goes on about Beijing until it names another area); an area
   named later in a sentence (高于全球增速) or the world does not flow on;
4. the document's scope (``dcterms:spatial``: a provincial report, an
   article about one city);
5. otherwise the nation, which a Chinese report's unqualified figures are
   about (source ``None``: nothing asserted it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["WHOLE_OF_HERE", "AreaState", "resolve_area"]

_NATION = frozenset({"我国", "全国", "国内", "中国", "中华人民共和国"})
_WORLD = frozenset({"全球", "世界"})


@dataclass
class AreaState:
    """Areas named so far: in the sentence being read, and in the paragraph."""

    sentence: str | None = None
    paragraph: str | None = None
    topic: str | None = None  # the area the sentence's first clause names
    recent: list[str] = field(default_factory=list)  # regions named so far, latest last

    def start_sentence(self) -> None:
        """A new sentence: the area the last one named as its topic becomes
        the paragraph's (the world never does)."""
        if self.topic is not None:
            self.paragraph = None if self.topic == "全球" else self.topic
        self.sentence = self.topic = None

    def name(
        self,
        area: str,
        region_of: Callable[[str], str | None],
        first: bool,
        level_of: Callable[[str], str | None] = lambda name: None,
    ) -> None:
        """A clause named ``area``: it governs the rest of the sentence, and
        the paragraph when it is the sentence's first clause. The whole of a
        region named before (全市, 全区, 本省, 该县) is the latest region of that
        kind the paragraph named (…南湖区数字经济…稳居嘉兴第一…。2022 年全区
        软件业务收入… -> 南湖区, not 嘉兴).

        :param first: whether the clause is the sentence's first.
        :param level_of: a region name -> its level (``"province"``,
            ``"prefecture"``, ``"county"`` …), for 全市 and the like.
        """
        if area in WHOLE_OF_HERE:
            canonical = next(
                (r for r in reversed(self.recent) if _is_kind(r, area[-1], level_of)), None
            )
        else:
            canonical = _canonical(area, region_of)
            if canonical is not None and canonical not in {"全国", "全球"}:
                self.recent.append(canonical)
        if canonical is not None:
            self.sentence = canonical
            if first:
                self.topic = canonical


#: The whole of the region the text is about (全市, 本省, 该区 …): an area, not a
#: subject; its last character says the kind of region it refers back to.
WHOLE_OF_HERE = frozenset(
    {"全市", "全省", "全区", "全县", "全州", "全镇", "全乡", "本市", "本省", "本区", "本县",
     "该市", "该省", "该区", "该县", "全域"}
)  # fmt: skip
#: Municipalities and autonomous regions: provinces a 市 or 区 can name.
_PROVINCE_KINDS = {
    "市": ("北京", "上海", "天津", "重庆"),
    "区": ("内蒙古", "广西", "西藏", "宁夏", "新疆"),
}


def _is_kind(region: str, kind: str, level_of: Callable[[str], str | None]) -> bool:
    """Whether ``region`` is a 市, 区, 县, 省 or 州 (``kind``): by its name's
    ending, else by its level (南京 is a 市: a prefecture; 广西 a 区)."""
    if region.endswith(kind):
        return True
    level = level_of(region)
    if level == "province":
        return kind == "省" or region.startswith(_PROVINCE_KINDS.get(kind, ()))
    return kind == "市" and level == "prefecture"


def _canonical(area: str, region_of: Callable[[str], str | None]) -> str | None:
    if area in _NATION:
        return "全国"
    if area in _WORLD:
        return "全球"
    return region_of(area)


def resolve_area(
    named: str | None,
    state: AreaState,
    scope: str | None,
    region_of: Callable[[str], str | None],
    first: bool = False,
    level_of: Callable[[str], str | None] = lambda name: None,
) -> tuple[str | None, str | None]:
    """The area of a figure and where it came from.

    :param named: the area the figure's lead names, as written, or ``None``.
    :param state: areas named earlier in the sentence and paragraph (updated
        with ``named``).
    :param scope: the document's scope (a curated region name) or ``None``.
    :param region_of: a name -> the curated region name, or ``None``.
    :param first: whether the figure stands in its sentence's first clause.
    :param level_of: a region name -> its level, for 全市 and the like.
    :return: ``(area, source)``: the area as a curated region name (``None``
        for the nation), source ``"text"``, ``"paragraph"``, ``"scope"`` or
        ``None`` (the national default).

    >>> state = AreaState()
    >>> resolve_area("北京", state, None, lambda s: s)
    ('北京', 'text')
    >>> resolve_area(None, state, None, lambda s: s)
    ('北京', 'text')
    >>> resolve_area("我国", state, None, lambda s: s)
    (None, 'text')
    >>> resolve_area(None, AreaState(), "上海", lambda s: s)
    ('上海', 'scope')
    """
    if named is not None:
        state.name(named, region_of, first, level_of)
    if state.sentence is not None:
        return _national(state.sentence), "text"
    if state.paragraph is not None:
        return _national(state.paragraph), "paragraph"
    if scope is not None:
        return _national(scope), "scope"
    return None, None


def _national(area: str) -> str | None:
    return None if area in _NATION else area
