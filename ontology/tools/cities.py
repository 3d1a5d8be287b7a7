"""Generate ``ontology/reference/cities.ttl``: China's prefecture- and county-level divisions.

A maintainer's tool, not part of the ``cikg`` package. Its input is the
GB/T 2260 code list that the **cpca** package (MIT licence) ships as
``cpca/resources/adcodes.csv`` (columns ``adcode`` of 12 digits, ``name``,
``longitude``, ``latitude``); its English labels are pinyin made by
**pypinyin**. Neither is a dependency of cikg. To run it::

    .venv/bin/pip install pypinyin
    .venv/bin/pip download cpca==0.5.5 --no-deps -d /tmp/cpca
    unzip -o /tmp/cpca/cpca-0.5.5-py3-none-any.whl -d /tmp/cpca/x
    .venv/bin/python ontology/tools/cities.py /tmp/cpca/x/cpca/resources/adcodes.csv

(cpca itself is not imported, so pandas is not needed.) ``-o -`` prints the
file instead of rewriting ``ontology/reference/cities.ttl``.

The six-digit GB/T 2260 code is the first six digits of ``adcode``. Rows
whose code ends in 0000 are provinces, which ``regions.ttl`` has already
(they are matched by its ``cikg:gbCode``); rows ending in 00 are
prefecture-level, the others county-level. Each becomes
``region/CN-{code}``, a ``schema:AdministrativeArea`` in the region scheme:

* every prefecture-level division (地级市, 地区, 自治州, 盟), narrower than
  its province. A city's prefLabel@zh is its short name (深圳) and its full
  name (深圳市) an altLabel; the other kinds keep their full name;
* every county-level division (县, 县级市, 市辖区, 旗, 自治县, 林区, 特区)
  whose full name no other county-level division has, narrower than its
  prefecture, or than its province where the code list has no prefecture
  (the districts of the municipalities, the counties that provinces
  administer directly). Its only zh label is the full name (蠡县, 浦东新区).
  Two-character names are kept when they are a proper name and 县 or 市
  (蠡县, 芒市) and left out when they are generic districts (城区, 郊区,
  矿区, 东区, 西区).

The placeholder rows of the code list (市辖区, 县, 省直辖县级行政区划) are no
divisions and give no concept; their counties hang under the province.

English labels: the pinyin of the name (pypinyin, syllables joined with an
apostrophe before a, o, e as pinyin spelling rules ask, capitalised), with
:data:`PINYIN_FIXES` where pypinyin misreads a place name, the established
English names of :data:`ENGLISH_NAMES` for prefecture-level divisions whose
name is not Chinese in origin, and the English of the generic part and of
the peoples an autonomous area is named for (:data:`GENERIC`,
:data:`PEOPLES`): 深圳 Shenzhen, 蠡县 Li County, 浦东新区 Pudong New Area,
长阳土家族自治县 Changyang Tujia Autonomous County.

No label may name two regions (``cikg.reference`` rejects it): a label that
``regions.ttl`` or ``countries.ttl`` already uses, or that two concepts
here would share, is left out and listed at the end of the file; an English
label that would clash gets the alternative forms "Jilin City", then
"Taizhou, Jiangsu", and is left out if those clash too.

The output depends only on the CSV and pypinyin's version, so re-running
it reproduces the committed file byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, parse

REFERENCE = Path(__file__).resolve().parents[1] / "reference"
OUTPUT = REFERENCE / "cities.ttl"
REGIONS = REFERENCE / "regions.ttl"
COUNTRIES = REFERENCE / "countries.ttl"

SKOS = "http://www.w3.org/2004/02/skos/core#"
CIKG = "https://w3id.org/cikg/def#"
REGION = "https://w3id.org/cikg/id/region/"
REGION_SCHEME = "https://w3id.org/cikg/id/scheme/region"

#: Rows of the code list that stand for no division: the heading under which
#: a municipality or province lists the districts or counties it administers.
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

#: Prefecture-level kinds by the end of the name: (English, Chinese) of the
#: scopeNote and the English generic term of the label.
PREFECTURE_KINDS: dict[str, tuple[str, str, str]] = {
    "自治州": ("autonomous prefecture", "自治州", "Autonomous Prefecture"),
    "地区": ("prefecture", "地区", "Prefecture"),
    "盟": ("league", "盟", "League"),
    "市": ("prefecture-level city", "地级市", ""),
}

#: County-level generic terms (the end of the full name) and their English.
#: 新区, 林区 and 特区 are in :data:`GENERIC_EXCEPTIONS`: most names ending
#: so are ordinary districts (清新区, 西林区).
GENERIC: dict[str, str] = {
    "自治县": "Autonomous County",
    "自治旗": "Autonomous Banner",
    "县": "County",
    "市": "City",
    "区": "District",
    "旗": "Banner",
}

#: Full names whose generic part is not the plain 区 (name -> proper, English).
GENERIC_EXCEPTIONS: dict[str, tuple[str, str]] = {
    "浦东新区": ("浦东", "New Area"),
    "滨海新区": ("滨海", "New Area"),
    "沈北新区": ("沈北", "New District"),
    "神农架林区": ("神农架", "Forestry District"),
    "六枝特区": ("六枝", "Special District"),
}

#: The peoples autonomous areas are named for (GB/T 3304 romanisation, with
#: the forms the areas' English names use: Tibetan, Manchu, Korean …).
PEOPLES: dict[str, str] = {
    "蒙古族": "Mongol", "蒙古": "Mongol", "回族": "Hui", "藏族": "Tibetan",
    "维吾尔族": "Uyghur", "苗族": "Miao", "彝族": "Yi", "壮族": "Zhuang",
    "布依族": "Bouyei", "朝鲜族": "Korean", "满族": "Manchu", "侗族": "Dong",
    "瑶族": "Yao", "白族": "Bai", "土家族": "Tujia", "哈尼族": "Hani",
    "哈萨克族": "Kazakh", "哈萨克": "Kazakh", "傣族": "Dai", "黎族": "Li",
    "傈僳族": "Lisu", "佤族": "Va", "畲族": "She", "拉祜族": "Lahu", "水族": "Sui",
    "东乡族": "Dongxiang", "纳西族": "Naxi", "景颇族": "Jingpo",
    "柯尔克孜族": "Kirghiz", "柯尔克孜": "Kirghiz", "土族": "Tu",
    "达斡尔族": "Daur", "仫佬族": "Mulao", "羌族": "Qiang", "布朗族": "Blang",
    "撒拉族": "Salar", "毛南族": "Maonan", "仡佬族": "Gelao", "锡伯族": "Xibe",
    "锡伯": "Xibe", "阿昌族": "Achang", "普米族": "Pumi", "塔吉克族": "Tajik",
    "塔吉克": "Tajik", "怒族": "Nu", "乌孜别克族": "Uzbek", "俄罗斯族": "Russian",
    "鄂温克族": "Evenk", "德昂族": "De'ang", "保安族": "Bonan", "裕固族": "Yugur",
    "京族": "Gin", "塔塔尔族": "Tatar", "独龙族": "Derung", "鄂伦春族": "Oroqen",
    "鄂伦春": "Oroqen", "赫哲族": "Hezhen", "门巴族": "Monba", "珞巴族": "Lhoba",
    "基诺族": "Jino", "各族": "Various Nationalities",
}  # fmt: skip

#: Banner names end in the wing and the position of the banner.
_BANNER_PARTS = re.compile(r"(?P<wing>[左右]翼?)?(?P<position>[前中后])?(?P<united>联合)?$")
_WING = {"左": "Left", "右": "Right", "左翼": "Left Wing", "右翼": "Right Wing"}
_POSITION = {"前": "Front", "中": "Middle", "后": "Rear"}

#: Established English names of prefecture-level divisions whose name is not
#: Chinese in origin, where pinyin of the Chinese transcription is not the
#: name English uses (full Chinese name -> English proper name).
ENGLISH_NAMES: dict[str, str] = {
    "哈尔滨市": "Harbin",  # pinyin Ha'erbin
    "齐齐哈尔市": "Qiqihar",
    "大兴安岭地区": "Da Hinggan Ling",
    "呼和浩特市": "Hohhot",
    "鄂尔多斯市": "Ordos",
    "呼伦贝尔市": "Hulunbuir",
    "巴彦淖尔市": "Bayannur",
    "乌兰察布市": "Ulanqab",
    "兴安盟": "Hinggan",
    "锡林郭勒盟": "Xilingol",
    "阿拉善盟": "Alxa",
    "拉萨市": "Lhasa",
    "日喀则市": "Shigatse",
    "昌都市": "Qamdo",
    "林芝市": "Nyingchi",
    "那曲地区": "Nagqu",
    "阿里地区": "Ngari",
    "阿坝藏族羌族自治州": "Ngawa",
    "甘孜藏族自治州": "Garzê",
    "迪庆藏族自治州": "Dêqên",
    "果洛藏族自治州": "Golog",
    "乌鲁木齐市": "Urumqi",
    "克拉玛依市": "Karamay",
    "吐鲁番市": "Turpan",
    "博尔塔拉蒙古自治州": "Bortala",
    "巴音郭楞蒙古自治州": "Bayingolin",
    "阿克苏地区": "Aksu",
    "克孜勒苏柯尔克孜自治州": "Kizilsu",
    "喀什地区": "Kashgar",
    "和田地区": "Hotan",
    "伊犁哈萨克自治州": "Ili",
    "阿勒泰地区": "Altay",
}

#: pypinyin's misreadings of place names, found by reviewing every name with
#: a character of several readings (proper name -> pinyin). 长 is chang, 都
#: du, 朝 chao in most place names; the others are the local readings.
PINYIN_FIXES: dict[str, str] = {
    "长白": "Changbai", "长垣": "Changyuan", "长阳": "Changyang", "长顺": "Changshun",
    "长治": "Changzhi", "长岭": "Changling", "长岛": "Changdao", "长海": "Changhai",
    "长宁": "Changning", "弓长岭": "Gongchangling", "天长": "Tianchang",
    "子长": "Zichang", "长清": "Changqing", "长葛": "Changge", "长丰": "Changfeng",
    "长泰": "Changtai", "长洲": "Changzhou", "长武": "Changwu",
    "魏都": "Weidu", "望都": "Wangdu", "曾都": "Zengdu", "于都": "Yudu",
    "宁都": "Ningdu", "武都": "Wudu", "都兰": "Dulan", "昌都": "Changdu",
    "都安": "Du'an", "新都": "Xindu", "殷都": "Yindu", "秦都": "Qindu",
    "尧都": "Yaodu", "花都": "Huadu", "盐都": "Yandu", "三都": "Sandu",
    "都匀": "Duyun", "都昌": "Duchang", "昆都仑": "Kundulun", "丰都": "Fengdu",
    "莲都": "Liandu", "宜都": "Yidu", "商都": "Shangdu",
    "朝阳": "Chaoyang",
    "民乐": "Minle", "南乐": "Nanle",  # 乐 le (but 乐清 Yueqing, 乐亭 Laoting)
    "塔什库尔干": "Tashikuergan", "乌什": "Wushi", "康巴什": "Kangbashi",
    "克什克腾": "Keshiketeng", "阿图什": "Atushi", "什邡": "Shifang",  # 什 shi
    "阿勒泰": "Aletai",  # 勒 le
    "漯河": "Luohe",
    "蔚": "Yu",  # 蔚县
    "单": "Shan",  # 单县
    "浚": "Xun",  # 浚县
    "叶": "She",  # 叶县 (but 叶城, 叶集 ye)
    "宕昌": "Tanchang",
    "马尾": "Mawei",
    "筠连": "Junlian",
    "涡阳": "Guoyang",
    "六合": "Luhe",
    "繁峙": "Fanshi",
    "荥经": "Yingjing",  # (but 荥阳 Xingyang)
    "洪洞": "Hongtong",
    "蚌山": "Bengshan",
    "覃塘": "Qintang",
    "闵行": "Minhang",
    "龙圩": "Longxu",
    "召陵": "Shaoling",
    "浪卡子": "Langkazi",
}  # fmt: skip


@dataclass
class Division:
    """One concept of the file.

    :param code: the six-digit GB/T 2260 code.
    :param name: the full name.
    :param labels: candidate zh labels, preferred first.
    :param english: candidate English labels, best first.
    :param broader: the IRI of the parent region.
    """

    code: str
    name: str
    labels: list[str]
    english: list[str]
    broader: str
    scope: tuple[str, str]
    zh: list[str] = field(default_factory=list)
    en: str | None = None


def normalise(text: str) -> str:
    """The form under which two names count as the same, as
    ``cikg.iris.normalise_key`` compares them: NFKC, white space removed,
    lower case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def pinyin(chinese: str) -> str:
    """Capitalised pinyin of a proper name: 深圳 -> Shenzhen, 西安 -> Xi'an."""
    if chinese in PINYIN_FIXES:
        return PINYIN_FIXES[chinese]
    from pypinyin import Style, lazy_pinyin  # a maintainer's dependency only

    syllables = lazy_pinyin(chinese, style=Style.NORMAL, v_to_u=True, errors="exception")
    if len(syllables) != len(chinese):
        raise SystemExit(f"pypinyin gives {syllables} for {chinese!r}")
    text = syllables[0] + "".join(("'" if s[0] in "aoe" else "") + s for s in syllables[1:])
    return text[0].upper() + text[1:]


