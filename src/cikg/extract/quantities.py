"""Numbers, units and quantities as Chinese reports write them.

Everything here is a pure function of its text (and of a :class:`UnitTable`,
read once from ``ontology/reference/units.ttl``): no state, no guessing from
outside the sentence. The functions find *candidates*; which indicator a
number measures is the observation extractor's business.

Offsets are indices into the string given, so ``text[q.start:q.end] == q.text``
always holds. Full-width digits, letters and signs (``１２．３％``) are read as
their ASCII forms; the Chinese comma ``，`` is never a thousands separator.

Summary of what is read:

- :func:`parse_number` -- one number as written (``108,133``, ``-1.3``).
- :func:`find_malformed_numbers` -- runs of digits that look like a number
  but are none (``1,2,3``, ``12.3.4``), for the build's findings.
- :func:`find_quantities` -- every number of a sentence with its multiplier
  (万, 亿 …), unit (人, 个, %, 个百分点 …) and qualifier (超, 约, 多 …).
- :func:`parse_cell` -- one table cell, its unit possibly in the header.
- :func:`parse_unit_label` -- a header's unit (``(万人)``, ``亿个``, ``%``).
- :func:`find_ratios` -- ratios such as ``51.1:48.9`` (男女比例).
- :func:`find_age_ranges` -- age groups (``10-19 岁``, ``60 岁及以上``).

Reference periods are read by :mod:`cikg.extract.periods`.

>>> units = default_unit_table()
>>> [(q.value, q.unit, q.text) for q in find_quantities("网民规模达 11.08 亿人", units)]
[(Decimal('1108000000'), 'person', '11.08 亿人')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode, RdfFormat, parse

from cikg.extract.folding import fold as _fold
from cikg.extract.folding import is_alnum as _is_alnum
from cikg.extract.folding import is_latin as _is_latin
from cikg.extract.numerals import small_number
from cikg.extract.periods import PERIOD_RE
from cikg.iris import normalise_key
from cikg.vocab import CIKG, RDF, SKOS

__all__ = [
    "TIMES",
    "AgeRange",
    "Quantity",
    "Ratio",
    "Unit",
    "UnitTable",
    "default_unit_table",
    "find_age_ranges",
    "find_malformed_numbers",
    "find_quantities",
    "find_ratios",
    "parse_cell",
    "parse_number",
    "parse_unit_label",
]

TIMES = "times"
"""Unit key of 倍 (``4倍``: a multiple of a reference value). ``units.ttl``
names it (symbol 倍); with a table that lacks it, 倍 still gives this key."""
YEARS = "year"
"""Unit key of a length of time in years (``3.91 年``): 年 after a number with a
fractional part, which no calendar year has (``units.ttl``: unit:YR, no symbol)."""
#: What follows 年 when it is part of a date or a span, not a length (1.5 年来).
_AFTER_YEAR = ("来", "内", "间", "前", "后", "以", "底", "初", "末", "中", "度", "代", "级", "月")

# ---------------------------------------------------------------- numbers

_NUMBER_RE = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


def parse_number(text: str) -> Decimal:
    """Read one number exactly as written.

    Accepted: digits with an optional decimal part; thousands separated by
    ``,`` in groups of exactly three; a leading ``-``, ``−`` or ``+``; full-width
    forms; one trailing ``%`` (dropped: percentages stay 0–100); spaces around.

    :param text: the number, e.g. ``"108,133"``.
    :returns: its value, as a :class:`~decimal.Decimal` with the digits written.
    :raises ValueError: if ``text`` is not exactly one such number.

    >>> parse_number("108,133")
    Decimal('108133')
    >>> parse_number("１２．３％")
    Decimal('12.3')
    >>> parse_number("−1.3")
    Decimal('-1.3')
    >>> parse_number("12.3.4")
    Traceback (most recent call last):
    ...
    ValueError: not a number: '12.3.4'
    >>> parse_number("1,2,3")
    Traceback (most recent call last):
    ...
    ValueError: not a number: '1,2,3'
    """
    folded = _fold(text).strip()
    if folded.endswith("%"):
        folded = folded[:-1].rstrip()
    if not _NUMBER_RE.fullmatch(folded):
        raise ValueError(f"not a number: {text!r}")
    return Decimal(folded.replace(",", "").lstrip("+"))


def _tidy(value: Decimal) -> Decimal:
    """An integral value without exponent or trailing zeros (``1.108E+9`` ->
    ``1108000000``); other values as they are."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value


# ---------------------------------------------------------------- units

_QUDT_UNIT = NamedNode("http://qudt.org/schema/qudt/Unit")


