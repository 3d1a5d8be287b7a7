"""Measure a built graph against hand-checked facts: the curator's tool
behind ``cikg evaluate``.

The facts are JSON Lines in the format of ``shared/eval/SCHEMA.md`` (and
``tests/data/eval/README.md``'s additions: ``page`` for PDFs, ``qualifier``,
``status``, ``period_kind``). Each record names its document (``doc``, the
input file's name); the report built from that file is found by its
``cikg:sourceFile``, so any store built from the documents can be measured.

**Observations.** A gold observation is *found* when the report's graph
holds a ``qb:Observation`` with

- the same value: equal within what the gold's written form rounds away
  (half a unit of its last digit, :func:`rounding_tolerance`), since a
  figure stated twice at different precision is one observation holding
  the precise value (表 5 108,133 万人; 核心数据 10.81 亿人); a gold ratio
  written as a fraction (1/4, 三分之二: 0.25) is the share in percent the
  graph holds (25.00, to two decimals);
- a period ending where the gold says (SCHEMA.md: "end of the reference
  period": ``YYYY-MM`` the month ``cikg:periodEnd`` falls in, ``YYYY`` its
  December, a day that day); a gold period of ``null`` (the text gives
  none) matches any;
- the same area (``CN``, or the region the gold's name stands for);
- the same status: a target or forecast is found only as one, an actual
  figure only as an actual one (records without ``status``, as SCHEMA.md
  writes them, say a forecast in the wording: 市场规模（预计）);

and *its label agrees* when the indicator carries a matching label:
equal after folding what differs between wordings of one indicator (white
space, quotes, bracketed asides, 数量/数, and a derived measure's wordings:
比上年增长 for 增长率, 当月净增 for 环比增量, 较上期增长 (a change since a
date) for 增量, 比重 for 比例, and the gold's own
area at its start: 梅州数字人民币… in 梅州), one contained in the other, most
characters shared in order or in any order, or,
for a breakdown or derived indicator, both its base label and its category
(the breakdown, or a label of its derivation such as 增长率) contained in
the gold wording. Recall is reported strictly (value, period, area, status
and label) and loosely (without the label), by source (table or text);
label agreement is strict over loose.

**Policies** are found by title (:func:`~cikg.iris.policy_key`) among the
policies mentioned in the report, with the issuer (every one of a joint
issuance ``A、B``, each equal to, containing or contained in an issuer's
label: 第十三届全国人民代表大会第三次会议 is found as 全国人民代表大会) and
the date when the gold gives them — a technical standard, a self-regulatory
code or a treaty, which the gold's schema files as policies and the graph
holds as a work of its kind, is found the same way, its publishers as
issuers; **titles
that are not policies** are found when no policy holds them; **citations**
by marker, with publisher (the gold's source as written, an organisation or
its publication, contains or is contained in a publisher's label), URL and
date (a 来源 line under a chart or table,
which has no marker — the gold's ``footnote`` is ``来源`` — by its page and its
text); **organisations** when an
organisation the report's graph refers to carries the gold name or one of
its aliases as a label (a body the gold names by its level alone, 省大数据局,
also as the label that names its place, 贵州省大数据局), or as the name of
one of its products (a source named by its product, 易观千帆, is found as the
firm that makes it, 易观: ``cikg:productName``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pyoxigraph import Store

from cikg.errors import CikgError
from cikg.extract.quantities import rounding_tolerance
from cikg.reference import Reference
from cikg.store import query

__all__ = [
    "DocumentScore",
    "evaluate",
    "label_matches",
    "read_facts",
]

_FOLD_RE = re.compile(r"[\s“”\"'‘’「」『』：:、，,。·]")
_ASIDE_RE = re.compile(r"[（(][^（）()]*[)）]")
#: How a gold record joins several issuers (工业和信息化部 holds 和: not a separator).
_JOINT_RE = re.compile(r"[、，,；;]")


#: Wordings of one measure at a label's end, folded to the derived
#: indicator's: a rise 比上年增长 (%) is a growth rate (增长率), its change in
#: points (增速较上年加快) the rate's change, 当月净增 the change over the
#: month, 当年净增 the change, 比重/占比 a share (比例). Applied to both sides.
_MEASURE_WORDINGS = (
    (re.compile(r"增速(?:同比|比上年|较上年|比去年|较去年)?(?:提高|加快|提升)$"), "增长率增量"),
    (
        re.compile(r"(?:比上年|较上年|比去年|较去年|同比)(?:增长|提升|提高|上升)(?:率|幅度)?$"),
        "增长率",
    ),
    (re.compile(r"(?:当月|比上月|环比)(?:净增|新增)数?$"), "环比增量"),
    (re.compile(r"(?:当年|季度|比上年)?(?:净增|新增)数?$"), "增量"),
    # 较上期增长 4.1 个百分点, 较 2019 年底净增 7812 万户: a change since a date
    (
        re.compile(
            r"(?:较|比)(?:上期|上年底|上年末|\d{4}年(?:底|末|\d{1,2}月)?)"
            r"(?:净增|增长|提升|提高|增加|减少|下降)$"
        ),
        "增量",
    ),
    (re.compile(r"(?:所占比例|占比|比重)$"), "比例"),
    (re.compile(r"规模(?=(?:环比)?增长率$)"), ""),
)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _FOLD_RE.sub("", _ASIDE_RE.sub("", text)).lower().replace("的", "")
    text = text.replace("数量", "数").replace("总数", "数")
    for pattern, replacement in _MEASURE_WORDINGS:
        text = pattern.sub(replacement, text)
    return text


def _shared_characters(a: str, b: str) -> int:
    """How many characters two strings share, order aside (网约车驾驶员证发放数
    and 发放网约车驾驶员证数: all ten): Chinese puts an act before or after
    what it acts on (证发放数, 发放…证数) in one measure's wordings."""
    left = defaultdict(int)
    for ch in a:
        left[ch] += 1
    shared = 0
    for ch in b:
        if left[ch]:
            left[ch] -= 1
            shared += 1
    return shared