def split_peoples(proper: str) -> tuple[str, list[str]]:
    """A proper name without the peoples it ends in: 长阳土家族 -> (长阳, [Tujia])."""
    peoples: list[str] = []
    while True:
        found = next(
            (p for p in sorted(PEOPLES, key=len, reverse=True) if proper.endswith(p)), None
        )
        if found is None or len(proper) == len(found):
            break
        peoples.insert(0, PEOPLES[found])
        proper = proper[: -len(found)]
    return proper, peoples


def english(name: str, proper: str, generic: str, banner: bool = False) -> str:
    """The English label of a division: proper name, wing and position of a
    banner, peoples of an autonomous area, generic term."""
    parts: list[str] = []
    if proper in PEOPLES:  # 东乡族自治县: the people is the name
        parts.append(PEOPLES[proper])
        proper = ""
    proper, peoples = split_peoples(proper)
    match = _BANNER_PARTS.search(proper) if proper else None
    direction: list[str] = []
    if match and match.group(0) and len(proper) - len(match.group(0)) >= 2:
        wing, position, united = match.group("wing", "position", "united")
        if banner or (wing and len(wing) == 2):  # 左翼 in any name, 左 or 前 only in 旗
            direction = [
                _WING.get(wing or "", ""),
                _POSITION.get(position or "", ""),
                "United" if united else "",
            ]
            proper = proper[: -len(match.group(0))]
    if proper:
        parts.insert(0, ENGLISH_NAMES.get(name) or pinyin(proper))
    parts += [d for d in direction if d]
    if peoples:  # Yi, Hani and Lahu
        parts.append(" and ".join(filter(None, [", ".join(peoples[:-1]), peoples[-1]])))
    if generic:
        parts.append(generic)
    return " ".join(parts)


