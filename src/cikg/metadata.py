"""Report metadata from the document itself: title, publisher, date, edition,
slug, and the reports an article discusses.

No table of files: a new edition is recognised the way the seeds are.

- A web article (YAML front matter) takes ``title``, ``source`` (publisher)
  and ``date`` from the front matter; the 《…》 report titles in its title
  (第54次《中国互联网络发展状况统计报告》) become ``references``. Its slug is
  ``article-{date}-{hash}``.
- A document without a title page (a news article saved as text) is read
  by :mod:`cikg.datelines`: its title is the headline a reprint keeps
  (原标题：…), else its first heading, else its first line when that is a
  short headline line standing alone, else the file name (and a finding
  says so); its date and publisher come from a leading timestamp and the
  dateline (中新社武汉 8 月 11 日电, IT之家 8 月 13 日消息), else from the saved
  page's header (新华社 2023-08-17 09:44，正文：, 来源：成都日报) or an event date
  opening the lead (8月3日，…), the year from the times the text names
  (:func:`dateline_year`); the publisher else from a closing 来源：… line.
  Its slug is ``article-{date}-{hash}``.
- Every document gets a **scope**, the region it is about (``dcterms:spatial``
  of the report; the default area of its figures): the one region its title
  names (the most specific when it names a province and a city of it, none
  when it names two unrelated ones); for a document whose title names none,
  the most specific region that holds more than half of the body's region
  mentions (at least two), a mention of a city counting for its province
  and the nation too (武汉 ×8, 湖北 ×4 and 中国 ×3 make 湖北); 中国/我国 are
  the nation (国内 too), and so is 全国. A region named as a yardstick is no
  mention (:func:`is_yardstick`): what a sentence's subject is compared with
  or ranked in (我国…仅高于列支敦士登, 仅次于列支敦士登, 低于美国, 与美国相比,
  占上海全市1/4, 位居全国第一, 排名全球第二, 全球平均水平) is not what the text
  is about, its subject is; so the places a national figure is ranked
  against do not outvote the nation. Without such a region, the dateline's
  place when the body names it at least as often as any other. Names inside
  organisation names do not count (北京市通信管理局 is not a mention of
  北京), nor a region named as the origin of goods (“四川造”出口商品); a
  province written before its city (广东梅州, 上海浦东新区) is one mention, of
  the city.
- A report takes its title, publishers and date from the title page
  (:attr:`~cikg.records.Document.cover`): lines that name a curated
  organisation are publishers, a ``YYYY 年 M 月`` line is the date, the other
  Chinese lines of the first group are the title. When the cover has no
  date, the first date line standing alone before the first chapter is
  taken (the 前言 signature). The slug is the series' prefix and the
  edition (第55次 -> ``cnnic-55``) or the year the title names
  (（2024年） -> ``digital-china-2024``); a title of no curated series gets
  ``report-{hash}``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from cikg.datelines import read_closing_source, read_lead
from cikg.errors import InputError
from cikg.extract.periods import find_periods
from cikg.iris import IriMinter, normalise_key
from cikg.names import NameMatch, NameScanner
from cikg.records import BlockKind, Document, Finding, IssuedDate, ReportMetadata
from cikg.reference import Reference
from cikg.wording import display_form

__all__ = [
    "document_scope",
    "document_to_metadata",
    "is_yardstick",
    "parse_issued",
    "split_report_title",
]

_CN_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_EDITION_RE = re.compile(r"第\s*(\d{1,3})\s*次")
_YEAR_RE = re.compile(r"[（(]\s*(\d{4})\s*年?\s*[）)]")
_QUOTED_TITLE_RE = re.compile(r"(?:第\s*(\d{1,3})\s*次\s*)?《([^《》]{2,60})》")
_LATIN_ONLY_RE = re.compile(r"^[\x00-\x7f]+$")


def parse_issued(text: str) -> IssuedDate | None:
    """A publication date in a line or front-matter value.

    >>> parse_issued("2025 年 1 月")
    IssuedDate(year=2025, month=1, day=None)
    >>> parse_issued("2024-08-31")
    IssuedDate(year=2024, month=8, day=31)
    >>> parse_issued("2024 年上半年") is None
    True
    """
    m = _CN_DATE_RE.search(text) or _ISO_DATE_RE.search(text)
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    day = int(m.group(3)) if m.group(3) else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return IssuedDate(year, month, day)


def _is_date_line(text: str) -> bool:
    m = _CN_DATE_RE.search(text) or _ISO_DATE_RE.search(text)
    return bool(m) and len(text.replace(" ", "")) <= len(m.group(0).replace(" ", "")) + 2


def split_report_title(title: str) -> tuple[str, int | None, int | None]:
    """Split a report title into its series title, edition and year.

    :return: ``(series_title, edition, year)``.

    >>> split_report_title("第55次中国互联网络发展状况统计报告")
    ('中国互联网络发展状况统计报告', 55, None)
    >>> split_report_title("数字中国发展报告（2024年）")
    ('数字中国发展报告', None, 2024)
    """
    edition = _EDITION_RE.search(title)
    year = _YEAR_RE.search(title)
    base = _YEAR_RE.sub("", _EDITION_RE.sub("", title))
    return (
        normalise_key(base).strip("《》"),
        int(edition.group(1)) if edition else None,
        int(year.group(1)) if year else None,
    )


def _clean_title(text: str) -> str:
    return display_form(text.replace("*", ""))


def _slug(
    title: str, ref: Reference, minter: IriMinter
) -> tuple[str, str | None, int | None, int | None]:
    """(slug, series IRI, edition, year) for a report title."""
    base, edition, year = split_report_title(title)
    series = ref.series_for(base)
    if series is not None and (edition or year):
        return f"{series.slug_prefix}-{edition or year}", series.iri.value, edition, year
    return (
        minter.hashed_slug("report", title),
        (series.iri.value if series else None),
        edition,
        year,
    )


def _references(text: str, ref: Reference, minter: IriMinter) -> tuple[str, ...]:
    found: list[str] = []
    for m in _QUOTED_TITLE_RE.finditer(text):
        edition, quoted = m.group(1), m.group(2)
        title = f"第{edition}次{quoted}" if edition else quoted
        base, _, _ = split_report_title(title)
        if ref.series_for(base) is None:
            continue
        slug, _, ed, yr = _slug(title, ref, minter)
        if (ed or yr) and slug not in found:
            found.append(slug)
    return tuple(found)


def _article_metadata(doc: Document, ref: Reference, minter: IriMinter) -> ReportMetadata:
    fm = doc.front_matter
    assert fm is not None
    if not fm.title:
        raise InputError(doc.path, "front matter has no 'title'", line=1)
    issued = parse_issued(fm.date) if fm.date else None
    stamp = issued.isoformat() if issued else "undated"
    return ReportMetadata(
        slug=minter.hashed_slug(f"article-{stamp}", fm.title, length=6),
        title=fm.title.strip(),
        publishers=(fm.source.strip(),) if fm.source else (),
        issued=issued,
        is_article=True,
        url=fm.url,
        references=_references(fm.title, ref, minter),
        scope=document_scope(fm.title, _body_text(doc), ref),
    )


def _report_metadata(doc: Document, ref: Reference, minter: IriMinter) -> ReportMetadata:
    title_parts: list[str] = []
    publishers: list[str] = []
    issued: IssuedDate | None = None
    title_done = False
    for _, text in doc.cover:
        clean = _clean_title(text)
        if not clean or clean.isdigit() or _LATIN_ONLY_RE.match(clean):
            title_done = title_done or bool(title_parts)
            continue
        if _is_date_line(clean):
            issued = issued or parse_issued(clean)
            title_done = title_done or bool(title_parts)
        elif ref.org(clean) is not None:
            if clean not in publishers and all(ref.org(p) != ref.org(clean) for p in publishers):
                publishers.append(clean)
            title_done = title_done or bool(title_parts)
        elif not title_done:
            title_parts.append(clean)
    if not title_parts:
        return _coverless_metadata(doc, ref, minter)
    title = "".join(title_parts)
    if issued is None:
        for block in doc.blocks:
            if block.kind is BlockKind.HEADING and block.level == 1 and block.text.startswith("第"):
                break
            if block.kind is BlockKind.PARAGRAPH and _is_date_line(block.text):
                issued = parse_issued(block.text)
                break
    slug, series, edition, year = _slug(title, ref, minter)
    return ReportMetadata(
        slug=slug,
        title=title,
        publishers=tuple(publishers),
        issued=issued,
        series=series,
        edition=edition,
        year=year,
        scope=document_scope(title, _body_text(doc), ref),
    )


_MAX_HEADLINE_LINE = 40
_SENTENCE_END_RE = re.compile(r"[。！？!?；;]")


def _body_text(doc: Document) -> str:
    return "\n".join(
        b.text for b in doc.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
    )


def _coverless_metadata(doc: Document, ref: Reference, minter: IriMinter) -> ReportMetadata:
    """Metadata of a document without a title page (see the module's docstring)."""
    first = next((b for b in doc.blocks if b.kind is not BlockKind.TOC), None)
    lead = read_lead(first.text if first else "", ref.media_labels)
    findings: list[Finding] = []
    title = lead.headline
    if title is None and first is not None:
        heading = next((b for b in doc.blocks if b.kind is BlockKind.HEADING), None)
        if heading is not None and heading.line <= (first.line + 3):
            title = _clean_title(heading.text)
        elif (
            len(doc.blocks) > 1
            and first.line == first.end_line
            and len(first.text.strip()) <= _MAX_HEADLINE_LINE
            and not _SENTENCE_END_RE.search(first.text)
        ):
            title = _clean_title(first.text)
    if not title:
        title = doc.path.stem
        findings.append(
            Finding(
                "no-title",
                "no title page, headline or heading; the file name stands for the title",
                line=first.line if first else 1,
            )
        )
    issued = lead.date
    body = _body_text(doc)
    if issued is None and lead.month_day is not None:
        issued = dateline_year(*lead.month_day, body)
    publishers = lead.publishers
    last = next((b for b in reversed(doc.blocks) if b.kind is BlockKind.PARAGRAPH), None)
    if not publishers and last is not None and (source := read_closing_source(last.text)):
        publishers = (source,)
    stamp = issued.isoformat() if issued else "undated"
    return ReportMetadata(
        slug=minter.hashed_slug(f"article-{stamp}", f"{title}\n{doc.path.name}", length=6),
        title=title,
        publishers=publishers,
        issued=issued,
        is_article=True,
        references=_references(title, ref, minter),
        scope=document_scope(title if lead.headline or not findings else "", body, ref, lead.place),
        findings=tuple(findings),
    )


#: Words before a year that make it a goal's, not a time the article looks back on:
#: 到/至 opening a clause or after a word of intent (力争到2025年, 。到2025年，),
#: not after a verb of change (由2015年…提高到2022年 looks back).
_AHEAD_RE = re.compile(
    r"(?:(?:^|[，,。；;：:\s]|力争|争取|预计|计划|将|要)(?:到|至)|力争|预计|目标|计划|将于|将在|争取)\s*$"
)
#: Words after a whole year that make it the year the article is written in
#: (2023年是…之年, 2023年以来, 2023年伊始), not one it looks back on.
_ONGOING_RE = re.compile(r"^\s*(?:是|以来|伊始|开年|开局|初|起)")
#: A year that opens the name of an event or a publication, written without 年
#: (2023中国互联网大会, 2023（第八届）中国大数据产业生态大会): that year has begun.
_NAMED_YEAR_RE = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})(?=[（(\u4e00-\u9fff])(?![年月日个家名人万亿元件台项次届位多余及至到])"
)