def _lcs(a: str, b: str) -> int:
    """Length of the longest common subsequence of two strings."""
    row = [0] * (len(b) + 1)
    for ch in a:
        previous = 0
        for j, other in enumerate(b, 1):
            current = row[j]
            row[j] = previous + 1 if ch == other else max(row[j], row[j - 1])
            previous = current
    return row[-1]


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
    >>> label_matches("网站文章更新量同比增长率", {"各级政府网站文章更新量总量同比增长率"}, set())
    True
    >>> label_matches("电信业务收入比上年增长", {"电信业务收入增长率"}, set())
    True
    >>> label_matches("网约车驾驶员证发放数量", {"发放网约车驾驶员证数"}, set())
    True
    >>> label_matches("中国电信移动用户当月净增", {"中国电信移动用户数环比增量"}, set())
    True
    >>> label_matches("电信业务收入增速同比提高", {"电信业务收入增长率增量"}, set())
    True
    >>> label_matches("农村网络支付用户占比较上期增长", {"农村网络支付用户占比增量"}, set())
    True
    >>> label_matches("农村网络支付用户占比较上期增长", {"农村网络支付用户占比"}, set())
    False
    """
    g = _fold(gold)
    for label in labels:
        x = _fold(label)
        if x and (x == g or x in g or g in x):
            return True
        for common in (_lcs(g, x), _shared_characters(g, x)) if x and g else ():
            if common >= 0.85 * len(g) and common >= 0.6 * len(x):
                return True
    return any(_fold(base) in g and _fold(cat) in g for base, cat in parts)


def _issued_by(gold: str, label: str, ref: Reference) -> bool:
    """Whether a gold issuer (folded) names the issuer labelled ``label``
    (folded): equal, one containing the other, or a place the text names as
    the issuer (山东济南在全国率先出台《…》) and a body of that place
    (济南市人民政府).

    >>> from cikg.reference import load_reference
    >>> ref = load_reference()
    >>> _issued_by("山东济南", "济南市人民政府", ref), _issued_by("山东济南", "青岛市人民政府", ref)
    (True, False)
    """
    if gold == label or (len(label) >= 2 and (label in gold or gold in label)):
        return True
    place = ref.region(gold)
    if place is None:
        return False
    names = [name for name, iri in ref.region_names.items() if iri == place and len(name) >= 2]
    return any(label.startswith(name) for name in names)


def read_facts(paths: Iterable[Path]) -> list[dict]:
    """The records of JSON Lines fact files, in order.

    :raises CikgError: naming the file and line of a record that is not JSON
        or has no ``kind`` or ``doc``.
    """
    records = []
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise CikgError(f"{path}: cannot read: {exc}") from exc
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CikgError(f"{path}:{n}: not JSON: {exc}") from exc
            if not isinstance(record, dict) or "kind" not in record or "doc" not in record:
                raise CikgError(f"{path}:{n}: a fact needs 'kind' and 'doc'")
            records.append(record)
    return records


@dataclass
class DocumentScore:
    """How one document's gold facts fare in the graph.

    :param doc: the input file's name.
    :param report: the report IRI built from it, or ``None`` when the store
        holds none (every fact is then missed).
    :param total: gold records by key: ``observation:table``,
        ``observation:text``, ``policy``, ``issuer``, ``non_policy_title``,
        ``citation``, ``organisation``.
    :param found: those found (observations: strictly, label included).
    :param loose: observations found by value, period, area and status alone.
    :param missed: the gold records not found (strictly), for inspection.
    :param label_differs: those of ``missed`` that are observations found
        loosely: the graph holds the value, period and area under another
        label (a wording to compare, not a figure lost).
    """

    doc: str
    report: str | None
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    loose: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    missed: list[dict] = field(default_factory=list)
    label_differs: list[dict] = field(default_factory=list)

    def rate(self, key: str, strict: bool = True) -> float | None:
        """Found over total for one key (0–1), or ``None`` when it has none."""
        hits = self.found if strict else self.loose
        return hits[key] / self.total[key] if self.total[key] else None


_REPORTS = "SELECT ?r ?file WHERE { ?r a cikg:Report ; cikg:sourceFile ?file }"
_OBSERVATIONS = """
SELECT ?value ?end ?area ?status ?label ?base ?breakdown WHERE {
  ?obs qb:dataSet/dcterms:source <REPORT> ; sdmx-measure:obsValue ?value ;
       cikg:periodEnd ?end ; sdmx-dimension:refArea ?area ; cikg:indicator ?ind .
  OPTIONAL { ?obs sdmx-attribute:obsStatus ?status }
  OPTIONAL { ?ind skos:prefLabel|skos:altLabel ?label FILTER(LANG(?label) = "zh") }
  OPTIONAL { { ?ind cikg:breakdown ?breakdown }
             UNION { ?ind cikg:derivation/(skos:prefLabel|skos:altLabel) ?breakdown
                     FILTER(LANG(?breakdown) = "zh") }
             ?ind cikg:baseIndicator/(skos:prefLabel|skos:altLabel) ?base
             FILTER(LANG(?base) = "zh") }
}
"""
_POLICIES = """
SELECT ?title ?alt ?issuer ?date WHERE {
  ?p a cikg:Policy ; dcterms:title ?title ; cikg:mentionedIn/prov:wasQuotedFrom <REPORT> .
  OPTIONAL { ?p skos:altLabel ?alt }
  OPTIONAL { ?p eli:passed_by/(skos:prefLabel|skos:altLabel) ?issuer }
  OPTIONAL { ?p eli:date_document ?date }
}
"""
#: Works the gold's schema files as policies ("a policy or legal document"),
#: which the graph holds as works of their kind: technical standards,
#: self-regulatory codes and treaties, with their publishers and dates (``?alt``
#: is never bound: the shape of :data:`_POLICIES`).
_NORMATIVE_WORKS = """
SELECT ?title ?alt ?issuer ?date WHERE {
  VALUES ?kind { <https://w3id.org/cikg/id/title-kind/standard>
                 <https://w3id.org/cikg/id/title-kind/self-regulation>
                 <https://w3id.org/cikg/id/title-kind/treaty> }
  ?p a schema:CreativeWork ; dcterms:type ?kind ; dcterms:title ?title ;
     cikg:mentionedIn/prov:wasQuotedFrom <REPORT> .
  OPTIONAL { ?p dcterms:publisher/(skos:prefLabel|skos:altLabel) ?issuer }
  OPTIONAL { ?p dcterms:issued ?date }
}
"""
_CITATIONS = """
SELECT ?c ?url ?date ?publisher ?page ?text WHERE {
  ?c a cikg:Citation ; dcterms:isPartOf <REPORT> ; cikg:text ?text .
  OPTIONAL { ?c cikg:page ?page }
  OPTIONAL { ?c schema:url ?url }
  OPTIONAL { ?c dcterms:date ?date }
  OPTIONAL { ?c dcterms:publisher/(skos:prefLabel|skos:altLabel) ?publisher }
}
"""
_ORGANISATIONS = """
SELECT DISTINCT ?name WHERE {
  GRAPH ?g { <REPORT> a cikg:Report . ?s ?p ?org }
  ?org a org:Organization ; skos:prefLabel|skos:altLabel|cikg:productName ?name .
}
"""


def _status(iri: str | None) -> str:
    """``actual``, ``forecast`` or ``target`` from an ``sdmx-attribute:obsStatus`` IRI."""
    if iri is None:
        return "actual"
    tail = iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1].lower()
    if tail.endswith("-f") or "forecast" in tail:
        return "forecast"
    if "target" in tail:
        return "target"
    return "actual"


def _period_key(period: str) -> str:
    """A gold period (end of the reference period) as a key comparable with
    an observation's ``cikg:periodEnd``: ``2024`` -> ``2024-12``."""
    return f"{period}-12" if len(period) == 4 else period


_Entry = tuple[Decimal, str, set[str], set[tuple[str, str]]]


def _observations(store: Store, report: str) -> dict[tuple[str, str], list[_Entry]]:
    """(period key, area IRI) -> (value, status, labels, parts) of the report's observations."""
    entries: dict[tuple[str, str, str, str], _Entry] = {}
    index: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
    for row in query(store, _OBSERVATIONS.replace("<REPORT>", f"<{report}>")):  # type: ignore[union-attr]
        status = _status(row["status"].value if row["status"] is not None else None)
        end = row["end"].value
        for period in (end[:7], end):
            key = (row["value"].value, period, row["area"].value, status)
            if key not in entries:
                entries[key] = (Decimal(row["value"].value), status, set(), set())
                index[(period, row["area"].value)].append(entries[key])
            _, _, labels, parts = entries[key]
            if row["label"] is not None:
                labels.add(row["label"].value)
            if row["base"] is not None and row["breakdown"] is not None:
                parts.add((row["base"].value, row["breakdown"].value))
    return index


#: A value written as a fraction (1/4, 三分之二).
_FRACTION_TEXT_RE = re.compile(r"\d\s*/\s*\d|分之")


def _score_observation(
    record: dict, index: dict[tuple[str, str], list[_Entry]], ref: Reference
) -> tuple[bool, bool]:
    """(loosely found, strictly found) for one gold observation."""
    area = ref.region("全国" if record["area"] == "CN" else record["area"])
    if area is None:
        return False, False
    gold = Decimal(str(record["value"]))
    tolerance = rounding_tolerance(record.get("value_text", ""), gold)
    if record.get("unit") == "other:ratio" and _FRACTION_TEXT_RE.search(record["value_text"]):
        # 约占上海全市 1/4, 近三分之二: the gold's ratio (0.25) is the graph's share in
        # percent (25.00, two decimals)
        gold, tolerance = gold * 100, Decimal("0.01")
    status = record.get("status") or (
        "forecast" if "预计" in record.get("indicator", "") else "actual"
    )
    period = record.get("period")
    keys = (
        [(_period_key(period), area.value)]
        if period
        else [k for k in index if k[1] == area.value and len(k[0]) == 7]
    )
    candidates = [
        (labels, parts)
        for key in keys
        for value, st, labels, parts in index.get(key, [])
        if st == status and abs(value - gold) <= tolerance
    ]
    if not candidates:
        return False, False
    wordings = {record["indicator"]}
    if record["area"] != "CN" and record["indicator"].startswith(record["area"]):
        # 梅州数字人民币个人钱包累计开立数量 in 梅州: the area is its own dimension
        wordings.add(record["indicator"][len(record["area"]) :])
    return True, any(label_matches(w, lb, pt) for w in wordings for lb, pt in candidates)


def _policies(
    store: Store, report: str, sparql: str = _POLICIES
) -> dict[str, tuple[set[str], set[str]]]:
    """Title key (of its title and aliases) -> (folded issuer labels, dates) of
    the report's policies, or of what ``sparql`` selects in their shape (the
    normative works, :data:`_NORMATIVE_WORKS`, with ``?alt`` unbound)."""
    from cikg.extract.policies import policy_key

    found: dict[str, tuple[set[str], set[str]]] = {}
    for row in query(store, sparql.replace("<REPORT>", f"<{report}>")):  # type: ignore[union-attr]
        keys = {policy_key(row["title"].value)}
        if row["alt"] is not None:
            keys.add(policy_key(row["alt"].value))
        for key in keys:
            issuers, dates = found.setdefault(key, (set(), set()))
            if row["issuer"] is not None:
                issuers.add(_fold(row["issuer"].value))
            if row["date"] is not None:
                dates.add(row["date"].value)
    return found


def _citations(store: Store, report: str) -> dict[str, tuple[set[str], set[str], set[str]]]:
    """Marker -> (URLs, dates, folded publisher labels) of a report's citations;
    a 来源 line, which has no marker, is keyed ``"p<page>:<its text>"``
    (:func:`_line_key`) as well."""
    found: dict[str, tuple[set[str], set[str], set[str]]] = {}
    for row in query(store, _CITATIONS.replace("<REPORT>", f"<{report}>")):  # type: ignore[union-attr]
        page = row["page"].value if row["page"] is not None else ""
        entries = [
            found.setdefault(key, (set(), set(), set()))
            for key in (row["c"].value.rsplit("/", 1)[-1], _line_key(page, row["text"].value))
        ]
        for urls, dates, publishers in entries:
            if row["url"] is not None:
                urls.add(row["url"].value)
            if row["date"] is not None:
                dates.add(row["date"].value)
            if row["publisher"] is not None:
                publishers.add(_fold(row["publisher"].value))
    return found


def _cited(gold: str, publishers: set[str]) -> bool:
    """Whether a gold citation's ``org`` — the source as written, an
    organisation or its publication (腾讯 2024 年第三季度财务报告, 教育部新闻
    发布会), several joined by 、 (斗鱼、虎牙) — names publishers the graph
    holds: each part equal to, containing or contained in one's folded label.

    >>> _cited("腾讯 2024 年第三季度财务报告", {"腾讯"}), _cited("斗鱼、虎牙", {"斗鱼"})
    (True, False)
    """
    parts = [_fold(p) for p in _JOINT_RE.split(gold) if p.strip()]
    return bool(parts) and all(
        any(p == x or x in p or p in x for x in publishers if x) for p in parts
    )


def _line_key(page: object, text: str) -> str:
    """The key of a 来源 line: its page and its text, spaces dropped."""
    return f"p{page}:" + _SPACE_RE.sub("", unicodedata.normalize("NFKC", text))


_MARKER_RE = re.compile(r"^\[?\d+\]?$")
_SPACE_RE = re.compile(r"\s+")


def _score_document(
    store: Store, doc: str, report: str | None, records: list[dict], ref: Reference
) -> DocumentScore:
    from cikg.extract.policies import policy_key

    score = DocumentScore(doc, report)
    index = _observations(store, report) if report else {}
    policies = _policies(store, report) if report else {}
    works = _policies(store, report, _NORMATIVE_WORKS) if report else {}
    citations = _citations(store, report) if report else {}
    orgs = (
        {
            _fold(r["name"].value)
            for r in query(store, _ORGANISATIONS.replace("<REPORT>", f"<{report}>"))  # type: ignore[union-attr]
        }
        if report
        else set()
    )
    for record in records:
        kind = record["kind"]
        if kind == "observation":
            key = f"observation:{record.get('from') or 'text'}"
            score.total[key] += 1
            loose, strict = _score_observation(record, index, ref)
            score.loose[key] += loose
            score.found[key] += strict
            if not strict:
                score.missed.append(record)
                if loose:
                    score.label_differs.append(record)
            continue
        if kind == "policy":
            key = policy_key(record["title"])
            entry = policies.get(key) or works.get(key)
            ok = entry is not None
            if ok and record.get("date"):
                ok = any(d.startswith(record["date"]) for d in entry[1])  # type: ignore[index]
            issuer = record.get("issuer")
            if issuer:
                score.total["issuer"] += 1
                named = [_fold(p) for p in _JOINT_RE.split(issuer) if p.strip()]
                issued = entry is not None and all(
                    any(_issued_by(n, x, ref) for x in entry[0]) for n in named
                )
                score.found["issuer"] += issued
                ok = ok and issued
        elif kind == "non_policy_title":
            ok = policy_key(record["title"]) not in policies
        elif kind == "citation":
            marker = str(record.get("footnote", ""))
            if not _MARKER_RE.match(marker):  # a 来源 line under a chart: by page and text
                marker = _line_key(record.get("page", ""), record.get("evidence", ""))
            entry3 = citations.get(marker.strip("[]"))
            ok = entry3 is not None
            if ok and record.get("url"):
                ok = record["url"] in entry3[0]  # type: ignore[index]
            if ok and record.get("date"):
                ok = record["date"] in entry3[1]  # type: ignore[index]
            if ok and record.get("org"):
                ok = _cited(record["org"], entry3[2])  # type: ignore[index]
        elif kind == "organisation":
            names = [record["name"], *record.get("aliases", [])]
            ok = any(
                form in orgs or _placed(form, orgs, ref) for n in names for form in _forms(_fold(n))
            )
        else:
            continue
        score.total[kind] += 1
        score.found[kind] += ok
        if not ok:
            score.missed.append(record)
    return score


_LEVELS = ("省", "市", "县", "区", "州")


def _forms(name: str) -> set[str]:
    """A gold organisation's name (folded) and the forms of it that name the
    same body: without a generic 公司 after a short name (滴滴公司 -> 滴滴) or
    the nation before a body's (中国工信部 -> 工信部).

    >>> sorted(_forms("滴滴公司")), sorted(_forms("中国工信部")), sorted(_forms("中国电信"))
    (['滴滴', '滴滴公司'], ['中国工信部', '工信部'], ['中国电信'])
    """
    forms = {name}
    if name.endswith("公司") and 2 <= len(name) - 2 <= 4:
        forms.add(name[:-2])
    if name.startswith("中国") and len(name) - 2 >= 3:
        forms.add(name[2:])
    return forms


def _placed(name: str, orgs: set[str], ref: Reference) -> bool:
    """Whether a body the gold names by its level alone, as written (省大数据局),
    is in the graph with its place (贵州省大数据局: the finder completes such a
    name from the place the text names before it).

    >>> from cikg.reference import load_reference
    >>> _placed("省大数据局", {"贵州省大数据局"}, load_reference())
    True
    >>> _placed("省大数据局", {"大数据局"}, load_reference())
    False
    """
    if not name.startswith(_LEVELS):
        return False
    return any(
        org.endswith(name) and ref.region(org[: -len(name)]) is not None
        for org in orgs
        if len(org) > len(name)
    )


def evaluate(store: Store, records: list[dict], ref: Reference) -> list[DocumentScore]:
    """Score each document's gold records against the report built from it.

    :param store: the built store.
    :param records: gold records (:func:`read_facts`), any documents.
    :param ref: resolves gold area names to regions.
    :return: one score per document, in the order the records name them.
    """
    reports = {
        row["file"].value: row["r"].value
        for row in query(store, _REPORTS)  # type: ignore[union-attr]
    }
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_doc[record["doc"]].append(record)
    return [
        _score_document(store, doc, reports.get(doc), recs, ref) for doc, recs in by_doc.items()
    ]