def county_parts(name: str) -> tuple[str, str] | None:
    """(proper name, English generic term) of a county-level name, or
    ``None`` if it has none of the county-level endings."""
    if name in GENERIC_EXCEPTIONS:
        return GENERIC_EXCEPTIONS[name]
    for suffix, term in GENERIC.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], term
    return None


def read_rows(path: Path) -> list[tuple[str, str]]:
    """(six-digit code, name) of every row of the CSV, sorted by code."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not {"adcode", "name"} <= set(reader.fieldnames or ()):
            raise SystemExit(f"{path}: expected the columns adcode and name")
        rows = []
        for row in reader:
            adcode, name = row["adcode"].strip(), row["name"].strip()
            if not re.fullmatch(r"\d{12}", adcode) or adcode[6:] != "000000":
                raise SystemExit(f"{path}: unexpected adcode {adcode!r}")
            rows.append((adcode[:6], name))
    codes = Counter(code for code, _ in rows)
    if duplicated := sorted(c for c, n in codes.items() if n > 1):
        raise SystemExit(f"{path}: codes given twice: {duplicated}")
    return sorted(rows)


@dataclass
class Existing:
    """What ``regions.ttl`` and ``countries.ttl`` already say."""

    labels: dict[str, str]  # normalised label -> IRI
    provinces: dict[str, tuple[str, str]]  # GB code -> (IRI, English prefLabel)


def read_existing(paths: Iterable[Path]) -> Existing:
    members: set[str] = set()
    labels: list[tuple[str, str]] = []
    gb: dict[str, str] = {}
    en: dict[str, str] = {}
    for path in paths:
        for t in parse(path=str(path), format=RdfFormat.TURTLE):
            if not isinstance(t.subject, NamedNode):
                continue
            s, p, o = t.subject.value, t.predicate.value, t.object
            if p == SKOS + "inScheme" and o.value == REGION_SCHEME:
                members.add(s)
            elif p in (SKOS + "prefLabel", SKOS + "altLabel"):
                labels.append((s, o.value))
                if p == SKOS + "prefLabel" and getattr(o, "language", None) == "en":
                    en[s] = o.value
            elif p == CIKG + "gbCode":
                gb[o.value] = s
    return Existing(
        labels={normalise(label): iri for iri, label in labels if iri in members},
        provinces={code: (iri, en.get(iri, "")) for code, iri in gb.items() if iri in members},
    )


@dataclass
class Report:
    """What was left out, for the comment at the end of the file."""

    taken: list[str] = field(default_factory=list)
    shared: list[str] = field(default_factory=list)
    no_english: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    not_divisions: list[str] = field(default_factory=list)
    duplicate_names: dict[str, int] = field(default_factory=dict)
    generic_names: list[str] = field(default_factory=list)


def divisions(rows: list[tuple[str, str]], existing: Existing) -> tuple[list[Division], Report]:
    """The concepts of the file, their labels resolved."""
    report = Report()
    names = dict(rows)
    county_names = Counter(name for code, name in rows if code[4:] != "00")
    found: list[Division] = []
    for code, name in rows:
        if code[2:] == "0000" or name in PLACEHOLDERS:
            continue
        province_code = code[:2] + "0000"
        if province_code not in existing.provinces:
            raise SystemExit(f"{code} {name}: no region in regions.ttl has gbCode {province_code}")
        province, province_en = existing.provinces[province_code]
        if code[4:] == "00":  # prefecture level
            kind = next((k for k in PREFECTURE_KINDS if name.endswith(k)), None)
            if kind is None:
                raise SystemExit(f"{code} {name}: not a known prefecture-level kind")
            scope_en, scope_zh, generic = PREFECTURE_KINDS[kind]
            proper = name[: -len(kind)]
            short = proper if kind == "市" and len(proper) >= 2 else None
            label = english(name, proper, generic)
            candidates = [label, f"{label} City"] if kind == "市" else [label]
            found.append(
                Division(
                    code,
                    name,
                    [short, name] if short else [name],
                    [*candidates, f"{label}, {province_en}"],
                    province,
                    (f"Level: {scope_en}.", f"级别：{scope_zh}。"),
                )
            )
            continue
        parts = county_parts(name)
        if parts is None:
            report.not_divisions.append(f"{code} {name}")
            continue
        if county_names[name] > 1:
            report.duplicate_names[name] = county_names[name]
            continue
        if len(name) < 3 and name[-1] not in "县市":
            report.generic_names.append(f"{code} {name}")
            continue
        parent = code[:4] + "00"
        if parent in names and names[parent] not in PLACEHOLDERS:
            broader = REGION + "CN-" + parent
        else:
            broader = province
        label = english(name, *parts, banner=name.endswith("旗"))
        found.append(
            Division(
                code,
                name,
                [name],
                [label, f"{label}, {province_en}"],
                broader,
                ("Level: county-level.", "级别：县级。"),
            )
        )
    resolve_chinese(found, existing, report)
    resolve_english(found, existing, report)
    kept = {REGION + "CN-" + d.code for d in found}
    provinces = {iri for iri, _ in existing.provinces.values()}
    for d in found:  # a prefecture left out for want of a label: the province
        if d.broader not in kept and d.broader not in provinces:
            d.broader = existing.provinces[d.code[:2] + "0000"][0]
    return found, report


def resolve_chinese(found: list[Division], existing: Existing, report: Report) -> None:
    """Keep the zh labels that name no other region; drop a division left
    without one."""
    users: dict[str, set[str]] = defaultdict(set)
    for d in found:
        for label in d.labels:
            users[normalise(label)].add(d.code)
    for d in list(found):
        for label in d.labels:
            key = normalise(label)
            if key in existing.labels:
                report.taken.append(f"{d.code} {label} (already {short_iri(existing.labels[key])})")
            elif len(users[key]) > 1:
                others = ", ".join(sorted(users[key] - {d.code}))
                report.shared.append(f"{d.code} {label} (also {others})")
            else:
                d.zh.append(label)
        if not d.zh:
            report.dropped.append(f"{d.code} {d.name}")
            found.remove(d)


def resolve_english(found: list[Division], existing: Existing, report: Report) -> None:
    """Give each division the first of its English candidates that names no
    other region; a group of divisions that would share one moves on to
    their next candidates together."""
    choice = {d.code: 0 for d in found}
    while True:
        users: dict[str, list[Division]] = defaultdict(list)
        for d in found:
            if choice[d.code] < len(d.english):
                users[normalise(d.english[choice[d.code]])].append(d)
        moved = False
        for key, group in users.items():
            if key in existing.labels or len(group) > 1:
                for d in group:
                    choice[d.code] += 1
                moved = True
        if not moved:
            break
    for d in found:
        if choice[d.code] < len(d.english):
            d.en = d.english[choice[d.code]]
        else:
            report.no_english.append(f"{d.code} {d.name} ({d.english[0]})")


def short_iri(iri: str) -> str:
    return "region:" + iri[len(REGION) :] if iri.startswith(REGION) else f"<{iri}>"


def literal(text: str, lang: str | None = None) -> str:
    """A Turtle string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' + (f"@{lang}" if lang else "")


