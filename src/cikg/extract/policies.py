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
- **Issuers** wherever the sentence gives them, found by
  :class:`~cikg.extract.organisations.OrgFinder` (curated names and names of
  an organisation's structure): before the title and its issuing verb
  (国务院印发《…》; 中央网信办、教育部、工业和信息化部联合印发的《…》 -> three;
  a source line's body: 来源：国家统计局《…统计公报》;
  国家发展改革委、中央网信办等十三个部门 -> two and the count 13), after it
  (《…》由 X 印发), and from the prefix of its 发文字号 (《…》（国发〔2024〕7号）
  -> 国务院: curated ``cikg:docNumberPrefix``); a draft's, before 对 when the
  titles are put out for comment (市场监管总局对《A》《B》公开征求意见). Titles
  chained after one verb (出台《A》《B》和《C》, 制定修订《A》《B》) share the
  issuers the sentence names, never the ones another title names itself
  (先后出台《国务院关于…》《智能制造发展规划（2016-2020）》: the plan's issuer is
  not given); X 等部门 gives X. A clause that leaves its subject out and opens by joining
  a body to it (…，并会同上海市统计局建立《…》) has the sentence's subject too.
  A region that stands as the issuer is its government
  (上海近期出台《…》 -> 上海市人民政府), a country abroad too, an organisation as
  ``eli:passed_by`` requires (美国2020年11月发布《…》 -> 美国政府).
- **Dates by their verb:** the date of a sentence that says the title was
  issued (印发, 发布, 出台, 公布, 颁布, 制定, 通过; 建立 a system) is its ``date``, before the
  title or between it and an issuing verb after it (《A》《B》在年内相继发布:
  年内 is the year reported on); a date with
  施行/实施/生效 after the title is its entry into force (《…》自 2021 年 11 月
  1 日起施行). A date in a sentence that says neither is not the policy's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cikg.extract.citations import marker_pattern
from cikg.extract.issuers import region_issuer, split_joint
from cikg.extract.organisations import OrgFinder, source_org
from cikg.extract.periods import find_periods
from cikg.iris import normalise_key, policy_key
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
#: A plan named by its period in quotation marks, without 《》: “十四五”规划,
#: “十三五”规划纲要 (the longest kind word: 规划纲要 is one, not 规划 then 纲要).
_UNQUOTED_PLAN_RE = re.compile(r"“([^”]{2,8})”(规划纲要|规划|纲要)")
#: A plan of a five-year period named without 《》, its field between the
#: period and the kind word (山东“十四五”数字强省建设规划, “十四五”数字经济发展
#: 规划): words of a name only, no clause (的, 是, 在 …) between.
_PERIOD_PLAN_RE = re.compile(
    r"“十[一二三四五六七八九]五”(?:[^\W\d_的是在将要和与及为了等]){1,14}?(?:规划纲要|规划|纲要)"
    r"(?!期|时期|之年)"
)
_ISSUE_VERB_RE = re.compile(
    r"(?P<who>[^，。；：,;:《》]*?)(?:联合|共同|正式|先后|相继|审议)?"
    r"(?:(?:印发|发布|出台|颁布|公布|制定|修订|推出|下发|通过|建立)[并和、]?)+(?:了|实施)?(?:的)?\s*$"
)
#: A clause whose subject is left out, that opens by joining another body to
#: it (…，并会同上海市统计局建立《…》): its subject is the sentence's.
_JOINED_SUBJECT_RE = re.compile(r"^\s*(?:并|还|也|又|另)?\s*(?:会同|联合|协同|携手)")
_ISSUED_BY_RE = re.compile(
    r"^\s*(?:[（(][^）)]*[）)])?\s*(?:由|经)(?P<who>[^，。；《》]{2,40}?)"
    r"(?:联合|共同|正式)?(?:印发|发布|制定|出台|公布|颁布|审议通过|通过)"
)
#: A draft put out for comment or read by who stands before 对 (市场监管总局对《…》
#: 公开征求意见; 全国人大常委会第二十次会议对《…（草案）》进行审议): its issuer; the
#: titles of a chain and 等… may stand between.
_CONSULTER_RE = re.compile(r"(?P<who>[^，。；：,;:《》]*?)对\s*$")
_CONSULTED_RE = re.compile(
    r"^(?:\s*[、和及与]?\s*《[^《》]+》)*\s*(?:[（(][^（）()]{0,30}[）)])?\s*(?:等[^，。；《》]{0,10}?)?"
    r"(?:(?:向社会)?(?:公开)?征求意见|(?:进行)?审议)"
)
#: A title that names its issuers before 关于: 中共中央 国务院关于….
_ABOUT_RE = re.compile(r"^(?P<who>[^《》]{2,30}?)关于")
#: A sentence that counts documents issued together (共出台 21 份政策文件), and
#: what opens the list of them after it (其中，《…》…).
_BATCH_RE = re.compile(
    r"(?:出台|印发|发布|制定|颁布)(?:了)?\s*[\d一二三四五六七八九十两]+\s*(?:份|项|个|部|件)"
    r"[^，。；]{0,12}?(?:文件|政策|制度|措施|规章|法规)"
)
_LIST_OPENER_RE = re.compile(r"^\s*(?:其中|包括|例如|如)[，,：:]?")
#: A title inside a title, in 〈〉 (《〈反垄断法〉修订草案（公开征求意见稿）》).
_INNER_TITLE_RE = re.compile(r"〈([^〈〉]{2,40})〉")
#: A notice that sends out another document: (X)关于印发(Y)的通知.
_TRANSMITTED_RE = re.compile(r"^(?:[^《》]{0,30}?)关于印发(?P<what>.+?)的通知$")
_IN_FORCE_RE = re.compile(
    r"^[^。；]{0,30}?(?:自|于|从)?(?P<date>[^。；，,]{4,16}?)(?:起)?(?:正式)?(?:施行|实施|生效)"
)
#: A title followed by its issue (…》正式印发, …》的出台), not by a phrase the
#: verb modifies (…规划实施的关键之年: a year of its implementation, no date of it).
_ISSUED_AFTER_RE = re.compile(r"^[^。；]*?(?:的)?(?:出台|印发|发布|颁布|施行|实施|公布)(?!的)")
_CHAIN_RE = re.compile(r"^[\s、和及与以及]*$")
_DOC_NUMBER_RE = re.compile(r"[（(]?([\u4e00-\u9fff]{1,8}〔\d{4}〕\d{1,4}号)[）)]?")
#: A sentence that issues a title with its subject left out, going on from the
#: sentence before (同时，印发了《…》): that sentence's issuers issued it too.
_CONTINUED_ISSUE_RE = re.compile(
    r"^\s*(?:同时|此外|另外|随后|此后|其后)[，,]?\s*(?:还|又|也|并)?(?:联合|正式|先后|相继)?"
    r"(?:印发|发布|出台|颁布|公布|制定|下发|推出)了?\s*$"
)
_LEAD_RE = re.compile(
    r"^(?:[^，,]*?年[^，,]*?月?[^，,]*?日?)?(?:，|,)?\s*(?:此外|同时|其中|另外)?\s*(?:在|随着)?"
)
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
    :param issuers: names of the issuing organisations, as written (of a
        work of another kind, its publishers).
    :param date: when the text says it was issued, if it does.
    :param doc_number: its 发文字号, if given.
    :param issuer_count: how many bodies issued it, when the text says so
        and names fewer (中央网信办等 6 部门).
    :param in_force: when the text says it took effect, if it does.
    :param written: the title as written when it names the notice that sent
        the policy out (国务院关于印发…的通知), else ``None``.
    """

    title: str
    key: str
    kind: str | None
    is_policy: bool | None
    block: int
    issuers: tuple[str, ...] = ()
    date: IssuedDate | None = None
    doc_number: str | None = None
    issuer_count: int | None = None
    in_force: IssuedDate | None = None
    written: str | None = None


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


def _issuers(
    before: str,
    after: str,
    own: tuple[str, ...],
    finder: OrgFinder,
    government: Callable[[str], str | None] = lambda region: None,
    subject: tuple[str, ...] = (),
) -> tuple[tuple[str, ...], int | None]:
    """The issuers the sentence names around a title (before its issuing
    verb, or after it: 《…》由 X 印发), and their stated count: shared by the
    titles chained after the verb, unlike the ones a title names itself
    (:func:`_title_issuers`).

    :param before: the sentence before the title.
    :param after: the sentence after it.
    :param own: the issuers the title names itself; when it names some, a
        由 X 印发 after it is not read.
    :param subject: the issuers of the sentence's clause before (上海市商务委
        …发布《A》，…，并会同上海市统计局建立《B》: 上海市商务委), which a clause
        that opens by joining a body to its left-out subject shares (B's
        issuers: 上海市商务委 and 上海市统计局).
    :param government: a region's name -> its government's name, for a
        region that stands as the issuer (上海近期出台《…》; a country:
        美国2020年11月发布《…》 -> 美国政府).
    :return: ``(names in order, the stated count or None)``.
    """
    names: list[str] = []
    count: int | None = None
    m = _ISSUE_VERB_RE.search(before)
    if m is None and _CONSULTED_RE.match(after):
        m = _CONSULTER_RE.search(before)
    if m:
        who = _LEAD_RE.sub("", m.group("who"))
        found, count = split_joint(who, finder)
        if found and _JOINED_SUBJECT_RE.match(who):
            names.extend(subject or _clause_subject(before[: m.start("who")], finder))
        names.extend(o.name for o in found)
        if not found and (
            body := region_issuer(who, finder, government)
            # 美国2020年11月发布《…》: the region before the date the lead takes off
            or region_issuer(m.group("who"), finder, government)
        ):
            names.append(body)
        elif (
            not found
            and not who.strip()
            and (body := _clause_region(before[: m.start("who")], finder, government))
        ):
            names.append(body)  # 深圳先行先试，发布了《…》: the region the sentence opens with
    by = _ISSUED_BY_RE.match(after)
    if by and not names and not own:
        found, count = split_joint(by.group("who"), finder)
        names.extend(o.name for o in found)
    cited = _CITED_FROM_RE.search(before)
    if cited and not names and not own and (who := source_org(cited["who"], finder)):
        names.append(who)  # 来源：国家统计局《…统计公报》: the source line's body published it
    return tuple(dict.fromkeys(names)), count


def _cited_day(
    block: Block, before: str, after: str, kind: tuple[str, bool] | None
) -> IssuedDate | None:
    """The day a footnote that cites a work gives after its title (⁵³ 来源：小红书
    《小红书搜索报告》，https://…，2024 年 8 月 7 日): the work's publication date.
    Not a policy's: a page that posts a policy is dated when it posts it."""
    if block.kind is not BlockKind.FOOTNOTE or not kind or kind[1]:
        return None
    if not _SOURCE_OPENER_RE.match(before):
        return None
    days = [p for p in find_periods(after) if "/id/day/" in p.iri]
    if not days:
        return None
    day = days[-1].start
    return IssuedDate(day.year, day.month, day.day)


#: A source line's opening, with or without a body before the title (来源：《…》).
_SOURCE_OPENER = r"^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d+\])?\s*(?:数据来源|资料来源|来源)\s*[：:]"
_SOURCE_OPENER_RE = re.compile(_SOURCE_OPENER)
#: A source line that names who published the title right after it (⁹³ 来源：
#: 国家统计局《…》, 数据来源：IDC《…》): that body is its publisher.
_CITED_FROM_RE = re.compile(_SOURCE_OPENER + r"\s*(?P<who>[^《》，,。；;：:]{2,30}?)\s*$")


def _place_before(text: str, at: int, finder: OrgFinder) -> int:
    """Where a region named right before ``text[at:]`` starts (山东“十四五”…:
    the province's plan), else ``at``."""
    window = text[max(0, at - 12) : at]
    for match in finder.scanner.find(window):
        if match.kind == "region" and window.endswith(match.name):
            return at - len(match.name)
    return at


def _title_issuers(title: str, finder: OrgFinder) -> tuple[str, ...]:
    """The issuers a title names itself: before 关于 (国务院关于…的指导意见)
    or as the curated bodies it opens with (中共中央 国务院支持浦东新区…的意见).

    They are that title's own: titles chained after one verb share the
    issuers the sentence names, never another title's (先后出台《国务院关于…
    的通知》…《智能制造发展规划（2016-2020）》 names no issuer for the plan:
    CAICT 数字经济 2022 p.10, benchmarks/audit/policies-i-after.jsonl).

    :param title: the title as written, without 《》.
    :return: the names, in order.
    """
    about = _ABOUT_RE.match(title)
    if about:
        found, _ = split_joint(about.group("who"), finder)
        return tuple(o.name for o in found if o.curated)
    return tuple(_leading_bodies(title, finder))


def _merged(own: tuple[str, ...], told: tuple[str, ...], numbered: str | None) -> tuple[str, ...]:
    """A title's issuers: its own, the sentence's, its 发文字号's, each once."""
    return tuple(dict.fromkeys([*own, *told, *([numbered] if numbered else [])]))


def _numbered_issuer(after: str, by_number: Callable[[str], str | None]) -> str | None:
    """The body the prefix of the 发文字号 right after a title numbers
    (《…》（国发〔2024〕7号） -> 国务院), or ``None``: that title's own.

    :param after: the sentence after the title.
    :param by_number: a 发文字号 -> the name of the issuer its prefix names.
    """
    number = _DOC_NUMBER_RE.match(after[:20])
    return by_number(number.group(1)) if number else None


def _clause_subject(before: str, finder: OrgFinder) -> tuple[str, ...]:
    """The organisation that opens a clause of the sentence before (2014年，
    上海市商务委在国内率先…，…，并会同… -> 上海市商务委): the subject a later
    clause leaves out, or none."""
    for clause in re.split(r"[，,；;：:]", before):
        clause = _LEAD_RE.sub("", clause)
        found = finder.find(clause)
        if found and found[0].start == 0:
            return (found[0].name,)
    return ()


def _clause_region(
    before: str, finder: OrgFinder, government: Callable[[str], str | None]
) -> str | None:
    """The government of the region that opens the clause before an issuing
    verb with no subject of its own (深圳先行先试，发布了《…》 -> 深圳市人民政府),
    or ``None``."""
    clause = _LEAD_RE.sub("", re.split(r"[，,；;：:。]", before.rstrip("，, "))[-1])
    matches = finder.scanner.find(clause)
    if not matches or matches[0].start != 0 or matches[0].kind != "region":
        return None
    return government(matches[0].name)


def _leading_bodies(title: str, finder: OrgFinder) -> list[str]:
    """The curated organisations a title opens with, one after another
    (spaces, 、 or 和 between), when more of the title follows them."""
    names: list[str] = []
    position = 0
    for org in finder.find(title):
        if not org.curated or title[position : org.start].strip(" 、和　"):
            break
        names.append(org.name)
        position = org.end
    return names if len(title) - position > 2 else []


#: Blocks whose titles are read: running text, and footnotes (¹⁰³ 网约车安全标准：
#: 指《网络预约出租汽车平台公司安全运营自律规范》…), which name documents as often.
_TEXT_KINDS = frozenset(
    {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING, BlockKind.FOOTNOTE}
)

#: The longest 《》 title read as a short form of an earlier title it ends
#: (《若干意见》, 《实施细则》); a longer one is a title of its own.
_SHORT_FORM = 6

#: A day of the month alone right before the issuing verb (上海 15 日发布《…》).
_DAY_ONLY_RE = re.compile(r"(?<![\d月年])(\d{1,2})\s*日[^。；，,\d]{0,12}$")


#: Words that date an issuance relative to the document's own date; 年内
#: (within the year) is not the end of a span (三年内, 五年内).
_RELATIVE_RE = re.compile(
    r"(?P<word>今年|本年|去年|近日|日前|近期|(?<![\d一二三四五六七八九十两几多半数每])年内)"
)
#: The words between a title (and the titles chained after it) and the
#: issuing verb that follows them: 《A》《B》在年内相继发布, 《…》于2021年6月10日发布.
#: Only a date and the adverbs around it may stand there: 《…规划》提出2025年前
#: 发布… says what the plan asks for, not when it was issued.
_DATED_AFTER_RE = re.compile(
    r"^(?:\s*[、和及与]?\s*《[^《》]+》)*\s*(?:在|于|已于|已经|已|均|也|又)*\s*"
    r"(?P<words>(?:\d{4}\s*年)?\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*日)?"
    r"(?:今年|本年|去年|年内|近日|日前|近期)?)\s*"
    r"(?:正式)?(?:相继|先后|分别)?(?:出台|印发|发布|颁布|公布)"
)


def _date(
    before: str, published: IssuedDate | None = None, year: int | None = None
) -> IssuedDate | None:
    """The date a sentence's words before a title give it. A month without a
    year (7 月) is of the report's ``year`` (the year it reports on: 3 月 in
    数字中国发展报告（2021年）, published in 2022, is March 2021), else of the
    year of ``published``; in the year of publication, a month later than the
    publication's is the year before's. A day alone
    (15 日) is of the month of ``published`` when that is a day (a news
    article's dateline: 中新网上海 8 月 15 日电 … 上海 15 日发布), or of the month
    before when it is later than that day. 今年/去年 and 近日/日前/近期 are
    of ``published`` (its year; its month); 年内 (within the year) is the
    year the document reports on (《…》在年内相继发布 in the 55th CNNIC report,
    on 2024: 2024)."""
    periods = find_periods(before)
    year = year or (published.year if published else None)
    if not periods and year is not None:
        # 7 月，…联合印发的《…》 in a report on 2020 published 2020-09: July 2020;
        # a month later than the publication's, in its year, is the year before's
        periods = find_periods(before, year)
        if (
            periods
            and published is not None
            and published.year == year
            and published.month
            and periods[0].start.month > published.month
        ):
            periods = find_periods(before, year - 1)
    relative = _RELATIVE_RE.search(before)
    if not periods and relative and relative["word"] == "年内" and year is not None:
        return IssuedDate(year)  # 在年内相继发布: the year reported on
    if not periods and published is not None:
        if relative and relative["word"] in {"今年", "本年"}:
            return IssuedDate(published.year)  # 今年初，…印发了《…》
        if relative and relative["word"] == "去年":
            return IssuedDate(published.year - 1)
        if relative and relative["word"] != "年内":  # 近日/日前…印发: the article's month
            return IssuedDate(published.year, published.month)
    if not periods:
        day = _DAY_ONLY_RE.search(before)
        if day is None or published is None or published.day is None:
            return None
        d = int(day.group(1))
        if not 1 <= d <= 31:
            return None
        year, month = published.year, published.month or 1
        if d > published.day:  # 28 日 in an article of 8 月 2 日: July's
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        try:
            dt.date(year, month, d)
        except ValueError:
            return None  # 31 日 of a month that has 30
        return IssuedDate(year, month, d)
    p = periods[0]
    if "/id/day/" in p.iri:
        return IssuedDate(p.start.year, p.start.month, p.start.day)
    if "/id/month/" in p.iri:
        return IssuedDate(p.start.year, p.start.month)
    return IssuedDate(p.end.year)


def blocks_to_policy_mentions(
    blocks: Sequence[Block],
    title_kind: Callable[[str], tuple[str, bool] | None],
    finder: OrgFinder,
    by_number: Callable[[str], str | None] = lambda number: None,
    is_kind_word: Callable[[str], bool] = lambda title: False,
    published: IssuedDate | None = None,
    report_year: int | None = None,
    government: Callable[[str], str | None] = lambda region: None,
) -> list[PolicyMention]:
    """Every title in the passages, classified, with issuers and dates.

    :param blocks: the document's blocks.
    :param title_kind: a title -> (kind IRI, is_policy) by its ending, or
        ``None`` (see :meth:`cikg.reference.Reference.title_kind`).
    :param finder: finds organisation names (curated and by structure).
    :param by_number: a 发文字号 -> the name of the body its prefix names
        (curated ``cikg:docNumberPrefix``), or ``None``.
    :param is_kind_word: whether a title is only the word of a kind
        (《行动方案》): it refers back to the last title named before that ends
        with it, and is left out when there is none. A title of at most six
        characters that ends an earlier one (《若干意见》) refers back too.
    :param published: the document's date (a news article's dateline, a
        report's date): a month or a day alone before the issuing verb is of
        its year or month.
    :param report_year: the year the document reports on, which a month
        without a year is of.
    :param government: a region's name -> its people's government's name
        (:meth:`cikg.reference.Reference.government`): a region that issues
        a title (上海近期出台《…》) is its government.
    :return: one mention per title occurrence, in document order.
    """
    out: list[PolicyMention] = []
    seen: list[str] = []  # the titles met so far, for references back (《行动方案》)
    # 2024 年，各部门…共出台 21 份政策文件…。其中，《A》…；《B》…。: the titles the
    # 其中 list names were issued when the sentence before says; the list runs to
    # its 。, over the lines of a hard-wrapped paragraph
    batch: IssuedDate | None = None
    listing = False
    for index, block in enumerate(blocks):
        if block.kind not in _TEXT_KINDS:
            continue
        if block.kind is BlockKind.HEADING:
            batch, listing = None, False
        previous: tuple[str, ...] = ()  # the issuers the sentence before named
        previous_date: IssuedDate | None = None  # and the date it issued a title on
        for sentence in _SENTENCE_RE.finditer(block.text):
            text = sentence.group(0)
            if not text.strip():
                continue
            counted = _BATCH_RE.search(text)
            if counted and not _TITLE_RE.search(text):
                batch, listing = _date(text[: counted.start()], published, report_year), False
            elif batch is not None and _LIST_OPENER_RE.match(text):
                listing = True
            elif not listing:
                batch = None
            chain_end = -1
            subject: tuple[str, ...] = ()  # the issuers of the sentence's clause before
            told: tuple[str, ...] = ()  # the issuers the sentence names for its titles
            count: int | None = None
            date: IssuedDate | None = None
            spans = [(m.start(), m.end(), m.group(1)) for m in _TITLE_RE.finditer(text)]
            inner = [  # 《〈反垄断法〉修订草案》 names 反垄断法 too (but says nothing of it)
                (start + 1 + m.start(), start + 1 + m.end(), m.group(1))
                for start, _, title in spans
                for m in _INNER_TITLE_RE.finditer(title)
            ]
            spans += inner
            spans += [
                (m.start(), m.end(), m.group(0))
                for m in _UNQUOTED_PLAN_RE.finditer(text)
                if not any(a <= m.start() < b for a, b, _ in spans)
            ]
            spans += [
                (at, m.end(), text[at : m.end()])
                for m in _PERIOD_PLAN_RE.finditer(text)
                if not any(a <= m.start() < b for a, b, _ in spans)
                for at in [_place_before(text, m.start(), finder)]
                # one plan: a place's, or one the sentence says was issued (各地加快推动
                # “十四五”数字经济规划落地: each place's plan of a kind, no one policy)
                if at < m.start()
                or _ISSUE_VERB_RE.search(text[: m.start()])
                or _ISSUED_AFTER_RE.search(text[m.end() :])
            ]
            for start, end, raw in sorted(spans):
                nested = (start, end, raw) in inner  # the title it is inside is the one issued
                own = _title_issuers(raw, finder) if not nested else ()
                if not nested and (chain_end < 0 or not _CHAIN_RE.match(text[chain_end:start])):
                    before = text[:start]
                    told, count = _issuers(before, text[end:], own, finder, government, subject)
                    continued = _CONTINUED_ISSUE_RE.match(before)
                    if not told and not own and continued:
                        told = previous  # …印发了《A》。同时，印发了《B》: the same issuers
                    subject = _merged(own, told, _numbered_issuer(text[end:], by_number)) or subject
                    # a date is the policy's only when the sentence says it was issued
                    issued = (
                        _ISSUE_VERB_RE.search(before)
                        or _ISSUED_AFTER_RE.search(text[end:])
                        or (_CONSULTER_RE.search(before) and _CONSULTED_RE.match(text[end:]))
                    )
                    date = _date(before, published, report_year) if issued else None
                    dated = _DATED_AFTER_RE.match(text[end:])
                    if date is None and dated and dated["words"].strip():
                        # 《A》《B》在年内相继发布: the words before the verb after them
                        date = _date(dated["words"], published, report_year)
                    if date is None and listing:
                        date = batch
                    if date is None and continued:
                        date = previous_date  # 今年初，…印发了《A》。同时，印发了《B》: then too
                if not nested:
                    chain_end = end
                title = written = display_form(raw)
                sent = _TRANSMITTED_RE.match(title)
                if sent and (sent_kind := title_kind(sent["what"].strip("《》"))) and sent_kind[1]:
                    # 国务院关于印发“宽带中国”战略及实施方案的通知: the notice that
                    # sends a policy out is that policy's issuance, not one of its own
                    title = sent["what"].strip("《》")
                if len(normalise_key(title)) <= 3:
                    continue  # 《报告》, 《条例》: a reference back to a title, not a title
                earlier = next((t for t in reversed(seen) if t.endswith(title)), None)
                if is_kind_word(title) or (earlier and len(title) <= _SHORT_FORM):
                    # 《行动方案》 after 《…行动方案（2023-2025年）》, 《若干意见》 after
                    # 《关于促进…的若干意见》: that title again
                    if earlier is None:
                        continue
                    title = earlier
                seen.append(title)
                kind = title_kind(title)
                # a policy's issuers, or the publishers of a work of another kind (a
                # report, a standard): one reading of the sentence for both
                issued_here = bool(kind) and not nested
                number = _DOC_NUMBER_RE.match(text[end : end + 20])
                force = _IN_FORCE_RE.match(text[end:])
                in_force = _date(force.group("date")) if force else None
                out.append(
                    PolicyMention(
                        title=title,
                        key=policy_key(title),
                        kind=kind[0] if kind else None,
                        is_policy=kind[1] if kind else None,
                        block=index,
                        issuers=_merged(own, told, _numbered_issuer(text[end:], by_number))
                        if issued_here
                        else (),
                        date=(date or _cited_day(block, text[:start], text[end:], kind))
                        if issued_here
                        else None,
                        doc_number=number.group(1) if number and not nested else None,
                        issuer_count=count if issued_here else None,
                        in_force=in_force if issued_here else None,
                        written=written if written != title else None,
                    )
                )
            previous = subject
            previous_date = date
            if listing and text.rstrip().endswith(("。", "！", "？")):
                batch, listing = None, False  # the 其中 list ends with its sentence
    out.extend(_defined_titles_issued(blocks, out, finder, government, published, report_year))
    return out


#: A footnote that defines a term as titles (¹⁰³ 网约车安全标准：指《A》和《B》。).
_TITLES_TERM_RE = re.compile(
    r"^\s*(?P<term>[^：:，,。；;《》\s]{2,20})\s*[：:]\s*(?:指|即|包括)\s*《"
)


def _defined_titles_issued(
    blocks: Sequence[Block],
    mentions: Sequence[PolicyMention],
    finder: OrgFinder,
    government: Callable[[str], str | None],
    published: IssuedDate | None,
    report_year: int | None,
) -> list[PolicyMention]:
    """The titles a footnote defines a term as, issued where the text says the
    term, marked with that footnote, was issued: 网约车安全标准¹⁰³由中国交通运输
    协会首次发布 with ¹⁰³ 网约车安全标准：指《网络预约出租汽车平台公司安全运营
    自律规范》和《私人小客车合乘信息服务平台公司安全运行技术规范》 -> both, issued by
    中国交通运输协会 (one mention of each in the passage, with its issuers and
    date, read as for a title in their place)."""
    defined: dict[str, tuple[str, list[PolicyMention]]] = {}
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.FOOTNOTE and block.marker:
            m = _TITLES_TERM_RE.match(block.text.lstrip("⁰¹²³⁴⁵⁶⁷⁸⁹[]0123456789 "))
            titles = [t for t in mentions if t.block == index and t.kind]
            if m and titles:
                defined[block.marker] = (m["term"], titles)
    found: list[PolicyMention] = []
    if not defined:
        return found
    for index, block in enumerate(blocks):
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        for marker, (term, titles) in defined.items():
            marked = re.escape(term) + marker_pattern(marker, False).pattern
            for hit in re.finditer(marked, block.text):
                start = block.text.rfind("。", 0, hit.start()) + 1
                stop = block.text.find("。", hit.end())
                before = block.text[start : hit.start()]
                after = block.text[hit.end() : stop if stop >= 0 else len(block.text)]
                issuers, _ = _issuers(before, after, (), finder, government)
                if not issuers:
                    continue
                issued = _ISSUE_VERB_RE.search(before) or _ISSUED_AFTER_RE.search(after)
                date = _date(before, published, report_year) if issued else None
                found.extend(
                    PolicyMention(
                        title=t.title,
                        key=t.key,
                        kind=t.kind,
                        is_policy=t.is_policy,
                        block=index,
                        issuers=issuers,
                        date=date,
                    )
                    for t in dict((t.key, t) for t in titles).values()
                )
    return found


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
