"""Who issued a policy, from the words before its issuing verb: the bodies
of a joint issuance and the number the text gives (国家发展改革委、中央网信办
等十三个部门 -> two and 13), or the region that stands as the issuer, whose
government issues (上海近期出台《…》 -> 上海市人民政府). The names are found by
:class:`~cikg.extract.organisations.OrgFinder`; :mod:`cikg.extract.policies`
says which words stand before which title.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cikg.extract.numerals import small_number
from cikg.extract.organisations import OrgFinder, OrgName

__all__ = ["region_issuer", "split_joint"]

_JOINT_SEP_RE = re.compile(r"、|，|,|以及|及|和|与|会同|联合")
#: What may stand between issuers and their verb: a date, 近日, 正式, 联合 …
_TAIL_RE = re.compile(
    r"[\s，,]|近日|日前|近期|正式|联合|共同|先后|相继|分别|已|于|在|国内|全国|本市|率先|首次|"
    r"再次|官方|对外|向社会|又|也|还|\d{1,4}\s*[年月日号]|"
    r"[一二三四五六七八九十]{1,3}月|上旬|中旬|下旬|月底|年底|月初|"
    r"第[\d一二三四五六七八九十百]{1,4}次(?:全体)?会议"  # 全国人大常委会第二十次会议
)
_COUNT_RE = re.compile(r"等\s*([一二三四五六七八九十两\d]{1,3})\s*(?:个)?(?:部门|单位|部委|机构)")
#: 等部门, 等有关单位: the named bodies and others, uncounted.
_GROUP_RE = re.compile(r"等(?:有关|相关)?(?:部门|单位|部委|机构)")


def split_joint(who: str, finder: OrgFinder) -> tuple[list[OrgName], int | None]:
    """The bodies of a joint issuance and the number the text gives:
    国家发展改革委、中央网信办、工业和信息化部等十三个部门 -> the three, 13.

    :param who: the words before the issuing verb.
    :return: ``(organisations in order, the stated count or None)``.

    >>> from cikg.extract.organisations import default_finder
    >>> from cikg.reference import load_reference
    >>> finder = default_finder(load_reference())
    >>> names, n = split_joint("人力资源和社会保障部、国家数据局等九部门", finder)
    >>> [o.name for o in names], n
    (['人力资源和社会保障部', '国家数据局'], 9)
    """
    count = _COUNT_RE.search(who)
    names = finder.find(who)
    # what lies between the names must be separators only
    kept: list[OrgName] = []
    previous = 0
    for org in names:
        gap = who[previous : org.start]
        if kept and _JOINT_SEP_RE.sub("", gap).strip():
            kept = []  # not a list: only the last group before the verb counts
        kept.append(org)
        previous = org.end
    # the group must stand right before the verb: 中新网上海 8 月 15 日电 …上海 15 日发布
    # names the agency far before the verb, not the issuer
    tail = _GROUP_RE.sub("", _COUNT_RE.sub("", who[previous:]))
    if kept and _TAIL_RE.sub("", tail).strip():
        kept = []
    return kept, small_number(count.group(1)) if count else None


#: What may stand right before an issuer: the start, a clause's punctuation,
#: the end of a bracket or a quotation (（记者田泓）上海近期出台…).
_CLAUSE_OPENERS = frozenset({"", "，", ",", "：", "；", "）", ")", "」", "”", "】", "电"})


#: Names of the nation that a list of issuers' trailing words may hold (在全国率先).
_COUNTRY_WORDS = frozenset({"全国", "国内", "我国"})
#: A province's government: a city named after its province is named alone.
_PROVINCE_GOVERNMENTS = ("省人民政府", "自治区人民政府")


def region_issuer(
    who: str, finder: OrgFinder, government: Callable[[str], str | None]
) -> str | None:
    """The government of the region that stands as the issuer before an
    issuing verb (上海近期出台《…》, 上海浦东新区官方对外发布了《…》): the words
    right before the verb are region names, one after another, and the
    adverbs a list of issuers may have (:data:`_TAIL_RE`), and they open a
    clause; a region that issues a policy is its people's government.

    :param who: the words before the issuing verb.
    :param government: a region name -> its government's name, or ``None``
        (:meth:`cikg.reference.Reference.government`).
    :return: the government's name, the regions before the last kept as
        written (上海浦东新区人民政府), or ``None``.

    >>> from cikg.extract.organisations import default_finder
    >>> from cikg.reference import load_reference
    >>> ref = load_reference()
    >>> region_issuer("上海近期", default_finder(ref), ref.government)
    '上海市人民政府'
    >>> region_issuer("上海市商务委在国内率先", default_finder(ref), ref.government) is None
    True
    >>> region_issuer("如，山东济南在全国率先", default_finder(ref), ref.government)
    '济南市人民政府'
    """
    # 在全国率先: the nation named in the words after the issuer is no issuer
    matches = [m for m in finder.scanner.find(who) if m.name not in _COUNTRY_WORDS]
    regions: list = []  # type: ignore[type-arg]
    for m in reversed(matches):  # the names that end the words, last first
        end = regions[0].start if regions else len(who)
        if m.kind != "region" or (
            who[m.end : end].strip() if regions else _TAIL_RE.sub("", who[m.end :]).strip()
        ):
            break
        regions.insert(0, m)
    if not regions or who[: regions[0].start].rstrip()[-1:] not in _CLAUSE_OPENERS:
        return None  # 本市商务委上海…: a region inside other words is not the agent
    body = government(regions[-1].name)
    if body is None:
        return None
    if len(regions) > 1 and (government(regions[-2].name) or "").endswith(_PROVINCE_GOVERNMENTS):
        return body  # 山东济南 -> 济南市人民政府: a city's name needs no province before it
    return who[regions[0].start : regions[-1].start] + body