def turtle(d: Division) -> Iterator[str]:
    """The lines of one concept."""
    yield f"region:CN-{d.code}"
    yield "    a skos:Concept , schema:AdministrativeArea ;"
    yield f"    skos:inScheme <{REGION_SCHEME}> ;"
    pref = [literal(d.zh[0], "zh")] + ([literal(d.en, "en")] if d.en else [])
    yield f"    skos:prefLabel {' , '.join(pref)} ;"
    if d.zh[1:]:
        yield f"    skos:altLabel {' , '.join(literal(a, 'zh') for a in d.zh[1:])} ;"
    yield f"    skos:broader {short_iri(d.broader)} ;"
    yield f"    skos:scopeNote {literal(d.scope[0], 'en')} , {literal(d.scope[1], 'zh')} ;"
    yield f"    cikg:gbCode {literal(d.code)} ."


HEADER = """\
# Generated by ontology/tools/cities.py from cpca 0.5.5's adcodes.csv (GB/T 2260
# codes as of that package's data, 2020; sha256 {sha256});
# English labels by pypinyin {pypinyin}. Do not edit by hand.
# cpca's code list predates some changes: it still has 莱芜市 (part of 济南 since
# 2019) and 那曲地区 (那曲市 since 2017), and not 三沙's 西沙区 and 南沙区 (2020).

@prefix cikg: <https://w3id.org/cikg/def#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix region: <https://w3id.org/cikg/id/region/> .

# China's prefecture-level divisions (地级市, 地区, 自治州, 盟) and the
# county-level divisions whose name is unique in the country, narrower than
# their prefecture or province in regions.ttl.
# IRIs: region/CN-{{six-digit GB/T 2260 code}}.
# prefLabel@zh: a prefecture-level city's short name (深圳), with its full
# name (深圳市) as altLabel; the full name of every other division.
# prefLabel@en: pinyin, and the established English name where the name is
# not Chinese in origin (see ontology/tools/cities.py).
"""


