"""The front of the site (#19 item 5): the home page, the statistics page
and the lists a reader browses.

- **Home** (``/``): what the graph holds, one line each (reports,
  indicators, policies, organisations, observations and their regions) with
  counts and a link to the list of each; the headline series as small
  charts; the latest policies by date with their issuers; the topics;
  search. Nothing long is listed inline: the lists are pages of their own.
- **Headline series** are chosen by the data, not by name: curated
  indicators (those of ``graph/reference``) that are no breakdown or
  derivation of another (no ``cikg:baseIndicator``), ranked by the number of
  distinct periods with an actual national value (no ``obsStatus``: no
  target or forecast), then by the number of such values, then by IRI; the
  best of each topic comes first, so that :data:`HEADLINES` series show
  several topics, and a series needs :data:`MIN_POINTS` periods to be one.
  Each is drawn in its main unit (the one with the most values) by
  :func:`~cikg.serve.chart.readings_to_chart`, small.
- **Statistics** (``/statistics``): resources per class, each class named
  by its label with the IRI on hover, and the store's size.
- **Lists** (``/list/KIND``, :data:`LISTS`): every report, indicator,
  policy, organisation or region, :data:`~cikg.serve.pages.PAGE_SIZE` a
  page, in the order a reader wants (latest first, most used first, curated
  first) with a few facts per row.

The counts, the headline choice and each list's order (per language) are
read once per :class:`Front`, since the store is read-only while it is
served; the charts, names and the rows of a page are made for each request.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from jinja2 import Environment

from cikg.serve.chart import HEIGHT, WIDTH, Chart, readings_to_chart
from cikg.serve.engine import Engine
from cikg.serve.graph import ID_BASE, NATIONAL, REFERENCE_GRAPH, local_href, select_rows
from cikg.serve.names import Names, natural_key
from cikg.serve.numbers import format_date, format_number
from cikg.serve.series import national_series
from cikg.serve.tables import PAGE_SIZE, Cell, Span, Table, link, text

__all__ = ["HEADLINES", "LISTS", "MIN_POINTS", "Front", "Headline", "Holding"]

#: How many headline series the home page charts.
HEADLINES = 6
#: The fewest periods a headline series has.
MIN_POINTS = 2
#: How many of the latest policies the home page lists.
LATEST_POLICIES = 8
#: The lists a reader browses, by the name in their path: (Chinese, English) titles.
LISTS = {
    "reports": ("报告", "Reports"),
    "indicators": ("指标", "Indicators"),
    "policies": ("政策", "Policies"),
    "organisations": ("机构", "Organisations"),
    "regions": ("地区", "Regions"),
}
_INDICATORS = ID_BASE + "scheme/indicator"
_REGIONS = ID_BASE + "scheme/region"
#: The size of a headline chart (a full one is WIDTH × HEIGHT).
_SMALL = (WIDTH // 2 + 20, HEIGHT * 2 // 3)


@dataclass(frozen=True, slots=True)
class Holding:
    """One line of what the graph holds: ``text`` (with the count in
    words), and the list it links to as ``(text, href)``."""

    text: str
    more: tuple[str, str]


@dataclass(frozen=True, slots=True)
class Headline:
    """A headline series: the indicator's name and page, its topic, and its
    small chart (``None`` if its values cannot be drawn)."""

    name: str
    href: str | None
    topic: tuple[str, str | None]
    chart: Chart | None


@dataclass(frozen=True, slots=True)
class _Counts:
    """What the home page counts, read once."""

    reports: int
    latest_report: str | None
    indicators: int
    curated: int
    topics: int
    policies: int
    dated_policies: int
    organisations: int
    active_organisations: int
    observations: int
    regions_observed: int


@dataclass(frozen=True, slots=True)
class _Listed:
    """A list in its order: its column headings, its entries, and how to
    make an entry's row of cells."""

    columns: tuple[str, ...]
    entries: list[Any]
    make: Callable[[Any], tuple[Cell, ...]]