@dataclass(frozen=True, slots=True)
class Unit:
    """One curated unit.

    :param key: its ``skos:notation`` (``person``, ``percent`` …).
    :param iri: its IRI (QUDT or ``id:unit/…``).
    :param symbols: its ``cikg:unitSymbol`` literals as written in the file.
    """

    key: str
    iri: NamedNode
    symbols: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class UnitTable:
    """The units a number may carry, and the symbols that name them in text.

    Build it with :meth:`from_quads` (or :meth:`from_turtle`,
    :func:`default_unit_table`). Symbols are compared after
    :func:`~cikg.iris.normalise_key` (NFKC, no white space, lower case) and the
    longest symbol wins: 个百分点 before 个, 人次 before 人, 块/32 before 块.

    :param units: the units, in key order.
    :param symbols: normalised symbol -> unit key.
    :param longest: length of the longest symbol.
    """

    units: tuple[Unit, ...]
    symbols: dict[str, str]
    longest: int

    @classmethod
    def from_quads(cls, quads: Iterable[Any]) -> UnitTable:
        """Read units from triples or quads (anything with ``.subject``,
        ``.predicate``, ``.object``): each ``qudt:Unit`` and each subject with a
        ``cikg:unitSymbol`` is a unit, keyed by its ``skos:notation``; its
        ``cikg:unitSymbol`` literals are its symbols. Other subjects are
        ignored, so all of ``graph/reference`` may be given.

        :raises ValueError: if a subject with symbols has no notation or
            several, two units share a notation, or one symbol names two units.

        >>> from pyoxigraph import parse, RdfFormat
        >>> ttl = '''@prefix cikg: <https://w3id.org/cikg/def#> .
        ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        ... <http://qudt.org/vocab/unit/INDIV> skos:notation "person" ;
        ...     cikg:unitSymbol "人" , "名" .'''
        >>> table = UnitTable.from_quads(parse(ttl, format=RdfFormat.TURTLE))
        >>> table.iri("person").value
        'http://qudt.org/vocab/unit/INDIV'
        >>> table.match("名老年乘客")
        ('person', 1)
        """
        notations: dict[Any, list[str]] = {}
        symbols: dict[Any, list[str]] = {}
        typed: set[Any] = set()
        for q in quads:
            if q.predicate == SKOS.notation:
                notations.setdefault(q.subject, []).append(q.object.value)
            elif q.predicate == CIKG.unitSymbol:
                symbols.setdefault(q.subject, []).append(q.object.value)
            elif q.predicate == RDF.type and q.object == _QUDT_UNIT:
                typed.add(q.subject)
        units: list[Unit] = []
        by_symbol: dict[str, str] = {}
        seen_keys: set[str] = set()
        for subject in sorted(typed | set(symbols), key=str):
            keys = notations.get(subject, [])
            if len(keys) != 1:
                raise ValueError(f"unit {subject} needs exactly one skos:notation, has {keys}")
            key = keys[0]
            if key in seen_keys:
                raise ValueError(f"two units have the notation {key!r}")
            seen_keys.add(key)
            syms = tuple(sorted(symbols.get(subject, [])))
            for sym in syms:
                norm = normalise_key(sym)
                if by_symbol.setdefault(norm, key) != key:
                    raise ValueError(f"the symbol {sym!r} names both {by_symbol[norm]} and {key}")
            units.append(Unit(key, subject, syms))
        units.sort(key=lambda u: u.key)
        return cls(tuple(units), by_symbol, max((len(s) for s in by_symbol), default=0))

    @classmethod
    def from_turtle(cls, path: str | Path) -> UnitTable:
        """Read units from a Turtle file (see :meth:`from_quads`).

        :raises OSError: if the file cannot be read.
        :raises SyntaxError: if it is not valid Turtle.
        :raises ValueError: as :meth:`from_quads`.
        """
        return cls.from_quads(parse(path=str(path), format=RdfFormat.TURTLE))

    def iri(self, key: str) -> NamedNode:
        """The IRI of the unit with notation ``key``.

        :raises KeyError: if no unit has that notation.

        >>> default_unit_table().iri("percentage_point").value
        'https://w3id.org/cikg/id/unit/percentage-point'
        """
        for unit in self.units:
            if unit.key == key:
                return unit.iri
        raise KeyError(key)

    def match(self, text: str, pos: int = 0) -> tuple[str, int] | None:
        """The unit whose longest symbol starts at ``text[pos]``.

        :returns: ``(key, end)`` with ``end`` the offset after the symbol, or
            ``None``.

        >>> table = default_unit_table()
        >>> table.match("个百分点")
        ('percentage_point', 4)
        >>> table.match("69148 块/32", 6)
        ('block_32', 10)
        >>> table.match("网民") is None
        True
        """
        return self._match_folded(_fold(text[: pos + self.longest]), pos)

    def _match_folded(self, folded: str, pos: int) -> tuple[str, int] | None:
        for length in range(min(self.longest, len(folded) - pos), 0, -1):
            key = self.symbols.get(folded[pos : pos + length])
            if key is not None:
                return key, pos + length
        return None


def default_unit_table() -> UnitTable:
    """The curated units of ``ontology/reference/units.ttl`` (read on each
    call: keep the result).

    :raises CikgError: if the ontology folder is not there.

    >>> default_unit_table().match("亿人次", 1)
    ('person_time', 3)
    """
    from cikg.reference import default_ontology_dir

    return UnitTable.from_turtle(default_ontology_dir() / "reference" / "units.ttl")


# ---------------------------------------------------------------- quantities

#: Words that open with a classifier's character (400 万家庭农场, 等 36 部门,
#: 10 万个体工商户, 3 台湾企业): after a number, the character is the word's,
#: not a unit of the number (which counts the word's noun: 400 万 | 家庭农场).
CLASSIFIER_LED_WORDS = frozenset(
    {
        "家庭",
        "家居",
        "部门",
        "部分",
        "个体",
        "个人",
        "台湾",
        "名单",
        "名称",
        "条例",
        "条件",
        "项目",
        "位于",
        "批次",
        "件事",
        "所属",
        "座席",
        "场景",
        "本地",
        "户籍",
        "种类",
    }
)