def footer(report: Report) -> Iterator[str]:
    """The comment on what was left out."""
    yield "# ------------------------------------------------------------ left out"
    sections = [
        ("zh labels already used in regions.ttl or countries.ttl:", report.taken),
        ("zh labels that two divisions here would share:", report.shared),
        ("divisions left without a zh label:", report.dropped),
        ("English labels that no form could keep unique:", report.no_english),
        ("rows that are no county-level division by name:", report.not_divisions),
        ("generic two-character district names:", report.generic_names),
        (
            "county-level names that several divisions share (how many):",
            [f"{n} ({c})" for n, c in sorted(report.duplicate_names.items())],
        ),
    ]
    for title, items in sections:
        yield "#"
        yield f"# {title}" + ("" if items else " none")
        line = "#  "
        for item in items:
            if len(line) + len(item) + 2 > 90:
                yield line.rstrip(",")
                line = "#  "
            line += f" {item},"
        if items:
            yield line.rstrip(",")


def render(csv_path: Path, regions: Path = REGIONS, countries: Path = COUNTRIES) -> str:
    """The text of ``cities.ttl`` from cpca's ``adcodes.csv``."""
    rows = read_rows(csv_path)
    existing = read_existing([regions, countries])
    found, report = divisions(rows, existing)
    blocks = []
    province = None
    for d in found:
        if d.code[:2] != province:
            province = d.code[:2]
            iri, en = existing.provinces[province + "0000"]
            blocks.append(f"# ---- {province}0000 {en} ({short_iri(iri)})")
        blocks.append("\n".join(turtle(d)))
    header = HEADER.format(
        sha256=hashlib.sha256(csv_path.read_bytes()).hexdigest(), pypinyin=version("pypinyin")
    )
    return header + "\n" + "\n\n".join(blocks) + "\n\n" + "\n".join(footer(report)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("csv", type=Path, help="cpca's cpca/resources/adcodes.csv")
    parser.add_argument(
        "-o", "--output", default=str(OUTPUT), help="where to write ('-' for standard output)"
    )
    args = parser.parse_args(argv)
    text = render(args.csv)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        count = text.count("\nregion:")
        print(f"wrote {count} regions to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