def _looked_back_from(body: str) -> dt.date | None:
    """The earliest day an article can have been written on, from the times
    it names (see :func:`dateline_year`), or ``None`` when it names none."""
    periods = [
        p
        for p in find_periods(body)
        if not _AHEAD_RE.search(body[max(0, p.start_offset - 4) : p.start_offset])
    ]
    years_with_parts = {p.start.year for p in periods if "/year/" not in p.iri}
    bounds: list[dt.date] = []
    for p in periods:
        whole_year = "/year/" in p.iri and p.time_per_collect != "EndOfPeriod"
        ongoing = _ONGOING_RE.match(body[p.end_offset : p.end_offset + 4]) is not None
        if whole_year and (ongoing or p.start.year in years_with_parts):
            bounds.append(p.start)  # this year, not a year past
        else:
            bounds.append(p.end + dt.timedelta(days=1))
    bounds.extend(dt.date(int(m.group(1)), 1, 1) for m in _NAMED_YEAR_RE.finditer(body))
    return max(bounds, default=None)


def dateline_year(month: int, day: int, body: str) -> IssuedDate | None:
    """The date of a dateline without a year (中新社武汉 8 月 11 日电): the first
    such day on or after the earliest day the article can have been written.
    A time the article looks back on must be over (截至 2022 年底 -> 2023-08-11;
    2023 年上半年 -> 2023-08-16; 2022 年 with its figures -> the next year); a
    year it writes in has begun (2023年是…之年, 2023年以来, 2023年伊始, a year
    whose months or quarters it also names, a year opening an event's name:
    2023中国互联网大会). Goals ahead (到 2025 年) are no evidence.

    :param month: the dateline's month, 1–12.
    :param day: its day of the month.
    :param body: the article's text.
    :return: the date, or ``None`` when the body names no such time (or the
        day does not exist, 2 月 30 日).

    >>> dateline_year(8, 11, "截至2022年底，中国算力规模达180EFLOPS。力争到2025年建成…")
    IssuedDate(year=2023, month=8, day=11)
    >>> dateline_year(8, 16, "2023 年上半年，国内手机出货量 1.30 亿部。")
    IssuedDate(year=2023, month=8, day=16)
    >>> dateline_year(7, 25, "2023年是山东数字经济发展“全面提升”年。")
    IssuedDate(year=2023, month=7, day=25)
    >>> dateline_year(7, 20, "数字经济增加值由2015年8700多亿元提高到2022年1.7万亿元。")
    IssuedDate(year=2023, month=7, day=20)
    >>> dateline_year(7, 29, "29日，在2023中国首届国际AI游戏产业大会上…")
    IssuedDate(year=2023, month=7, day=29)
    >>> dateline_year(8, 16, "力争到2025年成为枢纽") is None
    True
    """
    earliest = _looked_back_from(body)
    if earliest is None:
        return None
    try:
        year = (
            earliest.year if dt.date(earliest.year, month, day) >= earliest else earliest.year + 1
        )
        dt.date(year, month, day)
    except ValueError:
        return None  # 2 月 30 日: no such day
    return IssuedDate(year, month, day)


