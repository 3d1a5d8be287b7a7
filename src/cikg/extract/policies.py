"""Policies named in the text, their issuers and dates; organisation and
region mentions; the 术语界定 definitions.

- **Titles.** Every 《…》 title is classified by its ending, as curated data
  says (``cikg:titleSuffix`` in ``policy-types.ttl`` and ``title-kinds.ttl``;
  the longest ending wins): 《推动消费品以旧换新行动方案》 is an action
  programme, 《中国互联网络发展状况统计报告》 a report, 《中国贸易报》 a medium.
  A title whose ending names neither is reported as undecided. Plans named
  without 《》 (“十四五”规划) are found too.
- **Identity.** Spacing artefacts are removed (加 快数 字人才 -> 加快数字人才) and
  a leading 中华人民共和国 does not count: 《网络安全法》 and
  《中华人民共和国网络安全法》 are one policy.
- **Issuers and dates.** In the sentence, the organisations before the verb
  that issues the title (国务院印发《…》; 中央网信办、教育部、工业和信息化部、
  人力资源社会保障部联合印发《…》 -> four) and the sentence's own period before
  the title (2024 年 1 月，国务院印发… -> 2024-01). Titles chained after one
  verb (出台《A》《B》和《C》) share them. 发文字号 (国发〔2024〕7号) when given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cikg.extract.periods import find_periods
from cikg.iris import normalise_key
from cikg.records import Block, BlockKind, IssuedDate
from cikg.wording import display_form

__all__ = [
    "Definition",
    "PolicyMention",
    "blocks_to_definitions",
    "blocks_to_policy_mentions",
    "policy_key",
]

_TITLE_RE = re.compile(r"《([^《》]{2,80})》")
_UNQUOTED_PLAN_RE = re.compile(r"“([^”]{2,8})”(规划|纲要)")
_ISSUE_VERB_RE = re.compile(
    r"(?P<who>[^，。；：,;:《》]*?)(?:联合|共同|正式|先后|相继)?"
    r"(?:印发|发布|出台|颁布|公布|制定|修订|推出|下发|出台了|印发了|发布了)(?:了)?\s*$"
)
_ISSUED_AFTER_RE = re.compile(r"^[^。；]*?(?:的)?(?:出台|印发|发布|颁布|施行|实施|公布)")
_CHAIN_RE = re.compile(r"^[\s、和及与以及]*$")
_DOC_NUMBER_RE = re.compile(r"[（(]?([\u4e00-\u9fff]{1,8}〔\d{4}〕\d{1,4}号)[）)]?")
_ORG_END_RE = re.compile(
    r"(?:部|委|局|院|办|署|厅|行|中心|委员会|办公室|办公厅|总局|政府|国务院|中共中央|常委会|人大|法院)$"
)
_LEAD_RE = re.compile(r"^(?:[^，,]*?年[^，,]*?月?[^，,]*?日?)?(?:，|,)?\s*(?:此外|同时|其中|另外)?")
_PRC_PREFIX = "中华人民共和国"
_DEFINITION_RE = re.compile(r"^[-\s◇◆●]*\*\*(?P<term>[^*]{1,20})\*\*\s*[：:]\s*(?P<text>.+)$")
_SENTENCE_RE = re.compile(r"[^。！？；]*[。！？；]?")


@dataclass(frozen=True, slots=True)
class PolicyMention:
    """A title in a passage and what the text says of it.

    :param title: the title without 《》, spacing artefacts removed.
    :param key: its identity (:func:`policy_key`).
    :param kind: IRI of its policy type or non-policy kind, or ``None``.
    :param is_policy: ``True``/``False``, or ``None`` when undecided.
    :param block: index of the passage in ``Document.blocks``.
    :param issuers: names of the issuing organisations, as written.
    :param date: when the text says it was issued, if it does.
    :param doc_number: its 发文字号, if given.
    """

    title: str
    key: str
    kind: str | None
    is_policy: bool | None
    block: int
    issuers: tuple[str, ...] = ()
    date: IssuedDate | None = None
    doc_number: str | None = None


@dataclass(frozen=True, slots=True)
class Definition:
    """A 术语界定 entry: ``**网民**：指过去半年内…``.

    :param term: the defined term (网民).
    :param text: the definition, verbatim.
    :param block: index of its passage.
    """

    term: str
    text: str
    block: int


def policy_key(title: str) -> str:
    """The identity of a policy title.

    >>> policy_key("中华人民共和国网络安全法") == policy_key("网络安全法")
    True
    >>> policy_key("加 快数 字人才培育") == policy_key("加快数字人才培育")
    True
    """
    key = normalise_key(title)
    return key.removeprefix(_PRC_PREFIX) if len(key) > len(_PRC_PREFIX) + 1 else key


def _issuers(before: str, is_org: Callable[[str], bool]) -> tuple[str, ...]:
    m = _ISSUE_VERB_RE.search(before)
    if not m:
        return ()
    who = _LEAD_RE.sub("", m.group("who")).strip()
    names = [n.strip() for n in re.split(r"、|和|及|与|会同", who) if n.strip()]
    return tuple(n for n in names if is_org(n) or _ORG_END_RE.search(n))


def _date(before: str) -> IssuedDate | None:
    periods = find_periods(before)
    if not periods:
        return None
    p = periods[0]
    if "/id/day/" in p.iri:
        return IssuedDate(p.start.year, p.start.month, p.start.day)
    if "/id/month/" in p.iri:
        return IssuedDate(p.start.year, p.start.month)
    return IssuedDate(p.end.year)


def blocks_to_policy_mentions(
    blocks: Sequence[Block],
    title_kind: Callable[[str], tuple[str, bool] | None],
    is_org: Callable[[str], bool],
) -> list[PolicyMention]:
    """Every title in the passages, classified, with issuers and dates.

    :param blocks: the document's blocks.
    :param title_kind: a title -> (kind IRI, is_policy) by its ending, or
        ``None`` (see :meth:`cikg.reference.Reference.title_kind`).
    :param is_org: whether a name is a curated organisation.
    :return: one mention per title occurrence, in document order.
    """
    out: list[PolicyMention] = []
    for index, block in enumerate(blocks):
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING):
            continue
        for sentence in _SENTENCE_RE.finditer(block.text):
            text = sentence.group(0)
            if not text.strip():
                continue
            chain_end = -1
            issuers: tuple[str, ...] = ()
            date: IssuedDate | None = None
            spans = [(m.start(), m.end(), m.group(1)) for m in _TITLE_RE.finditer(text)]
            spans += [
                (m.start(), m.end(), m.group(0))
                for m in _UNQUOTED_PLAN_RE.finditer(text)
                if not any(a <= m.start() < b for a, b, _ in spans)
            ]
            for start, end, raw in sorted(spans):
                if chain_end < 0 or not _CHAIN_RE.match(text[chain_end:start]):
                    before = text[:start]
                    issuers = _issuers(before, is_org)
                    # a date is the policy's only when the sentence says it was issued
                    issued = _ISSUE_VERB_RE.search(before) or _ISSUED_AFTER_RE.search(text[end:])
                    date = _date(before) if issued else None
                chain_end = end
                title = display_form(raw)
                if len(normalise_key(title)) <= 3:
                    continue  # 《报告》, 《条例》: a reference back to a title, not a title
                kind = title_kind(title)
                number = _DOC_NUMBER_RE.match(text[end : end + 20])
                out.append(
                    PolicyMention(
                        title=title,
                        key=policy_key(title),
                        kind=kind[0] if kind else None,
                        is_policy=kind[1] if kind else None,
                        block=index,
                        issuers=issuers if kind and kind[1] else (),
                        date=date if kind and kind[1] else None,
                        doc_number=number.group(1) if number else None,
                    )
                )
    return out


def blocks_to_definitions(blocks: Sequence[Block]) -> list[Definition]:
    """The entries of a 术语界定 section (a section whose heading names it)."""
    out = []
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.LIST_ITEM or "术语" not in (block.section or ""):
            continue
        m = _DEFINITION_RE.match(block.text)
        if m:
            out.append(Definition(m.group("term").strip(), m.group("text").strip(), index))
    return out
