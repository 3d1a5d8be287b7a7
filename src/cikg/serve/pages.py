"""Linked-data pages: every ``https://w3id.org/cikg/id/X`` served at
``/id/X``, as a page for people and as data for machines.

The page of a resource shows its labels in the reader's language (Chinese or
English, from ``Accept-Language`` or ``?lang=``), its types, every property
grouped by predicate with linked values named by their labels, and its
incoming links grouped by predicate with counts and paging. An observation
shows its evidence the way Wikidata shows references: the report, page or
line, the verbatim sentence or table row with the figure marked, and the
cited source with its link; a policy shows the passages that mention it the
same way, its title marked. Policies, organisations, regions and reports get
sections of their own (:data:`_SECTIONS`). An indicator charts its national series (SVG,
no script) above the table behind it, with its definition and related
policies. The home page counts resources by class and lists entry points;
``/search`` finds labels in both languages.

Everything runs in the calling thread and returns text: pyoxigraph objects
stay where they were made. Templates are Jinja2 with autoescaping, so every
literal is escaped, and links go through one macro (``templates/link.html``)
that writes plain text where :func:`local_href` gives no link.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyoxigraph import Literal, NamedNode, Store, Triple, serialize

from cikg.iris import DEFAULT_BASE, normalise_key
from cikg.segment import Segmenter
from cikg.serve.results import RDF_FORMATS
from cikg.vocab import PREFIXES

__all__ = ["ID_BASE", "Pages", "choose_language"]

#: The published namespace of the graph's resources, served at ``/id/``.
ID_BASE = f"{DEFAULT_BASE}id/"
_INCOMING_PAGE = 50
_LABELS = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://purl.org/dc/terms/title",
)
_TEMPLATES = Path(__file__).resolve().parent / "templates"
_CN = ID_BASE + "region/CN"


@dataclass(frozen=True, slots=True)
class Section:
    """A part of a page shown for resources of one kind.

    :param when: ``(predicate, object)`` the resource must have, e.g.
        ``rdf:type cikg:Policy``.
    :param zh: the heading in Chinese; ``en`` in English.
    :param sparql: a SELECT over the resource ``<{iri}>`` binding ``?s`` (the
        linked resource), optionally ``?name`` (an IRI whose label names the
        row instead of ``?s``) and ``?note`` (a literal shown beside it).
    """

    when: tuple[str, str]
    zh: str
    en: str
    sparql: str


_TYPE = PREFIXES["rdf"] + "type"
_REGION = (PREFIXES["skos"] + "inScheme", ID_BASE + "scheme/region")
_INDICATOR = (PREFIXES["skos"] + "inScheme", ID_BASE + "scheme/indicator")
_SECTION_LIMIT = 200
_SECTIONS = (
    Section(
        (_TYPE, PREFIXES["cikg"] + "Policy"),
        "相关指标及最新全国数值",
        "Related indicators and their latest national value",
        f"""SELECT ?s (CONCAT(SUBSTR(STR(SAMPLE(?last)), 1, 7), ": ",
                   GROUP_CONCAT(DISTINCT ?text; SEPARATOR=" / ")) AS ?note) WHERE {{
          <{{iri}}> cikg:relatedIndicator ?s .
          OPTIONAL {{
            {{ SELECT ?s (MAX(?e) AS ?last) WHERE {{
                 <{{iri}}> cikg:relatedIndicator ?s .
                 [] cikg:indicator ?s ; sdmx-dimension:refArea <{_CN}> ; cikg:periodEnd ?e }}
               GROUP BY ?s }}
            ?o cikg:indicator ?s ; sdmx-dimension:refArea <{_CN}> ; cikg:periodEnd ?last ;
               cikg:valueText ?text }}
        }} GROUP BY ?s ORDER BY DESC(COUNT(?text)) ?s""",
    ),
    Section(
        (_TYPE, PREFIXES["org"] + "Organization"),
        "发布的政策",
        "Policies it issued",
        "SELECT ?s ?note WHERE { ?s eli:passed_by <{iri}> "
        "OPTIONAL { ?s eli:date_document ?date } BIND(COALESCE(STR(?date), '') AS ?note) } "
        "ORDER BY DESC(?note) ?s",
    ),
    Section(
        (_TYPE, PREFIXES["org"] + "Organization"),
        "以其为来源的数据",
        "Figures it is cited as the source of",
        "SELECT ?s ?name ?note WHERE { ?s sdmx-attribute:compilingOrg <{iri}> ; "
        "cikg:indicator ?name ; cikg:valueText ?note } ORDER BY ?name ?s",
    ),
    Section(
        (_TYPE, PREFIXES["org"] + "Organization"),
        "发布者为它的引用与报告",
        "Citations and reports naming it as publisher",
        "SELECT ?s ?note WHERE { ?s dcterms:publisher <{iri}> OPTIONAL { ?s cikg:text ?note } } "
        "ORDER BY ?s",
    ),
    Section(
        _REGION,
        "观测（按指标）",
        "Observations by indicator",
        "SELECT ?s (STR(COUNT(?o)) AS ?note) WHERE { ?o sdmx-dimension:refArea <{iri}> ; "
        "cikg:indicator ?s } GROUP BY ?s ORDER BY DESC(COUNT(?o)) ?s",
    ),
    Section(
        (_TYPE, PREFIXES["cikg"] + "Report"),
        "数据集与观测数",
        "Datasets and their observations",
        "SELECT ?s (STR(COUNT(?o)) AS ?note) WHERE { ?s dcterms:source <{iri}> . "
        "?o qb:dataSet ?s } GROUP BY ?s ORDER BY ?s",
    ),
    Section(
        (_TYPE, PREFIXES["cikg"] + "Report"),
        "表格",
        "Tables",
        "SELECT ?s ?note WHERE { ?s a cikg:Table ; prov:wasQuotedFrom <{iri}> "
        "OPTIONAL { ?s cikg:section ?note } } ORDER BY ?s",
    ),
    Section(
        (_TYPE, PREFIXES["cikg"] + "Report"),
        "提及的政策",
        "Policies it mentions",
        "SELECT DISTINCT ?s WHERE { ?s a cikg:Policy ; "
        "cikg:mentionedIn/prov:wasQuotedFrom <{iri}> } ORDER BY ?s",
    ),
)


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


def _compact(iri: str) -> str:
    for prefix, base in PREFIXES.items():
        if iri.startswith(base):
            return f"{prefix}:{iri[len(base) :]}"
    return iri


def local_href(iri: str) -> str | None:
    """Where the server shows an IRI: ``/id/X`` for the graph's own, the IRI
    itself for other web IRIs, and ``None`` (no link) for any other scheme,
    so a ``javascript:`` IRI in the data never becomes a link.

    >>> local_href("https://w3id.org/cikg/id/org/miit")
    '/id/org/miit'
    >>> local_href("javascript:alert(1)") is None
    True
    """
    if iri.startswith(ID_BASE):
        return "/id/" + iri[len(ID_BASE) :]
    return iri if iri.startswith(("http://", "https://")) else None


@dataclass(frozen=True, slots=True)
class Value:
    """A property value as a page shows it."""

    text: str
    href: str | None = None
    note: str = ""


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

    def __init__(self, store: Store, build_id: str) -> None:
        self.store = store
        self.build_id = build_id
        self.env = Environment(
            loader=FileSystemLoader(str(_TEMPLATES)), autoescape=select_autoescape(["html"])
        )
        self.env.globals["href"] = local_href

    # -- helpers -------------------------------------------------------------
    def _rows(self, sparql: str) -> list[dict[str, str | None]]:
        result = self.store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
        names = [v.value for v in result.variables]  # type: ignore[union-attr]
        return [
            {n: (None if row[n] is None else row[n].value) for n in names}
            for row in result  # type: ignore[union-attr]
        ]

    def labels(self, iris: set[str]) -> dict[str, dict[str, str]]:
        """IRI -> {language: label} for the IRIs that have one."""
        found: dict[str, dict[str, str]] = defaultdict(dict)
        for iri in iris:
            for prop in _LABELS:
                for q in self.store.quads_for_pattern(NamedNode(iri), NamedNode(prop), None):
                    obj = q.object
                    if isinstance(obj, Literal):
                        found[iri].setdefault(obj.language or "zh", obj.value)
        return found

    @staticmethod
    def label(labels: dict[str, dict[str, str]], iri: str, lang: str) -> str:
        """The label to show in ``lang``; in English, a resource with only a
        Chinese label (a policy, a report, an organisation no curator named in
        English) is shown as ``… (untranslated)``, never silently Chinese."""
        own = labels.get(iri, {})
        if own.get(lang):
            return own[lang]
        if lang == "en" and own.get("zh"):
            return f"{own['zh']} (untranslated)"
        return own.get("zh") or own.get("en") or _compact(iri).rsplit("/", 1)[-1]

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

    # -- pages --------------------------------------------------------------------
    def resource(self, iri: str, lang: str, page: int = 1) -> str:
        """The page of a resource."""
        props = self._rows(f"SELECT DISTINCT ?p ?o WHERE {{ <{iri}> ?p ?o }} ORDER BY ?p ?o")
        incoming = self._rows(
            f"SELECT ?p (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p <{iri}> }} "
            "GROUP BY ?p ORDER BY ?p"
        )
        offset = (max(page, 1) - 1) * _INCOMING_PAGE
        links = self._rows(
            f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p <{iri}> }} ORDER BY ?p ?s "
            f"LIMIT {_INCOMING_PAGE} OFFSET {offset}"
        )
        types = [r["o"] for r in props if r["p"] == _TYPE]
        facts = {(r["p"], r["o"]) for r in props}
        indicator = _INDICATOR in facts
        iris = {
            iri,
            *(r["p"] for r in props),
            *(r["p"] for r in incoming),
            *(s["s"] for s in links),
        }
        iris |= {r["o"] for r in props if r["o"] and r["o"].startswith("http")}
        labels = self.labels({i for i in iris if i})
        grouped: dict[str, list[Value]] = defaultdict(list)
        for r in props:
            value = r["o"] or ""
            if value.startswith(("http://", "https://")):
                grouped[r["p"]].append(Value(self.label(labels, value, lang), local_href(value)))
            else:
                grouped[r["p"]].append(Value(value))
        title = self.label(labels, iri, lang)
        if PREFIXES["qb"] + "Observation" in types:
            title = _observation_title(grouped, lang)
        context = {
            "iri": iri,
            "lang": lang,
            "title": title,
            "labels": labels.get(iri, {}),
            "types": [(self.label(labels, t, lang), local_href(t)) for t in types],
            "properties": [
                (_compact(p), self.label(labels, p, lang), values) for p, values in grouped.items()
            ],
            "incoming": [(_compact(r["p"]), int(r["n"] or 0), r["p"]) for r in incoming],
            "links": [
                (self.label(labels, s["s"], lang), local_href(s["s"]), _compact(s["p"]))
                for s in links
            ],
            "page": page,
            "more": sum(int(r["n"] or 0) for r in incoming) > offset + _INCOMING_PAGE,
            "path": local_href(iri),
            "evidence": self._evidence(iri, lang)
            if PREFIXES["qb"] + "Observation" in types
            else self._mentions(iri)
            if PREFIXES["cikg"] + "Policy" in types
            else [],
            "mentions": PREFIXES["cikg"] + "Policy" in types,
            "series": self._series(iri, lang) if indicator else [],
            "related_policies": self._related_policies(iri, lang) if indicator else [],
            "sections": self._sections(iri, facts, lang),
        }
        context["chart"] = _chart(context["series"], context["title"])
        return self.env.get_template("resource.html").render(**context)

    def _sections(
        self, iri: str, facts: set[tuple[str | None, str | None]], lang: str
    ) -> list[tuple[str, list[tuple[str, str, str]], bool]]:
        """``(heading, [(label, href, note)], capped)`` for each section whose
        condition the resource meets and that has rows (at most 200 each;
        ``capped`` says there may be more)."""
        shown = []
        for section in _SECTIONS:
            if section.when not in facts:
                continue
            query = section.sparql.replace("{iri}", iri)
            rows = self._rows(f"{query} LIMIT {_SECTION_LIMIT}")
            if not rows:
                continue
            labels = self.labels({r.get(k) or "" for r in rows for k in ("s", "name")} - {""})
            items = [
                (
                    self.label(labels, r.get("name") or r["s"] or "", lang),
                    local_href(r["s"] or ""),
                    r.get("note") or "",
                )
                for r in rows
                if r["s"]
            ]
            heading = section.zh if lang == "zh" else section.en
            shown.append((heading, items, len(rows) == _SECTION_LIMIT))
        return shown

    def _evidence(self, iri: str, lang: str) -> list[dict[str, str | None]]:
        rows = self._rows(
            f"""SELECT ?from ?text ?line ?page ?report ?reportTitle ?valueText
                   ?citation ?citationText ?url
            WHERE {{ <{iri}> prov:wasDerivedFrom ?from ; cikg:valueText ?valueText .
              ?from cikg:text ?text ; prov:wasQuotedFrom ?report .
              OPTIONAL {{ ?from cikg:line ?line }} OPTIONAL {{ ?from cikg:page ?page }}
              OPTIONAL {{ ?report dcterms:title ?reportTitle }}
              OPTIONAL {{ <{iri}> cikg:citation ?citation .
                          ?citation cikg:text ?citationText
                          OPTIONAL {{ ?citation schema:url ?url }} }}
            }}"""
        )
        for row in rows:
            if not (row["url"] or "").startswith(("http://", "https://")):
                row["url"] = None  # only web links are clickable (no javascript: from a document)
        return _marked(rows)

    def _mentions(self, iri: str) -> list[dict[str, str | None]]:
        """The passages that mention a policy, the name they use marked (its
        title or a short name: 十四五规划) (at most 50)."""
        rows = self._rows(
            f"""SELECT ?from ?text ?line ?page ?report ?reportTitle
                   (GROUP_CONCAT(DISTINCT ?name; separator="\\n") AS ?names)
            WHERE {{ <{iri}> cikg:mentionedIn ?from .
              {{ <{iri}> dcterms:title ?name }} UNION {{ <{iri}> skos:altLabel ?name }}
              ?from cikg:text ?text ; prov:wasQuotedFrom ?report .
              OPTIONAL {{ ?from cikg:line ?line }} OPTIONAL {{ ?from cikg:page ?page }}
              OPTIONAL {{ ?report dcterms:title ?reportTitle }}
            }} GROUP BY ?from ?text ?line ?page ?report ?reportTitle
            ORDER BY ?report ?line LIMIT 50"""
        )
        for row in rows:
            names = sorted((row.pop("names") or "").split("\n"), key=len, reverse=True)
            row["valueText"] = next((n for n in names if n and n in (row["text"] or "")), None)
        return _marked(rows)

    def _series(self, iri: str, lang: str) -> list[dict[str, str | None]]:
        return self._rows(
            f"""SELECT ?obs ?end ?value ?unit ?valueText ?report WHERE {{
              ?obs cikg:indicator <{iri}> ; sdmx-dimension:refArea <{ID_BASE}region/CN> ;
                   cikg:periodEnd ?end ; sdmx-measure:obsValue ?value ;
                   sdmx-attribute:unitMeasure ?unit ; cikg:valueText ?valueText ;
                   qb:dataSet/dcterms:source ?report }} ORDER BY ?end ?report"""
        )

    def _related_policies(self, iri: str, lang: str) -> list[tuple[str, str]]:
        rows = self._rows(
            f"SELECT DISTINCT ?p WHERE {{ ?p cikg:relatedIndicator <{iri}> }} ORDER BY ?p LIMIT 50"
        )
        labels = self.labels({r["p"] for r in rows if r["p"]})
        return [(self.label(labels, r["p"], lang), local_href(r["p"])) for r in rows if r["p"]]

    def home(self, lang: str) -> str:
        """The home page: counts by class, then entry lists: indicators by
        topic (curated ones under their topic, ``skos:broader``), policies by
        year (``eli:date_document``, undated last), organisations, regions
        and reports."""
        counts = self._rows(
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n)"
        )
        topics = self._grouped(
            "SELECT DISTINCT ?group ?s WHERE { ?s skos:broader ?group . ?group a cikg:Topic }",
            lang,
        )
        policies = self._grouped(
            "SELECT DISTINCT ?group ?s WHERE { ?s a cikg:Policy "
            "OPTIONAL { ?s eli:date_document ?date } "
            "BIND(COALESCE(STR(YEAR(?date)), '') AS ?group) }",
            lang,
            label_groups=False,
        )
        policies.sort(key=lambda g: g[0] or "0", reverse=True)
        lists = {}
        for name, pattern in {
            "organisations": "?s a org:Organization",
            "regions": f"?s skos:inScheme <{ID_BASE}scheme/region>",
            "reports": "?s a cikg:Report",
        }.items():
            rows = self._rows(f"SELECT DISTINCT ?s WHERE {{ {pattern} }}")
            labels = self.labels({r["s"] for r in rows if r["s"]})
            lists[name] = sorted(
                ((self.label(labels, r["s"], lang), local_href(r["s"])) for r in rows if r["s"]),
                key=_by_label,
            )
        return self.env.get_template("home.html").render(
            lang=lang,
            counts=[(_compact(r["c"] or ""), r["n"]) for r in counts],
            topics=topics,
            policies=policies,
            lists=lists,
        )

    def _grouped(
        self, sparql: str, lang: str, label_groups: bool = True
    ) -> list[tuple[str, str | None, list[tuple[str, str | None]]]]:
        """``(group label, group href, [(member label, member href)])`` from a
        query binding ``?group`` and ``?s``, groups and members sorted by label."""
        rows = self._rows(sparql)
        keys = ("group", "s") if label_groups else ("s",)
        labels = self.labels({r[k] for r in rows for k in keys if r[k]})
        members: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        for r in rows:
            if r["s"]:
                members[r["group"] or ""].append(
                    (self.label(labels, r["s"], lang), local_href(r["s"]))
                )
        return sorted(
            (
                (
                    self.label(labels, group, lang) if label_groups else group,
                    local_href(group) if label_groups else None,
                    sorted(items, key=_by_label),
                )
                for group, items in members.items()
            ),
            key=_by_label,
        )

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

    def search(self, q: str, lang: str, limit: int = 50) -> list[dict[str, str | float]]:
        """Resources whose labels match ``q``, best first.

        Ranks: the whole label (3), a label prefix (2), a substring (1), then
        every word of ``q`` in the label, in order (0.75; words are jieba tokens,
        so 网民占比 finds 网民群体占比 but not 占网民整体的比例, and English
        words match the same way); preferred labels and titles get
        +0.5 over aliases, shorter labels win ties. Matching ignores case,
        width and spacing (:func:`cikg.iris.normalise_key`).

        :returns: at most ``limit`` dicts with ``iri``, ``label``, ``href``
            (the local page) and ``score``.
        """
        key = normalise_key(q)
        if not key:
            return []
        words = [
            t.word.lower() for t in self._segmenter.tokens(q) if any(ch.isalnum() for ch in t.word)
        ]
        scored: dict[str, dict[str, str | float]] = {}
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
            if best is None or float(best["score"]) < score:
                scored[entry.iri] = {"iri": entry.iri, "label": entry.label, "score": score}
        ranked = sorted(scored.values(), key=lambda r: -float(r["score"]))[:limit]
        for r in ranked:
            r["href"] = local_href(str(r["iri"]))
        return ranked

    def search_page(self, q: str, lang: str) -> str:
        return self.env.get_template("search.html").render(
            lang=lang, q=q, results=self.search(q, lang)
        )


def _by_label(item: tuple) -> tuple[str, str]:
    """Sort key of ``(label, href or None, ...)``: by label, then href."""
    return item[0], item[1] or ""


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


_OBS_PARTS = (
    PREFIXES["cikg"] + "indicator",
    PREFIXES["sdmx-dimension"] + "refArea",
    PREFIXES["sdmx-dimension"] + "refPeriod",
)


def _observation_title(grouped: dict[str, list[Value]], lang: str) -> str:
    """An observation named by what it says, not by its hash (#19):
    网民规模 · 中国 · 2024-12：11.08 亿人 — the indicator, area and period as
    labelled, then the value as written (the normalised value when the text
    gave none).

    :param grouped: the observation's values by property (labels resolved).
    :param lang: ``"zh"`` or ``"en"`` (the separator after the period).
    """
    parts = []
    for prop in _OBS_PARTS:
        values = grouped.get(prop) or []
        if values:
            text = values[0].text
            if prop.endswith("refPeriod"):
                text = text.rsplit("/", 1)[-1]  # month/2024-12 -> 2024-12
            parts.append(text)
    written = grouped.get(PREFIXES["cikg"] + "valueText") or grouped.get(
        PREFIXES["sdmx-measure"] + "obsValue"
    )
    value = written[0].text if written else ""
    return " · ".join(parts) + (("：" if lang == "zh" else ": ") + value if value else "")


def _chart(series: list[dict[str, str | None]], title: str) -> dict | None:
    """An SVG line chart of a national series: one line per unit, points in
    period order, each linked to its observation."""
    by_unit: dict[str, list[dict[str, str | None]]] = defaultdict(list)
    for row in series:
        by_unit[row["unit"] or ""].append(row)
    if not series:
        return None
    width, height, pad = 640, 260, 40
    ends = sorted({row["end"] or "" for row in series})
    x_of = {
        end: pad + (width - 2 * pad) * (i / max(1, len(ends) - 1)) for i, end in enumerate(ends)
    }
    lines = []
    for unit, rows in by_unit.items():
        values = [float(r["value"] or 0) for r in rows]
        low, high = min(values), max(values)
        span = (high - low) or (abs(high) or 1.0)
        points = []
        for r, v in zip(rows, values, strict=True):
            y = height - pad - (height - 2 * pad) * ((v - low) / span if span else 0.5)
            points.append(
                {
                    "x": round(x_of[r["end"] or ""], 1),
                    "y": round(y if math.isfinite(y) else height / 2, 1),
                    "label": f"{(r['end'] or '')[:7]}: {r['valueText']}",
                    "href": local_href(r["obs"] or ""),
                }
            )
        lines.append({"unit": _compact(unit), "points": points})
    summary = "; ".join(f"{(r['end'] or '')[:7]} {r['valueText']}" for r in series)
    return {"width": width, "height": height, "lines": lines, "alt": f"{title}: {summary}"}
