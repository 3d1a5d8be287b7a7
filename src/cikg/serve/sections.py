"""The sections of a resource's page that depend on what it is (#19 item 6),
each a :class:`~cikg.serve.tables.Table` with named columns:

- a **policy**: its related indicators with their latest national value,
  period and report;
- an **organisation**: the policies it issued (date, policy, and who issued
  them with it, newest first, undated last), the figures it is cited as the
  source of (indicator, area, period, value, report), the reports it
  published and the citations that name it;
- a **region**: the latest value of each indicator there (period, value,
  report; curated indicators first), at most :data:`LIMIT` rows, and where
  the rest are;
- a **report**: its datasets, its tables in document order (number,
  section), and the policies it mentions with their issuers and
  dates.

Values are written for people (:mod:`cikg.serve.numbers`: 11.08 亿人,
2024 年 12 月) and link to their observations; resources are named by
:class:`~cikg.serve.names.Names` (a table by its caption, without
footnote marks). A cell the graph has nothing for says so ("not stated")
rather than staying empty, and a column with nothing in any row is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import urlencode

from cikg.serve.engine import Engine
from cikg.serve.graph import NATIONAL, REFERENCE_GRAPH, local_href, select_rows
from cikg.serve.names import Names, natural_key
from cikg.serve.numbers import format_date, format_period, format_quantity, status_words
from cikg.serve.observations import ObservationIndex, Observed
from cikg.serve.tables import Cell, Table, link, text
from cikg.vocab import PREFIXES

__all__ = ["LIMIT", "Sections"]

#: The most rows a section shows (it says how many there are, and where the rest is).
LIMIT = 200
_TYPE = PREFIXES["rdf"] + "type"
_REGION = (PREFIXES["skos"] + "inScheme", "https://w3id.org/cikg/id/scheme/region")
_POLICY = (_TYPE, PREFIXES["cikg"] + "Policy")
_ORG = (_TYPE, PREFIXES["org"] + "Organization")
_REPORT = (_TYPE, PREFIXES["cikg"] + "Report")


@dataclass(frozen=True, slots=True)
class _Later:
    """Rows made only for the entries shown: a long section (a nation's
    latest values) orders all its entries but makes the cells of the first
    :data:`LIMIT`."""

    entries: Sequence[Any]
    make: Callable[[Any], tuple[Cell, ...]]


Rows = list[tuple[Cell, ...]] | _Later


def _zh_en(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _not_stated(lang: str) -> Cell:
    return text(_zh_en(lang, "未注明", "not stated"))


@dataclass(frozen=True, slots=True)
class _Spec:
    """A section: shown for resources with ``when`` (a ``(predicate,
    object)`` they have), under ``key`` (its id) and ``zh``/``en`` headings,
    its columns and rows made by ``build``."""

    when: tuple[str, str]
    key: str
    zh: str
    en: str
    build: Callable[[Sections, str, str], tuple[tuple[str, ...], Rows]]


class Sections:
    """Makes the sections of resource pages.

    :param store: the store (read-only while served).
    :param names: what pages call its resources.
    """

    def __init__(self, store: Engine, names: Names) -> None:
        self.store = store
        self.names = names
        self.observations = ObservationIndex(store)

    def _rows(self, sparql: str) -> list[dict[str, str | None]]:
        return select_rows(self.store, sparql)

    def tables(self, iri: str, facts: set[tuple[str, str]], lang: str) -> list[Table]:
        """The sections of the resource ``iri`` that has ``facts`` (its
        ``(predicate, object IRI)`` pairs) and that have rows, in ``lang``.

        Sections longer than :data:`LIMIT` rows are cut, and say how many
        rows there are."""
        shown = []
        for spec in _SPECS:
            if spec.when not in facts:
                continue
            columns, rows = spec.build(self, iri, lang)
            if isinstance(rows, _Later):
                total, made = len(rows.entries), [rows.make(e) for e in rows.entries[:LIMIT]]
            else:
                total, made = len(rows), rows[:LIMIT]
            if not made:
                continue
            keep = [i for i in range(len(columns)) if any(row[i].parts for row in made)]
            shown.append(
                Table(
                    _zh_en(lang, spec.zh, spec.en),
                    tuple(columns[i] for i in keep),
                    [tuple(row[i] for i in keep) for row in made],
                    total,
                    self._rest(spec.key, iri, lang) if total > LIMIT else None,
                    spec.key,
                )
            )
        return shown

    def _rest(self, key: str, iri: str, lang: str) -> tuple[str, str]:
        """Where the rows a section leaves out are: a query of them all."""
        query = {
            "latest": f"""SELECT ?indicator ?period ?value ?unit ?valueText ?report WHERE {{
  ?obs sdmx-dimension:refArea <{iri}> ; cikg:indicator ?indicator ;
       sdmx-dimension:refPeriod ?period ; sdmx-measure:obsValue ?value ;
       sdmx-attribute:unitMeasure ?unit ; cikg:valueText ?valueText ;
       qb:dataSet/dcterms:source ?report .
}} ORDER BY ?indicator DESC(?period)""",
        }.get(key, f"SELECT * WHERE {{ ?s ?p <{iri}> }}")
        return (
            _zh_en(lang, "用 SPARQL 查询全部", "All of them, by SPARQL"),
            "/sparql?" + urlencode({"query": query, "lang": lang}),
        )

    # -- cells -------------------------------------------------------------------
    def _figure(self, o: Observed, lang: str) -> Cell:
        """The value of an observation in words (qualifier first, status
        after), linked to the observation."""
        figure = (
            format_quantity(
                o.value, o.unit, lang, o.qualifier or None, self.names.unit_words(o.unit)
            )
            if o.value
            else o.text
        )
        status = status_words(o.status or None, lang)
        if status:
            figure += f"（{status}）" if lang == "zh" else f" ({status})"
        return Cell(((figure, local_href(o.iri)),), num=True, title=self.names.name(o.iri, lang))

    def _period(self, o: Observed, lang: str) -> Cell:
        return text(format_period(o.period, lang) if o.period else o.end)

    def _issuers(self, iris: list[str], lang: str) -> Cell:
        if not iris:
            return _not_stated(lang)
        parts = sorted(
            ((self.names.name(i, lang), local_href(i)) for i in iris),
            key=lambda p: natural_key(p[0]),
        )
        return Cell(tuple(parts))

    def _by_name(self, iris: list[str], lang: str) -> list[str]:
        return sorted(iris, key=lambda i: (natural_key(self.names.name(i, lang)), i))

    # -- policy ------------------------------------------------------------------
    def _related(self, iri: str, lang: str) -> tuple[tuple[str, ...], Rows]:
        rows = self._rows(f"SELECT DISTINCT ?s WHERE {{ <{iri}> cikg:relatedIndicator ?s }}")
        latest = self.observations.latest(NATIONAL)
        found = []
        for indicator in self._by_name([r["s"] or "" for r in rows if r["s"]], lang):
            o = latest.get(indicator)
            found.append(
                (
                    link(self.names, indicator, lang),
                    self._period(o, lang) if o else Cell(),
                    self._figure(o, lang) if o else Cell(num=True),
                    link(self.names, o.report, lang) if o else Cell(),
                )
            )
        found.sort(key=lambda row: not row[2].parts)  # those with a value first
        return (
            (_zh_en(lang, "指标", "Indicator"), _zh_en(lang, "时期", "Period"),
             _zh_en(lang, "最新全国数值", "Latest national value"), _zh_en(lang, "报告", "Report")),
            found,
        )  # fmt: skip

    # -- organisation --------------------------------------------------------------
    def _issued(self, iri: str, lang: str) -> tuple[tuple[str, ...], Rows]:
        rows = self._rows(
            f"""SELECT ?s (SAMPLE(?d) AS ?date)
                   (GROUP_CONCAT(DISTINCT STR(?with); separator=" ") AS ?others) WHERE {{
              ?s eli:passed_by <{iri}> OPTIONAL {{ ?s eli:date_document ?d }}
              OPTIONAL {{ ?s eli:passed_by ?with FILTER(?with != <{iri}>) }}
            }} GROUP BY ?s"""
        )
        rows.sort(key=lambda r: natural_key(self.names.name(r["s"] or "", lang)))
        rows.sort(key=lambda r: r["date"] or "", reverse=True)  # newest first, undated last
        others = [(r["others"] or "").split() for r in rows]
        return (
            (_zh_en(lang, "日期", "Date"), _zh_en(lang, "政策", "Policy"),
             _zh_en(lang, "共同发布机构", "Issued with")),
            [
                (
                    text(format_date(r["date"], lang)) if r["date"] else _not_stated(lang),
                    link(self.names, r["s"], lang),
                    self._issuers(with_, lang) if any(others) else Cell(),
                )
                for r, with_ in zip(rows, others, strict=True)
            ],
        )  # fmt: skip

    def _sourced(self, iri: str, lang: str) -> tuple[tuple[str, ...], Rows]:
        found = self.observations.from_source(iri)
        name = self.names.name
        found.sort(key=lambda o: o.iri)
        found.sort(key=lambda o: o.end, reverse=True)
        found.sort(key=lambda o: natural_key(name(o.indicator, lang)))
        return (
            (_zh_en(lang, "指标", "Indicator"), _zh_en(lang, "地区", "Area"),
             _zh_en(lang, "时期", "Period"), _zh_en(lang, "数值", "Value"),
             _zh_en(lang, "报告", "Report")),
            _Later(
                found,
                lambda o: (
                    link(self.names, o.indicator, lang),
                    link(self.names, o.area, lang),
                    self._period(o, lang),
                    self._figure(o, lang),
                    link(self.names, o.report, lang),
                ),
            ),
        )  # fmt: skip

    def _published(self, iri: str, lang: str) -> tuple[tuple[str, ...], Rows]:
        rows = self._rows(
            f"SELECT ?s (SAMPLE(?d) AS ?date) WHERE {{ ?s a cikg:Report ; "
            f"dcterms:publisher <{iri}> OPTIONAL {{ ?s dcterms:issued ?d }} }} GROUP BY ?s"
        )
        rows.sort(key=lambda r: (r["date"] or "", r["s"] or ""), reverse=True)
        return (
            (_zh_en(lang, "报告", "Report"), _zh_en(lang, "发布日期", "Issued")),
            [
                (link(self.names, r["s"], lang), text(format_date(r["date"] or "", lang)))
                for r in rows
            ],
        )

    def _citations(self, iri: str, lang: str) -> tuple[tuple[str, ...], Rows]:
        rows = self._rows(
            f"""SELECT ?s ?report ?text WHERE {{ ?s a cikg:Citation ; dcterms:publisher <{iri}>
              OPTIONAL {{ ?s dcterms:isPartOf ?report }} OPTIONAL {{ ?s cikg:text ?text }} }}"""
        )
        first: dict[str, dict[str, str | None]] = {}
        for r in rows:
            first.setdefault(r["s"] or "", r)
        ordered = sorted(
            first.values(),
            key=lambda r: (
                natural_key(self.names.name(r["report"] or "", lang)),
                natural_key(r["text"] or ""),
                r["s"] or "",
            ),
        )
        return (
            (_zh_en(lang, "报告", "Report"), _zh_en(lang, "引用原文", "Citation as written")),
            [
                (link(self.names, r["report"], lang), text(r["text"], local_href(r["s"] or "")))
                for r in ordered
            ],
        )

    # -- region --------------------------------------------------------------------
    def _latest(self, iri: str, lang: str) -> tuple[tuple[str, ...], Rows]:
        latest = self.observations.latest(iri)
        curated = self._curated
        order = sorted(
            latest,
            key=lambda i: (i not in curated, natural_key(self.names.name(i, lang)), i),
        )
        return (
            (_zh_en(lang, "指标", "Indicator"), _zh_en(lang, "时期", "Period"),
             _zh_en(lang, "最新数值", "Latest value"), _zh_en(lang, "报告", "Report")),
            _Later(
                order,
                lambda i: (
                    link(self.names, i, lang),
                    self._period(latest[i], lang),
                    self._figure(latest[i], lang),
                    link(self.names, latest[i].report, lang),
                ),
            ),
        )  # fmt: skip

    @cached_property
    def _curated(self) -> frozenset[str]:
        """The curated indicators (those of ``graph/reference``)."""
        rows = self._rows(
            f"SELECT ?s WHERE {{ GRAPH <{REFERENCE_GRAPH}> {{ ?s skos:inScheme "
            "<https://w3id.org/cikg/id/scheme/indicator> } }"
        )
        return frozenset(r["s"] or "" for r in rows)

    # -- report --------------------------------------------------------------------
    def _datasets(self, iri: str, lang: str) -> tuple[tuple[str, ...], Rows]:
        rows = self._rows(
            f"SELECT ?s (COUNT(?o) AS ?n) WHERE {{ ?s dcterms:source <{iri}> . "
            "?o qb:dataSet ?s } GROUP BY ?s ORDER BY ?s"
        )
        return (
            (_zh_en(lang, "数据集", "Dataset"), _zh_en(lang, "观测", "Observations")),
            [(link(self.names, r["s"], lang), text(r["n"], num=True)) for r in rows],
        )

    def _tables(self, iri: str, lang: str) -> tuple[tuple[str, ...], Rows]:
        rows = self._rows(
            f"""SELECT ?s (SAMPLE(?pos) AS ?position) (SAMPLE(?ln) AS ?line)
                   (SAMPLE(?pg) AS ?page) (SAMPLE(?sec) AS ?section)
            WHERE {{ ?s a cikg:Table ; prov:wasQuotedFrom <{iri}>
              OPTIONAL {{ ?s schema:position ?pos }} OPTIONAL {{ ?s cikg:line ?ln }}
              OPTIONAL {{ ?s cikg:page ?pg }}
              OPTIONAL {{ ?s cikg:section ?sec }} }} GROUP BY ?s"""
        )

        def place(r: dict[str, str | None]) -> tuple[int, int, int, str]:
            number = [
                int(r[k] or 0) if (r[k] or "").isdigit() else 0
                for k in ("position", "page", "line")
            ]
            return number[0], number[1], number[2], r["s"] or ""

        rows.sort(key=place)  # document order
        return (
            (_zh_en(lang, "表格", "Table"), _zh_en(lang, "章节", "Section")),
            [(link(self.names, r["s"], lang), text(r["section"])) for r in rows],
        )  # fmt: skip

    def _mentioned(self, iri: str, lang: str) -> tuple[tuple[str, ...], Rows]:
        rows = self._rows(
            f"""SELECT ?s (SAMPLE(?d) AS ?date)
                   (GROUP_CONCAT(DISTINCT STR(?by); separator=" ") AS ?issuers) WHERE {{
              {{ SELECT DISTINCT ?s WHERE {{ ?s a cikg:Policy ;
                   cikg:mentionedIn/prov:wasQuotedFrom <{iri}> }} }}
              OPTIONAL {{ ?s eli:date_document ?d }} OPTIONAL {{ ?s eli:passed_by ?by }}
            }} GROUP BY ?s"""
        )
        rows.sort(key=lambda r: natural_key(self.names.name(r["s"] or "", lang)))
        rows.sort(key=lambda r: r["date"] or "", reverse=True)
        return (
            (_zh_en(lang, "政策", "Policy"), _zh_en(lang, "发布机构", "Issued by"),
             _zh_en(lang, "日期", "Date")),
            [
                (
                    link(self.names, r["s"], lang),
                    self._issuers((r["issuers"] or "").split(), lang),
                    text(format_date(r["date"], lang)) if r["date"] else _not_stated(lang),
                )
                for r in rows
            ],
        )  # fmt: skip


_SPECS = (
    _Spec(_POLICY, "related", "相关指标及最新全国数值",
          "Related indicators and their latest national value", Sections._related),
    _Spec(_ORG, "issued", "发布的政策", "Policies it issued", Sections._issued),
    _Spec(_ORG, "sourced", "以其为来源的数据", "Figures it is cited as the source of",
          Sections._sourced),
    _Spec(_ORG, "published", "发布的报告", "Reports it published", Sections._published),
    _Spec(_ORG, "citations", "注明它为出处的引用", "Citations naming it as the source",
          Sections._citations),
    _Spec(_REGION, "latest", "各指标的最新数值", "Latest value per indicator", Sections._latest),
    _Spec(_REPORT, "datasets", "数据集与观测数", "Datasets and their observations",
          Sections._datasets),
    _Spec(_REPORT, "tables", "表格（按文中顺序）", "Tables, in document order", Sections._tables),
    _Spec(_REPORT, "policies", "提及的政策", "Policies it mentions", Sections._mentioned),
)  # fmt: skip
