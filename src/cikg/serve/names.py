"""What the pages call a resource, never a hash or a slug (#19).

A resource with a label (``skos:prefLabel``, ``rdfs:label``,
``dcterms:title``) is called by it, in the reader's language: English when
it has an English label, else its Chinese one marked ``(untranslated)``.
Predicates and classes have labels too: cikg's in ``ontology/cikg.ttl``,
other vocabularies' in ``ontology/external-labels.ttl``. The kinds that
carry no label get a name made from what the graph says about them:

- an observation, by what it states: 网民规模 · 中国 · 2024-12：11.08 亿人
  (in English its value in words: … 2024-12: 1.108 billion people);
- a passage, footnote or caption-less table, by its report and place:
  第55次…报告 · 第 12 页 / 第 1459 行 / 注 41;
- a citation, by its report and its text: 第55次…报告 · 来源：工业和信息化部;
- a qualified indicator relation, by its policy, indicator and passage;
- a reference period, by its IRI's end (2024-12, 2024-Q3) or, for an
  interval of months, its first and last month (2024-01–2024-11);
- a report known only by its number, by its series and issue; one known
  only by its series and year, by both: 中国互联网发展报告（2024）;
- a listing of the policies query's answer (``graph/latest``,
  :mod:`cikg.listings`), by what it lists: a policy listing by its policy and
  date (推动消费品以旧换新行动方案 · 2024-03), a latest value listing by its
  indicator label, period end and value (网民规模 · 2024-12-31：110800).

:class:`Names` reads all of this once from a store that is read-only while
it is served, labels without the footnote marks captions keep
(:func:`clean_label`); :func:`natural_key` sorts names as a person would (第 2 行
before 第 10 行).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from pyoxigraph import Literal, NamedNode

from cikg.serve.engine import Engine
from cikg.serve.numbers import UnitWords, format_quantity, to_decimal
from cikg.vocab import PREFIXES

__all__ = ["Names", "blank_name", "clean_label", "compact", "natural_key"]

_LABELS = (
    PREFIXES["skos"] + "prefLabel",
    PREFIXES["rdfs"] + "label",
    PREFIXES["dcterms"] + "title",
)
_CIKG = PREFIXES["cikg"]
#: The longest citation text kept in its name (the rest is on its page).
_CITATION_CHARS = 30
#: A citation's own marker at the start of its text: ¹³⁹, [61], 41.
_MARKER = re.compile(r"^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d+\]|\d+\s)\s*")
#: Where the reference periods of observations are (their IRIs name them).
_PERIODS = "http://reference.data.gov.uk/id/"
#: A web address in a citation's text (its page links it; its name need not).
_URL = re.compile(r"<?https?://[^\s>，,]*>?[，,]?\s*")
_DIGITS = re.compile(r"(\d+)")
#: The year at the end of the IRI of a report known by its series and year.
_EDITION_YEAR = re.compile(r"-((?:19|20)\d\d)$")
#: A period of months or years from a date: ``gregorian-interval/2024-01-01T00:00:00/P9M``.
_INTERVAL = re.compile(r"gregorian-interval/(\d{4})-(\d{2})-01T00:00:00/P(\d+)([MY])$")


#: A report's footnote marks as its text keeps them in captions: ``^{注1}``
#: (a superscript written as markup) and superscript digits (¹⁰⁰), except
#: after a letter (m², which is a unit).
_NOTE_MARKS = re.compile(r"\^\{[^{}]*\}|(?<![A-Za-z])[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def clean_label(text: str) -> str:
    """A label as a page shows it: without the footnote marks a caption
    kept from its report (the statements still give it as written), and
    with single spaces.

    >>> clean_label("附表 3 IPv6 地址数（以块/32^{注1}为单位）")
    '附表 3 IPv6 地址数（以块/32为单位）'
    >>> clean_label("表 6 2023.12-2024.12 分省政府网站数量¹⁰⁰"), clean_label("面积 km²")
    ('表 6 2023.12-2024.12 分省政府网站数量', '面积 km²')
    """
    return " ".join(_NOTE_MARKS.sub("", text).split()) or text


def compact(iri: str) -> str:
    """``prefix:local`` for an IRI in a known namespace, else the IRI.

    >>> compact("http://purl.org/linked-data/sdmx/2009/dimension#refArea")
    'sdmx-dimension:refArea'
    """
    for prefix, base in PREFIXES.items():
        if iri.startswith(base):
            return f"{prefix}:{iri[len(base) :]}"
    return iri


def natural_key(text: str) -> tuple[str | int, ...]:
    """A sort key that orders the numbers in ``text`` by value, so that
    第 2 行 comes before 第 10 行 (strings compare 10 before 2).

    Text and numbers alternate from the start, so any two keys compare.

    >>> sorted(["line 10", "line 2", "Line 1"], key=natural_key)
    ['Line 1', 'line 2', 'line 10']
    """
    parts = _DIGITS.split(text)
    return tuple(int(p) if i % 2 else p.casefold() for i, p in enumerate(parts))


@dataclass(frozen=True, slots=True)
class _Made:
    """A name made from parts: ``how`` joins the names of ``iris`` (each
    named in the reader's language) and ``texts`` (as they are) for a
    language."""

    how: Callable[[list[str], tuple[str, ...], str], str]
    iris: tuple[str | None, ...]
    texts: tuple[str, ...] = ()


def _observation(names: list[str], texts: tuple[str, ...], lang: str) -> str:
    """网民规模 · 中国 · 2024-12：11.08 亿人: indicator, area, period, then
    the value: in Chinese as written (the normalised value when the text
    gave none), in English in words (Internet users · China · 2024-12:
    1.108 billion people)."""
    written, english = texts
    value = english if lang == "en" and english else written
    parts = [p for p in names if p]
    return " · ".join(parts) + (("：" if lang == "zh" else ": ") + value if value else "")


_PLACES = {
    "page": ("第 {} 页", "p. {}"),
    "line": ("第 {} 行", "line {}"),
    "note": ("注 {}", "note {}"),
    "table page": ("第 {} 页的表格", "table, p. {}"),
    "table line": ("第 {} 行的表格", "table, line {}"),
}


def _period_name(iri: str) -> str:
    """A reference period as a person reads it: the end of its IRI
    (``2024-12``, ``2024-Q3``, ``2019-H1``), and for an interval of months
    its first and last month.

    >>> _period_name("http://reference.data.gov.uk/id/gregorian-interval/2024-01-01T00:00:00/P9M")
    '2024-01–2024-09'
    >>> _period_name("http://reference.data.gov.uk/id/month/2024-12")
    '2024-12'
    """
    interval = _INTERVAL.search(iri)
    if interval is None:
        return iri.rsplit("/", 1)[-1]
    year, month, length, unit = (int(g) if g.isdigit() else g for g in interval.groups())
    last = year * 12 + month - 1 + length * (12 if unit == "Y" else 1) - 1
    return f"{year}-{month:02d}–{last // 12}-{last % 12 + 1:02d}"


def _place(names: list[str], texts: tuple[str, ...], lang: str) -> str:
    """第55次…报告 · 第 12 页: the report, then where in it."""
    kind, number = texts
    zh, en = _PLACES[kind]
    return f"{names[0]} · {(zh if lang == 'zh' else en).format(number)}"


def _citation(names: list[str], texts: tuple[str, ...], lang: str) -> str:
    """第55次…报告 · 来源：工业和信息化部: the report, then the start of the
    citation's text without its marker or web addresses."""
    text = " ".join(_URL.sub("", _MARKER.sub("", texts[0])).split())
    if len(text) > _CITATION_CHARS:
        text = text[:_CITATION_CHARS] + "…"
    return f"{names[0]} · {text}" if names[0] else text


def _relation(names: list[str], texts: tuple[str, ...], lang: str) -> str:
    """政策 → 指标 · 报告 · 第 N 行: the policy, the indicator it is related
    to, and the passage that shows it."""
    policy, indicator, passage = names
    link = " → ".join(n for n in (policy, indicator) if n)
    return f"{link} · {passage}" if passage else link


def _edition(names: list[str], texts: tuple[str, ...], lang: str) -> str:
    """中国互联网发展报告（2024）/ …, 2024 edition: a report of a series known
    only by its series and the year of its edition (a report an article
    discusses: its IRI ends in the year, as the mapping minted it); the
    series alone when there is no year."""
    if not texts[0]:
        return names[0]
    return f"{names[0]}（{texts[0]}）" if lang == "zh" else f"{names[0]}, {texts[0]} edition"


def _issue(names: list[str], texts: tuple[str, ...], lang: str) -> str:
    """中国互联网络发展状况统计报告 第 54 期 / …, no. 54."""
    return f"{names[0]} 第 {texts[0]} 期" if lang == "zh" else f"{names[0]}, no. {texts[0]}"


def _policy_listing(names: list[str], texts: tuple[str, ...], lang: str) -> str:
    """推动消费品以旧换新行动方案 · 2024-03: the listed policy, then its date."""
    return " · ".join(p for p in (names[0], texts[0]) if p)


def _value_listing(names: list[str], texts: tuple[str, ...], lang: str) -> str:
    """网民规模 · 2024-12-31：110800 / Internet users · 2024-12-31: 110800:
    the indicator named in the reader's language (the indicator whose
    Chinese prefLabel the listing holds; the listed label itself, marked
    ``(untranslated)`` in English, when no indicator has it), the period
    end, then the value."""
    label, end, value = texts
    named = names[0] if names and names[0] else ""
    if lang == "en":
        return f"{named or label + ' (untranslated)'} · {end}: {value}"
    return f"{named or label} · {end}：{value}"


class Names:
    """The names of a store's resources, read on first use and kept: the
    store must not change while they are (it is read-only while served).

    :param store: the store.
    """

    def __init__(self, store: Engine) -> None:
        self.store = store

    def _rows(self, sparql: str) -> list[dict[str, str | None]]:
        result = self.store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
        names = [v.value for v in result.variables]  # type: ignore[union-attr]
        return [
            {n: (None if row[n] is None else row[n].value) for n in names}
            for row in result  # type: ignore[union-attr]
        ]

    @cached_property
    def _labels(self) -> dict[str, dict[str, str]]:
        """IRI -> {language: label}: ``skos:prefLabel`` first, then
        ``rdfs:label``, then ``dcterms:title``; a literal without a language
        counts as Chinese."""
        found: dict[str, dict[str, str]] = {}
        for prop in _LABELS:
            for q in self.store.quads_for_pattern(None, NamedNode(prop), None):
                subject, obj = q.subject, q.object
                if isinstance(subject, NamedNode) and isinstance(obj, Literal):
                    lang = (obj.language or "zh").split("-")[0].lower()
                    found.setdefault(subject.value, {}).setdefault(lang, clean_label(obj.value))
        return found

    @cached_property
    def _made(self) -> dict[str, _Made]:
        """IRI -> how to name it, for the resources without a label."""
        made: dict[str, _Made] = {}
        for r in self._rows(
            """SELECT ?s ?ind ?area ?period ?text ?value ?unit ?qualifier WHERE {
                 ?s a qb:Observation
                 OPTIONAL { ?s cikg:indicator ?ind } OPTIONAL { ?s sdmx-dimension:refArea ?area }
                 OPTIONAL { ?s sdmx-dimension:refPeriod ?period }
                 OPTIONAL { ?s cikg:valueText ?text } OPTIONAL { ?s sdmx-measure:obsValue ?value }
                 OPTIONAL { ?s sdmx-attribute:unitMeasure ?unit }
                 OPTIONAL { ?s cikg:valueQualifier ?qualifier }
               } ORDER BY ?s ?ind ?area ?period ?text ?value ?unit ?qualifier"""
        ):
            if r["s"] in made:
                continue
            value, unit = r["value"] or "", r["unit"] or ""
            english = (
                format_quantity(value, unit, "en", r["qualifier"], self.unit_words(unit))
                if to_decimal(value) is not None
                else ""
            )
            made[r["s"] or ""] = _Made(
                _observation,
                (r["ind"], r["area"], r["period"]),
                (r["text"] or value, english),
            )
        for r in self._rows(
            """SELECT ?s ?report ?page ?line ?marker ?table WHERE { ?s prov:wasQuotedFrom ?report
                 OPTIONAL { ?s cikg:page ?page } OPTIONAL { ?s cikg:line ?line }
                 OPTIONAL { ?s a cikg:Footnote ; cikg:noteMarker ?marker }
                 OPTIONAL { ?s a ?table FILTER(?table = cikg:Table) }
               } ORDER BY ?s ?page ?line ?marker"""
        ):
            table = "table " if r["table"] else ""
            kind, number = (
                ("note", r["marker"])
                if r["marker"] and not table
                else (table + "page", r["page"])
                if r["page"]
                else (table + "line", r["line"])
            )
            if number:
                made.setdefault(r["s"] or "", _Made(_place, (r["report"],), (kind, number)))
        for r in self._rows(
            """SELECT ?s ?report ?text WHERE { ?s a cikg:Citation ; cikg:text ?text
                 OPTIONAL { ?s dcterms:isPartOf ?report } } ORDER BY ?s ?report ?text"""
        ):
            made.setdefault(r["s"] or "", _Made(_citation, (r["report"],), (r["text"] or "",)))
        for r in self._rows(
            """SELECT ?s ?policy ?ind ?from WHERE { ?s a cikg:IndicatorRelation
                 OPTIONAL { ?policy cikg:qualifiedRelatedIndicator ?s }
                 OPTIONAL { ?s cikg:relationIndicator ?ind }
                 OPTIONAL { ?s prov:wasDerivedFrom ?from } } ORDER BY ?s ?policy ?ind ?from"""
        ):
            made.setdefault(r["s"] or "", _Made(_relation, (r["policy"], r["ind"], r["from"])))
        for r in self._rows(
            """SELECT ?s ?series ?n WHERE { ?s schema:issueNumber ?n ; schema:isPartOf ?series }
               ORDER BY ?s ?series ?n"""
        ):
            made.setdefault(r["s"] or "", _Made(_issue, (r["series"],), (r["n"] or "",)))
        for r in self._rows(
            """SELECT ?s ?series WHERE { ?s a schema:Report ; schema:isPartOf ?series
                 FILTER NOT EXISTS { ?s schema:issueNumber [] } } ORDER BY ?s ?series"""
        ):
            year = _EDITION_YEAR.search(r["s"] or "")
            made.setdefault(
                r["s"] or "", _Made(_edition, (r["series"],), (year.group(1) if year else "",))
            )
        for r in self._rows(
            """SELECT ?s ?policy ?date WHERE { ?s a cikg:PolicyListing
                 OPTIONAL { ?s cikg:listedPolicy ?policy } OPTIONAL { ?s cikg:listedDate ?date }
               } ORDER BY ?s ?policy ?date"""
        ):
            listing = _Made(_policy_listing, (r["policy"],), (r["date"] or "",))
            made.setdefault(r["s"] or "", listing)
        for r in self._rows(
            """SELECT ?s ?label ?end ?value (SAMPLE(?i) AS ?ind) WHERE {
                 ?s a cikg:LatestValueListing
                 OPTIONAL { ?s cikg:listedIndicatorLabel ?label
                            OPTIONAL { ?i cikg:latestNationalObservation [] ;
                                          skos:prefLabel ?label } }
                 OPTIONAL { ?s cikg:listedPeriodEnd ?end } OPTIONAL { ?s cikg:listedValue ?value }
               } GROUP BY ?s ?label ?end ?value ORDER BY ?s ?label ?end ?value"""
        ):
            texts = (r["label"] or "", r["end"] or "", r["value"] or "")
            made.setdefault(r["s"] or "", _Made(_value_listing, (r["ind"],), texts))
        return made

    @cached_property
    def _unit_words(self) -> dict[str, UnitWords]:
        """Unit IRI -> its words, from ``cikg:unitWord`` (@zh, @en),
        ``cikg:unitWordOne`` (@en) and ``cikg:unitWordJoined``
        (``ontology/reference/units.ttl``)."""
        found: dict[str, dict[str, str]] = {}
        for prop, key in (("unitWord", ""), ("unitWordOne", "_one")):
            for q in self.store.quads_for_pattern(None, NamedNode(_CIKG + prop), None):
                if isinstance(q.object, Literal) and q.object.language:
                    lang = q.object.language.split("-")[0].lower()
                    found.setdefault(q.subject.value, {}).setdefault(lang + key, q.object.value)
        joined = {
            q.subject.value
            for q in self.store.quads_for_pattern(None, NamedNode(_CIKG + "unitWordJoined"), None)
            if isinstance(q.object, Literal) and q.object.value == "true"
        }
        return {
            unit: UnitWords(w.get("zh", ""), w.get("en", ""), w.get("en_one", ""), unit in joined)
            for unit, w in found.items()
        }

    def unit_words(self, unit: str) -> UnitWords:
        """How a figure in ``unit`` writes it after the number: the
        ontology's words for the unit, else its names (labels) in both
        languages; no words for ``""`` (no unit).

        :param unit: the unit's IRI (``http://qudt.org/vocab/unit/INDIV``) or ``""``.
        :returns: e.g. ``UnitWords(zh="人", en="people", en_one="person")``.
        """
        if not unit:
            return UnitWords("", "")
        words = self._unit_words.get(unit)
        if words is None:
            words = UnitWords(self.name(unit, "zh"), self.name(unit, "en"))
        return words

    def labels(self, iri: str) -> dict[str, str]:
        """The labels of ``iri`` by language (empty if it has none)."""
        return self._labels.get(iri, {})

    def name(self, iri: str, lang: str, _depth: int = 0) -> str:
        """What a page calls ``iri`` in ``lang`` (``"zh"`` or ``"en"``): its
        label; in English, a Chinese-only label is shown as ``… (untranslated)``,
        never silently Chinese; a resource without a label is named from its
        parts (see the module); anything else by the end of its IRI.

        :param iri: an IRI (a blank node's id, which has no ``:``, is named
            as a blank node).
        :param lang: the reader's language.
        :returns: the name, as text (the templates escape it).
        """
        own = self._labels.get(iri)
        if own:
            if own.get(lang):
                return own[lang]
            if lang == "en" and own.get("zh"):
                return f"{own['zh']} (untranslated)"
            return own.get("zh") or next(iter(own.values()))
        made = self._made.get(iri)
        if made is not None and _depth < 3:  # parts of parts, never round a cycle
            parts = [self.name(i, lang, _depth + 1) if i else "" for i in made.iris]
            text = made.how(parts, made.texts, lang)
            if text.strip(" ·→"):
                return text
        if ":" not in iri:
            return blank_name(lang)
        if iri.startswith(_PERIODS):
            return _period_name(iri)
        return compact(iri).rsplit("/", 1)[-1]


def blank_name(lang: str) -> str:
    """What a page calls a blank node (it has no name of its own)."""
    return "（空白节点）" if lang == "zh" else "(blank node)"