#: Names of the nation or the world that are a yardstick when compared with
#: (位居全国第一, 占全国…, 排名全球第二, 全球平均水平), not what the text is about.
_YARDSTICKS = frozenset({"全国", "全球", "世界"})
_YARDSTICK_BEFORE_RE = re.compile(r"(?:居|列|排名|排在|占|高于|低于|超过|领先|领跑|相比|比)\s*$")
_YARDSTICK_AFTER_RE = re.compile(r"^\s*(?:第|前|首|率先|领先|平均|之最|最)")
#: Words before any region that make it what the subject is compared with or
#: ranked in (仅高于列支敦士登, 仅次于列支敦士登, 低于美国, 较全国, 稳居嘉兴第一,
#: 占上海全市1/4): the subject is another place, the yardstick does not compete
#: for the document's scope. And 与美国相比, where the words follow the place.
_COMPARED_BEFORE_RE = re.compile(
    r"(?:[高低优劣次]于|超过|超越|领先|领跑|落后于?|不及|相比|比|较|位居|稳居|居于|名列|位列|排名|排在|占)\s*$"
)
_COMPARED_AFTER_RE = re.compile(r"^\s*(?:相比|相较|比较)")
#: A region named as the origin of goods (“四川造”出口商品, 中国制造): a label
#: of what is made, not a place the text is about.
_ORIGIN_AFTER_RE = re.compile(r"^(?:制)?造")
#: A word for the nation that is no region's label (the figure rules of
#: :mod:`cikg.extract.areas` read it so too): 国内市场手机出货量 is China's.
_NATION_WORDS = {"国内": "中国"}


