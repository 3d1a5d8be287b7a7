"""What the catalogue's curators read off a built store: the candidate
indicators (most observed first, with wordings and evidence), the terms
that keep labels untranslated, English coverage, duplicate groups and the
share of indicators that form a series.

Every function reads the union of a store's graphs and returns plain
dataclasses (``cikg indicators`` prints them; ``benchmarks/catalogue.py``
and the tests measure them).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from pyoxigraph import Store

from cikg.extract.subjects import label_problem
from cikg.iris import normalise_key
from cikg.reference import Reference
from cikg.segment import Segmenter
from cikg.store import query

__all__ = [
    "Candidate",
    "IndicatorUse",
    "candidates",
    "debris",
    "duplicate_groups",
    "indicator_uses",
    "is_translated",
    "same_fact_groups",
    "untranslated_terms",
]

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
UNTRANSLATED = "(untranslated)"
_PAIRS = ("（）", "()", "《》", "“”", "【】", "「」")
_TRAILING_RE = re.compile(r"(?:的|和|与|及|等|或|了)$")


def debris(label: str, segmenter: Segmenter) -> str | None:
    """What makes a label debris a user would notice, or ``None``: brackets
    or quotes left open, what :func:`cikg.extract.subjects.label_problem`
    finds (a leading conjunction, particle or source: 和…, 的…, 据…; a count at
    the start: 3天线上线下客流量; no thing measured: 建设数), a trailing
    particle (…的, …等).

    >>> from cikg.reference import load_reference
    >>> seg = Segmenter.from_reference(load_reference())
    >>> debris("和上级医院建立远程医疗协作关系卫生院比例", seg)
    "'和上级医院建立远程医疗协作关系卫生院比例' opens with '和'"
    >>> debris("在线教育用户规模", seg) is None, debris("60岁及以上网民比例", seg) is None
    (True, True)
    """
    for opening, closing in _PAIRS:
        if label.count(opening) != label.count(closing):
            return f"unbalanced {opening}{closing}"
    problem = label_problem(label, segmenter)
    if problem:
        return problem
    if _TRAILING_RE.search(label):
        return f"ends with {label[-1]}"
    return None


@dataclass(frozen=True, slots=True)
class IndicatorUse:
    """One indicator that carries observations.

    :param iri: the concept.
    :param zh: its Chinese preferred label.
    :param en: its English preferred label ("" when it has none).
    :param candidate: whether it is a candidate (``cikg:curationStatus
        cikg:Candidate``): minted from a wording no curated concept matches.
        A concept neither curated nor a candidate is derived (a curated base
        with a derivation or a category).
    :param periods: distinct reference periods of its observations.
    :param documents: the reports (``dcterms:source`` of the data sets) stating it.
    :param observations: how many observations it has.
    :param breakdown: its ``cikg:breakdown`` category, "" when none.
    """

    iri: str
    zh: str
    en: str
    candidate: bool
    periods: frozenset[str]
    documents: frozenset[str]
    observations: int
    breakdown: str = ""


_USES = """
SELECT ?ind ?obs ?period ?report (SAMPLE(?zh) AS ?zhLabel) (SAMPLE(?en) AS ?enLabel)
       (SAMPLE(?status) AS ?st) (SAMPLE(?category) AS ?breakdown) WHERE {
  ?obs cikg:indicator ?ind ; sdmx-dimension:refPeriod ?period ; qb:dataSet/dcterms:source ?report .
  OPTIONAL { ?ind skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }
  OPTIONAL { ?ind skos:prefLabel ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?ind cikg:curationStatus ?status }
  OPTIONAL { ?ind cikg:breakdown ?category }
} GROUP BY ?ind ?obs ?period ?report
"""


def indicator_uses(store: Store) -> list[IndicatorUse]:
    """Every indicator with at least one observation, most observed first."""
    rows: dict[str, dict] = {}
    for row in query(store, _USES):  # type: ignore[union-attr]
        use = rows.setdefault(
            row["ind"].value,
            {
                "zh": row["zhLabel"].value if row["zhLabel"] else "",
                "en": row["enLabel"].value if row["enLabel"] else "",
                "candidate": row["st"] is not None and row["st"].value.endswith("#Candidate"),
                "breakdown": row["breakdown"].value if row["breakdown"] else "",
                "periods": set(),
                "documents": set(),
                "observations": set(),
            },
        )
        use["periods"].add(row["period"].value)
        use["documents"].add(row["report"].value)
        use["observations"].add(row["obs"].value)
    found = [
        IndicatorUse(
            iri,
            u["zh"],
            u["en"],
            u["candidate"],
            frozenset(u["periods"]),
            frozenset(u["documents"]),
            len(u["observations"]),
            u["breakdown"],
        )
        for iri, u in rows.items()
    ]
    return sorted(found, key=lambda u: (-u.observations, u.zh))


def is_translated(english: str) -> bool:
    """Whether an English label is real: present, not marked untranslated,
    no Chinese in it."""
    return bool(english) and UNTRANSLATED not in english and not _CJK_RE.search(english)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A minted indicator as the curation list shows it.

    :param iri: the concept.
    :param label: its Chinese preferred label (the canonical wording).
    :param english: its English label.
    :param wordings: every wording the documents used (``skos:altLabel``).
    :param observations: how many observations it has.
    :param documents: how many reports state it.
    :param evidence: the text of one passage or table it was read from.
    """

    iri: str
    label: str
    english: str
    wordings: tuple[str, ...]
    observations: int
    documents: int
    evidence: str


