"""Measure the built graph against hand-checked facts (``shared/eval/``).

A gold observation (see ``eval/SCHEMA.md``) is found when the report's graph
holds a ``qb:Observation`` with the same normalised value, a period ending
where the gold period says (SCHEMA.md: "end of the reference period":
``YYYY-MM`` the month ``cikg:periodEnd`` falls in, ``YYYY`` its December,
a day that day) and the same area (``CN`` or the region the name stands
for), and its indicator carries a matching label. A figure a report states
twice at different precision (表 5 108,133 万人; 核心数据 10.81 亿人) is
one observation holding the precise value, so the value matches when it rounds
to the gold's value text (within half a unit of its last digit).

Labels match after folding what differs between wordings of one indicator
in these reports (white space, quotes, bracketed asides, 数量/数): equal, one
contained in the other, or, for a breakdown or derived indicator, both its
base label and its category (the breakdown, or a label of its derivation
such as 增长率) contained in the gold wording.

Recall is reported strictly (value, period, area and label) and loosely
(value, period and area), by source (table or text), so the gap is visible.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pyoxigraph import Store

from cikg.extract.quantities import rounding_tolerance
from cikg.iris import IriMinter
from cikg.reference import Reference
from cikg.store import query

__all__ = ["EntityRecall", "Recall", "entity_recall", "label_matches", "observation_recall"]

_REF_PERIOD = "http://reference.data.gov.uk/id/"
_FOLD_RE = re.compile(r"[\s“”\"'‘’「」『』：:、，,。·]")
_ASIDE_RE = re.compile(r"[（(][^（）()]*[)）]")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _FOLD_RE.sub("", _ASIDE_RE.sub("", text)).lower()
    return text.replace("数量", "数").replace("总数", "数")


def label_matches(gold: str, labels: set[str], parts: set[tuple[str, str]]) -> bool:
    """Whether a gold indicator wording matches one of an indicator's labels.

    :param gold: the wording in the gold record (``“.COM”域名数量``).
    :param labels: the indicator's Chinese labels.
    :param parts: (base label, category) pairs of a breakdown or derived
        indicator: its breakdown (``.COM``) or its derivation's labels (增长率).

    >>> label_matches("“.COM”域名数量", {"域名数（.COM）"}, {("域名数", ".COM")})
    True
    >>> label_matches("即时通信用户规模", {"即时通信网民使用率"}, set())
    False
    """
    g = _fold(gold)
    for label in labels:
        x = _fold(label)
        if x and (x == g or x in g or g in x):
            return True
    return any(_fold(base) in g and _fold(cat) in g for base, cat in parts)


@dataclass
class Recall:
    """Recall of gold observations.

    :param total: gold observations by source (``table``, ``text``).
    :param found: those found with a matching label.
    :param loose: those found by value, period and area alone.
    :param missed: the gold records not found (strictly), for inspection.
    """

    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    loose: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    missed: list[dict] = field(default_factory=list)

    def rate(self, source: str | None = None, strict: bool = True) -> float:
        """Recall in 0–1, over one source or all."""
        hits = self.found if strict else self.loose
        keys = [source] if source else list(self.total)
        total = sum(self.total[k] for k in keys)
        return sum(hits[k] for k in keys) / total if total else 0.0


_OBSERVATIONS = """
SELECT ?value ?end ?area ?label ?base ?breakdown WHERE {
  GRAPH ?g { ?obs a qb:Observation ; sdmx-measure:obsValue ?value ;
             cikg:periodEnd ?end ; sdmx-dimension:refArea ?area ;
             cikg:indicator ?ind }
  OPTIONAL { ?ind skos:prefLabel|skos:altLabel ?label FILTER(LANG(?label) = "zh") }
  OPTIONAL { { ?ind cikg:breakdown ?breakdown }
             UNION { ?ind cikg:derivation/(skos:prefLabel|skos:altLabel) ?breakdown
                     FILTER(LANG(?breakdown) = "zh") }
             ?ind cikg:baseIndicator/(skos:prefLabel|skos:altLabel) ?base
             FILTER(LANG(?base) = "zh") }
  FILTER(?g = <GRAPH>)
}
"""


def _period_key(period: str) -> str:
    """A gold period (the end of the reference period) as a key comparable
    with an observation's ``cikg:periodEnd``: ``2024-12`` -> ``2024-12``,
    ``2024`` -> ``2024-12`` (a year ends in December), a day stays a day."""
    return f"{period}-12" if len(period) == 4 else period


def _end_keys(end: str) -> tuple[str, str]:
    return end[:7], end


def observation_recall(
    store: Store, gold_path: Path, slug: str, ref: Reference, minter: IriMinter | None = None
) -> Recall:
    """Recall of the gold observations of one report.

    :param store: the built store.
    :param gold_path: a JSON Lines file of gold records (``eval/SCHEMA.md``).
    :param slug: the report's slug (``cnnic-55``).
    :param ref: resolves gold area names to regions.
    :return: recall by source, and the records missed.
    """
    minter = minter or IriMinter()
    graph = minter.report_graph(slug).value
    index: dict[tuple[str, str], list[tuple[Decimal, set[str], set[tuple[str, str]]]]] = (
        defaultdict(list)
    )
    entries: dict[tuple[str, str, str], tuple[Decimal, set[str], set[tuple[str, str]]]] = {}
    for row in query(store, _OBSERVATIONS.replace("GRAPH>", graph + ">")):  # type: ignore[union-attr]
        value = Decimal(row["value"].value)
        for period in _end_keys(row["end"].value):
            key = (row["value"].value, period, row["area"].value)
            if key not in entries:
                entries[key] = (value, set(), set())
                index[(period, row["area"].value)].append(entries[key])
            _, labels, parts = entries[key]
            if row["label"] is not None:
                labels.add(row["label"].value)
            if row["base"] is not None and row["breakdown"] is not None:
                parts.add((row["base"].value, row["breakdown"].value))
    out = Recall()
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("kind") != "observation":
            continue
        source = record.get("from", "text")
        out.total[source] += 1
        area = ref.region("全国") if record["area"] == "CN" else ref.region(record["area"])
        gold = Decimal(str(record["value"]))
        tolerance = rounding_tolerance(record.get("value_text", ""), gold)
        candidates = [
            (labels, parts)
            for value, labels, parts in index.get(
                (_period_key(record["period"]), area.value if area else ""), []
            )
            if abs(value - gold) <= tolerance
        ]
        if not candidates:
            out.missed.append(record)
            continue
        out.loose[source] += 1
        if any(label_matches(record["indicator"], lb, pt) for lb, pt in candidates):
            out.found[source] += 1
        else:
            out.missed.append(record)
    return out


_POLICIES = """
SELECT ?title ?issuer ?date WHERE {
  ?p a cikg:Policy ; dcterms:title ?title ; cikg:mentionedIn/prov:wasQuotedFrom <REPORT> .
  OPTIONAL { ?p eli:passed_by/(skos:prefLabel|skos:altLabel) ?issuer }
  OPTIONAL { ?p eli:date_document ?date }
}
"""
_CITATIONS = """
SELECT ?c ?url ?date ?publisher WHERE {
  ?c a cikg:Citation ; dcterms:isPartOf <REPORT> .
  OPTIONAL { ?c schema:url ?url }
  OPTIONAL { ?c dcterms:date ?date }
  OPTIONAL { ?c dcterms:publisher/(skos:prefLabel|skos:altLabel) ?publisher }
}
"""


@dataclass
class EntityRecall:
    """How many gold records of each kind were found, and which were not.

    :param total: gold records by kind (policy, non_policy_title, citation).
    :param found: those the graph holds as the record says.
    :param missed: the records not found.
    """

    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    missed: list[dict] = field(default_factory=list)


def entity_recall(
    store: Store, gold_path: Path, slug: str, minter: IriMinter | None = None
) -> EntityRecall:
    """Recall of a report's gold policies (title, and issuer and date when
    the record gives them), titles that are not policies (no policy holds
    them), and footnote citations (marker, publisher, URL and date).

    :param store: the built store.
    :param gold_path: JSON Lines of gold records (``eval/SCHEMA.md``).
    :param slug: the report's slug.
    :return: counts by kind and the records missed.
    """
    from cikg.extract.policies import policy_key

    minter = minter or IriMinter()
    report = minter.report(slug).value
    policies: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for row in query(store, _POLICIES.replace("<REPORT>", f"<{report}>")):  # type: ignore[union-attr]
        issuers, dates = policies[policy_key(row["title"].value)]
        if row["issuer"] is not None:
            issuers.add(_fold(row["issuer"].value))
        if row["date"] is not None:
            dates.add(row["date"].value)
    citations: dict[str, tuple[set[str], set[str], set[str]]] = defaultdict(
        lambda: (set(), set(), set())
    )
    for row in query(store, _CITATIONS.replace("<REPORT>", f"<{report}>")):  # type: ignore[union-attr]
        urls, dates, publishers = citations[row["c"].value.rsplit("/", 1)[-1]]
        if row["url"] is not None:
            urls.add(row["url"].value)
        if row["date"] is not None:
            dates.add(row["date"].value)
        if row["publisher"] is not None:
            publishers.add(_fold(row["publisher"].value))
    out = EntityRecall()
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        kind = record.get("kind")
        if kind == "policy":
            entry = policies.get(policy_key(record["title"]))
            ok = entry is not None
            if ok and record.get("issuer"):
                ok = _fold(record["issuer"]) in entry[0]
            if ok and record.get("date"):
                ok = any(d.startswith(record["date"]) for d in entry[1])
        elif kind == "non_policy_title":
            ok = policy_key(record["title"]) not in policies
        elif kind == "citation":
            entry = citations.get(record["footnote"].strip("[]"))
            ok = entry is not None
            if ok and record.get("url"):
                ok = record["url"] in entry[0]
            if ok and record.get("date"):
                ok = record["date"] in entry[1]
            if ok and record.get("org"):
                ok = _fold(record["org"]) in entry[2]
        else:
            continue
        out.total[kind] += 1
        if ok:
            out.found[kind] += 1
        else:
            out.missed.append(record)
    return out