def _region_scanner(ref: Reference) -> NameScanner:
    return NameScanner(
        [(name, "region") for name in ref.region_labels]
        + [(name, "region") for name in _NATION_WORDS]
        + [(name, "org") for name in ref.org_labels]
    )


def is_yardstick(name: str, text: str, start: int, end: int) -> bool:
    """Whether the region ``name``, named at ``text[start:end]``, is only a
    yardstick there: what the sentence's subject is compared with or ranked
    in (仅高于列支敦士登, 低于美国, 占上海全市1/4, 与美国相比; for the nation or
    the world also 位居全国第一, 全球平均水平), not a place the text is about.

    :param name: the region's name as written (全国, 美国 …).
    :param text: the text it is named in.
    :param start: where the name starts in ``text``.
    :param end: where it ends.
    :return: ``True`` for a yardstick.

    >>> text = "我国固定宽带费用仅高于列支敦士登，排名全球第二。"
    >>> is_yardstick("列支敦士登", text, 11, 16), is_yardstick("我国", text, 0, 2)
    (True, False)
    >>> is_yardstick("全球", text, 19, 21)
    True
    """
    before, after = text[max(0, start - 4) : start], text[end : end + 3]
    if _COMPARED_BEFORE_RE.search(before) or _COMPARED_AFTER_RE.match(after):
        return True
    return name in _YARDSTICKS and bool(
        _YARDSTICK_BEFORE_RE.search(before[-3:]) or _YARDSTICK_AFTER_RE.match(after)
    )