_WORDINGS = """
SELECT ?ind ?wording WHERE {
  ?ind cikg:curationStatus cikg:Candidate ; skos:altLabel ?wording
}
"""
_EVIDENCE = """
SELECT ?ind (SAMPLE(?text) AS ?sample) WHERE {
  ?ind cikg:curationStatus cikg:Candidate .
  ?obs cikg:indicator ?ind ; prov:wasDerivedFrom ?block .
  ?block cikg:text ?text .
} GROUP BY ?ind
"""


def candidates(store: Store) -> list[Candidate]:
    """The candidate indicators, most observed first (the work list for
    growing the catalogue)."""
    wordings: dict[str, set[str]] = defaultdict(set)
    for row in query(store, _WORDINGS):  # type: ignore[union-attr]
        wordings[row["ind"].value].add(row["wording"].value)
    evidence = {
        row["ind"].value: row["sample"].value
        for row in query(store, _EVIDENCE)  # type: ignore[union-attr]
        if row["sample"] is not None
    }
    return [
        Candidate(
            use.iri,
            use.zh,
            use.en,
            tuple(sorted(wordings.get(use.iri, ()))),
            use.observations,
            len(use.documents),
            _sentence_around(evidence.get(use.iri, ""), use.zh),
        )
        for use in indicator_uses(store)
        if use.candidate
    ]


def _sentence_around(text: str, label: str) -> str:
    """The sentence of ``text`` that best shows ``label`` (the one sharing
    most characters with it), at most 200 characters."""
    sentences = [s for s in re.split(r"(?<=[。！？；\n])", text) if s.strip()]
    if not sentences:
        return ""
    best = max(sentences, key=lambda s: len(set(s) & set(label)))
    return best.strip()[:200]


def untranslated_terms(
    uses: list[IndicatorUse], ref: Reference, segmenter: Segmenter
) -> Counter[str]:
    """The words that keep indicators' English labels untranslated, by how
    many indicators they stop: the glossary's missing terms, cut into
    words by the segmenter (a curator adds words, not runs)."""
    terms: Counter[str] = Counter()
    for use in uses:
        if is_translated(use.en):
            continue
        missing = ref.glossary.compose(use.zh).missing
        words = {t.word for run in missing for t in segmenter.tokens(run) if _CJK_RE.search(t.word)}
        terms.update(words)
    return terms


@dataclass(frozen=True, slots=True)
class Group:
    """Indicators that are probably one: by what they share.

    :param reason: the shared key or fact.
    :param members: (IRI, Chinese label) of each.
    """

    reason: str
    members: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def duplicate_groups(uses: list[IndicatorUse], ref: Reference) -> list[Group]:
    """Indicators whose labels share a catalogue key
    (:meth:`cikg.reference.Reference.indicator_key`): one concept twice. A
    breakdown whose key drops its category (网页（php）) keys with it."""
    by_key: dict[str, list[IndicatorUse]] = defaultdict(list)
    for use in uses:
        key = ref.indicator_key(use.zh)
        category = normalise_key(use.breakdown)
        by_key[key if category in key else f"{key}|{category}"].append(use)
    return [
        Group(key, tuple((u.iri, u.zh) for u in members))
        for key, members in sorted(by_key.items())
        if len(members) > 1
    ]


_FACTS = """
SELECT DISTINCT ?ind ?value ?period ?area ?unit WHERE {
  ?obs cikg:indicator ?ind ; sdmx-measure:obsValue ?value ; sdmx-dimension:refPeriod ?period ;
       sdmx-dimension:refArea ?area ; sdmx-attribute:unitMeasure ?unit .
  FILTER NOT EXISTS { ?ind cikg:baseIndicator ?base }
}
"""


def same_fact_groups(store: Store, uses: list[IndicatorUse]) -> list[Group]:
    """Near-duplicates: indicators that state one fact — the same value,
    unit, period and area under two concepts (2304 万 .CN domains at
    2020-06 as 「.CN域名数量」 and 「“.CN”下域名总数」).

    Only values that identify a fact are compared: at least four significant
    digits, not a percentage or a rank (78.6 % or 1st recur by chance), and
    indicators with no base (a breakdown may equal its base's total).
    """
    labels = {u.iri: u.zh for u in uses}
    by_fact: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    for row in query(store, _FACTS):  # type: ignore[union-attr]
        unit = row["unit"].value
        if unit.endswith(("PERCENT", "percent", "/rank", "PERCENT-POINT")):
            continue
        value = Decimal(row["value"].value)
        if len(value.normalize().as_tuple().digits) < 4 or row["ind"].value not in labels:
            continue
        key = (str(value.normalize()), unit, row["period"].value, row["area"].value)
        by_fact[key].add(row["ind"].value)
    return [
        Group(
            f"{value} at {period.rsplit('/', 1)[-1]}",
            tuple(sorted((iri, labels[iri]) for iri in members)),
        )
        for (value, _, period, _), members in sorted(by_fact.items())
        if len(members) > 1
    ]
