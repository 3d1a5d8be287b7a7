"""Linked-data pages: every ``https://w3id.org/cikg/id/X`` served at
``/id/X``, as a page for people and as data for machines.

The page of a resource shows its labels in the reader's language (Chinese or
English, from ``Accept-Language`` or ``?lang=``), its types, every property
grouped by predicate with linked values, and its incoming links grouped by
predicate with counts, in natural order of their names, :data:`PAGE_SIZE` a
page ("items a–b of N", previous and next). Everything is named by
:class:`~cikg.serve.names.Names`: predicates and classes by their labels
(the IRI on hover), resources by their labels or, without one, by what they
say (an observation) or where they are (a passage). An observation
shows its evidence the way Wikidata shows references: the report, page or
line, the verbatim sentence or table row with the figure marked, and the
cited source with its link; a policy shows the passages that mention it the
same way, its title marked. Policies, organisations, regions and reports get
sections of their own (:mod:`cikg.serve.sections`). An indicator charts its national series
(SVG, no script: :mod:`cikg.serve.chart` says how) above the table behind it,
with its definition and related policies; an observation states its figure
for people (11.08 亿人 · 2024 年 12 月, 1.108 billion people · Dec 2024:
:mod:`cikg.serve.numbers`). The home page, the statistics page and the
lists are :mod:`cikg.serve.front`'s; ``/search`` finds labels in both
languages and says how many match, what each one is, and pages through them
all.

Everything runs in the calling thread and returns text: pyoxigraph objects
stay where they were made. Templates are Jinja2 with autoescaping, so every
literal is escaped, and links go through one macro (``templates/link.html``)
that writes plain text where :func:`local_href` gives no link (tables of
many rows, ``templates/table.html``, write the same markup inline, for speed).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyoxigraph import BlankNode, NamedNode, Triple, serialize

from cikg.iris import normalise_key
from cikg.segment import Segmenter
from cikg.serve.chart import readings_to_chart
from cikg.serve.downloads import indicator_records, records_to_csv, records_to_json
from cikg.serve.engine import Engine
from cikg.serve.front import Front
from cikg.serve.graph import ID_BASE, local_href, select_rows
from cikg.serve.language import mark_chinese
from cikg.serve.names import Names, blank_name, natural_key
from cikg.serve.numbers import format_period, format_quantity, status_words
from cikg.serve.results import RDF_FORMATS
from cikg.serve.sections import Sections
from cikg.serve.series import national_series
from cikg.serve.tables import PAGE_SIZE, Span
from cikg.vocab import PREFIXES

__all__ = [
    "ID_BASE",
    "PAGE_SIZE",
    "Found",
    "Incoming",
    "Pages",
    "Span",
    "choose_language",
    "download_path",
    "local_href",
]

_TEMPLATES = Path(__file__).resolve().parent / "templates"


_TYPE = PREFIXES["rdf"] + "type"
_IN_SCHEME = PREFIXES["skos"] + "inScheme"
_INDICATOR = (PREFIXES["skos"] + "inScheme", ID_BASE + "scheme/indicator")
#: Things whose pages list the passages that name them: policies and other works.
_MENTIONED = frozenset({PREFIXES["cikg"] + "Policy", PREFIXES["schema"] + "CreativeWork"})


def choose_language(accept_language: str | None, override: str | None) -> str:
    """``"zh"`` or ``"en"``: ``?lang=`` first, else the first of the two the
    ``Accept-Language`` header names, else Chinese.

    >>> choose_language("en-GB,en;q=0.9,zh;q=0.5", None)
    'en'
    >>> choose_language("en", "zh")
    'zh'
    """
    if override in {"zh", "en"}:
        return override
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en"):
            return "en"
    return "zh"


def download_path(iri: str) -> str:
    """Where the observations of an indicator of the graph are downloaded,
    without the ``.csv`` or ``.json`` that chooses the format.

    >>> download_path("https://w3id.org/cikg/id/indicator/internet-users")
    '/download/indicator/internet-users'
    """
    return "/download/" + iri[len(ID_BASE) :]


@dataclass(frozen=True, slots=True)
class Value:
    """A property value as a page shows it: its text, a link, and the IRI
    it names (shown on hover)."""

    text: str
    href: str | None = None
    iri: str = ""


@dataclass(frozen=True, slots=True)
class Incoming:
    """The links to a resource, one page of them.

    :param span: which of them the page shows.
    :param predicates: ``(name, IRI, count, page it starts on)`` per predicate.
    :param groups: ``(name, IRI, [(name, href)])`` per predicate with links
        on this page, in order.
    """

    span: Span
    predicates: list[tuple[str, str, int, int]]
    groups: list[tuple[str, str, list[tuple[str, str | None]]]]


@dataclass(frozen=True, slots=True)
class Found:
    """One page of search results: which of how many (``span``), and the
    results on it (:meth:`Pages.search`)."""

    span: Span
    results: list[dict[str, str | float | list[str] | None]]


@dataclass(frozen=True, slots=True)
class _Indexed:
    """A label in the search index: its resource, text and matching keys."""

    iri: str
    label: str
    norm: str
    lower: str
    pref: float


class Pages:
    """Renders pages and data over a read-only store.

    :param store: the store.
    :param build_id: identifies the build (for ETags).
    """

    def __init__(self, store: Engine, build_id: str) -> None:
        self.store = store
        self.build_id = build_id
        self.env = Environment(
            loader=FileSystemLoader(str(_TEMPLATES)), autoescape=select_autoescape(["html"])
        )
        self.env.globals["href"] = local_href
        self.env.filters["zh"] = mark_chinese
        self.names = Names(store)
        self.front = Front(store, self.names, self.env)
        self.sections = Sections(store, self.names)

    # -- helpers -------------------------------------------------------------
    def _rows(self, sparql: str) -> list[dict[str, str | None]]:
        return select_rows(self.store, sparql)

    def _link(self, iri: str, lang: str) -> tuple[str, str | None]:
        """``(name, href)`` of a resource."""
        return self.names.name(iri, lang), local_href(iri)

    def exists(self, iri: str) -> bool:
        """Whether the graph says anything about ``iri``."""
        node = NamedNode(iri)
        return next(self.store.quads_for_pattern(node, None, None, None), None) is not None

    # -- data --------------------------------------------------------------------
    def data(self, iri: str, fmt: str) -> bytes:
        """The triples about ``iri`` (as subject) in ``fmt``."""
        node = NamedNode(iri)
        unique = {
            Triple(q.subject, q.predicate, q.object)
            for q in self.store.quads_for_pattern(node, None, None, None)
        }
        triples = sorted(unique, key=str)
        rdf_format = RDF_FORMATS[fmt]
        if fmt in {"ntriples", "jsonld"}:
            return serialize(triples, format=rdf_format) or b""
        return serialize(triples, format=rdf_format, prefixes=PREFIXES) or b""

    def is_indicator(self, iri: str) -> bool:
        """Whether ``iri`` is an indicator (``skos:inScheme`` the indicator scheme)."""
        pattern = (NamedNode(iri), NamedNode(_INDICATOR[0]), NamedNode(_INDICATOR[1]))
        return next(self.store.quads_for_pattern(*pattern), None) is not None

    def download(self, iri: str, lang: str, fmt: str) -> bytes:
        """Every observation of the indicator ``iri`` as ``fmt`` (``"csv"``
        or ``"json"``; :mod:`cikg.serve.downloads`), names in ``lang``."""
        records = indicator_records(self.store, self.names, iri, lang)
        if fmt == "csv":
            return records_to_csv(records)
        return records_to_json(iri, self.names.name(iri, lang), records, lang)

    # -- pages --------------------------------------------------------------------
    def resource(self, iri: str, lang: str, page: int = 1) -> str:
        """The page of a resource.

        :param iri: the resource (one the graph says something about).
        :param lang: ``"zh"`` or ``"en"``.
        :param page: which page of its incoming links to show (from 1).
        :returns: the HTML page.
        """
        name = self.names.name
        grouped: dict[str, list[Value]] = defaultdict(list)
        seen = set()
        for q in self.store.quads_for_pattern(NamedNode(iri), None, None, None):
            prop, obj = q.predicate.value, q.object
            if (prop, obj) in seen:  # the same statement in several graphs
                continue
            seen.add((prop, obj))
            if isinstance(obj, NamedNode):
                grouped[prop].append(Value(name(obj.value, lang), local_href(obj.value), obj.value))
            elif isinstance(obj, BlankNode):
                grouped[prop].append(Value(blank_name(lang)))
            else:
                text = obj.value
                web = text.startswith(("http://", "https://"))
                grouped[prop].append(Value(text, local_href(text) if web else None))
        types = sorted(
            (v.iri for v in grouped.get(_TYPE, [])), key=lambda t: natural_key(name(t, lang))
        )
        facts = {(p, v.iri) for p, values in grouped.items() for v in values if v.iri}
        indicator = _INDICATOR in facts
        title = name(iri, lang)
        properties = sorted(
            (
                (p, name(p, lang), sorted(values, key=lambda v: (natural_key(v.text), v.iri)))
                for p, values in grouped.items()
            ),
            key=lambda item: (natural_key(item[1]), item[0]),
        )
        context = {
            "iri": iri,
            "lang": lang,
            "title": title,
            "labels": self.names.labels(iri),
            "types": [(name(t, lang), local_href(t), t) for t in types],
            "properties": properties,
            "incoming": self._incoming(iri, lang, page),
            "path": local_href(iri),
            "evidence": self._evidence(iri, lang)
            if PREFIXES["qb"] + "Observation" in types
            else self._mentions(iri, lang)
            if _MENTIONED.intersection(types)
            else [],
            "mentions": bool(_MENTIONED.intersection(types)),
            "related_policies": self._related_policies(iri, lang) if indicator else [],
            "sections": self.sections.tables(iri, facts, lang),
            "figure": self._figure(iri, lang) if PREFIXES["qb"] + "Observation" in types else None,
        }
        table, readings = (
            national_series(self.store, self.names, iri, lang) if indicator else ([], [])
        )
        context["series"] = table
        context["download"] = download_path(iri) if indicator else None
        context["chart"] = readings_to_chart(readings, lang)
        return self.env.get_template("resource.html").render(**context)

    def _incoming(self, iri: str, lang: str, page: int) -> Incoming:
        """The links to ``iri`` from other resources, grouped by predicate
        (predicates in the order of their names), each group's resources
        named (:class:`Names`) and in natural order of their names, then cut
        to page ``page``."""
        name = self.names.name
        pairs = {
            (q.predicate.value, q.subject)
            for q in self.store.quads_for_pattern(None, None, NamedNode(iri), None)
        }
        rows = []
        for prop, subject in pairs:
            if isinstance(subject, NamedNode):
                text, href, key = (
                    name(subject.value, lang),
                    local_href(subject.value),
                    subject.value,
                )
            else:  # a blank node (a SHACL shape's part), or a quoted triple
                text, href, key = blank_name(lang), None, str(subject)
            rows.append((prop, text, href, key))
        prop_names = {p: name(p, lang) for p in {r[0] for r in rows}}
        rows.sort(key=lambda r: (natural_key(prop_names[r[0]]), r[0], natural_key(r[1]), r[3]))
        span = Span(len(rows), max(page, 1))
        counts: dict[str, int] = defaultdict(int)
        starts: dict[str, int] = {}
        for i, row in enumerate(rows):
            counts[row[0]] += 1
            starts.setdefault(row[0], i // PAGE_SIZE + 1)
        groups: dict[str, list[tuple[str, str | None]]] = {}
        for prop, text, href, _ in rows[span.offset : span.offset + PAGE_SIZE]:
            groups.setdefault(prop, []).append((text, href))
        return Incoming(
            span,
            [(prop_names[p], p, counts[p], starts[p]) for p in starts],
            [(prop_names[p], p, items) for p, items in groups.items()],
        )

    def _evidence(self, iri: str, lang: str) -> list[dict[str, str | None]]:
        rows = self._rows(
            f"""SELECT ?from ?text ?line ?page ?report ?valueText
                   ?citation ?citationText ?url
            WHERE {{ <{iri}> prov:wasDerivedFrom ?from ; cikg:valueText ?valueText .
              ?from cikg:text ?text ; prov:wasQuotedFrom ?report .
              OPTIONAL {{ ?from cikg:line ?line }} OPTIONAL {{ ?from cikg:page ?page }}
              OPTIONAL {{ <{iri}> cikg:citation ?citation .
                          ?citation cikg:text ?citationText
                          OPTIONAL {{ ?citation schema:url ?url }} }}
            }}"""
        )
        for row in rows:
            if not (row["url"] or "").startswith(("http://", "https://")):
                row["url"] = None  # only web links are clickable (no javascript: from a document)
            row["reportTitle"] = self.names.name(row["report"] or "", lang)
        return _marked(rows)

    def _mentions(self, iri: str, lang: str) -> list[dict[str, str | None]]:
        """The passages that mention a policy, the name they use marked (its
        title or a short name: 十四五规划) (at most 50), each with its report's
        name in ``lang``."""
        rows = self._rows(
            f"""SELECT ?from ?text ?line ?page ?report
                   (GROUP_CONCAT(DISTINCT ?name; separator="\\n") AS ?names)
            WHERE {{ <{iri}> cikg:mentionedIn ?from .
              {{ <{iri}> dcterms:title ?name }} UNION {{ <{iri}> skos:altLabel ?name }}
              ?from cikg:text ?text ; prov:wasQuotedFrom ?report .
              OPTIONAL {{ ?from cikg:line ?line }} OPTIONAL {{ ?from cikg:page ?page }}
            }} GROUP BY ?from ?text ?line ?page ?report
            ORDER BY ?report ?line LIMIT 50"""
        )
        for row in rows:
            names = sorted((row.pop("names") or "").split("\n"), key=len, reverse=True)
            row["valueText"] = next((n for n in names if n and n in (row["text"] or "")), None)
            row["reportTitle"] = self.names.name(row["report"] or "", lang)
        return _marked(rows)

    def _figure(self, iri: str, lang: str) -> dict[str, str] | None:
        """What an observation states, for people: ``figure`` (its value in
        words, qualifier first: 超过 1 亿人 / more than 100 million people),
        ``period`` (2005 年 6 月 / Jun 2005), ``status`` (目标值 / target, or
        ``""``) and ``valueText`` (as the report wrote it); ``None`` without
        a value."""
        rows = self._rows(
            f"""SELECT ?value ?unit ?period ?qualifier ?status ?valueText WHERE {{
              <{iri}> sdmx-measure:obsValue ?value .
              OPTIONAL {{ <{iri}> sdmx-attribute:unitMeasure ?unit }}
              OPTIONAL {{ <{iri}> sdmx-dimension:refPeriod ?period }}
              OPTIONAL {{ <{iri}> cikg:valueQualifier ?qualifier }}
              OPTIONAL {{ <{iri}> sdmx-attribute:obsStatus ?status }}
              OPTIONAL {{ <{iri}> cikg:valueText ?valueText }}
            }} ORDER BY ?unit ?period ?qualifier ?status LIMIT 1"""
        )
        if not rows:
            return None
        row = rows[0]
        unit = row["unit"] or ""
        return {
            "figure": format_quantity(
                row["value"] or "",
                unit,
                lang,
                row["qualifier"],
                self.names.unit_words(unit),
            ),
            "period": format_period(row["period"], lang) if row["period"] else "",
            "status": status_words(row["status"], lang)
            or (self.names.name(row["status"], lang) if row["status"] else ""),
            "valueText": row["valueText"] or "",
        }

    def _related_policies(self, iri: str, lang: str) -> list[tuple[str, str]]:
        rows = self._rows(
            f"SELECT DISTINCT ?p WHERE {{ ?p cikg:relatedIndicator <{iri}> }} ORDER BY ?p LIMIT 50"
        )
        return sorted((self._link(r["p"], lang) for r in rows if r["p"]), key=_by_label)

    def home(self, lang: str) -> str:
        """The home page (:meth:`cikg.serve.front.Front.home`)."""
        return self.front.home(lang)

    def statistics(self, lang: str) -> str:
        """The statistics page (:meth:`cikg.serve.front.Front.statistics`)."""
        return self.front.statistics(lang)

    def listing(self, kind: str, lang: str, page: int = 1) -> str | None:
        """A page of a list (:meth:`cikg.serve.front.Front.listing`); ``None``
        for a kind there is no list of."""
        return self.front.listing(kind, lang, page)

    @cached_property
    def _segmenter(self) -> Segmenter:
        # jieba's own dictionary, not the curated one: curated labels would
        # come out as single tokens and never match a longer label word by word.
        return Segmenter()

    @cached_property
    def _search_index(self) -> tuple[_Indexed, ...]:
        """Every label, title and alias with its matching keys, read once: the
        store is read-only while it is served."""
        rows = self._rows(
            "SELECT DISTINCT ?s ?label ?pref WHERE { { ?s skos:prefLabel ?label BIND(1 AS ?pref) } "
            "UNION { ?s skos:altLabel ?label BIND(0 AS ?pref) } "
            "UNION { ?s dcterms:title ?label BIND(1 AS ?pref) } }"
        )
        return tuple(
            _Indexed(
                row["s"] or "",
                row["label"] or "",
                normalise_key(row["label"] or ""),
                (row["label"] or "").lower(),
                float(row["pref"] or 0),
            )
            for row in rows
        )

    def search(self, q: str, lang: str, page: int = 1) -> Found:
        """Resources whose labels match ``q``, best first, one page of them.

        Ranks: the whole label (3), a label prefix (2), a substring (1), then
        every word of ``q`` in the label, in order (0.75; words are jieba tokens,
        so 网民占比 finds 网民群体占比 but not 占网民整体的比例, and English
        words match the same way); preferred labels and titles get
        +0.5 over aliases, shorter labels win ties (then the IRI, so pages
        do not overlap). Matching ignores case, width and spacing
        (:func:`cikg.iris.normalise_key`).

        :param q: the search terms.
        :param lang: ``"zh"`` or ``"en"``: the language of names and types.
        :param page: which page of :data:`PAGE_SIZE` results (from 1).
        :returns: how many matched, and for those on the page dicts with
            ``iri``, ``label`` (the label that matched), ``name`` (what
            pages call it in ``lang``), ``href`` (the local page),
            ``score``, ``types`` (its classes) and ``type`` (what it is, in
            words: :meth:`_kind`).
        """
        key = normalise_key(q)
        if not key:
            return Found(Span(0, max(page, 1)), [])
        words = [
            t.word.lower() for t in self._segmenter.tokens(q) if any(ch.isalnum() for ch in t.word)
        ]
        scored: dict[str, tuple[float, str]] = {}
        for entry in self._search_index:
            norm = entry.norm
            if norm == key:
                score = 3.0
            elif norm.startswith(key):
                score = 2.0
            elif key in norm:
                score = 1.0
            elif _in_order(words, entry.lower):
                score = 0.75
            else:
                continue
            score += 0.5 * entry.pref - len(norm) / 1000
            best = scored.get(entry.iri)
            if best is None or best[0] < score:
                scored[entry.iri] = (score, entry.label)
        span = Span(len(scored), max(page, 1))
        ranked = sorted(scored.items(), key=lambda item: (-item[1][0], item[0]))
        results: list[dict[str, str | float | list[str] | None]] = []
        for iri, (score, label) in ranked[span.offset : span.offset + PAGE_SIZE]:
            classes, kind = self._kind(iri, lang)
            results.append(
                {
                    "iri": iri,
                    "label": label,
                    "name": self.names.name(iri, lang),
                    "href": local_href(iri),
                    "score": score,
                    "types": classes,
                    "type": kind,
                }
            )
        return Found(span, results)

    def _kind(self, iri: str, lang: str) -> tuple[list[str], str]:
        """The classes of ``iri``, and what a search result says it is: its
        cikg: classes (政策, 报告); else, for a SKOS concept, its concept
        schemes (指标, 地区, 指标术语表); else all its classes (机构 · 政府机构),
        each named by its label."""
        node = NamedNode(iri)
        classes = sorted(
            {q.object.value for q in self.store.quads_for_pattern(node, NamedNode(_TYPE), None)}
        )
        schemes = sorted(
            {
                q.object.value
                for q in self.store.quads_for_pattern(node, NamedNode(_IN_SCHEME), None)
            }
        )
        shown = [c for c in classes if c.startswith(PREFIXES["cikg"])] or schemes or classes
        names = sorted({self.names.name(c, lang) for c in shown}, key=natural_key)
        return classes, " · ".join(names)

    def search_page(self, q: str, lang: str, page: int = 1) -> str:
        """The search page: the form, how many resources match ``q``, and
        page ``page`` of them with their types."""
        return self.env.get_template("search.html").render(
            lang=lang, q=q, found=self.search(q, lang, page)
        )


def _by_label(item: tuple) -> tuple[tuple[str | int, ...], str]:
    """Sort key of ``(label, href or None, ...)``: by label in natural order
    (:func:`natural_key`), then href."""
    return natural_key(item[0]), item[1] or ""


def _marked(rows: list[dict[str, str | None]]) -> list[dict[str, str | None]]:
    """Split each row's ``text`` around its first ``valueText`` into
    ``before``, ``mark`` and ``after`` (all of it ``before`` if absent)."""
    for row in rows:
        text, figure = row["text"] or "", row["valueText"] or ""
        at = text.find(figure) if figure else -1
        row["before"], row["mark"], row["after"] = (
            (text[:at], figure, text[at + len(figure) :]) if at >= 0 else (text, "", "")
        )
    return rows


def _in_order(words: list[str], text: str) -> bool:
    """Whether every word occurs in ``text``, each after the one before.

    >>> _in_order(["网民", "占", "比"], "网民群体占比")
    True
    >>> _in_order(["网民", "占", "比"], "占网民整体的比例")
    False
    """
    at = 0
    for word in words:
        found = text.find(word, at)
        if found < 0:
            return False
        at = found + len(word)
    return bool(words)