def _specific(regions: list[str], ref: Reference) -> str | None:
    """The one region ``regions`` (IRIs) name: the most specific when they
    lie on one line of ``skos:broader`` (中国, 湖北, 武汉), else ``None``."""
    distinct = list(dict.fromkeys(regions))
    chains = {r: _broader_chain(r, ref) for r in distinct}
    deepest = max(distinct, key=lambda r: len(chains[r]), default=None)
    if deepest is None or not all(r in chains[deepest] for r in distinct):
        return None
    return deepest


def _broader_chain(iri: str, ref: Reference) -> list[str]:
    chain, seen = [iri], {iri}
    concept = ref.concepts.get(iri)
    while concept is not None and concept.topic is not None and concept.topic.value not in seen:
        chain.append(concept.topic.value)
        seen.add(concept.topic.value)
        concept = ref.concepts.get(concept.topic.value)
    return chain


def document_scope(title: str, body: str, ref: Reference, place: str | None = None) -> str | None:
    """The region a document is about, as a curated region's Chinese label
    (see the module's docstring for the rule), or ``None``.

    :param title: the document's title ("" when it has none of its own).
    :param body: its running text.
    :param ref: curated regions (with ``skos:broader``) and organisations.
    :param place: the dateline's place, which breaks a tie in the body.

    >>> from cikg.reference import load_reference
    >>> ref = load_reference()
    >>> document_scope("第55次中国互联网络发展状况统计报告", "", ref)
    '中国'
    >>> document_scope("", "北京数字经济规模攀升，北京市通信管理局称北京5G基站达9.6万个", ref)
    '北京'
    >>> document_scope("", "中国电信、中国移动和中国联通上半年收入", ref) is None
    True
    >>> document_scope("", "工信部通报，全国电信用户申诉问题中…", ref)
    '中国'
    >>> document_scope("", "北京市通信管理局称…", ref) is None
    True
    """
    scanner = _region_scanner(ref)

    def regions(text: str) -> list[str]:
        found: list[tuple[NameMatch, str]] = []
        for m in scanner.find(text):
            iri = ref.region(_NATION_WORDS.get(m.name, m.name)) if m.kind == "region" else None
            if (
                iri is None
                or is_yardstick(m.name, text, m.start, m.end)
                or _ORIGIN_AFTER_RE.match(text[m.end : m.end + 2])
            ):
                continue
            if (
                found
                and found[-1][0].end == m.start
                and found[-1][1] in _broader_chain(iri.value, ref)
            ):
                found.pop()  # 广东梅州, 上海浦东新区: one place, written with its province
            found.append((m, iri.value))
        return [iri for _, iri in found]

    named = regions(title)
    if named:
        found = _specific(named, ref)
        return _label(found, ref) if found else None
    counts = Counter(regions(body))
    if not counts:
        return None
    world = ref.region("全球")
    total = sum(counts.values())
    within: Counter[str] = Counter()  # mentions of a region or of a place in it
    for iri, n in counts.items():
        for broader in _broader_chain(iri, ref):
            if world is None or broader != world.value or broader == iri:
                within[broader] += n
    nation = ref.region("中国")
    # a region named twice and by most mentions; or the nation, named alone (全国电信
    # 用户申诉… in an article that names no other place)
    held = [
        r
        for r, n in within.items()
        if 2 * n > total
        and (n >= 2 or (nation is not None and r == nation.value and counts[r] == total))
    ]
    if held:  # the most specific region most mentions fall in
        return _label(max(held, key=lambda r: len(_broader_chain(r, ref))), ref)
    home = ref.region(place) if place else None
    if home is not None and within[home.value] >= 2 and within[home.value] >= max(counts.values()):
        return _label(home.value, ref)  # no majority: the dateline's place, if named most
    return None


def _label(iri: str, ref: Reference) -> str | None:
    concept = ref.concepts.get(iri)
    return concept.zh if concept else None


def document_to_metadata(doc: Document, ref: Reference, minter: IriMinter) -> ReportMetadata:
    """What a document says about itself.

    :param doc: the loaded document.
    :param ref: curated organisations and report series.
    :param minter: mints hashed slugs (with its collision check).
    :return: the metadata; ``publishers`` are names as written (empty when
        the document names none: the mapping then uses the series' publisher).
    :raises InputError: if an article's front matter has no title.
    """
    if doc.front_matter is not None:
        return _article_metadata(doc, ref, minter)
    return _report_metadata(doc, ref, minter)