# Multipliers before a unit word, longest first. 百 only inside 百万/百亿.
_MULTIPLIERS: tuple[tuple[str, Decimal], ...] = (
    ("万亿", Decimal(10**12)),
    ("千亿", Decimal(10**11)),
    ("百亿", Decimal(10**10)),
    ("千万", Decimal(10**7)),
    ("百万", Decimal(10**6)),
    ("亿", Decimal(10**8)),
    ("万", Decimal(10**4)),
    ("千", Decimal(10**3)),
)
_MULTIPLIER_CHARS = "万亿千百"
# Qualifiers before the number (longest first) and after it.
_PRE_QUALIFIERS = (
    *("大约为", "约为"),  # 平均电能利用效率（PUE）约为 1.2: 为 links, 约 qualifies
    *("超过", "超出", "大约", "将近", "接近", "突破", "不足", "不到"),
    *("超", "约", "近", "逾"),
)
_NOT_NEAR = "最附靠临"  # 最近, 附近 … are not 近 "nearly"
_MID_QUALIFIERS = "多余"  # 140多亿元, 8.7 万余个, 120余家
_POST_QUALIFIERS = ("及以上", "及以下", "左右", "以上", "以下", "+")
# Words after a number that make it a date, time, age, duration or version.
_TIME_WORDS = (
    "周年",
    "周岁",
    "个月",
    "个季度",
    "季度",
    "年",
    "月",
    "日",
    "号",
    "天",
    "岁",
    "届",
    "版",
    "时",
    "秒",
)
_RANGE_SEPARATORS = "-—–~"
_RANGE_WORDS = "至到"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as a sentence or cell states it, normalised.

    :param value: the value in base units: 万 = 1e4, 亿 = 1e8, 万亿 = 1e12,
        千 = 1e3, 百万 = 1e6, 千万 = 1e7 applied; percentages stay 0–100.
    :param unit: the unit key (``skos:notation`` in ``units.ttl``:
        ``person``, ``percent``, ``percentage_point``, ``count`` …; ``times``
        for 倍) or ``None`` when no unit word follows the number.
    :param multiplier: the multiplier applied (``Decimal(1)`` when none).
    :param text: the surface form, verbatim, qualifiers included
        (``"9.74 亿人"``, ``"超过 4500 家"``).
    :param start: offset of ``text`` in the input.
    :param end: offset after ``text`` in the input.
    :param approximate: the text qualifies the number (超, 约, 多, 以上 …);
        ``value`` is still the number stated.
    :param qualifier: that qualifier as written (the one before the number
        when there are several), else ``None``.
    """

    value: Decimal
    unit: str | None
    multiplier: Decimal
    text: str
    start: int
    end: int
    approximate: bool = False
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class Ratio:
    """A ratio written ``a:b`` (男女比例为 51.1:48.9).

    :param left: the first term.
    :param right: the second term.
    :param text: the ratio as written.
    :param start: its offset in the input.
    :param end: the offset after it.
    """

    left: Decimal
    right: Decimal
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class AgeRange:
    """An age group, the label of a breakdown (``20-29 岁``, ``60 岁及以上``).

    :param low: the lowest age named, or ``None`` (``6 岁以下``).
    :param high: the highest age named, or ``None`` (``60 岁及以上``). Bounds
        are the numbers written; whether 以下 includes its bound is in ``text``.
    :param text: the group as written.
    :param start: its offset in the input.
    :param end: the offset after it.
    """

    low: int | None
    high: int | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Reading:
    """A number read from a position, before the range and bare-number rules."""

    number: Decimal
    start: int
    end: int
    multiplier: Decimal | None
    unit: str | None
    qualifier: str | None
    approximate: bool

    @property
    def bare(self) -> bool:
        return self.multiplier is None and self.unit is None


_TOKEN_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)*(?![0-9]|,[0-9])|[0-9]+(?:\.[0-9]+)*")
_MASK_RES = (
    # URLs and e-mail addresses
    re.compile(r"(?:https?://|www\.)[^\s<>《》“”\"'，。；、（）()【】\[\]]+"),
    re.compile(r"[a-z0-9._+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+"),
    # LaTeX: $…$ formulas, ^{注1} markers
    re.compile(r"\$[^$\n]*\$"),
    re.compile(r"\^\{[^}\n]*\}"),
    # bracketed note markers [12]
    re.compile(r"\[[0-9]{1,3}\]"),
    # titles 《…》
    re.compile(r"《[^《》\n]*》"),
    # phone numbers, postcodes, issue codes after their label
    re.compile(r"(?:电话|热线|邮编|邮政编码|代号|传真)[:： ]*[-() 0-9]*[0-9]"),
)
_YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}")
_QUOTE_RE = re.compile(r"“[^“”\n]*”")
_RANK_BEFORE_RE = re.compile(r"(?:排名|榜单?|位列|列)前 *$")
_RANK_AFTER = ("位", "名", "强", "大")
_LABEL_RE = re.compile(r"(?:^|\n)[ \t]*(?:附表|附图|图|表|注)[ ]*$")


def _mask(folded: str) -> bytearray:
    """1 for every character of a URL, formula, marker, title, identifier,
    period, ratio or age range: numbers there are not quantities."""
    mask = bytearray(len(folded))
    spans: list[tuple[int, int]] = []
    for regex in _MASK_RES:
        spans.extend(m.span() for m in regex.finditer(folded))
    for regex in (PERIOD_RE, _RATIO_RE, _AGE_RE):
        spans.extend(m.span() for m in regex.finditer(folded) if any(c.isdigit() for c in m[0]))
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def _skip_spaces(folded: str, i: int) -> int:
    while i < len(folded) and folded[i] == " ":
        i += 1
    return i


def _at_line_start(folded: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and folded[j] == " ":
        j -= 1
    return j < 0 or folded[j] == "\n"


def _skip_spaces_back(folded: str, j: int) -> int:
    while j > 0 and folded[j - 1] == " ":
        j -= 1
    return j


def _pre_qualifier(folded: str, start: int) -> tuple[str, int] | None:
    """The qualifier right before ``folded[start]`` (spaces, a currency
    word 人民币 and an aspect 了 between allowed: 超人民币 2 万亿元, 突破了
    1 亿) and where it starts."""
    j = _skip_spaces_back(folded, start)
    if folded.endswith("人民币", 0, j):
        j = _skip_spaces_back(folded, j - 3)
    if folded.endswith("了", 0, j) and j >= 3 and folded[j - 3 : j - 1] in ("突破", "超过", "超出"):
        j -= 1
    for word in _PRE_QUALIFIERS:
        if folded.startswith(word, j - len(word)) and j - len(word) >= 0:
            before = folded[j - len(word) - 1] if j - len(word) > 0 else ""
            if word == "近" and before and before in _NOT_NEAR:
                return None
            return word, j - len(word)
    return None


class _Scanner:
    """Reads quantities from one folded text (see :func:`find_quantities`)."""

    def __init__(self, folded: str, units: UnitTable) -> None:
        self.f = folded
        self.units = units
        self.mask = _mask(folded)
        self.quoted = bytearray(len(folded))
        for m in _QUOTE_RE.finditer(folded):
            self.quoted[m.start() : m.end()] = b"\x01" * (m.end() - m.start())

    def token_at(self, pos: int) -> tuple[int, int] | None:
        m = _TOKEN_RE.match(self.f, pos)
        return m.span() if m else None

    def masked(self, start: int, end: int) -> bool:
        return any(self.mask[start:end])

    def read(self, s: int, e: int, depth: int = 0) -> _Reading | None:
        """The quantity whose number is ``f[s:e]``, or ``None`` when a rule
        says the number is not one (the rules are listed in
        :func:`find_quantities`)."""
        f = self.f
        tok = f[s:e]
        if self.masked(s, e) or tok.count(".") > 1:
            return None
        if len(tok) > 1 and tok[0] == "0" and tok[1] != ".":
            return None  # 03 星, 010-…: identifiers
        prev = f[s - 1] if s > 0 else ""
        prev2 = f[s - 2] if s > 1 else ""
        if prev and (_is_latin(prev) or prev in "/%^#@&=_\\+"):
            return None  # IPv6, L2, /32, %2C, 2^96 …
        if prev in "-." and prev2 and _is_latin(prev2):
            return None  # COVID-19, v1.2
        if (prev == ":" and prev2.isdigit()) or (
            f[e : e + 1] == ":" and f[e + 1 : e + 2].isdigit()
        ):
            return None  # 17:43:24: times (ratios are read by find_ratios)
        if (prev == "," and prev2.isdigit()) or (
            f[e : e + 1] == "," and f[e + 1 : e + 2].isdigit()
        ):
            return None  # 1,2,3 and 1,23: digits grouped wrongly, no number
        j = s - 1
        while j >= 0 and f[j] == " ":
            j -= 1
        if j >= 0 and f[j] == "第":
            return None  # 第55次, 第 1 次: ordinals
        if _RANK_BEFORE_RE.search(f, max(0, j - 4), j + 1):
            return None  # 排名前 100 位, 榜前 50: ranks
        after = _skip_spaces(f, e)
        if j >= 0 and f[j] == "前" and f[after : after + 1] in _RANK_AFTER:
            return None  # 前 10大省市: ranks
        if _LABEL_RE.search(f, max(0, j - 12), j + 1):
            return None  # 图 10, 表 5, 附表 6, 注 1: labels
        # sign
        start = s
        negative = False
        if prev == "-" and not self._after_value(s - 1):
            negative, start = True, s - 1
        # after the number
        p = _skip_spaces(f, e)
        qualifier: str | None = None
        end = e
        if p < len(f) and f[p] in _MID_QUALIFIERS:
            qualifier, end = f[p], p + 1
            p = _skip_spaces(f, end)
        years = "." in tok and f.startswith("年", p) and not f.startswith(_AFTER_YEAR, p + 1)
        if f.startswith(_TIME_WORDS, p) and not years:
            return None  # 2024 年, 12 月, 23 日, 30 周年, 5 个月, 10 岁 …
        if f.startswith("点", p) and "." not in tok:
            return None  # 9 点至 19 点: times of day
        multiplier: Decimal | None = None
        for word, factor in _MULTIPLIERS:
            if f.startswith(word, p):
                multiplier, end = factor, p + len(word)
                if qualifier is None and end < len(f) and f[end] in _MID_QUALIFIERS:
                    qualifier, end = f[end], end + 1
                break
        unit: str | None = None
        pu = _skip_spaces(f, end) if multiplier is not None or qualifier else p
        found = self.units._match_folded(f, pu)
        if found is None and f.startswith("倍", pu):
            found = (TIMES, pu + 1)
        if found is None and years:
            found = (YEARS, pu + 1)  # 平均时长为 3.91 年: a length of time
        if found is not None:
            key, ue = found
            if _is_alnum(f[ue - 1]) and ue < len(f) and _is_alnum(f[ue]):
                return None  # a Latin word that begins like a symbol
            if f[pu : ue + 1] in CLASSIFIER_LED_WORDS:
                found = None  # 400 万家庭农场, 36 部门: 家, 部 begin a word, count nothing
            elif not (ue < len(f) and f[ue] == "/"):  # GB/户•月: a rate the table lacks
                unit, end = key, ue
        if e < len(f) and _is_latin(f[e]) and (found is None or pu != e):
            return None  # 5G, 4K, 64K, 3C, 10G, The 55th
        if e + 1 < len(f) and f[e] == "+" and _is_alnum(f[e + 1]):
            return None  # 20A+116B, 4+N: formulas
        if e + 1 < len(f) and f[e] == "/" and f[e + 1].isdigit():
            return None  # 1/3, 0.25/4: fractions
        if f[p : p + 1] == "》":
            return None  # 指南 2.0》: part of a title
        k = _skip_spaces(f, end)
        for word in _POST_QUALIFIERS:
            if f.startswith(word, k):
                if word == "+" and k + 1 < len(f) and _is_alnum(f[k + 1]):
                    break
                qualifier = qualifier or word
                end = k + len(word)
                break
        pre = _pre_qualifier(f, start)
        if pre is not None:
            qualifier, start = pre
        number = Decimal(tok.replace(",", ""))
        reading = _Reading(
            -number if negative else number,
            start,
            end,
            multiplier,
            unit,
            qualifier,
            qualifier is not None,
        )
        return self._range_and_bare(reading, s, e, depth)

    def _whole_cell(self, start: int, end: int) -> bool:
        """Whether ``f[start:end]`` is a tab-separated cell of its own."""
        f = self.f
        before = f[start - 1] if start > 0 else "\n"
        after = f[_skip_spaces(f, end)] if _skip_spaces(f, end) < len(f) else "\n"
        return "\t" in (before + after) and before in "\t\n" and after in "\t\n"

    def _after_value(self, i: int) -> bool:
        """Whether ``f[i]`` (a hyphen) follows a value, so is a range mark."""
        if i == 0:
            return False
        before = self.f[i - 1]
        if _is_alnum(before) or before in "%.)]}-" or before in _MULTIPLIER_CHARS:
            return True
        return any(
            self.units.symbols.get(self.f[i - n : i]) is not None
            for n in range(1, min(self.units.longest, i) + 1)
        )

    def _range_and_bare(self, r: _Reading, s: int, e: int, depth: int) -> _Reading | None:
        f = self.f
        # a range "a-b", "a—b", "a 至 b": the first value takes the second's
        # unit (and its multiplier when it has none), and a bare first number
        # is no quantity when the second is none.
        if r.unit is None and r.qualifier is None and depth < 4:
            i = r.end
            sep = ""
            if i < len(f) and f[i] in _RANGE_SEPARATORS:
                sep, i = f[i], i + 1
            else:
                k = _skip_spaces(f, i)
                if k < len(f) and f[k] in _RANGE_WORDS:
                    sep, i = f[k], _skip_spaces(f, k + 1)
            nxt = self.token_at(i) if sep else None
            if nxt is not None:
                other = self.read(nxt[0], nxt[1], depth + 1)
                if other is None or other.bare:
                    if r.bare and (other is None or sep == "-"):
                        return None  # 11-12 点; 2-786, 010-82341063: identifiers
                elif other.unit is not None or r.bare:
                    multiplier = r.multiplier or other.multiplier
                    r = _Reading(r.number, r.start, r.end, multiplier, other.unit, None, False)
        if not r.bare:
            return r
        # the rules for bare numbers (no multiplier, no unit)
        tok = f[s:e]
        if s > 1 and f[s - 1] == "-" and f[s - 2].isdigit():
            return None  # the end of an identifier 2-786
        if _YEAR_RE.fullmatch(tok) and not self._whole_cell(r.start, e):
            return None  # 2024 alone: a year
        if self.quoted[s]:
            return None  # “618”, “交管 12123”: names
        if s > 0 and f[s - 1] in "(（" and e < len(f) and f[e] in ")）":
            return None  # （12377）: codes
        if _at_line_start(f, s):
            after = f[e] if e < len(f) else "\n"
            if after in "、." or ("." in tok and after in " \t"):
                return None  # 1.1 调查总体, 1. 网民…, 2、…: section numbers
            eol = f.find("\n", e)
            if f[e : eol if eol >= 0 else len(f)].strip() == "" and r.qualifier is None:
                return None  # a number alone on its line: a page number
        return r


def find_quantities(text: str, units: UnitTable) -> list[Quantity]:
    """Every quantity a sentence states, in order.

    A quantity is a number, an optional multiplier (万亿 1e12, 千亿, 百亿,
    千万 1e7, 百万 1e6, 亿 1e8, 万 1e4, 千 1e3), an optional unit (the longest
    symbol of ``units`` that follows, spaces allowed: ``69148 块/32``,
    ``3066 亿 GB``; 倍 gives ``times``) and optional qualifiers, which make it
    ``approximate`` and keep the number stated:

    - before it 超过/超出/超/约/大约/约为/大约为/近/将近/接近/逾/突破/不足/不到,
      not 最近/附近,
      with 人民币 allowed between (``超人民币 2 万亿元``) and 了 after
      突破/超过/超出 (``突破了 1 亿``);
    - 多 or 余 after the number or its multiplier (``140多亿元``,
      ``8.7 万余个``, ``120余家``);
    - after it, spaces allowed, 左右/以上/以下/及以上/及以下 and ``+``
      (``90% 以上``, ``“10 万+”``).

    A ``-`` (also ``−``, ``－``) is a minus sign unless it follows a value (a
    digit, letter, ``%``, multiplier or unit symbol), where it marks a range
    (``6%-7%``). In a range ``a-b``, ``a—b``, ``a至b`` without a unit of its
    own the first value takes the unit of the second, and its multiplier when
    it has none (``8—10小时``: 8 hours; ``1000 万-2000 万人``: persons); a
    bare first number is no quantity when the second is none (``11-12 点``).
    A unit followed by ``/`` (the rate ``18.2GB/户•月``) is left out: the
    number keeps no unit.

    Not quantities (each rule with an example):

    - dates, durations and times: whole numbers before 年 (``2024 年``, ``近5年``;
      a number with a fractional part before 年 is a length of time in years,
      ``平均时长为3.91年``, unless 年 goes on into a span: ``1.5 年来``),
      月 (``12 月``, ``1-9 月``), 日/号 (``23 日``), 季度, 周年 (``30 周年``),
      个月 (``5 个月``), 天, 秒, 届, 版, 时, and integers before 点 (``9 点至
      19 点``); ``2024.12``-style months; numbers joined to another by ``:``
      (``17:43:24``);
    - a bare 4-digit number 1900–2099 with no multiplier or unit (``2024
      小红书``): a year, unless it is a tab-separated cell of its own (a table
      value such as ``1983``);
    - ordinals, ranks and labels: ``第55次``, ``第 1 次``, ``排名前 100 位``,
      ``榜前 50``, ``前 10大``; ``图 10``, ``表 5``, ``附表 6``, ``注1`` at the
      start of a line;
    - section and list numbers at the start of a line: ``1.1 调查总体``,
      ``1. 网民…``, ``2、…``; numbers with two dots (``12.3.4``, versions);
      a number alone on its line (a page number);
    - digits joined by ``,`` in groups other than three (``1,2,3``,
      ``1,23``): no part of them is read (see :func:`find_malformed_numbers`);
    - footnote markers: superscripts (``¹²³`` are not digits here), ``[12]``,
      ``^{注1}``;
    - identifiers: numbers with a leading zero (``03 星``, ``01 组``),
      hyphenated runs of bare numbers (``010-82341063``, ``2-786``), numbers
      after 电话/热线/邮编/代号/传真, a bare number alone in brackets
      (``（12377）``) or in quotes (``“618”``, ``“交管 12123”``);
    - names and formulas: a number glued to Latin letters (``5G``, ``IPv6``,
      ``4K``, ``64K``, ``FP32``, ``4A``, ``L2``, ``The 55th``) unless they are a
      unit symbol (``280EFLOPS``); after ``+``, ``/``, ``%``, ``^``, ``#``,
      ``@``, ``&``, ``=``, ``_`` or before ``+`` and a letter or digit
      (``20A+116B``, ``“4+N”``); ``/32`` and fractions (``1/3``, ``0.25/4``);
      formulas in ``$…$``;
    - everything inside URLs, e-mail addresses and 《…》 titles, and a number
      right before ``》`` (``指南 2.0》``, a title opened on an earlier line);
    - ratios (``51.1:48.9``, see :func:`find_ratios`) and ages (``10-19 岁``,
      ``60 岁及以上``, see :func:`find_age_ranges`).

    A fraction in words (超过四分之一, 近三分之二) is a share in percent (25,
    66.67), its qualifier before it as for a number.

    Not supported: other Chinese numerals (三十, 九成, 百万 without digits); a
    multiplier or unit on the next line (give whole paragraphs, as the loader
    joins them); the page numbers of a table of contents (a heading, a tab, ``1``)
    are read as numbers (the loader keeps TOC blocks out of passages).

    :param text: a sentence, paragraph or table row.
    :param units: the unit table.
    :returns: the quantities in text order; ``q.text == text[q.start:q.end]``.

    >>> units = default_unit_table()
    >>> [(q.value, q.unit, q.text) for q in find_quantities(
    ...     "我国网民规模达 11.08 亿人，较 2023 年 12 月增长 1608 万人；互联网普及率达 78.6%",
    ...     units)]  # doctest: +NORMALIZE_WHITESPACE
    [(Decimal('1108000000'), 'person', '11.08 亿人'),
     (Decimal('16080000'), 'person', '1608 万人'),
     (Decimal('78.6'), 'percent', '78.6%')]
    >>> q = find_quantities("交易9000多万笔、金额140多亿元", units)[1]
    >>> q.value, q.unit, q.approximate, q.qualifier
    (Decimal('14000000000'), 'yuan', True, '多')
    >>> [(q.value, q.unit) for q in find_quantities("IPv6活跃用户数达7.94亿", units)]
    [(Decimal('794000000'), None)]
    >>> find_quantities("第55次报告：5G 基站、IPv6 地址、010-82341063、2024 年 12 月", units)
    []
    >>> find_quantities("1.1 调查总体", units)
    []
    """
    folded = _fold(text)
    scanner = _Scanner(folded, units)
    found: list[Quantity] = []
    last_end = 0
    fractions = _fractions(text, folded, scanner)
    for m in _TOKEN_RE.finditer(folded):
        s, e = m.span()
        if s < last_end:
            continue
        reading = scanner.read(s, e)
        if reading is None:
            continue
        multiplier = reading.multiplier or Decimal(1)
        value = reading.number if reading.multiplier is None else _tidy(reading.number * multiplier)
        found.append(
            Quantity(
                value=value,
                unit=reading.unit,
                multiplier=multiplier,
                text=text[reading.start : reading.end],
                start=reading.start,
                end=reading.end,
                approximate=reading.approximate,
                qualifier=reading.qualifier,
            )
        )
        last_end = reading.end
    return sorted([*found, *fractions], key=lambda q: q.start) if fractions else found


#: A fraction in words (四分之一, 三分之二): a share, as the percent it is.
_FRACTION_RE = re.compile(r"(?P<d>[二三四五六七八九十])分之(?P<n>[一二三四五六七八九])")
#: A fraction in digits (约占全国…的 1/4): a share too, but only where 占 before
#: it in its clause says so (a bare 1/3 may be a ratio, a page or a date; 其中约
#: 1/3 的任务 says not of what).
_DIGIT_FRACTION_RE = re.compile(
    r"(?<![0-9a-z./_-])(?P<n>[1-9])\s*/\s*(?P<d>10|[2-9])(?![0-9a-z./%])"
)
_SHARE_BEFORE_RE = re.compile(r"占[^，。；,;:：]{0,24}$")


def _fractions(text: str, folded: str, scanner: _Scanner) -> list[Quantity]:
    """The fractions ``text`` writes in words (超过四分之一, 近三分之二) as
    percent (25, 66.67: two decimals), with a qualifier before them as
    :func:`_pre_qualifier` reads one (and those in digits after 占, see
    :data:`_DIGIT_FRACTION_RE`); a numerator not below the denominator
    and fractions in a masked span (a title, a URL) are none.

    >>> [(q.value, q.unit, q.text, q.qualifier) for q in _fractions(
    ...     "占服务收入之比首次超过四分之一", "占服务收入之比首次超过四分之一",
    ...     _Scanner("占服务收入之比首次超过四分之一", default_unit_table()))]
    [(Decimal('25.00'), 'percent', '超过四分之一', '超过')]
    >>> [(q.value, q.text) for q in _fractions(
    ...     "约占全国的1/4，超过 1/3 部委，第 1/2 页", "约占全国的1/4，超过 1/3 部委，第 1/2 页",
    ...     _Scanner("约占全国的1/4，超过 1/3 部委，第 1/2 页", default_unit_table()))]
    [(Decimal('25.00'), '1/4')]
    """
    found = []
    written = [
        (m, small_number(m["d"]), small_number(m["n"])) for m in _FRACTION_RE.finditer(folded)
    ]
    for m in _DIGIT_FRACTION_RE.finditer(folded):
        if _SHARE_BEFORE_RE.search(folded, 0, m.start()):
            written.append((m, int(m["d"]), int(m["n"])))
    for m, whole, part in sorted(written, key=lambda w: w[0].start()):
        if not whole or not part or part >= whole or scanner.masked(*m.span()):
            continue
        start, qualifier = m.start(), None
        if (before := _pre_qualifier(folded, m.start())) is not None:
            qualifier, start = before
        value = (Decimal(100) * part / whole).quantize(Decimal("0.01"))
        found.append(
            Quantity(
                value=value,
                unit="percent",
                multiplier=Decimal(1),
                text=text[start : m.end()],
                start=start,
                end=m.end(),
                approximate=qualifier is not None,
                qualifier=qualifier,
            )
        )
    return found


_DIGIT_RUN_RE = re.compile(r"(?<![0-9a-z.,_/-])[0-9]+(?:[.,][0-9]+)+(?![0-9a-z]|[.,][0-9])")
_DOTTED_DATE_RE = re.compile(r"(?:19|20)[0-9]{2}\.[0-9]{1,2}(?:\.[0-9]{1,2})?")


def find_malformed_numbers(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has digits joined by ``,`` or ``.`` that make no number:
    groups after a ``,`` of other than three digits (``1,2,3``), or two decimal
    points (``12.3.4``). :func:`find_quantities` reads none of them; this
    says where they are, so a build can report them. Dotted dates
    (``2024.12.31``), section numbers at the start of a line (``1.2.3 …``),
    versions after a letter (``v1.2.3``) and everything in URLs and 《》 titles
    are not reported.

    :param text: a sentence, paragraph or table cell.
    :returns: ``(start, end)`` offsets into ``text``, in order.

    >>> text = "网民规模达 12.3.4 亿人，占 1,2,3 万人；108,133 万人；2024.12.31"
    >>> [text[s:e] for s, e in find_malformed_numbers(text)]
    ['12.3.4', '1,2,3']
    """
    folded = _fold(text)
    mask = _mask(folded)
    found = []
    for m in _DIGIT_RUN_RE.finditer(folded):
        tok = m[0]
        if any(mask[m.start() : m.end()]) or _NUMBER_RE.fullmatch(tok):
            continue
        if _DOTTED_DATE_RE.fullmatch(tok) or ("," not in tok and _at_line_start(folded, m.start())):
            continue
        found.append(m.span())
    return found


