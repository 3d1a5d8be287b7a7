"""Numbers, units, periods and qualifiers as a person reads them (#19 item 4).

The graph stores a figure as a number and IRIs (``1108000000``,
``unit:INDIV``, ``month/2024-12``, ``cikg:MoreThan``); pages say
"超过 11.08 亿人 · 2024 年 12 月" or "more than 1.108 billion people · Dec 2024":

- :func:`format_number`: 万 and 亿 (and 万亿) in Chinese, thousand separators,
  million, billion and trillion in English;
- :func:`format_quantity`: the number with its unit in words (人, people) and,
  when the text qualified it, the qualifier first (超过, more than);
- :func:`format_tick`: the short form of a chart's axis (5 亿, 500M);
- :func:`format_period`: a reference period's IRI as a date (2024 年 12 月, Dec 2024);
- :func:`format_date`: a date as the graph writes it (``2025-03-07``,
  ``2024-09``, ``2024``) for people (2025 年 3 月 7 日, 7 Mar 2025);
- :func:`qualifier_words`, :func:`status_words`: the words for a qualifier
  or an observation status.

Nothing here reads the store: a unit's words come from the caller
(:class:`UnitWords`, which the ontology gives: ``ontology/reference/units.ttl``);
qualifiers and statuses are named by their IRIs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation, localcontext

from cikg.vocab import PREFIXES

__all__ = [
    "NO_WORDS",
    "RATE_UNITS",
    "UnitWords",
    "format_date",
    "format_number",
    "format_period",
    "format_quantity",
    "format_tick",
    "qualifier_words",
    "status_words",
    "to_decimal",
]

_QUDT = "http://qudt.org/vocab/unit/"
_UNIT = "https://w3id.org/cikg/id/unit/"


@dataclass(frozen=True, slots=True)
class UnitWords:
    """How a unit is written after a number, as ``ontology/reference/units.ttl``
    gives it (``cikg:unitWord``, ``cikg:unitWordOne``, ``cikg:unitWordJoined``;
    read by :meth:`cikg.serve.names.Names.unit_words`).

    :param zh: the Chinese word (人, 个, KB); ``""`` for none.
    :param en: the English word for any number but one (people, KB); ``""`` for none.
    :param en_one: the English word after exactly one (person); ``""`` when
        it is ``en``.
    :param joined: written right after the number, without a space (%).
    """

    zh: str
    en: str
    en_one: str = ""
    joined: bool = False


#: No unit word: the number stands alone.
NO_WORDS = UnitWords("", "")


_RANK = _UNIT + "rank"
#: A word that starts with a Han character (人, 个百分点, 块/32).
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: Units of rates, shares, ratios and ranks: their charts do not start at
#: zero (:mod:`cikg.serve.chart`); every other unit measures a level.
RATE_UNITS = frozenset(
    {_QUDT + "PERCENT", _UNIT + "percentage-point", _QUDT + "UNITLESS", _RANK, _UNIT + "index"}
)

#: Qualifiers as words put before a number (the ontology's labels name the
#: concepts: "approximately"; a figure reads "about 600").
_QUALIFIERS = {
    PREFIXES["cikg"] + "MoreThan": ("超过", "more than"),
    PREFIXES["cikg"] + "AtLeast": ("不少于", "at least"),
    PREFIXES["cikg"] + "Approximately": ("约", "about"),
    PREFIXES["cikg"] + "LessThan": ("不足", "less than"),
    PREFIXES["cikg"] + "AtMost": ("不超过", "at most"),
}
_STATUSES = {
    PREFIXES["cikg"] + "Target": ("目标值", "target"),
    "http://purl.org/linked-data/sdmx/2009/code#obsStatus-F": ("预计", "forecast"),
}

#: Magnitudes by language, largest first: (threshold, long word, short tick suffix).
_ZH_MAGNITUDES = (
    (Decimal(10) ** 12, "万亿", "万亿"),
    (Decimal(10) ** 8, "亿", "亿"),
    (Decimal(10) ** 4, "万", "万"),
)
_EN_MAGNITUDES = (
    (Decimal(10) ** 12, "trillion", "T"),
    (Decimal(10) ** 9, "billion", "B"),
    (Decimal(10) ** 6, "million", "M"),
    (Decimal(10) ** 3, "", "K"),
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ZH_QUARTERS = ("一", "二", "三", "四")
_PERIOD = re.compile(
    r"/(?:(?P<year>year)/(?P<y>\d{4})"
    r"|month/(?P<my>\d{4})-(?P<m>\d{2})"
    r"|quarter/(?P<qy>\d{4})-Q(?P<q>[1-4])"
    r"|half/(?P<hy>\d{4})-H(?P<h>[12])"
    r"|day/(?P<dy>\d{4})-(?P<dm>\d{2})-(?P<dd>\d{2})"
    r"|gregorian-interval/(?P<iy>\d{4})-(?P<im>\d{2})-01T00:00:00/P(?P<n>\d+)(?P<nu>[MY]))$"
)


def to_decimal(value: str | float | int | Decimal) -> Decimal | None:
    """The value as an exact decimal, or ``None`` if it is no finite number.

    >>> to_decimal("1108000000")
    Decimal('1108000000')
    >>> to_decimal("NaN") is None
    True
    """
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _plain(number: Decimal, significant: int, grouped: bool) -> str:
    """``number`` to at most ``significant`` significant digits (never fewer
    than its integer part), trailing zeros dropped, thousands grouped with
    commas when ``grouped``."""
    if number == 0:
        return "0"
    integer_digits = max(number.adjusted() + 1, 0)
    places = max(significant - max(integer_digits, 1), 0)
    with localcontext() as context:
        context.prec = max(integer_digits + places + 2, 28)
        rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    text = f"{rounded:,f}" if grouped else f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def format_number(value: str | float | int | Decimal, lang: str, significant: int = 6) -> str:
    """A number as a person writes it: with 万, 亿 or 万亿 in Chinese, with
    million, billion or trillion (and thousand separators below a million)
    in English; at most ``significant`` significant digits, never rounding
    the whole part.

    :param value: the number (a literal's text, a float or a decimal).
    :param lang: ``"zh"`` or ``"en"``.
    :param significant: digits kept after scaling (6: 3597.62 亿).
    :returns: the text; the value as given if it is no number.

    >>> format_number("1108000000", "zh"), format_number("1108000000", "en")
    ('11.08 亿', '1.108 billion')
    >>> format_number(620000, "zh"), format_number(620000, "en")
    ('62 万', '620,000')
    >>> format_number("78.60", "zh"), format_number("2500", "en")
    ('78.6', '2,500')
    >>> format_number("359761604994", "zh")
    '3597.62 亿'
    """
    number = to_decimal(value)
    if number is None:
        return str(value)
    magnitudes = _ZH_MAGNITUDES if lang == "zh" else _EN_MAGNITUDES
    for threshold, word, _ in magnitudes:
        if word and abs(number) >= threshold:
            return f"{_plain(number / threshold, significant, lang != 'zh')} {word}"
    return _plain(number, significant, lang != "zh")


def _unit_text(number_text: str, unit: str, words: UnitWords, lang: str, one: bool) -> str:
    """The number followed by its unit in ``lang``: 11.08 亿人 and 600 个 in
    Chinese (a word of Han characters follows 万 and 亿 directly; a Latin
    symbol is always set off by a space, as the W3C's Requirements for
    Chinese Text Layout, §3.2.1, sets Western text apart: 5 万 GB), 1 person
    and 1.108 billion people in English; a rank as an ordinal (第 2 位)."""
    if unit == _RANK:
        return f"第 {number_text} 位" if lang == "zh" else f"rank {number_text}"
    if lang == "zh":
        tight = words.joined or (_HAN.match(words.zh) is not None and number_text[-1] in "万亿")
        return number_text + words.zh if tight else f"{number_text} {words.zh}".strip()
    word = words.en_one if one and words.en_one else words.en
    return number_text + word if words.joined else f"{number_text} {word}".strip()


def format_quantity(
    value: str | float | int | Decimal,
    unit: str,
    lang: str,
    qualifier: str | None = None,
    words: UnitWords = NO_WORDS,
) -> str:
    """A figure in words: qualifier, number, unit.

    :param value: the number.
    :param unit: the unit's IRI (``http://qudt.org/vocab/unit/INDIV``).
    :param lang: ``"zh"`` or ``"en"``.
    :param qualifier: the ``cikg:valueQualifier`` IRI, if the text qualified
        the number.
    :param words: how the unit is written (the ontology's, from
        :meth:`cikg.serve.names.Names.unit_words`); none by default.
    :returns: e.g. ``11.08 亿人``, ``more than 1.108 billion people``, ``78.6%``.

    >>> people = UnitWords("人", "people", "person")
    >>> INDIV = "http://qudt.org/vocab/unit/INDIV"
    >>> format_quantity("1108000000", INDIV, "zh", words=people)
    '11.08 亿人'
    >>> format_quantity("1108000000", INDIV, "en", words=people)
    '1.108 billion people'
    >>> format_quantity(1, INDIV, "en", PREFIXES["cikg"] + "MoreThan", people)
    'more than 1 person'
    >>> format_quantity("78.6", "", "zh", words=UnitWords("%", "%", joined=True))
    '78.6%'
    >>> about = PREFIXES["cikg"] + "Approximately"
    >>> format_quantity("600", "", "zh", about, UnitWords("个", ""))
    '约 600 个'
    >>> format_quantity("50000", "", "zh", words=UnitWords("GB", "GB"))
    '5 万 GB'
    >>> format_quantity("2", "https://w3id.org/cikg/id/unit/rank", "en")
    'rank 2'
    """
    number = to_decimal(value)
    text = format_number(value, lang)
    one = number is not None and number == 1
    said = _unit_text(text, unit, words, lang, one)
    words = qualifier_words(qualifier, lang) if qualifier else ""
    return f"{words} {said}" if words else said


def format_tick(value: float, unit: str, lang: str) -> str:
    """The short label of a chart's axis tick: 5 亿 / 500M, 2.5 万 / 25K, 20%.

    :param value: the tick's value (in the unit).
    :param unit: the unit's IRI (only ``%`` is written after the number).
    :param lang: ``"zh"`` or ``"en"``.

    >>> [format_tick(v, "", "zh") for v in (0, 250_000_000, 1_000_000_000, 25_000)]
    ['0', '2.5 亿', '10 亿', '2.5 万']
    >>> [format_tick(v, "", "en") for v in (0, 250_000_000, 1_000_000_000, 25_000, 800)]
    ['0', '250M', '1B', '25K', '800']
    >>> format_tick(20.0, "http://qudt.org/vocab/unit/PERCENT", "en")
    '20%'
    """
    number = Decimal(repr(float(value)))
    suffix = "%" if unit == _QUDT + "PERCENT" else ""
    if lang == "zh":
        for threshold, _, short in _ZH_MAGNITUDES:
            if abs(number) >= threshold:
                return f"{_plain(number / threshold, 4, False)} {short}{suffix}"
        return _plain(number, 4, False) + suffix
    for threshold, _, short in _EN_MAGNITUDES:
        if abs(number) >= threshold:
            return f"{_plain(number / threshold, 4, False)}{short}{suffix}"
    return _plain(number, 4, False) + suffix


def format_period(iri: str, lang: str) -> str:
    """A reference period (a ``reference.data.gov.uk`` IRI) as a person
    writes it; an IRI of another form by its last segment.

    :param iri: the period's IRI.
    :param lang: ``"zh"`` or ``"en"``.

    >>> base = "http://reference.data.gov.uk/id/"
    >>> format_period(base + "month/2024-12", "zh"), format_period(base + "month/2024-12", "en")
    ('2024 年 12 月', 'Dec 2024')
    >>> format_period(base + "year/2024", "zh"), format_period(base + "quarter/2024-Q3", "zh")
    ('2024 年', '2024 年第三季度')
    >>> format_period(base + "half/2020-H1", "en"), format_period(base + "day/2020-06-15", "en")
    ('H1 2020', '15 Jun 2020')
    >>> format_period(base + "gregorian-interval/2024-01-01T00:00:00/P9M", "zh")
    '2024 年 1–9 月'
    >>> format_period(base + "gregorian-interval/2023-07-01T00:00:00/P12M", "en")
    'Jul 2023–Jun 2024'
    """
    found = _PERIOD.search(iri)
    zh = lang == "zh"
    if found is None:
        return iri.rsplit("/", 1)[-1]
    g = found.groupdict()
    if g["year"]:
        return f"{g['y']} 年" if zh else g["y"]
    if g["my"]:
        return _month(int(g["my"]), int(g["m"]), zh)
    if g["qy"]:
        q = int(g["q"])
        return f"{g['qy']} 年第{_ZH_QUARTERS[q - 1]}季度" if zh else f"Q{q} {g['qy']}"
    if g["hy"]:
        half = g["h"] == "1"
        return f"{g['hy']} 年{'上' if half else '下'}半年" if zh else f"H{g['h']} {g['hy']}"
    if g["dy"]:
        y, m, d = int(g["dy"]), int(g["dm"]), int(g["dd"])
        return f"{y} 年 {m} 月 {d} 日" if zh else f"{d} {_MONTHS[m - 1]} {y}"
    year, month = int(g["iy"]), int(g["im"])
    months = int(g["n"]) * (12 if g["nu"] == "Y" else 1)
    last = year * 12 + month - 1 + months - 1
    end_year, end_month = last // 12, last % 12 + 1
    if months == 1:
        return _month(year, month, zh)
    if end_year == year:
        return (
            f"{year} 年 {month}–{end_month} 月"
            if zh
            else (f"{_MONTHS[month - 1]}–{_MONTHS[end_month - 1]} {year}")
        )
    return f"{_month(year, month, zh)}–{_month(end_year, end_month, zh)}"


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def format_date(text: str, lang: str) -> str:
    """A date of the graph (``xsd:date``, ``xsd:gYearMonth`` or
    ``xsd:gYear``: a policy's, a report's) as a person writes it, no more
    precise than it is; text of another form as it is.

    :param text: the literal's text.
    :param lang: ``"zh"`` or ``"en"``.

    >>> format_date("2025-03-07", "zh"), format_date("2025-03-07", "en")
    ('2025 年 3 月 7 日', '7 Mar 2025')
    >>> format_date("2024-09", "zh"), format_date("2024-09", "en"), format_date("2024", "zh")
    ('2024 年 9 月', 'Sep 2024', '2024 年')
    >>> format_date("", "en"), format_date("soon", "en")
    ('', 'soon')
    """
    found = _DATE.match(text)
    if found is None:
        return text
    zh = lang == "zh"
    year, month, day = found.groups()
    if day:
        m, d = int(month), int(day)
        return f"{year} 年 {m} 月 {d} 日" if zh else f"{d} {_MONTHS[m - 1]} {year}"
    if month:
        return _month(int(year), int(month), zh)
    return f"{year} 年" if zh else year


def _month(year: int, month: int, zh: bool) -> str:
    return f"{year} 年 {month} 月" if zh else f"{_MONTHS[month - 1]} {year}"


def qualifier_words(iri: str | None, lang: str) -> str:
    """What goes before a qualified number: 超过 / more than, 约 / about,
    不少于 / at least, 不足 / less than, 不超过 / at most; ``""`` for none or
    an unknown qualifier.

    >>> qualifier_words(PREFIXES["cikg"] + "Approximately", "en")
    'about'
    """
    words = _QUALIFIERS.get(iri or "")
    return "" if words is None else words[0 if lang == "zh" else 1]


def status_words(iri: str | None, lang: str) -> str:
    """An observation status in words: 目标值 / target, 预计 / forecast;
    ``""`` for none or an unknown status.

    >>> status_words("http://purl.org/linked-data/sdmx/2009/code#obsStatus-F", "zh")
    '预计'
    """
    words = _STATUSES.get(iri or "")
    return "" if words is None else words[0 if lang == "zh" else 1]
