"""Measure the built graph against hand-checked facts (``shared/eval/``).

A gold observation (see ``eval/SCHEMA.md``) is found when the report's graph
holds a ``qb:Observation`` with the same normalised value, the same period
(``YYYY-MM`` -> ``…/id/month/YYYY-MM``, ``YYYY`` -> year, ``YYYY-MM-DD`` ->
day) and area (``CN`` or the region the name stands for), and its indicator
carries a matching label. Labels match after folding what differs between
wordings of one indicator in these reports (white space, quotes and brackets,
数量/数): equal, one contained in the other, or, for a breakdown or derived
indicator, both its base label and its category (the breakdown, or a label
of its derivation such as 增长率) contained in the gold wording.

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

from cikg.iris import IriMinter
from cikg.reference import Reference
from cikg.store import query

__all__ = ["Recall", "label_matches", "observation_recall"]

_REF_PERIOD = "http://reference.data.gov.uk/id/"
_FOLD_RE = re.compile(r"[\s“”\"'‘’「」『』（）()：:、，,。·]")


def _fold(text: str) -> str:
    text = _FOLD_RE.sub("", unicodedata.normalize("NFKC", text)).lower()
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
SELECT ?value ?period ?area ?label ?base ?breakdown WHERE {
  GRAPH ?g { ?obs a qb:Observation ; sdmx-measure:obsValue ?value ;
             sdmx-dimension:refPeriod ?period ; sdmx-dimension:refArea ?area ;
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


def _period_iri(period: str) -> str:
    kind = {1: "year", 2: "month", 3: "day"}[len(period.split("-"))]
    return f"{_REF_PERIOD}{kind}/{period}"


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
    index: dict[tuple[Decimal, str, str], tuple[set[str], set[tuple[str, str]]]] = defaultdict(
        lambda: (set(), set())
    )
    for row in query(store, _OBSERVATIONS.replace("GRAPH>", graph + ">")):  # type: ignore[union-attr]
        key = (Decimal(row["value"].value).normalize(), row["period"].value, row["area"].value)
        labels, parts = index[key]
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
        key = (
            Decimal(str(record["value"])).normalize(),
            _period_iri(record["period"]),
            area.value if area else "",
        )
        if key not in index:
            out.missed.append(record)
            continue
        out.loose[source] += 1
        labels, parts = index[key]
        if label_matches(record["indicator"], labels, parts):
            out.found[source] += 1
        else:
            out.missed.append(record)
    return out