_CELL_MARKERS_RE = re.compile(r"\^\{[^}]*\}|\[[0-9]{1,3}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_MULTIPLIER_ALT = "|".join(word for word, _ in _MULTIPLIERS)
_CELL_RE = re.compile(
    rf"(?P<pre>{'|'.join(_PRE_QUALIFIERS)})? *"
    r"(?P<num>[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)"
    rf"(?P<mid>[{_MID_QUALIFIERS}])? *(?P<mult>{_MULTIPLIER_ALT})?(?P<mid2>[{_MID_QUALIFIERS}])? *"
    rf"(?P<unit>.*?) *(?P<post>{'|'.join(re.escape(w) for w in _POST_QUALIFIERS)})?"
)
_NO_VALUE = frozenset({"", "-", "--", "---", "—", "——", "–", "/", "…", "n/a", "na", "×", "x"})


def parse_cell(
    text: str,
    units: UnitTable,
    header_unit: str | None = None,
    header_multiplier: Decimal | int = 1,
) -> Quantity | None:
    """The quantity one table cell states, or ``None`` for a cell without one.

    Footnote markers (``^{注1}``, superscripts, ``[3]``) are ignored. A cell
    is read whole: qualifier, number, multiplier, unit, qualifier. Its own
    multiplier and unit win; otherwise the header's apply (from the unit
    column, or a header such as ``用户规模 (万人)``: see
    :func:`parse_unit_label`).

    ``None``: an empty cell, ``-``, ``--``, ``—``, ``/``; anything that is not
    a single number, such as an IPv4 折合数 ``20A+116B+62C`` or a label. No
    date rule applies: a value cell ``1983`` is 1983, and a header cell
    ``2024.12`` would read as a number (give header cells to
    :func:`parse_period`).

    :param text: the cell as written.
    :param units: the unit table.
    :param header_unit: the unit key the header gives, e.g. ``"person"``.
    :param header_multiplier: the multiplier the header gives (1e4 for 万人).
    :returns: the quantity; offsets are into ``text`` and cover the value
        without markers.

    >>> units = default_unit_table()
    >>> q = parse_cell("69,866,752 ^{注1}", units)
    >>> q.value, q.text
    (Decimal('69866752'), '69,866,752')
    >>> parse_cell("8.22", units, header_multiplier=Decimal(10**8)).value
    Decimal('822000000')
    >>> parse_cell("105,963", units, "person", 10**4).value
    Decimal('1059630000')
    >>> parse_cell("--", units) is None, parse_cell("20A+116B+62C", units) is None
    (True, True)
    """
    folded = _fold(text)
    cleaned = _CELL_MARKERS_RE.sub(lambda m: " " * len(m[0]), folded)
    stripped = cleaned.strip()
    if stripped.lower() in _NO_VALUE:
        return None
    offset = len(cleaned) - len(cleaned.lstrip())
    m = _CELL_RE.fullmatch(stripped)
    if m is None:
        return None
    unit: str | None = None
    unit_text = m["unit"]
    if unit_text:
        if unit_text == "倍":
            unit = TIMES
        else:
            found = units._match_folded(unit_text, 0)
            if found is None or found[1] != len(unit_text):
                return None
            unit = found[0]
    multiplier = Decimal(header_multiplier)
    if m["mult"]:
        multiplier = dict(_MULTIPLIERS)[m["mult"]]
    if unit is None:
        unit = header_unit
    qualifier = m["pre"] or m["mid"] or m["mid2"] or m["post"]
    start = offset
    end = offset + len(stripped)
    value = parse_number(m["num"])
    return Quantity(
        value=value if multiplier == 1 else _tidy(value * multiplier),
        unit=unit,
        multiplier=multiplier,
        text=text[start:end],
        start=start,
        end=end,
        approximate=qualifier is not None,
        qualifier=qualifier,
    )


_UNIT_LABEL_RE = re.compile(rf"^(?:单位: *)?(?P<mult>{_MULTIPLIER_ALT})? *(?P<unit>.*)$")
_BRACKETED_RE = re.compile(r"[(（]([^()（）]*)[)）] *$")


def parse_unit_label(text: str, units: UnitTable) -> tuple[Decimal, str | None] | None:
    """The multiplier and unit a header or unit column gives.

    Reads the last bracketed part when there is one (``用户规模 (万人)``,
    ``页面平均大小(KB)``, ``2024 年 6 月 (%)``), else the whole text
    (``亿个``, ``块/32``, ``单位：万人``).

    :returns: ``(multiplier, unit key or None)``, or ``None`` when the text
        is no unit label.

    >>> units = default_unit_table()
    >>> parse_unit_label("2023.12 用户规模 (万人)", units)
    (Decimal('10000'), 'person')
    >>> parse_unit_label("亿", units)
    (Decimal('100000000'), None)
    >>> parse_unit_label("块/32", units)
    (Decimal('1'), 'block_32')
    >>> parse_unit_label("分类", units) is None
    True
    """
    folded = _fold(_CELL_MARKERS_RE.sub("", text)).strip()
    bracketed = _BRACKETED_RE.search(folded)
    label = bracketed[1].strip() if bracketed else folded
    m = _UNIT_LABEL_RE.match(label)
    if m is None:  # pragma: no cover - the pattern matches any text
        return None
    multiplier = dict(_MULTIPLIERS)[m["mult"]] if m["mult"] else Decimal(1)
    rest = m["unit"].strip()
    if not rest:
        return (multiplier, None) if m["mult"] else None
    if rest == "倍":
        return multiplier, TIMES
    found = units._match_folded(rest, 0)
    if found is None or found[1] != len(rest):
        return None
    return multiplier, found[0]


# ---------------------------------------------------------------- ratios, ages

_RATIO_RE = re.compile(
    r"(?<![0-9.:])([1-9][0-9]*|0)(\.[0-9]+)?:([1-9][0-9]*|0)(\.[0-9]+)?(?![0-9.:])"
)
_AGE_RE = re.compile(
    r"(?<![0-9.])(?P<lo>[0-9]{1,3})(?: *[-—–~至到] *(?P<hi>[0-9]{1,3}))? *周?岁"
    r"(?P<bound> *及?以[上下])?"
)


def _unmasked(folded: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    url = [m.span() for regex in _MASK_RES[:2] for m in regex.finditer(folded)]
    return [(s, e) for s, e in spans if not any(a < e and s < b for a, b in url)]


def find_ratios(text: str) -> list[Ratio]:
    """Ratios written ``a:b`` or ``a：b`` (not in URLs).

    >>> [(r.left, r.right, r.text) for r in find_ratios("男女比例为 51.1:48.9，与整体人口")]
    [(Decimal('51.1'), Decimal('48.9'), '51.1:48.9')]
    >>> find_ratios("注1：中国联合网络")
    []
    """
    folded = _fold(text)
    ratios = []
    matches = {m.span(): m for m in _RATIO_RE.finditer(folded)}
    for s, e in _unmasked(folded, matches):
        m = matches[(s, e)]
        left = Decimal(m[1] + (m[2] or ""))
        right = Decimal(m[3] + (m[4] or ""))
        ratios.append(Ratio(left, right, text[s:e], s, e))
    return ratios


def find_age_ranges(text: str) -> list[AgeRange]:
    """Age groups: ``10-19 岁``, ``20—29岁``, ``60 岁及以上``, ``6 周岁及以上``,
    ``6 岁以下``, ``15岁``.

    >>> [(a.low, a.high, a.text) for a in find_age_ranges("10-19 岁、60 岁及以上网民")]
    [(10, 19, '10-19 岁'), (60, None, '60 岁及以上')]
    >>> [(a.low, a.high) for a in find_age_ranges("除 6 岁以下儿童外")]
    [(None, 6)]
    """
    folded = _fold(text)
    ages = []
    for m in _AGE_RE.finditer(folded):
        lo = int(m["lo"])
        hi = int(m["hi"]) if m["hi"] else lo
        bound = (m["bound"] or "").strip()
        if bound.endswith("以上"):
            low, high = lo, None
        elif bound.endswith("以下"):
            low, high = None, hi
        else:
            low, high = lo, hi
        ages.append(AgeRange(low, high, text[m.start() : m.end()], m.start(), m.end()))
    return ages


_SHOWN_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def rounding_tolerance(value_text: str, value: Decimal) -> Decimal:
    """Half a unit of the last digit a value's text shows, in the value's
    base units: what rounding may hide.

    :param value_text: the value as written (``"10.81 亿人"``).
    :param value: the value in base units (``Decimal("1081000000")``).
    :return: the tolerance in base units; 0 when the text shows no number.

    >>> rounding_tolerance("10.81 亿人", Decimal("1081000000"))
    Decimal('500000.0')
    >>> rounding_tolerance("108,133", Decimal("1081330000"))
    Decimal('5000.0')
    """
    m = _SHOWN_NUMBER_RE.search(value_text)
    if m is None:
        return Decimal(0)
    shown = Decimal(m.group(0).replace(",", ""))
    scale = abs(value / shown) if shown else Decimal(1)
    return Decimal(5) * Decimal(10) ** (-len(m.group(1) or "") - 1) * scale