def _zh_en(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


class Front:
    """Renders the home page, the statistics page and the lists.

    :param store: the store (read-only while served).
    :param names: what pages call its resources.
    :param env: the Jinja environment of the pages' templates.
    """

    def __init__(self, store: Engine, names: Names, env: Environment) -> None:
        self.store = store
        self.names = names
        self.env = env
        self._listed: dict[tuple[str, str], _Listed] = {}

    def _rows(self, sparql: str) -> list[dict[str, str | None]]:
        return select_rows(self.store, sparql)

    def _count(self, sparql: str) -> int:
        rows = self._rows(sparql)
        return int(rows[0]["n"] or 0) if rows else 0

    # -- read once ---------------------------------------------------------------
    @cached_property
    def _counts(self) -> _Counts:
        latest = self._rows(
            "SELECT ?s WHERE { ?s a cikg:Report ; dcterms:issued ?d } ORDER BY DESC(STR(?d)) ?s "
            "LIMIT 1"
        )
        return _Counts(
            reports=self._count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a cikg:Report }"),
            latest_report=latest[0]["s"] if latest else None,
            indicators=self._count(
                f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s skos:inScheme <{_INDICATORS}> }}"
            ),
            curated=self._count(
                f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH <{REFERENCE_GRAPH}> "
                f"{{ ?s skos:inScheme <{_INDICATORS}> }} }}"
            ),
            topics=self._count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a cikg:Topic }"),
            policies=self._count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a cikg:Policy }"),
            dated_policies=self._count(
                "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a cikg:Policy ; "
                "eli:date_document [] }"
            ),
            organisations=self._count(
                "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a org:Organization }"
            ),
            active_organisations=self._count(
                "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a org:Organization "
                "{ [] eli:passed_by ?s } UNION { [] sdmx-attribute:compilingOrg ?s } }"
            ),
            observations=self._count(
                "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a qb:Observation }"
            ),
            regions_observed=self._count(
                "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { [] a qb:Observation ; "
                "sdmx-dimension:refArea ?r }"
            ),
        )

    @cached_property
    def _headline_iris(self) -> tuple[tuple[str, str], ...]:
        """``(indicator, topic)`` of the headline series (see the module)."""
        rows = self._rows(
            f"""SELECT ?s (SAMPLE(?topic) AS ?t) (COUNT(DISTINCT ?end) AS ?points)
                   (COUNT(DISTINCT ?o) AS ?values) WHERE {{
              GRAPH <{REFERENCE_GRAPH}> {{ ?s skos:inScheme <{_INDICATORS}> ; skos:broader ?topic }}
              FILTER NOT EXISTS {{ ?s cikg:baseIndicator [] }}
              ?o cikg:indicator ?s ; sdmx-dimension:refArea <{NATIONAL}> ; cikg:periodEnd ?end .
              FILTER NOT EXISTS {{ ?o sdmx-attribute:obsStatus [] }}
            }} GROUP BY ?s"""
        )
        ranked = sorted(
            (r for r in rows if int(r["points"] or 0) >= MIN_POINTS),
            key=lambda r: (-int(r["points"] or 0), -int(r["values"] or 0), r["s"] or ""),
        )
        firsts: list[dict[str, str | None]] = []
        seen: set[str | None] = set()
        for row in ranked:
            if row["t"] not in seen:
                seen.add(row["t"])
                firsts.append(row)
        chosen = (firsts + [r for r in ranked if r not in firsts])[:HEADLINES]
        return tuple((r["s"] or "", r["t"] or "") for r in chosen)

    # -- home --------------------------------------------------------------------
    def home(self, lang: str) -> str:
        """The home page in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.env.get_template("home.html").render(
            lang=lang,
            holdings=self.holdings(lang),
            headlines=self.headlines(lang),
            policies=self.latest_policies(lang),
            topics=self.topics(lang),
        )

    def holdings(self, lang: str) -> list[Holding]:
        """What the graph holds, one line per kind, with counts."""
        c = self._counts
        n = lambda value: format_number(value, "en") if lang == "en" else str(value)  # noqa: E731
        latest = (
            _zh_en(
                lang,
                f"，最新为《{self.names.name(c.latest_report, lang)}》",
                f"; the latest: {self.names.name(c.latest_report, lang)}",
            )
            if c.latest_report
            else ""
        )
        lines = [
            (
                "reports",
                _zh_en(lang, f"{n(c.reports)} 份报告", f"{n(c.reports)} reports") + latest,
            ),
            (
                "indicators",
                _zh_en(
                    lang,
                    f"{n(c.indicators)} 个指标，其中 {n(c.curated)} 个经审定，"
                    f"分属 {c.topics} 个主题",
                    f"{n(c.indicators)} indicators, {n(c.curated)} of them curated, "
                    f"in {c.topics} topics",
                ),
            ),
            (
                "policies",
                _zh_en(
                    lang,
                    f"{n(c.policies)} 项政策，其中 {n(c.dated_policies)} 项注明日期",
                    f"{n(c.policies)} policies, {n(c.dated_policies)} of them dated",
                ),
            ),
            (
                "organisations",
                _zh_en(
                    lang,
                    f"{n(c.organisations)} 个机构，其中 {n(c.active_organisations)} "
                    "个发布了政策或是数据的来源",
                    f"{n(c.organisations)} organisations, {n(c.active_organisations)} of them "
                    "issuers of policies or sources of figures",
                ),
            ),
            (
                "regions",
                _zh_en(
                    lang,
                    f"{n(c.observations)} 项观测，涉及 {n(c.regions_observed)} 个地区",
                    f"{n(c.observations)} observations in {n(c.regions_observed)} regions",
                ),
            ),
        ]
        return [
            Holding(
                line,
                (
                    _zh_en(lang, f"浏览全部{LISTS[kind][0]}", f"All {LISTS[kind][1].lower()}"),
                    f"/list/{kind}?lang={lang}",
                ),
            )
            for kind, line in lines
        ]

    def headlines(self, lang: str) -> list[Headline]:
        """The headline series, each with its small chart in its main unit."""
        shown = []
        for iri, topic in self._headline_iris:
            _, readings = national_series(self.store, self.names, iri, lang)
            units = Counter(r.unit for r in readings)
            main = min(units, key=lambda u: (-units[u], u)) if units else ""
            chart = readings_to_chart([r for r in readings if r.unit == main], lang, *_SMALL)
            shown.append(
                Headline(
                    self.names.name(iri, lang),
                    local_href(iri),
                    (self.names.name(topic, lang), local_href(topic)),
                    chart,
                )
            )
        return shown

    def latest_policies(self, lang: str) -> list[tuple[Cell, ...]]:
        """The latest dated policies, newest first: date, policy, issuers."""
        rows = self._rows(
            f"""SELECT ?s (SAMPLE(?d) AS ?date) (GROUP_CONCAT(DISTINCT STR(?by); separator=" ")
                   AS ?issuers) WHERE {{
              {{ SELECT DISTINCT ?s WHERE {{ ?s a cikg:Policy ; eli:date_document ?when }}
                 ORDER BY DESC(STR(?when)) ?s LIMIT {LATEST_POLICIES} }}
              ?s eli:date_document ?d OPTIONAL {{ ?s eli:passed_by ?by }}
            }} GROUP BY ?s"""
        )
        rows.sort(key=lambda r: (r["date"] or "", r["s"] or ""), reverse=True)
        return [
            (
                text(format_date(r["date"] or "", lang)),
                link(self.names, r["s"], lang),
                self._links((r["issuers"] or "").split(), lang),
            )
            for r in rows
        ]

    def topics(self, lang: str) -> list[tuple[str, str | None, int]]:
        """``(name, href, indicators)`` of each topic, by name."""
        rows = self._rows(
            "SELECT ?t (COUNT(DISTINCT ?i) AS ?n) WHERE { ?t a cikg:Topic "
            "OPTIONAL { ?i skos:broader ?t } } GROUP BY ?t"
        )
        found = [
            (self.names.name(r["t"] or "", lang), local_href(r["t"] or ""), int(r["n"] or 0))
            for r in rows
        ]
        return sorted(found, key=lambda t: (-t[2], natural_key(t[0])))

    def _links(self, iris: list[str], lang: str) -> Cell:
        """One cell linking to each of ``iris``, by name; "not stated" when
        there are none (the graph does not say, which is not the same as
        an empty cell)."""
        if not iris:
            return text(_zh_en(lang, "未注明", "not stated"))
        parts = sorted(
            ((self.names.name(i, lang), local_href(i)) for i in iris),
            key=lambda p: natural_key(p[0]),
        )
        return Cell(tuple(parts))

    # -- statistics --------------------------------------------------------------
    def statistics(self, lang: str) -> str:
        """The statistics page: resources per class, and the store's size."""
        rows = self._rows(
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n)"
        )
        counts = [
            (self.names.name(r["c"] or "", lang), r["c"], int(r["n"] or 0)) for r in rows if r["c"]
        ]
        counts.sort(key=lambda c: (-c[2], natural_key(c[0])))
        return self.env.get_template("statistics.html").render(
            lang=lang,
            counts=counts,
            quads=len(self.store),
            graphs=sum(1 for _ in self.store.named_graphs()),
        )

    # -- lists -------------------------------------------------------------------
    def listing(self, kind: str, lang: str, page: int) -> str | None:
        """Page ``page`` of the list ``kind`` (one of :data:`LISTS`), or
        ``None`` for a kind there is no list of.

        The order of a list is worked out on its first request in a language
        and kept (the store is read-only while served); the rows of the page
        asked for are made for each request."""
        if kind not in LISTS:
            return None
        listed = self._listed.get((kind, lang))
        if listed is None:
            listed = self._listed[(kind, lang)] = self._list_builders[kind](lang)
        span = Span(len(listed.entries), max(page, 1))
        title = _zh_en(lang, *LISTS[kind])
        rows = [listed.make(e) for e in listed.entries[span.offset : span.offset + PAGE_SIZE]]
        table = Table(title, listed.columns, rows, span.total)
        return self.env.get_template("list.html").render(
            lang=lang, kind=kind, title=title, table=table, span=span, lists=LISTS
        )

    @property
    def _list_builders(self) -> dict[str, Callable[[str], _Listed]]:
        return {
            "reports": self._reports,
            "indicators": self._indicators,
            "policies": self._policies,
            "organisations": self._organisations,
            "regions": self._regions,
        }

    def _reports(self, lang: str) -> _Listed:
        rows = self._rows(
            """SELECT ?s (SAMPLE(?d) AS ?date) (GROUP_CONCAT(DISTINCT STR(?by); separator=" ")
                   AS ?publishers) WHERE { ?s a cikg:Report
              OPTIONAL { ?s dcterms:issued ?d } OPTIONAL { ?s dcterms:publisher ?by } }
            GROUP BY ?s"""
        )
        rows.sort(key=lambda r: natural_key(self.names.name(r["s"] or "", lang)))
        rows.sort(key=lambda r: r["date"] or "", reverse=True)
        return _Listed(
            (_zh_en(lang, "报告", "Report"), _zh_en(lang, "发布日期", "Issued"),
             _zh_en(lang, "发布者", "Publisher")),
            rows,
            lambda r: (
                link(self.names, r["s"], lang),
                text(format_date(r["date"] or "", lang)),
                self._links((r["publishers"] or "").split(), lang),
            ),
        )  # fmt: skip

    def _indicators(self, lang: str) -> _Listed:
        rows = self._rows(
            f"""SELECT ?s (GROUP_CONCAT(DISTINCT STR(?topic); separator=" ") AS ?topics)
                   (SAMPLE(?ref) AS ?curated) WHERE {{ ?s skos:inScheme <{_INDICATORS}>
              OPTIONAL {{ ?s skos:broader ?topic . ?topic a cikg:Topic }}
              OPTIONAL {{ GRAPH <{REFERENCE_GRAPH}> {{ ?s skos:inScheme ?ref }} }}
            }} GROUP BY ?s"""
        )
        national = Counter(
            r["s"]
            for r in self._rows(
                f"SELECT ?s WHERE {{ [] cikg:indicator ?s ; sdmx-dimension:refArea <{NATIONAL}> }}"
            )
        )
        named = [(self.names.name(r["s"] or "", lang), r) for r in rows]
        named.sort(key=lambda nr: (not nr[1]["curated"], natural_key(nr[0]), nr[1]["s"] or ""))
        yes, candidate = _zh_en(lang, "已审定", "curated"), _zh_en(lang, "候选", "candidate")
        return _Listed(
            (_zh_en(lang, "指标", "Indicator"), _zh_en(lang, "主题", "Topic"),
             _zh_en(lang, "状态", "Status"), _zh_en(lang, "全国数值", "National values")),
            named,
            lambda nr: (
                Cell(((nr[0], local_href(nr[1]["s"] or "")),)),
                self._links((nr[1]["topics"] or "").split(), lang),
                text(yes if nr[1]["curated"] else candidate),
                text(str(national[nr[1]["s"]]), num=True),
            ),
        )  # fmt: skip

    def _policies(self, lang: str) -> _Listed:
        rows = self._rows(
            """SELECT ?s (SAMPLE(?d) AS ?date) (GROUP_CONCAT(DISTINCT STR(?by); separator=" ")
                   AS ?issuers) WHERE { ?s a cikg:Policy
              OPTIONAL { ?s eli:date_document ?d } OPTIONAL { ?s eli:passed_by ?by } }
            GROUP BY ?s"""
        )
        rows.sort(key=lambda r: natural_key(self.names.name(r["s"] or "", lang)))
        rows.sort(key=lambda r: r["date"] or "", reverse=True)  # undated last
        return _Listed(
            (_zh_en(lang, "日期", "Date"), _zh_en(lang, "政策", "Policy"),
             _zh_en(lang, "发布机构", "Issued by")),
            rows,
            lambda r: (
                text(format_date(r["date"] or "", lang)),
                link(self.names, r["s"], lang),
                self._links((r["issuers"] or "").split(), lang),
            ),
        )  # fmt: skip

    def _organisations(self, lang: str) -> _Listed:
        rows = self._rows(
            """SELECT ?s (COUNT(DISTINCT ?policy) AS ?policies) (COUNT(DISTINCT ?obs) AS ?figures)
            WHERE { ?s a org:Organization
              OPTIONAL { ?policy eli:passed_by ?s } OPTIONAL { ?obs sdmx-attribute:compilingOrg ?s }
            } GROUP BY ?s"""
        )
        named = [
            (
                self.names.name(r["s"] or "", lang),
                int(r["policies"] or 0),
                int(r["figures"] or 0),
                r["s"] or "",
            )
            for r in rows
        ]
        named.sort(key=lambda n: (-(n[1] + n[2]), natural_key(n[0]), n[3]))
        return _Listed(
            (_zh_en(lang, "机构", "Organisation"), _zh_en(lang, "发布的政策", "Policies issued"),
             _zh_en(lang, "以其为来源的数据", "Figures it is the source of")),
            named,
            lambda n: (Cell(((n[0], local_href(n[3])),)), text(str(n[1]), num=True),
                       text(str(n[2]), num=True)),
        )  # fmt: skip

    def _regions(self, lang: str) -> _Listed:
        regions = [
            r["s"] or ""
            for r in self._rows(f"SELECT DISTINCT ?s WHERE {{ ?s skos:inScheme <{_REGIONS}> }}")
        ]
        observed = Counter(
            r["r"]
            for r in self._rows(
                "SELECT ?r WHERE { [] a qb:Observation ; sdmx-dimension:refArea ?r }"
            )
        )
        named = [(self.names.name(s, lang), s) for s in regions]
        named.sort(key=lambda n: (-observed[n[1]], natural_key(n[0]), n[1]))
        return _Listed(
            (_zh_en(lang, "地区", "Region"), _zh_en(lang, "观测", "Observations")),
            named,
            lambda n: (Cell(((n[0], local_href(n[1])),)), text(str(observed[n[1]]), num=True)),
        )
